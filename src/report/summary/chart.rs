//! The radar chart of the summaries: as large as its area allows, the pillar
//! names and scores placed around it, and a legend below.

use super::page::Page;
use super::{style, Labels, GRID, INK, MUTED, SCORE, TARGET};
use crate::report::fonts::FontStyle;
use crate::report::layout::{self, wrap_lines, Align, Canvas, Rgb3, Stroke, TextStyle};
use crate::report::radar::RadarChart;
use crate::scoring::Scores;

impl Page {
    /// The radar chart, as large as the space left allows, with its legend.
    pub(super) fn radar(
        &mut self,
        area: Area,
        labels: &Labels,
        pillar_names: &[String],
        chart: &RadarChart,
        scores: &Scores,
    ) -> crate::Result<()> {
        let legend_height = 22.0;
        let (legend_left, legend_width) = (area.left, area.right - area.left);
        let area = Area {
            bottom: area.bottom - legend_height,
            ..area
        };
        let axis_labels: Vec<AxisLabel> = chart
            .axes
            .iter()
            .enumerate()
            .map(|(i, axis)| {
                let score = scores.pillars.get(i).and_then(|p| p.score);
                AxisLabel {
                    name: pillar_names
                        .get(i)
                        .cloned()
                        .unwrap_or_else(|| axis.pillar.to_string()),
                    value: labels.optional_percent(score),
                    assessed: axis.assessed,
                }
            })
            .collect();
        let radar = RadarLayout::fit(chart, &axis_labels, &area)?;
        radar.draw(&mut self.canvas, chart, &axis_labels)?;
        let any_unassessed = chart.axes.iter().any(|a| !a.assessed);
        self.legend(
            radar.bottom + 10.0,
            (legend_left, legend_width),
            labels,
            any_unassessed,
        )
    }

    fn legend(
        &mut self,
        y: f32,
        (left, width): (f32, f32),
        labels: &Labels,
        any_unassessed: bool,
    ) -> crate::Result<()> {
        let text = style(FontStyle::Regular, 8.5, INK);
        let font = text.metrics()?;
        let swatch = 16.0;
        let gap = 5.0;
        let spacing = 18.0;
        let mut items: Vec<(&str, Legend)> = vec![
            (labels.score, Legend::Score),
            (labels.target, Legend::Target),
        ];
        if any_unassessed {
            items.push((labels.not_assessed, Legend::NotAssessed));
        }
        let total: f32 = items
            .iter()
            .map(|(label, _)| swatch + gap + font.text_width(label, text.size))
            .sum::<f32>()
            + spacing * (items.len() - 1) as f32;
        let mut x = left + ((width - total) / 2.0).max(0.0);
        let middle = y + text.line_height / 2.0;
        for (label, kind) in items {
            match kind {
                Legend::Score => {
                    let square = [
                        (x + 3.0, middle - 5.0),
                        (x + 13.0, middle - 5.0),
                        (x + 13.0, middle + 5.0),
                        (x + 3.0, middle + 5.0),
                    ];
                    self.canvas
                        .polygon(&square, Some((SCORE, 0.25)), Some(&score_stroke()));
                }
                Legend::Target => self
                    .canvas
                    .line(&[(x, middle), (x + swatch, middle)], &target_stroke()),
                Legend::NotAssessed => self
                    .canvas
                    .line(&[(x, middle), (x + swatch, middle)], &unassessed_stroke()),
            }
            x += swatch + gap;
            self.canvas
                .lines(x, y, &[label.to_string()], &text, Align::Left)?;
            x += font.text_width(label, text.size) + spacing;
        }
        Ok(())
    }
}

enum Legend {
    Score,
    Target,
    NotAssessed,
}

fn score_stroke() -> Stroke {
    Stroke {
        color: SCORE,
        width: 1.5,
        dash: &[],
    }
}

fn target_stroke() -> Stroke {
    Stroke {
        color: TARGET,
        width: 1.25,
        dash: &[4.0, 2.5],
    }
}

fn unassessed_stroke() -> Stroke {
    Stroke {
        color: MUTED,
        width: 0.75,
        dash: &[1.5, 2.0],
    }
}

/// Where the chart, its labels and its legend may go.
pub(super) struct Area {
    pub(super) left: f32,
    pub(super) right: f32,
    pub(super) top: f32,
    pub(super) bottom: f32,
}

struct AxisLabel {
    name: String,
    value: String,
    assessed: bool,
}

/// A label block placed next to an axis tip.
struct Placed {
    left: f32,
    top: f32,
    name: Vec<String>,
    value: String,
}

struct RadarLayout {
    cx: f32,
    cy: f32,
    radius: f32,
    labels: Vec<Placed>,
    /// The y below the chart and its labels.
    bottom: f32,
}

const LABEL_GAP: f32 = 7.0;
const LABEL_MAX_WIDTH: f32 = 120.0;
const MAX_RADIUS: f32 = 150.0;
const MIN_RADIUS: f32 = 30.0;

fn label_styles() -> (TextStyle, TextStyle) {
    (
        style(FontStyle::Bold, 8.5, INK),
        style(FontStyle::Regular, 8.0, MUTED),
    )
}

impl RadarLayout {
    /// The largest radius (at most `MAX_RADIUS`) whose chart and labels fit in
    /// `area`, centred horizontally and placed at the top.
    fn fit(chart: &RadarChart, labels: &[AxisLabel], area: &Area) -> crate::Result<RadarLayout> {
        let mut radius = MAX_RADIUS;
        loop {
            let layout = Self::at(chart, labels, area, radius)?;
            let fits = layout.bottom <= area.bottom
                && layout
                    .labels
                    .iter()
                    .all(|l| l.left >= area.left - 0.01 && l.top >= area.top - 0.01);
            if fits || radius <= MIN_RADIUS {
                return Ok(layout);
            }
            radius -= 1.0;
        }
    }

    fn at(
        chart: &RadarChart,
        labels: &[AxisLabel],
        area: &Area,
        radius: f32,
    ) -> crate::Result<RadarLayout> {
        let (name_style, value_style) = label_styles();
        let name_font = name_style.metrics()?;
        let value_font = value_style.metrics()?;
        let cx = (area.left + area.right) / 2.0;
        // Lay out around a centre at y = 0, then move everything down.
        let mut placed = Vec::with_capacity(labels.len());
        let mut top_edge = -radius;
        let mut bottom_edge = radius;
        for (axis, label) in chart.axes.iter().zip(labels) {
            let (dx, dy) = (axis.end.x as f32, axis.end.y as f32);
            let max_width = LABEL_MAX_WIDTH.min(area.right - area.left);
            let name = wrap_lines(name_font, name_style.size, &label.name, max_width, 2);
            let value = layout::ellipsize(value_font, value_style.size, &label.value, max_width);
            let width = name
                .iter()
                .map(|l| name_font.text_width(l, name_style.size))
                .chain([value_font.text_width(&value, value_style.size)])
                .fold(0.0, f32::max);
            let height = name.len() as f32 * name_style.line_height + value_style.line_height;
            let ax = cx + (radius + LABEL_GAP) * dx;
            let ay = -(radius + LABEL_GAP) * dy;
            let left = if dx > 0.25 {
                ax
            } else if dx < -0.25 {
                ax - width
            } else {
                ax - width / 2.0
            };
            let top = if dy > 0.25 {
                ay - height
            } else if dy < -0.25 {
                ay
            } else {
                ay - height / 2.0
            };
            // Never past the page's margins.
            let left = left.min(area.right - width).max(area.left);
            top_edge = top_edge.min(top);
            bottom_edge = bottom_edge.max(top + height);
            placed.push(Placed {
                left,
                top,
                name,
                value,
            });
        }
        let cy = area.top - top_edge;
        for label in &mut placed {
            label.top += cy;
        }
        Ok(RadarLayout {
            cx,
            cy,
            radius,
            labels: placed,
            bottom: cy + bottom_edge,
        })
    }

    fn at_point(&self, p: &crate::report::radar::Point) -> (f32, f32) {
        (
            self.cx + self.radius * p.x as f32,
            self.cy - self.radius * p.y as f32,
        )
    }

    fn draw(
        &self,
        canvas: &mut Canvas,
        chart: &RadarChart,
        labels: &[AxisLabel],
    ) -> crate::Result<()> {
        let grid = Stroke {
            color: GRID,
            width: 0.6,
            dash: &[],
        };
        for ring in &chart.rings {
            let points: Vec<(f32, f32)> = ring.iter().map(|p| self.at_point(p)).collect();
            canvas.polygon(&points, None, Some(&grid));
        }
        for axis in &chart.axes {
            let end = self.at_point(&axis.end);
            let stroke = if axis.assessed {
                Stroke {
                    color: GRID,
                    width: 0.8,
                    dash: &[],
                }
            } else {
                unassessed_stroke()
            };
            canvas.line(&[(self.cx, self.cy), end], &stroke);
        }
        let target: Vec<(f32, f32)> = chart.target.iter().map(|p| self.at_point(p)).collect();
        canvas.polygon(&target, None, Some(&target_stroke()));
        if chart.axes.iter().any(|a| a.assessed) {
            let score: Vec<(f32, f32)> = chart.score.iter().map(|p| self.at_point(p)).collect();
            canvas.polygon(&score, Some((SCORE, 0.25)), Some(&score_stroke()));
            for ((x, y), axis) in score.iter().zip(&chart.axes) {
                if axis.assessed {
                    let d = 2.6;
                    let diamond = [(*x, y - d), (x + d, *y), (*x, y + d), (x - d, *y)];
                    canvas.polygon(&diamond, Some((SCORE, 1.0)), None);
                }
            }
        }
        // Ring values along the first axis.
        let ring_text = style(FontStyle::Regular, 6.5, MUTED);
        for (fraction, ring) in crate::report::radar::RING_FRACTIONS
            .iter()
            .zip(&chart.rings)
        {
            if let Some(first) = ring.first() {
                let (x, y) = self.at_point(first);
                let text = format!("{} %", (fraction * 100.0).round());
                // On a light backing so that the polygons crossing the axis do not hide it.
                let width = ring_text.metrics()?.text_width(&text, ring_text.size);
                let (left, top) = (x + 2.0, y - 4.0);
                let backing = [
                    (left, top),
                    (left + width + 2.0, top),
                    (left + width + 2.0, top + 8.0),
                    (left, top + 8.0),
                ];
                canvas.polygon(&backing, Some((Rgb3::WHITE, 0.8)), None);
                canvas.text(left + 1.0, y + 2.3, &text, &ring_text, Align::Left)?;
            }
        }
        let (name_style, value_style) = label_styles();
        for (placed, label) in self.labels.iter().zip(labels) {
            let below = canvas.lines(
                placed.left,
                placed.top,
                &placed.name,
                &name_style,
                Align::Left,
            )?;
            let value = if label.assessed {
                value_style
            } else {
                TextStyle {
                    color: MUTED,
                    ..value_style
                }
            };
            canvas.lines(
                placed.left,
                below,
                std::slice::from_ref(&placed.value),
                &value,
                Align::Left,
            )?;
        }
        Ok(())
    }
}
