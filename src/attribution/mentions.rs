//! Names in an article: the gazetteer's names, and capitalised names taken for people.
//! Coreference and the speaker patterns look them up by place.

use super::lexicon::*;
use crate::corpus::Article;
use crate::sources::Gazetteer;
use crate::text::tokens::{words, Token};
use crate::text::Span;

/// A name found in the text: a gazetteer name, or a capitalised name taken for a person.
#[derive(Clone, Debug)]
pub(super) struct Mention {
    /// Where it is.
    pub span: Span,
    /// A person's name (a gazetteer name of a person, or two to four capitalised words).
    pub person: bool,
    /// Found in the gazetteer (not only guessed from capitals).
    pub known: bool,
    /// Inside a quotation: a name the quoted speaker says, not one the narrator's "he
    /// said" can stand for.
    pub quoted: bool,
}

/// Which mentions a lookup by place wants.
#[derive(Clone, Copy, Debug)]
pub(super) enum Wanted {
    /// Any name of the gazetteer.
    Known,
    /// A person's name, known or not.
    Person,
    /// A gazetteer name of an organisation.
    Organisation,
    /// A person's name outside quotations.
    UnquotedPerson,
}

impl Wanted {
    fn accepts(self, m: &Mention) -> bool {
        match self {
            Wanted::Known => m.known,
            Wanted::Person => m.person,
            Wanted::Organisation => m.known && !m.person,
            Wanted::UnquotedPerson => m.person && !m.quoted,
        }
    }
}

/// The mentions of an article in text order. They do not overlap, so both their starts and
/// their ends are in order, and a lookup by place is a binary search.
pub(super) struct Mentions {
    list: Vec<Mention>,
    /// For each `n`, the index of the last mention of each [`Wanted`] kind among the first
    /// `n` (known, person, organisation, unquoted person).
    last: Vec<[Option<u32>; 4]>,
}

impl Mentions {
    /// The mentions of `article`: names of `gazetteer` (longest match first) and
    /// capitalised names that look like people's.
    pub fn find(article: &Article, gazetteer: &Gazetteer) -> Mentions {
        Mentions::new(find_mentions(article, gazetteer))
    }

    fn new(list: Vec<Mention>) -> Mentions {
        debug_assert!(list.windows(2).all(|w| w[0].span.end <= w[1].span.start));
        let mut last = Vec::with_capacity(list.len() + 1);
        let mut cur = [None; 4];
        last.push(cur);
        for (i, m) in list.iter().enumerate() {
            for (k, want) in [
                Wanted::Known,
                Wanted::Person,
                Wanted::Organisation,
                Wanted::UnquotedPerson,
            ]
            .into_iter()
            .enumerate()
            {
                if want.accepts(m) {
                    cur[k] = Some(i as u32);
                }
            }
            last.push(cur);
        }
        Mentions { list, last }
    }

    /// The mentions inside `span`, in text order.
    pub fn within(&self, span: Span) -> impl Iterator<Item = &Mention> {
        let from = self.list.partition_point(|m| m.span.start < span.start);
        let to = self
            .list
            .partition_point(|m| m.span.start < span.end)
            .max(from);
        self.list[from..to]
            .iter()
            .filter(move |m| span.contains(m.span))
    }

    /// The mention that starts at byte `offset`, if one does.
    pub fn starting_at(&self, offset: usize) -> Option<&Mention> {
        let k = self.list.partition_point(|m| m.span.start < offset);
        self.list.get(k).filter(|m| m.span.start == offset)
    }

    /// The nearest mention of kind `want` that ends at or before `offset`.
    pub fn nearest_before(&self, offset: usize, want: Wanted) -> Option<&Mention> {
        let n = self.list.partition_point(|m| m.span.end <= offset);
        let k = match want {
            Wanted::Known => 0,
            Wanted::Person => 1,
            Wanted::Organisation => 2,
            Wanted::UnquotedPerson => 3,
        };
        self.last[n][k].map(|i| &self.list[i as usize])
    }
}

/// Names of the gazetteer in the article, longest match first, and capitalised names of
/// two to four words that look like people ("Mara Lind").
fn find_mentions(article: &Article, gazetteer: &Gazetteer) -> Vec<Mention> {
    let mut out = Vec::new();
    let text = article.text.as_str();
    let stream = article.tokens();
    for sent in &article.sentences {
        let ws = words(text, sent.span);
        let mut i = 0;
        while i < ws.len() {
            let mut found = None;
            for len in (1..=6.min(ws.len() - i)).rev() {
                if gazetteer.is_empty() {
                    break;
                }
                let span = Span::new(ws[i].span.start, ws[i + len - 1].span.end);
                let first = ws[i].text;
                // a lower-case single word is a name only when it is a gazetteer name
                // exactly ("embassy"); skip "state", "report" and the like
                if len == 1 && first.chars().next().is_some_and(|c| c.is_lowercase()) {
                    continue;
                }
                if let Some(k) = gazetteer.find(span.slice(text)) {
                    found = Some((len, span, k.person, true));
                    break;
                }
            }
            if found.is_none() {
                found = person_name(text, &ws, i).map(|len| {
                    let span = Span::new(ws[i].span.start, ws[i + len - 1].span.end);
                    (len, span, true, false)
                });
            }
            match found {
                Some((len, span, person, known)) => {
                    let quoted = stream.within(span).first().is_some_and(|t| t.quoted);
                    out.push(Mention {
                        span,
                        person,
                        known,
                        quoted,
                    });
                    i += len;
                }
                None => i += 1,
            }
        }
    }
    out
}

/// The length of a person's name starting at word `i`: two to four capitalised words, none
/// of them a word of organisations or places, and only spaces between them.
fn person_name(text: &str, ws: &[Token], i: usize) -> Option<usize> {
    let cap = |w: &str| {
        let mut cs = w.chars();
        cs.next().is_some_and(char::is_uppercase)
            && cs.clone().next().is_some_and(char::is_lowercase)
            && !w.contains(['’', '\''])
    };
    let first = ws[i].text.to_lowercase();
    if !cap(ws[i].text) || in_list(NOT_NAME_OPENERS, &first) || in_list(TIME_WORDS, &first) {
        return None;
    }
    let mut len = 1;
    while i + len < ws.len() && len < 4 {
        let w = &ws[i + len];
        let gap = Span::new(ws[i + len - 1].span.end, w.span.start).slice(text);
        if gap != " " || !cap(w.text) {
            break;
        }
        len += 1;
    }
    // a possessive last word ("Lind's") still ends a name
    if i + len < ws.len() {
        let w = ws[i + len].text;
        let gap = Span::new(ws[i + len - 1].span.end, ws[i + len].span.start).slice(text);
        if gap == " " && (w.ends_with("’s") || w.ends_with("'s")) && len < 4 {
            let stem = w.trim_end_matches("’s").trim_end_matches("'s");
            if cap(stem) {
                len += 1;
            }
        }
    }
    let words: Vec<String> = ws[i..i + len]
        .iter()
        .map(|w| {
            w.text
                .trim_end_matches("’s")
                .trim_end_matches("'s")
                .to_lowercase()
        })
        .collect();
    (len >= 2
        && !words
            .iter()
            .any(|w| in_list(NOT_PERSON_WORDS, w) || in_list(TIME_WORDS, w)))
    .then_some(len)
}
