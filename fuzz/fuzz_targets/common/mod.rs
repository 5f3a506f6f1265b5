#![allow(dead_code)]
//! What the targets share: cutting one input into several files, and the oracles every
//! report must pass in every output format.

use claimgraph::report::{claimreview, csv as report_csv, dot, html, markdown, svg};
use claimgraph::text::has_hidden;
use claimgraph::Report;

/// The input cut at each line `%%` into at most `n` parts (the last keeps the rest), so
/// that one input can stand for several files of a story.
pub fn parts(data: &[u8], n: usize) -> Vec<&[u8]> {
    let mut out = Vec::with_capacity(n);
    let mut rest = data;
    while out.len() + 1 < n {
        match rest.windows(4).position(|w| w == b"\n%%\n") {
            Some(i) => {
                out.push(&rest[..i]);
                rest = &rest[i + 4..];
            }
            None => break,
        }
    }
    out.push(rest);
    out
}

/// Renders `r` in every format and checks each output the way its reader reads it.
pub fn check_report(r: &Report) {
    for format in 0..FORMATS {
        check_format(r, format);
    }
}

/// How many formats [`check_format`] knows.
pub const FORMATS: u8 = 7;

/// Renders `r` in one format (`format` below [`FORMATS`]: JSON, Markdown, CSV, DOT, SVG,
/// the HTML page, ClaimReview) and checks the output the way its reader reads it.
pub fn check_format(r: &Report, format: u8) {
    match format {
        0 => {
            // JSON reads back into the same report
            let json = serde_json::to_string(r).expect("a report serialises");
            let back: Report = serde_json::from_str(&json).expect("the JSON reads back");
            assert_eq!(
                serde_json::to_string(&back).unwrap(),
                json,
                "JSON round trip"
            );
        }
        1 => {
            let md = markdown::render(r);
            assert!(!has_hidden(&md), "hidden character in the Markdown");
        }
        2 => {
            let csv_text = report_csv::render(r);
            let mut rows = 0;
            for row in csv::Reader::from_reader(csv_text.as_bytes()).records() {
                let row = row.expect("the CSV reads back");
                for cell in row.iter() {
                    assert!(
                        !cell.starts_with(['=', '+', '-', '@', '\t', '\r'])
                            || cell.parse::<f64>().is_ok(),
                        "formula cell {cell:?}"
                    );
                }
                rows += 1;
            }
            assert_eq!(rows, r.claims.len(), "one CSV row per claim");
        }
        3 => {
            let dot_text = dot::render(r);
            assert!(!has_hidden(&dot_text), "hidden character in the DOT");
            assert!(
                dot_text.trim_end().ends_with('}'),
                "the DOT graph is closed"
            );
        }
        4 => {
            let svg_text = svg::render(r);
            let doc = roxmltree::Document::parse(&svg_text).expect("the SVG is well-formed XML");
            assert!(
                doc.descendants().all(|n| n.tag_name().name() != "script"),
                "a script in the SVG"
            );
        }
        5 => {
            let page = html::page(r);
            assert_eq!(
                page.matches("<script").count(),
                1,
                "only the page's own script"
            );
            assert!(!has_hidden(&page), "hidden character in the page");
        }
        _ => {
            let publisher = claimreview::Publisher {
                name: "Fuzz Desk".into(),
                url: None,
                date: "2026-01-01".into(),
                review_url: Some("https://desk.example/{id}/{n}".into()),
            };
            let every = claimreview::Selection {
                background: true,
                ..Default::default()
            };
            let ld = claimreview::render(r, &publisher, &every).expect("a web review address");
            assert!(!ld.contains(['<', '>']), "raw markup in the JSON-LD");
            serde_json::from_str::<serde_json::Value>(&ld).expect("the JSON-LD reads back");
        }
    }
}

/// A small report to render: the default story cut to the first paragraphs of each of
/// its articles (a dozen claims, relations across the two articles), made once. The whole
/// story's report would make every execution render a 200 kB page.
pub fn small_report() -> &'static Report {
    static REPORT: std::sync::OnceLock<Report> = std::sync::OnceLock::new();
    REPORT.get_or_init(|| {
        let mut story = claimgraph::corpus::default_story(&Default::default()).unwrap();
        for a in &mut story.articles {
            let end = a.paragraphs.get(3).map_or(a.text.len(), |p| p.end);
            let mut short = claimgraph::Article::new(a.id.clone(), &a.text[..end]);
            short.title = a.title.clone();
            short.outlet = a.outlet.clone();
            short.url = a.url.clone();
            short.published = a.published;
            short.byline = a.byline.clone();
            short.path = a.path.clone();
            *a = short;
        }
        claimgraph::analyze(&story, &Default::default())
    })
}

/// The default story without its articles, made once: its registry is what the stage
/// targets resolve against.
pub fn default_story() -> &'static claimgraph::Story {
    static STORY: std::sync::OnceLock<claimgraph::Story> = std::sync::OnceLock::new();
    STORY.get_or_init(|| {
        let mut s = claimgraph::corpus::default_story(&Default::default()).unwrap();
        s.articles.clear();
        s
    })
}

/// The input split at its first `%%` line into a head of control bytes and a text; `None`
/// when the text is not UTF-8. Without the line, the whole input is the text.
pub fn head_and_text(data: &[u8]) -> Option<(&[u8], &str)> {
    let (head, text) = match data.windows(4).position(|w| w == b"\n%%\n") {
        Some(i) => (&data[..i], &data[i + 4..]),
        None => (&[][..], data),
    };
    Some((head, std::str::from_utf8(text).ok()?))
}

/// The byte offset `at` of `text` moved back to a character boundary.
pub fn boundary(text: &str, mut at: usize) -> usize {
    at = at.min(text.len());
    while !text.is_char_boundary(at) {
        at -= 1;
    }
    at
}

/// True when `s` lies inside `text` on character boundaries.
pub fn inside(text: &str, s: claimgraph::text::Span) -> bool {
    s.start <= s.end && text.get(s.start..s.end).is_some()
}

/// The resolver of the default story's registry, made once.
pub fn resolver() -> &'static claimgraph::resolve::Resolver<'static> {
    static RESOLVER: std::sync::OnceLock<claimgraph::resolve::Resolver<'static>> =
        std::sync::OnceLock::new();
    RESOLVER.get_or_init(|| claimgraph::resolve::Resolver::new(&default_story().registry))
}

/// The parties of the default story's registry, made once.
pub fn parties() -> &'static claimgraph::claims::Parties {
    static PARTIES: std::sync::OnceLock<claimgraph::claims::Parties> = std::sync::OnceLock::new();
    PARTIES.get_or_init(|| claimgraph::claims::Parties::new(&default_story().registry))
}

/// Makes the thread that runs the target rayon's only worker, once: the stages' parallel
/// loops then run inline, with no hand-over to another thread on each execution (which
/// costs more than the work on a short input).
pub fn one_thread() {
    static POOL: std::sync::Once = std::sync::Once::new();
    POOL.call_once(|| {
        let _ = rayon::ThreadPoolBuilder::new()
            .num_threads(1)
            .use_current_thread()
            .build_global();
    });
}
