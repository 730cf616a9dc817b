//! The module directories of one scan, parsed when first needed and shared between the root
//! modules that call them. A directory's syntax trees are dropped once its own evaluation is
//! done unless another root module uses it, so a scan holds the trees of the directories in
//! flight and of the shared modules, not of the whole repository.

use super::module_def::{ModuleDef, ModuleSource};
use super::module_files::replaced_by_tofu;
use crate::diag::Diagnostic;
use crate::load::{self, Parsed};
use crate::source::FileKind;
use crate::source::{FileId, SourceMap};
use std::collections::HashMap;
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
    state: Mutex<SlotState>,
}

#[derive(Default)]
struct SlotState {
    def: Option<Arc<ModuleDef>>,
    /// Parse diagnostics of the first parse, kept until the directory's own task takes them,
    /// so a directory parsed twice still reports each problem once.
    diagnostics: Option<Vec<Diagnostic>>,
    parsed: bool,
    /// Some root module's evaluation called this directory: keep its trees.
    shared: bool,
}

impl<'s> ModuleCache<'s> {
    /// `dirs` maps each directory holding at least one configuration file to its files.
    pub fn new(
        sources: &'s SourceMap,
        dirs: HashMap<PathBuf, Vec<(FileId, FileKind)>>,
        on_parsed: &'s (dyn Fn(usize) + Sync),
    ) -> Self {
        let dirs = dirs
            .into_iter()
            .map(|(dir, files)| {
                let slot = Slot {
                    files,
                    state: Mutex::new(SlotState::default()),
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

    /// Drops the trees of `dir` unless some root module calls it (then they stay for the next
    /// caller). Should a caller come later all the same, the directory is parsed again.
    pub fn release(&self, dir: &Path) {
        if let Some(slot) = self.dirs.get(dir) {
            let mut state = lock(&slot.state);
            if !state.shared {
                state.def = None;
            }
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
        state.shared = true;
        Some(self.parsed(dir, slot, &mut state))
    }
}

/// A poisoned lock only means another thread panicked while parsing; the state it guards is
/// still consistent (at worst the directory is parsed again).
fn lock(m: &Mutex<SlotState>) -> MutexGuard<'_, SlotState> {
    m.lock().unwrap_or_else(|e| e.into_inner())
}
