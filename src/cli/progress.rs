//! Progress bars on standard error (indicatif), drawn only when standard error is a
//! terminal and `--quiet` is not given; otherwise nothing is drawn, and lines meant to sit
//! above the bar are printed plainly.

use indicatif::{ProgressBar, ProgressDrawTarget, ProgressStyle};
use std::io::IsTerminal;

/// A progress bar, or nothing where none may be drawn.
pub struct Progress {
    bar: Option<ProgressBar>,
}

impl Progress {
    /// A bar counting to `len`, labelled `what` ("articles", "epochs").
    pub fn new(len: usize, what: &str) -> Progress {
        if super::quiet() || !std::io::stderr().is_terminal() {
            return Progress { bar: None };
        }
        let bar = ProgressBar::with_draw_target(Some(len as u64), ProgressDrawTarget::stderr());
        let template =
            format!("{{spinner}} {{bar:30}} {{pos}}/{{len}} {what} {{msg}} [{{elapsed}}]");
        if let Ok(style) = ProgressStyle::with_template(&template) {
            bar.set_style(style.progress_chars("=> "));
        }
        Progress { bar: Some(bar) }
    }

    /// One more done.
    #[cfg_attr(not(feature = "lab"), allow(dead_code))]
    pub fn inc(&self) {
        if let Some(b) = &self.bar {
            b.inc(1);
        }
    }

    /// Sets the count done.
    pub fn set(&self, done: usize) {
        if let Some(b) = &self.bar {
            b.set_position(done as u64);
        }
    }

    /// Prints a line on standard error above the bar (unless `--quiet`).
    #[cfg_attr(not(feature = "lab"), allow(dead_code))]
    pub fn println(&self, line: &str) {
        match &self.bar {
            Some(b) => b.println(line),
            None => super::note(line),
        }
    }

    /// Removes the bar.
    pub fn finish(self) {
        if let Some(b) = self.bar {
            b.finish_and_clear();
        }
    }
}
