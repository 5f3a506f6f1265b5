//! Checking a claim a user types against a story: which articles and claims bear on it,
//! with what stance, on what evidence, and a summary line.
//!
//! Each claim of the story is compared with the checked claim as the linking stage compares
//! two claims: weighted content overlap with concepts standing in for their words (see
//! [`crate::link::relate`]), polarity, hedges and the claim's stance. The stance follows
//! FNC-1's four classes: *agree*, *disagree*, *discuss* (bears on it without taking a
//! side: hedged, refusing to confirm, asking, or only touching the matter) and
//! *unrelated*. An article takes the stance of its claims: disagree when some disagree and
//! none agree, agree when some agree and none disagree, discuss when they are mixed or
//! only discuss.

use crate::assess::Assessment;
use crate::attribution::{AttributionKind, Stance};
use crate::claims::Claim;
use crate::link::relate::Overlap;
use crate::link::{ClaimView, KeyWeights};
use crate::weights::check as w;
use crate::Analysis;
use serde::{Deserialize, Serialize};
use std::collections::BTreeSet;

/// The schema of `claimgraph check --format json`.
pub const SCHEMA: &str = "claimgraph.check/1";

/// How a text bears on a claim, in the four classes of the FNC-1 stance task: the
/// verdict of [`check`] on each claim and article, and the label of FNC-1's data.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum FncStance {
    /// The body agrees with the headline.
    Agree,
    /// The body disagrees with the headline.
    Disagree,
    /// The body discusses the headline's claim without taking a position.
    Discuss,
    /// The body is about something else.
    Unrelated,
}

impl FncStance {
    /// The four classes in FNC-1's order (the reference scorer's too).
    pub const ALL: [FncStance; 4] = [
        FncStance::Agree,
        FncStance::Disagree,
        FncStance::Discuss,
        FncStance::Unrelated,
    ];

    /// The label as written in the FNC-1 files (lower case).
    pub fn as_str(self) -> &'static str {
        match self {
            FncStance::Agree => "agree",
            FncStance::Disagree => "disagree",
            FncStance::Discuss => "discuss",
            FncStance::Unrelated => "unrelated",
        }
    }

    /// Position of the class in [`FncStance::ALL`].
    pub fn index(self) -> usize {
        self as usize
    }
}

impl std::fmt::Display for FncStance {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(self.as_str())
    }
}

/// How one claim of the story bears on the checked claim.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct ClaimCheck {
    /// Index of the claim in the analysis.
    pub index: usize,
    /// Its id.
    pub id: String,
    /// Its article.
    pub article: String,
    /// Its paragraph, 1-based as in the report.
    pub paragraph: usize,
    /// Who said it.
    pub speaker: String,
    /// What it does to the checked claim.
    pub stance: FncStance,
    /// How much of the checked claim's weighted content it shares, 0 to 1.
    pub score: f64,
    /// The claim's words (the evidence).
    pub evidence: String,
    /// Why this stance.
    pub reason: String,
    /// The proposition the claim belongs to, and its grade.
    pub proposition: Option<PropositionRef>,
}

/// The proposition a claim belongs to.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct PropositionRef {
    /// Its id, as in the report.
    pub id: String,
    /// Its grade ("B2" or "3").
    pub grade: String,
}

/// How many claims of an article agree with, disagree with and discuss the checked claim.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct StanceCounts {
    /// Claims that agree.
    pub agree: usize,
    /// Claims that disagree.
    pub disagree: usize,
    /// Claims that discuss it.
    pub discuss: usize,
}

/// How one article bears on the checked claim.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct ArticleCheck {
    /// The article id.
    pub article: String,
    /// Its stance, from its claims.
    pub stance: FncStance,
    /// How many of its claims agree, disagree and discuss.
    pub counts: StanceCounts,
}

/// The result of checking a claim against a story.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct CheckResult {
    /// [`SCHEMA`].
    pub schema: String,
    /// The claim as the user gave it.
    pub claim: String,
    /// One line that sums it up.
    pub summary: String,
    /// Every article, in story order.
    pub articles: Vec<ArticleCheck>,
    /// The claims that bear on it (not unrelated), most relevant first.
    pub claims: Vec<ClaimCheck>,
}

/// The checked claim as a claim of nobody's, so that it can be compared.
fn query_claim(text: &str) -> Claim {
    Claim::plain("query", "query", text)
}

fn name_of(an: &Analysis, c: &Claim) -> String {
    an.sources
        .get(c.speaker.source.as_str())
        .map_or_else(|| c.speaker.text.clone(), |s| s.name.clone())
}

/// The checked claim as the pipeline reads it: when it says who said it ("The Kremlin
/// denied ..."), the content and the speaker's source apart; else the whole text.
fn read_query(an: &Analysis, text: &str) -> Claim {
    let article = crate::corpus::Article::new("query", text);
    let attrs = crate::extract_attributions(&article, &an.story.registry);
    let mut table = an.sources.clone();
    let resolver = crate::resolve::Resolver::new(&an.story.registry);
    let resolved = crate::resolve::resolve(&article, &attrs, &resolver, &mut table);
    let mut claims = crate::claims::build(&article, &resolved);
    let parties = crate::claims::Parties::new(&an.story.registry);
    let mut query = claims
        .drain(..)
        .find(|c| c.kind != AttributionKind::Author && c.speaker.rule.is_some())
        .unwrap_or_else(|| query_claim(text));
    crate::claims::meaning::annotate(
        std::slice::from_mut(&mut query),
        &parties,
        &crate::claims::meaning::WordReader,
    );
    query
}

/// The stance of claim `c` on a checked claim that says who did something ("Ukraine
/// destroyed the dam"), from what both assert: the same party for a deed that names a
/// culprit agrees with the same polarity and disputes it with the opposite; another party
/// named for it disputes it. `None` when either does not say who did it.
fn who_did_it(query: &Claim, c: &Claim) -> Option<(FncStance, String)> {
    let (q, a) = (&query.assertion, &c.assertion);
    let (qk, ck) = (q.class()?, a.class()?);
    if !qk.has_culprit() || !ck.has_culprit() {
        return None;
    }
    let (qa, ca) = (q.agent.as_ref()?, a.agent.as_ref()?);
    let lemma = a.predicate.as_ref().map_or("", |p| p.lemma);
    if qa.id == ca.id {
        if q.negative == a.negative {
            Some((
                FncStance::Agree,
                format!("says the same of {} ({lemma})", ca.id),
            ))
        } else if a.negative {
            Some((
                FncStance::Disagree,
                format!("denies it of {} ({lemma})", ca.id),
            ))
        } else {
            Some((
                FncStance::Disagree,
                format!(
                    "says {} did ({lemma}), which the checked claim denies",
                    ca.id
                ),
            ))
        }
    } else if !q.negative && !a.negative {
        Some((
            FncStance::Disagree,
            format!("names another party: {} ({lemma})", ca.id),
        ))
    } else {
        None
    }
}

/// The figures of claim `c` that cannot hold with the checked claim's, in words: counts
/// of what both predicates count ("about 500 killed" against "100 to 300 dead"), or
/// measures of one unit. `None` when their figures can both hold or either gives none.
fn figures_differ(query: &Claim, c: &Claim) -> Option<String> {
    let (q, a) = (&query.assertion, &c.assertion);
    if q.quantities.is_empty() || a.quantities.is_empty() {
        return None;
    }
    let counts = q.class().is_some_and(|k| k.counts_people())
        && a.class().is_some_and(|k| k.counts_people());
    crate::link::incompatible(&q.quantities, &a.quantities, counts)
        .map(|(x, y)| format!("gives another figure: {} against {}", y.text, x.text))
}

/// Checks `claim` against the analysed story.
///
/// When the claim names its speaker ("The U.S. Embassy warned of ..."), only claims of
/// that speaker can agree: others that say the same discuss it, since they do not show
/// the speaker said it.
pub fn check(an: &Analysis, claim: &str) -> CheckResult {
    let query = read_query(an, claim.trim());
    let speaker = (query.kind != AttributionKind::Author).then(|| query.speaker.source.clone());
    // the words decide how near a claim is; what the claims assert (the `@` keys of
    // predicate class and party) is read by `who_did_it`
    let words_only = |c: &Claim| {
        let mut v = ClaimView::new(c);
        v.keys.retain(|k| !k.starts_with('@'));
        v
    };
    let qv = words_only(&query);
    let views: Vec<ClaimView> = an.claims.iter().map(words_only).collect();
    let kw = KeyWeights::new(views.iter().chain(std::iter::once(&qv)));
    let mut out: Vec<ClaimCheck> = Vec::new();
    for (i, (c, v)) in an.claims.iter().zip(&views).enumerate() {
        let ov = Overlap::new(&qv, v, &kw);
        let score = ov.cover_a.max(ov.cover_b * w::CLAIM_COVER_SHARE);
        if score < w::RELATED || ov.shared == 0 {
            continue;
        }
        let words = ov.words_up_to(usize::MAX);
        let undecided = matches!(c.stance, Stance::RefuseToConfirm | Stance::Question);
        let by_meaning = (!undecided)
            .then(|| who_did_it(&query, c))
            .flatten()
            .filter(|_| speaker.is_none());
        let (stance, reason) = if let Some((stance, why)) = by_meaning {
            (stance, format!("{}: {why}", name_of(an, c)))
        } else if undecided {
            (
                FncStance::Discuss,
                format!("{} takes no side ({})", name_of(an, c), c.stance.label()),
            )
        } else if let Some(why) = figures_differ(&query, c).filter(|_| score >= w::DISAGREE) {
            (FncStance::Disagree, format!("{} {why}", name_of(an, c)))
        } else if v.negative != qv.negative && score >= w::DISAGREE {
            let r = if v.negative {
                format!("{} denies or negates it", name_of(an, c))
            } else {
                format!("{} asserts what the checked claim negates", name_of(an, c))
            };
            (FncStance::Disagree, r)
        } else if v.hedged && !qv.hedged {
            (
                FncStance::Discuss,
                format!("{} only hedges", name_of(an, c)),
            )
        } else if v.negative == qv.negative
            && score >= w::AGREE
            && speaker.as_ref().is_some_and(|s| *s != c.speaker.source)
        {
            (
                FncStance::Discuss,
                format!(
                    "{} says the same, but the claim is about what {} said",
                    name_of(an, c),
                    an.sources
                        .get(speaker.as_ref().map_or("", |s| s.as_str()))
                        .map_or("another source", |s| s.name.as_str())
                ),
            )
        } else if v.negative == qv.negative && score >= w::AGREE {
            (
                FncStance::Agree,
                format!("{} says the same", name_of(an, c)),
            )
        } else {
            (
                FncStance::Discuss,
                format!("{} touches the matter", name_of(an, c)),
            )
        };
        let proposition = an
            .assessments
            .iter()
            .find(|p: &&Assessment| p.claims.contains(&i))
            .map(|p| PropositionRef {
                id: p.id.clone(),
                grade: p.grade.clone(),
            });
        out.push(ClaimCheck {
            index: i,
            id: c.id.clone(),
            article: c.article.clone(),
            paragraph: c.paragraph + 1,
            speaker: name_of(an, c),
            stance,
            score: (score * 1000.0).round() / 1000.0,
            evidence: c.text.clone(),
            reason: format!("{reason}; shared words: {words}"),
            proposition,
        });
    }
    out.sort_by(|a, b| b.score.total_cmp(&a.score).then(a.index.cmp(&b.index)));
    // each article's counts, from one pass over the matches
    let mut counted: std::collections::HashMap<&str, StanceCounts> = Default::default();
    for c in &out {
        let counts = counted.entry(c.article.as_str()).or_default();
        match c.stance {
            FncStance::Agree => counts.agree += 1,
            FncStance::Disagree => counts.disagree += 1,
            _ => counts.discuss += 1,
        }
    }
    let articles: Vec<ArticleCheck> = an
        .story
        .articles
        .iter()
        .map(|a| {
            let counts = counted.get(a.id.as_str()).copied().unwrap_or_default();
            let stance = match (counts.agree, counts.disagree, counts.discuss) {
                (0, 0, 0) => FncStance::Unrelated,
                (a, 0, _) if a > 0 => FncStance::Agree,
                (0, d, _) if d > 0 => FncStance::Disagree,
                _ => FncStance::Discuss,
            };
            ArticleCheck {
                article: a.id.clone(),
                stance,
                counts,
            }
        })
        .collect();
    let summary = summarize(an, &out, &articles);
    CheckResult {
        schema: SCHEMA.to_string(),
        claim: claim.trim().to_string(),
        summary,
        articles,
        claims: out,
    }
}

/// The summary line: support and dispute counted by independent origin.
fn summarize(an: &Analysis, claims: &[ClaimCheck], articles: &[ArticleCheck]) -> String {
    let origins = |stance: FncStance| {
        let mut keys: BTreeSet<String> = BTreeSet::new();
        let mut names: BTreeSet<String> = BTreeSet::new();
        for c in claims.iter().filter(|c| c.stance == stance) {
            let claim = &an.claims[c.index];
            let key = an
                .sources
                .get(claim.speaker.source.as_str())
                .map_or(claim.speaker.source.as_str(), |s| s.independence_key());
            keys.insert(key.to_string());
            names.insert(c.speaker.clone());
        }
        (keys.len(), names.into_iter().collect::<Vec<_>>().join(", "))
    };
    let count = |s: FncStance| claims.iter().filter(|c| c.stance == s).count();
    let bearing = articles
        .iter()
        .filter(|a| a.stance != FncStance::Unrelated)
        .count();
    if claims.is_empty() {
        return format!(
            "no claim of the story bears on it ({} articles read)",
            articles.len()
        );
    }
    let (na, wa) = origins(FncStance::Agree);
    let (nd, wd) = origins(FncStance::Disagree);
    let mut parts = Vec::new();
    if count(FncStance::Agree) > 0 {
        parts.push(format!(
            "supported by {} claim{} from {na} independent origin{} ({wa})",
            count(FncStance::Agree),
            if count(FncStance::Agree) == 1 {
                ""
            } else {
                "s"
            },
            if na == 1 { "" } else { "s" }
        ));
    } else {
        parts.push("no claim supports it".into());
    }
    if count(FncStance::Disagree) > 0 {
        parts.push(format!(
            "disputed by {} claim{} from {nd} independent origin{} ({wd})",
            count(FncStance::Disagree),
            if count(FncStance::Disagree) == 1 {
                ""
            } else {
                "s"
            },
            if nd == 1 { "" } else { "s" }
        ));
    } else {
        parts.push("none disputes it".into());
    }
    if count(FncStance::Discuss) > 0 {
        parts.push(format!("{} more discuss it", count(FncStance::Discuss)));
    }
    format!(
        "{}; {bearing} of {} articles bear on it",
        parts.join("; "),
        articles.len()
    )
}

/// The result as JSON ([`SCHEMA`]), pretty-printed, with a final newline.
pub fn render_json(r: &CheckResult) -> String {
    // plain structs of strings and numbers always serialise
    let mut s = serde_json::to_string_pretty(r).unwrap_or_default();
    s.push('\n');
    s
}

/// The result as text for a terminal: the summary, the articles, then the claims; control
/// and escape characters of the input made harmless.
pub fn render_text(r: &CheckResult) -> String {
    let mut s = format!("claim: “{}”\n{}\n\narticles:\n", r.claim, r.summary);
    for a in &r.articles {
        s.push_str(&format!(
            "  {:<9} {}  ({} agree, {} disagree, {} discuss)\n",
            a.stance.as_str(),
            a.article,
            a.counts.agree,
            a.counts.disagree,
            a.counts.discuss
        ));
    }
    s.push_str("\nclaims:\n");
    for c in &r.claims {
        s.push_str(&format!(
            "  {:<9} {:.2}  {} (paragraph {})  {}\n            “{}”\n            {}{}\n",
            c.stance.as_str(),
            c.score,
            c.id,
            c.paragraph,
            crate::terminal::cell(&c.speaker),
            crate::terminal::cell(&c.evidence),
            crate::terminal::cell(&c.reason),
            c.proposition.as_ref().map_or_else(String::new, |p| format!(
                "; proposition {}, grade {}",
                p.id, p.grade
            ))
        ));
    }
    if r.claims.is_empty() {
        s.push_str("  (none)\n");
    }
    crate::terminal::clean(&s).into_owned()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn other_counts_of_the_dead_dispute_a_toll() {
        let none = crate::claims::Parties::default();
        let query = Claim::plain_in("q", "user", "about 500 people were killed", &none);
        let low = Claim::plain_in("a", "x", "between 100 and 300 people were killed", &none);
        let why = figures_differ(&query, &low).expect("other counts");
        assert!(why.contains("500"), "{why}");
        let same = Claim::plain_in("b", "y", "nearly 500 people were killed", &none);
        assert_eq!(figures_differ(&query, &same), None);
        let none_given = Claim::plain_in("c", "z", "many people were killed", &none);
        assert_eq!(figures_differ(&query, &none_given), None);
    }
}
