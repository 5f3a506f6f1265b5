//! An HTML page's metadata: meta tags, `<link rel=canonical>`, `<time>` and JSON-LD
//! blocks, in a fixed order of preference.

use std::collections::{HashMap, HashSet};

use dom_query::Document;
use serde_json::{Map, Value};

use super::HtmlDocument;

/// Collapses white space, drops control characters and trims; `None` when nothing is left.
pub(super) fn clean_value(raw: &str) -> Option<String> {
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
pub(super) fn metadata(doc: &Document) -> HtmlDocument {
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
