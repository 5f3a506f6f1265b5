//! Training the learned components that ship in the product: the attribution tagger
//! ([`attribution`], with the perceptron it is trained as, [`perceptron`]). The FNC-1 stance
//! model's training is beside the model, in [`crate::lab::stance`].

pub mod attribution;
pub mod perceptron;
