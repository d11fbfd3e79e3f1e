//! Jobs beside names, as complainants and case notes write them
//! (fixtures/adversarial.toml): a listed person's role said before their
//! name with no comma, or after it as a signature says it; a job's title of
//! several words in capitals; a job before a name nobody listed with a word
//! before it that is not the sentence's; a name nobody listed set off before
//! a relation with an article, or joined to a listed name by "and"; a
//! given name before a surname found elsewhere.
//!
//! Each row is a sentence and what the publication copy must say: the role
//! said once, no label inside a job's words, no name left half.

use crate::adversarial::{check, fixture, ids_of};

#[test]
fn a_listed_role_said_before_the_name_is_said_once() {
    let ids = ids_of(&fixture());
    check(
        &ids,
        &[
            (
                "The social worker Lorraine Pemberton visited.",
                "The social worker visited.",
            ),
            (
                "The social worker L. Pemberton visited.",
                "The social worker visited.",
            ),
            (
                "The ward occupational therapist Harriet Brook said so.",
                "The ward occupational therapist said so.",
            ),
            (
                "She asked the therapist Harriet Brook for help.",
                "She asked the therapist for help.",
            ),
            (
                "She asked the therapist, Harriet Brook, for help.",
                "She asked the therapist for help.",
            ),
            // Standing bare as a title, the role gives way to the label.
            (
                "Social worker Lorraine Pemberton visited.",
                "The social worker visited.",
            ),
            (
                "A letter from social worker Lorraine Pemberton arrived.",
                "A letter from the social worker arrived.",
            ),
            (
                "On 4 May social worker Lorraine Pemberton visited.",
                "On 4 May the social worker visited.",
            ),
        ],
    );
}

#[test]
fn a_listed_role_after_the_name_as_a_signature_says_it_is_said_once() {
    let ids = ids_of(&fixture());
    check(
        &ids,
        &[
            (
                "Lorraine Pemberton, Social Worker, Kingsley Vale Council, wrote.",
                "The social worker, Kingsley Vale Council, wrote.",
            ),
            (
                "Lorraine Pemberton, social worker, wrote.",
                "The social worker wrote.",
            ),
            (
                "The letter was signed Lorraine Pemberton, Social Worker.",
                "The letter was signed the social worker.",
            ),
            (
                "Harriet Brook, the occupational therapist, assessed her.",
                "The occupational therapist assessed her.",
            ),
        ],
    );
}

#[test]
fn a_job_before_a_name_nobody_listed_keeps_its_words_in_order() {
    let ids = ids_of(&fixture());
    check(
        &ids,
        &[
            // A word before the job that is the job's own.
            (
                "The agency manager Mr Keith Armitage replied.",
                "The agency manager replied.",
            ),
            (
                "She phoned her old social worker Jo Bramley.",
                "She phoned her old social worker.",
            ),
            (
                "She told agency manager Keith Armitage.",
                "She told an agency manager.",
            ),
            // A job's title in capitals, of several words.
            (
                "She was seen by Nurse Practitioner Helen Booth.",
                "She was seen by a nurse practitioner.",
            ),
            (
                "Staff Nurse Kelly Dunne gave the medication.",
                "A staff nurse gave the medication.",
            ),
            (
                "We spoke to Team Manager Helen Booth.",
                "We spoke to a team manager.",
            ),
            (
                "Care Manager Helen Booth replied.",
                "A care manager replied.",
            ),
            (
                "We spoke to Advanced Nurse Practitioner Helen Booth on 3 May.",
                "We spoke to an advanced nurse practitioner on 3 May.",
            ),
        ],
    );
}

#[test]
fn a_name_nobody_listed_before_a_relation_with_an_article_goes() {
    let ids = ids_of(&fixture());
    check(
        &ids,
        &[
            (
                "Janice Holroyd, a neighbour, found her.",
                "A neighbour found her.",
            ),
            (
                "She rang Janice Holroyd, the manager, who said no.",
                "She rang the manager, who said no.",
            ),
            (
                "Helen Booth, the care manager, replied.",
                "The care manager replied.",
            ),
            // Not a relation with an article: held, never half printed.
            (
                "Janice Holroyd, a neighbour of Mrs Pargeter, found her.",
                "[name], a neighbour of Mrs X, found her.",
            ),
        ],
    );
    // A relation by kin with "the" is nobody's in particular; a place or an
    // organisation before a job is no name.
    let unchanged = [
        "In Leeds, the manager said no.",
        "Kingsley Vale Council, the landlord, replied.",
        "The social worker visited.",
        "Social Services, a council department, replied.",
    ];
    check(&ids, &unchanged.map(|t| (t, t)));
}

#[test]
fn a_given_name_before_a_surname_found_elsewhere_goes_with_it() {
    let ids = ids_of(&fixture());
    check(
        &ids,
        &[(
            "We spoke to Nurse Practitioner Helen Booth on 3 May. Helen Booth replied. H. Booth signed.",
            "We spoke to a nurse practitioner on 3 May. [name] replied. [name] signed.",
        )],
    );
}

#[test]
fn a_name_nobody_listed_joined_to_a_listed_one_is_found() {
    let ids = ids_of(&fixture());
    check(
        &ids,
        &[
            (
                "Social workers Lorraine Pemberton and Joanne Bramley visited.",
                "Social workers the social worker and [name] visited.",
            ),
            (
                "Helen Booth and Lorraine Pemberton met.",
                "[name] and the social worker met.",
            ),
        ],
    );
    let unchanged = ["Lorraine Pemberton and Kingsley Vale Council met in April and May."];
    check(
        &ids,
        &unchanged.map(|t| {
            (
                t,
                "The social worker and Kingsley Vale Council met in April and May.",
            )
        }),
    );
}
