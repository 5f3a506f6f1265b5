//! Loading a story folder, or single article files, with one clear diagnostic per bad file.

use super::read::read_input;
use super::walk::{self, Walk};
use super::{frontmatter, html, jsonl, Article, RawMeta, Story, StoryMeta};
use crate::error::{Diagnostic, Error, Result};
use crate::sources::Registry;
use crate::text::span::line_col_bytes;
use std::collections::HashMap;
use std::fs;
use std::path::{Path, PathBuf};

/// How a story is loaded.
#[derive(Clone, Debug, Default)]
pub struct LoadOptions {
    /// Make every load problem fatal instead of skipping the file it concerns.
    pub strict: bool,
}

/// The raw files of a story, before parsing: what a folder or the embedded default story
/// provides (and what the fuzzers make up).
pub struct StoryFiles {
    /// The story's id (its folder's name).
    pub id: String,
    /// The folder it comes from, if any.
    pub root: Option<PathBuf>,
    /// Where the files are said to be in messages.
    pub display_root: PathBuf,
    /// The bytes of `story.ron`, if there is one.
    pub story_ron: Option<Vec<u8>>,
    /// The bytes of `sources.ron`, if there is one.
    pub sources_ron: Option<Vec<u8>>,
    /// Article files: path relative to the story folder, and contents (or the problem met
    /// reading them).
    pub articles: Vec<(PathBuf, Result<Vec<u8>, Diagnostic>)>,
    /// Problems met while gathering the files.
    pub diagnostics: Vec<Diagnostic>,
}

/// Loads the story in folder `dir`: `story.ron`, `sources.ron` and every article under
/// `articles/`.
///
/// A missing folder, a folder that is not a story (with neither `story.ron` nor
/// `articles/`; given the `articles/` folder of a story, the error names the story), and a
/// story without a single article are errors. A bad file (binary, not UTF-8, empty,
/// malformed front matter, too large, not a regular file, of an unknown type, a symbolic
/// link leading out of the folder) is reported in `Story::diagnostics` and skipped, a bad
/// entry of `sources.ron` too, and the rest of the story still loads; with `strict` any
/// such problem is an error instead.
pub fn load_story(dir: &Path, opts: &LoadOptions) -> Result<Story> {
    let meta = fs::metadata(dir).map_err(|e| Error::Story {
        path: dir.to_path_buf(),
        message: if e.kind() == std::io::ErrorKind::NotFound {
            "no such story folder".into()
        } else {
            format!("cannot open story folder: {e}")
        },
    })?;
    if !meta.is_dir() {
        return Err(Error::Story {
            path: dir.to_path_buf(),
            message: "not a folder (a story is a folder with story.ron, sources.ron and articles/)"
                .into(),
        });
    }
    let present = |name: &str| fs::symlink_metadata(dir.join(name)).is_ok();
    let adir = dir.join("articles");
    if !present("story.ron") && !present("articles") {
        return Err(not_a_story(dir));
    }
    let mut walk = Walk::new(dir);
    let id = walk
        .root()
        .file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_else(|| "story".into());
    let read_opt = |walk: &mut Walk, name: &str| -> Option<Vec<u8>> {
        let path = dir.join(name);
        if !present(name) {
            return None;
        }
        if let Err(d) = contained(walk, &path) {
            walk.diagnostics.push(d);
            return None;
        }
        match read_input(&path) {
            Ok(bytes) => Some(bytes),
            Err(d) => {
                walk.diagnostics.push(d);
                None
            }
        }
    };
    let story_ron = read_opt(&mut walk, "story.ron");
    let sources_ron = read_opt(&mut walk, "sources.ron");
    if !present("sources.ron") {
        walk.diagnostics.push(Diagnostic::file(
            dir.join("sources.ron"),
            "no sources registry: every speaker will be unknown",
        ));
    }
    if !present("articles") {
        return Err(Error::Story {
            path: adir,
            message: "missing articles/ folder: the story has no articles".into(),
        });
    }
    match contained(&walk, &adir) {
        Ok(()) => walk.folder(&adir, Path::new("articles")),
        Err(d) => walk.diagnostics.push(d),
    }
    let files = std::mem::take(&mut walk.files);
    let found = files.len();
    let articles = files
        .into_iter()
        .map(|rel| {
            let bytes = read_input(&dir.join(&rel));
            (rel, bytes)
        })
        .collect();
    let story = assemble(
        StoryFiles {
            id,
            root: Some(dir.to_path_buf()),
            display_root: dir.to_path_buf(),
            story_ron,
            sources_ron,
            articles,
            diagnostics: walk.diagnostics,
        },
        opts,
    )?;
    if story.articles.is_empty() {
        let last = if found == 0 {
            "no articles: the folder holds no article files (.md, .txt, .html or .jsonl); \
             the story is empty"
                .to_string()
        } else {
            format!("none of the {found} article file(s) gave an article; the story is empty")
        };
        let mut diagnostics = story.diagnostics;
        if diagnostics.is_empty() {
            return Err(Error::Story {
                path: adir,
                message: last,
            });
        }
        diagnostics.push(Diagnostic::file(&adir, last));
        return Err(Error::Inputs(diagnostics));
    }
    Ok(story)
}

/// Checks that `path`, when it is a symbolic link, leads to a place inside the story.
fn contained(walk: &Walk, path: &Path) -> Result<(), Diagnostic> {
    match fs::symlink_metadata(path) {
        Ok(m) if m.file_type().is_symlink() => walk::inside(walk.root(), path).map(|_| ()),
        _ => Ok(()),
    }
}

/// The error for a folder that is not a story; given a story's `articles/` folder, it
/// names the story.
fn not_a_story(dir: &Path) -> Error {
    let parent = match dir.parent() {
        Some(p) if !p.as_os_str().is_empty() => p.to_path_buf(),
        _ => PathBuf::from(".."),
    };
    let real = dir.canonicalize().ok();
    let named_articles = real
        .as_deref()
        .and_then(Path::file_name)
        .is_some_and(|n| n == "articles");
    let parent_is_story = ["story.ron", "sources.ron"]
        .iter()
        .any(|f| parent.join(f).exists());
    let message = if named_articles && parent_is_story {
        format!(
            "not a story folder but the articles/ folder of one: give the story folder {} instead",
            parent.display()
        )
    } else {
        "not a story folder: it has neither story.ron nor articles/ (a story is a folder \
         with story.ron, sources.ron and articles/)"
            .to_string()
    };
    Error::Story {
        path: dir.to_path_buf(),
        message,
    }
}

/// Loads what a path names: a story folder (as [`load_story`] does), or a single article
/// file (`.md`, `.txt`, `.html`, `.jsonl`, as [`load_file`] reads it) as a story of its own
/// with an empty registry, so that every speaker in it stays unresolved.
///
/// Errors name the path: it does not exist or cannot be read, it is not a regular file
/// (a FIFO, a device), it is a folder that is not a story, or it is a file that gives no
/// article at all (binary, not UTF-8, empty, of an unknown type). Problems that leave some
/// articles loaded (a bad line of a JSONL file, a bad file in a story folder) are reported
/// in `Story::diagnostics`; with `strict` they are errors too.
pub fn load_path(path: &Path, opts: &LoadOptions) -> Result<Story> {
    let meta = fs::metadata(path).map_err(|e| {
        Error::Input(Diagnostic::file(
            path,
            if e.kind() == std::io::ErrorKind::NotFound {
                "no such file or folder".to_string()
            } else {
                format!("cannot read: {e}")
            },
        ))
    })?;
    if meta.is_dir() {
        return load_story(path, opts);
    }
    let bytes = read_input(path).map_err(Error::Input)?;
    let (articles, mut diagnostics) = parse_file(path, path, &bytes);
    if articles.is_empty() {
        return Err(match diagnostics.len() {
            0 => Error::Input(Diagnostic::file(path, "no article in the file")),
            1 => Error::Input(diagnostics.remove(0)),
            _ => Error::Inputs(diagnostics),
        });
    }
    let id = path
        .file_stem()
        .map_or_else(|| "article".into(), |s| s.to_string_lossy().into_owned());
    let mut ids = Ids::default();
    let mut kept = Vec::with_capacity(articles.len());
    for (a, line) in articles {
        if let Some(d) = ids.check(&a, line, path) {
            diagnostics.push(d);
        } else {
            kept.push(a);
        }
    }
    if opts.strict && !diagnostics.is_empty() {
        return Err(if diagnostics.len() == 1 {
            Error::Input(diagnostics.remove(0))
        } else {
            Error::Inputs(diagnostics)
        });
    }
    Ok(Story {
        id: id.clone(),
        root: None,
        meta: StoryMeta {
            title: id,
            description: None,
        },
        registry: Registry::default(),
        articles: kept,
        diagnostics,
    })
}

/// The article ids met so far, with where each was first found, to report duplicates in
/// time linear in the number of articles.
#[derive(Default)]
pub(super) struct Ids {
    first: HashMap<String, (PathBuf, Option<usize>)>,
}

impl Ids {
    /// Records `a` (found on `line` of its file, for JSONL); a diagnostic at `shown` when
    /// its id was met before.
    pub(super) fn check(
        &mut self,
        a: &Article,
        line: Option<usize>,
        shown: &Path,
    ) -> Option<Diagnostic> {
        match self.first.get(&a.id) {
            Some((path, first_line)) => {
                let place = match first_line {
                    Some(l) => format!("{}:{l}", path.display()),
                    None => path.display().to_string(),
                };
                let message = format!(
                    "duplicate article id {:?} (first in {place}); skipped",
                    a.id
                );
                Some(match line {
                    Some(l) => Diagnostic::at(shown, l, 1, message),
                    None => Diagnostic::file(shown, message),
                })
            }
            None => {
                self.first.insert(a.id.clone(), (a.path.clone(), line));
                None
            }
        }
    }
}

/// Checks that `bytes` are non-empty UTF-8 text and returns the text, without the
/// byte-order mark it may open with.
fn as_text<'a>(path: &Path, bytes: &'a [u8]) -> Result<&'a str, Diagnostic> {
    if let Some(p) = bytes.iter().take(8192).position(|b| *b == 0) {
        return Err(Diagnostic::file(
            path,
            format!("binary file (NUL byte at offset {p}), not an article"),
        ));
    }
    let text = std::str::from_utf8(bytes).map_err(|e| {
        let at = e.valid_up_to();
        let (l, c) = line_col_bytes(bytes, at);
        Diagnostic::at(
            path,
            l,
            c,
            format!(
                "not valid UTF-8: invalid byte 0x{:02x} at offset {at}",
                bytes[at]
            ),
        )
    })?;
    let text = text.strip_prefix('\u{feff}').unwrap_or(text);
    if text.trim().is_empty() {
        return Err(Diagnostic::file(path, "empty file: no text"));
    }
    Ok(text)
}

/// Parses one article file (`.md`, `.markdown`, `.txt`, `.html`, `.htm`, `.jsonl`) into
/// articles. `rel` is the path recorded in the articles; `shown` the path named in messages.
///
/// Returns the articles that loaded and the problems met; a JSONL file may give both. An
/// article whose id is not usable (see [`super::check_id`]) is reported and left out; one
/// whose publication date is no date is kept with the date unknown, and reported.
pub fn load_file(rel: &Path, shown: &Path, bytes: &[u8]) -> (Vec<Article>, Vec<Diagnostic>) {
    let (articles, diags) = parse_file(rel, shown, bytes);
    (articles.into_iter().map(|(a, _)| a).collect(), diags)
}

/// [`load_file`], with the line each article of a JSONL file stands on.
pub(super) fn parse_file(
    rel: &Path,
    shown: &Path,
    bytes: &[u8],
) -> (Vec<(Article, Option<usize>)>, Vec<Diagnostic>) {
    let ext = rel
        .extension()
        .map(|e| e.to_string_lossy().to_lowercase())
        .unwrap_or_default();
    if !matches!(
        ext.as_str(),
        "md" | "markdown" | "txt" | "html" | "htm" | "jsonl"
    ) {
        let what = if ext.is_empty() {
            "no extension".to_string()
        } else {
            format!("'.{ext}'")
        };
        return (
            vec![],
            vec![Diagnostic::file(
                shown,
                format!("unsupported file type ({what}); articles are .md, .txt, .html or .jsonl"),
            )],
        );
    }
    let text = match as_text(shown, bytes) {
        Ok(t) => t,
        Err(d) => return (vec![], vec![d]),
    };
    let stem = rel
        .file_stem()
        .map(|s| s.to_string_lossy().into_owned())
        .unwrap_or_else(|| "article".into());
    let (articles, mut diags): (Vec<(Article, Option<usize>)>, Vec<Diagnostic>) = match ext.as_str()
    {
        "jsonl" => {
            let (arts, diags) = jsonl::parse(rel, shown, &stem, text);
            (arts.into_iter().map(|(a, l)| (a, Some(l))).collect(), diags)
        }
        "html" | "htm" => match html::extract(text) {
            Ok(doc) => {
                let mut a = Article::new(stem, doc.text);
                a.path = rel.to_path_buf();
                let published = doc.published.clone();
                let diags = a
                    .set_meta(RawMeta {
                        title: doc.title,
                        outlet: doc.outlet,
                        url: doc.url,
                        published: doc.published,
                        byline: doc.byline,
                    })
                    .err()
                    .map(|m| match published.as_deref().and_then(|p| text.find(p)) {
                        Some(off) => {
                            let (l, c) = crate::text::span::line_col(text, off);
                            Diagnostic::at(shown, l, c, m)
                        }
                        None => Diagnostic::file(shown, m),
                    })
                    .into_iter()
                    .collect();
                (vec![(a, None)], diags)
            }
            Err(m) => (vec![], vec![Diagnostic::file(shown, m)]),
        },
        _ => match frontmatter::split(shown, text) {
            Ok(fm) => {
                let body = &text[fm.body_start..];
                if body.trim().is_empty() {
                    return (
                        vec![],
                        vec![Diagnostic::file(
                            shown,
                            "no article text after the front matter",
                        )],
                    );
                }
                let m = fm.meta;
                let title = m.title.or_else(|| markdown_title(&ext, body));
                let mut a = Article::new(m.id.unwrap_or(stem), body);
                a.path = rel.to_path_buf();
                // a date that is no date was left out, and reported, by `split`
                let _ = a.set_meta(RawMeta {
                    title,
                    outlet: m.outlet,
                    url: m.url,
                    published: m.published,
                    byline: m.byline,
                });
                (vec![(a, None)], fm.warnings)
            }
            Err(d) => (vec![], vec![d]),
        },
    };
    let mut kept = Vec::with_capacity(articles.len());
    for (a, line) in articles {
        match super::check_id(&a.id) {
            Ok(()) => kept.push((a, line)),
            Err(why) => {
                let message = format!("article id {:?} {why}; skipped", a.id);
                diags.push(match line {
                    Some(l) => Diagnostic::at(shown, l, 1, message),
                    None => Diagnostic::file(shown, message),
                });
            }
        }
    }
    (kept, diags)
}

/// The `# Heading` a Markdown body opens with, as its title.
fn markdown_title(ext: &str, body: &str) -> Option<String> {
    if ext == "txt" {
        return None;
    }
    let first = body.lines().find(|l| !l.trim().is_empty())?;
    let h = first.trim().strip_prefix("# ")?.trim();
    (!h.is_empty()).then(|| h.to_string())
}

/// Parses the raw files of a story into a [`Story`], as [`load_story`] does once it has
/// read them: every file is parsed from its bytes, nothing is read from disk.
pub fn assemble(files: StoryFiles, opts: &LoadOptions) -> Result<Story> {
    let StoryFiles {
        id,
        root,
        display_root,
        story_ron,
        sources_ron,
        articles: raw_articles,
        mut diagnostics,
    } = files;
    let mut meta = StoryMeta {
        title: id.clone(),
        description: None,
    };
    if let Some(bytes) = story_ron {
        let path = display_root.join("story.ron");
        match as_text(&path, &bytes).and_then(|t| {
            crate::sources::ron_options()
                .from_str::<StoryMeta>(t)
                .map_err(|e| {
                    Diagnostic::at(
                        &path,
                        e.span.start.line,
                        e.span.start.col,
                        format!("malformed story.ron: {}", e.code),
                    )
                })
        }) {
            Ok(m) => meta = m,
            Err(d) => diagnostics.push(d),
        }
    }
    let mut registry = Registry::default();
    if let Some(bytes) = sources_ron {
        let path = display_root.join("sources.ron");
        match as_text(&path, &bytes).and_then(|t| Registry::parse(&path, t)) {
            Ok((r, diags)) => {
                registry = r;
                diagnostics.extend(diags);
            }
            Err(d) => diagnostics.push(d),
        }
    }
    let mut articles: Vec<Article> = Vec::new();
    let mut ids = Ids::default();
    for (rel, bytes) in raw_articles {
        let shown = display_root.join(&rel);
        let bytes = match bytes {
            Ok(b) => b,
            Err(d) => {
                diagnostics.push(d);
                continue;
            }
        };
        let (loaded, diags) = parse_file(&rel, &shown, &bytes);
        diagnostics.extend(diags);
        for (a, line) in loaded {
            match ids.check(&a, line, &shown) {
                Some(d) => diagnostics.push(d),
                None => articles.push(a),
            }
        }
    }
    if opts.strict && !diagnostics.is_empty() {
        return Err(if diagnostics.len() == 1 {
            Error::Input(diagnostics.remove(0))
        } else {
            Error::Inputs(diagnostics)
        });
    }
    Ok(Story {
        id,
        root,
        meta,
        registry,
        articles,
        diagnostics,
    })
}
