//! Render a scan for people and machines. Every format reads the same sorted
//! [`ScanResult`](crate::ScanResult), so output is byte-identical across runs and thread counts.

pub mod checkstyle;
pub mod compact;
pub mod compliance;
pub mod github;
pub mod human;
pub mod json;
pub mod junit;
pub mod markdown;
pub mod matrix;
pub mod rule_docs;
pub mod sarif;

use crate::diag::Level;
use crate::finding::Finding;
use crate::result::ScanResult;
use crate::source::LineCol;
use crate::taxonomy::Severity;
use crate::value::Tri;
use std::collections::BTreeMap;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Format {
    /// For people at a terminal: source excerpts, values, services, fixes.
    Human,
    /// One line per finding: `path:line:col: severity rule-id message`.
    Compact,
    /// The JSON report, schema version 1 (docs/json-schema.md).
    Json,
    /// SARIF 2.1.0, for GitHub code scanning and other SARIF viewers.
    Sarif,
    /// JUnit XML: one test case per rule and resource evaluated.
    Junit,
    /// GitHub Actions workflow commands (`::error file=…::…`), shown as annotations.
    Github,
    /// Markdown summary and findings table, fit for `$GITHUB_STEP_SUMMARY` or a PR comment.
    Markdown,
    /// Checkstyle XML, read by many CI and review tools.
    Checkstyle,
}

impl Format {
    /// Every format, in the order help text lists them.
    pub const ALL: [Format; 8] = [
        Format::Human,
        Format::Compact,
        Format::Json,
        Format::Sarif,
        Format::Junit,
        Format::Github,
        Format::Markdown,
        Format::Checkstyle,
    ];

    /// The name `--format` and `--output` take.
    pub fn name(self) -> &'static str {
        match self {
            Format::Human => "human",
            Format::Compact => "compact",
            Format::Json => "json",
            Format::Sarif => "sarif",
            Format::Junit => "junit",
            Format::Github => "github",
            Format::Markdown => "markdown",
            Format::Checkstyle => "checkstyle",
        }
    }
}

impl std::str::FromStr for Format {
    type Err = String;
    fn from_str(s: &str) -> Result<Self, String> {
        Format::ALL.into_iter().find(|f| f.name().eq_ignore_ascii_case(s)).ok_or_else(|| {
            format!("unknown format `{s}` (expected human, compact, json, sarif, junit, github, markdown or checkstyle)")
        })
    }
}

/// Renders `result` in `format`.
pub fn render(format: Format, result: &ScanResult, opts: &RenderOptions) -> String {
    match format {
        Format::Human => human::render(result, opts),
        Format::Compact => compact::render(result, opts),
        Format::Json => json::render(result),
        Format::Sarif => sarif::render(result),
        Format::Junit => junit::render(result),
        Format::Github => github::render(result, opts),
        Format::Markdown => markdown::render(result, opts),
        Format::Checkstyle => checkstyle::render(result, opts),
    }
}

/// Writes `result` in `format` to `out`. The machine formats whose size grows with the
/// findings (JSON, SARIF) are streamed rather than built in memory first.
pub fn write(
    format: Format,
    result: &ScanResult,
    opts: &RenderOptions,
    out: &mut dyn std::io::Write,
) -> std::io::Result<()> {
    match format {
        Format::Json => json::write(result, out),
        Format::Sarif => sarif::write(result, out),
        _ => out.write_all(render(format, result, opts).as_bytes()),
    }
}

/// How the human report groups findings (`--group-by`).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum GroupBy {
    /// Most severe first (the default).
    #[default]
    Severity,
    /// One group per rule, the rules with the most severe findings first.
    Rule,
    /// One group per file, in path order; most severe first within each.
    File,
}

#[derive(Debug, Clone)]
pub struct RenderOptions {
    pub color: bool,
    pub width: usize,
    /// Grouping of the human report.
    pub group_by: GroupBy,
    /// Show findings accepted by suppressions or the baseline too.
    pub show_suppressed: bool,
    /// Prefix that turns a display path into a link (markdown): in GitHub Actions
    /// `https://github.com/OWNER/REPO/blob/SHA/`. Paths are shown unlinked when `None`.
    pub link_base: Option<String>,
}

impl Default for RenderOptions {
    fn default() -> Self {
        RenderOptions {
            color: false,
            width: 100,
            group_by: GroupBy::default(),
            show_suppressed: false,
            link_base: None,
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
    /// Ignore comments that suppress without a reason (other tools' comments honoured as
    /// written).
    pub ignores_without_reason: usize,
    /// Rule × resource evaluations that could not be decided.
    pub unknown: usize,
    pub errors: usize,
}

pub fn summary(result: &ScanResult) -> Summary {
    let mut s = Summary {
        files: result.sources.len(),
        resources: result
            .resources
            .iter()
            .filter(|i| i.mode == crate::model::ResourceMode::Managed)
            .count(),
        rules: result.rules.len(),
        ignores_without_reason: result.ignores_without_reason,
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

/// The summary in one sentence: "3 findings (1 critical, 2 high) in 5 resources (2 files, 150
/// rules); 1 suppressed; ...". Only the counts that are not zero after the first.
pub fn summary_sentence(s: &Summary) -> String {
    let sev: Vec<String> = Severity::ALL
        .iter()
        .filter_map(|sv| {
            s.by_severity
                .get(sv.as_str())
                .filter(|n| **n > 0)
                .map(|n| format!("{n} {sv}"))
        })
        .collect();
    let mut out = format!(
        "{} finding{}{} in {} resource{} ({} file{}, {} rule{})",
        s.findings,
        plural(s.findings),
        if sev.is_empty() {
            String::new()
        } else {
            format!(" ({})", sev.join(", "))
        },
        s.resources,
        plural(s.resources),
        s.files,
        plural(s.files),
        s.rules,
        plural(s.rules),
    );
    if s.suppressed > 0 {
        out.push_str(&format!("; {} suppressed", s.suppressed));
    }
    if s.ignores_without_reason > 0 {
        out.push_str(&format!(
            "; {} ignore{} without a reason",
            s.ignores_without_reason,
            plural(s.ignores_without_reason)
        ));
    }
    if s.unknown > 0 {
        out.push_str(&format!(
            "; {} check{} undecided (values known only after apply)",
            s.unknown,
            plural(s.unknown)
        ));
    }
    if s.errors > 0 {
        out.push_str(&format!(
            "; {} file error{}: the scan is incomplete",
            s.errors,
            plural(s.errors)
        ));
    }
    out
}

/// Findings a report lists: active ones, plus suppressed ones when asked.
pub fn visible<'a>(
    result: &'a ScanResult,
    show_suppressed: bool,
) -> impl Iterator<Item = &'a Finding> + 'a {
    result
        .findings
        .iter()
        .map(|f| &**f)
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

/// Text for line-oriented output: control characters (C0, DEL, C1) are written as visible
/// escapes (`\n`, `\r`, `\t`, `\x1b`, `\u{85}`), so a crafted file name or message can
/// neither split a line (forging a finding) nor drive the terminal.
pub fn escape_control(s: &str) -> String {
    if !s.chars().any(char::is_control) {
        return s.to_string();
    }
    let mut out = String::with_capacity(s.len() + 8);
    for c in s.chars() {
        match c {
            '\n' => out.push_str("\\n"),
            '\r' => out.push_str("\\r"),
            '\t' => out.push_str("\\t"),
            c if (c as u32) < 0x80 && c.is_control() => {
                out.push_str(&format!("\\x{:02x}", c as u32))
            }
            c if c.is_control() => out.push_str(&format!("\\u{{{:x}}}", c as u32)),
            c => out.push(c),
        }
    }
    out
}

/// `"s"` unless `n` is one: "1 file", "2 files".
pub fn plural(n: usize) -> &'static str {
    if n == 1 {
        ""
    } else {
        "s"
    }
}

/// Escapes text for XML content and attribute values (both quote kinds, so either delimiter
/// works). Characters XML 1.0 cannot carry at all (most C0 controls) become U+FFFD.
pub fn xml_escape(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for c in s.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&apos;"),
            // Kept literally, a newline or tab in an attribute value would be normalised to a
            // space by the reader.
            '\n' => out.push_str("&#10;"),
            '\r' => out.push_str("&#13;"),
            '\t' => out.push_str("&#9;"),
            c if is_xml_char(c) => out.push(c),
            _ => out.push('\u{FFFD}'),
        }
    }
    out
}

fn is_xml_char(c: char) -> bool {
    matches!(c, '\u{20}'..='\u{D7FF}' | '\u{E000}'..='\u{FFFD}' | '\u{10000}'..='\u{10FFFF}')
}

/// The SARIF / workflow-command level of a severity: critical and high are errors, medium a
/// warning, low a note.
pub fn level(severity: Severity) -> &'static str {
    match severity {
        Severity::Critical | Severity::High => "error",
        Severity::Medium => "warning",
        Severity::Low => "note",
    }
}

/// File display path and start position of a diagnostic, when it has one.
pub fn diagnostic_position<'a>(
    result: &'a ScanResult,
    d: &'a crate::diag::Diagnostic,
) -> (Option<&'a str>, Option<LineCol>) {
    match d.span.and_then(|s| Some((s, result.sources.get(s.file)?))) {
        Some((span, f)) => (Some(f.display.as_str()), Some(f.line_col(span.start))),
        None => (d.path.as_deref(), None),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn xml_escape_covers_markup_quotes_and_controls() {
        assert_eq!(
            xml_escape("a<b>&\"c\" 'd'\n\u{1}"),
            "a&lt;b&gt;&amp;&quot;c&quot; &apos;d&apos;&#10;\u{FFFD}"
        );
        assert_eq!(xml_escape("plain é ☃"), "plain é ☃");
    }

    #[test]
    fn format_names_round_trip() {
        for f in [
            Format::Human,
            Format::Compact,
            Format::Json,
            Format::Sarif,
            Format::Junit,
            Format::Github,
            Format::Markdown,
            Format::Checkstyle,
        ] {
            assert_eq!(f.name().parse::<Format>(), Ok(f));
        }
        assert!("xml".parse::<Format>().is_err());
    }
}
