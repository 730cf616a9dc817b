//! GitHub Actions workflow commands: one `::error`, `::warning` or `::notice` line per finding
//! and per diagnostic, which the runner turns into annotations on the pull request's diff.
//!
//! Escaping follows the runner's rules: in the message `%`, `\r` and `\n` are percent-encoded;
//! in property values `:` and `,` are too. Other control characters are written as visible
//! escapes (`\x1b`).

use super::{diagnostic_position, escape_control, position, visible, RenderOptions};
use crate::diag::Level;
use crate::result::ScanResult;
use crate::taxonomy::Severity;
use std::fmt::Write;

pub fn render(result: &ScanResult, opts: &RenderOptions) -> String {
    let mut out = String::new();
    for d in &result.diagnostics {
        let command = match d.level {
            Level::Error => "error",
            Level::Warning => "warning",
            Level::Note => "notice",
        };
        let (file, pos) = diagnostic_position(result, d);
        let mut props = Vec::new();
        if let Some(file) = file.filter(|f| !f.is_empty()) {
            props.push(format!("file={}", escape_property(file)));
            if let Some(start) = pos {
                props.push(format!("line={}", start.line));
                props.push(format!("col={}", start.column));
            }
        }
        props.push(format!(
            "title={}",
            escape_property(&format!("onus {}", d.code))
        ));
        let _ = writeln!(
            out,
            "::{command} {}::{}",
            props.join(","),
            escape_data(&d.message)
        );
    }
    for f in visible(result, opts.show_suppressed) {
        // A suppressed finding (listed with --show-suppressed) is information, not a problem.
        let command = match f.severity {
            _ if f.suppression.is_some() => "notice",
            Severity::Critical | Severity::High => "error",
            Severity::Medium => "warning",
            Severity::Low => "notice",
        };
        let (file, start, end) = position(result, f);
        let title = format!("onus {} ({}): {}", f.rule_id, f.severity, f.message);
        let mut message = format!("{}: {}", f.address, f.primary_label);
        if let Some(s) = &f.suppression {
            message.push_str(&format!(" [suppressed: {}]", s.justification));
        }
        if let Some(rule) = result.rules.get(&f.rule_id) {
            if !rule.remediation.is_empty() {
                message.push_str("\nFix: ");
                message.push_str(&rule.remediation);
            }
            if let Some(uri) = rule.help_uri() {
                message.push_str("\nSee: ");
                message.push_str(uri);
            }
        }
        let _ = writeln!(
            out,
            "::{command} file={},line={},col={},endLine={},endColumn={},title={}::{}",
            escape_property(&file),
            start.line,
            start.column,
            end.line.max(start.line),
            end.column,
            escape_property(&title),
            escape_data(&message)
        );
    }
    out
}

/// Escapes a command's message.
pub fn escape_data(s: &str) -> String {
    // The runner decodes only these three; any other control character (ESC, tab, C1) is
    // shown as a visible escape so it cannot drive the log viewer.
    escape_control(
        &s.replace('%', "%25")
            .replace('\r', "%0D")
            .replace('\n', "%0A"),
    )
}

/// Escapes a command property's value.
pub fn escape_property(s: &str) -> String {
    escape_data(s).replace(':', "%3A").replace(',', "%2C")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn escaping_follows_the_runner() {
        assert_eq!(escape_data("100%\r\nok: a,b"), "100%25%0D%0Aok: a,b");
        assert_eq!(escape_property("100%\na: b,c"), "100%25%0Aa%3A b%2Cc");
    }
}
