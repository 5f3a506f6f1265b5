//! The product's commands, one short function each over the library.

use super::args::{CheckFormat, ExtractFormat, Format, ListFormat, LoadArgs, ReviewArgs};
use super::progress::Progress;
use super::{emit, load, load_folder, load_options, note, parse_inputs, warn, Unreviewed, Usage};
use claimgraph::report::{claimreview, csv, dot, html, markdown, svg};
use claimgraph::{analysis_with_progress, listing, terminal, Analysis, Options, Report, Story};
use claimgraph::{check as checking, extract as extracting, review as reviewing};
use std::ffi::OsString;
use std::io::IsTerminal;
use std::path::Path;

impl ReviewArgs {
    /// The publisher and the choice of propositions `--format claimreview` needs; a usage
    /// error without a name, with a date that is not one, or with an address that is not a
    /// web address.
    fn claimreview(self) -> anyhow::Result<(claimreview::Publisher, claimreview::Selection)> {
        let Some(name) = self.publisher.filter(|p| !p.trim().is_empty()) else {
            return Err(Usage(
                "--format claimreview needs --publisher NAME: the organisation that publishes \
                 the reviews"
                    .into(),
            )
            .into());
        };
        let date = match self.review_date {
            Some(d) => chrono::NaiveDate::parse_from_str(&d, "%Y-%m-%d")
                .map_err(|e| Usage(format!("--review-date {d}: {e}")))?,
            None => chrono::Local::now().date_naive(),
        };
        for (flag, url) in [
            ("--publisher-url", &self.publisher_url),
            ("--review-url", &self.review_url),
        ] {
            if let Some(u) = url {
                if !claimreview::is_web_address(u) {
                    return Err(Usage(format!(
                        "{flag} {u:?}: not a web address (http:// or https://)"
                    ))
                    .into());
                }
            }
        }
        Ok((
            claimreview::Publisher {
                name,
                url: self.publisher_url,
                date: date.to_string(),
                review_url: self.review_url,
            },
            claimreview::Selection {
                only: self
                    .only
                    .into_iter()
                    .filter(|s| !s.trim().is_empty())
                    .collect(),
                min_origins: self.min_origins,
                background: self.include_background,
            },
        ))
    }
}

/// The analysis of a story, with a progress bar over its articles on a terminal.
fn analyse(story: &Story) -> Analysis<'_> {
    let bar = Progress::new(story.articles.len(), "articles");
    let an = analysis_with_progress(story, &Options::default(), &mut |done| bar.set(done));
    bar.finish();
    an
}

/// `claimgraph report`.
pub fn report(
    inputs: &[OsString],
    format: Format,
    output: Option<&Path>,
    review: ReviewArgs,
    args: &LoadArgs,
) -> anyhow::Result<()> {
    let publisher = match format {
        Format::Claimreview => Some(review.claimreview()?),
        _ => None,
    };
    let story = load(inputs, args)?;
    let an = analyse(&story);
    let report = Report::new(&an);
    // the analysis, no longer needed, is freed on another thread while the report renders
    let (text, ()) = rayon::join(
        || render(&report, format, publisher.as_ref()),
        move || drop(an),
    );
    let text = text?;
    // Markdown read in a terminal is text for the terminal: no escape sequences from the
    // articles reach it
    let shown = if format == Format::Md && output.is_none() && std::io::stdout().is_terminal() {
        terminal::clean(&text)
    } else {
        std::borrow::Cow::Borrowed(text.as_str())
    };
    // and the report and the story while the output is written
    let (written, ()) = rayon::join(
        || emit(&shown, output),
        move || {
            drop(report);
            drop(story);
        },
    );
    written
}

/// The report in `format` (`publisher` for ClaimReview).
fn render(
    report: &Report,
    format: Format,
    publisher: Option<&(claimreview::Publisher, claimreview::Selection)>,
) -> anyhow::Result<String> {
    Ok(match (format, publisher) {
        (Format::Md, _) => markdown::render(report),
        (Format::Json, _) => report.to_json(),
        (Format::Ron, _) => report.to_ron(),
        (Format::Csv, _) => csv::render(report),
        (Format::Dot, _) => dot::render(report),
        (Format::Svg, _) => svg::render(report),
        (Format::Html, _) => html::page(report),
        (Format::Claimreview, Some((p, sel))) => {
            claimreview::render(report, p, sel).map_err(Usage)?
        }
        (Format::Claimreview, None) => unreachable!("made above"),
    })
}

/// `claimgraph accept`.
pub fn accept(story: &Path, args: &LoadArgs) -> anyhow::Result<()> {
    let loaded = load_folder(story, args)?;
    let report = Report::new(&analyse(&loaded));
    let path = reviewing::accept(story, &report)?;
    note(format!(
        "accepted: {} claims, {} relations, {} propositions in {}",
        report.summary.claims,
        report.summary.relations,
        report.summary.propositions,
        path.display()
    ));
    Ok(())
}

/// `claimgraph review`: the changes are printed, and the exit status says they wait.
pub fn review(story: &Path, args: &LoadArgs) -> anyhow::Result<()> {
    let accepted = reviewing::accepted(story)?;
    let loaded = load_folder(story, args)?;
    let report = Report::new(&analyse(&loaded));
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
    inputs: &[OsString],
    format: CheckFormat,
    args: &LoadArgs,
) -> anyhow::Result<()> {
    if claim.trim().is_empty() {
        return Err(Usage("the claim to check is empty".into()).into());
    }
    let story = load(inputs, args)?;
    let result = checking::check(&analyse(&story), claim);
    let text = match format {
        CheckFormat::Text => checking::render_text(&result),
        CheckFormat::Json => checking::render_json(&result),
    };
    emit(&text, None)
}

/// `claimgraph extract`: what could be read is printed; unreadable inputs make it fail.
pub fn extract(
    inputs: &[OsString],
    format: ExtractFormat,
    output: Option<&Path>,
    args: &LoadArgs,
) -> anyhow::Result<()> {
    let (opts, fetch) = load_options(args);
    let inputs = parse_inputs(inputs);
    let ex = extracting::extract_inputs(&inputs, &opts, &fetch)?;
    for d in &ex.warnings {
        warn(d);
    }
    for e in &ex.failures {
        eprintln!("error: {}", terminal::clean(&e.to_string()));
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
            inputs.len()
        );
    }
    Ok(())
}

fn list_format(f: ListFormat) -> listing::ListFormat {
    match f {
        ListFormat::Table => listing::ListFormat::Table,
        ListFormat::Tsv => listing::ListFormat::Tsv,
        ListFormat::Json => listing::ListFormat::Json,
    }
}

/// `claimgraph articles`.
pub fn articles(inputs: &[OsString], format: ListFormat, args: &LoadArgs) -> anyhow::Result<()> {
    emit(
        &listing::articles(&load(inputs, args)?, list_format(format)),
        None,
    )
}

/// `claimgraph sources`, and `sources --suggest`.
pub fn sources(
    inputs: &[OsString],
    format: ListFormat,
    suggest: bool,
    args: &LoadArgs,
) -> anyhow::Result<()> {
    let story = load(inputs, args)?;
    let an = analyse(&story);
    if suggest {
        return emit(&listing::suggest_sources(&an), None);
    }
    emit(&listing::sources(&an, list_format(format)), None)
}

/// `claimgraph init`.
pub fn init(dir: &Path, title: Option<&str>) -> anyhow::Result<()> {
    let made = claimgraph::corpus::init::create(dir, title)?;
    note(format!(
        "created the story folder {}: {}; replace the example article with yours, then run \
         `claimgraph report {}`",
        dir.display(),
        made.join(", "),
        dir.display()
    ));
    Ok(())
}

/// `claimgraph completions SHELL`.
pub fn completions(shell: clap_complete::Shell) -> anyhow::Result<()> {
    use clap::CommandFactory;
    let mut cmd = super::args::Cli::command();
    let mut out = Vec::new();
    clap_complete::generate(shell, &mut cmd, "claimgraph", &mut out);
    emit(&String::from_utf8_lossy(&out), None)
}

/// `claimgraph man [COMMAND]`.
pub fn man(command: Option<&str>) -> anyhow::Result<()> {
    use clap::CommandFactory;
    let cmd = super::args::Cli::command();
    let page = match command {
        None => cmd,
        Some(name) => {
            let Some(sub) = cmd.find_subcommand(name) else {
                return Err(Usage(format!("no command {name:?} (see `claimgraph --help`)")).into());
            };
            // the page's name lives as long as the process, which prints it and ends
            let full: &'static str =
                Box::leak(format!("claimgraph-{}", sub.get_name()).into_boxed_str());
            sub.clone().name(full).version(env!("CARGO_PKG_VERSION"))
        }
    };
    let mut out = Vec::new();
    clap_mangen::Man::new(page).render(&mut out)?;
    emit(&String::from_utf8_lossy(&out), None)
}
