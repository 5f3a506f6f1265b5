//! The lab's gold readers refuse what would be scored or trained on silently wrong: spans
//! out of range, reversed or inside a character, unknown stance labels, a body id given
//! twice, each with the file and line that holds it.

use std::path::Path;
use std::process::{Command, Output};

fn claimgraph(args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_claimgraph"))
        .args(args)
        .output()
        .unwrap()
}

fn failure(o: &Output) -> String {
    let err = String::from_utf8_lossy(&o.stderr).into_owned();
    assert_eq!(o.status.code(), Some(1), "{err}");
    assert!(!err.contains("panicked"), "{err}");
    err
}

#[test]
fn bad_spans_are_refused_by_eval_and_train() {
    let dir = tempfile::tempdir().unwrap();
    let gold = dir.path().join("gold.jsonl");
    let doc = |cue: &str| {
        format!(
            r#"{{"id": "d{cue}", "text": "Ana said it was é.", "attributions": [{{"source": [[0, 3]], "cue": [{cue}], "content": [[9, 19]]}}]}}"#
        )
    };
    let model = dir.path().join("m.model");
    for (cue, want) in [
        ("[8, 4]", "is reversed"),
        ("[4, 400]", "reaches past the text's end"),
        ("[4, 17]", "inside a character"),
    ] {
        std::fs::write(&gold, format!("{}\n{}\n", doc("[4, 8]"), doc(cue))).unwrap();
        let g = gold.to_str().unwrap();
        for args in [
            vec!["eval", "attribution", g],
            vec!["train", "attribution", g, "-o", model.to_str().unwrap()],
        ] {
            let err = failure(&claimgraph(&args));
            assert!(
                err.contains("gold.jsonl:2: attribution 1, cue span"),
                "{err}"
            );
            assert!(err.contains(want), "{err}");
        }
    }
    assert!(!model.exists());
}

fn stance_files(dir: &Path, stances: &str, bodies: &str) -> (String, String) {
    let s = dir.join("stances.csv");
    let b = dir.join("bodies.csv");
    std::fs::write(&s, stances).unwrap();
    std::fs::write(&b, bodies).unwrap();
    (s.display().to_string(), b.display().to_string())
}

#[test]
fn unknown_labels_and_repeated_bodies_are_refused() {
    let dir = tempfile::tempdir().unwrap();
    let bodies = "Body ID,articleBody\n1,The mayor said the bridge is safe.\n2,Rain fell.\n";
    let (s, b) = stance_files(
        dir.path(),
        "Headline,Body ID,Stance\nBridge is safe,1,agree\nBridge is safe,2,agrees\n",
        bodies,
    );
    let err = failure(&claimgraph(&[
        "eval",
        "stance",
        "--stances",
        &s,
        "--bodies",
        &b,
    ]));
    assert!(
        err.contains("stances.csv:3: unknown gold stance \"agrees\""),
        "{err}"
    );
    let (s, b) = stance_files(
        dir.path(),
        "Headline,Body ID,Stance\nBridge is safe,1,agree\n",
        &format!("{bodies}1,Another body.\n"),
    );
    let err = failure(&claimgraph(&[
        "eval",
        "stance",
        "--stances",
        &s,
        "--bodies",
        &b,
    ]));
    assert!(
        err.contains("bodies.csv:4: body id 1 repeated (first on line 2)"),
        "{err}"
    );
    // the same files are refused by training
    let out = dir.path().join("s.model");
    let err = failure(&claimgraph(&[
        "train",
        "stance",
        "--stances",
        &s,
        "--bodies",
        &b,
        "-o",
        out.to_str().unwrap(),
    ]));
    assert!(err.contains("body id 1 repeated"), "{err}");
}
