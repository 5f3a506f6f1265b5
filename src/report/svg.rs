//! The claim graph as a standalone SVG picture, laid out here, without Graphviz.
//!
//! The layout has three bands from left to right. In the middle, the claims, one frame per
//! article, in story order. On the right, the sources, ordered by the mean height of the
//! claims joined to them (the barycentre step of a layered layout) and then placed as near
//! that height as the boxes allow without overlapping. On the left, a gutter for the
//! relations between claims, drawn as arcs that bow further out the further apart their
//! claims are. Said-by edges (solid grey) and reported-via edges (dashed blue) run from the
//! claims to the sources; agreement is green, contradiction red, bold and arrowed at both
//! ends, quote variants purple and dotted, elaboration orange with an arrow — the same
//! conventions as the DOT output.
//!
//! For an HTML page that wants to filter the picture: claims are `<g class="claim">` with
//! `data-claim`, `data-source`, `data-stance`, `data-article` and `data-kind`; sources are
//! `<g class="source">` with `data-source` and `data-kind`; said-by and reported-via edges
//! are `<path class="edge said-by">` / `<path class="edge via">` with `data-claim` and
//! `data-source` (and `data-step` along the chain); relations are
//! `<path class="edge relation KIND">` with `data-kind`, `data-a`, `data-b` and
//! `data-score`. Every node and edge has a `<title>` with its full text.

use super::picture::{self, EdgeKind, Picture, Shape};
use super::{Report, Stance};
use std::fmt::Write;

/// Escapes text for XML character data and attribute values: `&`, `<`, `>`, `"` and `'`
/// become entities, tabs and line breaks become character references (so that attribute
/// values keep them), and characters XML 1.0 does not allow become U+FFFD.
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
            c => out.push(c),
        }
    }
    out
}

const FONT: &str = "DejaVu Sans, Verdana, Helvetica, Arial, sans-serif";
/// Outer margin.
const MARGIN: f64 = 24.0;
/// Width of a claim box.
const CLAIM_W: f64 = 360.0;
/// Width of a source box.
const SOURCE_W: f64 = 210.0;
/// Horizontal space between claims and sources.
const GAP: f64 = 250.0;
/// Space between stacked boxes.
const STACK: f64 = 8.0;
/// Padding inside a box.
const PAD: f64 = 8.0;
/// Line height.
const LINE: f64 = 15.0;
/// Body font size.
const FS: f64 = 12.0;
/// Height of an article frame's heading.
const FRAME_HEAD: f64 = 42.0;

/// Advance width of a character in DejaVu Sans, in ems (near enough for the common
/// fonts that stand in for it, a little generous for the narrower ones).
fn advance(c: char) -> f64 {
    match c {
        ' ' | '.' | ',' | '’' | '‘' => 0.32,
        'i' | 'j' | 'l' | 'I' | 'J' | '\'' | '|' => 0.29,
        ':' | ';' | '!' | '/' | '\\' => 0.36,
        'f' | 't' | '(' | ')' | '[' | ']' | '-' => 0.40,
        'r' => 0.42,
        '"' | '“' | '”' => 0.48,
        's' | 'z' | 'c' => 0.55,
        'm' => 0.98,
        'w' => 0.82,
        'M' | 'W' | '—' | '…' | '@' | '%' => 1.0,
        '&' | '<' | '>' | '#' | '=' | '+' => 0.84,
        'A'..='Z' => 0.72,
        '0'..='9' => 0.64,
        c if c.is_ascii() => 0.62,
        c if (c as u32) >= 0x2e80 => 1.0,
        _ => 0.66,
    }
}

/// Estimated width of text in pixels.
fn text_width(s: &str, size: f64, bold: bool) -> f64 {
    let w: f64 = s.chars().map(advance).sum::<f64>() * size;
    if bold {
        w * 1.1
    } else {
        w
    }
}

fn wrap(s: &str, width: f64, lines: usize, size: f64, bold: bool) -> Vec<String> {
    picture::wrap(s, width, lines, |t| text_width(t, size, bold))
}

#[derive(Clone, Copy, Debug, Default)]
struct Rect {
    x: f64,
    y: f64,
    w: f64,
    h: f64,
}

impl Rect {
    fn cy(&self) -> f64 {
        self.y + self.h / 2.0
    }
    fn bottom(&self) -> f64 {
        self.y + self.h
    }
}

/// Where everything goes, in the coordinates of the graph band (y from 0).
struct Layout {
    gutter: f64,
    claim_x: f64,
    source_x: f64,
    width: f64,
    height: f64,
    frames: Vec<Rect>,
    claims: Vec<Rect>,
    claim_lines: Vec<(String, Vec<String>)>,
    sources: Vec<Rect>,
    source_lines: Vec<Vec<String>>,
}

/// How far an arc between two heights bows out to the left.
fn bulge(dy: f64) -> f64 {
    (28.0 + 0.2 * dy.abs()).clamp(28.0, 200.0)
}

fn layout(p: &Picture) -> Layout {
    let r = p.report;
    let text_w = CLAIM_W - 2.0 * PAD;
    // claims, article by article
    let mut claims = vec![Rect::default(); r.claims.len()];
    let mut claim_lines = vec![(String::new(), Vec::new()); r.claims.len()];
    let mut frames = Vec::new();
    let mut y = 0.0;
    for g in &p.groups {
        let top = y;
        y += FRAME_HEAD;
        for &ci in &g.claims {
            let c = &r.claims[ci];
            let tag_w = if c.stance == Stance::Assert {
                0.0
            } else {
                text_width(c.stance.label(), 11.0, false) + 10.0
            };
            let head = wrap(&picture::speaker(c), text_w - tag_w, 1, FS, true)
                .into_iter()
                .next()
                .unwrap_or_default();
            let body = wrap(&picture::said(c), text_w, 2, FS, false);
            let h = 2.0 * PAD + LINE * (1 + body.len()) as f64 - 2.0;
            claims[ci] = Rect {
                x: 0.0,
                y,
                w: CLAIM_W,
                h,
            };
            claim_lines[ci] = (head, body);
            y += h + STACK;
        }
        y += 4.0;
        frames.push(Rect {
            x: 0.0,
            y: top,
            w: CLAIM_W + 20.0,
            h: y - top,
        });
        y += 20.0;
    }
    let claims_bottom = (y - 20.0).max(0.0);

    // sources: sizes, then order by barycentre, then place
    let mut source_lines = Vec::new();
    let mut sources: Vec<Rect> = p
        .sources
        .iter()
        .map(|s| {
            let inner = match s.shape {
                Shape::Person | Shape::Group => SOURCE_W - 2.0 * PAD - 24.0,
                _ => SOURCE_W - 2.0 * PAD,
            };
            let lines = wrap(&s.name, inner, 3, FS, true);
            let h = 2.0 * PAD + LINE * lines.len() as f64 + 13.0;
            source_lines.push(lines);
            Rect {
                x: 0.0,
                y: 0.0,
                w: SOURCE_W,
                h,
            }
        })
        .collect();
    let mut sum = vec![(0.0, 0usize); p.sources.len()];
    for l in &p.links {
        sum[l.source].0 += claims[l.claim].cy();
        sum[l.source].1 += 1;
    }
    let bary: Vec<f64> = sum
        .iter()
        .map(|&(s, n)| if n == 0 { f64::INFINITY } else { s / n as f64 })
        .collect();
    let mut order: Vec<usize> = (0..sources.len()).collect();
    order.sort_by(|&a, &b| bary[a].total_cmp(&bary[b]).then(a.cmp(&b)));
    let tops = place(
        &order
            .iter()
            .map(|&i| {
                let want = if bary[i].is_finite() {
                    bary[i] - sources[i].h / 2.0
                } else {
                    claims_bottom
                };
                (want, sources[i].h)
            })
            .collect::<Vec<_>>(),
        STACK + 6.0,
    );
    for (k, &i) in order.iter().enumerate() {
        sources[i].y = tops[k];
    }

    // relations need a gutter as wide as the widest arc
    let gutter = p
        .relations
        .iter()
        .map(|rel| 0.75 * bulge(claims[rel.a].cy() - claims[rel.b].cy()) + 16.0)
        .fold(24.0, f64::max);
    let claim_x = MARGIN + gutter;
    let source_x = claim_x + CLAIM_W + GAP;
    for c in &mut claims {
        c.x = claim_x;
    }
    for f in &mut frames {
        f.x = claim_x - 10.0;
    }
    for s in &mut sources {
        s.x = source_x;
    }
    let height = sources
        .iter()
        .map(Rect::bottom)
        .fold(claims_bottom, f64::max);
    Layout {
        gutter,
        claim_x,
        source_x,
        width: source_x + SOURCE_W + MARGIN,
        height,
        frames,
        claims,
        claim_lines,
        sources,
        source_lines,
    }
}

/// Tops for boxes kept in the given order, `gap` apart, as near their wanted tops as they
/// can be (least squares) and none above 0: neighbours that would overlap are pooled into
/// one block placed at the mean of what its members want.
fn place(items: &[(f64, f64)], gap: f64) -> Vec<f64> {
    // (first item, last item, top, sum of wanted tops less offsets)
    struct Block {
        first: usize,
        last: usize,
        top: f64,
        sum: f64,
    }
    let mut offset = vec![0.0; items.len()];
    let mut blocks: Vec<Block> = Vec::new();
    for (i, &(want, _)) in items.iter().enumerate() {
        blocks.push(Block {
            first: i,
            last: i,
            top: want.max(0.0),
            sum: want,
        });
        offset[i] = 0.0;
        loop {
            let n = blocks.len();
            if n < 2 {
                break;
            }
            let (prev, cur) = (&blocks[n - 2], &blocks[n - 1]);
            let prev_bottom = prev.top + offset[prev.last] + items[prev.last].1;
            if cur.top >= prev_bottom + gap {
                break;
            }
            let cur = blocks.pop().expect("two blocks");
            let prev = blocks.last_mut().expect("two blocks");
            let base = offset[prev.last] + items[prev.last].1 + gap;
            let mut sum = prev.sum;
            for j in cur.first..=cur.last {
                offset[j] += base;
                sum += items[j].0 - offset[j];
            }
            prev.sum = sum;
            prev.last = cur.last;
            let count = (prev.last - prev.first + 1) as f64;
            prev.top = (prev.sum / count).max(0.0);
        }
    }
    let mut tops = vec![0.0; items.len()];
    for b in &blocks {
        for (j, top) in tops.iter_mut().enumerate().take(b.last + 1).skip(b.first) {
            *top = b.top + offset[j];
        }
    }
    tops
}

/// `n` points spread `step` apart around `centre`, kept inside `lo..hi`.
fn spread(n: usize, centre: f64, step: f64, lo: f64, hi: f64) -> Vec<f64> {
    let step = if n > 1 {
        step.min((hi - lo) / (n - 1) as f64)
    } else {
        step
    };
    (0..n)
        .map(|i| centre + (i as f64 - (n as f64 - 1.0) / 2.0) * step)
        .collect()
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

/// One entry of the legend.
enum Item {
    Edge(EdgeKind),
    Shape(Shape),
    Stance(Stance),
}

impl Item {
    fn label(&self) -> String {
        match self {
            Item::Edge(k) => k.legend().to_string(),
            Item::Shape(s) => s.legend().to_string(),
            Item::Stance(s) => format!("claim: {}", s.label()),
        }
    }

    fn width(&self) -> f64 {
        let sample = if matches!(self, Item::Edge(_)) {
            44.0
        } else {
            34.0
        };
        sample + 6.0 + text_width(&self.label(), 11.0, false)
    }

    /// The entry with its sample's left end at `x` and its middle at `y`.
    fn draw(&self, x: f64, y: f64) -> String {
        let (sample, class, text_x) = match self {
            Item::Edge(k) => (
                format!(
                    "<path d=\"M{},{} h40\" {}/>",
                    num(x),
                    num(y),
                    stroke(*k)
                ),
                format!("legend-edge {}", k.class()),
                x + 50.0,
            ),
            Item::Shape(s) => (
                shape_element(
                    *s,
                    Rect {
                        x,
                        y: y - 8.0,
                        w: 34.0,
                        h: 16.0,
                    },
                ),
                "legend-shape".to_string(),
                x + 40.0,
            ),
            Item::Stance(s) => (
                format!(
                    "<rect x=\"{}\" y=\"{}\" width=\"34\" height=\"16\" rx=\"4\" fill=\"{}\" stroke=\"#9aa5b1\"/>",
                    num(x),
                    num(y - 8.0),
                    picture::stance_fill(*s)
                ),
                "legend-stance".to_string(),
                x + 40.0,
            ),
        };
        format!(
            "<g class=\"{class}\">{sample}<text x=\"{}\" y=\"{}\" font-size=\"11\">{}</text></g>",
            num(text_x),
            num(y + 4.0),
            escape(&self.label())
        )
    }
}

/// A legend laid out in rows across `width`: its SVG (from y 0) and its height.
fn legend(p: &Picture, width: f64) -> (String, f64) {
    let inner = width - 2.0 * MARGIN;
    let row = 24.0;
    let edges: Vec<Item> = EdgeKind::ALL
        .into_iter()
        .filter(|&k| k != EdgeKind::Other)
        .map(Item::Edge)
        .collect();
    let mut nodes: Vec<Item> = p.shapes().into_iter().map(Item::Shape).collect();
    nodes.extend(p.stances().into_iter().map(Item::Stance));
    let mut out = String::from(
        "<text x=\"12\" y=\"16\" font-size=\"11\" font-weight=\"bold\" fill=\"#444\">Legend</text>\n",
    );
    let mut y = 22.0 + 8.0;
    for items in [edges, nodes] {
        let mut x = 12.0;
        for item in items {
            let w = item.width();
            if x + w > inner - 12.0 && x > 12.0 {
                x = 12.0;
                y += row;
            }
            out.push_str(&item.draw(x, y));
            out.push('\n');
            x += w + 18.0;
        }
        y += row;
    }
    let h = y - row + 18.0;
    let mut framed = format!(
        "<rect x=\"0\" y=\"0\" width=\"{}\" height=\"{}\" rx=\"6\" fill=\"#fafafa\" stroke=\"#d5d9de\"/>\n",
        num(inner),
        num(h)
    );
    framed.push_str(&out);
    (framed, h)
}

/// Renders a report as a standalone SVG picture of its claim graph (see the module
/// documentation for the layout and the attributes an HTML page can use). The output
/// depends on the report alone.
pub fn render(r: &Report) -> String {
    let p = Picture::new(r);
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

    #[test]
    fn place_keeps_order_and_distance() {
        // three boxes that all want the same place end up stacked around it
        let tops = place(&[(100.0, 20.0), (100.0, 20.0), (100.0, 20.0)], 10.0);
        assert_eq!(tops, vec![70.0, 100.0, 130.0]);
        // far apart boxes stay where they want to be
        let tops = place(&[(0.0, 10.0), (100.0, 10.0)], 10.0);
        assert_eq!(tops, vec![0.0, 100.0]);
        // nothing goes above 0
        let tops = place(&[(-50.0, 10.0), (-40.0, 10.0)], 5.0);
        assert_eq!(tops, vec![0.0, 15.0]);
    }

    #[test]
    fn spread_centres_and_fits() {
        assert_eq!(spread(1, 10.0, 4.0, 0.0, 20.0), vec![10.0]);
        assert_eq!(spread(3, 10.0, 4.0, 0.0, 20.0), vec![6.0, 10.0, 14.0]);
        assert_eq!(spread(3, 10.0, 40.0, 0.0, 20.0), vec![0.0, 10.0, 20.0]);
    }
}
