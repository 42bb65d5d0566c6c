//! A bundle's component merged into this database: matched by its stable
//! id, or added; its blueprint and target overrides kept where they differ.

use rusqlite::{params, OptionalExtension};

use super::{Conflicting, ImportConflict, ImportSummary};
use crate::exchange::BundleComponent;
use crate::model::Blueprint;
use crate::store::Store;
use crate::{Error, Result};

impl Store {
    /// The component here with the bundle component's id, its blueprint and
    /// target overrides merged; or a new one. A different component of the
    /// same name is refused.
    pub(super) fn import_component(
        &self,
        file: &str,
        component: &BundleComponent,
        summary: &mut ImportSummary,
    ) -> Result<i64> {
        let name = &component.name;
        let here = self.db(self
            .conn
            .query_row(
                "SELECT id, name, blueprint FROM component WHERE uid = ?1",
                params![component.id],
                |row| {
                    Ok((
                        row.get::<_, i64>(0)?,
                        row.get::<_, String>(1)?,
                        row.get::<_, String>(2)?,
                    ))
                },
            )
            .optional())?;
        let Some((id, name_here, blueprint_here)) = here else {
            if let Ok(other) = self.component_by_name(name) {
                return Err(Error::conflict(
                    file,
                    format!(
                        "component {name:?} already exists in this database as another component \
                         (created {}; the bundle's was created {}); rename or remove one of them first",
                        other.created_at, component.created_at
                    ),
                ));
            }
            summary.components += 1;
            return self.insert_component(file, component);
        };
        if name_here != *name {
            return Err(Error::conflict(
                file,
                format!("component {name:?} is named {name_here:?} in this database; use one name on both sides first"),
            ));
        }
        // Read back as the rest of the store reads a blueprint.
        let blueprint_here = Blueprint::parse(&blueprint_here).unwrap_or_default();
        if blueprint_here != component.blueprint {
            summary.conflicts.push(ImportConflict::new(
                name,
                Conflicting::Blueprint {
                    here: blueprint_here,
                    bundle: component.blueprint,
                },
            ));
        }
        let overrides_here = self.target_overrides(id)?;
        for incoming in &component.target_overrides {
            let same_key = overrides_here
                .iter()
                .find(|o| o.pillar == incoming.pillar && o.key == incoming.key);
            match same_key {
                Some(mine) if mine == incoming => {}
                Some(mine) => summary.conflicts.push(ImportConflict::new(
                    name,
                    Conflicting::TargetOverride {
                        here: mine.clone(),
                        bundle: incoming.clone(),
                    },
                )),
                None => self.insert_target_override(file, id, component, incoming)?,
            }
        }
        Ok(id)
    }

    fn insert_component(&self, file: &str, component: &BundleComponent) -> Result<i64> {
        let db = |e| Error::Database {
            path: self.path.clone(),
            source: e,
        };
        self.conn
            .execute(
                "INSERT INTO component (uid, name, blueprint, created_at) VALUES (?1, ?2, ?3, ?4)",
                params![
                    component.id,
                    component.name,
                    component.blueprint.as_str(),
                    component.created_at
                ],
            )
            .map_err(db)?;
        let component_id = self.conn.last_insert_rowid();
        for o in &component.target_overrides {
            self.insert_target_override(file, component_id, component, o)?;
        }
        Ok(component_id)
    }

    fn insert_target_override(
        &self,
        file: &str,
        component_id: i64,
        component: &BundleComponent,
        o: &crate::assessment::TargetOverride,
    ) -> Result<()> {
        if o.level > crate::model::MAX_LEVEL || o.reason.trim().is_empty() {
            return Err(Error::invalid(
                file,
                format!(
                    "component {:?}: the target override of {:?} needs a level 0–4 and a reason",
                    component.name, o.key
                ),
            ));
        }
        self.db(self.conn.execute(
            "INSERT INTO target_override (component_id, scope, key, level, reason, updated_at)
             VALUES (?1, ?2, ?3, ?4, ?5, ?6)",
            params![
                component_id,
                if o.pillar { "pillar" } else { "practice" },
                o.key,
                o.level,
                o.reason,
                component.created_at
            ],
        ))?;
        Ok(())
    }
}
