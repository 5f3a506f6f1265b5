//! The command line's arguments: every command and its options (clap). The lab's commands
//! (`eval`, `train`, `bench`) take their arguments from [`super::lab`].

use super::lab;
use clap::{Parser, Subcommand, ValueEnum};
use std::ffi::OsString;
use std::path::PathBuf;

/// Attributed claims, sourcing chains and confidence for the coverage of a news story.
///
/// A story is a folder with story.ron, sources.ron and articles/ (`claimgraph init DIR`
/// makes one). Commands that read articles also take article files (.md, .txt, .html,
/// .jsonl), `-` for standard input and http(s) addresses. Without an input they use the
/// embedded default story (the March 2024 U.S. Embassy warning in Moscow).
#[derive(Parser)]
#[command(
    name = "claimgraph",
    version,
    propagate_version = true,
    after_help = EXAMPLES,
    after_long_help = concat!(
        "Examples:\n",
        "  claimgraph report                                # the default story, as Markdown\n",
        "  claimgraph report my-story -f html -o report.html\n",
        "  claimgraph report https://example.org/news/fire.html\n",
        "  curl -s https://example.org/a.html | claimgraph report -\n",
        "  claimgraph init my-story\n",
        "  claimgraph completions bash > ~/.local/share/bash-completion/completions/claimgraph\n",
        "\n",
        "Exit status: 0 success; 1 bad input or an output that could not be written; 2 usage.\n",
        "`review` exits 0 when nothing changed, 1 when there are changes to review and 2 on\n",
        "trouble (bad input, no accepted snapshot, usage)."
    )
)]
pub struct Cli {
    /// Print no warnings or notes on standard error, only errors.
    #[arg(long, short, global = true)]
    pub quiet: bool,
    #[command(subcommand)]
    pub command: Command,
}

/// The examples shown after `claimgraph -h`.
const EXAMPLES: &str = "Examples:\n  claimgraph report\n  claimgraph report my-story -f html -o report.html\n  claimgraph report https://example.org/news/fire.html\n  claimgraph completions bash";

#[derive(Subcommand)]
pub enum Command {
    /// Analyse a story and print its fact-check report (Markdown by default), its data,
    /// its graph or its ClaimReview markup.
    #[command(after_help = concat!(
        "Examples:\n",
        "  claimgraph report                                  # the default story\n",
        "  claimgraph report my-story -f html -o report.html  # a page to share\n",
        "  claimgraph report article.md other.html            # loose articles\n",
        "  claimgraph report my-story https://example.org/a   # a story and one more page\n",
        "  pbpaste | claimgraph report -                      # text, Markdown, HTML or JSONL\n",
        "  claimgraph report my-story -f claimreview --publisher \"Fact Desk\" \\\n",
        "      --review-url 'https://factdesk.example/reviews/{id}' --min-origins 2"
    ))]
    Report {
        #[command(flatten)]
        inputs: Inputs,
        /// Output format.
        #[arg(long, short, value_enum, default_value_t = Format::Md)]
        format: Format,
        /// Write to FILE instead of standard output (whole or not at all).
        #[arg(long, short)]
        output: Option<PathBuf>,
        #[command(flatten)]
        review: ReviewArgs,
        #[command(flatten)]
        load: LoadArgs,
    },
    /// Store the story's current analysis as its accepted snapshot
    /// (`STORY/accepted.report.json`), the baseline `review` compares with.
    #[command(
        after_help = "Examples:\n  claimgraph accept my-story\n  claimgraph review my-story"
    )]
    Accept {
        /// Story folder.
        story: PathBuf,
        #[command(flatten)]
        load: LoadArgs,
    },
    /// Show what changed in a story's analysis since it was last accepted: claims,
    /// relations, confidence and credibility, sources.
    ///
    /// Exit status: 0 when nothing changed (and nothing is printed), 1 when there are
    /// changes to review, 2 on trouble (bad input, no accepted snapshot, usage).
    #[command(after_help = concat!(
        "Examples:\n",
        "  claimgraph review my-story               # what changed since `claimgraph accept`\n",
        "  claimgraph review my-story || echo changed\n",
        "\n",
        "Exit status: 0 nothing changed, 1 changes to review, 2 trouble."
    ))]
    Review {
        /// Story folder.
        story: PathBuf,
        #[command(flatten)]
        load: LoadArgs,
    },
    /// Show the attributions found in articles, with their byte spans.
    ///
    /// Each INPUT is a story folder (story.ron, sources.ron, articles/), an article file
    /// (.md, .txt, .html, or .jsonl with one article a line, PolNeAR's schema included),
    /// `-` for standard input or an http(s) address; without INPUT, the embedded default
    /// story. Speakers are resolved with a story's registry; loose articles have none.
    #[command(after_help = concat!(
        "Examples:\n",
        "  claimgraph extract                                   # the default story, as a table\n",
        "  claimgraph extract my-story/ notes.md --format json\n",
        "  claimgraph extract gold.jsonl --format jsonl -o pred.jsonl"
    ))]
    Extract {
        #[command(flatten)]
        inputs: Inputs,
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
    #[command(after_help = concat!(
        "Examples:\n",
        "  claimgraph check \"The embassy warned of an attack\"\n",
        "  claimgraph check \"The ministry denied the leak\" my-story --format json\n",
        "  claimgraph check \"The port was closed\" https://example.org/news/port.html"
    ))]
    Check {
        /// The claim to check, in words.
        claim: String,
        #[command(flatten)]
        inputs: Inputs,
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
    #[command(after_help = concat!(
        "Examples:\n",
        "  claimgraph articles my-story\n",
        "  claimgraph articles my-story --format tsv | sort -t\"$(printf '\\t')\" -k4\n",
        "  claimgraph articles my-story --format json"
    ))]
    Articles {
        #[command(flatten)]
        inputs: Inputs,
        /// Output format.
        #[arg(long, short, value_enum, default_value_t = ListFormat::Table)]
        format: ListFormat,
        #[command(flatten)]
        load: LoadArgs,
    },
    /// List a story's sources: the registry and how often each is cited; with --suggest,
    /// the speakers the registry does not know, as entries to add to sources.ron.
    #[command(after_help = concat!(
        "Examples:\n",
        "  claimgraph sources my-story\n",
        "  claimgraph sources my-story --format json\n",
        "  claimgraph sources --suggest my-story >> my-story/unknown-speakers.ron"
    ))]
    Sources {
        #[command(flatten)]
        inputs: Inputs,
        /// Output format.
        #[arg(long, short, value_enum, default_value_t = ListFormat::Table)]
        format: ListFormat,
        /// Print the unknown speakers as a sources.ron stub to fill in, instead of the
        /// list.
        #[arg(long, conflicts_with = "format")]
        suggest: bool,
        #[command(flatten)]
        load: LoadArgs,
    },
    /// Run one stage of the pipeline on JSON lines, standard input to standard output: the
    /// stages a cluster job runs (spark/job.py).
    #[command(after_help = concat!(
        "Examples:\n",
        "  claimgraph stage limits\n",
        "  claimgraph stage claims --registry my-story/sources.ron < articles.jsonl > claims.jsonl\n",
        "  claimgraph stage relate < pairs.jsonl > relations.jsonl\n",
        "  claimgraph stage propositions < groups.jsonl > entries.jsonl"
    ))]
    Stage {
        #[command(subcommand)]
        stage: Stage,
    },
    /// Create a story folder (story.ron, sources.ron, articles/ with an example article)
    /// whose files load as written.
    #[command(after_help = concat!(
        "Examples:\n",
        "  claimgraph init harbour-fire\n",
        "  claimgraph report harbour-fire"
    ))]
    Init {
        /// The folder to create (it may exist if it is empty).
        dir: PathBuf,
        /// The story's title (default: the folder's name).
        #[arg(long)]
        title: Option<String>,
    },
    /// Print a shell completion script for bash, zsh, fish, elvish or powershell.
    #[command(after_help = concat!(
        "Examples:\n",
        "  claimgraph completions bash > ~/.local/share/bash-completion/completions/claimgraph\n",
        "  claimgraph completions zsh > ~/.zfunc/_claimgraph\n",
        "  claimgraph completions fish > ~/.config/fish/completions/claimgraph.fish"
    ))]
    Completions {
        /// The shell.
        shell: clap_complete::Shell,
    },
    /// Print the manual page (roff), of claimgraph or of one of its commands.
    #[command(after_help = concat!(
        "Examples:\n",
        "  claimgraph man > claimgraph.1 && man ./claimgraph.1\n",
        "  claimgraph man report | man -l -"
    ))]
    Man {
        /// A command, for its own page (claimgraph-COMMAND).
        command: Option<String>,
    },
}

/// The stages of `claimgraph stage`.
#[derive(Subcommand)]
pub enum Stage {
    /// Print the limits of blocking as JSON: what a cluster's candidate pairs keep.
    Limits,
    /// Articles (JSON lines, each with an id) to claims with their blocking keys.
    Claims {
        #[command(flatten)]
        registry: RegistryArg,
    },
    /// Groups of claim pairs, with the claims they name and their key counts, to relations
    /// (a line for each pair related).
    Relate {
        #[command(flatten)]
        registry: RegistryArg,
    },
    /// Connected groups of claims with their relations to the report's relations and
    /// propositions.
    Propositions {
        #[command(flatten)]
        registry: RegistryArg,
    },
}

/// The registry a stage reads.
#[derive(clap::Args)]
pub struct RegistryArg {
    /// The story's sources.ron (default: no registry).
    #[arg(long, value_name = "FILE")]
    pub registry: Option<PathBuf>,
}

/// What a command reads.
#[derive(clap::Args)]
pub struct Inputs {
    /// A story folder, article files (.md, .txt, .html, .jsonl), `-` for standard input
    /// (text, Markdown, HTML or JSON lines, told apart by content) or http(s) addresses;
    /// default: the embedded default story.
    #[arg(value_name = "INPUT")]
    pub inputs: Vec<OsString>,
}

#[derive(clap::Args)]
pub struct LoadArgs {
    /// Treat any problem with an input file as fatal instead of skipping the file.
    #[arg(long)]
    pub strict: bool,
    /// The longest fetching one web page may take, in seconds.
    #[arg(long, value_name = "SECONDS", default_value_t = 30.0, value_parser = seconds)]
    pub fetch_timeout: f64,
}

/// A time limit: a positive number of seconds, at most a day.
fn seconds(s: &str) -> Result<f64, String> {
    match s.trim().parse::<f64>() {
        Ok(x) if x > 0.0 && x <= 86_400.0 => Ok(x),
        _ => Err(format!(
            "'{s}' is not a number of seconds (more than 0, at most 86400)"
        )),
    }
}

/// The ClaimReview options of `report`.
#[derive(clap::Args)]
pub struct ReviewArgs {
    /// The organisation publishing the reviews (ClaimReview `author`; needed by
    /// --format claimreview).
    #[arg(long)]
    pub publisher: Option<String>,
    /// The publisher's web address (ClaimReview; http or https).
    #[arg(long)]
    pub publisher_url: Option<String>,
    /// The reviews' publication date, YYYY-MM-DD (ClaimReview; default: today).
    #[arg(long)]
    pub review_date: Option<String>,
    /// Each review's own address (ClaimReview `url`): `{id}` is replaced by the
    /// proposition's id made safe for a path, `{n}` by its rank.
    #[arg(long, value_name = "TEMPLATE")]
    pub review_url: Option<String>,
    /// Review only these propositions (ids as in the report, separated by commas).
    #[arg(long, value_delimiter = ',', value_name = "ID,...")]
    pub only: Vec<String>,
    /// Review only propositions with at least N independent origins.
    #[arg(long, value_name = "N")]
    pub min_origins: Option<usize>,
    /// Also review the articles' own background sentences (claims in the article's own
    /// voice), left out by default.
    #[arg(long)]
    pub include_background: bool,
}

#[derive(Clone, Copy, PartialEq, Eq, ValueEnum)]
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
    /// schema.org ClaimReview JSON-LD, one per proposition chosen.
    Claimreview,
}

#[derive(Clone, Copy, ValueEnum)]
pub enum CheckFormat {
    /// Text for a terminal.
    Text,
    /// JSON ("schema": "claimgraph.check/1").
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

#[derive(Clone, Copy, ValueEnum)]
pub enum ListFormat {
    /// Aligned columns with a header, for reading.
    Table,
    /// Tab-separated values with a header row, one value a column, for scripts.
    Tsv,
    /// One JSON document with a schema version field.
    Json,
}
