//! The HTML fact-check report: one self-contained page with the Markdown report's content,
//! the claim graph inline, and a filter of claims by source and stance.
//!
//! The page leads with the summary (the header's counts), then the graph: a map of the
//! propositions ([`groups`]) that stays readable at hundreds of claims, with the full graph
//! of claims and sources under it (folded away past 30 claims); the propositions, claims,
//! relations (both claims' words and speakers), quote drift (both tellings and who said
//! them), timeline, articles and sources follow.
//!
//! The page loads nothing: its style and script are inline, and a Content-Security-Policy
//! forbids any fetch. Links to the articles' addresses stay plain links. Without a script
//! everything is shown; with one, a filter bar hides the claims of other sources or stances
//! and dims the graph's elements that carry other `data-source` / `data-stance` values. The
//! filter can also be set from the address's fragment, `#source=ID&stance=LABEL` (each value
//! percent-encoded, either part optional).
//!
//! The page is written with maud's `html!`, which escapes every value it is given; only the
//! inline style, script and graph are inserted as they are.

mod assets;
mod claims;
mod disputes;
mod groups;
mod relations;

use super::{ClaimInfo, PropositionInfo, Report, TimelineKind};
use assets::{csp, CSS, JS};
use maud::{html, Markup, PreEscaped, DOCTYPE};
use relations::{by_id, quote_drift, relations, said};
use std::collections::HashMap;
use std::fmt::Write;

/// Escapes text the way the page does, for element content and double-quoted attribute
/// values: `&`, `<`, `>` and `"` become entities (maud's escaping).
pub fn escape(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    let _ = maud::Escaper::new(&mut out).write_str(s);
    out
}

/// An element id made of `prefix` and an arbitrary id: letters, digits, `_` and `-` stay,
/// every other byte becomes `.` and two hex digits, so distinct ids stay distinct.
fn anchor(prefix: &str, id: &str) -> String {
    let mut out = String::from(prefix);
    for b in id.bytes() {
        if b.is_ascii_alphanumeric() || b == b'_' || b == b'-' {
            out.push(b as char);
        } else {
            let _ = write!(out, ".{b:02X}");
        }
    }
    out
}

fn claim_anchor(id: &str) -> String {
    anchor("claim-", id)
}

/// A link to a claim; a long id may break after its `#` only.
fn claim_link(id: &str) -> Markup {
    html! {
        a.cid href={ "#" (claim_anchor(id)) } {
            code {
                @for (i, part) in id.split('#').enumerate() {
                    @if i > 0 { "#" wbr; }
                    (part)
                }
            }
        }
    }
}

/// Claim links, comma-separated.
fn claim_links<'a>(ids: impl IntoIterator<Item = &'a String>) -> Markup {
    html! {
        @for (i, id) in ids.into_iter().enumerate() {
            @if i > 0 { ", " }
            (claim_link(id))
        }
    }
}

/// One term and its description in a `<dl>`, on a line of its own.
fn row(label: &str, value: Markup) -> Markup {
    html! { dt { (label) } dd { (value) } "\n" }
}

/// The SVG document without what may come before the `<svg>` element (XML declaration,
/// doctype, comments, white space), which has no place inside an HTML body.
fn inline_svg(svg: &str) -> &str {
    let mut s = svg.trim_start_matches('\u{feff}').trim_start();
    loop {
        let end = if s.starts_with("<?") {
            s.find("?>").map(|i| i + 2)
        } else if s.starts_with("<!--") {
            s.find("-->").map(|i| i + 3)
        } else if s.starts_with("<!") {
            s.find('>').map(|i| i + 1)
        } else {
            None
        };
        match end {
            Some(i) => s = s[i..].trim_start(),
            None => return s.trim_end(),
        }
    }
}

/// The page's header: title, description, counts and the table of contents.
fn header(r: &Report) -> Markup {
    let s = &r.summary;
    let counts = [
        (s.articles, "articles"),
        (s.sources, "sources"),
        (s.claims, "claims"),
        (s.relations, "relations"),
        (s.contradictions, "contradictions"),
        (s.propositions, "propositions"),
        (s.single_origin, "single-origin propositions"),
        (s.disputes, "disputes"),
    ];
    let sections = [
        ("#disputes", "Disputes"),
        ("#graph", "Graph"),
        ("#propositions", "Propositions"),
        ("#claims", "Claims"),
        ("#relations", "Relations"),
        ("#quote-drift", "Quote drift"),
        ("#timeline", "Timeline"),
        ("#articles", "Articles"),
        ("#sources", "Sources"),
        ("#unresolved", "Unresolved speakers"),
    ];
    html! {
        header {
            "\n" h1 { (r.story.title) } "\n"
            @if let Some(d) = &r.story.description { p.description { (d) } "\n" }
            ul.counts id="summary" {
                "\n"
                @for (n, what) in counts { li { strong { (n) } " " (what) } "\n" }
            }
            "\n"
            nav {
                ul {
                    @for (href, name) in sections { li { a href=(href) { (name) } } }
                    @if !r.diagnostics.is_empty() {
                        li { a href="#problems" { "Load problems" } }
                    }
                }
            }
            "\n"
        }
        "\n"
    }
}

/// A section with a table of one row per item; when there are none, the paragraph `none`
/// instead, if given.
fn table_section<T>(
    id: &str,
    title: &str,
    head: &[&str],
    items: &[T],
    none: Option<&str>,
    each: impl Fn(&T) -> Markup,
) -> Markup {
    html! {
        section id=(id) {
            "\n" h2 { (title) } "\n"
            @if let (true, Some(none)) = (items.is_empty(), none) {
                p { (none) } "\n"
            } @else {
                table {
                    "\n"
                    thead { tr { @for h in head { th { (h) } } } } "\n"
                    tbody {
                        "\n"
                        @for item in items { (each(item)) "\n" }
                    }
                    "\n"
                }
                "\n"
            }
        }
        "\n"
    }
}

fn articles(r: &Report) -> Markup {
    let head = ["id", "title", "outlet", "published", "byline", "claims"];
    table_section("articles", "Articles", &head, &r.articles, None, |a| {
        let title = a.title.as_deref().unwrap_or("(no title)");
        html! {
            tr {
                td { code { (a.id) } }
                td {
                    @match &a.url {
                        Some(u) if super::is_web_address(u) => { a href=(u) { (title) } }
                        Some(u) => { (title) br; span.muted { (u) } }
                        None => { (title) }
                    }
                }
                td { (a.outlet.as_deref().unwrap_or("unknown")) }
                td.date { (a.published.as_deref().unwrap_or("unknown")) }
                td { (a.byline.as_deref().unwrap_or("")) }
                td.num { (a.claims) }
            }
        }
    })
}

fn sources(r: &Report) -> Markup {
    let head = [
        "source",
        "id",
        "kind",
        "affiliation",
        "reliability",
        "claims",
        "reported via",
    ];
    table_section("sources", "Sources", &head, &r.sources, None, |s| {
        html! {
            tr {
                td { (s.name) }
                td { code { (s.id) } }
                td { (s.kind.label()) }
                td { (s.affiliation.as_deref().unwrap_or("")) }
                td {
                    @match s.reliability {
                        Some(l) => { (l.letter()) }
                        None => { "unknown" }
                    }
                }
                td.num {
                    (s.claims)
                    @if s.passed_on > 0 { " (passed on " (s.passed_on) ")" }
                }
                td { (s.reported_via.join(", ")) }
            }
        }
    })
}

/// Who a proposition comes from, for its heading: its origins, or "origin unknown".
fn who(p: &PropositionInfo) -> String {
    if p.origins.is_empty() {
        "Origin unknown".into()
    } else {
        p.origins.join(", ")
    }
}

fn proposition(p: &PropositionInfo, claims: &HashMap<&str, &ClaimInfo>) -> Markup {
    let contested = !p.contradicted_by.is_empty();
    html! {
        article.proposition.contested[contested] id=(anchor("prop-", &p.id)) {
            "\n"
            h3 { span.who { (who(p)) ":" } " " (p.statement) } "\n"
            p.grade {
                span.badge { (p.grade) } " " (p.credibility_label)
                " · confidence " strong { (format!("{:.2}", p.confidence)) }
            }
            "\n"
            dl {
                "\n"
                (row("origins", html! {
                    (p.origins.join(", ")) " (" (p.independent_origins) " independent)"
                }))
                @if contested {
                    (row("contradicted by", html! { strong { (p.contradicted_by.join(", ")) } }))
                }
                (row("claims", claim_links(&p.claims)))
            }
            "\n"
            details.members {
                summary { "the " (p.claims.len()) " claim" @if p.claims.len() != 1 { "s" } ", in their words" }
                ul {
                    @for id in &p.claims {
                        @if let Some(c) = claims.get(id.as_str()) {
                            li { (said(c)) " " (claim_link(id)) } "\n"
                        }
                    }
                }
            }
            "\n"
            @if !p.reasons.is_empty() {
                ul.reasons {
                    "\n"
                    @for reason in &p.reasons { li { (reason) } "\n" }
                }
                "\n"
            }
        }
        "\n"
    }
}

fn propositions(r: &Report) -> Markup {
    let mut props: Vec<&PropositionInfo> = r.propositions.iter().collect();
    props.sort_by(|a, b| b.confidence.total_cmp(&a.confidence));
    let claims = by_id(r);
    html! {
        section id="propositions" {
            "\n" h2 { "Propositions" } "\n"
            p.muted {
                "Most confident first. Credibility on the Admiralty scale (1 confirmed … 5 \
                 improbable, 6 cannot be judged)."
            }
            "\n"
            @for p in props { (proposition(p, &claims)) }
        }
        "\n"
    }
}

fn timeline(r: &Report) -> Markup {
    let head = ["when", "what", "article", "claim"];
    let none = Some("No dates.");
    table_section("timeline", "Timeline", &head, &r.timeline, none, |t| {
        html! {
            tr {
                td.date { (t.when()) }
                td {
                    @match &t.content {
                        Some(c) if t.what != TimelineKind::Published => { "“" (t.text) "”: " (c) }
                        _ => { (t.what.label()) ": " (t.text) }
                    }
                }
                td { (t.article) }
                td { @if let Some(c) = &t.claim { (claim_link(c)) } }
            }
        }
    })
}

/// Above this many claims the full claim graph starts folded away under the map.
const OPEN_GRAPH_CLAIMS: usize = 30;

/// The Graph section: the map of propositions ([`groups`]), then the full graph of claims
/// and sources, folded away on a large story.
fn graph(r: &Report, svg: &str) -> Markup {
    let (map, left_out) = groups::map(r);
    html! {
        section id="graph" {
            "\n" h2 { "Graph" } "\n"
            @if !map.is_empty() {
                p.muted {
                    "Each box is a proposition, with who says it, its grade and its claims; \
                     the arcs sum the relations between their claims ("
                    span.k-contradicts { "contradicts" } ", " span.k-agrees { "agrees" } ", "
                    span.k-quote-variant { "quote variant" } ", " span.k-elaborates { "elaborates" }
                    "). Select a box for its claims."
                    @if left_out > 0 {
                        " " (left_out) " proposition" @if left_out != 1 { "s" }
                        " of one claim with no relation to another are listed below only."
                    }
                }
                "\n"
                figure.graph.map { "\n" (PreEscaped(map)) "\n" } "\n"
            }
            @if svg.is_empty() {
                p { "No graph." } "\n"
            } @else {
                details.full open[r.claims.len() <= OPEN_GRAPH_CLAIMS] {
                    summary { "Every claim and source (" (r.claims.len()) " claims)" }
                    figure.graph { "\n" (PreEscaped(svg)) "\n" } "\n"
                }
                "\n"
            }
        }
        "\n"
    }
}

fn unresolved(r: &Report) -> Markup {
    html! {
        section id="unresolved" {
            "\n" h2 { "Unresolved speakers" } "\n"
            @if r.unresolved.is_empty() {
                p { "None." } "\n"
            } @else {
                ul {
                    "\n"
                    @for u in &r.unresolved {
                        li {
                            "“" (u.mention) "” in " (claim_link(&u.claim))
                            " (paragraph " (u.paragraph) ")"
                        }
                        "\n"
                    }
                }
                "\n"
            }
        }
        "\n"
    }
}

fn problems(r: &Report) -> Markup {
    html! {
        @if !r.diagnostics.is_empty() {
            section id="problems" {
                "\n" h2 { "Load problems" } "\n"
                ul {
                    "\n"
                    @for d in &r.diagnostics { li { (d) } "\n" }
                }
                "\n"
            }
            "\n"
        }
    }
}

/// The HTML page of a report with its graph drawn by [`super::svg::render`]: what
/// `claimgraph report --format html` writes.
pub fn page(r: &Report) -> String {
    render(r, &super::svg::render(r))
}

/// Renders a report as one self-contained HTML5 page.
///
/// `graph_svg` is an SVG document, embedded as it is in the Graph section (an XML
/// declaration, doctype or comments before the `<svg>` element are dropped); its producer is
/// trusted to have escaped its own text. Its elements that carry `data-source` or
/// `data-stance` attributes are dimmed by the claim filter when they do not match. An empty
/// string leaves the section saying there is no graph.
pub fn render(r: &Report, graph_svg: &str) -> String {
    let page = html! {
        (DOCTYPE) "\n"
        html lang="en" {
            "\n"
            head {
                "\n"
                meta charset="utf-8"; "\n"
                meta http-equiv="Content-Security-Policy" content=(csp()); "\n"
                meta name="viewport" content="width=device-width, initial-scale=1"; "\n"
                meta name="generator" content={ "claimgraph " (env!("CARGO_PKG_VERSION")) }; "\n"
                title { (r.story.title) " — fact-check report" } "\n"
                style { (PreEscaped(CSS)) } "\n"
            }
            "\n"
            body {
                "\n"
                (header(r))
                main {
                    "\n"
                    // the summary leads (in the header), then what is disputed and the
                    // graph; the evidence and the story's files follow
                    (disputes::section(r))
                    (graph(r, inline_svg(graph_svg)))
                    (propositions(r))
                    (claims::section(r))
                    (relations(r))
                    (quote_drift(r))
                    (timeline(r))
                    (articles(r))
                    (sources(r))
                    (unresolved(r))
                    (problems(r))
                }
                "\n"
                footer { "schema " (r.schema) } "\n"
                script { (PreEscaped(JS)) } "\n"
            }
            "\n"
        }
        "\n"
    };
    // no text of the report may hide or reorder what the reader sees; the page's own
    // markup has none of these characters
    crate::text::visible(&page.into_string()).into_owned()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn escapes_markup_and_quotes() {
        assert_eq!(
            escape(r#"<a href="x">Tom & Jerry's</a>"#),
            "&lt;a href=&quot;x&quot;&gt;Tom &amp; Jerry's&lt;/a&gt;"
        );
        assert_eq!(escape("Zürich — “fine”"), "Zürich — “fine”");
    }

    #[test]
    fn anchors_are_safe_and_distinct() {
        assert_eq!(anchor("claim-", "a_1#ff"), "claim-a_1.23ff");
        assert_ne!(anchor("c-", "a.23"), anchor("c-", "a#"));
        assert_eq!(anchor("c-", "\"<é"), "c-.22.3C.C3.A9");
    }

    #[test]
    fn claim_links_break_after_each_hash() {
        assert_eq!(
            claim_link("a<1>#ff#2").into_string(),
            "<a class=\"cid\" href=\"#claim-a.3C1.3E.23ff.232\"><code>a&lt;1&gt;#<wbr>ff#<wbr>2</code></a>"
        );
    }

    #[test]
    fn svg_prolog_is_dropped() {
        let svg = "\u{feff}<?xml version=\"1.0\"?>\n<!DOCTYPE svg PUBLIC \"-//W3C//DTD SVG 1.1//EN\"\n \"x.dtd\">\n<!-- made by a tool -->\n<svg><g/></svg>\n";
        assert_eq!(inline_svg(svg), "<svg><g/></svg>");
        assert_eq!(inline_svg("<svg/>"), "<svg/>");
        assert_eq!(inline_svg("  "), "");
        // an unterminated declaration is left as it is rather than lost
        assert_eq!(inline_svg("<?xml <svg/>"), "<?xml <svg/>");
    }
}
