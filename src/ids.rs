//! UK identifier formats: how each is normalised to
//! a comparison key, and how each is validated. Shared by case validation,
//! the anonymiser's detectors and the verifier, so that all three agree on
//! what "the same number" means.

/// The ASCII digits of `s`.
pub fn digits(s: &str) -> String {
    s.chars().filter(char::is_ascii_digit).collect()
}

/// Whether ten digits pass the NHS number check (modulus 11, weights 10…2),
/// and are not all the same digit.
pub fn nhs_valid(number: &str) -> bool {
    let d: Vec<u32> = number.chars().filter_map(|c| c.to_digit(10)).collect();
    if d.len() != 10 || number.chars().filter(char::is_ascii_digit).count() != 10 {
        return false;
    }
    if d.iter().all(|&x| x == d[0]) {
        return false;
    }
    let sum: u32 = d[..9].iter().zip((2..=10).rev()).map(|(x, w)| x * w).sum();
    let check = match 11 - sum % 11 {
        11 => 0,
        10 => return false,
        c => c,
    };
    check == d[9]
}

/// The national form of a UK phone number (`01134960412`), from any written
/// form: spaces, hyphens, dots, brackets, `+44`, `0044`, `(0)`. `None` when it
/// is not 10 or 11 digits starting `0[1-9]`. Allocation is not checked: Ofcom's
/// drama ranges are numbers too.
pub fn phone_key(s: &str) -> Option<String> {
    let trimmed = s.trim();
    let mut rest: String = trimmed
        .chars()
        .filter(|c| c.is_ascii_digit() || *c == '+')
        .collect();
    let had_zero_in_brackets = trimmed.contains("(0)");
    if let Some(r) = rest
        .strip_prefix("+44")
        .or_else(|| rest.strip_prefix("0044"))
    {
        let mut national = r.to_string();
        if had_zero_in_brackets && national.starts_with('0') {
            national.remove(0);
        }
        rest = format!("0{national}");
    }
    if rest.contains('+') {
        return None;
    }
    let ok = (10..=11).contains(&rest.len())
        && rest.starts_with('0')
        && rest
            .as_bytes()
            .get(1)
            .is_some_and(|b| (b'1'..=b'9').contains(b));
    ok.then_some(rest)
}

/// Upper case without spaces or a hyphen: `ls6 2qt` → `LS62QT`, if it has a
/// postcode's shape and letters (Royal Mail's positional rules).
pub fn postcode_key(s: &str) -> Option<String> {
    let key: String = s
        .chars()
        .filter(|c| !c.is_whitespace() && *c != '-')
        .collect::<String>()
        .to_uppercase();
    postcode_valid(&key).then_some(key)
}

/// Whether an upper-case, space-free string is a well-formed postcode.
pub fn postcode_valid(key: &str) -> bool {
    if key == "GIR0AA" {
        return true;
    }
    let b = key.as_bytes();
    if !(5..=7).contains(&b.len()) || !b.iter().all(u8::is_ascii_alphanumeric) {
        return false;
    }
    let (outward, inward) = b.split_at(b.len() - 3);
    let inward_ok = inward[0].is_ascii_digit()
        && inward[1..]
            .iter()
            .all(|c| c.is_ascii_uppercase() && !b"CIKMOV".contains(c));
    inward_ok && outward_valid(outward)
}

fn outward_valid(o: &[u8]) -> bool {
    let letter = |c: u8| c.is_ascii_uppercase();
    let digit = |c: u8| c.is_ascii_digit();
    let first = |c: u8| letter(c) && !b"QVX".contains(&c);
    let second = |c: u8| letter(c) && !b"IJZ".contains(&c);
    let third = |c: u8| b"ABCDEFGHJKPSTUW".contains(&c);
    let fourth = |c: u8| b"ABEHMNPRVWXY".contains(&c);
    match *o {
        [a, n] => first(a) && digit(n),
        [a, b, c] if digit(b) => first(a) && (digit(c) || third(c)),
        [a, b, c] => first(a) && second(b) && digit(c),
        [a, b, c, d] => first(a) && second(b) && digit(c) && (digit(d) || fourth(d)),
        _ => false,
    }
}

/// Upper case without spaces or hyphens, if it has a National Insurance
/// number's shape (two letters, six digits, a suffix A–D).
pub fn nino_key(s: &str) -> Option<String> {
    let key: String = s
        .chars()
        .filter(char::is_ascii_alphanumeric)
        .collect::<String>()
        .to_uppercase();
    let b = key.as_bytes();
    let shape = b.len() == 9
        && b[..2].iter().all(u8::is_ascii_uppercase)
        && b[2..8].iter().all(u8::is_ascii_digit)
        && b"ABCD".contains(&b[8]);
    shape.then_some(key)
}

/// Whether a NINO key follows HMRC's prefix rules.
pub fn nino_valid(key: &str) -> bool {
    let b = key.as_bytes();
    if nino_key(key).as_deref() != Some(key) {
        return false;
    }
    let prefix = &key[..2];
    !b"DFIQUV".contains(&b[0])
        && !b"DFIOQUV".contains(&b[1])
        && !["BG", "GB", "KN", "NK", "NT", "TN", "ZZ"].contains(&prefix)
}

/// A record number (a hospital number, a tenancy reference) as a key: its
/// letters and digits in upper case, whatever spaces, hyphens, slashes or
/// full stops the text puts between them. `None` for a number that could
/// not be searched for safely: fewer than six letters and digits, fewer
/// than four of them digits (a shorter number turns up inside others, and
/// in numbers a text merely writes side by side), or other signs inside it.
pub fn record_key(s: &str) -> Option<String> {
    let s = s.trim();
    let signs_ok = s
        .chars()
        .all(|c| c.is_ascii_alphanumeric() || matches!(c, ' ' | '-' | '/' | '.'));
    let key: String = s
        .chars()
        .filter(char::is_ascii_alphanumeric)
        .map(|c| c.to_ascii_uppercase())
        .collect();
    let digits = key.bytes().filter(u8::is_ascii_digit).count();
    (signs_ok && key.len() >= 6 && digits >= 4).then_some(key)
}

/// An email address compared without case.
pub fn email_key(s: &str) -> String {
    s.trim().to_lowercase()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn nhs_numbers_check() {
        for good in ["943 476 5919", "485 777 3457", "999-954-2557", "9999542557"] {
            assert!(nhs_valid(good), "{good}");
        }
        for bad in ["943 476 5918", "1111111111", "12345", "9434765919 1"] {
            assert!(!nhs_valid(bad), "{bad}");
        }
    }

    #[test]
    fn phones_normalise_from_every_written_form() {
        let cases = [
            ("0191 498 0123", "01914980123"),
            ("(0113) 496 0412", "01134960412"),
            ("+44 7700 900456", "07700900456"),
            ("+44 (0)116 496 0857", "01164960857"),
            ("0044 191 498 0123", "01914980123"),
            ("0121-496-0093", "01214960093"),
            ("07700.900.733", "07700900733"),
        ];
        for (written, key) in cases {
            assert_eq!(phone_key(written).as_deref(), Some(key), "{written}");
        }
        assert_eq!(phone_key("12345"), None);
        assert_eq!(phone_key("+33 1 23 45 67 89"), None);
    }

    #[test]
    fn postcodes_follow_the_positional_rules() {
        for good in [
            "NE6 5JX", "ls6 2qt", "HX38RL", "W1A 1AA", "EC1A 1BB", "GIR 0AA", "M1 1AE",
        ] {
            assert!(postcode_key(good).is_some(), "{good}");
        }
        for bad in ["QX1 1AA", "NE6 5JC", "30AM", "AB1", "LS6 2Q"] {
            assert!(postcode_key(bad).is_none(), "{bad}");
        }
    }

    #[test]
    fn record_numbers_are_keyed_by_their_letters_and_digits() {
        assert_eq!(record_key("RX1 234567").as_deref(), Some("RX1234567"));
        assert_eq!(record_key("t/0012/45").as_deref(), Some("T001245"));
        assert_eq!(record_key("6001-2345").as_deref(), Some("60012345"));
        // Too short, too few digits or other signs: not searchable.
        assert_eq!(record_key("K1234"), None);
        assert_eq!(record_key("ABCDE123"), None);
        assert_eq!(record_key("RX1 (234567)"), None);
    }

    #[test]
    fn ninos_follow_the_prefix_rules() {
        assert_eq!(nino_key("ab 12 34 56 c").as_deref(), Some("AB123456C"));
        assert!(nino_valid("AB123456C"));
        assert!(!nino_valid("QQ123456C"));
        assert!(!nino_valid("GB123456A"));
        assert!(nino_key("AB123456E").is_none());
    }
}
