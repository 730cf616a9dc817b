//! One scan, end to end: discover → load → evaluate → check (classifying each finding's resource
//! type as it is made) → suppress, with results sorted so output is identical whatever the
//! thread scheduling. Reports render the returned [`ScanResult`].

pub mod repository;

use crate::check::{Checker, Evaluation, Undecided};
use crate::classify::Catalog;
pub use crate::diag::ConfigError;
use crate::diag::Diagnostic;
use crate::discover::{self, DiscoverOptions, Discovered};
use crate::eval::{self, CliVar, EvalOptions, Limits};
use crate::finding::Finding;
use crate::load::module_cache::ModuleCache;
use crate::load::{self, Content, Parsed, Read, VarAssignment};
use crate::model::{Instance, Resource};
pub use crate::result::{sort_diagnostics, ScanResult};
use crate::rules::RuleSet;
use crate::source::{display_file_path, FileKind};
use crate::source::{FileId, SourceMap};
use rayon::prelude::*;
use std::collections::{BTreeMap, HashMap, HashSet};
use std::path::{Path, PathBuf};
use std::sync::{Arc, Mutex};

#[derive(Debug, Clone, Default)]
pub struct ScanOptions {
    pub paths: Vec<PathBuf>,
    pub exclude: Vec<String>,
    pub follow_symlinks: bool,
    pub var_files: Vec<PathBuf>,
    pub vars: Vec<CliVar>,
    /// Read `TF_VAR_name` variables from the environment.
    pub env_vars: Vec<(String, String)>,
    pub rule_dirs: Vec<PathBuf>,
    /// Run only the rules of `rule_dirs`, not the built-in ones.
    pub no_builtin_rules: bool,
    pub limits: Limits,
    /// Directories holding the Terraform source of the plans scanned (`--source`): plan
    /// findings point at the resource blocks there.
    pub source_dirs: Vec<PathBuf>,
    /// Which rules run (applied to the rule set before the scan) and severity overrides.
    pub select: crate::rules::RuleSelection,
    /// Ignore comments and baseline (applied to the findings after the check).
    pub suppress: crate::suppress::SuppressOptions,
    /// Keep every instance's evaluated values and attribute spans in the result (for library
    /// callers that inspect them). Reports do not need them, so by default they are dropped
    /// as soon as an instance is checked: they are most of a large scan's memory.
    pub keep_values: bool,
    /// Show progress on stderr for scans of more than [`PROGRESS_MIN_FILES`] files. The
    /// caller decides whether stderr is a terminal that wants it.
    pub progress: bool,
    /// Skip the exposure-path search (`paths`): single-resource findings only.
    pub no_paths: bool,
    /// Text of files as an editor holds them, unsaved (path as discovered → text): read
    /// instead of the file on disk.
    pub overlay: Arc<load::Overlay>,
    /// When not empty, only these directories are evaluated as root modules; the others are
    /// still read, as modules they may call. An editor re-checks one root after an edit.
    pub only_roots: Vec<PathBuf>,
}

/// Scans smaller than this finish too fast for a progress display to help.
pub const PROGRESS_MIN_FILES: usize = 2_000;

/// The rules of a scan: the built-in set plus user directories.
pub fn load_rules(dirs: &[PathBuf], builtin: bool) -> Result<RuleSet, ConfigError> {
    let mut rules = if builtin {
        RuleSet::builtin().map_err(ConfigError)?
    } else {
        RuleSet::default()
    };
    for d in dirs {
        rules.load_dir(d).map_err(ConfigError)?;
    }
    Ok(rules)
}

/// The service catalogue: the built-in one, extended by `catalog/*.tsv` files of rule
/// directories.
pub fn load_catalog(dirs: &[PathBuf]) -> Result<Arc<Catalog>, ConfigError> {
    static BUILTIN: std::sync::OnceLock<Arc<Catalog>> = std::sync::OnceLock::new();
    let builtin = BUILTIN.get_or_init(|| Arc::new(Catalog::builtin().clone()));
    let mut extra: Vec<PathBuf> = Vec::new();
    for d in dirs {
        if let Ok(entries) = std::fs::read_dir(d.join("catalog")) {
            extra.extend(
                entries
                    .flatten()
                    .map(|e| e.path())
                    .filter(|p| p.extension().is_some_and(|x| x == "tsv")),
            );
        }
    }
    if extra.is_empty() {
        return Ok(builtin.clone());
    }
    extra.sort();
    let mut catalog = Catalog::clone(builtin);
    let mut errors = Vec::new();
    for p in extra {
        let origin = display_file_path(&p);
        match std::fs::read_to_string(&p) {
            Ok(text) => {
                if let Err(e) = catalog.extend_from_tsv(&text, &origin) {
                    errors.push(e);
                }
            }
            Err(e) => errors.push(format!("{origin}: {e}")),
        }
    }
    if errors.is_empty() {
        Ok(Arc::new(catalog))
    } else {
        Err(ConfigError(errors))
    }
}

pub fn scan(opts: &ScanOptions) -> Result<ScanResult, ConfigError> {
    in_scan_pool(|| scan_in_pool(opts, None))
}

/// Stack of the scan's worker threads: evaluation recurses through nested expressions and
/// references (both bounded), which needs more than the 2 MiB a thread gets by default.
const WORKER_STACK: usize = 64 * 1024 * 1024;

pub fn scan_with_rules(opts: &ScanOptions, rules: RuleSet) -> Result<ScanResult, ConfigError> {
    in_scan_pool(|| scan_in_pool(opts, Some(rules)))
}

fn in_scan_pool<T: Send>(run: impl FnOnce() -> T + Send) -> T {
    match rayon::ThreadPoolBuilder::new()
        .stack_size(WORKER_STACK)
        .build()
    {
        Ok(pool) => pool.install(run),
        Err(_) => run(),
    }
}

/// Runs the scan; the rule set, when not given, is loaded while the files are found and read.
fn scan_in_pool(opts: &ScanOptions, rules: Option<RuleSet>) -> Result<ScanResult, ConfigError> {
    let paths = if opts.paths.is_empty() {
        vec![PathBuf::from(".")]
    } else {
        opts.paths.clone()
    };
    let (rules, found) = rayon::join(
        || match rules {
            Some(rules) => Ok(rules),
            None => load_rules(&opts.rule_dirs, !opts.no_builtin_rules),
        },
        || find_and_read(opts, &paths),
    );
    let mut rules = rules?;
    // Path rules: the built-in ones and those of the rule directories. The selection applies
    // to them as to the others; `--no-paths` drops them after it, so naming one stays valid.
    let mut path_rules = crate::paths::rules::load(&opts.rule_dirs, !opts.no_builtin_rules, &rules)
        .map_err(ConfigError)?;
    opts.select.apply(&mut rules, &mut path_rules)?;
    if opts.no_paths {
        path_rules.clear();
    }
    let Found {
        files,
        mut diagnostics,
        mut sources,
        reads,
        beside_plans,
    } = found?;
    // Before any check: fingerprints are made of these paths.
    let repository_root = set_repository_paths(&mut sources, &paths);
    let progress = (opts.progress && files.len() > PROGRESS_MIN_FILES).then(|| {
        let bar = indicatif::ProgressBar::with_draw_target(
            Some(files.len() as u64),
            indicatif::ProgressDrawTarget::stderr(),
        );
        if let Ok(style) = indicatif::ProgressStyle::with_template(
            "{spinner} {msg:10} [{bar:30}] {pos}/{len} files ({elapsed}, eta {eta})",
        ) {
            bar.set_style(style.progress_chars("=> "));
        }
        bar.set_message("scanning");
        bar
    });
    let stage = |msg: &'static str| {
        if let Some(bar) = &progress {
            bar.set_message(msg);
            bar.tick();
        }
    };
    let parsed_files = |n: usize| {
        if let Some(bar) = &progress {
            bar.inc(n as u64);
        }
    };
    // Configuration and plan files read (or attempted: a file that failed is reported): zero
    // means the selection left nothing to scan, which the caller must be able to tell from a
    // clean scan.
    let inputs_read = reads
        .iter()
        .filter(|r| {
            matches!(
                r,
                Read::Failed(_)
                    | Read::Text(FileKind::Config | FileKind::ConfigJson | FileKind::MaybePlan)
            )
        })
        .count();
    let mut inputs = sort_inputs(reads, &sources, opts, &mut diagnostics);
    let beside = BesidePlans::new(&inputs, &sources, &beside_plans);
    inputs
        .auto_vars
        .retain(|(dir, _)| !beside.module_only.contains(dir));
    let sandbox_roots = sandbox_roots(&paths);
    let eval_opts = EvalOptions {
        vars: opts.vars.clone(),
        var_files: inputs.var_files,
        env_vars: opts.env_vars.clone(),
        sandbox_roots,
        limits: opts.limits,
    };
    parsed_files(inputs.parsed_alone);
    let catalog = load_catalog(&opts.rule_dirs)?;
    let classify = |t: &str| {
        let c = catalog.classify(t);
        (c.service.clone(), c.model)
    };
    let plan_roots: HashSet<String> = inputs
        .plans
        .iter()
        .filter_map(|(id, _)| sources.get(*id))
        .map(|src| display_file_path(src.path.parent().unwrap_or(Path::new(""))))
        .chain(opts.source_dirs.iter().map(|d| display_file_path(d)))
        .collect();
    let ignorable = crate::suppress::files_with_ignores(&sources);
    let only_roots: HashSet<PathBuf> = opts
        .only_roots
        .iter()
        .map(|d| crate::source::normalize(d))
        .collect();
    let cache = ModuleCache::new(&sources, inputs.module_dirs, &parsed_files);
    let checker = Checker::new(&rules, &ignorable);
    let run = RootRun {
        path_rules: &path_rules,
        cache: &cache,
        eval_opts: &eval_opts,
        checker: &checker,
        sources: &sources,
        classify: &classify,
        plan_roots: &plan_roots,
        keep_values: opts.keep_values,
        only_roots: &only_roots,
        module_only: &beside.module_only,
    };
    // Every directory is parsed by its own task, which also evaluates it as a root module
    // unless some finished task already calls it. Which directories are roots is known only
    // once all are parsed; results of directories that turn out to be called are dropped.
    let called: Mutex<HashSet<PathBuf>> = Mutex::new(HashSet::new());
    let dirs = cache.directories();
    let mut done: Vec<DirOutcome> = dirs
        .par_iter()
        .map(|dir| run.directory(dir, &called))
        .collect();
    stage("finishing");
    let calls: BTreeMap<PathBuf, Vec<PathBuf>> = done
        .iter_mut()
        .map(|d| (d.dir.clone(), std::mem::take(&mut d.calls)))
        .collect();
    let mut roots = crate::load::module_graph::root_directories(&calls);
    if !only_roots.is_empty() {
        roots.retain(|r| only_roots.contains(r));
    }
    roots.retain(|r| !beside.module_only.contains(r));
    let called_dirs: HashSet<&PathBuf> = calls.values().flatten().collect();
    let root_set: HashSet<&PathBuf> = roots.iter().collect();
    // Roots in a cycle of modules are called by someone, so their tasks skipped them.
    let missing: Vec<usize> = done
        .iter()
        .enumerate()
        .filter(|(_, d)| d.root.is_none() && root_set.contains(&d.dir))
        .map(|(i, _)| i)
        .collect();
    let late: Vec<(usize, RootOutcome)> = missing
        .par_iter()
        .filter_map(|&i| run.root(&done[i].dir).map(|r| (i, r)))
        .collect();
    for (i, r) in late {
        done[i].root = Some(r);
    }
    diagnostics.extend(eval::unread_tfvars_notes(
        &inputs.auto_vars,
        &roots,
        &sources,
    ));

    let mut checked = Vec::new();
    let mut pending = Vec::new();
    for d in done {
        // A directory read only as a module a plan's source may call reports its problems
        // only when something calls it.
        if !beside.module_only.contains(&d.dir) || called_dirs.contains(&d.dir) {
            diagnostics.extend(d.parse_diagnostics);
        }
        let Some(root) = d.root.filter(|_| root_set.contains(&d.dir)) else {
            continue;
        };
        diagnostics.extend(root.diagnostics);
        match root.checked {
            Checked::Done(out) => checked.push(out),
            Checked::Pending(list) => pending.extend(list),
        }
    }
    if !inputs.plans.is_empty() || !pending.is_empty() {
        let plan = crate::plan::instances(&inputs.plans, &sources, &pending, &opts.source_dirs);
        // A plan stands for the source it was made from: that source is not checked twice.
        pending.retain(|i| !plan.replaced_roots.contains(&i.root));
        // Source beside a plan named alone only points the plan's findings at it: when the
        // plan does not stand for it, it is not checked on its own either.
        pending.retain(|i| !beside.plan_roots.contains(&*i.root));
        pending.extend(plan.instances);
        diagnostics.extend(plan.diagnostics);
        checked.push(run.check(pending));
    }
    let (resources, instances, mut findings, evaluations, mut undecided) =
        RootChecked::concat(checked);
    if let Some(bar) = progress {
        bar.finish_and_clear();
    }
    sort_findings(&mut findings, &sources);
    sort_diagnostics(&mut diagnostics, &sources);
    undecided.sort_by(|a, b| {
        let path = |u: &Undecided| sources.get(u.primary.file).map(|f| f.path.clone());
        (path(a), a.primary.start, &a.rule_id, &a.address).cmp(&(
            path(b),
            b.primary.start,
            &b.rule_id,
            &b.address,
        ))
    });
    let module_calls = calls;
    let bytes = sources.files().map(|(_, f)| f.text.len() as u64).sum();
    let mut result = ScanResult {
        sources,
        resources,
        instances,
        findings,
        diagnostics,
        rules,
        path_rules,
        catalog,
        evaluations,
        undecided,
        bytes,
        inputs_read,
        ignores_without_reason: 0,
        module_calls,
        repository_root,
    };
    // Suppression stage: severity overrides, ignore comments, baseline.
    crate::suppress::apply(&mut result, &opts.suppress, &opts.select, &ignorable)?;
    Ok(result)
}

/// The files of a scan sorted by what they feed: module directories, plans, explicit and
/// orphan variables files (the last three parsed right away: they are few).
struct Inputs {
    module_dirs: HashMap<PathBuf, Vec<(FileId, FileKind)>>,
    plans: Vec<(FileId, Arc<crate::load::json::Document>)>,
    var_files: Vec<Arc<[VarAssignment]>>,
    /// Auto-loaded variables files by directory, for the note about unread ones.
    auto_vars: Vec<(PathBuf, FileId)>,
    /// Files parsed here rather than with a module directory.
    parsed_alone: usize,
}

/// The files of a scan, read.
struct Found {
    files: Vec<Discovered>,
    diagnostics: Vec<Diagnostic>,
    sources: SourceMap,
    reads: Vec<Read>,
    /// Source files read only because they are beside a plan named alone (see
    /// [`add_plan_sources`]), by path.
    beside_plans: HashSet<PathBuf>,
}

/// The repository root of the first scan path (the one `.onus.hcl` is found from), absolute;
/// each file's path relative to it is set in `sources`. `None` when the current directory is
/// unknown: files are then identified by their display paths.
fn set_repository_paths(sources: &mut SourceMap, paths: &[PathBuf]) -> Option<PathBuf> {
    let cwd = std::env::current_dir().ok()?;
    let root = repository::repository_root(paths.first()?, &cwd);
    sources.set_repository_paths(|f| repository::relative_to(&root, &f.path, &cwd));
    Some(root)
}

/// The directories `file()` may read below, one per scan path, canonical: the repository
/// root above the path (the nearest directory holding `.git` or `.onus.hcl`), or else the
/// path itself (a file's directory). Never the current directory: which files a scan reads
/// does not depend on where it runs.
fn sandbox_roots(paths: &[PathBuf]) -> Vec<PathBuf> {
    let mut roots: Vec<PathBuf> = paths
        .iter()
        .filter_map(|p| {
            let dir = if p.is_dir() {
                p.clone()
            } else {
                match p.parent() {
                    Some(d) if !d.as_os_str().is_empty() => d.to_path_buf(),
                    _ => PathBuf::from("."),
                }
            };
            let dir = dir.canonicalize().ok()?;
            let repository = dir.ancestors().find(|a| repository::is_repository_root(a));
            Some(repository.unwrap_or(&dir).to_path_buf())
        })
        .collect();
    roots.sort();
    roots.dedup();
    roots
}

/// Finds the files below the scan's paths, adds `--var-file`s and source directories, and
/// reads them all.
fn find_and_read(opts: &ScanOptions, paths: &[PathBuf]) -> Result<Found, ConfigError> {
    let (mut files, mut diagnostics) = discover::discover(
        paths,
        &DiscoverOptions {
            exclude: opts.exclude.clone(),
            follow_symlinks: opts.follow_symlinks,
        },
    );
    for vf in &opts.var_files {
        if !vf.is_file() {
            return Err(ConfigError(vec![format!(
                "--var-file {}: no such file",
                vf.display()
            )]));
        }
        let kind = if vf.to_string_lossy().ends_with(".json") {
            FileKind::VarsJson
        } else {
            FileKind::Vars
        };
        files.retain(|f| f.path != *vf);
        files.push(Discovered {
            path: vf.clone(),
            display: display_file_path(vf),
            kind,
            explicit: true,
        });
    }
    add_source_dirs(opts, &mut files, &mut diagnostics);
    let beside_plans = add_plan_sources(opts, paths, &mut files, &mut diagnostics);
    let (sources, reads) = load::read_all_with(&files, &opts.overlay);
    Ok(Found {
        files,
        diagnostics,
        sources,
        reads,
        beside_plans,
    })
}

fn sort_inputs(
    reads: Vec<Read>,
    sources: &SourceMap,
    opts: &ScanOptions,
    diagnostics: &mut Vec<Diagnostic>,
) -> Inputs {
    let dir_of = |id: FileId| {
        let path = sources
            .get(id)
            .map(|s| s.path.as_path())
            .unwrap_or(Path::new(""));
        crate::source::normalize(path.parent().unwrap_or(Path::new("")))
    };
    let mut module_dirs: HashMap<PathBuf, Vec<(FileId, FileKind)>> = HashMap::new();
    let mut alone: Vec<(FileId, FileKind)> = Vec::new();
    let mut vars: Vec<(FileId, FileKind)> = Vec::new();
    for (i, read) in reads.into_iter().enumerate() {
        let id = FileId::from_index(i);
        match read {
            Read::Text(kind @ (FileKind::Config | FileKind::ConfigJson)) => {
                module_dirs.entry(dir_of(id)).or_default().push((id, kind));
            }
            Read::Text(kind @ (FileKind::Vars | FileKind::VarsJson)) => vars.push((id, kind)),
            Read::Text(kind) => alone.push((id, kind)),
            Read::Failed(d) => diagnostics.extend(d),
            Read::Skipped => {}
        }
    }
    // `--var-file` files, in the order Terraform applies them.
    let explicit: Vec<FileId> = opts
        .var_files
        .iter()
        .filter_map(|vf| sources.find_path(vf))
        .collect();
    let mut auto_vars = Vec::new();
    for (id, kind) in vars {
        let dir = dir_of(id);
        let path = sources
            .get(id)
            .map(|s| s.path.as_path())
            .unwrap_or(Path::new(""));
        match module_dirs.get_mut(&dir) {
            Some(list) => {
                if crate::load::module_files::is_auto_loaded(path) {
                    auto_vars.push((dir, id));
                }
                list.push((id, kind));
                if explicit.contains(&id) {
                    // Parsed again on its own: its assignments apply to every root.
                    alone.push((id, kind));
                }
            }
            None => alone.push((id, kind)),
        }
    }
    for list in module_dirs.values_mut() {
        list.sort();
    }
    alone.sort();
    let parsed: Vec<Parsed> = alone
        .par_iter()
        .map(|&(id, kind)| {
            let text = sources.get(id).map(|s| s.text.as_str()).unwrap_or("");
            load::parse(id, kind, text)
        })
        .collect();
    let mut inputs = Inputs {
        module_dirs,
        plans: Vec::new(),
        var_files: Vec::new(),
        auto_vars,
        parsed_alone: alone.len(),
    };
    let mut by_id: HashMap<FileId, Arc<[VarAssignment]>> = HashMap::new();
    for ((id, kind), p) in alone.iter().zip(parsed) {
        // A variables file of a module directory reports its problems with the directory;
        // here it is only read for its values.
        let report = !(matches!(kind, FileKind::Vars | FileKind::VarsJson)
            && inputs.module_dirs.contains_key(&dir_of(*id)));
        match p {
            Parsed::Loaded(f, warnings) => {
                if report {
                    diagnostics.extend(warnings);
                }
                match f.content {
                    Content::Plan(json) => inputs.plans.push((*id, json)),
                    Content::Vars(v) => {
                        by_id.insert(*id, Arc::from(v));
                    }
                    _ => {}
                }
            }
            Parsed::Failed(d) if report => diagnostics.extend(d),
            Parsed::Failed(_) | Parsed::Skipped => {}
        }
    }
    inputs.var_files = explicit
        .iter()
        .filter_map(|id| by_id.get(id).cloned())
        .collect();
    inputs
}

/// What one directory's task found.
struct DirOutcome {
    dir: PathBuf,
    /// Local directories it calls.
    calls: Vec<PathBuf>,
    parse_diagnostics: Vec<Diagnostic>,
    /// Its evaluation as a root module, unless it was known to be called.
    root: Option<RootOutcome>,
}

struct RootOutcome {
    diagnostics: Vec<Diagnostic>,
    checked: Checked,
}

enum Checked {
    Done(RootChecked),
    /// Instances of a directory a plan may stand for: checked after the plans are read.
    Pending(Vec<Instance>),
}

/// One root module checked: its resources (and instances, when their values are kept),
/// findings and evaluations (indexing `resources`).
struct RootChecked {
    resources: Vec<Resource>,
    instances: Vec<Instance>,
    findings: Vec<Box<Finding>>,
    evaluations: Vec<Evaluation>,
    undecided: Vec<Undecided>,
}

impl RootChecked {
    /// Joins the roots' results in order, each vector allocated once at its final size.
    fn concat(
        parts: Vec<RootChecked>,
    ) -> (
        Vec<Resource>,
        Vec<Instance>,
        Vec<Box<Finding>>,
        Vec<Evaluation>,
        Vec<Undecided>,
    ) {
        let total = |f: fn(&RootChecked) -> usize| parts.iter().map(f).sum::<usize>();
        let mut resources = Vec::with_capacity(total(|p| p.resources.len()));
        let mut instances = Vec::with_capacity(total(|p| p.instances.len()));
        let mut findings = Vec::with_capacity(total(|p| p.findings.len()));
        let mut evaluations = Vec::with_capacity(total(|p| p.evaluations.len()));
        let mut undecided = Vec::with_capacity(total(|p| p.undecided.len()));
        for p in parts {
            undecided.extend(p.undecided);
            let offset = u32::try_from(resources.len()).unwrap_or(u32::MAX);
            resources.extend(p.resources);
            instances.extend(p.instances);
            findings.extend(p.findings);
            evaluations.extend(p.evaluations.into_iter().map(|mut e| {
                e.instance = e.instance.saturating_add(offset);
                e
            }));
        }
        (resources, instances, findings, evaluations, undecided)
    }
}

/// What every directory task shares.
struct RootRun<'r> {
    cache: &'r ModuleCache<'r>,
    eval_opts: &'r EvalOptions,
    checker: &'r Checker<'r>,
    sources: &'r SourceMap,
    classify: &'r (dyn Fn(&str) -> (Arc<str>, crate::taxonomy::ServiceModel) + Sync),
    /// Display paths of the directories plans may stand for.
    plan_roots: &'r HashSet<String>,
    keep_values: bool,
    /// The exposure-path rules searched in every root after its check.
    path_rules: &'r [crate::paths::PathRule],
    /// [`ScanOptions::only_roots`], normalised.
    only_roots: &'r HashSet<PathBuf>,
    /// Directories read only as modules (see [`BesidePlans`]): never evaluated as roots.
    module_only: &'r HashSet<PathBuf>,
}

impl RootRun<'_> {
    fn directory(&self, dir: &Path, called: &Mutex<HashSet<PathBuf>>) -> DirOutcome {
        let Some((def, parse_diagnostics)) = self.cache.own(dir) else {
            return DirOutcome {
                dir: dir.to_path_buf(),
                calls: Vec::new(),
                parse_diagnostics: Vec::new(),
                root: None,
            };
        };
        let calls = def.local_calls();
        let known_called = {
            let mut set = called.lock().unwrap_or_else(|e| e.into_inner());
            set.extend(calls.iter().cloned());
            set.contains(dir)
        };
        drop(def);
        let wanted = (self.only_roots.is_empty() || self.only_roots.contains(dir))
            && !self.module_only.contains(dir);
        let root = (wanted && !known_called && !crate::source::in_dot_terraform(dir))
            .then(|| self.root(dir))
            .flatten();
        self.cache.release(dir);
        DirOutcome {
            dir: dir.to_path_buf(),
            calls,
            parse_diagnostics,
            root,
        }
    }

    /// Checks instances and keeps of them only what reports need: the values and attribute
    /// spans (most of an instance's memory) are dropped.
    fn check(&self, instances: Vec<Instance>) -> RootChecked {
        let mut out = self.checker.check(&instances, self.sources, self.classify);
        let paths = crate::paths::find(&instances, self.path_rules, self.sources, self.classify);
        out.findings.extend(paths.findings);
        out.undecided.extend(paths.undecided);
        let mut findings = out.findings;
        findings.shrink_to_fit();
        let (resources, instances) = if self.keep_values {
            (instances.iter().map(Resource::of).collect(), instances)
        } else {
            // Not `collect()`: it would reuse the instances' allocation, six times larger.
            let mut resources = Vec::with_capacity(instances.len());
            resources.extend(instances.into_iter().map(Resource::from_instance));
            (resources, Vec::new())
        };
        RootChecked {
            resources,
            instances,
            findings,
            evaluations: out.evaluations,
            undecided: out.undecided,
        }
    }

    /// Evaluates and checks `dir` as a root module.
    fn root(&self, dir: &Path) -> Option<RootOutcome> {
        let def = self.cache.get(dir)?;
        let (instances, diagnostics) = eval::evaluate_root(&def, self.cache, self.eval_opts);
        drop(def);
        let checked = if self.plan_roots.contains(&display_file_path(dir)) {
            Checked::Pending(instances)
        } else {
            Checked::Done(self.check(instances))
        };
        Some(RootOutcome {
            diagnostics,
            checked,
        })
    }
}

/// Terraform source files of `--source` directories (not plans or other JSON found there),
/// unless already discovered.
fn add_source_dirs(
    opts: &ScanOptions,
    files: &mut Vec<Discovered>,
    diagnostics: &mut Vec<Diagnostic>,
) {
    if opts.source_dirs.is_empty() {
        return;
    }
    let (found, diags) = discover::discover(
        &opts.source_dirs,
        &DiscoverOptions {
            exclude: opts.exclude.clone(),
            follow_symlinks: opts.follow_symlinks,
        },
    );
    diagnostics.extend(diags);
    let mut known: std::collections::HashSet<String> =
        files.iter().map(|f| f.display.clone()).collect();
    for f in found {
        let source = matches!(
            f.kind,
            FileKind::Config | FileKind::ConfigJson | FileKind::Vars | FileKind::VarsJson
        );
        if source && known.insert(f.display.clone()) {
            files.push(f);
        }
    }
}

/// A plan named alone on the command line (`onus scan plan.json`, no `--source`) uses the
/// Terraform source beside it, as a scan of its directory would: the source files of the
/// plan's directory and the directories below it (its local modules) are read, unless some
/// scan path found them already. Returns the files added.
fn add_plan_sources(
    opts: &ScanOptions,
    paths: &[PathBuf],
    files: &mut Vec<Discovered>,
    diagnostics: &mut Vec<Diagnostic>,
) -> HashSet<PathBuf> {
    let mut added = HashSet::new();
    if !opts.source_dirs.is_empty() {
        return added;
    }
    let mut dirs: Vec<PathBuf> = paths
        .iter()
        .filter(|p| p.is_file() && FileKind::of(p) == Some(FileKind::MaybePlan))
        .map(|p| match p.parent() {
            Some(d) if !d.as_os_str().is_empty() => d.to_path_buf(),
            _ => PathBuf::from("."),
        })
        .collect();
    dirs.sort();
    dirs.dedup();
    if dirs.is_empty() {
        return added;
    }
    let (found, diags) = discover::discover(
        &dirs,
        &DiscoverOptions {
            exclude: opts.exclude.clone(),
            follow_symlinks: opts.follow_symlinks,
        },
    );
    diagnostics.extend(diags);
    let mut known: HashSet<String> = files.iter().map(|f| f.display.clone()).collect();
    for f in found {
        let source = matches!(
            f.kind,
            FileKind::Config | FileKind::ConfigJson | FileKind::Vars | FileKind::VarsJson
        );
        if source && known.insert(f.display.clone()) {
            added.insert(f.path.clone());
            files.push(f);
        }
    }
    added
}

/// What the source read beside plans named alone ([`add_plan_sources`]) is for. Only a
/// directory holding one of those plans is evaluated as a root, to point the plan's findings
/// at its blocks; the directories below it are modules it may call, never roots of their own.
struct BesidePlans {
    /// Directories (normalised) all of whose files were read only beside a plan, but for
    /// the plans' own directories.
    module_only: HashSet<PathBuf>,
    /// Display paths of plans' directories all of whose files were read only beside a plan:
    /// their instances are used to locate the plan's, never checked themselves.
    plan_roots: HashSet<String>,
}

impl BesidePlans {
    fn new(inputs: &Inputs, sources: &SourceMap, beside: &HashSet<PathBuf>) -> Self {
        let mut out = BesidePlans {
            module_only: HashSet::new(),
            plan_roots: HashSet::new(),
        };
        if beside.is_empty() {
            return out;
        }
        let plan_dirs: HashSet<PathBuf> = inputs
            .plans
            .iter()
            .filter_map(|(id, _)| sources.get(*id))
            .map(|src| crate::source::normalize(src.path.parent().unwrap_or(Path::new(""))))
            .collect();
        for (dir, list) in &inputs.module_dirs {
            let only_beside = list.iter().all(|(id, _)| {
                sources
                    .get(*id)
                    .is_some_and(|src| beside.contains(&src.path))
            });
            if !only_beside {
                continue;
            }
            if plan_dirs.contains(dir) {
                out.plan_roots.insert(display_file_path(dir));
            } else {
                out.module_only.insert(dir.clone());
            }
        }
        out
    }
}

/// File, line, column, rule, address: the order of every report.
pub fn sort_findings(findings: &mut [Box<Finding>], sources: &SourceMap) {
    // Files ranked by display path once, so comparing findings allocates nothing.
    let mut by_display: Vec<(&str, FileId)> = sources
        .files()
        .map(|(id, f)| (f.display.as_str(), id))
        .collect();
    by_display.sort();
    let mut rank = vec![0u32; by_display.len()];
    let mut next = 0u32;
    for (i, (display, id)) in by_display.iter().enumerate() {
        if i > 0 && by_display[i - 1].0 != *display {
            next += 1;
        }
        rank[id.0 as usize] = next;
    }
    let rank_of = |f: &Finding| {
        rank.get(f.primary.file.0 as usize)
            .copied()
            .unwrap_or(u32::MAX)
    };
    findings.par_sort_by(|a, b| {
        (
            rank_of(a),
            a.primary.start,
            &a.rule_id,
            &a.address,
            &a.fingerprint,
        )
            .cmp(&(
                rank_of(b),
                b.primary.start,
                &b.rule_id,
                &b.address,
                &b.fingerprint,
            ))
    });
}
