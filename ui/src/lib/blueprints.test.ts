import { describe, expect, it } from 'vitest';
import type { BlueprintDescription } from './bindings';
import { blueprintLine } from './blueprints';

const scaleUp: BlueprintDescription = {
  id: 'II',
  short: { en: 'Scale-up', fr: 'Scale-up' },
  fit: { en: 'scale the business, structure the platform', fr: 'faire grandir l’activité, structurer la plateforme' },
  size: { en: '10–50 people', fr: '10–50 personnes' },
};

describe('a blueprint line', () => {
  it("reads as the core's fit and size, as the executive summary prints them", () => {
    expect(blueprintLine(scaleUp, 'en')).toBe('scale the business, structure the platform (10–50 people)');
    expect(blueprintLine(scaleUp, 'fr')).toBe('faire grandir l’activité, structurer la plateforme (10–50 personnes)');
  });
});
