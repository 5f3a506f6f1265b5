//! The claim graph as a standalone SVG picture, laid out here, without Graphviz.
//!
//! The layout has three bands from left to right. In the middle, the claims, one frame per
//! article, in story order, each labelled with its speaker. On the right, the
//! intermediaries that passed claims on, ordered by the mean height of the claims joined to
//! them (the barycentre step of a layered layout) and then placed as near that height as
//! the boxes allow without overlapping. On the left, a gutter for the relations between
//! claims, drawn as arcs that bow further out the further apart their claims are.
//! Reported-via edges (dashed blue) run from the claims to the intermediaries; there is no
//! edge from a claim to its speaker (the label says who), unlike the DOT output, whose
//! layout engine can place such a fan. Agreement is green, contradiction red, bold and arrowed at both
//! ends, quote variants purple and dotted, elaboration orange with an arrow — the same
//! conventions as the DOT output.
//!
//! For an HTML page that wants to filter the picture: claims are `<g class="claim">` with
//! `data-claim`, `data-source`, `data-stance`, `data-article` and `data-kind`; sources are
//! `<g class="source">` with `data-source` and `data-kind`; reported-via edges are
//! `<path class="edge via">` with `data-claim`, `data-source` and `data-step` (the place
//! along the chain); relations are
//! `<path class="edge relation KIND">` with `data-kind`, `data-a`, `data-b` and
//! `data-score`. Every node and edge has a `<title>` with its full text.

mod layout;
mod legend;

use super::picture::{self, EdgeKind, Picture, Shape};
use super::{Report, Stance};
use layout::{
    bulge, layout, spread, wrap, Layout, Rect, CLAIM_W, FONT, FS, GAP, LINE, MARGIN, PAD,
};
use legend::legend;
use std::fmt::Write;

/// Escapes text for XML character data and attribute values: `&`, `<`, `>`, `"` and `'`
/// become entities, tabs and line breaks become character references (so that attribute
/// values keep them), characters XML 1.0 does not allow become U+FFFD, and bidirectional
/// overrides are dropped.
pub fn escape(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for c in s.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&apos;"),
            '\n' => out.push_str("&#10;"),
            '\r' => out.push_str("&#13;"),
            '\t' => out.push_str("&#9;"),
            '\u{0}'..='\u{1f}' | '\u{fffe}' | '\u{ffff}' => out.push('\u{fffd}'),
            c if crate::text::is_hidden(c) => {}
            c => out.push(c),
        }
    }
    out
}

fn num(x: f64) -> String {
    let r = (x * 10.0).round() / 10.0;
    if r == r.trunc() {
        format!("{}", r as i64)
    } else {
        format!("{r:.1}")
    }
}

fn stroke(kind: EdgeKind) -> String {
    let st = kind.style();
    let mut s = format!(
        "fill=\"none\" stroke=\"{}\" stroke-width=\"{}\"",
        st.colour,
        num(st.width)
    );
    if let Some(d) = st.dash {
        let _ = write!(s, " stroke-dasharray=\"{d}\"");
    }
    if st.head {
        let _ = write!(s, " marker-end=\"url(#head-{})\"", kind.class());
    }
    if st.tail {
        let _ = write!(s, " marker-start=\"url(#tail-{})\"", kind.class());
    }
    s
}

fn markers(out: &mut String) {
    let _ = writeln!(out, "<defs>");
    for k in EdgeKind::ALL {
        let st = k.style();
        let size = if k.is_relation() { 11 } else { 8 };
        let fill = if k == EdgeKind::Elaborates {
            "#ffffff"
        } else {
            st.colour
        };
        if st.head {
            let _ = writeln!(
                out,
                "<marker id=\"head-{c}\" viewBox=\"0 0 10 10\" refX=\"9\" refY=\"5\" markerWidth=\"{size}\" markerHeight=\"{size}\" markerUnits=\"userSpaceOnUse\" orient=\"auto\"><path d=\"M0,1 L9,5 L0,9 z\" fill=\"{fill}\" stroke=\"{col}\" stroke-width=\"1\"/></marker>",
                c = k.class(),
                col = st.colour
            );
        }
        if st.tail {
            let _ = writeln!(
                out,
                "<marker id=\"tail-{c}\" viewBox=\"0 0 10 10\" refX=\"1\" refY=\"5\" markerWidth=\"{size}\" markerHeight=\"{size}\" markerUnits=\"userSpaceOnUse\" orient=\"auto\"><path d=\"M10,1 L1,5 L10,9 z\" fill=\"{fill}\" stroke=\"{col}\" stroke-width=\"1\"/></marker>",
                c = k.class(),
                col = st.colour
            );
        }
    }
    let _ = writeln!(out, "</defs>");
}

/// The outline of a source shape, as an SVG element.
fn shape_element(shape: Shape, b: Rect) -> String {
    let (fill, line) = shape.colours();
    let paint = format!("fill=\"{fill}\" stroke=\"{line}\" stroke-width=\"1.3\"");
    let (x, y, w, h) = (b.x, b.y, b.w, b.h);
    match shape {
        Shape::Organisation => format!(
            "<rect x=\"{}\" y=\"{}\" width=\"{}\" height=\"{}\" {paint}/>",
            num(x),
            num(y),
            num(w),
            num(h)
        ),
        Shape::Media => format!(
            "<rect x=\"{}\" y=\"{}\" width=\"{}\" height=\"{}\" rx=\"10\" {paint}/>",
            num(x),
            num(y),
            num(w),
            num(h)
        ),
        Shape::Person => format!(
            "<rect x=\"{}\" y=\"{}\" width=\"{}\" height=\"{}\" rx=\"{}\" {paint}/>",
            num(x),
            num(y),
            num(w),
            num(h),
            num(h / 2.0)
        ),
        Shape::Unknown => format!(
            "<rect x=\"{}\" y=\"{}\" width=\"{}\" height=\"{}\" {paint} stroke-dasharray=\"4 3\"/>",
            num(x),
            num(y),
            num(w),
            num(h)
        ),
        Shape::Group => {
            let d = (h / 2.0).min(14.0);
            format!(
                "<polygon points=\"{},{} {},{} {},{} {},{} {},{} {},{}\" {paint}/>",
                num(x + d),
                num(y),
                num(x + w - d),
                num(y),
                num(x + w),
                num(y + h / 2.0),
                num(x + w - d),
                num(y + h),
                num(x + d),
                num(y + h),
                num(x),
                num(y + h / 2.0)
            )
        }
        Shape::Article => {
            let f = 12.0_f64.min(h / 2.0);
            format!(
                "<path d=\"M{},{} H{} L{},{} V{} H{} Z M{},{} V{} H{}\" {paint}/>",
                num(x),
                num(y),
                num(x + w - f),
                num(x + w),
                num(y + f),
                num(y + h),
                num(x),
                num(x + w - f),
                num(y),
                num(y + f),
                num(x + w)
            )
        }
    }
}

/// Lines of text, one `<tspan>` each, starting at baseline `y`.
fn tspans(lines: &[String], x: f64, y: f64) -> String {
    let mut s = String::new();
    for (i, l) in lines.iter().enumerate() {
        let _ = write!(
            s,
            "<tspan x=\"{}\" y=\"{}\">{}</tspan>",
            num(x),
            num(y + LINE * i as f64),
            escape(l)
        );
    }
    s
}

/// Renders a report as a standalone SVG picture of its claim graph (see the module
/// documentation for the layout and the attributes an HTML page can use). The output
/// depends on the report alone.
pub fn render(r: &Report) -> String {
    let p = Picture::new(r).without_said_by();
    let lay = layout(&p);
    let (legend_svg, legend_h) = legend(&p, lay.width);
    let title_h = 52.0;
    let top = MARGIN + title_h + legend_h + 20.0;
    let width = lay.width;
    let height = top + lay.height + MARGIN;
    let mut out = String::new();
    let _ = writeln!(out, "<?xml version=\"1.0\" encoding=\"UTF-8\"?>");
    let _ = writeln!(
        out,
        "<svg xmlns=\"http://www.w3.org/2000/svg\" class=\"claimgraph\" data-story=\"{}\" width=\"{w}\" height=\"{h}\" viewBox=\"0 0 {w} {h}\" font-family=\"{FONT}\" font-size=\"{}\">",
        escape(&r.story.id),
        num(FS),
        w = num(width),
        h = num(height)
    );
    let _ = writeln!(out, "<title>{}</title>", escape(&p.title()));
    let _ = writeln!(out, "<desc>{}</desc>", escape(&p.counts()));
    for d in p.disputes() {
        let _ = writeln!(out, "<desc class=\"dispute\">{}</desc>", escape(&d));
    }
    let _ = writeln!(
        out,
        "<style>.edge:hover{{stroke-width:4}} .claim:hover rect,.source:hover>:first-of-type{{stroke:#111;stroke-width:2}}</style>"
    );
    markers(&mut out);
    let _ = writeln!(
        out,
        "<rect x=\"0\" y=\"0\" width=\"{}\" height=\"{}\" fill=\"#ffffff\"/>",
        num(width),
        num(height)
    );
    let title = wrap(&p.title(), width - 2.0 * MARGIN, 1, 17.0, true)
        .into_iter()
        .next()
        .unwrap_or_default();
    let _ = writeln!(
        out,
        "<text x=\"{m}\" y=\"{}\" font-size=\"17\" font-weight=\"bold\" fill=\"#1f2933\">{}</text>",
        num(MARGIN + 16.0),
        escape(&title),
        m = num(MARGIN)
    );
    let _ = writeln!(
        out,
        "<text x=\"{m}\" y=\"{}\" font-size=\"12\" fill=\"#555\">{}</text>",
        num(MARGIN + 38.0),
        escape(&p.counts()),
        m = num(MARGIN)
    );
    let _ = writeln!(
        out,
        "<g class=\"legend\" transform=\"translate({},{})\">\n{legend_svg}</g>",
        num(MARGIN),
        num(MARGIN + title_h)
    );
    let _ = writeln!(
        out,
        "<g class=\"graph\" transform=\"translate(0,{})\">",
        num(top)
    );
    draw_frames(&mut out, &p, &lay);
    draw_relations(&mut out, &p, &lay);
    draw_links(&mut out, &p, &lay);
    draw_sources(&mut out, &p, &lay);
    draw_claims(&mut out, &p, &lay);
    let _ = writeln!(out, "</g>\n</svg>");
    out
}

fn draw_frames(out: &mut String, p: &Picture, lay: &Layout) {
    let _ = writeln!(out, "<g class=\"articles\">");
    for (i, (g, f)) in p.groups.iter().zip(&lay.frames).enumerate() {
        let fill = if i % 2 == 0 { "#f3f6fa" } else { "#f7f5ee" };
        let tw = f.w - 20.0;
        let title = wrap(&g.title, tw, 1, 13.0, true).join("");
        let detail = wrap(&g.detail, tw, 1, 11.0, false).join("");
        let _ = writeln!(
            out,
            "<g class=\"article\" data-article=\"{}\"><title>{}</title><rect x=\"{}\" y=\"{}\" width=\"{}\" height=\"{}\" rx=\"8\" fill=\"{fill}\" stroke=\"#c8ced6\"/><text x=\"{}\" y=\"{}\" font-size=\"13\" font-weight=\"bold\" fill=\"#1f2933\">{}</text><text x=\"{}\" y=\"{}\" font-size=\"11\" fill=\"#666\">{}</text></g>",
            escape(&g.article),
            escape(&format!("{} ({})", g.title, g.detail)),
            num(f.x),
            num(f.y),
            num(f.w),
            num(f.h),
            num(f.x + 10.0),
            num(f.y + 18.0),
            escape(&title),
            num(f.x + 10.0),
            num(f.y + 33.0),
            escape(&detail)
        );
    }
    let _ = writeln!(out, "</g>");
}

fn draw_relations(out: &mut String, p: &Picture, lay: &Layout) {
    // each claim's arc ends are spread over its left side, ordered by the other end
    let mut ends: Vec<Vec<(f64, usize, bool)>> = vec![Vec::new(); lay.claims.len()];
    for (ri, rel) in p.relations.iter().enumerate() {
        ends[rel.a].push((lay.claims[rel.b].cy(), ri, true));
        ends[rel.b].push((lay.claims[rel.a].cy(), ri, false));
    }
    let mut at = vec![(0.0, 0.0); p.relations.len()];
    for (ci, list) in ends.iter_mut().enumerate() {
        list.sort_by(|x, y| x.0.total_cmp(&y.0).then(x.1.cmp(&y.1)));
        let b = lay.claims[ci];
        let ys = spread(list.len(), b.cy(), 7.0, b.y + 5.0, b.bottom() - 5.0);
        for (&(_, ri, first), y) in list.iter().zip(ys) {
            if first {
                at[ri].0 = y;
            } else {
                at[ri].1 = y;
            }
        }
    }
    let _ = writeln!(out, "<g class=\"relations\">");
    let x = lay.claim_x;
    for (ri, rel) in p.relations.iter().enumerate() {
        let (ya, yb) = at[ri];
        let b = bulge(ya - yb).min((lay.gutter - 16.0) / 0.75);
        let _ = writeln!(
            out,
            "<path class=\"edge relation {c}\" data-kind=\"{k}\" data-a=\"{a}\" data-b=\"{bb}\" data-score=\"{s}\" d=\"M{x},{ya} C{cx},{ya} {cx},{yb} {x},{yb}\" {st}><title>{t}</title></path>",
            c = rel.kind.class(),
            k = escape(rel.relation.label()),
            a = escape(&p.report.claims[rel.a].id),
            bb = escape(&p.report.claims[rel.b].id),
            s = rel.score,
            x = num(x),
            cx = num(x - b),
            ya = num(ya),
            yb = num(yb),
            st = stroke(rel.kind),
            t = escape(&rel.tooltip)
        );
    }
    let _ = writeln!(out, "</g>");
}

fn draw_links(out: &mut String, p: &Picture, lay: &Layout) {
    // ends spread over the claims' right sides and the sources' left sides
    let mut from: Vec<Vec<(f64, usize)>> = vec![Vec::new(); lay.claims.len()];
    let mut to: Vec<Vec<(f64, usize)>> = vec![Vec::new(); lay.sources.len()];
    for (li, l) in p.links.iter().enumerate() {
        from[l.claim].push((lay.sources[l.source].cy(), li));
        to[l.source].push((lay.claims[l.claim].cy(), li));
    }
    let mut ya = vec![0.0; p.links.len()];
    let mut yb = vec![0.0; p.links.len()];
    for (ci, list) in from.iter_mut().enumerate() {
        list.sort_by(|x, y| x.0.total_cmp(&y.0).then(x.1.cmp(&y.1)));
        let b = lay.claims[ci];
        let ys = spread(list.len(), b.cy(), 6.0, b.y + 5.0, b.bottom() - 5.0);
        for (&(_, li), y) in list.iter().zip(ys) {
            ya[li] = y;
        }
    }
    for (si, list) in to.iter_mut().enumerate() {
        list.sort_by(|x, y| x.0.total_cmp(&y.0).then(x.1.cmp(&y.1)));
        let b = lay.sources[si];
        let ys = spread(list.len(), b.cy(), 4.0, b.y + 6.0, b.bottom() - 6.0);
        for (&(_, li), y) in list.iter().zip(ys) {
            yb[li] = y;
        }
    }
    let x1 = lay.claim_x + CLAIM_W;
    let x2 = lay.source_x;
    let bend = GAP * 0.45;
    let _ = writeln!(out, "<g class=\"links\">");
    // said-by first, so that the dashed via edges stay visible on top
    for kind in [EdgeKind::SaidBy, EdgeKind::Via] {
        for (li, l) in p.links.iter().enumerate().filter(|(_, l)| l.kind == kind) {
            let step = if l.step > 0 {
                format!(" data-step=\"{}\"", l.step)
            } else {
                String::new()
            };
            let _ = writeln!(
                out,
                "<path class=\"edge {c}\" data-claim=\"{claim}\" data-source=\"{src}\"{step} d=\"M{x1},{y1} C{c1},{y1} {c2},{y2} {x2},{y2}\" {st}><title>{t}</title></path>",
                c = kind.class(),
                claim = escape(&p.report.claims[l.claim].id),
                src = escape(&p.sources[l.source].key),
                x1 = num(x1),
                y1 = num(ya[li]),
                c1 = num(x1 + bend),
                c2 = num(x2 - bend),
                x2 = num(x2),
                y2 = num(yb[li]),
                st = stroke(kind),
                t = escape(&l.tooltip)
            );
        }
    }
    let _ = writeln!(out, "</g>");
}

fn draw_sources(out: &mut String, p: &Picture, lay: &Layout) {
    let _ = writeln!(out, "<g class=\"sources\">");
    for (si, s) in p.sources.iter().enumerate() {
        let b = lay.sources[si];
        let lines = &lay.source_lines[si];
        let cx = b.x + b.w / 2.0;
        let base = b.y + PAD + 11.0;
        let _ = writeln!(
            out,
            "<g class=\"source\" data-source=\"{}\" data-kind=\"{}\"><title>{}</title>{}<text text-anchor=\"middle\" font-weight=\"bold\" fill=\"#1f2933\">{}</text><text x=\"{}\" y=\"{}\" text-anchor=\"middle\" font-size=\"10.5\" fill=\"#666\">{}</text></g>",
            escape(&s.key),
            escape(s.kind),
            escape(&s.tooltip),
            shape_element(s.shape, b),
            tspans(lines, cx, base),
            num(cx),
            num(base + LINE * lines.len() as f64 - 1.0),
            escape(s.kind)
        );
    }
    let _ = writeln!(out, "</g>");
}

fn draw_claims(out: &mut String, p: &Picture, lay: &Layout) {
    let r = p.report;
    let _ = writeln!(out, "<g class=\"claims\">");
    for (ci, c) in r.claims.iter().enumerate() {
        let b = lay.claims[ci];
        let (head, body) = &lay.claim_lines[ci];
        let base = b.y + PAD + 11.0;
        let tag = if c.stance == Stance::Assert {
            String::new()
        } else {
            format!(
                "<text class=\"stance\" x=\"{}\" y=\"{}\" text-anchor=\"end\" font-size=\"11\" font-style=\"italic\" fill=\"#666\">{}</text>",
                num(b.x + b.w - PAD),
                num(base),
                escape(c.stance.label())
            )
        };
        let _ = writeln!(
            out,
            "<g class=\"claim\" id=\"claim-{ci}\" data-claim=\"{}\" data-source=\"{}\" data-stance=\"{}\" data-article=\"{}\" data-kind=\"{}\"><title>{}</title><rect x=\"{}\" y=\"{}\" width=\"{}\" height=\"{}\" rx=\"5\" fill=\"{}\" stroke=\"#9aa5b1\"/><text x=\"{}\" y=\"{}\" font-weight=\"bold\" fill=\"#1f2933\">{}</text>{tag}<text fill=\"#333\">{}</text></g>",
            escape(&c.id),
            escape(c.speaker.source.as_str()),
            escape(c.stance.label()),
            escape(&c.article),
            escape(c.kind.label()),
            escape(&picture::claim_tooltip(c)),
            num(b.x),
            num(b.y),
            num(b.w),
            num(b.h),
            picture::stance_fill(c.stance),
            num(b.x + PAD),
            num(base),
            escape(head),
            tspans(body, b.x + PAD, base + LINE)
        );
    }
    let _ = writeln!(out, "</g>");
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn escape_covers_markup_and_bad_characters() {
        assert_eq!(
            escape(r#"<a href="x">Tom & 'Jerry'</a>"#),
            "&lt;a href=&quot;x&quot;&gt;Tom &amp; &apos;Jerry&apos;&lt;/a&gt;"
        );
        assert_eq!(escape("a\nb\tc\u{0}d"), "a&#10;b&#9;c\u{fffd}d");
    }
}
