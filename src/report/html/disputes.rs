//! The disputes section of the HTML page: each question with its opposing answers and who
//! stands behind each.

use super::claim_links;
use crate::report::Report;
use maud::{html, Markup};

/// The disputes section; says there are none when no propositions oppose each other.
pub(super) fn section(r: &Report) -> Markup {
    html! {
        section id="disputes" {
            "\n" h2 { "Disputes" } "\n"
            @if r.disputes.is_empty() {
                p.muted { "No propositions give opposing answers to one question." } "\n"
            } @else {
                p.muted {
                    "Opposing answers to one question, the best supported first, each with \
                     its origins and how many of them are independent."
                }
                "\n"
                @for d in &r.disputes {
                    article.dispute id=(super::anchor("dispute-", &d.id)) {
                        "\n" h3 { (d.question) } "\n"
                        ul {
                            @for s in &d.sides {
                                li {
                                    strong { (s.answer) } " — " (s.sources.join(", "))
                                    " (" (s.independent_origins) " independent) "
                                    (claim_links(&s.claims))
                                }
                                "\n"
                            }
                        }
                        "\n"
                    }
                    "\n"
                }
            }
        }
        "\n"
    }
}
