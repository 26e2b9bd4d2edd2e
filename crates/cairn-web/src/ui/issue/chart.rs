//! Line charts drawn on the server as inline SVG (no script): one line per count, each with
//! its own colour *and* dash pattern, so no line is told apart by colour alone. The page
//! gives the SVG `role="img"`, a title and a description, and a data table beside it.

use cairn_core::model::{Activity, DayActivity};

const WIDTH: f64 = 640.0;
const HEIGHT: f64 = 240.0;
const LEFT: f64 = 44.0;
const RIGHT: f64 = 12.0;
const TOP: f64 = 12.0;
const BOTTOM: f64 = 28.0;

/// Colour (from the stylesheet's palette, 3:1 or more on white) and dash pattern per line.
const STYLES: [(&str, &str); 4] = [("#1d4ed8", ""), ("#14632d", "8 4"), ("#7a4b00", "2 4"), ("#a3191f", "10 4 2 4")];

/// One line.
pub struct Series {
    /// What it counts (translated).
    pub label: String,
    /// Stroke colour.
    pub colour: &'static str,
    /// `stroke-dasharray` (empty: solid).
    pub dash: &'static str,
    /// `points` of the polyline.
    pub points: String,
}

/// An axis label at a position.
pub struct Tick {
    /// x or y, in SVG units.
    pub pos: String,
    /// Text.
    pub label: String,
    /// `text-anchor` (the last x label ends at the plot's edge rather than overflow it).
    pub anchor: &'static str,
}

/// A chart and the table that says the same.
pub struct Chart {
    /// Unique on the page (element ids).
    pub id: &'static str,
    /// Section heading, also the SVG's title.
    pub heading: String,
    /// The SVG's description: the totals over the period, in words.
    pub desc: String,
    /// The lines.
    pub series: Vec<Series>,
    /// Horizontal grid lines with their values.
    pub y_ticks: Vec<Tick>,
    /// Some periods' labels under the x axis.
    pub x_ticks: Vec<Tick>,
    /// The data table: each period's label and counts.
    pub rows: Vec<(String, Activity)>,
}

impl Chart {
    /// `viewBox` of the SVG.
    pub fn view_box(&self) -> String {
        format!("0 0 {WIDTH} {HEIGHT}")
    }

    /// x of the plot's left edge.
    pub fn left(&self) -> f64 {
        LEFT
    }

    /// x of the plot's right edge.
    pub fn right(&self) -> f64 {
        WIDTH - RIGHT
    }

    /// y of the x-axis labels.
    pub fn label_y(&self) -> f64 {
        HEIGHT - 8.0
    }

    /// x of the y-axis labels.
    pub fn label_x(&self) -> f64 {
        LEFT - 6.0
    }
}

/// The smallest "nice" step (1, 2 or 5 × 10ⁿ) that covers `max` in four steps.
fn nice_step(max: u64) -> u64 {
    let raw = max.div_ceil(4).max(1);
    let mut magnitude = 1u64;
    loop {
        for m in [1, 2, 5] {
            if m * magnitude >= raw {
                return m * magnitude;
            }
        }
        magnitude = magnitude.saturating_mul(10);
    }
}

fn fmt(v: f64) -> String {
    format!("{v:.1}")
}

/// Builds a chart of `data` (oldest first). `names` label the four lines (issued, claimed,
/// viewed, verified); `label` names a period; every `label_every`-th period is labelled on
/// the axis, the last one always.
pub fn build(
    id: &'static str,
    heading: String,
    desc: String,
    data: &[DayActivity],
    names: [String; 4],
    label: impl Fn(&DayActivity) -> String,
    label_every: usize,
) -> Chart {
    let max = data.iter().map(|d| d.counts.max()).max().unwrap_or(0);
    let step = nice_step(max);
    let top_value = step * max.div_ceil(step).max(1);
    let plot_w = WIDTH - LEFT - RIGHT;
    let plot_h = HEIGHT - TOP - BOTTOM;
    let n = data.len().max(2) - 1;
    let x = |i: usize| LEFT + plot_w * i as f64 / n as f64;
    let y = |v: u64| TOP + plot_h * (1.0 - v as f64 / top_value as f64);
    let pick: [fn(&Activity) -> u64; 4] = [|a| a.issued, |a| a.claimed, |a| a.viewed, |a| a.verified];
    let series = names
        .into_iter()
        .zip(pick)
        .zip(STYLES)
        .map(|((label, value), (colour, dash))| Series {
            label,
            colour,
            dash,
            points: data
                .iter()
                .enumerate()
                .map(|(i, d)| format!("{},{}", fmt(x(i)), fmt(y(value(&d.counts)))))
                .collect::<Vec<_>>()
                .join(" "),
        })
        .collect();
    let y_ticks = (0..=top_value / step)
        .map(|k| Tick { pos: fmt(y(k * step)), label: (k * step).to_string(), anchor: "end" })
        .collect();
    let last = data.len().saturating_sub(1);
    let x_ticks = data
        .iter()
        .enumerate()
        .filter(|(i, _)| (last - i).is_multiple_of(label_every.max(1)))
        .map(|(i, d)| Tick { pos: fmt(x(i)), label: label(d), anchor: if i == last { "end" } else { "middle" } })
        .collect();
    let rows = data.iter().map(|d| (label(d), d.counts)).collect();
    Chart { id, heading, desc, series, y_ticks, x_ticks, rows }
}

#[cfg(test)]
mod tests {
    use super::*;
    use time::macros::date;

    #[test]
    fn steps_are_nice_and_cover_the_maximum() {
        assert_eq!([0, 1, 4, 5, 9, 38, 41, 1000].map(nice_step), [1, 1, 1, 2, 5, 10, 20, 500]);
    }

    #[test]
    fn lines_run_from_the_first_period_to_the_last_on_the_scale() {
        let day = |d, issued| DayActivity { day: d, counts: Activity { issued, viewed: 3, ..Activity::default() } };
        let data = [day(date!(2025 - 03 - 01), 0), day(date!(2025 - 03 - 02), 8), day(date!(2025 - 03 - 03), 4)];
        let names = ["i", "c", "v", "ok"].map(String::from);
        let chart = build("days", "h".into(), "d".into(), &data, names, |d| d.day.day().to_string(), 2);
        // Scale 0..8 in steps of 2; the plot spans y 12..212 and x 44..628.
        assert_eq!(chart.y_ticks.iter().map(|t| t.label.as_str()).collect::<Vec<_>>(), ["0", "2", "4", "6", "8"]);
        assert_eq!(chart.series[0].points, "44.0,212.0 336.0,12.0 628.0,112.0");
        assert_eq!(chart.series[2].points, "44.0,137.0 336.0,137.0 628.0,137.0");
        assert_eq!(chart.x_ticks.iter().map(|t| t.label.as_str()).collect::<Vec<_>>(), ["1", "3"]);
        assert!(chart.series.iter().map(|s| s.dash).collect::<std::collections::HashSet<_>>().len() == 4);
    }
}
