//! The JSON report, schema version 1 (documented in docs/json-schema.md).

use super::{position, summary};
use crate::scan::ScanResult;
use serde::Serialize;

pub const SCHEMA_VERSION: u32 = 1;

// The report is serialized straight from borrowed structs rather than through a
// `serde_json::Value` tree: on a 10 MB corpus the tree cost a second and 230 MB. Field order
// is the declaration order, as it was with `json!`.

#[derive(Serialize)]
struct Doc<'a> {
    schema_version: u32,
    tool: Tool,
    summary: super::Summary,
    findings: Findings<'a>,
    diagnostics: Diagnostics<'a>,
}

/// The findings, each converted as it is written: a report of a large scan is never held in
/// memory twice.
struct Findings<'a>(&'a ScanResult);

impl Serialize for Findings<'_> {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.collect_seq(self.0.findings.iter().map(|f| finding_out(self.0, f)))
    }
}

struct Diagnostics<'a>(&'a ScanResult);

impl Serialize for Diagnostics<'_> {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.collect_seq(self.0.diagnostics.iter().map(|d| diagnostic_out(self.0, d)))
    }
}

#[derive(Serialize)]
struct Tool {
    name: &'static str,
    version: &'static str,
}

#[derive(Serialize)]
struct Pos {
    line: u32,
    column: u32,
}

#[derive(Serialize)]
struct Secondary<'a> {
    file: &'a str,
    line: u32,
    column: u32,
    label: &'a str,
}

#[derive(Serialize)]
struct SuppressionOut<'a> {
    kind: &'static str,
    justification: &'a str,
}

#[derive(Serialize)]
struct FindingOut<'a> {
    rule: &'a str,
    severity: crate::taxonomy::Severity,
    area: crate::taxonomy::Area,
    message: &'a str,
    detail: &'a str,
    service: &'a str,
    service_model: crate::taxonomy::ServiceModel,
    resource_type: &'a str,
    address: &'a str,
    attribute: &'a Option<String>,
    file: String,
    start: Pos,
    end: Pos,
    secondary: Vec<Secondary<'a>>,
    via: &'a [String],
    plan_file: &'a Option<String>,
    remediation: Option<&'a str>,
    help_uri: Option<&'a str>,
    aliases: &'a [String],
    fingerprint: &'a str,
    suppression: Option<SuppressionOut<'a>>,
}

#[derive(Serialize)]
struct DiagnosticOut<'a> {
    level: crate::diag::Level,
    code: &'static str,
    message: &'a str,
    file: Option<&'a str>,
    line: Option<u32>,
    column: Option<u32>,
}

pub fn render(result: &ScanResult) -> String {
    let mut out = Vec::new();
    // Writing into memory cannot fail.
    let _ = write(result, &mut out);
    String::from_utf8(out).unwrap_or_default()
}

/// Writes the report to `out`.
pub fn write(result: &ScanResult, out: &mut dyn std::io::Write) -> std::io::Result<()> {
    let doc = Doc {
        schema_version: SCHEMA_VERSION,
        tool: Tool {
            name: "onus",
            version: env!("CARGO_PKG_VERSION"),
        },
        summary: summary(result),
        findings: Findings(result),
        diagnostics: Diagnostics(result),
    };
    serde_json::to_writer_pretty(&mut *out, &doc)?;
    out.write_all(b"\n")
}

fn finding_out<'a>(result: &'a ScanResult, f: &'a crate::finding::Finding) -> FindingOut<'a> {
    let (file, start, end) = position(result, f);
    let rule = result.rules.get(&f.rule_id);
    let secondary = f
        .secondary
        .iter()
        .filter_map(|(span, label)| {
            let src = result.sources.get(span.file)?;
            let lc = src.line_col(span.start);
            Some(Secondary {
                file: &src.display,
                line: lc.line,
                column: lc.column,
                label,
            })
        })
        .collect();
    FindingOut {
        rule: &f.rule_id,
        severity: f.severity,
        area: f.area,
        message: &f.message,
        detail: &f.primary_label,
        service: &f.service,
        service_model: f.service_model,
        resource_type: &f.resource_type,
        address: &f.address,
        attribute: &f.attribute,
        file,
        start: Pos {
            line: start.line,
            column: start.column,
        },
        end: Pos {
            line: end.line,
            column: end.column,
        },
        secondary,
        via: &f.via,
        plan_file: &f.plan_file,
        remediation: rule.map(|r| r.remediation.as_str()),
        help_uri: rule.and_then(|r| r.help_uri()),
        aliases: rule.map(|r| r.aliases.as_slice()).unwrap_or_default(),
        fingerprint: &f.fingerprint,
        suppression: f.suppression.as_ref().map(|s| SuppressionOut {
            kind: match s.kind {
                crate::finding::SuppressionKind::InSource => "inSource",
                crate::finding::SuppressionKind::External => "external",
            },
            justification: &s.justification,
        }),
    }
}

fn diagnostic_out<'a>(result: &'a ScanResult, d: &'a crate::diag::Diagnostic) -> DiagnosticOut<'a> {
    let loc = d.span.and_then(|s| {
        result
            .sources
            .get(s.file)
            .map(|f| (f.display.as_str(), f.line_col(s.start)))
    });
    DiagnosticOut {
        level: d.level,
        code: d.code,
        message: &d.message,
        file: loc.map(|(f, _)| f).or(d.path.as_deref()),
        line: loc.map(|(_, lc)| lc.line),
        column: loc.map(|(_, lc)| lc.column),
    }
}
