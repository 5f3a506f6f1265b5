//! The HTML fact-check report: one self-contained page with the Markdown report's content,
//! the claim graph inline, and a filter of claims by source and stance.
//!
//! The page loads nothing: its style and script are inline, and a Content-Security-Policy
//! forbids any fetch. Links to the articles' addresses stay plain links. Without a script
//! everything is shown; with one, a filter bar hides the claims of other sources or stances
//! and dims the graph's elements that carry other `data-source` / `data-stance` values. The
//! filter can also be set from the address's fragment, `#source=ID&stance=LABEL` (each value
//! percent-encoded, either part optional).

use super::{ClaimInfo, PropositionInfo, Report};
use std::collections::BTreeMap;
use std::fmt::Write;

/// Escapes text for HTML element content and quoted attribute values (`& < > " '`).
pub fn escape(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for c in s.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&#39;"),
            _ => out.push(c),
        }
    }
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
fn claim_link(id: &str) -> String {
    format!(
        "<a class=\"cid\" href=\"#{}\"><code>{}</code></a>",
        claim_anchor(id),
        escape(id).replace('#', "#<wbr>")
    )
}

/// An address is linked only when it is a web address; anything else (a `javascript:` URL
/// say) is shown as text.
fn is_web_address(url: &str) -> bool {
    let lower = url.trim_start().to_ascii_lowercase();
    lower.starts_with("http://") || lower.starts_with("https://")
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

/// The sentence with what was said marked; spans that do not fit the sentence (outside it,
/// overlapping an earlier one, or not covering the text they claim to) are left unmarked.
fn evidence_html(c: &ClaimInfo) -> String {
    let ev = &c.evidence;
    let consistent = ev.end >= ev.start && ev.end - ev.start == ev.text.len();
    let mut spans: Vec<(usize, usize)> = if consistent {
        c.content
            .iter()
            .filter(|e| e.start >= ev.start && e.end <= ev.end && e.start < e.end)
            .map(|e| (e.start - ev.start, e.end - ev.start, e.text.as_str()))
            .filter(|&(s, e, said)| ev.text.get(s..e) == Some(said))
            .map(|(s, e, _)| (s, e))
            .collect()
    } else {
        Vec::new()
    };
    spans.sort_unstable();
    let mut out = String::new();
    let mut at = 0;
    for (s, e) in spans {
        if s < at {
            continue;
        }
        if let (Some(before), Some(said)) = (ev.text.get(at..s), ev.text.get(s..e)) {
            out.push_str(&escape(before));
            let _ = write!(out, "<mark>{}</mark>", escape(said));
            at = e;
        }
    }
    out.push_str(&escape(ev.text.get(at..).unwrap_or("")));
    out
}

fn speaker_html(c: &ClaimInfo) -> String {
    let sp = &c.speaker;
    let mut out = format!("<strong>{}</strong>", escape(&sp.name));
    if sp.rule.is_none() && !sp.source.starts_with("article:") {
        return format!(
            "<strong class=\"unresolved\">unresolved:</strong> “{}”",
            escape(&sp.mention)
        );
    }
    match &sp.antecedent {
        Some(a) => {
            let _ = write!(out, " (“{}” → “{}”)", escape(&sp.mention), escape(a));
        }
        None if sp.mention != sp.name && sp.rule.is_some() => {
            let _ = write!(out, " (“{}”)", escape(&sp.mention));
        }
        None => {}
    }
    if let Some(p) = &sp.person {
        let _ = write!(out, ", speaking: {}", escape(p));
    }
    if let Some(rule) = &sp.rule {
        let _ = write!(out, " <span class=\"muted\">[{}]</span>", escape(rule));
    }
    out
}

fn row(out: &mut String, label: &str, value_html: &str) {
    let _ = writeln!(out, "<dt>{label}</dt><dd>{value_html}</dd>");
}

fn claim_html(out: &mut String, c: &ClaimInfo) {
    let _ = writeln!(
        out,
        "<article class=\"claim\" id=\"{}\" data-claim=\"{}\" data-source=\"{}\" data-stance=\"{}\">",
        claim_anchor(&c.id),
        escape(&c.id),
        escape(&c.speaker.source),
        escape(&c.stance)
    );
    let _ = writeln!(
        out,
        "<h4><code>{}</code> {} <span class=\"stance\">{}</span></h4>",
        escape(&c.id),
        speaker_html(c),
        escape(&c.stance)
    );
    let said = c.content_text();
    let _ = writeln!(out, "<p class=\"said\">{}</p>", escape(&said));
    out.push_str("<dl>\n");
    let how = match &c.cue {
        Some(q) => format!("{}, cue “{}”", escape(&c.kind), escape(q)),
        None => format!("{}, no cue", escape(&c.kind)),
    };
    row(out, "given as", &how);
    if !c.quotes.is_empty() {
        let words: Vec<&str> = c.quotes.iter().map(|q| q.text.as_str()).collect();
        row(out, "quoted words", &escape(&words.join(", ")));
    }
    row(out, "chain", &escape(&c.via.join(" → ")));
    if !c.hedges.is_empty() {
        row(out, "hedged", &escape(&c.hedges.join(", ")));
    }
    for t in &c.times {
        let when = match (&t.start, &t.end) {
            (Some(s), Some(e)) if s == e => escape(s),
            (Some(s), Some(e)) => format!("{} to {}", escape(s), escape(e)),
            _ => format!("unresolved: {}", escape(t.anchor_reason())),
        };
        row(out, "time", &format!("“{}” ({when})", escape(&t.text)));
    }
    row(
        out,
        "attribution",
        &format!(
            "confidence {:.2}: {}",
            c.attribution_confidence,
            escape(&c.attribution_reasons.join("; "))
        ),
    );
    if !c.proposition.is_empty() {
        row(
            out,
            "proposition",
            &format!(
                "<a href=\"#{}\"><code>{}</code></a>",
                anchor("prop-", &c.proposition),
                escape(&c.proposition)
            ),
        );
    }
    row(
        out,
        "place",
        &format!(
            "article <code>{}</code>, paragraph {}, bytes {}..{}",
            escape(&c.article),
            c.paragraph,
            c.evidence.start,
            c.evidence.end
        ),
    );
    out.push_str("</dl>\n");
    let _ = writeln!(
        out,
        "<blockquote class=\"evidence\">{}</blockquote>",
        evidence_html(c)
    );
    out.push_str("</article>\n");
}

fn proposition_html(out: &mut String, p: &PropositionInfo) {
    let contested = !p.contradicted_by.is_empty();
    let _ = writeln!(
        out,
        "<article class=\"proposition{}\" id=\"{}\">",
        if contested { " contested" } else { "" },
        anchor("prop-", &p.id)
    );
    let _ = writeln!(out, "<h3>{}</h3>", escape(&p.statement));
    let _ = writeln!(
        out,
        "<p class=\"grade\"><span class=\"badge\">{}</span> {} · confidence <strong>{:.2}</strong></p>",
        escape(&p.grade),
        escape(&p.credibility_label),
        p.confidence
    );
    out.push_str("<dl>\n");
    row(
        out,
        "origins",
        &format!(
            "{} ({} independent)",
            escape(&p.origins.join(", ")),
            p.independent_origins
        ),
    );
    if contested {
        row(
            out,
            "contradicted by",
            &format!("<strong>{}</strong>", escape(&p.contradicted_by.join(", "))),
        );
    }
    let claims: Vec<String> = p.claims.iter().map(|c| claim_link(c)).collect();
    row(out, "claims", &claims.join(", "));
    out.push_str("</dl>\n");
    if !p.reasons.is_empty() {
        out.push_str("<ul class=\"reasons\">\n");
        for reason in &p.reasons {
            let _ = writeln!(out, "<li>{}</li>", escape(reason));
        }
        out.push_str("</ul>\n");
    }
    out.push_str("</article>\n");
}

/// The sources that speak in claims, for the filter: (id, label, claims), sources in the
/// report's order first, then the others (articles' own voices) in story order.
fn filter_sources(r: &Report) -> Vec<(String, String, usize)> {
    let mut counts: BTreeMap<&str, usize> = BTreeMap::new();
    for c in &r.claims {
        *counts.entry(c.speaker.source.as_str()).or_default() += 1;
    }
    let mut out: Vec<(String, String, usize)> = Vec::new();
    for s in &r.sources {
        if let Some(&n) = counts.get(s.id.as_str()) {
            if !out.iter().any(|(id, _, _)| *id == s.id) {
                out.push((s.id.clone(), s.name.clone(), n));
            }
        }
    }
    for c in &r.claims {
        let id = &c.speaker.source;
        if out.iter().any(|(known, _, _)| known == id) {
            continue;
        }
        let label = match id.strip_prefix("article:") {
            Some(a) => format!("{} ({a})", c.speaker.name),
            None => c.speaker.name.clone(),
        };
        out.push((id.clone(), label, counts[id.as_str()]));
    }
    out
}

/// The distinct stances of the claims, alphabetical, with their counts.
fn filter_stances(r: &Report) -> BTreeMap<&str, usize> {
    let mut out = BTreeMap::new();
    for c in &r.claims {
        *out.entry(c.stance.as_str()).or_default() += 1;
    }
    out
}

const CSS: &str = r#"
:root { --fg: #1d1d1f; --muted: #5f6368; --line: #d0d4d9; --bg: #fff; --soft: #f5f6f8;
  --warn: #b3261e; --warn-bg: #fdecea; --mark: #fff3b0; }
* { box-sizing: border-box; }
[hidden] { display: none !important; }
body { margin: 0 auto; max-width: 64rem; padding: 1.5rem; color: var(--fg); background: var(--bg);
  font: 15px/1.5 system-ui, -apple-system, "Segoe UI", Roboto, "Helvetica Neue", Arial, sans-serif; }
h1 { font-size: 1.7rem; line-height: 1.25; margin: 0 0 .5rem; }
h2 { font-size: 1.3rem; border-bottom: 2px solid var(--line); padding-bottom: .2rem; margin-top: 2.2rem; }
h3 { font-size: 1.05rem; margin: .2rem 0 .4rem; }
h4 { font-size: 1rem; font-weight: normal; margin: 0 0 .3rem; }
code { font: .85em ui-monospace, SFMono-Regular, Menlo, Consolas, monospace; overflow-wrap: anywhere; }
a { color: #0b57d0; }
a.cid { text-decoration: none; }
a.cid code { overflow-wrap: normal; word-break: keep-all; }
.muted, .description { color: var(--muted); }
nav ul { list-style: none; padding: 0; display: flex; flex-wrap: wrap; gap: .3rem 1rem; }
.counts { display: flex; flex-wrap: wrap; gap: .5rem; padding: 0; list-style: none; }
.counts li { background: var(--soft); border: 1px solid var(--line); border-radius: 6px; padding: .3rem .7rem; }
.counts strong { font-size: 1.15rem; }
table { border-collapse: collapse; width: 100%; font-size: .92rem; }
th, td { border-bottom: 1px solid var(--line); padding: .3rem .5rem; text-align: left; vertical-align: top; }
th { background: var(--soft); }
td.num { text-align: right; font-variant-numeric: tabular-nums; }
dl { display: grid; grid-template-columns: max-content 1fr; gap: .1rem .8rem; margin: .4rem 0; font-size: .92rem; }
dt { color: var(--muted); }
dd { margin: 0; }
.proposition, .claim { border: 1px solid var(--line); border-left: 4px solid var(--line); border-radius: 4px;
  padding: .6rem .9rem; margin: .7rem 0; break-inside: avoid; page-break-inside: avoid; }
.proposition.contested, tr.contradicts td:first-child { border-left-color: var(--warn); }
tr.contradicts { background: var(--warn-bg); }
tr.contradicts .kind, .contested .grade + dl strong { color: var(--warn); }
.badge { display: inline-block; min-width: 2.2em; text-align: center; font-weight: bold;
  border: 1px solid var(--fg); border-radius: 4px; padding: 0 .3rem; }
.reasons { margin: .2rem 0 0; padding-left: 1.2rem; font-size: .9rem; color: var(--muted); }
.stance { float: right; font-size: .85rem; background: var(--soft); border: 1px solid var(--line);
  border-radius: 999px; padding: 0 .6rem; }
.said { margin: .2rem 0; font-style: italic; }
.unresolved { color: var(--warn); }
blockquote.evidence { margin: .4rem 0 0; padding: .3rem .8rem; border-left: 3px solid var(--line);
  background: var(--soft); font-size: .92rem; }
mark { background: var(--mark); color: inherit; }
#filters { position: sticky; top: 0; z-index: 1; background: var(--bg); border-bottom: 1px solid var(--line);
  padding: .5rem 0; display: flex; flex-wrap: wrap; gap: .5rem 1.2rem; align-items: center; }
#filters select { font: inherit; max-width: 22rem; }
#claim-count { color: var(--muted); }
figure.graph { margin: 0; overflow: auto; border: 1px solid var(--line); border-radius: 4px; }
figure.graph svg { display: block; max-width: 100%; height: auto; }
#graph .dimmed { opacity: .15; }
footer { margin-top: 2.5rem; color: var(--muted); font-size: .85rem; }
@media print {
  body { max-width: none; padding: 0; font-size: 10.5pt; }
  nav, #filters select, #filters label { display: none; }
  #filters { position: static; border: 0; padding: 0; }
  a { color: inherit; text-decoration: none; }
  h2 { break-after: avoid; page-break-after: avoid; }
  tr { break-inside: avoid; }
  tr.contradicts, mark, .proposition, th { -webkit-print-color-adjust: exact; print-color-adjust: exact; }
  figure.graph { overflow: visible; border: 0; }
}
"#;

const JS: &str = r##"
(function () {
  "use strict";
  var bar = document.getElementById("filters");
  var bySource = document.getElementById("filter-source");
  var byStance = document.getElementById("filter-stance");
  var count = document.getElementById("claim-count");
  if (!bar || !bySource || !byStance || !count) return;
  var claims = Array.prototype.slice.call(document.querySelectorAll("#claims .claim"));
  var groups = Array.prototype.slice.call(document.querySelectorAll("#claims .article-claims"));
  var marks = Array.prototype.slice.call(
    document.querySelectorAll("#graph [data-source], #graph [data-stance]"));
  function offers(select, value) {
    for (var i = 0; i < select.options.length; i++) {
      if (select.options[i].value === value) return true;
    }
    return false;
  }
  function apply() {
    var source = bySource.value, stance = byStance.value, shown = 0;
    claims.forEach(function (c) {
      var ok = (!source || c.getAttribute("data-source") === source) &&
        (!stance || c.getAttribute("data-stance") === stance);
      c.hidden = !ok;
      if (ok) shown++;
    });
    groups.forEach(function (g) {
      g.hidden = !g.querySelector(".claim:not([hidden])");
    });
    marks.forEach(function (m) {
      var s = m.getAttribute("data-source"), t = m.getAttribute("data-stance");
      var off = (source && s !== null && s !== source) || (stance && t !== null && t !== stance);
      if (off) m.classList.add("dimmed"); else m.classList.remove("dimmed");
    });
    count.textContent = "showing " + shown + " of " + claims.length + " claims";
  }
  // "#source=ID&stance=LABEL"; a fragment without "=" is an ordinary in-page link
  function fromFragment() {
    var h = location.hash.replace(/^#/, "");
    if (h.indexOf("=") < 0) return false;
    var want = { source: "", stance: "" };
    h.split("&").forEach(function (part) {
      var i = part.indexOf("=");
      if (i < 0) return;
      var key = part.slice(0, i), value;
      try { value = decodeURIComponent(part.slice(i + 1)); } catch (e) { return; }
      if (key === "source" || key === "stance") want[key] = value;
    });
    bySource.value = offers(bySource, want.source) ? want.source : "";
    byStance.value = offers(byStance, want.stance) ? want.stance : "";
    return true;
  }
  function toFragment() {
    var parts = [];
    if (bySource.value) parts.push("source=" + encodeURIComponent(bySource.value));
    if (byStance.value) parts.push("stance=" + encodeURIComponent(byStance.value));
    try {
      history.replaceState(null, "",
        parts.length ? "#" + parts.join("&") : location.pathname + location.search);
    } catch (e) { /* the filter works without it */ }
  }
  function changed() { apply(); toFragment(); }
  bySource.addEventListener("change", changed);
  byStance.addEventListener("change", changed);
  window.addEventListener("hashchange", function () { if (fromFragment()) apply(); });
  bar.hidden = false;
  fromFragment();
  apply();
})();
"##;

/// The page's Content-Security-Policy: nothing may be fetched; only the inline style and
/// script (and the inline SVG's styles) apply.
const CSP: &str = "default-src 'none'; style-src 'unsafe-inline'; script-src 'unsafe-inline'; \
                   img-src data:; base-uri 'none'; form-action 'none'";

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
    let mut out = String::with_capacity(64 * 1024);
    let title = escape(&r.story.title);
    out.push_str("<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n");
    let _ = writeln!(
        out,
        "<meta http-equiv=\"Content-Security-Policy\" content=\"{CSP}\">"
    );
    out.push_str("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n");
    let _ = writeln!(
        out,
        "<meta name=\"generator\" content=\"claimgraph {}\">",
        env!("CARGO_PKG_VERSION")
    );
    let _ = writeln!(out, "<title>{title} — fact-check report</title>");
    let _ = writeln!(out, "<style>{CSS}</style>\n</head>\n<body>");

    // title and summary
    let _ = writeln!(out, "<header>\n<h1>{title}</h1>");
    if let Some(d) = &r.story.description {
        let _ = writeln!(out, "<p class=\"description\">{}</p>", escape(d));
    }
    let s = &r.summary;
    out.push_str("<ul class=\"counts\" id=\"summary\">\n");
    for (n, what) in [
        (s.articles, "articles"),
        (s.sources, "sources"),
        (s.claims, "claims"),
        (s.relations, "relations"),
        (s.contradictions, "contradictions"),
        (s.propositions, "propositions"),
        (s.single_origin, "single-origin propositions"),
    ] {
        let _ = writeln!(out, "<li><strong>{n}</strong> {what}</li>");
    }
    out.push_str("</ul>\n");
    out.push_str(
        "<nav><ul><li><a href=\"#articles\">Articles</a></li><li><a href=\"#sources\">Sources</a></li>\
         <li><a href=\"#propositions\">Propositions</a></li><li><a href=\"#claims\">Claims</a></li>\
         <li><a href=\"#relations\">Relations</a></li><li><a href=\"#graph\">Graph</a></li>\
         <li><a href=\"#unresolved\">Unresolved speakers</a></li>",
    );
    if !r.diagnostics.is_empty() {
        out.push_str("<li><a href=\"#problems\">Load problems</a></li>");
    }
    out.push_str("</ul></nav>\n</header>\n<main>\n");

    // articles
    out.push_str("<section id=\"articles\">\n<h2>Articles</h2>\n<table>\n<thead><tr><th>id</th><th>title</th><th>outlet</th><th>published</th><th>byline</th><th>claims</th></tr></thead>\n<tbody>\n");
    for a in &r.articles {
        let title = escape(a.title.as_deref().unwrap_or("(no title)"));
        let title = match &a.url {
            Some(u) if is_web_address(u) => format!("<a href=\"{}\">{title}</a>", escape(u)),
            Some(u) => format!("{title}<br><span class=\"muted\">{}</span>", escape(u)),
            None => title,
        };
        let _ = writeln!(
            out,
            "<tr><td><code>{}</code></td><td>{title}</td><td>{}</td><td>{}</td><td>{}</td><td class=\"num\">{}</td></tr>",
            escape(&a.id),
            escape(a.outlet.as_deref().unwrap_or("unknown")),
            escape(a.published.as_deref().unwrap_or("unknown")),
            escape(a.byline.as_deref().unwrap_or("")),
            a.claims
        );
    }
    out.push_str("</tbody>\n</table>\n</section>\n");

    // sources
    out.push_str("<section id=\"sources\">\n<h2>Sources</h2>\n<table>\n<thead><tr><th>source</th><th>id</th><th>kind</th><th>affiliation</th><th>reliability</th><th>claims</th><th>reported via</th></tr></thead>\n<tbody>\n");
    for src in &r.sources {
        let claims = if src.passed_on > 0 {
            format!("{} (passed on {})", src.claims, src.passed_on)
        } else {
            src.claims.to_string()
        };
        let _ = writeln!(
            out,
            "<tr><td>{}</td><td><code>{}</code></td><td>{}</td><td>{}</td><td>{}</td><td class=\"num\">{claims}</td><td>{}</td></tr>",
            escape(&src.name),
            escape(&src.id),
            escape(&src.kind),
            escape(src.affiliation.as_deref().unwrap_or("")),
            escape(src.reliability.as_deref().unwrap_or("unknown")),
            escape(&src.reported_via.join(", "))
        );
    }
    out.push_str("</tbody>\n</table>\n</section>\n");

    // propositions
    out.push_str("<section id=\"propositions\">\n<h2>Propositions</h2>\n");
    out.push_str("<p class=\"muted\">Most confident first. Credibility on the Admiralty scale (1 confirmed … 5 improbable, 6 cannot be judged).</p>\n");
    let mut props: Vec<&PropositionInfo> = r.propositions.iter().collect();
    props.sort_by(|a, b| b.confidence.total_cmp(&a.confidence));
    for p in props {
        proposition_html(&mut out, p);
    }
    out.push_str("</section>\n");

    // claims, with the filter
    out.push_str("<section id=\"claims\">\n<h2>Claims</h2>\n");
    out.push_str("<div id=\"filters\" role=\"search\" hidden>\n<label for=\"filter-source\">Source</label>\n<select id=\"filter-source\">\n");
    let _ = writeln!(
        out,
        "<option value=\"\">all sources ({})</option>",
        r.claims.len()
    );
    for (id, label, n) in filter_sources(r) {
        let _ = writeln!(
            out,
            "<option value=\"{}\">{} ({n})</option>",
            escape(&id),
            escape(&label)
        );
    }
    out.push_str(
        "</select>\n<label for=\"filter-stance\">Stance</label>\n<select id=\"filter-stance\">\n",
    );
    let _ = writeln!(
        out,
        "<option value=\"\">all stances ({})</option>",
        r.claims.len()
    );
    for (stance, n) in filter_stances(r) {
        let _ = writeln!(
            out,
            "<option value=\"{0}\">{0} ({n})</option>",
            escape(stance)
        );
    }
    out.push_str("</select>\n");
    let _ = writeln!(
        out,
        "<output id=\"claim-count\" aria-live=\"polite\">showing {0} of {0} claims</output>\n</div>",
        r.claims.len()
    );
    let mut groups: Vec<(&str, Vec<&ClaimInfo>)> = r
        .articles
        .iter()
        .map(|a| {
            let cs = r.claims.iter().filter(|c| c.article == a.id).collect();
            (a.id.as_str(), cs)
        })
        .collect();
    let heading = |id: &str| {
        let mut h = format!("Article <code>{}</code>", escape(id));
        if let Some(a) = r.articles.iter().find(|a| a.id == id) {
            if let Some(t) = &a.title {
                let _ = write!(h, ": {}", escape(t));
            }
            if let Some(o) = &a.outlet {
                let _ = write!(h, " <span class=\"muted\">({})</span>", escape(o));
            }
        }
        h
    };
    // claims of an article the report does not list still appear
    for c in &r.claims {
        if !r.articles.iter().any(|a| a.id == c.article) {
            match groups.iter_mut().find(|(id, _)| *id == c.article) {
                Some((_, cs)) => cs.push(c),
                None => groups.push((c.article.as_str(), vec![c])),
            }
        }
    }
    for (article, claims) in groups {
        let _ = writeln!(
            out,
            "<section class=\"article-claims\" id=\"{}\">\n<h3>{}</h3>",
            anchor("article-", article),
            heading(article)
        );
        if claims.is_empty() {
            out.push_str("<p class=\"muted\">No claims.</p>\n");
        }
        for c in claims {
            claim_html(&mut out, c);
        }
        out.push_str("</section>\n");
    }
    out.push_str("</section>\n");

    // relations
    out.push_str("<section id=\"relations\">\n<h2>Relations</h2>\n");
    if r.relations.is_empty() {
        out.push_str("<p>None.</p>\n");
    } else {
        out.push_str("<table>\n<thead><tr><th>claim</th><th>relation</th><th>claim</th><th>score</th><th>why</th></tr></thead>\n<tbody>\n");
        for rel in &r.relations {
            let contra = rel.kind == crate::link::RelationKind::Contradicts.label();
            let _ = writeln!(
                out,
                "<tr class=\"relation{}\"><td>{}</td><td class=\"kind\">{}</td><td>{}</td><td class=\"num\">{:.2}</td><td>{}</td></tr>",
                if contra { " contradicts" } else { "" },
                claim_link(&rel.a),
                if contra {
                    format!("<strong>{}</strong>", escape(&rel.kind))
                } else {
                    escape(&rel.kind)
                },
                claim_link(&rel.b),
                rel.score,
                escape(&rel.reasons.join("; "))
            );
        }
        out.push_str("</tbody>\n</table>\n");
    }
    out.push_str("</section>\n");

    // quote drift
    out.push_str("<section id=\"quote-drift\">\n<h2>Quote drift</h2>\n");
    let drift: Vec<_> = r
        .relations
        .iter()
        .filter(|x| x.kind == crate::link::RelationKind::QuoteVariant.label())
        .collect();
    if drift.is_empty() {
        out.push_str("<p>No quotation is worded differently in two places.</p>\n");
    } else {
        out.push_str("<p>The same speaker quoted in two wordings: <del>struck</del> words are only in the first telling, <ins>underlined</ins> ones only in the second.</p>\n<ul>\n");
        for x in drift {
            let words: Vec<String> = x
                .diff
                .iter()
                .map(|d| match d.op {
                    crate::link::diff::DiffOp::Same => escape(&d.text),
                    crate::link::diff::DiffOp::Removed => format!("<del>{}</del>", escape(&d.text)),
                    crate::link::diff::DiffOp::Added => format!("<ins>{}</ins>", escape(&d.text)),
                })
                .collect();
            let _ = writeln!(
                out,
                "<li>{} → {}: {}</li>",
                claim_link(&x.a),
                claim_link(&x.b),
                words.join(" ")
            );
        }
        out.push_str("</ul>\n");
    }
    out.push_str("</section>\n");

    // timeline
    out.push_str("<section id=\"timeline\">\n<h2>Timeline</h2>\n");
    if r.timeline.is_empty() {
        out.push_str("<p>No dates.</p>\n");
    } else {
        out.push_str("<table>\n<thead><tr><th>when</th><th>what</th><th>article</th><th>claim</th></tr></thead>\n<tbody>\n");
        for t in &r.timeline {
            let when = t.when();
            let what = match &t.content {
                Some(c) if t.what != "published" => format!("“{}”: {}", t.text, c),
                _ => format!("{}: {}", t.what, t.text),
            };
            let _ = writeln!(
                out,
                "<tr><td>{}</td><td>{}</td><td>{}</td><td>{}</td></tr>",
                escape(&when),
                escape(&what),
                escape(&t.article),
                t.claim.as_deref().map_or(String::new(), claim_link)
            );
        }
        out.push_str("</tbody>\n</table>\n");
    }
    out.push_str("</section>\n");

    // graph
    out.push_str("<section id=\"graph\">\n<h2>Graph</h2>\n");
    let svg = inline_svg(graph_svg);
    if svg.is_empty() {
        out.push_str("<p>No graph.</p>\n");
    } else {
        let _ = writeln!(out, "<figure class=\"graph\">\n{svg}\n</figure>");
    }
    out.push_str("</section>\n");

    // unresolved speakers
    out.push_str("<section id=\"unresolved\">\n<h2>Unresolved speakers</h2>\n");
    if r.unresolved.is_empty() {
        out.push_str("<p>None.</p>\n");
    } else {
        out.push_str("<ul>\n");
        for u in &r.unresolved {
            let _ = writeln!(
                out,
                "<li>“{}” in {} (paragraph {})</li>",
                escape(&u.mention),
                claim_link(&u.claim),
                u.paragraph
            );
        }
        out.push_str("</ul>\n");
    }
    out.push_str("</section>\n");

    // load problems
    if !r.diagnostics.is_empty() {
        out.push_str("<section id=\"problems\">\n<h2>Load problems</h2>\n<ul>\n");
        for d in &r.diagnostics {
            let _ = writeln!(out, "<li>{}</li>", escape(d));
        }
        out.push_str("</ul>\n</section>\n");
    }

    let _ = writeln!(
        out,
        "</main>\n<footer>schema {}</footer>\n<script>{JS}</script>\n</body>\n</html>",
        escape(&r.schema)
    );
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::report::{Evidence, SpeakerInfo};

    fn ev(start: usize, text: &str) -> Evidence {
        Evidence {
            start,
            end: start + text.len(),
            text: text.into(),
        }
    }

    fn claim(evidence: Evidence, content: Vec<Evidence>) -> ClaimInfo {
        ClaimInfo {
            id: "a#1".into(),
            article: "a".into(),
            paragraph: 1,
            evidence,
            content,
            quotes: vec![],
            kind: "paraphrase".into(),
            speaker: SpeakerInfo {
                mention: "the mayor".into(),
                antecedent: None,
                source: "mayor".into(),
                name: "Mayor of Invented Town".into(),
                person: None,
                rule: Some("alias".into()),
            },
            via: vec!["Mayor of Invented Town".into()],
            cue: Some("said".into()),
            stance: "assert".into(),
            hedges: vec![],
            times: vec![],
            attribution_confidence: 0.8,
            attribution_reasons: vec![],
            proposition: "p:a#1".into(),
            confidence: 0.5,
            grade: "3".into(),
            contradicted_by: vec![],
        }
    }

    #[test]
    fn escapes_the_five_characters() {
        assert_eq!(
            escape(r#"<a href="x">Tom & Jerry's</a>"#),
            "&lt;a href=&quot;x&quot;&gt;Tom &amp; Jerry&#39;s&lt;/a&gt;"
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
    fn svg_prolog_is_dropped() {
        let svg = "\u{feff}<?xml version=\"1.0\"?>\n<!DOCTYPE svg PUBLIC \"-//W3C//DTD SVG 1.1//EN\"\n \"x.dtd\">\n<!-- made by a tool -->\n<svg><g/></svg>\n";
        assert_eq!(inline_svg(svg), "<svg><g/></svg>");
        assert_eq!(inline_svg("<svg/>"), "<svg/>");
        assert_eq!(inline_svg("  "), "");
        // an unterminated declaration is left as it is rather than lost
        assert_eq!(inline_svg("<?xml <svg/>"), "<?xml <svg/>");
    }

    #[test]
    fn evidence_marks_what_was_said() {
        let c = claim(
            ev(10, "He said <the> bridge & road were safe."),
            vec![ev(18, "<the> bridge"), ev(38, "were safe")],
        );
        assert_eq!(
            evidence_html(&c),
            "He said <mark>&lt;the&gt; bridge</mark> &amp; road <mark>were safe</mark>."
        );
    }

    #[test]
    fn evidence_with_spans_that_do_not_fit_is_shown_plain() {
        // outside the sentence, inside a character, overlapping, not the text at its place
        let c = claim(
            ev(0, "Ça va <bien>"),
            vec![
                ev(40, "elsewhere"),
                ev(1, "x"),
                ev(0, "Ça"),
                ev(1, "a"),
                ev(4, "zz"),
            ],
        );
        assert_eq!(evidence_html(&c), "<mark>Ça</mark> va &lt;bien&gt;");
        let mut bad = claim(ev(5, "short"), vec![ev(5, "short")]);
        bad.evidence.end = 100;
        assert_eq!(evidence_html(&bad), "short");
    }

    #[test]
    fn unresolved_speakers_are_marked() {
        let mut c = claim(ev(0, "x"), vec![]);
        c.speaker.rule = None;
        c.speaker.mention = "<officials>".into();
        assert_eq!(
            speaker_html(&c),
            "<strong class=\"unresolved\">unresolved:</strong> “&lt;officials&gt;”"
        );
    }
}
