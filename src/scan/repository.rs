//! The repository root of a scan and paths relative to it: what identifies a file in
//! fingerprints, baselines and SARIF, so they do not depend on the directory onus runs in or on
//! how a path was spelt (`./a`, `a/`, an absolute path, `..`).
//!
//! Paths are made absolute and normalised lexically (against the current directory), not
//! resolved through the file system: a file and the root are both reached the way the scan
//! reached them, so a symbolic link on the way changes neither's relation to the other.

use crate::source::normalize;
use std::path::{Component, Path, PathBuf};

/// Whether `dir` is a repository root: it holds `.git` (a directory, or the file of a git
/// worktree) or `.onus.hcl`.
pub fn is_repository_root(dir: &Path) -> bool {
    dir.join(".git").exists() || dir.join(".onus.hcl").is_file()
}

/// `path` made absolute against `cwd` and normalised (`.` and `..` removed lexically).
pub fn absolute(path: &Path, cwd: &Path) -> PathBuf {
    normalize(&cwd.join(path))
}

/// The repository root of a scan path, absolute: the nearest directory at or above it (its own
/// directory, for a file) holding `.git` or `.onus.hcl`; else that directory itself.
pub fn repository_root(scan_path: &Path, cwd: &Path) -> PathBuf {
    let abs = absolute(scan_path, cwd);
    let dir = if abs.is_dir() {
        abs
    } else {
        abs.parent().map(Path::to_path_buf).unwrap_or(abs)
    };
    dir.ancestors()
        .find(|a| is_repository_root(a))
        .unwrap_or(&dir)
        .to_path_buf()
}

/// `path` relative to `root` (both as [`absolute`] makes them), `/` separated; `None` when it
/// is not below `root`.
pub fn relative_to(root: &Path, path: &Path, cwd: &Path) -> Option<String> {
    let rel = absolute(path, cwd).strip_prefix(root).ok()?.to_path_buf();
    let parts: Vec<String> = rel
        .components()
        .map(|c| match c {
            Component::Normal(s) => Some(s.to_string_lossy().into_owned()),
            _ => None,
        })
        .collect::<Option<_>>()?;
    if parts.is_empty() {
        None
    } else {
        Some(parts.join("/"))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_spelling_gives_the_same_relative_path() {
        let root = Path::new("/repo");
        let cwd = Path::new("/repo/terraform");
        for p in [
            "main.tf",
            "./main.tf",
            "../terraform/main.tf",
            "/repo/terraform/main.tf",
            "/repo/./terraform/x/../main.tf",
        ] {
            assert_eq!(
                relative_to(root, Path::new(p), cwd).as_deref(),
                Some("terraform/main.tf"),
                "{p}"
            );
        }
        assert_eq!(relative_to(root, Path::new("../../x.tf"), cwd), None);
        assert_eq!(relative_to(root, Path::new("/repo"), cwd), None);
    }

    #[test]
    fn the_root_is_the_nearest_marked_directory() {
        let tmp = tempfile::tempdir().expect("temp dir");
        let repo = tmp.path().join("repo");
        let sub = repo.join("terraform/app");
        std::fs::create_dir_all(&sub).expect("dirs");
        std::fs::create_dir(repo.join(".git")).expect(".git");
        std::fs::write(sub.join("main.tf"), "").expect("file");
        assert_eq!(
            repository_root(Path::new("app"), &repo.join("terraform")),
            repo
        );
        assert_eq!(repository_root(&sub.join("main.tf"), tmp.path()), repo);
        assert_eq!(repository_root(Path::new("."), &repo), repo);
        // No marker above: the scan path itself.
        let lone = tmp.path().join("lone");
        std::fs::create_dir(&lone).expect("dir");
        assert_eq!(repository_root(Path::new("lone"), tmp.path()), lone);
        std::fs::write(lone.join(".onus.hcl"), "").expect("config");
        let inner = lone.join("inner");
        std::fs::create_dir(&inner).expect("dir");
        assert_eq!(repository_root(&inner, tmp.path()), lone);
    }
}
