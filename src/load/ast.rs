//! The syntax tree every loader produces (HCL native syntax and Terraform's JSON syntax alike),
//! owned and compact, with a [`Span`] on every node so evaluation and findings can point at
//! source.

use crate::source::Span;
use std::sync::Arc;

#[derive(Debug, Clone, Default)]
pub struct Body {
    pub attributes: Vec<Attribute>,
    pub blocks: Vec<Block>,
}

impl Body {
    pub fn attribute(&self, name: &str) -> Option<&Attribute> {
        self.attributes.iter().find(|a| &*a.name == name)
    }

    pub fn blocks_of<'a>(&'a self, kind: &'a str) -> impl Iterator<Item = &'a Block> + 'a {
        self.blocks.iter().filter(move |b| &*b.kind == kind)
    }
}

#[derive(Debug, Clone)]
pub struct Attribute {
    pub name: Arc<str>,
    pub expr: Expr,
    /// The whole `name = expr` line(s).
    pub span: Span,
}

#[derive(Debug, Clone)]
pub struct Block {
    pub kind: Arc<str>,
    pub labels: Vec<Arc<str>>,
    pub body: Body,
    /// The whole block.
    pub span: Span,
    /// The block type and labels (`resource "aws_s3_bucket" "logs"`), where findings about a
    /// missing attribute point.
    pub header: Span,
}

#[derive(Debug, Clone)]
pub struct Expr {
    pub kind: ExprKind,
    pub span: Span,
}

#[derive(Debug, Clone)]
pub enum ExprKind {
    Null,
    Bool(bool),
    Number(f64),
    /// A string without interpolation.
    String(Arc<str>),
    /// A string or heredoc with interpolations or directives.
    Template(Vec<TemplatePart>),
    Tuple(Vec<Expr>),
    Object(Vec<(Expr, Expr)>),
    /// A bare name: `var`, `local`, `aws_s3_bucket`, `each`, a `for` variable.
    Variable(Arc<str>),
    Traversal(Box<Expr>, Vec<Traverse>),
    Call {
        name: Arc<str>,
        args: Vec<Expr>,
        /// `f(list...)`: the last argument is expanded into arguments.
        expand_final: bool,
    },
    Conditional(Box<(Expr, Expr, Expr)>),
    Unary(UnaryOp, Box<Expr>),
    Binary(BinaryOp, Box<(Expr, Expr)>),
    For(Box<ForExpr>),
}

#[derive(Debug, Clone)]
pub enum Traverse {
    Attr(Arc<str>),
    Index(Expr),
    /// `.*`: following attribute accesses apply to each element.
    AttrSplat,
    /// `[*]`: following accesses of any kind apply to each element.
    FullSplat,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum UnaryOp {
    Neg,
    Not,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum BinaryOp {
    Eq,
    NotEq,
    Lt,
    LtEq,
    Gt,
    GtEq,
    Add,
    Sub,
    Mul,
    Div,
    Mod,
    And,
    Or,
}

#[derive(Debug, Clone)]
pub struct ForExpr {
    pub key_var: Option<Arc<str>>,
    pub value_var: Arc<str>,
    pub collection: Expr,
    /// `Some` for an object `for` (`{for k, v in x : k => v}`).
    pub key: Option<Expr>,
    pub value: Expr,
    pub cond: Option<Expr>,
    /// `...` after the value in an object `for`: values with one key are grouped in lists.
    pub grouping: bool,
}

#[derive(Debug, Clone)]
pub enum TemplatePart {
    Literal(Arc<str>),
    Interpolation(Expr),
    If {
        cond: Expr,
        then: Vec<TemplatePart>,
        otherwise: Vec<TemplatePart>,
    },
    For {
        key_var: Option<Arc<str>>,
        value_var: Arc<str>,
        collection: Expr,
        body: Vec<TemplatePart>,
    },
}

impl Expr {
    /// Calls `f` on the span of this expression and of every expression inside it (used to
    /// move spans of text parsed out of a larger file to their place in it).
    pub fn for_each_span_mut(&mut self, f: &mut impl FnMut(&mut Span)) {
        f(&mut self.span);
        match &mut self.kind {
            ExprKind::Template(parts) => parts_for_each_span_mut(parts, f),
            ExprKind::Tuple(items) => items.iter_mut().for_each(|x| x.for_each_span_mut(f)),
            ExprKind::Object(items) => items.iter_mut().for_each(|(k, v)| {
                k.for_each_span_mut(f);
                v.for_each_span_mut(f);
            }),
            ExprKind::Traversal(root, ops) => {
                root.for_each_span_mut(f);
                for op in ops {
                    if let Traverse::Index(i) = op {
                        i.for_each_span_mut(f);
                    }
                }
            }
            ExprKind::Call { args, .. } => args.iter_mut().for_each(|x| x.for_each_span_mut(f)),
            ExprKind::Conditional(c) => {
                c.0.for_each_span_mut(f);
                c.1.for_each_span_mut(f);
                c.2.for_each_span_mut(f);
            }
            ExprKind::Unary(_, x) => x.for_each_span_mut(f),
            ExprKind::Binary(_, x) => {
                x.0.for_each_span_mut(f);
                x.1.for_each_span_mut(f);
            }
            ExprKind::For(fe) => {
                fe.collection.for_each_span_mut(f);
                if let Some(k) = &mut fe.key {
                    k.for_each_span_mut(f);
                }
                fe.value.for_each_span_mut(f);
                if let Some(c) = &mut fe.cond {
                    c.for_each_span_mut(f);
                }
            }
            ExprKind::Null
            | ExprKind::Bool(_)
            | ExprKind::Number(_)
            | ExprKind::String(_)
            | ExprKind::Variable(_) => {}
        }
    }

    /// The traversal root name and attribute names of a static reference
    /// (`var.x`, `aws_s3_bucket.logs.id`), if the expression is one.
    pub fn static_path(&self) -> Option<(Arc<str>, Vec<Arc<str>>)> {
        match &self.kind {
            ExprKind::Variable(name) => Some((name.clone(), Vec::new())),
            ExprKind::Traversal(root, ops) => {
                let ExprKind::Variable(name) = &root.kind else {
                    return None;
                };
                let mut attrs = Vec::new();
                for op in ops {
                    match op {
                        Traverse::Attr(a) => attrs.push(a.clone()),
                        _ => break,
                    }
                }
                Some((name.clone(), attrs))
            }
            _ => None,
        }
    }
}

/// [`Expr::for_each_span_mut`] over template parts.
pub fn parts_for_each_span_mut(parts: &mut [TemplatePart], f: &mut impl FnMut(&mut Span)) {
    for p in parts {
        match p {
            TemplatePart::Literal(_) => {}
            TemplatePart::Interpolation(e) => e.for_each_span_mut(f),
            TemplatePart::If {
                cond,
                then,
                otherwise,
            } => {
                cond.for_each_span_mut(f);
                parts_for_each_span_mut(then, f);
                parts_for_each_span_mut(otherwise, f);
            }
            TemplatePart::For {
                collection, body, ..
            } => {
                collection.for_each_span_mut(f);
                parts_for_each_span_mut(body, f);
            }
        }
    }
}
