//! Tests of `text::sentences`.

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
