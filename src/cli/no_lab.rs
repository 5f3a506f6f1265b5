//! The lab's commands in a build without the `lab` feature: `eval`, `train` and `bench`
//! take any arguments and say how to get a build that has them (exit status 2).

use super::Usage;
use std::ffi::OsString;

/// What `claimgraph --help` says of `eval`.
pub const EVAL_ABOUT: &str =
    "Measure claimgraph against gold data (a lab command: build with --features lab)";
/// What `claimgraph --help` says of `train`.
pub const TRAIN_ABOUT: &str =
    "Train a learned component from gold data (a lab command: build with --features lab)";
/// What `claimgraph --help` says of `bench`.
pub const BENCH_ABOUT: &str = "Time claimgraph's stages (a lab command: build with --features lab)";

/// The arguments of a lab command, taken as they come.
#[derive(clap::Args)]
pub struct LabArgs {
    #[arg(trailing_var_arg = true, allow_hyphen_values = true, hide = true)]
    args: Vec<OsString>,
}

/// `claimgraph eval` in this build.
pub type EvalArgs = LabArgs;
/// `claimgraph train` in this build.
pub type TrainArgs = LabArgs;
/// `claimgraph bench` in this build.
pub type BenchArgs = LabArgs;

fn not_built(command: &str) -> anyhow::Result<()> {
    Err(Usage(format!(
        "`claimgraph {command}` is a lab command, left out of this build; build with the lab \
         feature, e.g. `cargo run --release --features lab -- {command} ...`"
    ))
    .into())
}

/// `claimgraph eval ...`: not in this build.
pub fn eval(_: EvalArgs) -> anyhow::Result<()> {
    not_built("eval")
}

/// `claimgraph train ...`: not in this build.
pub fn train(_: TrainArgs) -> anyhow::Result<()> {
    not_built("train")
}

/// `claimgraph bench ...`: not in this build.
pub fn bench(_: BenchArgs) -> anyhow::Result<()> {
    not_built("bench")
}
