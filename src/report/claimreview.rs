//! ClaimReview markup (schema.org JSON-LD) for publishing: one `ClaimReview` per
//! proposition, rated from its Admiralty credibility.

use super::{ArticleInfo, PropositionInfo, Report, SourceKind};
use serde_json::{json, Value};

/// Who publishes the reviews and when.
#[derive(Clone, Debug, PartialEq)]
pub struct Publisher {
    /// The fact-checking organisation (the reviews' `author`).
    pub name: String,
    /// Its web address, if given.
    pub url: Option<String>,
    /// The reviews' `datePublished` (YYYY-MM-DD).
    pub date: String,
}

/// The best rating: credibility 1 (confirmed) becomes 5, credibility 5 (improbable) 1.
pub const BEST_RATING: u8 = 5;

/// `ratingValue` for an Admiralty credibility digit; `None` for 6, "cannot be judged",
/// which has no place on a better-or-worse scale and is given by `alternateName` alone.
pub fn rating_value(credibility: u8) -> Option<u8> {
    (1..=5)
        .contains(&credibility)
        .then(|| BEST_RATING + 1 - credibility)
}

fn capitalised(s: &str) -> String {
    let mut c = s.chars();
    c.next()
        .map(|f| f.to_uppercase().chain(c).collect())
        .unwrap_or_default()
}

fn appearance(a: &ArticleInfo) -> Value {
    let mut v = json!({ "@type": "NewsArticle" });
    let o = v.as_object_mut().expect("an object");
    if let Some(u) = a.url.as_ref().filter(|u| super::is_web_address(u)) {
        o.insert("url".into(), json!(u));
    }
    if let Some(t) = &a.title {
        o.insert("headline".into(), json!(t));
    }
    if let Some(d) = &a.published {
        o.insert("datePublished".into(), json!(d));
    }
    if let Some(p) = &a.outlet {
        o.insert(
            "publisher".into(),
            json!({ "@type": "Organization", "name": p }),
        );
    }
    if let Some(b) = &a.byline {
        o.insert("author".into(), json!({ "@type": "Person", "name": b }));
    }
    v
}

fn review(r: &Report, p: &PropositionInfo, publisher: &Publisher) -> Value {
    // the articles it appears in, earliest first (undated ones last, in story order)
    let mut articles: Vec<&ArticleInfo> = r
        .articles
        .iter()
        .filter(|a| {
            r.claims
                .iter()
                .any(|c| c.article == a.id && p.claims.contains(&c.id))
        })
        .collect();
    articles.sort_by_key(|a| (a.published.is_none(), a.published.clone()));
    let authors: Vec<Value> = p
        .origins
        .iter()
        .map(|name| {
            let person = r
                .sources
                .iter()
                .find(|s| &s.name == name)
                .is_some_and(|s| s.kind == SourceKind::Person);
            let t = if person { "Person" } else { "Organization" };
            json!({ "@type": t, "name": name })
        })
        .collect();
    let mut claim = json!({
        "@type": "Claim",
        "author": if authors.len() == 1 { authors[0].clone() } else { Value::Array(authors) },
        "appearance": articles.iter().map(|a| appearance(a)).collect::<Vec<_>>(),
    });
    if let Some(first) = articles.first() {
        let o = claim.as_object_mut().expect("an object");
        o.insert("firstAppearance".into(), appearance(first));
        if let Some(d) = &first.published {
            o.insert("datePublished".into(), json!(d));
        }
    }
    let mut rating = json!({
        "@type": "Rating",
        "bestRating": BEST_RATING,
        "worstRating": 1,
        "alternateName": format!("{} ({})", capitalised(&p.credibility_label), p.grade),
        "ratingExplanation": p.reasons.join("; "),
    });
    if let Some(v) = rating_value(p.credibility) {
        rating
            .as_object_mut()
            .expect("an object")
            .insert("ratingValue".into(), json!(v));
    }
    let mut author = json!({ "@type": "Organization", "name": publisher.name });
    if let Some(u) = publisher.url.as_ref().filter(|u| super::is_web_address(u)) {
        author
            .as_object_mut()
            .expect("an object")
            .insert("url".into(), json!(u));
    }
    json!({
        "@context": "https://schema.org",
        "@type": "ClaimReview",
        "claimReviewed": p.statement,
        "datePublished": publisher.date,
        "author": author,
        "itemReviewed": claim,
        "reviewRating": rating,
    })
}

/// The ClaimReviews of a report's propositions, most confident first, as one JSON-LD
/// array. Publishers paste it into a `<script type="application/ld+json">` element, so
/// `<`, `>` and `&` are written as JSON escapes (`\u003c`, ...): no text from an article
/// can close the element, open a comment or start another script. U+2028 and U+2029 are
/// escaped too, for readers that take the JSON for JavaScript.
pub fn render(r: &Report, publisher: &Publisher) -> String {
    let reviews: Vec<Value> = r
        .propositions
        .iter()
        .map(|p| review(r, p, publisher))
        .collect();
    let json = serde_json::to_string_pretty(&reviews).expect("JSON values serialise");
    let mut s = String::with_capacity(json.len() + 1);
    for c in json.chars() {
        match c {
            '<' => s.push_str("\\u003c"),
            '>' => s.push_str("\\u003e"),
            '&' => s.push_str("\\u0026"),
            '\u{2028}' => s.push_str("\\u2028"),
            '\u{2029}' => s.push_str("\\u2029"),
            c => s.push(c),
        }
    }
    s.push('\n');
    s
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn ratings_run_from_improbable_to_confirmed_and_six_has_none() {
        assert_eq!(rating_value(1), Some(5));
        assert_eq!(rating_value(3), Some(3));
        assert_eq!(rating_value(5), Some(1));
        assert_eq!(rating_value(6), None);
        assert_eq!(capitalised("probably true"), "Probably true");
    }
}
