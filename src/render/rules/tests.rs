//! The rules as `rules.toml` gives them: citations, signatories, and the
//! offices' words, which an office can change and which are checked when
//! the templates load.

use super::*;

fn bundled() -> Rules {
    Rules::parse(include_str!("../../../templates/rules.toml")).unwrap()
}

#[test]
fn the_bundled_rules_parse_and_every_citation_names_its_source() {
    let rules = bundled();
    assert_eq!(rules.report_response_months, 3);
    assert!(rules.citations.len() > 15);
    assert!(rules.citations.values().all(|c| c.source.len() > 10));
}

#[test]
fn an_unverified_citation_is_never_printed() {
    let rules = bundled();
    assert!(!rules.citations["hsca_publish"].verified);
    assert!(rules.cite(&["hsca_publish"]).is_err());
    assert_eq!(rules.cited(&["hsca_publish"]).unwrap(), "");
    assert_eq!(
        rules.cited(&["hsca_joint", "hsca_publish"]).unwrap(),
        " (Health Service Commissioners Act 1993, section 18ZA)"
    );
    assert_eq!(rules.report_notice_weeks, None);
}

#[test]
fn citations_group_by_act() {
    let rules = bundled();
    assert_eq!(
        rules.cite(&["lga_satisfied"]).unwrap(),
        "Local Government Act 1974, section 30(1B), as amended"
    );
    assert_eq!(
        rules
            .cite(&["hsca_remit", "hsca_remit_fhsp", "lga_fault"])
            .unwrap(),
        "Health Service Commissioners Act 1993, sections 3(1) and 3(1A), and Local Government Act 1974, sections 26(1) and 26A(1), as amended"
    );
    assert!(rules.cite(&["no_such_thing"]).is_err());
    assert_eq!(
        rules.cite_of("hsca_special_report").unwrap(),
        "section 14(3) of the Health Service Commissioners Act 1993"
    );
}

#[test]
fn a_citation_without_a_source_is_refused() {
    let text = include_str!("../../../templates/rules.toml").replacen(
        "source = \"",
        "source = \"\" # \"",
        1,
    );
    let err = Rules::parse(&text).unwrap_err();
    assert!(err.contains("names no source"), "{err}");
}

#[test]
fn the_special_report_is_signed_by_the_phso_alone_and_the_notice_by_the_lgsco() {
    let rules = bundled();
    assert_eq!(
        rules.signing(DocKind::SpecialReport).signed_by,
        [Signer::Phso]
    );
    assert_eq!(rules.signing(DocKind::Notice).signed_by, [Signer::Lgsco]);
    // The PHSO signs a further report only where its event says it is
    // joint (the context leaves the PHSO out otherwise).
    assert_eq!(
        rules.signing(DocKind::FurtherReport).signed_by,
        [Signer::Lgsco, Signer::Phso]
    );
    assert_eq!(
        rules
            .signing(DocKind::Letter(LetterCode::StdFinal))
            .signed_by,
        [Signer::Investigator]
    );
}

/// The bundled `rules.toml` with one entry changed, as an office would.
fn changed(from: &str, to: &str) -> String {
    let text = include_str!("../../../templates/rules.toml");
    assert_eq!(text.matches(from).count(), 1, "{from}");
    text.replacen(from, to, 1)
}

/// The templates with an office's `rules.toml`.
fn templates_with(rules: &str) -> Result<crate::render::Templates, crate::render::RenderError> {
    let dir = tempfile::tempdir().expect("a temporary folder");
    std::fs::write(dir.path().join("rules.toml"), rules).expect("rules.toml written");
    crate::render::Templates::with_overrides(dir.path()).expect("the folder is read")
}

#[test]
fn an_office_changes_a_title_and_the_plan_and_the_document_show_it() {
    let text = changed(
        "lgsco = \"The Ombudsman's final decision\"",
        "lgsco = \"Decision of the Ombudsman\"",
    );
    let text = text.replacen(
        "body = \"Covering letter to {body}\"",
        "body = \"Letter to {body}\"",
        1,
    );
    let text = text.replacen(
        "decision = \"Final decision\"",
        "decision = \"Decision\"",
        1,
    );
    let templates = templates_with(&text).unwrap();
    let case = crate::case::tests_support::minimal_case();
    let plans = crate::plan::plan(&case, templates.rules().plan_words());
    // What `redress plan`, the manifest and the website print.
    assert_eq!(plans[0].title, "Decision of the Ombudsman");
    assert!(
        plans.iter().any(|p| p.title == "Letter to the Council"),
        "{plans:?}"
    );
    // The document: its heading, its PDF title and its running head.
    let labels = vec!["Mrs X".to_string(); case.people.len()];
    let source = templates
        .render_unredacted(&case, &labels, &plans[0])
        .unwrap()
        .text;
    assert!(
        source.contains("= #\"Decision of the Ombudsman\";"),
        "{source}"
    );
    assert!(
        source.contains("\"NOT FOR PUBLICATION: Decision of the Ombudsman 23 004 118\""),
        "{source}"
    );
    assert!(source.contains("running: \"Decision\""), "{source}");
    // The bundled words are unchanged.
    let bundled = crate::render::Templates::bundled().unwrap();
    let plans = crate::plan::plan(&case, bundled.rules().plan_words());
    assert_eq!(plans[0].title, "The Ombudsman's final decision");
}

#[test]
fn a_missing_title_is_an_error_naming_it_when_the_templates_load() {
    let line =
        "special_report = \"Special report of the Parliamentary and Health Service Ombudsman\"\n";
    let err = Rules::parse(&changed(line, "")).unwrap_err();
    assert!(err.contains("special_report"), "{err}");
    let err = templates_with(&changed(line, "")).err().expect("refused");
    let message = err.to_string();
    assert!(message.contains("rules.toml"), "{message}");
    assert!(message.contains("special_report"), "{message}");
    // A table of its own missing, too.
    let table = "[titles.letter]\ncomplainant = \"Covering letter to the complainant\"\n";
    let err = Rules::parse(&changed(table, "")).unwrap_err();
    assert!(err.contains("letter"), "{err}");
}

#[test]
fn an_empty_title_or_one_with_a_placeholder_it_cannot_fill_is_refused() {
    let err = Rules::parse(&changed(
        "name_key = \"Key to names used in the draft decision\"",
        "name_key = \" \"",
    ))
    .unwrap_err();
    assert!(err.contains("[titles] `name_key` is empty"), "{err}");
    let err = Rules::parse(&changed(
        "body = \"Covering letter to {body}\"",
        "body = \"Covering letter to {name}\"",
    ))
    .unwrap_err();
    assert!(err.contains("`letter.body`"), "{err}");
    assert!(err.contains("{name}"), "{err}");
    let err = Rules::parse(&changed(
        "published_from = \"Published on the website no sooner than {date}.\"",
        "published_from = \"Published on {day}.\"",
    ))
    .unwrap_err();
    assert!(err.contains("[publication] `published_from`"), "{err}");
    assert!(err.contains("it takes {date}"), "{err}");
}

#[test]
fn an_unnamed_addressee_is_greeted_in_the_offices_words() {
    let text = changed(
        "unnamed_addressee = \"Sir or Madam\"",
        "unnamed_addressee = \"Colleague\"",
    );
    let templates = templates_with(&text).unwrap();
    let case = crate::case::tests_support::minimal_case();
    let plans = crate::plan::plan(&case, templates.rules().plan_words());
    let letter = plans
        .iter()
        .find(|p| p.file == "letter-council")
        .expect("a letter to the council");
    let labels = vec!["Mrs X".to_string(); case.people.len()];
    let source = templates
        .render_unredacted(&case, &labels, letter)
        .unwrap()
        .text;
    assert!(source.contains("Dear #\"Colleague\";,"), "{source}");
}

#[test]
fn a_withheld_decision_gives_the_offices_reason() {
    let text = changed(
        "identifiable = \"the facts are unusual enough that someone could be identified\"",
        "identifiable = \"so few people share the facts that they could be recognised\"",
    );
    let templates = templates_with(&text).unwrap();
    let mut case = crate::case::tests_support::minimal_case();
    case.publication.publish = false;
    case.publication.exception = Some(crate::case::Exception::Identifiable);
    let words = templates.rules().plan_words();
    let plans = crate::plan::plan(&case, words);
    let decision = crate::plan::decide(&case, &plans, 6, words);
    let reason = "so few people share the facts that they could be recognised";
    assert!(
        decision.explanation.contains(reason),
        "{}",
        decision.explanation
    );
    let exception = decision
        .exception
        .as_ref()
        .expect("withheld with its exception");
    assert_eq!(exception.reason, reason);
    let letter = plans
        .iter()
        .find(|p| p.file == "letter-complainant")
        .expect("a letter to the complainant");
    let labels = vec!["Mrs X".to_string(); case.people.len()];
    let source = templates
        .render_unredacted(&case, &labels, letter)
        .unwrap()
        .text;
    assert!(source.contains(reason), "{source}");
}

#[test]
fn an_empty_reason_or_one_with_a_placeholder_is_refused() {
    let line = "premature = \"the complaint is premature\"";
    let err = Rules::parse(&changed(line, "premature = \"\"")).unwrap_err();
    assert!(
        err.contains("[publication.reasons] `premature` is empty"),
        "{err}"
    );
    let err = Rules::parse(&changed(line, "premature = \"{code} is premature\"")).unwrap_err();
    assert!(err.contains("`premature`"), "{err}");
    assert!(err.contains("it takes none"), "{err}");
    let err = Rules::parse(&changed(line, "")).unwrap_err();
    assert!(err.contains("premature"), "{err}");
}
