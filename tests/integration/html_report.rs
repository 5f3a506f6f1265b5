//! The HTML report: every claim shown, report text escaped, nothing loaded from anywhere.

use claimgraph::report::html;
use claimgraph::Report;

const HOSTILE: &str = "<script>alert(1)</script> \"Tom & Jerry's\" <img src=x onerror=alert(2)>";

use crate::common::default_report;

/// A small SVG like the graph's: one element per claim with its source and stance.
fn placeholder_svg(r: &Report) -> String {
    let mut s = String::from(
        "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<svg xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 100 10\">",
    );
    for (i, c) in r.claims.iter().enumerate() {
        s.push_str(&format!(
            "<g class=\"claim\" data-source=\"{}\" data-stance=\"{}\"><circle cx=\"{}\" cy=\"5\" r=\"2\"/></g>",
            html::escape(c.speaker.source.as_str()),
            html::escape(c.stance.label()),
            2 + i * 2
        ));
    }
    s.push_str("</svg>\n");
    s
}

/// The default story's report with hostile text in every kind of field the page shows.
fn hostile_report() -> Report {
    let mut r = default_report();
    r.story.title = format!("Title {HOSTILE}");
    r.story.description = Some(format!("Description {HOSTILE}"));
    r.articles[0].title = Some(format!("Headline {HOSTILE}"));
    r.articles[0].outlet = Some(format!("The Invented Gazette {HOSTILE}"));
    r.articles[0].url = Some("javascript:alert(3)".into());
    r.articles[1].url = Some("https://gazette.example/story?a=1&b=\"2\"".into());
    r.articles[1].byline = Some(format!("By Ada Quill {HOSTILE}"));
    r.sources[0].name = format!("Source {HOSTILE}");
    r.sources[0].affiliation = Some(HOSTILE.into());
    r.sources[0].reported_via = vec![HOSTILE.into()];
    let c = &mut r.claims[0];
    c.evidence.text = format!("Evidence {HOSTILE}");
    c.content[0].text = format!("Content {HOSTILE}");
    c.speaker.mention = HOSTILE.into();
    c.speaker.name = HOSTILE.into();
    c.speaker.rule = None;
    c.speaker.source = "weird\"source' <id> & co".into();
    c.hedges = vec![HOSTILE.into()];
    c.cue = Some(HOSTILE.into());
    c.attribution_reasons = vec![HOSTILE.into()];
    c.via = vec![HOSTILE.into(), "Invented Wire".into()];
    r.relations[0].reasons = vec![HOSTILE.into()];
    r.propositions[0].statement = format!("Statement {HOSTILE}");
    r.propositions[0].reasons = vec![HOSTILE.into()];
    r.propositions[0].contradicted_by = vec![HOSTILE.into()];
    r.propositions[0].origins = vec![HOSTILE.into()];
    r.diagnostics = vec![format!("articles/x.txt: {HOSTILE}")];
    r
}

#[test]
fn hostile_text_is_escaped() {
    let r = hostile_report();
    let page = html::render(&r, &placeholder_svg(&default_report()));
    assert!(!page.contains("<script>alert"), "unescaped script");
    assert!(!page.contains("<img"), "unescaped element");
    assert!(!page.contains("Tom & Jerry"), "unescaped ampersand");
    assert!(!page.contains("\"Tom"), "unescaped double quote");
    // apostrophes stay: every attribute value is double-quoted (the one `='` is the end of
    // the script hash's base64 in the Content-Security-Policy)
    assert_eq!(page.matches("='").count(), 1, "single-quoted attribute");
    assert!(page.contains("&lt;script&gt;alert(1)&lt;/script&gt; &quot;Tom &amp; Jerry's&quot;"));
    // the only script is the page's own
    assert_eq!(page.matches("<script").count(), 1);
    assert_eq!(page.matches("</script>").count(), 1);
    // attributes and options carry the escaped values
    assert!(page.contains("data-source=\"weird&quot;source' &lt;id&gt; &amp; co\""));
    assert!(page.contains("<option value=\"weird&quot;source' &lt;id&gt; &amp; co\">"));
    // a javascript: address is shown as text, never linked; a web address is linked, escaped
    assert!(!page.contains("href=\"javascript"));
    assert!(page.contains("javascript:alert(3)"));
    assert!(page.contains("<a href=\"https://gazette.example/story?a=1&amp;b=&quot;2&quot;\">"));
    // the hostile texts appear in every section that shows them
    for shown in [
        "Title &lt;script&gt;",
        "Description &lt;script&gt;",
        "Headline &lt;script&gt;",
        "Source &lt;script&gt;",
        "Evidence &lt;script&gt;",
        "Content &lt;script&gt;",
        "Statement &lt;script&gt;",
        "articles/x.txt: &lt;script&gt;",
    ] {
        assert!(page.contains(shown), "{shown} missing");
    }
}

#[test]
fn every_claim_and_proposition_appears() {
    let r = default_report();
    let page = html::render(&r, &placeholder_svg(&r));
    let doc = dom_query::Document::from(page.as_str());
    for c in &r.claims {
        assert!(
            page.contains(&format!("data-claim=\"{}\"", html::escape(&c.id))),
            "claim {} missing",
            c.id
        );
        // the sentence as it stands, what was said marked in it
        let claim = doc.select(&format!("[data-claim=\"{}\"]", c.id));
        assert_eq!(claim.length(), 1, "{}", c.id);
        assert_eq!(
            claim.select("blockquote.evidence").text().to_string(),
            c.evidence.text
        );
        let marked: Vec<String> = claim
            .select("blockquote.evidence mark")
            .nodes()
            .iter()
            .map(|m| m.text().to_string())
            .collect();
        let said: Vec<&str> = c.content.iter().map(|e| e.text.as_str()).collect();
        assert_eq!(marked, said, "{}", c.id);
    }
    assert_eq!(
        page.matches("<article class=\"claim\"").count(),
        r.claims.len()
    );
    for p in &r.propositions {
        assert!(
            page.contains(&html::escape(&p.statement)),
            "{}",
            p.statement
        );
    }
    assert_eq!(
        page.matches("<tr class=\"relation contradicts\"").count(),
        r.summary.contradictions
    );
    assert!(page.contains(&format!("showing {0} of {0} claims", r.claims.len())));
    // the graph is inline, without its XML declaration
    assert!(page.contains("<svg xmlns=\"http://www.w3.org/2000/svg\""));
    assert!(!page.contains("<?xml"));
    // propositions most confident first
    let at = |p: &claimgraph::report::PropositionInfo| {
        page.find(&format!("</span> {}</h3>", html::escape(&p.statement)))
            .unwrap()
    };
    let mut by_confidence = r.propositions.clone();
    by_confidence.sort_by(|a, b| b.confidence.total_cmp(&a.confidence));
    let places: Vec<usize> = by_confidence.iter().map(at).collect();
    assert!(places.windows(2).all(|w| w[0] < w[1]));
}

#[test]
fn the_page_leads_with_the_summary_and_the_graph_and_says_who() {
    let r = default_report();
    let page = html::page(&r);
    let doc = dom_query::Document::from(page.as_str());
    // the summary, then the graph, then the rest
    let at = |id: &str| page.find(&format!("<section id=\"{id}\"")).unwrap();
    assert!(page.find("id=\"summary\"").unwrap() < at("graph"));
    for later in ["propositions", "claims", "relations", "articles", "sources"] {
        assert!(at("graph") < at(later), "{later}");
    }
    // the map: a box per proposition with more than one claim or a relation, linked to
    // its card; with 39 claims the full graph is folded away
    let boxes = doc.select("#graph svg.groups a.group");
    assert!(boxes.length() > 0);
    assert!(boxes.length() < r.propositions.len());
    for b in boxes.nodes() {
        let href = b.attr("href").unwrap().to_string();
        let id = href.trim_start_matches('#');
        assert_eq!(doc.select(&format!("[id=\"{id}\"]")).length(), 1, "{href}");
    }
    assert_eq!(
        doc.select("#graph svg.groups path.arc.contradicts")
            .length()
            > 0,
        r.summary.contradictions > 0
    );
    assert!(r.claims.len() > 30);
    assert_eq!(doc.select("#graph details.full[open]").length(), 0);
    // headings say who
    let cards = doc.select("article.proposition");
    assert_eq!(cards.length(), r.propositions.len());
    for card in cards.iter() {
        let h3 = card.select("h3").text().to_string();
        let p = r
            .propositions
            .iter()
            .find(|p| h3.ends_with(&p.statement))
            .unwrap();
        let who = card.select("h3 .who").text().to_string();
        assert_eq!(who, format!("{}:", p.origins.join(", ")), "{h3}");
        // the claims, in their words, can be unfolded
        assert_eq!(card.select("details.members li").length(), p.claims.len());
    }
    // relations: both claims' words and speakers
    let rows = doc.select("#relations tbody tr");
    assert_eq!(rows.length(), r.relations.len());
    for (row, rel) in rows.nodes().iter().zip(&r.relations) {
        let text = row.text().to_string();
        for id in [&rel.a, &rel.b] {
            let c = r.claims.iter().find(|c| &c.id == id).unwrap();
            assert!(text.contains(&c.content_text()), "{text}");
            assert!(text.contains(&c.speaker.name) || text.contains(&c.speaker.mention));
        }
    }
    // quote drift: both tellings and who said them
    let drift: Vec<_> = r
        .relations
        .iter()
        .filter(|x| x.kind == claimgraph::report::RelationKind::QuoteVariant)
        .collect();
    let items = doc.select("#quote-drift li.drift");
    assert_eq!(items.length(), drift.len());
    for (li, rel) in items.iter().zip(drift) {
        assert_eq!(li.select("p.telling").length(), 2);
        let text = li.text().to_string();
        for id in [&rel.a, &rel.b] {
            let c = r.claims.iter().find(|c| &c.id == id).unwrap();
            assert!(text.contains(&c.content_text()) && text.contains(&c.speaker.name));
        }
    }
    // dates do not wrap
    assert!(page.contains("td.date, .date { white-space: nowrap;"));
    assert!(doc.select("#articles td.date").length() == r.articles.len());
}

#[test]
fn the_page_loads_nothing() {
    let r = hostile_report();
    let mut svg = placeholder_svg(&r);
    svg = svg.replace(
        "<?xml version=\"1.0\" encoding=\"UTF-8\"?>",
        "<?xml version=\"1.0\"?>\n<!DOCTYPE svg PUBLIC \"-//W3C//DTD SVG 1.1//EN\" \"http://www.w3.org/Graphics/SVG/1.1/DTD/svg11.dtd\">\n<!-- a comment -->",
    );
    let page = html::render(&r, &svg);
    assert!(!page.contains("svg11.dtd"), "the SVG doctype stays out");
    assert!(page.contains("http-equiv=\"Content-Security-Policy\" content=\"default-src 'none';"));
    let doc = dom_query::Document::from(page.as_str());
    for tag in [
        "link", "iframe", "frame", "object", "embed", "img", "image", "use", "audio", "video",
        "source", "track", "base", "form", "feImage",
    ] {
        assert_eq!(doc.select(tag).length(), 0, "a {tag} element");
    }
    for el in doc.select("*").nodes() {
        let tag = el.node_name().unwrap_or_default().to_string();
        for a in el.attrs() {
            let name = a.name.local.to_string();
            let value = a.value.to_string();
            let allowed = (tag == "a" && name == "href")
                || (tag == "svg" && name == "xmlns" && value == "http://www.w3.org/2000/svg")
                || (tag == "meta" && name == "content");
            assert!(
                ![
                    "src",
                    "srcset",
                    "href",
                    "data",
                    "poster",
                    "action",
                    "background"
                ]
                .contains(&name.as_str())
                    || allowed,
                "<{tag} {name}=\"{value}\">"
            );
            assert!(
                !value.contains("://") || allowed,
                "an address in <{tag} {name}=\"{value}\">"
            );
            assert!(
                !value.to_ascii_lowercase().contains("url("),
                "url( in <{tag} {name}>"
            );
        }
    }
    for style in doc.select("style").nodes() {
        let css = style.text().to_ascii_lowercase();
        assert!(!css.contains("url(") && !css.contains("@import") && !css.contains("://"));
    }
    let script = doc.select("script").text().to_string();
    assert!(
        !script.contains("://") && !script.contains("fetch(") && !script.contains("XMLHttpRequest")
    );
    // every link leads to a place in the page or to an article's web address
    let addresses: Vec<&str> = r.articles.iter().filter_map(|a| a.url.as_deref()).collect();
    for a in doc.select("a[href]").nodes() {
        let href = a.attr("href").unwrap().to_string();
        assert!(
            href.starts_with('#') || addresses.contains(&href.as_str()),
            "link to {href}"
        );
    }
}

#[test]
fn filter_offers_the_sources_and_stances_present() {
    let r = default_report();
    let page = html::render(&r, "");
    let mut sources: Vec<&str> = r.claims.iter().map(|c| c.speaker.source.as_str()).collect();
    sources.sort();
    sources.dedup();
    for s in &sources {
        assert!(
            page.contains(&format!("<option value=\"{}\">", html::escape(s))),
            "{s}"
        );
    }
    let mut stances: Vec<&str> = r.claims.iter().map(|c| c.stance.label()).collect();
    stances.sort();
    stances.dedup();
    let options = page.matches("<option value=").count();
    // two "all" options, then one per source and per stance
    assert_eq!(options, 2 + sources.len() + stances.len());
    // without a script the filter bar stays hidden and everything is shown
    assert!(page.contains("<div id=\"filters\" role=\"search\" hidden>"));
    assert!(!page.contains("<article class=\"claim\" hidden"));
    assert!(page.contains("<p>No graph.</p>"));
}
