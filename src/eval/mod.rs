//! Evaluation of Terraform configurations into values.

pub mod functions;
