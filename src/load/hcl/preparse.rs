//! The single pass over native-syntax text that runs before hcl-edit parses it. It refuses
//! input the parser would handle badly before the parser sees it: brackets nested deeper than
//! the parser's stack can take, objects with so many entries that the parser's pairwise key
//! check is slow, text that ends inside a construct it opened (a bracket, interpolation,
//! directive, string, heredoc or comment), and operator chains nested so that a failing parse
//! could take exponential time.
//!
//! The last two guards exist because of how hcl-edit fails. When the operand after the second
//! (or a later) operator of a chain like `a > b > (...)` fails to parse, `expr_inner` rewinds to
//! the operator, then parses the operator and the same operand once more before giving up. Each
//! level of such chains nested inside the failing operand doubles the work: 1.9 KB of broken
//! HCL took three seconds, 13 KB of template in a JSON string over thirty.
//!
//! - Text that ends inside an unclosed construct can never parse, so it is refused with the
//!   construct's opening as the location. This verdict is exact (see below).
//! - For every other input the pass adds up the worst case: each byte weighs 2^d, where d is
//!   the number of enclosing brackets, strings and interpolations that stand after two or more
//!   operators of their chain (counted generously: every operator character, and chains end
//!   only at `,`, `=`, `=>`, `?` and `:`). Input weighing more than `WORK_PER_BYTE` times its
//!   length plus `WORK_BASE` is refused; configurations seen so far weigh exactly their
//!   length. Since hcl-edit reads (and re-reads) every byte as the lexer below does, the weight
//!   bounds what it can spend.
//!
//! The lexer follows hcl-edit's rules so that it reads every byte as hcl-edit does:
//! - in code, `"` opens a quoted string; `#`, `//` and `/* */` are comments; `<<ID` or `<<-ID`
//!   directly followed by a line ending opens a heredoc; brackets nest;
//! - in a quoted string, `\` escapes one character, `"` closes it (a line ending does not),
//!   `$${` and `%%{` are literal, and `${` or `%{` opens an interpolation or directive;
//! - a heredoc ends at a line ending followed by spaces or tabs, its identifier, and a character
//!   that cannot continue an identifier (so `EOF)` ends it too);
//! - the text between `%{ if }` or `%{ for }` and its `%{ endif }` or `%{ endfor }` is template
//!   text in which neither `"` nor a heredoc's closing line ends anything: hcl-edit parses that
//!   text with its plain template grammar;
//! - when a heredoc's first line is its own closing line, hcl-edit first reads on to a later
//!   closing line and falls back to the first only if that fails. Without a later closing line,
//!   or with only plain text before it, the outcome is certain and the pass follows it.
//!   Otherwise (interpolations in between) the pass follows the short reading, weighs the long
//!   one too, and makes no claim about unclosed constructs.
//!
//! On text hcl-edit accepts, every byte is then read as hcl-edit reads it (code, string,
//! heredoc or directive text, or comment), and since that text is well formed every construct
//! closes. The property tests at the end check this on generated files and their mutations.

use std::collections::HashMap;

/// How the text is read: as configuration (a body or a lone expression) or as a template.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Syntax {
    Config,
    Template,
}

/// Why the text is refused before parsing.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Problem {
    /// Brackets, interpolations and directives nest deeper than allowed; the offset of the
    /// opening that went too deep.
    Nesting(usize),
    /// An object expression has more entries than allowed; the offset of its `{`.
    ObjectEntries(usize),
    /// The text ends inside the construct opened at the offset, so it cannot parse.
    Unclosed(usize, Construct),
    /// Operator chains nest so deeply that a failing parse could take exponential time; the
    /// offset of the bracket, string or interpolation where the budget ran out.
    Backtracking(usize),
    /// Heredocs closed on their first line, which hcl-edit reads two ways, would take this pass
    /// more than a few readings of the text to weigh; the offset of the heredoc.
    AmbiguousHeredocs(usize),
}

/// A construct that was opened and never closed.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Construct {
    /// `(`, `[` or `{` (the byte).
    Bracket(u8),
    /// `${ ... }`.
    Interpolation,
    /// `%{ ... }`.
    Directive,
    /// The template after `%{ if }` or `%{ for }` without its `%{ endif }` or `%{ endfor }`.
    DirectiveBody(Keyword),
    /// A quoted string.
    String,
    /// A heredoc; the offset points at its `<<`.
    Heredoc,
    /// A `/*` comment.
    Comment,
}

/// The keyword a template directive starts with.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Keyword {
    If,
    For,
    Else,
    EndIf,
    EndFor,
    Other,
}

/// Worst-case parse work allowed, in bytes weighted by how often hcl-edit may parse them: this
/// many times the text's length, plus [`WORK_BASE`]. Configurations seen so far weigh their
/// length exactly. At the limit a failing parse takes about 15 times as long as parsing that
/// much well-formed text (failing is slower per byte), 40 ms for small files.
const WORK_PER_BYTE: u64 = 4;
const WORK_BASE: u64 = 1 << 18;
/// Bytes this pass may read again to weigh the second reading of heredocs closed on their first
/// line: this many times the text's length, plus [`EFFORT_BASE`]; and how many such readings
/// may be under way inside one another.
const EFFORT_PER_BYTE: u64 = 2;
const EFFORT_BASE: u64 = 1 << 20;
const MAX_NESTED_READINGS: usize = 32;

#[derive(Clone)]
struct Frame<'t> {
    kind: Kind<'t>,
    at: usize,
    /// Brackets, interpolations and directives open, this one included.
    depth: usize,
    /// Enclosing operands hcl-edit may parse twice: it may parse this frame's text 2^dbl times.
    dbl: u32,
    /// Operators met so far in the current operator chain (code frames).
    ops: u32,
    /// Tells apart frames that stood at the same height at different times.
    id: u32,
}

#[derive(Clone, Copy)]
enum Kind<'t> {
    /// The text itself, read as configuration.
    Root,
    /// `(`, `[` or `{`; for an object, the separators (`,` and line endings) met so far.
    Open { bracket: u8, object: Option<usize> },
    /// `${ ... }` (no keyword) or `%{ ... }`.
    Interp { directive: Option<Keyword> },
    /// A quoted string.
    Str,
    /// Heredoc text until its closing line.
    Heredoc { marker: &'t [u8] },
    /// The template text inside an `if` or `for` directive.
    Body { keyword: Keyword },
    /// The text itself, read as a template.
    Template,
}

/// What the byte at the cursor is read as, taken from the innermost frame.
#[derive(Clone, Copy)]
enum ReadAs<'t> {
    Code,
    Str,
    Heredoc(&'t [u8]),
    Template,
}

const fn byte_set(bytes: &[u8]) -> [bool; 256] {
    let mut t = [false; 256];
    let mut k = 0;
    while k < bytes.len() {
        t[bytes[k] as usize] = true;
        k += 1;
    }
    t
}

/// Bytes each mode acts on; the others are skipped in a tight loop.
static CODE_SPECIAL: [bool; 256] = byte_set(b"\"#/<([{)]},\n+-*%>!&|=?:");
static STR_SPECIAL: [bool; 256] = byte_set(b"\\\"$%");
static HEREDOC_SPECIAL: [bool; 256] = byte_set(b"\n$%");
static TEMPLATE_SPECIAL: [bool; 256] = byte_set(b"$%");

/// The first reason to refuse `text` before parsing it, if any: nesting deeper than
/// `max_depth`, an object with more than `max_entries` entries (counted generously: every comma
/// and line ending), an end inside an unclosed construct, or operator chains nested too deeply.
pub fn refusal(
    text: &str,
    max_depth: usize,
    max_entries: usize,
    syntax: Syntax,
) -> Option<Problem> {
    let len = text.len() as u64;
    let mut scanner = Scanner {
        text,
        max_depth,
        max_entries,
        work: 0,
        work_budget: len.saturating_mul(WORK_PER_BYTE).saturating_add(WORK_BASE),
        over_budget: None,
        effort: 0,
        effort_budget: len
            .saturating_mul(EFFORT_PER_BYTE)
            .saturating_add(EFFORT_BASE),
        unsure: false,
        open_comment: None,
        next_id: 1,
        nested_runs: 0,
        line_words: None,
    };
    let root = match syntax {
        Syntax::Config => Kind::Root,
        Syntax::Template => Kind::Template,
    };
    let mut stack = vec![Frame {
        kind: root,
        at: 0,
        depth: 0,
        dbl: 0,
        ops: 0,
        id: 0,
    }];
    if let Err(problem) = scanner.run(&mut stack, 0, None) {
        return Some(problem);
    }
    let unclosed = if scanner.unsure {
        None
    } else {
        unclosed(&stack, scanner.open_comment)
    };
    unclosed.or(scanner.over_budget.map(Problem::Backtracking))
}

struct Scanner<'t> {
    text: &'t str,
    max_depth: usize,
    max_entries: usize,
    /// Weighted bytes so far (see the module docs), and where they first went over budget.
    work: u64,
    work_budget: u64,
    over_budget: Option<usize>,
    /// Bytes read again to weigh second readings of heredocs.
    effort: u64,
    effort_budget: u64,
    /// Set when hcl-edit may read a heredoc differently from the main reading.
    unsure: bool,
    open_comment: Option<usize>,
    next_id: u32,
    /// Readings weighed on their own that are under way (each inside the one before).
    nested_runs: usize,
    /// Offsets of the first word of each line, by word, built when a heredoc closes on its
    /// first line: whether a later line may close it too is then a lookup.
    line_words: Option<HashMap<&'t [u8], Vec<usize>>>,
}

/// The long reading of a heredoc closed on its first line that may parse: where its closing
/// line ends, and the frames around the heredoc then, to compare with the short reading there.
struct Rejoin<'t> {
    end: usize,
    height: usize,
    parent: u32,
    ops: u32,
    frames: Vec<Frame<'t>>,
    heredoc: usize,
}

impl<'t> Scanner<'t> {
    /// Reads from `i` with `stack` until the end of the text. For `region` (the offset of a
    /// heredoc whose long reading is weighed on its own) it stops if the stack empties, where the
    /// heredoc's frame, alone on it, closes. Returns where it stopped and whether an
    /// interpolation or directive opened on the way.
    fn run(
        &mut self,
        stack: &mut Vec<Frame<'t>>,
        i: usize,
        region: Option<usize>,
    ) -> Result<(usize, bool), Problem> {
        let Some(heredoc) = region else {
            return self.read(stack, i, None);
        };
        if self.nested_runs >= MAX_NESTED_READINGS {
            return Err(Problem::AmbiguousHeredocs(heredoc));
        }
        self.nested_runs += 1;
        let result = self.read(stack, i, region);
        self.nested_runs -= 1;
        result
    }

    /// [`Self::run`] without the count of nested readings.
    fn read(
        &mut self,
        stack: &mut Vec<Frame<'t>>,
        mut i: usize,
        region: Option<usize>,
    ) -> Result<(usize, bool), Problem> {
        let text = self.text;
        let b = text.as_bytes();
        let mut interpolated = false;
        let mut rejoins: Vec<Rejoin<'t>> = Vec::new();
        while i < b.len() && !stack.is_empty() {
            while rejoins.first().is_some_and(|r| i >= r.end) {
                let r = rejoins.remove(0);
                let exact = i == r.end;
                self.rejoin(stack, r, exact)?;
            }
            // Stop where the next long reading ends, to compare the readings there.
            let limit = rejoins.first().map_or(b.len(), |r| r.end);
            let start = i;
            // The loop runs while the stack holds a frame; rejoining does not pop.
            let Some(top) = stack.last() else { break };
            let (top_at, top_dbl, top_depth, top_ops) = (top.at, top.dbl, top.depth, top.ops);
            let mode = match top.kind {
                Kind::Root | Kind::Open { .. } | Kind::Interp { .. } => ReadAs::Code,
                Kind::Str => ReadAs::Str,
                Kind::Heredoc { marker } => ReadAs::Heredoc(marker),
                Kind::Body { .. } | Kind::Template => ReadAs::Template,
            };
            // What a construct opened here nests under: in code, an operand after two or more
            // operators of its chain is one hcl-edit may parse twice.
            let inner_dbl = top_dbl + u32::from(matches!(mode, ReadAs::Code) && top_ops >= 2);
            let special = match mode {
                ReadAs::Code => &CODE_SPECIAL,
                ReadAs::Str => &STR_SPECIAL,
                ReadAs::Heredoc(_) => &HEREDOC_SPECIAL,
                ReadAs::Template => &TEMPLATE_SPECIAL,
            };
            while i < limit && !special[b[i] as usize] {
                i += 1;
            }
            let Some(&c) = b.get(i) else {
                self.charge(i - start, top_dbl, top_at, region)?;
                break;
            };
            if i == limit && i > start {
                self.charge(i - start, top_dbl, top_at, region)?;
                continue;
            }
            let next = b.get(i + 1).copied();
            match (mode, c) {
                (ReadAs::Str, b'\\') => i += 2,
                (ReadAs::Str, b'"') => {
                    stack.pop();
                    i += 1;
                }
                (ReadAs::Heredoc(marker), b'\n') => match closing_line(text, i + 1, marker) {
                    Some(end) => {
                        stack.pop();
                        i = end;
                    }
                    None => i += 1,
                },
                (ReadAs::Str | ReadAs::Heredoc(_) | ReadAs::Template, _) => {
                    // `$` or `%`: `$${` and `%%{` are literal, `${` and `%{` open.
                    if next == Some(c) && b.get(i + 2) == Some(&b'{') {
                        i += 3;
                    } else if next == Some(b'{') {
                        let directive = (c == b'%').then(|| directive_keyword(b, i + 2));
                        self.push(stack, Kind::Interp { directive }, i, top_dbl, top_depth + 1)?;
                        interpolated = true;
                        i += 2;
                    } else {
                        i += 1;
                    }
                }
                (ReadAs::Code, b'"') => {
                    self.push(stack, Kind::Str, i, inner_dbl, top_depth)?;
                    i += 1;
                }
                (ReadAs::Code, b'#') => i = line_end(b, i),
                (ReadAs::Code, b'/') if next == Some(b'/') => i = line_end(b, i),
                (ReadAs::Code, b'/') if next == Some(b'*') => match find(b, i + 2, b"*/") {
                    Some(end) => i = end + 2,
                    None => {
                        if region.is_none() {
                            self.open_comment = Some(i);
                        }
                        i = b.len();
                    }
                },
                (ReadAs::Code, b'<') if next == Some(b'<') => match heredoc_start(text, i) {
                    Some((marker, body)) => {
                        i = self.heredoc(stack, &mut rejoins, i, marker, body, inner_dbl)?;
                    }
                    None => {
                        self.count_operator(stack);
                        i += 1;
                    }
                },
                (ReadAs::Code, b'(' | b'[' | b'{') => {
                    let object = (c == b'{' && !is_block_header(b, i)).then_some(0);
                    let kind = Kind::Open { bracket: c, object };
                    self.push(stack, kind, i, inner_dbl, top_depth + 1)?;
                    i += 1;
                }
                (ReadAs::Code, b')' | b']' | b'}') => {
                    self.close(stack);
                    i += 1;
                }
                (ReadAs::Code, b',' | b'\n') => {
                    if let Some(top) = stack.last_mut() {
                        if c == b',' {
                            top.ops = 0;
                        }
                        if let Kind::Open {
                            object: Some(seps), ..
                        } = &mut top.kind
                        {
                            *seps += 1;
                            if *seps > self.max_entries {
                                return Err(Problem::ObjectEntries(top.at));
                            }
                        }
                    }
                    i += 1;
                }
                (ReadAs::Code, b'=') => {
                    if next == Some(b'=') {
                        if let Some(top) = stack.last_mut() {
                            top.ops += 1;
                        }
                        i += 2;
                    } else if i > 0 && matches!(b[i - 1], b'!' | b'<' | b'>') {
                        // The end of `!=`, `<=` or `>=`, counted at its start.
                        i += 1;
                    } else {
                        // An assignment or `=>`: a new expression starts.
                        reset_ops(stack);
                        i += if next == Some(b'>') { 2 } else { 1 };
                    }
                }
                (ReadAs::Code, b'?') => {
                    reset_ops(stack);
                    i += 1;
                }
                (ReadAs::Code, b':') => {
                    if next == Some(b':') {
                        // A provider function's namespace, inside one operand.
                        i += 2;
                    } else {
                        reset_ops(stack);
                        i += 1;
                    }
                }
                (ReadAs::Code, b'&' | b'|') => {
                    self.count_operator(stack);
                    i += if next == Some(c) { 2 } else { 1 };
                }
                (ReadAs::Code, _) => {
                    // `+ - * / % < > !`; a `-` inside a name counts too, which only errs high.
                    self.count_operator(stack);
                    i += 1;
                }
            }
            let i_end = i.min(b.len());
            self.charge(i_end - start, top_dbl, top_at, region)?;
        }
        for r in rejoins {
            let exact = i == r.end;
            self.rejoin(stack, r, exact)?;
        }
        Ok((i.min(b.len()), interpolated))
    }

    /// `)`, `]` or `}` in code: closes the innermost bracket or interpolation; the end of an
    /// `if` or `for` directive opens its text, and `endif` or `endfor` closes that text.
    fn close(&mut self, stack: &mut Vec<Frame<'t>>) {
        let Some(top) = stack.last() else { return };
        match top.kind {
            Kind::Open { .. } => {
                stack.pop();
            }
            Kind::Interp { directive } => {
                let (at, dbl, depth) = (top.at, top.dbl, top.depth);
                stack.pop();
                match directive {
                    Some(keyword @ (Keyword::If | Keyword::For)) => {
                        // One level less deep than the directive was: within the limit.
                        self.push_unchecked(stack, Kind::Body { keyword }, at, dbl, depth - 1);
                    }
                    Some(Keyword::EndIf | Keyword::EndFor) => {
                        if matches!(stack.last().map(|t| t.kind), Some(Kind::Body { .. })) {
                            stack.pop();
                        }
                    }
                    _ => {}
                }
            }
            _ => {}
        }
    }

    fn push(
        &mut self,
        stack: &mut Vec<Frame<'t>>,
        kind: Kind<'t>,
        at: usize,
        dbl: u32,
        depth: usize,
    ) -> Result<(), Problem> {
        if depth > self.max_depth {
            return Err(Problem::Nesting(at));
        }
        self.push_unchecked(stack, kind, at, dbl, depth);
        Ok(())
    }

    fn push_unchecked(
        &mut self,
        stack: &mut Vec<Frame<'t>>,
        kind: Kind<'t>,
        at: usize,
        dbl: u32,
        depth: usize,
    ) {
        stack.push(self.frame(kind, at, dbl, depth));
    }

    fn frame(&mut self, kind: Kind<'t>, at: usize, dbl: u32, depth: usize) -> Frame<'t> {
        self.next_id = self.next_id.wrapping_add(1);
        Frame {
            kind,
            at,
            depth,
            dbl,
            ops: 0,
            id: self.next_id,
        }
    }

    fn count_operator(&self, stack: &mut [Frame<'t>]) {
        if let Some(top) = stack.last_mut() {
            top.ops = top.ops.saturating_add(1);
        }
    }

    /// Adds `n` bytes that hcl-edit may parse 2^`dbl` times to the work, and to the re-reading
    /// effort when weighing a heredoc's second reading.
    fn charge(
        &mut self,
        n: usize,
        dbl: u32,
        at: usize,
        region: Option<usize>,
    ) -> Result<(), Problem> {
        let n = n as u64;
        let weight = n.saturating_mul(1u64.checked_shl(dbl).unwrap_or(u64::MAX));
        self.work = self.work.saturating_add(weight);
        if self.work > self.work_budget && self.over_budget.is_none() {
            // Read on: text that ends inside an unclosed construct is the better diagnosis.
            self.over_budget = Some(at);
        }
        if let Some(heredoc) = region {
            self.effort = self.effort.saturating_add(n);
            if self.effort > self.effort_budget {
                return Err(Problem::AmbiguousHeredocs(heredoc));
            }
        }
        Ok(())
    }

    /// A heredoc opened by the `<<` at `at` whose text starts at `body`; returns where reading
    /// goes on. If its first line closes it, hcl-edit first reads on to a later closing line
    /// and closes it on the first line only if that reading fails to parse.
    fn heredoc(
        &mut self,
        stack: &mut Vec<Frame<'t>>,
        rejoins: &mut Vec<Rejoin<'t>>,
        at: usize,
        marker: &'t [u8],
        body: usize,
        dbl: u32,
    ) -> Result<usize, Problem> {
        // Called while reading, so the stack holds a frame; without one there is nothing
        // to weigh and reading goes on after the opener.
        let Some(top) = stack.last() else {
            return Ok(body);
        };
        let (depth, parent, ops) = (top.depth, top.id, top.ops);
        let Some(first_end) = closing_line(self.text, body, marker) else {
            self.push(stack, Kind::Heredoc { marker }, at, dbl, depth)?;
            return Ok(body);
        };
        if !self.may_close_later(marker, first_end) {
            return Ok(first_end);
        }
        let mut long = vec![self.frame(Kind::Heredoc { marker }, at, dbl, depth)];
        let (end, interpolated) = self.run(&mut long, body, Some(at))?;
        if !long.is_empty() {
            // No later closing line outside interpolations: the long reading fails.
            Ok(first_end)
        } else if !interpolated {
            // Plain text up to a later closing line: the long reading parses.
            Ok(end)
        } else {
            // Either reading may be hcl-edit's: follow the short one and weigh the rest of the
            // long one when the two have not met again by its end.
            self.unsure = true;
            let rejoin = Rejoin {
                end,
                height: stack.len(),
                parent,
                ops,
                frames: stack.clone(),
                heredoc: at,
            };
            let k = rejoins.partition_point(|r| r.end <= end);
            rejoins.insert(k, rejoin);
            Ok(first_end)
        }
    }

    /// Where a heredoc's long reading ends (`exact`), or past it when a token of the short
    /// reading spans that point: if the short reading stands there in the frame around the
    /// heredoc, the rest reads alike (operators counted from the higher of the two); otherwise
    /// the rest of the long reading is weighed on its own.
    fn rejoin(
        &mut self,
        stack: &mut [Frame<'t>],
        r: Rejoin<'t>,
        exact: bool,
    ) -> Result<(), Problem> {
        if exact && stack.len() == r.height {
            if let Some(top) = stack.last_mut().filter(|t| t.id == r.parent) {
                top.ops = top.ops.max(r.ops);
                return Ok(());
            }
        }
        let mut frames = r.frames;
        if let Some(top) = frames.last_mut() {
            top.ops = r.ops;
        }
        let unsure = self.unsure;
        let open_comment = self.open_comment;
        self.run(&mut frames, r.end, Some(r.heredoc))?;
        self.unsure = unsure;
        self.open_comment = open_comment;
        Ok(())
    }

    /// Whether a line after `from` may close a heredoc with `marker`: one starting (after spaces
    /// and tabs) with the marker as its whole ASCII word. Markers with other characters are
    /// assumed to.
    fn may_close_later(&mut self, marker: &[u8], from: usize) -> bool {
        if !marker.is_ascii() {
            return true;
        }
        let b = self.text.as_bytes();
        let words = self.line_words.get_or_insert_with(|| {
            let mut words: HashMap<&'t [u8], Vec<usize>> = HashMap::new();
            let mut line = 0;
            while line < b.len() {
                let mut k = line;
                while matches!(b.get(k), Some(b' ' | b'\t')) {
                    k += 1;
                }
                let word_end = b[k..]
                    .iter()
                    .position(|x| !(x.is_ascii_alphanumeric() || *x == b'_' || *x == b'-'))
                    .map_or(b.len(), |p| k + p);
                if word_end > k {
                    words.entry(&b[k..word_end]).or_default().push(k);
                }
                line = line_end(b, word_end) + 1;
            }
            words
        });
        words
            .get(marker)
            .and_then(|at| at.last())
            .is_some_and(|&last| last > from)
    }
}

/// Which unclosed construct to name: the outermost open string, heredoc or directive body, the
/// earliest point from which the rest of the text was swallowed; otherwise an open comment;
/// otherwise the innermost open bracket or interpolation.
fn unclosed(stack: &[Frame<'_>], open_comment: Option<usize>) -> Option<Problem> {
    let text_frame = stack.iter().find_map(|f| match f.kind {
        Kind::Str => Some(Problem::Unclosed(f.at, Construct::String)),
        Kind::Heredoc { .. } => Some(Problem::Unclosed(f.at, Construct::Heredoc)),
        Kind::Body { keyword } => Some(Problem::Unclosed(f.at, Construct::DirectiveBody(keyword))),
        _ => None,
    });
    text_frame
        .or_else(|| open_comment.map(|at| Problem::Unclosed(at, Construct::Comment)))
        .or_else(|| {
            stack.iter().rev().find_map(|f| match f.kind {
                Kind::Open { bracket, .. } => {
                    Some(Problem::Unclosed(f.at, Construct::Bracket(bracket)))
                }
                Kind::Interp { directive } => Some(Problem::Unclosed(
                    f.at,
                    if directive.is_some() {
                        Construct::Directive
                    } else {
                        Construct::Interpolation
                    },
                )),
                _ => None,
            })
        })
}

/// Offset of the line ending (or the end) after position `i`.
fn line_end(b: &[u8], i: usize) -> usize {
    b.get(i..)
        .and_then(|rest| memchr::memchr(b'\n', rest))
        .map_or(b.len(), |p| i + p)
}

fn find(b: &[u8], from: usize, needle: &[u8]) -> Option<usize> {
    b.get(from..)?
        .windows(needle.len())
        .position(|w| w == needle)
        .map(|p| from + p)
}

/// The heredoc opened by the `<<` at `i`: its identifier and where its text starts. As in
/// hcl-edit, `<<` or `<<-` must be followed by an identifier and directly by a line ending.
fn heredoc_start(text: &str, i: usize) -> Option<(&[u8], usize)> {
    let b = text.as_bytes();
    let mut j = i + 2;
    if b.get(j) == Some(&b'-') {
        j += 1;
    }
    let name = j;
    let first = text.get(j..)?.chars().next()?;
    if !is_id_start(first) {
        return None;
    }
    j += first.len_utf8();
    for ch in text[j..].chars() {
        if !is_id_continue(ch) {
            break;
        }
        j += ch.len_utf8();
    }
    let marker = &b[name..j];
    match b.get(j..) {
        Some([b'\n', ..]) => Some((marker, j + 1)),
        Some([b'\r', b'\n', ..]) => Some((marker, j + 2)),
        _ => None,
    }
}

/// If the line starting at `start` closes a heredoc (spaces or tabs, the identifier, then
/// anything that cannot continue an identifier), the offset just after the identifier.
fn closing_line(text: &str, start: usize, marker: &[u8]) -> Option<usize> {
    let b = text.as_bytes();
    let mut k = start;
    while matches!(b.get(k), Some(b' ' | b'\t')) {
        k += 1;
    }
    let end = k + marker.len();
    if b.get(k..end)? != marker {
        return None;
    }
    match text.get(end..)?.chars().next() {
        Some(ch) if is_id_continue(ch) => None,
        _ => Some(end),
    }
}

/// The keyword of the directive whose `%{` ends just before `j`: after an optional `~`,
/// whitespace and comments, hcl-edit matches `if` or `for` as a prefix of what follows.
fn directive_keyword(b: &[u8], mut j: usize) -> Keyword {
    if b.get(j) == Some(&b'~') {
        j += 1;
    }
    loop {
        match b.get(j) {
            Some(b' ' | b'\t' | b'\r' | b'\n') => j += 1,
            Some(b'#') => j = line_end(b, j),
            Some(b'/') if b.get(j + 1) == Some(&b'/') => j = line_end(b, j),
            Some(b'/') if b.get(j + 1) == Some(&b'*') => match find(b, j + 2, b"*/") {
                Some(end) => j = end + 2,
                None => return Keyword::Other,
            },
            _ => break,
        }
    }
    let rest = &b[j.min(b.len())..];
    if rest.starts_with(b"if") {
        Keyword::If
    } else if rest.starts_with(b"for") {
        Keyword::For
    } else if rest.starts_with(b"else") {
        Keyword::Else
    } else if rest.starts_with(b"endif") {
        Keyword::EndIf
    } else if rest.starts_with(b"endfor") {
        Keyword::EndFor
    } else {
        Keyword::Other
    }
}

/// hcl-edit's identifier rules (Unicode XID plus `_`, and `-` after the first character).
/// Checking a non-ASCII character costs an allocation, but they are rare in heredoc markers.
fn is_id_start(ch: char) -> bool {
    if ch.is_ascii() {
        ch.is_ascii_alphabetic() || ch == '_'
    } else {
        hcl_edit::Ident::try_new(ch.to_string()).is_ok()
    }
}

fn is_id_continue(ch: char) -> bool {
    if ch.is_ascii() {
        ch.is_ascii_alphanumeric() || ch == '_' || ch == '-'
    } else {
        hcl_edit::Ident::try_new(format!("_{ch}")).is_ok()
    }
}

/// Whether the `{` at `brace` opens a block: on its line before it stand only a name and
/// labels (`resource "a" "b" {`, `ingress {`). Any other `{` opens an object (or a `for`).
/// Looks back at most 1 KiB, so a long line does not make the check quadratic.
fn is_block_header(b: &[u8], brace: usize) -> bool {
    let from = brace.saturating_sub(1024);
    let start = match b[from..brace].iter().rposition(|&c| c == b'\n') {
        Some(p) => from + p + 1,
        None if from == 0 => 0,
        None => return false,
    };
    let line = &b[start..brace];
    let mut words = 0;
    let mut j = 0;
    while j < line.len() {
        match line[j] {
            c if c.is_ascii_whitespace() => j += 1,
            b'"' if words > 0 => {
                j += 1;
                while j < line.len() && line[j] != b'"' {
                    j += if line[j] == b'\\' { 2 } else { 1 };
                }
                if j >= line.len() {
                    return false;
                }
                j += 1;
                words += 1;
            }
            c if c.is_ascii_alphabetic() || c == b'_' => {
                while j < line.len()
                    && (line[j].is_ascii_alphanumeric() || line[j] == b'_' || line[j] == b'-')
                {
                    j += 1;
                }
                words += 1;
            }
            _ => return false,
        }
    }
    words > 0
}

/// A new expression starts in the innermost frame: its operator chain is reset.
fn reset_ops(stack: &mut [Frame<'_>]) {
    if let Some(top) = stack.last_mut() {
        top.ops = 0;
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    fn config(text: &str) -> Option<Problem> {
        refusal(text, 256, 10_000, Syntax::Config)
    }

    fn template(text: &str) -> Option<Problem> {
        refusal(text, 256, 10_000, Syntax::Template)
    }

    fn hcl_edit_accepts(text: &str, syntax: Syntax) -> bool {
        match syntax {
            Syntax::Config => hcl_edit::parser::parse_body(text).is_ok(),
            Syntax::Template => hcl_edit::parser::parse_template(text).is_ok(),
        }
    }

    /// The property the pass rests on: whatever it calls unclosed, hcl-edit rejects.
    fn assert_exact(text: &str, syntax: Syntax) {
        let problem = refusal(text, 256, 10_000, syntax);
        if matches!(problem, Some(Problem::Unclosed(..))) {
            assert!(
                !hcl_edit_accepts(text, syntax),
                "refused as {problem:?}, but hcl-edit accepts:\n{text}"
            );
        }
    }

    #[test]
    fn well_formed_text_that_looks_unclosed_is_accepted() {
        // Each of these parses with hcl-edit; a careless lexer would see an unclosed construct.
        for text in [
            "x = \"a\n(b\"\n",
            "x = \"\\\"(\"\n",
            "x = \"$${ (\"\n",
            "x = \"%%{ (\"\n",
            "x = \"$$${a}\"\n",
            "x = f(<<EOF\n(\nEOF)\n",
            "x = f(<<EOF\n(\n  EOF  )\n",
            "x = <<EOF\r\n(\r\nEOF\r\n",
            "x = <<ÉOF\n(\nÉOF\n",
            "x = <<EOF\n(\nEOFX\nEOF-\nEOF\n",
            "x = <<EOF\n(\n\tEOF\n",
            "x = <<EOF\n${a}EOF\nEOF\n",
            "x = <<EOF\n${a\n}\nEOF\n",
            "x = <<-EOF\n  (\n  EOF\n",
            "x = \"${\"}\"}\"\n",
            "x = 1 /* ( */\n",
            "x = 1 # (\n",
            "x = 1 // (\n",
            "x = \"%{ if true }a\"(b%{ endif }\"\n",
            "x = \"%{ for x in y }a\\\"{%{ endfor }\"\n",
            "x = \"%{~ /* c */ if b ~}\"%{ else }[%{ endif }\"\n",
            "x = <<EOF\n%{ if true }\nEOF\n(\n%{ endif }\nEOF\n",
            "x = <<EOF\nEOF\n",
            "x = <<EOF\nEOF",
            "x = a <<<EOF\n(\nEOF\n",
            "x = [for k, v in m : \"${k}(\" if v]\n",
            "x = { for k, v in m : k => \"{\" }\n",
        ] {
            assert!(hcl_edit_accepts(text, Syntax::Config), "not HCL:\n{text}");
            assert_eq!(config(text), None, "{text:?}");
        }
        for text in ["a ( { [ \" \\", "${a} %{ if b }\"(%{ endif }", "$${ %%{ ("] {
            assert!(hcl_edit_accepts(text, Syntax::Template), "{text}");
            assert_eq!(template(text), None, "{text:?}");
        }
    }

    #[test]
    fn text_ending_inside_a_construct_is_refused_where_it_opens() {
        use Construct::*;
        for (text, at, construct) in [
            ("x = (1 + 2\n", 4, Bracket(b'(')),
            ("a {\n  b = [1,\n", 10, Bracket(b'[')),
            ("a {\n  b = 1\n", 2, Bracket(b'{')),
            ("x = \"${a\n", 4, String),
            ("x = \"%{ x\n", 4, String),
            ("x = <<EOF\n%{ if a }b\n", 4, Heredoc),
            ("x = (\"a\" + 1\n", 4, Bracket(b'(')),
            ("a {\n  x = \"abc\n}\n", 10, String),
            ("x = <<EOF\nabc\n EOFX\n", 4, Heredoc),
            ("x = <<EOF\n%{ if a }\nEOF\n", 4, Heredoc),
            ("x = 1 /* (\n", 6, Comment),
        ] {
            assert_eq!(
                config(text),
                Some(Problem::Unclosed(at, construct)),
                "{text:?}"
            );
            assert!(!hcl_edit_accepts(text, Syntax::Config), "{text}");
        }
        assert_eq!(
            template("a ${b"),
            Some(Problem::Unclosed(2, Construct::Interpolation))
        );
        assert_eq!(
            template("%{ if a }b"),
            Some(Problem::Unclosed(0, Construct::DirectiveBody(Keyword::If)))
        );
        assert_eq!(
            template("a %{ for x in y }b ${c"),
            Some(Problem::Unclosed(2, Construct::DirectiveBody(Keyword::For)))
        );
        assert_eq!(
            template("a %{ x"),
            Some(Problem::Unclosed(2, Construct::Directive))
        );
    }

    #[test]
    fn heredocs_closed_on_their_first_line_follow_hcl_edit() {
        // No later closing line: the heredoc is empty, and the `(` after it is never closed.
        let text = "x = <<EOF\nEOF\n(\n";
        assert_eq!(
            config(text),
            Some(Problem::Unclosed(14, Construct::Bracket(b'(')))
        );
        assert!(!hcl_edit_accepts(text, Syntax::Config));
        // Plain text up to a later closing line: hcl-edit reads the heredoc up to it.
        let text = "a = <<EOF\nEOF\nb = (\nEOF\n";
        assert!(hcl_edit_accepts(text, Syntax::Config));
        assert_eq!(config(text), None);
        let text = "a = <<EOF\nEOF\nb = (\nEOF\n(\n";
        assert_eq!(
            config(text),
            Some(Problem::Unclosed(24, Construct::Bracket(b'(')))
        );
        assert!(!hcl_edit_accepts(text, Syntax::Config));
        // An interpolation in between: hcl-edit reads the heredoc up to the later line if that
        // parses, and closes it at once otherwise. No claim is made either way. Here `x & y`
        // fails, so the rest is a comment; `x` parses, so ` ( */` is left over.
        let text = "a = <<EOF\nEOF\n/* ${ x & y }\nEOF ( */\n";
        assert!(hcl_edit_accepts(text, Syntax::Config));
        assert_eq!(config(text), None);
        let text = "a = <<EOF\nEOF\n/* ${ x }\nEOF ( */\n";
        assert!(!hcl_edit_accepts(text, Syntax::Config));
        assert_eq!(config(text), None);
    }

    /// `x = a > b > (a > b > (... c & d ...))`: nothing is left open, but `&` is no operator,
    /// so the innermost operand fails and every level around it is parsed twice.
    fn retried_chains(levels: usize) -> String {
        format!(
            "x = {}c & d{}\n",
            "a > b > (".repeat(levels),
            ")".repeat(levels)
        )
    }

    #[test]
    fn operator_chains_nested_past_the_budget_are_refused() {
        // hcl-edit takes 9 ms on 14 levels, 140 ms on 18, and four times as long for every
        // two more.
        assert_eq!(config(&retried_chains(8)), None);
        assert!(!hcl_edit_accepts(&retried_chains(8), Syntax::Config));
        let text = retried_chains(20);
        assert!(
            matches!(config(&text), Some(Problem::Backtracking(at)) if text[at..].starts_with('(')),
            "{:?}",
            config(&text)
        );
        // Inside a template (a JSON string's text), the same.
        let template = format!("${{{}}}", &text[4..text.len() - 1]);
        assert!(matches!(
            refusal(&template, 256, 10_000, Syntax::Template),
            Some(Problem::Backtracking(_))
        ));
        // Deep nesting without operator chains costs nothing extra.
        let plain = format!("x = {}1{}\n", "f([".repeat(30), "])".repeat(30));
        assert_eq!(config(&plain), None);
        assert!(hcl_edit_accepts(&plain, Syntax::Config));
        // Chains reset at `,`, `=`, `?` and `:`: each operand here follows one operator only.
        let reset = format!(
            "x = {}1{}\n",
            "[a + (b ? c : d - (e, ".repeat(30),
            "))]".repeat(30)
        );
        assert_eq!(config(&reset), None);
    }

    #[test]
    fn both_readings_of_an_ambiguous_heredoc_are_weighed() {
        let bomb = retried_chains(20);
        // In the heredoc's long reading, the chains are inside an interpolation.
        let text = format!("a = <<EOF\nEOF\n${{ {} }}\nEOF\n", &bomb[4..bomb.len() - 1]);
        assert!(matches!(config(&text), Some(Problem::Backtracking(_))));
        // Only in the long reading are they code: in the short one they sit in a comment.
        let text = format!("a = <<EOF\nEOF\n/* ${{x}}\nEOF\n{bomb} */\n");
        assert!(matches!(config(&text), Some(Problem::Backtracking(_))));
        // With fewer levels both readings are cheap: no claim, and hcl-edit rejects the
        // leftover ` */` soon.
        let text = format!("a = <<EOF\nEOF\n/* ${{x}}\nEOF\n{} */\n", retried_chains(3));
        assert_eq!(config(&text), None);
        assert!(!hcl_edit_accepts(&text, Syntax::Config));
    }

    #[test]
    fn the_fuzzed_backtracking_input_is_refused() {
        let text = include_str!("../../../tests/data/fuzz-regressions/hcl-edit-backtracking.tf");
        let at = text.find("<<EOF").expect("heredoc");
        assert_eq!(
            config(text),
            Some(Problem::Unclosed(at, Construct::Heredoc))
        );
    }

    /// Native-syntax files of this repository: fixtures, test data and rules (whose examples
    /// are Terraform inside heredocs), with the rules' examples themselves.
    fn repository_texts() -> Vec<(String, std::string::String)> {
        fn walk(dir: &std::path::Path, out: &mut Vec<(String, String)>) {
            let Ok(entries) = std::fs::read_dir(dir) else {
                return;
            };
            for entry in entries.flatten() {
                let path = entry.path();
                if path.is_dir() {
                    walk(&path, out);
                } else if path
                    .extension()
                    .is_some_and(|e| e == "tf" || e == "tfvars" || e == "hcl" || e == "tpl")
                    && !path.to_string_lossy().contains("fuzz-regressions")
                {
                    if let Ok(text) = std::fs::read_to_string(&path) {
                        out.push((path.display().to_string(), text));
                    }
                }
            }
        }
        let root = std::path::Path::new(env!("CARGO_MANIFEST_DIR"));
        let mut out = Vec::new();
        for dir in ["fixtures", "rules", "tests/data"] {
            walk(&root.join(dir), &mut out);
        }
        let rules = crate::rules::RuleSet::builtin().expect("built-in rules");
        for rule in rules.rules() {
            for (i, ex) in rule.examples.iter().enumerate() {
                out.push((format!("{} example {i}", rule.id), ex.code.clone()));
            }
        }
        out
    }

    #[test]
    fn repository_files_and_their_prefixes() {
        let texts = repository_texts();
        assert!(texts.len() > 200, "found only {} texts", texts.len());
        let mut refused_prefixes = 0;
        for (name, text) in &texts {
            let syntax = if name.ends_with(".tpl") {
                Syntax::Template
            } else {
                Syntax::Config
            };
            if hcl_edit_accepts(text, syntax) {
                assert_eq!(refusal(text, 256, 10_000, syntax), None, "{name}");
            }
            // Cut the text at every line end and at points between: a cut text usually ends
            // inside something, and hcl-edit must then reject it too.
            let cuts: Vec<usize> = (0..text.len())
                .filter(|&i| text.is_char_boundary(i))
                .filter(|&i| text.as_bytes()[i] == b'\n' || i % 61 == 0)
                .collect();
            let step = cuts.len() / 120 + 1;
            for &cut in cuts.iter().step_by(step) {
                let prefix = &text[..cut];
                if matches!(
                    refusal(prefix, 256, 10_000, syntax),
                    Some(Problem::Unclosed(..))
                ) {
                    refused_prefixes += 1;
                    assert!(
                        !hcl_edit_accepts(prefix, syntax),
                        "{name} cut at {cut} is refused but hcl-edit accepts it"
                    );
                }
            }
        }
        assert!(
            refused_prefixes > 1000,
            "only {refused_prefixes} prefixes refused"
        );
    }

    /// A small random generator of well-formed native syntax, biased towards what a lexer can
    /// get wrong: brackets, quotes and comment markers inside strings, heredocs and comments,
    /// template directives (whose text may hold `"` and heredoc closing lines), escapes,
    /// heredocs closed by `EOF)`, CRLF line endings.
    struct Gen {
        state: u64,
        names: usize,
    }

    impl Gen {
        fn next(&mut self) -> u64 {
            self.state = self.state.wrapping_add(0x9E37_79B9_7F4A_7C15);
            let mut z = self.state;
            z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
            z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
            z ^ (z >> 31)
        }

        fn pick(&mut self, n: usize) -> usize {
            (self.next() % n as u64) as usize
        }

        fn one<'a>(&mut self, items: &[&'a str]) -> &'a str {
            items[self.pick(items.len())]
        }

        fn name(&mut self) -> String {
            self.names += 1;
            format!("n{}", self.names)
        }

        /// Whitespace between tokens; inside brackets it may span lines and hold comments.
        fn ws(&mut self, multi: bool) -> &'static str {
            if multi {
                self.one(&[
                    " ",
                    "\n  ",
                    " # ( { \"\n",
                    " // ] } <<EOF\n",
                    " /* ) \" \n } */ ",
                ])
            } else {
                self.one(&[" ", " /* ( */ "])
            }
        }

        fn body(&mut self, out: &mut String, depth: usize) {
            for _ in 0..1 + self.pick(4) {
                match self.pick(7) {
                    0 => out.push_str(self.one(&[
                        "# a ( { [ \" <<EOF\n",
                        "// } ] ) /*\n",
                        "/* ( \n { \" */\n",
                        "\n",
                    ])),
                    1 if depth < 2 => {
                        out.push_str("resource \"t\" \"");
                        out.push_str(&self.name());
                        out.push_str("\" {\n");
                        self.body(out, depth + 1);
                        out.push_str("}\n");
                    }
                    2 if depth < 2 => {
                        out.push_str("dynamic {\n");
                        self.body(out, depth + 1);
                        out.push_str("}\n");
                    }
                    _ => {
                        out.push_str(&self.name());
                        out.push_str(" = ");
                        self.expr(out, depth);
                        out.push('\n');
                    }
                }
            }
        }

        fn expr(&mut self, out: &mut String, depth: usize) {
            let leaf = depth >= 4 || self.pick(3) == 0;
            if leaf {
                match self.pick(8) {
                    0 => out.push_str(self.one(&["var.a", "local.my-name", "x", "var.m[\"k\"]"])),
                    1 => out.push_str(self.one(&["1", "2.5", "1e-3", "true", "null"])),
                    2..=4 => self.string(out, depth),
                    5 if depth < 3 => self.heredoc(out, depth),
                    _ => out.push_str("var.b"),
                }
                return;
            }
            let d = depth + 1;
            match self.pick(11) {
                0 | 1 => {
                    self.expr(out, d);
                    out.push(' ');
                    out.push_str(self.one(&[
                        "+", "-", "*", "/", "%", "==", "!=", "<", ">", "<=", ">=", "&&", "||",
                    ]));
                    out.push(' ');
                    self.expr(out, d);
                }
                2 => {
                    out.push_str(self.one(&["!", "-"]));
                    out.push_str("var.c");
                }
                3 => {
                    self.expr(out, d);
                    out.push_str(" ? ");
                    self.expr(out, d);
                    out.push_str(" : ");
                    self.expr(out, d);
                }
                4 => {
                    out.push('(');
                    out.push_str(self.ws(true));
                    self.expr(out, d);
                    out.push_str(self.ws(true));
                    out.push(')');
                }
                5 => {
                    out.push('[');
                    for k in 0..self.pick(3) {
                        if k > 0 {
                            out.push(',');
                        }
                        out.push_str(self.ws(true));
                        self.expr(out, d);
                    }
                    out.push_str(self.ws(true));
                    out.push(']');
                }
                6 => {
                    out.push('{');
                    for k in 0..self.pick(3) {
                        out.push_str(if k > 0 { ",\n" } else { "\n" });
                        out.push_str(&self.name());
                        out.push_str(" = ");
                        self.expr(out, d);
                    }
                    out.push_str("\n}");
                }
                7 => {
                    out.push_str(self.one(&["f(", "provider::p::f(", "g ("]));
                    self.expr(out, d);
                    out.push(',');
                    out.push_str(self.ws(true));
                    self.expr(out, d);
                    out.push(')');
                }
                8 => {
                    out.push_str("[for k, v in ");
                    self.expr(out, d);
                    out.push_str(" : ");
                    self.expr(out, d);
                    out.push_str(" if v]");
                }
                9 => {
                    out.push_str("{ for k, v in ");
                    self.expr(out, d);
                    out.push_str(" : k => ");
                    self.expr(out, d);
                    out.push_str(" }");
                }
                _ => {
                    out.push_str("var.l[");
                    self.expr(out, d);
                    out.push_str("].x");
                }
            }
        }

        fn string(&mut self, out: &mut String, depth: usize) {
            out.push('"');
            self.template(out, depth, TextKind::Quoted);
            out.push('"');
        }

        fn heredoc(&mut self, out: &mut String, depth: usize) {
            let marker = self.one(&["EOF", "EOT", "ÉOF", "_x-1"]);
            if self.pick(8) == 0 {
                // Empty, closed on its first line. hcl-edit would read on to a later line
                // closing the same identifier, so this one is used once.
                let marker = format!("E{}", self.name());
                out.push_str(&format!("<<{marker}\n{marker}"));
                return;
            }
            out.push_str(self.one(&["<<", "<<-"]));
            out.push_str(marker);
            out.push('\n');
            for _ in 0..1 + self.pick(3) {
                out.push_str(self.one(&["  a ( { \" ' \\ ", "x", ""]));
                self.template(out, depth, TextKind::Heredoc(marker));
                out.push_str(self.one(&[
                    "\n",
                    &format!("\n{marker}X\n"),
                    &format!("\n{marker}-\n"),
                    "\n x",
                ]));
                if out.ends_with('x') {
                    out.push_str(marker);
                    out.push('\n');
                }
            }
            out.push_str(self.one(&["", "  ", "\t"]));
            out.push_str(marker);
            // What follows the closing identifier must not continue it; a line ending would
            // end the attribute.
            out.push(' ');
        }

        fn template(&mut self, out: &mut String, depth: usize, kind: TextKind) {
            for _ in 0..self.pick(4) {
                match self.pick(9) {
                    0 | 1 => out.push_str(self.one(&[
                        "abc", "( { [", "# // /*", "<<EOF", "'", "} )", "$ % ", "$$${x}", "%%{y}",
                        "\n",
                    ])),
                    2 if kind == TextKind::Quoted => {
                        out.push_str(self.one(&["\\\"", "\\\\", "\\n", "\\u00e9", "\\\"("]))
                    }
                    3 | 4 if depth < 4 => {
                        out.push_str(self.one(&["${", "${~"]));
                        out.push_str(self.ws(true));
                        self.expr(out, depth + 1);
                        out.push_str(self.ws(true));
                        out.push_str(self.one(&["}", "~}"]));
                    }
                    5 | 6 if depth < 4 => {
                        out.push_str(self.one(&["%{ if ", "%{~ if ", "%{ /* } */ if "]));
                        self.expr(out, depth + 1);
                        out.push_str(" }");
                        self.directive_body(out, depth, kind);
                        if self.pick(2) == 0 {
                            out.push_str("%{ else }");
                            self.directive_body(out, depth, kind);
                        }
                        out.push_str(self.one(&["%{ endif }", "%{~ endif ~}"]));
                    }
                    7 if depth < 4 => {
                        out.push_str("%{ for k in ");
                        self.expr(out, depth + 1);
                        out.push_str(" }");
                        self.directive_body(out, depth, kind);
                        out.push_str("%{ endfor }");
                    }
                    _ => out.push('z'),
                }
            }
        }

        /// Directive text: plain template text, in which `"`, `\` and a heredoc's closing
        /// line are ordinary characters.
        fn directive_body(&mut self, out: &mut String, depth: usize, kind: TextKind) {
            match kind {
                TextKind::Quoted => out.push_str(self.one(&["\"(", "\\", "a"])),
                TextKind::Heredoc(marker) => {
                    out.push('\n');
                    out.push_str(marker);
                    out.push_str("\n(");
                }
                TextKind::Template => {}
            }
            self.template(out, depth + 1, TextKind::Template);
        }
    }

    #[derive(Clone, Copy, PartialEq, Eq)]
    enum TextKind {
        Quoted,
        Heredoc(&'static str),
        Template,
    }

    fn generated(seed: u64) -> String {
        let mut gen = Gen {
            state: seed,
            names: 0,
        };
        let mut out = String::new();
        gen.body(&mut out, 0);
        if gen.pick(4) == 0 {
            out = out.replace('\n', "\r\n");
        }
        out
    }

    /// Edits that break text in the ways a lexer could misread.
    fn mutated(text: &str, seed: u64) -> String {
        let mut gen = Gen {
            state: seed,
            names: 0,
        };
        let mut out = text.to_string();
        for _ in 0..1 + gen.pick(3) {
            let mut at = gen.pick(out.len() + 1);
            while !out.is_char_boundary(at) {
                at -= 1;
            }
            match gen.pick(4) {
                0 => out.truncate(at),
                1 => {
                    let mut end = (at + 1 + gen.pick(20)).min(out.len());
                    while !out.is_char_boundary(end) {
                        end += 1;
                    }
                    out.replace_range(at..end, "");
                }
                _ => out.insert_str(
                    at,
                    gen.one(&[
                        "\"",
                        "(",
                        ")",
                        "{",
                        "}",
                        "[",
                        "]",
                        "${",
                        "%{",
                        "%{ if x }",
                        "%{ endif }",
                        "\n",
                        "<<EOF\n",
                        "\nEOF\n",
                        "#",
                        "/*",
                        "*/",
                        "\\",
                        "~",
                        "$",
                        "%",
                    ]),
                ),
            }
        }
        out
    }

    #[test]
    fn the_generator_makes_well_formed_files() {
        for seed in 0..300 {
            let text = generated(seed);
            if std::env::var("SHOW_SEED").is_ok_and(|s| s == seed.to_string()) {
                println!("{text}");
            }
            assert!(
                hcl_edit_accepts(&text, Syntax::Config),
                "seed {seed}: {:?}",
                hcl_edit::parser::parse_body(&text)
                    .err()
                    .map(|e| e.to_string())
            );
        }
    }

    proptest! {
        #![proptest_config(ProptestConfig::with_cases(400))]

        #[test]
        fn generated_files_are_never_refused(seed in any::<u64>()) {
            let text = generated(seed);
            prop_assert!(hcl_edit_accepts(&text, Syntax::Config), "not HCL:\n{}", text);
            prop_assert_eq!(config(&text), None, "{}", text);
        }

        #[test]
        fn mutated_files_are_refused_only_when_hcl_edit_rejects_them(
            seed in any::<u64>(),
            edit in any::<u64>(),
        ) {
            let text = mutated(&generated(seed), edit);
            assert_exact(&text, Syntax::Config);
        }

        #[test]
        fn mutated_templates_are_refused_only_when_hcl_edit_rejects_them(
            seed in any::<u64>(),
            edit in any::<u64>(),
        ) {
            let mut gen = Gen { state: seed, names: 0 };
            let mut text = String::new();
            gen.template(&mut text, 0, TextKind::Template);
            prop_assert!(hcl_edit_accepts(&text, Syntax::Template), "not a template:\n{}", text);
            prop_assert_eq!(template(&text), None, "{}", text);
            assert_exact(&mutated(&text, edit), Syntax::Template);
        }
    }
}
