//! Dependency parse metrics with the definitions of the reference scorer
//! `eval/ud_score.py`, on gold tokenisation, and predictions to score.
//!
//! Over all syntactic words, punctuation included (the CoNLL 2018 shared task's
//! convention): UPOS is the share of words with the gold universal part of speech, UAS
//! with the gold head, LAS with the gold head and the gold relation compared on its
//! universal part (`nmod:poss` counts as `nmod`), and CLAS is LAS over the words whose
//! gold relation is not a function-word or punctuation one. Values are compared as the
//! strings the files hold, as the script does.

use crate::parse::conllu::{Sentence, Word};
use crate::parse::Parser;
use serde::Serialize;
use std::fmt;

/// Relations left out of CLAS (the script's `FUNCTION`).
const FUNCTION: &[&str] = &[
    "aux",
    "cop",
    "mark",
    "det",
    "clf",
    "case",
    "cc",
    "punct",
    "fixed",
    "flat",
    "compound",
    "list",
    "dep",
    "orphan",
    "goeswith",
    "reparandum",
];

/// The reference scorer's figures.
#[derive(Clone, Copy, Debug, PartialEq, Serialize)]
pub struct UdScores {
    /// Words scored.
    pub words: usize,
    /// Share of words with the gold UPOS.
    pub upos: f64,
    /// Share of words with the gold head.
    pub uas: f64,
    /// Share of words with the gold head and universal relation.
    pub las: f64,
    /// LAS over content words.
    pub clas: f64,
}

impl fmt::Display for UdScores {
    /// The script's text output, without a final newline.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(
            f,
            "words {}  UPOS {:.4}  UAS {:.4}  LAS {:.4}  CLAS {:.4}",
            self.words, self.upos, self.uas, self.las, self.clas
        )
    }
}

fn universal(rel: &str) -> &str {
    rel.split(':').next().unwrap_or(rel)
}

/// Scores `system` against `gold`: both must hold the same sentences with the same words
/// (the error names the first sentence that differs, as the script does).
pub fn score(gold: &[Sentence], system: &[Sentence]) -> Result<UdScores, String> {
    if gold.len() != system.len() {
        return Err(format!(
            "sentence counts differ: gold {}, system {}",
            gold.len(),
            system.len()
        ));
    }
    let (mut n, mut upos, mut uas, mut las, mut cn, mut clas) = (0usize, 0, 0, 0, 0usize, 0);
    for (g, s) in gold.iter().zip(system) {
        let same = g.words.len() == s.words.len()
            && g.words.iter().zip(&s.words).all(|(a, b)| a.form == b.form);
        if !same {
            return Err(format!(
                "words differ in sentence {}",
                g.id().unwrap_or("None")
            ));
        }
        for (gw, sw) in g.words.iter().zip(&s.words) {
            n += 1;
            upos += usize::from(gw.upos == sw.upos);
            let head = gw.head == sw.head;
            let rel = universal(&gw.deprel) == universal(&sw.deprel);
            uas += usize::from(head);
            las += usize::from(head && rel);
            if !FUNCTION.contains(&universal(&gw.deprel)) {
                cn += 1;
                clas += usize::from(head && rel);
            }
        }
    }
    if n == 0 {
        return Err("no words to score".into());
    }
    Ok(UdScores {
        words: n,
        upos: upos as f64 / n as f64,
        uas: uas as f64 / n as f64,
        las: las as f64 / n as f64,
        clas: clas as f64 / cn.max(1) as f64,
    })
}

/// Parses the words of each gold sentence (gold tokenisation) and gives the sentences
/// back with the predicted lemma, tags, head and relation; comments and multi-word
/// token lines are kept, the other columns are `_`.
pub fn predict(parser: &Parser, gold: &[Sentence]) -> Vec<Sentence> {
    let mut parse = crate::parse::Parse::new();
    let mut forms: Vec<&str> = Vec::new();
    gold.iter()
        .map(|g| {
            forms.clear();
            forms.extend(g.words.iter().map(|w| w.form.as_str()));
            parser.parse_into(&forms, &mut parse);
            let words = g
                .words
                .iter()
                .enumerate()
                .map(|(i, w)| Word {
                    form: w.form.clone(),
                    lemma: parse.lemma(i).to_string(),
                    upos: parse.upos(i).as_str().to_string(),
                    xpos: parse.xpos(i).to_string(),
                    feats: "_".into(),
                    head: parse.head(i).map_or(0, |h| h + 1).to_string(),
                    deprel: parse.deprel(i).as_str().to_string(),
                    deps: "_".into(),
                    misc: "_".into(),
                    line: 0,
                })
                .collect();
            Sentence {
                comments: g.comments.clone(),
                words,
                multiword: g.multiword.clone(),
                line: g.line,
            }
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::parse::conllu::parse;

    #[test]
    fn counts_words_heads_and_universal_relations() {
        let gold = parse(
            "# sent_id = s1\n1\tI\t_\tPRON\t_\t_\t2\tnsubj\t_\t_\n2\tgo\t_\tVERB\t_\t_\t0\troot\t_\t_\n\
             3\tthere\t_\tADV\t_\t_\t2\tadvmod\t_\t_\n4\t.\t_\tPUNCT\t_\t_\t2\tpunct\t_\t_\n",
        )
        .unwrap();
        let sys = parse(
            "1\tI\t_\tPRON\t_\t_\t2\tnsubj:pass\t_\t_\n2\tgo\t_\tNOUN\t_\t_\t0\troot\t_\t_\n\
             3\tthere\t_\tADV\t_\t_\t4\tadvmod\t_\t_\n4\t.\t_\tPUNCT\t_\t_\t2\tdep\t_\t_\n",
        )
        .unwrap();
        let s = score(&gold, &sys).unwrap();
        assert_eq!(s.words, 4);
        assert_eq!((s.upos, s.uas, s.las), (0.75, 0.75, 0.5));
        // content words: I, go, there (punct is a function relation); I and go right
        assert_eq!(s.clas, 2.0 / 3.0);
        assert_eq!(
            s.to_string(),
            "words 4  UPOS 0.7500  UAS 0.7500  LAS 0.5000  CLAS 0.6667"
        );
        let mut other = sys.clone();
        other[0].words[2].form = "here".into();
        assert_eq!(
            score(&gold, &other).unwrap_err(),
            "words differ in sentence s1"
        );
        assert!(score(&gold, &[]).unwrap_err().contains("gold 1, system 0"));
    }
}
