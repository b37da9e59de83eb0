//! The checker: resolves names, types values, renders mentions, and builds
//! the [`model::Release`](crate::model::Release). It reports every problem
//! it finds; it gives a model only when none of them is an error.

mod advisory;
mod build;
pub mod fields;
mod phone;
pub mod placeholders;
mod prose;
pub mod translation;

use rustc_hash::{FxHashMap as HashMap, FxHashSet as HashSet};

use crate::diag::{Code, Diagnostic};
use crate::locale::{Locale, Msg};
use crate::model;
use crate::schema::{Field, FieldSpec, Ty};
use crate::span::Span;
use crate::syntax::ast::{self, ContactEntry, Decl, DeclKind, Item, Ref};
use build::Entities;
use fields::{Fields, Resolve, Val};

/// Checks a parsed file, with the files it uses. Returns the release when
/// there is no error, and every diagnostic (errors and warnings) in reading
/// order. The declarations of the used files come before the file's own;
/// they are not reported unused, and reach the model only when the release
/// uses them.
///
/// `body`: the blocks of the release's body, where the caller took them
/// out of `file` because it keeps no syntax tree (a build). They are
/// checked one by one, and each block's tree is dropped as its model is
/// made, so that the syntax tree and the model of a large body are never
/// whole together.
pub fn check(
    file: &ast::File,
    used: &[ast::File],
    default_id: &str,
    house_words: Option<(&str, usize)>,
    body: Option<Vec<ast::Block>>,
) -> (Option<model::Release>, Vec<Diagnostic>) {
    // The placeholders of a body taken out, before it is checked away.
    let in_body = body.as_deref().map(placeholders::scan_blocks);
    let mut cx = Checker {
        default_id: default_id.to_string(),
        house_words: house_words.map(|(s, base)| (s.to_string(), base)),
        body,
        ..Checker::default()
    };
    let release = cx.run(file, used);
    let mut diags = cx.diags;
    diags.extend(placeholders::scan(file));
    diags.extend(in_body.into_iter().flatten());
    // A declaration "never used" because a reference to it is misspelt: the
    // error names it already (its did-you-mean points at the declaration),
    // and the warning would come first, before its cause.
    let named: std::collections::HashSet<(usize, usize)> = diags
        .iter()
        .filter(|d| d.code == Code::UnknownId)
        .flat_map(|d| d.secondary.iter().map(|l| (l.span.start, l.span.end)))
        .collect();
    diags.retain(|d| d.code != Code::Unused || !named.contains(&(d.span.start, d.span.end)));
    crate::diag::sort(&mut diags);
    let ok = !diags.iter().any(Diagnostic::is_error);
    (release.filter(|_| ok), diags)
}

/// Whether a file, with the files it uses, is a file of shared
/// declarations: it holds declarations and `use`s only, and some
/// declarations, its own ([`ast::File::is_shared`]) or those of what it uses.
pub fn is_shared(file: &ast::File, used: &[ast::File]) -> bool {
    file.is_shared()
        || (!file.items.is_empty()
            && file.items.iter().all(|i| matches!(i, Item::Use(_)))
            && used.iter().any(|f| f.decls().next().is_some()))
}

/// A declared id.
struct Declared<'a> {
    kind: DeclKind,
    decl: &'a Decl,
}

#[derive(Default)]
struct Checker<'a> {
    diags: Vec<Diagnostic>,
    symbols: HashMap<&'a str, Declared<'a>>,
    /// Declaration ids in source order.
    order: Vec<&'a str>,
    /// Ids some reference has named.
    used: HashSet<String>,
    /// Ids of declarations a syntax error made the parser skip: references
    /// to them are not reported again.
    skipped: HashSet<String>,
    /// The release's id when its header sets none.
    default_id: String,
    /// Ids declared in used files.
    shared: HashSet<String>,
    /// The house's catalogue of wording the header names (`messages`),
    /// as read, and where its text starts in the source map.
    house_words: Option<(String, usize)>,
    /// The body's blocks, taken out of the file by the caller ([`check`]).
    body: Option<Vec<ast::Block>>,
    /// A used file could not be read: unknown ids are not reported.
    missing_uses: bool,
    /// Text was skipped after a syntax error, here or in a used file, or a
    /// used file could not be read: what is missing may stand there.
    recovered: bool,
    /// The file holds shared declarations (see [`is_shared`]).
    shared_file: bool,
    /// The declaration whose fields are being typed, if any.
    current: Option<String>,
    /// The zone of the dateline's place, as written, for messages.
    home_zone: Option<String>,
    /// The release's locale, once the header is read: a text field in
    /// one language (`title.fr`) is chosen by it.
    locale: Locale,
    /// Values for the examples in help, from the file.
    examples: Examples,
    /// How many diagnostics of each code and message were reported.
    repeats: HashMap<(Code, String), usize>,
    /// References between declarations: (from, to).
    edges: Vec<(String, String)>,
    /// Ids the release itself refers to: header, prose, contacts.
    roots: HashSet<String>,
}

impl Checker<'_> {
    fn note_use(&mut self, id: &str) {
        // A release names the same few ids again and again: each is copied
        // the first time only.
        if !self.used.contains(id) {
            self.used.insert(id.to_string());
        }
        match &self.current {
            Some(from) => self.edges.push((from.clone(), id.to_string())),
            None => {
                if !self.roots.contains(id) {
                    self.roots.insert(id.to_string());
                }
            }
        }
    }

    /// The ids the release reaches: its own declarations and references,
    /// and whatever those refer to, transitively.
    fn reachable(&self) -> HashSet<String> {
        let mut seen: HashSet<String> = self
            .order
            .iter()
            .filter(|id| !self.shared.contains(**id))
            .map(|id| id.to_string())
            .collect();
        seen.extend(self.roots.iter().cloned());
        let mut next: HashMap<&str, Vec<&str>> = HashMap::default();
        for (from, to) in &self.edges {
            next.entry(from.as_str()).or_default().push(to.as_str());
        }
        let mut queue: Vec<String> = seen.iter().cloned().collect();
        while let Some(id) = queue.pop() {
            for to in next.get(id.as_str()).into_iter().flatten() {
                if seen.insert(to.to_string()) {
                    queue.push(to.to_string());
                }
            }
        }
        seen
    }
}

/// The zone of the place the release's dateline names, as its declaration
/// writes it.
fn home_zone(file: &ast::File, decls: &[&Decl]) -> Option<String> {
    let place = file.items.iter().find_map(|i| match i {
        Item::Release(r) => r
            .fields
            .iter()
            .find(|f| f.key.node == Field::Dateline.name())?
            .values
            .iter()
            .find_map(|v| match &v.kind {
                ast::ValueKind::Ref(r) => Some(r.id.node.clone()),
                _ => None,
            }),
        _ => None,
    })?;
    let decl = decls.iter().find(|d| d.id.node == place)?;
    decl.fields
        .iter()
        .find(|f| f.key.node == Field::Zone.name())?
        .values
        .iter()
        .find_map(|v| match &v.kind {
            ast::ValueKind::Str(z) => Some(z.clone()),
            _ => None,
        })
}

impl Resolve for Checker<'_> {
    fn home_zone(&self) -> Option<String> {
        self.home_zone.clone()
    }

    fn locale(&self) -> Locale {
        self.locale
    }

    fn resolve(&mut self, r: &Ref, kinds: &[DeclKind]) -> Option<DeclKind> {
        let id = r.id.node.as_str();
        let found = self.symbols.get(id).map(|s| (s.kind, s.decl));
        match found {
            Some((kind, _)) if kinds.is_empty() || kinds.contains(&kind) => {
                self.note_use(id);
                Some(kind)
            }
            Some((kind, decl)) => {
                // Named, if wrongly: not "never used".
                self.note_use(id);
                let expected = kinds
                    .iter()
                    .map(|k| k.with_article())
                    .collect::<Vec<_>>()
                    .join(" or ");
                let d = Diagnostic::new(
                    Code::WrongKind,
                    r.span,
                    format!("expected {expected}, but `{id}` is {}", kind.with_article()),
                )
                .label(format!("this is {}", kind.with_article()))
                .also(
                    decl.id.span,
                    format!("`{id}` is declared here as {}", kind.with_article()),
                )
                .help(format!("refer to {expected} here"));
                self.diags.push(d);
                None
            }
            None if self.skipped.contains(id) || self.missing_uses => None,
            None => {
                let candidates = self.order.iter().copied().filter(|c| {
                    kinds.is_empty() || self.symbols.get(c).is_some_and(|s| kinds.contains(&s.kind))
                });
                let mut d = Diagnostic::new(
                    Code::UnknownId,
                    r.id.span,
                    format!("no declaration has the id `{id}`"),
                )
                .label("unknown id");
                d = match crate::suggest::closest(id, candidates) {
                    Some(s) => {
                        let decl_span = self.symbols.get(s).map(|sym| sym.decl.id.span);
                        let d = d.help(format!("did you mean `@{s}`?")).fix(
                            format!("Change to `@{s}`"),
                            r.id.span,
                            s.to_string(),
                        );
                        match decl_span {
                            Some(span) => d.also(span, format!("`{s}` is declared here")),
                            None => d,
                        }
                    }
                    // `@APECnews`: ids are lower case; a name with capitals
                    // after an `@` in prose is a handle, not a reference.
                    None if self.current.is_none() && id.chars().any(|c| c.is_ascii_uppercase()) => d
                        .label("a handle, not a declared id?")
                        .help(format!(
                            "to write the handle `@{id}` as text, escape its `@`: `\\@{id}`; to refer to a declaration, use its id, which is in lower case"
                        ))
                        .fix(
                            format!("Write `@{id}` as text"),
                            Span::new(r.span.start, r.span.start),
                            "\\",
                        ),
                    None => d.help(format!(
                        "declare it, such as `{} {id} \"...\" {{ }}`, or check the spelling",
                        kinds.first().map_or("person", |k| k.keyword())
                    )),
                };
                self.diags.push(d);
                None
            }
        }
    }

    fn report(&mut self, d: Diagnostic) {
        // Past KEPT_REPEATS of one code and message, the last one kept
        // counts the rest.
        let key = (d.code, d.message.clone());
        let n = self.repeats.entry(key).or_insert(0);
        *n += 1;
        if *n > crate::diag::KEPT_REPEATS {
            let at = self
                .diags
                .iter()
                .rposition(|k| k.code == d.code && k.message == d.message);
            if let Some(at) = at {
                self.diags[at].more += 1;
                return;
            }
        }
        self.diags.push(d);
    }
}

/// Values for the examples in help, taken from the file itself: a help
/// that says `dateline @nha-trang` in a release about Lisbon reads as if
/// it were meant for someone else.
#[derive(Clone, Default)]
struct Examples {
    place: Option<String>,
    org: Option<String>,
}

impl Examples {
    fn of(decls: &[&Decl]) -> Self {
        let first = |k: DeclKind| {
            decls
                .iter()
                .find(|d| d.kind.node == k)
                .map(|d| d.id.node.clone())
        };
        Examples {
            place: first(DeclKind::Place),
            org: first(DeclKind::Org),
        }
    }

    /// An example of a field for "add it" help.
    fn field(&self, spec: &FieldSpec) -> String {
        let place = self.place.as_deref().unwrap_or("place-id");
        let org = self.org.as_deref().unwrap_or("org-id");
        let value = match (spec.field, spec.ty) {
            (Field::Headline, _) => "\"What happened, in a line\"".to_string(),
            (Field::Dateline, _) => format!("@{place} YYYY-MM-DD"),
            (Field::Dates, _) => "YYYY-MM-DD, or YYYY-MM-DD..YYYY-MM-DD".to_string(),
            (_, Ty::Ref(kinds)) if kinds.contains(&DeclKind::Org) => format!("@{org}"),
            (_, Ty::Ref(kinds)) if kinds.contains(&DeclKind::Place) => format!("@{place}"),
            (_, Ty::Word(words)) => words.first().copied().unwrap_or("...").to_string(),
            (Field::Alt, _) => "\"what the image shows\"".to_string(),
            (_, Ty::Text) => "\"...\"".to_string(),
            (_, Ty::Url) => "<https://...>".to_string(),
            _ => "...".to_string(),
        };
        format!("{} {value}", spec.name)
    }
}

impl<'a> Checker<'a> {
    /// The passes of the checker, in order. Each reports what it finds
    /// and goes on, so one run reports every problem.
    fn run(&mut self, file: &'a ast::File, used: &'a [ast::File]) -> Option<model::Release> {
        self.note_recovery(file, used);
        let decls = self.declare_all(file, used);
        // The header first: its locale chooses the fields written in one
        // language.
        let header = self.header(file);
        let mut typed = self.type_fields(&decls);
        self.phones(&mut typed, header.as_ref());
        let mut ents = Entities::of(&typed, header.as_ref());
        self.org_cycles(&typed);
        self.meeting_times(&typed);
        if let Some(h) = &header {
            self.meeting_dates(&typed, h);
        }
        self.reachable_contacts(&decls);
        let house = header.as_ref().map_or_else(House::default, |h| House {
            words: h.words.clone(),
            range_dash: h.range_dash,
            attribution: h.attribution,
            org_names: h.org_names,
        });
        let parts = self.parts(file, &ents, house);
        // After a syntax error, what is missing may stand in skipped text;
        // and the ids of a shared file are there for other files to use.
        if !self.recovered && !self.shared_file {
            self.unused();
        }
        let header = header?;
        self.keep_reachable(&mut ents);
        self.complete(file, &parts, header.kind);
        Some(build::release(header, ents, parts))
    }

    /// What the parser skipped or mended: references into skipped text are
    /// not reported again, and what is missing may stand there.
    fn note_recovery(&mut self, file: &'a ast::File, used: &'a [ast::File]) {
        self.skipped = std::iter::once(file)
            .chain(used)
            .flat_map(|f| f.skipped_ids.iter().cloned())
            .collect();
        self.missing_uses = file.missing_uses;
        self.recovered = file.recovered || file.missing_uses || used.iter().any(|f| f.recovered);
        self.shared_file = is_shared(file, used);
    }

    /// Pass 1: every declaration, with its id, the used files' first.
    fn declare_all(&mut self, file: &'a ast::File, used: &'a [ast::File]) -> Vec<&'a Decl> {
        let decls: Vec<&'a Decl> = used
            .iter()
            .flat_map(|f| f.decls())
            .chain(file.decls())
            .collect();
        self.shared = used
            .iter()
            .flat_map(|f| f.decls())
            .map(|d| d.id.node.clone())
            .collect();
        for d in &decls {
            self.declare(d);
        }
        self.home_zone = home_zone(file, &decls);
        self.examples = Examples::of(&decls);
        decls
    }

    /// Pass 2: the fields of every declaration, typed against the schema.
    fn type_fields(&mut self, decls: &[&'a Decl]) -> Vec<(&'a Decl, Fields)> {
        let examples = self.examples.clone();
        decls
            .iter()
            .map(|d| {
                self.current = Some(d.id.node.clone());
                let owner = format!("{} `{}`", d.kind.node.keyword(), d.id.node);
                let fields = fields::check_fields(
                    &owner,
                    crate::schema::decl_fields(d.kind.node),
                    &d.fields,
                    d.id.span.join(d.kind.span),
                    &|spec: &FieldSpec| examples.field(spec),
                    self,
                );
                self.check_name(d);
                self.current = None;
                (*d, fields)
            })
            .collect()
    }

    /// Pass 5: the prose and the parts of the release, in reading order,
    /// so first mentions are first.
    fn parts(&mut self, file: &'a ast::File, ents: &Entities, house: House) -> build::Parts {
        let mut prose = prose::ProseChecker::new(self, ents, house.clone());
        let mut body = Vec::new();
        let mut follow = Vec::new();
        let mut notes = Vec::new();
        let mut disclaimer = Vec::new();
        let mut trademarks = Vec::new();
        let mut source = None;
        let mut about = Vec::new();
        let mut closing = Vec::new();
        let mut contact_groups = Vec::new();
        // Each contact listed, and where.
        let mut listed: HashMap<&str, Span> = HashMap::default();
        let mut advisory = None;
        let mut seen: HashMap<&str, Span> = HashMap::default();
        for item in &file.items {
            let once = match item {
                Item::Body(p) => Some(("body", p.keyword)),
                Item::Follow(p) => Some(("follow", p.keyword)),
                Item::Notes(p) => Some(("notes", p.keyword)),
                Item::Disclaimer(p) => Some(("disclaimer", p.keyword)),
                Item::Trademarks(p) => Some(("trademarks", p.keyword)),
                Item::Source(s) => Some(("source", s.keyword)),
                Item::Advisory(a) => Some(("advisory", a.keyword)),
                _ => None,
            };
            if let Some((name, span)) = once {
                if let Some(first) = seen.get(name) {
                    prose.cx.report(
                        Diagnostic::new(
                            Code::DuplicateSection,
                            span,
                            format!("a release has one `{name}`"),
                        )
                        .label("a second one")
                        .also(*first, "the first one")
                        .help(format!("merge the two `{name}` blocks into one")),
                    );
                    continue;
                }
                seen.insert(name, span);
            }
            match item {
                Item::Body(p) => {
                    body = match prose.cx.body.take() {
                        Some(blocks) => prose.blocks(blocks),
                        None => prose.blocks(&p.blocks),
                    }
                }
                Item::Advisory(a) => {
                    let before_body = !seen.contains_key("body");
                    advisory =
                        prose
                            .cx
                            .advisory(a, ents, &house.words, house.range_dash, before_body);
                }
                Item::Follow(p) => {
                    follow = prose.blocks(&p.blocks);
                    closing.push(model::Closing::Follow);
                }
                Item::Notes(p) => {
                    notes = prose.blocks(&p.blocks);
                    closing.push(model::Closing::Notes);
                }
                Item::Disclaimer(p) => {
                    disclaimer = prose.blocks(&p.blocks);
                    closing.push(model::Closing::Disclaimer);
                }
                Item::Trademarks(p) => {
                    trademarks = prose.blocks(&p.blocks);
                    closing.push(model::Closing::Trademarks);
                }
                Item::Source(s) if prose.cx.resolve(&s.org, &[DeclKind::Org]).is_some() => {
                    if let Some(org) = ents.org(&s.org.id.node) {
                        source = Some(model::SourceLine {
                            org: org.id.clone(),
                            text: house.words.source_line(&org.name),
                        });
                        closing.push(model::Closing::Source);
                    }
                }
                Item::About(a) if prose.cx.resolve(&a.org, &[DeclKind::Org]).is_some() => {
                    closing.push(model::Closing::About(about.len()));
                    let org = ents.org(&a.org.id.node);
                    about.push(model::About {
                        org: a.org.id.node.clone(),
                        heading: prose::smarten_str(
                            &org.map_or(String::new(), |o| {
                                let name = match house.org_names {
                                    model::OrgNames::Short => o.display().to_string(),
                                    model::OrgNames::SpelledOut => o.full_name(),
                                };
                                house.words.about(&name, &o.name, o.preposition.as_deref())
                            }),
                            &house.words.marks(),
                        ),
                        blocks: prose.blocks(&a.prose.blocks),
                    });
                }
                Item::Contacts(c) => {
                    let mut ids = Vec::new();
                    for e in &c.entries {
                        match e {
                            // Listed in an earlier block: one card and one
                            // entry a contact.
                            ContactEntry::Ref(r) if listed.contains_key(r.id.node.as_str()) => {
                                let first = listed[r.id.node.as_str()];
                                prose.cx.report(
                                    Diagnostic::new(
                                        Code::DuplicateSection,
                                        r.span,
                                        format!("`{}` is listed in two contacts blocks", r.id.node),
                                    )
                                    .label("listed again here")
                                    .also(first, "first listed here")
                                    .help("list each contact once, in the block whose lead-in fits them"),
                                );
                            }
                            ContactEntry::Ref(r) => {
                                if prose.cx.resolve(r, &[DeclKind::Contact]).is_some() {
                                    listed.insert(r.id.node.as_str(), r.span);
                                    ids.push(r.id.node.clone());
                                }
                            }
                            ContactEntry::Decl(d) if d.kind.node == DeclKind::Contact => {
                                listed.insert(d.id.node.as_str(), d.id.span);
                                prose.cx.used.insert(d.id.node.clone());
                                ids.push(d.id.node.clone())
                            }
                            ContactEntry::Decl(d) => prose.cx.report(
                                Diagnostic::new(
                                    Code::WrongKind,
                                    d.kind.span,
                                    format!(
                                        "a contacts block lists contacts, not {}",
                                        d.kind.node.with_article()
                                    ),
                                )
                                .label(format!("{} declared here", d.kind.node.with_article()))
                                .help("move this declaration out of the contacts block"),
                            ),
                        }
                    }
                    if let Some(d) = c
                        .lead_in
                        .as_ref()
                        .and_then(|l| fields::line_break("a contacts lead-in", &l.node, l.span))
                    {
                        prose.cx.report(d);
                    }
                    contact_groups.push(model::ContactGroup {
                        // An empty lead-in is none: no blank line for it.
                        lead_in: c
                            .lead_in
                            .as_ref()
                            .filter(|s| !s.node.trim().is_empty())
                            .map(|s| prose::smarten_str(&s.node, &house.words.marks())),
                        contacts: ids,
                    });
                }
                _ => {}
            }
        }
        let footnotes = prose
            .footnotes
            .iter()
            .enumerate()
            .filter_map(|(i, id)| {
                let mut f = ents.footnote(id)?.clone();
                f.number = i + 1;
                Some(f)
            })
            .collect();
        build::Parts {
            footnotes,
            body,
            follow,
            notes,
            disclaimer,
            trademarks,
            source,
            about,
            advisory,
            closing,
            contact_groups,
        }
    }

    /// Shared declarations the release does not reach stay out of it.
    fn keep_reachable(&mut self, ents: &mut Entities) {
        if !self.shared.is_empty() {
            let keep = self.reachable();
            let shared = &self.shared;
            let kept = |id: &String| !shared.contains(id) || keep.contains(id);
            ents.orgs.retain(|x| kept(&x.id));
            ents.people.retain(|x| kept(&x.id));
            ents.places.retain(|x| kept(&x.id));
            ents.meetings.retain(|x| kept(&x.id));
            ents.outcomes.retain(|x| kept(&x.id));
            ents.contacts.retain(|x| kept(&x.id));
            ents.images.retain(|x| kept(&x.id));
            ents.footnotes.retain(|x| kept(&x.id));
            ents.reindex();
        }
    }

    /// A release that parsed whole has a body, and, unless it is a
    /// statement, someone to call: a warning, since some releases really
    /// name none.
    fn complete(&mut self, file: &'a ast::File, parts: &build::Parts, kind: model::Kind) {
        let release_kw = file.items.iter().find_map(|i| match i {
            Item::Release(r) => Some(r.keyword),
            _ => None,
        });
        if let Some(kw) = release_kw.filter(|_| !self.recovered) {
            if kind != model::Kind::Statement
                && parts.contact_groups.iter().all(|g| g.contacts.is_empty())
            {
                self.report(
                    Diagnostic::new(Code::NoContact, kw, "this release gives no contact")
                        .label("journalists look for someone to call")
                        .help("add a contacts block: `contacts \"Media enquiries:\" { contact press \"Name\" { role media phone \"+(country code) (number)\" } }`; a statement (`kind statement`) may name none"),
                );
            }
            if matches!(
                kind,
                model::Kind::MediaAdvisory | model::Kind::MediaInvitation
            ) && !file.items.iter().any(|i| matches!(i, Item::Advisory(_)))
            {
                let meeting = self
                    .order
                    .iter()
                    .find(|id| {
                        self.symbols
                            .get(**id)
                            .is_some_and(|s| s.kind == DeclKind::Meeting)
                    })
                    .map_or("meeting-id", |id| *id);
                self.report(
                    Diagnostic::new(
                        Code::NoAdvisory,
                        kw,
                        format!("this {} has no What / When / Where block", kind_words(kind)),
                    )
                    .label("journalists look for when and where to come")
                    .help(format!(
                        "add `advisory @{meeting} {{ who @... registration \"...\" }}`: the block is made from the meeting and the people taking part"
                    )),
                );
            }
            if !file.items.iter().any(|i| matches!(i, Item::Body(_))) {
                self.report(
                    Diagnostic::new(Code::NoBody, kw, "this release has no body")
                        .label("a release with a headline and nothing else")
                        .help("add `body { ... }` with the text of the release"),
                );
            }
        }
    }

    /// Warns of every declaration no reference names.
    fn unused(&mut self) {
        let unused: Vec<(&str, Span, DeclKind)> = self
            .order
            .iter()
            .filter(|id| !self.used.contains(**id) && !self.shared.contains(**id))
            .filter_map(|id| self.symbols.get(id).map(|s| (*id, s.decl.id.span, s.kind)))
            .collect();
        for (id, span, kind) in unused {
            self.diags.push(
                Diagnostic::new(
                    Code::Unused,
                    span,
                    format!("{} `{id}` is declared but never used", kind.keyword()),
                )
                .label("never referred to")
                .help(format!(
                    "refer to it with `@{id}`, or remove the declaration if the release does not need it"
                )),
            );
        }
    }

    /// Reports each cycle of org parents once, at the org declared first.
    fn org_cycles(&mut self, typed: &[(&'a Decl, Fields)]) {
        let parents: HashMap<&str, (String, Span)> = typed
            .iter()
            .filter(|(d, _)| d.kind.node == DeclKind::Org)
            .filter_map(|(d, f)| {
                Some((
                    d.id.node.as_str(),
                    (f.id(Field::Parent)?, f.span(Field::Parent)?),
                ))
            })
            .collect();
        let position = |id: &str| self.order.iter().position(|o| *o == id);
        let mut reports = Vec::new();
        for (start, _) in typed.iter().filter(|(d, _)| d.kind.node == DeclKind::Org) {
            let start = start.id.node.as_str();
            let mut path = vec![start];
            let mut at = start;
            while let Some((parent, _)) = parents.get(at) {
                if parent == start {
                    // Report once: at the member declared first.
                    if path.iter().all(|p| position(p) >= position(start)) {
                        reports.push(path.clone());
                    }
                    break;
                }
                if path.contains(&parent.as_str()) || path.len() > parents.len() {
                    break;
                }
                at = parent.as_str();
                path.push(at);
            }
        }
        for cycle in reports {
            let chain = cycle
                .iter()
                .chain(cycle.first())
                .map(|c| format!("`{c}`"))
                .collect::<Vec<_>>()
                .join(" → ");
            let mut d = Diagnostic::new(
                Code::OrgCycle,
                parents[cycle[0]].1,
                format!("org `{}` is its own ancestor", cycle[0]),
            )
            .label(format!("the chain of parents comes back: {chain}"))
            .help("an org's parent is a larger org that contains it; remove the `parent` that closes the loop");
            for member in &cycle[1..] {
                d = d.also(parents[member].1, format!("`{member}` has this parent"));
            }
            self.diags.push(d);
        }
    }

    /// Reads every phone number of the release: one written with `+` as it
    /// stands, one in a country's national form (`202-358-1600`) by the
    /// country of the contact, else of its org (or the org's parents),
    /// else of the dateline's place. All of them with one phone library,
    /// prepared for them together (`phone::prepare`).
    fn phones(&mut self, typed: &mut [(&'a Decl, Fields)], h: Option<&Header>) {
        fn code<'t>(typed: &'t [(&Decl, Fields)], kind: DeclKind, id: &str) -> Option<&'t Fields> {
            typed
                .iter()
                .find(|(d, _)| d.kind.node == kind && d.id.node == id)
                .map(|(_, f)| f)
        }
        let country = |f: &Fields| f.text(Field::CountryCode);
        let mut regions = Vec::new();
        for (d, f) in typed.iter() {
            if d.kind.node != DeclKind::Contact {
                continue;
            }
            let national = f
                .all(Field::Phone)
                .any(|v| matches!(v, Val::Phone { text, .. } if !phone::is_international(text)));
            if !national {
                regions.push(None);
                continue;
            }
            let mut region = country(f);
            // The org, then its parents; a cycle is E0105's, so stop.
            let mut org = f.id(Field::Org);
            let mut seen = 0;
            while region.is_none()
                && let Some(id) = org
                && seen < 32
            {
                let o = code(typed, DeclKind::Org, &id);
                region = o.and_then(country);
                org = o.and_then(|o| o.id(Field::Parent));
                seen += 1;
            }
            if region.is_none()
                && let Some(place) = h.and_then(|h| h.dateline.place.as_deref())
            {
                region = code(typed, DeclKind::Place, place).and_then(country);
            }
            regions.push(Some(region));
        }
        let contacts = || {
            typed
                .iter()
                .filter(|(d, _)| d.kind.node == DeclKind::Contact)
        };
        let numbers: Vec<(&str, Option<rlibphonenumber::Region>)> = contacts()
            .zip(&regions)
            .flat_map(|((_, f), region)| {
                f.all(Field::Phone).filter_map(move |v| match v {
                    Val::Phone { text, .. } => Some((
                        text.as_str(),
                        region
                            .as_ref()
                            .and_then(|r| r.as_deref())
                            .and_then(|r| rlibphonenumber::Region::from_code(r).ok())
                            .filter(|_| !phone::is_international(text)),
                    )),
                    _ => None,
                })
            })
            .collect();
        phone::prepare(&numbers);
        let contacts = typed
            .iter_mut()
            .filter(|(d, _)| d.kind.node == DeclKind::Contact);
        for ((_, f), region) in contacts.zip(regions) {
            let region = region.flatten();
            for (v, _) in f.all_mut(Field::Phone) {
                if let Val::Phone { text, e164, at, .. } = v
                    && e164.is_empty()
                {
                    match fields::read_phone(text, region.as_deref(), *at, self) {
                        Some(e) => *e164 = e,
                        None => *v = Val::Word(String::new()),
                    }
                }
            }
        }
    }

    /// A meeting's time needs a day to stand on.
    fn meeting_times(&mut self, typed: &[(&'a Decl, Fields)]) {
        for (d, f) in typed
            .iter()
            .filter(|(d, _)| d.kind.node == DeclKind::Meeting)
        {
            if let (Some(Val::Dates(_, _, precision)), Some(time_span), Some(dates_span)) = (
                f.one(Field::Dates),
                f.span(Field::Time),
                f.span(Field::Dates),
            ) && !precision.is_day()
            {
                self.diags.push(
                    Diagnostic::new(
                        Code::WrongType,
                        time_span,
                        format!(
                            "meeting `{}` has a time, but its dates are known only to the {}",
                            d.id.node,
                            precision.word()
                        ),
                    )
                    .label("a time with no day")
                    .also(dates_span, format!("known to the {}", precision.word()))
                    .help("give the day in `dates` (YYYY-MM-DD), or leave the time out until the day is known"),
                );
            }
        }
    }

    /// A meeting held after the release was issued cannot be over; one
    /// planned before it probably took place.
    fn meeting_dates(&mut self, typed: &[(&'a Decl, Fields)], h: &Header) {
        let dateline = h.dateline.date;
        for (d, f) in typed
            .iter()
            .filter(|(d, _)| d.kind.node == DeclKind::Meeting)
        {
            let (
                Some(Val::Dates(start, end, _)),
                Some(status),
                Some(status_span),
                Some(dates_span),
            ) = (
                f.one(Field::Dates),
                f.text(Field::Status),
                f.span(Field::Status),
                f.span(Field::Dates),
            )
            else {
                continue;
            };
            let id = &d.id.node;
            let status = model::MeetingStatus::from_word(&status);
            if status == Some(model::MeetingStatus::Held) && *end > dateline {
                self.diags.push(
                    Diagnostic::new(
                        Code::HeldInFuture,
                        status_span,
                        format!(
                            "meeting `{id}` is marked held, but it ends after the release's date"
                        ),
                    )
                    .label("held")
                    .also(dates_span, format!("ends {end}"))
                    .also(h.dateline_span, format!("the release is dated {dateline}"))
                    .help("write `status planned` or `status under-way`, or correct the dates"),
                );
            } else if status == Some(model::MeetingStatus::Planned) && *start < dateline {
                self.diags.push(
                    Diagnostic::new(
                        Code::PlannedInPast,
                        status_span,
                        format!("meeting `{id}` is marked planned, but it starts before the release's date"),
                    )
                    .label("planned")
                    .also(dates_span, format!("starts {start}"))
                    .also(h.dateline_span, format!("the release is dated {dateline}"))
                    .help("write `status under-way` or `status held`, or correct the dates"),
                );
            }
        }
    }

    /// A contact must give some way to reach it.
    fn reachable_contacts(&mut self, decls: &[&'a Decl]) {
        for d in decls.iter().filter(|d| d.kind.node == DeclKind::Contact) {
            let reachable = d
                .fields
                .iter()
                .any(|f| f.key.node == Field::Phone.name() || f.key.node == Field::Email.name());
            if !reachable {
                self.diags.push(
                    Diagnostic::new(
                        Code::UnreachableContact,
                        d.id.span,
                        format!("contact `{}` has neither a phone nor an e-mail", d.id.node),
                    )
                    .label("no way to reach this contact")
                    .help("add `phone \"+(country code) (number)\"` or `email <address>`, as the contact gives them"),
                );
            }
        }
    }

    fn declare(&mut self, d: &'a Decl) {
        let id = d.id.node.as_str();
        if let Some(first) = self.symbols.get(id) {
            self.diags.push(
                Diagnostic::new(
                    Code::DuplicateId,
                    d.id.span,
                    format!("the id `{id}` is declared twice"),
                )
                .label("declared again here")
                .also(first.decl.id.span, "first declared here")
                .help("give each declaration an id of its own, or remove one"),
            );
            return;
        }
        self.symbols.insert(
            id,
            Declared {
                kind: d.kind.node,
                decl: d,
            },
        );
        self.order.push(id);
    }

    fn check_name(&mut self, d: &Decl) {
        let kw = d.kind.node.keyword();
        // What the quoted text after the id is, for this kind.
        let (name, example) = match d.kind.node {
            DeclKind::Footnote => ("text", "The note's text."),
            DeclKind::Image => ("caption", "What the caption says"),
            _ => ("name", "Its name"),
        };
        match &d.name {
            None => self.diags.push(
                Diagnostic::new(
                    Code::MissingField,
                    d.id.span,
                    format!("{kw} `{}` has no {name}", d.id.node),
                )
                .label(format!("the {name} goes after the id"))
                .help(format!(
                    "write it in quotes: `{kw} {} \"{example}\" {{ ... }}`",
                    d.id.node
                )),
            ),
            Some(n) if n.node.trim().is_empty() => self.diags.push(
                Diagnostic::new(
                    Code::EmptyText,
                    n.span,
                    format!("{kw} `{}` has an empty name", d.id.node),
                )
                .label("empty text")
                .help("write the name between the quotes"),
            ),
            Some(n) => {
                let what = format!("the name of {kw} `{}`", d.id.node);
                self.diags
                    .extend(fields::line_break(&what, &n.node, n.span));
            }
        }
    }

    fn header(&mut self, file: &'a ast::File) -> Option<Header> {
        // A translation's facts are its original's; where that cannot be
        // read (E0802), its header is not checked on half of them.
        if file.missing_original {
            return None;
        }
        let mut releases = file.items.iter().filter_map(|i| match i {
            Item::Release(r) => Some(r),
            _ => None,
        });
        let Some(r) = releases.next() else {
            // Shared declarations need no header; nor does a file whose
            // header may stand in text a syntax error skipped.
            if self.recovered || self.shared_file {
                return None;
            }
            self.diags.push(
                Diagnostic::new(Code::MissingRelease, Span::new(0, 0), "this file has no release header")
                    .label("a release starts with its header")
                    .help("add `release { headline \"...\" dateline @place 2017-02-21 issuer @org }` at the top"),
            );
            return None;
        };
        for extra in releases {
            self.diags.push(
                Diagnostic::new(
                    Code::DuplicateSection,
                    extra.keyword,
                    "a file holds one release header",
                )
                .label("a second header")
                .also(r.keyword, "the first header")
                .help("put each release in a file of its own"),
            );
        }
        let examples = self.examples.clone();
        let f = fields::check_fields(
            "the release header",
            crate::schema::RELEASE_FIELDS,
            &r.fields,
            r.keyword,
            &|spec: &FieldSpec| examples.field(spec),
            self,
        );
        let locale = match f.one(Field::Locale) {
            Some(Val::Locale(l)) => *l,
            _ => Locale::default(),
        };
        self.locale = locale;
        let words = self.house_words(locale);
        // The dateline's place and date, each of which may be left out;
        // the release's date comes from the dateline or from `date`.
        // A field written but not read was reported where it stands.
        let written = |field: Field| r.fields.iter().any(|fl| fl.key.node == field.name());
        let (place, shown_date) = match f.one(Field::Dateline) {
            Some(Val::Dateline { place, date }) => (place.clone(), *date),
            _ if written(Field::Dateline) => return None,
            _ => (None, None),
        };
        let given_date = match f.one(Field::Date) {
            Some(Val::Dates(d, ..)) => Some(*d),
            _ => None,
        };
        let date = match (shown_date, given_date) {
            (Some(d), None) | (None, Some(d)) => d,
            (Some(d), Some(_)) => {
                if let (Some(span), Some(dspan)) = (f.span(Field::Date), f.span(Field::Dateline)) {
                    self.report(
                        Diagnostic::new(
                            Code::DuplicateField,
                            span,
                            "the release's date is written twice: in the dateline and in `date`",
                        )
                        .label("written again here")
                        .also(dspan, "the dateline's date")
                        .help("keep the date in the dateline, or take it out of the dateline (`dateline @place`) and keep `date`"),
                    );
                }
                d
            }
            (None, None) => {
                if !written(Field::Date) {
                    self.report(
                        Diagnostic::new(Code::MissingField, r.keyword, "the release has no date")
                            .label("when is this released?")
                            .help("give the date in the dateline, `dateline @place 2017-02-21`, or, when the dateline shows none, in `date 2017-02-21`"),
                    );
                }
                return None;
            }
        };
        // The place, as the dateline writes it and as its own line does.
        let (place_text, line_place) = match &place {
            Some(p) => {
                let place_decl = self.symbols.get(p.as_str())?.decl;
                let country =
                    fields::in_language(&place_decl.fields, Field::Country.name(), locale)
                        .map(|s| s.trim().to_string());
                let city =
                    fields::in_language(&place_decl.fields, crate::schema::LOCALIZED_NAME, locale)
                        .or_else(|| place_decl.name.as_ref().map(|n| n.node.as_str()))
                        .unwrap_or_default();
                let text = locale.dateline_place(city, country.as_deref());
                // In its own case on a line of its own: `Nha Trang, Viet Nam`.
                let upper = city.to_uppercase();
                let rest = text.strip_prefix(upper.as_str()).unwrap_or_default();
                let own = format!("{city}{rest}");
                (Some(text), Some(own))
            }
            None => (None, None),
        };
        let date_text = locale.date(date);
        let shows_date = shown_date.is_some();
        let style = f
            .text(Field::DatelineStyle)
            .and_then(|w| model::DatelineStyle::from_word(&w))
            .unwrap_or_default();
        let wire = match (style.wire(), f.text(Field::Wire)) {
            (Some(_), Some(name)) => Some(name),
            (Some(own), None) => Some(own.to_string()),
            (None, Some(_)) => {
                if let Some(span) = f.span(Field::Wire) {
                    self.report(
                        Diagnostic::new(
                            Code::WrongType,
                            span,
                            "a wire's name goes with a wire's dateline style",
                        )
                        .label("this dateline is not set as a wire sets it")
                        .help("choose the wire's style too: `dateline-style pr-newswire` (or business-wire, globe-newswire), or remove `wire`"),
                    );
                }
                None
            }
            (None, None) => None,
        };
        let comma = words.text(Msg::Comma);
        let (line, line_place) = match style {
            model::DatelineStyle::OwnLine => {
                let parts: Vec<&str> = line_place
                    .as_deref()
                    .into_iter()
                    .chain(shows_date.then_some(date_text.as_str()))
                    .collect();
                ((!parts.is_empty()).then(|| parts.join(&comma)), line_place)
            }
            model::DatelineStyle::BusinessWire => (shows_date.then(|| date_text.clone()), None),
            _ => (None, None),
        };
        let dateline = model::Dateline {
            place,
            date,
            place_text,
            date_text,
            shows_date,
            style,
            wire,
            line,
            line_place,
            comma,
        };
        let embargo = match f.one(Field::Embargo) {
            Some(Val::Instant(z, zone)) => Some(model::Embargo {
                local: z.to_string(),
                utc: z.timestamp().to_string(),
                zone: zone.clone(),
                text: words.moment(z),
            }),
            _ => None,
        };
        let topics = match f.one(Field::Topics) {
            Some(Val::Texts(t)) => t.clone(),
            _ => Vec::new(),
        };
        if let (Some(Val::Instant(z, _)), Some(span), Some(dspan)) = (
            f.one(Field::Embargo),
            f.span(Field::Embargo),
            f.span(Field::Dateline),
        ) && z.date() > date
        {
            self.diags.push(
                    Diagnostic::new(
                        Code::EmbargoAfterDateline,
                        span,
                        "the embargo lifts after the date of the release",
                    )
                    .label(format!("lifts on {}", z.date()))
                    .also(dspan, format!("the release is dated {date}"))
                    .help("an embargo holds a release back until its date at the latest: correct the embargo or the dateline"),
                );
        }
        if let (Some(headline), Some(span)) = (f.text(Field::Headline), f.span(Field::Headline)) {
            let len = headline.chars().count();
            if len > 100 {
                self.diags.push(
                    Diagnostic::new(
                        Code::LongHeadline,
                        span,
                        format!("the headline is {len} characters long"),
                    )
                    .label("over 100 characters")
                    .help("keep the headline under 100 characters; move detail to a `subheadline`"),
                );
            }
            if headline.ends_with('.') && !headline.ends_with("...") {
                let end = span.end - 1;
                self.diags.push(
                    Diagnostic::new(
                        Code::HeadlineFullStop,
                        Span::new(end - 1, end),
                        "the headline ends with a full stop",
                    )
                    .label("full stop")
                    .help("headlines take no full stop: remove it"),
                );
            }
        }
        let kind = f
            .text(Field::Kind)
            .and_then(|k| model::Kind::from_word(&k))
            .unwrap_or_default();
        let corrects = match f.one(Field::Corrects) {
            Some(Val::Url(u)) => Some(model::Citation {
                text: u.clone(),
                url: Some(u.clone()),
            }),
            Some(Val::Text(id)) => Some(model::Citation {
                text: id.clone(),
                url: None,
            }),
            _ => None,
        };
        match (kind, f.span(Field::Corrects)) {
            (model::Kind::Correction, None) => {
                self.diags.push(
                    Diagnostic::new(
                        Code::MissingField,
                        f.span(Field::Kind).unwrap_or(r.keyword),
                        "a correction does not say which release it corrects",
                    )
                    .label("a correction")
                    .help("add `corrects` with the corrected release's URL or id: `corrects <https://example.org/press/first-release>`"),
                );
            }
            // A kind written wrongly is reported as that, not as this.
            (k, Some(span))
                if k != model::Kind::Correction
                    && (f.one(Field::Kind).is_some()
                        || !r.fields.iter().any(|x| x.key.node == Field::Kind.name())) =>
            {
                self.diags.push(
                    Diagnostic::new(
                        Code::MissingField,
                        span,
                        "`corrects` names a release to correct, but this release is not a correction",
                    )
                    .label("only a correction corrects")
                    .help("add `kind correction` to the header, or remove `corrects`"),
                );
            }
            _ => {}
        }
        let marks = words.marks();
        Some(Header {
            kind,
            corrects,
            id: f.text(Field::Id).unwrap_or_else(|| self.default_id.clone()),
            words: words.clone(),
            dateline_span: f.span(Field::Dateline).unwrap_or(r.keyword),
            dateline_year: date.year(),
            kicker: f
                .text(Field::Kicker)
                .map(|s| prose::smarten_str(&s, &marks)),
            headline: prose::smarten_str(&f.text(Field::Headline)?, &marks),
            subheadline: f
                .text(Field::Subheadline)
                .map(|s| prose::smarten_str(&s, &marks)),
            dateline,
            embargo,
            issuers: f.ids(Field::Issuer),
            topics,
            range_dash: f
                .text(Field::RangeDash)
                .and_then(|w| model::RangeDash::from_word(&w))
                .unwrap_or_default(),
            attribution: f
                .text(Field::Attribution)
                .and_then(|w| model::AttributionStyle::from_word(&w))
                .unwrap_or_else(|| model::AttributionStyle::usual(words.locale.lang())),
            org_names: f
                .text(Field::OrgNames)
                .and_then(|w| model::OrgNames::from_word(&w))
                .unwrap_or_default(),
            end_mark: match f.one(Field::EndMark) {
                Some(Val::Text(mark)) => mark.clone(),
                // `end-mark none`
                Some(_) => String::new(),
                None => words.text(Msg::EndMark),
            },
        })
    }
}

/// The checked header.
/// The house style the header sets, as the parts of the release need it.
#[derive(Clone, Debug, Default)]
pub(crate) struct House {
    /// The locale, and the fixed words with the house's over them.
    pub words: crate::locale::Words,
    pub range_dash: model::RangeDash,
    pub attribution: model::AttributionStyle,
    pub org_names: model::OrgNames,
}

pub(crate) struct Header {
    pub id: String,
    /// The locale, and the fixed words with the house's wording over the
    /// language's.
    pub words: crate::locale::Words,
    pub dateline_span: Span,
    pub dateline_year: i16,
    pub kicker: Option<String>,
    pub headline: String,
    pub subheadline: Option<String>,
    pub dateline: model::Dateline,
    pub embargo: Option<model::Embargo>,
    pub issuers: Vec<String>,
    pub topics: Vec<String>,
    pub end_mark: String,
    pub range_dash: model::RangeDash,
    pub attribution: model::AttributionStyle,
    pub org_names: model::OrgNames,
    pub kind: model::Kind,
    pub corrects: Option<model::Citation>,
}

impl Checker<'_> {
    /// The release's fixed words: its language's, with the wording of the
    /// house's catalogue over them, whose problems are reported here.
    fn house_words(&mut self, locale: Locale) -> crate::locale::Words {
        use crate::locale::messages::{HouseProblem, HouseWords, house_problems};
        let Some((source, base)) = self.house_words.clone() else {
            return locale.words();
        };
        let span = |at: &std::ops::Range<usize>| {
            Span::new(
                base + at.start,
                base + at.end.max(at.start + 1).min(source.len()),
            )
        };
        for problem in house_problems(&source) {
            let d = match problem {
                HouseProblem::Syntax { at, what } => Diagnostic::new(
                    Code::HouseWordsSyntax,
                    span(&at),
                    "the house's catalogue is not Fluent here",
                )
                .label(what)
                .help("a message is its id, `=` and its text on one line, such as `status-immediate = For release on receipt`; a line starting `#` is a comment"),
                HouseProblem::Twice { at, id } => Diagnostic::new(
                    Code::HouseWordsSyntax,
                    span(&at),
                    format!("`{id}` is worded twice"),
                )
                .label("a second wording")
                .help("keep one wording of each message; the first is the one printed"),
                HouseProblem::Unknown { at, id } => {
                    let ids = Msg::ALL.iter().map(|m| m.id());
                    let d = Diagnostic::new(
                        Code::UnknownMessage,
                        span(&at),
                        format!("relc prints no message `{id}`"),
                    )
                    .label("never printed");
                    match crate::suggest::closest(&id, ids) {
                        Some(m) => d.help(format!("did you mean `{m}`?")).fix(
                            format!("Write `{m}`"),
                            span(&at),
                            m.to_string(),
                        ),
                        None => d.help("`relc explain W0509` lists the messages a house may word; their ids are those of src/locale/en.ftl"),
                    }
                }
            };
            self.report(d);
        }
        crate::locale::Words {
            locale,
            house: HouseWords::new(locale.language(), &source),
        }
    }
}

/// A kind of release as a message names it: "media advisory".
fn kind_words(kind: model::Kind) -> String {
    Locale::default().words().kind(kind).to_lowercase()
}
