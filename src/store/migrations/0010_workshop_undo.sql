-- Schema version 10: the last reveal or agreement of each workshop, so the
-- coach can undo it once, also after a restart. One row per workshop at most;
-- undoing removes it.
CREATE TABLE workshop_undo (
    assessment_id INTEGER PRIMARY KEY REFERENCES assessment (id) ON DELETE CASCADE,
    kind          TEXT NOT NULL CHECK (kind IN ('reveal', 'agreement')),
    practice_id   TEXT NOT NULL,
    -- An agreement: the agreed answer before it (both NULL: there was none).
    -- The note is not kept: an agreement never changes it.
    level         INTEGER CHECK (level BETWEEN 0 AND 4),
    na_reason     TEXT CHECK (na_reason IS NULL OR length(trim(na_reason)) > 0),
    CHECK (level IS NULL OR na_reason IS NULL),
    CHECK (kind = 'agreement' OR (level IS NULL AND na_reason IS NULL))
);
