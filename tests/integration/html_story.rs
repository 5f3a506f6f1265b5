//! An HTML article in a story folder: main text without the page furniture, metadata from
//! the meta tags, and claims found in it.

use claimgraph::corpus::{load_story, LoadOptions};
use std::fs;
use std::path::Path;

#[test]
fn html_article_loads_into_a_story() {
    let dir = tempfile::tempdir().unwrap();
    fs::create_dir_all(dir.path().join("articles")).unwrap();
    fs::write(dir.path().join("story.ron"), "(title: \"Bridge repairs\")").unwrap();
    let page = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/html/news_page.html");
    fs::copy(&page, dir.path().join("articles/bridge.html")).unwrap();
    let story = load_story(dir.path(), &LoadOptions::default()).unwrap();
    let a = &story.articles[0];
    assert_eq!(a.id, "bridge");
    assert_eq!(a.outlet.as_deref(), Some("The Harbourton Ledger"));
    assert_eq!(
        a.published.map(|d| d.to_string()).as_deref(),
        Some("2024-03-14")
    );
    assert_eq!(
        a.url.as_deref(),
        Some("https://www.harbourtonledger.example/news/2024/03/14/bridge-repairs")
    );
    assert!(a
        .title
        .as_deref()
        .unwrap()
        .starts_with("Harbour bridge repairs"));
    assert!(!a.text.contains("Most read"));
    assert!(a.paragraphs.len() >= 5, "{:?}", a.paragraphs);
    // only the missing sources.ron is reported
    assert_eq!(story.diagnostics.len(), 1, "{:?}", story.diagnostics);
    let report = claimgraph::analyze(&story, &Default::default());
    assert!(report
        .claims
        .iter()
        .any(|c| c.kind.label() != "article's own voice"));
    for c in &report.claims {
        assert_eq!(&a.text[c.evidence.start..c.evidence.end], c.evidence.text);
    }
}
