//! One line per finding and per diagnostic: `path:line:col: severity rule-id message`.

use super::{position, visible};
use crate::scan::ScanResult;
use std::fmt::Write;

pub fn render(result: &ScanResult) -> String {
    let mut out = String::new();
    for d in &result.diagnostics {
        let (file, lc) = match d
            .span
            .and_then(|s| result.sources.get(s.file).map(|f| (f, s)))
        {
            Some((f, s)) => (f.display.clone(), f.line_col(s.start)),
            None => (
                d.path.clone().unwrap_or_default(),
                crate::source::LineCol { line: 1, column: 1 },
            ),
        };
        let _ = writeln!(
            out,
            "{file}:{}:{}: {} {} {}",
            lc.line,
            lc.column,
            d.level.as_str(),
            d.code,
            one_line(&d.message)
        );
    }
    for f in visible(result, false) {
        let (file, start, _) = position(result, f);
        let _ = writeln!(
            out,
            "{file}:{}:{}: {} {} {} ({}: {}) [{} · {} · {}]",
            start.line,
            start.column,
            f.severity,
            f.rule_id,
            one_line(&f.message),
            f.address,
            one_line(&f.primary_label),
            f.service,
            f.service_model,
            f.area
        );
    }
    out
}

fn one_line(s: &str) -> String {
    s.replace(['\n', '\r'], " ")
}
