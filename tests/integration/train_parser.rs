//! Training the tagger, lemmatiser and parser is deterministic, and the model file reads
//! back as the same model. The embedded model itself is checked against a full retraining
//! by CI (`.ci/run`), which needs a release build.

use claimgraph::lab::eval::parser::{predict, score};
use claimgraph::lab::train::parser::{train, TrainOptions};
use claimgraph::parse::{conllu, Parser};

#[test]
fn training_twice_gives_the_same_bytes_and_a_model_that_reads_back() {
    let Some(shared) = crate::common::shared() else {
        return;
    };
    let path = shared.join("data/ud/en_ewt-ud-train.conllu");
    if !path.is_file() {
        println!("skipping: EWT train not found");
        return;
    }
    let all = conllu::read(&path).unwrap();
    let some = &all[..300];
    let opts = TrainOptions {
        epochs: 2,
        tagger_epochs: 2,
        folds: 2,
        table_bits: 14,
        ..TrainOptions::default()
    };
    let a = train(some, &opts, |_| {}).unwrap().to_bytes();
    let b = train(some, &opts, |_| {}).unwrap().to_bytes();
    assert!(a == b, "two trainings on the same data differ");
    let m = Parser::from_bytes(&a).unwrap();
    assert_eq!(m.to_bytes(), a);
    // a model trained on these sentences parses them better than chance
    let s = score(some, &predict(&m, some)).unwrap();
    assert!(s.upos > 0.8 && s.uas > 0.6, "{s}");
    // another seed shuffles differently and so gives other weights
    let c = train(some, &TrainOptions { seed: 99, ..opts }, |_| {})
        .unwrap()
        .to_bytes();
    assert!(a != c);
}
