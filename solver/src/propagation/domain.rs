//! A worker's column bounds at one node: the root bounds plus the node's changes,
//! restored in time proportional to the changes, not to the model.

use std::sync::Arc;

/// New bounds of one column.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct BoundChange {
    /// Column index.
    pub col: usize,
    /// New lower bound.
    pub lower: f64,
    /// New upper bound.
    pub upper: f64,
}

/// Column bounds at the node being processed.
#[derive(Debug, Clone)]
pub struct LocalDomain {
    /// Current lower bounds.
    pub lower: Vec<f64>,
    /// Current upper bounds.
    pub upper: Vec<f64>,
    root_lower: Arc<Vec<f64>>,
    root_upper: Arc<Vec<f64>>,
    /// Columns whose bounds differ from the root's.
    touched: Vec<usize>,
    seen: Vec<u32>,
    generation: u32,
}

impl LocalDomain {
    /// A domain holding the root bounds.
    pub fn new(root_lower: Arc<Vec<f64>>, root_upper: Arc<Vec<f64>>) -> Self {
        let n = root_lower.len();
        LocalDomain {
            lower: root_lower.as_ref().clone(),
            upper: root_upper.as_ref().clone(),
            root_lower,
            root_upper,
            touched: Vec::new(),
            seen: vec![0; n],
            generation: 0,
        }
    }

    /// Columns whose bounds differ from the root bounds.
    pub fn touched(&self) -> &[usize] {
        &self.touched
    }

    /// Resets to the root bounds and starts a new load: afterwards,
    /// [`LocalDomain::apply_unless_seen`] applies changes from the newest to the oldest.
    pub fn reset(&mut self) {
        for &j in &self.touched {
            self.lower[j] = self.root_lower[j];
            self.upper[j] = self.root_upper[j];
        }
        self.touched.clear();
        self.generation = self.generation.wrapping_add(1);
        if self.generation == 0 {
            self.seen.iter_mut().for_each(|s| *s = 0);
            self.generation = 1;
        }
    }

    /// Applies `change` unless a change of the same column was applied since the last
    /// [`LocalDomain::reset`] (loading newest first, the newest change wins).
    pub fn apply_unless_seen(&mut self, change: &BoundChange) {
        if self.seen[change.col] != self.generation {
            self.seen[change.col] = self.generation;
            self.lower[change.col] = change.lower;
            self.upper[change.col] = change.upper;
            self.touched.push(change.col);
        }
    }

    /// Sets new bounds for a column, remembering that it differs from the root.
    pub fn set(&mut self, col: usize, lower: f64, upper: f64) {
        if self.seen[col] != self.generation {
            self.seen[col] = self.generation;
            self.touched.push(col);
        }
        self.lower[col] = lower;
        self.upper[col] = upper;
    }

    /// True when some column has crossing bounds.
    pub fn is_empty_at(&self, col: usize) -> bool {
        self.lower[col] > self.upper[col]
    }
}
