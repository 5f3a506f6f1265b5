//! People's names in speakers' mentions: the name proper after the titles before it
//! ("Prime Minister Mara Lind" is Mara Lind), and the people an article has named in full,
//! by surname ("Tomas Berg said ... . Berg added ..." is one speaker, registry or not).

use crate::attribution::lexicon::{NAME_TITLES, NOT_PERSON_WORDS};
use std::collections::HashMap;

/// The full names of the people an article's speakers have been so far, by the lower-case
/// last word of each; a surname two different people share stands for neither.
#[derive(Debug, Default)]
pub(super) struct Surnames {
    by_last: HashMap<String, Option<String>>,
}

/// Most words of a name taken for a person's ("Prime Minister Mara Lind").
const MAX_NAME_WORDS: usize = 4;

/// True for a word written like a part of a name: a capital, then letters, or the marks
/// of names ("O'Neil", "Smith-Lind", "Jr.").
fn name_word(w: &str) -> bool {
    w.starts_with(char::is_uppercase)
        && w.chars()
            .all(|c| c.is_alphabetic() || matches!(c, '\'' | '’' | '-' | '.'))
}

/// The name proper of a mention that opens with titles or roles ([`NAME_TITLES`]): the
/// one to three words written like a name after the last of them ("Velna Mayor Tomas
/// Berg" is "Tomas Berg", "Dr. Lind" is "Lind"); the mention whole otherwise, and when
/// those words name a body ([`NOT_PERSON_WORDS`]).
pub(super) fn person_name(mention: &str) -> &str {
    let words: Vec<(usize, &str)> = mention
        .split_whitespace()
        .map(|w| (w.as_ptr() as usize - mention.as_ptr() as usize, w))
        .collect();
    let is_title = |w: &str| {
        let bare = w.trim_end_matches('.').to_lowercase();
        NAME_TITLES.binary_search(&bare.as_str()).is_ok()
    };
    let name_len = words
        .iter()
        .rev()
        .take_while(|(_, w)| name_word(w) && !is_title(w))
        .count();
    let first = words.len() - name_len;
    // ("Chief Prosecutor's Office" names a body, not a person)
    let body = words[first..].iter().any(|(_, w)| {
        NOT_PERSON_WORDS.contains(&w.trim_end_matches(['.', '\'', '’']).to_lowercase().as_str())
    });
    if !(1..=3).contains(&name_len) || first == 0 || !is_title(words[first - 1].1) || body {
        return mention;
    }
    &mention[words[first].0..]
}

impl Surnames {
    /// Records `name` when it reads as a person's: two to [`MAX_NAME_WORDS`] words, each
    /// written like a name, the first not an article ("The Harbour Guild" is no one's).
    pub fn record(&mut self, name: &str) {
        let words: Vec<&str> = name.split_whitespace().collect();
        if !(2..=MAX_NAME_WORDS).contains(&words.len())
            || !words.iter().all(|w| name_word(w))
            || words[0].eq_ignore_ascii_case("the")
        {
            return;
        }
        let last = words[words.len() - 1].trim_end_matches('.').to_lowercase();
        let entry = self
            .by_last
            .entry(last)
            .or_insert_with(|| Some(name.to_string()));
        if entry.as_deref().is_some_and(|full| full != name) {
            *entry = None;
        }
    }

    /// The full name a one-word mention ("Berg") stands for, when the article named one
    /// person, and only one, with that last word before.
    pub fn full_name(&self, mention: &str) -> Option<&str> {
        let m = mention.trim();
        if m.contains(char::is_whitespace) || !name_word(m) {
            return None;
        }
        self.by_last.get(&m.to_lowercase())?.as_deref()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn titles_are_not_part_of_the_name() {
        let mut sorted = NAME_TITLES.to_vec();
        sorted.sort_unstable();
        assert_eq!(sorted, NAME_TITLES, "the titles are sorted");
        assert_eq!(person_name("Prime Minister Mara Lind"), "Mara Lind");
        assert_eq!(person_name("Velna Mayor Tomas Berg"), "Tomas Berg");
        assert_eq!(
            person_name("Harbour Guild spokesman Tomas Berg"),
            "Tomas Berg"
        );
        assert_eq!(person_name("Dr. Lind"), "Lind");
        assert_eq!(person_name("Mara Lind"), "Mara Lind");
        assert_eq!(person_name("the spokesman"), "the spokesman");
        assert_eq!(person_name("Prime Minister"), "Prime Minister");
        assert_eq!(person_name("Chief Harbour Office"), "Chief Harbour Office");
        assert_eq!(
            person_name("Secretary of State Mara Lind"),
            "Secretary of State Mara Lind",
            "only the words right after a title"
        );
    }

    #[test]
    fn a_surname_stands_for_the_one_person_named_in_full_with_it() {
        let mut s = Surnames::default();
        s.record("Tomas Berg");
        s.record("Prime Minister Mara Lind");
        s.record("The Harbour Guild");
        s.record("Valdera");
        assert_eq!(s.full_name("Berg"), Some("Tomas Berg"));
        assert_eq!(s.full_name("Lind"), Some("Prime Minister Mara Lind"));
        assert_eq!(
            s.full_name("Guild"),
            None,
            "an article opens no person's name"
        );
        assert_eq!(s.full_name("Valdera"), None, "one word is no full name");
        assert_eq!(
            s.full_name("berg"),
            None,
            "a surname is written with a capital"
        );
        assert_eq!(
            s.full_name("Tomas Berg"),
            None,
            "a full name needs no surname"
        );
        s.record("Tomas Berg");
        assert_eq!(
            s.full_name("Berg"),
            Some("Tomas Berg"),
            "the same person again"
        );
        s.record("Anna Berg");
        assert_eq!(s.full_name("Berg"), None, "two people share the surname");
    }
}
