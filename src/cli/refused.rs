//! A refused document explained on the terminal: for each identifier
//! found, where it is, the published words around it (masked), whose it is
//! and where the case file says so, and what to change.

use crate::case::Loaded;
use crate::pipeline::{CaseError, PlacedLeak};
use crate::verify::Reader;

/// The lines that follow a case's FAILED line when verification refused a
/// document, or nothing for other errors.
pub(super) fn explain(error: &CaseError, loaded: Option<&Loaded>) -> Option<String> {
    let CaseError::NotClean { refused, .. } = error else {
        return None;
    };
    let mut out = String::new();
    for r in refused {
        out.push_str(&describe(r, loaded));
    }
    (!out.is_empty()).then_some(out)
}

fn describe(r: &PlacedLeak, loaded: Option<&Loaded>) -> String {
    let on = if matches!(r.place, crate::verify::Place::Page(_)) {
        "on"
    } else {
        "in"
    };
    let mut out = format!("  = {} {on} {}", r.kind.describe(), r.place);
    if let Some(n) = r.paragraph {
        out.push_str(&format!(", paragraph {n}"));
    }
    if r.times > 1 {
        out.push_str(&format!(", {} times", r.times));
    }
    out.push_str(match (r.both, r.found_by) {
        (true, _) => " (found by the verifier and the anonymiser's check)\n",
        (false, Reader::Verifier) => " (found by the verifier)\n",
        (false, Reader::Anonymiser) => " (found by the anonymiser's check)\n",
    });
    if let Some(words) = &r.words {
        out.push_str(&format!("      {words}\n"));
    }
    if let Some(field) = &r.field {
        let whose = match &r.label {
            Some(label) => format!("{field}, called {label}"),
            None => field.clone(),
        };
        // A person as a whole is pointed at by their name.
        let shown = if field.ends_with(']') {
            format!("{field}.name")
        } else {
            field.clone()
        };
        out.push_str(&format!(
            "    it is {whose}{}\n",
            at(loaded, loaded.and_then(|l| l.locate_field(&shown)))
        ));
    }
    if let Some((prose, range)) = &r.source {
        let place = loaded.and_then(|l| {
            l.locate_in_field(prose, range.start, range.end)
                .or_else(|| l.locate_field(prose))
        });
        out.push_str(&format!(
            "    printed from `{prose}`{}\n",
            at(loaded, place)
        ));
    }
    out.push_str(&format!("    fix: {}\n", r.fix()));
    out
}

/// ", at samples/s01.toml:42:7" for a byte range of the loaded file.
fn at(loaded: Option<&Loaded>, range: Option<std::ops::Range<usize>>) -> String {
    match (loaded, range) {
        (Some(l), Some(range)) => {
            let (line, column) = l.file.line_col(range.start);
            format!(
                ", at {}:{line}:{column}",
                crate::diag::display_path(&l.file.path)
            )
        }
        _ => String::new(),
    }
}
