//! The coach's workbook of one workshop: every practice with the agreed
//! answer, the target and each participant's vote, the disagreements, N/A
//! reasons and notes in full, evidence links, what changed since the previous
//! workshop, and the DORA metrics.

use std::collections::BTreeMap;

use super::document::{body, column, small, strong, table_style, Flow, Printable, Running, Table};
use super::fonts::Warnings;
use super::layout::{Align, DocInfo, Width};
use super::words::{self, dash, Lang};
use super::{Pdf, ReportOptions};
use crate::assessment::{target_overrides, AssessmentView, PracticeAnswer};
use crate::dora::{Cluster, DoraOutcome, Metric};
use crate::history::Comparison;
use crate::model::PillarId;
use crate::scoring::{self, Answer};
use crate::workshop::{Disagreement, FlaggedPractice, Vote, Workshop};

/// Everything the workbook shows, as the store returns it.
pub struct WorkbookInput<'a> {
    pub workshop: &'a Workshop,
    /// The workshop's agreed answers, scores, notes and evidence.
    pub view: &'a AssessmentView,
    /// Votes per practice id.
    pub votes: &'a BTreeMap<String, Vec<Vote>>,
    pub disagreements: &'a [FlaggedPractice],
    /// The workshop before this one and what changed since.
    pub previous: Option<(&'a Workshop, &'a Comparison)>,
    pub dora: Option<&'a DoraOutcome>,
}

pub(super) fn render(input: &WorkbookInput, options: &ReportOptions) -> crate::Result<Pdf> {
    let lang = Lang::of(&options.lang);
    let mut warnings = Warnings::default();
    let mut clean = Printable::new(&mut warnings);

    let component = clean.text(&input.view.component.name, "component name")?;
    let organisation = clean.text(&options.organisation, "organisation name")?;
    let title = format!(
        "{} — {component}",
        lang.pick("Coach's workbook", "Cahier du coach")
    );
    let mut flow = Flow::new(
        options.paper,
        Running {
            header_left: super::header_left(&organisation, &component),
            header_right: options.date.to_string(),
            footer_left: format!(
                "Mamos {} · {}",
                env!("CARGO_PKG_VERSION"),
                lang.pick("Coach's workbook", "Cahier du coach")
            ),
            page_of: lang.page_of(),
        },
    );

    // Title block.
    let title_style =
        super::document::style(super::fonts::FontStyle::Bold, 18.0, super::document::INK);
    flow.paragraph(lang.pick("Coach's workbook", "Cahier du coach"), &small())?;
    flow.paragraph(&component, &title_style)?;
    flow.gap(6.0);

    let book = Workbook::new(input, lang, &mut clean)?;
    book.overview(&mut flow, &component, &mut clean)?;
    let titles = book.practices(&mut flow, &mut clean)?;
    book.disagreements(&mut flow, &titles, &mut clean)?;
    book.notes(&mut flow, &titles, &mut clean)?;
    book.evidence(&mut flow, &titles, &mut clean)?;
    book.changes(&mut flow, &titles)?;
    flow.section(lang.pick("DORA metrics", "Indicateurs DORA"), 40.0)?;
    match input.dora.filter(|d| !d.metrics.is_empty()) {
        None => flow.paragraph(
            lang.pick(
                "No DORA metrics were entered for this workshop.",
                "Aucun indicateur DORA n’a été saisi pour cet atelier.",
            ),
            &body(),
        )?,
        Some(dora) => dora_section(&mut flow, dora, lang)?,
    }

    let info = DocInfo {
        title,
        subject: lang
            .pick(
                "Quality Engineering maturity workshop (MAMOS)",
                "Atelier de maturité Quality Engineering (MAMOS)",
            )
            .to_string(),
        author: clean.text(&options.author, "author")?,
        date: options.date,
    };

    flow.into_pdf(&info, warnings)
}

/// "Ana 2, Ben N/A".
fn votes_text(votes: &[Vote], clean: &mut Printable) -> crate::Result<String> {
    Ok(votes
        .iter()
        .map(|v| -> crate::Result<String> {
            Ok(format!(
                "{} {}",
                clean.text(&v.participant, "participant name")?,
                words::short_answer(&v.answer)
            ))
        })
        .collect::<crate::Result<Vec<_>>>()?
        .join(", "))
}

/// The practices' printable titles by id, as the practice tables showed them.
struct PracticeTitles(BTreeMap<String, String>);

impl PracticeTitles {
    /// "Title (id)", or the id of a practice the bank does not have.
    fn label(&self, id: &str) -> String {
        match self.0.get(id) {
            Some(title) => format!("{title} ({id})"),
            None => id.to_string(),
        }
    }
}

/// What every section of the workbook reads: the input, the language, and
/// the participants' and pillars' names made printable once.
struct Workbook<'a> {
    input: &'a WorkbookInput<'a>,
    lang: Lang,
    participants: Vec<String>,
    /// In the order of the scores' pillars.
    pillar_names: Vec<String>,
}

impl<'a> Workbook<'a> {
    fn new(input: &'a WorkbookInput, lang: Lang, clean: &mut Printable) -> crate::Result<Self> {
        let bank = &input.view.bank;
        let participants = input
            .workshop
            .participants
            .iter()
            .map(|p| clean.text(p, "participant name"))
            .collect::<crate::Result<Vec<_>>>()?;
        let pillar_names = input
            .view
            .scores
            .pillars
            .iter()
            .map(|p| {
                clean.text(
                    bank.pillar(p.id)
                        .map_or(p.id.as_str(), |b| b.name.get(lang.code())),
                    &format!("the name of pillar {}", p.id),
                )
            })
            .collect::<crate::Result<_>>()?;
        Ok(Workbook {
            input,
            lang,
            participants,
            pillar_names,
        })
    }

    fn pillar_name(&self, id: PillarId) -> String {
        self.input
            .view
            .scores
            .pillars
            .iter()
            .position(|p| p.id == id)
            .map_or_else(|| id.to_string(), |i| self.pillar_names[i].clone())
    }

    /// The workshop's facts and the pillar table.
    fn overview(
        &self,
        flow: &mut Flow,
        component: &str,
        clean: &mut Printable,
    ) -> crate::Result<()> {
        let (input, lang) = (self.input, self.lang);
        let code = lang.code();
        let view = input.view;
        let bank = &view.bank;
        flow.section(lang.pick("Workshop", "Atelier"), 60.0)?;
        let participants = &self.participants;
        let scores = &view.scores;
        let facts = vec![
            (lang.pick("Component", "Composant"), component.to_string()),
            (
                lang.pick("Held on", "Date de l’atelier"),
                input.workshop.held_on.clone(),
            ),
            (
                lang.pick("Facilitator", "Animateur"),
                clean.text(&input.workshop.facilitator, "facilitator name")?,
            ),
            (
                lang.pick("Participants", "Participants"),
                if participants.is_empty() {
                    "—".to_string()
                } else {
                    participants.join(", ")
                },
            ),
            (
                lang.pick("Question bank", "Référentiel"),
                format!(
                    "{} ({}, version {})",
                    clean.text(bank.title.get(code), "bank title")?,
                    clean.text(&bank.id, "bank id")?,
                    clean.text(&bank.version, "bank version")?
                ),
            ),
            ("Blueprint", view.component.blueprint.as_str().to_string()),
            (
                lang.pick("Overall score", "Score global"),
                lang.optional_percent(scores.overall.score),
            ),
            (
                lang.pick("Overall level", "Niveau global"),
                scores.overall.level.map_or_else(
                    || lang.not_assessed().to_string(),
                    |l| words::level(bank, lang, l),
                ),
            ),
            (
                lang.pick("Limiting pillar", "Pilier limitant"),
                scores.limiting_pillar.map_or_else(
                    || lang.not_assessed().to_string(),
                    |id| self.pillar_name(id),
                ),
            ),
        ];
        flow.facts(&facts)?;
        flow.gap(10.0);
        self.pillar_table(flow)
    }

    /// Every pillar's score, level, target and counts (and change, after a
    /// previous workshop).
    fn pillar_table(&self, flow: &mut Flow) -> crate::Result<()> {
        let (input, lang) = (self.input, self.lang);
        let bank = &input.view.bank;
        let deltas: BTreeMap<_, _> = input
            .previous
            .map(|(_, c)| c.pillars.iter().map(|p| (p.id, p)).collect())
            .unwrap_or_default();
        let mut columns = vec![
            column(lang.pick("Pillar", "Pilier"), Width::Fill, Align::Left),
            column("Score", Width::Fit, Align::Right),
            column(lang.pick("Level", "Niveau"), Width::Fit, Align::Left),
            column(lang.pick("Target", "Cible"), Width::Fit, Align::Right),
            column(
                lang.pick("% of target", "% de la cible"),
                Width::Fit,
                Align::Right,
            ),
            column(lang.pick("Answered", "Répondues"), Width::Fit, Align::Right),
            column("N/A", Width::Fit, Align::Right),
            column(
                lang.pick("Unanswered", "Sans réponse"),
                Width::Fit,
                Align::Right,
            ),
        ];
        if input.previous.is_some() {
            columns.push(column(
                lang.pick("Change", "Évolution"),
                Width::Fit,
                Align::Right,
            ));
        }
        let rows: Vec<Vec<String>> = input
            .view
            .scores
            .pillars
            .iter()
            .zip(&self.pillar_names)
            .map(|(p, name)| {
                let mut row = vec![
                    name.clone(),
                    lang.optional_percent(p.score),
                    p.level.map_or_else(dash, |l| words::level(bank, lang, l)),
                    p.target_score.map_or_else(dash, |t| lang.percent(t)),
                    p.percent_to_target.map_or_else(dash, |t| lang.percent(t)),
                    p.answered.to_string(),
                    p.not_applicable.to_string(),
                    p.unanswered.to_string(),
                ];
                if input.previous.is_some() {
                    row.push(
                        deltas
                            .get(&p.id)
                            .and_then(|d| d.delta)
                            .map_or_else(dash, |d| lang.signed(d)),
                    );
                }
                row
            })
            .collect();
        flow.table(&Table::plain(&columns, &rows, &table_style(2)))
    }

    /// One section per pillar: each practice with its agreed answer, target,
    /// gap, change, votes and remarks. Returns the practices' titles.
    fn practices(&self, flow: &mut Flow, clean: &mut Printable) -> crate::Result<PracticeTitles> {
        let (input, lang) = (self.input, self.lang);
        let view = input.view;
        let answers = answers_by_practice(view);
        let practice_deltas: BTreeMap<&str, Option<i8>> = input
            .previous
            .map(|(_, c)| {
                c.practices
                    .iter()
                    .map(|p| (p.practice_id.as_str(), p.delta))
                    .collect()
            })
            .unwrap_or_default();
        let targets = target_overrides(&view.overrides);
        let mut titles: BTreeMap<String, String> = BTreeMap::new();
        for (pillar, name) in view.bank.pillars.iter().zip(&self.pillar_names) {
            let mut columns = vec![
                column(
                    lang.pick("Practice", "Pratique"),
                    Width::Part(1.5),
                    Align::Left,
                ),
                column(lang.pick("Agreed", "Retenu"), Width::Fit, Align::Left),
                column(lang.pick("Target", "Cible"), Width::Fit, Align::Right),
                column(lang.pick("Gap", "Écart"), Width::Fit, Align::Right),
            ];
            if input.previous.is_some() {
                columns.push(column("Δ", Width::Fit, Align::Right));
            }
            columns.push(column(
                lang.pick("Votes", "Votes"),
                Width::Part(0.8),
                Align::Left,
            ));
            columns.push(column(
                lang.pick("N/A reason, note", "Raison N/A, note"),
                Width::Fill,
                Align::Left,
            ));
            let mut rows = Vec::new();
            for practice in &pillar.practices {
                let title = clean.text(
                    practice.title.get(lang.code()),
                    &format!("the title of practice {}", practice.id),
                )?;
                titles.insert(practice.id.clone(), title.clone());
                let recorded = answers.get(practice.id.as_str());
                let agreed = recorded.and_then(|a| a.answer.as_ref());
                let target = targets.target(pillar.id, practice, view.component.blueprint);
                let gap = match agreed {
                    Some(Answer::Level { level }) => scoring::gap(target, *level).to_string(),
                    _ => dash(),
                };
                let votes = match input.votes.get(&practice.id) {
                    Some(votes) if !votes.is_empty() => votes_text(votes, clean)?,
                    _ => dash(),
                };
                let mut remarks = Vec::new();
                if let Some(Answer::NotApplicable { reason }) = agreed {
                    remarks.push(format!("N/A: {reason}"));
                }
                if let Some(note) = recorded.map(|a| a.note.trim()).filter(|n| !n.is_empty()) {
                    remarks.push(note.to_string());
                }
                let remarks = clean.text(
                    &remarks.join(" · "),
                    &format!("the note of practice {}", practice.id),
                )?;
                let mut row = vec![
                    format!("{title} ({})", practice.id),
                    words::answer(&view.bank, lang, agreed),
                    target.to_string(),
                    gap,
                ];
                if input.previous.is_some() {
                    row.push(
                        practice_deltas
                            .get(practice.id.as_str())
                            .copied()
                            .flatten()
                            .map_or_else(dash, |d| lang.signed_levels(d)),
                    );
                }
                row.push(votes);
                row.push(remarks);
                rows.push(row);
            }
            flow.section(
                &format!("{name} — {}", lang.pick("practices", "pratiques")),
                60.0,
            )?;
            flow.table(&Table::plain(&columns, &rows, &table_style(5)))?;
        }
        flow.gap(4.0);
        flow.paragraph(
            lang.pick(
                "Long notes are shortened in the tables; the section “N/A reasons and notes” gives them in full.",
                "Les notes longues sont abrégées dans les tableaux ; la section « Raisons N/A et notes » les donne en entier.",
            ),
            &small(),
        )?;
        Ok(PracticeTitles(titles))
    }

    /// The practices whose votes were far apart, and whether it was decided.
    fn disagreements(
        &self,
        flow: &mut Flow,
        titles: &PracticeTitles,
        clean: &mut Printable,
    ) -> crate::Result<()> {
        let lang = self.lang;
        flow.section(lang.pick("Disagreements", "Désaccords"), 40.0)?;
        let columns = [
            column(lang.pick("Practice", "Pratique"), Width::Fill, Align::Left),
            column(lang.pick("Votes", "Votes"), Width::Fill, Align::Left),
            column(lang.pick("Why", "Motif"), Width::Fit, Align::Left),
            column(lang.pick("Decided", "Tranché"), Width::Fit, Align::Left),
        ];
        let rows = self
            .input
            .disagreements
            .iter()
            .map(|flagged| -> crate::Result<Vec<String>> {
                let why = match flagged.disagreement {
                    Disagreement::Spread { low, high } => {
                        format!("{} {low}–{high}", lang.pick("levels", "niveaux"))
                    }
                    Disagreement::MixedNotApplicable => {
                        lang.pick("N/A and levels", "N/A et niveaux").to_string()
                    }
                };
                Ok(vec![
                    titles.label(&flagged.practice_id),
                    votes_text(&flagged.votes, clean)?,
                    why,
                    lang.yes_no(flagged.resolved).to_string(),
                ])
            })
            .collect::<crate::Result<Vec<_>>>()?;
        flow.table_or(
            &Table::plain(&columns, &rows, &table_style(4)),
            lang.pick(
                "No practice had votes two levels or more apart, or N/A mixed with levels.",
                "Aucune pratique n’a eu de votes écartés de deux niveaux ou plus, ni de N/A mêlés à des niveaux.",
            ),
        )
    }

    /// Every N/A reason and note in full.
    fn notes(
        &self,
        flow: &mut Flow,
        titles: &PracticeTitles,
        clean: &mut Printable,
    ) -> crate::Result<()> {
        let lang = self.lang;
        let view = self.input.view;
        flow.section(
            lang.pick("N/A reasons and notes", "Raisons N/A et notes"),
            40.0,
        )?;
        let answers = answers_by_practice(view);
        let mut any_note = false;
        for (_, practice) in view.bank.practices() {
            let Some(recorded) = answers.get(practice.id.as_str()) else {
                continue;
            };
            let reason = match &recorded.answer {
                Some(Answer::NotApplicable { reason }) => Some(reason.as_str()),
                _ => None,
            };
            let note = Some(recorded.note.trim()).filter(|n| !n.is_empty());
            if reason.is_none() && note.is_none() {
                continue;
            }
            any_note = true;
            flow.subheading(&titles.label(&practice.id), 14.0)?;
            if let Some(reason) = reason {
                let text = clean.text(
                    reason,
                    &format!("the N/A reason of practice {}", practice.id),
                )?;
                flow.paragraph(
                    &format!(
                        "{} {text}",
                        lang.pick("Not applicable:", "Non applicable :")
                    ),
                    &body(),
                )?;
            }
            if let Some(note) = note {
                let text = clean.text(note, &format!("the note of practice {}", practice.id))?;
                flow.paragraph(&text, &body())?;
            }
            flow.gap(4.0);
        }
        if !any_note {
            flow.paragraph(
                lang.pick(
                    "No practice was marked N/A or given a note.",
                    "Aucune pratique n’a été marquée N/A ni annotée.",
                ),
                &body(),
            )?;
        }
        Ok(())
    }

    /// The evidence links added in the workshop.
    fn evidence(
        &self,
        flow: &mut Flow,
        titles: &PracticeTitles,
        clean: &mut Printable,
    ) -> crate::Result<()> {
        let lang = self.lang;
        flow.section(lang.pick("Evidence", "Preuves"), 40.0)?;
        let columns = [
            column(lang.pick("Practice", "Pratique"), Width::Fill, Align::Left),
            column(lang.pick("Label", "Libellé"), Width::Fill, Align::Left),
            column(lang.pick("Link", "Lien"), Width::Part(2.0), Align::Left),
        ];
        let rows = self
            .input
            .view
            .evidence
            .iter()
            .map(|e| -> crate::Result<Vec<String>> {
                Ok(vec![
                    titles.label(&e.practice_id),
                    clean.text(&e.label, "evidence label")?,
                    clean.text(&e.location, "evidence link")?,
                ])
            })
            .collect::<crate::Result<Vec<_>>>()?;
        flow.table_or(
            &Table::plain(&columns, &rows, &table_style(6)),
            lang.pick(
                "No evidence link was added in this workshop.",
                "Aucun lien de preuve n’a été ajouté dans cet atelier.",
            ),
        )
    }

    /// What changed since the previous workshop: every pillar, the overall
    /// score, and the practices whose answer changed.
    fn changes(&self, flow: &mut Flow, titles: &PracticeTitles) -> crate::Result<()> {
        let lang = self.lang;
        let Some((before, comparison)) = self.input.previous else {
            flow.section(
                lang.pick(
                    "Changes since the previous workshop",
                    "Évolution depuis l’atelier précédent",
                ),
                30.0,
            )?;
            return flow.paragraph(
                lang.pick(
                    "This is the first workshop of this component: there is nothing to compare with yet.",
                    "C’est le premier atelier de ce composant : rien à comparer pour l’instant.",
                ),
                &body(),
            );
        };
        flow.section(
            &format!(
                "{} {}",
                lang.pick(
                    "Changes since the workshop of",
                    "Évolution depuis l’atelier du"
                ),
                before.held_on
            ),
            60.0,
        )?;
        let columns = [
            column(lang.pick("Pillar", "Pilier"), Width::Fill, Align::Left),
            column(lang.pick("Before", "Avant"), Width::Fit, Align::Right),
            column(lang.pick("After", "Après"), Width::Fit, Align::Right),
            column(lang.pick("Change", "Évolution"), Width::Fit, Align::Right),
            column(
                lang.pick("Progress to target", "Progrès vers la cible"),
                Width::Fit,
                Align::Right,
            ),
        ];
        let mut rows: Vec<Vec<String>> = comparison
            .pillars
            .iter()
            .map(|p| {
                vec![
                    self.pillar_name(p.id),
                    lang.optional_percent(p.from_score),
                    lang.optional_percent(p.to_score),
                    p.delta.map_or_else(dash, |d| lang.signed(d)),
                    p.progress_to_target
                        .map_or_else(dash, |x| lang.percent(100.0 * x)),
                ]
            })
            .collect();
        let o = &comparison.overall;
        rows.push(vec![
            lang.pick("Overall", "Global").to_string(),
            lang.optional_percent(o.from_score),
            lang.optional_percent(o.to_score),
            o.delta.map_or_else(dash, |d| lang.signed(d)),
            dash(),
        ]);
        flow.table(&Table::plain(&columns, &rows, &table_style(2)))?;
        flow.gap(8.0);
        self.moved_practices(flow, comparison, titles)
    }

    /// The practices whose answer changed, or a sentence saying none did.
    fn moved_practices(
        &self,
        flow: &mut Flow,
        comparison: &Comparison,
        titles: &PracticeTitles,
    ) -> crate::Result<()> {
        let lang = self.lang;
        let bank = &self.input.view.bank;
        let moved: Vec<&crate::history::PracticeDelta> = comparison
            .practices
            .iter()
            .filter(|p| p.delta.is_some_and(|d| d != 0) || (p.from.is_some() != p.to.is_some()))
            .collect();
        if moved.is_empty() {
            return flow.paragraph(
                lang.pick(
                    "No practice changed its answer.",
                    "Aucune pratique n’a changé de réponse.",
                ),
                &body(),
            );
        }
        flow.subheading(
            lang.pick(
                "Practices whose answer changed",
                "Pratiques dont la réponse a changé",
            ),
            30.0,
        )?;
        let columns = [
            column(lang.pick("Practice", "Pratique"), Width::Fill, Align::Left),
            column(lang.pick("Before", "Avant"), Width::Fit, Align::Left),
            column(lang.pick("After", "Après"), Width::Fit, Align::Left),
            column("Δ", Width::Fit, Align::Right),
        ];
        let rows: Vec<Vec<String>> = moved
            .iter()
            .map(|p| {
                vec![
                    titles.label(&p.practice_id),
                    words::answer(bank, lang, p.from.as_ref()),
                    words::answer(bank, lang, p.to.as_ref()),
                    p.delta.map_or_else(dash, |d| lang.signed_levels(d)),
                ]
            })
            .collect();
        flow.table(&Table::plain(&columns, &rows, &table_style(3)))
    }
}

/// The workshop's recorded answers by practice id.
fn answers_by_practice(view: &AssessmentView) -> BTreeMap<&str, &PracticeAnswer> {
    view.answers
        .iter()
        .map(|a| (a.practice_id.as_str(), a))
        .collect()
}

/// "Elite", "High"… in the document's language.
pub(super) fn cluster_name(cluster: Cluster, lang: Lang) -> &'static str {
    match cluster {
        Cluster::Elite => lang.pick("Elite", "Élite"),
        Cluster::High => lang.pick("High", "Élevé"),
        Cluster::Medium => lang.pick("Medium", "Moyen"),
        Cluster::Low => lang.pick("Low", "Faible"),
    }
}

fn metric_name(metric: Metric, lang: Lang) -> &'static str {
    match metric {
        Metric::LeadTime => lang.pick("Change lead time", "Délai de mise en production"),
        Metric::DeployFrequency => lang.pick("Deployment frequency", "Fréquence de déploiement"),
        Metric::Recovery => lang.pick(
            "Failed deployment recovery time",
            "Temps de rétablissement après échec",
        ),
        Metric::ChangeFailRate => lang.pick("Change fail rate", "Taux d’échec des changements"),
        Metric::ReworkRate => {
            lang.pick("Deployment rework rate", "Taux de reprise des déploiements")
        }
    }
}

fn dora_section(flow: &mut Flow, dora: &DoraOutcome, lang: Lang) -> crate::Result<()> {
    let m = &dora.metrics;
    let value = |metric: Metric| -> String {
        match metric {
            Metric::LeadTime => m
                .lead_time
                .map_or_else(dash, |b| words::time_band(b, lang).to_string()),
            Metric::DeployFrequency => m
                .deploy_frequency
                .map_or_else(dash, |b| words::frequency_band(b, lang).to_string()),
            Metric::Recovery => m
                .recovery
                .map_or_else(dash, |b| words::time_band(b, lang).to_string()),
            Metric::ChangeFailRate => m.change_fail_rate.map_or_else(dash, |p| lang.percent(p)),
            Metric::ReworkRate => m.rework_rate.map_or_else(dash, |p| lang.percent(p)),
        }
    };
    let cluster = |metric: Metric| -> String {
        dora.classification
            .per_metric
            .iter()
            .find(|c| c.metric == metric)
            .and_then(|c| c.cluster)
            .map_or_else(dash, |c| cluster_name(c, lang).to_string())
    };
    let columns = [
        column(lang.pick("Metric", "Indicateur"), Width::Fill, Align::Left),
        column(lang.pick("Value", "Valeur"), Width::Fill, Align::Left),
        column(
            &format!("{} {}", lang.pick("Cluster", "Groupe"), dora.year),
            Width::Fit,
            Align::Left,
        ),
    ];
    let rows: Vec<Vec<String>> = [
        Metric::LeadTime,
        Metric::DeployFrequency,
        Metric::Recovery,
        Metric::ChangeFailRate,
        Metric::ReworkRate,
    ]
    .into_iter()
    .map(|metric| {
        vec![
            metric_name(metric, lang).to_string(),
            value(metric),
            cluster(metric),
        ]
    })
    .collect();
    flow.paragraph(&dora_sentence(dora, lang), &strong())?;
    flow.gap(6.0);
    flow.table(&Table::plain(&columns, &rows, &table_style(2)))?;
    flow.gap(6.0);
    let q = &dora.quick_check;
    let score = |v: Option<f64>| v.map_or_else(dash, |v| format!("{} / 10", lang.one_decimal(v)));
    flow.facts(&[
        (lang.pick("Throughput", "Débit"), score(q.throughput)),
        (lang.pick("Stability", "Stabilité"), score(q.stability)),
        (
            lang.pick("Quick Check overall", "Quick Check global"),
            score(q.overall),
        ),
    ])?;
    flow.gap(4.0);
    flow.paragraph(
        &format!(
            "{} {}. {}",
            lang.pick("Cluster table:", "Table des groupes :"),
            dora.year.source(),
            lang.pick(
                "Metrics describe outcomes, not goals; never rank teams by them.",
                "Les indicateurs décrivent des résultats, pas des objectifs ; ne classez jamais les équipes avec eux.",
            )
        ),
        &small(),
    )?;
    Ok(())
}

/// "DORA classification: High (2024 State of DevOps clusters)".
pub(super) fn dora_sentence(dora: &DoraOutcome, lang: Lang) -> String {
    let overall = dora.classification.overall.map_or_else(
        || lang.pick("not classified", "non classé").to_string(),
        |c| cluster_name(c, lang).to_string(),
    );
    format!(
        "{} {overall} ({} {})",
        lang.pick("DORA classification:", "Classification DORA :"),
        lang.pick("State of DevOps clusters of", "groupes du State of DevOps"),
        dora.year
    )
}
