//! Keys of the structured values a case lists, as the digits and
//! alphanumeric views see them: phone and NHS numbers by their digits,
//! postcodes, National Insurance and record numbers by their letters and
//! digits.

/// The digits of a phone number without its trunk or country prefix, so
/// that "07700 900461", "+44 (0)7700 900461" and "0044 7700 900461" all
/// contain it: "7700900461". `None` when too short to search safely.
pub(super) fn phone_key(phone: &str) -> Option<String> {
    let digits: String = phone.chars().filter(char::is_ascii_digit).collect();
    let international = phone.trim_start().starts_with('+');
    let national = if let Some(rest) = digits.strip_prefix("0044") {
        rest.trim_start_matches('0')
    } else if international && digits.starts_with("44") {
        digits[2..].trim_start_matches('0')
    } else if let Some(rest) = digits.strip_prefix('0') {
        rest
    } else {
        &digits
    };
    (national.len() >= 7).then(|| national.to_string())
}

/// The ten digits of an NHS number.
pub(super) fn nhs_key(nhs: &str) -> Option<String> {
    let digits: String = nhs.chars().filter(char::is_ascii_digit).collect();
    (digits.len() == 10).then_some(digits)
}

/// A National Insurance number's letters and digits, lower case
/// ("qq123456c"), and the same without its final letter, which texts often
/// leave out ("qq123456").
pub(super) fn nino_keys(nino: &str) -> Vec<String> {
    let key: String = alphanumerics(nino);
    let mut out = Vec::new();
    if key.len() >= 8 {
        out.push(key.clone());
    }
    if key.len() == 9 && key.as_bytes()[8].is_ascii_alphabetic() {
        out.push(key[..8].to_string());
    }
    out
}

/// A record number's letters and digits, lower case ("rx1234567"),
/// however the case file spaces it. `None` when too short to search safely.
pub(super) fn record_key(record: &str) -> Option<String> {
    let key = alphanumerics(record);
    (key.len() >= 6).then_some(key)
}

/// A UK postcode's letters and digits, lower case ("hx38qt"), if `part` is
/// one: an outward code (`A9`, `A99`, `AA9`, `AA99`, `A9A`, `AA9A`) and an
/// inward code (`9AA`), with or without the space.
pub(super) fn postcode_key(part: &str) -> Option<String> {
    let key = alphanumerics(part);
    let b = key.as_bytes();
    if !(5..=7).contains(&b.len()) || part.trim().contains(char::is_whitespace) && !one_space(part)
    {
        return None;
    }
    let (outward, inward) = b.split_at(b.len() - 3);
    let inward_ok = inward[0].is_ascii_digit()
        && inward[1].is_ascii_alphabetic()
        && inward[2].is_ascii_alphabetic();
    let letters = outward
        .iter()
        .take_while(|c| c.is_ascii_alphabetic())
        .count();
    let rest = &outward[letters..];
    let outward_ok = (1..=2).contains(&letters)
        && !rest.is_empty()
        && rest[0].is_ascii_digit()
        && rest.len() <= 2
        && rest[1..].iter().all(u8::is_ascii_alphanumeric);
    (inward_ok && outward_ok).then_some(key)
}

fn one_space(part: &str) -> bool {
    part.split_whitespace().count() == 2
}

/// Letters and digits, lower case.
fn alphanumerics(s: &str) -> String {
    s.chars()
        .filter(char::is_ascii_alphanumeric)
        .map(|c| c.to_ascii_lowercase())
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn phones_lose_their_prefixes() {
        assert_eq!(phone_key("07700 900461").as_deref(), Some("7700900461"));
        assert_eq!(phone_key("(0113) 496 0412").as_deref(), Some("1134960412"));
        assert_eq!(
            phone_key("+44 (0)7700 900461").as_deref(),
            Some("7700900461")
        );
        assert_eq!(phone_key("0044 7700 900461").as_deref(), Some("7700900461"));
        assert_eq!(phone_key("999"), None);
    }

    #[test]
    fn postcodes_and_insurance_numbers() {
        assert_eq!(postcode_key("HX3 8QT").as_deref(), Some("hx38qt"));
        assert_eq!(postcode_key("HX38RL").as_deref(), Some("hx38rl"));
        assert_eq!(postcode_key("ws7 1ne").as_deref(), Some("ws71ne"));
        assert_eq!(postcode_key("EC1A 1BB").as_deref(), Some("ec1a1bb"));
        assert_eq!(postcode_key("Calderbrook"), None);
        assert_eq!(postcode_key("Flat 10"), None);
        assert_eq!(nino_keys("QQ 12 34 56 C"), ["qq123456c", "qq123456"]);
        assert_eq!(nhs_key("999 954 2557").as_deref(), Some("9999542557"));
        assert_eq!(record_key("RX1 234567").as_deref(), Some("rx1234567"));
        assert_eq!(record_key("T/12"), None);
    }
}
