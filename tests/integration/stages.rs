//! The stage commands' functions, composed as a cluster job composes them (spark/job.py:
//! claims part by part, pairs, relations pair by pair, propositions group by group), give
//! the relations and propositions of the report.

use claimgraph::link::{self, Relation};
use claimgraph::report::Report;
use claimgraph::sources::Source;
use claimgraph::stage::{self, ClaimRecord, Component, IndexedClaim, PairGroup};
use claimgraph::Story;
use std::collections::{BTreeMap, BTreeSet, HashMap};

/// The story's articles as JSONL lines, the form a cluster reads.
fn as_jsonl(story: &Story) -> Vec<String> {
    story
        .articles
        .iter()
        .map(|a| {
            serde_json::json!({
                "id": a.id,
                "title": a.title,
                "outlet": a.outlet,
                "url": a.url,
                "published": a.published.map(|d| d.to_string()),
                "byline": a.byline,
                "text": a.text,
            })
            .to_string()
        })
        .collect()
}

/// The records of the story's claims in story order, the lines read in parts of `size`
/// lines, and each unknown speaker as the story first names it.
fn records_in_parts(story: &Story, size: usize) -> (Vec<ClaimRecord>, HashMap<String, Source>) {
    let lines = as_jsonl(story);
    let mut records = Vec::new();
    let mut first: HashMap<String, ((usize, usize), Source)> = HashMap::new();
    for (p, part) in lines.chunks(size).enumerate() {
        let made = stage::claims(part.join("\n").as_bytes(), &story.registry);
        assert!(made.diagnostics.is_empty(), "{:?}", made.diagnostics);
        let offset = p * size;
        for mut r in made.records {
            r.line += offset;
            records.push(r);
        }
        for m in made.met {
            let at = (m.line + offset, m.order);
            let e = first
                .entry(m.unknown.id.clone())
                .or_insert((at, m.unknown.clone()));
            if at < e.0 {
                *e = (at, m.unknown);
            }
        }
    }
    records.sort_by_key(|r| (r.line, r.position));
    let named = first.into_iter().map(|(id, (_, s))| (id, s)).collect();
    (records, named)
}

/// The unknown speakers some records name, as the story first names them.
fn named(records: &[&ClaimRecord], first: &HashMap<String, Source>) -> Vec<Source> {
    let ids: BTreeSet<&str> = records
        .iter()
        .flat_map(|r| r.sources.iter().map(|s| s.id.as_str()))
        .collect();
    ids.iter()
        .filter_map(|id| first.get(*id).cloned())
        .collect()
}

#[test]
fn stages_composed_as_a_cluster_does_give_the_reports_relations_and_propositions() {
    for dir in ["corpus/moscow-2024", "corpus/velna-spill"] {
        let story = claimgraph::corpus::load_story(
            std::path::Path::new(dir),
            &claimgraph::corpus::LoadOptions::default(),
        )
        .unwrap();
        let analysis = claimgraph::analysis(&story, &Default::default());
        let report = Report::new(&analysis);
        // claims, two articles a part
        let (records, first) = records_in_parts(&story, 2);
        let ids = |cs: &mut dyn Iterator<Item = &claimgraph::claims::Claim>| -> Vec<String> {
            cs.map(|c| c.id.clone()).collect()
        };
        assert_eq!(
            ids(&mut records.iter().map(|r| &r.claim)),
            ids(&mut analysis.claims.iter()),
            "{dir}"
        );
        // the pairs link compares (their records' claims carry what they need)
        let claims: Vec<_> = records.iter().map(|r| r.claim.clone()).collect();
        let mut pairs: BTreeSet<(usize, usize)> = link::candidates(&claims)
            .into_iter()
            .map(|(a, b, _)| (a, b))
            .collect();
        pairs.extend(link::neighbours(&claims));
        pairs.extend(link::same_source_pairs(&claims));
        // relations pair by pair, weighed by the view keys' counts over all claims
        let mut df: HashMap<&str, usize> = HashMap::new();
        for k in records.iter().flat_map(|r| &r.view_keys) {
            *df.entry(k.as_str()).or_default() += 1;
        }
        // in groups of the pairs of four consecutive claims, as a cluster sends them
        let mut groups: BTreeMap<usize, Vec<(usize, usize)>> = BTreeMap::new();
        for &(i, j) in &pairs {
            groups.entry(i / 4).or_default().push((i, j));
        }
        let mut relations: Vec<Relation> = Vec::new();
        for block in groups.into_values() {
            let named_claims: BTreeSet<usize> = block.iter().flat_map(|&(i, j)| [i, j]).collect();
            let members: Vec<&ClaimRecord> = named_claims.iter().map(|&i| &records[i]).collect();
            let counts = members
                .iter()
                .flat_map(|r| &r.view_keys)
                .map(|k| (k.clone(), df[k.as_str()]))
                .collect();
            let group = PairGroup {
                n: records.len(),
                // in reverse, as a cluster may list them
                claims: named_claims
                    .iter()
                    .rev()
                    .map(|&i| IndexedClaim {
                        index: i,
                        record: records[i].clone(),
                    })
                    .collect(),
                pairs: block,
                df: counts,
                sources: named(&members, &first),
            };
            relations.extend(stage::relate_pairs(group, &story.registry).unwrap());
        }
        relations.sort_by_key(|r| (r.a.min(r.b), r.a.max(r.b)));
        assert!(relations.len() > 5, "{dir}: {} relations", relations.len());
        assert_eq!(relations, analysis.relations, "{dir}");
        // propositions group by group: the groups the relations join, each claim alone
        // in its own otherwise
        let mut group: Vec<usize> = (0..records.len()).collect();
        fn root(g: &mut [usize], i: usize) -> usize {
            let mut r = i;
            while g[r] != r {
                r = g[r];
            }
            g[i] = r;
            r
        }
        for r in &relations {
            let (x, y) = (root(&mut group, r.a), root(&mut group, r.b));
            group[x.max(y)] = x.min(y);
        }
        let mut components: BTreeMap<usize, Component> = BTreeMap::new();
        for (i, r) in records.iter().enumerate() {
            let g = root(&mut group, i);
            let c = components.entry(g).or_insert_with(|| Component {
                claims: Vec::new(),
                relations: Vec::new(),
                sources: Vec::new(),
            });
            // in reverse, as a cluster may list them
            c.claims.insert(
                0,
                IndexedClaim {
                    index: i,
                    record: r.clone(),
                },
            );
        }
        for r in &relations {
            let g = root(&mut group, r.a);
            components.get_mut(&g).unwrap().relations.push(r.clone());
        }
        assert!(components.values().any(|c| c.claims.len() > 2), "{dir}");
        let mut shown_relations = Vec::new();
        let mut shown_propositions = Vec::new();
        for mut c in components.into_values() {
            let members: Vec<&ClaimRecord> = c.claims.iter().map(|m| &m.record).collect();
            c.sources = named(&members, &first);
            for e in stage::propositions(c, &story.registry).unwrap() {
                match e {
                    stage::ComponentEntry::Relation { at, relation } => {
                        shown_relations.push((at, relation))
                    }
                    stage::ComponentEntry::Proposition { at, proposition } => {
                        shown_propositions.push(((-proposition.confidence, at), proposition))
                    }
                }
            }
        }
        shown_relations.sort_by_key(|e| e.0);
        shown_propositions.sort_by(|x, y| x.0 .0.total_cmp(&y.0 .0).then(x.0 .1.cmp(&y.0 .1)));
        let shown_relations: Vec<_> = shown_relations.into_iter().map(|e| e.1).collect();
        let shown_propositions: Vec<_> = shown_propositions.into_iter().map(|e| e.1).collect();
        assert_eq!(shown_relations, report.relations, "{dir}");
        assert_eq!(shown_propositions, report.propositions, "{dir}");
    }
}

#[test]
fn an_unknown_speaker_is_named_by_its_first_mention_in_the_story_in_every_part() {
    // two articles name one unknown speaker in other words; read apart, each part names
    // it its own way, and the story's first naming is what the later stages use
    let text = |who: &str| {
        format!(
            "{who} said the harbour crane had collapsed before dawn on Tuesday.\n\n\
             Workers said the crane had been inspected in May."
        )
    };
    let lines = [
        serde_json::json!({"id": "one", "text": text("The harbour master")}).to_string(),
        serde_json::json!({"id": "two", "text": text("the harbour master")}).to_string(),
    ];
    let registry = Default::default();
    let whole = stage::claims(lines.join("\n").as_bytes(), &registry);
    let second = stage::claims(lines[1].as_bytes(), &registry);
    let met = |m: &[stage::MetSource]| -> Vec<(String, String)> {
        m.iter()
            .map(|s| (s.unknown.id.clone(), s.unknown.name.clone()))
            .collect()
    };
    let master = |m: &[stage::MetSource]| {
        met(m)
            .into_iter()
            .find(|(id, _)| id.contains("harbour-master"))
    };
    assert_eq!(
        master(&whole.met).map(|(_, n)| n).as_deref(),
        Some("The harbour master")
    );
    assert_eq!(
        master(&second.met).map(|(_, n)| n).as_deref(),
        Some("the harbour master")
    );
    // the second telling, read in a part of its own, assessed with the story's naming:
    // its reasons name the speaker by the first mention
    let b = second
        .records
        .iter()
        .find(|r| r.claim.article == "two" && r.claim.speaker.source.as_str().contains("harbour"))
        .unwrap();
    assert_eq!(b.claim.via[0].name, "the harbour master");
    let first: Vec<Source> = whole
        .met
        .iter()
        .filter(|m| m.unknown.id.contains("harbour-master"))
        .map(|m| m.unknown.clone())
        .collect();
    let component = Component {
        claims: vec![IndexedClaim {
            index: 1,
            record: b.clone(),
        }],
        relations: Vec::new(),
        sources: first,
    };
    let entries = stage::propositions(component, &registry).unwrap();
    let reasons: Vec<String> = entries
        .iter()
        .filter_map(|e| match e {
            stage::ComponentEntry::Proposition { proposition, .. } => {
                Some(proposition.reasons.join("; "))
            }
            _ => None,
        })
        .collect();
    assert_eq!(reasons.len(), 1, "{entries:?}");
    assert!(
        reasons.iter().all(|r| !r.contains("the harbour master")),
        "{reasons:?}"
    );
    assert!(
        reasons.iter().all(|r| r.contains("The harbour master")),
        "{reasons:?}"
    );
}

/// Runs `claimgraph stage ARGS` with `input` on standard input: (success, stdout, stderr).
fn stage_cli(args: &[&str], input: &str) -> (bool, String, String) {
    let all: Vec<&str> = std::iter::once("stage")
        .chain(args.iter().copied())
        .collect();
    let out = super::common::with_stdin(&all, input.as_bytes());
    (
        out.status.success(),
        String::from_utf8_lossy(&out.stdout).into_owned(),
        String::from_utf8_lossy(&out.stderr).into_owned(),
    )
}

#[test]
fn the_claims_stage_skips_an_article_without_id_by_its_line_and_reads_the_rest() {
    let input = [
        r#"{"text": "The ministry said the bridge had reopened."}"#,
        "",
        r#"{"id": "ok", "text": "The ministry said the bridge had reopened on Monday."}"#,
        r#"{"id": "broken", "text": "#,
    ]
    .join("\n");
    let (ok, out, err) = stage_cli(&["claims"], &input);
    assert!(ok, "{err}");
    assert!(
        err.contains("stdin.jsonl:1:1") && err.contains("without a string \"id\""),
        "{err}"
    );
    assert!(
        err.contains("stdin.jsonl:4"),
        "the broken line is named: {err}"
    );
    let records: Vec<serde_json::Value> = out
        .lines()
        .map(|l| serde_json::from_str(l).unwrap())
        .collect();
    let claims: Vec<&serde_json::Value> = records
        .iter()
        .filter(|r| r.get("claim").is_some())
        .collect();
    assert!(!claims.is_empty(), "{out}");
    assert!(
        claims
            .iter()
            .all(|r| r["line"] == 3 && r["claim"]["article"] == "ok"),
        "{out}"
    );
}

#[test]
fn a_later_stage_stops_at_a_bad_line_and_names_it() {
    let (ok, out, err) = stage_cli(&["relate"], "\n{\"n\": 2, \"pairs\": [[0, 1]]");
    assert!(!ok);
    assert!(out.is_empty(), "{out}");
    assert!(err.contains("standard input, line 2"), "{err}");
    let (ok, _, err) = stage_cli(&["propositions"], "[1, 2]\n");
    assert!(!ok);
    assert!(err.contains("standard input, line 1"), "{err}");
    // a limits line a cluster reads: the caps linking applies
    let (ok, out, _) = stage_cli(&["limits"], "");
    assert!(ok);
    let limits: stage::Limits = serde_json::from_str(out.trim()).unwrap();
    assert_eq!(limits, stage::limits());
    assert!(limits.max_candidates_per_claim > 0 && limits.min_shared_keys >= 1);
}

#[test]
fn the_later_stages_refuse_what_does_not_hold_together() {
    let made = stage::claims(
        br#"{"id": "a", "text": "The ministry said the bridge had reopened on Monday. The mayor denied that the bridge had reopened."}"#,
        &Default::default(),
    );
    assert!(made.records.len() >= 2, "{:?}", made.records);
    let (a, b) = (&made.records[0], &made.records[1]);
    let member = |index, record: &ClaimRecord| IndexedClaim {
        index,
        record: record.clone(),
    };
    let pairs = |pairs: Vec<(usize, usize)>| PairGroup {
        n: 2,
        claims: vec![member(0, a), member(1, b)],
        pairs,
        df: HashMap::new(),
        sources: Vec::new(),
    };
    let relate = |group| stage::relate_pairs(group, &Default::default());
    let err = relate(pairs(vec![(0, 1), (1, 1)])).unwrap_err();
    assert!(err.contains("lower claim first"), "{err}");
    let err = relate(pairs(vec![(0, 3)])).unwrap_err();
    assert!(
        err.contains("claim 3") && err.contains("not in the group"),
        "{err}"
    );
    assert!(relate(pairs(vec![(0, 1)])).is_ok());
    let mut twice = pairs(vec![(0, 1)]);
    twice.claims[1].index = 0;
    assert!(relate(twice).unwrap_err().contains("listed twice"));
    let stray = Relation {
        a: 0,
        b: 7,
        kind: link::RelationKind::Agrees,
        score: 0.9,
        reasons: Vec::new(),
        diff: Vec::new(),
    };
    let group = Component {
        claims: vec![member(0, a), member(1, b)],
        relations: vec![stray],
        sources: Vec::new(),
    };
    let err = stage::propositions(group, &Default::default()).unwrap_err();
    assert!(
        err.contains("claim 7") && err.contains("not in the group"),
        "{err}"
    );
    let twice = Component {
        claims: vec![member(0, a), member(0, b)],
        relations: Vec::new(),
        sources: Vec::new(),
    };
    let err = stage::propositions(twice, &Default::default()).unwrap_err();
    assert!(err.contains("listed twice"), "{err}");
}
