//! The terminal report: each finding rendered with miette — the source lines with the offending
//! attribute underlined, where its value was set, the service and whose responsibility it is,
//! why it matters and how to fix it — then a summary.

use super::{summary, visible, RenderOptions};
use crate::diag::Level;
use crate::finding::Finding;
use crate::result::ScanResult;
use crate::source::Span;
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
    let mut out = String::new();
    for d in &result.diagnostics {
        let report = DiagReport::from(result, d);
        let _ = handler.render_report(&mut out, &report);
    }
    for f in visible(result, opts.show_suppressed) {
        let report = FindingReport::from(result, f);
        let _ = handler.render_report(&mut out, &report);
        if !f.via.is_empty() {
            let _ = writeln!(out, "  via: {}", f.via.join(" → "));
        }
        if let Some(path) = &f.path {
            out.push_str(&crate::paths::render_chain(
                &f.rule_id,
                path,
                &result.sources,
            ));
        }
        if let Some(s) = &f.suppression {
            let _ = writeln!(out, "  suppressed: {}", s.justification);
        }
        out.push('\n');
    }
    let s = summary(result);
    let sev: Vec<String> = crate::taxonomy::Severity::ALL
        .iter()
        .filter_map(|sv| {
            s.by_severity
                .get(sv.as_str())
                .filter(|n| **n > 0)
                .map(|n| format!("{n} {sv}"))
        })
        .collect();
    let _ = write!(
        out,
        "{} finding{}{} in {} resource{} ({} file{}, {} rule{})",
        s.findings,
        super::plural(s.findings),
        if sev.is_empty() {
            String::new()
        } else {
            format!(" ({})", sev.join(", "))
        },
        s.resources,
        super::plural(s.resources),
        s.files,
        super::plural(s.files),
        s.rules,
        super::plural(s.rules),
    );
    if s.suppressed > 0 {
        let _ = write!(out, "; {} suppressed", s.suppressed);
    }
    if s.unknown > 0 {
        let _ = write!(
            out,
            "; {} check{} undecided (values known only after apply)",
            s.unknown,
            super::plural(s.unknown)
        );
    }
    if s.errors > 0 {
        let _ = write!(
            out,
            "; {} file error{}: the scan is incomplete",
            s.errors,
            super::plural(s.errors)
        );
    }
    out.push('\n');
    out
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

/// The file's text for a snippet around `span`, unless the line is too long to show.
fn snippet_source(result: &ScanResult, span: Span) -> Option<NamedSource<Arc<String>>> {
    let src = result.sources.get(span.file)?;
    (src.line_len_at(span.start) <= MAX_SNIPPET_LINE)
        .then(|| NamedSource::new(src.display.clone(), src.text.clone()))
}

/// `file:line:col` of a span, for reports that cannot show its snippet.
fn location(result: &ScanResult, span: Span) -> String {
    match result.sources.get(span.file) {
        Some(src) => {
            let lc = src.line_col(span.start);
            format!("{}:{}:{}", src.display, lc.line, lc.column)
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
    help: String,
    url: Option<String>,
    source: Option<NamedSource<Arc<String>>>,
    labels: Vec<LabeledSpan>,
    related: Vec<RelatedReport>,
}

impl FindingReport {
    fn from(result: &ScanResult, f: &Finding) -> Self {
        let rule = result.rules.get(&f.rule_id);
        let source = snippet_source(result, f.primary);
        let mut labels = vec![LabeledSpan::new_primary_with_span(
            Some(f.primary_label.clone()),
            source_span(f.primary),
        )];
        let mut related = Vec::new();
        for (span, label) in &f.secondary {
            if span.file == f.primary.file {
                labels.push(LabeledSpan::new_with_span(
                    Some(label.clone()),
                    source_span(*span),
                ));
            } else if let Some(source) = snippet_source(result, *span) {
                related.push(RelatedReport {
                    message: label.clone(),
                    source,
                    label: LabeledSpan::new_primary_with_span(
                        Some(label.clone()),
                        source_span(*span),
                    ),
                });
            }
        }
        let mut help = String::new();
        let _ = writeln!(
            help,
            "{} · {} · yours: {}",
            f.service,
            f.service_model,
            f.area.label()
        );
        if let Some(r) = rule {
            let _ = writeln!(help, "why: {}", first_sentences(&r.description, 320));
            let _ = write!(
                help,
                "fix: {}",
                r.remediation
                    .split_whitespace()
                    .collect::<Vec<_>>()
                    .join(" ")
            );
        }
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
            code: format!("{} [{}]", f.rule_id, f.severity),
            severity: match f.severity {
                crate::taxonomy::Severity::Low => miette::Severity::Advice,
                crate::taxonomy::Severity::Medium => miette::Severity::Warning,
                _ => miette::Severity::Error,
            },
            help,
            url: rule.and_then(|r| r.help_uri()).map(str::to_string),
            labels: if source.is_some() { labels } else { Vec::new() },
            source,
            related,
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
    fn url<'a>(&'a self) -> Option<Box<dyn fmt::Display + 'a>> {
        self.url
            .as_ref()
            .map(|u| Box::new(u) as Box<dyn fmt::Display>)
    }
    fn source_code(&self) -> Option<&dyn miette::SourceCode> {
        self.source.as_ref().map(|s| s as &dyn miette::SourceCode)
    }
    fn labels(&self) -> Option<Box<dyn Iterator<Item = LabeledSpan> + '_>> {
        Some(Box::new(self.labels.iter().cloned()))
    }
    fn related<'a>(&'a self) -> Option<Box<dyn Iterator<Item = &'a dyn miette::Diagnostic> + 'a>> {
        if self.related.is_empty() {
            None
        } else {
            Some(Box::new(
                self.related.iter().map(|r| r as &dyn miette::Diagnostic),
            ))
        }
    }
}

/// A place in another file (a tfvars line, a module call), shown under the finding.
struct RelatedReport {
    message: String,
    source: NamedSource<Arc<String>>,
    label: LabeledSpan,
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
        let source = d.span.and_then(|s| snippet_source(result, s));
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
