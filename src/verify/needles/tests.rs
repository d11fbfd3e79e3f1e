//! Unit tests of the needles on a small case with names that are words.

use super::*;
use crate::case::{Coverage, load_str};

/// A case whose people have names that are words (June Little, Hope
/// Pargeter, Brook) and names that are not (Lorraine Pemberton, Tomás Reyes).
pub(super) const CASE: &str = r#"
[case]
reference = "23 004 118"
jurisdiction = "lgsco"
decision_date = 2024-06-14
investigator = { name = "Aisha Thorne" }
summary = "We found fault by the Council."

[[people]]
id = "june"
name = "June Little"
title = "Mrs"
role = "complainant"
label = "Mrs X"
born = 1968-11-09
addresses = ["12 Heron Crescent, Calderbrook, HX3 8QT"]
phones = ["07700 900461"]
emails = ["june.little68@example.com"]
nhs_number = "999 954 2557"
ni_number = "QQ 12 34 56 C"
record_numbers = ["RX1 234567", "T/0012/45"]

[[people]]
id = "hope"
name = "Hope Pargeter"
title = "Ms"
role = "relative"
relationship = { to = "june", as = "daughter" }
label = "Ms Y"

[[people]]
id = "pemberton"
name = "Lorraine Pemberton"
title = "Ms"
role = "officer"
job_role = "the social worker"
body = "council"

[[people]]
id = "reyes"
name = "Tomás Reyes"
title = "Mr"
role = "clinician"
job_role = "the occupational therapist"
body = "council"

[[people]]
id = "brook"
name = "Alan Brook"
title = "Mr"
role = "officer"
job_role = "the team manager"
body = "council"

[[people]]
id = "debs"
name = "Deborah Tranter-Wilde"
title = "Mrs"
aliases = ["Debs"]
role = "representative"
label = "Mrs Z"

[[people]]
id = "jan"
name = "Jan Kowalczyk"
title = "Mr"
role = "witness"
label = "Mr Q"

[[bodies]]
id = "council"
name = "Westley Borough Council"
short_name = "the Council"
other_names = ["Dr S Anand & Partners"]
kind = "council"
reference = "23 004 118"
addressee = { name = "Dr Sanjeev Anand", position = "Senior Partner" }

[complaint]
injustice = "Distress."
points = [{ body = "council", text = "did not reply to her letters" }]

[outcome]
decision = "upheld"
"#;

pub(super) fn needles() -> Needles {
    let loaded = load_str("needles.toml", CASE, &Coverage::all());
    assert!(!loaded.has_errors(), "{:#?}", loaded.diagnostics);
    Needles::new(&loaded.case.expect("loads"))
}

/// The kinds found in `text`, and the text each covers.
fn found(n: &Needles, text: &str) -> Vec<(Kind, String)> {
    n.find(text)
        .into_iter()
        .map(|f| (f.kind, text[f.range].to_string()))
        .collect()
}

fn assert_leaks(n: &Needles, text: &str, kind: Kind) {
    let hits = found(n, text);
    assert!(
        hits.iter().any(|(k, _)| *k == kind),
        "{kind:?} not found in {text:?}: {hits:?}"
    );
}

fn assert_clean(n: &Needles, text: &str) {
    let hits = found(n, text);
    assert!(hits.is_empty(), "{text:?}: {hits:?}");
}

#[test]
fn names_in_every_disguise() {
    let n = needles();
    for text in [
        "We spoke to Pemberton.",
        "We spoke to pemberton.",
        "We spoke to Pembe\u{0301}rton.",
        "We spoke to Pem\u{200B}berton.",
        "We spoke to \u{0420}emberton.",
        "We spoke to P E M B E R T O N.",
        "We spoke to P.E.M.B.E.R.T.O.N.",
        "We spoke to Pem-ber-ton.",
        "We spoke to Pem\nberton.",
        "We spoke to Pe mberton.",
        "See twitter.com/DebsTranterWilde for more.",
        "See debstranterwilde.example for more.",
        "the Pargeters agreed",
        "the Pargeters' home",
        "Tomas Reyes attended",
        "ＲＥＹＥＳ attended",
        "We spoke to \u{202E}notrebmeP\u{202C} today.",
    ] {
        assert_leaks(&n, text, Kind::Name);
    }
}

#[test]
fn letters_across_word_boundaries_are_not_names() {
    let n = needles();
    assert_clean(&n, "Both are yesterday's news.");
    assert_clean(&n, "He greyest of them all.");
    assert_clean(&n, "Re yes, they did.");
}

#[test]
fn values_in_every_format() {
    let n = needles();
    assert_leaks(&n, "call 07700\u{2013}900\u{2013}461 now", Kind::Phone);
    assert_leaks(&n, "call +44 (0)7700 900461", Kind::Phone);
    assert_leaks(&n, "call 07700.900.461", Kind::Phone);
    assert_leaks(&n, "NHS 999/954/2557", Kind::NhsNumber);
    assert_leaks(&n, "NHS 9999542557", Kind::NhsNumber);
    assert_leaks(&n, "NI QQ123456C", Kind::NiNumber);
    assert_leaks(&n, "NI qq 12 34 56", Kind::NiNumber);
    assert_leaks(&n, "hospital number RX1234567", Kind::RecordNumber);
    assert_leaks(&n, "MRN rx1-234-567.", Kind::RecordNumber);
    assert_leaks(&n, "tenancy ref T 0012 45", Kind::RecordNumber);
    assert_leaks(&n, "tenancy ref T0012/45", Kind::RecordNumber);
    assert_leaks(&n, "at hx3 8qt", Kind::Postcode);
    assert_leaks(&n, "at HX38QT", Kind::Postcode);
    assert_leaks(&n, "at 12 Heron Cres.", Kind::Address);
    assert_leaks(&n, "in Heron Crescent", Kind::Address);
    assert_leaks(&n, "born 9 Nov 68", Kind::DateOfBirth);
    assert_leaks(&n, "write to june.little68@example.com", Kind::Email);
    assert_leaks(&n, "handle june.little68", Kind::Email);
    // Written out to get past a machine.
    for spelt in [
        "write to june dot little68 at example dot com",
        "write to June.Little68(at)example(dot)com",
        "write to june [dot] little68 [at] example [dot] com",
        "write to june.little68 at example.com",
    ] {
        assert_leaks(&n, spelt, Kind::Email);
    }
    assert_clean(&n, "call 07700 900999 or 0113 496 0000");
    assert_clean(&n, "a heron crescent of feathers");
}

#[test]
fn initials_after_a_title() {
    let n = needles();
    assert_leaks(&n, "We wrote to Ms L.P. on Monday.", Kind::Initials);
    assert_leaks(&n, "We wrote to Ms L. P. on Monday.", Kind::Initials);
    assert_leaks(&n, "We wrote to Ms LP on Monday.", Kind::Initials);
    assert_leaks(&n, "We wrote to Mr T. on Monday.", Kind::Initials);
    // A label with the initial of the name it replaced left after it.
    assert_leaks(&n, "Mrs X L. agreed.", Kind::Initials);
    assert_leaks(&n, "Ms Y P said so.", Kind::Initials);
    assert_clean(&n, "We wrote to Mrs X and Ms Y on Monday.");
    assert_clean(&n, "Mrs X Y agreed.");
    assert_clean(&n, "We wrote to Mr Q on Monday.");
    assert_clean(
        &n,
        "Who they are\nA councillor\nA councillor of the Council",
    );
    assert_clean(&n, "We asked Dr A question.");
}

#[test]
fn allowed_text_is_masked() {
    let n = needles();
    assert_clean(&n, "Her GP, Dr S Anand & Partners, replied.");
    assert_leaks(&n, "Dr Anand replied.", Kind::Name);
    assert_clean(
        &n,
        "the social worker and the occupational therapist met the Council",
    );
}

#[test]
fn fields_say_whose_value_it_is() {
    let n = needles();
    let fields =
        |text: &str| -> Vec<String> { n.find(text).into_iter().filter_map(|f| f.field).collect() };
    assert_eq!(fields("call 07700 900461"), ["people[0].phones[0]"]);
    assert!(fields("Tomás Reyes").contains(&"people[3].name".to_string()));
    assert!(fields("Debs said").contains(&"people[5].aliases[0]".to_string()));
    assert!(fields("Anand wrote").contains(&"bodies[0].addressee.name".to_string()));
}

#[test]
fn labels_the_anonymiser_assigned_are_allowed() {
    // Jane Smith has no label in the case file: say the anonymiser gives
    // her "Mrs K", which is also Kira Brook's real initial after a title
    // that fits her.
    let case = CASE.replace(
        "[[bodies]]",
        "[[people]]\nid = \"jane\"\nname = \"Jane Smith\"\ntitle = \"Mrs\"\nrole = \"witness\"\n\n\
         [[people]]\nid = \"kira\"\nname = \"Kira Brook\"\ntitle = \"Ms\"\nrole = \"witness\"\nlabel = \"Ms Q\"\n\n[[bodies]]",
    );
    let loaded = load_str("labels.toml", &case, &Coverage::all());
    assert!(!loaded.has_errors(), "{:#?}", loaded.diagnostics);
    let case = loaded.case.expect("loads");
    let text = "We wrote to Mrs K on Monday.";
    assert_leaks(&Needles::new(&case), text, Kind::Initials);
    let labels = ["Mrs K", "a name that is no label: Kira Brook"];
    assert_clean(&Needles::new(&case).with_labels(&labels), text);
    assert_leaks(
        &Needles::new(&case).with_labels(&labels),
        "We met Kira Brook.",
        Kind::Name,
    );
}

#[test]
fn a_long_text_is_read_in_parts_without_losing_a_hit() {
    let n = needles();
    // A leak across each part's boundary, in text of word readings that
    // must stay clean.
    let sentence = "Little progress was made in June 2024 on Brook Street. ";
    let mut text = String::new();
    for part in 1..=4 {
        let boundary = part << 20;
        while text.len() + sentence.len() < boundary - 4 {
            text.push_str(sentence);
        }
        while text.len() < boundary - 4 {
            text.push(' ');
        }
        text.push_str("Pemberton said P E M B E R T O N and 07700 900461. ");
    }
    let found = n.find(&text);
    let names = found.iter().filter(|f| f.kind == Kind::Name).count();
    let phones = found.iter().filter(|f| f.kind == Kind::Phone).count();
    assert_eq!((names, phones), (8, 4), "{found:?}");
    for f in &found {
        assert!(text[f.range.clone()].contains(['P', '0']), "{f:?}");
    }
}
