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
