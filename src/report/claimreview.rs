//! ClaimReview markup (schema.org JSON-LD) for publishing: one `ClaimReview` per
//! proposition chosen ([`Selection`]), rated from its Admiralty credibility.
//!
//! The claim's authors are its speakers: a person who speaks for a source is a `Person`
//! with that source as `affiliation`, a source of kind person a `Person`, any other source
//! an `Organization`. An article appears (`appearance`, `firstAppearance`) only when it has
//! a web address, since a `NewsArticle` without one points nowhere.

use super::{ArticleInfo, AttributionKind, ClaimInfo, Index, PropositionInfo, Report, SourceKind};
use serde_json::{json, Value};
use std::collections::BTreeSet;

/// Who publishes the reviews and when.
#[derive(Clone, Debug, PartialEq)]
pub struct Publisher {
    /// The fact-checking organisation (the reviews' `author`).
    pub name: String,
    /// Its web address, if given.
    pub url: Option<String>,
    /// The reviews' `datePublished` (YYYY-MM-DD).
    pub date: String,
    /// Each review's own address (`url`): `{id}` is replaced by the proposition's id made
    /// safe for a path, `{n}` by its rank (1 for the first proposition of the report).
    pub review_url: Option<String>,
}

/// Which propositions get a review. The default reviews every proposition that someone
/// other than the articles themselves asserts.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Selection {
    /// Only these propositions (ids as in the report); empty for all.
    pub only: Vec<String>,
    /// Only propositions with at least this many independent origins.
    pub min_origins: Option<usize>,
    /// Also the articles' own background sentences: propositions all of whose claims are in
    /// an article's own voice.
    pub background: bool,
}

pub use super::is_web_address;

/// A proposition id made safe for a path segment: ASCII letters, digits, `-`, `_` and `.`
/// kept, every other byte percent-encoded.
fn path_safe(id: &str) -> String {
    let mut out = String::new();
    for b in id.bytes() {
        if b.is_ascii_alphanumeric() || matches!(b, b'-' | b'_' | b'.') {
            out.push(b as char);
        } else {
            out.push_str(&format!("%{b:02X}"));
        }
    }
    out
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

/// The article as a `NewsArticle`; `None` without a web address.
fn appearance(a: &ArticleInfo) -> Option<Value> {
    let u = a.url.as_deref().filter(|u| is_web_address(u))?;
    let mut v = json!({ "@type": "NewsArticle", "url": u });
    let o = v.as_object_mut()?;
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
    Some(v)
}

/// The speakers of a proposition's claims (report order), each once, in the order first
/// met.
fn authors(ix: &Index, claims: &[&ClaimInfo]) -> Vec<Value> {
    let mut seen = BTreeSet::new();
    let mut out = Vec::new();
    for c in claims {
        let sp = &c.speaker;
        let source = ix.source_named(&sp.name);
        let v = match (&sp.person, source.map(|s| s.kind)) {
            (Some(person), _) => json!({
                "@type": "Person",
                "name": person,
                "affiliation": { "@type": "Organization", "name": sp.name },
            }),
            (None, Some(SourceKind::Person)) => {
                let mut v = json!({ "@type": "Person", "name": sp.name });
                if let Some(aff) = source.and_then(|s| s.affiliation.as_ref()) {
                    v["affiliation"] = json!({ "@type": "Organization", "name": aff });
                }
                v
            }
            _ => json!({ "@type": "Organization", "name": sp.name }),
        };
        if seen.insert(v.to_string()) {
            out.push(v);
        }
    }
    out
}

/// The claims of `p` in report order, each once.
fn claims_of<'r>(ix: &Index<'r>, p: &PropositionInfo) -> Vec<&'r ClaimInfo> {
    let mut at: Vec<usize> = p.claims.iter().filter_map(|id| ix.claim_at(id)).collect();
    at.sort_unstable();
    at.dedup();
    at.into_iter().map(|i| &ix.report.claims[i]).collect()
}

/// True when every claim of `p` is in an article's own voice.
fn is_background(ix: &Index, p: &PropositionInfo) -> bool {
    p.claims
        .iter()
        .filter_map(|id| ix.claim(id))
        .all(|c| c.kind == AttributionKind::Author)
}

fn review(ix: &Index, rank: usize, p: &PropositionInfo, publisher: &Publisher) -> Value {
    let r = ix.report;
    let claims = claims_of(ix, p);
    // the articles it appears in, earliest first (undated ones last, in story order)
    let mut at: Vec<usize> = claims
        .iter()
        .filter_map(|c| ix.article_at(&c.article))
        .collect();
    at.sort_unstable();
    at.dedup();
    let mut articles: Vec<&ArticleInfo> = at.into_iter().map(|i| &r.articles[i]).collect();
    articles.sort_by_key(|a| (a.published.is_none(), a.published.clone()));
    let authors = authors(ix, &claims);
    let appearances: Vec<Value> = articles.iter().filter_map(|a| appearance(a)).collect();
    let mut claim = json!({
        "@type": "Claim",
        "author": if authors.len() == 1 { authors[0].clone() } else { Value::Array(authors) },
    });
    if let Some(d) = articles.first().and_then(|a| a.published.as_ref()) {
        claim["datePublished"] = json!(d);
    }
    if let Some(first) = appearances.first() {
        claim["firstAppearance"] = first.clone();
        claim["appearance"] = Value::Array(appearances);
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
    if let Some(u) = publisher.url.as_ref().filter(|u| is_web_address(u)) {
        author
            .as_object_mut()
            .expect("an object")
            .insert("url".into(), json!(u));
    }
    let mut review = json!({
        "@context": "https://schema.org",
        "@type": "ClaimReview",
        "claimReviewed": p.statement,
        "datePublished": publisher.date,
        "author": author,
        "itemReviewed": claim,
        "reviewRating": rating,
    });
    if let Some(t) = &publisher.review_url {
        let url = t
            .replace("{id}", &path_safe(&p.id))
            .replace("{n}", &rank.to_string());
        review["url"] = json!(url);
    }
    review
}

/// The ClaimReviews of the report's propositions that `selection` chooses, most confident
/// first, as one JSON-LD array. A publisher address that is not an http(s) address is left
/// out. Errors (in words) when `selection.only` names a proposition the report does not
/// have, or when the review address template is not an http(s) address.
pub fn render(r: &Report, publisher: &Publisher, selection: &Selection) -> Result<String, String> {
    if let Some(u) = publisher
        .review_url
        .as_deref()
        .filter(|u| !is_web_address(u))
    {
        return Err(format!(
            "the review address {u:?} is not an http(s) address"
        ));
    }
    if let Some(missing) = selection
        .only
        .iter()
        .find(|id| !r.propositions.iter().any(|p| &p.id == *id))
    {
        return Err(format!(
            "no proposition {missing:?} in the report (its ids are in the JSON report and the \
             HTML page)"
        ));
    }
    let ix = Index::new(r);
    let reviews: Vec<Value> = r
        .propositions
        .iter()
        .enumerate()
        .filter(|(_, p)| selection.only.is_empty() || selection.only.contains(&p.id))
        .filter(|(_, p)| {
            selection
                .min_origins
                .is_none_or(|n| p.independent_origins >= n)
        })
        .filter(|(_, p)| {
            selection.background || !selection.only.is_empty() || !is_background(&ix, p)
        })
        .map(|(i, p)| review(&ix, i + 1, p, publisher))
        .collect();
    Ok(json_ld(&reviews))
}

/// JSON made safe to embed in a `<script type="application/ld+json">` element: `<`, `>`
/// and `&` are written as `\u` escapes, which JSON reads as the same characters, so that
/// no text can close the element, open a comment or start another script; U+2028 and
/// U+2029 too, for readers that take the JSON for JavaScript.
fn json_ld(v: &impl serde::Serialize) -> String {
    let s = serde_json::to_string_pretty(v).unwrap_or_default();
    let mut out = String::with_capacity(s.len() + 1);
    for c in s.chars() {
        match c {
            '<' => out.push_str("\\u003c"),
            '>' => out.push_str("\\u003e"),
            '&' => out.push_str("\\u0026"),
            '\u{2028}' => out.push_str("\\u2028"),
            '\u{2029}' => out.push_str("\\u2029"),
            c => out.push(c),
        }
    }
    out.push('\n');
    out
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

    #[test]
    fn only_web_addresses_and_safe_ids() {
        assert!(is_web_address("https://factdesk.example/r/{id}"));
        assert!(is_web_address("HTTP://x.org"));
        for bad in [
            "javascript:alert(1)",
            "data:text/html,x",
            "https://",
            "ftp://x",
            "http:///x",
        ] {
            assert!(!is_web_address(bad), "{bad}");
        }
        assert_eq!(path_safe("p1:a/b c"), "p1%3Aa%2Fb%20c");
        assert_eq!(json_ld(&"</script>&"), "\"\\u003c/script\\u003e\\u0026\"\n");
    }
}
