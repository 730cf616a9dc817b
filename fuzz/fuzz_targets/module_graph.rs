//! The whole pipeline on a small repository of modules and templates: the input is split at
//! NUL bytes into the texts of a root module, two child modules (which call each other), a
//! template, a variables file and a JSON file read with `file()`. Each module text follows a
//! fixed header that makes the calls, so module graphs (fan-out, cycles, counts), `path.*`,
//! `templatefile` and file reads are reached from the first run. Any input must finish with
//! findings and diagnostics, never a panic.
#![no_main]

use libfuzzer_sys::fuzz_target;
use onus::report::{self, Format, RenderOptions};
use onus::scan::ScanOptions;
use std::path::PathBuf;
use std::sync::OnceLock;

/// Each file with the fixed text put before its part of the input.
const FILES: [(&str, &str); 6] = [
    ("main.tf", "module \"a\" {\n  source = \"./modules/a\"\n}\n"),
    (
        "modules/a/main.tf",
        "module \"b\" {\n  source = \"../b\"\n}\nlocals {\n  t = templatefile(\"${path.module}/../../t.tpl\", { x = 1 })\n  p = file(\"${path.module}/p.json\")\n}\n",
    ),
    ("modules/b/main.tf", "module \"a\" {\n  source = \"../a\"\n}\n"),
    ("t.tpl", ""),
    ("terraform.tfvars", ""),
    ("modules/a/p.json", ""),
];

fn dir() -> Option<&'static PathBuf> {
    static DIR: OnceLock<Option<(tempfile::TempDir, PathBuf)>> = OnceLock::new();
    DIR.get_or_init(|| {
        let d = tempfile::tempdir().ok()?;
        let p = d.path().to_path_buf();
        std::fs::create_dir_all(p.join("modules/a")).ok()?;
        std::fs::create_dir_all(p.join("modules/b")).ok()?;
        Some((d, p))
    })
    .as_ref()
    .map(|(_, p)| p)
}

fuzz_target!(|data: &[u8]| {
    let Some(dir) = dir() else { return };
    let mut parts = data.split(|b| *b == 0);
    for (name, header) in FILES {
        let mut text = header.as_bytes().to_vec();
        text.extend_from_slice(parts.next().unwrap_or_default());
        if std::fs::write(dir.join(name), text).is_err() {
            return;
        }
    }
    let opts = ScanOptions {
        paths: vec![dir.clone()],
        ..ScanOptions::default()
    };
    if let Ok(result) = onus::scan::scan(&opts) {
        let _ = report::render(Format::Json, &result, &RenderOptions::default());
    }
});
