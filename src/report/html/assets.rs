//! The page's style sheet, script and Content-Security-Policy, inlined as they are.

/// The style sheet.
pub(super) const CSS: &str = r#"
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
td.date, .date { white-space: nowrap; font-variant-numeric: tabular-nums; }
td.side { min-width: 12rem; }
td.side .words, .members .words, .telling .words { font-style: italic; }
.who { color: var(--muted); font-weight: 600; }
details.members { margin: .3rem 0 0; font-size: .92rem; }
details.members summary, details.full summary { cursor: pointer; color: #0b57d0; }
details.members ul { margin: .3rem 0 0; padding-left: 1.2rem; }
li.drift { margin: .6rem 0; }
li.drift p { margin: .1rem 0; }
p.diff { padding-left: 1rem; border-left: 3px solid var(--line); }
figure.map { margin: .6rem 0 1rem; }
figure.map svg { min-width: 860px; width: 100%; }
figure.map a.group:hover rect, figure.map a.group:focus rect { stroke: #0b57d0; stroke-width: 2; }
.k-contradicts { color: #c62828; font-weight: 600; } .k-agrees { color: #2e7d32; font-weight: 600; }
.k-quote-variant { color: #7b1fa2; font-weight: 600; } .k-elaborates { color: #ef6c00; font-weight: 600; }
@media (max-width: 600px) {
  body { padding: .8rem; }
  table { display: block; overflow-x: auto; }
}
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

/// The claim filter: reads and writes the fragment, hides claims, dims the graph.
pub(super) const JS: &str = r##"
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

/// The page's Content-Security-Policy: nothing may be fetched; the inline style (and the
/// inline SVG's styles) apply, and the one script runs only because its SHA-256 hash is
/// named, so a script that text from an article managed to place in the page would not.
pub(super) fn csp() -> String {
    use base64::Engine as _;
    use sha2::Digest as _;
    let hash = base64::engine::general_purpose::STANDARD.encode(sha2::Sha256::digest(JS));
    format!(
        "default-src 'none'; style-src 'unsafe-inline'; script-src 'sha256-{hash}'; \
         img-src data:; base-uri 'none'; form-action 'none'"
    )
}
