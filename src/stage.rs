//! The pipeline cut into stages that read and write JSON lines, so that a cluster can run
//! it on corpora past one machine (`spark/job.py` runs them with Spark's `RDD.pipe`):
//!
//! - [`claims`]: articles (the corpus's JSONL lines) → one [`ClaimRecord`] a claim, with
//!   what blocking reads (its keys, its view's keys, its source when named);
//! - [`relate_pairs`]: a [`PairGroup`] (claim pairs, their claims and the counts of their
//!   view keys over all claims) → the relations [`crate::link::link`] finds among them;
//! - [`propositions`]: a [`Component`] (claims joined by relations, every relation of
//!   theirs) → the relations and propositions the report shows, as [`ComponentEntry`]s.
//!
//! What happens between the stages (numbering the claims in story order, counting keys,
//! finding candidate pairs within [`Limits`], finding the connected groups) is the
//! cluster's; done as [`crate::link`] does it, it gives what `claimgraph report` gives.

use crate::assess::{self, Assessment};
use crate::claims::meaning::{annotate, date_claims, WordReader};
use crate::claims::{Claim, Parties};
use crate::corpus::{self, LoadOptions, StoryFiles};
use crate::link::relate::{anonymous_source, relate, Pair};
use crate::link::{ClaimView, KeyWeights, Relation};
use crate::report::{PropositionInfo, RelationInfo};
use crate::resolve::SourceTable;
use crate::sources::{Registry, Source};
use crate::Diagnostic;
use chrono::NaiveDate;
use serde::{Deserialize, Serialize};
use std::collections::{BTreeSet, HashMap};
use std::path::Path;

/// The limits of blocking, as [`crate::link::link`] applies them: a cluster that finds
/// candidate pairs reads them here (`claimgraph stage limits`) rather than keeping copies.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Limits {
    /// A key carried by more claims than this makes no pairs (nor a (source, key) token).
    pub max_key_frequency: usize,
    /// Least number of shared keys, not counting too-common ones, for a pair.
    pub min_shared_keys: usize,
    /// Least number of shared (source, key) tokens for a same-source pair.
    pub min_shared_source_keys: usize,
    /// Most partners a claim keeps, by shared keys and by shared (source, key) tokens.
    pub max_candidates_per_claim: usize,
    /// Claims of one article at most this many paragraphs apart are compared.
    pub neighbour_paragraphs: usize,
    /// Most later claims of its article a claim is compared with as neighbours.
    pub max_neighbours: usize,
    /// A key's weight for ranking partners: `round(ln(claims / df) * weight_scale)`.
    pub weight_scale: f64,
}

/// The limits [`crate::link::link`] applies.
pub fn limits() -> Limits {
    use crate::weights::link as t;
    Limits {
        max_key_frequency: t::MAX_KEY_FREQUENCY,
        min_shared_keys: t::MIN_SHARED_KEYS,
        min_shared_source_keys: t::MIN_SHARED_SOURCE_KEYS,
        max_candidates_per_claim: t::MAX_CANDIDATES_PER_CLAIM,
        neighbour_paragraphs: t::NEIGHBOUR_PARAGRAPHS,
        max_neighbours: t::MAX_KEY_FREQUENCY,
        weight_scale: crate::link::blocking::WEIGHT_SCALE,
    }
}

/// One claim as the claims stage writes it.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct ClaimRecord {
    /// The line of its article in the stage's input, from 1: with the claim's position,
    /// the claims' order in the story.
    pub line: usize,
    /// Its place among its article's claims, from 0.
    pub position: usize,
    /// Its article's publication date: the day its assertion was told.
    pub published: Option<NaiveDate>,
    /// The keys blocking pairs claims on (the claim's keys, sorted, without repeats).
    pub keys: Vec<String>,
    /// The keys of its view ([`ClaimView`]), whose counts over all claims weigh them.
    pub view_keys: Vec<String>,
    /// Its source, for same-source pairs; none for an article's own voice or an unknown
    /// speaker, whose claims are not known to come from one speaker.
    pub same_source: Option<String>,
    /// The sources it names that the registry does not hold (unknown speakers).
    pub sources: Vec<Source>,
    /// The claim.
    pub claim: Claim,
}

/// An unknown speaker as the claims stage met it first: the first mention in the story
/// names it (and tells its kind), so of the sources of one id met in several parts, the
/// one of the lowest `(line, order)` stands for all.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct MetSource {
    /// The source, named as first met.
    pub unknown: Source,
    /// The line of the article it was first met in (see [`ClaimRecord::line`]).
    pub line: usize,
    /// Its place among the unknown speakers met in the stage's input.
    pub order: usize,
}

/// What the claims stage makes of its input.
#[derive(Clone, Debug, Default)]
pub struct ClaimsOutput {
    /// Each claim, in story order.
    pub records: Vec<ClaimRecord>,
    /// The unknown speakers met, in order.
    pub met: Vec<MetSource>,
    /// The problems met.
    pub diagnostics: Vec<Diagnostic>,
}

/// The claims stage: the articles of `input` (JSONL, one article a line, as a corpus's
/// `.jsonl` files) read with the registry, each claim as a [`ClaimRecord`] in story
/// order, with the unknown speakers met and the problems met. Every article needs an
/// `id`: the lines of a part are numbered from 1, so an id made from the line number
/// would repeat from part to part.
pub fn claims(input: &[u8], registry: &Registry) -> ClaimsOutput {
    let shown = Path::new("stdin.jsonl");
    let mut diagnostics = Vec::new();
    let text = String::from_utf8_lossy(input);
    if matches!(text, std::borrow::Cow::Owned(_)) {
        diagnostics.push(Diagnostic::file(
            shown,
            "input is not UTF-8; bad bytes were replaced",
        ));
    }
    // each article's line, by id; a line without an id is left out (a blank line keeps
    // the lines' numbers)
    #[derive(Deserialize)]
    struct Id {
        id: Option<serde_json::Value>,
    }
    let mut line_of: HashMap<String, usize> = HashMap::new();
    let mut kept = String::with_capacity(text.len());
    for (n, line) in text.lines().enumerate() {
        match serde_json::from_str::<Id>(line) {
            Ok(Id {
                id: Some(serde_json::Value::String(id)),
            }) => {
                line_of.entry(id).or_insert(n + 1);
                kept.push_str(line);
            }
            Ok(_) => diagnostics.push(Diagnostic::at(
                shown,
                n + 1,
                1,
                "article without a string \"id\": skipped (the stage needs ids, since every part numbers its lines from 1)",
            )),
            // the corpus reader says what is wrong with it
            Err(_) => kept.push_str(line),
        }
        kept.push('\n');
    }
    let files = StoryFiles {
        id: "stage".into(),
        root: None,
        display_root: "".into(),
        story_ron: None,
        sources_ron: None,
        articles: vec![(shown.into(), Ok(kept.into_bytes()))],
        diagnostics: Vec::new(),
    };
    let mut story = match corpus::assemble(files, &LoadOptions::default()) {
        Ok(s) => s,
        Err(e) => {
            diagnostics.push(Diagnostic::file(shown, e.to_string()));
            return ClaimsOutput {
                diagnostics,
                ..ClaimsOutput::default()
            };
        }
    };
    diagnostics.append(&mut story.diagnostics);
    story.registry = registry.clone();
    let (table, claims) = crate::story_claims(&story, &mut |_| {});
    let unknown: HashMap<&str, &Source> = table.added().map(|(s, _)| (s.id.as_str(), s)).collect();
    let published: HashMap<&str, Option<NaiveDate>> = story
        .articles
        .iter()
        .map(|a| (a.id.as_str(), a.published))
        .collect();
    let mut position = 0;
    let mut records = Vec::with_capacity(claims.len());
    for (i, c) in claims.iter().enumerate() {
        if i > 0 && claims[i - 1].article != c.article {
            position = 0;
        }
        let keys: BTreeSet<String> = c.keys.iter().cloned().collect();
        let named: BTreeSet<&str> = std::iter::once(c.speaker.source.as_str())
            .chain(
                c.via
                    .iter()
                    .filter_map(|v| v.source.as_ref().map(|s| s.as_str())),
            )
            .collect();
        records.push(ClaimRecord {
            line: line_of.get(&c.article).copied().unwrap_or(0),
            position,
            published: published.get(c.article.as_str()).copied().flatten(),
            keys: keys.into_iter().collect(),
            view_keys: ClaimView::new(c).keys.into_iter().collect(),
            same_source: (!anonymous_source(c.origin())).then(|| c.origin().to_string()),
            sources: named
                .iter()
                .filter_map(|id| unknown.get(id).map(|s| (*s).clone()))
                .collect(),
            claim: c.clone(),
        });
        position += 1;
    }
    let met = table
        .added()
        .enumerate()
        .map(|(order, (s, article))| MetSource {
            unknown: s.clone(),
            line: line_of.get(article).copied().unwrap_or(0),
            order,
        })
        .collect();
    ClaimsOutput {
        records,
        met,
        diagnostics,
    }
}

/// The claims of records made whole again: what the claims stage does not write (what
/// each content asserts, the day it was told) read anew, as the claims stage read it, and
/// the links of their chains that name one of the unknown speakers `first` named as
/// `first` names them (a part of the story may have met them under other words first).
fn claims_of(records: &[&ClaimRecord], registry: &Registry, first: &[Source]) -> Vec<Claim> {
    let named: HashMap<&str, &str> = first
        .iter()
        .map(|s| (s.id.as_str(), s.name.as_str()))
        .collect();
    let mut claims: Vec<Claim> = records.iter().map(|r| r.claim.clone()).collect();
    for v in claims.iter_mut().flat_map(|c| c.via.iter_mut()) {
        if let Some(name) = v.source.as_ref().and_then(|id| named.get(id.as_str())) {
            v.name = name.to_string();
        }
    }
    annotate(&mut claims, &Parties::new(registry), &WordReader);
    date_claims(
        &mut claims,
        records
            .iter()
            .map(|r| (r.claim.article.as_str(), r.published)),
    );
    claims
}

/// Claim pairs to relate, with the claims they name: a block of pairs sent together, so
/// that a claim in several of them is sent and read once.
#[derive(Clone, Debug, Serialize, Deserialize)]
pub struct PairGroup {
    /// The number of claims in the story.
    pub n: usize,
    /// The claims the pairs name, in any order.
    pub claims: Vec<IndexedClaim>,
    /// The pairs, by the claims' indices in story order, the lower first.
    pub pairs: Vec<(usize, usize)>,
    /// In how many claims' views each key of these claims' views occurs.
    pub df: HashMap<String, usize>,
    /// The unknown speakers the claims name, as first met in the story ([`MetSource`]).
    #[serde(default)]
    pub sources: Vec<Source>,
}

/// The relation stage: for each pair of the group, in order, what [`crate::link::link`]
/// decides of it, by the claims' indices in story order. An error says what is wrong
/// with the input.
pub fn relate_pairs(group: PairGroup, registry: &Registry) -> Result<Vec<Relation>, String> {
    let local = places(&group.claims)?;
    let records: Vec<&ClaimRecord> = group.claims.iter().map(|m| &m.record).collect();
    let claims = claims_of(&records, registry, &group.sources);
    let views: Vec<ClaimView> = claims.iter().map(ClaimView::new).collect();
    let weights = KeyWeights::from_counts(group.n, group.df);
    let place = |i: usize| {
        local
            .get(&i)
            .copied()
            .ok_or_else(|| format!("a pair names claim {i}, which is not in the group"))
    };
    let mut out = Vec::new();
    for &(i, j) in &group.pairs {
        if i >= j {
            return Err(format!(
                "the pair ({i}, {j}) must name the lower claim first"
            ));
        }
        let (x, y) = (place(i)?, place(j)?);
        out.extend(relate(
            &Pair {
                claims: (&claims[x], &claims[y]),
                views: (&views[x], &views[y]),
                index: (i, j),
            },
            &weights,
        ));
    }
    Ok(out)
}

/// Each claim's place in `claims` by its index in story order; an error when an index is
/// listed twice.
fn places(claims: &[IndexedClaim]) -> Result<HashMap<usize, usize>, String> {
    let mut local = HashMap::with_capacity(claims.len());
    for (at, m) in claims.iter().enumerate() {
        if local.insert(m.index, at).is_some() {
            return Err(format!("claim {} is listed twice", m.index));
        }
    }
    Ok(local)
}

/// A claim of a [`Component`], with its index in story order.
#[derive(Clone, Debug, Serialize, Deserialize)]
pub struct IndexedClaim {
    /// Its index among all the story's claims.
    pub index: usize,
    /// Its record.
    pub record: ClaimRecord,
}

/// A connected group of claims: claims that relations join, or one claim alone, with
/// every relation among them.
#[derive(Clone, Debug, Serialize, Deserialize)]
pub struct Component {
    /// The claims, in any order.
    pub claims: Vec<IndexedClaim>,
    /// Their relations, by the claims' indices in story order.
    #[serde(default)]
    pub relations: Vec<Relation>,
    /// The unknown speakers the claims name, as first met in the story ([`MetSource`]).
    #[serde(default)]
    pub sources: Vec<Source>,
}

/// One entry of the report the propositions stage writes: a relation or a proposition,
/// with where it stands in the report's lists.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(tag = "kind", rename_all = "kebab-case")]
pub enum ComponentEntry {
    /// A relation: the report lists them by (lower claim, higher claim).
    Relation {
        /// Its claims' indices, the lower first.
        at: (usize, usize),
        /// The relation as the report shows it.
        relation: RelationInfo,
    },
    /// A proposition: the report lists them by confidence, highest first, then by their
    /// first claim.
    Proposition {
        /// The index of its first claim.
        at: usize,
        /// The proposition as the report shows it.
        proposition: PropositionInfo,
    },
}

/// The propositions stage: the component's relations and propositions, assessed as the
/// report assesses them, sources named from the registry and the records' unknown
/// speakers. An error says what is wrong with the input.
pub fn propositions(
    component: Component,
    registry: &Registry,
) -> Result<Vec<ComponentEntry>, String> {
    let mut members = component.claims;
    members.sort_by_key(|m| m.index);
    let local = places(&members)?;
    let place = |i: usize| {
        local
            .get(&i)
            .copied()
            .ok_or_else(|| format!("a relation names claim {i}, which is not in the group"))
    };
    let mut relations = Vec::with_capacity(component.relations.len());
    for r in component.relations {
        let (a, b) = (place(r.a)?, place(r.b)?);
        relations.push(Relation { a, b, ..r });
    }
    relations.sort_by_key(|r| (r.a.min(r.b), r.a.max(r.b)));
    let records: Vec<&ClaimRecord> = members.iter().map(|m| &m.record).collect();
    let claims = claims_of(&records, registry, &component.sources);
    let mut table = SourceTable::new(registry);
    for s in component
        .sources
        .iter()
        .chain(records.iter().flat_map(|r| &r.sources))
    {
        table.insert(s.clone());
    }
    let confidences = assess::attribution_confidences(&claims, &table);
    let assessments: Vec<Assessment> =
        assess::assess_with(&claims, &relations, &table, &confidences);
    let global = |i: usize| members[i].index;
    let mut out: Vec<ComponentEntry> = relations
        .iter()
        .map(|r| ComponentEntry::Relation {
            at: (global(r.a.min(r.b)), global(r.a.max(r.b))),
            relation: RelationInfo::new(r, &claims),
        })
        .collect();
    out.extend(assessments.iter().map(|p| ComponentEntry::Proposition {
        at: global(p.claims[0]),
        proposition: PropositionInfo::new(p, &claims, &table),
    }));
    Ok(out)
}
