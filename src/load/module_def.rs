//! The declarations of one module directory ([`ModuleDef`]), gathered from the syntax trees of
//! its files as Terraform reads them: override files merged into the blocks they override,
//! duplicates reported, auto-loaded variables files in order. Evaluation reads a `ModuleDef`;
//! it never changes one.

use super::ast::{Attribute, Block, Body};
use super::module_files::{auto_load_rank, is_auto_loaded, is_override_file};
use super::module_graph::local_source;
use super::{Content, LoadedFile, VarAssignment};
use crate::diag::Diagnostic;
use crate::source::{FileId, FileKind, Span};
use foldhash::{HashMap, HashMapExt};
use std::collections::{BTreeMap, HashSet};
use std::path::{Path, PathBuf};
use std::sync::Arc;

/// The declarations of one module directory. It owns the blocks it was built from, so a
/// parsed directory can be shared between root modules (and dropped) as a unit.
#[derive(Debug)]
pub struct ModuleDef {
    pub dir: PathBuf,
    pub variables: BTreeMap<Arc<str>, Block>,
    pub locals: HashMap<Arc<str>, Attribute>,
    /// Resources in source order; `resource_index` points into it.
    pub resources: Vec<Block>,
    pub data: Vec<Block>,
    pub calls: BTreeMap<Arc<str>, Block>,
    pub outputs: BTreeMap<Arc<str>, Block>,
    pub resource_index: HashMap<(Arc<str>, Arc<str>), usize>,
    pub data_index: HashMap<(Arc<str>, Arc<str>), usize>,
    /// Auto-loaded variables files, in Terraform's order.
    pub vars_files: Vec<(FileId, Vec<VarAssignment>)>,
    /// Problems with the declarations (duplicates, overrides of nothing), reported once per
    /// root evaluation.
    pub duplicates: Vec<Diagnostic>,
}

/// Module directories by path, loaded when an evaluation first asks for them.
pub trait ModuleSource: Sync {
    /// The module in directory `dir` (normalised), if the scan found Terraform files there.
    fn module(&self, dir: &Path) -> Option<Arc<ModuleDef>>;
}

/// The kind a nested block is replaced by in an override: `dynamic "ingress"` counts as
/// `ingress`, as Terraform expands it into those blocks.
fn nested_kind(b: &Block) -> &str {
    match (&*b.kind, b.labels.as_slice()) {
        ("dynamic", [label]) => label,
        (kind, _) => kind,
    }
}

/// Merges an override block into the block it overrides, as Terraform does: each attribute
/// replaces the one of the same name; the nested blocks of each type the override holds
/// replace every nested block of that type (their contents are not merged), except
/// `lifecycle`, merged attribute by attribute.
fn merge_block(base: &mut Block, over: Block) {
    merge_attributes(&mut base.body, over.body.attributes);
    let replaced: HashSet<String> = over
        .body
        .blocks
        .iter()
        .map(nested_kind)
        .filter(|k| *k != "lifecycle")
        .map(str::to_string)
        .collect();
    base.body
        .blocks
        .retain(|b| !replaced.contains(nested_kind(b)));
    for b in over.body.blocks {
        if &*b.kind == "lifecycle" {
            if let Some(existing) = base
                .body
                .blocks
                .iter_mut()
                .find(|x| &*x.kind == "lifecycle")
            {
                merge_attributes(&mut existing.body, b.body.attributes);
                continue;
            }
        }
        base.body.blocks.push(b);
    }
}

fn merge_attributes(base: &mut Body, attributes: Vec<Attribute>) {
    for a in attributes {
        match base.attributes.iter_mut().find(|x| x.name == a.name) {
            Some(existing) => *existing = a,
            None => base.attributes.push(a),
        }
    }
}

impl ModuleDef {
    /// Gathers the declarations of the files of directory `dir` (configuration and variables
    /// files, each with its path on disk), taking ownership of their syntax trees. Override
    /// files (`override.tf`, `*_override.tf`, `.tofu` alike) are merged in after the others,
    /// in file name order, as Terraform does.
    pub fn build(dir: PathBuf, files: Vec<(LoadedFile, &Path)>) -> Self {
        let mut def = ModuleDef {
            dir,
            variables: BTreeMap::new(),
            locals: HashMap::new(),
            resources: Vec::new(),
            data: Vec::new(),
            calls: BTreeMap::new(),
            outputs: BTreeMap::new(),
            resource_index: HashMap::new(),
            data_index: HashMap::new(),
            vars_files: Vec::new(),
            duplicates: Vec::new(),
        };
        let mut vars = Vec::new();
        let mut overrides = Vec::new();
        for (f, path) in files {
            match f.content {
                Content::Config(body) if is_override_file(path) => {
                    overrides.push((path.file_name().map(|n| n.to_os_string()), body));
                }
                Content::Config(body) => def.add(body),
                Content::Vars(assignments)
                    if matches!(f.kind, FileKind::Vars | FileKind::VarsJson)
                        && is_auto_loaded(path) =>
                {
                    vars.push((auto_load_rank(path), f.file, assignments));
                }
                _ => {}
            }
        }
        vars.sort_by(|a, b| (&a.0, a.1).cmp(&(&b.0, b.1)));
        def.vars_files = vars.into_iter().map(|(_, id, a)| (id, a)).collect();
        // Stable: blocks of one override file keep their order.
        overrides.sort_by(|a, b| a.0.cmp(&b.0));
        for (_, body) in overrides {
            def.merge_override(body);
        }
        def
    }

    /// Merges the top-level blocks of an override file into the declarations they override.
    /// A block that overrides nothing is reported and otherwise ignored (Terraform refuses
    /// the configuration).
    fn merge_override(&mut self, body: Body) {
        for b in body.blocks {
            let header = b.header;
            let base: Option<&mut Block> = match (&*b.kind, b.labels.as_slice()) {
                ("locals", []) => {
                    // Each local replaces the one of the same name.
                    for a in b.body.attributes {
                        self.locals.insert(a.name.clone(), a);
                    }
                    continue;
                }
                ("variable", [name]) => self.variables.get_mut(name),
                ("resource", [ty, name]) => self
                    .resource_index
                    .get(&(ty.clone(), name.clone()))
                    .and_then(|&i| self.resources.get_mut(i)),
                ("data", [ty, name]) => self
                    .data_index
                    .get(&(ty.clone(), name.clone()))
                    .and_then(|&i| self.data.get_mut(i)),
                ("module", [name]) => self.calls.get_mut(name),
                ("output", [name]) => self.outputs.get_mut(name),
                // `terraform`, `provider` and others do not change what is checked.
                _ => continue,
            };
            match base {
                Some(base) => merge_block(base, b),
                None => {
                    let what = std::iter::once(&b.kind)
                        .chain(&b.labels)
                        .map(|s| &**s)
                        .collect::<Vec<_>>()
                        .join(".");
                    self.duplicates.push(
                        Diagnostic::warning(
                            "override-without-base",
                            format!(
                                "this override file's `{what}` overrides nothing: no other file of the module declares it, so it is ignored"
                            ),
                        )
                        .at(header),
                    );
                }
            }
        }
    }

    /// Local directories this module calls (`source = "./..."` or `"../..."`), itself
    /// excepted, sorted, each once.
    pub fn local_calls(&self) -> Vec<PathBuf> {
        let mut out: Vec<PathBuf> = self
            .calls
            .values()
            .filter_map(|c| local_source(&self.dir, c))
            .filter(|d| *d != self.dir)
            .collect();
        out.sort();
        out.dedup();
        out
    }

    fn add(&mut self, body: Body) {
        for b in body.blocks {
            match (&*b.kind, b.labels.as_slice()) {
                ("variable", [name]) => {
                    let (name, header) = (name.clone(), b.header);
                    if self.variables.insert(name.clone(), b).is_some() {
                        self.duplicates.push(duplicate(header, "variable", &name));
                    }
                }
                ("locals", []) => {
                    for a in b.body.attributes {
                        let (name, span) = (a.name.clone(), a.span);
                        if self.locals.insert(name.clone(), a).is_some() {
                            self.duplicates.push(
                                Diagnostic::error(
                                    "duplicate",
                                    format!("local `{name}` is defined more than once"),
                                )
                                .at(span),
                            );
                        }
                    }
                }
                ("resource", [ty, name]) => {
                    let key = (ty.clone(), name.clone());
                    if self.resource_index.contains_key(&key) {
                        let d = duplicate(b.header, "resource", &format!("{ty}.{name}"));
                        self.duplicates.push(d);
                    } else {
                        self.resource_index.insert(key, self.resources.len());
                        self.resources.push(b);
                    }
                }
                ("data", [ty, name]) => {
                    let key = (ty.clone(), name.clone());
                    if !self.data_index.contains_key(&key) {
                        self.data_index.insert(key, self.data.len());
                        self.data.push(b);
                    }
                }
                ("module", [name]) => {
                    let (name, header) = (name.clone(), b.header);
                    if self.calls.insert(name.clone(), b).is_some() {
                        self.duplicates.push(duplicate(header, "module", &name));
                    }
                }
                ("output", [name]) => {
                    let name = name.clone();
                    self.outputs.insert(name, b);
                }
                _ => {}
            }
        }
    }
}

fn duplicate(header: Span, what: &str, name: &str) -> Diagnostic {
    Diagnostic::error(
        "duplicate",
        format!("{what} `{name}` is declared more than once in this module"),
    )
    .at(header)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::load::ast::ExprKind;

    fn block(text: &str) -> Block {
        match crate::load::hcl::parse(FileId(0), text) {
            Ok(mut body) => body.blocks.remove(0),
            Err(d) => panic!("{}", d.message),
        }
    }

    #[test]
    fn override_blocks_merge_as_terraform_does() {
        let mut base = block(
            "resource \"a\" \"b\" {\n  x = 1\n  y = 2\n  ingress { p = 1 }\n  ingress { p = 2 }\n  egress { p = 3 }\n  lifecycle {\n    prevent_destroy = true\n    ignore_changes = [x]\n  }\n}\n",
        );
        let over = block(
            "resource \"a\" \"b\" {\n  y = 20\n  z = 30\n  dynamic \"ingress\" {\n    for_each = []\n    content {}\n  }\n  lifecycle {\n    prevent_destroy = false\n  }\n}\n",
        );
        merge_block(&mut base, over);
        let attrs: Vec<(&str, u32)> = base
            .body
            .attributes
            .iter()
            .map(|a| (&*a.name, a.span.start))
            .collect();
        assert_eq!(
            attrs.iter().map(|a| a.0).collect::<Vec<_>>(),
            ["x", "y", "z"]
        );
        // `y` is the override's (its offset is inside the override's text).
        assert_eq!(attrs[1].1, 21);
        let kinds: Vec<&str> = base.body.blocks.iter().map(nested_kind).collect();
        // Both `ingress` blocks are replaced by the dynamic one; `egress` stays; `lifecycle`
        // merges per attribute.
        assert_eq!(kinds, ["egress", "lifecycle", "ingress"]);
        let lifecycle = &base.body.blocks[1].body;
        let names: Vec<&str> = lifecycle.attributes.iter().map(|a| &*a.name).collect();
        assert_eq!(names, ["prevent_destroy", "ignore_changes"]);
        assert!(matches!(
            lifecycle.attributes[0].expr.kind,
            ExprKind::Bool(false)
        ));
    }
}
