-- Schema version 7: stable ids, so bundles from several coaches merge.
-- A component and a workshop keep their `uid` on every machine they travel
-- to. New rows get a random one (the triggers); rows from before this
-- version get one derived from what already identified them (the component's
-- creation time and name, the workshop's start time and position), so two
-- databases that exchanged a component before upgrading still agree on it.
-- A bundle without ids derives them the same way (`crate::exchange`).

ALTER TABLE component ADD COLUMN uid TEXT;
UPDATE component SET uid = 'legacy-' || lower(hex(created_at || '/' || name));
CREATE UNIQUE INDEX component_uid ON component (uid);
CREATE TRIGGER component_uid AFTER INSERT ON component WHEN NEW.uid IS NULL
BEGIN
    UPDATE component SET uid = lower(hex(randomblob(16))) WHERE id = NEW.id;
END;

-- `conflict_of`: this workshop is another coach's version of that one, kept
-- beside it by an import until the coach keeps one (`mamos workshop resolve`).
ALTER TABLE assessment ADD COLUMN uid TEXT;
ALTER TABLE assessment ADD COLUMN conflict_of INTEGER REFERENCES assessment (id) ON DELETE CASCADE;
UPDATE assessment SET uid = 'legacy-' || lower(hex(
    (SELECT c.created_at || '/' || c.name FROM component c WHERE c.id = assessment.component_id)
    || '/' || started_at || '/'
    || (SELECT count(*) FROM assessment b
        WHERE b.component_id = assessment.component_id AND b.id < assessment.id)));
CREATE UNIQUE INDEX assessment_uid ON assessment (uid);
CREATE TRIGGER assessment_uid AFTER INSERT ON assessment WHEN NEW.uid IS NULL
BEGIN
    UPDATE assessment SET uid = lower(hex(randomblob(16))) WHERE id = NEW.id;
END;
