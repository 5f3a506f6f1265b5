//! Loading a whole story from one input: `story.ron`, `sources.ron` and up to two
//! articles (their format chosen by the first byte: plain text, Markdown with front
//! matter, HTML or JSON lines). Whatever the bytes, loading ends with articles whose
//! paragraphs and sentences lie inside their text, valid unique ids, and problems that
//! each name a file.
#![no_main]

use claimgraph::corpus::{assemble, check_id, LoadOptions, StoryFiles};
use libfuzzer_sys::fuzz_target;
use std::collections::HashSet;
use std::path::PathBuf;

#[path = "common/mod.rs"]
mod common;

const EXTENSIONS: [&str; 5] = ["txt", "md", "html", "jsonl", "markdown"];

fuzz_target!(|data: &[u8]| {
    let Some((&kind, rest)) = data.split_first() else {
        return;
    };
    let p = common::parts(rest, 4);
    let (story_ron, sources_ron, articles) = match p.as_slice() {
        [a] => (None, None, vec![*a]),
        [s, a] => (None, Some(*s), vec![*a]),
        [m, s, a] => (Some(*m), Some(*s), vec![*a]),
        [m, s, a, b] => (Some(*m), Some(*s), vec![*a, *b]),
        _ => return,
    };
    let ext = EXTENSIONS[kind as usize % EXTENSIONS.len()];
    let files = StoryFiles {
        id: "fuzz".into(),
        root: None,
        display_root: PathBuf::from("fuzz"),
        story_ron: story_ron.map(<[u8]>::to_vec),
        sources_ron: sources_ron.map(<[u8]>::to_vec),
        articles: articles
            .iter()
            .enumerate()
            .map(|(i, a)| {
                (
                    PathBuf::from(format!("articles/a{i}.{ext}")),
                    Ok(a.to_vec()),
                )
            })
            .collect(),
        diagnostics: Vec::new(),
    };
    let Ok(story) = assemble(files, &LoadOptions::default()) else {
        return;
    };
    let mut ids = HashSet::new();
    for a in &story.articles {
        assert!(check_id(&a.id).is_ok(), "article id {:?} kept", a.id);
        assert!(ids.insert(a.id.as_str()), "article id {:?} twice", a.id);
        for s in &a.sentences {
            assert!(
                a.text.get(s.span.start..s.span.end).is_some(),
                "sentence out of bounds"
            );
        }
    }
    for d in &story.diagnostics {
        assert!(
            d.to_string().starts_with("fuzz"),
            "a problem that names no file: {d}"
        );
    }
});
