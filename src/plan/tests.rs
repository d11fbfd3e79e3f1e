//! The planner, route by route of the Joint Working Manual's escalation
//! process (docs/domain.md §3), and every refusal.

use super::*;
use crate::case::{Coverage, load_str};

/// A joint case: a council, an NHS trust, a Part 3A care provider and a
/// housing landlord, each at fault; statuses and events are set per row.
const BASE: &str = r#"
[case]
reference = "24 000 001"
jurisdiction = "lgsco_phso"
decision_date = 2024-03-01
summary = "x"

[[people]]
id = "c"
name = "Ann Bell"
title = "Mrs"
role = "complainant"

[[bodies]]
id = "council"
name = "Westley Borough Council"
short_name = "the Council"
kind = "council"
reference = "24 000 001"

[[bodies]]
id = "trust"
name = "Westley NHS Trust"
short_name = "the Trust"
kind = "health_body"
reference = "24 000 001a"

[[bodies]]
id = "home"
name = "Primrose Care Ltd"
short_name = "the Care Provider"
kind = "care_provider"
reference = "24 000 001b"

[complaint]
injustice = "x"
points = [{ body = "council", text = "x" }]

[[findings]]
body = "council"
fault = true
injustice = true
text = "x"

[[findings]]
body = "trust"
fault = true
injustice = true
text = "x"

[[findings]]
body = "home"
fault = true
injustice = true
text = "x"

[[recommendations]]
body = "council"
kind = "apology"
text = "apologise"
deadline = "1 month"
status = "COUNCIL"

[[recommendations]]
body = "trust"
kind = "apology"
text = "apologise"
deadline = "1 month"
status = "TRUST"

[[recommendations]]
body = "home"
kind = "apology"
text = "apologise"
deadline = "1 month"
status = "HOME"

[outcome]
decision = "upheld"
"#;

fn case(council: &str, trust: &str, home: &str, extra: &str) -> crate::case::Loaded {
    let text = BASE
        .replace("COUNCIL", council)
        .replace("TRUST", trust)
        .replace("HOME", home)
        + extra;
    load_str("plan.toml", &text, &Coverage::all())
}

fn files(council: &str, trust: &str, home: &str, extra: &str) -> Vec<String> {
    let loaded = case(council, trust, home, extra);
    let shown: Vec<_> = loaded
        .diagnostics
        .iter()
        .map(|d| (d.code, d.message.clone()))
        .collect();
    let case = loaded.case.unwrap_or_else(|| panic!("{shown:?}"));
    plan(&case).into_iter().map(|d| d.file).collect()
}

fn errors(council: &str, trust: &str, home: &str, extra: &str) -> Vec<&'static str> {
    case(council, trust, home, extra)
        .diagnostics
        .iter()
        .filter(|d| d.is_error())
        .map(|d| d.code)
        .collect()
}

const STANDARD: [&str; 5] = [
    "decision",
    "letter-complainant",
    "letter-council",
    "letter-trust",
    "letter-home",
];
const NOTICE: &str =
    "\n[escalation.notice]\nplaces = [\"its website\"]\nperiod = \"6 months\"\nby = 2024-06-01\n";
const PARLIAMENT: &str = "\n[escalation.parliament]\nhc_number = \"HC 101\"\nsession = \"2024–25\"\nordered_printed = 2024-07-01\n";

#[test]
fn everyone_complies_standard_documents_only() {
    assert_eq!(files("complied", "complied", "agreed", ""), STANDARD);
}

#[test]
fn seed_000_route_1_a_council_that_refuses_gets_a_report() {
    let f = files("refused", "complied", "complied", "");
    assert_eq!(
        f[5..],
        [
            "report-council",
            "letter-s30-council",
            "letter-s30-complainant",
            "letter-s30-trust",
            "letter-s30-home"
        ]
    );
}

#[test]
fn seed_000_route_1_a_council_that_persists_gets_a_further_report() {
    let events = r#"
[[escalation.events]]
date = 2024-06-14
kind = "report"
body = "council"
text = "Report issued."

[[escalation.events]]
date = 2024-09-12
kind = "response"
body = "council"
text = "The Council maintained its position."
"#;
    let f = files("refused", "complied", "complied", events);
    assert!(f.contains(&"report-council".to_string()));
    assert!(f.contains(&"further-report-council".to_string()));
    assert!(f.contains(&"letter-s31-council".to_string()));
    assert!(f.contains(&"letter-s31-trust".to_string()));
}

#[test]
fn seed_000_route_2a_a_health_body_that_refuses_gets_a_joint_report() {
    let f = files("complied", "refused", "complied", "");
    assert_eq!(
        f[5..],
        [
            "joint-report-trust",
            "letter-s18za-trust",
            "letter-s18za-complainant",
            "letter-s18za-council",
            "letter-s18za-home"
        ]
    );
}

#[test]
fn seed_000_route_2b_a_refusal_of_particular_importance_gets_a_special_report() {
    let loaded = case("complied", "not_responded", "complied", PARLIAMENT);
    let mut c = loaded.case.unwrap();
    c.bodies[1].particular_importance = Some("Many patients are at risk.".into());
    let f: Vec<String> = plan(&c).into_iter().map(|d| d.file).collect();
    assert_eq!(
        f[5..],
        [
            "special-report-trust",
            "letter-s14-3-trust",
            "letter-s14-3-complainant",
            "letter-s14-3-council",
            "letter-s14-3-home"
        ]
    );
}

#[test]
fn seed_000_route_3_a_care_provider_that_refuses_gets_an_adverse_findings_notice() {
    let f = files("complied", "complied", "refused", NOTICE);
    assert_eq!(
        f[5..],
        [
            "adverse-findings-notice-home",
            "letter-afn-home",
            "letter-afn-complainant"
        ]
    );
}

#[test]
fn a_partial_refusal_counts_as_non_compliance() {
    let f = files("partially_complied", "complied", "complied", "");
    assert!(f.contains(&"report-council".to_string()));
}

#[test]
fn a_draft_has_draft_letters_and_no_escalation() {
    let text = BASE
        .replace("COUNCIL", "agreed")
        .replace("TRUST", "agreed")
        .replace("HOME", "agreed")
        .replace(
            "decision_date = 2024-03-01",
            "decision_date = 2024-03-01\nstage = \"draft\"",
        );
    let c = load_str("draft.toml", &text, &Coverage::all())
        .case
        .unwrap();
    let docs = plan(&c);
    assert_eq!(docs[0].file, "draft-decision");
    assert!(
        docs[1..]
            .iter()
            .all(|d| d.kind == DocKind::Letter(LetterCode::StdDraft))
    );
    // A draft is never published: only the internal copy is made.
    assert!(docs.iter().all(|d| !d.publication_copy));
    assert!(docs.iter().all(|d| d.variants() == [Variant::Unredacted]));
}

#[test]
fn each_escalation_document_is_dated_by_the_event_that_issues_it() {
    let events = r#"
[[escalation.events]]
date = 2024-06-14
kind = "report"
body = "council"
text = "Report issued."
view = "As of June."

[[escalation.events]]
date = 2024-09-12
kind = "response"
body = "council"
text = "The Council maintained its position."

[[escalation.events]]
date = 2024-11-05
kind = "further_report"
body = "council"
text = "Further report issued."
view = "As of November."
"#;
    let loaded = case("refused", "complied", "complied", events);
    let c = loaded.case.unwrap();
    let docs = plan(&c);
    let date = |file: &str| docs.iter().find(|d| d.file == file).unwrap().date.long();
    assert_eq!(date("report-council"), "14 June 2024");
    assert_eq!(date("letter-s30-council"), "14 June 2024");
    assert_eq!(date("further-report-council"), "5 November 2024");
    assert_eq!(date("decision"), "1 March 2024");
    assert!(docs.iter().all(|d| d.publication_copy));
}

#[test]
fn refusals_each_have_an_error() {
    let cases: [(&str, &str, &str, String, &str); 8] = [
        // A special report with no health body at fault and refusing.
        ("refused", "complied", "complied", "\n[escalation]\nrequested = [{ document = \"special_report\" }]\n".into(), "document-not-allowed"),
        // A report under s30 for a body that is not a council.
        ("refused", "refused", "complied", "\n[escalation]\nrequested = [{ document = \"report\", body = \"trust\" }]\n".into(), "document-not-allowed"),
        // A further report before a report.
        ("refused", "complied", "complied", "\n[escalation]\nrequested = [{ document = \"further_report\" }]\n".into(), "document-not-allowed"),
        // A joint report for a health body that complied.
        ("complied", "complied", "complied", "\n[escalation]\nrequested = [{ document = \"joint_report\" }]\n".into(), "document-not-allowed"),
        // A notice for a care provider that complied.
        ("complied", "complied", "complied", "\n[escalation]\nrequested = [{ document = \"adverse_findings_notice\", body = \"home\" }]\n".into(), "document-not-allowed"),
        // A notice is due but its directions are missing.
        ("complied", "complied", "refused", String::new(), "missing-notice-directions"),
        // A report event recorded against a health body.
        ("complied", "complied", "complied", "\n[[escalation.events]]\ndate = 2024-04-01\nkind = \"report\"\nbody = \"trust\"\ntext = \"x\"\n".into(), "event-wrong-body"),
        // An event before the decision.
        ("refused", "complied", "complied", "\n[[escalation.events]]\ndate = 2024-01-01\nkind = \"refusal\"\nbody = \"council\"\ntext = \"x\"\n".into(), "event-before-decision"),
    ];
    for (council, trust, home, extra, code) in cases {
        let found = errors(council, trust, home, &extra);
        assert!(
            found.contains(&code),
            "{extra}: expected `{code}`, got {found:?}"
        );
    }
}

#[test]
fn a_special_report_needs_its_parliamentary_details() {
    let found = errors(
        "complied",
        "refused",
        "complied",
        "\n[escalation]\nrequested = [{ document = \"special_report\" }]\n",
    );
    assert!(found.contains(&"missing-parliament"), "{found:?}");
}

#[test]
fn requested_documents_are_located_and_hinted() {
    let loaded = case(
        "refused",
        "complied",
        "complied",
        "\n[escalation]\nrequested = [{ document = \"special_report\" }]\n",
    );
    let d = loaded
        .diagnostics
        .iter()
        .find(|d| d.code == "document-not-allowed")
        .unwrap();
    assert_eq!(d.path.as_deref(), Some("escalation.requested[0]"));
    assert!(d.range.is_some() && !d.hints.is_empty());
}
