//! The value tree that evaluation produces and rules read. Every value is *known*, *unknown*
//! (only decided at apply time, or beyond what onus can evaluate) or marked *sensitive*, and
//! carries the span of the source text that set it, so a finding can point there.

use crate::source::Span;
use std::fmt;
use std::sync::Arc;

/// Kleene three-valued truth: what a condition evaluates to when some inputs are unknown.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Tri {
    True,
    False,
    Unknown,
}

impl Tri {
    pub fn and(self, other: Tri) -> Tri {
        match (self, other) {
            (Tri::False, _) | (_, Tri::False) => Tri::False,
            (Tri::True, Tri::True) => Tri::True,
            _ => Tri::Unknown,
        }
    }

    pub fn or(self, other: Tri) -> Tri {
        match (self, other) {
            (Tri::True, _) | (_, Tri::True) => Tri::True,
            (Tri::False, Tri::False) => Tri::False,
            _ => Tri::Unknown,
        }
    }

    #[allow(clippy::should_implement_trait)]
    pub fn not(self) -> Tri {
        match self {
            Tri::True => Tri::False,
            Tri::False => Tri::True,
            Tri::Unknown => Tri::Unknown,
        }
    }

    pub fn from_bool(b: bool) -> Tri {
        if b {
            Tri::True
        } else {
            Tri::False
        }
    }

    /// Conjunction over an iterator; stops at the first `False`.
    pub fn all(items: impl IntoIterator<Item = Tri>) -> Tri {
        let mut acc = Tri::True;
        for t in items {
            acc = acc.and(t);
            if acc == Tri::False {
                break;
            }
        }
        acc
    }

    /// Disjunction over an iterator; stops at the first `True`.
    pub fn any(items: impl IntoIterator<Item = Tri>) -> Tri {
        let mut acc = Tri::False;
        for t in items {
            acc = acc.or(t);
            if acc == Tri::True {
                break;
            }
        }
        acc
    }
}

/// Why a value is unknown, whether it is at least known to be non-null, and which resources
/// it refers to (so `bucket = aws_s3_bucket.x.id` still links to `aws_s3_bucket.x`). `refs` also
/// names the data sources a value is read from (`data.TYPE.NAME`, after any `module.NAME.`
/// prefix); [`Value::collect_refs`] leaves those out.
#[derive(Debug, Clone, PartialEq)]
pub struct Unknown {
    pub why: Arc<str>,
    pub non_null: bool,
    pub refs: Vec<Arc<str>>,
    /// For a string that is the JSON encoding of a partly known value (`jsonencode` of an
    /// object with an unknown `Resource`): that value, so policy analysis still sees the parts
    /// that are known.
    pub encoded: Option<Value>,
    /// For a string rendered from a template with unknown interpolations
    /// (`"serviceAccount:${google_service_account.sa.email}"`): its literal text, split at each
    /// unknown part (`["serviceAccount:", ""]`), so a pattern the known text already decides
    /// is decided. Any string may stand in each gap.
    pub literal_parts: Option<Arc<[Arc<str>]>>,
    /// For such a template: what each unknown part plainly reads, as the address and the
    /// attribute (`${data.d.sa.email}` → `data.d.sa`, `email`; see [`Value::plain_reference`]),
    /// `None` for a part computed otherwise.
    pub gaps: Option<Arc<[Option<PlainRef>]>>,
}

/// A plain reference: the address read (`aws_kms_key.k`, `data.t.d`) and the attribute of it,
/// when one is named (`arn`).
pub type PlainRef = (Arc<str>, Option<Arc<str>>);

mod encoded;
mod map;

pub use map::Map;

#[derive(Debug, Clone, PartialEq)]
pub enum Kind {
    Null,
    Bool(bool),
    Number(f64),
    String(Arc<str>),
    /// Lists, tuples and sets alike.
    List(Arc<Vec<Value>>),
    /// Objects and maps alike; keys sorted as Terraform sorts them.
    Object(Arc<Map>),
    Unknown(Arc<Unknown>),
}

/// A value with the place it was set.
#[derive(Debug, Clone, PartialEq)]
pub struct Value {
    pub kind: Kind,
    /// Where the expression that produced this value is written.
    pub span: Option<Span>,
    /// Derived from a sensitive variable, output or plan value: never printed.
    pub sensitive: bool,
}

impl Default for Value {
    fn default() -> Self {
        Value::null()
    }
}

impl Value {
    pub fn new(kind: Kind) -> Self {
        Value {
            kind,
            span: None,
            sensitive: false,
        }
    }

    pub fn null() -> Self {
        Value::new(Kind::Null)
    }

    pub fn bool(b: bool) -> Self {
        Value::new(Kind::Bool(b))
    }

    pub fn number(n: f64) -> Self {
        Value::new(Kind::Number(n))
    }

    pub fn string(s: impl Into<Arc<str>>) -> Self {
        Value::new(Kind::String(s.into()))
    }

    pub fn list(items: Vec<Value>) -> Self {
        Value::new(Kind::List(Arc::new(items)))
    }

    pub fn object(map: Map) -> Self {
        Value::new(Kind::Object(Arc::new(map)))
    }

    /// An unknown value that may be null.
    pub fn unknown(why: impl Into<Arc<str>>) -> Self {
        Value::new(Kind::Unknown(Arc::new(Unknown {
            why: why.into(),
            non_null: false,
            refs: Vec::new(),
            encoded: None,
            literal_parts: None,
            gaps: None,
        })))
    }

    /// An unknown value that is certainly set (a computed `arn`, a non-empty template).
    pub fn unknown_set(why: impl Into<Arc<str>>) -> Self {
        Value::new(Kind::Unknown(Arc::new(Unknown {
            why: why.into(),
            non_null: true,
            refs: Vec::new(),
            encoded: None,
            literal_parts: None,
            gaps: None,
        })))
    }

    /// An unknown value computed from the resources at `refs`.
    pub fn unknown_ref(why: impl Into<Arc<str>>, non_null: bool, refs: Vec<Arc<str>>) -> Self {
        Value::new(Kind::Unknown(Arc::new(Unknown {
            why: why.into(),
            non_null,
            refs,
            encoded: None,
            literal_parts: None,
            gaps: None,
        })))
    }

    /// The JSON encoding of a partly known value: an unknown, non-null string that remembers
    /// the value it encodes.
    pub fn unknown_encoding_of(value: Value) -> Self {
        let mut refs = Vec::new();
        value.collect_refs(&mut refs);
        Value::new(Kind::Unknown(Arc::new(Unknown {
            why: "encodes a value that is partly known after apply".into(),
            non_null: true,
            refs,
            encoded: Some(value),
            literal_parts: None,
            gaps: None,
        })))
    }

    /// The literal parts of a partly known string (see [`Unknown::literal_parts`]).
    pub fn literal_parts(&self) -> Option<&[Arc<str>]> {
        self.as_unknown()?.literal_parts.as_deref()
    }

    /// The JSON text `text`, encoded from `tree` (`jsonencode`, a rendered policy document): a
    /// plain string value whose [`Value::encoded_source`] is `tree`, with the spans of its nodes.
    pub fn string_encoding_of(text: impl Into<Arc<str>>, tree: Value) -> Self {
        let text: Arc<str> = text.into();
        encoded::remember(&text, tree);
        Value::string(text)
    }

    /// For a string made by [`Value::string_encoding_of`] (or a clone of one): the value it
    /// encodes, each node with the span that set it, marked sensitive when the string is.
    pub fn encoded_source(&self) -> Option<Value> {
        match &self.kind {
            Kind::String(s) => encoded::recall(s).map(|v| v.mark_sensitive(self.sensitive)),
            _ => None,
        }
    }

    /// A JSON document held in this value, as a value tree: the value a known JSON string was
    /// encoded from (with its spans), else the string parsed; or the value behind a partly
    /// known encoding. `None` when it is unknown or not JSON.
    pub fn decoded_json(&self) -> Option<Value> {
        match &self.kind {
            Kind::String(s) => self.encoded_source().or_else(|| {
                Value::parse_json(s)
                    .ok()
                    .map(|v| v.mark_sensitive(self.sensitive))
            }),
            Kind::Unknown(u) => u.encoded.clone(),
            Kind::Object(_) => Some(self.clone()),
            _ => None,
        }
    }

    pub fn with_span(mut self, span: Span) -> Self {
        self.span = Some(span);
        self
    }

    /// Sets the span only where none is recorded yet (keeps the place a value was first set).
    pub fn or_span(mut self, span: Span) -> Self {
        if self.span.is_none() {
            self.span = Some(span);
        }
        self
    }

    pub fn mark_sensitive(mut self, sensitive: bool) -> Self {
        self.sensitive |= sensitive;
        self
    }

    pub fn is_known(&self) -> bool {
        !matches!(self.kind, Kind::Unknown(_))
    }

    /// Known, and every nested part known too.
    pub fn is_wholly_known(&self) -> bool {
        let mut known = true;
        walk_distinct([self], |x| {
            known = x.is_known();
            known
        });
        known
    }

    pub fn is_null(&self) -> bool {
        matches!(self.kind, Kind::Null)
    }

    /// Whether the value is set (non-null): unknown unless that is certain.
    pub fn is_set(&self) -> Tri {
        match &self.kind {
            Kind::Null => Tri::False,
            Kind::Unknown(u) if u.non_null => Tri::True,
            Kind::Unknown(_) => Tri::Unknown,
            _ => Tri::True,
        }
    }

    pub fn as_unknown(&self) -> Option<&Unknown> {
        match &self.kind {
            Kind::Unknown(u) => Some(u),
            _ => None,
        }
    }

    pub fn as_str(&self) -> Option<&str> {
        match &self.kind {
            Kind::String(s) => Some(s),
            _ => None,
        }
    }

    pub fn as_bool(&self) -> Option<bool> {
        match &self.kind {
            Kind::Bool(b) => Some(*b),
            Kind::String(s) if &**s == "true" => Some(true),
            Kind::String(s) if &**s == "false" => Some(false),
            _ => None,
        }
    }

    /// Number, converting numeric strings as Terraform's automatic conversion does.
    pub fn as_number(&self) -> Option<f64> {
        match &self.kind {
            Kind::Number(n) => Some(*n),
            Kind::String(s) => s.trim().parse::<f64>().ok().filter(|n| n.is_finite()),
            _ => None,
        }
    }

    pub fn as_list(&self) -> Option<&[Value]> {
        match &self.kind {
            Kind::List(items) => Some(items),
            _ => None,
        }
    }

    pub fn as_object(&self) -> Option<&Map> {
        match &self.kind {
            Kind::Object(map) => Some(map),
            _ => None,
        }
    }

    /// Attribute of an object value.
    pub fn get(&self, key: &str) -> Option<&Value> {
        self.as_object().and_then(|m| m.get(key))
    }

    /// String form for templates and comparisons: strings, numbers and bools convert as
    /// Terraform converts them; other kinds have none.
    pub fn to_template_string(&self) -> Option<Arc<str>> {
        match &self.kind {
            Kind::String(s) => Some(s.clone()),
            Kind::Number(n) => Some(format_number(*n).into()),
            Kind::Bool(b) => Some(if *b { "true" } else { "false" }.into()),
            _ => None,
        }
    }

    /// Terraform's type name of the value, for diagnostics.
    pub fn type_name(&self) -> &'static str {
        match &self.kind {
            Kind::Null => "null",
            Kind::Bool(_) => "bool",
            Kind::Number(_) => "number",
            Kind::String(_) => "string",
            Kind::List(_) => "list",
            Kind::Object(_) => "object",
            Kind::Unknown(_) => "unknown",
        }
    }

    /// Equality of the values, ignoring spans (Terraform's `==`); unknown when an unknown
    /// part could decide it. Bounded: past a million comparisons or a thousand levels, unknown.
    pub fn equals(&self, other: &Value) -> Tri {
        let mut budget: usize = 1_000_000;
        equals_within(self, other, &mut budget, 0)
    }

    /// JSON form of a wholly known value; `None` where any part is unknown.
    pub fn to_json(&self) -> Option<serde_json::Value> {
        use serde_json::Value as J;
        Some(match &self.kind {
            Kind::Null => J::Null,
            Kind::Bool(b) => J::Bool(*b),
            Kind::Number(n) => number_to_json(*n),
            Kind::String(s) => J::String(s.to_string()),
            Kind::List(items) => J::Array(
                items
                    .iter()
                    .map(Value::to_json)
                    .collect::<Option<Vec<_>>>()?,
            ),
            Kind::Object(map) => {
                let mut out = serde_json::Map::with_capacity(map.len());
                for (k, v) in map.iter() {
                    out.insert(k.to_string(), v.to_json()?);
                }
                J::Object(out)
            }
            Kind::Unknown(_) => return None,
        })
    }

    /// Value of a JSON document (numbers as f64, objects keyed in sorted order).
    pub fn from_json(json: &serde_json::Value) -> Value {
        use serde_json::Value as J;
        match json {
            J::Null => Value::null(),
            J::Bool(b) => Value::bool(*b),
            J::Number(n) => Value::number(n.as_f64().unwrap_or(f64::MAX)),
            J::String(s) => Value::string(s.as_str()),
            J::Array(items) => Value::list(items.iter().map(Value::from_json).collect()),
            J::Object(map) => Value::object(
                map.iter()
                    .map(|(k, v)| (Arc::from(k.as_str()), Value::from_json(v)))
                    .collect(),
            ),
        }
    }

    /// Parses JSON text straight into a value (as [`Value::from_json`] would convert it, without
    /// the intermediate `serde_json::Value`).
    pub fn parse_json(text: &str) -> Result<Value, serde_json::Error> {
        serde_json::from_str::<JsonValue>(text).map(|j| j.0)
    }

    /// Short rendering for diagnostics; sensitive values are redacted.
    pub fn display(&self) -> String {
        if self.contains_sensitive() {
            return "(sensitive value)".to_string();
        }
        match &self.kind {
            // A partly known string shows its known text: `"serviceAccount:${…}"`.
            Kind::Unknown(u) => match &u.literal_parts {
                Some(parts) if parts.iter().any(|p| !p.is_empty()) => {
                    let s = format!("{:?}", parts.join("${…}"));
                    if s.chars().count() > DISPLAY_CHARS {
                        let cut: String = s.chars().take(DISPLAY_CHARS - 3).collect();
                        format!("{cut}...")
                    } else {
                        s
                    }
                }
                _ => "(known after apply)".to_string(),
            },
            Kind::String(s) => format!("{s:?}"),
            _ if !self.is_wholly_known() => "(partly known after apply)".to_string(),
            _ => {
                // Compact JSON, written only as far as the shown text needs: a value can be far
                // larger than its tree (a list holding the same list twice, nested 60 deep).
                let mut s = String::new();
                write_json_prefix(self, &mut s, DISPLAY_CHARS + 1);
                if s.chars().count() > DISPLAY_CHARS {
                    let cut: String = s.chars().take(DISPLAY_CHARS - 3).collect();
                    format!("{cut}...")
                } else {
                    s
                }
            }
        }
    }

    /// Every managed resource address this value (or a part of it) refers to, in order (a
    /// part shared by several places is read once). Data sources are left out: a value read
    /// from one is not a link to a resource of this configuration.
    pub fn collect_refs(&self, out: &mut Vec<Arc<str>>) {
        walk_distinct([self], |x| {
            if let Kind::Unknown(u) = &x.kind {
                out.extend(
                    u.refs
                        .iter()
                        .filter(|r| !address_type(r).is_some_and(|t| t.starts_with("data.")))
                        .cloned(),
                );
            }
            true
        });
    }

    /// The resource or data source this value plainly is an attribute of (`aws_kms_key.k.arn`,
    /// `data.google_compute_default_service_account.d.email`, also through locals, variables and
    /// module outputs). A value computed from several, or by a function or a condition, names
    /// no single one.
    pub fn plain_reference(&self) -> Option<&str> {
        let u = self.as_unknown()?;
        match u.refs.as_slice() {
            [one] => {
                let rest = u.why.strip_prefix(&**one)?;
                (rest.starts_with('.') || rest.starts_with(' ')).then_some(&**one)
            }
            _ => None,
        }
    }

    /// The attribute a [plain reference](Value::plain_reference) reads (`arn` of
    /// `aws_kms_key.k.arn`), when it names one.
    pub fn plain_reference_attribute(&self) -> Option<&str> {
        let addr = self.plain_reference()?;
        let rest = self
            .as_unknown()?
            .why
            .strip_prefix(addr)?
            .strip_prefix('.')?;
        let end = rest.find([' ', '.', '[']).unwrap_or(rest.len());
        Some(&rest[..end]).filter(|a| !a.is_empty())
    }

    /// Whether any part is sensitive.
    pub fn contains_sensitive(&self) -> bool {
        let mut found = false;
        walk_distinct([self], |x| {
            found = x.sensitive;
            !found
        });
        found
    }
}

/// The type of the resource a reference address names: `aws_kms_key` for
/// `module.kms.aws_kms_key.this[0]`, `data.google_compute_default_service_account` for
/// `data.google_compute_default_service_account.default`. `None` for a malformed address.
pub fn address_type(addr: &str) -> Option<&str> {
    let parts = address_part_ranges(addr);
    let mut i = 0;
    // Skip `module.NAME[KEY]` steps.
    while parts.get(i).is_some_and(|r| &addr[r.clone()] == "module") {
        parts.get(i + 1)?;
        i += 2;
    }
    let first = parts.get(i)?;
    // The type is followed by at least the resource's name.
    let (last, after) = if &addr[first.clone()] == "data" {
        (parts.get(i + 1)?, i + 2)
    } else {
        (first, i + 1)
    };
    parts.get(after)?;
    Some(&addr[first.start..last.end]).filter(|_| !last.is_empty())
}

/// The parts of a Terraform address or reference, split at the dots that separate them, an
/// instance key kept with the part before it: `module.a["x.y"].aws_s3_bucket.b[0].id` →
/// `module`, `a["x.y"]`, `aws_s3_bucket`, `b[0]`, `id` (as byte ranges of `address`).
pub fn address_part_ranges(address: &str) -> Vec<std::ops::Range<usize>> {
    let mut parts = Vec::new();
    let mut start = 0;
    let mut in_brackets = false;
    let mut in_string = false;
    let mut escaped = false;
    for (i, c) in address.char_indices() {
        if in_string {
            if escaped {
                escaped = false;
            } else if c == '\\' {
                escaped = true;
            } else if c == '"' {
                in_string = false;
            }
            continue;
        }
        match c {
            '"' if in_brackets => in_string = true,
            '[' => in_brackets = true,
            ']' => in_brackets = false,
            '.' if !in_brackets => {
                parts.push(start..i);
                start = i + 1;
            }
            _ => {}
        }
    }
    if start < address.len() {
        parts.push(start..address.len());
    }
    parts
}

fn equals_within(a: &Value, b: &Value, budget: &mut usize, depth: usize) -> Tri {
    if *budget == 0 || depth > 1_000 {
        return Tri::Unknown;
    }
    *budget -= 1;
    let pairwise = |pairs: &mut dyn Iterator<Item = (&Value, &Value)>, budget: &mut usize| {
        let mut acc = Tri::True;
        for (p, q) in pairs {
            acc = acc.and(equals_within(p, q, budget, depth + 1));
            if acc == Tri::False {
                break;
            }
        }
        acc
    };
    // The same list or object on both sides: equal as far as it is known.
    let same = || {
        if a.is_wholly_known() {
            Tri::True
        } else {
            Tri::Unknown
        }
    };
    match (&a.kind, &b.kind) {
        (Kind::Unknown(_), _) | (_, Kind::Unknown(_)) => Tri::Unknown,
        (Kind::Null, Kind::Null) => Tri::True,
        (Kind::Bool(x), Kind::Bool(y)) => Tri::from_bool(x == y),
        (Kind::Number(x), Kind::Number(y)) => Tri::from_bool(x == y),
        (Kind::String(x), Kind::String(y)) => Tri::from_bool(x == y),
        (Kind::List(x), Kind::List(y)) if Arc::ptr_eq(x, y) => same(),
        (Kind::List(x), Kind::List(y)) => {
            if x.len() != y.len() {
                return Tri::False;
            }
            pairwise(&mut x.iter().zip(y.iter()), budget)
        }
        (Kind::Object(x), Kind::Object(y)) if Arc::ptr_eq(x, y) => same(),
        (Kind::Object(x), Kind::Object(y)) => {
            if x.len() != y.len() || x.keys().ne(y.keys()) {
                return Tri::False;
            }
            pairwise(&mut x.values().zip(y.values()), budget)
        }
        _ => Tri::False,
    }
}

/// Characters [`Value::display`] shows before cutting a value short.
const DISPLAY_CHARS: usize = 80;

/// Appends the compact JSON of a wholly known `v` to `out`, stopping once `out` holds at least
/// `limit` characters (bytes are counted: at least as many as characters).
fn write_json_prefix(v: &Value, out: &mut String, limit: usize) {
    if out.len() >= limit {
        return;
    }
    match &v.kind {
        Kind::Null | Kind::Unknown(_) => out.push_str("null"),
        Kind::Bool(b) => out.push_str(if *b { "true" } else { "false" }),
        Kind::Number(n) => out.push_str(&number_to_json(*n).to_string()),
        Kind::String(s) => out.push_str(&serde_json::Value::from(&**s).to_string()),
        Kind::List(items) => {
            out.push('[');
            for (i, item) in items.iter().enumerate() {
                if out.len() >= limit {
                    return;
                }
                if i > 0 {
                    out.push(',');
                }
                write_json_prefix(item, out, limit);
            }
            out.push(']');
        }
        Kind::Object(map) => {
            out.push('{');
            for (i, (k, item)) in map.iter().enumerate() {
                if out.len() >= limit {
                    return;
                }
                if i > 0 {
                    out.push(',');
                }
                out.push_str(&serde_json::Value::from(&**k).to_string());
                out.push(':');
                write_json_prefix(item, out, limit);
            }
            out.push('}');
        }
    }
}

/// Visits each distinct node of the value trees once (a list or object shared by several
/// places only the first time), depth first in order, without recursion; stops when `visit`
/// returns false. Evaluated values share subtrees freely, so a tree walk could take
/// exponential time; this one takes time in the number of distinct nodes.
pub(crate) fn walk_distinct<'a>(
    roots: impl IntoIterator<Item = &'a Value>,
    mut visit: impl FnMut(&'a Value) -> bool,
) {
    let mut seen: foldhash::HashSet<*const ()> = foldhash::HashSet::default();
    let mut stack: Vec<&'a Value> = roots.into_iter().collect();
    stack.reverse();
    while let Some(v) = stack.pop() {
        if !visit(v) {
            return;
        }
        match &v.kind {
            Kind::List(items) if seen.insert(Arc::as_ptr(items) as *const ()) => {
                stack.extend(items.iter().rev());
            }
            Kind::Object(map) if seen.insert(Arc::as_ptr(map) as *const ()) => {
                stack.extend(map.values().rev());
            }
            _ => {}
        }
    }
}

/// Deserializes JSON into a [`Value`]: numbers become `f64`, and a key given twice keeps its
/// last value, as with [`Value::from_json`].
struct JsonValue(Value);

impl<'de> serde::Deserialize<'de> for JsonValue {
    fn deserialize<D: serde::Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        d.deserialize_any(JsonVisitor).map(JsonValue)
    }
}

struct JsonVisitor;

impl<'de> serde::de::Visitor<'de> for JsonVisitor {
    type Value = Value;

    fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("a JSON value")
    }

    fn visit_unit<E>(self) -> Result<Value, E> {
        Ok(Value::null())
    }

    fn visit_none<E>(self) -> Result<Value, E> {
        Ok(Value::null())
    }

    fn visit_bool<E>(self, b: bool) -> Result<Value, E> {
        Ok(Value::bool(b))
    }

    fn visit_i64<E>(self, n: i64) -> Result<Value, E> {
        Ok(Value::number(n as f64))
    }

    fn visit_u64<E>(self, n: u64) -> Result<Value, E> {
        Ok(Value::number(n as f64))
    }

    fn visit_f64<E>(self, n: f64) -> Result<Value, E> {
        Ok(Value::number(n))
    }

    fn visit_str<E>(self, s: &str) -> Result<Value, E> {
        Ok(Value::string(s))
    }

    fn visit_seq<A: serde::de::SeqAccess<'de>>(self, mut seq: A) -> Result<Value, A::Error> {
        let mut items = Vec::with_capacity(seq.size_hint().unwrap_or(0).min(4096));
        while let Some(JsonValue(v)) = seq.next_element()? {
            items.push(v);
        }
        Ok(Value::list(items))
    }

    fn visit_map<A: serde::de::MapAccess<'de>>(self, mut entries: A) -> Result<Value, A::Error> {
        let mut map = Map::new();
        while let Some((JsonKey(k), JsonValue(v))) = entries.next_entry()? {
            map.insert(k, v);
        }
        Ok(Value::object(map))
    }
}

/// An object key, escaped or not.
struct JsonKey(Arc<str>);

impl<'de> serde::Deserialize<'de> for JsonKey {
    fn deserialize<D: serde::Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        struct KeyVisitor;
        impl serde::de::Visitor<'_> for KeyVisitor {
            type Value = Arc<str>;
            fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                f.write_str("an object key")
            }
            fn visit_str<E>(self, s: &str) -> Result<Arc<str>, E> {
                Ok(Arc::from(s))
            }
        }
        d.deserialize_str(KeyVisitor).map(JsonKey)
    }
}

impl fmt::Display for Value {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.display())
    }
}

/// Numbers print as Terraform prints them: integers without a fraction.
pub fn format_number(n: f64) -> String {
    if n.fract() == 0.0 && n.abs() < 9.007_199_254_740_992e15 {
        format!("{}", n as i64)
    } else {
        format!("{n}")
    }
}

fn number_to_json(n: f64) -> serde_json::Value {
    if n.fract() == 0.0 && n.abs() < 9.007_199_254_740_992e15 {
        serde_json::Value::from(n as i64)
    } else {
        serde_json::Number::from_f64(n)
            .map(serde_json::Value::Number)
            .unwrap_or(serde_json::Value::Null)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn address_type_names_the_resource_or_data_source_type() {
        for (addr, ty) in [
            ("aws_kms_key.k", Some("aws_kms_key")),
            ("aws_kms_key.k[0]", Some("aws_kms_key")),
            ("module.kms.aws_kms_key.this", Some("aws_kms_key")),
            (
                r#"module.a["x.y"].module.b[1].aws_s3_bucket.b"#,
                Some("aws_s3_bucket"),
            ),
            (
                "data.google_compute_default_service_account.default",
                Some("data.google_compute_default_service_account"),
            ),
            (
                "module.m.data.google_compute_default_service_account.d",
                Some("data.google_compute_default_service_account"),
            ),
            ("module.m", None),
            ("data.x", None),
            ("", None),
        ] {
            assert_eq!(address_type(addr), ty, "{addr}");
        }
    }

    #[test]
    fn collect_refs_leaves_data_sources_out() {
        let v = Value::list(vec![
            Value::unknown_ref("a", false, vec![Arc::from("aws_s3_bucket.b")]),
            Value::unknown_ref("b", false, vec![Arc::from("module.m.data.aws_s3_bucket.d")]),
        ]);
        let mut refs = Vec::new();
        v.collect_refs(&mut refs);
        assert_eq!(refs, vec![Arc::<str>::from("aws_s3_bucket.b")]);
    }

    #[test]
    fn a_plain_reference_is_one_reference_read_as_is() {
        let plain = Value::unknown_ref(
            "data.t.d.email is read at apply time",
            false,
            vec![Arc::from("data.t.d")],
        );
        assert_eq!(plain.plain_reference(), Some("data.t.d"));
        assert_eq!(plain.plain_reference_attribute(), Some("email"));
        let computed = Value::unknown_ref(
            "result known only after apply",
            false,
            vec![Arc::from("data.t.d")],
        );
        assert_eq!(computed.plain_reference(), None);
        assert_eq!(Value::string("x").plain_reference(), None);
    }

    #[test]
    fn parse_json_agrees_with_from_json() {
        for text in [
            r#"{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Action":["s3:*"],"Resource":"*"}]}"#,
            r#"{"a\"b":1,"a":2,"a":3,"\u00e9":[null,true,false,-1,1.5e3,18446744073709551615]}"#,
            r#"[[[{}]],"x\ny",{"k":{"k":{"k":[]}}}]"#,
            "\"plain\"",
            "12",
        ] {
            let reference: serde_json::Value = serde_json::from_str(text).expect("valid JSON");
            let parsed = Value::parse_json(text).expect("parses");
            assert_eq!(parsed, Value::from_json(&reference), "{text}");
        }
        for bad in ["", "{", "[1,]", "{\"a\" 1}", "1e400", "nul"] {
            assert!(Value::parse_json(bad).is_err(), "{bad}");
        }
    }

    #[test]
    fn decoded_json_reads_each_string_and_keeps_sensitivity() {
        let a = Value::string(r#"{"x":1}"#);
        let b = Value::string(r#"{"x":2}"#);
        let x = |v: &Value| {
            v.decoded_json()
                .and_then(|d| d.get("x").and_then(Value::as_number))
        };
        // Alternating strings each decode to their own document.
        assert_eq!(
            (x(&a), x(&b), x(&a), x(&a)),
            (Some(1.0), Some(2.0), Some(1.0), Some(1.0))
        );
        assert!(!a.decoded_json().expect("json").contains_sensitive());
        let secret = Value::string(r#"{"x":1}"#).mark_sensitive(true);
        assert!(secret.decoded_json().expect("json").contains_sensitive());
        assert!(Value::string("not json").decoded_json().is_none());
        assert!(Value::string("not json").decoded_json().is_none());
    }

    #[test]
    fn a_value_stays_48_bytes() {
        // Plans hold millions of nodes: the encoded trees live beside the string, not in it.
        assert!(
            std::mem::size_of::<Value>() <= 48,
            "{}",
            std::mem::size_of::<Value>()
        );
    }

    #[test]
    fn encoded_strings_keep_their_tree_and_compare_as_plain_strings() {
        let span = Span {
            file: crate::source::FileId(0),
            start: 10,
            end: 20,
        };
        let tree = Value::string("s3:*").with_span(span);
        let text: Arc<str> = Arc::from(r#""s3:*""#);
        let encoded = Value::string_encoding_of(text.clone(), tree);
        let copy = encoded.clone();
        assert_eq!(copy.encoded_source().and_then(|v| v.span), Some(span));
        assert_eq!(
            copy.decoded_json()
                .and_then(|v| v.as_str().map(str::to_owned)),
            Some("s3:*".to_owned())
        );
        // Equality is the string's: a separately made equal string is equal but carries no tree.
        let plain = Value::string(r#""s3:*""#);
        assert_eq!(plain, encoded);
        assert!(plain.encoded_source().is_none());
        assert!(encoded
            .clone()
            .mark_sensitive(true)
            .encoded_source()
            .expect("tree")
            .contains_sensitive());
    }

    #[test]
    fn kleene_tables() {
        use Tri::*;
        assert_eq!(True.and(Unknown), Unknown);
        assert_eq!(False.and(Unknown), False);
        assert_eq!(True.or(Unknown), True);
        assert_eq!(False.or(Unknown), Unknown);
        assert_eq!(Unknown.not(), Unknown);
        assert_eq!(Tri::all([]), True);
        assert_eq!(Tri::any([]), False);
    }

    #[test]
    fn unknown_set_is_set_but_not_known() {
        let v = Value::unknown_set("computed");
        assert_eq!(v.is_set(), Tri::True);
        assert!(!v.is_known());
        assert_eq!(Value::unknown("var").is_set(), Tri::Unknown);
        assert_eq!(Value::null().is_set(), Tri::False);
    }

    #[test]
    fn json_round_trip_and_number_format() {
        let j: serde_json::Value = serde_json::json!({"a": [1, 2.5, "x", true, null]});
        assert_eq!(Value::from_json(&j).to_json().unwrap(), j);
        assert_eq!(format_number(3.0), "3");
        assert_eq!(format_number(0.5), "0.5");
    }

    #[test]
    fn sensitive_values_are_redacted() {
        let v = Value::string("hunter2").mark_sensitive(true);
        assert_eq!(v.display(), "(sensitive value)");
        let list = Value::list(vec![Value::string("ok"), v]);
        assert_eq!(list.display(), "(sensitive value)");
    }
}
