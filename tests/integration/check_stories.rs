//! `claimgraph check` on real coverage: the dev stories of `../shared/data/stories/dev`,
//! each with contested claims whose supporters and disputers the stories' gold names.
//! Skipped, with a message, when `../shared` is absent.

use std::path::{Path, PathBuf};
use std::process::Command;

/// The dev story `name`, or `None` (with a message) when `../shared` is absent.
fn story(name: &str) -> Option<PathBuf> {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("../shared/data/stories/dev")
        .join(name);
    if dir.is_dir() {
        Some(dir)
    } else {
        println!("skipping: {} not found", dir.display());
        None
    }
}

/// The story's claims bearing on `claim`, as (speaker, stance).
fn stances(dir: &Path, claim: &str) -> Vec<(String, String)> {
    let out = Command::new(env!("CARGO_BIN_EXE_claimgraph"))
        .args(["check", claim])
        .arg(dir)
        .args(["--format", "json"])
        .output()
        .unwrap();
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let v: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    v["claims"]
        .as_array()
        .unwrap()
        .iter()
        .map(|c| {
            (
                c["speaker"].as_str().unwrap().to_string(),
                c["stance"].as_str().unwrap().to_string(),
            )
        })
        .collect()
}

/// True when some claim of a speaker whose name holds one of `names` takes `stance`.
fn any_takes(found: &[(String, String)], names: &[&str], stance: &str) -> bool {
    found
        .iter()
        .any(|(s, st)| st == stance && names.iter().any(|n| s.contains(n)))
}

/// Asserts that `claim` is supported by one of `supporters` and disputed by one of
/// `disputers`.
fn contested(dir: &Path, claim: &str, supporters: &[&str], disputers: &[&str]) {
    let found = stances(dir, claim);
    assert!(
        any_takes(&found, supporters, "agree"),
        "“{claim}” should be supported by one of {supporters:?}: {found:?}"
    );
    assert!(
        any_takes(&found, disputers, "disagree"),
        "“{claim}” should be disputed by one of {disputers:?}: {found:?}"
    );
}

#[test]
fn who_destroyed_the_dam_is_contested_between_the_two_states() {
    let Some(dir) = story("kakhovka-dam-2023") else {
        return;
    };
    contested(
        &dir,
        "Ukraine destroyed the dam",
        &["Kremlin", "TASS", "Sputnik"],
        &[
            "of Ukraine",
            "Armed Forces of Ukraine",
            "Operational Command South",
        ],
    );
    contested(
        &dir,
        "Russia destroyed the dam",
        &["of Ukraine", "Operational Command South"],
        &["Kremlin", "TASS", "Sputnik"],
    );
    contested(
        &dir,
        "Ukrainian shelling destroyed the dam",
        &["Kremlin", "TASS", "Sputnik"],
        &["of Ukraine", "Operational Command South"],
    );
}

#[test]
fn who_is_responsible_for_the_hospital_blast_is_contested() {
    let Some(dir) = story("gaza-hospital-2023") else {
        return;
    };
    contested(
        &dir,
        "Israel struck the hospital",
        &["Gaza Health Ministry", "Hamas"],
        &["Israel Defense Forces", "Government of Israel"],
    );
    contested(
        &dir,
        "Israel was responsible for the explosion",
        &["Gaza Health Ministry"],
        &["White House", "U.S. intelligence"],
    );
    // the toll: the Gaza authorities' figure against the U.S. estimate and Israel's
    contested(
        &dir,
        "About 500 people were killed",
        &["Gaza Health Ministry", "Hamas"],
        &["U.S. intelligence", "Israeli Embassy"],
    );
}
