//! Terraform's native syntax: parse with hcl-edit (which keeps byte spans) and convert to the
//! [`ast`](super::ast) tree. Nesting is bounded before parsing, since the parser recurses.

use super::ast::*;
use crate::diag::Diagnostic;
use crate::source::{FileId, Span};
use hcl_edit::expr::{BinaryOperator, Expression, ObjectKey, TraversalOperator, UnaryOperator};
use hcl_edit::structure::{self, Structure};
use hcl_edit::template::{Directive, Element, Strip, Template};
use hcl_edit::Span as _;
use std::sync::Arc;

/// Deepest bracket nesting a file may have; deeper input is refused with a diagnostic instead
/// of risking the parser's stack.
pub const MAX_NESTING: usize = 256;

/// Parses a native-syntax file into a body.
pub fn parse(file: FileId, text: &str) -> Result<Body, Diagnostic> {
    match structure_exceeds(text, MAX_NESTING, MAX_OBJECT_ENTRIES, false) {
        Some((offset, Limit::Nesting)) => {
            return Err(Diagnostic::error(
                "nesting-limit",
                format!("expressions or blocks nest deeper than {MAX_NESTING} levels; the file was not evaluated"),
            )
            .at(Span::new(file, offset..offset + 1)))
        }
        Some((offset, Limit::ObjectEntries)) => {
            return Err(Diagnostic::error(
                "size-limit",
                format!("an object has more than {MAX_OBJECT_ENTRIES} entries; the file was not evaluated"),
            )
            .at(Span::new(file, offset..offset + 1)))
        }
        None => {}
    }
    let body = hcl_edit::parser::parse_body(text).map_err(|e| parse_error(file, text, &e))?;
    let conv = Converter { file, text };
    Ok(conv.body(&body))
}

/// Parses a template string (for strings in Terraform's JSON syntax), placing spans at
/// `base` within the file.
pub fn parse_template(file: FileId, text: &str, base: usize) -> Result<Vec<TemplatePart>, String> {
    if structure_exceeds(text, MAX_NESTING, MAX_OBJECT_ENTRIES, true).is_some() {
        return Err(format!(
            "template nests deeper than {MAX_NESTING} levels or has an object of more than {MAX_OBJECT_ENTRIES} entries"
        ));
    }
    let tpl = hcl_edit::parser::parse_template(text).map_err(|e| e.message().to_string())?;
    let conv = Converter { file, text };
    let mut parts = conv.template(&tpl);
    shift_parts(&mut parts, base);
    Ok(parts)
}

/// Parses one expression (for `--var` values and JSON-syntax expressions).
pub fn parse_expr(file: FileId, text: &str) -> Result<Expr, String> {
    if structure_exceeds(text, MAX_NESTING, MAX_OBJECT_ENTRIES, false).is_some() {
        return Err(format!(
            "expression nests deeper than {MAX_NESTING} levels or has an object of more than {MAX_OBJECT_ENTRIES} entries"
        ));
    }
    let e = hcl_edit::parser::parse_expr(text).map_err(|e| e.message().to_string())?;
    Ok(Converter { file, text }.expr(&e))
}

fn parse_error(file: FileId, text: &str, e: &hcl_edit::parser::Error) -> Diagnostic {
    let loc = e.location();
    // Location is 1-based line/column; turn it back into a byte offset for the span.
    let mut offset = 0usize;
    for (i, line) in text.split_inclusive('\n').enumerate() {
        if i + 1 == loc.line() {
            let col = loc.column().saturating_sub(1);
            offset += line
                .char_indices()
                .nth(col)
                .map(|(b, _)| b)
                .unwrap_or(line.len());
            break;
        }
        offset += line.len();
    }
    let offset = offset.min(text.len());
    let end = (offset + 1).min(text.len()).max(offset);
    Diagnostic::error("parse-error", format!("invalid HCL: {}", e.message()))
        .at(Span::new(file, offset..end))
}

/// Most entries an object expression may have. hcl-edit checks each new object key against
/// every earlier one, so parse time grows with the square of the entries: 20,000 entries take
/// seconds, 50,000 a minute. Larger objects are refused with a diagnostic.
pub const MAX_OBJECT_ENTRIES: usize = 10_000;

/// Which bound a file broke.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Limit {
    Nesting,
    ObjectEntries,
}

/// Offset where bracket and interpolation nesting first exceeds `limit`, ignoring brackets in
/// comments, quoted strings and heredocs.
pub fn nesting_exceeds(text: &str, limit: usize) -> Option<usize> {
    structure_exceeds(text, limit, usize::MAX, false).map(|(offset, _)| offset)
}

const fn byte_set(bytes: &[u8]) -> [bool; 256] {
    let mut t = [false; 256];
    let mut k = 0;
    while k < bytes.len() {
        t[bytes[k] as usize] = true;
        k += 1;
    }
    t
}

/// Bytes the pre-check acts on in code and in string or heredoc text; others are skipped.
static CODE_SPECIAL: [bool; 256] = byte_set(b"\"#/<([{)]},\n");
static TEXT_SPECIAL: [bool; 256] = byte_set(b"\\\"\n$%");

enum Frame<'t> {
    /// `(`, `[` or `{`; for an object, its start and the separators (`,`, newlines) met so far.
    Open { object: Option<(usize, usize)> },
    /// A quoted string.
    Str,
    /// `${ ... }` or `%{ ... }` inside a string or heredoc.
    Interp,
    /// Template text: a heredoc until its marker line, or a whole template (`None`).
    Text { marker: Option<&'t [u8]> },
}

/// The first place where `text` nests deeper than `max_depth` or has an object with more
/// than `max_entries` entries (counted generously: every comma and newline). A cheap lexer,
/// approximate only where the parser would reject the text anyway. `template` reads `text`
/// as template text rather than configuration.
pub fn structure_exceeds(
    text: &str,
    max_depth: usize,
    max_entries: usize,
    template: bool,
) -> Option<(usize, Limit)> {
    let b = text.as_bytes();
    let mut stack: Vec<Frame<'_>> = Vec::new();
    if template {
        stack.push(Frame::Text { marker: None });
    }
    let mut depth = 0usize;
    let mut i = 0;
    while i < b.len() {
        match stack.last_mut() {
            Some(Frame::Str) | Some(Frame::Text { .. }) => {
                let in_str = matches!(stack.last(), Some(Frame::Str));
                if let Some(Frame::Text {
                    marker: Some(marker),
                }) = stack.last()
                {
                    if i == 0 || b[i - 1] == b'\n' {
                        let end = b[i..]
                            .iter()
                            .position(|&x| x == b'\n')
                            .map_or(b.len(), |p| i + p);
                        if b[i..end].trim_ascii() == *marker {
                            stack.pop();
                            i = end;
                            continue;
                        }
                    }
                }
                // Skip ordinary text in one tight loop (a newline stops it, for the marker).
                while i < b.len() && !TEXT_SPECIAL[b[i] as usize] {
                    i += 1;
                }
                let Some(&c) = b.get(i) else { break };
                match c {
                    b'\\' if in_str => i += 1,
                    b'"' | b'\n' if in_str => {
                        stack.pop();
                    }
                    b'$' | b'%' if b.get(i + 1) == Some(&c) && b.get(i + 2) == Some(&b'{') => {
                        // `$${` and `%%{` are literal.
                        i += 2;
                    }
                    b'$' | b'%' if b.get(i + 1) == Some(&b'{') => {
                        i += 1;
                        depth += 1;
                        if depth > max_depth {
                            return Some((i, Limit::Nesting));
                        }
                        stack.push(Frame::Interp);
                    }
                    _ => {}
                }
            }
            top => {
                while i < b.len() && !CODE_SPECIAL[b[i] as usize] {
                    i += 1;
                }
                let Some(&c) = b.get(i) else { break };
                match c {
                    b'"' => stack.push(Frame::Str),
                    b'#' => {
                        while i + 1 < b.len() && b[i + 1] != b'\n' {
                            i += 1;
                        }
                    }
                    b'/' if b.get(i + 1) == Some(&b'/') => {
                        while i + 1 < b.len() && b[i + 1] != b'\n' {
                            i += 1;
                        }
                    }
                    b'/' if b.get(i + 1) == Some(&b'*') => {
                        i += 2;
                        while i + 1 < b.len() && !(b[i] == b'*' && b[i + 1] == b'/') {
                            i += 1;
                        }
                        i += 1;
                    }
                    b'<' if b.get(i + 1) == Some(&b'<') => {
                        let mut j = i + 2;
                        if b.get(j) == Some(&b'-') {
                            j += 1;
                        }
                        let name_end = b[j..]
                            .iter()
                            .position(|x| !(x.is_ascii_alphanumeric() || *x == b'_' || *x == b'-'))
                            .map_or(b.len(), |p| j + p);
                        if name_end > j
                            && b.get(name_end).is_none_or(|x| *x == b'\n' || *x == b'\r')
                        {
                            let marker = &b[j..name_end];
                            stack.push(Frame::Text {
                                marker: Some(marker),
                            });
                            // Text starts on the next line.
                            i = name_end;
                            while i < b.len() && b[i] != b'\n' {
                                i += 1;
                            }
                        }
                    }
                    b'(' | b'[' | b'{' => {
                        depth += 1;
                        if depth > max_depth {
                            return Some((i, Limit::Nesting));
                        }
                        let object = c == b'{' && !is_block_header(b, i);
                        stack.push(Frame::Open {
                            object: object.then_some((i, 0)),
                        });
                    }
                    b')' | b']' | b'}' => {
                        if matches!(top, Some(Frame::Open { .. }) | Some(Frame::Interp)) {
                            stack.pop();
                            depth = depth.saturating_sub(1);
                        }
                    }
                    b',' | b'\n' => {
                        if let Some(Frame::Open {
                            object: Some((start, seps)),
                        }) = top
                        {
                            *seps += 1;
                            if *seps > max_entries {
                                return Some((*start, Limit::ObjectEntries));
                            }
                        }
                    }
                    _ => {}
                }
            }
        }
        i += 1;
    }
    None
}

/// Whether the `{` at `brace` opens a block: on its line before it stand only a name and
/// labels (`resource "a" "b" {`, `ingress {`). Any other `{` opens an object (or a `for`).
/// Looks back at most 1 KiB, so a long line does not make the check quadratic.
fn is_block_header(b: &[u8], brace: usize) -> bool {
    let from = brace.saturating_sub(1024);
    let start = match b[from..brace].iter().rposition(|&c| c == b'\n') {
        Some(p) => from + p + 1,
        None if from == 0 => 0,
        None => return false,
    };
    let line = &b[start..brace];
    let mut words = 0;
    let mut j = 0;
    while j < line.len() {
        match line[j] {
            c if c.is_ascii_whitespace() => j += 1,
            b'"' if words > 0 => {
                j += 1;
                while j < line.len() && line[j] != b'"' {
                    j += if line[j] == b'\\' { 2 } else { 1 };
                }
                if j >= line.len() {
                    return false;
                }
                j += 1;
                words += 1;
            }
            c if c.is_ascii_alphabetic() || c == b'_' => {
                while j < line.len()
                    && (line[j].is_ascii_alphanumeric() || line[j] == b'_' || line[j] == b'-')
                {
                    j += 1;
                }
                words += 1;
            }
            _ => return false,
        }
    }
    words > 0
}

struct Converter<'a> {
    file: FileId,
    text: &'a str,
}

impl Converter<'_> {
    fn span(&self, r: Option<std::ops::Range<usize>>) -> Span {
        Span::new(self.file, r.unwrap_or(0..0))
    }

    fn body(&self, body: &structure::Body) -> Body {
        let mut out = Body::default();
        for s in body.iter() {
            match s {
                Structure::Attribute(a) => out.attributes.push(Attribute {
                    name: Arc::from(a.key.as_str()),
                    expr: self.expr(&a.value),
                    span: self.span(a.span()),
                }),
                Structure::Block(b) => out.blocks.push(self.block(b)),
            }
        }
        out
    }

    fn block(&self, b: &structure::Block) -> Block {
        let span = self.span(b.span());
        let ident_span = self.span(b.ident.span());
        let header_end = b
            .labels
            .last()
            .and_then(|l| l.span())
            .map(|r| r.end)
            .unwrap_or(ident_span.end as usize);
        Block {
            kind: Arc::from(b.ident.as_str()),
            labels: b.labels.iter().map(|l| Arc::from(l.as_str())).collect(),
            body: self.body(&b.body),
            span,
            header: Span::new(self.file, ident_span.start as usize..header_end),
        }
    }

    fn expr(&self, e: &Expression) -> Expr {
        let span = self.span(e.span());
        let kind = match e {
            Expression::Null(_) => ExprKind::Null,
            Expression::Bool(b) => ExprKind::Bool(*b.value()),
            Expression::Number(n) => ExprKind::Number(n.value().as_f64().unwrap_or(f64::NAN)),
            Expression::String(s) => ExprKind::String(Arc::from(s.value().as_str())),
            Expression::Array(a) => ExprKind::Tuple(a.iter().map(|x| self.expr(x)).collect()),
            Expression::Object(o) => ExprKind::Object(
                o.iter()
                    .map(|(k, v)| (self.object_key(k), self.expr(v.expr())))
                    .collect(),
            ),
            Expression::StringTemplate(t) => self.template_expr(t),
            Expression::HeredocTemplate(h) => self.template_expr(&h.template),
            Expression::Parenthesis(p) => return self.expr(p.inner()),
            Expression::Variable(v) => ExprKind::Variable(Arc::from(v.as_str())),
            Expression::Conditional(c) => ExprKind::Conditional(Box::new((
                self.expr(&c.cond_expr),
                self.expr(&c.true_expr),
                self.expr(&c.false_expr),
            ))),
            Expression::FuncCall(f) => {
                let name = if f.name.namespace.is_empty() {
                    f.name.name.as_str().to_string()
                } else {
                    let mut n: Vec<&str> = f.name.namespace.iter().map(|i| i.as_str()).collect();
                    n.push(f.name.name.as_str());
                    n.join("::")
                };
                ExprKind::Call {
                    name: Arc::from(name.as_str()),
                    args: f.args.iter().map(|a| self.expr(a)).collect(),
                    expand_final: f.args.expand_final(),
                }
            }
            Expression::Traversal(t) => {
                let ops = t
                    .operators
                    .iter()
                    .map(|op| match op.value() {
                        TraversalOperator::AttrSplat(_) => Traverse::AttrSplat,
                        TraversalOperator::FullSplat(_) => Traverse::FullSplat,
                        TraversalOperator::GetAttr(i) => Traverse::Attr(Arc::from(i.as_str())),
                        TraversalOperator::Index(e) => Traverse::Index(self.expr(e)),
                        TraversalOperator::LegacyIndex(i) => Traverse::Index(Expr {
                            kind: ExprKind::Number(*i.value() as f64),
                            span: self.span(op.span()),
                        }),
                    })
                    .collect();
                ExprKind::Traversal(Box::new(self.expr(&t.expr)), ops)
            }
            Expression::UnaryOp(u) => {
                let op = match u.operator.value() {
                    UnaryOperator::Neg => UnaryOp::Neg,
                    UnaryOperator::Not => UnaryOp::Not,
                };
                ExprKind::Unary(op, Box::new(self.expr(&u.expr)))
            }
            Expression::BinaryOp(b) => {
                let op = match b.operator.value() {
                    BinaryOperator::Eq => BinaryOp::Eq,
                    BinaryOperator::NotEq => BinaryOp::NotEq,
                    BinaryOperator::LessEq => BinaryOp::LtEq,
                    BinaryOperator::GreaterEq => BinaryOp::GtEq,
                    BinaryOperator::Less => BinaryOp::Lt,
                    BinaryOperator::Greater => BinaryOp::Gt,
                    BinaryOperator::Plus => BinaryOp::Add,
                    BinaryOperator::Minus => BinaryOp::Sub,
                    BinaryOperator::Mul => BinaryOp::Mul,
                    BinaryOperator::Div => BinaryOp::Div,
                    BinaryOperator::Mod => BinaryOp::Mod,
                    BinaryOperator::And => BinaryOp::And,
                    BinaryOperator::Or => BinaryOp::Or,
                };
                ExprKind::Binary(
                    op,
                    Box::new((self.expr(&b.lhs_expr), self.expr(&b.rhs_expr))),
                )
            }
            Expression::ForExpr(f) => ExprKind::For(Box::new(ForExpr {
                key_var: f.intro.key_var.as_ref().map(|k| Arc::from(k.as_str())),
                value_var: Arc::from(f.intro.value_var.as_str()),
                collection: self.expr(&f.intro.collection_expr),
                key: f.key_expr.as_ref().map(|k| self.expr(k)),
                value: self.expr(&f.value_expr),
                cond: f.cond.as_ref().map(|c| self.expr(&c.expr)),
                grouping: f.grouping,
            })),
        };
        Expr { kind, span }
    }

    fn object_key(&self, k: &ObjectKey) -> Expr {
        match k {
            ObjectKey::Ident(i) => Expr {
                kind: ExprKind::String(Arc::from(i.as_str())),
                span: self.span(i.span()),
            },
            ObjectKey::Expression(e) => {
                // `(var.x) = ...` and bare traversals are expressions; a bare identifier-like
                // variable as a key is a literal name in Terraform.
                let ex = self.expr(e);
                match &ex.kind {
                    ExprKind::Variable(name) if !self.is_parenthesized(e) => Expr {
                        kind: ExprKind::String(name.clone()),
                        span: ex.span,
                    },
                    _ => ex,
                }
            }
        }
    }

    fn is_parenthesized(&self, e: &Expression) -> bool {
        matches!(e, Expression::Parenthesis(_))
    }

    fn template_expr(&self, t: &Template) -> ExprKind {
        let parts = self.template(t);
        match parts.as_slice() {
            [] => ExprKind::String(Arc::from("")),
            [TemplatePart::Literal(s)] => ExprKind::String(s.clone()),
            // "${x}" alone yields x's value unchanged, not its string form.
            [TemplatePart::Interpolation(e)] => e.kind.clone(),
            _ => ExprKind::Template(parts),
        }
    }

    fn template(&self, t: &Template) -> Vec<TemplatePart> {
        let elements: Vec<&Element> = t.iter().collect();
        let mut parts = Vec::with_capacity(elements.len());
        for (i, el) in elements.iter().enumerate() {
            match el {
                Element::Literal(s) => {
                    let mut lit: &str = s.value();
                    // Strip markers on neighbouring interpolations/directives trim this literal.
                    if i > 0 && strips_after(elements[i - 1]) {
                        lit = lit.trim_start();
                    }
                    if i + 1 < elements.len() && strips_before(elements[i + 1]) {
                        lit = lit.trim_end();
                    }
                    if !lit.is_empty() {
                        parts.push(TemplatePart::Literal(Arc::from(lit)));
                    }
                }
                Element::Interpolation(ip) => {
                    parts.push(TemplatePart::Interpolation(self.expr(&ip.expr)))
                }
                Element::Directive(d) => match &**d {
                    Directive::If(ifd) => parts.push(TemplatePart::If {
                        cond: self.expr(&ifd.if_expr.cond_expr),
                        then: self.template(&ifd.if_expr.template),
                        otherwise: ifd
                            .else_expr
                            .as_ref()
                            .map(|e| self.template(&e.template))
                            .unwrap_or_default(),
                    }),
                    Directive::For(ford) => parts.push(TemplatePart::For {
                        key_var: ford
                            .for_expr
                            .key_var
                            .as_ref()
                            .map(|k| Arc::from(k.as_str())),
                        value_var: Arc::from(ford.for_expr.value_var.as_str()),
                        collection: self.expr(&ford.for_expr.collection_expr),
                        body: self.template(&ford.for_expr.template),
                    }),
                },
            }
        }
        let _ = self.text;
        parts
    }
}

fn strips_after(el: &Element) -> bool {
    match el {
        Element::Interpolation(ip) => matches!(ip.strip, Strip::End | Strip::Both),
        Element::Directive(d) => match &**d {
            Directive::If(i) => matches!(i.endif_expr.strip, Strip::End | Strip::Both),
            Directive::For(f) => matches!(f.endfor_expr.strip, Strip::End | Strip::Both),
        },
        Element::Literal(_) => false,
    }
}

fn strips_before(el: &Element) -> bool {
    match el {
        Element::Interpolation(ip) => matches!(ip.strip, Strip::Start | Strip::Both),
        Element::Directive(d) => match &**d {
            Directive::If(i) => matches!(i.if_expr.strip, Strip::Start | Strip::Both),
            Directive::For(f) => matches!(f.for_expr.strip, Strip::Start | Strip::Both),
        },
        Element::Literal(_) => false,
    }
}

fn shift_parts(parts: &mut [TemplatePart], base: usize) {
    let b = u32::try_from(base).unwrap_or(u32::MAX);
    parts_for_each_span_mut(parts, &mut |s| shift(s, b));
}

/// Moves every span of an expression parsed from a substring to its place in the file.
pub fn shift_expr(e: &mut Expr, base: usize) {
    let b = u32::try_from(base).unwrap_or(u32::MAX);
    e.for_each_span_mut(&mut |s| shift(s, b));
}

fn shift(s: &mut Span, by: u32) {
    s.start = s.start.saturating_add(by);
    s.end = s.end.saturating_add(by);
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn converts_blocks_with_header_spans() {
        let src = "resource \"aws_s3_bucket\" \"b\" {\n  bucket = \"x\"\n}\n";
        let body = parse(FileId(0), src).unwrap();
        let b = &body.blocks[0];
        assert_eq!(&*b.kind, "resource");
        assert_eq!(b.labels.len(), 2);
        assert_eq!(&src[b.header.range()], "resource \"aws_s3_bucket\" \"b\"");
        let a = &b.body.attributes[0];
        assert_eq!(&src[a.expr.span.range()], "\"x\"");
    }

    #[test]
    fn parse_error_has_location() {
        let err = parse(FileId(0), "resource \"a\" {\n  x = \n}\n").unwrap_err();
        assert_eq!(err.code, "parse-error");
        assert!(err.span.is_some());
    }

    #[test]
    fn deep_nesting_is_refused_not_overflowed() {
        let src = format!("x = {}1{}", "[".repeat(100_000), "]".repeat(100_000));
        let err = parse(FileId(0), &src).unwrap_err();
        assert_eq!(err.code, "nesting-limit");
    }

    #[test]
    fn many_interpolations_are_not_deep_nesting() {
        let src = "locals {\n  x = \"${var.a}-${var.b}\"\n}\n".repeat(400);
        assert!(parse(FileId(0), &src).is_ok());
        let heredoc = format!(
            "x = <<-EOT\n{}EOT\n",
            "  ${a} %{ if b }{[(%{ endif }\n".repeat(400)
        );
        assert!(parse(FileId(0), &heredoc).is_ok());
    }

    #[test]
    fn nesting_through_interpolations_is_bounded() {
        let src = format!("x = \"{}a{}\"\n", "${\"".repeat(300), "\"}".repeat(300));
        assert_eq!(parse(FileId(0), &src).unwrap_err().code, "nesting-limit");
    }

    #[test]
    fn huge_objects_are_refused_but_blocks_are_not() {
        let entries = |n: usize| {
            (0..n)
                .map(|i| format!("  k{i} = {i}\n"))
                .collect::<String>()
        };
        let object = format!("x = {{\n{}}}\n", entries(MAX_OBJECT_ENTRIES + 10));
        assert_eq!(parse(FileId(0), &object).unwrap_err().code, "size-limit");
        let inline = format!(
            "x = merge({{ {} }})\n",
            (0..MAX_OBJECT_ENTRIES + 10)
                .map(|i| format!("k{i} = 1, "))
                .collect::<String>()
        );
        assert_eq!(parse(FileId(0), &inline).unwrap_err().code, "size-limit");
        let block = format!("locals {{\n{}}}\n", entries(MAX_OBJECT_ENTRIES + 10));
        assert!(parse(FileId(0), &block).is_ok());
        let labelled = format!(
            "resource \"a\" \"b\" {{\n{}}}\n",
            entries(MAX_OBJECT_ENTRIES + 10)
        );
        assert!(parse(FileId(0), &labelled).is_ok());
        // Objects in any expression position count, whatever precedes them.
        for prefix in [
            "x = [for k in ",
            "x = !",
            "x = 1 + ",
            "x =\n",
            "x = true ? 1 : ",
        ] {
            let src = format!("{prefix}{{\n{}}}\n", entries(MAX_OBJECT_ENTRIES + 10));
            assert_eq!(
                structure_exceeds(&src, MAX_NESTING, MAX_OBJECT_ENTRIES, false).map(|x| x.1),
                Some(Limit::ObjectEntries),
                "{prefix}"
            );
        }
    }

    #[test]
    fn escaped_interpolations_and_comments_do_not_nest() {
        let src = "x = \"$${a} %%{b}\" # {{{{ ((((\n// [[[[\n/* {{{{ */\ny = 1\n".repeat(100);
        assert!(structure_exceeds(&src, 2, 10, false).is_none());
    }

    #[test]
    fn heredoc_and_strip_markers() {
        let src = "x = <<-EOT\n  a ${b}\n  %{~ if c ~}\n  y\n  %{~ endif ~}\nEOT\n";
        let body = parse(FileId(0), src).unwrap();
        assert!(matches!(
            body.attributes[0].expr.kind,
            ExprKind::Template(_)
        ));
    }
}
