//! Which files of a module directory Terraform reads, and in what order: override files merged
//! last, OpenTofu's `.tofu` files replacing their `.tf` namesakes, auto-loaded variables files.

use std::collections::HashSet;
use std::path::Path;

/// A configuration file's name split into its stem and extension (`.tf`, `.tf.json`, `.tofu`,
/// `.tofu.json`); `None` for other files.
fn config_name(path: &Path) -> Option<(&str, &'static str)> {
    let name = path.file_name()?.to_str()?;
    [".tofu.json", ".tf.json", ".tofu", ".tf"]
        .into_iter()
        .find_map(|ext| name.strip_suffix(ext).map(|stem| (stem, ext)))
}

/// Whether Terraform (and OpenTofu) read `path` as an override file: `override.tf`,
/// `*_override.tf`, and the same with `.tf.json`, `.tofu` or `.tofu.json`.
pub fn is_override_file(path: &Path) -> bool {
    config_name(path).is_some_and(|(stem, _)| stem == "override" || stem.ends_with("_override"))
}

/// Of a module directory's files, those OpenTofu does not read because a file of the same
/// name with its own extension replaces them: `x.tofu` replaces `x.tf`, `x.tofu.json`
/// replaces `x.tf.json` (override files included).
pub fn replaced_by_tofu<'p>(paths: &[&'p Path]) -> HashSet<&'p Path> {
    let tofu: HashSet<(&Path, &str, &str)> = paths
        .iter()
        .filter_map(|p| {
            let (stem, ext) = config_name(p)?;
            let json = if ext == ".tofu.json" {
                ".tf.json"
            } else if ext == ".tofu" {
                ".tf"
            } else {
                return None;
            };
            Some((p.parent().unwrap_or(Path::new("")), stem, json))
        })
        .collect();
    paths
        .iter()
        .copied()
        .filter(|p| {
            config_name(p).is_some_and(|(stem, ext)| {
                tofu.contains(&(p.parent().unwrap_or(Path::new("")), stem, ext))
            })
        })
        .collect()
}

/// Whether Terraform loads this variables file automatically.
pub fn is_auto_loaded(path: &Path) -> bool {
    let Some(name) = path.file_name().and_then(|n| n.to_str()) else {
        return false;
    };
    name == "terraform.tfvars"
        || name == "terraform.tfvars.json"
        || name.ends_with(".auto.tfvars")
        || name.ends_with(".auto.tfvars.json")
}

/// Order in which Terraform applies auto-loaded files: `terraform.tfvars`,
/// `terraform.tfvars.json`, then `*.auto.tfvars*` by name.
pub fn auto_load_rank(path: &Path) -> (u8, String) {
    let name = path
        .file_name()
        .and_then(|n| n.to_str())
        .unwrap_or_default()
        .to_string();
    match name.as_str() {
        "terraform.tfvars" => (0, name),
        "terraform.tfvars.json" => (1, name),
        _ => (2, name),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn override_and_tofu_file_names() {
        for name in [
            "override.tf",
            "a_override.tf",
            "override.tf.json",
            "b_override.tofu",
        ] {
            assert!(is_override_file(Path::new(name)), "{name}");
        }
        for name in ["overrides.tf", "override.tfvars", "main.tf", "aoverride.tf"] {
            assert!(!is_override_file(Path::new(name)), "{name}");
        }
        let paths: Vec<&Path> = [
            "m/main.tf",
            "m/main.tofu",
            "m/x.tf.json",
            "m/x.tofu.json",
            "m/y.tf",
            "m/y.tofu.json",
            "n/main.tf",
            "m/a_override.tf",
            "m/a_override.tofu",
        ]
        .iter()
        .map(Path::new)
        .collect();
        let mut replaced: Vec<&Path> = replaced_by_tofu(&paths).into_iter().collect();
        replaced.sort();
        assert_eq!(
            replaced,
            vec![
                Path::new("m/a_override.tf"),
                Path::new("m/main.tf"),
                Path::new("m/x.tf.json")
            ]
        );
    }

    #[test]
    fn auto_load_order() {
        let mut names = vec![
            "b.auto.tfvars",
            "terraform.tfvars.json",
            "a.auto.tfvars",
            "terraform.tfvars",
        ];
        names.sort_by_key(|n| auto_load_rank(Path::new(n)));
        assert_eq!(
            names,
            [
                "terraform.tfvars",
                "terraform.tfvars.json",
                "a.auto.tfvars",
                "b.auto.tfvars"
            ]
        );
    }
}
