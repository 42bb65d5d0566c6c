//! A plan's calendar: day 1 is the start date; weeks and days count from it.

use chrono::{Days, NaiveDate};

use super::{CheckinDate, PLAN_WEEKS, TIMELINE_DAYS};

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

/// The plan day (1-based) that opens plan week `week`: day 1, 8, 15, …
pub fn week_first_day(week: u32) -> u32 {
    7 * (week.max(1) - 1) + 1
}

/// The first day of plan week `week`.
pub fn week_start(start: NaiveDate, week: u32) -> NaiveDate {
    day_date(start, week_first_day(week))
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

/// Today's day in a plan starting on `start`, or `None` when today falls
/// outside its 13 weeks (before day 1 or after day 91).
pub fn today_day(start: NaiveDate, today: NaiveDate) -> Option<u32> {
    u32::try_from(day_of(start, today))
        .ok()
        .filter(|day| (1..=TIMELINE_DAYS).contains(day))
}

/// The check-in week to offer on `today`: the last planned check-in on or
/// before today, so a late check-in still lands on the week it was due;
/// the first one (week 1) before the plan starts or when it plans none.
pub fn checkin_week(checkins: &[CheckinDate], today: NaiveDate) -> u32 {
    checkins
        .iter()
        .rev()
        .find(|c| c.date <= today)
        .or(checkins.first())
        .map_or(1, |c| c.week)
}

/// The weekly check-ins of a plan starting on `start`: the first day of weeks 1 to 13.
pub fn checkin_dates(start: NaiveDate) -> Vec<CheckinDate> {
    (1..=PLAN_WEEKS)
        .map(|week| CheckinDate {
            week,
            day: week_first_day(week),
            date: week_start(start, week),
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn date(text: &str) -> NaiveDate {
        text.parse().expect("a test date")
    }

    #[test]
    fn day_1_is_the_start_and_day_90_is_start_plus_89_across_a_month_end() {
        let start = date("2026-03-02");
        assert_eq!(day_of(start, start), 1);
        assert_eq!(day_of(start, date("2026-05-30")), 90);
        assert_eq!(day_of(start, date("2026-03-01")), 0);
        assert_eq!(day_date(start, 90), date("2026-05-30"));
    }

    #[test]
    fn today_is_on_the_timeline_only_within_the_13_weeks() {
        let start = date("2026-03-02");
        assert_eq!(today_day(start, start), Some(1));
        assert_eq!(today_day(start, date("2026-03-31")), Some(30));
        assert_eq!(today_day(start, date("2026-05-31")), Some(91));
        assert_eq!(today_day(start, date("2026-03-01")), None);
        assert_eq!(today_day(start, date("2026-06-01")), None);
        assert_eq!(today_day(start, date("1990-01-01")), None);
    }

    #[test]
    fn each_check_in_falls_on_the_first_day_of_its_week() {
        let start = date("2026-03-02");
        let checkins = checkin_dates(start);
        assert_eq!(checkins.len(), PLAN_WEEKS as usize);
        for c in &checkins {
            assert_eq!(c.day, week_first_day(c.week));
            assert_eq!(day_of(start, c.date), i64::from(c.day));
        }
        assert_eq!(checkins[12].day, 85);
    }

    #[test]
    fn a_check_in_stored_without_its_day_gets_it_from_its_week() {
        let stored = r#"{"week":3,"date":"2026-03-16"}"#;
        let checkin: CheckinDate = serde_json::from_str(stored).expect("a stored check-in");
        assert_eq!(checkin.day, 15);
        let written = serde_json::to_string(&checkin).expect("a check-in serializes");
        assert_eq!(written, r#"{"week":3,"day":15,"date":"2026-03-16"}"#);
    }

    #[test]
    fn the_check_in_offered_is_the_last_one_due_and_week_1_before_the_start() {
        let checkins = checkin_dates(date("2026-03-02"));
        assert_eq!(checkin_week(&checkins, date("2026-03-01")), 1);
        assert_eq!(checkin_week(&checkins, date("2026-03-02")), 1);
        assert_eq!(checkin_week(&checkins, date("2026-03-08")), 1);
        assert_eq!(checkin_week(&checkins, date("2026-03-09")), 2);
        assert_eq!(checkin_week(&checkins, date("2026-12-31")), 13);
        assert_eq!(checkin_week(&[], date("2026-03-09")), 1);
    }
}
