//! The claimgraph command line: a thin shell over the library.

use anyhow::Context;
use claimgraph::corpus::{self, LoadOptions};
use claimgraph::{Error, Options, Story};
use clap::{Parser, Subcommand, ValueEnum};
use std::io::Write;
use std::path::{Path, PathBuf};
use std::process::ExitCode;

/// Counts heap bytes so that `bench link` can report the memory of each run; the cost is
/// an atomic addition and an atomic load per allocation.
#[global_allocator]
static ALLOCATOR: claimgraph::bench::memory::CountingAllocator =
    claimgraph::bench::memory::CountingAllocator;

/// Attributed claims, sourcing chains and confidence for the coverage of a news story.
///
/// A story is a folder with story.ron, sources.ron and articles/. Without a STORY argument
/// the commands use the embedded default story (the March 2024 U.S. Embassy warning in
/// Moscow).
#[derive(Parser)]
#[command(name = "claimgraph", version, propagate_version = true)]
struct Cli {
    #[command(subcommand)]
    command: Command,
}

#[derive(Subcommand)]
enum Command {
    /// Analyse a story and print its fact-check report.
    Report {
        /// Story folder (default: the embedded default story).
        story: Option<PathBuf>,
        /// Output format.
        #[arg(long, short, value_enum, default_value_t = Format::Md)]
        format: Format,
        /// Write to FILE instead of standard output (whole or not at all).
        #[arg(long, short)]
        output: Option<PathBuf>,
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
    /// Measure claimgraph against gold data.
    Eval {
        #[command(subcommand)]
        what: EvalCommand,
    },
    /// Train a learned component from gold data.
    Train {
        #[command(subcommand)]
        what: TrainCommand,
    },
    /// Time claimgraph's stages.
    Bench {
        #[command(subcommand)]
        what: BenchCommand,
    },
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

#[derive(Subcommand)]
enum EvalCommand {
    /// Extract attributions from each text of a span JSONL file (PolNeAR's schema) and
    /// print exact and token P/R/F1 per role and relation F1, as the reference scorer does.
    Attribution {
        /// Gold file: one JSON object a line with id, text and attributions.
        gold: PathBuf,
        /// Also write the predictions, in the same schema, to this file.
        #[arg(long)]
        predictions: Option<PathBuf>,
        /// Use this attribution model file instead of the embedded one.
        #[arg(long)]
        model: Option<PathBuf>,
    },
}

#[derive(Subcommand)]
enum TrainCommand {
    /// Train the attribution tagger on a span JSONL file (PolNeAR's schema) and write the
    /// model file. The same data and options give the same bytes.
    Attribution {
        /// Training file: one JSON object a line with id, text and attributions.
        train: PathBuf,
        /// Where to write the model.
        #[arg(long, short)]
        output: PathBuf,
        /// Passes over the data.
        #[arg(long, default_value_t = claimgraph::attribution::model::TrainOptions::default().epochs)]
        epochs: usize,
        /// Hold out every K-th document, train on the rest and print the scores on the
        /// held-out ones.
        #[arg(long, value_name = "K")]
        hold_out: Option<usize>,
    },
}

#[derive(Subcommand)]
enum BenchCommand {
    /// Extraction throughput (Article::new + attribution extraction) on the texts of a
    /// JSONL file: MB/s on one core and on all cores, best and median of several runs.
    Extract {
        /// Span JSONL file with the texts [default: ../shared/data/polnear/train.jsonl].
        gold: Option<PathBuf>,
        /// Threads of the parallel pass [default: the number of cores].
        #[arg(long, value_parser = clap::value_parser!(u32).range(1..))]
        threads: Option<u32>,
        /// Runs of each pass.
        #[arg(long, default_value_t = 3, value_parser = clap::value_parser!(u32).range(1..))]
        repeat: u32,
    },
    /// Candidate generation and linking on generated claims: time, claims/s and peak heap
    /// memory at each size, with the growth factor per tenfold step.
    Link {
        /// Numbers of claims, separated by commas [default: 10000,100000,1000000].
        #[arg(
            long,
            value_delimiter = ',',
            value_parser = claim_count,
            default_values_t = claimgraph::bench::link::DEFAULT_SIZES,
            hide_default_value = true
        )]
        sizes: Vec<usize>,
        /// Runs of each stage at each size (the best and the median are shown).
        #[arg(long, default_value_t = 3, value_parser = clap::value_parser!(u32).range(1..))]
        repeat: u32,
        /// Seed of the claim generator.
        #[arg(long, default_value_t = 1)]
        seed: u64,
    },
}

/// A number of claims: a whole number of at least 1.
fn claim_count(s: &str) -> Result<usize, String> {
    match s.trim().parse::<usize>() {
        Ok(n) if n >= 1 => Ok(n),
        _ => Err(format!("'{s}' is not a number of claims (1 or more)")),
    }
}

#[derive(clap::Args)]
struct LoadArgs {
    /// Treat any problem with an input file as fatal instead of skipping the file.
    #[arg(long)]
    strict: bool,
}

#[derive(Clone, Copy, ValueEnum)]
enum Format {
    /// Markdown fact-check report.
    Md,
    /// JSON with a schema version field.
    Json,
}

#[derive(Clone, Copy, ValueEnum)]
enum CheckFormat {
    /// Text for a terminal.
    Text,
    /// JSON.
    Json,
}

#[derive(Clone, Copy, ValueEnum)]
enum ExtractFormat {
    /// Aligned text table, one row per attribution.
    Table,
    /// One JSON document with a schema version field.
    Json,
    /// One line per article in PolNeAR's span schema (the article's own voice left out).
    Jsonl,
}

fn load(story: Option<&Path>, args: &LoadArgs) -> claimgraph::Result<Story> {
    let opts = LoadOptions {
        strict: args.strict,
    };
    let story = match story {
        Some(p) => corpus::load_story(p, &opts)?,
        None => corpus::default_story(&opts)?,
    };
    for d in &story.diagnostics {
        eprintln!("warning: {d}");
    }
    Ok(story)
}

fn emit(text: &str, output: Option<&Path>) -> anyhow::Result<()> {
    match output {
        Some(p) => claimgraph::output::write_atomic(p, text.as_bytes())?,
        None => {
            let mut out = std::io::stdout().lock();
            out.write_all(text.as_bytes())
                .and_then(|_| out.flush())
                .or_else(|e| {
                    if e.kind() == std::io::ErrorKind::BrokenPipe {
                        Ok(())
                    } else {
                        Err(e)
                    }
                })
                .context("writing to standard output")?;
        }
    }
    Ok(())
}

fn run(cli: Cli) -> anyhow::Result<()> {
    match cli.command {
        Command::Report {
            story,
            format,
            output,
            load: args,
        } => {
            let story = load(story.as_deref(), &args)?;
            let report = claimgraph::analyze(&story, &Options::default());
            let text = match format {
                Format::Md => claimgraph::report::markdown::render(&report),
                Format::Json => report.to_json(),
            };
            emit(&text, output.as_deref())
        }
        Command::Check {
            claim,
            story,
            format,
            load: args,
        } => {
            if claim.trim().is_empty() {
                anyhow::bail!("the claim to check is empty");
            }
            let story = load(story.as_deref(), &args)?;
            let an = claimgraph::analysis(&story, &Options::default());
            let result = claimgraph::check::check(&an, &claim);
            let text = match format {
                CheckFormat::Text => claimgraph::check::render_text(&result),
                CheckFormat::Json => {
                    serde_json::to_string_pretty(&result).context("writing JSON")? + "\n"
                }
            };
            emit(&text, None)
        }
        Command::Eval {
            what:
                EvalCommand::Attribution {
                    gold,
                    predictions,
                    model,
                },
        } => {
            use claimgraph::attribution::model::Model;
            use claimgraph::eval::attribution as ea;
            let gold = ea::read_jsonl(&gold).map_err(anyhow::Error::msg)?;
            let pred = match model {
                Some(path) => {
                    let bytes = std::fs::read(&path)
                        .with_context(|| format!("reading {}", path.display()))?;
                    let model = Model::from_bytes(&bytes)
                        .map_err(|e| anyhow::anyhow!("{}: {e}", path.display()))?;
                    ea::predict_with(&gold, &model)
                }
                None => ea::predict(&gold),
            };
            if let Some(p) = predictions {
                ea::write_jsonl(&p, &pred).map_err(anyhow::Error::msg)?;
            }
            let scores = ea::score(&gold, &pred).map_err(anyhow::Error::msg)?;
            emit(&format!("{scores}\n"), None)
        }
        Command::Train {
            what:
                TrainCommand::Attribution {
                    train,
                    output,
                    epochs,
                    hold_out,
                },
        } => {
            use claimgraph::attribution::model::{self, TrainOptions};
            use claimgraph::eval::attribution as ea;
            let docs = ea::read_jsonl(&train).map_err(anyhow::Error::msg)?;
            let opts = TrainOptions {
                epochs,
                ..TrainOptions::default()
            };
            let (fit, held): (Vec<_>, Vec<_>) = match hold_out {
                Some(k) if k >= 2 => docs.into_iter().enumerate().partition(|(i, _)| i % k != 0),
                Some(_) => anyhow::bail!("--hold-out needs K of 2 or more"),
                None => (docs.into_iter().enumerate().collect(), Vec::new()),
            };
            let fit: Vec<_> = fit.into_iter().map(|(_, d)| d).collect();
            let held: Vec<_> = held.into_iter().map(|(_, d)| d).collect();
            let m = model::train(&fit, &opts, |line| eprintln!("{line}"));
            claimgraph::output::write_atomic(&output, &m.to_bytes())?;
            if !held.is_empty() {
                let pred = ea::predict_with(&held, &m);
                let scores = ea::score(&held, &pred).map_err(anyhow::Error::msg)?;
                emit(
                    &format!("held out: {} documents\n{scores}\n", held.len()),
                    None,
                )?;
            }
            Ok(())
        }
        Command::Extract {
            paths,
            format,
            output,
            load: args,
        } => {
            use claimgraph::extract;
            let opts = LoadOptions {
                strict: args.strict,
            };
            let ex = extract::extract_paths(&paths, &opts)?;
            for d in &ex.warnings {
                eprintln!("warning: {d}");
            }
            for e in &ex.failures {
                eprintln!("error: {e}");
            }
            let text = match format {
                ExtractFormat::Table => extract::render_table(&ex.articles),
                ExtractFormat::Json => extract::render_json(&ex.articles),
                ExtractFormat::Jsonl => extract::render_jsonl(&ex.articles),
            };
            emit(&text, output.as_deref())?;
            if ex.failures.is_empty() {
                Ok(())
            } else {
                Err(anyhow::anyhow!(
                    "{} of {} inputs could not be read",
                    ex.failures.len(),
                    paths.len()
                ))
            }
        }
        Command::Bench {
            what:
                BenchCommand::Extract {
                    gold,
                    threads,
                    repeat,
                },
        } => {
            use claimgraph::bench;
            let (path, default) = match gold {
                Some(p) => (p, false),
                None => (PathBuf::from(bench::DEFAULT_INPUT), true),
            };
            let (texts, diags) = bench::load_texts(&path).map_err(|e| {
                if default {
                    anyhow::anyhow!(
                        "{e} (the default input is PolNeAR's training set in ../shared; give \
                         a span JSONL file as GOLD)"
                    )
                } else {
                    e.into()
                }
            })?;
            for d in &diags {
                eprintln!("warning: {d}");
            }
            let mut settings = bench::Settings::default();
            if let Some(t) = threads {
                settings.threads = t as usize;
            }
            settings.repeat = repeat as usize;
            eprintln!(
                "timing extraction on {} ({} articles): {} runs on 1 thread, then {} on {}",
                path.display(),
                texts.len(),
                settings.repeat,
                settings.repeat,
                settings.threads
            );
            let report = bench::run(&texts, &settings)?;
            emit(&format!("file: {}\n{report}\n", path.display()), None)
        }
        Command::Bench {
            what:
                BenchCommand::Link {
                    sizes,
                    repeat,
                    seed,
                },
        } => {
            use claimgraph::bench::link;
            let settings = link::LinkSettings {
                sizes,
                repeat: repeat as usize,
                seed,
            };
            let report = link::run(&settings, |what| eprintln!("{what}"))?;
            emit(&format!("{report}\n"), None)
        }
        Command::Articles { story, load: args } => {
            let story = load(story.as_deref(), &args)?;
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
            emit(&out, None)
        }
        Command::Sources { story, load: args } => {
            let story = load(story.as_deref(), &args)?;
            let an = claimgraph::analysis(&story, &Options::default());
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
            emit(&out, None)
        }
    }
}

fn main() -> ExitCode {
    let cli = match Cli::try_parse() {
        Ok(c) => c,
        Err(e) => {
            let _ = e.print();
            return if e.use_stderr() {
                ExitCode::from(2)
            } else {
                ExitCode::SUCCESS
            };
        }
    };
    match run(cli) {
        Ok(()) => ExitCode::SUCCESS,
        Err(e) => {
            eprintln!("error: {e:#}");
            // bad input is 1; anything else (a failed write) too, usage errors are 2 above
            let _ = e.downcast_ref::<Error>();
            ExitCode::from(1)
        }
    }
}
