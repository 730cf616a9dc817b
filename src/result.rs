//! What a scan returns: the [`ScanResult`] and the one order diagnostics are reported in. Its
//! own module because the scan produces these and suppression and every report consume them:
//! neither should depend on the other for it.

use crate::check::{Evaluation, Undecided};
use crate::classify::Catalog;
use crate::diag::{Diagnostic, Level};
use crate::finding::Finding;
use crate::model::{Instance, Resource};
use crate::rules::RuleSet;
use crate::source::SourceMap;
use std::sync::Arc;

pub struct ScanResult {
    pub sources: SourceMap,
    /// Every resource and data instance evaluated, in root module order.
    pub resources: Vec<Resource>,
    /// The same instances with their values and attribute spans, kept only with
    /// [`ScanOptions::keep_values`] (empty otherwise).
    pub instances: Vec<Instance>,
    pub findings: Vec<Box<Finding>>,
    pub diagnostics: Vec<Diagnostic>,
    pub rules: RuleSet,
    /// The exposure-path rules the scan ran, after selection (with overridden severities).
    pub path_rules: Vec<crate::paths::PathRule>,
    pub catalog: Arc<Catalog>,
    pub evaluations: Vec<Evaluation>,
    /// Why each undecided evaluation could not be decided, sorted by place, rule and address.
    pub undecided: Vec<Undecided>,
    /// Bytes of Terraform read.
    pub bytes: u64,
    /// Configuration (`.tf`, `.tf.json`, `.tofu`) and plan files read or attempted; 0 when the paths
    /// and excludes left nothing to scan.
    pub inputs_read: usize,
    /// Ignore comments that suppress without giving a reason (other tools' comments honoured
    /// as written, or any with `require_reason = false`); set by the suppression stage.
    pub ignores_without_reason: usize,
    /// Local module directories each directory read calls (normalised paths), whether or not
    /// it was evaluated: an editor finds from it the root modules a file belongs to.
    pub module_calls: std::collections::BTreeMap<std::path::PathBuf, Vec<std::path::PathBuf>>,
    /// The repository root files are identified relative to (absolute; see
    /// `SourceFile::repository_path`), when the current directory could be read.
    pub repository_root: Option<std::path::PathBuf>,
}

impl ScanResult {
    /// Whether the selection left no configuration or plan to scan (tfvars alone do not count).
    pub fn nothing_scanned(&self) -> bool {
        self.inputs_read == 0
    }

    /// Whether some input could not be read or parsed: the scan is incomplete.
    pub fn has_errors(&self) -> bool {
        self.diagnostics.iter().any(|d| d.level == Level::Error)
    }
}

/// Sorts diagnostics by file, position, level, code and message, and drops duplicates, so
/// output does not depend on thread scheduling.
pub fn sort_diagnostics(diags: &mut Vec<Diagnostic>, sources: &SourceMap) {
    diags.sort_by_cached_key(|d| {
        let file = d
            .span
            .and_then(|s| sources.get(s.file))
            .map(|s| s.display.clone())
            .or_else(|| d.path.clone())
            .unwrap_or_default();
        (
            file,
            d.span.map(|s| s.start).unwrap_or(0),
            d.level,
            d.code,
            d.message.clone(),
        )
    });
    diags.dedup();
}
