//! Field schemas, and the typing of written values against them.

use rustc_hash::FxHashMap as HashMap;

use jiff::civil::{Date, Time};
use jiff::{Timestamp, ZonedDateTime, tz::TimeZone};

use crate::diag::{Code, Diagnostic};
use crate::locale::{Locale, LocaleError};
use crate::model::Precision;
use crate::schema::{self, FIELD_ALIASES, FieldSpec, Ty};
use crate::span::Span;
use crate::syntax::ast::{DeclKind, Field, Ref, Value, ValueKind};

/// A typed value.
#[derive(Clone, Debug)]
pub enum Val {
    Text(String),
    Ticker(crate::model::Ticker),
    Texts(Vec<String>),
    Url(String),
    Email(String),
    /// A phone number as written; its E.164 form is empty until the
    /// checker reads it (`Checker::phones`), at `at`, the number's span.
    Phone {
        text: String,
        e164: String,
        label: Option<crate::model::PhoneLabel>,
        at: Span,
    },
    Ref {
        id: String,
        kind: DeclKind,
    },
    /// The first day and the last, and how much of them is known.
    Dates(Date, Date, crate::model::Precision),
    Times(Time, Option<Time>),
    Instant(ZonedDateTime, String),
    Zone(String),
    Locale(Locale),
    Word(String),
    /// A dateline: its place and its date, either of which may be left
    /// out (`dateline none` leaves out both).
    Dateline {
        place: Option<String>,
        date: Option<Date>,
    },
}

/// The typed fields of one block, by name.
#[derive(Default)]
pub struct Fields {
    map: HashMap<schema::Field, Vec<(Val, Span)>>,
    /// The declaration's name in the release's language, where it gives
    /// one (`name.ja "..."`).
    name: Option<String>,
}

impl Fields {
    /// The declaration's name in the release's language, where it gives
    /// one: else its name is the string after its id.
    pub fn name_in_language(&self) -> Option<&str> {
        self.name.as_deref()
    }

    pub fn one(&self, field: schema::Field) -> Option<&Val> {
        self.map.get(&field).and_then(|v| v.first()).map(|(v, _)| v)
    }

    /// Where the first value of a field was written.
    pub fn span(&self, field: schema::Field) -> Option<Span> {
        self.map
            .get(&field)
            .and_then(|v| v.first())
            .map(|(_, s)| *s)
    }

    /// Every value of a field, with where it was written, to change.
    pub fn all_mut(&mut self, field: schema::Field) -> impl Iterator<Item = &mut (Val, Span)> {
        self.map.get_mut(&field).into_iter().flatten()
    }

    pub fn all(&self, field: schema::Field) -> impl Iterator<Item = &Val> {
        self.map.get(&field).into_iter().flatten().map(|(v, _)| v)
    }

    pub fn text(&self, field: schema::Field) -> Option<String> {
        match self.one(field) {
            Some(Val::Text(s)) | Some(Val::Url(s)) | Some(Val::Zone(s)) | Some(Val::Word(s)) => {
                Some(s.clone())
            }
            _ => None,
        }
    }

    pub fn id(&self, field: schema::Field) -> Option<String> {
        match self.one(field) {
            Some(Val::Ref { id, .. }) => Some(id.clone()),
            _ => None,
        }
    }

    /// Every listing written in a ticker field.
    pub fn tickers(&self, field: schema::Field) -> Vec<crate::model::Ticker> {
        self.all(field)
            .filter_map(|v| match v {
                Val::Ticker(t) => Some(t.clone()),
                _ => None,
            })
            .collect()
    }

    /// Every id a reference field names, in the order written.
    pub fn ids(&self, field: schema::Field) -> Vec<String> {
        self.all(field)
            .filter_map(|v| match v {
                Val::Ref { id, .. } => Some(id.clone()),
                _ => None,
            })
            .collect()
    }

    pub fn email(&self, field: schema::Field) -> Option<String> {
        match self.one(field) {
            Some(Val::Email(e)) => Some(e.clone()),
            _ => None,
        }
    }
}

/// What the checker knows of the declarations while it types values.
pub trait Resolve {
    /// Resolves a reference that must be of one of `kinds`, reporting an
    /// unknown id or a wrong kind.
    fn resolve(&mut self, r: &Ref, kinds: &[DeclKind]) -> Option<DeclKind>;
    fn report(&mut self, d: Diagnostic);
    /// The time zone of the release's own place (its dateline's), when the
    /// file gives one: the example a message about a zone offers.
    fn home_zone(&self) -> Option<String> {
        None
    }
    /// The release's locale, which chooses among a field's languages.
    fn locale(&self) -> Locale {
        Locale::default()
    }
}

/// How well a text written for `written` fits a release in `release`: the
/// same tag best (`fr-CA` for `fr-CA`), then the language alone (`fr`),
/// then another region of the language (`fr-FR`); none for another
/// language.
fn fit(written: Locale, release: Locale) -> Option<u8> {
    if written.lang() != release.lang() {
        return None;
    }
    Some(if written == release {
        3
    } else if !written.tag().contains('-') {
        2
    } else {
        1
    })
}

/// The text of `base` in the release's language among `fields` as
/// written (`country.fr "Viêt Nam"`), where one fits; the first of the
/// best fit. For what is read before the fields are typed (the
/// dateline's place).
pub fn in_language<'f>(fields: &'f [Field], base: &str, release: Locale) -> Option<&'f str> {
    let localized = fields
        .iter()
        .filter_map(|f| {
            let (b, tag) = f.base();
            let fits = fit(Locale::from_tag(tag?).ok()?, release)?;
            (b == base).then_some((fits, f))
        })
        .fold(None::<(u8, &Field)>, |best, (fits, f)| match best {
            Some((b, _)) if b >= fits => best,
            _ => Some((fits, f)),
        });
    match localized {
        Some((_, f)) => f.text(),
        None => fields.iter().find(|f| f.key.node == base)?.text(),
    }
}

/// A text field written in one language: `title.fr "directrice"`.
struct Localized {
    /// The field; none for the declaration's name.
    field: Option<schema::Field>,
    locale: Locale,
    text: String,
    span: Span,
}

/// The field a written name most likely means: a known alias, else the
/// nearest spelling among the block's fields.
fn field_meant(key: &str, specs: &'static [FieldSpec]) -> Option<&'static FieldSpec> {
    let lower = key.to_lowercase();
    FIELD_ALIASES
        .iter()
        .filter(|(alias, _)| *alias == lower)
        .find_map(|(_, field)| specs.iter().find(|s| s.field == *field))
        .or_else(|| {
            let name = crate::suggest::closest(key, specs.iter().map(|s| s.name))?;
            specs.iter().find(|s| s.name == name)
        })
}

/// The IANA zone a zone abbreviation usually stands for.
fn zone_of_abbreviation(abbr: &str) -> Option<&'static str> {
    Some(match abbr {
        "PST" | "PDT" | "PT" => "America/Los_Angeles",
        "MST" | "MDT" | "MT" => "America/Denver",
        "CST" | "CDT" | "CT" => "America/Chicago",
        "EST" | "EDT" | "ET" => "America/New_York",
        "AKST" | "AKDT" => "America/Anchorage",
        "HST" => "Pacific/Honolulu",
        "GMT" | "BST" => "Europe/London",
        "UTC" | "UT" => "UTC",
        "WET" | "WEST" => "Europe/Lisbon",
        "CET" | "CEST" => "Europe/Paris",
        "EET" | "EEST" => "Europe/Athens",
        "MSK" => "Europe/Moscow",
        "IST" => "Asia/Kolkata",
        "ICT" => "Asia/Bangkok",
        "WIB" => "Asia/Jakarta",
        "SGT" => "Asia/Singapore",
        "HKT" => "Asia/Hong_Kong",
        "PHT" => "Asia/Manila",
        "JST" => "Asia/Tokyo",
        "KST" => "Asia/Seoul",
        "AWST" => "Australia/Perth",
        "ACST" | "ACDT" => "Australia/Adelaide",
        "AEST" | "AEDT" => "Australia/Sydney",
        "NZST" | "NZDT" => "Pacific/Auckland",
        _ => return None,
    })
}

/// A field whose key is a zone's abbreviation written after the time of
/// the field before it (`embargo 2017-02-20T09:00 PDT`): one diagnostic
/// that names the zone, and the field the abbreviation took for its value,
/// if it took one (`PDT issuer @apec` once lost the issuer).
fn zone_abbreviation(
    time_field: &Field,
    abbr: &Field,
    cx: &mut dyn Resolve,
) -> Option<Option<Field>> {
    let key = abbr.key.node.as_str();
    let last = time_field.values.last()?;
    let ValueKind::Temporal(t) = &last.kind else {
        return None;
    };
    if !t.contains(':') || t.contains('[') || t.ends_with('Z') {
        return None;
    }
    let known = zone_of_abbreviation(key);
    if known.is_none() && !(key.len() <= 5 && key.chars().all(|c| c.is_ascii_uppercase())) {
        return None;
    }
    let zone = cx
        .home_zone()
        .filter(|z| known.is_none_or(|k| k == z))
        .or(known.map(str::to_string));
    let written = zone.as_deref().unwrap_or("Area/City");
    cx.report(
        Diagnostic::new(
            Code::EmbargoWithoutZone,
            abbr.key.span,
            format!("`{key}` is a time zone's abbreviation, and relc needs the zone's name"),
        )
        .label("an abbreviation names no zone: its dates of summer time are unknown")
        .also(last.span, "the time it belongs to")
        .help(format!(
            "write the zone's IANA name in brackets after the time: `{t}[{written}]`"
        ))
        .fix(
            format!("Write {t}[{written}]"),
            last.span.join(abbr.key.span),
            format!("{t}[{written}]"),
        ),
    );
    // What the abbreviation took as its value: the next field's name and
    // values.
    let mut values = abbr.values.iter();
    let taken = match values.next() {
        Some(Value {
            kind: ValueKind::Word(w),
            span,
        }) => Some(Field {
            key: crate::span::Spanned::new(w.clone(), *span),
            values: values.cloned().collect(),
            span: abbr.span,
        }),
        _ => None,
    };
    Some(taken)
}

/// Checks the fields of a block against its schema: unknown, duplicate,
/// missing and mistyped fields are all reported.
pub fn check_fields(
    owner: &str,
    specs: &'static [FieldSpec],
    fields: &[Field],
    head: Span,
    example: &dyn Fn(&FieldSpec) -> String,
    cx: &mut dyn Resolve,
) -> Fields {
    let mut out = Fields::default();
    let mut first_seen: HashMap<schema::Field, Span> = HashMap::default();
    // A zone's abbreviation after a time reads as a field of its own, and
    // takes the next field as its value: both are put right first.
    let mut fields: Vec<std::borrow::Cow<'_, Field>> =
        fields.iter().map(std::borrow::Cow::Borrowed).collect();
    let mut i = 0;
    while i + 1 < fields.len() {
        let known = specs.iter().any(|s| s.name == fields[i + 1].key.node);
        if !known && let Some(taken) = zone_abbreviation(&fields[i], &fields[i + 1], cx) {
            // The time is reported; the field it was written in is left
            // out, so its zone is not reported again.
            let put: Vec<_> = taken.map(std::borrow::Cow::Owned).into_iter().collect();
            fields.splice(i..i + 2, put);
            continue;
        }
        i += 1;
    }
    // Required fields written under another name: reported once, as that.
    let mut stands_for: HashMap<schema::Field, Span> = HashMap::default();
    let mut localized: Vec<Localized> = Vec::new();
    let mut seen_keys: HashMap<&str, Span> = HashMap::default();
    for field in &fields {
        let key = field.key.node.as_str();
        if let (base, Some(tag)) = field.base() {
            if let Some(first) = seen_keys.get(key) {
                written_twice(owner, key, field.key.span, *first, cx);
                continue;
            }
            seen_keys.insert(key, field.key.span);
            localized.extend(in_one_language(owner, specs, field, base, tag, cx));
            continue;
        }
        let Some(spec) = specs.iter().find(|s| s.name == key) else {
            let names: Vec<&str> = specs.iter().map(|s| s.name).collect();
            let mut d = Diagnostic::new(
                Code::UnknownField,
                field.key.span,
                format!("{owner} has no field `{key}`"),
            )
            .label("unknown field");
            let label = crate::model::PhoneLabel::from_word(&key.to_lowercase())
                .filter(|_| specs.iter().any(|s| matches!(s.ty, Ty::Phone)));
            d = match (field_meant(key, specs), label) {
                // `mobile "+84 ..."`: a number's label, written as a field.
                (Some(meant), Some(label)) => {
                    let word = label.word();
                    d.help(format!(
                        "a {word} number is a phone with its label before it: `phone {word} \"...\"`"
                    ))
                    .fix(
                        format!("Write `phone {word}`"),
                        field.key.span,
                        format!("{} {word}", meant.name),
                    )
                }
                (Some(meant), None) => {
                    let taken = fields.iter().any(|f| f.key.node == meant.name);
                    if !taken {
                        stands_for.insert(meant.field, field.key.span);
                    }
                    d.help(format!("did you mean `{}`?", meant.name)).fix(
                        format!("Write `{}`", meant.name),
                        field.key.span,
                        meant.name,
                    )
                }
                (None, _) => d.help(format!("the fields it takes are: {}", names.join(", "))),
            };
            cx.report(d);
            continue;
        };
        let key = spec.name;
        if !spec.many {
            if let Some(first) = first_seen.get(&spec.field) {
                written_twice(owner, key, field.key.span, *first, cx);
                continue;
            }
            first_seen.insert(spec.field, field.key.span);
        }
        for (val, span) in type_field(spec, field, cx) {
            out.map.entry(spec.field).or_default().push((val, span));
        }
    }
    // Of the texts written in one language, each field takes the one that
    // fits the release's language best, over the text in every language.
    let release = cx.locale();
    let mut best: Vec<(Option<schema::Field>, u8, Localized)> = Vec::new();
    for l in localized {
        let Some(fits) = fit(l.locale, release) else {
            continue;
        };
        match best.iter_mut().find(|(f, ..)| *f == l.field) {
            Some(b) if b.1 >= fits => {}
            Some(b) => *b = (l.field, fits, l),
            None => best.push((l.field, fits, l)),
        }
    }
    for (field, _, l) in best {
        match field {
            Some(f) => {
                out.map.insert(f, vec![(Val::Text(l.text), l.span)]);
            }
            None => out.name = Some(l.text),
        }
    }
    for spec in specs.iter().filter(|s| s.required) {
        if !out.map.contains_key(&spec.field)
            && !first_seen.contains_key(&spec.field)
            && !stands_for.contains_key(&spec.field)
        {
            cx.report(
                Diagnostic::new(
                    Code::MissingField,
                    head,
                    format!("{owner} has no `{}`", spec.name),
                )
                .label(format!("needs `{}`: {}", spec.name, spec.doc))
                .help(format!("add it: `{}`", example(spec))),
            );
        }
    }
    out
}

/// A field that takes one value, written a second time at `again`.
fn written_twice(owner: &str, key: &str, again: Span, first: Span, cx: &mut dyn Resolve) {
    cx.report(
        Diagnostic::new(
            Code::DuplicateField,
            again,
            format!("field `{key}` is written twice in {owner}"),
        )
        .label("written again here")
        .also(first, "first written here")
        .help("keep one of them"),
    );
}

/// A field written in one language, `base.tag`: a text field of the block
/// (or the declaration's name), in a language relc writes, holding one
/// text.
fn in_one_language(
    owner: &str,
    specs: &'static [FieldSpec],
    field: &Field,
    base: &str,
    tag: &str,
    cx: &mut dyn Resolve,
) -> Option<Localized> {
    let key_span = field.key.span;
    let base_span = Span::new(key_span.start, key_span.start + base.len());
    let tag_span = Span::new(base_span.end + 1, key_span.end);
    let spec = if base == schema::LOCALIZED_NAME {
        None
    } else {
        let Some(spec) = specs.iter().find(|s| s.name == base) else {
            let d = Diagnostic::new(
                Code::UnknownField,
                base_span,
                format!("{owner} has no field `{base}`"),
            )
            .label("unknown field");
            let d = match field_meant(base, specs) {
                Some(meant) => d
                    .help(format!("did you mean `{}.{tag}`?", meant.name))
                    .fix(format!("Write `{}`", meant.name), base_span, meant.name),
                None => d.help(format!(
                    "a text field, or the name, may be written in one language: `title.{tag}`, `name.{tag}`"
                )),
            };
            cx.report(d);
            return None;
        };
        if !matches!(spec.ty, Ty::Text) {
            cx.report(
                Diagnostic::new(
                    Code::WrongType,
                    tag_span,
                    format!("`{base}` is the same in every language"),
                )
                .label("no language here")
                .help(format!(
                    "only a text is written in one language (`title.{tag}`, `name.{tag}`); write `{base}` once"
                ))
                .fix(
                    format!("Write `{base}`"),
                    Span::new(base_span.end, key_span.end),
                    "",
                ),
            );
            return None;
        }
        Some(spec)
    };
    let locale = match Locale::from_tag(tag) {
        Ok(l) => l,
        Err(_) => {
            let languages = crate::locale::Lang::ALL
                .iter()
                .map(|l| l.code())
                .collect::<Vec<_>>()
                .join(", ");
            cx.report(
                Diagnostic::new(
                    Code::UnknownValue,
                    tag_span,
                    format!("`{tag}` is not a language relc writes"),
                )
                .label("not a language tag relc knows")
                .help(format!(
                    "write a language relc writes after the dot ({languages}), with a region if the text is for one: `title.fr`, `title.fr-CA`"
                )),
            );
            return None;
        }
    };
    let text = match field.values.as_slice() {
        [
            Value {
                kind: ValueKind::Str(s),
                ..
            },
        ] => s.trim().to_string(),
        _ => {
            cx.report(
                Diagnostic::new(
                    Code::WrongType,
                    field.span,
                    format!("`{}` takes one text in quotes", field.key.node),
                )
                .label("expected one text")
                .help(format!(
                    "write the {base} in that language in quotes: `{} \"...\"`",
                    field.key.node
                )),
            );
            return None;
        }
    };
    Some(Localized {
        field: spec.map(|s| s.field),
        locale,
        text,
        span: field.span,
    })
}

fn type_field(spec: &FieldSpec, field: &Field, cx: &mut dyn Resolve) -> Vec<(Val, Span)> {
    let values = &field.values;
    // `email media@apec.org`: an address without its brackets reads as a
    // word and a reference.
    if matches!(spec.ty, Ty::Email)
        && let [
            Value {
                kind: ValueKind::Word(w),
                span: a,
            },
            Value {
                kind: ValueKind::Ref(r),
                span: b,
            },
            ..,
        ] = values.as_slice()
        && a.end == b.start
    {
        let domain = match &r.field {
            Some(f) => format!("{}.{}", r.id.node, f.node),
            None => r.id.node.clone(),
        };
        let address = format!("{w}@{domain}");
        let span = a.join(*b);
        cx.report(
            Diagnostic::new(
                Code::InvalidEmail,
                span,
                format!("the e-mail address `{address}` is written without its angle brackets"),
            )
            .label("an address without brackets reads as a word and an @id")
            .help(format!("write it in angle brackets: `<{address}>`"))
            .fix("Put it in angle brackets", span, format!("<{address}>")),
        );
        return Vec::new();
    }
    match spec.ty {
        Ty::Dateline => {
            if let [v] = values.as_slice()
                && matches!(&v.kind, ValueKind::Word(w) if w == "none")
            {
                return vec![(
                    Val::Dateline {
                        place: None,
                        date: None,
                    },
                    field.span,
                )];
            }
            let mut place = None;
            let mut date = None;
            for v in values {
                match &v.kind {
                    ValueKind::Ref(r) if place.is_none() && date.is_none() => {
                        if cx.resolve(r, &[DeclKind::Place]).is_none() {
                            return Vec::new();
                        }
                        place = Some(r.id.node.clone());
                    }
                    ValueKind::Temporal(t) if date.is_none() && !t.contains([':', 'T']) => {
                        match parse_date(t, v.span, cx) {
                            Some(d) => date = Some(d),
                            None => return Vec::new(),
                        }
                    }
                    _ => {
                        wrong_type(spec, v, cx);
                        return Vec::new();
                    }
                }
            }
            if place.is_none() && date.is_none() {
                cx.report(
                    Diagnostic::new(Code::WrongType, field.span, "this dateline is empty")
                        .label("expected a place, a date, or both")
                        .help("write the place's @id, then the date: `dateline @place-id YYYY-MM-DD`; or `dateline none` for a release that prints none"),
                );
                return Vec::new();
            }
            vec![(Val::Dateline { place, date }, field.span)]
        }
        Ty::Phone => phones(spec, values, cx),
        Ty::Texts => values
            .iter()
            .filter_map(|v| match &v.kind {
                ValueKind::Str(s) if !s.trim().is_empty() => {
                    match line_break(&format!("field `{}`", spec.name), s, v.span) {
                        Some(d) => {
                            cx.report(d);
                            None
                        }
                        None => Some(s.trim().to_string()),
                    }
                }
                ValueKind::Str(_) => {
                    empty_text(spec, v.span, cx);
                    None
                }
                _ => {
                    wrong_type(spec, v, cx);
                    None
                }
            })
            .collect::<Vec<_>>()
            .pipe(|texts| vec![(Val::Texts(texts), field.span)]),
        ty => {
            let mut out = Vec::new();
            for (i, v) in values.iter().enumerate() {
                if i > 0 && !spec.many {
                    cx.report(
                        Diagnostic::new(
                            Code::WrongType,
                            v.span,
                            format!("field `{}` takes one value", spec.name),
                        )
                        .label("one value too many")
                        .help("remove the extra value, or write it in a field of its own"),
                    );
                    break;
                }
                if let Some(val) = type_value(spec, ty, v, cx) {
                    out.push((val, v.span));
                }
            }
            out
        }
    }
}

/// `phone "+65 9137 3886"`, `phone mobile "+84 912 345 678"`, and
/// several after commas: each number with the label written before it.
fn phones(spec: &FieldSpec, values: &[Value], cx: &mut dyn Resolve) -> Vec<(Val, Span)> {
    use crate::model::PhoneLabel;
    let mut out = Vec::new();
    let mut label: Option<(PhoneLabel, Span)> = None;
    for v in values {
        if let ValueKind::Word(w) = &v.kind {
            if let Some((_, at)) = label {
                no_number_after(at, cx);
            }
            match PhoneLabel::from_word(w) {
                Some(l) => label = Some((l, v.span)),
                None => {
                    let meant = crate::suggest::closest(w, PhoneLabel::WORDS.iter().copied())
                        .map(|m| format!("did you mean `{m}`? A phone's label is one of: "))
                        .unwrap_or_else(|| "a phone's label is one of: ".into());
                    cx.report(
                        Diagnostic::new(
                            Code::WrongType,
                            v.span,
                            format!("`{w}` is not a label a phone number can have"),
                        )
                        .label("not a phone label")
                        .help(format!(
                            "{meant}{}; write it before the number, as in `phone mobile \"+84 912 345 678\"`",
                            PhoneLabel::WORDS.join(", ")
                        )),
                    );
                    return out;
                }
            }
            continue;
        }
        let taken = label.take();
        if let Some(Val::Phone { text, e164, at, .. }) = type_value(spec, Ty::Phone, v, cx) {
            let span = taken.map_or(v.span, |(_, at)| at.join(v.span));
            out.push((
                Val::Phone {
                    text,
                    e164,
                    label: taken.map(|(l, _)| l),
                    at,
                },
                span,
            ));
        }
    }
    if let Some((_, at)) = label {
        no_number_after(at, cx);
    }
    out
}

fn no_number_after(at: Span, cx: &mut dyn Resolve) {
    cx.report(
        Diagnostic::new(Code::WrongType, at, "a phone label with no number after it")
            .label("labels nothing")
            .help("write the number after its label: `phone mobile \"+84 912 345 678\"`, or remove the label"),
    );
}

trait Pipe: Sized {
    fn pipe<R>(self, f: impl FnOnce(Self) -> R) -> R {
        f(self)
    }
}
impl<T> Pipe for T {}

fn wrong_type(spec: &FieldSpec, v: &Value, cx: &mut dyn Resolve) {
    cx.report(
        Diagnostic::new(
            Code::WrongType,
            v.span,
            format!(
                "field `{}` takes {}, not {}",
                spec.name,
                spec.ty.describe(),
                v.kind.describe()
            ),
        )
        .label(format!("this is {}", v.kind.describe()))
        .help(format!("write {}", spec.ty.describe())),
    );
}

fn empty_text(spec: &FieldSpec, span: Span, cx: &mut dyn Resolve) {
    cx.report(
        Diagnostic::new(
            Code::EmptyText,
            span,
            format!("field `{}` is empty", spec.name),
        )
        .label("empty text")
        .help(format!("write {}, or remove the field", spec.ty.describe())),
    );
}

/// A line break in text that is one line in every output (a name, a
/// title, a headline): Markdown would read what follows it as a heading or
/// a list while the page shows one line, so the outputs would disagree.
/// A carriage return is not looked for: a string ends at a CRLF, and one
/// that ends no line is the lexer's error (src/syntax/lex.rs).
pub fn line_break(what: &str, text: &str, span: Span) -> Option<Diagnostic> {
    let c = text.trim().chars().find(|c| {
        matches!(
            c,
            '\n' | '\u{0B}' | '\u{0C}' | '\u{85}' | '\u{2028}' | '\u{2029}'
        )
    })?;
    let written = match c {
        '\n' => "a new line".to_string(),
        c => format!("a line break (U+{:04X})", u32::from(c)),
    };
    Some(
        Diagnostic::new(
            Code::LineBreak,
            span,
            format!("{what} is one line, and this text holds {written}"),
        )
        .label("a line break inside")
        .help("write it on one line: join the lines with a space"),
    )
}

fn type_value(spec: &FieldSpec, ty: Ty, v: &Value, cx: &mut dyn Resolve) -> Option<Val> {
    match (ty, &v.kind) {
        (Ty::TextOrNone, ValueKind::Word(w)) if w == "none" => Some(Val::Word(w.clone())),
        (Ty::TextOrNone, ValueKind::Str(_)) => type_value(spec, Ty::Text, v, cx),
        (Ty::Text, ValueKind::Str(s)) => {
            if s.trim().is_empty() {
                empty_text(spec, v.span, cx);
                None
            } else if let Some(d) = line_break(&format!("field `{}`", spec.name), s, v.span) {
                cx.report(d);
                None
            } else {
                Some(Val::Text(s.trim().to_string()))
            }
        }
        (Ty::Url, ValueKind::Url(s) | ValueKind::Str(s)) => check_url(s, v.span, cx).map(Val::Url),
        (Ty::Email, ValueKind::Url(s) | ValueKind::Str(s)) => {
            check_email(s, v.span, cx).map(Val::Email)
        }
        (Ty::Phone, ValueKind::Str(s)) => check_phone(s, v.span, cx),
        (Ty::Ref(kinds), ValueKind::Ref(r)) if r.field.is_none() => {
            cx.resolve(r, kinds).map(|kind| Val::Ref {
                id: r.id.node.clone(),
                kind,
            })
        }
        (Ty::Date, ValueKind::Temporal(t)) if !t.contains([':', 'T']) => {
            parse_date(t, v.span, cx).map(|d| Val::Dates(d, d, Precision::Day))
        }
        (Ty::Dates, ValueKind::Temporal(t)) if !t.contains([':', 'T']) => {
            parse_dates(t, v.span, cx).map(|(s, e, p)| Val::Dates(s, e, p))
        }
        (Ty::Dates, ValueKind::Range(a, b)) => match (&a.kind, &b.kind) {
            (ValueKind::Temporal(x), ValueKind::Temporal(y))
                if !x.contains([':', 'T']) && !y.contains([':', 'T']) =>
            {
                let (s, _, p) = parse_dates(x, a.span, cx)?;
                let (_, e, q) = parse_dates(y, b.span, cx)?;
                if p != q {
                    cx.report(
                        Diagnostic::new(
                            Code::WrongType,
                            v.span,
                            format!("the range `{x}..{y}` mixes a {} with a {}", p.word(), q.word()),
                        )
                        .label("both ends to the same precision")
                        .help("write both ends as days (2017-03-02), as months (2017-03) or as years (2018)"),
                    );
                    return None;
                }
                if e < s {
                    reversed(spec, v.span, a.span, b.span, cx);
                    return None;
                }
                Some(Val::Dates(s, e, p))
            }
            _ => {
                wrong_type(spec, v, cx);
                None
            }
        },
        (Ty::Times, ValueKind::Temporal(t)) if is_time(t) => {
            parse_time(t, v.span, cx).map(|t| Val::Times(t, None))
        }
        (Ty::Times, ValueKind::Range(a, b)) => match (&a.kind, &b.kind) {
            (ValueKind::Temporal(x), ValueKind::Temporal(y)) if is_time(x) && is_time(y) => {
                let (s, e) = (parse_time(x, a.span, cx)?, parse_time(y, b.span, cx)?);
                if e < s {
                    reversed(spec, v.span, a.span, b.span, cx);
                    return None;
                }
                Some(Val::Times(s, Some(e)))
            }
            _ => {
                wrong_type(spec, v, cx);
                None
            }
        },
        (Ty::Instant, ValueKind::Temporal(t)) if t.contains('T') => parse_instant(t, v.span, cx),
        (Ty::CountryCode, ValueKind::Str(c) | ValueKind::Word(c)) => {
            let code = c.trim().to_ascii_uppercase();
            if code.len() == 2 && rlibphonenumber::Region::from_code(&code).is_ok() {
                Some(Val::Word(code))
            } else {
                cx.report(
                    Diagnostic::new(
                        Code::UnknownValue,
                        v.span,
                        format!("`{c}` is not a country's ISO 3166 code"),
                    )
                    .label("not a country code")
                    .help("write the country's two-letter ISO 3166 code: US for the United States, GB for the United Kingdom, VN for Viet Nam, NZ for New Zealand"),
                );
                None
            }
        }
        (Ty::Zone, ValueKind::Str(s)) => match TimeZone::get(s) {
            Ok(_) => Some(Val::Zone(s.clone())),
            Err(_) => {
                let names = jiff::tz::db().available().collect::<Vec<_>>();
                let names: Vec<&str> = names.iter().map(|n| n.as_str()).collect();
                let mut d = Diagnostic::new(
                    Code::UnknownValue,
                    v.span,
                    format!("`{s}` is not a time zone"),
                )
                .label("unknown time zone");
                d = match crate::suggest::closest(s, names.iter().copied()) {
                    Some(n) => d.help(format!("did you mean \"{n}\"?")),
                    None => d.help("use an IANA time zone name, such as \"Europe/London\""),
                };
                cx.report(d);
                None
            }
        },
        (Ty::Citation, ValueKind::Url(s)) => check_url(s, v.span, cx).map(Val::Url),
        (Ty::Citation, ValueKind::Str(_) | ValueKind::Word(_)) => type_value(spec, Ty::Slug, v, cx),
        (Ty::Slug, ValueKind::Str(w) | ValueKind::Word(w)) => {
            let ok = !w.is_empty()
                && w.chars()
                    .all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || c == '-')
                && !w.starts_with('-')
                && !w.ends_with('-');
            if ok {
                Some(Val::Text(w.clone()))
            } else {
                cx.report(
                    Diagnostic::new(Code::WrongType, v.span, format!("`{w}` cannot be an id"))
                        .label("only lower-case letters, digits and - inside")
                        .help(format!("write {}", spec.ty.describe())),
                );
                None
            }
        }
        (Ty::Ticker, ValueKind::Str(s)) => match crate::model::Ticker::parse(s) {
            Some(t) => Some(Val::Ticker(t)),
            None => {
                cx.report(ticker_problem(s, v.span));
                None
            }
        },
        (Ty::Locale, ValueKind::Word(w)) => match Locale::from_tag(w) {
            Ok(l) => Some(Val::Locale(l)),
            Err(e) => {
                unknown_locale(spec, w, &e, v.span, cx);
                None
            }
        },
        (Ty::Word(words), ValueKind::Word(w)) => {
            if words.contains(&w.as_str()) {
                Some(Val::Word(w.clone()))
            } else {
                unknown_word(spec, w, words, v.span, cx);
                None
            }
        }
        _ => {
            wrong_type(spec, v, cx);
            None
        }
    }
}

/// What is wrong with a ticker that does not read as `EXCHANGE: SYMBOL`,
/// said with the writer's own symbol.
fn ticker_problem(s: &str, span: Span) -> Diagnostic {
    let (exchange, symbol) = match s.split_once(':') {
        Some((e, sym)) => (e.trim(), sym.trim()),
        None => ("", s.trim()),
    };
    let clean: String = symbol
        .chars()
        .filter(|c| c.is_alphanumeric() || *c == '.' || *c == '-')
        .collect();
    let shown = if clean.is_empty() { "CRDO" } else { &clean };
    if exchange.is_empty() {
        Diagnostic::new(
            Code::WrongType,
            span,
            format!("the ticker `{s}` names no exchange"),
        )
        .label("a symbol is read on an exchange")
        .help(format!(
            "write the exchange, a colon, then the symbol: `ticker \"NASDAQ: {shown}\"` (or NYSE, TSX, LSE, ...)"
        ))
    } else {
        let exchange = if exchange.chars().next().is_some_and(char::is_alphabetic) {
            exchange
        } else {
            "NASDAQ"
        };
        Diagnostic::new(
            Code::WrongType,
            span,
            format!("`{symbol}` is not a ticker symbol"),
        )
        .label("a symbol has letters, digits, dots and hyphens only")
        .help(format!("write `ticker \"{exchange}: {shown}\"`"))
    }
}

fn is_time(t: &str) -> bool {
    t.contains(':') && !t.contains('-')
}

fn unknown_word(spec: &FieldSpec, w: &str, words: &[&str], span: Span, cx: &mut dyn Resolve) {
    let mut d = Diagnostic::new(
        Code::UnknownValue,
        span,
        format!("`{w}` is not a value of field `{}`", spec.name),
    )
    .label(format!("expected {}", words.join(", ")));
    // `advisory` for `media-advisory`: the one value that holds the word
    // as a part of it, else the nearest spelling.
    let lower = w.to_lowercase();
    let holding: Vec<&str> = words
        .iter()
        .copied()
        .filter(|x| x.split('-').any(|part| part == lower))
        .collect();
    let meant = match holding.as_slice() {
        [one] => Some(*one),
        _ => crate::suggest::closest(w, words.iter().copied()),
    };
    d = match meant {
        Some(s) => d
            .help(format!("did you mean `{s}`?"))
            .fix(format!("Write `{s}`"), span, s),
        None => d.help(format!("write one of: {}", words.join(", "))),
    };
    cx.report(d);
}

/// A locale relc cannot write: a tag that is not one, a language it has
/// no catalogue for, or Chinese in traditional characters.
fn unknown_locale(spec: &FieldSpec, w: &str, e: &LocaleError, span: Span, cx: &mut dyn Resolve) {
    use crate::locale::Lang;
    let languages = Lang::ALL
        .iter()
        .map(|l| format!("{} (`{}`)", l.name(), l.code()))
        .collect::<Vec<_>>()
        .join(", ");
    match e {
        LocaleError::NotATag => {
            let d = Diagnostic::new(
                Code::UnknownValue,
                span,
                format!("`{w}` is not a value of field `{}`", spec.name),
            )
            .label("not a language tag with a region relc knows");
            let d = match crate::suggest::closest(w, Locale::TAGS.iter().copied()) {
                Some(s) => d
                    .help(format!(
                        "did you mean `{s}`? A locale is a language and, if you like, a region of ISO 3166 (`fr-CA`, `es-MX`)"
                    ))
                    .fix(format!("Write `{s}`"), span, s),
                None => d.help(format!(
                    "write a language and, if you like, a region of ISO 3166 (`fr-CA`, `es-MX`); relc writes {languages}"
                )),
            };
            cx.report(d);
        }
        LocaleError::NoCatalogue { language } => cx.report(
            Diagnostic::new(
                Code::UnknownValue,
                span,
                format!("relc cannot write a release in the language `{language}`"),
            )
            .label("no catalogue of this language's words")
            .help(format!(
                "relc writes releases in {languages}, each in any region (`fr-CA`, `es-MX`)"
            )),
        ),
        LocaleError::Traditional => cx.report(
            Diagnostic::new(
                Code::UnknownValue,
                span,
                format!("`{w}` is Chinese in traditional characters, which relc cannot write yet"),
            )
            .label("traditional characters")
            .help("relc's Chinese catalogue is in simplified characters: write `zh-Hans` for a release in them"),
        ),
    }
}

fn reversed(spec: &FieldSpec, span: Span, a: Span, b: Span, cx: &mut dyn Resolve) {
    cx.report(
        Diagnostic::new(
            Code::ReversedRange,
            span,
            format!("the range in `{}` ends before it starts", spec.name),
        )
        .label("reversed range")
        .also(a, "starts here")
        .also(b, "ends here, earlier")
        .help("write the earlier end first: `start..end`"),
    );
}

/// Parses dates known to the day (`2017-03-02`), the month (`2017-03`,
/// which runs from its first day to its last) or the year (`2018`).
fn parse_dates(t: &str, span: Span, cx: &mut dyn Resolve) -> Option<(Date, Date, Precision)> {
    let (precision, full) = Precision::of(t);
    let first = parse_date(&full, span, cx)?;
    Some((first, precision.last(first), precision))
}

/// Parses a date written `YYYY-MM-DD`, saying what is wrong with an
/// impossible one.
pub fn parse_date(t: &str, span: Span, cx: &mut dyn Resolve) -> Option<Date> {
    let mut parts = t.splitn(3, '-').map(|p| p.parse::<i64>().ok());
    let (y, m, d) = match (parts.next(), parts.next(), parts.next()) {
        (Some(Some(y)), Some(Some(m)), Some(Some(d))) => (y, m, d),
        (_, _, None) => {
            cx.report(
                Diagnostic::new(Code::WrongType, span, format!("`{t}` gives no day"))
                    .label("a month or a year, where a day belongs")
                    .help("write the day as well, YYYY-MM-DD, such as 2017-03-02; only a meeting's `dates` may be known to the month (`2017-03`) or the year (`2018`)"),
            );
            return None;
        }
        _ => return None,
    };
    let problem = if !(1..=12).contains(&m) {
        Some(format!("there is no month {m}: months run from 01 to 12"))
    } else if !(1..=9999).contains(&y) {
        Some(format!("the year {y} is out of range"))
    } else {
        let first = Date::new(y as i16, m as i8, 1).ok()?;
        let days = i64::from(first.days_in_month());
        (d < 1 || d > days).then(|| format!("{} {y} has {days} days", first.strftime("%B"),))
    };
    if let Some(problem) = problem {
        cx.report(
            Diagnostic::new(
                Code::InvalidDate,
                span,
                format!("`{t}` is not a date in the calendar"),
            )
            .label(problem)
            .help("write the date as YYYY-MM-DD, such as 2017-03-02"),
        );
        return None;
    }
    Date::new(y as i16, m as i8, d as i8).ok()
}

pub fn parse_time(t: &str, span: Span, cx: &mut dyn Resolve) -> Option<Time> {
    let mut parts = t.split(':').map(|p| p.parse::<i64>().ok());
    let h = parts.next().flatten()?;
    let m = parts.next().flatten()?;
    let s = parts.next().flatten().unwrap_or(0);
    let problem = if !(0..=23).contains(&h) {
        Some(format!("there is no hour {h}: hours run from 00 to 23"))
    } else if !(0..=59).contains(&m) {
        Some(format!("there is no minute {m}: minutes run from 00 to 59"))
    } else if !(0..=59).contains(&s) {
        Some(format!("there is no second {s}"))
    } else {
        None
    };
    if let Some(problem) = problem {
        cx.report(
            Diagnostic::new(
                Code::InvalidDate,
                span,
                format!("`{t}` is not a time of day"),
            )
            .label(problem)
            .help("write times on the 24-hour clock, such as 09:30 or 17:00"),
        );
        return None;
    }
    Time::new(h as i8, m as i8, s as i8, 0).ok()
}

fn parse_instant(t: &str, span: Span, cx: &mut dyn Resolve) -> Option<Val> {
    let (date_part, _) = t.split_once('T')?;
    // Check the calendar date first, for its better message.
    parse_date(date_part, span, cx)?;
    let has_zone = t.contains('[');
    let after_t = &t[date_part.len() + 1..];
    let has_offset = after_t.contains(['Z', '+']) || after_t.contains('-');
    if !has_zone && !has_offset {
        cx.report(
            Diagnostic::new(
                Code::EmbargoWithoutZone,
                span,
                format!("`{t}` has no time zone"),
            )
            .label("which zone is this time in?")
            .help(match cx.home_zone() {
                Some(z) => format!(
                    "an embargo is a moment in one zone: write `{t}[{z}]`, the zone of the release's place, or the zone the time is given in"
                ),
                None => format!(
                    "an embargo is a moment in one zone: write the zone the time is given in, by its IANA name, such as `{t}[America/New_York]`"
                ),
            }),
        );
        return None;
    }
    let zoned = if has_zone {
        t.parse::<ZonedDateTime>()
    } else {
        t.parse::<Timestamp>()
            .map(|ts| ts.to_zoned_datetime(TimeZone::UTC))
    };
    match zoned {
        Ok(z) => {
            let zone = z
                .time_zone()
                .iana_name()
                .map(str::to_string)
                .unwrap_or_else(|| z.offset().to_string());
            Some(Val::Instant(z, zone))
        }
        Err(e) => {
            cx.report(
                Diagnostic::new(
                    Code::InvalidDate,
                    span,
                    format!("`{t}` is not a moment in time"),
                )
                .label(e.to_string())
                .help("write it as 2017-02-20T09:00[Asia/Ho_Chi_Minh]"),
            );
            None
        }
    }
}

/// Checks a URL: it must parse and be http, https or mailto.
pub fn check_url(s: &str, span: Span, cx: &mut dyn Resolve) -> Option<String> {
    match url::Url::parse(s.trim()) {
        Ok(u) if matches!(u.scheme(), "http" | "https" | "mailto") => Some(s.trim().to_string()),
        Ok(u) => {
            cx.report(
                Diagnostic::new(
                    Code::InvalidUrl,
                    span,
                    format!("links may not use the `{}:` scheme", u.scheme()),
                )
                .label("not http, https or mailto")
                .help("a release links only to web pages and e-mail addresses: use an http, https or mailto URL"),
            );
            None
        }
        Err(e) => {
            cx.report(
                Diagnostic::new(Code::InvalidUrl, span, format!("`{s}` is not a URL"))
                    .label(e.to_string())
                    .help("write a full URL, with its scheme: <https://www.example.org/page>"),
            );
            None
        }
    }
}

pub fn check_email(s: &str, span: Span, cx: &mut dyn Resolve) -> Option<String> {
    let addr = s.trim().strip_prefix("mailto:").unwrap_or(s.trim());
    match addr.parse::<email_address::EmailAddress>() {
        Ok(e) if e.domain().contains('.') => Some(addr.to_string()),
        Ok(_) => {
            cx.report(
                Diagnostic::new(
                    Code::InvalidEmail,
                    span,
                    format!("`{addr}` is not a reachable e-mail address"),
                )
                .label("the domain has no dot")
                .help("write the full domain, such as media@example.org"),
            );
            None
        }
        Err(e) => {
            cx.report(
                Diagnostic::new(
                    Code::InvalidEmail,
                    span,
                    format!("`{addr}` is not an e-mail address"),
                )
                .label(e.to_string())
                .help("write it as name@example.org"),
            );
            None
        }
    }
}

/// A phone number as written, what is wrong in its writing reported. It
/// is kept with no E.164 yet: the checker reads every number of the
/// release at once with [`read_phone`], once it knows each contact's
/// country (which one in a national form, `202-358-1600`, needs), with
/// one phone library for them all (`phone::prepare`).
fn check_phone(s: &str, span: Span, cx: &mut dyn Resolve) -> Option<Val> {
    let international = super::phone::is_international(s);
    let bad = |cx: &mut dyn Resolve, why: &str, help: String| {
        cx.report(
            Diagnostic::new(
                Code::InvalidPhone,
                span,
                // Its country is not known yet: what is wrong is the
                // writing itself.
                if international {
                    phone_message(s, true, None)
                } else {
                    format!("`{s}` is not a valid phone number")
                },
            )
            .label(why.to_string())
            .help(help),
        );
        None
    };
    // A letter among the digits: an O for a 0, an l or I for a 1.
    if let Some((at, c)) = s.char_indices().find(|(_, c)| c.is_alphabetic()) {
        // A letter among digits stands for one; a word is a word.
        let next = s[at + c.len_utf8()..].chars().next();
        if next.is_some_and(char::is_alphabetic) {
            return bad(
                cx,
                "words among the digits",
                "a phone field holds the number only: digits, spaces and a + in front; put what the words say in the contact's title or note".into(),
            );
        }
        let digit = match c {
            'O' | 'o' => Some('0'),
            'l' | 'I' | 'i' => Some('1'),
            'S' | 's' => Some('5'),
            'B' => Some('8'),
            _ => None,
        };
        let written: String = s
            .chars()
            .map(|x| if x == c { digit.unwrap_or(x) } else { x })
            .collect();
        return bad(
            cx,
            &format!("the letter `{c}` among the digits"),
            match digit {
                Some(d) => format!("`{c}` is a letter; if it is the digit {d}, write \"{written}\""),
                None => "a phone number is digits, spaces and a + in front; write an extension as a separate contact line".into(),
            },
        );
    }
    Some(Val::Phone {
        label: None,
        text: s.trim().to_string(),
        e164: String::new(),
        at: span,
    })
}

/// What an E0401 says of `s`: written with `+` and its country code, or
/// in the national form of `region`, or with no country to read it by.
fn phone_message(s: &str, international: bool, region: Option<&str>) -> String {
    match (international, region) {
        (true, _) => format!("`{s}` is not a valid international phone number"),
        (false, Some(r)) => format!("`{s}` is not a valid phone number in {r}"),
        (false, None) => {
            format!("`{s}` has no country code, and relc knows no country to read it by")
        }
    }
}

/// Reads a phone number, international (`+1 202 358 1600`) or, where its
/// country is known (`region`, an ISO 3166 code), in that country's
/// national form (`202-358-1600`); its E.164 form, or a diagnostic.
pub fn read_phone(
    s: &str,
    region: Option<&str>,
    span: Span,
    cx: &mut dyn Resolve,
) -> Option<String> {
    let international = super::phone::is_international(s);
    let bad = |cx: &mut dyn Resolve, why: &str, help: String| {
        cx.report(
            Diagnostic::new(
                Code::InvalidPhone,
                span,
                phone_message(s, international, region),
            )
            .label(why.to_string())
            .help(help),
        );
        None
    };
    let region = match (international, region) {
        (true, _) => None,
        (false, Some(r)) => Some(rlibphonenumber::Region::from_code(r).ok()?),
        (false, None) => {
            return bad(
                cx,
                "written without + and its country code",
                "write it with + and the country's calling code in front, the way a caller abroad dials it (+1 for the United States and Canada, +44 for the United Kingdom, +84 for Viet Nam); or give the contact, its org or the dateline's place its country, `country-code US`, and write the number as that country does".into(),
            );
        }
    };
    // A valid number is read with the metadata of its calling codes only
    // (`phone.rs`); the whole world's loads only for a number that is not,
    // so that its diagnostic is the library's.
    if let Some(e164) = super::phone::valid_e164(s, region) {
        return Some(e164);
    }
    let util = &*rlibphonenumber::PHONE_NUMBER_UTIL;
    let calling_code = || {
        s.trim_start()
            .trim_start_matches('+')
            .chars()
            .take_while(|c| c.is_ascii_digit())
            .take(3)
            .collect::<String>()
    };
    match util.parse(s, region) {
        Ok(n) if util.is_valid_number(&n) => Some(
            util.format(&n, rlibphonenumber::PhoneNumberFormat::E164)
                .into_owned(),
        ),
        Ok(n) => {
            use rlibphonenumber::ValidationError as V;
            let cc = n.country_code;
            let region = util.get_region_for_country_code(cc);
            let example = region
                .and_then(|r| util.get_example_number(r).ok())
                .map(|e| {
                    util.format(&e, rlibphonenumber::PhoneNumberFormat::International)
                        .into_owned()
                });
            let numbers = match region {
                Some(r) => format!("numbers of +{cc} ({r:?})"),
                None => format!("numbers of +{cc}"),
            };
            let why = match util.is_possible_number_with_reason(&n) {
                Err(V::TooShort) => format!("too few digits for {numbers}"),
                Err(V::TooLong) => format!("too many digits for {numbers}"),
                Err(V::InvalidLength) => format!("not a length {numbers} have"),
                Err(V::InvalidCountryCode) => format!("no country has the calling code +{cc}"),
                _ => format!("{numbers} do not start this way"),
            };
            let help = match example {
                Some(e) => format!(
                    "check the digits against the number as the contact gives it; {numbers} look like \"{e}\""
                ),
                None => "check the digits against the number as the contact gives it".into(),
            };
            bad(cx, &why, help)
        }
        Err(e) => {
            use rlibphonenumber::ParseError as P;
            let why = match e {
                P::InvalidCountryCode => {
                    format!("no country has the calling code +{}", calling_code())
                }
                P::TooShortNsn | P::TooShortAfterIdd => "too few digits for a phone number".into(),
                P::TooLongNsn => "too many digits for a phone number".into(),
                P::NotANumber(_) => "not written as a phone number".into(),
            };
            bad(
                cx,
                &why,
                "check the calling code after the + and the digits after it against the number as the contact gives it".into(),
            )
        }
    }
}
