//! The segment stage alone: paragraphs, sentences and word tokens of any text. Paragraphs
//! and sentences are in order, trimmed, non-empty and on character boundaries, together
//! they hold every character of the text but white space, no sentence is longer than the
//! bound, and the tokens of a sentence lie inside it in order.
#![no_main]

#[path = "common/mod.rs"]
mod common;

use claimgraph::text::{paragraphs, sentences, tokens, Span, MAX_SENTENCE_BYTES};
use common::inside;
use libfuzzer_sys::fuzz_target;

/// Checks that `parts` are in order, trimmed, non-empty, inside `within`, and hold every
/// character of `within` but white space.
fn covers(text: &str, within: Span, parts: &[Span], what: &str) {
    let mut at = within.start;
    for p in parts {
        assert!(inside(text, *p), "{what} {p:?} off the text");
        assert!(
            p.start >= at && p.end <= within.end,
            "{what} {p:?} out of order"
        );
        let s = p.slice(text);
        assert!(!s.is_empty() && s.trim() == s, "{what} {p:?} not trimmed");
        assert!(
            text[at..p.start].chars().all(char::is_whitespace),
            "{what} before {p:?} drops more than white space"
        );
        at = p.end;
    }
    assert!(
        text[at..within.end].chars().all(char::is_whitespace),
        "the last {what} drops more than white space"
    );
}

fuzz_target!(|data: &[u8]| {
    let Ok(text) = std::str::from_utf8(data) else {
        return;
    };
    let paras = paragraphs(text);
    covers(text, Span::new(0, text.len()), &paras, "paragraph");
    let sents = sentences(text, &paras);
    for (i, p) in paras.iter().enumerate() {
        let own: Vec<Span> = sents
            .iter()
            .filter(|s| s.paragraph == i)
            .map(|s| s.span)
            .collect();
        covers(text, *p, &own, "sentence");
    }
    let mut last = 0;
    for s in &sents {
        assert!(s.paragraph >= last, "sentences in paragraph order");
        last = s.paragraph;
        assert!(
            s.span.end - s.span.start <= MAX_SENTENCE_BYTES,
            "sentence over the bound"
        );
        let mut at = s.span.start;
        for t in tokens::words(text, s.span) {
            let t = t.span;
            assert!(
                inside(text, t) && t.start >= at && t.end <= s.span.end,
                "token {t:?}"
            );
            at = t.end;
        }
    }
});
