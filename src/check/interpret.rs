//! The condition interpreter: evaluates a rule's condition tree on an instance (or an element
//! of one) with Kleene three-valued logic, and says which value is to blame.

mod linked;

use super::attribute::{eval_attribute, run_test};
use super::context::Ctx;
use super::outcome::{Blame, Outcome};
use super::select::{join, select, value_at, Selection};
use crate::builtins::BuiltinFn;
use crate::model::Instance;
use crate::rules::{Condition, Quantifier, Test};
use crate::source::Span;
use crate::value::{Kind, Map, Tri, Value};
use linked::{eval_linked, eval_target};
use std::sync::Arc;

pub(super) fn eval(
    ctx: &Ctx<'_>,
    c: &Condition,
    inst: &Instance,
    root: &Value,
    prefix: &str,
) -> Outcome {
    match c {
        Condition::All(items) => eval_all(ctx, items, inst, root, prefix),
        Condition::Any(items) => eval_any(ctx, items, inst, root, prefix),
        Condition::Not(inner) => eval_not(ctx, inner, inst, root, prefix),
        Condition::Attribute {
            path,
            tests,
            default,
        } => eval_attribute(root, path, tests, default.as_ref(), prefix),
        Condition::Type { tests } => eval_type(tests, inst),
        Condition::Target {
            via,
            resource_type,
            match_attribute,
            quantifier,
            body,
        } => eval_target(
            ctx,
            inst,
            root,
            prefix,
            via,
            resource_type.as_deref(),
            match_attribute.as_deref(),
            *quantifier == Quantifier::Some,
            body,
        ),
        Condition::Quantified {
            quantifier,
            path,
            body,
        } => eval_quantified(ctx, *quantifier, path, body, inst, root, prefix),
        Condition::Linked {
            resource_type,
            via,
            match_attribute,
            body,
        } => eval_linked(
            ctx,
            inst,
            resource_type,
            via,
            match_attribute.as_deref(),
            body,
        ),
        Condition::Builtin { name, func, args } => eval_builtin(name, *func, args, root, prefix),
    }
}

/// `all { ... }` (and every body): the first false condition decides, else unknown blames the
/// first undecided one.
fn eval_all(
    ctx: &Ctx<'_>,
    items: &[Condition],
    inst: &Instance,
    root: &Value,
    prefix: &str,
) -> Outcome {
    let mut acc = Tri::True;
    let mut blame = None;
    for item in items {
        let o = eval(ctx, item, inst, root, prefix);
        if o.tri == Tri::False {
            return o;
        }
        acc = acc.and(o.tri);
        if blame.is_none() {
            blame = o.blame;
        }
    }
    Outcome {
        tri: acc,
        blame: if acc == Tri::True { None } else { blame },
    }
}

/// `any { ... }`: the first true alternative decides; a failure blames the most telling
/// alternative.
fn eval_any(
    ctx: &Ctx<'_>,
    items: &[Condition],
    inst: &Instance,
    root: &Value,
    prefix: &str,
) -> Outcome {
    let mut acc = Tri::False;
    let mut first_blame: Option<Blame> = None;
    let mut first_unknown = None;
    // What a failed linked alternative says ("no `aws_s3_bucket_versioning` refers
    // to this resource"): it names the resource the fix usually adds, so the detail
    // keeps it even when an attribute alternative is blamed.
    let mut linked_label: Option<String> = None;
    for item in items {
        let o = eval(ctx, item, inst, root, prefix);
        if o.tri == Tri::True {
            return o;
        }
        acc = acc.or(o.tri);
        if o.tri == Tri::False && matches!(item, Condition::Linked { .. }) {
            if let (None, Some(b)) = (&linked_label, &o.blame) {
                linked_label = Some(b.label.clone());
            }
        }
        // A failure at a value that is set says more than one at the resource header
        // (an alternative whose attribute is simply absent).
        if o.tri == Tri::False
            && (first_blame.is_none()
                || (at_header(first_blame.as_ref()) && points_at_value(o.blame.as_ref())))
        {
            first_blame = o.blame;
        } else if o.tri == Tri::Unknown && first_unknown.is_none() {
            first_unknown = o.blame;
        }
    }
    if let (Some(b), Some(linked)) = (&mut first_blame, linked_label) {
        if b.label != linked {
            b.label = format!("{}, and {linked}", b.label);
        }
    }
    Outcome {
        tri: acc,
        blame: match acc {
            Tri::False => first_blame,
            Tri::Unknown => first_unknown,
            Tri::True => None,
        },
    }
}

/// `not { ... }`: holds when the body fails; a body that holds is blamed at the value that
/// makes it hold.
fn eval_not(
    ctx: &Ctx<'_>,
    inner: &Condition,
    inst: &Instance,
    root: &Value,
    prefix: &str,
) -> Outcome {
    let o = eval(ctx, inner, inst, root, prefix);
    match o.tri {
        Tri::True => {
            // Point at the value that makes the forbidden body hold, when one is set.
            let seen = witness(inner, root, prefix);
            Outcome::fail(Blame {
                path: o
                    .blame
                    .as_ref()
                    .and_then(|b| b.path.clone())
                    .or_else(|| seen.as_ref().map(|(p, _)| p.clone())),
                label: match &seen {
                    Some((p, v)) => match v.plain_reference() {
                        Some(r) if !v.is_known() => {
                            format!("`{}` is read from {r}, which is not allowed", last_name(p))
                        }
                        _ => format!("`{}` = {} is not allowed", last_name(p), v.display()),
                    },
                    None => "this setting is not allowed".into(),
                },
                value_span: seen.and_then(|(_, v)| v.span),
                inside: None,
            })
        }
        Tri::False => Outcome::of(Tri::True),
        Tri::Unknown => o,
    }
}

/// `type { ... }`: the tests on the resource type.
fn eval_type(tests: &[Test], inst: &Instance) -> Outcome {
    let ty = Value::string(inst.resource_type.clone());
    let r = Tri::all(tests.iter().map(|t| run_test(t, &ty)));
    if r == Tri::False {
        Outcome::fail(Blame {
            path: None,
            label: format!("the resource type is `{}`", inst.resource_type),
            value_span: None,
            inside: None,
        })
    } else {
        Outcome::of(r)
    }
}

/// `some`, `each`, `every` and `none` over the elements `path` selects.
fn eval_quantified(
    ctx: &Ctx<'_>,
    quantifier: Quantifier,
    path: &[Arc<str>],
    body: &Condition,
    inst: &Instance,
    root: &Value,
    prefix: &str,
) -> Outcome {
    let sel = select(root, path, prefix);
    let (elements, unknown, why) = elements_of(&sel);
    let results: Vec<(Outcome, &str)> = elements
        .iter()
        .map(|(p, v)| {
            // A partly known string may still satisfy (or fail) a `value` test, and a
            // plain reference a `refers_to`.
            let o = if v.is_known() || v.literal_parts().is_some() || v.plain_reference().is_some()
            {
                eval(ctx, body, inst, v, p)
            } else {
                Outcome::unknown_value(p, v)
            };
            (o, p.as_str())
        })
        .collect();
    // Why the quantifier is undecided: an unknown collection, or an undecided element.
    let undecided = move |results: &[(Outcome, &str)]| -> Outcome {
        why.or_else(|| {
            results
                .iter()
                .find(|(o, _)| o.tri == Tri::Unknown)
                .map(|(o, _)| Outcome {
                    tri: Tri::Unknown,
                    blame: o.blame.clone(),
                })
        })
        .unwrap_or_else(|| Outcome::of(Tri::Unknown))
    };
    let path_str = || join(prefix, &path.join("."));
    match quantifier {
        Quantifier::Some => {
            if results.iter().any(|(o, _)| o.tri == Tri::True) {
                return Outcome::of(Tri::True);
            }
            if unknown || results.iter().any(|(o, _)| o.tri == Tri::Unknown) {
                return undecided(&results);
            }
            let blame = results
                .into_iter()
                .next()
                .and_then(|(o, _)| o.blame)
                .unwrap_or(Blame {
                    path: Some(path_str()),
                    label: format!("no `{}` satisfies the rule", path.join(".")),
                    value_span: None,
                    inside: None,
                });
            Outcome::fail(blame)
        }
        Quantifier::Every if results.is_empty() && !unknown => Outcome::fail(Blame {
            path: Some(sel.deepest.clone()).filter(|p| !p.is_empty()),
            label: format!("no `{}` is set", path.join(".")),
            value_span: None,
            inside: None,
        }),
        Quantifier::Each | Quantifier::Every => {
            for (o, _) in &results {
                if o.tri == Tri::False {
                    return Outcome {
                        tri: Tri::False,
                        blame: o.blame.clone(),
                    };
                }
            }
            if unknown || results.iter().any(|(o, _)| o.tri == Tri::Unknown) {
                undecided(&results)
            } else {
                Outcome::of(Tri::True)
            }
        }
        Quantifier::None => {
            if let Some(i) = results.iter().position(|(o, _)| o.tri == Tri::True) {
                // Point at the offending value inside the element when one is set
                // (`value = "0.0.0.0/0"` in `authorized_networks`, also through
                // `dynamic`), else at the element.
                let (p, element) = &elements[i];
                return Outcome::fail(none_blame(body, path, p, element));
            }
            if unknown || results.iter().any(|(o, _)| o.tri == Tri::Unknown) {
                undecided(&results)
            } else {
                Outcome::of(Tri::True)
            }
        }
    }
}

/// The elements a quantifier ranges over: each element of a selected list, or a selected value
/// itself; whether an unknown collection may hide more, and why.
fn elements_of<'v>(sel: &Selection<'v>) -> (Vec<(String, &'v Value)>, bool, Option<Outcome>) {
    let mut elements: Vec<(String, &Value)> = Vec::new();
    let mut unknown = sel.unknown;
    let mut why = sel
        .unknown_value
        .as_ref()
        .map(|(p, v)| Outcome::unknown_value(p, v));
    for (p, v) in &sel.values {
        match &v.kind {
            Kind::List(items) => {
                for (i, item) in items.iter().enumerate() {
                    elements.push((format!("{p}.{i}"), item));
                }
            }
            // A partly known string is one string, not an unknown collection.
            Kind::Unknown(_) if v.literal_parts().is_none() => {
                unknown = true;
                why.get_or_insert_with(|| Outcome::unknown_value(p, v));
            }
            _ => elements.push((p.clone(), v)),
        }
    }
    (elements, unknown, why)
}

/// Why `none` failed at element `p` of `path`: the offending value inside the element when one
/// is set (`value = "0.0.0.0/0"` in `authorized_networks`, also through `dynamic`), else the
/// element.
fn none_blame(body: &Condition, path: &[Arc<str>], p: &str, element: &Value) -> Blame {
    match witness(body, element, p) {
        // The element itself (`value { ... }` in a list of strings).
        Some((at, v)) if at == p => Blame {
            label: format!(
                "`{}` has {}, which is not allowed",
                path.join("."),
                match v.plain_reference() {
                    Some(r) if !v.is_known() => format!("a value read from {r}"),
                    _ => v.display(),
                }
            ),
            path: Some(at),
            value_span: v.span,
            inside: None,
        },
        Some((at, v)) => Blame {
            label: format!(
                "this `{}` has `{}` = {}",
                path.join("."),
                last_name(&at),
                v.display()
            ),
            path: Some(at),
            value_span: v.span,
            inside: None,
        },
        None => Blame {
            path: Some(p.to_string()),
            label: format!("this `{}` is not allowed", path.join(".")),
            value_span: None,
            inside: None,
        },
    }
}

/// `builtin "NAME" { ... }`: the predicate's verdict, blamed at the attribute it names.
fn eval_builtin(name: &str, func: BuiltinFn, args: &Map, root: &Value, prefix: &str) -> Outcome {
    match func(root, args) {
        Ok(o) => {
            if o.result == Tri::False {
                let path = o.attribute.map(|a| join(prefix, &a));
                let value_span = path
                    .as_deref()
                    .and_then(|p| value_at(root, prefix, p))
                    .and_then(origin_span);
                Outcome::fail(Blame {
                    path,
                    label: o.detail.unwrap_or_else(|| format!("fails `{name}`")),
                    value_span,
                    inside: o.span,
                })
            } else if o.result == Tri::Unknown {
                let path = o.attribute.map(|a| join(prefix, &a));
                let at = path
                    .as_deref()
                    .and_then(|p| value_at(root, prefix, p))
                    .and_then(|v| v.span);
                let why = o
                    .detail
                    .unwrap_or_else(|| format!("`{name}` cannot tell from the values known"));
                Outcome::unknown(path, why, at)
            } else {
                Outcome::of(o.result)
            }
        }
        // Bad arguments are rejected when the rule is parsed; should one slip through, the
        // honest answer at scan time is "cannot tell".
        Err(e) => Outcome::unknown(None, format!("`{name}`: {e}"), None),
    }
}

/// Whether a blame points at the resource header (names no attribute).
pub(super) fn at_header(b: Option<&Blame>) -> bool {
    b.is_none_or(|b| b.path.is_none())
}

/// Whether a blame names an attribute that is set (not a missing one, not the header).
pub(super) fn points_at_value(b: Option<&Blame>) -> bool {
    b.is_some_and(|b| b.path.is_some() && b.value_span.is_some())
}

/// The last name of a dotted path, skipping list indexes: `ingress.0.cidr_blocks` → `cidr_blocks`.
pub(super) fn last_name(p: &str) -> &str {
    p.rsplit('.')
        .find(|s| s.parse::<usize>().is_err())
        .unwrap_or(p)
}

/// The last attribute a condition tests that is set, with its path: what a `not` that holds
/// is about. Rules name what kind of setting it is first and the offending value last
/// (`name = "require_secure_transport"`, then `value = "OFF"`).
pub(super) fn witness<'v>(
    c: &Condition,
    root: &'v Value,
    prefix: &str,
) -> Option<(String, &'v Value)> {
    match c {
        Condition::Attribute { path, .. } => select(root, path, prefix)
            .values
            .into_iter()
            .rfind(|(_, v)| !v.is_null()),
        Condition::All(items) | Condition::Any(items) => {
            items.iter().rev().find_map(|i| witness(i, root, prefix))
        }
        _ => None,
    }
}

/// Where a value was set; for a list written in place whose element came from elsewhere (a
/// variable in `cidr_blocks = [var.x]`), where that element was set.
pub(super) fn origin_span(v: &Value) -> Option<Span> {
    let own = v.span?;
    if let Kind::List(items) = &v.kind {
        let outside = items
            .iter()
            .filter_map(|i| i.span)
            .find(|s| s.file != own.file || s.start < own.start || s.end > own.end);
        if outside.is_some() {
            return outside;
        }
    }
    Some(own)
}
