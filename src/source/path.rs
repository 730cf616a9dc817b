//! What a path on disk means to the scan: the kind of file its name says it is, the form it is
//! shown in, its lexical normal form, and whether it lies in Terraform's own `.terraform/` working
//! directory. Every stage
//! after discovery asks these questions, so they live with the source files rather than the walk.

use std::path::{Component, Path, PathBuf};

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum FileKind {
    /// `.tf`, or OpenTofu's `.tofu`
    Config,
    /// `.tf.json`, or OpenTofu's `.tofu.json`
    ConfigJson,
    /// `.tfvars`
    Vars,
    /// `.tfvars.json`
    VarsJson,
    /// Any other `.json`: a plan if its content says so, otherwise skipped.
    MaybePlan,
}

impl FileKind {
    pub fn of(path: &Path) -> Option<FileKind> {
        let name = path.file_name()?.to_str()?;
        // `.tofu` and `.tofu.json` are OpenTofu's own names for configuration files.
        if name.ends_with(".tf.json") || name.ends_with(".tofu.json") {
            Some(FileKind::ConfigJson)
        } else if name.ends_with(".tfvars.json") {
            Some(FileKind::VarsJson)
        } else if name.ends_with(".tf") || name.ends_with(".tofu") {
            Some(FileKind::Config)
        } else if name.ends_with(".tfvars") {
            Some(FileKind::Vars)
        } else if name.ends_with(".json") {
            Some(FileKind::MaybePlan)
        } else {
            None
        }
    }
}

/// Whether a path lies inside a `.terraform` directory.
pub fn in_dot_terraform(p: &Path) -> bool {
    p.components().any(|c| c.as_os_str() == ".terraform")
}

/// The form of a file path shown to users: `/` separators, no leading `./`.
pub fn display_file_path(p: &Path) -> String {
    let s = p.to_string_lossy().replace('\\', "/");
    let mut t = s.as_str();
    while let Some(rest) = t.strip_prefix("./") {
        t = rest;
    }
    if t.is_empty() {
        ".".to_string()
    } else {
        t.to_string()
    }
}

/// Lexical normalisation (`a/./b/../c` → `a/c`), so module sources and discovered paths
/// compare equal without touching the file system.
pub fn normalize(p: &Path) -> PathBuf {
    let mut out = PathBuf::new();
    for c in p.components() {
        match c {
            Component::CurDir => {}
            Component::ParentDir => match out.components().next_back() {
                Some(Component::Normal(_)) => {
                    out.pop();
                }
                // `/..` is `/`.
                Some(Component::RootDir | Component::Prefix(_)) => {}
                // Nothing left to go up from, or already going up: keep the `..`.
                _ => out.push(".."),
            },
            other => out.push(other.as_os_str()),
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn normalize_goes_up_to_the_empty_path_not_past_it() {
        let n = |s: &str| normalize(Path::new(s));
        assert_eq!(n("child/../"), PathBuf::from(""));
        assert_eq!(n("roots/r1/../../modules/m"), PathBuf::from("modules/m"));
        assert_eq!(n("./a/./b/../c"), PathBuf::from("a/c"));
        assert_eq!(n("a/../../b"), PathBuf::from("../b"));
        assert_eq!(n("../../x"), PathBuf::from("../../x"));
        assert_eq!(n("/a/../../b"), PathBuf::from("/b"));
    }

    #[test]
    fn kinds_by_name() {
        assert_eq!(FileKind::of(Path::new("a/main.tf")), Some(FileKind::Config));
        assert_eq!(
            FileKind::of(Path::new("a.tf.json")),
            Some(FileKind::ConfigJson)
        );
        assert_eq!(
            FileKind::of(Path::new("x.auto.tfvars")),
            Some(FileKind::Vars)
        );
        assert_eq!(
            FileKind::of(Path::new("x.tfvars.json")),
            Some(FileKind::VarsJson)
        );
        assert_eq!(
            FileKind::of(Path::new("plan.json")),
            Some(FileKind::MaybePlan)
        );
        assert_eq!(FileKind::of(Path::new("README.md")), None);
        assert_eq!(FileKind::of(Path::new("main.tofu")), Some(FileKind::Config));
        assert_eq!(
            FileKind::of(Path::new("main.tofu.json")),
            Some(FileKind::ConfigJson)
        );
    }

    #[test]
    fn display_strips_dot_slash() {
        assert_eq!(display_file_path(Path::new("./a/b.tf")), "a/b.tf");
    }

    #[test]
    fn in_dot_terraform_looks_at_every_component() {
        assert!(in_dot_terraform(Path::new(
            "a/.terraform/modules/m/main.tf"
        )));
        assert!(!in_dot_terraform(Path::new("a/terraform/main.tf")));
    }
}
