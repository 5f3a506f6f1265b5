//! `claimgraph eval stance` and `claimgraph train stance`, run as the built binary: on the
//! FNC-1 hold-out bodies the command prints what the reference scorer prints for the
//! predictions it wrote; training is deterministic; bad input is named with its file and
//! line and exit code 1. The tests that need `../shared` (or `python3`) skip without it.

use crate::common::{have_python, shared};
use std::fs;
use std::path::Path;
use std::process::{Command, Output};

use claimgraph::lab::stance::{self, StanceData, StanceModel, TrainOptions};

fn claimgraph(args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_claimgraph"))
        .args(args)
        .output()
        .expect("the binary runs")
}

fn text(bytes: &[u8]) -> String {
    String::from_utf8(bytes.to_vec()).unwrap()
}

#[test]
fn eval_stance_prints_what_the_reference_scorer_prints() {
    let Some(shared) = shared() else { return };
    if !have_python() {
        return;
    }
    let fnc = shared.join("data/fnc1");
    let gold = fnc.join("train_stances.csv");
    let bodies = fnc.join("train_bodies.csv");
    let ids = fnc.join("hold_out_ids.txt");
    let dir = tempfile::tempdir().unwrap();
    let pred = dir.path().join("pred.csv");
    let p = |x: &Path| x.to_str().unwrap().to_string();
    let out = claimgraph(&[
        "eval",
        "stance",
        "--stances",
        &p(&gold),
        "--bodies",
        &p(&bodies),
        "--ids",
        &p(&ids),
        "--predictions",
        &p(&pred),
    ]);
    assert!(out.status.success(), "{}", text(&out.stderr));
    assert!(
        text(&out.stderr).contains("pairs/s"),
        "{}",
        text(&out.stderr)
    );
    let ours = text(&out.stdout);
    let py = Command::new("python3")
        .arg(shared.join("eval/fnc_score.py"))
        .args([&gold, &pred])
        .arg("--ids")
        .arg(&ids)
        .output()
        .unwrap();
    assert!(py.status.success(), "{}", text(&py.stderr));
    assert_eq!(ours, text(&py.stdout));
    println!("{ours}");
    // every hold-out pair has a prediction, and the model clears the bar
    assert!(ours.contains("missing predictions 0"), "{ours}");
    let held = claimgraph::lab::eval::stance::read_ids(&ids).unwrap();
    let gold_rows = claimgraph::lab::eval::stance::read_stances(&gold).unwrap();
    let pred_rows = claimgraph::lab::eval::stance::read_stances(&pred).unwrap();
    let scores = claimgraph::lab::eval::stance::score(&gold_rows, &pred_rows, Some(&held));
    assert!(
        scores.fnc_pct >= 80.0 && scores.macro_f1 >= 0.55,
        "{scores}"
    );
}

#[test]
fn training_twice_gives_the_same_bytes() {
    let Some(shared) = shared() else { return };
    let fnc = shared.join("data/fnc1");
    let data = StanceData::load(
        &fnc.join("train_stances.csv"),
        &fnc.join("train_bodies.csv"),
        Some(&fnc.join("training_ids.txt")),
    )
    .unwrap();
    // a few dozen bodies keep the test fast
    let some = data.subset(|id| id % 25 == 0);
    assert!(some.pairs.len() > 500, "{}", some.pairs.len());
    let opts = TrainOptions {
        epochs: 2,
        hidden: 32,
        vocabulary: 2000,
        ..TrainOptions::default()
    };
    let a = stance::train(&some, &opts, |_| {}).to_bytes();
    let b = stance::train(&some, &opts, |_| {}).to_bytes();
    assert!(a == b, "two trainings on the same data differ");
    assert_eq!(StanceModel::from_bytes(&a).unwrap().to_bytes(), a);
}

#[test]
fn bad_input_is_named_with_file_and_line() {
    let dir = tempfile::tempdir().unwrap();
    let stances = dir.path().join("stances.csv");
    let bodies = dir.path().join("bodies.csv");
    fs::write(&bodies, "Body ID,articleBody\n1,A body about the claim.\n").unwrap();
    fs::write(
        &stances,
        "Headline,Body ID,Stance\nA claim,1,agree\nAnother,one,agree\n",
    )
    .unwrap();
    let p = |x: &Path| x.to_str().unwrap().to_string();
    let run = |args: &[&str]| {
        let out = claimgraph(args);
        assert_eq!(out.status.code(), Some(1), "{args:?}");
        text(&out.stderr)
    };
    let (sp, bp) = (p(&stances), p(&bodies));
    let base = ["--stances", sp.as_str(), "--bodies", bp.as_str()];
    let eval: Vec<&str> = ["eval", "stance"].iter().chain(&base).copied().collect();
    let e = run(&eval);
    assert!(e.contains("stances.csv:3: bad Body ID \"one\""), "{e}");
    let train: Vec<&str> = ["train", "stance", "--folds", "2"]
        .iter()
        .chain(&base)
        .copied()
        .collect();
    let e = run(&train);
    assert!(e.contains("stances.csv:3:"), "{e}");
    // a body id without a body
    fs::write(
        &stances,
        "Headline,Body ID,Stance\nA claim,1,agree\nB,9,agree\n",
    )
    .unwrap();
    let e = run(&eval);
    assert!(e.contains("stances.csv:3: body id 9 is not in"), "{e}");
    // an unknown label is an error for training and for scoring (where it would count as
    // wrong whatever is predicted)
    fs::write(&stances, "Headline,Body ID,Stance\nA claim,1,agreed\n").unwrap();
    let e = run(&train);
    assert!(
        e.contains("stances.csv:2: unknown stance \"agreed\""),
        "{e}"
    );
    let e = run(&eval);
    assert!(
        e.contains("stances.csv:2: unknown gold stance \"agreed\""),
        "{e}"
    );
    // a missing file, and a model file that is not one
    let missing = dir.path().join("nothing.csv");
    let mp = p(&missing);
    let e = run(&["eval", "stance", "--stances", &mp, "--bodies", &bp]);
    assert!(e.contains("nothing.csv"), "{e}");
    let mut with_model = eval.clone();
    with_model.extend(["--model", bp.as_str()]);
    let e = run(&with_model);
    assert!(
        e.contains("bodies.csv: not a claimgraph stance model"),
        "{e}"
    );
    // no output and no folds
    let mut no_out: Vec<&str> = ["train", "stance"].to_vec();
    no_out.extend(base);
    let e = run(&no_out);
    assert!(e.contains("-o FILE"), "{e}");
}
