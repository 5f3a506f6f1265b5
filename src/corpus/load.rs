//! Loading a story folder, or single article files, with one clear diagnostic per bad file.

use super::{frontmatter, html, jsonl, Article, RawMeta, Story, StoryMeta};
use crate::error::{Diagnostic, Error, Result};
use crate::sources::Registry;
use crate::text::span::line_col_bytes;
use std::fs;
use std::path::{Path, PathBuf};

/// The largest input file read, in bytes; a larger one is reported and skipped.
pub const MAX_FILE_BYTES: u64 = 64 * 1024 * 1024;

/// How a story is loaded.
#[derive(Clone, Debug, Default)]
pub struct LoadOptions {
    /// Make every load problem fatal instead of skipping the file it concerns.
    pub strict: bool,
}

/// The raw files of a story, before parsing: what a folder or the embedded default story
/// provides.
pub(super) struct StoryFiles {
    pub id: String,
    pub root: Option<PathBuf>,
    /// Where the files are said to be in messages.
    pub display_root: PathBuf,
    pub story_ron: Option<Vec<u8>>,
    pub sources_ron: Option<Vec<u8>>,
    /// Article files: path relative to the story folder, and contents (or the problem met
    /// reading them).
    pub articles: Vec<(PathBuf, Result<Vec<u8>, Diagnostic>)>,
    pub diagnostics: Vec<Diagnostic>,
}

/// Loads the story in folder `dir`: `story.ron`, `sources.ron` and every article under
/// `articles/`.
///
/// A missing folder is an error. A bad file (binary, not UTF-8, empty, malformed front
/// matter or RON, too large, of an unknown type) is reported in `Story::diagnostics` and
/// skipped, and the rest of the story still loads; with `strict` any such problem is an
/// error instead.
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
    let id = dir
        .canonicalize()
        .ok()
        .and_then(|p| p.file_name().map(|n| n.to_string_lossy().into_owned()))
        .unwrap_or_else(|| "story".into());
    let mut diagnostics = Vec::new();
    let mut read_opt = |name: &str| -> Option<Vec<u8>> {
        let path = dir.join(name);
        if !path.exists() {
            return None;
        }
        match read_checked(&path) {
            Ok(bytes) => Some(bytes),
            Err(d) => {
                diagnostics.push(d);
                None
            }
        }
    };
    let story_ron = read_opt("story.ron");
    let sources_ron = read_opt("sources.ron");
    if sources_ron.is_none() && !dir.join("sources.ron").exists() {
        diagnostics.push(Diagnostic::file(
            dir.join("sources.ron"),
            "no sources registry: every speaker will be unknown",
        ));
    }
    let mut articles = Vec::new();
    let adir = dir.join("articles");
    if adir.is_dir() {
        collect_files(
            &adir,
            Path::new("articles"),
            &mut articles,
            &mut diagnostics,
        );
    } else {
        diagnostics.push(Diagnostic::file(
            &adir,
            "missing articles/ folder: the story has no articles",
        ));
    }
    let articles = articles
        .into_iter()
        .map(|rel| {
            let bytes = read_checked(&dir.join(&rel));
            (rel, bytes)
        })
        .collect();
    assemble(
        StoryFiles {
            id,
            root: Some(dir.to_path_buf()),
            display_root: dir.to_path_buf(),
            story_ron,
            sources_ron,
            articles,
            diagnostics,
        },
        opts,
    )
}

/// Loads what a path names: a story folder (as [`load_story`] does), or a single article
/// file (`.md`, `.txt`, `.html`, `.jsonl`, as [`load_file`] reads it) as a story of its own
/// with an empty registry, so that every speaker in it stays unresolved.
///
/// Errors name the path: it does not exist or cannot be read, it is a folder with neither
/// `story.ron` nor `articles/`, or it is a file that gives no article at all (binary, not
/// UTF-8, empty, of an unknown type). Problems that leave some articles loaded (a bad line
/// of a JSONL file, a bad file in a story folder) are reported in `Story::diagnostics`;
/// with `strict` they are errors too.
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
        if !path.join("story.ron").exists() && !path.join("articles").is_dir() {
            return Err(Error::Story {
                path: path.to_path_buf(),
                message: "not a story folder (it has neither story.ron nor articles/)".into(),
            });
        }
        return load_story(path, opts);
    }
    let bytes = read_checked(path).map_err(Error::Input)?;
    let (articles, mut diagnostics) = load_file(path, path, &bytes);
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
    let mut seen = std::collections::HashSet::new();
    let mut kept = Vec::with_capacity(articles.len());
    for a in articles {
        if seen.insert(a.id.clone()) {
            kept.push(a);
        } else {
            diagnostics.push(Diagnostic::file(
                path,
                format!("duplicate article id {:?}; skipped", a.id),
            ));
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

fn collect_files(dir: &Path, rel: &Path, out: &mut Vec<PathBuf>, diags: &mut Vec<Diagnostic>) {
    let entries = match fs::read_dir(dir) {
        Ok(e) => e,
        Err(e) => {
            diags.push(Diagnostic::file(dir, format!("cannot read folder: {e}")));
            return;
        }
    };
    let mut names: Vec<_> = entries
        .filter_map(|e| e.ok())
        .map(|e| e.file_name())
        .collect();
    names.sort();
    for name in names {
        if name.to_string_lossy().starts_with('.') {
            continue;
        }
        let path = dir.join(&name);
        if path.is_dir() {
            collect_files(&path, &rel.join(&name), out, diags);
        } else {
            out.push(rel.join(&name));
        }
    }
}

/// Reads a file whole, refusing files over [`MAX_FILE_BYTES`].
fn read_checked(path: &Path) -> Result<Vec<u8>, Diagnostic> {
    let meta =
        fs::metadata(path).map_err(|e| Diagnostic::file(path, format!("cannot read: {e}")))?;
    if meta.len() > MAX_FILE_BYTES {
        return Err(Diagnostic::file(
            path,
            format!(
                "file is {:.1} MiB, over the limit of {} MiB",
                meta.len() as f64 / 1048576.0,
                MAX_FILE_BYTES / 1048576
            ),
        ));
    }
    fs::read(path).map_err(|e| Diagnostic::file(path, format!("cannot read: {e}")))
}

/// Checks that `bytes` are non-empty UTF-8 text and returns the text.
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
    if text.trim().is_empty() {
        return Err(Diagnostic::file(path, "empty file: no text"));
    }
    Ok(text)
}

/// Parses one article file (`.md`, `.markdown`, `.txt`, `.html`, `.htm`, `.jsonl`) into
/// articles. `rel` is the path recorded in the articles; `shown` the path named in messages.
///
/// Returns the articles that loaded and the problems met; a JSONL file may give both.
pub fn load_file(rel: &Path, shown: &Path, bytes: &[u8]) -> (Vec<Article>, Vec<Diagnostic>) {
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
    match ext.as_str() {
        "jsonl" => jsonl::parse(rel, shown, &stem, text),
        "html" | "htm" => match html::extract(text) {
            Ok(doc) => {
                let mut a = Article::new(stem, doc.text);
                a.path = rel.to_path_buf();
                let diags = a
                    .set_meta(RawMeta {
                        title: doc.title,
                        outlet: doc.outlet,
                        url: doc.url,
                        published: doc.published,
                        byline: doc.byline,
                    })
                    .err()
                    .map(|m| Diagnostic::file(shown, m))
                    .into_iter()
                    .collect();
                (vec![a], diags)
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
                // the date was checked when the front matter was parsed
                let _ = a.set_meta(RawMeta {
                    title,
                    outlet: m.outlet,
                    url: m.url,
                    published: m.published,
                    byline: m.byline,
                });
                (vec![a], vec![])
            }
            Err(d) => (vec![], vec![d]),
        },
    }
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

/// Parses the raw files of a story into a [`Story`].
pub(super) fn assemble(files: StoryFiles, opts: &LoadOptions) -> Result<Story> {
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
            ron::from_str::<StoryMeta>(t).map_err(|e| {
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
        match as_text(&path, &bytes).and_then(|t| Registry::from_ron(&path, t)) {
            Ok(r) => registry = r,
            Err(d) => diagnostics.push(d),
        }
    }
    let mut articles: Vec<Article> = Vec::new();
    for (rel, bytes) in raw_articles {
        let shown = display_root.join(&rel);
        let bytes = match bytes {
            Ok(b) => b,
            Err(d) => {
                diagnostics.push(d);
                continue;
            }
        };
        let (loaded, diags) = load_file(&rel, &shown, &bytes);
        diagnostics.extend(diags);
        for a in loaded {
            if let Some(first) = articles.iter().find(|b| b.id == a.id) {
                diagnostics.push(Diagnostic::file(
                    &shown,
                    format!(
                        "duplicate article id {:?} (first in {}); skipped",
                        a.id,
                        first.path.display()
                    ),
                ));
                continue;
            }
            articles.push(a);
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
