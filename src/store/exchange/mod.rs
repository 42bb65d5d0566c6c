//! Export to and import from `.mamos.json` bundles. An import runs in one
//! transaction: a bad bundle changes nothing.

mod components;
mod conflicts;
mod export;
mod plans;
mod workshops;

pub use conflicts::{
    ChangedAction, CheckinWeeks, Conflicting, ImportConflict, PlanChanges, PlanDifference, Side,
    StatusChange, WorkshopChanges, WorkshopDifference,
};

use super::Store;
use crate::exchange::Bundle;
use crate::{Error, Result};

/// What an import added (shown by `mamos import` and the desktop's Import panel).
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize, ts_rs::TS)]
pub struct ImportSummary {
    pub components: usize,
    pub workshops: usize,
    pub banks: usize,
    /// Plans added, conflicting versions included.
    pub plans: usize,
    /// Open plans here that the bundle closed at a re-assessment.
    pub plans_closed: usize,
    /// Each component, target, workshop or plan that differed from this
    /// database's version of it, and what was kept (for workshops and plans: both versions).
    pub conflicts: Vec<ImportConflict>,
}

impl Store {
    /// Adds a bundle's banks, groups, components, workshops and plans, all or
    /// nothing. Bundles from several coaches merge: a component matched by its
    /// stable id keeps the workshops, target overrides and plans of both sides.
    /// Where both sides hold a different version of the same workshop or
    /// plan, both are kept and the conflict is reported, never overwritten.
    pub fn import_bundle(&mut self, file: &str, bundle: &Bundle) -> Result<ImportSummary> {
        for component in &bundle.components {
            crate::assessment::clean_component_name(&component.name)
                .map_err(|e| Error::invalid(file, e.to_string()))?;
        }
        self.db(self.conn.execute_batch("BEGIN IMMEDIATE"))?;
        match self.import_bundle_contents(file, bundle) {
            Ok(summary) => {
                self.db(self.conn.execute_batch("COMMIT"))?;
                Ok(summary)
            }
            Err(error) => {
                // Roll back whatever was written; the error that caused it is what matters.
                let _ = self.conn.execute_batch("ROLLBACK");
                Err(error)
            }
        }
    }

    fn import_bundle_contents(&mut self, file: &str, bundle: &Bundle) -> Result<ImportSummary> {
        let mut summary = ImportSummary {
            components: 0,
            workshops: 0,
            banks: 0,
            plans: 0,
            plans_closed: 0,
            conflicts: Vec::new(),
        };
        for bank in &bundle.banks {
            match self.import_bank(bank)? {
                super::BankImport::Stored => summary.banks += 1,
                super::BankImport::AlreadyStored => {}
            }
        }
        for component in &bundle.components {
            let component_id = self.import_component(file, component, &mut summary)?;
            let workshop_ids =
                self.import_workshops(file, component_id, component, &mut summary)?;
            self.import_plans(component_id, &workshop_ids, component, &mut summary)?;
        }
        for group in &bundle.groups {
            if self.group_id(&group.name)?.is_none() {
                self.add_group(&group.name)?;
            }
            for member in &group.components {
                let id = self.component_by_name(member).map_err(|_| {
                    Error::invalid(
                        file,
                        format!(
                            "group {:?} lists {member:?}, which is not in the bundle",
                            group.name
                        ),
                    )
                })?;
                self.add_to_group(id.id, &group.name)?;
            }
        }
        Ok(summary)
    }
}
