//! The predicate lexicon: words and phrases of news coverage that name what happened or who
//! is to answer for it, each with its lemma and a class of near-synonyms ("blew up",
//! "breached" and "destroyed" are one class). A data table: general English, not the
//! vocabulary of one story.

/// A class of near-synonymous predicates.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord, serde::Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum PredicateClass {
    /// Destroyed, blew up, breached, demolished, sabotaged.
    Destroy,
    /// Attacked, struck, shelled, bombed, fired on, shot down.
    Attack,
    /// Responsible, behind, involved, to blame, guilty, carried out.
    Responsible,
    /// Killed, dead, died, death toll.
    Kill,
    /// Injured, wounded, hurt.
    Injure,
    /// Warned, alerted, advised against.
    Warn,
    /// Poisoned, a nerve agent, a toxin.
    Poison,
    /// Caused, led to, resulted from.
    Cause,
    /// Crashed, went down, fell.
    Crash,
    /// Leaked, escaped from a laboratory.
    Leak,
    /// Originated, emerged, came from.
    Originate,
    /// Evidence, proof, showed, proved.
    Evidence,
}

impl PredicateClass {
    /// The class in words, for reasons and questions.
    pub fn label(self) -> &'static str {
        match self {
            PredicateClass::Destroy => "destroy",
            PredicateClass::Attack => "attack",
            PredicateClass::Responsible => "be responsible for",
            PredicateClass::Kill => "kill",
            PredicateClass::Injure => "injure",
            PredicateClass::Warn => "warn",
            PredicateClass::Poison => "poison",
            PredicateClass::Cause => "cause",
            PredicateClass::Crash => "crash",
            PredicateClass::Leak => "leak",
            PredicateClass::Originate => "originate",
            PredicateClass::Evidence => "show",
        }
    }

    /// The class as a finished act, for reasons: "X says Y destroyed it".
    pub fn past(self) -> &'static str {
        match self {
            PredicateClass::Destroy => "destroyed it",
            PredicateClass::Attack => "attacked",
            PredicateClass::Responsible => "was responsible",
            PredicateClass::Kill => "killed",
            PredicateClass::Injure => "injured",
            PredicateClass::Warn => "warned",
            PredicateClass::Poison => "poisoned",
            PredicateClass::Cause => "caused it",
            PredicateClass::Crash => "crashed",
            PredicateClass::Leak => "leaked",
            PredicateClass::Originate => "was the origin",
            PredicateClass::Evidence => "showed it",
        }
    }

    /// The key a claim of this class carries for matching (`@destroy`).
    pub fn key(self) -> &'static str {
        match self {
            PredicateClass::Destroy => "@destroy",
            PredicateClass::Attack => "@attack",
            PredicateClass::Responsible => "@responsible",
            PredicateClass::Kill => "@kill",
            PredicateClass::Injure => "@injure",
            PredicateClass::Warn => "@warn",
            PredicateClass::Poison => "@poison",
            PredicateClass::Cause => "@cause",
            PredicateClass::Crash => "@crash",
            PredicateClass::Leak => "@leak",
            PredicateClass::Originate => "@originate",
            PredicateClass::Evidence => "@evidence",
        }
    }

    /// True for the classes that answer "who did it": two agents of one such event
    /// compete.
    pub fn has_culprit(self) -> bool {
        matches!(
            self,
            PredicateClass::Destroy
                | PredicateClass::Attack
                | PredicateClass::Responsible
                | PredicateClass::Kill
                | PredicateClass::Poison
                | PredicateClass::Cause
                | PredicateClass::Leak
        )
    }

    /// True when claims of the two classes answer one question, so that they can agree
    /// or contradict: one class; two classes that ask who did it ("destroyed the dam",
    /// "behind it"); or where a thing came from and the accident or cause it came by
    /// ("originated with a leak", "leaked from a laboratory", "was the cause").
    pub fn one_question(self, other: PredicateClass) -> bool {
        let origin = |c: PredicateClass| {
            matches!(
                c,
                PredicateClass::Originate | PredicateClass::Leak | PredicateClass::Cause
            )
        };
        self == other
            || (self.has_culprit() && other.has_culprit())
            || (origin(self) && origin(other))
    }

    /// True for the classes whose claims are counts of people ("471 killed").
    pub fn counts_people(self) -> bool {
        matches!(self, PredicateClass::Kill | PredicateClass::Injure)
    }
}

use PredicateClass::*;

/// Two-word predicates, lower case: (first, second, lemma, class). Checked before single
/// words.
pub const PHRASES: &[(&str, &str, &str, PredicateClass)] = &[
    ("blew", "up", "blow up", Destroy),
    ("blow", "up", "blow up", Destroy),
    ("blowing", "up", "blow up", Destroy),
    ("blown", "up", "blow up", Destroy),
    ("brought", "down", "shoot down", Attack),
    ("carried", "out", "carry out", Responsible),
    ("carry", "out", "carry out", Responsible),
    ("carrying", "out", "carry out", Responsible),
    ("came", "from", "come from", Originate),
    ("come", "from", "come from", Originate),
    ("death", "toll", "death toll", Kill),
    ("do", "with", "have to do with", Responsible),
    ("led", "to", "lead to", Cause),
    ("nerve", "agent", "nerve agent", Poison),
    ("resulted", "from", "result from", Cause),
    ("shot", "down", "shoot down", Attack),
    ("take", "down", "shoot down", Attack),
    ("taken", "down", "shoot down", Attack),
    ("took", "down", "shoot down", Attack),
    ("shooting", "down", "shoot down", Attack),
    ("went", "down", "go down", Crash),
];

/// Single words, lower case: (word, lemma, class). Sorted by word (a test checks).
pub const WORDS: &[(&str, &str, PredicateClass)] = &[
    ("accountable", "responsible", Responsible),
    ("airstrike", "strike", Attack),
    ("airstrikes", "strike", Attack),
    ("alert", "warn", Warn),
    ("alerted", "warn", Warn),
    ("attack", "attack", Attack),
    ("attacked", "attack", Attack),
    ("attacks", "attack", Attack),
    ("authorised", "responsible", Responsible),
    ("authorized", "responsible", Responsible),
    ("behind", "responsible", Responsible),
    ("blame", "responsible", Responsible),
    ("blamed", "responsible", Responsible),
    ("blast", "destroy", Destroy),
    ("bombed", "attack", Attack),
    ("bombing", "attack", Attack),
    ("breach", "destroy", Destroy),
    ("breached", "destroy", Destroy),
    ("caused", "cause", Cause),
    ("causing", "cause", Cause),
    ("complicit", "responsible", Responsible),
    ("complicity", "responsible", Responsible),
    ("crash", "crash", Crash),
    ("crashed", "crash", Crash),
    ("culpable", "responsible", Responsible),
    ("dead", "kill", Kill),
    ("death", "kill", Kill),
    ("deaths", "kill", Kill),
    ("demolished", "destroy", Destroy),
    ("destroy", "destroy", Destroy),
    ("destroyed", "destroy", Destroy),
    ("destroying", "destroy", Destroy),
    ("destruction", "destroy", Destroy),
    ("detonated", "destroy", Destroy),
    ("died", "kill", Kill),
    ("downed", "shoot down", Attack),
    ("downing", "shoot down", Attack),
    ("emerged", "originate", Originate),
    ("escaped", "leak", Leak),
    ("evidence", "evidence", Evidence),
    ("exploded", "destroy", Destroy),
    ("explosion", "destroy", Destroy),
    ("fatalities", "kill", Kill),
    ("fired", "fire", Attack),
    ("guilty", "responsible", Responsible),
    ("hit", "strike", Attack),
    ("hurt", "injure", Injure),
    ("injured", "injure", Injure),
    ("injuries", "injure", Injure),
    ("involved", "responsible", Responsible),
    ("involvement", "responsible", Responsible),
    ("killed", "kill", Kill),
    ("killing", "kill", Kill),
    ("launched", "fire", Attack),
    ("leak", "leak", Leak),
    ("leaked", "leak", Leak),
    ("lives", "kill", Kill),
    ("mined", "destroy", Destroy),
    ("misfire", "attack", Attack),
    ("misfired", "attack", Attack),
    ("orchestrated", "responsible", Responsible),
    ("ordered", "responsible", Responsible),
    ("origin", "originate", Originate),
    ("originated", "originate", Originate),
    ("perpetrated", "responsible", Responsible),
    ("perpetrator", "responsible", Responsible),
    ("perpetrators", "responsible", Responsible),
    ("poison", "poison", Poison),
    ("poisoned", "poison", Poison),
    ("poisoning", "poison", Poison),
    ("proof", "evidence", Evidence),
    ("proved", "evidence", Evidence),
    ("responsibility", "responsible", Responsible),
    ("responsible", "responsible", Responsible),
    ("role", "responsible", Responsible),
    ("sabotage", "destroy", Destroy),
    ("sabotaged", "destroy", Destroy),
    ("shelled", "attack", Attack),
    ("shelling", "attack", Attack),
    ("showed", "evidence", Evidence),
    ("shows", "evidence", Evidence),
    ("spillover", "originate", Originate),
    ("strike", "strike", Attack),
    ("strikes", "strike", Attack),
    ("struck", "strike", Attack),
    ("targeted", "attack", Attack),
    ("toxin", "poison", Poison),
    ("warned", "warn", Warn),
    ("warning", "warn", Warn),
    ("warns", "warn", Warn),
    ("wounded", "injure", Injure),
];

/// The predicate of a word, if the lexicon has it: (lemma, class).
pub fn of_word(word: &str) -> Option<(&'static str, PredicateClass)> {
    WORDS
        .binary_search_by(|(w, _, _)| (*w).cmp(word))
        .ok()
        .map(|i| (WORDS[i].1, WORDS[i].2))
}

/// The predicate of two words, if the lexicon has the phrase: (lemma, class).
pub fn of_pair(first: &str, second: &str) -> Option<(&'static str, PredicateClass)> {
    PHRASES
        .iter()
        .find(|(a, b, _, _)| *a == first && *b == second)
        .map(|(_, _, l, c)| (*l, *c))
}

/// Cardinal number words and their values.
pub const NUMBER_WORDS: &[(&str, f64)] = &[
    ("one", 1.0),
    ("two", 2.0),
    ("three", 3.0),
    ("four", 4.0),
    ("five", 5.0),
    ("six", 6.0),
    ("seven", 7.0),
    ("eight", 8.0),
    ("nine", 9.0),
    ("ten", 10.0),
    ("eleven", 11.0),
    ("twelve", 12.0),
    ("fifteen", 15.0),
    ("twenty", 20.0),
    ("thirty", 30.0),
    ("forty", 40.0),
    ("fifty", 50.0),
    ("hundred", 100.0),
    ("thousand", 1000.0),
    ("dozen", 12.0),
];

/// Number words that scale the number before them ("two hundred", "3 million").
pub const MULTIPLIERS: &[(&str, f64)] = &[
    ("hundred", 100.0),
    ("thousand", 1000.0),
    ("million", 1e6),
    ("billion", 1e9),
];

/// Vague plurals of number words: "hundreds" is at least 200, "dozens" at least 24.
pub const VAGUE_PLURALS: &[(&str, f64)] =
    &[("dozens", 24.0), ("hundreds", 200.0), ("thousands", 2000.0)];

/// Words that negate what follows them in a content ("not", "never", "denied"), and nouns
/// or adjectives that deny the matter they go with ("baseless", "lack of", "a hoax"). The
/// one negation lexicon: what a claim asserts ([`super::meaning`]) and how claims are
/// matched (`link::relate`) both read it.
pub const NEGATIONS: &[&str] = &[
    "baseless",
    "denied",
    "denies",
    "deny",
    "fake",
    "false",
    "hoax",
    "lack",
    "lacked",
    "lacking",
    "lacks",
    "neither",
    "never",
    "no",
    "nobody",
    "none",
    "nor",
    "not",
    "nothing",
    "unfounded",
    "untrue",
    "without",
];

/// Words after a negation that make it no denial of the statement: "not just", "no
/// greater", "no doubt", a warning "not to go".
pub const NEGATION_UNDONE_BY_NEXT: &[&str] = &[
    "doubt", "fewer", "greater", "just", "less", "longer", "merely", "more", "only", "to",
];

/// Words before a negation, inside the content, that make it part of a condition or a
/// relative clause rather than of the statement: "if the Kremlin does not receive",
/// "plans which do not depend".
pub const NEGATION_UNDONE_BY_EARLIER: &[&str] = &["if", "unless", "which", "who", "whether"];

/// Words anywhere in a content that make a negation in it conditional: "not shared ...
/// unless there is a real threat".
pub const NEGATION_CONDITIONAL: &[&str] = &["unless", "except"];

/// Hedges that only say the report is second-hand; they do not weaken the content.
pub const HEARSAY: &[&str] = &["reportedly", "allegedly", "purportedly", "supposedly"];

/// Hedge words that state an assessed likelihood ("highly likely", "most probably"): the
/// speaker asserts the matter with a confidence (see `meaning::Confidence`), rather than
/// leaving it open as "may" or "could" do.
pub const ASSESSED: &[&str] = &["likely", "probably"];

/// True when a hedge cue weakens what a claim asserts: not hearsay ("reportedly") and not
/// an assessed likelihood ("highly likely").
pub fn weakens(cue: &str) -> bool {
    !HEARSAY.contains(&cue) && !ASSESSED.contains(&cue)
}

/// Words that say how sure or how strong, or that only frame the content ("knowledge
/// regarding", "took place"): they do not count as content, for linking (by their stems) nor in a claim's theme.
pub const NOT_CONTENT: &[&str] = &[
    "absolutely",
    "actually",
    "alleged",
    "allegedly",
    "apparent",
    "apparently",
    "certain",
    "certainly",
    "completely",
    "definitely",
    "extremely",
    "highly",
    "likely",
    "made",
    "make",
    "makes",
    "maybe",
    "perhaps",
    "place",
    "possible",
    "possibly",
    "potential",
    "potentially",
    "pretty",
    "probable",
    "probably",
    "purported",
    "quite",
    "rather",
    "real",
    "really",
    "regard",
    "reported",
    "reportedly",
    "somewhat",
    "supposed",
    "supposedly",
    "take",
    "taken",
    "took",
    "truly",
];

/// Words too general to tell one event from another ("people", "at least", "officials"):
/// they are no part of a claim's theme.
pub const GENERIC_THEME: &[&str] = &[
    "according",
    "also",
    "authorities",
    "day",
    "days",
    "first",
    "former",
    "including",
    "last",
    "least",
    "many",
    "more",
    "most",
    "new",
    "number",
    "official",
    "officials",
    "other",
    "people",
    "person",
    "persons",
    "report",
    "reported",
    "reports",
    "several",
    "some",
    "statement",
    "time",
    "told",
    "total",
    "week",
    "year",
    "years",
];

/// Predicate words whose subject undergoes the event rather than causes it ("the men
/// who died", "the plane crashed", "the blast"): a party before one of them is not its
/// agent.
pub const NO_SUBJECT_AGENT: &[&str] = &[
    "blast",
    "crash",
    "crashed",
    "dead",
    "death",
    "deaths",
    "died",
    "emerged",
    "escaped",
    "exploded",
    "explosion",
    "fatalities",
    "hurt",
    "injured",
    "injuries",
    "lives",
    "origin",
    "originated",
    "toll",
    "wounded",
];

// Word lists of the reading of a claim's structure (`meaning::WordReader`)

/// Nouns that name another account, which a claim reports on or rejects.
pub(crate) const ACCOUNTS: &[&str] = &[
    "accusation",
    "accusations",
    "allegation",
    "allegations",
    "claim",
    "claims",
    "report",
    "reports",
    "story",
    "version",
    "narrative",
    "speculation",
    "theory",
];

/// Prepositions: a predicate noun just after one is part of a phrase of the sentence
/// ("in response to the attack"), not the deed its subject did.
pub(crate) const PREPOSITIONS: &[&str] = &[
    "about",
    "after",
    "against",
    "amid",
    "before",
    "during",
    "following",
    "for",
    "from",
    "in",
    "into",
    "of",
    "on",
    "over",
    "since",
    "to",
    "with",
];

/// Words that open a clause, and verbs of speech and thought: a party before one of them
/// is not the subject of a predicate after it ("Kelmar said that the blast ...", "the men
/// who died", "officials saying a missile hit it", "the government assumed the outages
/// were attacks").
pub(crate) const CLAUSE_OPENERS: &[&str] = &[
    "after",
    "assumed",
    "because",
    "before",
    "believe",
    "believed",
    "believes",
    "claimed",
    "concluded",
    "said",
    "saying",
    "says",
    "since",
    "stated",
    "suspected",
    "that",
    "think",
    "thinks",
    "thought",
    "told",
    "when",
    "where",
    "which",
    "while",
    "who",
    "whom",
    "whose",
];

/// Participles that do not end in "-ed" or "-en".
pub(crate) const PARTICIPLES: &[&str] = &[
    "blew", "blown", "brought", "built", "hit", "hurt", "led", "shot", "struck", "taken",
];

/// Words that name who holds a place ("territory held by", "an area under the control
/// of"): the party after one holds the place an attack came from.
pub(crate) const HOLDING: &[&str] = &["control", "controlled", "held", "occupied"];

/// Days of the week: "on Monday" is no place.
pub(crate) const WEEKDAYS: &[&str] = &[
    "monday",
    "tuesday",
    "wednesday",
    "thursday",
    "friday",
    "saturday",
    "sunday",
];

/// Auxiliaries and adverbs that may stand between a negation and the predicate it
/// negates: "was not breached", "did not blow up", "has never been involved".
pub(crate) const AUXILIARIES: &[&str] = &[
    "be", "been", "being", "can", "could", "did", "do", "does", "ever", "had", "has", "have", "is",
    "are", "was", "were", "will", "would",
];

/// Nouns of what is known of a matter: "no evidence that ...", "no information to
/// suggest ..." deny the matter as far as the speaker knows.
pub(crate) const KNOWLEDGE: &[&str] = &[
    "evidence",
    "indication",
    "indications",
    "information",
    "proof",
    "sign",
    "signs",
];

/// Nouns that name a party of a kind rather than one party: "a foreign adversary was
/// responsible", denied, denies it of every party.
pub(crate) const ANY_PARTY: &[&str] = &[
    "actor",
    "adversary",
    "anybody",
    "anyone",
    "country",
    "government",
    "power",
    "state",
];

/// Determiners before a noun of [`ANY_PARTY`] that make it any party of the kind.
pub(crate) const INDEFINITE: &[&str] = &["a", "an", "any", "no"];

/// Verbs by which one party denies another's account: "Russia denies involvement" in
/// another's words tells of that denial.
pub(crate) const DENIAL_VERBS: &[&str] = &[
    "denied",
    "denies",
    "deny",
    "dismissed",
    "dismisses",
    "rejected",
    "rejects",
];

/// Auxiliaries that make a participle after them passive ("was destroyed", "got killed").
pub(crate) const PASSIVE: &[&str] = &[
    "be", "been", "being", "get", "got", "is", "are", "was", "were",
];

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn words_are_sorted_and_lower_case() {
        let mut sorted = WORDS.to_vec();
        sorted.sort_by(|a, b| a.0.cmp(b.0));
        assert_eq!(sorted, WORDS);
        for (w, _, _) in WORDS {
            assert_eq!(w.to_lowercase(), *w);
        }
        assert_eq!(
            of_word("breached"),
            Some(("destroy", PredicateClass::Destroy))
        );
        assert_eq!(
            of_pair("blew", "up"),
            Some(("blow up", PredicateClass::Destroy))
        );
        assert_eq!(of_word("table"), None);
    }

    #[test]
    fn classes_of_one_question() {
        use PredicateClass::*;
        assert!(Destroy.one_question(Responsible), "who did it");
        assert!(Originate.one_question(Leak), "where it came from");
        assert!(Leak.one_question(Originate));
        assert!(!Originate.one_question(Warn));
        assert!(!Crash.one_question(Originate));
    }
}
