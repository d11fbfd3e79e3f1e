//! Labels that would garble a sentence: a sentence whose point was the name
//! (a misspelling, a nickname, a wrong name on a letter), a role restated
//! by its apposition, a label said twice. Rewritten where a rule is safe;
//! otherwise a doubt on the name ([`Doubt::NamePoint`],
//! [`Doubt::Tautology`]) that `check` reports.

use super::text::{floor, phrase_before, starts_clause, words};
use super::{Category, Context, Edit, Hit, Rule, Source};
use crate::anonymise::identifiers::Doubt;
use crate::anonymise::words::KIN_TITLES;
use crate::case::AliasKind;

/// A listed person's name, printed as their label.
fn is_label(hit: &Hit) -> bool {
    hit.source == Source::Listed && hit.category == Category::Name && hit.person.is_some()
}

/// Why the text used the name at this hit, if it is a typed alias.
fn alias_kind(cx: &Context<'_>, hit: &Hit) -> Option<AliasKind> {
    cx.ids.alias_kind(hit.person?, &cx.text[hit.range.clone()])
}

/// "Mrs Wilde (as the Trust's letter wrongly called her)" → "Mrs X (the
/// Trust's letter misspelt her name)".
pub(super) fn mistakes(cx: &Context<'_>, edits: &mut Vec<Edit>) {
    let rules = &cx.rules().names;
    for hit in cx.hits.iter().filter(|h| is_label(h)) {
        let Some(open) = cx.text[hit.range.end..]
            .strip_prefix(" (")
            .map(|_| hit.range.end + 1)
        else {
            continue;
        };
        let Some(close) = cx.text[open..].find(')').map(|i| open + i) else {
            continue;
        };
        let inner = &cx.text[open + 1..close];
        let Some(rest) = inner
            .strip_prefix("as ")
            .or_else(|| inner.strip_prefix("As "))
        else {
            continue;
        };
        // "<who> wrongly called her": the phrase and the pronoun end it.
        let trimmed = rest.trim_end();
        let Some((who_and_verb, pronoun)) = trimmed.rsplit_once(' ') else {
            continue;
        };
        if !matches!(pronoun, "her" | "him" | "them") {
            continue;
        }
        let end = who_and_verb.len();
        let Some((start, phrase)) = rules
            .wrongly
            .iter()
            .find_map(|p| phrase_before(who_and_verb, end, p).map(|s| (s, p.as_str())))
        else {
            continue;
        };
        let who = who_and_verb[..start].trim();
        if who.is_empty() || words(who).len() > 6 {
            continue;
        }
        let kind = alias_kind(cx, hit);
        let misspelt =
            kind == Some(AliasKind::Misspelling) || (kind.is_none() && phrase.contains("spel"));
        let template = if misspelt {
            &rules.misspelling
        } else {
            &rules.wrong_name
        };
        let their = match pronoun {
            "her" => "her",
            "him" => "his",
            _ => "their",
        };
        edits.push(Edit {
            range: open + 1..close,
            text: template.replace("{who}", who).replace("{their}", their),
            rule: Rule::NameMistake,
        });
    }
    quoted(cx, edits);
}

/// 'The invoices were addressed to "Mr M Clarke"' → 'The invoices were
/// addressed to him using the wrong name', when the name is typed as a
/// mistake.
fn quoted(cx: &Context<'_>, edits: &mut Vec<Edit>) {
    let rules = &cx.rules().names;
    for hit in cx.hits.iter().filter(|h| is_label(h)) {
        let Some(open) = quote_before(cx.text, hit.range.start) else {
            continue;
        };
        let Some(close_len) = quote_after(cx.text, hit.range.end) else {
            continue;
        };
        let kind = alias_kind(cx, hit);
        let Some(kind) = kind.filter(|k| k.is_mistake()) else {
            continue;
        };
        let Some((start, q)) = rules
            .quoted
            .iter()
            .find_map(|q| phrase_before(cx.text, open, &q.before).map(|s| (s, q)))
        else {
            continue;
        };
        let template = match kind {
            AliasKind::Misspelling => &q.misspelling,
            _ => &q.wrong_name,
        };
        let text = template
            .replace("{them}", cx.them(hit.person, hit.range.end))
            .replace("{their}", cx.their(hit.person, hit.range.end));
        edits.push(Edit {
            range: start..hit.range.end + close_len,
            text,
            rule: Rule::QuotedMistake,
        });
    }
}

/// An opening quote right before `at`: where it is.
fn quote_before(text: &str, at: usize) -> Option<usize> {
    let c = text[..at].chars().next_back()?;
    matches!(c, '"' | '\u{201C}' | '\'' | '\u{2018}').then(|| at - c.len_utf8())
}

/// A closing quote right after `at`: its length.
fn quote_after(text: &str, at: usize) -> Option<usize> {
    let c = text[at..].chars().next()?;
    matches!(c, '"' | '\u{201D}' | '\'' | '\u{2019}')
        .then(|| c.len_utf8())
        .filter(|_| !text[at + c.len_utf8()..].starts_with(char::is_alphanumeric))
}

/// The starts of words that say a name was a mistake.
const MISTAKE_CUES: [&str; 8] = [
    "wrong",
    "misspel",
    "mistak",
    "incorrect",
    "sic",
    "spelt",
    "spelled",
    "addressed",
];

/// Whether a word (lower case) may stand in an aside about a person's
/// other name besides the name.
fn is_nickname_word(word: &str) -> bool {
    NICKNAME_WORDS.contains(&word) || KIN_TITLES.contains(&word)
}

/// Words an aside about a person's other name holds besides the name
/// (who calls them so: "Peggy to her friends, Nana Peg to her
/// grandchildren").
const NICKNAME_WORDS: [&str; 52] = [
    "known",
    "as",
    "to",
    "her",
    "his",
    "their",
    "family",
    "friends",
    "friend",
    "everyone",
    "everybody",
    "called",
    "by",
    "also",
    "nicknamed",
    "who",
    "goes",
    "is",
    "was",
    "aka",
    "and",
    "or",
    "the",
    "carers",
    "staff",
    "children",
    "child",
    "grandchildren",
    "grandchild",
    "grandson",
    "grandsons",
    "granddaughter",
    "granddaughters",
    "son",
    "sons",
    "daughter",
    "daughters",
    "husband",
    "wife",
    "partner",
    "sisters",
    "brothers",
    "mother",
    "father",
    "parents",
    "neighbours",
    "colleagues",
    "close",
    "most",
    "people",
    // Words a family calls someone by with their name ("Grandad Len",
    // "Nana Peg"), besides [`KIN_TITLES`].
    "papa",
    "mama",
];

/// "Mrs O'Neill, known to her family as Peggy, was" → "Mrs Y was"; "her
/// father, known to the family as Sonny, worried" → "her father worried";
/// "Mrs O'Neill (Peggy to her family)" → "Mrs Y": an aside that only gives
/// a person's other name goes.
pub(super) fn nicknames(cx: &Context<'_>, edits: &mut Vec<Edit>) {
    let rules = &cx.rules().names;
    for hit in cx.hits.iter().filter(|h| is_label(h)) {
        let s = super::text::sentence_around(cx.text, &hit.range);
        let head = &cx.text[s.start..hit.range.start];
        let Some(open) = head.rfind([',', '(']).map(|i| s.start + i) else {
            continue;
        };
        let opener = cx.text[open..].chars().next();
        let closers: &[char] = if opener == Some('(') {
            &[')']
        } else {
            &[',', '.', ';']
        };
        let Some(close) = cx.text[hit.range.end..]
            .find(closers)
            .map(|k| hit.range.end + k)
            .filter(|&c| c <= s.end)
        else {
            continue;
        };
        // Only this person's names inside, and nickname words; and a whole
        // aside: not the first part of one in brackets that a comma
        // divides ("Leonard Pryce (Len to his friends, Lenny to …)").
        let inner = open + 1..close;
        let brackets = |c: char| cx.text[inner.clone()].matches(c).count();
        if brackets('(') != brackets(')') {
            continue;
        }
        let inside = &cx.hits[cx.hits_in(&inner)];
        if inside
            .iter()
            .any(|h| !same_person(h, hit) || h.range.end > close)
        {
            continue;
        }
        let mut rest = String::new();
        let mut at = inner.start;
        for h in inside {
            rest.push_str(&cx.text[at..h.range.start]);
            rest.push(' ');
            at = h.range.end;
        }
        rest.push_str(&cx.text[at..inner.end]);
        let ws = words(&rest);
        let lower = rest.to_lowercase();
        let cue = rules.known_as.iter().any(|k| lower.contains(k.as_str()))
            || ws.iter().any(|w| NICKNAME_CALLERS.contains(&w.as_str()));
        if !cue || !ws.iter().all(|w| is_nickname_word(w)) {
            continue;
        }
        let range = match cx.text[close..].chars().next() {
            // "Mrs Y (Peggy to her family) lived" → "Mrs Y lived".
            Some(')') => {
                let spaces = cx.text[..open].len() - cx.text[..open].trim_end().len();
                open - spaces..close + 1
            }
            // "her father, known to the family as Sonny, worried" → "her
            // father worried".
            Some(',') => open..close + 1,
            _ => open..close,
        };
        edits.push(Edit {
            range,
            text: String::new(),
            rule: Rule::NicknameAside,
        });
    }
}

/// "Debs (as she is known) rang" → "Mrs X rang", "Peggy, as she likes to
/// be called, lived alone" → "Mrs Y lived alone": an aside right after a
/// person's label that says only that the name was what they are called
/// goes with the name.
pub(super) fn called_asides(cx: &Context<'_>, edits: &mut Vec<Edit>) {
    for hit in cx.hits.iter().filter(|h| is_label(h)) {
        let after = &cx.text[hit.range.end..];
        let (open, closers): (usize, &[char]) = if after.starts_with(" (") {
            (hit.range.end + 1, &[')'])
        } else if after.starts_with(", ") {
            (hit.range.end, &[',', '.', ';'])
        } else {
            continue;
        };
        let Some(close) = cx.text[open + 1..].find(closers).map(|k| open + 1 + k) else {
            continue;
        };
        let inner = open + 1..close;
        let ws = words(&cx.text[inner.clone()]);
        let says_called = ws.first().is_some_and(|w| w == "as")
            && ws
                .iter()
                .any(|w| matches!(w.as_str(), "known" | "call" | "calls" | "called"))
            && ws
                .iter()
                .all(|w| is_nickname_word(w) || CALLED_WORDS.contains(&w.as_str()));
        if !says_called || !cx.hits_in(&inner).is_empty() {
            continue;
        }
        let end = match cx.text[close..].chars().next() {
            // "Mrs X (as she is known) rang", "Mrs Y, as she is known, lived"
            Some(')' | ',') => close + 1,
            // "… to Mrs Y, as she is known."
            _ => close,
        };
        edits.push(Edit {
            range: hit.range.end..end,
            text: String::new(),
            rule: Rule::NicknameAside,
        });
    }
}

/// Words of an aside that says a name is what someone is called, besides
/// the nickname asides' own ("as she likes to be called").
const CALLED_WORDS: [&str; 17] = [
    "she",
    "he",
    "they",
    "are",
    "were",
    "like",
    "likes",
    "liked",
    "prefer",
    "prefers",
    "preferred",
    "be",
    "call",
    "calls",
    "usually",
    "always",
    "affectionately",
];

/// Who an aside says calls a person by another name ("Peggy to her
/// friends", "Nana Peg to her grandchildren").
const NICKNAME_CALLERS: [&str; 10] = [
    "family",
    "friends",
    "grandchildren",
    "children",
    "everyone",
    "everybody",
    "carers",
    "staff",
    "neighbours",
    "colleagues",
];

/// Whether `h` names the person `hit` does: theirs, or a longer name
/// nobody listed that holds only theirs ("Grandad Len").
fn same_person(h: &Hit, hit: &Hit) -> bool {
    h.person == hit.person
        || h.person.is_none()
            && matches!(&h.doubt, Some(Doubt::PartOfName { candidates })
                if candidates.len() == 1 && candidates[0] == hit.replacement)
}

/// "Jane Smith, a social worker in the hospital team, visited" → "A social
/// worker in the hospital team visited": a role label whose apposition
/// restates the role gives way to the apposition.
pub(super) fn restated_roles(cx: &Context<'_>, edits: &mut Vec<Edit>) {
    for hit in cx.hits.iter().filter(|h| is_label(h)) {
        let Some(role) = role_of(&hit.replacement) else {
            continue;
        };
        let Some(head) = role.rsplit(' ').next() else {
            continue;
        };
        let after = &cx.text[hit.range.end..];
        if let Some(end) = role_said_again(after, role) {
            // "Lorraine Pemberton (social worker)", a signature's next line
            // "Social Worker": the label says the role already.
            let range = hit.range.end..hit.range.end + end;
            if cx.hits_in(&range).is_empty() {
                edits.push(Edit {
                    range,
                    text: String::new(),
                    rule: Rule::RestatedRole,
                });
            }
            continue;
        }
        let Some(apposition) = after.strip_prefix(", ") else {
            continue;
        };
        let Some(article) = ["a ", "an ", "the "]
            .into_iter()
            .find(|a| apposition.starts_with(a))
        else {
            continue;
        };
        let start = hit.range.end + 2;
        let end = cx.text[start..]
            .find([',', '.', ';', ')'])
            .map_or(cx.text.len(), |k| start + k);
        let described = &cx.text[start + article.len()..end];
        let said = words(described);
        // The exact role is left to the label ("the occupational
        // therapist, …" is said once by the replacement itself).
        if said.join(" ") == role.to_lowercase() || !said.iter().take(5).any(|w| w == head) {
            continue;
        }
        // Nothing else of the case in the apposition.
        if cx.hits[cx.hits_in(&(start..end))]
            .iter()
            .any(|h| h.range.end <= end)
        {
            continue;
        }
        edits.push(Edit {
            range: hit.range.start..start,
            text: String::new(),
            rule: Rule::RestatedRole,
        });
        if cx.text[end..].starts_with(", ") && !starts_clause(&cx.text[end + 2..]) {
            edits.push(Edit {
                range: end..end + 1,
                text: String::new(),
                rule: Rule::RestatedRole,
            });
        }
    }
}

/// The end of the role `role` said again right after its label, in a
/// bracket (" (social worker)") or as the next line of a signature
/// ("⏎Social Worker").
fn role_said_again(after: &str, role: &str) -> Option<usize> {
    let same = |said: &str| {
        let said: Vec<String> = words(said);
        !said.is_empty() && said.join(" ") == role.to_lowercase()
    };
    if let Some(inner) = after.strip_prefix(" (") {
        let close = inner.find([')', '\n'])?;
        return (inner[close..].starts_with(')') && same(&inner[..close])).then_some(2 + close + 1);
    }
    let line = after.strip_prefix('\n')?;
    let line = &line[..line.find('\n').unwrap_or(line.len())];
    same(line).then_some(1 + line.len())
}

/// The role of a role label: "the social worker", "an SEN officer" →
/// "social worker", "SEN officer".
pub(crate) fn role_of(label: &str) -> Option<&str> {
    label
        .strip_prefix("the ")
        .or_else(|| label.strip_prefix("a "))
        .or_else(|| label.strip_prefix("an "))
        .filter(|r| !r.is_empty())
}

/// The names a rule could not rewrite safely, with the doubt to report:
/// a quoted name or a name after "known as" (its point was the name), a
/// role restated by what the sentence says of it ("C's physiotherapist was
/// the physiotherapist").
pub(crate) fn garbles(cx: &Context<'_>, edits: &[Edit]) -> Vec<(usize, Doubt)> {
    // A name whose aside or quote a rule has mended ("Mrs Y (the Trust's
    // letter misspelt her name)") is no garble.
    // `edits` are in text order and do not overlap.
    let covered = |h: &Hit| {
        let at = edits.partition_point(|e| e.range.end <= h.range.start);
        edits.get(at).is_some_and(|e| {
            (e.range.start <= h.range.start && h.range.end <= e.range.end)
                || (e.rule == Rule::NameMistake
                    && e.range.start >= h.range.end
                    && e.range.start <= h.range.end + 2)
        })
    };
    let mut out = Vec::new();
    for (i, hit) in cx.hits.iter().enumerate() {
        if !is_label(hit) || hit.doubt.is_some() || covered(hit) {
            continue;
        }
        let label = || hit.replacement.clone();
        let kind = alias_kind(cx, hit);
        let quoted = quote_before(cx.text, hit.range.start).is_some()
            && quote_after(cx.text, hit.range.end).is_some();
        // "known as Peggy", "known to her family as Peggy" ("her" aside).
        let at = hit.range.start;
        let past_her = phrase_before(cx.text, at, "her").unwrap_or(at);
        let known_as = cx.rules().names.known_as.iter().any(|k| {
            phrase_before(cx.text, at, k).is_some() || phrase_before(cx.text, past_her, k).is_some()
        });
        // A mistaken name matters where the sentence says so ("wrongly",
        // "misspelt", "(sic)"); used plainly, the label loses nothing.
        let cued = || {
            let sentence = super::text::sentence_around(cx.text, &hit.range);
            words(&cx.text[sentence])
                .iter()
                .any(|w| MISTAKE_CUES.iter().any(|c| w.starts_with(c)))
        };
        let point = quoted || known_as || (kind.is_some_and(AliasKind::is_mistake) && cued());
        if point {
            out.push((
                i,
                Doubt::NamePoint {
                    label: label(),
                    alias: kind,
                },
            ));
            continue;
        }
        if restated_before(cx, hit) {
            out.push((i, Doubt::Tautology { label: label() }));
        }
    }
    out
}

/// "C's physiotherapist was the physiotherapist": the role's noun right
/// before "was"/"is" and the label.
fn restated_before(cx: &Context<'_>, hit: &Hit) -> bool {
    let Some(role) = role_of(&hit.replacement) else {
        return false;
    };
    let Some(head) = role.rsplit(' ').next() else {
        return false;
    };
    ["was", "is", "were", "are", "became", "remained"]
        .iter()
        .find_map(|v| phrase_before(cx.text, hit.range.start, v))
        .is_some_and(|v| {
            let from = floor(cx.text, v.saturating_sub(60));
            let before = words(&cx.text[from..v]);
            before.last().is_some_and(|w| w == head)
        })
}
