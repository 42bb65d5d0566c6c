import { describe, expect, it } from 'vitest';
import { moveIndex } from './practices';
import { summaryFileName } from './api/reports';

describe('moveIndex', () => {
  it('moves within the list', () => {
    expect(moveIndex(2, 1, 10)).toBe(3);
    expect(moveIndex(2, -1, 10)).toBe(1);
  });

  it('stops at both ends', () => {
    expect(moveIndex(9, 1, 10)).toBe(9);
    expect(moveIndex(0, -1, 10)).toBe(0);
  });

  it('is 0 for an empty list', () => {
    expect(moveIndex(3, 1, 0)).toBe(0);
  });
});

describe('summaryFileName', () => {
  it('is <component>-summary.pdf', () => {
    expect(summaryFileName('Payments API')).toBe('Payments API-summary.pdf');
  });

  it('replaces characters file systems refuse', () => {
    expect(summaryFileName('a/b:c*?')).toBe('a-b-c---summary.pdf');
  });

  it('never gives a hidden or empty name', () => {
    expect(summaryFileName('..')).toBe('component-summary.pdf');
    expect(summaryFileName('   ')).toBe('component-summary.pdf');
  });
});
