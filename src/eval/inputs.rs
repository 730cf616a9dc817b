//! Input values as Terraform reads them: `--var` and `TF_VAR_` text parsed into values, and any
//! input (from a variables file, the command line or a module call) converted to its variable's
//! declared type. The precedence among a root's sources is applied in
//! `eval/module/root_variables.rs`.

use crate::load::ast::{Expr, ExprKind};
use crate::load::hcl;
use crate::source::FileId;
use crate::value::{Kind, Value};
use std::sync::Arc;

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

/// Converts an input value to the variable's declared type as Terraform does (`"true"` to a
/// bool, `"5"` to a number, `5` to a string, element by element through collections), or
/// says why it cannot. Unknown values, null and types onus does not read (`any`, or a type
/// it does not recognise) pass unchanged. Messages name types only, never the value.
pub fn convert_to_type(v: Value, ty: &Expr) -> Result<Value, String> {
    if matches!(v.kind, Kind::Unknown(_) | Kind::Null) {
        return Ok(v);
    }
    let span = v.span;
    let sensitive = v.sensitive;
    let keep = |out: Value| {
        let out = out.mark_sensitive(sensitive);
        match span {
            Some(s) => out.with_span(s),
            None => out,
        }
    };
    match &ty.kind {
        ExprKind::Variable(name) => match &**name {
            "string" => match v.to_template_string() {
                Some(text) if !matches!(v.kind, Kind::String(_)) => Ok(keep(Value::string(text))),
                Some(_) => Ok(v),
                None => Err(format!("a {} cannot be a string", v.type_name())),
            },
            "number" => match &v.kind {
                Kind::Number(_) => Ok(v),
                Kind::String(_) => match v.as_number() {
                    Some(n) => Ok(keep(Value::number(n))),
                    None => Err("a string that is not a number cannot be a number".into()),
                },
                _ => Err(format!("a {} cannot be a number", v.type_name())),
            },
            "bool" => match &v.kind {
                Kind::Bool(_) => Ok(v),
                // Terraform's conversion also reads "1" and "0" as bools.
                Kind::String(text) => match &**text {
                    "true" | "1" => Ok(keep(Value::bool(true))),
                    "false" | "0" => Ok(keep(Value::bool(false))),
                    _ => Err(
                        "a string other than \"true\", \"false\", \"1\" or \"0\" cannot be a bool"
                            .into(),
                    ),
                },
                _ => Err(format!("a {} cannot be a bool", v.type_name())),
            },
            _ => Ok(v),
        },
        ExprKind::Call { name, args, .. } => {
            let Some(inner) = args.first() else {
                return Ok(v);
            };
            match &**name {
                "list" | "set" => {
                    let Some(items) = v.as_list() else {
                        return Err(format!("a {} cannot be a {name}", v.type_name()));
                    };
                    let converted = items
                        .iter()
                        .map(|i| convert_to_type(i.clone(), inner))
                        .collect::<Result<Vec<_>, _>>()
                        .map_err(|e| format!("an element: {e}"))?;
                    Ok(keep(Value::list(converted)))
                }
                "map" => {
                    if v.as_object().is_none() {
                        return Err(format!("a {} cannot be a map", v.type_name()));
                    }
                    convert_attributes(v, |_| Some(inner))
                }
                "object" => {
                    if v.as_object().is_none() {
                        return Err(format!("a {} cannot be an object", v.type_name()));
                    }
                    let ExprKind::Object(fields) = &inner.kind else {
                        return Ok(v);
                    };
                    let declared: Vec<(Arc<str>, &Expr)> = fields
                        .iter()
                        .filter_map(|(k, t)| match &k.kind {
                            ExprKind::Variable(n) | ExprKind::String(n) => Some((n.clone(), t)),
                            _ => None,
                        })
                        .collect();
                    convert_attributes(v, |key| {
                        declared.iter().find(|(n, _)| &**n == key).map(|(_, t)| *t)
                    })
                }
                "optional" => convert_to_type(v, inner),
                _ => Ok(v),
            }
        }
        _ => Ok(v),
    }
}

/// Converts the attributes of object `v` that `type_of` gives a type for.
fn convert_attributes<'t>(
    mut v: Value,
    type_of: impl Fn(&str) -> Option<&'t Expr>,
) -> Result<Value, String> {
    if let Kind::Object(map) = &mut v.kind {
        let map = Arc::make_mut(map);
        let keys: Vec<Arc<str>> = map.iter().map(|(k, _)| k.clone()).collect();
        for key in keys {
            let Some(ty) = type_of(&key) else { continue };
            if let Some(slot) = map.get_mut(&key) {
                let converted = convert_to_type(std::mem::take(slot), ty)
                    .map_err(|e| format!("attribute `{key}`: {e}"))?;
                *slot = converted;
            }
        }
    }
    Ok(v)
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
    fn strings_convert_to_bools_as_terraform_converts_them() {
        let ty = hcl::parse_expr(FileId(0), "bool").expect("type");
        let to_bool = |s: &str| convert_to_type(Value::string(s), &ty).map(|v| v.as_bool());
        assert_eq!(to_bool("true"), Ok(Some(true)));
        assert_eq!(to_bool("1"), Ok(Some(true)));
        assert_eq!(to_bool("false"), Ok(Some(false)));
        assert_eq!(to_bool("0"), Ok(Some(false)));
        assert!(to_bool("yes").is_err());
        assert!(to_bool("True").is_err());
    }
}
