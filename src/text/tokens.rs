//! Word tokens, normalisation and the content keys used to match claims.

use super::Span;
use std::borrow::Cow;

/// A word of the text with its span.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Token<'a> {
    /// The word as written.
    pub text: &'a str,
    /// Where it stands.
    pub span: Span,
}

/// The words of `text` inside `within`: runs of letters and digits, keeping inner
/// apostrophes, hyphens, periods and commas between digits ("Putin's", "48-hour", "2.5").
pub fn words(text: &str, within: Span) -> Vec<Token<'_>> {
    let body = within.slice(text);
    if body.is_ascii() {
        // a byte is a character: no table of characters needed
        let bytes = body.as_bytes();
        split_words(text, within, bytes.len(), bytes.len(), |k| {
            (k, char::from(bytes[k]))
        })
    } else {
        let chars: Vec<(usize, char)> = body.char_indices().collect();
        split_words(text, within, body.len(), chars.len(), |k| chars[k])
    }
}

/// [`words`] over the `len` characters of `within` (where the text is `body_len` bytes
/// long), the `k`-th given by `at(k)` as its byte offset in `within` and the character.
fn split_words(
    text: &str,
    within: Span,
    body_len: usize,
    len: usize,
    at: impl Fn(usize) -> (usize, char),
) -> Vec<Token<'_>> {
    let ch = |k: usize| at(k).1;
    let mut out = Vec::new();
    let mut i = 0;
    while i < len {
        let (s, c) = at(i);
        if !c.is_alphanumeric() {
            i += 1;
            continue;
        }
        let mut j = i + 1;
        while j < len {
            let c = ch(j);
            if c.is_alphanumeric() {
                j += 1;
                continue;
            }
            let next_alnum = j + 1 < len && ch(j + 1).is_alphanumeric();
            let prev = ch(j - 1);
            let joiner = match c {
                '\'' | '’' | '-' => next_alnum,
                '.' | ',' if next_alnum && prev.is_ascii_digit() => ch(j + 1).is_ascii_digit(),
                // "U.S", "U.K": single capitals joined by periods
                '.' => {
                    next_alnum
                        && prev.is_uppercase()
                        && (j < 2 || !ch(j - 2).is_alphanumeric())
                        && ch(j + 1).is_uppercase()
                }
                _ => false,
            };
            if joiner {
                j += 1;
            } else {
                break;
            }
        }
        let e = if j < len { at(j).0 } else { body_len };
        let span = Span::new(within.start + s, within.start + e);
        out.push(Token {
            text: span.slice(text),
            span,
        });
        i = j;
    }
    out
}

/// Lower-cases a word and drops a possessive ending ("Putin's" → "putin").
pub fn normalize_word(word: &str) -> String {
    // most words are already lower-case letters and digits: nothing to change
    if is_plain(word) {
        return word.to_string();
    }
    let mut out = String::new();
    normalize_word_into(word, &mut out);
    out
}

/// True for a word of lower-case ASCII letters and digits only, which normalising and
/// lower-casing leave as it is.
pub fn is_plain(word: &str) -> bool {
    word.bytes()
        .all(|b| b.is_ascii_lowercase() || b.is_ascii_digit())
}

/// [`normalize_word`] written into `out` (emptied first), without allocating when `out`
/// has room.
pub fn normalize_word_into(word: &str, out: &mut String) {
    out.clear();
    if is_plain(word) {
        out.push_str(word);
        return;
    }
    if word.is_ascii() {
        out.extend(
            word.bytes()
                .filter(|b| *b != b'.')
                .map(|b| char::from(b.to_ascii_lowercase())),
        );
    } else {
        // `str::to_lowercase` knows the final sigma, `char::to_lowercase` does not
        out.extend(word.to_lowercase().chars().filter_map(|l| match l {
            '’' => Some('\''),
            '.' => None,
            l => Some(l),
        }));
    }
    strip_possessive(out);
}

/// Lower-cases a word the way the rules compare words: lower case, with a curly apostrophe
/// written straight ("Putin’s" → "putin's"), into `out` (emptied first).
pub fn lower_into(word: &str, out: &mut String) {
    out.clear();
    if word.is_ascii() {
        out.push_str(word);
        out.make_ascii_lowercase();
        return;
    }
    // `str::to_lowercase` knows the final sigma, `char::to_lowercase` does not
    out.extend(
        word.to_lowercase()
            .chars()
            .map(|l| if l == '’' { '\'' } else { l }),
    );
}

/// Drops a final "'s", else a final "'".
fn strip_possessive(w: &mut String) {
    if w.ends_with("'s") {
        w.truncate(w.len() - 2);
    } else if w.ends_with('\'') {
        w.truncate(w.len() - 1);
    }
}

/// A light suffix-stripping stemmer for English, enough to match "attack", "attacks",
/// "attacked" and "attacking" to one key.
pub fn stem(word: &str) -> String {
    let mut out = String::new();
    stem_normalized_into(&normalize_word(word), &mut out);
    out
}

/// The stem of a word already normalised by [`normalize_word`] (the second half of
/// [`stem`]), written into `out` (emptied first).
pub fn stem_normalized_into(w: &str, out: &mut String) {
    out.clear();
    out.push_str(w);
    if w.bytes().any(|b| b.is_ascii_digit()) || w.chars().nth(3).is_none() {
        return;
    }
    // plural first, then one derivational or inflectional ending
    for (suffix, keep) in [("ies", "y"), ("sses", "ss"), ("s", "")] {
        if let Some(base) = out.strip_suffix(suffix) {
            let base_len = base.len();
            if base.chars().nth(2).is_some() && !base.ends_with(['s', 'u', 'i']) || suffix != "s" {
                out.truncate(base_len);
                out.push_str(keep);
                break;
            }
        }
    }
    for (suffix, keep) in [
        ("ational", "ate"),
        ("ization", "ize"),
        ("iveness", "ive"),
        ("fulness", "ful"),
        ("ousness", "ous"),
        ("ements", ""),
        ("ement", ""),
        ("ments", ""),
        ("ment", ""),
        ("ingly", ""),
        ("edly", ""),
        ("ied", "y"),
        ("ing", ""),
        ("ed", ""),
        ("ly", ""),
        ("e", ""),
    ] {
        if let Some(base) = out.strip_suffix(suffix) {
            if base.chars().nth(2).is_some() {
                let base_len = base.len();
                out.truncate(base_len);
                out.push_str(keep);
                // "stopped" → "stopp" → "stop"
                let b = out.as_bytes();
                if keep.is_empty()
                    && b.len() >= 4
                    && b[b.len() - 1] == b[b.len() - 2]
                    && !matches!(b[b.len() - 1], b'l' | b's' | b'z')
                    && suffix != "e"
                {
                    out.pop();
                }
                return;
            }
        }
    }
}

/// Function words: pronouns, articles, auxiliaries and the commonest prepositions and
/// conjunctions. The stance model's terms leave these out (changing the list changes its
/// features, so retrain it).
pub const FUNCTION_WORDS: &[&str] = &[
    "a", "about", "after", "all", "also", "am", "an", "and", "any", "are", "as", "at", "be",
    "been", "before", "being", "but", "by", "can", "cannot", "could", "did", "do", "does", "for",
    "from", "had", "has", "have", "he", "her", "here", "hers", "him", "his", "how", "i", "if",
    "in", "into", "is", "it", "its", "just", "may", "me", "might", "more", "most", "much", "must",
    "my", "no", "nor", "not", "of", "on", "once", "only", "or", "other", "our", "out", "over",
    "own", "said", "same", "says", "she", "should", "so", "some", "such", "than", "that", "the",
    "their", "them", "then", "there", "these", "they", "this", "those", "through", "to", "too",
    "under", "until", "up", "very", "was", "we", "were", "what", "when", "where", "which", "while",
    "who", "whom", "why", "will", "with", "would", "you", "your",
];

/// Prepositions and connectives that add nothing when matching claims with one another,
/// though words such as "against", "despite" and "without" carry stance: claim linking
/// drops them as well as the [`FUNCTION_WORDS`], the stance model keeps them.
pub const LINK_STOPWORDS: &[&str] = &[
    "across",
    "against",
    "along",
    "amid",
    "amidst",
    "among",
    "around",
    "between",
    "beyond",
    "despite",
    "during",
    "per",
    "regarding",
    "toward",
    "towards",
    "upon",
    "via",
    "whether",
    "within",
    "without",
];

/// True for a word claim linking ignores: a [`FUNCTION_WORDS`] or [`LINK_STOPWORDS`] entry.
pub fn is_stopword(word: &str) -> bool {
    is_function_word(word) || LINK_STOPWORDS.binary_search(&word).is_ok()
}

/// True for one of the [`FUNCTION_WORDS`].
pub fn is_function_word(word: &str) -> bool {
    FUNCTION_WORDS.binary_search(&word).is_ok()
}

/// The content keys of a piece of text: stems of its content words, in order, without
/// repeats, each followed by its concept key when it has one (see
/// [`super::concepts`]: "threats" gives `threat` and `~attack`, "Great Britain" `~uk`).
pub fn content_keys(text: &str, within: Span) -> Vec<String> {
    let ws: Vec<KeyWord> = words(text, within)
        .iter()
        .map(|t| {
            let norm = normalize_word(t.text);
            let stem = stem(&norm);
            KeyWord {
                text: t.text,
                norm: norm.into(),
                stem: stem.into(),
            }
        })
        .collect();
    keys_of(&ws)
}

/// A word as the content keys read it: as written, normalised ([`normalize_word`]) and
/// stemmed ([`stem`] of the normalised form).
#[derive(Clone, Debug)]
pub struct KeyWord<'a> {
    /// As written.
    pub text: &'a str,
    /// Normalised.
    pub norm: Cow<'a, str>,
    /// The stem of the normalised form.
    pub stem: Cow<'a, str>,
}

/// The content keys ([`content_keys`]) of words already normalised and stemmed.
pub fn keys_of(ws: &[KeyWord]) -> Vec<String> {
    let mut out = KeyList::default();
    let mut skip = false;
    for (i, t) in ws.iter().enumerate() {
        if std::mem::take(&mut skip) {
            continue;
        }
        if let Some(c) = ws
            .get(i + 1)
            .and_then(|n| super::concepts::concept_of_pair(t.text, n.text))
        {
            out.push(c);
            skip = true;
            continue;
        }
        if is_stopword(&t.norm) {
            continue;
        }
        let concept = super::concepts::concept_of_word(t.text, &t.stem);
        out.push(&t.stem);
        if let Some(c) = concept {
            out.push(c);
        }
    }
    out.into_vec()
}

/// Keys in order of first appearance without repeats, with a set of their hashes so that
/// a repeat is found without scanning the list.
#[derive(Clone, Debug, Default)]
pub struct KeyList {
    keys: Vec<String>,
    seen: std::collections::HashSet<u64>,
}

impl KeyList {
    /// Adds `k` unless it is there already.
    pub fn push(&mut self, k: &str) {
        let h = super::fnv1a(k.as_bytes());
        // a hash met before is most likely the same key: make sure
        if !self.seen.insert(h) && self.keys.iter().any(|x| x == k) {
            return;
        }
        self.keys.push(k.to_string());
    }

    /// The keys, in order.
    pub fn into_vec(self) -> Vec<String> {
        self.keys
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    /// [`words`] through the table of characters, as for any text.
    fn words_by_chars(text: &str, within: Span) -> Vec<Token<'_>> {
        let body = within.slice(text);
        let chars: Vec<(usize, char)> = body.char_indices().collect();
        split_words(text, within, body.len(), chars.len(), |k| chars[k])
    }

    /// [`normalize_word`] without the shortcut for words that need no change.
    fn normalize_in_full(word: &str) -> String {
        let w = word.to_lowercase().replace('’', "'").replace('.', "");
        let w = w
            .strip_suffix("'s")
            .or_else(|| w.strip_suffix('\''))
            .unwrap_or(&w);
        w.to_string()
    }

    /// The stemmer as first written, allocating at each step.
    fn stem_reference(word: &str) -> String {
        let mut w = normalize_in_full(word);
        if w.chars().any(|c| c.is_ascii_digit()) || w.chars().count() <= 3 {
            return w;
        }
        for (suffix, keep) in [("ies", "y"), ("sses", "ss"), ("s", "")] {
            if let Some(base) = w.strip_suffix(suffix) {
                if base.chars().count() >= 3 && !base.ends_with(['s', 'u', 'i']) || suffix != "s" {
                    w = format!("{base}{keep}");
                    break;
                }
            }
        }
        for (suffix, keep) in [
            ("ational", "ate"),
            ("ization", "ize"),
            ("iveness", "ive"),
            ("fulness", "ful"),
            ("ousness", "ous"),
            ("ements", ""),
            ("ement", ""),
            ("ments", ""),
            ("ment", ""),
            ("ingly", ""),
            ("edly", ""),
            ("ied", "y"),
            ("ing", ""),
            ("ed", ""),
            ("ly", ""),
            ("e", ""),
        ] {
            if let Some(base) = w.strip_suffix(suffix) {
                if base.chars().count() >= 3 {
                    let mut out = format!("{base}{keep}");
                    let b = out.as_bytes();
                    if keep.is_empty()
                        && b.len() >= 4
                        && b[b.len() - 1] == b[b.len() - 2]
                        && !matches!(b[b.len() - 1], b'l' | b's' | b'z')
                        && suffix != "e"
                    {
                        out.pop();
                    }
                    return out;
                }
            }
        }
        w
    }

    proptest! {
        #[test]
        fn the_stemmer_stems_as_first_written(word in "[a-zA-Z0-9.'’ΣσéİÉ]{0,14}") {
            prop_assert_eq!(stem(&word), stem_reference(&word));
            let mut lower = String::new();
            lower_into(&word, &mut lower);
            prop_assert_eq!(lower, word.to_lowercase().replace('’', "'"));
        }

        #[test]
        fn ascii_words_are_split_as_any_text(
            text in "[a-zA-Z0-9 .,'\\-]{0,40}",
            from in 0..8usize,
        ) {
            let within = Span::new(from.min(text.len()), text.len());
            prop_assert_eq!(words(&text, within), words_by_chars(&text, within));
        }

        #[test]
        fn the_shortcut_normalises_as_in_full(word in "[a-zA-Z0-9.'’]{0,12}") {
            prop_assert_eq!(normalize_word(&word), normalize_in_full(&word));
        }
    }

    #[test]
    fn stopwords_are_sorted() {
        for list in [FUNCTION_WORDS, LINK_STOPWORDS] {
            let mut s = list.to_vec();
            s.sort_unstable();
            assert_eq!(s, list);
        }
        assert!(is_stopword("against") && !is_function_word("against"));
        assert!(is_stopword("the") && is_function_word("the"));
    }

    #[test]
    fn words_keep_inner_marks() {
        let t = "Putin’s 48-hour alert, 2.5 times (U.S.)";
        let w: Vec<&str> = words(t, Span::new(0, t.len()))
            .iter()
            .map(|t| t.text)
            .collect();
        assert_eq!(w, ["Putin’s", "48-hour", "alert", "2.5", "times", "U.S"]);
    }

    #[test]
    fn stems_match_inflections() {
        for w in ["attack", "attacks", "attacked", "attacking"] {
            assert_eq!(stem(w), "attack", "{w}");
        }
        assert_eq!(stem("stopped"), "stop");
        assert_eq!(stem("threats"), "threat");
        assert_eq!(stem("Putin's"), "putin");
        assert_eq!(stem("warnings"), "warn");
        assert_eq!(stem("warning"), "warn");
    }

    #[test]
    fn keys_carry_concepts() {
        let t = "extremists told us Great Britain planned threats";
        let k = content_keys(t, Span::new(0, t.len()));
        assert_eq!(
            k,
            [
                "extremist",
                "~militant",
                "told",
                "us",
                "~uk",
                "plan",
                "threat",
                "~attack"
            ]
        );
        let t = "the U.S. warned";
        let k = content_keys(t, Span::new(0, t.len()));
        assert_eq!(k, ["us", "~us", "warn", "~alert"]);
    }
}
