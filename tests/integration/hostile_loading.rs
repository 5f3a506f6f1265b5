//! Hostile and careless input to loading: files that are not files, links that loop or
//! lead out, byte-order marks and carriage returns, dates of every kind, bad registry
//! entries and ids, empty stories. Each gets a clear message naming the file and place, the
//! rest of the story still loads, nothing hangs and nothing panics.

use claimgraph::corpus::{load_path, load_story, LoadOptions, MAX_FILE_BYTES};
use std::fs;
use std::os::unix::fs::symlink;
use std::path::Path;
use std::process::{Command, Output, Stdio};
use std::time::{Duration, Instant};

fn write(dir: &Path, rel: &str, bytes: impl AsRef<[u8]>) {
    let p = dir.join(rel);
    fs::create_dir_all(p.parent().unwrap()).unwrap();
    fs::write(p, bytes).unwrap();
}

/// Runs the binary, killing it (and failing) if it takes longer than a minute: the point of
/// several tests is that nothing blocks.
fn claimgraph(args: &[&str]) -> Output {
    claimgraph_reading(args, Stdio::null())
}

/// As [`claimgraph`], with `stdin` as standard input.
fn claimgraph_reading(args: &[&str], stdin: Stdio) -> Output {
    let mut child = Command::new(env!("CARGO_BIN_EXE_claimgraph"))
        .args(args)
        .stdin(stdin)
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    let start = Instant::now();
    while child.try_wait().unwrap().is_none() {
        if start.elapsed() > Duration::from_secs(60) {
            child.kill().unwrap();
            panic!("claimgraph {args:?} did not finish in a minute");
        }
        std::thread::sleep(Duration::from_millis(20));
    }
    child.wait_with_output().unwrap()
}

fn stderr(o: &Output) -> String {
    String::from_utf8_lossy(&o.stderr).into_owned()
}

/// A small good story: a registry of one source and one article.
fn story() -> tempfile::TempDir {
    let dir = tempfile::tempdir().unwrap();
    let d = dir.path();
    write(d, "story.ron", "(title: \"Harbour fire\")");
    write(
        d,
        "sources.ron",
        "(sources: [(id: \"port-authority\", name: \"Port Authority\", kind: Government)])",
    );
    write(
        d,
        "articles/good.md",
        "+++\nid = \"good\"\n+++\nThe Port Authority said on Friday that the fire was under control.\n",
    );
    dir
}

fn mkfifo(path: &Path) {
    let ok = Command::new("mkfifo")
        .arg(path)
        .status()
        .is_ok_and(|s| s.success());
    assert!(ok, "mkfifo {}", path.display());
}

fn messages(story: &claimgraph::Story) -> Vec<String> {
    story.diagnostics.iter().map(|d| d.to_string()).collect()
}

#[test]
fn links_loop_or_lead_out_and_the_walk_ends() {
    let outside = tempfile::tempdir().unwrap();
    write(
        outside.path(),
        "secret.txt",
        "The neighbour said the password is hunter2.\n",
    );
    let dir = story();
    let a = dir.path().join("articles");
    symlink(".", a.join("l1")).unwrap();
    symlink(".", a.join("l2")).unwrap();
    symlink(outside.path().join("secret.txt"), a.join("secret.txt")).unwrap();
    symlink("/dev/zero", a.join("zero.txt")).unwrap();
    symlink("good.md", a.join("again.md")).unwrap();
    fs::create_dir(a.join("more")).unwrap();
    write(
        &a,
        "more/two.txt",
        "Firefighters said the blaze started in a warehouse.\n",
    );
    symlink("more", a.join("alias-of-more")).unwrap();
    let story = load_story(dir.path(), &LoadOptions::default()).unwrap();
    let ids: Vec<&str> = story.articles.iter().map(|a| a.id.as_str()).collect();
    assert_eq!(ids, ["good", "two"]);
    let msgs = messages(&story);
    for (link, what) in [
        ("l1", "a folder already read (articles)"),
        ("l2", "a folder already read (articles)"),
        ("alias-of-more", "a folder already read (articles/more)"),
        ("again.md", "a file already read (articles/good.md)"),
        ("secret.txt", "out of the story folder"),
        ("zero.txt", "out of the story folder"),
    ] {
        let hits = msgs
            .iter()
            .filter(|m| m.contains(&format!("articles/{link}: ")) && m.contains(what))
            .count();
        assert_eq!(hits, 1, "{link}: {msgs:#?}");
    }
    assert_eq!(msgs.len(), 6, "{msgs:#?}");
    let out = claimgraph(&["report", "--format", "json", dir.path().to_str().unwrap()]);
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    assert!(!String::from_utf8_lossy(&out.stdout).contains("hunter2"));
}

#[test]
fn registry_and_story_file_links_leading_out_are_not_followed() {
    let outside = tempfile::tempdir().unwrap();
    write(
        outside.path(),
        "sources.ron",
        "(sources: [(id: \"port-authority\", name: \"Port Authority\", kind: Government)])",
    );
    let dir = story();
    fs::remove_file(dir.path().join("sources.ron")).unwrap();
    symlink(
        outside.path().join("sources.ron"),
        dir.path().join("sources.ron"),
    )
    .unwrap();
    let story = load_story(dir.path(), &LoadOptions::default()).unwrap();
    let msgs = messages(&story);
    assert!(
        msgs.len() == 1 && msgs[0].contains("sources.ron: symbolic link leading out"),
        "{msgs:#?}"
    );
    assert!(story.registry.sources().is_empty());
}

#[test]
fn fifos_and_devices_are_refused_without_blocking() {
    let dir = story();
    let a = dir.path().join("articles");
    mkfifo(&a.join("pipe.md"));
    mkfifo(&dir.path().join("accepted.report.json"));
    let s = dir.path().to_str().unwrap();
    let out = claimgraph(&["articles", s]);
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    assert!(
        stderr(&out).contains("articles/pipe.md: a FIFO (named pipe), not a file: not read"),
        "{}",
        stderr(&out)
    );
    // the snapshot is a FIFO: review says so at once
    let out = claimgraph(&["review", s]);
    assert_eq!(out.status.code(), Some(2));
    assert!(
        stderr(&out).contains("accepted.report.json: a FIFO (named pipe), not a file"),
        "{}",
        stderr(&out)
    );
    // a device named as an article fails at once, with a clear message
    for dev in ["/dev/zero", "/dev/urandom", "/dev/null"] {
        let out = claimgraph(&["extract", dev]);
        assert_eq!(out.status.code(), Some(1), "{dev}");
        assert!(
            stderr(&out).contains(&format!("{dev}: a character device, not a file")),
            "{dev}: {}",
            stderr(&out)
        );
    }
    let err = load_path(Path::new("/dev/zero"), &LoadOptions::default()).unwrap_err();
    assert!(err.to_string().contains("character device"), "{err}");
}

#[test]
fn the_snapshot_is_read_only_up_to_the_limit() {
    let dir = story();
    let huge = fs::File::create(dir.path().join("accepted.report.json")).unwrap();
    huge.set_len(MAX_FILE_BYTES + 1).unwrap();
    let out = claimgraph(&["review", dir.path().to_str().unwrap()]);
    assert_eq!(out.status.code(), Some(2));
    assert!(
        stderr(&out).contains("accepted.report.json: file is 64.0 MiB, over the limit of 64 MiB"),
        "{}",
        stderr(&out)
    );
    // not UTF-8: named with its place
    fs::write(
        dir.path().join("accepted.report.json"),
        b"{\"schema\": \"\xff\"}",
    )
    .unwrap();
    let out = claimgraph(&["review", dir.path().to_str().unwrap()]);
    assert_eq!(out.status.code(), Some(2));
    assert!(stderr(&out).contains("accepted.report.json:1:13: not a claimgraph report"));
}

#[test]
fn byte_order_marks_and_carriage_returns() {
    let dir = tempfile::tempdir().unwrap();
    let d = dir.path();
    write(d, "story.ron", "\u{feff}(title: \"Harbour fire\")");
    write(
        d,
        "sources.ron",
        "\u{feff}(sources: [(id: \"port-authority\", name: \"Port Authority\", kind: Government)])",
    );
    let body = "The Port Authority said on Friday that the fire was under control.\r\rFirefighters said the blaze began in a warehouse.\r";
    write(
        d,
        "articles/cr.md",
        format!("\u{feff}+++\rid = \"cr\"\rpublished = 2031-05-02\r+++\r{body}"),
    );
    write(
        d,
        "articles/crlf.md",
        "---\r\nid: crlf\r\noutlet: Valdera Courier\r\n---\r\nThe Port Authority said the harbour would reopen.\r\n",
    );
    write(
        d,
        "articles/bulk.jsonl",
        "\u{feff}{\"id\": \"j\", \"text\": \"The Port Authority said the cranes were safe.\"}\n",
    );
    let story = load_story(d, &LoadOptions::default()).unwrap();
    assert!(story.diagnostics.is_empty(), "{:#?}", messages(&story));
    assert_eq!(story.meta.title, "Harbour fire");
    assert_eq!(story.registry.sources().len(), 1);
    let ids: Vec<&str> = story.articles.iter().map(|a| a.id.as_str()).collect();
    assert_eq!(ids, ["j", "cr", "crlf"]);
    let cr = &story.articles[1];
    assert_eq!(cr.text, body, "the text is what follows the front matter");
    assert_eq!(
        cr.published.map(|d| d.to_string()).as_deref(),
        Some("2031-05-02")
    );
    assert_eq!(story.articles[2].outlet.as_deref(), Some("Valdera Courier"));
    // spans point into that text, and speakers resolve with the registry
    let report = claimgraph::analyze(&story, &Default::default());
    let claim = report
        .claims
        .iter()
        .find(|c| c.article == "cr")
        .expect("a claim in the article with lone carriage returns");
    assert_eq!(
        &cr.text[claim.evidence.start..claim.evidence.end],
        claim.evidence.text
    );
    let named: Vec<_> = report
        .claims
        .iter()
        .filter(|c| c.speaker.mention.contains("Port Authority"))
        .collect();
    assert!(named.len() >= 3, "{:#?}", report.claims);
    assert!(named.iter().all(|c| c.speaker.source == "port-authority"));
}

#[test]
fn every_kind_of_date() {
    let dir = story();
    let d = dir.path();
    let said = "The Port Authority said the fire was out.";
    write(
        d,
        "articles/native.md",
        format!("+++\npublished = 2031-05-02\n+++\n{said}\n"),
    );
    write(
        d,
        "articles/datetime.md",
        format!("+++\npublished = 2031-05-02T08:30:00+02:00\n+++\n{said}\n"),
    );
    write(
        d,
        "articles/yaml.md",
        format!("---\npublished: 2031-05-02\n---\n{said}\n"),
    );
    write(
        d,
        "articles/bad.md",
        format!("+++\npublished = \"2 May 2031\"\n+++\n{said}\n"),
    );
    write(
        d,
        "articles/far.txt",
        format!("+++\npublished = \"+262142-12-31\"\n+++\n{said}\n"),
    );
    write(
        d,
        "articles/bulk.jsonl",
        format!("{{\"id\": \"j1\", \"text\": \"{said}\", \"published\": \"May 2, 2031\"}}\n{{\"id\": \"j2\", \"text\": \"{said}\", \"published\": 2031}}\n"),
    );
    write(
        d,
        "articles/page.html",
        format!("<html><head><title>Fire</title>\n<meta property=\"article:published_time\" content=\"02/05/2031\"></head>\n<body><article><p>{said}</p></article></body></html>"),
    );
    let story = load_story(d, &LoadOptions::default()).unwrap();
    let date = |id: &str| {
        story
            .articles
            .iter()
            .find(|a| a.id == id)
            .unwrap_or_else(|| panic!("article {id} kept"))
            .published
            .map(|d| d.to_string())
    };
    for id in ["native", "datetime", "yaml"] {
        assert_eq!(date(id).as_deref(), Some("2031-05-02"), "{id}");
    }
    for id in ["bad", "far", "j1", "j2", "page"] {
        assert_eq!(date(id), None, "{id}");
    }
    let msgs = messages(&story);
    let expected = "is not a date (expected YYYY-MM-DD or RFC 3339); left unknown";
    for (place, value) in [
        ("articles/bad.md:2:14: ", "\"2 May 2031\""),
        ("articles/far.txt:2:14: ", "\"+262142-12-31\""),
        ("articles/bulk.jsonl:1:", "\"May 2, 2031\""),
        ("articles/bulk.jsonl:2:", "\"2031\""),
        ("articles/page.html:2:", "\"02/05/2031\""),
    ] {
        assert!(
            msgs.iter()
                .any(|m| m.contains(place)
                    && m.contains(&format!("published date {value} {expected}"))),
            "{place} {value}: {msgs:#?}"
        );
    }
    assert_eq!(msgs.len(), 5, "{msgs:#?}");
}

#[test]
fn extreme_publication_dates_do_not_panic() {
    let dir = story();
    let mut story = load_story(dir.path(), &LoadOptions::default()).unwrap();
    let text = "The Port Authority said tomorrow the harbour would reopen. \
                It said yesterday that the fire was out. \
                The Port Authority said next week the cranes would be checked. \
                The Port Authority said earlier this week that it had warned the crews. \
                The Port Authority said on Sunday that it would report within 99999 weeks.";
    for date in [chrono::NaiveDate::MAX, chrono::NaiveDate::MIN] {
        let mut a = claimgraph::Article::new("far", text);
        a.published = Some(date);
        story.articles = vec![a];
        let report = claimgraph::analyze(&story, &Default::default());
        let times: Vec<_> = report.claims.iter().flat_map(|c| &c.times).collect();
        assert!(!times.is_empty(), "{date}");
        assert!(
            times.iter().any(|t| t.start.is_none()
                && t.unresolved_reason() == Some("no such day counted from the publication date")),
            "{date}: {times:#?}"
        );
        // the renderers show the reason too
        let md = claimgraph::report::markdown::render(&report);
        assert!(
            md.contains("no such day counted from the publication date"),
            "{date}"
        );
        claimgraph::report::html::page(&report);
    }
}

#[test]
fn a_bad_registry_entry_costs_only_itself() {
    let dir = story();
    write(
        dir.path(),
        "sources.ron",
        concat!(
            "(sources: [\n",
            "  (id: \"fire-service\", name: \"Fire Service\", kind: Agancy),\n",
            "  (id: \"port-authority\", name: \"Port Authority\", kind: Government),\n",
            "  (id: \"harbour\", name: \"Harbour Office\", kind: Government, reliability: G),\n",
            "  (id: \"pa\", name: \"The Port Authority\", kind: Government),\n",
            "  (id: \"x:y\", name: \"Colon\", kind: Group),\n",
            "  (id: \"mayor\", kind: Official),\n",
            "])",
        ),
    );
    let s = dir.path().to_str().unwrap();
    let out = claimgraph(&["report", "--format", "json", s]);
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    let err = stderr(&out);
    let warnings: Vec<&str> = err.lines().filter(|l| l.starts_with("warning: ")).collect();
    for (line, what) in [
        ("sources.ron:2:", "source 1 (\"fire-service\"): Unexpected variant named `Agancy`"),
        ("sources.ron:4:", "source 3 (\"harbour\")"),
        ("sources.ron:5:", "name \"The Port Authority\" of source \"pa\" is also a name of source \"port-authority\" (line 3:"),
        ("sources.ron:6:", "source 5 (\"x:y\"): the id is not a slug"),
        ("sources.ron:7:", "source 6 (\"mayor\"): Unexpected missing field named `name`"),
    ] {
        assert!(
            warnings.iter().any(|w| w.contains(line) && w.contains(what)),
            "{line} {what}: {warnings:#?}"
        );
    }
    assert_eq!(warnings.len(), 5, "{warnings:#?}");
    // the good entries load, and the speaker resolves to the first of the two names
    let json: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    let claims = json["claims"].as_array().unwrap();
    assert!(!claims.is_empty());
    assert!(claims
        .iter()
        .all(|c| c["speaker"]["source"] == "port-authority"));
    // --strict makes them fatal
    let out = claimgraph(&["report", s, "--strict"]);
    assert_eq!(out.status.code(), Some(1));
    assert!(stderr(&out).contains("5 problem(s)"), "{}", stderr(&out));
}

#[test]
fn the_readme_story_files_load_as_written() {
    let dir = story();
    write(
        dir.path(),
        "story.ron",
        "(title: \"Harbour fire\", description: \"A fire at the harbour.\")",
    );
    write(
        dir.path(),
        "sources.ron",
        "(sources: [(id: \"kremlin\", name: \"The Kremlin\", kind: Government, aliases: [\"Kremlin\"],\n people: [(name: \"Dmitry Peskov\", role: \"Kremlin spokesman\", aliases: [\"Peskov\"])],\n affiliation: \"Russian state\")])",
    );
    let story = load_story(dir.path(), &LoadOptions::default()).unwrap();
    assert!(story.diagnostics.is_empty(), "{:#?}", messages(&story));
    assert_eq!(
        story.meta.description.as_deref(),
        Some("A fire at the harbour.")
    );
    assert_eq!(
        story.registry.sources()[0].affiliation.as_deref(),
        Some("Russian state")
    );
}

#[test]
fn ids_are_checked() {
    let dir = story();
    let d = dir.path();
    let said = "The Port Authority said the fire was out.";
    let line = |id: &str| format!("{{\"id\": {id}, \"text\": \"{said}\"}}\n");
    let bulk: String = [
        "\"\"",
        "\"   \"",
        "\"nul\\u0000\"",
        "\"bell\\u0007\"",
        "\"two\\nlines\"",
        "\"evil\\u202egnp.exe\"",
        "\" padded\"",
        "\"fine id\"",
        "\"good\"",
        "\"fine id\"",
    ]
    .iter()
    .map(|id| line(id))
    .collect();
    write(d, "articles/bulk.jsonl", bulk);
    write(
        d,
        "articles/iso.md",
        format!("+++\nid = \"\\u2066x\"\n+++\n{said}\n"),
    );
    let story = load_story(d, &LoadOptions::default()).unwrap();
    let ids: Vec<&str> = story.articles.iter().map(|a| a.id.as_str()).collect();
    assert_eq!(ids, ["fine id", "good"]);
    let msgs = messages(&story);
    for (place, what) in [
        ("bulk.jsonl:1:1: ", "is empty"),
        ("bulk.jsonl:2:1: ", "is empty"),
        ("bulk.jsonl:3:1: ", "control character (U+0000)"),
        ("bulk.jsonl:4:1: ", "control character (U+0007)"),
        ("bulk.jsonl:5:1: ", "control character (U+000A)"),
        (
            "bulk.jsonl:6:1: ",
            "bidirectional control character (U+202E)",
        ),
        ("bulk.jsonl:7:1: ", "begins or ends with white space"),
        ("iso.md: ", "bidirectional control character (U+2066)"),
    ] {
        assert!(
            msgs.iter()
                .any(|m| m.contains(place) && m.contains(what) && m.contains("skipped")),
            "{place} {what}: {msgs:#?}"
        );
    }
    // duplicates name where the first one stands, with the line for JSONL
    assert!(
        msgs.iter().any(|m| m.contains(
            "articles/good.md: duplicate article id \"good\" (first in articles/bulk.jsonl:9)"
        )),
        "{msgs:#?}"
    );
    assert!(
        msgs.iter().any(|m| m.contains(
            "bulk.jsonl:10:1: duplicate article id \"fine id\" (first in articles/bulk.jsonl:8)"
        )),
        "{msgs:#?}"
    );
    assert_eq!(msgs.len(), 10, "{msgs:#?}");
}

#[test]
fn many_articles_with_duplicates_load_whole() {
    let dir = story();
    let n = 20_000;
    let bulk: String = (0..n)
        .map(|i| {
            format!(
                "{{\"id\": \"a{}\", \"text\": \"Line {i} said so.\"}}\n",
                i % (n / 2)
            )
        })
        .collect();
    write(dir.path(), "articles/bulk.jsonl", bulk);
    let story = load_story(dir.path(), &LoadOptions::default()).unwrap();
    assert_eq!(story.articles.len(), n / 2 + 1);
    assert_eq!(story.diagnostics.len(), n / 2);
    let last = story.diagnostics.last().unwrap().to_string();
    assert!(
        last.contains(&format!(
            ":{n}:1: duplicate article id \"a{}\" (first in articles/bulk.jsonl:{})",
            n / 2 - 1,
            n / 2
        )),
        "{last}"
    );
}

#[test]
fn dense_html_reads_whole() {
    let dir = story();
    let n = 100_000;
    let page = format!(
        "<html><body><article><p>The Port Authority said {} the fire was out.</p>{}</article></body></html>",
        "&amp; &nbsp;".repeat(n),
        "<p>More.</p>".repeat(n / 10)
    );
    write(dir.path(), "articles/dense.html", page);
    let story = load_story(dir.path(), &LoadOptions::default()).unwrap();
    let a = story.articles.iter().find(|a| a.id == "dense").unwrap();
    assert_eq!(a.text.matches('&').count(), n);
    assert_eq!(a.text.matches("More.").count(), n / 10);
}

#[test]
fn empty_stories_and_folders_that_are_not_stories_fail() {
    let empty = tempfile::tempdir().unwrap();
    let good = story();
    let articles = good.path().join("articles");
    let no_articles = story();
    fs::remove_file(no_articles.path().join("articles/good.md")).unwrap();
    let all_bad = story();
    write(all_bad.path(), "articles/good.md", b"\x00\x01binary");
    let cases = [
        (empty.path().to_path_buf(), "not a story folder: it has neither story.ron nor articles/"),
        (
            articles.clone(),
            &*format!(
                "not a story folder but the articles/ folder of one: give the story folder {} instead",
                good.path().display()
            ),
        ),
        (no_articles.path().to_path_buf(), "no articles: the folder holds no article files"),
        (all_bad.path().to_path_buf(), "none of the 1 article file(s) gave an article; the story is empty"),
    ];
    for (path, message) in cases {
        let p = path.to_str().unwrap();
        for args in [
            vec!["report", p],
            vec!["articles", p],
            vec!["sources", p],
            vec!["check", "the fire is out", p],
            vec!["extract", p],
            vec!["accept", p],
        ] {
            let out = claimgraph(&args);
            assert_eq!(out.status.code(), Some(1), "{args:?}: {}", stderr(&out));
            if args[0] != "extract" {
                assert!(out.stdout.is_empty(), "{args:?}");
            }
            assert!(stderr(&out).contains(message), "{args:?}: {}", stderr(&out));
        }
    }
    assert!(!empty.path().join("accepted.report.json").exists());
}

#[test]
fn every_warning_is_printed_once() {
    let dir = story();
    let d = dir.path();
    write(
        d,
        "articles/bulk.jsonl",
        "{\"id\": \"j\", \"text\": \"The Port Authority said so.\", \"published\": \"soon\"}\n{\"id\": \"j\", \"text\": \"The Port Authority said it again.\"}\n",
    );
    // a link to the same file used to load it, and print its warnings, twice
    symlink("bulk.jsonl", d.join("articles/latest.jsonl")).unwrap();
    write(
        d,
        "articles/bad.md",
        "+++\npublished = \"soon\"\n+++\nThe Port Authority said so.\n",
    );
    write(d, "articles/page.html", "<html><head><meta property=\"article:published_time\" content=\"soon\"></head><body><p>The Port Authority said the fire was out and the harbour would open again.</p></body></html>");
    let s = d.to_str().unwrap();
    for args in [
        vec!["report", s],
        vec!["articles", s],
        vec!["sources", s],
        vec!["check", "the fire is out", s],
        vec!["extract", s],
    ] {
        let out = claimgraph(&args);
        assert_eq!(out.status.code(), Some(0), "{args:?}: {}", stderr(&out));
        let err = stderr(&out);
        let warnings: Vec<&str> = err.lines().filter(|l| l.starts_with("warning: ")).collect();
        let mut unique = warnings.clone();
        unique.sort();
        unique.dedup();
        assert_eq!(unique.len(), warnings.len(), "{args:?}: {warnings:#?}");
        assert_eq!(warnings.len(), 5, "{args:?}: {warnings:#?}");
    }
}

#[test]
fn an_articles_folder_that_is_not_a_folder() {
    for fifo in [true, false] {
        let dir = story();
        fs::remove_dir_all(dir.path().join("articles")).unwrap();
        if fifo {
            mkfifo(&dir.path().join("articles"));
        } else {
            write(dir.path(), "articles", "The Port Authority said so.\n");
        }
        let out = claimgraph(&["articles", dir.path().to_str().unwrap()]);
        assert_eq!(out.status.code(), Some(1), "{}", stderr(&out));
        let err = stderr(&out);
        assert!(
            err.contains("articles: not a folder: no articles read from it"),
            "{err}"
        );
        assert!(err.contains("the story is empty"), "{err}");
    }
}

#[test]
fn fifos_and_sockets_as_story_files_and_articles_are_refused() {
    let dir = story();
    let d = dir.path();
    fs::remove_file(d.join("sources.ron")).unwrap();
    mkfifo(&d.join("sources.ron"));
    fs::remove_file(d.join("story.ron")).unwrap();
    let _story_socket = std::os::unix::net::UnixListener::bind(d.join("story.ron")).unwrap();
    let _article_socket =
        std::os::unix::net::UnixListener::bind(d.join("articles/socket.md")).unwrap();
    let out = claimgraph(&["articles", d.to_str().unwrap()]);
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    let err = stderr(&out);
    for (file, what) in [
        ("sources.ron", "a FIFO (named pipe), not a file"),
        ("story.ron", "a socket, not a file"),
        ("articles/socket.md", "a socket, not a file"),
    ] {
        assert!(err.contains(&format!("{file}: {what}")), "{file}: {err}");
    }
    // the good article still loads
    assert!(String::from_utf8_lossy(&out.stdout).contains("good"));
}

#[test]
fn folders_nested_past_the_limit_are_reported_and_the_rest_loads() {
    let dir = story();
    let mut deep = dir.path().join("articles");
    for i in 0..70 {
        deep = deep.join(format!("d{i}"));
    }
    write(
        &deep,
        "lost.md",
        "The Port Authority said the quay was shut.\n",
    );
    let s = load_story(dir.path(), &LoadOptions::default()).unwrap();
    assert_eq!(s.articles.len(), 1, "{:?}", messages(&s));
    assert!(
        messages(&s).iter().any(|m| m.contains("nested more than")),
        "{:?}",
        messages(&s)
    );
}

#[test]
fn endless_standard_input_stops_at_the_limit() {
    let zero = fs::File::open("/dev/zero").unwrap();
    let out = claimgraph_reading(&["report", "-"], Stdio::from(zero));
    assert_eq!(out.status.code(), Some(1));
    assert!(
        stderr(&out).contains("<stdin>") && stderr(&out).contains("limit"),
        "{}",
        stderr(&out)
    );
}

#[test]
fn yaml_aliases_do_not_expand_without_bound() {
    let dir = story();
    let mut yaml =
        String::from("---\na: &a [\"x\", \"x\", \"x\", \"x\", \"x\", \"x\", \"x\", \"x\"]\n");
    let mut prev = 'a';
    for c in 'b'..='j' {
        yaml.push_str(&format!(
            "{c}: &{c} [*{prev}, *{prev}, *{prev}, *{prev}, *{prev}, *{prev}]\n"
        ));
        prev = c;
    }
    yaml.push_str("title: *j\n---\nThe Port Authority said the quay was shut.\n");
    write(dir.path(), "articles/laughs.md", yaml);
    let start = Instant::now();
    let s = load_story(dir.path(), &LoadOptions::default()).unwrap();
    assert!(start.elapsed() < Duration::from_secs(10));
    // the bad front matter costs only its own article, with a message naming it
    assert_eq!(s.articles.len(), 1, "{:?}", messages(&s));
    assert!(
        messages(&s).iter().any(|m| m.contains("laughs.md")),
        "{:?}",
        messages(&s)
    );
}

#[test]
fn escape_sequences_in_names_and_values_never_reach_the_terminal() {
    let dir = story();
    write(
        dir.path(),
        "articles/x\u{1b}[2Kz.md",
        "+++\npublished = \"x\\u001b[2K\\rFAKE\"\noutlet = \"o\\u001b]0;title\\u0007\"\n+++\nThe Port Authority said the quay was shut.\n",
    );
    let s = dir.path().to_str().unwrap();
    for args in [
        &["articles", s][..],
        &["sources", s],
        &["report", s],
        &["extract", s],
        &["check", s, "the quay was shut"],
    ] {
        let out = claimgraph(args);
        for (name, stream) in [("stdout", &out.stdout), ("stderr", &out.stderr)] {
            let text = String::from_utf8_lossy(stream);
            assert!(
                !text.contains('\u{1b}') && !text.contains('\r') && !text.contains('\u{7}'),
                "{args:?} {name}: {text:?}"
            );
        }
    }
    // and review, once a snapshot is accepted and an article changed
    let out = claimgraph(&["accept", s]);
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    write(
        dir.path(),
        "articles/y.md",
        "+++\noutlet = \"\\u001b[31mred\"\n+++\nThe Port Authority said\u{1b}[2K the \u{9b}1mfire spread.\n",
    );
    let out = claimgraph(&["review", s]);
    assert_eq!(out.status.code(), Some(1), "{}", stderr(&out));
    for stream in [&out.stdout, &out.stderr] {
        let text = String::from_utf8_lossy(stream);
        assert!(
            !text.contains('\u{1b}') && !text.contains('\u{9b}'),
            "{text:?}"
        );
    }
}
