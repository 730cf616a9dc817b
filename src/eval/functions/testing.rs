//! Shorthands for the function tests.

use super::FunctionHost;
use crate::value::{Kind, Map, Value};
use std::collections::HashMap;
use std::sync::Arc;

/// A host with files in memory; templates render as their text with `${name}` replaced by
/// string variables (enough to see that variables arrive).
#[derive(Default)]
pub struct MockHost {
    pub files: HashMap<String, String>,
}

impl MockHost {
    pub fn with(files: &[(&str, &str)]) -> Self {
        MockHost {
            files: files
                .iter()
                .map(|(k, v)| (k.to_string(), v.to_string()))
                .collect(),
        }
    }
}

impl FunctionHost for MockHost {
    fn read_file(&self, path: &str) -> Result<Arc<str>, String> {
        self.files
            .get(path)
            .map(|s| Arc::from(s.as_str()))
            .ok_or_else(|| format!("no file {path}"))
    }

    fn render_template(&self, template: &str, vars: &Map) -> Result<Value, String> {
        let mut out = template.to_string();
        for (k, v) in vars {
            match &v.kind {
                Kind::Unknown(_) => return Ok(Value::unknown_set("template")),
                _ => {
                    if let Some(s) = v.to_template_string() {
                        out = out.replace(&format!("${{{k}}}"), &s);
                    }
                }
            }
        }
        Ok(Value::string(out))
    }
}

pub fn s(x: &str) -> Value {
    Value::string(x)
}

pub fn n(x: f64) -> Value {
    Value::number(x)
}

pub fn b(x: bool) -> Value {
    Value::bool(x)
}

pub fn null() -> Value {
    Value::null()
}

pub fn l(items: Vec<Value>) -> Value {
    Value::list(items)
}

pub fn sl(items: &[&str]) -> Value {
    Value::list(items.iter().map(|x| s(x)).collect())
}

pub fn nl(items: &[f64]) -> Value {
    Value::list(items.iter().map(|x| n(*x)).collect())
}

pub fn o(pairs: Vec<(&str, Value)>) -> Value {
    Value::object(pairs.into_iter().map(|(k, v)| (Arc::from(k), v)).collect())
}

pub fn unk() -> Value {
    Value::unknown_ref("test", false, vec![Arc::from("aws_s3_bucket.x")])
}

pub fn secret(v: Value) -> Value {
    v.mark_sensitive(true)
}

/// Calls with an empty host.
pub fn f(name: &str, args: Vec<Value>) -> Result<Value, String> {
    super::call(name, &args, &MockHost::default())
}

/// Calls and expects success.
pub fn ok(name: &str, args: Vec<Value>) -> Value {
    match f(name, args) {
        Ok(v) => v,
        Err(e) => panic!("{name} failed: {e}"),
    }
}

/// Calls and expects an error; returns its message.
pub fn err(name: &str, args: Vec<Value>) -> String {
    match f(name, args) {
        Ok(v) => panic!("{name} should fail, gave {v:?}"),
        Err(e) => e,
    }
}

/// Whether the value is unknown.
pub fn is_unknown(v: &Value) -> bool {
    !v.is_known()
}

/// Whether the value is unknown and certainly set.
pub fn is_unknown_set(v: &Value) -> bool {
    v.as_unknown().is_some_and(|u| u.non_null)
}

/// Whether the value is unknown and remembers the test reference.
pub fn has_test_ref(v: &Value) -> bool {
    v.as_unknown()
        .is_some_and(|u| u.refs.iter().any(|r| &**r == "aws_s3_bucket.x"))
}
