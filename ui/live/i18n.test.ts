import { describe, expect, it } from 'vitest';
import { catalogue, pickLanguage, t } from './i18n';

describe('the page catalogue', () => {
  it('has the same keys in English and French, none empty', () => {
    expect(Object.keys(catalogue.fr).sort()).toEqual(Object.keys(catalogue.en).sort());
    for (const lang of ['en', 'fr'] as const) {
      for (const [key, text] of Object.entries(catalogue[lang])) expect(text.trim(), `${lang}.${key}`).not.toBe('');
    }
  });

  it('uses the same placeholders in both languages', () => {
    const placeholders = (text: string) => [...text.matchAll(/\{(\w+)\}/g)].map((m) => m[1]).sort();
    for (const key of Object.keys(catalogue.en) as (keyof typeof catalogue.en)[]) {
      expect(placeholders(catalogue.fr[key]), key).toEqual(placeholders(catalogue.en[key]));
    }
  });

  it('fills the placeholders', () => {
    expect(t('en', 'practiceOf', { position: 3, count: 52 })).toBe('Practice 3 of 52');
    expect(t('fr', 'joinedAs', { name: 'Ana' })).toBe('Vous êtes Ana');
  });
});

describe('the language of the page', () => {
  it('is the participant’s remembered choice first', () => {
    expect(pickLanguage('fr', 'en-US')).toBe('fr');
    expect(pickLanguage('en', 'fr-FR')).toBe('en');
  });

  it('else follows the browser, French for any French locale', () => {
    expect(pickLanguage(null, 'fr-CA')).toBe('fr');
    expect(pickLanguage(null, 'FR')).toBe('fr');
    expect(pickLanguage(null, 'de-DE')).toBe('en');
    expect(pickLanguage(null, undefined)).toBe('en');
  });

  it('ignores a stored value it does not know', () => {
    expect(pickLanguage('klingon', 'fr-BE')).toBe('fr');
  });
});
