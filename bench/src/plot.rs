//! Plots of a benchmark as SVG and PNG: the performance profile (Dolan and Moré) and
//! the cactus plot (instances solved within a time).
//!
//! PNG text is drawn with the Noto Sans font compiled into the binary (crate
//! `ttf-noto-sans`, through plotters' `ab_glyph` feature), so no system font or
//! font library is needed.

use crate::stats::Table;
use anyhow::{anyhow, Result};
use plotters::coord::Shift;
use plotters::prelude::*;
use std::path::{Path, PathBuf};
use std::sync::Once;

const WIDTH: u32 = 900;
const HEIGHT: u32 = 560;

const COLOURS: [RGBColor; 6] = [
    RGBColor(214, 39, 40),
    RGBColor(31, 119, 180),
    RGBColor(44, 160, 44),
    RGBColor(255, 127, 14),
    RGBColor(148, 103, 189),
    RGBColor(140, 86, 75),
];

fn colour(s: usize) -> RGBColor {
    COLOURS[s % COLOURS.len()]
}

fn register_font() {
    static ONCE: Once = Once::new();
    ONCE.call_once(|| {
        if plotters::style::register_font("sans-serif", FontStyle::Normal, ttf_noto_sans::REGULAR)
            .is_err()
        {
            eprintln!("warning: the embedded font could not be loaded; plots may lack text");
        }
    });
}

/// A step curve through `(x, y)` breakpoints, from `(x0, y0)` to `x_end`.
fn steps(start: (f64, f64), points: &[(f64, f64)], x_end: f64) -> Vec<(f64, f64)> {
    let mut out = vec![start];
    let mut y = start.1;
    for &(x, next) in points {
        out.push((x, y));
        out.push((x, next));
        y = next;
    }
    out.push((x_end, y));
    out
}

fn err<E: std::fmt::Debug>(e: E) -> anyhow::Error {
    anyhow!("plotting failed: {e:?}")
}

fn draw_profile<DB: DrawingBackend>(
    root: DrawingArea<DB, Shift>,
    table: &Table,
    title: &str,
) -> Result<()>
where
    DB::ErrorType: 'static,
{
    root.fill(&WHITE).map_err(err)?;
    let profile = table.performance_profile();
    let max_ratio = profile
        .iter()
        .flat_map(|p| p.iter().map(|q| q.0))
        .fold(2.0f64, f64::max);
    let x_end = max_ratio * 1.5;
    let mut chart = ChartBuilder::on(&root)
        .caption(title, ("sans-serif", 22))
        .margin(16)
        .x_label_area_size(48)
        .y_label_area_size(60)
        .build_cartesian_2d((1f64..x_end).log_scale(), 0f64..1.02f64)
        .map_err(err)?;
    chart
        .configure_mesh()
        .x_desc("ratio to the fastest solver on the instance (log scale)")
        .y_desc("share of instances")
        .x_label_formatter(&|x| {
            format!("{x:.3}")
                .trim_end_matches('0')
                .trim_end_matches('.')
                .to_string()
        })
        .label_style(("sans-serif", 15))
        .axis_desc_style(("sans-serif", 16))
        .draw()
        .map_err(err)?;
    for (s, points) in profile.iter().enumerate() {
        let (first, rest) = match points.first() {
            Some(&(tau, rho)) if tau <= 1.0 => ((1.0, rho), &points[1..]),
            _ => ((1.0, 0.0), &points[..]),
        };
        let c = colour(s);
        chart
            .draw_series(LineSeries::new(
                steps(first, rest, x_end),
                c.stroke_width(3),
            ))
            .map_err(err)?
            .label(table.solvers[s].as_str())
            .legend(move |(x, y)| PathElement::new(vec![(x, y), (x + 24, y)], c.stroke_width(3)));
    }
    chart
        .configure_series_labels()
        .position(SeriesLabelPosition::LowerRight)
        .background_style(WHITE.mix(0.9))
        .border_style(BLACK)
        .label_font(("sans-serif", 16))
        .draw()
        .map_err(err)?;
    root.present().map_err(err)?;
    Ok(())
}

fn draw_cactus<DB: DrawingBackend>(
    root: DrawingArea<DB, Shift>,
    table: &Table,
    title: &str,
    time_limit: f64,
) -> Result<()>
where
    DB::ErrorType: 'static,
{
    root.fill(&WHITE).map_err(err)?;
    let cactus = table.cactus();
    let n = table.instances.len().max(1) as f64;
    let t_min = 0.01f64;
    let t_max = cactus
        .iter()
        .flat_map(|c| c.iter().map(|p| p.0))
        .fold(time_limit, f64::max)
        .max(1.0);
    let mut chart = ChartBuilder::on(&root)
        .caption(title, ("sans-serif", 22))
        .margin(16)
        .x_label_area_size(48)
        .y_label_area_size(60)
        .build_cartesian_2d((t_min..t_max * 1.2).log_scale(), 0f64..n * 1.05)
        .map_err(err)?;
    chart
        .configure_mesh()
        .x_desc("time per instance in seconds (log scale)")
        .y_desc("instances solved")
        .y_labels(table.instances.len().clamp(1, 10) + 1)
        .y_label_formatter(&|y| format!("{y:.0}"))
        .x_label_formatter(&|x| {
            format!("{x:.3}")
                .trim_end_matches('0')
                .trim_end_matches('.')
                .to_string()
        })
        .label_style(("sans-serif", 15))
        .axis_desc_style(("sans-serif", 16))
        .draw()
        .map_err(err)?;
    for (s, points) in cactus.iter().enumerate() {
        let pts: Vec<(f64, f64)> = points
            .iter()
            .map(|&(t, k)| (t.max(t_min), k as f64))
            .collect();
        let c = colour(s);
        chart
            .draw_series(LineSeries::new(
                steps((t_min, 0.0), &pts, t_max * 1.2),
                c.stroke_width(3),
            ))
            .map_err(err)?
            .label(table.solvers[s].as_str())
            .legend(move |(x, y)| PathElement::new(vec![(x, y), (x + 24, y)], c.stroke_width(3)));
    }
    chart
        .configure_series_labels()
        .position(SeriesLabelPosition::LowerRight)
        .background_style(WHITE.mix(0.9))
        .border_style(BLACK)
        .label_font(("sans-serif", 16))
        .draw()
        .map_err(err)?;
    root.present().map_err(err)?;
    Ok(())
}

/// Writes `profile.svg`, `profile.png`, `cactus.svg` and `cactus.png` into `out`.
pub fn write_plots(
    table: &Table,
    suite: &str,
    time_limit: f64,
    out: &Path,
) -> Result<Vec<PathBuf>> {
    register_font();
    let profile_title = format!("Performance profile: {suite}");
    let cactus_title = format!("Instances solved: {suite}");
    let paths: Vec<PathBuf> = ["profile.svg", "profile.png", "cactus.svg", "cactus.png"]
        .iter()
        .map(|f| out.join(f))
        .collect();
    draw_profile(
        SVGBackend::new(&paths[0], (WIDTH, HEIGHT)).into_drawing_area(),
        table,
        &profile_title,
    )?;
    draw_profile(
        BitMapBackend::new(&paths[1], (WIDTH, HEIGHT)).into_drawing_area(),
        table,
        &profile_title,
    )?;
    draw_cactus(
        SVGBackend::new(&paths[2], (WIDTH, HEIGHT)).into_drawing_area(),
        table,
        &cactus_title,
        time_limit,
    )?;
    draw_cactus(
        BitMapBackend::new(&paths[3], (WIDTH, HEIGHT)).into_drawing_area(),
        table,
        &cactus_title,
        time_limit,
    )?;
    Ok(paths)
}
