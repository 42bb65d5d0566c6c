//! Radar chart geometry of the five pillars, shared by the PDF and the UI so
//! both draw the same picture. Coordinates are on the unit circle: centre
//! (0, 0), radius 1 = 100 %, y pointing up, the first pillar at the top and the
//! others clockwise. Each renderer scales (and, for SVG, flips y).

use serde::Serialize;
use ts_rs::TS;

use crate::model::PillarId;
use crate::scoring::Scores;

/// Score rings drawn behind the polygons, as fractions of 100 %.
pub const RING_FRACTIONS: [f64; 4] = [0.25, 0.5, 0.75, 1.0];

#[derive(Debug, Clone, Copy, PartialEq, Serialize, TS)]
pub struct Point {
    pub x: f64,
    pub y: f64,
}

#[derive(Debug, Clone, PartialEq, Serialize, TS)]
pub struct RadarAxis {
    pub pillar: PillarId,
    /// The axis tip, at 100 %.
    pub end: Point,
    /// False when the pillar has no answered practice: its score point sits at the centre.
    pub assessed: bool,
}

#[derive(Debug, Clone, PartialEq, Serialize, TS)]
pub struct RadarChart {
    pub axes: Vec<RadarAxis>,
    /// Closed polygons at 25, 50, 75 and 100 %.
    pub rings: Vec<Vec<Point>>,
    /// One point per axis at the pillar's score.
    pub score: Vec<Point>,
    /// One point per axis at the pillar's target score.
    pub target: Vec<Point>,
}

/// The point at `fraction` (0–1) of the radius along axis `index` of `count`.
fn point_on_axis(index: usize, count: usize, fraction: f64) -> Point {
    let angle = std::f64::consts::FRAC_PI_2 - std::f64::consts::TAU * index as f64 / count as f64;
    Point {
        x: fraction * angle.cos(),
        y: fraction * angle.sin(),
    }
}

pub fn radar_chart(scores: &Scores) -> RadarChart {
    let count = scores.pillars.len().max(1);
    let at = |fraction_of: &dyn Fn(usize) -> f64| -> Vec<Point> {
        (0..scores.pillars.len())
            .map(|i| point_on_axis(i, count, fraction_of(i).clamp(0.0, 1.0)))
            .collect()
    };
    let percent = |value: Option<f64>| value.unwrap_or(0.0) / 100.0;
    RadarChart {
        axes: scores
            .pillars
            .iter()
            .enumerate()
            .map(|(i, p)| RadarAxis {
                pillar: p.id,
                end: point_on_axis(i, count, 1.0),
                assessed: p.score.is_some(),
            })
            .collect(),
        rings: RING_FRACTIONS.iter().map(|f| at(&|_| *f)).collect(),
        score: at(&|i| percent(scores.pillars[i].score)),
        target: at(&|i| percent(scores.pillars[i].target_score)),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::scoring::{OverallScore, PillarScore};

    fn pillar(id: PillarId, score: Option<f64>) -> PillarScore {
        PillarScore {
            id,
            score,
            level: None,
            percent_to_target: None,
            target_score: Some(50.0),
            answered: 0,
            not_applicable: 0,
            unanswered: 0,
        }
    }

    #[test]
    fn first_pillar_points_up_and_scores_scale_the_radius() {
        let scores = Scores {
            overall: OverallScore {
                score: None,
                level: None,
            },
            limiting_pillar: None,
            pillars: PillarId::ALL
                .iter()
                .map(|id| pillar(*id, (*id == PillarId::Methods).then_some(100.0)))
                .collect(),
        };
        let chart = radar_chart(&scores);
        assert_eq!(chart.axes.len(), 5);
        assert!((chart.axes[0].end.y - 1.0).abs() < 1e-12 && chart.axes[0].end.x.abs() < 1e-12);
        // clockwise: the second axis is to the right of the first
        assert!(chart.axes[1].end.x > 0.0);
        assert!((chart.score[0].y - 1.0).abs() < 1e-12);
        assert!(!chart.axes[1].assessed);
        assert_eq!(chart.score[1], Point { x: 0.0, y: 0.0 });
        let r = (chart.target[2].x.powi(2) + chart.target[2].y.powi(2)).sqrt();
        assert!((r - 0.5).abs() < 1e-12);
        assert_eq!(chart.rings.len(), 4);
    }
}
