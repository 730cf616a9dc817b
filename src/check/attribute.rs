//! `attribute` and `value` conditions: the tests on a value (`equals`, `matches`, `present`,
//! comparisons with another attribute, ...), three-valued.

use super::outcome::{Blame, Outcome};
use super::select::select;
use crate::rules::{CompareOp, Test};
use crate::value::{Kind, Tri, Value};
use std::sync::Arc;

pub(super) fn eval_attribute(
    root: &Value,
    path: &[Arc<str>],
    tests: &[Test],
    default: Option<&Value>,
    prefix: &str,
) -> Outcome {
    let sel = select(root, path, prefix);
    let name = || path.join(".");
    let present_values: Vec<&(String, &Value)> =
        sel.values.iter().filter(|(_, v)| !v.is_null()).collect();
    let on_the_way = || match &sel.unknown_value {
        Some((p, v)) => Outcome::unknown_value(p, v),
        None => Outcome::of(Tri::Unknown),
    };
    if present_values.is_empty() {
        if sel.unknown {
            return on_the_way();
        }
        // Absent: `present = false` holds; other tests run on the default, or fail.
        let mut acc = Tri::True;
        for t in tests {
            let r = match (t, default) {
                (Test::Present(p), _) => Tri::from_bool(!p),
                (_, Some(d)) => run_test_at(t, d, root, prefix),
                (_, None) => Tri::False,
            };
            acc = acc.and(r);
            if acc == Tri::False {
                let label = match default {
                    Some(d) if !matches!(t, Test::Present(_)) => {
                        format!("`{}` is not set (defaults to {})", name(), d.display())
                    }
                    _ => format!("`{}` is not set", name()),
                };
                return Outcome::fail(Blame {
                    path: Some(sel.deepest.clone()).filter(|p| !p.is_empty()),
                    label,
                    value_span: None,
                    inside: None,
                });
            }
        }
        return Outcome::of(acc);
    }
    let mut acc = if sel.unknown { Tri::Unknown } else { Tri::True };
    let mut why: Option<Outcome> = None;
    for (p, v) in present_values {
        for t in tests {
            // On a value that is not known, only `present` and a pattern the known parts of a
            // string decide are decided; every other test is unknown.
            let r = match t {
                Test::CompareAttribute(..) if !v.is_known() => Tri::Unknown,
                _ => run_test_at(t, v, root, prefix),
            };
            if r == Tri::False {
                let shown = p
                    .rsplit('.')
                    .find(|s| s.parse::<usize>().is_err())
                    .map_or_else(name, str::to_string);
                let label = match t {
                    Test::NotRefersTo(ty) => super::reference::referenced(v, ty)
                        .map(|r| format!("`{shown}` is read from {r}")),
                    _ => None,
                };
                return Outcome::fail(Blame {
                    path: Some(p.clone()),
                    label: label.unwrap_or_else(|| format!("`{shown}` = {}", v.display())),
                    value_span: v.span,
                    inside: None,
                });
            }
            if r == Tri::Unknown && why.is_none() {
                why = Some(if v.is_known() {
                    Outcome::unknown(
                        Some(p.clone()),
                        format!("`{}` = {} cannot be compared", name(), v.display()),
                        v.span,
                    )
                } else {
                    Outcome::unknown_value(p, v)
                });
            }
            acc = acc.and(r);
        }
    }
    match acc {
        Tri::Unknown => why.unwrap_or_else(on_the_way),
        t => Outcome::of(t),
    }
}

/// `run_test`, with comparisons to another attribute resolved against `root` (at `prefix`).
pub(super) fn run_test_at(t: &Test, v: &Value, root: &Value, prefix: &str) -> Tri {
    let Test::CompareAttribute(op, other) = t else {
        return run_test(t, v);
    };
    let sel = select(root, other, prefix);
    let others: Vec<&Value> = sel
        .values
        .iter()
        .map(|(_, o)| *o)
        .filter(|o| !o.is_null())
        .collect();
    if others.is_empty() {
        if sel.unknown {
            return Tri::Unknown;
        }
        // Nothing to compare with: only "differs from" holds.
        return Tri::from_bool(*op == CompareOp::NotEquals);
    }
    let compare = |o: &Value| -> Tri {
        if !v.is_known() || !o.is_known() {
            return Tri::Unknown;
        }
        let numbers = || match (v.as_number(), o.as_number()) {
            (Some(a), Some(b)) => Some((a, b)),
            _ => None,
        };
        let ordered = |f: fn(f64, f64) -> bool| {
            numbers().map_or(Tri::False, |(a, b)| Tri::from_bool(f(a, b)))
        };
        match op {
            CompareOp::Equals => loose_equals(v, o),
            CompareOp::NotEquals => loose_equals(v, o).not(),
            CompareOp::Gt => ordered(|a, b| a > b),
            CompareOp::Gte => ordered(|a, b| a >= b),
            CompareOp::Lt => ordered(|a, b| a < b),
            CompareOp::Lte => ordered(|a, b| a <= b),
        }
    };
    let r = Tri::all(others.into_iter().map(compare));
    if sel.unknown {
        r.and(Tri::Unknown)
    } else {
        r
    }
}

pub(super) fn run_test(t: &Test, v: &Value) -> Tri {
    let num = |f: &dyn Fn(f64) -> bool| match v.as_number() {
        Some(n) => Tri::from_bool(f(n)),
        None if !v.is_known() => Tri::Unknown,
        None => Tri::False,
    };
    let len = || -> Option<f64> {
        match &v.kind {
            Kind::List(l) => Some(l.len() as f64),
            Kind::Object(m) => Some(m.len() as f64),
            Kind::String(s) => Some(s.chars().count() as f64),
            _ => None,
        }
    };
    match t {
        Test::Present(p) => {
            let set = v.is_set();
            if *p {
                set
            } else {
                set.not()
            }
        }
        Test::Equals(x) => loose_equals(v, x),
        Test::NotEquals(x) => loose_equals(v, x).not(),
        Test::OneOf(xs) => Tri::any(xs.iter().map(|x| loose_equals(v, x))),
        Test::NotOneOf(xs) => Tri::any(xs.iter().map(|x| loose_equals(v, x))).not(),
        Test::Matches(re) => match v.to_template_string() {
            Some(s) => Tri::from_bool(re.is_match(&s)),
            None if !v.is_known() => partial_match(re, v),
            None => Tri::False,
        },
        Test::NotMatches(re) => match v.to_template_string() {
            Some(s) => Tri::from_bool(!re.is_match(&s)),
            None if !v.is_known() => partial_match(re, v).not(),
            None => Tri::True,
        },
        Test::Gt(n) => num(&|x| x > *n),
        Test::Gte(n) => num(&|x| x >= *n),
        Test::Lt(n) => num(&|x| x < *n),
        Test::Lte(n) => num(&|x| x <= *n),
        Test::Contains(x) => match &v.kind {
            Kind::List(items) => Tri::any(items.iter().map(|i| loose_equals(i, x))),
            Kind::Unknown(_) => Tri::Unknown,
            _ => loose_equals(v, x),
        },
        Test::NotContains(x) => match &v.kind {
            Kind::List(items) => Tri::any(items.iter().map(|i| loose_equals(i, x))).not(),
            Kind::Unknown(_) => Tri::Unknown,
            _ => loose_equals(v, x).not(),
        },
        Test::PortCountGt(n) => port_count(v).map_or(Tri::False, |c| c.map(|c| c > *n)),
        Test::PortCountLte(n) => port_count(v).map_or(Tri::False, |c| c.map(|c| c <= *n)),
        Test::LengthGte(n) => len().map_or(Tri::Unknown, |l| Tri::from_bool(l >= *n)),
        Test::LengthLte(n) => len().map_or(Tri::Unknown, |l| Tri::from_bool(l <= *n)),
        // Needs the resource: see `run_test_at`.
        Test::CompareAttribute(..) => Tri::Unknown,
        Test::RefersTo(ty) => super::reference::refers_to(v, ty),
        Test::NotRefersTo(ty) => super::reference::refers_to(v, ty).not(),
    }
}

/// A pattern on a value that is not known: decided from the literal parts of a partly known
/// string when they already decide it for every completion, else unknown.
pub(super) fn partial_match(re: &regex::Regex, v: &Value) -> Tri {
    match v.literal_parts() {
        Some(parts) => super::partial::matches(re.as_str(), parts),
        None => Tri::Unknown,
    }
}

/// How many ports a port (`"443"`, `443`) or a port range (`"8000-8080"`, both ends included)
/// covers: `None` for a value that is neither (a test on it fails), unknown for an unknown value.
pub(super) fn port_count(v: &Value) -> Option<TriCount> {
    if !v.is_known() {
        return Some(TriCount::Unknown);
    }
    let s = v.to_template_string()?;
    let port = |p: &str| p.trim().parse::<u32>().ok().filter(|p| *p <= 65535);
    let count = match s.split_once('-') {
        Some((lo, hi)) => {
            let (lo, hi) = (port(lo)?, port(hi)?);
            (lo <= hi).then(|| f64::from(hi - lo + 1))?
        }
        None => port(&s).map(|_| 1.0)?,
    };
    Some(TriCount::Known(count))
}

/// A count that may be unknown.
pub(super) enum TriCount {
    Known(f64),
    Unknown,
}

impl TriCount {
    pub(super) fn map(self, f: impl Fn(f64) -> bool) -> Tri {
        match self {
            TriCount::Known(c) => Tri::from_bool(f(c)),
            TriCount::Unknown => Tri::Unknown,
        }
    }
}

/// Equality with Terraform's automatic conversions between strings, numbers and bools.
pub(super) fn loose_equals(v: &Value, x: &Value) -> Tri {
    match (&v.kind, &x.kind) {
        (Kind::Unknown(_), _) => Tri::Unknown,
        (
            Kind::String(_) | Kind::Number(_) | Kind::Bool(_),
            Kind::String(_) | Kind::Number(_) | Kind::Bool(_),
        ) => match (v.to_template_string(), x.to_template_string()) {
            (Some(a), Some(b)) => {
                if let (Some(na), Some(nb)) = (v.as_number(), x.as_number()) {
                    return Tri::from_bool(na == nb);
                }
                Tri::from_bool(a == b)
            }
            _ => Tri::False,
        },
        _ => v.equals(x),
    }
}
