//! `mamos report`: the PDF documents.

use std::path::PathBuf;

use clap::builder::{PossibleValuesParser, TypedValueParser};

use mamos::app::components::component_named;
use mamos::app::reports::{write_report, DocumentKind, ReportRequest};
use mamos::app::Scope;
use mamos::report::Paper;
use mamos::store::Store;
use mamos::Result;

use super::{parse_date, today};

#[derive(clap::Args)]
#[command(group(clap::ArgGroup::new("scope").args(["name", "component", "group", "org"]).required(true)))]
pub struct ReportArgs {
    /// The component (same as --component).
    #[arg(value_name = "COMPONENT")]
    name: Option<String>,
    #[arg(long, value_name = "NAME")]
    component: Option<String>,
    #[arg(long, value_name = "NAME")]
    group: Option<String>,
    /// The whole organisation.
    #[arg(long)]
    org: bool,
    #[arg(long, default_value = "executive", value_parser = document_kind())]
    kind: DocumentKind,
    #[arg(long, value_name = "FILE.pdf")]
    out: PathBuf,
    /// Language of the report: en or fr.
    #[arg(long, default_value = "en")]
    lang: String,
    #[arg(long, default_value = "a4", value_parser = paper())]
    paper: Paper,
    /// The date printed on the report (default: today).
    #[arg(long, value_name = "YYYY-MM-DD")]
    date: Option<String>,
    /// The organisation's name, for the page headers.
    #[arg(long, value_name = "NAME", default_value = "")]
    org_name: String,
    /// The PDF's author (default: the facilitator of the component's latest workshop).
    #[arg(long, value_name = "NAME")]
    author: Option<String>,
}

/// `--kind`: the names of the core's document kinds, listed in the help.
fn document_kind() -> impl TypedValueParser<Value = DocumentKind> {
    PossibleValuesParser::new(DocumentKind::ALL.map(DocumentKind::as_str)).map(|name| {
        *DocumentKind::ALL
            .iter()
            .find(|kind| kind.as_str() == name)
            .expect("only listed names are accepted")
    })
}

/// `--paper`: a4 or letter.
fn paper() -> impl TypedValueParser<Value = Paper> {
    PossibleValuesParser::new(["a4", "letter"])
        .map(|name| Paper::parse(&name).expect("only listed names are accepted"))
}

pub fn report(store: &mut Store, args: &ReportArgs) -> Result<()> {
    let date = match &args.date {
        Some(text) => parse_date("--date", text)?,
        None => today(),
    };
    let scope = match (args.name.as_ref().or(args.component.as_ref()), &args.group) {
        (Some(name), _) => Scope::Component {
            id: component_named(store, name)?.id,
        },
        (None, Some(name)) => Scope::Group { name: name.clone() },
        (None, None) => Scope::Organisation,
    };
    let request = ReportRequest {
        kind: args.kind,
        scope,
        lang: args.lang.clone(),
        paper: args.paper,
        organisation: args.org_name.clone(),
        author: args.author.clone(),
    };
    let written = write_report(store, &request, &args.out, date)?;
    for warning in &written.warnings {
        eprintln!("mamos: warning: {warning}");
    }
    say!(
        "{}: {} bytes, {} page(s)",
        written.path,
        written.bytes,
        written.pages
    );
    Ok(())
}
