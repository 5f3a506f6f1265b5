//! Articles are analysed in parallel: the report and the extraction are the same on one
//! thread as on several.

use claimgraph::corpus::{default_story, LoadOptions};
use claimgraph::{analyze, extract, Options};
use std::path::Path;

fn on_threads<T: Send>(n: usize, f: impl FnOnce() -> T + Send) -> T {
    rayon::ThreadPoolBuilder::new()
        .num_threads(n)
        .build()
        .expect("a thread pool")
        .install(f)
}

#[test]
fn one_thread_and_four_give_the_same_report_and_extraction() {
    let story = default_story(&LoadOptions::default()).unwrap();
    let report = |n| on_threads(n, || analyze(&story, &Options::default()).to_json());
    let one = report(1);
    assert!(one.contains("\"claims\""));
    assert_eq!(one, report(4));
    let extraction = |n| {
        on_threads(n, || {
            extract::render_json(&extract::extract_story(&story, Path::new("story")))
        })
    };
    let one = extraction(1);
    assert!(one.contains("attributions"));
    assert_eq!(one, extraction(4));
}

#[test]
fn a_story_cut_into_articles_gives_the_same_claims_article_by_article() {
    // each article is read with the registry alone, so that a story can be cut into parts
    // (one machine's share of a large corpus) without changing its claims (in these two
    // stories no unknown speaker is first named in other words than later; see
    // tests/integration/stages.rs for the names of those that are)
    for dir in ["corpus/moscow-2024", "corpus/velna-spill"] {
        let story = claimgraph::corpus::load_story(
            std::path::Path::new(dir),
            &claimgraph::corpus::LoadOptions::default(),
        )
        .unwrap();
        let (_, whole) = claimgraph::story_claims(&story, &mut |_| {});
        assert!(whole.len() > 5, "{dir}: {} claims", whole.len());
        let empty = claimgraph::Story {
            articles: Vec::new(),
            ..story.clone()
        };
        let mut parts = Vec::new();
        for a in &story.articles {
            let part = claimgraph::Story {
                articles: vec![a.clone()],
                ..empty.clone()
            };
            parts.extend(claimgraph::story_claims(&part, &mut |_| {}).1);
        }
        assert_eq!(parts, whole, "{dir}");
        let sources: std::collections::BTreeSet<&str> =
            whole.iter().map(|c| c.speaker.source.as_str()).collect();
        assert!(sources.len() > 2, "{dir}: {sources:?}");
    }
}
