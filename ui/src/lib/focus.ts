// Following the practice on screen when it is moved from outside the window
// (`mamos workshop focus`, the live server): the window polls the stored focus.

/**
 * Where the screen should go after reading the stored focus `polled`: the
 * index of that practice when it changed since `known` (the focus the window
 * last set or saw) and is not already shown, else null. A read that raced
 * with one of the window's own moves is dropped by the caller, not here.
 */
export function followedIndex(
  polled: string | null,
  known: string | null,
  practiceIds: readonly string[],
  current: number,
): number | null {
  if (polled === null || polled === known) return null;
  const index = practiceIds.indexOf(polled);
  return index < 0 || index === current ? null : index;
}
