//! onus: a static analyzer for Terraform that reports the customer's side of cloud shared
//! responsibility.
//!
//! The pipeline, one module per stage: [`discover`] finds files, [`load`] parses them keeping
//! spans, [`eval`] evaluates the configuration into resource instances with three-valued
//! values, [`classify`] maps resource types to services and service models, [`check`] runs the
//! rules, [`suppress`] applies ignores, config and baseline, and [`report`] renders the result.

// A scan must survive any input: outside tests, nothing may unwrap, expect or panic. Errors
// become diagnostics; what cannot happen is written so that it needs no panic.
#![cfg_attr(
    not(test),
    deny(
        clippy::unwrap_used,
        clippy::expect_used,
        clippy::panic,
        clippy::unreachable,
        clippy::todo,
        clippy::unimplemented
    )
)]

pub mod builtins;
pub mod check;
pub mod classify;
pub mod config;
pub mod diag;
pub mod discover;
pub mod eval;
pub mod finding;
pub mod load;
pub mod model;
pub mod paths;
pub mod plan;
pub mod result;
pub mod rules;
pub mod scan;
pub mod source;
pub mod suppress;
pub mod taxonomy;
pub mod value;

pub use scan::{scan, ConfigError, ScanOptions, ScanResult};
pub mod cli;
pub mod explain;
pub mod lsp;
pub mod report;
pub mod ruletest;
