//! What evaluating a condition gives: the three-valued result and the blame (which attribute
//! made it false or unknown, why, and where its value was set).

use crate::source::Span;
use crate::value::{Tri, Value};

/// Why a condition failed: the attribute path (dotted, with list indexes) and a label.
#[derive(Debug, Clone)]
pub(super) struct Blame {
    pub(super) path: Option<String>,
    pub(super) label: String,
    /// Where the offending value was set, when that differs from the attribute.
    pub(super) value_span: Option<Span>,
    /// Where inside the attribute's value the fault is written (a policy statement's
    /// `Action`), when known: the finding points there, the attribute stays its anchor.
    pub(super) inside: Option<Span>,
}

pub(super) struct Outcome {
    pub(super) tri: Tri,
    pub(super) blame: Option<Blame>,
}

impl Outcome {
    pub(super) fn of(tri: Tri) -> Self {
        Outcome { tri, blame: None }
    }
    /// Undecided, and why: for an unknown outcome the blame says what could not be known
    /// (the attribute, the reason, and where the unknown value was set).
    pub(super) fn unknown(path: Option<String>, why: impl Into<String>, at: Option<Span>) -> Self {
        Outcome {
            tri: Tri::Unknown,
            blame: Some(Blame {
                path,
                label: why.into(),
                value_span: at,
                inside: None,
            }),
        }
    }
    /// Undecided because of `v`, an unknown value at `path`.
    pub(super) fn unknown_value(path: &str, v: &Value) -> Self {
        let why = v
            .as_unknown()
            .map(|u| u.why.to_string())
            .unwrap_or_else(|| "the value is known only after apply".to_string());
        Outcome::unknown(
            Some(path.to_string()).filter(|p| !p.is_empty()),
            why,
            v.span,
        )
    }
    pub(super) fn fail(blame: Blame) -> Self {
        Outcome {
            tri: Tri::False,
            blame: Some(blame),
        }
    }
}
