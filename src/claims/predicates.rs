//! The predicate lexicon: words and phrases of news coverage that name what happened or who
//! is to answer for it, each with its lemma and a class of near-synonyms ("blew up",
//! "breached" and "destroyed" are one class). A data table: general English, not the
//! vocabulary of one story.

/// A class of near-synonymous predicates.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord, serde::Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum PredicateClass {
    /// Destroyed, blew up, breached, demolished, sabotaged.
    Destroy,
    /// Attacked, struck, shelled, bombed, fired on, shot down.
    Attack,
    /// Responsible, behind, involved, to blame, guilty, carried out.
    Responsible,
    /// Killed, dead, died, death toll.
    Kill,
    /// Injured, wounded, hurt.
    Injure,
    /// Warned, alerted, advised against.
    Warn,
    /// Poisoned, a nerve agent, a toxin.
    Poison,
    /// Caused, led to, resulted from.
    Cause,
    /// Crashed, went down, fell.
    Crash,
    /// Leaked, escaped from a laboratory.
    Leak,
    /// Originated, emerged, came from.
    Originate,
    /// Evidence, proof, showed, proved.
    Evidence,
}

impl PredicateClass {
    /// The class in words, for reasons and questions.
    pub fn label(self) -> &'static str {
        match self {
            PredicateClass::Destroy => "destroy",
            PredicateClass::Attack => "attack",
            PredicateClass::Responsible => "be responsible for",
            PredicateClass::Kill => "kill",
            PredicateClass::Injure => "injure",
            PredicateClass::Warn => "warn",
            PredicateClass::Poison => "poison",
            PredicateClass::Cause => "cause",
            PredicateClass::Crash => "crash",
            PredicateClass::Leak => "leak",
            PredicateClass::Originate => "originate",
            PredicateClass::Evidence => "show",
        }
    }

    /// The class as a finished act, for reasons: "X says Y destroyed it".
    pub fn past(self) -> &'static str {
        match self {
            PredicateClass::Destroy => "destroyed it",
            PredicateClass::Attack => "attacked",
            PredicateClass::Responsible => "was responsible",
            PredicateClass::Kill => "killed",
            PredicateClass::Injure => "injured",
            PredicateClass::Warn => "warned",
            PredicateClass::Poison => "poisoned",
            PredicateClass::Cause => "caused it",
            PredicateClass::Crash => "crashed",
            PredicateClass::Leak => "leaked",
            PredicateClass::Originate => "was the origin",
            PredicateClass::Evidence => "showed it",
        }
    }

    /// The key a claim of this class carries for matching (`@destroy`).
    pub fn key(self) -> &'static str {
        match self {
            PredicateClass::Destroy => "@destroy",
            PredicateClass::Attack => "@attack",
            PredicateClass::Responsible => "@responsible",
            PredicateClass::Kill => "@kill",
            PredicateClass::Injure => "@injure",
            PredicateClass::Warn => "@warn",
            PredicateClass::Poison => "@poison",
            PredicateClass::Cause => "@cause",
            PredicateClass::Crash => "@crash",
            PredicateClass::Leak => "@leak",
            PredicateClass::Originate => "@originate",
            PredicateClass::Evidence => "@evidence",
        }
    }

    /// True for the classes that answer "who did it": two agents of one such event
    /// compete.
    pub fn has_culprit(self) -> bool {
        matches!(
            self,
            PredicateClass::Destroy
                | PredicateClass::Attack
                | PredicateClass::Responsible
                | PredicateClass::Kill
                | PredicateClass::Poison
                | PredicateClass::Cause
                | PredicateClass::Leak
        )
    }

    /// True when claims of the two classes answer one question, so that they can agree
    /// or contradict: one class; two classes that ask who did it ("destroyed the dam",
    /// "behind it"); or where a thing came from and the accident or cause it came by
    /// ("originated with a leak", "leaked from a laboratory", "was the cause").
    pub fn one_question(self, other: PredicateClass) -> bool {
        let origin = |c: PredicateClass| {
            matches!(
                c,
                PredicateClass::Originate | PredicateClass::Leak | PredicateClass::Cause
            )
        };
        self == other
            || (self.has_culprit() && other.has_culprit())
            || (origin(self) && origin(other))
    }

    /// True for the classes whose claims are counts of people ("471 killed").
    pub fn counts_people(self) -> bool {
        matches!(self, PredicateClass::Kill | PredicateClass::Injure)
    }
}

use PredicateClass::*;

/// Two-word predicates, lower case: (first, second, lemma, class). Checked before single
/// words.
pub const PHRASES: &[(&str, &str, &str, PredicateClass)] = &[
    ("blew", "up", "blow up", Destroy),
    ("blow", "up", "blow up", Destroy),
    ("blowing", "up", "blow up", Destroy),
    ("blown", "up", "blow up", Destroy),
    ("brought", "down", "shoot down", Attack),
    ("carried", "out", "carry out", Responsible),
    ("carry", "out", "carry out", Responsible),
    ("carrying", "out", "carry out", Responsible),
    ("came", "from", "come from", Originate),
    ("come", "from", "come from", Originate),
    ("death", "toll", "death toll", Kill),
    ("do", "with", "have to do with", Responsible),
    ("lab", "accident", "leak", Leak),
    ("lab", "incident", "leak", Leak),
    ("laboratory", "accident", "leak", Leak),
    ("laboratory", "incident", "leak", Leak),
    ("led", "to", "lead to", Cause),
    ("nerve", "agent", "nerve agent", Poison),
    ("resulted", "from", "result from", Cause),
    ("shot", "down", "shoot down", Attack),
    ("take", "down", "shoot down", Attack),
    ("taken", "down", "shoot down", Attack),
    ("took", "down", "shoot down", Attack),
    ("shooting", "down", "shoot down", Attack),
    ("went", "down", "go down", Crash),
];

/// Single words, lower case: (word, lemma, class). Sorted by word (a test checks).
pub const WORDS: &[(&str, &str, PredicateClass)] = &[
    ("accountable", "responsible", Responsible),
    ("airstrike", "strike", Attack),
    ("airstrikes", "strike", Attack),
    ("alert", "warn", Warn),
    ("alerted", "warn", Warn),
    ("attack", "attack", Attack),
    ("attacked", "attack", Attack),
    ("attacks", "attack", Attack),
    ("authorised", "responsible", Responsible),
    ("authorized", "responsible", Responsible),
    ("behind", "responsible", Responsible),
    ("blame", "responsible", Responsible),
    ("blamed", "responsible", Responsible),
    ("blast", "destroy", Destroy),
    ("bombed", "attack", Attack),
    ("bombing", "attack", Attack),
    ("breach", "destroy", Destroy),
    ("breached", "destroy", Destroy),
    ("caused", "cause", Cause),
    ("causing", "cause", Cause),
    ("complicit", "responsible", Responsible),
    ("complicity", "responsible", Responsible),
    ("crash", "crash", Crash),
    ("crashed", "crash", Crash),
    ("culpable", "responsible", Responsible),
    ("dead", "kill", Kill),
    ("death", "kill", Kill),
    ("deaths", "kill", Kill),
    ("demolished", "destroy", Destroy),
    ("destroy", "destroy", Destroy),
    ("destroyed", "destroy", Destroy),
    ("destroying", "destroy", Destroy),
    ("destruction", "destroy", Destroy),
    ("detonated", "destroy", Destroy),
    ("died", "kill", Kill),
    ("downed", "shoot down", Attack),
    ("downing", "shoot down", Attack),
    ("emerged", "originate", Originate),
    ("escaped", "leak", Leak),
    ("evidence", "evidence", Evidence),
    ("exploded", "destroy", Destroy),
    ("explosion", "destroy", Destroy),
    ("fatalities", "kill", Kill),
    ("fired", "fire", Attack),
    ("guilty", "responsible", Responsible),
    ("hit", "strike", Attack),
    ("hurt", "injure", Injure),
    ("injured", "injure", Injure),
    ("injuries", "injure", Injure),
    ("involved", "responsible", Responsible),
    ("involvement", "responsible", Responsible),
    ("killed", "kill", Kill),
    ("killing", "kill", Kill),
    ("launched", "fire", Attack),
    ("leak", "leak", Leak),
    ("leaked", "leak", Leak),
    ("lives", "kill", Kill),
    ("mined", "destroy", Destroy),
    ("misfire", "attack", Attack),
    ("misfired", "attack", Attack),
    ("orchestrated", "responsible", Responsible),
    ("ordered", "responsible", Responsible),
    ("origin", "originate", Originate),
    ("originated", "originate", Originate),
    ("perpetrated", "responsible", Responsible),
    ("perpetrator", "responsible", Responsible),
    ("perpetrators", "responsible", Responsible),
    ("poison", "poison", Poison),
    ("poisoned", "poison", Poison),
    ("poisoning", "poison", Poison),
    ("proof", "evidence", Evidence),
    ("proved", "evidence", Evidence),
    ("responsibility", "responsible", Responsible),
    ("responsible", "responsible", Responsible),
    ("role", "responsible", Responsible),
    ("sabotage", "destroy", Destroy),
    ("sabotaged", "destroy", Destroy),
    ("shelled", "attack", Attack),
    ("shelling", "attack", Attack),
    ("showed", "evidence", Evidence),
    ("shows", "evidence", Evidence),
    ("spillover", "originate", Originate),
    ("strike", "strike", Attack),
    ("strikes", "strike", Attack),
    ("struck", "strike", Attack),
    ("targeted", "attack", Attack),
    ("toxin", "poison", Poison),
    ("warned", "warn", Warn),
    ("warning", "warn", Warn),
    ("warns", "warn", Warn),
    ("wounded", "injure", Injure),
];

/// The predicate of a word, if the lexicon has it: (lemma, class). A compound joined by
/// hyphens is read by its last part ("lab-leak", "missile-strike").
pub fn of_word(word: &str) -> Option<(&'static str, PredicateClass)> {
    let find = |w: &str| {
        WORDS
            .binary_search_by(|(x, _, _)| (*x).cmp(w))
            .ok()
            .map(|i| (WORDS[i].1, WORDS[i].2))
    };
    find(word).or_else(|| {
        let (_, last) = word.rsplit_once('-')?;
        find(last)
    })
}

/// The predicate of two words, if the lexicon has the phrase: (lemma, class).
pub fn of_pair(first: &str, second: &str) -> Option<(&'static str, PredicateClass)> {
    PHRASES
        .iter()
        .find(|(a, b, _, _)| *a == first && *b == second)
        .map(|(_, _, l, c)| (*l, *c))
}

pub use super::words::*;

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn words_are_sorted_and_lower_case() {
        let mut sorted = WORDS.to_vec();
        sorted.sort_by(|a, b| a.0.cmp(b.0));
        assert_eq!(sorted, WORDS);
        for (w, _, _) in WORDS {
            assert_eq!(w.to_lowercase(), *w);
        }
        assert_eq!(
            of_word("breached"),
            Some(("destroy", PredicateClass::Destroy))
        );
        assert_eq!(
            of_pair("blew", "up"),
            Some(("blow up", PredicateClass::Destroy))
        );
        assert_eq!(of_word("table"), None);
        assert_eq!(of_word("lab-leak"), Some(("leak", PredicateClass::Leak)));
        assert_eq!(of_word("lab-table"), None);
        assert_eq!(
            of_pair("lab", "accident"),
            Some(("leak", PredicateClass::Leak))
        );
    }

    #[test]
    fn classes_of_one_question() {
        use PredicateClass::*;
        assert!(Destroy.one_question(Responsible), "who did it");
        assert!(Originate.one_question(Leak), "where it came from");
        assert!(Leak.one_question(Originate));
        assert!(!Originate.one_question(Warn));
        assert!(!Crash.one_question(Originate));
    }
}
