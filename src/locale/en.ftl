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

## An advisory's labelled block

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

# $org: the org as the release names it
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
# The title of a site's index that names no org.
index-title = Releases
# $orgs: the orgs that issue the releases, as a list
index-title-of = Releases of { $orgs }
