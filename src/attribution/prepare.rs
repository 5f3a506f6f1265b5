//! Preparing an article for the rules: the quotations of each paragraph and the names in
//! the text, found once; then, sentence by sentence, its tokens (marked where quoted) and
//! the quotations next to it.

use super::lexicon::*;
use super::mentions::Mentions;
use super::quotes::{around, Around, Quotes};
use super::tokens::{sentence_toks, Tok};
use crate::corpus::Article;
use crate::sources::Gazetteer;
use crate::text::Span;

/// An article ready for the rules.
pub(super) struct Prepared<'a> {
    /// The article.
    pub article: &'a Article,
    /// Its quotations (those of its token stream).
    pub quotes: &'a Quotes,
    /// The names in it.
    pub mentions: Mentions,
}

/// A sentence ready for the rules.
pub(super) struct Sentence<'a> {
    /// Its index in the article.
    pub index: usize,
    /// Its span.
    pub span: Span,
    /// Its words and marks.
    pub toks: Vec<Tok<'a>>,
    /// The quotations next to it that it may take as content.
    pub around: Around,
}

impl<'a> Prepared<'a> {
    /// Finds the quotations and the names of `article`.
    pub fn new(article: &'a Article, gazetteer: &Gazetteer) -> Prepared<'a> {
        Prepared {
            article,
            quotes: article.tokens().quotes(),
            mentions: Mentions::find(article, gazetteer),
        }
    }

    /// Sentence `si`, or `None` when it has no word or is a picture credit.
    pub fn sentence(&self, si: usize) -> Option<Sentence<'a>> {
        let sent = self.article.sentences[si];
        let text = self.article.text.as_str();
        let toks = sentence_toks(text, self.article.tokens(), si, true);
        if toks.iter().filter(|t| t.word).count() == 0 || is_credit(&toks) {
            return None;
        }
        Some(Sentence {
            index: si,
            span: sent.span,
            toks,
            around: around(self.article, self.quotes, si),
        })
    }
}

/// A picture credit or caption ("Photo: ...", "... licensed under Creative Commons").
fn is_credit(toks: &[Tok]) -> bool {
    let first = toks.iter().find(|t| t.word);
    let lower: String = toks
        .iter()
        .filter(|t| t.word)
        .map(|t| &*t.lower)
        .collect::<Vec<_>>()
        .join(" ");
    first.is_some_and(|f| in_list(CREDIT_WORDS, &f.lower) && lower.contains("licensed"))
        || lower.contains("creative commons")
        || first.is_some_and(|f| {
            (f.lower == "photo" || f.lower == "image") && toks.iter().any(|t| t.is(":"))
        })
}

#[cfg(test)]
mod tests {
    use crate::attribution::testutil::*;

    #[test]
    fn picture_credits_are_not_claims() {
        assert!(run("Photo: Tomas Berg / Valdera Courier").is_empty());
        assert!(run(
            "Image is licensed under the Creative Commons Attribution 2.0 Generic license."
        )
        .is_empty());
    }
}
