//! One line per finding and per diagnostic: `path:line:col: severity rule-id message`.

use super::{escape_control, position, visible, RenderOptions};
use crate::result::ScanResult;
use std::fmt::Write;

pub fn render(result: &ScanResult, opts: &RenderOptions) -> String {
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
            "{}:{}:{}: {} {} {}",
            escape_control(&file),
            lc.line,
            lc.column,
            d.level.as_str(),
            d.code,
            one_line(&d.message)
        );
    }
    for f in visible(result, opts.show_suppressed) {
        let (file, start, _) = position(result, f);
        let _ = writeln!(
            out,
            "{}:{}:{}: {} {} {} ({}: {}) [{} · {} · {}]{}",
            escape_control(&file),
            start.line,
            start.column,
            f.severity,
            f.rule_id,
            one_line(&f.message),
            one_line(&f.address),
            one_line(&f.primary_label),
            f.service,
            f.service_model,
            f.area,
            f.suppression
                .as_ref()
                .map(|s| format!(" [suppressed: {}]", one_line(&s.justification)))
                .unwrap_or_default()
        );
    }
    out
}

fn one_line(s: &str) -> String {
    escape_control(&s.replace(['\n', '\r'], " "))
}

/// One line per undecided check (`onus scan --show-undecided`):
/// `path:line:col: undecided rule-id (address: reason)`.
pub fn render_undecided(result: &ScanResult) -> String {
    let mut out = String::new();
    for u in &result.undecided {
        let Some(file) = result.sources.get(u.primary.file) else {
            continue;
        };
        let lc = file.line_col(u.primary.start);
        let set_at = u
            .value_span
            .and_then(|s| {
                result.sources.get(s.file).map(|f| {
                    format!(
                        "; set at {}:{}",
                        escape_control(&f.display),
                        f.line_col(s.start).line
                    )
                })
            })
            .unwrap_or_default();
        let _ = writeln!(
            out,
            "{}:{}:{}: undecided {} ({}: {}{set_at})",
            escape_control(&file.display),
            lc.line,
            lc.column,
            u.rule_id,
            u.address,
            one_line(&u.reason),
        );
    }
    out
}
