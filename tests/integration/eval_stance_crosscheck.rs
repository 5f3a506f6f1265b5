//! Cross-checks `claimgraph::lab::eval::stance` against the reference scorer
//! `../shared/eval/fnc_score.py` (and Python's `csv` reader) on the FNC-1
//! training stances and predictions derived from them. Skips when
//! `../shared` or `python3` is not available.

use std::collections::BTreeMap;

use crate::common::{have_python, shared, Rng};
use std::path::Path;
use std::process::Command;

use claimgraph::lab::eval::stance::{self, Stance, StanceRow, StanceScores};

/// Predictions from gold: some rows missing, some labels changed, some in
/// upper case or with surrounding spaces, some rows moved to the end (rows
/// are matched by headline and body, not position), a few unknown rows.
fn perturb(gold: &[StanceRow]) -> Vec<StanceRow> {
    let mut rng = Rng(0x2545_f491_4f6c_dd1d);
    let mut front = Vec::new();
    let mut back = Vec::new();
    for (i, g) in gold.iter().enumerate() {
        if rng.below(12) == 0 {
            continue;
        }
        let mut label = if rng.below(10) < 7 {
            g.stance.clone()
        } else {
            Stance::ALL[rng.below(4)].as_str().to_string()
        };
        match rng.below(10) {
            0 => label = label.to_uppercase(),
            1 => label = format!("  {label}\t"),
            2 => label = format!(" {}", label[..1].to_uppercase() + &label[1..]),
            _ => {}
        }
        let row = StanceRow {
            headline: g.headline.clone(),
            body_id: g.body_id,
            stance: label,
        };
        if rng.below(20) == 0 {
            back.push(row);
        } else {
            front.push(row);
        }
        if i % 997 == 0 {
            front.push(StanceRow {
                headline: format!("Unknown, \"headline\" {i}"),
                body_id: g.body_id,
                stance: "agree".to_string(),
            });
        }
    }
    front.extend(back);
    front
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

fn python(args: &[&Path], extra: &[&str]) -> String {
    let mut cmd = Command::new("python3");
    cmd.args(args).args(extra);
    let out = cmd.output().expect("run python3");
    assert!(
        out.status.success(),
        "python failed: {}",
        String::from_utf8_lossy(&out.stderr)
    );
    String::from_utf8(out.stdout).unwrap()
}

fn check(
    name: &str,
    shared: &Path,
    gold_path: &Path,
    pred_path: &Path,
    with_ids: bool,
) -> StanceScores {
    let script = shared.join("eval/fnc_score.py");
    let ids_path = shared.join("data/fnc1/hold_out_ids.txt");
    let gold = stance::read_stances(gold_path).unwrap();
    let pred = stance::read_stances(pred_path).unwrap();
    let ids = with_ids.then(|| stance::read_ids(&ids_path).unwrap());
    let ours = stance::score(&gold, &pred, ids.as_ref());
    let mut extra: Vec<&str> = Vec::new();
    let ids_str = ids_path.to_str().unwrap();
    if with_ids {
        extra.extend(["--ids", ids_str]);
    }
    let text = python(&[&script, gold_path, pred_path], &extra);
    extra.push("--json");
    let raw = python(&[&script, gold_path, pred_path], &extra);
    let theirs: serde_json::Value = serde_json::from_str(&raw).unwrap();
    println!("{name}:\n{ours}");
    let close = |what: &str, py: &serde_json::Value, v: f64| {
        let py = py.as_f64().unwrap_or_else(|| panic!("{name}: no {what}"));
        assert!(
            (py - v).abs() <= 1e-9,
            "{name}: {what}: python {py}, rust {v}"
        );
    };
    close("fnc_pct", &theirs["fnc_pct"], ours.fnc_pct);
    close("macro_f1", &theirs["macro_f1"], ours.macro_f1);
    for c in Stance::ALL {
        close(c.as_str(), &theirs["f1"][c.as_str()], ours.f1_of(c));
    }
    // Stronger: the script's printed figures, read exactly, are ours to the bit.
    let mut exact = vec![ours.fnc_pct, ours.macro_f1];
    exact.extend(ours.f1);
    exact.extend([ours.rows as f64, ours.missing as f64]);
    assert_eq!(json_numbers(&raw), exact, "{name}: not bit-identical");
    assert_eq!(
        theirs["rows"].as_u64(),
        Some(ours.rows as u64),
        "{name}: rows"
    );
    assert_eq!(
        theirs["missing"].as_u64(),
        Some(ours.missing as u64),
        "{name}: missing"
    );
    assert_eq!(text, format!("{ours}\n"), "{name}: text output differs");
    ours
}

#[test]
fn matches_reference_scorer_on_fnc1_train() {
    let Some(shared) = shared() else { return };
    if !have_python() {
        return;
    }
    let gold_path = shared.join("data/fnc1/train_stances.csv");
    let gold = stance::read_stances(&gold_path).unwrap();
    assert!(!gold.is_empty());
    let dir = tempfile::tempdir().unwrap();

    let same = dir.path().join("gold.csv");
    stance::write_predictions(&same, &gold).unwrap();
    for with_ids in [false, true] {
        let s = check("gold vs gold", &shared, &gold_path, &same, with_ids);
        assert_eq!(s.fnc_pct, 100.0);
        assert_eq!(s.missing, 0);
    }

    let perturbed = dir.path().join("perturbed.csv");
    let pred = perturb(&gold);
    stance::write_predictions(&perturbed, &pred).unwrap();
    for with_ids in [false, true] {
        let s = check("perturbed", &shared, &gold_path, &perturbed, with_ids);
        assert!(s.missing > 0 && s.fnc_pct < 100.0);
    }

    let empty = dir.path().join("empty.csv");
    stance::write_predictions(&empty, &[]).unwrap();
    for with_ids in [false, true] {
        let s = check("empty", &shared, &gold_path, &empty, with_ids);
        assert_eq!(s.missing, s.rows);
    }
}

#[test]
fn csv_reader_matches_python_csv_module() {
    let Some(shared) = shared() else { return };
    if !have_python() {
        return;
    }
    let dump = "import csv, json, sys\n\
                rows = list(csv.DictReader(open(sys.argv[1], encoding='utf-8')))\n\
                if sys.argv[2] == 'bodies':\n\
                \x20   out = {int(r['Body ID']): r['articleBody'] for r in rows}\n\
                else:\n\
                \x20   out = [[r['Headline'], int(r['Body ID']), r['Stance']] for r in rows]\n\
                print(json.dumps(out))\n";
    let dir = tempfile::tempdir().unwrap();
    let script = dir.path().join("dump.py");
    std::fs::write(&script, dump).unwrap();

    let bodies_path = shared.join("data/fnc1/train_bodies.csv");
    let ours = stance::read_bodies(&bodies_path).unwrap();
    let out = Command::new("python3")
        .arg(&script)
        .arg(&bodies_path)
        .arg("bodies")
        .output()
        .unwrap();
    assert!(out.status.success());
    let theirs: BTreeMap<String, String> = serde_json::from_slice(&out.stdout).unwrap();
    let theirs: BTreeMap<u32, String> = theirs
        .into_iter()
        .map(|(k, v)| (k.parse().unwrap(), v))
        .collect();
    assert_eq!(ours.len(), theirs.len());
    assert!(ours == theirs, "bodies differ from Python's csv reader");

    let stances_path = shared.join("data/fnc1/train_stances.csv");
    let ours = stance::read_stances(&stances_path).unwrap();
    let out = Command::new("python3")
        .arg(&script)
        .arg(&stances_path)
        .arg("stances")
        .output()
        .unwrap();
    assert!(out.status.success());
    let theirs: Vec<(String, u32, String)> = serde_json::from_slice(&out.stdout).unwrap();
    let ours: Vec<(String, u32, String)> = ours
        .into_iter()
        .map(|r| (r.headline, r.body_id, r.stance))
        .collect();
    assert!(ours == theirs, "stances differ from Python's csv reader");
    println!(
        "read {} stances and the bodies like Python's csv",
        ours.len()
    );
}
