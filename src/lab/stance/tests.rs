use super::*;

const HEADLINE: &str = "Giant spider found living in man's ear in Sydney";

/// A body that reports the claim and calls it a hoax.
const HOAX: &str = "A story claiming that a giant spider was found living in a man's ear in \
    Sydney has been debunked. The photo is fake: it was doctored from a 2012 image, and \
    doctors at the hospital denied that any such patient was treated. The spider story is \
    a hoax, the hospital said, and there is no evidence that it ever happened.";

/// A body that reports the claim as fact.
const REPORT: &str = "Doctors in Sydney removed a giant spider that had been living in a \
    man's ear for three days, the hospital confirmed on Monday. The man went to the \
    emergency room after hearing scratching noises. Staff confirmed the spider was found \
    alive in his ear canal and released it outside.";

/// A body about something else.
const OTHER: &str = "The central bank raised interest rates by a quarter of a point on \
    Tuesday, citing stubborn inflation in services and a tight labour market. Markets had \
    expected the move, and the currency barely moved after the announcement.";

const MAYOR: &str = "Mayor of Valdera resigns after bribery scandal";

/// Reports the mayor's resignation as fact.
const RESIGNED: &str = "The mayor of Valdera has resigned. He stepped down on Tuesday, two \
    weeks after the bribery scandal broke, and the city council accepted his resignation in \
    the evening. His deputy will run the city until an election in the spring.";

/// Reports it as an unconfirmed rumour.
const RUMOURED: &str = "The mayor of Valdera may resign over a bribery scandal, according to \
    unconfirmed reports. Local media reported that the mayor was allegedly considering \
    stepping down, but his office has not commented on the claims.";

/// Calls it false.
const DENIED: &str = "Reports that the mayor of Valdera resigned over a bribery scandal are \
    false. The mayor's office denied the claim on Tuesday, calling it a hoax spread by a fake \
    account. The mayor has not resigned and remains in office, a spokesman said.";

#[test]
fn embedded_model_judges_invented_pairs() {
    // none of these is in FNC-1: a claim and bodies made up for the test
    let m = StanceModel::embedded();
    let resigned = m.predict(MAYOR, RESIGNED);
    assert_eq!(resigned.stance, Stance::Agree, "{resigned:?}");
    let rumoured = m.predict(MAYOR, RUMOURED);
    assert_eq!(rumoured.stance, Stance::Discuss, "{rumoured:?}");
    let other = m.predict(MAYOR, OTHER);
    assert_eq!(other.stance, Stance::Unrelated, "{other:?}");
    assert!(other.related() < 0.1, "{other:?}");
    // a body that calls the claim false is judged far more likely to disagree than one
    // that reports it as fact (though on this made-up pair not most likely: see the
    // README on disagreement)
    let denied = m.predict(MAYOR, DENIED);
    assert!(denied.related() > 0.9, "{denied:?}");
    assert!(
        denied.probability(Stance::Disagree) > 20.0 * resigned.probability(Stance::Disagree),
        "{denied:?} vs {resigned:?}"
    );
    for p in [resigned, rumoured, other, denied] {
        let sum: f32 = p.probabilities.iter().sum();
        assert!((sum - 1.0).abs() < 1e-4, "{p:?}");
    }
}

#[test]
fn batch_prediction_matches_one_by_one() {
    let m = StanceModel::embedded();
    let pairs = [
        (HEADLINE, HOAX),
        (HEADLINE, OTHER),
        ("Interest rates rise again", OTHER),
        (MAYOR, RUMOURED),
        (HEADLINE, HOAX),
        ("", ""),
    ];
    let batch = m.predict_batch(&pairs);
    assert_eq!(batch.len(), pairs.len());
    for ((h, b), p) in pairs.iter().zip(&batch) {
        assert_eq!(*p, m.predict(h, b));
    }
    assert_eq!(batch[0], batch[4]);
    assert!(batch[2].related() > batch[1].related());
}

#[test]
fn model_bytes_round_trip_and_bad_bytes_are_errors() {
    let bytes = StanceModel::embedded().to_bytes();
    assert_eq!(bytes, EMBEDDED);
    let m = StanceModel::from_bytes(&bytes).unwrap();
    assert_eq!(&m, StanceModel::embedded());
    assert!(StanceModel::from_bytes(b"nonsense")
        .unwrap_err()
        .contains("bad header"));
    assert!(StanceModel::from_bytes(&bytes[..bytes.len() - 1])
        .unwrap_err()
        .contains("ends early"));
    let mut longer = bytes.clone();
    longer.push(0);
    assert!(StanceModel::from_bytes(&longer)
        .unwrap_err()
        .contains("left over"));
}

fn invented_data() -> StanceData {
    let mut bodies = BTreeMap::new();
    bodies.insert(1, HOAX.to_string());
    bodies.insert(2, REPORT.to_string());
    bodies.insert(3, OTHER.to_string());
    let pair = |h: &str, id, stance| LabeledPair {
        headline: h.to_string(),
        body_id: id,
        stance,
    };
    let rates = "Central bank raises interest rates";
    StanceData {
        bodies,
        pairs: vec![
            pair(HEADLINE, 1, Stance::Disagree),
            pair(HEADLINE, 2, Stance::Agree),
            pair(HEADLINE, 3, Stance::Unrelated),
            pair(rates, 1, Stance::Unrelated),
            pair(rates, 2, Stance::Unrelated),
            pair(rates, 3, Stance::Agree),
        ],
    }
}

#[test]
fn training_is_deterministic_and_fits_small_data() {
    let data = invented_data();
    let opts = TrainOptions {
        epochs: 60,
        batch: 2,
        hidden: 16,
        vocabulary: 50,
        min_df: 1,
        ..TrainOptions::default()
    };
    let a = train(&data, &opts, |_| {});
    let b = train(&data, &opts, |_| {});
    assert_eq!(a.to_bytes(), b.to_bytes());
    let pred = a.predict_rows(&data.gold_rows(), &data.bodies).unwrap();
    let s = es::score(&data.gold_rows(), &pred, None);
    assert_eq!(s.fnc_pct, 100.0, "{s}");
    let c = train(&data, &TrainOptions { seed: 9, ..opts }, |_| {});
    assert_ne!(a.to_bytes(), c.to_bytes());
    assert!(a
        .predict_rows(&data.gold_rows(), &BTreeMap::new())
        .unwrap_err()
        .contains("body id 1"));
}

#[test]
fn loading_names_the_file_and_line() {
    let dir = tempfile::tempdir().unwrap();
    let stances = dir.path().join("stances.csv");
    let bodies = dir.path().join("bodies.csv");
    std::fs::write(&bodies, "Body ID,articleBody\n1,\"One body\"\n2,Another\n").unwrap();
    std::fs::write(
        &stances,
        "Headline,Body ID,Stance\nA claim,1,agree\n\"Two\nlines\",2,unrelated\nX,2,maybe\n",
    )
    .unwrap();
    let e = StanceData::load(&stances, &bodies, None).unwrap_err();
    assert!(e.contains("stances.csv:5:") && e.contains("maybe"), "{e}");
    std::fs::write(&stances, "Headline,Body ID,Stance\nA claim,7,agree\n").unwrap();
    let e = StanceData::load(&stances, &bodies, None).unwrap_err();
    assert!(e.contains("stances.csv:2: body id 7 is not in"), "{e}");
    std::fs::write(
        &stances,
        "Headline,Body ID,Stance\nA claim,1,agree\nB,2,Discuss\n",
    )
    .unwrap();
    let ids = dir.path().join("ids.txt");
    std::fs::write(&ids, "2\n").unwrap();
    let d = StanceData::load(&stances, &bodies, Some(&ids)).unwrap();
    assert_eq!(d.pairs.len(), 1);
    assert_eq!(d.pairs[0].stance, Stance::Discuss);
    assert_eq!(d.bodies.keys().copied().collect::<Vec<_>>(), [2]);
    let missing = dir.path().join("none.csv");
    let e = StanceData::load(&missing, &bodies, None).unwrap_err();
    assert!(e.contains("none.csv"), "{e}");
}
