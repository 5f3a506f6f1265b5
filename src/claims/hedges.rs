//! Hedges: words that make a claim less than a plain assertion.

use crate::text::tokens::words;
use crate::text::Span;
use serde::{Deserialize, Serialize};

/// A hedge found in or around a claim.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Hedge {
    /// Where it stands.
    pub span: Span,
    /// The hedge word or phrase, lower case.
    pub cue: String,
}

/// Single hedge words.
const WORDS: &[&str] = &[
    "allegedly",
    "apparent",
    "apparently",
    "could",
    "likely",
    "may",
    "might",
    "perhaps",
    "possible",
    "possibly",
    "presumably",
    "probably",
    "purportedly",
    "reportedly",
    "reputedly",
    "seemingly",
    "seem",
    "seemed",
    "seems",
    "supposedly",
    "unconfirmed",
    "unclear",
    "unverified",
];

/// Verbs that hedge only before "to" or "that", or after "it" ("appears to be", "it
/// appears"): "the group appeared for the first time" is no hedge.
const BEFORE_TO: &[&str] = &["appear", "appeared", "appears"];

/// The hedges in `spans` of `text`, in text order.
pub fn find(text: &str, spans: &[Span]) -> Vec<Hedge> {
    let mut out = Vec::new();
    for s in spans {
        let ws = words(text, *s);
        for (i, w) in ws.iter().enumerate() {
            let lower = w.text.to_lowercase().replace('’', "'");
            let low = |k: usize| ws.get(k).map(|w| w.text.to_lowercase());
            let verb_hedge = BEFORE_TO.contains(&lower.as_str())
                && (matches!(low(i + 1).as_deref(), Some("to") | Some("that"))
                    || (i >= 1 && low(i - 1).as_deref() == Some("it")));
            // "could not link it", "could never": an inability stated, not a possibility
            let inability =
                lower == "could" && matches!(low(i + 1).as_deref(), Some("not") | Some("never"));
            // "it's possible that" is one hedge, reported at "possible"
            if (WORDS.contains(&lower.as_str()) || verb_hedge) && !inability {
                let it_is = match i
                    .checked_sub(1)
                    .and_then(low)
                    .map(|w| w.replace('’', "'"))
                    .as_deref()
                {
                    Some("it's") => true,
                    Some("is") => i >= 2 && low(i - 2).as_deref() == Some("it"),
                    _ => false,
                };
                let phrase = if lower == "possible" && i >= 1 && it_is {
                    "it's possible that".to_string()
                } else {
                    lower
                };
                out.push(Hedge {
                    span: w.span,
                    cue: phrase,
                });
            }
        }
    }
    out.sort_by_key(|h| h.span);
    out.dedup();
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn finds_hedges() {
        let t = "She reportedly said it’s possible that the threats may be linked.";
        let h: Vec<String> = find(t, &[Span::new(0, t.len())])
            .into_iter()
            .map(|h| h.cue)
            .collect();
        assert_eq!(h, ["reportedly", "it's possible that", "may"]);
        assert!(find("The FSB stated the facts.", &[Span::new(0, 25)]).is_empty());
    }

    fn cues_of(t: &str) -> Vec<String> {
        find(t, &[Span::new(0, t.len())])
            .into_iter()
            .map(|h| h.cue)
            .collect()
    }

    #[test]
    fn each_hedge() {
        for (t, want) in [
            ("The dam may fail.", "may"),
            ("The dam might fail.", "might"),
            ("A failure is possible.", "possible"),
            ("The guild reportedly paid the workers.", "reportedly"),
            ("The guild allegedly paid the workers.", "allegedly"),
            ("It is possible that the dam fails.", "it's possible that"),
            ("It’s possible that the dam fails.", "it's possible that"),
            ("The dam appears to be cracked.", "appears"),
            ("It appears the dam is cracked.", "appears"),
        ] {
            assert_eq!(cues_of(t), [want], "{t}");
        }
    }

    #[test]
    fn an_inability_is_no_hedge() {
        assert!(cues_of("The laboratory could not link the attack to Kelmar.").is_empty());
        assert_eq!(
            cues_of("The laboratory could link it to Kelmar."),
            ["could"]
        );
    }

    #[test]
    fn adjectives_of_distance_inside_a_noun_phrase_are_no_hedge() {
        // the claim is hedged by "allegedly", not by an "alleged plot" it mentions
        assert!(cues_of("They had no knowledge of the alleged plot.").is_empty());
        assert_eq!(cues_of("They allegedly knew of the plot."), ["allegedly"]);
    }

    #[test]
    fn appearing_somewhere_is_no_hedge() {
        assert!(cues_of("The group appeared for the first time in the valley in 2014.").is_empty());
        assert!(cues_of("The mayor appears in court on Monday.").is_empty());
    }
}
