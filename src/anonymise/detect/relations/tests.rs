//! The names a word for a person introduces, and those set off before
//! someone's relation.

use super::*;

use crate::anonymise::detect::found_by;

fn before_relation_in(text: &str) -> Vec<&str> {
    found_by(before_relation, text)
}

fn introduced_in(text: &str) -> Vec<&str> {
    found_by(introduced, text)
}

#[test]
fn a_name_set_off_before_someones_relation() {
    for (text, name) in [
        ("Tom, her son, visited.", "Tom"),
        ("She lived with Sheila, her mother.", "Sheila"),
        ("and Rhys, his stepson, came.", "Rhys"),
        ("Then Tom, her son, and Amy came.", "Tom"),
        ("With Grace, her daughter, she went.", "Grace"),
        (
            "Chloë Harrowgate, her neighbour, found her.",
            "Chloë Harrowgate",
        ),
        ("Grace Hope, her carer; rang", "Grace Hope"),
        ("and Darren, her son-in-law and carer, rang", "Darren"),
        ("Kayden, Mr Rooke's cousin, stayed.", "Kayden"),
        ("Gary, her eldest son, wrote.", "Gary"),
        ("Tom, Mrs X\u{2019}s son, visited.", "Tom"),
    ] {
        assert_eq!(before_relation_in(text), [name], "{text}");
    }
    for text in [
        "Yesterday, her son visited.",
        "However, her son, who lives nearby, visited.",
        "In Leeds, her son, who lives nearby, visited.",
        "At Christmas, her son visited.",
        "On Monday, her son, Mr Y, visited.",
        "In April, her son.",
        "In Chester, her son, who lives nearby, visited.",
        "Social Services, her son said.",
        "Mr Tom Smith, her son, visited.",
        "Mencap, her advocate, wrote.",
        "The GP, her son, said.",
        "Tom, her son lives nearby.",
        "Tom, Mr Rooke visited.",
        "Tom, the son, visited.",
    ] {
        assert!(
            before_relation_in(text).is_empty(),
            "{text}: {:?}",
            before_relation_in(text)
        );
    }
}

#[test]
fn introduced_names() {
    let text = "A neighbour, Chloë Harrowgate, found her. Her carer Bright Star Homecare came. Her son Mr Y. His neighbour, Dawn Rose, rang. Her friend Grace Hope helped. Her friend, Church Lane, is near.";
    let found = introduced_in(text);
    // Words that are also names count as a name set off by commas or
    // after someone's relation with a given name first.
    assert_eq!(found, ["Chloë Harrowgate", "Dawn Rose", "Grace Hope"]);
    let text = "Her friend, Tabitha, visited. A friend called Tabitha came. Her son, Rory, and her advocate, Mencap, wrote. Her friend, Grace, came. Her friend Tabitha rang. She used an app called Brightsky. Her partner, Dele, helped.";
    let found = introduced_in(text);
    // One name word: set off by commas or after "called", word or not;
    // straight after someone's friend if it is no word or a given name.
    assert_eq!(
        found,
        ["Tabitha", "Tabitha", "Rory", "Grace", "Tabitha", "Dele"]
    );
}

#[test]
fn a_given_name_after_someones_kin_is_a_name_word_or_not() {
    for (text, name) in [
        ("Mrs X's son, Tom, lives nearby.", "Tom"),
        ("Mrs X\u{2019}s son Tom lives nearby.", "Tom"),
        ("Her husband, John, had died.", "John"),
        ("Her daughter Grace visited.", "Grace"),
        ("His brother Mark rang the Council.", "Mark"),
        ("Her son Will wrote twice.", "Will"),
        ("She told her daughter Amy.", "Amy"),
        ("Her granddaughter Faith's school rang.", "Faith"),
        ("Her son-in-law Darren moved in.", "Darren"),
        ("His ex-wife, Joy, complained.", "Joy"),
        ("Her mum, Sheila, came.", "Sheila"),
        ("Her ex, Darren, called.", "Darren"),
        ("(her stepson Rhys) agreed", "Rhys"),
        ("Her daughter, June, visited.", "June"),
        ("Her husband Frank Baker was her carer.", "Frank Baker"),
        ("Her partner Dele helped.", "Dele"),
        ("Her carer Bronwen came late.", "Bronwen"),
        ("Her carer Pat came late.", "Pat"),
        ("Her friend Grace Hope helped.", "Grace Hope"),
        ("Her son (Tom) rang twice.", "Tom"),
        ("Her youngest daughter Lucy attended.", "Lucy"),
        ("His late wife Mary had dementia.", "Mary"),
        ("Her nephew, Callum (aged 19), visited.", "Callum"),
        ("Her social worker, Jo, was on leave.", "Jo"),
        ("a friend called Grace", "Grace"),
        // A comma before the name and the clause's end after it.
        ("We contacted her husband, Gareth.", "Gareth"),
        (
            "She lives with her husband, Gareth and their dog.",
            "Gareth",
        ),
        ("A carer named Precious visited.", "Precious"),
        // Workers by their trade.
        ("Her physio Rachel visited.", "Rachel"),
        ("The warden Obi refused.", "Obi"),
        ("Her lodger Tomasz paid rent.", "Tomasz"),
    ] {
        assert_eq!(introduced_in(text), [name], "{text}");
    }
    let pair = "with her son Mark and daughter Amy, and his son-in-law Rhys or niece Bea.";
    assert_eq!(introduced_in(pair), ["Mark", "Amy", "Rhys", "Bea"]);
    let pair = "Ms Y's sons, Jack and Harry, visited. Her children, Ellie and Sam, played.";
    assert_eq!(introduced_in(pair), ["Jack", "Harry", "Ellie", "Sam"]);
    let pair = "Her son Tom and the Council agreed. Her son Tom and Social Services met.";
    assert_eq!(introduced_in(pair), ["Tom", "Tom"]);
    assert_eq!(
        introduced_in("with a son Mark and daughter Amy"),
        [] as [&str; 0]
    );
    for text in [
        // Not someone's, or not straight after the relation word.
        "The son Tom said.",
        "Son Tom said.",
        "She and her son. Tom said.",
        // Someone's relation with a word after it that is no given name.
        "Our partner Agencies met.",
        "The school did not teach her son English or Maths.",
        "The Council did not offer her son Speech and Language Therapy.",
        "It refused her daughter Physiotherapy.",
        "Her son Year 9 teacher rang.",
        "Her mother Ward 5 nurse rang.",
        "Her son (Year 9) rang.",
        "The Manager (Assistant Ombudsman) wrote.",
        "The officer, Complaints Team, wrote.",
        "Her social worker, Service Manager, wrote.",
        // Titles, labels, acronyms, weekdays, months, feasts, places and
        // organisations.
        "Her son Mr Y said.",
        "Her son Y said.",
        "Her daughter Mrs Z said.",
        "Her son GP records were lost.",
        "She told her son NHS staff would call.",
        "She saw her son Monday and Tuesday.",
        "She saw her son June 2024.",
        "She spent with her son Christmas morning.",
        "Her son Council tenancy ended.",
        "Her mother Hospital stay was long.",
        "She told her daughter Social Services would call.",
    ] {
        assert!(
            introduced_in(text).is_empty(),
            "{text}: {:?}",
            introduced_in(text)
        );
    }
}
