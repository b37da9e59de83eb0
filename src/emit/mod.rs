//! Emitters: each turns the checked model into one output format. They read
//! only the model, never the syntax tree.

pub mod html;
pub mod json;
pub mod text;

pub use html::HtmlOptions;
pub use text::TextOptions;
pub mod contentline;
pub mod ics;
pub mod markdown;
pub mod ninjs;
pub mod vcf;

use crate::model::Release;

/// The domain a release's identifiers live under: the host of its issuer's
/// website, or of the nearest parent org that has one. `relc.invalid` (a
/// name reserved never to resolve) when none has.
pub fn domain(r: &Release) -> String {
    let mut next = Some(r.issuer.as_str());
    // Parents cannot cycle in a checked release; the bound is belt and braces.
    for _ in 0..=r.orgs.len() {
        let Some(org) = next.and_then(|id| r.orgs.iter().find(|o| o.id == id)) else {
            break;
        };
        if let Some(host) = org
            .url
            .as_deref()
            .and_then(|u| url::Url::parse(u).ok())
            .and_then(|u| u.host_str().map(str::to_string))
        {
            return host;
        }
        next = org.parent.as_deref();
    }
    "relc.invalid".to_string()
}
