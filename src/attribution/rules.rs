//! The extraction rules over one article, in order: prepare the article (quotations,
//! names), then sentence by sentence read each cue's frame ([`sentence`]), give the
//! article's own voice to statements no one is cited for, and carry a block header's
//! outlet to the attributions under it ([`blocks`]); last, grow quoted content over the
//! sentences and paragraphs its quotation spans ([`spill`]).
//!
//! [`sentence`]: super::sentence
//! [`blocks`]: super::blocks
//! [`spill`]: super::spill

use super::affiliation::Affiliations;
use super::lexicon::ROLE_NOUNS;
use super::mentions::Mentions;
use super::prepare::Prepared;
use super::tokens::Tok;
use super::{blocks, sentence, spill, Attribution, AttributionKind, Stance};
use crate::corpus::Article;
use crate::sources::Gazetteer;
use crate::text::{Sentence, Span};
use std::collections::HashMap;

/// Finds the attributions of an article by the rules alone. The names of `gazetteer` are
/// found in the text to tell what pronouns and role nouns stand for.
pub fn extract(article: &Article, gazetteer: &Gazetteer) -> Vec<Attribution> {
    let text = article.text.as_str();
    let prepared = Prepared::new(article, gazetteer);
    let mut ctx = Ctx::new(article, &prepared.mentions);
    let mut block: Option<Span> = None;
    for (si, sent) in article.sentences.iter().enumerate() {
        if let Some(h) = blocks::header(text, article.paragraphs[sent.paragraph]) {
            block = Some(h);
            continue;
        }
        let Some(s) = prepared.sentence(si) else {
            continue;
        };
        let before = ctx.out.len();
        sentence::attributions(&mut ctx, &s);
        if ctx.out.len() == before && is_statement(&s.toks) {
            ctx.push(Attribution {
                sentence: si,
                kind: AttributionKind::Author,
                source: Vec::new(),
                head: None,
                antecedent: None,
                cue: Vec::new(),
                cue_lemma: String::new(),
                stance: Stance::Assert,
                content: vec![sent.span],
                modifiers: Vec::new(),
                via: Vec::new(),
                affiliation: None,
                relays: false,
            });
        }
        if let Some(h) = block {
            blocks::carry(&mut ctx.out[before..], h);
        }
    }
    let mut out = ctx.out;
    spill::extend_quotes(article, prepared.quotes, &mut out);
    out
}

/// A sentence the article states in its own voice: three words or more, not a question.
fn is_statement(toks: &[Tok]) -> bool {
    let words = toks.iter().filter(|t| t.word).count();
    words >= 3 && !toks.last().is_some_and(|t| t.is("?"))
}

/// The state of the rules over one article: the attributions found so far, and what
/// coreference looks up among them.
pub(super) struct Ctx<'a> {
    /// The article text.
    pub text: &'a str,
    /// The article's sentences.
    pub sentences: &'a [Sentence],
    /// The names in the article.
    pub mentions: &'a Mentions,
    /// The attributions so far, in text order.
    pub out: Vec<Attribution>,
    /// The organisations earlier sentences tie people to ("NAME is the ROLE of ORG").
    pub affiliations: Affiliations<'a>,
    /// The attributions with a source that are not the article's own voice, in order.
    cited: Vec<usize>,
    /// For a source mention or an antecedent, the last attribution with it.
    by_speaker: HashMap<Span, usize>,
    /// For a role noun, the last cited attribution whose source holds it.
    by_role: HashMap<&'static str, usize>,
}

impl<'a> Ctx<'a> {
    fn new(article: &'a Article, mentions: &'a Mentions) -> Ctx<'a> {
        Ctx {
            text: article.text.as_str(),
            sentences: &article.sentences,
            mentions,
            out: Vec::new(),
            affiliations: Affiliations::new(article),
            cited: Vec::new(),
            by_speaker: HashMap::new(),
            by_role: HashMap::new(),
        }
    }

    /// Adds an attribution. Its kind, source and antecedent do not change afterwards.
    pub fn push(&mut self, a: Attribution) {
        let i = self.out.len();
        if let Some(s) = a.source.first() {
            self.by_speaker.insert(*s, i);
        }
        if let Some(s) = a.antecedent {
            self.by_speaker.insert(s, i);
        }
        if a.kind != AttributionKind::Author && !a.source.is_empty() {
            self.cited.push(i);
            let lower = a.source[0].slice(self.text).to_lowercase();
            for role in ROLE_NOUNS {
                if lower.contains(role) {
                    self.by_role.insert(role, i);
                }
            }
        }
        self.out.push(a);
    }

    /// The last attribution whose source mention or antecedent is `span`.
    pub fn last_with_speaker(&self, span: Span) -> Option<&Attribution> {
        self.by_speaker.get(&span).map(|&i| &self.out[i])
    }

    /// The last attribution with a source that is not the article's own voice.
    pub fn last_cited(&self) -> Option<&Attribution> {
        self.cited.last().map(|&i| &self.out[i])
    }

    /// The cited attributions so far, the latest first.
    pub fn cited_latest_first(&self) -> impl Iterator<Item = &Attribution> {
        self.cited.iter().rev().map(|&i| &self.out[i])
    }

    /// The last such attribution whose source mention holds `role` (one of
    /// [`ROLE_NOUNS`]), in lower case.
    pub fn last_cited_with_role(&self, role: &str) -> Option<&Attribution> {
        self.by_role.get(role).map(|&i| &self.out[i])
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::attribution::testutil::gazetteer;

    /// Text made of pieces the rules react to: cues, names, quotation marks, commas.
    fn newsish() -> impl proptest::strategy::Strategy<Value = String> {
        use proptest::prelude::*;
        let piece = prop::sample::select(vec![
            "said",
            "says",
            "told",
            "according to",
            "warned of",
            "the report",
            "She",
            "they",
            "Elena Marsh",
            "Port Authority",
            "Northwire:",
            "“",
            "”",
            "\"",
            "''",
            "'",
            ",",
            ".",
            ":",
            "that",
            "on Friday",
            "adding",
            "the",
            "dam",
            "In a report,",
            "\n",
            "\n\n",
            "refused to confirm",
            "Mr.",
            "—",
            "is the editor of",
            "states",
            "and",
        ]);
        prop::collection::vec(piece, 0..40).prop_map(|v| v.join(" "))
    }

    proptest::proptest! {
        #![proptest_config(proptest::prelude::ProptestConfig::with_cases(256))]

        #[test]
        fn never_panics_and_spans_stay_in_the_text(text in newsish()) {
            let article = Article::new("p", text.clone());
            for a in extract(&article, &gazetteer()) {
                for s in a.source.iter().chain(&a.cue).chain(&a.content).chain(&a.via) {
                    proptest::prop_assert!(s.start <= s.end && s.end <= text.len());
                    proptest::prop_assert!(text.is_char_boundary(s.start) && text.is_char_boundary(s.end));
                }
            }
        }

        #[test]
        fn never_panics_on_any_string(text in proptest::prelude::any::<String>()) {
            let article = Article::new("p", text);
            let _ = extract(&article, &gazetteer());
        }
    }
}
