//! One rule file parsed into a [`Rule`]: the `rule "ID" { ... }` block, its metadata fields,
//! its `when` and `assert` conditions and its examples. Every problem is collected, each as
//! `origin:line:col: message`, so an author sees them all at once.

use super::condition;
use super::{Condition, Example, ExampleKind, Rule};
use crate::load::ast::{Attribute, Block, Body};
use crate::load::hcl;
use crate::source::{FileId, SourceFile};
use crate::taxonomy::{Area, Severity};
use crate::value::Value;
use std::sync::Arc;

/// The attributes a rule block may hold.
const RULE_FIELDS: &[&str] = &[
    "title",
    "severity",
    "area",
    "resources",
    "aliases",
    "description",
    "remediation",
    "references",
    "compliance",
    "secret_values",
];

/// The problems found in one rule file, each located in it.
struct RuleFileErrors<'a> {
    source: &'a SourceFile,
    origin: &'a str,
    messages: Vec<String>,
}

impl RuleFileErrors<'_> {
    /// Records a problem at byte `offset` of the file.
    fn at(&mut self, offset: u32, msg: &str) {
        self.messages
            .push(located(self.source, self.origin, offset, msg));
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
    let blocks: Vec<&Block> = body.blocks_of("rule").collect();
    let [block] = blocks.as_slice() else {
        return Err(vec![format!(
            "{origin}: a rule file holds exactly one `rule \"ID\" {{ ... }}` block (or, for an exposure path, one `path_rule \"ID\" {{ ... }}` block)"
        )]);
    };
    let Some(id) = block.labels.first().cloned() else {
        return Err(vec![located(
            &source,
            origin,
            block.header.start,
            "the rule block needs the rule id as its label",
        )]);
    };
    let mut errors = RuleFileErrors {
        source: &source,
        origin,
        messages: Vec::new(),
    };
    if !id
        .chars()
        .all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || c == '-')
        || id.is_empty()
    {
        errors.at(
            block.header.start,
            "rule ids are lower-case letters, digits and `-`",
        );
    }
    let b = &block.body;
    let header = block.header.start;
    let title = string_field(b, header, "title", true, &mut errors);
    let severity_text = string_field(b, header, "severity", true, &mut errors);
    let severity = severity_text.parse::<Severity>().unwrap_or_else(|e| {
        if !severity_text.is_empty() {
            errors.at(header, &e);
        }
        Severity::Medium
    });
    let area_text = string_field(b, header, "area", true, &mut errors);
    let area = area_text.parse::<Area>().unwrap_or_else(|e| {
        if !area_text.is_empty() {
            errors.at(header, &e);
        }
        Area::ConfigurationPosture
    });
    let resources: Vec<Arc<str>> = string_list_field(b, "resources", &mut errors)
        .into_iter()
        .map(Arc::from)
        .collect();
    if resources.is_empty() {
        errors.at(
            header,
            "the rule needs `resources`, a non-empty list of resource types",
        );
    }
    let description = string_field(b, header, "description", true, &mut errors);
    let remediation = string_field(b, header, "remediation", true, &mut errors);
    let aliases = string_list_field(b, "aliases", &mut errors);
    let references = string_list_field(b, "references", &mut errors);
    let assert = condition_block(b, "assert", &mut errors);
    let when = condition_block(b, "when", &mut errors);
    if assert.is_none() && !b.blocks_of("assert").any(|_| true) {
        errors.at(header, "the rule has no `assert` block");
    }
    let examples = examples(b, &mut errors);
    let compliance = compliance_field(b, &mut errors);
    let secret_values = secret_values_field(b, &mut errors);
    if !examples.iter().any(|e| e.kind == ExampleKind::Bad)
        || !examples.iter().any(|e| e.kind == ExampleKind::Good)
    {
        errors.at(header, "a rule needs at least one good and one bad example");
    }
    unknown_fields(b, &mut errors);
    if !errors.messages.is_empty() {
        return Err(errors.messages);
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

/// The string attribute `name` of the rule, trimmed; empty when absent (an error if
/// `required`, reported at the rule's `header`) or not a string.
fn string_field(
    b: &Body,
    header: u32,
    name: &str,
    required: bool,
    errors: &mut RuleFileErrors<'_>,
) -> String {
    match b.attribute(name) {
        Some(a) => match constant(a).and_then(|v| v.as_str().map(str::to_string)) {
            Some(s) => s.trim().to_string(),
            None => {
                errors.at(a.span.start, &format!("`{name}` must be a string"));
                String::new()
            }
        },
        None => {
            if required {
                errors.at(header, &format!("the rule has no `{name}`"));
            }
            String::new()
        }
    }
}

/// The literal list of strings `name`; empty when absent or malformed (an error).
fn string_list_field(b: &Body, name: &str, errors: &mut RuleFileErrors<'_>) -> Vec<String> {
    let Some(a) = b.attribute(name) else {
        return Vec::new();
    };
    let Some(v) = constant(a) else {
        errors.at(a.span.start, &format!("`{name}` must be a literal list"));
        return Vec::new();
    };
    let list = v.as_list().and_then(|l| {
        l.iter()
            .map(|x| x.as_str().map(str::to_string))
            .collect::<Option<Vec<_>>>()
    });
    list.unwrap_or_else(|| {
        errors.at(a.span.start, &format!("`{name}` must be a list of strings"));
        Vec::new()
    })
}

/// The condition of the one block `name` (`assert` or `when`), if there is one and it parses.
fn condition_block(b: &Body, name: &str, errors: &mut RuleFileErrors<'_>) -> Option<Condition> {
    let blocks: Vec<&Block> = b.blocks_of(name).collect();
    match blocks.as_slice() {
        [] => None,
        [one] => match condition::parse_body(&one.body) {
            Ok(c) => Some(c),
            Err((offset, msg)) => {
                errors.at(offset, &msg);
                None
            }
        },
        [_, second, ..] => {
            errors.at(
                second.header.start,
                &format!("only one `{name}` block is allowed"),
            );
            None
        }
    }
}

/// The rule's `example` blocks that parse.
fn examples(b: &Body, errors: &mut RuleFileErrors<'_>) -> Vec<Example> {
    b.blocks_of("example")
        .filter_map(|ex| example(ex, errors))
        .collect()
}

/// One `example "good"|"bad" { code = ..., lines = [...] }` block.
fn example(ex: &Block, errors: &mut RuleFileErrors<'_>) -> Option<Example> {
    let kind = match ex.labels.first().map(|l| &**l) {
        Some("good") => ExampleKind::Good,
        Some("bad") => ExampleKind::Bad,
        _ => {
            errors.at(
                ex.header.start,
                "an example is labelled \"good\" or \"bad\"",
            );
            return None;
        }
    };
    let lines = ex
        .body
        .attribute("lines")
        .map(|a| example_lines(a, errors))
        .unwrap_or_default();
    for a in &ex.body.attributes {
        if !matches!(&*a.name, "code" | "lines") {
            errors.at(
                a.span.start,
                &format!(
                    "unknown example field `{}` (an example has `code` and `lines`)",
                    a.name
                ),
            );
        }
    }
    let code = ex
        .body
        .attribute("code")
        .and_then(constant)
        .and_then(|v| v.as_str().map(str::to_string));
    match code {
        Some(code) => Some(Example { kind, code, lines }),
        None => {
            errors.at(ex.header.start, "an example needs `code`, a string");
            None
        }
    }
}

/// An example's `lines`: 1-based line numbers of its `code`.
fn example_lines(a: &Attribute, errors: &mut RuleFileErrors<'_>) -> Vec<u32> {
    let line_number = |x: &Value| {
        x.as_number()
            .filter(|n| *n >= 1.0 && n.fract() == 0.0 && *n <= f64::from(u32::MAX))
            .map(|n| n as u32)
    };
    let lines = constant(a).and_then(|v| {
        v.as_list()
            .map(|l| l.iter().map(line_number).collect::<Option<Vec<u32>>>())
    });
    match lines {
        Some(Some(l)) => l,
        _ => {
            errors.at(
                a.span.start,
                "`lines` is a list of line numbers (1-based lines of `code`)",
            );
            Vec::new()
        }
    }
}

/// The rule's `compliance` map, sorted; empty when absent or malformed (an error).
fn compliance_field(b: &Body, errors: &mut RuleFileErrors<'_>) -> Vec<(String, Vec<String>)> {
    let Some(a) = b.attribute("compliance") else {
        return Vec::new();
    };
    constant(a)
        .as_ref()
        .and_then(compliance_map)
        .unwrap_or_else(|| {
            errors.at(
                a.span.start,
                "`compliance` maps a framework id to a list of control ids: `{ \"cis-aws-3.0\" = [\"2.1.1\"] }`",
            );
            Vec::new()
        })
}

/// The rule's `secret_values` flag; false when absent or not a bool (an error).
fn secret_values_field(b: &Body, errors: &mut RuleFileErrors<'_>) -> bool {
    let Some(a) = b.attribute("secret_values") else {
        return false;
    };
    constant(a)
        .as_ref()
        .and_then(Value::as_bool)
        .unwrap_or_else(|| {
            errors.at(a.span.start, "`secret_values` is `true` or `false`");
            false
        })
}

/// Attributes and blocks a rule does not have: each an error, so a misspelt field is not
/// silently ignored.
fn unknown_fields(b: &Body, errors: &mut RuleFileErrors<'_>) {
    for a in &b.attributes {
        if !RULE_FIELDS.contains(&&*a.name) {
            errors.at(a.span.start, &format!("unknown rule field `{}`", a.name));
        }
    }
    for bl in &b.blocks {
        if !matches!(&*bl.kind, "assert" | "when" | "example") {
            errors.at(
                bl.header.start,
                &format!("unknown block `{}` in a rule", bl.kind),
            );
        }
    }
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
