//! Everyday use through the command line: articles in from files, standard input and
//! story folders without a registry; a new story from `init`; the unknown speakers as a
//! registry stub; lists with headers and JSON; completions, the man page, examples in the
//! help, `--quiet`, and no progress bar where standard error is not a terminal.

use super::common::with_stdin;
use std::path::Path;
use std::process::{Command, Output};

fn claimgraph(args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_claimgraph"))
        .args(args)
        .output()
        .unwrap()
}

fn ok(o: &Output) -> String {
    assert!(o.status.success(), "{}", String::from_utf8_lossy(&o.stderr));
    String::from_utf8(o.stdout.clone()).unwrap()
}

const ARTICLE: &str = "+++\ntitle = \"Bridge shut after storm\"\noutlet = \"Ostrel Herald\"\npublished = \"2031-05-02\"\n+++\nThe Ostrel Harbour Board said on Friday that the bridge would stay closed.\n\n“We will not reopen it before the inspection,” said Ana Varga, the board's engineer.\n";

fn report_json(o: &Output) -> claimgraph::Report {
    claimgraph::Report::from_json(&ok(o)).unwrap()
}

#[test]
fn report_check_and_extract_take_an_article_file() {
    let dir = tempfile::tempdir().unwrap();
    let file = dir.path().join("bridge.md");
    std::fs::write(&file, ARTICLE).unwrap();
    let f = file.to_str().unwrap();
    let r = report_json(&claimgraph(&["report", f, "--format", "json"]));
    assert_eq!(r.articles.len(), 1);
    assert_eq!(
        r.articles[0].title.as_deref(),
        Some("Bridge shut after storm")
    );
    assert!(r.claims.len() >= 2, "{:?}", r.claims);
    let text = ok(&claimgraph(&["check", "The bridge is closed", f]));
    assert!(text.contains("bridge"), "{text}");
    let text = ok(&claimgraph(&["extract", f]));
    assert!(text.contains("Ana Varga"), "{text}");
}

#[test]
fn standard_input_is_told_apart_by_content() {
    let html = b"<!DOCTYPE html><html><head><title>Storm closes bridge</title></head><body><article><p>The Ostrel Harbour Board said on Friday that the bridge would stay closed for a week.</p><p>Ana Varga, the board's engineer, said the cables had been damaged.</p></article></body></html>";
    let r = report_json(&with_stdin(&["report", "-", "--format", "json"], html));
    assert_eq!(r.articles.len(), 1);
    assert_eq!(r.articles[0].path, "<stdin>");
    assert_eq!(r.articles[0].title.as_deref(), Some("Storm closes bridge"));
    assert!(r.claims.iter().all(|c| !c.evidence.text.contains('<')));
    assert!(!r.claims.is_empty());
    let jsonl = b"{\"id\": \"one\", \"text\": \"The board said the bridge was closed.\"}\n{\"id\": \"two\", \"text\": \"The union said the strike would go on.\"}\n";
    let r = report_json(&with_stdin(&["report", "-", "--format", "json"], jsonl));
    let ids: Vec<&str> = r.articles.iter().map(|a| a.id.as_str()).collect();
    assert_eq!(ids, ["one", "two"]);
    let md = ARTICLE.as_bytes();
    let out = ok(&with_stdin(&["articles", "-", "--format", "tsv"], md));
    assert!(
        out.contains("Ostrel Herald\t2031-05-02\tBridge shut after storm"),
        "{out}"
    );
    // nothing on standard input is an error naming it
    let o = with_stdin(&["report", "-"], b"");
    assert_eq!(o.status.code(), Some(1));
    assert!(String::from_utf8_lossy(&o.stderr).contains("<stdin>"));
}

#[test]
fn a_story_without_a_registry_and_a_new_story_from_init() {
    let dir = tempfile::tempdir().unwrap();
    let story = dir.path().join("bridge");
    std::fs::create_dir_all(story.join("articles")).unwrap();
    std::fs::write(story.join("story.ron"), "(title: \"Bridge\")").unwrap();
    std::fs::write(story.join("articles/a.md"), ARTICLE).unwrap();
    let s = story.to_str().unwrap();
    let r = report_json(&claimgraph(&["report", s, "--format", "json"]));
    assert!(!r.claims.is_empty());
    // the unknown speakers as a registry stub that loads as the story's sources.ron
    let stub = ok(&claimgraph(&["sources", "--suggest", s]));
    assert!(stub.contains("kind: Unknown"), "{stub}");
    std::fs::write(story.join("sources.ron"), &stub).unwrap();
    let o = claimgraph(&["report", s, "--strict", "--format", "json"]);
    let r = report_json(&o);
    assert!(
        r.sources.iter().any(|x| x.name.contains("Ana Varga")),
        "{stub}"
    );

    let new = dir.path().join("new-story");
    let o = claimgraph(&["init", new.to_str().unwrap(), "--title", "Harbour fire"]);
    assert!(o.status.success(), "{}", String::from_utf8_lossy(&o.stderr));
    for f in ["story.ron", "sources.ron", "articles/example.md"] {
        assert!(new.join(f).is_file(), "{f}");
    }
    let o = claimgraph(&[
        "report",
        new.to_str().unwrap(),
        "--strict",
        "--format",
        "json",
    ]);
    let r = report_json(&o);
    assert_eq!(r.story.title, "Harbour fire");
    assert!(!r.claims.is_empty());
    // a folder that holds something is not overwritten
    let o = claimgraph(&["init", new.to_str().unwrap()]);
    assert_eq!(o.status.code(), Some(1));
    assert!(String::from_utf8_lossy(&o.stderr).contains("not empty"));
}

#[test]
fn lists_have_headers_numbers_in_columns_and_json() {
    let tsv = ok(&claimgraph(&["articles", "--format", "tsv"]));
    let mut lines = tsv.lines();
    assert_eq!(
        lines.next().unwrap(),
        "id\toutlet\tpublished\ttitle\tparagraphs\tsentences\tfile"
    );
    for l in lines {
        let cells: Vec<&str> = l.split('\t').collect();
        assert_eq!(cells.len(), 7, "{l}");
        assert!(cells[4].parse::<usize>().is_ok() && cells[5].parse::<usize>().is_ok());
    }
    let json: serde_json::Value =
        serde_json::from_str(&ok(&claimgraph(&["articles", "--format", "json"]))).unwrap();
    assert_eq!(json["schema"], "claimgraph.articles/1");
    assert!(json["articles"][0]["paragraphs"].is_u64());
    let table = ok(&claimgraph(&["sources"]));
    assert!(table.starts_with("id "), "{table}");
    assert!(!table.contains("claims, passed on"));
    let json: serde_json::Value =
        serde_json::from_str(&ok(&claimgraph(&["sources", "--format", "json"]))).unwrap();
    assert_eq!(json["schema"], "claimgraph.sources/1");
    let src = json["sources"].as_array().unwrap();
    assert!(src.iter().any(|s| s["claims"].as_u64().unwrap() > 0));
    // check's JSON: a schema, named counts, 1-based paragraphs
    let json: serde_json::Value = serde_json::from_str(&ok(&claimgraph(&[
        "check",
        "The embassy warned of an attack",
        "--format",
        "json",
    ])))
    .unwrap();
    assert_eq!(json["schema"], "claimgraph.check/1");
    assert!(json["articles"][0]["counts"]["agree"].is_u64());
    let report = report_json(&claimgraph(&["report", "--format", "json"]));
    for c in json["claims"].as_array().unwrap() {
        let id = c["id"].as_str().unwrap();
        let r = report.claims.iter().find(|x| x.id == id).unwrap();
        assert_eq!(c["paragraph"].as_u64().unwrap() as usize, r.paragraph);
        assert!(r.paragraph >= 1);
    }
}

#[test]
fn terminal_output_carries_no_escape_sequences() {
    let dir = tempfile::tempdir().unwrap();
    let file = dir.path().join("x.md");
    std::fs::write(
        &file,
        // TOML escapes in the front matter, raw escapes in the text
        "+++\noutlet = \"o\\u001b[2K\\rFAKE\"\ntitle = \"t\\u001b]0;pwned\\u0007\"\n+++\nThe \u{1b}[31mboard\u{1b}[0m said the bridge was closed.\n",
    )
    .unwrap();
    let f = file.to_str().unwrap();
    for args in [
        vec!["articles", f],
        vec!["articles", f, "--format", "tsv"],
        vec!["sources", f],
        vec!["extract", f],
        vec!["check", "the bridge was closed", f],
    ] {
        let o = claimgraph(&args);
        let out = ok(&o);
        assert!(
            !out.contains('\u{1b}') && !out.contains('\r'),
            "{args:?}: {out:?}"
        );
        assert!(!String::from_utf8_lossy(&o.stderr).contains('\u{1b}'));
    }
    // JSON keeps the data as it is, escaped the JSON way
    let out = ok(&claimgraph(&["articles", f, "--format", "json"]));
    assert!(out.contains("\\u001b[2K\\rFAKE"), "{out}");
}

#[test]
fn completions_man_page_examples_and_quiet() {
    let bash = ok(&claimgraph(&["completions", "bash"]));
    assert!(
        bash.contains("_claimgraph()") && bash.contains("report"),
        "{bash}"
    );
    let zsh = ok(&claimgraph(&["completions", "zsh"]));
    assert!(zsh.starts_with("#compdef claimgraph"));
    let man = ok(&claimgraph(&["man"]));
    assert!(
        man.contains(".TH claimgraph"),
        "{}",
        &man[..200.min(man.len())]
    );
    let man = ok(&claimgraph(&["man", "report"]));
    assert!(man.contains(".TH claimgraph-report"));
    assert_eq!(claimgraph(&["man", "nothing"]).status.code(), Some(2));
    for cmd in [
        "report", "check", "extract", "articles", "sources", "review", "init",
    ] {
        let help = ok(&claimgraph(&[cmd, "--help"]));
        assert!(help.contains("Examples:\n  claimgraph "), "{cmd}: {help}");
    }
    let help = ok(&claimgraph(&["--help"]));
    assert!(help.contains("Exit status"), "{help}");
    // a story with a problem: a warning, unless --quiet; no progress bar off a terminal
    let dir = tempfile::tempdir().unwrap();
    std::fs::create_dir_all(dir.path().join("articles")).unwrap();
    std::fs::write(dir.path().join("story.ron"), "(title: \"x\")").unwrap();
    std::fs::write(dir.path().join("articles/a.md"), ARTICLE).unwrap();
    std::fs::write(
        dir.path().join("articles/b.md"),
        "+++\ntitle = 3 = 4\n+++\nText.",
    )
    .unwrap();
    let s = dir.path().to_str().unwrap();
    let o = claimgraph(&["report", s]);
    let err = String::from_utf8_lossy(&o.stderr);
    assert!(err.contains("warning: "), "{err}");
    assert!(!err.contains('\r') && !err.contains("articles ["), "{err}");
    let o = claimgraph(&["report", s, "--quiet"]);
    assert!(o.status.success());
    assert!(
        o.stderr.is_empty(),
        "{}",
        String::from_utf8_lossy(&o.stderr)
    );
    assert!(!o.stdout.is_empty());
    let _ = Path::new(s);
}
