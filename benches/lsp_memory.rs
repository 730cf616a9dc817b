//! Memory of the language server over many edits: resident set size after a warm-up and
//! after 10,000 edits of one file of a 50-file root, each re-checked and published. Not a
//! timed test: it prints the figures (`cargo bench --bench lsp_memory`; ONUS_BENCH_EDITS
//! changes the count).

#[allow(dead_code)]
#[path = "lsp_support/mod.rs"]
mod lsp_support;

use lsp_support::{part, rss_kib, write_root, Editor};

fn main() {
    // `cargo bench` passes `--bench`; a filter argument that names nothing here skips it.
    if std::env::args()
        .skip(1)
        .any(|a| !a.starts_with('-') && !"lsp_memory".contains(a.as_str()))
    {
        return;
    }
    let edits: i32 = std::env::var("ONUS_BENCH_EDITS")
        .ok()
        .and_then(|v| v.parse().ok())
        .unwrap_or(10_000);
    let dir = tempfile::tempdir().expect("temp dir");
    let root = dir.path().canonicalize().expect("canonical");
    let parts = write_root(&root, 50);
    let edited = &parts[0];
    let editor = Editor::start(&root);
    editor.open(edited, 1, &part(0, false));
    editor.published(edited, 1);
    let warm_up = 200.min(edits);
    let mut version = 1;
    let mut edit = |n: i32| {
        for _ in 0..n {
            version += 1;
            editor.change(edited, version, &part(0, version % 2 == 0));
            editor.published(edited, version);
        }
    };
    edit(warm_up);
    let before = rss_kib();
    let started = std::time::Instant::now();
    edit(edits - warm_up);
    let after = rss_kib();
    println!(
        "lsp_memory: {edits} edits; RSS after {warm_up}: {before} KiB, after {edits}: {after} KiB ({:+} KiB); {:.2} ms per edit",
        after as i64 - before as i64,
        started.elapsed().as_secs_f64() * 1000.0 / f64::from((edits - warm_up).max(1)),
    );
}
