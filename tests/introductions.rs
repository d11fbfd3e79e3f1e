//! Names nobody listed that the words around them introduce, as
//! complainants and case notes write them (fixtures/adversarial.toml): a
//! relation, a comma and a name at the clause's end or before "and"; a
//! person word and "called" or "named", one name or two; where a person
//! works ("Kelly from the Council", "Kelly (housing officer)"); a name
//! joined to a listed one whose given name no list has, or a given name
//! alone; a given name with an initial; a given name no word list has,
//! standing alone; a name the words before it say is one ("whose name
//! was"). A listed name never given to
//! someone it cannot be (a child called "Mr", two people's names joined by
//! a hyphen). IP addresses and identity documents' numbers. And the
//! sentence that an abbreviation before a number does not end.
//!
//! Each row is a sentence and what the publication copy must say: no
//! name printed, nothing garbled, the person still there in words.

use crate::adversarial::{check, fixture, ids_of};

#[test]
fn a_name_after_a_relation_and_a_comma_ends_its_clause_or_goes_on() {
    let ids = ids_of(&fixture());
    check(
        &ids,
        &[
            (
                "We contacted her husband, Gareth.",
                "We contacted her husband.",
            ),
            ("We wrote to her son, Darren.", "We wrote to her son."),
            (
                "The visits were made by Mrs Pargeter's friend, Beatrice.",
                "The visits were made by Mrs X's friend.",
            ),
            (
                "She lives with her partner, Steve; he works nights.",
                "She lives with her partner; he works nights.",
            ),
            (
                "She lives with her husband, Gareth and their dog.",
                "She lives with her husband and their dog.",
            ),
            // Capitalised words after a comma that are no name stay.
            (
                "After visiting her mother, Social Services called.",
                "After visiting her mother, Social Services called.",
            ),
            (
                "She wrote to her advocate, Mencap.",
                "She wrote to her advocate, Mencap.",
            ),
            ("Her friend, Church Lane.", "Her friend, Church Lane."),
        ],
    );
}

#[test]
fn a_person_called_or_named_goes_with_the_word() {
    let ids = ids_of(&fixture());
    check(
        &ids,
        &[
            ("A carer named Precious visited.", "A carer visited."),
            ("A carer called Blessing visited.", "A carer visited."),
            (
                "Carers named Precious and Blessing visited twice daily.",
                "Carers visited twice daily.",
            ),
            (
                "Two women called Sharon and Tracey visited.",
                "Two women visited.",
            ),
            ("Her sons Jack and Harry visited.", "Her sons visited."),
            // "called" as a verb.
            (
                "The manager called Head Office.",
                "The manager called Head Office.",
            ),
            (
                "The carer named the medication.",
                "The carer named the medication.",
            ),
        ],
    );
}

#[test]
fn a_name_beside_where_its_person_works_becomes_the_work() {
    let ids = ids_of(&fixture());
    check(
        &ids,
        &[
            (
                "We spoke to Kelly from the Council.",
                "We spoke to a member of staff from the Council.",
            ),
            (
                "She was told by Kelly at Age UK that it was full.",
                "She was told by a member of staff at Age UK that it was full.",
            ),
            (
                "Mark from the Trust replied.",
                "A member of staff from the Trust replied.",
            ),
            (
                "Kelly (housing officer) replied.",
                "A housing officer replied.",
            ),
            (
                "Kelly Dunne (Housing Officer) wrote on 3 May.",
                "A housing officer wrote on 3 May.",
            ),
            (
                "Her case was passed to Lisa in the complaints team.",
                "Her case was passed to a member of staff in the complaints team.",
            ),
            // A titled name says more than the work: held.
            (
                "Her GP is Dr Anand at Heron Surgery.",
                "Her GP is [name] at a GP practice.",
            ),
            // A listed person stays theirs; a place stays a place.
            (
                "Lorraine from the Council visited.",
                "The social worker from the Council visited.",
            ),
            (
                "She moved to Chester from the Midlands.",
                "She moved to Chester from the Midlands.",
            ),
            (
                "She lived in Florence at the time.",
                "She lived in Florence at the time.",
            ),
        ],
    );
}

#[test]
fn a_name_joined_to_a_listed_one_with_a_given_name_no_list_has_is_held() {
    let ids = ids_of(&fixture());
    check(
        &ids,
        &[
            (
                "Lorraine Pemberton and Zbigniew Nowak visited.",
                "The social worker and [name] visited.",
            ),
            (
                "Jo Bramley and Lorraine Pemberton visited.",
                "[name] and the social worker visited.",
            ),
            (
                "Lorraine Pemberton and Ofsted Inspectors met.",
                "The social worker and Ofsted Inspectors met.",
            ),
            (
                "Emails between Mrs Pargeter and Lisa show this.",
                "Emails between Mrs X and [name] show this.",
            ),
            // A given name with a family name's initial and its stop.
            ("Lisa W. replied on 3 May.", "[name] replied on 3 May."),
        ],
    );
}

#[test]
fn a_given_name_standing_alone_is_held() {
    let ids = ids_of(&fixture());
    check(
        &ids,
        &[
            (
                "Mrs Pargeter told Lisa she was unhappy.",
                "Mrs X told [name] she was unhappy.",
            ),
            (
                "Thanks Lisa, I will pass this on.",
                "Thanks [name], I will pass this on.",
            ),
            (
                "According to Sharon, the visit was cancelled.",
                "According to [name], the visit was cancelled.",
            ),
            (
                "Darren had not visited since March.",
                "[name] had not visited since March.",
            ),
            (
                "We asked Kelly and her manager for comments.",
                "We asked [name] and her manager for comments.",
            ),
            (
                "She stayed at Kayleigh's flat that night.",
                "She stayed at [name]'s flat that night.",
            ),
            (
                "Both Kirsty and Leanne were on shift.",
                "Both [name] and [name] were on shift.",
            ),
            (
                "Email from Sinead to Mrs Pargeter, 3 May 2024.",
                "Email from [name] to Mrs X, 3 May 2024.",
            ),
            ("SHARON said no.", "[name] said no."),
            (
                "Mrs Pargeter and Mary-Kate visited.",
                "Mrs X and [name] visited.",
            ),
            (
                "It was signed K. Dunne, Housing Officer.",
                "It was signed [name], Housing Officer.",
            ),
            // Places, faiths, things and words of the language stay.
            (
                "She moved to Chester in June.",
                "She moved to Chester in June.",
            ),
            (
                "A Christian charity and the Preston office helped.",
                "A Christian charity and the Preston office helped.",
            ),
            (
                "Mrs Pargeter asked for Grace to be said.",
                "Mrs X asked for Grace to be said.",
            ),
        ],
    );
}

#[test]
fn a_name_that_words_say_is_one_goes_or_is_held() {
    let ids = ids_of(&fixture());
    check(
        &ids,
        &[
            (
                "The carer, whose name was Blessing, left early.",
                "The carer left early.",
            ),
            (
                "She said her name was Faith.",
                "She said her name was [name].",
            ),
            (
                "A carer known as Blessing visited.",
                "A carer known as [name] visited.",
            ),
            (
                "The caller gave her name as Dawn.",
                "The caller gave her name as [name].",
            ),
            ("Her daughter 'Shaz' rang.", "Her daughter '[name]' rang."),
            ("Post was sent c/o Lisa Marsh.", "Post was sent c/o [name]."),
            // Things are known as things.
            (
                "The scheme known as Homefinder closed.",
                "The scheme known as Homefinder closed.",
            ),
        ],
    );
}

#[test]
fn an_abbreviation_before_a_number_ends_no_sentence() {
    let ids = ids_of(&fixture());
    check(
        &ids,
        &[
            ("Her NHS no. is 999 954 2557. She rang.", "She rang."),
            ("Her tel. no. is 07700 900461. She rang.", "She rang."),
        ],
    );
}

#[test]
fn a_listed_name_is_never_someone_else_s() {
    let ids = ids_of(&fixture());
    check(
        &ids,
        &[
            // Ben, a child, is no "Mr": his father is not C.
            ("Ben's father, Mr Little, agreed.", "C's father agreed."),
            ("Mr Little agreed.", "[name] agreed."),
            // Two listed people's names joined: neither's, held.
            (
                "The Pargeter-Little household was told.",
                "The [name] household was told.",
            ),
            ("Mrs Tranter-Wilde wrote.", "Mrs F wrote."),
        ],
    );
}

#[test]
fn ip_addresses_and_identity_documents_go() {
    let ids = ids_of(&fixture());
    check(
        &ids,
        &[
            ("Her IP address is 192.0.2.44. She rang.", "She rang."),
            (
                "The login came from IP 192.0.2.44 on 3 May.",
                "The login came from IP [IP address] on 3 May.",
            ),
            (
                "See paragraph 4.3.2.1 of the policy.",
                "See paragraph 4.3.2.1 of the policy.",
            ),
            ("Her passport number is 123456789. She rang.", "She rang."),
        ],
    );
}

/// A family nobody listed, named by its surname, is the family; a family
/// named by its people or faith is as it was.
#[test]
fn a_family_by_its_surname_is_the_family() {
    let ids = ids_of(&fixture());
    check(
        &ids,
        &[
            ("The Smith family complained.", "The family complained."),
            (
                "She visited the Okafor household on Friday.",
                "She visited the household on Friday.",
            ),
            (
                "The Hendersons next door complained.",
                "The family next door complained.",
            ),
            (
                "She said the Jones family's dog barked.",
                "She said the family's dog barked.",
            ),
            (
                "The Polish family complained.",
                "The Polish family complained.",
            ),
            (
                "A Traveller family lived on the site.",
                "A Traveller family lived on the site.",
            ),
        ],
    );
}

/// A police officer named by rank is a police officer: the rank, their
/// number and their name go ("PC 4521 Davies").
#[test]
fn a_police_officer_named_by_rank_is_a_police_officer() {
    let ids = ids_of(&fixture());
    check(
        &ids,
        &[
            (
                "Police Constable Davies attended.",
                "A police officer attended.",
            ),
            (
                "Mrs Pargeter rang PCSO 7781 Hughes twice.",
                "Mrs X rang a police officer twice.",
            ),
        ],
    );
}

/// A given name that is also a word ("Blessing", "Comfort") is a name
/// where a relation or a family name says so; alone it is the word.
#[test]
fn a_given_name_that_is_a_word_is_a_name_beside_a_relation_or_a_family_name() {
    let ids = ids_of(&fixture());
    check(
        &ids,
        &[
            ("Her carer Blessing was late.", "Her carer was late."),
            ("My carer Comfort said so.", "My carer said so."),
            ("Blessing Okafor rang twice.", "[name] rang twice."),
            ("Peace was restored by May.", "Peace was restored by May."),
            (
                "She counted it a blessing and a comfort.",
                "She counted it a blessing and a comfort.",
            ),
        ],
    );
}
