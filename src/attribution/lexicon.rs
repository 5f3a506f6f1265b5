//! The word lists of the attribution rules: function words, words of time, nouns that
//! name speakers and documents, the frame words between a cue and its content. The cue
//! verbs and phrases themselves, with their stances, are in [`super::cues`].

/// True when `w` is one of `list`.
pub(super) fn in_list(list: &[&str], w: &str) -> bool {
    list.contains(&w)
}

// Function words and the grammar around a cue

/// Words that end a source noun phrase when walking back from a cue.
pub(super) const BOUNDARY: &[&str] = &[
    "about", "after", "against", "also", "although", "and", "are", "as", "at", "be", "because",
    "been", "before", "being", "between", "but", "by", "can", "could", "did", "do", "does",
    "during", "for", "from", "had", "has", "have", "here", "however", "if", "into", "is", "it's",
    "may", "might", "must", "nor", "not", "on", "once", "or", "over", "should", "since", "so",
    "than", "that", "then", "there", "though", "through", "to", "under", "unless", "until", "was",
    "were", "when", "where", "whether", "which", "while", "who", "whom", "whose", "will", "with",
    "within", "without", "would",
];

/// Modal verbs of [`BOUNDARY`], which take a bare verb: one written with a capital before
/// a past form is a name ("May began by ...", "Will told").
pub(super) const MODALS: &[&str] = &["can", "may", "might", "must", "will"];

/// Auxiliaries and adverbs that may stand between a subject and its cue.
pub(super) const BETWEEN: &[&str] = &[
    "has",
    "have",
    "had",
    "was",
    "were",
    "is",
    "are",
    "will",
    "would",
    "did",
    "does",
    "do",
    "not",
    "also",
    "again",
    "further",
    "then",
    "previously",
    "repeatedly",
    "always",
    "never",
    "consistently",
    "flatly",
    "categorically",
    "strongly",
    "vehemently",
    "firmly",
    "once",
    "later",
    "'s",
    "been",
    "often",
    "still",
    "now",
    "however",
    "meanwhile",
];

/// Determiners and possessives: a cue word after one of these is a noun ("the report").
pub(super) const DETERMINERS: &[&str] = &[
    "the", "a", "an", "this", "that", "these", "those", "his", "her", "its", "their", "our", "my",
    "your", "whose", "every", "each", "no", "any", "another", "such",
];

/// Auxiliaries and pronouns after which a bare verb form is a verb ("did not say",
/// "they warn").
pub(super) const BEFORE_BARE: &[&str] = &[
    "to",
    "will",
    "would",
    "could",
    "can",
    "may",
    "might",
    "did",
    "does",
    "do",
    "not",
    "n't",
    "should",
    "must",
    "they",
    "we",
    "i",
    "you",
    "officials",
    "sources",
];

/// Auxiliaries after which an -ing form is a verb ("is saying").
pub(super) const BEFORE_ING: &[&str] = &["is", "are", "was", "were", "been", "be", "kept", "keeps"];

/// Pronouns that can be the subject of a cue.
pub(super) const PRONOUNS: &[&str] = &["he", "she", "it", "they", "we", "i", "you", "who", "which"];

/// Quantifiers and number words: an -s form after one is a plural noun ("two states").
pub(super) const QUANTIFIERS: &[&str] = &[
    "some",
    "several",
    "many",
    "few",
    "all",
    "both",
    "other",
    "more",
    "most",
    "various",
    "numerous",
    "dozen",
    "dozens",
    "two",
    "three",
    "four",
    "five",
    "six",
    "seven",
    "eight",
    "nine",
    "ten",
    "eleven",
    "twelve",
    "twenty",
    "thirty",
    "hundred",
    "hundreds",
    "thousand",
    "thousands",
    "million",
    "millions",
    "these",
    "those",
    "such",
];

/// Prepositions: content after a cue does not start with one ("said on Thursday during a
/// speech" names when and where, not what).
pub(super) const PREPOSITIONS: &[&str] = &[
    "on",
    "in",
    "at",
    "during",
    "after",
    "before",
    "when",
    "while",
    "as",
    "of",
    "about",
    "for",
    "with",
    "from",
    "by",
    "through",
    "since",
    "until",
    "following",
    "outside",
    "inside",
    "near",
    "to",
    "into",
    "afterward",
    "afterwards",
    "later",
    "so",
    "too",
    "yes",
    "no",
];

/// Words that open an adverbial clause or phrase at the start of a sentence ("Although
/// ..., X said").
pub(super) const INTRO_WORDS: &[&str] = &[
    "although",
    "though",
    "if",
    "because",
    "since",
    "unless",
    "despite",
    "rather",
    "instead",
    "once",
    "whether",
    "meanwhile",
    "however",
    "later",
    "earlier",
    "asked",
    "speaking",
    "writing",
];

/// Words of time that are not part of a speaker's name ("Wednesday the mayor said").
pub(super) const TIME_WORDS: &[&str] = &[
    "monday",
    "tuesday",
    "wednesday",
    "thursday",
    "friday",
    "saturday",
    "sunday",
    "today",
    "yesterday",
    "tonight",
    "earlier",
    "recently",
];

/// Common irregular past forms: a verb, never part of a speaker's noun phrase.
pub(super) const IRREGULAR_PAST: &[&str] = &[
    "went", "took", "made", "came", "gave", "got", "began", "kept", "left", "met", "ran", "saw",
    "sent", "spoke", "stood", "put", "felt", "held", "brought", "thought", "knew", "won", "lost",
    "became", "chose", "drew", "found", "heard", "led", "meant", "paid", "sought", "struck",
    "taught", "threw", "tried", "goes",
];

/// Adverbs skipped when looking for the word before a cue ("often", besides "-ly" words).
pub(super) const SKIPPED_ADVERBS: &[&str] = &["often", "also", "now"];

/// Words in -s that are not plural nouns: after one, a bare cue form is not a verb.
pub(super) const NOT_PLURAL_S: &[&str] = &["this", "his", "its", "thus", "as", "us", "was", "is"];

/// Words that open a clause after a cue ("states that", "asked whether").
pub(super) const CLAUSE_OPENERS: &[&str] = &["that", "whether", "how", "why", "what"];

/// Articles.
pub(super) const ARTICLES: &[&str] = &["the", "a", "an"];

/// Forms of "be": before a participle they make it passive ("was asked").
pub(super) const BE_FORMS: &[&str] = &["is", "are", "was", "were", "be", "been", "being"];

/// Irregular participles of cue verbs (besides the "-ed" forms).
pub(super) const IRREGULAR_PARTICIPLES: &[&str] = &["told", "said", "written", "shown", "known"];

/// True for a past participle (lower case): an "-ed" form or one of
/// [`IRREGULAR_PARTICIPLES`].
pub(super) fn past_participle(w: &str) -> bool {
    w.ends_with("ed") || in_list(IRREGULAR_PARTICIPLES, w)
}

/// Words before a day that may stand between a speaker and the cue ("Clinton on Tuesday
/// said").
pub(super) const BEFORE_DAY: &[&str] = &["on", "last", "this", "earlier"];

/// Conjunctions that open a clause: a name after one starts the clause.
pub(super) const CLAUSE_CONJUNCTIONS: &[&str] = &["but", "and", "so", "yet", "meanwhile"];

/// Relative pronouns.
pub(super) const RELATIVES: &[&str] = &["who", "which", "whose"];

/// Words that open a question after "asked" ("asked Clinton whether ...").
pub(super) const QUESTION_WORDS: &[&str] = &[
    "if", "whether", "what", "why", "how", "who", "when", "where",
];

/// One-word answers that are content on their own ("60 percent said yes").
pub(super) const SHORT_ANSWERS: &[&str] = &["yes", "no", "so"];

// Cue words that are also nouns

/// Lemmas whose -s form is also a plural noun ("states", "reports", "questions").
pub(super) const NOUNISH: &[&str] = &[
    "state", "claim", "report", "question", "note", "post", "tweet", "estimate", "caution",
];

/// Nouns that can be the subject of an -s cue that is also a noun ("the report states").
pub(super) const SUBJECT_NOUNS: &[&str] = &[
    "report",
    "statement",
    "announcement",
    "agency",
    "ministry",
    "service",
    "group",
    "department",
    "office",
    "alert",
    "warning",
    "law",
    "bill",
    "constitution",
    "rule",
    "policy",
    "letter",
    "document",
    "memo",
    "article",
    "website",
    "site",
    "page",
    "study",
    "survey",
    "poll",
    "ad",
    "book",
    "email",
    "message",
    "release",
    "filing",
    "complaint",
    "lawsuit",
    "order",
    "ruling",
    "indictment",
    "paper",
    "editorial",
    "column",
    "campaign",
    "committee",
    "spokesman",
    "spokeswoman",
    "spokesperson",
    "official",
    "post",
    "tweet",
    "analysis",
];

// Speakers: names, roles, titles, documents

/// Nouns that name a speaker by role without the organisation.
pub(super) const ROLE_NOUNS: &[&str] = &[
    "spokesperson",
    "spokesman",
    "spokeswoman",
    "spokespeople",
    "spokespersons",
    "spokesmen",
    "official",
    "officials",
    "representative",
    "representatives",
    "source",
    "sources",
    "management",
    "leadership",
];

/// Nouns that name one person by the role ("the diplomat", "the press officer"), whom
/// "he" or "she" may stand for.
pub(super) const PERSON_ROLES: &[&str] = &[
    "spokesperson",
    "spokesman",
    "spokeswoman",
    "official",
    "representative",
    "diplomat",
    "officer",
    "minister",
    "ambassador",
    "envoy",
    "adviser",
    "advisor",
    "aide",
    "secretary",
    "director",
    "commander",
    "prosecutor",
    "lawyer",
    "analyst",
];

/// Verbs of finding that report what a document or an inquiry established ("the study
/// found", "the court recognised that"), cues only after such a subject
/// ([`FINDING_SUBJECTS`]), with the lemma each stands for.
pub(super) const FINDING_VERBS: &[(&str, &str)] = &[
    ("found", "find"),
    ("finds", "find"),
    ("determined", "determine"),
    ("determines", "determine"),
    ("established", "establish"),
    ("establishes", "establish"),
    ("recognized", "recognize"),
    ("recognised", "recognise"),
    ("recognizes", "recognize"),
    ("recognises", "recognise"),
    ("identified", "identify"),
    ("identifies", "identify"),
    ("placed", "place"),
    ("tied", "tie"),
    ("linked", "link"),
    ("showed", "show"),
    ("shows", "show"),
    ("ruled", "rule"),
    ("assessed", "assess"),
    ("judged", "judge"),
];

/// Verbs by which one source passes on another's words ("Tass quoted the spokeswoman
/// as saying", "the Courier cited sources who said"), with their lemmas.
pub(super) const CITING_VERBS: &[(&str, &str)] = &[
    ("cited", "cite"),
    ("cites", "cite"),
    ("citing", "cite"),
    ("quoted", "quote"),
    ("quotes", "quote"),
    ("quoting", "quote"),
];

/// The lemma of a verb of [`CITING_VERBS`], if `w` (lower case) is one.
pub(super) fn citing_lemma(w: &str) -> Option<&'static str> {
    CITING_VERBS.iter().find(|(v, _)| *v == w).map(|(_, l)| *l)
}

/// The nouns of a document or an inquiry whose findings a verb of [`FINDING_VERBS`]
/// reports.
pub(super) const FINDING_SUBJECTS: &[&str] = &[
    "report",
    "reports",
    "study",
    "studies",
    "investigation",
    "investigations",
    "probe",
    "inquiry",
    "review",
    "analysis",
    "assessment",
    "findings",
    "court",
    "tribunal",
    "panel",
    "commission",
    "board",
    "investigators",
    "researchers",
    "scientists",
];

/// Nouns that stand for a document or body mentioned before ("the report said").
pub(super) const DOCUMENT_NOUNS: &[&str] = &[
    "report",
    "statement",
    "statements",
    "announcement",
    "alert",
    "warning",
    "reaction",
    "response",
    "review",
    "assessment",
    "analysis",
    "investigation",
    "inquiry",
    "findings",
    "study",
];

/// Nouns that stand for a body mentioned before ("the ministry", "the group"): like
/// [`DOCUMENT_NOUNS`], but such a noun stands only for an organisation, never for a person
/// cited before it.
pub(super) const BODY_NOUNS: &[&str] = &[
    "agency",
    "ministry",
    "service",
    "group",
    "department",
    "organisation",
    "organization",
    "office",
];

/// True for a noun of [`DOCUMENT_NOUNS`] or [`BODY_NOUNS`] (lower case): one that stands
/// for a document or a body mentioned before.
pub(super) fn document_or_body(w: &str) -> bool {
    in_list(DOCUMENT_NOUNS, w) || in_list(BODY_NOUNS, w)
}

/// Titles written with a stop before a name ("Mr. Trump", "Sen. Cruz").
pub(super) const TITLES: &[&str] = &[
    "mr", "mrs", "ms", "dr", "sen", "rep", "gov", "gen", "lt", "col", "sgt", "prof", "rev", "capt",
    "adm", "maj", "atty", "supt", "insp", "det",
];

/// Titles and roles written before a person's name ("Prime Minister Mara Lind", "Kremlin
/// spokesman Tomas Berg", "Dr. Lind"), lower case without a stop: the name proper is what
/// follows the last of them.
pub(crate) const NAME_TITLES: &[&str] = &[
    "adm",
    "admiral",
    "adviser",
    "advisor",
    "aide",
    "ambassador",
    "analyst",
    "archbishop",
    "attorney",
    "atty",
    "bishop",
    "capt",
    "captain",
    "ceo",
    "chair",
    "chairman",
    "chairwoman",
    "chancellor",
    "chief",
    "col",
    "colonel",
    "commander",
    "commissioner",
    "congressman",
    "congresswoman",
    "deputy",
    "det",
    "detective",
    "diplomat",
    "director",
    "dr",
    "editor",
    "envoy",
    "executive",
    "founder",
    "gen",
    "general",
    "gov",
    "governor",
    "head",
    "insp",
    "inspector",
    "judge",
    "justice",
    "king",
    "leader",
    "lieutenant",
    "lt",
    "maj",
    "major",
    "mayor",
    "minister",
    "mr",
    "mrs",
    "ms",
    "officer",
    "official",
    "pope",
    "premier",
    "president",
    "prince",
    "princess",
    "prof",
    "professor",
    "prosecutor",
    "queen",
    "rep",
    "representative",
    "rev",
    "reverend",
    "secretary",
    "sen",
    "senator",
    "sergeant",
    "sgt",
    "sheikh",
    "speaker",
    "spokesman",
    "spokesperson",
    "spokeswoman",
    "superintendent",
    "supt",
];

/// Words that may open an appositive after a name ("Mara Lind, the editor of ...").
pub(super) const APPOSITIVE_OPENERS: &[&str] = &[
    "a",
    "an",
    "the",
    "who",
    "whose",
    "which",
    "his",
    "her",
    "their",
    "its",
    "one",
    "former",
    "executive",
    "chief",
    "senior",
    "deputy",
    "president",
    "director",
    "chairman",
    "chairwoman",
    "head",
    "professor",
    "spokesman",
    "spokeswoman",
    "spokesperson",
    "leader",
    "editor",
];

/// Words of a capitalised sequence that make it an organisation or place, not a person.
pub(crate) const NOT_PERSON_WORDS: &[&str] = &[
    "department",
    "ministry",
    "embassy",
    "service",
    "agency",
    "office",
    "court",
    "party",
    "house",
    "senate",
    "congress",
    "committee",
    "council",
    "union",
    "news",
    "times",
    "post",
    "journal",
    "university",
    "institute",
    "association",
    "authority",
    "guild",
    "bank",
    "company",
    "corp",
    "inc",
    "group",
    "federation",
    "state",
    "states",
    "republic",
    "kingdom",
    "force",
    "forces",
    "army",
    "police",
    "government",
    "region",
    "city",
    "street",
    "square",
    "county",
    "river",
    "harbour",
    "harbor",
    "port",
    "center",
    "centre",
    "foundation",
    "network",
    "press",
    "herald",
    "courier",
    "tribune",
    "daily",
    "weekly",
    "radio",
    "television",
    "tv",
    "airport",
    "station",
    "church",
    "synagogue",
    "school",
    "hospital",
    "club",
    "league",
    "organisation",
    "organization",
    "commission",
    "board",
    "administration",
    "campaign",
    "movement",
    "front",
    "national",
    "international",
    "federal",
    "general",
    "american",
    "russian",
    "british",
    "new",
    "public",
    "health",
    "syndrome",
];

/// Capitalised words that open sentences and are not names.
pub(super) const NOT_NAME_OPENERS: &[&str] = &[
    "the",
    "a",
    "an",
    "in",
    "on",
    "at",
    "after",
    "before",
    "this",
    "that",
    "these",
    "those",
    "however",
    "but",
    "and",
    "according",
    "if",
    "when",
    "while",
    "as",
    "for",
    "from",
    "with",
    "it",
    "he",
    "she",
    "they",
    "we",
    "i",
    "mr",
    "mrs",
    "ms",
    "dr",
    "sen",
    "rep",
    "gov",
    "president",
    "senator",
    "mayor",
    "minister",
];

/// Beginnings of verbs after which the object of the verb does what an infinitive says
/// ("prompted them to claim", "urged him to deny").
pub(super) const CAUSATIVE: &[&str] = &[
    "prompt", "led", "lead", "urg", "ask", "told", "tell", "forc", "allow", "encourag", "caus",
    "push", "invit", "persuad", "pressur", "call", "want", "expect", "get", "got",
];

/// Lower-case words that cannot open an appositive after a name's comma.
pub(super) const NOT_APPOSITIVE: &[&str] = &["too", "meanwhile", "though", "however", "also"];

/// Prepositions that tie a role to an organisation ("the editor of the Lowland Herald").
pub(super) const ORG_PREPOSITIONS: &[&str] = &["of", "at", "for", "with"];

// Frames between a cue and its content

/// Cue lemmas after which "to NAME" names who was spoken to, an intermediary ("said to
/// Newsweek").
pub(super) const SAY_TO_LEMMAS: &[&str] = &[
    "say", "report", "write", "confirm", "explain", "state", "announce", "post",
];

/// Words of a section label rather than an outlet's name, lower case: "Background:",
/// "Timeline:", "Update:" open a part of the article, not another outlet's text.
pub(super) const SECTION_WORDS: &[&str] = &[
    "background",
    "timeline",
    "context",
    "analysis",
    "update",
    "updates",
    "correction",
    "clarification",
    "summary",
    "highlights",
    "related",
    "more",
    "watch",
    "listen",
    "video",
    "photos",
    "opinion",
    "explainer",
    "recap",
    "reaction",
    "reactions",
    "editorial",
    "note",
    "disclaimer",
    "sources",
    "references",
    "overview",
    "facts",
    "details",
    "developments",
];

/// Lower-case words that may stand inside an outlet's name ("Voice of America").
pub(super) const NAME_LINKS: &[&str] = &["of", "the", "and", "for", "de", "al", "el", "la", "du"];

/// Nouns of an audience, lower case: who was told something in a chamber, a court or a
/// briefing hears it and does not pass it on ("told MPs", "said to the Senate"), so is no
/// intermediary.
pub(super) const AUDIENCE_NOUNS: &[&str] = &[
    "mps",
    "lawmakers",
    "legislators",
    "senators",
    "congressmen",
    "congresswomen",
    "deputies",
    "parliament",
    "congress",
    "senate",
    "house",
    "assembly",
    "committee",
    "council",
    "court",
    "jury",
    "judge",
    "tribunal",
    "reporters",
    "journalists",
    "supporters",
    "students",
    "delegates",
    "crowd",
    "audience",
    "members",
    "voters",
    "residents",
    "parliamentarians",
];

/// Cue lemmas that direct someone: "to" after them opens content ("urged them to leave").
pub(super) const DIRECTIVE_LEMMAS: &[&str] = &["tell", "ask", "warn", "urge", "caution"];

/// Lower-case words that may stand in the frame between a cue and "that", ":" or a quote
/// ("said in a statement on Tuesday that", "told reporters at the briefing:").
pub(super) const FRAME_WORDS: &[&str] = &[
    "in",
    "on",
    "at",
    "during",
    "after",
    "before",
    "to",
    "with",
    "for",
    "from",
    "by",
    "of",
    "a",
    "an",
    "the",
    "his",
    "her",
    "its",
    "their",
    "statement",
    "statements",
    "interview",
    "interviews",
    "email",
    "letter",
    "tweet",
    "post",
    "speech",
    "news",
    "conference",
    "release",
    "call",
    "briefing",
    "report",
    "hearing",
    "reporters",
    "journalists",
    "part",
    "response",
    "radio",
    "television",
    "show",
    "program",
    "programme",
    "rally",
    "event",
    "morning",
    "afternoon",
    "evening",
    "night",
    "week",
    "month",
    "year",
    "last",
    "this",
    "next",
    "earlier",
    "later",
    "recently",
    "also",
    "previously",
    "repeatedly",
    "then",
    "again",
    "today",
    "yesterday",
    "tonight",
];

/// Nouns of a document that may open a nominal frame ("In a report, the guild found ...").
pub(super) const FRAME_NOUNS: &[&str] = &[
    "report",
    "statement",
    "letter",
    "post",
    "interview",
    "study",
    "filing",
    "memo",
    "email",
    "tweet",
    "editorial",
    "briefing",
    "speech",
    "message",
];

// Lines that are not claims

/// First words of a picture credit or caption: such a line is not a claim.
pub(super) const CREDIT_WORDS: &[&str] = &[
    "image",
    "images",
    "photo",
    "photos",
    "photograph",
    "picture",
    "credit",
    "credits",
    "caption",
    "illustration",
    "video",
];

/// Words before "that" that make it no relative pronoun ("so that", "now that").
pub(super) const NOT_NOUNS_BEFORE_THAT: &[&str] = &[
    "so", "now", "such", "given", "except", "provided", "in", "and", "but", "or", "is", "was",
    "are", "were", "be", "been", "not", "all", "than", "like",
];

/// Nouns for an account someone gave, which a reduced relative can follow ("a claim the
/// Kremlin has denied", "an accusation Moscow rejects").
pub(super) const ACCOUNT_NOUNS: &[&str] = &[
    "claim",
    "claims",
    "accusation",
    "accusations",
    "allegation",
    "allegations",
    "charge",
    "charges",
    "assertion",
    "suggestion",
    "version",
    "report",
    "reports",
];

/// Words that open a phrase of circumstance after the speaker ("said Peskov in a
/// statement", "said the mayor on Sunday", "said Marsh to reporters").
pub(super) const ADJUNCT_OPENERS: &[&str] = &[
    "in",
    "on",
    "at",
    "during",
    "after",
    "before",
    "to",
    "from",
    "with",
    "via",
    "through",
    "earlier",
    "later",
    "late",
    "today",
    "yesterday",
    "last",
    "this",
];

/// Writings that speak for whoever issued them ("the statement read", "this report
/// found").
pub(super) const WRITINGS: &[&str] = &[
    "statement",
    "report",
    "announcement",
    "document",
    "letter",
    "communique",
    "release",
    "message",
];
