//! Encoding functions: JSON, YAML, CSV, base64, URL escaping and SHA-2 digests. Encoders write
//! within the string limit and the nesting limit, so a value that shares one large part many
//! times over cannot make them run away.

use super::{check_elements, check_string, deep, Call, Entry, MAX_DEPTH, MAX_STRING, R};
use crate::value::{format_number, Kind, Map, Value};
use base64::engine::general_purpose::STANDARD;
use base64::Engine as _;
use sha2::{Digest, Sha256, Sha512};
use std::fmt::Write as _;
use std::sync::Arc;

pub(crate) const FUNCTIONS: &[Entry] = &[
    deep("jsonencode", jsonencode),
    deep("jsondecode", jsondecode),
    deep("yamlencode", yamlencode),
    deep("yamldecode", yamldecode),
    deep("csvdecode", csvdecode),
    deep("base64encode", base64encode),
    deep("base64decode", base64decode),
    deep("urlencode", urlencode),
    deep("sha256", sha256),
    deep("sha512", sha512),
    deep("base64sha256", base64sha256),
    deep("base64sha512", base64sha512),
];

/// A string as a JSON string literal, escaping `<`, `>`, `&`, U+2028 and U+2029 as Terraform
/// does.
pub(crate) fn quote_json(s: &str) -> String {
    let mut out = String::with_capacity(s.len() + 2);
    out.push('"');
    for ch in s.chars() {
        match ch {
            '"' => out.push_str("\\\""),
            '\\' => out.push_str("\\\\"),
            '\n' => out.push_str("\\n"),
            '\r' => out.push_str("\\r"),
            '\t' => out.push_str("\\t"),
            '<' | '>' | '&' | '\u{2028}' | '\u{2029}' => {
                let _ = write!(out, "\\u{:04x}", ch as u32);
            }
            c if (c as u32) < 0x20 => {
                let _ = write!(out, "\\u{:04x}", c as u32);
            }
            c => out.push(c),
        }
    }
    out.push('"');
    out
}

/// A number as JSON: integers without a fraction, others in shortest form.
fn json_number(n: f64) -> Result<String, String> {
    if !n.is_finite() {
        return Err("cannot encode a number that is not finite".to_string());
    }
    if n.fract() == 0.0 && n.abs() < 9.007_199_254_740_992e15 {
        return Ok(format_number(n));
    }
    serde_json::Number::from_f64(n)
        .map(|x| x.to_string())
        .ok_or_else(|| "cannot encode a number that is not finite".to_string())
}

fn too_deep() -> String {
    format!("value is nested more than {MAX_DEPTH} levels deep")
}

fn push(out: &mut String, s: &str) -> Result<(), String> {
    if out.len() + s.len() > MAX_STRING {
        return Err(format!("encoding exceeds the limit of {MAX_STRING} bytes"));
    }
    out.push_str(s);
    Ok(())
}

/// One step of writing an encoding: the encoders keep their work on a heap stack instead of
/// recursing, so deep values cannot exhaust the thread's stack.
enum Task<'a> {
    /// A value; for YAML, the cursor stands at column `indent` where the node starts.
    Node {
        v: &'a Value,
        indent: usize,
        depth: usize,
    },
    /// A YAML scalar (or empty collection) and its line end.
    Scalar(&'a Value),
    /// An object key and its colon.
    Key(&'a str),
    Text(&'static str),
    Spaces(usize),
}

/// Writes `v` as compact JSON; unknown parts are written as `null` and reported in `unknown`.
fn write_json(v: &Value, out: &mut String, unknown: &mut bool) -> Result<(), String> {
    let mut stack = vec![Task::Node {
        v,
        indent: 0,
        depth: 0,
    }];
    while let Some(task) = stack.pop() {
        let (v, depth) = match task {
            Task::Node { v, depth, .. } => (v, depth),
            Task::Key(k) => {
                push(out, &quote_json(k))?;
                push(out, ":")?;
                continue;
            }
            Task::Text(t) => {
                push(out, t)?;
                continue;
            }
            Task::Scalar(_) | Task::Spaces(_) => continue,
        };
        if depth > MAX_DEPTH {
            return Err(too_deep());
        }
        match &v.kind {
            Kind::Null => push(out, "null")?,
            Kind::Unknown(_) => {
                *unknown = true;
                push(out, "null")?
            }
            Kind::Bool(b) => push(out, if *b { "true" } else { "false" })?,
            Kind::Number(n) => push(out, &json_number(*n)?)?,
            Kind::String(s) => push(out, &quote_json(s))?,
            Kind::List(items) => {
                push(out, "[")?;
                stack.push(Task::Text("]"));
                for (i, item) in items.iter().enumerate().rev() {
                    stack.push(Task::Node {
                        v: item,
                        indent: 0,
                        depth: depth + 1,
                    });
                    if i > 0 {
                        stack.push(Task::Text(","));
                    }
                }
            }
            Kind::Object(map) => {
                push(out, "{")?;
                stack.push(Task::Text("}"));
                for (i, (k, item)) in map.iter().enumerate().rev() {
                    stack.push(Task::Node {
                        v: item,
                        indent: 0,
                        depth: depth + 1,
                    });
                    stack.push(Task::Key(k));
                    if i > 0 {
                        stack.push(Task::Text(","));
                    }
                }
            }
        }
    }
    Ok(())
}

/// JSON text of `v`; None when a part of it is unknown.
pub(crate) fn encode_json(v: &Value) -> Result<Option<String>, String> {
    let mut out = String::new();
    let mut unknown = false;
    write_json(v, &mut out, &mut unknown)?;
    Ok((!unknown).then_some(out))
}

/// A canonical text of a wholly known value (for telling set elements apart); None when a part
/// is unknown.
pub(crate) fn canonical_key(v: &Value) -> Result<Option<String>, String> {
    encode_json(v)
}

fn jsonencode(c: &Call) -> R {
    c.arity(1, 1)?;
    let v = c.arg(0);
    if !v.is_known() {
        return Ok(c.unknown(true));
    }
    let mut out = String::new();
    let mut unknown = false;
    write_json(v, &mut out, &mut unknown)?;
    if unknown {
        // The size is bounded by the check above, so walking the value again is cheap.
        return Ok(Value::unknown_encoding_of(v.clone()));
    }
    // The tree is kept beside the text so policy checks can point inside it.
    Ok(Value::string_encoding_of(out, v.clone()))
}

fn jsondecode(c: &Call) -> R {
    c.arity(1, 1)?;
    if let Kind::Unknown(u) = &c.arg(0).kind {
        return Ok(match &u.encoded {
            Some(v) => v.clone(),
            None => c.unknown(false),
        });
    }
    let s = c.str(0)?;
    Value::parse_json(&s).map_err(|e| format!("invalid JSON: {e}"))
}

/// Writes `v` as block-style YAML: keys and strings double-quoted (JSON escapes are valid
/// YAML), nested collections indented by two spaces, empty ones as `[]` and `{}`.
fn write_yaml(v: &Value, out: &mut String) -> Result<(), String> {
    let mut stack = vec![Task::Node {
        v,
        indent: 0,
        depth: 0,
    }];
    while let Some(task) = stack.pop() {
        let (v, indent, depth) = match task {
            Task::Node { v, indent, depth } => (v, indent, depth),
            Task::Scalar(v) => {
                write_yaml_scalar(v, out)?;
                continue;
            }
            Task::Key(k) => {
                push(out, &quote_yaml(k))?;
                push(out, ":")?;
                continue;
            }
            Task::Text(t) => {
                push(out, t)?;
                continue;
            }
            Task::Spaces(n) => {
                push(out, &" ".repeat(n))?;
                continue;
            }
        };
        if depth > MAX_DEPTH {
            return Err(too_deep());
        }
        match &v.kind {
            Kind::List(items) if !items.is_empty() => {
                for (i, item) in items.iter().enumerate().rev() {
                    if is_block(item) {
                        stack.push(Task::Node {
                            v: item,
                            indent: indent + 2,
                            depth: depth + 1,
                        });
                    } else {
                        stack.push(Task::Scalar(item));
                    }
                    stack.push(Task::Text("- "));
                    if i > 0 {
                        stack.push(Task::Spaces(indent));
                    }
                }
            }
            Kind::Object(map) if !map.is_empty() => {
                for (i, (k, item)) in map.iter().enumerate().rev() {
                    match &item.kind {
                        Kind::Object(_) if is_block(item) => {
                            stack.push(Task::Node {
                                v: item,
                                indent: indent + 2,
                                depth: depth + 1,
                            });
                            stack.push(Task::Spaces(indent + 2));
                            stack.push(Task::Text("\n"));
                        }
                        Kind::List(_) if is_block(item) => {
                            stack.push(Task::Node {
                                v: item,
                                indent,
                                depth: depth + 1,
                            });
                            stack.push(Task::Spaces(indent));
                            stack.push(Task::Text("\n"));
                        }
                        _ => {
                            stack.push(Task::Scalar(item));
                            stack.push(Task::Text(" "));
                        }
                    }
                    stack.push(Task::Key(k));
                    if i > 0 {
                        stack.push(Task::Spaces(indent));
                    }
                }
            }
            _ => write_yaml_scalar(v, out)?,
        }
    }
    Ok(())
}

/// A string as a YAML double-quoted scalar: the JSON escapes, plus `\uXXXX` for characters
/// YAML does not allow unescaped (C1 controls, DEL, the byte order mark, non-characters).
fn quote_yaml(s: &str) -> String {
    let json = quote_json(s);
    if !json.chars().any(needs_yaml_escape) {
        return json;
    }
    let mut out = String::with_capacity(json.len() + 8);
    for ch in json.chars() {
        if needs_yaml_escape(ch) {
            let _ = write!(out, "\\u{:04x}", ch as u32);
        } else {
            out.push(ch);
        }
    }
    out
}

fn needs_yaml_escape(ch: char) -> bool {
    matches!(ch as u32, 0x7f..=0x84 | 0x86..=0x9f | 0xfeff | 0xfffe | 0xffff)
}

/// Non-empty collections are written as blocks; everything else on one line.
fn is_block(v: &Value) -> bool {
    match &v.kind {
        Kind::List(items) => !items.is_empty(),
        Kind::Object(map) => !map.is_empty(),
        _ => false,
    }
}

fn write_yaml_scalar(v: &Value, out: &mut String) -> Result<(), String> {
    let text = match &v.kind {
        Kind::Null | Kind::Unknown(_) => "null".to_string(),
        Kind::Bool(b) => b.to_string(),
        Kind::Number(n) => json_number(*n)?,
        Kind::String(s) => quote_yaml(s),
        Kind::List(_) => "[]".to_string(),
        Kind::Object(_) => "{}".to_string(),
    };
    push(out, &text)?;
    push(out, "\n")
}

fn yamlencode(c: &Call) -> R {
    c.arity(1, 1)?;
    let v = c.arg(0);
    if !v.is_known() {
        return Ok(c.unknown(true));
    }
    let mut out = String::new();
    write_yaml(v, &mut out)?;
    if !v.is_wholly_known() {
        return Ok(c.unknown(true));
    }
    Ok(Value::string(out))
}

fn from_yaml(y: &serde_yaml::Value, depth: usize) -> Result<Value, String> {
    use serde_yaml::Value as Y;
    if depth > MAX_DEPTH {
        return Err(too_deep());
    }
    Ok(match y {
        Y::Null => Value::null(),
        Y::Bool(b) => Value::bool(*b),
        Y::Number(n) => {
            let f = n.as_f64().unwrap_or(f64::NAN);
            if !f.is_finite() {
                return Err(format!("cannot represent the number {n}"));
            }
            Value::number(f)
        }
        Y::String(s) => Value::string(s.as_str()),
        Y::Sequence(items) => Value::list(
            items
                .iter()
                .map(|i| from_yaml(i, depth + 1))
                .collect::<Result<_, _>>()?,
        ),
        Y::Mapping(m) => {
            let mut map = Map::new();
            for (k, v) in m {
                let key: Arc<str> = match k {
                    Y::String(s) => s.as_str().into(),
                    Y::Bool(b) => b.to_string().into(),
                    Y::Number(n) => match n.as_f64() {
                        Some(f) if f.is_finite() => format_number(f).into(),
                        _ => n.to_string().into(),
                    },
                    Y::Null => "null".into(),
                    _ => return Err("mapping keys must be strings".to_string()),
                };
                map.insert(key, from_yaml(v, depth + 1)?);
            }
            Value::object(map)
        }
        Y::Tagged(t) => from_yaml(&t.value, depth)?,
    })
}

fn yamldecode(c: &Call) -> R {
    c.arity(1, 1)?;
    if let Some(u) = c.unknown_if_any(false) {
        return Ok(u);
    }
    let s = c.str(0)?;
    let mut y: serde_yaml::Value =
        serde_yaml::from_str(&s).map_err(|e| format!("invalid YAML: {e}"))?;
    y.apply_merge().map_err(|e| format!("invalid YAML: {e}"))?;
    from_yaml(&y, 0)
}

/// Records of CSV text (RFC 4180: quoted fields may hold commas, quotes as `""` and newlines).
fn parse_csv(s: &str) -> Result<Vec<Vec<String>>, String> {
    let mut records = Vec::new();
    let mut record: Vec<String> = Vec::new();
    let mut field = String::new();
    let mut chars = s.chars().peekable();
    let mut line = 1;
    let mut at_field_start = true;
    let mut in_record = false;
    while let Some(ch) = chars.next() {
        if at_field_start && ch == '"' {
            at_field_start = false;
            in_record = true;
            loop {
                match chars.next() {
                    None => return Err(format!("line {line}: unterminated quoted field")),
                    Some('"') if chars.peek() == Some(&'"') => {
                        chars.next();
                        field.push('"');
                    }
                    Some('"') => break,
                    Some(c) => {
                        if c == '\n' {
                            line += 1;
                        }
                        field.push(c);
                    }
                }
            }
            match chars.peek() {
                None | Some(',') | Some('\n') | Some('\r') => {}
                Some(_) => {
                    return Err(format!("line {line}: extraneous text after a quoted field"))
                }
            }
            continue;
        }
        match ch {
            ',' => {
                record.push(std::mem::take(&mut field));
                at_field_start = true;
                in_record = true;
            }
            '\r' if chars.peek() == Some(&'\n') => {}
            '\n' => {
                if in_record || !field.is_empty() {
                    record.push(std::mem::take(&mut field));
                    records.push(std::mem::take(&mut record));
                    check_elements(records.len())?;
                }
                at_field_start = true;
                in_record = false;
                line += 1;
            }
            '"' => return Err(format!("line {line}: bare quote in a field")),
            c => {
                field.push(c);
                at_field_start = false;
                in_record = true;
            }
        }
    }
    if in_record || !field.is_empty() {
        record.push(field);
        records.push(record);
    }
    Ok(records)
}

fn csvdecode(c: &Call) -> R {
    c.arity(1, 1)?;
    if let Some(u) = c.unknown_if_any(true) {
        return Ok(u);
    }
    let s = c.str(0)?;
    let records = parse_csv(&s)?;
    let mut rows = records.into_iter();
    let header = rows.next().ok_or("missing header line")?;
    let mut out = Vec::new();
    for (i, row) in rows.enumerate() {
        if row.len() != header.len() {
            return Err(format!(
                "record {} has {} fields, but the header has {}",
                i + 1,
                row.len(),
                header.len()
            ));
        }
        let map: Map = header
            .iter()
            .zip(row)
            .map(|(k, v)| (Arc::from(k.as_str()), Value::string(v)))
            .collect();
        out.push(Value::object(map));
    }
    Ok(Value::list(out))
}

fn base64encode(c: &Call) -> R {
    c.arity(1, 1)?;
    if let Some(u) = c.unknown_if_any(true) {
        return Ok(u);
    }
    let s = c.str(0)?;
    check_string(s.len() / 3 * 4 + 4)?;
    Ok(Value::string(STANDARD.encode(s.as_bytes())))
}

fn base64decode(c: &Call) -> R {
    c.arity(1, 1)?;
    if let Some(u) = c.unknown_if_any(true) {
        return Ok(u);
    }
    let s = c.str(0)?;
    let bytes = STANDARD
        .decode(s.as_bytes())
        .map_err(|e| format!("invalid base64 data: {e}"))?;
    let text = String::from_utf8(bytes)
        .map_err(|_| "the result of decoding the given string is not valid UTF-8".to_string())?;
    Ok(Value::string(text))
}

fn urlencode(c: &Call) -> R {
    c.arity(1, 1)?;
    if let Some(u) = c.unknown_if_any(true) {
        return Ok(u);
    }
    let s = c.str(0)?;
    let mut out = String::with_capacity(s.len());
    for byte in s.bytes() {
        match byte {
            b'A'..=b'Z' | b'a'..=b'z' | b'0'..=b'9' | b'-' | b'_' | b'.' | b'~' => {
                out.push(byte as char)
            }
            b' ' => out.push('+'),
            _ => {
                let _ = write!(out, "%{byte:02X}");
            }
        }
    }
    Ok(Value::string(out))
}

fn hex(bytes: &[u8]) -> String {
    let mut out = String::with_capacity(bytes.len() * 2);
    for b in bytes {
        let _ = write!(out, "{b:02x}");
    }
    out
}

/// A digest of the argument's UTF-8 bytes, as hex or base64.
fn digest(c: &Call, hash: fn(&[u8]) -> Vec<u8>, base64: bool) -> R {
    c.arity(1, 1)?;
    if let Some(u) = c.unknown_if_any(true) {
        return Ok(u);
    }
    let s = c.str(0)?;
    let d = hash(s.as_bytes());
    Ok(Value::string(if base64 {
        STANDARD.encode(d)
    } else {
        hex(&d)
    }))
}

pub(crate) fn sha256_bytes(b: &[u8]) -> Vec<u8> {
    Sha256::digest(b).to_vec()
}

pub(crate) fn sha512_bytes(b: &[u8]) -> Vec<u8> {
    Sha512::digest(b).to_vec()
}

pub(crate) fn hex_of(b: &[u8]) -> String {
    hex(b)
}

fn sha256(c: &Call) -> R {
    digest(c, sha256_bytes, false)
}

fn sha512(c: &Call) -> R {
    digest(c, sha512_bytes, false)
}

fn base64sha256(c: &Call) -> R {
    digest(c, sha256_bytes, true)
}

fn base64sha512(c: &Call) -> R {
    digest(c, sha512_bytes, true)
}

#[cfg(test)]
mod tests {
    use super::super::testing::*;

    #[test]
    fn json_encode_and_decode() {
        assert_eq!(
            ok("jsonencode", vec![o(vec![("hello", s("world"))])]),
            s("{\"hello\":\"world\"}")
        );
        assert_eq!(ok("jsonencode", vec![nl(&[1.0, 2.5])]), s("[1,2.5]"));
        assert_eq!(ok("jsonencode", vec![null()]), s("null"));
        assert_eq!(
            ok("jsonencode", vec![s("<a&b>")]),
            s("\"\\u003ca\\u0026b\\u003e\"")
        );
        assert_eq!(
            ok("jsondecode", vec![s("{\"hello\": \"world\"}")]),
            o(vec![("hello", s("world"))])
        );
        assert_eq!(ok("jsondecode", vec![s("true")]), b(true));
        assert_eq!(
            ok("jsondecode", vec![s("[1, \"a\", null]")]),
            l(vec![n(1.0), s("a"), null()])
        );
        err("jsondecode", vec![s("{")]);
        err("jsondecode", vec![]);
        // serde_json's own recursion limit refuses very deep documents.
        err("jsondecode", vec![s(&"[".repeat(10_000))]);
    }

    #[test]
    fn json_partly_known_keeps_the_value() {
        let policy = o(vec![("Effect", s("Allow")), ("Resource", unk())]);
        let enc = ok("jsonencode", vec![policy.clone()]);
        let u = enc.as_unknown().expect("unknown");
        assert!(u.non_null);
        assert_eq!(u.encoded.as_ref(), Some(&policy));
        assert!(u.refs.iter().any(|r| &**r == "aws_s3_bucket.x"));
        // Decoding it again gives the value back.
        assert_eq!(ok("jsondecode", vec![enc]), policy);
        assert!(is_unknown_set(&ok("jsonencode", vec![unk()])));
        assert!(is_unknown(&ok("jsondecode", vec![unk()])));
    }

    #[test]
    fn json_sensitive_and_limits() {
        assert!(ok("jsonencode", vec![o(vec![("a", secret(s("x")))])]).sensitive);
        assert!(ok("jsondecode", vec![secret(s("1"))]).sensitive);
        // A list sharing one 1 MiB string 100 times would encode to 100 MiB.
        let big = s(&"x".repeat(1 << 20));
        let shared = l(vec![big; 100]);
        assert!(err("jsonencode", vec![shared]).contains("limit"));
        let mut deep = n(1.0);
        for _ in 0..1_100 {
            deep = l(vec![deep]);
        }
        assert!(err("jsonencode", vec![deep.clone()]).contains("nested"));
        assert!(err("yamlencode", vec![deep]).contains("nested"));
        err("jsonencode", vec![n(f64::INFINITY)]);
    }

    #[test]
    fn yaml_encode_and_decode() {
        assert_eq!(
            ok("yamlencode", vec![o(vec![("a", s("b")), ("c", s("d"))])]),
            s("\"a\": \"b\"\n\"c\": \"d\"\n")
        );
        let v = o(vec![
            ("a", nl(&[1.0, 2.0])),
            (
                "b",
                o(vec![(
                    "c",
                    l(vec![
                        o(vec![("d", b(true)), ("e", null())]),
                        l(vec![s("x"), s("y")]),
                    ]),
                )]),
            ),
            ("f", l(vec![])),
            ("g", o(vec![])),
            ("h", s("multi\nline: \"quoted\"")),
        ]);
        let text = ok("yamlencode", vec![v.clone()]);
        assert_eq!(ok("yamldecode", vec![text]), v);
        assert_eq!(ok("yamlencode", vec![s("x")]), s("\"x\"\n"));
        assert_eq!(ok("yamlencode", vec![l(vec![])]), s("[]\n"));
        assert_eq!(
            ok(
                "yamldecode",
                vec![s("hello: world\nnums: [1, 2.5]\nyes: no")]
            ),
            o(vec![
                ("hello", s("world")),
                ("nums", nl(&[1.0, 2.5])),
                ("yes", s("no"))
            ])
        );
        assert_eq!(ok("yamldecode", vec![s("true")]), b(true));
        assert_eq!(ok("yamldecode", vec![s("~")]), null());
        assert_eq!(
            ok(
                "yamldecode",
                vec![s("base: &b {x: 1}\nderived:\n  <<: *b\n  y: 2")]
            ),
            o(vec![
                ("base", o(vec![("x", n(1.0))])),
                ("derived", o(vec![("x", n(1.0)), ("y", n(2.0))]))
            ])
        );
        err("yamldecode", vec![s("a: [")]);
        err("yamldecode", vec![s("a: 1\n---\nb: 2")]);
        assert!(is_unknown_set(&ok(
            "yamlencode",
            vec![o(vec![("a", unk())])]
        )));
    }

    #[test]
    fn yaml_alias_bomb_is_refused() {
        let mut doc = String::from("a0: &a0 [x, x, x, x, x, x, x, x, x, x]\n");
        for i in 1..12 {
            let p = i - 1;
            doc.push_str(&format!(
                "a{i}: &a{i} [*a{p}, *a{p}, *a{p}, *a{p}, *a{p}, *a{p}, *a{p}, *a{p}, *a{p}, *a{p}]\n"
            ));
        }
        err("yamldecode", vec![s(&doc)]);
    }

    #[test]
    fn csv() {
        assert_eq!(
            ok("csvdecode", vec![s("a,b,c\n1,2,3\n4,5,6")]),
            l(vec![
                o(vec![("a", s("1")), ("b", s("2")), ("c", s("3"))]),
                o(vec![("a", s("4")), ("b", s("5")), ("c", s("6"))]),
            ])
        );
        assert_eq!(
            ok(
                "csvdecode",
                vec![s("k,v\r\n\"x,\"\"y\"\"\",\"line\nbreak\"\r\n")]
            ),
            l(vec![o(vec![("k", s("x,\"y\"")), ("v", s("line\nbreak"))])])
        );
        err("csvdecode", vec![s("a,b\n1")]);
        err("csvdecode", vec![s("")]);
        err("csvdecode", vec![s("a\n\"x")]);
    }

    #[test]
    fn base64_url_and_digests() {
        assert_eq!(
            ok("base64encode", vec![s("Hello World")]),
            s("SGVsbG8gV29ybGQ=")
        );
        assert_eq!(
            ok("base64decode", vec![s("SGVsbG8gV29ybGQ=")]),
            s("Hello World")
        );
        err("base64decode", vec![s("not base64!")]);
        err("base64decode", vec![s("/w==")]);
        assert_eq!(
            ok("urlencode", vec![s("Hello World!")]),
            s("Hello+World%21")
        );
        assert_eq!(ok("urlencode", vec![s("☃")]), s("%E2%98%83"));
        assert_eq!(
            ok("urlencode", vec![s("foo:bar@localhost?foo=bar&bar=baz")]),
            s("foo%3Abar%40localhost%3Ffoo%3Dbar%26bar%3Dbaz")
        );
        assert_eq!(
            ok("sha256", vec![s("hello world")]),
            s("b94d27b9934d3e08a52e52d7da7dabfac484efe37a5380ee9088f7ace2efcde9")
        );
        assert_eq!(
            ok("base64sha256", vec![s("hello world")]),
            s("uU0nuZNNPgilLlLX2n2r+sSE7+N6U4DukIj3rOLvzek=")
        );
        assert_eq!(
            ok("sha512", vec![s("hello world")]),
            s("309ecc489c12d6eb4cc40f50c902f2b4d0ed77ee511a7c7a9bcd3ca86d4cd86f989dd35bc5ff499670da34255b45b0cfd830e81f605dcf7dc5542e93ae9cd76f")
        );
        assert!(ok("sha256", vec![secret(s("k"))]).sensitive);
        assert!(is_unknown_set(&ok("sha256", vec![unk()])));
        assert!(is_unknown_set(&ok("base64encode", vec![unk()])));
    }
}
