//! String functions: case, trimming, substrings, joining and splitting, regular expressions.
//! Lengths and offsets count Unicode characters.

use super::{check_elements, check_string, deep, to_str, Call, Entry, MAX_PATTERN, R};
use crate::value::{Kind, Map, Value};
use regex::{Captures, Regex, RegexBuilder};
use std::sync::Arc;

pub(crate) const FUNCTIONS: &[Entry] = &[
    deep("lower", lower),
    deep("upper", upper),
    deep("title", title),
    deep("trimspace", trimspace),
    deep("trim", trim),
    deep("trimprefix", trimprefix),
    deep("trimsuffix", trimsuffix),
    deep("chomp", chomp),
    deep("substr", substr),
    deep("startswith", startswith),
    deep("endswith", endswith),
    deep("strcontains", strcontains),
    deep("strrev", strrev),
    deep("indent", indent),
    deep("join", join),
    deep("split", split),
    deep("replace", replace),
    deep("regex", regex),
    deep("regexall", regexall),
];

/// A function of `n` string arguments whose result is unknown (and set) when any is unknown.
fn simple(c: &Call, n: usize, f: impl FnOnce(&[Arc<str>]) -> R) -> R {
    c.arity(n, n)?;
    if let Some(u) = c.unknown_if_any(true) {
        return Ok(u);
    }
    let args = (0..n).map(|i| c.str(i)).collect::<Result<Vec<_>, _>>()?;
    f(&args)
}

fn lower(c: &Call) -> R {
    simple(c, 1, |a| Ok(Value::string(a[0].to_lowercase())))
}

fn upper(c: &Call) -> R {
    simple(c, 1, |a| Ok(Value::string(a[0].to_uppercase())))
}

/// Whether `ch` separates words for `title`: letters, digits and underscore do not; other
/// ASCII characters and spaces do.
fn is_separator(ch: char) -> bool {
    if ch.is_ascii() {
        return !(ch.is_ascii_alphanumeric() || ch == '_');
    }
    if ch.is_alphanumeric() {
        return false;
    }
    ch.is_whitespace()
}

fn title(c: &Call) -> R {
    simple(c, 1, |a| {
        let mut out = String::with_capacity(a[0].len());
        let mut prev_sep = true;
        for ch in a[0].chars() {
            if prev_sep && ch.is_alphabetic() {
                out.extend(ch.to_uppercase());
            } else {
                out.push(ch);
            }
            prev_sep = is_separator(ch);
        }
        Ok(Value::string(out))
    })
}

fn trimspace(c: &Call) -> R {
    simple(c, 1, |a| Ok(Value::string(a[0].trim())))
}

fn trim(c: &Call) -> R {
    simple(c, 2, |a| {
        let cutset = &a[1];
        Ok(Value::string(a[0].trim_matches(|ch| cutset.contains(ch))))
    })
}

fn trimprefix(c: &Call) -> R {
    simple(c, 2, |a| {
        Ok(Value::string(a[0].strip_prefix(&*a[1]).unwrap_or(&a[0])))
    })
}

fn trimsuffix(c: &Call) -> R {
    simple(c, 2, |a| {
        Ok(Value::string(a[0].strip_suffix(&*a[1]).unwrap_or(&a[0])))
    })
}

fn chomp(c: &Call) -> R {
    simple(c, 1, |a| {
        Ok(Value::string(a[0].trim_end_matches(['\n', '\r'])))
    })
}

fn substr(c: &Call) -> R {
    c.arity(3, 3)?;
    if let Some(u) = c.unknown_if_any(true) {
        return Ok(u);
    }
    let s = c.str(0)?;
    let offset = c.int(1)?;
    let length = c.int(2)?;
    let total = s.chars().count() as i64;
    let mut start = offset;
    if start < 0 {
        start = (start + total).max(0);
    }
    if start >= total {
        return Ok(Value::string(""));
    }
    let take = if length < 0 {
        total - start
    } else {
        length.min(total - start)
    };
    let out: String = s.chars().skip(start as usize).take(take as usize).collect();
    Ok(Value::string(out))
}

fn startswith(c: &Call) -> R {
    simple(c, 2, |a| Ok(Value::bool(a[0].starts_with(&*a[1]))))
}

fn endswith(c: &Call) -> R {
    simple(c, 2, |a| Ok(Value::bool(a[0].ends_with(&*a[1]))))
}

fn strcontains(c: &Call) -> R {
    simple(c, 2, |a| Ok(Value::bool(a[0].contains(&*a[1]))))
}

fn strrev(c: &Call) -> R {
    simple(c, 1, |a| {
        Ok(Value::string(a[0].chars().rev().collect::<String>()))
    })
}

fn indent(c: &Call) -> R {
    c.arity(2, 2)?;
    if let Some(u) = c.unknown_if_any(true) {
        return Ok(u);
    }
    let spaces = c.int(0)?;
    let s = c.str(1)?;
    if spaces < 0 {
        return Err("the number of spaces must not be negative".to_string());
    }
    let spaces = usize::try_from(spaces).unwrap_or(usize::MAX);
    check_string(spaces)?;
    let lines = s.matches('\n').count();
    check_string(s.len().saturating_add(lines.saturating_mul(spaces)))?;
    let pad = format!("\n{}", " ".repeat(spaces));
    Ok(Value::string(s.replace('\n', &pad)))
}

fn join(c: &Call) -> R {
    c.arity(2, None)?;
    if let Some(u) = c.unknown_if_any(true) {
        return Ok(u);
    }
    let sep = c.str(0)?;
    let mut out = String::new();
    let mut first = true;
    for i in 1..c.args.len() {
        for (j, item) in c.list(i)?.iter().enumerate() {
            match &item.kind {
                Kind::Unknown(_) => return Ok(c.unknown(true)),
                Kind::Null => return Err(format!("element {j} of list {i} is null")),
                _ => {}
            }
            let s = to_str(item).map_err(|e| format!("element {j} of list {i}: {e}"))?;
            let sep_len = if first { 0 } else { sep.len() };
            check_string(out.len() + sep_len + s.len())?;
            if !first {
                out.push_str(&sep);
            }
            out.push_str(&s);
            first = false;
        }
    }
    Ok(Value::string(out))
}

fn split(c: &Call) -> R {
    simple(c, 2, |a| {
        let (sep, s) = (&a[0], &a[1]);
        let parts: Vec<Value> = if sep.is_empty() {
            check_elements(s.chars().count())?;
            s.chars().map(|ch| Value::string(ch.to_string())).collect()
        } else {
            check_elements(s.matches(&**sep).count() + 1)?;
            s.split(&**sep).map(Value::string).collect()
        };
        Ok(Value::list(parts))
    })
}

fn replace(c: &Call) -> R {
    simple(c, 3, |a| {
        let (s, sub, rep) = (&a[0], &a[1], &a[2]);
        if sub.len() > 1 && sub.starts_with('/') && sub.ends_with('/') {
            let re = compile(&sub[1..sub.len() - 1])?;
            let mut out = String::new();
            let mut last = 0;
            for caps in re.captures_iter(s) {
                let Some(m) = caps.get(0) else { continue };
                out.push_str(&s[last..m.start()]);
                caps.expand(rep, &mut out);
                check_string(out.len())?;
                last = m.end();
            }
            out.push_str(&s[last..]);
            check_string(out.len())?;
            return Ok(Value::string(out));
        }
        let count = if sub.is_empty() {
            s.chars().count() + 1
        } else {
            s.matches(&**sub).count()
        };
        let size = (s.len() - count * sub.len()).saturating_add(count.saturating_mul(rep.len()));
        check_string(size)?;
        Ok(Value::string(s.replace(&**sub, rep)))
    })
}

/// Compiles a pattern in Terraform's (RE2) syntax, refusing oversized ones.
pub(crate) fn compile(pattern: &str) -> Result<Regex, String> {
    if pattern.len() > MAX_PATTERN {
        return Err(format!(
            "pattern of {} characters exceeds the limit of {MAX_PATTERN}",
            pattern.len()
        ));
    }
    RegexBuilder::new(pattern)
        .size_limit(10 << 20)
        .dfa_size_limit(10 << 20)
        .build()
        .map_err(|e| {
            let msg = e.to_string();
            let last = msg.lines().last().unwrap_or("").trim().to_string();
            format!("invalid regular expression: {last}")
        })
}

/// What a match of a pattern produces: the matched text, the list of its groups, or the
/// object of its named groups.
enum Shape {
    Whole,
    Unnamed(usize),
    Named(Vec<Arc<str>>),
}

fn shape(re: &Regex) -> Result<Shape, String> {
    let names: Vec<Option<&str>> = re.capture_names().skip(1).collect();
    if names.is_empty() {
        return Ok(Shape::Whole);
    }
    if names.iter().all(Option::is_none) {
        return Ok(Shape::Unnamed(names.len()));
    }
    if names.iter().all(Option::is_some) {
        return Ok(Shape::Named(
            names.into_iter().flatten().map(Arc::from).collect(),
        ));
    }
    Err("a pattern must not mix named and unnamed capture groups".to_string())
}

/// The value of one match; `size` counts the bytes produced so far, within the string limit.
fn match_value(shape: &Shape, caps: &Captures, size: &mut usize) -> Result<Value, String> {
    let mut group = |i: usize| -> Result<Value, String> {
        Ok(match caps.get(i) {
            Some(m) => {
                *size += m.as_str().len();
                check_string(*size)?;
                Value::string(m.as_str())
            }
            None => Value::null(),
        })
    };
    Ok(match shape {
        Shape::Whole => group(0)?,
        Shape::Unnamed(n) => Value::list((1..=*n).map(&mut group).collect::<Result<_, _>>()?),
        Shape::Named(names) => {
            let mut map = Map::new();
            for (i, name) in names.iter().enumerate() {
                map.insert(name.clone(), group(i + 1)?);
            }
            Value::object(map)
        }
    })
}

fn regex(c: &Call) -> R {
    c.arity(2, 2)?;
    if let Some(u) = c.unknown_if_any(true) {
        return Ok(u);
    }
    let re = compile(&c.str(0)?)?;
    let s = c.str(1)?;
    let shape = shape(&re)?;
    let caps = re
        .captures(&s)
        .ok_or("pattern did not match any part of the given string")?;
    match_value(&shape, &caps, &mut 0)
}

fn regexall(c: &Call) -> R {
    c.arity(2, 2)?;
    if let Some(u) = c.unknown_if_any(true) {
        return Ok(u);
    }
    let re = compile(&c.str(0)?)?;
    let s = c.str(1)?;
    let shape = shape(&re)?;
    let mut size = 0;
    let mut out = Vec::new();
    for caps in re.captures_iter(&s) {
        check_elements(out.len() + 1)?;
        out.push(match_value(&shape, &caps, &mut size)?);
    }
    Ok(Value::list(out))
}

#[cfg(test)]
mod tests {
    use super::super::testing::*;

    #[test]
    fn case_and_trim() {
        assert_eq!(ok("lower", vec![s("HELLO")]), s("hello"));
        assert_eq!(ok("upper", vec![s("hello")]), s("HELLO"));
        assert_eq!(ok("upper", vec![s("алло")]), s("АЛЛО"));
        assert_eq!(ok("title", vec![s("hello world")]), s("Hello World"));
        assert_eq!(ok("title", vec![s("hello-world_x")]), s("Hello-World_x"));
        assert_eq!(ok("trimspace", vec![s("  hello\n\n")]), s("hello"));
        assert_eq!(ok("trim", vec![s("?!hello?!"), s("!?")]), s("hello"));
        assert_eq!(ok("trim", vec![s("foobar"), s("far")]), s("oob"));
        assert_eq!(
            ok("trimprefix", vec![s("helloworld"), s("hello")]),
            s("world")
        );
        assert_eq!(
            ok("trimprefix", vec![s("helloworld"), s("cat")]),
            s("helloworld")
        );
        assert_eq!(
            ok("trimsuffix", vec![s("helloworld"), s("world")]),
            s("hello")
        );
        assert_eq!(ok("chomp", vec![s("hello\n")]), s("hello"));
        assert_eq!(ok("chomp", vec![s("hello\r\n")]), s("hello"));
        assert_eq!(ok("chomp", vec![s("hello\n\n")]), s("hello"));
        assert_eq!(ok("strrev", vec![s("hello")]), s("olleh"));
        assert_eq!(ok("strrev", vec![s("a☃b")]), s("b☃a"));
        // Numbers convert to strings.
        assert_eq!(ok("upper", vec![n(12.0)]), s("12"));
    }

    #[test]
    fn substrings() {
        assert_eq!(
            ok("substr", vec![s("hello world"), n(1.0), n(4.0)]),
            s("ello")
        );
        assert_eq!(ok("substr", vec![s("🤔🤷"), n(0.0), n(1.0)]), s("🤔"));
        assert_eq!(
            ok("substr", vec![s("hello world"), n(-5.0), n(-1.0)]),
            s("world")
        );
        assert_eq!(
            ok("substr", vec![s("hello world"), n(6.0), n(10.0)]),
            s("world")
        );
        assert_eq!(ok("substr", vec![s("abc"), n(10.0), n(1.0)]), s(""));
        assert_eq!(ok("substr", vec![s("abc"), n(-10.0), n(2.0)]), s("ab"));
        err("substr", vec![s("abc"), n(0.5), n(1.0)]);
        assert_eq!(
            ok("startswith", vec![s("hello world"), s("hello")]),
            b(true)
        );
        assert_eq!(
            ok("startswith", vec![s("hello world"), s("world")]),
            b(false)
        );
        assert_eq!(ok("endswith", vec![s("hello world"), s("world")]), b(true));
        assert_eq!(ok("strcontains", vec![s("hello world"), s("wor")]), b(true));
        assert_eq!(
            ok("strcontains", vec![s("hello world"), s("wod")]),
            b(false)
        );
    }

    #[test]
    fn join_split_indent() {
        assert_eq!(
            ok("join", vec![s(", "), sl(&["foo", "bar", "baz"])]),
            s("foo, bar, baz")
        );
        assert_eq!(ok("join", vec![s(", "), sl(&["foo"])]), s("foo"));
        assert_eq!(
            ok("join", vec![s("-"), sl(&["a"]), sl(&["b", "c"])]),
            s("a-b-c")
        );
        assert_eq!(ok("join", vec![s(","), nl(&[1.0, 2.5])]), s("1,2.5"));
        err("join", vec![s(","), l(vec![null()])]);
        err("join", vec![s(",")]);
        assert_eq!(
            ok("split", vec![s(","), s("foo,bar,baz")]),
            sl(&["foo", "bar", "baz"])
        );
        assert_eq!(ok("split", vec![s(","), s("foo")]), sl(&["foo"]));
        assert_eq!(ok("split", vec![s(","), s("")]), sl(&[""]));
        assert_eq!(ok("split", vec![s(""), s("ab")]), sl(&["a", "b"]));
        assert_eq!(ok("indent", vec![n(2.0), s("a\nb\n")]), s("a\n  b\n  "));
        err("indent", vec![n(-1.0), s("a")]);
    }

    #[test]
    fn replace_plain_and_regex() {
        assert_eq!(
            ok("replace", vec![s("1 + 2 + 3"), s("+"), s("-")]),
            s("1 - 2 - 3")
        );
        assert_eq!(
            ok(
                "replace",
                vec![s("hello world"), s("/w.*d/"), s("everybody")]
            ),
            s("hello everybody")
        );
        assert_eq!(
            ok("replace", vec![s("a1b22"), s("/([a-z])(\\d+)/"), s("$2$1")]),
            s("1a22b")
        );
        assert_eq!(ok("replace", vec![s("abc"), s(""), s("-")]), s("-a-b-c-"));
        err("replace", vec![s("x"), s("/(/"), s("y")]);
    }

    #[test]
    fn regexes() {
        assert_eq!(
            ok(
                "regex",
                vec![s("[a-z]+"), s("53453453.345345aaabbbccc23454")]
            ),
            s("aaabbbccc")
        );
        assert_eq!(
            ok(
                "regex",
                vec![s("(\\d\\d\\d\\d)-(\\d\\d)-(\\d\\d)"), s("2019-02-01")]
            ),
            sl(&["2019", "02", "01"])
        );
        assert_eq!(
            ok(
                "regex",
                vec![
                    s("^(?:(?P<scheme>[^:/?#]+):)?(?://(?P<authority>[^/?#]*))?"),
                    s("https://terraform.io/docs/")
                ]
            ),
            o(vec![
                ("authority", s("terraform.io")),
                ("scheme", s("https"))
            ])
        );
        assert_eq!(
            ok("regex", vec![s("(a)|(b)"), s("b")]),
            l(vec![null(), s("b")])
        );
        assert!(err("regex", vec![s("[a-z]+"), s("123")]).contains("did not match"));
        assert!(err("regex", vec![s("(?P<x>a)(b)"), s("ab")]).contains("mix"));
        err("regex", vec![s("("), s("a")]);
        assert_eq!(
            ok("regexall", vec![s("[a-z]+"), s("1234abcd5678efgh9")]),
            sl(&["abcd", "efgh"])
        );
        assert_eq!(ok("regexall", vec![s("[a-z]+"), s("123456789")]), l(vec![]));
        assert_eq!(
            ok("regexall", vec![s("(\\w)=(\\d)"), s("a=1 b=2")]),
            l(vec![sl(&["a", "1"]), sl(&["b", "2"])])
        );
    }

    #[test]
    fn unknown_and_sensitive() {
        for name in ["lower", "upper", "title", "trimspace", "chomp", "strrev"] {
            let v = ok(name, vec![unk()]);
            assert!(is_unknown_set(&v) && has_test_ref(&v), "{name}");
            assert!(ok(name, vec![secret(s("x"))]).sensitive, "{name}");
        }
        assert!(is_unknown_set(&ok(
            "join",
            vec![s(","), l(vec![s("a"), unk()])]
        )));
        assert!(is_unknown_set(&ok("split", vec![s(","), unk()])));
        assert!(is_unknown_set(&ok("regex", vec![unk(), s("x")])));
        assert!(ok("join", vec![s(","), l(vec![secret(s("a"))])]).sensitive);
        assert!(ok("replace", vec![secret(s("a")), s("a"), s("b")]).sensitive);
        assert!(!ok("replace", vec![s("a"), s("a"), s("b")]).sensitive);
    }

    #[test]
    fn errors_and_limits() {
        err("lower", vec![]);
        err("lower", vec![s("a"), s("b")]);
        err("lower", vec![null()]);
        err("lower", vec![sl(&["a"])]);
        let big = "a".repeat(1 << 20);
        // 1 MiB of "a" each replaced by 100 bytes would be 100 MiB.
        assert!(err("replace", vec![s(&big), s("a"), s(&"b".repeat(100))]).contains("limit"));
        assert!(err("replace", vec![s(&big), s("/a/"), s(&"b".repeat(100))]).contains("limit"));
        assert!(err("indent", vec![n(100.0), s(&"\n".repeat(1 << 20))]).contains("limit"));
        assert!(err("regex", vec![s(&"a".repeat(10_001)), s("a")]).contains("limit"));
        let many = l(vec![s(&big); 20]);
        assert!(err("join", vec![s(","), many]).contains("limit"));
        assert!(err("split", vec![s(""), s(&"ab".repeat(600_000))]).contains("limit"));
        let caps = format!("{}a{}", "(".repeat(100), ")".repeat(100));
        // 100 nested groups over a long match: within bounds or refused, never unbounded.
        let _ = f(
            "regex",
            vec![s(&caps.replace('a', "a*")), s(&"a".repeat(1 << 16))],
        );
    }
}
