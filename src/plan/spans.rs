//! Byte positions inside a plan document. `serde_json` gives the values but not where they are
//! written; this small parser walks the same (already validated) text and records the byte range
//! of every value and object member, so findings without Terraform source can point at the
//! resource inside the plan file itself. It records only the parts the plan loader keeps
//! ([`plan_json::PLAN`]); the others are walked over without being recorded.

use crate::load::plan_json::{self, Keep};
use std::ops::Range;

/// Deepest nesting followed; deeper documents get no positions (their values are still read).
const MAX_DEPTH: usize = 256;

#[derive(Debug)]
pub struct Node {
    pub span: Range<usize>,
    pub kind: NodeKind,
}

#[derive(Debug)]
pub enum NodeKind {
    Scalar,
    Array(Vec<Node>),
    Object(Vec<Member>),
}

#[derive(Debug)]
pub struct Member {
    pub key: String,
    /// From the opening quote of the key to the end of the value.
    pub span: Range<usize>,
    pub value: Node,
}

impl Node {
    /// The member `key` of an object (the last one, as `serde_json` keeps the last duplicate).
    pub fn member(&self, key: &str) -> Option<&Member> {
        match &self.kind {
            NodeKind::Object(members) => members.iter().rev().find(|m| m.key == key),
            _ => None,
        }
    }

    pub fn get(&self, key: &str) -> Option<&Node> {
        self.member(key).map(|m| &m.value)
    }

    pub fn index(&self, i: usize) -> Option<&Node> {
        match &self.kind {
            NodeKind::Array(items) => items.get(i),
            _ => None,
        }
    }
}

/// Positions of the parts of a plan document the plan loader keeps; `None` when the text is
/// not JSON this parser follows.
pub fn parse(text: &str) -> Option<Node> {
    parse_keeping(text, plan_json::PLAN)
}

/// Positions of the parts of a JSON document `keep` says.
fn parse_keeping(text: &str, keep: Keep) -> Option<Node> {
    let mut p = Parser {
        text,
        bytes: text.as_bytes(),
        pos: 0,
    };
    p.skip_ws();
    let node = p.value(0, Some(keep))?;
    Some(node)
}

struct Parser<'t> {
    text: &'t str,
    bytes: &'t [u8],
    pos: usize,
}

impl Parser<'_> {
    fn skip_ws(&mut self) {
        while let Some(b) = self.bytes.get(self.pos) {
            if b.is_ascii_whitespace() {
                self.pos += 1;
            } else {
                break;
            }
        }
    }

    fn peek(&self) -> Option<u8> {
        self.bytes.get(self.pos).copied()
    }

    /// The value at the current position: recorded as `keep` says, or (with `None`) only
    /// walked over, its node an empty scalar.
    fn value(&mut self, depth: usize, keep: Option<Keep>) -> Option<Node> {
        if depth > MAX_DEPTH {
            return None;
        }
        let start = self.pos;
        match self.peek()? {
            b'{' => {
                self.pos += 1;
                let mut members = Vec::new();
                self.skip_ws();
                if self.peek() == Some(b'}') {
                    self.pos += 1;
                } else {
                    loop {
                        self.skip_ws();
                        let key_start = self.pos;
                        let key_range = self.string()?;
                        let key = match keep {
                            Some(_) => {
                                let key: String =
                                    serde_json::from_str(self.text.get(key_range)?).ok()?;
                                Some(key)
                            }
                            None => None,
                        };
                        self.skip_ws();
                        if self.peek()? != b':' {
                            return None;
                        }
                        self.pos += 1;
                        self.skip_ws();
                        let member_keep = match (&key, keep) {
                            (Some(k), Some(keep)) => keep.member(k),
                            _ => None,
                        };
                        let value = self.value(depth + 1, member_keep)?;
                        match (key, member_keep) {
                            (Some(key), Some(_)) => members.push(Member {
                                key,
                                span: key_start..value.span.end,
                                value,
                            }),
                            // Skipped: the loader dropped it, and so does a later
                            // duplicate of a kept member.
                            (Some(key), None) => members.retain(|m| m.key != key),
                            _ => {}
                        }
                        self.skip_ws();
                        match self.peek()? {
                            b',' => self.pos += 1,
                            b'}' => {
                                self.pos += 1;
                                break;
                            }
                            _ => return None,
                        }
                    }
                }
                Some(Node {
                    span: start..self.pos,
                    kind: NodeKind::Object(members),
                })
            }
            b'[' => {
                self.pos += 1;
                let mut items = Vec::new();
                self.skip_ws();
                if self.peek() == Some(b']') {
                    self.pos += 1;
                } else {
                    loop {
                        self.skip_ws();
                        let item = self.value(depth + 1, keep.map(Keep::element))?;
                        if keep.is_some() {
                            items.push(item);
                        }
                        self.skip_ws();
                        match self.peek()? {
                            b',' => self.pos += 1,
                            b']' => {
                                self.pos += 1;
                                break;
                            }
                            _ => return None,
                        }
                    }
                }
                Some(Node {
                    span: start..self.pos,
                    kind: NodeKind::Array(items),
                })
            }
            b'"' => {
                let r = self.string()?;
                Some(Node {
                    span: r,
                    kind: NodeKind::Scalar,
                })
            }
            _ => {
                // Numbers, true, false, null: up to the next delimiter.
                while let Some(b) = self.peek() {
                    if matches!(b, b',' | b'}' | b']') || b.is_ascii_whitespace() {
                        break;
                    }
                    self.pos += 1;
                }
                if self.pos == start {
                    return None;
                }
                Some(Node {
                    span: start..self.pos,
                    kind: NodeKind::Scalar,
                })
            }
        }
    }

    /// A string literal at the current position, quotes included.
    fn string(&mut self) -> Option<Range<usize>> {
        let start = self.pos;
        if self.peek()? != b'"' {
            return None;
        }
        self.pos += 1;
        loop {
            match self.peek()? {
                b'\\' => self.pos += 2,
                b'"' => {
                    self.pos += 1;
                    return Some(start..self.pos);
                }
                _ => self.pos += 1,
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn records_member_and_value_ranges() {
        let text = r#"{"a": [1, {"b\"c": "x"}], "d": null}"#;
        let n = parse_keeping(text, Keep::All).expect("parses");
        let a = n.member("a").expect("a");
        assert_eq!(&text[a.span.clone()], r#""a": [1, {"b\"c": "x"}]"#);
        let inner = a
            .value
            .index(1)
            .and_then(|o| o.member("b\"c"))
            .expect("key");
        assert_eq!(&text[inner.value.span.clone()], r#""x""#);
        assert_eq!(&text[n.get("d").expect("d").span.clone()], "null");
    }

    #[test]
    fn gives_up_on_broken_text() {
        assert!(parse(r#"{"a": [1, 2"#).is_none());
        assert!(parse(&"[".repeat(1000)).is_none());
    }

    #[test]
    fn records_only_what_the_loader_keeps() {
        let text = r#"{"prior_state": {"a": [1, {"b": 2}]}, "format_version": "1.2", "resource_changes": [{"address": "x.y", "change": {"before": {"z": 1}, "after": {"z": 2}}}]}"#;
        let n = parse(text).expect("parses");
        assert!(n.get("prior_state").is_none());
        assert_eq!(
            &text[n.get("format_version").expect("fv").span.clone()],
            r#""1.2""#
        );
        let change = n
            .get("resource_changes")
            .and_then(|c| c.index(0))
            .and_then(|c| c.get("change"))
            .expect("change");
        assert!(change.get("before").is_none());
        assert_eq!(
            &text[change.get("after").expect("after").span.clone()],
            r#"{"z": 2}"#
        );
    }
}
