//! Phone metadata for the calling codes a number can have, not for the
//! whole world.
//!
//! The phone library starts by decoding every region's numbering plan
//! (15M instructions, more than the rest of a build of the seed). It
//! offers no way to load one region, but builds from any collection of
//! regions; `build.rs` writes its metadata out by calling code. A number
//! is read here with a library built from only the groups it can belong
//! to: the group of the country it is written for, and each group whose
//! calling code its digits start with, directly or after an
//! international prefix of up to four digits (`00`, `011`, `0011`).
//!
//! Only a number that reads as valid is taken from that library. Calling
//! codes are a prefix code, so a number that parses there parses to the
//! same country as with every region loaded, and its validity and E.164
//! form depend only on that country's group, which is loaded whole.
//! Anything else is read again by [`rlibphonenumber::PHONE_NUMBER_UTIL`],
//! so every diagnostic is exactly the library's.

use std::sync::{Arc, Mutex};

use prost::Message;
use rlibphonenumber::{PhoneMetadata, PhoneMetadataCollection, PhoneNumberUtil, Region};

mod table {
    include!(concat!(env!("OUT_DIR"), "/phone-metadata.rs"));
}

static METADATA: &[u8] = include_bytes!(concat!(env!("OUT_DIR"), "/phone-metadata.bin"));

/// At most this many small libraries are kept (one per set of calling
/// codes met); past it, numbers are read with the whole world's.
const KEPT: usize = 32;

/// Whether a number is written as a caller abroad dials it, with `+` and
/// its calling code; otherwise it is in a country's national form.
pub fn is_international(s: &str) -> bool {
    s.trim_start().starts_with('+')
}

/// `s` as a valid number, in E.164, read with the metadata of only the
/// calling codes it can have; `None` when it is not valid there (the
/// caller reads it again with every region, for the diagnostic).
pub fn valid_e164(s: &str, region: Option<Region>) -> Option<String> {
    read(&*library(&calling_codes(s, region))?, s, region)
}

/// Builds, once, the library for all of a release's numbers (each with
/// the region it is read in), so that each of them is read with it.
///
/// Every library compiles the phone library's own patterns again (2.1M
/// instructions) and decodes its groups again: a release whose contacts
/// write one number with `+1` and one in the national form (the group
/// of +1 with those its digits could start) built two. A library with
/// more groups than a number needs reads it as one with only its own
/// (see the module's note), so one library for all of them serves each.
pub fn prepare(numbers: &[(&str, Option<Region>)]) {
    let _ = library(&all_calling_codes(numbers));
}

/// The calling codes any of `numbers` can belong to, sorted.
fn all_calling_codes(numbers: &[(&str, Option<Region>)]) -> Vec<i32> {
    let mut codes: Vec<i32> = numbers
        .iter()
        .flat_map(|(s, region)| calling_codes(s, *region))
        .collect();
    codes.sort_unstable();
    codes.dedup();
    codes
}

fn read(util: &PhoneNumberUtil, s: &str, region: Option<Region>) -> Option<String> {
    let n = util.parse(s, region).ok()?;
    util.is_valid_number(&n).then(|| {
        util.format(&n, rlibphonenumber::PhoneNumberFormat::E164)
            .into_owned()
    })
}

/// The calling codes `s` can belong to, sorted: `region`'s, and each one
/// its digits start with from one of their first five places. A number
/// written with `+` can belong only to the code its digits start with
/// (no code is the start of another), so later places are not tried.
fn calling_codes(s: &str, region: Option<Region>) -> Vec<i32> {
    let mut codes = Vec::new();
    if let Some(region) = region {
        let region = region.to_string();
        codes.extend(
            table::GROUPS
                .iter()
                .filter(|(_, regions)| regions.iter().any(|(_, _, r)| *r == region))
                .map(|(code, _)| *code),
        );
    }
    let digits: Vec<i32> = s
        .chars()
        .filter_map(|c| c.to_digit(10))
        .map(|d| d as i32)
        .collect();
    let places = if is_international(s) { 1 } else { 5 };
    for start in 0..digits.len().min(places) {
        let mut code = 0;
        for &d in digits[start..].iter().take(3) {
            code = code * 10 + d;
            if table::GROUPS
                .binary_search_by_key(&code, |(c, _)| *c)
                .is_ok()
            {
                codes.push(code);
                break;
            }
        }
    }
    codes.sort_unstable();
    codes.dedup();
    codes
}

type Kept = Vec<(Vec<i32>, Arc<PhoneNumberUtil>)>;

static LIBRARIES: Mutex<Kept> = Mutex::new(Vec::new());

/// A library with at least these calling codes (sorted): one kept that
/// has them all, or one built for them on first use and kept.
fn library(codes: &[i32]) -> Option<Arc<PhoneNumberUtil>> {
    if codes.is_empty() {
        return None;
    }
    let mut kept = LIBRARIES.lock().unwrap_or_else(|e| e.into_inner());
    if let Some(util) = covering(&kept, codes) {
        return Some(util.clone());
    }
    if kept.len() >= KEPT {
        return None;
    }
    let util = Arc::new(build(codes)?);
    kept.push((codes.to_vec(), util.clone()));
    Some(util)
}

/// The library kept last that has all of these calling codes (sorted):
/// in a batch, the one prepared for the release being checked.
fn covering<'k>(kept: &'k Kept, codes: &[i32]) -> Option<&'k Arc<PhoneNumberUtil>> {
    kept.iter()
        .rev()
        .find(|(c, _)| codes.iter().all(|code| c.binary_search(code).is_ok()))
        .map(|(_, util)| util)
}

/// The library with the regions of these calling codes, in the order the
/// library's own metadata gives them.
fn build(codes: &[i32]) -> Option<PhoneNumberUtil> {
    let mut metadata = Vec::new();
    for code in codes {
        let i = table::GROUPS.binary_search_by_key(code, |(c, _)| *c).ok()?;
        for &(start, end, _) in table::GROUPS[i].1 {
            let bytes = METADATA.get(start as usize..end as usize)?;
            metadata.push(PhoneMetadata::decode(bytes).ok()?);
        }
    }
    PhoneNumberUtil::new_for_metadata(PhoneMetadataCollection { metadata }).ok()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn region(code: &str) -> Option<Region> {
        Region::from_code(code).ok()
    }

    #[test]
    fn the_library_metadata_was_split_at_build_time() {
        // build.rs leaves the table empty when it cannot find the
        // library's metadata; relc still works then, only slower.
        assert!(
            table::GROUPS.len() > 200,
            "{} calling codes",
            table::GROUPS.len()
        );
        // A group is ordered as the whole world orders it: its main
        // region first, which is the one a number's region falls back to.
        let full = &*rlibphonenumber::PHONE_NUMBER_UTIL;
        for code in [1, 7, 44, 47, 61, 262, 590, 599, 800] {
            let util = library(&[code]).expect("a group builds");
            let regions = |u: &PhoneNumberUtil| {
                u.get_regions_for_country_calling_code(code)
                    .map(|r| r.collect::<Vec<_>>())
            };
            assert_eq!(regions(&util), regions(full), "+{code}");
        }
    }

    /// A region's example number as a caller abroad dials it and as the
    /// country writes it (with the region it is read in); none where the
    /// library has no example.
    fn example_numbers(r: Region) -> Vec<(String, Option<Region>)> {
        use rlibphonenumber::PhoneNumberFormat as F;
        let full = &*rlibphonenumber::PHONE_NUMBER_UTIL;
        full.get_example_number(r)
            .map(|n| {
                vec![
                    (full.format(&n, F::International).into_owned(), None),
                    (full.format(&n, F::National).into_owned(), Some(r)),
                ]
            })
            .unwrap_or_default()
    }

    #[test]
    fn the_groups_a_number_can_belong_to() {
        // +84: Viet Nam.
        let codes = calling_codes("+84 28 3822 5678", None);
        assert!(codes.contains(&84), "{codes:?}");
        // Written with +, a number belongs to the code it starts with
        // only: 65, not also 591, 91, 1 and 373 from its later digits.
        assert_eq!(calling_codes("+65 9137 3886", None), [65]);
        // Dialled from France through its international prefix 00.
        let codes = calling_codes("00 44 20 7946 0000", region("FR"));
        assert!(codes.contains(&33) && codes.contains(&44), "{codes:?}");
        // Dialled from the United States through 011.
        assert!(calling_codes("011 81 3 1234 5678", region("US")).contains(&81));
        // The Channel Islands share +44 with the United Kingdom.
        assert!(calling_codes("01481 222 333", region("GG")).contains(&44));
    }

    #[test]
    fn a_valid_number_reads_as_with_the_whole_world() {
        let full = &*rlibphonenumber::PHONE_NUMBER_UTIL;
        for (s, r) in [
            ("+84 28 3822 5678", None),
            ("+1 202-358-1600", None),
            ("202-358-1600", region("US")),
            ("00 44 20 7946 0000", region("FR")),
            ("011 81 3 1234 5678", region("US")),
            ("+44 1481 222333", None),
            ("01481 222333", region("GG")),
            ("+65 6891 9600", None),
            ("+800 1234 5678", None),
        ] {
            let whole = full
                .parse(s, r)
                .ok()
                .filter(|n| full.is_valid_number(n))
                .map(|n| {
                    full.format(&n, rlibphonenumber::PhoneNumberFormat::E164)
                        .into_owned()
                });
            assert!(whole.is_some(), "{s} is a valid number");
            assert_eq!(valid_e164(s, r), whole, "{s}");
        }
    }

    #[test]
    fn every_region_example_reads_as_with_the_whole_world() {
        // Each region's example numbers, written as a caller abroad dials
        // them and as the country writes them, read to the same E.164 with
        // the groups `calling_codes` picks as with every region loaded.
        let full = &*rlibphonenumber::PHONE_NUMBER_UTIL;
        let mut regions: Vec<Region> = full.get_supported_regions().collect();
        regions.sort_by_key(|r| r.to_string());
        let mut read_here = 0;
        for r in regions {
            for (s, default) in example_numbers(r) {
                let whole = read(full, &s, default);
                let util = build(&calling_codes(&s, default)).expect("the groups build");
                assert_eq!(read(&util, &s, default), whole, "{r}: {s}");
                read_here += usize::from(whole.is_some());
            }
        }
        assert!(read_here > 400, "{read_here} example numbers read");
    }

    #[test]
    fn one_library_serves_every_number_of_a_release() {
        // A number with +1 and one in the national form of the United
        // States: one library holds the groups of both.
        let numbers = [
            ("+1 949 555 0130", None),
            ("949-555-0142", region("US")),
            ("+44 113 496 0123", None),
        ];
        let codes = all_calling_codes(&numbers);
        // 949 could start with +94 or +49, or +95 or +55 one digit on.
        assert_eq!(codes, [1, 44, 49, 55, 94, 95]);
        let all = Arc::new(build(&codes).expect("the groups build"));
        let kept: Kept = vec![
            (vec![1], Arc::new(build(&[1]).expect("+1 builds"))),
            (codes.clone(), all.clone()),
        ];
        for (s, r) in numbers {
            let own = covering(&kept, &calling_codes(s, r)).expect("a library");
            assert!(
                Arc::ptr_eq(own, &all),
                "{s}: read with the prepared library"
            );
        }
        // And it reads each region's example numbers of those groups, both
        // ways, as the whole world does.
        let full = &*rlibphonenumber::PHONE_NUMBER_UTIL;
        let mut read_here = 0;
        for code in [1, 44, 49, 55, 94, 95] {
            for r in full
                .get_regions_for_country_calling_code(code)
                .into_iter()
                .flatten()
            {
                for (s, default) in example_numbers(r) {
                    let whole = read(full, &s, default);
                    assert_eq!(read(&all, &s, default), whole, "{r}: {s}");
                    read_here += usize::from(whole.is_some());
                }
            }
        }
        assert!(read_here > 50, "{read_here} example numbers read");
    }

    #[test]
    fn an_invalid_number_is_left_to_the_whole_world() {
        assert_eq!(valid_e164("+84 28", None), None);
        assert_eq!(valid_e164("+999 1234 5678", None), None);
        assert_eq!(valid_e164("call me", region("US")), None);
    }
}
