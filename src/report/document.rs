//! Multi-page documents: a flow that places headings, paragraphs and tables
//! down the page and starts a new page when one is full. Every page gets a
//! running header (organisation, subject of the document, date) and a
//! "Page n of N" footer, drawn once the page count is known; headings become
//! PDF bookmarks. Table rows never split, and a table's header row is drawn
//! again at the top of every page it continues on.

use super::fonts::{self, FontStyle, Warnings};
use super::layout::{
    self, column_widths, draw_row, header_height, row_height, wrap, wrap_lines, Align, Bookmark,
    Canvas, Column, DocInfo, Paper, Rgb3, Row, Stroke, TableStyle, TextStyle, Width,
};

// ---------------------------------------------------------------- look

pub const INK: Rgb3 = Rgb3(0.11, 0.13, 0.17);
pub const MUTED: Rgb3 = Rgb3(0.38, 0.42, 0.48);
pub const GRID: Rgb3 = Rgb3(0.80, 0.82, 0.86);
pub const PANEL: Rgb3 = Rgb3(0.93, 0.95, 0.98);
pub const STRIPE: Rgb3 = Rgb3(0.97, 0.975, 0.985);
pub const ACCENT: Rgb3 = Rgb3(0.12, 0.38, 0.75);

const MARGIN_MM: f32 = 18.0;
/// Space the running header and footer take inside the margins.
const RUNNING_HEIGHT: f32 = 22.0;

pub fn style(font: FontStyle, size: f32, color: Rgb3) -> TextStyle {
    TextStyle::new(font, size, color)
}

pub fn body() -> TextStyle {
    style(FontStyle::Regular, 9.0, INK)
}

pub fn strong() -> TextStyle {
    style(FontStyle::Bold, 9.0, INK)
}

pub fn small() -> TextStyle {
    style(FontStyle::Regular, 8.0, MUTED)
}

/// The table look shared by every document.
pub fn table_style(max_lines: usize) -> TableStyle {
    TableStyle {
        header: style(FontStyle::Bold, 8.0, MUTED),
        body: style(FontStyle::Regular, 8.5, INK),
        header_fill: PANEL,
        stripe_fill: STRIPE,
        rule: Stroke {
            color: GRID,
            width: 0.75,
            dash: &[],
        },
        padding: 4.0,
        max_lines,
    }
}

/// What every page repeats: left and right of the header, left of the footer,
/// and how to say "Page n of N" in the document's language.
pub struct Running {
    /// Organisation and the subject of the document (component, group), already printable.
    pub header_left: String,
    /// The date.
    pub header_right: String,
    pub footer_left: String,
    /// "Page {n} of {total}".
    pub page_of: fn(usize, usize) -> String,
}

/// A table to place in the flow: its columns, rows and optional cell fills.
pub struct Table<'a> {
    pub columns: &'a [Column],
    pub rows: &'a [Vec<String>],
    /// Per row, the fill of each cell (a row may be empty: no fill).
    pub fills: &'a [Vec<Option<Rgb3>>],
    pub style: &'a TableStyle,
}

impl<'a> Table<'a> {
    /// A table without cell fills.
    pub fn plain(columns: &'a [Column], rows: &'a [Vec<String>], style: &'a TableStyle) -> Self {
        Table {
            columns,
            rows,
            fills: &[],
            style,
        }
    }
}

/// A column of `width` with its header.
pub fn column(header: &str, width: Width, align: Align) -> Column {
    Column {
        header: header.to_string(),
        width,
        align,
    }
}

pub struct Flow {
    paper: Paper,
    pages: Vec<Canvas>,
    left: f32,
    right: f32,
    top: f32,
    bottom: f32,
    y: f32,
    bookmarks: Vec<Bookmark>,
    running: Running,
}

impl Flow {
    pub fn new(paper: Paper, running: Running) -> Flow {
        let (width, height) = paper.size();
        let margin = layout::mm(MARGIN_MM);
        let top = margin + RUNNING_HEIGHT;
        Flow {
            paper,
            pages: vec![Canvas::new(width, height)],
            left: margin,
            right: width - margin,
            top,
            bottom: height - margin - RUNNING_HEIGHT,
            y: top,
            bookmarks: Vec::new(),
            running,
        }
    }

    pub fn left(&self) -> f32 {
        self.left
    }

    pub fn right(&self) -> f32 {
        self.right
    }

    pub fn width(&self) -> f32 {
        self.right - self.left
    }

    pub fn y(&self) -> f32 {
        self.y
    }

    /// Height of the body area of a page.
    pub fn page_height(&self) -> f32 {
        self.bottom - self.top
    }

    /// Space left below the cursor on this page.
    pub fn room(&self) -> f32 {
        self.bottom - self.y
    }

    pub fn page_count(&self) -> usize {
        self.pages.len()
    }

    /// The current page, to draw on directly (charts) from `y()` down.
    pub fn canvas(&mut self) -> &mut Canvas {
        self.pages.last_mut().expect("a flow always has a page")
    }

    /// Moves the cursor down by `height` (after drawing on the canvas directly).
    pub fn advance(&mut self, height: f32) {
        self.y += height;
    }

    pub fn new_page(&mut self) {
        let (width, height) = self.paper.size();
        self.pages.push(Canvas::new(width, height));
        self.y = self.top;
    }

    /// Starts a new page unless `height` fits below the cursor (or the page is
    /// still empty, where nothing more can be gained).
    pub fn keep(&mut self, height: f32) {
        if self.y + height > self.bottom + 0.01 && self.y > self.top + 0.01 {
            self.new_page();
        }
    }

    /// Vertical space; never carried over to a new page.
    pub fn gap(&mut self, height: f32) {
        if self.y + height >= self.bottom {
            self.new_page();
        } else {
            self.y += height;
        }
    }

    /// A section title, bookmarked, kept on one page with the next `keep_with` points.
    pub fn section(&mut self, title: &str, keep_with: f32) -> crate::Result<()> {
        let heading = style(FontStyle::Bold, 12.0, INK);
        let lines = wrap_lines(heading.metrics()?, heading.size, title, self.width(), 2);
        let height = lines.len() as f32 * heading.line_height + 8.0;
        self.keep(height + keep_with);
        if self.y > self.top + 0.01 {
            self.gap(10.0);
        }
        self.bookmarks.push(Bookmark {
            title: title.to_string(),
            page: self.pages.len() - 1,
        });
        let (left, right, y) = (self.left, self.right, self.y);
        let below = self
            .canvas()
            .lines(left, y, &lines, &heading, Align::Left)?;
        self.canvas().line(
            &[(left, below + 2.0), (right, below + 2.0)],
            &Stroke {
                color: ACCENT,
                width: 1.0,
                dash: &[],
            },
        );
        self.y = below + 8.0;
        Ok(())
    }

    /// A smaller title inside a section (not bookmarked), kept with the next `keep_with` points.
    pub fn subheading(&mut self, title: &str, keep_with: f32) -> crate::Result<()> {
        let heading = style(FontStyle::Bold, 10.0, INK);
        let lines = wrap_lines(heading.metrics()?, heading.size, title, self.width(), 3);
        self.keep(lines.len() as f32 * heading.line_height + 2.0 + keep_with);
        self.lines(&lines, &heading, Align::Left)?;
        self.y += 2.0;
        Ok(())
    }

    /// Wrapped text; a long paragraph continues on the next page line by line.
    pub fn paragraph(&mut self, text: &str, style: &TextStyle) -> crate::Result<()> {
        let lines = wrap(style.metrics()?, style.size, text, self.width());
        self.lines(&lines, style, Align::Left)
    }

    /// Lines already wrapped to the width, each kept whole.
    pub fn lines(
        &mut self,
        lines: &[String],
        style: &TextStyle,
        align: Align,
    ) -> crate::Result<()> {
        let x = match align {
            Align::Left => self.left,
            Align::Center => (self.left + self.right) / 2.0,
            Align::Right => self.right,
        };
        for line in lines {
            self.keep(style.line_height);
            let y = self.y;
            self.y = self
                .canvas()
                .lines(x, y, std::slice::from_ref(line), style, align)?;
        }
        Ok(())
    }

    /// "Label: value" lines with the labels in a column of their own.
    pub fn facts(&mut self, rows: &[(&str, String)]) -> crate::Result<()> {
        let key = style(FontStyle::Bold, 9.0, MUTED);
        let value = body();
        let key_font = key.metrics()?;
        let key_width = rows
            .iter()
            .map(|(k, _)| key_font.text_width(k, key.size))
            .fold(0.0, f32::max)
            .min(self.width() / 3.0)
            + 12.0;
        for (k, v) in rows {
            let lines = wrap(value.metrics()?, value.size, v, self.width() - key_width);
            let lines = if lines.is_empty() {
                vec![String::new()]
            } else {
                lines
            };
            let k = layout::ellipsize(key_font, key.size, k, key_width - 12.0);
            self.keep(value.line_height);
            let (left, y) = (self.left, self.y);
            self.canvas().lines(left, y, &[k], &key, Align::Left)?;
            for line in lines {
                self.keep(value.line_height);
                let y = self.y;
                self.y = self.canvas().lines(
                    left + key_width,
                    y,
                    std::slice::from_ref(&line),
                    &value,
                    Align::Left,
                )?;
            }
        }
        Ok(())
    }

    /// A table across as many pages as it needs: rows are never split, and
    /// the header row starts every page the table continues on.
    pub fn table(&mut self, table: &Table) -> crate::Result<()> {
        let style = table.style;
        let widths = column_widths(table.columns, table.rows, style, self.width())?;
        let headers: Vec<String> = table.columns.iter().map(|c| c.header.clone()).collect();
        let header_height = header_height(&headers, &widths, style)?;
        let first_row = match table.rows.first() {
            Some(row) => row_height(row, &widths, &style.body, style)?,
            None => 0.0,
        };
        self.keep(header_height + first_row);
        let mut top = self.table_header(&headers, &widths, table, header_height)?;
        for (i, cells) in table.rows.iter().enumerate() {
            let height = row_height(cells, &widths, &style.body, style)?;
            if self.y + height > self.bottom + 0.01 {
                self.table_rule(top, &widths, style);
                self.new_page();
                top = self.table_header(&headers, &widths, table, header_height)?;
            }
            let row = Row {
                cells,
                text: &style.body,
                fill: (i % 2 == 1).then_some(style.stripe_fill),
                cell_fills: table.fills.get(i).map_or(&[][..], Vec::as_slice),
                bottom_aligned: false,
            };
            let (left, y) = (self.left, self.y);
            self.y = draw_row(self.canvas(), left, y, table.columns, &widths, &row, style)?;
        }
        self.table_rule(top, &widths, style);
        Ok(())
    }

    /// The table, or `empty` as a sentence when it has no row: the shape of
    /// most sections ("heading; if nothing to show a sentence; else a table").
    pub fn table_or(&mut self, table: &Table, empty: &str) -> crate::Result<()> {
        if table.rows.is_empty() {
            self.paragraph(empty, &body())
        } else {
            self.table(table)
        }
    }

    /// Draws the header row at the cursor; returns the y of its bottom line.
    fn table_header(
        &mut self,
        headers: &[String],
        widths: &[f32],
        table: &Table,
        height: f32,
    ) -> crate::Result<f32> {
        let style = table.style;
        let row = Row {
            cells: headers,
            text: &style.header,
            fill: Some(style.header_fill),
            cell_fills: &[],
            bottom_aligned: true,
        };
        let (left, y) = (self.left, self.y);
        self.y = draw_row(self.canvas(), left, y, table.columns, widths, &row, style)?;
        debug_assert!((self.y - y - height).abs() < 0.01);
        Ok(self.y)
    }

    /// The rules under the header and under the last row on this page.
    fn table_rule(&mut self, header_bottom: f32, widths: &[f32], style: &TableStyle) {
        let (left, y) = (self.left, self.y);
        let right = left + widths.iter().sum::<f32>();
        let canvas = self.canvas();
        canvas.line(
            &[(left, header_bottom), (right, header_bottom)],
            &style.rule,
        );
        canvas.line(&[(left, y), (right, y)], &style.rule);
    }

    /// Finishes the document into a [`Pdf`](super::Pdf) with its page count and every warning collected while drawing.
    pub fn into_pdf(self, info: &DocInfo, mut warnings: Warnings) -> crate::Result<super::Pdf> {
        let pages = self.page_count();
        let bytes = self.finish(info, &mut warnings)?;
        Ok(super::Pdf {
            bytes,
            pages,
            warnings: warnings.into_vec(),
        })
    }

    /// Draws the running header and footer on every page and writes the PDF.
    pub fn finish(mut self, info: &DocInfo, warnings: &mut Warnings) -> crate::Result<Vec<u8>> {
        let total = self.pages.len();
        let margin = layout::mm(MARGIN_MM);
        let header = style(FontStyle::Regular, 8.0, MUTED);
        let font = header.metrics()?;
        let (left, right) = (self.left, self.right);
        let width = right - left;
        for (index, page) in self.pages.iter_mut().enumerate() {
            let height = page.height();
            let date_width = font
                .text_width(&self.running.header_right, header.size)
                .min(width / 3.0);
            let date = layout::ellipsize(font, header.size, &self.running.header_right, date_width);
            let title = layout::ellipsize(
                font,
                header.size,
                &self.running.header_left,
                width - date_width - 12.0,
            );
            page.lines(left, margin, &[title], &header, Align::Left)?;
            page.lines(right, margin, &[date], &header, Align::Right)?;
            let rule = margin + header.line_height + 3.0;
            page.line(
                &[(left, rule), (right, rule)],
                &Stroke {
                    color: GRID,
                    width: 0.5,
                    dash: &[],
                },
            );
            let footer_top = height - margin - header.line_height;
            let number = (self.running.page_of)(index + 1, total);
            let number_width = font.text_width(&number, header.size);
            let footer = layout::ellipsize(
                font,
                header.size,
                &self.running.footer_left,
                width - number_width - 12.0,
            );
            page.lines(left, footer_top, &[footer], &header, Align::Left)?;
            page.lines(right, footer_top, &[number], &header, Align::Right)?;
        }
        layout::save_pdf(info, self.pages, &self.bookmarks, warnings)
    }
}

/// Makes text from the data printable with both fonts: characters neither
/// font has are replaced visibly and reported once, naming `what` they were in.
pub struct Printable<'a> {
    warnings: &'a mut Warnings,
}

impl<'a> Printable<'a> {
    pub fn new(warnings: &'a mut Warnings) -> Self {
        Printable { warnings }
    }

    pub fn text(&mut self, text: &str, what: &str) -> crate::Result<String> {
        let once = fonts::printable(fonts::font(FontStyle::Regular)?, text, what, self.warnings);
        Ok(fonts::printable(
            fonts::font(FontStyle::Bold)?,
            &once,
            what,
            self.warnings,
        ))
    }

    /// The five pillars' names in `code`'s language, in pillar order (the
    /// pillar id where the bank lacks one).
    pub fn pillar_names(
        &mut self,
        bank: &crate::model::Bank,
        code: &str,
    ) -> crate::Result<Vec<String>> {
        crate::model::PillarId::ALL
            .iter()
            .map(|&id| {
                self.text(
                    bank.pillar(id).map_or(id.as_str(), |p| p.name.get(code)),
                    &format!("the name of pillar {id}"),
                )
            })
            .collect()
    }

    pub fn warnings(&mut self) -> &mut Warnings {
        self.warnings
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn running() -> Running {
        Running {
            header_left: "Org · Team".into(),
            header_right: "2026-11-28".into(),
            footer_left: "Mamos".into(),
            page_of: |n, total| format!("Page {n} of {total}"),
        }
    }

    fn columns() -> Vec<Column> {
        vec![
            Column {
                header: "Name".into(),
                width: Width::Fill,
                align: Align::Left,
            },
            Column {
                header: "Score".into(),
                width: Width::Fit,
                align: Align::Right,
            },
        ]
    }

    #[test]
    fn a_long_table_continues_on_new_pages_without_splitting_rows() {
        let mut flow = Flow::new(Paper::A4, running());
        let rows: Vec<Vec<String>> = (0..200)
            .map(|i| vec![format!("component {i}"), format!("{i} %")])
            .collect();
        let style = table_style(2);
        flow.table(&Table {
            columns: &columns(),
            rows: &rows,
            fills: &[],
            style: &style,
        })
        .unwrap();
        assert!(flow.page_count() >= 4, "{} pages", flow.page_count());
        assert!(flow.y() <= flow.bottom + 0.01);
    }

    #[test]
    fn sections_keep_their_heading_with_what_follows_and_become_bookmarks() {
        let mut flow = Flow::new(Paper::Letter, running());
        flow.section("First", 20.0).unwrap();
        // Fill the page until less than a heading and its content fit.
        while flow.room() > 60.0 {
            flow.paragraph("text", &body()).unwrap();
        }
        flow.section("Second", 80.0).unwrap();
        assert_eq!(flow.page_count(), 2);
        assert_eq!(
            flow.bookmarks,
            [
                Bookmark {
                    title: "First".into(),
                    page: 0
                },
                Bookmark {
                    title: "Second".into(),
                    page: 1
                }
            ]
        );
    }

    #[test]
    fn letter_and_a4_pages_have_their_own_size() {
        assert_eq!(Paper::Letter.size(), (612.0, 792.0));
        let (w, h) = Paper::A4.size();
        assert!((w - 595.28).abs() < 0.01 && (h - 841.89).abs() < 0.01);
        assert_eq!(Paper::parse("LETTER").unwrap(), Paper::Letter);
        assert!(Paper::parse("a5").is_err());
    }
}
