//! `sources.ron` and `story.ron`: the registry reads entry by entry, every source it keeps
//! has a valid id and a name that resolves to a source, and `story.ron` either reads or
//! gives an error with its place.
#![no_main]

#[path = "common/mod.rs"]
mod common;

use claimgraph::corpus::{check_id, StoryMeta};
use claimgraph::resolve::Resolver;
use claimgraph::sources::{ron_options, Registry};
use libfuzzer_sys::fuzz_target;
use std::collections::HashSet;
use std::path::Path;

fuzz_target!(|data: &[u8]| {
    let Ok(text) = std::str::from_utf8(data) else {
        return;
    };
    let _ = ron_options().from_str::<StoryMeta>(text);
    let Ok((registry, _problems)) = Registry::parse(Path::new("sources.ron"), text) else {
        return;
    };
    let resolver = Resolver::new(&registry);
    let mut ids = HashSet::new();
    for s in registry.sources() {
        assert!(check_id(&s.id).is_ok(), "source id {:?} kept", s.id);
        assert!(ids.insert(s.id.as_str()), "source id {:?} twice", s.id);
        assert!(!s.name.trim().is_empty(), "a source without a name");
        assert!(registry.get(&s.id).is_some_and(|g| g.id == s.id));
        assert!(
            resolver.resolve(&s.name).is_some(),
            "name {:?} resolves to nothing",
            s.name
        );
    }
});
