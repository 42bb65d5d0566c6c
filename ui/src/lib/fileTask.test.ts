import { describe, expect, it } from 'vitest';
import { FileTask } from './fileTask.svelte';

const busy = { code: 'locked', message: 'the database is busy' };
const bad = { code: 'invalid_input', message: 'x.json: $.components: expected an array' };

describe('a file task (import, restore)', () => {
  it('asks the dialog when no path is typed, and does nothing when it is cancelled', async () => {
    const ran: string[] = [];
    const task = new FileTask(
      async () => null,
      async (file: string) => ran.push(file),
      async () => {},
    );
    await task.submit();
    expect(ran).toEqual([]);
    expect(task.error).toBeNull();
  });

  it('runs on the typed path, trimmed, and keeps the result', async () => {
    const done: string[] = [];
    const task = new FileTask(
      async () => 'never asked',
      async (file: string) => `imported ${file}`,
      async (result) => {
        done.push(result);
      },
    );
    task.path = '  /tmp/team.mamos.json ';
    await task.submit();
    expect(task.result).toBe('imported /tmp/team.mamos.json');
    expect(done).toEqual(['imported /tmp/team.mamos.json']);
    expect(task.running).toBe(false);
  });

  it('keeps the path of a refused file and offers no retry; a busy database is retried', async () => {
    const answers: unknown[] = [bad, busy, 'ok'];
    const task = new FileTask(
      async () => null,
      async () => {
        const next = answers.shift();
        if (next !== 'ok') throw next;
        return next;
      },
      async () => {},
    );
    task.path = '/tmp/x.json';
    await task.submit();
    expect(task.error).toEqual(bad);
    expect(task.retryFile).toBeNull();
    expect(task.path).toBe('/tmp/x.json');

    await task.submit();
    expect(task.error?.code).toBe('locked');
    expect(task.retryFile).toBe('/tmp/x.json');

    task.retry();
    await Promise.resolve();
    await new Promise((settled) => setTimeout(settled, 0));
    expect(task.error).toBeNull();
    expect(task.result).toBe('ok');
  });
});
