//! Building a [`Finding`] from a failed condition: where it points, the related locations, the
//! spans an ignore comment may sit on, what must not be quoted, and its fingerprint.

use super::outcome::Blame;
use super::select::value_at;
use crate::finding::Finding;
use crate::model::Instance;
use crate::rules::Rule;
use crate::source::{FileId, SourceMap, Span};
use crate::taxonomy::ServiceModel;
use crate::value::Value;
use sha2::{Digest, Sha256};
use std::sync::Arc;

pub(super) fn make_finding(
    rule: &Rule,
    inst: &Instance,
    blame: Option<Blame>,
    sources: &SourceMap,
    service: Arc<str>,
    model: ServiceModel,
    anchor_files: &[FileId],
) -> Finding {
    let blame = blame.unwrap_or(Blame {
        path: None,
        label: rule.title.to_string(),
        value_span: None,
        inside: None,
    });
    // The attribute (or block header) the fault belongs to: what fingerprints, ignore comments
    // and masking go by, even when the finding points inside its value.
    let holder = match &blame.path {
        Some(p) => element_span(inst, p).unwrap_or_else(|| inst.span_of(p)),
        None => inst.header,
    };
    let primary = blame
        .inside
        .filter(|s| *s != Span::default() && blame.path.is_some())
        .unwrap_or(holder);
    let mut secondary = Vec::new();
    let within =
        |s: Span, outer: Span| s.file == outer.file && s.start >= outer.start && s.end <= outer.end;
    if primary != holder && !within(primary, holder) {
        // Written elsewhere (a local, a module argument): the attribute is where it is used.
        let name = blame.path.as_deref().map(display_attribute_path);
        secondary.push((
            holder,
            format!(
                "used in `{}` here",
                name.as_deref().unwrap_or("the attribute")
            ),
        ));
    }
    if let Some(vs) = blame.value_span {
        if !within(vs, primary) && !within(vs, holder) && vs != Span::default() {
            secondary.push((vs, "value set here".to_string()));
        }
    }
    for (addr, span) in inst.via.iter().rev() {
        secondary.push((*span, format!("instance {addr} created here")));
    }
    let attribute = blame.path.as_deref().map(display_attribute_path);
    // Text the report must not quote: the value of a rule that looks for secrets, and a value
    // that is sensitive (a sensitive variable, a plan's sensitive mask) where it is written and
    // where it was set.
    let sensitive = blame
        .path
        .as_deref()
        .and_then(|p| value_at(&inst.values, "", p))
        .is_some_and(Value::contains_sensitive);
    let mut masked = Vec::new();
    let mut primary_label = blame.label;
    if rule.secret_values || sensitive {
        // The value's own text where it is known; the blamed attribute only when the value has
        // no place of its own (an expression there, `var.x`, is not the secret).
        match blame.value_span.filter(|s| *s != Span::default()) {
            Some(vs) => masked.push(vs),
            None if blame.path.is_some() => masked.push(holder),
            None => {}
        }
    }
    if rule.secret_values {
        primary_label = match attribute.as_deref() {
            Some(a) => format!("`{a}` holds a value that looks like a secret (not shown)"),
            None => rule.title.to_string(),
        };
    }
    let file = sources
        .get(holder.file)
        .map(|f| f.repository_path())
        .unwrap_or("");
    let fingerprint = fingerprint(
        &rule.id,
        file,
        &inst.address,
        attribute.as_deref().unwrap_or(""),
    );
    let enclosing = match anchor_files {
        [] => Vec::new(),
        files => {
            let mut spans = enclosing_spans(inst, holder, attribute.as_deref());
            if primary != holder && !spans.contains(&holder) {
                spans.insert(0, holder);
            }
            spans.retain(|s| files.binary_search(&s.file).is_ok());
            spans.shrink_to_fit();
            spans
        }
    };
    Finding {
        rule_id: rule.id.clone(),
        severity: rule.severity,
        area: rule.area,
        message: rule.title.clone(),
        address: inst.address.clone(),
        resource_type: inst.resource_type.clone(),
        service,
        service_model: model,
        attribute,
        primary,
        primary_label,
        masked,
        secondary,
        via: inst.via.iter().map(|(a, _)| a.clone()).collect(),
        plan_file: inst.plan_file.as_deref().map(str::to_string),
        fingerprint,
        suppression: None,
        enclosing,
        path: None,
    }
}

/// The span of the value at `path` when it is an element written in place inside the attribute
/// that holds it (`"user:jane@gmail.com"` on its own line of `members = [...]`): the attribute
/// spans record attributes and blocks, not the elements of a list. Members of a map keep the
/// attribute's line.
pub(super) fn element_span(inst: &Instance, path: &str) -> Option<Span> {
    let (_, last) = path.rsplit_once('.')?;
    if last.parse::<usize>().is_err() || inst.attribute_spans.get(path).is_some() {
        return None;
    }
    let own = value_at(&inst.values, "", path)?.span?;
    let holder = inst.span_of(path);
    let inside = own.file == holder.file && own.start >= holder.start && own.end <= holder.end;
    (inside && own != holder).then_some(own)
}

/// Spans around a finding where an ignore comment may apply to it, innermost first: the
/// attributes and blocks holding the primary span, the blocks along the blamed attribute's
/// path (`ingress[0].cidr_blocks` → `ingress.0`, `ingress`), the block header and the module
/// calls that created the instance.
pub(super) fn enclosing_spans(
    inst: &Instance,
    primary: Span,
    attribute: Option<&str>,
) -> Vec<Span> {
    let mut out: Vec<Span> = inst
        .attribute_spans
        .values()
        .filter(|s| s.file == primary.file && s.start <= primary.start && primary.end <= s.end)
        .collect();
    // Innermost first.
    out.sort_by_key(|s| (s.end - s.start, s.start));
    if let Some(attr) = attribute {
        let dotted = attr.replace('[', ".").replace(']', "");
        let mut path = dotted.as_str();
        while let Some(i) = path.rfind('.') {
            path = &path[..i];
            if let Some(s) = inst.attribute_spans.get(path) {
                out.push(s);
            }
        }
    }
    out.push(inst.header);
    out.extend(inst.via.iter().rev().map(|(_, call)| *call));
    out.dedup();
    out
}

/// `ingress.0.cidr_blocks` → `ingress[0].cidr_blocks`.
pub fn display_attribute_path(p: &str) -> String {
    let mut out = String::with_capacity(p.len() + 4);
    for seg in p.split('.') {
        if seg.parse::<usize>().is_ok() {
            out.push('[');
            out.push_str(seg);
            out.push(']');
        } else {
            if !out.is_empty() {
                out.push('.');
            }
            out.push_str(seg);
        }
    }
    out
}

/// Stable identity of a finding: rule, file, address and attribute path, not line numbers.
pub fn fingerprint(rule: &str, file: &str, address: &str, attribute: &str) -> String {
    let mut h = Sha256::new();
    for part in [rule, file, address, attribute] {
        h.update(part.as_bytes());
        h.update([0u8]);
    }
    let digest = h.finalize();
    const HEX: &[u8; 16] = b"0123456789abcdef";
    let mut hex = String::with_capacity(32);
    for b in &digest[..16] {
        hex.push(char::from(HEX[usize::from(b >> 4)]));
        hex.push(char::from(HEX[usize::from(b & 0xf)]));
    }
    hex
}
