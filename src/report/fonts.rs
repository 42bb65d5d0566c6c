//! The fonts embedded in every PDF: DejaVu Sans regular and bold (licence in
//! `fonts/LICENSE-DejaVu.txt`), their metrics for measuring text, and the
//! check that replaces characters the font cannot draw (visibly, with a warning).

use std::collections::BTreeSet;
use std::sync::OnceLock;

use ttf_parser::{Face, GlyphId};

pub const REGULAR_TTF: &[u8] = include_bytes!("fonts/DejaVuSans.ttf");
pub const BOLD_TTF: &[u8] = include_bytes!("fonts/DejaVuSans-Bold.ttf");
/// The DejaVu / Bitstream Vera licence, shipped with the fonts.
pub const LICENSE: &str = include_str!("fonts/LICENSE-DejaVu.txt");

#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum FontStyle {
    Regular,
    Bold,
}

impl FontStyle {
    pub const ALL: [FontStyle; 2] = [FontStyle::Regular, FontStyle::Bold];

    pub fn ttf(self) -> &'static [u8] {
        match self {
            FontStyle::Regular => REGULAR_TTF,
            FontStyle::Bold => BOLD_TTF,
        }
    }

    /// The PDF resource name. Its first six capitals are also the subset tag
    /// (`MAMOSR+DejaVuSans`), fixed so that the output is deterministic.
    pub fn resource_name(self) -> &'static str {
        match self {
            FontStyle::Regular => "MAMOSR",
            FontStyle::Bold => "MAMOSB",
        }
    }
}

/// Metrics of one embedded font, read with `ttf-parser`.
pub struct Font {
    face: Face<'static>,
    units_per_em: f32,
    replacement: char,
}

impl Font {
    fn parse(style: FontStyle) -> Result<Font, String> {
        let face = Face::parse(style.ttf(), 0)
            .map_err(|e| format!("the embedded font {style:?} cannot be read: {e}"))?;
        let units_per_em = f32::from(face.units_per_em());
        let replacement = if face.glyph_index('\u{FFFD}').is_some() {
            '\u{FFFD}'
        } else {
            '?'
        };
        Ok(Font {
            face,
            units_per_em,
            replacement,
        })
    }

    /// True when the font has a real glyph (not `.notdef`) for `c`.
    pub fn has_glyph(&self, c: char) -> bool {
        self.face.glyph_index(c).is_some_and(|g| g.0 != 0)
    }

    /// What is drawn instead of a character the font lacks.
    pub fn replacement(&self) -> char {
        self.replacement
    }

    /// Advance width of `c` at `size` points, in points.
    pub fn char_width(&self, c: char, size: f32) -> f32 {
        let glyph = self.face.glyph_index(c).unwrap_or(GlyphId(0));
        let advance = self.face.glyph_hor_advance(glyph).unwrap_or(0);
        f32::from(advance) * size / self.units_per_em
    }

    /// Width of `text` on one line at `size` points, in points (no kerning:
    /// the PDF draws each character at its advance width).
    pub fn text_width(&self, text: &str, size: f32) -> f32 {
        text.chars().map(|c| self.char_width(c, size)).sum()
    }

    /// Height above the baseline at `size` points.
    pub fn ascent(&self, size: f32) -> f32 {
        f32::from(self.face.ascender()) * size / self.units_per_em
    }

    /// Depth below the baseline at `size` points, as a positive number.
    pub fn descent(&self, size: f32) -> f32 {
        -f32::from(self.face.descender()) * size / self.units_per_em
    }
}

static FONTS: OnceLock<Result<[Font; 2], String>> = OnceLock::new();

/// The metrics of `style`, parsed once per process.
pub fn font(style: FontStyle) -> crate::Result<&'static Font> {
    let fonts = FONTS.get_or_init(|| {
        Ok([
            Font::parse(FontStyle::Regular)?,
            Font::parse(FontStyle::Bold)?,
        ])
    });
    match fonts {
        Ok([regular, bold]) => Ok(match style {
            FontStyle::Regular => regular,
            FontStyle::Bold => bold,
        }),
        Err(message) => Err(crate::Error::Pdf(message.clone())),
    }
}

/// Collects the warnings of one document, each once.
#[derive(Debug, Default)]
pub struct Warnings {
    seen: BTreeSet<String>,
    list: Vec<String>,
}

impl Warnings {
    pub fn push(&mut self, warning: String) {
        if self.seen.insert(warning.clone()) {
            self.list.push(warning);
        }
    }

    pub fn into_vec(self) -> Vec<String> {
        self.list
    }

    pub fn as_slice(&self) -> &[String] {
        &self.list
    }
}

/// `text` as it can be drawn with `font`: line breaks and tabs become spaces,
/// and every other character the font lacks becomes its replacement character,
/// with a warning naming the character and `what` it was in
/// ("character U+1F600 '😀' in component name is not in the font").
pub fn printable(font: &Font, text: &str, what: &str, warnings: &mut Warnings) -> String {
    text.chars()
        .map(|c| match c {
            '\n' | '\r' | '\t' => ' ',
            c if !c.is_control() && font.has_glyph(c) => c,
            c => {
                let shown: String = if c.is_control() {
                    c.escape_unicode().to_string()
                } else {
                    c.to_string()
                };
                warnings.push(format!(
                    "character U+{:04X} '{shown}' in {what} is not in the font; it is shown as '{}'",
                    u32::from(c),
                    font.replacement()
                ));
                font.replacement()
            }
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn both_fonts_cover_european_greek_and_cyrillic_letters() {
        for style in FontStyle::ALL {
            let font = font(style).unwrap();
            for c in "aÉéÖöŁłßçœΩμέγαПривет€–—…’".chars() {
                assert!(font.has_glyph(c), "{style:?} lacks {c}");
            }
            assert_eq!(font.replacement(), '\u{FFFD}');
        }
    }

    #[test]
    fn missing_glyphs_are_replaced_visibly_and_reported_once() {
        let font = font(FontStyle::Bold).unwrap();
        let mut warnings = Warnings::default();
        // DejaVu Sans has a few emoticons (U+1F600) but no crab and no CJK.
        let text = printable(
            font,
            "Team 🦀 and 🦀\tok 😀 漢",
            "component name",
            &mut warnings,
        );
        assert_eq!(text, "Team \u{FFFD} and \u{FFFD} ok 😀 \u{FFFD}");
        assert_eq!(
            warnings.as_slice(),
            [
                "character U+1F980 '🦀' in component name is not in the font; it is shown as '\u{FFFD}'",
                "character U+6F22 '漢' in component name is not in the font; it is shown as '\u{FFFD}'",
            ]
        );
    }

    #[test]
    fn control_characters_are_reported_not_dropped() {
        let font = font(FontStyle::Regular).unwrap();
        let mut warnings = Warnings::default();
        let text = printable(font, "a\u{7}b", "bank title", &mut warnings);
        assert_eq!(text.chars().count(), 3);
        assert_eq!(warnings.as_slice().len(), 1);
        assert!(
            warnings.as_slice()[0].starts_with("character U+0007"),
            "{:?}",
            warnings.as_slice()
        );
    }

    #[test]
    fn widths_scale_with_size_and_differ_between_glyphs() {
        let font = font(FontStyle::Regular).unwrap();
        assert!((font.text_width("MMMM", 20.0) - 2.0 * font.text_width("MMMM", 10.0)).abs() < 1e-3);
        assert!(font.text_width("iiii", 10.0) < font.text_width("MMMM", 10.0));
        // DejaVu Sans: 'M' advances 1767 of 2048 units.
        assert!((font.char_width('M', 2048.0) - 1767.0).abs() < 1e-3);
        assert_eq!(font.text_width("", 10.0), 0.0);
    }
}
