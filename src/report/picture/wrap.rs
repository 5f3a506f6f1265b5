//! Line breaking for labels, by any measure of width.

/// Splits text into lines no wider than `max` by `measure`, at most `lines` of them, the
/// last ending in "…" when text was left out. Whitespace, newlines included, is folded;
/// a word too wide for a line is cut.
pub(crate) fn wrap(
    text: &str,
    max: f64,
    lines: usize,
    measure: impl Fn(&str) -> f64,
) -> Vec<String> {
    let mut out: Vec<String> = Vec::new();
    let mut cur = String::new();
    let words = text.split_whitespace();
    let mut cut = false;
    for w in words {
        let candidate = if cur.is_empty() {
            w.to_string()
        } else {
            format!("{cur} {w}")
        };
        if measure(&candidate) <= max {
            cur = candidate;
            continue;
        }
        if !cur.is_empty() {
            out.push(std::mem::take(&mut cur));
            if out.len() == lines {
                cut = true;
                break;
            }
        }
        // the word alone: cut it into pieces that fit
        let mut piece = String::new();
        for ch in w.chars() {
            piece.push(ch);
            if measure(&piece) > max && piece.chars().count() > 1 {
                piece.pop();
                out.push(std::mem::take(&mut piece));
                piece.push(ch);
                if out.len() == lines {
                    cut = true;
                    break;
                }
            }
        }
        if cut {
            break;
        }
        cur = piece;
    }
    if !cut && !cur.is_empty() {
        if out.len() == lines {
            cut = true;
        } else {
            out.push(cur);
        }
    }
    if cut {
        if let Some(last) = out.last_mut() {
            loop {
                let with = format!("{last}…");
                if measure(&with) <= max || last.is_empty() {
                    *last = with;
                    break;
                }
                // drop the last word, or the last character of a single word
                match last.rfind(' ') {
                    Some(i) => last.truncate(i),
                    None => {
                        last.pop();
                    }
                }
            }
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn chars(s: &str) -> f64 {
        s.chars().count() as f64
    }

    #[test]
    fn wrap_keeps_short_text_whole() {
        assert_eq!(wrap("a b c", 10.0, 2, chars), vec!["a b c"]);
        assert!(wrap("   ", 10.0, 2, chars).is_empty());
    }

    #[test]
    fn wrap_breaks_at_words_and_marks_the_cut() {
        let w = wrap("one two three four five six", 9.0, 2, chars);
        assert_eq!(w, vec!["one two", "three…"]);
        let w = wrap("one\ntwo  three", 20.0, 3, chars);
        assert_eq!(w, vec!["one two three"]);
    }

    #[test]
    fn wrap_cuts_long_words() {
        let w = wrap("abcdefghij", 4.0, 5, chars);
        assert_eq!(w, vec!["abcd", "efgh", "ij"]);
        let w = wrap("abcdefghij", 4.0, 2, chars);
        assert_eq!(w, vec!["abcd", "efg…"]);
    }
}
