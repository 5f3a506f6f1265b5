//! Training the learned components that ship in the product: the attribution tagger
//! ([`attribution`], with the perceptron it is trained as, [`perceptron`]) and the
//! part-of-speech tagger, lemmatiser and dependency parser ([`parser`]). The FNC-1 stance
//! model's training is beside the model, in [`crate::lab::stance`].

pub mod attribution;
pub mod parser;
pub mod perceptron;
