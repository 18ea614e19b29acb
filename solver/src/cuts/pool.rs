//! A pool of globally valid cuts that are not rows of the LP, with aging.
//!
//! The pool starts with the cuts the root cut loop left out of the LP. At a node,
//! the pool's cuts violated by the LP point are offered ([`CutPool::violated`]) and
//! added to the node's LP; after the node's last LP each offered cut is reported
//! back ([`CutPool::record`]): active (its row tight) resets its age, inactive adds
//! one. A cut inactive at `max_age` consecutive uses leaves the pool for good.
//!
//! Everything is deterministic: cuts keep their order, ties in violation are broken
//! by position, and nothing depends on time.

use super::{finish_sparse_cut, Cut};
use crate::lp::LpRow;

/// One cut of the pool and its age.
#[derive(Clone, Debug)]
struct PoolCut {
    row: LpRow,
    /// Consecutive uses in which the cut was inactive.
    age: u32,
}

/// Globally valid `>=` cuts with their ages (see the module documentation).
#[derive(Clone, Debug, Default)]
pub struct CutPool {
    cuts: Vec<PoolCut>,
    max_age: u32,
    aged_out: u64,
}

impl CutPool {
    /// A pool of `rows` (each `entries >= lower`, as separators build them); a cut
    /// inactive at `max_age` consecutive uses leaves it (`max_age` at least 1).
    pub fn new(rows: Vec<LpRow>, max_age: u32) -> CutPool {
        CutPool {
            cuts: rows
                .into_iter()
                .filter(|r| r.lower.is_finite() && r.upper == f64::INFINITY)
                .map(|row| PoolCut { row, age: 0 })
                .collect(),
            max_age: max_age.max(1),
            aged_out: 0,
        }
    }

    /// Number of cuts in the pool.
    pub fn len(&self) -> usize {
        self.cuts.len()
    }

    /// True when the pool holds no cut.
    pub fn is_empty(&self) -> bool {
        self.cuts.is_empty()
    }

    /// Cuts that left the pool by aging so far.
    pub fn aged_out(&self) -> u64 {
        self.aged_out
    }

    /// The pool's cuts violated at `point` with an efficacy of at least
    /// [`super::MIN_EFFICACY`], as `(position, cut)` by decreasing efficacy (ties by
    /// position), at most `max_cuts` of them. `lower`, `upper` are the column
    /// bounds, used only by the checks of [`finish_sparse_cut`].
    pub fn violated(
        &self,
        lower: &[f64],
        upper: &[f64],
        point: &[f64],
        max_cuts: usize,
    ) -> Vec<(usize, Cut)> {
        let len = point.len().min(lower.len()).min(upper.len());
        let mut found: Vec<(usize, Cut)> = self
            .cuts
            .iter()
            .enumerate()
            .filter(|(_, c)| c.row.entries.last().is_some_and(|e| e.0 < len))
            .filter_map(|(k, c)| {
                let activity: f64 = c.row.entries.iter().map(|&(j, a)| a * point[j]).sum();
                if activity >= c.row.lower {
                    return None;
                }
                // The pool's row is already safe: rebuild it unrelaxed for its efficacy.
                finish_sparse_cut(c.row.entries.clone(), c.row.lower, lower, upper, point).map(
                    |cut| {
                        (
                            k,
                            Cut {
                                row: c.row.clone(),
                                ..cut
                            },
                        )
                    },
                )
            })
            .collect();
        found.sort_by(|a, b| b.1.efficacy.total_cmp(&a.1.efficacy).then(a.0.cmp(&b.0)));
        found.truncate(max_cuts);
        found
    }

    /// Reports the uses of one node: `(position, active)` for every cut offered by
    /// [`CutPool::violated`] and added to its LP (positions as `violated` gave them,
    /// before this call). Ages are updated, and cuts at `max_age` leave the pool.
    pub fn record(&mut self, uses: &[(usize, bool)]) {
        let mut any_old = false;
        for &(k, active) in uses {
            if let Some(cut) = self.cuts.get_mut(k) {
                cut.age = if active { 0 } else { cut.age + 1 };
                any_old |= cut.age >= self.max_age;
            }
        }
        if any_old {
            let before = self.cuts.len();
            let max_age = self.max_age;
            self.cuts.retain(|c| c.age < max_age);
            self.aged_out += (before - self.cuts.len()) as u64;
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn row(entries: Vec<(usize, f64)>, lower: f64) -> LpRow {
        LpRow {
            entries,
            lower,
            upper: f64::INFINITY,
        }
    }

    #[test]
    fn violated_cuts_best_first_and_aging() {
        let rows = vec![
            row(vec![(0, 1.0)], 0.5),
            row(vec![(1, 1.0)], 0.9),
            row(vec![(0, 1.0), (1, 1.0)], 0.1),
            // Not a `>=` cut: refused.
            row(vec![(0, 1.0)], f64::NEG_INFINITY),
        ];
        let mut pool = CutPool::new(rows, 2);
        assert_eq!(pool.len(), 3);
        let (lower, upper) = (vec![0.0; 2], vec![1.0; 2]);
        let point = [0.0, 0.0];
        let found = pool.violated(&lower, &upper, &point, 10);
        let positions: Vec<usize> = found.iter().map(|f| f.0).collect();
        assert_eq!(positions, vec![1, 0, 2]);
        assert_eq!(pool.violated(&lower, &upper, &point, 1).len(), 1);
        assert!(pool.violated(&lower, &upper, &[1.0, 1.0], 10).is_empty());
        // Cut 0 inactive twice leaves; cut 1 active stays young.
        pool.record(&[(0, false), (1, true)]);
        assert_eq!(pool.len(), 3);
        pool.record(&[(0, false), (1, false), (2, true)]);
        assert_eq!(pool.len(), 2);
        assert_eq!(pool.aged_out(), 1);
        // Positions shifted: the former cut 1 is now 0 (age 1), one more use ends it.
        pool.record(&[(0, false)]);
        assert_eq!(pool.len(), 1);
        assert_eq!(
            pool.violated(&lower, &upper, &point, 10)[0].1.row.lower,
            0.1
        );
    }
}
