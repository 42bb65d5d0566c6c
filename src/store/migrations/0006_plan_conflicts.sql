-- Schema version 6: a plan imported from another coach's bundle that differs
-- from this database's version of it is kept beside it, never over it.
-- `conflict_of` points at the version it conflicts with; such a copy is not
-- the component's open plan, so the one-open-plan index leaves it out.

ALTER TABLE plan ADD COLUMN conflict_of INTEGER REFERENCES plan (id) ON DELETE CASCADE;

DROP INDEX plan_open;
CREATE UNIQUE INDEX plan_open ON plan (component_id)
    WHERE closed_at IS NULL AND conflict_of IS NULL;
