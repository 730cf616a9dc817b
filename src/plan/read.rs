//! One plan document walked: its format checked, the managed resources of `planned_values`
//! and the `resource_changes` beside them paired by address, each pair built into an
//! instance in parallel ([`instance`](super::instance)), and unexpected shapes reported as
//! warnings in plan order.

use super::instance::{self, Planned, Warnings};
use super::refs::ResourceIndex;
use super::SUPPORTED_FORMATS;
use crate::diag::Diagnostic;
use crate::load::json::JsonRef;
use crate::model::Instance;
use crate::source::{FileId, SourceFile, Span};
use rayon::prelude::*;
use std::borrow::Cow;
use std::collections::{HashMap, HashSet};
use std::ops::Range;
use std::sync::Arc;

/// The newest Terraform release whose plan output onus was checked against.
const NEWEST_KNOWN_TERRAFORM: (u64, u64) = (1, 14);

/// Deepest module nesting followed in `planned_values`.
const MAX_MODULE_DEPTH: usize = 64;

/// Most type warnings reported per plan file; the rest are counted.
const MAX_WARNINGS: usize = 20;

/// Reads one plan file.
pub struct Reader<'t> {
    pub file: FileId,
    pub display: Arc<str>,
    /// The plan's text, which the document's values are read from.
    pub text: &'t str,
    diagnostics: Vec<Diagnostic>,
    warnings: usize,
}

impl<'t> Reader<'t> {
    pub fn new(file: FileId, src: &'t SourceFile) -> Self {
        Reader {
            file,
            display: Arc::from(src.display.as_str()),
            text: src.text.as_str(),
            diagnostics: Vec::new(),
            warnings: 0,
        }
    }

    pub fn span(&self, range: Option<Range<usize>>) -> Span {
        Span::new(self.file, range.unwrap_or(0..0))
    }

    fn warn(&mut self, message: String, at: Option<Range<usize>>) {
        self.warnings += 1;
        if self.warnings <= MAX_WARNINGS {
            let span = self.span(at);
            self.diagnostics
                .push(Diagnostic::warning("plan-unexpected", message).at(span));
        }
    }

    pub fn finish(mut self) -> Vec<Diagnostic> {
        if self.warnings > MAX_WARNINGS {
            let more = self.warnings - MAX_WARNINGS;
            let span = self.span(None);
            self.diagnostics.push(
                Diagnostic::warning(
                    "plan-unexpected",
                    format!("{more} more unexpected values in this plan were skipped"),
                )
                .at(span),
            );
        }
        self.diagnostics
    }

    /// The instances of a plan document.
    pub fn read(&mut self, plan: JsonRef<'_>) -> Vec<Instance> {
        if !plan.is_object() {
            self.diagnostics.push(
                Diagnostic::error(
                    "plan-format",
                    format!(
                        "a plan is a JSON object; this is not `terraform show -json` output (onus reads plan format versions {SUPPORTED_FORMATS})"
                    ),
                )
                .at(self.span(None)),
            );
            return Vec::new();
        }
        let member_span = |key: &str| plan.member(key).map(|m| m.span().range());
        if let Err(msg) = check_format(plan.get("format_version")) {
            let span = self.span(member_span("format_version"));
            self.diagnostics
                .push(Diagnostic::error("plan-format", msg).at(span));
            return Vec::new();
        }
        if let Some(note) = check_terraform_version(plan.get("terraform_version")) {
            let span = self.span(member_span("terraform_version"));
            self.diagnostics
                .push(Diagnostic::note("plan-terraform-version", note).at(span));
        }
        let config_root = plan
            .get("configuration")
            .and_then(|c| c.get("root_module"))
            .filter(JsonRef::is_object);

        // Changes by address: what will happen to each resource instance.
        let mut changes: HashMap<Cow<'_, str>, JsonRef<'_>> = HashMap::new();
        match plan.get("resource_changes") {
            None => {}
            Some(c) if c.is_null() => {}
            Some(c) if c.is_array() => {
                for rc in c.items() {
                    let Some(addr) = rc.get("address").and_then(|a| a.as_str()) else {
                        self.warn(
                            "a resource change without a string `address` was skipped".into(),
                            Some(rc.range()),
                        );
                        continue;
                    };
                    // Changes to deposed objects concern leftovers being destroyed.
                    if rc.get("deposed").is_some_and(|d| !d.is_null()) {
                        continue;
                    }
                    changes.insert(addr, rc);
                }
            }
            Some(_) => self.warn(
                "`resource_changes` is not a list; changes were ignored".into(),
                member_span("resource_changes"),
            ),
        }

        let mut planned: Vec<Planned<'_>> = Vec::new();
        match plan.get("planned_values").map(|p| p.get("root_module")) {
            None | Some(None) => {}
            Some(Some(m)) if m.is_null() => {}
            Some(Some(m)) if m.is_object() => self.collect_module(m, 0, &mut planned),
            Some(Some(_)) => self.warn(
                "`planned_values.root_module` is not an object; it was skipped".into(),
                member_span("planned_values"),
            ),
        }
        if plan.get("planned_values").is_none() && plan.get("resource_changes").is_none() {
            let span = self.span(None);
            self.diagnostics.push(
                Diagnostic::warning(
                    "plan-no-resources",
                    "this JSON has neither `planned_values` nor `resource_changes`: it is not a plan (state JSON is not read); nothing was checked",
                )
                .at(span),
            );
        }

        // Resources Terraform plans to change but that `planned_values` does not list (plans
        // written by other tools): read from the change's `after`.
        let listed: HashSet<&str> = planned.iter().map(|p| &*p.address).collect();
        let mut extra: Vec<(&str, JsonRef<'_>)> = changes
            .iter()
            .filter(|(a, _)| !listed.contains(&***a))
            .map(|(a, rc)| (&**a, *rc))
            .collect();
        extra.sort_by_key(|(a, _)| *a);
        let extra: Vec<Planned<'_>> = extra
            .into_iter()
            .map(|(addr, rc)| Planned {
                json: rc,
                values: rc.get("change").and_then(|c| c.get("after")),
                address: Cow::Owned(addr.to_string()),
            })
            .collect();
        drop(listed);
        planned.extend(extra);

        let index = ResourceIndex::new(config_root);
        let builder = instance::Builder {
            file: self.file,
            display: &self.display,
            text: self.text,
            config_root,
            index: &index,
        };
        // Instances are independent of each other: built in parallel, kept in plan order
        // with their warnings, so the output does not depend on the thread count.
        let built: Vec<(Option<Instance>, Warnings)> = planned
            .par_iter()
            .map(|p| {
                let mut warnings = Warnings::default();
                let change = changes.get(&*p.address).copied();
                let inst = builder.instance(p, change, &mut warnings);
                (inst, warnings)
            })
            .collect();
        let mut out = Vec::with_capacity(built.len());
        for (inst, warnings) in built {
            for (message, at) in warnings.into_messages() {
                self.warn(message, at);
            }
            out.extend(inst);
        }
        out
    }

    fn collect_module<'p>(
        &mut self,
        module: JsonRef<'p>,
        depth: usize,
        out: &mut Vec<Planned<'p>>,
    ) {
        if depth > MAX_MODULE_DEPTH {
            self.warn(
                format!("modules nested deeper than {MAX_MODULE_DEPTH} levels were skipped"),
                Some(module.range()),
            );
            return;
        }
        match module.get("resources") {
            None => {}
            Some(r) if r.is_null() => {}
            Some(r) if r.is_array() => {
                for r in r.items() {
                    let Some(addr) = r.get("address").and_then(|a| a.as_str()) else {
                        self.warn(
                            "a planned resource without a string `address` was skipped".into(),
                            Some(r.range()),
                        );
                        continue;
                    };
                    out.push(Planned {
                        json: r,
                        values: r.get("values"),
                        address: addr,
                    });
                }
            }
            Some(r) => self.warn(
                "`resources` of a planned module is not a list; it was skipped".into(),
                Some(r.range()),
            ),
        }
        match module.get("child_modules") {
            None => {}
            Some(c) if c.is_null() => {}
            Some(c) if c.is_array() => {
                for m in c.items() {
                    if m.is_object() {
                        self.collect_module(m, depth + 1, out);
                    } else {
                        self.warn(
                            "a child module that is not an object was skipped".into(),
                            Some(m.range()),
                        );
                    }
                }
            }
            Some(c) => self.warn(
                "`child_modules` is not a list; it was skipped".into(),
                Some(c.range()),
            ),
        }
    }
}

/// `Ok` for the plan format versions onus reads: 0.1, 0.2 (Terraform 0.12 to 1.0) and 1.x
/// (Terraform 1.1 onwards; minor versions only add fields).
fn check_format(v: Option<JsonRef<'_>>) -> Result<(), String> {
    let Some(v) = v else {
        return Err(format!(
            "the plan has no `format_version`; is it `terraform show -json` output? onus reads plan format versions {SUPPORTED_FORMATS}"
        ));
    };
    let Some(s) = v.as_str() else {
        return Err(format!(
            "the plan's `format_version` is a {}, not a version string; onus reads plan format versions {SUPPORTED_FORMATS}",
            v.type_name()
        ));
    };
    let mut parts = s.split('.');
    let major = parts.next().and_then(|p| p.parse::<u64>().ok());
    let minor = parts.next().and_then(|p| p.parse::<u64>().ok());
    match (major, minor) {
        (Some(1), Some(_)) | (Some(0), Some(1 | 2)) => Ok(()),
        _ => Err(format!(
            "plan format_version {s:?} is not supported; onus reads plan format versions {SUPPORTED_FORMATS}"
        )),
    }
}

/// A note when the plan was written by a Terraform newer than onus knows.
fn check_terraform_version(v: Option<JsonRef<'_>>) -> Option<String> {
    let s = v?.as_str()?;
    let mut parts = s.split(['.', '-', '+']);
    let major = parts.next()?.parse::<u64>().ok()?;
    let minor = parts.next()?.parse::<u64>().ok()?;
    if (major, minor) > NEWEST_KNOWN_TERRAFORM {
        Some(format!(
            "the plan was written by Terraform {s}, newer than the {}.{} onus knows; fields it added are ignored",
            NEWEST_KNOWN_TERRAFORM.0, NEWEST_KNOWN_TERRAFORM.1
        ))
    } else {
        None
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::load::json::parse_json;

    fn version(text: &str, f: fn(Option<JsonRef<'_>>) -> bool) -> bool {
        let doc = parse_json(FileId(0), text).expect("json");
        f(Some(doc.root(text)))
    }

    #[test]
    fn format_versions() {
        for ok in [r#""0.1""#, r#""0.2""#, r#""1.0""#, r#""1.2""#, r#""1.10""#] {
            assert!(version(ok, |v| check_format(v).is_ok()), "{ok}");
        }
        for bad in [r#""0.3""#, r#""2.0""#, r#""9.0""#, r#""x""#, "1"] {
            assert!(version(bad, |v| check_format(v).is_err()), "{bad}");
        }
        assert!(check_format(None).is_err());
    }

    #[test]
    fn terraform_versions() {
        assert!(version(r#""1.9.5""#, |v| check_terraform_version(v).is_none()));
        assert!(version(r#""2.0.0""#, |v| check_terraform_version(v).is_some()));
        assert!(version(r#""1.99.0-alpha""#, |v| check_terraform_version(v)
            .is_some()));
    }
}
