//! The words the two formats of a document share: `templates/words.j2`,
//! loaded into the Typst environment of the PDFs and into the HTML
//! environment of the web pages ([`crate::publish::html`]), so that a
//! published page says what its PDF says in the same words. Each
//! environment escapes the values the shared macros print in its own way.
//!
//! With it go the functions and filters the shared macros use, added to
//! both environments by [`add_functions`]: `cite(…)` and `cite_of(…)`
//! print citations from the table of the rules the document was built
//! with (its context's `rules`, from `rules.toml`), and `words` writes a
//! period out ("three").

use minijinja::value::{Rest, Value};
use minijinja::{Environment, Error, ErrorKind, State};

use super::rules::{self, Citation};

/// The shared words: its file name and the bundled text.
pub const WORDS: (&str, &str) = ("words.j2", include_str!("../../templates/words.j2"));

/// Adds `cite`, `cite_of` and `words` to an environment.
pub fn add_functions(env: &mut Environment<'_>) {
    env.add_function("cite", |state: &State, args: Rest<Value>| {
        let table = citations(state)?;
        let keys = keys(&args)?;
        let list = keys
            .iter()
            .map(|k| citation(&table, k))
            .collect::<Result<Vec<_>, _>>()
            .map_err(invalid)?;
        let refs: Vec<&Citation> = list.iter().collect();
        let keys: Vec<&str> = keys.iter().map(String::as_str).collect();
        let shown = rules::verified(&refs, &keys).map_err(invalid)?;
        rules::cite_all(&shown).map_err(invalid)
    });
    // " (Act, section …)" after a sentence, or nothing while every key is
    // unverified in rules.toml.
    env.add_function("cited", |state: &State, args: Rest<Value>| {
        let table = citations(state)?;
        let keys = keys(&args)?;
        let list = keys
            .iter()
            .map(|k| citation(&table, k))
            .collect::<Result<Vec<_>, _>>()
            .map_err(invalid)?;
        Ok(rules::bracketed(&list.iter().collect::<Vec<_>>()))
    });
    env.add_function("cite_of", |state: &State, key: String| {
        let table = citations(state)?;
        let c = citation(&table, &key).map_err(invalid)?;
        rules::verified(&[&c], &[key.as_str()]).map_err(invalid)?;
        Ok(rules::formula(&c))
    });
    // 3 → "three": periods are written out in words, as the offices do.
    env.add_filter("words", |n: u32| {
        crate::case::number_name(n).map_or_else(|| n.to_string(), str::to_string)
    });
}

/// `cite("lga_fault")`, `cite("hsca_remit", "lga_fault")`, or with a list:
/// `cite(doc.remit_keys, "lga_fault")`.
fn keys(args: &[Value]) -> Result<Vec<String>, Error> {
    let mut keys = Vec::new();
    for arg in args {
        if let Some(s) = arg.as_str() {
            keys.push(s.to_string());
        } else if let Ok(items) = arg.try_iter() {
            keys.extend(items.filter_map(|v| v.as_str().map(str::to_string)));
        } else {
            return Err(invalid(format!("cite() takes citation keys, not {arg}")));
        }
    }
    Ok(keys)
}

/// The citation table of the document being rendered.
fn citations(state: &State) -> Result<Value, Error> {
    state
        .lookup("rules")
        .and_then(|r| r.get_attr("citations").ok())
        .filter(|c| !c.is_undefined() && !c.is_none())
        .ok_or_else(|| {
            invalid("cite() needs the rules of the document (`rules` in its context)".to_string())
        })
}

/// One entry of the table, as `rules.toml` gave it.
fn citation(table: &Value, key: &str) -> Result<Citation, String> {
    let entry = table
        .get_item(&Value::from(key))
        .ok()
        .filter(|v| !v.is_undefined() && !v.is_none())
        .ok_or_else(|| rules::unknown(key))?;
    let text = |field: &str| {
        entry
            .get_attr(field)
            .ok()
            .and_then(|v| v.as_str().map(str::to_string))
            .unwrap_or_default()
    };
    Ok(Citation {
        act: text("act"),
        at: text("at"),
        amended: entry.get_attr("amended").is_ok_and(|v| v.is_true()),
        source: text("source"),
        verified: entry.get_attr("verified").is_ok_and(|v| v.is_true()),
    })
}

fn invalid(message: String) -> Error {
    Error::new(ErrorKind::InvalidOperation, message)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::render::Rules;

    fn env() -> Environment<'static> {
        let mut env = Environment::new();
        add_functions(&mut env);
        env
    }

    #[test]
    fn citations_come_from_the_rules_being_rendered() {
        let rules = Rules::parse(include_str!("../../templates/rules.toml")).unwrap();
        let env = env();
        let cite = |expr: &str| {
            env.render_str(
                expr,
                minijinja::context! { rules => &rules, keys => ["hsca_remit", "hsca_remit_fhsp"] },
            )
        };
        assert_eq!(
            cite("{{ cite(keys, 'lga_fault') }}").unwrap(),
            rules
                .cite(&["hsca_remit", "hsca_remit_fhsp", "lga_fault"])
                .unwrap()
        );
        assert_eq!(
            cite("{{ cite_of('hsca_special_report') }}").unwrap(),
            "section 14(3) of the Health Service Commissioners Act 1993"
        );
        assert_eq!(cite("{{ 3|words }}").unwrap(), "three");
        let unknown = cite("{{ cite('no_such_thing') }}").unwrap_err();
        assert!(format!("{unknown:#}").contains("no citation `no_such_thing`"));
        let without = env.render_str("{{ cite('lga_fault') }}", ()).unwrap_err();
        assert!(format!("{without:#}").contains("needs the rules"));
    }
}
