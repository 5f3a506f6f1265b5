//! Quotations that spill over sentences and paragraphs: quoted content grows to its whole
//! quotation (over the sentences it spans and the paragraphs that reopen it), fully quoted
//! sentences after a quote in the same paragraph join its speaker's content, and the
//! article's own voice goes from sentences that turn out to be quoted.

use super::quotes::{closes, Quotes};
use super::{Attribution, AttributionKind};
use crate::corpus::Article;
use crate::text::cover::Cover;
use crate::text::{tokens::words, Span};

/// Grows quoted content to its whole quotation: over the sentences it spans, over the
/// paragraphs that reopen it, and over fully quoted sentences that follow the quote in the
/// same paragraph. The article's own voice is dropped from sentences now quoted.
pub(super) fn extend_quotes(article: &Article, quotes: &Quotes, out: &mut Vec<Attribution>) {
    let text = article.text.as_str();
    let sents = &article.sentences;
    let region_at =
        |para: usize, span: Span| quotes.regions[para].iter().position(|q| q.overlaps(span));
    let trimmed = |q: Span| q.trim(text);
    // the quotation regions, over paragraphs, that hold a span
    let chain = |para: usize, qi: usize| -> Vec<Span> {
        let mut spans = vec![quotes.regions[para][qi]];
        let (mut p, mut i) = (para, qi);
        while i == 0 && p > 0 && quotes.continues[p] {
            p -= 1;
            match quotes.regions[p].len().checked_sub(1) {
                Some(last) => {
                    spans.insert(0, quotes.regions[p][last]);
                    i = last;
                }
                None => break,
            }
        }
        let (mut p, mut i) = (para, qi);
        while i + 1 == quotes.regions[p].len()
            && p + 1 < quotes.regions.len()
            && quotes.continues[p + 1]
            && !closes(text, quotes.regions[p][i])
        {
            p += 1;
            if quotes.regions[p].is_empty() {
                break;
            }
            spans.push(quotes.regions[p][0]);
            i = 0;
        }
        spans
    };
    // (attribution, paragraph, a quotation) for the quotes that follow
    let mut carrier: Option<(usize, usize, bool)> = None;
    let mut attached: Vec<(usize, Span)> = Vec::new();
    let mut by_sentence: Vec<Vec<usize>> = vec![Vec::new(); sents.len()];
    for (i, a) in out.iter().enumerate() {
        if a.kind != AttributionKind::Author {
            if let Some(v) = by_sentence.get_mut(a.sentence) {
                v.push(i);
            }
        }
    }
    for (si, sent) in sents.iter().enumerate() {
        let para = sent.paragraph;
        let cited = &by_sentence[si];
        if !cited.is_empty() {
            // a quotation carries on into the quotes that follow it; a named speaker's
            // report only into a paragraph that is all quotation ("…, Peskov said." and
            // then his words)
            carrier = cited
                .last()
                .filter(|&&i| out[i].kind != AttributionKind::AccordingTo)
                .map(|&i| {
                    let quotation = matches!(
                        out[i].kind,
                        AttributionKind::Direct | AttributionKind::Mixed
                    );
                    (i, para, quotation)
                })
                .filter(|&(i, _, quotation)| quotation || !out[i].source.is_empty());
            continue;
        }
        let Some((ai, cpara, quotation)) = carrier else {
            continue;
        };
        let s = sent.span;
        let starts_quoted =
            s.slice(text).starts_with(['“', '"']) || s.slice(text).starts_with("''");
        let words = words(text, s);
        let all_quoted = words.iter().all(|w| {
            quotes.regions[para]
                .iter()
                .any(|q| q.start < w.span.start && w.span.end <= q.end)
        });
        let inside_attached = attached
            .last()
            .is_some_and(|(a, q)| *a == ai && q.contains(Span::new(s.start, s.start)));
        if cpara == para && all_quoted && inside_attached {
            continue;
        }
        // a paragraph that is all one speaker's quotation, without a cue, right after the
        // paragraph the speaker's quotation is in, is the speaker's too
        let next_quoted_paragraph = cpara + 1 == para
            && sents[..si]
                .last()
                .is_some_and(|prev| prev.paragraph != para)
            && quoted_throughout(text, quotes, para, article.paragraphs[para]);
        if ((cpara != para || !quotation) && !next_quoted_paragraph)
            || !starts_quoted
            || !all_quoted
            || words.is_empty()
        {
            carrier = None;
            continue;
        }
        if let Some(qi) = region_at(para, s) {
            attached.push((ai, quotes.regions[para][qi]));
            carrier = Some((ai, para, true));
        }
    }
    for (ai, q) in attached {
        let q = trimmed(q);
        if !out[ai].content.iter().any(|c| c.contains(q)) {
            out[ai].content.push(q);
            if out[ai].kind == AttributionKind::Indirect {
                out[ai].kind = AttributionKind::Mixed;
            }
        }
    }
    for a in out.iter_mut() {
        if a.kind == AttributionKind::Author {
            continue;
        }
        let para = sents[a.sentence].paragraph;
        let sspan = sents[a.sentence].span;
        let mut grown: Vec<Span> = Vec::new();
        for c in &a.content {
            let mut c = *c;
            let mut extra = Vec::new();
            for (qi, q) in quotes.regions[para].iter().enumerate() {
                if !q.overlaps(c) {
                    continue;
                }
                let spills = q.start < sspan.start || q.end > sspan.end;
                let q_in_para = Span::new(q.start.max(article.paragraphs[para].start), q.end);
                if spills && (q.start < c.start || q.end > c.end) {
                    if q.start < c.start && q.start < sspan.start {
                        c = Span::new(q_in_para.start, c.end);
                    }
                    if q.end > c.end && q.end > sspan.end {
                        c = Span::new(c.start, q_in_para.end);
                    }
                }
                for other in chain(para, qi) {
                    if other != *q {
                        extra.push(trimmed(other));
                    }
                }
            }
            grown.push(trimmed(c));
            grown.extend(extra);
        }
        grown.sort();
        grown.dedup();
        let mut merged: Vec<Span> = Vec::new();
        for g in grown {
            match merged.last_mut() {
                Some(m) if m.overlaps(g) || m.contains(g) => *m = m.cover(g),
                _ => merged.push(g),
            }
        }
        a.content = merged;
    }
    // the article's own voice of sentences that are now inside someone's quotation
    let covered = Cover::new(
        out.iter()
            .filter(|a| a.kind != AttributionKind::Author)
            .flat_map(|a| a.content.iter().copied()),
    );
    out.retain(|a| {
        a.kind != AttributionKind::Author
            || !a
                .content
                .iter()
                .all(|s| words(text, *s).iter().all(|w| covered.contains(w.span)))
    });
}

/// Whether every word of paragraph `para` (spanning `p`) lies inside a quotation.
fn quoted_throughout(text: &str, quotes: &Quotes, para: usize, p: Span) -> bool {
    let ws = words(text, p);
    !ws.is_empty()
        && ws.iter().all(|w| {
            quotes.regions[para]
                .iter()
                .any(|q| q.start < w.span.start && w.span.end <= q.end)
        })
}

#[cfg(test)]
mod tests {
    use crate::attribution::testutil::*;
    use crate::attribution::AttributionKind;

    #[test]
    fn quote_over_several_paragraphs_speaker_first() {
        let text = "The harbour master said: “The first ship came in at dawn.\n\
                    “The second came at noon, and the third never came at all.”\n\
                    The harbour was closed afterwards.";
        let g = one(text);
        assert_eq!(g.source, "The harbour master");
        assert_eq!(g.kind, AttributionKind::Direct);
        assert_eq!(g.content.len(), 2, "{g:#?}");
        assert!(g.content[0].contains("first ship"));
        assert!(g.content[1].contains("third never came"));
    }

    #[test]
    fn quote_over_several_paragraphs_speaker_last() {
        let text = "“The first ship came in at dawn.\n\
                    “The second came at noon, and the third never came,” the harbour master said.";
        let g = one(text);
        assert_eq!(g.source, "the harbour master");
        assert_eq!(g.content.len(), 2, "{g:#?}");
        assert!(g.content[0].contains("first ship"));
        assert!(g.content[1].contains("third never came"));
    }

    #[test]
    fn a_quoted_paragraph_without_a_cue_is_the_speakers_before() {
        let text = "Tomas Berg said the pier would be rebuilt. “We have the money,” he said.\n\n\
                    “We have the workers. We have the plan.”\n\n\
                    Ships were waiting outside the harbour.\n\n\
                    “Nobody asked us.”";
        let all = run(text);
        let he = all.iter().find(|g| g.source == "he").unwrap();
        assert_eq!(he.content.len(), 2, "{all:#?}");
        assert_eq!(he.content[1], "“We have the workers. We have the plan.”");
        // no own voice of the quoted paragraph; the harbour sentence stays the article's,
        // and a quotation after it is no one's
        let own: Vec<&str> = all
            .iter()
            .filter(|g| g.kind == AttributionKind::Author)
            .map(|g| g.content[0].as_str())
            .collect();
        assert_eq!(
            own,
            [
                "Ships were waiting outside the harbour.",
                "“Nobody asked us.”"
            ]
        );
    }

    #[test]
    fn a_quoted_paragraph_after_a_report_is_its_speakers() {
        let text = "The pier will be rebuilt by spring, Tomas Berg said on Friday.\n\n\
                    “We have the money. We have the workers.”\n\n\
                    The harbour was closed.";
        let all = run(text);
        let berg = all.iter().find(|g| g.source == "Tomas Berg").unwrap();
        assert_eq!(
            berg.content,
            [
                "The pier will be rebuilt by spring",
                "“We have the money. We have the workers.”"
            ],
            "{all:#?}"
        );
        // a report is carried into a whole quoted paragraph only, not into the narrative
        let all =
            run("The pier will be rebuilt, Tomas Berg said.\n\nShips waited.\n\n“Nobody asked.”");
        let berg = all.iter().find(|g| g.source == "Tomas Berg").unwrap();
        assert_eq!(berg.content.len(), 1, "{all:#?}");
    }

    #[test]
    fn quote_over_several_sentences() {
        let g = one("“The pumps failed. Nobody told us,” said Tomas Berg, a dock worker.");
        assert_eq!(g.source, "Tomas Berg, a dock worker");
        assert_eq!(g.head.as_deref(), Some("Tomas Berg"));
        assert_eq!(g.content, ["“The pumps failed. Nobody told us,”"]);
        assert_eq!(g.kind, AttributionKind::Direct);
        let text = "“The pumps failed,” Tomas Berg said. “Nobody told us. We waited.”";
        let g = one(text);
        assert_eq!(g.source, "Tomas Berg");
        assert_eq!(g.content.len(), 2, "{g:#?}");
        assert_eq!(g.content[1], "“Nobody told us. We waited.”");
    }
}
