//! The lab's commands, `eval`, `train` and `bench` (built with `--features lab`): their
//! arguments and one short function each over [`claimgraph::lab`].

use super::emit;
use super::progress::Progress;
use claimgraph::lab::{eval, stance, train};
use claimgraph::output::write_atomic;
use claimgraph::parse::{conllu, Parser};
use clap::Subcommand;
use std::path::{Path, PathBuf};
use std::time::Instant;

/// What `claimgraph --help` says of `eval`.
pub const EVAL_ABOUT: &str = "Measure claimgraph against gold data";
/// What `claimgraph --help` says of `train`.
pub const TRAIN_ABOUT: &str = "Train a learned component from gold data";

/// `claimgraph eval`.
#[derive(clap::Args)]
pub struct EvalArgs {
    #[command(subcommand)]
    what: EvalCommand,
}

/// `claimgraph train`.
#[derive(clap::Args)]
pub struct TrainArgs {
    #[command(subcommand)]
    what: TrainCommand,
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
        #[command(flatten)]
        files: FncFiles,
        /// Also write the predictions as a Headline,Body ID,Stance CSV (whole or not at
        /// all).
        #[arg(long)]
        predictions: Option<PathBuf>,
        /// Use this stance model file instead of the embedded one.
        #[arg(long)]
        model: Option<PathBuf>,
    },
}

/// The FNC-1 files of `eval stance` and `train stance`.
#[derive(clap::Args)]
struct FncFiles {
    /// Gold stances: a CSV with Headline, Body ID and Stance.
    #[arg(long)]
    stances: PathBuf,
    /// Bodies: a CSV with Body ID and articleBody.
    #[arg(long)]
    bodies: PathBuf,
    /// Use only the pairs whose body id is listed (one a line).
    #[arg(long)]
    ids: Option<PathBuf>,
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
        #[arg(long, default_value_t = train::attribution::TrainOptions::default().epochs)]
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
        #[arg(long, value_name = "K", value_parser = clap::value_parser!(u32).range(2..))]
        hold_out: Option<u32>,
        #[command(flatten)]
        settings: ParserSettings,
    },
    /// Train the headline/body stance model on FNC-1 files and write the model file. The
    /// same data and options give the same bytes.
    Stance {
        #[command(flatten)]
        files: FncFiles,
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
    #[arg(long, default_value_t = stance::TrainOptions::default().epochs)]
    epochs: usize,
    /// Hidden units.
    #[arg(long, default_value_t = stance::TrainOptions::default().hidden)]
    hidden: usize,
    /// Bag-of-words vocabulary size.
    #[arg(long, default_value_t = stance::TrainOptions::default().vocabulary)]
    vocabulary: usize,
    /// Weight of the loss of disagree pairs.
    #[arg(long, default_value_t = stance::TrainOptions::default().disagree_weight)]
    disagree_weight: f32,
    /// Probability of keeping a hidden unit during training.
    #[arg(long, default_value_t = stance::TrainOptions::default().keep)]
    keep: f32,
    /// Adam's step size.
    #[arg(long, default_value_t = stance::TrainOptions::default().learning_rate)]
    learning_rate: f32,
    /// Seed of initialisation, shuffling and dropout.
    #[arg(long, default_value_t = stance::TrainOptions::default().seed)]
    seed: u64,
}

impl StanceSettings {
    /// The training options these settings give, brought into range.
    fn options(&self) -> stance::TrainOptions {
        stance::TrainOptions {
            epochs: self.epochs,
            hidden: self.hidden,
            vocabulary: self.vocabulary,
            disagree_weight: self.disagree_weight,
            keep: self.keep,
            learning_rate: self.learning_rate,
            seed: self.seed,
            ..stance::TrainOptions::default()
        }
        .clamped()
    }
}

/// Settings of parser training, for choosing them on held-out training sentences.
#[derive(clap::Args)]
struct ParserSettings {
    /// Passes of the parser over the data.
    #[arg(long, default_value_t = train::parser::TrainOptions::default().epochs)]
    epochs: usize,
    /// Passes of the tagger over the data.
    #[arg(long, default_value_t = train::parser::TrainOptions::default().tagger_epochs)]
    tagger_epochs: usize,
    /// Folds of jack-knifing the tags the parser trains on (0: gold tags).
    #[arg(long, default_value_t = train::parser::TrainOptions::default().folds)]
    folds: usize,
    /// Averaged parser weights smaller than this are left out of the model.
    #[arg(long, default_value_t = train::parser::TrainOptions::default().min_weight)]
    min_weight: f64,
    /// Averaged tagger weights smaller than this are left out of the model.
    #[arg(long, default_value_t = train::parser::TrainOptions::default().tagger_min_weight)]
    tagger_min_weight: f64,
    /// Seed of shuffling and exploration.
    #[arg(long, default_value_t = train::parser::TrainOptions::default().seed)]
    seed: u64,
    /// Size of the transition weight table, as a power of two.
    #[arg(long, default_value_t = train::parser::TrainOptions::default().table_bits,
          value_parser = clap::value_parser!(u32).range(8..=28))]
    table_bits: u32,
}

impl ParserSettings {
    /// The training options these settings give.
    fn options(&self) -> train::parser::TrainOptions {
        train::parser::TrainOptions {
            epochs: self.epochs,
            tagger_epochs: self.tagger_epochs,
            folds: self.folds,
            min_weight: self.min_weight,
            tagger_min_weight: self.tagger_min_weight,
            seed: self.seed,
            table_bits: self.table_bits,
            ..train::parser::TrainOptions::default()
        }
    }
}

/// Runs `claimgraph eval ...`.
pub fn eval(args: EvalArgs) -> anyhow::Result<()> {
    let scores = match args.what {
        EvalCommand::Attribution {
            gold,
            predictions,
            model,
        } => eval::attribution::evaluate(&gold, predictions.as_deref(), model.as_deref())
            .map_err(anyhow::Error::msg)?
            .to_string(),
        EvalCommand::Stance {
            files,
            predictions,
            model,
        } => stance::evaluate(
            &files.stances,
            &files.bodies,
            files.ids.as_deref(),
            predictions.as_deref(),
            model.as_deref(),
            |line| eprintln!("{line}"),
        )
        .map_err(anyhow::Error::msg)?
        .to_string(),
        EvalCommand::Parser {
            gold,
            predictions,
            model,
        } => eval_parser(&gold, predictions.as_deref(), model.as_deref())?,
    };
    emit(&format!("{scores}\n"), None)
}

fn eval_parser(
    gold: &Path,
    predictions: Option<&Path>,
    model: Option<&Path>,
) -> anyhow::Result<String> {
    let gold = conllu::read(gold)?;
    let owned;
    let parser = match model {
        Some(path) => {
            owned = read_parser(path)?;
            &owned
        }
        None => Parser::embedded(),
    };
    let pred = eval::parser::predict(parser, &gold);
    if let Some(p) = predictions {
        write_atomic(p, conllu::write(&pred).as_bytes())?;
    }
    let scores = eval::parser::score(&gold, &pred).map_err(anyhow::Error::msg)?;
    Ok(scores.to_string())
}

/// Reads a parser model file.
fn read_parser(path: &Path) -> anyhow::Result<Parser> {
    let bytes = claimgraph::corpus::read_data(path).map_err(|e| anyhow::anyhow!(e))?;
    Parser::from_bytes(&bytes).map_err(|e| anyhow::anyhow!("{}: {e}", path.display()))
}

/// Runs `claimgraph train ...`.
pub fn train(args: TrainArgs) -> anyhow::Result<()> {
    match args.what {
        TrainCommand::Attribution {
            train,
            output,
            epochs,
            hold_out,
        } => train_attribution(train, output, epochs, hold_out),
        TrainCommand::Stance {
            files,
            output,
            folds,
            by_topic,
            settings,
        } => train_stance(files, output, folds, by_topic, &settings),
        TrainCommand::Parser {
            train,
            output,
            hold_out,
            settings,
        } => train_parser(&train, &output, hold_out, &settings),
    }
}

fn train_parser(
    path: &Path,
    output: &Path,
    hold_out: Option<u32>,
    settings: &ParserSettings,
) -> anyhow::Result<()> {
    let all = conllu::read(path)?;
    let (fit, held) = match hold_out {
        Some(k) => train::parser::hold_out(all, k as usize),
        None => (all, Vec::new()),
    };
    let start = Instant::now();
    let parser = train::parser::train(&fit, &settings.options(), |line| eprintln!("{line}"))
        .map_err(|e| anyhow::anyhow!("{}: {e}", path.display()))?;
    let bytes = parser.to_bytes();
    write_atomic(output, &bytes)?;
    eprintln!(
        "trained in {:.1} s; wrote {} ({} bytes)",
        start.elapsed().as_secs_f64(),
        output.display(),
        bytes.len()
    );
    if held.is_empty() {
        return Ok(());
    }
    let pred = eval::parser::predict(&parser, &held);
    let scores = eval::parser::score(&held, &pred).map_err(anyhow::Error::msg)?;
    emit(
        &format!("held out: {} sentences\n{scores}\n", held.len()),
        None,
    )
}

fn train_attribution(
    path: PathBuf,
    output: PathBuf,
    epochs: usize,
    hold_out: Option<usize>,
) -> anyhow::Result<()> {
    let docs = eval::attribution::read_jsonl(&path).map_err(anyhow::Error::msg)?;
    let (fit, held) =
        train::attribution::split_hold_out(docs, hold_out).map_err(anyhow::Error::msg)?;
    let opts = train::attribution::TrainOptions {
        epochs,
        ..Default::default()
    };
    // one pass of each of the two taggers per epoch
    let bar = Progress::new(2 * epochs, "passes");
    let model = train::attribution::train(&fit, &opts, |line| {
        bar.println(line);
        bar.inc();
    });
    bar.finish();
    write_atomic(&output, &model.to_bytes())?;
    if held.is_empty() {
        return Ok(());
    }
    let pred = eval::attribution::predict_with(&held, &model);
    let scores = eval::attribution::score(&held, &pred).map_err(anyhow::Error::msg)?;
    emit(
        &format!("held out: {} documents\n{scores}\n", held.len()),
        None,
    )
}

fn train_stance(
    files: FncFiles,
    output: Option<PathBuf>,
    folds: Option<u32>,
    by_topic: bool,
    settings: &StanceSettings,
) -> anyhow::Result<()> {
    if output.is_none() && folds.is_none() {
        anyhow::bail!("give -o FILE for the model, or --folds K to cross-validate");
    }
    let data = stance::StanceData::load(&files.stances, &files.bodies, files.ids.as_deref())
        .map_err(anyhow::Error::msg)?;
    if data.pairs.is_empty() {
        anyhow::bail!("{}: no pairs to train on", files.stances.display());
    }
    let opts = settings.options();
    eprintln!("{} pairs, {} bodies", data.pairs.len(), data.bodies.len());
    if let Some(k) = folds {
        let start = Instant::now();
        let split = if by_topic {
            stance::Split::Topics
        } else {
            stance::Split::Bodies
        };
        let cv = stance::cross_validate(&data, &opts, k as usize, split, |l| eprintln!("{l}"));
        emit(&cv.to_string(), None)?;
        let secs = start.elapsed().as_secs_f64();
        eprintln!("cross-validation took {secs:.1} s");
    }
    if let Some(output) = output {
        let start = Instant::now();
        let bar = Progress::new(opts.epochs, "passes");
        let bytes = stance::train(&data, &opts, |line| {
            bar.println(line);
            bar.inc();
        })
        .to_bytes();
        bar.finish();
        write_atomic(&output, &bytes)?;
        eprintln!(
            "trained in {:.1} s; wrote {} ({} bytes)",
            start.elapsed().as_secs_f64(),
            output.display(),
            bytes.len()
        );
    }
    Ok(())
}

#[path = "lab_bench.rs"]
mod lab_bench;
pub use lab_bench::{bench, BenchArgs, BENCH_ABOUT};
