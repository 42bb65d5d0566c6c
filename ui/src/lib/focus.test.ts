import { describe, expect, it } from 'vitest';
import { followedIndex } from './focus';

const ids = ['methods.ci', 'methods.tdd', 'arch.modular'];

describe('followedIndex', () => {
  it('moves to a practice focused from outside', () => {
    expect(followedIndex('arch.modular', 'methods.ci', ids, 0)).toBe(2);
  });
  it('stays when the focus is the one the window set or saw', () => {
    expect(followedIndex('methods.ci', 'methods.ci', ids, 1)).toBeNull();
  });
  it('stays when the practice is already shown, unknown, or nothing is focused', () => {
    expect(followedIndex('methods.tdd', 'methods.ci', ids, 1)).toBeNull();
    expect(followedIndex('skills.gone', 'methods.ci', ids, 0)).toBeNull();
    expect(followedIndex(null, 'methods.ci', ids, 0)).toBeNull();
  });
});
