//! The best solution found so far, shared by all workers.

use std::sync::atomic::{AtomicU64, Ordering};
use std::sync::Mutex;

/// Best known solution (minimisation form objective, without the constant).
#[derive(Debug)]
pub struct Incumbent {
    value_bits: AtomicU64,
    best: Mutex<Option<(f64, Vec<f64>)>>,
}

impl Default for Incumbent {
    fn default() -> Self {
        Incumbent {
            value_bits: AtomicU64::new(f64::INFINITY.to_bits()),
            best: Mutex::new(None),
        }
    }
}

impl Incumbent {
    /// Objective of the incumbent (`+inf` when there is none). Lock-free.
    pub fn value(&self) -> f64 {
        f64::from_bits(self.value_bits.load(Ordering::Acquire))
    }

    /// Installs `x` if its objective is better than the incumbent's; returns whether it
    /// did.
    pub fn offer(&self, objective: f64, x: &[f64]) -> bool {
        let mut best = match self.best.lock() {
            Ok(guard) => guard,
            Err(poisoned) => poisoned.into_inner(),
        };
        let improves = best.as_ref().is_none_or(|(value, _)| objective < *value);
        if improves {
            *best = Some((objective, x.to_vec()));
            self.value_bits
                .store(objective.to_bits(), Ordering::Release);
        }
        improves
    }

    /// A copy of the incumbent.
    pub fn get(&self) -> Option<(f64, Vec<f64>)> {
        match self.best.lock() {
            Ok(guard) => guard.clone(),
            Err(poisoned) => poisoned.into_inner().clone(),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn keeps_the_best_offer() {
        let inc = Incumbent::default();
        assert_eq!(inc.value(), f64::INFINITY);
        assert!(inc.offer(5.0, &[1.0]));
        assert!(!inc.offer(6.0, &[2.0]));
        assert!(inc.offer(4.0, &[3.0]));
        assert_eq!(inc.get(), Some((4.0, vec![3.0])));
    }
}
