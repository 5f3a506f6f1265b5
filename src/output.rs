//! Writing output files: whole or not at all, without replacing what is not a file.
//!
//! A regular file (or a path that does not exist yet) is written atomically: the bytes go
//! to a new file in the same folder, which is flushed and then renamed over the target, so
//! a reader sees the old contents or the new, never a part. On Linux the new file is made
//! with `O_TMPFILE`, which has no name until it is complete: a process killed while
//! writing leaves nothing behind. An existing file keeps its permissions (and, where the
//! process may, its owner); a new one gets the user's umask, as any other program's
//! output would.
//!
//! Anything else is written into directly and never replaced: a device (`/dev/null`,
//! `/dev/stdout`), a FIFO, a socket. A symbolic link is followed, and the rule applies to
//! what it points to, so the link stays a link. `-` is standard output, and so are
//! `/dev/stdout`, `/dev/fd/1` and `/proc/self/fd/1`, written through the open standard
//! output (so `>> log` appends, and a file standard output was sent to is never replaced),
//! and the same for standard error;
//! any other path under `/dev` or `/proc` is written into, never replaced.

use crate::error::{Error, Result};
use std::fs::{self, File, OpenOptions};
use std::io::{self, Write};
use std::os::unix::fs::{MetadataExt, OpenOptionsExt, PermissionsExt};
use std::path::{Path, PathBuf};

/// Writes `bytes` to `path` (see the module documentation): atomically for a regular file
/// or a new one, directly into a device, a FIFO or standard output (`-`). On failure a
/// regular target is left as it was, no temporary file remains, and the error names
/// `path`.
pub fn write(path: &Path, bytes: &[u8]) -> Result<()> {
    let is = |names: &[&str]| names.iter().any(|n| path.as_os_str() == *n);
    if is(&["-", "/dev/stdout", "/dev/fd/1", "/proc/self/fd/1"]) {
        let mut out = io::stdout().lock();
        return out
            .write_all(bytes)
            .and_then(|()| out.flush())
            .map_err(|e| Error::io(path, e));
    }
    if is(&["/dev/stderr", "/dev/fd/2", "/proc/self/fd/2"]) {
        return io::stderr()
            .lock()
            .write_all(bytes)
            .map_err(|e| Error::io(path, e));
    }
    let special = path.starts_with("/dev") || path.starts_with("/proc");
    match fs::metadata(path) {
        // a device's or a process's file, whatever it resolves to, is written into
        Ok(meta) if special && !meta.is_dir() => OpenOptions::new()
            .write(true)
            .truncate(meta.is_file())
            .open(path)
            .and_then(|mut f| f.write_all(bytes))
            .map_err(|e| Error::io(path, e)),
        Ok(meta) if meta.is_file() => {
            let real = fs::canonicalize(path).map_err(|e| Error::io(path, e))?;
            replace(path, &real, bytes, Some(&meta))
        }
        Ok(meta) if meta.is_dir() => Err(Error::io(
            path,
            io::Error::new(io::ErrorKind::IsADirectory, "is a folder"),
        )),
        // a device, a FIFO or a socket: write into it, never replace it
        Ok(_) => OpenOptions::new()
            .write(true)
            .open(path)
            .and_then(|mut f| f.write_all(bytes))
            .map_err(|e| Error::io(path, e)),
        Err(e) if e.kind() == io::ErrorKind::NotFound => {
            // a dangling symbolic link is written through, so that the link stays
            let target = match fs::symlink_metadata(path) {
                Ok(m) if m.file_type().is_symlink() => link_target(path)?,
                _ => path.to_path_buf(),
            };
            replace(path, &target, bytes, None)
        }
        Err(e) => Err(Error::io(path, e)),
    }
}

/// Writes `bytes` to `path` atomically; see [`write()`], which this is.
pub fn write_atomic(path: &Path, bytes: &[u8]) -> Result<()> {
    write(path, bytes)
}

/// Where a dangling symbolic link points, relative to the link's folder when relative.
fn link_target(link: &Path) -> Result<PathBuf> {
    let to = fs::read_link(link).map_err(|e| Error::io(link, e))?;
    Ok(match link.parent() {
        Some(dir) if to.is_relative() => dir.join(to),
        _ => to,
    })
}

/// The folder a file is written in.
fn folder_of(path: &Path) -> &Path {
    match path.parent() {
        Some(p) if !p.as_os_str().is_empty() => p,
        _ => Path::new("."),
    }
}

/// Writes `bytes` as the regular file `real` (the target `shown` resolves to), whole or
/// not at all, keeping the permissions and owner of `old` when the file exists.
fn replace(shown: &Path, real: &Path, bytes: &[u8], old: Option<&fs::Metadata>) -> Result<()> {
    let dir = folder_of(real);
    if !dir.is_dir() {
        let what = format!("the folder {} does not exist", dir.display());
        return Err(Error::io(
            shown,
            io::Error::new(io::ErrorKind::NotFound, what),
        ));
    }
    let fail = |e: io::Error| Error::io(shown, e);
    let mut new = NewFile::create(dir).map_err(fail)?;
    new.file.write_all(bytes).map_err(fail)?;
    if let Some(old) = old {
        let perms = fs::Permissions::from_mode(old.mode() & 0o7777);
        new.file.set_permissions(perms).map_err(fail)?;
        // best effort: only a privileged process may give a file to another owner
        let _ = std::os::unix::fs::fchown(&new.file, Some(old.uid()), Some(old.gid()));
    }
    new.file.sync_all().map_err(fail)?;
    new.persist(real).map_err(fail)
}

/// A file being written in a folder, not yet in place.
struct NewFile {
    /// The open file.
    file: File,
    /// The folder it is in.
    dir: PathBuf,
    /// Its name, for a named temporary file; `None` for an unnamed (`O_TMPFILE`) one.
    name: Option<tempfile::TempPath>,
}

impl NewFile {
    /// A new file in `dir` with mode `0666` less the umask: unnamed where the system can,
    /// else a hidden temporary name that is removed on failure.
    fn create(dir: &Path) -> io::Result<NewFile> {
        #[cfg(target_os = "linux")]
        {
            let unnamed = OpenOptions::new()
                .write(true)
                .mode(0o666)
                .custom_flags(rustix::fs::OFlags::TMPFILE.bits() as i32)
                .open(dir);
            match unnamed {
                Ok(file) => {
                    return Ok(NewFile {
                        file,
                        dir: dir.to_path_buf(),
                        name: None,
                    })
                }
                // file systems without O_TMPFILE answer with one of these
                Err(e) if !matches!(e.raw_os_error(), Some(95 | 21 | 22)) => return Err(e),
                Err(_) => {}
            }
        }
        // the error names the folder, not the temporary name that was never made
        let named = tempfile::Builder::new()
            .prefix(".claimgraph-")
            .suffix(".tmp")
            .permissions(fs::Permissions::from_mode(0o666))
            .tempfile_in(dir)
            .map_err(|e| {
                let why = format!("cannot make a new file in {}: {}", dir.display(), e.kind());
                io::Error::new(e.kind(), why)
            })?;
        let (file, path) = named.into_parts();
        Ok(NewFile {
            file,
            dir: dir.to_path_buf(),
            name: Some(path),
        })
    }

    /// Puts the file in place as `target`, replacing what is there.
    fn persist(self, target: &Path) -> io::Result<()> {
        match self.name {
            Some(path) => path.persist(target).map_err(|e| e.error),
            None => {
                // give the unnamed file a name beside the target, then rename it over
                let name = tempfile::Builder::new()
                    .prefix(".claimgraph-")
                    .suffix(".tmp")
                    .make_in(&self.dir, |p| link_unnamed(&self.file, p))?;
                name.into_temp_path().persist(target).map_err(|e| e.error)
            }
        }
    }
}

/// Gives the unnamed file `file` the name `path` (a hard link through `/proc/self/fd`).
#[cfg(target_os = "linux")]
fn link_unnamed(file: &File, path: &Path) -> io::Result<()> {
    use std::os::fd::AsRawFd;
    let fd = format!("/proc/self/fd/{}", file.as_raw_fd());
    rustix::fs::linkat(
        rustix::fs::CWD,
        fd.as_str(),
        rustix::fs::CWD,
        path,
        rustix::fs::AtFlags::SYMLINK_FOLLOW,
    )?;
    Ok(())
}

#[cfg(not(target_os = "linux"))]
fn link_unnamed(_file: &File, _path: &Path) -> io::Result<()> {
    Err(io::Error::from(io::ErrorKind::Unsupported))
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::os::unix::fs::FileTypeExt;

    fn names(dir: &Path) -> Vec<String> {
        let mut v: Vec<String> = fs::read_dir(dir)
            .unwrap()
            .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
            .collect();
        v.sort();
        v
    }

    #[test]
    fn writes_whole_or_not_at_all() {
        let dir = tempfile::tempdir().unwrap();
        let p = dir.path().join("out.md");
        write(&p, b"first").unwrap();
        write(&p, b"second").unwrap();
        assert_eq!(fs::read(&p).unwrap(), b"second");
        // a missing folder fails, names the target once, and leaves nothing behind
        let bad = dir.path().join("missing/out.md");
        let err = write(&bad, b"x").unwrap_err().to_string();
        assert!(err.contains("missing/out.md"), "{err}");
        assert!(!err.contains(".claimgraph-"), "{err}");
        assert_eq!(names(dir.path()), vec!["out.md"]);
    }

    #[test]
    fn a_new_file_gets_the_umask_and_an_old_one_keeps_its_mode() {
        let dir = tempfile::tempdir().unwrap();
        // what the umask makes of 0666, as any program creating a file gets it
        let plain = dir.path().join("plain");
        File::create(&plain).unwrap();
        let want = fs::metadata(&plain).unwrap().mode() & 0o777;
        let p = dir.path().join("new.html");
        write(&p, b"x").unwrap();
        assert_eq!(fs::metadata(&p).unwrap().mode() & 0o777, want);
        for mode in [0o640, 0o604, 0o755] {
            fs::set_permissions(&p, fs::Permissions::from_mode(mode)).unwrap();
            write(&p, b"y").unwrap();
            assert_eq!(fs::metadata(&p).unwrap().mode() & 0o7777, mode);
        }
        assert_eq!(names(dir.path()), vec!["new.html", "plain"]);
    }

    #[test]
    fn a_symlink_stays_a_link_and_its_target_is_written() {
        let dir = tempfile::tempdir().unwrap();
        let target = dir.path().join("target.md");
        fs::write(&target, b"old").unwrap();
        let link = dir.path().join("link.md");
        std::os::unix::fs::symlink("target.md", &link).unwrap();
        write(&link, b"new").unwrap();
        assert!(fs::symlink_metadata(&link)
            .unwrap()
            .file_type()
            .is_symlink());
        assert_eq!(fs::read(&target).unwrap(), b"new");
        // a dangling link is written through too
        let dangling = dir.path().join("dangling.md");
        std::os::unix::fs::symlink("made.md", &dangling).unwrap();
        write(&dangling, b"made").unwrap();
        assert!(fs::symlink_metadata(&dangling)
            .unwrap()
            .file_type()
            .is_symlink());
        assert_eq!(fs::read(dir.path().join("made.md")).unwrap(), b"made");
    }

    #[test]
    fn devices_and_fifos_are_written_into_not_replaced() {
        write(Path::new("/dev/null"), b"nothing").unwrap();
        let null = fs::metadata("/dev/null").unwrap();
        assert!(null.file_type().is_char_device());

        let dir = tempfile::tempdir().unwrap();
        let fifo = dir.path().join("pipe");
        rustix::fs::mknodat(
            rustix::fs::CWD,
            &fifo,
            rustix::fs::FileType::Fifo,
            rustix::fs::Mode::from_raw_mode(0o600),
            0,
        )
        .unwrap();
        let reader = {
            let fifo = fifo.clone();
            std::thread::spawn(move || fs::read(fifo).unwrap())
        };
        write(&fifo, b"through the pipe").unwrap();
        assert_eq!(reader.join().unwrap(), b"through the pipe");
        assert!(fs::symlink_metadata(&fifo).unwrap().file_type().is_fifo());
        assert_eq!(names(dir.path()), vec!["pipe"]);
    }

    #[test]
    fn a_folder_is_refused_by_name() {
        let dir = tempfile::tempdir().unwrap();
        let err = write(dir.path(), b"x").unwrap_err().to_string();
        assert!(err.contains(&dir.path().display().to_string()), "{err}");
        assert!(err.contains("folder"), "{err}");
    }
}
