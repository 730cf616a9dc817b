//! Discovers and loads (parses) the files below the given paths without evaluating or
//! checking anything, and prints how long that took: the parse-only baseline that the
//! end-to-end scan is compared with in `docs/performance.md`.
//!
//! ```text
//! cargo run --release --example parse_only -- /tmp/corpus-10k
//! ```

use onus::discover::{self, DiscoverOptions};
use std::path::PathBuf;
use std::time::Instant;

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
    let loaded = onus::load::load(&files);
    let total = started.elapsed();
    let bytes: u64 = loaded
        .sources
        .files()
        .map(|(_, f)| f.text.len() as u64)
        .sum();
    let secs = total.as_secs_f64().max(1e-9);
    println!(
        "parse-only: {} files, {:.1} MiB, discover {:.3}s, total {:.3}s, {:.0} files/s, {:.1} MiB/s, {} diagnostics",
        files.len(),
        bytes as f64 / (1024.0 * 1024.0),
        discovered.as_secs_f64(),
        secs,
        files.len() as f64 / secs,
        bytes as f64 / (1024.0 * 1024.0) / secs,
        loaded.diagnostics.len()
    );
    // Like the CLI, skip freeing everything just before exiting, so the two compare alike.
    std::mem::forget(loaded);
}
