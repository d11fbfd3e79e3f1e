//! The placeholders the anonymiser prints, "[phone number]", "[name]": the
//! blanks an office never publishes, which hold a publication copy back.

use super::Category;

/// Whether a replacement is a placeholder: a blank in brackets, "[name]".
pub fn is_placeholder(text: &str) -> bool {
    text.len() > 2 && text.starts_with('[') && text.ends_with(']')
}

/// Every placeholder the anonymiser prints.
pub fn placeholders() -> Vec<&'static str> {
    // A category added to `Category` must be listed here too: the match
    // fails to compile until it is.
    let listed = |c: Category| match c {
        Category::Name
        | Category::AmbiguousName
        | Category::Address
        | Category::Postcode
        | Category::Phone
        | Category::Email
        | Category::NhsNumber
        | Category::NiNumber
        | Category::DateOfBirth
        | Category::DateOfDeath
        | Category::Generalised
        | Category::Vehicle
        | Category::BankDetails
        | Category::OnlineId
        | Category::RecordNumber => c.placeholder(),
    };
    let mut out: Vec<&'static str> = [
        Category::Name,
        Category::AmbiguousName,
        Category::Address,
        Category::Postcode,
        Category::Phone,
        Category::Email,
        Category::NhsNumber,
        Category::NiNumber,
        Category::DateOfBirth,
        Category::DateOfDeath,
        Category::Generalised,
        Category::Vehicle,
        Category::BankDetails,
        Category::OnlineId,
        Category::RecordNumber,
    ]
    .into_iter()
    .map(listed)
    .collect();
    out.sort_unstable();
    out.dedup();
    out
}
