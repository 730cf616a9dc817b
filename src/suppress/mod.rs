//! Living with findings: the stage after `check` that applies severity overrides, ignore
//! comments in the source ([`inline`]) and the baseline ([`baseline`]), and reports ignores
//! that are expired, lack a reason, or suppress nothing. Rule selection runs before the scan
//! instead (`rules::select`); only its severity overrides are applied here.

pub mod baseline;
pub mod date;
pub mod inline;

pub use baseline::Baseline;
pub use date::Date;

use crate::diag::ConfigError;
use crate::diag::Diagnostic;
use crate::finding::{Finding, Suppression, SuppressionKind};
use crate::result::ScanResult;
use crate::rules::RuleSelection;
use crate::source::FileKind;
use crate::source::{FileId, SourceMap, Span};
use inline::Directive;
use rayon::prelude::*;
use std::collections::{HashMap, HashSet};
use std::path::PathBuf;

/// Which ignore comments must give a reason to suppress (`require_reason` in `.onus.hcl`).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum ReasonPolicy {
    /// `false`: every ignore suppresses, with or without a reason.
    Never,
    /// `true`, the default: onus's own `onus:ignore` needs a reason; the peers' comments
    /// (tfsec, trivy, checkov) are honoured as written, since they were reviewed under those
    /// tools, and counted as ignores without a reason.
    #[default]
    OwnSyntax,
    /// `"all"`: every form needs a reason, the peers' comments included.
    All,
}

impl ReasonPolicy {
    /// Whether a directive written in `form` needs a reason to suppress.
    pub fn requires(self, form: inline::Form) -> bool {
        match self {
            ReasonPolicy::Never => false,
            ReasonPolicy::OwnSyntax => form == inline::Form::Onus,
            ReasonPolicy::All => true,
        }
    }
}

/// The default requires reasons of onus's own comments only, reports no unused ignores, reads
/// the system clock and applies no baseline.
#[derive(Debug, Clone, Default)]
pub struct SuppressOptions {
    /// Which ignore comments need a reason to suppress.
    pub require_reason: ReasonPolicy,
    /// Report ignore comments that suppress nothing, as notes.
    pub report_unused_ignores: bool,
    /// The date expiries are compared with; `None` reads the system clock.
    pub today: Option<Date>,
    /// Findings recorded in this baseline file are suppressed.
    pub baseline: Option<PathBuf>,
}

/// One directive of one ignore comment, where it is and what it targets.
struct Ignore {
    /// The comment (its file is the ignore's file).
    comment: Span,
    /// The line the directive covers (and everything that starts there); `None` when nothing
    /// follows the comment directly.
    target: Option<u32>,
    directive: Directive,
    /// Whether it may suppress (valid, has a reason, not expired).
    active: bool,
    /// Per id of the directive: whether it suppressed a finding.
    used: Vec<bool>,
}

/// Applies severity overrides, ignore comments and the baseline to `result`'s findings, and
/// adds the diagnostics about them. `with_ignores` are the files [`files_with_ignores`] found.
pub fn apply(
    result: &mut ScanResult,
    opts: &SuppressOptions,
    select: &RuleSelection,
    with_ignores: &[FileId],
) -> Result<(), ConfigError> {
    let baseline = match &opts.baseline {
        Some(p) => Some((
            Baseline::read(p).map_err(|e| ConfigError(vec![e]))?,
            crate::source::display_file_path(p),
        )),
        None => None,
    };
    if !select.severity_overrides.is_empty() {
        let severities = select.severities();
        let severity: HashMap<&str, crate::taxonomy::Severity> = result
            .rules
            .rules()
            .iter()
            .map(|r| (&*r.id, severities.of(&**r)))
            .collect();
        for f in &mut result.findings {
            if let Some(s) = severity.get(&*f.rule_id) {
                f.severity = *s;
            }
        }
    }
    let today = opts.today.unwrap_or_else(Date::today);
    let mut ignores = collect_ignores(&result.sources, with_ignores);
    let mut diags = Vec::new();
    for ig in &mut ignores {
        ig.active = check_ignore(ig, opts, today, &mut diags);
    }
    apply_ignores(result, &mut ignores);
    // Those that took effect: an ignore of a rule that found nothing hides no finding, so
    // `require_reason = "all"` would bring nothing back through it.
    result.ignores_without_reason = ignores
        .iter()
        .filter(|ig| ig.active && ig.directive.reason.is_empty() && ig.used.contains(&true))
        .count();
    if opts.report_unused_ignores {
        report_unused(result, &ignores, select, &mut diags);
    }
    if let Some((baseline, display)) = baseline {
        apply_baseline(result, &baseline, &display, &mut diags);
    }
    // The scan's diagnostics arrive sorted: only new ones need the sort again.
    if !diags.is_empty() {
        result.diagnostics.extend(diags);
        crate::result::sort_diagnostics(&mut result.diagnostics, &result.sources);
    }
    Ok(())
}

/// Whether a file's text mentions an ignore directive at all: a cheap test before lexing it.
pub fn may_hold_ignores(text: &str) -> bool {
    text.contains(":ignore:") || text.contains("checkov:skip=")
}

/// The native-syntax files that mention an ignore directive at all (a cheap test, in
/// parallel), sorted: the only files whose lines can anchor an ignore.
pub fn files_with_ignores(sources: &SourceMap) -> Vec<FileId> {
    let files: Vec<(FileId, &crate::source::SourceFile)> = sources.files().collect();
    let mut out: Vec<FileId> = files
        .par_iter()
        .filter(|(_, f)| matches!(FileKind::of(&f.path), Some(FileKind::Config) | None))
        .filter(|(_, f)| may_hold_ignores(&f.text))
        .map(|(id, _)| *id)
        .collect();
    out.sort();
    out
}

/// Every ignore directive in `files` (from [`files_with_ignores`]). Each file's text is lexed
/// once.
fn collect_ignores(sources: &SourceMap, files: &[FileId]) -> Vec<Ignore> {
    let mut out = Vec::new();
    for &id in files {
        let Some(file) = sources.get(id) else {
            continue;
        };
        let text = &*file.text;
        let lexed = inline::lex(text);
        for c in &lexed.comments {
            let directives = inline::directives(&c.text);
            if directives.is_empty() {
                continue;
            }
            let target = lexed.target_line(c);
            for d in directives {
                // Checkov reads its skips anywhere inside the resource block they apply to.
                let target = match (d.form, c.block_line) {
                    (inline::Form::Checkov, Some(header)) => Some(header),
                    _ => target,
                };
                out.push(Ignore {
                    comment: Span::new(id, c.start..c.end),
                    target,
                    used: vec![false; d.ids.len()],
                    directive: d,
                    active: false,
                });
            }
        }
    }
    out
}

/// Whether the ignore may suppress; reports why not.
fn check_ignore(
    ig: &Ignore,
    opts: &SuppressOptions,
    today: Date,
    diags: &mut Vec<Diagnostic>,
) -> bool {
    let d = &ig.directive;
    if d.ids.is_empty() {
        diags.push(
            Diagnostic::warning(
                "ignore-invalid",
                format!("`{}` names no rule; it has no effect", d.token),
            )
            .at(ig.comment),
        );
        return false;
    }
    match &d.expiry {
        Some(Err(text)) => {
            diags.push(
                Diagnostic::warning(
                    "ignore-invalid",
                    format!(
                        "`{}`: `{text}` is not a date (expected :exp:YYYY-MM-DD); the ignore has no effect",
                        d.token
                    ),
                )
                .at(ig.comment),
            );
            return false;
        }
        Some(Ok(exp)) if today > *exp => {
            diags.push(
                Diagnostic::note(
                    "ignore-expired",
                    format!(
                        "`{}` expired on {exp}: the findings it covered are reported again",
                        d.token
                    ),
                )
                .at(ig.comment),
            );
            return false;
        }
        _ => {}
    }
    if opts.require_reason.requires(d.form) && d.reason.is_empty() {
        let how = match d.form {
            inline::Form::Checkov => "`# checkov:skip=ID:why`".to_string(),
            other => format!("`# {}ID why`", other.prefix()),
        };
        let relax = if d.form == inline::Form::Onus {
            "or set `require_reason = false` in .onus.hcl"
        } else {
            "or drop `require_reason = \"all\"` from .onus.hcl to honour other tools' comments as written"
        };
        diags.push(
            Diagnostic::warning(
                "ignore-no-reason",
                format!(
                    "`{}` has no reason, so it suppresses nothing: write why after it ({how}), {relax}",
                    d.token
                ),
            )
            .at(ig.comment),
        );
        return false;
    }
    true
}

/// Lines an ignore comment may target to apply to `f`: the primary span's, then those of the
/// spans enclosing it.
fn anchors(f: &Finding, sources: &SourceMap) -> Vec<(FileId, u32)> {
    let line = |s: &Span| {
        sources
            .get(s.file)
            .map(|src| (s.file, src.line_col(s.start).line))
    };
    let mut out: Vec<(FileId, u32)> = std::iter::once(&f.primary)
        .chain(&f.enclosing)
        .filter_map(line)
        .collect();
    let mut seen = HashSet::new();
    out.retain(|a| seen.insert(*a));
    out
}

fn apply_ignores(result: &mut ScanResult, ignores: &mut [Ignore]) {
    let mut by_line: HashMap<(FileId, u32), Vec<usize>> = HashMap::new();
    for (i, ig) in ignores.iter().enumerate() {
        if let (true, Some(t)) = (ig.active, ig.target) {
            by_line.entry((ig.comment.file, t)).or_default().push(i);
        }
    }
    if by_line.is_empty() {
        return;
    }
    for f in &mut result.findings {
        if f.suppression.is_some() {
            continue;
        }
        let rule = result.rules.get(&f.rule_id);
        let names = |id: &str| match rule {
            Some(r) => r.is_named(id),
            None => *f.rule_id == *id,
        };
        for anchor in anchors(f, &result.sources) {
            let Some(candidates) = by_line.get(&anchor) else {
                continue;
            };
            for &i in candidates {
                let ig = &mut ignores[i];
                for (k, id) in ig.directive.ids.iter().enumerate() {
                    if names(id) {
                        ig.used[k] = true;
                        if f.suppression.is_none() {
                            let reason = &ig.directive.reason;
                            f.suppression = Some(Suppression {
                                kind: SuppressionKind::InSource,
                                justification: if reason.is_empty() {
                                    "(no reason given)".to_string()
                                } else {
                                    reason.clone()
                                },
                                span: Some(ig.comment),
                            });
                        }
                    }
                }
            }
        }
    }
}

fn report_unused(
    result: &ScanResult,
    ignores: &[Ignore],
    select: &RuleSelection,
    diags: &mut Vec<Diagnostic>,
) {
    for ig in ignores.iter().filter(|ig| ig.active) {
        for (k, id) in ig.directive.ids.iter().enumerate() {
            if ig.used[k] {
                continue;
            }
            let known = result.rules.rules().iter().any(|r| r.is_named(id))
                || result.path_rules.iter().any(|r| *r.id == **id);
            // With a rule selection, ignores of rules that did not run are not unused.
            if !known && !select.is_empty() {
                continue;
            }
            let why = if ig.target.is_none() {
                "it is not directly above code (a blank line or the end of the file follows)"
                    .to_string()
            } else if known {
                format!("no `{id}` finding is on the line or block it covers")
            } else {
                format!("no rule is named `{id}`")
            };
            diags.push(
                Diagnostic::note(
                    "ignore-unused",
                    format!("`{}` suppresses nothing: {why}", ig.directive.token),
                )
                .at(ig.comment),
            );
        }
    }
}

fn apply_baseline(
    result: &mut ScanResult,
    baseline: &Baseline,
    display: &str,
    diags: &mut Vec<Diagnostic>,
) {
    let known = baseline.fingerprints();
    let mut seen: HashSet<&str> = HashSet::new();
    for f in &mut result.findings {
        if known.contains(f.fingerprint.as_str()) && f.suppression.is_none() {
            f.suppression = Some(Suppression {
                kind: SuppressionKind::External,
                justification: format!("in baseline {display}"),
                span: None,
            });
        }
    }
    for f in &result.findings {
        seen.insert(f.fingerprint.as_str());
    }
    // An entry is judged only where this scan looked: its file was read. Entries of files
    // outside the scanned paths are neither new nor fixed.
    let scanned: HashSet<&str> = result
        .sources
        .files()
        .map(|(_, f)| f.repository_path())
        .collect();
    let mut fixed = 0usize;
    let mut stale = 0usize;
    for e in &baseline.findings {
        // Rules that did not run (selected out) have not been fixed.
        let ran = result.rules.get(&e.rule).is_some()
            || result.path_rules.iter().any(|r| *r.id == *e.rule);
        if seen.contains(e.fingerprint.as_str()) || !ran {
            continue;
        }
        if scanned.contains(e.file.as_str()) {
            fixed += 1;
        } else if let Some(root) = &result.repository_root {
            if !baseline::resolves_under(root, &e.file) {
                stale += 1;
            }
        }
    }
    if fixed > 0 {
        diags.push(
            Diagnostic::note(
                "baseline-fixed",
                if fixed == 1 {
                    format!("1 baselined finding is fixed now; `onus baseline write -o {display}` drops it from the baseline")
                } else {
                    format!("{fixed} baselined findings are fixed now; `onus baseline write -o {display}` drops them from the baseline")
                },
            )
            .in_file(display.to_string()),
        );
    }
    if stale > 0 {
        let (n, are) = if stale == 1 {
            ("1 baselined finding is".to_string(), "its file does")
        } else {
            (format!("{stale} baselined findings are"), "their files do")
        };
        diags.push(
            Diagnostic::warning(
                "baseline-stale",
                format!(
                    "{n} not matched: {are} not exist under the repository root (the file was \
                     deleted, or the baseline was written by an earlier onus, whose paths were \
                     relative to the directory it ran in); rewrite it with `onus baseline write -o {display}`"
                ),
            )
            .in_file(display.to_string()),
        );
    }
}
