-- Schema version 2: an assessment becomes a dated workshop with participants
-- who vote; the `answer` table keeps the facilitator's agreed answer and notes.
-- Components can belong to groups (domain, tribe, department).

ALTER TABLE assessment ADD COLUMN held_on TEXT;
ALTER TABLE assessment ADD COLUMN facilitator TEXT NOT NULL DEFAULT '';
UPDATE assessment SET held_on = substr(started_at, 1, 10);

CREATE TABLE participant (
    id            INTEGER PRIMARY KEY,
    assessment_id INTEGER NOT NULL REFERENCES assessment (id) ON DELETE CASCADE,
    name          TEXT NOT NULL COLLATE NOCASE,
    position      INTEGER NOT NULL,
    UNIQUE (assessment_id, name)
);

-- One vote per participant and practice; committed the moment it is cast.
CREATE TABLE vote (
    participant_id INTEGER NOT NULL REFERENCES participant (id) ON DELETE CASCADE,
    practice_id    TEXT NOT NULL,
    level          INTEGER CHECK (level BETWEEN 0 AND 4),
    na_reason      TEXT CHECK (na_reason IS NULL OR length(trim(na_reason)) > 0),
    cast_at        TEXT NOT NULL,
    PRIMARY KEY (participant_id, practice_id),
    CHECK ((level IS NULL) <> (na_reason IS NULL))
);

-- Votes stay hidden until the facilitator reveals them, practice by practice.
CREATE TABLE revealed (
    assessment_id INTEGER NOT NULL REFERENCES assessment (id) ON DELETE CASCADE,
    practice_id   TEXT NOT NULL,
    PRIMARY KEY (assessment_id, practice_id)
);

CREATE TABLE component_group (
    id         INTEGER PRIMARY KEY,
    name       TEXT NOT NULL UNIQUE COLLATE NOCASE,
    created_at TEXT NOT NULL
);

CREATE TABLE group_member (
    group_id     INTEGER NOT NULL REFERENCES component_group (id) ON DELETE CASCADE,
    component_id INTEGER NOT NULL REFERENCES component (id) ON DELETE CASCADE,
    PRIMARY KEY (group_id, component_id)
);
