//! Time against input size for the hostile and the merely large inputs: each class of
//! input is made at sizes four times apart (or as the class is usually counted), loaded
//! and analysed from memory as a story of its own, and the growth per step is compared
//! with the growth of the input. Linear work grows ×4 per ×4 step; a step costing more
//! than ×5 is marked.

use super::Machine;
use crate::corpus::{assemble, LoadOptions, StoryFiles};
use std::fmt::{self, Write as _};
use std::path::PathBuf;
use std::time::Instant;

/// A class of input, made at any size.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Class {
    /// One article of prose with attributed sentences, sized in bytes.
    Prose,
    /// One article of one line of words without punctuation, sized in bytes.
    Line,
    /// One article of straight double quotation marks between words, counted in marks.
    StraightQuotes,
    /// One article of curly quotation marks, counted in marks.
    CurlyQuotes,
    /// One article alternating straight and curly marks, counted in marks.
    MixedQuotes,
    /// One article of paragraphs made only of quotation marks, counted in paragraphs.
    QuoteParagraphs,
    /// One HTML article of `&amp;` entities, counted in entities.
    Entities,
    /// One HTML article of short paragraphs, counted in paragraphs.
    HtmlParagraphs,
    /// A story of tiny articles, counted in articles.
    Articles,
    /// The same story of tiny articles, analysed and then rendered in every report format
    /// (Markdown, JSON, RON, CSV, DOT, SVG, HTML, ClaimReview), counted in articles.
    Rendered,
    /// One article where every sentence has a speaker of its own, counted in speakers.
    Speakers,
    /// A registry of generated sources and an article of 1,000 unknown speakers, counted in
    /// registry sources.
    Registry,
    /// A Markdown article whose YAML front matter nests lists, counted in levels.
    Yaml,
    /// One article of one attributed sentence said over and over, counted in sentences
    /// (every claim has the same words, so each needs an id of its own).
    Repeated,
}

impl Class {
    /// Every class, in the order the benchmark runs them.
    pub const ALL: [Class; 14] = [
        Class::Prose,
        Class::Line,
        Class::StraightQuotes,
        Class::CurlyQuotes,
        Class::MixedQuotes,
        Class::QuoteParagraphs,
        Class::Entities,
        Class::HtmlParagraphs,
        Class::Articles,
        Class::Rendered,
        Class::Speakers,
        Class::Registry,
        Class::Yaml,
        Class::Repeated,
    ];

    /// The name used on the command line and in the table.
    pub fn name(self) -> &'static str {
        match self {
            Class::Prose => "prose",
            Class::Line => "line",
            Class::StraightQuotes => "quotes-straight",
            Class::CurlyQuotes => "quotes-curly",
            Class::MixedQuotes => "quotes-mixed",
            Class::QuoteParagraphs => "quote-paragraphs",
            Class::Entities => "html-entities",
            Class::HtmlParagraphs => "html-paragraphs",
            Class::Articles => "articles",
            Class::Rendered => "rendered",
            Class::Speakers => "speakers",
            Class::Registry => "registry",
            Class::Yaml => "yaml-depth",
            Class::Repeated => "repeated",
        }
    }

    /// The class of a name, if it is one.
    pub fn from_name(name: &str) -> Option<Class> {
        Class::ALL.into_iter().find(|c| c.name() == name)
    }

    /// The sizes the benchmark runs by default, in the class's unit.
    pub fn default_sizes(self) -> Vec<usize> {
        const MB: usize = 1 << 20;
        match self {
            Class::Prose => vec![MB / 4, MB, 4 * MB, 16 * MB],
            Class::Line => vec![MB / 4, MB, 4 * MB, 16 * MB],
            Class::QuoteParagraphs => vec![25_000, 100_000, 400_000],
            Class::StraightQuotes | Class::CurlyQuotes | Class::MixedQuotes => {
                vec![62_500, 250_000, 1_000_000]
            }
            Class::Entities | Class::HtmlParagraphs => vec![62_500, 250_000, 1_000_000],
            Class::Articles => vec![10_000, 30_000, 100_000],
            Class::Rendered => vec![2_500, 10_000, 40_000],
            Class::Speakers => vec![5_000, 10_000, 20_000],
            Class::Registry => vec![6_250, 25_000, 100_000],
            Class::Yaml => vec![6_250, 25_000, 100_000],
            Class::Repeated => vec![6_250, 25_000, 100_000],
        }
    }

    /// What the size counts.
    pub fn unit(self) -> &'static str {
        match self {
            Class::Prose | Class::Line => "bytes",
            Class::StraightQuotes | Class::CurlyQuotes | Class::MixedQuotes => "marks",
            Class::Entities => "entities",
            Class::HtmlParagraphs | Class::QuoteParagraphs => "paragraphs",
            Class::Articles => "articles",
            Class::Rendered => "articles",
            Class::Speakers => "speakers",
            Class::Registry => "sources",
            Class::Yaml => "levels",
            Class::Repeated => "sentences",
        }
    }
}

/// A small deterministic generator of words (xorshift64*), so that every run times the
/// same input.
struct Words(u64);

impl Words {
    const SYLLABLES: [&'static str; 16] = [
        "ka", "lo", "mer", "tin", "sa", "vel", "dor", "ri", "no", "pas", "te", "gul", "an", "bre",
        "ost", "ium",
    ];

    fn next(&mut self) -> u64 {
        self.0 ^= self.0 >> 12;
        self.0 ^= self.0 << 25;
        self.0 ^= self.0 >> 27;
        self.0.wrapping_mul(0x2545_f491_4f6c_dd1d)
    }

    /// A made-up word of two or three syllables.
    fn word(&mut self) -> String {
        let r = self.next();
        let n = 2 + (r % 2) as usize;
        (0..n)
            .map(|i| Self::SYLLABLES[((r >> (4 + 4 * i)) & 15) as usize])
            .collect()
    }

    /// A made-up name, different for each `i`: two capitalised words spelling `i` in
    /// syllables.
    fn name(i: usize) -> String {
        let spell = |mut k: usize| {
            let mut s = String::new();
            loop {
                s.push_str(Self::SYLLABLES[k % 16]);
                k /= 16;
                if k == 0 {
                    break;
                }
            }
            let mut c = s.chars();
            let first = c.next().map(|f| f.to_ascii_uppercase()).unwrap_or('X');
            std::iter::once(first).chain(c).collect::<String>()
        };
        format!("{} {}", spell(i), spell(i / 7 + 3))
    }
}

/// One input: the story's files.
pub struct Input {
    /// `sources.ron`, when the class has one.
    pub sources_ron: Option<Vec<u8>>,
    /// The articles: file name and bytes.
    pub articles: Vec<(String, Vec<u8>)>,
    /// Whether the report is also rendered in every format.
    pub render: bool,
}

impl Input {
    fn one(name: &str, bytes: Vec<u8>) -> Input {
        Input {
            sources_ron: None,
            articles: vec![(name.to_string(), bytes)],
            render: false,
        }
    }

    /// The bytes of every file together.
    pub fn bytes(&self) -> usize {
        self.sources_ron.as_ref().map_or(0, Vec::len)
            + self.articles.iter().map(|(_, b)| b.len()).sum::<usize>()
    }
}

/// Prose of about `bytes` bytes: paragraphs of sentences, a third of them attributed.
fn prose(bytes: usize, w: &mut Words) -> String {
    let mut s = String::with_capacity(bytes + 256);
    let mut i = 0usize;
    while s.len() < bytes {
        let speaker = Words::name(i % 97);
        let words: Vec<String> = (0..8 + (i % 7)).map(|_| w.word()).collect();
        match i % 3 {
            0 => {
                let _ = write!(
                    s,
                    "{speaker} said that the {} had {}.",
                    words[0],
                    words[1..].join(" ")
                );
            }
            1 => {
                let _ = write!(
                    s,
                    "\u{201c}The {} is {},\u{201d} the {} said.",
                    words[0],
                    words[1..].join(" "),
                    w.word()
                );
            }
            _ => {
                let _ = write!(
                    s,
                    "The {} of {} was {} on {} {}.",
                    words[0],
                    words[1],
                    words[2],
                    words[3],
                    words[4..].join(" ")
                );
            }
        }
        i += 1;
        s.push_str(if i % 4 == 0 { "\n\n" } else { " " });
    }
    s
}

/// An article of `n` sentences, each with a speaker of its own ("NAME said the X was Y."),
/// four to a paragraph.
fn speakers(n: usize, w: &mut Words) -> String {
    let mut s = String::new();
    for i in 0..n {
        let _ = write!(
            s,
            "{} said the {} was {}. ",
            Words::name(i),
            w.word(),
            w.word()
        );
        if i % 4 == 3 {
            s.push_str("\n\n");
        }
    }
    s
}

/// Makes the input of `class` at `size` (in the class's unit).
pub fn make(class: Class, size: usize) -> Input {
    let mut w = Words(0x9e37_79b9_7f4a_7c15 ^ size as u64);
    match class {
        Class::Prose => Input::one("prose.txt", prose(size, &mut w).into_bytes()),
        Class::Line => {
            let mut s = String::with_capacity(size + 16);
            while s.len() < size {
                s.push_str(&w.word());
                s.push(' ');
            }
            Input::one("line.txt", s.into_bytes())
        }
        Class::StraightQuotes | Class::CurlyQuotes | Class::MixedQuotes => {
            let mut s = String::with_capacity(size * 5);
            for i in 0..size {
                let mark = match (class, i % 2) {
                    (Class::StraightQuotes, _) => "\"",
                    (Class::CurlyQuotes, 0) => "\u{201c}",
                    (Class::CurlyQuotes, _) => "\u{201d}",
                    (_, 0) => "\"",
                    _ => "\u{201c}",
                };
                s.push_str(mark);
                s.push_str(if i % 3 == 0 { "a " } else { "b" });
            }
            Input::one("quotes.txt", s.into_bytes())
        }
        Class::QuoteParagraphs => {
            let mut s = String::with_capacity(size * 6);
            for i in 0..size {
                s.push_str(["\"", "\u{201c}", "\"\"\"", "\u{201d}\""][i % 4]);
                s.push_str("\n\n");
            }
            Input::one("quote-paragraphs.txt", s.into_bytes())
        }
        Class::Entities => {
            let mut s = String::from("<html><body><p>");
            for _ in 0..size {
                s.push_str("&amp;");
            }
            s.push_str("</p></body></html>");
            Input::one("entities.html", s.into_bytes())
        }
        Class::HtmlParagraphs => {
            let mut s = String::from("<html><body>");
            for i in 0..size {
                let _ = write!(s, "<p>{} {}.</p>", w.word(), i % 10);
            }
            s.push_str("</body></html>");
            Input::one("paragraphs.html", s.into_bytes())
        }
        Class::Articles | Class::Rendered => Input {
            sources_ron: None,
            render: class == Class::Rendered,
            articles: (0..size)
                .map(|i| {
                    let text = format!(
                        "{} said the {} was {}.\n",
                        Words::name(i % 500),
                        w.word(),
                        w.word()
                    );
                    (format!("a{i:06}.txt"), text.into_bytes())
                })
                .collect(),
        },
        Class::Speakers => Input::one("speakers.txt", speakers(size, &mut w).into_bytes()),
        Class::Registry => {
            let mut ron = String::from("(sources: [\n");
            for i in 0..size {
                let _ = writeln!(
                    ron,
                    "(id: \"s{i}\", name: \"{} Office\", kind: Group, aliases: [\"the {} office\"]),",
                    Words::name(i + 100_000),
                    Words::name(i + 300_000).to_lowercase()
                );
            }
            ron.push_str("])\n");
            let s = speakers(1000, &mut w);
            Input {
                sources_ron: Some(ron.into_bytes()),
                articles: vec![("unknown.txt".into(), s.into_bytes())],
                render: false,
            }
        }
        Class::Repeated => {
            let mut s = String::with_capacity(size * 40);
            for i in 0..size {
                s.push_str("The council said the road was closed.");
                s.push_str(if i % 4 == 3 { "\n\n" } else { " " });
            }
            Input::one("repeated.txt", s.into_bytes())
        }
        Class::Yaml => {
            let mut s = String::from("---\ntitle: ");
            s.push_str(&"[".repeat(size));
            s.push_str(&"]".repeat(size));
            s.push_str("\n---\n\nThe council said the road was closed.\n");
            Input::one("deep.md", s.into_bytes())
        }
    }
}

/// Loads and analyses an input as a story, as `claimgraph report` does from disk.
pub fn analyse(input: &Input) -> usize {
    let files = StoryFiles {
        id: "bench".into(),
        root: None,
        display_root: PathBuf::from("bench"),
        story_ron: None,
        sources_ron: input.sources_ron.clone(),
        articles: input
            .articles
            .iter()
            .map(|(n, b)| (PathBuf::from("articles").join(n), Ok(b.clone())))
            .collect(),
        diagnostics: Vec::new(),
    };
    match assemble(files, &LoadOptions::default()) {
        Ok(story) => {
            let report = crate::analyze(&story, &Default::default());
            if input.render {
                render_all(&report);
            }
            report.claims.len()
        }
        Err(_) => 0,
    }
}

/// Renders `report` in every format, returning the bytes written (so that no rendering
/// can be left out by the compiler).
fn render_all(report: &crate::report::Report) -> usize {
    use crate::report::{claimreview, csv, dot, html, markdown, svg};
    let publisher = claimreview::Publisher {
        name: "Bench".into(),
        url: Some("https://example.org".into()),
        date: "2024-01-01".into(),
        review_url: None,
    };
    let selection = claimreview::Selection {
        only: Vec::new(),
        min_origins: None,
        background: true,
    };
    [
        markdown::render(report),
        report.to_json(),
        report.to_ron(),
        csv::render(report),
        dot::render(report),
        svg::render(report),
        html::page(report),
        claimreview::render(report, &publisher, &selection).unwrap_or_default(),
    ]
    .iter()
    .map(String::len)
    .sum()
}

/// One timed size of one class.
#[derive(Clone, Debug)]
pub struct Step {
    /// The size, in the class's unit.
    pub size: usize,
    /// The input's bytes.
    pub bytes: usize,
    /// Seconds to load and analyse it (the best of the runs).
    pub seconds: f64,
    /// Seconds of core time the process spent on it (the best of the runs): steadier
    /// than the wall clock on a shared machine.
    pub cpu: f64,
    /// Claims found (to show the analysis did its work).
    pub claims: usize,
}

/// The timings of one class.
#[derive(Clone, Debug)]
pub struct ClassResult {
    /// Which class.
    pub class: Class,
    /// Its sizes in order.
    pub steps: Vec<Step>,
}

impl ClassResult {
    /// The worst growth of time per ×4 of size: for each step, the time ratio from the
    /// latest earlier step at least ×4 smaller, raised to the power that turns the size
    /// ratio into 4; where no two steps are ×4 apart, from the step before (so ×3 in size
    /// with ×3 in time counts as ×4 per ×4). Steps closer than ×4 are not compared alone
    /// where wider ones exist: squaring the noise of a ×2 step says more of the machine
    /// than of the code.
    /// The time of a step is its core time ([`Step::cpu`]), which other programs on the
    /// machine do not inflate.
    pub fn worst_growth_per_4x(&self) -> f64 {
        let growth = |earlier: &Step, later: &Step| {
            let size = later.size as f64 / earlier.size as f64;
            let time = later.cpu.max(1e-6) / earlier.cpu.max(1e-6);
            time.powf(4f64.ln() / size.ln())
        };
        let wide: Vec<f64> = (1..self.steps.len())
            .filter_map(|k| {
                let later = &self.steps[k];
                self.steps[..k]
                    .iter()
                    .rev()
                    .find(|s| later.size as f64 / s.size as f64 >= 4.0 - 1e-9)
                    .map(|earlier| growth(earlier, later))
            })
            .collect();
        if !wide.is_empty() {
            return wide.into_iter().fold(0.0, f64::max);
        }
        self.steps
            .windows(2)
            .map(|w| growth(&w[0], &w[1]))
            .fold(0.0, f64::max)
    }
}

/// Times every class in `classes` at its sizes, `repeat` runs at every size (the best is
/// kept: each size gets as many runs as the others, so that no step is a best of several
/// against a single run), telling `progress` what runs. Each class is first analysed once
/// untimed at a sixteenth of its smallest size, so that what the first run of a process
/// sets up once (models, tables) is counted at no size.
pub fn run(
    classes: &[(Class, Vec<usize>)],
    repeat: usize,
    mut progress: impl FnMut(&str),
) -> Vec<ClassResult> {
    classes
        .iter()
        .map(|(class, sizes)| {
            if let Some(&smallest) = sizes.iter().min() {
                analyse(&make(*class, (smallest / 16).max(1)));
            }
            let steps = sizes
                .iter()
                .map(|&size| {
                    progress(&format!("{} at {size} {}", class.name(), class.unit()));
                    let input = make(*class, size);
                    let mut best = f64::INFINITY;
                    let mut best_cpu = f64::INFINITY;
                    let mut claims = 0;
                    for _ in 0..repeat.max(1) {
                        let (t, c) = (Instant::now(), super::process_cpu());
                        claims = analyse(&input);
                        best = best.min(t.elapsed().as_secs_f64());
                        best_cpu = best_cpu.min(super::process_cpu() - c);
                    }
                    Step {
                        size,
                        bytes: input.bytes(),
                        seconds: best,
                        cpu: best_cpu,
                        claims,
                    }
                })
                .collect();
            ClassResult {
                class: *class,
                steps,
            }
        })
        .collect()
}

/// The table of results, with the machine.
pub struct Table<'a>(pub &'a [ClassResult], pub &'a Machine);

impl fmt::Display for Table<'_> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let m = self.1;
        writeln!(
            f,
            "machine: {} core(s), {}",
            m.cores,
            m.cpu.as_deref().unwrap_or("unknown CPU")
        )?;
        writeln!(
            f,
            "| input | size | bytes | claims | seconds | core seconds | ×time per step | worst ×time per ×4 |"
        )?;
        writeln!(f, "|---|---|---|---|---|---|---|---|")?;
        for r in self.0 {
            let worst = r.worst_growth_per_4x();
            for (i, s) in r.steps.iter().enumerate() {
                let step = match i {
                    0 => "".to_string(),
                    _ => format!("{:.2}", s.cpu / r.steps[i - 1].cpu.max(1e-6)),
                };
                let core = format!("{:.3}", s.cpu);
                let verdict = match (i + 1 == r.steps.len(), worst > 5.0) {
                    (true, true) => format!("{worst:.2} (over ×5)"),
                    (true, false) => format!("{worst:.2}"),
                    _ => String::new(),
                };
                writeln!(
                    f,
                    "| {} | {} {} | {} | {} | {:.3} | {core} | {step} | {verdict} |",
                    r.class.name(),
                    s.size,
                    r.class.unit(),
                    s.bytes,
                    s.claims,
                    s.seconds
                )?;
            }
        }
        Ok(())
    }
}

#[cfg(test)]
mod tests;
