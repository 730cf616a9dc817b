//! JSON variable files (`.tfvars.json`): each property of the top-level object is a variable
//! value, literal (strings are not templates).

use super::config::is_comment;
use super::reader;
use crate::diag::Diagnostic;
use crate::source::{FileId, Span};
use crate::value::Value;
use std::sync::Arc;

/// One variable value from a variables file: name, value, and the span of the whole property.
pub type VarValue = (Arc<str>, Value, Span);

/// Parses a `.tfvars.json` file: each property of the top-level object is a variable value
/// (strings are literal, not templates), returned with the span of the whole property.
pub fn parse_vars_json(file: FileId, text: &str) -> (Vec<VarValue>, Vec<Diagnostic>) {
    let doc = match reader::parse_json(file, text) {
        Ok(doc) => doc,
        Err(d) => return (Vec::new(), vec![d]),
    };
    let root = doc.root(text);
    if !root.is_object() {
        let d = Diagnostic::error(
            "invalid-json-config",
            format!(
                "a JSON variables file must hold an object of variable values, found {}",
                root.describe()
            ),
        )
        .at(root.span());
        return (Vec::new(), vec![d]);
    }
    let vars = root
        .members()
        .filter(|m| !is_comment(m))
        .map(|m| (Arc::from(&*m.key), m.value.to_value(file), m.span()))
        .collect();
    (vars, Vec::new())
}
