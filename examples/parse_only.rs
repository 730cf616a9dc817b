//! Discovers, reads and parses the files below the given paths without evaluating or
//! checking anything, and prints how long that took: the parse-only baseline that the
//! end-to-end scan is compared with in `docs/performance.md`. Each syntax tree is dropped once
//! built, as the scan drops a root module's trees once it is checked; the allocator is the
//! binary's.
//!
//! ```text
//! cargo run --release --example parse_only -- /tmp/corpus-10k
//! ```

use onus::discover::{self, DiscoverOptions};
use onus::load::{self, Read};
use onus::source::FileId;
use rayon::prelude::*;
use std::path::PathBuf;
use std::time::Instant;

#[cfg(feature = "mimalloc")]
#[global_allocator]
static ALLOCATOR: mimalloc::MiMalloc = mimalloc::MiMalloc;

fn main() {
    let paths: Vec<PathBuf> = std::env::args().skip(1).map(PathBuf::from).collect();
    let paths = if paths.is_empty() {
        vec![PathBuf::from(".")]
    } else {
        paths
    };
    let started = Instant::now();
    let (files, _) = discover::discover(&paths, &DiscoverOptions::default());
    let discovered = started.elapsed();
    let (sources, reads) = load::read_all(&files);
    let failed: usize = reads
        .into_par_iter()
        .enumerate()
        .map(|(i, read)| match read {
            Read::Text(kind) => {
                let id = FileId::from_index(i);
                let text = sources.get(id).map(|s| s.text.as_str()).unwrap_or("");
                usize::from(matches!(
                    load::parse(id, kind, text),
                    load::Parsed::Failed(_)
                ))
            }
            Read::Skipped => 0,
            Read::Failed(_) => 1,
        })
        .sum();
    let total = started.elapsed();
    let bytes: u64 = sources.files().map(|(_, f)| f.text.len() as u64).sum();
    let secs = total.as_secs_f64().max(1e-9);
    println!(
        "parse-only: {} files, {:.1} MiB, discover {:.3}s, total {:.3}s, {:.0} files/s, {:.1} MiB/s, {} not parsed",
        files.len(),
        bytes as f64 / (1024.0 * 1024.0),
        discovered.as_secs_f64(),
        secs,
        files.len() as f64 / secs,
        bytes as f64 / (1024.0 * 1024.0) / secs,
        failed
    );
    // Like the CLI, skip freeing everything just before exiting, so the two compare alike.
    std::mem::forget(sources);
}
