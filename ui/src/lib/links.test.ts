import { describe, expect, it } from 'vitest';
import { safeHref } from './links';

describe('safeHref', () => {
  it('makes web and e-mail addresses links', () => {
    expect(safeHref('http://ci.example.com/job/1')).toBe('http://ci.example.com/job/1');
    expect(safeHref('https://wiki.example.com/page?a=1#top')).toBe('https://wiki.example.com/page?a=1#top');
    expect(safeHref('HTTPS://Wiki.Example.com/')).toBe('https://wiki.example.com/');
    expect(safeHref('mailto:coach@example.com')).toBe('mailto:coach@example.com');
    expect(safeHref('  https://example.com/  ')).toBe('https://example.com/');
  });

  it('escapes what could close the attribute', () => {
    expect(safeHref('https://example.com/"><svg/onload=alert(1)>')).toBe(
      'https://example.com/%22%3E%3Csvg/onload=alert(1)%3E',
    );
    // A space inside is no address a coach typed on purpose: shown as text.
    expect(safeHref('https://example.com/"><svg onload=alert(1)>')).toBeNull();
  });

  it('refuses scripts whatever their case', () => {
    for (const text of ['javascript:alert(1)', 'JaVaScRiPt:alert(1)', 'JAVASCRIPT:alert(1)', 'vbscript:msgbox(1)', 'VBScript:x']) {
      expect(safeHref(text), text).toBeNull();
    }
  });

  it('refuses data, file and other schemes', () => {
    for (const text of [
      'data:text/html,<script>alert(1)</script>',
      'DATA:text/html;base64,PHNjcmlwdD4=',
      'file:///etc/passwd',
      'file:///home/ana/run.sh',
      'ftp://example.com/x',
      'blob:https://example.com/1',
      'about:blank',
      'tauri://localhost',
      'C:\\evidence\\report.pdf',
    ]) {
      expect(safeHref(text), text).toBeNull();
    }
  });

  it('refuses schemes hidden behind spaces and control characters', () => {
    for (const text of [
      '\u0000javascript:alert(1)',
      '\u0001 javascript:alert(1)',
      ' \tjavascript:alert(1)',
      'java\tscript:alert(1)',
      'java\nscript:alert(1)',
      'java\u0000script:alert(1)',
      '\u200bjavascript:alert(1)',
      '\u202ejavascript:alert(1)',
      '\ufeffhttps://example.com',
      '\u00a0javascript:alert(1)',
      'https://exa\u200bmple.com',
      'https://example.com/\u202egpj.exe',
    ]) {
      expect(safeHref(text), JSON.stringify(text)).toBeNull();
    }
  });

  it('refuses entity-like tricks, which are text and not a scheme', () => {
    for (const text of [
      'javascript&#58;alert(1)',
      '&#106;avascript:alert(1)',
      'javascript&colon;alert(1)',
      '&#x6A;avascript:alert(1)',
      'http&#58;//example.com',
      '%6Aavascript:alert(1)',
    ]) {
      expect(safeHref(text), text).toBeNull();
    }
  });

  it('does not make relative paths and file paths links', () => {
    for (const text of [
      '/home/ana/evidence.pdf',
      './evidence.pdf',
      '../x',
      'docs/ci.md',
      '//evil.example.com/x',
      'example.com',
      '\\\\server\\share\\file.docx',
      'https:example.com',
      'https:/example.com',
      'http://',
      'mailto:',
      '',
      '   ',
    ]) {
      expect(safeHref(text), text).toBeNull();
    }
  });
});
