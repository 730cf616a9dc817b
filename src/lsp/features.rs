//! What the editor shows from one scan result: findings and scan diagnostics as protocol
//! diagnostics, hovers on resource blocks and findings, and code actions (suppress with a
//! reason; the rule's fix where it is exact).

use super::text::{path_to_uri, LineIndex};
use crate::diag::Level;
use crate::finding::Finding;
use crate::result::ScanResult;
use crate::rules::{Condition, Rule, Test};
use crate::source::{FileId, Span};
use crate::taxonomy::Severity;
use crate::value::Tri;
use lsp_types::{
    CodeAction, CodeActionKind, CodeDescription, Diagnostic, DiagnosticRelatedInformation,
    DiagnosticSeverity, Location, NumberOrString, Position, Range, TextEdit, Uri, WorkspaceEdit,
};
use std::collections::HashMap;
use std::fmt::Write;
use std::path::Path;
use std::str::FromStr;

/// Days an ignore inserted by the editor stays in force: long enough to fix, short enough
/// that a forgotten one comes back.
pub const IGNORE_DAYS: i64 = 90;

/// How findings are linked to their documentation.
#[derive(Debug, Clone, Default)]
pub struct DocsLinks {
    /// Base of the rule pages (`…/docs/rules/`): a rule links to `<base><provider>.md#<id>`.
    /// Without it, a rule links to its first reference.
    pub base: Option<String>,
}

impl DocsLinks {
    pub fn of(&self, rule: &Rule) -> Option<Uri> {
        let href = match &self.base {
            Some(base) => format!("{base}{}.md#{}", rule.provider, rule.id),
            None => rule.help_uri()?.to_string(),
        };
        Uri::from_str(&href).ok()
    }
}

pub fn severity(s: Severity) -> DiagnosticSeverity {
    match s {
        Severity::Critical | Severity::High => DiagnosticSeverity::ERROR,
        Severity::Medium => DiagnosticSeverity::WARNING,
        Severity::Low => DiagnosticSeverity::INFORMATION,
    }
}

fn level(l: Level) -> DiagnosticSeverity {
    match l {
        Level::Error => DiagnosticSeverity::ERROR,
        Level::Warning => DiagnosticSeverity::WARNING,
        Level::Note => DiagnosticSeverity::INFORMATION,
    }
}

/// Line indexes of a result's files, built when first asked for.
pub struct Indexes<'r> {
    result: &'r ScanResult,
    built: HashMap<FileId, LineIndex<'r>>,
}

impl<'r> Indexes<'r> {
    pub fn new(result: &'r ScanResult) -> Self {
        Indexes {
            result,
            built: HashMap::new(),
        }
    }

    pub fn range(&mut self, span: Span) -> Option<Range> {
        let idx = self.index(span.file)?;
        Some(idx.range(span.start as usize, span.end as usize))
    }

    pub fn index(&mut self, file: FileId) -> Option<&LineIndex<'r>> {
        let src = self.result.sources.get(file)?;
        Some(
            self.built
                .entry(file)
                .or_insert_with(|| LineIndex::new(src.text.as_str())),
        )
    }

    fn location(&mut self, span: Span) -> Option<Location> {
        let path = &self.result.sources.get(span.file)?.path;
        let uri = path_to_uri(&absolute(path))?;
        Some(Location::new(uri, self.range(span)?))
    }
}

/// Scan paths are relative to the working directory (the workspace root).
fn absolute(p: &Path) -> std::path::PathBuf {
    let joined = if p.is_absolute() {
        p.to_path_buf()
    } else {
        std::env::current_dir()
            .map(|d| d.join(p))
            .unwrap_or_else(|_| p.to_path_buf())
    };
    crate::source::normalize(&joined)
}

/// The protocol diagnostics of every file of `result`, by file: unsuppressed findings and the
/// scan's own diagnostics (parse errors, evaluation limits).
pub fn diagnostics(result: &ScanResult, docs: &DocsLinks) -> HashMap<FileId, Vec<Diagnostic>> {
    let mut out: HashMap<FileId, Vec<Diagnostic>> = HashMap::new();
    let mut idx = Indexes::new(result);
    for f in result.findings.iter().filter(|f| f.suppression.is_none()) {
        let Some(range) = idx.range(f.primary) else {
            continue;
        };
        let rule = result.rules.get(&f.rule_id);
        let mut related: Vec<DiagnosticRelatedInformation> = f
            .secondary
            .iter()
            .filter_map(|(span, label)| {
                Some(DiagnosticRelatedInformation {
                    location: idx.location(*span)?,
                    message: label.clone(),
                })
            })
            .collect();
        // Module hops without a span of their own are said in the message instead.
        let mut message = finding_message(f);
        if !f.via.is_empty() && related.is_empty() {
            let _ = write!(message, "\nvia {}", f.via.join(" → "));
        }
        related.dedup();
        out.entry(f.primary.file).or_default().push(Diagnostic {
            range,
            severity: Some(severity(f.severity)),
            code: Some(NumberOrString::String(f.rule_id.to_string())),
            code_description: rule
                .and_then(|r| docs.of(r))
                .map(|href| CodeDescription { href }),
            source: Some("onus".into()),
            message,
            related_information: (!related.is_empty()).then_some(related),
            tags: None,
            data: Some(serde_json::json!({
                "fingerprint": f.fingerprint,
                "address": f.address,
            })),
        });
    }
    for d in &result.diagnostics {
        let (file, range) = match d.span {
            Some(span) => match idx.range(span) {
                Some(r) => (span.file, r),
                None => continue,
            },
            None => {
                // Diagnostics without a place name their file: shown at its start.
                let Some(file) = d.path.as_deref().and_then(|p| {
                    result
                        .sources
                        .files()
                        .find(|(_, s)| s.display == p)
                        .map(|(id, _)| id)
                }) else {
                    continue;
                };
                (file, Range::default())
            }
        };
        let related: Vec<DiagnosticRelatedInformation> = d
            .related
            .iter()
            .filter_map(|(span, label)| {
                Some(DiagnosticRelatedInformation {
                    location: idx.location(*span)?,
                    message: label.clone(),
                })
            })
            .collect();
        out.entry(file).or_default().push(Diagnostic {
            range,
            severity: Some(level(d.level)),
            code: Some(NumberOrString::String(d.code.to_string())),
            code_description: None,
            source: Some("onus".into()),
            message: d.message.clone(),
            related_information: (!related.is_empty()).then_some(related),
            tags: None,
            data: None,
        });
    }
    out
}

fn finding_message(f: &Finding) -> String {
    let mut m = format!("{} ({})", f.message, f.address);
    if !f.primary_label.is_empty() {
        let _ = write!(m, ": {}", f.primary_label);
    }
    m
}

/// Hover text at byte `offset` of `file`: the findings reported on its line (why and fix),
/// else the resource whose block holds it (service, model, layers, the rules that checked it).
pub fn hover(result: &ScanResult, file: FileId, offset: usize) -> Option<String> {
    let src = result.sources.get(file)?;
    let idx = LineIndex::new(src.text.as_str());
    let line = idx.line_of(offset);
    let here: Vec<&Finding> = result
        .findings
        .iter()
        .filter(|f| f.primary.file == file && idx.line_of(f.primary.start as usize) == line)
        .map(|f| &**f)
        .collect();
    let mut found = String::new();
    {
        let out = &mut found;
        for f in &here {
            let _ = writeln!(
                out,
                "**{}** · {} · `{}`\n",
                f.message, f.severity, f.rule_id
            );
            let _ = writeln!(out, "`{}`: {}\n", f.address, f.primary_label);
            if let Some(s) = &f.suppression {
                let _ = writeln!(out, "Suppressed: {}\n", s.justification);
            }
            if let Some(rule) = result.rules.get(&f.rule_id) {
                let _ = writeln!(out, "**Why**: {}\n", rule.description.trim());
                let _ = writeln!(out, "**Fix**: {}\n", rule.remediation.trim());
            }
            if !f.via.is_empty() {
                let _ = writeln!(out, "Through {}\n", f.via.join(" → "));
            }
        }
    }
    let on_header = result
        .resources
        .iter()
        .any(|r| r.header.file == file && idx.line_of(r.header.start as usize) == line);
    if !here.is_empty() && !on_header {
        return Some(found);
    }
    // The innermost block holding the offset (a block's header span covers the block).
    let Some((first, resource)) = result
        .resources
        .iter()
        .enumerate()
        .filter(|(_, r)| {
            r.header.file == file
                && (r.header.start as usize) <= offset
                && offset
                    <= (r.header.end as usize)
                        .max(idx.line_end(idx.line_of(r.header.start as usize)))
        })
        .min_by_key(|(_, r)| r.header.len())
    else {
        return (!found.is_empty()).then_some(found);
    };
    let mut out = String::new();
    let explained =
        crate::explain::explain_type(&result.catalog, &result.rules, &resource.resource_type)?;
    let _ = writeln!(out, "```text\n{}```", explained);
    // Every instance of the block (count, for_each) shares its header.
    let instances: Vec<u32> = result
        .resources
        .iter()
        .enumerate()
        .skip(first)
        .filter(|(_, r)| r.header == resource.header)
        .map(|(i, _)| i as u32)
        .collect();
    let mut verdicts: Vec<(&str, &str)> = result
        .evaluations
        .iter()
        .filter(|e| instances.contains(&e.instance))
        .filter_map(|e| {
            let rule = result.rules.rules().get(e.rule as usize)?;
            let verdict = match e.result {
                Tri::True => "passed",
                Tri::False => "failed",
                Tri::Unknown => "undecided",
            };
            Some((&*rule.id, verdict))
        })
        .collect();
    verdicts.sort();
    verdicts.dedup();
    if !verdicts.is_empty() {
        let _ = writeln!(out, "\nChecked here:\n");
        for (id, verdict) in verdicts {
            let _ = writeln!(out, "- `{id}` {verdict}");
        }
    }
    if !found.is_empty() {
        let _ = write!(out, "\n---\n\n{found}");
    }
    Some(out)
}

/// Code actions for the findings of `file` on the lines of `range`.
pub fn code_actions(
    result: &ScanResult,
    file: FileId,
    uri: &Uri,
    range: Range,
    today_plus: crate::suppress::Date,
) -> Vec<CodeAction> {
    let Some(src) = result.sources.get(file) else {
        return Vec::new();
    };
    let idx = LineIndex::new(src.text.as_str());
    let (from, to) = (idx.offset(range.start), idx.offset(range.end));
    let is_hcl = !src.path.to_string_lossy().ends_with(".json");
    let mut out = Vec::new();
    for f in result.findings.iter().filter(|f| {
        f.primary.file == file
            && f.suppression.is_none()
            && (f.primary.start as usize) <= to
            && (from <= f.primary.end as usize
                || idx.line_of(f.primary.start as usize) == idx.line_of(from))
    }) {
        if is_hcl {
            out.push(suppress_action(&idx, f, uri, today_plus));
        }
        if let Some(rule) = result.rules.get(&f.rule_id) {
            if let Some(edit) = is_hcl
                .then(|| safe_fix(&idx, src.text.as_str(), f, rule))
                .flatten()
            {
                out.push(CodeAction {
                    title: format!("Fix {}: {}", f.rule_id, edit.1),
                    kind: Some(CodeActionKind::QUICKFIX),
                    edit: Some(workspace_edit(uri, vec![edit.0])),
                    is_preferred: Some(true),
                    ..CodeAction::default()
                });
            }
        }
    }
    out
}

fn workspace_edit(uri: &Uri, edits: Vec<TextEdit>) -> WorkspaceEdit {
    WorkspaceEdit {
        changes: Some(HashMap::from([(uri.clone(), edits)])),
        ..WorkspaceEdit::default()
    }
}

/// Placeholder reason of an inserted ignore: reports show it until someone writes the real one.
pub const REASON_PLACEHOLDER: &str = "TODO: say why this finding is accepted";

/// "Suppress with reason": an ignore comment on its own line directly above the finding's
/// line (above a block header it covers the whole block), expiring after [`IGNORE_DAYS`].
fn suppress_action(
    idx: &LineIndex,
    f: &Finding,
    uri: &Uri,
    expiry: crate::suppress::Date,
) -> CodeAction {
    let line = idx.line_of(f.primary.start as usize);
    let text = idx.line_text(line);
    let indent: String = text.chars().take_while(|c| c.is_whitespace()).collect();
    let comment = format!(
        "{indent}# onus:ignore:{}:exp:{expiry} {REASON_PLACEHOLDER}\n",
        f.rule_id
    );
    let at = Position::new(line as u32, 0);
    CodeAction {
        title: format!("Suppress {} with a reason (until {expiry})", f.rule_id),
        kind: Some(CodeActionKind::QUICKFIX),
        edit: Some(workspace_edit(
            uri,
            vec![TextEdit::new(Range::new(at, at), comment)],
        )),
        ..CodeAction::default()
    }
}

/// The one attribute a rule requires to be `true`, when that is all its assertion says: then
/// setting it is exactly the fix. Rules asserting anything more get no automatic fix.
pub fn required_true(rule: &Rule) -> Option<&str> {
    let mut cond = &rule.assert;
    while let Condition::All(list) = cond {
        match list.as_slice() {
            [one] => cond = one,
            _ => return None,
        }
    }
    match cond {
        Condition::Attribute { path, tests, .. } if path.len() == 1 => match tests.as_slice() {
            [Test::Equals(v)] if v.type_name() == "bool" && v.as_bool() == Some(true) => {
                Some(&path[0])
            }
            _ => None,
        },
        _ => None,
    }
}

/// The edit that makes the finding's rule hold, and what it does: `name = true` replacing a
/// literal `false` of the attribute, or added as the block's first line when it is absent.
fn safe_fix(idx: &LineIndex, text: &str, f: &Finding, rule: &Rule) -> Option<(TextEdit, String)> {
    let name = required_true(rule)?;
    if f.attribute.as_deref() != Some(name) {
        return None;
    }
    let (start, end) = (f.primary.start as usize, f.primary.end as usize);
    let spanned = text.get(start..end)?;
    if spanned.trim() == "false" {
        // The span is the value.
        return Some((
            TextEdit::new(idx.range(start, end), "true".into()),
            format!("set `{name} = true`"),
        ));
    }
    if let Some(after_name) = spanned.strip_prefix(name) {
        // The span is the whole attribute: its value must be the literal `false`, which
        // alone is replaced (the alignment of `=` is kept).
        let eq = after_name.find('=')?;
        if !after_name[..eq].trim().is_empty() || after_name[eq + 1..].trim() != "false" {
            return None;
        }
        let value_at = start + name.len() + eq + 1 + after_name[eq + 1..].find("false")?;
        return Some((
            TextEdit::new(idx.range(value_at, value_at + "false".len()), "true".into()),
            format!("set `{name} = true`"),
        ));
    }
    // Absent: the span is the block header, which must end its line with `{`.
    let line = idx.line_of(start);
    let header = idx.line_text(line);
    if !header.trim_start().starts_with("resource") || !header.trim_end().ends_with('{') {
        return None;
    }
    let indent: String = header.chars().take_while(|c| c.is_whitespace()).collect();
    let at = Position::new(line as u32 + 1, 0);
    Some((
        TextEdit::new(Range::new(at, at), format!("{indent}  {name} = true\n")),
        format!("add `{name} = true`"),
    ))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::rules::RuleSet;

    #[test]
    fn only_rules_asserting_one_attribute_true_get_a_fix() {
        let rules = RuleSet::builtin().unwrap();
        let fixable = |id: &str| required_true(rules.get(id).unwrap());
        assert_eq!(fixable("aws-redshift-encryption"), Some("encrypted"));
        // Asks for a value that is not `true`: no automatic fix.
        assert_eq!(fixable("aws-redshift-publicly-accessible"), None);
        let count = rules
            .rules()
            .iter()
            .filter(|r| required_true(r).is_some())
            .count();
        assert!(count > 10, "{count} rules with an exact fix");
    }
}
