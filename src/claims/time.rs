//! Time expressions in claims, resolved against the article's publication date.
//!
//! Three kinds of expression are told apart by [`Anchor`]: calendar dates ("March 7,
//! 2024", "7 March 2024", "2014"), which resolve on their own; expressions relative to the
//! publication date ("Thursday", "this week", "in the next 48 hours", "two days ago"),
//! which resolve only when that date is known; and expressions relative to another event
//! ("hours after", "the next day"), which never resolve from the text alone. Nothing is
//! guessed: an expression that cannot be fixed keeps `start` and `end` empty.

use crate::text::tokens::words;
use crate::text::Span;
use chrono::{Datelike, Duration, NaiveDate, Weekday};

/// Why a relative expression has no dates although the publication date is known: counted
/// from it, the day does not exist (February 30) or lies outside the calendar's range.
pub const NO_SUCH_DAY: &str = "no such day counted from the publication date";

/// `d` moved by `days` days, if the result is in the calendar's range.
fn shift(d: NaiveDate, days: i64) -> Option<NaiveDate> {
    d.checked_add_signed(Duration::days(days))
}
use serde::{Deserialize, Serialize};

/// What a time expression is measured from.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum Anchor {
    /// A calendar date or year: resolved without the publication date.
    Calendar,
    /// Relative to the publication date: resolved only when it is known.
    Publication,
    /// Relative to another event in the text ("hours after the announcement"): never
    /// resolved to dates.
    Event,
}

impl Anchor {
    /// The anchor in one word, as reports show it.
    pub fn label(self) -> &'static str {
        match self {
            Anchor::Calendar => "calendar",
            Anchor::Publication => "publication",
            Anchor::Event => "event",
        }
    }
}

/// A time expression and, when it can be fixed, the dates it covers.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct TimeRef {
    /// Where it stands.
    pub span: Span,
    /// The expression as written.
    pub text: String,
    /// What it is measured from.
    pub anchor: Anchor,
    /// First day covered, when resolved.
    pub start: Option<NaiveDate>,
    /// Last day covered (inclusive), when resolved.
    pub end: Option<NaiveDate>,
    /// Why the expression has no dates, when its anchor alone does not say: it is
    /// measured from a known publication date, but no such day exists ([`NO_SUCH_DAY`]).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub reason: Option<String>,
}

const MONTHS: &[(&str, u32)] = &[
    ("january", 1),
    ("jan", 1),
    ("february", 2),
    ("feb", 2),
    ("march", 3),
    ("mar", 3),
    ("april", 4),
    ("apr", 4),
    ("may", 5),
    ("june", 6),
    ("jun", 6),
    ("july", 7),
    ("jul", 7),
    ("august", 8),
    ("aug", 8),
    ("september", 9),
    ("sept", 9),
    ("sep", 9),
    ("october", 10),
    ("oct", 10),
    ("november", 11),
    ("nov", 11),
    ("december", 12),
    ("dec", 12),
];

const WEEKDAYS: &[(&str, Weekday)] = &[
    ("monday", Weekday::Mon),
    ("tuesday", Weekday::Tue),
    ("wednesday", Weekday::Wed),
    ("thursday", Weekday::Thu),
    ("friday", Weekday::Fri),
    ("saturday", Weekday::Sat),
    ("sunday", Weekday::Sun),
];

/// Units of a duration, in hours.
const UNITS: &[(&str, i64)] = &[
    ("minute", 0),
    ("minutes", 0),
    ("hour", 1),
    ("hours", 1),
    ("day", 24),
    ("days", 24),
    ("week", 24 * 7),
    ("weeks", 24 * 7),
];

fn number_word(w: &str) -> Option<i64> {
    if let Ok(n) = w.parse::<i64>() {
        return (0..100_000).contains(&n).then_some(n);
    }
    let n = match w {
        "one" | "a" | "an" => 1,
        "two" => 2,
        "three" => 3,
        "four" => 4,
        "five" => 5,
        "six" => 6,
        "seven" => 7,
        "eight" => 8,
        "nine" => 9,
        "ten" => 10,
        "eleven" => 11,
        "twelve" => 12,
        _ => return None,
    };
    Some(n)
}

fn unit_hours(w: &str) -> Option<i64> {
    UNITS.iter().find(|(u, _)| *u == w).map(|(_, h)| *h)
}

/// Whole days covered by `n` units of `hours` hours each, rounded up.
fn days_of(n: i64, hours: i64) -> i64 {
    (n * hours + 23) / 24
}

/// A day of the month written as a number, with or without an ordinal suffix ("7", "7th").
fn day_number(w: &str) -> Option<u32> {
    let digits = w.trim_end_matches(|c: char| c.is_ascii_alphabetic());
    let suffix = &w[digits.len()..];
    if !matches!(suffix, "" | "st" | "nd" | "rd" | "th") {
        return None;
    }
    digits.parse::<u32>().ok().filter(|d| (1..=31).contains(d))
}

fn year_number(w: &str) -> Option<i32> {
    (w.len() == 4)
        .then(|| w.parse::<i32>().ok())
        .flatten()
        .filter(|y| (1900..2200).contains(y))
}

fn month_number(w: &str) -> Option<u32> {
    MONTHS.iter().find(|(n, _)| *n == w).map(|(_, m)| *m)
}

fn month_range(y: i32, m: u32) -> Option<(NaiveDate, NaiveDate)> {
    let s = NaiveDate::from_ymd_opt(y, m, 1)?;
    let (ny, nm) = if m == 12 { (y + 1, 1) } else { (y, m + 1) };
    Some((s, NaiveDate::from_ymd_opt(ny, nm, 1)?.pred_opt()?))
}

/// One expression found at a word: how many words it takes, its anchor and its dates.
type Hit = (usize, Anchor, Option<(NaiveDate, NaiveDate)>);

/// The time expressions in `spans` of `text`. Relative ones ("this week", "Thursday", "in
/// the next 48 hours") are resolved only when `published` is known; calendar ones ("March
/// 7, 2024", "2014") always; ones relative to another event ("hours after") never.
pub fn find(text: &str, spans: &[Span], published: Option<NaiveDate>) -> Vec<TimeRef> {
    let mut out = Vec::new();
    for s in spans {
        let ws = words(text, *s);
        let low: Vec<String> = ws
            .iter()
            .map(|w| w.text.to_lowercase().replace('’', "'"))
            .collect();
        let capital = |k: usize| {
            ws.get(k)
                .is_some_and(|w| w.text.starts_with(|c: char| c.is_uppercase()))
        };
        let mut i = 0;
        while i < ws.len() {
            let at = |k: usize| low.get(k).map(String::as_str).unwrap_or("");
            // "in the next 48 hours": the two words before are part of the expression
            let lead = if i >= 2 && at(i - 2) == "in" && at(i - 1) == "the" {
                2
            } else {
                0
            };
            let Some((len, anchor, dates)) = hit_at(&low, &capital, i, published) else {
                i += 1;
                continue;
            };
            let first = if matches!(at(i), "next" | "coming" | "past" | "last") {
                i - lead
            } else {
                i
            };
            if first < i {
                out.retain(|t: &TimeRef| t.span.end <= ws[first].span.start);
            }
            let span = Span::new(ws[first].span.start, ws[i + len - 1].span.end);
            let reason = (anchor == Anchor::Publication && published.is_some() && dates.is_none())
                .then(|| NO_SUCH_DAY.to_string());
            out.push(TimeRef {
                span,
                text: span.slice(text).to_string(),
                anchor,
                start: dates.map(|d| d.0),
                end: dates.map(|d| d.1),
                reason,
            });
            i += len;
        }
    }
    out
}

/// The expression starting at word `i`, if any.
fn hit_at(
    low: &[String],
    capital: &dyn Fn(usize) -> bool,
    i: usize,
    published: Option<NaiveDate>,
) -> Option<Hit> {
    let at = |k: usize| low.get(k).map(String::as_str).unwrap_or("");
    let w = at(i);
    let p = published;
    // 2024-03-07
    if w.len() == 10 && w.as_bytes().get(4) == Some(&b'-') {
        if let Ok(d) = NaiveDate::parse_from_str(w, "%Y-%m-%d") {
            return Some((1, Anchor::Calendar, Some((d, d))));
        }
    }
    // "March 7, 2024", "March 7th", "March 2024"
    if let Some(m) = month_number(w).filter(|_| capital(i)) {
        if let Some(day) = day_number(at(i + 1)) {
            return Some(match year_number(at(i + 2)) {
                Some(y) => {
                    let d = NaiveDate::from_ymd_opt(y, m, day);
                    (3, Anchor::Calendar, d.map(|d| (d, d)))
                }
                None => {
                    let d = p.and_then(|p| NaiveDate::from_ymd_opt(p.year(), m, day));
                    (2, Anchor::Publication, d.map(|d| (d, d)))
                }
            });
        }
        if let (true, Some(y)) = (w.len() > 3 || w == "may", year_number(at(i + 1))) {
            return Some((2, Anchor::Calendar, month_range(y, m)));
        }
        return None;
    }
    // "7 March 2024", "7 March"
    if let Some(day) = day_number(w) {
        if let Some(m) = month_number(at(i + 1)).filter(|_| capital(i + 1)) {
            return Some(match year_number(at(i + 2)) {
                Some(y) => {
                    let d = NaiveDate::from_ymd_opt(y, m, day);
                    (3, Anchor::Calendar, d.map(|d| (d, d)))
                }
                None => {
                    let d = p.and_then(|p| NaiveDate::from_ymd_opt(p.year(), m, day));
                    (2, Anchor::Publication, d.map(|d| (d, d)))
                }
            });
        }
    }
    // "last Thursday", "next Thursday", "Thursday"
    let weekday = |k: usize| WEEKDAYS.iter().find(|(n, _)| *n == at(k)).map(|(_, d)| *d);
    if let Some(wd) = weekday(i) {
        return Some((
            1,
            Anchor::Publication,
            p.and_then(|p| on_or_before(p, wd, 0)),
        ));
    }
    if (w == "last" || w == "next") && weekday(i + 1).is_some() {
        let wd = weekday(i + 1)?;
        let d = p.and_then(|p| {
            if w == "last" {
                on_or_before(p, wd, 1)
            } else {
                let ahead = (7 + wd.num_days_from_monday() as i64
                    - p.weekday().num_days_from_monday() as i64)
                    % 7;
                let d = shift(p, if ahead == 0 { 7 } else { ahead })?;
                Some((d, d))
            }
        });
        return Some((2, Anchor::Publication, d));
    }
    if let Some(y) = year_number(w) {
        let r = NaiveDate::from_ymd_opt(y, 1, 1).zip(NaiveDate::from_ymd_opt(y, 12, 31));
        return Some((1, Anchor::Calendar, r));
    }
    if matches!(w, "today" | "yesterday" | "tomorrow" | "tonight") {
        let off = match w {
            "yesterday" => -1,
            "tomorrow" => 1,
            _ => 0,
        };
        let d = p.and_then(|p| shift(p, off)).map(|d| (d, d));
        return Some((1, Anchor::Publication, d));
    }
    // "earlier this week", "this week", "last month", "next year"
    let period = |k: usize| matches!(at(k), "week" | "month" | "year");
    if w == "earlier" && at(i + 1) == "this" && period(i + 2) {
        let r = p.and_then(|p| {
            let (s, _) = this_period(p, at(i + 2), 0)?;
            Some((s, p))
        });
        return Some((3, Anchor::Publication, r));
    }
    if matches!(w, "this" | "last" | "next") && period(i + 1) {
        let shift: i64 = match w {
            "last" => -1,
            "next" => 1,
            _ => 0,
        };
        let r = p.and_then(|p| this_period(p, at(i + 1), shift));
        return Some((2, Anchor::Publication, r));
    }
    // "in the next 48 hours", "over the past two days", "within 48 hours"
    if matches!(w, "next" | "coming" | "past" | "last") {
        if let (Some(n), Some(h)) = (number_word(at(i + 1)), unit_hours(at(i + 2))) {
            let days = days_of(n, h);
            let r = p.and_then(|p| {
                if matches!(w, "next" | "coming") {
                    Some((p, shift(p, days)?))
                } else {
                    Some((shift(p, -days)?, p))
                }
            });
            return Some((3, Anchor::Publication, r));
        }
    }
    if w == "within" {
        if let (Some(n), Some(h)) = (number_word(at(i + 1)), unit_hours(at(i + 2))) {
            let days = days_of(n, h);
            let r = p.and_then(|p| Some((p, shift(p, days)?)));
            return Some((3, Anchor::Publication, r));
        }
    }
    // "two days ago"
    if let (Some(n), Some(h)) = (number_word(w), unit_hours(at(i + 1))) {
        if at(i + 2) == "ago" {
            let back = days_of(n, h);
            let r = p.and_then(|p| shift(p, -back)).map(|d| (d, d));
            return Some((3, Anchor::Publication, r));
        }
        // "48 hours after", "two days before": relative to another event
        if matches!(at(i + 2), "after" | "before" | "later" | "earlier") {
            return Some((3, Anchor::Event, None));
        }
    }
    // "hours after", "days before", "minutes later"
    if matches!(
        w,
        "minutes" | "hours" | "days" | "weeks" | "moments" | "shortly"
    ) && matches!(at(i + 1), "after" | "before" | "later" | "earlier")
        && !(i > 0 && number_word(at(i - 1)).is_some())
    {
        return Some((2, Anchor::Event, None));
    }
    // "the next day", "the day before", "the following week"
    if w == "the" {
        if matches!(at(i + 1), "next" | "following" | "previous") && unit_hours(at(i + 2)).is_some()
        {
            return Some((3, Anchor::Event, None));
        }
        if unit_hours(at(i + 1)).is_some() && matches!(at(i + 2), "before" | "after") {
            return Some((3, Anchor::Event, None));
        }
    }
    None
}

/// The most recent `wd` on or before `p`, at least `min_back` days back; `None` when that
/// day is outside the calendar's range.
fn on_or_before(p: NaiveDate, wd: Weekday, min_back: i64) -> Option<(NaiveDate, NaiveDate)> {
    let mut back =
        (7 + p.weekday().num_days_from_monday() as i64 - wd.num_days_from_monday() as i64) % 7;
    if back < min_back {
        back += 7;
    }
    let d = shift(p, -back)?;
    Some((d, d))
}

/// The week (Monday to Sunday), month or year holding `p`, moved by `by` of them; `None`
/// when it is not wholly inside the calendar's range.
fn this_period(p: NaiveDate, period: &str, by: i64) -> Option<(NaiveDate, NaiveDate)> {
    match period {
        "month" => {
            let total = p.year() as i64 * 12 + p.month0() as i64 + by;
            let y = i32::try_from(total.div_euclid(12)).ok()?;
            month_range(y, total.rem_euclid(12) as u32 + 1)
        }
        "year" => {
            let y = p.year().checked_add(i32::try_from(by).ok()?)?;
            NaiveDate::from_ymd_opt(y, 1, 1).zip(NaiveDate::from_ymd_opt(y, 12, 31))
        }
        _ => {
            let monday = shift(p, -(p.weekday().num_days_from_monday() as i64))?;
            let s = shift(monday, 7 * by)?;
            Some((s, shift(s, 6)?))
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn d(y: i32, m: u32, day: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(y, m, day).unwrap()
    }

    fn all(t: &str, p: Option<NaiveDate>) -> Vec<TimeRef> {
        find(t, &[Span::new(0, t.len())], p)
    }

    /// The one expression of `t`, resolved against `p`.
    fn one(t: &str, p: Option<NaiveDate>) -> TimeRef {
        let mut v = all(t, p);
        assert_eq!(v.len(), 1, "{t}: {v:?}");
        v.remove(0)
    }

    fn dates(r: &TimeRef) -> Option<(NaiveDate, NaiveDate)> {
        r.start.zip(r.end)
    }

    #[test]
    fn resolves_only_with_a_date() {
        let t = "in the next 48 hours, this week and on Thursday, unlike March 7, 2024 and 2014";
        let unknown = all(t, None);
        let texts: Vec<&str> = unknown.iter().map(|r| r.text.as_str()).collect();
        assert_eq!(
            texts,
            [
                "in the next 48 hours",
                "this week",
                "Thursday",
                "March 7, 2024",
                "2014"
            ]
        );
        assert!(unknown[..3].iter().all(|r| r.start.is_none()));
        assert!(unknown[..3].iter().all(|r| r.anchor == Anchor::Publication));
        assert_eq!(unknown[3].start, Some(d(2024, 3, 7)));
        assert_eq!(unknown[3].anchor, Anchor::Calendar);
        let known = all(t, Some(d(2024, 3, 8))); // a Friday
        assert_eq!(dates(&known[0]), Some((d(2024, 3, 8), d(2024, 3, 10))));
        assert_eq!(dates(&known[1]), Some((d(2024, 3, 4), d(2024, 3, 10))));
        assert_eq!(known[2].start, Some(d(2024, 3, 7)));
        assert_eq!(known[4].end, Some(d(2014, 12, 31)));
    }

    #[test]
    fn calendar_dates() {
        let fri = Some(d(2024, 3, 8));
        for (t, want) in [
            ("on March 7, 2024", (d(2024, 3, 7), d(2024, 3, 7))),
            ("on 7 March 2024", (d(2024, 3, 7), d(2024, 3, 7))),
            ("on 2024-03-07", (d(2024, 3, 7), d(2024, 3, 7))),
            ("in February 2024", (d(2024, 2, 1), d(2024, 2, 29))),
            ("in December 2023", (d(2023, 12, 1), d(2023, 12, 31))),
        ] {
            let r = one(t, None);
            assert_eq!((r.anchor, dates(&r)), (Anchor::Calendar, Some(want)), "{t}");
            assert_eq!(dates(&one(t, fri)), Some(want), "{t}");
        }
        // a date without a year takes the publication year, so needs it
        let r = one("on March 7th", None);
        assert_eq!((r.text.as_str(), r.start), ("March 7th", None));
        assert_eq!(one("on March 7th", fri).start, Some(d(2024, 3, 7)));
        // "may" the verb is no month
        assert!(all("the dam may fail", fri).is_empty());
        // an impossible date stays unresolved
        assert_eq!(one("on February 30, 2024", None).start, None);
    }

    #[test]
    fn weekdays_and_periods() {
        let fri = Some(d(2024, 3, 8));
        let day = |t: &str| one(t, fri).start;
        assert_eq!(day("on Friday"), Some(d(2024, 3, 8)));
        assert_eq!(day("on Monday"), Some(d(2024, 3, 4)));
        assert_eq!(day("last Friday"), Some(d(2024, 3, 1)));
        assert_eq!(day("next Monday"), Some(d(2024, 3, 11)));
        assert_eq!(day("yesterday"), Some(d(2024, 3, 7)));
        assert_eq!(day("two days ago"), Some(d(2024, 3, 6)));
        let span = |t: &str| dates(&one(t, fri));
        assert_eq!(span("last week"), Some((d(2024, 2, 26), d(2024, 3, 3))));
        assert_eq!(
            span("earlier this week"),
            Some((d(2024, 3, 4), d(2024, 3, 8)))
        );
        assert_eq!(span("this month"), Some((d(2024, 3, 1), d(2024, 3, 31))));
        assert_eq!(span("last month"), Some((d(2024, 2, 1), d(2024, 2, 29))));
        assert_eq!(span("next year"), Some((d(2025, 1, 1), d(2025, 12, 31))));
        assert_eq!(
            span("within 48 hours"),
            Some((d(2024, 3, 8), d(2024, 3, 10)))
        );
        assert_eq!(
            span("over the past two weeks"),
            Some((d(2024, 2, 23), d(2024, 3, 8)))
        );
        for t in [
            "on Friday",
            "last week",
            "this month",
            "within 48 hours",
            "two days ago",
        ] {
            let r = one(t, None);
            assert_eq!((r.anchor, r.start), (Anchor::Publication, None), "{t}");
        }
    }

    #[test]
    fn relative_to_another_event_never_resolves() {
        let fri = Some(d(2024, 3, 8));
        for (t, text) in [
            ("The alert came hours after the raid.", "hours after"),
            ("It closed two days before the vote.", "two days before"),
            ("The port reopened the next day.", "the next day"),
            ("Minutes later the lights went out.", "Minutes later"),
        ] {
            let r = one(t, fri);
            assert_eq!(r.text, text, "{t}");
            assert_eq!(
                (r.anchor, r.start, r.end),
                (Anchor::Event, None, None),
                "{t}"
            );
        }
    }

    #[test]
    fn the_ends_of_the_calendar_stay_unresolved_with_a_reason() {
        let all_words =
            "today, yesterday, tomorrow, tonight, on Monday, last Sunday, next Friday, \
            this week, last week, next week, earlier this week, this month, last month, \
            next month, earlier this month, this year, last year, next year, \
            in the next 48 hours, over the past 99999 weeks, within 99999 weeks, \
            two days ago, 99999 weeks ago, on March 7th, on 7 March, on February 30";
        for p in [
            NaiveDate::MAX,
            NaiveDate::MIN,
            d(262142, 12, 31),
            d(-262143, 1, 1),
        ] {
            let refs = all(all_words, Some(p));
            assert_eq!(refs.len(), 26, "{p}: {refs:#?}");
            for r in &refs {
                match r.start.zip(r.end) {
                    Some((s, e)) => assert!(s <= e, "{p} {}", r.text),
                    None => assert_eq!(r.reason.as_deref(), Some(NO_SUCH_DAY), "{p} {}", r.text),
                }
            }
            assert!(refs.iter().any(|r| r.start.is_none()), "{p}");
        }
        // far from the ends, everything resolves and nothing has a reason
        let refs = all(all_words, Some(d(2024, 3, 8)));
        let unresolved: Vec<&str> = refs
            .iter()
            .filter(|r| r.start.is_none())
            .map(|r| r.text.as_str())
            .collect();
        assert_eq!(unresolved, ["February 30"]);
        assert!(all(all_words, None).iter().all(|r| r.reason.is_none()));
    }
}
