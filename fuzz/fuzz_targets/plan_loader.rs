//! Plan JSON through the loader (as a file on disk, the way the scan reads it) and the plan
//! reader.
#![no_main]

use libfuzzer_sys::fuzz_target;
use onus::discover::Discovered;
use onus::source::FileKind;
use onus::load::Content;
use std::path::PathBuf;
use std::sync::OnceLock;

fn dir() -> Option<&'static PathBuf> {
    static DIR: OnceLock<Option<(tempfile::TempDir, PathBuf)>> = OnceLock::new();
    DIR.get_or_init(|| {
        let d = tempfile::tempdir().ok()?;
        let p = d.path().to_path_buf();
        Some((d, p))
    })
    .as_ref()
    .map(|(_, p)| p)
}

fuzz_target!(|data: &[u8]| {
    let Some(dir) = dir() else { return };
    let path = dir.join("plan.json");
    if std::fs::write(&path, data).is_err() {
        return;
    }
    let files = [Discovered {
        display: "plan.json".into(),
        path,
        kind: FileKind::MaybePlan,
        explicit: true,
    }];
    let loaded = onus::load::load(&files);
    let plans: Vec<_> = loaded
        .files
        .iter()
        .filter_map(|f| match &f.content {
            Content::Plan(json) => Some((f.file, json.clone())),
            _ => None,
        })
        .collect();
    let _ = onus::plan::instances(&plans, &loaded.sources, &[], &[]);
});
