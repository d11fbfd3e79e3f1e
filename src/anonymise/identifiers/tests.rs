//! Table tests for listed identifiers: possessives, apostrophes, hyphenated
//! and partial surnames, nicknames, names that are words, diacritics, names
//! in emails, upper-case surnames, and numbers in every format.

use super::*;
use crate::case::{Coverage, load_str};

const CASE: &str = r#"
[case]
reference = "22 012 345"
jurisdiction = "lgsco"
decision_date = 2024-03-01
investigator = { name = "Aisha Thorne" }
summary = "x"

[[people]]
id = "jane"
name = "Jane Smith"
title = "Mrs"
role = "complainant"
label = "Mrs X"
born = 1948-03-12
addresses = ["14 Acacia Avenue, Hadley Green, NE6 5JX"]
phones = ["0191 498 0123", "07700 900123"]
emails = ["jane.smith1948@example.com"]
nhs_number = "485 777 3457"
ni_number = "AB 12 34 56 C"

[[people]]
id = "hope"
name = "Hope Smith"
title = "Miss"
role = "representative"
label = "Miss Y"
addresses = ["Flat 3, Rosemary Court, 27 Mill Lane, Leeds, LS6 2QT"]
phones = ["+44 7700 900456"]

[[people]]
id = "peggy"
name = "Margaret O'Neill"
title = "Mrs"
aliases = ["Peggy"]
role = "person_affected"
label = "Mrs Z"
died = 2023-06-03

[[people]]
id = "debs"
name = "Deborah Tranter-Wilde"
title = "Mrs"
aliases = ["Debs"]
role = "relative"
label = "Mrs B"

[[people]]
id = "sw"
name = "Lorraine Pemberton"
role = "officer"
job_role = "the social worker"

[[people]]
id = "gp"
name = "Sanjeev Anand"
title = "Dr"
role = "clinician"
job_role = "the GP"

[[people]]
id = "pg"
name = "Paula Grant-Evans"
title = "Ms"
role = "officer"
job_role = "the ASB officer"

[[people]]
id = "halina"
name = "Halina Wiśniewska"
title = "Mrs"
role = "relative"
label = "Mrs C"

[[bodies]]
id = "council"
name = "Northshire County Council"
short_name = "the Council"
kind = "council"
reference = "22 012 345"

[[bodies]]
id = "gp_practice"
name = "Dr S Anand & Partners"
short_name = "the Practice"
kind = "council"
reference = "22 012 345a"

[complaint]
injustice = "x"
points = [{ body = "council", text = "x" }]

[outcome]
decision = "upheld"
"#;

fn ids() -> Identifiers {
    let loaded = load_str("t.toml", CASE, &Coverage::all());
    assert!(!loaded.has_errors(), "{:#?}", loaded.diagnostics);
    super::super::identifiers(&loaded.case.unwrap())
}

fn redact(text: &str) -> String {
    super::super::anonymise_text(text, &ids()).0
}

/// Each hit replaced as found, before any clause is rewritten for
/// publication: what is recognised, in every format.
fn replaced(text: &str) -> String {
    let mut out = String::new();
    let mut at = 0;
    for hit in ids()
        .find(text)
        .into_iter()
        .filter(|h| h.source != Source::Flagged)
    {
        out.push_str(&text[at..hit.range.start]);
        out.push_str(&hit.replacement);
        at = hit.range.end;
    }
    out.push_str(&text[at..]);
    out
}

#[test]
fn names_in_every_form_become_one_label() {
    let cases = [
        ("Mrs Jane Smith complained.", "Mrs X complained."),
        ("Mrs Smith's representative", "Mrs X's representative"),
        ("J SMITH and SMITH J (Mrs)", "Mrs X and Mrs X"),
        ("Mrs J. Smith wrote", "Mrs X wrote"),
        ("Smith, Jane", "Mrs X"),
        ("Miss Smith and Mrs Smith", "Miss Y and Mrs X"),
        // Two names side by side are not one written family first.
        (
            "Hope Smith, Jane's daughter and representative, wrote",
            "Miss Y, Mrs X's daughter and representative, wrote",
        ),
        ("Smith, Jane wrote", "Mrs X wrote"),
        ("meant that Hope had to", "meant that Miss Y had to"),
        ("Mrs O'Neill's daughter", "Mrs Z's daughter"),
        ("Mrs O\u{2019}Neill", "Mrs Z"),
        ("PEGGY said", "Mrs Z said"),
        ("Mrs Tranter-Wilde and Mrs Wilde", "Mrs B and Mrs B"),
        ("Tranter Wilde", "Mrs B"),
        ("Mrs Tranter - Wilde rang", "Mrs B rang"),
        ("Mrs Tranter \u{2013} Wilde rang", "Mrs B rang"),
        // The parts in another order, or broken over a line: one name.
        ("Tranter-Wilde Deborah wrote", "Mrs B wrote"),
        ("Mrs Deborah Tranter-\nWilde's son", "Mrs B's son"),
        ("Deborah\nTranter-Wilde wrote", "Mrs B wrote"),
        // Two people side by side stay two.
        ("Jane Deborah", "Mrs X Mrs B"),
        ("Debs wrote", "Mrs B wrote"),
        (
            "Lorraine Pemberton said. Ms Pemberton's note",
            "The social worker said. The social worker's note",
        ),
        (
            "Dr Sanjeev Anand of Dr S Anand & Partners",
            "The GP of Dr S Anand & Partners",
        ),
        ("Mrs Wisniewska and Mrs Wiśniewska", "Mrs C and Mrs C"),
    ];
    for (text, want) in cases {
        assert_eq!(redact(text), want, "{text}");
    }
}

#[test]
fn words_that_are_names_are_left_where_they_are_words() {
    let cases = [
        "we hope that the Council will",
        "she lost hope",
        "the Disabled Facilities grant",
        "a grant of £500",
    ];
    for text in cases {
        assert_eq!(redact(text), text);
    }
    // A hyphen part that is a word needs a title.
    assert_eq!(redact("Ms Grant said"), "The ASB officer said");
}

#[test]
fn initials_joined_to_a_word_are_a_code() {
    // A language tag in every PDF's metadata, and codes in prose.
    for text in ["lang en-JS here", "a JS-wide review", "ref AB/JS/12"] {
        assert_eq!(redact(text), text);
    }
    assert_ne!(redact("JS wrote to us."), "JS wrote to us.");
}

#[test]
fn titles_decide_and_initials_between_title_and_name_go_too() {
    let cases = [
        // A list, not "Surname, Given".
        (
            "sent to Mrs Tranter-Wilde, Peggy and the GP",
            "sent to Mrs B, Mrs Z and the GP",
        ),
        ("Mrs J Smith and Miss H. Smith", "Mrs X and Miss Y"),
        ("Mrs L Pemberton", "The social worker"),
        // A title before initials goes with them: the label has its own.
        ("Mrs J.S. rang; Miss H.S. wrote", "Mrs X rang; Miss Y wrote"),
        (
            "According to Mrs J. S., it was late",
            "According to Mrs X, it was late",
        ),
        (
            "Councillor Pemberton and Cllr Pemberton",
            "The social worker and the social worker",
        ),
    ];
    for (text, want) in cases {
        assert_eq!(redact(text), want, "{text}");
    }
    // A title that fits nobody who bears the name: not guessed.
    assert_eq!(redact("Mr Tranter-Wilde"), "[name]");
}

#[test]
fn leaks_catch_a_real_initial_left_behind() {
    let ids = ids();
    // M is Margaret O'Neill's initial.
    assert!(!ids.leaks("a letter to Mrs M about it").is_empty());
    assert!(!ids.leaks("a letter to Mrs J. [name]").is_empty());
    // A label with a real initial after it: a name partly replaced.
    assert!(!ids.leaks("a letter to Mrs Z M. about it").is_empty());
    assert!(!ids.leaks("Mrs X S said so").is_empty());
    // A word after a label is no initial.
    assert!(ids.leaks("as Mrs X I think said").is_empty());
    assert!(ids.leaks("Mrs X. M is not a letter here").is_empty());
    assert!(
        ids.leaks("Mrs X and Miss Y and Dr S Anand & Partners")
            .is_empty()
    );
}

#[test]
fn bare_shared_surnames_are_not_guessed() {
    let ids = ids();
    let hits = ids.hits("the Smith household");
    assert_eq!(hits.len(), 1);
    assert_eq!(hits[0].category, Category::AmbiguousName);
    assert_eq!(redact("the Smith household"), "the [name] household");
    assert_eq!(
        redact("the Smith family's complaint"),
        "the family's complaint"
    );
    // A family plural after a character of more than one byte (found by
    // the fuzz test): no slice through it.
    assert_eq!(redact("1\u{2014}a Smiths"), "1\u{2014}a the family");
}

#[test]
fn dates_of_birth_and_postcodes_in_rarer_forms() {
    for (text, want) in [
        ("born in Mar. '48", "born in [date of birth]"),
        ("born in '48", "born in [date of birth]"),
        (
            "born in March nineteen forty-eight",
            "born in [date of birth]",
        ),
        ("born in nineteen forty-eight", "born in [date of birth]"),
        ("born on 12MAR1948", "born on [date of birth]"),
        ("born on 12.III.1948", "born on [date of birth]"),
        ("born on 19480312", "born on [date of birth]"),
        ("born on the twelfth of March", "born on [date of birth]"),
        ("postcode NE6-5JX", "postcode [postcode]"),
        // Another year, month or number stays.
        ("born in '49", "born in '49"),
        (
            "born in April nineteen forty-eight",
            "born in April nineteen forty-eight",
        ),
        (
            "born on the thirteenth of March",
            "born on the thirteenth of March",
        ),
        ("order 19480313", "order 19480313"),
    ] {
        assert_eq!(replaced(text), want, "{text}");
    }
}

#[test]
fn dates_of_birth_in_figures_of_every_form() {
    for (text, want) in [
        ("born 12 03 1948", "born [date of birth]"),
        ("born 12 03 48", "born [date of birth]"),
        ("born 1948.03.12", "born [date of birth]"),
        ("born 48-03-12", "born [date of birth]"),
        ("born 12th/3/48", "born [date of birth]"),
        ("born 12/3/'48", "born [date of birth]"),
        ("DOB 03/48", "DOB [date of birth]"),
        ("DOB 48/03", "DOB [date of birth]"),
        ("DOB 1948-03", "DOB [date of birth]"),
        ("DOB Mar-48", "DOB [date of birth]"),
        ("born in III 1948", "born in [date of birth]"),
        ("born in iii.1948", "born in [date of birth]"),
        ("born in 48.", "born in [date of birth]."),
        // Another date, month or number stays; a year alone in figures
        // goes where it is the year of birth.
        ("seen 13 03 1948", "seen 13 03 1948"),
        ("DOB 04/48", "DOB 04/48"),
        ("born in 48 days", "born in 48 days"),
        ("seen on 12/03/1949", "seen on 12/03/1949"),
        ("born in IV 1948", "born in IV [date of birth]"),
        ("DOB 1948-04", "DOB [date of birth]-04"),
        ("ref 12 03 48 77", "ref 12 03 48 77"),
    ] {
        assert_eq!(replaced(text), want, "{text}");
    }
}

#[test]
fn values_in_any_format() {
    let cases = [
        ("born 12/03/1948", "born [date of birth]"),
        ("born March 12, 1948", "born [date of birth]"),
        ("born 12th March 1948.", "born [date of birth]."),
        (
            "call 0191 498 0123 or 0044 191 498 0123",
            "call [phone number] or [phone number]",
        ),
        ("mobile 07700900123", "mobile [phone number]"),
        // An extension goes with its number.
        (
            "call 0191 498 0123 ext 204 today",
            "call [phone number] today",
        ),
        ("call 0191 498 0123 (ext. 12).", "call [phone number]."),
        ("call 0191 498 0123 x12 or", "call [phone number] or"),
        ("on +44 7700 900456", "on [phone number]"),
        (
            "NHS 4857773457 and 485-777-3457",
            "NHS [NHS number] and [NHS number]",
        ),
        ("NI AB123456C", "NI [National Insurance number]"),
        (
            "postcode ne6 5jx and LS62QT",
            "postcode [postcode] and [postcode]",
        ),
        // Broken over a line of the case file.
        (
            "postcode NE6\n5JX, NHS 485 777\n3457, mobile 07700\n900123",
            "postcode [postcode], NHS [NHS number], mobile [phone number]",
        ),
        ("from <jane.smith1948@example.com>", "from [email address]"),
        ("at 14 Acacia Avenue, Hadley Green", "at [address]"),
        // A house number written apart from its street goes with it; a
        // year does not.
        ("at 14, Acacia Avenue", "at [address]"),
        (
            "In 2024, Acacia Avenue flooded",
            "In 2024, [address] flooded",
        ),
        ("in Leeds", "in Leeds"),
        ("at Flat 3, Rosemary Court, 27 Mill Lane", "at [address]"),
        ("email JANE.SMITH1948@example.com", "email [email address]"),
        ("email peggy.oneill58@example.com", "email [email address]"),
        ("She died on 3 June 2023.", "She died in June 2023."),
        (
            "She died on the third of June 2023.",
            "She died in June 2023.",
        ),
        (
            "On the 3rd of June 2023 she died.",
            "In June 2023 she died.",
        ),
        ("She died on 03 06 2023.", "She died in June 2023."),
    ];
    for (text, want) in cases {
        assert_eq!(replaced(text), want, "{text}");
    }
}

#[test]
fn protected_text_is_untouched() {
    let text = "Ref 22 012 345: section 117 of the Mental Health Act 1983, £2,340.50, on 14 June 2023, Mrs X.";
    assert_eq!(redact(text), text);
}

#[test]
fn leaks_find_stray_tokens_but_not_labels_or_bodies() {
    let ids = ids();
    assert!(
        ids.leaks("Mrs X and Miss Y met the GP at Dr S Anand & Partners.")
            .is_empty()
    );
    let leaks = ids.leaks("a note by Pemberton");
    assert_eq!(leaks.len(), 1);
    assert_eq!(leaks[0].category, Category::Name);
    assert!(!ids.leaks("the number 0191 498 0123").is_empty());
}

#[test]
fn widened_hits_never_reach_into_each_other() {
    // The extension and the house number both claim "12".
    let text = "call 0191 498 0123 ext 12, Acacia Avenue";
    let hits = ids().find(text);
    assert!(
        hits.windows(2).all(|w| w[0].range.end <= w[1].range.start),
        "{hits:?}"
    );
    let _ = redact(text);
}

#[test]
fn a_web_address_with_a_name_in_its_path_is_one_web_address() {
    // Found by trying hostile input: the page's "at" made an email of
    // "page at example.com", which the web address then overlapped.
    assert_eq!(
        redact("The page at example.com/jane-smith showed the letters."),
        "The page showed the letters."
    );
    assert_eq!(
        redact("See www.example.com/jane-smith."),
        "See [web address]."
    );
}

#[test]
fn two_titles_before_one_family_name_are_two_people_when_both_are_listed() {
    let cases = [
        ("Mrs and Miss Smith attended.", "Mrs X and Miss Y attended."),
        ("Miss & Mrs Smith attended.", "Miss Y and Mrs X attended."),
        (
            "Hope rang.\n\nMrs and Miss Smith attended.",
            "Miss Y rang.\n\nMrs X and Miss Y attended.",
        ),
        // Nobody listed is Mr Smith: the couple's form stays.
        ("Mr and Mrs Smith attended.", "Mr and Mrs X attended."),
    ];
    for (text, want) in cases {
        assert_eq!(redact(text), want, "{text}");
    }
}

#[test]
fn an_undotted_initial_before_the_family_name_is_part_of_the_name() {
    let cases = [
        ("D Tranter-Wilde wrote.", "Mrs B wrote."),
        ("Letter to D Tranter-Wilde.", "Letter to Mrs B."),
        // A letter that is no initial of hers, or a word, stays.
        ("Plan B Tranter-Wilde.", "Plan B Mrs B."),
        ("I Tranter-Wilde", "I Mrs B"),
    ];
    for (text, want) in cases {
        assert_eq!(redact(text), want, "{text}");
    }
}

#[test]
fn the_initials_of_a_hyphenated_family_name_go_with_the_given_name() {
    let cases = [
        ("Deborah T-W rang.", "Mrs B rang."),
        ("Deborah TW rang.", "Mrs B rang."),
        ("Deborah T.W. rang.", "Mrs B rang."),
        ("Deborah T. W. rang.", "Mrs B rang."),
        ("Deborah T.-W. rang.", "Mrs B rang."),
        // Her initials, the family name's joined as it is.
        ("Mrs D.T-W. rang.", "Mrs B rang."),
        ("D. T.-W. rang.", "Mrs B rang."),
        // Letters that are not her initials, or a word after a full stop
        // that ends the sentence, stay.
        ("Deborah TV rang.", "Mrs B TV rang."),
        (
            "Deborah T. A meeting followed.",
            "Mrs B. A meeting followed.",
        ),
    ];
    for (text, want) in cases {
        assert_eq!(redact(text), want, "{text}");
    }
}

#[test]
fn a_surname_two_people_share_is_the_familys_after_the() {
    let case = format!(
        r#"{CASE}
[[people]]
id = "bill"
name = "William Hughes"
title = "Mr"
role = "person_affected"
label = "Mr C"

[[people]]
id = "pauline"
name = "Pauline Hughes"
title = "Mrs"
role = "relative"
label = "Mrs D"
"#
    );
    let loaded = load_str("t.toml", &case, &Coverage::all());
    assert!(!loaded.has_errors(), "{:#?}", loaded.diagnostics);
    let ids = super::super::identifiers(&loaded.case.expect("loads"));
    let redact = |text: &str| super::super::anonymise_text(text, &ids).0;
    assert_eq!(
        redact("The Hughes' bungalow needed a ramp."),
        "The family's bungalow needed a ramp."
    );
    // Without "the" it is still one of two people: a blank, never a guess.
    assert_eq!(redact("Hughes' stick broke."), "[name]' stick broke.");
}

/// The case in a case file of the repository (`path` from its root), if it
/// loads.
fn case_file(path: impl AsRef<std::path::Path>) -> Option<crate::case::Case> {
    let path = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join(path);
    let text = std::fs::read_to_string(&path).unwrap();
    load_str(&path.to_string_lossy(), &text, &Coverage::all()).case
}

/// The rarer patterns' pass only skips work: every case the repository
/// holds, and texts made to sit on each pattern's edge, scan the same with
/// it as with every pattern run.
#[test]
fn the_rarer_patterns_pass_changes_no_scan() {
    let root = std::path::Path::new(env!("CARGO_MANIFEST_DIR"));
    let mut cases = Vec::new();
    for dir in [
        "samples",
        "tests/fixtures",
        "tests/fixtures/hazards",
        "tests/fixtures/newcomers",
    ] {
        let mut paths: Vec<_> = std::fs::read_dir(root.join(dir))
            .unwrap()
            .map(|e| e.unwrap().path())
            .filter(|p| p.extension().is_some_and(|e| e == "toml"))
            .collect();
        paths.sort();
        cases.extend(paths.iter().filter_map(case_file));
    }
    assert!(cases.len() > 30, "{} cases", cases.len());
    let edges = [
        "Her son, Bob Marsh, rang on 3 May 2024 about section 12(3).",
        "NHS 485 777 3457 and NI AB 12 34 56 C at NE6 5JX; she owed £1,200.",
        "Reference 22 012 345, paid £40.50 under the Care Act 2014 s 117.",
        "Her grandson named the street; flat 3 was 2 doors down.",
        "Fullwidth ４８５ ７７７ ３４５７ and ＡＢ１２３４５６Ｃ, ｎｅ６ ５ｊｘ.",
        "A neighbour called Dawn Rose, 12 Mill Lane, LS6 2QT, SI 2014/2936.",
        "No digits here, and her partner Chloë Harrowgate wrote.",
        "Call 0191 498 0123, (0113) 496 0412 or +44 (0) 7700 900456 at Flat 2, Mill House, 9 Mill Lane.",
        "Phone 07700 9004 and 14 acacia avenue; ０１９１ ４９８ ０１２３ at 14 Acacia Avenue.",
    ];
    let fixed = ids();
    for text in edges {
        assert_eq!(
            fixed.scan(text),
            fixed.scan_where(text, Rare::UNREAD),
            "{text}"
        );
    }
    for case in &cases {
        let ids = super::super::identifiers(case);
        for (at, text) in case.prose() {
            assert_eq!(
                ids.scan(&text),
                ids.scan_where(&text, Rare::UNREAD),
                "{}: {at}",
                case.case.reference
            );
        }
    }
}

/// A listed Dennis (the newcomer case n03 lists one) is "Den" or "Denny"
/// too (`data/pet-names.txt`).
#[test]
fn pet_forms_of_dennis_are_his() {
    let case = case_file("tests/fixtures/newcomers/n03-missed-lunch-calls.toml").unwrap();
    let ids = super::super::identifiers(&case);
    let text = "Den rang the Council. Denny rang again. They moved to a den.";
    let hits: Vec<&str> = ids
        .find(text)
        .iter()
        .map(|h| &text[h.range.clone()])
        .collect();
    assert_eq!(hits, ["Den", "Denny"]);
}
