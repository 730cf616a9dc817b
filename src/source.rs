//! Source files as the scanner holds them: text shared by reference, a line index that turns byte
//! offsets into 1-based line/column, and the compact [`Span`] every value and finding points with;
//! and what a path means to the scan (`path.rs`: its [`FileKind`], the form it is shown in).

mod path;

pub use path::{display_file_path, in_dot_terraform, normalize, FileKind};

use std::path::{Path, PathBuf};
use std::sync::Arc;

/// Index of a file in the [`SourceMap`] of one scan.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Default)]
pub struct FileId(pub u32);

impl FileId {
    /// The id of the file at `index` in discovery order (saturating: a scan is refused long
    /// before four billion files).
    pub fn from_index(index: usize) -> FileId {
        FileId(saturate(index))
    }
}

/// A byte range in one source file. Twelve bytes, so values can carry one cheaply.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Default)]
pub struct Span {
    pub file: FileId,
    pub start: u32,
    pub end: u32,
}

impl Span {
    pub fn new(file: FileId, range: std::ops::Range<usize>) -> Self {
        Span {
            file,
            start: saturate(range.start),
            end: saturate(range.end.max(range.start)),
        }
    }

    pub fn range(&self) -> std::ops::Range<usize> {
        self.start as usize..self.end as usize
    }

    pub fn len(&self) -> usize {
        (self.end - self.start) as usize
    }

    pub fn is_empty(&self) -> bool {
        self.start == self.end
    }
}

pub(crate) fn saturate(n: usize) -> u32 {
    u32::try_from(n).unwrap_or(u32::MAX)
}

/// A 1-based line and column (columns count characters, as editors and SARIF do).
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, serde::Serialize)]
pub struct LineCol {
    pub line: u32,
    pub column: u32,
}

/// One file read by the scan.
#[derive(Debug)]
pub struct SourceFile {
    /// Path as shown to users: relative to the scan root where possible, `/` separated.
    pub display: String,
    /// Path on disk.
    pub path: PathBuf,
    /// Path relative to the repository root, `/` separated, when the file is inside it (see
    /// [`SourceFile::repository_path`]).
    repository_path: Option<String>,
    /// An `Arc<String>` rather than `Arc<str>`: the bytes read from disk become the text
    /// without a copy.
    pub text: Arc<String>,
    line_starts: Vec<u32>,
    /// Lines holding a non-ASCII character (sorted line indexes). On every other line a
    /// column is a byte difference, so locating is O(1) even on a one-line plan file.
    non_ascii_lines: Vec<u32>,
    /// Length of the byte-order mark the file started with (0 or 3). `text` holds as many
    /// spaces in its place, so byte offsets match the file; columns on line 1 leave them out.
    bom: u32,
}

impl SourceFile {
    /// Holds `text` for the scan. A leading byte-order mark is replaced by spaces of the same
    /// length (in place): parsers see ordinary whitespace, and offsets stay those of the file.
    pub fn new(display: String, path: PathBuf, text: impl Into<String>) -> Self {
        let mut text: String = text.into();
        let bom = if text.starts_with('\u{feff}') {
            let n = '\u{feff}'.len_utf8();
            text.replace_range(..n, &" ".repeat(n));
            n
        } else {
            0
        };
        let bytes = text.as_bytes();
        // Sized exactly: a scan keeps every file's line index until it reports.
        let mut line_starts = Vec::with_capacity(1 + memchr::memchr_iter(b'\n', bytes).count());
        line_starts.push(0u32);
        let mut non_ascii_lines = Vec::new();
        let mut start = 0;
        for end in memchr::memchr_iter(b'\n', bytes).chain(std::iter::once(bytes.len())) {
            if !bytes[start..end].is_ascii() {
                non_ascii_lines.push(saturate(line_starts.len() - 1));
            }
            if end < bytes.len() {
                line_starts.push(saturate(end + 1));
            }
            start = end + 1;
        }
        let text = Arc::new(text);
        SourceFile {
            display,
            path,
            repository_path: None,
            text,
            line_starts,
            non_ascii_lines,
            bom: saturate(bom),
        }
    }

    /// The path that identifies the file whatever the directory onus runs in and however the
    /// scan path was spelt: relative to the repository root (the nearest directory above the
    /// scan path holding `.git` or `.onus.hcl`), `/` separated. Fingerprints, baselines and
    /// SARIF use it. The display path when the file is outside the repository.
    pub fn repository_path(&self) -> &str {
        self.repository_path.as_deref().unwrap_or(&self.display)
    }

    /// Whether the file lies inside the repository root (has a repository path of its own).
    pub fn in_repository(&self) -> bool {
        self.repository_path.is_some()
    }

    /// 0-based index of the line holding a byte offset (clamped to the file).
    fn line_index(&self, offset: u32) -> usize {
        match self.line_starts.binary_search(&offset) {
            Ok(i) => i,
            Err(i) => i.saturating_sub(1),
        }
    }

    /// 1-based line and character column of a byte offset (clamped to the file).
    pub fn line_col(&self, offset: u32) -> LineCol {
        let offset = offset.min(saturate(self.text.len()));
        let line_idx = self.line_index(offset);
        let start = self.line_starts[line_idx] as usize;
        let mut end = offset as usize;
        let column = if self
            .non_ascii_lines
            .binary_search(&saturate(line_idx))
            .is_err()
        {
            end - start + 1
        } else {
            while end > start && !self.text.is_char_boundary(end) {
                end -= 1;
            }
            self.text[start..end].chars().count() + 1
        };
        // The byte-order mark's spaces are one column each; an editor shows none.
        let column = if line_idx == 0 {
            column.saturating_sub(self.bom as usize).max(1)
        } else {
            column
        };
        LineCol {
            line: saturate(line_idx + 1),
            column: saturate(column),
        }
    }

    /// Text of a 1-based line without its line ending.
    pub fn line_text(&self, line: u32) -> &str {
        let idx = line.saturating_sub(1) as usize;
        let Some(&start) = self.line_starts.get(idx) else {
            return "";
        };
        let end = self
            .line_starts
            .get(idx + 1)
            .map(|&e| e as usize)
            .unwrap_or(self.text.len());
        self.text[start as usize..end].trim_end_matches(['\n', '\r'])
    }

    /// Length in bytes of the 1-based line holding `offset`.
    pub fn line_len_at(&self, offset: u32) -> usize {
        let offset = offset.min(saturate(self.text.len()));
        self.line_text(saturate(self.line_index(offset) + 1)).len()
    }

    pub fn line_count(&self) -> usize {
        self.line_starts.len()
    }

    pub fn slice(&self, span: Span) -> &str {
        let r = span.range();
        self.text.get(r).unwrap_or("")
    }
}

/// Every file of one scan, addressed by [`FileId`].
#[derive(Debug, Default)]
pub struct SourceMap {
    files: Vec<SourceFile>,
}

impl SourceMap {
    pub fn add(&mut self, file: SourceFile) -> FileId {
        self.files.push(file);
        FileId(saturate(self.files.len() - 1))
    }

    pub fn get(&self, id: FileId) -> Option<&SourceFile> {
        self.files.get(id.0 as usize)
    }

    pub fn files(&self) -> impl Iterator<Item = (FileId, &SourceFile)> {
        self.files
            .iter()
            .enumerate()
            .map(|(i, f)| (FileId(saturate(i)), f))
    }

    pub fn len(&self) -> usize {
        self.files.len()
    }

    pub fn is_empty(&self) -> bool {
        self.files.is_empty()
    }

    /// Sets each file's repository path (see [`SourceFile::repository_path`]) to what `of`
    /// says; `None` leaves the display path in its place.
    pub fn set_repository_paths(&mut self, of: impl Fn(&SourceFile) -> Option<String>) {
        for f in &mut self.files {
            f.repository_path = of(f);
        }
    }

    /// The file whose on-disk path is `path`, if it was read.
    pub fn find_path(&self, path: &Path) -> Option<FileId> {
        self.files
            .iter()
            .position(|f| f.path == path)
            .map(|i| FileId(saturate(i)))
    }

    /// Start line/column and end line/column of a span.
    pub fn locate(&self, span: Span) -> Option<(LineCol, LineCol)> {
        let f = self.get(span.file)?;
        Some((f.line_col(span.start), f.line_col(span.end)))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn line_col_is_one_based_and_counts_chars() {
        let f = SourceFile::new("a.tf".into(), "a.tf".into(), "ab\nçd\r\nx");
        assert_eq!(f.line_col(0), LineCol { line: 1, column: 1 });
        assert_eq!(f.line_col(3), LineCol { line: 2, column: 1 });
        // 'ç' is two bytes; 'd' is the second character.
        assert_eq!(f.line_col(5), LineCol { line: 2, column: 2 });
        assert_eq!(f.line_text(2), "çd");
        assert_eq!(f.line_text(3), "x");
        assert_eq!(f.line_col(999), LineCol { line: 3, column: 2 });
    }

    #[test]
    fn a_byte_order_mark_is_neither_text_nor_a_column() {
        let f = SourceFile::new("a.tf".into(), "a.tf".into(), "\u{feff}ab = \"é\"\nc");
        // Offsets are the file's: the mark's three bytes are spaces.
        assert_eq!(&f.text[..5], "   ab");
        assert_eq!(f.line_col(0), LineCol { line: 1, column: 1 });
        assert_eq!(f.line_col(3), LineCol { line: 1, column: 1 });
        assert_eq!(f.line_col(4), LineCol { line: 1, column: 2 });
        // After a non-ASCII character on line 1 too.
        assert_eq!(f.line_col(12), LineCol { line: 1, column: 9 });
        assert_eq!(f.line_col(13), LineCol { line: 2, column: 1 });
        let plain = SourceFile::new("b.tf".into(), "b.tf".into(), "   ab");
        assert_eq!(plain.line_col(3), LineCol { line: 1, column: 4 });
    }
}
