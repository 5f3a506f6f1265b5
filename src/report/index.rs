//! Lookups into a [`Report`] by id, built once per rendering, so that a renderer finds a
//! claim, an article or a source without searching the report's lists for each item.

use super::{ArticleInfo, ClaimInfo, Report, SourceInfo};
use std::collections::HashMap;

/// A report's claims, articles and sources by id (the first of an id), its sources also
/// by name, and each article's claims in report order.
pub struct Index<'r> {
    /// The report indexed.
    pub report: &'r Report,
    claims: HashMap<&'r str, usize>,
    articles: HashMap<&'r str, usize>,
    sources: HashMap<&'r str, usize>,
    source_names: HashMap<&'r str, usize>,
    by_article: HashMap<&'r str, Vec<usize>>,
}

impl<'r> Index<'r> {
    /// Indexes `report`.
    pub fn new(report: &'r Report) -> Index<'r> {
        fn first<'r, T>(items: &'r [T], key: impl Fn(&'r T) -> &'r str) -> HashMap<&'r str, usize> {
            let mut m = HashMap::with_capacity(items.len());
            for (i, t) in items.iter().enumerate() {
                m.entry(key(t)).or_insert(i);
            }
            m
        }
        let mut by_article: HashMap<&str, Vec<usize>> = HashMap::new();
        for (i, c) in report.claims.iter().enumerate() {
            by_article.entry(c.article.as_str()).or_default().push(i);
        }
        Index {
            report,
            claims: first(&report.claims, |c| c.id.as_str()),
            articles: first(&report.articles, |a| a.id.as_str()),
            sources: first(&report.sources, |s| s.id.as_str()),
            source_names: first(&report.sources, |s| s.name.as_str()),
            by_article,
        }
    }

    /// The place of the claim with this id in the report's claims.
    pub fn claim_at(&self, id: &str) -> Option<usize> {
        self.claims.get(id).copied()
    }

    /// The claim with this id.
    pub fn claim(&self, id: &str) -> Option<&'r ClaimInfo> {
        self.claim_at(id).map(|i| &self.report.claims[i])
    }

    /// The place of the article with this id in the report's articles.
    pub fn article_at(&self, id: &str) -> Option<usize> {
        self.articles.get(id).copied()
    }

    /// The article with this id.
    pub fn article(&self, id: &str) -> Option<&'r ArticleInfo> {
        self.article_at(id).map(|i| &self.report.articles[i])
    }

    /// The source with this id.
    pub fn source(&self, id: &str) -> Option<&'r SourceInfo> {
        self.sources.get(id).map(|&i| &self.report.sources[i])
    }

    /// The source with this name.
    pub fn source_named(&self, name: &str) -> Option<&'r SourceInfo> {
        self.source_names
            .get(name)
            .map(|&i| &self.report.sources[i])
    }

    /// The claims of the article with this id, in report order.
    pub fn claims_of_article(&self, id: &str) -> impl Iterator<Item = &'r ClaimInfo> + '_ {
        self.by_article
            .get(id)
            .into_iter()
            .flatten()
            .map(|&i| &self.report.claims[i])
    }
}
