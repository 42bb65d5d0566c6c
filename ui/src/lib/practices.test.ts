import { describe, expect, it } from 'vitest';
import { moveIndex } from './practices';
import { reportFileName } from './api/reports';

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

describe('reportFileName', () => {
  it('is <subject>-<document>.pdf', () => {
    expect(reportFileName('Payments API', 'executive')).toBe('Payments API-summary.pdf');
    expect(reportFileName('Payments API', 'workbook')).toBe('Payments API-workbook.pdf');
    expect(reportFileName('Checkout', 'group')).toBe('Checkout-group.pdf');
  });

  it('replaces characters file systems refuse', () => {
    expect(reportFileName('a/b:c*?', 'executive')).toBe('a-b-c---summary.pdf');
  });

  it('never gives a hidden or empty name', () => {
    expect(reportFileName('..', 'executive')).toBe('mamos-summary.pdf');
    expect(reportFileName('   ', 'organisation')).toBe('mamos-organisation.pdf');
  });
});
