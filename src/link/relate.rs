//! Deciding the relation between two claims: what each claim's words give for matching,
//! and the rules that turn two of them into agreement, contradiction, elaboration or a
//! quote variant, with a score and the reasons.

use super::asserted::Verdict;
use super::diff::{render, word_diff};
use super::source::LazyClaim;
use super::view::*;
pub(crate) use super::view::{covering_concept, is_content_key, Overlap};
pub use super::view::{ClaimView, KeyWeights};
use super::{Relation, RelationKind};
use crate::attribution::{AttributionKind, Stance};
use crate::claims::Claim;
use crate::sources::SpeakerId;
use crate::weights::link as w;

/// True when the two claims can speak of one event, for a contradiction: predicates of
/// one class (or two that ask who did it) when the lexicon knows both, themes of one matter
/// ([`crate::claims::Assertion::same_matter`]), neither telling of another's account, and
/// two voices, not one speaker's two sentences in one article.
fn one_event(a: &Claim, b: &Claim) -> bool {
    let (ma, mb) = (&a.assertion, &b.assertion);
    let classes = match (ma.class(), mb.class()) {
        (Some(x), Some(y)) => x.one_question(y),
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
/// lexicon, or more content words than a fragment has, besides the names of the parties
/// it names ("the Joint Investigation Team, or JIT" asserts nothing).
fn asserts_enough(c: &Claim) -> bool {
    let named: usize = c
        .assertion
        .parties
        .iter()
        .map(|p| p.text.split_whitespace().count())
        .sum();
    c.assertion.class().is_some()
        || c.keys
            .iter()
            .filter(|k| !k.starts_with('@') && !k.starts_with('~'))
            .count()
            .saturating_sub(named)
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

/// Most bytes between a denial's content and the verb of the account it names ("pushed
/// back at a report from X[ that ]assessed that ..."): the account's "that".
const ACCOUNT_GAP: usize = " that ".len();

/// Two claims of one sentence relate only as a denial and the account it names, split from
/// its content by the attribution stage ("Mao pushed back at a report from the Department
/// of Energy that assessed ... that the virus leaked"): the denial contradicts it.
fn answer_to_account(a: &Claim, b: &Claim, (i, j): (usize, usize)) -> Option<Relation> {
    let follows = |ans: &Claim, acc: &Claim| match (ans.content.last(), acc.cue) {
        (Some(content), Some(cue)) => {
            ans.stance == Stance::Deny
                && ans.origin() != acc.origin()
                && cue.start >= content.end
                && cue.start - content.end <= ACCOUNT_GAP
        }
        _ => false,
    };
    let (ans, acc) = if follows(a, b) {
        (a, b)
    } else if follows(b, a) {
        (b, a)
    } else {
        return None;
    };
    Some(Relation {
        a: i,
        b: j,
        kind: RelationKind::Contradicts,
        score: 0.8,
        reasons: vec![format!(
            "{} rejects the account of {} that the same sentence gives",
            who(ans),
            who(acc)
        )],
        diff: Vec::new(),
    })
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
pub fn anonymous_source(id: &SpeakerId) -> bool {
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

/// A [`Pair`] whose claims are read only when a rule needs them ([`decide`]).
pub(crate) struct LazyPair<'a, 'c> {
    /// The two claims.
    pub(crate) claims: (LazyClaim<'a, 'c>, LazyClaim<'a, 'c>),
    /// Their views.
    pub(crate) views: (&'a ClaimView, &'a ClaimView),
    /// Their indices in the story's claims.
    pub(crate) index: (usize, usize),
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
    /// The assertion has a predicate.
    pub(crate) asserts: bool,
    /// The assertion has quantities.
    pub(crate) counts: bool,
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
            asserts: c.assertion.predicate.is_some(),
            counts: !c.assertion.quantities.is_empty(),
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
    let lazy = LazyPair {
        claims: (LazyClaim::ready(p.claims.0), LazyClaim::ready(p.claims.1)),
        views: p.views,
        index: p.index,
    };
    decide(&lazy, (&ta, &tb), &Overlap::new(p.views.0, p.views.1, kw))
}

/// The relation between two claims given their [`Traits`] and the overlap of their keys:
/// [`relate`] once those are known. Of the views' keys it reads only the actor concepts
/// (see [`ClaimView::actors`]), so it can be given lean views ([`ClaimView::lean`]) and an
/// overlap computed from key ids ([`Overlap::from_ids`]). It reads the claims themselves
/// only on the way to a relation, or to a rule that needs more than their traits.
pub(crate) fn decide(p: &LazyPair, t: (&Traits, &Traits), ov: &Overlap) -> Option<Relation> {
    let (a, b) = (&p.claims.0, &p.claims.1);
    let (va, vb) = p.views;
    let (ta, tb) = t;
    let (i, j) = p.index;
    if ta.article == tb.article && ta.sentence == tb.sentence {
        // (the claims are read only when one of them denies)
        let denies = ta.stance == Stance::Deny || tb.stance == Stance::Deny;
        return denies.then(|| answer_to_account(a, b, (i, j))).flatten();
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
    if ta.asserts && tb.asserts {
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
            let of_one_matter = || {
                ov.low() >= w::CONTRADICT_OTHER_COVER
                    && one_event(a, b)
                    && asserts_enough(pos)
                    && aimed_at(neg, pos)
            };
            // a negation beside the deed ("no casualties from the crash") or of what is
            // known of it ("not clear what caused it") negates no assertion of the deed
            let of_the_event = || neg.assertion.predicate.is_none() || neg.assertion.denies_event;
            // one speaker's two tellings differ by their reporters' words, not its own
            if plain
                && !same_source
                && ov.high() >= w::CONTRADICT_COVER
                && ov.shared >= 2
                && of_one_matter()
                && of_the_event()
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
            let denied = || {
                post.source != negt.source
                    && asserts_enough(pos)
                    && one_event(a, b)
                    && aimed_at(neg, pos)
            };
            if negt.stance == Stance::Deny && denied() {
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
        // (the quantities first: most pairs have none, and the claims and the event are
        // read only then)
        let clash = (ta.counts && tb.counts)
            .then(|| {
                let (qa, qb) = (&a.assertion.quantities, &b.assertion.quantities);
                super::asserted::incompatible(qa, qb, false)
            })
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

    // agreement and elaboration; a claim that keeps the matter at a distance ("an
    // alleged nerve agent") does not say what one asserting it says
    if va.distancing != vb.distancing {
        return None;
    }
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
mod tests;
