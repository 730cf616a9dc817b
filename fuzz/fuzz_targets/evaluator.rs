//! The whole pipeline on one `main.tf`: parse, evaluate (within the default limits), check
//! and render. Any input must finish with findings and diagnostics, never a panic.
#![no_main]

use libfuzzer_sys::fuzz_target;
use onus::report::{self, Format, RenderOptions};
use onus::scan::ScanOptions;
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
    if std::fs::write(dir.join("main.tf"), data).is_err() {
        return;
    }
    let opts = ScanOptions {
        paths: vec![dir.clone()],
        ..ScanOptions::default()
    };
    if let Ok(result) = onus::scan::scan(&opts) {
        let _ = report::render(Format::Json, &result, &RenderOptions::default());
    }
});
