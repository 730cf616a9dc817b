//! Writes a synthetic Terraform corpus for benchmarks and tests:
//!
//! ```text
//! cargo run --release --example gen_corpus -- --files 10000 --out /tmp/corpus-10k [--seed 7]
//! ```
//!
//! Output is a deterministic function of `--files`, `--seed` and `--file-kb`.

#[path = "../benches/corpus/mod.rs"]
mod corpus;

use std::path::PathBuf;
use std::process::ExitCode;

fn usage() -> ExitCode {
    eprintln!("usage: gen_corpus --files N --out DIR [--seed S] [--file-kb K]");
    ExitCode::from(2)
}

fn main() -> ExitCode {
    let mut files = None;
    let mut out = None;
    let mut seed = 1u64;
    let mut file_kb = 10usize;
    let mut args = std::env::args().skip(1);
    while let Some(a) = args.next() {
        let value = args.next();
        match (a.as_str(), value) {
            ("--files", Some(v)) => files = v.parse::<usize>().ok(),
            ("--out", Some(v)) => out = Some(PathBuf::from(v)),
            ("--seed", Some(v)) => match v.parse() {
                Ok(s) => seed = s,
                Err(_) => return usage(),
            },
            ("--file-kb", Some(v)) => match v.parse() {
                Ok(k) => file_kb = k,
                Err(_) => return usage(),
            },
            _ => return usage(),
        }
    }
    let (Some(files), Some(out)) = (files, out) else {
        return usage();
    };
    let mut spec = corpus::Spec::new(files, seed);
    spec.file_bytes = file_kb.max(1) * 1024;
    let started = std::time::Instant::now();
    match corpus::generate(&out, &spec) {
        Ok(s) => {
            println!(
                "wrote {} files ({:.1} MiB, {} root modules, {} shared modules, {} resources) to {} in {:.2?}",
                s.files,
                s.bytes as f64 / (1024.0 * 1024.0),
                s.roots,
                s.modules,
                s.resources,
                out.display(),
                started.elapsed()
            );
            ExitCode::SUCCESS
        }
        Err(e) => {
            eprintln!("gen_corpus: {}: {e}", out.display());
            ExitCode::FAILURE
        }
    }
}
