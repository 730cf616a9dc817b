//! Rules as data: each rule is one HCL file (`rules/<provider>/<service>/<id>.hcl`) holding its
//! metadata, condition, documentation and examples. This module parses rule files into
//! [`Rule`]s with a [`Condition`] tree, and selects the rules a scan runs ([`select`]); the engine
//! that evaluates them is in `check`.

mod condition;
pub mod controls;
mod parse;
pub mod select;

pub use condition::{CompareOp, Condition, Quantifier, ReadFrom, Test};
pub use parse::parse_rule;
pub use select::RuleSelection;

use crate::load::hcl;
use crate::source::FileId;
use crate::taxonomy::{Area, Severity};
use foldhash::{HashMap, HashMapExt};
use std::path::Path;
use std::sync::Arc;

mod embedded {
    include!(concat!(env!("OUT_DIR"), "/builtin_rules.rs"));
}

/// Built-in files under `rules/` with the given extension: (relative path, contents).
pub fn builtin_files(ext: &str) -> impl Iterator<Item = (&'static str, &'static str)> + '_ {
    embedded::BUILTIN_FILES
        .iter()
        .copied()
        .filter(move |(p, _)| p.ends_with(ext))
}

/// The `*.hcl` files below a rules directory, sorted; an error when `dir` is not a directory.
pub fn rule_files(dir: &Path) -> Result<Vec<std::path::PathBuf>, Vec<String>> {
    if !dir.is_dir() {
        return Err(vec![format!(
            "{}: rules directory not found",
            dir.display()
        )]);
    }
    let mut paths: Vec<_> = walkdir::WalkDir::new(dir)
        .into_iter()
        .filter_map(Result::ok)
        .filter(|e| e.file_type().is_file() && e.path().extension().is_some_and(|x| x == "hcl"))
        .map(|e| e.into_path())
        .collect();
    paths.sort();
    Ok(paths)
}

/// Whether a rule file is an exposure-path rule: it declares a `path_rule` block and no `rule`
/// block. Such files have their own format and parser (`paths::rules`), wherever they sit in a
/// rules directory; a file that does not parse is left to the rule parser to report.
pub fn declares_path_rule(text: &str) -> bool {
    text.contains("path_rule")
        && hcl::parse(FileId(0), text).is_ok_and(|body| {
            body.blocks_of("path_rule").next().is_some() && body.blocks_of("rule").next().is_none()
        })
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ExampleKind {
    Good,
    Bad,
}

#[derive(Debug, Clone)]
pub struct Example {
    pub kind: ExampleKind,
    pub code: String,
    /// 1-based lines of `code` a bad example's findings must point at, besides those its
    /// `# expect: RULE-ID` comments mark (for lines that cannot hold a comment, as in heredocs).
    pub lines: Vec<u32>,
}

#[derive(Debug)]
pub struct Rule {
    pub id: Arc<str>,
    pub title: Arc<str>,
    pub severity: Severity,
    pub area: Area,
    pub resources: Vec<Arc<str>>,
    pub aliases: Vec<String>,
    pub description: String,
    pub remediation: String,
    pub references: Vec<String>,
    pub when: Option<Condition>,
    pub assert: Condition,
    pub examples: Vec<Example>,
    /// Controls of compliance frameworks the rule implements, by framework id
    /// (`cis-aws-3.0` → `["2.1.1"]`), sorted by framework.
    pub compliance: Vec<(String, Vec<String>)>,
    /// The values this rule inspects may be secrets (plain-text credentials): its findings
    /// never show them, in messages or source excerpts.
    pub secret_values: bool,
    /// `aws`, `azure`, `google`: the first segment of the id.
    pub provider: String,
    /// Where the rule was read from (`rules/aws/s3/aws-s3-bucket-encryption.hcl`).
    pub origin: String,
}

impl Rule {
    /// Whether `name` is this rule's id or one of its aliases (case-insensitive for aliases,
    /// since peers' ids are written in varying case).
    pub fn is_named(&self, name: &str) -> bool {
        &*self.id == name || self.aliases.iter().any(|a| a.eq_ignore_ascii_case(name))
    }

    pub fn help_uri(&self) -> Option<&str> {
        self.references.first().map(String::as_str)
    }
}

/// Every rule of a scan, indexed by resource type and by id. Rules are shared, so a clone is
/// cheap.
#[derive(Debug, Default, Clone)]
pub struct RuleSet {
    rules: Vec<Arc<Rule>>,
    by_type: HashMap<Arc<str>, Vec<usize>>,
    /// The first rule of each id (ids are unique in a valid set).
    by_id: HashMap<Arc<str>, usize>,
}

impl RuleSet {
    /// The rules compiled into the binary.
    pub fn builtin() -> Result<RuleSet, Vec<String>> {
        // The built-in files never change within a process: parse them once.
        static BUILTIN: std::sync::OnceLock<Result<RuleSet, Vec<String>>> =
            std::sync::OnceLock::new();
        BUILTIN.get_or_init(Self::parse_builtin).clone()
    }

    fn parse_builtin() -> Result<RuleSet, Vec<String>> {
        use rayon::prelude::*;
        let files: Vec<(&str, &str)> = builtin_files(".hcl")
            .filter(|(path, _)| !path.starts_with("catalog/"))
            // Exposure-path rules have their own format (`crate::paths::rules`).
            .filter(|(path, _)| !path.starts_with("paths/"))
            .collect();
        // Parsed in parallel (each file holds example Terraform to parse), kept in file order.
        let parsed: Vec<_> = files
            .par_iter()
            .map(|(path, text)| parse_rule(text, &format!("rules/{path}")))
            .collect();
        let mut set = RuleSet::default();
        let mut errors = Vec::new();
        for result in parsed {
            match result {
                Ok(rule) => set.push(rule),
                Err(e) => errors.extend(e),
            }
        }
        if let Err(e) = set.check_unique() {
            errors.extend(e);
        }
        if errors.is_empty() {
            Ok(set)
        } else {
            Err(errors)
        }
    }

    /// Adds the rule file `path`, or every `*.hcl` rule file below the directory `path`.
    pub fn load_path(&mut self, path: &Path) -> Result<usize, Vec<String>> {
        if !path.is_file() {
            return self.load_dir(path);
        }
        let origin = crate::source::display_file_path(path);
        let rule = std::fs::read_to_string(path)
            .map_err(|e| vec![format!("{origin}: {e}")])
            .and_then(|text| parse_rule(&text, &origin))?;
        self.push(rule);
        self.check_unique().map(|()| 1)
    }

    /// Adds every `*.hcl` rule file below `dir`, leaving out exposure-path rule files (read by
    /// `paths::rules::load_dir` from the same directories).
    pub fn load_dir(&mut self, dir: &Path) -> Result<usize, Vec<String>> {
        let mut errors = Vec::new();
        let mut added = 0;
        let paths = rule_files(dir)?;
        for p in paths {
            let origin = crate::source::display_file_path(&p);
            match std::fs::read_to_string(&p) {
                Ok(text) if declares_path_rule(&text) => {}
                Ok(text) => match parse_rule(&text, &origin) {
                    Ok(rule) => {
                        self.push(rule);
                        added += 1;
                    }
                    Err(e) => errors.extend(e),
                },
                Err(e) => errors.push(format!("{origin}: {e}")),
            }
        }
        if let Err(e) = self.check_unique() {
            errors.extend(e);
        }
        if errors.is_empty() {
            Ok(added)
        } else {
            Err(errors)
        }
    }

    fn push(&mut self, rule: Rule) {
        self.push_shared(Arc::new(rule));
    }

    /// Appends a rule and indexes it.
    fn push_shared(&mut self, rule: Arc<Rule>) {
        let idx = self.rules.len();
        for t in &rule.resources {
            self.by_type.entry(t.clone()).or_default().push(idx);
        }
        self.by_id.entry(rule.id.clone()).or_insert(idx);
        self.rules.push(rule);
    }

    fn check_unique(&self) -> Result<(), Vec<String>> {
        let mut seen: HashMap<&str, &str> = HashMap::new();
        let mut errors = Vec::new();
        for r in &self.rules {
            if let Some(first) = seen.insert(&r.id, &r.origin) {
                errors.push(format!(
                    "{}: rule id `{}` is already defined in {first}",
                    r.origin, r.id
                ));
            }
        }
        if errors.is_empty() {
            Ok(())
        } else {
            Err(errors)
        }
    }

    pub fn rules(&self) -> &[Arc<Rule>] {
        &self.rules
    }

    pub fn get(&self, id: &str) -> Option<&Arc<Rule>> {
        self.by_id.get(id).and_then(|&i| self.rules.get(i))
    }

    /// Indexes (into [`rules`](Self::rules)) of the rules that apply to a resource type.
    pub fn for_type(&self, resource_type: &str) -> &[usize] {
        self.by_type
            .get(resource_type)
            .map(Vec::as_slice)
            .unwrap_or(&[])
    }

    /// A new set with the rules for which `keep` is true (rules are shared, not copied).
    pub fn subset(&self, keep: impl Fn(&Rule) -> bool) -> RuleSet {
        let mut out = self.clone();
        out.retain(keep);
        out
    }

    /// Keeps only the rules for which `keep` is true.
    pub fn retain(&mut self, keep: impl Fn(&Rule) -> bool) {
        let rules = std::mem::take(&mut self.rules);
        self.by_type.clear();
        self.by_id.clear();
        for r in rules {
            if keep(&r) {
                self.push_shared(r);
            }
        }
    }

    pub fn len(&self) -> usize {
        self.rules.len()
    }

    pub fn is_empty(&self) -> bool {
        self.rules.is_empty()
    }
}
