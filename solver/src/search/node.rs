//! Open nodes: a node is its parent's bound changes plus its own, stored as a shared
//! chain of small change lists, never as a copy of the model.

use crate::branch::Direction;
use crate::lp::{Basis, LpRow};
pub use crate::propagation::BoundChange;
use crate::propagation::LocalDomain;
use smallvec::SmallVec;
use std::cmp::Ordering;
use std::sync::Arc;

/// One link of a node's change chain: the changes made at one node (its branching
/// decision and what propagation derived from it), and the link of its parent.
#[derive(Debug)]
pub struct ChainLink {
    /// Changes of this link; within a chain, a later link overrides an earlier one.
    pub changes: SmallVec<[BoundChange; 4]>,
    /// The parent's link.
    pub parent: Option<Arc<ChainLink>>,
}

impl Drop for ChainLink {
    /// Unlinks iteratively, so that dropping a very deep chain cannot overflow the
    /// stack.
    fn drop(&mut self) {
        let mut next = self.parent.take();
        while let Some(link) = next {
            match Arc::try_unwrap(link) {
                Ok(mut owned) => next = owned.parent.take(),
                Err(_) => break,
            }
        }
    }
}

/// Resets `domain` to the root bounds and applies the changes of `chain` (a later
/// link overrides an earlier one).
pub fn load_chain(domain: &mut LocalDomain, chain: Option<&Arc<ChainLink>>) {
    domain.reset();
    let mut link = chain;
    while let Some(l) = link {
        for change in l.changes.iter().rev() {
            domain.apply_unless_seen(change);
        }
        link = l.parent.as_ref();
    }
}

/// How a node was created, for pseudocost learning.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct BranchRecord {
    /// Branching column.
    pub col: usize,
    /// Down or up child.
    pub direction: Direction,
    /// Distance moved (`fraction` or `1 - fraction`).
    pub distance: f64,
    /// LP objective of the parent.
    pub parent_objective: f64,
}

/// An open node of the search tree.
#[derive(Clone, Debug)]
pub struct Node {
    /// Bound changes from the root to this node.
    pub chain: Option<Arc<ChainLink>>,
    /// Lower bound on the objective of the subtree (minimisation form).
    pub bound: f64,
    /// Depth in the tree (root = 0).
    pub depth: u32,
    /// Basis of the parent's LP, to warm-start this node's LP (over the shared
    /// rows and then `cuts`).
    pub basis: Option<Arc<Basis>>,
    /// Rows of the node's LP beyond the shared rows: cuts inherited from its
    /// ancestors (valid in its subtree), shared between siblings.
    pub cuts: Option<Arc<Vec<LpRow>>>,
    /// The branching that created the node.
    pub branched: Option<BranchRecord>,
    /// Creation number, for deterministic tie-breaking.
    pub seq: u64,
}

impl Node {
    /// The root node.
    pub fn root() -> Self {
        Node {
            chain: None,
            bound: f64::NEG_INFINITY,
            depth: 0,
            basis: None,
            cuts: None,
            branched: None,
            seq: 0,
        }
    }
}

/// Best-first order for a max-heap: the node with the smallest bound is the greatest;
/// ties go to the deeper node, then to the older one.
#[derive(Debug)]
pub struct BestFirst(pub Node);

impl PartialEq for BestFirst {
    fn eq(&self, other: &Self) -> bool {
        self.cmp(other) == Ordering::Equal
    }
}

impl Eq for BestFirst {}

impl PartialOrd for BestFirst {
    fn partial_cmp(&self, other: &Self) -> Option<Ordering> {
        Some(self.cmp(other))
    }
}

impl Ord for BestFirst {
    fn cmp(&self, other: &Self) -> Ordering {
        other
            .0
            .bound
            .total_cmp(&self.0.bound)
            .then(self.0.depth.cmp(&other.0.depth))
            .then(other.0.seq.cmp(&self.0.seq))
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::collections::BinaryHeap;

    fn node(bound: f64, depth: u32, seq: u64) -> Node {
        Node {
            bound,
            depth,
            seq,
            ..Node::root()
        }
    }

    #[test]
    fn heap_pops_best_bound_then_deepest_then_oldest() {
        let mut heap = BinaryHeap::new();
        for n in [
            node(3.0, 1, 1),
            node(1.0, 1, 2),
            node(1.0, 4, 3),
            node(1.0, 4, 0),
        ] {
            heap.push(BestFirst(n));
        }
        let order: Vec<u64> = std::iter::from_fn(|| heap.pop().map(|b| b.0.seq)).collect();
        assert_eq!(order, vec![0, 3, 2, 1]);
    }

    #[test]
    fn dropping_a_deep_chain_does_not_overflow() {
        let mut link: Option<Arc<ChainLink>> = None;
        for i in 0..200_000 {
            link = Some(Arc::new(ChainLink {
                changes: SmallVec::from_slice(&[BoundChange {
                    col: i,
                    lower: 0.0,
                    upper: 0.0,
                }]),
                parent: link,
            }));
        }
        drop(link);
    }

    #[test]
    fn load_applies_latest_change_and_resets() {
        let mut d = LocalDomain::new(Arc::new(vec![0.0; 3]), Arc::new(vec![1.0; 3]));
        let parent = Arc::new(ChainLink {
            changes: SmallVec::from_slice(&[BoundChange {
                col: 1,
                lower: 0.0,
                upper: 0.0,
            }]),
            parent: None,
        });
        let child = Arc::new(ChainLink {
            changes: SmallVec::from_slice(&[
                BoundChange {
                    col: 2,
                    lower: 1.0,
                    upper: 1.0,
                },
                BoundChange {
                    col: 1,
                    lower: 0.0,
                    upper: 0.0,
                },
            ]),
            parent: Some(parent.clone()),
        });
        load_chain(&mut d, Some(&child));
        assert_eq!((d.lower[2], d.upper[1]), (1.0, 0.0));
        load_chain(&mut d, Some(&parent));
        assert_eq!((d.lower[2], d.upper[2], d.upper[1]), (0.0, 1.0, 0.0));
        load_chain(&mut d, None);
        assert_eq!(d.upper, vec![1.0; 3]);
    }
}
