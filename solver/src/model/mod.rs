//! The MILP model: variables with kinds and bounds, sparse rows with lower and upper
//! sides, a linear objective with sense and constant, and an optional ReLU structure.
//!
//! A row is always stored as `lower <= sum a_j x_j <= upper`; `<=` rows have
//! `lower = -inf`, `>=` rows `upper = +inf`, equations `lower == upper`, and ranged
//! rows two finite sides. This single form is what the readers produce, the writers
//! consume and the LP engines load.

mod check;
mod detect;
mod relu;
mod validate;

pub use check::{check_solution, SolutionCheck, Tolerances};
pub use detect::detect_relu_structure;
pub use relu::{Affine, LinearUnit, ReluStructure, ReluUnit};

use serde::{Deserialize, Serialize};

/// The kind of a variable.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub enum VarKind {
    /// A real-valued variable.
    Continuous,
    /// An integer variable with bounds within `[0, 1]`.
    Binary,
    /// A general integer variable.
    Integer,
}

impl VarKind {
    /// True for binary and general-integer variables.
    pub fn is_integral(self) -> bool {
        !matches!(self, VarKind::Continuous)
    }
}

/// Direction of optimisation.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub enum ObjSense {
    /// Minimise the objective.
    Minimize,
    /// Maximise the objective.
    Maximize,
}

/// One column of the model.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Variable {
    /// Name used in files and output.
    pub name: String,
    /// Continuous, binary or integer.
    pub kind: VarKind,
    /// Lower bound (may be `-inf`).
    pub lower: f64,
    /// Upper bound (may be `+inf`).
    pub upper: f64,
    /// Objective coefficient, in the model's own sense.
    pub cost: f64,
}

/// One constraint `lower <= sum coef * x[col] <= upper`.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Row {
    /// Name used in files and output.
    pub name: String,
    /// Left-hand side (may be `-inf`).
    pub lower: f64,
    /// Right-hand side (may be `+inf`).
    pub upper: f64,
    /// Nonzero coefficients as `(column, value)`, columns strictly increasing.
    pub entries: Vec<(usize, f64)>,
}

impl Row {
    /// Activity `sum a_j x_j` of this row at the point `x`.
    pub fn activity(&self, x: &[f64]) -> f64 {
        self.entries.iter().map(|&(j, a)| a * x[j]).sum()
    }
}

/// A mixed-integer linear program.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Model {
    /// Problem name (MPS `NAME`).
    pub name: String,
    /// Minimise or maximise.
    pub sense: ObjSense,
    /// Name of the objective row (MPS first `N` row).
    pub objective_name: String,
    /// Constant added to the objective.
    pub objective_constant: f64,
    /// The variables.
    pub variables: Vec<Variable>,
    /// The constraints.
    pub rows: Vec<Row>,
    /// Network structure, when the model was built from a ReLU network (or one was
    /// recovered from its rows).
    pub relu: Option<ReluStructure>,
}

/// Size figures of a model, as printed in the log header.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Serialize)]
pub struct ModelSize {
    /// Number of rows.
    pub rows: usize,
    /// Number of columns.
    pub columns: usize,
    /// Number of binary columns.
    pub binaries: usize,
    /// Number of general-integer columns.
    pub integers: usize,
    /// Number of continuous columns.
    pub continuous: usize,
    /// Number of nonzero matrix coefficients.
    pub nonzeros: usize,
}

impl Default for Model {
    fn default() -> Self {
        Model::new("")
    }
}

impl Model {
    /// An empty minimisation model.
    pub fn new(name: &str) -> Self {
        Model {
            name: name.to_string(),
            sense: ObjSense::Minimize,
            objective_name: "obj".to_string(),
            objective_constant: 0.0,
            variables: Vec::new(),
            rows: Vec::new(),
            relu: None,
        }
    }

    /// Adds a variable and returns its column index.
    pub fn add_variable(
        &mut self,
        name: &str,
        kind: VarKind,
        lower: f64,
        upper: f64,
        cost: f64,
    ) -> usize {
        self.variables.push(Variable {
            name: name.to_string(),
            kind,
            lower,
            upper,
            cost,
        });
        self.variables.len() - 1
    }

    /// Adds a row `lower <= sum coef x <= upper`; entries are sorted and duplicate
    /// columns merged. Returns the row index.
    pub fn add_row(
        &mut self,
        name: &str,
        lower: f64,
        upper: f64,
        entries: &[(usize, f64)],
    ) -> usize {
        let mut sorted: Vec<(usize, f64)> = entries.to_vec();
        sorted.sort_by_key(|e| e.0);
        let mut merged: Vec<(usize, f64)> = Vec::with_capacity(sorted.len());
        for (j, a) in sorted {
            match merged.last_mut() {
                Some(last) if last.0 == j => last.1 += a,
                _ => merged.push((j, a)),
            }
        }
        merged.retain(|e| e.1 != 0.0);
        self.rows.push(Row {
            name: name.to_string(),
            lower,
            upper,
            entries: merged,
        });
        self.rows.len() - 1
    }

    /// Number of columns.
    pub fn num_cols(&self) -> usize {
        self.variables.len()
    }

    /// Number of rows.
    pub fn num_rows(&self) -> usize {
        self.rows.len()
    }

    /// Size figures for the log header.
    pub fn size(&self) -> ModelSize {
        let mut size = ModelSize {
            rows: self.rows.len(),
            columns: self.variables.len(),
            nonzeros: self.rows.iter().map(|r| r.entries.len()).sum(),
            ..ModelSize::default()
        };
        for v in &self.variables {
            match v.kind {
                VarKind::Binary => size.binaries += 1,
                VarKind::Integer => size.integers += 1,
                VarKind::Continuous => size.continuous += 1,
            }
        }
        size
    }

    /// Objective value `c'x + constant` in the model's own sense.
    pub fn objective_value(&self, x: &[f64]) -> f64 {
        self.objective_constant
            + self
                .variables
                .iter()
                .zip(x)
                .map(|(v, &xj)| v.cost * xj)
                .sum::<f64>()
    }

    /// True when the model has at least one binary or integer variable.
    pub fn has_integers(&self) -> bool {
        self.variables.iter().any(|v| v.kind.is_integral())
    }

    /// Largest absolute matrix coefficient, for big-M warnings.
    pub fn max_abs_coefficient(&self) -> f64 {
        self.rows
            .iter()
            .flat_map(|r| r.entries.iter())
            .fold(0.0_f64, |m, e| m.max(e.1.abs()))
    }

    /// Column index by name (linear search; for tests and small tools).
    pub fn column_by_name(&self, name: &str) -> Option<usize> {
        self.variables.iter().position(|v| v.name == name)
    }
}
