//! Finding the article files of a story folder, following symbolic links only inside it.
//!
//! A link is followed when what it points to lies inside the story folder; a link leading
//! out of it, one that leads nowhere, and one back to a folder already read (a loop) are
//! reported, naming the link, and skipped. Every folder and file is visited at most once
//! (a link to one already read, as in a loop, is reported),
//! so the walk ends whatever the links, in time linear in the number of entries.

use crate::error::Diagnostic;
use std::collections::HashMap;
use std::fs;
use std::os::unix::fs::MetadataExt;
use std::path::{Path, PathBuf};

/// Folders nested deeper than this under `articles/` are reported and not read.
pub const MAX_FOLDER_DEPTH: usize = 64;

/// The walk of one story folder.
pub(super) struct Walk {
    /// The story folder with every link resolved.
    root: PathBuf,
    /// Folders and files seen, by device and inode, with where they were first listed.
    seen: HashMap<(u64, u64), PathBuf>,
    /// The article files found, relative to the story folder.
    pub files: Vec<PathBuf>,
    /// The problems met.
    pub diagnostics: Vec<Diagnostic>,
}

/// Where `path` leads once its links are resolved, if it lies inside `root` (itself
/// resolved); else a diagnostic naming `path`.
pub(super) fn inside(root: &Path, path: &Path) -> Result<PathBuf, Diagnostic> {
    let real = fs::canonicalize(path).map_err(|e| {
        Diagnostic::file(
            path,
            if e.kind() == std::io::ErrorKind::NotFound {
                "symbolic link to nothing (its target does not exist); skipped".to_string()
            } else {
                format!("cannot resolve: {e}; skipped")
            },
        )
    })?;
    if real.starts_with(root) {
        Ok(real)
    } else {
        Err(Diagnostic::file(
            path,
            "symbolic link leading out of the story folder; not followed",
        ))
    }
}

impl Walk {
    /// A walk of the story folder `root` (as given; it is resolved here).
    pub fn new(root: &Path) -> Walk {
        Walk {
            root: fs::canonicalize(root).unwrap_or_else(|_| root.to_path_buf()),
            seen: HashMap::new(),
            files: Vec::new(),
            diagnostics: Vec::new(),
        }
    }

    /// The story folder with its links resolved.
    pub fn root(&self) -> &Path {
        &self.root
    }

    /// Lists the files under folder `dir` (shown as `rel` in the story), skipping names
    /// that start with a dot, in path order. Real folders and files are listed before
    /// the links are followed, so that a link to something also present under its own
    /// name is the one reported.
    pub fn folder(&mut self, dir: &Path, rel: &Path) {
        let mut links = Vec::new();
        self.real_folder(dir, rel, 0, &mut links);
        let mut next = 0;
        while next < links.len() {
            let (path, rel, depth): (PathBuf, PathBuf, usize) = links[next].clone();
            next += 1;
            if let Err(d) = inside(&self.root, &path) {
                self.diagnostics.push(d);
                continue;
            }
            let meta = match fs::metadata(&path) {
                Ok(m) => m,
                Err(e) => {
                    self.diagnostics
                        .push(Diagnostic::file(&path, format!("cannot read: {e}")));
                    continue;
                }
            };
            let key = (meta.dev(), meta.ino());
            if let Some(first) = self.seen.get(&key) {
                let what = if meta.is_dir() { "a folder" } else { "a file" };
                self.diagnostics.push(Diagnostic::file(
                    &path,
                    format!(
                        "symbolic link to {what} already read ({}); skipped",
                        first.display()
                    ),
                ));
                continue;
            }
            if meta.is_dir() {
                self.real_folder(&path, &rel, depth + 1, &mut links);
            } else {
                self.seen.insert(key, rel.clone());
                self.files.push(rel);
            }
        }
        self.files.sort();
    }

    /// Lists the entries of `dir`: files into `self.files`, folders recursively, links
    /// into `links` to be followed later.
    fn real_folder(
        &mut self,
        dir: &Path,
        rel: &Path,
        depth: usize,
        links: &mut Vec<(PathBuf, PathBuf, usize)>,
    ) {
        match fs::metadata(dir) {
            Ok(m) if !m.is_dir() => {
                self.diagnostics.push(Diagnostic::file(
                    dir,
                    "not a folder: no articles read from it",
                ));
                return;
            }
            Ok(m) => {
                self.seen.insert((m.dev(), m.ino()), rel.to_path_buf());
            }
            Err(e) => {
                self.diagnostics
                    .push(Diagnostic::file(dir, format!("cannot read folder: {e}")));
                return;
            }
        }
        if depth > MAX_FOLDER_DEPTH {
            self.diagnostics.push(Diagnostic::file(
                dir,
                format!("folders nested more than {MAX_FOLDER_DEPTH} deep; not read"),
            ));
            return;
        }
        let entries = match fs::read_dir(dir) {
            Ok(e) => e,
            Err(e) => {
                self.diagnostics
                    .push(Diagnostic::file(dir, format!("cannot read folder: {e}")));
                return;
            }
        };
        let mut names: Vec<(std::ffi::OsString, Option<fs::FileType>)> = entries
            .filter_map(|e| e.ok())
            .map(|e| (e.file_name(), e.file_type().ok()))
            .collect();
        names.sort_by(|a, b| a.0.cmp(&b.0));
        for (name, kind) in names {
            if name.to_string_lossy().starts_with('.') {
                continue;
            }
            let path = dir.join(&name);
            let rel = rel.join(&name);
            match kind {
                Some(k) if k.is_symlink() => links.push((path, rel, depth)),
                Some(k) if k.is_dir() => self.real_folder(&path, &rel, depth + 1, links),
                _ => {
                    // a FIFO or a device is listed too, and refused when it is read
                    if let Ok(m) = fs::symlink_metadata(&path) {
                        self.seen.insert((m.dev(), m.ino()), rel.clone());
                    }
                    self.files.push(rel);
                }
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::os::unix::fs::symlink;

    #[test]
    fn links_are_followed_inside_only_and_loops_end() {
        let outside = tempfile::tempdir().unwrap();
        fs::write(outside.path().join("secret.txt"), "private").unwrap();
        let dir = tempfile::tempdir().unwrap();
        let a = dir.path().join("articles");
        fs::create_dir_all(a.join("sub")).unwrap();
        fs::write(a.join("one.txt"), "One said so.").unwrap();
        fs::write(a.join("sub/two.txt"), "Two said so.").unwrap();
        symlink(".", a.join("l1")).unwrap();
        symlink(".", a.join("l2")).unwrap();
        symlink("sub", a.join("l3")).unwrap();
        symlink("one.txt", a.join("same.txt")).unwrap();
        symlink(outside.path().join("secret.txt"), a.join("out.txt")).unwrap();
        symlink(outside.path(), a.join("outdir")).unwrap();
        symlink("nowhere.txt", a.join("dangling.txt")).unwrap();
        let mut w = Walk::new(dir.path());
        w.folder(&a, Path::new("articles"));
        let files: Vec<String> = w.files.iter().map(|p| p.display().to_string()).collect();
        assert_eq!(files, ["articles/one.txt", "articles/sub/two.txt"]);
        let msgs: Vec<String> = w.diagnostics.iter().map(|d| d.to_string()).collect();
        let about = |name: &str, what: &str| {
            assert!(
                msgs.iter()
                    .any(|m| m.contains(&format!("articles/{name}: ")) && m.contains(what)),
                "{name}: {msgs:#?}"
            )
        };
        about("l1", "a folder already read (articles)");
        about("l2", "a folder already read (articles)");
        about("l3", "a folder already read (articles/sub)");
        about("same.txt", "a file already read (articles/one.txt)");
        about("out.txt", "out of the story folder");
        about("outdir", "out of the story folder");
        about("dangling.txt", "to nothing");
        assert_eq!(msgs.len(), 7, "{msgs:#?}");
    }
}
