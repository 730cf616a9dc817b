//! The graph of local module calls between directories, and the root modules it implies:
//! directories nobody calls, plus one entry into each cycle of modules that only call each
//! other.

use super::ast::{Block, ExprKind};
use crate::source::{in_dot_terraform, normalize};
use std::collections::{BTreeMap, HashSet};
use std::path::{Path, PathBuf};

/// The root modules among module directories, given each directory with the local
/// directories it calls: directories nobody calls (downloaded modules under `.terraform`
/// excepted: they are evaluated only through the calls that name them), plus the first
/// directory of each cycle of modules that only call each other. Sorted.
pub fn root_directories(calls: &BTreeMap<PathBuf, Vec<PathBuf>>) -> Vec<PathBuf> {
    let called: HashSet<&PathBuf> = calls.values().flatten().collect();
    let mut roots: Vec<PathBuf> = calls
        .keys()
        .filter(|d| !called.contains(d) && !in_dot_terraform(d))
        .cloned()
        .collect();
    let extra: Vec<PathBuf> = unreached_cycle_roots(calls, &roots)
        .into_iter()
        .filter(|d| !in_dot_terraform(d))
        .collect();
    roots.extend(extra);
    roots.sort();
    roots
}

/// Directories no root reaches through local module calls: modules that only call each other
/// (`a` calls `b`, `b` calls `a`). Each such cycle is evaluated from its first directory, so
/// its resources are still checked and the cycle is reported instead of silently skipped.
/// `calls` holds every module directory with the local directories it calls.
fn unreached_cycle_roots(
    calls: &BTreeMap<PathBuf, Vec<PathBuf>>,
    roots: &[PathBuf],
) -> Vec<PathBuf> {
    fn visit(
        calls: &BTreeMap<PathBuf, Vec<PathBuf>>,
        start: &Path,
        reached: &mut HashSet<PathBuf>,
    ) {
        let mut stack = vec![start.to_path_buf()];
        while let Some(dir) = stack.pop() {
            let Some(callees) = calls.get(&dir) else {
                continue;
            };
            if !reached.insert(dir) {
                continue;
            }
            stack.extend(callees.iter().cloned());
        }
    }
    let mut reached = HashSet::new();
    for r in roots {
        visit(calls, r, &mut reached);
    }
    let mut extra = Vec::new();
    for dir in calls.keys() {
        if !reached.contains(dir) {
            extra.push(dir.clone());
            visit(calls, dir, &mut reached);
        }
    }
    extra
}

/// The directory a module call's `source` names, when it is a local path (`./x`, `../x`).
pub(crate) fn local_source(dir: &Path, call: &Block) -> Option<PathBuf> {
    let src = call.body.attribute("source")?;
    let ExprKind::String(s) = &src.expr.kind else {
        return None;
    };
    if s.starts_with("./") || s.starts_with("../") || &**s == "." || &**s == ".." {
        Some(normalize(&dir.join(&**s)))
    } else {
        None
    }
}
