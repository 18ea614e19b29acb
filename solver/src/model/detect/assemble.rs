//! From matched units and definitions to a [`ReluStructure`].
//!
//! Every column gets a map when it is defined by an equality row or is the
//! post-activation of a matched unit (the map of its pre-activation). The network is
//! the part of the dependency graph that holds the matched units; within it:
//!
//! - a defined column `h` whose map is `1 * a` with `a` a defined column with lower
//!   bound `>= 0` that only `h` reads is a stably active unit with post `h`
//!   (the `h - a = 0` link);
//! - a defined column read by other maps is a stably active unit (`pre = post`) when
//!   its lower bound is `>= 0`, else a linear unit (an identity layer);
//! - a defined column nothing reads is an output when it is in the last layer, a
//!   stably inactive unit when its upper bound is `<= 0`, else a linear unit;
//! - a column without a map that maps read is an input, unless it is fixed and read
//!   by a layer above the first (then it is a constant, such as the post-activation
//!   column of a stably inactive unit fixed at 0).
//!
//! Neurons are numbered within each layer in the order of their pre-activation (or
//! post-activation, or linear) column.

use super::graph::{layers, Parts};
use super::index::{close, Index, TOL};
use super::pattern::BigM;
use super::peel::Definitions;
use crate::model::{Affine, LinearUnit, Model, ReluStructure, ReluUnit};

/// What a column is to the matched units.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Kind {
    /// Nothing known.
    Other,
    /// The pre-activation column of matched unit `i`.
    Pre(usize),
    /// The post-activation column of matched unit `i`.
    Post(usize),
    /// The pre-activation column of a stably active unit linked by `h - a = 0`.
    LinkedPre,
}

/// The structure of the network holding the matched units (not yet validated).
/// `None` when the rows cannot be a feed-forward encoding (a cycle, a chain of
/// links, an input that is not continuous) or a column of the network appears with
/// integer columns in a row that is not one of the rows it was recovered from.
pub(super) fn assemble(ix: &Index, bigm: &[BigM], defs: &Definitions) -> Option<ReluStructure> {
    let model = ix.model;
    let n = model.num_cols();
    let mut maps: Vec<Option<Affine>> = (0..n).map(|c| defs.affine(ix, c)).collect();
    let mut kind = vec![Kind::Other; n];
    let mut unit_pre = Vec::with_capacity(bigm.len());
    for (i, u) in bigm.iter().enumerate() {
        let pre = u.pre_column().filter(|&c| maps[c].is_some());
        let affine = match pre {
            Some(p) => {
                kind[p] = Kind::Pre(i);
                maps[p].clone()
            }
            None => Some(u.expr.clone()),
        };
        if maps[u.post].is_some() {
            return None;
        }
        maps[u.post] = affine;
        kind[u.post] = Kind::Post(i);
        unit_pre.push(pre);
    }
    // How many maps read each column (a unit with a pre column counted once).
    let mut reads = vec![0usize; n];
    for (c, map) in maps.iter().enumerate() {
        let duplicate = matches!(kind[c], Kind::Post(i) if unit_pre[i].is_some());
        for &(j, _) in map
            .iter()
            .flat_map(|a| a.terms.iter())
            .filter(|_| !duplicate)
        {
            reads[j] += 1;
        }
    }
    let link = links(model, &maps, &reads, defs, &mut kind)?;
    let same_layer: Vec<bool> = link.iter().map(Option::is_some).collect();
    let layer = layers(&maps, &same_layer)?;
    let mut parts = Parts::new(&maps);
    let mut network = vec![false; n];
    for u in bigm {
        let root = parts.find(u.post);
        network[root] = true;
    }
    let in_network: Vec<bool> = (0..n).map(|c| network[parts.find(c)]).collect();
    let last = (0..n)
        .filter(|&c| in_network[c] && maps[c].is_some())
        .map(|c| layer[c])
        .max()
        .unwrap_or(0);
    // Columns read by maps of layer 0 and by no map of a later layer.
    let mut first_layer_only = vec![true; n];
    for (c, map) in maps.iter().enumerate() {
        if layer[c] > 0 {
            for &(j, _) in map.iter().flat_map(|a| a.terms.iter()) {
                first_layer_only[j] = false;
            }
        }
    }
    let mut s = ReluStructure::default();
    // Sort keys: (layer, column) of every unit and linear unit.
    let mut unit_keys = Vec::new();
    let mut linear_keys = Vec::new();
    for c in (0..n).filter(|&c| in_network[c]) {
        let v = &model.variables[c];
        let Some(map) = maps[c].clone() else {
            // A fixed column read only at layer 0 is a fixed input; read later, it
            // is a constant.
            let input = v.lower != v.upper || (first_layer_only[c] && reads[c] > 0);
            if reads[c] > 0 && input {
                if !ix.is_continuous(c) {
                    return None;
                }
                s.inputs.push(c);
            }
            continue;
        };
        let at = usize::try_from(layer[c]).ok()?;
        let unit = |pre: Option<usize>, post: Option<usize>, bounds: (f64, f64)| ReluUnit {
            layer: at,
            neuron: 0,
            sample: None,
            pre,
            post,
            indicator: None,
            pre_bounds: bounds,
            affine: Some(map.clone()),
        };
        let bounds = (v.lower, v.upper);
        match (kind[c], link[c]) {
            (Kind::Pre(_) | Kind::LinkedPre, _) => continue,
            (Kind::Post(i), _) => {
                let u = &bigm[i];
                let (lo, up) = match unit_pre[i] {
                    Some(p) => (model.variables[p].lower, model.variables[p].upper),
                    None => affine_range(model, &map),
                };
                let mut unit = unit(unit_pre[i], Some(c), (lo.max(u.lower), up.min(u.upper)));
                unit.indicator = Some(u.indicator);
                unit_keys.push((at, unit_pre[i].unwrap_or(c)));
                s.units.push(unit);
            }
            (Kind::Other, Some(a)) => {
                let pre = &model.variables[a];
                let mut unit = unit(Some(a), Some(c), (pre.lower, pre.upper));
                unit.affine = maps[a].clone();
                unit_keys.push((at, a));
                s.units.push(unit);
            }
            (Kind::Other, None) if reads[c] > 0 && v.lower >= 0.0 => {
                unit_keys.push((at, c));
                s.units.push(unit(Some(c), Some(c), bounds));
            }
            (Kind::Other, None) if reads[c] == 0 && layer[c] != last && v.upper <= 0.0 => {
                unit_keys.push((at, c));
                s.units.push(unit(Some(c), None, bounds));
            }
            (Kind::Other, None) => {
                if reads[c] == 0 && layer[c] == last {
                    s.outputs.push(c);
                }
                linear_keys.push((at, c));
                s.linear.push(LinearUnit {
                    layer: at,
                    neuron: 0,
                    column: c,
                    affine: map,
                });
            }
        }
    }
    number_neurons(&mut s, &unit_keys, &linear_keys);
    let mut rows = vec![false; model.num_rows()];
    for u in bigm {
        for &r in &u.rows {
            rows[r] = true;
        }
    }
    for c in (0..n).filter(|&c| in_network[c]) {
        if let Some(r) = defs.row_of[c] {
            rows[r] = true;
        }
    }
    isolated(ix, &s, &rows).then_some(s)
}

/// The `h - a = 0` links: per column `h`, its pre-activation column `a`. Marks every
/// `a` as [`Kind::LinkedPre`]. `None` for a chain of links.
fn links(
    model: &Model,
    maps: &[Option<Affine>],
    reads: &[usize],
    defs: &Definitions,
    kind: &mut [Kind],
) -> Option<Vec<Option<usize>>> {
    let n = maps.len();
    let mut link = vec![None; n];
    for h in 0..n {
        if kind[h] != Kind::Other || defs.row_of[h].is_none() {
            continue;
        }
        let Some(map) = &maps[h] else {
            continue;
        };
        let &[(a, w)] = map.terms.as_slice() else {
            continue;
        };
        if close(w, 1.0)
            && map.bias.abs() <= TOL
            && kind[a] == Kind::Other
            && defs.row_of[a].is_some()
            && reads[a] == 1
            && model.variables[a].lower >= 0.0
            && model.variables[h].lower >= 0.0
        {
            link[h] = Some(a);
            kind[a] = Kind::LinkedPre;
        }
    }
    let chained = (0..n).any(|h| link[h].is_some() && kind[h] == Kind::LinkedPre);
    (!chained).then_some(link)
}

/// Numbers the neurons of every layer in the order of their key column, and sorts
/// the units and linear units by layer and neuron.
fn number_neurons(
    s: &mut ReluStructure,
    unit_keys: &[(usize, usize)],
    linear_keys: &[(usize, usize)],
) {
    // (layer, key column, is linear, index)
    let mut all: Vec<(usize, usize, bool, usize)> = unit_keys
        .iter()
        .enumerate()
        .map(|(i, &(l, c))| (l, c, false, i))
        .chain(
            linear_keys
                .iter()
                .enumerate()
                .map(|(i, &(l, c))| (l, c, true, i)),
        )
        .collect();
    all.sort_unstable();
    let mut neuron = 0;
    for k in 0..all.len() {
        if k > 0 && all[k].0 != all[k - 1].0 {
            neuron = 0;
        }
        let (_, _, is_linear, i) = all[k];
        if is_linear {
            s.linear[i].neuron = neuron;
        } else {
            s.units[i].neuron = neuron;
        }
        neuron += 1;
    }
    s.units.sort_by_key(|u| (u.layer, u.neuron));
    s.linear.sort_by_key(|u| (u.layer, u.neuron));
    s.inputs.sort_unstable();
    s.outputs.sort_unstable();
}

/// True when no column of the network other than an output or an indicator appears
/// together with an integer column in a row outside `rows` (the rows the structure
/// was recovered from): the network is not coupled to integer decisions that the
/// structure does not know.
fn isolated(ix: &Index, s: &ReluStructure, rows: &[bool]) -> bool {
    let unit_columns = s.units.iter().flat_map(|u| u.pre.into_iter().chain(u.post));
    let linear_columns = s
        .linear
        .iter()
        .map(|u| u.column)
        .filter(|c| s.outputs.binary_search(c).is_err());
    s.inputs
        .iter()
        .copied()
        .chain(unit_columns)
        .chain(linear_columns)
        .all(|c| ix.rows_of(c).iter().all(|&r| rows[r] || !ix.has_integer[r]))
}

/// Interval of `affine` over the column bounds of `model` (infinite where a column
/// is unbounded). Every term's column must be in range.
fn affine_range(model: &Model, affine: &Affine) -> (f64, f64) {
    let (mut lo, mut up) = (affine.bias, affine.bias);
    for &(c, a) in &affine.terms {
        let v = &model.variables[c];
        let (p, q) = (a * v.lower, a * v.upper);
        let p = if p.is_nan() { 0.0 } else { p };
        let q = if q.is_nan() { 0.0 } else { q };
        lo += p.min(q);
        up += p.max(q);
    }
    (lo, up)
}
