//! Where everything of the SVG picture goes: text widths estimated from DejaVu Sans, the
//! claims stacked in article frames, the sources placed by the barycentre of their claims,
//! and the gutter the relation arcs need.

use crate::report::picture::{self, Picture, Shape};
use crate::report::Stance;

pub(super) const FONT: &str = "DejaVu Sans, Verdana, Helvetica, Arial, sans-serif";
/// Outer margin.
pub(super) const MARGIN: f64 = 24.0;
/// Width of a claim box.
pub(super) const CLAIM_W: f64 = 360.0;
/// Width of a source box.
pub(super) const SOURCE_W: f64 = 210.0;
/// Horizontal space between claims and sources.
pub(super) const GAP: f64 = 250.0;
/// Space between stacked boxes.
pub(super) const STACK: f64 = 8.0;
/// Padding inside a box.
pub(super) const PAD: f64 = 8.0;
/// Line height.
pub(super) const LINE: f64 = 15.0;
/// Body font size.
pub(super) const FS: f64 = 12.0;
/// Height of an article frame's heading.
pub(super) const FRAME_HEAD: f64 = 42.0;

/// Advance width of a character in DejaVu Sans, in ems (near enough for the common
/// fonts that stand in for it, a little generous for the narrower ones).
pub(super) fn advance(c: char) -> f64 {
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
pub(super) fn text_width(s: &str, size: f64, bold: bool) -> f64 {
    let w: f64 = s.chars().map(advance).sum::<f64>() * size;
    if bold {
        w * 1.1
    } else {
        w
    }
}

pub(super) fn wrap(s: &str, width: f64, lines: usize, size: f64, bold: bool) -> Vec<String> {
    picture::wrap(s, width, lines, |t| text_width(t, size, bold))
}

#[derive(Clone, Copy, Debug, Default)]
pub(super) struct Rect {
    pub(super) x: f64,
    pub(super) y: f64,
    pub(super) w: f64,
    pub(super) h: f64,
}

impl Rect {
    pub(super) fn cy(&self) -> f64 {
        self.y + self.h / 2.0
    }
    pub(super) fn bottom(&self) -> f64 {
        self.y + self.h
    }
}

/// Where everything goes, in the coordinates of the graph band (y from 0).
pub(super) struct Layout {
    pub(super) gutter: f64,
    pub(super) claim_x: f64,
    pub(super) source_x: f64,
    pub(super) width: f64,
    pub(super) height: f64,
    pub(super) frames: Vec<Rect>,
    pub(super) claims: Vec<Rect>,
    pub(super) claim_lines: Vec<(String, Vec<String>)>,
    pub(super) sources: Vec<Rect>,
    pub(super) source_lines: Vec<Vec<String>>,
}

/// How far an arc between two heights bows out to the left.
pub(super) fn bulge(dy: f64) -> f64 {
    (28.0 + 0.2 * dy.abs()).clamp(28.0, 200.0)
}

pub(super) fn layout(p: &Picture) -> Layout {
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
pub(super) fn place(items: &[(f64, f64)], gap: f64) -> Vec<f64> {
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
pub(super) fn spread(n: usize, centre: f64, step: f64, lo: f64, hi: f64) -> Vec<f64> {
    let step = if n > 1 {
        step.min((hi - lo) / (n - 1) as f64)
    } else {
        step
    };
    (0..n)
        .map(|i| centre + (i as f64 - (n as f64 - 1.0) / 2.0) * step)
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

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
