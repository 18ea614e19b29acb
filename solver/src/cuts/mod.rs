//! Cutting planes: separators (one file each, behind the [`Separator`] trait), the
//! families that name them ([`CutFamily`], sets of them in [`CutFamilies`]), the
//! registry that builds them, the root cut loop, the choice of cuts
//! ([`select_cuts`]) and a pool of global cuts with aging ([`CutPool`]).
//!
//! Root cuts are derived from the root LP with the root bounds, which are global, so
//! every such cut is valid for the whole tree; the cuts that are still active after
//! the last round become rows of the LP relaxation that every worker loads, the
//! others can fill a [`CutPool`]. ReLU cuts separated with a node's bounds
//! ([`ReluSeparator::separate_at`]) are valid in the node's subtree only. Solutions
//! are always checked against the original model, never against cuts.
//!
//! Adding a family: a file with a type implementing [`Separator`], a variant of
//! [`CutFamily`] (with its name), and its line in the registry ([`separators`]).

mod cut;
mod family;
mod gomory;
mod knapsack_cover;
mod pool;
mod registry;
mod relu;
mod root_loop;
mod select;
mod separator;

pub use cut::{finish_cut, finish_sparse_cut, Cut, MIN_EFFICACY};
pub use family::{CutFamilies, CutFamily};
pub use gomory::{gomory_mixed_integer, GomorySeparator};
pub use knapsack_cover::{knapsack_covers, KnapsackCoverSeparator};
pub use pool::CutPool;
pub use registry::{separators, SeparatorSources};
pub use relu::ReluSeparator;
pub use root_loop::{root_cut_loop, CutReport, FamilyReport};
pub use select::{cosine, select_cuts, MAX_PARALLELISM};
pub use separator::{SeparationInput, Separator};
