//! The language server re-checking a root module after an edit: from the `didChange` of one
//! file of a 50-file root to the diagnostics published for it (no debounce), through an
//! in-memory connection.
//!
//! ```text
//! cargo bench --bench lsp
//! ONUS_BENCH_ROOT_FILES=200 cargo bench --bench lsp
//! ```

#[allow(dead_code)]
#[path = "lsp_support/mod.rs"]
mod lsp_support;

use divan::Bencher;
use lsp_support::{part, write_root, Editor};
use std::cell::Cell;

fn main() {
    divan::main();
}

#[divan::bench(sample_count = 30, sample_size = 1)]
fn recheck_after_edit(b: Bencher) {
    let files = std::env::var("ONUS_BENCH_ROOT_FILES")
        .ok()
        .and_then(|v| v.parse().ok())
        .unwrap_or(50);
    let dir = tempfile::tempdir().expect("temp dir");
    let root = dir.path().canonicalize().expect("canonical");
    let parts = write_root(&root, files);
    let edited = &parts[0];
    let editor = Editor::start(&root);
    editor.open(edited, 1, &part(0, false));
    editor.published(edited, 1);
    let version = Cell::new(1);
    b.bench_local(|| {
        let v = version.get() + 1;
        version.set(v);
        editor.change(edited, v, &part(0, v % 2 == 0));
        editor.published(edited, v)
    });
}
