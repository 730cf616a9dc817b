//! Parse-only versus end-to-end on a generated corpus.
//!
//! ```text
//! cargo bench --bench scan                         # 200 files (quick)
//! ONUS_BENCH_FILES=2000 cargo bench --bench scan   # a bigger corpus
//! ```
//!
//! `parse_only` discovers and loads (reads and parses) the files; `end_to_end` runs the whole
//! scan and renders the JSON report. Both count bytes, so divan prints MB/s as well; files/s is the
//! corpus size over the median time.

#[path = "corpus/mod.rs"]
mod corpus;

use divan::counter::BytesCount;
use divan::Bencher;
use onus::discover::{self, DiscoverOptions};
use onus::report::{self, Format, RenderOptions};
use onus::scan::ScanOptions;
use std::path::PathBuf;
use std::sync::LazyLock;

struct Corpus {
    _dir: Option<tempfile::TempDir>,
    root: PathBuf,
    bytes: u64,
}

static CORPUS: LazyLock<Corpus> = LazyLock::new(|| {
    let files = std::env::var("ONUS_BENCH_FILES")
        .ok()
        .and_then(|v| v.parse().ok())
        .unwrap_or(200);
    let dir = tempfile::tempdir().expect("temp dir");
    let root = dir.path().to_path_buf();
    let stats = corpus::generate(&root, &corpus::Spec::new(files, 1)).expect("generate corpus");
    eprintln!(
        "corpus: {} files, {:.1} MiB in {}",
        stats.files,
        stats.bytes as f64 / (1024.0 * 1024.0),
        root.display()
    );
    Corpus {
        _dir: Some(dir),
        root,
        bytes: stats.bytes,
    }
});

fn main() {
    divan::main();
}

#[divan::bench(sample_count = 5, sample_size = 1)]
fn parse_only(b: Bencher) {
    let c = &*CORPUS;
    b.counter(BytesCount::new(c.bytes)).bench(|| {
        let (files, _) =
            discover::discover(std::slice::from_ref(&c.root), &DiscoverOptions::default());
        onus::load::load(&files)
    });
}

#[divan::bench(sample_count = 5, sample_size = 1)]
fn end_to_end(b: Bencher) {
    let c = &*CORPUS;
    let opts = ScanOptions {
        paths: vec![c.root.clone()],
        ..ScanOptions::default()
    };
    b.counter(BytesCount::new(c.bytes)).bench(|| {
        let result = onus::scan::scan(&opts).expect("scan");
        report::render(Format::Json, &result, &RenderOptions::default())
    });
}
