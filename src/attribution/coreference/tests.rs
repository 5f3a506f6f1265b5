//! Tests of coreference: pronouns, role nouns and descriptions, on invented texts.

use crate::attribution::testutil::*;

#[test]
fn coreference_of_pronouns_and_descriptions() {
    let all = cited(
        "The Port Authority said the harbour was closed. \
         It added that ships would wait offshore.",
    );
    assert_eq!(all[1].antecedent.as_deref(), Some("The Port Authority"));
    let all = cited(
        "Port Authority spokeswoman Elena Marsh said the harbour was closed. \
         She said ships would wait offshore.",
    );
    assert_eq!(all[1].antecedent.as_deref(), Some("Elena Marsh"));
    let all = cited(
        "A Port Authority spokesperson said the harbour was closed. \
         However, the spokesperson declined to comment on the cause.",
    );
    assert_eq!(
        all[1].antecedent.as_deref(),
        Some("A Port Authority spokesperson")
    );
    let all = cited(
        "The ministry published a report on the dam. \
         The report said that the cracks were old.",
    );
    assert_eq!(all[0].antecedent.as_deref(), Some("The ministry"));
    let all = cited(
        "The Harbour Guild said the dam was unsafe. \
         The group also claimed that inspections had been skipped.",
    );
    assert_eq!(all[1].antecedent.as_deref(), Some("The Harbour Guild"));
    let all = cited(
        "Farmers in the valley said the river rose overnight. \
         They said the water reached their barns.",
    );
    assert_eq!(all[1].antecedent.as_deref(), Some("Farmers in the valley"));
}

#[test]
fn he_is_the_person_who_opens_the_sentence_before() {
    let all = cited(
        "Mara Lind said the dam was old. Tomas Berg, who built it, doubled down in his \
         testimony on the cracks. Still, he said, “It will hold.”",
    );
    let he = all.iter().find(|g| g.source == "he").unwrap();
    assert_eq!(he.antecedent.as_deref(), Some("Tomas Berg"), "{all:#?}");
}

#[test]
fn a_description_stands_for_the_speaker_cited_under_its_noun() {
    let all = cited(
        "The Lowland Watch Telegram channel said the pier had burned. Tomas Berg said \
         nothing. The channel said that the pier would be rebuilt.",
    );
    let g = all.iter().find(|g| g.source == "The channel").unwrap();
    assert_eq!(
        g.antecedent.as_deref(),
        Some("The Lowland Watch Telegram channel"),
        "{all:#?}"
    );
}

#[test]
fn a_relative_pronoun_stands_for_the_name_before_it() {
    let all = cited(
        "Tomas Berg criticised a report by the Harbour Guild that concluded the dam was safe.",
    );
    let g = all
        .iter()
        .find(|g| g.cue == "concluded")
        .unwrap_or_else(|| panic!("{all:#?}"));
    assert_eq!(g.source, "that", "{all:#?}");
    assert_eq!(
        g.antecedent.as_deref(),
        Some("the Harbour Guild"),
        "{all:#?}"
    );
    let g = one("The Port Authority, which said the dam was safe, closed the pier.");
    assert_eq!(
        g.antecedent.as_deref(),
        Some("The Port Authority"),
        "{g:#?}"
    );
}

#[test]
fn a_document_the_sentence_before_introduced_is_its_issuers() {
    let all = cited(
        "Tomas Berg said the pier would be rebuilt. The Harbour Guild issued a \
         statement on Monday. The statement added that the quay would stay closed.",
    );
    let added = all.iter().find(|g| g.cue == "added").unwrap();
    assert_eq!(
        added.antecedent.as_deref(),
        Some("The Harbour Guild"),
        "{all:#?}"
    );
    // also with a modifier, across a parenthesis
    let all = cited(
        "The Harbour Safety Board concluded the ferry was sunk by a mine. The \
         long-awaited report – which was handed to the families first – did not say \
         who laid it.",
    );
    let report = all.iter().find(|g| g.cue == "say").unwrap();
    assert_eq!(report.source, "The long-awaited report", "{all:#?}");
    assert_eq!(
        report.antecedent.as_deref(),
        Some("The Harbour Safety Board"),
        "{all:#?}"
    );
    // a possessive document stands for the body that made it
    let all = cited(
        "The Harbour Guild said on Monday that the quay was safe. Its own report \
         said that the cracks were old.",
    );
    let found = all.iter().find(|g| g.source == "Its own report").unwrap();
    assert_eq!(
        found.antecedent.as_deref(),
        Some("The Harbour Guild"),
        "{all:#?}"
    );
}

#[test]
fn an_attribution_resolved_to_an_earlier_one_keeps_its_intermediaries() {
    let all = cited(
        "A Port Authority spokesperson said to the Valdera Courier that the harbour was \
         closed. However, the spokesperson refused to confirm whether ships would wait.",
    );
    assert_eq!(all.len(), 2, "{all:#?}");
    assert_eq!(all[0].via, ["the Valdera Courier"]);
    assert_eq!(
        all[1].antecedent.as_deref(),
        Some("A Port Authority spokesperson")
    );
    assert_eq!(all[1].via, ["the Valdera Courier"]);
}

#[test]
fn a_document_an_earlier_cue_introduced_is_its_speakers() {
    let all = cited(
        "The guild said in a statement that the quay was closed. Tomas Berg said \
         the pier was safe. “The quay will reopen in May,” the statement added.",
    );
    let added = all.iter().find(|g| g.cue == "added").unwrap();
    assert_eq!(added.antecedent.as_deref(), Some("The guild"), "{all:#?}");
    // a document that is itself the speaker names no issuer
    let all = cited(
        "Port agencies found no evidence of sabotage, a report released on Friday said. \
         The four-page report said the agencies could not rule it out. “We have no \
         indication of it,” the report said.",
    );
    assert_eq!(all[0].source, "a report", "{all:#?}");
    assert_eq!(all[1].antecedent.as_deref(), Some("a report"), "{all:#?}");
    let last = all.last().unwrap();
    assert_eq!(last.antecedent.as_deref(), Some("a report"), "{all:#?}");
}

#[test]
fn he_is_a_person_named_by_a_role_across_a_quotation_of_several_sentences() {
    let all = cited(
        "According to the diplomat, the dam was safe.\n\n“The dam was built well. \
         It will hold. The cracks are old,” he said.",
    );
    let he = all.iter().find(|g| g.source == "he").unwrap();
    assert_eq!(he.antecedent.as_deref(), Some("the diplomat"), "{all:#?}");
}

#[test]
fn he_is_a_person_the_registry_knows_under_a_longer_name() {
    let registry = r#"(sources: [
        (id: "board", name: "Valdera Safety Board", kind: Government,
         aliases: ["the board"],
         people: [(name: "Tomas Berg", role: "head", aliases: ["Tomas Berg, head of the board"])]),
    ])"#;
    let gazetteer = crate::sources::Registry::from_ron(std::path::Path::new("s.ron"), registry)
        .unwrap()
        .gazetteer()
        .clone();
    let text = "The Valdera Safety Board said on Tuesday that it would join the inquiry.\n\
                “We are not obliged to,” Tomas Berg, head of the board, said. “If they ask, \
                we will help,” he added.\n";
    let article = crate::corpus::Article::new("t", text);
    let all = crate::attribution::rules::extract(&article, &gazetteer);
    let he = all
        .iter()
        .find(|a| a.source.first().is_some_and(|s| s.slice(text) == "he"));
    let antecedent = he.and_then(|a| a.antecedent).map(|s| s.slice(text));
    assert_eq!(antecedent, Some("Tomas Berg"));
}

#[test]
fn a_possessive_role_stands_for_the_organisation_before_it() {
    let all = cited(
        "The claim is supported by the Harbour Guild. Its management insists that the \
         pier was sound.",
    );
    let g = all.iter().find(|g| g.source == "Its management").unwrap();
    assert_eq!(
        g.antecedent.as_deref(),
        Some("the Harbour Guild"),
        "{all:#?}"
    );
}

#[test]
fn officials_are_not_the_outlet_that_reports_them() {
    let all = cited(
        "The Lowland Herald reported that officials briefed on the inquiry said it was weak.",
    );
    let g = all.iter().find(|g| g.cue == "said").unwrap();
    assert_eq!(g.source, "officials briefed on the inquiry", "{all:#?}");
    assert_eq!(g.head.as_deref(), Some("officials"), "{all:#?}");
    assert_eq!(g.antecedent, None, "{all:#?}");
}

#[test]
fn a_pronoun_stands_for_the_subject_of_its_own_sentence_or_the_one_before() {
    let all = cited(
        "Tomas Berg said the quay was safe. The Harbour Guild closed the pier on \
         Monday, and it said the repairs would take a week.",
    );
    let it = all
        .iter()
        .find(|g| g.source == "it")
        .unwrap_or_else(|| panic!("{all:#?}"));
    assert_eq!(
        it.antecedent.as_deref(),
        Some("The Harbour Guild"),
        "{all:#?}"
    );
    let all = cited(
        "After a day of silence, Tomas Berg paid his respects to the family of Mara \
         Lind. He said that the pier would be rebuilt.",
    );
    let he = all
        .iter()
        .find(|g| g.source == "He")
        .unwrap_or_else(|| panic!("{all:#?}"));
    assert_eq!(he.antecedent.as_deref(), Some("Tomas Berg"), "{all:#?}");
}

#[test]
fn a_body_stands_for_an_organisation_that_the_gazetteer_knows_or_that_bears_its_noun() {
    let antecedent = |text: &str, source: &str| {
        let all = cited(text);
        all.iter()
            .find(|g| g.source == source)
            .unwrap_or_else(|| panic!("{all:#?}"))
            .antecedent
            .clone()
    };
    // a person cited last is no agency
    let text = "Tomas Berg said the pier was closed. The agency said it was open.";
    assert_eq!(antecedent(text, "The agency"), None);
    // nor is a body the gazetteer does not know and whose name lacks the noun
    let text = "The Tarsk Rowing Club said the pier was closed. The ministry said it was open.";
    assert_eq!(antecedent(text, "The ministry"), None);
    // a known organisation, or a name that holds the noun
    let text = "The Harbour Guild said the pier was closed. The group said it would reopen.";
    assert_eq!(
        antecedent(text, "The group").as_deref(),
        Some("The Harbour Guild")
    );
    let text = "The Tarsk Harbour Office said the pier was closed. The office said it would \
                reopen.";
    assert_eq!(
        antecedent(text, "The office").as_deref(),
        Some("The Tarsk Harbour Office")
    );
}

#[test]
fn a_clause_opener_is_not_part_of_the_speaker() {
    let all = cited(
        "The Harbour Guild has temporarily made the records unavailable, pending what it \
         said were newer data.",
    );
    let it = all
        .iter()
        .find(|g| g.cue == "said")
        .unwrap_or_else(|| panic!("{all:#?}"));
    assert_eq!(it.source, "it", "{all:#?}");
    assert_eq!(
        it.antecedent.as_deref(),
        Some("The Harbour Guild"),
        "{all:#?}"
    );
}

#[test]
fn a_pronoun_before_the_cue_is_the_whole_subject() {
    let all = cited(
        "Tomas Berg said that the pier was sound. On the inquiry he stated, \"it is a \
         political operation\".",
    );
    let he = all
        .iter()
        .find(|g| g.cue == "stated")
        .unwrap_or_else(|| panic!("{all:#?}"));
    assert_eq!(he.source, "he", "{all:#?}");
    assert_eq!(he.antecedent.as_deref(), Some("Tomas Berg"), "{all:#?}");
}
