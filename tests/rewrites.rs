//! The publication copy as an office would write it, over the samples and a
//! corpus written as new users would write cases (tests/fixtures/newcomers):
//! `render` and `publish` print no placeholder anywhere public; each
//! construction the rewrite rules know reads as the office would write it
//! (original → published); the log says what was rewritten without the
//! values; and names that are words, drawn at random from the word list,
//! stay words where the text uses the word and become the label where it
//! names the person, for the anonymiser and the verifier alike.

use std::path::{Path, PathBuf};
use std::sync::LazyLock;

use redress::anonymise;
use redress::case::Case;
use redress::publish::HtmlTemplates;
use redress::verify::Needles;
use regex::Regex;

use crate::publish::{as_of, listing, publish_into};
use crate::util::{engine, load, pdftotext, rendered, root, samples, tempdir};

/// What the anonymiser prints where no rule rewrites a clause.
static PLACEHOLDER: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(concat!(
        r"\[(?:name|address|postcode|phone number|email address|NHS number|",
        r"National Insurance number|date of birth|date of death|generalised|",
        r"vehicle registration|bank details|username|web address|record number)\]"
    ))
    .unwrap()
});

/// The corpus of cases written as new users would.
fn corpus() -> Vec<PathBuf> {
    let mut out: Vec<PathBuf> = std::fs::read_dir(root().join("tests/fixtures/newcomers"))
        .unwrap()
        .map(|e| e.unwrap().path())
        .filter(|p| p.extension().is_some_and(|e| e == "toml"))
        .collect();
    out.sort();
    assert!(out.len() >= 2, "the corpus is there");
    out
}

/// The corpus rendered once: (case, folder of its files).
fn corpus_rendered() -> &'static [(Case, PathBuf)] {
    static RENDERED: LazyLock<(tempfile::TempDir, Vec<(Case, PathBuf)>)> =
        LazyLock::new(|| crate::util::render_all(&corpus()));
    &RENDERED.1
}

/// The publication PDFs of a rendered case folder.
fn publication_pdfs(dir: &Path) -> Vec<PathBuf> {
    let mut out: Vec<PathBuf> = std::fs::read_dir(dir)
        .unwrap()
        .map(|e| e.unwrap().path())
        .filter(|p| p.to_string_lossy().ends_with(".redacted.pdf"))
        .collect();
    out.sort();
    out
}

#[test]
fn the_corpus_checks_without_a_warning() {
    for path in corpus() {
        let loaded = engine().load(&path).unwrap();
        assert!(
            loaded.diagnostics.is_empty(),
            "{}: {:#?}",
            path.display(),
            loaded.diagnostics
        );
    }
}

#[test]
fn render_prints_no_placeholder_in_any_publication_copy() {
    let all = rendered().iter().chain(corpus_rendered());
    let mut found = Vec::new();
    for (case, dir) in all {
        for pdf in publication_pdfs(dir) {
            let text = pdftotext(&pdf);
            for m in PLACEHOLDER.find_iter(&text) {
                found.push(format!(
                    "{} {}: {}",
                    case.case.reference,
                    pdf.file_name().unwrap().to_string_lossy(),
                    m.as_str()
                ));
            }
        }
    }
    assert!(
        found.is_empty(),
        "placeholders printed:\n{}",
        found.join("\n")
    );
}

#[test]
fn publish_prints_no_placeholder_on_any_page_record_or_feed() {
    let dir = tempdir();
    let site = dir.path().join("site");
    let html = HtmlTemplates::bundled().unwrap();
    let paths: Vec<PathBuf> = samples().into_iter().chain(corpus()).collect();
    let (report, outcomes) = publish_into(&paths, &site, &html, as_of());
    assert_eq!(report.failed, 0, "{outcomes:#?}");
    let mut found = Vec::new();
    let mut texts = 0;
    for (file, bytes) in listing(&site) {
        // PDFs are checked by the verifier; scripts are code, not prose
        // (`form.elements[name]`).
        if file.ends_with(".pdf") || file.ends_with(".js") {
            continue;
        }
        let Ok(text) = String::from_utf8(bytes) else {
            continue;
        };
        texts += 1;
        for m in PLACEHOLDER.find_iter(&text) {
            found.push(format!("{file}: {}", m.as_str()));
        }
    }
    assert!(texts > 10, "the site has its pages");
    assert!(
        found.is_empty(),
        "placeholders published:\n{}",
        found.join("\n")
    );
}

/// Each construction in the corpus as the case file writes it and as its
/// publication copy prints it: (corpus file, field, original, published).
const CONSTRUCTIONS: &[(&str, &str, &str, &str)] = &[
    // Contact details after a preposition.
    (
        "n01",
        "investigation.considered",
        "including her emails from grainne.os@example.net. I spoke to her on 07700 900514 on 12 November 2024.",
        "including her emails. I spoke to her on 12 November 2024.",
    ),
    (
        "n01",
        "investigation.what_happened",
        "Ms O'Sullivan rang the Council from her father's landline, 01632 960 733, the next day.",
        "Ms X rang the Council from her father's landline the next day.",
    ),
    // A date of birth as an age band; an address as home; a sentence of an
    // NHS number alone.
    (
        "n01",
        "investigation.what_happened",
        "Mr Mac Cárthaigh, who was born in July 1931, lived alone at 4 Wagtail Court, Brindle Heath, HD6 2LS. His NHS number is 999 381 2242. He has arthritis",
        "Mr Y, who was in his nineties, lived alone at home. He has arthritis",
    ),
    // A child's date of birth in an aside, and a school nobody listed.
    (
        "n01",
        "investigation.what_happened",
        "His grandson, Rory Mac Cárthaigh, date of birth 11/02/2014, attends Larkspur Lane Primary School and",
        "His grandson, Z, attends a primary school and",
    ),
    // A quoted heading of a name and an address.
    (
        "n01",
        "investigation.what_happened",
        "The care plan, headed \"MAC CÁRTHAIGH, Seán – 4 Wagtail Court\", lists the visits.",
        "The care plan, headed with his name and address, lists the visits.",
    ),
    // Names that are words, as words: a season before a year, a noun
    // before a noun and its verb, a title after a determiner.
    (
        "n01",
        "investigation.what_happened",
        "By Autumn 2023 the care agency was missing visits most weeks. Autumn leaves blocked the path",
        "By Autumn 2023 the care agency was missing visits most weeks. Autumn leaves blocked the path",
    ),
    (
        "n01",
        "investigation.what_happened",
        "The Dean of the local college, who lives next door,",
        "The Dean of the local college, who lives next door,",
    ),
    // A role label introduced once, then short; a misspelling said without
    // the name.
    (
        "n01",
        "investigation.what_happened",
        "Penny Dean, a senior finance officer, set up the charges. Penny Dean wrote to Mr McCarthey (as the Council's invoice wrongly called him) on 3 January 2024",
        "A senior finance officer set up the charges. The officer wrote to Mr Y (the Council's invoice misspelt his name) on 3 January 2024",
    ),
    // A Welsh particle without `family_name`; a nickname; a care home.
    (
        "n01",
        "investigation.what_happened",
        "Dr ap Huw wrote on 20 January 2024 that the missed visits had left Mr Mac Cárthaigh without meals. Sonny moved into Bramble House Care Home for two weeks",
        "The GP wrote on 20 January 2024 that the missed visits had left Mr Y without meals. Mr Y moved into a care home for two weeks",
    ),
    // An anglicised spelling of an Irish name; a nickname's aside.
    (
        "n01",
        "complaint.injustice",
        "Ms O'Sullivan says her father, known to the family as Sonny, worried",
        "Ms X says her father worried",
    ),
    (
        "n01",
        "complaint.outcome_sought",
        "Grainne O'Sullivan wants",
        "Ms X wants",
    ),
    // A relative clause after a child's name that is a word; an address.
    (
        "n02",
        "investigation.what_happened",
        "Summer, who was born on 3 May 2013, has autism and an education, health and care plan. She lives with her mother at 9 Saltmarsh Row, Marlowe Vale, GL20 4RE, and attends Saltmarsh Primary Academy. Mrs Tranter-Wilde's National Insurance number is JT 48 21 93 C.",
        "Y has autism and an education, health and care plan. She lives with her mother at home, and attends a primary school.",
    ),
    // A heading; a role label restated by its apposition; a quoted
    // misspelling of a double-barrelled name; words that are names.
    (
        "n02",
        "investigation.what_happened",
        "Summer's plan, headed \"Summer Tranter-Wilde – DOB 03/05/2013\", says she cannot travel on public transport alone. Holly Bishop, an SEN transport officer, withdrew Summer's transport on 4 September 2023. Holly Bishop wrote to \"Mrs D Tranter-Wylde\" that the route was \"no longer eligible\". Holly bushes lined the lane to the school, and the Bishop of Marlowe had opened its new building that summer.",
        "Y's plan, headed with her name and date of birth, says she cannot travel on public transport alone. An SEN transport officer withdrew Y's transport on 4 September 2023. The officer wrote to her, misspelling her name, that the route was \"no longer eligible\". Holly bushes lined the lane to the school, and the Bishop of Marlowe had opened its new building that summer.",
    ),
    // A surname that is one person's whole family name is theirs, not part
    // of another's double-barrelled one.
    (
        "n02",
        "investigation.what_happened",
        "By Summer 2024 Mrs Tranter had driven her granddaughter to school 180 times. Mrs Tranter rang the Council from 01632 960 405 to ask for a review. Dr ab Owain wrote",
        "By Summer 2024 Mrs Z had driven her granddaughter to school 180 times. Mrs Z rang the Council to ask for a review. The paediatrician wrote",
    ),
    // A name written family name first, in the text in other orders; an
    // email address in angle brackets; a surname broken over a line.
    (
        "n05",
        "investigation.what_happened",
        "Ms Mai Nguyen said that he had not been collected from school twice. Her email of 4 March, sent from <mai.nguyen90@example.org>, was copied to Mrs Thi Mai Nguyen's solicitor.",
        "Ms X said that he had not been collected from school twice. Her email of 4 March was copied to Ms X's solicitor.",
    ),
    (
        "n05",
        "investigation.what_happened",
        "wrote that Oluwaseun Adeyemi-\nOkafor was upset.",
        "wrote that Y was upset.",
    ),
    // A phone number joined by "and" to a clause that stays; a postcode
    // and an NHS number broken over a line.
    (
        "n05",
        "investigation.what_happened",
        "Ms Nguyen rang the Council from 07700900318 and from the landline at 14 Larkspur\nTerrace. Her postcode, BX3\n7LN, was on the form. The school's letter gave her son's NHS number as 943 476\n5919. Ms Nguyễn Thị Mai's Facebook page",
        "Ms X rang the Council from the landline. Her postcode was on the form. The school's letter gave her son's NHS number. Ms X's Facebook page",
    ),
    // A name written family name first with `family_name`, with initials
    // before it, in capitals in a heading and as a family; a house number
    // set apart from its street.
    (
        "n06",
        "investigation.what_happened",
        "Mrs. Nguyen's flat at 14, Larkspur Terrace is next to No 16. The Nguyens' flat is damp.",
        "Ms X's flat is next to No 16. The family's flat is damp.",
    ),
    (
        "n06",
        "investigation.what_happened",
        "Her letter was headed \"RE: MRS MAI NGUYEN, 14 LARKSPUR TERRACE\".",
        "Her letter was headed with her name and address.",
    ),
    (
        "n06",
        "investigation.what_happened",
        "M. Nguyen said that Dr. ap Rhys had visited. T.M. Nguyen also wrote to the school. Mr ap Rhys' dog barked.",
        "Ms X said that Mr Z had visited. Ms X also wrote to the school. Mr Z's dog barked.",
    ),
    // A hyphenated given name written with a space, a generational suffix,
    // a phone number with its extension, a family's plural possessive.
    (
        "n07",
        "investigation.what_happened",
        "Mrs Price-Jenkins (Mary Jane to her friends) lives alone.",
        "Mrs Y lives alone.",
    ),
    (
        "n07",
        "investigation.what_happened",
        "The care agency's rota listed her as Mary-Jane P-J.",
        "The care agency's rota listed her as Mrs Y.",
    ),
    (
        "n07",
        "investigation.what_happened",
        "The O'Driscolls' house is two miles away.\n\nMs O'Driscoll rang the Council on 01632 960 451 ext 204. Mrs Price-Jenkins Snr is 86.",
        "The family's house is two miles away.\n\nMs X rang the Council. Mrs Y is 86.",
    ),
    // Notes pasted from a case system: lines and a list of contact
    // details, and the sentence introducing the list.
    (
        "n08",
        "investigation.considered",
        "its case notes. The case notes list her contact details as follows.\n\n- Tel: 01632 960 281\n- Mob: 07700 900 624\n- Email: b.halloran@example.net\n\nMrs Halloran preferred",
        "its case notes.\n\n\nMrs X preferred",
    ),
    (
        "n08",
        "investigation.what_happened",
        "reads: Okoro, P.; Lumley, G.; and Halloran, B.\n\nMr Kinsella, of 31 Quarry Bank, Halden, was admitted",
        "reads: the social worker; the team manager; and Mrs X.\n\nMr Y was admitted",
    ),
    // An address without its commas, its town and postcode after it, after
    // a name.
    (
        "n08",
        "investigation.what_happened",
        "The discharge letter was addressed to Mr D Kinsella, 31 Quarry Bank, Halden HD4 2NF. The",
        "The discharge letter was addressed to Mr Y. The",
    ),
    (
        "n08",
        "investigation.what_happened",
        "Mrs Halloran lives at 9 Wickham Croft, Halden HD4 7QW with her husband.",
        "Mrs X lives at home with her husband.",
    ),
    // A number in brackets, a line of links, dashes around a number, a
    // list of emails closed by a comma.
    (
        "n08",
        "investigation.what_happened",
        "a call from Mrs Halloran (07700 900 624) on 4 December 2024. Contact: tel:+447700900624 or mailto:bernie.h@example.org for urgent matters. She said her father was alone at 31 Quarry Bank Halden. Mrs Halloran — 01632 960 281 — rang again",
        "a call from Mrs X on 4 December 2024. She said her father was alone. Mrs X rang again",
    ),
    (
        "n08",
        "investigation.what_happened",
        "Her emails to b.halloran@example.net, and bernie.h@example.org, were not answered",
        "Her emails were not answered",
    ),
    // A mail header's name and address, an age beside a date of birth, a
    // line of one, a listed family name as a maiden name.
    (
        "n08",
        "investigation.what_happened",
        "The referral reads: Mr Kinsella (aged 86, DOB 17.05.1938) lives alone. Mrs Halloran (née Kinsella) is his only daughter. Her first email came from Bernadette Halloran <bernie.h@example.org> on 3 December 2024.\nDOB: 17/05/1938\n\nMr Kinsella",
        "The referral reads: Mr Y (aged 86) lives alone. Mrs X is his only daughter. Her first email came from Mrs X on 3 December 2024.\n\nMr Y",
    ),
    // Record numbers in other spellings than the list's: a sentence of one, one in brackets
    // and in an aside with its name, one right after its name, a line of
    // one, one in a quoted heading, one named before "as".
    (
        "n09",
        "investigation.what_happened",
        "on 10 September 2024. His hospital number is RX1 234567. The discharge letter (MRN rx1-234-567) went to",
        "on 10 September 2024. The discharge letter went to",
    ),
    (
        "n09",
        "investigation.what_happened",
        "his care account. A copy of his wristband, which read \"PRYCE, Leonard – MRN RX1234567\", was attached.",
        "his care account. A copy of his wristband, which gave his name and record number, was attached.",
    ),
    (
        "n09",
        "investigation.what_happened",
        "linked the account to Mrs Ashdown's council tax account number, 60012345, by mistake. Mrs Ashdown quoted her housing benefit reference HB/448120 when she rang the Council on 2 October 2024.\nRef: 6001-2345\n\nThe first bill",
        "linked the account to Mrs X's council tax account number by mistake. Mrs X quoted her housing benefit reference when she rang the Council on 2 October 2024.\n\nThe first bill",
    ),
    (
        "n09",
        "investigation.what_happened",
        "The first bill, headed \"ASHDOWN, Marguerite – Account 6001 2345\", reached Mrs Ashdown on 14 October 2024. Mr Pryce's blue badge number, BB 7730 1184, was printed on the same page. The hospital's letter gave Mr Pryce's patient ID as 00442211.",
        "The first bill, headed with her name and record number, reached Mrs X on 14 October 2024. Mr Y's blue badge number was printed on the same page. The hospital's letter gave Mr Y's patient ID.",
    ),
    (
        "n09",
        "investigation.what_happened",
        "quoting her tenancy ref T/0012/45 and her council tax reference 6001 2345. The Council",
        "quoting her tenancy ref and her council tax reference. The Council",
    ),
    // A date of birth and an age in words.
    (
        "n09",
        "investigation.what_happened",
        "Mr Pryce, who was born on the twenty-first of November 1937, lives alone. He was eighty-six on 2 October 2024 when the first letter about the charges reached him. His date of birth is the 21st of November in 1937. The charging team's notes gave his year of birth as November of 1937.",
        "Mr Y, who was in his eighties, lives alone. He was in his eighties on 2 October 2024 when the first letter about the charges reached him. The charging team's notes gave his year of birth.",
    ),
    // An abbreviation's full stop before a number that starts with its
    // letters ends no sentence.
    (
        "n09",
        "investigation.what_happened",
        "The ward's notes (hospital no. K778-2231) say he was confused on admission.",
        "The ward's notes say he was confused on admission.",
    ),
    // A name left without its value or a determiner takes the person's
    // possessive, and "no." is written out.
    (
        "n09",
        "investigation.what_happened",
        "The Council took its first charge from account 6001 2345 on 1 November 2024 and sent the bill for account no. 60012345 to Mrs Ashdown. Tenancy T/0012/45 was not affected.",
        "The Council took its first charge from her account on 1 November 2024 and sent the bill for her account number to Mrs X. Her tenancy was not affected.",
    ),
];

/// A field of a case by its path.
fn field<'a>(texts: &'a [(String, String)], name: &str) -> &'a str {
    texts
        .iter()
        .find(|(f, _)| f == name)
        .map(|(_, t)| t.as_str())
        .unwrap_or_else(|| panic!("no field {name}"))
}

fn prose(case: &Case) -> Vec<(String, String)> {
    let value = serde_json::to_value(case).unwrap();
    let mut out = Vec::new();
    for (section, keys) in [
        ("case", &["summary"][..]),
        ("complaint", &["injustice", "outcome_sought"][..]),
        (
            "investigation",
            &["scope", "considered", "what_happened"][..],
        ),
    ] {
        for key in keys {
            if let Some(text) = value[section][key].as_str() {
                out.push((format!("{section}.{key}"), text.to_string()));
            }
        }
    }
    out
}

#[test]
fn each_construction_reads_as_the_office_would_write_it() {
    let mut failures = Vec::new();
    for (file, name, original, published) in CONSTRUCTIONS {
        let path = corpus()
            .into_iter()
            .find(|p| p.file_name().unwrap().to_string_lossy().starts_with(file))
            .unwrap();
        let case = load(&path);
        let ids = engine().identifiers(&case).1;
        let (anonymised, _) = anonymise::anonymise(&case, &ids);
        let before = prose(&case);
        let after = prose(anonymised.case());
        assert!(
            field(&before, name).contains(original),
            "{file} {name}: the corpus no longer says {original:?}"
        );
        let got = field(&after, name);
        if !got.contains(published) {
            failures.push(format!(
                "{file} {name}\n  original  {original:?}\n  want      {published:?}\n  published {got:?}"
            ));
        }
    }
    assert!(
        failures.is_empty(),
        "{} of {} constructions:\n{}",
        failures.len(),
        CONSTRUCTIONS.len(),
        failures.join("\n")
    );
}

#[test]
fn the_log_says_which_rule_rewrote_what_and_never_the_value() {
    let (case, dir) = &corpus_rendered()[0];
    let log: serde_json::Value =
        serde_json::from_slice(&std::fs::read(dir.join("redactions.json")).unwrap()).unwrap();
    let rewrites = log["rewrites"].as_array().unwrap();
    let rules: Vec<&str> = rewrites
        .iter()
        .map(|r| r["rule"].as_str().unwrap())
        .collect();
    for rule in [
        "contact_after_preposition",
        "birth_as_age",
        "address_as_home",
        "identifier_sentence",
        "identifier_aside",
        "heading_described",
        "name_mistake",
        "nickname_aside",
        "place_generalised",
    ] {
        assert!(rules.contains(&rule), "{rule}: {rules:?}");
    }
    // Offsets into the field as written and as published.
    let original = prose(case);
    for r in rewrites {
        let text = field(&original, r["field"].as_str().unwrap());
        let (start, end) = (
            r["start"].as_u64().unwrap() as usize,
            r["end"].as_u64().unwrap() as usize,
        );
        assert!(start < end && text.is_char_boundary(start) && text.is_char_boundary(end));
        assert!(r["published_start"].as_u64() <= r["published_end"].as_u64());
    }
    let bytes = std::fs::read_to_string(dir.join("redactions.json")).unwrap();
    for value in [
        "07700 900514",
        "grainne.os@example.net",
        "Wagtail",
        "1931-07-14",
    ] {
        assert!(!bytes.contains(value), "{value} in the log");
    }
}

/// Words drawn from the word list by a fixed sequence (the same every
/// run), beyond the ones other tests name.
fn drawn_words(n: usize) -> Vec<String> {
    let list: Vec<&str> = include_str!("../data/english-words.txt")
        .lines()
        .filter(|w| (4..=9).contains(&w.len()) && w.bytes().all(|b| b.is_ascii_lowercase()))
        .collect();
    let mut state: u64 = 0x9E37_79B9_7F4A_7C15;
    (0..n)
        .map(|_| {
            state ^= state << 13;
            state ^= state >> 7;
            state ^= state << 17;
            let w = list[(state % list.len() as u64) as usize];
            let mut chars = w.chars();
            let first = chars.next().unwrap().to_ascii_uppercase();
            format!("{first}{}", chars.as_str())
        })
        .collect()
}

#[test]
fn names_that_are_words_drawn_at_random_are_read_by_their_context() {
    let mut failures = Vec::new();
    for word in drawn_words(40) {
        let lower = word.to_lowercase();
        for given in [true, false] {
            let case = crate::util::case_with_word(&word, given);
            let ids = anonymise::identifiers(&case);
            let needles = Needles::new(&case);
            let full = if given {
                format!("{word} Pargeter")
            } else {
                format!("Harriet {word}")
            };
            // The person.
            let names = [
                (
                    format!("Mrs {full} complained."),
                    "Mrs X complained.".to_string(),
                ),
                (
                    format!("{word}'s letter arrived."),
                    "Mrs X's letter arrived.".into(),
                ),
                (
                    format!("On 3 May, {full} said it was too late."),
                    "On 3 May, Mrs X said it was too late.".into(),
                ),
            ];
            // The word, in contexts any word can have: after a determiner,
            // before a year, in lower case.
            let words = [
                format!("The {word} of the committee wrote to us."),
                format!("By {word} 2025 the matter was settled."),
                format!("We read about the {lower} in the report."),
            ];
            for (text, want) in &names {
                let got = anonymise::anonymise_text(text, &ids).0;
                if got != *want {
                    failures.push(format!("{text:?}: want {want:?}, got {got:?}"));
                }
            }
            for text in &words {
                let got = anonymise::anonymise_text(text, &ids).0;
                if got != *text {
                    failures.push(format!("{text:?}: changed to {got:?}"));
                }
                // The verifier reads the word as the word too: a document
                // that prints it is not refused.
                let leaks = needles.find(text);
                if !leaks.is_empty() {
                    failures.push(format!("{text:?}: the verifier reads a name ({leaks:?})"));
                }
            }
        }
    }
    assert!(
        failures.is_empty(),
        "{} readings failed:\n{}",
        failures.len(),
        failures.join("\n")
    );
}
