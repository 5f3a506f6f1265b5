//! Whose statements a denial answers: "the embassy's warnings", "these claims".

use super::{Resolved, Resolver};
use crate::attribution::{AttributionKind, Stance};
use crate::corpus::Article;
use crate::sources::SpeakerId;
use crate::text::{tokens::words, Span};

/// Nouns by which a text points back to statements it reported earlier, and the stance
/// those statements must have to be the ones meant (`None`: any).
const STATEMENT_NOUNS: &[(&str, Option<Stance>)] = &[
    ("accusation", Some(Stance::Accuse)),
    ("accusations", Some(Stance::Accuse)),
    ("advisories", Some(Stance::Warn)),
    ("advisory", Some(Stance::Warn)),
    ("alert", Some(Stance::Warn)),
    ("alerts", Some(Stance::Warn)),
    ("allegation", None),
    ("allegations", None),
    ("announcement", None),
    ("announcements", None),
    ("claim", None),
    ("claims", None),
    ("report", None),
    ("reports", None),
    ("statement", None),
    ("statements", None),
    ("warning", Some(Stance::Warn)),
    ("warnings", Some(Stance::Warn)),
];

/// The source whose statements a denial in `sentence` answers: a registry source named as
/// their owner ("the embassy's warnings"), or, for "these warnings" and the like, the
/// speaker of the latest `earlier` attribution of the article with a fitting stance. The
/// sentence `before` it in the paragraph is read too.
pub(super) fn answered_source(
    article: &Article,
    sentence: Span,
    before: Option<Span>,
    resolver: &Resolver,
    earlier: &[Resolved],
) -> Option<SpeakerId> {
    let text = article.text.as_str();
    for span in std::iter::once(sentence).chain(before) {
        let ws = words(text, span);
        for (i, w) in ws.iter().enumerate() {
            let low = w.text.to_lowercase();
            let Some((_, stance)) = STATEMENT_NOUNS.iter().find(|(n, _)| *n == low) else {
                continue;
            };
            let Some(prev) = i.checked_sub(1).map(|p| &ws[p]) else {
                continue;
            };
            let prev_low = prev.text.to_lowercase().replace('’', "'");
            if prev_low.ends_with("'s") || prev_low.ends_with("s'") {
                // the owner's name may have words before it ("the U.S. Embassy's")
                let from = ws[..i - 1]
                    .iter()
                    .rev()
                    .take_while(|w| w.text.starts_with(|c: char| c.is_uppercase()))
                    .last()
                    .map_or(prev.span.start, |w| w.span.start);
                let name = &text[from..prev.span.end];
                let name = name
                    .trim_end_matches("'s")
                    .trim_end_matches("’s")
                    .trim_end_matches(['\'', '’']);
                if let Some(r) = resolver.resolve(name) {
                    return Some(SpeakerId::source(r.source));
                }
                continue;
            }
            if !matches!(
                prev_low.as_str(),
                "these" | "those" | "the" | "such" | "this" | "that"
            ) {
                continue;
            }
            let found = earlier.iter().rev().find(|r| {
                let a = r.attribution;
                article.sentences[a.sentence].span.end <= sentence.start
                    && a.kind != AttributionKind::Author
                    && stance.is_none_or(|s| a.stance == s)
            });
            if let Some(r) = found {
                return Some(r.speaker.source.clone());
            }
        }
    }
    None
}
