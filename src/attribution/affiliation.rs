//! The organisation the text ties a speaker to: in the source mention itself ("Mara Lind,
//! the editor of the Lowland Herald") or in a sentence up to the speaker's, "NAME is the
//! ROLE of ORG" or "NAME, the ROLE of ORG". The sentences of that shape are found once per
//! article, and what each name is tied to is looked up once.

use super::lexicon::*;
use super::phrases::{np_after, span_of};
use super::tokens::{sentence_toks, tokenize, Tok};
use crate::corpus::Article;
use crate::text::cover::Cover;
use crate::text::{Sentence, Span, TokenStream};
use std::collections::HashMap;

/// A sentence with a copula or a comma followed by an appositive that names an
/// organisation ("is the editor of the Lowland Herald").
struct RoleSentence {
    span: Span,
    /// Where each token starts.
    starts: Vec<usize>,
    /// The copula's (or comma's) token and the organisation, in token order.
    roles: Vec<(usize, Span)>,
    /// The token before each role's copula (or comma), in the same order.
    before: Vec<Span>,
}

/// The sentences with a role, with an index from the token before a copula to the
/// sentences where it stands there: a name can only be tied to a role it stands right
/// before, so a name is searched only in the sentences its last token is listed for.
struct RoleIndex<'a> {
    sentences: Vec<RoleSentence>,
    by_last_token: HashMap<&'a str, Vec<usize>>,
}

/// The organisations an article ties names to.
pub(super) struct Affiliations<'a> {
    text: &'a str,
    sentences: &'a [Sentence],
    stream: &'a TokenStream,
    /// The sentences with a role, in text order, indexed; found at the first lookup.
    roles: Option<RoleIndex<'a>>,
    /// For a name, the start of the first sentence that ties it to an organisation, and
    /// the organisation.
    found: HashMap<String, Option<(usize, Span)>>,
}

/// The organisation after the last "of", "at", "for" or "with" among tokens `from..to`:
/// a noun phrase with a capitalised word, cut at `to`.
fn org_after(toks: &[Tok], from: usize, to: usize) -> Option<Span> {
    let k = (from..to)
        .rev()
        .find(|&k| toks[k].word && in_list(ORG_PREPOSITIONS, &toks[k].lower))?;
    let (s, e) = np_after(toks, k + 1)?;
    let e = e.min(to);
    (s < e && toks[s..e].iter().any(|t| t.capitalised())).then(|| span_of(toks, s, e))
}

impl<'a> Affiliations<'a> {
    /// The affiliations of `article`'s names, found as they are asked for.
    pub fn new(article: &'a Article) -> Affiliations<'a> {
        Affiliations {
            text: article.text.as_str(),
            sentences: &article.sentences,
            stream: article.tokens(),
            roles: None,
            found: HashMap::new(),
        }
    }

    /// The organisation the speaker named `name` (in source mention `mention` of sentence
    /// `sspan`) is tied to: in the mention when it goes on after the name, else in the
    /// first sentence up to `sspan` where the name is followed by a role.
    pub fn of(&mut self, name: Span, mention: Option<Span>, sspan: Span) -> Option<Span> {
        let text = self.text;
        let name_text = name.slice(text).trim();
        if name_text.is_empty() || !name_text.starts_with(|c: char| c.is_uppercase()) {
            return None;
        }
        if let Some(m) = mention {
            if m.start == name.start && m.end > name.end {
                let toks = tokenize(text, m, &Cover::default());
                if let Some(org) = org_after(&toks, 0, toks.len()) {
                    return Some(org);
                }
            }
        }
        let found = match self.found.get(name_text) {
            Some(f) => *f,
            None => {
                let f = self.first_role(name_text);
                self.found.insert(name_text.to_string(), f);
                f
            }
        };
        found
            .filter(|(start, _)| *start <= sspan.start)
            .map(|(_, org)| org)
    }

    /// The first sentence of the article where the first occurrence of `name`, ending at
    /// the end of a token, is followed by a role, and the role's organisation. Only the
    /// sentences with a role right after a token like the name's last are searched.
    fn first_role(&mut self, name: &str) -> Option<(usize, Span)> {
        let text = self.text;
        let sentences = self.sentences;
        let stream = self.stream;
        let index = self.roles.get_or_insert_with(|| {
            let sentences: Vec<RoleSentence> = sentences
                .iter()
                .enumerate()
                .filter_map(|(si, s)| roles_of(text, stream, si, s.span))
                .collect();
            let mut by_last_token: HashMap<&str, Vec<usize>> = HashMap::new();
            for (ri, r) in sentences.iter().enumerate() {
                for b in &r.before {
                    let list = by_last_token.entry(b.slice(text)).or_default();
                    if list.last() != Some(&ri) {
                        list.push(ri);
                    }
                }
            }
            RoleIndex {
                sentences,
                by_last_token,
            }
        });
        // the name's last token, as the sentences are cut
        let name_toks = tokenize(name, Span::new(0, name.len()), &Cover::default());
        let last = name_toks.last()?.text;
        let candidates = index.by_last_token.get(last)?;
        candidates.iter().find_map(|&ri| {
            let r = &index.sentences[ri];
            let at = r.span.slice(text).find(name)?;
            let after = r.span.start + at + name.len();
            let k = r.starts.partition_point(|&s| s < after);
            r.roles
                .iter()
                .find(|(rk, _)| *rk == k)
                .map(|(_, org)| (r.span.start, *org))
        })
    }
}

/// The roles of sentence `si`, of span `span`: a token "is", "was" or "," followed by a word that
/// opens an appositive, and an organisation before the next comma, stop or semicolon
/// (within fifteen tokens). `None` when there is none.
fn roles_of(text: &str, stream: &TokenStream, si: usize, span: Span) -> Option<RoleSentence> {
    let toks = sentence_toks(text, stream, si, false);
    let mut roles = Vec::new();
    for k in 0..toks.len() {
        let copula = toks[k].is("is") || toks[k].is("was") || toks[k].is(",");
        if !copula
            || !toks
                .get(k + 1)
                .is_some_and(|t| in_list(APPOSITIVE_OPENERS, &t.lower))
        {
            continue;
        }
        let stop = (k + 1..toks.len())
            .find(|&i| toks[i].is_mark(&[',', '.', ';']) || (i > k + 14))
            .unwrap_or(toks.len());
        if let Some(org) = org_after(&toks, k + 1, stop) {
            roles.push((k, org));
        }
    }
    (!roles.is_empty()).then(|| RoleSentence {
        span,
        starts: toks.iter().map(|t| t.span.start).collect(),
        before: roles
            .iter()
            .filter_map(|&(k, _)| k.checked_sub(1).map(|b| toks[b].span))
            .collect(),
        roles,
    })
}

#[cfg(test)]
mod tests {
    use crate::attribution::testutil::*;

    #[test]
    fn an_appositive_in_the_mention() {
        let g = one("Mara Lind, the editor of the Lowland Herald, said the dam was unsafe.");
        assert_eq!(g.head.as_deref(), Some("Mara Lind"));
        assert_eq!(g.affiliation.as_deref(), Some("the Lowland Herald"));
    }

    #[test]
    fn a_copular_role_in_an_earlier_sentence() {
        let all = cited(
            "Mara Lind is the editor of the Lowland Herald. \
             She reportedly said the dam was unsafe.",
        );
        assert_eq!(all.len(), 1, "{all:#?}");
        assert_eq!(all[0].antecedent.as_deref(), Some("Mara Lind"));
        assert_eq!(all[0].affiliation.as_deref(), Some("the Lowland Herald"));
        // a role given only after the speaker's sentence does not count
        let all = cited(
            "Mara Lind said the dam was unsafe. Mara Lind is the editor of the Lowland Herald.",
        );
        assert_eq!(all[0].affiliation, None, "{all:#?}");
    }

    #[test]
    fn a_name_inside_a_longer_word_has_no_role() {
        let g = one("Mara Lindqvist is the editor of the Lowland Herald. \
             Mara Lind said the dam was unsafe.");
        assert_eq!(g.source, "Mara Lind");
        assert_eq!(g.affiliation, None);
    }
}
