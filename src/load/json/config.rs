//! Terraform's JSON configuration syntax (`.tf.json`) mapped onto the same
//! [`ast`](crate::load::ast) tree the native-syntax loader produces, following Terraform's
//! JSON configuration rules:
//!
//! * the root object's properties are block types; each label is one level of object nesting,
//!   and at every level an array of objects may stand for several blocks;
//! * inside a block body every property is an attribute whose value is mapped as an expression
//!   (strings are templates, arrays tuples, objects objects), except for the nested blocks
//!   Terraform itself defines (`lifecycle`, `provisioner`, `connection`, `dynamic`, `validation`,
//!   ...) and the arguments it reads literally (`variable` arguments, `module.source`, the
//!   `terraform` block) or as references (`depends_on`, `provider`, `ignore_changes`, ...);
//! * provider-defined nested blocks (`"ingress": [{...}]`) stay attributes holding an object or a
//!   tuple of objects, which evaluation treats like the blocks they stand for;
//! * a `"//"` property in a block body (or at a label level) is a comment and is skipped; in an
//!   object used as an expression it is an ordinary key, as Terraform reads it.

use super::reader::{self, decode_string, JsonKind, JsonRef, Member, Members};
use crate::diag::Diagnostic;
use crate::load::ast::*;
use crate::load::hcl;
use crate::source::{saturate, FileId, Span};
use std::sync::Arc;

/// Parses a `.tf.json` file into a body of top-level blocks. A JSON syntax error yields an empty
/// body and that one diagnostic; a document of the wrong shape converts as far as it can, with
/// an `invalid-json-config` diagnostic for each part that does not fit.
pub fn parse_tf_json(file: FileId, text: &str) -> (Body, Vec<Diagnostic>) {
    let doc = match reader::parse_json(file, text) {
        Ok(doc) => doc,
        Err(d) => return (Body::default(), vec![d]),
    };
    let mut conv = Converter {
        file,
        text,
        diags: Vec::new(),
    };
    let mut body = Body::default();
    conv.root(doc.root(text), &mut body);
    (body, conv.diags)
}

pub(super) fn is_comment(m: &Member) -> bool {
    m.key == "//"
}

/// Which kind of block body is being converted: decides which properties are nested blocks and
/// how argument values are read.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Ctx {
    /// `resource`, `data`, `ephemeral`.
    Resource,
    Lifecycle,
    Provisioner,
    Connection,
    Dynamic,
    /// A `provider` block.
    Provider,
    /// A `dynamic` block's `content`: provider-defined arguments, nested `dynamic` blocks.
    Content,
    Variable,
    Output,
    Module,
    Terraform,
    Check,
    Moved,
    Import,
    Removed,
    /// Only arguments, each an expression (`locals`, conditions, `validation`).
    Attrs,
    /// Only arguments, each a literal value (inside the `terraform` block).
    Literal,
}

/// How a JSON value maps to an expression.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Mode {
    /// Strings are templates.
    Template,
    /// Strings are literal strings.
    Literal,
    /// Strings hold references or keywords (`"aws_s3_bucket.logs"`, `"all"`).
    Reference,
}

/// The nested blocks Terraform defines: the number of labels and the body kind.
fn nested_block(ctx: Ctx, name: &str) -> Option<(usize, Ctx)> {
    use Ctx::*;
    Some(match (ctx, name) {
        (Resource | Provider | Content, "dynamic") => (1, Dynamic),
        (Resource, "lifecycle") => (0, Lifecycle),
        (Resource | Removed, "provisioner") => (1, Provisioner),
        (Resource | Provisioner | Removed, "connection") => (0, Connection),
        (Lifecycle, "precondition" | "postcondition") => (0, Attrs),
        (Dynamic, "content") => (0, Content),
        (Variable, "validation") => (0, Attrs),
        (Output, "precondition") => (0, Attrs),
        (Terraform, "required_providers" | "cloud") => (0, Literal),
        (Terraform, "backend" | "provider_meta") => (1, Literal),
        (Check, "data") => (2, Resource),
        (Check, "assert") => (0, Attrs),
        (Removed, "lifecycle") => (0, Literal),
        _ => return None,
    })
}

/// How the value of argument `name` in a body of kind `ctx` is read.
fn argument_mode(ctx: Ctx, name: &str) -> Mode {
    use Ctx::*;
    match (ctx, name) {
        (Literal | Terraform | Variable, _) => Mode::Literal,
        (Resource | Module | Output, "depends_on") => Mode::Reference,
        (Resource, "provider") => Mode::Reference,
        (Lifecycle, "ignore_changes" | "replace_triggered_by") => Mode::Reference,
        (Provisioner, "when" | "on_failure") => Mode::Reference,
        (Dynamic, "iterator") => Mode::Reference,
        (Module, "providers") => Mode::Reference,
        (Moved, "from" | "to") | (Removed, "from") | (Import, "to" | "provider") => Mode::Reference,
        (Output, "description" | "sensitive") => Mode::Literal,
        (Module, "source" | "version") => Mode::Literal,
        (Provider, "alias" | "version") => Mode::Literal,
        (Connection, "type") => Mode::Literal,
        _ => Mode::Template,
    }
}

struct Converter<'a> {
    file: FileId,
    text: &'a str,
    diags: Vec<Diagnostic>,
}

/// Where the bytes of a string's value sit in the file.
enum Offsets {
    /// The value is the literal's content byte for byte, starting at this offset.
    Shift(usize),
    /// The literal has escapes: the file offset of each byte of the value, then of its end.
    Table(Vec<u32>),
}

impl Offsets {
    fn map(&self, offset: u32) -> u32 {
        match self {
            Offsets::Shift(base) => saturate(*base).saturating_add(offset),
            Offsets::Table(table) => table
                .get(offset as usize)
                .or(table.last())
                .copied()
                .unwrap_or(0),
        }
    }
}

impl Converter<'_> {
    fn invalid(&mut self, span: Span, message: impl Into<String>) {
        self.diags
            .push(Diagnostic::error("invalid-json-config", message).at(span));
    }

    fn root(&mut self, node: JsonRef, out: &mut Body) {
        match node.kind() {
            JsonKind::Object(members) => {
                for m in members.filter(|m| !is_comment(m)) {
                    self.top_level(&m, out);
                }
            }
            JsonKind::Array(items) => {
                for item in items {
                    if item.is_object() {
                        self.root(item, out);
                    } else {
                        self.invalid(
                            item.span(),
                            format!(
                                "expected an object of top-level blocks in this array, found {}",
                                item.describe()
                            ),
                        );
                    }
                }
            }
            _ => self.invalid(
                node.span(),
                format!(
                    "a .tf.json file must hold an object whose properties are block types, found {}",
                    node.describe()
                ),
            ),
        }
    }

    fn top_level(&mut self, m: &Member, out: &mut Body) {
        let (labels, ctx) = match &*m.key {
            "resource" | "data" | "ephemeral" => (2, Ctx::Resource),
            "module" => (1, Ctx::Module),
            "variable" => (1, Ctx::Variable),
            "output" => (1, Ctx::Output),
            "provider" => (1, Ctx::Provider),
            "check" => (1, Ctx::Check),
            "terraform" => (0, Ctx::Terraform),
            "locals" => (0, Ctx::Attrs),
            "moved" => (0, Ctx::Moved),
            "import" => (0, Ctx::Import),
            "removed" => (0, Ctx::Removed),
            other => {
                self.invalid(
                    m.key_span,
                    format!(
                        "unsupported block type \"{other}\" at the top level of a .tf.json file"
                    ),
                );
                return;
            }
        };
        self.blocks(
            &m.key,
            m.key_span,
            m.value,
            labels,
            &mut Vec::new(),
            ctx,
            &mut out.blocks,
        );
    }

    /// Converts the value of a block-type property: one object level per missing label, then
    /// the body; an array at any level stands for several blocks.
    #[allow(clippy::too_many_arguments)]
    fn blocks(
        &mut self,
        kind: &str,
        header: Span,
        node: JsonRef,
        want: usize,
        labels: &mut Vec<Arc<str>>,
        ctx: Ctx,
        out: &mut Vec<Block>,
    ) {
        match node.kind() {
            JsonKind::Array(items) => {
                for item in items {
                    if item.is_object() {
                        self.blocks(kind, header, item, want, labels, ctx, out);
                    } else {
                        self.invalid(
                            item.span(),
                            format!(
                                "expected an object in this array of `{kind}` blocks, found {}",
                                item.describe()
                            ),
                        );
                    }
                }
            }
            JsonKind::Object(members) if labels.len() >= want => {
                let body = self.body(members, ctx);
                out.push(Block {
                    kind: Arc::from(kind),
                    labels: labels.clone(),
                    body,
                    span: node.span(),
                    header,
                });
            }
            JsonKind::Object(members) => {
                for m in members.filter(|m| !is_comment(m)) {
                    labels.push(Arc::from(&*m.key));
                    self.blocks(kind, m.key_span, m.value, want, labels, ctx, out);
                    labels.pop();
                }
            }
            _ => {
                let message = if labels.len() < want {
                    format!(
                        "expected an object whose keys are the labels of `{kind}` blocks (label {} of {want}), found {}",
                        labels.len() + 1,
                        node.describe()
                    )
                } else {
                    format!(
                        "expected an object for the body of a `{kind}` block, found {}",
                        node.describe()
                    )
                };
                self.invalid(node.span(), message);
            }
        }
    }

    fn body(&mut self, members: Members, ctx: Ctx) -> Body {
        let mut out = Body::default();
        for m in members.filter(|m| !is_comment(m)) {
            if let Some((labels, inner)) = nested_block(ctx, &m.key) {
                self.blocks(
                    &m.key,
                    m.key_span,
                    m.value,
                    labels,
                    &mut Vec::new(),
                    inner,
                    &mut out.blocks,
                );
                continue;
            }
            let expr = self.expr(m.value, argument_mode(ctx, &m.key));
            out.attributes.push(Attribute {
                name: Arc::from(&*m.key),
                expr,
                span: m.span(),
            });
        }
        out
    }

    fn expr(&mut self, node: JsonRef, mode: Mode) -> Expr {
        let kind = match node.kind() {
            JsonKind::Null | JsonKind::Later => ExprKind::Null,
            JsonKind::Bool(b) => ExprKind::Bool(b),
            JsonKind::Number(n) => ExprKind::Number(n),
            JsonKind::String(s) => return self.string(&s, node.span(), mode),
            JsonKind::Array(items) => ExprKind::Tuple(items.map(|i| self.expr(i, mode)).collect()),
            JsonKind::Object(members) => ExprKind::Object(
                members
                    .map(|m| (self.key(&m, mode), self.expr(m.value, mode)))
                    .collect(),
            ),
        };
        Expr {
            kind,
            span: node.span(),
        }
    }

    fn key(&mut self, m: &Member, mode: Mode) -> Expr {
        let e = self.string(&m.key, m.key_span, mode);
        match e.kind {
            // `{"aws": "aws.west"}` names the key `aws`, as a bare identifier key does natively.
            ExprKind::Variable(name) if mode == Mode::Reference => Expr {
                kind: ExprKind::String(name),
                span: e.span,
            },
            kind => Expr { kind, span: e.span },
        }
    }

    fn string(&mut self, s: &str, span: Span, mode: Mode) -> Expr {
        match mode {
            Mode::Literal => literal(s, span),
            Mode::Template => self.template(s, span),
            Mode::Reference => self.reference(s, span),
        }
    }

    /// Where the value of the string literal at `span` sits in the file.
    fn offsets(&self, span: Span) -> Offsets {
        let start = span.start as usize;
        let content = start + 1;
        let raw = self
            .text
            .get(content..(span.end as usize).saturating_sub(1).max(content))
            .unwrap_or("");
        if !raw.contains('\\') {
            return Offsets::Shift(content);
        }
        let mut table = Vec::with_capacity(raw.len() + 1);
        match decode_string(self.text, start, Some(&mut table)) {
            Ok((_, end)) => {
                table.push(saturate(end.saturating_sub(1)));
                Offsets::Table(table)
            }
            Err(_) => Offsets::Shift(content),
        }
    }

    fn template(&mut self, s: &str, span: Span) -> Expr {
        if !s.contains("${") && !s.contains("%{") {
            return literal(s, span);
        }
        match hcl::parse_template(self.file, s) {
            Ok(mut parts) => {
                let offsets = self.offsets(span);
                remap_parts(&mut parts, &offsets);
                Expr {
                    kind: template_kind(parts),
                    span,
                }
            }
            Err(message) => {
                self.diags.push(
                    Diagnostic::error(
                        "parse-error",
                        format!("invalid template in a JSON string: {message}"),
                    )
                    .at(span),
                );
                literal(s, span)
            }
        }
    }

    fn reference(&mut self, s: &str, span: Span) -> Expr {
        match hcl::parse_expr(self.file, s) {
            Ok(mut e) => {
                remap_expr(&mut e, &self.offsets(span));
                e
            }
            // Older configurations write references as interpolations.
            Err(_) if s.contains("${") => self.template(s, span),
            Err(message) => {
                self.diags.push(
                    Diagnostic::error(
                        "parse-error",
                        format!("invalid reference in a JSON string: {message}"),
                    )
                    .at(span),
                );
                literal(s, span)
            }
        }
    }
}

fn literal(s: &str, span: Span) -> Expr {
    Expr {
        kind: ExprKind::String(Arc::from(s)),
        span,
    }
}

/// A template's expression, as the native loader builds it: a lone literal is a string and a
/// lone interpolation is its expression's value, unconverted.
fn template_kind(mut parts: Vec<TemplatePart>) -> ExprKind {
    if parts.len() == 1 {
        match parts.pop() {
            Some(TemplatePart::Literal(s)) => return ExprKind::String(s),
            Some(TemplatePart::Interpolation(e)) => return e.kind,
            Some(other) => parts.push(other),
            None => {}
        }
    }
    if parts.is_empty() {
        ExprKind::String(Arc::from(""))
    } else {
        ExprKind::Template(parts)
    }
}

fn remap_span(span: &mut Span, offsets: &Offsets) {
    span.start = offsets.map(span.start);
    span.end = offsets.map(span.end).max(span.start);
}

fn remap_parts(parts: &mut [TemplatePart], offsets: &Offsets) {
    parts_for_each_span_mut(parts, &mut |s| remap_span(s, offsets));
}

/// Moves every span of an expression parsed from a string's value to its place in the file.
fn remap_expr(e: &mut Expr, offsets: &Offsets) {
    e.for_each_span_mut(&mut |s| remap_span(s, offsets));
}
