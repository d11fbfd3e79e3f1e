//! The rewrite rules, construction by construction: the sentence as the
//! case file writes it, and as the publication copy prints it.

use crate::anonymise::{self, Identifiers};
use crate::case::{Coverage, load_str};

const CASE: &str = r#"
[case]
reference = "25 004 102"
jurisdiction = "lgsco"
decision_date = 2025-06-17
investigator = { name = "Aisha Thorne" }
received = 2024-09-02
summary = "x"

[[people]]
id = "peggy"
name = "Margaret O'Neill"
title = "Mrs"
role = "person_affected"
label = "Mrs Y"
aliases = [{ text = "Peggy", kind = "nickname" }, { text = "Mrs O'Neil", kind = "misspelling" }]
born = 1936-03-02
addresses = ["17 Sorrel Street, Halden, HX3 8RL"]
phones = ["07700 900461"]
emails = ["peggy.oneill@example.net"]
nhs_number = "999 954 2557"
record_numbers = ["6001 2345"]

[[people]]
id = "mark"
name = "Mark Adeyemi-Clarke"
title = "Mr"
role = "complainant"
label = "Mr X"
aliases = [{ text = "Mr M Clarke", kind = "wrong_name" }]
addresses = ["Wren Cottage, Chapel Lane, Nether Callowby"]

[[people]]
id = "riley"
name = "Riley Stott"
role = "relative"
child = true
label = "C"
born = 2019-03-02

[[people]]
id = "bev"
name = "Bev Holloway"
title = "Ms"
role = "officer"
job_role = "the nurse"
phones = ["01632 960455"]
emails = ["bev.holloway@hollyhock.example"]

[[people]]
id = "fo"
name = "Sarah Hollins"
title = "Ms"
role = "officer"
job_role = "a senior finance officer"

[[people]]
id = "sw"
name = "Imran Qureshi"
title = "Mr"
role = "officer"
job_role = "the social worker"

[[bodies]]
id = "council"
name = "Halden Borough Council"
short_name = "the Council"
kind = "council"
reference = "25 004 102"

[complaint]
injustice = "x"
points = [{ body = "council", text = "x" }]

[outcome]
decision = "upheld"
"#;

fn ids() -> Identifiers {
    let loaded = load_str("rewrites.toml", CASE, &Coverage::all());
    assert!(!loaded.has_errors(), "{:#?}", loaded.diagnostics);
    anonymise::identifiers(&loaded.case.expect("loads"))
}

/// Checks every row, reporting all the failures at once.
pub(super) fn check(rows: &[(&str, &str)]) {
    let ids = ids();
    let failures: Vec<String> = rows
        .iter()
        .filter_map(|(text, want)| {
            let got = anonymise::anonymise_text(text, &ids).0;
            (got != *want).then(|| format!("  {text:?}\n    want {want:?}\n     got {got:?}"))
        })
        .collect();
    assert!(
        failures.is_empty(),
        "{} of {} rows failed:\n{}",
        failures.len(),
        rows.len(),
        failures.join("\n")
    );
}

#[test]
fn contact_details_go_with_the_word_before_them() {
    check(&[
        (
            "I spoke to her on 07700 900461 on 3 May 2024.",
            "I spoke to her on 3 May 2024.",
        ),
        (
            "I considered her emails from peggy.oneill@example.net and the invoices.",
            "I considered her emails and the invoices.",
        ),
        (
            "Staff kept in touch with her by text on 07700900461.",
            "Staff kept in touch with her by text.",
        ),
        (
            "He emailed bev.holloway@hollyhock.example asking why.",
            "He emailed the nurse asking why.",
        ),
        (
            "He called Bev Holloway on 01632 960 455 at 9.40pm.",
            "He called the nurse at 9.40pm.",
        ),
        (
            "A neighbour called an ambulance from his mobile, 07700 900461.",
            "A neighbour called an ambulance from his mobile.",
        ),
        (
            "Mrs O'Neill's daughter called from 07700 900461, her mother's landline, to report it.",
            "Mrs Y's daughter called from her mother's landline, to report it.",
        ),
    ]);
}

#[test]
fn addresses_become_home_the_area_or_go() {
    check(&[
        (
            "Mrs O'Neill lived alone at 17 Sorrel Street, HX3 8RL.",
            "Mrs Y lived alone at home.",
        ),
        (
            "The invoices were addressed to Mrs O'Neill at 17 Sorrel Street, Halden, HX3 8RL.",
            "The invoices were addressed to Mrs Y.",
        ),
        // A street after "on".
        (
            "Mrs O'Neill's house on Sorrel Street was flooded.",
            "Mrs Y's house was flooded.",
        ),
        (
            "She lived on Sorrel Street for years.",
            "She lived at home for years.",
        ),
        (
            "He lives with his mother at Wren Cottage, Chapel Lane, Nether Callowby, a village of about 140 people.",
            "He lives with his mother in a village of about 140 people.",
        ),
        (
            "She had worked as a baker in Nether Callowby for most of her life.",
            "She had worked as a baker in the area for most of her life.",
        ),
        (
            "He had to wash in the living room of Wren Cottage for months.",
            "He had to wash in the living room of his home for months.",
        ),
        (
            "She lives with her son, Mr Adeyemi-Clarke, at 17 Sorrel Street, Halden.",
            "She lives with her son, Mr X, at home.",
        ),
        (
            "She was discharged to 17 Sorrel Street, supported accommodation run by the Council.",
            "She was discharged to supported accommodation run by the Council.",
        ),
    ]);
}

#[test]
fn sentences_and_asides_of_an_identifier_alone_go() {
    check(&[
        (
            "She was admitted on 30 January 2023. Her NHS number is 999 954 2557. The ward was full.",
            "She was admitted on 30 January 2023. The ward was full.",
        ),
        (
            "The discharge plan, which gives her NHS number as 999-954-2557, says she needed care.",
            "The discharge plan says she needed care.",
        ),
        (
            "She rang. Mrs O'Neill's phone number was 07700 900461.",
            "She rang.",
        ),
    ]);
}

#[test]
fn a_value_named_before_it_goes_and_a_clause_with_its_own_verb_stays() {
    check(&[
        (
            "The hospital's letter, dated 3 March 2023, gives her NHS number as 999-954-2557.",
            "The hospital's letter, dated 3 March 2023, gives her NHS number.",
        ),
        (
            "The referral, sent on 3 March 2023, records her date of birth as 02/03/1936, and asks for a visit.",
            "The referral, sent on 3 March 2023, records her date of birth, and asks for a visit.",
        ),
        // A date's article goes with it.
        (
            "A later form gave her date of birth as the 2nd of March 1936.",
            "A later form gave her date of birth.",
        ),
        (
            "The form gave her birthday as the 2nd of March.",
            "The form gave her birthday.",
        ),
        // Right after its name, without "as", the value goes alone.
        (
            "Her NHS number 999 954 2557 was on the form.",
            "Her NHS number was on the form.",
        ),
        (
            "The referral (NHS No. 999 954 2557) was late.",
            "The referral was late.",
        ),
        // "no." before a number is no sentence's end; "was no." is.
        (
            "The answer was no. Her NHS number is 999 954 2557.",
            "The answer was no.",
        ),
    ]);
}

#[test]
fn quoted_headings_of_names_and_identifiers_are_described() {
    check(&[
        (
            "The falls log, headed \"O'NEILL, Margaret – 17 Sorrel Street\", records three falls.",
            "The falls log, headed with her name and address, records three falls.",
        ),
        (
            "The referral form is headed \"O'Neill, Margaret (DOB 02/03/1936), NHS No. 9999542557\".",
            "The referral form is headed with her name, date of birth and NHS number.",
        ),
    ]);
}

#[test]
fn sentences_whose_point_was_a_name_say_it_without_the_name() {
    check(&[
        (
            "Mrs O'Neil (as the Trust's letter wrongly called her) was left to piece it together.",
            "Mrs Y (the Trust's letter misspelt her name) was left to piece it together.",
        ),
        (
            "The invoices were addressed to \"Mr M Clarke\" at the flat.",
            "The invoices were addressed to him using the wrong name at the flat.",
        ),
        (
            "Mrs O'Neill, known to her family as Peggy, was 87.",
            "Mrs Y was 87.",
        ),
        (
            "Mrs O'Neill (Peggy to her family) lived alone.",
            "Mrs Y lived alone.",
        ),
        (
            "Mrs O'Neill (Peggy to her friends, \"Nana Maggie\" to her grandchildren) lived alone.",
            "Mrs Y lived alone.",
        ),
        (
            "Her mother, Margaret O'Neill (Peggy to her friends, Maggie to the family), lived alone.",
            "Her mother, Mrs Y, lived alone.",
        ),
        (
            "Margaret O'Neill (Nanny Peggy to her grandchildren) lived alone.",
            "Mrs Y lived alone.",
        ),
        (
            "Her mother, known to the family as Peggy, lived alone.",
            "Her mother lived alone.",
        ),
    ]);
}

#[test]
fn role_labels_are_introduced_once_and_said_once() {
    check(&[
        (
            "Sarah Hollins, a senior finance officer, applied the policy. Sarah Hollins wrote again.",
            "A senior finance officer applied the policy. The officer wrote again.",
        ),
        (
            "Imran Qureshi, a social worker in the hospital team, visited her.",
            "A social worker in the hospital team visited her.",
        ),
        (
            "She spoke to Imran Qureshi, a social worker in the hospital team.",
            "She spoke to a social worker in the hospital team.",
        ),
        // A quotation that opens a sentence opens with a capital.
        (
            "\"Imran was rude,\" said Mrs O'Neill.",
            "\"The social worker was rude,\" said Mrs Y.",
        ),
    ]);
}

#[test]
fn named_schools_and_care_homes_are_generalised() {
    check(&[
        (
            "Riley attends Larkspur Lane Primary School. Larkspur Lane Primary School's staff agreed.",
            "C attends a primary school. The primary school's staff agreed.",
        ),
        (
            "She moved into Bramble House Care Home in May.",
            "She moved into a care home in May.",
        ),
    ]);
}

#[test]
fn garbles_no_rule_can_mend_are_reported() {
    let ids = ids();
    let text =
        "From 2022 Riley's social worker was Imran Qureshi. Mrs O'Neill was \"Peggy\" to all.";
    let (_, hits) = anonymise::anonymise_text(text, &ids);
    let doubts: Vec<&str> = hits
        .iter()
        .filter_map(|h| h.doubt.as_ref().map(|d| d.kind()))
        .collect();
    assert_eq!(doubts, ["tautology", "name_point"], "{hits:#?}");
}

#[test]
fn notes_pasted_from_a_case_system_read_as_prose() {
    check(&[
        // Lines and lists of contact details, and what introduced them.
        ("Tel: 07700 900461\nShe rang twice.", "She rang twice."),
        (
            "Mrs O'Neill's details are:\n- Mob: 07700 900461\n- E: peggy.oneill@example.net\n\nShe rang.",
            "\n\nShe rang.",
        ),
        (
            "Her details are:\n- Mob: 07700 900461\n- She prefers letters",
            "Her details are:\n- She prefers letters",
        ),
        (
            "Mob: 07700 900461. Tel – 01632 960455. She rang.",
            "She rang.",
        ),
        (
            "Contact: tel:07700900461 or mailto:peggy.oneill@example.net out of hours.",
            "",
        ),
        (
            "Ms Holloway (Tel: 01632 960455) agreed.",
            "The nurse agreed.",
        ),
        // Asides between dashes and brackets around a whole number.
        ("Mrs O'Neill – 07700 900461 – rang.", "Mrs Y rang."),
        ("She rang (07700 900461) twice.", "She rang twice."),
        (
            "The call — from 07700 900461 — was brief.",
            "The call was brief.",
        ),
        // An address and its town and postcode, with or without commas.
        (
            "She lived at 17 Sorrel Street Halden HX3 8RL for years.",
            "She lived at home for years.",
        ),
        (
            "The letter went to Mrs O'Neill, 17 Sorrel Street, Halden HX3 8RL.",
            "The letter went to Mrs Y.",
        ),
        (
            "Mrs O'Neill, of 17 Sorrel Street, Halden, died in 2024.",
            "Mrs Y died in 2024.",
        ),
        (
            "She gave her address as 17 Sorrel Street, Halden.",
            "She gave her address.",
        ),
        // A flat's number before the listed address; an address with its
        // signs set apart by spaces.
        (
            "The GP wrote to Mrs O'Neill, Flat 2, 17 Sorrel Street, HX3 8RL.",
            "The GP wrote to Mrs Y.",
        ),
        (
            "She wrote from peggy . oneill @ example . net on Monday.",
            "She wrote on Monday.",
        ),
        // A letter quoted in the notes: its signature's role line and
        // contact lines; a copy list's address; a role in brackets.
        (
            "Yours sincerely,\nBev Holloway\nNurse\nTel: 01632 960455",
            "Yours sincerely,\nThe nurse",
        ),
        (
            "cc: Mrs O'Neill, 17 Sorrel Street\nNotes follow.",
            "cc: Mrs Y\nNotes follow.",
        ),
        (
            "Present: Mrs O'Neill (patient), Mr Qureshi (social worker).",
            "Present: Mrs Y (patient), the social worker.",
        ),
        // An address as a verb's object; an address set off by commas.
        (
            "The nurse visited 17 Sorrel Street twice.",
            "The nurse visited her home twice.",
        ),
        (
            "Mrs O'Neill lived at 17 Sorrel Street, Halden HX3 8RL, until March 2023.",
            "Mrs Y lived at home until March 2023.",
        ),
        (
            "She lived at 17 Sorrel Street, Halden, which was damp.",
            "She lived at home, which was damp.",
        ),
        // A street's abbreviation and its full stop; a number with "0044
        // (0)".
        (
            "She moved from 17 Sorrel St., HX3 8RL, to a flat.",
            "She moved from home to a flat.",
        ),
        (
            "She rang from 0044 (0) 7700 900461 twice.",
            "She rang twice.",
        ),
        // A register's "family name, initial".
        (
            "On duty: Holloway, B.; Qureshi, I.; and O'Neill, M.",
            "On duty: the nurse; the social worker; and Mrs Y.",
        ),
        // Emails listed and closed by a comma; a verb after the comma is
        // no description of the address.
        (
            "Her emails to peggy.oneill@example.net, and bev.holloway@hollyhock.example, were lost.",
            "Her emails were lost.",
        ),
    ]);
}

#[test]
fn mail_headers_labelled_lines_and_maiden_names_read_as_prose() {
    check(&[
        // An address in angle brackets after the name a mail header shows.
        (
            "The email came from Margaret O'Neill <peggy.oneill@example.net> on 3 May 2024.",
            "The email came from Mrs Y on 3 May 2024.",
        ),
        (
            "It was copied to \"Bev Holloway\" <bev.holloway@hollyhock.example>.",
            "It was copied to \"the nurse\".",
        ),
        // A labelled line of a date of birth, and an age beside one.
        ("DOB: 02/03/1936\nShe lives alone.", "She lives alone."),
        (
            "Mrs O'Neill (aged 88, DOB 02.03.1936) fell on 3 May 2024.",
            "Mrs Y (in her eighties) fell on 3 May 2024.",
        ),
        (
            "Mrs O'Neill (DOB 02.03.1936, aged 88) fell on 3 May 2024.",
            "Mrs Y (in her eighties) fell on 3 May 2024.",
        ),
        (
            "The referral says Mrs O'Neill (aged 88, DOB 02.03.1936) lives alone.",
            "The referral says Mrs Y (aged 88) lives alone.",
        ),
        // A label's line that goes on with a sentence of its own stays one
        // (only the value after its name goes, and the name, left bare,
        // takes her possessive), and so does a long
        // introduction of a list that went.
        (
            "Address: 17 Sorrel Street was damp for months and the Council did not repair it.",
            "Her address was damp for months and the Council did not repair it.",
        ),
        (
            "The notes record that she asked for help many times, and give her details:\n- Mob: 07700 900461\nShe rang.",
            "The notes record that she asked for help many times, and give her details:\nShe rang.",
        ),
        (
            "Contact: Mrs O'Neill rang on 07700 900461 to say she was unwell.",
            "Contact: Mrs Y rang to say she was unwell.",
        ),
        // A listed family name as someone's maiden name is no one's label.
        ("Her maiden name was Holloway. She rang.", "She rang."),
        ("Mrs O'Neill (née Holloway) rang.", "Mrs Y rang."),
        // The maiden name's aside goes; the sentence and its age stay.
        (
            "Mrs O'Neill, née Holloway, is 88. She fell on 3 May 2024.",
            "Mrs Y is 88. She fell on 3 May 2024.",
        ),
        // A paragraph's end is a sentence's: the date is another
        // sentence's, as above.
        (
            "She fell on 3 May 2024.\n\nMrs O'Neill, née Holloway, is 88.",
            "She fell on 3 May 2024.\n\nMrs Y is 88.",
        ),
        // A young child's age in an aside says nothing once the label
        // does; an address with a possessive.
        (
            "Riley, aged 4, was upset on 3 May 2023.",
            "C was upset on 3 May 2023.",
        ),
        (
            "Riley (aged 4) was upset on 3 May 2023.",
            "C was upset on 3 May 2023.",
        ),
        (
            "Mrs O'Neill rang. 17 Sorrel Street's roof leaked.",
            "Mrs Y rang. Her home's roof leaked.",
        ),
        // A relative with a listed family name, in apposition.
        (
            "Mr Adeyemi-Clarke's wife, Mrs Adeyemi-Clarke, rang.",
            "Mr X's wife rang.",
        ),
    ]);
}
