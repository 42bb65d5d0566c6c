//! Components (the teams or software systems assessed) and their groups, and
//! a component's current assessment: its answers, notes and target overrides.

use serde::Serialize;
use ts_rs::TS;

use crate::assessment::{check_note_length, AssessmentView, Component, TargetOverride};
use crate::model::Blueprint;
use crate::scoring::Answer;
use crate::store::Store;
use crate::{Error, Result};

/// A group of components, with its members' names, alphabetically.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
pub struct Group {
    pub name: String,
    pub components: Vec<String>,
}

/// A component to create.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct NewComponent {
    pub name: String,
    /// The MAMOS context blueprint that sets the targets.
    pub blueprint: Blueprint,
    /// The bank to assess it with: its id (newest stored version) or `ID@VERSION`;
    /// `None` for the built-in bank.
    pub bank: Option<String>,
    /// Groups it belongs to; each must exist.
    pub groups: Vec<String>,
}

/// Creates a component and starts its assessment. An unknown group is refused
/// before anything is written.
pub fn add_component(store: &mut Store, new: &NewComponent) -> Result<Component> {
    for group in &new.groups {
        store
            .group_id(group)?
            .ok_or_else(|| Error::UnknownGroup(group.clone()))?;
    }
    let component = store.add_component(&new.name, new.blueprint, new.bank.as_deref())?;
    for group in &new.groups {
        store.add_to_group(component.id, group)?;
    }
    Ok(component)
}

/// Every component with its progress, by name.
pub fn list_components(store: &Store) -> Result<Vec<Component>> {
    store.components()
}

/// The component a person named (the CLI names components; the window uses ids).
pub fn component_named(store: &Store, name: &str) -> Result<Component> {
    store.component_by_name(name)
}

/// The component's current assessment: its latest workshop's answers, scored.
pub fn assessment(store: &Store, component_id: i64) -> Result<AssessmentView> {
    store.assessment(component_id)
}

/// One answer of the current assessment (a level, N/A with a reason, or
/// `None` to clear it), with an optional note.
#[derive(Debug, Clone, PartialEq)]
pub struct AnswerChange {
    pub component_id: i64,
    pub practice_id: String,
    pub answer: Option<Answer>,
    pub note: Option<String>,
}

/// Records an answer (and its note) and returns the rescored assessment.
/// Everything is checked before anything is written.
pub fn set_answer(store: &mut Store, change: &AnswerChange) -> Result<AssessmentView> {
    if let Some(note) = &change.note {
        check_note_length("note", note)?;
    }
    store.set_answer(
        change.component_id,
        &change.practice_id,
        change.answer.clone(),
    )?;
    if let Some(note) = &change.note {
        store.set_note(change.component_id, &change.practice_id, note)?;
    }
    store.assessment(change.component_id)
}

/// Sets the note of a practice (an empty text removes it); returns the assessment.
pub fn set_note(
    store: &mut Store,
    component_id: i64,
    practice_id: &str,
    note: &str,
) -> Result<AssessmentView> {
    store.set_note(component_id, practice_id, note)?;
    store.assessment(component_id)
}

/// A coach's target for one practice, or for every practice of a pillar, of
/// one component, where the blueprint's does not fit its context.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct TargetChange {
    pub component_id: i64,
    /// A practice id, or a pillar id when `pillar` is set.
    pub key: String,
    pub pillar: bool,
    pub level: u8,
    pub reason: String,
}

/// Overrides a target (a reason is required); returns the rescored assessment.
pub fn set_target(store: &mut Store, change: &TargetChange) -> Result<AssessmentView> {
    store.set_target_override(
        change.component_id,
        &change.key,
        change.pillar,
        change.level,
        &change.reason,
    )?;
    store.assessment(change.component_id)
}

/// Goes back to the blueprint's target; returns the rescored assessment.
pub fn clear_target(
    store: &mut Store,
    component_id: i64,
    key: &str,
    pillar: bool,
) -> Result<AssessmentView> {
    store.clear_target_override(component_id, key, pillar)?;
    store.assessment(component_id)
}

/// A component's target overrides.
pub fn target_overrides(store: &Store, component_id: i64) -> Result<Vec<TargetOverride>> {
    store.target_overrides(component_id)
}

/// Every group with its members, by name.
pub fn groups(store: &Store) -> Result<Vec<Group>> {
    Ok(store
        .groups()?
        .into_iter()
        .map(|(name, components)| Group { name, components })
        .collect())
}

/// Creates a group; returns every group.
pub fn add_group(store: &mut Store, name: &str) -> Result<Vec<Group>> {
    store.add_group(name)?;
    groups(store)
}

/// Puts a component in a group (a component may be in several); returns every group.
pub fn add_to_group(store: &mut Store, component_id: i64, group: &str) -> Result<Vec<Group>> {
    store.add_to_group(component_id, group)?;
    groups(store)
}
