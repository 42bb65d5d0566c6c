//! Small layout helpers on top of printpdf's drawing operations: measured
//! text (`text`: wrap, ellipsis), a page canvas with y measured from the top
//! and the styles it draws with (`canvas`), simple tables (`table`), and
//! saving pages as a deterministic PDF (`save`).
//!
//! Units are PDF points (1/72 inch) throughout.

mod canvas;
mod save;
mod table;
mod text;

pub use canvas::{Align, Canvas, Rgb3, Stroke, TextStyle};
pub use save::{save_pdf, Bookmark, DocInfo};
pub use table::{
    column_widths, draw_row, draw_table, header_height, row_height, Column, Row, TableStyle, Width,
};
pub use text::{ellipsize, widest_word, wrap, wrap_lines, ELLIPSIS};

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
