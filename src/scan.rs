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

pub fn scan(opts: &ScanOptions) -> Result<ScanResult, ConfigError> {
    let rules = load_rules(&opts.rule_dirs)?;
    scan_with_rules(opts, rules)
}

pub fn scan_with_rules(opts: &ScanOptions, rules: RuleSet) -> Result<ScanResult, ConfigError> {
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
    let plan = crate::plan::instances(&loaded);
    config.instances.extend(plan.instances);
    diagnostics.extend(plan.diagnostics);

    stage("checking");
    let catalog = Arc::new(Catalog::builtin());
    let classify = |t: &str| {
        let c = catalog.classify(t);
        (c.service.clone(), c.model)
    };
    let out = check::check(&config, &rules, &loaded.sources, &classify);
    if let Some(bar) = progress {
        bar.finish_and_clear();
    }
    let mut findings = out.findings;
    let sources = loaded.sources;
    sort_findings(&mut findings, &sources);
    sort_diagnostics(&mut diagnostics, &sources);
    let bytes = sources.files().map(|(_, f)| f.text.len() as u64).sum();
    Ok(ScanResult {
        sources,
        config,
        findings,
        diagnostics,
        rules,
        catalog,
        evaluations: out.evaluations,
        bytes,
    })
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
