//! The documents' own words in English and French, and how numbers are
//! written in each (bank texts come from the bank in the same language).

use crate::model::Bank;
use crate::scoring::Answer;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Lang {
    En,
    Fr,
}

impl Lang {
    /// `fr`, `fr-CA`… are French; every other language falls back to English.
    pub fn of(code: &str) -> Lang {
        match code.split(['-', '_']).next().unwrap_or("") {
            "fr" => Lang::Fr,
            _ => Lang::En,
        }
    }

    /// The bank language code.
    pub fn code(self) -> &'static str {
        match self {
            Lang::En => "en",
            Lang::Fr => "fr",
        }
    }

    pub fn pick(self, en: &'static str, fr: &'static str) -> &'static str {
        match self {
            Lang::En => en,
            Lang::Fr => fr,
        }
    }

    fn decimal(self, text: String) -> String {
        match self {
            Lang::En => text,
            Lang::Fr => text.replace('.', ","),
        }
    }

    /// "62.5 %" / "62,5 %".
    pub fn percent(self, value: f64) -> String {
        self.decimal(format!("{value:.1} %"))
    }

    pub fn not_assessed(self) -> &'static str {
        self.pick("not assessed", "non évalué")
    }

    pub fn optional_percent(self, value: Option<f64>) -> String {
        value.map_or_else(|| self.not_assessed().to_string(), |v| self.percent(v))
    }

    /// A difference with its sign: "+4.2", "−3.0", "0.0" (a true minus sign).
    pub fn signed(self, value: f64) -> String {
        let rounded = (value * 10.0).round() / 10.0;
        let text = if rounded > 0.0 {
            format!("+{rounded:.1}")
        } else if rounded < 0.0 {
            format!("−{:.1}", -rounded)
        } else {
            "0.0".to_string()
        };
        self.decimal(text)
    }

    /// A level difference: "+1", "−2", "0".
    pub fn signed_levels(self, value: i8) -> String {
        match value {
            v if v > 0 => format!("+{v}"),
            v if v < 0 => format!("−{}", -i16::from(v)),
            _ => "0".to_string(),
        }
    }

    pub fn one_decimal(self, value: f64) -> String {
        self.decimal(format!("{value:.1}"))
    }

    pub fn page_of(self) -> fn(usize, usize) -> String {
        match self {
            Lang::En => |n, total| format!("Page {n} of {total}"),
            Lang::Fr => |n, total| format!("Page {n} sur {total}"),
        }
    }

    pub fn yes_no(self, yes: bool) -> &'static str {
        match yes {
            true => self.pick("yes", "oui"),
            false => self.pick("no", "non"),
        }
    }
}

/// "2 · Defined" with the bank's label for the level, or the number alone.
pub fn level(bank: &Bank, lang: Lang, level: u8) -> String {
    match bank.levels.iter().find(|l| l.value == level) {
        Some(l) => format!("{level} · {}", l.label.get(lang.code())),
        None => level.to_string(),
    }
}

/// An answer as a reader sees it: "2 · Defined", "N/A", or "unanswered".
pub fn answer(bank: &Bank, lang: Lang, answer: Option<&Answer>) -> String {
    match answer {
        Some(Answer::Level { level: l }) => level(bank, lang, *l),
        Some(Answer::NotApplicable { .. }) => "N/A".to_string(),
        None => lang.pick("unanswered", "sans réponse").to_string(),
    }
}

/// Who owns an action, as a reader says it.
pub fn owner(owner: crate::model::Owner, lang: Lang) -> &'static str {
    use crate::model::Owner;
    match owner {
        Owner::Team => lang.pick("the team", "équipe"),
        Owner::TeamLead => lang.pick("the team lead", "responsable d’équipe"),
        Owner::Platform => lang.pick("the platform team", "équipe plateforme"),
        Owner::QaEngineer => lang.pick("the QA engineer", "ingénierie QA"),
        Owner::Management => lang.pick("management", "direction"),
    }
}

/// A DORA time band (lead time, recovery) in the document's language.
pub fn time_band(band: crate::dora::TimeBand, lang: Lang) -> &'static str {
    use crate::dora::TimeBand;
    match lang {
        Lang::En => band.label(),
        Lang::Fr => match band {
            TimeBand::MoreThanSixMonths => "plus de six mois",
            TimeBand::OneToSixMonths => "entre un et six mois",
            TimeBand::OneWeekToOneMonth => "entre une semaine et un mois",
            TimeBand::OneDayToOneWeek => "entre un jour et une semaine",
            TimeBand::LessThanOneDay => "moins d’un jour",
            TimeBand::LessThanOneHour => "moins d’une heure",
        },
    }
}

/// A DORA deployment frequency band in the document's language.
pub fn frequency_band(band: crate::dora::FrequencyBand, lang: Lang) -> &'static str {
    use crate::dora::FrequencyBand;
    match lang {
        Lang::En => band.label(),
        Lang::Fr => match band {
            FrequencyBand::FewerThanOncePerSixMonths => "moins d’une fois tous les six mois",
            FrequencyBand::MonthlyToSixMonthly => {
                "entre une fois par mois et une fois tous les six mois"
            }
            FrequencyBand::WeeklyToMonthly => "entre une fois par semaine et une fois par mois",
            FrequencyBand::DailyToWeekly => "entre une fois par jour et une fois par semaine",
            FrequencyBand::HourlyToDaily => "entre une fois par heure et une fois par jour",
            FrequencyBand::OnDemand => "à la demande (plusieurs fois par jour)",
        },
    }
}

/// A vote in a short form for a list of votes: "2" or "N/A".
pub fn short_answer(answer: &Answer) -> String {
    match answer {
        Answer::Level { level } => level.to_string(),
        Answer::NotApplicable { .. } => "N/A".to_string(),
    }
}

/// What a table cell shows when there is no value: an en dash.
pub fn dash() -> String {
    "–".to_string()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn numbers_use_the_language_decimal_separator_and_a_true_minus() {
        assert_eq!(Lang::Fr.percent(62.5), "62,5 %");
        assert_eq!(Lang::En.signed(-3.04), "−3.0");
        assert_eq!(Lang::Fr.signed(4.25), "+4,3");
        assert_eq!(Lang::En.signed(-0.01), "0.0");
        assert_eq!(Lang::En.signed_levels(-2), "−2");
        assert_eq!((Lang::Fr.page_of())(2, 9), "Page 2 sur 9");
        assert_eq!(Lang::of("fr-CA"), Lang::Fr);
        assert_eq!(Lang::of("de"), Lang::En);
        use crate::dora::{FrequencyBand, TimeBand};
        assert_eq!(
            time_band(TimeBand::LessThanOneDay, Lang::Fr),
            "moins d’un jour"
        );
        assert_eq!(
            time_band(TimeBand::LessThanOneDay, Lang::En),
            "less than one day"
        );
        assert_eq!(
            frequency_band(FrequencyBand::OnDemand, Lang::Fr),
            "à la demande (plusieurs fois par jour)"
        );
    }
}
