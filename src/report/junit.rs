//! JUnit XML: a test suite per rule that evaluated something, a test case per rule × resource
//! instance. A finding is a `<failure>`; a suppressed finding, or a check whose values are
//! known only after apply, is `<skipped>`; a compliant resource is a passing case. Input that
//! could not be read is one `<error>` case in an `onus` suite, so CI shows the scan incomplete.

use super::{diagnostic_position, position, xml_escape};
use crate::diag::{Diagnostic, Level};
use crate::finding::Finding;
use crate::result::ScanResult;
use crate::source::FileId;
use crate::value::Tri;
use std::collections::{BTreeMap, HashMap};
use std::fmt::Write;

enum CaseStatus<'a> {
    Pass,
    Fail(&'a Finding),
    Skip(String),
}

struct Case<'a> {
    address: String,
    file: String,
    line: u32,
    status: CaseStatus<'a>,
}

pub fn render(result: &ScanResult) -> String {
    let suites = cases_by_rule(result);
    let errors: Vec<&Diagnostic> = result
        .diagnostics
        .iter()
        .filter(|d| d.level == Level::Error)
        .collect();
    let all: Vec<&Case> = suites.values().flatten().collect();
    let total_fail = all.iter().filter(|c| c.status.is_fail()).count();
    let total_skip = all.iter().filter(|c| c.status.is_skip()).count();

    let mut out = String::from("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n");
    let _ = writeln!(
        out,
        "<testsuites name=\"onus\" tests=\"{}\" failures=\"{total_fail}\" errors=\"{}\" skipped=\"{total_skip}\">",
        all.len() + errors.len(),
        errors.len()
    );
    if !errors.is_empty() {
        write_error_suite(&mut out, result, &errors);
    }
    for (rule_id, cases) in &suites {
        write_rule_suite(&mut out, result, rule_id, cases);
    }
    out.push_str("</testsuites>\n");
    out
}

impl CaseStatus<'_> {
    fn is_fail(&self) -> bool {
        matches!(self, CaseStatus::Fail(_))
    }

    fn is_skip(&self) -> bool {
        matches!(self, CaseStatus::Skip(_))
    }
}

/// Rule id → its cases, one per evaluation, sorted by file, line and address; a BTreeMap so
/// suites come out in id order.
fn cases_by_rule(result: &ScanResult) -> BTreeMap<&str, Vec<Case<'_>>> {
    let by_key: HashMap<(&str, &str, FileId), &Finding> = result
        .findings
        .iter()
        .map(|f| ((&*f.rule_id, f.address.as_str(), f.primary.file), &**f))
        .collect();
    let by_address: HashMap<(&str, &str), &Finding> = result
        .findings
        .iter()
        .map(|f| ((&*f.rule_id, f.address.as_str()), &**f))
        .collect();
    let mut suites: BTreeMap<&str, Vec<Case>> = BTreeMap::new();
    for e in &result.evaluations {
        let (Some(rule), Some(inst)) = (
            result.rules.rules().get(e.rule as usize),
            result.resources.get(e.instance as usize),
        ) else {
            continue;
        };
        let (file, line) = match result.sources.get(inst.header.file) {
            Some(src) => (src.display.clone(), src.line_col(inst.header.start).line),
            None => (String::new(), 1),
        };
        let status = match e.result {
            Tri::True => CaseStatus::Pass,
            Tri::Unknown => CaseStatus::Skip(
                "not decided: the values it depends on are known only after apply".into(),
            ),
            Tri::False => {
                let finding = by_key
                    .get(&(&*rule.id, &*inst.address, inst.header.file))
                    .or_else(|| by_address.get(&(&*rule.id, &*inst.address)));
                match finding {
                    Some(f) => match &f.suppression {
                        Some(s) => CaseStatus::Skip(format!("suppressed: {}", s.justification)),
                        None => CaseStatus::Fail(f),
                    },
                    // Every false evaluation has its finding; should one be missing, the
                    // case still passes rather than fail without a message.
                    None => CaseStatus::Pass,
                }
            }
        };
        suites.entry(&rule.id).or_default().push(Case {
            address: inst.address.to_string(),
            file,
            line,
            status,
        });
    }
    for cases in suites.values_mut() {
        cases.sort_by(|a, b| (&a.file, a.line, &a.address).cmp(&(&b.file, b.line, &b.address)));
    }
    suites
}

/// The `onus` suite: one `<error>` case per error diagnostic, so CI shows the scan incomplete.
fn write_error_suite(out: &mut String, result: &ScanResult, errors: &[&Diagnostic]) {
    let _ = writeln!(
        out,
        "  <testsuite name=\"onus\" tests=\"{n}\" failures=\"0\" errors=\"{n}\" skipped=\"0\">",
        n = errors.len()
    );
    for d in errors {
        let (file, pos) = diagnostic_position(result, d);
        let file = file.unwrap_or_default();
        let line = pos.map(|s| s.line).unwrap_or(1);
        let _ = writeln!(
            out,
            "    <testcase name=\"{}\" classname=\"onus.{}\" file=\"{}\" line=\"{line}\">",
            xml_escape(file),
            xml_escape(d.code),
            xml_escape(file),
        );
        let _ = writeln!(
            out,
            "      <error message=\"{}\" type=\"{}\">{}:{line}: {}</error>",
            xml_escape(&d.message),
            xml_escape(d.code),
            xml_escape(file),
            xml_escape(&d.message),
        );
        out.push_str("    </testcase>\n");
    }
    out.push_str("  </testsuite>\n");
}

/// One rule's suite and its cases.
fn write_rule_suite(out: &mut String, result: &ScanResult, rule_id: &str, cases: &[Case<'_>]) {
    let _ = writeln!(
        out,
        "  <testsuite name=\"{}\" tests=\"{}\" failures=\"{}\" errors=\"0\" skipped=\"{}\">",
        xml_escape(rule_id),
        cases.len(),
        cases.iter().filter(|c| c.status.is_fail()).count(),
        cases.iter().filter(|c| c.status.is_skip()).count(),
    );
    for c in cases {
        write_case(out, result, rule_id, c);
    }
    out.push_str("  </testsuite>\n");
}

/// One test case: empty when it passed, with `<skipped>` or `<failure>` otherwise.
fn write_case(out: &mut String, result: &ScanResult, rule_id: &str, c: &Case<'_>) {
    let open = format!(
        "    <testcase name=\"{}\" classname=\"{}\" file=\"{}\" line=\"{}\"",
        xml_escape(&c.address),
        xml_escape(rule_id),
        xml_escape(&c.file),
        c.line
    );
    match &c.status {
        CaseStatus::Pass => {
            let _ = writeln!(out, "{open}/>");
        }
        CaseStatus::Skip(why) => {
            let _ = writeln!(out, "{open}>");
            let _ = writeln!(out, "      <skipped message=\"{}\"/>", xml_escape(why));
            out.push_str("    </testcase>\n");
        }
        CaseStatus::Fail(f) => {
            let (file, start, _) = position(result, f);
            let remediation = result
                .rules
                .get(&f.rule_id)
                .map(|r| r.remediation.as_str())
                .unwrap_or("");
            let _ = writeln!(out, "{open}>");
            let mut body = format!(
                "{file}:{}:{}: {} ({}: {})",
                start.line, start.column, f.message, f.address, f.primary_label
            );
            if !remediation.is_empty() {
                body.push_str("\nRemediation: ");
                body.push_str(remediation);
            }
            let _ = writeln!(
                out,
                "      <failure message=\"{}\" type=\"{}\">{}</failure>",
                xml_escape(&format!("{}: {}", f.message, f.primary_label)),
                f.severity,
                xml_escape_text(&body),
            );
            out.push_str("    </testcase>\n");
        }
    }
}

/// Element content keeps its newlines readable.
fn xml_escape_text(s: &str) -> String {
    xml_escape(s).replace("&#10;", "\n")
}
