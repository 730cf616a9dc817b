//! Terraform's JSON syntax and JSON variables files, through the loader's public functions:
//! any text must give a body (or values) and diagnostics whose spans lie on the text, never a
//! panic; and the JSON reader must agree with serde_json on what is JSON and what it holds.
#![no_main]

use libfuzzer_sys::fuzz_target;
use onus::load::ast::{Block, Body};
use onus::load::json::{self, JsonKind, JsonRef};
use onus::source::{FileId, Span};

fuzz_target!(|data: &[u8]| {
    let Ok(text) = std::str::from_utf8(data) else {
        return;
    };
    let on_text = |s: Span| text.get(s.range()).is_some();

    let (mut body, diags) = json::parse_tf_json(FileId(0), text);
    body_spans(&mut body, &mut |s| {
        assert!(on_text(*s), "body span {s:?} is not on the text")
    });
    for d in &diags {
        assert!(d.span.is_none_or(on_text), "{d:?}");
    }

    let (vars, diags) = json::parse_vars_json(FileId(0), text);
    for (_, value, span) in &vars {
        assert!(on_text(*span), "variable span {span:?}");
        assert!(value.span.is_none_or(on_text), "value span {value:?}");
    }
    for d in &diags {
        assert!(d.span.is_none_or(on_text), "{d:?}");
    }

    // The reader skips a byte-order mark; serde_json does not.
    let plain = text.strip_prefix('\u{feff}').unwrap_or(text);
    match (
        json::parse_json(FileId(0), text),
        serde_json::from_str::<serde_json::Value>(plain),
    ) {
        (Ok(doc), Ok(value)) => {
            let node = doc.root(text);
            assert!(same(node, &value), "{node:?}\nvs {value:?}")
        }
        (Err(d), Ok(_)) => {
            // The reader refuses nesting past its limit, where serde_json's is lower still.
            panic!("serde_json accepts what the reader refuses: {d:?}")
        }
        (Ok(doc), Err(e)) => {
            // Lone surrogate escapes decode to U+FFFD in the reader; serde_json refuses them,
            // and nesting over 128 levels.
            assert!(
                text.contains("\\u") || depth(doc.root(text)) > 127,
                "the reader accepts what serde_json refuses: {e}"
            );
        }
        (Err(d), Err(_)) => assert!(d.span.is_some_and(on_text), "{d:?}"),
    }
});

fn body_spans(body: &mut Body, f: &mut impl FnMut(&mut Span)) {
    for a in &mut body.attributes {
        f(&mut a.span);
        a.expr.for_each_span_mut(f);
    }
    for b in &mut body.blocks {
        block_spans(b, f);
    }
}

fn block_spans(b: &mut Block, f: &mut impl FnMut(&mut Span)) {
    f(&mut b.span);
    f(&mut b.header);
    body_spans(&mut b.body, f);
}

fn depth(node: JsonRef) -> usize {
    match node.kind() {
        JsonKind::Array(items) => 1 + items.map(depth).max().unwrap_or(0),
        JsonKind::Object(members) => 1 + members.map(|m| depth(m.value)).max().unwrap_or(0),
        _ => 0,
    }
}

/// Whether the reader's node holds what serde_json read. Objects: serde_json keeps the last
/// value of a repeated key, as the reader's lookups do.
fn same(node: JsonRef, value: &serde_json::Value) -> bool {
    use serde_json::Value as V;
    match (node.kind(), value) {
        (JsonKind::Null, V::Null) => true,
        (JsonKind::Bool(a), V::Bool(b)) => a == *b,
        (JsonKind::Number(a), V::Number(b)) => b.as_f64() == Some(a),
        (JsonKind::String(a), V::String(b)) => a == b.as_str(),
        (JsonKind::Array(a), V::Array(b)) => a.len() == b.len() && a.zip(b).all(|(x, y)| same(x, y)),
        (JsonKind::Object(members), V::Object(map)) => {
            let mut keys: Vec<String> = members.map(|m| m.key.into_owned()).collect();
            keys.sort_unstable();
            keys.dedup();
            keys.len() == map.len()
                && map
                    .iter()
                    .all(|(k, v)| node.get(k).is_some_and(|n| same(n, v)))
        }
        _ => false,
    }
}
