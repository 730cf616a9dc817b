//! `data "aws_iam_policy_document"` is a pure function of its arguments: render it to policy
//! JSON so IAM rules see the statements it produces.

use crate::value::{Kind, Map, Value};
use std::sync::Arc;

/// The policy document value (`Version`, `Statement`) of an evaluated data source body.
pub(super) fn render(body: &Value) -> Value {
    let mut statements: Vec<Value> = Vec::new();
    let mut unknown = false;
    let docs = |name: &str, unknown: &mut bool| -> Vec<Value> {
        let mut out = Vec::new();
        match body.get(name).map(|v| &v.kind) {
            Some(Kind::List(items)) => {
                for item in items.iter() {
                    match item.decoded_json() {
                        Some(doc) => out.extend(statement_list(&doc)),
                        None => *unknown = true,
                    }
                }
            }
            Some(Kind::Unknown(_)) => *unknown = true,
            _ => {}
        }
        out
    };
    // Source documents first; this document's statements replace same-Sid ones; override
    // documents replace last.
    for s in docs("source_policy_documents", &mut unknown) {
        merge(&mut statements, s);
    }
    if let Some(Kind::List(blocks)) = body.get("statement").map(|v| &v.kind) {
        for b in blocks.iter() {
            merge(&mut statements, statement(b));
        }
    } else if let Some(
        v @ Value {
            kind: Kind::Object(_),
            ..
        },
    ) = body.get("statement")
    {
        merge(&mut statements, statement(v));
    }
    for s in docs("override_policy_documents", &mut unknown) {
        merge(&mut statements, s);
    }
    let mut doc = Map::new();
    let version = body
        .get("version")
        .filter(|v| !v.is_null())
        .cloned()
        .unwrap_or_else(|| Value::string("2012-10-17"));
    doc.insert(Arc::from("Version"), version);
    if let Some(id) = body.get("policy_id").filter(|v| !v.is_null()) {
        doc.insert(Arc::from("Id"), id.clone());
    }
    if unknown {
        statements.push(Value::unknown(
            "statement from a document known only after apply",
        ));
    }
    doc.insert(Arc::from("Statement"), Value::list(statements));
    let doc = Value::object(doc);
    // Written first by the bounded encoder, which refuses text past the string limit: a
    // document's tree can be exponentially larger than the values behind it.
    match super::functions::encode_json(&doc) {
        Err(e) => Value::unknown(format!("the policy document cannot be rendered: {e}")),
        Ok(None) => Value::unknown_encoding_of(doc),
        Ok(Some(_)) => match doc.to_json() {
            // The tree is kept beside the text: its `Action` points at the `actions` written.
            Some(j) => Value::string_encoding_of(j.to_string(), doc),
            None => Value::unknown_encoding_of(doc),
        },
    }
}

fn statement_list(doc: &Value) -> Vec<Value> {
    match doc.get("Statement").map(|s| &s.kind) {
        Some(Kind::List(items)) => items.to_vec(),
        Some(Kind::Object(_)) => doc.get("Statement").cloned().into_iter().collect(),
        _ => Vec::new(),
    }
}

fn merge(statements: &mut Vec<Value>, s: Value) {
    let sid = s
        .get("Sid")
        .and_then(|v| v.as_str())
        .filter(|s| !s.is_empty())
        .map(str::to_string);
    if let Some(sid) = sid {
        if let Some(existing) = statements
            .iter_mut()
            .find(|x| x.get("Sid").and_then(|v| v.as_str()) == Some(sid.as_str()))
        {
            *existing = s;
            return;
        }
    }
    statements.push(s);
}

fn statement(b: &Value) -> Value {
    let mut s = Map::new();
    let set = |s: &mut Map, key: &str, v: Option<&Value>| {
        if let Some(v) = v.filter(|v| !v.is_null()) {
            s.insert(Arc::from(key), v.clone());
        }
    };
    set(
        &mut s,
        "Sid",
        b.get("sid").filter(|v| v.as_str() != Some("")),
    );
    let effect = b
        .get("effect")
        .filter(|v| !v.is_null())
        .cloned()
        .unwrap_or_else(|| Value::string("Allow"));
    s.insert(Arc::from("Effect"), effect);
    set(&mut s, "Action", b.get("actions"));
    set(&mut s, "NotAction", b.get("not_actions"));
    set(&mut s, "Resource", b.get("resources"));
    set(&mut s, "NotResource", b.get("not_resources"));
    if let Some(p) = principals(b.get("principals")) {
        s.insert(Arc::from("Principal"), p);
    }
    if let Some(p) = principals(b.get("not_principals")) {
        s.insert(Arc::from("NotPrincipal"), p);
    }
    if let Some(c) = conditions(b.get("condition")) {
        s.insert(Arc::from("Condition"), c);
    }
    Value::object(s)
}

fn blocks(v: Option<&Value>) -> Option<Vec<Value>> {
    match v.map(|v| &v.kind) {
        Some(Kind::List(items)) if !items.is_empty() => Some(items.to_vec()),
        Some(Kind::Object(_)) => v.cloned().map(|v| vec![v]),
        Some(Kind::Unknown(_)) => Some(vec![Value::unknown("block known only after apply")]),
        _ => None,
    }
}

fn principals(v: Option<&Value>) -> Option<Value> {
    let list = blocks(v)?;
    let mut out = Map::new();
    for p in list {
        if !p.is_known() {
            return Some(Value::unknown("principals known only after apply"));
        }
        let ty = p.get("type").cloned().unwrap_or_default();
        let ids = p.get("identifiers").cloned().unwrap_or_default();
        match ty.as_str() {
            // `type = "*"` with identifiers ["*"] is the anonymous principal `"*"`.
            Some("*") => return Some(Value::string("*")),
            Some(t) => {
                let entry = out.get_or_insert_with(Arc::from(t), || Value::list(Vec::new()));
                if let (Kind::List(acc), Some(new)) = (&mut entry.kind, ids.as_list()) {
                    Arc::make_mut(acc).extend(new.iter().cloned());
                } else {
                    *entry = Value::unknown("principal identifiers known only after apply");
                }
            }
            None => return Some(Value::unknown("principal type known only after apply")),
        }
    }
    Some(Value::object(out))
}

fn conditions(v: Option<&Value>) -> Option<Value> {
    let list = blocks(v)?;
    let mut out = Map::new();
    for c in list {
        let (Some(test), Some(var)) = (
            c.get("test").and_then(|t| t.as_str()),
            c.get("variable").and_then(|t| t.as_str()),
        ) else {
            return Some(Value::unknown("condition known only after apply"));
        };
        let values = c.get("values").cloned().unwrap_or_default();
        let entry = out.get_or_insert_with(Arc::from(test), || Value::object(Map::new()));
        if let Kind::Object(m) = &mut entry.kind {
            Arc::make_mut(m).insert(Arc::from(var), values);
        }
    }
    Some(Value::object(out))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn renders_statements_principals_and_conditions() {
        let body = Value::from_json(&serde_json::json!({
            "statement": [{
                "sid": "All",
                "actions": ["s3:*"],
                "resources": ["*"],
                "principals": [{"type": "AWS", "identifiers": ["*"]}],
                "condition": [{"test": "StringEquals", "variable": "aws:SourceVpce", "values": ["vpce-1"]}]
            }]
        }));
        let out = render(&body);
        let doc: serde_json::Value = serde_json::from_str(out.as_str().unwrap()).unwrap();
        assert_eq!(doc["Statement"][0]["Effect"], "Allow");
        assert_eq!(doc["Statement"][0]["Action"][0], "s3:*");
        assert_eq!(doc["Statement"][0]["Principal"]["AWS"][0], "*");
        assert_eq!(
            doc["Statement"][0]["Condition"]["StringEquals"]["aws:SourceVpce"][0],
            "vpce-1"
        );
    }

    #[test]
    fn unknown_resource_keeps_known_actions() {
        let mut stmt = Map::new();
        stmt.insert(Arc::from("actions"), Value::list(vec![Value::string("*")]));
        stmt.insert(
            Arc::from("resources"),
            Value::list(vec![Value::unknown_set("arn")]),
        );
        let mut body = Map::new();
        body.insert(
            Arc::from("statement"),
            Value::list(vec![Value::object(stmt)]),
        );
        let out = render(&Value::object(body));
        let decoded = out.decoded_json().unwrap();
        let st = &decoded.get("Statement").unwrap().as_list().unwrap()[0];
        assert_eq!(
            st.get("Action").unwrap().as_list().unwrap()[0].as_str(),
            Some("*")
        );
    }
}
