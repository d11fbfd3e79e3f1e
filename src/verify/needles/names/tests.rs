//! The rules for names that are words, one context at a time.

use super::super::Kind;
use super::super::tests::needles;

fn names_in(text: &str) -> Vec<String> {
    needles()
        .find(text)
        .into_iter()
        .filter(|f| f.kind == Kind::Name)
        .map(|f| text[f.range].to_string())
        .collect()
}

fn word(text: &str) {
    let found = names_in(text);
    assert!(found.is_empty(), "{text:?} is no leak: {found:?}");
}

fn name(text: &str) {
    assert!(!names_in(text).is_empty(), "{text:?} is a leak");
}

#[test]
fn months_in_dates_are_words() {
    word("The decision is dated 14 June 2024.");
    word("We wrote on June 14, 2024.");
    word("We wrote on the 14th of June.");
    word("We wrote in June 2024 and again in June.");
    word("From mid-June to August nothing happened.");
    word("Between May and June the Council waited.");
    word("The visits ran May–June.");
    word("June 2024 was wet.");
}

#[test]
fn the_same_month_as_a_name_is_a_leak() {
    name("Mrs June Little complained.");
    name("June said the Council was late.");
    name("June's son called.");
    name("We met June at the office.");
    // Rule 5 reads "to June" as a date.
    word("We spoke to June about it.");
    name("June Little was upset.");
}

#[test]
fn a_month_abbreviation_as_a_name_is_read_like_a_month() {
    word("We met on 14 Jan 2024 and again in Jan.");
    name("Jan said it was late.");
    name("We met Jan at the office.");
}

#[test]
fn words_in_streets_and_places_are_words() {
    word("The office is on Brook Street.");
    word("The office is on Brook St.");
    word("They moved to Upper Brook last year.");
    word("They stayed at the Little Brook Inn.");
}

#[test]
fn words_at_a_sentence_start_before_a_lower_case_word() {
    word("Little progress was made.");
    word("Little was done about it.");
    word("Hope of recovery faded.");
    name("Hope was upset.");
    name("Hope told us.");
    word("1.\nLittle was done.");
    word("The Council replied.\nLittle was done.");
}

#[test]
fn lower_case_words_are_words() {
    word("We hope the little brook helps.");
    word("The Council may reply.");
}

#[test]
fn titles_possessives_verbs_and_neighbours_make_names() {
    name("We wrote to Mrs Little.");
    name("We wrote to Mr A. Brook.");
    name("Little's complaint was upheld.");
    name("Brook said he would reply.");
    name("We met Little at the office.");
    name("We met Hope Pargeter.");
    name("We met Pargeter, Hope.");
    name("the Littles agreed");
}

#[test]
fn a_line_that_runs_on_is_no_sentence_start() {
    name("We wrote to the complainant and\nHope was upset.");
    word("We wrote to the Council\nLittle was done.");
    word("What happened\nLittle was done before the visit.");
    name("The Council wrote to the complainant about her request and\nLittle was upset.");
}
