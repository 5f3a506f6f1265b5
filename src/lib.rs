//! claimgraph: attributed claims, sourcing chains and confidence for news coverage.
//!
//! Data flows in one direction: [`corpus`] and [`sources`] (load) → [`text`] (segment) →
//! [`attribution`] → [`resolve`] → [`claims`] → [`link`] → [`assess`] → [`report`]
//! (render).
//! [`analyze`] runs the whole pipeline on a [`Story`]; [`extract_attributions`] runs the
//! attribution stage alone on an [`Article`].
//!
//! With the `lab` cargo feature, `lab` adds what measures, trains and times the product
//! (evaluation against gold data, training of the shipped models, the FNC-1 stance model,
//! benchmarks); the product's modules never import it.

pub mod assess;
pub mod attribution;
pub mod check;
pub mod claims;
pub mod corpus;
pub mod error;
pub mod extract;
pub mod graph;
#[cfg(feature = "lab")]
pub mod lab;
pub mod link;
pub mod listing;
pub mod output;
pub mod parse;
pub mod report;
pub mod resolve;
pub mod review;
pub mod sources;
pub mod stage;
pub mod terminal;
pub mod text;
pub mod weights;

pub use corpus::{Article, Story};
pub use error::{Diagnostic, Error, Result};
pub use report::Report;

use assess::Assessment;
use claims::Claim;
use graph::ClaimGraph;
use link::Relation;
use rayon::prelude::*;
use resolve::{Resolver, SourceTable};

/// Options of the analysis.
#[derive(Clone, Debug, Default)]
pub struct Options {}

/// Everything the pipeline computes for a story, before rendering.
#[derive(Debug)]
pub struct Analysis<'a> {
    /// The story analysed.
    pub story: &'a Story,
    /// The registry's sources plus the unknown speakers met.
    pub sources: SourceTable<'a>,
    /// The claims, article by article, in text order.
    pub claims: Vec<Claim>,
    /// Relations between claims.
    pub relations: Vec<Relation>,
    /// The claim graph.
    pub graph: ClaimGraph,
    /// Propositions and their assessments.
    pub assessments: Vec<Assessment>,
    /// How sure we are that each claim's speaker said it, in the claims' order: computed
    /// once, read by the assessment and the report.
    pub confidences: Vec<assess::AttributionConfidence>,
}

/// The attributions of one article, in text order: the one entry point to the attribution
/// stage, shared by the report pipeline, the `extract` and `bench` commands and the
/// PolNeAR evaluation, so that they all see the same extractor. Only the registry's
/// gazetteer (the names to look for) is used; an empty `Registry::default()` is fine.
pub fn extract_attributions(
    article: &Article,
    registry: &sources::Registry,
) -> Vec<attribution::Attribution> {
    attribution::extract(article, registry.gazetteer())
}

/// Runs every stage but rendering. Articles are read in parallel on rayon's threads; the
/// analysis does not depend on their number.
pub fn analysis<'a>(story: &'a Story, opts: &Options) -> Analysis<'a> {
    analysis_with_progress(story, opts, &mut |_| {})
}

/// [`analysis`], telling `progress` how many articles have had their speakers resolved
/// after each one (attributions are found in parallel first; linking and assessment
/// follow).
pub fn analysis_with_progress<'a>(
    story: &'a Story,
    _opts: &Options,
    progress: &mut dyn FnMut(usize),
) -> Analysis<'a> {
    let (sources, claims) = story_claims(story, progress);
    let relations = link::link(&claims);
    let graph = ClaimGraph::build(&claims, &relations, &sources);
    let confidences = assess::attribution_confidences(&claims, &sources);
    let assessments = assess::assess_with(&claims, &relations, &sources, &confidences);
    Analysis {
        story,
        sources,
        claims,
        relations,
        graph,
        assessments,
        confidences,
    }
}

/// The stages before linking: every article's attributions found, its speakers resolved
/// and its claims built and read (what they assert, the day they were told). Gives the
/// registry's sources with the unknown speakers met, and the claims, article by article
/// in text order. Each article's claims depend on that article and the registry alone,
/// but for the name a chain gives an unknown speaker, which is the story's first mention
/// of it (see [`stage`] for how a story cut into parts is named as a whole); `progress`
/// is told how many articles have had their speakers resolved after each one.
pub fn story_claims<'a>(
    story: &'a Story,
    progress: &mut dyn FnMut(usize),
) -> (SourceTable<'a>, Vec<Claim>) {
    let resolver = Resolver::new(&story.registry);
    let mut sources = SourceTable::new(&story.registry);
    // the articles' attributions are found in parallel (rayon, in the articles' order);
    // speakers are then resolved in order, since the table of sources grows as they are
    let found: Vec<Vec<attribution::Attribution>> = story
        .articles
        .par_iter()
        .map(|a| extract_attributions(a, &story.registry))
        .collect();
    let mut resolved = Vec::with_capacity(story.articles.len());
    for (i, (a, attrs)) in story.articles.iter().zip(&found).enumerate() {
        resolved.push(resolve::resolve(a, attrs, &resolver, &mut sources));
        progress(i + 1);
    }
    // each article's claims are built alone, in parallel, and kept in the articles' order
    let mut claims: Vec<Claim> = story
        .articles
        .par_iter()
        .zip(&resolved)
        .flat_map_iter(|(a, r)| claims::build(a, r))
        .collect();
    drop(resolved);
    let parties = claims::Parties::new(&story.registry);
    claims::meaning::annotate(&mut claims, &parties, &claims::meaning::WordReader);
    claims::meaning::date_claims(
        &mut claims,
        story.articles.iter().map(|a| (a.id.as_str(), a.published)),
    );
    (sources, claims)
}

/// The pipeline facade: a story in, a report out.
pub fn analyze(story: &Story, opts: &Options) -> Report {
    Report::new(&analysis(story, opts))
}
