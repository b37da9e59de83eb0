//! Writes generated releases for benchmarks, the same every run:
//!
//!   cargo run --release --example corpus -- release BYTES OUT.rel OUT.md
//!       one release of about BYTES bytes (long body, many declarations,
//!       quotes, lists, references), and the same content as CommonMark;
//!   cargo run --release --example corpus -- folder COUNT DIR [MD_DIR]
//!       a press office: COUNT releases of about the seed's size, in yearly
//!       folders, sharing one file of declarations (and their CommonMark
//!       twins under MD_DIR);
//!   cargo run --release --example corpus -- extreme KIND N OUT.rel
//!       a pathological release: `decls` (N people, each referred to once),
//!       `refs` (N references to one org), `line` (one paragraph line of N
//!       bytes), `nest` (a list N levels deep) or `brackets` (N `[`s and
//!       `*`s in a row).

use std::fmt::Write as _;

/// A small fixed-seed generator (SplitMix64), so the corpus never changes.
struct Rng(u64);

impl Rng {
    fn next(&mut self) -> u64 {
        self.0 = self.0.wrapping_add(0x9E37_79B9_7F4A_7C15);
        let mut z = self.0;
        z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
        z ^ (z >> 31)
    }
    fn below(&mut self, n: usize) -> usize {
        (self.next() % n as u64) as usize
    }
}

const WORDS: &[&str] = &[
    "officials",
    "economies",
    "trade",
    "growth",
    "region",
    "policy",
    "digital",
    "small",
    "businesses",
    "supply",
    "chains",
    "inclusive",
    "agreed",
    "meeting",
    "ministers",
    "members",
    "investment",
    "services",
    "market",
    "workers",
    "farmers",
    "climate",
    "security",
    "food",
    "sustainable",
    "access",
    "internet",
    "innovation",
    "the",
    "and",
    "of",
    "to",
    "in",
    "for",
    "with",
    "on",
    "a",
    "new",
    "more",
    "better",
    "year’s",
    "people",
    "across",
];

fn sentence(rng: &mut Rng, words: usize) -> String {
    let mut s = String::new();
    for i in 0..words {
        if i > 0 {
            s.push(' ');
        }
        s.push_str(WORDS[rng.below(WORDS.len())]);
    }
    let mut c = s.chars();
    match c.next() {
        Some(f) => f.to_uppercase().chain(c).collect::<String>() + ".",
        None => s,
    }
}

/// Declarations: orgs, people and places, with their ids and names.
struct Cast {
    people: Vec<(String, String, String)>, // id, name, title
    places: Vec<(String, String)>,
    orgs: Vec<(String, String)>,
}

fn cast(n: usize) -> Cast {
    Cast {
        people: (0..n)
            .map(|i| {
                (
                    format!("p{i}"),
                    format!("Dr Person {i}"),
                    format!("Director {i}"),
                )
            })
            .collect(),
        places: (0..n.div_ceil(4))
            .map(|i| (format!("pl{i}"), format!("City {i}")))
            .collect(),
        orgs: (0..n.div_ceil(4))
            .map(|i| (format!("o{i}"), format!("Organisation {i}")))
            .collect(),
    }
}

fn declarations(c: &Cast) -> String {
    let mut s = String::new();
    for (id, name) in &c.orgs {
        let _ = writeln!(
            s,
            "org {id} \"{name}\" {{\n  url <https://{id}.example.org>\n}}\n"
        );
    }
    for (id, name) in &c.places {
        let _ = writeln!(
            s,
            "place {id} \"{name}\" {{\n  country \"Exampleland\"\n}}\n"
        );
    }
    for (i, (id, name, title)) in c.people.iter().enumerate() {
        let org = &c.orgs[i % c.orgs.len()].0;
        let _ = writeln!(
            s,
            "person {id} \"{name}\" {{\n  short \"Dr {i}\"\n  title \"{title}\"\n  org @{org}\n}}\n"
        );
    }
    s
}

/// A body of about `bytes` bytes, as .rel and as CommonMark.
fn body(rng: &mut Rng, c: &Cast, bytes: usize) -> (String, String) {
    let (mut rel, mut md) = (String::from("body {\n"), String::new());
    let mut introduced = vec![false; c.people.len()];
    let (mut block, mut quotes, mut mentions) = (0, 0, 0);
    while rel.len() < bytes {
        block += 1;
        match block % 7 {
            3 => {
                // People are quoted in turn, so every one is referred to.
                let p = quotes % c.people.len();
                quotes += 1;
                let (id, name, title) = &c.people[p];
                let said = sentence(rng, 18);
                let _ = writeln!(
                    rel,
                    "  quote @{id} said {{\n    {}\n  }}\n",
                    said.trim_end_matches('.')
                );
                let who = if introduced[p] {
                    format!("Dr {p}")
                } else {
                    introduced[p] = true;
                    let org = &c.orgs[p % c.orgs.len()].1;
                    format!("{org} {title} {name}")
                };
                let _ = writeln!(md, "> “{}”\n\nsaid {who}\n", said.trim_end_matches('.'));
            }
            5 => {
                for _ in 0..4 {
                    let item = sentence(rng, 8);
                    let _ = writeln!(rel, "  - {item}");
                    let _ = writeln!(md, "- {item}");
                }
                rel.push('\n');
                md.push('\n');
            }
            _ => {
                let (mut r, mut m) = (String::from("  "), String::new());
                for k in 0..4 {
                    let s = sentence(rng, 14);
                    match k {
                        1 => {
                            let (id, name) = &c.places[mentions % c.places.len()];
                            mentions += 1;
                            let _ = write!(r, "{s} In @{id}, *work* goes on. ");
                            let _ = write!(m, "{s} In {name}, *work* goes on. ");
                        }
                        2 => {
                            let (id, name) = &c.orgs[mentions % c.orgs.len()];
                            // A link's words hold no mention (the grammar's
                            // `inner_in_link`), so the mention stands beside it.
                            let _ =
                                write!(r, "{s} See @{id} ([report](https://example.org/{k})). ");
                            let _ =
                                write!(m, "{s} See {name} ([report](https://example.org/{k})). ");
                        }
                        _ => {
                            let _ = write!(r, "{s} ");
                            let _ = write!(m, "{s} ");
                        }
                    }
                }
                let _ = writeln!(rel, "{}\n", r.trim_end());
                let _ = writeln!(md, "{}\n", m.trim_end());
            }
        }
    }
    rel.push_str("}\n");
    (rel, md)
}

fn header(headline: &str, date: &str) -> String {
    format!("release {{\n  headline \"{headline}\"\n  dateline @pl0 {date}\n  issuer @o0\n}}\n\n")
}

/// The media desk, declared once.
const DESK: &str =
    "contact press \"Media desk\" {\n  role media\n  org @o0\n  phone \"+65 9137 3886\"\n}\n";

/// The contacts block that lists the desk.
const CONTACTS: &str = "contacts \"Media:\" {\n  @press\n}\n";

/// One release of about `bytes` bytes, and its CommonMark twin.
pub fn release(bytes: usize) -> (String, String) {
    let mut rng = Rng(bytes as u64);
    // One person for every 6 KB of body (each is quoted about twice), and
    // a place and an org for every four people.
    let c = cast((bytes / 6000).clamp(4, 100_000));
    let (b, md_body) = body(&mut rng, &c, bytes);
    let rel = format!(
        "{}{}{DESK}\n{}\n{CONTACTS}",
        header(
            "Officials meet to lay the groundwork for fairer trade",
            "2017-02-21"
        ),
        declarations(&c),
        b
    );
    let md = format!(
        "**FOR IMMEDIATE RELEASE**\n\n# Officials meet to lay the groundwork for fairer trade\n\nCITY 0, Exampleland, 21 February 2017 – {md_body}"
    );
    (rel, md)
}

/// A release that stresses one dimension; see the module comment.
pub fn extreme(kind: &str, n: usize) -> Option<String> {
    let mut s = header("Officials meet", "2017-02-21");
    s.push_str(&declarations(&cast(4)));
    s.push_str(DESK);
    s.push('\n');
    let mut body = String::from("body {\n  Officials from @o0 meet in @pl0.\n\n");
    match kind {
        "decls" => {
            for i in 0..n {
                let _ = writeln!(
                    s,
                    "person x{i} \"Person {i}\" {{\n  title \"Officer\"\n}}\n"
                );
            }
            for i in 0..n {
                let _ = writeln!(body, "  - @x{i}");
            }
        }
        "refs" => {
            body.push_str("  ");
            for i in 0..n {
                body.push_str(if i % 10 == 9 { "@o0\n  " } else { "@o0 " });
            }
            body.push('\n');
        }
        "line" => {
            body.push_str("  ");
            while body.len() < n {
                body.push_str("Officials agreed on fairer trade, and more. ");
            }
            body.push('\n');
        }
        "nest" => {
            for i in 0..n {
                let _ = writeln!(body, "{}- level {i}", "  ".repeat(i + 1));
            }
        }
        "brackets" => {
            body.push_str("  ");
            for _ in 0..n {
                body.push_str("[*");
            }
            body.push('\n');
        }
        _ => return None,
    }
    body.push_str("\n  The people in this release are @p0, @p1, @p2 and @p3.\n}\n");
    Some(format!("{s}{body}\n{CONTACTS}"))
}

/// A release of real prose: `text` with the lines inside its `body { }`
/// block written again and again, a blank line between, until the file
/// is about `bytes` long. Everything else (header, declarations,
/// contacts) stays as the writer wrote it, so the release still checks.
fn repeat_body(text: &str, bytes: usize) -> Option<String> {
    let open = text.find("\nbody {\n")? + "\nbody {\n".len();
    let close = open + text[open..].find("\n}\n")?;
    let inner = text[open..close].trim_end_matches('\n');
    let (head, tail) = (&text[..open], &text[close..]);
    let mut out = String::with_capacity(bytes + text.len());
    out.push_str(head);
    out.push_str(inner);
    while out.len() + inner.len() + tail.len() < bytes {
        out.push_str("\n\n");
        out.push_str(inner);
    }
    out.push_str(tail);
    Some(out)
}

fn main() -> std::io::Result<()> {
    let args: Vec<String> = std::env::args().skip(1).collect();
    match args
        .iter()
        .map(String::as_str)
        .collect::<Vec<_>>()
        .as_slice()
    {
        ["release", bytes, rel, md] => {
            let bytes: usize = bytes
                .parse()
                .map_err(|_| std::io::Error::other("BYTES is a number"))?;
            let (r, m) = release(bytes);
            std::fs::write(rel, r)?;
            std::fs::write(md, m)?;
        }
        ["folder", count, dir, rest @ ..] if rest.len() <= 1 => {
            let md_dir = rest.first().map(std::path::Path::new);
            let count: usize = count
                .parse()
                .map_err(|_| std::io::Error::other("COUNT is a number"))?;
            let dir = std::path::Path::new(dir);
            let c = cast(40);
            std::fs::create_dir_all(dir.join("shared"))?;
            std::fs::write(dir.join("shared/office.rel"), declarations(&c) + DESK)?;
            for i in 0..count {
                let mut rng = Rng(i as u64);
                let year = 2010 + i % 15;
                let (b, md) = body(&mut rng, &c, 3000);
                let day = 1 + i % 28;
                let text = format!(
                    "use \"../shared/office.rel\"\n\n{}{}\n{CONTACTS}",
                    header(
                        &format!("Release number {i}"),
                        &format!("{year}-03-{day:02}")
                    ),
                    b
                );
                std::fs::create_dir_all(dir.join(year.to_string()))?;
                std::fs::write(dir.join(format!("{year}/release-{i:05}.rel")), text)?;
                if let Some(m) = md_dir {
                    std::fs::create_dir_all(m.join(year.to_string()))?;
                    let md = format!("# Release number {i}\n\nCITY 0, {day} March {year} – {md}");
                    std::fs::write(m.join(format!("{year}/release-{i:05}.md")), md)?;
                }
            }
        }
        ["seed", seed, bytes, out] => {
            let bytes: usize = bytes
                .parse()
                .map_err(|_| std::io::Error::other("BYTES is a number"))?;
            let text = std::fs::read_to_string(seed)?;
            let grown = repeat_body(&text, bytes)
                .ok_or_else(|| std::io::Error::other("the seed has no `body {` block"))?;
            std::fs::write(out, grown)?;
        }
        ["extreme", kind, n, out] => {
            let n: usize = n
                .parse()
                .map_err(|_| std::io::Error::other("N is a number"))?;
            let text = extreme(kind, n).ok_or_else(|| std::io::Error::other("unknown KIND"))?;
            std::fs::write(out, text)?;
        }
        _ => {
            eprintln!(
                "usage: corpus release BYTES OUT.rel OUT.md | corpus folder COUNT DIR [MD_DIR] | corpus extreme KIND N OUT.rel | corpus seed SEED.rel BYTES OUT.rel"
            );
            std::process::exit(2);
        }
    }
    Ok(())
}
