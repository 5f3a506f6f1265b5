//! The claim graph in Graphviz DOT: sources, claims grouped by article, who said what,
//! who passed it on, and how claims relate.
//!
//! Render it with `dot -Tsvg`. Every node and edge carries a `class` attribute (Graphviz
//! copies it into its SVG): `source`, `claim`, `said-by`, `via`, `agrees`, `contradicts`,
//! `quote-variant`, `elaborates`, `related`; the legend's nodes have ids that start with
//! `legend:`.

use super::picture::{self, EdgeKind, Picture, Shape};
use super::{Report, Stance};
use std::fmt::Write;

/// Escapes text for the inside of a DOT double-quoted string, so that Graphviz shows it as
/// written: backslashes are doubled (Graphviz reads `\n`, `\l`, `\N`, `\G` … in labels),
/// double quotes get a backslash, line breaks become `\n`, `&` becomes `&amp;` (Graphviz
/// reads entities such as `&lt;` in labels), other control characters become spaces and
/// bidirectional overrides are dropped.
pub fn escape(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    let mut chars = s.chars().peekable();
    while let Some(c) = chars.next() {
        match c {
            '\\' => out.push_str("\\\\"),
            '"' => out.push_str("\\\""),
            '&' => out.push_str("&amp;"),
            '\r' => {
                if chars.peek() != Some(&'\n') {
                    out.push_str("\\n");
                }
            }
            '\n' | '\u{2028}' | '\u{2029}' => out.push_str("\\n"),
            c if c.is_control() => out.push(' '),
            c if crate::text::is_hidden(c) => {}
            c => out.push(c),
        }
    }
    out
}

/// `s` as a DOT double-quoted string.
fn q(s: &str) -> String {
    format!("\"{}\"", escape(s))
}

/// Lines as one DOT label: each escaped, `\l` (left-justified) after each.
fn left_lines(lines: &[String]) -> String {
    let mut s = String::from("\"");
    for l in lines {
        s.push_str(&escape(l));
        s.push_str("\\l");
    }
    s.push('"');
    s
}

/// Lines as one centred DOT label.
fn centred_lines(lines: &[String]) -> String {
    let parts: Vec<String> = lines.iter().map(|l| escape(l)).collect();
    format!("\"{}\"", parts.join("\\n"))
}

fn count(s: &str) -> f64 {
    s.chars().count() as f64
}

fn source_id(key: &str) -> String {
    q(&format!("s:{key}"))
}

fn claim_id(id: &str) -> String {
    q(&format!("c:{id}"))
}

/// DOT attributes of a source shape.
fn shape_attrs(shape: Shape) -> String {
    let (fill, line) = shape.colours();
    let (dot_shape, style) = match shape {
        Shape::Organisation => ("box", "filled"),
        Shape::Media => ("box", "filled,rounded"),
        Shape::Person => ("ellipse", "filled"),
        Shape::Group => ("hexagon", "filled"),
        Shape::Unknown => ("box", "filled,dashed"),
        Shape::Article => ("note", "filled"),
    };
    format!(
        "shape={}, style={}, fillcolor={}, color={}",
        q(dot_shape),
        q(style),
        q(fill),
        q(line)
    )
}

/// DOT attributes of an edge kind.
fn edge_attrs(kind: EdgeKind) -> String {
    let st = kind.style();
    let dir = match (st.head, st.tail) {
        (true, true) => "both",
        (true, false) => "forward",
        _ => "none",
    };
    let mut s = format!(
        "class={}, color={}, penwidth={}, style={}, dir={}",
        q(kind.class()),
        q(st.colour),
        q(&format!("{}", st.width)),
        q(st.dot_style),
        q(dir)
    );
    match kind {
        EdgeKind::SaidBy | EdgeKind::Via => s.push_str(", arrowsize=\"0.6\""),
        EdgeKind::Contradicts => s.push_str(
            ", arrowhead=\"normal\", arrowtail=\"normal\", arrowsize=\"0.7\", constraint=\"false\"",
        ),
        EdgeKind::Elaborates => {
            s.push_str(", arrowhead=\"empty\", arrowsize=\"0.9\", constraint=\"false\"")
        }
        _ => s.push_str(", constraint=\"false\""),
    }
    s
}

/// Renders a report as a Graphviz DOT digraph, laid out left to right: claims in one
/// cluster per article, the sources they come from to the right, relations between claims
/// drawn without constraining the layout, and a legend. The output depends on the report
/// alone.
pub fn render(r: &Report) -> String {
    let p = Picture::new(r);
    let mut out = String::new();
    let _ = writeln!(
        out,
        "digraph {} {{",
        q(&format!("claimgraph {}", r.story.id))
    );
    let _ = writeln!(
        out,
        "  graph [rankdir=\"LR\", newrank=\"true\", ranksep=\"1.4\", nodesep=\"0.12\", \
         fontname=\"Helvetica\", fontsize=\"14\", labelloc=\"t\", label={}, tooltip={}];",
        centred_lines(
            &[p.title(), p.counts()]
                .into_iter()
                .chain(
                    p.disputes()
                        .iter()
                        .flat_map(|d| picture::wrap(d, 120.0, 3, count))
                )
                .collect::<Vec<_>>()
        ),
        q(&p.title())
    );
    let _ = writeln!(
        out,
        "  node [fontname=\"Helvetica\", fontsize=\"10\", margin=\"0.1,0.05\"];"
    );
    let _ = writeln!(out, "  edge [fontname=\"Helvetica\", fontsize=\"9\"];");

    let _ = writeln!(out, "\n  // sources");
    for s in &p.sources {
        let mut lines = picture::wrap(&s.name, 26.0, 3, count);
        lines.push(format!("({})", s.kind));
        let _ = writeln!(
            out,
            "  {} [class=\"source\", {}, label={}, tooltip={}];",
            source_id(&s.key),
            shape_attrs(s.shape),
            centred_lines(&lines),
            q(&s.tooltip)
        );
    }

    let _ = writeln!(out, "\n  // claims, one cluster per article");
    for (gi, g) in p.groups.iter().enumerate() {
        let _ = writeln!(out, "  subgraph \"cluster_{gi}\" {{");
        let _ = writeln!(
            out,
            "    graph [label={}, tooltip={}, style=\"filled,rounded\", fillcolor={}, color=\"#c8ced6\", labeljust=\"l\"];",
            centred_lines(&[g.title.clone(), g.detail.clone()]),
            q(&format!("{} ({})", g.title, g.detail)),
            q(if gi % 2 == 0 { "#f3f6fa" } else { "#f7f5ee" })
        );
        for &ci in &g.claims {
            let c = &r.claims[ci];
            let mut head = picture::speaker(c);
            if c.stance != Stance::Assert {
                head.push_str(&format!(" [{}]", c.stance.label()));
            }
            let mut lines = picture::wrap(&head, 44.0, 1, count);
            lines.extend(picture::wrap(&picture::said(c), 44.0, 2, count));
            let _ = writeln!(
                out,
                "    {} [class=\"claim\", shape=\"box\", style=\"filled,rounded\", fillcolor={}, color=\"#9aa5b1\", label={}, tooltip={}];",
                claim_id(&c.id),
                q(picture::stance_fill(c.stance)),
                left_lines(&lines),
                q(&picture::claim_tooltip(c))
            );
        }
        let _ = writeln!(out, "  }}");
    }

    let _ = writeln!(out, "\n  // said by (solid) and reported via (dashed)");
    for l in &p.links {
        let _ = writeln!(
            out,
            "  {} -> {} [{}, tooltip={}];",
            claim_id(&r.claims[l.claim].id),
            source_id(&p.sources[l.source].key),
            edge_attrs(l.kind),
            q(&l.tooltip)
        );
    }

    let _ = writeln!(out, "\n  // relations between claims");
    for rel in &p.relations {
        let _ = writeln!(
            out,
            "  {} -> {} [{}, tooltip={}];",
            claim_id(&r.claims[rel.a].id),
            claim_id(&r.claims[rel.b].id),
            edge_attrs(rel.kind),
            q(&rel.tooltip)
        );
    }

    legend(&mut out, &p);
    let _ = writeln!(out, "}}");
    out
}

/// The legend: a cluster of sample edges, source shapes and claim fills, all with ids that
/// start `legend:`. Invisible edges keep its entries in two tidy columns (flat edges run upwards when
/// the graph runs left to right, hence from each entry to the one above).
fn legend(out: &mut String, p: &Picture) {
    let _ = writeln!(out, "\n  // legend");
    let _ = writeln!(out, "  subgraph \"cluster_legend\" {{");
    let _ = writeln!(
        out,
        "    graph [label=\"Legend\", style=\"rounded\", color=\"#c8ced6\", fontsize=\"11\"];"
    );
    let mut left = Vec::new();
    let mut right = Vec::new();
    for k in EdgeKind::ALL {
        let a = q(&format!("legend:{}:a", k.class()));
        let b = q(&format!("legend:{}:b", k.class()));
        for id in [&a, &b] {
            let _ = writeln!(
                out,
                "    {id} [label=\"\", shape=\"point\", width=\"0.05\", color=\"#bbbbbb\"];"
            );
        }
        let _ = writeln!(
            out,
            "    {a} -> {b} [{}, label={}, fontsize=\"9\"];",
            edge_attrs(k).replace(", constraint=\"false\"", ""),
            q(k.legend())
        );
        left.push(a);
        right.push(b);
    }
    for shape in p.shapes() {
        let id = q(&format!("legend:shape:{shape:?}"));
        let _ = writeln!(
            out,
            "    {id} [{}, label={}, fontsize=\"9\"];",
            shape_attrs(shape),
            q(shape.legend())
        );
        left.push(id);
    }
    for stance in p.stances() {
        let stance_fill = picture::stance_fill(stance);
        let stance = stance.label();
        let id = q(&format!("legend:stance:{stance}"));
        let _ = writeln!(
            out,
            "    {id} [shape=\"box\", style=\"filled,rounded\", fillcolor={}, color=\"#9aa5b1\", label={}, fontsize=\"9\"];",
            q(stance_fill),
            q(&format!("claim, stance {stance}"))
        );
        right.push(id);
    }
    for column in [&left, &right] {
        let _ = writeln!(
            out,
            "    subgraph {{ rank=\"same\"; {}; }}",
            column.join("; ")
        );
        for pair in column.windows(2) {
            let _ = writeln!(out, "    {} -> {} [style=\"invis\"];", pair[1], pair[0]);
        }
    }
    let _ = writeln!(out, "  }}");
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn escape_handles_what_dot_and_graphviz_read() {
        assert_eq!(escape(r#"a "b" \c"#), r#"a \"b\" \\c"#);
        assert_eq!(escape("one\ntwo\r\nthree\rfour"), r"one\ntwo\nthree\nfour");
        assert_eq!(escape("x & y &lt;"), "x &amp; y &amp;lt;");
        assert_eq!(escape("tab\there\u{7}"), "tab here ");
        assert_eq!(escape(r"\N \G \l"), r"\\N \\G \\l");
        assert_eq!(escape("ends with \\"), "ends with \\\\");
    }
}
