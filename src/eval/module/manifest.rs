//! `.terraform/modules/modules.json`: where `terraform init` put each registry or remote
//! module, read once per root and bounded like every other input.

use crate::diag::Diagnostic;
use crate::source::Span;
use foldhash::{HashMap, HashMapExt};
use std::path::Path;

/// The module directories `terraform init` recorded for root `root`, by call path: empty
/// when there is no manifest. A manifest that cannot be used (too large, not a regular file,
/// not JSON) is reported at `at`, the first call that needed it.
pub(super) fn read_manifest(
    root: &Path,
    at: Span,
    report: &dyn Fn(Diagnostic),
) -> HashMap<String, String> {
    let path = root.join(".terraform/modules/modules.json");
    let mut dirs = HashMap::new();
    if !path.exists() {
        return dirs;
    }
    let shown = crate::source::display_file_path(&path);
    let text =
        match crate::load::regular_file::read_regular_text(&path, crate::load::MAX_FILE_BYTES) {
            Ok(t) => t,
            Err(e) => {
                report(
                    Diagnostic::warning(
                        "module-manifest",
                        format!("{shown} was not read: {e}; downloaded modules are not evaluated"),
                    )
                    .at(at),
                );
                return dirs;
            }
        };
    let entries = serde_json::from_str::<serde_json::Value>(&text)
        .ok()
        .and_then(|doc| doc.get("Modules")?.as_array().cloned());
    let Some(entries) = entries else {
        report(
            Diagnostic::warning(
                "module-manifest",
                format!("{shown} is not a module manifest; downloaded modules are not evaluated"),
            )
            .at(at),
        );
        return dirs;
    };
    for m in entries {
        if let (Some(k), Some(d)) = (
            m.get("Key").and_then(|k| k.as_str()),
            m.get("Dir").and_then(|d| d.as_str()),
        ) {
            dirs.entry(k.to_string()).or_insert_with(|| d.to_string());
        }
    }
    dirs
}
