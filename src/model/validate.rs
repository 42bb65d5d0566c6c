//! Bank validation that reports every problem at once.
//!
//! serde stops at the first error, which makes a coach fix a bank one typo per
//! run; so the JSON is first walked as a `Value`, collecting every problem with
//! its JSON path, and only a clean tree is deserialized into `Bank`.

use std::collections::{BTreeMap, HashSet};
use std::fmt;

use serde_json::{Map, Value};

use super::{Bank, Blueprint, Owner, PillarId, DEFAULT_LANG, MAX_LEVEL};
use crate::dora;
use crate::error::Error;

/// One thing wrong in a bank file, at a JSON path such as `$.pillars[0].practices[2].weight`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct BankProblem {
    pub path: String,
    pub message: String,
}

impl fmt::Display for BankProblem {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}: {}", self.path, self.message)
    }
}

/// Parses and validates a bank; `file` names it in every message.
pub fn parse_bank(file: &str, text: &str) -> Result<Bank, Error> {
    let invalid = |problems| Error::InvalidBank {
        file: file.to_string(),
        problems,
    };
    let value: Value = serde_json::from_str(text).map_err(|e| {
        invalid(vec![BankProblem {
            path: "$".into(),
            message: format!(
                "malformed JSON at line {}, column {}: {}",
                e.line(),
                e.column(),
                strip_position(&e.to_string())
            ),
        }])
    })?;
    let mut checker = Checker::default();
    checker.bank(&value);
    if !checker.problems.is_empty() {
        return Err(invalid(checker.problems));
    }
    serde_json::from_value(value).map_err(|e| {
        invalid(vec![BankProblem {
            path: "$".into(),
            message: e.to_string(),
        }])
    })
}

/// serde_json appends " at line L column C"; we print the position ourselves.
fn strip_position(message: &str) -> &str {
    message.split(" at line ").next().unwrap_or(message)
}

fn describe(value: &Value) -> String {
    let text = match value {
        Value::Null => return "null".into(),
        Value::Bool(b) => return format!("the boolean {b}"),
        Value::Number(n) => return format!("the number {n}"),
        Value::String(s) => format!("the string {s:?}"),
        Value::Array(a) => return format!("an array of {} items", a.len()),
        Value::Object(_) => return "an object".into(),
    };
    if text.chars().count() > 60 {
        let short: String = text.chars().take(57).collect();
        format!("{short}...")
    } else {
        text
    }
}

#[derive(Default)]
struct Checker {
    problems: Vec<BankProblem>,
    practice_ids: BTreeMap<String, String>,
    /// (path, practice id, its `depends_on` ids), checked once every id is known.
    dependencies: Vec<(String, String, Vec<String>)>,
}

impl Checker {
    fn problem(&mut self, path: &str, message: impl Into<String>) {
        self.problems.push(BankProblem {
            path: path.to_string(),
            message: message.into(),
        });
    }

    /// Checks the object's field names; returns the object if `value` is one.
    fn object<'v>(
        &mut self,
        path: &str,
        value: &'v Value,
        required: &[&str],
        optional: &[&str],
    ) -> Option<&'v Map<String, Value>> {
        let Some(map) = value.as_object() else {
            self.problem(
                path,
                format!("expected an object, found {}", describe(value)),
            );
            return None;
        };
        for field in required {
            if !map.contains_key(*field) {
                self.problem(path, format!("missing required field `{field}`"));
            }
        }
        for key in map.keys() {
            if !required.contains(&key.as_str()) && !optional.contains(&key.as_str()) {
                let known: Vec<&str> = required.iter().chain(optional).copied().collect();
                self.problem(
                    &format!("{path}.{key}"),
                    format!("unknown field; expected one of: {}", known.join(", ")),
                );
            }
        }
        Some(map)
    }

    fn non_empty_string(&mut self, path: &str, value: Option<&Value>) -> Option<String> {
        match value? {
            Value::String(s) if !s.trim().is_empty() => Some(s.clone()),
            Value::String(_) => {
                self.problem(path, "expected a non-empty text, found an empty one");
                None
            }
            other => {
                self.problem(
                    path,
                    format!("expected a string, found {}", describe(other)),
                );
                None
            }
        }
    }

    fn text(&mut self, path: &str, value: Option<&Value>) {
        let Some(value) = value else { return };
        let Some(map) = value.as_object() else {
            self.problem(
                path,
                format!(
                    "expected a text as an object of language → text, such as {{\"en\": \"...\"}}, found {}",
                    describe(value)
                ),
            );
            return;
        };
        if !map.contains_key(DEFAULT_LANG) {
            self.problem(path, "missing the English text (`en`), which is required");
        }
        for (lang, text) in map {
            let lang_ok = (2..=8).contains(&lang.len())
                && lang.chars().all(|c| c.is_ascii_alphanumeric() || c == '-');
            if !lang_ok {
                self.problem(
                    &format!("{path}.{lang}"),
                    "expected a language code such as `en`, `fr` or `pt-BR`",
                );
            }
            self.non_empty_string(&format!("{path}.{lang}"), Some(text));
        }
    }

    fn array<'v>(&mut self, path: &str, value: Option<&'v Value>) -> &'v [Value] {
        match value {
            Some(Value::Array(items)) => items,
            Some(other) => {
                self.problem(
                    path,
                    format!("expected an array, found {}", describe(other)),
                );
                &[]
            }
            None => &[],
        }
    }

    fn level_number(&mut self, path: &str, value: &Value) -> Option<u8> {
        match value.as_u64() {
            Some(n) if n <= u64::from(MAX_LEVEL) => Some(n as u8),
            _ => {
                self.problem(
                    path,
                    format!(
                        "expected a level, a whole number from 0 to {MAX_LEVEL}, found {}",
                        describe(value)
                    ),
                );
                None
            }
        }
    }

    fn bank(&mut self, value: &Value) {
        let Some(bank) = self.object(
            "$",
            value,
            &["id", "version", "title", "levels", "pillars"],
            &[],
        ) else {
            return;
        };
        self.non_empty_string("$.id", bank.get("id"));
        self.non_empty_string("$.version", bank.get("version"));
        self.text("$.title", bank.get("title"));
        self.levels(bank.get("levels"));
        self.pillars(bank.get("pillars"));
        self.dependencies();
    }

    fn levels(&mut self, value: Option<&Value>) {
        let levels = self.array("$.levels", value);
        let mut seen = HashSet::new();
        for (i, level) in levels.iter().enumerate() {
            let path = format!("$.levels[{i}]");
            let Some(map) = self.object(&path, level, &["value", "label"], &[]) else {
                continue;
            };
            if let Some(v) = map.get("value") {
                if let Some(n) = self.level_number(&format!("{path}.value"), v) {
                    if !seen.insert(n) {
                        self.problem(
                            &format!("{path}.value"),
                            format!("level {n} is listed twice"),
                        );
                    }
                }
            }
            self.text(&format!("{path}.label"), map.get("label"));
        }
        if value.is_some_and(Value::is_array) {
            for n in 0..=MAX_LEVEL {
                if !seen.contains(&n) {
                    self.problem(
                        "$.levels",
                        format!("missing level {n}: expected levels 0 to 4"),
                    );
                }
            }
        }
    }

    fn pillars(&mut self, value: Option<&Value>) {
        let pillars = self.array("$.pillars", value);
        let mut seen = Vec::new();
        for (i, pillar) in pillars.iter().enumerate() {
            let path = format!("$.pillars[{i}]");
            let Some(map) = self.object(
                &path,
                pillar,
                &["id", "name", "description", "practices"],
                &[],
            ) else {
                continue;
            };
            if let Some(id) = self.non_empty_string(&format!("{path}.id"), map.get("id")) {
                match PillarId::parse(&id) {
                    None => self.problem(
                        &format!("{path}.id"),
                        format!(
                            "unknown pillar {id:?}; expected one of: methods, architecture, management, organization, skills"
                        ),
                    ),
                    Some(pillar) if seen.contains(&pillar) => self.problem(
                        &format!("{path}.id"),
                        format!("pillar `{pillar}` is listed twice"),
                    ),
                    Some(pillar) => {
                        if let Some(expected) = PillarId::ALL.get(seen.len()) {
                            if *expected != pillar {
                                self.problem(
                                    &format!("{path}.id"),
                                    format!(
                                        "pillars must come in the order methods, architecture, management, organization, skills: expected `{expected}` here, found `{pillar}`"
                                    ),
                                );
                            }
                        }
                        seen.push(pillar);
                    }
                }
            }
            self.text(&format!("{path}.name"), map.get("name"));
            self.text(&format!("{path}.description"), map.get("description"));
            let practices = self.array(&format!("{path}.practices"), map.get("practices"));
            if map.contains_key("practices") && practices.is_empty() {
                self.problem(
                    &format!("{path}.practices"),
                    "expected at least one practice",
                );
            }
            for (j, practice) in practices.iter().enumerate() {
                self.practice(&format!("{path}.practices[{j}]"), practice);
            }
        }
        if value.is_some_and(Value::is_array) {
            for pillar in PillarId::ALL {
                if !seen.contains(&pillar) {
                    self.problem("$.pillars", format!("missing pillar `{pillar}`"));
                }
            }
        }
    }

    fn practice(&mut self, path: &str, value: &Value) {
        let Some(map) = self.object(
            path,
            value,
            &[
                "id",
                "title",
                "question",
                "weight",
                "descriptors",
                "targets",
            ],
            &[
                "why",
                "improve",
                "effort",
                "impact",
                "depends_on",
                "dora",
                "sources",
            ],
        ) else {
            return;
        };
        let id = self.non_empty_string(&format!("{path}.id"), map.get("id"));
        if let Some(id) = &id {
            if let Some(first) = self.practice_ids.get(id) {
                let message = format!("practice id {id:?} is already used at {first}");
                self.problem(&format!("{path}.id"), message);
            } else {
                self.practice_ids.insert(id.clone(), path.to_string());
            }
        }
        if map.contains_key("why") {
            self.text(&format!("{path}.why"), map.get("why"));
        }
        if let Some(improve) = map.get("improve") {
            self.improve(&format!("{path}.improve"), improve);
        }
        if let Some(effort) = map.get("effort") {
            self.score_1_to_5(&format!("{path}.effort"), effort);
        }
        if let Some(impact) = map.get("impact") {
            let impact_path = format!("{path}.impact");
            if let Some(impact) = self.object(&impact_path, impact, &["quality", "speed"], &[]) {
                for key in ["quality", "speed"] {
                    if let Some(value) = impact.get(key) {
                        self.score_1_to_5(&format!("{impact_path}.{key}"), value);
                    }
                }
            }
        }
        let depends_on = self.strings(&format!("{path}.depends_on"), map.get("depends_on"));
        if let Some(id) = id {
            self.dependencies
                .push((format!("{path}.depends_on"), id, depends_on));
        }
        let dora_path = format!("{path}.dora");
        for (k, name) in self.strings(&dora_path, map.get("dora")).iter().enumerate() {
            if !dora::is_capability(name) {
                self.problem(
                    &format!("{dora_path}[{k}]"),
                    format!(
                        "unknown DORA capability {name:?}; expected one of: {}",
                        dora::CAPABILITIES.join(", ")
                    ),
                );
            }
        }
        self.strings(&format!("{path}.sources"), map.get("sources"));
        self.text(&format!("{path}.title"), map.get("title"));
        self.text(&format!("{path}.question"), map.get("question"));
        if let Some(weight) = map.get("weight") {
            match weight.as_f64() {
                Some(w) if w.is_finite() && w > 0.0 => {}
                _ => self.problem(
                    &format!("{path}.weight"),
                    format!(
                        "expected a finite number greater than 0, found {}",
                        describe(weight)
                    ),
                ),
            }
        }
        let descriptors = self.array(&format!("{path}.descriptors"), map.get("descriptors"));
        if map.get("descriptors").is_some_and(Value::is_array) && descriptors.len() != 5 {
            self.problem(
                &format!("{path}.descriptors"),
                format!(
                    "expected exactly 5 descriptors (levels 0 to 4), found {}",
                    descriptors.len()
                ),
            );
        }
        for (k, descriptor) in descriptors.iter().enumerate() {
            self.text(&format!("{path}.descriptors[{k}]"), Some(descriptor));
        }
        if let Some(targets) = map.get("targets") {
            self.targets(&format!("{path}.targets"), targets);
        }
    }

    fn score_1_to_5(&mut self, path: &str, value: &Value) {
        if !value.as_u64().is_some_and(|n| (1..=5).contains(&n)) {
            self.problem(
                path,
                format!(
                    "expected a whole number from 1 to 5, found {}",
                    describe(value)
                ),
            );
        }
    }

    /// An array of non-empty strings (missing means empty).
    fn strings(&mut self, path: &str, value: Option<&Value>) -> Vec<String> {
        let items = self.array(path, value);
        items
            .iter()
            .enumerate()
            .filter_map(|(k, item)| self.non_empty_string(&format!("{path}[{k}]"), Some(item)))
            .collect()
    }

    fn improve(&mut self, path: &str, value: &Value) {
        let steps = self.array(path, Some(value));
        let mut seen = HashSet::new();
        for (k, step) in steps.iter().enumerate() {
            let step_path = format!("{path}[{k}]");
            let Some(map) = self.object(&step_path, step, &["from", "owner", "action"], &[]) else {
                continue;
            };
            if let Some(from) = map.get("from") {
                match from.as_u64() {
                    Some(n) if n < u64::from(MAX_LEVEL) => {
                        if !seen.insert(n) {
                            self.problem(
                                &format!("{step_path}.from"),
                                format!("the step from level {n} is given twice"),
                            );
                        }
                    }
                    _ => self.problem(
                        &format!("{step_path}.from"),
                        format!(
                            "expected the level the step starts from, 0 to 3, found {}",
                            describe(from)
                        ),
                    ),
                }
            }
            if let Some(owner) = map.get("owner") {
                if owner.as_str().is_none_or(|o| Owner::parse(o).is_none()) {
                    self.problem(
                        &format!("{step_path}.owner"),
                        format!(
                            "expected one of: team, team_lead, platform, qa_engineer, management; found {}",
                            describe(owner)
                        ),
                    );
                }
            }
            self.text(&format!("{step_path}.action"), map.get("action"));
        }
    }

    /// Every `depends_on` id exists, is not the practice itself, and no cycle is formed.
    fn dependencies(&mut self) {
        let known: HashSet<String> = self.practice_ids.keys().cloned().collect();
        let dependencies = std::mem::take(&mut self.dependencies);
        for (path, id, depends_on) in &dependencies {
            for (k, dependency) in depends_on.iter().enumerate() {
                if dependency == id {
                    self.problem(
                        &format!("{path}[{k}]"),
                        "a practice cannot depend on itself",
                    );
                } else if !known.contains(dependency) {
                    self.problem(
                        &format!("{path}[{k}]"),
                        format!("no practice {dependency:?} in this bank"),
                    );
                }
            }
        }
        let graph: BTreeMap<&str, Vec<&str>> = dependencies
            .iter()
            .map(|(_, id, deps)| (id.as_str(), deps.iter().map(String::as_str).collect()))
            .collect();
        if let Some(cycle) = find_cycle(&graph) {
            let path = dependencies
                .iter()
                .find(|(_, id, _)| id == cycle[0])
                .map(|(path, _, _)| path.clone())
                .unwrap_or_else(|| "$".into());
            self.problem(&path, format!("dependency cycle: {}", cycle.join(" → ")));
        }
    }

    fn targets(&mut self, path: &str, value: &Value) {
        let Some(map) = value.as_object() else {
            self.problem(
                path,
                format!(
                    "expected an object of blueprint → level, such as {{\"I\": 1, \"II\": 2, \"III\": 3, \"IV\": 4}}, found {}",
                    describe(value)
                ),
            );
            return;
        };
        for (key, level) in map {
            if Blueprint::parse(key).is_none() {
                self.problem(
                    &format!("{path}.{key}"),
                    "unknown blueprint; expected I, II, III or IV",
                );
            }
            self.level_number(&format!("{path}.{key}"), level);
        }
        for blueprint in Blueprint::ALL {
            if !map.contains_key(blueprint.as_str()) {
                self.problem(
                    path,
                    format!("missing the target for blueprint {blueprint}"),
                );
            }
        }
    }
}

/// A dependency cycle as the list of ids around it (first id repeated at the end), if any.
fn find_cycle<'a>(graph: &BTreeMap<&'a str, Vec<&'a str>>) -> Option<Vec<&'a str>> {
    #[derive(Clone, Copy, PartialEq)]
    enum Mark {
        Visiting,
        Done,
    }
    fn visit<'a>(
        node: &'a str,
        graph: &BTreeMap<&'a str, Vec<&'a str>>,
        marks: &mut BTreeMap<&'a str, Mark>,
        stack: &mut Vec<&'a str>,
    ) -> Option<Vec<&'a str>> {
        match marks.get(node) {
            Some(Mark::Done) => return None,
            Some(Mark::Visiting) => {
                let start = stack.iter().position(|n| *n == node).unwrap_or(0);
                let mut cycle = stack[start..].to_vec();
                cycle.push(node);
                return Some(cycle);
            }
            None => {}
        }
        marks.insert(node, Mark::Visiting);
        stack.push(node);
        for next in graph.get(node).into_iter().flatten() {
            if graph.contains_key(next) {
                if let Some(cycle) = visit(next, graph, marks, stack) {
                    return Some(cycle);
                }
            }
        }
        stack.pop();
        marks.insert(node, Mark::Done);
        None
    }
    let mut marks = BTreeMap::new();
    graph
        .keys()
        .find_map(|node| visit(node, graph, &mut marks, &mut Vec::new()))
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    fn valid_bank() -> Value {
        let practice = |id: &str| {
            json!({
                "id": id, "title": {"en": "T", "fr": "T fr"}, "question": {"en": "Q?"},
                "weight": 1.0,
                "descriptors": [{"en": "d0"}, {"en": "d1"}, {"en": "d2"}, {"en": "d3"}, {"en": "d4"}],
                "targets": {"I": 1, "II": 2, "III": 3, "IV": 4}
            })
        };
        json!({
            "id": "test", "version": "1.0.0", "title": {"en": "Test bank"},
            "levels": (0..5).map(|v| json!({"value": v, "label": {"en": format!("L{v}")}})).collect::<Vec<_>>(),
            "pillars": PillarId::ALL.iter().map(|p| json!({
                "id": p.as_str(), "name": {"en": p.as_str()}, "description": {"en": "about"},
                "practices": [practice(&format!("{p}.one")), practice(&format!("{p}.two"))]
            })).collect::<Vec<_>>()
        })
    }

    fn problems(bank: &Value) -> Vec<BankProblem> {
        match parse_bank("bank.json", &bank.to_string()) {
            Ok(_) => vec![],
            Err(Error::InvalidBank { problems, .. }) => problems,
            Err(other) => panic!("unexpected error {other}"),
        }
    }

    fn assert_problem(bank: &Value, path: &str, words: &str) {
        let found = problems(bank);
        assert!(
            found
                .iter()
                .any(|p| p.path == path && p.message.contains(words)),
            "expected a problem at {path} saying {words:?}, got {found:#?}"
        );
    }

    #[test]
    fn a_valid_bank_parses() {
        let bank = parse_bank("bank.json", &valid_bank().to_string()).unwrap();
        assert_eq!(bank.practice_count(), 10);
        assert_eq!(bank.pillars[4].id, PillarId::Skills);
    }

    #[test]
    fn the_builtin_bank_is_valid() {
        let bank = parse_bank(
            super::super::BUILTIN_BANK_FILE,
            super::super::BUILTIN_BANK_JSON,
        )
        .unwrap_or_else(|e| panic!("{e}"));
        assert_eq!(super::super::builtin_bank(), bank);
        assert_eq!(bank.id, "mamos-qe");
        // The constants a database is checked against on every open.
        assert_eq!(bank.id, super::super::BUILTIN_BANK_ID);
        assert_eq!(bank.version, super::super::BUILTIN_BANK_VERSION);
        for pillar in &bank.pillars {
            assert!(
                pillar.practices.len() >= 2,
                "{} has fewer than 2 practices",
                pillar.id
            );
        }
    }

    #[test]
    fn malformed_json_names_line_and_column() {
        let err = parse_bank("broken.json", "{\n  \"id\": \"x\",\n  oops\n}").unwrap_err();
        let text = err.to_string();
        assert!(text.contains("broken.json"), "{text}");
        assert!(text.contains("line 3, column 3"), "{text}");
    }

    #[test]
    fn every_problem_is_reported_at_once() {
        let mut bank = valid_bank();
        bank["pillars"][0]["practices"][0]["weight"] = json!(0);
        bank["pillars"][1]["practices"][1]["targets"]["II"] = json!(7);
        bank["pillars"][2]["name"]["en"] = json!("  ");
        let found = problems(&bank);
        assert_eq!(found.len(), 3, "{found:#?}");
        let err = parse_bank("bank.json", &bank.to_string())
            .unwrap_err()
            .to_string();
        assert!(err.contains("3 problems"), "{err}");
        assert!(
            err.contains("bank.json: $.pillars[0].practices[0].weight"),
            "{err}"
        );
    }

    #[test]
    fn missing_and_duplicate_ids_are_reported() {
        let mut bank = valid_bank();
        bank["pillars"][0]["practices"][0]
            .as_object_mut()
            .unwrap()
            .remove("id");
        bank["pillars"][1]["practices"][1]["id"] = json!("architecture.one");
        assert_problem(
            &bank,
            "$.pillars[0].practices[0]",
            "missing required field `id`",
        );
        assert_problem(
            &bank,
            "$.pillars[1].practices[1].id",
            "already used at $.pillars[1].practices[0]",
        );
        let mut no_bank_id = valid_bank();
        no_bank_id["id"] = json!("");
        assert_problem(&no_bank_id, "$.id", "non-empty");
    }

    #[test]
    fn unknown_missing_duplicate_and_misordered_pillars_are_reported() {
        let mut bank = valid_bank();
        bank["pillars"][4]["id"] = json!("security");
        assert_problem(&bank, "$.pillars[4].id", "unknown pillar \"security\"");
        assert_problem(&bank, "$.pillars", "missing pillar `skills`");

        let mut twice = valid_bank();
        twice["pillars"][1]["id"] = json!("methods");
        assert_problem(&twice, "$.pillars[1].id", "listed twice");

        let mut swapped = valid_bank();
        let pillars = swapped["pillars"].as_array_mut().unwrap();
        pillars.swap(0, 1);
        assert_problem(&swapped, "$.pillars[0].id", "expected `methods` here");
    }

    #[test]
    fn weights_must_be_finite_and_positive() {
        for bad in [json!(0), json!(-1.5), json!("1"), json!(null)] {
            let mut bank = valid_bank();
            bank["pillars"][3]["practices"][0]["weight"] = bad.clone();
            assert_problem(
                &bank,
                "$.pillars[3].practices[0].weight",
                "finite number greater than 0",
            );
        }
        let huge = valid_bank()
            .to_string()
            .replacen("\"weight\":1.0", "\"weight\":1e999", 1);
        assert!(parse_bank("bank.json", &huge).is_err());
    }

    #[test]
    fn exactly_five_descriptors_are_required() {
        let mut bank = valid_bank();
        bank["pillars"][0]["practices"][1]["descriptors"]
            .as_array_mut()
            .unwrap()
            .pop();
        assert_problem(
            &bank,
            "$.pillars[0].practices[1].descriptors",
            "exactly 5 descriptors (levels 0 to 4), found 4",
        );
    }

    #[test]
    fn targets_must_be_levels_for_known_blueprints() {
        let mut bank = valid_bank();
        bank["pillars"][0]["practices"][0]["targets"]["III"] = json!(5);
        bank["pillars"][0]["practices"][0]["targets"]["V"] = json!(2);
        bank["pillars"][0]["practices"][1]["targets"]
            .as_object_mut()
            .unwrap()
            .remove("IV");
        assert_problem(
            &bank,
            "$.pillars[0].practices[0].targets.III",
            "from 0 to 4, found the number 5",
        );
        assert_problem(
            &bank,
            "$.pillars[0].practices[0].targets.V",
            "unknown blueprint",
        );
        assert_problem(
            &bank,
            "$.pillars[0].practices[1].targets",
            "missing the target for blueprint IV",
        );
    }

    #[test]
    fn texts_need_english_and_no_empty_translation() {
        let mut bank = valid_bank();
        bank["pillars"][0]["practices"][0]["question"] = json!({"fr": "Q ?"});
        bank["pillars"][0]["practices"][1]["title"]["fr"] = json!("");
        bank["title"] = json!("just a string");
        assert_problem(
            &bank,
            "$.pillars[0].practices[0].question",
            "English text (`en`)",
        );
        assert_problem(
            &bank,
            "$.pillars[0].practices[1].title.fr",
            "non-empty text",
        );
        assert_problem(&bank, "$.title", "object of language");
    }

    #[test]
    fn unknown_fields_are_reported_with_the_expected_ones() {
        let mut bank = valid_bank();
        bank["pillars"][0]["practices"][0]["wieght"] = json!(2);
        assert_problem(
            &bank,
            "$.pillars[0].practices[0].wieght",
            "expected one of: id, title",
        );
    }

    #[test]
    fn levels_must_cover_zero_to_four() {
        let mut bank = valid_bank();
        bank["levels"].as_array_mut().unwrap().remove(2);
        assert_problem(&bank, "$.levels", "missing level 2");
    }

    #[test]
    fn optional_practice_fields_are_checked_when_present() {
        let mut bank = valid_bank();
        let practice = &mut bank["pillars"][0]["practices"][0];
        practice["why"] = json!({"en": "Faster feedback."});
        practice["effort"] = json!(6);
        practice["impact"] = json!({"quality": 0, "speed": 3});
        practice["improve"] = json!([
            {"from": 0, "owner": "team", "action": {"en": "Do it."}},
            {"from": 0, "owner": "ceo", "action": {"en": "Do it again."}},
            {"from": 4, "owner": "team", "action": {"en": "Done."}}
        ]);
        practice["dora"] = json!(["Trunk-based development", "Blockchain"]);
        practice["sources"] = json!(["", "dora.dev"]);
        let at = "$.pillars[0].practices[0]";
        assert_problem(
            &bank,
            &format!("{at}.effort"),
            "from 1 to 5, found the number 6",
        );
        assert_problem(&bank, &format!("{at}.impact.quality"), "from 1 to 5");
        assert_problem(&bank, &format!("{at}.improve[1].from"), "given twice");
        assert_problem(&bank, &format!("{at}.improve[1].owner"), "team_lead");
        assert_problem(&bank, &format!("{at}.improve[2].from"), "0 to 3");
        assert_problem(
            &bank,
            &format!("{at}.dora[1]"),
            "unknown DORA capability \"Blockchain\"",
        );
        assert_problem(&bank, &format!("{at}.sources[0]"), "non-empty");
        assert_eq!(problems(&bank).len(), 7, "{:#?}", problems(&bank));
    }

    #[test]
    fn dependencies_must_exist_and_form_no_cycle() {
        let mut bank = valid_bank();
        bank["pillars"][0]["practices"][0]["depends_on"] = json!(["methods.two", "skills.nine"]);
        bank["pillars"][0]["practices"][1]["depends_on"] = json!(["architecture.one"]);
        bank["pillars"][1]["practices"][0]["depends_on"] = json!(["methods.one"]);
        bank["pillars"][2]["practices"][0]["depends_on"] = json!(["management.one"]);
        assert_problem(
            &bank,
            "$.pillars[0].practices[0].depends_on[1]",
            "no practice \"skills.nine\"",
        );
        assert_problem(&bank, "$.pillars[2].practices[0].depends_on[0]", "itself");
        let found = problems(&bank);
        let cycle = found
            .iter()
            .find(|p| p.message.starts_with("dependency cycle"))
            .expect("the cycle is reported");
        for id in ["methods.one", "methods.two", "architecture.one"] {
            assert!(cycle.message.contains(id), "{}", cycle.message);
        }
    }

    #[test]
    fn a_bank_with_every_optional_field_parses_into_the_types() {
        let mut bank = valid_bank();
        let practice = &mut bank["pillars"][0]["practices"][0];
        practice["why"] = json!({"en": "Faster feedback."});
        practice["effort"] = json!(2);
        practice["impact"] = json!({"quality": 4, "speed": 5});
        practice["improve"] =
            json!([{"from": 0, "owner": "qa_engineer", "action": {"en": "Pair."}}]);
        practice["depends_on"] = json!(["methods.two"]);
        practice["dora"] = json!(["Test automation"]);
        practice["sources"] = json!(["dora.dev, capability 'Test automation'"]);
        let parsed = parse_bank("bank.json", &bank.to_string()).unwrap();
        let p = &parsed.pillars[0].practices[0];
        assert_eq!(p.effort, Some(2));
        assert_eq!(p.improve[0].owner, Owner::QaEngineer);
        assert_eq!(p.depends_on, ["methods.two"]);
    }
}
