//! The cue lexicon: verbs and phrases that introduce what someone said, and the stance
//! each one carries.

use serde::{Deserialize, Serialize};
use std::collections::HashMap;
use std::sync::OnceLock;

/// What a claim does with its content, as the cue tells it.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum Stance {
    /// States the content as true.
    Assert,
    /// States the content is false.
    Deny,
    /// Declines to say whether the content is true.
    RefuseToConfirm,
    /// Blames someone.
    Accuse,
    /// Warns of a danger.
    Warn,
    /// Makes something known.
    Announce,
    /// Asks or casts doubt.
    Question,
}

impl Stance {
    /// The stance in words, as reports show it.
    pub fn label(self) -> &'static str {
        match self {
            Stance::Assert => "assert",
            Stance::Deny => "deny",
            Stance::RefuseToConfirm => "refuse-to-confirm",
            Stance::Accuse => "accuse",
            Stance::Warn => "warn",
            Stance::Announce => "announce",
            Stance::Question => "question",
        }
    }
}

/// How a cue may be used.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum CueUse {
    /// A speech or belief verb usable anywhere ("said", "warned").
    Verb,
    /// Only a cue when the content follows at once with a colon or comma and a quote ("The
    /// report continues, “…”", "The post reads: …").
    BeforeQuote,
}

/// One entry of the lexicon: a verb lemma with its stance.
#[derive(Clone, Copy, Debug)]
pub struct Cue {
    /// The lemma ("say").
    pub lemma: &'static str,
    /// The stance it gives.
    pub stance: Stance,
    /// Where it counts as a cue.
    pub usage: CueUse,
}

/// (lemma, stance, irregular forms) of the cue verbs.
const VERBS: &[(&str, Stance, &[&str])] = &[
    ("say", Stance::Assert, &["said", "says", "saying"]),
    ("tell", Stance::Assert, &["told", "tells", "telling"]),
    ("state", Stance::Assert, &[]),
    ("claim", Stance::Assert, &[]),
    ("announce", Stance::Announce, &[]),
    ("report", Stance::Assert, &[]),
    ("warn", Stance::Warn, &[]),
    ("add", Stance::Assert, &[]),
    ("note", Stance::Assert, &[]),
    ("accuse", Stance::Accuse, &[]),
    ("deny", Stance::Deny, &["denied", "denies", "denying"]),
    ("insist", Stance::Assert, &[]),
    ("argue", Stance::Assert, &[]),
    ("confirm", Stance::Assert, &[]),
    ("believe", Stance::Assert, &[]),
    ("expect", Stance::Assert, &[]),
    (
        "write",
        Stance::Assert,
        &["wrote", "written", "writes", "writing"],
    ),
    ("post", Stance::Assert, &[]),
    ("express", Stance::Assert, &[]),
    ("question", Stance::Question, &[]),
    ("explain", Stance::Assert, &[]),
    ("declare", Stance::Announce, &[]),
    ("reveal", Stance::Announce, &[]),
    ("allege", Stance::Accuse, &[]),
    (
        "dismiss",
        Stance::Deny,
        &["dismissed", "dismisses", "dismissing"],
    ),
    ("reject", Stance::Deny, &[]),
    (
        "admit",
        Stance::Assert,
        &["admitted", "admits", "admitting"],
    ),
    ("acknowledge", Stance::Assert, &[]),
    ("caution", Stance::Warn, &[]),
    ("ask", Stance::Question, &[]),
    ("predict", Stance::Assert, &[]),
    ("suggest", Stance::Assert, &[]),
    ("assert", Stance::Assert, &[]),
    ("maintain", Stance::Assert, &[]),
    ("estimate", Stance::Assert, &[]),
    ("tweet", Stance::Assert, &[]),
    ("continue", Stance::Assert, &[]),
    ("read", Stance::Assert, &["reads", "reading"]),
    ("conclude", Stance::Assert, &[]),
    ("stress", Stance::Assert, &[]),
    ("reiterate", Stance::Assert, &[]),
    ("emphasise", Stance::Assert, &[]),
    ("emphasize", Stance::Assert, &[]),
];

/// Lemmas whose cue use is [`CueUse::BeforeQuote`].
const BEFORE_QUOTE: &[&str] = &["continue", "read"];

/// Regular forms of a verb: lemma, -s, -ed, -ing.
fn regular_forms(lemma: &str) -> Vec<String> {
    let mut out = vec![lemma.to_string()];
    let (s, ed, ing) = if let Some(stem) = lemma.strip_suffix('e') {
        (
            format!("{lemma}s"),
            format!("{lemma}d"),
            format!("{stem}ing"),
        )
    } else if let Some(stem) = lemma.strip_suffix('y') {
        (
            format!("{stem}ies"),
            format!("{stem}ied"),
            format!("{lemma}ing"),
        )
    } else if lemma.ends_with("ss") || lemma.ends_with("sh") || lemma.ends_with("ch") {
        (
            format!("{lemma}es"),
            format!("{lemma}ed"),
            format!("{lemma}ing"),
        )
    } else {
        (
            format!("{lemma}s"),
            format!("{lemma}ed"),
            format!("{lemma}ing"),
        )
    };
    out.extend([s, ed, ing]);
    out
}

fn table() -> &'static HashMap<String, Cue> {
    static T: OnceLock<HashMap<String, Cue>> = OnceLock::new();
    T.get_or_init(|| {
        let mut m = HashMap::new();
        for (lemma, stance, irregular) in VERBS {
            let usage = if BEFORE_QUOTE.contains(lemma) {
                CueUse::BeforeQuote
            } else {
                CueUse::Verb
            };
            let cue = Cue {
                lemma,
                stance: *stance,
                usage,
            };
            let forms: Vec<String> = if irregular.is_empty() {
                regular_forms(lemma)
            } else {
                std::iter::once(lemma.to_string())
                    .chain(irregular.iter().map(|s| s.to_string()))
                    .collect()
            };
            for f in forms {
                m.entry(f).or_insert(cue);
            }
        }
        m
    })
}

/// Words that make "to say" after them an idiom of doubt or manner, not speech: "it is
/// hard to say", "safe to say", "needless to say".
const BEFORE_IDIOMATIC_SAY: &[&str] = &[
    "hard",
    "difficult",
    "impossible",
    "fair",
    "safe",
    "needless",
    "early",
    "premature",
    "easy",
    "so",
];

/// Is `word` (lower case), standing just before "to say", one that makes it an idiom
/// rather than a report ("hard to say what its future will be")?
pub fn idiom_before_to_say(word: &str) -> bool {
    BEFORE_IDIOMATIC_SAY.contains(&word)
}

/// Is a cue of `text` an idiom with "to say" ("is hard to say"), not a report?
pub fn is_idiomatic_say(text: &str) -> bool {
    let words: Vec<String> = text
        .split(|c: char| !c.is_alphanumeric())
        .filter(|w| !w.is_empty())
        .map(str::to_lowercase)
        .collect();
    words
        .windows(3)
        .any(|w| w[1] == "to" && w[2] == "say" && idiom_before_to_say(&w[0]))
}

/// The cue a word is a form of, if any (`"warned"` → warn).
pub fn lookup(word: &str) -> Option<Cue> {
    let w = word.to_lowercase();
    lookup_lower(&w)
}

/// [`lookup`] of a word already in lower case: no copy made.
pub fn lookup_lower(word: &str) -> Option<Cue> {
    table().get(word).copied()
}

/// Verbs that are no cue of their own but say how a cue the tagger found reports: blame
/// and criticism accuse, a rebuttal denies, an alert warns. Stems, matched at the start
/// of the lower-case word (`criticized`, `criticises`, `slamming`).
const STANCE_STEMS: &[(&str, Stance)] = &[
    ("blame", Stance::Accuse),
    ("blaming", Stance::Accuse),
    ("critici", Stance::Accuse),
    ("condemn", Stance::Accuse),
    ("denounc", Stance::Accuse),
    ("slam", Stance::Accuse),
    ("blast", Stance::Accuse),
    ("lambast", Stance::Accuse),
    ("castigat", Stance::Accuse),
    ("rebuk", Stance::Accuse),
    ("chastis", Stance::Accuse),
    ("assail", Stance::Accuse),
    ("fault", Stance::Accuse),
    ("refut", Stance::Deny),
    ("rebuff", Stance::Deny),
    ("disput", Stance::Deny),
    ("alert", Stance::Warn),
];

/// The stance a cue word the lexicon does not hold still says (`slammed` accuses), from
/// [`STANCE_STEMS`]; `word` is in lower case.
pub fn stance_of_word(word: &str) -> Option<Stance> {
    STANCE_STEMS
        .iter()
        .find(|(stem, _)| word.starts_with(stem))
        .map(|(_, s)| *s)
}

/// Multi-word cues: the words in order (lower case), the lemma and the stance.
pub const PHRASES: &[(&[&str], &str, Stance)] = &[
    (
        &["refused", "to", "confirm"],
        "refuse to confirm",
        Stance::RefuseToConfirm,
    ),
    (
        &["refuses", "to", "confirm"],
        "refuse to confirm",
        Stance::RefuseToConfirm,
    ),
    (
        &["declined", "to", "confirm"],
        "refuse to confirm",
        Stance::RefuseToConfirm,
    ),
    (
        &["declined", "to", "comment"],
        "decline to comment",
        Stance::RefuseToConfirm,
    ),
    (
        &["declines", "to", "comment"],
        "decline to comment",
        Stance::RefuseToConfirm,
    ),
    (
        &["would", "not", "confirm"],
        "refuse to confirm",
        Stance::RefuseToConfirm,
    ),
    (
        &["did", "not", "confirm"],
        "refuse to confirm",
        Stance::RefuseToConfirm,
    ),
    (&["was", "quoted", "as", "saying"], "quote", Stance::Assert),
    (&["were", "quoted", "as", "saying"], "quote", Stance::Assert),
    (&["is", "quoted", "as", "saying"], "quote", Stance::Assert),
    (&["are", "quoted", "as", "saying"], "quote", Stance::Assert),
    (&["been", "quoted", "as", "saying"], "quote", Stance::Assert),
    (&["raised", "alarms", "over"], "raise alarm", Stance::Warn),
    (&["raised", "alarms", "about"], "raise alarm", Stance::Warn),
    (
        &["raised", "the", "alarm", "over"],
        "raise alarm",
        Stance::Warn,
    ),
];

/// Phrases in the first words of an assertion's content that make it a denial: "said it
/// had no knowledge of", "claiming a lack of any knowledge", "said they were not aware".
const DENIALS: &[&[&str]] = &[
    &["lack", "of", "any", "knowledge"],
    &["lack", "of", "knowledge"],
    &["no", "knowledge"],
    &["not", "aware"],
    &["unaware"],
    &["nothing", "to", "do", "with"],
    &["no", "involvement"],
    &["not", "involved"],
    &["never", "happened"],
    &["did", "not", "happen"],
];

/// Predicates that call what they are said of untrue ("the report was false").
const UNTRUE: &[&str] = &[
    "false",
    "untrue",
    "baseless",
    "groundless",
    "unfounded",
    "fabricated",
    "lies",
    "nonsense",
];

/// Phrases in the first words of an assertion's content that decline to confirm: "said it
/// could not confirm".
const NO_CONFIRM: &[&[&str]] = &[
    &["could", "not", "confirm"],
    &["cannot", "confirm"],
    &["can't", "confirm"],
    &["would", "not", "confirm"],
    &["unable", "to", "confirm"],
    &["could", "neither", "confirm"],
    &["no", "comment"],
];

/// How many words at the start of the content the stance rules read: the main clause, not a
/// clause embedded further down.
const STANCE_WINDOW: usize = 8;

/// The stance of a claim from its cue and its content. A plain assertion ("said",
/// "claiming") whose content, in its first words, denies knowledge or involvement ("a lack
/// of any knowledge", "they were not aware", "it denied"), or calls something false ("the
/// report was false"), is a denial; one that says it cannot confirm is a refusal to
/// confirm. Other cues keep their own stance.
pub fn content_stance(cue: Stance, content: &str) -> Stance {
    if cue != Stance::Assert {
        return cue;
    }
    let words: Vec<String> = content
        .split(|c: char| !(c.is_alphanumeric() || c == '\'' || c == '’'))
        .filter(|w| !w.is_empty())
        .take(STANCE_WINDOW)
        .map(|w| w.to_lowercase().replace('’', "'"))
        .collect();
    // a clause embedded further down is someone else's
    let main = words
        .iter()
        .skip(1)
        .position(|w| matches!(w.as_str(), "that" | "whether" | "which" | "who" | "because"))
        .map_or(words.len(), |p| p + 1);
    let words = &words[..main];
    let has = |phrase: &[&str]| {
        words
            .windows(phrase.len())
            .any(|w| w.iter().zip(phrase).all(|(a, b)| a == b))
    };
    if NO_CONFIRM.iter().any(|p| has(p)) {
        return Stance::RefuseToConfirm;
    }
    let denied = words
        .iter()
        .take(4)
        .any(|w| matches!(w.as_str(), "denied" | "denies" | "deny" | "denying"));
    let untrue = words.windows(2).any(|w| {
        matches!(w[0].as_str(), "was" | "is" | "were" | "are" | "be" | "been")
            && UNTRUE.contains(&w[1].as_str())
    });
    if denied || untrue || DENIALS.iter().any(|p| has(p)) {
        Stance::Deny
    } else {
        Stance::Assert
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn criticism_accuses_and_a_rebuttal_denies() {
        assert_eq!(stance_of_word("criticised"), Some(Stance::Accuse));
        assert_eq!(stance_of_word("slammed"), Some(Stance::Accuse));
        assert_eq!(stance_of_word("blamed"), Some(Stance::Accuse));
        assert_eq!(stance_of_word("disputes"), Some(Stance::Deny));
        assert_eq!(stance_of_word("alerted"), Some(Stance::Warn));
        assert_eq!(stance_of_word("said"), None);
        assert_eq!(stance_of_word("blade"), None);
    }

    #[test]
    fn content_can_make_an_assertion_a_denial() {
        for content in [
            "a lack of any knowledge regarding the flooding",
            "it had no knowledge of any plan to close the port",
            "they were not aware of the warning",
            "the ministry denied any part in the closure",
            "the report was false",
            "the guild had nothing to do with the strike",
        ] {
            assert_eq!(
                content_stance(Stance::Assert, content),
                Stance::Deny,
                "{content}"
            );
        }
        for content in [
            "the dam was safe",
            "false alarms had been raised before",
            "engineers found that the workers were not aware of a lack of knowledge in the old reports",
        ] {
            assert_eq!(content_stance(Stance::Assert, content), Stance::Assert, "{content}");
        }
        assert_eq!(
            content_stance(Stance::Assert, "it could not confirm the report"),
            Stance::RefuseToConfirm
        );
        // other cues keep their stance
        assert_eq!(
            content_stance(Stance::Warn, "they were not aware"),
            Stance::Warn
        );
    }

    #[test]
    fn forms_map_to_lemmas() {
        for (w, l) in [
            ("said", "say"),
            ("Says", "say"),
            ("stated", "state"),
            ("warning", "warn"),
            ("denied", "deny"),
            ("accuses", "accuse"),
            ("wrote", "write"),
            ("expressed", "express"),
            ("reads", "read"),
        ] {
            assert_eq!(lookup(w).map(|c| c.lemma), Some(l), "{w}");
        }
        assert!(lookup("sail").is_none());
        assert_eq!(lookup("continues").unwrap().usage, CueUse::BeforeQuote);
        assert_eq!(lookup("denies").unwrap().stance, Stance::Deny);
    }
}
