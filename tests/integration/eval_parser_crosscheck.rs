//! Cross-checks `claimgraph::lab::eval::parser` against the reference scorer
//! `../shared/eval/ud_score.py`: the embedded parser's predictions on EWT dev, and the
//! same predictions with some heads and relations changed, are scored by both, which must
//! print the same line. Skips when `../shared` or `python3` is not available.

use crate::common::{have_python, shared, Rng};
use claimgraph::lab::eval::parser::{predict, score};
use claimgraph::parse::{conllu, Parser};
use std::process::Command;

/// The script's line for a gold file and a system file.
fn reference(script: &std::path::Path, gold: &std::path::Path, system: &str) -> String {
    let file = tempfile::NamedTempFile::new().unwrap();
    std::fs::write(file.path(), system).unwrap();
    let out = Command::new("python3")
        .arg(script)
        .arg(gold)
        .arg(file.path())
        .output()
        .unwrap();
    assert!(
        out.status.success(),
        "ud_score.py failed: {}",
        String::from_utf8_lossy(&out.stderr)
    );
    String::from_utf8(out.stdout)
        .unwrap()
        .trim_end()
        .to_string()
}

#[test]
fn parser_scores_match_ud_score_py() {
    let Some(shared) = shared() else { return };
    if !have_python() {
        return;
    }
    let script = shared.join("eval/ud_score.py");
    let gold_path = shared.join("data/ud/en_ewt-ud-dev.conllu");
    if !script.is_file() || !gold_path.is_file() {
        println!("skipping: ud_score.py or EWT dev not found");
        return;
    }
    let gold = conllu::read(&gold_path).unwrap();
    let pred = predict(Parser::embedded(), &gold);
    let ours = score(&gold, &pred).unwrap();
    assert_eq!(
        ours.words,
        gold.iter().map(|s| s.words.len()).sum::<usize>()
    );
    assert_eq!(
        ours.to_string(),
        reference(&script, &gold_path, &conllu::write(&pred))
    );
    // the same predictions, with heads moved and relations given other subtypes or
    // other relations: both scorers still agree, and the figures fall
    let mut rng = Rng(0x9e37_79b9_7f4a_7c15);
    let mut changed = pred.clone();
    for s in &mut changed {
        let n = s.words.len();
        for w in &mut s.words {
            match rng.below(10) {
                0 => w.head = ((w.head.parse::<usize>().unwrap_or(0) + 1) % (n + 1)).to_string(),
                1 => w.deprel = format!("{}:x", w.deprel.split(':').next().unwrap_or("dep")),
                2 => w.deprel = "dep".into(),
                3 => w.upos = "X".into(),
                _ => {}
            }
        }
    }
    let worse = score(&gold, &changed).unwrap();
    assert!(worse.las < ours.las && worse.upos < ours.upos);
    assert_eq!(
        worse.to_string(),
        reference(&script, &gold_path, &conllu::write(&changed))
    );
}
