//! Coreference: the earlier mention a pronoun ("she", "it"), a role noun ("the
//! spokesperson") or a document or body ("the report", "the group") stands for.

use super::lexicon::*;
use super::mentions::Wanted;
use super::rules::Ctx;
use super::Attribution;
use crate::text::Span;

/// The earlier mention the source mention `src` of sentence `sspan` stands for.
pub(super) fn coreference(ctx: &Ctx, src: Span, sspan: Span) -> Option<Span> {
    let text = ctx.text;
    let np = src.slice(text).to_lowercase().replace('’', "'");
    let words: Vec<&str> = np.split_whitespace().collect();
    let head = *words.last()?;
    // "the report", "this statement", and "its (own) review", "their assessment", whose
    // possessive stands for the body that made it
    // ("the long-awaited report", "the final statement": one lower-case modifier too)
    let modifier_only = words.len() == 3
        && src
            .slice(text)
            .split_whitespace()
            .nth(1)
            .is_some_and(|w| !w.starts_with(|c: char| c.is_uppercase()));
    let definite = ((words.len() <= 2 || modifier_only)
        && matches!(words.first(), Some(&"the") | Some(&"this") | Some(&"that")))
        || (words.len() <= 3
            && matches!(words.first(), Some(&"its") | Some(&"their"))
            && (words.len() == 2 || words[1] == "own"));
    // who an earlier attribution's speaker is
    let speaker = |a: &Attribution| a.antecedent.or(a.head).unwrap_or(a.source[0]);
    // the nearest organisation named in the sentence before
    let named_before = || {
        let k = ctx.sentences.partition_point(|s| s.span.end <= sspan.start);
        let prev = ctx.sentences[..k].last().map(|s| s.span)?;
        ctx.mentions
            .within(prev)
            .find(|m| m.known && !m.person)
            .map(|m| m.span)
    };
    match np.as_str() {
        "she" | "he" => {
            // "He added: “…,” he said": the speaker of the sentence's earlier cue, when a
            // person
            let earlier = ctx
                .last_cited()
                .filter(|a| a.cue.first().is_some_and(|c| sspan.contains(*c)))
                .map(speaker)
                .filter(|s| ctx.mentions.within(*s).any(|m| m.person));
            // otherwise the person cited in the sentences just before, else the nearest
            // person named outside quotations: a name the quoted speaker says is not who
            // the narrator's pronoun stands for
            return earlier
                .or_else(|| subject_of_uncited_sentence_before(ctx, sspan))
                .or_else(|| last_person_cited_before(ctx, sspan, speaker))
                .or_else(|| {
                    ctx.mentions
                        .nearest_before(src.start, Wanted::UnquotedPerson)
                        .map(|m| m.span)
                });
        }
        "they" | "it" | "we" => {
            // "The guild closed the pier, pending what it said were repairs": the
            // organisation that is the subject of the pronoun's own sentence
            let own_subject = ctx
                .mentions
                .within(Span::new(sspan.start, src.start))
                .next()
                .filter(|m| m.known && !m.person && m.span.start <= subject_start(text, sspan) + 4)
                .filter(|_| src.start > sspan.start + SUBJECT_REACH)
                .filter(|_| {
                    !ctx.last_cited()
                        .is_some_and(|a| a.cue.first().is_some_and(|c| sspan.contains(*c)))
                })
                .map(|m| m.span);
            return own_subject
                .or_else(|| ctx.last_cited().map(speaker))
                .or_else(named_before);
        }
        // "a report by the council that concluded", "Peskov, who said": the name that
        // ends the noun phrase the relative clause hangs on
        "who" | "which" | "that" => {
            return [Wanted::Known, Wanted::Person]
                .into_iter()
                .find_map(|want| {
                    ctx.mentions
                        .nearest_before(src.start, want)
                        .filter(|m| {
                            m.span.start >= sspan.start && m.span.end + RELATIVE_REACH >= src.start
                        })
                        .map(|m| m.span)
                });
        }
        _ => {}
    }
    // a phrase that is itself a name the gazetteer knows ("the ministry") stands for itself
    let named_in_np = ctx.mentions.within(src).any(|m| m.known);
    if definite && in_list(DOCUMENT_NOUNS, head) && !named_in_np {
        // "The union issued a statement. The statement added ...": the document the
        // sentence before introduced ("a statement") is the organisation's named there
        // (not when the document speaks there itself: "..., a report released on Friday
        // said")
        let introduced = || {
            let k = ctx.sentences.partition_point(|s| s.span.end <= sspan.start);
            let prev = ctx.sentences[..k].last().map(|s| s.span)?;
            let speaks = ctx
                .cited_latest_first()
                .take(DESCRIPTION_LOOKBACK)
                .any(|a| {
                    a.cue.first().is_some_and(|c| prev.contains(*c))
                        && a.source
                            .first()
                            .is_some_and(|s| s.slice(text).to_lowercase().contains(head))
                });
            (!speaks && introduces(prev.slice(text), head))
                .then(named_before)
                .flatten()
        };
        // "the ministry said in a statement ... . “…,” the statement read": the speaker
        // of a recent attribution whose sentence introduced such a document
        let issued_with = || {
            ctx.cited_latest_first()
                .take(DESCRIPTION_LOOKBACK)
                .find(|a| {
                    // the document named outside the speaker's own words: "a report
                    // declassified on Friday said" names no issuer
                    let (Some(c), Some(own)) = (a.cue.first(), a.source.first()) else {
                        return false;
                    };
                    sentence_of(ctx, c.start)
                        .is_some_and(|s| !s.contains(src) && introduced_beside(text, s, *own, head))
                })
                .map(speaker)
        };
        return introduced()
            .or_else(issued_with)
            .or_else(|| ctx.last_cited().map(speaker))
            .or_else(named_before);
    }
    if in_list(ROLE_NOUNS, head) {
        if named_in_np {
            return None;
        }
        if definite {
            let same = ctx.last_cited_with_role(head).map(speaker);
            if same.is_some() {
                return same;
            }
        }
        // "with spokespeople claiming": the organisation named just before, unless it
        // reports these words ("the Herald reported that officials ... said")
        let reports = |m: Span| {
            ctx.cited_latest_first().take(2).any(|a| {
                a.source.iter().any(|s| s.contains(m)) && a.content.iter().any(|c| c.contains(src))
            })
        };
        return ctx
            .mentions
            .nearest_before(src.start, Wanted::Organisation)
            .filter(|m| m.span.start + 600 >= sspan.start && !reports(m.span))
            .map(|m| m.span);
    }
    // "The channel vowed ...": a definite description of one word that the gazetteer does
    // not know stands for a speaker cited lately under that noun ("the Grey Zone Telegram
    // channel said")
    if definite && words.len() == 2 && !named_in_np && head.chars().all(char::is_alphabetic) {
        return ctx
            .cited_latest_first()
            .take(DESCRIPTION_LOOKBACK)
            .find(|a| {
                a.source.first().is_some_and(|s| {
                    !s.overlaps(src)
                        && s.slice(text)
                            .to_lowercase()
                            .split(|c: char| !c.is_alphanumeric())
                            .any(|w| w == head)
                })
            })
            .map(speaker);
    }
    None
}

/// Whether `sentence` introduces a document under the noun `head` ("a statement").
fn introduces(sentence: &str, head: &str) -> bool {
    let mut after_article = false;
    for w in sentence
        .split(|c: char| !c.is_alphanumeric())
        .filter(|w| !w.is_empty())
    {
        if after_article && w.eq_ignore_ascii_case(head) {
            return true;
        }
        after_article = w.eq_ignore_ascii_case("a") || w.eq_ignore_ascii_case("an");
    }
    false
}

/// Whether `sentence` introduces a document under the noun `head` outside the speaker's
/// own words `own`: "said in a statement" does, "a report declassified on Friday said"
/// (whose speaker is the report) does not.
pub(super) fn introduced_beside(text: &str, sentence: Span, own: Span, head: &str) -> bool {
    let (s, e) = (sentence.start, sentence.end);
    introduces(&text[s..own.start.clamp(s, e)], head)
        || introduces(&text[own.end.clamp(s, e)..e], head)
}

/// The sentence that holds byte `pos`.
fn sentence_of(ctx: &Ctx, pos: usize) -> Option<Span> {
    let k = ctx.sentences.partition_point(|s| s.span.end <= pos);
    ctx.sentences
        .get(k)
        .map(|s| s.span)
        .filter(|s| s.start <= pos)
}

/// How many cited attributions back a definite description looks for its speaker, from
/// the rules here and from what the tagger alone found (`model_only`).
pub(super) const DESCRIPTION_LOOKBACK: usize = 8;

/// How far into its sentence, in bytes, a name may start and still be taken for the
/// sentence's subject ("Still, Dr. Lind, who ...").
const SUBJECT_REACH: usize = 16;

/// The person who opens the sentence just before `sspan`, when no one is cited in it: "Dr.
/// Lind, who ..., doubled down in his testimony. Still, he said ..." is Lind, not a speaker
/// cited earlier.
fn subject_of_uncited_sentence_before(ctx: &Ctx, sspan: Span) -> Option<Span> {
    let k = ctx.sentences.partition_point(|s| s.span.end <= sspan.start);
    let prev = ctx.sentences[..k].last()?.span;
    let cited_in_prev = ctx
        .last_cited()
        .and_then(|a| a.cue.first())
        .is_some_and(|c| prev.contains(*c));
    if cited_in_prev {
        return None;
    }
    let opens = subject_start(ctx.text, prev);
    ctx.mentions
        .within(Span::new(opens, prev.end))
        .next()
        .filter(|m| m.person && !m.quoted && m.span.start <= opens + SUBJECT_REACH)
        .map(|m| m.span)
}

/// Where the subject of sentence `s` may start: after an opening adjunct that a comma ends
/// ("After a day of silence, Tomas Berg paid ..."), else at the sentence's start. Only the
/// first [`ADJUNCT_REACH`] bytes are read.
fn subject_start(text: &str, s: Span) -> usize {
    let t = s.slice(text);
    let mut cut = t.len().min(ADJUNCT_REACH + 2);
    while !t.is_char_boundary(cut) {
        cut -= 1;
    }
    let head = &t[..cut];
    let first = head
        .split(|c: char| !c.is_alphanumeric())
        .find(|w| !w.is_empty())
        .unwrap_or("")
        .to_lowercase();
    let adjunct = in_list(PREPOSITIONS, &first) || in_list(INTRO_WORDS, &first);
    match head.find(", ") {
        Some(c) if adjunct && c <= ADJUNCT_REACH => s.start + c + 2,
        _ => s.start,
    }
}

/// How long, in bytes, an opening adjunct before the subject may be.
const ADJUNCT_REACH: usize = 60;

/// How far before a relative pronoun, in bytes, the name it stands for may end.
const RELATIVE_REACH: usize = 80;

/// How many sentences of its own paragraph a pronoun's sentence looks back over before
/// the window of [`CITED_SENTENCES`] opens.
const QUOTATION_SENTENCES: usize = 12;

/// How many sentences back a pronoun looks for the person last cited.
const CITED_SENTENCES: usize = 2;

/// The speaker of the last attribution cited in the [`CITED_SENTENCES`] sentences before
/// the paragraph of `sspan` or in that paragraph's earlier sentences (at most
/// [`QUOTATION_SENTENCES`] of them), when a person by name or by a role of
/// [`PERSON_ROLES`]: "Tomas Berg, head of the board, said ... . “…,” he said" is Berg, not
/// a name in between.
fn last_person_cited_before(
    ctx: &Ctx,
    sspan: Span,
    speaker: impl Fn(&Attribution) -> Span,
) -> Option<Span> {
    // the window opens before the sentence's paragraph: the earlier sentences of a
    // quotation that runs over several before its "he said" do not use it up
    let k = ctx.sentences.partition_point(|s| s.span.end <= sspan.start);
    let paragraph = ctx.sentences.get(k).map(|s| s.paragraph);
    let lo = k.saturating_sub(QUOTATION_SENTENCES);
    let opens = ctx.sentences[lo..k]
        .iter()
        .rposition(|s| Some(s.paragraph) != paragraph)
        .map_or(lo, |i| lo + i + 1);
    let from = ctx.sentences[opens.saturating_sub(CITED_SENTENCES)..k]
        .first()?
        .span
        .start;
    // the latest attribution of the window whose speaker is a person: a report by a body
    // in between ("..., the ministry said") does not take the pronoun
    for a in ctx.cited_latest_first() {
        let Some(cue) = a.cue.first() else { continue };
        if cue.start < from {
            return None;
        }
        if cue.start >= sspan.start {
            continue;
        }
        // the name itself, not the whole source phrase with its title
        let who = speaker(a);
        if let Some(m) = ctx.mentions.within(who).find(|m| m.person && !m.quoted) {
            return Some(m.span);
        }
        // the name of "Tomas Berg, head of the board," that the registry knows whole
        if ctx
            .mentions
            .starting_at(who.start)
            .is_some_and(|m| m.person && !m.quoted)
        {
            return Some(who);
        }
        // "according to the diplomat": a person named by a role
        let last = who.slice(ctx.text).rsplit(' ').next().unwrap_or("");
        if in_list(PERSON_ROLES, &last.to_lowercase()) {
            return Some(who);
        }
    }
    None
}

#[cfg(test)]
mod tests {
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
}
