// The DORA panel's choices and wording. The core classifies the metrics and
// computes the Quick Check scores; here are only the survey bands to choose
// from (typed against the generated bindings, so a band cannot be missed),
// the check of a typed percentage, and how results read.
import type { Classification, Cluster, FrequencyBand, ReportYear, TimeBand } from './bindings';

/** Survey answer bands for lead time and recovery time, worst first (as the core orders them). */
export const TIME_BANDS: ReadonlyArray<{ value: TimeBand; label: string }> = [
  { value: 'more_than_six_months', label: 'more than six months' },
  { value: 'one_to_six_months', label: 'one to six months' },
  { value: 'one_week_to_one_month', label: 'one week to one month' },
  { value: 'one_day_to_one_week', label: 'one day to one week' },
  { value: 'less_than_one_day', label: 'less than one day' },
  { value: 'less_than_one_hour', label: 'less than one hour' },
];

export const FREQUENCY_BANDS: ReadonlyArray<{ value: FrequencyBand; label: string }> = [
  { value: 'fewer_than_once_per_six_months', label: 'fewer than once per six months' },
  { value: 'monthly_to_six_monthly', label: 'once per month to once per six months' },
  { value: 'weekly_to_monthly', label: 'once per week to once per month' },
  { value: 'daily_to_weekly', label: 'once per day to once per week' },
  { value: 'hourly_to_daily', label: 'once per hour to once per day' },
  { value: 'on_demand', label: 'on demand (several per day)' },
];

export const REPORT_YEARS: readonly ReportYear[] = ['2019', '2021', '2023', '2024'];

/** The year the core classifies with when none was chosen (its latest table). */
export const DEFAULT_YEAR: ReportYear = '2024';

const CLUSTER_NAMES: Readonly<Record<Cluster, string>> = {
  elite: 'Elite',
  high: 'High',
  medium: 'Medium',
  low: 'Low',
};

export function clusterName(cluster: Cluster | null): string {
  return cluster === null ? 'not classified' : CLUSTER_NAMES[cluster];
}

/** "High (2021 clusters)": a classification always says which year's table it used. */
export function classificationText(classification: Classification): string {
  if (classification.overall === null) return `not classified (no metric with a ${classification.year} table yet)`;
  return `${CLUSTER_NAMES[classification.overall]} (${classification.year} clusters)`;
}

/** A Quick Check score on 0–10: "6.7 / 10", or a dash when no metric of its group is given. */
export function quickCheckText(score: number | null): string {
  return score === null ? '–' : `${score.toFixed(1)} / 10`;
}

/**
 * A percentage as typed: blank is "not measured" (null); "12,5" and "12.5 %"
 * are read as 12.5; anything else, or outside 0–100, is an error to show.
 */
export function parsePercent(typed: string): { value: number | null } | { error: string } {
  const cleaned = typed.trim().replace(/\s*%$/, '').replace(',', '.');
  if (cleaned === '') return { value: null };
  const value = /^\d+(\.\d+)?$/.test(cleaned) ? Number(cleaned) : NaN;
  if (!Number.isFinite(value) || value > 100) return { error: 'Type a percentage from 0 to 100, or leave it blank.' };
  return { value };
}

/** The text a percentage field starts with: the stored value, or blank. */
export function percentField(value: number | null): string {
  return value === null ? '' : String(value);
}
