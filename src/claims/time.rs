//! Time expressions in claims, resolved against the article's publication date.

use crate::text::tokens::words;
use crate::text::Span;
use chrono::{Datelike, Duration, NaiveDate, Weekday};
use serde::{Deserialize, Serialize};

/// A time expression and, when it can be fixed, the dates it covers.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct TimeRef {
    /// Where it stands.
    pub span: Span,
    /// The expression as written.
    pub text: String,
    /// First day covered, when resolved.
    pub start: Option<NaiveDate>,
    /// Last day covered (inclusive), when resolved.
    pub end: Option<NaiveDate>,
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

fn number_word(w: &str) -> Option<i64> {
    if let Ok(n) = w.parse::<i64>() {
        return Some(n);
    }
    let n = match w {
        "one" | "a" => 1,
        "two" => 2,
        "three" => 3,
        "four" => 4,
        "five" => 5,
        "six" => 6,
        "seven" => 7,
        "eight" => 8,
        "nine" => 9,
        "ten" => 10,
        "twelve" => 12,
        "24" => 24,
        "48" => 48,
        "72" => 72,
        _ => return None,
    };
    Some(n)
}

/// The time expressions in `spans` of `text`. Relative ones ("this week", "Thursday", "in
/// the next 48 hours") are resolved only when `published` is known; absolute ones ("March
/// 7, 2024", "2014") always.
pub fn find(text: &str, spans: &[Span], published: Option<NaiveDate>) -> Vec<TimeRef> {
    let mut out = Vec::new();
    for s in spans {
        let ws = words(text, *s);
        let low: Vec<String> = ws.iter().map(|w| w.text.to_lowercase()).collect();
        let mut i = 0;
        while i < ws.len() {
            let at = |k: usize| low.get(k).map(String::as_str).unwrap_or("");
            let mut hit: Option<(usize, Option<(NaiveDate, NaiveDate)>)> = None;
            let w = at(i);
            if let Some((_, m)) = MONTHS.iter().find(|(n, _)| *n == w) {
                let capital = ws[i].text.starts_with(|c: char| c.is_uppercase());
                if let (true, Ok(day)) = (capital, at(i + 1).parse::<u32>()) {
                    let year = at(i + 2)
                        .parse::<i32>()
                        .ok()
                        .filter(|y| (1900..2200).contains(y));
                    let len = if year.is_some() { 3 } else { 2 };
                    let y = year.or(published.map(|p| p.year()));
                    let d = y.and_then(|y| NaiveDate::from_ymd_opt(y, *m, day));
                    hit = Some((len, d.map(|d| (d, d))));
                } else if let (true, Ok(y)) = (capital && w.len() > 3, at(i + 1).parse::<i32>()) {
                    if (1900..2200).contains(&y) {
                        let s = NaiveDate::from_ymd_opt(y, *m, 1);
                        let e = s.and_then(|s| {
                            let (ny, nm) = if *m == 12 { (y + 1, 1) } else { (y, m + 1) };
                            NaiveDate::from_ymd_opt(ny, nm, 1).map(|n| (s, n - Duration::days(1)))
                        });
                        hit = Some((2, e));
                    }
                }
            } else if let Some((_, wd)) = WEEKDAYS.iter().find(|(n, _)| *n == w) {
                // the most recent such day on or before publication
                let d = published.map(|p| {
                    let back = (7 + p.weekday().num_days_from_monday() as i64
                        - wd.num_days_from_monday() as i64)
                        % 7;
                    p - Duration::days(back)
                });
                hit = Some((1, d.map(|d| (d, d))));
            } else if let Ok(y) = w.parse::<i32>() {
                if w.len() == 4 && (1900..2200).contains(&y) {
                    let r =
                        NaiveDate::from_ymd_opt(y, 1, 1).zip(NaiveDate::from_ymd_opt(y, 12, 31));
                    hit = Some((1, r));
                }
            } else if w == "today" || w == "yesterday" || w == "tomorrow" {
                let off = match w {
                    "yesterday" => -1,
                    "tomorrow" => 1,
                    _ => 0,
                };
                hit = Some((
                    1,
                    published.map(|p| (p + Duration::days(off), p + Duration::days(off))),
                ));
            } else if (w == "this" || w == "last" || w == "next") && at(i + 1) == "week" {
                let r = published.map(|p| {
                    let monday = p - Duration::days(p.weekday().num_days_from_monday() as i64);
                    let shift = match w {
                        "last" => -7,
                        "next" => 7,
                        _ => 0,
                    };
                    let s = monday + Duration::days(shift);
                    (s, s + Duration::days(6))
                });
                hit = Some((2, r));
            } else if (w == "next" || w == "coming" || w == "past" || w == "last")
                && number_word(at(i + 1)).is_some()
                && matches!(at(i + 2), "hours" | "days" | "weeks")
            {
                let n = number_word(at(i + 1)).unwrap_or(0);
                let days = match at(i + 2) {
                    "hours" => (n + 23) / 24,
                    "days" => n,
                    _ => n * 7,
                };
                let forward = w == "next" || w == "coming";
                let r = published.map(|p| {
                    if forward {
                        (p, p + Duration::days(days))
                    } else {
                        (p - Duration::days(days), p)
                    }
                });
                let start = if i >= 2 && at(i - 2) == "in" && at(i - 1) == "the" {
                    i - 2
                } else {
                    i
                };
                if start != i {
                    out.retain(|t: &TimeRef| t.span.end <= ws[start].span.start);
                }
                let span = Span::new(ws[start].span.start, ws[i + 2].span.end);
                out.push(TimeRef {
                    span,
                    text: span.slice(text).to_string(),
                    start: r.map(|r| r.0),
                    end: r.map(|r| r.1),
                });
                i += 3;
                continue;
            }
            if let Some((len, r)) = hit {
                let span = Span::new(ws[i].span.start, ws[i + len - 1].span.end);
                out.push(TimeRef {
                    span,
                    text: span.slice(text).to_string(),
                    start: r.map(|r| r.0),
                    end: r.map(|r| r.1),
                });
                i += len;
            } else {
                i += 1;
            }
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn d(y: i32, m: u32, day: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(y, m, day).unwrap()
    }

    #[test]
    fn resolves_only_with_a_date() {
        let t = "in the next 48 hours, this week and on Thursday, unlike March 7, 2024 and 2014";
        let all = Span::new(0, t.len());
        let unknown = find(t, &[all], None);
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
        assert_eq!(unknown[3].start, Some(d(2024, 3, 7)));
        let known = find(t, &[all], Some(d(2024, 3, 8))); // a Friday
        assert_eq!(
            (known[0].start, known[0].end),
            (Some(d(2024, 3, 8)), Some(d(2024, 3, 10)))
        );
        assert_eq!(
            (known[1].start, known[1].end),
            (Some(d(2024, 3, 4)), Some(d(2024, 3, 10)))
        );
        assert_eq!(known[2].start, Some(d(2024, 3, 7)));
        assert_eq!(known[4].end, Some(d(2014, 12, 31)));
    }
}
