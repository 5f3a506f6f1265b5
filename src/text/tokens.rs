//! Word tokens, normalisation and the content keys used to match claims.

use super::Span;

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
    if word
        .bytes()
        .all(|b| b.is_ascii_lowercase() || b.is_ascii_digit())
    {
        return word.to_string();
    }
    let w = word.to_lowercase().replace('’', "'").replace('.', "");
    let w = w
        .strip_suffix("'s")
        .or_else(|| w.strip_suffix('\''))
        .unwrap_or(&w);
    w.to_string()
}

/// A light suffix-stripping stemmer for English, enough to match "attack", "attacks",
/// "attacked" and "attacking" to one key.
pub fn stem(word: &str) -> String {
    let mut w = normalize_word(word);
    if w.chars().any(|c| c.is_ascii_digit()) || w.chars().count() <= 3 {
        return w;
    }
    // plural first, then one derivational or inflectional ending
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
                return out;
            }
        }
    }
    w
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
    let mut out: Vec<String> = Vec::new();
    let push = |k: String, out: &mut Vec<String>| {
        if !out.contains(&k) {
            out.push(k);
        }
    };
    let ws = words(text, within);
    let mut skip = false;
    for (i, t) in ws.iter().enumerate() {
        if std::mem::take(&mut skip) {
            continue;
        }
        if let Some(c) = ws
            .get(i + 1)
            .and_then(|n| super::concepts::concept_of_pair(t.text, n.text))
        {
            push(c.to_string(), &mut out);
            skip = true;
            continue;
        }
        let n = normalize_word(t.text);
        if is_stopword(&n) {
            continue;
        }
        let k = stem(&n);
        let concept = super::concepts::concept_of_word(t.text, &k);
        push(k, &mut out);
        if let Some(c) = concept {
            push(c.to_string(), &mut out);
        }
    }
    out
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

    proptest! {
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
