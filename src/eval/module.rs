//! Module instances: evaluate each module instance (root or called) of the directories `load`
//! gathered into resource instances. Locals, module calls and
//! data sources are evaluated on demand and memoised, so dependencies resolve in graph order
//! and a cycle is met, reported and broken instead of looping.

use super::EvalOptions;
use crate::diag::Diagnostic;
use crate::load::module_def::{ModuleDef, ModuleSource};
use crate::model::{Instance, SpanRecorder};
use crate::source::Span;
use crate::value::Value;
use foldhash::HashMap;
use std::cell::{Cell, RefCell};
use std::path::PathBuf;
use std::sync::Arc;

mod instance;
mod manifest;
mod references;
mod root_variables;
mod variables;
mod working_dir;

use root_variables::root_variables;
use working_dir::sandbox_for;

/// How deeply locals, data sources and module outputs may be built from one another.
const MAX_REFERENCE_DEPTH: usize = 128;

/// Evaluation steps one module instance costs besides its expressions, so fan-out through
/// modules that hold little spends the budget too.
const MODULE_INSTANCE_STEPS: u64 = 100;

/// State shared by every module instance of one root evaluation.
struct Ctx<'a> {
    root: Arc<str>,
    /// The root module's directory: where Terraform would run, so `path.root` and the base of
    /// `path.module` and of relative file paths.
    working_dir: PathBuf,
    /// Canonical directory `file()` may read below: the sandbox root of the scan path holding
    /// this root module.
    sandbox: Option<PathBuf>,
    /// Module and resource instances created so far, against `Limits::instances`.
    instance_count: Cell<usize>,
    /// Whether the instance bound or the budget has cut evaluation (reported once per root).
    cut: Cell<bool>,
    /// Module directories by call path from `.terraform/modules/modules.json`, read once.
    manifest: std::cell::OnceCell<HashMap<String, String>>,
    /// Contents of the files read so far, so messages never quote them.
    file_texts: RefCell<Vec<Arc<str>>>,
    /// Locals, data sources and module calls being evaluated inside one another.
    ref_depth: Cell<usize>,
    modules: &'a dyn ModuleSource,
    opts: &'a EvalOptions,
    diags: RefCell<Vec<Diagnostic>>,
    steps: Cell<u64>,
    instances: RefCell<Vec<Instance>>,
    /// Buffers for recording attribute spans, reused from instance to instance. Taken while
    /// in use: an instance evaluated meanwhile (through a module output) gets fresh ones.
    span_buffers: Cell<SpanRecorder>,
}

enum Slot {
    InProgress,
    Done(Value),
}

struct ModInst<'a> {
    ctx: &'a Ctx<'a>,
    def: Arc<ModuleDef>,
    /// Module address (`""` for the root, `module.a["x"].module.b`).
    addr: String,
    via: Vec<(String, Span)>,
    vars: HashMap<Arc<str>, Value>,
    /// Directories of the calls that led here, to catch a module that calls itself.
    stack: Vec<PathBuf>,
    locals: RefCell<HashMap<Arc<str>, Slot>>,
    calls: RefCell<HashMap<Arc<str>, Slot>>,
    data: RefCell<HashMap<(Arc<str>, Arc<str>), Slot>>,
}

/// Evaluates `def` as a root module, and every module it calls.
pub fn evaluate_root(
    def: &Arc<ModuleDef>,
    modules: &dyn ModuleSource,
    opts: &EvalOptions,
) -> (Vec<Instance>, Vec<Diagnostic>) {
    let ctx = Ctx {
        root: Arc::from(crate::source::display_file_path(&def.dir).as_str()),
        working_dir: if def.dir.as_os_str().is_empty() {
            PathBuf::from(".")
        } else {
            def.dir.clone()
        },
        sandbox: sandbox_for(&def.dir, &opts.sandbox_roots),
        file_texts: RefCell::new(Vec::new()),
        manifest: std::cell::OnceCell::new(),
        instance_count: Cell::new(0),
        cut: Cell::new(false),
        ref_depth: Cell::new(0),
        modules,
        opts,
        diags: RefCell::new(Vec::new()),
        steps: Cell::new(0),
        instances: RefCell::new(Vec::new()),
        span_buffers: Cell::new(SpanRecorder::default()),
    };
    let vars = root_variables(def, opts, &|d| ctx.diags.borrow_mut().push(d));
    let root = ModInst::new(
        &ctx,
        def.clone(),
        String::new(),
        Vec::new(),
        vars,
        vec![def.dir.clone()],
    );
    root.evaluate_all();
    drop(root);
    let mut diags = ctx.diags.into_inner();
    diags.extend(def.duplicates.iter().cloned());
    (ctx.instances.into_inner(), diags)
}
