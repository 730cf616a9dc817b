//! What every condition of one check run can look up: the instances of the scan and the
//! reference indexes built over them once (`linked`, `target`). Its own module so the driver
//! that builds it and the interpreter that reads it need not import each other.

use super::links::LinkIndex;
use crate::model::Instance;
use foldhash::HashMap;
use std::sync::Arc;

/// The instances being checked and their reference indexes.
pub(super) struct Ctx<'a> {
    pub(super) instances: &'a [Instance],
    pub(super) links: HashMap<(Arc<str>, Arc<str>), LinkIndex>,
    /// Managed instances by (root, address) and (root, address without key), for `target`.
    pub(super) by_address: HashMap<(Arc<str>, &'a str), Vec<usize>>,
    /// Managed instances by (root, resource type), for `target` with `match`.
    pub(super) by_type: HashMap<(Arc<str>, &'a str), Vec<usize>>,
}
