//! HTML articles: main text by Readability-style extraction, metadata from meta tags.

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

/// Extracts the main text and metadata of an HTML page.
pub fn extract(_html: &str) -> Result<HtmlDocument, String> {
    Err("HTML extraction is not implemented".into())
}
