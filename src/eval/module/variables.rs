//! A module's input variables completed against their declarations, for the root module and
//! for every module call alike: sensitivity marked, unset ones unknown, and the objects of types
//! with `optional(...)` attributes left open.

use crate::diag::Diagnostic;
use crate::eval::inputs;
use crate::load::ast::{Block, Expr, ExprKind};
use crate::load::module_def::ModuleDef;
use crate::source::Span;
use crate::value::{Kind, Map, Value};
use foldhash::HashMap;
use std::sync::Arc;

/// `v`, the value given to variable `name` (declared by `block`) `origin` ("set here", "given
/// by module `x`"), converted to the declared type as Terraform converts an input. Terraform
/// refuses to plan with a value that does not convert: here it is unknown, with an error at
/// `at`. The message names types only, never the value, which may be sensitive.
pub(super) fn convert_input(
    name: &str,
    block: &Block,
    v: Value,
    at: Span,
    origin: &str,
    report: &dyn Fn(Diagnostic),
) -> Value {
    let Some(ty) = block.body.attribute("type") else {
        return v;
    };
    match inputs::convert_to_type(v, &ty.expr) {
        Ok(v) => v,
        Err(why) => {
            let d = Diagnostic::error(
                "variable-type",
                format!("variable `{name}`: the value {origin} does not have its declared type ({why}); it is treated as unknown"),
            );
            report(d.at(at));
            Value::unknown(format!(
                "variable `{name}` was given a value of the wrong type"
            ))
            .with_span(at)
        }
    }
}

/// Marks sensitive variables and gives unset ones an unknown value.
pub(super) fn finish_variables(
    def: &ModuleDef,
    mut values: HashMap<Arc<str>, Value>,
) -> HashMap<Arc<str>, Value> {
    for (name, block) in &def.variables {
        let sensitive = block
            .body
            .attribute("sensitive")
            .is_some_and(|a| matches!(a.expr.kind, ExprKind::Bool(true)));
        // A variable without a value is required: Terraform refuses to plan until it gets
        // one, and treats null as no value unless the variable says `nullable = true`. So it
        // is unknown but certainly set.
        let nullable = block
            .body
            .attribute("nullable")
            .is_some_and(|a| matches!(a.expr.kind, ExprKind::Bool(true)));
        // A type with `optional(...)` attributes fills the missing ones with null or a
        // default, which the conversion does not do: reading them is not the error it is on
        // other objects, so the value's objects are left open (unknown when a key is missing).
        let optional_attrs = block
            .body
            .attribute("type")
            .is_some_and(|a| mentions_optional(&a.expr));
        let values_entry =
            values
                .remove(name)
                .map(|v| if optional_attrs { open_objects(v) } else { v });
        let v = values_entry.unwrap_or_else(|| {
            let why = format!("variable `{name}` has no value");
            if nullable {
                Value::unknown(why)
            } else {
                Value::unknown_set(why)
            }
            .with_span(block.header)
        });
        values.insert(name.clone(), v.mark_sensitive(sensitive));
    }
    values
}

/// Whether a type expression uses `optional(...)` anywhere.
pub(super) fn mentions_optional(e: &Expr) -> bool {
    match &e.kind {
        ExprKind::Call { name, args, .. } => {
            name.as_ref() == "optional" || args.iter().any(mentions_optional)
        }
        ExprKind::Object(items) => items.iter().any(|(_, v)| mentions_optional(v)),
        ExprKind::Tuple(items) => items.iter().any(mentions_optional),
        _ => false,
    }
}

/// Most values nodes [`open_objects`] rebuilds; past it the value is left unknown.
pub(super) const OPEN_OBJECTS_MAX_NODES: usize = 100_000;

/// The value with every object in it marked open ([`Map::into_open`]).
pub(super) fn open_objects(v: Value) -> Value {
    fn walk(v: &Value, budget: &mut usize) -> Option<Value> {
        *budget = budget.checked_sub(1)?;
        let rebuilt = match &v.kind {
            Kind::Object(map) => {
                let mut out = Map::new();
                for (k, x) in map.iter() {
                    out.insert(k.clone(), walk(x, budget)?);
                }
                Value::object(out.into_open())
            }
            Kind::List(items) => Value::list(
                items
                    .iter()
                    .map(|x| walk(x, budget))
                    .collect::<Option<_>>()?,
            ),
            _ => return Some(v.clone()),
        };
        let rebuilt = rebuilt.mark_sensitive(v.sensitive);
        Some(match v.span {
            Some(s) => rebuilt.with_span(s),
            None => rebuilt,
        })
    }
    let mut budget = OPEN_OBJECTS_MAX_NODES;
    walk(&v, &mut budget).unwrap_or_else(|| {
        Value::unknown("value too large to check against its type's optional attributes")
    })
}
