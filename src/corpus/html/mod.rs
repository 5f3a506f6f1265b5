//! HTML articles: main text by Readability-style extraction, metadata from meta tags.
//!
//! The main text comes from [`dom_smoothie`] (a port of Mozilla Readability). When it fails,
//! or finds less than an article's worth of text, a simple extraction of the `<article>`,
//! `<main>` or `<body>` paragraphs is used instead. Metadata comes from the page's meta tags,
//! `<link rel=canonical>`, `<time>` and JSON-LD blocks, in a fixed order of preference; a
//! value the page does not state stays `None`.

mod blocks;
mod meta;
mod nesting;
#[cfg(test)]
mod tests;

use std::panic::{catch_unwind, AssertUnwindSafe};

use blocks::{block_text, Mode};
use dom_query::Document;
use dom_smoothie::{Config, Readability};
use meta::{clean_value, metadata};
use nesting::{limit_nesting, tree_depth};

/// The main text and metadata extracted from an HTML page.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct HtmlDocument {
    /// The article's main text, paragraphs separated by blank lines.
    pub text: String,
    /// The headline.
    pub title: Option<String>,
    /// The publishing outlet (site name).
    pub outlet: Option<String>,
    /// The canonical address of the page.
    pub url: Option<String>,
    /// The publication date or time as written in the page (ISO 8601 where the page follows
    /// the usual meta tags).
    pub published: Option<String>,
    /// The author line.
    pub byline: Option<String>,
}

/// Below this many characters of text, Readability's result is taken as "no article found"
/// and the simple extraction is preferred (the same threshold Readability itself uses).
const MIN_ARTICLE_CHARS: usize = 500;

/// Pages with more elements than this skip Readability (whose scoring is slow on very large
/// documents) and go straight to the simple extraction.
const MAX_READABILITY_ELEMENTS: usize = 50_000;

/// Pages nested deeper than this skip Readability, whose scoring slows down sharply with depth
/// (real article pages are rarely more than a few dozen levels deep).
const MAX_READABILITY_DEPTH: usize = 300;

/// Tags nested deeper than this (as estimated by [`limit_nesting`]) are dropped before
/// parsing: the HTML tree builder takes time quadratic in the nesting depth.
const MAX_TAG_NESTING: usize = 1000;

/// Extracts the main text and metadata of an HTML page.
///
/// # Errors
///
/// Returns an error message when the page holds no text at all: empty input, markup without
/// text, input without a single letter or digit, or binary data decoded as a string.
pub fn extract(html: &str) -> Result<HtmlDocument, String> {
    const NO_TEXT: &str = "no article text found in the HTML";
    if !html.chars().any(char::is_alphanumeric) {
        return Err(NO_TEXT.into());
    }
    if looks_binary(html) {
        return Err(format!("{NO_TEXT} (the input looks like binary data)"));
    }
    let flattened = limit_nesting(html, MAX_TAG_NESTING);
    let html = flattened.as_deref().unwrap_or(html);
    // html5ever and dom_smoothie are not expected to panic, but the input is untrusted: a
    // panic in either is turned into an error rather than taking the caller down.
    let doc = catch_unwind(|| Document::from(html))
        .map_err(|_| "the HTML could not be parsed".to_string())?;

    let mut out = catch_unwind(AssertUnwindSafe(|| metadata(&doc))).unwrap_or_default();

    let readable = if tree_depth(doc.root()) <= MAX_READABILITY_DEPTH {
        catch_unwind(AssertUnwindSafe(move || readability(doc))).unwrap_or(None)
    } else {
        None
    };
    let (readable_text, readable_byline) = readable.unwrap_or_default();
    if out.byline.is_none() {
        out.byline = readable_byline.as_deref().and_then(clean_value);
    }

    out.text = if readable_text.chars().count() >= MIN_ARTICLE_CHARS {
        readable_text
    } else {
        let fallback = catch_unwind(|| fallback_text(&Document::from(html))).unwrap_or_default();
        if fallback.is_empty() {
            readable_text
        } else {
            fallback
        }
    };

    if out.text.chars().any(char::is_alphanumeric) {
        Ok(out)
    } else {
        Err(NO_TEXT.into())
    }
}

/// Whether more than a quarter of the characters are control characters (other than white
/// space) or U+FFFD replacement characters, as when binary data is decoded as text.
fn looks_binary(text: &str) -> bool {
    let (mut total, mut junk) = (0usize, 0usize);
    for c in text.chars() {
        total += 1;
        if c == '\u{fffd}' || (c.is_control() && !c.is_whitespace()) {
            junk += 1;
        }
    }
    junk * 4 > total
}

/// Runs Readability over the document; returns the article text and Readability's byline.
fn readability(doc: Document) -> Option<(String, Option<String>)> {
    let cfg = Config {
        max_elements_to_parse: MAX_READABILITY_ELEMENTS,
        // JSON-LD is read by `metadata`, which also follows `@graph` and `@id` references.
        disable_json_ld: true,
        ..Config::default()
    };
    // Readability returns its result serialised, which is quadratic in dense text
    super::dense::bound_dense_text(&doc);
    let mut readability = Readability::with_document(doc, None, Some(cfg)).ok()?;
    let article = readability.parse().ok()?;
    let content = Document::fragment(article.content);
    let text = block_text(content.root(), Mode::Readability);
    Some((text, article.byline))
}

/// The simple extraction: the paragraphs of the `<article>` with the most text, else of
/// `<main>`, else of `<body>`, skipping page furniture.
fn fallback_text(doc: &Document) -> String {
    let longest_article = doc
        .select("article")
        .nodes()
        .iter()
        .max_by_key(|node| node.text().len())
        .copied();
    let main = doc.select("main").nodes().first().copied();
    [longest_article, main, doc.body()]
        .into_iter()
        .flatten()
        .map(|root| block_text(root, Mode::Fallback))
        .find(|text| !text.is_empty())
        .unwrap_or_default()
}
