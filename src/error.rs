//! The crate's error type and the diagnostics that loading reports.

use serde::{Deserialize, Serialize};
use std::fmt;
use std::path::{Path, PathBuf};

/// A problem with one input file, with the place in it where there is one.
///
/// Loading a story collects these instead of stopping, so that one bad file does not keep
/// the rest of the corpus from loading.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Diagnostic {
    /// The file the problem is in.
    pub path: PathBuf,
    /// 1-based line, where the problem has a place.
    pub line: Option<usize>,
    /// 1-based column, where the problem has a place.
    pub column: Option<usize>,
    /// What is wrong, in words.
    pub message: String,
}

impl Diagnostic {
    /// A problem with a whole file.
    pub fn file(path: impl AsRef<Path>, message: impl Into<String>) -> Diagnostic {
        Diagnostic {
            path: path.as_ref().to_path_buf(),
            line: None,
            column: None,
            message: message.into(),
        }
    }

    /// A problem at a line and column of a file.
    pub fn at(
        path: impl AsRef<Path>,
        line: usize,
        column: usize,
        message: impl Into<String>,
    ) -> Diagnostic {
        Diagnostic {
            path: path.as_ref().to_path_buf(),
            line: Some(line),
            column: Some(column),
            message: message.into(),
        }
    }
}

impl fmt::Display for Diagnostic {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}", self.path.display())?;
        if let Some(line) = self.line {
            write!(f, ":{line}")?;
            if let Some(col) = self.column {
                write!(f, ":{col}")?;
            }
        }
        write!(f, ": {}", self.message)
    }
}

/// Everything that can go wrong in claimgraph.
#[derive(Debug, thiserror::Error)]
pub enum Error {
    /// An input file is malformed (with `--strict`, any load problem becomes this).
    #[error("{0}")]
    Input(Diagnostic),
    /// Several input problems made fatal by strict loading.
    #[error("{} problem(s) in the input:\n{}", .0.len(), .0.iter().map(|d| d.to_string()).collect::<Vec<_>>().join("\n"))]
    Inputs(Vec<Diagnostic>),
    /// A file or folder could not be read or written.
    #[error("{}: {source}", path.display())]
    Io {
        /// The file or folder concerned.
        path: PathBuf,
        /// What the operating system said.
        source: std::io::Error,
    },
    /// A story folder does not exist or is not a folder.
    #[error("{}: {message}", path.display())]
    Story {
        /// The folder concerned.
        path: PathBuf,
        /// What is wrong with it.
        message: String,
    },
    /// Output could not be produced.
    #[error("{0}")]
    Output(String),
}

impl Error {
    /// An I/O error about `path`.
    pub fn io(path: impl AsRef<Path>, source: std::io::Error) -> Error {
        Error::Io {
            path: path.as_ref().to_path_buf(),
            source,
        }
    }
}

/// The crate's result type.
pub type Result<T, E = Error> = std::result::Result<T, E>;
