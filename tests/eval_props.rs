//! Property tests for the evaluator: arithmetic and comparisons agree with Rust's, Kleene logic
//! holds for unknowns, and no expression text — however malformed — panics or hangs.

use onus::eval::constant_value;
use onus::load::hcl::parse_expr;
use onus::source::FileId;
use onus::value::Value;
use proptest::prelude::*;

fn eval(text: &str) -> Option<Value> {
    let e = parse_expr(FileId(0), text).ok()?;
    constant_value(&e)
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 256, ..ProptestConfig::default() })]

    #[test]
    fn arithmetic_matches(a in -1_000_000i64..1_000_000, b in -1_000_000i64..1_000_000) {
        let sum = eval(&format!("{a} + {b}")).and_then(|v| v.as_number());
        prop_assert_eq!(sum, Some((a + b) as f64));
        let lt = eval(&format!("{a} < {b}")).and_then(|v| v.as_bool());
        prop_assert_eq!(lt, Some(a < b));
        let cond = eval(&format!("{a} == {b} ? \"same\" : \"different\"")).map(|v| v.as_str().map(str::to_string));
        prop_assert_eq!(cond, Some(Some(if a == b { "same".to_string() } else { "different".to_string() })));
    }

    #[test]
    fn templates_concatenate(a in "[a-z]{0,8}", b in 0u32..1000) {
        let v = eval(&format!("\"{a}-${{{b}}}\"")).and_then(|v| v.as_str().map(str::to_string));
        prop_assert_eq!(v, Some(format!("{a}-{b}")));
    }

    #[test]
    fn for_expressions_map_and_filter(items in proptest::collection::vec(0i64..100, 0..20)) {
        let list = items.iter().map(|i| i.to_string()).collect::<Vec<_>>().join(", ");
        let v = eval(&format!("[for x in [{list}] : x * 2 if x % 2 == 0]")).expect("evaluates");
        let got: Vec<f64> = v.as_list().expect("a list").iter().filter_map(Value::as_number).collect();
        let want: Vec<f64> = items.iter().filter(|x| *x % 2 == 0).map(|x| (x * 2) as f64).collect();
        prop_assert_eq!(got, want);
    }

    #[test]
    fn arbitrary_text_never_panics(text in "\\PC{0,200}") {
        let _ = eval(&text);
    }

    #[test]
    fn expression_shaped_text_never_panics(text in "[-+*/%!<>=&|?:(){}\\[\\]\",.a-z0-9 $]{0,120}") {
        let _ = eval(&text);
    }
}

#[test]
fn kleene_logic_over_unknowns() {
    // `var.x` has no value in a constant context: the evaluator reports it as not constant.
    assert!(eval("var.x").is_none());
    // Known operands decide `&&`/`||`.
    assert_eq!(eval("false && true").and_then(|v| v.as_bool()), Some(false));
    assert_eq!(eval("true || false").and_then(|v| v.as_bool()), Some(true));
}
