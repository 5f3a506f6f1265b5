//! `claimgraph init DIR`: a new story folder whose files load as written, with comments
//! saying what goes where.

use crate::error::{Error, Result};
use std::fs;
use std::path::Path;

/// The example article of a new story: front matter with every key, and a sentence that
/// makes one claim.
const EXAMPLE_ARTICLE: &str = r#"+++
# Front matter (TOML): every key is optional. Without an id the file name is the id.
title = "An example article: replace this file with the story's articles"
outlet = "Example Gazette"
url = "https://example.org/news/example-article"
published = "2031-05-02"
byline = "A. Reporter"
+++
The Ministry of Examples said on Friday that the example bridge was safe.

“We have inspected every cable,” Ana Example told the Example Gazette.
"#;

/// The registry of a new story: one example source with every field.
const SOURCES: &str = r#"// The registry of the story's sources: who can say or pass on a claim. A speaker the
// registry does not know stays unknown (`claimgraph sources --suggest STORY` lists them as
// entries to add here). Kinds: Agency, Government, Official, StateMedia, Outlet, Wire,
// Person, Group, Anonymous, Unknown. Sources sharing an affiliation are not independent of
// one another; reliability is an Admiralty letter, A (reliable) to F (cannot be judged).
#![enable(implicit_some)]
(
    sources: [
        (
            id: "example-ministry",
            name: "Ministry of Examples",
            kind: Government,
            aliases: ["the ministry"],
            people: [
                (name: "Ana Example", role: "ministry spokeswoman", aliases: ["Example"]),
            ],
            affiliation: "Government of Exampleland",
            reliability: B,
        ),
        (
            id: "example-gazette",
            name: "Example Gazette",
            kind: Outlet,
            aliases: ["the Gazette"],
        ),
    ],
)
"#;

/// Creates the story folder `dir` (which may exist if it is empty): `story.ron` titled
/// `title` (default: the folder's name), `sources.ron` with example sources and
/// `articles/example.md`. Returns the files made, relative to `dir`. Nothing is
/// overwritten: a folder that holds anything is an error.
pub fn create(dir: &Path, title: Option<&str>) -> Result<Vec<String>> {
    match fs::read_dir(dir) {
        Ok(mut entries) => {
            if entries.next().is_some() {
                return Err(Error::Story {
                    path: dir.to_path_buf(),
                    message: "the folder is not empty: a new story needs a new or empty folder"
                        .into(),
                });
            }
        }
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => {}
        Err(e) if e.kind() == std::io::ErrorKind::NotADirectory => {
            return Err(Error::Story {
                path: dir.to_path_buf(),
                message: "exists and is not a folder".into(),
            })
        }
        Err(e) => return Err(Error::io(dir, e)),
    }
    fs::create_dir_all(dir.join("articles")).map_err(|e| Error::io(dir, e))?;
    let name = dir
        .file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_else(|| "story".into());
    let title = title.unwrap_or(&name);
    let quoted = |s: &str| ron::to_string(s).unwrap_or_else(|_| "\"\"".into());
    let story = format!(
        "// The story: its title and what it is about. The articles go in articles/ (.md, \
         .txt,\n// .html, or .jsonl with one article a line); the sources in sources.ron.\n\
         #![enable(implicit_some)]\n(\n    title: {},\n    description: \"What the story is \
         about: the event, when and where.\",\n)\n",
        quoted(title)
    );
    let files = [
        ("story.ron", story.as_str()),
        ("sources.ron", SOURCES),
        ("articles/example.md", EXAMPLE_ARTICLE),
    ];
    for (rel, text) in files {
        crate::output::write(&dir.join(rel), text.as_bytes())?;
    }
    Ok(files.iter().map(|(r, _)| r.to_string()).collect())
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::corpus::{load_story, LoadOptions};

    #[test]
    fn a_new_story_loads_strictly_and_nothing_is_overwritten() {
        let tmp = tempfile::tempdir().unwrap();
        let dir = tmp.path().join("harbour \"fire\"");
        let made = create(&dir, None).unwrap();
        assert_eq!(made, ["story.ron", "sources.ron", "articles/example.md"]);
        let story = load_story(&dir, &LoadOptions { strict: true }).unwrap();
        assert_eq!(story.meta.title, "harbour \"fire\"");
        assert_eq!(story.registry.sources().len(), 2);
        assert_eq!(story.articles.len(), 1);
        assert!(story.articles[0].published.is_some());
        let err = create(&dir, Some("again")).unwrap_err().to_string();
        assert!(err.contains("not empty"), "{err}");
    }
}
