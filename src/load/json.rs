//! Terraform's JSON syntax (`.tf.json`) and JSON variable files (`.tfvars.json`).
//!
//! serde_json keeps no positions, so this module has its own strict RFC 8259 parser
//! ([`parse_json`]) that records a [`Span`] on every node, bounds nesting, and never panics.
//! [`parse_tf_json`] maps the document onto the same [`ast`](super::ast) tree the native-syntax
//! loader produces, following Terraform's JSON configuration rules:
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

use super::ast::*;
use super::hcl;
use crate::diag::Diagnostic;
use crate::source::{FileId, Span};
use crate::value::{Map, Value};
use std::sync::Arc;

/// Deepest array/object nesting a JSON document may have.
pub const MAX_DEPTH: usize = hcl::MAX_NESTING;

/// One JSON value with the span of its source text (a string's span includes its quotes).
#[derive(Debug, Clone, PartialEq)]
pub struct JsonNode {
    pub kind: JsonKind,
    pub span: Span,
}

#[derive(Debug, Clone, PartialEq)]
pub enum JsonKind {
    Null,
    Bool(bool),
    Number(f64),
    /// The unescaped string.
    String(String),
    Array(Vec<JsonNode>),
    /// Members in document order; duplicate keys are all kept.
    Object(Vec<JsonMember>),
}

/// One `"key": value` member of an object.
#[derive(Debug, Clone, PartialEq)]
pub struct JsonMember {
    /// The unescaped key.
    pub key: String,
    /// The key literal, quotes included.
    pub key_span: Span,
    pub value: JsonNode,
}

impl JsonMember {
    /// The whole member, from the key's opening quote to the end of the value.
    pub fn span(&self) -> Span {
        Span {
            file: self.key_span.file,
            start: self.key_span.start,
            end: self.value.span.end.max(self.key_span.start),
        }
    }
}

impl JsonKind {
    /// The kind with its article, for messages ("an object", "a string").
    pub fn describe(&self) -> &'static str {
        match self {
            JsonKind::Null => "null",
            JsonKind::Bool(_) => "a boolean",
            JsonKind::Number(_) => "a number",
            JsonKind::String(_) => "a string",
            JsonKind::Array(_) => "an array",
            JsonKind::Object(_) => "an object",
        }
    }
}

impl JsonNode {
    /// The value of the last member named `key`, as JSON decoders that keep one value do.
    pub fn get(&self, key: &str) -> Option<&JsonNode> {
        match &self.kind {
            JsonKind::Object(members) => members
                .iter()
                .rev()
                .find(|m| m.key == key)
                .map(|m| &m.value),
            _ => None,
        }
    }

    pub fn as_str(&self) -> Option<&str> {
        match &self.kind {
            JsonKind::String(s) => Some(s),
            _ => None,
        }
    }

    pub fn as_array(&self) -> Option<&[JsonNode]> {
        match &self.kind {
            JsonKind::Array(items) => Some(items),
            _ => None,
        }
    }

    pub fn as_object(&self) -> Option<&[JsonMember]> {
        match &self.kind {
            JsonKind::Object(members) => Some(members),
            _ => None,
        }
    }
}

// ---------------------------------------------------------------------------------------------
// JSON parsing
// ---------------------------------------------------------------------------------------------

/// Parses one JSON document (RFC 8259: no comments, no trailing commas; a leading byte order
/// mark is skipped). Syntax errors are `parse-error` diagnostics pointing at the offending byte;
/// nesting deeper than [`MAX_DEPTH`] is a `nesting-limit` diagnostic. Runs in linear time and
/// recursion is bounded by [`MAX_DEPTH`].
pub fn parse_json(file: FileId, text: &str) -> Result<JsonNode, Diagnostic> {
    let mut p = Parser {
        file,
        text,
        pos: 0,
        depth: 0,
    };
    if text.starts_with('\u{feff}') {
        p.pos = '\u{feff}'.len_utf8();
    }
    p.skip_ws();
    if p.peek().is_none() {
        return Err(Diagnostic::error(
            "parse-error",
            "invalid JSON: empty JSON file, expected a value",
        )
        .at(p.char_span(p.pos)));
    }
    let node = p.value()?;
    p.skip_ws();
    if p.peek().is_some() {
        return Err(p.unexpected("the end of the file after the top-level value"));
    }
    Ok(node)
}

struct Parser<'a> {
    file: FileId,
    text: &'a str,
    pos: usize,
    depth: usize,
}

impl Parser<'_> {
    fn peek(&self) -> Option<u8> {
        self.text.as_bytes().get(self.pos).copied()
    }

    fn peek_digit(&self) -> bool {
        matches!(self.peek(), Some(b'0'..=b'9'))
    }

    fn skip_ws(&mut self) {
        while matches!(self.peek(), Some(b' ' | b'\t' | b'\n' | b'\r')) {
            self.pos += 1;
        }
    }

    fn span_from(&self, start: usize) -> Span {
        Span::new(self.file, start..self.pos)
    }

    /// The character at `at` (empty at the end of the file).
    fn char_span(&self, at: usize) -> Span {
        let len = match self.text.get(at..).and_then(|s| s.chars().next()) {
            Some(c) => c.len_utf8(),
            None if at < self.text.len() => 1,
            None => 0,
        };
        Span::new(self.file, at..at + len)
    }

    fn error_at(&self, at: usize, message: impl std::fmt::Display) -> Diagnostic {
        Diagnostic::error("parse-error", format!("invalid JSON: {message}")).at(self.char_span(at))
    }

    fn unexpected(&self, expected: &str) -> Diagnostic {
        self.error_at(
            self.pos,
            format_args!("expected {expected}, found {}", self.describe(self.pos)),
        )
    }

    fn describe(&self, at: usize) -> String {
        match self.text.get(at..).and_then(|s| s.chars().next()) {
            None => "the end of the file".to_string(),
            Some(c) if c.is_control() || (c.is_whitespace() && c != ' ') => {
                format!("U+{:04X}", c as u32)
            }
            Some(c) => format!("'{c}'"),
        }
    }

    fn value(&mut self) -> Result<JsonNode, Diagnostic> {
        let start = self.pos;
        let kind = match self.peek() {
            Some(b'{') => return self.object(),
            Some(b'[') => return self.array(),
            Some(b'"') => JsonKind::String(self.string()?),
            Some(b'-' | b'0'..=b'9') => JsonKind::Number(self.number()?),
            Some(b't') => {
                self.keyword("true")?;
                JsonKind::Bool(true)
            }
            Some(b'f') => {
                self.keyword("false")?;
                JsonKind::Bool(false)
            }
            Some(b'n') => {
                self.keyword("null")?;
                JsonKind::Null
            }
            Some(b'/') => return Err(self.error_at(start, "comments are not allowed")),
            Some(b'\'') => {
                return Err(self.error_at(
                    start,
                    "expected a value, found ''' (strings take double quotes)",
                ))
            }
            _ => return Err(self.unexpected("a value")),
        };
        Ok(JsonNode {
            kind,
            span: self.span_from(start),
        })
    }

    fn keyword(&mut self, word: &str) -> Result<(), Diagnostic> {
        for b in word.bytes() {
            if self.peek() != Some(b) {
                return Err(self.unexpected(&format!("'{word}'")));
            }
            self.pos += 1;
        }
        Ok(())
    }

    fn enter(&mut self) -> Result<(), Diagnostic> {
        self.depth += 1;
        if self.depth > MAX_DEPTH {
            return Err(Diagnostic::error(
                "nesting-limit",
                format!(
                    "JSON arrays and objects nest deeper than {MAX_DEPTH} levels; the file was not evaluated"
                ),
            )
            .at(self.char_span(self.pos)));
        }
        Ok(())
    }

    /// After a `,`: skips it and the whitespace after it, refusing a trailing comma.
    fn comma(&mut self, close: u8) -> Result<(), Diagnostic> {
        let at = self.pos;
        self.pos += 1;
        self.skip_ws();
        if self.peek() == Some(close) {
            return Err(self.error_at(
                at,
                format_args!(
                    "expected a value after ',', found '{}' (trailing commas are not allowed)",
                    close as char
                ),
            ));
        }
        Ok(())
    }

    fn array(&mut self) -> Result<JsonNode, Diagnostic> {
        let start = self.pos;
        self.enter()?;
        self.pos += 1;
        self.skip_ws();
        let mut items = Vec::new();
        if self.peek() == Some(b']') {
            self.pos += 1;
        } else {
            loop {
                items.push(self.value()?);
                self.skip_ws();
                match self.peek() {
                    Some(b',') => self.comma(b']')?,
                    Some(b']') => {
                        self.pos += 1;
                        break;
                    }
                    _ => return Err(self.unexpected("',' or ']' after an array element")),
                }
            }
        }
        self.depth -= 1;
        Ok(JsonNode {
            kind: JsonKind::Array(items),
            span: self.span_from(start),
        })
    }

    fn object(&mut self) -> Result<JsonNode, Diagnostic> {
        let start = self.pos;
        self.enter()?;
        self.pos += 1;
        self.skip_ws();
        let mut members = Vec::new();
        if self.peek() == Some(b'}') {
            self.pos += 1;
        } else {
            loop {
                if self.peek() != Some(b'"') {
                    let expected = if members.is_empty() {
                        "a string key or '}'"
                    } else {
                        "a string key"
                    };
                    return Err(self.unexpected(expected));
                }
                let key_start = self.pos;
                let key = self.string()?;
                let key_span = self.span_from(key_start);
                self.skip_ws();
                if self.peek() != Some(b':') {
                    return Err(self.unexpected("':' after an object key"));
                }
                self.pos += 1;
                self.skip_ws();
                let value = self.value()?;
                members.push(JsonMember {
                    key,
                    key_span,
                    value,
                });
                self.skip_ws();
                match self.peek() {
                    Some(b',') => self.comma(b'}')?,
                    Some(b'}') => {
                        self.pos += 1;
                        break;
                    }
                    _ => return Err(self.unexpected("',' or '}' after an object member")),
                }
            }
        }
        self.depth -= 1;
        Ok(JsonNode {
            kind: JsonKind::Object(members),
            span: self.span_from(start),
        })
    }

    fn string(&mut self) -> Result<String, Diagnostic> {
        match decode_string(self.text, self.pos, None) {
            Ok((s, end)) => {
                self.pos = end;
                Ok(s)
            }
            Err((at, message)) => Err(self.error_at(at, message)),
        }
    }

    fn digits(&mut self) {
        while self.peek_digit() {
            self.pos += 1;
        }
    }

    fn number(&mut self) -> Result<f64, Diagnostic> {
        let start = self.pos;
        if self.peek() == Some(b'-') {
            self.pos += 1;
        }
        match self.peek() {
            Some(b'0') => {
                self.pos += 1;
                if self.peek_digit() {
                    return Err(
                        self.error_at(self.pos - 1, "leading zeros are not allowed in numbers")
                    );
                }
            }
            Some(b'1'..=b'9') => self.digits(),
            _ => return Err(self.unexpected("a digit")),
        }
        if self.peek() == Some(b'.') {
            self.pos += 1;
            if !self.peek_digit() {
                return Err(self.unexpected("a digit after the decimal point"));
            }
            self.digits();
        }
        if matches!(self.peek(), Some(b'e' | b'E')) {
            self.pos += 1;
            if matches!(self.peek(), Some(b'+' | b'-')) {
                self.pos += 1;
            }
            if !self.peek_digit() {
                return Err(self.unexpected("a digit in the exponent"));
            }
            self.digits();
        }
        let literal = self.text.get(start..self.pos).unwrap_or("");
        match literal.parse::<f64>() {
            Ok(n) if n.is_finite() => Ok(n),
            _ => Err(Diagnostic::error(
                "parse-error",
                "invalid JSON: number out of range (beyond a 64-bit float)",
            )
            .at(self.span_from(start))),
        }
    }
}

fn to_u32(n: usize) -> u32 {
    u32::try_from(n).unwrap_or(u32::MAX)
}

/// Decodes the string literal whose opening quote is at `start`: its value and the offset just
/// past the closing quote. With `map`, also records for every byte of the value the file offset
/// of the source text it came from, then nothing for the end (the caller adds it).
/// Errors are an offset and a message.
fn decode_string(
    text: &str,
    start: usize,
    mut map: Option<&mut Vec<u32>>,
) -> Result<(String, usize), (usize, String)> {
    let bytes = text.as_bytes();
    let mut out = String::new();
    let mut i = start + 1;
    let mut run = i;
    loop {
        match bytes.get(i) {
            None => {
                return Err((
                    start,
                    "unterminated string: expected '\"' before the end of the file".to_string(),
                ))
            }
            Some(b'"') => {
                push_run(&mut out, map.as_deref_mut(), text, run, i);
                return Ok((out, i + 1));
            }
            Some(b'\\') => {
                push_run(&mut out, map.as_deref_mut(), text, run, i);
                let (c, next) = decode_escape(bytes, i)?;
                if let Some(m) = map.as_deref_mut() {
                    m.extend(std::iter::repeat_n(to_u32(i), c.len_utf8()));
                }
                out.push(c);
                i = next;
                run = i;
            }
            Some(&b) if b < 0x20 => {
                return Err((
                    i,
                    format!("expected '\"', found control character U+{b:04X} (it must be escaped in a string)"),
                ))
            }
            // Multi-byte UTF-8 sequences never contain bytes below 0x80, so runs always split
            // at character boundaries.
            Some(_) => i += 1,
        }
    }
}

fn push_run(out: &mut String, map: Option<&mut Vec<u32>>, text: &str, from: usize, to: usize) {
    out.push_str(text.get(from..to).unwrap_or(""));
    if let Some(m) = map {
        m.extend((from..to).map(to_u32));
    }
}

/// Decodes the escape sequence at `bytes[i] == b'\\'`: the character and the offset after it.
/// A surrogate that is not half of a valid pair decodes to U+FFFD.
fn decode_escape(bytes: &[u8], i: usize) -> Result<(char, usize), (usize, String)> {
    let c = match bytes.get(i + 1) {
        Some(b'"') => '"',
        Some(b'\\') => '\\',
        Some(b'/') => '/',
        Some(b'b') => '\u{8}',
        Some(b'f') => '\u{c}',
        Some(b'n') => '\n',
        Some(b'r') => '\r',
        Some(b't') => '\t',
        Some(b'u') => {
            let hi = hex4(bytes, i + 2)?;
            if (0xD800..0xDC00).contains(&hi)
                && bytes.get(i + 6) == Some(&b'\\')
                && bytes.get(i + 7) == Some(&b'u')
            {
                if let Ok(lo) = hex4(bytes, i + 8) {
                    if (0xDC00..0xE000).contains(&lo) {
                        let cp = 0x10000 + ((hi - 0xD800) << 10) + (lo - 0xDC00);
                        return Ok((char::from_u32(cp).unwrap_or('\u{fffd}'), i + 12));
                    }
                }
            }
            // Lone surrogates have no `char`: they become the replacement character.
            return Ok((char::from_u32(hi).unwrap_or('\u{fffd}'), i + 6));
        }
        None => {
            return Err((
                i,
                "unterminated string: expected an escape sequence after '\\'".to_string(),
            ))
        }
        Some(_) => {
            return Err((
                i,
                "invalid escape sequence: '\\' must be followed by one of \" \\ / b f n r t u"
                    .to_string(),
            ))
        }
    };
    Ok((c, i + 2))
}

fn hex4(bytes: &[u8], at: usize) -> Result<u32, (usize, String)> {
    let mut n = 0u32;
    for k in 0..4 {
        let digit = bytes
            .get(at + k)
            .and_then(|b| (*b as char).to_digit(16))
            .ok_or_else(|| (at + k, "expected four hex digits after '\\u'".to_string()))?;
        n = n * 16 + digit;
    }
    Ok(n)
}

// ---------------------------------------------------------------------------------------------
// Values
// ---------------------------------------------------------------------------------------------

/// The value of a JSON node, with `span` set on it and on every nested value. Objects keep the
/// last of duplicate keys.
pub fn node_to_value(node: &JsonNode, file: FileId) -> Value {
    let span = Span { file, ..node.span };
    let value = match &node.kind {
        JsonKind::Null => Value::null(),
        JsonKind::Bool(b) => Value::bool(*b),
        JsonKind::Number(n) => Value::number(*n),
        JsonKind::String(s) => Value::string(s.as_str()),
        JsonKind::Array(items) => {
            Value::list(items.iter().map(|i| node_to_value(i, file)).collect())
        }
        JsonKind::Object(members) => {
            let mut map = Map::new();
            for m in members {
                map.insert(Arc::from(m.key.as_str()), node_to_value(&m.value, file));
            }
            Value::object(map)
        }
    };
    value.with_span(span)
}

/// One variable value from a variables file: name, value, and the span of the whole property.
pub type VarValue = (Arc<str>, Value, Span);

/// Parses a `.tfvars.json` file: each property of the top-level object is a variable value
/// (strings are literal, not templates), returned with the span of the whole property.
pub fn parse_vars_json(file: FileId, text: &str) -> (Vec<VarValue>, Vec<Diagnostic>) {
    let root = match parse_json(file, text) {
        Ok(root) => root,
        Err(d) => return (Vec::new(), vec![d]),
    };
    let JsonKind::Object(members) = &root.kind else {
        let d = Diagnostic::error(
            "invalid-json-config",
            format!(
                "a JSON variables file must hold an object of variable values, found {}",
                root.kind.describe()
            ),
        )
        .at(root.span);
        return (Vec::new(), vec![d]);
    };
    let vars = members
        .iter()
        .filter(|m| !is_comment(m))
        .map(|m| {
            (
                Arc::from(m.key.as_str()),
                node_to_value(&m.value, file),
                m.span(),
            )
        })
        .collect();
    (vars, Vec::new())
}

// ---------------------------------------------------------------------------------------------
// Terraform's JSON configuration syntax
// ---------------------------------------------------------------------------------------------

/// Parses a `.tf.json` file into a body of top-level blocks. A JSON syntax error yields an empty
/// body and that one diagnostic; a document of the wrong shape converts as far as it can, with
/// an `invalid-json-config` diagnostic for each part that does not fit.
pub fn parse_tf_json(file: FileId, text: &str) -> (Body, Vec<Diagnostic>) {
    let root = match parse_json(file, text) {
        Ok(root) => root,
        Err(d) => return (Body::default(), vec![d]),
    };
    let mut conv = Converter {
        file,
        text,
        diags: Vec::new(),
    };
    let mut body = Body::default();
    conv.root(&root, &mut body);
    (body, conv.diags)
}

fn is_comment(m: &JsonMember) -> bool {
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
            Offsets::Shift(base) => to_u32(*base).saturating_add(offset),
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

    fn root(&mut self, node: &JsonNode, out: &mut Body) {
        match &node.kind {
            JsonKind::Object(members) => {
                for m in members.iter().filter(|m| !is_comment(m)) {
                    self.top_level(m, out);
                }
            }
            JsonKind::Array(items) => {
                for item in items {
                    match &item.kind {
                        JsonKind::Object(_) => self.root(item, out),
                        other => self.invalid(
                            item.span,
                            format!(
                                "expected an object of top-level blocks in this array, found {}",
                                other.describe()
                            ),
                        ),
                    }
                }
            }
            other => self.invalid(
                node.span,
                format!(
                    "a .tf.json file must hold an object whose properties are block types, found {}",
                    other.describe()
                ),
            ),
        }
    }

    fn top_level(&mut self, m: &JsonMember, out: &mut Body) {
        let (labels, ctx) = match m.key.as_str() {
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
            &m.value,
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
        node: &JsonNode,
        want: usize,
        labels: &mut Vec<Arc<str>>,
        ctx: Ctx,
        out: &mut Vec<Block>,
    ) {
        match &node.kind {
            JsonKind::Array(items) => {
                for item in items {
                    match &item.kind {
                        JsonKind::Object(_) => {
                            self.blocks(kind, header, item, want, labels, ctx, out)
                        }
                        other => self.invalid(
                            item.span,
                            format!(
                                "expected an object in this array of `{kind}` blocks, found {}",
                                other.describe()
                            ),
                        ),
                    }
                }
            }
            JsonKind::Object(members) if labels.len() >= want => {
                let body = self.body(members, ctx);
                out.push(Block {
                    kind: Arc::from(kind),
                    labels: labels.clone(),
                    body,
                    span: node.span,
                    header,
                });
            }
            JsonKind::Object(members) => {
                for m in members.iter().filter(|m| !is_comment(m)) {
                    labels.push(Arc::from(m.key.as_str()));
                    self.blocks(kind, m.key_span, &m.value, want, labels, ctx, out);
                    labels.pop();
                }
            }
            other => {
                let message = if labels.len() < want {
                    format!(
                        "expected an object whose properties name `{kind}` blocks (label {} of {want}), found {}",
                        labels.len() + 1,
                        other.describe()
                    )
                } else {
                    format!(
                        "expected an object for the body of a `{kind}` block, found {}",
                        other.describe()
                    )
                };
                self.invalid(node.span, message);
            }
        }
    }

    fn body(&mut self, members: &[JsonMember], ctx: Ctx) -> Body {
        let mut out = Body::default();
        for m in members.iter().filter(|m| !is_comment(m)) {
            if let Some((labels, inner)) = nested_block(ctx, &m.key) {
                self.blocks(
                    &m.key,
                    m.key_span,
                    &m.value,
                    labels,
                    &mut Vec::new(),
                    inner,
                    &mut out.blocks,
                );
                continue;
            }
            let expr = self.expr(&m.value, argument_mode(ctx, &m.key));
            out.attributes.push(Attribute {
                name: Arc::from(m.key.as_str()),
                expr,
                span: m.span(),
            });
        }
        out
    }

    fn expr(&mut self, node: &JsonNode, mode: Mode) -> Expr {
        let kind = match &node.kind {
            JsonKind::Null => ExprKind::Null,
            JsonKind::Bool(b) => ExprKind::Bool(*b),
            JsonKind::Number(n) => ExprKind::Number(*n),
            JsonKind::String(s) => return self.string(s, node.span, mode),
            JsonKind::Array(items) => {
                ExprKind::Tuple(items.iter().map(|i| self.expr(i, mode)).collect())
            }
            JsonKind::Object(members) => ExprKind::Object(
                members
                    .iter()
                    .map(|m| (self.key(m, mode), self.expr(&m.value, mode)))
                    .collect(),
            ),
        };
        Expr {
            kind,
            span: node.span,
        }
    }

    fn key(&mut self, m: &JsonMember, mode: Mode) -> Expr {
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
                table.push(to_u32(end.saturating_sub(1)));
                Offsets::Table(table)
            }
            Err(_) => Offsets::Shift(content),
        }
    }

    fn template(&mut self, s: &str, span: Span) -> Expr {
        if !s.contains("${") && !s.contains("%{") {
            return literal(s, span);
        }
        match hcl::parse_template(self.file, s, 0) {
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
    for part in parts {
        match part {
            TemplatePart::Literal(_) => {}
            TemplatePart::Interpolation(e) => remap_expr(e, offsets),
            TemplatePart::If {
                cond,
                then,
                otherwise,
            } => {
                remap_expr(cond, offsets);
                remap_parts(then, offsets);
                remap_parts(otherwise, offsets);
            }
            TemplatePart::For {
                collection, body, ..
            } => {
                remap_expr(collection, offsets);
                remap_parts(body, offsets);
            }
        }
    }
}

/// Moves every span of an expression parsed from a string's value to its place in the file.
fn remap_expr(e: &mut Expr, offsets: &Offsets) {
    remap_span(&mut e.span, offsets);
    match &mut e.kind {
        ExprKind::Template(parts) => remap_parts(parts, offsets),
        ExprKind::Tuple(items) => items.iter_mut().for_each(|x| remap_expr(x, offsets)),
        ExprKind::Object(items) => items.iter_mut().for_each(|(k, v)| {
            remap_expr(k, offsets);
            remap_expr(v, offsets);
        }),
        ExprKind::Traversal(root, ops) => {
            remap_expr(root, offsets);
            for op in ops {
                if let Traverse::Index(i) = op {
                    remap_expr(i, offsets);
                }
            }
        }
        ExprKind::Call { args, .. } => args.iter_mut().for_each(|x| remap_expr(x, offsets)),
        ExprKind::Conditional(c) => {
            remap_expr(&mut c.0, offsets);
            remap_expr(&mut c.1, offsets);
            remap_expr(&mut c.2, offsets);
        }
        ExprKind::Unary(_, x) => remap_expr(x, offsets),
        ExprKind::Binary(_, x) => {
            remap_expr(&mut x.0, offsets);
            remap_expr(&mut x.1, offsets);
        }
        ExprKind::For(f) => {
            remap_expr(&mut f.collection, offsets);
            if let Some(k) = &mut f.key {
                remap_expr(k, offsets);
            }
            remap_expr(&mut f.value, offsets);
            if let Some(c) = &mut f.cond {
                remap_expr(c, offsets);
            }
        }
        ExprKind::Null
        | ExprKind::Bool(_)
        | ExprKind::Number(_)
        | ExprKind::String(_)
        | ExprKind::Variable(_) => {}
    }
}
