-- Schema version 3: DORA outcome metrics per workshop, kept apart from the
-- practice answers, with the report year whose clusters classify them.

CREATE TABLE dora_metrics (
    assessment_id    INTEGER PRIMARY KEY REFERENCES assessment (id) ON DELETE CASCADE,
    lead_time        TEXT,
    deploy_frequency TEXT,
    recovery         TEXT,
    change_fail_rate REAL CHECK (change_fail_rate IS NULL OR change_fail_rate BETWEEN 0 AND 100),
    rework_rate      REAL CHECK (rework_rate IS NULL OR rework_rate BETWEEN 0 AND 100),
    report_year      TEXT NOT NULL,
    updated_at       TEXT NOT NULL
);
