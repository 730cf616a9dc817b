//! Evaluate a configuration as `terraform plan` would, as far as that is possible without the
//! cloud: variables (defaults, tfvars, `--var`, `TF_VAR_`), locals through their dependencies,
//! expressions and functions, `count`/`for_each`, dynamic blocks and local modules. Whatever
//! cannot be known is an explicit unknown, never a guess.

mod expr;
pub mod functions;
mod inputs;
mod module;
mod policy_document;

pub use inputs::{CliVar, VarSource};

use crate::diag::Diagnostic;
use crate::discover::FileKind;
use crate::load::{Content, Loaded};
use crate::model::Configuration;
use rayon::prelude::*;
use std::collections::BTreeSet;
use std::path::{Path, PathBuf};

/// Bounds that keep evaluation of hostile input finite.
#[derive(Debug, Clone, Copy)]
pub struct Limits {
    /// Expression evaluations per root module.
    pub steps: u64,
    /// Instances one `count`/`for_each` may create.
    pub expansion: usize,
    /// Depth of nested module calls.
    pub module_depth: usize,
    /// Depth of nested expression evaluation (templates rendering templates, ...).
    pub expr_depth: usize,
}

impl Default for Limits {
    fn default() -> Self {
        Limits {
            steps: 5_000_000,
            expansion: 10_000,
            module_depth: 32,
            expr_depth: 512,
        }
    }
}

#[derive(Debug, Clone, Default)]
pub struct EvalOptions {
    /// `--var NAME=VALUE`, in command-line order.
    pub vars: Vec<CliVar>,
    /// Files given with `--var-file`, by their loaded file id, in order.
    pub var_files: Vec<crate::source::FileId>,
    /// `TF_VAR_name` values from the environment.
    pub env_vars: Vec<(String, String)>,
    /// Directory `file()` and `templatefile()` may read below.
    pub sandbox_root: Option<PathBuf>,
    pub limits: Limits,
}

/// Evaluates every root module found among the loaded files.
pub fn evaluate(loaded: &Loaded, opts: &EvalOptions) -> (Configuration, Vec<Diagnostic>) {
    let modules = module::group_modules(loaded);
    let called = module::called_directories(&modules, loaded);
    let mut roots: Vec<&PathBuf> = modules.keys().filter(|d| !called.contains(*d)).collect();
    let cycles = module::unreached_cycle_roots(&modules, &roots);
    roots.extend(cycles);
    let results: Vec<_> = roots
        .par_iter()
        .map(|dir| module::evaluate_root(dir, &modules, loaded, opts))
        .collect();
    let mut config = Configuration::default();
    let mut diags = Vec::new();
    for (instances, d) in results {
        config.instances.extend(instances);
        diags.extend(d);
    }
    // Variables files next to modules that are never root modules are still read by a user
    // expecting them to matter: say so rather than ignore them silently.
    let root_dirs: BTreeSet<&Path> = roots.iter().map(|p| p.as_path()).collect();
    for f in &loaded.files {
        if let (FileKind::Vars | FileKind::VarsJson, Content::Vars(_)) = (f.kind, &f.content) {
            if let Some(src) = loaded.sources.get(f.file) {
                let dir = src.path.parent().unwrap_or(Path::new(""));
                if inputs::is_auto_loaded(&src.path)
                    && !root_dirs.contains(dir)
                    && modules.contains_key(dir)
                {
                    diags.push(
                        Diagnostic::note(
                            "tfvars-not-root",
                            format!(
                                "{} sits in a module that is only called by other modules; Terraform does not read it there",
                                src.display
                            ),
                        )
                        .in_file(src.display.clone()),
                    );
                }
            }
        }
    }
    (config, diags)
}

/// Evaluates an expression that refers to nothing (rule files, config values): `None` when
/// it refers to a name or fails.
pub fn constant_value(e: &crate::load::ast::Expr) -> Option<crate::value::Value> {
    expr::constant(e)
}
