//! The terminal report: a summary (counts by severity and customer area), then the findings
//! grouped by severity (or rule, or file), each rendered with miette — the source lines with
//! the offending attribute underlined, its service and whose responsibility it is, the module
//! calls that created it and where its value was set — then, once per rule, why it matters and
//! how to fix it, and the summary again.

use super::{summary, summary_sentence, visible, GroupBy, RenderOptions};
use crate::diag::Level;
use crate::finding::Finding;
use crate::result::ScanResult;
use crate::source::Span;
use crate::taxonomy::{Area, Severity};
use miette::{GraphicalReportHandler, GraphicalTheme, LabeledSpan, NamedSource, SourceSpan};
use std::fmt::{self, Write};
use std::sync::Arc;

pub fn render(result: &ScanResult, opts: &RenderOptions) -> String {
    let theme = if opts.color {
        GraphicalTheme::unicode()
    } else {
        GraphicalTheme::unicode_nocolor()
    };
    let handler = GraphicalReportHandler::new_themed(theme)
        .with_width(opts.width)
        .with_links(false);
    let s = summary(result);
    let findings: Vec<&Finding> = visible(result, opts.show_suppressed).collect();
    let mut out = String::new();
    write_summary(&mut out, result, &s, opts.width);
    out.push('\n');
    for d in &result.diagnostics {
        let report = DiagReport::from(result, d);
        let _ = handler.render_report(&mut out, &report);
    }
    for (header, group) in groups(result, &findings, opts.group_by) {
        let _ = writeln!(out, "{}", rule_line(&header, opts.width, '━'));
        out.push('\n');
        for f in group {
            let report = FindingReport::from(result, f);
            let _ = handler.render_report(&mut out, &report);
            write_trace(&mut out, &handler, result, f);
            if let Some(path) = &f.path {
                out.push_str(&crate::paths::render_chain(
                    &f.rule_id,
                    path,
                    &result.sources,
                    &result.path_rules,
                ));
            }
            if let Some(s) = &f.suppression {
                let _ = writeln!(out, "  suppressed: {}", s.justification);
            }
            out.push('\n');
        }
    }
    write_rules(&mut out, result, &findings, opts.width);
    if findings.is_empty() {
        return out;
    }
    write_summary(&mut out, result, &s, opts.width);
    out
}

/// The summary: the counts sentence, findings per customer area, and a word when the scan
/// is clean.
fn write_summary(out: &mut String, result: &ScanResult, s: &super::Summary, width: usize) {
    wrap_into(out, "", "Summary: ", &summary_sentence(s), width);
    let mut by_area = [0usize; 4];
    for f in result.findings.iter().filter(|f| f.suppression.is_none()) {
        if let Some(i) = Area::ALL.iter().position(|a| *a == f.area) {
            by_area[i] += 1;
        }
    }
    if s.findings > 0 {
        let areas: Vec<String> = Area::ALL
            .iter()
            .zip(by_area)
            .filter(|(_, n)| *n > 0)
            .map(|(a, n)| format!("{} {n}", a.label()))
            .collect();
        wrap_into(
            out,
            "",
            "By area (yours to fix): ",
            &areas.join(" · "),
            width,
        );
    } else if s.errors == 0 {
        let _ = writeln!(
            out,
            "Clean: no findings in {} resource{} checked.",
            s.resources,
            super::plural(s.resources)
        );
    }
}

/// `━━ title ━━━━━` across the width.
fn rule_line(title: &str, width: usize, bar: char) -> String {
    let head = format!("{bar}{bar} {title} ");
    let used = head.chars().count();
    let fill: String = std::iter::repeat_n(bar, width.saturating_sub(used).max(2)).collect();
    format!("{head}{fill}")
}

fn severity_tag(s: Severity) -> String {
    // Critical stands out from high even without colour.
    match s {
        Severity::Critical => "CRITICAL".to_string(),
        other => other.to_string(),
    }
}

/// The findings in groups, each with its header, as `--group-by` asks. Within a group the
/// most severe come first; otherwise the scan's (path and position) order is kept.
fn groups<'a>(
    result: &ScanResult,
    findings: &[&'a Finding],
    by: GroupBy,
) -> Vec<(String, Vec<&'a Finding>)> {
    let mut sorted: Vec<&Finding> = findings.to_vec();
    sorted.sort_by_key(|f| std::cmp::Reverse(f.severity));
    let count = |n: usize| format!("{n} finding{}", super::plural(n));
    match by {
        GroupBy::Severity => Severity::ALL
            .iter()
            .filter_map(|sev| {
                let g: Vec<&Finding> = sorted
                    .iter()
                    .copied()
                    .filter(|f| f.severity == *sev)
                    .collect();
                (!g.is_empty()).then(|| (format!("{} · {}", severity_tag(*sev), count(g.len())), g))
            })
            .collect(),
        GroupBy::Rule => {
            let mut order: Vec<&str> = Vec::new();
            for f in &sorted {
                if !order.contains(&&*f.rule_id) {
                    order.push(&f.rule_id);
                }
            }
            order
                .into_iter()
                .map(|id| {
                    let g: Vec<&Finding> = sorted
                        .iter()
                        .copied()
                        .filter(|f| &*f.rule_id == id)
                        .collect();
                    let title = result.rules.get(id).map_or("", |r| &r.title[..]);
                    (
                        format!(
                            "{id} [{}] {title} · {}",
                            severity_tag(g[0].severity),
                            count(g.len())
                        ),
                        g,
                    )
                })
                .collect()
        }
        GroupBy::File => {
            let file = |f: &Finding| super::position(result, f).0;
            let mut files: Vec<String> = sorted.iter().map(|f| file(f)).collect();
            files.sort();
            files.dedup();
            files
                .into_iter()
                .map(|path| {
                    let g: Vec<&Finding> =
                        sorted.iter().copied().filter(|f| file(f) == path).collect();
                    (format!("{path} · {}", count(g.len())), g)
                })
                .collect()
        }
    }
}

/// The places in other files that explain a finding: the module calls that created the
/// instance (outermost first), then where values were set.
fn write_trace(
    out: &mut String,
    handler: &GraphicalReportHandler,
    result: &ScanResult,
    f: &Finding,
) {
    let related = related_reports(result, f);
    let (calls, values): (Vec<_>, Vec<_>) = related.into_iter().partition(|r| r.module_call);
    if !calls.is_empty() || !f.via.is_empty() {
        let _ = writeln!(out, "  Module trace: {}", f.via.join(" → "));
        for r in &calls {
            let _ = handler.render_report(out, r);
        }
    }
    if !values.is_empty() {
        let _ = writeln!(out, "  Where the value was set:");
        for r in &values {
            let _ = handler.render_report(out, r);
        }
    }
}

/// Why each rule matters and how to fix it, once per rule, after its findings.
fn write_rules(out: &mut String, result: &ScanResult, findings: &[&Finding], width: usize) {
    let mut seen: Vec<&str> = Vec::new();
    for f in findings {
        if !seen.contains(&&*f.rule_id) {
            seen.push(&f.rule_id);
        }
    }
    let rules: Vec<_> = seen.iter().filter_map(|id| result.rules.get(id)).collect();
    if rules.is_empty() {
        return;
    }
    let _ = writeln!(
        out,
        "{}",
        rule_line("Why it matters and how to fix it", width, '━')
    );
    out.push('\n');
    let mut rules = rules;
    rules.sort_by(|a, b| {
        (std::cmp::Reverse(a.severity), &a.id).cmp(&(std::cmp::Reverse(b.severity), &b.id))
    });
    for r in rules {
        let _ = writeln!(out, "{} [{}] {}", r.id, severity_tag(r.severity), r.title);
        wrap_into(
            out,
            "  ",
            "why: ",
            &first_sentences(&r.description, 320),
            width,
        );
        wrap_into(
            out,
            "  ",
            "fix: ",
            &r.remediation
                .split_whitespace()
                .collect::<Vec<_>>()
                .join(" "),
            width,
        );
        if let Some(url) = r.help_uri() {
            // Never wrapped: a broken URL is not clickable.
            let _ = writeln!(out, "  more: {url}");
        }
        out.push('\n');
    }
}

/// Writes `label` + `text` after `indent`, wrapped at `width` between words (a word
/// longer than the line is kept whole).
fn wrap_into(out: &mut String, indent: &str, label: &str, text: &str, width: usize) {
    let cont = " ".repeat(indent.len() + label.len());
    let mut line = format!("{indent}{label}");
    let mut empty = true;
    for word in text.split_whitespace() {
        let len = line.chars().count();
        if !empty && len + 1 + word.chars().count() > width {
            let _ = writeln!(out, "{line}");
            line = format!("{cont}{word}");
        } else {
            if !empty {
                line.push(' ');
            }
            line.push_str(word);
        }
        empty = false;
    }
    let _ = writeln!(out, "{line}");
}

/// The opening sentences of a rule's description, up to about `max` characters: the full
/// text is one `onus explain` away.
fn first_sentences(text: &str, max: usize) -> String {
    let flat = text.split_whitespace().collect::<Vec<_>>().join(" ");
    if flat.len() <= max {
        return flat;
    }
    let mut out = String::new();
    for sentence in flat.split_inclusive(". ") {
        if !out.is_empty() && out.len() + sentence.len() > max {
            break;
        }
        out.push_str(sentence);
    }
    out.trim_end().to_string()
}

/// Lines longer than this are not shown as snippets (a one-line plan file, minified JSON):
/// they would flood the terminal and could carry values the report must not print.
const MAX_SNIPPET_LINE: usize = 400;

/// The file's text for a snippet around `span`, unless the line is too long to show, with the
/// `masked` spans of that file (secrets, sensitive values) overwritten.
fn snippet_source(
    result: &ScanResult,
    span: Span,
    masked: &[Span],
) -> Option<NamedSource<Arc<String>>> {
    let src = result.sources.get(span.file)?;
    if src.line_len_at(span.start) > MAX_SNIPPET_LINE {
        return None;
    }
    let here: Vec<&Span> = masked.iter().filter(|m| m.file == span.file).collect();
    let text = if here.is_empty() {
        src.text.clone()
    } else {
        Arc::new(mask(&src.text, &here))
    };
    Some(NamedSource::new(super::escape_control(&src.display), text))
}

/// `text` with the secret parts of `spans` replaced by `*`, one per byte, so every offset (and
/// so every label) stays where it was: the contents of quoted strings, or, in a span with no
/// quoted string or with a heredoc, everything but line breaks.
fn mask(text: &str, spans: &[&Span]) -> String {
    let mut bytes = text.as_bytes().to_vec();
    for s in spans {
        let (start, end) = (s.start as usize, (s.end as usize).min(bytes.len()));
        if start >= end {
            continue;
        }
        let part = &text.as_bytes()[start..end];
        let strings_only = part.contains(&b'"') && !part.windows(2).any(|w| w == b"<<");
        let mut in_string = false;
        let mut escaped = false;
        for b in bytes.iter_mut().take(end).skip(start) {
            if strings_only {
                match *b {
                    b'"' if !escaped => in_string = !in_string,
                    b'\n' | b'\r' => {}
                    _ if in_string => {
                        escaped = *b == b'\\' && !escaped;
                        *b = b'*';
                        continue;
                    }
                    _ => {}
                }
                escaped = false;
            } else if !matches!(*b, b'\n' | b'\r') {
                *b = b'*';
            }
        }
    }
    // Every replaced byte is ASCII and only whole characters' bytes are replaced, except at a
    // span edge inside a character, which a lossy conversion turns into a replacement mark.
    String::from_utf8(bytes).unwrap_or_else(|e| String::from_utf8_lossy(e.as_bytes()).into_owned())
}

/// `file:line:col` of a span, for reports that cannot show its snippet.
fn location(result: &ScanResult, span: Span) -> String {
    match result.sources.get(span.file) {
        Some(src) => {
            let lc = src.line_col(span.start);
            format!(
                "{}:{}:{}",
                super::escape_control(&src.display),
                lc.line,
                lc.column
            )
        }
        None => String::new(),
    }
}

fn source_span(span: Span) -> SourceSpan {
    SourceSpan::new((span.start as usize).into(), span.len())
}

struct FindingReport {
    message: String,
    code: String,
    severity: miette::Severity,
    /// Service, service model and customer area. The rule's why, fix and link are shown
    /// once per rule, after the findings.
    help: String,
    source: Option<NamedSource<Arc<String>>>,
    labels: Vec<LabeledSpan>,
}

impl FindingReport {
    fn from(result: &ScanResult, f: &Finding) -> Self {
        let source = snippet_source(result, f.primary, &f.masked);
        let mut labels = vec![LabeledSpan::new_primary_with_span(
            Some(f.primary_label.clone()),
            source_span(f.primary),
        )];
        for (span, label) in &f.secondary {
            if span.file == f.primary.file {
                labels.push(LabeledSpan::new_with_span(
                    Some(label.clone()),
                    source_span(*span),
                ));
            }
        }
        // Why and fix are shown once per rule, after the findings.
        let help = format!(
            "{} · {} · yours: {}",
            f.service,
            f.service_model,
            f.area.label()
        );
        let message = if source.is_some() {
            format!("{} ({})", f.message, f.address)
        } else {
            format!(
                "{} ({})\n  at {}: {}",
                f.message,
                f.address,
                location(result, f.primary),
                f.primary_label
            )
        };
        FindingReport {
            message,
            code: format!("{} [{}]", f.rule_id, severity_tag(f.severity)),
            severity: match f.severity {
                Severity::Low => miette::Severity::Advice,
                Severity::Medium => miette::Severity::Warning,
                _ => miette::Severity::Error,
            },
            help,
            labels: if source.is_some() { labels } else { Vec::new() },
            source,
        }
    }
}

impl fmt::Debug for FindingReport {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.message)
    }
}

impl fmt::Display for FindingReport {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.message)
    }
}

impl std::error::Error for FindingReport {}

impl miette::Diagnostic for FindingReport {
    fn code<'a>(&'a self) -> Option<Box<dyn fmt::Display + 'a>> {
        Some(Box::new(&self.code))
    }
    fn severity(&self) -> Option<miette::Severity> {
        Some(self.severity)
    }
    fn help<'a>(&'a self) -> Option<Box<dyn fmt::Display + 'a>> {
        Some(Box::new(&self.help))
    }
    fn source_code(&self) -> Option<&dyn miette::SourceCode> {
        self.source.as_ref().map(|s| s as &dyn miette::SourceCode)
    }
    fn labels(&self) -> Option<Box<dyn Iterator<Item = LabeledSpan> + '_>> {
        Some(Box::new(self.labels.iter().cloned()))
    }
}

/// A place in another file (a tfvars line, a module call), shown under the finding.
struct RelatedReport {
    message: String,
    source: NamedSource<Arc<String>>,
    label: LabeledSpan,
    /// A module call that created the instance, rather than where a value was set.
    module_call: bool,
}

/// The finding's places in other files, in the finding's order.
fn related_reports(result: &ScanResult, f: &Finding) -> Vec<RelatedReport> {
    let mut out = Vec::new();
    for (span, label) in &f.secondary {
        if span.file == f.primary.file {
            continue;
        }
        if let Some(source) = snippet_source(result, *span, &f.masked) {
            out.push(RelatedReport {
                message: label.clone(),
                source,
                label: LabeledSpan::new_primary_with_span(Some(label.clone()), source_span(*span)),
                module_call: label.starts_with("instance ") && label.ends_with(" created here"),
            });
        }
    }
    out
}

impl fmt::Debug for RelatedReport {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.message)
    }
}
impl fmt::Display for RelatedReport {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.message)
    }
}
impl std::error::Error for RelatedReport {}
impl miette::Diagnostic for RelatedReport {
    fn severity(&self) -> Option<miette::Severity> {
        Some(miette::Severity::Advice)
    }
    fn source_code(&self) -> Option<&dyn miette::SourceCode> {
        Some(&self.source)
    }
    fn labels(&self) -> Option<Box<dyn Iterator<Item = LabeledSpan> + '_>> {
        Some(Box::new(std::iter::once(self.label.clone())))
    }
}

/// A diagnostic about the input (parse error, cycle, limit).
struct DiagReport {
    message: String,
    code: String,
    severity: miette::Severity,
    source: Option<NamedSource<Arc<String>>>,
    labels: Vec<LabeledSpan>,
}

impl DiagReport {
    fn from(result: &ScanResult, d: &crate::diag::Diagnostic) -> Self {
        let source = d.span.and_then(|s| snippet_source(result, s, &[]));
        let mut labels = Vec::new();
        if let (Some(span), true) = (d.span, source.is_some()) {
            labels.push(LabeledSpan::new_primary_with_span(
                Some("here".into()),
                source_span(span),
            ));
            for (s, l) in &d.related {
                if s.file == span.file {
                    labels.push(LabeledSpan::new_with_span(Some(l.clone()), source_span(*s)));
                }
            }
        }
        let message = match (&d.path, &source) {
            (Some(p), None) => format!("{p}: {}", d.message),
            _ => d.message.clone(),
        };
        DiagReport {
            message,
            code: d.code.to_string(),
            severity: match d.level {
                Level::Error => miette::Severity::Error,
                Level::Warning => miette::Severity::Warning,
                Level::Note => miette::Severity::Advice,
            },
            source,
            labels,
        }
    }
}

impl fmt::Debug for DiagReport {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.message)
    }
}
impl fmt::Display for DiagReport {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.message)
    }
}
impl std::error::Error for DiagReport {}
impl miette::Diagnostic for DiagReport {
    fn code<'a>(&'a self) -> Option<Box<dyn fmt::Display + 'a>> {
        Some(Box::new(&self.code))
    }
    fn severity(&self) -> Option<miette::Severity> {
        Some(self.severity)
    }
    fn source_code(&self) -> Option<&dyn miette::SourceCode> {
        self.source.as_ref().map(|s| s as &dyn miette::SourceCode)
    }
    fn labels(&self) -> Option<Box<dyn Iterator<Item = LabeledSpan> + '_>> {
        if self.labels.is_empty() {
            None
        } else {
            Some(Box::new(self.labels.iter().cloned()))
        }
    }
}
