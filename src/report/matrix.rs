//! The responsibility matrix: for each service model × customer area, the resources in scope,
//! the rules evaluated, the findings and the checks left undecided; then, per resource, the
//! layers the customer owns, which of them the scan checked and found wanting, and which no
//! static scan can verify; and the exposure paths found, by the service model of their entry.
//! It says where a team's side of the model is weak, and never implies more assurance than the
//! scan gives.

use crate::classify::{Classification, Layer};
use crate::model::ResourceMode;
use crate::result::ScanResult;
use crate::taxonomy::{Area, ServiceModel, Severity};
use crate::value::Tri;
use serde::Serialize;
use std::collections::{BTreeMap, HashMap, HashSet};
use std::fmt::Write;
use std::sync::Arc;

#[derive(Debug, Default, Clone, Serialize)]
pub struct Cell {
    /// Resources of this model that expose a layer of this area.
    pub resources: usize,
    /// Rule × resource evaluations of this area's rules.
    pub evaluated: usize,
    /// Active findings by severity.
    pub findings: BTreeMap<&'static str, usize>,
    /// Evaluations that could not be decided (values known only after apply).
    pub unknown: usize,
}

impl Cell {
    pub fn finding_count(&self) -> usize {
        self.findings.values().sum()
    }
}

/// The exposure paths entering through workloads of one service model.
#[derive(Debug, Clone, Serialize)]
pub struct PathCell {
    pub service_model: ServiceModel,
    /// Active path findings by severity.
    pub findings: BTreeMap<&'static str, usize>,
    /// Paths accepted by an ignore comment or the baseline.
    pub suppressed: usize,
    /// Paths with a hop onus could not resolve: neither found nor ruled out.
    pub undecided: usize,
}

impl PathCell {
    pub fn finding_count(&self) -> usize {
        self.findings.values().sum()
    }
}

/// Path findings and undecided paths counted by the service model of their entry workload.
fn path_cells(result: &ScanResult) -> Option<Vec<PathCell>> {
    if result.path_rules.is_empty() {
        return None;
    }
    let mut cells: BTreeMap<ServiceModel, PathCell> = BTreeMap::new();
    for f in result.findings.iter().filter(|f| f.path.is_some()) {
        let c = cells.entry(f.service_model).or_insert_with(|| PathCell {
            service_model: f.service_model,
            findings: BTreeMap::new(),
            suppressed: 0,
            undecided: 0,
        });
        if f.suppression.is_some() {
            c.suppressed += 1;
        } else {
            *c.findings.entry(f.severity.as_str()).or_default() += 1;
        }
    }
    // An undecided path points at its entry's block header: the resource there gives the model.
    let type_at: HashMap<(&str, crate::source::Span), &str> = result
        .resources
        .iter()
        .map(|r| ((&*r.address, r.header), &*r.resource_type))
        .collect();
    for u in &result.undecided {
        if !result.path_rules.iter().any(|r| r.id == u.rule_id) {
            continue;
        }
        let model = type_at
            .get(&(u.address.as_str(), u.primary))
            .map_or(ServiceModel::Unclassified, |t| {
                result.catalog.classify(t).model
            });
        cells
            .entry(model)
            .or_insert_with(|| PathCell {
                service_model: model,
                findings: BTreeMap::new(),
                suppressed: 0,
                undecided: 0,
            })
            .undecided += 1;
    }
    Some(cells.into_values().collect())
}

fn path_cell_text(c: &PathCell) -> String {
    let sev: Vec<String> = Severity::ALL
        .iter()
        .filter_map(|s| {
            c.findings
                .get(s.as_str())
                .filter(|n| **n > 0)
                .map(|n| format!("{n} {}", &s.as_str()[..1].to_uppercase()))
        })
        .collect();
    let n = c.finding_count();
    let mut s = format!("{n} path{}", super::plural(n));
    if !sev.is_empty() {
        let _ = write!(s, " ({})", sev.join(" "));
    }
    if c.suppressed > 0 {
        let _ = write!(s, " · {} accepted", c.suppressed);
    }
    if c.undecided > 0 {
        let _ = write!(s, " · {} undecided", c.undecided);
    }
    s
}

/// One customer area of one resource: the layers of it the resource exposes, and what the
/// scan found there.
#[derive(Debug, Clone, Serialize)]
pub struct AreaStatus {
    pub area: Area,
    pub layers: Vec<Layer>,
    /// Rules of this area evaluated on the resource.
    pub checked: usize,
    /// Rules of this area with an active finding on the resource.
    pub failed: Vec<String>,
    pub unknown: usize,
}

#[derive(Debug, Clone, Serialize)]
pub struct ResourceRow {
    pub address: String,
    pub resource_type: String,
    pub file: String,
    pub line: u32,
    pub service: String,
    pub model: ServiceModel,
    /// Classified from a type prefix rather than a catalogue row.
    pub inferred: bool,
    pub areas: Vec<AreaStatus>,
    /// Layers the customer owns under this model that Terraform cannot show, with why.
    pub not_verifiable: Vec<(Layer, &'static str)>,
}

#[derive(Debug, Clone, Serialize)]
pub struct Matrix {
    pub cells: Vec<(ServiceModel, Area, Cell)>,
    pub resources: Vec<ResourceRow>,
    pub unclassified_types: Vec<String>,
    /// Exposure paths by the service model of the workload they enter through; `None` when
    /// the scan searched for none (`--no-paths`, or a selection without path rules).
    pub paths: Option<Vec<PathCell>>,
    /// Per control of each framework named with `--compliance` (empty otherwise).
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub compliance: Vec<super::compliance::FrameworkReport>,
}

/// Builds the matrix of a scan.
pub fn build(result: &ScanResult) -> Matrix {
    let mut cells: BTreeMap<(ServiceModel, Area), Cell> = BTreeMap::new();
    let mut rows = Vec::new();
    let mut unclassified: HashSet<String> = HashSet::new();
    // Active findings by (rule, address): suppressed ones are the customer's accepted risk.
    let active: HashSet<(&str, &str)> = result
        .findings
        .iter()
        .filter(|f| f.suppression.is_none())
        .map(|f| (&*f.rule_id, f.address.as_str()))
        .collect();
    let mut evals_by_instance: HashMap<u32, Vec<(u32, Tri)>> = HashMap::new();
    for e in &result.evaluations {
        evals_by_instance
            .entry(e.instance)
            .or_default()
            .push((e.rule, e.result));
    }
    let mut class_cache: HashMap<&str, Arc<Classification>> = HashMap::new();
    for (i, inst) in (0u32..).zip(&result.resources) {
        if inst.mode != ResourceMode::Managed {
            continue;
        }
        let class = class_cache
            .entry(&inst.resource_type)
            .or_insert_with(|| result.catalog.classify(&inst.resource_type))
            .clone();
        if !class.is_classified() {
            unclassified.insert(inst.resource_type.to_string());
        }
        let model = class.model;
        let areas: HashSet<Area> = class.layers.iter().map(|l| l.area()).collect();
        for area in &areas {
            cells.entry((model, *area)).or_default().resources += 1;
        }
        let mut per_area: HashMap<Area, (usize, Vec<String>, usize)> = HashMap::new();
        for &(rule_idx, tri) in evals_by_instance.get(&i).map(Vec::as_slice).unwrap_or(&[]) {
            let Some(rule) = result.rules.rules().get(rule_idx as usize) else {
                continue;
            };
            let cell = cells.entry((model, rule.area)).or_default();
            cell.evaluated += 1;
            let entry = per_area.entry(rule.area).or_default();
            entry.0 += 1;
            match tri {
                Tri::Unknown => {
                    cell.unknown += 1;
                    entry.2 += 1;
                }
                Tri::False if active.contains(&(&*rule.id, &*inst.address)) => {
                    *cell.findings.entry(rule.severity.as_str()).or_default() += 1;
                    entry.1.push(rule.id.to_string());
                }
                _ => {}
            }
        }
        let areas = Area::ALL
            .iter()
            .filter_map(|area| {
                let layers: Vec<Layer> = class
                    .layers
                    .iter()
                    .copied()
                    .filter(|l| l.area() == *area)
                    .collect();
                let (checked, failed, unknown) = per_area.get(area).cloned().unwrap_or_default();
                (!layers.is_empty() || checked > 0).then_some(AreaStatus {
                    area: *area,
                    layers,
                    checked,
                    failed,
                    unknown,
                })
            })
            .collect();
        let (file, line) = result
            .sources
            .get(inst.header.file)
            .map(|f| (f.display.clone(), f.line_col(inst.header.start).line))
            .unwrap_or_default();
        rows.push(ResourceRow {
            address: inst.address.to_string(),
            resource_type: inst.resource_type.to_string(),
            file,
            line,
            service: class.service.to_string(),
            model,
            inferred: class.inferred,
            areas,
            not_verifiable: class.unverifiable().to_vec(),
        });
    }
    rows.sort_by(|a, b| (&a.file, a.line, &a.address).cmp(&(&b.file, b.line, &b.address)));
    let mut unclassified_types: Vec<String> = unclassified.into_iter().collect();
    unclassified_types.sort();
    Matrix {
        cells: cells.into_iter().map(|((m, a), c)| (m, a, c)).collect(),
        resources: rows,
        unclassified_types,
        paths: path_cells(result),
        compliance: Vec::new(),
    }
}

fn cell_text(c: Option<&Cell>) -> String {
    match c {
        None => "–".to_string(),
        Some(c) => {
            let sev: Vec<String> = Severity::ALL
                .iter()
                .filter_map(|s| {
                    c.findings
                        .get(s.as_str())
                        .filter(|n| **n > 0)
                        .map(|n| format!("{n} {}", &s.as_str()[..1].to_uppercase()))
                })
                .collect();
            let findings = if sev.is_empty() {
                "0 findings".to_string()
            } else {
                sev.join(" ")
            };
            let mut s = format!(
                "{} res · {} check{} · {findings}",
                c.resources,
                c.evaluated,
                super::plural(c.evaluated)
            );
            if c.unknown > 0 {
                let _ = write!(s, " · {} undecided", c.unknown);
            }
            s
        }
    }
}

fn models_present(m: &Matrix) -> Vec<ServiceModel> {
    let mut models: Vec<ServiceModel> = m.cells.iter().map(|(model, _, _)| *model).collect();
    models.sort();
    models.dedup();
    models
}

fn lookup(m: &Matrix, model: ServiceModel, area: Area) -> Option<&Cell> {
    m.cells
        .iter()
        .find(|(mm, a, _)| *mm == model && *a == area)
        .map(|(_, _, c)| c)
}

/// Markdown for a pull-request comment or a job summary.
pub fn render_markdown(m: &Matrix) -> String {
    let mut out = String::from("## Your side of the shared responsibility model\n\n");
    out.push_str("| service model |");
    for a in Area::ALL {
        let _ = write!(out, " {} |", a.label());
    }
    out.push_str("\n|---|");
    for _ in Area::ALL {
        out.push_str("---|");
    }
    out.push('\n');
    for model in models_present(m) {
        let _ = write!(out, "| **{model}** |");
        for a in Area::ALL {
            let _ = write!(out, " {} |", cell_text(lookup(m, model, a)));
        }
        out.push('\n');
    }
    out.push_str("\nCells: resources in scope · rule checks run · findings (C critical, H high, M medium, L low) · checks undecided because values are known only after apply.\n\n");
    if let Some(paths) = &m.paths {
        out.push_str("### Exposure paths\n\n");
        if paths.is_empty() {
            out.push_str("No exposure path found.\n\n");
        } else {
            out.push_str("| entry's service model | paths |\n|---|---|\n");
            for c in paths {
                let _ = writeln!(out, "| **{}** | {} |", c.service_model, path_cell_text(c));
            }
            out.push_str("\nPaths: entry → identity → what it reaches, counted at the workload entered (`onus paths` draws each); undecided: a hop onus could not resolve.\n\n");
        }
    }
    out.push_str("### Resources\n\n| resource | service | model | found wanting | not verifiable statically |\n|---|---|---|---|---|\n");
    for r in &m.resources {
        let wanting: Vec<String> = r
            .areas
            .iter()
            .filter(|a| !a.failed.is_empty())
            .map(|a| format!("{}: {}", a.area.label(), a.failed.join(", ")))
            .collect();
        let nv: Vec<&str> = r.not_verifiable.iter().map(|(l, _)| l.as_str()).collect();
        let _ = writeln!(
            out,
            "| `{}` ({}:{}) | {}{} | {} | {} | {} |",
            r.address,
            r.file,
            r.line,
            r.service,
            if r.inferred { " (inferred)" } else { "" },
            r.model,
            if wanting.is_empty() {
                "–".to_string()
            } else {
                wanting.join("; ")
            },
            if nv.is_empty() {
                "–".to_string()
            } else {
                nv.join(", ")
            },
        );
    }
    if !m.unclassified_types.is_empty() {
        let _ = writeln!(
            out,
            "\nUnclassified resource types (no service model known): {}",
            m.unclassified_types.join(", ")
        );
    }
    out.push_str(&super::compliance::render_markdown(&m.compliance));
    out
}

/// Plain text for the terminal.
pub fn render_text(m: &Matrix) -> String {
    let mut out = String::from("Your side of the shared responsibility model\n\n");
    for model in models_present(m) {
        let _ = writeln!(out, "{model}");
        for a in Area::ALL {
            let _ = writeln!(
                out,
                "  {:<32} {}",
                a.label(),
                cell_text(lookup(m, model, a))
            );
        }
    }
    if let Some(paths) = &m.paths {
        out.push_str("\nExposure paths, by the service model of the workload entered\n");
        if paths.is_empty() {
            out.push_str("  none found\n");
        }
        for c in paths {
            let _ = writeln!(out, "  {:<32} {}", c.service_model, path_cell_text(c));
        }
    }
    out.push_str("\nResources\n");
    for r in &m.resources {
        let _ = writeln!(
            out,
            "  {} ({}:{})\n    {}{} · {}",
            r.address,
            r.file,
            r.line,
            r.service,
            if r.inferred { " (inferred)" } else { "" },
            r.model
        );
        for a in &r.areas {
            let status = if !a.failed.is_empty() {
                format!("found wanting: {}", a.failed.join(", "))
            } else if a.checked == 0 {
                "no rule checks it yet".to_string()
            } else if a.unknown > 0 {
                format!(
                    "{} check{}, {} undecided",
                    a.checked,
                    super::plural(a.checked),
                    a.unknown
                )
            } else if a.checked == 1 {
                "1 check passed".to_string()
            } else {
                format!("{} checks passed", a.checked)
            };
            let layers: Vec<&str> = a.layers.iter().map(|l| l.as_str()).collect();
            let _ = writeln!(
                out,
                "    yours: {:<62} {status}",
                format!("{} ({})", a.area.label(), layers.join(", "))
            );
        }
        for (l, why) in &r.not_verifiable {
            let _ = writeln!(
                out,
                "    yours, not verifiable statically: {} ({why})",
                l.label()
            );
        }
    }
    if !m.unclassified_types.is_empty() {
        let _ = writeln!(
            out,
            "\nUnclassified resource types: {}",
            m.unclassified_types.join(", ")
        );
    }
    out.push_str(&super::compliance::render_text(&m.compliance));
    out
}

pub fn render_json(m: &Matrix) -> String {
    let mut doc = serde_json::json!({
        "schema_version": 1,
        "cells": m.cells.iter().map(|(model, area, c)| serde_json::json!({
            "service_model": model, "area": area, "resources": c.resources,
            "evaluated": c.evaluated, "findings": c.findings, "unknown": c.unknown,
        })).collect::<Vec<_>>(),
        "resources": m.resources,
        "unclassified_types": m.unclassified_types,
    });
    if let Some(paths) = &m.paths {
        doc["paths"] = serde_json::json!(paths);
    }
    if !m.compliance.is_empty() {
        doc["compliance"] = serde_json::json!(m.compliance);
    }
    let mut s = serde_json::to_string_pretty(&doc).unwrap_or_default();
    s.push('\n');
    s
}
