//! The page's Claims section: the filter bar, then each article's claims, each with its
//! speaker, what was said, how, the chain, and the sentence with what was said marked.

use super::{anchor, claim_anchor, row};
use crate::report::{ClaimInfo, Report};
use maud::{html, Markup};
use std::collections::BTreeMap;

/// The sentence with what was said marked; spans that do not fit the sentence (outside it,
/// overlapping an earlier one, or not covering the text they claim to) are left unmarked.
pub(super) fn evidence(c: &ClaimInfo) -> Markup {
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
    // (text, marked) in sentence order
    let mut parts: Vec<(&str, bool)> = Vec::new();
    let mut at = 0;
    for (s, e) in spans {
        if s < at {
            continue;
        }
        if let (Some(before), Some(said)) = (ev.text.get(at..s), ev.text.get(s..e)) {
            parts.push((before, false));
            parts.push((said, true));
            at = e;
        }
    }
    parts.push((ev.text.get(at..).unwrap_or(""), false));
    html! {
        @for (text, marked) in parts {
            @if marked { mark { (text) } } @else { (text) }
        }
    }
}

/// Who said it: the source's name, the mention and how it was resolved; an unresolved
/// speaker is marked as such.
pub(super) fn speaker(c: &ClaimInfo) -> Markup {
    let sp = &c.speaker;
    if sp.rule.is_none() && !sp.source.is_article_voice() {
        return html! { strong.unresolved { "unresolved:" } " “" (sp.mention) "”" };
    }
    html! {
        strong { (sp.name) }
        @match &sp.antecedent {
            Some(a) => { " (“" (sp.mention) "” → “" (a) "”)" }
            None if sp.mention != sp.name && sp.rule.is_some() => { " (“" (sp.mention) "”)" }
            None => {}
        }
        @if let Some(p) = &sp.person { ", speaking: " (p) }
        @if let Some(rule) = sp.rule { " " span.muted { "[" (rule.label()) "]" } }
    }
}

fn claim(c: &ClaimInfo) -> Markup {
    let quoted: Vec<&str> = c.quotes.iter().map(|q| q.text.as_str()).collect();
    html! {
        article class="claim" id=(claim_anchor(&c.id)) data-claim=(c.id)
            data-source=(c.speaker.source.as_str()) data-stance=(c.stance.label()) {
            "\n"
            h4 { code { (c.id) } " " (speaker(c)) " " span.stance { (c.stance.label()) } } "\n"
            p.said { (c.content_text()) } "\n"
            dl {
                "\n"
                (row("given as", html! {
                    (c.kind.label())
                    @match &c.cue {
                        Some(q) => { ", cue “" (q) "”" }
                        None => { ", no cue" }
                    }
                }))
                @if !quoted.is_empty() { (row("quoted words", html! { (quoted.join(", ")) })) }
                (row("chain", html! { (c.via.join(" → ")) }))
                @if !c.hedges.is_empty() { (row("hedged", html! { (c.hedges.join(", ")) })) }
                @for t in &c.times {
                    (row("time", html! {
                        "“" (t.text) "” ("
                        @match (&t.start, &t.end) {
                            (Some(s), Some(e)) if s == e => { (s) }
                            (Some(s), Some(e)) => { (s) " to " (e) }
                            _ => { "unresolved: " (t.anchor_reason()) }
                        }
                        ")"
                    }))
                }
                (row("attribution", html! {
                    "confidence " (format!("{:.2}", c.attribution_confidence)) ": "
                    (c.attribution_reasons.join("; "))
                }))
                @if !c.proposition.is_empty() {
                    (row("proposition", html! {
                        a href={ "#" (anchor("prop-", &c.proposition)) } { code { (c.proposition) } }
                    }))
                }
                (row("place", html! {
                    "article " code { (c.article) } ", paragraph " (c.paragraph)
                    ", bytes " (c.evidence.start) ".." (c.evidence.end)
                }))
            }
            "\n"
            blockquote.evidence { (evidence(c)) } "\n"
        }
        "\n"
    }
}

/// The sources that speak in claims, for the filter: (id, label, claims), sources in the
/// report's order first, then the others (articles' own voices) in story order.
fn filter_sources(r: &Report) -> Vec<(&str, String, usize)> {
    let mut counts: BTreeMap<&str, usize> = BTreeMap::new();
    for c in &r.claims {
        *counts.entry(c.speaker.source.as_str()).or_default() += 1;
    }
    let mut out: Vec<(&str, String, usize)> = Vec::new();
    for s in &r.sources {
        if let Some(&n) = counts.get(s.id.as_str()) {
            if !out.iter().any(|(id, _, _)| *id == s.id) {
                out.push((&s.id, s.name.clone(), n));
            }
        }
    }
    for c in &r.claims {
        let id = c.speaker.source.as_str();
        if out.iter().any(|(known, _, _)| *known == id) {
            continue;
        }
        let label = match c.speaker.source.voice_of() {
            Some(a) => format!("{} ({a})", c.speaker.name),
            None => c.speaker.name.clone(),
        };
        out.push((id, label, counts[id]));
    }
    out
}

/// The distinct stances of the claims, alphabetical by their words, with their counts.
fn filter_stances(r: &Report) -> BTreeMap<&'static str, usize> {
    let mut out = BTreeMap::new();
    for c in &r.claims {
        *out.entry(c.stance.label()).or_default() += 1;
    }
    out
}

/// The filter bar, hidden until the script shows it.
fn filters(r: &Report) -> Markup {
    let n = r.claims.len();
    html! {
        div id="filters" role="search" hidden {
            "\n"
            label for="filter-source" { "Source" } "\n"
            select id="filter-source" {
                "\n"
                option value="" { "all sources (" (n) ")" } "\n"
                @for (id, label, count) in filter_sources(r) {
                    option value=(id) { (label) " (" (count) ")" } "\n"
                }
            }
            "\n"
            label for="filter-stance" { "Stance" } "\n"
            select id="filter-stance" {
                "\n"
                option value="" { "all stances (" (n) ")" } "\n"
                @for (stance, count) in filter_stances(r) {
                    option value=(stance) { (stance) " (" (count) ")" } "\n"
                }
            }
            "\n"
            output id="claim-count" aria-live="polite" { "showing " (n) " of " (n) " claims" } "\n"
        }
        "\n"
    }
}

/// The Claims section: the filter, then the claims article by article (claims of an
/// article the report does not list still appear, after the others).
pub(super) fn section(r: &Report) -> Markup {
    let ix = crate::report::Index::new(r);
    let mut groups: Vec<(&str, Vec<&ClaimInfo>)> = r
        .articles
        .iter()
        .map(|a| (a.id.as_str(), ix.claims_of_article(&a.id).collect()))
        .collect();
    // claims of articles the report does not list, grouped by article in order met
    let mut orphan_group: std::collections::HashMap<&str, usize> = Default::default();
    for c in &r.claims {
        if ix.article(&c.article).is_none() {
            match orphan_group.get(c.article.as_str()) {
                Some(&g) => groups[g].1.push(c),
                None => {
                    orphan_group.insert(c.article.as_str(), groups.len());
                    groups.push((c.article.as_str(), vec![c]));
                }
            }
        }
    }
    let heading = |id: &str| {
        let a = ix.article(id);
        html! {
            "Article " code { (id) }
            @if let Some(t) = a.and_then(|a| a.title.as_ref()) { ": " (t) }
            @if let Some(o) = a.and_then(|a| a.outlet.as_ref()) { " " span.muted { "(" (o) ")" } }
        }
    };
    html! {
        section id="claims" {
            "\n" h2 { "Claims" } "\n"
            (filters(r))
            @for (article, claims) in groups {
                section class="article-claims" id=(anchor("article-", article)) {
                    "\n" h3 { (heading(article)) } "\n"
                    @if claims.is_empty() { p.muted { "No claims." } "\n" }
                    @for c in claims { (claim(c)) }
                }
                "\n"
            }
        }
        "\n"
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::report::{AttributionKind, Evidence, MatchRule, SpeakerId, SpeakerInfo, Stance};

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
            kind: AttributionKind::Indirect,
            speaker: SpeakerInfo {
                mention: "the mayor".into(),
                antecedent: None,
                source: SpeakerId::source("mayor"),
                name: "Mayor of Invented Town".into(),
                person: None,
                rule: Some(MatchRule::Alias),
            },
            via: vec!["Mayor of Invented Town".into()],
            cue: Some("said".into()),
            stance: Stance::Assert,
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
    fn evidence_marks_what_was_said() {
        let c = claim(
            ev(10, "He said <the> bridge & road were safe."),
            vec![ev(18, "<the> bridge"), ev(38, "were safe")],
        );
        assert_eq!(
            evidence(&c).into_string(),
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
        assert_eq!(
            evidence(&c).into_string(),
            "<mark>Ça</mark> va &lt;bien&gt;"
        );
        let mut bad = claim(ev(5, "short"), vec![ev(5, "short")]);
        bad.evidence.end = 100;
        assert_eq!(evidence(&bad).into_string(), "short");
    }

    #[test]
    fn unresolved_speakers_are_marked() {
        let mut c = claim(ev(0, "x"), vec![]);
        c.speaker.rule = None;
        c.speaker.mention = "<officials>".into();
        assert_eq!(
            speaker(&c).into_string(),
            "<strong class=\"unresolved\">unresolved:</strong> “&lt;officials&gt;”"
        );
    }

    #[test]
    fn a_resolved_speaker_shows_mention_person_and_rule() {
        let mut c = claim(ev(0, "x"), vec![]);
        c.speaker.person = Some("Lina <Ortiz>".into());
        assert_eq!(
            speaker(&c).into_string(),
            "<strong>Mayor of Invented Town</strong> (“the mayor”), speaking: Lina &lt;Ortiz&gt; \
             <span class=\"muted\">[alias]</span>"
        );
    }
}
