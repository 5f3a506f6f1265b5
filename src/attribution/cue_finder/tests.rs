//! Tests of `attribution::cue_finder`.

use crate::attribution::testutil::*;
use crate::attribution::{AttributionKind, Stance};

#[test]
fn reported_speech_cues_in_any_tense() {
    // (sentence, cue, lemma's stance, content start)
    let cases: &[(&str, &str, Stance, &str)] = &[
        (
            "The mayor says the ferry will run again.",
            "says",
            Stance::Assert,
            "the ferry",
        ),
        (
            "The mayor has said that the ferry would run again.",
            "said",
            Stance::Assert,
            "the ferry",
        ),
        (
            "The mayor will say on Monday that the ferry runs.",
            "say",
            Stance::Assert,
            "the ferry",
        ),
        (
            "The mayor told reporters that the ferry would run.",
            "told",
            Stance::Assert,
            "the ferry",
        ),
        (
            "The ministry stated that the wells were clean.",
            "stated",
            Stance::Assert,
            "the wells",
        ),
        (
            "The guild claims the wells were poisoned.",
            "claims",
            Stance::Assert,
            "the wells",
        ),
        (
            "The ministry announced that the dam would close.",
            "announced",
            Stance::Announce,
            "the dam",
        ),
        (
            "The Courier reported that the dam had cracked.",
            "reported",
            Stance::Assert,
            "the dam",
        ),
        (
            "The ministry warned that the dam could fail.",
            "warned",
            Stance::Warn,
            "the dam",
        ),
        (
            "The ministry is warning of floods in the valley.",
            "warning",
            Stance::Warn,
            "floods",
        ),
        (
            "The engineer added that the cracks were old.",
            "added",
            Stance::Assert,
            "the cracks",
        ),
        (
            "The engineer noted that the cracks were old.",
            "noted",
            Stance::Assert,
            "the cracks",
        ),
        (
            "The guild accused the ministry of hiding the cracks.",
            "accused",
            Stance::Accuse,
            "the ministry",
        ),
        (
            "The ministry denied that the dam had cracked.",
            "denied",
            Stance::Deny,
            "the dam",
        ),
        (
            "The engineer insisted that the dam was safe.",
            "insisted",
            Stance::Assert,
            "the dam",
        ),
        (
            "The guild argues that the dam is unsafe.",
            "argues",
            Stance::Assert,
            "the dam",
        ),
        (
            "The ministry confirmed that two wells were closed.",
            "confirmed",
            Stance::Assert,
            "two wells",
        ),
        (
            "Farmers believe the river will flood again.",
            "believe",
            Stance::Assert,
            "the river",
        ),
        (
            "The ministry expects the river to fall by Friday.",
            "expects",
            Stance::Assert,
            "the river",
        ),
        (
            "The engineer wrote that the cracks were deep.",
            "wrote",
            Stance::Assert,
            "the cracks",
        ),
        (
            "The guild posted that the valley must be evacuated.",
            "posted",
            Stance::Assert,
            "the valley",
        ),
        (
            "The mayor expressed that the ban was regrettable.",
            "expressed",
            Stance::Assert,
            "the ban",
        ),
        (
            "The guild questioned whether the dam was inspected.",
            "questioned",
            Stance::Question,
            "whether",
        ),
        (
            "The ministry refused to confirm whether the dam had cracked.",
            "refused to confirm",
            Stance::RefuseToConfirm,
            "whether",
        ),
        (
            "The ministry declined to comment on the cracks in the dam.",
            "declined to comment",
            Stance::RefuseToConfirm,
            "on the cracks",
        ),
        (
            "The engineer was quoted as saying that the dam was old.",
            "was quoted as saying",
            Stance::Assert,
            "the dam",
        ),
    ];
    for (text, cue, stance, content) in cases {
        let g = one(text);
        assert_eq!(g.cue, *cue, "{text}");
        assert_eq!(g.stance, *stance, "{text}");
        assert!(g.content[0].starts_with(content), "{text}: {g:#?}");
        assert!(!g.source.is_empty(), "{text}");
    }
}

#[test]
fn adding_to_a_thing_is_no_speech() {
    let all = cited("Tomas Berg said that the new cracks added to the evidence of decay.");
    assert_eq!(all.len(), 1, "{all:#?}");
    let all = cited("“It will hold,” Tomas Berg added to reporters.");
    assert_eq!(all.len(), 1, "{all:#?}");
    assert_eq!(all[0].cue, "added");
}

#[test]
fn idioms_with_to_say_are_no_cues() {
    let all =
        cited("The guild is small, so it is hard to say what its future will be, Tomas Berg said.");
    assert_eq!(all.len(), 1, "{all:#?}");
    assert_eq!(all[0].source, "Tomas Berg");
    assert!(all[0].via.is_empty(), "{all:#?}");
    assert!(crate::attribution::cues::is_idiomatic_say("is hard to say"));
    assert!(!crate::attribution::cues::is_idiomatic_say(
        "went on to say"
    ));
}

#[test]
fn nouns_that_look_like_cues_are_not_cues() {
    for text in [
        "Twelve states held votes on the new port tax.",
        "Several reports of flooding came in overnight.",
        "The questions about the dam went unanswered for weeks.",
        "His claims were not new to anyone in the valley.",
    ] {
        assert!(cited(text).is_empty(), "{text}: {:#?}", cited(text));
    }
}

#[test]
fn the_post_reads() {
    let g = one("The post reads: “The dam will not hold another winter.”");
    assert_eq!((g.source.as_str(), g.cue.as_str()), ("The post", "reads"));
    assert_eq!(g.kind, AttributionKind::Direct);
    assert!(cited("She reads the paper every morning before work.").is_empty());
}

#[test]
fn a_verb_of_finding_is_a_cue_after_a_document_or_an_inquiry_only() {
    let g = one("The investigation placed guild agents at the pier on the night of the fire.");
    assert_eq!(g.source, "The investigation");
    assert_eq!(g.cue, "placed");
    let g = one("The court also recognised that the guild had controlled the pier.");
    assert_eq!(g.source, "The court");
    assert_eq!(g.content, ["the guild had controlled the pier"]);
    // or in the clause joined to one the inquiry opens
    let g = one(
        "In its verdict, the court also qualified the raid as an act of war and \
         recognised that the guild had controlled the pier.",
    );
    assert_eq!(
        (g.source.as_str(), g.cue.as_str()),
        ("the court", "recognised")
    );
    assert_eq!(g.content, ["the guild had controlled the pier"]);
    // not after another subject, nor inside what another cue reports
    assert!(cited("Rescuers found ten bodies near the pier.").is_empty());
    let all = cited("Tomas Berg admitted the inquiry had found no trace of sabotage.");
    assert_eq!(all.len(), 1, "{all:#?}");
    assert_eq!(
        all[0].content,
        ["the inquiry had found no trace of sabotage"]
    );
}

#[test]
fn a_participle_on_the_noun_before_it_speaks_for_that_noun() {
    let all = cited(
        "Tomas Berg dismissed the statements by guild officials claiming that the pier \
         had been burned on purpose.",
    );
    let g = all
        .iter()
        .find(|g| g.cue == "claiming")
        .unwrap_or_else(|| panic!("{all:#?}"));
    assert_eq!(g.source, "guild officials", "{all:#?}");
    assert_eq!(
        g.content,
        ["the pier had been burned on purpose"],
        "{all:#?}"
    );
}

#[test]
fn a_passive_that_passes_on_no_words_is_no_cue() {
    let all = cited(
        "No casualties were reported on the ground from the crash, a representative of \
         the harbour service said.",
    );
    assert_eq!(all.len(), 1, "{all:#?}");
    assert_eq!(all[0].source, "a representative of the harbour service");
    assert_eq!(
        all[0].content,
        ["No casualties were reported on the ground from the crash"]
    );
    // with an agent, or a clause soon after it, the passive reports
    let g = one("The fire was reported by the Courier on Monday.");
    assert_eq!(
        (g.source.as_str(), g.cue.as_str()),
        ("the Courier", "reported")
    );
    for (text, bare) in [
        ("It was reported on Monday that the pier had burned.", false),
        ("No casualties were reported on the ground.", true),
    ] {
        let article = crate::corpus::Article::new("t", text);
        let toks =
            crate::attribution::tokens::sentence_toks(&article.text, article.tokens(), 0, true);
        let at = toks.iter().position(|t| t.is("reported")).unwrap();
        assert_eq!(super::bare_passive(&toks, at), bare, "{text}");
    }
}
