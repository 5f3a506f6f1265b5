//! The visual conventions the DOT and SVG renderers share: how each kind of source is
//! drawn, the fill of a claim by its stance, and how each kind of edge is drawn.

use crate::report::{RelationKind, SourceKind, Stance};

/// How a source node is drawn.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord)]
pub(crate) enum Shape {
    /// Governments, agencies, officials: a plain box.
    Organisation,
    /// Outlets, wires, state media: a rounded box.
    Media,
    /// People and anonymous speakers: an ellipse.
    Person,
    /// Groups: a hexagon.
    Group,
    /// Unknown speakers and unresolved intermediaries: a dashed box.
    Unknown,
    /// An article's own voice: a note.
    Article,
}

impl Shape {
    /// The shape of a source of this kind.
    pub fn of_kind(kind: SourceKind) -> Shape {
        match kind {
            SourceKind::Government | SourceKind::Agency | SourceKind::Official => {
                Shape::Organisation
            }
            SourceKind::Outlet | SourceKind::Wire | SourceKind::StateMedia => Shape::Media,
            SourceKind::Person | SourceKind::Anonymous => Shape::Person,
            SourceKind::Group => Shape::Group,
            SourceKind::Unknown => Shape::Unknown,
        }
    }

    /// What the legend says of the shape.
    pub fn legend(self) -> &'static str {
        match self {
            Shape::Organisation => "government, agency, official",
            Shape::Media => "outlet, wire, state media",
            Shape::Person => "person, anonymous",
            Shape::Group => "group",
            Shape::Unknown => "unknown, unresolved",
            Shape::Article => "article's own voice",
        }
    }

    /// Fill and outline colours.
    pub fn colours(self) -> (&'static str, &'static str) {
        match self {
            Shape::Organisation => ("#e3ecf7", "#3b6ea8"),
            Shape::Media => ("#e8f4e4", "#4d8b3a"),
            Shape::Person => ("#fbeee0", "#b5651d"),
            Shape::Group => ("#f3e8f7", "#7b4a91"),
            Shape::Unknown => ("#f2f2f2", "#777777"),
            Shape::Article => ("#fffbe6", "#a08c3c"),
        }
    }
}

/// The fill of a claim node by its stance.
pub(crate) fn stance_fill(stance: Stance) -> &'static str {
    match stance {
        Stance::Assert => "#ffffff",
        Stance::Warn => "#fff4cc",
        Stance::Announce => "#e6f1fb",
        Stance::Deny => "#fde0e0",
        Stance::Accuse => "#fde8d4",
        Stance::RefuseToConfirm => "#ece6f6",
        Stance::Question => "#e2f3ee",
    }
}

/// The kinds of edge, each drawn its own way.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord)]
pub(crate) enum EdgeKind {
    /// Claim → the source it is from.
    SaidBy,
    /// Claim → a source that passed it on.
    Via,
    /// Two claims that say the same.
    Agrees,
    /// Two claims in conflict.
    Contradicts,
    /// The same speaker quoted in other words.
    QuoteVariant,
    /// The first claim adds detail to the second.
    Elaborates,
    /// A relation of another kind: the report has none, but the DOT legend lists it.
    Other,
}

/// How an edge is drawn, in terms both renderers understand.
#[derive(Clone, Copy, Debug)]
pub(crate) struct Style {
    /// Stroke colour.
    pub colour: &'static str,
    /// Stroke width in points (DOT `penwidth`) or pixels (SVG).
    pub width: f64,
    /// DOT `style`.
    pub dot_style: &'static str,
    /// SVG `stroke-dasharray`, if dashed.
    pub dash: Option<&'static str>,
    /// An arrowhead at the second end.
    pub head: bool,
    /// An arrowhead at the first end too.
    pub tail: bool,
}

impl EdgeKind {
    /// Every kind, legend order.
    pub const ALL: [EdgeKind; 7] = [
        EdgeKind::SaidBy,
        EdgeKind::Via,
        EdgeKind::Agrees,
        EdgeKind::Contradicts,
        EdgeKind::QuoteVariant,
        EdgeKind::Elaborates,
        EdgeKind::Other,
    ];

    /// How a relation of this kind is drawn.
    pub fn of_relation(kind: RelationKind) -> EdgeKind {
        match kind {
            RelationKind::Agrees => EdgeKind::Agrees,
            RelationKind::Contradicts => EdgeKind::Contradicts,
            RelationKind::QuoteVariant => EdgeKind::QuoteVariant,
            RelationKind::Elaborates => EdgeKind::Elaborates,
        }
    }

    /// The class name both renderers put on the edge.
    pub fn class(self) -> &'static str {
        match self {
            EdgeKind::SaidBy => "said-by",
            EdgeKind::Via => "via",
            EdgeKind::Agrees => "agrees",
            EdgeKind::Contradicts => "contradicts",
            EdgeKind::QuoteVariant => "quote-variant",
            EdgeKind::Elaborates => "elaborates",
            EdgeKind::Other => "related",
        }
    }

    /// What the legend says of the edge.
    pub fn legend(self) -> &'static str {
        match self {
            EdgeKind::SaidBy => "said by",
            EdgeKind::Via => "reported via",
            EdgeKind::Agrees => "agrees",
            EdgeKind::Contradicts => "contradicts",
            EdgeKind::QuoteVariant => "quote variant",
            EdgeKind::Elaborates => "elaborates (adds detail to)",
            EdgeKind::Other => "other relation",
        }
    }

    /// Whether the edge joins two claims.
    pub fn is_relation(self) -> bool {
        !matches!(self, EdgeKind::SaidBy | EdgeKind::Via)
    }

    /// How it is drawn.
    pub fn style(self) -> Style {
        let s = |colour, width, dot_style, dash, head, tail| Style {
            colour,
            width,
            dot_style,
            dash,
            head,
            tail,
        };
        match self {
            EdgeKind::SaidBy => s("#8a8a8a", 1.0, "solid", None, true, false),
            EdgeKind::Via => s("#3b6ea8", 1.4, "dashed", Some("6 4"), true, false),
            EdgeKind::Agrees => s("#2e8b57", 2.0, "solid", None, false, false),
            EdgeKind::Contradicts => s("#d62828", 3.0, "bold", None, true, true),
            EdgeKind::QuoteVariant => s("#8e44ad", 2.0, "dotted", Some("2 3"), false, false),
            EdgeKind::Elaborates => s("#e07b00", 1.8, "solid", None, true, false),
            EdgeKind::Other => s("#999999", 1.2, "dotted", Some("1 3"), false, false),
        }
    }
}
