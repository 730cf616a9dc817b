//! Input variables of a root module, with Terraform's precedence (lowest first): the
//! declaration's `default`, `TF_VAR_name`, `terraform.tfvars`, `terraform.tfvars.json`,
//! `*.auto.tfvars(.json)` in lexical order, then `--var-file` and `--var` in command order.

use crate::load::hcl;
use crate::source::FileId;
use crate::value::Value;
use std::path::Path;

/// A `--var NAME=VALUE` from the command line.
#[derive(Debug, Clone)]
pub struct CliVar {
    pub name: String,
    pub value: String,
}

impl std::str::FromStr for CliVar {
    type Err = String;
    fn from_str(s: &str) -> Result<Self, String> {
        let (name, value) = s
            .split_once('=')
            .ok_or_else(|| format!("`{s}` is not of the form NAME=VALUE"))?;
        let name = name.trim();
        if name.is_empty() {
            return Err(format!("`{s}` has no variable name"));
        }
        Ok(CliVar {
            name: name.to_string(),
            value: value.to_string(),
        })
    }
}

/// Where a root variable's value came from, for messages.
#[derive(Debug, Clone, PartialEq)]
pub enum VarSource {
    Default,
    Environment,
    File,
    CommandLine,
}

/// Whether Terraform loads this variables file automatically.
pub fn is_auto_loaded(path: &Path) -> bool {
    let Some(name) = path.file_name().and_then(|n| n.to_str()) else {
        return false;
    };
    name == "terraform.tfvars"
        || name == "terraform.tfvars.json"
        || name.ends_with(".auto.tfvars")
        || name.ends_with(".auto.tfvars.json")
}

/// Order in which Terraform applies auto-loaded files: `terraform.tfvars`,
/// `terraform.tfvars.json`, then `*.auto.tfvars*` by name.
pub fn auto_load_rank(path: &Path) -> (u8, String) {
    let name = path
        .file_name()
        .and_then(|n| n.to_str())
        .unwrap_or_default()
        .to_string();
    match name.as_str() {
        "terraform.tfvars" => (0, name),
        "terraform.tfvars.json" => (1, name),
        _ => (2, name),
    }
}

/// A value given as text on the command line or in the environment: complex values are HCL
/// expressions, and so are numbers and bools when the variable is not string-typed; anything
/// else is a plain string, as Terraform reads it.
pub fn parse_cli_value(text: &str, string_typed: bool) -> Value {
    if string_typed {
        return Value::string(text);
    }
    let t = text.trim();
    let looks_complex = t.starts_with('[') || t.starts_with('{');
    if looks_complex || t == "true" || t == "false" || t == "null" || t.parse::<f64>().is_ok() {
        if let Ok(expr) = hcl::parse_expr(FileId(u32::MAX), t) {
            if let Some(v) = super::expr::constant(&expr) {
                // Spans point into no file: the value came from the command line.
                return strip_spans(v);
            }
        }
    }
    Value::string(text)
}

fn strip_spans(mut v: Value) -> Value {
    v.span = None;
    match &mut v.kind {
        crate::value::Kind::List(items) => {
            let items = std::sync::Arc::make_mut(items);
            for i in items.iter_mut() {
                *i = strip_spans(std::mem::take(i));
            }
        }
        crate::value::Kind::Object(map) => {
            let map = std::sync::Arc::make_mut(map);
            for v in map.values_mut() {
                *v = strip_spans(std::mem::take(v));
            }
        }
        _ => {}
    }
    v
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn cli_values() {
        assert_eq!(parse_cli_value("abc", false).as_str(), Some("abc"));
        assert_eq!(parse_cli_value("3", false).as_number(), Some(3.0));
        assert_eq!(parse_cli_value("3", true).as_str(), Some("3"));
        let v = parse_cli_value("[\"a\", \"b\"]", false);
        assert_eq!(v.as_list().map(|l| l.len()), Some(2));
        assert!("novalue".parse::<CliVar>().is_err());
    }

    #[test]
    fn auto_load_order() {
        let mut names = vec![
            "b.auto.tfvars",
            "terraform.tfvars.json",
            "a.auto.tfvars",
            "terraform.tfvars",
        ];
        names.sort_by_key(|n| auto_load_rank(Path::new(n)));
        assert_eq!(
            names,
            [
                "terraform.tfvars",
                "terraform.tfvars.json",
                "a.auto.tfvars",
                "b.auto.tfvars"
            ]
        );
    }
}
