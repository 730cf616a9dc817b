//! The JSON report, schema version 1 (documented in docs/json-schema.md).

use super::summary;
use crate::result::ScanResult;
use crate::rules::Rule;
use crate::source::LineCol;
use foldhash::{HashMap, HashMapExt};
use rayon::prelude::*;
use serde::Serialize;
use serde_json::value::RawValue;
use std::io::Write;

pub const SCHEMA_VERSION: u32 = 1;

// The report is serialized straight from borrowed structs rather than through a
// `serde_json::Value` tree, and findings are serialized in parallel batches written in order:
// the output is byte for byte what `serde_json::to_writer_pretty` makes of the whole document,
// without ever holding all of it.

/// Findings serialized per parallel batch, bounding the memory held for output.
const BATCH: usize = 1024;

#[derive(Serialize)]
struct Tool {
    name: &'static str,
    version: &'static str,
}

#[derive(Serialize)]
struct Pos {
    line: u32,
    column: u32,
}

#[derive(Serialize)]
struct Secondary<'a> {
    file: &'a str,
    line: u32,
    column: u32,
    label: &'a str,
}

#[derive(Serialize)]
struct SuppressionOut<'a> {
    kind: &'static str,
    justification: &'a str,
}

#[derive(Serialize)]
struct FindingOut<'a> {
    rule: Text<'a>,
    severity: crate::taxonomy::Severity,
    area: crate::taxonomy::Area,
    message: Text<'a>,
    detail: &'a str,
    service: &'a str,
    service_model: crate::taxonomy::ServiceModel,
    resource_type: &'a str,
    address: &'a str,
    attribute: &'a Option<String>,
    file: Text<'a>,
    start: Pos,
    end: Pos,
    secondary: Vec<Secondary<'a>>,
    via: &'a [String],
    plan_file: &'a Option<String>,
    remediation: Option<Text<'a>>,
    help_uri: Option<Text<'a>>,
    aliases: Text<'a>,
    fingerprint: &'a str,
    suppression: Option<SuppressionOut<'a>>,
    /// An exposure path's hops, entry first.
    #[serde(skip_serializing_if = "Option::is_none")]
    path: Option<Vec<HopOut<'a>>>,
}

#[derive(Serialize)]
struct HopOut<'a> {
    stage: &'static str,
    address: &'a str,
    resource_type: &'a str,
    service: &'a str,
    service_model: crate::taxonomy::ServiceModel,
    file: &'a str,
    line: u32,
    column: u32,
    label: &'a str,
}

/// A string or array written as JSON once for the whole report (rule texts repeat in every
/// finding of the rule, file names in every finding of the file), or as it comes.
#[derive(Serialize)]
#[serde(untagged)]
enum Text<'a> {
    Written(&'a RawValue),
    Plain(&'a str),
    List(&'a [String]),
}

/// What every finding of a rule repeats, already written as JSON.
struct RuleTexts {
    id: Box<RawValue>,
    title: Box<RawValue>,
    remediation: Box<RawValue>,
    help_uri: Option<Box<RawValue>>,
    /// At the depth of a finding's fields.
    aliases: Box<RawValue>,
}

/// The rule and file texts of a report, written once.
struct Written<'a> {
    rules: HashMap<&'a str, (&'a Rule, RuleTexts)>,
    files: Vec<Box<RawValue>>,
}

impl<'a> Written<'a> {
    fn new(result: &'a ScanResult) -> std::io::Result<Self> {
        let raw = |json: Vec<u8>| -> std::io::Result<Box<RawValue>> {
            let text = String::from_utf8(json).map_err(std::io::Error::other)?;
            RawValue::from_string(text).map_err(std::io::Error::from)
        };
        let string = |s: &str| raw(serde_json::to_vec(s)?);
        let mut rules = HashMap::with_capacity(result.rules.rules().len());
        for rule in result.rules.rules() {
            let mut aliases = Vec::new();
            pretty_at(&rule.aliases, 3, &mut aliases)?;
            let texts = RuleTexts {
                id: string(&rule.id)?,
                title: string(&rule.title)?,
                remediation: string(&rule.remediation)?,
                help_uri: rule.help_uri().map(string).transpose()?,
                aliases: raw(aliases)?,
            };
            rules.insert(&*rule.id, (&**rule, texts));
        }
        let files = result
            .sources
            .files()
            .map(|(_, f)| string(&f.display))
            .collect::<std::io::Result<_>>()?;
        Ok(Written { rules, files })
    }
}

#[derive(Serialize)]
struct DiagnosticOut<'a> {
    level: crate::diag::Level,
    code: &'static str,
    message: &'a str,
    file: Option<&'a str>,
    line: Option<u32>,
    column: Option<u32>,
}

pub fn render(result: &ScanResult) -> String {
    let mut out = Vec::new();
    // Writing into memory cannot fail.
    let _ = write(result, &mut out);
    String::from_utf8(out).unwrap_or_default()
}

/// Writes the report to `out`.
pub fn write(result: &ScanResult, out: &mut dyn Write) -> std::io::Result<()> {
    let tool = Tool {
        name: "onus",
        version: env!("CARGO_PKG_VERSION"),
    };
    let mut head = Vec::new();
    head.extend_from_slice(b"{\n  \"schema_version\": ");
    pretty_at(&SCHEMA_VERSION, 1, &mut head)?;
    head.extend_from_slice(b",\n  \"tool\": ");
    pretty_at(&tool, 1, &mut head)?;
    head.extend_from_slice(b",\n  \"summary\": ");
    pretty_at(&summary(result), 1, &mut head)?;
    head.extend_from_slice(b",\n  \"findings\": ");
    out.write_all(&head)?;
    let written = Written::new(result)?;
    array(out, &result.findings, |f, buf| {
        pretty_at(&finding_out(result, &written, f), 2, buf)
    })?;
    out.write_all(b",\n  \"diagnostics\": ")?;
    array(out, &result.diagnostics, |d, buf| {
        pretty_at(&diagnostic_out(result, d), 2, buf)
    })?;
    out.write_all(b",\n  \"undecided\": ")?;
    array(out, &result.undecided, |u, buf| {
        pretty_at(&undecided_out(result, u), 2, buf)
    })?;
    out.write_all(b"\n}\n")
}

/// A rule that could not be decided on a resource: where, and why.
#[derive(Serialize)]
struct UndecidedOut<'a> {
    rule_id: &'a str,
    address: &'a str,
    attribute: Option<&'a str>,
    reason: &'a str,
    file: Option<&'a str>,
    line: Option<u32>,
    column: Option<u32>,
    /// Where the unknown value was set (a variable declaration, a module argument).
    value_file: Option<&'a str>,
    value_line: Option<u32>,
}

fn undecided_out<'a>(result: &'a ScanResult, u: &'a crate::check::Undecided) -> UndecidedOut<'a> {
    let at = |s: crate::source::Span| {
        result
            .sources
            .get(s.file)
            .map(|f| (f.display.as_str(), f.line_col(s.start)))
    };
    let primary = at(u.primary);
    let value = u.value_span.and_then(at);
    UndecidedOut {
        rule_id: &u.rule_id,
        address: &u.address,
        attribute: u.attribute.as_deref(),
        reason: &u.reason,
        file: primary.map(|(f, _)| f),
        line: primary.map(|(_, lc)| lc.line),
        column: primary.map(|(_, lc)| lc.column),
        value_file: value.map(|(f, _)| f),
        value_line: value.map(|(_, lc)| lc.line),
    }
}

/// Writes `items` as a pretty JSON array one level deep (`item` appends one element two
/// levels deep), serializing batches in parallel.
fn array<T: Sync>(
    out: &mut dyn Write,
    items: &[T],
    item: impl Fn(&T, &mut Vec<u8>) -> std::io::Result<()> + Sync,
) -> std::io::Result<()> {
    if items.is_empty() {
        return out.write_all(b"[]");
    }
    out.write_all(b"[")?;
    let per_task = BATCH
        .div_ceil(rayon::current_num_threads().max(1) * 4)
        .max(1);
    for (b, batch) in items.chunks(BATCH).enumerate() {
        let parts: Vec<std::io::Result<Vec<u8>>> = batch
            .par_chunks(per_task)
            .enumerate()
            .map(|(c, chunk)| {
                let mut buf = Vec::new();
                for (i, it) in chunk.iter().enumerate() {
                    let first = b == 0 && c == 0 && i == 0;
                    buf.extend_from_slice(if first { b"\n    " } else { b",\n    " });
                    item(it, &mut buf)?;
                }
                Ok(buf)
            })
            .collect();
        for part in parts {
            out.write_all(&part?)?;
        }
    }
    out.write_all(b"\n  ]")
}

/// Appends `value` as pretty JSON nested `depth` levels deep (two spaces a level).
fn pretty_at<T: Serialize>(value: &T, depth: usize, buf: &mut Vec<u8>) -> std::io::Result<()> {
    let mut ser = serde_json::Serializer::with_formatter(
        buf,
        Indented {
            depth,
            has_value: false,
        },
    );
    value.serialize(&mut ser).map_err(std::io::Error::from)
}

/// serde_json's pretty layout, starting `depth` levels in, so a part of the document
/// serialized on its own comes out as it would inside the whole.
struct Indented {
    depth: usize,
    has_value: bool,
}

impl Indented {
    fn newline<W: ?Sized + Write>(&self, w: &mut W, comma: bool) -> std::io::Result<()> {
        w.write_all(if comma { b",\n" } else { b"\n" })?;
        for _ in 0..self.depth {
            w.write_all(b"  ")?;
        }
        Ok(())
    }

    fn open<W: ?Sized + Write>(&mut self, w: &mut W, bracket: &[u8]) -> std::io::Result<()> {
        self.depth += 1;
        self.has_value = false;
        w.write_all(bracket)
    }

    fn close<W: ?Sized + Write>(&mut self, w: &mut W, bracket: &[u8]) -> std::io::Result<()> {
        self.depth -= 1;
        if self.has_value {
            self.newline(w, false)?;
        }
        w.write_all(bracket)
    }
}

impl serde_json::ser::Formatter for Indented {
    fn begin_array<W: ?Sized + Write>(&mut self, w: &mut W) -> std::io::Result<()> {
        self.open(w, b"[")
    }

    fn end_array<W: ?Sized + Write>(&mut self, w: &mut W) -> std::io::Result<()> {
        self.close(w, b"]")
    }

    fn begin_array_value<W: ?Sized + Write>(
        &mut self,
        w: &mut W,
        first: bool,
    ) -> std::io::Result<()> {
        self.newline(w, !first)
    }

    fn end_array_value<W: ?Sized + Write>(&mut self, _: &mut W) -> std::io::Result<()> {
        self.has_value = true;
        Ok(())
    }

    fn begin_object<W: ?Sized + Write>(&mut self, w: &mut W) -> std::io::Result<()> {
        self.open(w, b"{")
    }

    fn end_object<W: ?Sized + Write>(&mut self, w: &mut W) -> std::io::Result<()> {
        self.close(w, b"}")
    }

    fn begin_object_key<W: ?Sized + Write>(
        &mut self,
        w: &mut W,
        first: bool,
    ) -> std::io::Result<()> {
        self.newline(w, !first)
    }

    fn begin_object_value<W: ?Sized + Write>(&mut self, w: &mut W) -> std::io::Result<()> {
        w.write_all(b": ")
    }

    fn end_object_value<W: ?Sized + Write>(&mut self, _: &mut W) -> std::io::Result<()> {
        self.has_value = true;
        Ok(())
    }
}

fn finding_out<'a>(
    result: &'a ScanResult,
    written: &'a Written<'a>,
    f: &'a crate::finding::Finding,
) -> FindingOut<'a> {
    let (start, end) = result.sources.locate(f.primary).unwrap_or((
        LineCol { line: 1, column: 1 },
        LineCol { line: 1, column: 1 },
    ));
    let file = match written.files.get(f.primary.file.0 as usize) {
        Some(raw) => Text::Written(raw),
        None => Text::Plain(""),
    };
    let rule = written.rules.get(&*f.rule_id);
    let secondary = f
        .secondary
        .iter()
        .filter_map(|(span, label)| {
            let src = result.sources.get(span.file)?;
            let lc = src.line_col(span.start);
            Some(Secondary {
                file: &src.display,
                line: lc.line,
                column: lc.column,
                label,
            })
        })
        .collect();
    FindingOut {
        rule: match rule {
            Some((_, texts)) => Text::Written(&texts.id),
            None => Text::Plain(&f.rule_id),
        },
        severity: f.severity,
        area: f.area,
        message: match rule {
            Some((r, texts)) if r.title == f.message => Text::Written(&texts.title),
            _ => Text::Plain(&f.message),
        },
        detail: &f.primary_label,
        service: &f.service,
        service_model: f.service_model,
        resource_type: &f.resource_type,
        address: &f.address,
        attribute: &f.attribute,
        file,
        start: Pos {
            line: start.line,
            column: start.column,
        },
        end: Pos {
            line: end.line,
            column: end.column,
        },
        secondary,
        via: &f.via,
        plan_file: &f.plan_file,
        remediation: rule.map(|(_, texts)| Text::Written(&texts.remediation)),
        help_uri: rule.and_then(|(_, texts)| texts.help_uri.as_deref().map(Text::Written)),
        aliases: match rule {
            Some((_, texts)) => Text::Written(&texts.aliases),
            None => Text::List(&[]),
        },
        fingerprint: &f.fingerprint,
        suppression: f.suppression.as_ref().map(|s| SuppressionOut {
            kind: s.kind.as_str(),
            justification: &s.justification,
        }),
        path: f.path.as_ref().map(|p| {
            p.hops
                .iter()
                .map(|h| {
                    let src = result.sources.get(h.span.file);
                    let lc = src.map(|s| s.line_col(h.span.start));
                    HopOut {
                        stage: h.stage.as_str(),
                        address: &h.address,
                        resource_type: &h.resource_type,
                        service: &h.service,
                        service_model: h.service_model,
                        file: src.map(|s| s.display.as_str()).unwrap_or(""),
                        line: lc.map_or(1, |l| l.line),
                        column: lc.map_or(1, |l| l.column),
                        label: &h.label,
                    }
                })
                .collect()
        }),
    }
}

fn diagnostic_out<'a>(result: &'a ScanResult, d: &'a crate::diag::Diagnostic) -> DiagnosticOut<'a> {
    let (file, start) = super::diagnostic_position(result, d);
    DiagnosticOut {
        level: d.level,
        code: d.code,
        message: &d.message,
        file,
        line: start.map(|lc| lc.line),
        column: start.map(|lc| lc.column),
    }
}
