//! Parse discovered files in parallel into syntax trees with spans: Terraform's native syntax
//! ([`hcl`]), its JSON syntax ([`json`]), variable files, and plan JSON.

pub mod ast;
pub mod hcl;
pub mod json;
