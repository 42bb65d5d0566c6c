-- Schema version 9: the pace of a live workshop. Times are Unix seconds
-- (UTC), read from the clock by the use cases. NULL: not set.
-- The timebox of each practice, in seconds, and the planned length of the
-- workshop, in minutes (ranges checked by the use case, kept loose here so
-- a later version may widen them without a migration).
ALTER TABLE assessment ADD COLUMN pace_timebox_seconds INTEGER CHECK (pace_timebox_seconds > 0);
ALTER TABLE assessment ADD COLUMN pace_length_minutes INTEGER CHECK (pace_length_minutes > 0);
-- Reveal the practice on screen once every joined participant has voted.
ALTER TABLE assessment ADD COLUMN pace_auto_reveal INTEGER NOT NULL DEFAULT 0 CHECK (pace_auto_reveal IN (0, 1));
-- When the practice on screen was put there, and when the first one was (the session's start).
ALTER TABLE assessment ADD COLUMN focus_since INTEGER;
ALTER TABLE assessment ADD COLUMN live_started_at INTEGER;
