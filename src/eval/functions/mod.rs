//! Terraform's built-in functions over onus's three-valued [`Value`]s.
//!
//! Every function takes and returns [`Value`]s: a result that depends on a value known only
//! after apply is unknown (keeping what is known where Terraform would), a result computed from
//! a sensitive argument is sensitive, and hostile input (huge ranges, runaway repetition, deep
//! nesting) is refused with an error instead of exhausting memory or the stack.
//!
//! The functions live in topic files: `strings`, `format`, `collections`, `types`,
//! `encoding`, `numeric`, `network` and `filesystem`. `try` and `can` are not here: they
//! need lazy evaluation of their arguments, which the evaluator does.
//!
//! Where onus knowingly differs from Terraform:
//! - Values carry no types, so an unknown element is taken to be a single element: `flatten`
//!   keeps it as one leaf, and a set built with unknown elements (`toset`, `setunion`) keeps
//!   them all, so its length may be larger than Terraform's will be.
//! - Sets are lists: `toset` and the set functions sort strings lexically and numbers
//!   ascending, and keep other elements in first-seen order.
//! - `fileexists` is false for a file the host refuses (outside the scanned root, too large);
//!   `filebase64`, `filesha256` and the like are unknown when the file cannot be read, since
//!   they usually name build artifacts that do not exist yet.
//! - Functions onus does not compute (`timestamp`, `uuid`, `bcrypt`, `md5`, `sha1`,
//!   `formatdate`, `fileset`, ...) return an unknown value that is certainly set.
//! - `range` allows up to a million elements (Terraform: 1024); `chunklist` with size 0 is an
//!   error.

mod collections;
mod encoding;

pub(crate) use encoding::encode_json;
mod filesystem;
mod format;
mod network;
mod numeric;
mod sets;
mod strings;
mod types;

use crate::value::{Kind, Map, Tri, Value};
use std::collections::HashSet;
use std::sync::Arc;

/// What functions need from the evaluator: sandboxed file reads and template rendering.
pub trait FunctionHost {
    /// Contents of a file named as in `file(path)`, resolved against the root module directory and
    /// refused (Err with a message) when it lies outside the scanned root or is too large.
    fn read_file(&self, path: &str) -> Result<std::sync::Arc<str>, String>;
    /// Renders template text with the given variables, as `templatefile` does.
    fn render_template(
        &self,
        template: &str,
        vars: &crate::value::Map,
    ) -> Result<crate::value::Value, String>;
}

/// Longest string (in bytes) a function may produce.
pub(crate) const MAX_STRING: usize = 16 << 20;
/// Most elements a function may produce in one list.
pub(crate) const MAX_ELEMENTS: usize = 1_000_000;
/// Deepest nesting a function walks into before giving up.
pub(crate) const MAX_DEPTH: usize = 1_000;
/// Longest regular expression pattern accepted.
pub(crate) const MAX_PATTERN: usize = 10_000;

pub(crate) type R = Result<Value, String>;
type Impl = fn(&Call) -> R;

/// How a function's result inherits the sensitivity of its arguments.
#[derive(Clone, Copy, PartialEq, Eq)]
pub(crate) enum Marks {
    /// The result is sensitive when any argument or any part of one is: the function computes
    /// its result from the contents.
    Deep,
    /// The result is sensitive when any argument is sensitive as a whole; elements it passes
    /// through (`merge`, `concat`, `lookup`) keep their own marks.
    Shallow,
}

/// One function of a topic file's table.
pub(crate) struct Entry {
    pub name: &'static str,
    pub f: Impl,
    pub marks: Marks,
}

pub(crate) const fn deep(name: &'static str, f: Impl) -> Entry {
    Entry {
        name,
        f,
        marks: Marks::Deep,
    }
}

pub(crate) const fn shallow(name: &'static str, f: Impl) -> Entry {
    Entry {
        name,
        f,
        marks: Marks::Shallow,
    }
}

const TABLES: &[&[Entry]] = &[
    strings::FUNCTIONS,
    format::FUNCTIONS,
    collections::FUNCTIONS,
    types::FUNCTIONS,
    encoding::FUNCTIONS,
    numeric::FUNCTIONS,
    network::FUNCTIONS,
    filesystem::FUNCTIONS,
];

/// Terraform functions onus knows but does not compute: their result is decided only at apply
/// time or is not deterministic (or needs data onus does not have), so it is an unknown value
/// that is certainly set.
const OPAQUE: &[&str] = &[
    "abspath",
    "base64gzip",
    "bcrypt",
    "filemd5",
    "fileset",
    "filesha1",
    "formatdate",
    "md5",
    "pathexpand",
    "plantimestamp",
    "rsadecrypt",
    "sha1",
    "textdecodebase64",
    "textencodebase64",
    "timeadd",
    "timecmp",
    "timestamp",
    "uuid",
    "uuidv5",
];

/// Functions that read or change the sensitivity mark itself.
const MARK_FUNCTIONS: &[&str] = &["sensitive", "nonsensitive", "issensitive"];

fn entry(name: &str) -> Option<&'static Entry> {
    TABLES
        .iter()
        .flat_map(|t| t.iter())
        .find(|e| e.name == name)
}

/// Whether onus implements `name` (unknown function names make `call` return an unknown value,
/// never an error). Functions whose result is only known after apply (`timestamp`, `uuid`)
/// count as implemented: their result is an unknown value by nature. `try` and `can` are the
/// evaluator's and are not listed here.
pub fn is_known_function(name: &str) -> bool {
    entry(name).is_some() || OPAQUE.contains(&name) || MARK_FUNCTIONS.contains(&name)
}

/// Calls Terraform function `name`. Ok(value) (possibly unknown); Err(message) for a genuine
/// error (wrong argument types or count, invalid input), which the evaluator reports as a
/// diagnostic and turns into an unknown value.
pub fn call(name: &str, args: &[Value], host: &dyn FunctionHost) -> Result<Value, String> {
    let c = Call { name, args, host };
    let mut result = match name {
        "sensitive" => {
            c.arity(1, 1).map_err(|e| format!("{name}: {e}"))?;
            args[0].clone().mark_sensitive(true)
        }
        "nonsensitive" => {
            c.arity(1, 1).map_err(|e| format!("{name}: {e}"))?;
            let mut v = args[0].clone();
            v.sensitive = false;
            v
        }
        "issensitive" => {
            c.arity(1, 1).map_err(|e| format!("{name}: {e}"))?;
            Value::bool(args[0].sensitive)
        }
        _ => {
            let (value, marks) = if let Some(e) = entry(name) {
                let v = (e.f)(&c).map_err(|m| format!("{name}: {m}"))?;
                (v, e.marks)
            } else if OPAQUE.contains(&name) {
                let why = format!("{name}() is only known after apply");
                (unknown_from(args, true, why), Marks::Deep)
            } else if name.contains("::") {
                let why = format!("provider function {name} is not evaluated");
                (unknown_from(args, false, why), Marks::Deep)
            } else {
                let why = format!("function {name} is not known to onus");
                (unknown_from(args, false, why), Marks::Deep)
            };
            let sensitive = match marks {
                Marks::Deep => args.iter().any(Value::contains_sensitive),
                Marks::Shallow => args.iter().any(|a| a.sensitive),
            };
            value.mark_sensitive(sensitive)
        }
    };
    if let Kind::String(s) = &result.kind {
        if s.len() > MAX_STRING {
            return Err(format!(
                "{name}: result of {} bytes exceeds the limit of {MAX_STRING} bytes",
                s.len()
            ));
        }
    }
    result.span = None;
    Ok(result)
}

/// One function call: the name, its arguments and the host, with helpers that check and
/// convert arguments the way Terraform converts them.
pub(crate) struct Call<'a> {
    pub name: &'a str,
    pub args: &'a [Value],
    pub host: &'a dyn FunctionHost,
}

impl Call<'_> {
    /// Checks the argument count (`max` None: any number from `min`).
    pub fn arity(&self, min: usize, max: impl Into<Option<usize>>) -> Result<(), String> {
        let n = self.args.len();
        let max = max.into();
        let ok = n >= min && max.is_none_or(|m| n <= m);
        if ok {
            return Ok(());
        }
        Err(match max {
            Some(m) if m == min => format!("takes {min} argument(s), got {n}"),
            Some(m) => format!("takes {min} to {m} arguments, got {n}"),
            None => format!("takes at least {min} argument(s), got {n}"),
        })
    }

    pub fn arg(&self, i: usize) -> &Value {
        &self.args[i]
    }

    /// An unknown result computed from these arguments (their resource references kept).
    pub fn unknown(&self, non_null: bool) -> Value {
        let why = format!("{}() depends on a value known only after apply", self.name);
        unknown_from(self.args, non_null, why)
    }

    /// The unknown result when any argument is itself unknown.
    pub fn unknown_if_any(&self, non_null: bool) -> Option<Value> {
        self.args
            .iter()
            .any(|a| !a.is_known())
            .then(|| self.unknown(non_null))
    }

    /// Argument `i` as a string: strings, numbers and bools convert as in Terraform.
    pub fn str(&self, i: usize) -> Result<Arc<str>, String> {
        to_str(self.arg(i)).map_err(|e| format!("argument {}: {e}", i + 1))
    }

    pub fn num(&self, i: usize) -> Result<f64, String> {
        to_num(self.arg(i)).map_err(|e| format!("argument {}: {e}", i + 1))
    }

    /// Argument `i` as a whole number.
    pub fn int(&self, i: usize) -> Result<i64, String> {
        to_int(self.arg(i)).map_err(|e| format!("argument {}: {e}", i + 1))
    }

    /// Argument `i` as a list, set or tuple.
    pub fn list(&self, i: usize) -> Result<&[Value], String> {
        match &self.arg(i).kind {
            Kind::List(items) => Ok(items),
            _ => Err(format!(
                "argument {}: {}",
                i + 1,
                type_error("list", self.arg(i))
            )),
        }
    }

    /// Argument `i` as a map or object.
    pub fn obj(&self, i: usize) -> Result<&Map, String> {
        match &self.arg(i).kind {
            Kind::Object(map) => Ok(map),
            _ => Err(format!(
                "argument {}: {}",
                i + 1,
                type_error("map", self.arg(i))
            )),
        }
    }
}

/// An unknown value with the references of everything in `args`.
pub(crate) fn unknown_from(args: &[Value], non_null: bool, why: String) -> Value {
    Value::unknown_ref(why, non_null, refs_of(args))
}

pub(crate) fn type_error(want: &str, got: &Value) -> String {
    match &got.kind {
        Kind::Null => "must not be null".to_string(),
        _ => format!("a {want} is required, not a {}", got.type_name()),
    }
}

pub(crate) fn to_str(v: &Value) -> Result<Arc<str>, String> {
    match &v.kind {
        Kind::String(_) | Kind::Number(_) | Kind::Bool(_) => v
            .to_template_string()
            .ok_or_else(|| type_error("string", v)),
        _ => Err(type_error("string", v)),
    }
}

pub(crate) fn to_num(v: &Value) -> Result<f64, String> {
    match &v.kind {
        Kind::Number(n) => Ok(*n),
        Kind::String(s) => {
            parse_number(s).ok_or_else(|| format!("cannot convert {s:?} to a number"))
        }
        _ => Err(type_error("number", v)),
    }
}

/// A number as Terraform's string-to-number conversion reads it (no surrounding spaces, finite).
pub(crate) fn parse_number(s: &str) -> Option<f64> {
    let t = s.strip_prefix(['+', '-']).unwrap_or(s);
    let first = t.chars().next()?;
    if !(first.is_ascii_digit() || first == '.') {
        return None;
    }
    s.parse::<f64>().ok().filter(|n| n.is_finite())
}

pub(crate) fn to_int(v: &Value) -> Result<i64, String> {
    let n = to_num(v)?;
    if n.fract() != 0.0 {
        return Err(format!(
            "{} is not a whole number",
            crate::value::format_number(n)
        ));
    }
    if n.abs() >= 9.2e18 {
        return Err(format!("{} is too large", crate::value::format_number(n)));
    }
    Ok(n as i64)
}

pub(crate) fn to_bool(v: &Value) -> Result<bool, String> {
    match &v.kind {
        Kind::Bool(b) => Ok(*b),
        Kind::String(s) if &**s == "true" => Ok(true),
        Kind::String(s) if &**s == "false" => Ok(false),
        Kind::String(s) => Err(format!("cannot convert {s:?} to a bool")),
        _ => Err(type_error("bool", v)),
    }
}

/// The resource references of every unknown part of `values`, each once.
pub(crate) fn refs_of(values: &[Value]) -> Vec<Arc<str>> {
    let mut seen: HashSet<Arc<str>> = HashSet::new();
    let mut out = Vec::new();
    crate::value::walk_distinct(values, |x| {
        if let Kind::Unknown(u) = &x.kind {
            for r in &u.refs {
                if seen.insert(r.clone()) {
                    out.push(r.clone());
                }
            }
        }
        true
    });
    out
}

/// Equality of two values as Terraform's `==` decides it ([`Value::equals`]).
pub(crate) fn equal(a: &Value, b: &Value) -> Tri {
    a.equals(b)
}

/// Fails when a list of `n` elements would exceed the element limit.
pub(crate) fn check_elements(n: usize) -> Result<(), String> {
    if n > MAX_ELEMENTS {
        Err(format!(
            "result of {n} elements exceeds the limit of {MAX_ELEMENTS} elements"
        ))
    } else {
        Ok(())
    }
}

/// Fails when a string of `n` bytes would exceed the string limit.
pub(crate) fn check_string(n: usize) -> Result<(), String> {
    if n > MAX_STRING {
        Err(format!(
            "result of {n} bytes exceeds the limit of {MAX_STRING} bytes"
        ))
    } else {
        Ok(())
    }
}

/// Every function name onus knows, for tests that try them all.
#[cfg(test)]
pub(crate) fn all_names() -> Vec<&'static str> {
    let mut names: Vec<&'static str> = TABLES
        .iter()
        .flat_map(|t| t.iter().map(|e| e.name))
        .collect();
    names.extend(OPAQUE);
    names.extend(MARK_FUNCTIONS);
    names
}

#[cfg(test)]
pub(crate) mod testing;

#[cfg(test)]
mod tests;
