//! The attributions of one sentence: each cue's frame read by the patterns, then the
//! speaker completed (the previous speaker of the sentence for a clause that shares it,
//! what a pronoun or description stands for, the intermediaries of an earlier attribution
//! of the same speaker, the organisation the text ties the speaker to), the kind and the
//! stance. Last, attributions that only pass on another one of the sentence are marked.

use super::content::{content_span, frame_start, kind_of};
use super::coreference::coreference;
use super::cue_finder::find_cues;
use super::patterns::{according_frame, nominal_frame, verb_frame, Cx};
use super::phrases::span_of;
use super::prepare::Sentence;
use super::relays::relay_nested;
use super::rules::Ctx;
use super::{cues, Attribution, AttributionKind, Stance};
use crate::text::Span;

/// Adds the attributions of sentence `s` to `ctx`.
pub(super) fn attributions(ctx: &mut Ctx, s: &Sentence) {
    let text = ctx.text;
    let (si, sspan, toks) = (s.index, s.span, s.toks.as_slice());
    let hits = find_cues(toks);
    let first_in_sentence = ctx.out.len();
    if hits.is_empty() {
        if let Some((cue, (ns, ne), (cs, ce))) = nominal_frame(toks) {
            if let Some(cspan) = content_span(text, toks, cs, ce) {
                let src = span_of(toks, ns, ne);
                let antecedent = coreference(ctx, src, sspan);
                ctx.push(Attribution {
                    sentence: si,
                    kind: kind_of(toks, &[cspan]),
                    source: vec![src],
                    head: None,
                    antecedent,
                    cue: vec![cue],
                    cue_lemma: "report".into(),
                    stance: Stance::Assert,
                    content: vec![cspan],
                    modifiers: Vec::new(),
                    via: Vec::new(),
                    affiliation: None,
                    relays: false,
                });
            }
        }
        return;
    }
    for (h, hit) in hits.iter().enumerate() {
        let f = if hit.according {
            according_frame(toks, hit)
        } else {
            verb_frame(&Cx {
                toks,
                sentence: sspan,
                mentions: ctx.mentions,
                hit,
                next: hits.get(h + 1),
                has_prev: ctx.out.len() > first_in_sentence,
                around: s.around,
                frame: frame_start(toks, hit),
            })
        };
        let cspan = match (f.content, f.neighbour) {
            (Some((cs, ce)), _) => content_span(text, toks, cs, ce),
            (None, Some(q)) => Some(q.trim(text)),
            (None, None) => None,
        };
        let Some(cspan) = cspan else { continue };
        let mut content = vec![cspan];
        content.extend(f.rest.and_then(|(s, e)| content_span(text, toks, s, e)));
        let mut source_spans: Vec<Span> = f
            .source
            .map(|(s, e)| span_of(toks, s, e))
            .into_iter()
            .collect();
        let mut head = f.head.map(|(s, e)| span_of(toks, s, e));
        let mut antecedent = f.antecedent.map(|(s, e)| span_of(toks, s, e));
        let mut via = f.via;
        if f.inherit {
            if let Some(prev) = ctx.out[first_in_sentence..].last() {
                source_spans = prev.source.clone();
                head = prev.head;
                antecedent = prev.antecedent;
                add_new(&mut via, &prev.via);
            }
        }
        if let Some(src) = head.or(source_spans.first().copied()) {
            antecedent = antecedent.or_else(|| coreference(ctx, src, sspan));
        }
        // a speaker resolved to an earlier attribution keeps that attribution's
        // intermediaries ("said to Newsweek ... However, the spokesperson refused")
        if let Some(prev) = antecedent.and_then(|ante| ctx.last_with_speaker(ante)) {
            add_new(&mut via, &prev.via);
        }
        let affiliation = head
            .or(antecedent)
            .or(source_spans.first().copied())
            .and_then(|name| {
                ctx.affiliations
                    .of(name, source_spans.first().copied(), sspan)
            });
        let kind = if hit.according {
            AttributionKind::AccordingTo
        } else if f.neighbour.is_some() {
            AttributionKind::Direct
        } else {
            kind_of(toks, &content)
        };
        let stance = cues::content_stance(hit.stance, cspan.slice(text));
        ctx.push(Attribution {
            sentence: si,
            kind,
            source: source_spans,
            head,
            antecedent,
            cue: vec![span_of(toks, hit.start, hit.end)],
            cue_lemma: hit.lemma.clone(),
            stance,
            content,
            modifiers: f.modifiers,
            via,
            affiliation,
            relays: false,
        });
    }
    relay_nested(&mut ctx.out[first_in_sentence..]);
}

/// Adds the spans of `from` that `to` lacks, in order.
fn add_new(to: &mut Vec<Span>, from: &[Span]) {
    for v in from {
        if !to.contains(v) {
            to.push(*v);
        }
    }
}
