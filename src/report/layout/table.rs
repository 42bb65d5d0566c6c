//! Simple tables: column widths, row heights, and rows drawn on a canvas.

use super::canvas::{Align, Canvas, Rgb3, Stroke, TextStyle};
use super::text::{widest_word, wrap_lines};

/// How wide a table column is.
#[derive(Debug, Clone, Copy, PartialEq)]
pub enum Width {
    /// As wide as its widest word (header or cell) plus padding.
    Fit,
    /// Shares what the `Fit` columns leave (as `Part(1.0)`).
    Fill,
    /// Takes this many shares of what the `Fit` columns leave.
    Part(f32),
}

#[derive(Debug, Clone, PartialEq)]
pub struct Column {
    pub header: String,
    pub width: Width,
    pub align: Align,
}

#[derive(Debug, Clone, Copy, PartialEq)]
pub struct TableStyle {
    pub header: TextStyle,
    pub body: TextStyle,
    pub header_fill: Rgb3,
    /// Fill of every other body row.
    pub stripe_fill: Rgb3,
    pub rule: Stroke,
    /// Space between a cell's border and its text, in points.
    pub padding: f32,
    /// Lines a cell may take before it is cut with "…".
    pub max_lines: usize,
}

/// Column widths for a table `total` wide: `Fit` columns get their widest word
/// plus padding, `Fill` columns share the rest (never less than 0).
pub fn column_widths(
    columns: &[Column],
    rows: &[Vec<String>],
    style: &TableStyle,
    total: f32,
) -> crate::Result<Vec<f32>> {
    let header_font = style.header.metrics()?;
    let body_font = style.body.metrics()?;
    let mut widths: Vec<Option<f32>> = Vec::with_capacity(columns.len());
    for (i, column) in columns.iter().enumerate() {
        widths.push(match column.width {
            Width::Fill | Width::Part(_) => None,
            Width::Fit => {
                let header = widest_word(header_font, style.header.size, &[&column.header]);
                let cells: Vec<&str> = rows
                    .iter()
                    .filter_map(|r| r.get(i))
                    .map(String::as_str)
                    .collect();
                let body = cells
                    .iter()
                    .map(|c| body_font.text_width(c, style.body.size))
                    .fold(0.0, f32::max);
                Some(header.max(body) + 2.0 * style.padding)
            }
        });
    }
    let fixed: f32 = widths.iter().flatten().sum();
    let part = |c: &Column| match c.width {
        Width::Part(parts) => parts.max(0.0),
        _ => 1.0,
    };
    let parts: f32 = columns
        .iter()
        .zip(&widths)
        .filter(|(_, w)| w.is_none())
        .map(|(c, _)| part(c))
        .sum();
    let share = ((total - fixed) / parts.max(f32::EPSILON)).max(0.0);
    Ok(widths
        .into_iter()
        .zip(columns)
        .map(|(w, c)| w.unwrap_or(share * part(c)))
        .collect())
}

/// Draws a table with its top-left corner at (`x`, `top`); returns the y below it.
/// Cells wrap within their column; a row is as tall as its tallest cell.
pub fn draw_table(
    canvas: &mut Canvas,
    x: f32,
    top: f32,
    columns: &[Column],
    widths: &[f32],
    rows: &[Vec<String>],
    style: &TableStyle,
) -> crate::Result<f32> {
    let headers: Vec<String> = columns.iter().map(|c| c.header.clone()).collect();
    let total: f32 = widths.iter().sum();
    let mut y = top;
    let header = Row {
        cells: &headers,
        text: &style.header,
        fill: Some(style.header_fill),
        cell_fills: &[],
        bottom_aligned: true,
    };
    let header_bottom = draw_row(canvas, x, y, columns, widths, &header, style)?;
    y = header_bottom;
    for (i, cells) in rows.iter().enumerate() {
        let row = Row {
            cells,
            text: &style.body,
            fill: (i % 2 == 1).then_some(style.stripe_fill),
            cell_fills: &[],
            bottom_aligned: false,
        };
        y = draw_row(canvas, x, y, columns, widths, &row, style)?;
    }
    canvas.line(
        &[(x, header_bottom), (x + total, header_bottom)],
        &style.rule,
    );
    canvas.line(&[(x, y), (x + total, y)], &style.rule);
    Ok(y)
}

/// The height of one table row, for planning a page before drawing it.
pub fn row_height(
    cells: &[String],
    widths: &[f32],
    text: &TextStyle,
    style: &TableStyle,
) -> crate::Result<f32> {
    lines_height(cells, widths, text, style, style.max_lines)
}

/// The height of the header row, whose cells may take up to three lines.
pub fn header_height(cells: &[String], widths: &[f32], style: &TableStyle) -> crate::Result<f32> {
    lines_height(
        cells,
        widths,
        &style.header,
        style,
        style.max_lines.max(HEADER_LINES),
    )
}

fn lines_height(
    cells: &[String],
    widths: &[f32],
    text: &TextStyle,
    style: &TableStyle,
    max_lines: usize,
) -> crate::Result<f32> {
    let font = text.metrics()?;
    let lines = cells
        .iter()
        .zip(widths)
        .map(|(cell, width)| {
            wrap_lines(
                font,
                text.size,
                cell,
                width - 2.0 * style.padding,
                max_lines,
            )
            .len()
        })
        .max()
        .unwrap_or(0)
        .max(1);
    Ok(lines as f32 * text.line_height + 2.0 * style.padding)
}

/// Lines a header cell may take, however few its body cells may.
const HEADER_LINES: usize = 3;

/// One table row to draw.
pub struct Row<'a> {
    pub cells: &'a [String],
    pub text: &'a TextStyle,
    /// Fill of the whole row.
    pub fill: Option<Rgb3>,
    /// Fills of single cells, drawn over the row's (empty: none).
    pub cell_fills: &'a [Option<Rgb3>],
    /// Headers sit on the row's bottom line; body cells start at its top.
    pub bottom_aligned: bool,
}

/// Draws one row with its top at `top`; returns the y below it.
pub fn draw_row(
    canvas: &mut Canvas,
    x: f32,
    top: f32,
    columns: &[Column],
    widths: &[f32],
    row: &Row,
    style: &TableStyle,
) -> crate::Result<f32> {
    let text = row.text;
    let font = text.metrics()?;
    let max_lines = if row.bottom_aligned {
        style.max_lines.max(HEADER_LINES)
    } else {
        style.max_lines
    };
    let height = lines_height(row.cells, widths, text, style, max_lines)?;
    if let Some(fill) = row.fill {
        canvas.fill_rect(x, top, widths.iter().sum(), height, fill);
    }
    let mut left = x;
    for (fill, width) in row.cell_fills.iter().zip(widths) {
        if let Some(fill) = fill {
            canvas.fill_rect(left, top, *width, height, *fill);
        }
        left += width;
    }
    let mut left = x;
    for ((column, width), cell) in columns.iter().zip(widths).zip(row.cells) {
        let inner = width - 2.0 * style.padding;
        let lines = wrap_lines(font, text.size, cell, inner, max_lines);
        let anchor = match column.align {
            Align::Left => left + style.padding,
            Align::Center => left + width / 2.0,
            Align::Right => left + width - style.padding,
        };
        let first = if row.bottom_aligned {
            top + height - style.padding - lines.len() as f32 * text.line_height
        } else {
            top + style.padding
        };
        canvas.lines(anchor, first, &lines, text, column.align)?;
        left += width;
    }
    Ok(top + height)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::report::fonts::{self, FontStyle};

    #[test]
    fn fit_columns_hold_their_widest_word_and_fill_takes_the_rest() {
        let text = TextStyle::new(FontStyle::Regular, 10.0, Rgb3::BLACK);
        let style = TableStyle {
            header: TextStyle::new(FontStyle::Bold, 10.0, Rgb3::BLACK),
            body: text,
            header_fill: Rgb3::WHITE,
            stripe_fill: Rgb3::WHITE,
            rule: Stroke {
                color: Rgb3::BLACK,
                width: 1.0,
                dash: &[],
            },
            padding: 4.0,
            max_lines: 2,
        };
        let columns = [
            Column {
                header: "Pillar".into(),
                width: Width::Fill,
                align: Align::Left,
            },
            Column {
                header: "Score".into(),
                width: Width::Fit,
                align: Align::Right,
            },
        ];
        let rows = vec![vec!["Methods".to_string(), "62.5 %".to_string()]];
        let widths = column_widths(&columns, &rows, &style, 300.0).unwrap();
        let bold = fonts::font(FontStyle::Bold).unwrap();
        let expected = bold
            .text_width("Score", 10.0)
            .max(text.metrics().unwrap().text_width("62.5 %", 10.0))
            + 8.0;
        assert!((widths[1] - expected).abs() < 1e-3, "{widths:?}");
        assert!((widths[0] + widths[1] - 300.0).abs() < 1e-3);
        let two_lines = row_height(&["a b".into()], &[12.0], &text, &style).unwrap();
        let one_line = row_height(&["a b".into()], &[300.0], &text, &style).unwrap();
        assert!((two_lines - one_line - text.line_height).abs() < 1e-3);
    }
}
