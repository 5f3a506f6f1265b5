//! The claim graph as a picture: the DOT output parses and has one node per source and
//! claim and one edge per said-by link, chain step and relation; the SVG output (which
//! leaves the said-by fan to the claims' labels) is
//! well-formed XML with one element per claim carrying its data attributes; hostile text
//! survives both; agreement and contradiction look different.

use claimgraph::report::{
    dot, svg, ArticleInfo, ClaimInfo, Evidence, Label, MatchRule, RelationInfo, Report, SourceInfo,
    SpeakerInfo, StoryInfo, Summary,
};
use graphviz_rust::dot_structures::{Attribute, EdgeTy, Graph, Id, Stmt, Vertex};
use std::collections::{BTreeMap, BTreeSet};

use crate::common::default_report;

// ---------------------------------------------------------------- an invented report

const NASTY: &str =
    "He said \"stop\" \\ now;\nthen {left} -> [right] <b>&amp; 'x'</b> \\N\r\n# // end \\";

fn ev(text: &str) -> Evidence {
    Evidence {
        start: 0,
        end: text.len(),
        text: text.to_string(),
    }
}

fn source(id: &str, name: &str, kind: &str) -> SourceInfo {
    SourceInfo {
        id: id.into(),
        name: name.into(),
        kind: Label::from_label(kind).unwrap(),
        affiliation: Some("Ministry of \"Quotes\" & <Tags>".into()),
        reliability: Label::from_label("C"),
        claims: 1,
        passed_on: 0,
        reported_via: vec![],
    }
}

fn claim(
    id: &str,
    article: &str,
    src: &str,
    name: &str,
    via: &[&str],
    stance: &str,
    said: &str,
) -> ClaimInfo {
    ClaimInfo {
        id: id.into(),
        article: article.into(),
        paragraph: 1,
        evidence: ev(said),
        content: vec![ev(said)],
        quotes: vec![],
        kind: Label::from_label("paraphrase").unwrap(),
        speaker: SpeakerInfo {
            mention: name.into(),
            antecedent: None,
            source: src.into(),
            name: name.into(),
            person: None,
            rule: Some(MatchRule::Alias),
        },
        via: via.iter().map(|s| s.to_string()).collect(),
        cue: Some("said".into()),
        stance: Label::from_label(stance).unwrap(),
        hedges: vec![],
        times: vec![],
        attribution_confidence: 0.9,
        attribution_reasons: vec![],
        proposition: "p1".into(),
        confidence: 0.5,
        grade: "3".into(),
        contradicted_by: vec![],
    }
}

/// A report about an invented story whose ids, names and words are full of characters
/// that DOT and XML treat specially.
fn hostile_report() -> Report {
    let art1 = "art<1>&\"one\"";
    let art2 = "art\\2\n{two}";
    let a1 = "article art<1> (outlet unknown)";
    let a2 = "Gazette {\"Daily\"}: article art2";
    let sources = vec![
        source("src\"quote\\", "Dr. \"Quote\" \\Backslash & <Co>", "person"),
        source(
            "src{brace}",
            "Ministry of {Braces}\nand Lines",
            "government",
        ),
        source("wire<&>", "Wire <&> 'Service'", "wire"),
    ];
    let claims = vec![
        claim(
            "c\"1\\",
            art1,
            "src\"quote\\",
            "Dr. \"Quote\" \\Backslash & <Co>",
            &["Dr. \"Quote\" \\Backslash & <Co>", a1],
            "assert",
            NASTY,
        ),
        claim(
            "c{2}",
            art1,
            "src{brace}",
            "Ministry of {Braces}\nand Lines",
            &[
                "Ministry of {Braces}\nand Lines",
                "Wire <&> 'Service'",
                "an \"unlisted\" relay\\",
                a1,
            ],
            "deny",
            "The claim is <false> & \"baseless\"\nsays the ministry.",
        ),
        claim(
            "c<3>",
            art2,
            "article:art\\2\n{two}",
            "the article's own voice",
            &["the article's own voice", a2],
            "warn",
            "Brace yourselves: } { ]] \\\\ \"\" &lt;",
        ),
        claim(
            "c&4",
            art2,
            "unknown:someone \"odd\"",
            "Someone \"odd\"",
            &["Someone \"odd\"", "Wire <&> 'Service'", a2],
            "question",
            "Is it true?\tReally?",
        ),
    ];
    let relations = vec![
        relation("c\"1\\", "c{2}", "contradicts"),
        relation("c\"1\\", "c<3>", "agrees"),
        relation("c<3>", "c&4", "quote-variant"),
        relation("c&4", "c{2}", "elaborates"),
    ];
    let article = |id: &str, title: Option<&str>| ArticleInfo {
        id: id.into(),
        title: title.map(Into::into),
        outlet: Some("The \"Daily\" <Gazette> & Co".into()),
        url: None,
        published: Some("2024-03-08".into()),
        byline: None,
        path: "articles/x.txt".into(),
        claims: 2,
        fetched_from: None,
        fetched_at: None,
    };
    Report {
        schema: claimgraph::report::SCHEMA.into(),
        story: StoryInfo {
            id: "story \"x\" <&>".into(),
            title: "An invented \"story\" with <tags> & \\backslashes\\".into(),
            description: None,
        },
        summary: Summary {
            articles: 2,
            sources: 3,
            claims: 4,
            relations: 4,
            contradictions: 1,
            propositions: 0,
            single_origin: 0,
            disputes: 0,
        },
        articles: vec![
            article(
                art1,
                Some("Headline with \"quotes\" and\nline breaks & <tags>"),
            ),
            article(art2, None),
        ],
        sources,
        claims,
        relations,
        propositions: vec![],
        disputes: vec![],
        timeline: vec![],
        unresolved: vec![],
        diagnostics: vec![],
    }
}

fn relation(a: &str, b: &str, kind: &str) -> RelationInfo {
    RelationInfo {
        a: a.into(),
        b: b.into(),
        kind: Label::from_label(kind).unwrap(),
        score: 0.5,
        reasons: vec!["shared words \"x\" & <y>".into()],
        diff: vec![],
    }
}

// ---------------------------------------------------------------- what a report implies

/// The source node a claim's said-by edge should reach: its speaker's source id.
/// The node a chain step should reach: the source of that name, else `via:<name>`.
fn intermediary_key(r: &Report, name: &str) -> String {
    r.sources
        .iter()
        .find(|s| s.name == name)
        .map(|s| s.id.clone())
        .unwrap_or_else(|| format!("via:{name}"))
}

fn intermediaries(c: &ClaimInfo) -> &[String] {
    if c.via.len() > 2 {
        &c.via[1..c.via.len() - 1]
    } else {
        &[]
    }
}

/// (kind, from, to) of every edge the report implies, with DOT's node names.
fn expected_edges(r: &Report) -> BTreeMap<String, BTreeSet<(String, String)>> {
    let mut m: BTreeMap<String, BTreeSet<(String, String)>> = BTreeMap::new();
    for c in &r.claims {
        m.entry("said-by".into())
            .or_default()
            .insert((format!("c:{}", c.id), format!("s:{}", c.speaker.source)));
        for name in intermediaries(c) {
            m.entry("via".into()).or_default().insert((
                format!("c:{}", c.id),
                format!("s:{}", intermediary_key(r, name)),
            ));
        }
    }
    for rel in &r.relations {
        m.entry(rel.kind.label().to_string())
            .or_default()
            .insert((format!("c:{}", rel.a), format!("c:{}", rel.b)));
    }
    m
}

/// The source keys the report implies: its sources, speakers it does not list, and
/// intermediaries that match no source.
fn expected_source_keys(r: &Report) -> BTreeSet<String> {
    let mut keys: BTreeSet<String> = r.sources.iter().map(|s| s.id.clone()).collect();
    for c in &r.claims {
        keys.insert(c.speaker.source.to_string());
        for name in intermediaries(c) {
            keys.insert(intermediary_key(r, name));
        }
    }
    keys
}

/// The source nodes the SVG draws: only the intermediaries (its claims name their speakers
/// in their labels, and it draws no said-by fan).
fn expected_svg_source_keys(r: &Report) -> BTreeSet<String> {
    r.claims
        .iter()
        .flat_map(|c| {
            intermediaries(c)
                .iter()
                .map(|name| intermediary_key(r, name))
        })
        .collect()
}

/// The edges the SVG draws: every edge of the DOT output but the said-by ones.
fn expected_svg_edges(r: &Report) -> BTreeMap<String, BTreeSet<(String, String)>> {
    let mut m = expected_edges(r);
    m.remove("said-by");
    m
}

fn edge_count(r: &Report) -> usize {
    r.claims.len()
        + r.claims
            .iter()
            .map(|c| intermediaries(c).len())
            .sum::<usize>()
        + r.relations.len()
}

// ---------------------------------------------------------------- reading DOT back

/// The text a DOT id stands for, undoing the renderer's escapes.
fn unquote(id: &Id) -> String {
    let raw = match id {
        Id::Escaped(s) => s
            .strip_prefix('"')
            .and_then(|s| s.strip_suffix('"'))
            .unwrap(),
        Id::Plain(s) | Id::Html(s) | Id::Anonymous(s) => s.as_str(),
    };
    let mut out = String::new();
    let mut chars = raw.chars();
    while let Some(c) = chars.next() {
        if c == '\\' {
            match chars.next() {
                Some('n') => out.push('\n'),
                Some('l') => out.push('\n'),
                Some(o) => out.push(o),
                None => panic!("dangling backslash in {raw:?}"),
            }
        } else {
            out.push(c);
        }
    }
    out.replace("&amp;", "&")
}

#[derive(Default, Debug)]
struct Parsed {
    /// Node name → attributes.
    nodes: BTreeMap<String, BTreeMap<String, String>>,
    /// (from, to, attributes).
    edges: Vec<(String, String, BTreeMap<String, String>)>,
}

fn attrs(list: &[Attribute]) -> BTreeMap<String, String> {
    list.iter()
        .map(|Attribute(k, v)| (unquote(k), unquote(v)))
        .collect()
}

fn walk(stmts: &[Stmt], p: &mut Parsed) {
    for s in stmts {
        match s {
            Stmt::Node(n) => {
                let name = unquote(&n.id.0);
                let legend = name.starts_with("legend:");
                let prev = p.nodes.insert(name, attrs(&n.attributes));
                assert!(legend || prev.is_none(), "node {:?} declared twice", n.id.0);
            }
            Stmt::Edge(e) => match &e.ty {
                EdgeTy::Pair(Vertex::N(a), Vertex::N(b)) => {
                    p.edges
                        .push((unquote(&a.0), unquote(&b.0), attrs(&e.attributes)))
                }
                other => panic!("unexpected edge form {other:?}"),
            },
            Stmt::Subgraph(g) => walk(&g.stmts, p),
            Stmt::Attribute(_) | Stmt::GAttribute(_) => {}
        }
    }
}

fn parse_dot(text: &str) -> Parsed {
    let g = graphviz_rust::parse(text).unwrap_or_else(|e| panic!("DOT does not parse: {e}"));
    let Graph::DiGraph { stmts, .. } = g else {
        panic!("not a digraph")
    };
    let mut p = Parsed::default();
    walk(&stmts, &mut p);
    // the legend apart
    p.nodes.retain(|k, _| !k.starts_with("legend:"));
    p.edges.retain(|(a, _, _)| !a.starts_with("legend:"));
    p
}

fn check_dot(r: &Report) -> Parsed {
    let text = dot::render(r);
    let p = parse_dot(&text);
    // nodes: every claim and every source, nothing else
    let claims: BTreeSet<String> = r.claims.iter().map(|c| format!("c:{}", c.id)).collect();
    let sources: BTreeSet<String> = expected_source_keys(r)
        .into_iter()
        .map(|k| format!("s:{k}"))
        .collect();
    let got_claims: BTreeSet<String> = p
        .nodes
        .iter()
        .filter(|(_, a)| a.get("class").map(String::as_str) == Some("claim"))
        .map(|(k, _)| k.clone())
        .collect();
    let got_sources: BTreeSet<String> = p
        .nodes
        .iter()
        .filter(|(_, a)| a.get("class").map(String::as_str) == Some("source"))
        .map(|(k, _)| k.clone())
        .collect();
    assert_eq!(got_claims, claims);
    assert_eq!(got_sources, sources);
    assert_eq!(p.nodes.len(), claims.len() + sources.len());
    // edges: one per said-by link, chain step and relation, each where it belongs
    assert_eq!(p.edges.len(), edge_count(r), "edge count");
    let mut got: BTreeMap<String, BTreeSet<(String, String)>> = BTreeMap::new();
    for (a, b, at) in &p.edges {
        assert!(p.nodes.contains_key(a), "edge from undeclared node {a:?}");
        assert!(p.nodes.contains_key(b), "edge to undeclared node {b:?}");
        got.entry(at["class"].clone())
            .or_default()
            .insert((a.clone(), b.clone()));
    }
    assert_eq!(got, expected_edges(r));
    // every claim's tooltip carries its words whole
    for c in &r.claims {
        let tip = &p.nodes[&format!("c:{}", c.id)]["tooltip"];
        for part in &c.content {
            let expect = part.text.replace("\r\n", "\n").replace('\r', "\n");
            let expect = expect.replace('\t', " ");
            assert!(tip.contains(&expect), "{tip:?} lacks {expect:?}");
        }
    }
    assert_eq!(text, dot::render(r), "DOT output is not deterministic");
    p
}

#[test]
fn dot_of_the_default_story_parses_with_a_node_per_claim_and_source_and_every_edge() {
    let r = default_report();
    assert!(r.claims.len() > 30 && r.sources.len() > 10);
    let p = check_dot(&r);
    // the default story has chains through Reuters and Newsweek
    assert!(p
        .edges
        .iter()
        .any(|(_, b, at)| at["class"] == "via" && b == "s:reuters"));
}

#[test]
fn dot_of_hostile_labels_parses_and_keeps_the_text() {
    let r = hostile_report();
    let p = check_dot(&r);
    // labels show the speaker whole and the first words
    let label = &p.nodes["c:c\"1\\"]["label"];
    assert!(
        label.starts_with("Dr. \"Quote\" \\Backslash & <Co>\n"),
        "{label:?}"
    );
    assert!(label.contains("He said \"stop\" \\ now;"), "{label:?}");
    let label = &p.nodes["s:src{brace}"]["label"];
    assert!(label.contains("{Braces}"), "{label:?}");
    // the chain step through a name that is no source got a node of its own
    assert!(p.nodes.contains_key("s:via:an \"unlisted\" relay\\"));
    // the article's own voice is a node of its own
    assert!(p.nodes.contains_key("s:article:art\\2\n{two}"));
}

#[test]
fn dot_draws_agreement_and_contradiction_differently() {
    let p = parse_dot(&dot::render(&hostile_report()));
    let style = |class: &str| {
        p.edges
            .iter()
            .find(|(_, _, a)| a["class"] == class)
            .map(|(_, _, a)| a.clone())
            .unwrap()
    };
    let (agree, contra) = (style("agrees"), style("contradicts"));
    assert_ne!(agree["color"], contra["color"]);
    assert_ne!(agree["dir"], contra["dir"]);
    assert_eq!(contra["dir"], "both");
    let (said, via) = (style("said-by"), style("via"));
    assert_eq!(via["style"], "dashed");
    assert_ne!(said["style"], "dashed");
    let (qv, el) = (style("quote-variant"), style("elaborates"));
    let looks: BTreeSet<(String, String, String)> = [&agree, &contra, &qv, &el, &said, &via]
        .iter()
        .map(|a| (a["color"].clone(), a["style"].clone(), a["dir"].clone()))
        .collect();
    assert_eq!(looks.len(), 6, "every kind of edge looks different");
}

// ---------------------------------------------------------------- SVG

fn has_class(n: &roxmltree::Node, class: &str) -> bool {
    n.attribute("class")
        .is_some_and(|c| c.split_whitespace().any(|x| x == class))
}

fn title_of<'a>(n: &roxmltree::Node<'a, 'a>) -> String {
    n.children()
        .find(|c| c.has_tag_name("title"))
        .and_then(|t| t.text())
        .unwrap_or_default()
        .to_string()
}

/// The text shown in an element, titles aside.
fn shown_text(n: &roxmltree::Node) -> String {
    n.descendants()
        .filter(|d| d.is_text())
        .filter(|d| !d.ancestors().any(|a| a.has_tag_name("title")))
        .filter_map(|d| d.text())
        .collect::<Vec<_>>()
        .join("|")
}

fn check_svg(r: &Report) -> String {
    let text = svg::render(r);
    let doc = roxmltree::Document::parse(&text)
        .unwrap_or_else(|e| panic!("SVG is not well-formed XML: {e}"));
    let root = doc.root_element();
    assert_eq!(root.tag_name().name(), "svg");
    let vb: Vec<f64> = root
        .attribute("viewBox")
        .unwrap()
        .split_whitespace()
        .map(|x| x.parse().unwrap())
        .collect();
    assert!(vb.len() == 4 && vb[2] > 0.0 && vb[3] > 0.0);
    // one element per claim, with its data attributes
    let claims: Vec<roxmltree::Node> = doc
        .descendants()
        .filter(|n| has_class(n, "claim"))
        .collect();
    assert_eq!(claims.len(), r.claims.len());
    let mut boxes = Vec::new();
    for c in &r.claims {
        let hits: Vec<&roxmltree::Node> = claims
            .iter()
            .filter(|n| n.attribute("data-claim") == Some(c.id.as_str()))
            .collect();
        assert_eq!(hits.len(), 1, "claim {:?}", c.id);
        let n = hits[0];
        assert_eq!(n.attribute("data-source"), Some(c.speaker.source.as_str()));
        assert_eq!(n.attribute("data-stance"), Some(c.stance.label()));
        assert_eq!(n.attribute("data-article"), Some(c.article.as_str()));
        let title = title_of(n);
        for part in &c.content {
            assert!(
                title.contains(&part.text),
                "{title:?} lacks {:?}",
                part.text
            );
        }
        let rect = n.children().find(|x| x.has_tag_name("rect")).unwrap();
        let f = |k: &str| rect.attribute(k).unwrap().parse::<f64>().unwrap();
        let (x, y, w, h) = (f("x"), f("y"), f("width"), f("height"));
        boxes.push((y, y + h));
        assert!(x >= 0.0 && x + w <= vb[2], "claim box inside the picture");
    }
    // claim boxes do not overlap
    boxes.sort_by(|a, b| a.0.total_cmp(&b.0));
    for pair in boxes.windows(2) {
        assert!(pair[0].1 <= pair[1].0, "claim boxes overlap: {pair:?}");
    }
    // one element per source node
    let sources: BTreeSet<String> = doc
        .descendants()
        .filter(|n| has_class(n, "source"))
        .map(|n| n.attribute("data-source").unwrap().to_string())
        .collect();
    assert_eq!(sources, expected_svg_source_keys(r));
    // one path per edge but said-by, each where it belongs
    let mut got: BTreeMap<String, BTreeSet<(String, String)>> = BTreeMap::new();
    let mut edges = 0;
    for n in doc.descendants().filter(|n| has_class(n, "edge")) {
        edges += 1;
        assert!(!title_of(&n).is_empty(), "edge without a title");
        let (kind, pair) = if has_class(&n, "relation") {
            (
                n.attribute("data-kind").unwrap().to_string(),
                (
                    format!("c:{}", n.attribute("data-a").unwrap()),
                    format!("c:{}", n.attribute("data-b").unwrap()),
                ),
            )
        } else {
            let kind = if has_class(&n, "via") {
                "via"
            } else {
                "said-by"
            };
            (
                kind.to_string(),
                (
                    format!("c:{}", n.attribute("data-claim").unwrap()),
                    format!("s:{}", n.attribute("data-source").unwrap()),
                ),
            )
        };
        got.entry(kind).or_default().insert(pair);
    }
    assert_eq!(edges, edge_count(r) - r.claims.len());
    assert_eq!(got, expected_svg_edges(r));
    // each claim's label names its speaker, since no edge does
    for c in &r.claims {
        let n = claims
            .iter()
            .find(|n| n.attribute("data-claim") == Some(c.id.as_str()))
            .unwrap();
        let head = n
            .children()
            .find(|x| x.has_tag_name("text"))
            .and_then(|t| t.text())
            .unwrap_or_default();
        let first_word = c.speaker.name.split_whitespace().next().unwrap_or_default();
        assert!(
            c.speaker.source.is_article_voice() || head.contains(first_word),
            "label {head:?} does not name {:?}",
            c.speaker.name
        );
    }
    assert_eq!(text, svg::render(r), "SVG output is not deterministic");
    text
}

#[test]
fn svg_of_the_default_story_is_well_formed_with_an_element_per_claim() {
    let r = default_report();
    let text = check_svg(&r);
    assert!(text.contains("class=\"legend\""));
}

#[test]
fn svg_of_hostile_labels_is_well_formed_and_shows_the_text() {
    let r = hostile_report();
    let text = check_svg(&r);
    let doc = roxmltree::Document::parse(&text).unwrap();
    let claim = doc
        .descendants()
        .find(|n| n.attribute("data-claim") == Some("c\"1\\") && has_class(n, "claim"))
        .unwrap();
    let shown = shown_text(&claim);
    assert!(
        shown.contains("Dr. \"Quote\" \\Backslash & <Co>"),
        "{shown:?}"
    );
    assert!(shown.contains("He said \"stop\" \\ now;"), "{shown:?}");
    let title = title_of(&claim);
    assert!(title.contains(NASTY), "{title:?}");
    let source = doc
        .descendants()
        .find(|n| n.attribute("data-source") == Some("wire<&>") && has_class(n, "source"))
        .unwrap();
    assert!(shown_text(&source).contains("Wire <&> 'Service'"));
    assert_eq!(
        root_title(&doc),
        "An invented \"story\" with <tags> & \\backslashes\\"
    );
}

fn root_title(doc: &roxmltree::Document) -> String {
    title_of(&doc.root_element())
}

#[test]
fn svg_draws_agreement_and_contradiction_differently() {
    let text = svg::render(&hostile_report());
    let doc = roxmltree::Document::parse(&text).unwrap();
    let look = |class: &str| {
        let n = doc
            .descendants()
            .find(|n| has_class(n, "edge") && has_class(n, class))
            .unwrap();
        [
            "stroke",
            "stroke-width",
            "stroke-dasharray",
            "marker-start",
            "marker-end",
        ]
        .map(|a| n.attribute(a).unwrap_or("").to_string())
    };
    let (agree, contra) = (look("agrees"), look("contradicts"));
    assert_ne!(agree[0], contra[0], "colour");
    assert!(agree[3].is_empty() && !contra[3].is_empty() && !contra[4].is_empty());
    assert!(!look("via")[2].is_empty(), "reported via is dashed");
    assert!(
        !doc.descendants().any(|n| has_class(&n, "said-by")),
        "no said-by fan"
    );
    let all: BTreeSet<[String; 5]> = [
        "via",
        "agrees",
        "contradicts",
        "quote-variant",
        "elaborates",
    ]
    .map(look)
    .into_iter()
    .collect();
    assert_eq!(all.len(), 5, "every kind of edge looks different");
}
