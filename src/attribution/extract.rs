//! The extraction rules: cues, source noun phrases, content, coreference and blocks.

use super::cues::{self, CueUse, Stance, PHRASES};
use super::quotes::quote_regions;
use super::tokens::{tokenize, Tok};
use super::{Attribution, AttributionKind};
use crate::corpus::Article;
use crate::sources::Registry;
use crate::text::Span;

/// Words that end a source noun phrase when walking back from a cue.
const BOUNDARY: &[&str] = &[
    "about", "after", "against", "also", "although", "and", "are", "as", "at", "be", "because",
    "been", "before", "being", "between", "but", "by", "can", "could", "did", "do", "does",
    "during", "for", "from", "had", "has", "have", "here", "however", "if", "into", "is", "it's",
    "may", "might", "must", "nor", "not", "on", "once", "or", "over", "should", "since", "so",
    "than", "that", "then", "there", "though", "through", "to", "under", "unless", "until", "was",
    "were", "when", "where", "whether", "which", "while", "who", "whom", "whose", "will", "with",
    "within", "without", "would",
];

/// Auxiliaries and adverbs that may stand between a subject and its cue.
const BETWEEN: &[&str] = &[
    "has",
    "have",
    "had",
    "was",
    "were",
    "is",
    "are",
    "will",
    "would",
    "did",
    "does",
    "do",
    "also",
    "again",
    "further",
    "then",
    "previously",
    "repeatedly",
    "once",
    "later",
    "had",
    "'s",
    "has",
    "been",
];

/// Determiners and possessives: a cue word after one of these is a noun ("the report").
const DETERMINERS: &[&str] = &[
    "the", "a", "an", "this", "that", "these", "those", "his", "her", "its", "their", "our", "my",
    "your", "whose", "every", "each", "no", "any", "another", "such",
];

/// Auxiliaries and pronouns after which a bare verb form is a verb ("did not say",
/// "they warn").
const BEFORE_BARE: &[&str] = &[
    "to",
    "will",
    "would",
    "could",
    "can",
    "may",
    "might",
    "did",
    "does",
    "do",
    "not",
    "n't",
    "should",
    "must",
    "they",
    "we",
    "i",
    "you",
    "officials",
    "sources",
];

/// Auxiliaries after which an -ing form is a verb ("is saying").
const BEFORE_ING: &[&str] = &["is", "are", "was", "were", "been", "be", "kept", "keeps"];

/// Nouns that name a speaker by role without the organisation.
const ROLE_NOUNS: &[&str] = &[
    "spokesperson",
    "spokesman",
    "spokeswoman",
    "spokespeople",
    "spokespersons",
    "spokesmen",
    "official",
    "officials",
    "representative",
    "representatives",
    "source",
    "sources",
];

/// Nouns that stand for a document or body mentioned before ("the report said").
const DOCUMENT_NOUNS: &[&str] = &[
    "report",
    "statement",
    "statements",
    "announcement",
    "agency",
    "ministry",
    "service",
    "group",
    "department",
    "organisation",
    "organization",
    "office",
    "alert",
    "warning",
    "reaction",
    "response",
];

/// First words of a picture credit or caption: such a line is not a claim.
const CREDIT_WORDS: &[&str] = &[
    "image",
    "images",
    "photo",
    "photos",
    "photograph",
    "picture",
    "credit",
    "credits",
    "caption",
    "illustration",
    "video",
];

#[derive(Clone, Debug)]
struct CueHit {
    start: usize,
    end: usize,
    lemma: String,
    stance: Stance,
    according: bool,
}

#[derive(Clone, Debug)]
struct Mention {
    span: Span,
    person: bool,
}

struct Ctx<'a> {
    text: &'a str,
    mentions: Vec<Mention>,
    out: Vec<Attribution>,
}

fn in_list(list: &[&str], w: &str) -> bool {
    list.contains(&w)
}

/// Finds the attributions of an article. `registry` serves as a gazetteer: the names of
/// known sources are found in the text to resolve pronouns and role nouns.
pub fn extract(article: &Article, registry: &Registry) -> Vec<Attribution> {
    let text = article.text.as_str();
    let mut ctx = Ctx {
        text,
        mentions: find_mentions(article, registry),
        out: Vec::new(),
    };
    let mut block: Option<Span> = None;
    let mut para_quotes: Vec<Vec<Span>> = article
        .paragraphs
        .iter()
        .map(|p| quote_regions(text, *p))
        .collect();
    // a quote left open at the end of a paragraph continues into the next one
    for i in 1..para_quotes.len() {
        let p = article.paragraphs[i];
        let prev_open = para_quotes[i - 1]
            .last()
            .is_some_and(|q| q.end == article.paragraphs[i - 1].end && !closes(text, *q));
        if prev_open && !p.slice(text).starts_with(['“', '"']) {
            let opens_again = para_quotes[i].first().is_none_or(|q| q.start > p.start);
            if opens_again {
                let end = para_quotes[i].first().map_or(p.end, |q| {
                    if q.end < p.end || closes(text, *q) {
                        q.start
                    } else {
                        p.end
                    }
                });
                para_quotes[i].insert(0, Span::new(p.start, end));
            }
        }
    }
    for (si, sent) in article.sentences.iter().enumerate() {
        let para = sent.paragraph;
        let pspan = article.paragraphs[para];
        if let Some(h) = header(text, pspan) {
            block = Some(h);
            continue;
        }
        let toks = tokenize(text, sent.span, &para_quotes[para]);
        if toks.iter().filter(|t| t.word).count() == 0 || is_credit(&toks) {
            continue;
        }
        let before = ctx.out.len();
        sentence(&mut ctx, si, sent.span, &toks);
        if ctx.out.len() == before && is_statement(&toks) {
            ctx.out.push(Attribution {
                sentence: si,
                kind: AttributionKind::Author,
                source: Vec::new(),
                antecedent: None,
                cue: Vec::new(),
                cue_lemma: String::new(),
                stance: Stance::Assert,
                content: vec![sent.span],
                modifiers: Vec::new(),
                via: Vec::new(),
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
    ctx.out
}

fn closes(text: &str, q: Span) -> bool {
    let s = q.slice(text);
    s.chars().count() > 1 && s.ends_with(['”', '"'])
}

/// A block header: a paragraph of at most five words ending in a colon ("Reuters:").
/// Returns the name without the colon.
fn header(text: &str, p: Span) -> Option<Span> {
    let s = p.slice(text).trim_end();
    let name = s.strip_suffix(':')?;
    (crate::text::sentences::is_block_header(s) && !name.contains(['.', '“', '"']))
        .then(|| Span::new(p.start, p.start + name.len()).trim(text))
}

fn is_credit(toks: &[Tok]) -> bool {
    let first = toks.iter().find(|t| t.word);
    let lower: String = toks
        .iter()
        .filter(|t| t.word)
        .map(|t| t.lower.as_str())
        .collect::<Vec<_>>()
        .join(" ");
    first.is_some_and(|f| in_list(CREDIT_WORDS, &f.lower) && lower.contains("licensed"))
        || lower.contains("creative commons")
        || first.is_some_and(|f| {
            (f.lower == "photo" || f.lower == "image") && toks.iter().any(|t| t.is(":"))
        })
}

fn is_statement(toks: &[Tok]) -> bool {
    let words = toks.iter().filter(|t| t.word).count();
    words >= 3 && !toks.last().is_some_and(|t| t.is("?"))
}

/// Names of registry sources in the article, longest match first.
fn find_mentions(article: &Article, registry: &Registry) -> Vec<Mention> {
    let mut out = Vec::new();
    if registry.sources().is_empty() {
        return out;
    }
    let text = article.text.as_str();
    for sent in &article.sentences {
        let ws = crate::text::tokens::words(text, sent.span);
        let mut i = 0;
        while i < ws.len() {
            let mut found = None;
            for len in (1..=6.min(ws.len() - i)).rev() {
                let span = Span::new(ws[i].span.start, ws[i + len - 1].span.end);
                let first = ws[i].text;
                // a lower-case single word is a name only when it is a registry alias
                // exactly ("embassy"); skip "state", "report" and the like
                if len == 1 && first.chars().next().is_some_and(|c| c.is_lowercase()) {
                    continue;
                }
                if let Some(r) = registry.lookup(span.slice(text)) {
                    found = Some((len, span, r.person.is_some()));
                    break;
                }
            }
            match found {
                Some((len, span, person)) => {
                    out.push(Mention { span, person });
                    i += len;
                }
                None => i += 1,
            }
        }
    }
    out
}

fn find_cues(toks: &[Tok]) -> Vec<CueHit> {
    let mut out = Vec::new();
    let mut i = 0;
    let prev_word = |i: usize| toks[..i].iter().rev().find(|t| t.word);
    while i < toks.len() {
        let t = &toks[i];
        if !t.word || t.quoted {
            i += 1;
            continue;
        }
        if t.is("according") && toks.get(i + 1).is_some_and(|n| n.is("to")) {
            out.push(CueHit {
                start: i,
                end: i + 2,
                lemma: "according to".into(),
                stance: Stance::Assert,
                according: true,
            });
            i += 2;
            continue;
        }
        if let Some((words, lemma, stance)) = PHRASES.iter().find(|(words, _, _)| {
            words
                .iter()
                .enumerate()
                .all(|(k, w)| toks.get(i + k).is_some_and(|t| t.word && t.is(w)))
        }) {
            out.push(CueHit {
                start: i,
                end: i + words.len(),
                lemma: lemma.to_string(),
                stance: *stance,
                according: false,
            });
            i += words.len();
            continue;
        }
        let Some(cue) = cues::lookup(t.text) else {
            i += 1;
            continue;
        };
        let lowercase = t.text.chars().next().is_some_and(|c| c.is_lowercase());
        let prev = prev_word(i);
        let prev_is = |list: &[&str]| prev.is_some_and(|p| in_list(list, &p.lower));
        let prev_mark = i > 0 && !toks[i - 1].word;
        let mut ok = lowercase && !prev_is(DETERMINERS);
        if ok && prev.is_some_and(|p| p.lower.ends_with("'s")) && !prev_mark {
            ok = false; // "the embassy's report"
        }
        if ok && t.lower == cue.lemma {
            ok = prev_is(BEFORE_BARE) && !prev_mark;
        }
        if ok && t.lower.ends_with("ing") {
            let with_before = i >= 2
                && toks[..i - 1]
                    .iter()
                    .rev()
                    .find(|t| t.word)
                    .is_some_and(|w| w.is("with"));
            ok = (i > 0 && toks[i - 1].is(",")) || prev_is(BEFORE_ING) || with_before;
        }
        if ok && cue.usage == CueUse::BeforeQuote {
            ok = toks.get(i + 1).is_some_and(|n| {
                n.is(":") || (n.is(",") && toks.get(i + 2).is_some_and(|q| q.is_mark(&['“', '"'])))
            });
        }
        if ok {
            out.push(CueHit {
                start: i,
                end: i + 1,
                lemma: cue.lemma.to_string(),
                stance: cue.stance,
                according: false,
            });
        }
        i += 1;
    }
    out
}

/// Is this word one that may stand inside a source noun phrase?
fn np_word(toks: &[Tok], k: usize) -> bool {
    let t = &toks[k];
    if !t.word || t.quoted {
        return false;
    }
    if t.is("in") {
        return toks.get(k + 1).is_some_and(|n| n.capitalised())
            && k > 0
            && toks[k - 1].capitalised();
    }
    if in_list(BOUNDARY, &t.lower) {
        return false;
    }
    if !t.capitalised() && (t.lower.ends_with("ed") || t.lower.ends_with("ing")) {
        return false;
    }
    cues::lookup(t.text).is_none()
        || t.capitalised()
        || in_list(DOCUMENT_NOUNS, &t.lower)
        || (k > 0 && in_list(DETERMINERS, &toks[k - 1].lower))
}

/// The noun phrase that ends just before token `end` (exclusive), walking back.
fn np_before(toks: &[Tok], end: usize) -> Option<(usize, usize)> {
    let mut s = end;
    while s > 0 && np_word(toks, s - 1) && end - (s - 1) <= 10 {
        s -= 1;
    }
    // "However, the spokesperson" is cut at the comma; drop sentence adverbs at the front
    while s < end && (toks[s].is("however") || toks[s].is("meanwhile")) {
        s += 1;
    }
    (s < end).then_some((s, end))
}

/// The noun phrase that starts at token `start`, walking forward.
fn np_after(toks: &[Tok], start: usize) -> Option<(usize, usize)> {
    let mut e = start;
    while e < toks.len() && np_word(toks, e) && e - start < 10 {
        e += 1;
    }
    (e > start).then_some((start, e))
}

fn span_of(toks: &[Tok], s: usize, e: usize) -> Span {
    Span::new(toks[s].span.start, toks[e - 1].span.end)
}

/// The content span of tokens `s..e`, trimmed of marks that belong to the frame (commas,
/// colons, the final stop) but keeping quotation marks.
fn content_span(text: &str, toks: &[Tok], s: usize, e: usize) -> Option<Span> {
    let mut s = s;
    let mut e = e;
    while s < e && toks[s].is_mark(&[',', ':', ';', '—', '–', '-']) {
        s += 1;
    }
    while e > s && toks[e - 1].is_mark(&[',', ':', ';', '.', '—', '–', '-']) {
        e -= 1;
    }
    if s >= e || !toks[s..e].iter().any(|t| t.word) {
        return None;
    }
    Some(span_of(toks, s, e).trim(text))
}

fn kind_of(toks: &[Tok], content: &[Span]) -> AttributionKind {
    let words: Vec<&Tok> = toks
        .iter()
        .filter(|t| t.word && content.iter().any(|c| c.contains(t.span)))
        .collect();
    let quoted = words.iter().filter(|t| t.quoted).count();
    if quoted == 0 {
        AttributionKind::Indirect
    } else if quoted == words.len() {
        AttributionKind::Direct
    } else {
        AttributionKind::Mixed
    }
}

fn sentence(ctx: &mut Ctx, si: usize, sspan: Span, toks: &[Tok]) {
    let text = ctx.text;
    let hits = find_cues(toks);
    let first_in_sentence = ctx.out.len();
    for (h, hit) in hits.iter().enumerate() {
        let next_start = hits.get(h + 1).map(|n| n.start);
        let mut modifiers = Vec::new();
        let mut via = Vec::new();
        let mut source: Option<(usize, usize)> = None;
        let mut content: Option<(usize, usize)> = None;
        let mut inherit = false;
        if hit.according {
            if let Some((s, e)) = np_after(toks, hit.end) {
                source = Some((s, e));
                let at_start = !toks[..hit.start].iter().any(|t| t.word);
                content = if at_start {
                    Some((e, toks.len()))
                } else {
                    Some((0, hit.start))
                };
            }
        } else {
            // walk back over auxiliaries and adverbs
            let mut j = hit.start;
            while j > 0
                && toks[j - 1].word
                && (in_list(BETWEEN, &toks[j - 1].lower)
                    || (toks[j - 1].lower.ends_with("ly") && !toks[j - 1].capitalised()))
            {
                if toks[j - 1].lower.ends_with("ly") {
                    modifiers.push(toks[j - 1].span);
                }
                j -= 1;
            }
            if j > 0 && toks[j - 1].is("to") {
                // "prompted some of Putin's allies to claim": the nearest name before
                let to = j - 1;
                let named = ctx
                    .mentions
                    .iter()
                    .rev()
                    .find(|m| sspan.contains(m.span) && m.span.end <= toks[to].span.start);
                source = match named {
                    Some(m) => {
                        let s = toks.iter().position(|t| t.span.start >= m.span.start);
                        let e = toks.iter().position(|t| t.span.start >= m.span.end);
                        s.map(|s| (s, e.unwrap_or(toks.len())))
                    }
                    None => np_before(toks, to),
                };
            } else if j > 0 && toks[j - 1].is(",") && toks[hit.start].lower.ends_with("ing") {
                // "..., the US Embassy in Turkey, warning of ...": the name before the comma,
                // else the subject of the sentence
                let before = np_before(toks, j - 1).filter(|(s, e)| {
                    let sp = span_of(toks, *s, *e);
                    ctx.mentions.iter().any(|m| sp.contains(m.span))
                });
                source = before.or_else(|| np_after(toks, 0));
            } else {
                source = np_before(toks, j);
                if source.is_none() && j > 0 && toks[j - 1].is(",") {
                    // "Russia, always paranoid about ..., has accused": the opening phrase
                    let comma = toks.iter().position(|t| t.is(","));
                    if let Some(c) = comma {
                        if c > 0 && c <= 6 && toks[0].capitalised() {
                            source = np_after(toks, 0).filter(|(_, e)| *e == c);
                        }
                    }
                }
                if source.is_none() && j > 0 && toks[j - 1].is("and") {
                    inherit = true;
                }
            }
            // content after the cue
            let mut c = hit.end;
            while c < toks.len() && toks[c].is_mark(&[',', ':']) {
                c += 1;
            }
            if c < toks.len()
                && toks[c].is("to")
                && matches!(
                    hit.lemma.as_str(),
                    "say" | "report" | "write" | "confirm" | "explain" | "state" | "announce"
                )
            {
                if let Some((s, e)) = np_after(toks, c + 1) {
                    if toks[s].capitalised() {
                        via.push(span_of(toks, s, e));
                        c = e;
                    }
                }
            } else if hit.lemma == "tell" {
                if let Some((s, e)) = np_after(toks, c) {
                    if toks[s].capitalised() {
                        via.push(span_of(toks, s, e));
                    }
                    c = e;
                }
            }
            if c < toks.len() && toks[c].is("that") {
                c += 1;
            }
            if matches!(hit.stance, Stance::Warn)
                && c < toks.len()
                && (toks[c].is("of") || toks[c].is("about"))
            {
                c += 1;
            }
            let mut end = toks.len();
            if let Some(n) = next_start {
                // "... and noted that ...": the next cue takes over
                let mut k = n;
                while k > c && toks[k - 1].word && in_list(BETWEEN, &toks[k - 1].lower) {
                    k -= 1;
                }
                if k > c && toks[k - 1].is("and") {
                    end = k - 1;
                }
            }
            let after_words = toks[c..end].iter().filter(|t| t.word).count();
            if after_words >= 2 {
                content = Some((c, end));
            } else if source.is_some() {
                // trailing: "“...,” the spokesperson said." — content before the source
                let (s, _) = source.unwrap_or((0, 0));
                content = Some((0, s));
            } else if let Some((s, e)) = np_after(toks, hit.end) {
                // inverted: "“...,” said Peskov."
                if toks[s].capitalised() || in_list(DETERMINERS, &toks[s].lower) {
                    source = Some((s, e));
                    content = Some((0, hit.start));
                }
            }
        }
        let Some((cs, ce)) = content else { continue };
        let Some(cspan) = content_span(text, toks, cs, ce) else {
            continue;
        };
        let mut source_spans: Vec<Span> = source
            .map(|(s, e)| span_of(toks, s, e))
            .into_iter()
            .collect();
        let mut antecedent = None;
        if inherit {
            if let Some(prev) = ctx.out[first_in_sentence..].last() {
                source_spans = prev.source.clone();
                antecedent = prev.antecedent;
            }
        }
        if let Some(src) = source_spans.first() {
            antecedent = antecedent.or_else(|| coreference(ctx, *src, sspan));
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
        let kind = if hit.according {
            AttributionKind::AccordingTo
        } else {
            kind_of(toks, &[cspan])
        };
        ctx.out.push(Attribution {
            sentence: si,
            kind,
            source: source_spans,
            antecedent,
            cue: vec![span_of(toks, hit.start, hit.end)],
            cue_lemma: hit.lemma.clone(),
            stance: hit.stance,
            content: vec![cspan],
            modifiers,
            via,
        });
    }
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
            .map(|a| a.antecedent.unwrap_or(a.source[0]))
    };
    match np.as_str() {
        "she" | "he" => {
            return ctx
                .mentions
                .iter()
                .rev()
                .find(|m| m.person && m.span.end <= src.start)
                .map(|m| m.span)
        }
        "they" | "it" | "we" => return previous_source(&|_| true),
        _ => {}
    }
    if definite && in_list(DOCUMENT_NOUNS, head) {
        return previous_source(&|_| true);
    }
    if in_list(ROLE_NOUNS, head) {
        let named_in_np = ctx.mentions.iter().any(|m| src.contains(m.span));
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
            .iter()
            .rev()
            .find(|m| !m.person && m.span.end <= src.start && m.span.start + 600 >= sspan.start)
            .map(|m| m.span);
    }
    None
}
