//! The graph of local module calls between directories, and the root modules it implies:
//! directories nobody calls, plus one entry into each cycle of modules that only call each
//! other. Also the same graph predicted from the text before anything is parsed
//! ([`predicted_calls`]), which the module cache uses to know how long to keep trees.

use super::ast::{Block, ExprKind};
use crate::source::{in_dot_terraform, normalize};
use std::collections::{BTreeMap, HashMap, HashSet};
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
    is_local_source(s).then(|| normalize(&dir.join(&**s)))
}

/// Whether a module `source` is a local path, which Terraform reads in place rather than
/// installing: it starts with `./` or `../` (or is `.` or `..`).
fn is_local_source(s: &str) -> bool {
    s.starts_with("./") || s.starts_with("../") || s == "." || s == ".."
}

/// Adds the local module directories that `text`, a configuration file of `dir`, names as
/// a `source` (`source = "../x"`, or `"source": "./y"` in JSON syntax) to `out`, normalised.
/// Read off the text without parsing: a `source` on a line behind a comment is skipped, one
/// in a block comment or outside a `module` block is not. A wrong prediction costs a second
/// parse or a late evaluation, never a different result (see `module_cache`).
pub fn predicted_calls(dir: &Path, text: &str, out: &mut Vec<PathBuf>) {
    let bytes = text.as_bytes();
    for at in memchr::memmem::find_iter(bytes, b"source") {
        let before = &bytes[..at];
        if before
            .last()
            .is_some_and(|&b| b.is_ascii_alphanumeric() || b == b'_' || b == b'-')
        {
            continue;
        }
        let line = &before[before
            .iter()
            .rposition(|&b| b == b'\n')
            .map_or(0, |i| i + 1)..];
        if line.contains(&b'#') || line.windows(2).any(|w| w == b"//") {
            continue;
        }
        let mut rest = &bytes[at + "source".len()..];
        if let Some(r) = rest.strip_prefix(b"\"") {
            rest = r;
        }
        let rest = skip_blanks(rest);
        let Some(rest) = rest
            .strip_prefix(b"=")
            .or_else(|| rest.strip_prefix(b":"))
            .map(skip_blanks)
            .and_then(|r| r.strip_prefix(b"\""))
        else {
            continue;
        };
        let Some(end) = memchr::memchr2(b'"', b'\n', rest) else {
            continue;
        };
        let Ok(value) = std::str::from_utf8(&rest[..end]) else {
            continue;
        };
        if is_local_source(value) {
            out.push(normalize(&dir.join(value)));
        }
    }
}

fn skip_blanks(b: &[u8]) -> &[u8] {
    let n = b.iter().take_while(|&&c| c == b' ' || c == b'\t').count();
    &b[n..]
}

/// The directories `start` reaches through `calls`, itself excluded, sorted.
pub fn reachable(start: &Path, calls: &HashMap<PathBuf, Vec<PathBuf>>) -> Vec<PathBuf> {
    let mut seen: HashSet<&Path> = HashSet::new();
    let mut stack: Vec<&Path> = vec![start];
    while let Some(d) = stack.pop() {
        for c in calls.get(d).into_iter().flatten() {
            if c != start && seen.insert(c) {
                stack.push(c);
            }
        }
    }
    let mut out: Vec<PathBuf> = seen.into_iter().map(Path::to_path_buf).collect();
    out.sort();
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn predicted(text: &str) -> Vec<PathBuf> {
        let mut out = Vec::new();
        predicted_calls(Path::new("repo/examples/complete"), text, &mut out);
        out
    }

    #[test]
    fn local_sources_are_predicted_in_both_syntaxes() {
        let hcl = r#"
module "vpc" {
  source  = "../../"
  name    = "x"
}
module "endpoints" {
  source = "../../modules/vpc-endpoints"
}
module "remote" {
  source  = "terraform-aws-modules/vpc/aws"
  version = "~> 5.0"
}
"#;
        assert_eq!(
            predicted(hcl),
            vec![
                PathBuf::from("repo"),
                PathBuf::from("repo/modules/vpc-endpoints")
            ]
        );
        let json = r#"{"module": {"a": {"source": "./child"}}}"#;
        assert_eq!(
            predicted(json),
            vec![PathBuf::from("repo/examples/complete/child")]
        );
    }

    #[test]
    fn other_sources_are_not_calls() {
        let text = r#"
# source = "../commented"
module "a" {
  // source = "../also-commented"
  source = "git::https://example.com/m.git"
}
data "archive_file" "zip" {
  source_dir  = "../lambda"
  output_path = "x.zip"
}
locals {
  data_source = "../not-a-call"
}
"#;
        assert!(predicted(text).is_empty(), "{:?}", predicted(text));
    }

    #[test]
    fn reach_follows_calls_transitively_and_stops_at_cycles() {
        let calls: HashMap<PathBuf, Vec<PathBuf>> =
            [("r", vec!["a"]), ("a", vec!["b", "r"]), ("b", vec!["a"])]
                .into_iter()
                .map(|(d, c)| (PathBuf::from(d), c.into_iter().map(PathBuf::from).collect()))
                .collect();
        assert_eq!(
            reachable(Path::new("r"), &calls),
            vec![PathBuf::from("a"), PathBuf::from("b")]
        );
    }
}
