//! The attribution stage alone: one article of plain text against the default story's
//! registry. Every attribution names a sentence of the article, and every span it gives
//! lies inside the text on character boundaries, its cue inside its sentence.
#![no_main]

#[path = "common/mod.rs"]
mod common;

use claimgraph::Article;
use common::inside;
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    common::one_thread();
    let Ok(text) = std::str::from_utf8(data) else {
        return;
    };
    let story = common::default_story();
    let article = Article::new("fuzz", text);
    for a in claimgraph::extract_attributions(&article, &story.registry) {
        let sentence = article.sentences[a.sentence].span;
        for s in a
            .source
            .iter()
            .chain(&a.content)
            .chain(&a.via)
            .chain(&a.modifiers)
            .chain(a.head.iter())
            .chain(a.antecedent.iter())
            .chain(a.affiliation.iter())
        {
            assert!(inside(text, *s), "attribution span {s:?}");
        }
        for c in &a.cue {
            assert!(
                sentence.start <= c.start && c.end <= sentence.end,
                "cue {c:?} outside its sentence {sentence:?}"
            );
        }
    }
});
