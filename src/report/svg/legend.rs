//! The SVG picture's legend: sample edges, source shapes and claim fills, in rows.

use super::layout::{text_width, Rect, MARGIN};
use super::{escape, num, shape_element, stroke};
use crate::report::picture::{self, EdgeKind, Picture, Shape};
use crate::report::Stance;

/// One entry of the legend.
pub(super) enum Item {
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
pub(super) fn legend(p: &Picture, width: f64) -> (String, f64) {
    let inner = width - 2.0 * MARGIN;
    let row = 24.0;
    let edges: Vec<Item> = EdgeKind::ALL
        .into_iter()
        .filter(|&k| !matches!(k, EdgeKind::Other | EdgeKind::SaidBy))
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
