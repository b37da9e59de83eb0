//! Two things done once at build time: phone metadata split by calling
//! code, for `src/check/phone.rs`, and the `relc` binary linked at a fixed
//! address (see `link_fixed_address`).
//!
//! The phone library's own start-up decodes the numbering plans of every
//! region of the world before it reads the first number (15M of the 26M
//! instructions a build of the seed took). It has no way to load one
//! region, but it builds from any collection of regions
//! (`PhoneNumberUtil::new_for_metadata`). So here, once at build time,
//! the metadata the library ships (the `metadata.bin` in its package,
//! found through `cargo metadata`) is written out region by region,
//! grouped by calling code in the library's own order; at run time relc
//! decodes only the groups a number can belong to.
//!
//! Written to `$OUT_DIR`: `phone-metadata.bin` (each region's metadata,
//! protobuf as the library defines it, one after another) and
//! `phone-metadata.rs` (for each calling code, its regions' byte ranges
//! in that file). When the library's file cannot be found, the table is
//! empty and relc reads every number with the library's own start-up:
//! slower, never different (a unit test in `phone.rs` fails on it).

use std::fmt::Write as _;
use std::path::PathBuf;

use prost::Message;
use rlibphonenumber::PhoneMetadataCollection;

fn main() {
    println!("cargo::rerun-if-changed=build.rs");
    link_fixed_address();
    let out = PathBuf::from(std::env::var_os("OUT_DIR").expect("cargo sets OUT_DIR"));
    let (blob, table) = match library_metadata() {
        Ok(collection) => split(collection),
        Err(why) => {
            println!("cargo::warning=phone metadata left to the library's start-up: {why}");
            (Vec::new(), String::new())
        }
    };
    let table = format!(
        "/// Each calling code with its regions, in the library's order: the\n\
         /// byte range of each one's metadata in `phone-metadata.bin` and its\n\
         /// code. Sorted by calling code.\n\
         pub static GROUPS: &[(i32, &[Region])] = &[\n{table}];\n\
         /// A region's metadata: its bytes' start and end, and its code.\n\
         pub type Region = (u32, u32, &'static str);\n"
    );
    std::fs::write(out.join("phone-metadata.bin"), blob).expect("OUT_DIR is writable");
    std::fs::write(out.join("phone-metadata.rs"), table).expect("OUT_DIR is writable");
}

/// Links the `relc` binary as a position-dependent executable on Linux.
///
/// Linked position-independent, the dynamic loader applies 96,000 relative
/// relocations to 2.4 MB of pointers in the binary's read-only data (the
/// tables of ICU4X, the phone library and the typesetter) at every start,
/// and every page it writes is a private copy: 610 of the 1,220 page faults
/// of a build of the seed, and 2 of its 7.5 ms. At a fixed address the
/// linker resolves them once, and the pages are read from the file only as
/// they are used. What is given up is address-space randomisation of the
/// binary itself (the stack, the heap and the libraries keep theirs), in a
/// program that reads local text files and runs for milliseconds. Only the
/// binary: the library and the test binaries link as before.
fn link_fixed_address() {
    let os = std::env::var("CARGO_CFG_TARGET_OS").unwrap_or_default();
    let env = std::env::var("CARGO_CFG_TARGET_ENV").unwrap_or_default();
    if os == "linux" && env == "gnu" {
        println!("cargo::rustc-link-arg-bins=-no-pie");
    }
}

/// The metadata the phone library is built with, read from its package.
fn library_metadata() -> Result<PhoneMetadataCollection, String> {
    let cargo = std::env::var_os("CARGO").ok_or("CARGO is not set")?;
    let manifest = PathBuf::from(std::env::var_os("CARGO_MANIFEST_DIR").ok_or("no manifest dir")?)
        .join("Cargo.toml");
    let target = std::env::var("TARGET").map_err(|e| e.to_string())?;
    let output = std::process::Command::new(cargo)
        .args([
            "metadata",
            "--format-version",
            "1",
            "--filter-platform",
            &target,
        ])
        .arg("--manifest-path")
        .arg(&manifest)
        .output()
        .map_err(|e| format!("cargo metadata: {e}"))?;
    if !output.status.success() {
        return Err(format!(
            "cargo metadata: {}",
            String::from_utf8_lossy(&output.stderr).trim()
        ));
    }
    let metadata: serde_json::Value =
        serde_json::from_slice(&output.stdout).map_err(|e| format!("cargo metadata: {e}"))?;
    let package = metadata["packages"]
        .as_array()
        .into_iter()
        .flatten()
        .find(|p| p["name"] == "rlibphonenumber")
        .ok_or("rlibphonenumber is not among the packages")?;
    let dir = PathBuf::from(
        package["manifest_path"]
            .as_str()
            .ok_or("no manifest path")?,
    );
    let file = dir
        .parent()
        .ok_or("a manifest has a folder")?
        .join("src/generated/metadata/metadata.bin");
    println!("cargo::rerun-if-changed={}", file.display());
    let bytes = std::fs::read(&file).map_err(|e| format!("{}: {e}", file.display()))?;
    PhoneMetadataCollection::decode(bytes.as_slice()).map_err(|e| e.to_string())
}

/// Each region's metadata one after another, and the table of them by
/// calling code. Within a calling code the regions keep the collection's
/// order, so the library, given a group, orders it as it orders the whole.
fn split(collection: PhoneMetadataCollection) -> (Vec<u8>, String) {
    let mut groups: std::collections::BTreeMap<i32, Vec<(usize, usize, String)>> =
        Default::default();
    let mut blob = Vec::new();
    for metadata in collection.metadata {
        let Some(code) = metadata.country_code else {
            continue;
        };
        let start = blob.len();
        metadata.encode(&mut blob).expect("a Vec grows");
        groups
            .entry(code)
            .or_default()
            .push((start, blob.len(), metadata.id.clone()));
    }
    let mut table = String::new();
    for (code, regions) in groups {
        let _ = write!(table, "    ({code}, &[");
        for (start, end, id) in regions {
            let _ = write!(table, "({start}, {end}, {id:?}), ");
        }
        table.push_str("]),\n");
    }
    (blob, table)
}
