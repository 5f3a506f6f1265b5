//! The claim graph as a picture: the nodes and edges that the DOT and SVG renderers draw,
//! worked out from a [`Report`] alone, and the visual conventions the two share.
//!
//! Nodes are the report's sources, plus a node for each speaker the report does not list
//! (an article's own voice, `article:<id>`) and for each intermediary name that matches no
//! source, plus one node per claim, grouped by article. Edges are one said-by edge per
//! claim (claim → origin), one reported-via edge per intermediary of a claim's `via`
//! chain (claim → intermediary; the chain is origin first and the article last, so the
//! intermediaries are the names in between) and one edge per relation whose two claims are
//! in the report.

mod style;
mod wrap;

pub(crate) use style::{stance_fill, EdgeKind, Shape};
pub(crate) use wrap::wrap;

use super::{ClaimInfo, RelationKind, Report, Stance};
use std::collections::{BTreeMap, HashMap};

/// A source node.
#[derive(Clone, Debug)]
pub(crate) struct SourceNode {
    /// The source id as the report gives it (`article:<id>` for an article's own voice,
    /// `via:<name>` for an intermediary that matches no source).
    pub key: String,
    /// Name to show.
    pub name: String,
    /// Kind in words: the source's kind, "article", "unknown" (a speaker the report does
    /// not list) or "intermediary" (one that matches no source).
    pub kind: &'static str,
    /// How it is drawn.
    pub shape: Shape,
    /// Everything the report says of it, for a tooltip.
    pub tooltip: String,
}

/// The claims of one article.
#[derive(Clone, Debug)]
pub(crate) struct Group {
    /// Article id.
    pub article: String,
    /// Headline, or the id.
    pub title: String,
    /// Outlet, date and count in words.
    pub detail: String,
    /// Indices into the report's claims, in report order.
    pub claims: Vec<usize>,
}

/// A said-by or reported-via edge, claim → source.
#[derive(Clone, Debug)]
pub(crate) struct Link {
    /// [`EdgeKind::SaidBy`] or [`EdgeKind::Via`].
    pub kind: EdgeKind,
    /// Index into the report's claims.
    pub claim: usize,
    /// Index into [`Picture::sources`].
    pub source: usize,
    /// 0 for said-by; 1, 2, … for the intermediaries in chain order.
    pub step: usize,
    /// Tooltip.
    pub tooltip: String,
}

/// A relation edge between two claims of the report.
#[derive(Clone, Debug)]
pub(crate) struct Rel {
    /// How it is drawn.
    pub kind: EdgeKind,
    /// The relation's kind.
    pub relation: RelationKind,
    /// First claim (index into the report's claims).
    pub a: usize,
    /// Second claim.
    pub b: usize,
    /// Score.
    pub score: f64,
    /// Tooltip.
    pub tooltip: String,
}

/// Everything both renderers draw.
#[derive(Clone, Debug)]
pub(crate) struct Picture<'r> {
    /// The report.
    pub report: &'r Report,
    /// Source nodes: the report's sources in order, then the ones added.
    pub sources: Vec<SourceNode>,
    /// Claim groups, one per article with claims, articles' order.
    pub groups: Vec<Group>,
    /// Said-by and reported-via edges, claim order.
    pub links: Vec<Link>,
    /// Relation edges, report order.
    pub relations: Vec<Rel>,
}

impl Picture<'_> {
    /// The picture without its said-by edges, as the SVG draws it: every claim's label
    /// names its speaker, so the edge from each claim to its speaker (a fan that tangles
    /// past a few dozen claims and adds nothing the label does not say) is left out, with
    /// the source nodes only those edges reached. Reported-via edges and their
    /// intermediaries stay.
    pub(crate) fn without_said_by(mut self) -> Self {
        self.links.retain(|l| l.kind != EdgeKind::SaidBy);
        let mut index = vec![None; self.sources.len()];
        for l in &self.links {
            index[l.source] = Some(0);
        }
        for (kept, slot) in index.iter_mut().filter(|s| s.is_some()).enumerate() {
            *slot = Some(kept);
        }
        let mut at = 0;
        self.sources.retain(|_| {
            at += 1;
            index[at - 1].is_some()
        });
        for l in &mut self.links {
            l.source = index[l.source].expect("a kept source");
        }
        self
    }
}

/// The words of a claim: its content parts joined, or the sentence when it has none.
pub(crate) fn said(c: &ClaimInfo) -> String {
    if c.content.is_empty() {
        c.evidence.text.clone()
    } else {
        c.content_text()
    }
}

/// Who a claim is from, as a label shows it.
pub(crate) fn speaker(c: &ClaimInfo) -> String {
    if c.speaker.source.is_article_voice() {
        "The article (own voice)".into()
    } else {
        c.speaker.name.clone()
    }
}

/// The intermediaries of a claim's chain: the names between the origin and the article.
pub(crate) fn intermediaries(c: &ClaimInfo) -> &[String] {
    if c.via.len() > 2 {
        &c.via[1..c.via.len() - 1]
    } else {
        &[]
    }
}

/// A claim's full description, for a tooltip.
pub(crate) fn claim_tooltip(c: &ClaimInfo) -> String {
    let mut s = format!(
        "{} (article {}, paragraph {})\n{}, {} ({}): {}",
        c.id,
        c.article,
        c.paragraph,
        c.speaker.name,
        c.stance.label(),
        c.kind.label(),
        said(c)
    );
    if !c.via.is_empty() {
        s.push_str("\nchain: ");
        s.push_str(&c.via.join(" → "));
    }
    s
}

impl<'r> Picture<'r> {
    /// Works out the nodes and edges of a report.
    pub fn new(r: &'r Report) -> Picture<'r> {
        let mut sources: Vec<SourceNode> = r
            .sources
            .iter()
            .map(|s| {
                let mut tip = format!("{} ({})", s.name, s.kind.label());
                if let Some(a) = &s.affiliation {
                    tip.push_str(&format!("\naffiliation: {a}"));
                }
                if let Some(l) = &s.reliability {
                    tip.push_str(&format!("\nreliability: {}", l.letter()));
                }
                tip.push_str(&format!("\nclaims: {}", s.claims));
                if s.passed_on > 0 {
                    tip.push_str(&format!("\npassed on: {}", s.passed_on));
                }
                if !s.reported_via.is_empty() {
                    tip.push_str(&format!("\nreported via: {}", s.reported_via.join(", ")));
                }
                SourceNode {
                    key: s.id.clone(),
                    name: s.name.clone(),
                    kind: s.kind.label(),
                    shape: Shape::of_kind(s.kind),
                    tooltip: tip,
                }
            })
            .collect();
        let mut by_key: BTreeMap<String, usize> = BTreeMap::new();
        let mut by_name: BTreeMap<String, usize> = BTreeMap::new();
        for (i, s) in sources.iter().enumerate() {
            by_key.entry(s.key.clone()).or_insert(i);
            by_name.entry(s.name.clone()).or_insert(i);
        }
        let ix = crate::report::Index::new(r);
        let article_title = |id: &str| {
            ix.article(id)
                .and_then(|a| a.title.clone().or_else(|| a.outlet.clone()))
                .unwrap_or_else(|| format!("Article {id}"))
        };
        let mut links = Vec::new();
        for (ci, c) in r.claims.iter().enumerate() {
            let key = c.speaker.source.as_str();
            let si = match by_key.get(key) {
                Some(&i) => i,
                None => {
                    let node = match c.speaker.source.voice_of() {
                        Some(a) => SourceNode {
                            key: key.to_string(),
                            name: format!("{} (own voice)", article_title(a)),
                            kind: "article",
                            shape: Shape::Article,
                            tooltip: format!("the article's own voice: {}", article_title(a)),
                        },
                        None => SourceNode {
                            key: key.to_string(),
                            name: c.speaker.name.clone(),
                            kind: "unknown",
                            shape: Shape::Unknown,
                            tooltip: format!("{} (not in the source list)", c.speaker.name),
                        },
                    };
                    sources.push(node);
                    let i = sources.len() - 1;
                    by_key.insert(key.to_string(), i);
                    by_name.entry(sources[i].name.clone()).or_insert(i);
                    i
                }
            };
            links.push(Link {
                kind: EdgeKind::SaidBy,
                claim: ci,
                source: si,
                step: 0,
                tooltip: format!("{} said by {}", c.id, sources[si].name),
            });
            for (step, name) in intermediaries(c).iter().enumerate() {
                let vi = match by_name.get(name) {
                    Some(&i) => i,
                    None => {
                        let key = format!("via:{name}");
                        let i = match by_key.get(&key) {
                            Some(&i) => i,
                            None => {
                                sources.push(SourceNode {
                                    key: key.clone(),
                                    name: name.clone(),
                                    kind: "intermediary",
                                    shape: Shape::Unknown,
                                    tooltip: format!(
                                        "{name} (an intermediary not in the source list)"
                                    ),
                                });
                                by_key.insert(key, sources.len() - 1);
                                sources.len() - 1
                            }
                        };
                        by_name.insert(name.clone(), i);
                        i
                    }
                };
                links.push(Link {
                    kind: EdgeKind::Via,
                    claim: ci,
                    source: vi,
                    step: step + 1,
                    tooltip: format!(
                        "{} reported via {} (step {} of the chain {})",
                        c.id,
                        name,
                        step + 1,
                        c.via.join(" → ")
                    ),
                });
            }
        }
        let mut groups: Vec<Group> = Vec::new();
        for a in &r.articles {
            let mut detail = vec![
                a.outlet.clone().unwrap_or_else(|| "outlet unknown".into()),
                a.published.clone().unwrap_or_else(|| "date unknown".into()),
            ];
            if a.title.is_some() {
                detail.push(a.id.clone());
            }
            groups.push(Group {
                article: a.id.clone(),
                title: a
                    .title
                    .clone()
                    .unwrap_or_else(|| format!("Article {}", a.id)),
                detail: detail.join(" · "),
                claims: vec![],
            });
        }
        // each article's group (the first of an id), found by id
        let mut group_of: HashMap<String, usize> = HashMap::new();
        for (gi, g) in groups.iter().enumerate() {
            group_of.entry(g.article.clone()).or_insert(gi);
        }
        for (ci, c) in r.claims.iter().enumerate() {
            match group_of.get(c.article.as_str()) {
                Some(&gi) => groups[gi].claims.push(ci),
                None => {
                    group_of.insert(c.article.clone(), groups.len());
                    groups.push(Group {
                        article: c.article.clone(),
                        title: format!("Article {}", c.article),
                        detail: "not in the article list".into(),
                        claims: vec![ci],
                    });
                }
            }
        }
        groups.retain(|g| !g.claims.is_empty());
        for g in &mut groups {
            let n = g.claims.len();
            g.detail
                .push_str(&format!(" · {n} claim{}", if n == 1 { "" } else { "s" }));
        }
        let claim_index = |id: &str| ix.claim_at(id);
        let relations = r
            .relations
            .iter()
            .filter_map(|rel| {
                let (a, b) = (claim_index(&rel.a)?, claim_index(&rel.b)?);
                let mut tip = format!(
                    "{} {} {} (score {:.2})",
                    rel.a,
                    rel.kind.label(),
                    rel.b,
                    rel.score
                );
                if !rel.reasons.is_empty() {
                    tip.push_str(": ");
                    tip.push_str(&rel.reasons.join("; "));
                }
                Some(Rel {
                    kind: EdgeKind::of_relation(rel.kind),
                    relation: rel.kind,
                    a,
                    b,
                    score: rel.score,
                    tooltip: tip,
                })
            })
            .collect();
        Picture {
            report: r,
            sources,
            groups,
            links,
            relations,
        }
    }

    /// The shapes of the source nodes, each once, in legend order.
    pub fn shapes(&self) -> Vec<Shape> {
        let mut v: Vec<Shape> = self.sources.iter().map(|s| s.shape).collect();
        v.sort();
        v.dedup();
        v
    }

    /// The stances of the claims, each once, in first-seen order.
    pub fn stances(&self) -> Vec<Stance> {
        let mut v: Vec<Stance> = Vec::new();
        for c in &self.report.claims {
            if !v.contains(&c.stance) {
                v.push(c.stance);
            }
        }
        v
    }

    /// The title line of the picture.
    pub fn title(&self) -> String {
        self.report.story.title.clone()
    }

    /// The counts line of the picture.
    pub fn counts(&self) -> String {
        let r = self.report;
        let contra = r
            .relations
            .iter()
            .filter(|x| x.kind == RelationKind::Contradicts)
            .count();
        format!(
            "{} articles · {} sources · {} claims · {} relations ({} contradictions) · {} disputes",
            r.articles.len(),
            r.sources.len(),
            r.claims.len(),
            r.relations.len(),
            contra,
            r.disputes.len()
        )
    }

    /// Each dispute in one line: the question, then each answer with its sources.
    pub fn disputes(&self) -> Vec<String> {
        self.report
            .disputes
            .iter()
            .map(|d| {
                let sides: Vec<String> = d
                    .sides
                    .iter()
                    .map(|s| format!("{} — {}", s.answer, s.sources.join(", ")))
                    .collect();
                format!("{} {}", d.question, sides.join("; "))
            })
            .collect()
    }
}
