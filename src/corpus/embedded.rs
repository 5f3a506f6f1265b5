//! The default story, embedded in the binary so the main command runs anywhere.

use super::load::{assemble, StoryFiles};
use super::{LoadOptions, Story};
use crate::error::Result;
use std::path::PathBuf;

/// The id of the embedded default story (its folder name under `corpus/`).
pub const DEFAULT_STORY_ID: &str = "moscow-2024";

const ARTICLES: &[(&str, &str)] = &[
    (
        "articles/000_50050480748ae6bf.txt",
        include_str!("../../corpus/moscow-2024/articles/000_50050480748ae6bf.txt"),
    ),
    (
        "articles/003_a28c32e748035516.txt",
        include_str!("../../corpus/moscow-2024/articles/003_a28c32e748035516.txt"),
    ),
];

/// The default story (`corpus/moscow-2024/`), from the copy embedded in the binary.
pub fn default_story(opts: &LoadOptions) -> Result<Story> {
    assemble(
        StoryFiles {
            id: DEFAULT_STORY_ID.into(),
            root: None,
            display_root: PathBuf::from(format!("<embedded>/{DEFAULT_STORY_ID}")),
            story_ron: Some(include_bytes!("../../corpus/moscow-2024/story.ron").to_vec()),
            sources_ron: Some(include_bytes!("../../corpus/moscow-2024/sources.ron").to_vec()),
            articles: ARTICLES
                .iter()
                .map(|(p, t)| (PathBuf::from(p), Ok(t.as_bytes().to_vec())))
                .collect(),
            diagnostics: Vec::new(),
        },
        opts,
    )
}
