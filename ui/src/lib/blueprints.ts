// The four MAMOS blueprints (context by company stage, not grades) as the
// core describes them (`list_blueprints`); here only how a description reads.
import type { BlueprintDescription } from './bindings';
import { text } from './format';

/** "scale the business, structure the platform (10–50 people)", the executive summary's words. */
export function blueprintLine(description: BlueprintDescription, lang: string): string {
  return `${text(description.fit, lang)} (${text(description.size, lang)})`;
}
