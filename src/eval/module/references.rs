//! Name resolution inside a module instance (`var.`, `local.`, `module.`, `data.`, resource
//! references, `path.`, `count.`, `each.`), and the evaluation budget the expression evaluator
//! spends.

use super::instance::attr_name;
use super::working_dir::{absolute_display, relative_path};
use super::ModInst;
use crate::diag::Diagnostic;
use crate::eval::data_source;
use crate::eval::expr::{Env, Evaluator, Scope};
use crate::load::ast::Traverse;
use crate::source::Span;
use crate::value::Value;
use std::path::Path;
use std::sync::Arc;

impl Env for ModInst<'_> {
    fn resolve(
        &self,
        name: &str,
        ops: &[Traverse],
        ev: &Evaluator<'_>,
        scope: &Scope<'_>,
        span: Span,
    ) -> Option<(Value, usize)> {
        match name {
            "var" => {
                let a = attr_name(ops, 0)?;
                Some(match self.vars.get(a) {
                    Some(v) => (v.clone(), 1),
                    None => (
                        ev.error(
                            span,
                            "unknown-reference",
                            format!("variable `{a}` is not declared"),
                        ),
                        1,
                    ),
                })
            }
            "local" => {
                let a = attr_name(ops, 0)?;
                Some((self.local(a, span), 1))
            }
            "module" => {
                let a = attr_name(ops, 0)?;
                Some((self.module_value(a), 1))
            }
            "data" => {
                let ty = attr_name(ops, 0)?;
                let n = attr_name(ops, 1)?;
                match self.def.data_index.get(&(ty.clone(), n.clone())) {
                    Some(&i) => Some(data_source::read(
                        self.data_value(ty, n, &self.def.data[i]),
                        format!("{}data.{ty}.{n}", self.prefix()),
                        ops,
                    )),
                    None => Some((
                        ev.error(
                            span,
                            "unknown-reference",
                            format!("data.{ty}.{n} is not declared"),
                        ),
                        2,
                    )),
                }
            }
            "path" => {
                let a = attr_name(ops, 0)?;
                let value = match &**a {
                    "module" => relative_path(&self.ctx.working_dir, &self.def.dir),
                    "root" => ".".to_string(),
                    "cwd" => absolute_display(&self.ctx.working_dir),
                    other => {
                        return Some((
                            ev.error(
                                span,
                                "unknown-reference",
                                format!("path.{other} is not a Terraform path value"),
                            ),
                            1,
                        ))
                    }
                };
                Some((Value::string(value), 1))
            }
            "terraform" => Some((Value::string("default"), 1)),
            "self" => Some((Value::unknown("self is known only after apply"), 0)),
            "count" | "each" => Some((
                ev.error(
                    span,
                    "unknown-reference",
                    format!("`{name}` is only available in blocks with count/for_each"),
                ),
                0,
            )),
            _ => {
                let n = attr_name(ops, 0)?;
                let (ty, nm): (Arc<str>, Arc<str>) = (Arc::from(name), n.clone());
                let &i = self.def.resource_index.get(&(ty.clone(), nm.clone()))?;
                Some(self.resource_ref(&ty, &nm, &self.def.resources[i], ops, ev, scope))
            }
        }
    }

    fn step(&self) -> bool {
        let s = self.ctx.steps.get() + 1;
        self.ctx.steps.set(s);
        s <= self.ctx.opts.limits.steps
    }

    fn report(&self, d: Diagnostic) {
        self.ctx.diags.borrow_mut().push(d);
    }

    fn working_dir(&self) -> &Path {
        &self.ctx.working_dir
    }

    fn sandbox_root(&self) -> Option<&Path> {
        self.ctx.sandbox.as_deref()
    }

    fn spend(&self, units: u64) -> bool {
        let s = self.ctx.steps.get().saturating_add(units);
        self.ctx.steps.set(s);
        s <= self.ctx.opts.limits.steps
    }

    fn first_exhaustion(&self) -> bool {
        !self.ctx.cut.replace(true)
    }

    fn remember_file_text(&self, text: &Arc<str>) {
        self.ctx.file_texts.borrow_mut().push(text.clone());
    }

    fn is_file_text(&self, s: &str) -> bool {
        self.ctx
            .file_texts
            .borrow()
            .iter()
            .any(|text| text.contains(s))
    }
}
