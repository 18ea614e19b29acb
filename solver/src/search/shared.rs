//! State shared by the workers of a run: incumbent, counters, open-node accounting,
//! stop flag and progress reporting. Used by both schedulers.

use super::context::SearchContext;
use super::incumbent::Incumbent;
use super::result::{relative_gap, Status};
use std::sync::atomic::{AtomicBool, AtomicU64, Ordering};
use std::sync::Mutex;
use std::time::Duration;

/// Why a progress line is printed.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum ProgressKind {
    /// The root node was solved.
    Root,
    /// A periodic line.
    Periodic,
    /// A new incumbent was found.
    Incumbent,
}

/// A snapshot of the search, in the model's objective sense.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Progress {
    /// Why it was taken.
    pub kind: ProgressKind,
    /// Nodes processed.
    pub nodes: u64,
    /// Open nodes.
    pub open: u64,
    /// Simplex iterations so far.
    pub lp_iterations: u64,
    /// Objective of the incumbent.
    pub incumbent: Option<f64>,
    /// Best bound.
    pub bound: f64,
    /// Relative gap.
    pub gap: f64,
    /// Time since the start of the solve.
    pub elapsed: Duration,
}

/// Receives progress snapshots (the command line prints them as log lines).
pub trait ProgressSink: Sync {
    /// Called from any worker thread.
    fn progress(&self, progress: &Progress);
}

/// A sink that ignores everything.
pub struct NoProgress;

impl ProgressSink for NoProgress {
    fn progress(&self, _progress: &Progress) {}
}

/// Lock-free minimum of an `f64` stored as bits.
pub fn atomic_min(cell: &AtomicU64, value: f64) {
    let mut current = cell.load(Ordering::Acquire);
    while value < f64::from_bits(current) {
        match cell.compare_exchange_weak(
            current,
            value.to_bits(),
            Ordering::AcqRel,
            Ordering::Acquire,
        ) {
            Ok(_) => return,
            Err(seen) => current = seen,
        }
    }
}

/// Shared run state.
pub struct Shared<'s> {
    /// Best solution.
    pub incumbent: Incumbent,
    /// Set when the run must stop.
    pub stop: AtomicBool,
    /// Why it stopped early (time or node limit, unbounded root).
    pub stop_status: Mutex<Option<Status>>,
    /// Nodes started.
    pub nodes: AtomicU64,
    /// Simplex iterations.
    pub lp_iterations: AtomicU64,
    /// Open nodes (queued or being processed).
    pub open: AtomicU64,
    /// Smallest bound of a closed subtree (minimisation form).
    pub closed_min: AtomicU64,
    /// Smallest bound of a node that could not be resolved.
    pub unresolved_min: AtomicU64,
    /// Set when memory runs short: workers always continue with a child.
    pub dive: AtomicBool,
    /// Receives progress snapshots.
    pub sink: &'s dyn ProgressSink,
}

impl<'s> Shared<'s> {
    /// Fresh state with one open node (the root).
    pub fn new(sink: &'s dyn ProgressSink) -> Self {
        Shared {
            incumbent: Incumbent::default(),
            stop: AtomicBool::new(false),
            stop_status: Mutex::new(None),
            nodes: AtomicU64::new(0),
            lp_iterations: AtomicU64::new(0),
            open: AtomicU64::new(1),
            closed_min: AtomicU64::new(f64::INFINITY.to_bits()),
            unresolved_min: AtomicU64::new(f64::INFINITY.to_bits()),
            dive: AtomicBool::new(false),
            sink,
        }
    }

    /// Requests a stop for `status`; the first request wins.
    pub fn request_stop(&self, status: Status) {
        let mut slot = match self.stop_status.lock() {
            Ok(g) => g,
            Err(p) => p.into_inner(),
        };
        if slot.is_none() {
            *slot = Some(status);
        }
        self.stop.store(true, Ordering::Release);
    }

    /// True once a stop was requested.
    pub fn stopping(&self) -> bool {
        self.stop.load(Ordering::Acquire)
    }

    /// The status of an early stop, if any.
    pub fn stop_status(&self) -> Option<Status> {
        match self.stop_status.lock() {
            Ok(g) => *g,
            Err(p) => *p.into_inner(),
        }
    }

    /// Records the bound of a closed subtree.
    pub fn close(&self, bound: f64) {
        atomic_min(&self.closed_min, bound);
    }

    /// Bound of everything closed or unresolved so far.
    pub fn closed_bound(&self) -> f64 {
        f64::from_bits(self.closed_min.load(Ordering::Acquire))
            .min(f64::from_bits(self.unresolved_min.load(Ordering::Acquire)))
    }

    /// Emits a progress snapshot with `open_bound` the smallest bound of open nodes.
    pub fn report(&self, ctx: &SearchContext<'_>, kind: ProgressKind, open_bound: f64) {
        let (incumbent, bound) = self.model_objective_and_bound(ctx, open_bound);
        self.sink.progress(&Progress {
            kind,
            nodes: self.nodes.load(Ordering::Relaxed),
            open: self.open.load(Ordering::Relaxed),
            lp_iterations: self.lp_iterations.load(Ordering::Relaxed),
            incumbent,
            bound,
            gap: relative_gap(incumbent, bound),
            elapsed: ctx.start.elapsed(),
        });
    }

    /// Incumbent objective and global bound in the model's sense.
    pub fn model_objective_and_bound(
        &self,
        ctx: &SearchContext<'_>,
        open_bound: f64,
    ) -> (Option<f64>, f64) {
        let inc = self.incumbent.value();
        let internal_bound = ctx.strengthen_bound(open_bound.min(self.closed_bound()).min(inc));
        let incumbent = inc.is_finite().then(|| ctx.to_model_objective(inc));
        let bound = if internal_bound.is_finite() {
            ctx.to_model_objective(internal_bound)
        } else {
            ctx.sense_sign() * internal_bound
        };
        (incumbent, bound)
    }
}
