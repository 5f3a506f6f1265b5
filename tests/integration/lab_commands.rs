//! In a build without the `lab` feature, the lab's commands (`eval`, `train`, `bench`) take
//! any arguments, say how to get a build that has them and exit 2; the product's commands
//! are all there.

use std::process::Command;

fn claimgraph(args: &[&str]) -> std::process::Output {
    Command::new(env!("CARGO_BIN_EXE_claimgraph"))
        .args(args)
        .output()
        .expect("the binary runs")
}

#[test]
fn lab_commands_say_to_rebuild_with_the_feature() {
    for args in [
        &["eval", "attribution", "gold.jsonl", "--model", "m"][..],
        &["train", "stance", "--stances", "s.csv", "--bodies", "b.csv"],
        &["bench", "link", "--sizes", "10"],
        &["bench"],
    ] {
        let o = claimgraph(args);
        assert_eq!(o.status.code(), Some(2), "{args:?}");
        let err = String::from_utf8_lossy(&o.stderr);
        assert!(
            err.contains(&format!("`claimgraph {}` is a lab command", args[0]))
                && err.contains("--features lab"),
            "{args:?}: {err}"
        );
        assert!(o.stdout.is_empty());
    }
    let help = String::from_utf8(claimgraph(&["--help"]).stdout).unwrap();
    for command in ["report", "check", "extract", "eval", "train", "bench"] {
        assert!(
            help.contains(&format!("\n  {command} ")),
            "{command}:\n{help}"
        );
    }
    assert!(help.contains("(a lab command: build with --features lab)"));
}
