//! The analysis path on one article of plain text, with the default story's registry:
//! extraction, speakers, claims, links and assessment. Every claim's words lie inside the
//! article, relations join claims that exist, and each claim sits in one proposition.
#![no_main]

#[path = "common/mod.rs"]
mod common;

use claimgraph::{Article, Story};
use libfuzzer_sys::fuzz_target;
use std::cell::RefCell;
use std::collections::HashMap;

thread_local! {
    static STORY: RefCell<Story> = RefCell::new({
        let mut s = claimgraph::corpus::default_story(&Default::default()).unwrap();
        s.articles.clear();
        s
    });
}

fuzz_target!(|data: &[u8]| {
    common::one_thread();
    let Ok(text) = std::str::from_utf8(data) else {
        return;
    };
    STORY.with(|cell| {
        let mut story = cell.borrow_mut();
        story.articles = vec![Article::new("fuzz", text)];
        let r = claimgraph::analyze(&story, &Default::default());
        let mut in_proposition: HashMap<&str, usize> = HashMap::new();
        for p in &r.propositions {
            for c in &p.claims {
                *in_proposition.entry(c.as_str()).or_default() += 1;
            }
        }
        for c in &r.claims {
            let e = &c.evidence;
            assert_eq!(
                text.get(e.start..e.end),
                Some(e.text.as_str()),
                "evidence of {}",
                c.id
            );
            for part in &c.content {
                assert!(
                    text.get(part.start..part.end).is_some(),
                    "content of {}",
                    c.id
                );
            }
            assert_eq!(
                in_proposition.get(c.id.as_str()),
                Some(&1),
                "{} in one proposition",
                c.id
            );
        }
        for x in &r.relations {
            assert!(r.claims.iter().any(|c| c.id == x.a) && r.claims.iter().any(|c| c.id == x.b));
        }
    });
});
