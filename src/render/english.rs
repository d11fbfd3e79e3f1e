//! Small English for the views: a list joined with "and", a word
//! capitalised. Every view module uses them; they use nothing.

/// "a", "a and b", "a, b and c".
pub(crate) fn and_join(items: Vec<String>) -> String {
    match items.as_slice() {
        [] => String::new(),
        [one] => one.clone(),
        [init @ .., last] => format!("{} and {last}", init.join(", ")),
    }
}

/// Upper-cases the first letter.
pub(crate) fn capitalise(s: &str) -> String {
    let mut chars = s.chars();
    match chars.next() {
        Some(c) => c.to_uppercase().chain(chars).collect(),
        None => String::new(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn lists_join_in_english() {
        assert_eq!(and_join(vec![]), "");
        assert_eq!(and_join(vec!["the Council".into()]), "the Council");
        assert_eq!(
            and_join(vec!["a".into(), "b".into(), "c".into()]),
            "a, b and c"
        );
    }
}
