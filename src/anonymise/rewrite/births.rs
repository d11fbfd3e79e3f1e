//! A date of birth in a clause: an age band as at the events, nothing
//! where the band says nothing (a young child), or gone where the clause
//! already says the age.

use std::ops::Range;

use super::text::{any_before, phrase_before, sentence_around, with_spacing, words_of};
use super::{Category, Context, Edit, Rule, Run};
use crate::anonymise::born::{born_before_year, turned_age_end};

/// "(aged 87, DOB 02.03.1936)": a person's age and date of birth side by
/// side say one thing; the second goes with what joins it to the first,
/// which becomes the age band.
fn birth_said_twice(cx: &Context<'_>, run: &Run, p: usize) -> Option<Edit> {
    let prev = cx.hits[..run.hits.start]
        .last()
        .filter(|h| h.category == Category::DateOfBirth && h.person == Some(p))
        .map(|h| h.range.end);
    let said = prev.or_else(|| age_written_before(cx, run.range.start))?;
    let gap = cx.text.get(said..run.range.start)?;
    let allowed = &cx.rules().sentence.words;
    let joined = gap.trim_start().starts_with([',', ';'])
        && gap.len() <= 24
        && words_of(gap).all(|w| w == "aged" || allowed.contains(&w));
    joined.then(|| Edit {
        range: said..run.range.end,
        text: String::new(),
        rule: Rule::IdentifierAside,
    })
}

/// The end of an age written in words before `at` ("aged 86", "86 years
/// old"), which no date nearby made a date of birth.
fn age_written_before(cx: &Context<'_>, at: usize) -> Option<usize> {
    let head = &cx.text[..at];
    let comma = head.rfind([',', ';'])?;
    let age = head[..comma].trim_end();
    let years = cx.rules().date_of_birth.years.iter().find_map(|y| {
        let n = age.len().checked_sub(y.len())?;
        (age.is_char_boundary(n) && age[n..].eq_ignore_ascii_case(y)).then(|| age[..n].trim_end())
    });
    let number = years.unwrap_or(age);
    let digits = number.len() - number.trim_end_matches(|c: char| c.is_ascii_digit()).len();
    let aged = phrase_before(cx.text, number.len() - digits, "aged").is_some();
    ((1..=3).contains(&digits) && (aged || years.is_some())).then_some(age.len())
}

/// A date of birth after "born", or an age that gives one away: an age band
/// as at the events ("who was born on 2 March 1936" → "who was in her
/// eighties"; "was 86 on 30 January 2023" → "was in her eighties on …"), or
/// nothing where the band says so (a young child: "C was born on 14/09/2014
/// and has cerebral palsy" → "C has cerebral palsy").
pub(super) fn birth(cx: &Context<'_>, run: &Run) -> Option<Edit> {
    let p = run.person(cx)?;
    if let Some(e) = birth_said_twice(cx, run, p) {
        return Some(e);
    }
    if let Some(e) = birthday(cx, run) {
        return Some(e);
    }
    let written = &cx.text[run.range.clone()];
    let cue = any_before(cx.text, run.range.start, &cx.rules().date_of_birth.born);
    if let Some(e) = cue.and_then(|(at, cue)| birth_as_noun(cx, at..run.range.end, cue, p)) {
        return Some(e);
    }
    // An age is at most three digits, or words ("eighty-six"); four digits
    // are a year ("born in 1936"), and so are two after "born" ("born in
    // 68").
    let written_age = if cue.is_some() {
        None
    } else if written.len() <= 3 && written.chars().all(|c| c.is_ascii_digit()) {
        written.parse().ok()
    } else {
        crate::anonymise::number_words::cardinal(written)
    };
    let age_written = written_age.is_some();
    // A written age is the age at its sentence's date; a date of birth is
    // read as at the events.
    let age = match written_age {
        Some(age) => age,
        None => {
            let born = cx.ids.born(p)?;
            u32::try_from(born.years_until(cx.as_at(born)?)).ok()?
        }
    };
    let band = cx
        .rules()
        .date_of_birth
        .bands
        .iter()
        .find(|b| age < b.below)?;
    let text = band
        .write
        .replace("{their}", cx.their(Some(p), run.range.end));
    let (start, end) = if age_written {
        // An age: "aged 86" and "86 years old" go whole.
        let after = &cx.text[run.range.end..];
        let years = (cx.rules().date_of_birth.years.iter())
            .find(|y| {
                after
                    .strip_prefix(' ')
                    .and_then(|a| a.get(..y.len()))
                    .is_some_and(|a| a.eq_ignore_ascii_case(y))
            })
            .map_or(0, |y| y.len() + 1);
        (
            phrase_before(cx.text, run.range.start, "aged").unwrap_or(run.range.start),
            run.range.end + years,
        )
    } else {
        // "born in Cork in 1936", "born in the autumn of 1936": the place
        // or the time of year goes with the year.
        let start = cue
            .map(|(at, _)| at)
            .or_else(|| born_before_year(cx.text, run.range.start))?;
        (start, run.range.end)
    };
    if text.is_empty() {
        return without_age(cx, start..end, age_written);
    }
    // "turned 90" → "was in her nineties": the band takes the verb of being.
    let became = cx
        .rules()
        .date_of_birth
        .became
        .iter()
        .find_map(|b| phrase_before(cx.text, start, &b.verb).map(|at| (at, b.write.as_str())));
    let (start, text) = match became {
        Some((at, "")) if age_written => (at, text),
        Some((at, verb)) if age_written => (at, format!("{verb} {text}")),
        _ => (start, text),
    };
    Some(Edit {
        range: start..end,
        text,
        rule: Rule::BirthAsAge,
    })
}

/// "DOB 09/11/1968 was on the form" → "Her date of birth was on the
/// form": a cue that names a date of birth, with its date, where it is a
/// noun of its clause (its subject at the sentence's start, or after a
/// word in lower case) rather than an aside after a name ("Mrs X (DOB
/// 09/11/1968)", "Mrs X, DOB …", which take the age band).
fn birth_as_noun(cx: &Context<'_>, range: Range<usize>, cue: &str, p: usize) -> Option<Edit> {
    let noun = cx.rules().date_of_birth.noun.as_ref()?;
    if !noun.cues.iter().any(|c| c == cue) {
        return None;
    }
    let head = cx.text[..range.start].trim_end();
    // At a sentence's start, a subject: its clause goes on ("DOB … was on
    // the form"), where a line of its own ("DOB 09.11.68") is a field, and
    // takes the band.
    let clause_goes_on = cx.text[range.end..]
        .split(['.', '!', '?', '\n', ';'])
        .next()
        .is_some_and(|rest| rest.contains(char::is_alphabetic));
    // After a colon, what something said: "The form said: DOB …".
    let starts_sentence = ((head.is_empty() || head.ends_with(['.', '!', '?', '\n']))
        && clause_goes_on)
        || head.ends_with(':');
    let word_before = head
        .rsplit(|c: char| !(c.is_alphanumeric() || matches!(c, '\'' | '\u{2019}')))
        .next()
        .unwrap_or("");
    let possessive = word_before.ends_with("'s") || word_before.ends_with("\u{2019}s");
    let determined = possessive
        || noun
            .determiners
            .iter()
            .any(|d| d.eq_ignore_ascii_case(word_before));
    let lower = word_before.starts_with(|c: char| c.is_lowercase());
    if !(starts_sentence || lower || determined) {
        return None;
    }
    let text = if determined {
        noun.after_determiner.clone()
    } else {
        noun.write.replace("{their}", cx.their(Some(p), range.end))
    };
    Some(Edit {
        range,
        text,
        rule: Rule::BirthAsNoun,
    })
}

/// "She spent her birthday on 2 March in hospital" → "She spent her
/// birthday in hospital": a birthday's day and month go, with the words
/// between them and the phrase's first word ("birthday"); "turned 56 on 9
/// November" keeps the age.
fn birthday(cx: &Context<'_>, run: &Run) -> Option<Edit> {
    // "Mrs X turned 56 on 9 November" → "Mrs X turned 56".
    if let Some(keep) = turned_age_end(cx.text, run.range.start) {
        return Some(Edit {
            range: keep..run.range.end,
            text: String::new(),
            rule: Rule::BirthAsAge,
        });
    }
    let (at, phrase) = any_before(cx.text, run.range.start, &cx.rules().date_of_birth.birthday)?;
    // The phrase's first word ("birthday") stays.
    let keep = at + phrase.split([' ', ',']).next().unwrap_or("").len();
    // An aside ("her birthday, 2 March, was") goes with its closing comma.
    let end = match cx.text[run.range.end..].strip_prefix(',') {
        Some(_) if phrase.ends_with(',') => run.range.end + 1,
        _ => run.range.end,
    };
    Some(Edit {
        range: keep..end,
        text: String::new(),
        rule: Rule::BirthAsAge,
    })
}

/// The date of birth at `range` ("born on 14/09/2014", "86") said nothing
/// of: with its verb and the "and" after it ("C was born on … and has" →
/// "C has"), with its aside (", who was born on …,"), or with its sentence
/// ("C was born on 14/09/2014.").
fn without_age(cx: &Context<'_>, range: Range<usize>, age_written: bool) -> Option<Edit> {
    let after = &cx.text[range.end..];
    let edit = |range: Range<usize>| Edit {
        range,
        text: String::new(),
        rule: Rule::BirthAsAge,
    };
    // "Y, aged 4, was frightened" → "Y was frightened"; "Y (aged 4)" (a
    // date in an aside is the aside rule's).
    let head = cx.text[..range.start].trim_end();
    if age_written && let Some(open) = head.strip_suffix([',', '(']).map(str::len) {
        match (&cx.text[open..=open], after.chars().next()) {
            // Both commas go: "Y, aged 4, was" → "Y was".
            (",", Some(',')) => return Some(edit(open..range.end + 1)),
            // The brackets and the space before them.
            ("(", Some(')')) => {
                return Some(edit(cx.text[..open].trim_end().len()..range.end + 1));
            }
            _ => {}
        }
    }
    let copula = ["was", "is"]
        .iter()
        .find_map(|c| phrase_before(cx.text, range.start, c))?;
    if after.starts_with(" and ") {
        return Some(edit(copula..range.end + 5));
    }
    if let Some(who) = phrase_before(cx.text, copula, "who")
        && let Some(open) = cx.text[..who].trim_end().strip_suffix(',').map(str::len)
        && after.starts_with(',')
    {
        return Some(edit(open..range.end + 1));
    }
    let s = sentence_around(cx.text, &range);
    let subject = &cx.text[s.start..copula];
    let one_name = cx.hits[cx.hits_in(&(s.start..copula))].iter().any(|h| {
        cx.text[s.start..h.range.start].trim().is_empty()
            && subject[h.range.end - s.start..].trim().is_empty()
    });
    let ends_here = cx.text[range.end..s.end].trim() == ".";
    (one_name && ends_here).then(|| edit(with_spacing(cx.text, s)))
}

#[cfg(test)]
mod tests {
    use crate::anonymise::rewrite::tests::check;

    #[test]
    fn dates_of_birth_become_an_age_band_or_go() {
        check(&[
            (
                "Mrs O'Neill, who was born on 2 March 1936, lived alone.",
                "Mrs Y, who was in her eighties, lived alone.",
            ),
            (
                "Mrs O'Neill, who was born in March 1936, lived alone.",
                "Mrs Y, who was in her eighties, lived alone.",
            ),
            // An age beside a month and year gives the month of birth away.
            (
                "Mrs O'Neill turned 88 in March 2024.",
                "Mrs Y was in her eighties in March 2024.",
            ),
            (
                "In March 2024 the Council took 88 days to reply.",
                "In March 2024 the Council took 88 days to reply.",
            ),
            // A year alone after "b.", whose full stop ends no sentence.
            (
                "Mrs O'Neill (b. 1936) lived alone.",
                "Mrs Y (in her eighties) lived alone.",
            ),
            // The day and month alone, after "born" or "birthday".
            (
                "Mrs O'Neill was born on 2 March.",
                "Mrs Y was in her eighties.",
            ),
            (
                "She spent her birthday on 2nd March in hospital.",
                "She spent her birthday in hospital.",
            ),
            (
                "Her birthday, the 2nd of March, was spent in hospital.",
                "Her birthday was spent in hospital.",
            ),
            (
                "Her birthday is March 2nd. She was alone.",
                "She was alone.",
            ),
            (
                "On 2 March the Council visited.",
                "On 2 March the Council visited.",
            ),
            // A year after where she was born: the place goes with it.
            (
                "Mrs O'Neill, who was born in Cork in 1936, moved to England in 1958.",
                "Mrs Y, who was in her eighties, moved to England in 1958.",
            ),
            (
                "She was born in Cork and in 1936 it snowed.",
                "She was born in Cork and in 1936 it snowed.",
            ),
            (
                "Margaret O'Neill was born on 02/03/1936. She has dementia.",
                "Mrs Y was in her eighties. She has dementia.",
            ),
            (
                "The records list her grandson Riley, date of birth 02/03/2019, as a member of her household.",
                "The records list her grandson C as a member of her household.",
            ),
            (
                "Mrs O'Neill was 87 on 30 January 2024.",
                "Mrs Y was in her eighties on 30 January 2024.",
            ),
            // The band of the age the sentence writes, with the verb of being
            // for a verb of becoming; in words too.
            (
                "Mrs O'Neill turned 90 on 2 March 2026 and moved.",
                "Mrs Y was in her nineties on 2 March 2026 and moved.",
            ),
            (
                "Mrs O'Neill was eighty-seven on 30 January 2024.",
                "Mrs Y was in her eighties on 30 January 2024.",
            ),
            // A year of birth alone is a year, not an age; the event's date
            // after it is no one's birth.
            (
                "Mrs O'Neill, who was born in 1936, left hospital on 3 March 2025.",
                "Mrs Y, who was in her eighties, left hospital on 3 March 2025.",
            ),
            (
                "Mrs O'Neill was born in 1936. She left hospital on 3 March 2025.",
                "Mrs Y was in her eighties. She left hospital on 3 March 2025.",
            ),
            (
                "Her grandson, Riley Stott, date of birth 02/03/2019, lives with her.",
                "Her grandson, C, lives with her.",
            ),
            (
                "Riley Stott was born on 02/03/2019 and has asthma.",
                "C has asthma.",
            ),
            (
                "She cares for him. Riley Stott was born on 02/03/2019. He has asthma.",
                "She cares for him. He has asthma.",
            ),
            (
                "Riley (DOB 02/03/2019) lives with her.",
                "C lives with her.",
            ),
            // "DOB" and its date as a noun of the clause: her date of birth.
            (
                "DOB 02/03/1936 was on the form.",
                "Her date of birth was on the form.",
            ),
            (
                "The form listed her D.O.B. 02/03/1936 and her GP.",
                "The form listed her date of birth and her GP.",
            ),
            (
                "Mrs O'Neill, DOB 02/03/1936, lived alone.",
                "Mrs Y, in her eighties, lived alone.",
            ),
            // Two figures after "born in" are a year, not an age.
            ("Mrs O'Neill was born in 36.", "Mrs Y was in her eighties."),
        ]);
    }
}
