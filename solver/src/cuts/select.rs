//! Choosing which separated cuts enter an LP: the most effective first, skipping
//! cuts nearly parallel to one already chosen.

use super::Cut;
use crate::lp::LpRow;

/// Largest accepted cosine between two cuts added together.
pub const MAX_PARALLELISM: f64 = 0.98;

/// Cosine of the angle between the coefficient vectors of two rows (columns
/// strictly increasing in both).
pub fn cosine(a: &LpRow, b: &LpRow) -> f64 {
    let (mut i, mut k, mut dot) = (0, 0, 0.0);
    while i < a.entries.len() && k < b.entries.len() {
        match a.entries[i].0.cmp(&b.entries[k].0) {
            std::cmp::Ordering::Less => i += 1,
            std::cmp::Ordering::Greater => k += 1,
            std::cmp::Ordering::Equal => {
                dot += a.entries[i].1 * b.entries[k].1;
                i += 1;
                k += 1;
            }
        }
    }
    let na = a.entries.iter().map(|e| e.1 * e.1).sum::<f64>().sqrt();
    let nb = b.entries.iter().map(|e| e.1 * e.1).sum::<f64>().sqrt();
    dot / (na * nb)
}

/// At most `max_cuts` of `cuts`, by decreasing efficacy (ties keep the input
/// order, so the choice is deterministic), each with a cosine below
/// [`MAX_PARALLELISM`] to every cut chosen before it.
pub fn select_cuts(mut cuts: Vec<Cut>, max_cuts: usize) -> Vec<LpRow> {
    cuts.sort_by(|a, b| b.efficacy.total_cmp(&a.efficacy));
    let mut chosen: Vec<LpRow> = Vec::new();
    for cut in cuts {
        if chosen.len() >= max_cuts {
            break;
        }
        if chosen.iter().all(|c| cosine(c, &cut.row) < MAX_PARALLELISM) {
            chosen.push(cut.row);
        }
    }
    chosen
}

#[cfg(test)]
mod tests {
    use super::*;

    fn cut(entries: Vec<(usize, f64)>, efficacy: f64) -> Cut {
        Cut {
            row: LpRow {
                entries,
                lower: 0.0,
                upper: f64::INFINITY,
            },
            efficacy,
        }
    }

    #[test]
    fn best_first_without_parallel_cuts() {
        let cuts = vec![
            cut(vec![(0, 1.0)], 0.1),
            cut(vec![(0, 1.0), (1, 1e-3)], 0.5),
            cut(vec![(1, 1.0)], 0.2),
        ];
        let chosen = select_cuts(cuts, 10);
        assert_eq!(chosen.len(), 2);
        assert_eq!(chosen[0].entries, vec![(0, 1.0), (1, 1e-3)]);
        assert_eq!(chosen[1].entries, vec![(1, 1.0)]);
        let one = select_cuts(vec![cut(vec![(0, 1.0)], 0.1), cut(vec![(1, 1.0)], 0.2)], 1);
        assert_eq!(one[0].entries, vec![(1, 1.0)]);
    }
}
