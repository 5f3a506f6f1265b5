//! The hot functions of the pipeline, one benchmark each, with divan: tokenising, the
//! attribution rules and tagger, the dependency parser, candidate generation and the whole linking stage.
//!
//! `cargo bench --features lab` runs them (the generated claims of the linking benchmarks
//! are a lab module); `cargo bench --features lab --no-run` builds them. The texts are the
//! articles of the embedded default story; the claims are generated, as in
//! `claimgraph bench link`. End-to-end throughput stays with `claimgraph bench extract`
//! and `claimgraph bench link`.

use claimgraph::attribution;
use claimgraph::attribution::model::Model;
use claimgraph::claims::Claim;
use claimgraph::corpus::{default_story, Article, LoadOptions};
use claimgraph::link;
use claimgraph::link::synthetic;
use claimgraph::parse::Parser;
use claimgraph::text::span::Span;
use claimgraph::text::tokens;
use divan::{black_box, Bencher};
use std::sync::OnceLock;

fn main() {
    divan::main();
}

/// The articles of the default story, loaded once.
fn story() -> &'static claimgraph::corpus::Story {
    static STORY: OnceLock<claimgraph::corpus::Story> = OnceLock::new();
    STORY.get_or_init(|| default_story(&LoadOptions::default()).expect("the embedded story loads"))
}

fn articles() -> &'static [Article] {
    &story().articles
}

/// Bytes of text of the default story's articles, for throughput.
fn text_bytes() -> usize {
    articles().iter().map(|a| a.text.len()).sum()
}

/// Word tokens of every article.
#[divan::bench]
fn tokenise_words(b: Bencher) {
    b.counter(divan::counter::BytesCount::new(text_bytes()))
        .bench(|| {
            articles()
                .iter()
                .map(|a| tokens::words(&a.text, Span::new(0, a.text.len())).len())
                .sum::<usize>()
        });
}

/// Content keys (stems, names, numbers, quoted words) of every article.
#[divan::bench]
fn content_keys(b: Bencher) {
    b.counter(divan::counter::BytesCount::new(text_bytes()))
        .bench(|| {
            articles()
                .iter()
                .map(|a| tokens::content_keys(&a.text, Span::new(0, a.text.len())).len())
                .sum::<usize>()
        });
}

/// The attribution rules alone on every article.
#[divan::bench]
fn attribution_rules(b: Bencher) {
    let gazetteer = story().registry.gazetteer();
    b.counter(divan::counter::BytesCount::new(text_bytes()))
        .bench(|| {
            articles()
                .iter()
                .map(|a| attribution::extract_rules(a, gazetteer).len())
                .sum::<usize>()
        });
}

/// The attribution tagger alone (the shipped model) on every article.
#[divan::bench]
fn attribution_tagger(b: Bencher) {
    let model = Model::embedded();
    b.counter(divan::counter::BytesCount::new(text_bytes()))
        .bench(|| {
            articles()
                .iter()
                .map(|a| model.find(a).len())
                .sum::<usize>()
        });
}

/// Rules and tagger together, as the pipeline extracts.
#[divan::bench]
fn attribution_extract(b: Bencher) {
    let gazetteer = story().registry.gazetteer();
    b.counter(divan::counter::BytesCount::new(text_bytes()))
        .bench(|| {
            articles()
                .iter()
                .map(|a| attribution::extract(a, gazetteer).len())
                .sum::<usize>()
        });
}

/// The dependency parser on every sentence of every article, its words as tokenised.
#[divan::bench]
fn parsing(b: Bencher) {
    let parser = Parser::embedded();
    let sentences: Vec<Vec<&str>> = articles()
        .iter()
        .flat_map(|a| {
            a.sentences.iter().map(|s| {
                tokens::words(&a.text, s.span)
                    .iter()
                    .map(|t| t.text)
                    .collect()
            })
        })
        .collect();
    b.counter(divan::counter::BytesCount::new(text_bytes()))
        .bench(|| {
            sentences
                .iter()
                .map(|words| parser.parse(words).len())
                .sum::<usize>()
        });
}

/// Generated claims, `n` of them, seed 1.
fn claims(n: usize) -> Vec<Claim> {
    synthetic::generate(n, 1).claims
}

/// Candidate pairs by blocking on content keys.
#[divan::bench(args = [1_000, 10_000])]
fn candidate_generation(b: Bencher, n: usize) {
    let claims = claims(n);
    b.counter(divan::counter::ItemsCount::new(n))
        .bench(|| link::candidates(black_box(&claims)).len());
}

/// Same-source pairs by blocking on (source, key) tokens.
#[divan::bench(args = [1_000, 10_000])]
fn same_source_pairs(b: Bencher, n: usize) {
    let claims = claims(n);
    b.counter(divan::counter::ItemsCount::new(n))
        .bench(|| link::same_source_pairs(black_box(&claims)).len());
}

/// The whole linking stage: claim views, candidates and relating every pair.
#[divan::bench(args = [1_000, 10_000])]
fn relating(b: Bencher, n: usize) {
    let claims = claims(n);
    b.counter(divan::counter::ItemsCount::new(n))
        .bench(|| link::link(black_box(&claims)).len());
}
