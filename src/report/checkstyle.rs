//! Checkstyle XML: findings and diagnostics grouped by file, as read by review bots and CI
//! plugins (reviewdog, Jenkins Warnings, many IDE plugins).
//!
//! Severities: critical and high are `error`, medium `warning`, low `info`, and so are
//! suppressed findings listed with `--show-suppressed`. The `source` of a finding is
//! `onus.<rule id>`, of a diagnostic `onus.diagnostic.<code>`.

use super::{diagnostic_position, position, visible, xml_escape, RenderOptions};
use crate::diag::Level;
use crate::result::ScanResult;
use crate::taxonomy::Severity;
use std::collections::BTreeMap;
use std::fmt::Write;

struct Entry {
    line: u32,
    column: u32,
    severity: &'static str,
    message: String,
    source: String,
}

pub fn render(result: &ScanResult, opts: &RenderOptions) -> String {
    // File → entries; BTreeMap for a stable file order, entries already sorted by the scan.
    let mut files: BTreeMap<String, Vec<Entry>> = BTreeMap::new();
    for d in &result.diagnostics {
        let (file, pos) = diagnostic_position(result, d);
        let (line, column) = pos.map(|s| (s.line, s.column)).unwrap_or((1, 1));
        files
            .entry(file.unwrap_or_default().to_string())
            .or_default()
            .push(Entry {
                line,
                column,
                severity: match d.level {
                    Level::Error => "error",
                    Level::Warning => "warning",
                    Level::Note => "info",
                },
                message: d.message.clone(),
                source: format!("onus.diagnostic.{}", d.code),
            });
    }
    for f in visible(result, opts.show_suppressed) {
        let (file, start, _) = position(result, f);
        let mut message = format!("{} ({}: {})", f.message, f.address, f.primary_label);
        if let Some(s) = &f.suppression {
            message.push_str(&format!(" [suppressed: {}]", s.justification));
        }
        files.entry(file).or_default().push(Entry {
            line: start.line,
            column: start.column,
            severity: match f.severity {
                _ if f.suppression.is_some() => "info",
                Severity::Critical | Severity::High => "error",
                Severity::Medium => "warning",
                Severity::Low => "info",
            },
            message,
            source: format!("onus.{}", f.rule_id),
        });
    }
    let mut out = String::from("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n");
    out.push_str("<checkstyle version=\"4.3\">\n");
    for entries in files.values_mut() {
        entries.sort_by_key(|e| (e.line, e.column));
    }
    for (file, entries) in &files {
        let _ = writeln!(out, "  <file name=\"{}\">", xml_escape(file));
        for e in entries {
            let _ = writeln!(
                out,
                "    <error line=\"{}\" column=\"{}\" severity=\"{}\" message=\"{}\" source=\"{}\"/>",
                e.line,
                e.column,
                e.severity,
                xml_escape(&e.message),
                xml_escape(&e.source)
            );
        }
        out.push_str("  </file>\n");
    }
    out.push_str("</checkstyle>\n");
    out
}
