//! CoNLL-U files (<https://universaldependencies.org/format.html>): reading into sentences
//! of syntactic words, and writing them back.
//!
//! A sentence is its comment lines and its words, the lines whose ID is a whole number.
//! Multi-word token lines (`1-2`, "don't" over "do" and "n't") are kept as written and
//! written back before their first word, but the parser sees the syntactic words. Empty
//! nodes (`8.1`, which belong to the enhanced graph) are read past and not kept.

use crate::error::{Diagnostic, Error, Result};
use std::fmt::Write as _;
use std::path::Path;

/// One syntactic word: the ten columns as written.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Word {
    /// Word form.
    pub form: String,
    /// Lemma, `_` when unknown.
    pub lemma: String,
    /// Universal part of speech.
    pub upos: String,
    /// Language-specific part of speech (Penn Treebank tags in EWT).
    pub xpos: String,
    /// Morphological features.
    pub feats: String,
    /// Head: the ID of the head word, `0` for the root, `_` when not given.
    pub head: String,
    /// Dependency relation.
    pub deprel: String,
    /// Enhanced dependencies.
    pub deps: String,
    /// Anything else.
    pub misc: String,
    /// The 1-based line the word is on (0 for words not read from a file).
    pub line: usize,
}

/// One sentence.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Sentence {
    /// The comment lines, `#` included.
    pub comments: Vec<String>,
    /// The syntactic words, in order; word `i` has ID `i + 1`.
    pub words: Vec<Word>,
    /// Multi-word token lines as written, each with the index of its first word.
    pub multiword: Vec<(usize, String)>,
    /// The 1-based line the sentence starts on.
    pub line: usize,
}

impl Sentence {
    /// The `# sent_id` of the sentence, if it has one.
    pub fn id(&self) -> Option<&str> {
        self.comments.iter().find_map(|c| {
            let rest = c.strip_prefix("# sent_id")?;
            Some(rest.split_once('=').map_or(rest, |(_, v)| v).trim())
        })
    }

    /// The word forms.
    pub fn forms(&self) -> Vec<&str> {
        self.words.iter().map(|w| w.form.as_str()).collect()
    }
}

/// Reads a CoNLL-U file.
pub fn read(path: &Path) -> Result<Vec<Sentence>> {
    let bytes = crate::corpus::read_limited(path, crate::corpus::read::MAX_DATA_BYTES)
        .map_err(|e| Error::Input(e.diagnostic(path)))?;
    let text = String::from_utf8(bytes).map_err(|e| {
        let upto = e.utf8_error().valid_up_to();
        let line = 1 + e.as_bytes()[..upto].iter().filter(|&&b| b == b'\n').count();
        Error::Input(Diagnostic::at(path, line, 1, "not UTF-8 text".to_string()))
    })?;
    parse(&text)
        .map_err(|(line, column, msg)| Error::Input(Diagnostic::at(path, line, column, msg)))
}

/// Reads CoNLL-U text; an error gives its line, column and what is wrong.
pub fn parse(text: &str) -> std::result::Result<Vec<Sentence>, (usize, usize, String)> {
    let mut out = Vec::new();
    let mut cur = Sentence::default();
    for (n, raw) in text.lines().enumerate() {
        let line = n + 1;
        let l = raw.strip_suffix('\r').unwrap_or(raw);
        if l.trim().is_empty() {
            finish(&mut out, &mut cur)?;
            continue;
        }
        if cur.comments.is_empty() && cur.words.is_empty() && cur.multiword.is_empty() {
            cur.line = line;
        }
        if l.starts_with('#') {
            if !cur.words.is_empty() {
                return Err((line, 1, "a comment line inside a sentence".into()));
            }
            cur.comments.push(l.to_string());
            continue;
        }
        let cols: Vec<&str> = l.split('\t').collect();
        if cols.len() != 10 {
            return Err((
                line,
                1,
                format!("{} columns, CoNLL-U has 10 separated by tabs", cols.len()),
            ));
        }
        let id = cols[0];
        if id.contains('.') {
            continue; // an empty node of the enhanced graph
        }
        if let Some((a, b)) = id.split_once('-') {
            let (a, b) = (a.parse::<usize>(), b.parse::<usize>());
            match (a, b) {
                (Ok(a), Ok(b)) if a == cur.words.len() + 1 && b > a => {
                    cur.multiword.push((a - 1, l.to_string()));
                    continue;
                }
                _ => return Err((line, 1, format!("bad multi-word token range {id:?}"))),
            }
        }
        match id.parse::<usize>() {
            Ok(i) if i == cur.words.len() + 1 => {}
            _ => {
                return Err((
                    line,
                    1,
                    format!("word ID {id:?} where {} was expected", cur.words.len() + 1),
                ))
            }
        }
        let head = cols[6];
        if head != "_" && head.parse::<usize>().is_err() {
            let col = cols[..6].iter().map(|c| c.len() + 1).sum::<usize>() + 1;
            return Err((line, col, format!("head {head:?} is not a word ID")));
        }
        if cols[1].is_empty() {
            return Err((line, id.len() + 2, "empty word form".into()));
        }
        cur.words.push(Word {
            form: cols[1].into(),
            lemma: cols[2].into(),
            upos: cols[3].into(),
            xpos: cols[4].into(),
            feats: cols[5].into(),
            head: head.into(),
            deprel: cols[7].into(),
            deps: cols[8].into(),
            misc: cols[9].into(),
            line,
        });
    }
    finish(&mut out, &mut cur)?;
    Ok(out)
}

/// Ends the sentence being read: checks its heads and keeps it if it has words.
fn finish(
    out: &mut Vec<Sentence>,
    cur: &mut Sentence,
) -> std::result::Result<(), (usize, usize, String)> {
    let s = std::mem::take(cur);
    for (_, l) in &s.multiword {
        // the range was checked when read; its end must be a word of the sentence
        let end = l
            .split(['-', '\t'])
            .nth(1)
            .and_then(|b| b.parse::<usize>().ok());
        if end.is_none_or(|b| b > s.words.len()) {
            let range = l.split('\t').next().unwrap_or_default();
            return Err((
                s.line,
                1,
                format!("multi-word token {range} goes past the sentence's words"),
            ));
        }
    }
    for w in &s.words {
        if let Ok(h) = w.head.parse::<usize>() {
            if h > s.words.len() {
                return Err((
                    w.line,
                    1,
                    format!("head {h} is past the sentence's {} words", s.words.len()),
                ));
            }
        }
    }
    if !s.words.is_empty() {
        out.push(s);
    }
    Ok(())
}

/// Writes sentences as CoNLL-U, each followed by a blank line.
pub fn write(sentences: &[Sentence]) -> String {
    let mut out = String::new();
    for s in sentences {
        for c in &s.comments {
            out.push_str(c);
            out.push('\n');
        }
        let mut mwt = s.multiword.iter().peekable();
        for (i, w) in s.words.iter().enumerate() {
            while let Some((_, l)) = mwt.next_if(|(at, _)| *at == i) {
                out.push_str(l);
                out.push('\n');
            }
            let _ = writeln!(
                out,
                "{}\t{}\t{}\t{}\t{}\t{}\t{}\t{}\t{}\t{}",
                i + 1,
                w.form,
                w.lemma,
                w.upos,
                w.xpos,
                w.feats,
                w.head,
                w.deprel,
                w.deps,
                w.misc
            );
        }
        out.push('\n');
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    const TEXT: &str = "# sent_id = a-1\n# text = I don't know.\n\
        1\tI\tI\tPRON\tPRP\t_\t4\tnsubj\t_\t_\n\
        2-3\tdon't\t_\t_\t_\t_\t_\t_\t_\t_\n\
        2\tdo\tdo\tAUX\tVBP\t_\t4\taux\t_\t_\n\
        3\tn't\tnot\tPART\tRB\t_\t4\tadvmod\t_\t_\n\
        4\tknow\tknow\tVERB\tVB\t_\t0\troot\t_\t_\n\
        4.1\tknow\tknow\tVERB\tVB\t_\t_\t_\t4:conj\t_\n\
        5\t.\t.\tPUNCT\t.\t_\t4\tpunct\t_\t_\n\n\
        # sent_id = a-2\n1\tYes\tyes\tINTJ\tUH\t_\t0\troot\t_\t_\n";

    #[test]
    fn reads_words_past_multiword_tokens_and_empty_nodes() {
        let s = parse(TEXT).unwrap();
        assert_eq!(s.len(), 2);
        assert_eq!(s[0].forms(), ["I", "do", "n't", "know", "."]);
        assert_eq!(s[0].id(), Some("a-1"));
        assert_eq!(
            s[0].multiword,
            vec![(1, "2-3\tdon't\t_\t_\t_\t_\t_\t_\t_\t_".to_string())]
        );
        assert_eq!(s[0].words[2].lemma, "not");
        assert_eq!(s[0].words[4].line, 9);
        assert_eq!(s[1].words[0].deprel, "root");
        assert_eq!(s[1].line, 11);
        // writing gives back the text without the empty node
        let back = write(&s);
        assert_eq!(
            back,
            TEXT.replace("4.1\tknow\tknow\tVERB\tVB\t_\t_\t_\t4:conj\t_\n", "") + "\n"
        );
        let again = parse(&back).unwrap();
        assert_eq!(write(&again), back);
    }

    #[test]
    fn bad_lines_are_named() {
        let e = parse("1\tI\tI\tPRON\n").unwrap_err();
        assert_eq!(
            (e.0, e.2.as_str()),
            (1, "4 columns, CoNLL-U has 10 separated by tabs")
        );
        let e =
            parse("1\tI\t_\t_\t_\t_\t0\troot\t_\t_\n3\tx\t_\t_\t_\t_\t1\tdep\t_\t_\n").unwrap_err();
        assert_eq!(e.0, 2);
        assert!(e.2.contains("where 2 was expected"), "{}", e.2);
        let e = parse("1\tI\t_\t_\t_\t_\tx\troot\t_\t_\n").unwrap_err();
        assert_eq!((e.0, e.1), (1, 13));
        let e = parse("1\tI\t_\t_\t_\t_\t5\troot\t_\t_\n").unwrap_err();
        assert!(e.2.contains("past the sentence"));
        let e = parse("1-2\tdon't\t_\t_\t_\t_\t_\t_\t_\t_\n1\tdo\t_\t_\t_\t_\t0\troot\t_\t_\n\n")
            .unwrap_err();
        assert!(e.2.contains("2 goes past"), "{}", e.2);
        assert!(parse("\n\n# only a comment\n\n").unwrap().is_empty());
    }
}
