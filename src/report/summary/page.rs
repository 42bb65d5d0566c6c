//! The page both summaries are drawn on, and the blocks they share: the
//! title, label / value facts, cards on a band, headings, titled lists, the
//! plan at a glance and the footer.

use chrono::NaiveDate;

use super::{style, Labels, GRID, INK, MUTED, PANEL, SCORE};
use crate::report::fonts::FontStyle;
use crate::report::layout::{self, wrap_lines, Align, Canvas, Stroke};

/// Lines the component's (or group's) name may take in the title.
const TITLE_LINES: usize = 3;

/// The one page being drawn, with its margins.
pub(super) struct Page {
    pub(super) canvas: Canvas,
    pub(super) left: f32,
    pub(super) right: f32,
    /// Lowest y the body may reach; the footer sits below it.
    pub(super) bottom: f32,
}

impl Page {
    /// An empty page of `size` (width, height) with `margin` on every side.
    pub(super) fn new((width, height): (f32, f32), margin: f32) -> Page {
        Page {
            canvas: Canvas::new(width, height),
            left: margin,
            right: width - margin,
            bottom: height - margin,
        }
    }

    pub(super) fn width(&self) -> f32 {
        self.right - self.left
    }

    pub(super) fn header(
        &mut self,
        y: f32,
        kicker_text: &str,
        title_text: &str,
    ) -> crate::Result<f32> {
        let kicker = style(FontStyle::Regular, 9.0, MUTED);
        let title = style(FontStyle::Bold, 20.0, INK);
        let kicker_lines = wrap_lines(kicker.metrics()?, kicker.size, kicker_text, self.width(), 1);
        let y = self
            .canvas
            .lines(self.left, y, &kicker_lines, &kicker, Align::Left)?;
        let lines = wrap_lines(
            title.metrics()?,
            title.size,
            title_text,
            self.width(),
            TITLE_LINES,
        );
        let y = self
            .canvas
            .lines(self.left, y + 2.0, &lines, &title, Align::Left)?;
        self.canvas.line(
            &[(self.left, y + 6.0), (self.right, y + 6.0)],
            &Stroke {
                color: SCORE,
                width: 1.5,
                dash: &[],
            },
        );
        Ok(y + 6.0)
    }

    /// Label / value lines (date, bank, blueprint…).
    pub(super) fn facts(&mut self, y: f32, rows: &[(&str, String)]) -> crate::Result<f32> {
        let key = style(FontStyle::Bold, 9.0, MUTED);
        let value = style(FontStyle::Regular, 9.0, INK);
        let key_width = rows
            .iter()
            .map(|(k, _)| key.metrics().map(|f| f.text_width(k, key.size)))
            .collect::<crate::Result<Vec<f32>>>()?
            .into_iter()
            .fold(0.0, f32::max)
            + 12.0;
        let mut y = y;
        for (k, v) in rows {
            let k = *k;
            self.canvas
                .lines(self.left, y, &[k.to_string()], &key, Align::Left)?;
            let lines = wrap_lines(value.metrics()?, value.size, v, self.width() - key_width, 2);
            y = self
                .canvas
                .lines(self.left + key_width, y, &lines, &value, Align::Left)?;
        }
        Ok(y)
    }

    /// Cards on a tinted band (overall score, overall level, limiting pillar…).
    pub(super) fn cards(&mut self, y: f32, cards: &[(&str, String)]) -> crate::Result<f32> {
        let caption = style(FontStyle::Regular, 8.0, MUTED);
        let value = style(FontStyle::Bold, 13.0, INK);
        let padding = 8.0;
        let card_width = self.width() / cards.len() as f32;
        let inner = card_width - 2.0 * padding;
        let laid: Vec<(Vec<String>, Vec<String>)> = cards
            .iter()
            .map(|(c, v)| -> crate::Result<_> {
                Ok((
                    wrap_lines(caption.metrics()?, caption.size, c, inner, 1),
                    wrap_lines(value.metrics()?, value.size, v, inner, 2),
                ))
            })
            .collect::<crate::Result<_>>()?;
        let value_lines = laid.iter().map(|(_, v)| v.len()).max().unwrap_or(1).max(1);
        let height = 2.0 * padding + caption.line_height + value_lines as f32 * value.line_height;
        self.canvas
            .fill_rect(self.left, y, self.width(), height, PANEL);
        for (i, (c, v)) in laid.iter().enumerate() {
            let x = self.left + i as f32 * card_width + padding;
            let below = self
                .canvas
                .lines(x, y + padding, c, &caption, Align::Left)?;
            self.canvas.lines(x, below, v, &value, Align::Left)?;
            if i > 0 {
                let divider = self.left + i as f32 * card_width;
                self.canvas.line(
                    &[(divider, y + padding), (divider, y + height - padding)],
                    &Stroke {
                        color: GRID,
                        width: 0.75,
                        dash: &[],
                    },
                );
            }
        }
        Ok(y + height)
    }

    pub(super) fn heading(&mut self, y: f32, text: &str) -> crate::Result<f32> {
        let heading = style(FontStyle::Bold, 11.0, INK);
        let lines = wrap_lines(heading.metrics()?, heading.size, text, self.width(), 1);
        self.canvas
            .lines(self.left, y, &lines, &heading, Align::Left)
    }

    /// The plan at a glance, from `top` to the page's bottom.
    pub(super) fn plan(
        &mut self,
        top: f32,
        title: &str,
        lines: &[(String, bool)],
    ) -> crate::Result<()> {
        let y = self.heading(top, title)?;
        let mut y = y + 6.0;
        for (line, bold) in lines {
            let text = style(
                if *bold {
                    FontStyle::Bold
                } else {
                    FontStyle::Regular
                },
                8.5,
                INK,
            );
            // Key results are indented under their objective.
            let x = if *bold { self.left } else { self.left + 10.0 };
            y = self
                .canvas
                .lines(x, y, std::slice::from_ref(line), &text, Align::Left)?;
        }
        Ok(())
    }

    /// Titled lists in a column from `left` to the right margin, between
    /// `top` and `bottom`: an item that would pass `bottom` is cut with "…".
    pub(super) fn blocks(
        &mut self,
        left: f32,
        top: f32,
        bottom: f32,
        blocks: &[(&str, Vec<String>)],
    ) -> crate::Result<()> {
        let width = self.right - left;
        let heading = style(FontStyle::Bold, 11.0, INK);
        let body = style(FontStyle::Regular, 8.5, INK);
        let font = body.metrics()?;
        let mut y = top;
        for (i, (title, items)) in blocks.iter().enumerate() {
            if i > 0 {
                y += 8.0;
            }
            let lines = wrap_lines(heading.metrics()?, heading.size, title, width, 2);
            y = self.canvas.lines(left, y, &lines, &heading, Align::Left)? + 4.0;
            for item in items {
                let budget = ((bottom - y) / body.line_height).floor().max(0.0) as usize;
                let lines = wrap_lines(font, body.size, item, width, budget.min(5));
                y = self.canvas.lines(left, y, &lines, &body, Align::Left)? + 4.0;
            }
        }
        Ok(())
    }

    pub(super) fn footer(
        &mut self,
        labels: &Labels,
        right: &str,
        date: NaiveDate,
    ) -> crate::Result<()> {
        let footer = style(FontStyle::Regular, 7.5, MUTED);
        let top = self.bottom + 12.0;
        let left = format!(
            "{} {} · {date}",
            labels.generated,
            env!("CARGO_PKG_VERSION")
        );
        let font = footer.metrics()?;
        let right_width = font.text_width(right, footer.size).min(self.width() / 2.0);
        let right = layout::ellipsize(font, footer.size, right, right_width);
        let left = layout::ellipsize(font, footer.size, &left, self.width() - right_width - 12.0);
        self.canvas
            .lines(self.left, top, &[left], &footer, Align::Left)?;
        self.canvas
            .lines(self.right, top, &[right], &footer, Align::Right)?;
        Ok(())
    }
}
