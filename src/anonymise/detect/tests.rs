//! The detectors against text nobody listed.

use super::bank::iban_valid;
use super::*;

fn found(text: &str) -> Vec<(Category, String, bool)> {
    let mut d = detect(
        text,
        &values::candidates(text),
        &AllowList::new(&["0300 123 4567".into()], &["enquiries@".into()]),
        Rare::UNREAD,
    );
    let names: Vec<&str> = d
        .iter()
        .filter(|d| d.category == Category::Name)
        .map(|d| &text[d.range.clone()])
        .collect();
    let more = bare_surnames(text, &names);
    d.extend(more);
    d.sort_by_key(|d| d.range.start);
    d.into_iter()
        .map(|d| (d.category, text[d.range].to_string(), d.redact))
        .collect()
}

#[test]
fn validated_values_are_found() {
    let text = "Call 07700900789 or +44 (0)113 496 0789, not our line 0300 123 4567. Email will.mason@example.net or enquiries@council.example. NI AB 12 34 56 C; QQ 12 34 56 C is invalid. He lives at DH1 3LE.";
    let f = found(text);
    let values: Vec<&str> = f.iter().map(|(_, v, _)| v.as_str()).collect();
    assert!(values.contains(&"07700900789"), "{f:?}");
    assert!(values.contains(&"+44 (0)113 496 0789"), "{f:?}");
    assert!(!values.contains(&"0300 123 4567"), "{f:?}");
    let other_line = found("the national line 0300 555 0100");
    assert_eq!(
        other_line,
        [(Category::Phone, "0300 555 0100".into(), false)]
    );
    assert!(values.contains(&"will.mason@example.net"), "{f:?}");
    assert!(!values.iter().any(|v| v.starts_with("enquiries@")), "{f:?}");
    assert!(values.contains(&"AB 12 34 56 C"), "{f:?}");
    assert!(!values.contains(&"QQ 12 34 56 C"), "{f:?}");
    assert!(values.contains(&"DH1 3LE"), "{f:?}");
}

#[test]
fn a_date_is_a_birth_only_where_the_birth_word_is_about_it() {
    let births = |text: &str| -> Vec<String> {
        found(text)
            .into_iter()
            .filter(|(c, _, _)| *c == Category::DateOfBirth)
            .map(|(_, v, _)| v)
            .collect()
    };
    for text in [
        "She was born on 12 March 1948 in Leeds.",
        "DOB: 12/03/1948.",
        "He was born in Leeds on 12 March 1948.",
        "Her date of birth (12/03/1948) was wrong.",
    ] {
        assert_eq!(births(text).len(), 1, "{text}");
    }
    for text in [
        "He was born in 1941, and left hospital on 3 March 2025.",
        "He was born in 1941. He left hospital on 3 March 2025.",
        "She was born abroad, and moved here on 3 March 2005.",
    ] {
        assert!(births(text).is_empty(), "{text}: {:?}", births(text));
    }
}

#[test]
fn nhs_numbers_need_context_to_be_replaced() {
    let with = found("Her NHS number is 943 476 5919.");
    assert_eq!(with, [(Category::NhsNumber, "943 476 5919".into(), true)]);
    let without = found("Invoice 943 476 5919 was sent.");
    assert_eq!(
        without,
        [(Category::NhsNumber, "943 476 5919".into(), false)]
    );
    assert!(found("Account 5012345678 was used.").is_empty());
    assert!(found("Council tax account 50123456 was used.").is_empty());
    let bank = found("Sort code 20-45-67, account 43218765.");
    assert_eq!(bank.len(), 2, "{bank:?}");
}

#[test]
fn names_addresses_vehicles_and_bank_details() {
    let text = "Dr Eleanor Fairfax-Hughes wrote. Mr Will Mason lives at 2 Quarry Row. Mason said so. Her car, registration LR63 XKP, was fined. Sort code 20-45-67 and account number 43218765.";
    let f = found(text);
    let values: Vec<&str> = f.iter().map(|(_, v, _)| v.as_str()).collect();
    for want in [
        "Dr Eleanor Fairfax-Hughes",
        "Mr Will Mason",
        "2 Quarry Row",
        "Mason",
        "LR63 XKP",
        "20-45-67",
        "43218765",
    ] {
        assert!(values.contains(&want), "{want}: {f:?}");
    }
}

#[test]
fn profiles_and_handles_are_found_whoever_they_are() {
    let text =
        "See www.facebook.com/tabitha.carmichael. She posts as @tabbycarm, and (@tc_99) too.";
    let f = found(text);
    let values: Vec<&str> = f.iter().map(|(_, v, _)| v.as_str()).collect();
    for want in [
        "www.facebook.com/tabitha.carmichael",
        "@tabbycarm",
        "@tc_99",
    ] {
        assert!(values.contains(&want), "{want}: {f:?}");
    }
    // An email address is no handle.
    let f = found("She wrote to jo@example.org and to help @ the office.");
    assert!(f.iter().all(|(c, _, _)| *c != Category::OnlineId), "{f:?}");
}

#[test]
fn an_account_number_is_found_before_its_sort_code_too() {
    for text in [
        "Her bank account 43218765 was frozen.",
        "He paid into account 43218765, sort code 20-45-67.",
    ] {
        let f = found(text);
        assert!(f.iter().any(|(_, v, _)| v == "43218765"), "{text}: {f:?}");
    }
    let f = found("Her council tax account 50123456 was in arrears.");
    assert!(f.iter().all(|(_, v, _)| v != "50123456"), "{f:?}");
}

#[test]
fn context_is_read_at_the_value_after_letters_that_lower_case_longer() {
    // "İ" is two bytes and lower-cases to three: a context read from a
    // text lower-cased as Unicode would sit 24 bytes before its value.
    let text = format!(
        "{} Her sort code 20-45-67 was given, and her car, registration LR63 XKP. She was born on 12 March 1948.",
        "İ".repeat(24)
    );
    let f = found(&text);
    let values: Vec<&str> = f.iter().map(|(_, v, _)| v.as_str()).collect();
    for want in ["20-45-67", "LR63 XKP", "12 March 1948"] {
        assert!(values.contains(&want), "{want}: {f:?}");
    }
}

#[test]
fn ordinary_text_is_left_alone() {
    let text = "On 14 June 2023, five months later, the Council (ref 22 012 345) paid £2,340.50 under section 117 of the Mental Health Act 1983 and paragraph 12.66; Mrs X and Miss Y agreed. Invoice INV-2023-04561 and council tax account 5012345678.";
    assert!(found(text).is_empty(), "{:?}", found(text));
}

#[test]
fn ibans_check() {
    assert!(iban_valid("GB82 WEST 1234 5698 7654 32"));
    assert!(!iban_valid("GB82 WEST 1234 5698 7654 33"));
}

#[test]
fn ip_addresses_after_their_name() {
    for text in [
        "Her IP address is 192.0.2.44.",
        "The login came from IP 192.0.2.44 on 3 May.",
        "IP: 10.0.0.255",
    ] {
        let f = found(text);
        assert!(
            f.iter()
                .any(|(c, v, _)| *c == Category::OnlineId && v.contains("."))
                && f.iter().all(|(_, v, _)| !v.ends_with('.')),
            "{text}: {f:?}"
        );
    }
    for text in [
        "See paragraph 4.3.2.1 of the policy.",
        "Her IP address changed; the form was version 1.2.3.4.",
        "The IP address was 300.1.2.3.",
        "Its IP address, 192.0.2.44.5, is odd.",
    ] {
        assert!(
            found(text).iter().all(|(c, _, _)| *c != Category::OnlineId),
            "{text}: {:?}",
            found(text)
        );
    }
}
