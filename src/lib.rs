//! claimgraph: attributed claims, sourcing chains and confidence for news coverage.
//!
//! Data flows in one direction: [`corpus`] (load) → [`text`] (segment) → [`attribution`]
//! → [`sources`] (resolve) → [`claims`] → [`link`] → [`assess`] → [`report`] (render).
//! [`analyze`] runs the whole pipeline on a [`Story`]; [`extract_attributions`] runs the
//! attribution stage alone on an [`Article`].

pub mod assess;
pub mod attribution;
pub mod bench;
pub mod check;
pub mod claims;
pub mod corpus;
pub mod error;
pub mod eval;
pub mod extract;
pub mod graph;
pub mod link;
pub mod output;
pub mod parse;
pub mod report;
pub mod review;
pub mod sources;
pub mod stance;
pub mod text;
pub mod weights;

pub use corpus::{Article, Story};
pub use error::{Diagnostic, Error, Result};
pub use report::Report;

use assess::Assessment;
use claims::{Claim, SourceTable};
use graph::ClaimGraph;
use link::Relation;

/// Options of the analysis.
#[derive(Clone, Debug, Default)]
pub struct Options {}

/// Everything the pipeline computes for a story, before rendering.
#[derive(Debug)]
pub struct Analysis<'a> {
    /// The story analysed.
    pub story: &'a Story,
    /// The registry's sources plus the unknown speakers met.
    pub sources: SourceTable,
    /// The claims, article by article, in text order.
    pub claims: Vec<Claim>,
    /// Relations between claims.
    pub relations: Vec<Relation>,
    /// The claim graph.
    pub graph: ClaimGraph,
    /// Propositions and their assessments.
    pub assessments: Vec<Assessment>,
}

/// The attributions of one article, in text order: the one entry point to the attribution
/// stage, shared by the report pipeline, the `extract` and `bench` commands and the
/// PolNeAR evaluation, so that they all see the same extractor. The registry serves as a
/// gazetteer of names to look for; an empty `Registry::default()` is fine.
pub fn extract_attributions(
    article: &Article,
    registry: &sources::Registry,
) -> Vec<attribution::Attribution> {
    attribution::extract(article, registry)
}

/// Runs every stage but rendering.
pub fn analysis<'a>(story: &'a Story, _opts: &Options) -> Analysis<'a> {
    let mut sources = SourceTable::new(&story.registry);
    let mut claims = Vec::new();
    for a in &story.articles {
        let attrs = extract_attributions(a, &story.registry);
        claims.extend(claims::build(a, &attrs, &story.registry, &mut sources));
    }
    let relations = link::link(&claims);
    let graph = ClaimGraph::build(&claims, &relations, &sources);
    let assessments = assess::assess(&claims, &relations, &sources);
    Analysis {
        story,
        sources,
        claims,
        relations,
        graph,
        assessments,
    }
}

/// The pipeline facade: a story in, a report out.
pub fn analyze(story: &Story, opts: &Options) -> Report {
    Report::new(&analysis(story, opts))
}
