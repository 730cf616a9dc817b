//! Render a scan for people and machines. Every format reads the same sorted
//! [`ScanResult`](crate::ScanResult), so output is byte-identical across runs and thread counts.

pub mod compact;
pub mod human;
pub mod json;
pub mod matrix;

use crate::diag::Level;
use crate::finding::Finding;
use crate::scan::ScanResult;
use crate::source::LineCol;
use crate::taxonomy::Severity;
use crate::value::Tri;
use std::collections::BTreeMap;

#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
pub enum Format {
    Human,
    Compact,
    Json,
}

/// Renders `result` in `format`.
pub fn render(format: Format, result: &ScanResult, opts: &RenderOptions) -> String {
    match format {
        Format::Human => human::render(result, opts),
        Format::Compact => compact::render(result),
        Format::Json => json::render(result),
    }
}

#[derive(Debug, Clone)]
pub struct RenderOptions {
    pub color: bool,
    pub width: usize,
    /// Show findings accepted by suppressions or the baseline too.
    pub show_suppressed: bool,
}

impl Default for RenderOptions {
    fn default() -> Self {
        RenderOptions {
            color: false,
            width: 100,
            show_suppressed: false,
        }
    }
}

/// Counts a report's summary shows.
#[derive(Debug, Default, Clone, serde::Serialize)]
pub struct Summary {
    pub files: usize,
    pub resources: usize,
    pub rules: usize,
    pub findings: usize,
    pub by_severity: BTreeMap<&'static str, usize>,
    pub suppressed: usize,
    /// Rule × resource evaluations that could not be decided.
    pub unknown: usize,
    pub errors: usize,
}

pub fn summary(result: &ScanResult) -> Summary {
    let mut s = Summary {
        files: result.sources.len(),
        resources: result
            .config
            .instances
            .iter()
            .filter(|i| i.mode == crate::model::Mode::Managed)
            .count(),
        rules: result.rules.len(),
        unknown: result
            .evaluations
            .iter()
            .filter(|e| e.result == Tri::Unknown)
            .count(),
        errors: result
            .diagnostics
            .iter()
            .filter(|d| d.level == Level::Error)
            .count(),
        ..Summary::default()
    };
    for sev in Severity::ALL {
        s.by_severity.insert(sev.as_str(), 0);
    }
    for f in &result.findings {
        if f.suppression.is_some() {
            s.suppressed += 1;
        } else {
            s.findings += 1;
            *s.by_severity.entry(f.severity.as_str()).or_default() += 1;
        }
    }
    s
}

/// Findings a report lists: active ones, plus suppressed ones when asked.
pub fn visible<'a>(
    result: &'a ScanResult,
    show_suppressed: bool,
) -> impl Iterator<Item = &'a Finding> + 'a {
    result
        .findings
        .iter()
        .filter(move |f| show_suppressed || f.suppression.is_none())
}

/// File display path and start/end positions of a finding's primary span.
pub fn position(result: &ScanResult, f: &Finding) -> (String, LineCol, LineCol) {
    let file = result
        .sources
        .get(f.primary.file)
        .map(|s| s.display.clone())
        .unwrap_or_default();
    let (start, end) = result.sources.locate(f.primary).unwrap_or((
        LineCol { line: 1, column: 1 },
        LineCol { line: 1, column: 1 },
    ));
    (file, start, end)
}
