//! Table tests for the reading rules.

use super::*;

/// Reads the first occurrence of `name` in `text`; `family` as given.
fn reading(text: &str, name: &str, family: bool) -> Reading {
    let start = text.find(name).expect("name in text");
    read(&Occurrence {
        text,
        range: start..start + name.len(),
        family,
        plural: false,
        same_person: &|w| matches!(w, "Pargeter" | "June" | "Little" | "Ben"),
        any_person: &|w| matches!(w, "Pargeter" | "June" | "Little" | "Ben"),
    })
}

#[test]
fn months_in_dates_are_words() {
    for text in [
        "On 14 June 2024 the Council wrote.",
        "It wrote on June 14, 2024.",
        "It wrote in June.",
        "By the end of June the plan was late.",
        "on the 3rd of June",
        "from May to June",
        "between April and June 2023",
        "It was due in mid June.",
        "The June 2024 review",
        "until June '24",
    ] {
        assert_eq!(reading(text, "June", false), Reading::Word, "{text}");
    }
}

#[test]
fn names_are_names() {
    for text in [
        "Mrs June Pargeter complained.",
        "She spoke to Mrs June about it.",
        "June Pargeter complained.",
        "June's daughter called.",
        "The Council wrote to June about it.",
        "June said the carers were late.",
        "In the end, June moved to a care home.",
        "Later June told me.",
    ] {
        assert_eq!(reading(text, "June", false), Reading::Name, "{text}");
    }
}

#[test]
fn words_in_places_and_at_sentence_starts_stay() {
    assert_eq!(
        reading("She lives on Brook Street.", "Brook", true),
        Reading::Word
    );
    assert_eq!(
        reading("a walk on Kingsley Heath", "Heath", true),
        Reading::Word
    );
    assert_eq!(
        reading("Little was done about it.", "Little", true),
        Reading::Word
    );
    assert_eq!(
        reading("Little progress was made.", "Little", true),
        Reading::Word
    );
    assert_eq!(
        reading("Little has changed since.", "Little", true),
        Reading::Word
    );
    // A family name that starts a sentence, then an adverb and what only a
    // person does: the person.
    assert_eq!(
        reading("Little later said that she had rung.", "Little", true),
        Reading::Name
    );
    assert_eq!(
        reading("Will the Council act?", "Will", true),
        Reading::Word
    );
    assert_eq!(reading("We hope so.", "hope", false), Reading::Word);
    assert_eq!(
        reading("The Rose Garden was shut.", "Rose", false),
        Reading::Word
    );
}

#[test]
fn a_given_name_starting_a_sentence_is_never_simply_a_word() {
    assert_eq!(
        reading("Destiny repeated it.", "Destiny", false),
        Reading::Name
    );
    assert_eq!(
        reading("Destiny told CAMHS.", "Destiny", false),
        Reading::Name
    );
    assert_eq!(
        reading("Will the Council act?", "Will", false),
        Reading::Undecided
    );
    assert_eq!(reading("Hope remains.", "Hope", false), Reading::Undecided);
    assert_eq!(
        reading("Mark was discharged.", "Mark", false),
        Reading::Name
    );
    assert_eq!(
        reading("Mark has still not been refunded.", "Mark", false),
        Reading::Name
    );
    assert_eq!(reading("Mark has paid half.", "Mark", false), Reading::Name);
    assert_eq!(
        reading("Hope did not receive it.", "Hope", false),
        Reading::Undecided
    );
}

#[test]
fn what_no_rule_decides_is_undecided() {
    assert_eq!(
        reading("Grace was upset.", "Grace", false),
        Reading::Undecided
    );
    assert_eq!(
        reading("Hope, the Council said, was ill.", "Hope", false),
        Reading::Undecided
    );
    assert_eq!(
        reading("It must be done by June.", "June", false),
        Reading::Undecided
    );
    assert_eq!(
        reading("- Grace was upset", "Grace", false),
        Reading::Undecided
    );
    assert_eq!(
        reading("12. Grace was upset", "Grace", false),
        Reading::Undecided
    );
}

#[test]
fn sentence_starts() {
    assert!(starts_sentence("Hope", 0));
    assert!(starts_sentence("It rained. Hope", 11));
    assert!(starts_sentence("a) Hope", 3));
    assert!(starts_sentence("(Hope", 1));
    assert!(!starts_sentence("to Hope", 3));
}
