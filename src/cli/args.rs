//! The command line's arguments: every command and its options (clap). The lab's commands
//! (`eval`, `train`, `bench`) take their arguments from [`super::lab`].

use super::lab;
use clap::{Parser, Subcommand, ValueEnum};
use std::path::PathBuf;

/// Attributed claims, sourcing chains and confidence for the coverage of a news story.
///
/// A story is a folder with story.ron, sources.ron and articles/. Without a STORY argument
/// the commands use the embedded default story (the March 2024 U.S. Embassy warning in
/// Moscow).
#[derive(Parser)]
#[command(name = "claimgraph", version, propagate_version = true)]
pub struct Cli {
    #[command(subcommand)]
    pub command: Command,
}

#[derive(Subcommand)]
pub enum Command {
    /// Analyse a story and print its fact-check report (Markdown by default), its data,
    /// its graph or its ClaimReview markup.
    Report {
        /// Story folder (default: the embedded default story).
        story: Option<PathBuf>,
        /// Output format.
        #[arg(long, short, value_enum, default_value_t = Format::Md)]
        format: Format,
        /// Write to FILE instead of standard output (whole or not at all).
        #[arg(long, short)]
        output: Option<PathBuf>,
        /// The organisation publishing the reviews (ClaimReview `author`; needed by
        /// --format claimreview).
        #[arg(long)]
        publisher: Option<String>,
        /// The publisher's web address (ClaimReview).
        #[arg(long)]
        publisher_url: Option<String>,
        /// The reviews' publication date, YYYY-MM-DD (ClaimReview; default: today).
        #[arg(long)]
        review_date: Option<String>,
        #[command(flatten)]
        load: LoadArgs,
    },
    /// Store the story's current analysis as its accepted snapshot
    /// (`STORY/accepted.report.json`), the baseline `review` compares with.
    Accept {
        /// Story folder.
        story: PathBuf,
        #[command(flatten)]
        load: LoadArgs,
    },
    /// Show what changed in a story's analysis since it was last accepted: claims,
    /// relations, confidence and credibility, sources. Exits 1 while there are unreviewed
    /// changes, 0 (printing nothing) when there are none.
    Review {
        /// Story folder.
        story: PathBuf,
        #[command(flatten)]
        load: LoadArgs,
    },
    /// Show the attributions found in articles, with their byte spans.
    ///
    /// Each PATH is a story folder (story.ron, sources.ron, articles/) or an article file
    /// (.md, .txt, .html, or .jsonl with one article a line, PolNeAR's schema included);
    /// without PATH, the embedded default story. Speakers are resolved with a story's
    /// registry; loose files have none.
    Extract {
        /// Story folders or article files.
        paths: Vec<PathBuf>,
        /// Output format.
        #[arg(long, short, value_enum, default_value_t = ExtractFormat::Table)]
        format: ExtractFormat,
        /// Write to FILE instead of standard output (whole or not at all).
        #[arg(long, short)]
        output: Option<PathBuf>,
        #[command(flatten)]
        load: LoadArgs,
    },
    /// Check a claim against a story: every article and claim that bears on it, with its
    /// stance (agree, disagree, discuss, unrelated), the evidence, and a summary line.
    Check {
        /// The claim to check, in words.
        claim: String,
        /// Story folder (default: the embedded default story).
        story: Option<PathBuf>,
        /// Output format.
        #[arg(long, short, value_enum, default_value_t = CheckFormat::Text)]
        format: CheckFormat,
        #[command(flatten)]
        load: LoadArgs,
    },
    #[command(about = lab::EVAL_ABOUT)]
    Eval(lab::EvalArgs),
    #[command(about = lab::TRAIN_ABOUT)]
    Train(lab::TrainArgs),
    #[command(about = lab::BENCH_ABOUT)]
    Bench(lab::BenchArgs),
    /// List a story's articles with their metadata.
    Articles {
        /// Story folder (default: the embedded default story).
        story: Option<PathBuf>,
        #[command(flatten)]
        load: LoadArgs,
    },
    /// List a story's sources: the registry and how often each is cited.
    Sources {
        /// Story folder (default: the embedded default story).
        story: Option<PathBuf>,
        #[command(flatten)]
        load: LoadArgs,
    },
}

#[derive(clap::Args)]
pub struct LoadArgs {
    /// Treat any problem with an input file as fatal instead of skipping the file.
    #[arg(long)]
    pub strict: bool,
}

#[derive(Clone, Copy, ValueEnum)]
pub enum Format {
    /// Markdown fact-check report.
    Md,
    /// JSON with a schema version field (src/report/SCHEMA.md).
    Json,
    /// RON, the same content as the JSON.
    Ron,
    /// One row per claim.
    Csv,
    /// The claim graph in Graphviz DOT.
    Dot,
    /// The claim graph as an SVG picture.
    Svg,
    /// One self-contained HTML page: report, graph and filters.
    Html,
    /// schema.org ClaimReview JSON-LD, one per proposition.
    Claimreview,
}

#[derive(Clone, Copy, ValueEnum)]
pub enum CheckFormat {
    /// Text for a terminal.
    Text,
    /// JSON.
    Json,
}

#[derive(Clone, Copy, ValueEnum)]
pub enum ExtractFormat {
    /// Aligned text table, one row per attribution.
    Table,
    /// One JSON document with a schema version field.
    Json,
    /// One line per article in PolNeAR's span schema (the article's own voice left out).
    Jsonl,
}
