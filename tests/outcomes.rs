//! Each body's own outcome, everywhere: every outcome's line in the front
//! matter and sentence in the final paragraph; every website record against
//! the front matter of its decision; the draft sent to the parties,
//! anonymised, with its key to names apart; a draft and its final decision
//! agreeing on findings and persons.

use redress::case::Case;

use crate::documents::sources;
use crate::util::{engine, rendered, text_of};

#[test]
fn the_draft_sent_to_the_parties_is_anonymised_with_its_key_apart() {
    let (case, dir) = rendered()
        .iter()
        .find(|(c, _)| c.case.reference == "24 002 418")
        .unwrap();
    let redacted: Vec<_> = std::fs::read_dir(dir)
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .filter(|n| n.ends_with(".redacted.pdf"))
        .collect();
    // The anonymised draft is the one copy with labels: it goes to the
    // parties, never to the website.
    assert_eq!(redacted, ["draft-decision.redacted.pdf"]);
    let manifest = std::fs::read_to_string(dir.join("manifest.json")).unwrap();
    assert!(!manifest.contains("\"on_website\": true"), "{manifest}");
    let draft = text_of("24 002 418", "draft-decision.redacted.pdf");
    for phrase in [
        "Decision Upheld",
        "have accepted our findings",
        "I have completed my investigation",
        "has agreed to",
    ] {
        assert!(!draft.contains(phrase), "`{phrase}` in the draft");
    }
    // Free of every identifier the case lists: names, numbers, the school.
    let mut identifiers: Vec<String> = Vec::new();
    for p in &case.people {
        identifiers.extend(
            p.name
                .split_whitespace()
                .filter(|w| w.len() > 3)
                .map(str::to_string),
        );
        identifiers.extend(p.nhs_number.iter().cloned());
        identifiers.extend(p.phones.iter().cloned());
        identifiers.extend(p.emails.iter().cloned());
        identifiers.extend(
            p.addresses
                .iter()
                .flat_map(|a| a.split(',').map(|l| l.trim().to_string())),
        );
        identifiers.extend(p.born.iter().map(|d| d.long()));
    }
    identifiers.extend(case.generalise.iter().map(|g| g.term.clone()));
    // A town that is part of a body's name stays (the body is named).
    identifiers.retain(|i| !case.bodies.iter().any(|b| b.name.contains(i.as_str())));
    let leaks: Vec<&String> = identifiers
        .iter()
        .filter(|i| !i.is_empty() && draft.contains(i.as_str()))
        .collect();
    assert!(leaks.is_empty(), "the draft shows {leaks:?}");
    // The key says who each label is, and is a confidential document of
    // its own.
    let key = text_of("24 002 418", "draft-key-to-names.unredacted.pdf");
    assert!(key.contains("NOT FOR PUBLICATION") && key.contains("Confidential"));
    for p in case.people.iter().filter(|p| p.label.is_some()) {
        assert!(key.contains(&p.name), "{} is not in the key", p.name);
    }
}

/// A draft and the final decision of the same complaint agree on who was
/// at fault and who suffered injustice (S04 and its draft, S04d).
#[test]
fn draft_and_final_agree_on_findings_and_persons() {
    let find = |reference: &str| {
        rendered()
            .iter()
            .find(|(c, _)| c.case.reference == reference)
            .map(|(c, _)| c.clone())
            .unwrap()
    };
    let (draft, last) = (find("24 002 418"), find("24 001 906"));
    for body in &last.bodies {
        let a = redress::case::BodyOutcome::of(&last, body);
        let b = redress::case::BodyOutcome::of(&draft, draft.body(&body.id).unwrap());
        let labels = |case: &Case, ids: &[String]| -> Vec<String> {
            ids.iter()
                .map(|id| case.person(id).unwrap().label.clone().unwrap())
                .collect()
        };
        assert_eq!(
            labels(&last, &a.injustice_to),
            labels(&draft, &b.injustice_to),
            "{}",
            body.id
        );
        assert_eq!(a.detail, b.detail, "{}", body.id);
    }
    let draft_text = text_of("24 002 418", "draft-decision.redacted.pdf");
    let final_text = text_of("24 001 906", "decision.redacted.pdf");
    for sentence in [
        "There was fault by the Council which caused injustice to C and Ms X.",
        "There was fault by the Trust which caused injustice to C and Ms X.",
    ] {
        assert!(draft_text.contains(sentence), "draft: {sentence}");
        assert!(final_text.contains(sentence), "final: {sentence}");
    }
}

/// One body, with the outcome and answer set per row: the front matter's
/// line for the body and its sentence in the final paragraph.
fn one_body(tail: &str, status: Option<&str>) -> Case {
    let mut text = String::from(
        r#"
[case]
reference = "24 000 003"
jurisdiction = "lgsco"
decision_date = 2024-03-01
category = "Housing > Allocations"
summary = "We found what we found."
investigator = { name = "Aisha Thorne" }

[[people]]
id = "jane"
name = "Jane Smith"
title = "Mrs"
role = "complainant"
label = "Mrs X"

[[people]]
id = "tom"
name = "Tom Smith"
title = "Mr"
role = "person_affected"
label = "Mr Y"

[[bodies]]
id = "council"
name = "Westley Borough Council"
short_name = "the Council"
kind = "council"
reference = "24 000 003"

[complaint]
injustice = "Distress."
points = [{ body = "council", text = "did not reply to her letters" }]
"#,
    );
    text.push_str(tail);
    if let Some(status) = status {
        text.push_str(&format!(
            "\n[[recommendations]]\nbody = \"council\"\nkind = \"apology\"\ntext = \"apologise\"\ndeadline = \"1 month\"\nstatus = \"{status}\"\n"
        ));
    }
    let loaded = redress::case::load_str("outcome.toml", &text, &engine().coverage().clone());
    let shown: Vec<_> = loaded
        .diagnostics
        .iter()
        .filter(|d| d.is_error())
        .map(|d| d.message.clone())
        .collect();
    loaded.case.unwrap_or_else(|| panic!("{shown:?}\n{text}"))
}

#[test]
fn every_outcome_has_its_own_header_and_final_sentence() {
    let finding = |fault: bool, injustice: bool| {
        format!(
            "\n[[findings]]\nbody = \"council\"\nfault = {fault}\ninjustice = {injustice}\ntext = \"What we found.\"\n"
        )
    };
    let refusal_later = "\n[[escalation.events]]\ndate = 2024-04-01\nkind = \"refusal\"\nbody = \"council\"\ntext = \"No.\"\n";
    // (tail, status, the decision line, the final paragraph's sentences)
    let rows: Vec<(String, Option<&str>, &str, &[&str])> = vec![
        (
            finding(true, true) + "\n[outcome]\ndecision = \"upheld\"\n",
            Some("agreed"),
            "Decision Upheld",
            &[
                "There was fault by the Council which caused injustice to Mr Tom Smith and Mrs Jane Smith.",
                "The Council has agreed to take the action we recommended to remedy that injustice.",
            ],
        ),
        (
            finding(true, true) + "\n[outcome]\ndecision = \"upheld\"\n",
            Some("refused"),
            "Decision Upheld",
            &[
                "The Council has not agreed to take the action we recommended to remedy that injustice.",
            ],
        ),
        (
            finding(true, true) + "\n[outcome]\ndecision = \"upheld\"\n",
            Some("not_responded"),
            "Decision Upheld",
            &[
                "The Council has not told us whether it will take the action we recommended to remedy that injustice.",
            ],
        ),
        // Refused after the decision: as of the decision it had not answered.
        (
            finding(true, true) + "\n[outcome]\ndecision = \"upheld\"\n" + refusal_later,
            Some("refused"),
            "Decision Upheld",
            &["The Council has not told us whether it will take the action we recommended"],
        ),
        (
            finding(true, true)
                + "\n[outcome]\ndecision = \"upheld\"\nper_body_detail = { council = \"upheld.fault_injustice_remedied_before\" }\n",
            None,
            "Decision Upheld",
            &[
                "There was fault by the Council which caused injustice to Mr Tom Smith and Mrs Jane Smith.",
                "The Council had already provided a suitable remedy, so I make no further recommendation.",
            ],
        ),
        (
            finding(true, false) + "\n[outcome]\ndecision = \"upheld\"\n",
            Some("agreed"),
            "Decision Upheld",
            &[
                "There was fault by the Council, but it did not cause Mrs Jane Smith a significant injustice.",
                "The Council has agreed to take the action we recommended to improve its services.",
            ],
        ),
        (
            finding(false, false) + "\n[outcome]\ndecision = \"not_upheld\"\n",
            None,
            "Decision Not upheld",
            &["There was no fault by the Council."],
        ),
        (
            "\n[outcome]\ndecision = \"closed_after_initial_enquiries\"\n".into(),
            None,
            "Decision Closed after initial enquiries",
            &[
                "We did not investigate the complaint about the Council further after our initial enquiries.",
            ],
        ),
        (
            "\n[outcome]\ndecision = \"closed_after_initial_enquiries\"\ndetail = \"premature\"\n"
                .into(),
            None,
            "Decision Closed after initial enquiries",
            &["The complaint about the Council is premature"],
        ),
    ];
    let mut failures = Vec::new();
    for (tail, status, header, sentences) in rows {
        let case = one_body(&tail, status);
        let docs = sources(&case);
        let decision = &docs["decision.unredacted"];
        let outcome = redress::case::BodyOutcome::of(&case, &case.bodies[0]);
        let label = header.trim_start_matches("Decision ");
        assert_eq!(outcome.label(), label, "{tail}");
        if !decision.contains(&format!("([Decision], [{label}])")) {
            failures.push(format!("{tail}: no header `{header}`"));
        }
        for sentence in sentences {
            if !decision.contains(sentence) {
                failures.push(format!("{tail} {status:?}: `{sentence}`"));
            }
        }
    }
    assert!(failures.is_empty(), "{}", failures.join("\n"));
}

/// Each body's website record and the front matter of its decision show
/// the same decision and category: both come from `BodyOutcome`.
#[test]
fn every_record_shows_what_its_decision_says_of_its_body() {
    let records = crate::publish::records();
    assert!(records.len() > 15, "{} records", records.len());
    let mut compared = 0;
    for record in &records {
        let reference = record["case_reference"].as_str().unwrap();
        let Some((case, _)) = rendered()
            .iter()
            .find(|(c, _)| c.case.reference == reference)
        else {
            continue;
        };
        let body = case
            .bodies
            .iter()
            .find(|b| b.reference == record["reference"].as_str().unwrap())
            .unwrap();
        let outcome = redress::case::BodyOutcome::of(case, body);
        assert_eq!(
            record["decision"].as_str(),
            Some(outcome.label()),
            "{}",
            body.name
        );
        assert_eq!(
            record["category"].as_str(),
            outcome.category.as_deref(),
            "{}",
            body.name
        );
        // The decision's own front matter, as the context gives it to the
        // PDF and the web page alike.
        let (_, ids) = engine().identifiers(case);
        let (anonymised, _) = redress::anonymise::anonymise(case, &ids);
        let plans = redress::plan::plan(case, engine().templates().rules().plan_words());
        let plan = plans
            .iter()
            .find(|p| p.kind == redress::plan::DocKind::Decision)
            .unwrap();
        let context =
            serde_json::to_value(engine().templates().redacted_context(&anonymised, plan)).unwrap();
        let shown = context["bodies"]
            .as_array()
            .unwrap()
            .iter()
            .find(|b| b["id"] == body.id.as_str())
            .unwrap();
        assert_eq!(shown["decision"], record["decision"], "{}", body.name);
        assert_eq!(shown["category"], record["category"], "{}", body.name);
        // And the PDF's front matter prints them.
        let text = text_of(reference, "decision.redacted.pdf");
        let front = &text[..text.find("Summary").unwrap()];
        assert!(front.contains(&body.reference), "{}: {front}", body.name);
        assert!(front.contains(outcome.label()), "{}: {front}", body.name);
        compared += 1;
    }
    assert!(compared > 15, "only {compared} compared");
}

/// Every letter to the complainant says in plain English what happens and
/// recites no statute; every letter is an internal copy only.
#[test]
fn letters_to_the_complainant_say_what_happens_and_cite_no_statute() {
    let mut checked = 0;
    for (case, dir) in rendered() {
        for entry in std::fs::read_dir(dir).unwrap() {
            let name = entry.unwrap().file_name().to_string_lossy().into_owned();
            if name.starts_with("letter-") {
                assert!(
                    name.ends_with(".unredacted.pdf"),
                    "{name}: letters are internal only"
                );
            }
            if !(name.starts_with("letter-") && name.contains("complainant")) {
                continue;
            }
            let text = text_of(&case.case.reference, &name);
            // The powers are cited in brackets; a recommendation's own words
            // ("a joint section 117 protocol") are the case's.
            for statute in [
                "(Local Government Act",
                "(Health Service Commissioners Act",
                "(Housing Act",
            ] {
                assert!(!text.contains(statute), "{name} recites `{statute}`");
            }
            if name == "letter-complainant.unredacted.pdf"
                && case.case.stage == redress::case::Stage::Final
            {
                for wanted in ["What we found", "If you disagree with the decision"] {
                    assert!(
                        text.contains(wanted),
                        "{} {name}: no `{wanted}`",
                        case.case.reference
                    );
                }
            }
            checked += 1;
        }
    }
    assert!(checked > 15, "only {checked} letters read");
}
