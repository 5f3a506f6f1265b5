//! The reader's word lists beside the predicate lexicon: number words, negations, hedges
//! and confidence, words that are not content, and the function words the reader of a
//! claim's meaning looks for. A data table: general English, not the vocabulary of one
//! story. [`super::predicates`] re-exports them.

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

/// Gerunds of telling: after "by", "for" or "of" ("criticised him for saying that ...",
/// "acting wrongly by claiming ..."), what follows is another's account that the claim
/// tells of, not one it asserts.
pub(crate) const TELLING_GERUNDS: &[&str] = &[
    "saying",
    "claiming",
    "alleging",
    "asserting",
    "suggesting",
    "insisting",
    "stating",
];

/// Words that leave a matter unsettled ("unable to determine", "non-existent", "whether
/// Kelmar had a role"): a claim holding one is no plain assertion of the matter.
pub(crate) const UNSETTLED: &[&str] = &[
    "unable",
    "whether",
    "unclear",
    "uncertain",
    "undetermined",
    "inconclusive",
    "cannot",
    "non-existent",
    "nonexistent",
];

/// Nouns of persons: a demonym before one ("Ukrainian citizen", "Russian nationals") names
/// people of that nationality, not their state.
pub(crate) const PERSON_NOUNS: &[&str] = &[
    "citizen",
    "citizens",
    "national",
    "nationals",
    "resident",
    "residents",
    "native",
    "natives",
    "expatriate",
    "expatriates",
    "emigre",
    "emigres",
    "man",
    "men",
    "woman",
    "women",
    "businessman",
    "businessmen",
    "businesswoman",
    "tourist",
    "tourists",
    "student",
    "students",
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

/// Nouns before "of" that name the one who had a deed done: "at the behest of", "on the
/// orders of".
pub(crate) const ORDERED_BY: &[&str] = &[
    "behest",
    "command",
    "direction",
    "instruction",
    "instructions",
    "order",
    "orders",
];
