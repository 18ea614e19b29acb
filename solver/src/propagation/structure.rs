//! The rows and columns of an LP problem as sparse lists, in both directions.

use crate::lp::LpProblem;

/// Row-wise and column-wise view of an LP problem, shared by all workers: what
/// propagation and the heuristics read.
#[derive(Debug)]
pub struct RowStructure {
    /// Row entries `(col, coef)`.
    pub rows: Vec<Vec<(usize, f64)>>,
    /// Row sides.
    pub row_lower: Vec<f64>,
    /// Row sides.
    pub row_upper: Vec<f64>,
    /// For each column, the rows it appears in.
    pub col_rows: Vec<Vec<usize>>,
    /// Integrality of each column.
    pub integral: Vec<bool>,
}

impl RowStructure {
    /// Builds the structure of `problem` with the given integrality flags.
    pub fn new(problem: &LpProblem, integral: Vec<bool>) -> Self {
        let mut col_rows = vec![Vec::new(); problem.num_cols()];
        for (r, row) in problem.rows.iter().enumerate() {
            for &(j, _) in &row.entries {
                col_rows[j].push(r);
            }
        }
        RowStructure {
            rows: problem.rows.iter().map(|r| r.entries.clone()).collect(),
            row_lower: problem.rows.iter().map(|r| r.lower).collect(),
            row_upper: problem.rows.iter().map(|r| r.upper).collect(),
            col_rows,
            integral,
        }
    }
}
