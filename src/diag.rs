//! Problems met while scanning (unreadable files, parse errors, evaluation limits, cycles),
//! kept as values with a location so one bad file never stops the others from being scanned;
//! and the [`ConfigError`] that stops a scan before it starts (a bad rule file, `.onus.hcl` or
//! option), which every stage that reads configuration may return.

use crate::source::Span;
use serde::Serialize;

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Level {
    /// The input could not be fully read: the scan result is incomplete and the run fails.
    Error,
    /// Something was evaluated with less precision than Terraform would (values became unknown).
    Warning,
    /// Information worth knowing (an unknown `count`, an unused ignore).
    Note,
}

impl Level {
    pub fn as_str(self) -> &'static str {
        match self {
            Level::Error => "error",
            Level::Warning => "warning",
            Level::Note => "note",
        }
    }
}

/// A diagnostic about the input, not a finding about the infrastructure.
#[derive(Debug, Clone, PartialEq)]
pub struct Diagnostic {
    pub level: Level,
    /// Stable kebab-case code, e.g. `parse-error`, `eval-cycle`, `eval-limit`.
    pub code: &'static str,
    pub message: String,
    /// Where the problem is; `None` for problems with no position (an unreadable file: see `path`).
    pub span: Option<Span>,
    /// The file concerned when there is no span (display form).
    pub path: Option<String>,
    /// Further places, each with a label.
    pub related: Vec<(Span, String)>,
}

impl Diagnostic {
    pub fn new(level: Level, code: &'static str, message: impl Into<String>) -> Self {
        Diagnostic {
            level,
            code,
            message: message.into(),
            span: None,
            path: None,
            related: Vec::new(),
        }
    }

    pub fn error(code: &'static str, message: impl Into<String>) -> Self {
        Diagnostic::new(Level::Error, code, message)
    }

    pub fn warning(code: &'static str, message: impl Into<String>) -> Self {
        Diagnostic::new(Level::Warning, code, message)
    }

    pub fn note(code: &'static str, message: impl Into<String>) -> Self {
        Diagnostic::new(Level::Note, code, message)
    }

    pub fn at(mut self, span: Span) -> Self {
        self.span = Some(span);
        self
    }

    pub fn at_opt(mut self, span: Option<Span>) -> Self {
        if self.span.is_none() {
            self.span = span;
        }
        self
    }

    pub fn in_file(mut self, path: impl Into<String>) -> Self {
        self.path = Some(path.into());
        self
    }

    pub fn with_related(mut self, span: Span, label: impl Into<String>) -> Self {
        self.related.push((span, label.into()));
        self
    }
}

/// A problem with the scan's own configuration (rules, options): exit status 2.
#[derive(Debug)]
pub struct ConfigError(pub Vec<String>);

impl std::fmt::Display for ConfigError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&self.0.join("\n"))
    }
}
