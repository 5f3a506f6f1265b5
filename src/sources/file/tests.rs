//! Tests of `sources::file`.

use super::*;

#[test]
fn scan_finds_each_entry() {
    let text = "// c\n#![enable(implicit_some)]\n(sources: [\n (id: \"a\", name: \"x, y\"), /* (, ] */\n (id: r#\"b)\"#, n: 'c'),\n],)";
    let s = scan(text);
    let got: Vec<&str> = s.entries.iter().map(|&(a, b)| &text[a..b]).collect();
    assert_eq!(
        got,
        ["(id: \"a\", name: \"x, y\")", "(id: r#\"b)\"#, n: 'c')"]
    );
    assert_eq!(attributes(text), "#![enable(implicit_some)]\n");
    let lines = Lines::new(text);
    assert_eq!(lines.at(s.entries[1].0), (5, 2));
}

#[test]
fn lines_and_columns_agree_with_counting_from_the_start() {
    let text: String = (0..3000)
        .map(|i| {
            if i % 7 == 0 {
                "é—\n".to_string()
            } else {
                format!("ab{i}«")
            }
        })
        .collect();
    let lines = Lines::new(&text);
    for (off, _) in text.char_indices().step_by(37) {
        assert_eq!(
            lines.at(off),
            crate::text::span::line_col(&text, off),
            "{off}"
        );
    }
}
