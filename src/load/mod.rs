//! Parse discovered files in parallel into syntax trees with spans: Terraform's native syntax
//! ([`hcl`]), its JSON syntax ([`json`]), variable files, and plan JSON. A file that cannot be
//! read or parsed becomes a diagnostic; the others are unaffected.

pub mod ast;
pub mod hcl;
pub mod json;
pub mod module_cache;
pub mod module_def;
pub mod module_files;
pub mod module_graph;
pub mod plan_json;
pub mod regular_file;

use crate::diag::Diagnostic;
use crate::discover::Discovered;
use crate::source::FileKind;
use crate::source::{FileId, SourceFile, SourceMap, Span};
use crate::value::Value;
use ast::{Body, Expr};
use rayon::prelude::*;
use std::sync::Arc;

/// Largest Terraform source or variables file onus reads; larger files are reported and
/// skipped. Hand-written configuration never comes near it; a file that does is generated
/// data onus should not hold in memory as a syntax tree.
pub const MAX_FILE_BYTES: u64 = 32 * 1024 * 1024;

/// Largest plan file onus reads. `terraform show -json` writes about 1.8 KB per resource, so
/// this admits estates of about a million resources; the plan reader keeps only what the
/// instances need, not the whole document.
pub const MAX_PLAN_BYTES: u64 = 2 * 1024 * 1024 * 1024;

/// The size limit for a file of this kind.
pub fn size_limit(kind: FileKind) -> u64 {
    match kind {
        FileKind::MaybePlan => MAX_PLAN_BYTES,
        _ => MAX_FILE_BYTES,
    }
}

#[derive(Debug)]
pub struct LoadedFile {
    pub file: FileId,
    pub kind: FileKind,
    pub content: Content,
}

#[derive(Debug)]
pub enum Content {
    /// A `.tf` or `.tf.json` file.
    Config(Body),
    /// A `.tfvars` or `.tfvars.json` file.
    Vars(Vec<VarAssignment>),
    /// A `terraform show -json` document (what the plan reader uses of it; the text is in the
    /// source map).
    Plan(Arc<json::Document>),
}

/// `name = value` in a variables file.
#[derive(Debug, Clone)]
pub struct VarAssignment {
    pub name: Arc<str>,
    pub value: VarValue,
    /// The whole assignment.
    pub span: Span,
}

#[derive(Debug, Clone)]
pub enum VarValue {
    /// Native syntax: an expression (evaluated without references).
    Expr(Expr),
    /// JSON syntax: a literal value.
    Value(Value),
}

#[derive(Debug, Default)]
pub struct Loaded {
    pub sources: SourceMap,
    /// Files that loaded, in [`FileId`] order.
    pub files: Vec<LoadedFile>,
    pub diagnostics: Vec<Diagnostic>,
}

/// Reads and parses every discovered file, in parallel, keeping every tree; results keep the
/// discovery order. (A scan parses directory by directory instead; see `scan`.)
pub fn load(discovered: &[Discovered]) -> Loaded {
    let (sources, read) = read_all(discovered);
    let parsed: Vec<_> = read
        .into_par_iter()
        .enumerate()
        .map(|(i, outcome)| {
            let id = FileId::from_index(i);
            let r = match outcome {
                Read::Text(kind) => match sources.get(id) {
                    Some(src) => parse(id, kind, &src.text),
                    None => Parsed::Skipped,
                },
                Read::Skipped => Parsed::Skipped,
                Read::Failed(diags) => Parsed::Failed(diags),
            };
            (id, r)
        })
        .collect();
    let mut loaded = Loaded {
        sources,
        ..Loaded::default()
    };
    for (id, parsed) in parsed {
        match parsed {
            Parsed::Loaded(file, warnings) => {
                loaded.diagnostics.extend(warnings);
                loaded.files.push(LoadedFile {
                    file: id,
                    kind: file.kind,
                    content: file.content,
                });
            }
            Parsed::Failed(diags) => loaded.diagnostics.extend(diags),
            Parsed::Skipped => {}
        }
    }
    loaded
}

/// What reading one file gave.
#[derive(Debug)]
pub enum Read {
    /// Text to parse (in the [`SourceMap`]), as this kind of file.
    Text(FileKind),
    /// A `.json` file that is not a plan: not Terraform's business.
    Skipped,
    /// Unreadable, too large, binary or not UTF-8.
    Failed(Vec<Diagnostic>),
}

/// What parsing one file gave.
#[derive(Debug)]
pub enum Parsed {
    /// The syntax tree, with warnings about it.
    Loaded(LoadedFile, Vec<Diagnostic>),
    Failed(Vec<Diagnostic>),
    Skipped,
}

/// Reads every discovered file in parallel, without parsing: the source map (file ids are
/// discovery indexes) and what each read gave.
pub fn read_all(discovered: &[Discovered]) -> (SourceMap, Vec<Read>) {
    read_all_with(discovered, &Overlay::new())
}

/// Text of files that is not on disk yet (an editor's unsaved buffers), by path as discovered.
pub type Overlay = std::collections::HashMap<std::path::PathBuf, Arc<String>>;

/// [`read_all`], taking the text of the files in `overlay` from it instead of the disk.
pub fn read_all_with(discovered: &[Discovered], overlay: &Overlay) -> (SourceMap, Vec<Read>) {
    let results: Vec<(SourceFile, Read)> = discovered
        .par_iter()
        .enumerate()
        .map(|(i, d)| match overlay.get(&d.path) {
            Some(text) => (
                SourceFile::new(d.display.clone(), d.path.clone(), text.as_str()),
                Read::Text(d.kind),
            ),
            None => read_one(FileId::from_index(i), d),
        })
        .collect();
    let mut sources = SourceMap::default();
    let mut reads = Vec::with_capacity(results.len());
    for (source, read) in results {
        sources.add(source);
        reads.push(read);
    }
    (sources, reads)
}

/// Parses the text of file `id`, read as `kind`.
pub fn parse(id: FileId, kind: FileKind, text: &str) -> Parsed {
    match parse_content(id, kind, text) {
        (Ok(content), warnings) => Parsed::Loaded(
            LoadedFile {
                file: id,
                kind,
                content,
            },
            warnings,
        ),
        (Err(diags), _) => Parsed::Failed(diags),
    }
}

fn read_one(id: FileId, d: &Discovered) -> (SourceFile, Read) {
    let empty = |msg: String| SourceFile::new(d.display.clone(), d.path.clone(), msg);
    let fail = |source: SourceFile, diag: Diagnostic| {
        (source, Read::Failed(vec![diag.in_file(d.display.clone())]))
    };
    let limit = size_limit(d.kind);
    match std::fs::metadata(&d.path) {
        Ok(m) if m.len() > limit => {
            return fail(
                empty(String::new()),
                Diagnostic::error(
                    "file-too-large",
                    format!(
                        "{} is {} MiB, over the {} MiB limit; it was not scanned",
                        d.display,
                        m.len() / (1024 * 1024),
                        limit / (1024 * 1024)
                    ),
                ),
            )
        }
        Ok(_) => {}
        Err(e) => {
            return fail(
                empty(String::new()),
                Diagnostic::error("unreadable", format!("cannot read {}: {e}", d.display)),
            )
        }
    }
    let bytes = match std::fs::read(&d.path) {
        Ok(b) => b,
        Err(e) => {
            return fail(
                empty(String::new()),
                Diagnostic::error("unreadable", format!("cannot read {}: {e}", d.display)),
            )
        }
    };
    // Plans written by Windows PowerShell (`terraform show -json > plan.json`) are UTF-16 with a
    // byte-order mark; decode them, as Terraform's JSON is otherwise UTF-8.
    let bytes = if d.kind == FileKind::MaybePlan {
        match decode_utf16_bom(&bytes) {
            Some(Ok(text)) => text.into_bytes(),
            Some(Err(())) => {
                return fail(
                    empty(String::new()),
                    Diagnostic::error(
                        "invalid-utf16",
                        format!(
                            "{} starts with a UTF-16 byte-order mark but is not valid UTF-16 \
                             (an unpaired surrogate or an odd byte count)",
                            d.display
                        ),
                    ),
                )
            }
            None => bytes,
        }
    } else {
        bytes
    };
    if d.kind == FileKind::MaybePlan && !looks_like_plan(&bytes) {
        if d.explicit {
            // Named on the command line: the user meant it to be scanned, so saying nothing
            // would report a clean scan of a file that was never read.
            return fail(
                empty(String::new()),
                Diagnostic::error(
                    "not-a-plan",
                    format!(
                        "{} is not a Terraform plan (expected the JSON of `terraform show -json`, \
                         with `format_version` and `planned_values` or `resource_changes`); it was \
                         not scanned",
                        d.display
                    ),
                ),
            );
        }
        return (empty(String::new()), Read::Skipped);
    }
    if bytes.contains(&0) {
        return fail(
            empty(String::new()),
            Diagnostic::error(
                "binary-file",
                format!("{} is not a text file (it contains NUL bytes)", d.display),
            ),
        );
    }
    let text = match String::from_utf8(bytes) {
        Ok(t) => t,
        Err(e) => {
            let at = e.utf8_error().valid_up_to();
            let lossy = String::from_utf8_lossy(e.as_bytes()).into_owned();
            let source = SourceFile::new(d.display.clone(), d.path.clone(), lossy);
            return fail(
                source,
                Diagnostic::error(
                    "invalid-utf8",
                    format!(
                        "{} is not valid UTF-8 (Terraform requires UTF-8)",
                        d.display
                    ),
                )
                .at(Span::new(id, at..at + 1)),
            );
        }
    };
    // The source file replaces a byte-order mark by spaces; parsers read that text, so
    // offsets agree.
    (
        SourceFile::new(d.display.clone(), d.path.clone(), text),
        Read::Text(d.kind),
    )
}

fn parse_content(
    id: FileId,
    kind: FileKind,
    text: &str,
) -> (Result<Content, Vec<Diagnostic>>, Vec<Diagnostic>) {
    match kind {
        FileKind::Config => match hcl::parse(id, text) {
            Ok(body) => (Ok(Content::Config(body)), Vec::new()),
            Err(d) => (Err(vec![d]), Vec::new()),
        },
        FileKind::ConfigJson => {
            let (body, diags) = json::parse_tf_json(id, text);
            if is_fatal(&diags) {
                (Err(diags), Vec::new())
            } else {
                (Ok(Content::Config(body)), diags)
            }
        }
        FileKind::Vars => match hcl::parse(id, text) {
            Ok(body) => {
                let mut diags = Vec::new();
                for b in &body.blocks {
                    diags.push(
                        Diagnostic::error(
                            "invalid-tfvars",
                            "a variables file may only assign values; blocks are not allowed",
                        )
                        .at(b.header),
                    );
                }
                let vars = body
                    .attributes
                    .into_iter()
                    .map(|a| VarAssignment {
                        name: a.name,
                        value: VarValue::Expr(a.expr),
                        span: a.span,
                    })
                    .collect();
                (Ok(Content::Vars(vars)), diags)
            }
            Err(d) => (Err(vec![d]), Vec::new()),
        },
        FileKind::VarsJson => {
            let (vars, diags) = json::parse_vars_json(id, text);
            if is_fatal(&diags) {
                (Err(diags), Vec::new())
            } else {
                let vars = vars
                    .into_iter()
                    .map(|(name, value, span)| VarAssignment {
                        name,
                        value: VarValue::Value(value),
                        span,
                    })
                    .collect();
                (Ok(Content::Vars(vars)), diags)
            }
        }
        FileKind::MaybePlan => match plan_json::parse(id, text) {
            Ok(doc) => (Ok(Content::Plan(Arc::new(doc))), Vec::new()),
            Err(d) => (Err(vec![d]), Vec::new()),
        },
    }
}

/// Whether the JSON loader's diagnostics mean the file could not be read at all.
fn is_fatal(diags: &[Diagnostic]) -> bool {
    diags
        .iter()
        .any(|d| d.code == "parse-error" || d.code == "nesting-limit")
}

/// A plan is JSON with `format_version` and `planned_values` or `resource_changes`; the check
/// looks at the first bytes only, so unrelated `.json` files cost little.
fn looks_like_plan(bytes: &[u8]) -> bool {
    let head = &bytes[..bytes.len().min(64 * 1024)];
    let has = |needle: &[u8]| head.windows(needle.len()).any(|w| w == needle);
    // A UTF-8 byte-order mark (`Out-File -Encoding utf8`) may precede the JSON.
    let body = bytes.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(bytes);
    let start = body.iter().find(|b| !b.is_ascii_whitespace());
    start == Some(&b'{')
        && has(b"\"format_version\"")
        && (has(b"\"planned_values\"")
            || has(b"\"resource_changes\"")
            || has(b"\"terraform_version\""))
}

/// Decodes text that starts with a UTF-16 byte-order mark (little- or big-endian) to UTF-8,
/// without the mark. `None` when there is no such mark; `Err` when the rest is not valid UTF-16.
fn decode_utf16_bom(bytes: &[u8]) -> Option<Result<String, ()>> {
    let (little, rest) = match bytes {
        [0xFF, 0xFE, rest @ ..] => (true, rest),
        [0xFE, 0xFF, rest @ ..] => (false, rest),
        _ => return None,
    };
    if rest.len() % 2 != 0 {
        return Some(Err(()));
    }
    let units = rest.chunks_exact(2).map(|c| {
        if little {
            u16::from_le_bytes([c[0], c[1]])
        } else {
            u16::from_be_bytes([c[0], c[1]])
        }
    });
    Some(
        char::decode_utf16(units)
            .collect::<Result<String, _>>()
            .map_err(|_| ()),
    )
}
