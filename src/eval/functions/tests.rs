//! Tests across all functions: dispatch, marks, unknown functions, and properties that must
//! hold for any input (no panics, JSON and YAML round trips).

use super::testing::*;
use super::{all_names, call, is_known_function};
use crate::value::{Map, Value};
use proptest::prelude::*;
use std::sync::Arc;

#[test]
fn known_and_unknown_functions() {
    for name in [
        "jsonencode",
        "cidrsubnet",
        "format",
        "timestamp",
        "sensitive",
        "file",
    ] {
        assert!(is_known_function(name), "{name}");
    }
    assert!(!is_known_function("try"));
    assert!(!is_known_function("can"));
    assert!(!is_known_function("no_such_function"));
    let v = ok("no_such_function", vec![s("a")]);
    assert!(is_unknown(&v));
    let v = ok("provider::aws::arn_parse", vec![s("arn:aws:s3:::b")]);
    assert!(is_unknown(&v));
    let t = ok("timestamp", vec![]);
    assert!(is_unknown_set(&t));
    assert!(is_unknown_set(&ok("uuid", vec![])));
    let h = ok("md5", vec![unk()]);
    assert!(is_unknown_set(&h) && has_test_ref(&h));
}

#[test]
fn sensitivity_marks() {
    let v = ok("sensitive", vec![s("x")]);
    assert!(v.sensitive);
    assert_eq!(v.as_str(), Some("x"));
    let v = ok("nonsensitive", vec![secret(s("x"))]);
    assert!(!v.sensitive);
    assert_eq!(ok("issensitive", vec![secret(s("x"))]), b(true));
    assert_eq!(ok("issensitive", vec![s("x")]), b(false));
    err("sensitive", vec![]);
    err("nonsensitive", vec![s("a"), s("b")]);
    // nonsensitive clears the top level only.
    let v = ok("nonsensitive", vec![secret(l(vec![secret(s("x"))]))]);
    assert!(!v.sensitive && v.as_list().is_some_and(|i| i[0].sensitive));
    // Unknown results keep the mark too.
    assert!(ok("upper", vec![secret(unk())]).sensitive);
}

#[test]
fn results_have_no_span() {
    let span = crate::source::Span::new(crate::source::FileId(0), 1..4);
    let v = ok(
        "lookup",
        vec![o(vec![("a", s("x").with_span(span))]), s("a")],
    );
    assert_eq!(v.span, None);
    let v = ok("tostring", vec![s("x").with_span(span)]);
    assert_eq!(v.span, None);
    // Elements passed through keep where they were set.
    let v = ok("concat", vec![l(vec![s("x").with_span(span)])]);
    assert_eq!(v.as_list().and_then(|i| i[0].span), Some(span));
}

#[test]
fn errors_name_the_function() {
    let e = err("upper", vec![]);
    assert!(e.starts_with("upper: "), "{e}");
}

/// A pool of arguments meant to reach most code paths of most functions.
fn pool() -> Vec<Value> {
    vec![
        s(""),
        s("10.0.0.0/8"),
        s("%s-%d"),
        s("/(a)/"),
        n(2.0),
        n(-1.5),
        b(true),
        null(),
        unk(),
        sl(&["a", "b"]),
        l(vec![n(1.0), unk(), secret(s("x"))]),
        o(vec![("a", sl(&["x"])), ("b", n(1.0))]),
    ]
}

#[test]
fn every_function_survives_a_battery_of_arguments() {
    let host = MockHost::with(&[("hello.txt", "Hello")]);
    let pool = pool();
    for name in all_names() {
        let _ = call(name, &[], &host);
        for a in &pool {
            let _ = call(name, std::slice::from_ref(a), &host);
            for b in &pool {
                let _ = call(name, &[a.clone(), b.clone()], &host);
                for c in &pool {
                    let r = call(name, &[a.clone(), b.clone(), c.clone()], &host);
                    if let Ok(v) = r {
                        assert_eq!(v.span, None, "{name}");
                    }
                }
            }
        }
    }
}

fn arb_string() -> impl Strategy<Value = String> {
    prop_oneof![
        "[a-z0-9 ,./%:-]{0,8}",
        any::<String>().prop_map(|s| s.chars().take(12).collect()),
        prop::sample::select(vec![
            "%s",
            "%d %s",
            "%v",
            "%#v",
            "%05.2f",
            "%[2]s",
            "10.0.0.0/8",
            "fd00::/64",
            "a,b\n1,2",
            "/a/",
            "(a)",
            "(?P<x>a)",
            "{\"a\":1}",
            "a: [1, 2]",
            "true",
            "1",
            "-1",
            "hello.txt",
        ])
        .prop_map(str::to_string),
    ]
}

fn arb_value() -> impl Strategy<Value = Value> {
    let leaf = prop_oneof![
        Just(Value::null()),
        any::<bool>().prop_map(Value::bool),
        (-40i32..40).prop_map(|i| Value::number(i as f64)),
        any::<f64>()
            .prop_filter("finite", |f| f.is_finite())
            .prop_map(Value::number),
        arb_string().prop_map(Value::string),
        Just(Value::unknown("u")),
        Just(Value::unknown_ref(
            "u",
            true,
            vec![Arc::from("aws_instance.a")]
        )),
    ];
    let tree = leaf.prop_recursive(3, 24, 4, |inner| {
        prop_oneof![
            prop::collection::vec(inner.clone(), 0..4).prop_map(Value::list),
            prop::collection::btree_map("[a-c]{1,2}", inner, 0..4).prop_map(|m| {
                Value::object(
                    m.into_iter()
                        .map(|(k, v)| (Arc::from(k.as_str()), v))
                        .collect(),
                )
            }),
        ]
    });
    (tree, any::<bool>()).prop_map(|(v, sens)| v.mark_sensitive(sens))
}

fn arb_known() -> impl Strategy<Value = Value> {
    let leaf = prop_oneof![
        Just(Value::null()),
        any::<bool>().prop_map(Value::bool),
        (-1_000_000i64..1_000_000).prop_map(|i| Value::number(i as f64)),
        (-1_000_000i64..1_000_000).prop_map(|i| Value::number(i as f64 / 1000.0)),
        prop::sample::select(vec![1e300, -1e-300, 1e21, 9.007_199_254_740_993e15, 0.1])
            .prop_map(Value::number),
        any::<String>().prop_map(|s| Value::string(s.chars().take(16).collect::<String>())),
    ];
    leaf.prop_recursive(3, 24, 4, |inner| {
        prop_oneof![
            prop::collection::vec(inner.clone(), 0..4).prop_map(Value::list),
            prop::collection::btree_map(any::<String>(), inner, 0..4).prop_map(|m| {
                Value::object(
                    m.into_iter()
                        .map(|(k, v)| (Arc::from(k.as_str()), v))
                        .collect::<Map>(),
                )
            }),
        ]
    })
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(2_000))]

    #[test]
    fn no_function_panics(
        idx in 0..all_names().len(),
        args in prop::collection::vec(arb_value(), 0..4),
    ) {
        let host = MockHost::with(&[("hello.txt", "Hello")]);
        let name = all_names()[idx];
        if let Ok(v) = call(name, &args, &host) {
            prop_assert_eq!(v.span, None);
            if args.iter().any(|a| a.sensitive) && name != "nonsensitive" && name != "issensitive" {
                prop_assert!(v.sensitive, "{} lost the mark", name);
            }
        }
    }

    #[test]
    fn json_round_trip(v in arb_known()) {
        let enc = ok("jsonencode", vec![v.clone()]);
        prop_assert!(enc.as_str().is_some());
        prop_assert_eq!(ok("jsondecode", vec![enc]), v);
    }

    #[test]
    fn yaml_round_trip(v in arb_known()) {
        let enc = ok("yamlencode", vec![v.clone()]);
        prop_assert!(enc.as_str().is_some());
        prop_assert_eq!(ok("yamldecode", vec![enc]), v);
    }
}

#[test]
fn shared_structure_is_walked_once() {
    // 2^60 paths through 60 shared levels: marks, refs and equality must not walk them all.
    let mut v = unk();
    for _ in 0..60 {
        v = l(vec![v.clone(), v]);
    }
    let out = ok("length", vec![v.clone()]);
    assert_eq!(out, n(2.0));
    assert!(is_unknown_set(&ok("distinct", vec![v.clone()])));
    assert!(is_unknown_set(&ok("contains", vec![v.clone(), v.clone()])));
    assert!(f("jsonencode", vec![v.clone()]).is_err());
    let _ = f("flatten", vec![v.clone()]);
    let _ = f("tolist", vec![v]);
}

#[test]
fn deep_values_fit_a_small_stack() {
    // Rayon's worker threads have 2 MiB stacks; encoders and walks must not recurse per level
    // beyond what fits there, even in a debug build.
    let r = std::thread::Builder::new()
        .stack_size(2 << 20)
        .spawn(|| {
            for depth in [990, 1_100] {
                let mut deep = n(1.0);
                for _ in 0..depth {
                    deep = l(vec![o(vec![("k", deep)])]);
                }
                for name in [
                    "jsonencode",
                    "yamlencode",
                    "flatten",
                    "length",
                    "tolist",
                    "distinct",
                ] {
                    let _ = f(name, vec![deep.clone()]);
                }
                let _ = f("contains", vec![l(vec![deep.clone()]), deep.clone()]);
                let _ = f("format", vec![s("%#v"), deep.clone()]);
            }
        })
        .map(|h| h.join().is_ok());
    assert_eq!(r.ok(), Some(true));
}

#[test]
fn edge_cases() {
    assert_eq!(ok("yamldecode", vec![s("")]), null());
    assert_eq!(ok("jsondecode", vec![n(1.0)]), n(1.0));
    assert_eq!(ok("format", vec![s("%v"), n(1e6)]), s("1e+06"));
    assert_eq!(ok("format", vec![s("%s"), n(1e6)]), s("1000000"));
    assert_eq!(
        ok("upper", vec![secret(unk())])
            .as_unknown()
            .map(|u| u.non_null),
        Some(true)
    );
    // A partly known policy stays readable through merge and jsonencode.
    let stmt = ok(
        "merge",
        vec![
            o(vec![("Effect", s("Allow"))]),
            o(vec![("Resource", unk())]),
        ],
    );
    let enc = ok("jsonencode", vec![o(vec![("Statement", l(vec![stmt]))])]);
    let policy = enc.decoded_json().unwrap_or_default();
    assert_eq!(
        policy
            .get("Statement")
            .and_then(|s| s.as_list())
            .and_then(|s| s[0].get("Effect"))
            .and_then(|e| e.as_str()),
        Some("Allow")
    );
}
