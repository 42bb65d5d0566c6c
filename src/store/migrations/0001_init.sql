-- Schema version 1: banks, components and their current assessment, answers.

CREATE TABLE bank (
    id          TEXT NOT NULL,
    version     TEXT NOT NULL,
    -- the validated bank, as JSON: a stored version is never rewritten
    content     TEXT NOT NULL,
    imported_at TEXT NOT NULL,
    PRIMARY KEY (id, version)
);

CREATE TABLE component (
    id         INTEGER PRIMARY KEY,
    name       TEXT NOT NULL UNIQUE COLLATE NOCASE,
    blueprint  TEXT NOT NULL CHECK (blueprint IN ('I', 'II', 'III', 'IV')),
    created_at TEXT NOT NULL
);

-- An assessment pins the bank id and version it was taken with.
CREATE TABLE assessment (
    id           INTEGER PRIMARY KEY,
    component_id INTEGER NOT NULL REFERENCES component (id) ON DELETE CASCADE,
    bank_id      TEXT NOT NULL,
    bank_version TEXT NOT NULL,
    started_at   TEXT NOT NULL,
    FOREIGN KEY (bank_id, bank_version) REFERENCES bank (id, version)
);
CREATE INDEX assessment_component ON assessment (component_id);

-- One row per practice with an answer or a note; unanswered practices have no row
-- (or a row with level and na_reason both null that only carries a note).
CREATE TABLE answer (
    assessment_id INTEGER NOT NULL REFERENCES assessment (id) ON DELETE CASCADE,
    practice_id   TEXT NOT NULL,
    level         INTEGER CHECK (level BETWEEN 0 AND 4),
    na_reason     TEXT CHECK (na_reason IS NULL OR length(trim(na_reason)) > 0),
    note          TEXT NOT NULL DEFAULT '',
    updated_at    TEXT NOT NULL,
    PRIMARY KEY (assessment_id, practice_id),
    CHECK (level IS NULL OR na_reason IS NULL)
);
