//! Reading input files safely: only regular files, never more than the size limit.
//!
//! A path may name something that is not a file: a FIFO (opening it for reading blocks
//! until a writer comes), a device such as `/dev/zero` (endless, and its reported size is
//! 0), a socket or a folder. Such paths are refused before they are opened. The file is
//! then opened without blocking and its type checked again on the open handle, so that a
//! path swapped for a FIFO in between is refused too; and it is read through a limit, so
//! that what the file turns out to hold, not what its size said, decides.

use crate::error::Diagnostic;
use std::fs::{self, File, Metadata};
use std::io::{self, Read};
use std::os::unix::fs::{FileTypeExt, OpenOptionsExt};
use std::path::Path;

/// The largest input file read, in bytes; a larger one is reported and skipped.
pub const MAX_FILE_BYTES: u64 = 64 * 1024 * 1024;

/// Why a file could not be read.
#[derive(Debug)]
pub enum ReadError {
    /// The operating system refused (the file is missing, or may not be read).
    Io(io::Error),
    /// The path names something other than a regular file; the words say what.
    NotAFile(&'static str),
    /// The file holds more than the limit; its size when the file system gives one.
    TooLarge {
        /// The size the file system reports, if it is over the limit.
        size: Option<u64>,
        /// The limit, in bytes.
        limit: u64,
    },
}

impl ReadError {
    /// True when the path does not exist.
    pub fn is_not_found(&self) -> bool {
        matches!(self, ReadError::Io(e) if e.kind() == io::ErrorKind::NotFound)
    }

    /// What went wrong, in words, for a message about the file.
    pub fn message(&self) -> String {
        match self {
            ReadError::Io(e) => format!("cannot read: {e}"),
            ReadError::NotAFile(what) => format!("{what}, not a file: not read"),
            ReadError::TooLarge {
                size: Some(size),
                limit,
            } => format!(
                "file is {:.1} MiB, over the limit of {} MiB",
                *size as f64 / 1048576.0,
                limit / 1048576
            ),
            ReadError::TooLarge { size: None, limit } => format!(
                "holds more than the limit of {} MiB; reading stopped there",
                limit / 1048576
            ),
        }
    }

    /// The problem as a diagnostic about `path`.
    pub fn diagnostic(&self, path: &Path) -> Diagnostic {
        Diagnostic::file(path, self.message())
    }
}

/// What a file system entry is, in words, when it is not a regular file.
fn not_a_file(meta: &Metadata) -> Option<&'static str> {
    let t = meta.file_type();
    if t.is_file() {
        None
    } else if t.is_dir() {
        Some("a folder")
    } else if t.is_fifo() {
        Some("a FIFO (named pipe)")
    } else if t.is_char_device() {
        Some("a character device")
    } else if t.is_block_device() {
        Some("a block device")
    } else if t.is_socket() {
        Some("a socket")
    } else {
        Some("not a regular file")
    }
}

/// Reads the regular file at `path` (symbolic links followed) whole, refusing anything
/// that is not a regular file before opening it and stopping as soon as more than `limit`
/// bytes have been read.
pub fn read_limited(path: &Path, limit: u64) -> Result<Vec<u8>, ReadError> {
    let meta = fs::metadata(path).map_err(ReadError::Io)?;
    if let Some(what) = not_a_file(&meta) {
        return Err(ReadError::NotAFile(what));
    }
    if meta.len() > limit {
        return Err(ReadError::TooLarge {
            size: Some(meta.len()),
            limit,
        });
    }
    // Opening without blocking: should the path have become a FIFO since it was looked
    // at, opening it returns at once instead of waiting for a writer.
    let file = File::options()
        .read(true)
        .custom_flags((rustix::fs::OFlags::NONBLOCK | rustix::fs::OFlags::NOCTTY).bits() as i32)
        .open(path)
        .map_err(ReadError::Io)?;
    let meta = file.metadata().map_err(ReadError::Io)?;
    if let Some(what) = not_a_file(&meta) {
        return Err(ReadError::NotAFile(what));
    }
    let mut bytes = Vec::with_capacity(meta.len().min(limit) as usize + 1);
    file.take(limit + 1)
        .read_to_end(&mut bytes)
        .map_err(ReadError::Io)?;
    if bytes.len() as u64 > limit {
        return Err(ReadError::TooLarge { size: None, limit });
    }
    Ok(bytes)
}

/// The largest training or evaluation data file or model read, in bytes.
pub const MAX_DATA_BYTES: u64 = 1 << 30;

/// Reads a training or evaluation data file or a model file with [`read_limited`] at
/// [`MAX_DATA_BYTES`]: a FIFO or device is refused before it is read, and an endless one
/// is never read without bound. The message names the file.
pub fn read_data(path: &Path) -> Result<Vec<u8>, String> {
    read_limited(path, MAX_DATA_BYTES).map_err(|e| format!("{}: {}", path.display(), e.message()))
}

/// Reads an input file with [`read_limited`] at [`MAX_FILE_BYTES`]; a problem is a
/// diagnostic naming the file.
pub fn read_input(path: &Path) -> Result<Vec<u8>, Diagnostic> {
    read_limited(path, MAX_FILE_BYTES).map_err(|e| e.diagnostic(path))
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::time::{Duration, Instant};

    #[test]
    fn data_files_are_read_with_the_same_guard() {
        let e = read_data(Path::new("/dev/zero")).unwrap_err();
        assert!(
            e.starts_with("/dev/zero: ") && e.contains("character device"),
            "{e}"
        );
        let dir = tempfile::tempdir().unwrap();
        let fifo = dir.path().join("gold.conllu");
        rustix::fs::mkfifoat(
            rustix::fs::CWD,
            &fifo,
            rustix::fs::Mode::from_raw_mode(0o600),
        )
        .unwrap();
        let e = crate::parse::conllu::read(&fifo).unwrap_err().to_string();
        assert!(e.contains("gold.conllu") && e.contains("FIFO"), "{e}");
        let e = crate::corpus::spans::read_jsonl(&fifo).unwrap_err();
        assert!(e.contains("gold.conllu") && e.contains("FIFO"), "{e}");
    }

    #[test]
    fn devices_and_fifos_are_refused_at_once() {
        let start = Instant::now();
        let e = read_limited(Path::new("/dev/zero"), MAX_FILE_BYTES).unwrap_err();
        assert!(e.message().contains("character device"), "{}", e.message());
        let dir = tempfile::tempdir().unwrap();
        let fifo = dir.path().join("pipe");
        rustix::fs::mkfifoat(
            rustix::fs::CWD,
            &fifo,
            rustix::fs::Mode::RUSR | rustix::fs::Mode::WUSR,
        )
        .unwrap();
        let e = read_limited(&fifo, MAX_FILE_BYTES).unwrap_err();
        assert!(e.message().contains("FIFO"), "{}", e.message());
        let e = read_limited(dir.path(), MAX_FILE_BYTES).unwrap_err();
        assert!(e.message().contains("a folder"), "{}", e.message());
        assert!(start.elapsed() < Duration::from_secs(5));
    }

    #[test]
    fn the_limit_is_applied_to_what_is_read() {
        let dir = tempfile::tempdir().unwrap();
        let p = dir.path().join("a.txt");
        fs::write(&p, b"0123456789").unwrap();
        assert_eq!(read_limited(&p, 10).unwrap(), b"0123456789");
        let e = read_limited(&p, 9).unwrap_err();
        assert!(
            matches!(e, ReadError::TooLarge { size: Some(10), .. }),
            "{e:?}"
        );
        // a file whose reported size is 0 but which holds more (as in /proc) is cut off by
        // what is read
        if let Ok(bytes) = read_limited(Path::new("/proc/self/status"), 4) {
            panic!("read {} bytes past the limit", bytes.len());
        }
        assert!(read_limited(&dir.path().join("missing"), 9)
            .unwrap_err()
            .is_not_found());
    }
}
