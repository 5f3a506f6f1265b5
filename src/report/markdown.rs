//! The Markdown fact-check report: readable as plain text and rendered.

use super::{AttributionKind, ClaimInfo, Index, RelationKind, Report, Stance, TimelineKind};
use std::fmt::Write;

/// Escapes text for a Markdown table cell or inline use: Markdown's and HTML's
/// characters get a backslash, line breaks become spaces, and control characters (a
/// terminal's escape sequences among them) and bidirectional overrides are dropped.
pub fn escape(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for c in s.chars() {
        match c {
            '|' | '*' | '_' | '`' | '[' | ']' | '<' | '>' | '#' | '~' | '\\' => {
                out.push('\\');
                out.push(c);
            }
            '\n' | '\r' | '\t' => out.push(' '),
            c if crate::text::is_hidden(c) => {}
            _ => out.push(c),
        }
    }
    out
}

/// An identifier as an inline code span that nothing in it can end early: the fence is
/// one backtick longer than the longest run inside, padded with spaces where the text
/// starts or ends with a backtick; line breaks and hidden characters as in [`escape`].
pub fn code(s: &str) -> String {
    let text: String = s
        .chars()
        .filter_map(|c| match c {
            '\n' | '\r' | '\t' => Some(' '),
            c if crate::text::is_hidden(c) => None,
            c => Some(c),
        })
        .collect();
    let (mut run, mut longest) = (0, 0);
    for c in text.chars() {
        run = if c == '`' { run + 1 } else { 0 };
        longest = longest.max(run);
    }
    let fence = "`".repeat(longest + 1);
    let pad = if text.starts_with('`') || text.ends_with('`') {
        " "
    } else {
        ""
    };
    format!("{fence}{pad}{text}{pad}{fence}")
}

fn quote(s: &str) -> String {
    format!("> {}", escape(s).replace('\n', "\n> "))
}

fn claim_line(out: &mut String, c: &ClaimInfo) {
    let speaker = match (&c.speaker.antecedent, c.speaker.rule.as_ref()) {
        (Some(a), Some(_)) => format!(
            "**{}** (“{}” → “{}”)",
            escape(&c.speaker.name),
            escape(&c.speaker.mention),
            escape(a)
        ),
        (None, Some(_)) if c.speaker.mention != c.speaker.name => format!(
            "**{}** (“{}”)",
            escape(&c.speaker.name),
            escape(&c.speaker.mention)
        ),
        (_, None) if !c.speaker.source.is_article_voice() => {
            format!("**unresolved:** “{}”", escape(&c.speaker.mention))
        }
        _ => format!("**{}**", escape(&c.speaker.name)),
    };
    let _ = writeln!(
        out,
        "- {} {speaker}, {} ({}), stance *{}*",
        code(&c.id),
        c.kind.label(),
        c.cue
            .as_deref()
            .map_or("no cue".to_string(), |q| format!("cue “{}”", escape(q))),
        c.stance.label()
    );
    let said = c.content_text();
    if said.starts_with(['“', '"']) && said.ends_with(['”', '"']) {
        let _ = writeln!(out, "  - says: {}", escape(&said));
    } else {
        let _ = writeln!(out, "  - says: “{}”", escape(&said));
    }
    if c.kind == AttributionKind::Mixed && !c.quotes.is_empty() {
        let words: Vec<&str> = c.quotes.iter().map(|q| q.text.as_str()).collect();
        let _ = writeln!(out, "  - quoted words: {}", escape(&words.join(", ")));
    }
    let _ = writeln!(out, "  - chain: {}", escape(&c.via.join(" → ")));
    if !c.hedges.is_empty() {
        let _ = writeln!(out, "  - hedged: {}", escape(&c.hedges.join(", ")));
    }
    for t in &c.times {
        let when = match (&t.start, &t.end) {
            (Some(s), Some(e)) if s == e => s.clone(),
            (Some(s), Some(e)) => format!("{s} to {e}"),
            _ => format!("unresolved: {}", t.anchor_reason()),
        };
        let _ = writeln!(out, "  - time: “{}” ({when})", escape(&t.text));
    }
    let _ = writeln!(
        out,
        "  - attribution confidence {:.2}: {}",
        c.attribution_confidence,
        escape(&c.attribution_reasons.join("; "))
    );
    let _ = writeln!(
        out,
        "  - evidence, paragraph {}, bytes {}..{}:",
        c.paragraph, c.evidence.start, c.evidence.end
    );
    let _ = writeln!(out, "\n    {}\n", quote(&c.evidence.text));
}

/// Renders a report as Markdown.
pub fn render(r: &Report) -> String {
    let mut out = String::new();
    let _ = writeln!(out, "# {}\n", escape(&r.story.title));
    if let Some(d) = &r.story.description {
        let _ = writeln!(out, "{}\n", escape(d));
    }
    summary(&mut out, r);
    disputes(&mut out, r);
    articles(&mut out, r);
    sources(&mut out, r);
    propositions(&mut out, r);
    contradictions(&mut out, r);
    quote_drift(&mut out, r);
    other_relations(&mut out, r);
    let _ = writeln!(out, "## Claims\n");
    let ix = Index::new(r);
    for a in &r.articles {
        let _ = writeln!(out, "### Article {}\n", escape(&a.id));
        for c in ix.claims_of_article(&a.id) {
            claim_line(&mut out, c);
        }
    }
    timeline(&mut out, r);
    let _ = writeln!(out, "## Unresolved speakers\n");
    if r.unresolved.is_empty() {
        let _ = writeln!(out, "None.\n");
    } else {
        let _ = writeln!(
            out,
            "The registry knows none of these speakers: check who they are before relying on their claims.\n"
        );
        for u in &r.unresolved {
            let _ = writeln!(
                out,
                "- “{}” in {} (article {}, paragraph {})",
                escape(&u.mention),
                code(&u.claim),
                escape(&u.article),
                u.paragraph
            );
        }
        let _ = writeln!(out);
    }
    if !r.diagnostics.is_empty() {
        let _ = writeln!(out, "## Load problems\n");
        for d in &r.diagnostics {
            let _ = writeln!(out, "- {}", escape(d));
        }
        let _ = writeln!(out);
    }
    let _ = writeln!(out, "---\nschema {}", r.schema);
    out
}

fn summary(out: &mut String, r: &Report) {
    let s = &r.summary;
    let variants = r
        .relations
        .iter()
        .filter(|x| x.kind == RelationKind::QuoteVariant)
        .count();
    let _ = writeln!(out, "## Summary\n");
    let _ = writeln!(
        out,
        "- {} articles, {} sources, {} claims",
        s.articles, s.sources, s.claims
    );
    let _ = writeln!(
        out,
        "- {} propositions, {} of them resting on a single independent origin",
        s.propositions, s.single_origin
    );
    let _ = writeln!(
        out,
        "- {} contradiction{}, {} quotation{} reworded between tellings",
        s.contradictions,
        if s.contradictions == 1 { "" } else { "s" },
        variants,
        if variants == 1 { "" } else { "s" }
    );
    let _ = writeln!(
        out,
        "- {} dispute{}: opposing answers to one question",
        s.disputes,
        if s.disputes == 1 { "" } else { "s" }
    );
    let _ = writeln!(
        out,
        "- {} claims from speakers the registry does not know",
        r.unresolved.len()
    );
    if let Some(top) = r.propositions.first() {
        let _ = writeln!(
            out,
            "- best supported: “{}” (credibility {}, confidence {:.2})",
            escape(&truncate(&top.statement, 90)),
            top.grade,
            top.confidence
        );
    }
    let _ = writeln!(out);
}

fn disputes(out: &mut String, r: &Report) {
    if r.disputes.is_empty() {
        return;
    }
    let _ = writeln!(out, "## Disputes\n");
    for d in &r.disputes {
        let _ = writeln!(out, "### {}\n", escape(&d.question));
        for s in &d.sides {
            let _ = writeln!(
                out,
                "- **{}** — {} ({} independent; {}): “{}”",
                escape(&s.answer),
                escape(&s.sources.join(", ")),
                s.independent_origins,
                s.claims
                    .iter()
                    .map(|c| code(c))
                    .collect::<Vec<_>>()
                    .join(", "),
                escape(&truncate(&s.statement, 120))
            );
        }
        let _ = writeln!(out);
    }
}

fn articles(out: &mut String, r: &Report) {
    let _ = writeln!(out, "## Articles\n");
    let _ = writeln!(out, "| id | title | outlet | published | claims |");
    let _ = writeln!(out, "|---|---|---|---|---|");
    for a in &r.articles {
        let _ = writeln!(
            out,
            "| {} | {} | {} | {} | {} |",
            escape(&a.id),
            escape(a.title.as_deref().unwrap_or("(no title)")),
            escape(a.outlet.as_deref().unwrap_or("unknown")),
            a.published.as_deref().unwrap_or("unknown"),
            a.claims
        );
    }
    let _ = writeln!(out);
}

fn sources(out: &mut String, r: &Report) {
    let _ = writeln!(out, "## Sources\n");
    let _ = writeln!(
        out,
        "| source | kind | affiliation | reliability | claims | reported through |"
    );
    let _ = writeln!(out, "|---|---|---|---|---|---|");
    for src in &r.sources {
        let _ = writeln!(
            out,
            "| {} | {} | {} | {} | {} | {} |",
            escape(&src.name),
            src.kind.label(),
            escape(src.affiliation.as_deref().unwrap_or("")),
            src.reliability
                .map_or(String::new(), |l| l.letter().to_string()),
            if src.passed_on > 0 {
                format!("{} (passed on {})", src.claims, src.passed_on)
            } else {
                src.claims.to_string()
            },
            escape(&src.reported_via.join(", "))
        );
    }
    let _ = writeln!(out);
}

fn propositions(out: &mut String, r: &Report) {
    let _ = writeln!(out, "## Propositions\n");
    let _ = writeln!(out, "Most confident first. Credibility on the Admiralty scale (1 confirmed … 5 improbable, 6 cannot be judged), after the source's reliability letter where the registry gives one.\n");
    for (n, p) in r.propositions.iter().enumerate() {
        let denied = if p.stance == Stance::Deny {
            " (denied)"
        } else {
            ""
        };
        let _ = writeln!(
            out,
            "### {}. {}{denied} — credibility {} ({}), confidence {:.2}\n",
            n + 1,
            escape(&truncate(&p.statement, 90)),
            p.grade,
            p.credibility_label,
            p.confidence
        );
        let _ = writeln!(
            out,
            "- origins: {} ({} independent)",
            escape(&p.origins.join(", ")),
            p.independent_origins
        );
        if !p.contradicted_by.is_empty() {
            let _ = writeln!(
                out,
                "- contradicted by: {}",
                escape(&p.contradicted_by.join(", "))
            );
        }
        let _ = writeln!(
            out,
            "- claims: {}",
            p.claims
                .iter()
                .map(|c| code(c))
                .collect::<Vec<_>>()
                .join(", ")
        );
        for reason in &p.reasons {
            let _ = writeln!(out, "- {}", escape(reason));
        }
        let _ = writeln!(out);
    }
}

/// "speaker in article, paragraph n".
fn place(ix: &Index, id: &str) -> String {
    match ix.claim(id) {
        Some(c) => format!(
            "{} in {}, paragraph {}",
            escape(&c.speaker.name),
            escape(&c.article),
            c.paragraph
        ),
        None => code(id),
    }
}

/// What a claim says; a denial's words come after "denies:" and the like.
fn said(ix: &Index, id: &str) -> String {
    ix.claim(id)
        .map(|c| {
            let words = c.content_text();
            let verb = match c.stance {
                Stance::Assert => return words,
                Stance::Deny => "denies",
                Stance::RefuseToConfirm => "refuses to confirm",
                Stance::Accuse => "accuses",
                Stance::Warn => "warns",
                Stance::Announce => "announces",
                Stance::Question => "asks",
            };
            format!("({verb}) {words}")
        })
        .unwrap_or_default()
}

fn contradictions(out: &mut String, r: &Report) {
    let ix = Index::new(r);
    let _ = writeln!(out, "## Contradictions\n");
    let list: Vec<_> = r
        .relations
        .iter()
        .filter(|x| x.kind == RelationKind::Contradicts)
        .collect();
    if list.is_empty() {
        let _ = writeln!(out, "None found.\n");
        return;
    }
    for x in list {
        let _ = writeln!(
            out,
            "- {} ({}): “{}”\n  against {} ({}): “{}”\n  - score {:.2}: {}",
            place(&ix, &x.a),
            code(&x.a),
            escape(&truncate(&said(&ix, &x.a), 120)),
            place(&ix, &x.b),
            code(&x.b),
            escape(&truncate(&said(&ix, &x.b), 120)),
            x.score,
            escape(&x.reasons.join("; "))
        );
    }
    let _ = writeln!(out);
}

fn quote_drift(out: &mut String, r: &Report) {
    let ix = Index::new(r);
    use crate::link::diff::DiffOp;
    let _ = writeln!(out, "## Quote drift\n");
    let list: Vec<_> = r
        .relations
        .iter()
        .filter(|x| x.kind == RelationKind::QuoteVariant)
        .collect();
    if list.is_empty() {
        let _ = writeln!(out, "No quotation is worded differently in two places.\n");
        return;
    }
    let _ = writeln!(
        out,
        "The same speaker quoted in two wordings. In the difference, ~~struck~~ words are only in the first telling and **bold** ones only in the second.\n"
    );
    for x in list {
        let _ = writeln!(out, "- first: {} ({})", place(&ix, &x.a), code(&x.a));
        let _ = writeln!(out, "  > {}", escape(&said(&ix, &x.a)));
        let _ = writeln!(out, "- then: {} ({})", place(&ix, &x.b), code(&x.b));
        let _ = writeln!(out, "  > {}", escape(&said(&ix, &x.b)));
        let diff: Vec<String> = x
            .diff
            .iter()
            .map(|d| match d.op {
                DiffOp::Same => escape(&d.text),
                DiffOp::Removed => format!("~~{}~~", escape(&d.text)),
                DiffOp::Added => format!("**{}**", escape(&d.text)),
            })
            .collect();
        if !diff.is_empty() {
            let _ = writeln!(out, "- difference: {}", diff.join(" "));
        }
        let reasons: Vec<&str> = x
            .reasons
            .iter()
            .map(String::as_str)
            .filter(|r| !r.starts_with("difference:"))
            .collect();
        let _ = writeln!(out, "- {}\n", escape(&reasons.join("; ")));
    }
}

fn other_relations(out: &mut String, r: &Report) {
    let list: Vec<_> = r
        .relations
        .iter()
        .filter(|x| {
            !matches!(
                x.kind,
                RelationKind::Contradicts | RelationKind::QuoteVariant
            )
        })
        .collect();
    if list.is_empty() {
        return;
    }
    let _ = writeln!(out, "## Agreements and elaborations\n");
    for x in list {
        let _ = writeln!(
            out,
            "- {} {} {} ({:.2}): {}",
            code(&x.a),
            x.kind.label(),
            code(&x.b),
            x.score,
            escape(&x.reasons.join("; "))
        );
    }
    let _ = writeln!(out);
}

fn timeline(out: &mut String, r: &Report) {
    let _ = writeln!(out, "## Timeline\n");
    if r.timeline.is_empty() {
        let _ = writeln!(
            out,
            "No dates: neither publication dates nor time references.\n"
        );
        return;
    }
    let _ = writeln!(out, "| when | what | article | claim |");
    let _ = writeln!(out, "|---|---|---|---|");
    for t in &r.timeline {
        let when = escape(&t.when());
        let what = match (t.what, &t.content) {
            (TimelineKind::Published, _) => format!("published: {}", escape(&t.text)),
            (_, Some(c)) => format!("“{}”: {}", escape(&t.text), escape(&truncate(c, 80))),
            _ => format!("“{}”", escape(&t.text)),
        };
        let _ = writeln!(
            out,
            "| {when} | {what} | {} | {} |",
            escape(&t.article),
            t.claim.as_deref().map_or(String::new(), code)
        );
    }
    let _ = writeln!(out);
}

fn truncate(s: &str, n: usize) -> String {
    if s.chars().count() <= n {
        return s.to_string();
    }
    let cut: String = s.chars().take(n).collect();
    format!("{}…", cut.trim_end())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_code_span_cannot_be_closed_from_inside() {
        assert_eq!(code("gaza-1"), "`gaza-1`");
        assert_eq!(code("a`b"), "``a`b``");
        assert_eq!(
            code("`<img src=x onerror=alert(1)>"),
            "`` `<img src=x onerror=alert(1)> ``"
        );
        assert_eq!(code("x``y"), "```x``y```");
        assert_eq!(code("a\nb\u{1b}[2K"), "`a b[2K`");
    }

    #[test]
    fn escaped_text_holds_no_markup_and_no_hidden_characters() {
        let e = escape("<script>x</script> [a](javascript:x) `c` o\u{1b}[2K\rFAKE \u{202e}evil");
        assert!(!e.contains('\u{1b}') && !e.contains('\r') && !e.contains('\u{202e}'));
        assert!(e.contains("\\<script\\>"));
        assert!(e.contains("\\[a\\](javascript:x)"));
        assert!(e.contains("\\`c\\`"));
    }
}
