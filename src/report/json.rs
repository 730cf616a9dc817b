//! The JSON report, schema version 1 (documented in docs/json-schema.md).

use super::{position, summary};
use crate::scan::ScanResult;
use serde_json::{json, Value};

pub const SCHEMA_VERSION: u32 = 1;

pub fn render(result: &ScanResult) -> String {
    let findings: Vec<Value> = result
        .findings
        .iter()
        .map(|f| {
            let (file, start, end) = position(result, f);
            let rule = result.rules.get(&f.rule_id);
            let secondary: Vec<Value> = f
                .secondary
                .iter()
                .filter_map(|(span, label)| {
                    let src = result.sources.get(span.file)?;
                    let lc = src.line_col(span.start);
                    Some(json!({"file": src.display, "line": lc.line, "column": lc.column, "label": label}))
                })
                .collect();
            json!({
                "rule": &*f.rule_id,
                "severity": f.severity,
                "area": f.area,
                "message": f.message,
                "detail": f.primary_label,
                "service": &*f.service,
                "service_model": f.service_model,
                "resource_type": &*f.resource_type,
                "address": f.address,
                "attribute": f.attribute,
                "file": file,
                "start": {"line": start.line, "column": start.column},
                "end": {"line": end.line, "column": end.column},
                "secondary": secondary,
                "via": f.via,
                "plan_file": f.plan_file,
                "remediation": rule.map(|r| r.remediation.as_str()),
                "help_uri": rule.and_then(|r| r.help_uri()),
                "aliases": rule.map(|r| r.aliases.clone()).unwrap_or_default(),
                "fingerprint": f.fingerprint,
                "suppression": f.suppression.as_ref().map(|s| json!({
                    "kind": match s.kind { crate::finding::SuppressionKind::InSource => "inSource", crate::finding::SuppressionKind::External => "external" },
                    "justification": s.justification,
                })),
            })
        })
        .collect();
    let diagnostics: Vec<Value> = result
        .diagnostics
        .iter()
        .map(|d| {
            let loc = d.span.and_then(|s| {
                result
                    .sources
                    .get(s.file)
                    .map(|f| (f.display.clone(), f.line_col(s.start)))
            });
            json!({
                "level": d.level,
                "code": d.code,
                "message": d.message,
                "file": loc.as_ref().map(|(f, _)| f.clone()).or_else(|| d.path.clone()),
                "line": loc.as_ref().map(|(_, lc)| lc.line),
                "column": loc.as_ref().map(|(_, lc)| lc.column),
            })
        })
        .collect();
    let doc = json!({
        "schema_version": SCHEMA_VERSION,
        "tool": {"name": "onus", "version": env!("CARGO_PKG_VERSION")},
        "summary": summary(result),
        "findings": findings,
        "diagnostics": diagnostics,
    });
    let mut s = serde_json::to_string_pretty(&doc).unwrap_or_default();
    s.push('\n');
    s
}
