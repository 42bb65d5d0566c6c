-- Schema version 5: 90-day action plans. A plan is generated from one
-- workshop; its objectives, key results, milestones and check-in dates are
-- kept as the generated JSON, its actions as rows the coach edits one by one.

CREATE TABLE plan (
    id              INTEGER PRIMARY KEY,
    component_id    INTEGER NOT NULL REFERENCES component (id) ON DELETE CASCADE,
    -- the workshop whose agreed answers and DORA metrics it was generated from
    assessment_id   INTEGER NOT NULL REFERENCES assessment (id) ON DELETE CASCADE,
    start_date      TEXT NOT NULL,
    -- the generated plan (mamos::plan::Plan) without its actions, as JSON
    content         TEXT NOT NULL,
    created_at      TEXT NOT NULL,
    -- set when the plan is closed at the re-assessment
    closed_at       TEXT,
    closed_by       INTEGER REFERENCES assessment (id) ON DELETE SET NULL,
    -- the key result grades (JSON list of mamos::plan::KeyResultGrade)
    grades          TEXT,
    previous_plan   INTEGER REFERENCES plan (id) ON DELETE SET NULL
);
CREATE INDEX plan_component ON plan (component_id);
-- at most one open plan per component
CREATE UNIQUE INDEX plan_open ON plan (component_id) WHERE closed_at IS NULL;

-- One row per action, in the coach's order; `content` is the action as JSON
-- (mamos::plan::Action), rewritten by every edit.
CREATE TABLE plan_action (
    plan_id   INTEGER NOT NULL REFERENCES plan (id) ON DELETE CASCADE,
    id        TEXT NOT NULL,
    position  INTEGER NOT NULL,
    content   TEXT NOT NULL,
    PRIMARY KEY (plan_id, id)
);

-- The weekly check-in: red/amber/green per key result and the improvement-kata answers.
CREATE TABLE plan_checkin (
    plan_id          INTEGER NOT NULL REFERENCES plan (id) ON DELETE CASCADE,
    week             INTEGER NOT NULL CHECK (week BETWEEN 1 AND 13),
    -- JSON object: key result id -> "red" | "amber" | "green"
    key_results      TEXT NOT NULL,
    target_condition TEXT NOT NULL DEFAULT '',
    actual_condition TEXT NOT NULL DEFAULT '',
    obstacle         TEXT NOT NULL DEFAULT '',
    next_step        TEXT NOT NULL DEFAULT '',
    check_on         TEXT,
    recorded_at      TEXT NOT NULL,
    PRIMARY KEY (plan_id, week)
);
