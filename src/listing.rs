//! The plain tables of the `articles` and `sources` commands: one tab-separated line per
//! article or source.

use crate::{Analysis, Story};

/// One line per article: id, outlet, date, title, paragraph and sentence counts, file.
pub fn articles(story: &Story) -> String {
    let mut out = String::new();
    for a in &story.articles {
        out.push_str(&format!(
            "{}\t{}\t{}\t{}\t{} paragraphs, {} sentences\t{}\n",
            a.id,
            a.outlet.as_deref().unwrap_or("outlet unknown"),
            a.published
                .map_or_else(|| "date unknown".to_string(), |d| d.to_string()),
            a.title.as_deref().unwrap_or("(no title)"),
            a.paragraphs.len(),
            a.sentences.len(),
            a.path.display()
        ));
    }
    out
}

/// One line per source of the analysis (the registry's, then the unknown speakers met):
/// id, name, kind, affiliation, how many claims it made and passed on, its people.
pub fn sources(an: &Analysis) -> String {
    let mut out = String::new();
    for s in &an.sources.sources {
        let said = an.graph.claims_of_source(&s.id).len();
        let via = an.graph.claims_reported_via(&s.id).len();
        let people: Vec<String> = s
            .people
            .iter()
            .map(|p| match &p.role {
                Some(r) => format!("{} ({r})", p.name),
                None => p.name.clone(),
            })
            .collect();
        out.push_str(&format!(
            "{}\t{}\t{}\t{}\t{} claims, passed on {}\t{}\n",
            s.id,
            s.name,
            s.kind,
            s.affiliation.as_deref().unwrap_or("-"),
            said,
            via,
            people.join("; ")
        ));
    }
    out
}
