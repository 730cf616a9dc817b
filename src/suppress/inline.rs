//! Ignore comments in Terraform source: find the comments of a file in one linear pass (string
//! literals, template interpolations and heredocs are skipped so a `#` inside a string is not a
//! comment), read the ignore directives in them, and work out which line each one targets.
//!
//! Forms: `onus:ignore:<id>[,<id>...][:exp:YYYY-MM-DD] <reason>`, and the peers'
//! `tfsec:ignore:<id>`, `trivy:ignore:<id>` (both with optional `:exp:`) and
//! `checkov:skip=<id>:<reason>`. Several directives may share one comment and its reason.

use super::date::Date;

/// One comment: its byte range (delimiters included), text (without them), and lines.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Comment {
    pub start: usize,
    pub end: usize,
    pub text: String,
    /// 1-based line of the comment's start.
    pub line: u32,
    /// 1-based line of the comment's end.
    pub end_line: u32,
    /// Code precedes the comment on its first line (`acl = "x" # ...`).
    pub trailing: bool,
    /// Line of the `{` of the top-level block the comment is inside, if any.
    pub block_line: Option<u32>,
}

/// What each line of a file holds.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum LineKind {
    Blank,
    CommentOnly,
    Code,
}

/// Comments and line kinds of one file.
#[derive(Debug, Default)]
pub struct Lexed {
    pub comments: Vec<Comment>,
    /// Index 0 is line 1.
    pub lines: Vec<LineKind>,
}

impl Lexed {
    fn kind(&self, line: u32) -> Option<LineKind> {
        self.lines.get(line.checked_sub(1)? as usize).copied()
    }

    /// The line a comment's directives target: its own line when it trails code, otherwise
    /// the first code line after the run of comment-only lines it belongs to. `None` when a
    /// blank line (or the end of the file) comes first.
    pub fn target_line(&self, c: &Comment) -> Option<u32> {
        if c.trailing {
            return Some(c.line);
        }
        let mut line = c.end_line;
        // A block comment whose last line continues with code targets that line.
        if self.kind(line) == Some(LineKind::Code) {
            return Some(line);
        }
        loop {
            line += 1;
            match self.kind(line)? {
                LineKind::Blank => return None,
                LineKind::CommentOnly => continue,
                LineKind::Code => return Some(line),
            }
        }
    }
}

enum Frame {
    /// Inside a quoted string.
    Str,
    /// Inside `${ ... }` or `%{ ... }` of a string, with the count of open `{`.
    Interp(u32),
}

/// Finds the comments of a native-syntax Terraform file in one pass.
pub fn lex(text: &str) -> Lexed {
    let b = text.as_bytes();
    let mut out = Lexed::default();
    let mut has_code = false;
    let mut has_comment = false;
    let mut line: u32 = 1;
    let mut stack: Vec<Frame> = Vec::new();
    // Brace depth outside strings, and the line where the current top-level block opened.
    let mut depth = 0u32;
    let mut block_line: Option<u32> = None;
    let mut i = 0usize;
    let end_line = |out: &mut Lexed, has_code: &mut bool, has_comment: &mut bool| {
        out.lines.push(if *has_code {
            LineKind::Code
        } else if *has_comment {
            LineKind::CommentOnly
        } else {
            LineKind::Blank
        });
        *has_code = false;
        *has_comment = false;
    };
    while i < b.len() {
        let c = b[i];
        if c == b'\n' {
            // A quoted string cannot span lines: an unbalanced quote stops here.
            if matches!(stack.last(), Some(Frame::Str)) {
                stack.clear();
            }
            end_line(&mut out, &mut has_code, &mut has_comment);
            line += 1;
            i += 1;
            continue;
        }
        match stack.last_mut() {
            Some(Frame::Str) => {
                has_code = true;
                match c {
                    b'\\' => {
                        // Skip the escaped character, but never past a newline (kept for the
                        // line count).
                        i += if b.get(i + 1).is_some_and(|&n| n != b'\n') {
                            2
                        } else {
                            1
                        };
                        continue;
                    }
                    b'"' => {
                        stack.pop();
                    }
                    b'$' | b'%' if b.get(i + 1) == Some(&c) => {
                        // `$${` and `%%{` are literal.
                        i += 2;
                        continue;
                    }
                    b'$' | b'%' if b.get(i + 1) == Some(&b'{') => {
                        stack.push(Frame::Interp(1));
                        i += 2;
                        continue;
                    }
                    _ => {}
                }
                i += 1;
                continue;
            }
            Some(Frame::Interp(depth)) => match c {
                b'{' => {
                    *depth += 1;
                    has_code = true;
                    i += 1;
                    continue;
                }
                b'}' => {
                    *depth -= 1;
                    if *depth == 0 {
                        stack.pop();
                    }
                    has_code = true;
                    i += 1;
                    continue;
                }
                _ => {}
            },
            None => {}
        }
        // Expression or body context.
        match c {
            b'#' => {
                let stop = memchr_newline(b, i);
                push_comment(
                    &mut out,
                    text,
                    (i, stop),
                    (i + 1, stop),
                    (line, line),
                    has_code,
                    block_line,
                );
                has_comment = true;
                i = stop;
            }
            b'/' if b.get(i + 1) == Some(&b'/') => {
                let stop = memchr_newline(b, i);
                push_comment(
                    &mut out,
                    text,
                    (i, stop),
                    (i + 2, stop),
                    (line, line),
                    has_code,
                    block_line,
                );
                has_comment = true;
                i = stop;
            }
            b'/' if b.get(i + 1) == Some(&b'*') => {
                let close = text[i + 2..].find("*/").map(|p| i + 2 + p);
                let (body_end, stop) = match close {
                    Some(p) => (p, p + 2),
                    None => (b.len(), b.len()),
                };
                let start_line = line;
                let trailing = has_code;
                // Lines inside the comment: each but the last ends here.
                for &byte in &b[i..stop] {
                    if byte == b'\n' {
                        has_comment = true;
                        end_line(&mut out, &mut has_code, &mut has_comment);
                        line += 1;
                    }
                }
                push_comment(
                    &mut out,
                    text,
                    (i, stop),
                    (i + 2, body_end),
                    (start_line, line),
                    trailing,
                    block_line,
                );
                has_comment = true;
                i = stop;
            }
            b'"' => {
                has_code = true;
                stack.push(Frame::Str);
                i += 1;
            }
            b'<' if b.get(i + 1) == Some(&b'<') => {
                has_code = true;
                match heredoc(text, i) {
                    Some((marker, body_start)) => {
                        // Every line of the heredoc is code; it ends at a line holding only
                        // the marker.
                        end_line(&mut out, &mut has_code, &mut has_comment);
                        line += 1;
                        let mut pos = body_start;
                        loop {
                            let stop = memchr_newline(b, pos);
                            let is_end = text[pos..stop].trim() == marker;
                            has_code = true;
                            if is_end || stop >= b.len() {
                                i = stop;
                                break;
                            }
                            end_line(&mut out, &mut has_code, &mut has_comment);
                            line += 1;
                            pos = stop + 1;
                        }
                    }
                    None => i += 2,
                }
            }
            b'{' => {
                if depth == 0 {
                    block_line = Some(line);
                }
                depth += 1;
                has_code = true;
                i += 1;
            }
            b'}' => {
                depth = depth.saturating_sub(1);
                if depth == 0 {
                    block_line = None;
                }
                has_code = true;
                i += 1;
            }
            c if c.is_ascii_whitespace() => i += 1,
            _ => {
                has_code = true;
                i += 1;
            }
        }
    }
    end_line(&mut out, &mut has_code, &mut has_comment);
    out
}

fn memchr_newline(b: &[u8], from: usize) -> usize {
    b.get(from..)
        .and_then(|rest| memchr::memchr(b'\n', rest))
        .map_or(b.len(), |p| from + p)
}

/// `<<EOT` or `<<-EOT` at `at`, followed by a newline: the marker and where the body starts.
fn heredoc(text: &str, at: usize) -> Option<(&str, usize)> {
    let mut pos = at + 2;
    if text.as_bytes().get(pos) == Some(&b'-') {
        pos += 1;
    }
    let rest = text.get(pos..)?;
    let len = rest
        .bytes()
        .take_while(|b| b.is_ascii_alphanumeric() || *b == b'_' || *b == b'-')
        .count();
    if len == 0 || rest.as_bytes().first().is_some_and(u8::is_ascii_digit) {
        return None;
    }
    let marker = &rest[..len];
    pos += len;
    if text.as_bytes().get(pos) == Some(&b'\r') {
        pos += 1;
    }
    if text.as_bytes().get(pos) != Some(&b'\n') {
        return None;
    }
    Some((marker, pos + 1))
}

/// Records a comment: its range, its text's range, and its first and last lines.
fn push_comment(
    out: &mut Lexed,
    text: &str,
    (start, end): (usize, usize),
    (body_start, body_end): (usize, usize),
    (line, end_line): (u32, u32),
    trailing: bool,
    block_line: Option<u32>,
) {
    let body = text.get(body_start..body_end.max(body_start)).unwrap_or("");
    out.comments.push(Comment {
        start,
        end,
        text: body.trim_end_matches('\r').to_string(),
        line,
        end_line,
        trailing,
        block_line,
    });
}

/// Which tool's syntax a directive was written in.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Form {
    Onus,
    Tfsec,
    Trivy,
    Checkov,
}

impl Form {
    pub fn prefix(self) -> &'static str {
        match self {
            Form::Onus => "onus:ignore:",
            Form::Tfsec => "tfsec:ignore:",
            Form::Trivy => "trivy:ignore:",
            Form::Checkov => "checkov:skip=",
        }
    }
}

/// One ignore directive: the rule ids it names, expiry and reason.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Directive {
    pub form: Form,
    /// As written: `onus:ignore:aws-s3-bucket-public-acl`.
    pub token: String,
    pub ids: Vec<String>,
    /// Written expiry; `Err` holds text that is not a valid date.
    pub expiry: Option<Result<Date, String>>,
    /// Empty when none was given.
    pub reason: String,
}

/// The ignore directives in a comment's text; they share the comment's reason (the text that
/// is not a directive).
pub fn directives(comment: &str) -> Vec<Directive> {
    let mut found = Vec::new();
    let mut reason_words: Vec<&str> = Vec::new();
    for word in comment.split_whitespace() {
        let word_trimmed = word.trim_start_matches(['#', '/', '*']);
        let form = [Form::Onus, Form::Tfsec, Form::Trivy, Form::Checkov]
            .into_iter()
            .find(|f| word_trimmed.starts_with(f.prefix()));
        let Some(form) = form else {
            reason_words.push(word);
            continue;
        };
        let rest = &word_trimmed[form.prefix().len()..];
        let mut d = Directive {
            form,
            token: word_trimmed.to_string(),
            ids: Vec::new(),
            expiry: None,
            reason: String::new(),
        };
        if form == Form::Checkov {
            // checkov:skip=CKV_AWS_20:the reason, which may go on after spaces
            let (id, reason) = match rest.split_once(':') {
                Some((id, r)) => (id, r),
                None => (rest, ""),
            };
            d.ids = split_ids(id);
            if !reason.is_empty() {
                reason_words.push(reason);
            }
        } else {
            let mut segments = rest.split(':');
            d.ids = split_ids(segments.next().unwrap_or(""));
            while let Some(key) = segments.next() {
                let value = segments.next().unwrap_or("");
                if key == "exp" {
                    d.expiry = Some(Date::parse(value).ok_or_else(|| value.to_string()));
                }
                // Other qualifiers (tfsec's `:ws:`) are accepted and not interpreted.
            }
        }
        found.push(d);
    }
    let reason = clean_reason(&reason_words.join(" "));
    for d in &mut found {
        d.reason = reason.clone();
    }
    found
}

fn split_ids(s: &str) -> Vec<String> {
    s.split(',')
        .map(str::trim)
        .filter(|x| !x.is_empty())
        .map(str::to_string)
        .collect()
}

/// Drops separators people put between directive and reason (`--`, `:`, `—`).
fn clean_reason(s: &str) -> String {
    s.trim()
        .trim_start_matches(['-', ':', '—', '–'])
        .trim()
        .trim_end_matches("*/")
        .trim()
        .to_string()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn finds_comments_outside_strings() {
        let src =
            "a = \"# not\" # yes\n// two\nb = \"${x}#no${\"#\"}\"\n/* three\n four */ c = 1\n";
        let l = lex(src);
        let texts: Vec<&str> = l.comments.iter().map(|c| c.text.as_str()).collect();
        assert_eq!(texts, vec![" yes", " two", " three\n four "]);
        assert!(l.comments[0].trailing);
        assert!(!l.comments[1].trailing);
        assert_eq!(l.comments[2].line, 4);
        assert_eq!(l.comments[2].end_line, 5);
        assert_eq!(
            l.lines,
            vec![
                LineKind::Code,
                LineKind::CommentOnly,
                LineKind::Code,
                LineKind::CommentOnly,
                LineKind::Code,
                LineKind::Blank
            ]
        );
    }

    #[test]
    fn skips_heredocs() {
        let src = "p = <<-EOT\n  # inside\n  EOT\n# after\nx = 1\n";
        let l = lex(src);
        assert_eq!(l.comments.len(), 1);
        assert_eq!(l.comments[0].line, 4);
        assert_eq!(l.target_line(&l.comments[0]), Some(5));
        assert_eq!(l.lines[1], LineKind::Code);
    }

    #[test]
    fn escaped_quotes_and_literal_dollars() {
        let src = "a = \"x\\\" # no\" # c1\nb = \"$${# no}\" // c2\n";
        let l = lex(src);
        let texts: Vec<&str> = l.comments.iter().map(|c| c.text.trim()).collect();
        assert_eq!(texts, vec!["c1", "c2"]);
    }

    #[test]
    fn targets_skip_comment_runs_and_stop_at_blank_lines() {
        let src = "# a\n# b\nresource \"x\" \"y\" {}\n# c\n\nz = 1\n";
        let l = lex(src);
        assert_eq!(l.target_line(&l.comments[0]), Some(3));
        assert_eq!(l.target_line(&l.comments[1]), Some(3));
        assert_eq!(l.target_line(&l.comments[2]), None);
    }

    #[test]
    fn knows_the_enclosing_top_level_block() {
        let src = "# out\nresource \"a\" \"b\" {\n  x = { y = 1 }\n  # in\n  z = \"}\"\n  # still in\n}\n# out again\n";
        let l = lex(src);
        let blocks: Vec<Option<u32>> = l.comments.iter().map(|c| c.block_line).collect();
        assert_eq!(blocks, vec![None, Some(2), Some(2), None]);
    }

    #[test]
    fn parses_directives() {
        let d = directives(" onus:ignore:a,b:exp:2026-12-31 -- public website");
        assert_eq!(d.len(), 1);
        assert_eq!(d[0].ids, vec!["a", "b"]);
        assert_eq!(
            d[0].expiry,
            Some(Ok(Date {
                year: 2026,
                month: 12,
                day: 31
            }))
        );
        assert_eq!(d[0].reason, "public website");

        let d = directives(" onus:ignore:a onus:ignore:b shared reason");
        assert_eq!(d.len(), 2);
        assert_eq!(d[1].ids, vec!["b"]);
        assert_eq!(d[1].reason, "shared reason");

        let d = directives("checkov:skip=CKV_AWS_20:The bucket serves a website");
        assert_eq!(d[0].form, Form::Checkov);
        assert_eq!(d[0].ids, vec!["CKV_AWS_20"]);
        assert_eq!(d[0].reason, "The bucket serves a website");

        let d = directives("tfsec:ignore:aws-s3-enable-versioning:exp:2020-13-01");
        assert_eq!(d[0].form, Form::Tfsec);
        assert_eq!(d[0].expiry, Some(Err("2020-13-01".to_string())));
        assert_eq!(d[0].reason, "");

        assert!(directives(" plain comment about onus").is_empty());
    }
}
