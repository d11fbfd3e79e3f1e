//! The lint's warnings on small cases: where they are, what they say,
//! and the sentence each quotes.

use super::*;
use crate::case::{Coverage, load_str};

const CASE: &str = r#"
[case]
reference = "25 001 042"
jurisdiction = "lgsco"
decision_date = 2025-06-17
investigator = { name = "Aisha Thorne" }
summary = "Mrs Okonkwo complained. Grace was upset. I rang 07700 900461. A [name] wrote."

[[people]]
id = "ada"
name = "Ada Okonkwo"
title = "Mrs"
role = "complainant"
label = "Mrs Y"

[[people]]
id = "grace"
name = "Grace Okonkwo"
title = "Mrs"
role = "relative"
label = "Mrs Z"

[[bodies]]
id = "council"
name = "Kingsley Vale Council"
short_name = "the Council"
kind = "council"
reference = "25 001 042"

[complaint]
injustice = "x"
points = [{ body = "council", text = "x" }]

[outcome]
decision = "upheld"
"#;

#[test]
fn doubts_and_placeholders_are_warnings_at_their_place() {
    let loaded = load_str("lint.toml", CASE, &Coverage::all());
    let case = loaded.case.as_ref().expect("loads");
    let ids = anonymise::identifiers(case);
    let warnings = lint(&loaded, &ids);
    let codes: Vec<&str> = warnings.iter().map(|d| d.code).collect();
    assert_eq!(
        codes,
        [
            "ambiguous-name",
            "undecided-name",
            "placeholder",
            "placeholder"
        ],
        "{warnings:#?}"
    );
    let at = |code: &str| {
        let d = warnings.iter().find(|d| d.code == code).expect("present");
        let r = d.range.clone().expect("placed");
        &CASE[r]
    };
    assert_eq!(at("ambiguous-name"), "Mrs Okonkwo");
    assert_eq!(at("undecided-name"), "Grace");
    assert_eq!(at("placeholder"), "07700 900461");
    let typed = warnings
        .iter()
        .filter(|d| d.code == "placeholder")
        .nth(1)
        .unwrap();
    assert_eq!(&CASE[typed.range.clone().unwrap()], "[name]");
    assert!(warnings.iter().all(|d| !d.message.contains("Okonkwo")));
}

const GARBLES: &str = r#"
[case]
reference = "25 001 044"
jurisdiction = "lgsco"
decision_date = 2025-06-17
investigator = { name = "Aisha Thorne" }
summary = "From 2022 Ben's physiotherapist was Gary Stott. The invoices were addressed to \"Mrs Wilde\". She signed her emails \"Debs\". Mrs D Tranter-Wylde rang."
[[people]]
id = "debs"
name = "Deborah Tranter-Wilde"
title = "Mrs"
role = "complainant"
label = "Mrs X"
aliases = [{ text = "Mrs Wilde", kind = "misspelling" }, "Debs"]
[[people]]
id = "ben"
name = "Ben Pargeter"
role = "person_affected"
child = true
label = "C"
[[people]]
id = "gary"
name = "Gary Stott"
title = "Mr"
role = "clinician"
job_role = "the physiotherapist"
body = "practice"
[[bodies]]
id = "council"
name = "Kingsley Vale Council"
short_name = "the Council"
kind = "council"
reference = "25 001 044"
[[bodies]]
id = "practice"
name = "Stott Physiotherapy Partners"
short_name = "the Practice"
kind = "care_provider"
reference = "25 001 044a"
[complaint]
injustice = "She is 91. She has a very rare genetic condition and lives in Upper Tillingham, a hamlet of 80 people."
points = [{ body = "council", text = "x" }]
[outcome]
decision = "upheld"
"#;

#[test]
fn garbles_named_bodies_and_combinations_are_warnings_with_the_published_sentence() {
    let loaded = load_str("garbles.toml", GARBLES, &Coverage::all());
    let case = loaded
        .case
        .as_ref()
        .unwrap_or_else(|| panic!("{:#?}", loaded.diagnostics));
    let ids = anonymise::identifiers(case);
    let warnings = lint(&loaded, &ids);
    let mut codes: Vec<&str> = warnings.iter().map(|d| d.code).collect();
    codes.sort_unstable();
    assert_eq!(
        codes,
        [
            "body-named-after-person",
            "identifying-combination",
            "name-point",
            "near-miss-name",
            "tautology"
        ],
        "{warnings:#?}"
    );
    let tautology = warnings.iter().find(|d| d.code == "tautology").unwrap();
    assert_eq!(
        tautology.hints[0],
        "the publication copy reads: \"From 2022 C's physiotherapist was the physiotherapist.\""
    );
    // A quoted name is the sentence's point: "Debs" (a plain alias) is a
    // finding; "Mrs Wilde" (typed as a misspelling) is rewritten.
    let name_point = warnings.iter().find(|d| d.code == "name-point").unwrap();
    assert_eq!(&GARBLES[name_point.range.clone().unwrap()], "Debs");
    let (published, _) = anonymise::anonymise(case, &ids);
    assert!(
        published
            .case()
            .case
            .summary
            .contains("The invoices were addressed to her with her name misspelt."),
        "{}",
        published.case().case.summary
    );
    // Never the value itself.
    assert!(warnings.iter().all(|d| !d.message.contains("Stott")));
}

#[test]
fn a_name_dropped_with_its_clause_is_said_to_be_left_out() {
    let doubt = Doubt::NearMiss {
        candidates: vec!["Mr Y".into()],
    };
    let dropped = warning(Some(&doubt), Category::Name, Source::Listed, false, "")
        .expect("a near miss is a warning");
    assert!(
        dropped
            .message
            .ends_with("it is left out of the publication copy, with the words around it"),
        "{}",
        dropped.message
    );
    let printed = warning(Some(&doubt), Category::Name, Source::Listed, false, "Mr Y")
        .expect("a near miss is a warning");
    assert!(
        printed.message.ends_with("it prints as Mr Y"),
        "{}",
        printed.message
    );
}
