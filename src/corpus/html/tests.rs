//! Tests of HTML extraction on a news page and on hostile markup.

use super::*;

const NEWS_PAGE: &str = include_str!("../../../tests/fixtures/html/news_page.html");

/// The article's paragraphs (and its subheading), in order, as they should come out.
const NEWS_PARAGRAPHS: &[&str] = &[
    "HARBOURTON \u{2014} The eastbound lanes of the Quayside Bridge will close for six weeks \
     from Monday while engineers replace corroded sections of the steel deck, the city\u{2019}s \
     transport department said on Thursday.",
    "The closure, which will divert about 14,000 vehicles a day through the old town, follows \
     a routine inspection in January that found rust beneath the asphalt on three of the \
     bridge\u{2019}s eleven spans.",
    "\u{201c}We would rather inconvenience drivers for six weeks than take any risk with a \
     structure that carries this much traffic,\u{201d} said Deputy Mayor Tobias Renwick-Ashe, \
     who chairs the council\u{2019}s infrastructure committee. \u{201c}The bridge is safe \
     today, and these repairs are how we keep it that way.\u{201d}",
    "Buses to keep priority",
    "Buses and emergency vehicles will keep a dedicated lane in both directions, the \
     department said. Cyclists will be asked to dismount on the westbound footpath, which \
     will be widened with temporary barriers.",
    "The work is expected to cost \u{20ac}4.2 million, paid from the city\u{2019}s \
     maintenance reserve. Contractors from Brønholt Engineering, the firm that built the \
     bridge\u{2019}s original deck in 1987, will work through the night to shorten the \
     closure.",
    "\u{201c}Six weeks is tight but achievable if the weather holds,\u{201d} said Zoë \
     Halvorsen-Pike, the project\u{2019}s site manager.",
    "Shopkeepers in the old town, where most diverted traffic will pass, said they feared the \
     congestion would keep customers away. The Harbourton Traders\u{2019} Association said it \
     had asked the council for a temporary cut in parking charges during the works.",
    "The council will publish a detailed diversion map on its website on Friday, and \
     officials will hold a public briefing at the Corn Exchange on 19 March.",
];

/// Strings from the page's navigation, sidebar, footer, banner, share buttons and
/// scripts, none of which belongs in the text.
const NEWS_CHROME: &[&str] = &[
    "cookies",
    "Accept all",
    "Manage preferences",
    "Politics",
    "Culture & Arts",
    "Subscribe",
    "Share on",
    "Share by email",
    "Copy link",
    "Related articles",
    "Ferry operator",
    "Tram extension",
    "Most read",
    "covered market",
    "rowers",
    "Lantern festival",
    "Family bakery",
    "Morning Briefing",
    "Sign up",
    "\u{a9}",
    "All rights reserved",
    "Privacy policy",
    "Terms of use",
    "Contact us",
    "Advertise",
    "dataLayer",
    "font-family",
    "<",
    "&",
];

fn paragraphs(text: &str) -> Vec<&str> {
    text.split("\n\n").collect()
}

#[test]
fn news_page_text_is_the_article_only() {
    let doc = extract(NEWS_PAGE).expect("article extracted");
    let paras = paragraphs(&doc.text);
    let mut from = 0;
    for expected in NEWS_PARAGRAPHS {
        let found = paras[from..].iter().position(|p| p == expected);
        let Some(at) = found else {
            panic!(
                "paragraph missing or out of order: {expected:?}\n\ntext:\n{}",
                doc.text
            );
        };
        from += at + 1;
    }
    for chrome in NEWS_CHROME {
        assert!(
            !doc.text.contains(chrome),
            "text contains {chrome:?}:\n{}",
            doc.text
        );
    }
    for para in &paras {
        assert_eq!(para.trim(), *para, "untrimmed paragraph {para:?}");
        assert!(!para.is_empty());
        assert!(!para.contains('\n'), "line break inside {para:?}");
        assert!(!para.contains("  "), "uncollapsed space in {para:?}");
    }
}

#[test]
fn news_page_metadata() {
    let doc = extract(NEWS_PAGE).expect("article extracted");
    assert_eq!(
        doc.title.as_deref(),
        Some("Harbour bridge repairs to shut eastbound lanes for six weeks")
    );
    assert_eq!(doc.outlet.as_deref(), Some("The Harbourton Ledger"));
    assert_eq!(
        doc.url.as_deref(),
        Some("https://www.harbourtonledger.example/news/2024/03/14/bridge-repairs")
    );
    assert_eq!(doc.published.as_deref(), Some("2024-03-14T07:30:00+00:00"));
    assert_eq!(doc.byline.as_deref(), Some("Marta Quillfeather"));
}

#[test]
fn simple_extraction_of_the_news_page_skips_the_same_chrome() {
    let text = fallback_text(&Document::from(NEWS_PAGE));
    assert_eq!(text, NEWS_PARAGRAPHS.join("\n\n"));
}

#[test]
fn page_without_meta_tags_has_only_a_title() {
    let html = r#"<html><head><title> Water rates  to rise in April </title></head>
        <body>
          <div class="top"><time datetime="2024-01-02">2 January</time></div>
          <div id="story">
            <h1>Water rates to rise in April</h1>
            <p>Households in the valley will pay 6 per cent more for water from April, the
               regional utility said, blaming the cost of replacing ageing pipes.</p>
            <p>The increase adds about &pound;2.40 a month to a typical bill. The utility said
               it would expand its discount scheme for low-income customers at the same time.</p>
            <p>A spokesperson for the consumer council said the rise was &ldquo;hard to
               justify&rdquo; after two years of above-inflation increases.</p>
          </div>
        </body></html>"#;
    let doc = extract(html).expect("text extracted");
    assert_eq!(doc.title.as_deref(), Some("Water rates to rise in April"));
    assert_eq!(doc.outlet, None);
    assert_eq!(doc.url, None);
    assert_eq!(doc.published, None);
    assert_eq!(doc.byline, None);
    // The page is too short for Readability, so the whole body is taken, stray date
    // included; the date outside any <article> is not taken as the publication date.
    let paras = paragraphs(&doc.text);
    assert_eq!(paras.len(), 5, "{}", doc.text);
    assert_eq!(paras[0], "2 January");
    assert_eq!(paras[1], "Water rates to rise in April");
    assert!(paras[2].starts_with("Households in the valley will pay 6 per cent more"));
    assert!(paras[3].contains("\u{a3}2.40 a month"));
    assert!(paras[4].ends_with(
        "\u{201c}hard to justify\u{201d} after two years of above-inflation increases."
    ));
}

#[test]
fn title_falls_back_to_the_article_headline() {
    let html = "<body><header><h1>Site Logo</h1></header>\
                <article><h1>Ferry fares frozen</h1><p>Fares stay the same.</p></article></body>";
    let doc = extract(html).expect("text extracted");
    assert_eq!(doc.title.as_deref(), Some("Ferry fares frozen"));
}

#[test]
fn short_page_uses_the_simple_extraction() {
    let html = "<html><body><nav><a href='/'>Home</a> <a href='/about'>About</a></nav>\
                <p>Short one.</p>\n<p>Short   two &amp; done.</p>\
                <footer>&copy; Example</footer></body></html>";
    let readable = readability(Document::from(html)).map(|(text, _)| text);
    assert!(
        readable
            .as_ref()
            .is_none_or(|t| t.chars().count() < MIN_ARTICLE_CHARS),
        "Readability should find no article here: {readable:?}"
    );
    let doc = extract(html).expect("text extracted");
    assert_eq!(doc.text, "Short one.\n\nShort two & done.");
    assert_eq!(
        doc,
        HtmlDocument {
            text: doc.text.clone(),
            ..HtmlDocument::default()
        }
    );
}

#[test]
fn secondary_sources_of_metadata() {
    let html = r##"<html><head>
        <meta name="twitter:title" content="Dock strike ends">
        <meta property="og:url" content="https://news.example/dock-strike">
        <meta property="article:author" content="https://news.example/staff/one">
        <meta name="date" content="2024-05-01">
        <script type="application/ld+json">
          {"@context": "https://schema.org", "@graph": [
            {"@type": "NewsMediaOrganization", "@id": "#org", "name": "Example News"},
            {"@type": ["NewsArticle"], "publisher": {"@id": "#org"},
             "datePublished": "2024-04-30",
             "author": [{"@type": "Person", "name": "Ida Marsh"},
                        {"@type": "Person", "name": "Olu Brandt"}]}
          ]}
        </script>
        </head><body><article><time datetime="2024-04-29">29 April</time>
        <p>The strike at the container terminal ended on Tuesday.</p></article></body></html>"##;
    let doc = extract(html).expect("text extracted");
    assert_eq!(doc.title.as_deref(), Some("Dock strike ends"));
    assert_eq!(doc.outlet.as_deref(), Some("Example News"));
    assert_eq!(doc.url.as_deref(), Some("https://news.example/dock-strike"));
    assert_eq!(doc.published.as_deref(), Some("2024-05-01"));
    assert_eq!(doc.byline.as_deref(), Some("Ida Marsh, Olu Brandt"));

    let without_date = html.replace(r#"<meta name="date" content="2024-05-01">"#, "");
    let doc = extract(&without_date).expect("text extracted");
    assert_eq!(doc.published.as_deref(), Some("2024-04-29"));

    let without_time = without_date.replace(r#"<time datetime="2024-04-29">29 April</time>"#, "");
    let doc = extract(&without_time).expect("text extracted");
    assert_eq!(doc.published.as_deref(), Some("2024-04-30"));
}

#[test]
fn empty_and_garbage_input_is_an_error() {
    let mut state: u32 = 0x2545_f491;
    let random_bytes: Vec<u8> = (0..4096)
        .map(|_| {
            state ^= state << 13;
            state ^= state >> 17;
            state ^= state << 5;
            state.to_le_bytes()[0]
        })
        .collect();
    let binary = String::from_utf8_lossy(&random_bytes).into_owned();
    let inputs = [
        "",
        "   \n\t ",
        "<<<>>>",
        "\0\0\u{1}\u{fffd}",
        "<html><head><script>var x = 1;</script><style>p { color: red }</style></head>\
         <body><!-- nothing here --></body></html>",
        "<html><body><img src='a.png'><hr><br></body></html>",
        binary.as_str(),
    ];
    for input in inputs {
        let err = extract(input).expect_err(input);
        assert!(err.contains("no article text"), "{err}");
    }
}

#[test]
fn deep_nesting_is_flattened_and_fast() {
    let html = format!(
        "<html><body>{}<p>Deep text.</p>{}</body></html>",
        "<div>".repeat(50_000),
        "</div>".repeat(50_000)
    );
    let flat = limit_nesting(&html, MAX_TAG_NESTING).expect("flattened");
    assert!(flat.len() < html.len());
    assert_eq!(extract(&html).expect("text").text, "Deep text.");
    assert_eq!(limit_nesting(NEWS_PAGE, MAX_TAG_NESTING), None);
}

proptest::proptest! {
    #![proptest_config(proptest::prelude::ProptestConfig::with_cases(64))]

    #[test]
    fn never_panics_on_any_string(input in proptest::prelude::any::<String>()) {
        let _ = extract(&input);
    }

    #[test]
    fn never_panics_on_tag_soup(
        input in "(<[a-z/!?]{0,3}[a-z =\"']{0,6}>|[a-z &;#0-9<>\"'-]{0,8}){0,60}"
    ) {
        if let Ok(doc) = extract(&input) {
            proptest::prop_assert!(!doc.text.is_empty());
        }
    }
}
