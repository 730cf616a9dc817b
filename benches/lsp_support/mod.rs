//! What the language server benchmarks share: a generated root module of many files and an
//! in-memory client that drives the server as an editor does.

use lsp_server::{Connection, Message, Notification, Request, RequestId};
use serde_json::{json, Value};
use std::path::{Path, PathBuf};
use std::thread::JoinHandle;

/// Writes a root module of `files` files below `dir`: each a handful of resources of common
/// types, some set from variables, so an edit is evaluated and checked like real code.
pub fn write_root(dir: &Path, files: usize) -> Vec<PathBuf> {
    std::fs::create_dir_all(dir).expect("root dir");
    std::fs::write(
        dir.join("variables.tf"),
        "variable \"env\" {\n  default = \"prod\"\n}\n\nvariable \"encrypted\" {\n  default = true\n}\n",
    )
    .expect("variables.tf");
    (0..files.saturating_sub(1))
        .map(|i| {
            let path = dir.join(format!("part{i:03}.tf"));
            std::fs::write(&path, part(i, false)).expect("write part");
            path
        })
        .collect()
}

/// The text of part `i`; `edited` flips one attribute, as a keystroke would.
pub fn part(i: usize, edited: bool) -> String {
    let mut s = String::new();
    for j in 0..4 {
        let n = i * 4 + j;
        s.push_str(&format!(
            "resource \"aws_s3_bucket\" \"b{n}\" {{\n  bucket = \"${{var.env}}-data-{n}\"\n  tags = {{\n    Name = \"data-{n}\"\n  }}\n}}\n\n\
             resource \"aws_ebs_volume\" \"v{n}\" {{\n  availability_zone = \"eu-west-1a\"\n  size              = {size}\n  encrypted         = {enc}\n}}\n\n\
             resource \"aws_security_group\" \"sg{n}\" {{\n  name = \"sg-{n}\"\n  ingress {{\n    from_port   = 443\n    to_port     = 443\n    protocol    = \"tcp\"\n    cidr_blocks = [\"10.0.0.0/8\"]\n  }}\n}}\n\n",
            size = 10 + n,
            enc = if edited && j == 0 { "false" } else { "var.encrypted" },
        ));
    }
    s
}

/// A server on an in-memory connection, driven like an editor.
pub struct Editor {
    conn: Connection,
    server: Option<JoinHandle<()>>,
    next_id: i32,
}

pub fn uri(path: &Path) -> String {
    format!("file://{}", path.display())
}

impl Editor {
    pub fn start(root: &Path) -> Editor {
        let (server_side, conn) = Connection::memory();
        let server = std::thread::spawn(move || {
            let _ = onus::lsp::serve(&server_side);
        });
        let mut e = Editor {
            conn,
            server: Some(server),
            next_id: 1,
        };
        e.request(
            "initialize",
            json!({
                "processId": null,
                "rootUri": uri(root),
                "capabilities": {},
                "initializationOptions": {"debounceMs": 0},
            }),
        );
        e.notify("initialized", json!({}));
        e
    }

    pub fn notify(&self, method: &str, params: Value) {
        let _ = self
            .conn
            .sender
            .send(Message::Notification(Notification::new(
                method.into(),
                params,
            )));
    }

    pub fn request(&mut self, method: &str, params: Value) -> Value {
        let id = RequestId::from(self.next_id);
        self.next_id += 1;
        let _ = self.conn.sender.send(Message::Request(Request::new(
            id.clone(),
            method.into(),
            params,
        )));
        for msg in &self.conn.receiver {
            if let Message::Response(r) = msg {
                if r.id == id {
                    return r.response_result.unwrap_or(Value::Null);
                }
            }
        }
        Value::Null
    }

    pub fn open(&self, path: &Path, version: i32, text: &str) {
        self.notify(
            "textDocument/didOpen",
            json!({"textDocument": {"uri": uri(path), "languageId": "terraform", "version": version, "text": text}}),
        );
    }

    pub fn change(&self, path: &Path, version: i32, text: &str) {
        self.notify(
            "textDocument/didChange",
            json!({"textDocument": {"uri": uri(path), "version": version}, "contentChanges": [{"text": text}]}),
        );
    }

    /// Waits for the diagnostics of `path` at `version`; returns how many there are.
    pub fn published(&self, path: &Path, version: i32) -> usize {
        let want = json!(uri(path));
        for msg in &self.conn.receiver {
            if let Message::Notification(n) = msg {
                if n.method == "textDocument/publishDiagnostics"
                    && n.params["uri"] == want
                    && n.params["version"] == json!(version)
                {
                    return n.params["diagnostics"].as_array().map_or(0, Vec::len);
                }
            }
        }
        0
    }
}

impl Drop for Editor {
    fn drop(&mut self) {
        let _ = self.request("shutdown", Value::Null);
        self.notify("exit", Value::Null);
        if let Some(s) = self.server.take() {
            let _ = s.join();
        }
    }
}

/// Resident set size of this process in KiB (Linux; 0 elsewhere).
pub fn rss_kib() -> u64 {
    std::fs::read_to_string("/proc/self/status")
        .ok()
        .and_then(|s| {
            s.lines()
                .find(|l| l.starts_with("VmRSS:"))
                .and_then(|l| l.split_whitespace().nth(1))
                .and_then(|v| v.parse().ok())
        })
        .unwrap_or(0)
}
