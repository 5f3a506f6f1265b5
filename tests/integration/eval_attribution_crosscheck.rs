//! Cross-checks `claimgraph::lab::eval::attribution` against the reference scorer
//! `../shared/eval/attr_score.py` on the PolNeAR dev set and predictions
//! derived from it. Skips when `../shared` or `python3` is not available.

use crate::common::{have_python, shared, Rng};
use std::path::Path;
use std::process::Command;

use claimgraph::lab::eval::attribution::{self, AttributionScores, SpanAttribution, SpanDoc};

fn shift(rng: &mut Rng, frags: &mut [[usize; 2]], len: usize) {
    for f in frags.iter_mut() {
        let ds = rng.below(9) as isize - 4;
        let de = rng.below(9) as isize - 4;
        let s = (f[0] as isize + ds).clamp(0, len as isize) as usize;
        let e = (f[1] as isize + de).clamp(0, len as isize) as usize;
        *f = if s <= e { [s, e] } else { [e, s] };
    }
}

fn merge(frags: &mut Vec<[usize; 2]>) {
    if frags.len() > 1 {
        let s = frags.iter().map(|f| f[0]).min().unwrap();
        let e = frags.iter().map(|f| f[1]).max().unwrap();
        *frags = vec![[s, e]];
    }
}

/// A deterministic perturbation of gold: dropped documents and relations,
/// shifted boundaries, deleted sources, merged fragments, empty fragments,
/// spurious relations.
fn perturb(gold: &[SpanDoc]) -> Vec<SpanDoc> {
    let mut rng = Rng(0x9e37_79b9_7f4a_7c15);
    let mut out = Vec::new();
    for g in gold {
        if rng.below(10) == 0 {
            continue; // document missing from the predictions
        }
        let len = g.text.as_deref().map_or(0, str::len);
        let mut attrs = Vec::new();
        for a in &g.attributions {
            let mut a = a.clone();
            match rng.below(100) {
                0..=9 => continue,
                10..=24 => shift(&mut rng, &mut a.content, len),
                25..=34 => a.source.clear(),
                35..=44 => {
                    merge(&mut a.source);
                    merge(&mut a.cue);
                    merge(&mut a.content);
                }
                45..=52 => shift(&mut rng, &mut a.cue, len),
                53..=57 => shift(&mut rng, &mut a.source, len),
                58..=60 => {
                    // an empty fragment somewhere in the content
                    if let Some(f) = a.content.first().copied() {
                        let p = f[0] + rng.below(f[1].saturating_sub(f[0]) + 1);
                        a.content.push([p, p]);
                    }
                }
                61..=63 => a.cue.clear(),
                _ => {}
            }
            attrs.push(a);
        }
        if len > 0 && rng.below(5) == 0 {
            let s = rng.below(len);
            let e = (s + 1 + rng.below(60)).min(len);
            let c = rng.below(len);
            attrs.push(SpanAttribution {
                source: if rng.below(2) == 0 {
                    vec![]
                } else {
                    vec![[s, e]]
                },
                cue: vec![[c, (c + 1 + rng.below(8)).min(len)]],
                content: vec![[s, e], [c, c]],
            });
        }
        if rng.below(4) == 0 {
            attrs.reverse();
        }
        out.push(SpanDoc {
            id: g.id.clone(),
            text: None,
            attributions: attrs,
        });
    }
    out
}

/// Writes predictions as JSONL, leaving out empty role keys in every other
/// document (missing keys must read as empty in both scorers).
fn write_preds(path: &Path, docs: &[SpanDoc]) {
    let mut text = String::new();
    for (i, d) in docs.iter().enumerate() {
        let mut v = serde_json::to_value(d).unwrap();
        if i % 2 == 1 {
            for a in v["attributions"].as_array_mut().unwrap() {
                let obj = a.as_object_mut().unwrap();
                obj.retain(|_, frags| !frags.as_array().unwrap().is_empty());
            }
        }
        text.push_str(&v.to_string());
        text.push('\n');
    }
    std::fs::write(path, text).unwrap();
}

/// The numbers of a JSON text in order, each parsed with Rust's correctly
/// rounded `str::parse` (serde_json's default float parsing can be one unit
/// in the last place off, which would hide whether the figures are
/// bit-identical).
fn json_numbers(raw: &str) -> Vec<f64> {
    let mut out = Vec::new();
    let mut in_string = false;
    let mut escaped = false;
    let mut num = String::new();
    for c in raw.chars() {
        if in_string {
            if escaped {
                escaped = false;
            } else if c == '\\' {
                escaped = true;
            } else if c == '"' {
                in_string = false;
            }
            continue;
        }
        if c.is_ascii_digit() || matches!(c, '.' | 'e' | 'E' | '+' | '-') {
            num.push(c);
            continue;
        }
        if !num.is_empty() {
            out.push(num.parse().unwrap());
            num.clear();
        }
        if c == '"' {
            in_string = true;
        }
    }
    if !num.is_empty() {
        out.push(num.parse().unwrap());
    }
    out
}

fn python(script: &Path, gold: &Path, pred: &Path, json: bool) -> String {
    let mut cmd = Command::new("python3");
    cmd.arg(script).arg(gold).arg(pred);
    if json {
        cmd.arg("--json");
    }
    let out = cmd.output().expect("run python3");
    assert!(
        out.status.success(),
        "attr_score.py failed: {}",
        String::from_utf8_lossy(&out.stderr)
    );
    String::from_utf8(out.stdout).unwrap()
}

fn check(name: &str, shared: &Path, gold_path: &Path, pred_path: &Path) -> AttributionScores {
    let script = shared.join("eval/attr_score.py");
    let gold = attribution::read_jsonl(gold_path).unwrap();
    let pred = attribution::read_jsonl(pred_path).unwrap();
    let ours = attribution::score(&gold, &pred).unwrap();
    let raw = python(&script, gold_path, pred_path, true);
    let theirs: serde_json::Value = serde_json::from_str(&raw).unwrap();
    println!("{name}:\n{ours}");
    for (metric, m) in ours.named() {
        for (k, v) in [("p", m.p), ("r", m.r), ("f1", m.f1)] {
            let py = theirs[metric][k]
                .as_f64()
                .unwrap_or_else(|| panic!("{name}: no {metric}.{k} from the script"));
            assert!(
                (py - v).abs() <= 1e-9,
                "{name}: {metric}.{k}: python {py}, rust {v}"
            );
        }
    }
    // Stronger: the script's printed figures, read exactly, are ours to the bit.
    let exact: Vec<f64> = ours
        .named()
        .iter()
        .flat_map(|(_, m)| [m.p, m.r, m.f1])
        .collect();
    assert_eq!(json_numbers(&raw), exact, "{name}: not bit-identical");
    let text = python(&script, gold_path, pred_path, false);
    assert_eq!(text, format!("{ours}\n"), "{name}: text output differs");
    ours
}

#[test]
fn matches_reference_scorer_on_polnear_dev() {
    let Some(shared) = shared() else { return };
    if !have_python() {
        return;
    }
    let gold_path = shared.join("data/polnear/dev.jsonl");
    let gold = attribution::read_jsonl(&gold_path).unwrap();
    assert!(!gold.is_empty());
    let dir = tempfile::tempdir().unwrap();

    let same = dir.path().join("gold.jsonl");
    attribution::write_jsonl(&same, &gold).unwrap();
    let s = check("gold vs gold", &shared, &gold_path, &same);
    for (metric, m) in s.named() {
        assert_eq!((m.p, m.r, m.f1), (1.0, 1.0, 1.0), "{metric}");
    }

    let perturbed = dir.path().join("perturbed.jsonl");
    let pred = perturb(&gold);
    assert!(pred.len() < gold.len(), "some documents are dropped");
    write_preds(&perturbed, &pred);
    let s = check("perturbed", &shared, &gold_path, &perturbed);
    assert!(s.relation.f1 < 1.0 && s.relation.f1 > 0.0);

    let empty = dir.path().join("empty.jsonl");
    std::fs::write(&empty, "").unwrap();
    let s = check("empty", &shared, &gold_path, &empty);
    assert_eq!(s.relation.f1, 0.0);
}
