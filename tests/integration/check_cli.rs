//! `claimgraph check`: a claim typed by a user, checked against the default story.

use std::process::Command;

fn check(args: &[&str]) -> std::process::Output {
    Command::new(env!("CARGO_BIN_EXE_claimgraph"))
        .arg("check")
        .args(args)
        .output()
        .unwrap()
}

fn json(claim: &str) -> serde_json::Value {
    let out = check(&[claim, "--format", "json"]);
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    serde_json::from_slice(&out.stdout).unwrap()
}

/// The stance given to the story claim whose evidence contains `needle`.
fn stance_of(v: &serde_json::Value, needle: &str) -> Option<String> {
    v["claims"]
        .as_array()
        .unwrap()
        .iter()
        .find(|c| c["evidence"].as_str().unwrap().contains(needle))
        .map(|c| c["stance"].as_str().unwrap().to_string())
}

#[test]
fn embassy_warning_is_supported_by_the_embassy_and_disputed_by_the_kremlin() {
    let v = json("The U.S. Embassy in Moscow warned of a planned terrorist attack in Moscow");
    assert_eq!(stance_of(&v, "specific threats").as_deref(), Some("agree"));
    // "After learning that extremists planned an attack, the U.S. Embassy ... sent out a
    // security alert": what the embassy learned agrees when the tagger takes "learning"
    // as a cue (the tagger trained on the token stream does not); it never disagrees
    assert!(matches!(
        stance_of(&v, "extremists planned an attack").as_deref(),
        None | Some("agree")
    ));
    assert_eq!(
        stance_of(&v, "lack of any knowledge").as_deref(),
        Some("disagree")
    );
    // the State Department's refusal to confirm takes no side, if it is listed at all
    assert_ne!(
        stance_of(&v, "had any connection").as_deref(),
        Some("agree")
    );
    let summary = v["summary"].as_str().unwrap();
    assert!(
        summary.contains("from 1 independent origin (U.S. Embassy in Moscow)"),
        "{summary}"
    );
    assert!(summary.contains("disputed by 1 claim"), "{summary}");
    let articles = v["articles"].as_array().unwrap();
    assert_eq!(articles.len(), 2);
}

#[test]
fn someone_else_saying_it_is_discussion_not_support() {
    // Newsweek calls the warnings unusual; the claim is about what the Kremlin said
    let v = json("The Kremlin said the warnings were unusual");
    assert_eq!(stance_of(&v, "“highly unusual”").as_deref(), Some("agree"));
    assert_eq!(stance_of(&v, "so unusual").as_deref(), Some("discuss"));
}

#[test]
fn an_unrelated_claim_bears_on_nothing() {
    let out = check(&["Penguins nest on the shores of Lake Vostok"]);
    assert!(out.status.success());
    let text = String::from_utf8(out.stdout).unwrap();
    assert!(text.contains("no claim of the story bears on it"), "{text}");
    assert_eq!(text.matches("unrelated").count(), 2, "{text}");
}

#[test]
fn an_empty_claim_is_an_error() {
    let out = check(&["  "]);
    assert!(!out.status.success());
    assert!(String::from_utf8_lossy(&out.stderr).contains("empty"));
}
