//! A learned attribution tagger, trained on PolNeAR's training split.
//!
//! Two averaged-perceptron sequence taggers over hashed lexical and syntactic features
//! (words, parts of speech, and the parser's tree: each word's relation, and where it
//! stands from the cue): the first marks cues in each sentence ("said", "according to",
//! "declined to comment"), the second, run once per cue over the cue's paragraph, marks
//! that cue's source and content. The
//! weights ship with the crate (`attribution.model`, made by `claimgraph train
//! attribution`, a lab command: `lab::train::attribution`) and training is deterministic,
//! so the same data and options give the same bytes.

mod codec;
pub(crate) mod features;
pub(crate) mod sheet;
pub(crate) mod tagger;
mod tree;

pub use sheet::Sheet;

use crate::corpus::Article;
use crate::text::Span;
use features::{cue_tag, role_tag};
use std::sync::OnceLock;
use tagger::{Decoder, Sequence, Tagger};

/// The weights trained on PolNeAR's `train.jsonl` with the lab's default training options.
const EMBEDDED: &[u8] = include_bytes!("attribution.model");

/// One attribution found by the model: the cue, and the source and content fragments.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Found {
    /// The cue, one fragment.
    pub cue: Span,
    /// Source fragments (usually one, none when the tagger found no source).
    pub source: Vec<Span>,
    /// Content fragments, in text order.
    pub content: Vec<Span>,
}

/// The two taggers.
#[derive(Clone, Debug, PartialEq)]
pub struct Model {
    /// Marks cues in a sentence.
    pub(crate) cue: Tagger,
    /// Marks a cue's source and content in its window.
    pub(crate) role: Tagger,
}

impl Model {
    /// The model that ships with claimgraph.
    pub fn embedded() -> &'static Model {
        static MODEL: OnceLock<Model> = OnceLock::new();
        MODEL.get_or_init(|| {
            Model::from_bytes(EMBEDDED).expect("the embedded attribution model is well formed")
        })
    }

    /// Reads a model written by [`Model::to_bytes`].
    pub fn from_bytes(bytes: &[u8]) -> Result<Model, String> {
        let (cue, role) = codec::read(bytes)?;
        if cue.ntags != cue_tag::N || role.ntags != role_tag::N {
            return Err("the model's tag sets do not match this version".into());
        }
        Ok(Model { cue, role })
    }

    /// The model as bytes: a small header, then each tagger's transitions and its
    /// non-zero weights, quantised.
    pub fn to_bytes(&self) -> Vec<u8> {
        codec::write(&self.cue, &self.role)
    }

    /// Finds the attributions of `article`.
    pub fn find(&self, article: &Article) -> Vec<Found> {
        let sheet = Sheet::new(article);
        let mut seq = Sequence::new();
        let (mut cue_dec, mut role_dec) = (Decoder::default(), Decoder::default());
        let mut out = Vec::new();
        for &(lo, hi) in &sheet.sentences {
            features::cue_sequence(&sheet, lo, hi, &mut seq);
            let tags = self.cue.decode_with(&seq, &mut cue_dec);
            for (cs, ce) in runs(tags, cue_tag::B, cue_tag::I) {
                let (cs, ce) = (lo + cs, lo + ce);
                let (wlo, whi) = features::role_window(&sheet, cs, ce);
                features::role_sequence(&sheet, wlo, whi, cs, ce, &mut seq);
                let roles = self.role.decode_with(&seq, &mut role_dec);
                let span = |a: usize, b: usize| {
                    Span::new(
                        sheet.toks[wlo + a].span.start,
                        sheet.toks[wlo + b - 1].span.end,
                    )
                };
                let content: Vec<Span> = runs(roles, role_tag::BC, role_tag::IC)
                    .into_iter()
                    .map(|(a, b)| {
                        let b = whole_subtrees(&sheet, cs, ce, wlo + a, wlo + b) - wlo;
                        span(a, b + stray_last_word(&sheet, wlo + b))
                    })
                    .collect();
                if content.is_empty() {
                    continue;
                }
                // one source fragment: the run nearest the cue
                let source: Vec<Span> = runs(roles, role_tag::BS, role_tag::IS)
                    .into_iter()
                    .min_by_key(|&(a, b)| {
                        let (a, b) = (wlo + a, wlo + b);
                        if b <= cs {
                            cs - b
                        } else {
                            a.saturating_sub(ce)
                        }
                    })
                    .map(|(a, b)| widen_to_word(&article.text, span(a, b)))
                    .into_iter()
                    .collect();
                let cue = Span::new(sheet.toks[cs].span.start, sheet.toks[ce - 1].span.end);
                let cue = Some(cue.trim_with(&article.text, &[':', ',']))
                    .filter(|c| !c.is_empty())
                    .unwrap_or(cue);
                let source = if source.is_empty() {
                    continued_source(&sheet, article, &out, cs).unwrap_or_default()
                } else {
                    source
                };
                out.push(Found {
                    cue,
                    source,
                    content,
                });
            }
        }
        cut_at_coordinated_cues(&article.text, &mut out);
        out
    }
}

/// Ends a content where a coordinated cue of the same speaker begins ("expressed that
/// ... and noted that ..."): the second verb starts an attribution of its own.
fn cut_at_coordinated_cues(text: &str, found: &mut [Found]) {
    let cues: Vec<Span> = found.iter().map(|f| f.cue).collect();
    // the cues by start, to find those inside a content by binary search
    let mut by_start: Vec<(usize, usize)> =
        cues.iter().enumerate().map(|(i, q)| (q.start, i)).collect();
    by_start.sort_unstable();
    let mut inner: Vec<usize> = Vec::new();
    for f in found.iter_mut() {
        for c in &mut f.content {
            let from = by_start.partition_point(|&(s, _)| s <= c.start);
            let to = by_start.partition_point(|&(s, _)| s <= c.end);
            inner.clear();
            inner.extend(
                by_start[from..to.max(from)]
                    .iter()
                    .map(|&(_, i)| i)
                    .filter(|&i| c.contains(cues[i])),
            );
            // in the order the cues were found
            inner.sort_unstable();
            for q in inner.iter().map(|&i| &cues[i]) {
                let before = text[c.start..q.start].trim_end();
                let Some(head) = before.strip_suffix("and") else {
                    continue;
                };
                if !head.ends_with(|ch: char| ch.is_whitespace() || ch == ',') {
                    continue;
                }
                let cut = Span::new(c.start, c.start + head.len()).trim_with(text, &[',']);
                if !cut.is_empty() {
                    *c = cut;
                    break;
                }
            }
        }
    }
}

/// Where a content after the cue `[cs, ce)` at tokens `[a, b)` ends once it holds the
/// whole subtree of each of its words in the tree ("… will be deemed guilty | of
/// complicity" takes "of complicity", which hangs from "guilty"): a word whose subtree
/// holds the cue does not count, and the end never moves back.
fn whole_subtrees(sheet: &Sheet, cs: usize, ce: usize, a: usize, b: usize) -> usize {
    if a < ce {
        return b;
    }
    let (_, send) = sheet.sentences[sheet.sentence_index(sheet.toks[cs].sentence)];
    let mut end = b;
    let mut k = a;
    // the end grows as the words it takes in bring subtrees of their own
    while k < end.min(send) {
        let (lo, hi) = sheet.toks[k].subtree;
        let (lo, hi) = (lo as usize, hi as usize + 1);
        if !(lo < ce && cs < hi) && hi <= send {
            end = end.max(hi);
        }
        k += 1;
    }
    // not the marks that close the sentence
    while end > b
        && !matches!(
            sheet.toks[end - 1].mark,
            sheet::Mark::None | sheet::Mark::Quote
        )
    {
        end -= 1;
    }
    end
}

/// 1 when the token at `k` is the last word of its sentence, with only marks after it:
/// a content that stops just before it ("would end this | week.") takes it.
fn stray_last_word(sheet: &Sheet, k: usize) -> usize {
    let Some(t) = sheet.toks.get(k) else {
        return 0;
    };
    let (_, end) = sheet.sentences[sheet.sentence_index(t.sentence)];
    let marks_after = sheet.toks[k + 1..end]
        .iter()
        .all(|n| n.mark != sheet::Mark::None);
    usize::from(
        t.mark == sheet::Mark::None
            && k > 0
            && sheet.toks[k - 1].mark == sheet::Mark::None
            && marks_after,
    )
}

/// Widens a span that starts or ends inside a hyphenated word ("ISIS-Khorasan") to the
/// whole word.
fn widen_to_word(text: &str, span: Span) -> Span {
    let word = |c: char| c.is_alphanumeric() || c == '-';
    let start = text[..span.start]
        .char_indices()
        .rev()
        .take_while(|&(_, c)| word(c))
        .last()
        .map_or(span.start, |(i, _)| i);
    let end = span.end
        + text[span.end..]
            .char_indices()
            .take_while(|&(_, c)| word(c))
            .last()
            .map_or(0, |(i, c)| i + c.len_utf8());
    let widened = Span::new(start, end);
    // only across a hyphen: plain word boundaries are already token boundaries
    if widened.slice(text).trim_matches('-').contains('-') {
        widened.trim_with(text, &['-'])
    } else {
        span
    }
}

/// The source of a cue that continues an earlier attribution of the same sentence without
/// a subject of its own: a participle ("..., noting that ...") or a verb after "and"
/// ("said ... and added ..."). It is the earlier attribution's source.
fn continued_source(
    sheet: &Sheet,
    article: &Article,
    found: &[Found],
    cs: usize,
) -> Option<Vec<Span>> {
    let cue = &sheet.toks[cs];
    let word = cue.span.slice(&article.text);
    let prev = cs.checked_sub(1).map(|k| &sheet.toks[k]);
    let joined = prev.is_some_and(|p| {
        p.sentence == cue.sentence
            && matches!(
                p.span.slice(&article.text).to_lowercase().as_str(),
                "and" | "," | "also"
            )
    });
    if !(word.ends_with("ing") || joined) {
        return None;
    }
    let sentence = article.sentences.get(cue.sentence as usize)?.span;
    found
        .iter()
        .rev()
        .take_while(|f| sentence.contains(f.cue))
        .find(|f| !f.source.is_empty())
        .map(|f| f.source.clone())
}

/// The `[start, end)` runs of a B/I tag pair in `tags`.
fn runs(tags: &[u8], b: u8, i: u8) -> Vec<(usize, usize)> {
    let mut out = Vec::new();
    let mut start = None;
    for (k, &t) in tags.iter().enumerate() {
        if t == b || (t == i && start.is_none()) {
            if let Some(s) = start {
                out.push((s, k));
            }
            start = Some(k);
        } else if t != i {
            if let Some(s) = start.take() {
                out.push((s, k));
            }
        }
    }
    if let Some(s) = start {
        out.push((s, tags.len()));
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn sources_widen_across_hyphens_only() {
        let text = "ISIS-Khorasan seeks more. The Kremlin said so.";
        assert_eq!(widen_to_word(text, Span::new(5, 13)), Span::new(0, 13));
        assert_eq!(widen_to_word(text, Span::new(30, 37)), Span::new(30, 37));
    }

    #[test]
    fn a_content_takes_the_whole_subtrees_of_its_words() {
        let a = Article::new(
            "t",
            "The mayor said the port will be deemed guilty of neglect.",
        );
        let sheet = Sheet::new(&a);
        let at = |w| sheet.word_at(&a.text, w);
        let (said, the, guilty) = (at("said"), at("the"), at("guilty"));
        // "of neglect" hangs from "guilty": a content stopping at "guilty" takes it, not
        // the full stop
        assert_eq!(
            whole_subtrees(&sheet, said, said + 1, the, guilty + 1),
            at("neglect") + 1
        );
        // a whole content stays as it is, and a content before the cue is not touched
        let end = at("neglect") + 1;
        assert_eq!(whole_subtrees(&sheet, said, said + 1, the, end), end);
        assert_eq!(whole_subtrees(&sheet, said, said + 1, 0, 1), 1);
    }

    #[test]
    fn runs_split_on_begin_tags() {
        assert_eq!(
            runs(&[0, 1, 2, 0, 1, 1, 2], 1, 2),
            vec![(1, 3), (4, 5), (5, 7)]
        );
        assert_eq!(runs(&[2, 2, 0], 1, 2), vec![(0, 2)]);
        assert!(runs(&[0, 0], 1, 2).is_empty());
    }
}
