//! The product's commands, one short function each over the library.

use super::args::{CheckFormat, ExtractFormat, Format, LoadArgs};
use super::{emit, load, Unreviewed, Usage};
use anyhow::Context;
use claimgraph::corpus::LoadOptions;
use claimgraph::report::{claimreview, csv, dot, html, markdown, svg};
use claimgraph::{analysis, analyze, Options};
use claimgraph::{check as checking, extract as extracting, listing, review as reviewing};
use std::path::{Path, PathBuf};

/// The ClaimReview publisher as given on the command line.
pub struct PublisherArgs {
    /// `--publisher`.
    pub name: Option<String>,
    /// `--publisher-url`.
    pub url: Option<String>,
    /// `--review-date`, YYYY-MM-DD.
    pub date: Option<String>,
}

impl PublisherArgs {
    /// The publisher `--format claimreview` needs; a usage error without a name or with a
    /// date that is not one.
    fn publisher(self) -> anyhow::Result<claimreview::Publisher> {
        let Some(name) = self.name.filter(|p| !p.trim().is_empty()) else {
            return Err(Usage(
                "--format claimreview needs --publisher NAME: the organisation that publishes \
                 the reviews"
                    .into(),
            )
            .into());
        };
        let date = match self.date {
            Some(d) => chrono::NaiveDate::parse_from_str(&d, "%Y-%m-%d")
                .map_err(|e| Usage(format!("--review-date {d}: {e}")))?,
            None => chrono::Local::now().date_naive(),
        };
        Ok(claimreview::Publisher {
            name,
            url: self.url,
            date: date.to_string(),
        })
    }
}

/// `claimgraph report`.
pub fn report(
    story: Option<&Path>,
    format: Format,
    output: Option<&Path>,
    publisher: PublisherArgs,
    args: &LoadArgs,
) -> anyhow::Result<()> {
    let publisher = match format {
        Format::Claimreview => Some(publisher.publisher()?),
        _ => None,
    };
    let story = load(story, args)?;
    let report = analyze(&story, &Options::default());
    let text = match (format, &publisher) {
        (Format::Md, _) => markdown::render(&report),
        (Format::Json, _) => report.to_json(),
        (Format::Ron, _) => report.to_ron(),
        (Format::Csv, _) => csv::render(&report),
        (Format::Dot, _) => dot::render(&report),
        (Format::Svg, _) => svg::render(&report),
        (Format::Html, _) => html::page(&report),
        (Format::Claimreview, Some(p)) => claimreview::render(&report, p),
        (Format::Claimreview, None) => unreachable!("made above"),
    };
    emit(&text, output)
}

/// `claimgraph accept`.
pub fn accept(story: &Path, args: &LoadArgs) -> anyhow::Result<()> {
    let report = analyze(&load(Some(story), args)?, &Options::default());
    let path = reviewing::accept(story, &report)?;
    eprintln!(
        "accepted: {} claims, {} relations, {} propositions in {}",
        report.summary.claims,
        report.summary.relations,
        report.summary.propositions,
        path.display()
    );
    Ok(())
}

/// `claimgraph review`: the changes are printed, and the exit status says they wait.
pub fn review(story: &Path, args: &LoadArgs) -> anyhow::Result<()> {
    let report = analyze(&load(Some(story), args)?, &Options::default());
    let accepted = reviewing::accepted(story)?;
    let changes = reviewing::compare(&accepted, &report);
    if changes.is_empty() {
        return Ok(());
    }
    emit(&reviewing::render(&changes), None)?;
    Err(Unreviewed.into())
}

/// `claimgraph check`.
pub fn check(
    claim: &str,
    story: Option<&Path>,
    format: CheckFormat,
    args: &LoadArgs,
) -> anyhow::Result<()> {
    if claim.trim().is_empty() {
        anyhow::bail!("the claim to check is empty");
    }
    let story = load(story, args)?;
    let result = checking::check(&analysis(&story, &Options::default()), claim);
    let text = match format {
        CheckFormat::Text => checking::render_text(&result),
        CheckFormat::Json => serde_json::to_string_pretty(&result).context("writing JSON")? + "\n",
    };
    emit(&text, None)
}

/// `claimgraph extract`: what could be read is printed; unreadable inputs make it fail.
pub fn extract(
    paths: &[PathBuf],
    format: ExtractFormat,
    output: Option<&Path>,
    args: &LoadArgs,
) -> anyhow::Result<()> {
    let opts = LoadOptions {
        strict: args.strict,
    };
    let ex = extracting::extract_paths(paths, &opts)?;
    for d in &ex.warnings {
        eprintln!("warning: {d}");
    }
    for e in &ex.failures {
        eprintln!("error: {e}");
    }
    let text = match format {
        ExtractFormat::Table => extracting::render_table(&ex.articles),
        ExtractFormat::Json => extracting::render_json(&ex.articles),
        ExtractFormat::Jsonl => extracting::render_jsonl(&ex.articles),
    };
    emit(&text, output)?;
    if !ex.failures.is_empty() {
        anyhow::bail!(
            "{} of {} inputs could not be read",
            ex.failures.len(),
            paths.len()
        );
    }
    Ok(())
}

/// `claimgraph articles`.
pub fn articles(story: Option<&Path>, args: &LoadArgs) -> anyhow::Result<()> {
    emit(&listing::articles(&load(story, args)?), None)
}

/// `claimgraph sources`.
pub fn sources(story: Option<&Path>, args: &LoadArgs) -> anyhow::Result<()> {
    let story = load(story, args)?;
    emit(
        &listing::sources(&analysis(&story, &Options::default())),
        None,
    )
}
