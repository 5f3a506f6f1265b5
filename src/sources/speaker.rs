//! Who a claim is from, as an id: a source of the story's source table, or an article's own
//! voice.

use serde::{Deserialize, Serialize};
use std::fmt;

/// What an article's own voice is written as: `article:` and the article's id.
const ARTICLE_VOICE: &str = "article:";

/// The id of who a claim is from (or passed it on): a registry source's id, the id of a
/// source made for an unknown speaker (`unknown:…`), or an article's own voice.
///
/// It is written as the id itself; an article's own voice as `article:` and the article's
/// id. Only [`SpeakerId::article_voice`] and [`SpeakerId::voice_of`] know that spelling.
#[derive(Clone, Debug, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(transparent)]
pub struct SpeakerId(String);

impl SpeakerId {
    /// The id of a source of the story's source table.
    pub fn source(id: impl Into<String>) -> SpeakerId {
        SpeakerId(id.into())
    }

    /// The own voice of the article with this id: what it says without citing anyone.
    pub fn article_voice(article: &str) -> SpeakerId {
        SpeakerId(format!("{ARTICLE_VOICE}{article}"))
    }

    /// The article whose own voice this is; `None` for a source.
    pub fn voice_of(&self) -> Option<&str> {
        self.0.strip_prefix(ARTICLE_VOICE)
    }

    /// True for an article's own voice.
    pub fn is_article_voice(&self) -> bool {
        self.voice_of().is_some()
    }

    /// The id as written (the key of a source in the source table).
    pub fn as_str(&self) -> &str {
        &self.0
    }
}

impl fmt::Display for SpeakerId {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.0)
    }
}

impl From<String> for SpeakerId {
    /// The id as written: `article:ID` is that article's own voice.
    fn from(id: String) -> SpeakerId {
        SpeakerId(id)
    }
}

impl From<&str> for SpeakerId {
    /// The id as written: `article:ID` is that article's own voice.
    fn from(id: &str) -> SpeakerId {
        SpeakerId(id.to_string())
    }
}

impl PartialEq<str> for SpeakerId {
    fn eq(&self, other: &str) -> bool {
        self.0 == other
    }
}

impl PartialEq<&str> for SpeakerId {
    fn eq(&self, other: &&str) -> bool {
        self.0 == *other
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn an_article_voice_is_written_as_before_and_read_back() {
        let v = SpeakerId::article_voice("a-1");
        assert_eq!(v.to_string(), "article:a-1");
        assert_eq!(v.voice_of(), Some("a-1"));
        assert_eq!(SpeakerId::from("article:a-1"), v);
        assert_eq!(serde_json::to_string(&v).unwrap(), "\"article:a-1\"");
        let s = SpeakerId::source("fsb");
        assert!(!s.is_article_voice() && s == "fsb");
        assert_eq!(serde_json::from_str::<SpeakerId>("\"fsb\"").unwrap(), s);
    }
}
