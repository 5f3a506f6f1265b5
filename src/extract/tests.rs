//! Tests of `extract`.

use super::*;

fn article(text: &str) -> ExtractedArticle {
    let a = Article::new("t", text);
    extract_article(&a, &Registry::default())
}

#[test]
fn spans_slice_to_their_text() {
    let text = "The mayor said the bridge is safe.\n\nPolice warned that “roads will close.”";
    let e = article(text);
    assert!(!e.attributions.is_empty());
    for x in &e.attributions {
        for s in x.source.iter().chain(&x.cue).chain(&x.content) {
            assert_eq!(&text[s.start..s.end], s.text);
        }
        // an empty registry resolves no one
        assert!(x.speaker.is_none());
    }
    let said = e
        .attributions
        .iter()
        .find(|x| x.cue.first().is_some_and(|c| c.text == "said"))
        .unwrap();
    assert_eq!(said.source[0].text, "The mayor");
    assert_eq!(
        said.cue_at,
        Some(LineCol {
            line: 1,
            column: 11
        })
    );
    let warned = e
        .attributions
        .iter()
        .find(|x| x.cue_lemma == "warn")
        .unwrap();
    assert_eq!(warned.cue_at, Some(LineCol { line: 3, column: 8 }));
}

/// The invented registry the relay tests share: a mayor, a wire, a board and a union.
fn ostrel_registry() -> Registry {
    Registry::from_ron(
        Path::new("sources.ron"),
        r#"#![enable(implicit_some)]
(sources: [
    (id: "mayor", name: "Mayor of Ostrel", kind: Official,
     people: [(name: "Mayor Varnholt", role: "mayor", aliases: ["Varnholt"])]),
    (id: "norpress", name: "Norpress", kind: Wire),
    (id: "harbour", name: "Harbour Board", kind: Government),
    (id: "union", name: "Dockers Union", kind: Group),
])"#,
    )
    .unwrap()
}

#[test]
fn rows_after_a_relay_keep_their_own_speaker() {
    let reg = ostrel_registry();
    let text = "The Harbour Board reported that the quay was closed, Norpress said. \
                    The Dockers Union said the strike would go on. \
                    The Harbour Board said the ships would wait.";
    let e = extract_article(&Article::new("t", text), &reg);
    let relays: Vec<&ExtractedAttribution> = e.attributions.iter().filter(|x| x.relays).collect();
    assert_eq!(relays.len(), 1, "{:#?}", e.attributions);
    assert!(relays[0].speaker.is_none());
    assert!(relays[0].source[0].text.contains("Norpress"));
    // every other row shows the speaker its own source names
    let named: Vec<(String, String)> = e
        .attributions
        .iter()
        .filter(|x| !x.relays && !x.source.is_empty())
        .map(|x| {
            (
                x.source[0].text.clone(),
                x.speaker
                    .as_ref()
                    .map(|s| s.source.clone())
                    .unwrap_or_default(),
            )
        })
        .collect();
    assert_eq!(
        named,
        [
            ("The Harbour Board".to_string(), "harbour".to_string()),
            ("The Dockers Union".to_string(), "union".to_string()),
            ("The Harbour Board".to_string(), "harbour".to_string()),
        ],
        "{:#?}",
        e.attributions
    );
}

#[test]
fn rows_after_a_relayed_quote_keep_their_own_speaker() {
    let reg = ostrel_registry();
    let text = "\"The bridge will stay closed until the inspection is over,\" Mayor \
                    Varnholt said, according to Norpress.\n\nThe Harbour Board said the \
                    ships would wait outside the port.\n\nThe Dockers Union said the strike \
                    would go on.";
    let e = extract_article(&Article::new("t", text), &reg);
    let rows: Vec<(String, Option<String>)> = e
        .attributions
        .iter()
        .filter(|x| !x.relays)
        .map(|x| {
            (
                x.source.first().map(|s| s.text.clone()).unwrap_or_default(),
                x.speaker.as_ref().map(|s| s.source.clone()),
            )
        })
        .collect();
    for (mention, want) in [
        ("The Harbour Board", "harbour"),
        ("The Dockers Union", "union"),
    ] {
        let row = rows.iter().find(|(m, _)| m == mention);
        assert_eq!(
            row.and_then(|(_, s)| s.as_deref()),
            Some(want),
            "{:#?}",
            e.attributions
        );
    }
    // no row shows a speaker its own source does not name
    for (mention, speaker) in &rows {
        if let Some(sp) = speaker {
            let named = match sp.as_str() {
                "harbour" => "Harbour",
                "union" => "Dockers",
                "mayor" => "Varnholt",
                "norpress" => "Norpress",
                _ => "",
            };
            assert!(mention.contains(named), "{mention} shown as {sp}");
        }
    }
}

#[test]
fn clip_flattens_and_cuts() {
    assert_eq!(clip("a\n  b", 10), "a b");
    assert_eq!(clip("abcdefghij", 5), "abcd…");
    assert_eq!(clip("ééééé", 5), "ééééé");
}

#[test]
fn jsonl_leaves_out_the_own_voice_and_json_counts_it() {
    let mut e = article("The mayor said the bridge is safe.");
    e.attributions.push(ExtractedAttribution {
        kind: AttributionKind::Author,
        author_voice: true,
        ..e.attributions[0].clone()
    });
    let lines = render_jsonl(std::slice::from_ref(&e));
    let v: serde_json::Value = serde_json::from_str(lines.trim_end()).unwrap();
    assert_eq!(
        v["attributions"].as_array().unwrap().len(),
        e.attributions.len() - 1
    );
    assert_eq!(v["attributions"][0]["cue"], serde_json::json!([[10, 14]]));
    let doc: ExtractDocument = serde_json::from_str(&render_json(&[e])).unwrap();
    assert_eq!(doc.schema, SCHEMA);
    assert_eq!(doc.author_voice_count, 1);
    let table = render_table(&doc.articles);
    assert!(
        table.lines().nth(1).unwrap().contains("said [10..14]"),
        "{table}"
    );
    assert!(table.contains("  author  "), "{table}");
}
