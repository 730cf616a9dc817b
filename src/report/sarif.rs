//! SARIF 2.1.0, shaped for GitHub code scanning (documented in docs/sarif.md).
//!
//! One run; the driver lists every rule of the scan with its documentation; each finding is a
//! result with its location relative to `%SRCROOT%` (the repository root, as fingerprints and
//! baselines use it: the same URIs whatever the directory onus ran in or how the paths were
//! spelt), the Terraform address as a logical location and a line-independent partial
//! fingerprint. `%SRCROOT%` is declared without a URI: the log names no local absolute path,
//! and code scanning resolves the base to the checkout. Suppressed findings are always
//! included, marked with `suppressions`, so code scanning closes their alerts. Nothing in the
//! output depends on the time or on thread scheduling.

use super::{diagnostic_position, level, position};
use crate::finding::Finding;
use crate::result::ScanResult;
use crate::rules::Rule;
use crate::source::{SourceFile, Span};
use crate::taxonomy::Severity;
use serde_json::{json, Map, Value};
use std::collections::HashMap;
use std::path::Path;
use std::sync::Arc;

pub const SCHEMA_URI: &str = "https://json.schemastore.org/sarif-2.1.0.json";
pub const SARIF_VERSION: &str = "2.1.0";
/// The base id every artifact location is relative to.
pub const SRCROOT: &str = "%SRCROOT%";
/// Key of onus's partial fingerprint; bump the version if the fingerprint recipe changes.
pub const FINGERPRINT_KEY: &str = "onus/v1";
/// What `%SRCROOT%` stands for, as the log says it.
const ROOT_DESCRIPTION: &str = "The repository root: the nearest directory at or above the \
    first scanned path that holds .git or .onus.hcl, else that path (in CI, the checkout).";

/// Renders `result` as a SARIF log.
pub fn render(result: &ScanResult) -> String {
    let mut out = Vec::new();
    // Writing into memory cannot fail.
    let _ = write(result, &mut out);
    String::from_utf8(out).unwrap_or_default()
}

/// Most results a log carries. GitHub code scanning stores at most 5,000 results of a run and
/// rejects a run of more than 25,000; which 5,000 it keeps is its choice, so onus makes it:
/// the most severe unsuppressed findings first, and says in a notification what it left out.
pub const MAX_RESULTS: usize = 5_000;

/// The results, each built as it is written, so a large scan's log is never held in memory.
struct Results<'a> {
    result: &'a ScanResult,
    /// The findings written, in report order.
    kept: Vec<&'a Finding>,
    index: HashMap<&'a str, usize>,
    /// The scanned files by display path.
    files: HashMap<&'a str, &'a SourceFile>,
}

impl serde::Serialize for Results<'_> {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.collect_seq(self.kept.iter().map(|f| {
            let rule_index = self.index.get(&*f.rule_id).copied();
            result_object(self.result, &self.files, f, rule_index)
        }))
    }
}

/// The findings a log of at most `max` results keeps, in report order: unsuppressed before
/// suppressed, then the most severe, then report order.
fn kept_findings(result: &ScanResult, max: usize) -> Vec<&Finding> {
    let findings = &result.findings;
    if findings.len() <= max {
        return findings.iter().map(|f| &**f).collect();
    }
    let mut order: Vec<usize> = (0..findings.len()).collect();
    order.sort_by_key(|&i| {
        let f = &findings[i];
        (f.suppression.is_some(), std::cmp::Reverse(f.severity), i)
    });
    order.truncate(max);
    order.sort_unstable();
    order.into_iter().map(|i| &*findings[i]).collect()
}

/// The notification of findings left out of the log by [`MAX_RESULTS`], by severity.
fn left_out_notification(result: &ScanResult, kept: &[&Finding]) -> Option<Value> {
    let left = result.findings.len() - kept.len();
    if left == 0 {
        return None;
    }
    let mut by_severity: HashMap<Severity, usize> = HashMap::new();
    for f in &result.findings {
        *by_severity.entry(f.severity).or_default() += 1;
    }
    for f in kept {
        if let Some(n) = by_severity.get_mut(&f.severity) {
            *n -= 1;
        }
    }
    let counts: Vec<String> = Severity::ALL
        .iter()
        .filter_map(|s| {
            let n = by_severity.get(s).copied().unwrap_or(0);
            (n > 0).then(|| format!("{n} {}", s.as_str()))
        })
        .collect();
    let total = result.findings.len();
    Some(json!({
        "level": "warning",
        "descriptor": {"id": "result-limit"},
        "message": {"text": format!(
            "{left} of {total} results are left out ({}): GitHub code scanning stores at most \
             5,000 results per run and rejects a run of more than 25,000, so this log keeps the \
             {} most severe findings, unsuppressed ones first. The json format lists them all.",
            counts.join(", "),
            kept.len()
        )},
        "properties": {"results": total, "kept": kept.len(), "leftOut": left},
    }))
}

/// The run, with its fields in the order of the SARIF specification's examples.
#[derive(serde::Serialize)]
#[serde(rename_all = "camelCase")]
struct Run<'a> {
    tool: Value,
    invocations: Value,
    original_uri_base_ids: Value,
    column_kind: &'static str,
    results: Results<'a>,
}

#[derive(serde::Serialize)]
struct Log<'a> {
    #[serde(rename = "$schema")]
    schema: &'static str,
    version: &'static str,
    runs: [Run<'a>; 1],
}

/// Writes the log to `out`.
pub fn write(result: &ScanResult, out: &mut dyn std::io::Write) -> std::io::Result<()> {
    let mut rules: Vec<&Arc<Rule>> = result.rules.rules().iter().collect();
    rules.sort_by(|a, b| a.id.cmp(&b.id));
    let mut index: HashMap<&str, usize> =
        rules.iter().enumerate().map(|(i, r)| (&*r.id, i)).collect();
    // Exposure-path rules are described after the others, those with results only (they are
    // not in the rule set: their format is their own).
    let path_rules: Vec<&crate::paths::PathRule> = result
        .path_rules
        .iter()
        .filter(|r| result.findings.iter().any(|f| f.rule_id == r.id))
        .collect();
    for (i, r) in path_rules.iter().enumerate() {
        if let Some(f) = result.findings.iter().find(|f| f.rule_id == r.id) {
            index.insert(&f.rule_id, rules.len() + i);
        }
    }

    // No `uri`: it would be this machine's path. Code scanning takes the checkout for it.
    let root_location = json!({"description": {"text": ROOT_DESCRIPTION}});

    let mut driver = Map::new();
    driver.insert("name".into(), json!("onus"));
    driver.insert("version".into(), json!(env!("CARGO_PKG_VERSION")));
    driver.insert("semanticVersion".into(), json!(env!("CARGO_PKG_VERSION")));
    if let Some(uri) = information_uri() {
        driver.insert("informationUri".into(), json!(uri));
    }
    driver.insert(
        "rules".into(),
        Value::Array(
            rules
                .iter()
                .map(|r| rule_object(r))
                .chain(path_rules.iter().copied().map(path_rule_object))
                .collect(),
        ),
    );

    let kept = kept_findings(result, MAX_RESULTS);
    let files = files_by_display(result);
    let mut notes: Vec<Value> = left_out_notification(result, &kept).into_iter().collect();
    notes.extend(notifications(result, &files));
    let log = Log {
        schema: SCHEMA_URI,
        version: SARIF_VERSION,
        runs: [Run {
            tool: json!({"driver": driver}),
            invocations: json!([{
                // A file that did not parse, or any other error, leaves the analysis incomplete.
                "executionSuccessful": !result.has_errors(),
                "toolExecutionNotifications": notes,
            }]),
            original_uri_base_ids: json!({SRCROOT: root_location}),
            column_kind: "unicodeCodePoints",
            results: Results {
                result,
                kept,
                index,
                files,
            },
        }],
    };
    serde_json::to_writer_pretty(&mut *out, &log)?;
    out.write_all(b"\n")
}

/// The project's home page, from the package metadata, when it has one.
fn information_uri() -> Option<&'static str> {
    [env!("CARGO_PKG_HOMEPAGE"), env!("CARGO_PKG_REPOSITORY")]
        .into_iter()
        .find(|s| !s.is_empty())
}

/// `security-severity` as GitHub reads it: ≥ 9.0 critical, ≥ 7.0 high, ≥ 4.0 medium, else low.
pub fn security_severity(s: Severity) -> &'static str {
    match s {
        Severity::Critical => "9.5",
        Severity::High => "8.0",
        Severity::Medium => "5.5",
        Severity::Low => "3.0",
    }
}

/// `aws-s3-bucket-public-acl` → `AwsS3BucketPublicAcl`.
pub fn camel_case(id: &str) -> String {
    id.split(|c: char| !c.is_ascii_alphanumeric())
        .filter(|w| !w.is_empty())
        .map(|w| {
            let mut cs = w.chars();
            match cs.next() {
                Some(first) => first.to_ascii_uppercase().to_string() + cs.as_str(),
                None => String::new(),
            }
        })
        .collect()
}

fn rule_object(r: &Rule) -> Value {
    let description = unwrap_paragraphs(&r.description);
    let mut text = format!("{description}\n\nRemediation: {}", r.remediation);
    let mut markdown = format!("{description}\n\n**Remediation:** {}", r.remediation);
    if !r.references.is_empty() {
        text.push_str("\n\nReferences:");
        markdown.push_str("\n\n**References:**\n");
        for url in &r.references {
            text.push_str(&format!("\n- {url}"));
            markdown.push_str(&format!("\n- <{url}>"));
        }
    }
    if !r.aliases.is_empty() {
        let aliases = r.aliases.join(", ");
        text.push_str(&format!("\n\nAlso known as: {aliases}"));
        markdown.push_str(&format!("\n\n**Also known as:** {aliases}"));
    }
    let mut o = Map::new();
    o.insert("id".into(), json!(&*r.id));
    o.insert("name".into(), json!(camel_case(&r.id)));
    o.insert("shortDescription".into(), json!({"text": r.title}));
    // GitHub code scanning cuts `fullDescription` at 1,024 characters; the whole text stays in
    // `help`.
    o.insert(
        "fullDescription".into(),
        json!({"text": shorten(&description, MAX_FULL_DESCRIPTION)}),
    );
    o.insert("help".into(), json!({"text": text, "markdown": markdown}));
    if let Some(uri) = r.help_uri() {
        o.insert("helpUri".into(), json!(uri));
    }
    o.insert(
        "defaultConfiguration".into(),
        json!({"level": level(r.severity)}),
    );
    o.insert(
        "properties".into(),
        json!({
            "tags": ["security", r.area.as_str(), r.provider],
            "security-severity": security_severity(r.severity),
            "precision": "high",
            "problem.severity": problem_severity(r.severity),
            "severity": r.severity.as_str(),
            "aliases": r.aliases,
        }),
    );
    Value::Object(o)
}

fn path_rule_object(r: &crate::paths::PathRule) -> Value {
    let description = unwrap_paragraphs(&r.description);
    let remediation = unwrap_paragraphs(&r.remediation);
    let mut o = Map::new();
    o.insert("id".into(), json!(&*r.id));
    o.insert("name".into(), json!(camel_case(&r.id)));
    o.insert("shortDescription".into(), json!({"text": &*r.title}));
    o.insert(
        "fullDescription".into(),
        json!({"text": shorten(&description, MAX_FULL_DESCRIPTION)}),
    );
    o.insert(
        "help".into(),
        json!({"text": format!("{description}\n\nFix: {remediation}")}),
    );
    if let Some(uri) = r.references.first() {
        o.insert("helpUri".into(), json!(uri));
    }
    o.insert(
        "defaultConfiguration".into(),
        json!({"level": level(r.severity)}),
    );
    o.insert(
        "properties".into(),
        json!({
            "tags": ["security", "exposure-path", "aws"],
            "security-severity": security_severity(r.severity),
            "precision": "high",
            "problem.severity": problem_severity(r.severity),
            "severity": r.severity.as_str(),
        }),
    );
    Value::Object(o)
}

/// The `problem.severity` property CodeQL uses for non-security ranking.
/// Longest `fullDescription` GitHub code scanning keeps, in characters.
const MAX_FULL_DESCRIPTION: usize = 1024;

/// `s` cut to at most `max` characters, at a word boundary, with an ellipsis when cut.
fn shorten(s: &str, max: usize) -> String {
    if s.chars().count() <= max {
        return s.to_string();
    }
    let head: String = s.chars().take(max - 1).collect();
    let cut = head.rfind(char::is_whitespace).unwrap_or(head.len());
    format!("{}…", head[..cut].trim_end())
}

fn problem_severity(s: Severity) -> &'static str {
    match s {
        Severity::Critical | Severity::High => "error",
        Severity::Medium => "warning",
        Severity::Low => "recommendation",
    }
}

/// Rule descriptions are written as wrapped paragraphs; SARIF viewers wrap text themselves.
fn unwrap_paragraphs(s: &str) -> String {
    s.trim()
        .split("\n\n")
        .map(|p| p.split_whitespace().collect::<Vec<_>>().join(" "))
        .filter(|p| !p.is_empty())
        .collect::<Vec<_>>()
        .join("\n\n")
}

fn result_object(
    result: &ScanResult,
    files: &HashMap<&str, &SourceFile>,
    f: &Finding,
    rule_index: Option<usize>,
) -> Value {
    let mut o = Map::new();
    o.insert("ruleId".into(), json!(&*f.rule_id));
    if let Some(i) = rule_index {
        o.insert("ruleIndex".into(), json!(i));
    }
    o.insert("level".into(), json!(level(f.severity)));
    o.insert(
        "message".into(),
        json!({"text": format!("{} ({}: {})", f.message, f.address, f.primary_label)}),
    );
    let (_, start, end) = position(result, f);
    let artifact = result
        .sources
        .get(f.primary.file)
        .map(artifact_location)
        .unwrap_or_else(|| json!({"uri": "", "uriBaseId": SRCROOT}));
    o.insert(
        "locations".into(),
        json!([{
            "physicalLocation": physical_location(artifact, start, end),
            "logicalLocations": [{"fullyQualifiedName": f.address, "kind": "resource"}],
        }]),
    );
    o.insert(
        "partialFingerprints".into(),
        json!({FINGERPRINT_KEY: f.fingerprint}),
    );
    let related: Vec<Value> = f
        .secondary
        .iter()
        .filter_map(|(span, label)| Some((span_location(result, *span)?, label)))
        .enumerate()
        .map(|(i, (loc, label))| {
            json!({"id": i + 1, "physicalLocation": loc, "message": {"text": label}})
        })
        .collect();
    if !related.is_empty() {
        o.insert("relatedLocations".into(), Value::Array(related));
    }
    if let Some(path) = &f.path {
        o.insert("codeFlows".into(), code_flows(result, path));
    }
    if let Some(s) = &f.suppression {
        let mut sup = Map::new();
        sup.insert("kind".into(), json!(s.kind.as_str()));
        sup.insert("status".into(), json!("accepted"));
        if !s.justification.is_empty() {
            sup.insert("justification".into(), json!(s.justification));
        }
        if let Some(loc) = s.span.and_then(|span| span_location(result, span)) {
            sup.insert("location".into(), json!({"physicalLocation": loc}));
        }
        o.insert("suppressions".into(), json!([sup]));
    }
    let mut props = Map::new();
    props.insert("severity".into(), json!(f.severity.as_str()));
    props.insert("area".into(), json!(f.area.as_str()));
    props.insert("service".into(), json!(&*f.service));
    props.insert("serviceModel".into(), json!(f.service_model.as_str()));
    props.insert("resourceType".into(), json!(&*f.resource_type));
    if let Some(a) = &f.attribute {
        props.insert("attribute".into(), json!(a));
    }
    if !f.via.is_empty() {
        props.insert("via".into(), json!(f.via));
    }
    if let Some(p) = &f.plan_file {
        // Named as the locations are: from the repository root.
        let plan = files
            .get(p.as_str())
            .map_or(p.as_str(), |s| s.repository_path());
        props.insert("planFile".into(), json!(plan));
    }
    o.insert("properties".into(), Value::Object(props));
    Value::Object(o)
}

/// An exposure path as one code flow: a thread-flow location per hop, entry first, so code
/// scanning shows the chain step by step.
fn code_flows(result: &ScanResult, path: &crate::finding::ExposurePath) -> Value {
    let locations: Vec<Value> = path
        .hops
        .iter()
        .filter_map(|h| {
            let loc = span_location(result, h.span)?;
            Some(json!({
                "location": {
                    "physicalLocation": loc,
                    "logicalLocations": [{"fullyQualifiedName": h.address, "kind": "resource"}],
                    "message": {"text": format!("{}: {}", h.stage.as_str(), h.label)},
                },
                "kinds": [h.stage.as_str()],
                "properties": {
                    "service": &*h.service,
                    "serviceModel": h.service_model.as_str(),
                    "resourceType": &*h.resource_type,
                },
            }))
        })
        .collect();
    json!([{ "threadFlows": [{ "locations": locations }] }])
}

fn span_location(result: &ScanResult, span: Span) -> Option<Value> {
    let file = result.sources.get(span.file)?;
    let (start, end) = result.sources.locate(span)?;
    Some(physical_location(artifact_location(file), start, end))
}

fn physical_location(
    artifact: Value,
    start: crate::source::LineCol,
    end: crate::source::LineCol,
) -> Value {
    json!({
        "artifactLocation": artifact,
        "region": {
            "startLine": start.line,
            "startColumn": start.column,
            "endLine": end.line.max(start.line),
            "endColumn": if end.line > start.line { end.column } else { end.column.max(start.column) },
        },
    })
}

/// A scanned file as an artifact location: its repository path relative to `%SRCROOT%`.
fn artifact_location(file: &SourceFile) -> Value {
    if file.in_repository() {
        relative_location(file.repository_path())
    } else {
        outside_location(&file.path)
    }
}

fn relative_location(repository_path: &str) -> Value {
    json!({"uri": percent_encode_path(repository_path), "uriBaseId": SRCROOT})
}

/// A file outside the repository root (a second repository scanned in the same run, a
/// `--var-file` elsewhere): no URI relative to `%SRCROOT%` can name it, so its absolute
/// `file://` URI is the only honest one.
fn outside_location(path: &Path) -> Value {
    let abs = match std::env::current_dir() {
        Ok(cwd) => crate::scan::repository::absolute(path, &cwd),
        Err(_) => path.to_path_buf(),
    };
    let text = abs.to_string_lossy().replace('\\', "/");
    if abs.is_absolute() || text.starts_with('/') {
        json!({"uri": file_uri(&text)})
    } else {
        json!({"uri": percent_encode_path(&text)})
    }
}

/// A path a diagnostic names without a span (an unreadable file, the baseline) as an
/// artifact location: the scanned file of that display path, else the path resolved against
/// the repository root.
fn path_location(
    result: &ScanResult,
    by_display: &HashMap<&str, &SourceFile>,
    path: &str,
) -> Value {
    if let Some(file) = by_display.get(path) {
        return artifact_location(file);
    }
    let cwd = std::env::current_dir().ok();
    let relative = result
        .repository_root
        .as_deref()
        .zip(cwd.as_deref())
        .and_then(|(root, cwd)| crate::scan::repository::relative_to(root, Path::new(path), cwd));
    match relative {
        Some(rel) => relative_location(&rel),
        None => outside_location(Path::new(path)),
    }
}

fn file_uri(abs: &str) -> String {
    if abs.starts_with('/') {
        format!("file://{}", percent_encode_path(abs))
    } else {
        // A Windows path such as C:/work: the drive letter and its colon stay as they are.
        match abs.split_once(':') {
            Some((drive, rest)) if drive.len() == 1 => {
                format!("file:///{drive}:{}", percent_encode_path(rest))
            }
            _ => format!("file:///{}", percent_encode_path(abs)),
        }
    }
}

/// Percent-encodes everything in a path but unreserved characters and `/`.
pub fn percent_encode_path(path: &str) -> String {
    let mut out = String::with_capacity(path.len());
    for b in path.bytes() {
        match b {
            b'A'..=b'Z' | b'a'..=b'z' | b'0'..=b'9' | b'-' | b'.' | b'_' | b'~' | b'/' => {
                out.push(b as char)
            }
            _ => out.push_str(&format!("%{b:02X}")),
        }
    }
    out
}

/// Diagnostics (unreadable files, evaluation limits) as tool execution notifications, and the
/// checks that could not be decided. An undecided check is not a result: a result, whatever its
/// `kind`, becomes an alert in GitHub code scanning, while a `note` notification records that
/// the tool could not complete that part of the analysis, with the reason and the place.
fn notifications(result: &ScanResult, files: &HashMap<&str, &SourceFile>) -> Vec<Value> {
    let mut out = diagnostic_notifications(result, files);
    out.extend(result.undecided.iter().map(|u| {
        let mut o = Map::new();
        o.insert("level".into(), json!("note"));
        o.insert("descriptor".into(), json!({"id": "undecided"}));
        o.insert("associatedRule".into(), json!({"id": u.rule_id}));
        o.insert(
            "message".into(),
            json!({"text": format!("{} is undecided on {}: {}", u.rule_id, u.address, u.reason)}),
        );
        let mut locations = Vec::new();
        if let Some(loc) = span_location(result, u.primary) {
            locations.push(json!({"physicalLocation": loc}));
        }
        if let Some(loc) = u.value_span.and_then(|s| span_location(result, s)) {
            locations.push(json!({"physicalLocation": loc, "message": {"text": "value set here"}}));
        }
        if !locations.is_empty() {
            o.insert("locations".into(), Value::Array(locations));
        }
        let mut props = Map::new();
        props.insert("address".into(), json!(u.address));
        if let Some(a) = &u.attribute {
            props.insert("attribute".into(), json!(a));
        }
        o.insert("properties".into(), Value::Object(props));
        Value::Object(o)
    }));
    out
}

/// The scanned files by display path.
fn files_by_display(result: &ScanResult) -> HashMap<&str, &SourceFile> {
    result
        .sources
        .files()
        .map(|(_, f)| (f.display.as_str(), f))
        .collect()
}

fn diagnostic_notifications(
    result: &ScanResult,
    by_display: &HashMap<&str, &SourceFile>,
) -> Vec<Value> {
    result
        .diagnostics
        .iter()
        .map(|d| {
            let mut o = Map::new();
            o.insert("level".into(), json!(d.level.as_str()));
            o.insert("descriptor".into(), json!({"id": d.code}));
            o.insert("message".into(), json!({"text": d.message}));
            let (file, pos) = diagnostic_position(result, d);
            let artifact = match d.span.and_then(|s| result.sources.get(s.file)) {
                Some(source) => Some(artifact_location(source)),
                None => file.map(|f| path_location(result, by_display, f)),
            };
            if let Some(artifact) = artifact {
                let mut loc = Map::new();
                loc.insert("artifactLocation".into(), artifact);
                if let Some(start) = pos {
                    loc.insert(
                        "region".into(),
                        json!({"startLine": start.line, "startColumn": start.column}),
                    );
                }
                o.insert("locations".into(), json!([{"physicalLocation": loc}]));
            }
            Value::Object(o)
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn full_descriptions_fit_github() {
        assert_eq!(shorten("short text", 1024), "short text");
        let cut = shorten(&"word ".repeat(400), 1024);
        assert!(
            cut.chars().count() <= 1024 && cut.ends_with("word…"),
            "{cut}"
        );
        let rules = crate::rules::RuleSet::builtin().expect("built-in rules");
        for r in rules.rules() {
            let o = rule_object(r);
            let text = o["fullDescription"]["text"].as_str().unwrap_or_default();
            assert!(text.chars().count() <= MAX_FULL_DESCRIPTION, "{}", r.id);
        }
        let path_rules = crate::paths::rules::builtin().expect("path rules");
        assert!(!path_rules.is_empty());
        for r in &path_rules {
            let o = path_rule_object(r);
            let text = o["fullDescription"]["text"].as_str().unwrap_or_default();
            assert!(text.chars().count() <= MAX_FULL_DESCRIPTION, "{}", r.id);
        }
    }

    #[test]
    fn camel_case_of_ids() {
        assert_eq!(
            camel_case("aws-s3-bucket-public-acl"),
            "AwsS3BucketPublicAcl"
        );
        assert_eq!(camel_case("aws-ec2-imdsv2"), "AwsEc2Imdsv2");
        assert_eq!(camel_case("x__y"), "XY");
    }

    #[test]
    fn paths_become_uris() {
        assert_eq!(
            relative_location("modules/a b/main.tf"),
            json!({"uri": "modules/a%20b/main.tf", "uriBaseId": "%SRCROOT%"})
        );
        assert_eq!(
            outside_location(Path::new("/tmp/x#1.tf")),
            json!({"uri": "file:///tmp/x%231.tf"})
        );
        assert_eq!(file_uri("C:/work/é.tf"), "file:///C:/work/%C3%A9.tf");
    }

    #[test]
    fn severities_map_to_github_bands() {
        let bands: Vec<f64> = Severity::ALL
            .iter()
            .filter_map(|s| security_severity(*s).parse().ok())
            .collect();
        assert_eq!(bands, vec![9.5, 8.0, 5.5, 3.0]);
    }
}
