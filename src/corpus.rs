//! Synthetic case files for benchmarks: realistic, varied and deterministic
//! from a seed, so a batch of any size can be made without committing it.
//!
//! Cases vary in jurisdiction (LGSCO alone, with the PHSO, with the Housing
//! Ombudsman), in the bodies and people involved, in length, and in what
//! happened after the decision (a tenth of the bodies refuse a
//! recommendation, which brings reports, notices and their letters). Every
//! name, address and number is invented: phone numbers are in Ofcom's drama
//! ranges and emails at example domains.

use std::fmt::Write;
use std::path::{Path, PathBuf};

use fastrand::Rng;

const GIVEN: [&str; 32] = [
    "Joy",
    "Mark",
    "Hope",
    "Rose",
    "Grace",
    "Frank",
    "Deborah",
    "Margaret",
    "Colin",
    "Sunita",
    "William",
    "Pauline",
    "Faith",
    "Liam",
    "Destiny",
    "Amber",
    "Tomasz",
    "Halina",
    "Chantelle",
    "Riley",
    "Dean",
    "Imran",
    "Nadia",
    "Gary",
    "Kerry",
    "Bev",
    "Alan",
    "Priya",
    "Zoë",
    "Łukasz",
    "Siobhán",
    "Ade",
];
const FAMILY: [&str; 28] = [
    "O'Neill",
    "Tranter-Wilde",
    "Baker",
    "Okonkwo",
    "Raman-Hughes",
    "Church",
    "Wiśniewska",
    "Fairweather",
    "Rooke",
    "Adeyemi-Clarke",
    "Khoury",
    "Stott",
    "Fitch",
    "Pemberton",
    "Reyes",
    "Qureshi",
    "Holloway",
    "Cobb",
    "Grant-Evans",
    "Marsh",
    "Pryce-Jones",
    "Ellison",
    "Achterberg",
    "Delacroix",
    "Nakamura",
    "Brennan",
    "Osei",
    "Lindqvist",
];
const TOWNS: [&str; 10] = [
    "Calderbrook",
    "Westley",
    "Northmere",
    "Marlowe Vale",
    "Kestrel Bay",
    "Tolbury",
    "Oakfield Hythe",
    "Brackenmoor",
    "Fenwick",
    "Harbourside",
];
/// Website categories (docs/domain.md §6), by the first body's kind of case.
const CATEGORIES: [&str; 12] = [
    "Adult care services > Assessment and care plan",
    "Adult care services > Charging",
    "Adult care services > Domiciliary care",
    "Adult care services > Residential care",
    "Adult care services > Safeguarding",
    "Adult care services > Direct payments",
    "Children's care services > Disabled children",
    "Education > Special educational needs",
    "Housing > Allocations",
    "Housing > Homelessness",
    "Health > Care and treatment",
    "Environment and regulation > Antisocial behaviour",
];
const STREETS: [&str; 10] = [
    "Kingfisher Rise",
    "Sorrel Street",
    "Larch Way",
    "Chapel Hill",
    "Brambling Close",
    "Oystercatcher Drive",
    "Aspen Road",
    "Paxton Road",
    "Saltings Way",
    "Quay Road",
];
const POINTS: [&str; 10] = [
    "did not assess her needs before she left hospital;",
    "arranged fewer care calls than her assessment said she needed;",
    "did not reply to her letters and emails for several months;",
    "charged for care that was never delivered;",
    "closed the safeguarding enquiry without speaking to the family;",
    "did not co-ordinate its complaint response with the other organisation;",
    "delayed the review of the care plan by five months;",
    "lost the direct payments paperwork twice;",
    "did not act on the reports of antisocial behaviour;",
    "did not carry out the agreed monitoring;",
];
const LAW: [(&str, &str); 5] = [
    (
        "Care Act 2014",
        "A council must assess anyone who appears to need care and support, and must meet the eligible needs it identifies (sections 9 and 18).",
    ),
    (
        "Mental Health Act 1983",
        "Section 117 places a joint duty on councils and integrated care boards to provide aftercare free of charge.",
    ),
    (
        "Local Authority Social Services and National Health Service Complaints (England) Regulations 2009",
        "Organisations must co-operate to give a co-ordinated response to complaints about more than one of them (regulation 9).",
    ),
    (
        "Care and Support Statutory Guidance",
        "Councils should review care and support plans at least every twelve months (paragraph 13.32).",
    ),
    (
        "Anti-social Behaviour, Crime and Policing Act 2014",
        "A case review must be held when the threshold set locally is met (section 104).",
    ),
];
const EVENTS: [&str; 8] = [
    "NAME contacted the organisation on DATE to ask for help.",
    "The social worker visited NAME at home on DATE and recorded that more support was needed.",
    "On DATE, NAME's family wrote to say that the care calls were missed again.",
    "The organisation replied on DATE, apologising for the delay but offering no remedy.",
    "NAME was admitted to hospital on DATE after a fall at home.",
    "A review meeting took place on DATE; NAME was not invited.",
    "NAME complained formally on DATE, setting out each concern in detail.",
    "The final response of DATE did not address the points NAME had raised.",
];

/// Writes `count` generated case files into `dir`; returns their paths.
pub fn write(dir: &Path, seed: u64, count: usize) -> std::io::Result<Vec<PathBuf>> {
    std::fs::create_dir_all(dir)?;
    (0..count)
        .map(|i| {
            let path = dir.join(format!("case-{i:06}.toml"));
            std::fs::write(&path, case(seed, i))?;
            Ok(path)
        })
        .collect()
}

struct Person {
    id: String,
    given: String,
    family: String,
    title: &'static str,
}

impl Person {
    fn full(&self) -> String {
        format!("{} {}", self.given, self.family)
    }

    fn titled(&self) -> String {
        format!("{} {}", self.title, self.family)
    }
}

/// The TOML text of case number `index` of the corpus seeded by `seed`.
pub fn case(seed: u64, index: usize) -> String {
    let mut rng = Rng::with_seed(seed.wrapping_mul(0x9E37_79B9_7F4A_7C15) ^ index as u64);
    let year = 20 + rng.u32(0..6);
    let reference = format!("{year:02} {:03} {:03}", (index / 1000) % 1000, index % 1000);
    let jurisdiction = match rng.u32(0..20) {
        0..=9 => "lgsco",
        10..=16 => "lgsco_phso",
        _ => "lgsco_hos",
    };
    let town = TOWNS[rng.usize(..TOWNS.len())];
    let decision = format!(
        "20{:02}-{:02}-{:02}",
        year + 1,
        rng.u32(1..13),
        rng.u32(1..29)
    );
    let mut bodies = vec![(
        "council",
        format!("{town} Borough Council"),
        "the Council",
        "council",
    )];
    match jurisdiction {
        "lgsco_phso" => bodies.push((
            "trust",
            format!("{town} Hospitals NHS Foundation Trust"),
            "the Trust",
            "health_body",
        )),
        "lgsco_hos" => bodies.push((
            "landlord",
            format!("{town} Homes Group"),
            "the landlord",
            "housing_landlord",
        )),
        _ if rng.bool() => bodies.push((
            "provider",
            format!("{town} Care Homes Ltd"),
            "the Provider",
            "care_provider",
        )),
        _ => {}
    }
    let category = match jurisdiction {
        "lgsco_phso" => CATEGORIES[[0, 2, 4, 10][rng.usize(..4)]],
        "lgsco_hos" => CATEGORIES[[8, 9, 11][rng.usize(..3)]],
        _ => CATEGORIES[rng.usize(..10)],
    };
    // A second body is found not at fault in a fifth of the cases that
    // have one (never a landlord, whose determination is its own).
    let cleared: Option<&str> = bodies
        .get(1)
        .filter(|b| b.3 != "housing_landlord" && rng.u32(0..5) == 0)
        .map(|b| b.0);
    let people = people(&mut rng);
    let complainant = &people[0];
    let mut t = String::new();
    let _ = writeln!(
        t,
        "# Generated by `redress bench` (seed {seed}, case {index}): fictional.\n"
    );
    let _ = writeln!(
        t,
        "[case]\nreference = \"{reference}\"\njurisdiction = \"{jurisdiction}\"\ndecision_date = {decision}\ncategory = \"{category}\""
    );
    let hos = format!("20{year:02}{:05}", index % 100_000);
    let _ = writeln!(
        t,
        "investigator = {{ name = \"Aisha Thorne\", phone = \"0300 061 0614\" }}"
    );
    if jurisdiction == "lgsco_hos" {
        let _ = writeln!(t, "hos_reference = \"{hos}\"");
        let _ = writeln!(t, "adjudicator = {{ name = \"Nia Holroyd\" }}");
    }
    let names: Vec<String> = bodies
        .iter()
        .filter(|b| Some(b.0) != cleared)
        .map(|(_, n, s, _)| format!("{n} ({s})"))
        .collect();
    let cleared_sentence = bodies
        .iter()
        .find(|b| Some(b.0) == cleared)
        .map(|(_, n, s, _)| format!(" We did not find fault by {n} ({s})."))
        .unwrap_or_default();
    let _ = writeln!(
        t,
        "summary = \"\"\"\nWe have upheld {}'s complaint about {}. We found fault which caused injustice, and we set out at the end of this statement the action agreed to remedy it.{cleared_sentence}\"\"\"\n",
        complainant.titled(),
        names.join(" and ")
    );
    person_tables(&mut t, &mut rng, &people, town);
    let refused: Vec<String> = body_tables(&mut t, &mut rng, &bodies, &reference, &hos)
        .into_iter()
        .filter(|id| Some(id.as_str()) != cleared)
        .collect();
    complaint(&mut t, &mut rng, &bodies, &people);
    investigation(&mut t, &mut rng, &people, &decision);
    for (id, _, short, kind) in &bodies {
        if Some(*id) == cleared {
            let _ = writeln!(
                t,
                "[[findings]]\nbody = \"{id}\"\nfault = false\ninjustice = false\ntext = \"\"\"\n{} acted in line with the law and its own procedures, and kept {} informed. There was no fault by {short}.\"\"\"\n",
                capital(short),
                complainant.titled(),
            );
            continue;
        }
        let determination = if *kind == "housing_landlord" {
            let term = [
                "maladministration",
                "service_failure",
                "severe_maladministration",
            ][rng.usize(..3)];
            format!("determination = \"{term}\"\n")
        } else {
            String::new()
        };
        let _ = writeln!(
            t,
            "[[findings]]\nbody = \"{id}\"\nfault = true\ninjustice = true\n{determination}text = \"\"\"\n{short_cap} did not do what the law and its own procedures required. It had the information it needed to act, and its records do not show that it considered the guidance or explained why it departed from it. That was fault.\n\n{short_cap} also took too long to respond to the complaint, and its response did not answer the points {who} had raised. That was fault.\n\nThese faults caused {who} distress and uncertainty about what would have happened otherwise, and time and trouble in pursuing the complaint.\"\"\"\n",
            short_cap = capital(short),
            who = complainant.titled(),
        );
    }
    let remedied: Vec<(&str, String, &str, &str)> = bodies
        .iter()
        .filter(|b| Some(b.0) != cleared)
        .cloned()
        .collect();
    recommendations(&mut t, &mut rng, &remedied, &people, &refused);
    match cleared {
        Some(id) => {
            let _ = writeln!(
                t,
                "[outcome]\ndecision = \"upheld\"\nper_body = {{ {id} = \"not_upheld\" }}\n"
            );
        }
        None => {
            let _ = writeln!(t, "[outcome]\ndecision = \"upheld\"\n");
        }
    }
    // A few decisions are not published, at the person's request.
    if rng.u32(0..30) == 0 {
        let _ = writeln!(
            t,
            "[publication]\npublish = false\nexception = \"request\"\n"
        );
    }
    escalation(&mut t, &bodies, &refused, &decision);
    t
}

fn people(rng: &mut Rng) -> Vec<Person> {
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

fn person_tables(t: &mut String, rng: &mut Rng, people: &[Person], town: &str) {
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

/// Writes the bodies; returns the ids of those that will refuse.
fn body_tables(
    t: &mut String,
    rng: &mut Rng,
    bodies: &[(&str, String, &str, &str)],
    reference: &str,
    hos: &str,
) -> Vec<String> {
    let mut refused = Vec::new();
    for (i, (id, name, short, kind)) in bodies.iter().enumerate() {
        // A landlord's record is the Housing Ombudsman's, under its reference.
        let reference = if *kind == "housing_landlord" {
            hos.to_string()
        } else if i == 0 {
            reference.to_string()
        } else {
            format!("{reference}{}", (b'a' + i as u8 - 1) as char)
        };
        let _ = writeln!(
            t,
            "[[bodies]]\nid = \"{id}\"\nname = \"{name}\"\nshort_name = \"{short}\"\nkind = \"{kind}\"\nreference = \"{reference}\"\naddressee = {{ name = \"Ms Robin Ashworth\", position = \"Chief Executive\" }}\n"
        );
        if *kind != "housing_landlord" && rng.u32(0..10) == 0 {
            refused.push((*id).to_string());
        }
    }
    refused
}

fn complaint(
    t: &mut String,
    rng: &mut Rng,
    bodies: &[(&str, String, &str, &str)],
    people: &[Person],
) {
    let _ = writeln!(t, "[complaint]\npoints = [");
    for (id, ..) in bodies {
        for _ in 0..2 + rng.usize(0..3) {
            let _ = writeln!(
                t,
                "  {{ body = \"{id}\", text = \"{}\" }},",
                POINTS[rng.usize(..POINTS.len())]
            );
        }
    }
    let _ = writeln!(
        t,
        "]\ninjustice = \"{} says the faults caused distress to {}, and that she spent months chasing answers.\"\n",
        people[0].titled(),
        people[1].given
    );
}

fn investigation(t: &mut String, rng: &mut Rng, people: &[Person], decision: &str) {
    let year: u32 = decision[..4].parse().unwrap_or(2024) - 1;
    let mut happened = String::new();
    for n in 0..8 + rng.usize(0..12) {
        let person = &people[rng.usize(..people.len())];
        let name = match n % 3 {
            0 => person.full(),
            1 => person.titled(),
            _ => format!("{}'s", person.titled()).replace("'s's", "'s"),
        };
        let date = format!(
            "{} {} {year}",
            rng.u32(1..29),
            crate::case::MONTHS[rng.usize(..12)]
        );
        for _ in 0..2 + rng.usize(0..3) {
            let sentence = EVENTS[rng.usize(..EVENTS.len())]
                .replace("NAME", &name)
                .replace("DATE", &date);
            let _ = write!(happened, "{sentence} ");
        }
        if rng.u32(0..3) == 0 {
            let _ = write!(
                happened,
                "{} could be reached on 07700 900{:03}. ",
                person.given,
                rng.u32(0..1000)
            );
        }
        happened.push_str("\n\n");
    }
    let _ = writeln!(
        t,
        "[investigation]\nscope = \"I have investigated the events from {year} to the complaint responses.\"\nconsidered = \"I considered the complaint, the documents {} provided and the organisations' responses to my enquiries.\"\nwhat_happened = \"\"\"\n{}\"\"\"\n",
        people[0].titled(),
        happened.trim_end()
    );
    for _ in 0..1 + rng.usize(0..3) {
        let (title, text) = LAW[rng.usize(..LAW.len())];
        let _ = writeln!(t, "[[law]]\ntitle = \"{title}\"\ntext = \"{text}\"\n");
    }
}

fn recommendations(
    t: &mut String,
    rng: &mut Rng,
    bodies: &[(&str, String, &str, &str)],
    people: &[Person],
    refused: &[String],
) {
    for (id, _, _, kind) in bodies {
        let status = if refused.iter().any(|r| r == id) {
            "refused"
        } else {
            "complied"
        };
        let order = if *kind == "housing_landlord" {
            "instrument = \"order\"\n"
        } else {
            ""
        };
        let amount = 100 * (1 + rng.u32(0..10));
        let _ = writeln!(
            t,
            "[[recommendations]]\nbody = \"{id}\"\nkind = \"apology\"\ntext = \"apologise to {} for the faults identified\"\ndeadline = \"1 month\"\n{order}status = \"{status}\"\n",
            people[0].titled()
        );
        let _ = writeln!(
            t,
            "[[recommendations]]\nbody = \"{id}\"\nkind = \"payment\"\ntext = \"pay {} £{amount} to acknowledge the distress caused\"\namount = {amount}\nbeneficiary = \"p1\"\ndeadline = \"1 month\"\n{order}status = \"{status}\"\n",
            people[0].titled()
        );
        if rng.bool() {
            let _ = writeln!(
                t,
                "[[recommendations]]\nbody = \"{id}\"\nkind = \"review_policy\"\ntext = \"review its procedures and share the outcome with us\"\ndeadline = \"3 months\"\nstatus = \"{status}\"\n"
            );
        }
    }
}

fn escalation(
    t: &mut String,
    bodies: &[(&str, String, &str, &str)],
    refused: &[String],
    decision: &str,
) {
    let year: i32 = decision[..4].parse().unwrap_or(2024) + 1;
    for id in refused {
        let kind = bodies.iter().find(|b| b.0 == id).map_or("", |b| b.3);
        match kind {
            "health_body" => {
                let _ = writeln!(
                    t,
                    "[escalation.parliament]\nhc_number = \"HC {}\"\nsession = \"{}–{}\"\nordered_printed = {year}-06-01\n",
                    100 + year,
                    year,
                    (year + 1) % 100
                );
            }
            "care_provider" => {
                let _ = writeln!(
                    t,
                    "[escalation.notice]\nplaces = [\"the home page of its website\", \"its reception area\"]\nperiod = \"6 months\"\nby = {year}-03-01\n"
                );
            }
            _ => {}
        }
    }
    // Each escalation document is planned from the event that issues it.
    for id in refused {
        let kind = bodies.iter().find(|b| b.0 == id).map_or("", |b| b.3);
        let event = match kind {
            "council" => "report",
            "health_body" => "joint_report",
            "care_provider" => "notice_required",
            _ => continue,
        };
        let _ = writeln!(
            t,
            "[[escalation.events]]\ndate = {year}-01-15\nkind = \"{event}\"\nbody = \"{id}\"\ntext = \"We issued it.\"\n"
        );
    }
}

fn capital(s: &str) -> String {
    let mut chars = s.chars();
    chars
        .next()
        .map(|c| c.to_uppercase().chain(chars).collect())
        .unwrap_or_default()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::case::{Coverage, load_str};

    #[test]
    fn generated_cases_are_valid_varied_and_repeatable() {
        assert_eq!(case(7, 3), case(7, 3));
        assert_ne!(case(7, 3), case(7, 4));
        let mut kinds = std::collections::BTreeSet::new();
        let (mut cleared, mut withheld) = (0, 0);
        let mut categories = std::collections::BTreeSet::new();
        for i in 0..60 {
            let text = case(1, i);
            cleared += usize::from(text.contains("= \"not_upheld\""));
            withheld += usize::from(text.contains("publish = false"));
            let loaded = load_str("corpus.toml", &text, &Coverage::all());
            let errors: Vec<_> = loaded
                .diagnostics
                .iter()
                .filter(|d| d.is_error())
                .map(|d| (d.code, d.message.clone(), d.path.clone()))
                .collect();
            assert!(errors.is_empty(), "case {i}: {errors:?}\n{text}");
            categories.extend(loaded.case.as_ref().and_then(|c| c.case.category.clone()));
            kinds.extend(
                crate::plan::plan(&loaded.case.unwrap())
                    .into_iter()
                    .map(|d| format!("{:?}", d.kind)),
            );
        }
        assert!(kinds.len() >= 5, "{kinds:?}");
        assert!(
            cleared > 0 && withheld > 0,
            "{cleared} cleared, {withheld} withheld"
        );
        assert!(categories.len() >= 6, "{categories:?}");
    }
}
