//! The page's map of propositions: the graph the reader sees first, readable at any number
//! of claims. Each proposition is one box, labelled with who says it (its origins), its
//! grade and how many claims it holds, and linked to its card below, where its claims are
//! listed; the relations between claims are summed into one arc per pair of propositions
//! and kind, drawn in a gutter on the left (contradictions red, agreement green, quote
//! variants purple, elaboration orange). Propositions of one claim with no relation to
//! another are left out of the picture and counted under it: they are in the list below.
//!
//! Time and size grow with the propositions and relations: every relation is looked at
//! once, every box drawn once.

use super::anchor;
use crate::report::svg::escape;
use crate::report::{PropositionInfo, RelationKind, Report};
use std::collections::{BTreeMap, HashMap};
use std::fmt::Write;

/// The picture's width, in its own units (it scales to the page; on a narrow screen the
/// style sheet keeps it at least 860 pixels wide and lets it scroll).
const WIDTH: f64 = 960.0;
/// The widest the gutter on the left, where the arcs run, may be; it is as wide as its
/// widest arc needs.
const MAX_GUTTER: f64 = 150.0;
/// One box's height and the space between boxes.
const ROW: f64 = 52.0;
const BOX_H: f64 = 44.0;
/// The most characters of a statement or label shown in a box (the box's title has all).
const STATEMENT_CHARS: usize = 110;
const LABEL_CHARS: usize = 120;

fn colour(k: RelationKind) -> &'static str {
    match k {
        RelationKind::Contradicts => "#c62828",
        RelationKind::Agrees => "#2e7d32",
        RelationKind::QuoteVariant => "#7b1fa2",
        RelationKind::Elaborates => "#ef6c00",
    }
}

fn clip(s: &str, max: usize) -> String {
    let flat = s.split_whitespace().collect::<Vec<_>>().join(" ");
    if flat.chars().count() <= max {
        return flat;
    }
    let mut t: String = flat.chars().take(max - 1).collect();
    t.push('…');
    t
}

/// The arcs between propositions: for each pair (in drawing order) and kind, how many
/// relations of claims join them; and for each proposition, how many relations stay
/// inside it.
type Arcs = BTreeMap<(usize, usize, &'static str), (RelationKind, usize)>;

fn arcs(r: &Report, at: &HashMap<&str, usize>) -> (Arcs, HashMap<usize, usize>) {
    let prop_of: HashMap<&str, &str> = r
        .claims
        .iter()
        .map(|c| (c.id.as_str(), c.proposition.as_str()))
        .collect();
    let mut out = Arcs::new();
    let mut inside: HashMap<usize, usize> = HashMap::new();
    for rel in &r.relations {
        let (Some(pa), Some(pb)) = (prop_of.get(rel.a.as_str()), prop_of.get(rel.b.as_str()))
        else {
            continue;
        };
        let (Some(&a), Some(&b)) = (at.get(pa), at.get(pb)) else {
            continue;
        };
        if a == b {
            *inside.entry(a).or_default() += 1;
            continue;
        }
        let e = out
            .entry((a.min(b), a.max(b), rel.kind.label()))
            .or_insert((rel.kind, 0));
        e.1 += 1;
    }
    (out, inside)
}

/// The propositions drawn: those with more than one claim or with a relation to another,
/// in the report's order.
fn drawn(r: &Report) -> Vec<&PropositionInfo> {
    let prop_of: HashMap<&str, &str> = r
        .claims
        .iter()
        .map(|c| (c.id.as_str(), c.proposition.as_str()))
        .collect();
    let mut related: std::collections::HashSet<&str> = std::collections::HashSet::new();
    for rel in &r.relations {
        if let (Some(a), Some(b)) = (prop_of.get(rel.a.as_str()), prop_of.get(rel.b.as_str())) {
            if a != b {
                related.insert(a);
                related.insert(b);
            }
        }
    }
    r.propositions
        .iter()
        .filter(|p| p.claims.len() > 1 || related.contains(p.id.as_str()))
        .collect()
}

/// The map as an SVG element for the page, and how many propositions it leaves out; an
/// empty string when there is nothing to draw.
pub(super) fn map(r: &Report) -> (String, usize) {
    let props = drawn(r);
    let left_out = r.propositions.len() - props.len();
    if props.is_empty() {
        return (String::new(), left_out);
    }
    let at: HashMap<&str, usize> = props
        .iter()
        .enumerate()
        .map(|(i, p)| (p.id.as_str(), i))
        .collect();
    let (arcs, inside) = arcs(r, &at);
    let reach =
        |a: usize, b: usize, k: usize| ((b - a) as f64).sqrt() * 22.0 + 10.0 + k as f64 * 8.0;
    let widest = arcs
        .keys()
        .map(|&(a, b, _)| reach(a, b, 3))
        .fold(0.0, f64::max);
    let gutter = (widest + 14.0).clamp(8.0, MAX_GUTTER);
    let height = props.len() as f64 * ROW + 8.0;
    let y = |i: usize| 4.0 + i as f64 * ROW + BOX_H / 2.0;
    let mut s = String::new();
    let _ = write!(
        s,
        "<svg xmlns=\"http://www.w3.org/2000/svg\" class=\"groups\" viewBox=\"0 0 {WIDTH} {height}\" \
         width=\"{WIDTH}\" height=\"{height}\" role=\"img\" aria-label=\"{}\" \
         font-family=\"system-ui, sans-serif\">",
        escape(&format!(
            "{} propositions and the relations between their claims",
            props.len()
        ))
    );
    // arcs first, under the boxes; a pair joined by several kinds gets one arc per kind,
    // each bowed a little further out
    let mut per_pair: HashMap<(usize, usize), usize> = HashMap::new();
    for (&(a, b, label), &(kind, n)) in &arcs {
        let k = per_pair.entry((a, b)).or_default();
        let (ya, yb) = (y(a), y(b));
        let x = (gutter - 6.0 - reach(a, b, *k)).max(4.0);
        *k += 1;
        let width = if kind == RelationKind::Contradicts {
            2.5
        } else {
            1.5
        };
        let dash = if kind == RelationKind::QuoteVariant {
            " stroke-dasharray=\"2 3\""
        } else {
            ""
        };
        let _ = write!(
            s,
            "<path class=\"arc {label}\" data-kind=\"{label}\" d=\"M{g} {ya} C{x} {ya} {x} {yb} {g} {yb}\" \
             fill=\"none\" stroke=\"{c}\" stroke-width=\"{width}\"{dash}><title>{t}</title></path>",
            g = gutter,
            c = colour(kind),
            label = escape(label),
            t = escape(&format!(
                "{n} {label} relation{} between “{}” and “{}”",
                if n == 1 { "" } else { "s" },
                clip(&props[a].statement, 80),
                clip(&props[b].statement, 80)
            )),
        );
    }
    for (i, p) in props.iter().enumerate() {
        let top = 4.0 + i as f64 * ROW;
        let contested = !p.contradicted_by.is_empty();
        let who = if p.origins.is_empty() {
            "origin unknown".to_string()
        } else {
            p.origins.join(", ")
        };
        let mut label = format!(
            "{who} · {} · {} claim{}",
            p.grade,
            p.claims.len(),
            if p.claims.len() == 1 { "" } else { "s" }
        );
        if let Some(n) = inside.get(&i) {
            let _ = write!(
                label,
                " · {n} relation{} inside",
                if *n == 1 { "" } else { "s" }
            );
        }
        if contested {
            let _ = write!(label, " · contradicted by {}", p.contradicted_by.join(", "));
        }
        let _ = write!(
            s,
            "<a href=\"#{href}\" class=\"group{c}\" data-proposition=\"{id}\"><title>{title}</title>\
             <rect x=\"{gutter}\" y=\"{top}\" width=\"{w}\" height=\"{BOX_H}\" rx=\"4\" fill=\"{fill}\" \
             stroke=\"{stroke}\" stroke-width=\"{sw}\"/>\
             <text x=\"{tx}\" y=\"{t1}\" font-size=\"13\" fill=\"#1d1d1f\">{statement}</text>\
             <text x=\"{tx}\" y=\"{t2}\" font-size=\"11.5\" fill=\"#5f6368\">{label}</text></a>",
            href = escape(&anchor("prop-", &p.id)),
            c = if contested { " contested" } else { "" },
            id = escape(&p.id),
            title = escape(&format!("{}\n{label}\nshow its claims", p.statement)),
            w = WIDTH - gutter - 4.0,
            fill = if contested { "#fdecea" } else { "#f5f6f8" },
            stroke = if contested { "#b3261e" } else { "#d0d4d9" },
            sw = if contested { 1.5 } else { 1.0 },
            tx = gutter + 10.0,
            t1 = top + 18.0,
            t2 = top + 35.0,
            statement = escape(&clip(&p.statement, STATEMENT_CHARS)),
            label = escape(&clip(&label, LABEL_CHARS)),
        );
    }
    s.push_str("</svg>");
    (s, left_out)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn clip_keeps_short_text_and_cuts_long() {
        assert_eq!(clip("a  b", 10), "a b");
        assert_eq!(clip("abcdef", 4), "abc…");
    }
}
