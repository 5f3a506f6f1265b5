//! Tests of the inputs benchmark: the inputs have their sizes, names are distinct, growth is
//! taken per fourfold step.

use super::*;

#[test]
fn inputs_have_the_size_they_are_named_by() {
    let prose = make(Class::Prose, 10_000);
    assert!(
        (10_000..10_400).contains(&prose.bytes()),
        "{}",
        prose.bytes()
    );
    let text = String::from_utf8(prose.articles[0].1.clone()).unwrap();
    assert!(text.contains(" said that ") && text.contains("\n\n"));
    let q = make(Class::MixedQuotes, 1000);
    let text = String::from_utf8(q.articles[0].1.clone()).unwrap();
    assert_eq!(text.matches('"').count(), 500);
    assert_eq!(text.matches('\u{201c}').count(), 500);
    let e = make(Class::Entities, 300);
    assert_eq!(
        String::from_utf8_lossy(&e.articles[0].1)
            .matches("&amp;")
            .count(),
        300
    );
    assert_eq!(make(Class::Articles, 42).articles.len(), 42);
    let y = make(Class::Yaml, 50);
    assert!(String::from_utf8_lossy(&y.articles[0].1).contains(&"[".repeat(50)));
    let line = make(Class::Line, 5000);
    let text = String::from_utf8(line.articles[0].1.clone()).unwrap();
    assert!(!text.contains(['.', ',', '\n']) && text.len() >= 5000);
    let qp = make(Class::QuoteParagraphs, 40);
    let text = String::from_utf8(qp.articles[0].1.clone()).unwrap();
    assert_eq!(text.split("\n\n").filter(|p| !p.is_empty()).count(), 40);
    assert!(text
        .chars()
        .all(|c| matches!(c, '"' | '\u{201c}' | '\u{201d}' | '\n')));
    let r = make(Class::Repeated, 12);
    let text = String::from_utf8(r.articles[0].1.clone()).unwrap();
    assert_eq!(
        text.matches("The council said the road was closed.")
            .count(),
        12
    );
}

#[test]
fn generated_names_are_distinct() {
    let names: std::collections::HashSet<String> = (0..20_000).map(Words::name).collect();
    assert_eq!(names.len(), 20_000);
}

#[test]
fn registry_input_loads_every_source_and_finds_the_speakers() {
    let input = make(Class::Registry, 50);
    let files = StoryFiles {
        id: "t".into(),
        root: None,
        display_root: PathBuf::from("t"),
        story_ron: None,
        sources_ron: input.sources_ron.clone(),
        articles: vec![(
            PathBuf::from("articles/a.txt"),
            Ok(input.articles[0].1.clone()),
        )],
        diagnostics: Vec::new(),
    };
    let story = assemble(files, &LoadOptions::default()).unwrap();
    assert_eq!(
        story.registry.sources().len(),
        50,
        "{:?}",
        story.diagnostics
    );
    assert!(
        analyse(&input) >= 900,
        "the unknown speakers' claims are found"
    );
}

#[test]
fn growth_is_taken_per_fourfold_step() {
    let step = |size, seconds, cpu| Step {
        size,
        bytes: 0,
        seconds,
        cpu,
        claims: 0,
    };
    let r = ClassResult {
        class: Class::Articles,
        steps: vec![
            step(10, 1.0, 1.0),
            step(30, 3.0, 3.0),
            step(120, 20.0, 20.0),
        ],
    };
    // ×3 in time for ×3 in size is linear: ×4 per ×4; then ×6.67 for ×4
    assert!((r.worst_growth_per_4x() - 20.0 / 3.0).abs() < 1e-9);
    // core time rules over the wall clock
    let r = ClassResult {
        class: Class::Articles,
        steps: vec![step(10, 1.0, 0.5), step(40, 9.0, 2.0)],
    };
    assert!((r.worst_growth_per_4x() - 4.0).abs() < 1e-9);
    // ×2 steps are judged over the ×4 they span, not each squared
    let r = ClassResult {
        class: Class::Speakers,
        steps: vec![step(5, 1.0, 1.0), step(10, 2.6, 2.6), step(20, 4.4, 4.4)],
    };
    assert!((r.worst_growth_per_4x() - 4.4).abs() < 1e-9);
    // and where no two steps are ×4 apart, each step counts
    let r = ClassResult {
        class: Class::Speakers,
        steps: vec![step(5, 1.0, 1.0), step(10, 2.6, 2.6)],
    };
    assert!((r.worst_growth_per_4x() - 2.6 * 2.6).abs() < 1e-9);
}
