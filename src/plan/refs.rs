//! Which resources an attribute refers to, read from the plan's `configuration` section: every
//! expression there lists its `references` (`["aws_s3_bucket.b.id", "aws_s3_bucket.b"]`). Input
//! variables of child modules and outputs of called modules are followed through the module
//! calls, so `bucket = var.bucket_id` inside a module still refers to the bucket its caller
//! passed. Locals are not in the plan's configuration and cannot be followed here.

use crate::load::json::{JsonRef, Lookup};
use std::borrow::Cow;
use std::collections::{BTreeSet, HashMap};
use std::sync::Arc;

/// How many variable/output hops are followed before giving up.
const MAX_HOPS: usize = 16;

/// Deepest module nesting of the configuration that is indexed.
const MAX_MODULE_DEPTH: usize = 64;

/// The `expressions` of every managed resource of the configuration, by module call path
/// (`storage.archive`, `""` for the root) and type and name.
#[derive(Default)]
pub struct ResourceIndex<'c> {
    modules: HashMap<String, HashMap<(Cow<'c, str>, Cow<'c, str>), JsonRef<'c>>>,
    /// The `module_calls` of every module by call path, for following calls by name: a root
    /// of thousands of calls is not searched member by member for every instance.
    calls: HashMap<String, Arc<Lookup<'c>>>,
}

impl<'c> ResourceIndex<'c> {
    pub fn new(root: Option<JsonRef<'c>>) -> Self {
        let mut index = ResourceIndex::default();
        if let Some(r) = root {
            index.add(r, String::new(), 0);
        }
        index
    }

    fn add(&mut self, module: JsonRef<'c>, path: String, depth: usize) {
        if depth > MAX_MODULE_DEPTH {
            return;
        }
        let mut resources = HashMap::new();
        for r in module.get("resources").iter().flat_map(JsonRef::items) {
            let mode = r.get("mode").and_then(|m| m.as_str());
            if mode.as_deref().unwrap_or("managed") != "managed" {
                continue;
            }
            if let (Some(t), Some(n), Some(e)) = (
                r.get("type").and_then(|t| t.as_str()),
                r.get("name").and_then(|n| n.as_str()),
                r.get("expressions"),
            ) {
                resources.entry((t, n)).or_insert(e);
            }
        }
        if let Some(calls) = module.get("module_calls").filter(JsonRef::is_object) {
            self.calls
                .insert(path.clone(), Arc::new(Lookup::new(Some(calls))));
            for call in calls.members() {
                if let Some(child) = call.value.get("module") {
                    let p = if path.is_empty() {
                        call.key.into_owned()
                    } else {
                        format!("{path}.{}", call.key)
                    };
                    self.add(child, p, depth + 1);
                }
            }
        }
        self.modules.insert(path, resources);
    }
}

/// One module instance on the way from the root: its configuration, its address
/// (`module.a["x"]`, `""` for the root) and the name of the call that created it.
#[derive(Clone)]
pub struct Frame<'c> {
    pub config: Option<JsonRef<'c>>,
    /// The module's `module_calls` by name.
    pub calls: Option<Arc<Lookup<'c>>>,
    pub address: String,
    pub call: String,
}

/// The chain of module instances from the root to one resource.
#[derive(Clone)]
pub struct Scope<'c> {
    pub frames: Vec<Frame<'c>>,
}

impl<'c> Scope<'c> {
    /// The scope of a resource in the module instance `module_address`, given the plan's
    /// `configuration.root_module`.
    pub fn new(
        index: &ResourceIndex<'c>,
        root: Option<JsonRef<'c>>,
        module_address: &str,
    ) -> Scope<'c> {
        let mut frames = vec![Frame {
            config: root,
            calls: index.calls.get("").cloned(),
            address: String::new(),
            call: String::new(),
        }];
        let mut path = String::new();
        let mut address = String::new();
        for seg in split_address(module_address) {
            let Some(rest) = seg.strip_prefix("module.") else {
                break;
            };
            let name = rest.split('[').next().unwrap_or(rest).to_string();
            if !address.is_empty() {
                address.push('.');
            }
            address.push_str(&seg);
            let config = frames
                .last()
                .and_then(|f| f.calls.as_ref())
                .and_then(|c| c.get(&name))
                .and_then(|c| c.get("module"));
            if !path.is_empty() {
                path.push('.');
            }
            path.push_str(&name);
            frames.push(Frame {
                config,
                calls: index.calls.get(&path).cloned(),
                address: address.clone(),
                call: name,
            });
        }
        Scope { frames }
    }

    /// The configuration's `expressions` of the managed resource `type.name` in this module.
    pub fn resource_expressions(
        &self,
        index: &ResourceIndex<'c>,
        resource_type: &str,
        name: &str,
    ) -> Option<JsonRef<'c>> {
        let calls: Vec<&str> = self.frames[1..].iter().map(|f| f.call.as_str()).collect();
        index
            .modules
            .get(&calls.join("."))?
            .get(&(Cow::Borrowed(resource_type), Cow::Borrowed(name)))
            .copied()
    }

    /// Full addresses of the managed resources an expression (`{"references": [...]}`) refers
    /// to, following module variables and outputs.
    pub fn resources_of(&self, expression: JsonRef<'_>) -> Vec<Arc<str>> {
        let mut out = BTreeSet::new();
        self.collect(expression, self.frames.len().saturating_sub(1), 0, &mut out);
        // `aws_s3_bucket.b[0]` is more precise than `aws_s3_bucket.b`, which Terraform also lists.
        let keyed: Vec<String> = out
            .iter()
            .filter_map(|a| {
                a.strip_suffix(']')
                    .and_then(|s| s.rfind('[').map(|i| &a[..i]))
            })
            .map(str::to_string)
            .collect();
        out.into_iter()
            .filter(|a| !keyed.contains(a))
            .map(|a| Arc::from(a.as_str()))
            .collect()
    }

    fn collect(
        &self,
        expression: JsonRef<'_>,
        level: usize,
        hops: usize,
        out: &mut BTreeSet<String>,
    ) {
        if hops > MAX_HOPS {
            return;
        }
        let Some(refs) = expression.get("references").filter(JsonRef::is_array) else {
            return;
        };
        for r in refs.items().filter_map(|r| r.as_str()) {
            self.collect_one(&r, level, hops, out);
        }
    }

    /// An output of a called module: what it is computed from, inside that module.
    fn collect_output(
        &self,
        call: &str,
        output: Option<&String>,
        level: usize,
        hops: usize,
        out: &mut BTreeSet<String>,
    ) {
        let (Some(frame), Some(output)) = (self.frames.get(level), output) else {
            return;
        };
        let name = call.split('[').next().unwrap_or(call);
        let call_config = frame.calls.as_ref().and_then(|c| c.get(name));
        let expanded = call_config.is_some_and(|c| {
            c.get("count_expression").is_some() || c.get("for_each_expression").is_some()
        });
        if expanded && !call.contains('[') {
            // Which instance is meant is not written down: no precise reference.
            return;
        }
        let child_config = call_config.and_then(|c| c.get("module"));
        let Some(expr) = child_config
            .and_then(|c| c.get("outputs"))
            .and_then(|o| o.get(output.as_str()))
            .and_then(|o| o.get("expression"))
        else {
            return;
        };
        let mut address = frame.address.clone();
        if !address.is_empty() {
            address.push('.');
        }
        address.push_str("module.");
        address.push_str(call);
        let mut inner = Scope {
            frames: self.frames[..=level].to_vec(),
        };
        inner.frames.push(Frame {
            config: child_config,
            calls: child_config
                .and_then(|c| c.get("module_calls"))
                .map(|c| Arc::new(Lookup::new(Some(c)))),
            address,
            call: name.to_string(),
        });
        inner.collect(expr, level + 1, hops + 1, out);
    }

    fn collect_one(&self, reference: &str, level: usize, hops: usize, out: &mut BTreeSet<String>) {
        let Some(frame) = self.frames.get(level) else {
            return;
        };
        let segs = split_address(reference);
        let Some(first) = segs.first() else { return };
        if let Some(call) = first.strip_prefix("module.") {
            self.collect_output(call, segs.get(1), level, hops, out);
            return;
        }
        match first.as_str() {
            "var" => {
                // An input variable: what the caller passed, in the caller's scope.
                let (Some(var), Some(parent)) = (segs.get(1), level.checked_sub(1)) else {
                    return;
                };
                let expr = self
                    .frames
                    .get(parent)
                    .and_then(|p| p.calls.as_ref())
                    .and_then(|c| c.get(&frame.call))
                    .and_then(|c| c.get("expressions"))
                    .and_then(|e| e.get(var.as_str()));
                if let Some(e) = expr {
                    self.collect(e, parent, hops + 1, out);
                }
            }
            "local" | "data" | "each" | "count" | "path" | "self" | "terraform" | "ephemeral" => {}
            resource_type => {
                let Some(name) = segs.get(1) else { return };
                let mut address = frame.address.clone();
                if !address.is_empty() {
                    address.push('.');
                }
                address.push_str(resource_type);
                address.push('.');
                address.push_str(name);
                out.insert(address);
            }
        }
    }
}

/// Splits a Terraform address or reference at the dots that separate its parts, keeping an
/// instance key with the part before it: `module.a["x.y"].aws_s3_bucket.b[0].id` →
/// `module`, `a["x.y"]`, `aws_s3_bucket`, `b[0]`, `id`. `module.NAME` pairs are joined back
/// for module addresses by [`Scope::new`].
pub fn split_address(address: &str) -> Vec<String> {
    let parts = crate::value::address_part_ranges(address)
        .into_iter()
        .map(|r| address[r].to_string());
    // Rejoin `module` with the call name that follows it, where a module step can start: at
    // the beginning or right after another module step.
    let mut out: Vec<String> = Vec::new();
    let mut it = parts;
    while let Some(p) = it.next() {
        let boundary = out.last().is_none_or(|l| l.starts_with("module."));
        if p == "module" && boundary {
            if let Some(next) = it.next() {
                out.push(format!("module.{next}"));
                continue;
            }
        }
        out.push(p);
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::load::json::{parse_json, Document};
    use crate::source::FileId;
    use serde_json::json;

    fn doc(v: serde_json::Value) -> (Document, String) {
        let text = v.to_string();
        (parse_json(FileId(0), &text).expect("json"), text)
    }

    #[test]
    fn splits_addresses_keeping_keys() {
        assert_eq!(
            split_address(r#"module.a["x.y"].module.b.aws_s3_bucket.c[0]"#),
            vec![r#"module.a["x.y"]"#, "module.b", "aws_s3_bucket", "c[0]"]
        );
        assert_eq!(
            split_address("aws_s3_bucket.b.id"),
            vec!["aws_s3_bucket", "b", "id"]
        );
    }

    #[test]
    fn references_follow_variables_and_outputs() {
        let (root_doc, root_text) = doc(json!({
            "resources": [],
            "module_calls": {
                "store": {
                    "expressions": {"bucket_id": {"references": ["aws_s3_bucket.b.id", "aws_s3_bucket.b"]}},
                    "module": {
                        "resources": [{"mode": "managed", "type": "aws_s3_bucket_versioning", "name": "v",
                            "expressions": {"bucket": {"references": ["var.bucket_id"]}}}],
                        "outputs": {"id": {"expression": {"references": ["aws_s3_bucket.inner.id", "aws_s3_bucket.inner"]}}}
                    }
                }
            }
        }));
        let root = root_doc.root(&root_text);
        let index = ResourceIndex::new(Some(root));
        let inner = Scope::new(&index, Some(root), "module.store");
        let exprs = inner
            .resource_expressions(&index, "aws_s3_bucket_versioning", "v")
            .expect("resource");
        let bucket = exprs.get("bucket").expect("bucket");
        assert_eq!(
            inner.resources_of(bucket),
            vec![Arc::<str>::from("aws_s3_bucket.b")]
        );
        let top = Scope::new(&index, Some(root), "");
        let (via_output, text) = doc(json!({"references": ["module.store.id", "module.store"]}));
        assert_eq!(
            top.resources_of(via_output.root(&text)),
            vec![Arc::<str>::from("module.store.aws_s3_bucket.inner")]
        );
        let (keyed, text) = doc(
            json!({"references": ["aws_s3_bucket.b[0].id", "aws_s3_bucket.b[0]", "aws_s3_bucket.b"]}),
        );
        assert_eq!(
            top.resources_of(keyed.root(&text)),
            vec![Arc::<str>::from("aws_s3_bucket.b[0]")]
        );
    }
}
