//! The pipeline's direction, checked on the source: a module may use (`crate::…`) only
//! modules of its own stage or earlier ones, as `ARCHITECTURE.md` lays out. Doc comments,
//! comments and test code are not imports and are not checked; the `lab` may use
//! anything, and nothing in the product may use the `lab`.

use std::collections::BTreeMap;
use std::path::Path;

/// Each top-level module of `src/` and its place in the pipeline: a module may use
/// modules of a rank no higher than its own.
const RANKS: &[(&str, u8)] = &[
    // foundations every stage may use
    ("error", 0),
    ("text", 0),
    ("weights", 0),
    ("output", 0),
    ("terminal", 0),
    // load
    ("corpus", 1),
    ("sources", 1),
    // parse (the sentences' syntax), then attribute, resolve, claims, link, assess
    ("parse", 2),
    ("attribution", 3),
    ("resolve", 4),
    ("claims", 5),
    ("link", 6),
    ("graph", 7),
    ("assess", 8),
    // render
    ("report", 9),
    // what users do with an analysis: check a claim, review a snapshot, list, extract
    ("check", 10),
    ("review", 10),
    ("listing", 10),
    ("extract", 10),
    // the pipeline cut into stages for a cluster
    ("stage", 10),
];

/// The rank from which the crate root's own items (`crate::Analysis`,
/// `crate::analysis`, `crate::story_claims`, `crate::extract_attributions`) may be used: the analysis is the
/// pipeline's product, read by renderers and what comes after.
const ROOT_ITEMS_FROM: u8 = 9;

/// One import against the pipeline: the file, the line, what it uses and why it may not.
#[derive(Debug, PartialEq)]
struct Violation {
    file: String,
    line: usize,
    used: String,
    why: String,
}

/// The module a file of `src/` belongs to: `src/link/relate.rs` → `link`, `src/graph.rs`
/// → `graph`; `None` for the crate root, the binary and the command line.
fn module_of(rel: &str) -> Option<&str> {
    let first = rel.split('/').next()?;
    let name = first.strip_suffix(".rs").unwrap_or(first);
    match name {
        "lib" | "main" | "cli" => None,
        _ => Some(name),
    }
}

/// The code of a file with comments, string literals and `#[cfg(test)]` items blanked
/// out, line by line (so that line numbers stay), keeping only what can import.
fn code_lines(src: &str) -> Vec<String> {
    let mut out = Vec::new();
    let mut skip_depth: Option<i64> = None;
    let mut depth: i64 = 0;
    let mut test_attr = false;
    for line in src.lines() {
        let code = strip_comment_and_strings(line);
        let trimmed = code.trim();
        let opens = code.matches('{').count() as i64;
        let closes = code.matches('}').count() as i64;
        if skip_depth.is_none() && test_attr && !trimmed.is_empty() && !trimmed.starts_with("#[") {
            test_attr = false;
            if trimmed.ends_with(';') {
                // `#[cfg(test)] mod tests;` or a single test-only `use`
                out.push(String::new());
                continue;
            }
            skip_depth = Some(depth);
        }
        if trimmed.starts_with("#[cfg(test)]") {
            test_attr = true;
        }
        depth += opens - closes;
        if let Some(d) = skip_depth {
            out.push(String::new());
            if depth <= d && (opens > 0 || closes > 0) {
                skip_depth = None;
            }
            continue;
        }
        out.push(code);
    }
    out
}

/// A line without its `//` comment and with its string and char literals emptied.
fn strip_comment_and_strings(line: &str) -> String {
    let mut out = String::with_capacity(line.len());
    let mut chars = line.chars().peekable();
    let mut in_str = false;
    while let Some(c) = chars.next() {
        if in_str {
            match c {
                '\\' => {
                    chars.next();
                }
                '"' => {
                    in_str = false;
                    out.push('"');
                }
                _ => {}
            }
            continue;
        }
        match c {
            '"' => {
                in_str = true;
                out.push('"');
            }
            '/' if chars.peek() == Some(&'/') => break,
            _ => out.push(c),
        }
    }
    out
}

/// The `crate::NAME` uses in one line of code.
fn crate_uses(code: &str) -> Vec<String> {
    let mut found = Vec::new();
    let mut rest = code;
    while let Some(i) = rest.find("crate::") {
        let before = rest[..i].chars().next_back();
        rest = &rest[i + "crate::".len()..];
        if before.is_some_and(|c| c.is_alphanumeric() || c == '_' || c == '$') {
            continue;
        }
        let name: String = rest
            .chars()
            .take_while(|c| c.is_alphanumeric() || *c == '_')
            .collect();
        if name.is_empty() {
            // `use crate::{a, b}`: each name in the braces
            if let Some(inner) = rest.strip_prefix('{') {
                let end = inner.find('}').unwrap_or(inner.len());
                for part in inner[..end].split(',') {
                    let n: String = part
                        .trim()
                        .chars()
                        .take_while(|c| c.is_alphanumeric() || *c == '_')
                        .collect();
                    if !n.is_empty() {
                        found.push(n);
                    }
                }
            }
        } else {
            found.push(name);
        }
    }
    found
}

/// Every import of the file `rel` (a path under `src/`) against the pipeline.
fn violations_in(rel: &str, src: &str, ranks: &BTreeMap<&str, u8>) -> Vec<Violation> {
    let Some(module) = module_of(rel) else {
        return Vec::new();
    };
    let mut out = Vec::new();
    if module == "lab" {
        return out;
    }
    let file_name = rel.rsplit('/').next().unwrap_or(rel);
    if matches!(file_name, "tests.rs" | "testutil.rs") {
        return out;
    }
    let Some(&own) = ranks.get(module) else {
        out.push(Violation {
            file: rel.to_string(),
            line: 0,
            used: module.to_string(),
            why: "a module the pipeline does not place: add it to RANKS and ARCHITECTURE.md"
                .to_string(),
        });
        return out;
    };
    for (i, code) in code_lines(src).iter().enumerate() {
        for used in crate_uses(code) {
            let why = if used == "lab" {
                Some("the product never uses the lab".to_string())
            } else if let Some(&r) = ranks.get(used.as_str()) {
                (r > own).then(|| format!("{module} (rank {own}) uses a later stage (rank {r})"))
            } else if used.chars().next().is_some_and(|c| c.is_lowercase())
                && !matches!(
                    used.as_str(),
                    "analysis" | "analyze" | "extract_attributions" | "story_claims"
                )
            {
                Some("a module the pipeline does not place".to_string())
            } else {
                (own < ROOT_ITEMS_FROM)
                    .then(|| format!("{module} (rank {own}) uses the crate root's analysis facade"))
            };
            if let Some(why) = why {
                out.push(Violation {
                    file: rel.to_string(),
                    line: i + 1,
                    used,
                    why,
                });
            }
        }
    }
    out
}

fn rust_files(dir: &Path, out: &mut Vec<std::path::PathBuf>) {
    let mut entries: Vec<_> = std::fs::read_dir(dir)
        .unwrap()
        .map(|e| e.unwrap().path())
        .collect();
    entries.sort();
    for p in entries {
        if p.is_dir() {
            rust_files(&p, out);
        } else if p.extension().is_some_and(|e| e == "rs") {
            out.push(p);
        }
    }
}

#[test]
fn no_module_uses_a_later_stage() {
    let ranks: BTreeMap<&str, u8> = RANKS.iter().copied().collect();
    let src = Path::new(env!("CARGO_MANIFEST_DIR")).join("src");
    let mut files = Vec::new();
    rust_files(&src, &mut files);
    assert!(files.len() > 50, "found only {} files", files.len());
    let mut all = Vec::new();
    let mut modules = std::collections::BTreeSet::new();
    for f in &files {
        let rel = f
            .strip_prefix(&src)
            .unwrap()
            .to_string_lossy()
            .replace('\\', "/");
        if let Some(m) = module_of(&rel) {
            modules.insert(m.to_string());
        }
        let text = std::fs::read_to_string(f).unwrap();
        all.extend(violations_in(&rel, &text, &ranks));
    }
    let listed: Vec<String> = all
        .iter()
        .map(|v| format!("src/{}:{}: crate::{}: {}", v.file, v.line, v.used, v.why))
        .collect();
    assert!(
        listed.is_empty(),
        "imports against the pipeline:\n{}",
        listed.join("\n")
    );
    // every placed module exists (a renamed module must be renamed here too)
    for (name, _) in RANKS {
        assert!(
            modules.contains(*name),
            "RANKS names a module src/ lacks: {name}"
        );
    }
}

#[test]
fn the_check_finds_uses_against_the_pipeline() {
    let ranks: BTreeMap<&str, u8> = RANKS.iter().copied().collect();
    let src = "//! Mentions: see [`crate::report::Report`].\n\
               use crate::text::Span;\n\
               use crate::{corpus::Article, report::Report};\n\
               fn f() { let _ = crate::link::link; let s = \"crate::assess\"; }\n\
               #[cfg(test)]\n\
               mod tests {\n\
                   use crate::assess::Assessment;\n\
                   fn g() { if true { let _ = 1; } }\n\
               }\n\
               fn h() { crate::lab::bench(); crate::analysis(); }\n";
    let found = violations_in("attribution/quotes.rs", src, &ranks);
    let used: Vec<(usize, &str)> = found.iter().map(|v| (v.line, v.used.as_str())).collect();
    assert_eq!(
        used,
        vec![(3, "report"), (4, "link"), (10, "lab"), (10, "analysis")],
        "{found:?}"
    );
    // the same uses are allowed where the pipeline allows them
    assert!(violations_in("report/markdown.rs", "use crate::link::Relation;\n", &ranks).is_empty());
    assert!(violations_in("lab/eval/mod.rs", "use crate::report::Report;\n", &ranks).is_empty());
    // a module that is not placed is reported
    assert_eq!(violations_in("newstage/mod.rs", "", &ranks).len(), 1);
}
