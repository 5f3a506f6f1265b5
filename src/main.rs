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
    /// Tag, lemmatise and parse the words of each sentence of a CoNLL-U file (gold
    /// tokenisation) and print UPOS, UAS, LAS and CLAS as the reference scorer
    /// (ud_score.py) does.
    Parser {
        /// Gold CoNLL-U file.
        gold: PathBuf,
        /// Also write the predictions, as CoNLL-U, to this file.
        #[arg(long)]
        predictions: Option<PathBuf>,
        /// Use this parser model file instead of the embedded one.
        #[arg(long)]
        model: Option<PathBuf>,
    },
    /// Predict the stance of FNC-1 headline/body pairs and print the figures of the
    /// reference scorer (fnc_score.py): rows, missing predictions, per-class F1, FNC score
    /// and macro-F1. Pairs a second go to standard error.
    Stance {
        /// Gold stances: a CSV with Headline, Body ID and Stance.
        #[arg(long)]
        stances: PathBuf,
        /// Bodies: a CSV with Body ID and articleBody.
        #[arg(long)]
        bodies: PathBuf,
        /// Predict and score only the pairs whose body id is listed (one a line).
        #[arg(long)]
        ids: Option<PathBuf>,
        /// Also write the predictions as a Headline,Body ID,Stance CSV (whole or not at
        /// all).
        #[arg(long)]
        predictions: Option<PathBuf>,
        /// Use this stance model file instead of the embedded one.
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
    /// Train the tagger, lemmatiser and dependency parser on a CoNLL-U treebank and write
    /// the model file. The same data and options give the same bytes.
    Parser {
        /// Training treebank (CoNLL-U).
        train: PathBuf,
        /// Where to write the model.
        #[arg(long, short)]
        output: PathBuf,
        /// Hold out every K-th document, train on the rest and print the scores on the
        /// held-out sentences.
        #[arg(long, value_name = "K")]
        hold_out: Option<usize>,
        #[command(flatten)]
        settings: ParserSettings,
    },
    /// Train the headline/body stance model on FNC-1 files and write the model file. The
    /// same data and options give the same bytes.
    Stance {
        /// Gold stances: a CSV with Headline, Body ID and Stance.
        #[arg(long)]
        stances: PathBuf,
        /// Bodies: a CSV with Body ID and articleBody.
        #[arg(long)]
        bodies: PathBuf,
        /// Train only on the pairs whose body id is listed (one a line).
        #[arg(long)]
        ids: Option<PathBuf>,
        /// Where to write the model (needed unless --folds is given).
        #[arg(long, short)]
        output: Option<PathBuf>,
        /// Cross-validate first: split the bodies into K folds, train on K-1 and score the
        /// one left out, and print each fold's figures and all folds' together.
        #[arg(long, value_name = "K", value_parser = clap::value_parser!(u32).range(2..))]
        folds: Option<u32>,
        /// With --folds, split by topic instead of by body: headlines and bodies linked by
        /// a related pair stay in one fold, so every held-out claim is new.
        #[arg(long)]
        by_topic: bool,
        #[command(flatten)]
        settings: StanceSettings,
    },
}

/// Settings of stance training, for choosing them by cross-validation.
#[derive(clap::Args)]
struct StanceSettings {
    /// Passes over the training pairs.
    #[arg(long, default_value_t = claimgraph::stance::TrainOptions::default().epochs)]
    epochs: usize,
    /// Hidden units.
    #[arg(long, default_value_t = claimgraph::stance::TrainOptions::default().hidden)]
    hidden: usize,
    /// Bag-of-words vocabulary size.
    #[arg(long, default_value_t = claimgraph::stance::TrainOptions::default().vocabulary)]
    vocabulary: usize,
    /// Weight of the loss of disagree pairs.
    #[arg(long, default_value_t = claimgraph::stance::TrainOptions::default().disagree_weight)]
    disagree_weight: f32,
    /// Probability of keeping a hidden unit during training.
    #[arg(long, default_value_t = claimgraph::stance::TrainOptions::default().keep)]
    keep: f32,
    /// Adam's step size.
    #[arg(long, default_value_t = claimgraph::stance::TrainOptions::default().learning_rate)]
    learning_rate: f32,
    /// Seed of initialisation, shuffling and dropout.
    #[arg(long, default_value_t = claimgraph::stance::TrainOptions::default().seed)]
    seed: u64,
}

/// Settings of parser training, for choosing them on held-out training sentences.
#[derive(clap::Args)]
struct ParserSettings {
    /// Passes of the parser over the data.
    #[arg(long, default_value_t = claimgraph::parse::train::TrainOptions::default().epochs)]
    epochs: usize,
    /// Passes of the tagger over the data.
    #[arg(long, default_value_t = claimgraph::parse::train::TrainOptions::default().tagger_epochs)]
    tagger_epochs: usize,
    /// Folds of jack-knifing the tags the parser trains on (0: gold tags).
    #[arg(long, default_value_t = claimgraph::parse::train::TrainOptions::default().folds)]
    folds: usize,
    /// Averaged weights smaller than this are left out of the model.
    #[arg(long, default_value_t = claimgraph::parse::train::TrainOptions::default().min_weight)]
    min_weight: f64,
    /// Seed of shuffling and exploration.
    #[arg(long, default_value_t = claimgraph::parse::train::TrainOptions::default().seed)]
    seed: u64,
    /// Size of the transition weight table, as a power of two.
    #[arg(long, default_value_t = claimgraph::parse::train::TrainOptions::default().table_bits, value_parser = clap::value_parser!(u32).range(8..=28))]
    table_bits: u32,
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
    /// Tagging and parsing throughput on the sentences of a CoNLL-U file: words a second on
    /// one core, best and median of several runs.
    Parse {
        /// CoNLL-U file [default: ../shared/data/ud/en_ewt-ud-dev.conllu].
        gold: Option<PathBuf>,
        /// Runs.
        #[arg(long, default_value_t = 5, value_parser = clap::value_parser!(u32).range(1..))]
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
            publisher,
            publisher_url,
            review_date,
            load: args,
        } => {
            use claimgraph::report::{claimreview, csv, dot, html, markdown, svg};
            let publisher = match format {
                Format::Claimreview => {
                    let Some(name) = publisher.filter(|p| !p.trim().is_empty()) else {
                        return Err(Usage(
                            "--format claimreview needs --publisher NAME: the organisation that \
                             publishes the reviews"
                                .into(),
                        )
                        .into());
                    };
                    let date = match review_date {
                        Some(d) => chrono::NaiveDate::parse_from_str(&d, "%Y-%m-%d")
                            .map_err(|e| Usage(format!("--review-date {d}: {e}")))?,
                        None => chrono::Local::now().date_naive(),
                    };
                    Some(claimreview::Publisher {
                        name,
                        url: publisher_url,
                        date: date.to_string(),
                    })
                }
                _ => None,
            };
            let story = load(story.as_deref(), &args)?;
            let report = claimgraph::analyze(&story, &Options::default());
            let text = match (format, &publisher) {
                (Format::Md, _) => markdown::render(&report),
                (Format::Json, _) => report.to_json(),
                (Format::Ron, _) => report.to_ron(),
                (Format::Csv, _) => csv::render(&report),
                (Format::Dot, _) => dot::render(&report),
                (Format::Svg, _) => svg::render(&report),
                (Format::Html, _) => html::page(&report),
                (Format::Claimreview, Some(p)) => claimreview::render(&report, p),
                (Format::Claimreview, None) => unreachable!("checked above"),
            };
            emit(&text, output.as_deref())
        }
        Command::Accept { story, load: args } => {
            let loaded = load(Some(&story), &args)?;
            let report = claimgraph::analyze(&loaded, &Options::default());
            let path = claimgraph::review::accept(&story, &report)?;
            eprintln!(
                "accepted: {} claims, {} relations, {} propositions in {}",
                report.summary.claims,
                report.summary.relations,
                report.summary.propositions,
                path.display()
            );
            Ok(())
        }
        Command::Review { story, load: args } => {
            let loaded = load(Some(&story), &args)?;
            let report = claimgraph::analyze(&loaded, &Options::default());
            let accepted = claimgraph::review::accepted(&story)?;
            let changes = claimgraph::review::compare(&accepted, &report);
            if changes.is_empty() {
                return Ok(());
            }
            emit(&claimgraph::review::render(&changes), None)?;
            Err(Unreviewed.into())
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
        Command::Eval {
            what:
                EvalCommand::Parser {
                    gold,
                    predictions,
                    model,
                },
        } => {
            use claimgraph::eval::parser as ep;
            let gold = claimgraph::parse::conllu::read(&gold)?;
            let owned;
            let parser = match model {
                Some(path) => {
                    owned = read_parser(&path)?;
                    &owned
                }
                None => claimgraph::parse::Parser::embedded(),
            };
            let pred = ep::predict(parser, &gold);
            if let Some(p) = predictions {
                let text = claimgraph::parse::conllu::write(&pred);
                claimgraph::output::write_atomic(&p, text.as_bytes())?;
            }
            let scores = ep::score(&gold, &pred).map_err(anyhow::Error::msg)?;
            emit(&format!("{scores}\n"), None)
        }
        Command::Train {
            what:
                TrainCommand::Parser {
                    train,
                    output,
                    hold_out,
                    settings,
                },
        } => {
            use claimgraph::parse::train::{self, TrainOptions};
            let all = claimgraph::parse::conllu::read(&train)?;
            let (fit, held) = match hold_out {
                Some(k) if k >= 2 => train::hold_out(all, k),
                Some(_) => anyhow::bail!("--hold-out needs K of 2 or more"),
                None => (all, Vec::new()),
            };
            let opts = TrainOptions {
                epochs: settings.epochs,
                tagger_epochs: settings.tagger_epochs,
                folds: settings.folds,
                min_weight: settings.min_weight,
                seed: settings.seed,
                table_bits: settings.table_bits,
                ..TrainOptions::default()
            };
            let parser = train::train(&fit, &opts, |line| eprintln!("{line}"))
                .map_err(|e| anyhow::anyhow!("{}: {e}", train.display()))?;
            claimgraph::output::write_atomic(&output, &parser.to_bytes())?;
            if !held.is_empty() {
                use claimgraph::eval::parser as ep;
                let scores =
                    ep::score(&held, &ep::predict(&parser, &held)).map_err(anyhow::Error::msg)?;
                emit(
                    &format!("held out: {} sentences\n{scores}\n", held.len()),
                    None,
                )?;
            }
            Ok(())
        }
        Command::Bench {
            what: BenchCommand::Parse { gold, repeat },
        } => {
            use claimgraph::bench::parse as bp;
            let path = gold.unwrap_or_else(|| PathBuf::from(bp::DEFAULT_INPUT));
            let sentences = claimgraph::parse::conllu::read(&path)?;
            let report = bp::run(
                claimgraph::parse::Parser::embedded(),
                &sentences,
                repeat as usize,
            );
            emit(&format!("file: {}\n{report}\n", path.display()), None)
        }
        Command::Eval {
            what:
                EvalCommand::Stance {
                    stances,
                    bodies,
                    ids,
                    predictions,
                    model,
                },
        } => {
            use claimgraph::eval::stance as es;
            use claimgraph::stance::StanceModel;
            let gold = es::read_stance_lines(&stances).map_err(anyhow::Error::msg)?;
            let texts = es::read_bodies(&bodies).map_err(anyhow::Error::msg)?;
            let ids = ids
                .as_deref()
                .map(es::read_ids)
                .transpose()
                .map_err(anyhow::Error::msg)?;
            let loaded;
            let model = match model {
                Some(path) => {
                    let bytes = std::fs::read(&path)
                        .with_context(|| format!("reading {}", path.display()))?;
                    loaded = StanceModel::from_bytes(&bytes)
                        .map_err(|e| anyhow::anyhow!("{}: {e}", path.display()))?;
                    &loaded
                }
                None => StanceModel::embedded(),
            };
            let mut pairs = Vec::new();
            for (line, row) in &gold {
                if ids.as_ref().is_some_and(|ids| !ids.contains(&row.body_id)) {
                    continue;
                }
                let body = texts.get(&row.body_id).ok_or_else(|| {
                    anyhow::anyhow!(
                        "{}:{line}: body id {} is not in {}",
                        stances.display(),
                        row.body_id,
                        bodies.display()
                    )
                })?;
                pairs.push((row, body.as_str()));
            }
            let start = std::time::Instant::now();
            let found = model.predict_batch(
                &pairs
                    .iter()
                    .map(|(r, b)| (r.headline.as_str(), *b))
                    .collect::<Vec<_>>(),
            );
            let secs = start.elapsed().as_secs_f64();
            eprintln!(
                "predicted {} pairs in {secs:.2} s ({:.0} pairs/s, {} threads)",
                pairs.len(),
                pairs.len() as f64 / secs.max(1e-9),
                rayon::current_num_threads()
            );
            let pred: Vec<es::StanceRow> = pairs
                .iter()
                .zip(found)
                .map(|((r, _), p)| es::StanceRow {
                    headline: r.headline.clone(),
                    body_id: r.body_id,
                    stance: p.stance.as_str().to_string(),
                })
                .collect();
            if let Some(p) = predictions {
                es::write_predictions(&p, &pred).map_err(anyhow::Error::msg)?;
            }
            let gold: Vec<es::StanceRow> = gold.into_iter().map(|(_, r)| r).collect();
            let scores = es::score(&gold, &pred, ids.as_ref());
            emit(&format!("{scores}\n"), None)
        }
        Command::Train {
            what:
                TrainCommand::Stance {
                    stances,
                    bodies,
                    ids,
                    output,
                    folds,
                    by_topic,
                    settings,
                },
        } => {
            use claimgraph::stance::{self, StanceData, TrainOptions};
            if output.is_none() && folds.is_none() {
                anyhow::bail!("give -o FILE for the model, or --folds K to cross-validate");
            }
            let data =
                StanceData::load(&stances, &bodies, ids.as_deref()).map_err(anyhow::Error::msg)?;
            if data.pairs.is_empty() {
                anyhow::bail!("{}: no pairs to train on", stances.display());
            }
            let opts = TrainOptions {
                epochs: settings.epochs,
                hidden: settings.hidden.max(1),
                vocabulary: settings.vocabulary,
                disagree_weight: settings.disagree_weight,
                keep: settings.keep.clamp(0.01, 1.0),
                learning_rate: settings.learning_rate,
                seed: settings.seed,
                ..TrainOptions::default()
            };
            eprintln!("{} pairs, {} bodies", data.pairs.len(), data.bodies.len());
            if let Some(k) = folds {
                let start = std::time::Instant::now();
                let split = if by_topic {
                    stance::Split::Topics
                } else {
                    stance::Split::Bodies
                };
                let cv =
                    stance::cross_validate(&data, &opts, k as usize, split, |l| eprintln!("{l}"));
                let mut out = String::new();
                for (i, s) in cv.folds.iter().enumerate() {
                    out.push_str(&format!("fold {} of {k}:\n{s}\n", i + 1));
                }
                out.push_str(&format!("all folds:\n{}\n", cv.pooled));
                emit(&out, None)?;
                eprintln!(
                    "cross-validation took {:.1} s",
                    start.elapsed().as_secs_f64()
                );
            }
            if let Some(output) = output {
                let start = std::time::Instant::now();
                let m = stance::train(&data, &opts, |line| eprintln!("{line}"));
                let bytes = m.to_bytes();
                claimgraph::output::write_atomic(&output, &bytes)?;
                eprintln!(
                    "trained in {:.1} s; wrote {} ({} bytes)",
                    start.elapsed().as_secs_f64(),
                    output.display(),
                    bytes.len()
                );
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
        // the changes are printed; the exit status says they wait for review
        Err(e) if e.is::<Unreviewed>() => ExitCode::from(1),
        Err(e) if e.is::<Usage>() => {
            eprintln!("error: {e}");
            ExitCode::from(2)
        }
        Err(e) => {
            eprintln!("error: {e:#}");
            // bad input is 1; anything else (a failed write) too
            let _ = e.downcast_ref::<Error>();
            ExitCode::from(1)
        }
    }
}

/// A command line that parses but asks for something impossible (exit status 2).
#[derive(Debug)]
struct Usage(String);

impl std::fmt::Display for Usage {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&self.0)
    }
}

impl std::error::Error for Usage {}

/// `review` found changes not yet accepted (exit status 1, nothing more to say).
#[derive(Debug)]
struct Unreviewed;

impl std::fmt::Display for Unreviewed {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str("unreviewed changes")
    }
}

impl std::error::Error for Unreviewed {}

/// Reads a parser model file.
fn read_parser(path: &Path) -> anyhow::Result<claimgraph::parse::Parser> {
    let bytes = std::fs::read(path).with_context(|| format!("reading {}", path.display()))?;
    claimgraph::parse::Parser::from_bytes(&bytes)
        .map_err(|e| anyhow::anyhow!("{}: {e}", path.display()))
}
