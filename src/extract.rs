//! The attributions of articles as the `extract` command shows them: every attribution with
//! its spans and their text, and the speaker the registry resolves it to; rendered as a
//! table, as one JSON document, or as span JSONL that the reference scorer reads.
//!
//! Extraction goes through [`crate::extract_attributions`], like the report and the
//! evaluation, so that this view always shows what the pipeline works from.

use crate::attribution::{Attribution, AttributionKind, Stance};
use crate::corpus::spans::SpanAttribution;
use crate::corpus::{self, Article, FetchOptions, Input, LoadOptions, Story};
use crate::error::{Diagnostic, Error, Result};
use crate::resolve::{self, MatchRule, Resolver, SourceTable};
use crate::sources::Registry;
use crate::text::{span::LineIndex, Span};
use rayon::prelude::*;
use serde::{Deserialize, Serialize};
use std::path::{Path, PathBuf};

/// The schema version of the JSON document.
pub const SCHEMA: &str = "claimgraph.extract/1";

/// The longest content shown in a table cell, in characters; longer content is cut with "…".
pub const TABLE_CONTENT_CHARS: usize = 60;

/// The longest source, cue or via text shown in a table cell, in characters.
pub const TABLE_NAME_CHARS: usize = 32;

/// A byte span of an article's text with the text it covers.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct TextSpan {
    /// First byte.
    pub start: usize,
    /// One past the last byte.
    pub end: usize,
    /// `text[start..end]`, exactly.
    pub text: String,
}

impl TextSpan {
    /// The span `span` of `text`, with what it covers.
    pub fn new(text: &str, span: Span) -> TextSpan {
        TextSpan {
            start: span.start,
            end: span.end,
            text: span.slice(text).to_string(),
        }
    }

    /// The bare span.
    pub fn span(&self) -> Span {
        Span::new(self.start, self.end)
    }
}

/// A line and column (both 1-based, the column counted in characters) in an article's text.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct LineCol {
    /// Line.
    pub line: usize,
    /// Column.
    pub column: usize,
}

/// The registry source an attribution's speaker resolves to.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct ResolvedSpeaker {
    /// The source's id in the registry.
    pub source: String,
    /// The source's name.
    pub name: String,
    /// The person speaking for the source, when the mention names one.
    pub person: Option<String>,
    /// The rule that resolved the mention.
    pub rule: MatchRule,
}

/// One attribution with its spans and their text.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct ExtractedAttribution {
    /// Index of the sentence in the article.
    pub sentence: usize,
    /// How the content is given.
    pub kind: AttributionKind,
    /// True for the article's own voice (kind `author`): no one else is cited. Such
    /// entries are left out of span JSONL, as PolNeAR annotates only attributed content.
    pub author_voice: bool,
    /// The source mention (empty when the sentence names none).
    pub source: Vec<TextSpan>,
    /// The earlier mention a pronoun or "the report" stands for.
    pub antecedent: Option<TextSpan>,
    /// The cue.
    pub cue: Vec<TextSpan>,
    /// Where the cue starts, as line and column of the article text.
    pub cue_at: Option<LineCol>,
    /// The cue's lemma (empty when there is no cue).
    pub cue_lemma: String,
    /// The stance the cue gives.
    pub stance: Stance,
    /// What was said: one or more fragments.
    pub content: Vec<TextSpan>,
    /// Words that qualify the attribution ("reportedly").
    pub modifiers: Vec<TextSpan>,
    /// Intermediaries the text names ("said to Newsweek", a "Reuters:" block).
    pub via: Vec<TextSpan>,
    /// The registry source the speaker resolves to; `None` when it stays unresolved (always
    /// so for loose files, which have an empty registry) and for a relay.
    pub speaker: Option<ResolvedSpeaker>,
    /// True when the attribution only passes on another one of its sentence ("...,
    /// Reuters said" around "The FSB reported ..."): its speaker is among that one's `via`,
    /// and no claim is made from it.
    #[serde(default)]
    pub relays: bool,
}

impl ExtractedAttribution {
    /// The spans of source, cue and content in the span JSONL schema.
    pub fn spans(&self) -> SpanAttribution {
        let pairs = |v: &[TextSpan]| v.iter().map(|s| [s.start, s.end]).collect();
        SpanAttribution {
            source: pairs(&self.source),
            cue: pairs(&self.cue),
            content: pairs(&self.content),
        }
    }
}

/// The attributions of one article.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct ExtractedArticle {
    /// The article id.
    pub id: String,
    /// The input it came from: a story folder, an article file, or
    /// `<embedded>/moscow-2024` for the default story.
    pub input: PathBuf,
    /// The article's file, relative to the story folder for stories.
    pub path: PathBuf,
    /// Length of the article text in bytes.
    pub bytes: usize,
    /// Number of sentences.
    pub sentences: usize,
    /// The attributions, in text order.
    pub attributions: Vec<ExtractedAttribution>,
}

/// Extracts the attributions of one article and resolves their speakers with `registry`,
/// the way the report does.
pub fn extract_article(article: &Article, registry: &Registry) -> ExtractedArticle {
    let text = article.text.as_str();
    let attrs = crate::extract_attributions(article, registry);
    // the resolve stage resolves speakers (pronouns through their antecedents, the
    // article's own voice through a block's outlet)
    let mut table = SourceTable::new(registry);
    let resolved = resolve::resolve(article, &attrs, &Resolver::new(registry), &mut table);
    let lines = LineIndex::new(text);
    // the resolve stage gives no entry to a relay, so its entries are matched to the
    // attributions they were made from, not by position
    let mut resolved = resolved.iter().peekable();
    let attributions = attrs
        .iter()
        .map(|a| {
            let entry = resolved.next_if(|r| std::ptr::eq(r.attribution, a));
            let speaker = entry.and_then(|c| {
                let rule = c.speaker.rule?;
                Some(ResolvedSpeaker {
                    source: c.speaker.source.to_string(),
                    name: registry
                        .get(c.speaker.source.as_str())
                        .map_or_else(|| c.speaker.source.to_string(), |s| s.name.clone()),
                    person: c.speaker.person.clone(),
                    rule,
                })
            });
            extracted(text, &lines, a, speaker)
        })
        .collect();
    ExtractedArticle {
        id: article.id.clone(),
        input: PathBuf::new(),
        path: article.path.clone(),
        bytes: text.len(),
        sentences: article.sentences.len(),
        attributions,
    }
}

fn extracted(
    text: &str,
    lines: &LineIndex,
    a: &Attribution,
    speaker: Option<ResolvedSpeaker>,
) -> ExtractedAttribution {
    let spans = |v: &[Span]| {
        v.iter()
            .map(|s| TextSpan::new(text, *s))
            .collect::<Vec<_>>()
    };
    ExtractedAttribution {
        sentence: a.sentence,
        kind: a.kind,
        author_voice: a.kind == AttributionKind::Author,
        source: spans(&a.source),
        antecedent: a.antecedent.map(|s| TextSpan::new(text, s)),
        cue: spans(&a.cue),
        cue_at: a.cue.first().map(|c| {
            let (line, column) = lines.line_col(text, c.start);
            LineCol { line, column }
        }),
        cue_lemma: a.cue_lemma.clone(),
        stance: a.stance,
        content: spans(&a.content),
        modifiers: spans(&a.modifiers),
        via: spans(&a.via),
        speaker,
        relays: a.relays,
    }
}

/// Extracts every article of a story with the story's registry, in parallel (the result
/// does not depend on the number of threads); `input` is recorded in each article as where
/// it came from.
pub fn extract_story(story: &Story, input: &Path) -> Vec<ExtractedArticle> {
    // articles in parallel on rayon's threads, collected in their order
    story
        .articles
        .par_iter()
        .map(|a| {
            let mut e = extract_article(a, &story.registry);
            e.input = input.to_path_buf();
            e
        })
        .collect()
}

/// What [`extract_paths`] found: the articles that loaded, the problems that left some
/// articles of an input loaded, and the inputs that could not be read at all.
#[derive(Debug, Default)]
pub struct Extraction {
    /// The articles, input by input, in order.
    pub articles: Vec<ExtractedArticle>,
    /// Problems within inputs that still gave articles (a bad JSONL line, a bad file in a
    /// story folder).
    pub warnings: Vec<Diagnostic>,
    /// Inputs that gave nothing: missing, unreadable, not a story folder, no article.
    pub failures: Vec<Error>,
}

/// Loads each path (a story folder or an article file, see [`corpus::load_path`]) and
/// extracts its articles; with no path, the embedded default story. See
/// [`extract_inputs`], which this is for paths alone.
pub fn extract_paths(paths: &[PathBuf], opts: &LoadOptions) -> Result<Extraction> {
    let inputs: Vec<Input> = paths.iter().map(|p| Input::Path(p.clone())).collect();
    extract_inputs(&inputs, opts, &FetchOptions::default())
}

/// Loads each input (a story folder, an article file, standard input or a web page, see
/// [`corpus::load_input`]) and extracts its articles, each with its own registry; with no
/// input, the embedded default story.
///
/// An input that cannot be read is recorded in [`Extraction::failures`] and the others are
/// still processed. With `opts.strict` the first problem of any kind is returned as the
/// error instead.
pub fn extract_inputs(
    inputs: &[Input],
    opts: &LoadOptions,
    fetch: &FetchOptions,
) -> Result<Extraction> {
    let mut out = Extraction::default();
    if inputs.is_empty() {
        let story = corpus::default_story(opts)?;
        let input = PathBuf::from(format!("<embedded>/{}", corpus::DEFAULT_STORY_ID));
        out.articles = extract_story(&story, &input);
        out.warnings = story.diagnostics;
        return Ok(out);
    }
    for input in inputs {
        match corpus::load_input(input, opts, fetch) {
            Ok(story) => {
                out.articles.extend(extract_story(&story, &input.shown()));
                out.warnings.extend(story.diagnostics);
            }
            Err(e) if opts.strict => return Err(e),
            Err(e) => out.failures.push(e),
        }
    }
    Ok(out)
}

/// The JSON document: the schema version, counts and the articles.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct ExtractDocument {
    /// [`SCHEMA`].
    pub schema: String,
    /// Number of articles.
    pub articles_count: usize,
    /// Number of attributions, the article's own voice included.
    pub attributions_count: usize,
    /// How many of them are the article's own voice.
    pub author_voice_count: usize,
    /// The articles.
    pub articles: Vec<ExtractedArticle>,
}

impl ExtractDocument {
    /// The document for these articles.
    pub fn new(articles: &[ExtractedArticle]) -> ExtractDocument {
        let all = articles.iter().flat_map(|a| &a.attributions);
        ExtractDocument {
            schema: SCHEMA.to_string(),
            articles_count: articles.len(),
            attributions_count: all.clone().count(),
            author_voice_count: all.filter(|a| a.author_voice).count(),
            articles: articles.to_vec(),
        }
    }
}

/// One pretty-printed JSON document ([`ExtractDocument`]), with a final newline.
pub fn render_json(articles: &[ExtractedArticle]) -> String {
    // serialising plain structs of strings and numbers cannot fail
    let mut s = serde_json::to_string_pretty(&ExtractDocument::new(articles)).unwrap_or_default();
    s.push('\n');
    s
}

/// A line of span JSONL: PolNeAR's schema plus extra fields the scorer ignores.
#[derive(Serialize)]
struct JsonlDoc<'a> {
    id: &'a str,
    attributions: Vec<JsonlAttribution<'a>>,
}

#[derive(Serialize)]
struct JsonlAttribution<'a> {
    #[serde(flatten)]
    spans: SpanAttribution,
    kind: AttributionKind,
    sentence: usize,
    cue_lemma: &'a str,
    stance: Stance,
    via: Vec<[usize; 2]>,
    speaker: Option<&'a str>,
}

/// Span JSONL, one line per article in PolNeAR's schema (`{"id", "attributions":
/// [{"source": [[s, e]], "cue": [..], "content": [..], ..}]}`, UTF-8 byte offsets) with
/// `kind`, `sentence`, `cue_lemma`, `stance`, `via` and `speaker` added to each
/// attribution. The article's own voice is left out.
pub fn render_jsonl(articles: &[ExtractedArticle]) -> String {
    let mut out = String::new();
    for a in articles {
        let doc = JsonlDoc {
            id: &a.id,
            attributions: a
                .attributions
                .iter()
                .filter(|x| !x.author_voice)
                .map(|x| JsonlAttribution {
                    spans: x.spans(),
                    kind: x.kind,
                    sentence: x.sentence,
                    cue_lemma: &x.cue_lemma,
                    stance: x.stance,
                    via: x.via.iter().map(|v| [v.start, v.end]).collect(),
                    speaker: x.speaker.as_ref().map(|s| s.source.as_str()),
                })
                .collect(),
        };
        out.push_str(&serde_json::to_string(&doc).unwrap_or_default());
        out.push('\n');
    }
    out
}

/// White space runs made single spaces, and the text cut to `max` characters with "…".
fn clip(s: &str, max: usize) -> String {
    let flat = s.split_whitespace().collect::<Vec<_>>().join(" ");
    if flat.chars().count() <= max {
        flat
    } else {
        let mut t: String = flat.chars().take(max.saturating_sub(1)).collect();
        t.push('…');
        t
    }
}

/// A table cell for some fragments: their text (cut to `max` characters) and their spans,
/// `text [s..e]`, or `-` when there are none.
fn cell(spans: &[TextSpan], max: usize) -> String {
    if spans.is_empty() {
        return "-".into();
    }
    let text = spans
        .iter()
        .map(|s| s.text.as_str())
        .collect::<Vec<_>>()
        .join(" … ");
    let at = spans
        .iter()
        .map(|s| format!("{}..{}", s.start, s.end))
        .collect::<Vec<_>>()
        .join(",");
    format!("{} [{at}]", clip(&text, max))
}

fn speaker_cell(s: Option<&ResolvedSpeaker>) -> String {
    match s {
        None => "-".into(),
        Some(s) => match &s.person {
            Some(p) => format!("{}: {p} ({})", s.source, s.rule.label()),
            None => format!("{} ({})", s.source, s.rule.label()),
        },
    }
}

/// A human-readable table, one row per attribution, columns aligned with spaces: article,
/// sentence, line:col of the cue, kind, source, cue, lemma, stance, content, via and the
/// resolved speaker. Each text cell shows its byte spans as `[start..end]`; long content is
/// cut to [`TABLE_CONTENT_CHARS`] characters. A last line gives the counts.
pub fn render_table(articles: &[ExtractedArticle]) -> String {
    let header = [
        "article", "sent", "cue at", "kind", "source", "cue", "lemma", "stance", "content", "via",
        "speaker",
    ];
    let mut rows: Vec<Vec<String>> = vec![header.iter().map(|h| h.to_string()).collect()];
    for a in articles {
        for x in &a.attributions {
            let mut source = cell(&x.source, TABLE_NAME_CHARS);
            if let Some(ant) = &x.antecedent {
                source = format!(
                    "{source} → {}",
                    cell(std::slice::from_ref(ant), TABLE_NAME_CHARS)
                );
            }
            let kind = serde_json::to_value(x.kind)
                .ok()
                .and_then(|v| v.as_str().map(str::to_string))
                .unwrap_or_default();
            rows.push(vec![
                a.id.clone(),
                x.sentence.to_string(),
                x.cue_at
                    .map_or_else(|| "-".into(), |p| format!("{}:{}", p.line, p.column)),
                kind,
                source,
                cell(&x.cue, TABLE_NAME_CHARS),
                if x.cue_lemma.is_empty() {
                    "-".into()
                } else {
                    x.cue_lemma.clone()
                },
                x.stance.label().to_string(),
                cell(&x.content, TABLE_CONTENT_CHARS),
                cell(&x.via, TABLE_NAME_CHARS),
                if x.relays {
                    "(relays the other)".into()
                } else {
                    speaker_cell(x.speaker.as_ref())
                },
            ]);
        }
    }
    let cols = header.len();
    let widths: Vec<usize> = (0..cols)
        .map(|c| rows.iter().map(|r| r[c].chars().count()).max().unwrap_or(0))
        .collect();
    let mut out = String::new();
    for r in &rows {
        let mut line = String::new();
        for (c, v) in r.iter().enumerate() {
            line.push_str(v);
            if c + 1 < cols {
                let pad = widths[c] - v.chars().count() + 2;
                line.extend(std::iter::repeat_n(' ', pad));
            }
        }
        out.push_str(line.trim_end());
        out.push('\n');
    }
    let total: usize = articles.iter().map(|a| a.attributions.len()).sum();
    let own: usize = articles
        .iter()
        .flat_map(|a| &a.attributions)
        .filter(|x| x.author_voice)
        .count();
    out.push_str(&format!(
        "{total} attributions ({own} in the article's own voice, kind author) in {} articles\n",
        articles.len()
    ));
    // the table is for a terminal: no escape sequence of an article reaches it
    crate::terminal::clean(&out).into_owned()
}

#[cfg(test)]
mod tests;
