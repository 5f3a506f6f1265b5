//! The claim graph: article, source and claim nodes joined by said-by, reported-via,
//! appears-in and relation edges.

use crate::claims::Claim;
use crate::link::{Relation, RelationKind};
use crate::resolve::{SourceTable, ViaRole};
use petgraph::stable_graph::{NodeIndex, StableGraph};
use petgraph::visit::EdgeRef;
use petgraph::Direction;
use std::collections::HashMap;

/// A node of the claim graph.
#[derive(Clone, Debug, PartialEq)]
pub enum Node {
    /// An article, by id.
    Article(String),
    /// A source, by id.
    Source(String),
    /// A claim, by index into the claims.
    Claim(usize),
}

/// An edge of the claim graph.
#[derive(Clone, Debug, PartialEq)]
pub enum Edge {
    /// Claim → the source it is from.
    SaidBy,
    /// Claim → a source that passed it on.
    ReportedVia,
    /// Claim → the article it appears in.
    AppearsIn,
    /// Claim → claim.
    Relation(RelationKind, f64),
}

/// The claim graph of a story, over petgraph's `StableGraph`.
#[derive(Debug, Default)]
pub struct ClaimGraph {
    /// The graph itself.
    pub graph: StableGraph<Node, Edge>,
    claims: Vec<NodeIndex>,
    sources: HashMap<String, NodeIndex>,
    articles: HashMap<String, NodeIndex>,
}

impl ClaimGraph {
    /// Builds the graph of claims and their relations.
    pub fn build(claims: &[Claim], relations: &[Relation], table: &SourceTable) -> ClaimGraph {
        let mut g = ClaimGraph::default();
        for s in table.sources() {
            let n = g.graph.add_node(Node::Source(s.id.clone()));
            g.sources.insert(s.id.clone(), n);
        }
        for (i, c) in claims.iter().enumerate() {
            let n = g.graph.add_node(Node::Claim(i));
            g.claims.push(n);
            let art = match g.articles.get(&c.article) {
                Some(a) => *a,
                None => {
                    let a = g.graph.add_node(Node::Article(c.article.clone()));
                    g.articles.insert(c.article.clone(), a);
                    a
                }
            };
            g.graph.add_edge(n, art, Edge::AppearsIn);
            let said = g.source_node(c.speaker.source.as_str());
            g.graph.add_edge(n, said, Edge::SaidBy);
            for v in c.via.iter().filter(|v| v.role == ViaRole::Intermediary) {
                if let Some(id) = &v.source {
                    let s = g.source_node(id.as_str());
                    g.graph.add_edge(n, s, Edge::ReportedVia);
                }
            }
        }
        for r in relations {
            g.graph.add_edge(
                g.claims[r.a],
                g.claims[r.b],
                Edge::Relation(r.kind, r.score),
            );
        }
        g
    }

    fn source_node(&mut self, id: &str) -> NodeIndex {
        if let Some(n) = self.sources.get(id) {
            return *n;
        }
        let n = self.graph.add_node(Node::Source(id.to_string()));
        self.sources.insert(id.to_string(), n);
        n
    }

    /// The node of claim `i`.
    pub fn claim_node(&self, i: usize) -> Option<NodeIndex> {
        self.claims.get(i).copied()
    }

    /// The claims joined to source `id` by an edge that `pick` accepts, in claim order.
    fn claims_to_source(&self, id: &str, pick: fn(&Edge) -> bool) -> Vec<usize> {
        let Some(&n) = self.sources.get(id) else {
            return vec![];
        };
        let mut out: Vec<usize> = self
            .graph
            .edges_directed(n, Direction::Incoming)
            .filter(|e| pick(e.weight()))
            .filter_map(|e| match self.graph[e.source()] {
                Node::Claim(i) => Some(i),
                _ => None,
            })
            .collect();
        out.sort_unstable();
        out
    }

    /// The claims said by a source (as origin), in claim order.
    pub fn claims_of_source(&self, id: &str) -> Vec<usize> {
        self.claims_to_source(id, |e| matches!(e, Edge::SaidBy))
    }

    /// The claims a source passed on as an intermediary.
    pub fn claims_reported_via(&self, id: &str) -> Vec<usize> {
        self.claims_to_source(id, |e| matches!(e, Edge::ReportedVia))
    }

    /// The claims related to claim `i` by relations of `kind`, either direction.
    pub fn related(&self, i: usize, kind: RelationKind) -> Vec<usize> {
        let Some(n) = self.claim_node(i) else {
            return vec![];
        };
        let mut out: Vec<usize> = self
            .graph
            .edges_directed(n, Direction::Outgoing)
            .chain(self.graph.edges_directed(n, Direction::Incoming))
            .filter(|e| matches!(e.weight(), Edge::Relation(k, _) if *k == kind))
            .filter_map(|e| {
                let other = if e.source() == n {
                    e.target()
                } else {
                    e.source()
                };
                match self.graph[other] {
                    Node::Claim(j) => Some(j),
                    _ => None,
                }
            })
            .collect();
        out.sort_unstable();
        out.dedup();
        out
    }

    /// The claims that contradict claim `i`.
    pub fn contradictions_of(&self, i: usize) -> Vec<usize> {
        self.related(i, RelationKind::Contradicts)
    }

    /// The source ids on claim `i`'s chain: origin first, then intermediaries.
    pub fn chain_of(&self, i: usize) -> Vec<String> {
        let Some(n) = self.claim_node(i) else {
            return vec![];
        };
        let mut origin = Vec::new();
        let mut via = Vec::new();
        for e in self.graph.edges_directed(n, Direction::Outgoing) {
            if let Node::Source(id) = &self.graph[e.target()] {
                match e.weight() {
                    Edge::SaidBy => origin.push(id.clone()),
                    Edge::ReportedVia => via.push(id.clone()),
                    _ => {}
                }
            }
        }
        via.sort();
        origin.extend(via);
        origin
    }
}
