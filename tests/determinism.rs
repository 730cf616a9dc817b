//! Same input, same bytes: the compact and JSON reports of a generated ~200-file corpus are
//! identical with one rayon thread and with the default pool, and across repeated runs.

#[path = "../benches/corpus/mod.rs"]
mod corpus;

use assert_cmd::Command;
use std::path::Path;
use std::time::Duration;

fn run(dir: &Path, format: &str, threads: Option<&str>) -> Vec<u8> {
    let mut cmd = Command::cargo_bin("onus").expect("onus binary");
    cmd.current_dir(dir)
        .args(["scan", "--format", format, "."])
        .timeout(Duration::from_secs(300));
    match threads {
        Some(n) => {
            cmd.env("RAYON_NUM_THREADS", n);
        }
        None => {
            cmd.env_remove("RAYON_NUM_THREADS");
        }
    }
    let out = cmd.output().expect("run onus");
    assert_eq!(
        out.status.code(),
        Some(1),
        "the corpus has findings: {}",
        String::from_utf8_lossy(&out.stderr)
    );
    out.stdout
}

#[test]
fn output_does_not_depend_on_thread_count() {
    let dir = tempfile::tempdir().expect("temp dir");
    let stats = corpus::generate(dir.path(), &corpus::Spec::new(200, 42)).expect("corpus");
    assert_eq!(stats.files, 200);
    for format in ["compact", "json"] {
        let one = run(dir.path(), format, Some("1"));
        let four = run(dir.path(), format, Some("4"));
        let default = run(dir.path(), format, None);
        let again = run(dir.path(), format, None);
        assert!(
            one.len() > 10_000,
            "{format}: expected a substantial report"
        );
        same(&one, &four, &format!("{format}: 1 thread vs 4 threads"));
        same(
            &one,
            &default,
            &format!("{format}: 1 thread vs default pool"),
        );
        same(&default, &again, &format!("{format}: two default runs"));
    }
}

fn same(a: &[u8], b: &[u8], what: &str) {
    if a == b {
        return;
    }
    let (a, b) = (String::from_utf8_lossy(a), String::from_utf8_lossy(b));
    let first = a
        .lines()
        .zip(b.lines())
        .position(|(x, y)| x != y)
        .unwrap_or(a.lines().count().min(b.lines().count()));
    panic!(
        "{what} differ at line {}:\n< {}\n> {}",
        first + 1,
        a.lines().nth(first).unwrap_or(""),
        b.lines().nth(first).unwrap_or("")
    );
}

#[test]
fn corpus_generation_is_deterministic() {
    let a = tempfile::tempdir().expect("temp dir");
    let b = tempfile::tempdir().expect("temp dir");
    corpus::generate(a.path(), &corpus::Spec::new(60, 7)).expect("corpus");
    corpus::generate(b.path(), &corpus::Spec::new(60, 7)).expect("corpus");
    let list = |root: &Path| {
        let mut files: Vec<_> = walk(root)
            .into_iter()
            .map(|p| {
                let rel = p.strip_prefix(root).expect("below root").to_path_buf();
                let bytes = std::fs::read(&p).expect("read");
                (rel, bytes)
            })
            .collect();
        files.sort();
        files
    };
    let (la, lb) = (list(a.path()), list(b.path()));
    assert_eq!(la.len(), 60);
    assert!(la == lb, "same seed, different corpus");
}

fn walk(dir: &Path) -> Vec<std::path::PathBuf> {
    let mut out = Vec::new();
    for e in std::fs::read_dir(dir).expect("read dir") {
        let p = e.expect("entry").path();
        if p.is_dir() {
            out.extend(walk(&p));
        } else {
            out.push(p);
        }
    }
    out
}
