//! The extraction rules: cues, source noun phrases, content, quotes that run over several
//! sentences or paragraphs, nested reports, coreference and blocks.
//!
//! One sentence at a time, each cue found by [`find_cues`] gets a source (the noun phrase
//! before it, or after it in "…, said X", or the subject of the clause) and content (what
//! follows it, or what comes before the source in "“…,” the spokesperson said"). A pass
//! over the whole article then grows quoted content to the whole quotation (over sentences
//! and over paragraphs that reopen it), attaches fully quoted sentences that follow a
//! quote to its speaker, and drops the article's own voice from sentences that turned out
//! to be quoted.

use super::content::*;
use super::cue_finder::{find_cues, is_number, CueHit};
use super::cues::{self, Stance};
use super::lexicon::*;
use super::mentions::{Mentions, Wanted};
use super::phrases::*;
use super::prepare::{Prepared, Sentence};
use super::quotes::{closes, Around, Quotes};
use super::tokens::{tokenize, Tok};
use super::{Attribution, AttributionKind};
use crate::corpus::Article;
use crate::sources::Gazetteer;
use crate::text::{self, Span};

struct Ctx<'a> {
    text: &'a str,
    sentences: &'a [text::Sentence],
    mentions: &'a Mentions,
    out: Vec<Attribution>,
}

/// Finds the attributions of an article. The names of `gazetteer` are found in the text
/// to tell what pronouns and role nouns stand for.
pub fn extract(article: &Article, gazetteer: &Gazetteer) -> Vec<Attribution> {
    let text = article.text.as_str();
    let prepared = Prepared::new(article, gazetteer);
    let mut ctx = Ctx {
        text,
        sentences: &article.sentences,
        mentions: &prepared.mentions,
        out: Vec::new(),
    };
    let mut block: Option<Span> = None;
    for (si, sent) in article.sentences.iter().enumerate() {
        if let Some(h) = header(text, article.paragraphs[sent.paragraph]) {
            block = Some(h);
            continue;
        }
        let Some(s) = prepared.sentence(si) else {
            continue;
        };
        let before = ctx.out.len();
        sentence(&mut ctx, &s);
        if ctx.out.len() == before && is_statement(&s.toks) {
            ctx.out.push(Attribution {
                sentence: si,
                kind: AttributionKind::Author,
                source: Vec::new(),
                head: None,
                antecedent: None,
                cue: Vec::new(),
                cue_lemma: String::new(),
                stance: Stance::Assert,
                content: vec![sent.span],
                modifiers: Vec::new(),
                via: Vec::new(),
                affiliation: None,
                relays: false,
            });
        }
        if let Some(h) = block {
            for a in &mut ctx.out[before..] {
                if !a.via.contains(&h) {
                    a.via.push(h);
                }
            }
        }
    }
    let mut out = ctx.out;
    extend_quotes(article, &prepared.quotes, &mut out);
    out
}

/// A block header: a paragraph of at most five words ending in a colon ("Reuters:").
/// Returns the name without the colon.
fn header(text: &str, p: Span) -> Option<Span> {
    let s = p.slice(text).trim_end();
    let name = s.strip_suffix(':')?;
    (crate::text::sentences::is_block_header(s) && !name.contains(['.', '“', '"']))
        .then(|| Span::new(p.start, p.start + name.len()).trim(text))
}

fn is_statement(toks: &[Tok]) -> bool {
    let words = toks.iter().filter(|t| t.word).count();
    words >= 3 && !toks.last().is_some_and(|t| t.is("?"))
}

/// The result of reading one cue's frame.
struct Frame {
    source: Option<(usize, usize)>,
    head: Option<(usize, usize)>,
    content: Option<(usize, usize)>,
    via: Vec<Span>,
    modifiers: Vec<Span>,
    /// The speaker is the previous attribution's of this sentence.
    inherit: bool,
    /// More content after the cue's adjunct, for content written around the frame.
    rest: Option<(usize, usize)>,
    /// The content is the quotation of a neighbouring sentence (see [`Around`]).
    neighbour: Option<Span>,
}

fn verb_frame(
    ctx: &Ctx,
    sspan: Span,
    toks: &[Tok],
    hit: &CueHit,
    next: Option<&CueHit>,
    has_prev: bool,
    around: Around,
) -> Frame {
    let mut f = Frame {
        source: None,
        head: None,
        content: None,
        via: Vec::new(),
        modifiers: Vec::new(),
        inherit: false,
        rest: None,
        neighbour: None,
    };
    // walk back over auxiliaries and adverbs
    let j = frame_start(toks, hit);
    for t in &toks[j..hit.start] {
        if t.lower.ends_with("ly") && !t.capitalised() {
            f.modifiers.push(t.span);
        }
    }
    let mut inverted = false;
    // passive: "was asked", "is expected", "asked by the host": the speaker is the agent
    // after "by", if named; the subject before is who was asked or told
    let cue_word = &toks[hit.start];
    let participle = hit.end == hit.start + 1
        && (cue_word.lower.ends_with("ed") || in_list(IRREGULAR_PARTICIPLES, &cue_word.lower));
    let be_before = toks[j..hit.start]
        .iter()
        .any(|t| in_list(BE_FORMS, &t.lower));
    let by_agent = toks
        .get(hit.end)
        .filter(|t| t.is("by"))
        .and_then(|_| np_after(toks, hit.end + 1));
    let passive = participle && (be_before || by_agent.is_some());
    let mut c_start = hit.end;
    if passive {
        f.source = by_agent;
        if let Some((_, e)) = by_agent {
            c_start = e;
        }
    } else if j > 0 && toks[j - 1].is("to") {
        // an infinitive: after a verb that makes someone speak ("prompted some of Putin's
        // allies to claim") the speaker is that verb's object, the name just before "to";
        // otherwise ("are more likely to say", "went on to say") it is the subject of the
        // sentence
        let to = j - 1;
        let object = np_before(toks, to);
        let causative = object.is_some_and(|(s, _)| {
            s > 0 && toks[s - 1].word && CAUSATIVE.iter().any(|c| toks[s - 1].lower.starts_with(c))
        });
        let named = ctx
            .mentions
            .nearest_before(toks[to].span.start, Wanted::Known)
            .filter(|m| sspan.contains(m.span))
            .and_then(|m| {
                let s = toks.iter().position(|t| t.span.start >= m.span.start)?;
                let e = toks.iter().position(|t| t.span.start >= m.span.end);
                Some((s, e.unwrap_or(toks.len())))
            });
        f.source = if causative {
            named.or(object)
        } else {
            named
                .or(subject_np(toks).filter(|&(_, e)| e <= to))
                .or(object.filter(|&(s, e)| toks[s..e].iter().any(|t| t.capitalised())))
        };
    } else if j > 0 && toks[j - 1].is(",") && toks[hit.start].lower.ends_with("ing") {
        // "..., the US Embassy in Turkey, warning of ...": the name before the comma, else
        // the speaker of the clause before, else the subject of the sentence
        let before = np_before(toks, j - 1).filter(|(s, e)| {
            let sp = span_of(toks, *s, *e);
            ctx.mentions.within(sp).any(|m| m.known)
        });
        if before.is_some() {
            f.source = before;
        } else if has_prev {
            f.inherit = true;
        } else {
            f.source = np_after(toks, first_word(toks));
        }
    } else {
        f.source = np_before(toks, j);
        // "Hillary Clinton on Tuesday said": the name before the day
        if let Some((s, e)) = f.source {
            let only_time = toks[s..e].iter().all(|t| in_list(TIME_WORDS, &t.lower));
            if only_time && s >= 1 && in_list(BEFORE_DAY, &toks[s - 1].lower) {
                if let Some(before) = np_before(toks, s - 1) {
                    f.source = Some(before);
                }
            }
        }
        if f.source.is_none() && j > 0 && toks[j - 1].is(",") {
            if let Some((whole, head)) = appositive_before(toks, j - 1) {
                f.source = Some(whole);
                f.head = Some(head);
            }
        }
        if f.source.is_none() && j > 0 && toks[j - 1].is_mark(&[',', '”', '"', '\'', '—']) {
            // inverted: "“…,” said Peskov", "…, said Elena Marsh, the port's spokeswoman."
            if let Some((s, e)) = np_after(toks, hit.end) {
                let ends = e >= toks.len()
                    || toks[e].is_mark(&[',', '.', ':', ';', '—', '?', '!'])
                    || toks[e..].iter().all(|t| !t.word);
                // "said the man who built ...": the relative clause runs to the end
                let relative = !ends
                    && (toks[e].is("who") || toks[e].is("whose"))
                    && !toks[e..].iter().any(|t| t.quoted);
                let named = toks[s].capitalised()
                    || in_list(DETERMINERS, &toks[s].lower)
                    || in_list(PRONOUNS, &toks[s].lower)
                    || is_number(&toks[s]);
                if (ends || relative) && named {
                    inverted = true;
                    let stop = toks
                        .iter()
                        .rposition(|t| t.word)
                        .map_or(toks.len(), |k| k + 1);
                    match appositive_after(toks, e) {
                        _ if relative => {
                            f.source = Some((s, stop.max(e)));
                            f.head = Some((s, e));
                        }
                        Some(ae) => {
                            f.source = Some((s, ae));
                            f.head = Some((s, e));
                        }
                        None => f.source = Some((s, e)),
                    }
                    f.content = Some((0, j));
                }
            }
        }
        if f.source.is_none() && j > 0 && toks[j - 1].is(",") {
            // "Russia, always paranoid about ..., has accused": the opening phrase
            let start = first_word(toks);
            if let Some(c) = toks.iter().position(|t| t.is(",")) {
                if c > start && c <= start + 6 && toks[start].capitalised() {
                    f.source = np_after(toks, start).filter(|(_, e)| *e == c);
                }
            }
        }
        if f.source.is_none() && j > 0 && (toks[j - 1].is("and") || toks[j - 1].is("but")) {
            // "Graham called both ... and said": the speaker of the clause before, else the
            // subject of the sentence
            if has_prev {
                f.inherit = true;
            } else {
                f.source = subject_np(toks).filter(|(_, e)| *e < j);
            }
        }
        if f.source.is_none()
            && j > 0
            && j == hit.start
            && (toks[j - 1].is("who") || toks[j - 1].is("which"))
        {
            // "Barkley, who said ...": the relative pronoun, as annotators mark it
            f.source = Some((j - 1, j));
        }
    }
    if inverted {
        return f;
    }
    // content after the cue
    let mut c = c_start;
    let mut after_comma = false;
    while c < toks.len() && toks[c].is_mark(&[',', ':']) {
        after_comma |= toks[c].is(",");
        c += 1;
    }
    let says_to = in_list(SAY_TO_LEMMAS, &hit.lemma);
    if c < toks.len() && toks[c].is("to") && says_to {
        let s = c + 1;
        let named = toks.get(s).is_some_and(|t| t.capitalised())
            || (toks.get(s).is_some_and(|t| t.is("the"))
                && toks.get(s + 1).is_some_and(|t| t.capitalised()));
        if let (true, Some((s, e))) = (named, np_after(toks, s)) {
            f.via.push(span_of(toks, s, e));
            c = e;
        }
    } else if hit.lemma == "ask" {
        // "asked Clinton whether ...": the person asked is not content
        let question = |k: usize| {
            toks.get(k).is_some_and(|t| {
                in_list(QUESTION_WORDS, &t.lower) || opens_quote(toks, k) || t.is(":")
            })
        };
        if !question(c) {
            if let Some((_, e)) = np_after(toks, c).filter(|&(_, e)| question(e)) {
                c = e;
            }
        }
    } else if hit.lemma == "tell" {
        if let Some((s, e)) = np_after(toks, c) {
            if toks[s].capitalised()
                || (toks[s].is("the") && toks.get(s + 1).is_some_and(|t| t.capitalised()))
            {
                f.via.push(span_of(toks, s, e));
            }
            c = e;
        }
    }
    let end = content_end(toks, c, next);
    let mut time_skipped = false;
    if let Some(k) = skip_frame(toks, c, end) {
        c = k;
    } else if let Some(k) = adjunct_then_that(toks, c, end).filter(|_| !after_comma) {
        c = k;
    } else {
        while c < end && toks[c].word && in_list(TIME_WORDS, &toks[c].lower) {
            c += 1;
            time_skipped = true;
        }
    }
    while c < toks.len() && toks[c].is_mark(&[',', ':']) {
        after_comma |= toks[c].is(",");
        c += 1;
    }
    if c < end && toks[c].is("that") {
        c += 1;
    }
    if matches!(hit.stance, Stance::Warn) && c < end && (toks[c].is("of") || toks[c].is("about")) {
        c += 1;
    }
    let after_words = toks
        .get(c..end)
        .map_or(0, |ts| ts.iter().filter(|t| t.word).count());
    let directive = in_list(DIRECTIVE_LEMMAS, &hit.lemma);
    let first_after = toks
        .get(c)
        .filter(|t| t.word && !t.quoted && !t.capitalised());
    // "said, citing ...": a participle after a comma is an adjunct, not content
    let participle = first_after
        .is_some_and(|t| after_comma && t.lower.ends_with("ing") && t.lower != "nothing");
    let preposition = first_after.is_some_and(|t| {
        in_list(PREPOSITIONS, &t.lower)
            && !(directive && t.is("to"))
            && !matches!(hit.stance, Stance::RefuseToConfirm)
    });
    // trailing: "“...,” the spokesperson said." — content before the source
    let before = match f.source {
        Some((s, _)) if s < j => Some((0, s)),
        _ => None,
    };
    let before_words = before.map_or(0, |(s, e)| toks[s..e].iter().filter(|t| t.word).count());
    let before_quoted = before.is_some_and(|(s, e)| toks[s..e].iter().any(|t| t.word && t.quoted));
    // "“...,” X said ...": a quotation closed just before the speaker is the content, unless
    // "that" or another quotation follows the cue
    let quote_then_source = before.is_some_and(|(s, e)| {
        let words = toks[s..e].iter().filter(|t| t.word).count();
        let quoted = toks[s..e].iter().filter(|t| t.word && t.quoted).count();
        2 * quoted >= words
            && toks[s..e]
                .iter()
                .rev()
                .find(|t| !t.is(","))
                .is_some_and(|t| t.is_mark(&['”', '"', '\'']))
    });
    // "<content>, EgyptAir said on Thursday.": after a comma, a speaker whose cue is
    // followed only by an adjunct closes the sentence
    let adjunct_after = time_skipped || preposition || participle || after_words == 0;
    // ... unless what comes before is itself an opening adjunct ("For his part, X said")
    let opens_with_adjunct = before.is_some_and(|(s, _)| {
        toks[s..].iter().find(|t| t.word).is_some_and(|t| {
            in_list(INTRO_WORDS, &t.lower)
                || in_list(PREPOSITIONS, &t.lower)
                || in_list(TIME_WORDS, &t.lower)
                || t.lower.ends_with("ing")
                || t.lower.ends_with("ed")
        })
    });
    let source_after_comma =
        !opens_with_adjunct && f.source.is_some_and(|(s, _)| s > 0 && toks[s - 1].is(","));
    let said_that = hit.end < c && toks[c - 1].is("that") || opens_quote(toks, c);
    // "75 percent said yes", "half said so"
    let one_word_answer = after_words == 1
        && toks
            .get(c)
            .is_some_and(|t| in_list(SHORT_ANSWERS, &t.lower));
    let after_ok = (after_words >= 2 || one_word_answer)
        && !participle
        && !(preposition && before_quoted)
        && (!quote_then_source || said_that)
        && !(adjunct_after && source_after_comma && before_words >= 3);
    let ends_in_colon = toks
        .iter()
        .rev()
        .find(|t| !t.is_mark(&['“', '"', '\'']))
        .is_some_and(|t| t.is(":"));
    let nothing_before = before_words == 0 && !f.inherit;
    if ends_in_colon && around.next_quote.is_some() && (adjunct_after || !after_ok) {
        // "... said about the platform: / “The platform goes further ...”"
        f.content = None;
        f.neighbour = around.next_quote;
    } else if nothing_before && adjunct_after && around.prev_quote.is_some() && f.source.is_some() {
        // "“…!” / Senator Sessions said as he opened the vote."
        f.content = None;
        f.neighbour = around.prev_quote;
    } else if after_ok {
        f.content = Some((c, end));
    } else if before_words >= 2 || before_quoted {
        f.content = before;
        // "If she wins, Clinton suggested in a tweet, women will ...": the content goes on
        // after the adjunct
        if source_after_comma && adjunct_after {
            if let Some(k) = (c..end).find(|&k| toks[k].is(",")) {
                let rest = &toks[k + 1..end];
                let words = rest.iter().filter(|t| t.word).count();
                let plain = rest.first().is_some_and(|t| {
                    t.word && !t.lower.ends_with("ing") && !in_list(PREPOSITIONS, &t.lower)
                });
                if words >= 3
                    && plain
                    && !rest
                        .iter()
                        .any(|t| t.word && cues::lookup(t.text).is_some())
                {
                    f.rest = Some((k + 1, end));
                }
            }
        }
    }
    f
}

/// "In a report, the guild found that ...": a nominal frame with a verb that is not a cue.
fn nominal_frame(toks: &[Tok]) -> Option<(Span, Range, Range)> {
    let s = first_word(toks);
    if !toks.get(s).is_some_and(|t| t.is("in")) {
        return None;
    }
    let comma = (s + 1..toks.len().min(s + 6)).find(|&k| toks[k].is(","))?;
    let words = &toks[s + 1..comma];
    if !words.iter().any(|t| in_list(FRAME_NOUNS, &t.lower))
        || !words
            .first()
            .is_some_and(|t| in_list(DETERMINERS, &t.lower))
    {
        return None;
    }
    // the speaker runs to the verb: the word before "that", else the end of the noun phrase
    let that = (comma + 2..toks.len().min(comma + 10)).find(|&k| toks[k].is("that"));
    let (ns, ne, c) = match that {
        Some(t) => (comma + 1, t - 1, t + 1),
        None => {
            let (ns, ne) = np_after(toks, comma + 1)?;
            (ns, ne, ne + 1)
        }
    };
    let verb = toks.get(ne)?;
    if ns >= ne
        || !verb.word
        || verb.capitalised()
        || in_list(BOUNDARY, &verb.lower)
        || !toks[ns..ne].iter().all(|t| t.word && !t.quoted)
    {
        return None;
    }
    (toks[c.min(toks.len())..].iter().filter(|t| t.word).count() >= 3)
        .then(|| (span_of(toks, s, comma), (ns, ne), (c, toks.len())))
}

fn sentence(ctx: &mut Ctx, s: &Sentence) {
    let text = ctx.text;
    let (si, sspan, toks, around) = (s.index, s.span, s.toks.as_slice(), s.around);
    let hits = find_cues(toks);
    let first_in_sentence = ctx.out.len();
    if hits.is_empty() {
        if let Some((cue, (ns, ne), (cs, ce))) = nominal_frame(toks) {
            if let Some(cspan) = content_span(text, toks, cs, ce) {
                let src = span_of(toks, ns, ne);
                let antecedent = coreference(ctx, src, sspan);
                ctx.out.push(Attribution {
                    sentence: si,
                    kind: kind_of(toks, &[cspan]),
                    source: vec![src],
                    head: None,
                    antecedent,
                    cue: vec![cue],
                    cue_lemma: "report".into(),
                    stance: Stance::Assert,
                    content: vec![cspan],
                    modifiers: Vec::new(),
                    via: Vec::new(),
                    affiliation: None,
                    relays: false,
                });
            }
        }
        return;
    }
    for (h, hit) in hits.iter().enumerate() {
        let next = hits.get(h + 1);
        let has_prev = ctx.out.len() > first_in_sentence;
        let f = if hit.according {
            according_frame(toks, hit)
        } else {
            verb_frame(ctx, sspan, toks, hit, next, has_prev, around)
        };
        let cspan = match (f.content, f.neighbour) {
            (Some((cs, ce)), _) => content_span(text, toks, cs, ce),
            (None, Some(q)) => Some(q.trim(text)),
            (None, None) => None,
        };
        let Some(cspan) = cspan else { continue };
        let mut content = vec![cspan];
        content.extend(f.rest.and_then(|(s, e)| content_span(text, toks, s, e)));
        let mut source_spans: Vec<Span> = f
            .source
            .map(|(s, e)| span_of(toks, s, e))
            .into_iter()
            .collect();
        let mut head = f.head.map(|(s, e)| span_of(toks, s, e));
        let mut antecedent = None;
        let mut via = f.via;
        if f.inherit {
            if let Some(prev) = ctx.out[first_in_sentence..].last() {
                source_spans = prev.source.clone();
                head = prev.head;
                antecedent = prev.antecedent;
                for v in &prev.via {
                    if !via.contains(v) {
                        via.push(*v);
                    }
                }
            }
        }
        if let Some(src) = head.or(source_spans.first().copied()) {
            antecedent = antecedent.or_else(|| coreference(ctx, src, sspan));
        }
        // a speaker resolved to an earlier attribution keeps that attribution's
        // intermediaries ("said to Newsweek ... However, the spokesperson refused")
        if let Some(ante) = antecedent {
            if let Some(prev) = ctx
                .out
                .iter()
                .rev()
                .find(|a| a.source.first() == Some(&ante) || a.antecedent == Some(ante))
            {
                for v in &prev.via {
                    if !via.contains(v) {
                        via.push(*v);
                    }
                }
            }
        }
        let affiliation = head
            .or(antecedent)
            .or(source_spans.first().copied())
            .and_then(|name| affiliation_of(ctx, name, source_spans.first().copied(), sspan));
        let kind = if hit.according {
            AttributionKind::AccordingTo
        } else if f.neighbour.is_some() {
            AttributionKind::Direct
        } else {
            kind_of(toks, &content)
        };
        let stance = cues::content_stance(hit.stance, cspan.slice(text));
        ctx.out.push(Attribution {
            sentence: si,
            kind,
            source: source_spans,
            head,
            antecedent,
            cue: vec![span_of(toks, hit.start, hit.end)],
            cue_lemma: hit.lemma.clone(),
            stance,
            content,
            modifiers: f.modifiers,
            via,
            affiliation,
            relays: false,
        });
    }
    relay_nested(&mut ctx.out[first_in_sentence..]);
}

/// "According to X, ..." and "..., according to X".
fn according_frame(toks: &[Tok], hit: &CueHit) -> Frame {
    let mut f = Frame {
        source: None,
        head: None,
        content: None,
        via: Vec::new(),
        modifiers: Vec::new(),
        inherit: false,
        rest: None,
        neighbour: None,
    };
    let Some((s, mut e)) = np_after(toks, hit.end) else {
        return f;
    };
    let mut head = None;
    if let Some(ae) = appositive_after(toks, e) {
        if toks.get(ae).is_some_and(|t| t.is(",")) {
            head = Some((s, e));
            e = ae;
        }
    }
    f.source = Some((s, e));
    f.head = head;
    let at_start = !toks[..hit.start].iter().any(|t| t.word);
    let after = toks[e..].iter().filter(|t| t.word).count();
    if at_start {
        f.content = Some((e, toks.len()));
    } else {
        // "X, according to Y, Z": the content runs around the frame
        f.content = Some((0, hit.start));
        let enclosed = toks.get(e).is_some_and(|t| t.is(","))
            && hit.start > 0
            && toks[hit.start - 1].is(",")
            && after >= 3
            && toks
                .get(e + 1)
                .is_some_and(|t| t.word && !in_list(RELATIVES, &t.lower));
        if enclosed {
            // a short opening belongs to the content; a long one is the article's own
            let before = toks[..hit.start].iter().filter(|t| t.word).count();
            if before <= 6 {
                f.rest = Some((e + 1, toks.len()));
            } else {
                f.content = Some((e + 1, toks.len()));
            }
        }
    }
    f
}

/// Marks the attributions of one sentence whose content holds another one's cue as relays,
/// and adds their speaker to the inner one's intermediaries.
fn relay_nested(atts: &mut [Attribution]) {
    for o in 0..atts.len() {
        for i in 0..atts.len() {
            if o == i {
                continue;
            }
            let inner_cue = atts[i].cue.first().copied();
            let holds = inner_cue.is_some_and(|c| atts[o].content.iter().any(|x| x.contains(c)))
                && atts[i]
                    .source
                    .iter()
                    .all(|s| atts[o].content.iter().any(|x| x.contains(*s)));
            let outer_src = atts[o]
                .antecedent
                .or(atts[o].head)
                .or(atts[o].source.first().copied());
            if holds && !atts[o].source.is_empty() {
                atts[o].relays = true;
                let mut add: Vec<Span> = outer_src.into_iter().collect();
                add.extend(atts[o].via.iter().copied());
                for v in add {
                    if !atts[i].via.contains(&v) && atts[i].source.first() != Some(&v) {
                        atts[i].via.push(v);
                    }
                }
            }
        }
    }
}

/// Grows quoted content to its whole quotation: over the sentences it spans, over the
/// paragraphs that reopen it, and over fully quoted sentences that follow the quote in the
/// same paragraph. The article's own voice is dropped from sentences now quoted.
fn extend_quotes(article: &Article, quotes: &Quotes, out: &mut Vec<Attribution>) {
    let text = article.text.as_str();
    let sents = &article.sentences;
    let region_at =
        |para: usize, span: Span| quotes.regions[para].iter().position(|q| q.overlaps(span));
    let trimmed = |q: Span| q.trim(text);
    // the quotation regions, over paragraphs, that hold a span
    let chain = |para: usize, qi: usize| -> Vec<Span> {
        let mut spans = vec![quotes.regions[para][qi]];
        let (mut p, mut i) = (para, qi);
        while i == 0 && p > 0 && quotes.continues[p] {
            p -= 1;
            match quotes.regions[p].len().checked_sub(1) {
                Some(last) => {
                    spans.insert(0, quotes.regions[p][last]);
                    i = last;
                }
                None => break,
            }
        }
        let (mut p, mut i) = (para, qi);
        while i + 1 == quotes.regions[p].len()
            && p + 1 < quotes.regions.len()
            && quotes.continues[p + 1]
            && !closes(text, quotes.regions[p][i])
        {
            p += 1;
            if quotes.regions[p].is_empty() {
                break;
            }
            spans.push(quotes.regions[p][0]);
            i = 0;
        }
        spans
    };
    let mut carrier: Option<(usize, usize)> = None; // (attribution, paragraph) for following quotes
    let mut attached: Vec<(usize, Span)> = Vec::new();
    let mut by_sentence: Vec<Vec<usize>> = vec![Vec::new(); sents.len()];
    for (i, a) in out.iter().enumerate() {
        if a.kind != AttributionKind::Author {
            if let Some(v) = by_sentence.get_mut(a.sentence) {
                v.push(i);
            }
        }
    }
    for (si, sent) in sents.iter().enumerate() {
        let para = sent.paragraph;
        let cited = &by_sentence[si];
        if !cited.is_empty() {
            // only a quotation carries on into the quotes that follow it
            carrier = cited
                .last()
                .filter(|&&i| {
                    matches!(
                        out[i].kind,
                        AttributionKind::Direct | AttributionKind::Mixed
                    )
                })
                .map(|&i| (i, para));
            continue;
        }
        let Some((ai, cpara)) = carrier else { continue };
        let s = sent.span;
        let starts_quoted =
            s.slice(text).starts_with(['“', '"']) || s.slice(text).starts_with("''");
        let words = crate::text::tokens::words(text, s);
        let all_quoted = words.iter().all(|w| {
            quotes.regions[para]
                .iter()
                .any(|q| q.start < w.span.start && w.span.end <= q.end)
        });
        let inside_attached = attached
            .last()
            .is_some_and(|(a, q)| *a == ai && q.contains(Span::new(s.start, s.start)));
        if cpara == para && all_quoted && inside_attached {
            continue;
        }
        if cpara != para || !starts_quoted || !all_quoted || words.is_empty() {
            carrier = None;
            continue;
        }
        if let Some(qi) = region_at(para, s) {
            attached.push((ai, quotes.regions[para][qi]));
        }
    }
    for (ai, q) in attached {
        let q = trimmed(q);
        if !out[ai].content.iter().any(|c| c.contains(q)) {
            out[ai].content.push(q);
            if out[ai].kind == AttributionKind::Indirect {
                out[ai].kind = AttributionKind::Mixed;
            }
        }
    }
    for a in out.iter_mut() {
        if a.kind == AttributionKind::Author {
            continue;
        }
        let para = sents[a.sentence].paragraph;
        let sspan = sents[a.sentence].span;
        let mut grown: Vec<Span> = Vec::new();
        for c in &a.content {
            let mut c = *c;
            let mut extra = Vec::new();
            for (qi, q) in quotes.regions[para].iter().enumerate() {
                if !q.overlaps(c) {
                    continue;
                }
                let spills = q.start < sspan.start || q.end > sspan.end;
                let q_in_para = Span::new(q.start.max(article.paragraphs[para].start), q.end);
                if spills && (q.start < c.start || q.end > c.end) {
                    if q.start < c.start && q.start < sspan.start {
                        c = Span::new(q_in_para.start, c.end);
                    }
                    if q.end > c.end && q.end > sspan.end {
                        c = Span::new(c.start, q_in_para.end);
                    }
                }
                for other in chain(para, qi) {
                    if other != *q {
                        extra.push(trimmed(other));
                    }
                }
            }
            grown.push(trimmed(c));
            grown.extend(extra);
        }
        grown.sort();
        grown.dedup();
        let mut merged: Vec<Span> = Vec::new();
        for g in grown {
            match merged.last_mut() {
                Some(m) if m.overlaps(g) || m.contains(g) => *m = m.cover(g),
                _ => merged.push(g),
            }
        }
        a.content = merged;
    }
    // the article's own voice of sentences that are now inside someone's quotation
    let covered: Vec<Span> = out
        .iter()
        .filter(|a| a.kind != AttributionKind::Author)
        .flat_map(|a| a.content.iter().copied())
        .collect();
    out.retain(|a| {
        a.kind != AttributionKind::Author
            || !a.content.iter().all(|s| {
                crate::text::tokens::words(text, *s)
                    .iter()
                    .all(|w| covered.iter().any(|c| c.contains(w.span)))
            })
    });
}

/// The organisation the text ties a speaker to: in the source mention itself ("Mara Lind,
/// the editor of the Lowland Herald") or in an earlier sentence "NAME is the ROLE of ORG".
fn affiliation_of(ctx: &Ctx, name: Span, mention: Option<Span>, sspan: Span) -> Option<Span> {
    let text = ctx.text;
    let name_text = name.slice(text).trim();
    if name_text.is_empty() || !name_text.starts_with(|c: char| c.is_uppercase()) {
        return None;
    }
    let org_after = |toks: &[Tok], from: usize, to: usize| -> Option<Span> {
        let k = (from..to)
            .rev()
            .find(|&k| toks[k].word && in_list(ORG_PREPOSITIONS, &toks[k].lower))?;
        let (s, e) = np_after(toks, k + 1)?;
        let e = e.min(to);
        (s < e && toks[s..e].iter().any(|t| t.capitalised())).then(|| span_of(toks, s, e))
    };
    if let Some(m) = mention {
        if m.start == name.start && m.end > name.end {
            let toks = tokenize(text, m, &[]);
            if let Some(org) = org_after(&toks, 0, toks.len()) {
                return Some(org);
            }
        }
    }
    for sent in ctx.sentences.iter().filter(|s| s.span.start <= sspan.start) {
        let st = sent.span.slice(text);
        let Some(at) = st.find(name_text) else {
            continue;
        };
        let toks = tokenize(text, sent.span, &[]);
        let after = sent.span.start + at + name_text.len();
        let Some(k) = toks.iter().position(|t| t.span.start >= after) else {
            continue;
        };
        let copula = toks[k].is("is") || toks[k].is("was") || toks[k].is(",");
        if !copula
            || !toks
                .get(k + 1)
                .is_some_and(|t| in_list(APPOSITIVE_OPENERS, &t.lower))
        {
            continue;
        }
        let stop = (k + 1..toks.len())
            .find(|&i| toks[i].is_mark(&[',', '.', ';']) || (i > k + 14))
            .unwrap_or(toks.len());
        if let Some(org) = org_after(&toks, k + 1, stop) {
            return Some(org);
        }
    }
    None
}

/// The earlier mention a pronoun, role noun or "the report" stands for.
fn coreference(ctx: &Ctx, src: Span, sspan: Span) -> Option<Span> {
    let text = ctx.text;
    let np = src.slice(text).to_lowercase().replace('’', "'");
    let words: Vec<&str> = np.split_whitespace().collect();
    let head = *words.last()?;
    let definite =
        words.len() <= 2 && matches!(words.first(), Some(&"the") | Some(&"this") | Some(&"that"));
    let previous_source = |pred: &dyn Fn(&Attribution) -> bool| {
        ctx.out
            .iter()
            .rev()
            .filter(|a| a.kind != AttributionKind::Author && !a.source.is_empty())
            .find(|a| pred(a))
            .map(|a| a.antecedent.or(a.head).unwrap_or(a.source[0]))
    };
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
            return ctx
                .mentions
                .nearest_before(src.start, Wanted::Person)
                .map(|m| m.span)
        }
        "they" | "it" | "we" => return previous_source(&|_| true).or_else(named_before),
        _ => {}
    }
    // a phrase that is itself a name the registry knows ("the ministry") stands for itself
    let named_in_np = ctx.mentions.within(src).any(|m| m.known);
    if definite && in_list(DOCUMENT_NOUNS, head) && !named_in_np {
        return previous_source(&|_| true).or_else(named_before);
    }
    if in_list(ROLE_NOUNS, head) {
        if named_in_np {
            return None;
        }
        if definite {
            let same = previous_source(&|a: &Attribution| {
                a.source[0].slice(text).to_lowercase().contains(head)
            });
            if same.is_some() {
                return same;
            }
        }
        // "with spokespeople claiming": the organisation named just before
        return ctx
            .mentions
            .nearest_before(src.start, Wanted::Organisation)
            .filter(|m| m.span.start + 600 >= sspan.start)
            .map(|m| m.span);
    }
    None
}
#[cfg(test)]
mod tests {
    use super::*;
    use crate::attribution::testutil::*;

    #[test]
    fn quote_over_several_paragraphs_speaker_first() {
        let text = "The harbour master said: “The first ship came in at dawn.\n\
                    “The second came at noon, and the third never came at all.”\n\
                    The harbour was closed afterwards.";
        let g = one(text);
        assert_eq!(g.source, "The harbour master");
        assert_eq!(g.kind, AttributionKind::Direct);
        assert_eq!(g.content.len(), 2, "{g:#?}");
        assert!(g.content[0].contains("first ship"));
        assert!(g.content[1].contains("third never came"));
    }

    #[test]
    fn quote_over_several_paragraphs_speaker_last() {
        let text = "“The first ship came in at dawn.\n\
                    “The second came at noon, and the third never came,” the harbour master said.";
        let g = one(text);
        assert_eq!(g.source, "the harbour master");
        assert_eq!(g.content.len(), 2, "{g:#?}");
        assert!(g.content[0].contains("first ship"));
        assert!(g.content[1].contains("third never came"));
    }

    #[test]
    fn quote_over_several_sentences() {
        let g = one("“The pumps failed. Nobody told us,” said Tomas Berg, a dock worker.");
        assert_eq!(g.source, "Tomas Berg, a dock worker");
        assert_eq!(g.head.as_deref(), Some("Tomas Berg"));
        assert_eq!(g.content, ["“The pumps failed. Nobody told us,”"]);
        assert_eq!(g.kind, AttributionKind::Direct);
        let text = "“The pumps failed,” Tomas Berg said. “Nobody told us. We waited.”";
        let g = one(text);
        assert_eq!(g.source, "Tomas Berg");
        assert_eq!(g.content.len(), 2, "{g:#?}");
        assert_eq!(g.content[1], "“Nobody told us. We waited.”");
    }

    #[test]
    fn leading_and_trailing_attribution() {
        let g = one("The spokeswoman said: “No ship will leave tonight.”");
        assert_eq!(
            (g.source.as_str(), g.kind),
            ("The spokeswoman", AttributionKind::Direct)
        );
        let g = one("“No ship will leave tonight,” the spokeswoman said.");
        assert_eq!(g.source, "the spokeswoman");
        assert_eq!(g.content, ["“No ship will leave tonight,”"]);
        let g = one("“No ship will leave tonight,” said Elena Marsh.");
        assert_eq!(g.source, "Elena Marsh");
        let g = one("The ban is temporary, said Elena Marsh, the port's spokeswoman.");
        assert_eq!(g.source, "Elena Marsh, the port's spokeswoman");
        assert_eq!(g.head.as_deref(), Some("Elena Marsh"));
        assert_eq!(g.content, ["The ban is temporary"]);
        assert_eq!(g.kind, AttributionKind::Indirect);
    }

    #[test]
    fn more_speaker_shapes() {
        let cases = [
            (
                "Sen. Tomas Berg (R-Valdera) said the dam was unsafe.",
                "Sen. Tomas Berg (R-Valdera)",
            ),
            (
                "The guild, which owns the docks, said the dam was unsafe.",
                "The guild, which owns the docks",
            ),
            (
                "Tomas Berg, who said the dam was unsafe, left early.",
                "who",
            ),
            (
                "“It will hold,” said several engineers.",
                "several engineers",
            ),
            (
                "“It will hold,” said the man who built the dam in 1990.",
                "the man who built the dam in 1990",
            ),
            (
                "“It will hold,” Doug Lund, director of the dam, said at the time.",
                "Doug Lund, director of the dam",
            ),
            (
                "''It will hold,'' said Mr. Lund, an engineer.",
                "Mr. Lund, an engineer",
            ),
        ];
        for (text, source) in cases {
            let g = one(text);
            assert_eq!(g.source, source, "{text}: {g:#?}");
        }
        let g = one("Tomas Berg criticised the plan on Friday and said the dam was unsafe.");
        assert_eq!(g.source, "Tomas Berg");
        assert_eq!(g.content, ["the dam was unsafe"]);
    }

    #[test]
    fn speakers_of_infinitives_initials_and_abbreviations() {
        // the object of a verb that makes someone speak
        let g = one("The flood led some farmers to question whether the dam was inspected.");
        assert_eq!(g.source, "some farmers");
        // the subject of the sentence otherwise
        let g = one("Farmers in the valley are more likely to say the dam is unsafe.");
        assert_eq!(g.source, "Farmers in the valley");
        let g = one("Tomas Berg went on to say that the dam was unsafe.");
        assert_eq!(g.source, "Tomas Berg");
        let g = one("Tomas R. Berg said the dam was unsafe.");
        assert_eq!(g.source, "Tomas R. Berg");
        let g = one("The U.S. Embassy in Valdera said the dam was unsafe.");
        assert_eq!(g.source, "The U.S. Embassy in Valdera");
        // passive: the agent after "by" speaks, not the subject
        let g = one("Tomas Berg was asked by the Courier whether the dam was safe.");
        assert_eq!(g.source, "the Courier");
        assert_eq!(g.content, ["whether the dam was safe"]);
        let g = one("Tomas Berg was asked whether the dam was safe.");
        assert_eq!(g.source, "");
    }

    #[test]
    fn quotations_in_the_neighbouring_sentence() {
        // a colon at the end of a paragraph introduces the quotation that follows
        let text = "In a statement on Friday, the guild said about the dam:\n\
                    “The dam is old. It must be rebuilt.”";
        let g = one(text);
        assert_eq!(g.source, "the guild");
        assert_eq!(g.kind, AttributionKind::Direct);
        assert_eq!(g.content, ["“The dam is old. It must be rebuilt.”"]);
        // a quotation ending in "!" is split from the speaker that follows it
        let g = one("“The dam will hold!” Tomas Berg said as he opened the gates.");
        assert_eq!(g.source, "Tomas Berg");
        assert_eq!(g.content, ["“The dam will hold!”"]);
    }

    #[test]
    fn short_answers_conjunctions_and_days() {
        let g = one("Asked whether the dam was safe, 60 percent of farmers said yes.");
        assert_eq!(
            (g.source.as_str(), g.content[0].as_str()),
            ("60 percent of farmers", "yes")
        );
        let all = cited("Tomas Berg, who said he fished there, said the dam was unsafe.");
        assert_eq!(all.len(), 2, "{all:#?}");
        assert_eq!(all[0].source, "who");
        assert_eq!(all[0].content, ["he fished there"]);
        let g = one("The guild refused to pay but said the dam was unsafe.");
        assert_eq!(g.source, "The guild");
        let g = one("Tomas Berg however said the dam was unsafe.");
        assert_eq!(g.source, "Tomas Berg");
        let g = one("Tomas Berg on Tuesday said the dam was unsafe.");
        assert_eq!(g.source, "Tomas Berg");
    }

    #[test]
    fn according_to_in_the_middle_of_a_sentence() {
        let g = one("Two wells, according to the ministry, were closed on Friday.");
        assert_eq!(g.source, "the ministry");
        assert_eq!(g.content, ["Two wells", "were closed on Friday"]);
        let g = one("According to the ministry, “the wells are closed. They stay closed.”");
        assert_eq!(g.content, ["“the wells are closed. They stay closed.”"]);
    }

    #[test]
    fn content_around_the_frame() {
        // the quotation before the speaker, not the adjunct after the cue
        let g = one("“It will hold,” Tomas Berg said on Friday during a visit to the dam.");
        assert_eq!(g.content, ["“It will hold,”"]);
        let g = one("“It will hold,” Tomas Berg said, citing the last inspection.");
        assert_eq!(g.content, ["“It will hold,”"]);
        // a clause, a comma and the speaker with only an adjunct after the cue
        let g = one("The dam will hold until spring, the ministry said on Friday.");
        assert_eq!(g.content, ["The dam will hold until spring"]);
        // an adjunct up to "that"
        let g = one("Tomas Berg said on Friday during a visit to the dam that it would hold.");
        assert_eq!(g.content, ["it would hold"]);
        // an opening adjunct is not content
        let g = one("For his part, Tomas Berg said the dam would hold.");
        assert_eq!(g.content, ["the dam would hold"]);
        // ", adding that" ends the first content and starts a second attribution
        let all = cited("Tomas Berg said the dam would hold, adding that it was old.");
        assert_eq!(all.len(), 2, "{all:#?}");
        assert_eq!(all[0].content, ["the dam would hold"]);
        assert_eq!(
            (all[1].source.as_str(), all[1].cue.as_str()),
            ("Tomas Berg", "adding")
        );
        assert_eq!(all[1].content, ["it was old"]);
    }

    #[test]
    fn mixed_quote_with_intermediary() {
        let g = one(
            "A Port Authority spokesperson said to the Valdera Courier there was \
             “no reason to close the harbour.”",
        );
        assert_eq!(g.kind, AttributionKind::Mixed);
        assert_eq!(g.source, "A Port Authority spokesperson");
        assert_eq!(g.via, ["the Valdera Courier"]);
        assert!(g.content[0].starts_with("there was “no reason"));
    }

    #[test]
    fn nominal_and_passive_forms() {
        let g = one("According to the Port Authority, the harbour will reopen on Friday.");
        assert_eq!(g.kind, AttributionKind::AccordingTo);
        assert_eq!(
            (g.source.as_str(), g.cue.as_str()),
            ("the Port Authority", "According to")
        );
        assert_eq!(g.content, ["the harbour will reopen on Friday"]);
        let g = one("The harbour will reopen on Friday, according to the Port Authority.");
        assert_eq!(g.content, ["The harbour will reopen on Friday"]);
        let g = one("The ministry's statement said the wells were safe to use.");
        assert_eq!(g.source, "The ministry's statement");
        assert_eq!(g.content, ["the wells were safe to use"]);
        let g = one("In a statement, the ministry said the wells were safe to use.");
        assert_eq!(g.source, "the ministry");
        assert_eq!(g.cue, "said");
        assert_eq!(g.content, ["the wells were safe to use"]);
        let g = one("In a report, the guild found that the wells were unsafe.");
        assert_eq!(g.source, "the guild");
        assert_eq!(g.cue, "In a report");
        assert_eq!(g.content, ["the wells were unsafe"]);
        let g = one("The ministry said in a statement that the wells were safe.");
        assert_eq!(g.cue, "said");
        assert_eq!(g.content, ["the wells were safe"]);
    }

    #[test]
    fn block_headers_make_an_intermediary() {
        let text = "The dam held overnight.\n\
                    Northwire:\n\
                    The ministry said the dam was safe.\n\
                    Engineers were seen on the crest.\n\
                    Valdera Courier:\n\
                    The guild claimed the dam was cracked.";
        let all = run(text);
        assert_eq!(all.len(), 4, "{all:#?}");
        assert!(all[0].via.is_empty());
        assert_eq!(all[1].via, ["Northwire"]);
        assert_eq!(all[1].source, "The ministry");
        assert_eq!(all[2].kind, AttributionKind::Author);
        assert_eq!(all[2].via, ["Northwire"]);
        assert_eq!(all[3].via, ["Valdera Courier"]);
    }

    #[test]
    fn speakers_inside_noun_phrases() {
        let cases = [
            (
                "A Port Authority spokesperson said the harbour was closed.",
                "A Port Authority spokesperson",
            ),
            (
                "Port Authority spokeswoman Elena Marsh said the harbour was closed.",
                "Port Authority spokeswoman Elena Marsh",
            ),
            (
                "Some of the mayor's allies claimed that the vote was rigged.",
                "Some of the mayor's allies",
            ),
            (
                "Sources said the harbour would close within days.",
                "Sources",
            ),
            (
                "Officials said the harbour would close within days.",
                "Officials",
            ),
            (
                "Two senior officials told the Courier that the harbour would close.",
                "Two senior officials",
            ),
            (
                "Wednesday the mayor said the harbour would close.",
                "the mayor",
            ),
        ];
        for (text, source) in cases {
            assert_eq!(one(text).source, source, "{text}");
        }
        let g = one(
            "The flooding prompted some of the mayor's allies to claim the dam had been sabotaged.",
        );
        assert_eq!(g.source, "some of the mayor's allies");
        assert!(g.content[0].starts_with("the dam"));
    }

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
    fn appositives_and_copular_roles() {
        let g = one("Mara Lind, the editor of the Lowland Herald, said the dam was unsafe.");
        assert_eq!(g.source, "Mara Lind, the editor of the Lowland Herald");
        assert_eq!(g.head.as_deref(), Some("Mara Lind"));
        let all = cited(
            "Mara Lind is the editor of the Lowland Herald. \
             She reportedly said the dam was unsafe.",
        );
        assert_eq!(all.len(), 1, "{all:#?}");
        assert_eq!(all[0].antecedent.as_deref(), Some("Mara Lind"));
    }

    #[test]
    fn nested_report_adds_an_intermediary() {
        let all = cited("The ministry reported that two wells were closed, Northwire said.");
        let inner = all.iter().find(|g| g.source == "The ministry").unwrap();
        assert_eq!(inner.content, ["two wells were closed"]);
        assert_eq!(inner.via, ["Northwire"]);
    }

    /// Text made of pieces the rules react to: cues, names, quotation marks, commas.
    fn newsish() -> impl proptest::strategy::Strategy<Value = String> {
        use proptest::prelude::*;
        let piece = prop::sample::select(vec![
            "said",
            "says",
            "told",
            "according to",
            "warned of",
            "the report",
            "She",
            "they",
            "Elena Marsh",
            "Port Authority",
            "Northwire:",
            "“",
            "”",
            "\"",
            "''",
            "'",
            ",",
            ".",
            ":",
            "that",
            "on Friday",
            "adding",
            "the",
            "dam",
            "In a report,",
            "\n",
            "\n\n",
            "refused to confirm",
            "Mr.",
            "—",
            "is the editor of",
            "states",
            "and",
        ]);
        prop::collection::vec(piece, 0..40).prop_map(|v| v.join(" "))
    }

    proptest::proptest! {
        #![proptest_config(proptest::prelude::ProptestConfig::with_cases(256))]

        #[test]
        fn never_panics_and_spans_stay_in_the_text(text in newsish()) {
            let article = Article::new("p", text.clone());
            for a in extract(&article, &gazetteer()) {
                for s in a.source.iter().chain(&a.cue).chain(&a.content).chain(&a.via) {
                    proptest::prop_assert!(s.start <= s.end && s.end <= text.len());
                    proptest::prop_assert!(text.is_char_boundary(s.start) && text.is_char_boundary(s.end));
                }
            }
        }

        #[test]
        fn never_panics_on_any_string(text in proptest::prelude::any::<String>()) {
            let article = Article::new("p", text);
            let _ = extract(&article, &gazetteer());
        }
    }
}
