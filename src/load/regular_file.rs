//! Bounded reads of regular files for the inputs onus opens by name outside discovery
//! (`file()` and its family, `--baseline`, `.terraform/modules/modules.json`): a FIFO, device
//! or directory is refused with a message instead of a read that could block forever, and a
//! file over the limit is refused instead of read whole.

use std::io::Read as _;
use std::path::Path;

/// Why a file was not read: the message names neither the file nor its contents, so callers
/// put it after their own description of the file.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum ReadRefusal {
    NotRegular(&'static str),
    TooLarge { limit: u64 },
    Io(String),
}

impl std::fmt::Display for ReadRefusal {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            ReadRefusal::NotRegular(what) => {
                write!(
                    f,
                    "it is {what}, not a regular file; onus reads only regular files"
                )
            }
            ReadRefusal::TooLarge { limit } => {
                write!(f, "it is larger than the {} limit", human_size(*limit))
            }
            ReadRefusal::Io(e) => f.write_str(e),
        }
    }
}

fn human_size(bytes: u64) -> String {
    if bytes >= 1 << 20 && bytes.is_multiple_of(1 << 20) {
        format!("{} MiB", bytes >> 20)
    } else {
        format!("{bytes}-byte")
    }
}

fn kind_of(t: std::fs::FileType) -> &'static str {
    #[cfg(unix)]
    {
        use std::os::unix::fs::FileTypeExt as _;
        if t.is_fifo() {
            return "a named pipe (FIFO)";
        }
        if t.is_socket() {
            return "a socket";
        }
        if t.is_char_device() || t.is_block_device() {
            return "a device";
        }
    }
    if t.is_dir() {
        "a directory"
    } else {
        "a special file"
    }
}

/// The bytes of the regular file at `path` (symbolic links followed), at most `limit` of them.
pub fn read_regular_file(path: &Path, limit: u64) -> Result<Vec<u8>, ReadRefusal> {
    // Checked before opening: opening a FIFO for reading blocks until a writer appears.
    let meta = std::fs::metadata(path).map_err(|e| ReadRefusal::Io(e.to_string()))?;
    if !meta.is_file() {
        return Err(ReadRefusal::NotRegular(kind_of(meta.file_type())));
    }
    if meta.len() > limit {
        return Err(ReadRefusal::TooLarge { limit });
    }
    let file = std::fs::File::open(path).map_err(|e| ReadRefusal::Io(e.to_string()))?;
    // The path may have been replaced between the two looks: check what was opened.
    let opened = file
        .metadata()
        .map_err(|e| ReadRefusal::Io(e.to_string()))?;
    if !opened.is_file() {
        return Err(ReadRefusal::NotRegular(kind_of(opened.file_type())));
    }
    let mut bytes = Vec::with_capacity(opened.len().min(limit) as usize);
    file.take(limit + 1)
        .read_to_end(&mut bytes)
        .map_err(|e| ReadRefusal::Io(e.to_string()))?;
    if bytes.len() as u64 > limit {
        return Err(ReadRefusal::TooLarge { limit });
    }
    Ok(bytes)
}

/// As [`read_regular_file`], as UTF-8 text.
pub fn read_regular_text(path: &Path, limit: u64) -> Result<String, ReadRefusal> {
    let bytes = read_regular_file(path, limit)?;
    String::from_utf8(bytes).map_err(|_| ReadRefusal::Io("it is not valid UTF-8 text".into()))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn reads_regular_files_within_the_limit() {
        let dir = tempfile::tempdir().expect("tempdir");
        let p = dir.path().join("a.txt");
        std::fs::write(&p, "hello").expect("write");
        assert_eq!(read_regular_text(&p, 5).as_deref(), Ok("hello"));
        assert_eq!(
            read_regular_text(&p, 4),
            Err(ReadRefusal::TooLarge { limit: 4 })
        );
        assert!(matches!(
            read_regular_file(dir.path(), 100),
            Err(ReadRefusal::NotRegular("a directory"))
        ));
        assert!(matches!(
            read_regular_file(&dir.path().join("missing"), 100),
            Err(ReadRefusal::Io(_))
        ));
    }

    #[cfg(unix)]
    #[test]
    fn refuses_a_fifo_without_blocking() {
        let dir = tempfile::tempdir().expect("tempdir");
        let p = dir.path().join("pipe");
        let made = std::process::Command::new("mkfifo").arg(&p).status();
        assert!(made.is_ok_and(|s| s.success()), "mkfifo failed");
        let refused = read_regular_file(&p, 100);
        assert!(
            matches!(refused, Err(ReadRefusal::NotRegular(k)) if k.contains("FIFO")),
            "{refused:?}"
        );
    }
}
