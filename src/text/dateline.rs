//! Datelines and wire credits at the head of a paragraph: "MOSCOW (AP) —", "GENEVA,
//! (Reuters) –", "CNN —", "KYIV, Ukraine —", "MOSCOW, June 6. /TASS/." They say where and
//! by whom a story was filed, so they are neither a claim nor part of a speaker's name.

/// Month names and their usual abbreviations, as a dateline writes them.
const MONTHS: &[&str] = &[
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
    "Jan.",
    "Feb.",
    "Mar.",
    "Apr.",
    "Jun.",
    "Jul.",
    "Aug.",
    "Sept.",
    "Sep.",
    "Oct.",
    "Nov.",
    "Dec.",
];

/// The most bytes of a paragraph's head a dateline may take.
const LONGEST: usize = 160;

/// Whether `w` is a word of a place in capitals ("MOSCOW", "D.C.", "AL-ARISH", "U.S."): two
/// letters or more, every letter upper case.
fn capital_word(w: &str) -> bool {
    let letters = w.chars().filter(|c| c.is_alphabetic()).count();
    letters >= 2
        && w.chars()
            .all(|c| c.is_uppercase() || matches!(c, '.' | '-' | '\'' | '’'))
}

/// The number of bytes of the dateline that opens `para` (up to the first word after it),
/// or `None` when the paragraph does not open with one. A dateline is a place in capitals,
/// optionally followed by a region and a wire credit in parentheses, then a dash; or a place
/// in capitals, a comma and a date ending in a full stop, optionally with a credit between
/// slashes.
pub fn dateline(para: &str) -> Option<usize> {
    // a dateline is short: only the paragraph's head is read, whatever its length
    let mut head = para.len().min(LONGEST);
    while !para.is_char_boundary(head) {
        head -= 1;
    }
    let para = &para[..head];
    let bytes = para.as_bytes();
    let mut i = 0;
    let skip_spaces = |mut i: usize| {
        while i < bytes.len() && bytes[i] == b' ' {
            i += 1;
        }
        i
    };
    let word_end = |i: usize| {
        para[i..]
            .find(|c: char| c.is_whitespace() || c == ',' || c == '(')
            .map_or(para.len(), |k| i + k)
    };
    // the place: one or more words in capitals
    let mut words = 0;
    loop {
        let e = word_end(i);
        if e == i || !capital_word(&para[i..e]) {
            break;
        }
        words += 1;
        i = skip_spaces(e);
        if words == 4 {
            break;
        }
    }
    if words == 0 {
        return None;
    }
    if para[i..].starts_with(',') {
        i = skip_spaces(i + 1);
        // a date: "June 6." (then maybe "/TASS/.")
        let e = word_end(i);
        if MONTHS.contains(&&para[i..e]) {
            let d = skip_spaces(e);
            let digits = para[d..].bytes().take_while(u8::is_ascii_digit).count();
            if (1..=2).contains(&digits) && para[d + digits..].starts_with('.') {
                let mut j = skip_spaces(d + digits + 1);
                if para[j..].starts_with('/') {
                    if let Some(k) = para[j + 1..].find('/').filter(|&k| k <= 20) {
                        j = j + 1 + k + 1;
                        if para[j..].starts_with('.') {
                            j += 1;
                        }
                        j = skip_spaces(j);
                    }
                }
                return Some(j);
            }
            return None;
        }
        // a region: "KYIV, Ukraine —", "WASHINGTON, D.C. (AP) —"
        let mut k = i;
        for _ in 0..3 {
            let e = word_end(k);
            let w = &para[k..e];
            if w.is_empty() || !w.starts_with(char::is_uppercase) {
                break;
            }
            k = skip_spaces(e);
        }
        i = k;
        if para[i..].starts_with(',') {
            i = skip_spaces(i + 1);
        }
    }
    // a wire credit: "(AP)", "(Reuters)"
    if para[i..].starts_with('(') {
        let close = para[i..].find(')').filter(|&k| k <= 30)?;
        i = skip_spaces(i + close + 1);
        if para[i..].starts_with(',') {
            i = skip_spaces(i + 1);
        }
    }
    let dash = ['—', '–', '-']
        .into_iter()
        .find(|d| para[i..].starts_with(*d))?;
    let after = i + dash.len_utf8();
    // a hyphen only counts with space on both sides: "AL-ARISH" is a word
    if !para[after..].starts_with(char::is_whitespace) {
        return None;
    }
    let j = after + para[after..].len() - para[after..].trim_start().len();
    (j < para.len()).then_some(j)
}

#[cfg(test)]
mod tests {
    use super::dateline;

    fn rest(p: &str) -> Option<&str> {
        dateline(p).map(|n| &p[n..])
    }

    #[test]
    fn datelines_and_wire_credits_are_found() {
        assert_eq!(rest("MOSCOW (AP) — Officials said"), Some("Officials said"));
        assert_eq!(
            rest("GENEVA, (Reuters) – The agency said"),
            Some("The agency said")
        );
        assert_eq!(rest("CNN — The ministry said"), Some("The ministry said"));
        assert_eq!(
            rest("KYIV, Ukraine — Officials said"),
            Some("Officials said")
        );
        assert_eq!(
            rest("NEW YORK (Reuters) - Shares fell"),
            Some("Shares fell")
        );
        assert_eq!(
            rest("MOSCOW, June 6. /TASS/. The ministry said"),
            Some("The ministry said")
        );
        assert_eq!(rest("MOSCOW, June 6."), Some(""));
        assert_eq!(
            rest("WASHINGTON, D.C. (AP) — A judge ruled"),
            Some("A judge ruled")
        );
    }

    #[test]
    fn ordinary_openings_are_not_datelines() {
        for p in [
            "Officials said the bridge was closed.",
            "The AP reported that — as expected — talks failed.",
            "AL-ARISH is a city in Egypt.",
            "NATO said on Monday that it would meet.",
            "Moscow (AP) — lower case is a sentence, not a dateline",
            "",
            "US",
        ] {
            assert_eq!(dateline(p), None, "{p}");
        }
    }
}
