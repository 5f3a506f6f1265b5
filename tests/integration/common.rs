//! Helpers shared by the tests: the default story analysed once for the whole binary, the
//! binary run with standard input, and for the lab's tests the `../shared` folder, `python3` and a small random generator.

use claimgraph::corpus::{self, LoadOptions};
use claimgraph::{Analysis, Report, Story};
#[cfg(feature = "lab")]
use std::path::{Path, PathBuf};
#[cfg(feature = "lab")]
use std::process::Command;
use std::sync::OnceLock;

/// Runs claimgraph with `args` and `input` on standard input.
pub fn with_stdin(args: &[&str], input: &[u8]) -> std::process::Output {
    use std::io::Write;
    use std::process::{Command, Stdio};
    let mut child = Command::new(env!("CARGO_BIN_EXE_claimgraph"))
        .args(args)
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    child.stdin.take().unwrap().write_all(input).unwrap();
    child.wait_with_output().unwrap()
}

/// The embedded default story, loaded once.
pub fn default_story() -> &'static Story {
    static STORY: OnceLock<Story> = OnceLock::new();
    STORY.get_or_init(|| corpus::default_story(&LoadOptions::default()).unwrap())
}

/// The default story's analysis, made once for every test of the binary.
pub fn default_analysis() -> &'static Analysis<'static> {
    static ANALYSIS: OnceLock<Analysis<'static>> = OnceLock::new();
    ANALYSIS.get_or_init(|| claimgraph::analysis(default_story(), &Default::default()))
}

/// The default story's report, made once from [`default_analysis`]; each caller gets its
/// own copy to change at will.
pub fn default_report() -> Report {
    static REPORT: OnceLock<Report> = OnceLock::new();
    REPORT
        .get_or_init(|| Report::new(default_analysis()))
        .clone()
}

#[cfg(feature = "lab")]
/// The `../shared` folder beside the project, or `None` (with a message) when absent.
pub fn shared() -> Option<PathBuf> {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("../shared");
    if dir.is_dir() {
        Some(dir)
    } else {
        println!("skipping: ../shared not found");
        None
    }
}

#[cfg(feature = "lab")]
/// True when `python3` runs; says so when it does not.
pub fn have_python() -> bool {
    let ok = Command::new("python3")
        .arg("--version")
        .output()
        .is_ok_and(|o| o.status.success());
    if !ok {
        println!("skipping: python3 not found");
    }
    ok
}

#[cfg(feature = "lab")]
/// Small deterministic generator (xorshift64*).
pub struct Rng(pub u64);

#[cfg(feature = "lab")]
impl Rng {
    /// The next 64 random bits.
    pub fn next(&mut self) -> u64 {
        self.0 ^= self.0 >> 12;
        self.0 ^= self.0 << 25;
        self.0 ^= self.0 >> 27;
        self.0.wrapping_mul(0x2545_f491_4f6c_dd1d)
    }

    /// A number below `n` (0 when `n` is 0).
    pub fn below(&mut self, n: usize) -> usize {
        if n == 0 {
            0
        } else {
            (self.next() % n as u64) as usize
        }
    }
}
