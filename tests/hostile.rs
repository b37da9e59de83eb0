//! Inputs that once made the parser's work grow with the square of a line
//! (found with `corpus extreme`; 10,000 `[*` took 60 s). Each must now
//! parse within 256 pest rule calls per byte: pest stops a parse that goes
//! over its call limit, which then shows up as a syntax error. A count,
//! not a timing, so it cannot flake.

use std::num::NonZeroUsize;

#[test]
fn inputs_that_once_hung_the_parser_parse_in_linear_work() {
    for pattern in ["[*", "<", "[a](@"] {
        let src = format!(
            "release {{\n  headline \"x\"\n}}\n\nbody {{\n  {}\n}}\n",
            pattern.repeat(10_000)
        );
        pest::set_call_limit(NonZeroUsize::new(src.len() * 256));
        let (_, diags) = relc::syntax::parse(&src);
        pest::set_call_limit(None);
        let syntax: Vec<_> = diags
            .iter()
            .filter(|d| d.code == relc::diag::Code::Syntax)
            .collect();
        assert!(syntax.is_empty(), "`{pattern}` x 10,000: {syntax:?}");
    }
}
