// The single write queue: every command that changes the store goes through
// it, so the states they return arrive (and are shown) in the order the coach
// gave them, whatever the order the blocking threads finish in.

let last: Promise<unknown> = Promise.resolve();

export function serial<T>(work: () => Promise<T>): Promise<T> {
  const next = last.then(work, work);
  last = next.catch(() => undefined);
  return next;
}
