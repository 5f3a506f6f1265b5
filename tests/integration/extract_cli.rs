//! `claimgraph extract` and `claimgraph bench extract`, run as the built binary: spans that
//! slice to the text they print, the same attributions in every format, PolNeAR's span
//! schema for the reference scorer, bad input named with exit code 1, and a benchmark run.

#[cfg(feature = "lab")]
use crate::common::{have_python, shared};
use serde_json::Value;
use std::fs;
use std::path::{Path, PathBuf};
use std::process::{Command, Output};

fn claimgraph(args: &[&str], dir: Option<&Path>) -> Output {
    let mut cmd = Command::new(env!("CARGO_BIN_EXE_claimgraph"));
    cmd.args(args);
    if let Some(d) = dir {
        cmd.current_dir(d);
    }
    cmd.output().expect("the binary runs")
}

fn stdout(o: &Output) -> String {
    String::from_utf8(o.stdout.clone()).unwrap()
}

fn stderr(o: &Output) -> String {
    String::from_utf8(o.stderr.clone()).unwrap()
}

fn story_dir() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("corpus/moscow-2024")
}

fn fsb_article() -> String {
    fs::read_to_string(story_dir().join("articles/000_50050480748ae6bf.txt")).unwrap()
}

/// The article texts of the default story by id.
fn story_text(id: &str) -> String {
    fs::read_to_string(story_dir().join(format!("articles/{id}.txt"))).unwrap()
}

fn spans(v: &Value) -> Vec<[usize; 2]> {
    v.as_array()
        .unwrap()
        .iter()
        .map(|p| {
            [
                p[0].as_u64().unwrap() as usize,
                p[1].as_u64().unwrap() as usize,
            ]
        })
        .collect()
}

fn text_spans(v: &Value) -> Vec<[usize; 2]> {
    v.as_array()
        .unwrap()
        .iter()
        .map(|s| {
            [
                s["start"].as_u64().unwrap() as usize,
                s["end"].as_u64().unwrap() as usize,
            ]
        })
        .collect()
}

#[test]
fn table_of_the_default_story_shows_the_fsb_cue_with_its_span() {
    let o = claimgraph(&["extract"], None);
    assert!(o.status.success(), "{}", stderr(&o));
    let out = stdout(&o);
    let text = fsb_article();
    let start = text.find("The FSB stated that").unwrap() + "The FSB ".len();
    let end = start + "stated".len();
    assert_eq!(&text[start..end], "stated");
    let row = out
        .lines()
        .find(|l| l.contains(&format!("stated [{start}..{end}]")))
        .unwrap_or_else(|| panic!("no row with the FSB's cue at {start}..{end}:\n{out}"));
    let src = text.find("The FSB stated").unwrap();
    assert!(row.starts_with("000_50050480748ae6bf"), "{row}");
    assert!(
        row.contains(&format!("The FSB [{src}..{}]", src + 7)),
        "{row}"
    );
    assert!(row.contains("direct") && row.contains("fsb ("), "{row}");
    // the cue's line and column in the file (the article has no front matter)
    let line = text[..start].matches('\n').count() + 1;
    let col = start - text[..start].rfind('\n').map_or(0, |p| p + 1) + 1;
    assert!(row.contains(&format!("{line}:{col}")), "{row}");
    // a header, then the rows, then the counts
    assert!(out.starts_with("article "), "{out}");
    assert!(out
        .lines()
        .last()
        .unwrap()
        .ends_with("in the article's own voice, kind author) in 2 articles"));
}

#[test]
fn json_spans_slice_to_their_text_and_speakers_are_resolved() {
    let o = claimgraph(&["extract", "--format", "json"], None);
    assert!(o.status.success(), "{}", stderr(&o));
    let doc: Value = serde_json::from_str(&stdout(&o)).unwrap();
    assert_eq!(doc["schema"], "claimgraph.extract/1");
    let articles = doc["articles"].as_array().unwrap();
    assert_eq!(articles.len(), 2);
    let mut n = 0;
    for a in articles {
        let text = story_text(a["id"].as_str().unwrap());
        for x in a["attributions"].as_array().unwrap() {
            for role in ["source", "cue", "content", "via", "modifiers"] {
                for s in x[role].as_array().unwrap() {
                    let (b, e) = (s["start"].as_u64().unwrap(), s["end"].as_u64().unwrap());
                    assert_eq!(&text[b as usize..e as usize], s["text"], "{role} of {x}");
                    n += 1;
                }
            }
            assert_eq!(x["author_voice"], x["kind"] == "author");
        }
    }
    assert!(n > 60, "{n}");
    let all: Vec<&Value> = articles
        .iter()
        .flat_map(|a| a["attributions"].as_array().unwrap())
        .collect();
    assert_eq!(doc["attributions_count"], all.len());
    // "She reportedly said" is Margarita Simonyan of RT, found through the antecedent
    let she = all
        .iter()
        .find(|x| {
            x["source"][0]["text"] == "She"
                && x["cue"][0]["text"]
                    .as_str()
                    .is_some_and(|c| c.ends_with("said"))
        })
        .unwrap();
    assert_eq!(she["antecedent"]["text"], "Margarita Simonyan");
    assert_eq!(she["speaker"]["source"], "rt");
    assert_eq!(she["speaker"]["person"], "Margarita Simonyan");
    // "The post reads" stays unresolved
    let post = all
        .iter()
        .find(|x| x["source"][0]["text"] == "The post")
        .unwrap();
    assert!(post["speaker"].is_null());
    // the story folder gives the same attributions as the embedded copy
    let dir = story_dir();
    let o = claimgraph(
        &["extract", "-f", "json", "--strict", dir.to_str().unwrap()],
        None,
    );
    assert!(o.status.success(), "{}", stderr(&o));
    let folder: Value = serde_json::from_str(&stdout(&o)).unwrap();
    for (a, b) in articles.iter().zip(folder["articles"].as_array().unwrap()) {
        assert_eq!(a["attributions"], b["attributions"]);
        assert_eq!(b["input"], dir.to_str().unwrap());
    }
}

#[test]
fn jsonl_of_loose_files_matches_the_json_and_leaves_out_the_own_voice() {
    let dir = tempfile::tempdir().unwrap();
    let txt = "The mayor said the bridge is safe.\n\nThe river rose overnight.\n\nPolice warned that “roads will close.”\n";
    fs::write(dir.path().join("harbour.txt"), txt).unwrap();
    // PolNeAR's schema, with fields the loader ignores
    let texts = [
        (
            "doc-1",
            "According to officials, the port will reopen on Monday.",
        ),
        ("doc-2", "“We are ready,” the minister said. Prices fell."),
    ];
    let mut jsonl = String::new();
    for (id, t) in texts {
        jsonl.push_str(
            &serde_json::json!({"id": id, "split": "train", "text": t, "attributions": []})
                .to_string(),
        );
        jsonl.push('\n');
    }
    fs::write(dir.path().join("gold.jsonl"), jsonl).unwrap();
    let args = ["harbour.txt", "gold.jsonl"];
    let o = claimgraph(
        &[&["extract", "-f", "jsonl"][..], &args].concat(),
        Some(dir.path()),
    );
    assert!(o.status.success(), "{}", stderr(&o));
    let lines: Vec<Value> = stdout(&o)
        .lines()
        .map(|l| serde_json::from_str(l).unwrap())
        .collect();
    let ids: Vec<&str> = lines.iter().map(|l| l["id"].as_str().unwrap()).collect();
    assert_eq!(ids, ["harbour", "doc-1", "doc-2"]);
    let o = claimgraph(
        &[&["extract", "-f", "json"][..], &args].concat(),
        Some(dir.path()),
    );
    let doc: Value = serde_json::from_str(&stdout(&o)).unwrap();
    let full = [txt, texts[0].1, texts[1].1];
    for ((line, art), text) in lines
        .iter()
        .zip(doc["articles"].as_array().unwrap())
        .zip(full)
    {
        let shown: Vec<&Value> = art["attributions"]
            .as_array()
            .unwrap()
            .iter()
            .filter(|x| x["kind"] != "author")
            .collect();
        let got = line["attributions"].as_array().unwrap();
        assert_eq!(got.len(), shown.len(), "{line}");
        assert!(!got.is_empty(), "{line}");
        for (g, x) in got.iter().zip(shown) {
            for role in ["source", "cue", "content"] {
                assert_eq!(spans(&g[role]), text_spans(&x[role]), "{role}");
                for (p, s) in spans(&g[role]).iter().zip(x[role].as_array().unwrap()) {
                    assert_eq!(&text[p[0]..p[1]], s["text"]);
                }
            }
            // no registry for loose files
            assert!(g["speaker"].is_null() && x["speaker"].is_null());
        }
    }
    // the own voice is shown in the JSON but not in the JSONL
    let harbour = &doc["articles"][0]["attributions"];
    assert!(harbour
        .as_array()
        .unwrap()
        .iter()
        .any(|x| x["kind"] == "author" && x["content"][0]["text"] == "The river rose overnight."));
    assert!(lines.iter().all(|l| l["attributions"]
        .as_array()
        .unwrap()
        .iter()
        .all(|x| x["kind"] != "author")));
    let said = &lines[0]["attributions"][0];
    assert_eq!(said["cue"], serde_json::json!([[10, 14]]));
    assert_eq!(&txt[10..14], "said");
}

#[test]
fn bad_paths_are_named_and_the_rest_is_processed() {
    let dir = tempfile::tempdir().unwrap();
    let d = dir.path();
    fs::write(d.join("good.txt"), "The mayor said the bridge is safe.\n").unwrap();
    fs::write(d.join("binary.txt"), b"\x89PNG\r\n\x1a\n\x00\x00").unwrap();
    fs::write(d.join("latin1.md"), b"Caf\xe9 owners said it burned.\n").unwrap();
    fs::create_dir(d.join("not-a-story")).unwrap();
    let o = claimgraph(
        &[
            "extract",
            "missing.md",
            "good.txt",
            "binary.txt",
            "latin1.md",
            "not-a-story",
        ],
        Some(d),
    );
    assert_eq!(o.status.code(), Some(1));
    let err = stderr(&o);
    for name in ["missing.md", "binary.txt", "latin1.md:1:4", "not-a-story"] {
        assert!(
            err.lines()
                .any(|l| l.starts_with(&format!("error: {name}"))),
            "{name} not named:\n{err}"
        );
    }
    assert!(err.contains("4 of 5 inputs could not be read"), "{err}");
    let out = stdout(&o);
    assert!(out.contains("said [10..14]"), "{out}");
    // --strict: the first problem is fatal and nothing is printed
    let o = claimgraph(&["extract", "--strict", "good.txt", "missing.md"], Some(d));
    assert_eq!(o.status.code(), Some(1));
    assert!(stderr(&o).contains("missing.md: no such file or folder"));
    assert!(o.stdout.is_empty());
    // a bad line of a JSONL file is a warning: the other lines are extracted
    fs::write(
        d.join("bulk.jsonl"),
        "{\"id\":\"a\",\"text\":\"Police said roads will close.\"}\n{broken\n",
    )
    .unwrap();
    let o = claimgraph(&["extract", "-f", "jsonl", "bulk.jsonl"], Some(d));
    assert!(o.status.success(), "{}", stderr(&o));
    assert!(
        stderr(&o).contains("warning: bulk.jsonl:2:"),
        "{}",
        stderr(&o)
    );
    assert_eq!(stdout(&o).lines().count(), 1);
    let o = claimgraph(&["extract", "--strict", "bulk.jsonl"], Some(d));
    assert_eq!(o.status.code(), Some(1));
}

#[test]
fn output_file_is_written_whole() {
    let dir = tempfile::tempdir().unwrap();
    let out = dir.path().join("attributions.jsonl");
    let o = claimgraph(
        &["extract", "-f", "jsonl", "-o", out.to_str().unwrap()],
        None,
    );
    assert!(o.status.success(), "{}", stderr(&o));
    assert!(o.stdout.is_empty());
    let o2 = claimgraph(&["extract", "-f", "jsonl"], None);
    assert_eq!(fs::read(&out).unwrap(), o2.stdout);
    let bad = dir.path().join("missing-folder/out.json");
    let o = claimgraph(&["extract", "-o", bad.to_str().unwrap()], None);
    assert_eq!(o.status.code(), Some(1));
    assert!(
        stderr(&o).contains("missing-folder/out.json"),
        "{}",
        stderr(&o)
    );
}

/// The JSONL of PolNeAR texts, scored by the reference scorer, gives what
/// `claimgraph eval attribution` prints for the same texts.
#[cfg(feature = "lab")]
#[test]
fn jsonl_scores_like_the_evaluation() {
    let Some(shared) = shared() else { return };
    if !have_python() {
        return;
    }
    let dev = fs::read_to_string(shared.join("data/polnear/dev.jsonl")).unwrap();
    let dir = tempfile::tempdir().unwrap();
    let gold = dir.path().join("gold.jsonl");
    let some: String = dev.lines().take(25).map(|l| format!("{l}\n")).collect();
    fs::write(&gold, some).unwrap();
    let pred = dir.path().join("pred.jsonl");
    let o = claimgraph(
        &[
            "extract",
            "--strict",
            "-f",
            "jsonl",
            gold.to_str().unwrap(),
            "-o",
            pred.to_str().unwrap(),
        ],
        None,
    );
    assert!(o.status.success(), "{}", stderr(&o));
    let script = shared.join("eval/attr_score.py");
    let py = Command::new("python3")
        .arg(&script)
        .arg(&gold)
        .arg(&pred)
        .output()
        .unwrap();
    assert!(py.status.success(), "{}", stderr(&py));
    let ours = claimgraph(&["eval", "attribution", gold.to_str().unwrap()], None);
    assert!(ours.status.success(), "{}", stderr(&ours));
    assert_eq!(stdout(&py).trim_end(), stdout(&ours).trim_end());
}

#[cfg(feature = "lab")]
#[test]
fn bench_runs_on_a_small_file_and_names_a_missing_one() {
    let dir = tempfile::tempdir().unwrap();
    let p = dir.path().join("tiny.jsonl");
    fs::write(
        &p,
        "{\"id\":\"a\",\"text\":\"The mayor said the bridge is safe.\",\"attributions\":[]}\n\
         {\"id\":\"b\",\"text\":\"According to officials, the port will reopen.\",\"attributions\":[]}\n",
    )
    .unwrap();
    let o = claimgraph(
        &[
            "bench",
            "extract",
            p.to_str().unwrap(),
            "--threads",
            "2",
            "--repeat",
            "2",
        ],
        None,
    );
    assert!(o.status.success(), "{}", stderr(&o));
    let out = stdout(&o);
    for want in [
        "2 articles",
        "MB/s",
        "best",
        "median",
        "speed-up with 2 threads",
        "cores",
    ] {
        assert!(out.contains(want), "{want} missing:\n{out}");
    }
    // the default input is ../shared/data/polnear/train.jsonl from the current folder
    let work = dir.path().join("work");
    fs::create_dir(&work).unwrap();
    let o = claimgraph(&["bench", "extract", "--repeat", "1"], Some(&work));
    assert_eq!(o.status.code(), Some(1));
    assert!(
        stderr(&o).contains("../shared/data/polnear/train.jsonl: no such file"),
        "{}",
        stderr(&o)
    );
    let o = claimgraph(
        &["bench", "extract", "--repeat", "0", p.to_str().unwrap()],
        None,
    );
    assert_eq!(o.status.code(), Some(2));
}
