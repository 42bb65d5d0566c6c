import { describe, expect, it } from 'vitest';
import { bandClass, cellText, cellTitle, gapText, spreadText } from './heatmap';

describe('heatmap cells', () => {
  it('show a rounded score, and a dash (never 0) when not assessed', () => {
    expect(cellText(62.5)).toBe('63');
    expect(cellText(0)).toBe('0');
    expect(cellText(null)).toBe('–');
  });

  it('are coloured by the band the core gave, and blank cells have their own class', () => {
    expect(bandClass({ score: 50, level_band: 2, gap_to_target: 25 })).toBe('band-2');
    expect(bandClass({ score: null, level_band: null, gap_to_target: null })).toBe('unassessed');
  });

  it('explain the score, the target and the gap in the tooltip', () => {
    expect(cellTitle('Payments', 'Methods', { score: 50, level_band: 2, gap_to_target: 25 }, 75)).toBe(
      'Payments · Methods: 50.0 % · target 75.0 % · 25.0 points below target',
    );
    expect(cellTitle('Payments', 'Skills', { score: 80, level_band: 4, gap_to_target: 0 }, 75)).toBe(
      'Payments · Skills: 80.0 % · target 75.0 % · target reached',
    );
    expect(cellTitle('Search', 'Architecture', { score: null, level_band: null, gap_to_target: null }, 75)).toBe(
      'Search · Architecture: not assessed',
    );
    expect(cellTitle('Search', 'Management', { score: 40, level_band: 2, gap_to_target: null }, null)).toBe(
      'Search · Management: 40.0 %',
    );
  });

  it('write a gap in points', () => {
    expect(gapText(12.25)).toBe('12.3 points below target');
    expect(gapText(0)).toBe('target reached');
  });
});

describe('roll-up spread', () => {
  it('reads min–max, or "all" when every component has the same score, or nothing when none is assessed', () => {
    expect(spreadText({ id: 'methods', mean: 50, min: 25, max: 75, assessed: 2 })).toBe('25–75');
    expect(spreadText({ id: 'methods', mean: 50, min: 50, max: 50, assessed: 1 })).toBe('all 50');
    expect(spreadText({ id: 'methods', mean: null, min: null, max: null, assessed: 0 })).toBe('');
  });
});
