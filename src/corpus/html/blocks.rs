//! The text of an HTML tree's blocks, leaving out what is not article text: scripts,
//! navigation, cookie banners and other page furniture.

use super::meta::clean_value;
use dom_query::NodeRef;

#[derive(Clone, Copy, PartialEq, Eq)]
pub(super) enum Mode {
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
pub(super) fn block_text(root: NodeRef, mode: Mode) -> String {
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
