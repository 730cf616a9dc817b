//! Writes a synthetic `terraform show -json` plan for benchmarks:
//!
//! ```text
//! cargo run --release --example gen_plan -- --resources 50000 --out /tmp/plan-50k/plan.json [--seed 7]
//! ```
//!
//! Output is a deterministic function of `--resources` and `--seed`.

#[path = "../benches/plan_corpus/mod.rs"]
mod plan_corpus;

use std::path::PathBuf;
use std::process::ExitCode;

fn usage() -> ExitCode {
    eprintln!("usage: gen_plan --resources N --out FILE [--seed S]");
    ExitCode::from(2)
}

fn main() -> ExitCode {
    let mut resources = None;
    let mut out = None;
    let mut seed = 1u64;
    let mut args = std::env::args().skip(1);
    while let Some(a) = args.next() {
        let value = args.next();
        match (a.as_str(), value) {
            ("--resources", Some(v)) => resources = v.parse::<usize>().ok(),
            ("--out", Some(v)) => out = Some(PathBuf::from(v)),
            ("--seed", Some(v)) => match v.parse() {
                Ok(s) => seed = s,
                Err(_) => return usage(),
            },
            _ => return usage(),
        }
    }
    let (Some(resources), Some(out)) = (resources, out) else {
        return usage();
    };
    if let Some(dir) = out.parent().filter(|d| !d.as_os_str().is_empty()) {
        if let Err(e) = std::fs::create_dir_all(dir) {
            eprintln!("cannot create {}: {e}", dir.display());
            return ExitCode::FAILURE;
        }
    }
    let text = plan_corpus::plan(resources, seed);
    if let Err(e) = std::fs::write(&out, text) {
        eprintln!("cannot write {}: {e}", out.display());
        return ExitCode::FAILURE;
    }
    ExitCode::SUCCESS
}
