//! The normalised form of a source mention.

/// Normalises a mention for matching: lower case, no leading article, no possessive
/// ending, punctuation dropped (so "U.S." and "US" meet), white space collapsed.
pub fn normalize_mention(mention: &str) -> String {
    let mut out = String::with_capacity(mention.len());
    normalize_mention_into(mention, &mut out);
    out
}

/// [`normalize_mention`] into `out` (cleared first), so that a caller that normalises many
/// phrases reuses one buffer.
pub fn normalize_mention_into(mention: &str, out: &mut String) {
    normalize_words_into(mention, usize::MAX, out);
}

/// The first `words` words of the normal form of `mention` (all of them when it has
/// fewer) into `out`, cleared first: enough to rule out most phrases that no name starts
/// as, without the work of the whole phrase.
pub fn normalize_words_into(mention: &str, words: usize, out: &mut String) {
    out.clear();
    let mut n = 0;
    if mention.is_ascii() {
        // ASCII lower-cases letter by letter, with no copy of the whole mention
        for raw in mention.split(|c: char| c.is_whitespace()) {
            n += usize::from(push_word(raw, true, out));
            if n == words {
                break;
            }
        }
    } else {
        // `str::to_lowercase` knows the letters whose lower case depends on their place
        // (a final sigma)
        let lower = mention.to_lowercase();
        for raw in lower.split(|c: char| c.is_whitespace()) {
            n += usize::from(push_word(raw, false, out));
            if n == words {
                break;
            }
        }
    }
}

/// Appends the normalised word `raw` to `out`, after a space when `out` holds a word
/// already: possessive ending dropped, every character but letters, digits and `-`, then
/// `-` at either end; lower-cased here when `ascii` (otherwise it already is). An empty
/// word adds nothing, and neither does an article before the first word; true when a word
/// was added.
fn push_word(raw: &str, ascii: bool, out: &mut String) -> bool {
    const POSSESSIVE: [&str; 8] = [
        "'s",
        "\u{2019}s",
        "'S",
        "\u{2019}S",
        "s'",
        "s\u{2019}",
        "S'",
        "S\u{2019}",
    ];
    // "'s" before "s'", as a word can end in only one of them
    let w = POSSESSIVE
        .iter()
        .find_map(|s| raw.strip_suffix(s))
        .unwrap_or(raw);
    let before = out.len();
    if before > 0 {
        out.push(' ');
    }
    let start = out.len();
    for c in w.chars() {
        let c = if ascii { c.to_ascii_lowercase() } else { c };
        if c.is_alphanumeric() || c == '-' {
            out.push(c);
        }
    }
    while out.len() > start && out.ends_with('-') {
        out.pop();
    }
    let dashes = out[start..].bytes().take_while(|&b| b == b'-').count();
    out.drain(start..start + dashes);
    let article = before == 0 && matches!(&out[start..], "the" | "a" | "an");
    if out.len() == start || article {
        out.truncate(before);
        return false;
    }
    true
}

#[cfg(test)]
mod tests {
    use super::normalize_mention;
    use proptest::prelude::*;

    /// The normal form as first written: a copy of the whole mention, a string per word.
    fn reference(mention: &str) -> String {
        let lower = mention.to_lowercase().replace('\u{2019}', "'");
        let mut words: Vec<String> = Vec::new();
        for raw in lower.split(|c: char| c.is_whitespace()) {
            let w = raw
                .strip_suffix("'s")
                .or_else(|| raw.strip_suffix("s'"))
                .unwrap_or(raw);
            let w: String = w
                .chars()
                .filter(|c| c.is_alphanumeric() || *c == '-')
                .collect();
            let w = w.trim_matches('-');
            if !w.is_empty() {
                words.push(w.to_string());
            }
        }
        while words
            .first()
            .is_some_and(|w| matches!(w.as_str(), "the" | "a" | "an"))
        {
            words.remove(0);
        }
        words.join(" ")
    }

    proptest! {
        #[test]
        fn the_same_as_the_reference(s in "([tTheAaSs' \u{2019}\\-.ΣσİK]|The |an |'s|s'){0,16}") {
            prop_assert_eq!(normalize_mention(&s), reference(&s));
        }

        #[test]
        fn the_same_as_the_reference_on_any_text(s in "\\PC{0,24}") {
            prop_assert_eq!(normalize_mention(&s), reference(&s));
        }

        #[test]
        fn the_first_words_begin_the_normal_form(s in "([tTheAaSs' \u{2019}\\-.ΣσİK]|The |an |'s|s'){0,16}", n in 1usize..4) {
            let mut first = String::new();
            super::normalize_words_into(&s, n, &mut first);
            let whole = reference(&s);
            let want: Vec<&str> = whole.split(' ').filter(|w| !w.is_empty()).take(n).collect();
            prop_assert_eq!(first, want.join(" "));
        }
    }

    #[test]
    fn normal_forms() {
        assert_eq!(normalize_mention("The Kremlin’s"), "kremlin");
        assert_eq!(normalize_mention("the U.S. Embassy"), "us embassy");
        assert_eq!(normalize_mention("  ISIS-K, "), "isis-k");
        assert_eq!(normalize_mention("A  State Department"), "state department");
        assert_eq!(normalize_mention("—"), "");
    }
}
