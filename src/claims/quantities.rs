//! Quantities in a claim's content: numbers and number words with their unit, ranges
//! ("100 to 300"), bounds ("at least", "up to"), approximations ("about"), and what a count
//! counts ("10 children", "one of the dead"), read by [`super::meaning`].

use super::predicates::{self, MULTIPLIERS, NUMBER_WORDS, VAGUE_PLURALS};
use crate::text::tokens::{is_stopword, stem};

/// A quantity: a number or range with its unit.
#[derive(Clone, Debug, PartialEq)]
pub struct Quantity {
    /// Lowest value it allows.
    pub low: f64,
    /// Highest value it allows (`f64::INFINITY` for "at least").
    pub high: f64,
    /// The unit's stem ("hour", "km"), or `count` for a count of things or people.
    pub unit: String,
    /// The words as written.
    pub text: String,
    /// Where it stands: its first word's index in the content.
    pub at: usize,
    /// It counts what the predicate says of ("471 killed", "killed 471 people").
    pub of_predicate: bool,
    /// The stem of what it counts when the text names a kind ("children" of "10
    /// children"), or `part` for a part of a larger count ("one of the dead"): such a
    /// count is part of a count of people.
    pub noun: Option<String>,
}

impl Quantity {
    /// True when the two quantities can both be true of one thing.
    pub fn compatible(&self, other: &Quantity) -> bool {
        self.low <= other.high * 1.0001 && other.low <= self.high * 1.0001
    }

    /// True when the two counts can both be true of one event: counts of one kind that
    /// can both hold, or, when only one names a kind ("10 children" against "500
    /// people"), a part no larger than the whole. Counts of two kinds never clash.
    pub fn compatible_count(&self, other: &Quantity) -> bool {
        match (&self.noun, &other.noun) {
            (Some(x), Some(y)) if x != y => true,
            (Some(_), None) => self.low <= other.high * 1.0001,
            (None, Some(_)) => other.low <= self.high * 1.0001,
            _ => self.compatible(other),
        }
    }
}

/// Words that bound the number after them from below.
const AT_LEAST: &[&str] = &["least", "over", "more", "upwards", "exceeding"];
/// Words that bound the number after them from above.
const AT_MOST: &[&str] = &["most", "fewer", "less", "under", "up"];
/// Words that make the number after them approximate.
const ABOUT: &[&str] = &[
    "about",
    "almost",
    "approximately",
    "around",
    "nearly",
    "roughly",
    "some",
    "estimated",
];

/// Month names: a number beside one is a day or a year.
pub(crate) const MONTHS: &[&str] = &[
    "january",
    "february",
    "march",
    "april",
    "may",
    "june",
    "july",
    "august",
    "september",
    "october",
    "november",
    "december",
    "jan",
    "feb",
    "aug",
    "sept",
    "oct",
    "nov",
    "dec",
];

/// Nouns that count people at large: a count of one of these is the whole, not a part.
const GENERAL_COUNTS: &[&str] = &["individuals", "people", "persons", "person"];

/// Units of measure, by stem: a number followed by one of these is of that unit.
const UNITS: &[&str] = &[
    "acr",
    "barrel",
    "day",
    "gallon",
    "hectar",
    "hour",
    "kg",
    "kilogram",
    "kilometr",
    "kilometre",
    "km",
    "liter",
    "litr",
    "litre",
    "meter",
    "metr",
    "metre",
    "mile",
    "minute",
    "month",
    "percent",
    "second",
    "ton",
    "tonn",
    "tonne",
    "week",
    "year",
];

/// The value of a number token: digits (commas between them allowed) or a number word.
fn number(low: &str) -> Option<f64> {
    if low
        .bytes()
        .all(|b| b.is_ascii_digit() || b == b',' || b == b'.')
        && low.bytes().next().is_some_and(|b| b.is_ascii_digit())
    {
        return low.replace(',', "").parse().ok();
    }
    NUMBER_WORDS
        .iter()
        .find(|(w, _)| *w == low)
        .map(|(_, v)| *v)
}

/// The quantities of a content: numbers and number words, ranges ("100 to 300", "100-300",
/// "between 100 and 300"), bounds ("at least", "more than", "up to") and approximations,
/// each with the unit after it. Years ("2014") are not quantities.
pub(crate) fn quantities(
    text: &str,
    ws: &[crate::text::tokens::Token],
    lows: &[String],
) -> Vec<Quantity> {
    let mut out = Vec::new();
    let mut k = 0;
    while k < lows.len() {
        let l = lows[k].as_str();
        let (mut low, mut high, start) = if let Some((a, b)) = l
            .split_once('-')
            .and_then(|(a, b)| Some((number(a)?, number(b)?)))
        {
            (a, b, k)
        } else if let Some(v) = number(l) {
            (v, v, k)
        } else if let Some((_, v)) = VAGUE_PLURALS.iter().find(|(w, _)| *w == l) {
            (*v, f64::INFINITY, k)
        } else {
            k += 1;
            continue;
        };
        let mut end = k + 1;
        // "two hundred", "3 million"
        if let Some((_, m)) = lows
            .get(end)
            .and_then(|n| MULTIPLIERS.iter().find(|(w, _)| w == n))
        {
            low *= m;
            high *= m;
            end += 1;
        }
        // "100 to 300", "between 100 and 300"
        if matches!(lows.get(end).map(String::as_str), Some("to" | "and" | "or")) && low == high {
            if let Some(v) = lows.get(end + 1).and_then(|n| number(n)) {
                if v > low {
                    high = v;
                    end += 2;
                }
            }
        }
        let prev = |n: usize| start.checked_sub(n).map(|p| lows[p].as_str());
        if low == high {
            if AT_LEAST.contains(&prev(1).unwrap_or(""))
                || (prev(1) == Some("than") && AT_LEAST.contains(&prev(2).unwrap_or("")))
            {
                high = f64::INFINITY;
            } else if (prev(1) == Some("to") && prev(2) == Some("up"))
                || (prev(1) == Some("than") && AT_MOST.contains(&prev(2).unwrap_or("")))
                || (prev(1) == Some("most") && prev(2) == Some("at"))
            {
                low = 0.0;
            } else if ABOUT.contains(&prev(1).unwrap_or("")) {
                low *= 0.85;
                high *= 1.15;
            }
        }
        let year = (1900.0..=2100.0).contains(&low) && low == high && lows[start].len() == 4;
        // "August 23", "23 August": a day of the month
        let next = lows.get(end).map(String::as_str).unwrap_or("");
        let year = year || MONTHS.contains(&prev(1).unwrap_or("")) || MONTHS.contains(&next);
        let unit_word = lows.get(end).map(|n| stem(n)).unwrap_or_default();
        let unit = if UNITS.contains(&unit_word.as_str()) {
            unit_word
        } else {
            "count".to_string()
        };
        // "10 children", "471 Palestinians": the kind counted, unless it is people at
        // large or the predicate itself ("471 killed")
        // "one of the dead", "ten of them": a part of a larger count
        let part = lows.get(end).is_some_and(|n| n == "of");
        let noun = lows
            .get(end)
            .filter(|n| {
                n.chars().all(char::is_alphabetic)
                    && n.len() > 2
                    && !is_stopword(n)
                    && !GENERAL_COUNTS.contains(&n.as_str())
                    && predicates::of_word(n).is_none()
                    && unit == "count"
            })
            .map(|n| stem(n))
            .or_else(|| part.then(|| "part".to_string()));
        let last = if unit == "count" { end } else { end + 1 };
        if !year {
            out.push(Quantity {
                low,
                high,
                unit,
                // with its unit: "48 hours"
                text: text[ws[start].span.start..ws[last.min(lows.len()) - 1].span.end].to_string(),
                at: start,
                of_predicate: false,
                noun,
            });
        }
        k = end;
    }
    out
}
