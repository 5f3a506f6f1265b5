//! The resolve and claims stages alone: attributions made from the input's head bytes
//! (each six bytes give a sentence, where source, cue and content start and end in it, a
//! kind and a stance), with a publication date from the head, over the input's text,
//! resolved against the default story's registry and built into claims. Every speaker is
//! the article's own voice or a source of the table, and every claim quotes its sentence
//! as evidence, keeps its content inside the attribution's, and has an id of its own.
#![no_main]

#[path = "common/mod.rs"]
mod common;

use claimgraph::attribution::{Attribution, AttributionKind, Stance};
use claimgraph::claims::{self, meaning};
use claimgraph::resolve::{self, SourceTable};
use claimgraph::text::Span;
use claimgraph::Article;
use common::{boundary, inside};
use libfuzzer_sys::fuzz_target;
use std::collections::HashSet;

const KINDS: [AttributionKind; 5] = [
    AttributionKind::Direct,
    AttributionKind::Indirect,
    AttributionKind::Mixed,
    AttributionKind::AccordingTo,
    AttributionKind::Author,
];
const STANCES: [Stance; 7] = [
    Stance::Assert,
    Stance::Deny,
    Stance::RefuseToConfirm,
    Stance::Accuse,
    Stance::Warn,
    Stance::Announce,
    Stance::Question,
];

/// The attribution one record of six bytes describes, in the sentences of `article`.
fn attribution(article: &Article, r: &[u8]) -> Option<Attribution> {
    let text = article.text.as_str();
    let sentence = r[0] as usize % article.sentences.len();
    let s = article.sentences[sentence].span;
    let at = |b: u8| boundary(text, s.start + (s.end - s.start) * b as usize / 255);
    let mut cuts = [at(r[1]), at(r[2]), at(r[3])];
    cuts.sort_unstable();
    let [a, b, c] = cuts;
    let content = Span::new(b, if c > b { c } else { s.end }).trim(text);
    if content.is_empty() {
        return None;
    }
    let source = Span::new(s.start, a).trim(text);
    let cue = Span::new(a, b).trim(text);
    Some(Attribution {
        sentence,
        kind: KINDS[r[4] as usize % KINDS.len()],
        source: if source.is_empty() {
            vec![]
        } else {
            vec![source]
        },
        head: None,
        antecedent: None,
        cue: if cue.is_empty() { vec![] } else { vec![cue] },
        cue_lemma: cue.slice(text).to_lowercase(),
        stance: STANCES[r[5] as usize % STANCES.len()],
        content: vec![content],
        modifiers: Vec::new(),
        via: if r[4] & 0x80 != 0 && !cue.is_empty() {
            vec![cue]
        } else {
            vec![]
        },
        affiliation: None,
        relays: false,
    })
}

fuzz_target!(|data: &[u8]| {
    common::one_thread();
    let Some((head, text)) = common::head_and_text(data) else {
        return;
    };
    let story = common::default_story();
    let mut article = Article::new("fuzz", text);
    if article.sentences.is_empty() {
        return;
    }
    if let Some(d) = head.get(..4) {
        let days = i32::from_le_bytes([d[0], d[1], d[2], d[3]]);
        article.published = chrono::NaiveDate::from_num_days_from_ce_opt(days);
    }
    let attributions: Vec<Attribution> = head
        .get(4..)
        .unwrap_or_default()
        .chunks_exact(6)
        .take(16)
        .filter_map(|r| attribution(&article, r))
        .collect();
    let resolver = common::resolver();
    let mut table = SourceTable::new(&story.registry);
    let resolved = resolve::resolve(&article, &attributions, resolver, &mut table);
    assert!(resolved.len() <= attributions.len());
    for r in &resolved {
        assert!(
            r.speaker.source.voice_of() == Some("fuzz")
                || table.get(r.speaker.source.as_str()).is_some(),
            "speaker {:?} neither the article's voice nor in the table",
            r.speaker.source
        );
    }
    let mut built = claims::build(&article, &resolved);
    assert_eq!(
        built.len(),
        resolved.len(),
        "a claim per resolved attribution"
    );
    meaning::annotate(&mut built, common::parties(), &meaning::WordReader);
    let mut ids = HashSet::new();
    for (c, r) in built.iter().zip(&resolved) {
        assert!(ids.insert(c.id.as_str()), "claim id {} twice", c.id);
        let s = article.sentences[c.sentence];
        assert_eq!(
            (c.evidence, c.paragraph),
            (s.span, s.paragraph),
            "evidence of {}",
            c.id
        );
        let given = r.attribution.content[0];
        for part in &c.content {
            assert!(
                inside(text, *part) && given.start <= part.start && part.end <= given.end,
                "content {part:?} of {} outside {given:?}",
                c.id
            );
        }
        for q in &c.quotes {
            assert!(inside(text, *q), "quote {q:?} of {}", c.id);
        }
        for h in &c.hedges {
            assert!(inside(text, h.span), "hedge {:?} of {}", h.span, c.id);
        }
        for t in &c.times {
            assert!(inside(text, t.span), "time {:?} of {}", t.span, c.id);
        }
    }
});
