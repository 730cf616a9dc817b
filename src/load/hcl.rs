//! Terraform's native syntax: parse with hcl-edit (which keeps byte spans) and convert to the
//! [`ast`](super::ast) tree. A pre-parse pass ([`preparse`]) first refuses text the parser would handle
//! badly: nesting deep enough to threaten its stack, huge objects, and text on which its
//! retries of failing operands could take exponential time (text ending inside an unclosed
//! construct, and operator chains nested deep inside one another).

mod preparse;

use super::ast::*;
use crate::diag::Diagnostic;
use crate::source::{FileId, Span};
use hcl_edit::expr::{BinaryOperator, Expression, ObjectKey, TraversalOperator, UnaryOperator};
use hcl_edit::structure::{self, Structure};
use hcl_edit::template::{Directive, Element, Strip, Template};
use hcl_edit::Span as _;
use preparse::{Construct, Keyword, Problem, Syntax};
use std::sync::Arc;

/// Deepest bracket nesting a file may have; deeper input is refused with a diagnostic instead
/// of risking the parser's stack.
pub const MAX_NESTING: usize = 256;

/// Parses a native-syntax file into a body.
pub fn parse(file: FileId, text: &str) -> Result<Body, Diagnostic> {
    if let Some(problem) = preparse::refusal(text, MAX_NESTING, MAX_OBJECT_ENTRIES, Syntax::Config)
    {
        let (code, mut message, at) = describe(text, problem);
        if code != "parse-error" {
            message.push_str("; the file was not evaluated");
        }
        return Err(Diagnostic::error(code, message).at(Span::new(file, at..at + 1)));
    }
    let body = hcl_edit::parser::parse_body(text).map_err(|e| parse_error(file, text, &e))?;
    let conv = Converter { file, text };
    Ok(conv.body(&body))
}

/// Parses a template string (for strings in Terraform's JSON syntax); spans are offsets in
/// `text`.
pub fn parse_template(file: FileId, text: &str) -> Result<Vec<TemplatePart>, String> {
    if let Some(problem) =
        preparse::refusal(text, MAX_NESTING, MAX_OBJECT_ENTRIES, Syntax::Template)
    {
        return Err(describe(text, problem).1);
    }
    let tpl = hcl_edit::parser::parse_template(text).map_err(|e| e.message().to_string())?;
    let conv = Converter { file, text };
    Ok(conv.template(&tpl))
}

/// Parses one expression (for `--var` values and JSON-syntax expressions).
pub fn parse_expr(file: FileId, text: &str) -> Result<Expr, String> {
    if let Some(problem) = preparse::refusal(text, MAX_NESTING, MAX_OBJECT_ENTRIES, Syntax::Config)
    {
        return Err(describe(text, problem).1);
    }
    let e = hcl_edit::parser::parse_expr(text).map_err(|e| e.message().to_string())?;
    Ok(Converter { file, text }.expr(&e))
}

/// Diagnostic code, message and offset for text the pre-parse pass refused.
fn describe(text: &str, problem: Problem) -> (&'static str, String, usize) {
    match problem {
        Problem::Nesting(at) => (
            "nesting-limit",
            format!("expressions or blocks nest deeper than {MAX_NESTING} levels"),
            at,
        ),
        Problem::ObjectEntries(at) => (
            "size-limit",
            format!("an object has more than {MAX_OBJECT_ENTRIES} entries"),
            at,
        ),
        Problem::Backtracking(at) => (
            "nesting-limit",
            "operators and brackets nest so deeply inside one another that parsing could take \
             exponential time"
                .to_string(),
            at,
        ),
        Problem::AmbiguousHeredocs(at) => (
            "size-limit",
            "heredocs closed on their first line can be read two ways; here, too many for the \
             parser's time to be bounded"
                .to_string(),
            at,
        ),
        Problem::Unclosed(at, construct) => {
            let what = match construct {
                Construct::Bracket(b'(') => "this `(` is never closed by `)`".to_string(),
                Construct::Bracket(b'[') => "this `[` is never closed by `]`".to_string(),
                Construct::Bracket(_) => "this `{` is never closed by `}`".to_string(),
                Construct::Interpolation => "this `${` is never closed by `}`".to_string(),
                Construct::Directive => "this `%{` is never closed by `}`".to_string(),
                Construct::DirectiveBody(Keyword::For) => {
                    "this `%{ for }` has no `%{ endfor }`".to_string()
                }
                Construct::DirectiveBody(_) => "this `%{ if }` has no `%{ endif }`".to_string(),
                Construct::String => "this string is never closed by `\"`".to_string(),
                Construct::Heredoc => {
                    let opener = text[at..].lines().next().unwrap_or("").trim_end();
                    let name = opener.trim_start_matches('<').trim_start_matches('-');
                    format!("no `{name}` line closes the heredoc opened by `{opener}`")
                }
                Construct::Comment => "this `/*` comment is never closed by `*/`".to_string(),
            };
            ("parse-error", format!("invalid HCL: {what}"), at)
        }
    }
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
            assert!(
                matches!(
                    preparse::refusal(&src, MAX_NESTING, MAX_OBJECT_ENTRIES, Syntax::Config),
                    Some(Problem::ObjectEntries(_))
                ),
                "{prefix}"
            );
        }
    }

    #[test]
    fn escaped_interpolations_and_comments_do_not_nest() {
        let src = "x = \"$${a} %%{b}\" # {{{{ ((((\n// [[[[\n/* {{{{ */\ny = 1\n".repeat(100);
        assert!(preparse::refusal(&src, 2, 10, Syntax::Config).is_none());
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
