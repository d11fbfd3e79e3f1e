//! The offices (`templates/office.toml`): each Ombudsman's name, the postal
//! address and public line its letters are headed with, and the office
//! holder who signs for it. Kept out of the code, like `rules.toml`, so
//! that an office sets its own signatories and letterhead without a
//! rebuild; the bundled file uses fictional names.
//!
//! Which office signs which kind of document (by its power) is in
//! `rules.toml` (`[documents]`, `[letters]`); this file says who that is.

use serde::{Deserialize, Serialize};

use super::rules::Signer;

/// The values of `office.toml`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Office {
    /// The Local Government and Social Care Ombudsman.
    pub lgsco: OfficeInfo,
    /// The Parliamentary and Health Service Ombudsman.
    pub phso: OfficeInfo,
    /// The Housing Ombudsman.
    pub hos: OfficeInfo,
}

/// One office.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct OfficeInfo {
    /// Its name: "Local Government and Social Care Ombudsman".
    pub name: String,
    /// Its postal address, line by line, for the letterhead.
    pub address: Vec<String>,
    /// Its public telephone line.
    #[serde(default)]
    pub phone: Option<String>,
    /// Its website.
    #[serde(default)]
    pub website: Option<String>,
    /// The office holder who signs for it.
    pub signatory: Signatory,
}

/// A named office holder.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Signatory {
    /// Their name as they sign: "Amanda Reyes-Whitfield".
    pub name: String,
    /// Their title under it: "Local Government and Social Care Ombudsman".
    pub title: String,
}

impl Office {
    /// Parses `office.toml`, checking that every office has a name, an
    /// address and a named signatory.
    pub fn parse(text: &str) -> Result<Self, String> {
        if text.contains("[signatories]") {
            return Err("[signatories] belongs to the old rules.toml: each office's signatory is now `signatory = { name = \"…\", title = \"…\" }` under its own section here".into());
        }
        let office: Self = toml::from_str(text).map_err(|e| e.to_string())?;
        for (key, o) in [
            ("lgsco", &office.lgsco),
            ("phso", &office.phso),
            ("hos", &office.hos),
        ] {
            if o.name.trim().is_empty() {
                return Err(format!("[{key}] has no `name`"));
            }
            if o.address.iter().all(|l| l.trim().is_empty()) {
                return Err(format!(
                    "[{key}] has no `address`: letters are headed with it"
                ));
            }
            if o.signatory.name.trim().is_empty() || o.signatory.title.trim().is_empty() {
                return Err(format!(
                    "[{key}] signatory needs a `name` and a `title`: documents issued under its powers are signed by a named office holder"
                ));
            }
        }
        Ok(office)
    }

    /// The office a signer stands for (none for the investigator).
    pub fn of(&self, who: Signer) -> Option<&OfficeInfo> {
        match who {
            Signer::Lgsco => Some(&self.lgsco),
            Signer::Phso => Some(&self.phso),
            Signer::Hos => Some(&self.hos),
            Signer::Investigator | Signer::Adjudicator => None,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_bundled_office_file_names_every_signatory() {
        let office = Office::parse(include_str!("../../templates/office.toml")).unwrap();
        assert!(!office.lgsco.signatory.name.is_empty());
        assert_eq!(
            office.phso.signatory.title,
            "Parliamentary and Health Service Ombudsman"
        );
        assert!(!office.hos.address.is_empty());
    }

    #[test]
    fn an_office_without_a_signatory_is_refused() {
        let text = include_str!("../../templates/office.toml").replacen(
            "name = \"",
            "name = \"\" # \"",
            1,
        );
        assert!(Office::parse(&text).is_err());
        let old = "[signatories]\nlgsco = \"x\"\n";
        assert!(Office::parse(old).unwrap_err().contains("signatory"));
    }
}
