//! Evaluate a configuration as `terraform plan` would, as far as that is possible without the
//! cloud: variables (defaults, tfvars, `--var`, `TF_VAR_`), locals through their dependencies,
//! expressions and functions, `count`/`for_each`, dynamic blocks and local modules. Whatever
//! cannot be known is an explicit unknown, never a guess.

mod data_source;
mod expr;
pub mod functions;
mod inputs;
mod module;
mod policy_document;

pub use inputs::{CliVar, VarSource};
pub use module::evaluate_root;

use crate::diag::Diagnostic;
use crate::source::{FileId, SourceMap};
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
    /// Module and resource instances one root module may create in all, however they nest.
    pub instances: usize,
    /// Depth of nested expression evaluation (templates rendering templates, ...).
    pub expr_depth: usize,
}

impl Default for Limits {
    fn default() -> Self {
        Limits {
            steps: 5_000_000,
            expansion: 10_000,
            module_depth: 32,
            instances: 100_000,
            expr_depth: 512,
        }
    }
}

#[derive(Debug, Clone, Default)]
pub struct EvalOptions {
    /// `--var NAME=VALUE`, in command-line order.
    pub vars: Vec<CliVar>,
    /// Assignments of the files given with `--var-file`, in order.
    pub var_files: Vec<std::sync::Arc<[crate::load::VarAssignment]>>,
    /// `TF_VAR_name` values from the environment.
    pub env_vars: Vec<(String, String)>,
    /// Directories `file()` and `templatefile()` may read below, canonical: one per scan path
    /// (its repository root, or the path itself). A root module reads below the one that
    /// holds it; a module outside all of them reads no files.
    pub sandbox_roots: Vec<PathBuf>,
    pub limits: Limits,
}

/// Notes for variables files that sit next to modules which are never root modules:
/// Terraform does not read them there, though a user may expect them to matter.
pub fn unread_tfvars_notes(
    auto_vars: &[(PathBuf, FileId)],
    roots: &[PathBuf],
    sources: &SourceMap,
) -> Vec<Diagnostic> {
    let root_dirs: BTreeSet<&Path> = roots.iter().map(|p| p.as_path()).collect();
    auto_vars
        .iter()
        .filter(|(dir, _)| !root_dirs.contains(dir.as_path()))
        .filter_map(|(_, id)| sources.get(*id))
        .map(|src| {
            Diagnostic::note(
                "tfvars-not-root",
                format!(
                    "{} sits in a module that is only called by other modules; Terraform does not read it there",
                    src.display
                ),
            )
            .in_file(src.display.clone())
        })
        .collect()
}

/// Evaluates an expression that refers to nothing (rule files, config values): `None` when
/// it refers to a name or fails.
pub fn constant_value(e: &crate::load::ast::Expr) -> Option<crate::value::Value> {
    expr::constant(e)
}
