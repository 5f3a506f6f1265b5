//! Training the attribution tagger is deterministic, and the model file reads back as the
//! same model. The embedded model itself is checked against a full retraining by CI
//! (`.ci/run`), which needs a release build.

use claimgraph::attribution::model::Model;
use claimgraph::lab::eval::attribution as ea;
use claimgraph::lab::train::attribution::{self as model, TrainOptions};

#[test]
fn training_twice_gives_the_same_bytes_and_a_model_that_reads_back() {
    let Some(shared) = crate::common::shared() else {
        return;
    };
    let docs = ea::read_jsonl(&shared.join("data/polnear/train.jsonl")).unwrap();
    let some = &docs[..30];
    let opts = TrainOptions {
        epochs: 2,
        ..TrainOptions::default()
    };
    let a = model::train(some, &opts, |_| {}).to_bytes();
    let b = model::train(some, &opts, |_| {}).to_bytes();
    assert!(a == b, "two trainings on the same data differ");
    let m = Model::from_bytes(&a).unwrap();
    assert_eq!(m.to_bytes(), a);
    // a model trained on these documents finds attributions in them
    let found: usize = some
        .iter()
        .map(|d| {
            let art = claimgraph::corpus::Article::new(d.id.clone(), d.text.clone().unwrap());
            m.find(&art).len()
        })
        .sum();
    assert!(found > 100, "{found}");
    // another seed shuffles differently and so gives other weights
    let c = model::train(some, &TrainOptions { seed: 99, ..opts }, |_| {}).to_bytes();
    assert!(a != c);
}

#[test]
fn the_embedded_model_reads_and_finds_the_fsb_statement() {
    let m = Model::embedded();
    let text = "The FSB stated that the cell was preparing an attack.";
    let art = claimgraph::corpus::Article::new("t", text);
    let found = m.find(&art);
    let f = found.first().expect("an attribution");
    assert_eq!(f.cue.slice(text), "stated");
    assert_eq!(f.source[0].slice(text), "The FSB");
    assert_eq!(
        f.content[0].slice(text),
        "that the cell was preparing an attack"
    );
    assert!(Model::from_bytes(b"CGATTR1\n").is_err());
}
