-- Schema version 4: a coach's target overrides per component (for one practice
-- or a whole pillar, always with a reason) and evidence links per practice.

CREATE TABLE target_override (
    component_id INTEGER NOT NULL REFERENCES component (id) ON DELETE CASCADE,
    scope        TEXT NOT NULL CHECK (scope IN ('practice', 'pillar')),
    key          TEXT NOT NULL,
    level        INTEGER NOT NULL CHECK (level BETWEEN 0 AND 4),
    reason       TEXT NOT NULL CHECK (length(trim(reason)) > 0),
    updated_at   TEXT NOT NULL,
    PRIMARY KEY (component_id, scope, key)
);

CREATE TABLE evidence (
    id            INTEGER PRIMARY KEY,
    assessment_id INTEGER NOT NULL REFERENCES assessment (id) ON DELETE CASCADE,
    practice_id   TEXT NOT NULL,
    target        TEXT NOT NULL CHECK (length(trim(target)) > 0),
    label         TEXT NOT NULL,
    added_at      TEXT NOT NULL
);
CREATE INDEX evidence_assessment ON evidence (assessment_id, practice_id);
