//! Filesystem functions. Files are read only through the [`FunctionHost`](super::FunctionHost),
//! which resolves and sandboxes paths; `basename` and `dirname` are pure path arithmetic with
//! `/` separators.

use super::encoding::{hex_of, sha256_bytes, sha512_bytes};
use super::{deep, Call, Entry, R};
use crate::value::Value;
use base64::engine::general_purpose::STANDARD;
use base64::Engine as _;

pub(crate) const FUNCTIONS: &[Entry] = &[
    deep("file", file),
    deep("fileexists", fileexists),
    deep("templatefile", templatefile),
    deep("templatestring", templatestring),
    deep("filebase64", filebase64),
    deep("filesha256", filesha256),
    deep("filesha512", filesha512),
    deep("filebase64sha256", filebase64sha256),
    deep("filebase64sha512", filebase64sha512),
    deep("basename", basename),
    deep("dirname", dirname),
];

fn file(c: &Call) -> R {
    c.arity(1, 1)?;
    if let Some(u) = c.unknown_if_any(true) {
        return Ok(u);
    }
    let path = c.str(0)?;
    Ok(Value::string(c.host.read_file(&path)?))
}

/// True when the host can read the file. A file it refuses (outside the scanned root, too
/// large) counts as absent.
fn fileexists(c: &Call) -> R {
    c.arity(1, 1)?;
    if let Some(u) = c.unknown_if_any(true) {
        return Ok(u);
    }
    let path = c.str(0)?;
    Ok(Value::bool(c.host.read_file(&path).is_ok()))
}

fn templatefile(c: &Call) -> R {
    c.arity(2, 2)?;
    if !c.arg(0).is_known() {
        return Ok(c.unknown(true));
    }
    let path = c.str(0)?;
    let text = c.host.read_file(&path)?;
    if !c.arg(1).is_known() {
        return Ok(c.unknown(true));
    }
    let vars = c.obj(1)?;
    c.host.render_template(&text, vars)
}

fn templatestring(c: &Call) -> R {
    c.arity(2, 2)?;
    if let Some(u) = c.unknown_if_any(true) {
        return Ok(u);
    }
    let text = c.str(0)?;
    let vars = c.obj(1)?;
    c.host.render_template(&text, vars)
}

/// A function of a file's contents. These mostly name build artifacts (archives for a
/// function's code) that need not exist when the configuration is scanned, so a file the host
/// cannot give is an unknown result, not an error.
fn of_file(c: &Call, f: impl FnOnce(&[u8]) -> String) -> R {
    c.arity(1, 1)?;
    if let Some(u) = c.unknown_if_any(true) {
        return Ok(u);
    }
    let path = c.str(0)?;
    Ok(match c.host.read_file(&path) {
        Ok(text) => Value::string(f(text.as_bytes())),
        Err(_) => c.unknown(true),
    })
}

fn filebase64(c: &Call) -> R {
    of_file(c, |b| STANDARD.encode(b))
}

fn filesha256(c: &Call) -> R {
    of_file(c, |b| hex_of(&sha256_bytes(b)))
}

fn filesha512(c: &Call) -> R {
    of_file(c, |b| hex_of(&sha512_bytes(b)))
}

fn filebase64sha256(c: &Call) -> R {
    of_file(c, |b| STANDARD.encode(sha256_bytes(b)))
}

fn filebase64sha512(c: &Call) -> R {
    of_file(c, |b| STANDARD.encode(sha512_bytes(b)))
}

/// The last element of a path, trailing slashes ignored; `.` for the empty path.
fn base(path: &str) -> String {
    if path.is_empty() {
        return ".".to_string();
    }
    let trimmed = path.trim_end_matches('/');
    if trimmed.is_empty() {
        return "/".to_string();
    }
    match trimmed.rfind('/') {
        Some(i) => trimmed[i + 1..].to_string(),
        None => trimmed.to_string(),
    }
}

/// The shortest path naming the same file by lexical processing: repeated slashes, `.` and
/// `name/..` removed.
fn clean(path: &str) -> String {
    let rooted = path.starts_with('/');
    let mut parts: Vec<&str> = Vec::new();
    for part in path.split('/') {
        match part {
            "" | "." => {}
            ".." => {
                if parts.last().is_some_and(|p| *p != "..") {
                    parts.pop();
                } else if !rooted {
                    parts.push("..");
                }
            }
            p => parts.push(p),
        }
    }
    let joined = parts.join("/");
    match (rooted, joined.is_empty()) {
        (true, _) => format!("/{joined}"),
        (false, true) => ".".to_string(),
        (false, false) => joined,
    }
}

/// All but the last element of a path, cleaned; `.` when there is no directory part.
fn dir(path: &str) -> String {
    match path.rfind('/') {
        Some(i) => clean(&path[..=i]),
        None => ".".to_string(),
    }
}

fn basename(c: &Call) -> R {
    c.arity(1, 1)?;
    if let Some(u) = c.unknown_if_any(true) {
        return Ok(u);
    }
    Ok(Value::string(base(&c.str(0)?)))
}

fn dirname(c: &Call) -> R {
    c.arity(1, 1)?;
    if let Some(u) = c.unknown_if_any(true) {
        return Ok(u);
    }
    Ok(Value::string(dir(&c.str(0)?)))
}

#[cfg(test)]
mod tests {
    use super::super::call;
    use super::super::testing::*;

    fn host() -> MockHost {
        MockHost::with(&[("hello.txt", "Hello World"), ("t.tpl", "hi ${name}!")])
    }

    #[test]
    fn files_through_the_host() {
        let h = host();
        assert_eq!(call("file", &[s("hello.txt")], &h), Ok(s("Hello World")));
        assert!(call("file", &[s("missing")], &h).is_err());
        assert_eq!(call("fileexists", &[s("hello.txt")], &h), Ok(b(true)));
        assert_eq!(call("fileexists", &[s("missing")], &h), Ok(b(false)));
        assert_eq!(
            call(
                "templatefile",
                &[s("t.tpl"), o(vec![("name", s("you"))])],
                &h
            ),
            Ok(s("hi you!"))
        );
        assert!(call("templatefile", &[s("t.tpl"), sl(&["x"])], &h).is_err());
        assert!(call("templatefile", &[s("missing"), o(vec![])], &h).is_err());
        let u = call("templatefile", &[s("t.tpl"), unk()], &h).unwrap_or_default();
        assert!(is_unknown_set(&u));
        assert_eq!(
            call(
                "templatestring",
                &[s("a ${name}"), o(vec![("name", s("b"))])],
                &h
            ),
            Ok(s("a b"))
        );
        assert_eq!(
            call("filebase64", &[s("hello.txt")], &h),
            Ok(s("SGVsbG8gV29ybGQ="))
        );
        assert_eq!(
            call("filesha256", &[s("hello.txt")], &h),
            Ok(s(
                "a591a6d40bf420404a011733cfb7b190d62c65bf0bcda32b57b277d9ad9f146e"
            ))
        );
        assert_eq!(
            call("filebase64sha256", &[s("hello.txt")], &h),
            Ok(s("pZGm1Av0IEBKARczz7exkNYsZb8LzaMrV7J32a2fFG4="))
        );
        let missing = call("filebase64sha256", &[s("build/lambda.zip")], &h).unwrap_or_default();
        assert!(is_unknown_set(&missing));
        assert!(is_unknown_set(
            &call("file", &[unk()], &h).unwrap_or_default()
        ));
        assert!(call("file", &[secret(s("hello.txt"))], &h).is_ok_and(|v| v.sensitive));
    }

    #[test]
    fn paths() {
        assert_eq!(ok("basename", vec![s("foo/bar/baz.txt")]), s("baz.txt"));
        assert_eq!(ok("basename", vec![s("foo/bar/")]), s("bar"));
        assert_eq!(ok("basename", vec![s("/")]), s("/"));
        assert_eq!(ok("basename", vec![s("")]), s("."));
        assert_eq!(ok("dirname", vec![s("foo/bar/baz.txt")]), s("foo/bar"));
        assert_eq!(ok("dirname", vec![s("foo")]), s("."));
        assert_eq!(ok("dirname", vec![s("/foo")]), s("/"));
        assert_eq!(ok("dirname", vec![s("foo//bar/../baz/x")]), s("foo/baz"));
        assert_eq!(ok("dirname", vec![s("../../x")]), s("../.."));
        assert_eq!(ok("dirname", vec![s("/../x")]), s("/"));
        assert!(is_unknown_set(&ok("basename", vec![unk()])));
    }
}
