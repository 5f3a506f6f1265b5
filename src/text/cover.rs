//! Spans indexed by start, to tell in a binary search whether one of them holds a span:
//! the quotations of a paragraph around a token, the cited content around a word.

use crate::text::Span;

/// Spans, indexed to tell whether one of them holds a given span: sorted by start, with
/// the furthest end among each prefix. Empty by default.
#[derive(Clone, Debug, Default)]
pub struct Cover {
    starts: Vec<usize>,
    furthest: Vec<usize>,
}

impl Cover {
    /// Indexes `spans`.
    pub fn new(spans: impl Iterator<Item = Span>) -> Cover {
        let mut spans: Vec<Span> = spans.collect();
        spans.sort_unstable();
        let mut furthest = Vec::with_capacity(spans.len());
        let mut end = 0;
        for s in &spans {
            end = end.max(s.end);
            furthest.push(end);
        }
        Cover {
            starts: spans.iter().map(|s| s.start).collect(),
            furthest,
        }
    }

    /// True when one of the spans holds `span`.
    pub fn contains(&self, span: Span) -> bool {
        let n = self.starts.partition_point(|&s| s <= span.start);
        n > 0 && self.furthest[n - 1] >= span.end
    }

    /// True when one of the spans holds `span` with a byte to spare on each side.
    pub fn strictly_contains(&self, span: Span) -> bool {
        let n = self.starts.partition_point(|&s| s < span.start);
        n > 0 && self.furthest[n - 1] > span.end
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn cover_tells_whether_a_span_is_held() {
        let c = Cover::new([Span::new(10, 20), Span::new(0, 5), Span::new(12, 30)].into_iter());
        assert!(c.contains(Span::new(1, 5)));
        assert!(c.contains(Span::new(15, 30)));
        assert!(!c.contains(Span::new(4, 11)));
        assert!(!c.contains(Span::new(25, 31)));
        assert!(!Cover::new(std::iter::empty()).contains(Span::new(0, 0)));
        assert!(c.strictly_contains(Span::new(13, 20)));
        assert!(!c.strictly_contains(Span::new(12, 20)));
        assert!(!c.strictly_contains(Span::new(1, 5)));
    }

    #[test]
    fn cover_agrees_with_a_scan() {
        let spans = [
            Span::new(3, 9),
            Span::new(0, 2),
            Span::new(20, 40),
            Span::new(4, 4),
            Span::new(22, 25),
            Span::new(0, 12),
        ];
        for n in 0..=spans.len() {
            let c = Cover::new(spans[..n].iter().copied());
            for s in 0..42 {
                for e in s..43 {
                    let p = Span::new(s, e);
                    let held = spans[..n].iter().any(|q| q.contains(p));
                    let strict = spans[..n]
                        .iter()
                        .any(|q| q.start < p.start && p.end < q.end);
                    assert_eq!(c.contains(p), held, "{p:?}");
                    assert_eq!(c.strictly_contains(p), strict, "{p:?}");
                }
            }
        }
    }
}
