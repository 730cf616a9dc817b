//! Find the files to scan: walk the given directories (skipping `.terraform/`, `.git/` and
//! excluded globs), take files given directly, and sort each by kind.
//!
//! `.gitignore` is deliberately not honoured: Terraform reads every `.tf` file in a module
//! directory whether git tracks it or not, so skipping ignored files could hide real config.

use crate::diag::Diagnostic;
use crate::source::{display_file_path, FileKind};
use globset::{Glob, GlobSet, GlobSetBuilder};
use std::ffi::OsStr;
use std::path::{Path, PathBuf};

#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord)]
pub struct Discovered {
    /// Path on disk, as reached from the root given.
    pub path: PathBuf,
    /// Path shown to users (`/`-separated, no leading `./`).
    pub display: String,
    pub kind: FileKind,
    /// Named on the command line rather than found by walking.
    pub explicit: bool,
}

#[derive(Debug, Default, Clone)]
pub struct DiscoverOptions {
    pub exclude: Vec<String>,
    pub follow_symlinks: bool,
}

/// Walks `roots` and returns the files found, sorted by path, and problems met.
pub fn discover(roots: &[PathBuf], opts: &DiscoverOptions) -> (Vec<Discovered>, Vec<Diagnostic>) {
    let mut diags = Vec::new();
    let excludes = build_globset(&opts.exclude, &mut diags);
    let mut out = Vec::new();
    for root in roots {
        let meta = match std::fs::metadata(root) {
            Ok(m) => m,
            Err(e) => {
                diags.push(
                    Diagnostic::error(
                        "unreadable",
                        format!("cannot read {}: {e}", display_file_path(root)),
                    )
                    .in_file(display_file_path(root)),
                );
                continue;
            }
        };
        if meta.is_file() {
            // A file named directly is scanned whatever its name, if it is Terraform at all.
            let kind = FileKind::of(root).unwrap_or(FileKind::Config);
            out.push(Discovered {
                path: root.clone(),
                display: display_file_path(root),
                kind,
                explicit: true,
            });
            continue;
        }
        let walker = walkdir::WalkDir::new(root)
            .follow_links(opts.follow_symlinks)
            .sort_by_file_name()
            .into_iter()
            .filter_entry(|e| {
                if e.depth() == 0 {
                    return true;
                }
                let name = e.file_name().to_string_lossy();
                // `.terraform/` holds provider plugins and downloaded modules: only the modules
                // are Terraform the scan needs (they are evaluated through their calls).
                let skipped_dir = e.file_type().is_dir()
                    && (name == ".git"
                        || (name == ".terraform" && !e.path().join("modules").is_dir())
                        || is_plugin_dir(e.path()));
                !skipped_dir && !is_excluded(&excludes, e.path(), root)
            });
        for entry in walker {
            match entry {
                Ok(e) => {
                    if !e.file_type().is_file() {
                        continue;
                    }
                    if let Some(kind) = FileKind::of(e.path()) {
                        out.push(Discovered {
                            path: e.path().to_path_buf(),
                            display: display_file_path(e.path()),
                            kind,
                            explicit: false,
                        });
                    }
                }
                Err(e) => {
                    let path = e.path().map(display_file_path).unwrap_or_default();
                    let msg = if e.loop_ancestor().is_some() {
                        format!("symbolic link loop at {path}: not followed")
                    } else {
                        format!("cannot read {path}: {e}")
                    };
                    diags.push(Diagnostic::warning("walk", msg).in_file(path));
                }
            }
        }
    }
    out.sort();
    out.dedup_by(|a, b| a.path == b.path);
    (out, diags)
}

/// Directories of `.terraform/` other than `modules/` (providers, plugins): never scanned.
fn is_plugin_dir(p: &Path) -> bool {
    p.parent().and_then(Path::file_name) == Some(OsStr::new(".terraform"))
        && p.file_name() != Some(OsStr::new("modules"))
}

fn build_globset(patterns: &[String], diags: &mut Vec<Diagnostic>) -> GlobSet {
    let mut b = GlobSetBuilder::new();
    for p in patterns {
        match Glob::new(p) {
            Ok(g) => {
                b.add(g);
                // `dir` also excludes everything below it.
                if let Ok(g) = Glob::new(&format!("{}/**", p.trim_end_matches('/'))) {
                    b.add(g);
                }
            }
            Err(e) => diags.push(Diagnostic::error(
                "config",
                format!("invalid --exclude pattern `{p}`: {e}"),
            )),
        }
    }
    b.build().unwrap_or_else(|_| GlobSet::empty())
}

fn is_excluded(set: &GlobSet, path: &Path, root: &Path) -> bool {
    if set.is_empty() {
        return false;
    }
    let rel = path.strip_prefix(root).unwrap_or(path);
    set.is_match(rel) || set.is_match(path) || set.is_match(display_file_path(path))
}
