//! The input variables of a root module: defaults, `TF_VAR_`, auto-loaded and named variables
//! files and `--var`, in Terraform's precedence, checked against the declarations.

use super::variables::{convert_input, finish_variables};
use crate::diag::Diagnostic;
use crate::eval::expr::constant_or_unknown;
use crate::eval::inputs::parse_cli_value;
use crate::eval::EvalOptions;
use crate::load::ast::ExprKind;
use crate::load::module_def::ModuleDef;
use crate::load::VarValue;
use crate::source::Span;
use crate::value::Value;
use foldhash::{HashMap, HashMapExt};
use std::sync::Arc;

pub(super) fn root_variables(
    def: &ModuleDef,
    opts: &EvalOptions,
    report: &dyn Fn(Diagnostic),
) -> HashMap<Arc<str>, Value> {
    let mut values: HashMap<Arc<str>, Value> = HashMap::new();
    for (name, block) in &def.variables {
        if let Some(d) = block.body.attribute("default") {
            values.insert(
                name.clone(),
                constant_or_unknown(&d.expr, "a variable default", report),
            );
        }
    }
    let string_typed = |name: &str| {
        def.variables
            .get(name)
            .and_then(|b| b.body.attribute("type"))
            .is_some_and(|t| matches!(&t.expr.kind, ExprKind::Variable(v) if &**v == "string"))
    };
    // Terraform converts each input to the declared type, or refuses to plan: here the value
    // is then unknown, with an error where it was set.
    let typed = |name: &str, v: Value, at: Option<Span>, origin: &str| -> Value {
        let Some(block) = def.variables.get(name) else {
            return v;
        };
        // A value from the environment or the command line is in no file: report it at the
        // declaration.
        convert_input(name, block, v, at.unwrap_or(block.header), origin, report)
    };
    for (name, text) in &opts.env_vars {
        if def.variables.contains_key(name.as_str()) {
            let v = parse_cli_value(text, string_typed(name));
            let v = typed(name, v, None, &format!("of TF_VAR_{name}"));
            values.insert(Arc::from(name.as_str()), v);
        }
    }
    let auto_loaded = def.vars_files.iter().map(|(_, a)| (a.as_slice(), true));
    let named = opts.var_files.iter().map(|a| (&a[..], false));
    for (assignments, auto) in auto_loaded.chain(named) {
        for a in assignments {
            if !def.variables.contains_key(&a.name) {
                // Terraform warns about values for undeclared variables in files it loads
                // itself; a file named with --var-file may serve several roots.
                if auto {
                    report(
                        Diagnostic::warning(
                            "undeclared-variable",
                            format!("a value is assigned to variable `{}`, which this root module does not declare; Terraform ignores it", a.name),
                        )
                        .at(a.span),
                    );
                }
                continue;
            }
            let v = match &a.value {
                VarValue::Expr(e) => constant_or_unknown(e, "a variables file value", report),
                VarValue::Value(v) => v.clone(),
            };
            let v = typed(&a.name, v, Some(a.span), "set here");
            values.insert(a.name.clone(), v);
        }
    }
    for cv in &opts.vars {
        if def.variables.contains_key(cv.name.as_str()) {
            let v = parse_cli_value(&cv.value, string_typed(&cv.name));
            let v = typed(&cv.name, v, None, &format!("of --var {}", cv.name));
            values.insert(Arc::from(cv.name.as_str()), v);
        }
    }
    finish_variables(def, values)
}
