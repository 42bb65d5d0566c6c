//! Measured text: greedy wrapping, cutting with "…", the widest word.

use crate::report::fonts::Font;

pub const ELLIPSIS: char = '…';

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
#[cfg(test)]
mod tests {
    use super::*;
    use crate::report::fonts::{self, FontStyle};

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
}
