//! The people of a generated case: their invented names, and their
//! `[[people]]` tables (addresses, phone numbers in Ofcom's drama ranges,
//! emails at example domains, a label letter apart from their initials).

use std::fmt::Write;

use fastrand::Rng;

use super::words::{FAMILY, GIVEN, STREETS};

/// A complainant, person affected or relative, with an invented name.
pub(super) struct Person {
    id: String,
    pub(super) given: String,
    family: String,
    title: &'static str,
}

impl Person {
    pub(super) fn full(&self) -> String {
        format!("{} {}", self.given, self.family)
    }

    pub(super) fn titled(&self) -> String {
        format!("{} {}", self.title, self.family)
    }
}

pub(super) fn people(rng: &mut Rng) -> Vec<Person> {
    let count = 2 + rng.usize(0..3);
    let mut out: Vec<Person> = Vec::new();
    while out.len() < count {
        let given = GIVEN[rng.usize(..GIVEN.len())].to_string();
        let family = FAMILY[rng.usize(..FAMILY.len())].to_string();
        if out.iter().any(|p| p.family == family || p.given == given) {
            continue;
        }
        let title = ["Mrs", "Mr", "Ms", "Miss"][rng.usize(..4)];
        out.push(Person {
            id: format!("p{}", out.len() + 1),
            given,
            family,
            title,
        });
    }
    out
}

pub(super) fn person_tables(t: &mut String, rng: &mut Rng, people: &[Person], town: &str) {
    let mut used: Vec<char> = Vec::new();
    for (i, p) in people.iter().enumerate() {
        let role = match i {
            0 => "complainant",
            1 => "person_affected",
            _ => "relative",
        };
        // Every part of the name counts: "Adeyemi-Clarke" has a C too.
        let initials: Vec<char> = p
            .full()
            .split([' ', '-'])
            .filter_map(|part| part.chars().next())
            .collect();
        let letter = "XYZBCDEFGH"
            .chars()
            .find(|l| !used.contains(l) && !initials.contains(l))
            .expect("ten letters for at most four people");
        used.push(letter);
        let street = STREETS[rng.usize(..STREETS.len())];
        let email_name = deunicode::deunicode(&p.given).to_lowercase();
        let _ = writeln!(
            t,
            "[[people]]\nid = \"{}\"\nname = \"{}\"\ntitle = \"{}\"\nrole = \"{role}\"\nlabel = \"{} {}\"\naddresses = [\"{} {street}, {town}, NE{} {}AB\"]\nphones = [\"07700 900{:03}\"]\nemails = [\"{email_name}.{}@example.com\"]\nborn = {}-{:02}-{:02}\n",
            p.id,
            p.full(),
            p.title,
            p.title,
            letter,
            rng.u32(1..200),
            rng.u32(1..10),
            rng.u32(1..10),
            rng.u32(0..1000),
            rng.u32(1..99),
            1930 + rng.u32(0..60),
            rng.u32(1..13),
            rng.u32(1..29),
        );
    }
    let _ = writeln!(
        t,
        "[[people]]\nid = \"officer\"\nname = \"Alex Morgan-Reid\"\nrole = \"officer\"\njob_role = \"the social worker\"\nbody = \"council\"\nphones = [\"0113 496 0{:03}\"]\n",
        rng.u32(0..1000)
    );
}
