//! The error type of every fallible library call.
//!
//! Errors are for bad input and failed I/O. Outcomes of a solve (infeasible,
//! unbounded, limits reached) are statuses, never errors.

use std::path::Path;

/// An error reading, parsing or validating input.
#[derive(Debug, thiserror::Error)]
pub enum Error {
    /// A syntax or content error at a known place in a file.
    #[error("{file}:{line}: {message}")]
    Parse {
        /// The file as given by the user.
        file: String,
        /// 1-based line number.
        line: usize,
        /// What was found and what was expected.
        message: String,
    },
    /// A feature of the input format that relumip does not support.
    #[error("{file}:{line}: unsupported: {what}")]
    Unsupported {
        /// The file as given by the user.
        file: String,
        /// 1-based line number (0 when the place is not a line).
        line: usize,
        /// The unsupported feature.
        what: String,
    },
    /// A file could not be opened, read or written.
    #[error("{file}: {cause}")]
    Io {
        /// The file as given by the user.
        file: String,
        /// The underlying error (in the message, so not repeated as a source).
        cause: std::io::Error,
    },
    /// Input that is well-formed but inconsistent (dimensions, references, values).
    #[error("{0}")]
    Invalid(String),
}

impl Error {
    /// A parse error at `line` of `file`.
    pub fn parse(file: &str, line: usize, message: impl Into<String>) -> Self {
        Error::Parse {
            file: file.to_string(),
            line,
            message: message.into(),
        }
    }

    /// An I/O error on `path`.
    pub fn io(path: &Path, source: std::io::Error) -> Self {
        Error::Io {
            file: path.display().to_string(),
            cause: source,
        }
    }
}

/// Result alias of the library.
pub type Result<T> = std::result::Result<T, Error>;
