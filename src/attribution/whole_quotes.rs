//! A quotation closed just before its cue is the speaker's whole: "“The pier is closed.
//! The guild was warned. We expect repairs to take a month,” Berg pointed out." gives Berg
//! all three sentences, not the last one the tagger took.

use super::{Attribution, AttributionKind};
use crate::corpus::Article;
use crate::text::Span;

/// Grows a cited attribution's content that starts inside a quotation of its cue's
/// paragraph, when that quotation closes before the cue, back to the quotation's start;
/// the article's own voice inside the grown content goes. `atts` is in text order.
pub(super) fn extend(article: &Article, atts: &mut Vec<Attribution>) {
    let text = article.text.as_str();
    let quotes = article.tokens().quotes();
    let mut grown: Vec<Span> = Vec::new();
    for a in atts.iter_mut() {
        if a.kind == AttributionKind::Author {
            continue;
        }
        let (Some(cue), Some(first)) = (a.cue.first().copied(), a.content.first().copied()) else {
            continue;
        };
        let Some(p) = article.paragraph_of(first.start) else {
            continue;
        };
        if article.paragraph_of(cue.start) != Some(p) {
            continue;
        }
        let Some(q) = quotes.strictly_around(p, first.start) else {
            continue;
        };
        // the content runs to the quotation's end (only marks after it), and no more than
        // the speaker's few words stand between the quotation and the cue
        let marks_only = |s: &str| s.chars().all(|c| ",.;:!?”\"’' ".contains(c));
        let closes_before_cue = q.end <= cue.start
            && first.end <= q.end
            && text.get(first.end..q.end).is_some_and(marks_only)
            && text
                .get(q.end..cue.start)
                .is_some_and(|between| between.split_whitespace().nth(4).is_none());
        if !closes_before_cue || a.source.is_empty() {
            continue;
        }
        a.content[0] = Span::new(q.start, first.end.max(q.end));
        if a.content.iter().all(|c| {
            let t = c.slice(text).trim_end_matches([',', '.']);
            t.starts_with(['“', '"']) && t.ends_with(['”', '"'])
        }) {
            a.kind = AttributionKind::Direct;
        }
        grown.push(a.content[0]);
    }
    if grown.is_empty() {
        return;
    }
    // grown spans are in text order; the own voice inside one goes
    grown.sort();
    atts.retain(|a| {
        a.kind != AttributionKind::Author
            || a.content.is_empty()
            || !a.content.iter().all(|c| {
                let k = grown.partition_point(|g| g.start <= c.start);
                k > 0 && grown[k - 1].contains(*c)
            })
    });
}

#[cfg(test)]
mod tests {
    use crate::attribution::testutil::gazetteer;
    use crate::attribution::{combine, AttributionKind};
    use crate::corpus::Article;
    use crate::text::Span;

    #[test]
    fn a_quotation_closed_before_its_cue_is_the_speakers_whole() {
        let text = "Tomas Berg spoke at the pier on Monday.\n\n\
                    “The pier is closed for the winter. We expect no ship before May. The \
                    repairs must be paid by the guild,” Berg pointed out.\n";
        let article = Article::new("t", text);
        let berg = text.rfind("Berg").unwrap();
        let mut atts = vec![
            crate::attribution::Attribution {
                sentence: 1,
                kind: AttributionKind::Author,
                source: vec![],
                head: None,
                antecedent: None,
                cue: vec![],
                cue_lemma: String::new(),
                stance: crate::attribution::Stance::Assert,
                content: vec![at(text, "“The pier is closed for the winter.")],
                modifiers: vec![],
                via: vec![],
                affiliation: None,
                relays: false,
            },
            crate::attribution::Attribution {
                sentence: 3,
                kind: AttributionKind::Mixed,
                source: vec![Span::new(berg, berg + "Berg".len())],
                head: None,
                antecedent: None,
                cue: vec![at(text, "pointed out")],
                cue_lemma: "point out".into(),
                stance: crate::attribution::Stance::Assert,
                content: vec![at(text, "repairs must be paid by the guild")],
                modifiers: vec![],
                via: vec![],
                affiliation: None,
                relays: false,
            },
        ];
        super::extend(&article, &mut atts);
        assert_eq!(atts.len(), 1, "{atts:#?}");
        let content = atts[0].content[0].slice(text);
        assert!(content.starts_with("“The pier"), "{content}");
        assert!(content.ends_with("guild,”"), "{content}");
        assert_eq!(atts[0].kind, AttributionKind::Direct);
        // the whole extractor leaves no own voice inside the quotation
        let all = combine::extract(&article, &gazetteer());
        assert!(
            !all.iter().any(|a| a.kind == AttributionKind::Author
                && a.content[0].slice(text).contains("no ship")),
            "{all:#?}"
        );
    }

    fn at(text: &str, s: &str) -> Span {
        let i = text.find(s).unwrap();
        Span::new(i, i + s.len())
    }
}
