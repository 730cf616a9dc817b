//! The module directories of one scan, parsed when first needed and shared between the root
//! modules that call them. Before anything is parsed, the local module calls each directory's
//! text names are read off the text ([`predicted_calls`]): which directories are modules of
//! others, and which root modules use each. A directory's syntax trees are kept from their
//! first parse until its own task and every root module predicted to use it are done, then
//! dropped, so a scan holds the trees of the directories in flight and of the modules they
//! call, not of the whole repository, and parses each directory once.
//!
//! The prediction only decides when trees are dropped and which directories wait to be
//! evaluated as roots until every call is known: a wrong one costs a second parse or a late
//! evaluation, never a different result.

use super::module_def::{ModuleDef, ModuleSource};
use super::module_files::replaced_by_tofu;
use super::module_graph::{predicted_calls, reachable};
use crate::diag::Diagnostic;
use crate::load::{self, Parsed};
use crate::source::FileKind;
use crate::source::{FileId, SourceMap};
use std::collections::{HashMap, HashSet};
use std::path::{Path, PathBuf};
use std::sync::{Arc, Mutex, MutexGuard};

/// Every module directory of the scan (normalised path → its files).
pub struct ModuleCache<'s> {
    sources: &'s SourceMap,
    dirs: HashMap<PathBuf, Slot>,
    /// Called once per file parsed for its own directory, for a progress display.
    on_parsed: &'s (dyn Fn(usize) + Sync),
}

struct Slot {
    /// Configuration and variables files that were read, in file-id order.
    files: Vec<(FileId, FileKind)>,
    /// Some other directory's text calls this one: a module, evaluated as a root only once
    /// every call is known.
    predicted_called: bool,
    /// For a directory no other one is predicted to call (a root module): the directories
    /// its evaluation is predicted to reach through local module calls, itself excluded.
    reach: Vec<PathBuf>,
    state: Mutex<SlotState>,
}

#[derive(Default)]
struct SlotState {
    def: Option<Arc<ModuleDef>>,
    /// Parse diagnostics of the first parse, kept until the directory's own task takes them,
    /// so a directory parsed twice still reports each problem once.
    diagnostics: Option<Vec<Diagnostic>>,
    parsed: bool,
    /// Users still to come that the prediction knows of: the directory's own task and the
    /// root modules predicted to reach it. The trees are dropped when it reaches zero.
    holds: usize,
    /// An evaluation the prediction did not foresee called this directory: keep its trees
    /// until the end of the scan, since more such callers may come.
    shared: bool,
}

impl<'s> ModuleCache<'s> {
    /// `dirs` maps each directory holding at least one configuration file to its files.
    pub fn new(
        sources: &'s SourceMap,
        dirs: HashMap<PathBuf, Vec<(FileId, FileKind)>>,
        on_parsed: &'s (dyn Fn(usize) + Sync),
    ) -> Self {
        let calls = predicted_graph(sources, &dirs);
        let called: HashSet<&Path> = calls.values().flatten().map(PathBuf::as_path).collect();
        // Every directory's own task holds its trees, and so does every root module that
        // reaches it.
        let mut holds: HashMap<&Path, usize> = dirs.keys().map(|d| (d.as_path(), 1)).collect();
        let mut reaches: HashMap<&Path, Vec<PathBuf>> = HashMap::new();
        for dir in calls.keys().filter(|d| !called.contains(d.as_path())) {
            let reach = reachable(dir, &calls);
            for d in &reach {
                if let Some(h) = holds.get_mut(d.as_path()) {
                    *h += 1;
                }
            }
            reaches.insert(dir, reach);
        }
        let predicted_called: HashSet<PathBuf> = called.iter().map(|d| d.to_path_buf()).collect();
        let holds: HashMap<PathBuf, usize> = holds
            .into_iter()
            .map(|(d, h)| (d.to_path_buf(), h))
            .collect();
        let mut reaches: HashMap<PathBuf, Vec<PathBuf>> = reaches
            .into_iter()
            .map(|(d, r)| (d.to_path_buf(), r))
            .collect();
        let dirs = dirs
            .into_iter()
            .map(|(dir, files)| {
                let slot = Slot {
                    files,
                    predicted_called: predicted_called.contains(&dir),
                    reach: reaches.remove(&dir).unwrap_or_default(),
                    state: Mutex::new(SlotState {
                        holds: holds.get(&dir).copied().unwrap_or(1),
                        ..SlotState::default()
                    }),
                };
                (dir, slot)
            })
            .collect();
        ModuleCache {
            sources,
            dirs,
            on_parsed,
        }
    }

    /// The directories, sorted.
    pub fn directories(&self) -> Vec<PathBuf> {
        let mut dirs: Vec<PathBuf> = self.dirs.keys().cloned().collect();
        dirs.sort();
        dirs
    }

    /// The module in `dir` for the directory's own task, with the diagnostics of parsing it
    /// (returned once).
    pub fn own(&self, dir: &Path) -> Option<(Arc<ModuleDef>, Vec<Diagnostic>)> {
        let slot = self.dirs.get(dir)?;
        let mut state = lock(&slot.state);
        let def = self.parsed(dir, slot, &mut state);
        (self.on_parsed)(slot.files.len());
        Some((def, state.diagnostics.take().unwrap_or_default()))
    }

    /// The module in `dir`, for evaluating it as a root module.
    pub fn get(&self, dir: &Path) -> Option<Arc<ModuleDef>> {
        let slot = self.dirs.get(dir)?;
        let mut state = lock(&slot.state);
        Some(self.parsed(dir, slot, &mut state))
    }

    /// Whether some other directory's text calls `dir`: then its own task does not evaluate it
    /// as a root module, which it most likely is not; should it be one all the same, it is
    /// evaluated once every call is known.
    pub fn predicted_called(&self, dir: &Path) -> bool {
        self.dirs.get(dir).is_some_and(|s| s.predicted_called)
    }

    /// The own task of `dir` is done (and, for a root module, its evaluation): `dir` and the
    /// directories it was predicted to reach have one user fewer; trees nobody else is
    /// waiting for are dropped.
    pub fn finished(&self, dir: &Path) {
        let Some(slot) = self.dirs.get(dir) else {
            return;
        };
        self.drop_hold(slot);
        for d in &slot.reach {
            if let Some(s) = self.dirs.get(d) {
                self.drop_hold(s);
            }
        }
    }

    /// A root module evaluated once every call was known is done: its trees are dropped
    /// unless a user is still expected.
    pub fn finished_late(&self, dir: &Path) {
        if let Some(slot) = self.dirs.get(dir) {
            let mut state = lock(&slot.state);
            if state.holds == 0 && !state.shared {
                state.def = None;
            }
        }
    }

    fn drop_hold(&self, slot: &Slot) {
        let mut state = lock(&slot.state);
        state.holds = state.holds.saturating_sub(1);
        if state.holds == 0 && !state.shared {
            state.def = None;
        }
    }

    fn parsed(&self, dir: &Path, slot: &Slot, state: &mut SlotState) -> Arc<ModuleDef> {
        if let Some(def) = &state.def {
            return def.clone();
        }
        let mut diagnostics = Vec::new();
        let mut files = Vec::with_capacity(slot.files.len());
        let paths: Vec<&Path> = slot
            .files
            .iter()
            .filter_map(|(id, _)| self.sources.get(*id).map(|s| s.path.as_path()))
            .collect();
        // OpenTofu reads `x.tofu` instead of `x.tf`: the replaced file is not parsed at all.
        let replaced = replaced_by_tofu(&paths);
        for &(id, kind) in &slot.files {
            let Some(src) = self.sources.get(id) else {
                continue;
            };
            if replaced.contains(src.path.as_path()) {
                continue;
            }
            match load::parse(id, kind, &src.text) {
                Parsed::Loaded(file, warnings) => {
                    diagnostics.extend(warnings);
                    files.push((file, src.path.as_path()));
                }
                Parsed::Failed(diags) => diagnostics.extend(diags),
                Parsed::Skipped => {}
            }
        }
        let def = Arc::new(ModuleDef::build(dir.to_path_buf(), files));
        if !state.parsed {
            state.parsed = true;
            state.diagnostics = Some(diagnostics);
        }
        state.def = Some(def.clone());
        def
    }
}

impl ModuleSource for ModuleCache<'_> {
    fn module(&self, dir: &Path) -> Option<Arc<ModuleDef>> {
        let slot = self.dirs.get(dir)?;
        let mut state = lock(&slot.state);
        if state.holds == 0 {
            // Not foreseen: the trees stay, as the prediction cannot tell when the last such
            // caller is done.
            state.shared = true;
        }
        Some(self.parsed(dir, slot, &mut state))
    }
}

/// A poisoned lock only means another thread panicked while parsing; the state it guards is
/// still consistent (at worst the directory is parsed again).
fn lock(m: &Mutex<SlotState>) -> MutexGuard<'_, SlotState> {
    m.lock().unwrap_or_else(|e| e.into_inner())
}

/// The local module calls each directory's configuration text names (see
/// [`predicted_calls`]), limited to directories of the scan other than the caller itself.
fn predicted_graph(
    sources: &SourceMap,
    dirs: &HashMap<PathBuf, Vec<(FileId, FileKind)>>,
) -> HashMap<PathBuf, Vec<PathBuf>> {
    dirs.iter()
        .map(|(dir, files)| {
            let mut callees = Vec::new();
            for &(id, kind) in files {
                if matches!(kind, FileKind::Config | FileKind::ConfigJson) {
                    if let Some(src) = sources.get(id) {
                        predicted_calls(dir, &src.text, &mut callees);
                    }
                }
            }
            callees.retain(|c| c != dir && dirs.contains_key(c));
            callees.sort();
            callees.dedup();
            (dir.clone(), callees)
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::source::SourceFile;

    /// A root `r` calling module `m`, and `m` itself.
    fn cache_of(sources: &SourceMap) -> ModuleCache<'_> {
        let mut dirs = HashMap::new();
        for (id, file) in sources.files() {
            let dir = file.path.parent().unwrap_or(Path::new("")).to_path_buf();
            dirs.insert(dir, vec![(id, FileKind::Config)]);
        }
        static NO_PROGRESS: fn(usize) = |_| {};
        ModuleCache::new(sources, dirs, &NO_PROGRESS)
    }

    fn sources() -> SourceMap {
        let mut sources = SourceMap::default();
        let root = "module \"m\" {\n  source = \"../m\"\n}\n";
        sources.add(SourceFile::new(
            "r/main.tf".into(),
            "r/main.tf".into(),
            root,
        ));
        let module = "resource \"aws_s3_bucket\" \"b\" {}\n";
        sources.add(SourceFile::new(
            "m/main.tf".into(),
            "m/main.tf".into(),
            module,
        ));
        sources
    }

    #[test]
    fn a_module_is_parsed_once_and_dropped_after_its_last_predicted_user() {
        let sources = sources();
        let cache = cache_of(&sources);
        let (r, m) = (Path::new("r"), Path::new("m"));
        assert!(cache.predicted_called(m));
        assert!(!cache.predicted_called(r));
        // The module's own task comes first: its trees wait for the root that calls it.
        let (own, _) = cache.own(m).unwrap();
        let weak = Arc::downgrade(&own);
        drop(own);
        cache.finished(m);
        let called = cache.module(m).unwrap();
        assert!(
            Arc::ptr_eq(&called, &weak.upgrade().unwrap()),
            "parsed again"
        );
        drop(called);
        let _ = cache.own(r).unwrap();
        cache.finished(r);
        assert!(weak.upgrade().is_none(), "kept after its last user");
    }

    #[test]
    fn an_unforeseen_caller_keeps_the_trees() {
        let sources = sources();
        let cache = cache_of(&sources);
        let r = Path::new("r");
        let _ = cache.own(r).unwrap();
        cache.finished(r);
        // Nobody predicted calls `r`: a caller now keeps its trees for the rest of the scan.
        let first = Arc::downgrade(&cache.module(r).unwrap());
        assert!(first.upgrade().is_some());
        cache.finished_late(r);
        assert!(first.upgrade().is_some());
    }
}
