//! The spanned JSON reader: the one parser every JSON file onus reads goes through (`.tf.json`,
//! `.tfvars.json` and `terraform show -json` plans).
//!
//! It is strict RFC 8259 (no comments, no trailing commas; a leading byte order mark is
//! skipped), bounds nesting, runs in linear time and never panics. Instead of a tree of owned
//! nodes it writes a flat [`Document`]: one small fixed-size record per value, in document
//! order, holding the value's byte range in the text. Strings are not copied: a [`JsonRef`]
//! borrows them from the text and decodes escapes only when asked. A [`Keep`] description
//! says which parts of a document are recorded at all; the rest is checked to be JSON and
//! walked over, and parts marked [`Keep::Later`] are recorded as one range to be read when
//! needed ([`JsonRef::expand`]). That is how a plan of hundreds of megabytes is read into a
//! fraction of its size.

use crate::diag::Diagnostic;
use crate::source::{saturate, FileId, Span};
use crate::value::{Map, Value};
use std::borrow::Cow;
use std::collections::HashMap;
use std::sync::Arc;

/// Deepest array/object nesting a JSON document may have.
pub const MAX_DEPTH: usize = crate::load::hcl::MAX_NESTING;

/// Which parts of a JSON value to record.
#[derive(Debug, Clone, Copy)]
pub enum Keep {
    /// The whole value.
    All,
    /// Of an object, only these members (each recorded as its `Keep` says); other values whole.
    Members(&'static [(&'static str, Keep)]),
    /// Of a list, every element as the inner `Keep` says; other values whole.
    Each(&'static Keep),
    /// Of an object, every member's value as the inner `Keep` says (an object of names, like
    /// `module_calls`); other values whole.
    Values(&'static Keep),
    /// Only the value's range: read when needed with [`JsonRef::expand`].
    Later,
}

impl Keep {
    /// How to record the member `key` of an object; `None` to skip it.
    pub fn member(self, key: &str) -> Option<Keep> {
        match self {
            Keep::Members(members) => members.iter().find(|(k, _)| *k == key).map(|(_, k)| *k),
            Keep::Values(inner) => Some(*inner),
            Keep::All | Keep::Each(_) | Keep::Later => Some(Keep::All),
        }
    }

    /// How to record the elements of a list.
    pub fn element(self) -> Keep {
        match self {
            Keep::Each(inner) => *inner,
            Keep::All | Keep::Members(_) | Keep::Values(_) | Keep::Later => Keep::All,
        }
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Tag {
    Null,
    True,
    False,
    Number,
    /// A string literal without escapes: its value is the text between the quotes.
    Plain,
    /// A string literal with escapes, decoded when read.
    Escaped,
    Array,
    Object,
    /// A value recorded by its range only ([`Keep::Later`]).
    Later,
}

/// One value of a document: its range in the text and, for arrays and objects, where its
/// contents end. An object's contents are its members' key and value records, alternating.
#[derive(Debug, Clone, Copy)]
struct Node {
    start: u32,
    end: u32,
    /// Index of the record after this value and everything in it.
    after: u32,
    /// Elements of an array, members of an object.
    len: u32,
    tag: Tag,
}

/// A parsed JSON document: the records of the values [`Keep`] said to keep. It holds no
/// text; [`Document::root`] pairs it with the text it was read from.
#[derive(Debug)]
pub struct Document {
    file: FileId,
    nodes: Vec<Node>,
}

impl Document {
    /// The top-level value, reading strings from `text` (the text the document was parsed from).
    pub fn root<'d>(&'d self, text: &'d str) -> JsonRef<'d> {
        JsonRef {
            doc: self,
            text,
            at: 0,
        }
    }

    pub fn file(&self) -> FileId {
        self.file
    }

    /// How many values are recorded (a measure of the memory the document holds).
    pub fn len(&self) -> usize {
        self.nodes.len()
    }

    pub fn is_empty(&self) -> bool {
        self.nodes.is_empty()
    }
}

/// Parses one whole JSON document, keeping every value.
pub fn parse_json(file: FileId, text: &str) -> Result<Document, Diagnostic> {
    parse(file, text, Keep::All)
}

/// Parses one JSON document, recording what `keep` says. Syntax errors are `parse-error`
/// diagnostics pointing at the offending byte; nesting deeper than [`MAX_DEPTH`] is a
/// `nesting-limit` diagnostic. Skipped parts are checked as strictly as kept ones.
pub fn parse(file: FileId, text: &str, keep: Keep) -> Result<Document, Diagnostic> {
    let mut p = Parser {
        file,
        text,
        bytes: text.as_bytes(),
        pos: 0,
        depth: 0,
        nodes: Vec::new(),
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
    p.value(Some(keep))?;
    p.skip_ws();
    if p.peek().is_some() {
        return Err(p.unexpected("the end of the file after the top-level value"));
    }
    p.nodes.shrink_to_fit();
    Ok(Document {
        file,
        nodes: p.nodes,
    })
}

/// A value of a [`Document`], with the text its strings are read from. Cheap to copy.
#[derive(Clone, Copy)]
pub struct JsonRef<'d> {
    doc: &'d Document,
    text: &'d str,
    at: u32,
}

impl std::fmt::Debug for JsonRef<'_> {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(self.raw())
    }
}

/// What a value is, with its contents.
#[derive(Debug, Clone)]
pub enum JsonKind<'d> {
    Null,
    Bool(bool),
    Number(f64),
    /// The unescaped string.
    String(Cow<'d, str>),
    Array(Items<'d>),
    /// Members in document order; duplicate keys are all there.
    Object(Members<'d>),
    /// Recorded by range only: [`JsonRef::expand`] reads it.
    Later,
}

impl<'d> JsonRef<'d> {
    fn node(&self) -> Node {
        // Every `JsonRef` is made from an index inside its document.
        self.doc
            .nodes
            .get(self.at as usize)
            .copied()
            .unwrap_or(Node {
                start: 0,
                end: 0,
                after: self.at + 1,
                len: 0,
                tag: Tag::Null,
            })
    }

    fn at(&self, at: u32) -> JsonRef<'d> {
        JsonRef { at, ..*self }
    }

    /// The value's source text (a string's includes its quotes).
    pub fn span(&self) -> Span {
        let n = self.node();
        Span {
            file: self.doc.file,
            start: n.start,
            end: n.end,
        }
    }

    pub fn range(&self) -> std::ops::Range<usize> {
        let n = self.node();
        n.start as usize..n.end as usize
    }

    /// The value as written.
    pub fn raw(&self) -> &'d str {
        self.text.get(self.range()).unwrap_or("")
    }

    pub fn kind(&self) -> JsonKind<'d> {
        let n = self.node();
        match n.tag {
            Tag::Null => JsonKind::Null,
            Tag::True => JsonKind::Bool(true),
            Tag::False => JsonKind::Bool(false),
            Tag::Number => JsonKind::Number(self.raw().parse().unwrap_or(0.0)),
            Tag::Plain | Tag::Escaped => JsonKind::String(self.string_value(n)),
            Tag::Array => JsonKind::Array(self.items()),
            Tag::Object => JsonKind::Object(self.members()),
            Tag::Later => JsonKind::Later,
        }
    }

    fn string_value(&self, n: Node) -> Cow<'d, str> {
        let inner = self
            .text
            .get(n.start as usize + 1..(n.end as usize).saturating_sub(1))
            .unwrap_or("");
        if n.tag == Tag::Plain {
            return Cow::Borrowed(inner);
        }
        match decode_string(self.text, n.start as usize, None) {
            Ok((s, _)) => Cow::Owned(s),
            Err(_) => Cow::Borrowed(inner),
        }
    }

    pub fn is_null(&self) -> bool {
        self.node().tag == Tag::Null
    }

    pub fn is_object(&self) -> bool {
        self.node().tag == Tag::Object
    }

    pub fn is_array(&self) -> bool {
        self.node().tag == Tag::Array
    }

    pub fn as_str(&self) -> Option<Cow<'d, str>> {
        let n = self.node();
        matches!(n.tag, Tag::Plain | Tag::Escaped).then(|| self.string_value(n))
    }

    pub fn as_bool(&self) -> Option<bool> {
        match self.node().tag {
            Tag::True => Some(true),
            Tag::False => Some(false),
            _ => None,
        }
    }

    /// Elements of an array (none for other values).
    pub fn items(&self) -> Items<'d> {
        let n = self.node();
        let (next, end, left) = match n.tag {
            Tag::Array => (self.at + 1, n.after, n.len),
            _ => (0, 0, 0),
        };
        Items {
            base: *self,
            next,
            end,
            left,
        }
    }

    /// Members of an object in document order (none for other values).
    pub fn members(&self) -> Members<'d> {
        let n = self.node();
        let (next, end, left) = match n.tag {
            Tag::Object => (self.at + 1, n.after, n.len),
            _ => (0, 0, 0),
        };
        Members {
            base: *self,
            next,
            end,
            left,
        }
    }

    /// Elements of an array or members of an object.
    pub fn len(&self) -> usize {
        self.node().len as usize
    }

    pub fn is_empty(&self) -> bool {
        self.len() == 0
    }

    /// The element `i` of an array.
    pub fn index(&self, i: usize) -> Option<JsonRef<'d>> {
        self.items().nth(i)
    }

    /// The last member named `key`, as JSON decoders that keep one value per key read it.
    pub fn member(&self, key: &str) -> Option<Member<'d>> {
        let mut found = None;
        for m in self.raw_members() {
            if m.key_is(key) {
                found = Some(m);
            }
        }
        found.map(RawMember::member)
    }

    /// The value of the last member named `key`.
    pub fn get(&self, key: &str) -> Option<JsonRef<'d>> {
        let mut found = None;
        for m in self.raw_members() {
            if m.key_is(key) {
                found = Some(m.value);
            }
        }
        found
    }

    fn raw_members(&self) -> impl Iterator<Item = RawMember<'d>> {
        let mut members = self.members();
        std::iter::from_fn(move || members.next_raw())
    }

    /// The value with its kind and article, for messages ("an object", "a string").
    pub fn describe(&self) -> &'static str {
        match self.node().tag {
            Tag::Null => "null",
            Tag::True | Tag::False => "a boolean",
            Tag::Number => "a number",
            Tag::Plain | Tag::Escaped => "a string",
            Tag::Array => "an array",
            Tag::Object | Tag::Later => "an object",
        }
    }

    /// Terraform's name for the value's type, for messages ("list", "object").
    pub fn type_name(&self) -> &'static str {
        match self.node().tag {
            Tag::Null => "null",
            Tag::True | Tag::False => "bool",
            Tag::Number => "number",
            Tag::Plain | Tag::Escaped => "string",
            Tag::Array => "list",
            Tag::Object | Tag::Later => "object",
        }
    }

    /// A value recorded by range only ([`Keep::Later`]), read now with everything in it;
    /// `None` for any other value (it is already read). Its spans are those of the whole file.
    pub fn expand(&self) -> Option<Document> {
        let n = self.node();
        if n.tag != Tag::Later {
            return None;
        }
        let mut p = Parser {
            file: self.doc.file,
            text: self.text,
            bytes: self.text.as_bytes(),
            pos: n.start as usize,
            depth: 0,
            nodes: Vec::new(),
        };
        // The range was checked when the document was parsed.
        p.value(Some(Keep::All)).ok()?;
        Some(Document {
            file: self.doc.file,
            nodes: p.nodes,
        })
    }

    /// The value, with its span set on it and on every nested value. Objects keep the last of
    /// duplicate keys.
    pub fn to_value(&self, file: FileId) -> Value {
        self.convert(Some(file))
    }

    /// The value without spans.
    pub fn to_plain_value(&self) -> Value {
        self.convert(None)
    }

    fn convert(&self, file: Option<FileId>) -> Value {
        let value = match self.kind() {
            JsonKind::Null | JsonKind::Later => Value::null(),
            JsonKind::Bool(b) => Value::bool(b),
            JsonKind::Number(n) => Value::number(n),
            JsonKind::String(s) => Value::string(&*s),
            JsonKind::Array(items) => Value::list(items.map(|i| i.convert(file)).collect()),
            JsonKind::Object(members) => {
                let mut map = Map::new();
                for m in members {
                    map.insert(Arc::from(&*m.key), m.value.convert(file));
                }
                Value::object(map)
            }
        };
        match file {
            Some(file) => value.with_span(Span {
                file,
                ..self.span()
            }),
            None => value,
        }
    }
}

/// Iterates the elements of an array.
#[derive(Debug, Clone)]
pub struct Items<'d> {
    base: JsonRef<'d>,
    next: u32,
    end: u32,
    left: u32,
}

impl<'d> Iterator for Items<'d> {
    type Item = JsonRef<'d>;

    fn next(&mut self) -> Option<JsonRef<'d>> {
        if self.next >= self.end {
            return None;
        }
        let item = self.base.at(self.next);
        self.next = item.node().after;
        self.left = self.left.saturating_sub(1);
        Some(item)
    }

    fn size_hint(&self) -> (usize, Option<usize>) {
        (self.left as usize, Some(self.left as usize))
    }
}

impl ExactSizeIterator for Items<'_> {}

/// One `"key": value` member of an object.
#[derive(Debug, Clone)]
pub struct Member<'d> {
    /// The unescaped key.
    pub key: Cow<'d, str>,
    /// The key literal, quotes included.
    pub key_span: Span,
    pub value: JsonRef<'d>,
}

impl Member<'_> {
    /// The whole member, from the key's opening quote to the end of the value.
    pub fn span(&self) -> Span {
        Span {
            file: self.key_span.file,
            start: self.key_span.start,
            end: self.value.span().end.max(self.key_span.start),
        }
    }
}

/// A member before its key is decoded.
#[derive(Clone, Copy)]
struct RawMember<'d> {
    key: JsonRef<'d>,
    value: JsonRef<'d>,
}

impl<'d> RawMember<'d> {
    fn key_is(&self, key: &str) -> bool {
        let n = self.key.node();
        match n.tag {
            Tag::Plain => self.key.text.get(n.start as usize + 1..n.end as usize - 1) == Some(key),
            _ => self.key.as_str().is_some_and(|k| k == key),
        }
    }

    fn member(self) -> Member<'d> {
        Member {
            key: self.key.as_str().unwrap_or_default(),
            key_span: self.key.span(),
            value: self.value,
        }
    }
}

/// Iterates the members of an object.
#[derive(Debug, Clone)]
pub struct Members<'d> {
    base: JsonRef<'d>,
    next: u32,
    end: u32,
    left: u32,
}

impl<'d> Members<'d> {
    fn next_raw(&mut self) -> Option<RawMember<'d>> {
        if self.next >= self.end {
            return None;
        }
        let key = self.base.at(self.next);
        let value = self.base.at(self.next + 1);
        self.next = value.node().after;
        self.left = self.left.saturating_sub(1);
        Some(RawMember { key, value })
    }
}

impl<'d> Iterator for Members<'d> {
    type Item = Member<'d>;

    fn next(&mut self) -> Option<Member<'d>> {
        self.next_raw().map(RawMember::member)
    }

    fn size_hint(&self) -> (usize, Option<usize>) {
        (self.left as usize, Some(self.left as usize))
    }
}

impl ExactSizeIterator for Members<'_> {}

/// Members of one object by key (the last of duplicates), for reading many keys of a large
/// object without going through all its members for each.
pub struct Lookup<'d> {
    object: Option<JsonRef<'d>>,
    /// Built for objects with more members than a linear search should go through.
    by_key: Option<HashMap<Cow<'d, str>, Member<'d>>>,
}

impl<'d> Lookup<'d> {
    const LINEAR: usize = 16;

    /// The members of `object` (none when it is not an object).
    pub fn new(object: Option<JsonRef<'d>>) -> Self {
        let object = object.filter(JsonRef::is_object);
        let by_key = object.filter(|o| o.len() > Self::LINEAR).map(|o| {
            let mut map = HashMap::with_capacity(o.len());
            for m in o.members() {
                map.insert(m.key.clone(), m);
            }
            map
        });
        Lookup { object, by_key }
    }

    pub fn member(&self, key: &str) -> Option<Member<'d>> {
        match &self.by_key {
            Some(map) => map.get(key).cloned(),
            None => self.object?.member(key),
        }
    }

    pub fn get(&self, key: &str) -> Option<JsonRef<'d>> {
        match &self.by_key {
            Some(map) => map.get(key).map(|m| m.value),
            None => self.object?.get(key),
        }
    }

    pub fn contains_key(&self, key: &str) -> bool {
        self.get(key).is_some()
    }
}

// ---------------------------------------------------------------------------------------------
// Parsing
// ---------------------------------------------------------------------------------------------

struct Parser<'a> {
    file: FileId,
    text: &'a str,
    bytes: &'a [u8],
    pos: usize,
    depth: usize,
    nodes: Vec<Node>,
}

impl Parser<'_> {
    fn peek(&self) -> Option<u8> {
        self.bytes.get(self.pos).copied()
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

    /// Records a value (its contents are filled in by the caller); returns its index.
    fn open(&mut self, start: usize, tag: Tag) -> usize {
        self.nodes.push(Node {
            start: saturate(start),
            end: saturate(start),
            after: 0,
            len: 0,
            tag,
        });
        self.nodes.len() - 1
    }

    fn close(&mut self, index: usize, len: u32) {
        let after = saturate(self.nodes.len());
        let end = saturate(self.pos);
        if let Some(n) = self.nodes.get_mut(index) {
            n.end = end;
            n.after = after;
            n.len = len;
        }
    }

    /// The value at the current position: recorded as `keep` says, or (with `None`) only
    /// checked and walked over.
    fn value(&mut self, keep: Option<Keep>) -> Result<(), Diagnostic> {
        let start = self.pos;
        if let Some(Keep::Later) = keep {
            let index = self.open(start, Tag::Later);
            self.value(None)?;
            self.close(index, 0);
            return Ok(());
        }
        let tag = match self.peek() {
            Some(b'{') => return self.object(keep),
            Some(b'[') => return self.array(keep),
            Some(b'"') => {
                if self.string()? {
                    Tag::Escaped
                } else {
                    Tag::Plain
                }
            }
            Some(b'-' | b'0'..=b'9') => {
                self.number()?;
                Tag::Number
            }
            Some(b't') => {
                self.keyword("true")?;
                Tag::True
            }
            Some(b'f') => {
                self.keyword("false")?;
                Tag::False
            }
            Some(b'n') => {
                self.keyword("null")?;
                Tag::Null
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
        if keep.is_some() {
            let index = self.open(start, tag);
            self.close(index, 0);
        }
        Ok(())
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

    fn array(&mut self, keep: Option<Keep>) -> Result<(), Diagnostic> {
        let start = self.pos;
        self.enter()?;
        let index = keep.map(|_| self.open(start, Tag::Array));
        let element = keep.map(Keep::element);
        self.pos += 1;
        self.skip_ws();
        let mut len = 0u32;
        if self.peek() == Some(b']') {
            self.pos += 1;
        } else {
            loop {
                self.value(element)?;
                len = len.saturating_add(1);
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
        if let Some(index) = index {
            self.close(index, len);
        }
        Ok(())
    }

    fn object(&mut self, keep: Option<Keep>) -> Result<(), Diagnostic> {
        let start = self.pos;
        self.enter()?;
        let index = keep.map(|_| self.open(start, Tag::Object));
        self.pos += 1;
        self.skip_ws();
        let mut len = 0u32;
        let mut first = true;
        if self.peek() == Some(b'}') {
            self.pos += 1;
        } else {
            loop {
                if self.peek() != Some(b'"') {
                    let expected = if first {
                        "a string key or '}'"
                    } else {
                        "a string key"
                    };
                    return Err(self.unexpected(expected));
                }
                first = false;
                let key_start = self.pos;
                let escaped = self.string()?;
                let member_keep = match keep {
                    None => None,
                    Some(Keep::Members(_)) => {
                        let key = self.key_text(key_start, escaped);
                        keep.and_then(|k| k.member(&key))
                    }
                    Some(k) => k.member(""),
                };
                if member_keep.is_some() {
                    let tag = if escaped { Tag::Escaped } else { Tag::Plain };
                    let key = self.open(key_start, tag);
                    self.close(key, 0);
                }
                self.skip_ws();
                if self.peek() != Some(b':') {
                    return Err(self.unexpected("':' after an object key"));
                }
                self.pos += 1;
                self.skip_ws();
                self.value(member_keep)?;
                if member_keep.is_some() {
                    len = len.saturating_add(1);
                }
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
        if let Some(index) = index {
            self.close(index, len);
        }
        Ok(())
    }

    /// The key whose literal runs from `start` to the current position.
    fn key_text(&self, start: usize, escaped: bool) -> Cow<'_, str> {
        let inner = self.text.get(start + 1..self.pos - 1).unwrap_or("");
        if !escaped {
            return Cow::Borrowed(inner);
        }
        match decode_string(self.text, start, None) {
            Ok((s, _)) => Cow::Owned(s),
            Err(_) => Cow::Borrowed(inner),
        }
    }

    /// Checks the string literal at the current position and moves past it; whether it has
    /// escapes.
    fn string(&mut self) -> Result<bool, Diagnostic> {
        match check_string(self.bytes, self.pos) {
            Ok((end, escaped)) => {
                self.pos = end;
                Ok(escaped)
            }
            Err((at, message)) => Err(self.error_at(at, message)),
        }
    }

    fn digits(&mut self) {
        while self.peek_digit() {
            self.pos += 1;
        }
    }

    fn number(&mut self) -> Result<(), Diagnostic> {
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
        let integer_digits = self.pos - start;
        if self.peek() == Some(b'.') {
            self.pos += 1;
            if !self.peek_digit() {
                return Err(self.unexpected("a digit after the decimal point"));
            }
            self.digits();
        }
        let mut exponent = false;
        if matches!(self.peek(), Some(b'e' | b'E')) {
            exponent = true;
            self.pos += 1;
            if matches!(self.peek(), Some(b'+' | b'-')) {
                self.pos += 1;
            }
            if !self.peek_digit() {
                return Err(self.unexpected("a digit in the exponent"));
            }
            self.digits();
        }
        // Only an exponent or more than 308 integer digits can go beyond a 64-bit float.
        if exponent || integer_digits > 300 {
            let literal = self.text.get(start..self.pos).unwrap_or("");
            if !literal.parse::<f64>().is_ok_and(f64::is_finite) {
                return Err(Diagnostic::error(
                    "parse-error",
                    "invalid JSON: number out of range (beyond a 64-bit float)",
                )
                .at(self.span_from(start)));
            }
        }
        Ok(())
    }
}

/// Checks the string literal whose opening quote is at `start`: the offset just past its
/// closing quote and whether it has escapes. Errors are an offset and a message.
fn check_string(bytes: &[u8], start: usize) -> Result<(usize, bool), (usize, String)> {
    let mut i = start + 1;
    let mut escaped = false;
    loop {
        let rest = bytes.get(i..).unwrap_or(&[]);
        let Some(found) = memchr::memchr2(b'"', b'\\', rest) else {
            if let Some(c) = rest.iter().position(|&b| b < 0x20) {
                return Err(control_character(i + c, rest[c]));
            }
            return Err((
                start,
                "unterminated string: expected '\"' before the end of the file".to_string(),
            ));
        };
        if let Some(c) = rest[..found].iter().position(|&b| b < 0x20) {
            return Err(control_character(i + c, rest[c]));
        }
        i += found;
        if bytes[i] == b'"' {
            return Ok((i + 1, escaped));
        }
        escaped = true;
        let (_, next) = decode_escape(bytes, i)?;
        i = next;
    }
}

fn control_character(at: usize, b: u8) -> (usize, String) {
    (
        at,
        format!(
            "expected '\"', found control character U+{b:04X} (it must be escaped in a string)"
        ),
    )
}

/// Decodes the string literal whose opening quote is at `start`: its value and the offset just
/// past the closing quote. With `map`, also records for every byte of the value the file offset
/// of the source text it came from, then nothing for the end (the caller adds it).
/// Errors are an offset and a message.
pub(crate) fn decode_string(
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
                    m.extend(std::iter::repeat_n(saturate(i), c.len_utf8()));
                }
                out.push(c);
                i = next;
                run = i;
            }
            Some(&b) if b < 0x20 => return Err(control_character(i, b)),
            // Multi-byte UTF-8 sequences never contain bytes below 0x80, so runs always split
            // at character boundaries.
            Some(_) => i += 1,
        }
    }
}

fn push_run(out: &mut String, map: Option<&mut Vec<u32>>, text: &str, from: usize, to: usize) {
    out.push_str(text.get(from..to).unwrap_or(""));
    if let Some(m) = map {
        m.extend((from..to).map(saturate));
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
