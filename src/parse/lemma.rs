//! Lemmas from the word and its part-of-speech tag: a table of the training words whose
//! lemma the rules get wrong, then suffix rules learned from the training words, then a
//! short lexicon of irregular English verbs for the past forms the training data lacks.
//!
//! A rule strips some characters from the end of the word and appends others
//! ("denied" → strip 3, append "y"); the rule of a word is the one of its longest suffix
//! (up to [`MAX_SUFFIX`] characters) that the training words of its tag had, so "decried"
//! takes the rule of "-ied" verbs. Each tag either keeps the case of the form (proper
//! nouns: "Americans" → "American") or lowercases it ("Said" → "say").

use super::codec::{put_str, put_varint, Reader};
use super::hash::{add, str_hash};
use std::collections::HashMap;

/// Longest suffix the rules look at, in characters.
pub const MAX_SUFFIX: usize = 6;

/// A rule: characters to strip from the end, and the text to append.
#[derive(Clone, Debug, Default, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct Rule {
    /// Characters removed from the end.
    pub strip: u8,
    /// Text appended after.
    pub append: String,
}

impl Rule {
    /// The rule that makes `lemma` from `base`, if it strips fewer than 256 characters.
    pub fn between(base: &str, lemma: &str) -> Option<Rule> {
        let common = base
            .char_indices()
            .zip(lemma.char_indices())
            .take_while(|((_, a), (_, b))| a == b)
            .last()
            .map_or(0, |((i, c), _)| i + c.len_utf8());
        let strip = base[common..].chars().count();
        Some(Rule {
            strip: u8::try_from(strip).ok()?,
            append: lemma[common..].to_string(),
        })
    }

    /// Applies the rule to `base`, appending to `out`; a rule that strips more than the
    /// word has gives the word unchanged.
    pub fn apply(&self, base: &str, out: &mut String) {
        let strip = usize::from(self.strip);
        let cut = if strip == 0 {
            Some(base.len())
        } else {
            base.char_indices().rev().nth(strip - 1).map(|(i, _)| i)
        };
        match cut {
            Some(cut) if cut > 0 || !self.append.is_empty() => {
                out.push_str(&base[..cut]);
                out.push_str(&self.append);
            }
            _ => out.push_str(base),
        }
    }
}

/// The lemmatiser.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Lemmatizer {
    /// The rules, numbered.
    pub rules: Vec<Rule>,
    /// By tag: whether lemmas keep the case of the form.
    pub keep_case: Vec<bool>,
    /// By tag: the rule of a word with no known suffix.
    pub default: Vec<u32>,
    /// Rule by (tag, lowercased suffix) key, see [`suffix_key`].
    pub suffixes: HashMap<u64, u32>,
    /// Lemma by (tag, lowercased form) key, see [`word_key`], for the training words
    /// the rules get wrong.
    pub words: HashMap<u64, String>,
    /// By tag: whether it is a past tense or past participle, for the irregular verbs.
    pub past: Vec<bool>,
}

/// The key of a tag and a lowercased suffix.
pub fn suffix_key(tag: usize, suffix: &str) -> u64 {
    add(str_hash(suffix), 0x5f00 + tag as u64)
}

/// The key of a tag and a lowercased word.
pub fn word_key(tag: usize, lower: &str) -> u64 {
    add(str_hash(lower), 0x7700 + tag as u64)
}

/// Past tense and past participle of irregular English verbs, with their base form:
/// what the suffix rules cannot guess when the training words lack them.
#[rustfmt::skip]
const IRREGULAR: &[(&str, &str)] = &[
    ("arisen", "arise"), ("arose", "arise"), ("ate", "eat"), ("awoke", "awake"),
    ("beat", "beat"), ("beaten", "beat"), ("became", "become"), ("began", "begin"),
    ("begun", "begin"), ("bent", "bend"), ("bet", "bet"), ("bid", "bid"), ("bit", "bite"),
    ("bitten", "bite"), ("bled", "bleed"), ("blew", "blow"), ("blown", "blow"),
    ("bore", "bear"), ("borne", "bear"), ("bought", "buy"), ("bred", "breed"),
    ("broke", "break"), ("broken", "break"), ("brought", "bring"), ("built", "build"),
    ("burnt", "burn"), ("burst", "burst"), ("came", "come"), ("cast", "cast"),
    ("caught", "catch"), ("chose", "choose"), ("chosen", "choose"), ("clung", "cling"),
    ("cost", "cost"), ("crept", "creep"), ("cut", "cut"), ("dealt", "deal"), ("did", "do"),
    ("done", "do"), ("drank", "drink"), ("drawn", "draw"), ("dreamt", "dream"),
    ("drew", "draw"), ("driven", "drive"), ("drove", "drive"), ("drunk", "drink"),
    ("dug", "dig"), ("eaten", "eat"), ("fallen", "fall"), ("fed", "feed"), ("fell", "fall"),
    ("felt", "feel"), ("fled", "flee"), ("flew", "fly"), ("flown", "fly"),
    ("flung", "fling"), ("forbade", "forbid"), ("forbidden", "forbid"),
    ("forecast", "forecast"), ("foresaw", "foresee"), ("foreseen", "foresee"),
    ("forgave", "forgive"), ("forgiven", "forgive"), ("forgot", "forget"),
    ("forgotten", "forget"), ("fought", "fight"), ("found", "find"), ("froze", "freeze"),
    ("frozen", "freeze"), ("gave", "give"), ("given", "give"), ("gone", "go"),
    ("got", "get"), ("gotten", "get"), ("grew", "grow"), ("ground", "grind"),
    ("grown", "grow"), ("had", "have"), ("heard", "hear"), ("held", "hold"),
    ("hid", "hide"), ("hidden", "hide"), ("hit", "hit"), ("hung", "hang"), ("hurt", "hurt"),
    ("kept", "keep"), ("knelt", "kneel"), ("knew", "know"), ("known", "know"),
    ("laid", "lay"), ("lain", "lie"), ("lay", "lie"), ("leapt", "leap"),
    ("learnt", "learn"), ("led", "lead"), ("left", "leave"), ("lent", "lend"),
    ("let", "let"), ("lit", "light"), ("lost", "lose"), ("made", "make"), ("meant", "mean"),
    ("met", "meet"), ("mislaid", "mislay"), ("misled", "mislead"), ("mistaken", "mistake"),
    ("mistook", "mistake"), ("overcame", "overcome"), ("overheard", "overhear"),
    ("overran", "overrun"), ("overridden", "override"), ("overrode", "override"),
    ("overtaken", "overtake"), ("overthrew", "overthrow"), ("overthrown", "overthrow"),
    ("overtook", "overtake"), ("paid", "pay"), ("put", "put"), ("quit", "quit"),
    ("ran", "run"), ("rang", "ring"), ("read", "read"), ("ridden", "ride"),
    ("risen", "rise"), ("rode", "ride"), ("rose", "rise"), ("rung", "ring"),
    ("said", "say"), ("sang", "sing"), ("sank", "sink"), ("sat", "sit"), ("saw", "see"),
    ("seen", "see"), ("sent", "send"), ("set", "set"), ("shaken", "shake"),
    ("shed", "shed"), ("shone", "shine"), ("shook", "shake"), ("shot", "shoot"),
    ("shown", "show"), ("shrank", "shrink"), ("shrunk", "shrink"), ("shut", "shut"),
    ("slept", "sleep"), ("slid", "slide"), ("slung", "sling"), ("sold", "sell"),
    ("sought", "seek"), ("spat", "spit"), ("sped", "speed"), ("spent", "spend"),
    ("split", "split"), ("spoke", "speak"), ("spoken", "speak"), ("sprang", "spring"),
    ("spread", "spread"), ("sprung", "spring"), ("spun", "spin"), ("stank", "stink"),
    ("stole", "steal"), ("stolen", "steal"), ("stood", "stand"), ("stricken", "strike"),
    ("striven", "strive"), ("strove", "strive"), ("struck", "strike"), ("stuck", "stick"),
    ("stung", "sting"), ("sung", "sing"), ("sunk", "sink"), ("swam", "swim"),
    ("swept", "sweep"), ("swore", "swear"), ("sworn", "swear"), ("swum", "swim"),
    ("swung", "swing"), ("taken", "take"), ("taught", "teach"), ("thought", "think"),
    ("threw", "throw"), ("thrown", "throw"), ("thrust", "thrust"), ("told", "tell"),
    ("took", "take"), ("tore", "tear"), ("torn", "tear"), ("trod", "tread"),
    ("trodden", "tread"), ("undergone", "undergo"), ("understood", "understand"),
    ("undertaken", "undertake"), ("undertook", "undertake"), ("underwent", "undergo"),
    ("upheld", "uphold"), ("upset", "upset"), ("went", "go"), ("wept", "weep"),
    ("withdrawn", "withdraw"), ("withdrew", "withdraw"), ("withheld", "withhold"),
    ("withstood", "withstand"), ("woke", "wake"), ("woken", "wake"), ("won", "win"),
    ("wore", "wear"), ("worn", "wear"), ("wound", "wind"), ("wove", "weave"),
    ("woven", "weave"), ("written", "write"), ("wrote", "write"), ("wrung", "wring"),
];

fn irregular(lower: &str) -> Option<&'static str> {
    IRREGULAR
        .binary_search_by(|(f, _)| f.cmp(&lower))
        .ok()
        .map(|i| IRREGULAR[i].1)
}

impl Lemmatizer {
    /// Appends the lemma of `form` with tag number `tag` to `out`; `lower` is a buffer
    /// holding the lowercased form.
    pub fn lemma(&self, form: &str, lower: &str, tag: usize, out: &mut String) {
        if let Some(l) = self.words.get(&word_key(tag, lower)) {
            out.push_str(l);
            return;
        }
        if self.past.get(tag).copied().unwrap_or(false) {
            if let Some(l) = irregular(lower) {
                out.push_str(l);
                return;
            }
        }
        let base = if self.keep_case.get(tag).copied().unwrap_or(false) {
            form
        } else {
            lower
        };
        self.rule(lower, tag).apply(base, out);
    }

    /// The rule for a lowercased word of tag `tag` that the table does not list.
    pub fn rule(&self, lower: &str, tag: usize) -> &Rule {
        let starts: Vec<usize> = lower.char_indices().map(|(i, _)| i).collect();
        let n = starts.len();
        for k in (1..=MAX_SUFFIX.min(n)).rev() {
            if let Some(&r) = self.suffixes.get(&suffix_key(tag, &lower[starts[n - k]..])) {
                return &self.rules[r as usize];
            }
        }
        static NONE: Rule = Rule {
            strip: 0,
            append: String::new(),
        };
        self.default
            .get(tag)
            .and_then(|&r| self.rules.get(r as usize))
            .unwrap_or(&NONE)
    }

    /// Appends the lemmatiser to a model file.
    pub fn write(&self, out: &mut Vec<u8>) {
        put_varint(out, self.rules.len() as u64);
        for r in &self.rules {
            out.push(r.strip);
            put_str(out, &r.append);
        }
        put_varint(out, self.keep_case.len() as u64);
        for t in 0..self.keep_case.len() {
            out.push(u8::from(self.keep_case[t]) | (u8::from(self.past[t]) << 1));
            put_varint(out, u64::from(self.default[t]));
        }
        let mut suffixes: Vec<(&u64, &u32)> = self.suffixes.iter().collect();
        suffixes.sort();
        put_varint(out, suffixes.len() as u64);
        for (k, r) in suffixes {
            out.extend_from_slice(&k.to_le_bytes());
            put_varint(out, u64::from(*r));
        }
        let mut words: Vec<(&u64, &String)> = self.words.iter().collect();
        words.sort();
        put_varint(out, words.len() as u64);
        for (k, l) in words {
            out.extend_from_slice(&k.to_le_bytes());
            put_str(out, l);
        }
    }

    /// Reads a lemmatiser written by [`Lemmatizer::write`].
    pub fn read(r: &mut Reader<'_>) -> Result<Lemmatizer, String> {
        let mut l = Lemmatizer::default();
        let n = r.count(1 << 20, "rule count")?;
        for _ in 0..n {
            let strip = r.byte()?;
            let append = r.str()?.to_string();
            l.rules.push(Rule { strip, append });
        }
        let tags = r.count(1 << 12, "tag count")?;
        for _ in 0..tags {
            let b = r.byte()?;
            l.keep_case.push(b & 1 != 0);
            l.past.push(b & 2 != 0);
            l.default
                .push(r.count(n.saturating_sub(1), "rule number")? as u32);
        }
        let key = |r: &mut Reader<'_>| -> Result<u64, String> {
            let b = r.take(8)?;
            Ok(u64::from_le_bytes(b.try_into().expect("8 bytes")))
        };
        let ns = r.count(1 << 24, "suffix count")?;
        for _ in 0..ns {
            let k = key(r)?;
            let rule = r.count(n.saturating_sub(1), "rule number")? as u32;
            l.suffixes.insert(k, rule);
        }
        let nw = r.count(1 << 24, "word count")?;
        for _ in 0..nw {
            let k = key(r)?;
            l.words.insert(k, r.str()?.to_string());
        }
        Ok(l)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn rules_strip_and_append() {
        let r = Rule::between("denied", "deny").unwrap();
        assert_eq!(
            r,
            Rule {
                strip: 3,
                append: "y".into()
            }
        );
        let mut out = String::new();
        r.apply("decried", &mut out);
        assert_eq!(out, "decry");
        let r = Rule::between("been", "be").unwrap();
        out.clear();
        r.apply("seen", &mut out);
        assert_eq!(out, "se");
        out.clear();
        Rule {
            strip: 9,
            append: String::new(),
        }
        .apply("ab", &mut out);
        assert_eq!(out, "ab");
        out.clear();
        Rule::between("naïve", "naïf")
            .unwrap()
            .apply("naïve", &mut out);
        assert_eq!(out, "naïf");
    }

    #[test]
    fn irregular_verbs_are_sorted() {
        assert!(
            IRREGULAR.windows(2).all(|w| w[0].0 < w[1].0),
            "sorted, no duplicates"
        );
        assert_eq!(irregular("blew"), Some("blow"));
        assert_eq!(irregular("blewx"), None);
    }
}
