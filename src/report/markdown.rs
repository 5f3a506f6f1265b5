//! The Markdown fact-check report: readable as plain text and rendered.

use super::{ClaimInfo, Report};
use std::fmt::Write;

/// Escapes text for a Markdown table cell or inline use.
pub fn escape(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for c in s.chars() {
        match c {
            '|' | '*' | '_' | '`' | '[' | ']' | '<' | '>' | '#' | '\\' => {
                out.push('\\');
                out.push(c);
            }
            '\n' | '\r' => out.push(' '),
            _ => out.push(c),
        }
    }
    out
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
        (_, None) if !c.speaker.source.starts_with("article:") => {
            format!("**unresolved:** “{}”", escape(&c.speaker.mention))
        }
        _ => format!("**{}**", escape(&c.speaker.name)),
    };
    let _ = writeln!(
        out,
        "- `{}` {speaker}, {} ({}), stance *{}*",
        c.id,
        c.kind,
        c.cue
            .as_deref()
            .map_or("no cue".to_string(), |q| format!("cue “{}”", escape(q))),
        c.stance
    );
    let said = c
        .content
        .iter()
        .map(|e| e.text.as_str())
        .collect::<Vec<_>>()
        .join(" … ");
    if said.starts_with(['“', '"']) && said.ends_with(['”', '"']) {
        let _ = writeln!(out, "  - says: {}", escape(&said));
    } else {
        let _ = writeln!(out, "  - says: “{}”", escape(&said));
    }
    if c.kind == crate::attribution::AttributionKind::Mixed.label() && !c.quotes.is_empty() {
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
            _ if t.anchor == "event" => "unresolved: relative to another event".into(),
            _ if t.anchor == "calendar" => "unresolved: not a valid date".into(),
            _ => "unresolved: publication date unknown".into(),
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
    let s = &r.summary;
    let _ = writeln!(out, "## Summary\n");
    let _ = writeln!(
        out,
        "{} articles, {} sources, {} claims, {} relations ({} contradictions), {} propositions of which {} rest on a single origin.\n",
        s.articles, s.sources, s.claims, s.relations, s.contradictions, s.propositions, s.single_origin
    );
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
    let _ = writeln!(out, "\n## Sources\n");
    let _ = writeln!(
        out,
        "| source | kind | affiliation | claims | reported via |"
    );
    let _ = writeln!(out, "|---|---|---|---|---|");
    for src in &r.sources {
        let _ = writeln!(
            out,
            "| {} | {} | {} | {} | {} |",
            escape(&src.name),
            src.kind,
            escape(src.affiliation.as_deref().unwrap_or("")),
            if src.passed_on > 0 {
                format!("{} (passed on {})", src.claims, src.passed_on)
            } else {
                src.claims.to_string()
            },
            escape(&src.reported_via.join(", "))
        );
    }
    let _ = writeln!(out, "\n## Propositions\n");
    let _ = writeln!(out, "Most confident first. Credibility on the Admiralty scale (1 confirmed … 5 improbable, 6 cannot be judged).\n");
    for p in &r.propositions {
        let _ = writeln!(
            out,
            "### {} — confidence {:.2}, credibility {} ({})\n",
            escape(&truncate(&p.statement, 90)),
            p.confidence,
            p.grade,
            p.credibility_label
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
                .map(|c| format!("`{c}`"))
                .collect::<Vec<_>>()
                .join(", ")
        );
        for reason in &p.reasons {
            let _ = writeln!(out, "- {}", escape(reason));
        }
        let _ = writeln!(out);
    }
    if !r.relations.is_empty() {
        let _ = writeln!(out, "## Relations\n");
        for rel in &r.relations {
            let _ = writeln!(
                out,
                "- `{}` {} `{}` ({:.2}): {}",
                rel.a,
                rel.kind,
                rel.b,
                rel.score,
                escape(&rel.reasons.join("; "))
            );
        }
        let _ = writeln!(out);
    }
    let _ = writeln!(out, "## Claims\n");
    for a in &r.articles {
        let _ = writeln!(out, "### Article {}\n", escape(&a.id));
        for c in r.claims.iter().filter(|c| c.article == a.id) {
            claim_line(&mut out, c);
        }
    }
    let unresolved: Vec<&ClaimInfo> = r
        .claims
        .iter()
        .filter(|c| c.speaker.rule.is_none() && !c.speaker.source.starts_with("article:"))
        .collect();
    let _ = writeln!(out, "## Unresolved speakers\n");
    if unresolved.is_empty() {
        let _ = writeln!(out, "None.\n");
    }
    for c in unresolved {
        let _ = writeln!(
            out,
            "- “{}” in `{}` (paragraph {})",
            escape(&c.speaker.mention),
            c.id,
            c.paragraph
        );
    }
    if !r.diagnostics.is_empty() {
        let _ = writeln!(out, "\n## Load problems\n");
        for d in &r.diagnostics {
            let _ = writeln!(out, "- {}", escape(d));
        }
    }
    let _ = writeln!(out, "\n---\nschema {}", r.schema);
    out
}

fn truncate(s: &str, n: usize) -> String {
    if s.chars().count() <= n {
        return s.to_string();
    }
    let cut: String = s.chars().take(n).collect();
    format!("{}…", cut.trim_end())
}
