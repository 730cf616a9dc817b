//! Rules as data: each rule is one HCL file (`rules/<provider>/<service>/<id>.hcl`) holding its
//! metadata, condition, documentation and examples. This module parses rule files into
//! [`Rule`]s with a [`Condition`] tree, and selects the rules a scan runs ([`select`]); the engine
//! that evaluates them is in `check`.

mod condition;
pub mod controls;
pub mod select;

pub use condition::{CompareOp, Condition, Quantifier, ReadFrom, Test};
pub use select::RuleSelection;

use crate::load::ast::{Attribute, Block};
use crate::load::hcl;
use crate::source::{FileId, SourceFile};
use crate::taxonomy::{Area, Severity};
use crate::value::Value;
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

    /// Adds every `*.hcl` rule file below `dir`.
    pub fn load_dir(&mut self, dir: &Path) -> Result<usize, Vec<String>> {
        let mut errors = Vec::new();
        let mut added = 0;
        let mut paths: Vec<_> = walkdir::WalkDir::new(dir)
            .into_iter()
            .filter_map(Result::ok)
            .filter(|e| e.file_type().is_file() && e.path().extension().is_some_and(|x| x == "hcl"))
            .map(|e| e.into_path())
            .collect();
        if !dir.is_dir() {
            return Err(vec![format!(
                "{}: rules directory not found",
                dir.display()
            )]);
        }
        paths.sort();
        for p in paths {
            let origin = crate::source::display_file_path(&p);
            match std::fs::read_to_string(&p) {
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

/// A problem in a rule file, as `origin:line:col: message`.
fn located(source: &SourceFile, origin: &str, offset: u32, msg: &str) -> String {
    let lc = source.line_col(offset);
    format!("{origin}:{}:{}: {msg}", lc.line, lc.column)
}

/// Parses one rule file.
pub fn parse_rule(text: &str, origin: &str) -> Result<Rule, Vec<String>> {
    let source = SourceFile::new(origin.to_string(), origin.into(), text);
    let body = hcl::parse(FileId(0), text).map_err(|d| {
        vec![located(
            &source,
            origin,
            d.span.map(|s| s.start).unwrap_or(0),
            &d.message,
        )]
    })?;
    let mut errors = Vec::new();
    let blocks: Vec<&Block> = body.blocks_of("rule").collect();
    let [block] = blocks.as_slice() else {
        return Err(vec![format!(
            "{origin}: a rule file holds exactly one `rule \"ID\" {{ ... }}` block"
        )]);
    };
    let err = |errors: &mut Vec<String>, offset: u32, msg: &str| {
        errors.push(located(&source, origin, offset, msg))
    };
    let Some(id) = block.labels.first().cloned() else {
        return Err(vec![located(
            &source,
            origin,
            block.header.start,
            "the rule block needs the rule id as its label",
        )]);
    };
    if !id
        .chars()
        .all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || c == '-')
        || id.is_empty()
    {
        err(
            &mut errors,
            block.header.start,
            "rule ids are lower-case letters, digits and `-`",
        );
    }
    let b = &block.body;
    let string = |errors: &mut Vec<String>, name: &str, required: bool| -> String {
        match b.attribute(name) {
            Some(a) => match constant(a).and_then(|v| v.as_str().map(str::to_string)) {
                Some(s) => s.trim().to_string(),
                None => {
                    err(errors, a.span.start, &format!("`{name}` must be a string"));
                    String::new()
                }
            },
            None => {
                if required {
                    err(
                        errors,
                        block.header.start,
                        &format!("the rule has no `{name}`"),
                    );
                }
                String::new()
            }
        }
    };
    let strings = |errors: &mut Vec<String>, name: &str| -> Vec<String> {
        match b.attribute(name) {
            Some(a) => match constant(a) {
                Some(v) => match v.as_list().map(|l| {
                    l.iter()
                        .map(|x| x.as_str().map(str::to_string))
                        .collect::<Option<Vec<_>>>()
                }) {
                    Some(Some(list)) => list,
                    _ => {
                        err(
                            errors,
                            a.span.start,
                            &format!("`{name}` must be a list of strings"),
                        );
                        Vec::new()
                    }
                },
                None => {
                    err(
                        errors,
                        a.span.start,
                        &format!("`{name}` must be a literal list"),
                    );
                    Vec::new()
                }
            },
            None => Vec::new(),
        }
    };
    let title = string(&mut errors, "title", true);
    let severity_text = string(&mut errors, "severity", true);
    let severity = severity_text.parse::<Severity>().unwrap_or_else(|e| {
        if !severity_text.is_empty() {
            err(&mut errors, block.header.start, &e);
        }
        Severity::Medium
    });
    let area_text = string(&mut errors, "area", true);
    let area = area_text.parse::<Area>().unwrap_or_else(|e| {
        if !area_text.is_empty() {
            err(&mut errors, block.header.start, &e);
        }
        Area::ConfigurationPosture
    });
    let resources: Vec<Arc<str>> = strings(&mut errors, "resources")
        .into_iter()
        .map(Arc::from)
        .collect();
    if resources.is_empty() {
        err(
            &mut errors,
            block.header.start,
            "the rule needs `resources`, a non-empty list of resource types",
        );
    }
    let description = string(&mut errors, "description", true);
    let remediation = string(&mut errors, "remediation", true);
    let aliases = strings(&mut errors, "aliases");
    let references = strings(&mut errors, "references");

    let parse_cond = |name: &str, errors: &mut Vec<String>| -> Option<Condition> {
        let blocks: Vec<&Block> = b.blocks_of(name).collect();
        match blocks.as_slice() {
            [] => None,
            [one] => match condition::parse_body(&one.body) {
                Ok(c) => Some(c),
                Err((offset, msg)) => {
                    err(errors, offset, &msg);
                    None
                }
            },
            [_, second, ..] => {
                err(
                    errors,
                    second.header.start,
                    &format!("only one `{name}` block is allowed"),
                );
                None
            }
        }
    };
    let assert = parse_cond("assert", &mut errors);
    let when = parse_cond("when", &mut errors);
    if assert.is_none() && !b.blocks_of("assert").any(|_| true) {
        err(
            &mut errors,
            block.header.start,
            "the rule has no `assert` block",
        );
    }

    let mut examples = Vec::new();
    for ex in b.blocks_of("example") {
        let kind = match ex.labels.first().map(|l| &**l) {
            Some("good") => ExampleKind::Good,
            Some("bad") => ExampleKind::Bad,
            _ => {
                err(
                    &mut errors,
                    ex.header.start,
                    "an example is labelled \"good\" or \"bad\"",
                );
                continue;
            }
        };
        let mut lines = Vec::new();
        if let Some(a) = ex.body.attribute("lines") {
            match constant(a).and_then(|v| {
                v.as_list().map(|l| {
                    l.iter()
                        .map(|x| {
                            x.as_number()
                                .filter(|n| {
                                    *n >= 1.0 && n.fract() == 0.0 && *n <= f64::from(u32::MAX)
                                })
                                .map(|n| n as u32)
                        })
                        .collect::<Option<Vec<u32>>>()
                })
            }) {
                Some(Some(l)) => lines = l,
                _ => err(
                    &mut errors,
                    a.span.start,
                    "`lines` is a list of line numbers (1-based lines of `code`)",
                ),
            }
        }
        for a in &ex.body.attributes {
            if !matches!(&*a.name, "code" | "lines") {
                err(
                    &mut errors,
                    a.span.start,
                    &format!(
                        "unknown example field `{}` (an example has `code` and `lines`)",
                        a.name
                    ),
                );
            }
        }
        match ex
            .body
            .attribute("code")
            .and_then(constant)
            .and_then(|v| v.as_str().map(str::to_string))
        {
            Some(code) => examples.push(Example { kind, code, lines }),
            None => err(
                &mut errors,
                ex.header.start,
                "an example needs `code`, a string",
            ),
        }
    }
    let compliance = match b.attribute("compliance") {
        None => Vec::new(),
        Some(a) => match constant(a).as_ref().and_then(compliance_map) {
            Some(c) => c,
            None => {
                err(
                    &mut errors,
                    a.span.start,
                    "`compliance` maps a framework id to a list of control ids: `{ \"cis-aws-3.0\" = [\"2.1.1\"] }`",
                );
                Vec::new()
            }
        },
    };
    let secret_values = match b.attribute("secret_values") {
        None => false,
        Some(a) => match constant(a).as_ref().and_then(Value::as_bool) {
            Some(v) => v,
            None => {
                err(
                    &mut errors,
                    a.span.start,
                    "`secret_values` is `true` or `false`",
                );
                false
            }
        },
    };
    if !examples.iter().any(|e| e.kind == ExampleKind::Bad)
        || !examples.iter().any(|e| e.kind == ExampleKind::Good)
    {
        err(
            &mut errors,
            block.header.start,
            "a rule needs at least one good and one bad example",
        );
    }
    for a in &b.attributes {
        if !matches!(
            &*a.name,
            "title"
                | "severity"
                | "area"
                | "resources"
                | "aliases"
                | "description"
                | "remediation"
                | "references"
                | "compliance"
                | "secret_values"
        ) {
            err(
                &mut errors,
                a.span.start,
                &format!("unknown rule field `{}`", a.name),
            );
        }
    }
    for bl in &b.blocks {
        if !matches!(&*bl.kind, "assert" | "when" | "example") {
            err(
                &mut errors,
                bl.header.start,
                &format!("unknown block `{}` in a rule", bl.kind),
            );
        }
    }
    if !errors.is_empty() {
        return Err(errors);
    }
    let provider = id.split('-').next().unwrap_or_default().to_string();
    Ok(Rule {
        id,
        title: title.into(),
        severity,
        area,
        resources,
        aliases,
        description,
        remediation,
        references,
        when,
        assert: assert.unwrap_or(Condition::All(Vec::new())),
        examples,
        compliance,
        secret_values,
        provider,
        origin: origin.to_string(),
    })
}

/// A `compliance` value: framework id (lower-case, `-` and `.` separated) → control ids.
fn compliance_map(v: &Value) -> Option<Vec<(String, Vec<String>)>> {
    let mut out = Vec::new();
    for (framework, controls) in v.as_object()?.iter() {
        let valid = !framework.is_empty()
            && framework
                .chars()
                .all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || c == '-' || c == '.');
        if !valid {
            return None;
        }
        let controls = controls
            .as_list()?
            .iter()
            .map(|c| c.as_str().map(str::to_string))
            .collect::<Option<Vec<_>>>()?;
        if controls.is_empty() {
            return None;
        }
        out.push((framework.to_string(), controls));
    }
    out.sort();
    Some(out)
}

fn constant(a: &Attribute) -> Option<Value> {
    crate::eval::constant_value(&a.expr)
}
