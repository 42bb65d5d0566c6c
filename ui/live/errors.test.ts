import { describe, expect, it } from 'vitest';
import { errorSentence } from './errors';

describe('the error sentence of a refused request', () => {
  it('is the server’s sentence as is', () => {
    expect(errorSentence('fr', 409, '{"error": "Ana has already joined from another device."}')).toBe(
      'Ana has already joined from another device.',
    );
    expect(errorSentence('en', 429, '{"error":"Too many requests: wait a moment."}')).toBe(
      'Too many requests: wait a moment.',
    );
  });

  it('is a generic sentence with the status when the body is not the API’s', () => {
    expect(errorSentence('en', 502, '<html>Bad gateway</html>')).toBe(
      'The coach’s computer answered with an error (502). Try again.',
    );
    expect(errorSentence('fr', 413, '{"error": ""}')).toBe(
      'L’ordinateur de l’animateur a répondu par une erreur (413). Réessayez.',
    );
    expect(errorSentence('en', 422, '{"error": 42}')).toContain('(422)');
    expect(errorSentence('en', 400, '')).toContain('(400)');
  });
});
