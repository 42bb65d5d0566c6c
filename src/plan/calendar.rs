//! A plan's calendar: day 1 is the start date; weeks and days count from it.

use chrono::{Days, NaiveDate};

use super::{CheckinDate, PLAN_WEEKS};

/// Day 1 of a component's next plan when the coach gives none: the day after
/// the previous plan's day 90, so the 90-day cycles follow each other without
/// a gap or an overlap, unless that day is already past: a plan is never
/// started in the past (its first check-ins would be missed), so then today.
pub fn next_plan_start(previous_end: Option<NaiveDate>, today: NaiveDate) -> NaiveDate {
    previous_end
        .and_then(|end| end.succ_opt())
        .filter(|next| *next >= today)
        .unwrap_or(today)
}

/// The date of day `day` (1-based) of a plan starting on `start`.
pub fn day_date(start: NaiveDate, day: u32) -> NaiveDate {
    start
        .checked_add_days(Days::new(u64::from(day.saturating_sub(1))))
        .unwrap_or(NaiveDate::MAX)
}

/// The first day of plan week `week`.
pub fn week_start(start: NaiveDate, week: u32) -> NaiveDate {
    day_date(start, 7 * (week.max(1) - 1) + 1)
}

/// The last day of plan week `week`.
pub fn week_end(start: NaiveDate, week: u32) -> NaiveDate {
    day_date(start, 7 * week.max(1))
}

/// The plan week (1-based) that holds `date`; 0 before the start.
pub fn week_of(start: NaiveDate, date: NaiveDate) -> u32 {
    let days = (date - start).num_days();
    if days < 0 {
        0
    } else {
        (days / 7) as u32 + 1
    }
}

/// The plan day (1-based) of `date`; 0 or less before the start.
pub fn day_of(start: NaiveDate, date: NaiveDate) -> i64 {
    (date - start).num_days() + 1
}

/// The weekly check-ins of a plan starting on `start`: the first day of weeks 1 to 13.
pub fn checkin_dates(start: NaiveDate) -> Vec<CheckinDate> {
    (1..=PLAN_WEEKS)
        .map(|week| CheckinDate {
            week,
            date: week_start(start, week),
        })
        .collect()
}
