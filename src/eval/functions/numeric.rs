//! Numeric functions. Numbers are f64; a result that is not finite is an error.

use super::{deep, Call, Entry, R};
use crate::value::Value;

pub(crate) const FUNCTIONS: &[Entry] = &[
    deep("abs", abs),
    deep("ceil", ceil),
    deep("floor", floor),
    deep("signum", signum),
    deep("pow", pow),
    deep("log", log),
    deep("min", min),
    deep("max", max),
    deep("parseint", parseint),
];

fn finite(n: f64) -> R {
    if n.is_finite() {
        Ok(Value::number(n))
    } else {
        Err("the result is out of range".to_string())
    }
}

/// A function of `n` numbers, unknown (and set) when any argument is unknown.
fn numbers(c: &Call, min: usize, max: Option<usize>, f: impl FnOnce(&[f64]) -> R) -> R {
    c.arity(min, max)?;
    if let Some(u) = c.unknown_if_any(true) {
        return Ok(u);
    }
    let nums = (0..c.args.len())
        .map(|i| c.num(i))
        .collect::<Result<Vec<_>, _>>()?;
    f(&nums)
}

fn abs(c: &Call) -> R {
    numbers(c, 1, Some(1), |a| finite(a[0].abs()))
}

fn ceil(c: &Call) -> R {
    numbers(c, 1, Some(1), |a| finite(a[0].ceil()))
}

fn floor(c: &Call) -> R {
    numbers(c, 1, Some(1), |a| finite(a[0].floor()))
}

fn signum(c: &Call) -> R {
    numbers(c, 1, Some(1), |a| {
        finite(if a[0] > 0.0 {
            1.0
        } else if a[0] < 0.0 {
            -1.0
        } else {
            0.0
        })
    })
}

fn pow(c: &Call) -> R {
    numbers(c, 2, Some(2), |a| finite(a[0].powf(a[1])))
}

fn log(c: &Call) -> R {
    numbers(c, 2, Some(2), |a| finite(a[0].ln() / a[1].ln()))
}

fn min(c: &Call) -> R {
    numbers(c, 1, None, |a| {
        finite(a.iter().copied().fold(f64::INFINITY, f64::min))
    })
}

fn max(c: &Call) -> R {
    numbers(c, 1, None, |a| {
        finite(a.iter().copied().fold(f64::NEG_INFINITY, f64::max))
    })
}

/// Value of a digit in bases up to 62: for bases up to 36 letters of either case are 10–35;
/// above, lower case letters are 10–35 and upper case 36–61.
fn digit(ch: char, base: u32) -> Option<u32> {
    let d = match ch {
        '0'..='9' => ch as u32 - '0' as u32,
        'a'..='z' => ch as u32 - 'a' as u32 + 10,
        'A'..='Z' if base <= 36 => ch as u32 - 'A' as u32 + 10,
        'A'..='Z' => ch as u32 - 'A' as u32 + 36,
        _ => return None,
    };
    (d < base).then_some(d)
}

fn parseint(c: &Call) -> R {
    c.arity(2, 2)?;
    if let Some(u) = c.unknown_if_any(true) {
        return Ok(u);
    }
    let s = c.str(0)?;
    let base = c.int(1)?;
    if !(2..=62).contains(&base) {
        return Err(format!(
            "base must be a whole number between 2 and 62, not {base}"
        ));
    }
    let base = base as u32;
    let (neg, digits) = match s.strip_prefix('-') {
        Some(rest) => (true, rest),
        None => (false, s.strip_prefix('+').unwrap_or(&s)),
    };
    let invalid = || format!("cannot parse {s:?} as a base {base} integer");
    if digits.is_empty() {
        return Err(invalid());
    }
    let mut exact: Option<u128> = Some(0);
    let mut approx = 0.0f64;
    for ch in digits.chars() {
        let d = digit(ch, base).ok_or_else(invalid)?;
        exact = exact
            .and_then(|n| n.checked_mul(base as u128))
            .and_then(|n| n.checked_add(d as u128));
        approx = approx * base as f64 + d as f64;
    }
    let n = match exact {
        Some(e) => e as f64,
        None => approx,
    };
    finite(if neg { -n } else { n })
}

#[cfg(test)]
mod tests {
    use super::super::testing::*;

    #[test]
    fn arithmetic() {
        assert_eq!(ok("abs", vec![n(-12.4)]), n(12.4));
        assert_eq!(ok("abs", vec![n(0.0)]), n(0.0));
        assert_eq!(ok("ceil", vec![n(5.1)]), n(6.0));
        assert_eq!(ok("floor", vec![n(4.9)]), n(4.0));
        assert_eq!(ok("floor", vec![n(-4.1)]), n(-5.0));
        assert_eq!(ok("signum", vec![n(-13.0)]), n(-1.0));
        assert_eq!(ok("signum", vec![n(0.0)]), n(0.0));
        assert_eq!(ok("signum", vec![n(344.0)]), n(1.0));
        assert_eq!(ok("pow", vec![n(3.0), n(2.0)]), n(9.0));
        assert_eq!(ok("pow", vec![n(4.0), n(0.0)]), n(1.0));
        assert_eq!(ok("log", vec![n(16.0), n(2.0)]), n(4.0));
        assert_eq!(ok("min", vec![n(12.0), n(54.0), n(3.0)]), n(3.0));
        assert_eq!(ok("max", vec![n(12.0), n(54.0), n(3.0)]), n(54.0));
        assert_eq!(ok("max", vec![s("5"), n(3.0)]), n(5.0));
        err("min", vec![]);
        err("max", vec![s("x")]);
        err("pow", vec![n(10.0), n(400.0)]);
        err("log", vec![n(0.0), n(10.0)]);
        err("abs", vec![null()]);
        assert!(is_unknown_set(&ok("max", vec![n(1.0), unk()])));
        assert!(ok("abs", vec![secret(n(-1.0))]).sensitive);
    }

    #[test]
    fn parse_integers() {
        assert_eq!(ok("parseint", vec![s("100"), n(10.0)]), n(100.0));
        assert_eq!(ok("parseint", vec![s("FF"), n(16.0)]), n(255.0));
        assert_eq!(ok("parseint", vec![s("-10"), n(16.0)]), n(-16.0));
        assert_eq!(
            ok("parseint", vec![s("1011111011101111"), n(2.0)]),
            n(48879.0)
        );
        assert_eq!(ok("parseint", vec![s("aA"), n(62.0)]), n(656.0));
        err("parseint", vec![s("12"), n(1.0)]);
        err("parseint", vec![s("12"), n(63.0)]);
        err("parseint", vec![s("2"), n(2.0)]);
        err("parseint", vec![s(""), n(10.0)]);
        err("parseint", vec![s("0x10"), n(16.0)]);
        assert!(ok("parseint", vec![s(&"z".repeat(150)), n(36.0)]).is_known());
        assert!(f("parseint", vec![s(&"z".repeat(3000)), n(36.0)]).is_err());
        assert!(is_unknown_set(&ok("parseint", vec![unk(), n(10.0)])));
    }
}
