//! The dependency graph of the recovered affine maps: the layer of every column, and
//! the connected parts of the graph.
//!
//! A column with a map (a defined column, a unit's post-activation) reads the
//! columns of its map's terms; a column without one is a leaf (layer -1). A column's
//! layer is one more than the largest layer it reads, except for a post-activation
//! linked to its pre-activation column by an equality (`same_layer`), which shares
//! its layer. Layers are computed by an iterative depth-first search (no recursion,
//! whatever the depth), which also finds cycles.

use crate::model::Affine;

/// Layer of every column (-1 for leaves), or `None` when the maps read each other in
/// a cycle or a term's column is out of range.
pub(super) fn layers(maps: &[Option<Affine>], same_layer: &[bool]) -> Option<Vec<i64>> {
    const UNSET: i64 = i64::MIN;
    let n = maps.len();
    let terms = |c: usize| maps[c].as_ref().map_or(&[][..], |a| a.terms.as_slice());
    let mut layer = vec![UNSET; n];
    let mut open = vec![false; n];
    let mut stack: Vec<(usize, usize)> = Vec::new();
    for root in 0..n {
        if layer[root] != UNSET {
            continue;
        }
        open[root] = true;
        stack.push((root, 0));
        while let Some(top) = stack.last_mut() {
            let (c, next) = *top;
            let read = terms(c);
            if let Some(&(j, _)) = read.get(next) {
                top.1 += 1;
                if j >= n {
                    return None;
                }
                if layer[j] != UNSET {
                    continue;
                }
                if open[j] {
                    return None;
                }
                open[j] = true;
                stack.push((j, 0));
                continue;
            }
            layer[c] = if maps[c].is_none() {
                -1
            } else {
                let deepest = read.iter().map(|t| layer[t.0]).max().unwrap_or(-1);
                deepest + if same_layer[c] { 0 } else { 1 }
            };
            open[c] = false;
            stack.pop();
        }
    }
    Some(layer)
}

/// Union-find over columns, joining every column with the columns its map reads.
pub(super) struct Parts {
    parent: Vec<usize>,
}

impl Parts {
    /// The parts of the graph of `maps`.
    pub fn new(maps: &[Option<Affine>]) -> Self {
        let mut parts = Parts {
            parent: (0..maps.len()).collect(),
        };
        for (c, map) in maps.iter().enumerate() {
            for &(j, _) in map.iter().flat_map(|a| a.terms.iter()) {
                parts.join(c, j);
            }
        }
        parts
    }

    /// The representative of `c`'s part.
    pub fn find(&mut self, mut c: usize) -> usize {
        while self.parent[c] != c {
            self.parent[c] = self.parent[self.parent[c]];
            c = self.parent[c];
        }
        c
    }

    /// Joins the parts of `a` and `b` (ignores out-of-range columns).
    pub fn join(&mut self, a: usize, b: usize) {
        if a >= self.parent.len() || b >= self.parent.len() {
            return;
        }
        let (ra, rb) = (self.find(a), self.find(b));
        if ra != rb {
            self.parent[ra.max(rb)] = ra.min(rb);
        }
    }
}
