//! Every document type has its required sections and statutory citations
//! (DOMAIN.md §4), checked in the redacted text of the sample that shows it.

use crate::util::text_of;

/// (sample reference, file, what must be in its text).
const REQUIRED: &[(&str, &str, &[&str])] = &[
    // Joint LGSCO/PHSO final decision statement (S01).
    (
        "23 004 118",
        "decision.redacted.pdf",
        &[
            "The Ombudsmen's final decision",
            "Summary",
            "The complaint",
            "What I have and have not investigated",
            "The Ombudsmen's role and powers",
            "How I considered this complaint",
            "What I found",
            "Agreed action",
            "Final decision",
            "Investigator's decision on behalf of the Ombudsmen",
            "Page 1 of",
            "Local Government Act 1974, section 33ZA",
            "Health Service Commissioners Act 1993, section 18ZA",
            "sections 26(1) and 26A(1)",
            "section 34(3)",
            "section 3(7)",
            "sections 30(1B) and 34H(i)",
            "(by 12 January 2024)",
            "a joint payment of £650",
            "the Council's share is £400",
        ],
    ),
    // Standard covering letters stating the powers (CL-STD-FINAL).
    (
        "23 004 118",
        "letter-council.redacted.pdf",
        &[
            "section 30(1B)",
            "section 33ZA",
            "Dear Chief Executive",
            "no sooner than 6 weeks",
        ],
    ),
    (
        "23 004 118",
        "letter-trust.redacted.pdf",
        &["section 14(1)", "section 18ZA"],
    ),
    // LGSCO-only statement (S10), no fault.
    (
        "24 008 777",
        "decision.redacted.pdf",
        &[
            "The Ombudsman's final decision",
            "The Ombudsman's role and powers",
            "on behalf of the Ombudsman",
            "There was no fault",
        ],
    ),
    (
        "24 008 777",
        "letter-council.redacted.pdf",
        &["we found no fault"],
    ),
    // Draft decision and its letters (S04 draft).
    (
        "24 002 418",
        "draft-decision.redacted.pdf",
        &[
            "The Ombudsmen's draft decision",
            "Recommended action",
            "Draft decision",
            "now have an opportunity to comment",
        ],
    ),
    (
        "24 002 418",
        "letter-complainant.redacted.pdf",
        &["draft decision", "by 4 October 2024", "10 working days"],
    ),
    // Report under s30 (S03).
    (
        "23 007 412",
        "report-council.redacted.pdf",
        &[
            "Report by the Local Government and Social Care Ombudsman",
            "Made under section 30 of the Local Government Act 1974",
            "Key to names used",
            "Report summary",
            "Finding",
            "The investigation",
            "Conclusions",
            "Recommendations",
            "Decision",
            "Local Government Act 1974, section 31(2)",
            "The injustice that has not been remedied is the responsibility of the Council",
            "The ICB was also at fault, but has accepted our recommendations",
            "The Trust was not at fault",
        ],
    ),
    (
        "23 007 412",
        "letter-s30-council.redacted.pdf",
        &[
            "section 30(1)",
            "section 31(2)",
            "section 31(2A)",
            "Monitoring Officer",
        ],
    ),
    (
        "23 007 412",
        "letter-s30-icb.redacted.pdf",
        &[
            "For information",
            "The ICB was also at fault, but has accepted our recommendations",
        ],
    ),
    // Further report under s31(2A) (S03).
    (
        "23 007 412",
        "further-report-council.redacted.pdf",
        &[
            "Further report",
            "section 31(2A)",
            "Summary of our first report",
            "What has happened since",
            "Our view of the Council's response",
            "section 31(2C)",
            "What happens next",
            "section 31(2D) to (2H)",
        ],
    ),
    (
        "23 007 412",
        "letter-s31-council.redacted.pdf",
        &["further report under section 31(2A)", "section 31(2C)"],
    ),
    // Joint report under s18ZA / s33ZA, published under s14(2I) (S05).
    (
        "23 015 233",
        "joint-report-practice.redacted.pdf",
        &[
            "Joint report",
            "section 18ZA of the Health Service Commissioners Act 1993",
            "section 33ZA of the Local Government Act 1974",
            "section 14(2I)",
            "Foreword",
            "Key to names used",
            "Report summary",
            "response to our recommendations",
            "Conclusions and what we expect now",
            "Annex A",
        ],
    ),
    (
        "23 015 233",
        "letter-s18za-practice.redacted.pdf",
        &["significant concerns", "section 18ZA", "section 14(2I)"],
    ),
    // Special report under s14(3) (S11).
    (
        "24 010 562",
        "special-report-trust.redacted.pdf",
        &[
            "HC 1187",
            "Session 2024–25",
            "Presented to Parliament pursuant to section 14(3) of the Health Service Commissioners Act 1993",
            "Ordered by the House of Commons to be printed on 15 July 2025",
            "Foreword",
            "Why this matters",
            "What we are asking Parliament to do",
            "refusal",
        ],
    ),
    (
        "24 010 562",
        "letter-s14-3-trust.redacted.pdf",
        &["special report", "section 14(3)"],
    ),
    // Part 3A adverse findings notice (S07).
    (
        "24 006 301",
        "adverse-findings-notice-provider.redacted.pdf",
        &[
            "Adverse findings notice",
            "Primrose Court Healthcare Ltd",
            "Local Government Act 1974, Part 3A, section 34I",
            "What we recommended",
            "has not done",
            "Publication of this notice",
            "section 34I(6)",
            "2 December 2024",
        ],
    ),
    (
        "24 006 301",
        "letter-afn-provider.redacted.pdf",
        &[
            "adverse findings notice",
            "section 34I",
            "section 34H(7)",
            "Care Quality Commission",
        ],
    ),
    // Joint LGSCO / Housing Ombudsman decision and its one letter (S08).
    (
        "24 003 219",
        "decision.redacted.pdf",
        &[
            "The Ombudsmen's role and powers",
            "Housing Ombudsman Scheme",
            "the resident",
            "recommendations of the Local Government and Social Care Ombudsman",
            "orders and recommendations of the Housing Ombudsman",
            "The Housing Ombudsman orders the landlord to",
            "The Housing Ombudsman recommends that the landlord should",
            "there was maladministration by the landlord",
        ],
    ),
    (
        "24 003 219",
        "letter-joint.redacted.pdf",
        &[
            "Housing Ombudsman reference: 202312647",
            "monitors the landlord's orders",
        ],
    ),
];

#[test]
fn every_document_type_has_its_sections_and_citations() {
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

#[test]
fn reports_name_every_body() {
    for (reference, file) in [
        ("23 007 412", "report-council.redacted.pdf"),
        ("23 015 233", "joint-report-practice.redacted.pdf"),
        ("24 010 562", "special-report-trust.redacted.pdf"),
    ] {
        let case = &crate::util::rendered()
            .iter()
            .find(|(c, _)| c.case.reference == reference)
            .unwrap()
            .0;
        let text = text_of(reference, file);
        for body in &case.bodies {
            assert!(
                text.contains(&body.name),
                "{file} does not name {}",
                body.name
            );
        }
    }
}
