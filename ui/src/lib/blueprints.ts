// The four MAMOS blueprints: context by company stage, not grades.
import type { Blueprint } from './bindings';

export const BLUEPRINTS: ReadonlyArray<{ id: Blueprint; short: string; name: string; people: string }> = [
  { id: 'I', short: 'MVP', name: 'Discover value, build the MVP', people: '3–10 people' },
  { id: 'II', short: 'Scale-up', name: 'Scale the business', people: '10–50 people' },
  { id: 'III', short: 'Domain teams', name: 'Expand with domain teams', people: '50–150 people' },
  { id: 'IV', short: 'Platforms', name: 'Platform of platforms', people: '500+ people' },
];

export function blueprintLine(id: Blueprint): string {
  const blueprint = BLUEPRINTS.find((b) => b.id === id);
  return blueprint ? `${blueprint.name} (${blueprint.people})` : id;
}
