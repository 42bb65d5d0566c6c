//! Saving pages as a PDF whose bytes depend only on the content.

use chrono::{Datelike, NaiveDate};
use printpdf::{
    ExtendedGraphicsState, FontId, Mm, ParsedFont, PdfDocument, PdfFont, PdfPage,
    PdfParseErrorSeverity, PdfSaveOptions, Pt, Rect,
};

use super::canvas::{alpha_state_id, Canvas};
use crate::report::fonts::{self, FontStyle};

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

    #[test]
    fn content_id_is_stable_and_depends_on_the_content() {
        assert_eq!(content_id(b"abc"), content_id(b"abc"));
        assert_ne!(content_id(b"abc"), content_id(b"abd"));
        assert_eq!(content_id(b"").len(), 32);
    }
}
