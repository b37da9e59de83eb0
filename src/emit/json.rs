//! The JSON output: the checked model through serde, pretty-printed, with
//! a newline at the end.

use crate::model::Release;

pub fn emit(r: &Release) -> String {
    // The model holds only strings, numbers, lists and structs with string
    // keys, which serde_json always serialises.
    let mut s = serde_json::to_string_pretty(r).unwrap_or_default();
    s.push('\n');
    s
}
