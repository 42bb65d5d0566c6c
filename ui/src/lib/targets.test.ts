import { describe, expect, it } from 'vitest';
import type { Practice, TargetOverride } from './bindings';
import { practiceTarget, targetCaption } from './targets';

const practice = { id: 'methods.deploy-daily', targets: { I: 1, II: 2, III: 3, IV: 4 } } as unknown as Practice;
const forPractice: TargetOverride = { key: 'methods.deploy-daily', pillar: false, level: 4, reason: 'regulated' };
const forPillar: TargetOverride = { key: 'methods', pillar: true, level: 1, reason: 'new team' };
const elsewhere: TargetOverride = { key: 'skills', pillar: true, level: 0, reason: 'outsourced' };

describe('the target a practice is held to', () => {
  it("is the blueprint's when nothing is overridden", () => {
    expect(practiceTarget(practice, 'methods', 'II', [elsewhere])).toEqual({ level: 2, override: null });
    expect(targetCaption(practiceTarget(practice, 'methods', 'III', []), 'III')).toBe('target III');
  });

  it('is 0 for a blueprint the bank leaves out, as the core reads it', () => {
    const partial = { id: 'p', targets: { II: 3 } } as unknown as Practice;
    expect(practiceTarget(partial, 'skills', 'IV', [])).toEqual({ level: 0, override: null });
  });

  it("is the pillar's override, and the practice's own override wins over it", () => {
    expect(practiceTarget(practice, 'methods', 'II', [forPillar])).toEqual({ level: 1, override: forPillar });
    expect(practiceTarget(practice, 'methods', 'II', [forPillar, forPractice])).toEqual({ level: 4, override: forPractice });
  });

  it('says where an overridden target comes from', () => {
    expect(targetCaption({ level: 1, override: forPillar }, 'II')).toBe('target (pillar override)');
    expect(targetCaption({ level: 4, override: forPractice }, 'II')).toBe('target (override)');
  });
});
