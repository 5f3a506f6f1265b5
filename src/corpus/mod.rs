//! Stories and articles, and one loader per format (text, Markdown, HTML, JSONL).

pub mod html;
