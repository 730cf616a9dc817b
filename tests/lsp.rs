//! `onus lsp` driven over stdio with real protocol framing (Content-Length headers), as an
//! editor drives it: initialize, didOpen, didChange, hover, codeAction, shutdown, exit.

use serde_json::{json, Value};
use std::io::{BufRead, BufReader, Read, Write};
use std::path::Path;
use std::process::{Child, ChildStdin, Command, Stdio};
use std::sync::mpsc::{self, Receiver};
use std::time::Duration;

/// Longest wait for one message: generous, a slow machine must not fail the test.
const WAIT: Duration = Duration::from_secs(60);

struct Client {
    child: Child,
    stdin: ChildStdin,
    incoming: Receiver<Value>,
    next_id: i64,
    /// Notifications read while waiting for something else, in order.
    notifications: Vec<Value>,
}

fn uri(path: &Path) -> String {
    format!("file://{}", path.display())
}

impl Client {
    fn start(root: &Path) -> Client {
        let mut child = Command::new(env!("CARGO_BIN_EXE_onus"))
            .args(["lsp", "--stdio"])
            .current_dir(root)
            .stdin(Stdio::piped())
            .stdout(Stdio::piped())
            .stderr(Stdio::inherit())
            .spawn()
            .expect("start onus lsp");
        let stdin = child.stdin.take().unwrap();
        let stdout = child.stdout.take().unwrap();
        let (tx, incoming) = mpsc::channel();
        std::thread::spawn(move || {
            let mut r = BufReader::new(stdout);
            loop {
                let mut len = None;
                loop {
                    let mut line = String::new();
                    if r.read_line(&mut line).unwrap_or(0) == 0 {
                        return;
                    }
                    let line = line.trim_end();
                    if line.is_empty() {
                        break;
                    }
                    if let Some(v) = line.strip_prefix("Content-Length: ") {
                        len = v.parse::<usize>().ok();
                    }
                }
                let mut body = vec![0; len.expect("Content-Length header")];
                r.read_exact(&mut body).unwrap();
                if tx.send(serde_json::from_slice(&body).unwrap()).is_err() {
                    return;
                }
            }
        });
        let mut c = Client {
            child,
            stdin,
            incoming,
            next_id: 1,
            notifications: Vec::new(),
        };
        let init = c.request(
            "initialize",
            json!({
                "processId": null,
                "rootUri": uri(root),
                "capabilities": {},
                "initializationOptions": {"debounceMs": 20, "rulesDocsBase": "https://onus.example/docs/rules/"},
            }),
        );
        assert_eq!(init["capabilities"]["hoverProvider"], json!(true), "{init}");
        c.notify("initialized", json!({}));
        c
    }

    fn send(&mut self, msg: Value) {
        let body = msg.to_string();
        write!(self.stdin, "Content-Length: {}\r\n\r\n{body}", body.len()).unwrap();
        self.stdin.flush().unwrap();
    }

    fn notify(&mut self, method: &str, params: Value) {
        self.send(json!({"jsonrpc": "2.0", "method": method, "params": params}));
    }

    fn request(&mut self, method: &str, params: Value) -> Value {
        let id = self.next_id;
        self.next_id += 1;
        self.send(json!({"jsonrpc": "2.0", "id": id, "method": method, "params": params}));
        loop {
            let msg = self.incoming.recv_timeout(WAIT).expect("a response");
            if msg["id"] == json!(id) {
                assert!(msg.get("error").is_none(), "{msg}");
                return msg["result"].clone();
            }
            self.notifications.push(msg);
        }
    }

    /// The next diagnostics published for `file` (read or already waiting).
    fn diagnostics(&mut self, file: &Path) -> Value {
        let want = json!(uri(file));
        if let Some(i) = self.notifications.iter().position(|m| {
            m["method"] == "textDocument/publishDiagnostics" && m["params"]["uri"] == want
        }) {
            return self.notifications.remove(i)["params"].clone();
        }
        loop {
            let msg = self.incoming.recv_timeout(WAIT).expect("diagnostics");
            if msg["method"] == "textDocument/publishDiagnostics" && msg["params"]["uri"] == want {
                return msg["params"].clone();
            }
            self.notifications.push(msg);
        }
    }

    fn open(&mut self, file: &Path, version: i64) {
        let text = std::fs::read_to_string(file).unwrap();
        self.notify(
            "textDocument/didOpen",
            json!({"textDocument": {"uri": uri(file), "languageId": "terraform", "version": version, "text": text}}),
        );
    }

    fn change(&mut self, file: &Path, version: i64, text: &str) {
        self.notify(
            "textDocument/didChange",
            json!({"textDocument": {"uri": uri(file), "version": version}, "contentChanges": [{"text": text}]}),
        );
    }

    fn finish(mut self) {
        let r = self.request("shutdown", Value::Null);
        assert_eq!(r, Value::Null);
        self.notify("exit", Value::Null);
        let status = self.child.wait().unwrap();
        assert!(status.success(), "exit status {status}");
    }
}

const CLUSTER: &str = r#"resource "aws_redshift_cluster" "warehouse" {
  cluster_identifier = "warehouse"
  node_type          = "dc2.large"
  encrypted          = false
}
"#;

fn workspace(files: &[(&str, &str)]) -> tempfile::TempDir {
    let dir = tempfile::tempdir().unwrap();
    for (name, text) in files {
        let p = dir.path().join(name);
        std::fs::create_dir_all(p.parent().unwrap()).unwrap();
        std::fs::write(p, text).unwrap();
    }
    dir
}

fn codes(diags: &Value) -> Vec<String> {
    diags["diagnostics"]
        .as_array()
        .unwrap()
        .iter()
        .map(|d| d["code"].as_str().unwrap_or("").to_string())
        .collect()
}

#[test]
fn diagnostics_hover_and_code_actions_follow_the_buffer() {
    let ws = workspace(&[("main.tf", CLUSTER)]);
    let root = ws.path().canonicalize().unwrap();
    let main = root.join("main.tf");
    let mut c = Client::start(&root);
    c.open(&main, 1);
    let d = c.diagnostics(&main);
    assert_eq!(d["version"], json!(1));
    let finding = d["diagnostics"]
        .as_array()
        .unwrap()
        .iter()
        .find(|x| x["code"] == "aws-redshift-encryption")
        .unwrap_or_else(|| panic!("no encryption finding in {d}"))
        .clone();
    // High severity is an error; the code links to the rule's page; the range is line 4.
    assert_eq!(finding["severity"], json!(1));
    assert_eq!(
        finding["codeDescription"]["href"],
        json!("https://onus.example/docs/rules/aws.md#aws-redshift-encryption")
    );
    assert_eq!(finding["range"]["start"]["line"], json!(3));
    assert_eq!(finding["source"], json!("onus"));

    // Hover on the block header: service, model, layers and the rules that checked it.
    let hover = c.request(
        "textDocument/hover",
        json!({"textDocument": {"uri": uri(&main)}, "position": {"line": 0, "character": 12}}),
    );
    let text = hover["contents"]["value"].as_str().unwrap();
    assert!(text.contains("aws_redshift_cluster"), "{text}");
    assert!(text.contains("Yours to configure"), "{text}");
    assert!(text.contains("`aws-redshift-encryption` failed"), "{text}");

    // Hover on the finding: why and how to fix.
    let hover = c.request(
        "textDocument/hover",
        json!({"textDocument": {"uri": uri(&main)}, "position": {"line": 3, "character": 4}}),
    );
    let text = hover["contents"]["value"].as_str().unwrap();
    assert!(text.contains("**Why**"), "{text}");
    assert!(text.contains("**Fix**: Set `encrypted = true`"), "{text}");

    // Code actions: suppress with a reason and an expiry, and the exact fix.
    let actions = c.request(
        "textDocument/codeAction",
        json!({
            "textDocument": {"uri": uri(&main)},
            "range": finding["range"],
            "context": {"diagnostics": [finding]},
        }),
    );
    let actions = actions.as_array().unwrap();
    let edit_of = |title: &str| -> Value {
        let a = actions
            .iter()
            .find(|a| a["title"].as_str().unwrap().starts_with(title))
            .unwrap_or_else(|| panic!("no `{title}` action in {actions:?}"));
        a["edit"]["changes"][uri(&main)][0].clone()
    };
    let suppress = edit_of("Suppress aws-redshift-encryption with a reason");
    let inserted = suppress["newText"].as_str().unwrap();
    assert!(
        inserted.starts_with("  # onus:ignore:aws-redshift-encryption:exp:20"),
        "{inserted}"
    );
    assert!(inserted.contains("TODO: say why"), "{inserted}");
    assert_eq!(
        suppress["range"]["start"],
        json!({"line": 3, "character": 0})
    );
    let fix = edit_of("Fix aws-redshift-encryption");
    assert_eq!(fix["newText"], json!("true"));

    // Two quick edits: only the last is checked, and its version is the one published.
    let fixed = CLUSTER.replace("encrypted          = false", "encrypted          = true");
    c.change(&main, 2, &fixed);
    c.change(
        &main,
        3,
        "resource \"aws_redshift_cluster\" \"warehouse\" {\n",
    );
    let d = c.diagnostics(&main);
    assert_eq!(d["version"], json!(3), "{d}");
    let parse_error = &d["diagnostics"][0];
    assert_eq!(parse_error["severity"], json!(1), "{d}");
    assert!(!codes(&d).contains(&"aws-redshift-encryption".to_string()));

    // The fixed, still unsaved buffer: the finding is gone though the file on disk has it.
    c.change(&main, 4, &fixed);
    let d = c.diagnostics(&main);
    assert_eq!(d["version"], json!(4), "{d}");
    assert!(
        !codes(&d).contains(&"aws-redshift-encryption".to_string()),
        "{d}"
    );
    assert!(c
        .notifications
        .iter()
        .all(|m| m["params"]["version"] != json!(2)));
    c.finish();
}

#[test]
fn a_module_file_gets_the_findings_of_the_root_that_calls_it() {
    let ws = workspace(&[
        (
            "live/main.tf",
            "module \"dw\" {\n  source    = \"../modules/dw\"\n  encrypted = false\n}\n",
        ),
        (
            "modules/dw/main.tf",
            "variable \"encrypted\" {}\n\nresource \"aws_redshift_cluster\" \"this\" {\n  cluster_identifier = \"dw\"\n  node_type          = \"dc2.large\"\n  encrypted          = var.encrypted\n}\n",
        ),
    ]);
    let root = ws.path().canonicalize().unwrap();
    let module = root.join("modules/dw/main.tf");
    let mut c = Client::start(&root);
    c.open(&module, 7);
    let d = c.diagnostics(&module);
    let finding = d["diagnostics"]
        .as_array()
        .unwrap()
        .iter()
        .find(|x| x["code"] == "aws-redshift-encryption")
        .unwrap_or_else(|| panic!("the module's finding, judged from the root's value: {d}"))
        .clone();
    assert_eq!(d["version"], json!(7));
    // The value was set in the root's module call: related information points there.
    let related = finding["relatedInformation"].as_array().expect("related");
    assert!(
        related
            .iter()
            .any(|r| r["location"]["uri"] == json!(uri(&root.join("live/main.tf")))),
        "{finding}"
    );
    c.finish();
}

#[test]
fn the_configuration_file_selects_the_rules() {
    let ws = workspace(&[
        ("main.tf", CLUSTER),
        (
            ".onus.hcl",
            "rules {\n  disable = [\"aws-redshift-encryption\"]\n}\n",
        ),
    ]);
    let root = ws.path().canonicalize().unwrap();
    let main = root.join("main.tf");
    let mut c = Client::start(&root);
    c.open(&main, 1);
    let d = c.diagnostics(&main);
    assert!(
        !codes(&d).contains(&"aws-redshift-encryption".to_string()),
        "{d}"
    );
    // Another rule of the same resource still runs.
    assert!(!codes(&d).is_empty(), "{d}");
    c.finish();
}

#[test]
fn findings_of_the_baseline_are_not_shown() {
    let ws = workspace(&[
        ("main.tf", CLUSTER),
        (".onus.hcl", "baseline = \".onus-baseline.json\"\n"),
    ]);
    let root = ws.path().canonicalize().unwrap();
    let written = Command::new(env!("CARGO_BIN_EXE_onus"))
        .args(["baseline", "write", ".", "-o", ".onus-baseline.json"])
        .current_dir(&root)
        .output()
        .unwrap();
    assert!(written.status.success(), "{written:?}");
    let main = root.join("main.tf");
    let mut c = Client::start(&root);
    c.open(&main, 1);
    let d = c.diagnostics(&main);
    assert_eq!(d["diagnostics"], json!([]), "{d}");
    // A finding the baseline does not know still shows.
    c.change(&main, 2, &format!("{CLUSTER}\nresource \"aws_ebs_volume\" \"new\" {{\n  availability_zone = \"eu-west-1a\"\n  size              = 8\n}}\n"));
    let d = c.diagnostics(&main);
    assert!(!codes(&d).is_empty(), "{d}");
    assert!(
        !codes(&d).contains(&"aws-redshift-encryption".to_string()),
        "{d}"
    );
    c.finish();
}

#[test]
fn a_tofu_file_is_checked() {
    let ws = workspace(&[("main.tofu", CLUSTER)]);
    let root = ws.path().canonicalize().unwrap();
    let main = root.join("main.tofu");
    let mut c = Client::start(&root);
    c.open(&main, 1);
    let d = c.diagnostics(&main);
    assert!(
        codes(&d).contains(&"aws-redshift-encryption".to_string()),
        "{d}"
    );
    c.finish();
}

/// The scan hook the server uses: unsaved text read instead of the disk, one root evaluated.
#[test]
fn a_scan_reads_the_overlay_and_evaluates_only_the_roots_asked_for() {
    let ws = workspace(&[("a/main.tf", CLUSTER), ("b/main.tf", CLUSTER)]);
    let root = ws.path().canonicalize().unwrap();
    let a = root.join("a/main.tf");
    let fixed = CLUSTER.replace("= false", "= true");
    let opts = onus::ScanOptions {
        paths: vec![root.clone()],
        only_roots: vec![root.join("a")],
        overlay: std::sync::Arc::new(onus::load::Overlay::from([(
            a.clone(),
            std::sync::Arc::new(fixed),
        )])),
        ..onus::ScanOptions::default()
    };
    let result = onus::scan(&opts).unwrap();
    let files: std::collections::BTreeSet<String> = result
        .findings
        .iter()
        .map(|f| {
            result
                .sources
                .get(f.primary.file)
                .unwrap()
                .path
                .display()
                .to_string()
        })
        .collect();
    assert_eq!(
        files.into_iter().collect::<Vec<_>>(),
        [a.display().to_string()]
    );
    assert!(result
        .findings
        .iter()
        .all(|f| &*f.rule_id != "aws-redshift-encryption"));
    // Both directories were read: their module calls are known.
    assert_eq!(result.module_calls.len(), 2);
}
