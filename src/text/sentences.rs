//! Paragraphs and a news-aware sentence splitter that keep byte offsets.
//!
//! Both splitters work in one left-to-right pass over the text (linear time, no
//! allocation per character) and only ever drop white space: the paragraphs of a text,
//! and the sentences of each paragraph, together with the white space between them,
//! reproduce the text byte for byte. Every offset lies on a `char` boundary.
//!
//! # Paragraphs
//!
//! * When the text has at least one blank line between two non-blank lines, paragraphs
//!   are the blocks separated by blank lines (so hard-wrapped copy keeps its paragraphs).
//! * Otherwise (scraped news usually puts one paragraph a line) each non-blank line is a
//!   paragraph.
//! * In either case a short line that is a block header, such as `Reuters:` or
//!   `Newsweek:` (see [`is_block_header`]), is a paragraph of its own.
//!
//! # Sentences
//!
//! A sentence may end at `.`, `!`, `?`, `…` or a run of them (`...`, `?!`). Closing
//! quotes and brackets right after the mark (`”`, `’`, `»`, `)`, `]`, and straight `"` or
//! `'` when not followed by a letter or digit) stay with the sentence they close, and
//! the mark (with its closers) must be followed by white space: `Amazon.com`, `3.14`,
//! `U.S.,` and `“no.”,` never end a sentence. Whether such a candidate really ends the
//! sentence is decided by `ends_sentence` from the word before the mark and the word
//! after it:
//!
//! 1. The next word starts with a lower-case letter: no break (`he said ... and then`,
//!    `Apple Inc. said`, `“Why?” he asked`). The next thing is another mark: no break
//!    (spaced ellipsis `. . .`).
//! 2. `!` and `?`: break.
//! 3. An ellipsis (`…`, `..`, `...`): break when a closing quote or bracket follows it,
//!    or when the next word is a common sentence opener (`The`, `He`, `But`, …; see
//!    `OPENERS`); otherwise it is taken as an elision inside a sentence.
//! 4. A single `.` after:
//!    * a title that always precedes a name (`Mr.`, `Mrs.`, `Ms.`, `Dr.`, `Prof.`,
//!      `Sen.`, `Rep.`, `Gov.`, `Gen.`, `Lt.`, `Col.`, `Sgt.`, `St.`, `Mt.`, …,
//!      capitalised): no break;
//!    * a month abbreviation, `No.`, `Nos.`, `Vol.`, `Fig.`, `Art.`, `Ch.`, `Sec.`, `p.`
//!      or `pp.` followed by a digit (`Jan. 5`, `No. 3`): no break;
//!    * an abbreviation that usually ends a phrase (`p.m.`, `a.m.`, `etc.`, `Inc.`,
//!      `Corp.`, `Co.`, `Ltd.`, `LLC.`, `Jr.`, `Sr.`, …): break before a capitalised word
//!      or a digit, except that `a.m.`/`p.m.` join a time zone (`5 p.m. ET`,
//!      `p.m. Moscow time`);
//!    * an abbreviation that often precedes a proper name (dotted acronyms such as
//!      `U.S.`, `U.K.`, `U.N.`, `D.C.`, `Ph.D.`, and `vs.`, `v.`, `e.g.`, `i.e.`, `cf.`):
//!      break only when the next word is a common sentence opener (`in the U.S. The
//!      report` breaks, `U.S. Embassy` and `Roe vs. Wade` do not);
//!    * a single capital letter, an initial (`John F. Kennedy`, `J. R. R. Tolkien`):
//!      like the previous case, and never before another initial;
//!    * any other word: break.
//!
//! A sentence longer than [`MAX_SENTENCE_BYTES`] is cut at the last white space before
//! the bound (or, with none in the piece, at the character boundary before it).
//!
//! Known limits of the heuristic: a capitalised name after a quoted question
//! (`“Why?” Smith asked.`) starts a new sentence; a sentence that starts with a
//! lower-case brand (`iPhone`, `eBay`) is joined to the previous one; `U.S.` at the end of
//! a sentence followed by a name (`... in the U.S. Russia said`) does not break.

use super::Span;
use serde::{Deserialize, Serialize};

/// The longest sentence in bytes: a longer one (a text without punctuation) is cut into
/// pieces at white space. News sentences stay far below it; the bound keeps the work of
/// the stages after the splitter, which compare the words of a sentence with each other,
/// linear in the length of the text.
pub const MAX_SENTENCE_BYTES: usize = 2_000;

/// One sentence of an article: its span and the paragraph it belongs to.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Sentence {
    /// The sentence's bytes in the article text, without surrounding white space.
    pub span: Span,
    /// Index of the paragraph (into `Article::paragraphs`).
    pub paragraph: usize,
}

/// The paragraphs of `text`, trimmed of white space and never empty.
///
/// Paragraphs are blocks of lines separated by blank lines; when the text has no blank
/// line between two non-blank lines, each non-blank line is its own paragraph (news copy
/// often puts one paragraph a line). A block header line such as `Reuters:` (see
/// [`is_block_header`]) is always a paragraph of its own.
pub fn paragraphs(text: &str) -> Vec<Span> {
    let lines = lines(text);
    let blank_separated = has_inner_blank_line(&lines);
    let mut out = Vec::new();
    // The non-blank lines of the block being collected, as an untrimmed span.
    let mut block: Option<Span> = None;
    let flush = |block: &mut Option<Span>, out: &mut Vec<Span>| {
        if let Some(b) = block.take() {
            let b = b.trim(text);
            if !b.is_empty() {
                out.push(b);
            }
        }
    };
    for line in lines {
        if line.blank {
            flush(&mut block, &mut out);
        } else if !blank_separated || is_block_header(line.span.slice(text)) {
            flush(&mut block, &mut out);
            block = Some(line.span);
            flush(&mut block, &mut out);
        } else {
            block = Some(match block {
                Some(b) => b.cover(line.span),
                None => line.span,
            });
        }
    }
    flush(&mut block, &mut out);
    out
}

/// One line of a text: its span (with the line break) and whether it is blank.
struct Line {
    span: Span,
    blank: bool,
}

/// The lines of `text`, split after each `\n`.
fn lines(text: &str) -> Vec<Line> {
    let mut out = Vec::new();
    let mut start = 0;
    for line in text.split_inclusive('\n') {
        out.push(Line {
            span: Span::new(start, start + line.len()),
            blank: line.trim().is_empty(),
        });
        start += line.len();
    }
    out
}

/// True when a blank line stands between two non-blank lines.
fn has_inner_blank_line(lines: &[Line]) -> bool {
    let Some(first) = lines.iter().position(|l| !l.blank) else {
        return false;
    };
    let Some(last) = lines.iter().rposition(|l| !l.blank) else {
        return false;
    };
    lines
        .get(first..last)
        .is_some_and(|inner| inner.iter().any(|l| l.blank))
}

/// True when `line` is a short block header that stands on its own line, such as
/// `Reuters:`, `Newsweek:` or `Read more:`: at most five words, ending in a colon, with
/// at least one letter, and not starting with a lower-case letter.
pub fn is_block_header(line: &str) -> bool {
    let line = line.trim();
    let Some(body) = line.strip_suffix(':') else {
        return false;
    };
    let words = body.split_whitespace().count();
    let starts_lower = body
        .chars()
        .find(|c| c.is_alphanumeric())
        .is_some_and(char::is_lowercase);
    (1..=5).contains(&words) && body.chars().any(char::is_alphabetic) && !starts_lower
}

/// The sentences of `text`, paragraph by paragraph, trimmed of white space and never
/// empty. Paragraph spans that do not fall on character boundaries inside `text` yield
/// no sentence.
pub fn sentences(text: &str, paragraphs: &[Span]) -> Vec<Sentence> {
    let mut out = Vec::new();
    for (i, p) in paragraphs.iter().enumerate() {
        out.extend(
            sentence_spans(text, *p)
                .into_iter()
                .map(|span| Sentence { span, paragraph: i }),
        );
    }
    out
}

/// The sentences inside `span` of `text` (normally one paragraph), trimmed of white space
/// and never empty; empty when `span` does not fall on character boundaries in `text`.
pub fn sentence_spans(text: &str, span: Span) -> Vec<Span> {
    let body = span.slice(text);
    let mut out = Vec::new();
    let mut start = 0;
    let push_one = |from: usize, to: usize, out: &mut Vec<Span>| {
        let s = Span::new(span.start + from, span.start + to).trim(text);
        if !s.is_empty() {
            out.push(s);
        }
    };
    // a sentence over the bound is cut at the last white space before it, or inside a
    // word when a whole piece has none, so that no later stage meets an unbounded sentence
    let push = |mut from: usize, to: usize, out: &mut Vec<Span>| {
        while to - from > MAX_SENTENCE_BYTES {
            let mut limit = from + MAX_SENTENCE_BYTES;
            while !body.is_char_boundary(limit) {
                limit -= 1;
            }
            let cut = body[from..limit]
                .rfind(char::is_whitespace)
                .map(|k| from + k)
                .filter(|&k| k > from)
                .unwrap_or(limit);
            push_one(from, cut, out);
            from = cut;
        }
        push_one(from, to, out);
    };
    let mut i = 0;
    while let Some(c) = char_at(body, i) {
        if !is_mark(c) {
            i += c.len_utf8();
            continue;
        }
        let candidate = scan_candidate(body, i);
        if candidate.end >= body.len() {
            break;
        }
        let followed_by_space = char_at(body, candidate.end).is_some_and(char::is_whitespace);
        if followed_by_space && ends_sentence(body, &candidate) {
            push(start, candidate.end, &mut out);
            start = candidate.end;
        }
        // `scan_candidate` always consumes at least the mark itself.
        i = candidate.end;
    }
    push(start, body.len(), &mut out);
    out
}

/// A possible sentence end: a run of marks and the closers after it, as byte offsets
/// into a paragraph.
struct Candidate {
    /// Offset of the first mark.
    mark_start: usize,
    /// Offset one past the last mark of the first run (before any closer).
    mark_end: usize,
    /// Offset one past the last mark or closer.
    end: usize,
}

/// Reads the run of marks starting at `at` (which holds a mark) and the closing quotes,
/// brackets and further marks right after it.
fn scan_candidate(body: &str, at: usize) -> Candidate {
    let mut j = at;
    while let Some(c) = char_at(body, j).filter(|c| is_mark(*c)) {
        j += c.len_utf8();
    }
    let mark_end = j;
    while let Some(c) = char_at(body, j) {
        let closes = is_closer(c)
            || is_mark(c)
            || (matches!(c, '"' | '\'')
                && !char_at(body, j + 1).is_some_and(char::is_alphanumeric));
        if !closes {
            break;
        }
        j += c.len_utf8();
    }
    Candidate {
        mark_start: at,
        mark_end,
        end: j,
    }
}

/// Decides whether the candidate ends a sentence; see the module documentation for the
/// rules. `body` is the paragraph text and the candidate is followed by white space.
fn ends_sentence(body: &str, cand: &Candidate) -> bool {
    let after = body.get(cand.end..).unwrap_or("");
    let after = after.trim_start();
    // A spaced ellipsis (`. . .`) or a stray mark: wait for the last one.
    if after.chars().next().is_some_and(is_mark) {
        return false;
    }
    let next = after.trim_start_matches(is_opener);
    let Some(first) = next.chars().next() else {
        return true;
    };
    if first.is_whitespace() {
        // Only openers (such as a dash) between here and the next word.
        return true;
    }
    if first.is_lowercase() {
        return false;
    }
    let marks = body.get(cand.mark_start..cand.mark_end).unwrap_or("");
    if marks.contains(['!', '?']) {
        return true;
    }
    let next_key = leading_word(next);
    let opener = OPENERS.contains(&next_key);
    if marks != "." {
        // An ellipsis: a closing mark after it, or a common opener, ends the sentence.
        return cand.end > cand.mark_end || opener;
    }
    let prev = previous_word(body, cand.mark_start);
    if prev.is_empty() {
        return true;
    }
    let capitalised = prev.chars().next().is_some_and(char::is_uppercase);
    if capitalised && is_in(prev, TITLES) {
        return false;
    }
    if first.is_ascii_digit() && is_in(prev, BEFORE_NUMBERS) {
        return false;
    }
    if is_in(prev, PHRASE_ENDINGS) {
        let time = prev.eq_ignore_ascii_case("a.m") || prev.eq_ignore_ascii_case("p.m");
        return !(time && is_time_zone(next));
    }
    let initial = {
        let mut cs = prev.chars();
        matches!((cs.next(), cs.next()), (Some(c), None) if c.is_uppercase())
    };
    if initial {
        return opener && !is_initial(next);
    }
    if is_in(prev, BEFORE_NAMES) || is_dotted_acronym(prev) {
        return opener;
    }
    true
}

/// Sentence marks: `.`, `!`, `?` and the ellipsis character.
fn is_mark(c: char) -> bool {
    matches!(c, '.' | '!' | '?' | '…')
}

/// Closing quotes and brackets that stay with the sentence they close. Straight quotes
/// are handled separately, since they also open quotations.
fn is_closer(c: char) -> bool {
    matches!(c, '”' | '’' | '»' | '›' | ')' | ']' | '}')
}

/// Characters that may come before the first word of a sentence or a word.
fn is_opener(c: char) -> bool {
    matches!(
        c,
        '“' | '‘' | '"' | '\'' | '«' | '‹' | '(' | '[' | '{' | '¿' | '¡' | '—' | '–' | '-'
    )
}

/// The character at byte offset `i` of `s`, if `i` is a character boundary inside `s`.
fn char_at(s: &str, i: usize) -> Option<char> {
    s.get(i..).and_then(|rest| rest.chars().next())
}

/// The word that ends at byte offset `end` of `body`: back to the previous white space,
/// without leading opening quotes or brackets (`“Mr.` gives `Mr`, `p.m.` gives `p.m`).
fn previous_word(body: &str, end: usize) -> &str {
    let before = body.get(..end).unwrap_or("");
    let start = before
        .char_indices()
        .rev()
        .find(|(_, c)| c.is_whitespace())
        .map_or(0, |(i, c)| i + c.len_utf8());
    before
        .get(start..)
        .unwrap_or("")
        .trim_start_matches(is_opener)
}

/// The leading run of letters of `s` (`However,` gives `However`, `It’s` gives `It`).
fn leading_word(s: &str) -> &str {
    let end = s
        .char_indices()
        .find(|(_, c)| !c.is_alphabetic())
        .map_or(s.len(), |(i, _)| i);
    s.get(..end).unwrap_or("")
}

/// True when `s` starts with an initial: one capital letter and a period (`R. Tolkien`).
fn is_initial(s: &str) -> bool {
    let mut cs = s.chars();
    matches!((cs.next(), cs.next()), (Some(c), Some('.')) if c.is_uppercase())
}

/// True when `s` starts with a time zone that may follow `a.m.` or `p.m.`, or with a
/// capitalised word followed by `time` (`Moscow time`).
fn is_time_zone(s: &str) -> bool {
    let word = leading_word(s);
    if TIME_ZONES.contains(&word) {
        return true;
    }
    let rest = s.get(word.len()..).unwrap_or("");
    let after = rest.trim_start();
    after.len() < rest.len() && leading_word(after) == "time"
}

/// True when `word` is a dotted acronym such as `U.S`, `D.C`, `Ph.D` or `N.Y` (the final
/// period excluded): at least two parts separated by periods, each of one to three
/// letters.
fn is_dotted_acronym(word: &str) -> bool {
    word.contains('.')
        && word.split('.').all(|part| {
            let n = part.chars().count();
            (1..=3).contains(&n) && part.chars().all(char::is_alphabetic)
        })
}

/// Case-insensitive membership of `word` in a list of ASCII abbreviations.
fn is_in(word: &str, list: &[&str]) -> bool {
    list.iter().any(|a| a.eq_ignore_ascii_case(word))
}

/// Titles and abbreviations that always precede a name (matched when capitalised).
const TITLES: &[&str] = &[
    "Mr", "Mrs", "Ms", "Mx", "Messrs", "Dr", "Prof", "Sen", "Sens", "Rep", "Reps", "Gov", "Gen",
    "Lt", "Col", "Sgt", "Maj", "Capt", "Cpt", "Cmdr", "Adm", "Cpl", "Pvt", "Brig", "Rev", "Hon",
    "Pres", "Supt", "Insp", "Det", "Fr", "St", "Ste", "Mt", "Ft",
];

/// Abbreviations that do not end a sentence when a number follows (`Jan. 5`, `No. 3`).
const BEFORE_NUMBERS: &[&str] = &[
    "Jan", "Feb", "Mar", "Apr", "Jun", "Jul", "Aug", "Sep", "Sept", "Oct", "Nov", "Dec", "No",
    "Nos", "Vol", "Fig", "Art", "Ch", "Sec", "p", "pp",
];

/// Abbreviations that usually end a phrase: a sentence ends after them when a
/// capitalised word or a number follows.
const PHRASE_ENDINGS: &[&str] = &[
    "a.m", "p.m", "etc", "Inc", "Corp", "Co", "Ltd", "LLC", "Plc", "Bros", "al", "Jr", "Sr",
];

/// Abbreviations that often precede a proper name: a sentence ends after them only when
/// a common sentence opener follows. Dotted acronyms (`U.S.`) are treated alike.
const BEFORE_NAMES: &[&str] = &["vs", "v", "e.g", "i.e", "cf", "approx", "ca"];

/// Time zones that may follow `a.m.` and `p.m.` without starting a sentence.
const TIME_ZONES: &[&str] = &[
    "ET", "EST", "EDT", "CT", "CST", "CDT", "MT", "MST", "MDT", "PT", "PST", "PDT", "GMT", "UTC",
    "BST", "CET", "CEST", "EET", "EEST", "MSK", "IST", "JST", "AEST", "AEDT", "Eastern", "Central",
    "Mountain", "Pacific",
];

/// Capitalised words that commonly start a sentence in news copy and rarely continue a
/// proper name, used to decide the ambiguous cases (`U.S.`, initials, ellipses).
const OPENERS: &[&str] = &[
    "A",
    "An",
    "The",
    "This",
    "That",
    "These",
    "Those",
    "It",
    "Its",
    "He",
    "She",
    "They",
    "We",
    "I",
    "You",
    "His",
    "Her",
    "Their",
    "Our",
    "My",
    "Your",
    "There",
    "Here",
    "But",
    "And",
    "Or",
    "So",
    "Yet",
    "Nor",
    "In",
    "On",
    "At",
    "For",
    "From",
    "With",
    "Without",
    "By",
    "As",
    "To",
    "Of",
    "After",
    "Before",
    "When",
    "While",
    "Where",
    "What",
    "Why",
    "How",
    "Who",
    "Which",
    "If",
    "Although",
    "Though",
    "Because",
    "Since",
    "Until",
    "Unless",
    "However",
    "Meanwhile",
    "Moreover",
    "Furthermore",
    "Still",
    "Also",
    "Then",
    "Now",
    "Today",
    "Yesterday",
    "Tomorrow",
    "Last",
    "Next",
    "Earlier",
    "Later",
    "According",
    "Some",
    "Many",
    "Most",
    "Several",
    "Both",
    "All",
    "Each",
    "Every",
    "Other",
    "Others",
    "Another",
    "Such",
    "No",
    "Not",
    "None",
    "One",
    "Instead",
    "Despite",
    "During",
    "Under",
    "Over",
    "Among",
    "About",
    "Mr",
    "Mrs",
    "Ms",
    "Yes",
    "Even",
    "Only",
];

#[cfg(test)]
mod tests;
