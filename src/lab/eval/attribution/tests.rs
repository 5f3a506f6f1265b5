//! Tests of `lab::eval::attribution`.

use super::*;

fn attr(source: &[[usize; 2]], cue: &[[usize; 2]], content: &[[usize; 2]]) -> SpanAttribution {
    SpanAttribution {
        source: source.to_vec(),
        cue: cue.to_vec(),
        content: content.to_vec(),
    }
}

fn doc(id: &str, text: Option<&str>, attributions: Vec<SpanAttribution>) -> SpanDoc {
    SpanDoc {
        id: id.to_string(),
        text: text.map(str::to_string),
        attributions,
    }
}

#[test]
fn trim_strips_ascii_then_one_curly_quote_each_end() {
    let raw = "He said “We won.” today".as_bytes();
    // “We won.” is bytes 8..21 (each curly quote is 3 bytes).
    assert_eq!(&raw[8..11], "“".as_bytes());
    assert_eq!(&raw[18..21], "”".as_bytes());
    // “ and ” go; the ASCII pass ran first, so the '.' stays.
    assert_eq!(trim(raw, 8, 21), (11, 18));
    assert_eq!(&raw[11..18], b"We won.");
    // A leading space, then the curly quote: ASCII first, then curly.
    assert_eq!(trim(raw, 7, 21), (11, 18));
}

#[test]
fn trim_may_pass_the_end_like_the_script() {
    let raw = "a“b".as_bytes(); // “ at 1..4
                                // Span [1,2) starts with the first byte of “: the script compares
                                // raw[1:4] and jumps past the end; the fragment is then dropped.
    assert_eq!(trim(raw, 1, 2), (4, 2));
    assert!(role_key(raw, &[[1, 2]]).is_empty());
}

#[test]
fn curly_quoted_span_matches_exactly() {
    let text = "Officials said “the plan works” on Monday.";
    let q1 = text.find('“').unwrap();
    let q2 = text.find('”').unwrap() + 3;
    let inner_s = q1 + 3;
    let inner_e = q2 - 3;
    let gold = vec![doc(
        "d",
        Some(text),
        vec![attr(&[[0, 9]], &[[10, 14]], &[[inner_s, inner_e]])],
    )];
    // The prediction includes the quotes and the space before them.
    let pred = vec![doc(
        "d",
        None,
        vec![attr(&[[0, 10]], &[[10, 14]], &[[q1 - 1, q2]])],
    )];
    let s = score(&gold, &pred).unwrap();
    for (name, m) in s.named() {
        assert_eq!((m.p, m.r, m.f1), (1.0, 1.0, 1.0), "{name}");
    }
}

#[test]
fn non_ascii_words_are_not_tokens() {
    // "Müller sagte" -> \w+ on bytes gives "M", "ller", "sagte".
    let text = "Müller sagte: ja";
    let toks = word_tokens(text.as_bytes());
    assert_eq!(toks, vec![(0, 1), (3, 7), (8, 13), (15, 17)]);
    // "é" alone has no token at all.
    assert!(word_tokens("é".as_bytes()).is_empty());
    // An empty fragment strictly inside a token selects it.
    assert_eq!(tokens(&toks, &[[4, 4]]), BTreeSet::from([3]));
    assert!(tokens(&toks, &[[3, 3]]).is_empty());
}

#[test]
fn hand_computed_small_document() {
    // Offsets:  0         1         2         3         4
    //           0123456789012345678901234567890123456789012345
    let text = "Smith said taxes rise. Jones claimed costs fall.";
    let gold = vec![doc(
        "d1",
        Some(text),
        vec![
            attr(&[[0, 5]], &[[6, 10]], &[[11, 22]]),
            attr(&[[23, 28]], &[[29, 36]], &[[37, 48]]),
        ],
    )];
    // Relation 1: content cut to "taxes" [11,16), not the trimmed gold
    // [11,21); token Jaccard 1/2. Relation 2: no source, so the source
    // test fails against gold 2.
    let pred = vec![doc(
        "d1",
        None,
        vec![
            attr(&[[0, 5]], &[[6, 10]], &[[11, 16]]),
            attr(&[], &[[29, 36]], &[[37, 48]]),
        ],
    )];
    let s = score(&gold, &pred).unwrap();
    // source exact: pred {[0,5)}, gold {[0,5),[23,28)} -> P 1, R 1/2.
    assert_eq!(s.source_exact, Prf::from_counts(1, 1, 2));
    // source tokens: pred {0}, gold {0,23}.
    assert_eq!(s.source_token, Prf::from_counts(1, 1, 2));
    assert_eq!(s.cue_exact, Prf::from_counts(2, 2, 2));
    assert_eq!(s.cue_token, Prf::from_counts(2, 2, 2));
    // content exact: [11,16) vs trimmed [11,21); [37,47) matches.
    assert_eq!(s.content_exact, Prf::from_counts(1, 2, 2));
    // content tokens: pred {11, 37,43}, gold {11,17, 37,43}.
    assert_eq!(s.content_token, Prf::from_counts(3, 3, 4));
    // relation: pred 1 matches gold 1 (Jaccard 1/2); pred 2 has no
    // source while gold 2 has one, so it fails.
    assert_eq!(s.relation, Prf::from_counts(1, 2, 2));
    assert_eq!(s.relation.p, 0.5);
    assert_eq!(s.content_token.f1, 2.0 * 1.0 * 0.75 / 1.75);
    let shown = s.to_string();
    let lines: Vec<&str> = shown.lines().collect();
    assert_eq!(lines.len(), 7);
    assert_eq!(lines[0], "source_exact    P 1.000  R 0.500  F1 0.667");
    assert_eq!(lines[6], "relation        P 0.500  R 0.500  F1 0.500");
}

#[test]
fn missing_documents_and_empty_roles() {
    let gold = vec![
        doc(
            "a",
            Some("X said Y."),
            vec![attr(&[[0, 1]], &[[2, 6]], &[[7, 8]])],
        ),
        doc("b", Some("Nothing here."), vec![]),
    ];
    // No predictions at all: everything is zero, nothing fails.
    let s = score(&gold, &[]).unwrap();
    assert_eq!(s.relation, Prf::from_counts(0, 0, 1));
    assert_eq!(
        s.relation,
        Prf {
            p: 0.0,
            r: 0.0,
            f1: 0.0
        }
    );
    // A prediction for "b" with an attribution whose roles are all empty
    // counts as a predicted relation but as no role key.
    let pred = vec![doc("b", None, vec![SpanAttribution::default()])];
    let s = score(&gold, &pred).unwrap();
    assert_eq!(s.relation, Prf::from_counts(0, 1, 1));
    assert_eq!(s.cue_exact, Prf::from_counts(0, 0, 1));
    // A fragment made only of trimmed marks is no key either.
    let pred = vec![doc("a", None, vec![attr(&[[8, 9]], &[], &[])])];
    let s = score(&gold, &pred).unwrap();
    assert_eq!(s.source_exact, Prf::from_counts(0, 0, 1));
}

#[test]
fn errors_like_the_script() {
    let gold = vec![doc("a", Some("abc"), vec![])];
    let pred = vec![doc("zz", None, vec![])];
    assert!(score(&gold, &pred).unwrap_err().contains("unknown id"));
    let pred = vec![doc("a", None, vec![attr(&[], &[[1, 4]], &[])])];
    assert_eq!(
        score(&gold, &pred).unwrap_err(),
        "a: cue span [1,4] outside the text"
    );
    let pred = vec![doc("a", None, vec![attr(&[], &[], &[[2, 1]])])];
    assert!(score(&gold, &pred).is_err());
    let gold = vec![doc("a", None, vec![])];
    assert!(score(&gold, &[]).unwrap_err().contains("no text"));
}

#[test]
fn jsonl_roundtrip_and_errors() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("g.jsonl");
    std::fs::write(
        &path,
        "{\"id\":\"a\",\"split\":\"dev\",\"text\":\"hi\",\"attributions\":[{\"cue\":[[0,2]]}]}\n\n",
    )
    .unwrap();
    let docs = read_jsonl(&path).unwrap();
    assert_eq!(
        docs,
        vec![doc("a", Some("hi"), vec![attr(&[], &[[0, 2]], &[])])]
    );
    let out = dir.path().join("p.jsonl");
    let pred = vec![doc("a", None, vec![attr(&[[0, 1]], &[], &[])])];
    write_jsonl(&out, &pred).unwrap();
    let written = std::fs::read_to_string(&out).unwrap();
    assert_eq!(
        written,
        "{\"id\":\"a\",\"attributions\":[{\"source\":[[0,1]],\"cue\":[],\"content\":[]}]}\n"
    );
    assert_eq!(read_jsonl(&out).unwrap(), pred);
    std::fs::write(&path, "{\"id\":\"a\",\"attributions\":[]}\n{\"id\":1}\n").unwrap();
    let e = read_jsonl(&path).unwrap_err();
    assert!(e.contains("g.jsonl:2:"), "{e}");
}
