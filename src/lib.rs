//! onus: a static analyzer for Terraform that reports the customer's side of cloud shared
//! responsibility.
//!
//! The pipeline, one module per stage: [`discover`] finds files, [`load`] parses them keeping
//! spans, [`eval`] evaluates the configuration into resource instances with three-valued
//! values, [`classify`] maps resource types to services and service models, [`check`] runs the
//! rules, [`suppress`] applies ignores, config and baseline, and [`report`] renders the result.

pub mod classify;
pub mod diag;
pub mod finding;
pub mod source;
pub mod taxonomy;
pub mod value;
