//! HTML articles: main text by Readability-style extraction, metadata from meta tags.
//!
//! The main text comes from [`dom_smoothie`] (a port of Mozilla Readability). When it fails,
//! or finds less than an article's worth of text, a simple extraction of the `<article>`,
//! `<main>` or `<body>` paragraphs is used instead. Metadata comes from the page's meta tags,
//! `<link rel=canonical>`, `<time>` and JSON-LD blocks, in a fixed order of preference; a
//! value the page does not state stays `None`.

use std::collections::{HashMap, HashSet};
use std::panic::{catch_unwind, AssertUnwindSafe};

use dom_query::{Document, NodeRef};
use dom_smoothie::{Config, Readability};
use serde_json::{Map, Value};

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

/// Which markup [`block_text`] leaves out.
#[derive(Clone, Copy, PartialEq, Eq)]
enum Mode {
    /// Readability's output, already cleaned: drop only non-text elements and stray chrome.
    Readability,
    /// Raw page markup: also drop headers, forms and elements that look like page furniture.
    Fallback,
}

/// Elements whose content is never article text.
const NON_TEXT: &[&str] = &[
    "script", "style", "noscript", "template", "svg", "math", "iframe", "object", "embed",
    "canvas", "video", "audio", "button", "select", "textarea", "input", "option", "dialog",
    "head", "title", "meta", "link",
];

/// Page chrome that may survive in Readability's output.
const CHROME: &[&str] = &["nav", "aside", "footer"];

/// Page chrome skipped by the simple extraction.
const FALLBACK_CHROME: &[&str] = &["nav", "header", "footer", "aside", "form"];

/// Elements that start and end a paragraph of text.
const BLOCKS: &[&str] = &[
    "address",
    "article",
    "aside",
    "blockquote",
    "body",
    "caption",
    "center",
    "dd",
    "details",
    "div",
    "dl",
    "dt",
    "fieldset",
    "figcaption",
    "figure",
    "footer",
    "form",
    "h1",
    "h2",
    "h3",
    "h4",
    "h5",
    "h6",
    "header",
    "hgroup",
    "hr",
    "html",
    "legend",
    "li",
    "main",
    "menu",
    "nav",
    "ol",
    "p",
    "pre",
    "section",
    "summary",
    "table",
    "tbody",
    "td",
    "tfoot",
    "th",
    "thead",
    "tr",
    "ul",
];

/// ARIA roles of page furniture.
const CHROME_ROLES: &[&str] = &[
    "navigation",
    "banner",
    "contentinfo",
    "complementary",
    "search",
    "dialog",
    "alertdialog",
    "menu",
    "menubar",
];

/// Class or id words (split at non-alphanumerics) that mark page furniture.
const CHROME_WORDS: &[&str] = &[
    "ad",
    "ads",
    "advert",
    "advertisement",
    "banner",
    "breadcrumb",
    "breadcrumbs",
    "comments",
    "consent",
    "cookie",
    "cookies",
    "gdpr",
    "menu",
    "mostread",
    "nav",
    "navbar",
    "navigation",
    "newsletter",
    "popular",
    "promo",
    "related",
    "share",
    "sharing",
    "sidebar",
    "social",
    "sponsored",
    "subscribe",
    "trending",
];

/// Class or id fragments that mark page furniture even inside longer words or phrases.
const CHROME_FRAGMENTS: &[&str] = &["cookie", "consent", "most-read", "most_read", "sidebar"];

/// Whether the simple extraction should leave this element out.
fn is_chrome(node: &NodeRef, name: &str, mode: Mode) -> bool {
    if NON_TEXT.contains(&name) {
        return true;
    }
    if node.has_attr("hidden")
        || node
            .attr("aria-hidden")
            .is_some_and(|v| v.trim().eq_ignore_ascii_case("true"))
    {
        return true;
    }
    if let Some(style) = node.attr("style") {
        let style: String = style
            .chars()
            .filter(|c| !c.is_whitespace())
            .collect::<String>()
            .to_ascii_lowercase();
        if style.contains("display:none") || style.contains("visibility:hidden") {
            return true;
        }
    }
    match mode {
        Mode::Readability => CHROME.contains(&name),
        Mode::Fallback => {
            if FALLBACK_CHROME.contains(&name) {
                return true;
            }
            if node.attr("role").is_some_and(|role| {
                let role = role.trim().to_ascii_lowercase();
                CHROME_ROLES.contains(&role.as_str())
            }) {
                return true;
            }
            ["class", "id"].iter().any(|attr| {
                node.attr(attr).is_some_and(|value| {
                    let value = value.to_ascii_lowercase();
                    CHROME_FRAGMENTS.iter().any(|f| value.contains(f))
                        || value
                            .split(|c: char| !c.is_alphanumeric())
                            .any(|word| CHROME_WORDS.contains(&word))
                })
            })
        }
    }
}

/// The text under `root`, one paragraph per block element, paragraphs separated by a blank
/// line, white space collapsed. Walks the tree without recursion, so deep nesting is safe.
fn block_text(root: NodeRef, mode: Mode) -> String {
    enum Step<'a> {
        Enter(NodeRef<'a>),
        Leave,
    }
    let mut paragraphs: Vec<String> = Vec::new();
    let mut current = String::new();
    let mut stack = vec![Step::Enter(root)];
    while let Some(step) = stack.pop() {
        let node = match step {
            Step::Enter(node) => node,
            Step::Leave => {
                flush(&mut current, &mut paragraphs);
                continue;
            }
        };
        if node.is_text() {
            current.push_str(&node.text());
            continue;
        }
        let is_block = if node.is_element() {
            let name = node.node_name().unwrap_or_default();
            let name = name.as_ref();
            if is_chrome(&node, name, mode) {
                continue;
            }
            if name == "br" {
                current.push(' ');
                continue;
            }
            BLOCKS.contains(&name)
        } else {
            node.is_document() || node.is_fragment()
        };
        if !node.is_element() && !is_block {
            continue; // comments, doctypes, processing instructions
        }
        if is_block {
            flush(&mut current, &mut paragraphs);
            stack.push(Step::Leave);
        }
        stack.extend(node.children_it(true).map(Step::Enter));
    }
    flush(&mut current, &mut paragraphs);
    paragraphs.join("\n\n")
}

/// Ends the paragraph being built, keeping it if it holds any text.
fn flush(current: &mut String, paragraphs: &mut Vec<String>) {
    if let Some(paragraph) = clean_value(current) {
        paragraphs.push(paragraph);
    }
    current.clear();
}

/// Collapses white space, drops control characters and trims; `None` when nothing is left.
fn clean_value(raw: &str) -> Option<String> {
    let mut out = String::with_capacity(raw.len());
    for word in raw.split_whitespace() {
        let word = word.chars().filter(|c| !c.is_control());
        if !out.is_empty() {
            out.push(' ');
        }
        out.extend(word);
    }
    let trimmed = out.trim();
    (!trimmed.is_empty()).then(|| trimmed.to_string())
}

/// Whether a value looks like an address rather than a name.
fn is_url(value: &str) -> bool {
    let lower = value.to_ascii_lowercase();
    lower.contains("://") || lower.starts_with("//") || lower.starts_with("www.")
}

/// The page's metadata (everything but the text and Readability's byline).
fn metadata(doc: &Document) -> HtmlDocument {
    let meta = MetaTags::read(doc);
    let ld = JsonLd::read(doc);

    let title = meta
        .first(&["og:title", "twitter:title"])
        .or_else(|| {
            doc.select("title")
                .nodes()
                .iter()
                .filter(|n| !n.ancestors_it(None).any(|a| a.has_name("svg")))
                .find_map(|n| clean_value(&n.text()))
        })
        .or_else(|| {
            let in_article = doc.select("article h1");
            let h1 = if in_article.exists() {
                in_article
            } else {
                doc.select("h1")
            };
            h1.nodes().iter().find_map(|n| clean_value(&n.text()))
        });

    let outlet = meta
        .first(&["og:site_name", "application-name"])
        .or_else(|| ld.name_of("publisher"));

    let url = doc
        .select("link[rel][href]")
        .nodes()
        .iter()
        .filter(|n| {
            n.attr("rel").is_some_and(|rel| {
                rel.split_whitespace()
                    .any(|r| r.eq_ignore_ascii_case("canonical"))
            })
        })
        .find_map(|n| n.attr("href").as_deref().and_then(clean_value))
        .or_else(|| meta.first(&["og:url"]));

    let published = meta
        .first(&[
            "article:published_time",
            "og:published_time",
            "date",
            "pubdate",
        ])
        .or_else(|| {
            doc.select("article time[datetime]")
                .nodes()
                .iter()
                .find_map(|n| n.attr("datetime").as_deref().and_then(clean_value))
        })
        .or_else(|| ld.string_of("datePublished"));

    let byline = meta
        .all("author")
        .or_else(|| {
            let names: Vec<&String> = meta
                .values("article:author")
                .iter()
                .filter(|v| !is_url(v))
                .collect();
            join_distinct(names)
        })
        .or_else(|| ld.name_of("author"));

    HtmlDocument {
        text: String::new(),
        title,
        outlet,
        url,
        published,
        byline,
    }
}

/// Joins distinct values with ", "; `None` when there are none.
fn join_distinct<'a>(values: impl IntoIterator<Item = &'a String>) -> Option<String> {
    let mut seen = HashSet::new();
    let kept: Vec<&str> = values
        .into_iter()
        .map(String::as_str)
        .filter(|v| seen.insert(v.to_lowercase()))
        .collect();
    (!kept.is_empty()).then(|| kept.join(", "))
}

/// The `<meta>` tags of a page: cleaned, non-empty `content` values by lower-cased `property`
/// or `name`, in document order.
struct MetaTags(HashMap<String, Vec<String>>);

impl MetaTags {
    fn read(doc: &Document) -> Self {
        let mut map: HashMap<String, Vec<String>> = HashMap::new();
        for node in doc.select("meta[content]").nodes() {
            let Some(content) = node.attr("content").as_deref().and_then(clean_value) else {
                continue;
            };
            let mut keys: Vec<String> = ["property", "name"]
                .iter()
                .filter_map(|attr| node.attr(attr))
                .map(|key| key.trim().to_ascii_lowercase())
                .filter(|key| !key.is_empty())
                .collect();
            keys.dedup();
            for key in keys {
                map.entry(key).or_default().push(content.clone());
            }
        }
        MetaTags(map)
    }

    /// All values for `key`, in document order.
    fn values(&self, key: &str) -> &[String] {
        self.0.get(key).map_or(&[], Vec::as_slice)
    }

    /// The first value of the first key (in `keys` order) that has one.
    fn first(&self, keys: &[&str]) -> Option<String> {
        keys.iter()
            .find_map(|key| self.values(key).first())
            .cloned()
    }

    /// All distinct values for `key`, joined with ", ".
    fn all(&self, key: &str) -> Option<String> {
        join_distinct(self.values(key))
    }
}

/// The objects of a page's JSON-LD blocks: article-typed objects first, then the rest, each
/// group in document order; plus an index by `@id` to follow references.
struct JsonLd {
    objects: Vec<Map<String, Value>>,
    by_id: HashMap<String, Map<String, Value>>,
}

impl JsonLd {
    fn read(doc: &Document) -> Self {
        let mut found = Vec::new();
        for node in doc.select("script[type]").nodes() {
            let is_ld = node.attr("type").is_some_and(|t| {
                t.trim()
                    .to_ascii_lowercase()
                    .starts_with("application/ld+json")
            });
            if !is_ld {
                continue;
            }
            let text = node.text();
            let mut body = text.trim();
            for (open, close) in [("<!--", "-->"), ("<![CDATA[", "]]>")] {
                body = body.strip_prefix(open).unwrap_or(body).trim();
                body = body.strip_suffix(close).unwrap_or(body).trim();
            }
            body = body.trim_end_matches(';').trim();
            if let Ok(value) = serde_json::from_str::<Value>(body) {
                collect_objects(value, &mut found, 0);
            }
        }
        let by_id = found
            .iter()
            .filter_map(|obj| {
                let id = obj.get("@id")?.as_str()?;
                Some((id.to_string(), obj.clone()))
            })
            .collect();
        let (mut objects, others): (Vec<_>, Vec<_>) = found.into_iter().partition(is_article);
        objects.extend(others);
        JsonLd { objects, by_id }
    }

    /// The first string value of `key` among the objects.
    fn string_of(&self, key: &str) -> Option<String> {
        self.objects
            .iter()
            .find_map(|obj| obj.get(key)?.as_str().and_then(clean_value))
    }

    /// The name(s) held by `key` (a string, an object with `name` or an `@id` reference, or
    /// a list of these) in the first object that has any.
    fn name_of(&self, key: &str) -> Option<String> {
        self.objects.iter().find_map(|obj| {
            let value = obj.get(key)?;
            let mut names = Vec::new();
            match value {
                Value::Array(items) => items.iter().for_each(|v| self.push_name(v, &mut names)),
                other => self.push_name(other, &mut names),
            }
            join_distinct(&names)
        })
    }

    fn push_name(&self, value: &Value, names: &mut Vec<String>) {
        let name = match value {
            Value::String(s) => clean_value(s).filter(|s| !is_url(s)),
            Value::Object(obj) => {
                let named = obj.get("name").and_then(Value::as_str);
                let referenced = || {
                    let id = obj.get("@id")?.as_str()?;
                    self.by_id.get(id)?.get("name")?.as_str()
                };
                named.or_else(referenced).and_then(clean_value)
            }
            _ => None,
        };
        names.extend(name);
    }
}

/// Gathers the objects of a JSON-LD value: top-level objects, array items and `@graph` items.
fn collect_objects(value: Value, out: &mut Vec<Map<String, Value>>, depth: usize) {
    if depth > 3 {
        return;
    }
    match value {
        Value::Array(items) => {
            for item in items {
                collect_objects(item, out, depth + 1);
            }
        }
        Value::Object(mut obj) => {
            if let Some(graph) = obj.remove("@graph") {
                collect_objects(graph, out, depth + 1);
            }
            out.push(obj);
        }
        _ => {}
    }
}

/// Whether a JSON-LD object is a news article, blog post or report.
fn is_article(obj: &Map<String, Value>) -> bool {
    let is_article_type = |t: &str| {
        let t = t.rsplit(['/', ':', '#']).next().unwrap_or(t);
        t.ends_with("Article") || t.ends_with("BlogPosting") || t == "Report"
    };
    match obj.get("@type") {
        Some(Value::String(t)) => is_article_type(t),
        Some(Value::Array(types)) => types.iter().filter_map(Value::as_str).any(is_article_type),
        _ => false,
    }
}

/// The depth of the deepest node under `root`.
fn tree_depth(root: NodeRef) -> usize {
    let mut deepest = 0;
    let mut stack = vec![(root, 0usize)];
    while let Some((node, depth)) = stack.pop() {
        deepest = deepest.max(depth);
        stack.extend(node.children_it(false).map(|child| (child, depth + 1)));
    }
    deepest
}

/// A tag found by [`scan_tags`].
#[derive(Clone, Copy, PartialEq, Eq)]
enum Tag {
    /// An opening tag of an element that can nest (not void, not self-closing).
    Open,
    /// A closing tag.
    Close,
    /// Anything else: comments, doctypes, void or self-closing tags, raw-text elements
    /// (`script`, `style`, ...) with their content, and elements whose end tag may be left out.
    Other,
}

/// Elements that hold raw text up to their closing tag.
const RAW_TEXT: &[&str] = &[
    "script", "style", "textarea", "title", "xmp", "iframe", "noembed", "noframes",
];

/// Elements that never nest: void elements and those whose end tag is commonly left out.
const NON_NESTING: &[&str] = &[
    "area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "source", "track",
    "wbr", "param", "keygen", "p", "li", "dt", "dd", "option", "optgroup", "tr", "td", "th",
    "thead", "tbody", "tfoot", "colgroup", "caption", "rb", "rt", "rp", "html", "head", "body",
];

/// Byte offset of the first case-insensitive occurrence of `needle` in `hay` at or after `from`.
fn find_ci(hay: &[u8], needle: &[u8], from: usize) -> Option<usize> {
    if needle.is_empty() || from >= hay.len() {
        return None;
    }
    hay[from..]
        .windows(needle.len())
        .position(|w| w.eq_ignore_ascii_case(needle))
        .map(|p| p + from)
}

/// The tags of `html` with their byte ranges, found by a lenient scan (not a full tokenizer:
/// good enough to estimate how deeply elements nest).
fn scan_tags(html: &str) -> Vec<(usize, usize, Tag)> {
    let bytes = html.as_bytes();
    let mut tags = Vec::new();
    let mut i = 0;
    while let Some(offset) = bytes[i..].iter().position(|&b| b == b'<') {
        let start = i + offset;
        let rest = &bytes[start + 1..];
        let end_of = |from: usize| {
            bytes[from..]
                .iter()
                .position(|&b| b == b'>')
                .map_or(bytes.len(), |p| from + p + 1)
        };
        let (end, tag) = if rest.starts_with(b"!--") {
            let end = find_ci(bytes, b"-->", start + 4).map_or(bytes.len(), |p| p + 3);
            (end, Tag::Other)
        } else if rest.first().is_some_and(|b| matches!(b, b'!' | b'?')) {
            (end_of(start + 1), Tag::Other)
        } else {
            let closing = rest.first() == Some(&b'/');
            let name_start = start + 1 + usize::from(closing);
            let name_len = bytes[name_start..]
                .iter()
                .take_while(|b| b.is_ascii_alphanumeric() || matches!(b, b'-' | b':'))
                .count();
            let name = &bytes[name_start..name_start + name_len];
            if !name.first().is_some_and(u8::is_ascii_alphabetic) {
                i = start + 1;
                continue;
            }
            let name = String::from_utf8_lossy(name).to_ascii_lowercase();
            let end = end_of(name_start + name_len);
            if NON_NESTING.contains(&name.as_str()) {
                (end, Tag::Other)
            } else if closing {
                (end, Tag::Close)
            } else if RAW_TEXT.contains(&name.as_str()) {
                let close = format!("</{name}");
                let end = find_ci(bytes, close.as_bytes(), end)
                    .map_or(bytes.len(), |p| end_of(p + close.len()));
                (end, Tag::Other)
            } else if end >= 2 && bytes[end - 2] == b'/' {
                (end, Tag::Other)
            } else {
                (end, Tag::Open)
            }
        };
        tags.push((start, end, tag));
        i = end.max(start + 1);
        if i >= bytes.len() {
            break;
        }
    }
    tags
}

/// When `html` nests elements deeper than `limit`, a copy without the opening tags beyond that
/// depth (and as many closing tags); `None` when the page is within the limit. Text is kept.
fn limit_nesting(html: &str, limit: usize) -> Option<String> {
    let tags = scan_tags(html);
    let mut depth = 0usize;
    let mut deepest = 0usize;
    for &(_, _, tag) in &tags {
        match tag {
            Tag::Open => depth += 1,
            Tag::Close => depth = depth.saturating_sub(1),
            Tag::Other => {}
        }
        deepest = deepest.max(depth);
    }
    if deepest <= limit {
        return None;
    }
    let mut out = String::with_capacity(html.len());
    let (mut depth, mut dropped, mut copied) = (0usize, 0usize, 0usize);
    for (start, end, tag) in tags {
        let keep = match tag {
            Tag::Open if depth >= limit => {
                dropped += 1;
                false
            }
            Tag::Open => {
                depth += 1;
                true
            }
            Tag::Close if dropped > 0 => {
                dropped -= 1;
                false
            }
            Tag::Close => {
                depth = depth.saturating_sub(1);
                true
            }
            Tag::Other => true,
        };
        if !keep {
            out.push_str(&html[copied..start]);
            out.push(' ');
            copied = end;
        }
    }
    out.push_str(&html[copied..]);
    Some(out)
}

#[cfg(test)]
mod tests {
    use super::*;

    const NEWS_PAGE: &str = include_str!("../../tests/fixtures/html/news_page.html");

    /// The article's paragraphs (and its subheading), in order, as they should come out.
    const NEWS_PARAGRAPHS: &[&str] = &[
        "HARBOURTON \u{2014} The eastbound lanes of the Quayside Bridge will close for six weeks \
         from Monday while engineers replace corroded sections of the steel deck, the city\u{2019}s \
         transport department said on Thursday.",
        "The closure, which will divert about 14,000 vehicles a day through the old town, follows \
         a routine inspection in January that found rust beneath the asphalt on three of the \
         bridge\u{2019}s eleven spans.",
        "\u{201c}We would rather inconvenience drivers for six weeks than take any risk with a \
         structure that carries this much traffic,\u{201d} said Deputy Mayor Tobias Renwick-Ashe, \
         who chairs the council\u{2019}s infrastructure committee. \u{201c}The bridge is safe \
         today, and these repairs are how we keep it that way.\u{201d}",
        "Buses to keep priority",
        "Buses and emergency vehicles will keep a dedicated lane in both directions, the \
         department said. Cyclists will be asked to dismount on the westbound footpath, which \
         will be widened with temporary barriers.",
        "The work is expected to cost \u{20ac}4.2 million, paid from the city\u{2019}s \
         maintenance reserve. Contractors from Brønholt Engineering, the firm that built the \
         bridge\u{2019}s original deck in 1987, will work through the night to shorten the \
         closure.",
        "\u{201c}Six weeks is tight but achievable if the weather holds,\u{201d} said Zoë \
         Halvorsen-Pike, the project\u{2019}s site manager.",
        "Shopkeepers in the old town, where most diverted traffic will pass, said they feared the \
         congestion would keep customers away. The Harbourton Traders\u{2019} Association said it \
         had asked the council for a temporary cut in parking charges during the works.",
        "The council will publish a detailed diversion map on its website on Friday, and \
         officials will hold a public briefing at the Corn Exchange on 19 March.",
    ];

    /// Strings from the page's navigation, sidebar, footer, banner, share buttons and
    /// scripts, none of which belongs in the text.
    const NEWS_CHROME: &[&str] = &[
        "cookies",
        "Accept all",
        "Manage preferences",
        "Politics",
        "Culture & Arts",
        "Subscribe",
        "Share on",
        "Share by email",
        "Copy link",
        "Related articles",
        "Ferry operator",
        "Tram extension",
        "Most read",
        "covered market",
        "rowers",
        "Lantern festival",
        "Family bakery",
        "Morning Briefing",
        "Sign up",
        "\u{a9}",
        "All rights reserved",
        "Privacy policy",
        "Terms of use",
        "Contact us",
        "Advertise",
        "dataLayer",
        "font-family",
        "<",
        "&",
    ];

    fn paragraphs(text: &str) -> Vec<&str> {
        text.split("\n\n").collect()
    }

    #[test]
    fn news_page_text_is_the_article_only() {
        let doc = extract(NEWS_PAGE).expect("article extracted");
        let paras = paragraphs(&doc.text);
        let mut from = 0;
        for expected in NEWS_PARAGRAPHS {
            let found = paras[from..].iter().position(|p| p == expected);
            let Some(at) = found else {
                panic!(
                    "paragraph missing or out of order: {expected:?}\n\ntext:\n{}",
                    doc.text
                );
            };
            from += at + 1;
        }
        for chrome in NEWS_CHROME {
            assert!(
                !doc.text.contains(chrome),
                "text contains {chrome:?}:\n{}",
                doc.text
            );
        }
        for para in &paras {
            assert_eq!(para.trim(), *para, "untrimmed paragraph {para:?}");
            assert!(!para.is_empty());
            assert!(!para.contains('\n'), "line break inside {para:?}");
            assert!(!para.contains("  "), "uncollapsed space in {para:?}");
        }
    }

    #[test]
    fn news_page_metadata() {
        let doc = extract(NEWS_PAGE).expect("article extracted");
        assert_eq!(
            doc.title.as_deref(),
            Some("Harbour bridge repairs to shut eastbound lanes for six weeks")
        );
        assert_eq!(doc.outlet.as_deref(), Some("The Harbourton Ledger"));
        assert_eq!(
            doc.url.as_deref(),
            Some("https://www.harbourtonledger.example/news/2024/03/14/bridge-repairs")
        );
        assert_eq!(doc.published.as_deref(), Some("2024-03-14T07:30:00+00:00"));
        assert_eq!(doc.byline.as_deref(), Some("Marta Quillfeather"));
    }

    #[test]
    fn simple_extraction_of_the_news_page_skips_the_same_chrome() {
        let text = fallback_text(&Document::from(NEWS_PAGE));
        assert_eq!(text, NEWS_PARAGRAPHS.join("\n\n"));
    }

    #[test]
    fn page_without_meta_tags_has_only_a_title() {
        let html = r#"<html><head><title> Water rates  to rise in April </title></head>
            <body>
              <div class="top"><time datetime="2024-01-02">2 January</time></div>
              <div id="story">
                <h1>Water rates to rise in April</h1>
                <p>Households in the valley will pay 6 per cent more for water from April, the
                   regional utility said, blaming the cost of replacing ageing pipes.</p>
                <p>The increase adds about &pound;2.40 a month to a typical bill. The utility said
                   it would expand its discount scheme for low-income customers at the same time.</p>
                <p>A spokesperson for the consumer council said the rise was &ldquo;hard to
                   justify&rdquo; after two years of above-inflation increases.</p>
              </div>
            </body></html>"#;
        let doc = extract(html).expect("text extracted");
        assert_eq!(doc.title.as_deref(), Some("Water rates to rise in April"));
        assert_eq!(doc.outlet, None);
        assert_eq!(doc.url, None);
        assert_eq!(doc.published, None);
        assert_eq!(doc.byline, None);
        // The page is too short for Readability, so the whole body is taken, stray date
        // included; the date outside any <article> is not taken as the publication date.
        let paras = paragraphs(&doc.text);
        assert_eq!(paras.len(), 5, "{}", doc.text);
        assert_eq!(paras[0], "2 January");
        assert_eq!(paras[1], "Water rates to rise in April");
        assert!(paras[2].starts_with("Households in the valley will pay 6 per cent more"));
        assert!(paras[3].contains("\u{a3}2.40 a month"));
        assert!(paras[4].ends_with(
            "\u{201c}hard to justify\u{201d} after two years of above-inflation increases."
        ));
    }

    #[test]
    fn title_falls_back_to_the_article_headline() {
        let html = "<body><header><h1>Site Logo</h1></header>\
                    <article><h1>Ferry fares frozen</h1><p>Fares stay the same.</p></article></body>";
        let doc = extract(html).expect("text extracted");
        assert_eq!(doc.title.as_deref(), Some("Ferry fares frozen"));
    }

    #[test]
    fn short_page_uses_the_simple_extraction() {
        let html = "<html><body><nav><a href='/'>Home</a> <a href='/about'>About</a></nav>\
                    <p>Short one.</p>\n<p>Short   two &amp; done.</p>\
                    <footer>&copy; Example</footer></body></html>";
        let readable = readability(Document::from(html)).map(|(text, _)| text);
        assert!(
            readable
                .as_ref()
                .is_none_or(|t| t.chars().count() < MIN_ARTICLE_CHARS),
            "Readability should find no article here: {readable:?}"
        );
        let doc = extract(html).expect("text extracted");
        assert_eq!(doc.text, "Short one.\n\nShort two & done.");
        assert_eq!(
            doc,
            HtmlDocument {
                text: doc.text.clone(),
                ..HtmlDocument::default()
            }
        );
    }

    #[test]
    fn secondary_sources_of_metadata() {
        let html = r##"<html><head>
            <meta name="twitter:title" content="Dock strike ends">
            <meta property="og:url" content="https://news.example/dock-strike">
            <meta property="article:author" content="https://news.example/staff/one">
            <meta name="date" content="2024-05-01">
            <script type="application/ld+json">
              {"@context": "https://schema.org", "@graph": [
                {"@type": "NewsMediaOrganization", "@id": "#org", "name": "Example News"},
                {"@type": ["NewsArticle"], "publisher": {"@id": "#org"},
                 "datePublished": "2024-04-30",
                 "author": [{"@type": "Person", "name": "Ida Marsh"},
                            {"@type": "Person", "name": "Olu Brandt"}]}
              ]}
            </script>
            </head><body><article><time datetime="2024-04-29">29 April</time>
            <p>The strike at the container terminal ended on Tuesday.</p></article></body></html>"##;
        let doc = extract(html).expect("text extracted");
        assert_eq!(doc.title.as_deref(), Some("Dock strike ends"));
        assert_eq!(doc.outlet.as_deref(), Some("Example News"));
        assert_eq!(doc.url.as_deref(), Some("https://news.example/dock-strike"));
        assert_eq!(doc.published.as_deref(), Some("2024-05-01"));
        assert_eq!(doc.byline.as_deref(), Some("Ida Marsh, Olu Brandt"));

        let without_date = html.replace(r#"<meta name="date" content="2024-05-01">"#, "");
        let doc = extract(&without_date).expect("text extracted");
        assert_eq!(doc.published.as_deref(), Some("2024-04-29"));

        let without_time =
            without_date.replace(r#"<time datetime="2024-04-29">29 April</time>"#, "");
        let doc = extract(&without_time).expect("text extracted");
        assert_eq!(doc.published.as_deref(), Some("2024-04-30"));
    }

    #[test]
    fn empty_and_garbage_input_is_an_error() {
        let mut state: u32 = 0x2545_f491;
        let random_bytes: Vec<u8> = (0..4096)
            .map(|_| {
                state ^= state << 13;
                state ^= state >> 17;
                state ^= state << 5;
                state.to_le_bytes()[0]
            })
            .collect();
        let binary = String::from_utf8_lossy(&random_bytes).into_owned();
        let inputs = [
            "",
            "   \n\t ",
            "<<<>>>",
            "\0\0\u{1}\u{fffd}",
            "<html><head><script>var x = 1;</script><style>p { color: red }</style></head>\
             <body><!-- nothing here --></body></html>",
            "<html><body><img src='a.png'><hr><br></body></html>",
            binary.as_str(),
        ];
        for input in inputs {
            let err = extract(input).expect_err(input);
            assert!(err.contains("no article text"), "{err}");
        }
    }

    #[test]
    fn deep_nesting_is_flattened_and_fast() {
        let html = format!(
            "<html><body>{}<p>Deep text.</p>{}</body></html>",
            "<div>".repeat(50_000),
            "</div>".repeat(50_000)
        );
        let flat = limit_nesting(&html, MAX_TAG_NESTING).expect("flattened");
        assert!(flat.len() < html.len());
        assert_eq!(extract(&html).expect("text").text, "Deep text.");
        assert_eq!(limit_nesting(NEWS_PAGE, MAX_TAG_NESTING), None);
    }

    proptest::proptest! {
        #![proptest_config(proptest::prelude::ProptestConfig::with_cases(64))]

        #[test]
        fn never_panics_on_any_string(input in proptest::prelude::any::<String>()) {
            let _ = extract(&input);
        }

        #[test]
        fn never_panics_on_tag_soup(
            input in "(<[a-z/!?]{0,3}[a-z =\"']{0,6}>|[a-z &;#0-9<>\"'-]{0,8}){0,60}"
        ) {
            if let Ok(doc) = extract(&input) {
                proptest::prop_assert!(!doc.text.is_empty());
            }
        }
    }
}
