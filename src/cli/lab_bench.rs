//! The lab's `bench` command (built with `--features lab`): its arguments and one short
//! function over [`claimgraph::lab::bench`].

use super::emit;
use claimgraph::lab::bench;
use claimgraph::parse::{conllu, Parser};
use clap::Subcommand;
use std::path::PathBuf;

/// What `claimgraph --help` says of `bench`.
pub const BENCH_ABOUT: &str = "Time claimgraph's stages";

/// `claimgraph bench`.
#[derive(clap::Args)]
pub struct BenchArgs {
    #[command(subcommand)]
    what: BenchCommand,
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
    /// Candidate generation and linking on generated claims: time, claims/s and peak
    /// resident memory at each size, with the growth factor per tenfold step.
    Link {
        /// Numbers of claims, separated by commas [default: 10000,100000,1000000].
        #[arg(
            long,
            value_delimiter = ',',
            value_parser = claim_count,
            default_values_t = bench::link::DEFAULT_SIZES,
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
    /// Time against input size for hostile and large inputs (long prose, one line without
    /// punctuation, a million quotation marks, dense HTML, many articles, many speakers, a
    /// large registry, deep YAML, one sentence repeated): each made in memory at sizes ×4 apart, loaded and
    /// analysed; steps costing more than ×5 per ×4 are marked.
    Inputs {
        /// Classes to run, separated by commas [default: all: prose, line,
        /// quotes-straight, quotes-curly, quotes-mixed, quote-paragraphs, html-entities,
        /// html-paragraphs, articles, speakers, registry, yaml-depth, repeated].
        #[arg(long, value_delimiter = ',', value_parser = input_class)]
        classes: Vec<bench::inputs::Class>,
        /// Divide every size by this (16 gives a quick look).
        #[arg(long, default_value_t = 1, value_parser = clap::value_parser!(u32).range(1..))]
        scale_down: u32,
        /// Runs at each size (the best is shown).
        #[arg(long, default_value_t = 3, value_parser = clap::value_parser!(u32).range(1..))]
        repeat: u32,
        /// Sizes to run instead of each class's own, in the class's unit, separated by
        /// commas (one size alone times that size, for a profiler or an instruction count).
        #[arg(long, value_delimiter = ',', value_parser = clap::value_parser!(u64).range(1..=1_000_000_000))]
        sizes: Vec<u64>,
    },
}

/// A class of input for `bench inputs`.
fn input_class(s: &str) -> Result<bench::inputs::Class, String> {
    bench::inputs::Class::from_name(s).ok_or_else(|| {
        let names: Vec<&str> = bench::inputs::Class::ALL.iter().map(|c| c.name()).collect();
        format!(
            "unknown input class {s:?}; the classes are {}",
            names.join(", ")
        )
    })
}

/// A number of claims: a whole number from 1 to [`bench::link::MAX_CLAIMS`].
fn claim_count(s: &str) -> Result<usize, String> {
    let max = bench::link::MAX_CLAIMS;
    match s.trim().parse::<u128>() {
        Ok(n) if n >= 1 && n <= max as u128 => Ok(n as usize),
        Ok(n) if n > max as u128 => Err(format!(
            "{n} claims is more than the benchmark generates (at most {max}; a million take \
             about a gigabyte)"
        )),
        _ => Err(format!("'{s}' is not a number of claims (1 or more)")),
    }
}

/// Runs `claimgraph bench ...`.
pub fn bench(args: BenchArgs) -> anyhow::Result<()> {
    match args.what {
        BenchCommand::Extract {
            gold,
            threads,
            repeat,
        } => {
            let (path, texts, diags) = bench::extract::load_input(gold.as_deref())?;
            for d in &diags {
                eprintln!("warning: {d}");
            }
            let mut settings = bench::extract::Settings::default();
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
            let report = bench::extract::run(&texts, &settings)?;
            emit(&format!("file: {}\n{report}\n", path.display()), None)
        }
        BenchCommand::Parse { gold, repeat } => {
            let path = gold.unwrap_or_else(|| PathBuf::from(bench::parse::DEFAULT_INPUT));
            let sentences = conllu::read(&path)?;
            let report = bench::parse::run(Parser::embedded(), &sentences, repeat as usize);
            emit(&format!("file: {}\n{report}\n", path.display()), None)
        }
        BenchCommand::Link {
            sizes,
            repeat,
            seed,
        } => {
            let settings = bench::link::LinkSettings {
                sizes,
                repeat: repeat as usize,
                seed,
            };
            let report = bench::link::run(&settings, |what| eprintln!("{what}"))?;
            emit(&format!("{report}\n"), None)
        }
        BenchCommand::Inputs {
            classes,
            scale_down,
            repeat,
            sizes,
        } => {
            let classes = if classes.is_empty() {
                bench::inputs::Class::ALL.to_vec()
            } else {
                classes
            };
            let plan: Vec<_> = classes
                .into_iter()
                .map(|c| {
                    let own = if sizes.is_empty() {
                        c.default_sizes()
                    } else {
                        sizes.iter().map(|&n| n as usize).collect()
                    };
                    let sizes = own
                        .into_iter()
                        .map(|n| (n / scale_down as usize).max(1))
                        .collect();
                    (c, sizes)
                })
                .collect();
            let results = bench::inputs::run(&plan, repeat as usize, |what| eprintln!("{what}"));
            let machine = bench::Machine::detect();
            emit(
                &format!("{}\n", bench::inputs::Table(&results, &machine)),
                None,
            )
        }
    }
}
