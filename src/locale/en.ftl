# The fixed words of a release in English: every locale of English relc
# knows (en-GB, en-US, en-AU, en-IE, en-NZ) uses them. Dates, times and
# the AP house style are not words of this file; see src/locale/mod.rs.
#
# Each message is the text as printed. Placeables ({ $name }) are filled
# by relc; the names say what each holds.

## Kinds of release, in sentence case: the status line, and the name in an index

kind-news-release = News release
kind-media-advisory = Media advisory
kind-media-invitation = Invitation to media
kind-statement = Statement
kind-correction = Correction

## Status lines

status-immediate = For immediate release
# $moment: the time, zone and date, as `moment` gives them
status-embargoed = Embargoed until { $moment }
# $time, $zone, $date: `09:00`, `UTC+07:00`, `20 February 2017`
moment = { $time } { $zone } on { $date }
# The word before an e-mail's subject while the release is under embargo.
subject-embargoed = EMBARGOED
# $release: the corrected release's URL or id
corrects = This corrects the release { $release }.

## Ranges of dates

# A range of dates in running text, from CLDR's dates: $start-day and
# $end-day the days alone (2), $start and $end the days and months
# (2 March), $start-full and $end-full with their years (2 March 2017).
# $span: `days` in one month, `months` in one year, else `years`; $year:
# `shown` where the range gives its year, else `hidden`. A hyphen is set
# as the house's range dash. (American English follows AP style, not this.)
dates-range = { $year ->
    [shown] { $span ->
        [days] { $start-day }-{ $end-full }
        [months] { $start }-{ $end-full }
       *[years] { $start-full }-{ $end-full }
    }
   *[hidden] { $span ->
        [days] { $start-day }-{ $end }
       *[other] { $start }-{ $end }
    }
}

## An advisory's labelled block

# A day of a meeting with its weekday: Thursday, 2 March 2017.
weekday-date = { $weekday }, { $date }

advisory-what = What
advisory-when = When
advisory-where = Where
advisory-who = Who
advisory-registration = Registration
advisory-rsvp = RSVP

## Meetings and their places

meeting-online = Online
# $place: the meeting's place, as a line
meeting-and-online = { $place }, and online
meeting-to-be-announced = Venue to be announced
# What has become of a meeting, after it in a list of meetings: (held)
status-under-way = under way
status-held = held
status-postponed = postponed
status-cancelled = cancelled

## Phones, by what they are for

phone-office = Office
phone-mobile = Mobile
phone-out-of-hours = Out of hours
phone-fax = Fax

## Contacts in an address book, by role

role-media = Media relations
role-investor = Investor relations
role-analyst = Analyst relations
role-general = General enquiries

## Parts of the page

# What separates the parts of a dateline: NHA TRANG, Viet Nam, 21 February
# 2017.
comma = {", "}

# $org: the org as the release names it; $of: its full name after the
# word that joins it (`org-join`, or the org's `preposition`)
about = About { $org }
heading-contacts = Contacts
heading-meetings = Meetings
heading-notes = Notes to editors
link-download-contact = Download contact
link-add-to-calendar = Add to calendar
# The word before an image's caption in plain text.
image-label = Image
# $org: the org's name in full
source-line = Source: { $org }
end-mark = # # #
# What the links to the release in its other languages are, for a
# screen reader.
languages = Other languages
# Between the names or logos of the orgs that issue a joint release, in
# its masthead.
masthead-and = and
# A site's index: with no release yet; its links to older and newer
# pages, and what they are; which page it is ($number of $count); and a
# release's embargo while it holds ($moment as `moment` gives it).
index-empty = No release has been published yet.
index-older = Older releases
index-newer = Newer releases
index-pages = Pages
index-page = Page { $number } of { $count }
index-embargoed = embargoed until { $moment }
# The title of one of several pages of an index: $title, the site's.
index-title-page = { $title } (page { $number } of { $count })
# The title of a site's index that names no org.
index-title = Releases
# $orgs: the orgs that issue the releases, as a list
index-title-of = Releases of { $orgs }

## Quotations and their attribution

# The marks around a quotation, and around a quotation inside one.
quote-open = “
quote-close = ”
quote-inner-open = ‘
quote-inner-close = ’
# Between a quotation's closing mark and the attribution after it; the
# comma before it stands inside the mark, in the writer's words.
quote-to-attribution = {" "}
# After an attribution the quotation goes on from: “Not every city is
# ready,” said Mayor Costa, “but most have begun.”
attribution-continues = ,
# After an attribution that ends its sentence.
attribution-ends = .
# After an attribution that leads its quotation: Dr Bollard said: “...”
attribution-leads = :
# Between the other parts of a quote's paragraph.
part-gap = {" "}
# An attribution. $verb: the verb, as its `verb-` message writes it;
# $speaker: the speaker as named (`Dr Alan Bollard`, `she`); $order:
# `verb-first` (said Dr Bollard), `speaker-first` (Tan continued),
# `pronoun` (she added) or `leads` (Dr Bollard said:); $gender:
# `feminine`, `masculine` or `other`; $apposed: `yes` where the speaker's
# title follows the name between commas, which a verb after it follows
# after a comma too (Dr Alan Bollard, Executive Director of APEC, said).
attribution = { $order ->
    [verb-first] { $verb } { $speaker }
   *[other] { $speaker }{ $apposed ->
        [yes] ,
       *[no] {""}
    } { $verb }
}
# The attribution verbs a quote may name, each as this language writes
# it; a quote names a verb by what follows `verb-` (quote @bollard said).
# A verb may select on $order, $gender and $speaker as `attribution`
# does. A house may add its own.
verb-said = said
verb-says = says
verb-explained = explained
verb-noted = noted
verb-concluded = concluded
verb-added = added
verb-stated = stated
verb-remarked = remarked
verb-commented = commented
verb-continued = continued
verb-emphasised = emphasised
verb-emphasized = emphasized
verb-stressed = stressed
verb-observed = observed
verb-announced = announced
verb-declared = declared
verb-urged = urged
verb-warned = warned
verb-insisted = insisted
verb-argued = argued
verb-acknowledged = acknowledged
verb-asserted = asserted
verb-affirmed = affirmed
verb-reflected = reflected
verb-recalled = recalled
verb-explains = explains
verb-notes = notes
verb-adds = adds
verb-states = states
verb-comments = comments
verb-continues = continues
verb-concludes = concludes
verb-stresses = stresses
verb-observes = observes
verb-warns = warns
verb-recalls = recalls
verb-believes = believes
verb-highlighted = highlighted
verb-underlined = underlined
verb-welcomed = welcomed

## Names and titles

# A title with the org it is held at, where the title does not name it.
# $join: the org's own word for it (`preposition`), else `of the` before
# an institution (the APEC Secretariat) and `of` before any other; $of:
# the org after that word.
title-with-org = { $title } { $join } { $org }
# The word between a title and its org where English gives none; it
# gives one always.
org-join = of
# The org before a title, at a first mention: APEC Secretariat Executive
# Director.
org-before-title = { $org } { $title }
# A name with its title after it: Dr Alan Bollard, Executive Director of
# the APEC Secretariat.
name-then-title = { $name }, { $title }
# A later mention by role alone (@costa.role): the Mayor. $gender as for
# `attribution`. INITIAL($title) is `vowel` or `consonant`, for a
# language that elides an article.
role-mention = the { $title }
# A title before a name: Executive Director Dr Alan Bollard.
title-then-name = { $title } { $name }
