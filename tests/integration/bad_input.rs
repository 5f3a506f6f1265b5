//! A story folder with bad files: each gets one clear diagnostic naming the file (and line
//! and column where there is one), the good articles still load, `--strict` makes the
//! problems fatal, nothing panics, and output files are written whole or not at all.

use claimgraph::corpus::{load_story, LoadOptions, MAX_FILE_BYTES};
use std::fs;
use std::path::Path;
use std::process::Command;

fn write(dir: &Path, rel: &str, bytes: &[u8]) {
    let p = dir.join(rel);
    fs::create_dir_all(p.parent().unwrap()).unwrap();
    fs::write(p, bytes).unwrap();
}

/// A story with two good articles and one of each kind of bad file.
fn bad_story() -> tempfile::TempDir {
    let dir = tempfile::tempdir().unwrap();
    let d = dir.path();
    write(d, "story.ron", b"(title: \"Harbour fire\")");
    // `kind` is misspelled on line 3
    write(
        d,
        "sources.ron",
        b"(sources: [\n  (id: \"port-authority\", name: \"Port Authority\",\n   knd: Government),\n])",
    );
    write(
        d,
        "articles/good.md",
        "+++\nid = \"good\"\noutlet = \"Valdera Courier\"\npublished = \"2031-05-02\"\n+++\nThe Port Authority said on Friday that the fire was under control.\n".as_bytes(),
    );
    write(
        d,
        "articles/good2.txt",
        "Firefighters said the blaze started in a warehouse.\n".as_bytes(),
    );
    write(
        d,
        "articles/binary.txt",
        b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR",
    );
    write(
        d,
        "articles/latin1.txt",
        b"Caf\xe9 owners said\nthe fire was \xe9normous.\n",
    );
    write(d, "articles/empty.md", b"");
    write(
        d,
        "articles/bad-front.md",
        b"+++\ntitle = \"Fire\"\nid = = \"bad\"\n+++\nBody text said nothing.\n",
    );
    write(d, "articles/photo.jpg", b"\xff\xd8\xff\xe0");
    let huge = fs::File::create(d.join("articles/huge.txt")).unwrap();
    huge.set_len(MAX_FILE_BYTES + 1).unwrap();
    dir
}

#[test]
fn bad_files_are_reported_and_skipped() {
    let dir = bad_story();
    let story = load_story(dir.path(), &LoadOptions::default()).unwrap();
    let ids: Vec<&str> = story.articles.iter().map(|a| a.id.as_str()).collect();
    assert_eq!(ids, ["good", "good2"]);
    assert_eq!(story.meta.title, "Harbour fire");
    let lines: Vec<String> = story.diagnostics.iter().map(|d| d.to_string()).collect();
    let find = |name: &str| -> &str {
        let hits: Vec<&String> = lines.iter().filter(|l| l.contains(name)).collect();
        assert_eq!(hits.len(), 1, "one diagnostic for {name}: {lines:#?}");
        hits[0]
    };
    let binary = find("binary.txt");
    assert!(binary.contains("binary file"), "{binary}");
    let latin = find("latin1.txt");
    assert!(latin.contains("latin1.txt:1:4: not valid UTF-8"), "{latin}");
    let empty = find("empty.md");
    assert!(empty.contains("empty file"), "{empty}");
    let front = find("bad-front.md");
    assert!(front.contains("bad-front.md:3:"), "{front}");
    assert!(front.contains("malformed TOML front matter"), "{front}");
    let jpg = find("photo.jpg");
    assert!(jpg.contains("unsupported file type ('.jpg')"), "{jpg}");
    let huge = find("huge.txt");
    assert!(huge.contains("over the limit"), "{huge}");
    let sources = find("sources.ron");
    assert!(sources.contains("sources.ron:3:"), "{sources}");
    assert!(sources.contains("knd"), "{sources}");
    assert_eq!(lines.len(), 7, "{lines:#?}");
    // the registry failed to load, so speakers stay unknown but are not dropped
    let report = claimgraph::analyze(&story, &Default::default());
    assert!(report
        .claims
        .iter()
        .any(|c| c.speaker.mention == "The Port Authority"
            && c.speaker.source.as_str().starts_with("unknown:")));
    assert_eq!(report.diagnostics.len(), 7);
}

#[test]
fn strict_makes_problems_fatal() {
    let dir = bad_story();
    let err = load_story(dir.path(), &LoadOptions { strict: true }).unwrap_err();
    let msg = err.to_string();
    assert!(msg.starts_with("7 problem(s) in the input"), "{msg}");
    assert!(msg.contains("latin1.txt:1:4"), "{msg}");
}

#[test]
fn missing_folders_are_errors_not_panics() {
    let dir = tempfile::tempdir().unwrap();
    let err = load_story(&dir.path().join("nope"), &LoadOptions::default()).unwrap_err();
    assert!(err.to_string().contains("no such story folder"), "{err}");
    // an empty folder is not a story, and a story without articles/ has no articles
    let err = load_story(dir.path(), &LoadOptions::default()).unwrap_err();
    assert!(err.to_string().contains("not a story folder"), "{err}");
    fs::write(dir.path().join("story.ron"), "(title: \"T\")").unwrap();
    let err = load_story(dir.path(), &LoadOptions::default()).unwrap_err();
    assert!(
        err.to_string().contains("missing articles/ folder"),
        "{err}"
    );
}

fn claimgraph(args: &[&str]) -> std::process::Output {
    Command::new(env!("CARGO_BIN_EXE_claimgraph"))
        .args(args)
        .output()
        .unwrap()
}

#[test]
fn cli_exit_codes_and_messages() {
    let dir = bad_story();
    let path = dir.path().to_str().unwrap();
    let out = claimgraph(&["report", path]);
    assert_eq!(out.status.code(), Some(0));
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert_eq!(
        stderr
            .lines()
            .filter(|l| l.starts_with("warning: "))
            .count(),
        7,
        "{stderr}"
    );
    assert!(String::from_utf8_lossy(&out.stdout).contains("# Harbour fire"));

    let out = claimgraph(&["report", path, "--strict"]);
    assert_eq!(out.status.code(), Some(1));
    assert!(String::from_utf8_lossy(&out.stderr).contains("error: 7 problem(s)"));
    assert!(out.stdout.is_empty());

    let out = claimgraph(&["report", "/definitely/not/here"]);
    assert_eq!(out.status.code(), Some(1));
    assert!(String::from_utf8_lossy(&out.stderr)
        .contains("/definitely/not/here: no such file or folder"));

    let out = claimgraph(&["report", "--format", "pdf"]);
    assert_eq!(out.status.code(), Some(2));
    let out = claimgraph(&["frobnicate"]);
    assert_eq!(out.status.code(), Some(2));
    let out = claimgraph(&["--help"]);
    assert_eq!(out.status.code(), Some(0));
}

#[test]
fn output_is_whole_or_absent() {
    let dir = tempfile::tempdir().unwrap();
    let target = dir.path().join("report.json");
    let t = target.to_str().unwrap();
    let out = claimgraph(&["report", "--format", "json", "-o", t]);
    assert_eq!(
        out.status.code(),
        Some(0),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let json: serde_json::Value = serde_json::from_slice(&fs::read(&target).unwrap()).unwrap();
    assert_eq!(json["schema"], claimgraph::report::SCHEMA);

    // a failing run leaves the earlier file as it was and no temporary file behind
    let bad = bad_story();
    let before = fs::read(&target).unwrap();
    let out = claimgraph(&["report", bad.path().to_str().unwrap(), "--strict", "-o", t]);
    assert_eq!(out.status.code(), Some(1));
    assert_eq!(fs::read(&target).unwrap(), before);
    let missing = dir.path().join("no-such-dir/report.md");
    let out = claimgraph(&["report", "-o", missing.to_str().unwrap()]);
    assert_eq!(out.status.code(), Some(1));
    assert!(!missing.exists());
    let left: Vec<_> = fs::read_dir(dir.path())
        .unwrap()
        .map(|e| e.unwrap().file_name())
        .collect();
    assert_eq!(left.len(), 1, "{left:?}");
}

#[test]
fn standard_output_named_as_a_path_appends_to_the_file_it_was_sent_to() {
    let dir = tempfile::tempdir().unwrap();
    let log = dir.path().join("log.txt");
    fs::write(&log, "earlier lines\n").unwrap();
    let file = fs::OpenOptions::new().append(true).open(&log).unwrap();
    let ino = std::os::unix::fs::MetadataExt::ino(&fs::metadata(&log).unwrap());
    let out = Command::new(env!("CARGO_BIN_EXE_claimgraph"))
        .args(["report", "-o", "/dev/stdout"])
        .stdout(file)
        .output()
        .unwrap();
    assert_eq!(
        out.status.code(),
        Some(0),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let text = fs::read_to_string(&log).unwrap();
    assert!(text.starts_with("earlier lines\n# "), "{text:.200}");
    // the same file, not a new one renamed over it
    assert_eq!(
        std::os::unix::fs::MetadataExt::ino(&fs::metadata(&log).unwrap()),
        ino
    );
}

#[test]
fn standard_output_by_name_or_dash_writes_into_the_pipe() {
    let plain = claimgraph(&["report"]);
    assert_eq!(plain.status.code(), Some(0));
    for name in ["-", "/dev/stdout"] {
        let out = claimgraph(&["report", "-o", name]);
        assert_eq!(
            out.status.code(),
            Some(0),
            "{name}: {}",
            String::from_utf8_lossy(&out.stderr)
        );
        assert_eq!(out.stdout, plain.stdout, "{name}");
    }
}
