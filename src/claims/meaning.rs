//! What a claim asserts ([`Assertion`]), computed once per claim: the predicate (its lemma
//! and class of near-synonyms), the agent and the other parties named, the theme, the
//! polarity (negation in scope, a denial cue turning the content negative), the modality
//! (hedge, condition, assessed confidence), quantities with units, place, and the matter
//! it reports on or rejects.
//!
//! The structure is read from the content's words by a [`Reader`]; [`WordReader`] reads
//! it from word order and the lexicon ([`super::predicates`]). A dependency parse can take
//! its place behind the same trait. Parties are the story's registry sources and their
//! affiliations ([`Parties`]): "Kyiv" and "Ukrainian forces" are one party when the
//! registry gives them one affiliation.

pub use super::parties::Parties;
use super::predicates::{
    self, PredicateClass, ACCOUNTS, ANY_PARTY, AUXILIARIES, CLAUSE_OPENERS, DENIAL_VERBS,
    GENERIC_THEME, HOLDING, INDEFINITE, KNOWLEDGE, NEGATIONS, NOT_CONTENT, NO_SUBJECT_AGENT,
    ORDERED_BY, PARTICIPLES, PASSIVE, PERSON_NOUNS, PREPOSITIONS, TELLING_GERUNDS, UNSETTLED,
    WEEKDAYS,
};
pub use super::quantities::Quantity;
use super::quantities::{quantities, MONTHS};
use super::Claim;
use crate::attribution::Stance;
use crate::text::concepts::concept_of;
use crate::text::tokens::{is_stopword, normalize_word, stem, words};
use crate::text::Span;

/// The predicate of a claim: its lemma and its class.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Predicate {
    /// The lemma ("blow up").
    pub lemma: &'static str,
    /// The class of near-synonyms.
    pub class: PredicateClass,
}

/// A party the claim names: a registry source, standing for its affiliation when it has
/// one.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Party {
    /// The affiliation, or the source id when the source has none.
    pub id: String,
    /// The words as written.
    pub text: String,
}

/// A confidence the speaker states ("low confidence", "highly likely").
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord)]
pub enum Confidence {
    /// "low confidence", "very unlikely".
    Low,
    /// "moderate confidence", "likely".
    Moderate,
    /// "high confidence", "highly likely", "confident".
    High,
}

/// How the claim is put forward.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Modality {
    /// A hedge other than hearsay ("may", "possibly").
    pub hedged: bool,
    /// Under a condition ("if", "unless").
    pub conditional: bool,
    /// A stated confidence.
    pub confidence: Option<Confidence>,
}

/// What a claim asserts.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Assertion {
    /// The predicate, when the lexicon knows one in the content.
    pub predicate: Option<Predicate>,
    /// Who the predicate is said of: the party in subject place or after "by".
    pub agent: Option<Party>,
    /// Every party named in the content, in order.
    pub parties: Vec<Party>,
    /// The content words the assertion is about (stems), without parties and predicate.
    pub theme: Vec<String>,
    /// The content is negated, denied or judged unlikely.
    pub negative: bool,
    /// How it is put forward.
    pub modality: Modality,
    /// Quantities with units.
    pub quantities: Vec<Quantity>,
    /// A place named after "in", "at" or "near".
    pub place: Option<String>,
    /// The matter the claim reports on or rejects ("the report", "claims"), when the
    /// content names one.
    pub reports_on: Option<String>,
    /// The predicate stands inside an account the content names ("to back up its claim
    /// that rebels fired"): the claim tells of that account rather than asserting it.
    pub within_account: bool,
    /// The negation stands on the predicate itself ("was not breached", "did not blow
    /// up"), the claim is a denial, or the speaker judges the matter unlikely: what is
    /// negated is the event, not a noun beside it ("no casualties from the crash") or
    /// what is known of it ("it is not clear what caused").
    pub denies_event: bool,
    /// The deed is said of any party of a kind ("a foreign adversary was responsible",
    /// "anyone was behind it") rather than of one.
    pub any_party: bool,
    /// The claim is not negative, yet its words hold a negation or say the matter is
    /// unsettled ("there is no credible evidence that ...", "unable to determine"): its
    /// polarity is not plain enough to set against a denial.
    pub unsettled: bool,
    /// The classes of the other predicates the content names ("the attack" of
    /// "responsible for the attack"), besides the main one.
    pub events: Vec<PredicateClass>,
    /// The content rejects another's account ("baseless accusations", "a circus show",
    /// "bogus claims that ..."): it is negative as an answer to that account, though its
    /// own words are not negated (see `rejection`).
    pub rejects: bool,
    /// The day the claim was told: its article's publication date, when known (set by
    /// [`date_claims`]).
    pub told: Option<chrono::NaiveDate>,
}

impl Assertion {
    /// The predicate's class, if any.
    pub fn class(&self) -> Option<PredicateClass> {
        self.predicate.as_ref().map(|p| p.class)
    }

    /// True when the two themes can be of one event: either says nothing beyond its
    /// parties and predicate ("denied its involvement"), they name a deed of one class
    /// besides their predicates ("responsible for the attack", "involved in the nerve
    /// agent attack"), or they share a word or a concept.
    pub fn same_matter(&self, other: &Assertion) -> bool {
        self.theme.is_empty()
            || other.theme.is_empty()
            || self.events.iter().any(|e| other.events.contains(e))
            || self.theme.iter().any(|t| other.has_theme_word(t))
    }

    /// True when `word` (another claim's theme word) or its concept is in this theme.
    fn has_theme_word(&self, word: &str) -> bool {
        fn norm(s: &str) -> &str {
            concept_of(s).unwrap_or(s)
        }
        let want = norm(word);
        self.theme.iter().any(|u| norm(u) == want)
    }

    /// This claim's theme words that `other` shares, by word or concept, in order.
    pub fn shared_theme(&self, other: &Assertion) -> Vec<&str> {
        let mut out: Vec<&str> = Vec::new();
        for t in &self.theme {
            if other.has_theme_word(t) && !out.contains(&t.as_str()) {
                out.push(t);
            }
        }
        out
    }

    /// A short account in words: "negative: Russian state destroy (dam)".
    pub fn describe(&self) -> String {
        let mut s = String::new();
        if self.negative {
            s.push_str("not: ");
        }
        if let Some(a) = &self.agent {
            s.push_str(&a.id);
            s.push(' ');
        }
        match &self.predicate {
            Some(p) => s.push_str(p.lemma),
            None => s.push('—'),
        }
        if !self.theme.is_empty() {
            s.push_str(&format!(" ({})", self.theme.join(", ")));
        }
        s
    }
}

/// Reads an [`Assertion`] from a claim: the one place the structure of a content is read.
pub trait Reader {
    /// What the claim asserts.
    fn read(&self, claim: &Claim, parties: &Parties) -> Assertion;
}

/// Reads the structure from word order and the lexicon.
#[derive(Clone, Copy, Debug, Default)]
pub struct WordReader;

/// The words of a party the content does not name but implies: the speaker's own part in
/// what it denies.
pub(super) const OWN_PART: &str = "itself";

/// At most this many theme words are kept.
const THEME_WORDS: usize = 10;

impl Reader for WordReader {
    fn read(&self, claim: &Claim, parties: &Parties) -> Assertion {
        choose::read(claim, parties, read_part)
    }
}

/// What `text` (the claim's content or one sentence of it) asserts; a rejection of an
/// account is read only when `rejections` is set (one sentence, or a content of one).
fn read_part(claim: &Claim, text: &str, parties: &Parties, rejections: bool) -> Assertion {
    let ws = words(text, Span::new(0, text.len()));
    let lows: Vec<String> = ws.iter().map(|w| normalize_word(w.text)).collect();
    // parties: the longest registry name at each place
    let mut found: Vec<(usize, usize, Party)> = Vec::new();
    let mut i = 0;
    while i < lows.len() {
        let mut hit = None;
        for len in (1..=parties.longest.min(lows.len() - i)).rev() {
            let key = lows[i..i + len].join(" ");
            // a name that is also a common word is one only with a capital: "may"
            // is no prime minister
            let named = ws[i].text.starts_with(|c: char| c.is_uppercase())
                || (len > 1 || !is_stopword(&key));
            // "Ukrainian citizen Leonid Kharchenko" is a person, not the state
            let person = len == 1
                && parties.is_demonym(&key)
                && lows
                    .get(i + 1)
                    .is_some_and(|n| PERSON_NOUNS.contains(&n.as_str()));
            if let Some(p) = parties.get(&key).filter(|_| named && !person) {
                hit = Some((len, p.to_string()));
                break;
            }
        }
        match hit {
            Some((len, id)) => {
                let from = ws[i].span.start;
                let to = ws[i + len - 1].span.end;
                found.push((
                    i,
                    i + len,
                    Party {
                        id,
                        text: text[from..to].to_string(),
                    },
                ));
                i += len;
            }
            None => i += 1,
        }
    }
    let in_party = |k: usize| found.iter().any(|(s, e, _)| k >= *s && k < *e);
    // the predicates of the lexicon, in order
    let mut preds: Vec<(usize, usize, Predicate)> = Vec::new();
    let mut k = 0;
    while k < lows.len() {
        if in_party(k) {
            k += 1;
            continue;
        }
        if let Some((lemma, class)) = lows
            .get(k + 1)
            .and_then(|n| predicates::of_pair(&lows[k], n))
        {
            preds.push((k, k + 2, Predicate { lemma, class }));
            k += 2;
            continue;
        }
        if let Some((lemma, class)) = predicates::of_word(&lows[k]) {
            preds.push((k, k + 1, Predicate { lemma, class }));
        }
        k += 1;
    }
    // the agent of a predicate: after "by" following it, else the last party before it,
    // else "of" after a noun predicate ("involvement of ..."), else the accused
    let agent_of = |m: &(usize, usize, Predicate)| -> Option<Party> {
        let (at, end, pred) = (&m.0, &m.1, &m.2);
        let class = pred.class;
        // (or "at the behest of", "on the orders of": the one who had it done)
        let by = (*end..(*end + 5).min(lows.len()))
            .find(|&k| {
                lows[k] == "by"
                    || (lows[k] == "of" && k > 0 && ORDERED_BY.contains(&lows[k - 1].as_str()))
            })
            .and_then(|k| found.iter().find(|(s, _, _)| *s > k && *s <= k + 3));
        // "the dam was destroyed": the subject of a participle after an auxiliary
        // suffers the deed; but one who "was involved", "was behind" or "was blamed"
        // is the one said to answer for it
        let participle = {
            let w = lows[*at].as_str();
            w.ends_with("ed") || w.ends_with("en") || PARTICIPLES.contains(&w)
        };
        let passive = participle
            && class != PredicateClass::Responsible
            && (at.saturating_sub(2)..*at).any(|k| PASSIVE.contains(&lows[k].as_str()));
        // the subject of "died" or "crashed" undergoes it; a noun after a preposition
        // ("in response to the attack", "in the poisoning") is no deed of a party
        // before it
        let undergoes = NO_SUBJECT_AGENT.contains(&lows[*at].as_str());
        // ("nothing to do with": "to" just before a verb is no preposition; "by
        // blowing up": a gerund straight after a preposition is a verb of the
        // sentence's subject, "in the poisoning" a noun)
        let straight_after =
            |k: usize| k + 1 == *at && (lows[k] == "to" || lows[*at].ends_with("ing"));
        let interrupted =
            |k: usize| (k + 1..*at).any(|m| in_party(m) || PASSIVE.contains(&lows[m].as_str()));
        let in_phrase = !lows[*at].ends_with("ed")
            && (at.saturating_sub(3)..*at).any(|k| {
                PREPOSITIONS.contains(&lows[k].as_str()) && !straight_after(k) && !interrupted(k)
            });
        let before = found
            .iter()
            .rev()
            // "identified by X as", "from X": the object of a preposition is no
            // subject
            .find(|(s, e, _)| {
                *e <= *at
                    && at - e <= 8
                    && !s.checked_sub(1).is_some_and(|k| {
                        PREPOSITIONS.contains(&lows[k].as_str()) || lows[k] == "by"
                    })
            })
            .filter(|(_, e, _)| !(*e..*at).any(|k| CLAUSE_OPENERS.contains(&lows[k].as_str())))
            .filter(|_| !passive && !undergoes && !in_phrase);
        // "the involvement of Kelmar": the party answers; "the poisoning of" names the
        // one who suffered it
        let of = (lows.get(*end).map(String::as_str) == Some("of")
            && class == PredicateClass::Responsible)
            .then(|| found.iter().find(|(s, _, _)| *s > *end && *s <= end + 3))
            .flatten();
        // "we" in subject place is the speaker's own party
        let we = (0..*at)
            .rev()
            .take(6)
            .find(|&k| lows[k] == "we")
            // "we know that they blew it up": "we" is no subject across a clause
            // opener, nor with a party nearer the predicate
            .filter(|&k| {
                !(k + 1..*at).any(|m| CLAUSE_OPENERS.contains(&lows[m].as_str()) || in_party(m))
            })
            .map(|k| {
                (
                    k,
                    k + 1,
                    Party {
                        id: claim
                            .affiliation
                            .clone()
                            .unwrap_or_else(|| claim.origin().to_string()),
                        text: ws[k].text.to_string(),
                    },
                )
            });
        // "fired from territory held by X": the side that holds the launch site
        // ("the missile that downed the plane was fired from an area controlled by X":
        // "from" and the holding word may follow a few words on)
        let held = (class == PredicateClass::Attack)
            .then(|| {
                let from = (*end..(*end + 6).min(lows.len())).find(|&k| lows[k] == "from")?;
                (from + 1..(from + 5).min(lows.len()))
                    .find(|&k| HOLDING.contains(&lows[k].as_str()))
                    .and_then(|k| found.iter().find(|(s, _, _)| *s > k && *s <= k + 4))
            })
            .flatten();
        held.or(by)
            .or(before)
            .or(we.as_ref())
            .or(of)
            .or_else(|| {
                (claim.stance == Stance::Accuse)
                    .then(|| found.first())
                    .flatten()
            })
            .map(|(_, _, p)| p.clone())
    };
    // the predicate: the first of a class that names a culprit and is said of a party
    // ("who was responsible – only Russia has the motive"), else the first of such a
    // class, else the first
    let culprits = || preds.iter().filter(|(_, _, p)| p.class.has_culprit());
    let main = culprits()
        .find(|m| agent_of(m).is_some())
        .or_else(|| culprits().next())
        .or_else(|| preds.first())
        .cloned();
    let agent = main.as_ref().and_then(agent_of);
    let negative = negated(&lows, main.as_ref().map(|m| m.0));
    // "denied involvement", "had nothing to do with it": a named speaker who denies a
    // part in it without naming anyone speaks of its own
    let denies_own = claim.stance == Stance::Deny || negative;
    let own = || {
        let origin = claim.origin();
        (!origin.is_article_voice() && !origin.as_str().starts_with("unknown:")).then(|| Party {
            id: claim
                .affiliation
                .clone()
                .unwrap_or_else(|| origin.to_string()),
            text: OWN_PART.to_string(),
        })
    };
    let agent = agent.or_else(|| {
        (main
            .as_ref()
            .is_some_and(|m| m.2.class == PredicateClass::Responsible)
            && denies_own
            && found.is_empty())
        .then(own)
        .flatten()
    });
    // "a foreign adversary was responsible", "interference by a foreign government":
    // a party of a kind, with an indefinite determiner, just before the predicate or
    // just after "by"
    let any_party = agent.is_none()
        && main.as_ref().is_some_and(|(at, end, _)| {
            let kind_at = |k: usize| {
                ANY_PARTY.contains(&lows[k].as_str())
                    && (k.saturating_sub(3)..k).any(|d| INDEFINITE.contains(&lows[d].as_str()))
            };
            let before = (at.saturating_sub(4)..*at).any(kind_at);
            let after = (*end..(*end + 6).min(lows.len()))
                .find(|&k| lows[k] == "by")
                .is_some_and(|b| (b + 1..(b + 5).min(lows.len())).any(kind_at));
            anyone_word(&lows[at.saturating_sub(3)..*at]) || before || after
        });
    let mut modality = Modality {
        hedged: claim.hedges.iter().any(|h| predicates::weakens(&h.cue)),
        conditional: lows.iter().any(|l| l == "if" || l == "unless"),
        confidence: None,
    };
    let mut judged_unlikely = false;
    for (k, l) in lows.iter().enumerate() {
        let prev = k.checked_sub(1).map(|p| lows[p].as_str());
        match l.as_str() {
            "confidence" => {
                modality.confidence = match prev {
                    Some("low") => Some(Confidence::Low),
                    Some("moderate") | Some("medium") => Some(Confidence::Moderate),
                    Some("high") => Some(Confidence::High),
                    _ => modality.confidence,
                }
            }
            "unlikely" | "improbable" | "implausible" => {
                modality.confidence = Some(Confidence::Low);
                judged_unlikely = true;
            }
            "likely" | "probably" if prev == Some("highly") || prev == Some("most") => {
                modality.confidence = Some(Confidence::High)
            }
            "likely" | "probably" => modality.confidence = Some(Confidence::Moderate),
            "confident" | "certain" => modality.confidence = Some(Confidence::High),
            _ => {}
        }
    }
    let denied = claim.stance == Stance::Deny;
    // between the negation and the predicate only auxiliaries, "to" ("nothing to do
    // with"), adverbs ("not directly involved") and a party ("no Kelmari
    // involvement")
    let on_predicate = main.as_ref().is_some_and(|(at, _, _)| {
        (at.saturating_sub(5)..*at).any(|k| {
            is_negation(&lows[k])
                && (k + 1..*at).all(|m| {
                    let l = lows[m].as_str();
                    AUXILIARIES.contains(&l) || l == "to" || l.ends_with("ly") || in_party(m)
                })
        })
    });
    // "no evidence that", "no credible information to suggest": what is known
    let no_knowledge = lows.iter().enumerate().any(|(k, l)| {
        NEGATIONS.contains(&l.as_str())
            && lows[k + 1..(k + 3).min(lows.len())]
                .iter()
                .any(|n| KNOWLEDGE.contains(&n.as_str()))
    });
    let denies_event = denied || judged_unlikely || (negative && (on_predicate || no_knowledge));
    // a denial whose own words negate ("said it had nothing to do with") denies once
    let negative = (negative || denied) ^ judged_unlikely;
    let unsettled = !negative
        && lows
            .iter()
            .any(|l| is_negation(l) || UNSETTLED.contains(&l.as_str()));
    let mut quantities = quantities(text, &ws, &lows);
    if let Some((s, e, _)) = &main {
        for q in &mut quantities {
            // "killed 471 people", not "killed in two strikes"
            let after = q.at >= *e
                && q.at - e <= 2
                && !lows[*e..q.at]
                    .iter()
                    .any(|l| PREPOSITIONS.contains(&l.as_str()));
            q.of_predicate = (q.at < *s && s - q.at <= 5) || after;
        }
    }
    let main_span = main.as_ref().map(|(s, e, _)| (*s, *e));
    // the other deeds the content names: "responsible for the attack" is about an
    // attack
    let mut events: Vec<PredicateClass> = Vec::new();
    for (s, _, p) in &preds {
        if main_span.is_none_or(|(m, _)| *s != m) && !events.contains(&p.class) {
            events.push(p.class);
        }
    }
    let theme: Vec<String> = lows
        .iter()
        .enumerate()
        .filter(|(k, l)| {
            !in_party(*k)
                && main_span.is_none_or(|(s, e)| *k < s || *k >= e)
                && !is_stopword(l)
                && !NEGATIONS.contains(&l.as_str())
                && predicates::of_word(l).is_none()
                && !GENERIC_THEME.contains(&l.as_str())
                && !NOT_CONTENT.contains(&l.as_str())
                && l.chars().any(char::is_alphabetic)
                && l.len() > 2
        })
        .map(|(_, l)| stem(l))
        .fold(Vec::new(), |mut acc, s| {
            if !acc.contains(&s) && acc.len() < THEME_WORDS {
                acc.push(s);
            }
            acc
        });
    let place = lows.iter().enumerate().find_map(|(k, l)| {
        let next = ws.get(k + 1)?;
        (matches!(l.as_str(), "in" | "at" | "near")
            && next.text.starts_with(|c: char| c.is_uppercase())
            && !MONTHS.contains(&lows[k + 1].as_str())
            && !WEEKDAYS.contains(&lows[k + 1].as_str())
            && !in_party(k + 1))
        .then(|| next.text.to_string())
    });
    // "its claim that rebels fired": the predicate is the account's, not the speaker's
    // "Kelmar denies involvement" in another's words tells of Kelmar's denial
    let speaker_party = claim
        .affiliation
        .clone()
        .unwrap_or_else(|| claim.origin().to_string());
    let reported_denial = found.iter().any(|(_, e, p)| {
        p.id != speaker_party
            && (*e..(*e + 2).min(lows.len())).any(|k| DENIAL_VERBS.contains(&lows[k].as_str()))
    });
    let within_account = reported_denial
        || main_span.is_some_and(|(s, _)| {
            (0..s).any(|k| {
                (ACCOUNTS.contains(&lows[k].as_str())
                    && lows.get(k + 1).is_some_and(|n| n == "that"))
                    || (TELLING_GERUNDS.contains(&lows[k].as_str())
                        && k > 0
                        && matches!(lows[k - 1].as_str(), "by" | "for" | "of"))
            })
        });
    let reports_on = lows
        .iter()
        .take(4)
        .find(|l| ACCOUNTS.contains(&l.as_str()))
        .cloned();
    let culprit = agent
        .as_ref()
        .filter(|_| main.as_ref().is_some_and(|m| m.2.class.has_culprit()));
    let rejection = rejections
        .then(|| rejection::read(&lows, &found, claim.stance, culprit, own))
        .flatten();
    let mut assertion = Assertion {
        predicate: main.map(|(_, _, p)| p),
        agent,
        parties: found.into_iter().map(|(_, _, p)| p).collect(),
        theme,
        negative,
        modality,
        quantities,
        place,
        reports_on,
        within_account,
        denies_event,
        any_party,
        unsettled,
        events,
        rejects: false,
        told: None,
    };
    if let Some(r) = rejection {
        r.apply(&mut assertion);
    }
    assertion
}

/// True when `lows` hold a word that is itself any party ("anyone", "anybody").
fn anyone_word(lows: &[String]) -> bool {
    lows.iter().any(|l| l == "anyone" || l == "anybody")
}

mod annotate;
mod choose;
mod negation;
pub use annotate::{annotate, date_claims};
mod rejection;
pub use negation::{is_negation, negated};

#[cfg(test)]
pub(crate) mod tests;
