//! The tables of a generated case after its people: the bodies (and which
//! of them will refuse a recommendation), the complaint, the investigation
//! and the law, the recommendations, and the escalation that follows a
//! refusal.

use std::fmt::Write;

use fastrand::Rng;

use super::people::Person;
use super::words::{EVENTS, LAW, POINTS};

/// Writes the bodies; returns the ids of those that will refuse.
pub(super) fn body_tables(
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

pub(super) fn complaint(
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

pub(super) fn investigation(t: &mut String, rng: &mut Rng, people: &[Person], decision: &str) {
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

pub(super) fn recommendations(
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

pub(super) fn escalation(
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
