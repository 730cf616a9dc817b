//! Baselines: a file recording the findings a project has accepted for now, by fingerprint (rule,
//! file, address, attribute path; never line numbers), so a scan reports only what is new.
//!
//! Files are named by their path relative to the repository root (the nearest directory above
//! the scan path holding `.git` or `.onus.hcl`), as fingerprints are: a baseline written at the
//! root matches a scan run from any directory, however its paths are spelt. Baselines written
//! before that (paths relative to the directory onus ran in) still match when they were written
//! from the repository root; otherwise their entries do not resolve, and the scan says they
//! need rewriting.

use crate::finding::Finding;
use serde::{Deserialize, Serialize};
use std::collections::BTreeSet;
use std::path::Path;

/// Version of the baseline file format.
pub const VERSION: u32 = 1;

#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord, Serialize, Deserialize)]
pub struct Entry {
    pub file: String,
    pub address: String,
    pub rule: String,
    #[serde(default)]
    pub attribute: Option<String>,
    pub fingerprint: String,
}

#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Baseline {
    pub version: u32,
    pub findings: Vec<Entry>,
}

impl Baseline {
    /// A baseline of `findings` that no ignore comment or baseline already accepts, sorted.
    pub fn from_findings<'a>(
        findings: impl IntoIterator<Item = &'a Finding>,
        file_of: impl Fn(&Finding) -> String,
    ) -> Baseline {
        let set: BTreeSet<Entry> = findings
            .into_iter()
            .filter(|f| f.suppression.is_none())
            .map(|f| Entry {
                file: file_of(f),
                address: f.address.clone(),
                rule: f.rule_id.to_string(),
                attribute: f.attribute.clone(),
                fingerprint: f.fingerprint.clone(),
            })
            .collect();
        Baseline {
            version: VERSION,
            findings: set.into_iter().collect(),
        }
    }

    /// The file's text: pretty JSON with a final newline.
    pub fn to_json(&self) -> String {
        let mut s = serde_json::to_string_pretty(self).unwrap_or_default();
        s.push('\n');
        s
    }

    pub fn parse(text: &str, origin: &str) -> Result<Baseline, String> {
        let b: Baseline = serde_json::from_str(text).map_err(|e| {
            format!(
                "{origin}:{}:{}: not a baseline file: {e}",
                e.line(),
                e.column()
            )
        })?;
        if b.version != VERSION {
            return Err(format!(
                "{origin}: baseline version {} is not supported (this onus writes version {VERSION})",
                b.version
            ));
        }
        Ok(b)
    }

    pub fn read(path: &Path) -> Result<Baseline, String> {
        let origin = crate::source::display_file_path(path);
        let text = crate::load::regular_file::read_regular_text(path, crate::load::MAX_FILE_BYTES)
            .map_err(|e| format!("cannot read baseline {origin}: {e}"))?;
        Baseline::parse(&text, &origin)
    }

    pub fn write(&self, path: &Path) -> Result<(), String> {
        std::fs::write(path, self.to_json())
            .map_err(|e| format!("cannot write baseline {}: {e}", path.display()))
    }

    pub fn fingerprints(&self) -> BTreeSet<&str> {
        self.findings
            .iter()
            .map(|e| e.fingerprint.as_str())
            .collect()
    }
}

/// Whether a baseline entry's file names a file below `root`: a relative path without `..`
/// that exists there. Entries written by an older onus from another directory usually do not.
pub fn resolves_under(root: &Path, file: &str) -> bool {
    let path = Path::new(file);
    path.is_relative()
        && path
            .components()
            .all(|c| matches!(c, std::path::Component::Normal(_)))
        && root.join(path).exists()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn entries_resolve_only_as_paths_below_the_root() {
        let tmp = tempfile::tempdir().expect("temp dir");
        std::fs::create_dir(tmp.path().join("tf")).expect("dir");
        std::fs::write(tmp.path().join("tf/main.tf"), "").expect("file");
        assert!(resolves_under(tmp.path(), "tf/main.tf"));
        assert!(!resolves_under(tmp.path(), "main.tf"));
        assert!(!resolves_under(tmp.path(), "tf/../tf/main.tf"));
        let abs = tmp.path().join("tf/main.tf");
        assert!(!resolves_under(tmp.path(), &abs.to_string_lossy()));
    }

    #[test]
    fn rejects_other_versions_and_garbage() {
        assert!(
            Baseline::parse("{\"version\": 2, \"findings\": []}", "b.json")
                .is_err_and(|e| e.contains("version 2"))
        );
        assert!(Baseline::parse("[1,", "b.json").is_err_and(|e| e.starts_with("b.json:1:")));
        let b = Baseline::parse("{\"version\": 1, \"findings\": []}", "b.json");
        assert_eq!(b.map(|b| b.findings.len()), Ok(0));
    }
}
