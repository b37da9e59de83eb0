//! The syntax layer: grammar → owned syntax tree with byte spans.

pub mod ast;
mod parse;

pub use parse::parse;
