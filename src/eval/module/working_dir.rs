//! Paths as Terraform sets them for a root module: the sandbox `file()` may read below, and
//! `path.module` / `path.root` / `path.cwd` relative to where Terraform would run.

use crate::source::normalize;
use std::path::{Component, Path, PathBuf};

/// The sandbox of the scan path a root module lies in: the deepest of `roots` (canonical) that
/// holds the module's directory. None (no file access) when none does.
pub(super) fn sandbox_for(dir: &Path, roots: &[PathBuf]) -> Option<PathBuf> {
    let dir = if dir.as_os_str().is_empty() {
        Path::new(".")
    } else {
        dir
    };
    let real = dir.canonicalize().ok()?;
    roots
        .iter()
        .filter(|r| real.starts_with(r))
        .max_by_key(|r| r.components().count())
        .cloned()
}

/// `target` relative to `base`, both as the scan names them, with `/` separators: what
/// Terraform gives as `path.module` when it runs in `base`. `.` when they are the same.
pub(super) fn relative_path(base: &Path, target: &Path) -> String {
    let absolute = |p: &Path| {
        let p = if p.as_os_str().is_empty() {
            Path::new(".")
        } else {
            p
        };
        normalize(&std::path::absolute(p).unwrap_or_else(|_| p.to_path_buf()))
    };
    let (base, target) = (absolute(base), absolute(target));
    let b: Vec<Component> = base.components().collect();
    let t: Vec<Component> = target.components().collect();
    let common = b.iter().zip(&t).take_while(|(x, y)| x == y).count();
    let mut parts: Vec<String> = vec!["..".to_string(); b.len() - common];
    parts.extend(
        t[common..]
            .iter()
            .map(|c| c.as_os_str().to_string_lossy().into_owned()),
    );
    if parts.is_empty() {
        ".".to_string()
    } else {
        parts.join("/")
    }
}

/// `path.cwd`: the absolute path of the directory Terraform would run in, `/`-separated.
pub(super) fn absolute_display(dir: &Path) -> String {
    let dir = if dir.as_os_str().is_empty() {
        Path::new(".")
    } else {
        dir
    };
    let abs = dir
        .canonicalize()
        .or_else(|_| std::path::absolute(dir))
        .unwrap_or_else(|_| dir.to_path_buf());
    abs.to_string_lossy().replace('\\', "/")
}
