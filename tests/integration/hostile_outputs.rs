//! Outputs that cannot be turned against a reader: the default story's report with every
//! text field made hostile (markup, script, code-span breakers, formula triggers, terminal
//! escapes, bidi overrides, `javascript:` and `data:` addresses) goes through every
//! renderer, and each output is read back the way its reader would read it.

use crate::common::default_report;
use claimgraph::report::{claimreview, csv as report_csv, dot, html, markdown, svg};
use claimgraph::Report;
use serde_json::Value;

/// What an attacker would put in a field, for every kind of reader at once.
const HOSTILE: &str = " x</script><script>alert(1)</script><!-- `` ` <img src=x onerror=alert(2)> \
[link](javascript:alert(3)) \"q\" 'a' & &amp; ]]> --> \\ | # * _ ~ {{}} \u{1b}[2K\rFAKE \u{202e}gnp.exe \n=cmd";

/// Spreadsheet formula triggers, one of which starts each hostile field.
const TRIGGERS: [&str; 6] = ["=", "+", "-", "@", "\t", "\r"];

/// Fields whose values are words from a fixed set or dates: they keep their value so that
/// the report still reads back.
const KEEP: [&str; 15] = [
    "schema",
    "kind",
    "stance",
    "what",
    "anchor",
    "rule",
    "reliability",
    "op",
    "published",
    "start",
    "end",
    "grade",
    "credibility_label",
    "source_kind",
    "date",
];

fn hostile_value(v: &mut Value, key: Option<&str>) {
    match v {
        Value::String(s) if !key.is_some_and(|k| KEEP.contains(&k)) => {
            let trigger = TRIGGERS[s.len() % TRIGGERS.len()];
            *s = format!("{trigger}{s}{HOSTILE}");
        }
        Value::Array(a) => a.iter_mut().for_each(|x| hostile_value(x, key)),
        Value::Object(o) => o.iter_mut().for_each(|(k, x)| hostile_value(x, Some(k))),
        _ => {}
    }
}

/// The default story's report with every free-text field and every id hostile (the same
/// id changed the same way everywhere, so the report stays whole), and addresses that must
/// never become links.
fn hostile_report() -> Report {
    let mut v = serde_json::to_value(default_report()).unwrap();
    hostile_value(&mut v, None);
    let mut r: Report = serde_json::from_value(v).expect("the hostile report reads back");
    r.articles[0].url = Some(" JavaScript:alert(4)".into());
    r.articles[1].url = Some("https://gazette.example/a?b=1&c=\"2\"<x>".into());
    r
}

/// Characters that must never reach a terminal or a reader unannounced, with the line
/// that holds the first of them.
fn has_hidden(s: &str) -> bool {
    let hidden = |c: char| c == '\u{1b}' || c == '\u{202e}' || (c.is_control() && c != '\n');
    match s.lines().find(|l| l.chars().any(hidden)) {
        Some(line) => {
            println!("hidden character in: {line:?}");
            true
        }
        None => s.contains('\r'),
    }
}

fn bad_address(a: &str) -> bool {
    let a = a.trim().to_ascii_lowercase();
    a.starts_with("javascript:") || a.starts_with("data:") || a.starts_with("vbscript:")
}

#[test]
fn markdown_renders_no_markup_link_or_hidden_character() {
    let r = hostile_report();
    let md = markdown::render(&r);
    assert!(!has_hidden(&md), "hidden characters in the Markdown");
    let mut page = String::new();
    pulldown_cmark::html::push_html(&mut page, pulldown_cmark::Parser::new(&md));
    for bad in ["<script", "<img", "<!--"] {
        assert!(!page.contains(bad), "the Markdown renders {bad}");
    }
    let doc = dom_query::Document::from(page.as_str());
    for n in doc.select("*").iter() {
        for a in n.attrs() {
            let name = a.name.local.to_string();
            assert!(
                !name.starts_with("on"),
                "the Markdown renders a handler {name}"
            );
            assert!(!bad_address(&a.value), "the Markdown links {}", a.value);
        }
    }
    // every claim id is still shown whole, inside one code span
    let codes: Vec<String> = doc
        .select("code")
        .iter()
        .map(|c| c.text().to_string())
        .collect();
    for c in &r.claims {
        let shown = c.id.replace(['\n', '\r', '\t'], " ");
        let shown: String = shown
            .chars()
            .filter(|ch| !ch.is_control() && *ch != '\u{202e}')
            .collect();
        assert!(
            codes.iter().any(|k| k.trim() == shown.trim()),
            "claim id {:?} is not one code span",
            c.id
        );
    }
}

#[test]
fn csv_cells_never_start_a_formula() {
    let r = hostile_report();
    let text = report_csv::render(&r);
    let mut reader = csv::ReaderBuilder::new().from_reader(text.as_bytes());
    let mut rows = 0;
    for row in reader.records() {
        let row = row.expect("the CSV reads back");
        for cell in row.iter() {
            let risky = cell.starts_with(['=', '+', '-', '@', '\t', '\r', '\n']);
            // and nothing a terminal would act on
            assert!(
                !claimgraph::text::has_hidden(cell) && !cell.contains('\r'),
                "{cell:?}"
            );
            assert!(
                !risky || cell.parse::<f64>().is_ok(),
                "formula cell {cell:?}"
            );
        }
        rows += 1;
    }
    assert_eq!(rows, r.claims.len());
    // and the words themselves are all there, behind the apostrophe (a carriage return
    // made a line feed)
    assert!(text.contains("'=") && text.contains("'\t") && text.contains("'\n"));
}

#[test]
fn dot_parses_and_carries_no_address() {
    let r = hostile_report();
    let text = dot::render(&r);
    graphviz_rust::parse(&text).unwrap_or_else(|e| panic!("the DOT does not parse: {e}"));
    for attr in ["URL=", "href=", "tooltip=\"javascript"] {
        assert!(!text.contains(attr), "the DOT has {attr}");
    }
}

/// No script element, no event handler, no address that runs code.
fn assert_inert_svg(text: &str) {
    let doc = roxmltree::Document::parse(text).unwrap_or_else(|e| panic!("bad SVG: {e}"));
    for n in doc.descendants().filter(|n| n.is_element()) {
        assert_ne!(n.tag_name().name(), "script", "a script element in the SVG");
        assert_ne!(n.tag_name().name(), "foreignObject");
        for a in n.attributes() {
            assert!(!a.name().starts_with("on"), "event handler {}", a.name());
            if a.name() == "href" {
                assert!(!bad_address(a.value()), "an SVG link to {}", a.value());
            }
        }
    }
}

#[test]
fn svg_is_well_formed_and_inert() {
    let r = hostile_report();
    let text = svg::render(&r);
    assert!(
        !has_hidden(&text.replace('\t', " ")),
        "hidden characters in the SVG"
    );
    assert_inert_svg(&text);
}

#[test]
fn claimreview_cannot_close_its_script_element_and_links_only_web_addresses() {
    let r = hostile_report();
    let publisher = claimreview::Publisher {
        name: format!("Checkers{HOSTILE}"),
        url: Some("data:text/html,<script>alert(5)</script>".into()),
        date: "2026-12-01".into(),
        review_url: None,
    };
    let every = claimreview::Selection {
        background: true,
        ..Default::default()
    };
    let text = claimreview::render(&r, &publisher, &every).unwrap();
    for c in ['<', '>', '&', '\u{2028}', '\u{2029}'] {
        assert!(!text.contains(c), "{c:?} written raw in the JSON-LD");
    }
    let v: Vec<Value> = serde_json::from_str(&text).expect("the JSON-LD reads back");
    assert_eq!(v.len(), r.propositions.len());
    for (review, p) in v.iter().zip(&r.propositions) {
        assert_eq!(review["claimReviewed"].as_str(), Some(p.statement.as_str()));
    }
    fn urls(v: &Value, out: &mut Vec<String>) {
        match v {
            Value::Object(o) => o.iter().for_each(|(k, x)| {
                if k == "url" {
                    out.push(x.as_str().unwrap_or_default().to_string());
                }
                urls(x, out)
            }),
            Value::Array(a) => a.iter().for_each(|x| urls(x, out)),
            _ => {}
        }
    }
    let mut found = Vec::new();
    urls(&Value::Array(v), &mut found);
    assert!(
        !found.is_empty(),
        "no address at all: the check would be empty"
    );
    for u in &found {
        assert!(
            claimgraph::report::is_web_address(u),
            "ClaimReview url {u:?}"
        );
    }
}

#[test]
fn the_html_page_runs_only_its_own_hashed_script() {
    use base64::Engine as _;
    use sha2::Digest as _;
    let r = hostile_report();
    let page = html::page(&r);
    assert!(
        !has_hidden(&page.replace(['\t', '\r'], " ")),
        "hidden characters in the page"
    );
    let doc = dom_query::Document::from(page.as_str());
    let scripts = doc.select("script");
    assert_eq!(scripts.length(), 1, "only the page's own script");
    let csp = doc
        .select("meta[http-equiv=Content-Security-Policy]")
        .attr("content")
        .expect("a Content-Security-Policy")
        .to_string();
    let script_src = csp
        .split(';')
        .map(str::trim)
        .find(|d| d.starts_with("script-src"))
        .expect("a script-src directive");
    assert!(!script_src.contains("unsafe-inline"), "{script_src}");
    let hash = base64::engine::general_purpose::STANDARD
        .encode(sha2::Sha256::digest(scripts.text().as_bytes()));
    assert_eq!(script_src, format!("script-src 'sha256-{hash}'"));
    for n in doc.select("*").iter() {
        for a in n.attrs() {
            let name = a.name.local.to_string();
            assert!(!name.starts_with("on"), "event handler {name}");
            if matches!(name.as_str(), "href" | "src" | "xlink:href" | "action") {
                assert!(!bad_address(&a.value), "{name}={}", a.value);
            }
        }
    }
    // the hostile words are shown as text
    assert!(doc.select("body").text().contains("onerror=alert(2)"));
}
