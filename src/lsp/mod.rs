//! `onus lsp`: a Language Server Protocol server over stdio. It owns the editor's view of a
//! workspace: open buffers, which root modules each file belongs to, re-checking those roots
//! (debounced) with the unsaved text through the ordinary scan, and publishing the results.
//! It sits after the reports in the pipeline: it uses scan, check and report; nothing uses it.
//!
//! Built on `lsp-server` and `lsp-types` (synchronous; no async runtime): one thread reads
//! messages, this one answers them and runs the scans, each of which uses the scan's own pool.

mod features;
mod text;

use crate::config;
use crate::load::Overlay;
use crate::result::ScanResult;
use crate::rules::RuleSet;
use crate::scan::{self, ScanOptions};
use features::DocsLinks;
use lsp_server::{Connection, Message, Notification, Request, RequestId, Response};
use lsp_types::{
    CodeActionKind, CodeActionOptions, CodeActionProviderCapability, HoverContents,
    HoverProviderCapability, InitializeParams, MarkupContent, MarkupKind, PublishDiagnosticsParams,
    SaveOptions, ServerCapabilities, TextDocumentSyncCapability, TextDocumentSyncKind,
    TextDocumentSyncOptions, TextDocumentSyncSaveOptions, Uri,
};
use std::collections::{BTreeMap, BTreeSet, HashMap, HashSet};
use std::path::{Path, PathBuf};
use std::sync::Arc;
use std::time::{Duration, Instant};
pub use text::{path_to_uri, uri_to_path, LineIndex};

/// Quiet time after an edit before its root is re-checked: typing a word costs one scan.
pub const DEFAULT_DEBOUNCE: Duration = Duration::from_millis(150);

/// Runs the server on stdin/stdout until the client says `exit`; returns the exit status.
pub fn run_stdio() -> i32 {
    let (connection, io) = Connection::stdio();
    let status = match serve(&connection) {
        Ok(clean) => {
            if clean {
                0
            } else {
                1
            }
        }
        Err(e) => {
            eprintln!("onus lsp: {e}");
            1
        }
    };
    drop(connection);
    let _ = io.join();
    status
}

fn capabilities() -> ServerCapabilities {
    ServerCapabilities {
        text_document_sync: Some(TextDocumentSyncCapability::Options(
            TextDocumentSyncOptions {
                open_close: Some(true),
                change: Some(TextDocumentSyncKind::FULL),
                save: Some(TextDocumentSyncSaveOptions::SaveOptions(SaveOptions {
                    include_text: Some(true),
                })),
                ..TextDocumentSyncOptions::default()
            },
        )),
        hover_provider: Some(HoverProviderCapability::Simple(true)),
        code_action_provider: Some(CodeActionProviderCapability::Options(CodeActionOptions {
            code_action_kinds: Some(vec![CodeActionKind::QUICKFIX]),
            ..CodeActionOptions::default()
        })),
        ..ServerCapabilities::default()
    }
}

/// Returns whether the client shut down before exiting (exit status 0 if so, as the protocol
/// asks).
pub fn serve(connection: &Connection) -> Result<bool, String> {
    let caps = serde_json::to_value(capabilities()).map_err(|e| e.to_string())?;
    let params = connection.initialize(caps).map_err(|e| e.to_string())?;
    let params: InitializeParams = serde_json::from_value(params).map_err(|e| e.to_string())?;
    let root = workspace_root(&params);
    // Scans run from the workspace root, as `onus scan` and `onus baseline write` run from the
    // repository's: paths, and so the baseline's fingerprints, are relative to it.
    if let Err(e) = std::env::set_current_dir(&root) {
        eprintln!("onus lsp: cannot enter {}: {e}", root.display());
    }
    let mut server = Server::new(root, &params.initialization_options);
    server.run(connection)
}

#[allow(deprecated)] // `root_uri` is what older clients send instead of workspace folders.
fn workspace_root(params: &InitializeParams) -> PathBuf {
    let from_folders = params
        .workspace_folders
        .as_ref()
        .and_then(|f| f.first())
        .and_then(|f| uri_to_path(&f.uri));
    let from_root = params.root_uri.as_ref().and_then(uri_to_path);
    from_folders
        .or(from_root)
        .or_else(|| std::env::current_dir().ok())
        .map(|p| canonical(&p))
        .unwrap_or_default()
}

/// Paths as the scan will discover them below the canonical workspace root.
fn canonical(p: &Path) -> PathBuf {
    if let Ok(c) = p.canonicalize() {
        return c;
    }
    // A file not saved yet: its directory may exist.
    match (p.parent(), p.file_name()) {
        (Some(dir), Some(name)) => dir
            .canonicalize()
            .map(|d| d.join(name))
            .unwrap_or_else(|_| p.to_path_buf()),
        _ => p.to_path_buf(),
    }
}

/// Whether onus reads this file as Terraform.
fn is_terraform(path: &Path) -> bool {
    let name = path.file_name().and_then(|n| n.to_str()).unwrap_or("");
    [
        ".tf",
        ".tf.json",
        ".tfvars",
        ".tfvars.json",
        ".tofu",
        ".tofu.json",
    ]
    .iter()
    .any(|ext| name.ends_with(ext))
}

struct Document {
    version: i32,
    text: Arc<String>,
}

/// The scan settings of the workspace: `.onus.hcl` (its rule directories, variables files,
/// selection, baseline) and the rules it loads, read again when a non-Terraform file is saved.
struct Settings {
    options: ScanOptions,
    rules: RuleSet,
}

/// The last check of one root module.
struct Checked {
    result: ScanResult,
    /// Protocol diagnostics by file path, for every file of the root and its modules.
    diagnostics: HashMap<PathBuf, Vec<lsp_types::Diagnostic>>,
}

struct Server {
    root: PathBuf,
    debounce: Duration,
    docs_links: DocsLinks,
    settings: Option<Settings>,
    documents: HashMap<PathBuf, Document>,
    /// Local module calls of every directory of the workspace, from the last scan.
    calls: BTreeMap<PathBuf, Vec<PathBuf>>,
    checked: HashMap<PathBuf, Checked>,
    /// Roots to re-check and when (the debounce deadline).
    due: BTreeMap<PathBuf, Instant>,
    /// Files given diagnostics, so files whose problems are gone are cleared.
    published: HashSet<PathBuf>,
    shutdown: bool,
}

enum Flow {
    Continue,
    Exit,
}

impl Server {
    fn new(root: PathBuf, init: &Option<serde_json::Value>) -> Self {
        let option = |name: &str| init.as_ref().and_then(|o| o.get(name));
        let debounce = option("debounceMs")
            .and_then(serde_json::Value::as_u64)
            .map(Duration::from_millis)
            .unwrap_or(DEFAULT_DEBOUNCE);
        let base = option("rulesDocsBase")
            .and_then(serde_json::Value::as_str)
            .map(str::to_string);
        Server {
            root,
            debounce,
            docs_links: DocsLinks { base },
            settings: None,
            documents: HashMap::new(),
            calls: BTreeMap::new(),
            checked: HashMap::new(),
            due: BTreeMap::new(),
            published: HashSet::new(),
            shutdown: false,
        }
    }

    fn run(&mut self, connection: &Connection) -> Result<bool, String> {
        loop {
            let wait = self
                .due
                .values()
                .min()
                .map(|t| t.saturating_duration_since(Instant::now()));
            let msg = match wait {
                Some(w) => match connection.receiver.recv_timeout(w) {
                    Ok(m) => Some(m),
                    Err(e) if e.is_timeout() => None,
                    Err(_) => return Ok(false),
                },
                None => match connection.receiver.recv() {
                    Ok(m) => Some(m),
                    Err(_) => return Ok(false),
                },
            };
            if let Some(msg) = msg {
                if let Flow::Exit = self.handle(connection, msg)? {
                    return Ok(self.shutdown);
                }
                continue;
            }
            if let Flow::Exit = self.check_due(connection)? {
                return Ok(self.shutdown);
            }
        }
    }

    fn handle(&mut self, connection: &Connection, msg: Message) -> Result<Flow, String> {
        match msg {
            Message::Request(req) => {
                if req.method == "shutdown" {
                    self.shutdown = true;
                    reply(connection, Response::new_ok(req.id, ()))?;
                    return Ok(Flow::Continue);
                }
                let resp = self.request(req);
                reply(connection, resp)?;
            }
            Message::Notification(n) => {
                if n.method == "exit" {
                    return Ok(Flow::Exit);
                }
                let method = n.method.clone();
                if let Err(e) = self.notification(connection, n) {
                    // A notification has no answer: a malformed one is logged and dropped.
                    eprintln!("onus lsp: {method}: {e}");
                }
            }
            Message::Response(_) => {}
        }
        Ok(Flow::Continue)
    }

    fn request(&mut self, req: Request) -> Response {
        let id = req.id.clone();
        let answer = match req.method.as_str() {
            "textDocument/hover" => parse::<lsp_types::HoverParams>(req)
                .map(|p| serde_json::to_value(self.hover(p)).unwrap_or_default()),
            "textDocument/codeAction" => parse::<lsp_types::CodeActionParams>(req)
                .map(|p| serde_json::to_value(self.code_actions(p)).unwrap_or_default()),
            _ => return error(id, lsp_server::ErrorCode::MethodNotFound, "unsupported"),
        };
        match answer {
            Ok(v) => Response::new_ok(id, v),
            Err(e) => error(id, lsp_server::ErrorCode::InvalidParams, &e),
        }
    }

    fn notification(&mut self, connection: &Connection, n: Notification) -> Result<(), String> {
        match n.method.as_str() {
            "textDocument/didOpen" => {
                let p: lsp_types::DidOpenTextDocumentParams = parse_notification(n)?;
                if let Some(path) = self.track(&p.text_document.uri) {
                    self.documents.insert(
                        path.clone(),
                        Document {
                            version: p.text_document.version,
                            text: Arc::new(p.text_document.text),
                        },
                    );
                    // A file opened is checked at once; edits wait for the debounce.
                    self.schedule(connection, &path, Duration::ZERO)?;
                }
            }
            "textDocument/didChange" => {
                let p: lsp_types::DidChangeTextDocumentParams = parse_notification(n)?;
                if let Some(path) = self.track(&p.text_document.uri) {
                    // Full synchronisation: the last change holds the whole text.
                    if let Some(change) = p.content_changes.into_iter().last() {
                        self.documents.insert(
                            path.clone(),
                            Document {
                                version: p.text_document.version,
                                text: Arc::new(change.text),
                            },
                        );
                    }
                    self.schedule(connection, &path, self.debounce)?;
                }
            }
            "textDocument/didSave" => {
                let p: lsp_types::DidSaveTextDocumentParams = parse_notification(n)?;
                match self.track(&p.text_document.uri) {
                    Some(path) => {
                        if let (Some(text), Some(doc)) = (p.text, self.documents.get_mut(&path)) {
                            doc.text = Arc::new(text);
                        }
                        self.schedule(connection, &path, Duration::ZERO)?;
                    }
                    // `.onus.hcl`, a rule file, the baseline: settings are read again and
                    // every root checked so far is checked again.
                    None => self.reload_settings(),
                }
            }
            "textDocument/didClose" => {
                let p: lsp_types::DidCloseTextDocumentParams = parse_notification(n)?;
                if let Some(path) = self.track(&p.text_document.uri) {
                    // The file on disk is what counts again.
                    if self.documents.remove(&path).is_some() {
                        self.schedule(connection, &path, Duration::ZERO)?;
                    }
                }
            }
            "workspace/didChangeWatchedFiles" => self.reload_settings(),
            _ => {}
        }
        Ok(())
    }

    /// The path of a Terraform document of the workspace, or `None` for anything else.
    fn track(&self, uri: &Uri) -> Option<PathBuf> {
        let path = canonical(&uri_to_path(uri)?);
        is_terraform(&path).then_some(path)
    }

    fn reload_settings(&mut self) {
        self.settings = None;
        let now = Instant::now();
        for root in self.checked.keys() {
            self.due.insert(root.clone(), now);
        }
    }

    /// Marks the roots `path` belongs to for a check after `delay`.
    fn schedule(
        &mut self,
        connection: &Connection,
        path: &Path,
        delay: Duration,
    ) -> Result<(), String> {
        let dir = dir_of(path);
        if self.calls.is_empty() {
            // Nothing known of the workspace's modules yet: one scan that evaluates nothing
            // but reads every directory's module calls.
            self.learn_calls(connection)?;
        }
        let at = Instant::now() + delay;
        for root in self.roots_of(&dir) {
            let t = self.due.entry(root).or_insert(at);
            *t = at.max(*t).min(at);
        }
        Ok(())
    }

    fn learn_calls(&mut self, connection: &Connection) -> Result<(), String> {
        let nowhere = PathBuf::from("./.onus-no-root");
        let overlay = Arc::new(self.overlay());
        let Some(settings) = self.settings(connection)? else {
            return Ok(());
        };
        let mut opts = settings.options.clone();
        // A directory that is no module: every directory is read, none evaluated.
        opts.only_roots = vec![nowhere];
        opts.overlay = overlay;
        if let Ok(result) = scan::scan_with_rules(&opts, settings.rules.clone()) {
            self.calls = self.absolute_calls(&result);
        }
        Ok(())
    }

    /// The root modules whose evaluation reads directory `dir`: itself when no other calls it.
    fn roots_of(&self, dir: &Path) -> Vec<PathBuf> {
        let roots = crate::load::module_graph::root_directories(&self.calls);
        let mut out: Vec<PathBuf> = roots
            .into_iter()
            .filter(|r| self.reach(r).contains(dir))
            .collect();
        if out.is_empty() {
            out.push(dir.to_path_buf());
        }
        out
    }

    /// `root` and every directory it calls, directly or not.
    fn reach(&self, root: &Path) -> BTreeSet<PathBuf> {
        let mut seen = BTreeSet::new();
        let mut todo = vec![root.to_path_buf()];
        while let Some(d) = todo.pop() {
            if let Some(next) = self.calls.get(&d) {
                todo.extend(next.iter().filter(|n| !seen.contains(*n)).cloned());
            }
            seen.insert(d);
        }
        seen
    }

    /// The open buffers, by path as the scan of `.` discovers them.
    fn overlay(&self) -> Overlay {
        self.documents
            .iter()
            .map(|(p, d)| (relative_to(&self.root, p), d.text.clone()))
            .collect()
    }

    /// A path of the scan (relative to the workspace root) as an absolute one.
    fn absolute(&self, p: &Path) -> PathBuf {
        crate::source::normalize(&self.root.join(p))
    }

    /// The module calls a scan found, with absolute directories.
    fn absolute_calls(&self, result: &ScanResult) -> BTreeMap<PathBuf, Vec<PathBuf>> {
        result
            .module_calls
            .iter()
            .map(|(dir, calls)| {
                let calls = calls.iter().map(|c| self.absolute(c)).collect();
                (self.absolute(dir), calls)
            })
            .collect()
    }

    /// The workspace settings, read on first use. A configuration error is shown to the user
    /// and nothing is checked until it is fixed.
    fn settings(&mut self, connection: &Connection) -> Result<Option<&Settings>, String> {
        if self.settings.is_none() {
            match load_settings(&self.root) {
                Ok(s) => self.settings = Some(s),
                Err(e) => {
                    notify(
                        connection,
                        "window/showMessage",
                        lsp_types::ShowMessageParams {
                            typ: lsp_types::MessageType::ERROR,
                            message: format!("onus: configuration error: {e}"),
                        },
                    )?;
                    return Ok(None);
                }
            }
        }
        Ok(self.settings.as_ref())
    }

    /// Checks every root whose debounce has passed, publishing results that are still current.
    fn check_due(&mut self, connection: &Connection) -> Result<Flow, String> {
        let now = Instant::now();
        let ready: Vec<PathBuf> = self
            .due
            .iter()
            .filter(|(_, t)| **t <= now)
            .map(|(r, _)| r.clone())
            .collect();
        for root in ready {
            self.due.remove(&root);
            let versions = self.versions();
            let Some(checked) = self.check_root(connection, &root)? else {
                continue;
            };
            // Messages that arrived during the scan are handled before publishing: an edit
            // among them makes this result stale, and its root is due again.
            while let Ok(msg) = connection.receiver.try_recv() {
                if let Flow::Exit = self.handle(connection, msg)? {
                    return Ok(Flow::Exit);
                }
            }
            if self.versions() != versions && self.due.contains_key(&root) {
                continue;
            }
            let calls = self.absolute_calls(&checked.result);
            self.calls.extend(calls);
            self.checked.insert(root.clone(), checked);
            self.publish(connection, &root)?;
        }
        Ok(Flow::Continue)
    }

    fn versions(&self) -> BTreeMap<PathBuf, i32> {
        self.documents
            .iter()
            .map(|(p, d)| (p.clone(), d.version))
            .collect()
    }

    fn check_root(
        &mut self,
        connection: &Connection,
        root: &Path,
    ) -> Result<Option<Checked>, String> {
        let overlay = Arc::new(self.overlay());
        let workspace = self.root.clone();
        let Some(settings) = self.settings(connection)? else {
            return Ok(None);
        };
        let mut opts = settings.options.clone();
        opts.paths = vec![PathBuf::from(".")];
        opts.only_roots = vec![relative_to(&workspace, root)];
        opts.overlay = overlay;
        let result = match scan::scan_with_rules(&opts, settings.rules.clone()) {
            Ok(r) => r,
            Err(e) => {
                notify(
                    connection,
                    "window/showMessage",
                    lsp_types::ShowMessageParams {
                        typ: lsp_types::MessageType::ERROR,
                        message: format!("onus: {e}"),
                    },
                )?;
                return Ok(None);
            }
        };
        let by_file = features::diagnostics(&result, &self.docs_links);
        // Only the files of this root and its modules: other roots' files keep theirs.
        let dirs: BTreeSet<PathBuf> = {
            let mut calls = self.calls.clone();
            calls.extend(self.absolute_calls(&result));
            let saved = std::mem::replace(&mut self.calls, calls);
            let r = self.reach(root);
            self.calls = saved;
            r
        };
        let mut diagnostics = HashMap::new();
        for (id, src) in result.sources.files() {
            let path = self.absolute(&src.path);
            if !is_terraform(&path) || !dirs.contains(&dir_of(&path)) {
                continue;
            }
            let list = by_file.get(&id).cloned().unwrap_or_default();
            diagnostics.insert(path, list);
        }
        Ok(Some(Checked {
            result,
            diagnostics,
        }))
    }

    /// Publishes the diagnostics of the files of `root`: for a module shared by several roots,
    /// those of every root checked.
    fn publish(&mut self, connection: &Connection, root: &Path) -> Result<(), String> {
        let Some(checked) = self.checked.get(root) else {
            return Ok(());
        };
        let files: Vec<PathBuf> = checked.diagnostics.keys().cloned().collect();
        for file in files {
            let mut all: Vec<lsp_types::Diagnostic> = Vec::new();
            for c in self.checked.values() {
                if let Some(list) = c.diagnostics.get(&file) {
                    for d in list {
                        if !all.contains(d) {
                            all.push(d.clone());
                        }
                    }
                }
            }
            // An open file always hears back; others only when they had problems before.
            if all.is_empty()
                && !self.published.contains(&file)
                && !self.documents.contains_key(&file)
            {
                continue;
            }
            if all.is_empty() {
                self.published.remove(&file);
            } else {
                self.published.insert(file.clone());
            }
            let Some(uri) = path_to_uri(&file) else {
                continue;
            };
            notify(
                connection,
                "textDocument/publishDiagnostics",
                PublishDiagnosticsParams {
                    uri,
                    diagnostics: all,
                    version: self.documents.get(&file).map(|d| d.version),
                },
            )?;
        }
        Ok(())
    }

    /// The last result that read `path`, and the file's id in it.
    fn result_of(&self, uri: &Uri) -> Option<(&ScanResult, crate::source::FileId)> {
        let path = canonical(&uri_to_path(uri)?);
        let dir = dir_of(&path);
        self.roots_of(&dir).iter().find_map(|r| {
            let c = self.checked.get(r)?;
            let id = c
                .result
                .sources
                .find_path(&relative_to(&self.root, &path))?;
            Some((&c.result, id))
        })
    }

    fn hover(&self, p: lsp_types::HoverParams) -> Option<lsp_types::Hover> {
        let pos = p.text_document_position_params;
        let (result, id) = self.result_of(&pos.text_document.uri)?;
        let src = result.sources.get(id)?;
        let offset = LineIndex::new(src.text.as_str()).offset(pos.position);
        let value = features::hover(result, id, offset)?;
        Some(lsp_types::Hover {
            contents: HoverContents::Markup(MarkupContent {
                kind: MarkupKind::Markdown,
                value,
            }),
            range: None,
        })
    }

    fn code_actions(&self, p: lsp_types::CodeActionParams) -> Vec<lsp_types::CodeAction> {
        let Some((result, id)) = self.result_of(&p.text_document.uri) else {
            return Vec::new();
        };
        let today = std::time::SystemTime::now()
            .duration_since(std::time::UNIX_EPOCH)
            .map(|d| d.as_secs() / 86_400)
            .unwrap_or(0);
        let days = i64::try_from(today).unwrap_or(0) + features::IGNORE_DAYS;
        let expiry = crate::suppress::Date::from_days_since_epoch(days);
        features::code_actions(result, id, &p.text_document.uri, p.range, expiry)
    }
}

/// `path` as the scan of `.` run in `root` names it (`./dir/main.tf`); paths outside the
/// root stay as they are.
fn relative_to(root: &Path, path: &Path) -> PathBuf {
    match path.strip_prefix(root) {
        Ok(rest) => Path::new(".").join(rest),
        Err(_) => path.to_path_buf(),
    }
}

fn dir_of(path: &Path) -> PathBuf {
    crate::source::normalize(path.parent().unwrap_or(Path::new("")))
}

/// Scan options and rules from the workspace's `.onus.hcl`, applied as `onus scan` applies
/// them when given no flags.
fn load_settings(root: &Path) -> Result<Settings, scan::ConfigError> {
    let config = match config::discover(root) {
        Some(path) => config::load(&path)?,
        None => config::Config::default(),
    };
    let options = config.apply_to(ScanOptions {
        paths: vec![root.to_path_buf()],
        env_vars: std::env::vars()
            .filter_map(|(k, v)| k.strip_prefix("TF_VAR_").map(|n| (n.to_string(), v)))
            .collect(),
        ..ScanOptions::default()
    });
    let rules = scan::load_rules(&options.rule_dirs, true)?;
    Ok(Settings { options, rules })
}

fn parse<P: serde::de::DeserializeOwned>(req: Request) -> Result<P, String> {
    serde_json::from_value(req.params).map_err(|e| e.to_string())
}

fn parse_notification<P: serde::de::DeserializeOwned>(n: Notification) -> Result<P, String> {
    serde_json::from_value(n.params).map_err(|e| format!("{}: {e}", n.method))
}

fn error(id: RequestId, code: lsp_server::ErrorCode, message: &str) -> Response {
    Response::new_err(id, code as i32, message.to_string())
}

fn reply(connection: &Connection, resp: Response) -> Result<(), String> {
    connection
        .sender
        .send(Message::Response(resp))
        .map_err(|e| e.to_string())
}

fn notify(
    connection: &Connection,
    method: &str,
    params: impl serde::Serialize,
) -> Result<(), String> {
    connection
        .sender
        .send(Message::Notification(Notification::new(
            method.to_string(),
            params,
        )))
        .map_err(|e| e.to_string())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_file_belongs_to_the_roots_that_reach_its_directory() {
        let mut s = Server::new(PathBuf::from("/w"), &None);
        let p = PathBuf::from;
        s.calls = BTreeMap::from([
            (p("/w/live/a"), vec![p("/w/modules/app")]),
            (
                p("/w/live/b"),
                vec![p("/w/modules/app"), p("/w/modules/db")],
            ),
            (p("/w/modules/app"), vec![p("/w/modules/net")]),
            (p("/w/modules/db"), vec![]),
            (p("/w/modules/net"), vec![]),
        ]);
        assert_eq!(s.roots_of(Path::new("/w/live/a")), [p("/w/live/a")]);
        // Through another module: both roots that call `app` evaluate `net`.
        assert_eq!(
            s.roots_of(Path::new("/w/modules/net")),
            [p("/w/live/a"), p("/w/live/b")]
        );
        assert_eq!(s.roots_of(Path::new("/w/modules/db")), [p("/w/live/b")]);
        // A directory the scan has not seen yet is its own root.
        assert_eq!(s.roots_of(Path::new("/w/new")), [p("/w/new")]);
    }

    #[test]
    fn buffers_are_keyed_as_the_scan_of_the_root_discovers_them() {
        let root = Path::new("/w");
        assert_eq!(
            relative_to(root, Path::new("/w/live/main.tf")),
            PathBuf::from("./live/main.tf")
        );
        assert_eq!(
            relative_to(root, Path::new("/elsewhere/x.tf")),
            PathBuf::from("/elsewhere/x.tf")
        );
        assert!(is_terraform(Path::new("a.tofu")) && is_terraform(Path::new("b.tfvars.json")));
        assert!(!is_terraform(Path::new(".onus.hcl")));
    }
}
