//! `format` and `formatlist`: printf-style formatting with Terraform's verbs (`%s %d %f %t %v
//! %#v %q %b %o %x %X %e %E %g %G %%`), flags (`-+ 0#`), widths, precisions and explicit
//! argument indexes (`%[2]s`).

use super::encoding::encode_json;
use super::{
    check_elements, deep, to_bool, to_num, to_str, unknown_from, Call, Entry, MAX_STRING, R,
};
use crate::value::{Kind, Value};

pub(crate) const FUNCTIONS: &[Entry] = &[deep("format", format), deep("formatlist", formatlist)];

/// Widest field and longest precision a verb may ask for.
const MAX_WIDTH: usize = 10_000;

fn format(c: &Call) -> R {
    c.arity(1, None)?;
    if let Some(u) = c.unknown_if_any(true) {
        return Ok(u);
    }
    let spec = c.str(0)?;
    let mut budget = MAX_STRING;
    Ok(match render(&spec, &c.args[1..], &mut budget)? {
        Some(s) => Value::string(s),
        None => c.unknown(true),
    })
}

fn formatlist(c: &Call) -> R {
    c.arity(1, None)?;
    if let Some(u) = c.unknown_if_any(true) {
        return Ok(u);
    }
    let spec = c.str(0)?;
    let args = &c.args[1..];
    let mut len: Option<usize> = None;
    for (i, a) in args.iter().enumerate() {
        if let Kind::List(items) = &a.kind {
            match len {
                None => len = Some(items.len()),
                Some(m) if m != items.len() => {
                    return Err(format!(
                        "argument {} has length {}, but earlier lists have length {m}",
                        i + 2,
                        items.len()
                    ))
                }
                Some(_) => {}
            }
        }
    }
    let len = len.unwrap_or(1);
    check_elements(len)?;
    let mut budget = MAX_STRING;
    let mut out = Vec::with_capacity(len);
    for i in 0..len {
        let row: Vec<Value> = args
            .iter()
            .map(|a| match &a.kind {
                Kind::List(items) => items[i].clone(),
                _ => a.clone(),
            })
            .collect();
        let why = || "formatlist() element depends on a value known only after apply".to_string();
        if row.iter().any(|v| !v.is_known()) {
            out.push(unknown_from(&row, true, why()));
            continue;
        }
        out.push(match render(&spec, &row, &mut budget)? {
            Some(s) => Value::string(s).mark_sensitive(row.iter().any(|v| v.sensitive)),
            None => unknown_from(&row, true, why()),
        });
    }
    Ok(Value::list(out))
}

#[derive(Default, Debug)]
struct Spec {
    minus: bool,
    plus: bool,
    space: bool,
    zero: bool,
    sharp: bool,
    width: Option<usize>,
    prec: Option<usize>,
}

/// Formats `args` by `spec`; None when a value to format is partly unknown. `budget` is the
/// number of bytes still allowed, shared by the calls of one `formatlist`.
fn render(spec: &str, args: &[Value], budget: &mut usize) -> Result<Option<String>, String> {
    let chars: Vec<char> = spec.chars().collect();
    let mut out = String::new();
    let mut next = 0usize;
    let mut used = 0usize;
    let mut i = 0;
    while i < chars.len() {
        let ch = chars[i];
        i += 1;
        if ch != '%' {
            out.push(ch);
            continue;
        }
        let mut sp = Spec::default();
        while let Some(&f) = chars.get(i) {
            match f {
                '-' => sp.minus = true,
                '+' => sp.plus = true,
                ' ' => sp.space = true,
                '0' => sp.zero = true,
                '#' => sp.sharp = true,
                _ => break,
            }
            i += 1;
        }
        if let Some(idx) = parse_index(&chars, &mut i)? {
            next = idx;
        }
        sp.width = parse_num(&chars, &mut i)?;
        if chars.get(i) == Some(&'.') {
            i += 1;
            sp.prec = Some(parse_num(&chars, &mut i)?.unwrap_or(0));
        }
        if let Some(idx) = parse_index(&chars, &mut i)? {
            next = idx;
        }
        let verb = *chars
            .get(i)
            .ok_or("format string ends in the middle of a verb")?;
        i += 1;
        if verb == '%' {
            out.push('%');
            continue;
        }
        let arg = args.get(next).ok_or_else(|| {
            format!(
                "not enough arguments for %{verb}: it needs argument {}, but {} given",
                next + 1,
                args.len()
            )
        })?;
        next += 1;
        used = used.max(next);
        let Some(piece) = format_one(&sp, verb, arg)? else {
            return Ok(None);
        };
        if out.len() + piece.len() > *budget {
            return Err(format!("result exceeds the limit of {MAX_STRING} bytes"));
        }
        out.push_str(&piece);
    }
    if used < args.len() {
        return Err(format!(
            "too many arguments; only {used} used by the format string"
        ));
    }
    *budget -= out.len();
    Ok(Some(out))
}

/// `[n]` (one-based) at `i`, as a zero-based index.
fn parse_index(chars: &[char], i: &mut usize) -> Result<Option<usize>, String> {
    if chars.get(*i) != Some(&'[') {
        return Ok(None);
    }
    *i += 1;
    let n = parse_num(chars, i)?.ok_or("missing argument index after [")?;
    if chars.get(*i) != Some(&']') {
        return Err("unterminated argument index".to_string());
    }
    *i += 1;
    if n == 0 {
        return Err("argument indexes start at 1".to_string());
    }
    Ok(Some(n - 1))
}

fn parse_num(chars: &[char], i: &mut usize) -> Result<Option<usize>, String> {
    let mut n: Option<usize> = None;
    while let Some(d) = chars.get(*i).and_then(|c| c.to_digit(10)) {
        let v = n.unwrap_or(0) * 10 + d as usize;
        if v > MAX_WIDTH {
            return Err(format!(
                "width or precision exceeds the limit of {MAX_WIDTH}"
            ));
        }
        n = Some(v);
        *i += 1;
    }
    Ok(n)
}

fn format_one(sp: &Spec, verb: char, arg: &Value) -> Result<Option<String>, String> {
    if arg.is_null() && verb != 'v' {
        return Err(format!("null value cannot be formatted with %{verb}"));
    }
    let conv = |e: String| format!("invalid value for %{verb}: {e}");
    Ok(Some(match verb {
        'v' => match &arg.kind {
            _ if sp.sharp => match encode_json(arg)? {
                Some(j) => pad(j, sp, false),
                None => return Ok(None),
            },
            Kind::String(_) => return format_one(sp, 's', arg),
            Kind::Number(_) => return format_one(sp, 'g', arg),
            Kind::Bool(_) => return format_one(sp, 't', arg),
            Kind::Null => pad("null".to_string(), sp, false),
            _ => match encode_json(arg)? {
                Some(j) => pad(j, sp, false),
                None => return Ok(None),
            },
        },
        's' => {
            let s = to_str(arg).map_err(conv)?;
            let s: String = match sp.prec {
                Some(p) => s.chars().take(p).collect(),
                None => s.to_string(),
            };
            pad(s, sp, false)
        }
        'q' => {
            let s = to_str(arg).map_err(conv)?;
            pad(super::encoding::quote_json(&s), sp, false)
        }
        't' => {
            let b = to_bool(arg).map_err(conv)?;
            pad(b.to_string(), sp, false)
        }
        'd' | 'b' | 'o' | 'x' | 'X' => integer(to_num(arg).map_err(conv)?, sp, verb)?,
        'e' | 'E' | 'f' | 'F' | 'g' | 'G' => float(to_num(arg).map_err(conv)?, sp, verb),
        _ => return Err(format!("unsupported format verb %{verb}")),
    }))
}

/// Pads to the width: spaces on the left, on the right with `-`, zeros with `0` (after the sign
/// and base prefix of a number).
fn pad(s: String, sp: &Spec, numeric: bool) -> String {
    let len = s.chars().count();
    let Some(width) = sp.width.filter(|w| *w > len) else {
        return s;
    };
    let fill = width - len;
    if sp.minus {
        return s + &" ".repeat(fill);
    }
    if sp.zero {
        if numeric {
            let head = numeric_head(&s);
            return format!("{}{}{}", &s[..head], "0".repeat(fill), &s[head..]);
        }
        return "0".repeat(fill) + &s;
    }
    " ".repeat(fill) + &s
}

/// Length of the sign and base prefix at the start of a formatted number.
fn numeric_head(s: &str) -> usize {
    let mut i = 0;
    if s.starts_with(['+', '-', ' ']) {
        i = 1;
    }
    for prefix in ["0x", "0X", "0b"] {
        if s[i..].starts_with(prefix) {
            return i + 2;
        }
    }
    i
}

fn sign(neg: bool, sp: &Spec) -> &'static str {
    if neg {
        "-"
    } else if sp.plus {
        "+"
    } else if sp.space {
        " "
    } else {
        ""
    }
}

fn integer(n: f64, sp: &Spec, verb: char) -> Result<String, String> {
    if n.fract() != 0.0 {
        return Err(format!(
            "invalid value for %{verb}: {} is not a whole number",
            crate::value::format_number(n)
        ));
    }
    let mag = n.abs();
    if mag >= 3.4e38 {
        return Err(format!("invalid value for %{verb}: number is too large"));
    }
    let m = mag as u128;
    let mut digits = match verb {
        'b' => format!("{m:b}"),
        'o' => format!("{m:o}"),
        'x' => format!("{m:x}"),
        'X' => format!("{m:X}"),
        _ => format!("{m}"),
    };
    if let Some(p) = sp.prec {
        if digits.len() < p {
            digits = "0".repeat(p - digits.len()) + &digits;
        }
    }
    let prefix = match verb {
        'b' if sp.sharp => "0b",
        'o' if sp.sharp && !digits.starts_with('0') => "0",
        'x' if sp.sharp => "0x",
        'X' if sp.sharp => "0X",
        _ => "",
    };
    let s = format!("{}{prefix}{digits}", sign(n < 0.0, sp));
    if sp.prec.is_some() {
        // A precision turns zero padding off, as in Go.
        let no_zero = Spec {
            zero: false,
            width: sp.width,
            minus: sp.minus,
            ..Spec::default()
        };
        return Ok(pad(s, &no_zero, true));
    }
    Ok(pad(s, sp, true))
}

/// Decimal digits of a positive number and the position of the decimal point: the value is
/// `0.d1d2d3... × 10^dp`. With `prec`, rounded to that many significant digits; without, the
/// shortest digits that read back as the same number. Trailing zeros are dropped.
fn digits(mag: f64, prec: Option<usize>) -> (String, i32) {
    if mag == 0.0 {
        return ("0".to_string(), 1);
    }
    let e = match prec {
        Some(p) => format!("{:.*e}", p.max(1) - 1, mag),
        None => format!("{mag:e}"),
    };
    let (mant, exp) = e.split_once('e').unwrap_or((&e, "0"));
    let exp: i32 = exp.parse().unwrap_or(0);
    let mut d: String = mant.chars().filter(char::is_ascii_digit).collect();
    while d.len() > 1 && d.ends_with('0') {
        d.pop();
    }
    (d, exp + 1)
}

/// `d.ddde±XX` from digits.
fn exp_form(d: &str, dp: i32, upper: bool) -> String {
    let mut s = d[..1].to_string();
    if d.len() > 1 {
        s.push('.');
        s.push_str(&d[1..]);
    }
    let exp = dp - 1;
    let e = if upper { 'E' } else { 'e' };
    let sign = if exp < 0 { '-' } else { '+' };
    format!("{s}{e}{sign}{:02}", exp.abs())
}

/// Plain decimal form from digits.
fn plain_form(d: &str, dp: i32) -> String {
    let nd = d.len() as i32;
    if dp <= 0 {
        format!("0.{}{d}", "0".repeat((-dp) as usize))
    } else if dp >= nd {
        format!("{d}{}", "0".repeat((dp - nd) as usize))
    } else {
        format!("{}.{}", &d[..dp as usize], &d[dp as usize..])
    }
}

/// Go's `%g`: exponent form for large and small exponents, plain otherwise.
pub(crate) fn general(mag: f64, prec: Option<usize>, upper: bool) -> String {
    let (d, dp) = digits(mag, prec);
    let nd = d.len() as i32;
    let eprec = match prec {
        None => 6,
        Some(p) => {
            let p = p.max(1) as i32;
            if p > nd && nd >= dp {
                nd
            } else {
                p
            }
        }
    };
    let exp = dp - 1;
    if exp < -4 || exp >= eprec {
        exp_form(&d, dp, upper)
    } else {
        plain_form(&d, dp)
    }
}

fn float(n: f64, sp: &Spec, verb: char) -> String {
    let mag = n.abs();
    let body = match verb {
        'f' | 'F' => format!("{:.*}", sp.prec.unwrap_or(6), mag),
        'e' | 'E' => {
            let s = format!("{:.*e}", sp.prec.unwrap_or(6), mag);
            let (mant, exp) = s.split_once('e').unwrap_or((&s, "0"));
            let exp: i32 = exp.parse().unwrap_or(0);
            let e = if verb == 'E' { 'E' } else { 'e' };
            let sign = if exp < 0 { '-' } else { '+' };
            format!("{mant}{e}{sign}{:02}", exp.abs())
        }
        _ => general(mag, sp.prec, verb == 'G'),
    };
    pad(format!("{}{body}", sign(n < 0.0, sp)), sp, true)
}

#[cfg(test)]
mod tests {
    use super::super::testing::*;

    fn fmt(spec: &str, args: Vec<crate::value::Value>) -> String {
        let mut all = vec![s(spec)];
        all.extend(args);
        ok("format", all)
            .as_str()
            .unwrap_or("(not a string)")
            .to_string()
    }

    #[test]
    fn documented_examples() {
        assert_eq!(fmt("Hello, %s!", vec![s("Ander")]), "Hello, Ander!");
        assert_eq!(
            fmt("There are %d lights", vec![n(4.0)]),
            "There are 4 lights"
        );
        assert_eq!(fmt("%#v", vec![s("hello")]), "\"hello\"");
        assert_eq!(fmt("%#v", vec![b(true)]), "true");
        assert_eq!(fmt("%#v", vec![n(1.0)]), "1");
        assert_eq!(fmt("%#v", vec![o(vec![("a", n(1.0))])]), "{\"a\":1}");
        assert_eq!(fmt("%#v", vec![l(vec![b(true)])]), "[true]");
        assert_eq!(fmt("%#v", vec![null()]), "null");
        assert_eq!(fmt("%v", vec![null()]), "null");
    }

    #[test]
    fn verbs_and_flags() {
        assert_eq!(fmt("%d", vec![n(3.0)]), "3");
        assert_eq!(fmt("%d", vec![s("42")]), "42");
        assert_eq!(fmt("%05d", vec![n(42.0)]), "00042");
        assert_eq!(fmt("%05d", vec![n(-42.0)]), "-0042");
        assert_eq!(fmt("%+d", vec![n(5.0)]), "+5");
        assert_eq!(fmt("%-5d|", vec![n(7.0)]), "7    |");
        assert_eq!(fmt("%5s|", vec![s("ab")]), "   ab|");
        assert_eq!(fmt("%-10s|", vec![s("ab")]), "ab        |");
        assert_eq!(fmt("%.2s", vec![s("héllo")]), "hé");
        assert_eq!(fmt("%f", vec![n(3.0)]), "3.000000");
        assert_eq!(fmt("%.2f", vec![n(1.23456)]), "1.23");
        assert_eq!(fmt("%8.2f|", vec![n(1.23456)]), "    1.23|");
        assert_eq!(fmt("%08.2f", vec![n(-1.23456)]), "-0001.23");
        assert_eq!(fmt("%t", vec![b(false)]), "false");
        assert_eq!(fmt("%t", vec![s("true")]), "true");
        assert_eq!(fmt("%v", vec![n(1.5)]), "1.5");
        assert_eq!(fmt("%v", vec![n(3.0)]), "3");
        assert_eq!(fmt("%v", vec![s("x")]), "x");
        assert_eq!(fmt("%q", vec![s("a\"b")]), "\"a\\\"b\"");
        assert_eq!(fmt("%x", vec![n(255.0)]), "ff");
        assert_eq!(fmt("%X", vec![n(255.0)]), "FF");
        assert_eq!(fmt("%#x", vec![n(255.0)]), "0xff");
        assert_eq!(fmt("%#06x", vec![n(255.0)]), "0x00ff");
        assert_eq!(fmt("%o", vec![n(8.0)]), "10");
        assert_eq!(fmt("%b", vec![n(5.0)]), "101");
        assert_eq!(fmt("%e", vec![n(123456.0)]), "1.234560e+05");
        assert_eq!(fmt("%E", vec![n(0.000123)]), "1.230000E-04");
        assert_eq!(fmt("%g", vec![n(100000.0)]), "100000");
        assert_eq!(fmt("%g", vec![n(1000000.0)]), "1e+06");
        assert_eq!(fmt("%g", vec![n(0.0001)]), "0.0001");
        assert_eq!(fmt("%g", vec![n(0.00001)]), "1e-05");
        assert_eq!(fmt("%.3g", vec![n(1.23456)]), "1.23");
        assert_eq!(fmt("%g", vec![n(123.456)]), "123.456");
        assert_eq!(fmt("100%%", vec![]), "100%");
        assert_eq!(fmt("%[2]s %[1]s", vec![s("a"), s("b")]), "b a");
        assert_eq!(
            fmt("%s=%v", vec![s("k"), l(vec![n(1.0), s("x")])]),
            "k=[1,\"x\"]"
        );
    }

    #[test]
    fn errors() {
        err("format", vec![s("%d"), n(1.5)]);
        err("format", vec![s("%d")]);
        err("format", vec![s("%s"), null()]);
        err("format", vec![s("%s"), sl(&["a"])]);
        err("format", vec![s("%s"), s("a"), s("b")]);
        err("format", vec![s("%y"), s("a")]);
        err("format", vec![s("%"), s("a")]);
        err("format", vec![s("%t"), s("maybe")]);
        assert!(err("format", vec![s("%99999999s"), s("a")]).contains("limit"));
        err("format", vec![]);
    }

    #[test]
    fn unknown_and_sensitive() {
        let v = ok("format", vec![s("%s-%s"), s("a"), unk()]);
        assert!(is_unknown_set(&v) && has_test_ref(&v));
        assert!(is_unknown_set(&ok("format", vec![unk(), s("a")])));
        assert!(is_unknown_set(&ok("format", vec![s("%v"), l(vec![unk()])])));
        assert!(ok("format", vec![s("%s"), secret(s("a"))]).sensitive);
        assert!(ok("format", vec![s("%v"), l(vec![secret(s("a"))])]).sensitive);
    }

    #[test]
    fn formatlist_examples() {
        assert_eq!(
            ok(
                "formatlist",
                vec![
                    s("Hello, %s!"),
                    sl(&["Valentina", "Ander", "Olivia", "Sam"])
                ]
            ),
            sl(&[
                "Hello, Valentina!",
                "Hello, Ander!",
                "Hello, Olivia!",
                "Hello, Sam!"
            ])
        );
        assert_eq!(
            ok(
                "formatlist",
                vec![s("%s, %s!"), s("Salutations"), sl(&["Valentina", "Ander"])]
            ),
            sl(&["Salutations, Valentina!", "Salutations, Ander!"])
        );
        assert_eq!(ok("formatlist", vec![s("%s"), s("x")]), sl(&["x"]));
        err("formatlist", vec![s("%s%s"), sl(&["a"]), sl(&["a", "b"])]);
        let v = ok("formatlist", vec![s("%s"), l(vec![s("a"), unk()])]);
        let items = v.as_list().unwrap_or_default();
        assert_eq!(items[0], s("a"));
        assert!(is_unknown_set(&items[1]));
        assert!(is_unknown_set(&ok("formatlist", vec![s("%s"), unk()])));
        let big = s(&"x".repeat(1 << 20));
        let many = l(vec![big; 20]);
        assert!(err("formatlist", vec![s("%s"), many]).contains("limit"));
    }
}
