//! One row per claim, for spreadsheets: RFC 4180 quoting, a header row, CRLF line ends.

use super::Report;

/// The header row, in column order.
pub const COLUMNS: &[&str] = &[
    "claim",
    "article",
    "outlet",
    "published",
    "paragraph",
    "speaker",
    "source",
    "source_kind",
    "via",
    "kind",
    "cue",
    "stance",
    "hedged",
    "content",
    "evidence",
    "attribution_confidence",
    "proposition",
    "confidence",
    "credibility",
    "contradicted_by",
];

/// One field, quoted when it holds a comma, a double quote, a line break or leading or
/// trailing white space (RFC 4180: a quote inside is doubled). A field that a spreadsheet
/// would read as a formula (`=`, `+`, `-`, `@`, a tab or a line break first) gets a
/// leading apostrophe; a plain number such as `-3` stays as it is. Control and
/// bidirectional characters are dropped and a carriage return inside becomes a line feed,
/// so that a file printed to a terminal cannot move the cursor or rewrite what shows.
pub fn field(s: &str) -> String {
    let cleaned = crate::text::visible(s);
    let s = if cleaned.contains('\r') {
        std::borrow::Cow::Owned(cleaned.replace("\r\n", "\n").replace('\r', "\n"))
    } else {
        cleaned
    };
    let s = s.as_ref();
    let s = if s.starts_with(['=', '+', '-', '@', '\t', '\r', '\n']) && s.parse::<f64>().is_err() {
        format!("'{s}")
    } else {
        s.to_string()
    };
    if s.contains([',', '"', '\n', '\r']) || s.trim() != s {
        format!("\"{}\"", s.replace('"', "\"\""))
    } else {
        s
    }
}

/// Renders a report's claims as CSV.
pub fn render(r: &Report) -> String {
    let mut out = String::new();
    push_row(&mut out, COLUMNS.iter().map(|c| c.to_string()));
    let ix = super::Index::new(r);
    for c in &r.claims {
        let article = ix.article(&c.article);
        let source = ix.source(c.speaker.source.as_str());
        let via: Vec<&str> = match c.via.len() {
            // origin first, the article last: the ones in between passed it on
            n if n > 2 => c.via[1..n - 1].iter().map(String::as_str).collect(),
            _ => Vec::new(),
        };
        push_row(
            &mut out,
            [
                c.id.clone(),
                c.article.clone(),
                article.and_then(|a| a.outlet.clone()).unwrap_or_default(),
                article
                    .and_then(|a| a.published.clone())
                    .unwrap_or_default(),
                c.paragraph.to_string(),
                c.speaker.mention.clone(),
                c.speaker.name.clone(),
                source
                    .map_or(
                        if c.speaker.source.is_article_voice() {
                            "article"
                        } else {
                            "unknown"
                        },
                        |s| s.kind.label(),
                    )
                    .to_string(),
                via.join(" > "),
                c.kind.label().to_string(),
                c.cue.clone().unwrap_or_default(),
                c.stance.label().to_string(),
                c.hedges.join("; "),
                c.content_text(),
                c.evidence.text.clone(),
                format!("{:.2}", c.attribution_confidence),
                c.proposition.clone(),
                format!("{:.2}", c.confidence),
                c.grade.clone(),
                c.contradicted_by.join(" "),
            ]
            .into_iter(),
        );
    }
    out
}

fn push_row(out: &mut String, fields: impl Iterator<Item = String>) {
    let row: Vec<String> = fields.map(|f| field(&f)).collect();
    out.push_str(&row.join(","));
    out.push_str("\r\n");
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn fields_are_quoted_only_when_they_must_be() {
        assert_eq!(field("plain"), "plain");
        assert_eq!(field("a, b"), "\"a, b\"");
        assert_eq!(field("say \"no\""), "\"say \"\"no\"\"\"");
        assert_eq!(field("two\nlines"), "\"two\nlines\"");
        assert_eq!(field(" padded"), "\" padded\"");
        assert_eq!(field("=SUM(A1)"), "'=SUM(A1)");
        assert_eq!(field("-0.5"), "-0.5");
        assert_eq!(field("\t=1+1"), "'\t=1+1");
        assert_eq!(field("\r=1+1"), "\"'\n=1+1\"");
        assert_eq!(field("\n=1+1"), "\"'\n=1+1\"");
        // nothing that moves a terminal's cursor or reorders what shows
        assert_eq!(field("o\u{1b}[2K\rFAKE\u{202e}"), "\"o[2K\nFAKE\"");
        assert_eq!(field("@SUM(A1)"), "'@SUM(A1)");
    }
}
