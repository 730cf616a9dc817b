//! One scan, end to end: discover → load → evaluate → classify → check, with results sorted so
//! output is identical whatever the thread scheduling. Suppression and reporting run on the
//! returned [`ScanResult`].

use crate::check::{self, Evaluation};
use crate::classify::Catalog;
use crate::diag::{Diagnostic, Level};
use crate::discover::{self, DiscoverOptions, Discovered, FileKind};
use crate::eval::{self, CliVar, EvalOptions, Limits};
use crate::finding::Finding;
use crate::load::{self};
use crate::model::Configuration;
use crate::rules::RuleSet;
use crate::source::SourceMap;
use std::path::PathBuf;
use std::sync::Arc;

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
    pub limits: Limits,
    /// Directories holding the Terraform source of the plans scanned (`--source`): plan
    /// findings point at the resource blocks there.
    pub source_dirs: Vec<PathBuf>,
    /// Which rules run (applied to the rule set before the scan) and severity overrides.
    pub select: crate::suppress::RuleSelection,
    /// Ignore comments and baseline (applied to the findings after the check).
    pub suppress: crate::suppress::SuppressOptions,
    /// Show progress on stderr for scans of more than [`PROGRESS_MIN_FILES`] files. The
    /// caller decides whether stderr is a terminal that wants it.
    pub progress: bool,
}

/// Scans smaller than this finish too fast for a progress display to help.
pub const PROGRESS_MIN_FILES: usize = 2_000;

pub struct ScanResult {
    pub sources: SourceMap,
    pub config: Configuration,
    pub findings: Vec<Finding>,
    pub diagnostics: Vec<Diagnostic>,
    pub rules: RuleSet,
    pub catalog: Arc<Catalog>,
    pub evaluations: Vec<Evaluation>,
    /// Bytes of Terraform read.
    pub bytes: u64,
}

impl ScanResult {
    /// Whether some input could not be read or parsed: the scan is incomplete.
    pub fn has_errors(&self) -> bool {
        self.diagnostics.iter().any(|d| d.level == Level::Error)
    }
}

/// A problem with the scan's own configuration (rules, options): exit status 2.
#[derive(Debug)]
pub struct ConfigError(pub Vec<String>);

impl std::fmt::Display for ConfigError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&self.0.join("\n"))
    }
}

/// The rules of a scan: the built-in set plus user directories.
pub fn load_rules(dirs: &[PathBuf]) -> Result<RuleSet, ConfigError> {
    let mut rules = RuleSet::builtin().map_err(ConfigError)?;
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
        let origin = discover::display_path(&p);
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
    let rules = load_rules(&opts.rule_dirs)?;
    scan_with_rules(opts, rules)
}

/// Stack of the scan's worker threads: evaluation recurses through nested expressions and
/// references (both bounded), which needs more than the 2 MiB a thread gets by default.
const WORKER_STACK: usize = 64 * 1024 * 1024;

pub fn scan_with_rules(opts: &ScanOptions, rules: RuleSet) -> Result<ScanResult, ConfigError> {
    match rayon::ThreadPoolBuilder::new()
        .stack_size(WORKER_STACK)
        .build()
    {
        Ok(pool) => pool.install(|| scan_in_pool(opts, rules)),
        Err(_) => scan_in_pool(opts, rules),
    }
}

fn scan_in_pool(opts: &ScanOptions, rules: RuleSet) -> Result<ScanResult, ConfigError> {
    let mut rules = rules;
    opts.select.apply(&mut rules)?;
    let paths = if opts.paths.is_empty() {
        vec![PathBuf::from(".")]
    } else {
        opts.paths.clone()
    };
    let (mut files, mut diagnostics) = discover::discover(
        &paths,
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
            display: discover::display_path(vf),
            kind,
            explicit: true,
        });
    }
    add_source_dirs(opts, &mut files, &mut diagnostics);
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
        bar.set_message("parsing");
        bar
    });
    let loaded = match &progress {
        Some(bar) => load::load_with_progress(&files, &|| bar.inc(1)),
        None => load::load(&files),
    };
    let stage = |msg: &'static str| {
        if let Some(bar) = &progress {
            bar.set_message(msg);
            bar.tick();
        }
    };
    stage("evaluating");
    diagnostics.extend(loaded.diagnostics.iter().cloned());
    let var_files = opts
        .var_files
        .iter()
        .filter_map(|vf| loaded.sources.find_path(vf))
        .collect();
    let sandbox_root = match paths.as_slice() {
        [one] if one.is_dir() => Some(one.clone()),
        [one] => one.parent().map(|p| {
            if p.as_os_str().is_empty() {
                PathBuf::from(".")
            } else {
                p.to_path_buf()
            }
        }),
        _ => std::env::current_dir().ok(),
    };
    let eval_opts = EvalOptions {
        vars: opts.vars.clone(),
        var_files,
        env_vars: opts.env_vars.clone(),
        sandbox_root,
        limits: opts.limits,
    };
    let (mut config, eval_diags) = eval::evaluate(&loaded, &eval_opts);
    diagnostics.extend(eval_diags);
    let plan = crate::plan::instances(&loaded, &config.instances, &opts.source_dirs);
    // A plan stands for the source it was made from: that source is not checked twice.
    config
        .instances
        .retain(|i| i.plan_file.is_some() || !plan.replaced_roots.contains(&i.root));
    config.instances.extend(plan.instances);
    diagnostics.extend(plan.diagnostics);
    // Instances own their values: the syntax trees (about ten times the source) can go before
    // checking and reporting allocate theirs.
    let load::Loaded {
        sources,
        files: syntax_trees,
        ..
    } = loaded;
    drop(syntax_trees);

    stage("checking");
    let catalog = load_catalog(&opts.rule_dirs)?;
    let classify = |t: &str| {
        let c = catalog.classify(t);
        (c.service.clone(), c.model)
    };
    let out = check::check(&config, &rules, &sources, &classify);
    if let Some(bar) = progress {
        bar.finish_and_clear();
    }
    let mut findings = out.findings;
    sort_findings(&mut findings, &sources);
    sort_diagnostics(&mut diagnostics, &sources);
    let bytes = sources.files().map(|(_, f)| f.text.len() as u64).sum();
    let mut result = ScanResult {
        sources,
        config,
        findings,
        diagnostics,
        rules,
        catalog,
        evaluations: out.evaluations,
        bytes,
    };
    // Suppression stage: severity overrides, ignore comments, baseline.
    crate::suppress::apply(&mut result, &opts.suppress, &opts.select)?;
    Ok(result)
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

/// File, line, column, rule, address: the order of every report.
pub fn sort_findings(findings: &mut [Finding], sources: &SourceMap) {
    findings.sort_by_cached_key(|f| {
        let file = sources
            .get(f.primary.file)
            .map(|s| s.display.clone())
            .unwrap_or_default();
        (
            file,
            f.primary.start,
            f.rule_id.clone(),
            f.address.clone(),
            f.fingerprint.clone(),
        )
    });
}

pub fn sort_diagnostics(diags: &mut Vec<Diagnostic>, sources: &SourceMap) {
    diags.sort_by_cached_key(|d| {
        let file = d
            .span
            .and_then(|s| sources.get(s.file))
            .map(|s| s.display.clone())
            .or_else(|| d.path.clone())
            .unwrap_or_default();
        (
            file,
            d.span.map(|s| s.start).unwrap_or(0),
            d.level,
            d.code,
            d.message.clone(),
        )
    });
    diags.dedup();
}
