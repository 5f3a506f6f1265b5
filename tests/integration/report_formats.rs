//! Every report format for every story in `corpus/`, through the command line, and what each
//! format promises: JSON and RON read back into the same report, the CSV has one correctly
//! quoted row per claim, the ClaimReview markup has schema.org's required fields.

use claimgraph::report::csv::COLUMNS;
use claimgraph::Report;
use serde_json::Value;
use std::path::{Path, PathBuf};
use std::process::{Command, Output};

fn claimgraph(args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_claimgraph"))
        .args(args)
        .output()
        .unwrap()
}

fn stdout(args: &[&str]) -> String {
    let out = claimgraph(args);
    assert!(
        out.status.success(),
        "{args:?}: {}",
        String::from_utf8_lossy(&out.stderr)
    );
    String::from_utf8(out.stdout).unwrap()
}

/// Every story folder under `corpus/`.
fn stories() -> Vec<PathBuf> {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("corpus");
    let mut out: Vec<PathBuf> = std::fs::read_dir(dir)
        .unwrap()
        .map(|e| e.unwrap().path())
        .filter(|p| p.join("story.ron").is_file())
        .collect();
    out.sort();
    assert!(out.len() >= 2, "{out:?}");
    out
}

const FORMATS: &[&str] = &[
    "md",
    "json",
    "ron",
    "csv",
    "dot",
    "svg",
    "html",
    "claimreview",
];

#[test]
fn every_format_renders_for_every_story_and_writes_whole_files() {
    let tmp = tempfile::tempdir().unwrap();
    for story in stories() {
        let s = story.to_str().unwrap();
        let json = stdout(&["report", s, "--format", "json", "--strict"]);
        let report = Report::from_json(&json).unwrap();
        assert!(report.summary.claims > 0, "{s}");
        for f in FORMATS {
            let file = tmp.path().join(format!("out.{f}"));
            let out = claimgraph(&[
                "report",
                s,
                "--format",
                f,
                "--publisher",
                "Example Fact Desk",
                "--review-date",
                "2026-11-23",
                "-o",
                file.to_str().unwrap(),
            ]);
            assert!(
                out.status.success(),
                "{s} {f}: {}",
                String::from_utf8_lossy(&out.stderr)
            );
            assert!(out.stdout.is_empty());
            let text = std::fs::read_to_string(&file).unwrap();
            // every claim is in every format (the pictures name them in attributes);
            // ClaimReview is by proposition
            if *f == "claimreview" {
                assert_eq!(
                    text.matches("\"ClaimReview\"").count(),
                    reviewed(&report).len()
                );
            } else {
                for c in &report.claims {
                    assert!(text.contains(&c.id), "{s} {f}: {}", c.id);
                }
            }
        }
        // no temporary files left behind
        let left: Vec<_> = std::fs::read_dir(tmp.path())
            .unwrap()
            .map(|e| e.unwrap().file_name())
            .filter(|n| n.to_string_lossy().ends_with(".tmp"))
            .collect();
        assert!(left.is_empty(), "{left:?}");
    }
}

#[test]
fn json_and_ron_carry_the_same_report_and_read_back() {
    for story in stories() {
        let s = story.to_str().unwrap();
        let json = stdout(&["report", s, "--format", "json"]);
        let ron = stdout(&["report", s, "--format", "ron"]);
        let from_json = Report::from_json(&json).unwrap();
        let from_ron = Report::from_ron(&ron).unwrap();
        assert_eq!(from_json, from_ron, "{s}");
        assert_eq!(from_json.schema, claimgraph::report::SCHEMA);
        // and writing what was read gives the same text
        assert_eq!(from_ron.to_ron(), ron);
        assert_eq!(from_json.to_json(), json);
    }
}

#[test]
fn the_schema_document_names_every_field_of_the_json() {
    let doc =
        std::fs::read_to_string(Path::new(env!("CARGO_MANIFEST_DIR")).join("src/report/SCHEMA.md"))
            .unwrap();
    assert!(doc.contains(claimgraph::report::SCHEMA));
    let mut all = std::collections::BTreeSet::new();
    for story in stories() {
        let json = stdout(&["report", story.to_str().unwrap(), "--format", "json"]);
        let v: Value = serde_json::from_str(&json).unwrap();
        keys(&v, &mut all);
    }
    fn keys(v: &Value, out: &mut std::collections::BTreeSet<String>) {
        match v {
            Value::Object(m) => {
                for (k, x) in m {
                    out.insert(k.clone());
                    keys(x, out);
                }
            }
            Value::Array(a) => a.iter().for_each(|x| keys(x, out)),
            _ => {}
        }
    }
    for k in all {
        assert!(
            doc.contains(&format!("`{k}`")),
            "SCHEMA.md does not describe `{k}`"
        );
    }
}

#[test]
fn csv_has_one_row_per_claim_with_quoting_a_parser_accepts() {
    for story in stories() {
        let s = story.to_str().unwrap();
        let report = Report::from_json(&stdout(&["report", s, "--format", "json"])).unwrap();
        let text = stdout(&["report", s, "--format", "csv"]);
        let mut rd = csv::ReaderBuilder::new().from_reader(text.as_bytes());
        let header: Vec<String> = rd.headers().unwrap().iter().map(String::from).collect();
        assert_eq!(header, COLUMNS);
        let rows: Vec<csv::StringRecord> = rd.records().map(|r| r.unwrap()).collect();
        assert_eq!(rows.len(), report.claims.len(), "{s}");
        let col = |name: &str| COLUMNS.iter().position(|c| *c == name).unwrap();
        for (row, c) in rows.iter().zip(&report.claims) {
            assert_eq!(row.len(), COLUMNS.len());
            assert_eq!(&row[col("claim")], c.id);
            assert_eq!(&row[col("article")], c.article);
            assert_eq!(&row[col("source")], c.speaker.name);
            assert_eq!(&row[col("stance")], c.stance.label());
            // the sentence survives commas, quotation marks and all
            assert_eq!(&row[col("evidence")], c.evidence.text);
            assert_eq!(&row[col("credibility")], c.grade);
        }
    }
}

/// The propositions ClaimReview reviews by default: all but those made only of the
/// articles' own background sentences.
fn reviewed(r: &Report) -> Vec<&claimgraph::report::PropositionInfo> {
    r.propositions
        .iter()
        .filter(|p| {
            r.claims
                .iter()
                .filter(|c| p.claims.contains(&c.id))
                .any(|c| c.kind != claimgraph::report::AttributionKind::Author)
        })
        .collect()
}

#[test]
fn claimreview_has_the_required_fields_for_every_proposition() {
    let mut left_out = 0;
    for story in stories() {
        let s = story.to_str().unwrap();
        let report = Report::from_json(&stdout(&["report", s, "--format", "json"])).unwrap();
        let text = stdout(&[
            "report",
            s,
            "--format",
            "claimreview",
            "--publisher",
            "Example Fact Desk",
            "--publisher-url",
            "https://factdesk.example/",
            "--review-date",
            "2026-11-23",
            "--review-url",
            "https://factdesk.example/reviews/{id}",
        ]);
        let v: Value = serde_json::from_str(&text).unwrap();
        let reviews = v.as_array().unwrap();
        let chosen = reviewed(&report);
        left_out += report.propositions.len() - chosen.len();
        assert_eq!(reviews.len(), chosen.len());
        for (r, p) in reviews.iter().zip(chosen) {
            assert_eq!(r["@context"], "https://schema.org");
            assert_eq!(r["@type"], "ClaimReview");
            assert_eq!(r["claimReviewed"], p.statement.as_str());
            assert_eq!(r["datePublished"], "2026-11-23");
            assert_eq!(r["author"]["@type"], "Organization");
            assert_eq!(r["author"]["name"], "Example Fact Desk");
            assert_eq!(r["author"]["url"], "https://factdesk.example/");
            let url = r["url"].as_str().unwrap();
            assert!(
                url.starts_with("https://factdesk.example/reviews/"),
                "{url}"
            );
            assert!(
                !url.contains(['{', ' ', ':']) || url.matches(':').count() == 1,
                "{url}"
            );
            let item = &r["itemReviewed"];
            assert_eq!(item["@type"], "Claim");
            let authors: Vec<&Value> = match &item["author"] {
                Value::Array(a) => a.iter().collect(),
                one => vec![one],
            };
            // a person speaking for a source is a Person affiliated with it
            for a in &authors {
                let claims = report.claims.iter().filter(|c| p.claims.contains(&c.id));
                let mut speakers = claims.map(|c| &c.speaker);
                match a["@type"].as_str().unwrap() {
                    "Person" => {
                        if let Some(aff) = a.get("affiliation") {
                            assert!(speakers.any(|sp| sp.person.as_deref() == a["name"].as_str()
                                && aff["name"] == sp.name.as_str()
                                || sp.name == a["name"].as_str().unwrap()));
                        }
                    }
                    "Organization" => {
                        assert!(speakers.any(
                            |sp| sp.person.is_none() && sp.name == a["name"].as_str().unwrap()
                        ));
                    }
                    t => panic!("author type {t}"),
                }
            }
            // an article appears only with its address
            let with_url: Vec<&str> = report
                .articles
                .iter()
                .filter(|a| a.url.is_some())
                .filter(|a| {
                    report
                        .claims
                        .iter()
                        .any(|c| c.article == a.id && p.claims.contains(&c.id))
                })
                .map(|a| a.url.as_deref().unwrap())
                .collect();
            match item["appearance"].as_array() {
                Some(appearances) => {
                    assert_eq!(appearances.len(), with_url.len());
                    for a in appearances {
                        assert!(with_url.contains(&a["url"].as_str().unwrap()));
                    }
                    assert!(item["firstAppearance"]["url"].is_string());
                    let dates: Vec<&str> = appearances
                        .iter()
                        .filter_map(|a| a["datePublished"].as_str())
                        .collect();
                    if let Some(first) = dates.iter().min() {
                        assert_eq!(item["firstAppearance"]["datePublished"], *first);
                    }
                }
                None => {
                    assert!(with_url.is_empty());
                    assert!(item.get("firstAppearance").is_none());
                }
            }
            let rating = &r["reviewRating"];
            assert_eq!(rating["@type"], "Rating");
            assert_eq!(rating["bestRating"], 5);
            assert_eq!(rating["worstRating"], 1);
            assert!(rating["alternateName"].as_str().unwrap().contains(&p.grade));
            assert_eq!(rating["ratingExplanation"], p.reasons.join("; ").as_str());
            match p.credibility {
                6 => assert!(rating.get("ratingValue").is_none()),
                c => assert_eq!(rating["ratingValue"], 6 - c as i64),
            }
        }
    }
    assert!(left_out > 0, "some background proposition is left out");
}

#[test]
fn claimreview_chooses_its_propositions() {
    let report = Report::from_json(&stdout(&["report", "--format", "json"])).unwrap();
    let base = [
        "report",
        "--format",
        "claimreview",
        "--publisher",
        "Fact Desk",
        "--review-date",
        "2026-11-23",
    ];
    let run = |extra: &[&str]| -> Vec<Value> {
        let args: Vec<&str> = base.iter().chain(extra).copied().collect();
        serde_json::from_str::<Value>(&stdout(&args))
            .unwrap()
            .as_array()
            .unwrap()
            .clone()
    };
    let all = run(&["--include-background"]);
    assert_eq!(all.len(), report.propositions.len());
    // --only: exactly these, background or not
    let ids: Vec<&str> = report
        .propositions
        .iter()
        .take(2)
        .map(|p| p.id.as_str())
        .collect();
    let only = run(&["--only", &ids.join(",")]);
    assert_eq!(only.len(), 2);
    for (r, p) in only.iter().zip(&report.propositions) {
        assert_eq!(r["claimReviewed"], p.statement.as_str());
    }
    // --min-origins
    let two = run(&["--min-origins", "2", "--include-background"]);
    let want = report
        .propositions
        .iter()
        .filter(|p| p.independent_origins >= 2)
        .count();
    assert_eq!(two.len(), want);
    assert!(want < report.propositions.len());
    // an unknown id, and addresses that are not web addresses, are usage errors
    for bad in [
        vec!["--only", "no-such-proposition"],
        vec!["--review-url", "javascript:alert(1)"],
        vec!["--publisher-url", "data:text/html,x"],
    ] {
        let args: Vec<&str> = base.iter().chain(&bad).copied().collect();
        let out = claimgraph(&args);
        assert_eq!(out.status.code(), Some(2), "{bad:?}");
        assert!(out.stdout.is_empty());
    }
}

#[test]
fn claimreview_without_a_publisher_is_a_usage_error() {
    let out = claimgraph(&["report", "--format", "claimreview"]);
    assert_eq!(out.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&out.stderr).contains("--publisher"));
    let out = claimgraph(&[
        "report",
        "--format",
        "claimreview",
        "--publisher",
        "X",
        "--review-date",
        "23/11/2026",
    ]);
    assert_eq!(out.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&out.stderr).contains("--review-date 23/11/2026"));
}
