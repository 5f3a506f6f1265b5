//! The default story's HTML report in a headless Chromium: the page's script runs, every
//! claim is shown, and a `#source=…&stance=…` fragment filters the claims and dims the graph.
//!
//! Chromium is found through the `CHROMIUM` environment variable (a path) or as `chromium` or
//! `chromium-browser` on the PATH; without one the tests say so and pass, unless
//! `CLAIMGRAPH_REQUIRE_CHROMIUM` is set (as CI sets it), when they fail.

use claimgraph::report::html;
use claimgraph::Report;
use dom_query::Document;
use std::env;
use std::fs::{self, File};
use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};
use std::time::{Duration, Instant};

/// How long one Chromium run may take before the test gives up on it.
const TIMEOUT: Duration = Duration::from_secs(120);

use crate::common::default_report as report;

/// A small SVG like the graph's: one element per claim with its source and stance, and one
/// without either that the filter must leave alone.
fn placeholder_svg(r: &Report) -> String {
    let mut s = String::from(
        "<?xml version=\"1.0\"?>\n<svg xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 400 20\">",
    );
    for (i, c) in r.claims.iter().enumerate() {
        s.push_str(&format!(
            "<g class=\"claim\" data-claim=\"{}\" data-source=\"{}\" data-stance=\"{}\"><circle cx=\"{}\" cy=\"10\" r=\"4\"/></g>",
            html::escape(&c.id),
            html::escape(c.speaker.source.as_str()),
            html::escape(c.stance.label()),
            10 + i * 10
        ));
    }
    s.push_str("<text id=\"legend\" x=\"0\" y=\"20\">claims</text></svg>\n");
    s
}

fn on_path(name: &str) -> Option<PathBuf> {
    env::split_paths(&env::var_os("PATH")?)
        .map(|dir| dir.join(name))
        .find(|p| p.is_file())
}

/// Says why the test is skipped, or fails it where a browser is required.
fn skip(why: &str) {
    assert!(
        env::var_os("CLAIMGRAPH_REQUIRE_CHROMIUM").is_none(),
        "CLAIMGRAPH_REQUIRE_CHROMIUM is set but {why}"
    );
    eprintln!("skipping the headless Chromium test: {why}");
}

/// The Chromium to use, or `None` (with a message) when there is none that runs.
fn chromium() -> Option<PathBuf> {
    if let Some(p) = env::var_os("CHROMIUM").filter(|p| !p.is_empty()) {
        let p = PathBuf::from(p);
        assert!(p.is_file(), "CHROMIUM={} is not a file", p.display());
        return Some(p);
    }
    let Some(found) = ["chromium", "chromium-browser"]
        .iter()
        .find_map(|n| on_path(n))
    else {
        skip(
            "no chromium or chromium-browser on the PATH and CHROMIUM not set \
             (on Debian: apt-get install chromium)",
        );
        return None;
    };
    // a stub that only tells how to install the real browser does not count
    let runs = Command::new(&found)
        .arg("--version")
        .stdin(Stdio::null())
        .output()
        .is_ok_and(|o| o.status.success() && o.stdout.starts_with(b"Chromium"));
    if runs {
        Some(found)
    } else {
        skip(&format!(
            "{} --version does not report Chromium",
            found.display()
        ));
        None
    }
}

fn file_url(path: &Path, fragment: &str) -> String {
    let path = path.to_string_lossy().replace('\\', "/");
    let mut url = String::from(if path.starts_with('/') {
        "file://"
    } else {
        "file:///"
    });
    for b in path.bytes() {
        if b.is_ascii_alphanumeric() || b"/-._~:".contains(&b) {
            url.push(b as char);
        } else {
            url.push_str(&format!("%{b:02X}"));
        }
    }
    url + fragment
}

/// The DOM of the page after its script ran, as Chromium serialises it.
fn dump_dom(chromium: &Path, page: &Path, fragment: &str) -> String {
    let work = tempfile::tempdir().unwrap();
    let out = work.path().join("dom.html");
    let err = work.path().join("stderr.txt");
    let mut child = Command::new(chromium)
        .args([
            "--headless",
            "--disable-gpu",
            "--no-sandbox",
            "--no-first-run",
            "--disable-dev-shm-usage",
            "--disable-extensions",
            "--virtual-time-budget=5000",
        ])
        .arg(format!(
            "--user-data-dir={}",
            work.path().join("profile").display()
        ))
        .arg("--dump-dom")
        .arg(file_url(page, fragment))
        .stdin(Stdio::null())
        .stdout(File::create(&out).unwrap())
        .stderr(File::create(&err).unwrap())
        .spawn()
        .expect("chromium starts");
    let started = Instant::now();
    let status = loop {
        if let Some(status) = child.try_wait().unwrap() {
            break status;
        }
        if started.elapsed() > TIMEOUT {
            let _ = child.kill();
            let _ = child.wait();
            panic!("chromium took more than {TIMEOUT:?} on {fragment:?}");
        }
        std::thread::sleep(Duration::from_millis(50));
    };
    let dom = fs::read_to_string(&out).unwrap();
    if !status.success() || !dom.contains("</html>") {
        let log = fs::read_to_string(&err).unwrap_or_default();
        let tail: Vec<&str> = log.lines().rev().take(15).collect();
        panic!(
            "chromium failed on {fragment:?} ({status}); its last lines, newest first:\n{}",
            tail.join("\n")
        );
    }
    dom
}

/// The page written to a temporary folder (kept alive by the returned guard).
fn write_page(html: &str) -> (tempfile::TempDir, PathBuf) {
    let dir = tempfile::tempdir().unwrap();
    let page = dir.path().join("report.html");
    fs::write(&page, html).unwrap();
    (dir, page)
}

fn count_text(doc: &Document) -> String {
    doc.select("#claim-count").text().to_string()
}

/// Checks that exactly the claims with `source` (if given) and `stance` (if given) are shown,
/// in the page and in the graph.
fn assert_filtered(r: &Report, dom: &str, source: Option<&str>, stance: Option<&str>) {
    let doc = Document::from(dom);
    let wanted = |s: &str, t: &str| source.is_none_or(|x| x == s) && stance.is_none_or(|x| x == t);
    let expected = r
        .claims
        .iter()
        .filter(|c| wanted(c.speaker.source.as_str(), c.stance.label()))
        .count();
    assert!(expected > 0);
    assert_eq!(
        count_text(&doc),
        format!("showing {expected} of {} claims", r.claims.len()),
        "source {source:?}, stance {stance:?}"
    );
    for c in &r.claims {
        let el = doc.select(&format!("#claims .claim[data-claim=\"{}\"]", c.id));
        assert_eq!(el.length(), 1, "{}", c.id);
        let shown = wanted(c.speaker.source.as_str(), c.stance.label());
        assert_eq!(!el.has_attr("hidden"), shown, "claim {} shown", c.id);
        let mark = doc.select(&format!("#graph g[data-claim=\"{}\"]", c.id));
        assert_eq!(mark.length(), 1, "{}", c.id);
        assert_eq!(
            !mark.has_class("dimmed"),
            shown,
            "graph element {} bright",
            c.id
        );
    }
    // an article with none of the wanted claims is hidden as a whole
    for a in &r.articles {
        let any = r
            .claims
            .iter()
            .any(|c| c.article == a.id && wanted(c.speaker.source.as_str(), c.stance.label()));
        let group = doc.select(&format!("#claims .article-claims[id=\"article-{}\"]", a.id));
        if a.id
            .bytes()
            .all(|b| b.is_ascii_alphanumeric() || b == b'_' || b == b'-')
        {
            assert_eq!(!group.has_attr("hidden"), any, "article {}", a.id);
        }
    }
    assert!(!doc.select("#legend").has_class("dimmed"));
}

#[test]
fn chromium_shows_every_claim() {
    let Some(chromium) = chromium() else { return };
    let r = report();
    // the page as `claimgraph report --format html` writes it, with the real graph
    let (_dir, page) = write_page(&html::page(&r));
    let dom = dump_dom(&chromium, &page, "");
    let doc = Document::from(dom.as_str());
    // the script ran: the filter bar is shown and counts every claim
    assert!(!doc.select("#filters").has_attr("hidden"));
    assert_eq!(
        count_text(&doc),
        format!("showing {0} of {0} claims", r.claims.len())
    );
    let text = doc.select("#claims").text().to_string();
    for c in &r.claims {
        assert!(
            dom.contains(&format!("data-claim=\"{}\"", c.id)),
            "{}",
            c.id
        );
        assert!(text.contains(&c.evidence.text), "evidence of {}", c.id);
    }
    assert_eq!(doc.select("#claims .claim[hidden]").length(), 0);
    assert_eq!(doc.select("#graph .dimmed").length(), 0);
    assert_eq!(doc.select("#graph svg g.claim").length(), r.claims.len());
    assert_eq!(
        doc.select("#claims .claim").length(),
        r.claims.len(),
        "one element per claim"
    );
    assert_eq!(
        doc.select("#relations tr.contradicts").length(),
        r.summary.contradictions
    );
}

#[test]
fn chromium_applies_the_filter_in_the_fragment() {
    let Some(chromium) = chromium() else { return };
    let r = report();
    let (_dir, page) = write_page(&html::render(&r, &placeholder_svg(&r)));
    // the source with the most claims, a stance other than the commonest, and an article's
    // own voice (its id has a colon, percent-encoded in the fragment)
    let mut by_source: Vec<(&str, usize)> = Vec::new();
    for c in &r.claims {
        match by_source.iter_mut().find(|(s, _)| c.speaker.source == *s) {
            Some((_, n)) => *n += 1,
            None => by_source.push((c.speaker.source.as_str(), 1)),
        }
    }
    let busiest = by_source.iter().max_by_key(|(_, n)| *n).unwrap().0;
    let stance = r
        .claims
        .iter()
        .map(|c| c.stance.label())
        .find(|s| *s != "assert")
        .expect("a claim with a stance other than assert");
    let voice = r
        .claims
        .iter()
        .find(|c| c.speaker.source.is_article_voice())
        .expect("a claim in an article's own voice");
    let enc = |s: &str| s.replace(':', "%3A");

    let dom = dump_dom(&chromium, &page, &format!("#source={}", enc(busiest)));
    assert_filtered(&r, &dom, Some(busiest), None);

    let dom = dump_dom(&chromium, &page, &format!("#stance={stance}"));
    assert_filtered(&r, &dom, None, Some(stance));

    let dom = dump_dom(
        &chromium,
        &page,
        &format!(
            "#source={}&stance={}",
            enc(voice.speaker.source.as_str()),
            voice.stance.label()
        ),
    );
    assert_filtered(
        &r,
        &dom,
        Some(voice.speaker.source.as_str()),
        Some(voice.stance.label()),
    );

    // an unknown value is ignored rather than hiding everything
    let dom = dump_dom(&chromium, &page, "#source=no-such-source");
    let doc = Document::from(dom.as_str());
    assert_eq!(
        count_text(&doc),
        format!("showing {0} of {0} claims", r.claims.len())
    );
}
