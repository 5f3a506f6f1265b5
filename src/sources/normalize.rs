//! The normalised form of a source mention.

/// Normalises a mention for matching: lower case, no leading article, no possessive
/// ending, punctuation dropped (so "U.S." and "US" meet), white space collapsed.
pub fn normalize_mention(mention: &str) -> String {
    let lower = mention.to_lowercase().replace('’', "'");
    let mut words: Vec<String> = Vec::new();
    for raw in lower.split(|c: char| c.is_whitespace()) {
        let w = raw
            .strip_suffix("'s")
            .or_else(|| raw.strip_suffix("s'"))
            .unwrap_or(raw);
        let w: String = w
            .chars()
            .filter(|c| c.is_alphanumeric() || *c == '-')
            .collect();
        let w = w.trim_matches('-');
        if !w.is_empty() {
            words.push(w.to_string());
        }
    }
    while words
        .first()
        .is_some_and(|w| matches!(w.as_str(), "the" | "a" | "an"))
    {
        words.remove(0);
    }
    words.join(" ")
}

#[cfg(test)]
mod tests {
    use super::normalize_mention;

    #[test]
    fn normal_forms() {
        assert_eq!(normalize_mention("The Kremlin’s"), "kremlin");
        assert_eq!(normalize_mention("the U.S. Embassy"), "us embassy");
        assert_eq!(normalize_mention("  ISIS-K, "), "isis-k");
        assert_eq!(normalize_mention("A  State Department"), "state department");
        assert_eq!(normalize_mention("—"), "");
    }
}
