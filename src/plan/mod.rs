//! Plan JSON (`terraform show -json`): resource instances as Terraform will deploy them.

use crate::diag::Diagnostic;
use crate::load::Loaded;
use crate::model::Instance;

#[derive(Debug, Default)]
pub struct PlanInstances {
    pub instances: Vec<Instance>,
    pub diagnostics: Vec<Diagnostic>,
}

/// Instances of every plan file among the loaded files.
pub fn instances(loaded: &Loaded) -> PlanInstances {
    let mut out = PlanInstances::default();
    for f in &loaded.files {
        if let crate::load::Content::Plan(_) = &f.content {
            let path = loaded
                .sources
                .get(f.file)
                .map(|s| s.display.clone())
                .unwrap_or_default();
            out.diagnostics.push(
                Diagnostic::warning(
                    "plan-unsupported",
                    "plan JSON input is not evaluated yet; the file was skipped",
                )
                .in_file(path),
            );
        }
    }
    out
}
