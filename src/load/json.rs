use crate::diag::Diagnostic;
use crate::load::ast::Body;
use crate::source::{FileId, Span};
use crate::value::Value;
use std::sync::Arc;
pub fn parse_tf_json(_file: FileId, _text: &str) -> (Body, Vec<Diagnostic>) {
    (Body::default(), vec![])
}
pub fn parse_vars_json(
    _file: FileId,
    _text: &str,
) -> (Vec<(Arc<str>, Value, Span)>, Vec<Diagnostic>) {
    (vec![], vec![])
}
