//! Type conversion functions: `tostring`, `tonumber`, `tobool`, `tolist`, `toset`, `tomap`.
//! Unknown arguments pass through unchanged (keeping their references); null converts to null.

use super::sets::{dedupe, set_order};
use super::{deep, parse_number, shallow, to_str, Call, Entry, R};
use crate::value::{Kind, Value};

pub(crate) const FUNCTIONS: &[Entry] = &[
    deep("tostring", tostring),
    deep("tonumber", tonumber),
    deep("tobool", tobool),
    shallow("tolist", tolist),
    shallow("toset", toset),
    shallow("tomap", tomap),
    shallow("ephemeralasnull", ephemeralasnull),
];

/// Converts the elements of a collection to one type as Terraform does when it builds a list,
/// set or map: when strings are mixed with numbers or bools, all become strings.
pub(crate) fn unify(items: Vec<Value>) -> Result<Vec<Value>, String> {
    let (mut string, mut number, mut boolean) = (false, false, false);
    for v in &items {
        match &v.kind {
            Kind::String(_) => string = true,
            Kind::Number(_) => number = true,
            Kind::Bool(_) => boolean = true,
            Kind::Null | Kind::Unknown(_) => {}
            // Structural elements are left as they are.
            Kind::List(_) | Kind::Object(_) => return Ok(items),
        }
    }
    if [string, number, boolean].iter().filter(|x| **x).count() <= 1 {
        return Ok(items);
    }
    if !string {
        return Err(
            "all elements must have the same type: numbers and bools cannot be mixed".to_string(),
        );
    }
    items
        .into_iter()
        .map(|v| match &v.kind {
            Kind::Number(_) | Kind::Bool(_) => {
                let mut s = Value::string(to_str(&v)?).mark_sensitive(v.sensitive);
                s.span = v.span;
                Ok(s)
            }
            _ => Ok(v),
        })
        .collect()
}

fn conversion_error(v: &Value, to: &str) -> String {
    format!("cannot convert {} to {to}", v.type_name())
}

fn tostring(c: &Call) -> R {
    c.arity(1, 1)?;
    let v = c.arg(0);
    match &v.kind {
        Kind::Unknown(_) | Kind::Null | Kind::String(_) => Ok(v.clone()),
        Kind::Number(_) | Kind::Bool(_) => Ok(Value::string(to_str(v)?)),
        _ => Err(conversion_error(v, "string")),
    }
}

fn tonumber(c: &Call) -> R {
    c.arity(1, 1)?;
    let v = c.arg(0);
    match &v.kind {
        Kind::Unknown(_) | Kind::Null | Kind::Number(_) => Ok(v.clone()),
        Kind::String(s) => parse_number(s)
            .map(Value::number)
            .ok_or_else(|| format!("cannot convert {s:?} to a number")),
        _ => Err(conversion_error(v, "number")),
    }
}

fn tobool(c: &Call) -> R {
    c.arity(1, 1)?;
    let v = c.arg(0);
    match &v.kind {
        Kind::Unknown(_) | Kind::Null | Kind::Bool(_) => Ok(v.clone()),
        Kind::String(s) if &**s == "true" => Ok(Value::bool(true)),
        Kind::String(s) if &**s == "false" => Ok(Value::bool(false)),
        Kind::String(s) => Err(format!("cannot convert {s:?} to a bool")),
        _ => Err(conversion_error(v, "bool")),
    }
}

fn tolist(c: &Call) -> R {
    c.arity(1, 1)?;
    let v = c.arg(0);
    match &v.kind {
        Kind::Unknown(_) | Kind::Null => Ok(v.clone()),
        Kind::List(items) => Ok(Value::list(unify(items.to_vec())?)),
        _ => Err(conversion_error(v, "list")),
    }
}

fn toset(c: &Call) -> R {
    c.arity(1, 1)?;
    let v = c.arg(0);
    match &v.kind {
        Kind::Unknown(_) | Kind::Null => Ok(v.clone()),
        Kind::List(items) => Ok(Value::list(set_order(dedupe(unify(items.to_vec())?)?))),
        _ => Err(conversion_error(v, "set")),
    }
}

fn tomap(c: &Call) -> R {
    c.arity(1, 1)?;
    let v = c.arg(0);
    match &v.kind {
        Kind::Unknown(_) | Kind::Null => Ok(v.clone()),
        Kind::Object(map) => {
            let keys: Vec<_> = map.keys().cloned().collect();
            let vals = unify(map.values().cloned().collect())?;
            Ok(Value::object(keys.into_iter().zip(vals).collect()))
        }
        _ => Err(conversion_error(v, "map")),
    }
}

/// onus does not track ephemeral values; they are unknown already, so this returns its
/// argument.
fn ephemeralasnull(c: &Call) -> R {
    c.arity(1, 1)?;
    Ok(c.arg(0).clone())
}

#[cfg(test)]
mod tests {
    use super::super::testing::*;

    #[test]
    fn primitive_conversions() {
        assert_eq!(ok("tostring", vec![s("hello")]), s("hello"));
        assert_eq!(ok("tostring", vec![n(1.0)]), s("1"));
        assert_eq!(ok("tostring", vec![n(1.5)]), s("1.5"));
        assert_eq!(ok("tostring", vec![b(true)]), s("true"));
        assert_eq!(ok("tostring", vec![null()]), null());
        err("tostring", vec![sl(&["a"])]);
        assert_eq!(ok("tonumber", vec![n(1.0)]), n(1.0));
        assert_eq!(ok("tonumber", vec![s("1")]), n(1.0));
        assert_eq!(ok("tonumber", vec![s("-2.5e2")]), n(-250.0));
        assert_eq!(ok("tonumber", vec![null()]), null());
        err("tonumber", vec![s("no")]);
        err("tonumber", vec![s("inf")]);
        err("tonumber", vec![s(" 1")]);
        assert_eq!(ok("tobool", vec![b(true)]), b(true));
        assert_eq!(ok("tobool", vec![s("false")]), b(false));
        assert_eq!(ok("tobool", vec![null()]), null());
        err("tobool", vec![s("no")]);
        err("tobool", vec![n(1.0)]);
        let u = ok("tostring", vec![unk()]);
        assert!(is_unknown(&u) && has_test_ref(&u));
        assert!(ok("tostring", vec![secret(n(1.0))]).sensitive);
    }

    #[test]
    fn collection_conversions() {
        assert_eq!(
            ok("tolist", vec![sl(&["a", "b", "c"])]),
            sl(&["a", "b", "c"])
        );
        assert_eq!(
            ok("tolist", vec![l(vec![s("a"), b(true), n(2.0)])]),
            sl(&["a", "true", "2"])
        );
        err("tolist", vec![l(vec![n(1.0), b(true)])]);
        err("tolist", vec![o(vec![])]);
        assert_eq!(
            ok("toset", vec![sl(&["a", "b", "c"])]),
            sl(&["a", "b", "c"])
        );
        assert_eq!(
            ok("toset", vec![l(vec![s("a"), b(true)])]),
            sl(&["a", "true"])
        );
        assert_eq!(ok("toset", vec![sl(&["c", "b", "b"])]), sl(&["b", "c"]));
        let partly = ok("toset", vec![l(vec![s("b"), unk(), s("a"), s("b")])]);
        let items = partly.as_list().unwrap_or_default();
        assert_eq!(items.len(), 3);
        assert_eq!(&items[..2], &[s("a"), s("b")]);
        assert!(is_unknown(&items[2]));
        assert_eq!(
            ok("tomap", vec![o(vec![("a", s("foo")), ("b", b(true))])]),
            o(vec![("a", s("foo")), ("b", s("true"))])
        );
        err("tomap", vec![sl(&["a"])]);
        assert!(is_unknown(&ok("tolist", vec![unk()])));
        assert_eq!(ok("ephemeralasnull", vec![s("x")]), s("x"));
    }
}
