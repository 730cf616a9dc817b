//! The rule engine: evaluates each rule's condition on each instance of the resource types it
//! names, with Kleene three-valued logic. Only a condition that is *false* becomes a
//! [`Finding`]; unknown results are counted so "no finding" never hides "could not tell".

mod attribute;
mod context;
mod engine;
mod findings;
mod interpret;
mod links;
mod outcome;
mod partial;
mod reference;
mod select;

pub use engine::{CheckOutput, Checker, Evaluation, Undecided};
