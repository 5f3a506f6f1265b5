//! The linking stage alone: each line of the input is a claim of plain text, its first
//! byte choosing the article, the speaker, the paragraph and the stance, linked with the
//! others. Relations join two different claims that exist, in the order the stage
//! promises, with a score between 0 and 1 and a reason, and linking again gives the same.
#![no_main]

#[path = "common/mod.rs"]
mod common;

use claimgraph::attribution::Stance;
use claimgraph::claims::Claim;
use claimgraph::link::{self, RelationKind};
use libfuzzer_sys::fuzz_target;

const STANCES: [Stance; 7] = [
    Stance::Assert,
    Stance::Deny,
    Stance::RefuseToConfirm,
    Stance::Accuse,
    Stance::Warn,
    Stance::Announce,
    Stance::Question,
];

fuzz_target!(|data: &[u8]| {
    common::one_thread();
    let Ok(text) = std::str::from_utf8(data) else {
        return;
    };
    let parties = common::parties();
    let claims: Vec<Claim> = text
        .lines()
        .take(64)
        .enumerate()
        .filter_map(|(i, line)| {
            let flags = *line.as_bytes().first()?;
            let content = line.get(1..)?;
            let source =
                ["fsb", "kremlin", "reuters", "unknown:a", "unknown:b"][flags as usize % 5];
            let mut c = Claim::plain_in(&format!("c{i}"), source, content, parties);
            c.article = format!("a{}", (flags >> 3) % 3);
            c.sentence = i;
            c.paragraph = i / 2;
            c.stance = STANCES[(flags >> 5) as usize % STANCES.len()];
            Some(c)
        })
        .collect();
    let relations = link::link(&claims);
    for r in &relations {
        assert!(
            r.a < claims.len() && r.b < claims.len() && r.a != r.b,
            "{r:?}"
        );
        assert!(
            r.kind == RelationKind::Elaborates || r.a < r.b,
            "order of {r:?}"
        );
        assert!((0.0..=1.0).contains(&r.score), "score of {r:?}");
        assert!(!r.reasons.is_empty(), "no reason for {r:?}");
    }
    assert_eq!(
        format!("{relations:?}"),
        format!("{:?}", link::link(&claims)),
        "linking again gives the same"
    );
    for (a, b) in link::neighbours(&claims) {
        assert!(a < b && b < claims.len());
    }
});
