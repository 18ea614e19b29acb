//! Deterministic parallel search in synchronous rounds.
//!
//! Each round takes the best open nodes (ties broken by creation number), deals them
//! round-robin to the workers, and lets every worker process its share, plunging into
//! children up to a fixed node budget, with the incumbent as it was at the start of
//! the round plus what the worker itself found. At the end of the round the results
//! are merged in worker order: solutions offered in that order, new open nodes
//! numbered in that order. Nothing depends on timing, so the same thread count gives
//! the same answer, node count and log lines on every run (only the printed times
//! differ). A time limit, by nature, ends the run at a time-dependent point.

use super::context::SearchContext;
use super::node::{BestFirst, Node};
use super::pool::MAX_PLUNGE;
use super::processor::{Outcome, Processor};
use super::result::{SearchStats, Status};
use super::shared::{atomic_min, ProgressKind, Shared};
use crate::branch::BranchingRule;
use rayon::prelude::*;
use std::collections::BinaryHeap;
use std::sync::atomic::Ordering;
use std::time::Instant;

/// Nodes dealt to each worker per round.
const NODES_PER_WORKER: usize = 4;
/// Most nodes a worker processes per round (dealt nodes and plunges together).
const BUDGET_PER_WORKER: u64 = 32;

/// Node count of the first periodic log line; later ones follow the 1-2-5 series.
const FIRST_LOG_MILESTONE: u64 = 1000;

/// The smallest number of the series 1000, 2000, 5000, 10000, ... above `nodes`.
fn next_milestone(nodes: u64) -> u64 {
    let mut scale = FIRST_LOG_MILESTONE;
    loop {
        for m in [1, 2, 5] {
            if m * scale > nodes {
                return m * scale;
            }
        }
        scale = scale.saturating_mul(10);
    }
}

/// What one worker did in one round.
#[derive(Default)]
struct RoundResult {
    open: Vec<Node>,
    solutions: Vec<(f64, Vec<f64>)>,
    closed_min: f64,
    unresolved_min: f64,
    nodes: u64,
    iterations: u64,
    unbounded: bool,
    interrupted: bool,
    root_done: bool,
}

/// Runs the search from `root`; returns the merged statistics and the smallest bound
/// of the nodes left open.
pub fn run(
    ctx: &SearchContext<'_>,
    shared: &Shared<'_>,
    rule: &dyn BranchingRule,
    root: Node,
) -> (SearchStats, f64) {
    let threads = ctx.settings.threads.max(1);
    let mut procs: Vec<Processor<'_, '_>> = (0..threads)
        .map(|_| Processor::new(ctx, rule.fork()))
        .collect();
    let thread_pool = rayon::ThreadPoolBuilder::new()
        .num_threads(threads)
        .build()
        .ok();
    let mut heap = BinaryHeap::new();
    heap.push(BestFirst(root));
    let mut next_seq = 1u64;
    let mut next_log = FIRST_LOG_MILESTONE;
    let mut incumbent_updates = 0;
    let mut memory_checked = Instant::now();
    loop {
        if heap.is_empty() || shared.stopping() {
            break;
        }
        if ctx.out_of_time() {
            shared.request_stop(ctx.limit_status());
            break;
        }
        // Best-first rounds are kept (diving would change the node order); the
        // memory limit only stops the run.
        if memory_checked.elapsed() >= super::memory::CHECK_INTERVAL {
            memory_checked = Instant::now();
            ctx.watch_memory(shared);
            if shared.stopping() {
                break;
            }
        }
        let done = shared.nodes.load(Ordering::Acquire);
        let remaining = ctx
            .settings
            .node_limit
            .map_or(u64::MAX, |l| l.saturating_sub(done));
        if remaining == 0 {
            shared.request_stop(Status::NodeLimit);
            break;
        }
        let mut dealt: Vec<Vec<Node>> = (0..threads).map(|_| Vec::new()).collect();
        for k in 0..threads * NODES_PER_WORKER {
            match heap.pop() {
                Some(BestFirst(node)) => dealt[k % threads].push(node),
                None => break,
            }
        }
        let budget_each = BUDGET_PER_WORKER
            .min(remaining.div_ceil(threads as u64))
            .max(1);
        let mut budgets = vec![budget_each; threads];
        // Never exceed the node limit: trim the budgets of the last workers.
        let mut excess = (budget_each * threads as u64).saturating_sub(remaining);
        for b in budgets.iter_mut().rev() {
            let cut = excess.min(*b);
            *b -= cut;
            excess -= cut;
        }
        let incumbent = shared.incumbent.value();
        let global = heap.peek().map_or(f64::INFINITY, |b| b.0.bound).min(
            dealt
                .iter()
                .flatten()
                .map(|n| n.bound)
                .fold(f64::INFINITY, f64::min),
        );
        let jobs: Vec<_> = procs.iter_mut().zip(dealt).zip(budgets).collect();
        let round = |((proc, nodes), budget): ((&mut Processor<'_, '_>, Vec<Node>), u64)| {
            work_round(ctx, proc, nodes, incumbent, global, budget)
        };
        let results: Vec<RoundResult> = match &thread_pool {
            Some(tp) if threads > 1 => tp.install(|| jobs.into_par_iter().map(round).collect()),
            _ => jobs.into_iter().map(round).collect(),
        };
        // Merge in worker order.
        let mut unbounded = false;
        let mut interrupted = false;
        let mut root_done = false;
        let mut solutions = Vec::new();
        for r in results {
            shared.nodes.fetch_add(r.nodes, Ordering::AcqRel);
            shared
                .lp_iterations
                .fetch_add(r.iterations, Ordering::AcqRel);
            shared.close(r.closed_min);
            atomic_min(&shared.unresolved_min, r.unresolved_min);
            for mut node in r.open {
                node.seq = next_seq;
                next_seq += 1;
                heap.push(BestFirst(node));
            }
            solutions.extend(r.solutions);
            unbounded |= r.unbounded;
            interrupted |= r.interrupted;
            root_done |= r.root_done;
        }
        shared.open.store(heap.len() as u64, Ordering::Release);
        let open_bound = heap.peek().map_or(f64::INFINITY, |b| b.0.bound);
        if root_done {
            shared.report(ctx, ProgressKind::Root, open_bound);
        }
        for (objective, x) in solutions {
            if ctx.wanted(objective) && shared.incumbent.offer(objective, &x) {
                if ctx.settings.stop_at_first_solution {
                    shared.request_stop(Status::SolutionLimit);
                }
                incumbent_updates += 1;
                shared.report(ctx, ProgressKind::Incumbent, open_bound);
            }
        }
        let nodes = shared.nodes.load(Ordering::Acquire);
        if nodes >= next_log {
            shared.report(ctx, ProgressKind::Periodic, open_bound);
            next_log = next_milestone(nodes);
        }
        if unbounded {
            shared.request_stop(Status::Unbounded);
        } else if interrupted {
            shared.request_stop(ctx.limit_status());
        }
    }
    let mut stats = SearchStats {
        incumbent_updates,
        ..SearchStats::default()
    };
    for p in &procs {
        stats.merge(&p.stats);
    }
    (stats, heap.peek().map_or(f64::INFINITY, |b| b.0.bound))
}

fn work_round(
    ctx: &SearchContext<'_>,
    proc: &mut Processor<'_, '_>,
    dealt: Vec<Node>,
    incumbent: f64,
    global: f64,
    budget: u64,
) -> RoundResult {
    let mut out = RoundResult {
        closed_min: f64::INFINITY,
        unresolved_min: f64::INFINITY,
        ..RoundResult::default()
    };
    let mut local_incumbent = incumbent;
    for node in dealt {
        let mut current = Some((node, false));
        let mut plunged = 0u32;
        while let Some((node, warm)) = current.take() {
            if out.nodes >= budget || out.interrupted || out.unbounded {
                out.open.push(node);
                continue;
            }
            out.nodes += 1;
            let is_root = node.depth == 0 && node.chain.is_none();
            let processed = proc.process(node, local_incumbent, warm);
            out.root_done |= is_root;
            for (objective, x) in processed.solutions {
                if objective < local_incumbent {
                    local_incumbent = objective;
                    out.solutions.push((objective, x));
                }
            }
            if let Some(b) = processed.unresolved_bound {
                out.unresolved_min = out.unresolved_min.min(b);
            }
            match processed.outcome {
                Outcome::Closed { bound } => out.closed_min = out.closed_min.min(bound),
                Outcome::Branched { children } => {
                    let [first, second] = children;
                    out.open.push(second);
                    let inc = local_incumbent;
                    let dive = !inc.is_finite()
                        || first.bound >= ctx.cutoff(inc)
                        || !global.is_finite()
                        || first.bound <= global + 0.3 * (inc - global);
                    plunged += 1;
                    if dive && plunged < MAX_PLUNGE {
                        current = Some((first, true));
                    } else {
                        out.open.push(first);
                    }
                }
                Outcome::Unbounded => out.unbounded = true,
                Outcome::Interrupted(node) => {
                    out.open.push(node);
                    out.interrupted = true;
                }
            }
        }
    }
    out.iterations = proc.take_new_iterations();
    out
}

#[cfg(test)]
mod tests {
    use super::next_milestone;

    #[test]
    fn log_milestones_follow_the_1_2_5_series() {
        assert_eq!(next_milestone(0), 1000);
        assert_eq!(next_milestone(1000), 2000);
        assert_eq!(next_milestone(4999), 5000);
        assert_eq!(next_milestone(5000), 10000);
        assert_eq!(next_milestone(123_456), 200_000);
    }
}
