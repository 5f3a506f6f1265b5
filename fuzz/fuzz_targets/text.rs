//! The sentence splitter, the tokens and extraction on one article of plain text: every
//! paragraph, sentence, token and attribution span lies inside the text, on character
//! boundaries, in order.
#![no_main]

#[path = "common/mod.rs"]
mod common;

use claimgraph::corpus::load_file;
use claimgraph::sources::Registry;
use claimgraph::text::{tokens, Span};
use libfuzzer_sys::fuzz_target;
use std::path::Path;

fn inside(text: &str, s: Span) -> bool {
    s.start <= s.end && text.get(s.start..s.end).is_some()
}

fuzz_target!(|data: &[u8]| {
    let (articles, _) = load_file(Path::new("a.txt"), Path::new("a.txt"), data);
    let registry = Registry::default();
    for a in &articles {
        let text = a.text.as_str();
        let mut last = 0;
        for p in &a.paragraphs {
            assert!(inside(text, *p) && p.start >= last, "paragraph {p:?}");
            last = p.end;
        }
        let mut last = 0;
        for s in &a.sentences {
            assert!(
                inside(text, s.span) && s.span.start >= last,
                "sentence {:?}",
                s.span
            );
            let p = a.paragraphs[s.paragraph];
            assert!(
                p.start <= s.span.start && s.span.end <= p.end,
                "sentence outside its paragraph"
            );
            last = s.span.end;
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
        for at in claimgraph::extract_attributions(a, &registry) {
            assert!(at.sentence < a.sentences.len());
            for s in at
                .source
                .iter()
                .chain(&at.cue)
                .chain(&at.content)
                .chain(&at.via)
            {
                assert!(inside(text, *s), "attribution span {s:?}");
            }
        }
    }
});
