//! Scores and progress of many assessments at once, for the organisation
//! roll-up, the component list and trends: a handful of whole-table reads
//! instead of several queries per component. Each result is exactly what the
//! per-component functions (`Store::scores`, `Store::component`) give;
//! `tests/bulk_scores.rs` compares them.

use std::collections::{BTreeMap, BTreeSet, HashMap};
use std::sync::Arc;

use rusqlite::types::ValueRef;

use super::workshops::answer_from_columns;
use super::{Store, HELD_ORDER, LATEST_FIRST};
use crate::assessment::{target_overrides, Component, TargetOverride};
use crate::model::{Bank, Blueprint};
use crate::scoring::{score_with_targets, Answer, Scores, TargetOverrides};
use crate::Result;

/// One workshop (assessment) of a component and its scores.
#[derive(Debug, Clone, PartialEq)]
pub struct ScoredAssessment {
    pub workshop_id: i64,
    pub component_id: i64,
    /// The day the workshop was held, YYYY-MM-DD.
    pub held_on: String,
    pub scores: Scores,
}

/// A component's current workshop as planning reads it: the agreed answers
/// and target overrides that `workshop_view` gives, without building a view
/// (and cloning the bank) per component.
pub(super) struct CurrentAnswers {
    pub component_id: i64,
    pub name: String,
    pub blueprint: Blueprint,
    pub bank: Arc<Bank>,
    pub answers: BTreeMap<String, Answer>,
    pub targets: TargetOverrides,
}

/// Which assessments to read.
#[derive(Clone, Copy, PartialEq, Eq)]
enum Which {
    /// The current (latest) assessment of each component.
    Current,
    Every,
}

/// A bank with the position of each practice in bank order.
struct IndexedBank {
    bank: Arc<Bank>,
    /// Practice id (as UTF-8 bytes, as SQLite hands them over) → position in bank order.
    position: HashMap<Vec<u8>, usize>,
}

impl IndexedBank {
    fn new(bank: Arc<Bank>) -> IndexedBank {
        let position = bank
            .practices()
            .enumerate()
            .map(|(i, (_, p))| (p.id.clone().into_bytes(), i))
            .collect();
        IndexedBank { bank, position }
    }
}

/// One assessment with what its votes and the facilitator's answers add up to.
struct Tally {
    assessment_id: i64,
    component_id: i64,
    name: String,
    blueprint: String,
    created_at: String,
    held_on: String,
    bank: usize,
    /// Per practice, in bank order: how many voted each level 0–4.
    level_votes: Vec<[u32; 5]>,
    /// Per practice: the N/A vote of the participant listed first, as (position, reason).
    first_na_vote: Vec<Option<(i64, String)>>,
    /// Per practice: the facilitator's answer.
    decided: Vec<Option<Answer>>,
    /// Practice ids voted or answered that the bank does not have: they count
    /// as answered in the progress (as in `Store::component`), never in scores.
    unknown: BTreeSet<String>,
}

impl Tally {
    /// The agreed answer of the practice at `index`: the facilitator's, else the
    /// lower median of the level votes, else N/A with the first listed reason
    /// when every vote is N/A (`workshop::agreed_answer` on counts instead of votes).
    fn agreed(&self, index: usize) -> Option<Answer> {
        if let Some(answer) = &self.decided[index] {
            return Some(answer.clone());
        }
        let counts = &self.level_votes[index];
        let votes: u32 = counts.iter().sum();
        if votes == 0 {
            return self.first_na_vote[index]
                .as_ref()
                .map(|(_, reason)| Answer::NotApplicable {
                    reason: reason.clone(),
                });
        }
        let lower_median = (votes - 1) / 2;
        let mut below = 0;
        for (level, count) in (0u8..).zip(counts) {
            below += count;
            if below > lower_median {
                return Some(Answer::Level { level });
            }
        }
        unreachable!("the counts add up to more than the lower median")
    }

    /// Practices with a facilitator answer or at least one vote.
    fn answered(&self) -> u32 {
        let known = (0..self.decided.len())
            .filter(|&i| {
                self.decided[i].is_some()
                    || self.level_votes[i].iter().any(|&c| c > 0)
                    || self.first_na_vote[i].is_some()
            })
            .count();
        (known + self.unknown.len()) as u32
    }
}

impl Tally {
    /// The component as `Store::component` gives it, if this is its current assessment.
    fn component(&self, banks: &[IndexedBank]) -> Component {
        let bank = &banks[self.bank].bank;
        Component {
            id: self.component_id,
            name: self.name.clone(),
            blueprint: Blueprint::parse(&self.blueprint).unwrap_or_default(),
            bank_id: bank.id.clone(),
            bank_version: bank.version.clone(),
            created_at: self.created_at.clone(),
            answered: self.answered(),
            total: bank.practice_count() as u32,
        }
    }

    /// The agreed answers by practice id, as `AssessmentView::answer_map` gives them.
    fn answers(&self, bank: &Bank) -> BTreeMap<String, Answer> {
        bank.practices()
            .enumerate()
            .filter_map(|(i, (_, practice))| {
                self.agreed(i).map(|answer| (practice.id.clone(), answer))
            })
            .collect()
    }

    fn blueprint(&self) -> Blueprint {
        Blueprint::parse(&self.blueprint).unwrap_or_default()
    }

    /// The scores as `Store::scores` computes them, from the agreed answers.
    fn scores(&self, banks: &[IndexedBank], overrides: &[TargetOverride]) -> Scores {
        let bank = &banks[self.bank].bank;
        score_with_targets(
            bank,
            self.blueprint(),
            &target_overrides(overrides),
            &self.answers(bank),
        )
    }
}

impl Store {
    /// Every component (as `components` lists it, by name) with the scores of
    /// its current workshop (exactly what `scores` gives): what the organisation
    /// roll-up needs, read in a few whole-table queries instead of several
    /// queries per component.
    pub fn latest_scores_all(&self) -> Result<Vec<(Component, Scores)>> {
        let (banks, tallies) = self.tallies(Which::Current)?;
        let overrides = self.all_target_overrides()?;
        Ok(tallies
            .iter()
            .map(|t| {
                let own = overrides
                    .get(&t.component_id)
                    .map_or(&[][..], Vec::as_slice);
                (t.component(&banks), t.scores(&banks, own))
            })
            .collect())
    }

    /// Every workshop of every component with its scores, oldest first (by id),
    /// for trends. Target overrides are the component's current ones, as in
    /// `workshop_view`.
    pub fn assessment_scores_all(&self) -> Result<Vec<ScoredAssessment>> {
        let (banks, tallies) = self.tallies(Which::Every)?;
        let overrides = self.all_target_overrides()?;
        let mut scored: Vec<ScoredAssessment> = tallies
            .iter()
            .map(|t| {
                let own = overrides
                    .get(&t.component_id)
                    .map_or(&[][..], Vec::as_slice);
                ScoredAssessment {
                    workshop_id: t.assessment_id,
                    component_id: t.component_id,
                    held_on: t.held_on.clone(),
                    scores: t.scores(&banks, own),
                }
            })
            .collect();
        scored.sort_by_key(|a| a.workshop_id);
        Ok(scored)
    }

    /// Every component's current workshop (by component name, as `components`
    /// lists them) with its agreed answers and target overrides: what the
    /// organisation-level plan needs.
    pub(super) fn current_answers_all(&self) -> Result<Vec<CurrentAnswers>> {
        let (banks, tallies) = self.tallies(Which::Current)?;
        let overrides = self.all_target_overrides()?;
        Ok(tallies
            .iter()
            .map(|t| {
                let bank = Arc::clone(&banks[t.bank].bank);
                CurrentAnswers {
                    component_id: t.component_id,
                    name: t.name.clone(),
                    blueprint: t.blueprint(),
                    answers: t.answers(&bank),
                    bank,
                    targets: target_overrides(
                        overrides
                            .get(&t.component_id)
                            .map_or(&[][..], Vec::as_slice),
                    ),
                }
            })
            .collect())
    }

    /// Every component with its current assessment's bank and progress, by name.
    pub fn components(&self) -> Result<Vec<Component>> {
        let (banks, tallies) = self.tallies(Which::Current)?;
        Ok(tallies.iter().map(|t| t.component(&banks)).collect())
    }

    fn all_target_overrides(&self) -> Result<HashMap<i64, Vec<TargetOverride>>> {
        let mut stmt = self.db(self.conn.prepare_cached(
            "SELECT component_id, key, scope = 'pillar', level, reason FROM target_override",
        ))?;
        let rows = self.db(stmt
            .query_map([], |row| {
                Ok((
                    row.get::<_, i64>(0)?,
                    TargetOverride {
                        key: row.get(1)?,
                        pillar: row.get(2)?,
                        level: row.get(3)?,
                        reason: row.get(4)?,
                    },
                ))
            })
            .and_then(|rows| rows.collect::<rusqlite::Result<Vec<_>>>()))?;
        let mut by_component: HashMap<i64, Vec<TargetOverride>> = HashMap::new();
        for (component, o) in rows {
            by_component.entry(component).or_default().push(o);
        }
        Ok(by_component)
    }

    /// The assessments (by component name, then in the order held) with their votes and
    /// facilitator answers counted. Votes are read in one scan of the vote table
    /// in storage order: joining and ordering them costs more than skipping the
    /// rows of workshops not asked for.
    fn tallies(&self, which: Which) -> Result<(Vec<IndexedBank>, Vec<Tally>)> {
        let (banks, mut tallies) = self.empty_tallies(which)?;
        // Tally index by assessment id.
        let slot: HashMap<i64, usize> = tallies
            .iter()
            .enumerate()
            .map(|(i, t)| (t.assessment_id, i))
            .collect();
        let voters = self.voters(&slot)?;
        self.count_votes(&banks, &voters, &mut tallies)?;
        self.count_answers(&banks, &slot, &mut tallies)?;
        Ok((banks, tallies))
    }

    /// The assessments asked for, in the order of [`Store::tallies`], with
    /// nothing counted yet, and the banks they use (each loaded once).
    fn empty_tallies(&self, which: Which) -> Result<(Vec<IndexedBank>, Vec<Tally>)> {
        let current = match which {
            // The latest held of each component's workshops, conflicting versions aside.
            Which::Current => format!(
                "WHERE a.id IN (SELECT id FROM (
                     SELECT a.id, row_number() OVER (PARTITION BY a.component_id ORDER BY {LATEST_FIRST}) AS n
                     FROM assessment a WHERE a.conflict_of IS NULL) WHERE n = 1)"
            ),
            Which::Every => "WHERE a.conflict_of IS NULL".to_string(),
        };
        let mut stmt = self.db(self.conn.prepare_cached(&format!(
            "SELECT a.id, a.component_id, c.name, c.blueprint, c.created_at,
                    coalesce(a.held_on, substr(a.started_at, 1, 10)), a.bank_id, a.bank_version
             FROM assessment a JOIN component c ON c.id = a.component_id {current}
             ORDER BY c.name, c.id, {HELD_ORDER}"
        )))?;
        let rows = self.db(stmt
            .query_map([], |row| {
                Ok((
                    row.get::<_, i64>(0)?,
                    row.get::<_, i64>(1)?,
                    row.get::<_, String>(2)?,
                    row.get::<_, String>(3)?,
                    row.get::<_, String>(4)?,
                    row.get::<_, String>(5)?,
                    row.get::<_, String>(6)?,
                    row.get::<_, String>(7)?,
                ))
            })
            .and_then(|rows| rows.collect::<rusqlite::Result<Vec<_>>>()))?;

        let mut banks: Vec<IndexedBank> = Vec::new();
        let mut bank_of: HashMap<(String, String), usize> = HashMap::new();
        let mut tallies = Vec::with_capacity(rows.len());
        for (assessment_id, component_id, name, blueprint, created_at, held_on, bank_id, version) in
            rows
        {
            let bank = match bank_of.get(&(bank_id.clone(), version.clone())) {
                Some(&index) => index,
                None => {
                    banks.push(IndexedBank::new(self.shared_bank(&bank_id, &version)?));
                    bank_of.insert((bank_id, version), banks.len() - 1);
                    banks.len() - 1
                }
            };
            let practices = banks[bank].bank.practice_count();
            tallies.push(Tally {
                assessment_id,
                component_id,
                name,
                blueprint,
                created_at,
                held_on,
                bank,
                level_votes: vec![[0; 5]; practices],
                first_na_vote: vec![None; practices],
                decided: vec![None; practices],
                unknown: BTreeSet::new(),
            });
        }
        Ok((banks, tallies))
    }

    /// The participants of the tallied assessments, indexed by participant id
    /// (SQLite's rowids, dense): (tally, position in the list).
    fn voters(&self, slot: &HashMap<i64, usize>) -> Result<Vec<Option<(usize, i64)>>> {
        let mut stmt = self.db(self
            .conn
            .prepare_cached("SELECT id, assessment_id, position FROM participant"))?;
        let mut voters: Vec<Option<(usize, i64)>> = Vec::new();
        self.db(stmt.query([]).and_then(|mut rows| {
            while let Some(row) = rows.next()? {
                let id = usize::try_from(row.get::<_, i64>(0)?).unwrap_or(usize::MAX);
                if let (Some(&tally), true) = (slot.get(&row.get::<_, i64>(1)?), id < usize::MAX) {
                    if voters.len() <= id {
                        voters.resize(id + 1, None);
                    }
                    voters[id] = Some((tally, row.get(2)?));
                }
            }
            Ok(())
        }))?;
        Ok(voters)
    }

    /// Adds every vote of the `voters` to their tally: level votes counted per
    /// level, the N/A vote of the participant listed first kept with its reason.
    fn count_votes(
        &self,
        banks: &[IndexedBank],
        voters: &[Option<(usize, i64)>],
        tallies: &mut [Tally],
    ) -> Result<()> {
        // Per row: no allocation, and the practice looked up only when it differs from
        // the previous row's (votes on one practice are cast, and stored, together).
        let mut stmt = self.db(self
            .conn
            .prepare_cached("SELECT participant_id, practice_id, level, na_reason FROM vote"))?;
        let mut last_practice: (usize, Vec<u8>, Option<usize>) = (usize::MAX, Vec::new(), None);
        self.db(stmt.query([]).and_then(|mut rows| {
            while let Some(row) = rows.next()? {
                let participant = usize::try_from(row.get::<_, i64>(0)?).ok();
                let Some(&Some((t, position))) = participant.and_then(|id| voters.get(id)) else {
                    continue;
                };
                let tally = &mut tallies[t];
                let practice = row.get_ref(1)?.as_bytes()?;
                if last_practice.0 != tally.bank || last_practice.1 != practice {
                    last_practice.0 = tally.bank;
                    last_practice.1.clear();
                    last_practice.1.extend_from_slice(practice);
                    last_practice.2 = banks[tally.bank].position.get(practice).copied();
                }
                let Some(p) = last_practice.2 else {
                    tally.unknown.insert(row.get(1)?);
                    continue;
                };
                match row.get_ref(2)? {
                    ValueRef::Integer(level) => {
                        let count = usize::try_from(level)
                            .ok()
                            .and_then(|l| tally.level_votes[p].get_mut(l))
                            .ok_or_else(|| rusqlite::Error::IntegralValueOutOfRange(2, level))?;
                        *count += 1;
                    }
                    _ => {
                        let first = &mut tally.first_na_vote[p];
                        if first.as_ref().is_none_or(|(at, _)| position < *at) {
                            *first = Some((position, row.get(3)?));
                        }
                    }
                }
            }
            Ok(())
        }))
    }

    /// Records the facilitator's answers of the tallied assessments (`slot`:
    /// tally index by assessment id).
    fn count_answers(
        &self,
        banks: &[IndexedBank],
        slot: &HashMap<i64, usize>,
        tallies: &mut [Tally],
    ) -> Result<()> {
        let mut stmt = self.db(self.conn.prepare_cached(
            "SELECT assessment_id, practice_id, level, na_reason FROM answer
             WHERE level IS NOT NULL OR na_reason IS NOT NULL",
        ))?;
        self.db(stmt.query([]).and_then(|mut rows| {
            while let Some(row) = rows.next()? {
                let Some(&t) = slot.get(&row.get::<_, i64>(0)?) else {
                    continue;
                };
                let tally = &mut tallies[t];
                let practice: String = row.get(1)?;
                let answer = answer_from_columns(row.get(2)?, row.get(3)?);
                match banks[tally.bank].position.get(practice.as_bytes()) {
                    Some(&p) => tally.decided[p] = answer,
                    None => {
                        tally.unknown.insert(practice);
                    }
                }
            }
            Ok(())
        }))
    }
}
