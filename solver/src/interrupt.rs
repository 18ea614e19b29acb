//! A stop request for the whole process: the command-line tool sets it on Ctrl-C
//! (SIGINT) or SIGTERM, and every long-running phase (the search, LP solves, bound
//! tightening, attacks, training) treats it as its time limit having passed, so a
//! run ends with what it found and its outputs are still written.
//!
//! The request is process-wide on purpose: a signal is. Library users that embed
//! the solver can call [`request`] from their own handler.

use std::sync::atomic::{AtomicBool, Ordering};
use std::time::Instant;

static REQUESTED: AtomicBool = AtomicBool::new(false);

/// Asks every running phase to stop as at its time limit. Returns true when a stop
/// had already been requested (a second request: the caller may exit at once).
pub fn request() -> bool {
    REQUESTED.swap(true, Ordering::SeqCst)
}

/// Whether a stop has been requested.
pub fn requested() -> bool {
    REQUESTED.load(Ordering::Relaxed)
}

/// Whether work under `deadline` must stop now: a stop was requested or the
/// deadline has passed.
pub fn past(deadline: Option<Instant>) -> bool {
    requested() || deadline.is_some_and(|d| Instant::now() >= d)
}
