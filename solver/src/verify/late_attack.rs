//! The late attack: a search that has not decided its cases after
//! [`LATE_ATTACK_DELAY`] gets a second thread that goes on attacking them, each
//! restart of the gradient attack followed by a descent over linear regions
//! ([`super::region_descent`]) from its end point.
//!
//! Counterexamples whose region is a thin sliver are found this way in about a
//! second (ACAS Xu 5_3 property 2 after 67 restarts, 1_9 property 7 after 217),
//! where the search needs minutes: it must refute almost every other box first.
//! Running it for every case before the search would cost every `unsat` case that
//! time (the restarts and LPs of 3_3 property 2: 10 ms each); started late and
//! beside the search, it costs only the cases that are hard anyway, and nothing is
//! thrown away: the search goes on, and is cancelled when the attack succeeds.
//!
//! The timing of a second thread is not reproducible, so deterministic runs make
//! no late attack. Its restarts are capped by work ([`LATE_ATTACK_WORK`]), and the
//! descents are made on networks with at most
//! [`crate::relu::INPUT_SPLIT_MAX_INPUTS`] inputs.

use super::region_descent::RegionDescent;
use super::{check_counterexample, Counterexample};
use crate::nn::attack::{attack_restarts_in_box, AttackSettings};
use crate::nn::property::Property;
use crate::nn::Network;
use crate::relu::INPUT_SPLIT_MAX_INPUTS;
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::mpsc;
use std::sync::Arc;
use std::thread;
use std::time::{Duration, Instant};

/// How long the search runs alone before the late attack starts.
pub const LATE_ATTACK_DELAY: Duration = Duration::from_secs(2);

/// Restarts of the late attack per search at most (each with a descent).
pub const LATE_ATTACK_RESTARTS: usize = 2000;

/// Work of the late attack's gradient steps per search, in multiply-adds: the
/// restarts are cut to fit (ACAS Xu: all 2000; a 784-input network with six
/// hidden layers of 256 units: about 100), so that on large networks the second
/// thread does not take a third of the machine until the time limit.
const LATE_ATTACK_WORK: f64 = 1e10;

/// LPs of one descent at most.
const DESCENT_MAX_LPS: usize = 200;

/// What the late attack needs to know about its cases.
pub(super) struct LateAttack<'a> {
    /// The network.
    pub net: &'a Network,
    /// The property.
    pub property: &'a Property,
    /// The cases of the search (indices into the property's cases).
    pub cases: &'a [usize],
    /// Restarts of each case's seeded sequence made before (skipped).
    pub skip: usize,
    /// Seed of the restarts (each case adds its index plus one, as the first attack).
    pub seed: u64,
    /// The search's deadline.
    pub deadline: Option<Instant>,
}

impl LateAttack<'_> {
    /// Runs `search` with `cancel` as its cancel flag and, after
    /// [`LATE_ATTACK_DELAY`] while it runs, the late attack beside it; the attack
    /// sets `cancel` when it finds a checked counterexample. Returns the search's
    /// result and the counterexample, if any.
    pub fn beside<T>(
        &self,
        cancel: Arc<AtomicBool>,
        search: impl FnOnce() -> T,
    ) -> (T, Option<Counterexample>) {
        let (done_tx, done_rx) = mpsc::channel::<()>();
        thread::scope(|scope| {
            let attacker = scope.spawn(move || {
                match done_rx.recv_timeout(LATE_ATTACK_DELAY) {
                    Err(mpsc::RecvTimeoutError::Timeout) => {}
                    _ => return None,
                }
                let found = self.run(&|| done_rx.try_recv() != Err(mpsc::TryRecvError::Empty));
                if found.is_some() {
                    cancel.store(true, Ordering::Relaxed);
                }
                found
            });
            let result = search();
            // Ends the attacker's wait, or its restarts at the next one.
            drop(done_tx);
            let found = attacker.join().unwrap_or(None);
            (result, found)
        })
    }

    /// Attacks the cases in turn until `stop` says so, the deadline passes or
    /// their restarts are spent; the first checked counterexample.
    fn run(&self, stop: &dyn Fn() -> bool) -> Option<Counterexample> {
        let weights: usize = self.net.layers().iter().map(|l| l.weights().len()).sum();
        let per_restart = (2 * weights * AttackSettings::default().steps.max(1)) as f64;
        let restarts = ((LATE_ATTACK_WORK / per_restart) as usize).min(LATE_ATTACK_RESTARTS);
        let per_case = (restarts / self.cases.len().max(1)).max(1);
        // Descents are measured on networks with few inputs only (the LP of a
        // large input grows with it, and so do the units at zero at its optimum).
        let descend = self.net.input_dim() <= INPUT_SPLIT_MAX_INPUTS;
        for &c in self.cases {
            let case = &self.property.cases[c];
            let mut descent = descend
                .then(|| RegionDescent::new(self.net, case).ok())
                .flatten();
            let settings = AttackSettings {
                restarts: per_case,
                skip: self.skip,
                seed: self.seed.wrapping_add(c as u64 + 1),
                deadline: self.deadline,
                ..AttackSettings::default()
            };
            let mut found = None;
            attack_restarts_in_box(
                self.net,
                case,
                &case.input_lower,
                &case.input_upper,
                &settings,
                &mut |end| {
                    if stop() {
                        return true;
                    }
                    let mut candidate = (end.margin <= 0.0).then(|| end.input.clone());
                    if candidate.is_none() {
                        candidate = descent
                            .as_mut()
                            .and_then(|d| d.descend(&end.input, DESCENT_MAX_LPS, self.deadline))
                            .filter(|e| e.margin <= 0.0)
                            .map(|e| e.input);
                    }
                    found = candidate
                        .and_then(|x| check_counterexample(self.net, self.property, c, &x));
                    found.is_some()
                },
            );
            if found.is_some() || stop() || crate::interrupt::past(self.deadline) {
                return found;
            }
        }
        None
    }
}
