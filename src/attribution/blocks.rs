//! Block headers: a short line ending in a colon ("Reuters:") names the outlet of the
//! text below it, which becomes an intermediary of every attribution there, the article's
//! own voice included, until the next header.

use super::lexicon::{in_list, NAME_LINKS, SECTION_WORDS};
use super::Attribution;
use crate::text::Span;

/// A block header: a paragraph of at most five words ending in a colon ("Reuters:"),
/// written as a name (every word capitalised but the links of [`NAME_LINKS`]) and not a
/// section label ("Background:", "Latest developments:", "Key facts:"). Returns the name
/// without the colon.
pub(super) fn header(text: &str, p: Span) -> Option<Span> {
    let s = p.slice(text).trim_end();
    let name = s.strip_suffix(':')?;
    let words: Vec<&str> = name.split_whitespace().collect();
    let as_name = words.iter().all(|w| {
        w.starts_with(|c: char| c.is_uppercase() || c.is_numeric()) || in_list(NAME_LINKS, w)
    });
    let section = words
        .iter()
        .any(|w| in_list(SECTION_WORDS, &w.to_lowercase()));
    (crate::text::sentences::is_block_header(s)
        && !name.contains(['.', '“', '"'])
        && as_name
        && !section)
        .then(|| Span::new(p.start, p.start + name.len()).trim(text))
}

/// Adds the header `h` to the intermediaries of `atts`, the attributions of one sentence
/// under it.
pub(super) fn carry(atts: &mut [Attribution], h: Span) {
    for a in atts {
        if !a.via.contains(&h) {
            a.via.push(h);
        }
    }
}

#[cfg(test)]
mod tests {
    use crate::attribution::testutil::*;
    use crate::attribution::AttributionKind;

    #[test]
    fn block_headers_make_an_intermediary() {
        let text = "The dam held overnight.\n\
                    Northwire:\n\
                    The ministry said the dam was safe.\n\
                    Engineers were seen on the crest.\n\
                    Valdera Courier:\n\
                    The guild claimed the dam was cracked.";
        let all = run(text);
        assert_eq!(all.len(), 4, "{all:#?}");
        assert!(all[0].via.is_empty());
        assert_eq!(all[1].via, ["Northwire"]);
        assert_eq!(all[1].source, "The ministry");
        assert_eq!(all[2].kind, AttributionKind::Author);
        assert_eq!(all[2].via, ["Northwire"]);
        assert_eq!(all[3].via, ["Valdera Courier"]);
    }

    #[test]
    fn section_labels_are_no_intermediaries() {
        let text = "Background:\n\
                    The ministry said the dam was safe.\n\
                    Latest developments:\n\
                    The guild claimed the dam was cracked.\n\
                    Key Facts:\n\
                    Engineers were seen on the crest.\n\
                    Voice of Valdera:\n\
                    The mayor said the road was open.";
        let all = run(text);
        assert_eq!(all.len(), 4, "{all:#?}");
        assert!(all[..3].iter().all(|a| a.via.is_empty()), "{all:#?}");
        assert_eq!(all[3].via, ["Voice of Valdera"]);
    }
}
