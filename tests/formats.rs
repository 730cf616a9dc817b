//! Every output format on one small fixture (`tests/data/formats/`, a few insecure resources,
//! one undecided check and a module), scanned with the test's own rules
//! (`tests/data/format-rules/`) so the snapshots change only when a format does.
//!
//! Also: SARIF validates against the vendored OASIS schema (for the fixture and for the whole
//! built-in rule set), every format is byte-identical across runs and thread counts, and the
//! CLI writes `--output` files identical to what `--format` prints.

use assert_cmd::Command;
use onus::finding::{Suppression, SuppressionKind};
use onus::report::{self, markdown, sarif, Format, RenderOptions};
use onus::rules::RuleSet;
use onus::scan::{scan_with_rules, ScanOptions, ScanResult};
use serde_json::Value;
use std::path::{Path, PathBuf};

const FIXTURE: &str = "tests/data/formats";
const RULES: &str = "tests/data/format-rules";

const ALL: [Format; 8] = [
    Format::Human,
    Format::Compact,
    Format::Json,
    Format::Sarif,
    Format::Junit,
    Format::Github,
    Format::Markdown,
    Format::Checkstyle,
];

fn fixture_rules() -> RuleSet {
    let mut rules = RuleSet::default();
    rules
        .load_dir(Path::new(RULES))
        .expect("fixture rules load");
    rules
}

fn fixture_scan() -> ScanResult {
    let opts = ScanOptions {
        paths: vec![PathBuf::from(FIXTURE)],
        ..ScanOptions::default()
    };
    scan_with_rules(&opts, fixture_rules()).expect("fixture scans")
}

fn builtin_scan() -> ScanResult {
    let opts = ScanOptions {
        paths: vec![PathBuf::from(FIXTURE)],
        ..ScanOptions::default()
    };
    scan_with_rules(&opts, RuleSet::builtin().expect("built-in rules")).expect("fixture scans")
}

/// Renders like the CLI.
fn render(format: Format, result: &ScanResult, opts: &RenderOptions) -> String {
    report::render(format, result, opts)
}

/// The service catalogue is being filled in elsewhere; snapshots must not depend on it.
fn redact_service(s: &str) -> String {
    let json =
        regex::Regex::new(r#""(service|service_model|serviceModel)": "[^"]*""#).expect("regex");
    let human = regex::Regex::new(r"help: .*? · .*? · yours").expect("regex");
    let compact = regex::Regex::new(r"\[[^\[\]·]+ · [^\[\]·]+ · ([a-z-]+)\]$").expect("regex");
    let s = json.replace_all(s, r#""$1": "[service]""#);
    let s = human.replace_all(&s, "help: [service] · [model] · yours");
    s.lines()
        .map(|l| {
            compact
                .replace(l, "[[service] · [model] · $1]")
                .into_owned()
                + "\n"
        })
        .collect()
}

fn snapshot_name(f: Format) -> String {
    format!("fixture_{}", f.name())
}

#[test]
fn every_format_matches_its_snapshot() {
    let result = fixture_scan();
    assert_eq!(
        result.findings.len(),
        4,
        "fixture findings: {:#?}",
        result.findings
    );
    let opts = RenderOptions::default();
    for f in ALL {
        insta::assert_snapshot!(snapshot_name(f), redact_service(&render(f, &result, &opts)));
    }
}

#[test]
fn markdown_links_locations_when_given_a_base() {
    let result = fixture_scan();
    let opts = RenderOptions {
        link_base: Some("https://github.com/o/r/blob/abc/".into()),
        ..RenderOptions::default()
    };
    let md = markdown::render(&result, &opts);
    assert!(
        md.contains("[tests/data/formats/main.tf:17](https://github.com/o/r/blob/abc/tests/data/formats/main.tf#L17)"),
        "{md}"
    );
}

#[test]
fn output_is_identical_across_runs() {
    let a = fixture_scan();
    let b = fixture_scan();
    let c = builtin_scan();
    let d = builtin_scan();
    let opts = RenderOptions::default();
    for f in ALL {
        assert_eq!(render(f, &a, &opts), render(f, &b, &opts), "{}", f.name());
        assert_eq!(render(f, &c, &opts), render(f, &d, &opts), "{}", f.name());
    }
}

fn sarif_validator() -> jsonschema::Validator {
    let text = std::fs::read_to_string("tests/data/sarif-schema-2.1.0.json")
        .expect("vendored SARIF schema");
    let schema: Value = serde_json::from_str(&text).expect("schema is JSON");
    jsonschema::validator_for(&schema).expect("schema compiles")
}

fn assert_valid_sarif(doc: &Value) {
    let validator = sarif_validator();
    let errors: Vec<String> = validator
        .iter_errors(doc)
        .map(|e| format!("{} at {}", e, e.instance_path()))
        .collect();
    assert!(
        errors.is_empty(),
        "SARIF is invalid:\n{}",
        errors.join("\n")
    );
}

fn sarif_of(result: &ScanResult) -> Value {
    serde_json::from_str(&sarif::render(result)).expect("SARIF is JSON")
}

#[test]
fn sarif_validates_against_the_schema() {
    let mut result = fixture_scan();
    // Suppressions come from ignore comments and the baseline; mark two findings as if.
    result.findings[0].suppression = Some(Suppression {
        kind: SuppressionKind::InSource,
        justification: "admin network, reviewed".into(),
        span: Some(result.findings[0].primary),
    });
    result.findings[1].suppression = Some(Suppression {
        kind: SuppressionKind::External,
        justification: String::new(),
        span: None,
    });
    assert_valid_sarif(&sarif_of(&result));
    assert_valid_sarif(&sarif_of(&builtin_scan()));
}

#[test]
fn the_schema_check_catches_invalid_sarif() {
    let mut doc = sarif_of(&fixture_scan());
    doc["runs"][0]["results"][0]["level"] = Value::String("fatal".into());
    assert!(!sarif_validator().is_valid(&doc));
}

#[test]
fn sarif_carries_what_code_scanning_needs() {
    let mut result = fixture_scan();
    result.findings[0].suppression = Some(Suppression {
        kind: SuppressionKind::InSource,
        justification: "admin network, reviewed".into(),
        span: None,
    });
    let doc = sarif_of(&result);
    let run = &doc["runs"][0];
    let rules = run["tool"]["driver"]["rules"].as_array().expect("rules");
    assert_eq!(rules.len(), 5, "every rule of the scan is listed");
    let results = run["results"].as_array().expect("results");
    assert_eq!(results.len(), 4, "suppressed findings are included, marked");
    for r in results {
        let idx = r["ruleIndex"].as_u64().expect("ruleIndex") as usize;
        assert_eq!(rules[idx]["id"], r["ruleId"]);
        let loc = &r["locations"][0]["physicalLocation"];
        assert_eq!(loc["artifactLocation"]["uriBaseId"], "%SRCROOT%");
        assert!(loc["artifactLocation"]["uri"]
            .as_str()
            .is_some_and(|u| u.starts_with("tests/data/formats/")));
        assert!(r["partialFingerprints"]["onus/v1"].is_string());
    }
    let suppressed: Vec<&Value> = results
        .iter()
        .filter(|r| r.get("suppressions").is_some())
        .collect();
    assert_eq!(suppressed.len(), 1);
    assert_eq!(suppressed[0]["suppressions"][0]["kind"], "inSource");
    assert_eq!(
        suppressed[0]["suppressions"][0]["justification"],
        "admin network, reviewed"
    );
    let critical = rules
        .iter()
        .find(|r| r["id"] == "aws-fixture-open-ingress")
        .expect("rule");
    assert_eq!(critical["name"], "AwsFixtureOpenIngress");
    assert_eq!(critical["properties"]["security-severity"], "9.5");
    assert_eq!(critical["defaultConfiguration"]["level"], "error");
    // `%SRCROOT%` is described, never given this machine's path.
    let root = &run["originalUriBaseIds"]["%SRCROOT%"];
    assert!(root.get("uri").is_none(), "{root}");
    assert!(root["description"]["text"]
        .as_str()
        .is_some_and(|t| t.contains("repository root")));
    assert_eq!(run["invocations"][0]["executionSuccessful"], true);
}

#[test]
fn markdown_is_capped_with_a_note() {
    let result = builtin_scan();
    let opts = RenderOptions::default();
    let full = markdown::render(&result, &opts);
    let rows = full
        .lines()
        .filter(|l| {
            l.starts_with("| 🟠")
                || l.starts_with("| 🔴")
                || l.starts_with("| 🟡")
                || l.starts_with("| 🔵")
        })
        .count();
    assert!(rows > 4);
    let cap = full.chars().count() - 200;
    let short = markdown::render_capped(&result, &opts, cap);
    assert!(short.chars().count() <= cap, "{}", short.chars().count());
    assert!(short.contains("more finding"), "{short}");
    assert!(!full.contains("not shown"));
}

#[test]
fn junit_counts_add_up() {
    let xml = report::render(Format::Junit, &fixture_scan(), &RenderOptions::default());
    assert!(
        xml.contains(r#"<testsuites name="onus" tests="6" failures="4" errors="0" skipped="1">"#),
        "{xml}"
    );
    assert_eq!(xml.matches("<testcase ").count(), 6);
    assert_eq!(xml.matches("<failure ").count(), 4);
    assert_eq!(xml.matches("<skipped ").count(), 1);
}

fn onus() -> Command {
    Command::cargo_bin("onus").expect("binary")
}

fn cli_output(args: &[&str], threads: Option<&str>) -> Vec<u8> {
    let mut cmd = onus();
    cmd.args(args);
    match threads {
        Some(n) => cmd.env("RAYON_NUM_THREADS", n),
        None => cmd.env_remove("RAYON_NUM_THREADS"),
    };
    cmd.env_remove("GITHUB_SHA");
    let out = cmd.output().expect("onus runs");
    assert!(
        matches!(out.status.code(), Some(0 | 1)),
        "onus {args:?} failed: {:?}\n{}",
        out.status,
        String::from_utf8_lossy(&out.stderr)
    );
    out.stdout
}

#[test]
fn cli_output_is_identical_across_thread_counts() {
    for f in ALL {
        let args = ["scan", FIXTURE, "--format", f.name(), "--no-color"];
        let one = cli_output(&args, Some("1"));
        let many = cli_output(&args, None);
        let again = cli_output(&args, Some("4"));
        assert!(!one.is_empty(), "{}", f.name());
        assert_eq!(
            one,
            many,
            "{} differs between 1 thread and the default",
            f.name()
        );
        assert_eq!(one, again, "{} differs between 1 and 4 threads", f.name());
    }
}

#[test]
fn cli_writes_output_files_besides_stdout() {
    let dir = tempfile::tempdir().expect("temp dir");
    let sarif_path = dir.path().join("out.sarif");
    let junit_path = dir.path().join("junit.xml");
    let out = onus()
        .args(["scan", FIXTURE, "--format", "json"])
        .arg("--output")
        .arg(format!("sarif={}", sarif_path.display()))
        .arg("--output")
        .arg(format!("junit={}", junit_path.display()))
        .output()
        .expect("onus runs");
    assert_eq!(out.status.code(), Some(1), "findings fail the run");
    let stdout: Value = serde_json::from_slice(&out.stdout).expect("stdout is the JSON report");
    assert_eq!(stdout["schema_version"], 1);
    let sarif_file = std::fs::read(&sarif_path).expect("SARIF written");
    assert_eq!(
        sarif_file,
        cli_output(&["scan", FIXTURE, "-f", "sarif"], None)
    );
    let junit_file = std::fs::read(&junit_path).expect("JUnit written");
    assert_eq!(
        junit_file,
        cli_output(&["scan", FIXTURE, "-f", "junit"], None)
    );
}

#[test]
fn cli_rejects_a_bad_output_argument() {
    for bad in ["sarif", "xml=out.xml", "sarif="] {
        onus()
            .args(["scan", FIXTURE, "--output", bad])
            .assert()
            .code(2);
    }
    let dir = tempfile::tempdir().expect("temp dir");
    onus()
        .args(["scan", FIXTURE, "--output"])
        .arg(format!(
            "sarif={}",
            dir.path().join("missing/dir/x.sarif").display()
        ))
        .assert()
        .code(2);
}

#[test]
fn module_of_files_scans_the_directories_of_the_files() {
    let by_dir = cli_output(&["scan", FIXTURE, "-f", "compact"], None);
    let by_files = cli_output(
        &[
            "scan",
            "--module-of-files",
            "-f",
            "compact",
            "tests/data/formats/modules/queue/main.tf",
            "tests/data/formats/main.tf",
        ],
        None,
    );
    assert_eq!(
        String::from_utf8_lossy(&by_files),
        String::from_utf8_lossy(&by_dir)
    );
    // A called module named alone is scanned as a root of its own.
    let module = cli_output(
        &[
            "scan",
            "--module-of-files",
            "-f",
            "compact",
            "tests/data/formats/modules/queue/main.tf",
        ],
        None,
    );
    let text = String::from_utf8_lossy(&module);
    assert!(text.contains("aws_sqs_queue.this"), "{text}");
    assert!(!text.contains("module.jobs"), "{text}");
}

/// A fixture copy with a file that does not parse: the scan is incomplete, and every machine
/// format says so.
fn broken_scan() -> (tempfile::TempDir, ScanResult) {
    let dir = tempfile::tempdir().expect("temp dir");
    std::fs::write(
        dir.path().join("main.tf"),
        "resource \"aws_ebs_volume\" \"data\" {\n  size = 10\n}\n",
    )
    .expect("main.tf");
    std::fs::write(
        dir.path().join("broken.tf"),
        "resource \"aws_ebs_volume\" {\n  size = \n",
    )
    .expect("broken.tf");
    let opts = ScanOptions {
        paths: vec![dir.path().to_path_buf()],
        ..ScanOptions::default()
    };
    let result = scan_with_rules(&opts, fixture_rules()).expect("scan");
    assert!(result.has_errors(), "the broken file is an error");
    (dir, result)
}

#[test]
fn unreadable_input_appears_in_every_machine_format() {
    let (_dir, result) = broken_scan();
    let opts = RenderOptions::default();
    let junit = report::render(Format::Junit, &result, &opts);
    assert!(
        junit.contains(r#"errors="1""#) && junit.contains("<error "),
        "{junit}"
    );
    let checkstyle = report::render(Format::Checkstyle, &result, &opts);
    assert!(checkstyle.contains("onus.diagnostic."), "{checkstyle}");
    let github = report::render(Format::Github, &result, &opts);
    assert!(
        github
            .lines()
            .any(|l| l.starts_with("::error file=") && l.contains("broken.tf")),
        "{github}"
    );
    let markdown = report::render(Format::Markdown, &result, &opts);
    assert!(markdown.contains("the scan is incomplete"), "{markdown}");
    let doc = sarif_of(&result);
    let invocation = &doc["runs"][0]["invocations"][0];
    assert_eq!(invocation["executionSuccessful"], false, "{invocation}");
    let notes = &invocation["toolExecutionNotifications"];
    assert_eq!(notes[0]["level"], "error", "{notes}");
    assert_eq!(notes[0]["descriptor"]["id"], "parse-error", "{notes}");
    assert_eq!(
        notes[0]["locations"][0]["physicalLocation"]["artifactLocation"]["uri"], "broken.tf",
        "{notes}"
    );
    assert_valid_sarif(&doc);
}

/// Copies the directory `from` into `to`, recursively.
fn copy_dir(from: &Path, to: &Path) {
    std::fs::create_dir_all(to).expect("create dir");
    for entry in std::fs::read_dir(from).expect("read dir") {
        let entry = entry.expect("entry");
        let target = to.join(entry.file_name());
        if entry.file_type().expect("file type").is_dir() {
            copy_dir(&entry.path(), &target);
        } else {
            std::fs::copy(entry.path(), &target).expect("copy file");
        }
    }
}

/// `onus scan ARGS -f sarif` run in `cwd`, as JSON.
fn sarif_in(cwd: &Path, args: &[&str]) -> (Value, String) {
    let out = onus()
        .current_dir(cwd)
        .args(["scan", "--format", "sarif"])
        .args(args)
        .env_remove("GITHUB_SHA")
        .output()
        .expect("onus runs");
    assert_eq!(
        out.status.code(),
        Some(1),
        "onus {args:?} in {}: {}",
        cwd.display(),
        String::from_utf8_lossy(&out.stderr)
    );
    let text = String::from_utf8(out.stdout).expect("UTF-8");
    (serde_json::from_str(&text).expect("SARIF is JSON"), text)
}

/// Every location of a log's results (primary, related, code flows and suppressions), as
/// written.
fn result_locations(doc: &Value) -> String {
    let results = doc["runs"][0]["results"].as_array().expect("results");
    let keep = ["locations", "relatedLocations", "codeFlows", "suppressions"];
    let located: Vec<Value> = results
        .iter()
        .map(|r| {
            keep.iter()
                .filter_map(|k| Some((k.to_string(), r.get(*k)?.clone())))
                .collect::<serde_json::Map<_, _>>()
                .into()
        })
        .collect();
    serde_json::to_string_pretty(&located).expect("JSON")
}

/// A repository (`.git` at its root) holding the exposure-path fixture, with a module, under
/// `infra/app`, and one in-source ignore so suppressions carry a location too.
fn repository_with_a_path() -> tempfile::TempDir {
    let tmp = tempfile::tempdir().expect("temp dir");
    let repo = tmp.path().join("repo");
    copy_dir(
        Path::new("fixtures/paths/ec2-admin-role"),
        &repo.join("infra/app"),
    );
    let module = repo.join("infra/app/modules/network/main.tf");
    let text = std::fs::read_to_string(&module).expect("module source");
    let ignored = text.replacen(
        "resource \"aws_vpc\"",
        "# onus:ignore:aws-vpc-flow-logs flow logs are collected centrally\nresource \"aws_vpc\"",
        1,
    );
    assert_ne!(ignored, text, "the fixture has a VPC");
    std::fs::write(&module, ignored).expect("module source");
    std::fs::create_dir_all(repo.join(".git")).expect(".git");
    std::fs::create_dir_all(repo.join("docs")).expect("docs");
    tmp
}

#[test]
fn sarif_uris_are_relative_to_the_repository_root_whatever_the_cwd_and_spelling() {
    let tmp = repository_with_a_path();
    let repo = tmp.path().join("repo");
    let app = repo.join("infra/app");
    let absolute = app.to_str().expect("UTF-8 path");
    let runs = [
        (repo.clone(), "./infra/app/".to_string()),
        (repo.join("infra"), "app".to_string()),
        (app.clone(), ".".to_string()),
        (repo.join("docs"), "../infra/app".to_string()),
        (tmp.path().to_path_buf(), absolute.to_string()),
    ];
    let (first, first_text) = sarif_in(&runs[0].0, &[&runs[0].1]);
    assert_valid_sarif(&first);
    let locations = result_locations(&first);
    assert!(
        locations.contains("\"uri\": \"infra/app/modules/network/main.tf\""),
        "{locations}"
    );
    assert!(
        locations.contains("codeFlows"),
        "an exposure path is in the log"
    );
    assert!(
        locations.contains("suppressions"),
        "an ignore comment is in the log"
    );
    for (cwd, path) in &runs[1..] {
        let (doc, text) = sarif_in(cwd, &[path]);
        assert_valid_sarif(&doc);
        assert_eq!(
            result_locations(&doc),
            locations,
            "onus scan {path} in {}",
            cwd.display()
        );
        // Nothing else in the log depends on where onus ran either.
        assert_eq!(text, first_text, "onus scan {path} in {}", cwd.display());
    }
    let tmp_text = tmp.path().to_string_lossy().into_owned();
    assert!(
        !first_text.contains(&tmp_text),
        "the log names a local path"
    );
    assert!(!first_text.contains("file://"), "the log has a file URI");
    assert!(!first_text.contains("\"../"), "a URI escapes the root");
}

#[test]
fn sarif_names_a_file_outside_the_repository_by_its_absolute_uri() {
    let tmp = repository_with_a_path();
    let repo = tmp.path().join("repo");
    let elsewhere = tmp.path().join("elsewhere");
    std::fs::create_dir_all(&elsewhere).expect("dir");
    std::fs::write(
        elsewhere.join("sg.tf"),
        "resource \"aws_security_group\" \"ssh\" {\n  ingress {\n    from_port   = 22\n    \
         to_port     = 22\n    protocol    = \"tcp\"\n    cidr_blocks = [\"0.0.0.0/0\"]\n  \
         }\n}\n",
    )
    .expect("sg.tf");
    // The repository root comes from the first path; the second lies outside it.
    let (doc, _) = sarif_in(&repo, &["infra/app", "../elsewhere"]);
    assert_valid_sarif(&doc);
    let uris: Vec<&str> = doc["runs"][0]["results"]
        .as_array()
        .expect("results")
        .iter()
        .filter_map(|r| r["locations"][0]["physicalLocation"]["artifactLocation"]["uri"].as_str())
        .collect();
    let outside: Vec<&&str> = uris.iter().filter(|u| u.ends_with("sg.tf")).collect();
    assert!(!outside.is_empty(), "{uris:?}");
    let canonical = elsewhere.canonicalize().expect("canonical");
    for u in outside {
        assert!(u.starts_with("file:///"), "{u}");
        assert!(
            u.ends_with("/elsewhere/sg.tf") && !u.contains(".."),
            "{u} ({})",
            canonical.display()
        );
    }
    assert!(uris.iter().any(|u| u.starts_with("infra/app/")), "{uris:?}");
}

/// XML reports parse with a real XML parser (Python's), when one is at hand.
#[test]
fn xml_reports_are_well_formed() {
    let python = std::process::Command::new("python3")
        .args(["-c", "import xml.etree.ElementTree"])
        .output();
    if !python.is_ok_and(|o| o.status.success()) {
        println!("skipped: python3 with xml.etree is not available");
        return;
    }
    let mut result = fixture_scan();
    result.findings[0].suppression = Some(Suppression {
        kind: SuppressionKind::External,
        justification: "a <reason> & \"quotes\"\nover two lines".into(),
        span: None,
    });
    let (_dir, broken) = broken_scan();
    let dir = tempfile::tempdir().expect("temp dir");
    let opts = RenderOptions {
        show_suppressed: true,
        ..RenderOptions::default()
    };
    for (name, r) in [("fixture", &result), ("broken", &broken)] {
        for f in [Format::Junit, Format::Checkstyle] {
            let path = dir.path().join(format!("{name}-{}.xml", f.name()));
            std::fs::write(&path, report::render(f, r, &opts)).expect("write");
            let out = std::process::Command::new("python3")
                .args([
                    "-c",
                    "import sys, xml.etree.ElementTree as E; E.parse(sys.argv[1])",
                ])
                .arg(&path)
                .output()
                .expect("python3 runs");
            assert!(
                out.status.success(),
                "{} is not well-formed XML: {}",
                path.display(),
                String::from_utf8_lossy(&out.stderr)
            );
        }
    }
}

/// A log keeps at most 5,000 results, as GitHub code scanning stores: the most severe
/// unsuppressed ones, in report order, and a notification counts the rest by severity.
#[test]
fn sarif_keeps_the_most_severe_results_github_stores() {
    let dir = tempfile::tempdir().expect("temp dir");
    let mut tf = String::new();
    for i in 0..4_990 {
        tf.push_str(&format!(
            "resource \"aws_ebs_volume\" \"v{i}\" {{\n  size = 1\n}}\n"
        ));
    }
    for i in 0..20 {
        tf.push_str(&format!(
            "resource \"aws_ecr_repository\" \"r{i}\" {{\n  name = \"r{i}\"\n}}\n"
        ));
    }
    for i in 0..5 {
        if i == 0 {
            tf.push_str("# onus:ignore:aws-fixture-open-ingress bastion, reviewed\n");
        }
        tf.push_str(&format!(
            "resource \"aws_security_group\" \"g{i}\" {{\n  ingress {{\n    from_port   = 22\n    \
             to_port     = 22\n    protocol    = \"tcp\"\n    cidr_blocks = [\"0.0.0.0/0\"]\n  \
             }}\n}}\n"
        ));
    }
    std::fs::write(dir.path().join("main.tf"), tf).expect("main.tf");
    let opts = ScanOptions {
        paths: vec![dir.path().to_path_buf()],
        ..ScanOptions::default()
    };
    let result = scan_with_rules(&opts, fixture_rules()).expect("scan");
    let count = |pred: &dyn Fn(&onus::finding::Finding) -> bool| {
        result.findings.iter().filter(|f| pred(f)).count()
    };
    use onus::taxonomy::Severity;
    let total = result.findings.len();
    let suppressed = count(&|f| f.suppression.is_some());
    let critical = count(&|f| f.severity == Severity::Critical && f.suppression.is_none());
    let high = count(&|f| f.severity == Severity::High && f.suppression.is_none());
    let medium = count(&|f| f.severity == Severity::Medium && f.suppression.is_none());
    let low = count(&|f| f.severity == Severity::Low && f.suppression.is_none());
    assert_eq!((suppressed, critical, high), (1, 4, 4_990));
    assert!(
        medium >= 20 && low >= 1 && total > sarif::MAX_RESULTS,
        "{total}"
    );

    let doc = sarif_of(&result);
    assert_valid_sarif(&doc);
    let run = &doc["runs"][0];
    let results = run["results"].as_array().expect("results");
    assert_eq!(results.len(), sarif::MAX_RESULTS);
    let level_count = |rule: &str| results.iter().filter(|r| r["ruleId"] == rule).count();
    assert_eq!(
        level_count("aws-fixture-open-ingress"),
        critical,
        "no suppressed one"
    );
    assert_eq!(level_count("aws-fixture-ebs-encrypted"), high);
    assert_eq!(level_count("aws-fixture-ecr-scan"), 0, "low ones go first");
    assert!(results.iter().all(|r| r.get("suppressions").is_none()));
    // Report order is kept among the results written.
    let lines: Vec<u64> = results
        .iter()
        .filter_map(|r| r["locations"][0]["physicalLocation"]["region"]["startLine"].as_u64())
        .collect();
    assert!(lines.windows(2).all(|w| w[0] <= w[1]), "report order");

    let note = run["invocations"][0]["toolExecutionNotifications"]
        .as_array()
        .expect("notifications")
        .iter()
        .find(|n| n["descriptor"]["id"] == "result-limit")
        .expect("a notification says results were left out");
    assert_eq!(note["level"], "warning");
    let left = total - sarif::MAX_RESULTS;
    assert_eq!(note["properties"]["leftOut"], left);
    let text = note["message"]["text"].as_str().expect("text");
    let medium_left = medium - (sarif::MAX_RESULTS - critical - high);
    assert!(
        text.starts_with(&format!(
            "{left} of {total} results are left out (1 critical, {medium_left} medium, {low} low)"
        )),
        "{text}"
    );
    assert!(text.contains("keeps the 5000 most severe"), "{text}");

    // Under the limit, nothing is left out and nothing is said.
    let small = sarif_of(&fixture_scan());
    let notes = small["runs"][0]["invocations"][0]["toolExecutionNotifications"]
        .as_array()
        .expect("notifications");
    assert!(notes
        .iter()
        .all(|n| n["descriptor"]["id"] != "result-limit"));
}

/// A plan's findings name the plan as their locations name files: from the repository root.
#[test]
fn sarif_names_the_plan_from_the_repository_root() {
    let tmp = tempfile::tempdir().expect("temp dir");
    let repo = tmp.path().join("repo");
    copy_dir(Path::new("fixtures/plan/with-source"), &repo.join("tf"));
    std::fs::create_dir_all(repo.join(".git")).expect(".git");
    let (from_root, root_text) = sarif_in(&repo, &["tf/plan.json"]);
    let (_, inner_text) = sarif_in(&repo.join("tf"), &["plan.json"]);
    assert_eq!(inner_text, root_text);
    let plans: Vec<&str> = from_root["runs"][0]["results"]
        .as_array()
        .expect("results")
        .iter()
        .filter_map(|r| r["properties"]["planFile"].as_str())
        .collect();
    assert!(!plans.is_empty());
    assert!(plans.iter().all(|p| *p == "tf/plan.json"), "{plans:?}");
}
