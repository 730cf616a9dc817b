//! The compliance report (`onus matrix --compliance FRAMEWORK`): per control of a framework,
//! whether the scanned configuration passes, fails or leaves it undecided, from the rules that
//! map to the control; and, from the framework's control catalogue, the controls no rule
//! checks yet and those no static scan can verify, with why. A control passes only when every
//! evaluation of its rules was decided compliant: an undecided check never counts as a pass.

use crate::result::ScanResult;
use crate::rules::controls::{control_order, ControlCatalog, ControlScope};
use crate::value::Tri;
use serde::Serialize;
use std::collections::{BTreeMap, BTreeSet, HashMap, HashSet};
use std::fmt::Write;

/// What the scan says about one control.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum ControlStatus {
    /// A rule of the control has an active finding.
    Failed,
    /// No active finding, but some check could not be decided.
    Undecided,
    /// Every check of the control's rules was decided compliant.
    Passed,
    /// Rules map to the control, but no resource they apply to was scanned.
    NotInScope,
    /// Terraform can express the control, but no rule checks it yet.
    NotChecked,
    /// A scan of Terraform code cannot decide the control (see the reason).
    NotVerifiable,
}

impl ControlStatus {
    pub const ALL: [ControlStatus; 6] = [
        Self::Failed,
        Self::Undecided,
        Self::Passed,
        Self::NotInScope,
        Self::NotChecked,
        Self::NotVerifiable,
    ];

    pub fn label(self) -> &'static str {
        match self {
            Self::Failed => "failed",
            Self::Undecided => "undecided",
            Self::Passed => "passed",
            Self::NotInScope => "not in scope",
            Self::NotChecked => "no rule yet",
            Self::NotVerifiable => "not verifiable statically",
        }
    }
}

#[derive(Debug, Clone, Serialize)]
pub struct ControlReport {
    pub control: String,
    /// From the framework's catalogue, when it has one.
    pub title: Option<String>,
    pub status: ControlStatus,
    /// Rules mapped to the control (those the scan ran).
    pub rules: Vec<String>,
    /// Rule × resource checks run.
    pub evaluated: usize,
    /// Resources with an active finding of one of the rules: `rule-id address`.
    pub failing: Vec<String>,
    /// Checks that could not be decided.
    pub undecided: usize,
    /// Findings suppressed or baselined: accepted risk, still not a pass of the rule.
    pub accepted: usize,
    /// Why a static scan cannot decide the control.
    pub reason: Option<String>,
}

#[derive(Debug, Clone, Serialize)]
pub struct FrameworkReport {
    pub framework: String,
    /// Whether a control catalogue lists the framework's controls no rule maps.
    pub catalogued: bool,
    pub controls: Vec<ControlReport>,
    /// Controls per status label.
    pub totals: BTreeMap<&'static str, usize>,
}

#[derive(Default, Clone)]
struct RuleTally {
    evaluated: usize,
    undecided: usize,
    accepted: usize,
    failing: BTreeSet<String>,
}

/// Builds the report of each framework from the scan's evaluations.
pub fn build(result: &ScanResult, frameworks: &[String]) -> Vec<FrameworkReport> {
    let active: HashSet<(&str, &str)> = result
        .findings
        .iter()
        .filter(|f| f.suppression.is_none())
        .map(|f| (&*f.rule_id, f.address.as_str()))
        .collect();
    let rules = result.rules.rules();
    let mut tallies: HashMap<u32, RuleTally> = HashMap::new();
    for e in &result.evaluations {
        let (Some(rule), Some(inst)) = (
            rules.get(e.rule as usize),
            result.resources.get(e.instance as usize),
        ) else {
            continue;
        };
        let t = tallies.entry(e.rule).or_default();
        t.evaluated += 1;
        match e.result {
            Tri::Unknown => t.undecided += 1,
            Tri::False if active.contains(&(&*rule.id, &*inst.address)) => {
                t.failing.insert(format!("{} {}", rule.id, inst.address));
            }
            Tri::False => t.accepted += 1,
            Tri::True => {}
        }
    }
    frameworks
        .iter()
        .map(|fw| {
            let catalog = ControlCatalog::builtin(fw).and_then(Result::ok);
            let mut mapped: BTreeMap<String, Vec<u32>> = BTreeMap::new();
            for (i, rule) in (0u32..).zip(rules) {
                for (f, ids) in &rule.compliance {
                    if f == fw {
                        for id in ids {
                            mapped.entry(id.clone()).or_default().push(i);
                        }
                    }
                }
            }
            let mut ids: Vec<String> = mapped.keys().cloned().collect();
            if let Some(cat) = &catalog {
                ids.extend(cat.controls.iter().map(|c| c.id.clone()));
            }
            ids.sort_by(|a, b| control_order(a, b));
            ids.dedup();
            let controls: Vec<ControlReport> = ids
                .into_iter()
                .map(|id| {
                    let def = catalog.as_ref().and_then(|c| c.get(&id));
                    let rule_idx = mapped.get(&id).cloned().unwrap_or_default();
                    let mut sum = RuleTally::default();
                    for i in &rule_idx {
                        if let Some(t) = tallies.get(i) {
                            sum.evaluated += t.evaluated;
                            sum.undecided += t.undecided;
                            sum.accepted += t.accepted;
                            sum.failing.extend(t.failing.iter().cloned());
                        }
                    }
                    let status = if rule_idx.is_empty() {
                        match def.map(|d| d.scope) {
                            Some(ControlScope::Estate | ControlScope::Outside) => {
                                ControlStatus::NotVerifiable
                            }
                            _ => ControlStatus::NotChecked,
                        }
                    } else if !sum.failing.is_empty() {
                        ControlStatus::Failed
                    } else if sum.undecided > 0 {
                        ControlStatus::Undecided
                    } else if sum.evaluated > 0 {
                        ControlStatus::Passed
                    } else {
                        ControlStatus::NotInScope
                    };
                    let mut rule_ids: Vec<String> = rule_idx
                        .iter()
                        .filter_map(|i| rules.get(*i as usize).map(|r| r.id.to_string()))
                        .collect();
                    rule_ids.sort();
                    ControlReport {
                        title: def.map(|d| d.title.clone()),
                        reason: def.and_then(|d| d.reason.clone()),
                        control: id,
                        status,
                        rules: rule_ids,
                        evaluated: sum.evaluated,
                        failing: sum.failing.into_iter().collect(),
                        undecided: sum.undecided,
                        accepted: sum.accepted,
                    }
                })
                .collect();
            let mut totals = BTreeMap::new();
            for c in &controls {
                *totals.entry(c.status.label()).or_insert(0) += 1;
            }
            FrameworkReport {
                framework: fw.clone(),
                catalogued: catalog.is_some(),
                controls,
                totals,
            }
        })
        .collect()
}

fn totals_line(r: &FrameworkReport) -> String {
    let parts: Vec<String> = ControlStatus::ALL
        .iter()
        .filter_map(|s| {
            r.totals
                .get(s.label())
                .map(|n| format!("{n} {}", s.label()))
        })
        .collect();
    let n = r.controls.len();
    format!(
        "{n} control{}: {}",
        if n == 1 { "" } else { "s" },
        parts.join(", ")
    )
}

fn detail(c: &ControlReport) -> String {
    match c.status {
        ControlStatus::Failed => {
            let mut s = c.failing.join(", ");
            if c.undecided > 0 {
                let _ = write!(s, " (and {} undecided)", c.undecided);
            }
            s
        }
        ControlStatus::Undecided => format!(
            "{} of {} check{} undecided ({})",
            c.undecided,
            c.evaluated,
            if c.evaluated == 1 { "" } else { "s" },
            c.rules.join(", ")
        ),
        ControlStatus::Passed => {
            let mut s = format!(
                "{} check{} ({})",
                c.evaluated,
                if c.evaluated == 1 { "" } else { "s" },
                c.rules.join(", ")
            );
            if c.accepted > 0 {
                let _ = write!(s, "; {} accepted by suppression or baseline", c.accepted);
            }
            s
        }
        ControlStatus::NotInScope => format!("no resource for {}", c.rules.join(", ")),
        ControlStatus::NotChecked => String::new(),
        ControlStatus::NotVerifiable => c.reason.clone().unwrap_or_default(),
    }
}

fn no_catalog_note(r: &FrameworkReport) -> Option<String> {
    (!r.catalogued).then(|| {
        format!(
            "onus has no control list of {}: only controls its rules map are shown.",
            r.framework
        )
    })
}

/// Plain text for the terminal.
pub fn render_text(reports: &[FrameworkReport]) -> String {
    let mut out = String::new();
    for r in reports {
        let _ = writeln!(out, "\nCompliance: {} ({})", r.framework, totals_line(r));
        for c in &r.controls {
            // The title when the catalogue gives one, and the detail under it; without a
            // title the detail takes its place.
            let d = detail(c);
            let (first, second) = match c.title.as_deref() {
                Some(t) => (t.to_string(), d),
                None => (d, String::new()),
            };
            let _ = writeln!(out, "  {:<7} {:<26} {first}", c.control, c.status.label());
            if !second.is_empty() {
                let _ = writeln!(out, "  {:<7} {:<26} {second}", "", "");
            }
        }
        if let Some(note) = no_catalog_note(r) {
            let _ = writeln!(out, "  {note}");
        }
    }
    out
}

fn md_cell(s: &str) -> String {
    s.replace('|', "\\|").replace('\n', " ")
}

/// Markdown, appended to the matrix's.
pub fn render_markdown(reports: &[FrameworkReport]) -> String {
    let mut out = String::new();
    for r in reports {
        let _ = writeln!(
            out,
            "\n### Compliance: {}\n\n{}\n\n| control | status | title | detail |\n|---|---|---|---|",
            r.framework,
            totals_line(r)
        );
        for c in &r.controls {
            let _ = writeln!(
                out,
                "| {} | {} | {} | {} |",
                c.control,
                c.status.label(),
                md_cell(c.title.as_deref().unwrap_or("")),
                md_cell(&detail(c))
            );
        }
        if let Some(note) = no_catalog_note(r) {
            let _ = writeln!(out, "\n{note}");
        }
    }
    out
}
