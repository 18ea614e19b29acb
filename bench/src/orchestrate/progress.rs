//! The progress bar of a run and the lines printed above it.

use indicatif::{ProgressBar, ProgressState, ProgressStyle};
use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant};

/// A progress bar over `len` steps (hidden when `quiet`) that also shows the seconds
/// since `run_started`, the start of the current step.
pub(super) fn progress_bar(len: u64, quiet: bool, run_started: Arc<Mutex<Instant>>) -> ProgressBar {
    if quiet {
        return ProgressBar::hidden();
    }
    let bar = ProgressBar::new(len);
    let style = ProgressStyle::with_template(
        "{spinner} [{elapsed_precise}] {bar:28} {pos}/{len} {msg} ({run})",
    )
    .map(|s| {
        s.with_key(
            "run",
            move |_: &ProgressState, w: &mut dyn std::fmt::Write| {
                let secs = run_started
                    .lock()
                    .map_or(0.0, |t| t.elapsed().as_secs_f64());
                let _ = write!(w, "{secs:.0} s");
            },
        )
    });
    if let Ok(style) = style {
        bar.set_style(style);
    }
    bar.enable_steady_tick(Duration::from_millis(250));
    bar
}

/// Prints a line above the bar (or on stderr when the bar is not drawn).
pub(super) fn say(bar: &ProgressBar, quiet: bool, line: String) {
    if quiet {
        return;
    }
    if bar.is_hidden() {
        eprintln!("{line}");
    } else {
        bar.println(line);
    }
}
