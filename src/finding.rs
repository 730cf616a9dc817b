//! A finding: one rule that evaluated to *false* on one resource instance, with everything a
//! report needs to show it (where, why, whose responsibility, how to fix) and a fingerprint
//! that survives unrelated edits.

use crate::source::Span;
use crate::taxonomy::{Area, ServiceModel, Severity};
use std::sync::Arc;

#[derive(Debug, Clone, PartialEq)]
pub struct Finding {
    pub rule_id: Arc<str>,
    pub severity: Severity,
    pub area: Area,
    /// One-line statement of what is wrong (the rule's title).
    pub message: Arc<str>,
    /// Terraform address of the instance, e.g. `module.net["a"].aws_security_group.this[0]`.
    pub address: String,
    pub resource_type: Arc<str>,
    /// Cloud service name ("Amazon S3") and its service model.
    pub service: Arc<str>,
    pub service_model: ServiceModel,
    /// The attribute path that made the rule fail (`acl`, `ingress[0].cidr_blocks`), if any.
    pub attribute: Option<String>,
    /// The offending attribute, or the block header when a required attribute is absent.
    pub primary: Span,
    /// Label shown under the primary span (the evaluated value, or "attribute not set").
    pub primary_label: String,
    /// Source text reports must not quote (a secret, a sensitive value and where it was set):
    /// excerpts show these spans masked.
    pub masked: Vec<Span>,
    /// Where the value was set (variable default, tfvars line, module argument), module calls.
    pub secondary: Vec<(Span, String)>,
    /// Module calls from the root to this instance, outermost first ("module.app at main.tf:3").
    pub via: Vec<String>,
    /// Plan file the finding was judged from, when it came from `terraform show -json`.
    pub plan_file: Option<String>,
    /// Hash of rule, file (its repository path), address and attribute path.
    pub fingerprint: String,
    /// Set when an ignore comment, the config or the baseline accepted this finding.
    pub suppression: Option<Suppression>,
    /// Where an ignore comment may sit to apply to this finding besides the primary span's
    /// line: the enclosing attributes and blocks, the block header, the module calls.
    pub enclosing: Vec<Span>,
    /// For an exposure-path finding: the hops from the entry to the target, in order.
    pub path: Option<Arc<ExposurePath>>,
}

/// An exposure path: how an outsider reaches a workload (entry), the identity it runs as
/// (pivot) and what that identity may reach (target), one located hop per resource.
#[derive(Debug, Clone, PartialEq)]
pub struct ExposurePath {
    pub hops: Vec<PathHop>,
}

#[derive(Debug, Clone, PartialEq)]
pub struct PathHop {
    pub stage: PathStage,
    pub address: String,
    pub resource_type: Arc<str>,
    pub service: Arc<str>,
    pub service_model: ServiceModel,
    /// The attribute that makes this hop, or the resource's block header.
    pub span: Span,
    /// What this hop contributes ("ingress from 0.0.0.0/0", "assumes role app").
    pub label: String,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum PathStage {
    /// How an outsider reaches the workload.
    Entry,
    /// The workload and the identity it runs as.
    Pivot,
    /// What the identity may reach.
    Target,
}

impl PathStage {
    pub fn as_str(self) -> &'static str {
        match self {
            PathStage::Entry => "entry",
            PathStage::Pivot => "pivot",
            PathStage::Target => "target",
        }
    }
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Suppression {
    pub kind: SuppressionKind,
    pub justification: String,
    /// Where the ignore comment is, for in-source suppressions.
    pub span: Option<Span>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum SuppressionKind {
    /// An ignore comment in the scanned source.
    InSource,
    /// The baseline file or the configuration.
    External,
}

impl SuppressionKind {
    /// The name reports use (SARIF's `kind` values).
    pub fn as_str(self) -> &'static str {
        match self {
            SuppressionKind::InSource => "inSource",
            SuppressionKind::External => "external",
        }
    }
}
