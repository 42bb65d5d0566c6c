import { describe, expect, it } from 'vitest';
import {
  answerMark,
  formatBytes,
  formatPercent,
  levelAttribute,
  NOT_ASSESSED,
  pillarName,
  scoreAttribute,
  text,
} from './format';

describe('formatPercent', () => {
  it('shows one decimal', () => {
    expect(formatPercent(66.66666666)).toBe('66.7 %');
    expect(formatPercent(100)).toBe('100.0 %');
  });

  it('shows a zero score as 0.0 %, not as not assessed', () => {
    expect(formatPercent(0)).toBe('0.0 %');
  });

  it('shows null as not assessed, never 0', () => {
    expect(formatPercent(null)).toBe(NOT_ASSESSED);
    expect(NOT_ASSESSED).toBe('not assessed');
  });
});

describe('test hook attributes', () => {
  it('keep the full precision of a score', () => {
    expect(scoreAttribute(66.66666666666667)).toBe('66.66666666666667');
    expect(scoreAttribute(0)).toBe('0');
  });

  it('write null as "null"', () => {
    expect(scoreAttribute(null)).toBe('null');
    expect(levelAttribute(null)).toBe('null');
    expect(levelAttribute(0)).toBe('0');
  });
});

describe('small formats', () => {
  it('text falls back to English', () => {
    expect(text({ en: 'Methods' }, 'de')).toBe('Methods');
    expect(text(undefined, 'en')).toBe('');
  });

  it('answerMark shows the level, N/A or a dash', () => {
    expect(answerMark({ kind: 'level', level: 0 })).toBe('0');
    expect(answerMark({ kind: 'not_applicable', reason: 'no UI' })).toBe('N/A');
    expect(answerMark(null)).toBe('–');
  });

  it('formatBytes', () => {
    expect(formatBytes(512)).toBe('512 bytes');
    expect(formatBytes(15360)).toBe('15.0 KB');
    expect(formatBytes(3 * 1024 * 1024)).toBe('3.0 MB');
  });
});

describe('pillarName', () => {
  const pillars = [{ id: 'organization' as const, name: { en: 'Organization', fr: 'Organisation' } }];

  it("is the bank's name in the language asked, else English", () => {
    expect(pillarName(pillars, 'organization', 'fr')).toBe('Organisation');
    expect(pillarName(pillars, 'organization', 'de')).toBe('Organization');
  });

  it('is the id for a pillar the list leaves out', () => {
    expect(pillarName(pillars, 'skills', 'en')).toBe('skills');
  });
});
