// One file, typed or picked in the open dialog, and one task run on it: what
// the import and the restore panels share. A refused file leaves the path as
// typed; a task that met a busy database (nothing was changed) can run again.
import type { ErrorReport } from './bindings';
import { toErrorReport } from './api/errors';
import { recovery } from './errors';

export class FileTask<T> {
  path = $state('');
  running = $state(false);
  result = $state<T | null>(null);
  error = $state<ErrorReport | null>(null);
  /** The file whose task met a busy database, for "Try again". */
  retryFile = $state<string | null>(null);

  readonly #pick: () => Promise<string | null>;
  readonly #task: (file: string) => Promise<T>;
  readonly #done: (result: T) => Promise<void>;

  /** `pick` opens the dialog, `task` runs on the file, `done` follows a success. */
  constructor(
    pick: () => Promise<string | null>,
    task: (file: string) => Promise<T>,
    done: (result: T) => Promise<void>,
  ) {
    this.#pick = pick;
    this.#task = task;
    this.#done = done;
  }

  /** The open dialog; false when it was cancelled or failed. */
  choose = async (): Promise<boolean> => {
    try {
      const picked = await this.#pick();
      if (picked) this.path = picked;
      return picked !== null;
    } catch (cause) {
      this.error = toErrorReport(cause);
      return false;
    }
  };

  /** The form's submit: with no path typed the dialog asks for one, and cancelling it does nothing. */
  submit = async (event?: SubmitEvent): Promise<void> => {
    event?.preventDefault();
    if (this.running) return;
    if (this.path.trim() === '' && !(await this.choose())) return;
    await this.run(this.path.trim());
  };

  run = async (file: string): Promise<void> => {
    this.running = true;
    this.result = null;
    this.retryFile = null;
    try {
      const result = await this.#task(file);
      this.error = null;
      this.result = result;
      await this.#done(result);
    } catch (cause) {
      this.error = toErrorReport(cause);
      if (recovery(this.error.code) === 'retry') this.retryFile = file;
    } finally {
      this.running = false;
    }
  };

  retry = (): void => {
    if (this.retryFile === null) return;
    this.error = null;
    void this.run(this.retryFile);
  };
}
