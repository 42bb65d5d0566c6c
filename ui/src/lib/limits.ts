// Generated from the Rust constants by tests/generated_files.rs (`make generated`): do not edit.
// The longest text, in characters, each field of the window takes: the same limits
// as the CLI and a bundle's import (docs/limits.md).

export const MAX_NAME_CHARS = 120;
export const MAX_TITLE_CHARS = 200;
export const MAX_EVIDENCE_CHARS = 2000;
export const MAX_NOTE_CHARS = 10000;

export const LIMITS = {
  componentName: MAX_NAME_CHARS,
  groupName: MAX_NAME_CHARS,
  assignee: MAX_NAME_CHARS,
  actionTitle: MAX_TITLE_CHARS,
  evidenceLocation: MAX_EVIDENCE_CHARS,
  note: MAX_NOTE_CHARS,
  naReason: MAX_NOTE_CHARS,
  targetReason: MAX_NOTE_CHARS,
  facilitator: MAX_NAME_CHARS,
  evidenceLabel: MAX_NOTE_CHARS,
  checkinText: MAX_NOTE_CHARS,
} as const;
