import { describe, expect, it } from 'vitest';
import type { ImportSummary } from './bindings';
import { bundleFileName, importHeadline, importedLines } from './exchange';

const summary = (over: Partial<ImportSummary> = {}): ImportSummary => ({
  components: 0,
  workshops: 0,
  banks: 0,
  plans: 0,
  plans_closed: 0,
  conflicts: [],
  ...over,
});

describe('bundleFileName', () => {
  it('is <subject>.mamos.json, without characters file systems refuse', () => {
    expect(bundleFileName('Équipe <b>Łódź</b>')).toBe('Équipe -b-Łódź--b-.mamos.json');
    expect(bundleFileName('..')).toBe('mamos.mamos.json');
  });
});

describe('importedLines', () => {
  it('counts every kind, singular and plural, zeros included', () => {
    expect(importedLines(summary({ components: 1, workshops: 2, banks: 1 }))).toEqual([
      '1 new component',
      '2 workshops',
      '0 plans',
      '1 new question-bank version',
    ]);
  });

  it('says when open plans here were closed by the bundle', () => {
    expect(importedLines(summary({ plans_closed: 2 })).at(-1)).toBe(
      '2 open plans here closed, as the bundle closed them at a re-assessment',
    );
  });
});

describe('importHeadline', () => {
  it('tells the coach there is nothing to settle, or how many conflicts', () => {
    expect(importHeadline(summary())).toBe('Imported, no conflicts');
    expect(importHeadline(summary({ conflicts: ['a', 'b'] }))).toMatch(/^Imported with 2 conflicts/);
    expect(importHeadline(summary({ conflicts: ['a'] }))).toMatch(/^Imported with 1 conflict:/);
  });
});
