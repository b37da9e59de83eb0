# Die festen Wörter einer Pressemitteilung auf Deutsch. The fixed words
# of a release in German, for every locale of German (de-DE, de-AT,
# de-CH, ...). Quotation marks are CLDR's „ “; the comma before an
# attribution follows the closing mark, and the verb stands second with
# its particle at the end: „...“, fügte Anna Müller hinzu. Each verb
# message places the speaker itself ($speaker), and `attribution` is the
# verb as it gives it.
#
# The word between a title and its org is `bei` (Geschäftsführerin bei
# Muster AG); an org's `preposition` gives another, and a title in the
# genitive names its org itself (Präsidentin des Bundesamts).


## Kinds of release, in sentence case: the status line, and the name in an index

kind-news-release = Pressemitteilung
kind-media-advisory = Terminhinweis
kind-media-invitation = Presseeinladung
kind-statement = Stellungnahme
kind-correction = Korrektur

## Status lines

status-immediate = Zur sofortigen Veröffentlichung
status-embargoed = Sperrfrist: { $moment }
moment = { $date }, { $time } Uhr { $zone }
subject-embargoed = SPERRFRIST
corrects = Diese Mitteilung berichtigt die Mitteilung { $release }.

## Ranges of dates (see en.ftl for the placeables)

dates-range = { $year ->
    [shown] { $span ->
        [days] { $start-day }.-{ $end-full }
        [months] { $start }-{ $end-full }
       *[years] { $start-full }-{ $end-full }
    }
   *[hidden] { $span ->
        [days] { $start-day }.-{ $end }
       *[other] { $start }-{ $end }
    }
}
weekday-date = { $weekday }, { $date }

## An advisory's labelled block

advisory-what = Was
advisory-when = Wann
advisory-where = Wo
advisory-who = Wer
advisory-registration = Akkreditierung
advisory-rsvp = Um Antwort wird gebeten

## Meetings and their places

meeting-online = Online
meeting-and-online = { $place } und online
meeting-to-be-announced = Ort wird noch bekannt gegeben
status-under-way = läuft
status-held = stattgefunden
status-postponed = verschoben
status-cancelled = abgesagt

## Phones, by what they are for

phone-office = Büro
phone-mobile = Mobil
phone-out-of-hours = Außerhalb der Bürozeiten
phone-fax = Fax

## Contacts in an address book, by role

role-media = Pressestelle
role-investor = Investor Relations
role-analyst = Analystenbetreuung
role-general = Allgemeine Anfragen
comma = {", "}

## Parts of the page

about = Über { $org }
heading-contacts = Pressekontakt
heading-meetings = Termine
heading-notes = Hinweise für Redaktionen
link-download-contact = Kontakt herunterladen
link-add-to-calendar = Zum Kalender hinzufügen
image-label = Bild
source-line = Quelle: { $org }
end-mark = # # #
masthead-and = und
languages = Andere Sprachen
index-empty = Es wurde noch keine Pressemitteilung veröffentlicht.
index-older = Ältere Mitteilungen
index-newer = Neuere Mitteilungen
index-pages = Seiten
index-page = Seite { $number } von { $count }
index-embargoed = Sperrfrist: { $moment }
index-title-page = { $title } (Seite { $number } von { $count })
index-title = Pressemitteilungen
index-title-of = Pressemitteilungen: { $orgs }

## Quotations and their attribution (see en.ftl for the placeables)

quote-open = „
quote-close = “
quote-inner-open = ‚
quote-inner-close = ‘
quote-to-attribution = {", "}
attribution-continues = ,
attribution-ends = .
attribution-leads = :
part-gap = {" "}
attribution = { $verb }

## Names and titles

title-with-org = { $title } { $of }
org-join = bei
org-before-title = { $org }-{ $title }
name-then-title = { $name }, { $title }
title-then-name = { $title } { $name }
role-mention = { $gender ->
    [feminine] die
   *[other] der
} { $title }

## Attribution verbs, by the word a quote names (quote @x said)

verb-said = { $order ->
    [leads] { $speaker }{ $apposed ->
        [yes] ,
       *[no] {""}
    } sagte
   *[other] sagte { $speaker }
}
verb-says = { $order ->
    [leads] { $speaker }{ $apposed ->
        [yes] ,
       *[no] {""}
    } sagt
   *[other] sagt { $speaker }
}
verb-added = { $order ->
    [leads] { $speaker }{ $apposed ->
        [yes] ,
       *[no] {""}
    } fügte hinzu
   *[other] fügte { $speaker } hinzu
}
verb-explained = { $order ->
    [leads] { $speaker }{ $apposed ->
        [yes] ,
       *[no] {""}
    } erklärte
   *[other] erklärte { $speaker }
}
verb-noted = { $order ->
    [leads] { $speaker }{ $apposed ->
        [yes] ,
       *[no] {""}
    } merkte an
   *[other] merkte { $speaker } an
}
verb-stated = { $order ->
    [leads] { $speaker }{ $apposed ->
        [yes] ,
       *[no] {""}
    } stellte fest
   *[other] stellte { $speaker } fest
}
verb-stressed = { $order ->
    [leads] { $speaker }{ $apposed ->
        [yes] ,
       *[no] {""}
    } betonte
   *[other] betonte { $speaker }
}
verb-emphasised = { $order ->
    [leads] { $speaker }{ $apposed ->
        [yes] ,
       *[no] {""}
    } betonte
   *[other] betonte { $speaker }
}
verb-emphasized = { $order ->
    [leads] { $speaker }{ $apposed ->
        [yes] ,
       *[no] {""}
    } betonte
   *[other] betonte { $speaker }
}
verb-concluded = { $order ->
    [leads] { $speaker }{ $apposed ->
        [yes] ,
       *[no] {""}
    } sagte abschließend
   *[other] sagte { $speaker } abschließend
}
verb-continued = { $order ->
    [leads] { $speaker }{ $apposed ->
        [yes] ,
       *[no] {""}
    } fuhr fort
   *[other] fuhr { $speaker } fort
}
verb-announced = { $order ->
    [leads] { $speaker }{ $apposed ->
        [yes] ,
       *[no] {""}
    } kündigte an
   *[other] kündigte { $speaker } an
}
verb-warned = { $order ->
    [leads] { $speaker }{ $apposed ->
        [yes] ,
       *[no] {""}
    } warnte
   *[other] warnte { $speaker }
}
verb-recalled = { $order ->
    [leads] { $speaker }{ $apposed ->
        [yes] ,
       *[no] {""}
    } erinnerte sich
   *[other] erinnerte sich { $speaker }
}
