//! `mamos workshop pace`: the timebox per practice, the planned length and
//! automatic reveal of a live workshop.

use mamos::app::live;
use mamos::live_view::Pace;
use mamos::store::Store;
use mamos::{Error, Result};

use super::print_json;

#[derive(clap::Args)]
pub struct PaceArgs {
    workshop: i64,
    /// The time each practice gets, 10s to 60m (e.g. 90s, 2m, 1m30s), or off.
    #[arg(long, value_name = "DURATION|off")]
    timebox: Option<String>,
    /// The planned length of the workshop, 5m to 8h (e.g. 90m, 2h), or off.
    #[arg(long, value_name = "DURATION|off")]
    length: Option<String>,
    /// Reveal the practice on screen once every joined participant has voted.
    #[arg(long, value_name = "on|off")]
    auto_reveal: Option<String>,
    #[arg(long)]
    json: bool,
}

pub fn run_pace(store: &mut Store, args: PaceArgs) -> Result<()> {
    let mut pace = live::pace(store, args.workshop)?;
    let changes = args.timebox.is_some() || args.length.is_some() || args.auto_reveal.is_some();
    if let Some(text) = &args.timebox {
        pace.timebox_seconds = parse_duration("--timebox", text)?;
    }
    if let Some(text) = &args.length {
        pace.length_minutes = match parse_duration("--length", text)? {
            Some(seconds) if seconds % 60 != 0 => {
                return Err(Error::invalid(
                    "--length",
                    format!("expected whole minutes (e.g. 90m, 2h), found {text:?}"),
                ))
            }
            minutes => minutes.map(|seconds| seconds / 60),
        };
    }
    if let Some(text) = &args.auto_reveal {
        pace.auto_reveal = parse_switch("--auto-reveal", text)?;
    }
    if changes {
        pace = live::set_pace(store, args.workshop, pace).map_err(as_flag)?;
    }
    if args.json {
        print_json(&pace);
    } else {
        say!("{}", pace_text(&pace));
    }
    Ok(())
}

/// A range refused by the core names its field; the CLI names the flag.
fn as_flag(error: Error) -> Error {
    match error {
        Error::InvalidInput { field, message } if field == "timebox" || field == "length" => {
            Error::InvalidInput {
                field: format!("--{field}"),
                message,
            }
        }
        other => other,
    }
}

fn pace_text(pace: &Pace) -> String {
    let timebox = pace.timebox_seconds.map_or("no timebox".to_string(), |s| {
        format!("timebox {} per practice", duration_text(s))
    });
    let length = pace
        .length_minutes
        .map_or("no planned length".to_string(), |m| {
            format!("planned length {}", duration_text(m * 60))
        });
    let reveal = if pace.auto_reveal { "on" } else { "off" };
    format!("{timebox}; {length}; automatic reveal {reveal}")
}

/// `1h30m`, `2m`, `1m30s`, `45s`.
fn duration_text(seconds: u32) -> String {
    let (h, m, s) = (seconds / 3600, seconds / 60 % 60, seconds % 60);
    let mut text = String::new();
    for (value, unit) in [(h, "h"), (m, "m"), (s, "s")] {
        if value > 0 {
            text.push_str(&format!("{value}{unit}"));
        }
    }
    if text.is_empty() {
        "0s".to_string()
    } else {
        text
    }
}

/// `off`, or a duration written as numbers with units `h`, `m`, `s`
/// (`90s`, `2m`, `1h30m`), in seconds.
fn parse_duration(flag: &str, text: &str) -> Result<Option<u32>> {
    let trimmed = text.trim().to_lowercase();
    if trimmed == "off" {
        return Ok(None);
    }
    let refuse = || {
        Error::invalid(
            flag,
            format!("expected a duration such as 90s, 2m or 1h30m, or off; found {text:?}"),
        )
    };
    let mut seconds: u64 = 0;
    let mut number = String::new();
    for c in trimmed.chars() {
        if c.is_ascii_digit() {
            number.push(c);
            continue;
        }
        let unit = match c {
            'h' => 3600,
            'm' => 60,
            's' => 1,
            _ => return Err(refuse()),
        };
        let value: u64 = number.parse().map_err(|_| refuse())?;
        seconds = value
            .checked_mul(unit)
            .and_then(|part| seconds.checked_add(part))
            .ok_or_else(refuse)?;
        number.clear();
    }
    if !number.is_empty() || trimmed.is_empty() {
        return Err(refuse());
    }
    u32::try_from(seconds).map(Some).map_err(|_| refuse())
}

fn parse_switch(flag: &str, text: &str) -> Result<bool> {
    match text.trim().to_lowercase().as_str() {
        "on" => Ok(true),
        "off" => Ok(false),
        _ => Err(Error::invalid(
            flag,
            format!("expected on or off, found {text:?}"),
        )),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn durations_read_as_a_coach_writes_them() {
        assert_eq!(parse_duration("--timebox", "90s").unwrap(), Some(90));
        assert_eq!(parse_duration("--timebox", "2m").unwrap(), Some(120));
        assert_eq!(parse_duration("--timebox", "1m30s").unwrap(), Some(90));
        assert_eq!(parse_duration("--length", "1h30m").unwrap(), Some(5400));
        assert_eq!(parse_duration("--length", "OFF").unwrap(), None);
        for bad in ["", "90", "m", "2x", "1.5m", "-2m", "99999999999h"] {
            let error = parse_duration("--timebox", bad).unwrap_err().to_string();
            assert!(error.starts_with("--timebox: "), "{bad:?}: {error}");
        }
        assert_eq!(duration_text(5400), "1h30m");
        assert_eq!(duration_text(90), "1m30s");
    }
}
