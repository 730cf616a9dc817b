//! Markdown for people reading CI: counts by severity and a table of findings, fit for
//! `$GITHUB_STEP_SUMMARY` or a pull-request comment. The whole report stays under
//! [`MAX_CHARS`] characters; rows that do not fit are counted in a closing note.

use super::{position, summary, visible, RenderOptions};
use crate::diag::Level;
use crate::finding::Finding;
use crate::result::ScanResult;
use crate::taxonomy::Severity;
use std::fmt::Write;

/// Upper bound on the report's length in characters, well inside what GitHub accepts for a
/// step summary or a comment.
pub const MAX_CHARS: usize = 60_000;

pub fn render(result: &ScanResult, opts: &RenderOptions) -> String {
    render_capped(result, opts, MAX_CHARS)
}

/// Renders with a custom size cap (for tests).
pub fn render_capped(result: &ScanResult, opts: &RenderOptions, max_chars: usize) -> String {
    let s = summary(result);
    let mut out = String::from("## onus security scan\n\n");
    if s.findings == 0 {
        out.push_str("No findings");
    } else {
        let _ = write!(
            out,
            "**{} finding{}**",
            s.findings,
            super::plural(s.findings)
        );
    }
    let _ = writeln!(
        out,
        " in {} resource{} ({} file{}, {} rule{}).",
        s.resources,
        super::plural(s.resources),
        s.files,
        super::plural(s.files),
        s.rules,
        super::plural(s.rules)
    );
    let mut notes = Vec::new();
    if s.suppressed > 0 {
        notes.push(format!(
            "{} finding{} suppressed",
            s.suppressed,
            super::plural(s.suppressed)
        ));
    }
    if s.ignores_without_reason > 0 {
        notes.push(format!(
            "{} ignore{} without a reason",
            s.ignores_without_reason,
            super::plural(s.ignores_without_reason)
        ));
    }
    if s.unknown > 0 {
        notes.push(format!(
            "{} check{} undecided (values known only after apply)",
            s.unknown,
            super::plural(s.unknown)
        ));
    }
    if s.errors > 0 {
        notes.push(format!(
            "**{} file error{}: the scan is incomplete**",
            s.errors,
            super::plural(s.errors)
        ));
    }
    if !notes.is_empty() {
        let _ = writeln!(out, "\n{}.", notes.join("; "));
    }
    out.push_str("\n| Severity | Findings |\n| --- | ---: |\n");
    for sev in Severity::ALL {
        let n = s.by_severity.get(sev.as_str()).copied().unwrap_or(0);
        let _ = writeln!(out, "| {} | {n} |", severity_label(sev));
    }

    let errors: Vec<_> = result
        .diagnostics
        .iter()
        .filter(|d| d.level == Level::Error)
        .collect();
    if !errors.is_empty() {
        out.push_str("\n### Inputs that could not be read\n\n");
        for d in errors {
            let (file, _) = super::diagnostic_position(result, d);
            let _ = writeln!(
                out,
                "- {}{}",
                file.map(|f| format!("{}: ", code(f))).unwrap_or_default(),
                cell(&d.message)
            );
        }
    }

    // Most severe first, so a truncated table still shows what matters; file order within.
    let mut findings: Vec<&Finding> = visible(result, opts.show_suppressed).collect();
    findings.sort_by_key(|f| std::cmp::Reverse(f.severity));
    if findings.is_empty() {
        return out;
    }
    out.push_str(
        "\n### Findings\n\n| Severity | Rule | Resource | Location |\n| --- | --- | --- | --- |\n",
    );
    let mut used = out.chars().count();
    // Room for the closing note, whatever the count.
    let reserve = 80;
    let mut shown = 0;
    for f in &findings {
        let row = row(result, f, opts);
        let len = row.chars().count();
        if used + len + reserve > max_chars {
            break;
        }
        out.push_str(&row);
        used += len;
        shown += 1;
    }
    let hidden = findings.len() - shown;
    if hidden > 0 {
        let _ = writeln!(
            out,
            "\n_{hidden} more finding{} not shown: see the SARIF or JSON report._",
            super::plural(hidden)
        );
    }
    out
}

fn severity_label(s: Severity) -> &'static str {
    match s {
        Severity::Critical => "🔴 critical",
        Severity::High => "🟠 high",
        Severity::Medium => "🟡 medium",
        Severity::Low => "🔵 low",
    }
}

fn row(result: &ScanResult, f: &Finding, opts: &RenderOptions) -> String {
    let (file, start, _) = position(result, f);
    let place = format!("{file}:{}", start.line);
    let location = match &opts.link_base {
        Some(base) if !file.is_empty() && !file.starts_with('/') && !file.starts_with("..") => {
            format!(
                "[{}]({base}{}#L{})",
                cell(&place),
                super::sarif::percent_encode_path(file.strip_prefix("./").unwrap_or(&file)),
                start.line
            )
        }
        _ => code(&place),
    };
    let mut rule = format!("{} {}", code(&f.rule_id), cell(&f.message));
    if let Some(s) = &f.suppression {
        rule.push_str(&format!(" *(suppressed: {})*", cell(&s.justification)));
    }
    format!(
        "| {} | {rule} | {}<br>{} | {location} |\n",
        severity_label(f.severity),
        code(&f.address),
        cell(&f.primary_label),
    )
}

/// Text in a table cell: one line, no pipes or HTML. Code spans the text holds (`` `acl` ``)
/// are kept as code: entities are not decoded inside them, so `<` stays literal there.
fn cell(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    let mut rest = s;
    while let Some(c) = rest.chars().next() {
        if c == '`' {
            let run = rest.len() - rest.trim_start_matches('`').len();
            if let Some(len) = code_span_len(rest, run) {
                for c in rest[..len].chars() {
                    match c {
                        '|' => out.push_str("\\|"),
                        '\n' | '\r' => out.push(' '),
                        c => out.push(c),
                    }
                }
                rest = &rest[len..];
                continue;
            }
            // No closing run: the backticks are literal text.
            out.push_str(&rest[..run]);
            rest = &rest[run..];
            continue;
        }
        match c {
            '|' => out.push_str("\\|"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '&' => out.push_str("&amp;"),
            '\n' | '\r' => out.push(' '),
            c => out.push(c),
        }
        rest = &rest[c.len_utf8()..];
    }
    out
}

/// Length of the code span opening `text` with a run of `run` backticks, through the next
/// run of exactly as many; `None` when there is none.
fn code_span_len(text: &str, run: usize) -> Option<usize> {
    let mut pos = run;
    while let Some(off) = text[pos..].find('`') {
        let start = pos + off;
        let len = text[start..].len() - text[start..].trim_start_matches('`').len();
        if len == run {
            return Some(start + len);
        }
        pos = start + len;
    }
    None
}

/// A code span in a table cell: a fence longer than any backtick run inside, pipes escaped
/// (GitHub's table parser splits on them even inside code).
fn code(s: &str) -> String {
    let longest = s.split(|c| c != '`').map(str::len).max().unwrap_or(0);
    let fence = "`".repeat(longest + 1);
    let body = s.replace('|', "\\|").replace(['\n', '\r'], " ");
    let pad = if body.starts_with('`') || body.ends_with('`') {
        " "
    } else {
        ""
    };
    format!("{fence}{pad}{body}{pad}{fence}")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn cells_stay_in_their_column() {
        assert_eq!(cell("a|b <c>\nd"), "a\\|b &lt;c&gt; d");
        assert_eq!(code("x|y"), "`x\\|y`");
        assert_eq!(code("a`b"), "``a`b``");
        assert_eq!(code("`a"), "`` `a ``");
    }

    #[test]
    fn code_spans_in_cells_are_not_entity_escaped() {
        // Inside a code span an entity shows literally: `<` must stay `<` there.
        assert_eq!(
            cell("`name` = \"<none>\" & `a|b<c>` <x>"),
            "`name` = \"&lt;none&gt;\" &amp; `a\\|b<c>` &lt;x&gt;"
        );
        assert_eq!(cell("``a`<b``<"), "``a`<b``&lt;");
        // An unclosed backtick is text.
        assert_eq!(cell("`<a"), "`&lt;a");
    }
}
