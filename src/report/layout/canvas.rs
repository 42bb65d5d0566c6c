//! The styles text and lines are drawn with, and one page being drawn.

use printpdf::{
    Color, ExtendedGraphicsStateId, FontId, Line, LineDashPattern, LinePoint, Op, PaintMode,
    PdfFontHandle, Point, Polygon, PolygonRing, Pt, Rect, Rgb, TextItem, WindingOrder,
};

use crate::report::fonts::{self, Font, FontStyle};

/// An sRGB colour, components 0–1.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Rgb3(pub f32, pub f32, pub f32);

impl Rgb3 {
    pub const BLACK: Rgb3 = Rgb3(0.0, 0.0, 0.0);
    pub const WHITE: Rgb3 = Rgb3(1.0, 1.0, 1.0);

    fn color(self) -> Color {
        Color::Rgb(Rgb::new(self.0, self.1, self.2, None))
    }
}

#[derive(Debug, Clone, Copy, PartialEq)]
pub struct TextStyle {
    pub font: FontStyle,
    /// Font size in points.
    pub size: f32,
    pub color: Rgb3,
    /// Distance between baselines, in points.
    pub line_height: f32,
}

impl TextStyle {
    pub fn new(font: FontStyle, size: f32, color: Rgb3) -> Self {
        TextStyle {
            font,
            size,
            color,
            // Rounded to a quarter point so that line positions are tidy numbers.
            line_height: (size * 1.25 * 4.0).round() / 4.0,
        }
    }

    pub fn metrics(&self) -> crate::Result<&'static Font> {
        fonts::font(self.font)
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Align {
    Left,
    Center,
    Right,
}

#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Stroke {
    pub color: Rgb3,
    pub width: f32,
    /// Dash and gap lengths in points; empty for a solid line.
    pub dash: &'static [f32],
}

// ---------------------------------------------------------------- canvas

/// One page being drawn. Coordinates are in points from the top-left corner
/// (y grows downwards); the canvas converts to PDF's bottom-left origin.
pub struct Canvas {
    pub(super) width: f32,
    pub(super) height: f32,
    pub(super) ops: Vec<Op>,
    /// Fill opacities used, in percent; each becomes a graphics state.
    pub(super) alphas: Vec<u8>,
}

impl Canvas {
    pub fn new(width: f32, height: f32) -> Self {
        Canvas {
            width,
            height,
            ops: Vec::new(),
            alphas: Vec::new(),
        }
    }

    pub fn width(&self) -> f32 {
        self.width
    }

    pub fn height(&self) -> f32 {
        self.height
    }

    fn point(&self, x: f32, y: f32) -> Point {
        Point {
            x: Pt(x),
            y: Pt(self.height - y),
        }
    }

    /// One line of `text` (already made printable) with its baseline at `y`,
    /// starting at `x` (left), centred on `x`, or ending at `x` (right).
    pub fn text(
        &mut self,
        x: f32,
        y: f32,
        text: &str,
        style: &TextStyle,
        align: Align,
    ) -> crate::Result<()> {
        if text.is_empty() {
            return Ok(());
        }
        let width = style.metrics()?.text_width(text, style.size);
        let left = match align {
            Align::Left => x,
            Align::Center => x - width / 2.0,
            Align::Right => x - width,
        };
        let pos = self.point(left, y);
        self.ops.extend([
            Op::StartTextSection,
            Op::SetFont {
                font: PdfFontHandle::External(FontId(style.font.resource_name().to_string())),
                size: Pt(style.size),
            },
            Op::SetFillColor {
                col: style.color.color(),
            },
            Op::SetTextCursor { pos },
            Op::ShowText {
                items: vec![TextItem::Text(text.to_string())],
            },
            Op::EndTextSection,
        ]);
        Ok(())
    }

    /// Lines of text, the first baseline at `top` + ascent; returns the y just
    /// below the last line (`top` + lines × line height).
    pub fn lines(
        &mut self,
        x: f32,
        top: f32,
        lines: &[String],
        style: &TextStyle,
        align: Align,
    ) -> crate::Result<f32> {
        let ascent = style.metrics()?.ascent(style.size);
        let lead = (style.line_height - style.size) / 2.0;
        let mut y = top;
        for line in lines {
            self.text(x, y + lead + ascent.min(style.size), line, style, align)?;
            y += style.line_height;
        }
        Ok(y)
    }

    pub fn fill_rect(&mut self, x: f32, top: f32, width: f32, height: f32, color: Rgb3) {
        self.ops.push(Op::SetFillColor { col: color.color() });
        self.ops.push(Op::DrawRectangle {
            rectangle: Rect {
                x: Pt(x),
                y: Pt(self.height - top - height),
                width: Pt(width),
                height: Pt(height),
                mode: Some(PaintMode::Fill),
                winding_order: Some(WindingOrder::NonZero),
            },
        });
    }

    fn set_stroke(&mut self, stroke: &Stroke) {
        self.ops.extend([
            Op::SetOutlineColor {
                col: stroke.color.color(),
            },
            Op::SetOutlineThickness {
                pt: Pt(stroke.width),
            },
            Op::SetLineDashPattern {
                dash: LineDashPattern::new(0.0, stroke.dash),
            },
        ]);
    }

    /// An open polyline through `points`.
    pub fn line(&mut self, points: &[(f32, f32)], stroke: &Stroke) {
        self.set_stroke(stroke);
        let points = points
            .iter()
            .map(|&(x, y)| LinePoint {
                p: self.point(x, y),
                bezier: false,
            })
            .collect();
        self.ops.push(Op::DrawLine {
            line: Line {
                points,
                is_closed: false,
            },
        });
    }

    /// A closed polygon, filled with `fill` at `opacity` (0–1) and/or outlined.
    pub fn polygon(
        &mut self,
        points: &[(f32, f32)],
        fill: Option<(Rgb3, f32)>,
        stroke: Option<&Stroke>,
    ) {
        let ring = PolygonRing {
            points: points
                .iter()
                .map(|&(x, y)| LinePoint {
                    p: self.point(x, y),
                    bezier: false,
                })
                .collect(),
        };
        let mut restore = false;
        if let Some((color, opacity)) = fill {
            let percent = (opacity.clamp(0.0, 1.0) * 100.0).round() as u8;
            if percent < 100 {
                if !self.alphas.contains(&percent) {
                    self.alphas.push(percent);
                }
                self.ops.push(Op::SaveGraphicsState);
                self.ops.push(Op::LoadGraphicsState {
                    gs: alpha_state_id(percent),
                });
                restore = true;
            }
            self.ops.push(Op::SetFillColor { col: color.color() });
            self.ops.push(Op::DrawPolygon {
                polygon: Polygon {
                    rings: vec![ring.clone()],
                    mode: PaintMode::Fill,
                    winding_order: WindingOrder::NonZero,
                },
            });
            if restore {
                self.ops.push(Op::RestoreGraphicsState);
            }
        }
        if let Some(stroke) = stroke {
            self.set_stroke(stroke);
            self.ops.push(Op::DrawPolygon {
                polygon: Polygon {
                    rings: vec![ring],
                    mode: PaintMode::Stroke,
                    winding_order: WindingOrder::NonZero,
                },
            });
        }
    }
}

pub(super) fn alpha_state_id(percent: u8) -> ExtendedGraphicsStateId {
    ExtendedGraphicsStateId(format!("GSA{percent}"))
}
