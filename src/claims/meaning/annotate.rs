//! Reading every claim of a story: its assertion, the keys that let claims asserting the
//! same thing meet when they are linked, and the day it was told.

use super::{Parties, Party, Reader, OWN_PART};
use crate::claims::Claim;
use std::collections::HashMap;

/// Computes each claim's [`Assertion`] with `reader`, and gives each claim the keys of its
/// predicate class and agent (`@destroy`, `@party:…`), so that claims that assert the same
/// thing in other words meet when claims are linked.
pub fn annotate(claims: &mut [Claim], parties: &Parties, reader: &(impl Reader + Sync)) {
    use rayon::prelude::*;
    // each claim is read alone, on rayon's threads
    claims.par_iter_mut().for_each(|c| {
        let a = reader.read(c, parties);
        if let Some(class) = a.class() {
            let k = class.key().to_string();
            if !c.keys.contains(&k) {
                c.keys.push(k);
            }
        }
        // a party the content names: the speaker's own part in a denial ("denied its
        // involvement") is read, not written, and gives no key
        // (a rejection's defended party is written: it is what the rejection answers)
        let written = |p: &&Party| p.text != OWN_PART || a.rejects;
        if let Some(agent) = a.agent.as_ref().filter(written) {
            let k = format!("@party:{}", agent.id.to_lowercase());
            if !c.keys.contains(&k) {
                c.keys.push(k);
            }
        }
        c.assertion = a;
    });
}

/// Gives each claim's assertion the publication date of its article, from (article id,
/// date) pairs: counts of a toll told on other days are read as such.
pub fn date_claims<'a>(
    claims: &mut [Claim],
    articles: impl IntoIterator<Item = (&'a str, Option<chrono::NaiveDate>)>,
) {
    let days: HashMap<&str, Option<chrono::NaiveDate>> = articles.into_iter().collect();
    for c in claims.iter_mut() {
        c.assertion.told = days.get(c.article.as_str()).copied().flatten();
    }
}
