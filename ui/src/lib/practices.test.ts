import { describe, expect, it } from 'vitest';
import { moveIndex } from './practices';
import { documentLabel, reportFileName } from './api/reports';

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
    expect(reportFileName('Payments API', 'executive', 'component')).toBe('Payments API-summary.pdf');
    expect(reportFileName('Payments API', 'workbook', 'component')).toBe('Payments API-workbook.pdf');
    expect(reportFileName('Checkout', 'org', 'group')).toBe('Checkout-group.pdf');
    expect(reportFileName('Checkout', 'executive', 'group')).toBe('Checkout-group-summary.pdf');
    expect(reportFileName('organisation', 'executive', 'organisation')).toBe('organisation-organisation-summary.pdf');
  });

  it('replaces characters file systems refuse', () => {
    expect(reportFileName('a/b:c*?', 'executive', 'component')).toBe('a-b-c---summary.pdf');
  });

  it('never gives a hidden or empty name', () => {
    expect(reportFileName('..', 'executive', 'component')).toBe('mamos-summary.pdf');
    expect(reportFileName('   ', 'org', 'organisation')).toBe('mamos-organisation.pdf');
  });
});

describe('documentLabel', () => {
  it('names a summary by what it is about', () => {
    expect(documentLabel('executive', 'component')).toBe('Executive summary');
    expect(documentLabel('executive', 'group')).toBe('Group summary (one page)');
    expect(documentLabel('executive', 'organisation')).toBe('Organisation summary (one page)');
    expect(documentLabel('org', 'group')).toBe('Group report');
    expect(documentLabel('org', 'organisation')).toBe('Organisation report');
  });
});
