//! What each document says, read as the person who must sign it: the key
//! sentences and citations of every document type per scenario (refused,
//! agreed, late, no injustice, draft), every combination of findings and
//! compliance, documents frozen at their own date, signatories, marks and
//! cross-references. Each body's outcome and the anonymised draft are in
//! `outcomes.rs`.

use std::collections::BTreeMap;
use std::sync::LazyLock;

use redress::case::{Case, Date, MONTHS};
use regex::Regex;

use crate::util::{engine, rendered, text_of};

/// (sample reference, file, what must be in its text).
const REQUIRED: &[(&str, &str, &[&str])] = &[
    // Agreed: a joint LGSCO/PHSO final decision, everyone complied (S01).
    (
        "23 004 118",
        "decision.redacted.pdf",
        &[
            "The Ombudsmen's final decision",
            "Organisation and reference Category Decision",
            "What I have and have not investigated",
            "The Ombudsmen's role and powers",
            "How I considered this complaint",
            "Agreed action",
            "Investigator's decision on behalf of the Ombudsmen",
            "(Local Government Act 1974, section 33ZA, as amended, and Health Service Commissioners Act 1993, section 18ZA)",
            "(Health Service Commissioners Act 1993, section 3(1), and Local Government Act 1974, sections 26(1) and 26A(1), as amended)",
            "(Local Government Act 1974, section 34(3), as amended)",
            "the Parliamentary and Health Service Ombudsman can consider whether those decisions were reasonable.",
            "(Local Government Act 1974, section 30(1B), as amended)",
            "the Council and the Trust have agreed to:",
            "(one payment of £650 in total: the Council pays £400 and the Trust pays £250)",
            "(by 12 January 2024)",
            "There was fault by the Council which caused injustice to Mrs Y and Mrs X. The Council has agreed to take the action we recommended to remedy that injustice.",
            "The Trust has agreed to take the action we recommended to remedy that injustice.",
            "Investigator's decision on behalf of the Ombudsmen Aisha Thorne Investigator",
        ],
    ),
    (
        "23 004 118",
        "letter-council.unredacted.pdf",
        &[
            "Local Government and Social Care Ombudsman PO Box 4771",
            "Our reference: 23 004 118",
            "Complaint by Mrs Deborah Tranter-Wilde (our reference 23 004 118)",
            "we are satisfied with the action the Council has taken or agreed to take",
            "(Local Government Act 1974, section 30(1B), as amended)",
            "ask us to review it",
            "by 12 January 2024, within one month of the date of the decision",
            "no sooner than six weeks",
            "Aisha Thorne Investigator, on behalf of the Ombudsmen",
            "Telephone: 0300 061 0614",
            "Please ask the Council's link officer to send me evidence that each action has been completed",
            "a copy of the letter of apology, for the action to apologise",
            "If the Council does not do what it has agreed by the dates given, we can issue a public report",
        ],
    ),
    (
        "23 004 118",
        "letter-complainant.unredacted.pdf",
        &[
            "What we found",
            "We found that the Council was at fault, and that this caused injustice to your mother, Mrs Margaret O'Neill, and you. It has agreed to do what we recommended.",
            "What happens now",
            "(by 12 January 2024)",
            "will contact you to arrange the payment",
            "If you think something has not been done by the date given, please tell me.",
            "If you disagree with the decision",
        ],
    ),
    (
        "23 004 118",
        "letter-trust.unredacted.pdf",
        &[
            "Our reference: 23 004 118a",
            "(our reference 23 004 118a)",
            "the report of the results of the investigation. (Health Service Commissioners Act 1993, section 14(1))",
        ],
    ),
    // No fault (S10, LGSCO alone).
    (
        "24 008 777",
        "decision.redacted.pdf",
        &[
            "The Ombudsman's final decision",
            "The Ombudsman's role and powers",
            "on behalf of the Ombudsman",
            "There was no fault by the Council.",
        ],
    ),
    (
        "24 008 777",
        "letter-council.unredacted.pdf",
        &["we found no fault by the Council"],
    ),
    // Draft (S04 draft): the anonymised text the parties receive, marked,
    // provisional, asking for acceptance; its key to names apart.
    (
        "24 002 418",
        "draft-decision.redacted.pdf",
        &[
            "DRAFT: CONFIDENTIAL",
            "The Ombudsmen's draft decision",
            "Organisation and reference Category",
            "This is a draft decision, sent for comment.",
            "Recommended action",
            "Within one month of the date of the final decision, the Council should:",
            "My provisional findings",
            "now have an opportunity to comment on this draft decision",
            "This is my provisional view",
            "There was fault by the Council which caused injustice to C and Ms X.",
            "not a final decision",
        ],
    ),
    (
        "24 002 418",
        "draft-key-to-names.unredacted.pdf",
        &[
            "Key to names used in the draft decision",
            "Ms X Ms Faith Okonkwo: The complainant",
            "C Hope Okonkwo: Ms Faith Okonkwo's daughter",
            "do not copy, share or publish it",
        ],
    ),
    (
        "24 002 418",
        "letter-council.unredacted.pdf",
        &[
            "DRAFT: CONFIDENTIAL",
            "by 4 October 2024 (10 working days from the date of this letter)",
            "whether the Council accepts the recommendations in the draft decision",
            "A separate key to names, also enclosed, says who each one is.",
            "We do not publish draft decisions.",
        ],
    ),
    // Refused: the council's decision is the s30(1) route (S03), and its
    // letters follow the chain to the requirement under s31(2D).
    (
        "23 007 412",
        "decision.redacted.pdf",
        &[
            "the Council should:",
            "The Council has not agreed to take this action.",
            "the ICB has agreed to:",
            "(Local Government Act 1974, sections 30(1) and 31(2), as amended)",
            "The Council has not agreed to take the action we recommended to remedy that injustice.",
            "There was no fault by the Trust.",
            "Westley Harbour Mental Health NHS Foundation Trust (23 007 412b) Health > Other Not upheld",
        ],
    ),
    (
        "23 007 412",
        "letter-council.unredacted.pdf",
        &[
            "we are not satisfied with the action it has taken or proposes to take",
            "We will issue a report on the complaint",
            "(Local Government Act 1974, sections 30(1) and 31(2), as amended)",
        ],
    ),
    (
        "23 007 412",
        "report-council.redacted.pdf",
        &[
            "Report by the Local Government and Social Care Ombudsman and the Parliamentary and Health Service Ombudsman",
            "Made under section 30(1) of the Local Government Act 1974.",
            "Key to names used",
            "A councillor An elected member of the Council",
            "Report summary",
            "This report names all three organisations involved in the complaint",
            "The injustice that has not been remedied is the responsibility of the Council alone.",
            "The ICB was also at fault, but has accepted the recommendations we made to it.",
            "We found no fault by the Trust.",
            "(within one month of the date of this report, by 14 July 2024)",
            "(Local Government Act 1974, section 31(2), as amended)",
            "(Local Government Act 1974, section 30(4) and (5), as amended)",
            "(Local Government Act 1974, section 30(3), as amended)",
            "We considered Mrs X's complaint",
            "Mrs X told us",
            "we have not upheld this part of the complaint",
            "Alexandra Penhaligon Local Government and Social Care Ombudsman Marcus Oyelaran-Frost Parliamentary and Health Service Ombudsman 14 June 2024",
        ],
    ),
    (
        "23 007 412",
        "letter-s30-council.unredacted.pdf",
        &[
            "(Local Government Act 1974, section 30(1), as amended)",
            "to give public notice of it (Local Government Act 1974, section 30(4) and (5), as amended)",
            "(Local Government Act 1974, section 31(2), as amended)",
            "(Local Government Act 1974, section 31(2A), as amended)",
            "by 14 September 2024",
            "Monitoring Officer",
        ],
    ),
    (
        "23 007 412",
        "letter-s30-complainant.unredacted.pdf",
        &[
            "The Council must now consider the report and tell us, within three months, by 14 September 2024, what it will do.",
            "This does not change what the ICB agreed to do for you.",
        ],
    ),
    (
        "23 007 412",
        "letter-s30-icb.unredacted.pdf",
        &[
            "For information",
            "a report (Local Government Act 1974, section 30(1), as amended)",
            "The ICB was also at fault, but has accepted the recommendations we made to it.",
            "Our reference: 23 007 412a",
        ],
    ),
    (
        "23 007 412",
        "further-report-council.redacted.pdf",
        &[
            "Made under section 31(2A) of the Local Government Act 1974.",
            "Further report by the Local Government and Social Care Ombudsman Westley Borough Council",
            "Summary of our first report",
            "This further report is made by the Local Government and Social Care Ombudsman, whose power it is. (Local Government Act 1974, section 31(2A), as amended)",
            "On 14 June 2024 we issued a report",
            "In our report of 14 June 2024 we recommended that the Council should:",
            "(due by 14 July 2024: refused)",
            "(due by 14 September 2024: refused)",
            "What has happened since",
            "12 September 2024",
            "Our view of the Council's response",
            "(Local Government Act 1974, section 31(2C), as amended)",
            "(within one month of the date of this further report, by 5 December 2024)",
            "(Local Government Act 1974, section 31(2D), as amended)",
            "Alexandra Penhaligon Local Government and Social Care Ombudsman 5 November 2024",
        ],
    ),
    (
        "23 007 412",
        "letter-s31-council.unredacted.pdf",
        &[
            "(Local Government Act 1974, section 31(2A), as amended)",
            "(Local Government Act 1974, section 31(2C), as amended)",
        ],
    ),
    (
        "23 007 412",
        "letter-s31-2d-council.unredacted.pdf",
        &[
            "In our further report of 5 November 2024 we recommended action",
            "We therefore require the Council to publish a statement setting out the action we recommended in our further report that it has not taken (Local Government Act 1974, section 31(2D), as amended):",
            "refund the £14,236.50",
            "Alexandra Penhaligon Local Government and Social Care Ombudsman",
            "10 February 2025",
        ],
    ),
    (
        "23 007 412",
        "letter-s31-2d-complainant.unredacted.pdf",
        &["On 10 February 2025 we required Westley Borough Council to publish a statement"],
    ),
    // A GP practice refuses: joint report (S05).
    (
        "23 015 233",
        "joint-report-practice.redacted.pdf",
        &[
            "A joint report (Health Service Commissioners Act 1993, section 18ZA, and Local Government Act 1974, section 33ZA, as amended), published in the public interest.",
            "Foreword",
            "This report names both organisations involved in the complaint",
            "Key to names used",
            "The GP GP, Larkspur Lane Surgery",
            "response to our recommendations",
            "Conclusions and what we expect now",
            "(Health Service Commissioners Act 1993, section 3(1A), and Local Government Act 1974, sections 26(1) and 26A(1), as amended)",
        ],
    ),
    (
        "23 015 233",
        "letter-practice.unredacted.pdf",
        &[
            "(Health Service Commissioners Act 1993, section 14)",
            "The Practice has not yet told us whether it will take all the action we recommend. If it does not act, we may issue a joint report and publish it",
        ],
    ),
    (
        "24 006 301",
        "letter-provider.unredacted.pdf",
        &[
            "a written statement of our conclusions and recommendations. (Local Government Act 1974, section 34H(1) and (3), as amended)",
            "we can require it to publish an adverse findings notice",
            "(Local Government Act 1974, sections 34I and 34H(7), as amended)",
        ],
    ),
    (
        "23 015 233",
        "letter-s18za-practice.unredacted.pdf",
        &[
            "significant concerns",
            "(Health Service Commissioners Act 1993, section 18ZA, and Local Government Act 1974, section 33ZA, as amended)",
            "Alexandra Penhaligon Local Government and Social Care Ombudsman",
            "Marcus Oyelaran-Frost Parliamentary and Health Service Ombudsman",
        ],
    ),
    // An independent provider of NHS care (S02): its remit is s3(1C).
    (
        "23 011 507",
        "decision.redacted.pdf",
        &[
            "(Health Service Commissioners Act 1993, sections 3(1) and 3(1C), and Local Government Act 1974, sections 26(1) and 26A(1), as amended)",
        ],
    ),
    // Special report under s14(3), laid by the PHSO alone (S11).
    (
        "24 010 562",
        "special-report-trust.redacted.pdf",
        &[
            "HC 1187",
            "Session 2024–25",
            "Presented to Parliament pursuant to section 14(3) of the Health Service Commissioners Act 1993.",
            "Ordered by the House of Commons to be printed on 15 July 2025.",
            "© Parliamentary and Health Service Ombudsman copyright 2025",
            "Open Government Licence",
            "I am laying this special report before Parliament",
            "Marcus Oyelaran-Frost Parliamentary and Health Service Ombudsman",
            "I consider that refusal to be of particular importance",
            "Why this matters",
            "What we are asking Parliament to do",
        ],
    ),
    (
        "24 010 562",
        "letter-s14-3-trust.unredacted.pdf",
        &[
            "I have therefore laid the enclosed special report",
            "(Health Service Commissioners Act 1993, section 14(3))",
        ],
    ),
    // Part 3A: the adverse findings notice and its letter (S07).
    (
        "24 006 301",
        "adverse-findings-notice-provider.redacted.pdf",
        &[
            "Adverse findings notice",
            "Primrose Court Healthcare Ltd",
            "Made under Local Government Act 1974, section 34I, as amended",
            "has not carried out the following recommendations",
            "has asked us to include its reasons",
            "(Local Government Act 1974, section 34I(6), as amended)",
            "by 2 December 2024",
        ],
    ),
    (
        "24 006 301",
        "letter-afn-provider.unredacted.pdf",
        &[
            "an adverse findings notice. (Local Government Act 1974, section 34I, as amended)",
            "(Local Government Act 1974, section 34I(4), as amended)",
            "Care Quality Commission",
            "Mr Raymond Cobb Director and Nominated Individual Primrose Court Healthcare Ltd 3 Meadowsweet Way",
        ],
    ),
    (
        "24 006 301",
        "letter-afn-complainant.unredacted.pdf",
        &["we issued an adverse findings notice about Primrose Court Healthcare Ltd"],
    ),
    (
        "24 006 301",
        "decision.redacted.pdf",
        &[
            "where the complainant agrees. (Health Service Commissioners Act 1993, section 18ZA)",
            "The Provider has not told us whether it will take the action we recommended to remedy that injustice.",
            "There was fault by the ICB which caused injustice to Mr X.",
            "(Local Government Act 1974, Part 3A and section 34H(8), as amended)",
            "(Local Government Act 1974, sections 34H(1) and (3), and 34I, as amended)",
        ],
    ),
    // Late (S08: the landlord paid late) and the Housing Ombudsman's parts.
    (
        "24 003 219",
        "decision.redacted.pdf",
        &[
            "Meridian Homes Group (202312647) Housing > Antisocial behaviour Maladministration",
            "The Housing Ombudsman found maladministration by the landlord in respect of its handling of the resident's reports of antisocial behaviour, and service failure by the landlord in respect of its handling of the resident's complaint.",
            "Callum Dewhurst Investigator Nia Holroyd Adjudicator, on behalf of the Housing Ombudsman",
            "The Ombudsmen's role and powers",
            "(Housing Act 1996 and the Housing Ombudsman Scheme)",
            "the resident",
            "recommendations of the Local Government and Social Care Ombudsman",
            "orders and recommendations of the Housing Ombudsman",
            "The Housing Ombudsman orders the landlord to:",
            "The Housing Ombudsman recommends that the landlord should:",
            "The Housing Ombudsman's determination is that there was maladministration by the landlord in respect of its handling of the resident's reports of antisocial behaviour.",
            "The Housing Ombudsman's determination is that there was service failure by the landlord in respect of its handling of the resident's complaint.",
        ],
    ),
    (
        "24 003 219",
        "letter-joint.unredacted.pdf",
        &[
            "Housing Ombudsman reference: 202312647",
            "Dear Miss Fairweather, Mr Okafor and Ms Castellan,",
            "Housing Ombudsman PO Box 152",
            "Nia Holroyd Adjudicator, on behalf of the Housing Ombudsman",
            "monitors the landlord's orders",
            "ask us to review it",
        ],
    ),
];

/// Phrases no document may print.
const NEVER: &[&str] = &[
    "34H(i)",
    // Citations not verified against the statute's text (rules.toml).
    "section 14(2I)",
    "section 34N",
    "section 3(7)",
    "to (2H)",
    // Money and lists in the offices' style.
    ".00 ",
    ".00)",
    "; and.",
    // Letters are addressed to named people: never "Dear Miss X".
    "Dear Miss X",
    "Dear Mrs X",
    "sections 30 and 31",
    "all 2 organisations",
    " a adverse",
    "local government and social care ombudsman",
    "Dear Investigator",
    "paragraph 52",
];

#[test]
fn every_document_type_says_its_key_sentences_and_citations() {
    let mut missing = Vec::new();
    for (reference, file, wanted) in REQUIRED {
        let text = text_of(reference, file);
        for w in *wanted {
            if !text.contains(w) {
                missing.push(format!("{reference} {file}: `{w}`"));
            }
        }
    }
    assert!(missing.is_empty(), "missing:\n{}", missing.join("\n"));
}

/// Every PDF of every sample, with its text by poppler.
fn all_texts() -> Vec<(&'static Case, String, String)> {
    let mut out = Vec::new();
    for (case, dir) in rendered() {
        let mut files: Vec<String> = std::fs::read_dir(dir)
            .unwrap()
            .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
            .filter(|f| f.ends_with(".pdf") && f != "review-sheet.pdf")
            .collect();
        files.sort();
        for f in files {
            let text = text_of(&case.case.reference, &f);
            out.push((case, f, text));
        }
    }
    out
}

#[test]
fn no_document_prints_a_known_mistake() {
    let mut found = Vec::new();
    for (case, file, text) in all_texts() {
        for n in NEVER {
            if text.contains(n) {
                found.push(format!("{} {file}: `{n}`", case.case.reference));
            }
        }
    }
    assert!(found.is_empty(), "{}", found.join("\n"));
}

static DATE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(&format!(
        r"\b(\d{{1,2}}) ({}) (\d{{4}})\b",
        MONTHS.join("|")
    ))
    .unwrap()
});

/// Every date a text prints, with the few characters before it.
fn dates(text: &str) -> Vec<(Date, String)> {
    DATE.captures_iter(text)
        .filter_map(|c| {
            let month = MONTHS.iter().position(|m| *m == &c[2])? as u8 + 1;
            let date = Date::from_ymd(c[3].parse().ok()?, month, c[1].parse().ok()?)?;
            let at = c.get(0)?.start();
            let before = text[..at].chars().rev().take(12).collect::<String>();
            Some((date, before.chars().rev().collect()))
        })
        .collect()
}

#[test]
fn no_document_mentions_a_date_after_its_own_except_its_deadlines() {
    let mut problems = Vec::new();
    let mut checked = 0;
    for (case, file, text) in all_texts() {
        let stem = file.split('.').next().unwrap();
        let plan = redress::plan::plan(case, engine().templates().rules().plan_words())
            .into_iter()
            .find(|p| p.file == stem)
            .unwrap_or_else(|| panic!("{file} is not in the plan"));
        for (date, before) in dates(&text) {
            checked += 1;
            if date <= plan.date {
                continue;
            }
            // A deadline runs from the document: "by 14 July 2024", and
            // within a year of it.
            let deadline = before.ends_with("by ") && date <= plan.date.plus_months(12);
            if !deadline {
                problems.push(format!(
                    "{} {file} (dated {}): mentions {} after \"{before}\"",
                    case.case.reference,
                    plan.date.long(),
                    date.long()
                ));
            }
        }
    }
    assert!(checked > 500, "only {checked} dates read");
    assert!(problems.is_empty(), "{}", problems.join("\n"));
}

#[test]
fn a_later_event_appears_only_in_a_later_document() {
    // The Cabinet met on 23 January 2025, after the further report.
    for file in [
        "report-council.redacted.pdf",
        "further-report-council.redacted.pdf",
        "letter-s30-council.unredacted.pdf",
    ] {
        let text = text_of("23 007 412", file);
        assert!(!text.contains("23 January 2025"), "{file}");
    }
    // The report of June 2024 cannot know of the notice published in July.
    let report = text_of("23 007 412", "report-council.redacted.pdf");
    assert!(!report.contains("3 July 2024"));
    assert!(!report.contains("did not give public notice"));
    let further = text_of("23 007 412", "further-report-council.redacted.pdf");
    assert!(further.contains("3 July 2024"));
    assert!(further.contains("did not give public notice of our report"));
}

#[test]
fn paragraph_cross_references_point_at_the_rendered_paragraph() {
    let cross_reference = Regex::new(r"action identified in paragraph (\d+)").unwrap();
    for file in [
        "report-council.redacted.pdf",
        "further-report-council.redacted.pdf",
    ] {
        let text = text_of("23 007 412", file);
        let n: u32 = cross_reference
            .captures(&text)
            .unwrap_or_else(|| panic!("{file}: no cross-reference"))[1]
            .parse()
            .unwrap();
        let at = text
            .find(&format!(" {n}. "))
            .unwrap_or_else(|| panic!("{file}: no paragraph {n}"));
        let para = &text[at..at + 90];
        assert!(
            para.contains("remedy the injustice caused"),
            "{file}: paragraph {n} is `{para}`"
        );
    }
}

#[test]
fn the_notice_is_short_and_names_no_one_else() {
    let (case, dir) = rendered()
        .iter()
        .find(|(c, _)| c.case.reference == "24 006 301")
        .unwrap();
    let pdf = std::fs::read(dir.join("adverse-findings-notice-provider.redacted.pdf")).unwrap();
    let doc = lopdf::Document::load_mem(&pdf).unwrap();
    assert_eq!(doc.get_pages().len(), 1, "one page");
    let text = text_of(
        "24 006 301",
        "adverse-findings-notice-provider.redacted.pdf",
    );
    for other in case.bodies.iter().filter(|b| b.id != "provider") {
        assert!(!text.contains(&other.name), "names {}", other.name);
        assert!(
            !text.contains(&other.short_name),
            "names {}",
            other.short_name
        );
    }
    for word in ["year-old", "dementia", "We have upheld", "Parliamentary"] {
        assert!(!text.contains(word), "`{word}`");
    }
}

/// The text between two headings.
fn section<'a>(text: &'a str, from: &str, to: &str) -> &'a str {
    let start = text.find(from).unwrap_or_else(|| panic!("no `{from}`"));
    let end = text[start..].find(to).map_or(text.len(), |e| start + e);
    &text[start..end]
}

#[test]
fn signatories_follow_the_power() {
    let office = engine().templates().office().clone();
    let (lgsco, phso) = (&office.lgsco.signatory.name, &office.phso.signatory.name);
    let special = text_of("24 010 562", "special-report-trust.redacted.pdf");
    let foreword = section(&special, "Foreword", "Summary");
    assert!(foreword.contains(&format!(
        "{phso} Parliamentary and Health Service Ombudsman"
    )));
    assert!(
        !foreword.contains("Local Government and Social Care Ombudsman")
            && !foreword.contains(lgsco.as_str()),
        "the special report is laid by the PHSO alone: {foreword}"
    );
    let notice = text_of(
        "24 006 301",
        "adverse-findings-notice-provider.redacted.pdf",
    );
    assert!(notice.contains(&format!(
        "{lgsco} Local Government and Social Care Ombudsman"
    )));
    assert!(!notice.contains("Parliamentary and Health Service Ombudsman"));
    let joint = text_of("23 015 233", "joint-report-practice.redacted.pdf");
    let foreword = section(&joint, "Foreword", "Key to names used");
    assert!(foreword.contains(&format!(
        "{lgsco} Local Government and Social Care Ombudsman {phso} Parliamentary and Health Service Ombudsman"
    )));
    // A further report under s31(2A) is the LGSCO's alone, though the
    // case is joint with the PHSO; so is the requirement under s31(2D).
    for file in [
        "further-report-council.redacted.pdf",
        "letter-s31-2d-council.unredacted.pdf",
    ] {
        let text = text_of("23 007 412", file);
        assert!(text.contains(lgsco.as_str()), "{file}");
        assert!(
            !text.contains(phso.as_str()),
            "{file} is signed by the PHSO"
        );
    }
    // Every decision and every investigator's letter is signed by name;
    // a joint housing decision and its letter by the adjudicator too.
    for (case, file, text) in all_texts() {
        let investigated = file.starts_with("decision")
            || file.starts_with("draft-decision")
            || (file.starts_with("letter-") && !file.contains("-s") && !file.contains("-afn-"));
        if investigated {
            let name = &case.case.investigator.as_ref().unwrap().name;
            assert!(text.contains(name.as_str()), "{file}: unsigned");
        }
        if let Some(adjudicator) = &case.case.adjudicator
            && (file.starts_with("decision") || file.starts_with("letter-joint"))
        {
            assert!(
                text.contains(&format!(
                    "{} Adjudicator, on behalf of the Housing Ombudsman",
                    adjudicator.name
                )),
                "{file}: no adjudicator"
            );
        }
    }
}

#[test]
fn every_page_of_an_internal_or_draft_copy_is_marked() {
    for (case, dir) in rendered() {
        for entry in std::fs::read_dir(dir).unwrap() {
            let path = entry.unwrap().path();
            let name = path.file_name().unwrap().to_string_lossy().into_owned();
            if !name.ends_with(".unredacted.pdf") {
                continue;
            }
            let doc = lopdf::Document::load_mem(&std::fs::read(&path).unwrap()).unwrap();
            let pages = redress::verify::page_texts(&doc).unwrap();
            for (n, page) in pages.iter().enumerate() {
                assert!(
                    page.contains("NOT FOR PUBLICATION"),
                    "{name} page {}",
                    n + 1
                );
                if case.case.stage == redress::case::Stage::Draft {
                    assert!(
                        page.contains("DRAFT: CONFIDENTIAL"),
                        "{name} page {}",
                        n + 1
                    );
                }
            }
        }
    }
}

#[test]
fn each_determination_is_printed_once() {
    let text = text_of("24 003 219", "decision.redacted.pdf");
    let count = text
        .matches("The Housing Ombudsman's determination is")
        .count();
    assert_eq!(count, 2, "one per defined complaint");
}

#[test]
fn reports_name_every_body() {
    for (reference, file) in [
        ("23 007 412", "report-council.redacted.pdf"),
        ("23 015 233", "joint-report-practice.redacted.pdf"),
        ("24 010 562", "special-report-trust.redacted.pdf"),
    ] {
        let case = &rendered()
            .iter()
            .find(|(c, _)| c.case.reference == reference)
            .unwrap()
            .0;
        let text = text_of(reference, file);
        for body in &case.bodies {
            // A body named after a person is published by its other name.
            let name = body.published_name.as_ref().unwrap_or(&body.name);
            assert!(text.contains(name.as_str()), "{file} does not name {name}");
        }
    }
}

/// Every statute reference in the templates, those of the PDFs and those
/// of the web pages, is a `cite(…)` of the one table in rules.toml: none is
/// written out in a template.
#[test]
fn templates_print_no_citation_of_their_own() {
    let statute =
        Regex::new(r"(?i)\b(Act 19\d\d|sections? \d|s\d+[A-Z]*\(|paragraph \d+ of)").unwrap();
    let comment = Regex::new(r"(?s)\{#.*?#\}").unwrap();
    let mut found = Vec::new();
    for (name, text) in redress::render::BUNDLED
        .iter()
        .chain(redress::publish::html::TEMPLATES)
    {
        // The review sheet is internal and cites nothing.
        if !name.ends_with(".j2") || *name == "review.typ.j2" {
            continue;
        }
        let text = comment.replace_all(text, "");
        for (i, line) in text.lines().enumerate() {
            if line.trim_start().starts_with("//") {
                continue;
            }
            if let Some(m) = statute.find(line) {
                found.push(format!("{name}:{}: `{}`", i + 1, m.as_str()));
            }
        }
    }
    assert!(
        found.is_empty(),
        "write these through cite():\n{}",
        found.join("\n")
    );
}

/// One council, with its findings and the statuses of its two
/// recommendations set per combination.
fn combination(fault: bool, injustice: bool, statuses: &[&str], draft: bool) -> Case {
    let mut text = String::from(
        r#"
[case]
reference = "24 000 002"
jurisdiction = "lgsco"
decision_date = 2024-03-01
STAGE
summary = "We found what we found."
investigator = { name = "Aisha Thorne" }

[[people]]
id = "jane"
name = "Jane Smith"
title = "Mrs"
role = "complainant"
label = "Mrs X"

[[bodies]]
id = "council"
name = "Westley Borough Council"
short_name = "the Council"
kind = "council"
reference = "24 000 002"

[complaint]
injustice = "Distress."
points = [{ body = "council", text = "did not reply to her letters" }]

[[findings]]
body = "council"
FINDING
text = "What we found."
"#,
    )
    .replace("STAGE", if draft { "stage = \"draft\"" } else { "" })
    .replace(
        "FINDING",
        &format!("fault = {fault}\ninjustice = {injustice}"),
    );
    for (i, s) in statuses.iter().enumerate() {
        text.push_str(&format!(
            "\n[[recommendations]]\nbody = \"council\"\nkind = \"apology\"\ntext = \"take action number {i}\"\ndeadline = \"1 month\"\nstatus = \"{s}\"\n"
        ));
    }
    text.push_str(&format!(
        "\n[outcome]\ndecision = \"{}\"\n",
        if fault { "upheld" } else { "not_upheld" }
    ));
    let loaded = redress::case::load_str("combination.toml", &text, &engine().coverage().clone());
    let errors: Vec<_> = loaded
        .diagnostics
        .iter()
        .filter(|d| d.is_error())
        .map(|d| d.message.clone())
        .collect();
    loaded.case.unwrap_or_else(|| panic!("{errors:?}\n{text}"))
}

/// The Typst source of each document as plain text: every string value
/// spliced into the template's own words.
pub(crate) fn sources(case: &Case) -> BTreeMap<String, String> {
    let literal = Regex::new(r#"#"((?:[^"\\]|\\.)*)";"#).unwrap();
    engine()
        .sources(case)
        .unwrap()
        .into_iter()
        .map(|(s, _)| {
            let plain = literal.replace_all(&s.text, |c: &regex::Captures<'_>| {
                c[1].replace("\\\"", "\"").replace("\\\\", "\\")
            });
            let name = s.name.rsplit('/').next().unwrap().to_string();
            (name, plain.split_whitespace().collect::<Vec<_>>().join(" "))
        })
        .collect()
}

#[test]
fn findings_and_compliance_decide_the_wording_and_the_powers_in_every_combination() {
    let outcomes = [(true, true), (true, false), (false, false)];
    let answers: [&[&str]; 5] = [
        &["agreed", "complied"],
        &["refused", "refused"],
        &["complied", "refused"],
        &["not_responded", "not_responded"],
        &[],
    ];
    let mut failures = Vec::new();
    for (fault, injustice) in outcomes {
        for statuses in answers {
            for draft in [false, true] {
                if !fault && !statuses.is_empty() {
                    continue; // nothing is recommended without fault
                }
                if draft && statuses.iter().any(|s| *s != "agreed" && *s != "complied") {
                    continue; // a draft has no answers yet (and no escalation)
                }
                let case = combination(fault, injustice, statuses, draft);
                let docs = sources(&case);
                let decision = &docs[if draft {
                    "draft-decision.redacted"
                } else {
                    "decision.unredacted"
                }];
                let person = if draft { "Mrs X" } else { "Mrs Jane Smith" };
                let letter = &docs["letter-council.unredacted"];
                let label =
                    format!("fault={fault} injustice={injustice} {statuses:?} draft={draft}");
                let mut check = |ok: bool, what: &str| {
                    if !ok {
                        failures.push(format!("{label}: {what}"));
                    }
                };
                // The finding decides the first sentence, and nothing contradicts it.
                if injustice {
                    check(
                        decision.contains(&format!(
                            "There was fault by the Council which caused injustice to {person}."
                        )),
                        "injustice sentence",
                    );
                } else if fault {
                    check(decision.contains(&format!("There was fault by the Council, but it did not cause {person} a significant injustice.")), "fault-only sentence");
                    check(
                        !decision.contains("remedy that injustice"),
                        "remedy of an injustice not found",
                    );
                } else {
                    check(
                        decision.contains("There was no fault by the Council."),
                        "no-fault sentence",
                    );
                    check(
                        !decision.contains("has agreed to"),
                        "agreement without fault",
                    );
                }
                // A draft is provisional and asks; a final decision reports the answer.
                if draft {
                    check(
                        decision.contains("This is my provisional view"),
                        "provisional view",
                    );
                    check(
                        !decision.contains("I have completed my investigation"),
                        "completed in a draft",
                    );
                    check(!decision.contains("has agreed to"), "agreement in a draft");
                    check(
                        !decision.contains("\"Decision\""),
                        "a decision line in a draft",
                    );
                    if !statuses.is_empty() {
                        check(
                            letter.contains("whether the Council accepts the recommendations"),
                            "draft letter asks for acceptance",
                        );
                    }
                    continue;
                }
                check(
                    decision.contains("I have completed my investigation."),
                    "completed",
                );
                let accepted = !statuses.is_empty()
                    && statuses.iter().all(|s| ["agreed", "complied"].contains(s));
                let refused = statuses.contains(&"refused") || statuses.contains(&"not_responded");
                match statuses {
                    ["agreed", "complied"] => check(
                        decision.contains("the Council has agreed to:"),
                        "agreed lead",
                    ),
                    ["refused", "refused"] => {
                        check(
                            !decision.contains("the Council has agreed to:"),
                            "refusal printed as agreed",
                        );
                        check(
                            decision.contains("The Council has not agreed to take this action."),
                            "refusal said",
                        );
                        check(
                            decision.contains("has not agreed to take the action we recommended"),
                            "refusal in the final paragraph",
                        );
                    }
                    ["complied", "refused"] => {
                        check(
                            decision.contains("the Council has agreed to:"),
                            "the agreed part",
                        );
                        check(decision.contains("the Council should:"), "the refused part");
                        check(
                            decision
                                .contains("has agreed to only part of the action we recommended"),
                            "partly",
                        );
                        check(
                            decision.contains("and has not agreed to the rest"),
                            "the refused part said",
                        );
                    }
                    ["not_responded", "not_responded"] => check(
                        decision.contains("has not told us whether it will take this action"),
                        "no answer",
                    ),
                    _ => check(
                        !decision.contains("has agreed to"),
                        "agreement with nothing recommended",
                    ),
                }
                // The powers: s30(1B) only where the Ombudsman is satisfied.
                let satisfied_route =
                    letter.contains("section 30(1B)") && decision.contains("section 30(1B)");
                let report_route = letter.contains("we are not satisfied")
                    && letter.contains("sections 30(1) and 31(2)");
                if fault && refused {
                    check(
                        report_route && !letter.contains("30(1B)") && !decision.contains("30(1B)"),
                        "a refusing council gets the s30(1) route",
                    );
                } else {
                    check(satisfied_route && !report_route, "the s30(1B) route");
                }
                if accepted {
                    check(
                        letter.contains(
                            "link officer to send me evidence that each action has been completed",
                        ),
                        "evidence asked of an accepting council",
                    );
                }
                check(letter.contains("ask us to review it"), "review rights");
            }
        }
    }
    assert!(failures.is_empty(), "{}", failures.join("\n"));
}

/// A report lists what the council did do, as our decision set it: due
/// from the decision, not from the report.
#[test]
fn a_report_lists_what_the_council_did_with_the_decision_dates() {
    let mut case = rendered()
        .iter()
        .find(|(c, _)| c.case.reference == "23 007 412")
        .unwrap()
        .0
        .clone();
    // The Council paid Mr Y's £500 after all.
    let paid = case
        .recommendations
        .iter_mut()
        .find(|r| r.text.contains("£500 to acknowledge the distress"))
        .unwrap();
    paid.status = redress::case::Compliance::Complied;
    let out = crate::util::tempdir();
    let report = engine()
        .render_case(
            &case,
            out.path(),
            redress::pipeline::RenderOptions::default(),
        )
        .unwrap();
    let text = redress::verify::normalise(&crate::util::pdftotext(
        &report.dir.join("report-council.redacted.pdf"),
    ));
    let done = section(
        &text,
        "has agreed to, or has carried out, the following recommendations of our decision of 5 March 2024:",
        "has not carried out",
    );
    assert!(
        done.contains("pay Mr Y £500 to acknowledge the distress caused by being charged and pursued for a debt he did not owe (due by 5 April 2024: done)"),
        "{done}"
    );
}
