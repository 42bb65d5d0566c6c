import { describe, expect, it } from 'vitest';
import { toErrorReport } from './api/errors';
import type { ErrorCode } from './bindings';
import {
  BUSY_ADVICE,
  DAMAGED_ADVICE,
  ENVIRONMENT_ADVICE,
  ERROR_CODES,
  INPUT_ADVICE,
  NEWER_DATABASE_ADVICE,
  RELOADED_ADVICE,
  errorNotice,
  recovery,
} from './errors';

const report = (code: ErrorCode) => ({ code, message: `database mamos.db: ${code}` });

describe('toErrorReport', () => {
  it('keeps a report the core sent', () => {
    expect(toErrorReport({ code: 'locked', message: 'database is locked' })).toEqual({
      code: 'locked',
      message: 'database is locked',
    });
  });

  it('turns unknown shapes and unknown codes into internal', () => {
    expect(toErrorReport({ code: 'unknown_component', message: 'no component' }).code).toBe('internal');
    expect(toErrorReport({ code: 42, message: 'odd' }).code).toBe('internal');
    expect(toErrorReport(new Error('bridge down'))).toEqual({ code: 'internal', message: 'bridge down' });
    expect(toErrorReport('command not found')).toEqual({ code: 'internal', message: 'command not found' });
    expect(toErrorReport(null).code).toBe('internal');
  });
});

describe('a locked database', () => {
  it('offers to try the same call again, saying nothing was lost', () => {
    expect(recovery('locked')).toBe('retry');
    expect(errorNotice(report('locked'))).toEqual({ title: 'The database is busy', advice: BUSY_ADVICE, retry: true });
    expect(BUSY_ADVICE).toBe(
      'The database is busy (another Mamos or the CLI is writing). Nothing was lost: try again.',
    );
  });
});

describe('something removed meanwhile', () => {
  it('reloads the list on screen and says so once it did', () => {
    expect(recovery('not_found')).toBe('reload');
    expect(errorNotice(report('not_found'), true)).toEqual({
      title: 'Removed meanwhile',
      advice: RELOADED_ADVICE,
      retry: false,
    });
    // A screen without a list to reload (a file path that is not there) shows the message only.
    expect(errorNotice(report('not_found')).advice).toBe(INPUT_ADVICE);
  });
});

describe('a database from a newer Mamos', () => {
  it('asks to update Mamos and offers nothing else', () => {
    expect(recovery('newer_database')).toBe('update_mamos');
    const notice = errorNotice(report('newer_database'));
    expect(notice).toEqual({ title: 'Update Mamos', advice: NEWER_DATABASE_ADVICE, retry: false });
    expect(NEWER_DATABASE_ADVICE).toMatch(/newer Mamos.*Update Mamos/);
  });
});

describe('the other codes', () => {
  it('show the core message without retry or reload', () => {
    const others = ERROR_CODES.filter((c) => !['locked', 'not_found', 'newer_database'].includes(c));
    expect(others).toEqual(['invalid_input', 'conflict', 'corrupt_data', 'io', 'internal']);
    for (const code of others) {
      expect(recovery(code)).toBe('show');
      expect(errorNotice(report(code)).retry).toBe(false);
    }
  });

  it('tell bad input from a computer that refused, as exit codes 2 and 1 do', () => {
    for (const code of ['invalid_input', 'conflict'] as const) {
      expect(errorNotice(report(code))).toEqual({ title: 'Please check the input', advice: INPUT_ADVICE, retry: false });
    }
    const io = errorNotice(report('io'));
    expect(io.advice).toBe(ENVIRONMENT_ADVICE);
    expect(io.advice).toContain('not about what you entered');
    expect(errorNotice(report('corrupt_data')).advice).toBe(DAMAGED_ADVICE);
    expect(errorNotice(report('internal'))).toEqual({ title: 'Something went wrong', advice: null, retry: false });
  });
});
