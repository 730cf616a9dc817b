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
        // The name's bytes, not its text: on Unix a name need not be UTF-8, and Terraform
        // reads `\xff.tf` like any other `.tf` file.
        let name = path.file_name()?.as_encoded_bytes();
        // `.tofu` and `.tofu.json` are OpenTofu's own names for configuration files.
        if name.ends_with(b".tf.json") || name.ends_with(b".tofu.json") {
            Some(FileKind::ConfigJson)
        } else if name.ends_with(b".tfvars.json") {
            Some(FileKind::VarsJson)
        } else if name.ends_with(b".tf") || name.ends_with(b".tofu") {
            Some(FileKind::Config)
        } else if name.ends_with(b".tfvars") {
            Some(FileKind::Vars)
        } else if name.ends_with(b".json") {
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

/// The form of a file path shown to users: `/` separators, no leading `./`, and each byte
/// that is not part of valid UTF-8 (Unix names are bytes) shown as `\xNN`, so the path shown
/// names the file on disk, never a lossy replacement that does not exist.
pub fn display_file_path(p: &Path) -> String {
    let mut s = String::with_capacity(p.as_os_str().len());
    for chunk in p.as_os_str().as_encoded_bytes().utf8_chunks() {
        s.push_str(&chunk.valid().replace('\\', "/"));
        for b in chunk.invalid() {
            s.push_str(&format!("\\x{b:02x}"));
        }
    }
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

    #[cfg(unix)]
    #[test]
    fn names_that_are_not_utf8_are_kinds_and_shown_escaped() {
        use std::ffi::OsStr;
        use std::os::unix::ffi::OsStrExt;
        let p = Path::new(OsStr::from_bytes(b"./d\xff\xfer/ma\xe9in.tf"));
        assert_eq!(FileKind::of(p), Some(FileKind::Config));
        assert_eq!(display_file_path(p), "d\\xff\\xfer/ma\\xe9in.tf");
        assert_eq!(display_file_path(Path::new("caf\u{e9}.tf")), "caf\u{e9}.tf");
    }

    #[test]
    fn in_dot_terraform_looks_at_every_component() {
        assert!(in_dot_terraform(Path::new(
            "a/.terraform/modules/m/main.tf"
        )));
        assert!(!in_dot_terraform(Path::new("a/terraform/main.tf")));
    }
}
