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

use super::{ClaimInfo, RelationKind, Report, SourceKind, Stance};
use std::collections::BTreeMap;

/// How a source node is drawn.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord)]
pub(crate) enum Shape {
    /// Governments, agencies, officials: a plain box.
    Organisation,
    /// Outlets, wires, state media: a rounded box.
    Media,
    /// People and anonymous speakers: an ellipse.
    Person,
    /// Groups: a hexagon.
    Group,
    /// Unknown speakers and unresolved intermediaries: a dashed box.
    Unknown,
    /// An article's own voice: a note.
    Article,
}

impl Shape {
    fn of_kind(kind: SourceKind) -> Shape {
        match kind {
            SourceKind::Government | SourceKind::Agency | SourceKind::Official => {
                Shape::Organisation
            }
            SourceKind::Outlet | SourceKind::Wire | SourceKind::StateMedia => Shape::Media,
            SourceKind::Person | SourceKind::Anonymous => Shape::Person,
            SourceKind::Group => Shape::Group,
            SourceKind::Unknown => Shape::Unknown,
        }
    }

    /// What the legend says of the shape.
    pub fn legend(self) -> &'static str {
        match self {
            Shape::Organisation => "government, agency, official",
            Shape::Media => "outlet, wire, state media",
            Shape::Person => "person, anonymous",
            Shape::Group => "group",
            Shape::Unknown => "unknown, unresolved",
            Shape::Article => "article's own voice",
        }
    }

    /// Fill and outline colours.
    pub fn colours(self) -> (&'static str, &'static str) {
        match self {
            Shape::Organisation => ("#e3ecf7", "#3b6ea8"),
            Shape::Media => ("#e8f4e4", "#4d8b3a"),
            Shape::Person => ("#fbeee0", "#b5651d"),
            Shape::Group => ("#f3e8f7", "#7b4a91"),
            Shape::Unknown => ("#f2f2f2", "#777777"),
            Shape::Article => ("#fffbe6", "#a08c3c"),
        }
    }
}

/// The fill of a claim node by its stance.
pub(crate) fn stance_fill(stance: Stance) -> &'static str {
    match stance {
        Stance::Assert => "#ffffff",
        Stance::Warn => "#fff4cc",
        Stance::Announce => "#e6f1fb",
        Stance::Deny => "#fde0e0",
        Stance::Accuse => "#fde8d4",
        Stance::RefuseToConfirm => "#ece6f6",
        Stance::Question => "#e2f3ee",
    }
}

/// The kinds of edge, each drawn its own way.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord)]
pub(crate) enum EdgeKind {
    /// Claim → the source it is from.
    SaidBy,
    /// Claim → a source that passed it on.
    Via,
    /// Two claims that say the same.
    Agrees,
    /// Two claims in conflict.
    Contradicts,
    /// The same speaker quoted in other words.
    QuoteVariant,
    /// The first claim adds detail to the second.
    Elaborates,
    /// A relation of another kind: the report has none, but the DOT legend lists it.
    Other,
}

/// How an edge is drawn, in terms both renderers understand.
#[derive(Clone, Copy, Debug)]
pub(crate) struct Style {
    /// Stroke colour.
    pub colour: &'static str,
    /// Stroke width in points (DOT `penwidth`) or pixels (SVG).
    pub width: f64,
    /// DOT `style`.
    pub dot_style: &'static str,
    /// SVG `stroke-dasharray`, if dashed.
    pub dash: Option<&'static str>,
    /// An arrowhead at the second end.
    pub head: bool,
    /// An arrowhead at the first end too.
    pub tail: bool,
}

impl EdgeKind {
    /// Every kind, legend order.
    pub const ALL: [EdgeKind; 7] = [
        EdgeKind::SaidBy,
        EdgeKind::Via,
        EdgeKind::Agrees,
        EdgeKind::Contradicts,
        EdgeKind::QuoteVariant,
        EdgeKind::Elaborates,
        EdgeKind::Other,
    ];

    /// How a relation of this kind is drawn.
    pub fn of_relation(kind: RelationKind) -> EdgeKind {
        match kind {
            RelationKind::Agrees => EdgeKind::Agrees,
            RelationKind::Contradicts => EdgeKind::Contradicts,
            RelationKind::QuoteVariant => EdgeKind::QuoteVariant,
            RelationKind::Elaborates => EdgeKind::Elaborates,
        }
    }

    /// The class name both renderers put on the edge.
    pub fn class(self) -> &'static str {
        match self {
            EdgeKind::SaidBy => "said-by",
            EdgeKind::Via => "via",
            EdgeKind::Agrees => "agrees",
            EdgeKind::Contradicts => "contradicts",
            EdgeKind::QuoteVariant => "quote-variant",
            EdgeKind::Elaborates => "elaborates",
            EdgeKind::Other => "related",
        }
    }

    /// What the legend says of the edge.
    pub fn legend(self) -> &'static str {
        match self {
            EdgeKind::SaidBy => "said by",
            EdgeKind::Via => "reported via",
            EdgeKind::Agrees => "agrees",
            EdgeKind::Contradicts => "contradicts",
            EdgeKind::QuoteVariant => "quote variant",
            EdgeKind::Elaborates => "elaborates (adds detail to)",
            EdgeKind::Other => "other relation",
        }
    }

    /// Whether the edge joins two claims.
    pub fn is_relation(self) -> bool {
        !matches!(self, EdgeKind::SaidBy | EdgeKind::Via)
    }

    /// How it is drawn.
    pub fn style(self) -> Style {
        let s = |colour, width, dot_style, dash, head, tail| Style {
            colour,
            width,
            dot_style,
            dash,
            head,
            tail,
        };
        match self {
            EdgeKind::SaidBy => s("#8a8a8a", 1.0, "solid", None, true, false),
            EdgeKind::Via => s("#3b6ea8", 1.4, "dashed", Some("6 4"), true, false),
            EdgeKind::Agrees => s("#2e8b57", 2.0, "solid", None, false, false),
            EdgeKind::Contradicts => s("#d62828", 3.0, "bold", None, true, true),
            EdgeKind::QuoteVariant => s("#8e44ad", 2.0, "dotted", Some("2 3"), false, false),
            EdgeKind::Elaborates => s("#e07b00", 1.8, "solid", None, true, false),
            EdgeKind::Other => s("#999999", 1.2, "dotted", Some("1 3"), false, false),
        }
    }
}

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
        let article_title = |id: &str| {
            r.articles
                .iter()
                .find(|a| a.id == id)
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
        for (ci, c) in r.claims.iter().enumerate() {
            match groups.iter_mut().find(|g| g.article == c.article) {
                Some(g) => g.claims.push(ci),
                None => groups.push(Group {
                    article: c.article.clone(),
                    title: format!("Article {}", c.article),
                    detail: "not in the article list".into(),
                    claims: vec![ci],
                }),
            }
        }
        groups.retain(|g| !g.claims.is_empty());
        for g in &mut groups {
            let n = g.claims.len();
            g.detail
                .push_str(&format!(" · {n} claim{}", if n == 1 { "" } else { "s" }));
        }
        let claim_index = |id: &str| r.claims.iter().position(|c| c.id == id);
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
            "{} articles · {} sources · {} claims · {} relations ({} contradictions)",
            r.articles.len(),
            r.sources.len(),
            r.claims.len(),
            r.relations.len(),
            contra
        )
    }
}

/// Splits text into lines no wider than `max` by `measure`, at most `lines` of them, the
/// last ending in "…" when text was left out. Whitespace, newlines included, is folded;
/// a word too wide for a line is cut.
pub(crate) fn wrap(
    text: &str,
    max: f64,
    lines: usize,
    measure: impl Fn(&str) -> f64,
) -> Vec<String> {
    let mut out: Vec<String> = Vec::new();
    let mut cur = String::new();
    let words = text.split_whitespace();
    let mut cut = false;
    for w in words {
        let candidate = if cur.is_empty() {
            w.to_string()
        } else {
            format!("{cur} {w}")
        };
        if measure(&candidate) <= max {
            cur = candidate;
            continue;
        }
        if !cur.is_empty() {
            out.push(std::mem::take(&mut cur));
            if out.len() == lines {
                cut = true;
                break;
            }
        }
        // the word alone: cut it into pieces that fit
        let mut piece = String::new();
        for ch in w.chars() {
            piece.push(ch);
            if measure(&piece) > max && piece.chars().count() > 1 {
                piece.pop();
                out.push(std::mem::take(&mut piece));
                piece.push(ch);
                if out.len() == lines {
                    cut = true;
                    break;
                }
            }
        }
        if cut {
            break;
        }
        cur = piece;
    }
    if !cut && !cur.is_empty() {
        if out.len() == lines {
            cut = true;
        } else {
            out.push(cur);
        }
    }
    if cut {
        if let Some(last) = out.last_mut() {
            loop {
                let with = format!("{last}…");
                if measure(&with) <= max || last.is_empty() {
                    *last = with;
                    break;
                }
                // drop the last word, or the last character of a single word
                match last.rfind(' ') {
                    Some(i) => last.truncate(i),
                    None => {
                        last.pop();
                    }
                }
            }
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn chars(s: &str) -> f64 {
        s.chars().count() as f64
    }

    #[test]
    fn wrap_keeps_short_text_whole() {
        assert_eq!(wrap("a b c", 10.0, 2, chars), vec!["a b c"]);
        assert!(wrap("   ", 10.0, 2, chars).is_empty());
    }

    #[test]
    fn wrap_breaks_at_words_and_marks_the_cut() {
        let w = wrap("one two three four five six", 9.0, 2, chars);
        assert_eq!(w, vec!["one two", "three…"]);
        let w = wrap("one\ntwo  three", 20.0, 3, chars);
        assert_eq!(w, vec!["one two three"]);
    }

    #[test]
    fn wrap_cuts_long_words() {
        let w = wrap("abcdefghij", 4.0, 5, chars);
        assert_eq!(w, vec!["abcd", "efgh", "ij"]);
        let w = wrap("abcdefghij", 4.0, 2, chars);
        assert_eq!(w, vec!["abcd", "efg…"]);
    }
}
