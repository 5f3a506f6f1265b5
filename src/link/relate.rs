//! Deciding the relation between two claims: what each claim's words give for matching,
//! and the rules that turn two of them into agreement, contradiction, elaboration or a
//! quote variant, with a score and the reasons.

use super::diff::{render, word_diff};
use super::{Relation, RelationKind};
use crate::attribution::{AttributionKind, Stance};
use crate::claims::Claim;
use crate::text::concepts::{concept_of, is_concept};
use crate::text::tokens::{normalize_word, stem, words};
use crate::text::Span;
use crate::weights::link as w;
use std::collections::{BTreeSet, HashMap};

/// Words that say how sure or how strong, or that only frame the content ("knowledge
/// regarding", "took place"): they do not count as content. Compared by their stems.
const NOT_CONTENT: &[&str] = &[
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

/// Words that make a statement negative.
const NEGATIONS: &[&str] = &[
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
];

/// Words after a negation that make it no denial of the statement: "not just", "no
/// greater", a warning "not to go".
const NEGATION_UNDONE_BY_NEXT: &[&str] = &[
    "fewer", "greater", "just", "less", "longer", "merely", "more", "only", "to",
];

/// Words before a negation, inside the content, that make it part of a condition or a
/// relative clause rather than of the statement: "if the Kremlin does not receive",
/// "plans that do not depend".
const NEGATION_UNDONE_BY_EARLIER: &[&str] = &["if", "unless", "which", "who", "whether"];

/// Words anywhere in a content that make a negation in it conditional: "not shared ...
/// unless there is a real threat".
const CONDITIONAL: &[&str] = &["unless", "except"];

/// The stems of [`NOT_CONTENT`] and [`NEGATIONS`], computed once.
fn not_content_stems() -> &'static BTreeSet<String> {
    static STEMS: std::sync::OnceLock<BTreeSet<String>> = std::sync::OnceLock::new();
    STEMS.get_or_init(|| {
        NOT_CONTENT
            .iter()
            .chain(NEGATIONS)
            .map(|w| stem(w))
            .collect()
    })
}

/// True when the words of a content state a negation of it (see the lists above).
fn negates(lows: &[String]) -> bool {
    if lows.iter().any(|l| CONDITIONAL.contains(&l.as_str())) {
        return false;
    }
    lows.iter().enumerate().any(|(i, l)| {
        let neg = NEGATIONS.contains(&l.as_str()) || l.ends_with("n't");
        neg && !lows
            .get(i + 1)
            .is_some_and(|n| NEGATION_UNDONE_BY_NEXT.contains(&n.as_str()))
            && !lows[..i]
                .iter()
                .any(|p| NEGATION_UNDONE_BY_EARLIER.contains(&p.as_str()))
            // "plans that do not depend": a "that" just before is a relative clause
            && !lows[i.saturating_sub(3)..i].iter().any(|p| p == "that")
    })
}

/// Words by which a speaker keeps a matter at a distance: "the alleged plot".
const DISTANCING: &[&str] = &["alleged", "purported", "so-called", "supposed"];

/// Hedges that only say the report is second-hand; they do not weaken the content.
const HEARSAY: &[&str] = &["reportedly", "allegedly", "purportedly", "supposedly"];

/// What one claim gives for matching.
#[derive(Clone, Debug)]
pub struct ClaimView {
    /// Content keys, with a concept standing in for the stems it covers.
    pub keys: BTreeSet<String>,
    /// The content negates ("not", "lack of") or the cue denies.
    pub negative: bool,
    /// The content hedges ("may", "possible").
    pub hedged: bool,
    /// The speaker keeps the matter at a distance ("alleged").
    pub distancing: bool,
    /// Numbers with the unit that follows them ("48 hours" → (48, "hour")).
    pub numbers: Vec<(String, String)>,
    /// Keys of the capitalised names in the content, after its first word.
    pub names: BTreeSet<String>,
    /// Dates the content's time references resolve to (first and last day).
    pub dates: Vec<(chrono::NaiveDate, chrono::NaiveDate)>,
}

/// Concepts that name who acts ("extremists", "the U.S."), like names do.
const ACTOR_CONCEPTS: &[&str] = &["~militant", "~uk", "~us"];

impl ClaimView {
    /// Who acts in the claim, as keys: its names and actor concepts.
    fn actors(&self) -> BTreeSet<&str> {
        self.names
            .iter()
            .map(String::as_str)
            .chain(
                self.keys
                    .iter()
                    .map(String::as_str)
                    .filter(|k| ACTOR_CONCEPTS.contains(k)),
            )
            .collect()
    }
}

/// True when each claim names actors the other does not: "extremists planned an attack"
/// and "the U.S. and U.K. were planning attacks" share words but not who plans.
fn actors_differ(a: &ClaimView, b: &ClaimView) -> bool {
    let (xa, xb) = (a.actors(), b.actors());
    xa.difference(&xb).next().is_some()
        && xb.difference(&xa).next().is_some()
        && xa.is_disjoint(&xb)
}

impl ClaimView {
    /// The view of a claim.
    pub fn new(c: &Claim) -> ClaimView {
        let mut keys: BTreeSet<String> = BTreeSet::new();
        for k in &c.keys {
            if not_content_stems().contains(k) {
                continue;
            }
            // a concept stands in for its stems
            let covered =
                !is_concept(k) && concept_of(k).is_some_and(|con| c.keys.iter().any(|x| x == con));
            if !covered {
                keys.insert(k.clone());
            }
        }
        let text = c.text.as_str();
        let ws = words(text, Span::new(0, text.len()));
        let lows: Vec<String> = ws.iter().map(|t| normalize_word(t.text)).collect();
        let negative = c.stance == Stance::Deny || negates(&lows);
        let hedged = c.hedges.iter().any(|h| !HEARSAY.contains(&h.cue.as_str()));
        let distancing = lows.iter().any(|l| DISTANCING.contains(&l.as_str()));
        let mut numbers = Vec::new();
        for (i, t) in ws.iter().enumerate() {
            let digits: String = t
                .text
                .chars()
                .take_while(|ch| ch.is_ascii_digit())
                .collect();
            if digits.is_empty() {
                continue;
            }
            // "48-hour" or "48 hours"
            let unit = match t.text[digits.len()..].strip_prefix('-') {
                Some(rest) if !rest.is_empty() => stem(rest),
                _ => ws.get(i + 1).map(|n| stem(n.text)).unwrap_or_default(),
            };
            numbers.push((digits, unit));
        }
        let mut names = BTreeSet::new();
        for (i, t) in ws.iter().enumerate().skip(1) {
            if !t.text.starts_with(|ch: char| ch.is_uppercase()) || lows[i] == "i" {
                continue;
            }
            let s = stem(t.text);
            names.insert(concept_of(&s).map_or(s, str::to_string));
        }
        let dates = c
            .times
            .iter()
            .filter_map(|t| Some((t.start?, t.end.or(t.start)?)))
            .collect();
        ClaimView {
            keys,
            negative,
            hedged,
            distancing,
            numbers,
            names,
            dates,
        }
    }
}

/// Key weights over a set of claims: `ln(1 + N / df)`.
#[derive(Clone, Debug, Default)]
pub struct KeyWeights {
    df: HashMap<String, usize>,
    n: usize,
}

impl KeyWeights {
    /// Counts in how many of the views each key occurs.
    pub fn new<'a>(views: impl IntoIterator<Item = &'a ClaimView>) -> KeyWeights {
        let mut df: HashMap<String, usize> = HashMap::new();
        let mut n = 0;
        for v in views {
            n += 1;
            for k in &v.keys {
                *df.entry(k.clone()).or_default() += 1;
            }
        }
        KeyWeights { df, n }
    }

    /// The weight of a key; a key never seen weighs as one seen once.
    pub fn weight(&self, key: &str) -> f64 {
        let df = self.df.get(key).copied().unwrap_or(1).max(1);
        (1.0 + self.n.max(1) as f64 / df as f64).ln()
    }

    fn total(&self, keys: &BTreeSet<String>) -> f64 {
        keys.iter().map(|k| self.weight(k)).sum()
    }
}

/// How much of two claims' content is shared.
pub(crate) struct Overlap {
    /// The keys both claims hold.
    pub(crate) shared: Vec<String>,
    /// Cover of the first claim.
    pub(crate) cover_a: f64,
    /// Cover of the second claim.
    pub(crate) cover_b: f64,
}

impl Overlap {
    pub(crate) fn new(a: &ClaimView, b: &ClaimView, kw: &KeyWeights) -> Overlap {
        let shared: Vec<String> = a.keys.intersection(&b.keys).cloned().collect();
        let s: f64 = shared.iter().map(|k| kw.weight(k)).sum();
        let cover = |v: &ClaimView| {
            let t = kw.total(&v.keys);
            if t > 0.0 {
                s / t
            } else {
                0.0
            }
        };
        Overlap {
            cover_a: cover(a),
            cover_b: cover(b),
            shared,
        }
    }

    fn high(&self) -> f64 {
        self.cover_a.max(self.cover_b)
    }

    fn low(&self) -> f64 {
        self.cover_a.min(self.cover_b)
    }

    /// The shared keys for a reason, at most `limit` of them, concepts without their `~`.
    pub(crate) fn words_up_to(&self, limit: usize) -> String {
        let shown: Vec<&str> = self
            .shared
            .iter()
            .map(|k| k.trim_start_matches('~'))
            .take(limit)
            .collect();
        shown.join(", ")
    }
}

/// Shared words shown in a relation's reasons.
const SHOWN_WORDS: usize = 8;

/// Stances that take no position on the content: neither agreement nor denial.
fn undecided(c: &Claim) -> bool {
    matches!(c.stance, Stance::RefuseToConfirm | Stance::Question)
}

fn quoted(c: &Claim) -> bool {
    matches!(c.kind, AttributionKind::Direct | AttributionKind::Mixed) && !c.quotes.is_empty()
}

/// A source that stands for the article itself or an unknown speaker: two of its claims
/// are not known to come from one speaker.
pub(crate) fn anonymous_source(id: &str) -> bool {
    id.starts_with("article:") || id.starts_with("unknown:")
}

/// The quoted words of a claim, without the quotation marks.
fn quote_text(c: &Claim) -> String {
    c.quote_texts()
        .iter()
        .map(|q| q.trim_matches(|ch: char| !ch.is_alphanumeric()))
        .collect::<Vec<_>>()
        .join(" … ")
}

/// Which claim a relation would see first: (the claims, their views, their indices).
pub struct Pair<'a> {
    /// The two claims.
    pub claims: (&'a Claim, &'a Claim),
    /// Their views.
    pub views: (&'a ClaimView, &'a ClaimView),
    /// Their indices in the story's claims.
    pub index: (usize, usize),
}

/// Names a claim in reasons: its speaker's name.
fn who(c: &Claim) -> String {
    c.via
        .first()
        .map_or_else(|| c.speaker.text.clone(), |v| v.name.clone())
}

/// The relation between two claims, if there is one, with its score and reasons.
pub fn relate(p: &Pair, kw: &KeyWeights) -> Option<Relation> {
    let (a, b) = p.claims;
    let (va, vb) = p.views;
    let (i, j) = p.index;
    if a.article == b.article && a.sentence == b.sentence {
        return None;
    }
    let ov = Overlap::new(va, vb, kw);
    if ov.shared.is_empty() {
        return None;
    }
    let same_source = a.speaker.source == b.speaker.source && !anonymous_source(a.origin());
    let affiliated = !same_source && a.affiliation.is_some() && a.affiliation == b.affiliation;
    let make = |kind, score: f64, reasons: Vec<String>| Relation {
        a: i,
        b: j,
        kind,
        score: (score.clamp(0.0, 1.0) * 1000.0).round() / 1000.0,
        reasons,
        diff: Vec::new(),
    };

    // the same speaker's words, quoted twice in different wording
    if same_source && quoted(a) && quoted(b) {
        let (qa, qb) = (quote_text(a), quote_text(b));
        if !qa.eq_ignore_ascii_case(&qb) && ov.high() >= w::VARIANT_COVER {
            let sim = strsim::normalized_levenshtein(&qa.to_lowercase(), &qb.to_lowercase());
            let diff = word_diff(&qa, &qb);
            let mut r = make(
                RelationKind::QuoteVariant,
                ov.high(),
                vec![
                    format!("{} quoted in two wordings", who(a)),
                    format!(
                        "wording similarity {sim:.2} (normalised Levenshtein); shared words: {}",
                        ov.words_up_to(SHOWN_WORDS)
                    ),
                    format!("difference: {}", render(&diff)),
                ],
            );
            r.diff = diff;
            return Some(r);
        }
    }
    if undecided(a) || undecided(b) {
        return None;
    }

    // contradiction: a denial or negation against an assertion
    if va.negative != vb.negative {
        let (neg, negv, pos, posv) = if va.negative {
            (a, va, b, vb)
        } else {
            (b, vb, a, va)
        };
        // a hedged statement on either side is no plain contradiction ("may not" against
        // "possible"), though a denial may still answer a hedged assertion
        let plain = !negv.hedged && !posv.hedged;
        {
            let neg_cover = if va.negative { ov.cover_a } else { ov.cover_b };
            let mut reasons = Vec::new();
            let mut score = 0.0;
            if plain && ov.high() >= w::CONTRADICT_COVER && ov.shared.len() >= 2 {
                score = ov.high();
                reasons.push(format!(
                    "{} negates what {} asserts; shared words: {}",
                    who(neg),
                    who(pos),
                    ov.words_up_to(SHOWN_WORDS)
                ));
            }
            if neg.stance == Stance::Deny && pos.speaker.source != neg.speaker.source {
                let mut s = w::DENIAL_COVER_SHARE * neg_cover;
                let mut why = vec![format!(
                    "{} denies what {} asserts; shared words: {}",
                    who(neg),
                    who(pos),
                    ov.words_up_to(SHOWN_WORDS)
                )];
                if neg.responds_to.as_deref() == Some(pos.origin()) {
                    s += w::DENIAL_ANSWERS;
                    why.push(format!("the text presents it as an answer to {}", who(pos)));
                }
                if neg.article == pos.article && pos.evidence.end <= neg.evidence.start {
                    s += w::DENIAL_EARLIER;
                    why.push("the assertion comes first in the same article".into());
                }
                if negv.distancing {
                    s += w::DENIAL_DISTANCING;
                    why.push("the denial calls the matter “alleged”".into());
                }
                if s >= w::DENIAL_SCORE {
                    score = score.max(s);
                    reasons.extend(why);
                }
            }
            if score > 0.0 {
                return Some(make(RelationKind::Contradicts, score, reasons));
            }
        }
        return None;
    }

    // contradiction: the same statement with other numbers, dates or actors
    if ov.high() >= w::CONTRADICT_COVER && ov.shared.len() >= 2 && !va.hedged && !vb.hedged {
        for (na, ua) in &va.numbers {
            let same_unit: Vec<&String> = vb
                .numbers
                .iter()
                .filter(|(_, u)| u == ua && !u.is_empty())
                .map(|(n, _)| n)
                .collect();
            if !same_unit.is_empty() && !same_unit.contains(&na) {
                return Some(make(
                    RelationKind::Contradicts,
                    ov.high(),
                    vec![format!(
                        "the numbers differ: {na} {ua} against {} {ua}; shared words: {}",
                        same_unit[0],
                        ov.words_up_to(SHOWN_WORDS)
                    )],
                ));
            }
        }
        let disjoint_dates = !va.dates.is_empty()
            && !vb.dates.is_empty()
            && va
                .dates
                .iter()
                .all(|(s1, e1)| vb.dates.iter().all(|(s2, e2)| e1 < s2 || e2 < s1));
        if disjoint_dates {
            return Some(make(
                RelationKind::Contradicts,
                ov.high(),
                vec![format!(
                    "the dates differ: {} against {}; shared words: {}",
                    va.dates[0].0,
                    vb.dates[0].0,
                    ov.words_up_to(SHOWN_WORDS)
                )],
            ));
        }
        let plain_shared = ov
            .shared
            .iter()
            .filter(|k| !va.names.contains(*k) && !vb.names.contains(*k))
            .count();
        if !same_source
            && plain_shared >= 2
            && !va.names.is_empty()
            && !vb.names.is_empty()
            && va.names.is_disjoint(&vb.names)
        {
            let list = |n: &BTreeSet<String>| n.iter().cloned().collect::<Vec<_>>().join(", ");
            return Some(make(
                RelationKind::Contradicts,
                ov.high() * 0.8,
                vec![format!(
                    "the same statement with other actors or places: {} against {}",
                    list(&va.names),
                    list(&vb.names)
                )],
            ));
        }
    }

    // agreement and elaboration
    let high = ov.high();
    if high >= w::AGREE_COVER
        && ov.low() >= w::AGREE_OTHER_COVER
        && ov.shared.len() >= 2
        && (same_source || !actors_differ(va, vb))
    {
        return Some(make(
            RelationKind::Agrees,
            (high + ov.low()) / 2.0,
            vec![format!(
                "the same statement: {:.0}% and {:.0}% of their weighted words shared ({})",
                ov.cover_a * 100.0,
                ov.cover_b * 100.0,
                ov.words_up_to(SHOWN_WORDS)
            )],
        ));
    }
    if same_source && high >= w::SAME_SOURCE_COVER {
        return Some(make(
            RelationKind::Agrees,
            high,
            vec![format!(
                "{} again on the same matter: {:.0}% of the weighted words of the shorter \
                 telling shared ({})",
                who(a),
                high * 100.0,
                ov.words_up_to(SHOWN_WORDS)
            )],
        ));
    }
    if affiliated && high >= w::SAME_SOURCE_COVER && ov.shared.len() >= 2 {
        return Some(make(
            RelationKind::Agrees,
            high,
            vec![format!(
                "{} and {}, both {}, on the same matter: {:.0}% of the weighted words of the \
                 shorter claim shared ({})",
                who(a),
                who(b),
                a.affiliation.as_deref().unwrap_or_default(),
                high * 100.0,
                ov.words_up_to(SHOWN_WORDS)
            )],
        ));
    }
    if same_source
        && a.article != b.article
        && a.stance == b.stance
        && matches!(a.stance, Stance::Warn | Stance::Accuse | Stance::Announce)
    {
        return Some(make(
            RelationKind::Agrees,
            0.5 + high / 2.0,
            vec![format!(
                "the same {} by {}, told in both articles; shared words: {}",
                match a.stance {
                    Stance::Warn => "warning",
                    Stance::Accuse => "accusation",
                    _ => "announcement",
                },
                who(a),
                ov.words_up_to(SHOWN_WORDS)
            )],
        ));
    }
    if high >= w::ELABORATE_COVER && ov.shared.len() >= w::ELABORATE_SHARED {
        // the claim less covered says more
        let (more, less) = if ov.cover_a < ov.cover_b {
            (i, j)
        } else {
            (j, i)
        };
        let mut r = make(
            RelationKind::Elaborates,
            high,
            vec![format!(
                "adds detail: {:.0}% of the shorter claim's weighted words are in the longer one \
                 ({})",
                high * 100.0,
                ov.words_up_to(SHOWN_WORDS)
            )],
        );
        r.a = more;
        r.b = less;
        return Some(r);
    }
    None
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Relates two invented claims of two sources, in two articles.
    fn rel(a: &str, b: &str) -> Option<Relation> {
        let mut x = Claim::plain("x", "alpha", a);
        let mut y = Claim::plain("y", "beta", b);
        x.article = "one".into();
        y.article = "two".into();
        // background claims, so that key weights are not all equal
        let others: Vec<Claim> = [
            "The harbour reopened on Monday.",
            "The council met to discuss the budget.",
            "Fishermen said the storm damaged boats.",
        ]
        .iter()
        .map(|t| Claim::plain("z", "gamma", t))
        .collect();
        let (vx, vy) = (ClaimView::new(&x), ClaimView::new(&y));
        let vo: Vec<ClaimView> = others.iter().map(ClaimView::new).collect();
        let kw = KeyWeights::new([&vx, &vy].into_iter().chain(&vo));
        relate(
            &Pair {
                claims: (&x, &y),
                views: (&vx, &vy),
                index: (0, 1),
            },
            &kw,
        )
    }

    #[test]
    fn other_words_for_the_same_statement_agree() {
        let r = rel(
            "Militants planned an attack on the Valdera ferry terminal",
            "extremists were plotting an assault on the Valdera ferry terminal",
        )
        .unwrap();
        assert_eq!(r.kind, RelationKind::Agrees, "{:?}", r.reasons);
    }

    #[test]
    fn negation_contradicts_and_hedged_negation_does_not() {
        let r = rel(
            "the dam at Korvel was breached by the flood",
            "the dam at Korvel was not breached by the flood",
        )
        .unwrap();
        assert_eq!(r.kind, RelationKind::Contradicts);
        assert!(r.reasons[0].contains("negates"), "{:?}", r.reasons);
        let r = rel(
            "the dam at Korvel was breached by the flood",
            "the dam at Korvel may not have been breached by the flood",
        );
        assert!(
            r.as_ref()
                .is_none_or(|r| r.kind != RelationKind::Contradicts),
            "{r:?}"
        );
        // "not just" and a warning "not to" are no denial
        let r = rel(
            "the flood damaged farms near Korvel",
            "the flood damaged not just farms near Korvel but roads too",
        );
        assert!(
            r.as_ref()
                .is_none_or(|r| r.kind != RelationKind::Contradicts),
            "{r:?}"
        );
    }

    #[test]
    fn conflicting_numbers_contradict() {
        let r = rel(
            "the ferry strike at Valdera will last 48 hours",
            "the ferry strike at Valdera will last 24 hours",
        )
        .unwrap();
        assert_eq!(r.kind, RelationKind::Contradicts);
        assert!(
            r.reasons[0].contains("numbers differ: 48 hour against 24 hour"),
            "{:?}",
            r.reasons
        );
    }

    #[test]
    fn other_actors_for_the_same_act_contradict() {
        let r = rel(
            "Ostmark Shipping sabotaged the harbour cranes at night",
            "Kellen Logistics sabotaged the harbour cranes at night",
        )
        .unwrap();
        assert_eq!(r.kind, RelationKind::Contradicts);
        assert!(r.reasons[0].contains("other actors"), "{:?}", r.reasons);
    }

    #[test]
    fn a_longer_telling_elaborates() {
        let r = rel(
            "the harbour crane collapsed during the storm",
            "the harbour crane collapsed during the storm, crushing two trucks and closing \
             berth four for a week while inspectors examined the welds",
        )
        .unwrap();
        assert_eq!(r.kind, RelationKind::Elaborates, "{:?}", r.reasons);
        assert_eq!((r.a, r.b), (1, 0), "the longer claim adds the detail");
    }

    #[test]
    fn unrelated_claims_have_no_relation() {
        assert!(rel("the council approved the budget", "the ferry strike ended").is_none());
    }
}
