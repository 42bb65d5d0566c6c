import { describe, expect, it } from 'vitest';
import type { PracticeTarget } from './bindings';
import { targetCaption, targetTitle } from './targets';

const target = (origin: PracticeTarget['origin'], reason: string | null = null): PracticeTarget => ({
  practice_id: 'methods.deploy-daily',
  level: 2,
  origin,
  reason,
  blueprint_level: 2,
});

describe('the target mark next to the levels', () => {
  it("names the blueprint when the target is the blueprint's", () => {
    expect(targetCaption(target('blueprint'), 'III')).toBe('target III');
    expect(targetTitle(target('blueprint'), 'III')).toBe('The level a blueprint III component should reach');
  });

  it('says where an overridden target comes from, and why', () => {
    expect(targetCaption(target('pillar_override', 'new team'), 'II')).toBe('target (pillar override)');
    expect(targetCaption(target('practice_override', 'regulated'), 'II')).toBe('target (override)');
    expect(targetTitle(target('practice_override', 'regulated'), 'II')).toBe('Overridden: regulated');
  });
});
