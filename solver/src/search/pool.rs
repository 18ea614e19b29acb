//! Opportunistic parallel search: one worker per thread, open nodes in a
//! work-stealing pool.
//!
//! Each worker keeps its own open nodes in a best-first heap and dives into one child
//! of every node it branches (plunging) while that child's bound stays close to the
//! best bound. When another worker is idle, a busy worker moves some of its best nodes
//! into its crossbeam deque, where idle workers steal them; the root enters through
//! the global injector. Idle workers look locally, then in the injector, then steal.
//!
//! Accounting that makes termination and bounds right:
//! - `open` counts every node that exists (in a heap, a deque, the injector or being
//!   processed); children are counted before their parent is uncounted, so `open`
//!   reaches zero only when the whole tree is processed, and idle workers stop then.
//! - each worker publishes the smallest bound among its own nodes; nodes in deques or
//!   the injector are kept in a shared multiset from before they leave a worker until
//!   after the receiving worker has published them. The global bound is the minimum of
//!   both, never larger than the true one.

use super::context::SearchContext;
use super::node::{BestFirst, Node};
use super::processor::{Outcome, Processor};
use super::result::{SearchStats, Status};
use super::shared::{atomic_min, ProgressKind, Shared};
use crate::branch::BranchingRule;
use crossbeam_deque::{Injector, Steal, Stealer, Worker};
use crossbeam_utils::Backoff;
use std::collections::{BTreeMap, BinaryHeap};
use std::sync::atomic::{AtomicU64, AtomicUsize, Ordering};
use std::sync::Mutex;
use std::time::{Duration, Instant};

/// Most consecutive nodes of one plunge; then the worker returns to its best node.
pub const MAX_PLUNGE: u32 = 20;

/// Largest number of nodes a worker hands over at once.
const MAX_SHARE: usize = 4;

/// Key of an `f64` whose integer order is the float's total order.
fn ordered_key(x: f64) -> u64 {
    let bits = x.to_bits();
    if bits >> 63 == 1 {
        !bits
    } else {
        bits | (1 << 63)
    }
}

fn key_value(key: u64) -> f64 {
    if key >> 63 == 1 {
        f64::from_bits(key & !(1 << 63))
    } else {
        f64::from_bits(!key)
    }
}

/// Bounds of the nodes travelling between workers.
#[derive(Default)]
struct Transit(Mutex<BTreeMap<u64, usize>>);

impl Transit {
    fn with<R>(&self, f: impl FnOnce(&mut BTreeMap<u64, usize>) -> R) -> R {
        match self.0.lock() {
            Ok(mut g) => f(&mut g),
            Err(p) => f(&mut p.into_inner()),
        }
    }

    fn add(&self, bound: f64) {
        self.with(|m| *m.entry(ordered_key(bound)).or_insert(0) += 1);
    }

    fn remove(&self, bound: f64) {
        self.with(|m| {
            let key = ordered_key(bound);
            if let Some(count) = m.get_mut(&key) {
                *count -= 1;
                if *count == 0 {
                    m.remove(&key);
                }
            }
        });
    }

    fn min(&self) -> f64 {
        self.with(|m| m.keys().next().map_or(f64::INFINITY, |&k| key_value(k)))
    }
}

struct Pool<'s> {
    shared: &'s Shared<'s>,
    injector: Injector<Node>,
    stealers: Vec<Stealer<Node>>,
    worker_bounds: Vec<AtomicU64>,
    transit: Transit,
    idle: AtomicUsize,
}

impl Pool<'_> {
    fn open_bound(&self) -> f64 {
        self.worker_bounds
            .iter()
            .map(|b| f64::from_bits(b.load(Ordering::Acquire)))
            .fold(self.transit.min(), f64::min)
    }

    fn publish(&self, worker: usize, bound: f64) {
        self.worker_bounds[worker].store(bound.to_bits(), Ordering::Release);
    }
}

/// Runs the search from `root` on `ctx.settings.threads` workers; returns the merged
/// statistics and the smallest bound of the nodes left open.
pub fn run(
    ctx: &SearchContext<'_>,
    shared: &Shared<'_>,
    rule: &dyn BranchingRule,
    root: Node,
) -> (SearchStats, f64) {
    let threads = ctx.settings.threads.max(1);
    let deques: Vec<Worker<Node>> = (0..threads).map(|_| Worker::new_lifo()).collect();
    let pool = Pool {
        shared,
        injector: Injector::new(),
        stealers: deques.iter().map(|d| d.stealer()).collect(),
        worker_bounds: (0..threads)
            .map(|_| AtomicU64::new(f64::INFINITY.to_bits()))
            .collect(),
        transit: Transit::default(),
        idle: AtomicUsize::new(0),
    };
    pool.transit.add(root.bound);
    pool.injector.push(root);
    let mut stats = SearchStats::default();
    std::thread::scope(|scope| {
        let handles: Vec<_> = deques
            .into_iter()
            .enumerate()
            .map(|(w, deque)| {
                let pool = &pool;
                let rule = rule.fork();
                scope.spawn(move || worker_loop(ctx, pool, w, deque, rule))
            })
            .collect();
        monitor(ctx, &pool);
        for h in handles {
            match h.join() {
                Ok(s) => stats.merge(&s),
                Err(_) => shared.request_stop(Status::Error),
            }
        }
    });
    (stats, pool.open_bound())
}

/// Emits periodic progress lines until the workers are done.
fn monitor(ctx: &SearchContext<'_>, pool: &Pool<'_>) {
    let mut last = Instant::now();
    let mut memory_checked = Instant::now();
    while pool.shared.open.load(Ordering::Acquire) > 0 && !pool.shared.stopping() {
        std::thread::sleep(Duration::from_millis(20));
        if memory_checked.elapsed() >= super::memory::CHECK_INTERVAL {
            memory_checked = Instant::now();
            ctx.watch_memory(pool.shared);
        }
        if ctx.out_of_time() {
            pool.shared.request_stop(ctx.limit_status());
        }
        if last.elapsed() >= ctx.settings.log_interval {
            last = Instant::now();
            pool.shared
                .report(ctx, ProgressKind::Periodic, pool.open_bound());
        }
    }
}

fn worker_loop(
    ctx: &SearchContext<'_>,
    pool: &Pool<'_>,
    w: usize,
    deque: Worker<Node>,
    rule: Box<dyn BranchingRule>,
) -> SearchStats {
    let shared = pool.shared;
    let mut proc = Processor::new(ctx, rule);
    let mut local: BinaryHeap<BestFirst> = BinaryHeap::new();
    let mut next: Option<Node> = None;
    let mut root_reported = false;
    let mut plunged = 0u32;
    loop {
        if shared.stopping() {
            break;
        }
        let (node, warm) = match next.take() {
            Some(n) => (n, true),
            None => match local.pop() {
                Some(BestFirst(n)) => (n, false),
                None => match find_work(pool, w, &deque) {
                    Some(n) => (n, false),
                    None => {
                        if shared.open.load(Ordering::Acquire) == 0 {
                            break;
                        }
                        continue;
                    }
                },
            },
        };
        let heap_min = local.peek().map_or(f64::INFINITY, |b| b.0.bound);
        pool.publish(w, node.bound.min(heap_min));
        if let Some(limit) = ctx.settings.node_limit {
            if shared.nodes.fetch_add(1, Ordering::AcqRel) >= limit {
                shared.nodes.fetch_sub(1, Ordering::AcqRel);
                local.push(BestFirst(node));
                shared.request_stop(Status::NodeLimit);
                break;
            }
        } else {
            shared.nodes.fetch_add(1, Ordering::AcqRel);
        }
        if ctx.out_of_time() {
            shared.nodes.fetch_sub(1, Ordering::AcqRel);
            local.push(BestFirst(node));
            shared.request_stop(ctx.limit_status());
            break;
        }
        let is_root = node.depth == 0 && node.chain.is_none();
        let processed = proc.process(node, shared.incumbent.value(), warm);
        shared
            .lp_iterations
            .fetch_add(proc.take_new_iterations(), Ordering::Relaxed);
        let mut improved = false;
        for (objective, x) in &processed.solutions {
            if ctx.wanted(*objective) && shared.incumbent.offer(*objective, x) {
                if ctx.settings.stop_at_first_solution {
                    shared.request_stop(Status::SolutionLimit);
                }
                proc.stats.incumbent_updates += 1;
                improved = true;
            }
        }
        if let Some(b) = processed.unresolved_bound {
            atomic_min(&shared.unresolved_min, b);
        }
        match processed.outcome {
            Outcome::Closed { bound } => shared.close(bound),
            Outcome::Branched { children } => {
                shared.open.fetch_add(2, Ordering::AcqRel);
                let [first, second] = children;
                local.push(BestFirst(second));
                plunged = if warm { plunged + 1 } else { 0 };
                let dive = shared.dive.load(Ordering::Relaxed);
                if dive || (plunged < MAX_PLUNGE && plunge(ctx, pool, &first)) {
                    next = Some(first);
                } else {
                    local.push(BestFirst(first));
                }
            }
            Outcome::Unbounded => shared.request_stop(Status::Unbounded),
            Outcome::Interrupted(node) => {
                local.push(BestFirst(node));
                shared.request_stop(ctx.limit_status());
            }
        }
        let after = local
            .peek()
            .map_or(f64::INFINITY, |b| b.0.bound)
            .min(next.as_ref().map_or(f64::INFINITY, |n| n.bound));
        pool.publish(w, after);
        shared.open.fetch_sub(1, Ordering::AcqRel);
        if is_root && !root_reported {
            root_reported = true;
            shared.report(ctx, ProgressKind::Root, pool.open_bound());
        } else if improved {
            // (An incumbent found at the root is on the root's line already.)
            shared.report(ctx, ProgressKind::Incumbent, pool.open_bound());
        }
        share(pool, &mut local, &deque);
    }
    // Nodes left here stay open: their bounds remain published for the final bound.
    let left = local
        .peek()
        .map_or(f64::INFINITY, |b| b.0.bound)
        .min(next.as_ref().map_or(f64::INFINITY, |n| n.bound));
    pool.publish(w, left);
    proc.stats
}

/// Dive into the child while its bound is within 30% of the gap above the global
/// bound (always while there is no incumbent).
fn plunge(ctx: &SearchContext<'_>, pool: &Pool<'_>, child: &Node) -> bool {
    let inc = pool.shared.incumbent.value();
    if child.bound >= ctx.cutoff(inc) {
        return true; // it will be pruned at once, cheaply
    }
    if !inc.is_finite() {
        return true;
    }
    let global = pool.open_bound();
    !global.is_finite() || child.bound <= global + 0.3 * (inc - global)
}

/// Hands the best local nodes to idle workers.
fn share(pool: &Pool<'_>, local: &mut BinaryHeap<BestFirst>, deque: &Worker<Node>) {
    let idle = pool.idle.load(Ordering::Acquire);
    if idle == 0 || local.len() < 2 || !deque.is_empty() {
        return;
    }
    let count = (local.len() / 2).min(MAX_SHARE).min(idle.max(1));
    for _ in 0..count {
        if let Some(BestFirst(node)) = local.pop() {
            pool.transit.add(node.bound);
            deque.push(node);
        }
    }
}

/// Looks for a node in the worker's deque, the injector and the other workers' deques;
/// waits briefly when there is none.
fn find_work(pool: &Pool<'_>, w: usize, deque: &Worker<Node>) -> Option<Node> {
    pool.idle.fetch_add(1, Ordering::AcqRel);
    let backoff = Backoff::new();
    let found = loop {
        if let Some(node) = take_from_pool(pool, w, deque) {
            break Some(node);
        }
        if pool.shared.open.load(Ordering::Acquire) == 0 || pool.shared.stopping() {
            break None;
        }
        if backoff.is_completed() {
            std::thread::sleep(Duration::from_micros(200));
        } else {
            backoff.snooze();
        }
    };
    pool.idle.fetch_sub(1, Ordering::AcqRel);
    if let Some(node) = &found {
        pool.publish(w, node.bound);
        pool.transit.remove(node.bound);
    }
    found
}

fn take_from_pool(pool: &Pool<'_>, w: usize, deque: &Worker<Node>) -> Option<Node> {
    if let Some(node) = deque.pop() {
        return Some(node);
    }
    loop {
        match pool.injector.steal_batch_and_pop(deque) {
            Steal::Success(node) => return Some(node),
            Steal::Retry => continue,
            Steal::Empty => break,
        }
    }
    let n = pool.stealers.len();
    for k in 1..n {
        let victim = (w + k) % n;
        loop {
            match pool.stealers[victim].steal() {
                Steal::Success(node) => return Some(node),
                Steal::Retry => continue,
                Steal::Empty => break,
            }
        }
    }
    None
}
