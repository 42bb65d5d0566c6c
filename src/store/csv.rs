//! The records the CSV exports are written from (`exchange::csv_tables`).

use super::Store;
use crate::exchange::{ComponentRecords, WorkshopRecords};
use crate::Result;

impl Store {
    /// Every component with its plans and workshops (agreed answers and
    /// scores, votes, the facilitator's decisions), in listing order.
    pub fn component_records(&self) -> Result<Vec<ComponentRecords>> {
        let mut all = Vec::new();
        for component in self.components()? {
            let plans = self.plans(component.id)?;
            let mut workshops = Vec::new();
            for workshop in self.workshops(component.id)? {
                workshops.push(WorkshopRecords {
                    view: self.workshop_view(workshop.id)?,
                    votes: self.votes(workshop.id)?,
                    decided: self.facilitator_decisions(workshop.id)?,
                    workshop,
                });
            }
            all.push(ComponentRecords {
                component,
                plans,
                workshops,
            });
        }
        Ok(all)
    }
}
