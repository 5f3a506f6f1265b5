//! Repairs of the source spans the tagger finds: a lone adverb is no speaker, and a word
//! that opens a name stands for the whole name; and of the content around them: a phrase
//! of circumstance before the speaker is not what was said.

use super::lexicon::{
    in_list, ACCOUNT_NOUNS, ADJUNCT_OPENERS, BETWEEN, CLAUSE_OPENERS, NOT_PERSON_WORDS, TIME_WORDS,
};
use crate::text::Span;

/// Source fragments less a lone word that stands between a subject and its cue ("always"
/// of "Russia has always denied"): no speaker, so the rules' source, or none, stands.
/// A lower-case day word that ends a source of several words ("Russia today") is an
/// adverb between the subject and its cue, and is left out, and so is a word that opens
/// the speaker's clause ("pending what it said": the speaker is "it").
pub(super) fn speakers_only(text: &str, source: &[Span]) -> Vec<Span> {
    match source {
        [s] if in_list(BETWEEN, &s.slice(text).to_lowercase()) => Vec::new(),
        _ => source
            .iter()
            .map(|s| without_account(text, without_trailing_day(text, without_opener(text, *s))))
            .collect(),
    }
}

/// "what it (said were ...)": the source less a clause opener of [`CLAUSE_OPENERS`] before
/// it.
fn without_opener(text: &str, s: Span) -> Span {
    let t = s.slice(text);
    match t.split_once(' ') {
        Some((first, rest))
            if in_list(CLAUSE_OPENERS, &first.to_lowercase()) && !rest.trim().is_empty() =>
        {
            Span::new(s.end - rest.len(), s.end).trim(text)
        }
        _ => s,
    }
}

/// "an accusation Moscow (has denied)": the account a reduced relative hangs on is what
/// the speaker answers, not part of the speaker; the source starts after it.
fn without_account(text: &str, s: Span) -> Span {
    let t = s.slice(text);
    let mut words = t.split(' ');
    let (Some(first), Some(noun)) = (words.next(), words.next()) else {
        return s;
    };
    let rest_start = first.len() + 1 + noun.len() + 1;
    let opener = matches!(first.to_lowercase().as_str(), "a" | "an" | "the" | "this");
    let after = t.get(rest_start..).unwrap_or("");
    let named_after = after.starts_with(char::is_uppercase) || after.starts_with("the ");
    if opener && in_list(ACCOUNT_NOUNS, &noun.to_lowercase()) && named_after {
        Span::new(s.start + rest_start, s.end)
    } else {
        s
    }
}

fn without_trailing_day(text: &str, s: Span) -> Span {
    let t = s.slice(text);
    match t.rsplit_once(' ') {
        Some((head, last))
            if !head.trim().is_empty()
                && last.starts_with(char::is_lowercase)
                && in_list(TIME_WORDS, last) =>
        {
            Span::new(s.start, s.start + head.trim_end().len())
        }
        _ => s,
    }
}

/// A one-word source that opens a name of capitalised words ("Mr" of "Mr Chizhov",
/// "Foreign" of "Foreign Minister Dmytro Kuleba"), widened to the whole name: up to four
/// words in all, each capitalised and lower case after its first letter, one space apart,
/// none a word of time or of organisations, followed by lower-case prose or a comma.
pub(super) fn whole_name(text: &str, s: Span) -> Span {
    let word = |w: &str| {
        let mut cs = w.chars();
        let lower = w.to_lowercase();
        cs.next().is_some_and(char::is_uppercase)
            && cs.all(char::is_lowercase)
            && !in_list(TIME_WORDS, &lower)
            && !in_list(NOT_PERSON_WORDS, &lower)
    };
    let first = s.slice(text);
    if !word(first.trim_end_matches('.')) {
        return s;
    }
    let mut end = s.end;
    for _ in 0..3 {
        let rest = &text[end..];
        let Some(after) = rest.strip_prefix(' ') else {
            break;
        };
        let len = after
            .find(|c: char| !c.is_alphabetic())
            .unwrap_or(after.len());
        if len == 0 || !word(&after[..len]) {
            break;
        }
        end += 1 + len;
    }
    // the name ends where lower-case prose goes on ("Mr Chizhov said", "..., Kuleba also
    // welcomed"): a run that ends at a capital or the end of a line is a headline in
    // title case ("Trump Says He Never ..."), not a name
    let goes_on = text[end..]
        .strip_prefix(' ')
        .and_then(|r| r.chars().next())
        .is_some_and(char::is_lowercase)
        || text[end..].starts_with(',');
    if end > s.end && goes_on {
        Span::new(s.start, end)
    } else {
        s
    }
}

/// How many bytes before a content fragment are read for the word before it.
const ADJUNCT_LOOKBACK: usize = 24;

/// Takes out of `content` a phrase of circumstance that opens the sentence before the
/// speaker ("In a statement after the meeting, Tomas Berg told the council: “…”", "On
/// the inquiry he stated, “…”"): a fragment that ends right before the single `source`
/// (or with a comma there), that starts with a word of [`ADJUNCT_OPENERS`] or follows
/// one, when content follows the speaker.
pub(super) fn without_fronted_adjunct(text: &str, source: &[Span], content: &mut Vec<Span>) {
    let [s] = source else { return };
    if !content.iter().any(|c| c.start >= s.end) {
        return;
    }
    content.retain(|c| {
        if c.end > s.start || !matches!(text[c.end..s.start].trim(), "," | "") {
            return true;
        }
        // the phrase's own first word, or the one just before it ("On the inquiry he
        // stated")
        let first = c.slice(text).split_whitespace().next().unwrap_or("");
        let start = c.start.saturating_sub(ADJUNCT_LOOKBACK);
        let start = (start..=c.start)
            .find(|&k| text.is_char_boundary(k))
            .unwrap_or(c.start);
        let prev = text[start..c.start]
            .split_whitespace()
            .next_back()
            .unwrap_or("");
        let opener = |w: &str| in_list(ADJUNCT_OPENERS, &w.to_lowercase());
        // (the word before written with a capital: it opens the sentence)
        !(opener(first) || (opener(prev) && prev.starts_with(char::is_uppercase)))
    });
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_one_word_source_opening_a_name_is_widened_to_the_name() {
        let widen = |text: &str, word: &str| {
            let start = text.find(word).unwrap();
            whole_name(text, Span::new(start, start + word.len()))
                .slice(text)
                .to_string()
        };
        let t = "Foreign Minister Dmytro Kuleba also welcomed the verdict.";
        assert_eq!(widen(t, "Foreign"), "Foreign Minister Dmytro Kuleba");
        assert_eq!(widen("Mr Chizhov said it was wrong.", "Mr"), "Mr Chizhov");
        assert_eq!(widen("Mr Chizhov, the envoy, said so.", "Mr"), "Mr Chizhov");
        // a headline in title case, a time word, an organisation's word: left alone
        assert_eq!(widen("Trump Says He Never Said It", "Trump"), "Trump");
        assert_eq!(widen("Trump Tuesday said it was over.", "Trump"), "Trump");
        assert_eq!(widen("Lind Ministry officials said so.", "Lind"), "Lind");
        // a source of several words, or lower case, is kept as found
        assert_eq!(widen("the FSB said so.", "the FSB"), "the FSB");
        assert_eq!(widen("officials Mara Lind said", "officials"), "officials");
    }

    #[test]
    fn a_lone_adverb_is_no_source() {
        let t = "Russia has always denied it.";
        let at = |w: &str| {
            let s = t.find(w).unwrap();
            Span::new(s, s + w.len())
        };
        assert!(speakers_only(t, &[at("always")]).is_empty());
        assert_eq!(speakers_only(t, &[at("Russia")]), [at("Russia")]);
        let t = "It was approved, an accusation Moscow has denied.";
        let whole = Span::new(t.find("an accusation").unwrap(), t.find(" has").unwrap());
        assert_eq!(speakers_only(t, &[whole])[0].slice(t), "Moscow");
        let t = "Russia today said its records show a jet.";
        let whole = Span::new(0, "Russia today".len());
        assert_eq!(speakers_only(t, &[whole]), [Span::new(0, 6)]);
        let t = "In a statement after the meeting, Tomas Berg told the council: “It is shut.”";
        let at = |w: &str| {
            let s = t.find(w).unwrap();
            Span::new(s, s + w.len())
        };
        let mut content = vec![at("In a statement after the meeting"), at("“It is shut.”")];
        without_fronted_adjunct(t, &[at("Tomas Berg")], &mut content);
        assert_eq!(content, [at("“It is shut.”")]);
        // not without content after the speaker, nor a fragment that is no adjunct
        let mut content = vec![at("In a statement after the meeting")];
        without_fronted_adjunct(t, &[at("Tomas Berg")], &mut content);
        assert_eq!(content.len(), 1);
        let t = "On the inquiry he stated, “It is shut.”";
        let at = |w: &str| {
            let s = t.find(w).unwrap();
            Span::new(s, s + w.len())
        };
        let mut content = vec![at("the inquiry"), at("“It is shut.”")];
        without_fronted_adjunct(t, &[at(" he ").trim(t)], &mut content);
        assert_eq!(content, [at("“It is shut.”")]);
        let t = "The pier is shut, Tomas Berg told the council.";
        let mut content = vec![Span::new(0, 16), Span::new(t.len() - 12, t.len() - 1)];
        without_fronted_adjunct(t, &[Span::new(18, 28)], &mut content);
        assert_eq!(content.len(), 2);
        let t = "It closed, pending what it said were repairs.";
        let whole = Span::new(t.find("what").unwrap(), t.find(" said").unwrap());
        assert_eq!(speakers_only(t, &[whole])[0].slice(t), "it");
    }
}
