//! The label inventories: Universal Dependencies parts of speech and relations.
//!
//! Relations are the universal ones plus the language-specific subtypes of English EWT;
//! a subtype met in training data that is not listed here is read as its universal
//! relation (the scorer compares universal relations only).

macro_rules! labels {
    ($(#[$meta:meta])* $name:ident { $($(#[$vm:meta])* $v:ident = $s:literal,)* }) => {
        $(#[$meta])*
        #[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
        #[repr(u8)]
        pub enum $name {
            $($(#[$vm])* $v,)*
        }

        impl $name {
            /// Every value, in the order of their numbers.
            pub const ALL: &'static [$name] = &[$($name::$v,)*];

            /// The name as CoNLL-U writes it.
            pub fn as_str(self) -> &'static str {
                match self {
                    $($name::$v => $s,)*
                }
            }

            /// The value of a CoNLL-U name.
            pub fn from_name(s: &str) -> Option<$name> {
                match s {
                    $($s => Some($name::$v),)*
                    _ => None,
                }
            }

            /// The value numbered `i` (see [`Self::ALL`]).
            pub fn from_index(i: usize) -> Option<$name> {
                $name::ALL.get(i).copied()
            }
        }

        impl std::fmt::Display for $name {
            fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
                f.write_str(self.as_str())
            }
        }
    };
}

labels! {
    /// A universal part of speech (UPOS).
    Upos {
        /// Adjective.
        Adj = "ADJ",
        /// Adposition.
        Adp = "ADP",
        /// Adverb.
        Adv = "ADV",
        /// Auxiliary.
        Aux = "AUX",
        /// Coordinating conjunction.
        Cconj = "CCONJ",
        /// Determiner.
        Det = "DET",
        /// Interjection.
        Intj = "INTJ",
        /// Noun.
        Noun = "NOUN",
        /// Numeral.
        Num = "NUM",
        /// Particle.
        Part = "PART",
        /// Pronoun.
        Pron = "PRON",
        /// Proper noun.
        Propn = "PROPN",
        /// Punctuation.
        Punct = "PUNCT",
        /// Subordinating conjunction.
        Sconj = "SCONJ",
        /// Symbol.
        Sym = "SYM",
        /// Verb.
        Verb = "VERB",
        /// Other.
        X = "X",
    }
}

labels! {
    /// A dependency relation: universal, or one of English EWT's subtypes.
    Deprel {
        /// Adnominal clause.
        Acl = "acl",
        /// Relative clause.
        AclRelcl = "acl:relcl",
        /// Adverbial clause modifier.
        Advcl = "advcl",
        /// Adverbial relative clause (sentential relative).
        AdvclRelcl = "advcl:relcl",
        /// Adverbial modifier.
        Advmod = "advmod",
        /// Adjectival modifier.
        Amod = "amod",
        /// Appositional modifier.
        Appos = "appos",
        /// Auxiliary.
        Aux = "aux",
        /// Passive auxiliary.
        AuxPass = "aux:pass",
        /// Case marking.
        Case = "case",
        /// Coordinating conjunction.
        Cc = "cc",
        /// Preconjunct ("either", "both").
        CcPreconj = "cc:preconj",
        /// Clausal complement.
        Ccomp = "ccomp",
        /// Classifier.
        Clf = "clf",
        /// Compound.
        Compound = "compound",
        /// Phrasal verb particle.
        CompoundPrt = "compound:prt",
        /// Conjunct.
        Conj = "conj",
        /// Copula.
        Cop = "cop",
        /// Clausal subject.
        Csubj = "csubj",
        /// Clausal subject of a clause with a subject of its own.
        CsubjOuter = "csubj:outer",
        /// Clausal passive subject.
        CsubjPass = "csubj:pass",
        /// Unspecified dependency.
        Dep = "dep",
        /// Determiner.
        Det = "det",
        /// Predeterminer ("all the").
        DetPredet = "det:predet",
        /// Discourse element.
        Discourse = "discourse",
        /// Dislocated element.
        Dislocated = "dislocated",
        /// Expletive.
        Expl = "expl",
        /// Fixed multiword expression.
        Fixed = "fixed",
        /// Flat multiword expression (names).
        Flat = "flat",
        /// Foreign flat expression.
        FlatForeign = "flat:foreign",
        /// Goes with (split words).
        Goeswith = "goeswith",
        /// Indirect object.
        Iobj = "iobj",
        /// List.
        List = "list",
        /// Marker (subordinating).
        Mark = "mark",
        /// Nominal modifier.
        Nmod = "nmod",
        /// Descriptive nominal modifier.
        NmodDesc = "nmod:desc",
        /// Noun phrase as adverbial modifier of a nominal (older EWT).
        NmodNpmod = "nmod:npmod",
        /// Possessive nominal modifier.
        NmodPoss = "nmod:poss",
        /// Temporal nominal modifier (older EWT).
        NmodTmod = "nmod:tmod",
        /// Nominal modifier without a case marker.
        NmodUnmarked = "nmod:unmarked",
        /// Nominal subject.
        Nsubj = "nsubj",
        /// Nominal subject of a clause with a subject of its own.
        NsubjOuter = "nsubj:outer",
        /// Passive nominal subject.
        NsubjPass = "nsubj:pass",
        /// Numeric modifier.
        Nummod = "nummod",
        /// Object.
        Obj = "obj",
        /// Oblique nominal.
        Obl = "obl",
        /// Agent of a passive ("by the police").
        OblAgent = "obl:agent",
        /// Noun phrase as adverbial modifier (older EWT).
        OblNpmod = "obl:npmod",
        /// Temporal oblique (older EWT).
        OblTmod = "obl:tmod",
        /// Oblique without a case marker.
        OblUnmarked = "obl:unmarked",
        /// Orphan (in ellipsis).
        Orphan = "orphan",
        /// Parataxis.
        Parataxis = "parataxis",
        /// Punctuation.
        Punct = "punct",
        /// Overridden disfluency.
        Reparandum = "reparandum",
        /// Root of the sentence.
        Root = "root",
        /// Vocative.
        Vocative = "vocative",
        /// Open clausal complement.
        Xcomp = "xcomp",
    }
}

impl Deprel {
    /// The relation of a CoNLL-U `DEPREL` value: listed ones as they are, an unlisted
    /// subtype as its universal relation, anything else `None`.
    pub fn parse(s: &str) -> Option<Deprel> {
        Deprel::from_name(s).or_else(|| {
            let (base, _) = s.split_once(':')?;
            Deprel::from_name(base)
        })
    }

    /// The universal relation, without the subtype (`nsubj:pass` → `nsubj`): what the
    /// CoNLL 2018 scorer compares.
    pub fn universal(self) -> Deprel {
        let s = self.as_str();
        match s.split_once(':') {
            Some((base, _)) => Deprel::from_name(base).unwrap_or(self),
            None => self,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn names_round_trip_and_subtypes_fall_back() {
        for (i, &d) in Deprel::ALL.iter().enumerate() {
            assert_eq!(Deprel::from_name(d.as_str()), Some(d));
            assert_eq!(d as usize, i);
            assert_eq!(Deprel::from_index(i), Some(d));
        }
        for &u in Upos::ALL {
            assert_eq!(Upos::from_name(u.as_str()), Some(u));
        }
        assert_eq!(Deprel::parse("nmod:poss"), Some(Deprel::NmodPoss));
        assert_eq!(Deprel::parse("obl:about"), Some(Deprel::Obl));
        assert_eq!(Deprel::parse("bogus"), None);
        assert_eq!(Deprel::NsubjPass.universal(), Deprel::Nsubj);
        assert_eq!(Deprel::Ccomp.universal(), Deprel::Ccomp);
        assert!(Deprel::ALL.len() < 64, "label sets are 64-bit masks");
    }
}
