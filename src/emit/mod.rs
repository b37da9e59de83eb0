//! Emitters: each turns the checked model into one output format. They read
//! only the model, never the syntax tree.

pub mod html;
pub mod json;
pub mod jsonld;
pub mod text;

pub use html::HtmlOptions;
pub use text::TextOptions;
pub mod contentline;
pub mod eml;
pub mod ics;
pub mod markdown;
pub mod ninjs;
pub mod pdf;
pub mod vcf;

pub mod feed;
pub mod site;
pub mod sitemap;
mod swap;
