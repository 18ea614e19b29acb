//! Points of the pruning MILP from networks: the completion of a network to a MILP
//! point, and the warm start (the better of the all-off network and a ternarised
//! Adam-trained one).

use super::PruneMilp;
use crate::data::Standardizer;
use crate::error::Result;
use crate::model::{check_solution, Tolerances};
use crate::train::adam::{train_adam, AdamOptions};
use crate::train::classify::{ClassificationTask, Params};

impl PruneMilp {
    /// The MILP point of a network whose output weights are in `{-1, 0, +1}` and whose
    /// output bias of class 0 is zero (`xs`: the standardised training samples the
    /// MILP indexes into). Every other column follows from these: `s_i = 1` iff neuron
    /// `i` has a nonzero weight or bias, hidden values and indicators by a forward pass,
    /// products, and the hinge slacks. Whether the point satisfies every row (weight
    /// bounds, the objective row) is for the solver's check to decide.
    pub fn complete(&self, xs: &[Vec<f64>], params: &Params) -> Vec<f64> {
        let mut point = vec![0.0; self.model.num_cols()];
        self.set_parameters(&mut point, params);
        for (k, &n) in self.samples.iter().enumerate() {
            self.set_sample(&mut point, k, &xs[n], params);
        }
        point
    }

    /// Sets the parameter columns of `point` (and `s_i`, `a_ij`) from `params`.
    fn set_parameters(&self, point: &mut [f64], params: &Params) {
        let (d, l, classes) = self.dims();
        let cols = &self.params;
        let (first, bias) = (&params.weights[0], &params.biases[0]);
        let (out, out_bias) = (&params.weights[1], &params.biases[1]);
        for i in 0..l {
            let used = bias[i] != 0.0
                || first[i * d..(i + 1) * d].iter().any(|v| *v != 0.0)
                || (0..classes).any(|c| out[c * l + i] != 0.0);
            point[cols.kept[i]] = f64::from(u8::from(used));
            for j in 0..d {
                point[cols.weights[i * d + j]] = first[i * d + j];
                point[cols.abs_weights[i * d + j]] = first[i * d + j].abs();
            }
            point[cols.biases[i]] = bias[i];
            for c in 0..classes {
                let u = out[c * l + i];
                point[cols.out_plus[c * l + i]] = f64::from(u8::from(u > 0.5));
                point[cols.out_minus[c * l + i]] = f64::from(u8::from(u < -0.5));
            }
        }
        for (c, &col) in cols.out_biases.iter().enumerate() {
            point[col] = out_bias[c];
        }
    }

    /// Sets the columns of sample `k` (features `features`) of `point` by a forward
    /// pass of `params`; the output weight columns must be set already.
    fn set_sample(&self, point: &mut [f64], k: usize, features: &[f64], params: &Params) {
        let (d, l, classes) = self.dims();
        let (first, bias) = (&params.weights[0], &params.biases[0]);
        let (out_plus, out_minus) = (&self.params.out_plus, &self.params.out_minus);
        let sample = &self.per_sample[k];
        let mut scores = params.biases[1].clone();
        for i in 0..l {
            let pre = bias[i]
                + first[i * d..(i + 1) * d]
                    .iter()
                    .zip(features)
                    .map(|(w, v)| w * v)
                    .sum::<f64>();
            let h = pre.max(0.0);
            let (post, indicator) = sample.hidden[i];
            if let Some(col) = post {
                point[col] = h;
            }
            if let Some(col) = indicator {
                point[col] = f64::from(u8::from(pre > 0.0));
            }
            for c in 0..classes {
                let Some((rp, rm)) = sample.products[c * l + i] else {
                    continue;
                };
                point[rp] = h * point[out_plus[c * l + i]];
                point[rm] = h * point[out_minus[c * l + i]];
                scores[c] += h * (point[out_plus[c * l + i]] - point[out_minus[c * l + i]]);
            }
        }
        let y = sample.label;
        let worst = (0..classes)
            .filter(|&c| c != y)
            .map(|c| 1.0 - (scores[y] - scores[c]))
            .fold(0.0, f64::max);
        point[sample.slack] = worst;
    }

    /// The MILP objective of the point of `params` (hidden neurons sorted by the
    /// symmetry-breaking key), `None` when that point is infeasible.
    fn objective_of(&self, xs: &[Vec<f64>], params: &Params) -> Option<f64> {
        let point = self.complete(xs, &sorted_by_key(params));
        check_solution(&self.model, &point, &Tolerances::default())
            .is_feasible()
            .then(|| self.model.objective_value(&point))
    }

    /// `start` made sparser while that lowers the MILP objective: first whole
    /// hidden neurons are removed (the removal that lowers the objective most, again
    /// and again), then single first-layer weights are set to zero, smallest
    /// magnitude first, each kept if it lowers the objective. Returned with its
    /// neurons sorted by the symmetry-breaking key; `start` itself (sorted) when its
    /// point is infeasible.
    fn shrunk(&self, xs: &[Vec<f64>], start: &Params) -> Params {
        let Some(mut best_objective) = self.objective_of(xs, start) else {
            return sorted_by_key(start);
        };
        let (d, l, classes) = self.dims();
        let mut best = start.clone();
        loop {
            let mut improvement: Option<(f64, Params)> = None;
            for i in 0..l {
                let mut p = best.clone();
                p.weights[0][i * d..(i + 1) * d].fill(0.0);
                p.biases[0][i] = 0.0;
                for c in 0..classes {
                    p.weights[1][c * l + i] = 0.0;
                }
                if p == best {
                    continue;
                }
                if let Some(v) = self.objective_of(xs, &p) {
                    if v < improvement.as_ref().map_or(best_objective, |b| b.0) - 1e-9 {
                        improvement = Some((v, p));
                    }
                }
            }
            match improvement {
                Some((v, p)) => (best_objective, best) = (v, p),
                None => break,
            }
        }
        let mut order: Vec<usize> = (0..l * d).filter(|&k| best.weights[0][k] != 0.0).collect();
        order.sort_by(|&a, &b| {
            best.weights[0][a]
                .abs()
                .total_cmp(&best.weights[0][b].abs())
                .then(a.cmp(&b))
        });
        for k in order {
            let mut p = best.clone();
            p.weights[0][k] = 0.0;
            if let Some(v) = self.objective_of(xs, &p) {
                if v < best_objective - 1e-9 {
                    (best_objective, best) = (v, p);
                }
            }
        }
        sorted_by_key(&best)
    }

    /// The better (lower objective) feasible point of the all-off network and
    /// [`ternary_start`] made sparser while that lowers the objective, if either is
    /// feasible.
    pub fn warm_start(&self, xs: &[Vec<f64>]) -> Result<Option<Vec<f64>>> {
        let (d, l, classes) = self.dims();
        let off = Params {
            widths: self.widths.clone(),
            weights: vec![vec![0.0; l * d], vec![0.0; classes * l]],
            biases: vec![vec![0.0; l], vec![0.0; classes]],
        };
        let sample_xs: Vec<Vec<f64>> = self.samples.iter().map(|&n| xs[n].clone()).collect();
        let labels: Vec<usize> = self.per_sample.iter().map(|s| s.label).collect();
        let mut trained = ternary_start(
            &sample_xs,
            &labels,
            classes,
            l,
            self.options.weight_bound,
            self.options.seed,
        )?;
        for (c, &col) in self.params.out_biases.iter().enumerate() {
            let v = &self.model.variables[col];
            trained.biases[1][c] = trained.biases[1][c].clamp(v.lower, v.upper);
        }
        let trained = self.shrunk(xs, &trained);
        let tolerances = Tolerances::default();
        let best = [off, trained]
            .iter()
            .map(|p| self.complete(xs, p))
            .filter(|x| check_solution(&self.model, x, &tolerances).is_feasible())
            .min_by(|a, b| {
                self.model
                    .objective_value(a)
                    .total_cmp(&self.model.objective_value(b))
            });
        Ok(best)
    }
}

/// A starting network for the pruning MILP: a network of the same shape trained by
/// Adam (200 epochs, batch 16, step 0.01) on the standardised samples, rescaled per
/// hidden neuron so that its largest outgoing weight has magnitude 1 (ReLU is
/// positively homogeneous, so the function is unchanged), outgoing weights then
/// rounded to `{-1, 0, +1}`, all first-layer weights scaled into `[-M, M]` (which
/// scales every score alike), and output biases shifted so that class 0's is zero.
pub fn ternary_start(
    xs: &[Vec<f64>],
    ys: &[usize],
    classes: usize,
    hidden: usize,
    weight_bound: f64,
    seed: u64,
) -> Result<Params> {
    let d = xs.first().map_or(0, Vec::len);
    let task = ClassificationTask {
        train_x: xs.to_vec(),
        train_y: ys.to_vec(),
        test_x: Vec::new(),
        test_y: Vec::new(),
        classes,
        standardizer: Standardizer {
            mean: vec![0.0; d],
            scale: vec![1.0; d],
        },
    };
    let trained = train_adam(
        &task,
        &AdamOptions {
            widths: vec![d, hidden, classes],
            epochs: 200,
            batch: 16,
            learning_rate: 0.01,
            seed,
            deadline: None,
        },
    )?
    .params;
    Ok(ternarised(&trained, (d, hidden, classes), weight_bound))
}

/// `trained` (layer widths `(d, hidden, classes)`) rescaled and rounded as
/// [`ternary_start`] describes.
fn ternarised(
    trained: &Params,
    (d, hidden, classes): (usize, usize, usize),
    weight_bound: f64,
) -> Params {
    let mut p = trained.clone();
    for i in 0..hidden {
        let alpha = (0..classes)
            .map(|c| trained.weights[1][c * hidden + i].abs())
            .fold(0.0, f64::max);
        for c in 0..classes {
            let u = if alpha > 0.0 {
                trained.weights[1][c * hidden + i] / alpha
            } else {
                0.0
            };
            p.weights[1][c * hidden + i] = if u > 0.5 {
                1.0
            } else if u < -0.5 {
                -1.0
            } else {
                0.0
            };
        }
        for v in &mut p.weights[0][i * d..(i + 1) * d] {
            *v *= alpha;
        }
        p.biases[0][i] *= alpha;
    }
    let largest = p.weights[0]
        .iter()
        .chain(&p.biases[0])
        .fold(0.0, |m: f64, v| m.max(v.abs()));
    let gamma = if largest > weight_bound {
        weight_bound / largest
    } else {
        1.0
    };
    for v in p.weights[0].iter_mut().chain(p.biases[0].iter_mut()) {
        *v *= gamma;
    }
    let e0 = trained.biases[1][0];
    for c in 0..classes {
        p.biases[1][c] = gamma * (trained.biases[1][c] - e0);
    }
    p
}

/// The same network with its hidden neurons sorted by decreasing symmetry-breaking
/// key `(C + 1) s_i + (number of nonzero outgoing weights)` (a stable sort).
fn sorted_by_key(p: &Params) -> Params {
    let (d, l, classes) = (p.widths[0], p.widths[1], p.widths[2]);
    let key = |i: usize| {
        let outgoing = (0..classes)
            .filter(|&c| p.weights[1][c * l + i] != 0.0)
            .count();
        let used = outgoing > 0
            || p.biases[0][i] != 0.0
            || p.weights[0][i * d..(i + 1) * d].iter().any(|v| *v != 0.0);
        usize::from(used) * (classes + 1) + outgoing
    };
    let mut order: Vec<usize> = (0..l).collect();
    order.sort_by_key(|&i| std::cmp::Reverse(key(i)));
    let mut q = p.clone();
    for (new, &old) in order.iter().enumerate() {
        q.weights[0][new * d..(new + 1) * d].copy_from_slice(&p.weights[0][old * d..(old + 1) * d]);
        q.biases[0][new] = p.biases[0][old];
        for c in 0..classes {
            q.weights[1][c * l + new] = p.weights[1][c * l + old];
        }
    }
    q
}
