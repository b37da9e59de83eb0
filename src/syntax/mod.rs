//! The syntax layer: grammar → syntax tree with byte spans.

pub mod ast;
mod inline;
pub mod keywords;
pub mod lex;
mod parse;
mod slips;

pub use parse::{parse, parse_at};
