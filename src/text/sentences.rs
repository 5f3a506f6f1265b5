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
mod tests {
    use super::*;
    use proptest::prelude::*;

    /// The sentence texts of `text`, split into paragraphs first.
    fn texts(text: &str) -> Vec<&str> {
        let paras = paragraphs(text);
        sentences(text, &paras)
            .iter()
            .map(|s| s.span.slice(text))
            .collect()
    }

    /// The paragraph texts of `text`.
    fn para_texts(text: &str) -> Vec<&str> {
        paragraphs(text).iter().map(|p| p.slice(text)).collect()
    }

    /// Asserts that `text` is one sentence.
    fn one(text: &str) {
        assert_eq!(texts(text), vec![text], "should be one sentence");
    }

    #[test]
    fn a_sentence_over_the_bound_is_cut_at_white_space() {
        let line = "kalo merti ".repeat(1_000);
        let got = texts(&line);
        assert!(
            got.len() >= line.len() / MAX_SENTENCE_BYTES,
            "{}",
            got.len()
        );
        assert!(got.iter().all(|s| s.len() <= MAX_SENTENCE_BYTES));
        // only white space is dropped, and no word is cut
        assert_eq!(got.concat().len() + got.len() - 1, line.trim_end().len());
        assert!(got
            .iter()
            .all(|s| s.split(' ').all(|w| w == "kalo" || w == "merti")));
        // a piece without white space is cut at a character boundary
        let word = "é".repeat(MAX_SENTENCE_BYTES);
        let got = texts(&word);
        assert_eq!(got.len(), 2);
        assert_eq!(got.concat(), word);
    }

    #[test]
    fn basic_marks() {
        assert_eq!(
            texts("One. Two! Three? Four"),
            vec!["One.", "Two!", "Three?", "Four"]
        );
        assert_eq!(texts("What?! No."), vec!["What?!", "No."]);
        assert_eq!(texts("  Padded.   Text.  "), vec!["Padded.", "Text."]);
    }

    #[test]
    fn closing_quotes_stay_with_the_sentence() {
        assert_eq!(
            texts("He said “no.” Then he left."),
            vec!["He said “no.”", "Then he left."]
        );
        assert_eq!(
            texts("The FSB stated that “... neutralized.” The report said more."),
            vec![
                "The FSB stated that “... neutralized.”",
                "The report said more."
            ]
        );
        assert_eq!(
            texts("He said \"no.\" Then he left."),
            vec!["He said \"no.\"", "Then he left."]
        );
        assert_eq!(
            texts("He said 'no.' Then he left."),
            vec!["He said 'no.'", "Then he left."]
        );
        assert_eq!(
            texts("He said ‘no.’ Then he left."),
            vec!["He said ‘no.’", "Then he left."]
        );
        assert_eq!(
            texts("(He declined to comment.) The talks ended."),
            vec!["(He declined to comment.)", "The talks ended."]
        );
        assert_eq!(
            texts("It was “a threat”. Officials agreed."),
            vec!["It was “a threat”.", "Officials agreed."]
        );
        assert_eq!(
            texts("He asked: “Why now?” Nobody knew."),
            vec!["He asked: “Why now?”", "Nobody knew."]
        );
    }

    #[test]
    fn quote_followed_by_lower_case_continues() {
        one("“Why now?” he asked.");
        one("“We won!” she said.");
        one("“It is over,” he said.");
        one("They called it “neutralized.”, a euphemism.");
    }

    #[test]
    fn straight_quote_opening_next_sentence() {
        assert_eq!(
            texts("He left. \"We will stay,\" she said."),
            vec!["He left.", "\"We will stay,\" she said."]
        );
    }

    #[test]
    fn country_abbreviations() {
        one("The U.S. Embassy in Moscow sent out an alert.");
        one("Officials in the U.S., U.K., and other entities met.");
        one("The U.N. Security Council and the U.K. government agreed.");
        one("There was “no greater priority than the safety of U.S. Citizens overseas.”");
        assert_eq!(
            texts("He lives in the U.S. The rest of his family does not."),
            vec!["He lives in the U.S.", "The rest of his family does not."]
        );
    }

    #[test]
    fn titles_always_join() {
        one("Mr. Smith met Mrs. Jones and Ms. Lee.");
        one("Dr. Adams and Prof. Baker spoke.");
        one("Sen. Warren, Rep. Ocasio-Cortez and Gov. Newsom replied.");
        one("Gen. Milley and Lt. Gen. Smith arrived with Col. Brown and Sgt. Pepper.");
        one("He flew to St. Petersburg on Monday.");
        one("Then Mr. The is a strange name.");
    }

    #[test]
    fn months_and_numbers() {
        one("It happened on Jan. 5 in the morning.");
        one("Between Feb. 28 and Sept. 3 and Dec. 31 nothing happened.");
        one("He was ranked No. 3 in the world.");
        assert_eq!(
            texts("It was in Jan. The next month was calm."),
            vec!["It was in Jan.", "The next month was calm."]
        );
        assert_eq!(texts("No. It is not."), vec!["No.", "It is not."]);
    }

    #[test]
    fn initials() {
        one("John F. Kennedy was president.");
        one("J. R. R. Tolkien wrote books.");
        one("Mark J. A. Smith spoke.");
        assert_eq!(
            texts("They chose Plan B. The others left."),
            vec!["They chose Plan B.", "The others left."]
        );
    }

    #[test]
    fn numbers_and_domains() {
        one("Prices rose 2.5 percent and pi is 3.14 today.");
        one("Amazon.com and news.example.org reported it.");
        assert_eq!(
            texts("He shopped at Amazon.com. The order came."),
            vec!["He shopped at Amazon.com.", "The order came."]
        );
        assert_eq!(
            texts("Sales rose 5. Then they fell."),
            vec!["Sales rose 5.", "Then they fell."]
        );
    }

    #[test]
    fn times() {
        one("It ended at 5 p.m. on Tuesday.");
        one("It starts at 9 a.m. ET and ends at 5 p.m. Moscow time.");
        assert_eq!(
            texts("It ended at 5 p.m. The next day it resumed."),
            vec!["It ended at 5 p.m.", "The next day it resumed."]
        );
        assert_eq!(
            texts("It began at 9 a.m. Police arrived later."),
            vec!["It began at 9 a.m.", "Police arrived later."]
        );
    }

    #[test]
    fn company_suffixes_and_latin() {
        one("Apple Inc. said sales rose.");
        one("Acme Corp. and Widget Co. and Foo Ltd. agreed.");
        one("Cats vs. dogs, apples etc. were discussed.");
        one("The case of Roe vs. Wade was cited.");
        one("Some states, e.g. Texas, objected.");
        assert_eq!(
            texts("It was bought by Apple Inc. The deal closed."),
            vec!["It was bought by Apple Inc.", "The deal closed."]
        );
        assert_eq!(
            texts("They sold apples, pears, etc. Prices rose."),
            vec!["They sold apples, pears, etc.", "Prices rose."]
        );
    }

    #[test]
    fn ellipses() {
        one("He said ... and then he left.");
        one("He said … and then he left.");
        one("He said . . . and then he left.");
        one("The FSB stated that “active search measures ... using firearms.”");
        assert_eq!(
            texts("He paused... Then he left."),
            vec!["He paused...", "Then he left."]
        );
        assert_eq!(
            texts("He paused… But he stayed."),
            vec!["He paused…", "But he stayed."]
        );
        assert_eq!(
            texts("He said “we will see…” Nobody replied."),
            vec!["He said “we will see…”", "Nobody replied."]
        );
        one("The group ... Moscow residents ... was arrested.");
    }

    #[test]
    fn block_headers() {
        assert!(is_block_header("Reuters:"));
        assert!(is_block_header("  Newsweek:  "));
        assert!(is_block_header("Read more on this:"));
        assert!(!is_block_header("he said:"));
        assert!(!is_block_header(":"));
        assert!(!is_block_header("Reuters"));
        assert!(!is_block_header(
            "The post on the social network reads as follows:"
        ));
        let text = "First paragraph line one.\nReuters:\nSecond paragraph.\n\nThird.";
        assert_eq!(
            para_texts(text),
            vec![
                "First paragraph line one.",
                "Reuters:",
                "Second paragraph.",
                "Third."
            ]
        );
        assert_eq!(
            texts(text),
            vec![
                "First paragraph line one.",
                "Reuters:",
                "Second paragraph.",
                "Third."
            ]
        );
    }

    #[test]
    fn paragraphs_by_blank_lines() {
        let text = "\n\nA wrapped\nparagraph. Two.\n\n  \r\n\nSecond\r\nblock.\n\n";
        assert_eq!(
            para_texts(text),
            vec!["A wrapped\nparagraph. Two.", "Second\r\nblock."]
        );
        assert_eq!(
            texts(text),
            vec!["A wrapped\nparagraph.", "Two.", "Second\r\nblock."]
        );
        let s = sentences(text, &paragraphs(text));
        assert_eq!(
            s.iter().map(|s| s.paragraph).collect::<Vec<_>>(),
            vec![0, 0, 1]
        );
    }

    #[test]
    fn paragraphs_one_per_line() {
        let text = "\nFirst line.\r\nSecond line.\n   \nThird line.\n";
        // The only blank line is between two lines: blocks.
        assert_eq!(
            para_texts(text),
            vec!["First line.\r\nSecond line.", "Third line."]
        );
        let text = "First line.\r\nSecond line.\nThird line.\n\n";
        assert_eq!(
            para_texts(text),
            vec!["First line.", "Second line.", "Third line."]
        );
    }

    #[test]
    fn degenerate_inputs() {
        assert!(paragraphs("").is_empty());
        assert!(texts("").is_empty());
        assert!(paragraphs(" \n\t\n \u{a0} ").is_empty());
        assert_eq!(texts("..."), vec!["..."]);
        assert_eq!(texts(". . ."), vec![". . ."]);
        assert_eq!(texts("?!. ”"), vec!["?!.", "”"]);
        assert_eq!(texts("“"), vec!["“"]);
        assert_eq!(
            texts("日本語。 Ünïcödé. É!"),
            vec!["日本語。 Ünïcödé.", "É!"]
        );
        // Spans off character boundaries or outside the text give nothing.
        let t = "é. A.";
        assert!(sentences(t, &[Span::new(1, 5)]).is_empty());
        assert!(sentences(t, &[Span::new(3, 99)]).is_empty());
    }

    #[test]
    fn seed_article() {
        let dir = std::path::Path::new(env!("CARGO_MANIFEST_DIR"))
            .join("..")
            .join("shared")
            .join("seeds");
        let path = dir.join("000_50050480748ae6bf.txt");
        let Ok(text) = std::fs::read_to_string(&path) else {
            eprintln!("skipping: seed article {} not found", path.display());
            return;
        };
        let paras = paragraphs(&text);
        let sents = sentences(&text, &paras);
        check_tiling(&text, &paras);
        check_sentences(&text, &paras, &sents);
        let para_texts: Vec<&str> = paras.iter().map(|p| p.slice(&text)).collect();
        let sent_texts: Vec<&str> = sents.iter().map(|s| s.span.slice(&text)).collect();
        assert!(para_texts.contains(&"Reuters:"));
        assert!(para_texts.contains(&"Newsweek:"));
        assert!(sent_texts.contains(&"Reuters:"));
        assert!(sent_texts.contains(&"Newsweek:"));
        assert!(sent_texts.contains(
            &"The warning this week prompted some of Putin’s allies to claim that the U.S., \
              U.K., and other entities were planning terror attacks against Russia."
        ));
        assert!(sent_texts.contains(
            &"The FSB stated that “active search measures established they were militants \
              from an international terrorist group preparing to attack a congregation of a \
              Synagogue using firearms.”"
        ));
        assert!(sent_texts.contains(
            &"A State Department spokesperson said to Newsweek there was “no greater \
              priority than the safety of U.S. Citizens overseas.”"
        ));
        assert!(sent_texts.contains(
            &"The FSB stated that the cell was “preparing to use firearms to attack \
              congregants at a synagogue”."
        ));
        assert!(sent_texts.contains(&"The two threats may not be connected."));
        assert!(sent_texts
            .iter()
            .all(|s| !s.ends_with("U.S.") && !s.ends_with("U.K.")));
    }

    #[test]
    fn large_input_is_fast_enough() {
        // Linear time: 4 MB of dense, tricky text stays well within a debug-build budget.
        let unit = "Mr. A. B. Smith said “no... U.S. 5 p.m.” Then ... . . . Amazon.com. ";
        let text = unit.repeat(4_000_000 / unit.len());
        let start = std::time::Instant::now();
        let paras = paragraphs(&text);
        let sents = sentences(&text, &paras);
        assert!(!sents.is_empty());
        assert!(start.elapsed().as_secs() < 30);
        let dots = ".".repeat(1_000_000) + " " + &"“".repeat(100_000) + "\n";
        let paras = paragraphs(&dots);
        // the two sentences, cut into pieces of the longest sentence's size
        let got = sentences(&dots, &paras);
        assert!(got
            .iter()
            .all(|s| s.span.slice(&dots).len() <= MAX_SENTENCE_BYTES));
        let bytes: usize = got.iter().map(|s| s.span.slice(&dots).len()).sum();
        assert_eq!(bytes, 1_300_000);
        assert!(got.len() <= 1_300_000 / (MAX_SENTENCE_BYTES - 3) + 2);
    }

    /// Asserts that `spans` are in order, non-empty, trimmed, on character boundaries,
    /// and that with the white space between them they reproduce `text` exactly.
    fn check_tiling(text: &str, spans: &[Span]) {
        let mut rebuilt = String::new();
        let mut pos = 0;
        for s in spans {
            assert!(
                s.start >= pos && s.end > s.start && s.end <= text.len(),
                "{s:?}"
            );
            assert!(text.is_char_boundary(s.start) && text.is_char_boundary(s.end));
            let gap = &text[pos..s.start];
            assert!(gap.chars().all(char::is_whitespace), "gap {gap:?}");
            let body = &text[s.start..s.end];
            assert_eq!(body.trim(), body);
            rebuilt.push_str(gap);
            rebuilt.push_str(body);
            pos = s.end;
        }
        let tail = &text[pos..];
        assert!(tail.chars().all(char::is_whitespace), "tail {tail:?}");
        rebuilt.push_str(tail);
        assert_eq!(rebuilt, text);
    }

    /// Asserts the invariants of `sentences` over `paras`.
    fn check_sentences(text: &str, paras: &[Span], sents: &[Sentence]) {
        let spans: Vec<Span> = sents.iter().map(|s| s.span).collect();
        check_tiling(text, &spans);
        let mut last = 0;
        for s in sents {
            assert!(s.paragraph >= last);
            last = s.paragraph;
            assert!(paras[s.paragraph].contains(s.span));
        }
        for (i, p) in paras.iter().enumerate() {
            assert!(sents.iter().any(|s| s.paragraph == i), "paragraph {p:?}");
        }
    }

    /// News-like text: words, abbreviations, quotes, marks, line breaks and multi-byte
    /// characters, mixed with arbitrary strings.
    fn newsish() -> impl Strategy<Value = String> {
        let piece = prop_oneof![
            4 => "[A-Za-z]{1,8}",
            3 => prop::sample::select(vec![
                " ", " ", " ", "\n", "\n\n", "\r\n", "\t", "\u{a0}", "\u{2028}",
            ]).prop_map(str::to_owned),
            3 => prop::sample::select(vec![
                "U.S.", "U.K.", "U.N.", "Mr.", "Mrs.", "Ms.", "Dr.", "Prof.", "Sen.", "Rep.",
                "Gov.", "Gen.", "Lt.", "Col.", "Sgt.", "St.", "Jan.", "Sept.", "No.", "F.",
                "p.m.", "a.m.", "Inc.", "Corp.", "Co.", "Ltd.", "vs.", "etc.", "e.g.",
                "Amazon.com", "3.14", "2.5", "The", "He", "Reuters:", "Newsweek:",
            ]).prop_map(str::to_owned),
            3 => prop::sample::select(vec![
                ".", "!", "?", "…", "...", ". . .", "“", "”", "‘", "’", "\"", "'", "(", ")",
                "[", "]", "«", "»", ",", ":", "—", "-",
            ]).prop_map(str::to_owned),
            1 => prop::sample::select(vec![
                "é", "日本", "。", "🙂", "ß", "Ω", "\u{301}", "İ", "ǅ",
            ]).prop_map(str::to_owned),
            1 => any::<String>(),
        ];
        prop::collection::vec(piece, 0..60).prop_map(|v| v.concat())
    }

    proptest! {
        #![proptest_config(ProptestConfig::with_cases(512))]

        #[test]
        fn newsish_text_is_tiled(text in newsish()) {
            let paras = paragraphs(&text);
            check_tiling(&text, &paras);
            let sents = sentences(&text, &paras);
            check_sentences(&text, &paras, &sents);
        }

        #[test]
        fn arbitrary_text_is_tiled(text in any::<String>()) {
            let paras = paragraphs(&text);
            check_tiling(&text, &paras);
            let sents = sentences(&text, &paras);
            check_sentences(&text, &paras, &sents);
        }

        #[test]
        fn arbitrary_spans_never_panic(
            text in newsish(),
            bounds in prop::collection::vec((0usize..200, 0usize..200), 0..5),
        ) {
            let spans: Vec<Span> = bounds.iter().map(|(a, b)| Span::new(*a, *b)).collect();
            for s in sentences(&text, &spans) {
                prop_assert!(spans[s.paragraph].contains(s.span));
                prop_assert!(!s.span.slice(&text).is_empty());
            }
        }
    }
}
