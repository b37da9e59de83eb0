//! The What / When / Where block of a media advisory or invitation
//! (`advisory @meeting { ... }`): typed against the schema, its meeting and
//! participants resolved, its rows written as the locale writes them.

use super::Checker;
use super::build::Entities;
use super::fields::{self, Resolve, Val};
use crate::diag::{Code, Diagnostic};

use crate::model::{self, PlaceDetail};
use crate::schema::{ADVISORY_FIELDS, Field, FieldSpec};
use crate::syntax::ast::{self, DeclKind};

impl Checker<'_> {
    /// The block, or None when its meeting does not resolve (reported).
    pub(super) fn advisory(
        &mut self,
        a: &ast::Advisory,
        ents: &Entities,
        words: &crate::locale::Words,
        dash: model::RangeDash,
        before_body: bool,
    ) -> Option<model::Advisory> {
        let examples = self.examples.clone();
        let f = fields::check_fields(
            "the advisory",
            ADVISORY_FIELDS,
            &a.fields,
            a.keyword,
            &|spec: &FieldSpec| examples.field(spec),
            self,
        );
        if let (Some(rsvp), Some(registration)) = (f.span(Field::Rsvp), f.span(Field::Registration))
        {
            self.report(
                Diagnostic::new(
                    Code::DuplicateField,
                    rsvp,
                    "an advisory asks the media to register or to reply, not both",
                )
                .label("a reply")
                .also(registration, "a registration")
                .help("keep `registration` for accredited media who sign up, or `rsvp` for an invitation's reply"),
            );
        }
        self.resolve(&a.meeting, &[DeclKind::Meeting])?;
        let meeting = ents.meeting(&a.meeting.id.node)?;

        // The meetings are set with an en dash after the checker is done
        // (build::release); the advisory's own text is set here.
        let en_dash = dash == model::RangeDash::EnDash;
        let locale = words.locale;
        let mut when = locale.dates_to(meeting.start, meeting.end, meeting.precision, i16::MIN);
        if en_dash {
            super::build::dash_dates(&mut when);
        }
        if meeting.start == meeting.end {
            when = words.text_with(
                crate::locale::Msg::WeekdayDate,
                &[("weekday", &locale.weekday(meeting.start)), ("date", &when)],
            );
        }
        if let Some(t) = &meeting.time_text {
            let mut t = t.clone();
            if en_dash && meeting.end_time.is_some() {
                super::build::dash_times(&mut t);
            }
            when = format!("{when}{}{t}", words.text(crate::locale::Msg::Comma));
        }
        let place = meeting.place_text(
            meeting.place.as_deref().and_then(|p| ents.place(p)),
            PlaceDetail::Address,
            words,
        );

        // Who takes part: as written, else the meeting's chairs, hosts
        // and presenters.
        let mut ids = f.ids(Field::Who);
        if ids.is_empty() {
            for id in meeting
                .chairs
                .iter()
                .chain(&meeting.hosts)
                .chain(&meeting.presenters)
            {
                if !ids.contains(id) {
                    ids.push(id.clone());
                }
            }
        }
        let who = ids
            .into_iter()
            .filter_map(|id| {
                let text = participant(ents, &id)?;
                Some(model::Participant { id, text })
            })
            .collect();

        let rsvp = f.one(Field::Rsvp).is_some();
        // Display text, set typographically as the headline is.
        let text = f
            .text(if rsvp {
                Field::Rsvp
            } else {
                Field::Registration
            })
            .map(|s| super::prose::smarten_str(&s, &words.marks()));
        let url = match f.one(Field::Url) {
            Some(Val::Url(u)) => Some(u.clone()),
            _ => None,
        };
        let registration =
            (text.is_some() || url.is_some()).then_some(model::Registration { rsvp, text, url });

        Some(model::Advisory {
            meeting: meeting.id.clone(),
            what: f.text(Field::What).map_or_else(
                || meeting.title.clone(),
                |s| super::prose::smarten_str(&s, &words.marks()),
            ),
            when,
            place,
            online: meeting.online.clone(),
            who,
            registration,
            before_body,
        })
    }
}

/// A participant as an advisory names them: a person with the title after
/// the name (`Dr Alan Bollard, Executive Director of the APEC
/// Secretariat`), or an org by its name.
fn participant(ents: &Entities, id: &str) -> Option<String> {
    match ents.person(id) {
        Some(p) => Some(p.mentions.name_first.clone()),
        None => ents.org(id).map(|o| o.name.clone()),
    }
}
