//! Small layout helpers on top of printpdf's drawing operations: measured
//! text (wrap, ellipsis), a page canvas with y measured from the top, simple
//! tables, and saving pages as a deterministic PDF.
//!
//! Units are PDF points (1/72 inch) throughout.

use chrono::{Datelike, NaiveDate};
use printpdf::{
    Color, ExtendedGraphicsState, ExtendedGraphicsStateId, FontId, Line, LineDashPattern,
    LinePoint, Mm, Op, PaintMode, ParsedFont, PdfDocument, PdfFont, PdfFontHandle, PdfPage,
    PdfParseErrorSeverity, PdfSaveOptions, Point, Polygon, PolygonRing, Pt, Rect, Rgb, TextItem,
    WindingOrder,
};

use super::fonts::{self, Font, FontStyle};

pub const ELLIPSIS: char = '…';

/// Millimetres to points.
pub fn mm(value: f32) -> f32 {
    value * 72.0 / 25.4
}

/// A4 portrait, in points.
pub fn a4() -> (f32, f32) {
    Paper::A4.size()
}

/// The paper a document is laid out on, portrait.
#[derive(
    Debug, Clone, Copy, PartialEq, Eq, Default, serde::Serialize, serde::Deserialize, ts_rs::TS,
)]
#[serde(rename_all = "snake_case")]
pub enum Paper {
    #[default]
    A4,
    /// US Letter, 8.5 × 11 inches.
    Letter,
}

impl Paper {
    /// Width and height in points.
    pub fn size(self) -> (f32, f32) {
        match self {
            Paper::A4 => (mm(210.0), mm(297.0)),
            Paper::Letter => (612.0, 792.0),
        }
    }

    /// `a4` or `letter` (any case).
    pub fn parse(text: &str) -> crate::Result<Paper> {
        match text.trim().to_ascii_lowercase().as_str() {
            "a4" => Ok(Paper::A4),
            "letter" => Ok(Paper::Letter),
            _ => Err(crate::Error::invalid(
                "--paper",
                format!("expected a4 or letter, found {text:?}"),
            )),
        }
    }
}

// ---------------------------------------------------------------- measuring

/// Greedy word wrap of `text` into lines at most `max_width` wide. Runs of
/// white space collapse to one space; a word wider than a line is cut between
/// characters. Blank text gives no line.
pub fn wrap(font: &Font, size: f32, text: &str, max_width: f32) -> Vec<String> {
    let mut lines = Vec::new();
    let mut line = String::new();
    for word in text.split_whitespace() {
        let candidate = if line.is_empty() {
            word.to_string()
        } else {
            format!("{line} {word}")
        };
        if font.text_width(&candidate, size) <= max_width {
            line = candidate;
            continue;
        }
        if !line.is_empty() {
            lines.push(std::mem::take(&mut line));
        }
        // The word starts a new line; cut it if it is wider than a line.
        for c in word.chars() {
            let mut longer = line.clone();
            longer.push(c);
            if !line.is_empty() && font.text_width(&longer, size) > max_width {
                lines.push(std::mem::replace(&mut line, c.to_string()));
            } else {
                line = longer;
            }
        }
    }
    if !line.is_empty() {
        lines.push(line);
    }
    lines
}

/// `text` on one line at most `max_width` wide: unchanged when it fits, else
/// cut and ended with "…". Empty when not even "…" fits.
pub fn ellipsize(font: &Font, size: f32, text: &str, max_width: f32) -> String {
    if font.text_width(text, size) <= max_width {
        return text.to_string();
    }
    let budget = max_width - font.char_width(ELLIPSIS, size);
    if budget < 0.0 {
        return String::new();
    }
    let mut kept = String::new();
    let mut width = 0.0;
    for c in text.chars() {
        width += font.char_width(c, size);
        if width > budget {
            break;
        }
        kept.push(c);
    }
    let mut short = kept.trim_end().to_string();
    short.push(ELLIPSIS);
    short
}

/// Wraps `text` into at most `max_lines` lines; when it needs more, the last
/// line ends with "…".
pub fn wrap_lines(
    font: &Font,
    size: f32,
    text: &str,
    max_width: f32,
    max_lines: usize,
) -> Vec<String> {
    let mut lines = wrap(font, size, text, max_width);
    if max_lines == 0 {
        return Vec::new();
    }
    if lines.len() > max_lines {
        let rest = lines.split_off(max_lines - 1).join(" ");
        let mut last = ellipsize(font, size, &rest, max_width);
        if !last.ends_with(ELLIPSIS) {
            // `rest` fitted after all: still show that text was left out.
            last = ellipsize(font, size, &format!("{last}{ELLIPSIS}"), max_width);
        }
        lines.push(last);
    }
    lines
}

/// The width of the widest word in `texts`: a column this wide (plus padding)
/// never has to cut a word.
pub fn widest_word(font: &Font, size: f32, texts: &[&str]) -> f32 {
    texts
        .iter()
        .flat_map(|t| t.split_whitespace())
        .map(|w| font.text_width(w, size))
        .fold(0.0, f32::max)
}

// ---------------------------------------------------------------- styles

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
    width: f32,
    height: f32,
    ops: Vec<Op>,
    /// Fill opacities used, in percent; each becomes a graphics state.
    alphas: Vec<u8>,
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

fn alpha_state_id(percent: u8) -> ExtendedGraphicsStateId {
    ExtendedGraphicsStateId(format!("GSA{percent}"))
}

// ---------------------------------------------------------------- tables

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

// ---------------------------------------------------------------- saving

/// Document information written into the PDF.
#[derive(Debug, Clone, PartialEq)]
pub struct DocInfo {
    pub title: String,
    pub subject: String,
    /// Who the document is from (the coach); left out of the PDF when empty.
    pub author: String,
    /// Creation and modification date (midnight UTC): passed in, never read
    /// from the clock, so the same input gives the same bytes.
    pub date: NaiveDate,
}

/// An entry of the PDF outline (the reader's bookmarks pane).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Bookmark {
    pub title: String,
    /// 0-based index of the page it opens.
    pub page: usize,
}

/// Saves the pages as a PDF with the embedded subset fonts and a flat outline
/// of `bookmarks` (in page order). The output is deterministic: fixed resource
/// names, the given date, and a document /ID derived from the content instead
/// of printpdf's process-wide counter.
pub fn save_pdf(
    info: &DocInfo,
    pages: Vec<Canvas>,
    bookmarks: &[Bookmark],
    warnings: &mut fonts::Warnings,
) -> crate::Result<Vec<u8>> {
    let mut doc = PdfDocument::new(&info.title);
    let date = pdf_date(info.date);
    let meta = &mut doc.metadata.info;
    meta.creation_date = date;
    meta.modification_date = date;
    meta.metadata_date = date;
    meta.subject = info.subject.clone();
    meta.author = info.author.clone();
    meta.creator = format!("Mamos {}", env!("CARGO_PKG_VERSION"));
    meta.producer = meta.creator.clone();

    let mut parse_warnings = Vec::new();
    for style in FontStyle::ALL {
        let parsed = parsed_font(style, &mut parse_warnings)?;
        doc.resources.fonts.map.insert(
            FontId(style.resource_name().to_string()),
            PdfFont::new(parsed),
        );
    }
    let mut alphas: Vec<u8> = pages
        .iter()
        .flat_map(|p| p.alphas.iter().copied())
        .collect();
    alphas.sort_unstable();
    alphas.dedup();
    for percent in alphas {
        let alpha = f32::from(percent) / 100.0;
        let state = ExtendedGraphicsState::default()
            .with_current_fill_alpha(alpha)
            .with_current_stroke_alpha(alpha);
        doc.resources
            .extgstates
            .map
            .insert(alpha_state_id(percent), state);
    }
    let pages = pages
        .into_iter()
        .map(|canvas| {
            let mut page = PdfPage::new(Mm(0.0), Mm(0.0), canvas.ops);
            let bounds = Rect::from_wh(Pt(canvas.width), Pt(canvas.height));
            page.media_box = bounds.clone();
            page.trim_box = bounds.clone();
            page.crop_box = bounds;
            page
        })
        .collect();
    doc.with_pages(pages);
    // Fixed ids (printpdf's are random); printpdf orders the outline by page,
    // then by title, and the titles are put back in our order below.
    let mut outline: Vec<&Bookmark> = bookmarks.iter().collect();
    outline.sort_by_key(|b| b.page);
    for (i, bookmark) in outline.iter().enumerate() {
        doc.bookmarks.map.insert(
            printpdf::PageAnnotId(format!("bookmark{i:05}")),
            printpdf::PageAnnotation {
                name: bookmark.title.clone(),
                page: bookmark.page + 1,
            },
        );
    }

    let mut pdf_warnings = Vec::new();
    let options = PdfSaveOptions {
        optimize: true,
        subset_fonts: true,
        secure: true,
        image_optimization: None,
    };
    let mut lopdf = doc.to_lopdf_document(&options, &mut pdf_warnings);
    for w in pdf_warnings {
        if w.severity != PdfParseErrorSeverity::Info {
            warnings.push(format!("PDF writer: {}", w.msg));
        }
    }
    lopdf.compress();
    let pdf_error = |e: &dyn std::fmt::Display| crate::Error::Pdf(e.to_string());
    // Transparency (the chart's translucent fill) is PDF 1.4.
    lopdf.version = "1.4".to_string();
    // printpdf writes an empty GTS_PDFXVersion, which readers take as a PDF/X
    // claim this file does not meet, and empty Author / Keywords / Identifier.
    let info_id = lopdf
        .trailer
        .get(b"Info")
        .and_then(|o| o.as_reference())
        .map_err(|e| pdf_error(&e))?;
    let info_dict = lopdf
        .get_object_mut(info_id)
        .and_then(|o| o.as_dict_mut())
        .map_err(|e| pdf_error(&e))?;
    let mut empty = vec!["GTS_PDFXVersion", "Keywords", "Identifier", "Trapped"];
    if info.author.is_empty() {
        empty.push("Author");
    }
    for key in empty {
        info_dict.remove(key.as_bytes());
    }
    if !outline.is_empty() {
        // Walk the outline (First, then Next) and set each title in our order.
        let root = lopdf
            .catalog()
            .and_then(|c| c.get(b"Outlines"))
            .and_then(|o| o.as_reference())
            .map_err(|e| pdf_error(&e))?;
        let mut next = lopdf
            .get_object(root)
            .and_then(|o| o.as_dict())
            .and_then(|d| d.get(b"First"))
            .and_then(|o| o.as_reference())
            .ok();
        for bookmark in &outline {
            let Some(id) = next else { break };
            let entry = lopdf
                .get_object_mut(id)
                .and_then(|o| o.as_dict_mut())
                .map_err(|e| pdf_error(&e))?;
            *entry
                .get_mut(b"Title")
                .and_then(|o| o.as_str_mut())
                .map_err(|e| pdf_error(&e))? = utf16be(&bookmark.title);
            next = entry.get(b"Next").and_then(|o| o.as_reference()).ok();
        }
    }
    // printpdf fills /ID from a process-wide counter: replace it with a hash of
    // the document written with a blank /ID. The /ID sits in the trailer, after
    // every object and the cross-reference table, and the hash has the blank's
    // length: patching the written bytes moves no offset and gives the bytes a
    // second save would, without serialising the document twice.
    let blank = [b'0'; ID_LEN];
    let ids = lopdf
        .trailer
        .get_mut(b"ID")
        .and_then(|o| o.as_array_mut())
        .map_err(|e| pdf_error(&e))?;
    for part in ids.iter_mut() {
        *part.as_str_mut().map_err(|e| pdf_error(&e))? = blank.to_vec();
    }
    let mut bytes = Vec::new();
    lopdf.save_to(&mut bytes).map_err(|e| pdf_error(&e))?;
    let id = content_id(&bytes);
    set_trailer_id(&mut bytes, &blank, id.as_bytes())?;
    Ok(bytes)
}

/// Length of the document /ID strings (`content_id`).
const ID_LEN: usize = 32;

/// Replaces the two `(blank)` strings of the trailer's /ID array by `(id)`.
fn set_trailer_id(bytes: &mut [u8], blank: &[u8], id: &[u8]) -> crate::Result<()> {
    let missing = || crate::Error::Pdf("the written PDF has no blank /ID in its trailer".into());
    let trailer = bytes
        .windows(b"trailer".len())
        .rposition(|w| w == b"trailer")
        .ok_or_else(missing)?;
    let mut quoted = vec![b'('];
    quoted.extend_from_slice(blank);
    quoted.push(b')');
    let mut found = 0;
    let mut at = trailer;
    while let Some(offset) = bytes[at..].windows(quoted.len()).position(|w| w == quoted) {
        let start = at + offset + 1;
        bytes[start..start + id.len()].copy_from_slice(id);
        at = start + id.len();
        found += 1;
    }
    if found != 2 {
        return Err(missing());
    }
    Ok(())
}

/// A PDF text string: UTF-16BE with its byte order mark.
fn utf16be(text: &str) -> Vec<u8> {
    let mut bytes = vec![0xFE, 0xFF];
    for unit in text.encode_utf16() {
        bytes.extend(unit.to_be_bytes());
    }
    bytes
}

fn parsed_font(
    style: FontStyle,
    warnings: &mut Vec<printpdf::PdfFontParseWarning>,
) -> crate::Result<ParsedFont> {
    ParsedFont::from_bytes(style.ttf(), 0, warnings)
        .ok_or_else(|| crate::Error::Pdf(format!("the embedded font {style:?} cannot be parsed")))
}

fn pdf_date(date: NaiveDate) -> printpdf::OffsetDateTime {
    printpdf::OffsetDateTime::new_in_offset(
        printpdf::Date {
            year: date.year(),
            month: date.month() as u8,
            day: date.day() as u8,
        },
        printpdf::Time {
            hour: 0,
            minute: 0,
            second: 0,
            millisecond: 0,
        },
        printpdf::Offset {
            hours: 0,
            minutes: 0,
            seconds: 0,
            milliseconds: 0,
        },
    )
}

/// 32 hex digits from two FNV-1a hashes of `bytes` (not cryptographic: the
/// PDF /ID only has to change when the content does).
fn content_id(bytes: &[u8]) -> String {
    let fnv = |seed: u64| {
        bytes.iter().fold(seed, |hash, b| {
            (hash ^ u64::from(*b)).wrapping_mul(0x0000_0100_0000_01b3)
        })
    };
    format!(
        "{:016X}{:016X}",
        fnv(0xcbf2_9ce4_8422_2325),
        fnv(0x8422_2325_cbf2_9ce4)
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    fn regular() -> &'static Font {
        fonts::font(FontStyle::Regular).unwrap()
    }

    #[test]
    fn wrap_keeps_every_line_within_the_width_and_every_word() {
        let text = "Quality   engineering maturity of the payments platform team";
        let lines = wrap(regular(), 10.0, text, 80.0);
        assert!(lines.len() > 2, "{lines:?}");
        for line in &lines {
            assert!(
                regular().text_width(line, 10.0) <= 80.0,
                "{line:?} is too wide"
            );
        }
        assert_eq!(
            lines.join(" "),
            text.split_whitespace().collect::<Vec<_>>().join(" ")
        );
    }

    #[test]
    fn wrap_cuts_a_word_longer_than_a_line() {
        let word = "Donaudampfschifffahrtsgesellschaftskapitän";
        let lines = wrap(regular(), 10.0, word, 60.0);
        assert!(lines.len() > 1);
        assert_eq!(lines.concat(), word);
        assert!(lines.iter().all(|l| regular().text_width(l, 10.0) <= 60.0));
    }

    #[test]
    fn wrap_of_blank_text_is_empty() {
        assert!(wrap(regular(), 10.0, "  \t ", 100.0).is_empty());
    }

    #[test]
    fn ellipsize_keeps_short_text_and_shortens_long_text() {
        assert_eq!(ellipsize(regular(), 10.0, "Skills", 100.0), "Skills");
        let short = ellipsize(regular(), 10.0, "Organization and culture of quality", 80.0);
        assert!(short.ends_with('…'), "{short}");
        assert!(short.starts_with("Organization"), "{short}");
        assert!(regular().text_width(&short, 10.0) <= 80.0);
        assert_eq!(ellipsize(regular(), 10.0, "Skills", 1.0), "");
    }

    #[test]
    fn wrap_lines_ends_the_last_allowed_line_with_an_ellipsis() {
        let text = "one two three four five six seven eight nine ten eleven twelve";
        let lines = wrap_lines(regular(), 10.0, text, 60.0, 2);
        assert_eq!(lines.len(), 2);
        assert!(lines[1].ends_with('…'), "{lines:?}");
        assert!(lines.iter().all(|l| regular().text_width(l, 10.0) <= 60.0));
        assert_eq!(wrap_lines(regular(), 10.0, "fits", 60.0, 2), ["fits"]);
    }

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
            .max(regular().text_width("62.5 %", 10.0))
            + 8.0;
        assert!((widths[1] - expected).abs() < 1e-3, "{widths:?}");
        assert!((widths[0] + widths[1] - 300.0).abs() < 1e-3);
        let two_lines = row_height(&["a b".into()], &[12.0], &text, &style).unwrap();
        let one_line = row_height(&["a b".into()], &[300.0], &text, &style).unwrap();
        assert!((two_lines - one_line - text.line_height).abs() < 1e-3);
    }

    #[test]
    fn content_id_is_stable_and_depends_on_the_content() {
        assert_eq!(content_id(b"abc"), content_id(b"abc"));
        assert_ne!(content_id(b"abc"), content_id(b"abd"));
        assert_eq!(content_id(b"").len(), 32);
    }
}
