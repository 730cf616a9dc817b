//! JSON files: the spanned reader every JSON file goes through ([`reader`]), Terraform's JSON
//! configuration syntax ([`config`], `.tf.json`) and JSON variable files ([`vars`],
//! `.tfvars.json`). Plans are read by the same reader (`load::plan_json`).

mod config;
pub mod reader;
mod vars;

pub use config::parse_tf_json;
pub use reader::{parse_json, Document, JsonKind, JsonRef, Keep, Lookup, Member, MAX_DEPTH};
pub use vars::{parse_vars_json, VarValue};

#[cfg(test)]
mod tests {
    use super::*;
    use crate::diag::Diagnostic;
    use crate::load::ast::*;
    use crate::source::{FileId, Span};
    use crate::value::{Kind, Value};
    use std::sync::Arc;

    const F: FileId = FileId(0);

    fn tf(text: &str) -> Body {
        let (body, diags) = parse_tf_json(F, text);
        assert!(diags.is_empty(), "unexpected diagnostics: {diags:?}");
        body
    }

    fn err(text: &str) -> Diagnostic {
        match parse_json(F, text) {
            Ok(doc) => panic!("expected an error for {text:?}, got {:?}", doc.root(text)),
            Err(d) => d,
        }
    }

    fn at(text: &str, span: Span) -> &str {
        &text[span.range()]
    }

    fn line(text: &str, span: Span) -> usize {
        text[..span.start as usize].matches('\n').count() + 1
    }

    fn attr<'a>(body: &'a Body, name: &str) -> &'a Expr {
        match body.attribute(name) {
            Some(a) => &a.expr,
            None => panic!("no attribute {name} in {body:?}"),
        }
    }

    fn path(e: &Expr) -> String {
        match e.static_path() {
            Some((root, attrs)) => std::iter::once(root)
                .chain(attrs)
                .map(|s| s.to_string())
                .collect::<Vec<_>>()
                .join("."),
            None => panic!("not a reference: {e:?}"),
        }
    }

    fn string(e: &Expr) -> &str {
        match &e.kind {
            ExprKind::String(s) => s,
            other => panic!("not a literal string: {other:?}"),
        }
    }

    // --- JSON parsing -------------------------------------------------------------------------

    #[test]
    fn parses_every_kind_with_spans() {
        let text = "{\"a\": [1, -2.5e3, true, false, null, \"x\\ny\"], \"b\" : {}}";
        let doc = parse_json(F, text).unwrap();
        let root = doc.root(text);
        assert_eq!(at(text, root.span()), text);
        let members: Vec<Member> = root.members().collect();
        assert_eq!(members[0].key, "a");
        assert_eq!(at(text, members[0].key_span), "\"a\"");
        assert_eq!(at(text, members[1].span()), "\"b\" : {}");
        let items: Vec<JsonRef> = members[0].value.items().collect();
        let texts: Vec<&str> = items.iter().map(|n| at(text, n.span())).collect();
        assert_eq!(texts, ["1", "-2.5e3", "true", "false", "null", "\"x\\ny\""]);
        assert!(matches!(items[1].kind(), JsonKind::Number(n) if n == -2500.0));
        assert_eq!(items[5].as_str().as_deref(), Some("x\ny"));
        assert_eq!(
            at(text, members[0].value.span()),
            "[1, -2.5e3, true, false, null, \"x\\ny\"]"
        );
    }

    #[test]
    fn escapes_and_surrogates() {
        let text = r#""\"\\\/\b\f\n\r\t\u00e9\ud83d\ude00|\ud800x|\udc00|\ud800\u0041""#;
        let doc = parse_json(F, text).unwrap();
        assert_eq!(
            doc.root(text).as_str().as_deref(),
            Some("\"\\/\u{8}\u{c}\n\r\té😀|\u{fffd}x|\u{fffd}|\u{fffd}A")
        );
        // Raw non-ASCII text passes through.
        let text = "\"çé😀\"";
        let doc = parse_json(F, text).unwrap();
        assert_eq!(doc.root(text).as_str().as_deref(), Some("çé😀"));
    }

    #[test]
    fn duplicate_keys_are_kept_in_order() {
        let text = r#"{"k": 1, "j": 2, "k": 3}"#;
        let doc = parse_json(F, text).unwrap();
        let root = doc.root(text);
        let keys: Vec<String> = root.members().map(|m| m.key.into_owned()).collect();
        assert_eq!(keys, ["k", "j", "k"]);
        assert_eq!(root.get("k").map(|n| n.raw()), Some("3"));
        let v = root.to_value(F);
        assert_eq!(v.get("k").and_then(Value::as_number), Some(3.0));
    }

    #[test]
    fn trailing_commas_point_at_the_comma() {
        let text = "{\n  \"a\": [1, 2,]\n}";
        let d = err(text);
        assert_eq!(d.code, "parse-error");
        assert!(
            d.message
                .starts_with("invalid JSON: expected a value after ','"),
            "{}",
            d.message
        );
        let span = d.span.unwrap();
        assert_eq!(at(text, span), ",");
        assert_eq!(line(text, span), 2);

        let text = "{\n  \"a\": 1,\n}";
        let span = err(text).span.unwrap();
        assert_eq!((at(text, span), line(text, span)), (",", 2));
    }

    #[test]
    fn truncated_files_point_at_the_end() {
        let text = "{\n  \"a\": [1, 2";
        let d = err(text);
        assert!(
            d.message.contains("found the end of the file"),
            "{}",
            d.message
        );
        assert_eq!(d.span.unwrap().start as usize, text.len());
        assert_eq!(line(text, d.span.unwrap()), 2);

        // An unterminated string points at its opening quote.
        let text = "{\n  \"a\": \"abc";
        let d = err(text);
        assert!(d.message.contains("unterminated string"), "{}", d.message);
        assert_eq!(d.span.unwrap().start, 9);

        for text in [
            "{", "[", "{\"a\"", "{\"a\":", "[1", "tru", "\"\\u12", "\"\\",
        ] {
            let d = err(text);
            assert_eq!(d.code, "parse-error", "{text}");
        }
    }

    #[test]
    fn syntax_errors_point_at_the_offending_byte() {
        let cases: &[(&str, &str, &str)] = &[
            ("{\"a\": 1 // c\n}", "/", "expected ',' or '}'"),
            ("// c\n{}", "/", "comments are not allowed"),
            ("{'a': 1}", "'", "expected a string key or '}'"),
            ("{\"a\" 1}", "1", "expected ':'"),
            ("{\"a\": 1 \"b\": 2}", "\"", "expected ',' or '}'"),
            ("[1 2]", "2", "expected ',' or ']'"),
            ("[01]", "0", "leading zeros"),
            ("[1.]", "]", "a digit after the decimal point"),
            ("[1e]", "]", "a digit in the exponent"),
            ("[-]", "]", "expected a digit"),
            ("[.5]", ".", "expected a value"),
            ("[+1]", "+", "expected a value"),
            ("[nul]", "]", "expected 'null'"),
            ("[True]", "T", "expected a value"),
            ("{} x", "x", "the end of the file"),
            ("[\"a\tb\"]", "\t", "control character U+0009"),
            ("[\"\\x\"]", "\\", "invalid escape"),
            ("[\"\\u12G4\"]", "G", "four hex digits"),
            ("[NaN]", "N", "expected a value"),
        ];
        for (text, offending, message) in cases {
            let d = err(text);
            assert_eq!(d.code, "parse-error", "{text}");
            assert!(
                d.message.starts_with("invalid JSON: "),
                "{text}: {}",
                d.message
            );
            assert!(d.message.contains(message), "{text}: {}", d.message);
            assert_eq!(
                at(text, d.span.unwrap()),
                *offending,
                "{text}: {}",
                d.message
            );
        }
    }

    #[test]
    fn numbers_beyond_f64_are_errors() {
        let text = "[1e308, -1.7976931348623157e308, 1e-999, -0]";
        let doc = parse_json(F, text).unwrap();
        let nums: Vec<f64> = doc
            .root(text)
            .items()
            .map(|n| match n.kind() {
                JsonKind::Number(x) => x,
                _ => f64::NAN,
            })
            .collect();
        assert_eq!(nums, [1e308, -f64::MAX, 0.0, 0.0]);
        for text in ["1e999", "[-1e999]", "{\"a\": 1e400}"] {
            let d = err(text);
            assert!(d.message.contains("out of range"), "{}", d.message);
            assert!(at(text, d.span.unwrap()).contains("e"), "{text}");
        }
        // A long mantissa is fine and parses correctly rounded.
        let long = format!("0.{}1", "0".repeat(5000));
        assert!(parse_json(F, &long).is_ok());
    }

    #[test]
    fn deep_nesting_is_refused_without_overflow() {
        let text = format!("{}1{}", "[".repeat(100_000), "]".repeat(100_000));
        let d = err(&text);
        assert_eq!(d.code, "nesting-limit");
        assert_eq!(d.span.unwrap().start as usize, MAX_DEPTH);
        let text = "{\"a\":".repeat(100_000);
        assert_eq!(err(&text).code, "nesting-limit");

        let ok = format!("{}{}", "[".repeat(MAX_DEPTH), "]".repeat(MAX_DEPTH));
        assert!(parse_json(F, &ok).is_ok());
        let over = format!("{}{}", "[".repeat(MAX_DEPTH + 1), "]".repeat(MAX_DEPTH + 1));
        assert_eq!(err(&over).code, "nesting-limit");
        // Converting the deepest accepted document is fine too.
        let deep = format!(
            "{{\"locals\": {{\"x\": {}1{}}}}}",
            "[".repeat(MAX_DEPTH - 2),
            "]".repeat(MAX_DEPTH - 2)
        );
        tf(&deep);
    }

    #[test]
    fn empty_files_are_errors() {
        for text in ["", "  \n\t "] {
            let d = err(text);
            assert_eq!(d.code, "parse-error");
            assert!(d.message.contains("empty JSON file"), "{}", d.message);
            let (body, diags) = parse_tf_json(F, text);
            assert!(body.blocks.is_empty() && body.attributes.is_empty());
            assert_eq!(diags.len(), 1);
            let (vars, diags) = parse_vars_json(F, text);
            assert!(vars.is_empty());
            assert_eq!(diags.len(), 1);
        }
    }

    #[test]
    fn byte_order_mark_is_skipped() {
        let text = "\u{feff}{\"a\": 1}";
        let doc = parse_json(F, text).unwrap();
        assert_eq!(at(text, doc.root(text).span()), "{\"a\": 1}");
    }

    // --- Terraform JSON syntax ----------------------------------------------------------------

    const RESOURCE: &str = r#"{
  "resource": {
    "aws_s3_bucket": {
      "logs": {
        "bucket": "logs-${var.env}",
        "acl": "private",
        "count": 2,
        "force_destroy": true,
        "object_lock": null,
        "for_each": "${toset(var.names)}",
        "tags": {"Name": "logs", "${var.k}": "v", "//": "kept"},
        "versioning": {"enabled": true},
        "ingress": [{"from_port": 443}, {"from_port": 80}],
        "provider": "aws.west",
        "depends_on": ["aws_kms_key.k", "module.m"]
      }
    }
  },
  "data": {"aws_iam_policy_document": {"p": {"statement": [{"actions": ["s3:*"]}]}}}
}"#;

    #[test]
    fn resources_and_data() {
        let text = RESOURCE;
        let body = tf(text);
        assert_eq!(body.blocks.len(), 2);
        let b = &body.blocks[0];
        assert_eq!(&*b.kind, "resource");
        assert_eq!(
            b.labels,
            vec![Arc::from("aws_s3_bucket"), Arc::from("logs")]
        );
        assert_eq!(at(text, b.header), "\"logs\"");
        assert!(at(text, b.span).starts_with("{\n        \"bucket\""));
        assert!(at(text, b.span).ends_with('}'));

        let a = b.body.attribute("bucket").unwrap();
        assert_eq!(at(text, a.span), "\"bucket\": \"logs-${var.env}\"");
        assert_eq!(at(text, a.expr.span), "\"logs-${var.env}\"");
        let ExprKind::Template(parts) = &a.expr.kind else {
            panic!("{:?}", a.expr)
        };
        assert!(matches!(&parts[0], TemplatePart::Literal(s) if &**s == "logs-"));
        let TemplatePart::Interpolation(e) = &parts[1] else {
            panic!("{parts:?}")
        };
        assert_eq!(at(text, e.span), "var.env");
        assert_eq!(path(e), "var.env");

        assert_eq!(string(attr(&b.body, "acl")), "private");
        assert!(matches!(attr(&b.body, "count").kind, ExprKind::Number(n) if n == 2.0));
        assert!(matches!(
            attr(&b.body, "force_destroy").kind,
            ExprKind::Bool(true)
        ));
        assert!(matches!(attr(&b.body, "object_lock").kind, ExprKind::Null));
        // A lone interpolation is its expression's value.
        let fe = attr(&b.body, "for_each");
        assert!(matches!(&fe.kind, ExprKind::Call { name, .. } if &**name == "toset"));
        assert_eq!(at(text, fe.span), "\"${toset(var.names)}\"");

        let ExprKind::Object(tags) = &attr(&b.body, "tags").kind else {
            panic!()
        };
        assert_eq!(string(&tags[0].0), "Name");
        assert_eq!(at(text, tags[0].0.span), "\"Name\"");
        assert_eq!(path(&tags[1].0), "var.k");
        assert_eq!(string(&tags[2].0), "//");

        // Provider-defined nested blocks stay attributes: an object, or a tuple of objects.
        assert!(matches!(
            attr(&b.body, "versioning").kind,
            ExprKind::Object(_)
        ));
        let ExprKind::Tuple(ingress) = &attr(&b.body, "ingress").kind else {
            panic!()
        };
        assert_eq!(ingress.len(), 2);
        assert!(matches!(ingress[1].kind, ExprKind::Object(_)));

        // Meta-arguments holding references.
        let p = attr(&b.body, "provider");
        assert_eq!(path(p), "aws.west");
        assert_eq!(at(text, p.span), "aws.west");
        let ExprKind::Tuple(deps) = &attr(&b.body, "depends_on").kind else {
            panic!()
        };
        assert_eq!(path(&deps[0]), "aws_kms_key.k");
        assert_eq!(at(text, deps[1].span), "module.m");

        let d = &body.blocks[1];
        assert_eq!(&*d.kind, "data");
        assert_eq!(
            d.labels,
            vec![Arc::from("aws_iam_policy_document"), Arc::from("p")]
        );
        assert!(matches!(
            attr(&d.body, "statement").kind,
            ExprKind::Tuple(_)
        ));
    }

    #[test]
    fn template_spans_survive_escapes() {
        let text = r#"{"locals": {"policy": "{\"Resource\": \"${aws_s3_bucket.b.arn}/\u00e9${var.x}\"}"}}"#;
        let body = tf(text);
        let e = attr(&body.blocks[0].body, "policy");
        let ExprKind::Template(parts) = &e.kind else {
            panic!("{e:?}")
        };
        let exprs: Vec<&str> = parts
            .iter()
            .filter_map(|p| match p {
                TemplatePart::Interpolation(e) => Some(at(text, e.span)),
                _ => None,
            })
            .collect();
        assert_eq!(exprs, ["aws_s3_bucket.b.arn", "var.x"]);
        assert!(matches!(&parts[0], TemplatePart::Literal(s) if &**s == "{\"Resource\": \""));
    }

    #[test]
    fn escaped_interpolation_is_literal() {
        let text = r#"{"locals": {"a": "$${not.this}", "b": "%%{x}", "c": "${"}}"#;
        let (body, diags) = parse_tf_json(F, text);
        let locals = &body.blocks[0].body;
        assert_eq!(string(attr(locals, "a")), "${not.this}");
        assert_eq!(string(attr(locals, "b")), "%{x}");
        // An invalid template is reported and kept as its literal text.
        assert_eq!(diags.len(), 1);
        assert_eq!(diags[0].code, "parse-error");
        assert_eq!(at(text, diags[0].span.unwrap()), "\"${\"");
        assert_eq!(string(attr(locals, "c")), "${");
    }

    #[test]
    fn template_directives() {
        let text = r#"{"output": {"o": {"value": "%{ if var.on }yes%{ else }no%{ endif }"}}}"#;
        let body = tf(text);
        let e = attr(&body.blocks[0].body, "value");
        let ExprKind::Template(parts) = &e.kind else {
            panic!("{e:?}")
        };
        let TemplatePart::If { cond, .. } = &parts[0] else {
            panic!("{parts:?}")
        };
        assert_eq!(at(text, cond.span), "var.on");
    }

    #[test]
    fn variables_read_literally() {
        let text = r#"{"variable": {
  "name": {
    "type": "list(string)",
    "default": ["${not.a.template}", {"k": "${x}"}],
    "description": "a ${literal}",
    "sensitive": true,
    "validation": {"condition": "${length(var.name) > 0}", "error_message": "empty"}
  },
  "plain": {}
}}"#;
        let body = tf(text);
        assert_eq!(body.blocks.len(), 2);
        let v = &body.blocks[0];
        assert_eq!(
            (&*v.kind, v.labels.as_slice()),
            ("variable", &[Arc::from("name")][..])
        );
        assert_eq!(at(text, v.header), "\"name\"");
        assert_eq!(string(attr(&v.body, "type")), "list(string)");
        assert_eq!(string(attr(&v.body, "description")), "a ${literal}");
        let ExprKind::Tuple(items) = &attr(&v.body, "default").kind else {
            panic!()
        };
        assert_eq!(string(&items[0]), "${not.a.template}");
        let ExprKind::Object(obj) = &items[1].kind else {
            panic!()
        };
        assert_eq!(string(&obj[0].1), "${x}");
        let validation = v.body.blocks_of("validation").next().unwrap();
        assert!(matches!(
            attr(&validation.body, "condition").kind,
            ExprKind::Binary(..)
        ));
        assert!(body.blocks[1].body.attributes.is_empty());
    }

    #[test]
    fn locals_outputs_modules_providers() {
        let text = r#"{
  "locals": [{"a": "${var.x}", "b": 1}, {"c": "c"}],
  "output": {"o": {"value": "${aws_s3_bucket.b.arn}", "description": "${lit}", "sensitive": true,
                   "depends_on": ["aws_s3_bucket.b"], "precondition": {"condition": "${true}", "error_message": "x"}}},
  "module": {"m": {"source": "./mod", "version": "1.0", "count": 2, "name": "${var.n}",
                   "providers": {"aws": "aws.west", "aws.dst": "aws.east"}}},
  "provider": {"aws": [{"region": "us-east-1"}, {"alias": "west", "region": "${var.r}"}]}
}"#;
        let body = tf(text);
        let kinds: Vec<&str> = body.blocks.iter().map(|b| &*b.kind).collect();
        assert_eq!(
            kinds,
            ["locals", "locals", "output", "module", "provider", "provider"]
        );

        let locals = &body.blocks[0];
        assert!(locals.labels.is_empty());
        assert_eq!(at(text, locals.header), "\"locals\"");
        assert_eq!(path(attr(&locals.body, "a")), "var.x");
        assert_eq!(at(text, locals.body.attributes[1].span), "\"b\": 1");
        assert_eq!(string(attr(&body.blocks[1].body, "c")), "c");

        let o = &body.blocks[2];
        assert_eq!(path(attr(&o.body, "value")), "aws_s3_bucket.b.arn");
        assert_eq!(string(attr(&o.body, "description")), "${lit}");
        assert_eq!(o.body.blocks_of("precondition").count(), 1);

        let m = &body.blocks[3];
        assert_eq!(string(attr(&m.body, "source")), "./mod");
        assert_eq!(path(attr(&m.body, "name")), "var.n");
        let ExprKind::Object(providers) = &attr(&m.body, "providers").kind else {
            panic!()
        };
        assert_eq!(string(&providers[0].0), "aws");
        assert_eq!(path(&providers[0].1), "aws.west");
        assert_eq!(path(&providers[1].0), "aws.dst");

        let (p0, p1) = (&body.blocks[4], &body.blocks[5]);
        assert_eq!(p0.labels, vec![Arc::from("aws")]);
        assert_eq!(p1.labels, vec![Arc::from("aws")]);
        assert_eq!(at(text, p1.header), "\"aws\"");
        assert_eq!(string(attr(&p1.body, "alias")), "west");
        assert_eq!(path(attr(&p1.body, "region")), "var.r");
    }

    #[test]
    fn meta_blocks_in_resources() {
        let text = r#"{"resource": {"aws_security_group": {"sg": {
  "lifecycle": {"ignore_changes": ["tags", "ingress"], "prevent_destroy": true,
                "postcondition": [{"condition": "${self.id != \"\"}", "error_message": "x"}]},
  "provisioner": [
    {"local-exec": {"command": "echo ${self.id}", "when": "destroy"}},
    {"remote-exec": {"inline": ["a"], "connection": {"type": "ssh", "host": "${self.ip}"}}}
  ],
  "connection": {"type": "${not_template}"},
  "dynamic": {"ingress": {
    "for_each": "${var.rules}",
    "iterator": "rule",
    "content": {"from_port": "${rule.value.port}", "dynamic": {"cidr": {"for_each": [], "content": {}}}}
  }}
}}}}"#;
        let body = tf(text);
        let r = &body.blocks[0].body;
        assert!(r.attributes.is_empty(), "{:?}", r.attributes);
        let kinds: Vec<&str> = r.blocks.iter().map(|b| &*b.kind).collect();
        assert_eq!(
            kinds,
            [
                "lifecycle",
                "provisioner",
                "provisioner",
                "connection",
                "dynamic"
            ]
        );

        let lc = &r.blocks[0];
        assert_eq!(at(text, lc.header), "\"lifecycle\"");
        let ExprKind::Tuple(ignored) = &attr(&lc.body, "ignore_changes").kind else {
            panic!()
        };
        assert_eq!(path(&ignored[0]), "tags");
        assert_eq!(lc.body.blocks_of("postcondition").count(), 1);

        let (p0, p1) = (&r.blocks[1], &r.blocks[2]);
        assert_eq!(p0.labels, vec![Arc::from("local-exec")]);
        assert_eq!(at(text, p0.header), "\"local-exec\"");
        assert_eq!(path(attr(&p0.body, "when")), "destroy");
        assert_eq!(p1.labels, vec![Arc::from("remote-exec")]);
        let conn = p1.body.blocks_of("connection").next().unwrap();
        assert_eq!(string(attr(&conn.body, "type")), "ssh");
        assert_eq!(path(attr(&conn.body, "host")), "self.ip");
        assert_eq!(string(attr(&r.blocks[3].body, "type")), "${not_template}");

        let dy = &r.blocks[4];
        assert_eq!(dy.labels, vec![Arc::from("ingress")]);
        assert_eq!(at(text, dy.header), "\"ingress\"");
        assert_eq!(path(attr(&dy.body, "for_each")), "var.rules");
        assert_eq!(path(attr(&dy.body, "iterator")), "rule");
        let content = dy.body.blocks_of("content").next().unwrap();
        assert_eq!(path(attr(&content.body, "from_port")), "rule.value.port");
        let inner = content.body.blocks_of("dynamic").next().unwrap();
        assert_eq!(inner.labels, vec![Arc::from("cidr")]);
        assert_eq!(inner.body.blocks_of("content").count(), 1);
    }

    #[test]
    fn ignore_changes_all_is_a_keyword() {
        let text = r#"{"resource": {"a": {"b": {"lifecycle": {"ignore_changes": "all"}}}}}"#;
        let body = tf(text);
        let lc = &body.blocks[0].body.blocks[0];
        assert!(
            matches!(&attr(&lc.body, "ignore_changes").kind, ExprKind::Variable(v) if &**v == "all")
        );
    }

    #[test]
    fn terraform_block_is_literal() {
        let text = r#"{"terraform": {
  "required_version": ">= 1.0",
  "required_providers": {"aws": {"source": "hashicorp/aws", "version": "~> 5.0"}},
  "backend": {"s3": {"bucket": "${literal}", "encrypt": true}}
}}"#;
        let body = tf(text);
        let t = &body.blocks[0];
        assert_eq!((&*t.kind, t.labels.len()), ("terraform", 0));
        assert_eq!(at(text, t.header), "\"terraform\"");
        assert_eq!(string(attr(&t.body, "required_version")), ">= 1.0");
        let rp = t.body.blocks_of("required_providers").next().unwrap();
        assert!(matches!(attr(&rp.body, "aws").kind, ExprKind::Object(_)));
        let be = t.body.blocks_of("backend").next().unwrap();
        assert_eq!(be.labels, vec![Arc::from("s3")]);
        assert_eq!(string(attr(&be.body, "bucket")), "${literal}");
    }

    #[test]
    fn comments_are_skipped_in_bodies_and_label_levels() {
        let text = r#"{
  "//": "generated",
  "resource": {
    "//": "label level",
    "aws_s3_bucket": {"//": "again", "b": {"//": "body", "bucket": "x"}}
  },
  "locals": {"//": "in locals", "a": {"//": "an expression object keeps it"}}
}"#;
        let body = tf(text);
        assert_eq!(body.blocks.len(), 2);
        let b = &body.blocks[0];
        assert_eq!(b.labels, vec![Arc::from("aws_s3_bucket"), Arc::from("b")]);
        assert_eq!(b.body.attributes.len(), 1);
        let locals = &body.blocks[1].body;
        assert_eq!(locals.attributes.len(), 1);
        let ExprKind::Object(obj) = &attr(locals, "a").kind else {
            panic!()
        };
        assert_eq!(string(&obj[0].0), "//");
    }

    #[test]
    fn arrays_at_every_level() {
        let text = r#"[
  {"resource": [
    {"aws_s3_bucket": {"a": {"bucket": "a"}}},
    {"aws_s3_bucket": [{"b": [{"bucket": "b1"}, {"bucket": "b2"}]}]}
  ]},
  {"variable": [{"v": {}}]}
]"#;
        let body = tf(text);
        let got: Vec<(String, String)> = body
            .blocks
            .iter()
            .map(|b| {
                let labels: Vec<&str> = b.labels.iter().map(|l| &**l).collect();
                (b.kind.to_string(), labels.join("."))
            })
            .collect();
        let want = [
            ("resource", "aws_s3_bucket.a"),
            ("resource", "aws_s3_bucket.b"),
            ("resource", "aws_s3_bucket.b"),
            ("variable", "v"),
        ];
        assert_eq!(got, want.map(|(a, b)| (a.to_string(), b.to_string())));
        assert_eq!(at(text, body.blocks[2].header), "\"b\"");
        assert_eq!(at(text, body.blocks[2].span), "{\"bucket\": \"b2\"}");
    }

    #[test]
    fn other_top_level_blocks() {
        let text = r#"{
  "moved": {"from": "aws_s3_bucket.a", "to": "aws_s3_bucket.b"},
  "import": [{"to": "aws_s3_bucket.b", "id": "bucket-${var.env}"}],
  "removed": {"from": "aws_s3_bucket.c", "lifecycle": {"destroy": false}},
  "check": {"health": {"data": {"http": {"h": {"url": "${var.u}"}}}, "assert": {"condition": "${true}", "error_message": "x"}}},
  "ephemeral": {"random_password": {"p": {"length": 16}}}
}"#;
        let body = tf(text);
        let kinds: Vec<&str> = body.blocks.iter().map(|b| &*b.kind).collect();
        assert_eq!(kinds, ["moved", "import", "removed", "check", "ephemeral"]);
        assert_eq!(path(attr(&body.blocks[0].body, "to")), "aws_s3_bucket.b");
        assert!(matches!(
            attr(&body.blocks[1].body, "id").kind,
            ExprKind::Template(_)
        ));
        assert_eq!(body.blocks[2].body.blocks_of("lifecycle").count(), 1);
        let check = &body.blocks[3];
        let data = check.body.blocks_of("data").next().unwrap();
        assert_eq!(data.labels, vec![Arc::from("http"), Arc::from("h")]);
        assert_eq!(check.body.blocks_of("assert").count(), 1);
    }

    #[test]
    fn wrong_shapes_are_reported_and_the_rest_converts() {
        let text = r#"{
  "resource": 3,
  "data": {"aws_ami": {"a": "not a body", "b": {"owners": ["self"]}}},
  "bogus": {},
  "module": {"m": [1, {"source": "./m"}]},
  "variable": {"v": {"validation": "nope"}},
  "output": {"o": {"value": "ok", "depends_on": ["not a reference"]}}
}"#;
        let (body, diags) = parse_tf_json(F, text);
        let kinds: Vec<&str> = body.blocks.iter().map(|b| &*b.kind).collect();
        assert_eq!(kinds, ["data", "module", "variable", "output"]);
        let got: Vec<(&str, &str, usize)> = diags
            .iter()
            .map(|d| {
                (
                    d.code,
                    at(text, d.span.unwrap()),
                    line(text, d.span.unwrap()),
                )
            })
            .collect();
        assert_eq!(
            got,
            [
                ("invalid-json-config", "3", 2),
                ("invalid-json-config", "\"not a body\"", 3),
                ("invalid-json-config", "\"bogus\"", 4),
                ("invalid-json-config", "1", 5),
                ("invalid-json-config", "\"nope\"", 6),
                ("parse-error", "\"not a reference\"", 7),
            ]
        );
        assert!(
            diags[0].message.contains("found a number"),
            "{}",
            diags[0].message
        );
        assert!(
            diags[1].message.contains("body of a `data` block"),
            "{}",
            diags[1].message
        );
        // What did convert is all there.
        assert_eq!(
            body.blocks[0].labels,
            vec![Arc::from("aws_ami"), Arc::from("b")]
        );
        assert_eq!(string(attr(&body.blocks[3].body, "value")), "ok");
    }

    #[test]
    fn wrong_root_shapes() {
        for (text, found) in [
            ("3", "a number"),
            ("\"x\"", "a string"),
            ("[1]", "a number"),
        ] {
            let (body, diags) = parse_tf_json(F, text);
            assert!(body.blocks.is_empty());
            assert_eq!(diags.len(), 1, "{text}");
            assert_eq!(diags[0].code, "invalid-json-config");
            assert!(diags[0].message.contains(found), "{}", diags[0].message);
        }
        let (body, diags) = parse_tf_json(F, "{}");
        assert!(body.blocks.is_empty() && diags.is_empty());
    }

    #[test]
    fn json_syntax_error_gives_empty_body_and_one_diagnostic() {
        let (body, diags) = parse_tf_json(F, r#"{"resource": {"a": {"b": {}}},}"#);
        assert!(body.blocks.is_empty());
        assert_eq!(diags.len(), 1);
        assert_eq!(diags[0].code, "parse-error");
    }

    // --- Variable files and values ------------------------------------------------------------

    #[test]
    fn vars_files_are_literal_with_spans() {
        let text = r#"{
  "//": "comment",
  "name": "${not_a_template}",
  "count": 3,
  "tags": {"a": ["x", true, null]}
}"#;
        let (vars, diags) = parse_vars_json(F, text);
        assert!(diags.is_empty());
        let names: Vec<&str> = vars.iter().map(|(n, _, _)| &**n).collect();
        assert_eq!(names, ["name", "count", "tags"]);
        let (_, name, span) = &vars[0];
        assert_eq!(name.as_str(), Some("${not_a_template}"));
        assert_eq!(at(text, *span), "\"name\": \"${not_a_template}\"");
        assert_eq!(at(text, name.span.unwrap()), "\"${not_a_template}\"");
        assert_eq!(vars[1].1.as_number(), Some(3.0));
        let tags = &vars[2].1;
        assert_eq!(at(text, tags.span.unwrap()), "{\"a\": [\"x\", true, null]}");
        let list = tags.get("a").unwrap();
        assert_eq!(at(text, list.span.unwrap()), "[\"x\", true, null]");
        let items = list.as_list().unwrap();
        assert_eq!(at(text, items[1].span.unwrap()), "true");
        assert!(matches!(items[2].kind, Kind::Null));
        assert_eq!(at(text, items[2].span.unwrap()), "null");
    }

    #[test]
    fn vars_files_of_the_wrong_shape() {
        let (vars, diags) = parse_vars_json(F, "[1, 2]");
        assert!(vars.is_empty());
        assert_eq!(diags[0].code, "invalid-json-config");
        assert!(diags[0].message.contains("found an array"));
        let (vars, diags) = parse_vars_json(F, "{\"a\": }");
        assert!(vars.is_empty());
        assert_eq!(diags[0].code, "parse-error");
    }

    #[test]
    fn fixture_configuration_converts() {
        let text = include_str!("../../tests/data/json/main.tf.json");
        let body = tf(text);
        let names: Vec<String> = body
            .blocks
            .iter()
            .map(|b| {
                std::iter::once(&b.kind)
                    .chain(&b.labels)
                    .map(|s| s.to_string())
                    .collect::<Vec<_>>()
                    .join(".")
            })
            .collect();
        assert_eq!(
            names,
            [
                "terraform",
                "provider.aws",
                "provider.aws",
                "variable.region",
                "variable.allowed_cidrs",
                "variable.environment",
                "locals",
                "resource.aws_s3_bucket.logs",
                "resource.aws_s3_bucket_policy.logs",
                "resource.aws_security_group.web",
                "module.network",
                "output.bucket_arn",
            ]
        );
        let bucket = &body.blocks[7];
        assert_eq!(line(text, bucket.header), 30);
        let acl = bucket.body.attribute("acl").unwrap();
        assert_eq!(at(text, acl.span), "\"acl\": \"public-read\"");
        assert_eq!(line(text, acl.span), 33);
        assert!(bucket.body.attribute("//").is_none());
        assert_eq!(bucket.body.blocks_of("lifecycle").count(), 1);

        let policy = attr(&body.blocks[8].body, "policy");
        let ExprKind::Template(parts) = &policy.kind else {
            panic!("{policy:?}")
        };
        let refs: Vec<&str> = parts
            .iter()
            .filter_map(|p| match p {
                TemplatePart::Interpolation(e) => Some(at(text, e.span)),
                _ => None,
            })
            .collect();
        assert_eq!(refs, ["aws_s3_bucket.logs.arn"]);

        let sg = &body.blocks[9];
        let dynamic = sg.body.blocks_of("dynamic").next().unwrap();
        assert_eq!(at(text, dynamic.header), "\"ingress\"");
        assert!(matches!(attr(&sg.body, "egress").kind, ExprKind::Tuple(_)));
    }

    #[test]
    fn fixture_variables_convert() {
        let text = include_str!("../../tests/data/json/terraform.tfvars.json");
        let (vars, diags) = parse_vars_json(F, text);
        assert!(diags.is_empty());
        let names: Vec<&str> = vars.iter().map(|(n, _, _)| &**n).collect();
        assert_eq!(
            names,
            ["region", "allowed_cidrs", "environment", "settings"]
        );
        let cidrs = vars[1].1.as_list().unwrap();
        assert_eq!(cidrs[1].as_str(), Some("${not a template}"));
        assert_eq!(at(text, cidrs[1].span.unwrap()), "\"${not a template}\"");
        let settings = &vars[3].1;
        assert_eq!(
            settings.get("retention_days").and_then(Value::as_number),
            Some(30.0)
        );
        assert_eq!(line(text, settings.get("owner").unwrap().span.unwrap()), 6);
    }

    #[test]
    fn node_to_value_sets_the_file() {
        let doc = parse_json(FileId(7), "[1]").unwrap();
        let v = doc.root("[1]").to_value(FileId(3));
        assert_eq!(v.span.unwrap().file, FileId(3));
        assert_eq!(v.as_list().unwrap()[0].span.unwrap().file, FileId(3));
    }
}

#[cfg(test)]
mod proptests {
    use super::*;
    use crate::load::ast::*;
    use crate::source::{FileId, Span};
    use crate::value::Value;
    use proptest::prelude::*;
    use serde_json::Value as J;
    use std::collections::HashSet;

    const F: FileId = FileId(0);

    fn json_value() -> impl Strategy<Value = J> {
        let leaf = prop_oneof![
            Just(J::Null),
            any::<bool>().prop_map(J::Bool),
            any::<i64>().prop_map(J::from),
            any::<u64>().prop_map(J::from),
            any::<f64>().prop_map(J::from),
            any::<String>().prop_map(J::String),
            "[a-z$%{}.\\\\\"]{0,12}".prop_map(J::String),
        ];
        leaf.prop_recursive(6, 64, 6, |inner| {
            prop_oneof![
                prop::collection::vec(inner.clone(), 0..6).prop_map(J::Array),
                prop::collection::vec(("[a-z/]{0,3}|.{0,4}", inner), 0..6)
                    .prop_map(|kv| J::Object(kv.into_iter().collect())),
            ]
        })
    }

    /// Numbers as serde_json parses them: without its `float_roundtrip` feature it may be a
    /// unit in the last place off, and more for subnormals.
    fn close(a: f64, b: f64) -> bool {
        let d = (a - b).abs();
        a == b || d <= 4.0 * f64::EPSILON * a.abs().max(b.abs()) || d <= f64::MIN_POSITIVE
    }

    fn exact(a: f64, b: f64) -> bool {
        a == b
    }

    /// Same data as serde_json parsed (numbers compared with tolerance).
    fn same(node: JsonRef, j: &J) -> bool {
        same_with(node, j, close)
    }

    fn same_with(node: JsonRef, j: &J, eq: fn(f64, f64) -> bool) -> bool {
        match (node.kind(), j) {
            (JsonKind::Null, J::Null) => true,
            (JsonKind::Bool(a), J::Bool(b)) => a == *b,
            (JsonKind::Number(a), J::Number(b)) => b.as_f64().is_some_and(|b| eq(a, b)),
            (JsonKind::String(a), J::String(b)) => a == b.as_str(),
            (JsonKind::Array(a), J::Array(b)) => {
                a.len() == b.len() && a.zip(b).all(|(x, y)| same_with(x, y, eq))
            }
            (JsonKind::Object(members), J::Object(map)) => {
                let keys: HashSet<String> = members.map(|m| m.key.into_owned()).collect();
                let lookup = Lookup::new(Some(node));
                keys.len() == map.len()
                    && map.iter().all(|(k, v)| {
                        node.get(k).is_some_and(|n| same_with(n, v, eq))
                            && lookup.get(k).is_some_and(|n| {
                                n.range() == node.get(k).map(|g| g.range()).unwrap_or_default()
                            })
                    })
            }
            _ => false,
        }
    }

    /// Every node's span holds text that parses to that node.
    fn spans_hold_their_text(node: JsonRef, text: &str) -> bool {
        let Some(slice) = text.get(node.range()) else {
            return false;
        };
        if slice != node.raw() {
            return false;
        }
        let Ok(j) = serde_json::from_str::<J>(slice) else {
            return false;
        };
        if !same(node, &j) {
            return false;
        }
        match node.kind() {
            JsonKind::Array(mut items) => items.all(|i| spans_hold_their_text(i, text)),
            JsonKind::Object(mut members) => members.all(|m| {
                text.get(m.key_span.range())
                    .and_then(|k| serde_json::from_str::<String>(k).ok())
                    .is_some_and(|k| k == m.key)
                    && spans_hold_their_text(m.value, text)
            }),
            _ => true,
        }
    }

    fn walk_parts(parts: &[TemplatePart], f: &mut dyn FnMut(Span)) {
        for p in parts {
            match p {
                TemplatePart::Literal(_) => {}
                TemplatePart::Interpolation(e) => walk(e, f),
                TemplatePart::If {
                    cond,
                    then,
                    otherwise,
                } => {
                    walk(cond, f);
                    walk_parts(then, f);
                    walk_parts(otherwise, f);
                }
                TemplatePart::For {
                    collection, body, ..
                } => {
                    walk(collection, f);
                    walk_parts(body, f);
                }
            }
        }
    }

    fn walk(e: &Expr, f: &mut dyn FnMut(Span)) {
        f(e.span);
        match &e.kind {
            ExprKind::Template(parts) => walk_parts(parts, f),
            ExprKind::Tuple(items) => items.iter().for_each(|x| walk(x, f)),
            ExprKind::Object(items) => items.iter().for_each(|(k, v)| {
                walk(k, f);
                walk(v, f);
            }),
            ExprKind::Traversal(root, ops) => {
                walk(root, f);
                for op in ops {
                    if let Traverse::Index(i) = op {
                        walk(i, f);
                    }
                }
            }
            ExprKind::Call { args, .. } => args.iter().for_each(|x| walk(x, f)),
            ExprKind::Conditional(c) => {
                walk(&c.0, f);
                walk(&c.1, f);
                walk(&c.2, f);
            }
            ExprKind::Unary(_, x) => walk(x, f),
            ExprKind::Binary(_, x) => {
                walk(&x.0, f);
                walk(&x.1, f);
            }
            ExprKind::For(fe) => {
                walk(&fe.collection, f);
                if let Some(k) = &fe.key {
                    walk(k, f);
                }
                walk(&fe.value, f);
                if let Some(c) = &fe.cond {
                    walk(c, f);
                }
            }
            _ => {}
        }
    }

    fn body_spans(body: &Body, f: &mut dyn FnMut(Span)) {
        for a in &body.attributes {
            f(a.span);
            walk(&a.expr, f);
        }
        for b in &body.blocks {
            f(b.span);
            f(b.header);
            body_spans(&b.body, f);
        }
    }

    fn spans_are_valid(body: &Body, text: &str) -> bool {
        let mut ok = true;
        body_spans(body, &mut |s| ok &= text.get(s.range()).is_some());
        ok
    }

    proptest! {
        #![proptest_config(ProptestConfig::with_cases(512))]

        #[test]
        fn arbitrary_text_never_panics(s in any::<String>()) {
            let _ = parse_json(F, &s);
            let (body, _) = parse_tf_json(F, &s);
            prop_assert!(spans_are_valid(&body, &s));
            let _ = parse_vars_json(F, &s);
        }

        #[test]
        fn json_like_text_agrees_with_serde(s in "[\\[\\]{}\",:0-9a-fnrtul\\\\ .eE+\\-/]{0,48}") {
            match (parse_json(F, &s), serde_json::from_str::<J>(&s)) {
                (Ok(n), Ok(j)) => prop_assert!(same(n.root(&s), &j), "{s:?}: {:?} vs {j:?}", n.root(&s)),
                (Err(d), Ok(j)) => prop_assert!(false, "{s:?}: rejected {j:?}: {d:?}"),
                // Lone surrogates decode to U+FFFD here; serde_json refuses them.
                (Ok(_), Err(_)) => prop_assert!(s.contains("\\u"), "{s:?} accepted"),
                (Err(_), Err(_)) => {}
            }
        }

        #[test]
        fn serialized_values_parse_to_the_same_data(v in json_value(), pretty in any::<bool>()) {
            let text = if pretty {
                serde_json::to_string_pretty(&v)
            } else {
                serde_json::to_string(&v)
            }
            .unwrap();
            let reference: J = serde_json::from_str(&text).unwrap();
            let doc = parse_json(F, &text).unwrap();
            let node = doc.root(&text);
            prop_assert!(same(node, &reference), "{text}");
            // Numbers are printed so they read back exactly, which they do here.
            prop_assert!(same_with(node, &v, exact), "{text}");
            prop_assert_eq!(node.range(), 0..text.len());
            prop_assert!(spans_hold_their_text(node, &text), "{}", text);
            // Values converted from the document are the values serde_json gives.
            prop_assert_eq!(node.to_plain_value(), Value::from_json(&reference));
        }

        #[test]
        fn mutated_documents_agree_with_serde(
            v in json_value(),
            at in any::<prop::sample::Index>(),
            insert in prop::option::of(prop::sample::select(vec!['"', ',', '}', ']', '[', '{', ':', '\\', '1', ' ', 'e', '-', '\u{1}'])),
        ) {
            let mut text = serde_json::to_string(&v).unwrap();
            let mut i = at.index(text.len() + 1);
            while !text.is_char_boundary(i) {
                i -= 1;
            }
            match insert {
                Some(c) => text.insert(i, c),
                None if i < text.len() => {
                    text.remove(i);
                }
                None => {}
            }
            match (parse_json(F, &text), serde_json::from_str::<J>(&text)) {
                (Ok(n), Ok(j)) => prop_assert!(same(n.root(&text), &j), "{text}"),
                (Err(d), Ok(_)) => prop_assert!(false, "{text}: {d:?}"),
                (Ok(_), Err(_)) => prop_assert!(text.contains("\\u"), "{text} accepted"),
                (Err(d), Err(_)) => {
                    let span = d.span.unwrap();
                    prop_assert!(text.get(span.range()).is_some());
                }
            }
        }

        #[test]
        fn configurations_from_arbitrary_values_keep_valid_spans(
            v in json_value(),
            kind in prop::sample::select(vec!["resource", "data", "locals", "variable", "output", "module", "terraform", "provider"]),
        ) {
            let doc = serde_json::json!({ kind: { "t": { "n": v.clone() } }, "locals": { "x": v } });
            let text = serde_json::to_string_pretty(&doc).unwrap();
            let (body, _) = parse_tf_json(F, &text);
            prop_assert!(spans_are_valid(&body, &text));
            let (vars, diags) = parse_vars_json(F, &text);
            prop_assert!(diags.is_empty());
            prop_assert_eq!(vars.len(), doc.as_object().map_or(0, |o| o.len()));
        }

        #[test]
        fn template_strings_keep_valid_spans(s in "([a-z.${}%~\\\\\"()\\[\\]+ é]|\\$\\{var\\.[a-z]\\}){0,20}") {
            let doc = serde_json::json!({ "locals": { "a": s, "b": [s], "c": { s.clone(): 1 } }, "resource": { "x": { "y": { "depends_on": [s] } } } });
            let text = serde_json::to_string(&doc).unwrap();
            let (body, _) = parse_tf_json(F, &text);
            prop_assert!(spans_are_valid(&body, &text));
        }
    }
}
