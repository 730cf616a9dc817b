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
    let mut lexer = Lexer {
        text,
        b: text.as_bytes(),
        out: Lexed::default(),
        i: 0,
        line: 1,
        has_code: false,
        has_comment: false,
        stack: Vec::new(),
        depth: 0,
        block_line: None,
    };
    while lexer.i < lexer.b.len() {
        lexer.step();
    }
    lexer.end_line();
    lexer.out
}

/// The state of [`lex`] as it walks a file byte by byte.
struct Lexer<'t> {
    text: &'t str,
    b: &'t [u8],
    out: Lexed,
    /// The byte looked at next.
    i: usize,
    line: u32,
    /// Whether the current line holds code, or a comment, so far.
    has_code: bool,
    has_comment: bool,
    /// The strings and interpolations open at `i`.
    stack: Vec<Frame>,
    /// Brace depth outside strings, and the line where the current top-level block opened.
    depth: u32,
    block_line: Option<u32>,
}

impl Lexer<'_> {
    /// Records the kind of the line that ends here.
    fn end_line(&mut self) {
        self.out.lines.push(if self.has_code {
            LineKind::Code
        } else if self.has_comment {
            LineKind::CommentOnly
        } else {
            LineKind::Blank
        });
        self.has_code = false;
        self.has_comment = false;
    }

    /// Consumes the byte at `i` and whatever it opens (a comment, a heredoc), at least one byte.
    fn step(&mut self) {
        let c = self.b[self.i];
        if c == b'\n' {
            // A quoted string cannot span lines: an unbalanced quote stops here.
            if matches!(self.stack.last(), Some(Frame::Str)) {
                self.stack.clear();
            }
            self.end_line();
            self.line += 1;
            self.i += 1;
            return;
        }
        match self.stack.last() {
            Some(Frame::Str) => self.string_byte(c),
            Some(Frame::Interp(_)) if matches!(c, b'{' | b'}') => self.interpolation_brace(c),
            // Inside an interpolation everything else is an expression, as outside strings.
            _ => self.code_byte(c),
        }
    }

    /// A byte inside a quoted string.
    fn string_byte(&mut self, c: u8) {
        self.has_code = true;
        let next = self.b.get(self.i + 1).copied();
        self.i += match c {
            // Skip the escaped character, but never past a newline (kept for the line count).
            b'\\' if next.is_some_and(|n| n != b'\n') => 2,
            b'"' => {
                self.stack.pop();
                1
            }
            // `$${` and `%%{` are literal.
            b'$' | b'%' if next == Some(c) => 2,
            b'$' | b'%' if next == Some(b'{') => {
                self.stack.push(Frame::Interp(1));
                2
            }
            _ => 1,
        };
    }

    /// A brace inside `${ ... }` or `%{ ... }`: the interpolation ends at its matching `}`.
    fn interpolation_brace(&mut self, c: u8) {
        if let Some(Frame::Interp(depth)) = self.stack.last_mut() {
            if c == b'{' {
                *depth += 1;
            } else {
                *depth -= 1;
                if *depth == 0 {
                    self.stack.pop();
                }
            }
        }
        self.has_code = true;
        self.i += 1;
    }

    /// A byte in expression or body context.
    fn code_byte(&mut self, c: u8) {
        let next = self.b.get(self.i + 1).copied();
        match c {
            b'#' => self.line_comment(1),
            b'/' if next == Some(b'/') => self.line_comment(2),
            b'/' if next == Some(b'*') => self.block_comment(),
            b'"' => {
                self.has_code = true;
                self.stack.push(Frame::Str);
                self.i += 1;
            }
            b'<' if next == Some(b'<') => {
                self.has_code = true;
                self.skip_heredoc();
            }
            b'{' => {
                if self.depth == 0 {
                    self.block_line = Some(self.line);
                }
                self.depth += 1;
                self.has_code = true;
                self.i += 1;
            }
            b'}' => {
                self.depth = self.depth.saturating_sub(1);
                if self.depth == 0 {
                    self.block_line = None;
                }
                self.has_code = true;
                self.i += 1;
            }
            c if c.is_ascii_whitespace() => self.i += 1,
            _ => {
                self.has_code = true;
                self.i += 1;
            }
        }
    }

    /// A `#` or `//` comment (`opener` bytes long), to the end of the line.
    fn line_comment(&mut self, opener: usize) {
        let i = self.i;
        let stop = memchr_newline(self.b, i);
        push_comment(
            &mut self.out,
            self.text,
            (i, stop),
            (i + opener, stop),
            (self.line, self.line),
            self.has_code,
            self.block_line,
        );
        self.has_comment = true;
        self.i = stop;
    }

    /// A `/* ... */` comment, possibly over several lines (to the end of the file if unclosed).
    fn block_comment(&mut self) {
        let (text, b, i) = (self.text, self.b, self.i);
        let close = text[i + 2..].find("*/").map(|p| i + 2 + p);
        let (body_end, stop) = match close {
            Some(p) => (p, p + 2),
            None => (b.len(), b.len()),
        };
        let start_line = self.line;
        let trailing = self.has_code;
        // Lines inside the comment: each but the last ends here.
        for &byte in &b[i..stop] {
            if byte == b'\n' {
                self.has_comment = true;
                self.end_line();
                self.line += 1;
            }
        }
        push_comment(
            &mut self.out,
            text,
            (i, stop),
            (i + 2, body_end),
            (start_line, self.line),
            trailing,
            self.block_line,
        );
        self.has_comment = true;
        self.i = stop;
    }

    /// `<<` at `i`: a heredoc, every line of it code, up to a line holding only its marker; or
    /// just the two bytes when no marker follows.
    fn skip_heredoc(&mut self) {
        let Some((marker, body_start)) = heredoc(self.text, self.i) else {
            self.i += 2;
            return;
        };
        self.end_line();
        self.line += 1;
        let mut pos = body_start;
        loop {
            let stop = memchr_newline(self.b, pos);
            let is_end = self.text[pos..stop].trim() == marker;
            self.has_code = true;
            if is_end || stop >= self.b.len() {
                self.i = stop;
                break;
            }
            self.end_line();
            self.line += 1;
            pos = stop + 1;
        }
    }
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
