//! The planner, route by route of the Joint Working Manual's escalation
//! process (docs/domain.md §3), and every refusal.

use super::*;
use crate::case::{Coverage, load_str};

/// The plan in the bundled words.
fn plan(case: &Case) -> Vec<DocumentPlan> {
    super::plan(case, words::bundled())
}

/// The steps due, in the bundled words.
fn pending(case: &Case) -> Vec<Pending> {
    super::pending(case, words::bundled())
}

/// A joint case: a council, an NHS trust, a Part 3A care provider and a
/// housing landlord, each at fault; statuses and events are set per row.
const BASE: &str = r#"
[case]
reference = "24 000 001"
jurisdiction = "lgsco_phso"
decision_date = 2024-03-01
summary = "x"
investigator = { name = "Aisha Thorne" }

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
    let mut loaded = load_str("plan.toml", &text, &Coverage::all());
    // The plan's checks, which the pipeline runs straight after loading.
    loaded.add_checks(problems);
    loaded
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

const REPORT: &str = "\n[[escalation.events]]\ndate = 2024-06-14\nkind = \"report\"\nbody = \"council\"\ntext = \"Report issued.\"\n";

#[test]
fn seed_000_route_1_a_council_that_refuses_gets_a_report_once_it_is_issued() {
    // Before the report is issued, nothing is dated: the plan says what is due.
    let loaded = case("refused", "complied", "complied", "");
    let c = loaded.case.unwrap();
    assert_eq!(plan(&c).len(), 5);
    let due = pending(&c);
    assert_eq!(due.len(), 1);
    assert_eq!((due[0].body.as_str(), due[0].event), ("council", "report"));
    let f = files("refused", "complied", "complied", REPORT);
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

[[escalation.events]]
date = 2024-11-05
kind = "further_report"
body = "council"
text = "Further report issued."
"#;
    let f = files("refused", "complied", "complied", events);
    assert!(f.contains(&"report-council".to_string()));
    assert!(f.contains(&"further-report-council".to_string()));
    assert!(f.contains(&"letter-s31-council".to_string()));
    assert!(f.contains(&"letter-s31-trust".to_string()));
}

#[test]
fn seed_000_route_2a_a_health_body_that_refuses_gets_a_joint_report() {
    let event = "\n[[escalation.events]]\ndate = 2024-06-14\nkind = \"joint_report\"\nbody = \"trust\"\ntext = \"Issued.\"\n";
    let f = files("complied", "refused", "complied", event);
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
    let event = "\n[[escalation.events]]\ndate = 2024-06-14\nkind = \"special_report\"\nbody = \"trust\"\ntext = \"Laid.\"\n";
    let text = BASE
        .replace("COUNCIL", "complied")
        .replace("TRUST", "not_responded")
        .replace("HOME", "complied")
        .replace(
            "reference = \"24 000 001a\"",
            "reference = \"24 000 001a\"\nparticular_importance = \"Many patients are at risk.\"",
        )
        + PARLIAMENT
        + event;
    let loaded = load_str("special.toml", &text, &Coverage::all());
    let shown: Vec<_> = loaded.diagnostics.iter().map(|d| d.code).collect();
    let c = loaded.case.unwrap_or_else(|| panic!("{shown:?}"));
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
    let event = "\n[[escalation.events]]\ndate = 2024-05-14\nkind = \"notice_required\"\nbody = \"home\"\ntext = \"Required.\"\n";
    let f = files(
        "complied",
        "complied",
        "refused",
        &format!("{NOTICE}{event}"),
    );
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
    let f = files("partially_complied", "complied", "complied", REPORT);
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
    assert_eq!(docs[1].kind, DocKind::NameKey);
    assert!(
        docs[2..]
            .iter()
            .all(|d| d.kind == DocKind::Letter(LetterCode::StdDraft))
    );
    // A draft is never published: the parties get its anonymised text,
    // with the key to names apart; letters are internal copies.
    assert!(docs.iter().all(|d| !d.publication_copy()));
    assert_eq!(docs[0].variants(), [Variant::Redacted]);
    assert!(
        docs[1..]
            .iter()
            .all(|d| d.variants() == [Variant::Unredacted])
    );
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
    for d in &docs {
        assert_eq!(
            d.publication_copy(),
            !matches!(d.kind, DocKind::Letter(_)),
            "{}",
            d.file
        );
    }
}

#[test]
fn refusals_each_have_an_error() {
    let cases: [(&str, &str, &str, String, &str); 14] = [
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
        // A notice is required but its directions are missing.
        ("complied", "complied", "refused", "\n[[escalation.events]]\ndate = 2024-05-14\nkind = \"notice_required\"\nbody = \"home\"\ntext = \"x\"\n".into(), "missing-notice-directions"),
        // A report event recorded against a health body.
        ("complied", "complied", "complied", "\n[[escalation.events]]\ndate = 2024-04-01\nkind = \"report\"\nbody = \"trust\"\ntext = \"x\"\n".into(), "event-wrong-body"),
        // An event before the decision.
        ("refused", "complied", "complied", "\n[[escalation.events]]\ndate = 2024-01-01\nkind = \"refusal\"\nbody = \"council\"\ntext = \"x\"\n".into(), "event-before-decision"),
        // A further report with no report before it.
        ("refused", "complied", "complied", event("further_report", "council", "2024-06-01"), "further-report-without-report"),
        // A statement under s31(2D) with no further report before it.
        ("refused", "complied", "complied", format!("{REPORT}{}", event("statement_required", "council", "2024-09-01")), "statement-without-further-report"),
        // A special report for a refusal not recorded as of particular importance.
        ("complied", "refused", "complied", format!("{PARLIAMENT}{}", event("special_report", "trust", "2024-06-01")), "special-report-without-importance"),
        // A report about a council that refused nothing.
        ("complied", "complied", "complied", REPORT.into(), "escalation-without-refusal"),
        // Events out of order.
        ("refused", "complied", "complied", format!("{}{}", event("refusal", "council", "2024-05-01"), event("refusal", "council", "2024-04-01")), "events-out-of-order"),
        // A joint further report in a case without the PHSO's part is
        // checked elsewhere; `joint` on another kind of event is refused.
        ("refused", "complied", "complied", format!("{REPORT}joint = true\n"), "joint-not-further-report"),
    ];
    for (council, trust, home, extra, code) in cases {
        let found = errors(council, trust, home, &extra);
        assert!(
            found.contains(&code),
            "{extra}: expected `{code}`, got {found:?}"
        );
    }
}

fn event(kind: &str, body: &str, date: &str) -> String {
    format!(
        "\n[[escalation.events]]\ndate = {date}\nkind = \"{kind}\"\nbody = \"{body}\"\ntext = \"x\"\n"
    )
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
fn the_chain_runs_from_the_report_to_the_statement_under_s31_2d() {
    let events = format!(
        "{REPORT}{}{}{}{}",
        event("response", "council", "2024-09-12"),
        event("further_report", "council", "2024-11-05"),
        event("meeting", "council", "2025-01-23"),
        event("statement_required", "council", "2025-02-10"),
    );
    let loaded = case("refused", "complied", "complied", &events);
    let shown: Vec<_> = loaded.diagnostics.iter().map(|d| d.code).collect();
    let c = loaded.case.unwrap_or_else(|| panic!("{shown:?}"));
    let docs = plan(&c);
    let find = |file: &str| docs.iter().find(|d| d.file == file);
    let further = find("further-report-council").expect("a further report");
    assert_eq!(further.date.long(), "5 November 2024");
    // The further report is the LGSCO's: its title names no PHSO.
    assert!(
        !further.title.contains("Parliamentary"),
        "{}",
        further.title
    );
    let letter = find("letter-s31-2d-council").expect("the s31(2D) letter");
    assert_eq!(letter.date.long(), "10 February 2025");
    assert_eq!(letter.covers, Some(DocKind::Statement));
    assert!(find("letter-s31-2d-complainant").is_some());
    assert!(pending(&c).is_empty());
    // Without the statement event, the plan says it is due.
    let before = events.replace("kind = \"statement_required\"", "kind = \"other\"");
    let c = case("refused", "complied", "complied", &before)
        .case
        .unwrap();
    assert_eq!(pending(&c)[0].event, "statement_required");
    // A joint further report names both Ombudsmen.
    let joint = events.replace(
        "kind = \"further_report\"\nbody = \"council\"\ntext = \"x\"\n",
        "kind = \"further_report\"\nbody = \"council\"\ntext = \"x\"\njoint = true\n",
    );
    let c = case("refused", "complied", "complied", &joint)
        .case
        .unwrap();
    let docs = plan(&c);
    let further = docs
        .iter()
        .find(|d| d.file == "further-report-council")
        .unwrap();
    assert!(further.title.contains("Parliamentary"), "{}", further.title);
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
