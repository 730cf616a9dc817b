//! The driver: runs every rule on every applicable managed instance, in parallel, and records
//! each evaluation, the findings (only a condition that is *false* becomes one) and why an
//! undecided check could not be decided.

use super::context::Ctx;
use super::findings::{display_attribute_path, make_finding};
use super::interpret::eval;
use super::links::{build_links, build_targets};
use super::outcome::Outcome;
use crate::finding::Finding;
use crate::model::{Instance, ResourceMode};
use crate::rules::{Condition, Rule, RuleSet};
use crate::source::{FileId, SourceMap, Span};
use crate::taxonomy::ServiceModel;
use crate::value::Tri;
use rayon::prelude::*;
use std::sync::Arc;

/// One rule evaluated on one instance.
#[derive(Debug, Clone, Copy)]
pub struct Evaluation {
    /// Index in the rule set.
    pub rule: u32,
    /// Index of the instance (the scan result's resources).
    pub instance: u32,
    /// True: compliant; False: a finding; Unknown: could not tell.
    pub result: Tri,
}

#[derive(Debug, Default)]
pub struct CheckOutput {
    /// Boxed: findings move from per-root vectors into the scan's, and a pointer moves
    /// cheaper than a finding.
    pub findings: Vec<Box<Finding>>,
    pub evaluations: Vec<Evaluation>,
    /// Why each undecided evaluation could not be decided, in evaluation order.
    pub undecided: Vec<Undecided>,
}

/// A rule that could not be decided on a resource, and why.
#[derive(Debug, Clone, PartialEq)]
pub struct Undecided {
    pub rule_id: Arc<str>,
    pub address: String,
    /// The attribute whose value could not be known, when one is to blame.
    pub attribute: Option<String>,
    /// What could not be known: "variable `x` has no value", "... known only after apply".
    pub reason: String,
    /// The attribute, or the resource block header.
    pub primary: Span,
    /// Where the unknown value was set, when that is elsewhere (a variable declaration).
    pub value_span: Option<Span>,
}

/// A rule set ready to check instances: what its `linked` conditions look up is gathered once,
/// not for every root module checked.
pub struct Checker<'r> {
    pub(super) rules: &'r RuleSet,
    /// Every (resource type, via attribute) some `linked` condition looks up, sorted.
    pub(super) linked: Vec<(Arc<str>, Arc<str>)>,
    /// Some rule has a `target` condition: the address index is built.
    pub(super) targets: bool,
    /// Files where an ignore comment may sit (sorted). A finding keeps only the enclosing
    /// spans in these files.
    pub(super) anchor_files: &'r [FileId],
}

impl<'r> Checker<'r> {
    /// `anchor_files`: the files that hold ignore comments, sorted.
    pub fn new(rules: &'r RuleSet, anchor_files: &'r [FileId]) -> Self {
        let mut linked = Vec::new();
        for r in rules.rules() {
            r.assert.linked_pairs(&mut linked);
            if let Some(w) = &r.when {
                w.linked_pairs(&mut linked);
            }
        }
        linked.sort();
        linked.dedup();
        let targets = rules
            .rules()
            .iter()
            .any(|r| r.assert.has_target() || r.when.as_ref().is_some_and(Condition::has_target));
        Checker {
            rules,
            linked,
            targets,
            anchor_files,
        }
    }

    /// Runs every rule on every applicable managed instance, in parallel. Evaluations index
    /// `instances`; `linked` conditions look for partners among them. `classify` gives the
    /// service and service model a finding reports.
    pub fn check(
        &self,
        instances: &[Instance],
        sources: &SourceMap,
        classify: &(dyn Fn(&str) -> (Arc<str>, ServiceModel) + Sync),
    ) -> CheckOutput {
        let rules = self.rules;
        let (by_address, by_type) = if self.targets {
            build_targets(instances)
        } else {
            Default::default()
        };
        let ctx = Ctx {
            instances,
            links: build_links(instances, &self.linked),
            by_address,
            by_type,
        };
        let per_instance: Vec<(Vec<Box<Finding>>, Vec<Evaluation>, Vec<Undecided>)> = instances
            .par_iter()
            .enumerate()
            .filter(|(_, inst)| inst.mode == ResourceMode::Managed)
            .map(|(i, inst)| {
                let mut findings = Vec::new();
                let mut evals = Vec::new();
                let mut undecided = Vec::new();
                let applicable = rules.for_type(&inst.resource_type);
                if applicable.is_empty() {
                    return (findings, evals, undecided);
                }
                // Only findings report the service: classified at the first one.
                let mut class: Option<(Arc<str>, ServiceModel)> = None;
                for &r in applicable {
                    let rule = &rules.rules()[r];
                    let result = evaluate_rule(&ctx, rule, inst);
                    let Some(result) = result else { continue };
                    evals.push(Evaluation {
                        rule: u32::try_from(r).unwrap_or(u32::MAX),
                        instance: u32::try_from(i).unwrap_or(u32::MAX),
                        result: result.tri,
                    });
                    if result.tri == Tri::Unknown {
                        let blame = result.blame.as_ref();
                        let attribute = blame.and_then(|b| b.path.clone());
                        let primary = attribute
                            .as_deref()
                            .map_or(inst.header, |p| inst.span_of(p));
                        undecided.push(Undecided {
                            rule_id: rule.id.clone(),
                            address: inst.address.clone(),
                            attribute: attribute.as_deref().map(display_attribute_path),
                            reason: blame.map_or_else(
                                || "cannot be decided from the configuration".to_string(),
                                |b| b.label.clone(),
                            ),
                            primary,
                            value_span: blame
                                .and_then(|b| b.value_span)
                                .filter(|s| *s != primary && *s != Span::default()),
                        });
                    }
                    if result.tri == Tri::False {
                        let (service, model) = class
                            .get_or_insert_with(|| classify(&inst.resource_type))
                            .clone();
                        findings.push(Box::new(make_finding(
                            rule,
                            inst,
                            result.blame,
                            sources,
                            service,
                            model,
                            self.anchor_files,
                        )));
                    }
                }
                (findings, evals, undecided)
            })
            .collect();
        let mut out = CheckOutput::default();
        for (f, e, u) in per_instance {
            out.findings.extend(f);
            out.evaluations.extend(e);
            out.undecided.extend(u);
        }
        out
    }
}

/// `None` when the rule's `when` says it does not apply.
pub(super) fn evaluate_rule(ctx: &Ctx<'_>, rule: &Rule, inst: &Instance) -> Option<Outcome> {
    if let Some(when) = &rule.when {
        let o = eval(ctx, when, inst, &inst.values, "");
        match o.tri {
            Tri::False => return None,
            Tri::Unknown => return Some(o),
            Tri::True => {}
        }
    }
    Some(eval(ctx, &rule.assert, inst, &inst.values, ""))
}
