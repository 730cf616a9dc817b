//! Plan JSON (`terraform show -json`): resource instances as Terraform will deploy them.
//!
//! A plan knows what static evaluation cannot: the values of variables set outside the
//! repository, the modules fetched from registries, the expansion of every `count`. Each managed
//! resource of `planned_values` that is created, updated or kept becomes an [`Instance`];
//! `after_unknown` marks what is decided only at apply, `after_sensitive`/`sensitive_values`
//! what must never be printed, and the plan's `configuration` section tells which resources an
//! attribute refers to, so `linked` rules work as they do on HCL.
//!
//! When the Terraform source of the plan was scanned too (the plan's directory, or a
//! `--source` directory), instances point at their resource blocks in the `.tf` files and the
//! HCL instances of that root are dropped: the plan is the authority. Otherwise they point at
//! the resource inside the plan file.

mod hcl_source;
mod instance;
mod masks;
mod read;
pub mod refs;

use crate::diag::Diagnostic;
use crate::load::json::Document;
use crate::model::Instance;
use crate::source::display_file_path;
use crate::source::{FileId, SourceMap};
use hcl_source::HclIndex;
use read::Reader;
use std::path::{Path, PathBuf};
use std::sync::Arc;

/// The plan format versions onus reads, for messages.
pub const SUPPORTED_FORMATS: &str = "0.1, 0.2 and 1.x";

#[derive(Debug, Default)]
pub struct PlanInstances {
    pub instances: Vec<Instance>,
    pub diagnostics: Vec<Diagnostic>,
    /// Roots of HCL instances that a plan stands for: their instances are replaced by the
    /// plan's and must not be checked again.
    pub replaced_roots: Vec<Arc<str>>,
}

/// Instances of the given plan files (read documents by file id; their text is in `sources`).
/// `hcl` are the instances evaluated from Terraform source in the same scan; `source_dirs` are
/// directories given with `--source`.
pub fn instances(
    plans: &[(FileId, Arc<Document>)],
    sources: &SourceMap,
    hcl: &[Instance],
    source_dirs: &[PathBuf],
) -> PlanInstances {
    let mut out = PlanInstances::default();
    let index = HclIndex::new(hcl);
    for (file, doc) in plans {
        let Some(src) = sources.get(*file) else {
            continue;
        };
        let mut reader = Reader::new(*file, src);
        let mut found = reader.read(doc.root(&src.text));
        let plan_dir = src.path.parent().map(Path::to_path_buf).unwrap_or_default();
        let mut candidates = vec![Arc::<str>::from(display_file_path(&plan_dir).as_str())];
        candidates.extend(
            source_dirs
                .iter()
                .map(|d| Arc::<str>::from(display_file_path(d).as_str())),
        );
        if let Some(root) = index.best_root(&candidates, &found) {
            for inst in &mut found {
                index.point_at_source(&root, inst);
            }
            if !out.replaced_roots.contains(&root) {
                out.replaced_roots.push(root);
            }
        }
        out.instances.extend(found);
        out.diagnostics.extend(reader.finish());
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::source::SourceFile;
    use crate::value::Value;
    use serde_json::json;

    fn read_text(text: &str) -> (Vec<Instance>, Vec<Diagnostic>) {
        let src = SourceFile::new("p.json".into(), "p.json".into(), text);
        let doc = crate::load::plan_json::parse(FileId(0), &src.text).expect("json");
        let mut reader = Reader::new(FileId(0), &src);
        let found = reader.read(doc.root(&src.text));
        (found, reader.finish())
    }

    #[test]
    fn unknown_parts_refer_to_what_the_configuration_references() {
        let plan = json!({
            "format_version": "1.2",
            "planned_values": {"root_module": {"resources": [
                {"address": "aws_s3_bucket_versioning.v", "mode": "managed", "type": "aws_s3_bucket_versioning",
                 "name": "v", "values": {"versioning_configuration": [{"status": "Enabled"}]}},
                {"address": "aws_instance.whole", "mode": "managed", "type": "aws_instance",
                 "name": "whole", "values": {}}
            ]}},
            "resource_changes": [
                {"address": "aws_s3_bucket_versioning.v", "change": {"actions": ["create"],
                 "after_unknown": {"bucket": true, "id": true, "versioning_configuration": [{"mfa_delete": true}]}}},
                {"address": "aws_instance.whole", "change": {"actions": ["update"], "after_unknown": true}}
            ],
            "configuration": {"root_module": {"resources": [
                {"address": "aws_s3_bucket_versioning.v", "mode": "managed", "type": "aws_s3_bucket_versioning",
                 "name": "v", "expressions": {"bucket": {"references": ["aws_s3_bucket.b.id", "aws_s3_bucket.b"]}}}
            ]}}
        });
        let (found, diags) = read_text(&serde_json::to_string_pretty(&plan).expect("text"));
        assert!(diags.is_empty(), "{diags:?}");
        let v = &found[0];
        let bucket = v
            .values
            .get("bucket")
            .and_then(Value::as_unknown)
            .expect("unknown");
        assert_eq!(bucket.refs, vec![Arc::<str>::from("aws_s3_bucket.b")]);
        assert!(bucket.non_null);
        let id = v
            .values
            .get("id")
            .and_then(Value::as_unknown)
            .expect("unknown id");
        assert!(id.refs.is_empty());
        let block = v
            .values
            .get("versioning_configuration")
            .and_then(Value::as_list)
            .expect("block list");
        assert_eq!(
            block[0].get("status").and_then(Value::as_str),
            Some("Enabled")
        );
        assert!(!block[0].get("mfa_delete").expect("mfa_delete").is_known());
        assert!(v
            .attribute_spans
            .contains_key("versioning_configuration.0.status"));
        // A resource unknown as a whole is not read as one with every attribute absent.
        assert!(!found[1].values.is_known());
    }
}
