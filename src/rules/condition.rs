//! The condition language of rule files (see docs/rules.md), parsed into a tree the check
//! engine evaluates with three-valued logic.

use crate::builtins::{self, BuiltinFn};
use crate::load::ast::{Attribute, Block, Body};
use crate::value::{Map, Value};
use regex::Regex;
use std::sync::Arc;

#[derive(Debug, Clone)]
pub enum Condition {
    All(Vec<Condition>),
    Any(Vec<Condition>),
    Not(Box<Condition>),
    Attribute {
        path: Vec<Arc<str>>,
        tests: Vec<Test>,
        default: Option<Value>,
    },
    Quantified {
        quantifier: Quantifier,
        path: Vec<Arc<str>>,
        body: Box<Condition>,
    },
    Linked {
        resource_type: Arc<str>,
        via: Arc<str>,
        match_attribute: Option<Arc<str>>,
        body: Box<Condition>,
    },
    Builtin {
        name: Arc<str>,
        func: BuiltinFn,
        args: Map,
    },
    /// Tests on the resource type itself (`type { one_of = [..] }`), for rules over several types.
    Type {
        tests: Vec<Test>,
    },
    /// The resource this one refers to through attribute `via` (`kms_key_id =
    /// aws_kms_key.k.arn` → `aws_kms_key.k`) satisfies the body.
    Target {
        via: Vec<Arc<str>>,
        resource_type: Option<Arc<str>>,
        match_attribute: Option<Arc<str>>,
        /// With several targets (a list of references): `Each` (the default) needs every one
        /// to satisfy the body, `Some` one of them.
        quantifier: Quantifier,
        body: Box<Condition>,
    },
}

/// How an attribute compares with another attribute of the same resource (or element).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum CompareOp {
    Equals,
    NotEquals,
    Gt,
    Gte,
    Lt,
    Lte,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Quantifier {
    /// At least one element satisfies the body.
    Some,
    /// Every element satisfies the body; true for no elements.
    Each,
    /// At least one element, and every element satisfies the body: a required block.
    Every,
    /// No element satisfies the body.
    None,
}

#[derive(Debug, Clone)]
pub enum Test {
    Present(bool),
    Equals(Value),
    NotEquals(Value),
    OneOf(Vec<Value>),
    NotOneOf(Vec<Value>),
    Matches(Regex),
    NotMatches(Regex),
    Gt(f64),
    Gte(f64),
    Lt(f64),
    Lte(f64),
    Contains(Value),
    NotContains(Value),
    LengthGte(f64),
    LengthLte(f64),
    /// The value is a port (`"443"`) or a port range (`"8000-8080"`, both ends included) of
    /// more (`PortCountGt`) or at most (`PortCountLte`) this many ports.
    PortCountGt(f64),
    PortCountLte(f64),
    /// Compares the value with the value at another path, relative to the same object.
    CompareAttribute(CompareOp, Vec<Arc<str>>),
    /// The value is read from one of these: an attribute of such a resource or data source,
    /// or a string that interpolates one.
    RefersTo(Vec<ReadFrom>),
    NotRefersTo(Vec<ReadFrom>),
}

/// What `refers_to` names: a resource type (`google_service_account`) or data source type
/// (`data.google_compute_default_service_account`), and optionally the one attribute of it
/// (`data.google_compute_default_service_account.email`).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ReadFrom {
    pub resource_type: Arc<str>,
    pub attribute: Option<Arc<str>>,
}

impl ReadFrom {
    /// `TYPE`, `TYPE.ATTR`, `data.TYPE` or `data.TYPE.ATTR`.
    fn parse(s: &str) -> Option<ReadFrom> {
        let (data, rest) = match s.strip_prefix("data.") {
            Some(rest) => ("data.", rest),
            None => ("", s),
        };
        let mut parts = rest.split('.');
        let ty = parts.next().filter(|t| is_type_name(t))?;
        let attribute = match parts.next() {
            Some(a) if is_attribute_name(a) => Some(Arc::from(a)),
            Some(_) => return None,
            None => None,
        };
        if parts.next().is_some() {
            return None;
        }
        Some(ReadFrom {
            resource_type: Arc::from(format!("{data}{ty}")),
            attribute,
        })
    }
}

type ParseResult<T> = Result<T, (u32, String)>;

fn at<T>(a: &Attribute, msg: impl Into<String>) -> ParseResult<T> {
    Err((a.span.start, msg.into()))
}

fn constant(a: &Attribute) -> ParseResult<Value> {
    crate::eval::constant_value(&a.expr).map_or_else(
        || at(a, format!("`{}` must be a literal value", a.name)),
        Ok,
    )
}

fn path_of(s: &str) -> Vec<Arc<str>> {
    s.split('.')
        .filter(|p| !p.is_empty())
        .map(Arc::from)
        .collect()
}

/// Where a condition stands: on a resource, or on an element selected by `some`, `each`,
/// `every` or `none`, where `value { ... }` tests the element itself.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Scope {
    Resource,
    Element,
}

/// Parses a condition body: its conditions, all of which must hold.
pub fn parse_body(body: &Body) -> ParseResult<Condition> {
    parse_body_in(body, Scope::Resource)
}

fn parse_body_in(body: &Body, scope: Scope) -> ParseResult<Condition> {
    if let Some(a) = body.attributes.first() {
        return at(a, format!("`{}` is not a condition here; conditions are blocks (attribute, value, type, any, all, not, some, each, every, none, linked, target, builtin)", a.name));
    }
    let mut items = Vec::with_capacity(body.blocks.len());
    for b in &body.blocks {
        items.push(parse_block(b, scope)?);
    }
    Ok(match items.len() {
        1 => items.remove(0),
        _ => Condition::All(items),
    })
}

fn label<'a>(b: &'a Block, what: &str) -> ParseResult<&'a Arc<str>> {
    match b.labels.as_slice() {
        [one] => Ok(one),
        _ => Err((
            b.header.start,
            format!("`{}` takes one label: {what}", b.kind),
        )),
    }
}

fn parse_block(b: &Block, scope: Scope) -> ParseResult<Condition> {
    match &*b.kind {
        "all" => Ok(Condition::All(children(b, scope)?)),
        "any" => Ok(Condition::Any(children(b, scope)?)),
        "not" => Ok(Condition::Not(Box::new(parse_body_in(&b.body, scope)?))),
        "some" | "each" | "every" | "none" => {
            let quantifier = match &*b.kind {
                "some" => Quantifier::Some,
                "each" => Quantifier::Each,
                "every" => Quantifier::Every,
                _ => Quantifier::None,
            };
            let path = path_of(label(b, "the path of the nested blocks or list")?);
            if path.is_empty() {
                return Err((b.header.start, "the path is empty".into()));
            }
            Ok(Condition::Quantified {
                quantifier,
                path,
                body: Box::new(parse_body_in(&b.body, Scope::Element)?),
            })
        }
        "attribute" => parse_attribute(b),
        "value" => {
            if !b.labels.is_empty() {
                return Err((
                    b.header.start,
                    "`value` takes no label: it tests the element itself".into(),
                ));
            }
            if scope != Scope::Element {
                return Err((
                    b.header.start,
                    "`value` tests an element of a list; it stands only inside `some`, `each`, `every` or `none`".into(),
                ));
            }
            let (tests, default) = parse_tests(b, &[])?;
            if default.is_some() {
                return Err((b.header.start, "`value` takes no `default`".into()));
            }
            Ok(Condition::Attribute {
                path: Vec::new(),
                tests,
                default: None,
            })
        }
        "linked" => {
            let ty = label(b, "the resource type")?.clone();
            let mut via = None;
            let mut match_attribute = None;
            for a in &b.body.attributes {
                match &*a.name {
                    "via" => via = constant(a)?.as_str().map(Arc::from),
                    "match" => match_attribute = constant(a)?.as_str().map(Arc::from),
                    other => {
                        return at(
                            a,
                            format!("`{other}` is not an argument of `linked` (via, match)"),
                        )
                    }
                }
            }
            let Some(via) = via else {
                return Err((
                    b.header.start,
                    "`linked` needs `via`, the attribute that refers to this resource".into(),
                ));
            };
            let inner = Body {
                attributes: Vec::new(),
                blocks: b.body.blocks.clone(),
            };
            let body = if inner.blocks.is_empty() {
                Condition::All(Vec::new())
            } else {
                parse_body(&inner)?
            };
            Ok(Condition::Linked {
                resource_type: ty,
                via,
                match_attribute,
                body: Box::new(body),
            })
        }
        "type" => {
            let (tests, default) = parse_tests(b, TYPE_TESTS)?;
            if default.is_some() {
                return Err((b.header.start, "`type` takes no `default`".into()));
            }
            Ok(Condition::Type { tests })
        }
        "target" => {
            let via = path_of(label(b, "the attribute that refers to the target")?);
            if via.is_empty() {
                return Err((b.header.start, "the attribute path is empty".into()));
            }
            let mut resource_type = None;
            let mut match_attribute = None;
            let mut quantifier = Quantifier::Each;
            for a in &b.body.attributes {
                let text = || {
                    constant(a)?
                        .as_str()
                        .map(Arc::from)
                        .map_or_else(|| at(a, format!("`{}` needs a string", a.name)), Ok)
                };
                match &*a.name {
                    "type" => resource_type = Some(text()?),
                    "match" => match_attribute = Some(text()?),
                    "quantifier" => {
                        quantifier = match &*text()? {
                            "each" => Quantifier::Each,
                            "some" => Quantifier::Some,
                            _ => return at(a, "`quantifier` is \"each\" or \"some\""),
                        }
                    }
                    other => {
                        return at(
                            a,
                            format!(
                                "`{other}` is not an argument of `target` (type, match, quantifier)"
                            ),
                        )
                    }
                }
            }
            if match_attribute.is_some() && resource_type.is_none() {
                return Err((
                    b.header.start,
                    "`target` with `match` needs `type`, the type of resource to look for".into(),
                ));
            }
            let inner = Body {
                attributes: Vec::new(),
                blocks: b.body.blocks.clone(),
            };
            let body = if inner.blocks.is_empty() {
                Condition::All(Vec::new())
            } else {
                parse_body(&inner)?
            };
            Ok(Condition::Target {
                via,
                resource_type,
                match_attribute,
                quantifier,
                body: Box::new(body),
            })
        }
        "builtin" => {
            let name = label(b, "the builtin's name")?.clone();
            let Some(func) = builtins::lookup(&name) else {
                return Err((
                    b.header.start,
                    format!(
                        "unknown builtin `{name}` (known: {})",
                        builtins::names().join(", ")
                    ),
                ));
            };
            let mut args = Map::new();
            for a in &b.body.attributes {
                args.insert(a.name.clone(), constant(a)?);
            }
            // A builtin rejects bad arguments whatever the resource (an `Err` is never about the
            // resource): trying it on an empty one catches a misspelt or mistyped argument here,
            // rather than leaving every check of the rule undecided at scan time.
            if let Err(e) = func(&Value::object(Map::new()), &args) {
                let at = b
                    .body
                    .attributes
                    .iter()
                    .find(|a| e.contains(&format!("`{}`", a.name)))
                    .map_or(b.header.start, |a| a.span.start);
                return Err((at, e));
            }
            Ok(Condition::Builtin { name, func, args })
        }
        other => Err((b.header.start, format!("unknown condition `{other}`"))),
    }
}

fn children(b: &Block, scope: Scope) -> ParseResult<Vec<Condition>> {
    if let Some(a) = b.body.attributes.first() {
        return at(a, format!("`{}` is not a condition here", a.name));
    }
    b.body
        .blocks
        .iter()
        .map(|c| parse_block(c, scope))
        .collect()
}

/// Tests the `type` condition accepts: string comparisons only.
const TYPE_TESTS: &[&str] = &[
    "equals",
    "not_equals",
    "one_of",
    "not_one_of",
    "matches",
    "not_matches",
];

fn parse_attribute(b: &Block) -> ParseResult<Condition> {
    let path = path_of(label(b, "the attribute path")?);
    if path.is_empty() {
        return Err((b.header.start, "the attribute path is empty".into()));
    }
    let (tests, default) = parse_tests(b, &[])?;
    Ok(Condition::Attribute {
        path,
        tests,
        default,
    })
}

/// The tests of an `attribute` (or `type`) block and its `default`; `only`, when not empty,
/// lists the tests allowed.
fn parse_tests(b: &Block, only: &[&str]) -> ParseResult<(Vec<Test>, Option<Value>)> {
    let mut tests = Vec::new();
    let mut default = None;
    for a in &b.body.attributes {
        if !only.is_empty() && !only.contains(&&*a.name) {
            return at(
                a,
                format!(
                    "`{}` is not a test of `{}` (it takes {})",
                    a.name,
                    b.kind,
                    only.join(", ")
                ),
            );
        }
        let v = constant(a)?;
        let num = |v: &Value| {
            v.as_number()
                .map_or_else(|| at(a, format!("`{}` needs a number", a.name)), Ok)
        };
        let list = |v: &Value| {
            v.as_list()
                .map(<[Value]>::to_vec)
                .map_or_else(|| at(a, format!("`{}` needs a list", a.name)), Ok)
        };
        let regex = |v: &Value| match v.as_str() {
            Some(s) => Regex::new(s)
                .map_err(|e| (a.span.start, format!("invalid regular expression: {e}"))),
            None => at(a, "a regular expression is a string"),
        };
        let read_from = || {
            let names: Vec<Value> = match v.as_list() {
                Some(items) => items.to_vec(),
                None => vec![v.clone()],
            };
            let parsed: Option<Vec<ReadFrom>> = names
                .iter()
                .map(|n| n.as_str().and_then(ReadFrom::parse))
                .collect();
            match parsed {
                Some(p) if !p.is_empty() => Ok(p),
                _ => at(a, format!("`{}` needs {READ_FROM_FORMS}", a.name)),
            }
        };
        let other = |op: CompareOp| match v.as_str().map(path_of) {
            Some(p) if !p.is_empty() => Ok(Test::CompareAttribute(op, p)),
            _ => at(a, format!("`{}` needs an attribute path", a.name)),
        };
        let test = match &*a.name {
            "present" => match v.as_bool() {
                Some(p) => Test::Present(p),
                None => return at(a, "`present` is true or false"),
            },
            "default" => {
                default = Some(v);
                continue;
            }
            "equals" => Test::Equals(v),
            "not_equals" => Test::NotEquals(v),
            "one_of" => Test::OneOf(list(&v)?),
            "not_one_of" => Test::NotOneOf(list(&v)?),
            "matches" => Test::Matches(regex(&v)?),
            "not_matches" => Test::NotMatches(regex(&v)?),
            "gt" => Test::Gt(num(&v)?),
            "gte" => Test::Gte(num(&v)?),
            "lt" => Test::Lt(num(&v)?),
            "lte" => Test::Lte(num(&v)?),
            "contains" => Test::Contains(v),
            "not_contains" => Test::NotContains(v),
            "length_gte" => Test::LengthGte(num(&v)?),
            "length_lte" => Test::LengthLte(num(&v)?),
            "port_count_gt" => Test::PortCountGt(num(&v)?),
            "port_count_lte" => Test::PortCountLte(num(&v)?),
            "equals_attribute" => other(CompareOp::Equals)?,
            "not_equals_attribute" => other(CompareOp::NotEquals)?,
            "gt_attribute" => other(CompareOp::Gt)?,
            "gte_attribute" => other(CompareOp::Gte)?,
            "lt_attribute" => other(CompareOp::Lt)?,
            "lte_attribute" => other(CompareOp::Lte)?,
            "refers_to" => Test::RefersTo(read_from()?),
            "not_refers_to" => Test::NotRefersTo(read_from()?),
            other => return at(a, format!("unknown attribute test `{other}`")),
        };
        tests.push(test);
    }
    if let Some(inner) = b.body.blocks.first() {
        return Err((
            inner.header.start,
            format!("`{}` holds tests, not blocks", b.kind),
        ));
    }
    if tests.is_empty() {
        return Err((
            b.header.start,
            format!(
                "`{}` needs at least one test (present, equals, ...)",
                b.kind
            ),
        ));
    }
    Ok((tests, default))
}

/// A Terraform resource type name: `provider_thing`, lower-case letters, digits and `_`.
fn is_type_name(t: &str) -> bool {
    t.contains('_')
        && t.starts_with(|c: char| c.is_ascii_lowercase())
        && t.chars()
            .all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || c == '_')
}

/// What `refers_to` accepts, for its error message.
const READ_FROM_FORMS: &str = "a resource type (`google_service_account`) or a data source type (`data.google_compute_default_service_account`), optionally with `.ATTRIBUTE`, or a list of them";

/// An attribute name: letters, digits, `_` and `-`, starting with a letter.
fn is_attribute_name(a: &str) -> bool {
    a.starts_with(|c: char| c.is_ascii_alphabetic())
        && a.chars()
            .all(|c| c.is_ascii_alphanumeric() || c == '_' || c == '-')
}

impl Condition {
    /// The attribute paths this condition reads on the resource it is evaluated on (dotted,
    /// quantifier paths joined with their bodies' paths); `linked` and `target` bodies read
    /// other resources and are left out.
    pub fn attribute_paths(&self, prefix: &str, out: &mut Vec<String>) {
        let join = |p: &[Arc<str>]| {
            let p = p.join(".");
            if prefix.is_empty() {
                p
            } else {
                format!("{prefix}.{p}")
            }
        };
        match self {
            Condition::All(c) | Condition::Any(c) => {
                c.iter().for_each(|x| x.attribute_paths(prefix, out))
            }
            Condition::Not(c) => c.attribute_paths(prefix, out),
            Condition::Attribute { path, tests, .. } => {
                // `value` (an empty path) reads the element its quantifier already names.
                if !path.is_empty() {
                    out.push(join(path));
                }
                for t in tests {
                    if let Test::CompareAttribute(_, other) = t {
                        out.push(join(other));
                    }
                }
            }
            Condition::Quantified { path, body, .. } => {
                let here = join(path);
                body.attribute_paths(&here, out);
                out.push(here);
            }
            Condition::Target { via, .. } => out.push(join(via)),
            Condition::Linked { .. } | Condition::Builtin { .. } | Condition::Type { .. } => {}
        }
    }

    /// Whether a `target` condition appears in this tree.
    pub fn has_target(&self) -> bool {
        match self {
            Condition::All(c) | Condition::Any(c) => c.iter().any(Condition::has_target),
            Condition::Not(c) => c.has_target(),
            Condition::Quantified { body, .. } | Condition::Linked { body, .. } => {
                body.has_target()
            }
            Condition::Target { .. } => true,
            Condition::Attribute { .. } | Condition::Builtin { .. } | Condition::Type { .. } => {
                false
            }
        }
    }

    /// Every (resource type, via attribute) that `linked` conditions in this tree look up.
    pub fn linked_pairs(&self, out: &mut Vec<(Arc<str>, Arc<str>)>) {
        match self {
            Condition::All(c) | Condition::Any(c) => c.iter().for_each(|x| x.linked_pairs(out)),
            Condition::Not(c) => c.linked_pairs(out),
            Condition::Quantified { body, .. } | Condition::Target { body, .. } => {
                body.linked_pairs(out)
            }
            Condition::Linked {
                resource_type,
                via,
                body,
                ..
            } => {
                out.push((resource_type.clone(), via.clone()));
                body.linked_pairs(out);
            }
            Condition::Attribute { .. } | Condition::Builtin { .. } | Condition::Type { .. } => {}
        }
    }
}
