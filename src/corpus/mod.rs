//! Stories and articles, and one loader per format (text, Markdown, HTML, JSONL).

mod dense;
mod embedded;
mod fetch;
pub mod frontmatter;
pub mod html;
pub mod init;
pub mod input;
pub mod jsonl;
mod load;
pub mod read;
pub mod spans;
mod walk;

pub use embedded::{default_story, DEFAULT_STORY_ID};
pub use input::{load_input, load_inputs, FetchOptions, Input};
pub use load::{assemble, load_file, load_path, load_story, LoadOptions, StoryFiles};
pub use read::{read_data, read_input, read_limited, ReadError, MAX_DATA_BYTES, MAX_FILE_BYTES};

use crate::error::Diagnostic;
use crate::sources::Registry;
use crate::text::{self, Sentence, Span, TokenStream};
use chrono::NaiveDate;
use serde::{Deserialize, Serialize};
use std::path::PathBuf;
use std::sync::OnceLock;

/// One news article: its metadata, its text, and the text's paragraphs and sentences.
///
/// Outlet, publication date and byline stay `None` when the input does not give them: they
/// are never guessed.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Article {
    /// Stable id: from front matter or the JSONL record, else the file name without its
    /// extension.
    pub id: String,
    /// Headline, when given.
    pub title: Option<String>,
    /// The outlet that published it, when known.
    pub outlet: Option<String>,
    /// Where it was published, when known.
    pub url: Option<String>,
    /// Publication date, when known.
    pub published: Option<NaiveDate>,
    /// Author line, when known.
    pub byline: Option<String>,
    /// For an article fetched from the web: the address it was finally served from and
    /// when.
    #[serde(default)]
    pub fetched: Option<Fetched>,
    /// The file it came from, relative to the story folder (`<stdin>` for standard input,
    /// the address for a web page).
    pub path: PathBuf,
    /// The text, exactly as in the file after front matter or markup is removed.
    pub text: String,
    /// Paragraph spans.
    pub paragraphs: Vec<Span>,
    /// Sentence spans, with the paragraph each belongs to.
    pub sentences: Vec<Sentence>,
    /// The token stream of the text ([`Article::tokens`]), made on first use from the text,
    /// paragraphs and sentences above.
    #[serde(skip)]
    stream: OnceLock<TokenStream>,
}

impl Article {
    /// An article with the given id and text; segments the text into paragraphs and
    /// sentences.
    pub fn new(id: impl Into<String>, text: impl Into<String>) -> Article {
        let text = text.into();
        let paragraphs = text::paragraphs(&text);
        let sentences = text::sentences(&text, &paragraphs);
        Article {
            id: id.into(),
            title: None,
            outlet: None,
            url: None,
            published: None,
            byline: None,
            fetched: None,
            path: PathBuf::new(),
            text,
            paragraphs,
            sentences,
            stream: OnceLock::new(),
        }
    }

    /// The words and marks of the text, with their forms and quotation state: made once
    /// (on first use) and shared by every stage that reads the text word by word.
    pub fn tokens(&self) -> &TokenStream {
        self.stream
            .get_or_init(|| TokenStream::new(&self.text, &self.paragraphs, &self.sentences))
    }

    /// Sets the metadata given with the text. A publication date that does not parse is
    /// left unknown, and returned as an error message for the caller to report.
    pub fn set_meta(&mut self, meta: RawMeta) -> Result<(), String> {
        self.title = meta.title;
        self.outlet = meta.outlet;
        self.url = meta.url;
        self.byline = meta.byline;
        if let Some(p) = meta.published {
            self.published = frontmatter::parse_date(&p);
            if self.published.is_none() {
                return Err(frontmatter::bad_date_message(&p));
            }
        }
        Ok(())
    }

    /// The text a span covers.
    pub fn slice(&self, span: Span) -> &str {
        span.slice(&self.text)
    }

    /// Index of the paragraph that holds byte `offset`.
    pub fn paragraph_of(&self, offset: usize) -> Option<usize> {
        // paragraphs are in text order and do not overlap: a binary search finds it
        let i = self
            .paragraphs
            .partition_point(|p| p.end.max(p.start + 1) <= offset);
        self.paragraphs
            .get(i)
            .filter(|p| p.start <= offset)
            .map(|_| i)
    }
}

/// Where and when an article was fetched from the web.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Fetched {
    /// The address the page was finally served from, after redirects.
    pub url: String,
    /// When it was fetched: an RFC 3339 time in UTC, to the second.
    pub at: String,
}

/// Checks that `id` can name an article in reports and file names: not empty, no white
/// space at either end, no control characters (NUL, BEL, line breaks, escapes) and no
/// bidirectional controls (which reorder what a reader sees). Returns what is wrong.
pub fn check_id(id: &str) -> Result<(), String> {
    if id.trim().is_empty() {
        return Err("is empty".into());
    }
    if id.trim() != id {
        return Err("begins or ends with white space".into());
    }
    if let Some(c) = id.chars().find(|c| c.is_control()) {
        return Err(format!("holds a control character (U+{:04X})", c as u32));
    }
    if let Some(c) = id.chars().find(|c| is_bidi_control(*c)) {
        return Err(format!(
            "holds a bidirectional control character (U+{:04X})",
            c as u32
        ));
    }
    Ok(())
}

/// Characters that change the direction of the text around them, and invisible marks of
/// direction.
pub fn is_bidi_control(c: char) -> bool {
    matches!(c, '\u{061C}' | '\u{200E}' | '\u{200F}' | '\u{202A}'..='\u{202E}' | '\u{2066}'..='\u{2069}')
}

/// Metadata as an input format gives it, before the publication date is parsed.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct RawMeta {
    /// Headline.
    pub title: Option<String>,
    /// Outlet.
    pub outlet: Option<String>,
    /// Address.
    pub url: Option<String>,
    /// Publication date as written.
    pub published: Option<String>,
    /// Author line.
    pub byline: Option<String>,
}

/// The title and description of a story, from `story.ron`.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct StoryMeta {
    /// The story's title.
    pub title: String,
    /// What the story is about.
    #[serde(default)]
    pub description: Option<String>,
}

/// A story: the articles covering one news event and the registry of its sources.
#[derive(Clone, Debug)]
pub struct Story {
    /// The folder name, or the embedded story's id.
    pub id: String,
    /// The folder the story was loaded from (`None` for the embedded default story).
    pub root: Option<PathBuf>,
    /// Title and description.
    pub meta: StoryMeta,
    /// The registry of sources.
    pub registry: Registry,
    /// The articles, ordered by file path and line.
    pub articles: Vec<Article>,
    /// Problems found while loading; the files they name were skipped or loaded in part.
    pub diagnostics: Vec<Diagnostic>,
}
