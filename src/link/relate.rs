//! Deciding the relation between two claims: what each claim's words give for matching,
//! and the rules that turn two of them into agreement, contradiction, elaboration or a
//! quote variant, with a score and the reasons.

use super::asserted::Verdict;
use super::diff::{render, word_diff};
use super::{Relation, RelationKind};
use crate::attribution::{AttributionKind, Stance};
use crate::claims::meaning::negated;
use crate::claims::predicates::{HEARSAY, NEGATIONS, NOT_CONTENT};
use crate::claims::Claim;
use crate::sources::SpeakerId;
use crate::text::concepts::{concept_of, is_concept};
use crate::text::tokens::{normalize_word, stem, words};
use crate::text::Span;
use crate::weights::link as w;
use std::collections::{BTreeSet, HashMap};

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

/// Words by which a speaker keeps a matter at a distance: "the alleged plot".
const DISTANCING: &[&str] = &["alleged", "purported", "so-called", "supposed"];

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

/// True when key `k` of a claim is one of its view's keys: content (not a word of
/// [`NOT_CONTENT`] or [`NEGATIONS`]), and not a stem that a concept the claim also holds
/// (`claim_has`) stands in for.
pub(crate) fn is_view_key(k: &str, claim_has: impl Fn(&str) -> bool) -> bool {
    is_content_key(k) && !covering_concept(k).is_some_and(claim_has)
}

/// The concept that stands in for key `k` when a claim holds both, if any: see
/// [`is_view_key`].
pub(crate) fn covering_concept(k: &str) -> Option<&'static str> {
    if is_concept(k) {
        None
    } else {
        concept_of(k)
    }
}

/// True when key `k` is content: not a word of [`NOT_CONTENT`] or [`NEGATIONS`].
pub(crate) fn is_content_key(k: &str) -> bool {
    !not_content_stems().contains(k)
}

impl ClaimView {
    /// The view of a claim.
    pub fn new(c: &Claim) -> ClaimView {
        let has = |con: &str| c.keys.iter().any(|x| x == con);
        ClaimView {
            keys: c
                .keys
                .iter()
                .filter(|k| is_view_key(k, has))
                .cloned()
                .collect(),
            ..ClaimView::lean(c)
        }
    }

    /// The view of a claim with only the keys [`ClaimView::actors`] reads (actor concepts),
    /// for [`decide`] with an overlap computed from key ids: every claim's key strings held
    /// once more would double the memory of linking a large story.
    pub(crate) fn lean(c: &Claim) -> ClaimView {
        let has = |con: &str| c.keys.iter().any(|x| x == con);
        let keys = c
            .keys
            .iter()
            .filter(|k| ACTOR_CONCEPTS.contains(&k.as_str()) && is_view_key(k, has))
            .cloned()
            .collect();
        let text = c.text.as_str();
        let ws = words(text, Span::new(0, text.len()));
        let lows: Vec<String> = ws.iter().map(|t| normalize_word(t.text)).collect();
        let negative = c.stance == Stance::Deny || negated(&lows, None) || c.assertion.negative;
        let hedged = c.hedges.iter().any(|h| !HEARSAY.contains(&h.cue.as_str()));
        let distancing = lows.iter().any(|l| DISTANCING.contains(&l.as_str()));
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
pub(crate) struct Overlap<'a> {
    /// Where the shared keys are read from, when a reason names them.
    keys: SharedKeys<'a>,
    /// How many keys both claims hold.
    pub(crate) shared: usize,
    /// Cover of the first claim.
    pub(crate) cover_a: f64,
    /// Cover of the second claim.
    pub(crate) cover_b: f64,
}

/// The two claims' keys, from which an [`Overlap`] lists the shared ones.
enum SharedKeys<'a> {
    /// As strings.
    Strings(&'a BTreeSet<String>, &'a BTreeSet<String>),
    /// As ascending ids into a table of keys sorted as strings.
    Ids(&'a [u32], &'a [u32], &'a [&'a str]),
}

/// The values both ascending slices hold, ascending.
fn common<'x>(x: &'x [u32], y: &'x [u32]) -> impl Iterator<Item = u32> + 'x {
    let (mut i, mut j) = (0, 0);
    std::iter::from_fn(move || {
        while i < x.len() && j < y.len() {
            match x[i].cmp(&y[j]) {
                std::cmp::Ordering::Less => i += 1,
                std::cmp::Ordering::Greater => j += 1,
                std::cmp::Ordering::Equal => {
                    i += 1;
                    j += 1;
                    return Some(x[i - 1]);
                }
            }
        }
        None
    })
}

impl<'a> Overlap<'a> {
    pub(crate) fn new(a: &'a ClaimView, b: &'a ClaimView, kw: &KeyWeights) -> Overlap<'a> {
        let mut shared = 0;
        let s: f64 = a
            .keys
            .intersection(&b.keys)
            .map(|k| {
                shared += 1;
                kw.weight(k)
            })
            .sum();
        Overlap::with_covers(
            SharedKeys::Strings(&a.keys, &b.keys),
            shared,
            s,
            kw.total(&a.keys),
            kw.total(&b.keys),
        )
    }

    /// The overlap of two claims whose view keys are given as ascending ids into `keys`
    /// (sorted as strings, so that ids and strings come in the same order), with each key
    /// id's weight and each claim's total weight. For claims that share a key, the same as
    /// [`Overlap::new`] on the views to the last bit: the same weights are added in the same
    /// order.
    pub(crate) fn from_ids(
        a: &'a [u32],
        b: &'a [u32],
        keys: &'a [&'a str],
        weights: &[f64],
        totals: (f64, f64),
    ) -> Overlap<'a> {
        // a merge that steps without branching on which list is behind; the weights are
        // positive, so that adding them to 0 in order gives the sum of `Overlap::new`
        let (mut shared, mut s) = (0, 0.0);
        let (mut i, mut j) = (0, 0);
        while i < a.len() && j < b.len() {
            let (x, y) = (a[i], b[j]);
            if x == y {
                shared += 1;
                s += weights[x as usize];
            }
            i += usize::from(x <= y);
            j += usize::from(y <= x);
        }
        Overlap::with_covers(SharedKeys::Ids(a, b, keys), shared, s, totals.0, totals.1)
    }

    fn with_covers(keys: SharedKeys<'a>, shared: usize, s: f64, ta: f64, tb: f64) -> Overlap<'a> {
        let cover = |t: f64| if t > 0.0 { s / t } else { 0.0 };
        Overlap {
            keys,
            shared,
            cover_a: cover(ta),
            cover_b: cover(tb),
        }
    }

    fn high(&self) -> f64 {
        self.cover_a.max(self.cover_b)
    }

    fn low(&self) -> f64 {
        self.cover_a.min(self.cover_b)
    }

    /// The keys both claims hold, in the keys' order.
    pub(crate) fn shared_keys(&self) -> Vec<&'a str> {
        match self.keys {
            SharedKeys::Strings(a, b) => a.intersection(b).map(String::as_str).collect(),
            SharedKeys::Ids(a, b, keys) => common(a, b).map(|k| keys[k as usize]).collect(),
        }
    }

    /// The shared keys for a reason, at most `limit` of them, concepts without their `~`,
    /// without the `@` keys of predicate classes and parties (a reason names those in
    /// words).
    pub(crate) fn words_up_to(&self, limit: usize) -> String {
        let shown: Vec<&str> = self
            .shared_keys()
            .into_iter()
            .filter(|k| !k.starts_with('@'))
            .map(|k| k.trim_start_matches('~'))
            .take(limit)
            .collect();
        shown.join(", ")
    }
}

/// True when the two claims can speak of one event, for a contradiction: predicates of
/// one class (or two that ask who did it) when the lexicon knows both, themes of one matter
/// ([`crate::claims::Assertion::same_matter`]), neither telling of another's account, and
/// two voices, not one speaker's two sentences in one article.
fn one_event(a: &Claim, b: &Claim) -> bool {
    let (ma, mb) = (&a.assertion, &b.assertion);
    let classes = match (ma.class(), mb.class()) {
        (Some(x), Some(y)) => x == y || (x.has_culprit() && y.has_culprit()),
        // a predicate the lexicon does not know ("fuel reached the beaches") leaves
        // the words to decide
        _ => true,
    };
    let one_voice = a.article == b.article && a.origin() == b.origin();
    let told = ma.within_account || mb.within_account;
    classes && ma.same_matter(mb) && !told && !one_voice
}

/// Content words a claim without a known predicate needs to be more than a fragment
/// ("as anomalous health incidents") that a denial could answer.
const FRAGMENT_WORDS: usize = 4;

/// True when a claim asserts enough for a denial to answer it: a predicate of the
/// lexicon, or more content words than a fragment has.
fn asserts_enough(c: &Claim) -> bool {
    c.assertion.class().is_some()
        || c.keys
            .iter()
            .filter(|k| !k.starts_with('@') && !k.starts_with('~'))
            .count()
            >= FRAGMENT_WORDS
}

/// True when the negative claim `neg` can be aimed at the party the positive claim `pos`
/// names as agent: it names that party, or, naming none, it is the denier's own part
/// ("denied its involvement") or a denial of the event itself that shares its theme.
/// A denial by one party says nothing against an account that blames another.
fn aimed_at(neg: &Claim, pos: &Claim) -> bool {
    let (mn, mp) = (&neg.assertion, &pos.assertion);
    let Some(x) = &mp.agent else {
        return true;
    };
    match &mn.agent {
        Some(y) => y.id == x.id,
        None => {
            let own = neg.affiliation.as_deref().unwrap_or(neg.origin().as_str());
            let general = mn.parties.is_empty()
                && !mn.theme.is_empty()
                && !mp.theme.is_empty()
                && mn.same_matter(mp);
            x.id == own || mn.parties.iter().any(|p| p.id == x.id) || general
        }
    }
}

/// Shared words shown in a relation's reasons.
const SHOWN_WORDS: usize = 8;

/// Stances that take no position on the content: neither agreement nor denial.
fn undecided(stance: Stance) -> bool {
    matches!(stance, Stance::RefuseToConfirm | Stance::Question)
}

fn quoted(c: &Claim) -> bool {
    matches!(c.kind, AttributionKind::Direct | AttributionKind::Mixed) && !c.quotes.is_empty()
}

/// A source that stands for the article itself or an unknown speaker: two of its claims
/// are not known to come from one speaker.
pub(crate) fn anonymous_source(id: &SpeakerId) -> bool {
    id.is_article_voice() || id.as_str().starts_with("unknown:")
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

/// What the rules read of a claim and its view for every pair they decide, in a few
/// bytes: claims of one article, one source or one affiliation have the same number for
/// it. The rest of a claim and of its view is read only on the way to a relation, so that
/// deciding the many pairs that come to none reads little memory.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) struct Traits {
    /// The article, as a number.
    pub(crate) article: u32,
    /// The sentence's index in the article.
    pub(crate) sentence: usize,
    /// The speaker's source, as a number.
    pub(crate) source: u32,
    /// The source is named: not an article's own voice or an unknown speaker
    /// ([`anonymous_source`]).
    pub(crate) named: bool,
    /// The source's affiliation, as a number, when there is one.
    pub(crate) affiliation: Option<u32>,
    /// [`Claim::stance`].
    pub(crate) stance: Stance,
    /// The claim quotes its speaker's words.
    pub(crate) quoted: bool,
    /// [`ClaimView::negative`].
    pub(crate) negative: bool,
    /// [`ClaimView::hedged`].
    pub(crate) hedged: bool,
}

impl Traits {
    /// The traits of a claim and its view, given the numbers of its article, source and
    /// affiliation.
    pub(crate) fn new(
        c: &Claim,
        v: &ClaimView,
        article: u32,
        source: u32,
        affiliation: Option<u32>,
    ) -> Traits {
        Traits {
            article,
            sentence: c.sentence,
            source,
            named: !anonymous_source(c.origin()),
            affiliation,
            stance: c.stance,
            quoted: quoted(c),
            negative: v.negative,
            hedged: v.hedged,
        }
    }

    /// The traits of the two claims of a pair, numbered by comparing the two.
    fn of_pair(p: &Pair) -> (Traits, Traits) {
        let (a, b) = p.claims;
        let (va, vb) = p.views;
        let same = |x: bool| if x { 0 } else { 1 };
        let b_affiliation = b
            .affiliation
            .as_ref()
            .map(|x| same(a.affiliation.as_ref() == Some(x)));
        (
            Traits::new(a, va, 0, 0, a.affiliation.as_ref().map(|_| 0)),
            Traits::new(
                b,
                vb,
                same(a.article == b.article),
                same(a.origin() == b.origin()),
                b_affiliation,
            ),
        )
    }
}

/// The relation between two claims, if there is one, with its score and reasons.
pub fn relate(p: &Pair, kw: &KeyWeights) -> Option<Relation> {
    let (ta, tb) = Traits::of_pair(p);
    decide(p, (&ta, &tb), &Overlap::new(p.views.0, p.views.1, kw))
}

/// The relation between two claims given their [`Traits`] and the overlap of their keys:
/// [`relate`] once those are known. Of the views' keys it reads only the actor concepts
/// (see [`ClaimView::actors`]), so it can be given lean views ([`ClaimView::lean`]) and an
/// overlap computed from key ids ([`Overlap::from_ids`]).
pub(crate) fn decide(p: &Pair, t: (&Traits, &Traits), ov: &Overlap) -> Option<Relation> {
    let (a, b) = p.claims;
    let (va, vb) = p.views;
    let (ta, tb) = t;
    let (i, j) = p.index;
    if ta.article == tb.article && ta.sentence == tb.sentence {
        return None;
    }
    if ov.shared == 0 {
        return None;
    }
    let same_source = ta.source == tb.source && ta.named;
    let affiliated = !same_source && ta.affiliation.is_some() && ta.affiliation == tb.affiliation;
    let make = |kind, score: f64, reasons: Vec<String>| Relation {
        a: i,
        b: j,
        kind,
        score: (score.clamp(0.0, 1.0) * 1000.0).round() / 1000.0,
        reasons,
        diff: Vec::new(),
    };

    // the same speaker's words, quoted twice in different wording
    if same_source && ta.quoted && tb.quoted && ov.high() >= w::VARIANT_COVER {
        let (qa, qb) = (quote_text(a), quote_text(b));
        if !qa.eq_ignore_ascii_case(&qb) {
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
    if undecided(ta.stance) || undecided(tb.stance) {
        return None;
    }

    // what the two assert: the same deed of the same party, another party for it, counts
    // that cannot both hold
    if a.assertion.predicate.is_some() && b.assertion.predicate.is_some() {
        let words = ov
            .shared_keys()
            .into_iter()
            .filter(|k| !k.starts_with('@'))
            .count();
        match super::asserted::verdict(a, b, words) {
            Some(Verdict::Contradicts(why)) => {
                return Some(make(
                    RelationKind::Contradicts,
                    0.5 + ov.high() / 2.0,
                    vec![
                        why,
                        format!("shared words: {}", ov.words_up_to(SHOWN_WORDS)),
                    ],
                ))
            }
            Some(Verdict::Agrees(why)) if !same_source || ta.article != tb.article => {
                return Some(make(
                    RelationKind::Agrees,
                    0.5 + ov.high() / 2.0,
                    vec![
                        why,
                        format!("shared words: {}", ov.words_up_to(SHOWN_WORDS)),
                    ],
                ))
            }
            Some(Verdict::Apart(_)) => return None,
            _ => {}
        }
    }

    // contradiction: a denial or negation against an assertion
    if ta.negative != tb.negative {
        let (neg, negv, negt, pos, post) = if ta.negative {
            (a, va, ta, b, tb)
        } else {
            (b, vb, tb, a, ta)
        };
        // a hedged statement on either side is no plain contradiction ("may not" against
        // "possible"), though a denial may still answer a hedged assertion
        let plain = !negt.hedged && !post.hedged;
        {
            let neg_cover = if ta.negative { ov.cover_a } else { ov.cover_b };
            let mut reasons = Vec::new();
            let mut score = 0.0;
            // both sides must be about the matter: a fragment ("as the syndrome") that
            // another claim's words cover says nothing against it
            let of_one_matter = ov.low() >= w::CONTRADICT_OTHER_COVER
                && one_event(a, b)
                && asserts_enough(pos)
                && aimed_at(neg, pos);
            // one speaker's two tellings differ by their reporters' words, not its own
            if plain
                && of_one_matter
                && !same_source
                && ov.high() >= w::CONTRADICT_COVER
                && ov.shared >= 2
            {
                score = ov.high();
                reasons.push(format!(
                    "{} negates what {} asserts; shared words: {}",
                    who(neg),
                    who(pos),
                    ov.words_up_to(SHOWN_WORDS)
                ));
            }
            // the denial answers an assertion of the matter, not a fragment of it
            let denied = post.source != negt.source
                && asserts_enough(pos)
                && one_event(a, b)
                && aimed_at(neg, pos);
            if negt.stance == Stance::Deny && denied {
                let mut s = w::DENIAL_COVER_SHARE * neg_cover;
                let mut why = vec![format!(
                    "{} denies what {} asserts; shared words: {}",
                    who(neg),
                    who(pos),
                    ov.words_up_to(SHOWN_WORDS)
                )];
                if neg.responds_to.as_ref() == Some(pos.origin()) {
                    s += w::DENIAL_ANSWERS;
                    why.push(format!("the text presents it as an answer to {}", who(pos)));
                }
                if negt.article == post.article && pos.evidence.end <= neg.evidence.start {
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
    let one_voice = same_source && ta.article == tb.article;
    if ov.high() >= w::CONTRADICT_COVER
        && ov.shared >= 2
        && !ta.hedged
        && !tb.hedged
        && !one_voice
        && (va.dates.is_empty() || vb.dates.is_empty() || va.dates == vb.dates)
    {
        // measures of one unit that cannot both hold ("48 hours" against "24 hours");
        // counts compare only in what the claims assert (see `asserted`)
        let (qa, qb) = (&a.assertion.quantities, &b.assertion.quantities);
        // (the quantities first: most pairs have none, and the event is read only then)
        let clash = (!qa.is_empty() && !qb.is_empty())
            .then(|| super::asserted::incompatible(qa, qb, false))
            .flatten()
            .filter(|_| one_event(a, b));
        if let Some((x, y)) = clash {
            return Some(make(
                RelationKind::Contradicts,
                ov.high(),
                vec![format!(
                    "the figures differ: {} against {}; shared words: {}",
                    x.text,
                    y.text,
                    ov.words_up_to(SHOWN_WORDS)
                )],
            ));
        }
    }

    // agreement and elaboration
    let high = ov.high();
    if high >= w::AGREE_COVER
        && ov.low() >= w::AGREE_OTHER_COVER
        && ov.shared >= 2
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
    if affiliated && high >= w::SAME_SOURCE_COVER && ov.shared >= 2 {
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
        && ta.article != tb.article
        && ta.stance == tb.stance
        && matches!(ta.stance, Stance::Warn | Stance::Accuse | Stance::Announce)
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
    if high >= w::ELABORATE_COVER && ov.shared >= w::ELABORATE_SHARED {
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
        // what each asserts, read as the pipeline reads it (no registry: no parties)
        let none = crate::claims::Parties::default();
        for c in [&mut x, &mut y] {
            crate::claims::meaning::annotate(
                std::slice::from_mut(c),
                &none,
                &crate::claims::meaning::WordReader,
            );
        }
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
            r.reasons[0].contains("48 hours against 24 hours"),
            "{:?}",
            r.reasons
        );
    }

    #[test]
    fn other_names_alone_neither_contradict_nor_agree() {
        // two names beside one deed may be two deeds: only parties said to answer for
        // one event compete (see `asserted`)
        let r = rel(
            "Ostmark Shipping sabotaged the harbour cranes at night",
            "Kellen Logistics sabotaged the harbour cranes at night",
        );
        assert!(
            r.as_ref().is_none_or(|r| !matches!(
                r.kind,
                RelationKind::Contradicts | RelationKind::Agrees
            )),
            "{r:?}"
        );
    }

    #[test]
    fn one_speaker_in_one_article_does_not_contradict_itself() {
        let mut x = Claim::plain("x", "alpha", "the dam at Korvel was breached by the flood");
        let mut y = Claim::plain(
            "y",
            "alpha",
            "the dam at Korvel was not breached by the flood",
        );
        let none = crate::claims::Parties::default();
        for (c, s) in [(&mut x, 0), (&mut y, 4)] {
            c.article = "one".into();
            c.sentence = s;
            crate::claims::meaning::annotate(
                std::slice::from_mut(c),
                &none,
                &crate::claims::meaning::WordReader,
            );
        }
        let (vx, vy) = (ClaimView::new(&x), ClaimView::new(&y));
        let kw = KeyWeights::new([&vx, &vy]);
        let r = relate(
            &Pair {
                claims: (&x, &y),
                views: (&vx, &vy),
                index: (0, 1),
            },
            &kw,
        );
        assert!(
            r.as_ref()
                .is_none_or(|r| r.kind != RelationKind::Contradicts),
            "{r:?}"
        );
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
