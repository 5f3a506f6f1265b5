//! Where articles come from on the command line: story folders, article files, standard
//! input (`-`) and web addresses (`http://`, `https://`), each loaded on its own or all of
//! them into one story.
//!
//! Standard input is told apart by its content ([`sniff`]): JSON lines, an HTML page,
//! Markdown (front matter or a `#` heading) or plain text. A web page is fetched (see
//! [`super::fetch`]) and read by its content type, HTML through the same Readability path
//! as an `.html` file; the address it was finally served from and the time it was fetched
//! are kept as the article's [`Fetched`](super::Fetched) metadata.

use super::load::{parse_file, Ids};
use super::{load_path, Article, LoadOptions, Story, StoryMeta, MAX_FILE_BYTES};
use crate::error::{Diagnostic, Error, Result};
use crate::sources::Registry;
use std::ffi::OsStr;
use std::io::Read;
use std::path::{Path, PathBuf};
use std::time::Duration;

/// One input named on the command line.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Input {
    /// A story folder or an article file.
    Path(PathBuf),
    /// Standard input, `-`.
    Stdin,
    /// A web address, `http://` or `https://`.
    Url(String),
}

impl Input {
    /// What a command-line argument names: `-` is standard input, an argument that starts
    /// with `http://` or `https://` (in any case) a web address, anything else a path.
    pub fn parse(arg: &OsStr) -> Input {
        if arg == "-" {
            return Input::Stdin;
        }
        if let Some(s) = arg.to_str() {
            let lower = s.trim().to_ascii_lowercase();
            if lower.starts_with("http://") || lower.starts_with("https://") {
                return Input::Url(s.trim().to_string());
            }
        }
        Input::Path(PathBuf::from(arg))
    }

    /// How the input is named in messages and in the articles it gives: the path, the
    /// address, or `<stdin>`.
    pub fn shown(&self) -> PathBuf {
        match self {
            Input::Path(p) => p.clone(),
            Input::Stdin => PathBuf::from(STDIN_NAME),
            Input::Url(u) => PathBuf::from(u),
        }
    }
}

/// How standard input is named in messages and as its articles' file.
pub const STDIN_NAME: &str = "<stdin>";

/// How web pages are fetched.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct FetchOptions {
    /// The longest a whole fetch may take, from connecting to the last byte.
    pub timeout: Duration,
    /// The most bytes a response may hold.
    pub max_bytes: u64,
}

impl Default for FetchOptions {
    fn default() -> FetchOptions {
        FetchOptions {
            timeout: Duration::from_secs(30),
            max_bytes: MAX_FILE_BYTES,
        }
    }
}

/// The kind of article a text holds, told from its content alone, as the file extension
/// that format has: `jsonl` when its first non-blank line is a JSON object, `html` when it
/// opens with markup (a doctype, a comment or an element that is closed further on), `md`
/// when it opens with front matter (`+++` or `---`) or a `#` heading, else `txt`.
pub fn sniff(text: &str) -> &'static str {
    let text = text.trim_start_matches('\u{feff}');
    let start = text.trim_start();
    let first = start.lines().next().unwrap_or("").trim();
    if first.starts_with('{')
        && serde_json::from_str::<serde_json::Map<String, serde_json::Value>>(first).is_ok()
    {
        return "jsonl";
    }
    if let Some(rest) = start.strip_prefix('<') {
        let head: String = start
            .chars()
            .take(16)
            .collect::<String>()
            .to_ascii_lowercase();
        let opens_element = rest.starts_with(|c: char| c.is_ascii_alphabetic());
        if head.starts_with("<!doctype html")
            || head.starts_with("<!--")
            || head.starts_with("<?xml")
            || (opens_element && start.contains("</"))
        {
            return "html";
        }
    }
    if first == "+++" || first == "---" || first.starts_with("# ") {
        return "md";
    }
    "txt"
}

/// The kind of article a response's `Content-Type` announces, as a file extension; `None`
/// when it does not say (or says something generic), so that the content decides.
fn content_type_format(content_type: Option<&str>) -> Result<Option<&'static str>, String> {
    let Some(ct) = content_type else {
        return Ok(None);
    };
    let mime = ct
        .split(';')
        .next()
        .unwrap_or("")
        .trim()
        .to_ascii_lowercase();
    Ok(match mime.as_str() {
        "text/html" | "application/xhtml+xml" => Some("html"),
        "text/markdown" | "text/x-markdown" => Some("md"),
        "application/x-ndjson"
        | "application/jsonl"
        | "application/json-lines"
        | "application/json" => Some("jsonl"),
        "text/plain" | "" | "application/octet-stream" => None,
        m if m.starts_with("text/") => None,
        m => {
            return Err(format!(
                "served as {m}, not an article (HTML, Markdown, text or JSON lines)"
            ))
        }
    })
}

/// A story of its own for articles that come with no story folder: an empty registry, so
/// that every speaker stays unresolved.
fn loose_story(id: String, articles: Vec<Article>, diagnostics: Vec<Diagnostic>) -> Story {
    Story {
        id: id.clone(),
        root: None,
        meta: StoryMeta {
            title: id,
            description: None,
        },
        registry: Registry::default(),
        articles,
        diagnostics,
    }
}

/// Reads articles from bytes of the given format (a file extension) as if from a file
/// named `name`; errors when none loads, with strict loading when anything is wrong.
fn from_bytes(
    name: &str,
    ext: &str,
    shown: &Path,
    bytes: &[u8],
    opts: &LoadOptions,
) -> Result<(Vec<Article>, Vec<Diagnostic>)> {
    let rel = PathBuf::from(format!("{name}.{ext}"));
    let (loaded, mut diagnostics) = parse_file(&rel, shown, bytes);
    if loaded.is_empty() {
        return Err(match diagnostics.len() {
            0 => Error::Input(Diagnostic::file(shown, "no article in the input")),
            1 => Error::Input(diagnostics.remove(0)),
            _ => Error::Inputs(diagnostics),
        });
    }
    let mut ids = Ids::default();
    let mut articles = Vec::with_capacity(loaded.len());
    for (mut a, line) in loaded {
        a.path = shown.to_path_buf();
        match ids.check(&a, line, shown) {
            Some(d) => diagnostics.push(d),
            None => articles.push(a),
        }
    }
    if opts.strict && !diagnostics.is_empty() {
        return Err(Error::Inputs(diagnostics));
    }
    Ok((articles, diagnostics))
}

/// Reads standard input whole, up to [`MAX_FILE_BYTES`], and loads the articles it holds
/// (see [`sniff`]).
pub fn load_stdin(opts: &LoadOptions) -> Result<Story> {
    let shown = Path::new(STDIN_NAME);
    let mut bytes = Vec::new();
    std::io::stdin()
        .lock()
        .take(MAX_FILE_BYTES + 1)
        .read_to_end(&mut bytes)
        .map_err(|e| Error::Input(Diagnostic::file(shown, format!("cannot read: {e}"))))?;
    load_bytes(&bytes, shown, "stdin", opts)
}

/// Loads the articles of `bytes` as standard input's are loaded: the format told from the
/// content, `id` the article id where the format gives none, `shown` the name in messages
/// and in the articles.
pub fn load_bytes(bytes: &[u8], shown: &Path, id: &str, opts: &LoadOptions) -> Result<Story> {
    if bytes.len() as u64 > MAX_FILE_BYTES {
        return Err(Error::Input(Diagnostic::file(
            shown,
            format!(
                "holds more than the limit of {} MiB; reading stopped there",
                MAX_FILE_BYTES / 1048576
            ),
        )));
    }
    let ext = std::str::from_utf8(bytes).map_or("txt", sniff);
    let (articles, diagnostics) = from_bytes(id, ext, shown, bytes, opts)?;
    Ok(loose_story(id.to_string(), articles, diagnostics))
}

/// An article id made from a web address: its host and path, every run of characters
/// other than ASCII letters and digits made one `-`, cut to 80 characters.
pub fn url_id(url: &str) -> String {
    let rest = url.split_once("://").map_or(url, |(_, r)| r);
    let rest = rest.split(['?', '#']).next().unwrap_or(rest);
    let rest = rest.rsplit_once('@').map_or(rest, |(_, r)| r);
    let mut id = String::new();
    for c in rest.chars() {
        if c.is_ascii_alphanumeric() {
            id.push(c.to_ascii_lowercase());
        } else if !id.is_empty() && !id.ends_with('-') {
            id.push('-');
        }
    }
    let mut id: String = id.trim_end_matches('-').chars().take(80).collect();
    while id.ends_with('-') {
        id.pop();
    }
    if id.is_empty() {
        "page".into()
    } else {
        id
    }
}

/// Fetches a web page and loads the article it holds: by its content type, else by its
/// content, HTML through the Readability path. The article's `url` is the page's canonical
/// address, or the address it was finally served from; `fetched` records that address and
/// the time. Without the `fetch` feature this is an error saying so.
pub fn load_url(url: &str, opts: &LoadOptions, fetch: &FetchOptions) -> Result<Story> {
    let shown = PathBuf::from(url);
    let page =
        super::fetch::fetch(url, fetch).map_err(|m| Error::Input(Diagnostic::file(&shown, m)))?;
    let ext = match content_type_format(page.content_type.as_deref()) {
        Ok(Some(ext)) => ext,
        Ok(None) => std::str::from_utf8(&page.body).map_or("txt", sniff),
        Err(m) => return Err(Error::Input(Diagnostic::file(&shown, m))),
    };
    let id = url_id(&page.fetched.url);
    let (mut articles, diagnostics) = from_bytes(&id, ext, &shown, &page.body, opts)?;
    for a in &mut articles {
        if a.url.is_none() {
            a.url = Some(page.fetched.url.clone());
        }
        a.fetched = Some(page.fetched.clone());
    }
    Ok(loose_story(id, articles, diagnostics))
}

/// Loads one input as a story: a folder as [`super::load_story`] does, a file as
/// [`load_path`] does, standard input and web pages as above.
pub fn load_input(input: &Input, opts: &LoadOptions, fetch: &FetchOptions) -> Result<Story> {
    match input {
        Input::Path(p) => load_path(p, opts),
        Input::Stdin => load_stdin(opts),
        Input::Url(u) => load_url(u, opts, fetch),
    }
}

/// Loads every input into one story: a story folder gives its title, description and
/// registry (at most one may be given), and the articles of the other inputs join its own,
/// their speakers resolved with its registry. Without a story folder the registry is
/// empty; a single input gives the story its name, several are called "N inputs".
///
/// An article id met in an earlier input is reported and that article skipped (an error
/// with strict loading). Standard input may be named once.
pub fn load_inputs(inputs: &[Input], opts: &LoadOptions, fetch: &FetchOptions) -> Result<Story> {
    if inputs.iter().filter(|i| **i == Input::Stdin).count() > 1 {
        return Err(Error::Input(Diagnostic::file(
            STDIN_NAME,
            "standard input (-) is named more than once",
        )));
    }
    let mut stories = Vec::with_capacity(inputs.len());
    for input in inputs {
        stories.push((input.shown(), load_input(input, opts, fetch)?));
    }
    let folders: Vec<&PathBuf> = stories
        .iter()
        .filter(|(_, s)| s.root.is_some())
        .map(|(p, _)| p)
        .collect();
    if folders.len() > 1 {
        return Err(Error::Story {
            path: folders[1].clone(),
            message: format!(
                "a second story folder (the first is {}): a report is of one story; give \
                 the other story's article files instead",
                folders[0].display()
            ),
        });
    }
    if stories.len() == 1 {
        return Ok(stories.remove(0).1);
    }
    let base = stories
        .iter()
        .position(|(_, s)| s.root.is_some())
        .map(|i| stories.remove(i).1);
    let n = stories.len();
    let mut story =
        base.unwrap_or_else(|| loose_story(format!("{n} inputs"), Vec::new(), Vec::new()));
    let mut seen: std::collections::HashMap<String, PathBuf> = story
        .articles
        .iter()
        .map(|a| (a.id.clone(), a.path.clone()))
        .collect();
    for (shown, s) in stories {
        story.diagnostics.extend(s.diagnostics);
        for a in s.articles {
            if let Some(first) = seen.get(&a.id) {
                let d = Diagnostic::file(
                    &shown,
                    format!(
                        "duplicate article id {:?} (first in {}); skipped",
                        a.id,
                        first.display()
                    ),
                );
                if opts.strict {
                    return Err(Error::Input(d));
                }
                story.diagnostics.push(d);
                continue;
            }
            seen.insert(a.id.clone(), a.path.clone());
            story.articles.push(a);
        }
    }
    Ok(story)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn content_tells_the_format() {
        assert_eq!(
            sniff("{\"text\": \"The mayor said so.\"}\n{\"text\": \"x\"}"),
            "jsonl"
        );
        assert_eq!(sniff("{ not json"), "txt");
        assert_eq!(
            sniff("\n<!DOCTYPE html><html><body><p>Hi</p></body></html>"),
            "html"
        );
        assert_eq!(
            sniff("<article><p>The mayor said so.</p></article>"),
            "html"
        );
        assert_eq!(sniff("<3 the mayor said so."), "txt");
        assert_eq!(sniff("+++\ntitle = \"x\"\n+++\nText."), "md");
        assert_eq!(sniff("---\ntitle: x\n---\nText."), "md");
        assert_eq!(sniff("# Fire at the harbour\n\nThe mayor said so."), "md");
        assert_eq!(sniff("The mayor said the bridge was safe."), "txt");
        assert_eq!(sniff("\u{feff}# Title\nText"), "md");
    }

    #[test]
    fn inputs_are_told_apart() {
        assert_eq!(Input::parse(OsStr::new("-")), Input::Stdin);
        assert_eq!(
            Input::parse(OsStr::new("HTTPS://example.org/a")),
            Input::Url("HTTPS://example.org/a".into())
        );
        assert_eq!(
            Input::parse(OsStr::new("http.md")),
            Input::Path(PathBuf::from("http.md"))
        );
    }

    #[test]
    fn url_ids_are_slugs() {
        assert_eq!(
            url_id("https://news.example.org/2031/05/fire-at-the-harbour.html?utm=1#top"),
            "news-example-org-2031-05-fire-at-the-harbour-html"
        );
        assert_eq!(url_id("http://user:pw@127.0.0.1:8080/"), "127-0-0-1-8080");
        assert_eq!(url_id("https://"), "page");
        assert!(super::super::check_id(&url_id(&format!("https://x/{}", "é".repeat(200)))).is_ok());
        assert!(url_id(&format!("https://x.org/{}", "a-".repeat(100))).len() <= 80);
    }

    #[test]
    fn standard_input_loads_by_content() {
        let opts = LoadOptions::default();
        let s = load_bytes(
            b"<html><head><title>Harbour</title></head><body><p>The mayor said the bridge was safe.</p></body></html>",
            Path::new(STDIN_NAME),
            "stdin",
            &opts,
        )
        .unwrap();
        assert_eq!(s.articles.len(), 1);
        assert_eq!(s.articles[0].title.as_deref(), Some("Harbour"));
        assert!(!s.articles[0].text.contains('<'));
        let s = load_bytes(
            b"{\"id\": \"one\", \"text\": \"A said b.\"}\n{\"id\": \"two\", \"text\": \"C said d.\"}\n",
            Path::new(STDIN_NAME),
            "stdin",
            &opts,
        )
        .unwrap();
        let ids: Vec<&str> = s.articles.iter().map(|a| a.id.as_str()).collect();
        assert_eq!(ids, ["one", "two"]);
        assert_eq!(s.articles[0].path, Path::new(STDIN_NAME));
        let e = load_bytes(b"  \n", Path::new(STDIN_NAME), "stdin", &opts).unwrap_err();
        assert!(e.to_string().starts_with("<stdin>: "), "{e}");
    }
}
