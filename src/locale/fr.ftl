# Les mots fixes d'un communiqué en français. The fixed words of a
# release in French, for every locale of French (fr-FR, fr-CA, fr-BE,
# fr-CH, ...). Quotation marks are CLDR's « » with a no-break space
# inside them; the comma before an attribution follows the closing mark,
# and the verb is inverted: « ... », a déclaré Marie Dupont; « ... »,
# a-t-elle ajouté. Verbs that agree with their speaker (s'est félicitée)
# select on $gender.
#
# An org's `preposition` gives the article it takes after a title
# (`du`, `de la`, `de l’`): directrice du Secrétariat de l’APEC.


## Kinds of release, in sentence case: the status line, and the name in an index

kind-news-release = Communiqué de presse
kind-media-advisory = Avis aux médias
kind-media-invitation = Invitation presse
kind-statement = Déclaration
kind-correction = Rectificatif

## Status lines

status-immediate = Pour diffusion immédiate
status-embargoed = Sous embargo jusqu’au { $moment }
moment = { $date } à { $time } { $zone }
subject-embargoed = EMBARGO
corrects = Ce communiqué rectifie le communiqué { $release }.

## Ranges of dates (see en.ftl for the placeables)

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
weekday-date = { $weekday } { $date }

## An advisory's labelled block

advisory-what = Quoi
advisory-when = Quand
advisory-where = Où
advisory-who = Qui
advisory-registration = Accréditation
advisory-rsvp = Réponse souhaitée

## Meetings and their places

meeting-online = En ligne
meeting-and-online = { $place } et en ligne
meeting-to-be-announced = Lieu à confirmer
status-under-way = en cours
status-held = terminé
status-postponed = reporté
status-cancelled = annulé

## Phones, by what they are for

phone-office = Bureau
phone-mobile = Portable
phone-out-of-hours = En dehors des heures de bureau
phone-fax = Télécopie

## Contacts in an address book, by role

role-media = Relations presse
role-investor = Relations investisseurs
role-analyst = Relations analystes
role-general = Renseignements
comma = {", "}

## Parts of the page

about = À propos { $of }
heading-contacts = Contacts
heading-meetings = Rendez-vous
heading-notes = Notes aux rédactions
link-download-contact = Télécharger le contact
link-add-to-calendar = Ajouter à l’agenda
image-label = Image
source-line = Source : { $org }
end-mark = – FIN –
masthead-and = et
languages = Autres langues
index-empty = Aucun communiqué n’a encore été publié.
index-older = Communiqués plus anciens
index-newer = Communiqués plus récents
index-pages = Pages
index-page = Page { $number } sur { $count }
index-embargoed = sous embargo jusqu’au { $moment }
index-title-page = { $title } (page { $number } sur { $count })
index-title = Communiqués
index-title-of = Communiqués : { $orgs }

## Quotations and their attribution (see en.ftl for the placeables)

quote-open = «{"\u00A0"}
quote-close = {"\u00A0"}»
quote-inner-open = “
quote-inner-close = ”
quote-to-attribution = {", "}
attribution-continues = ,
attribution-ends = .
attribution-leads = {"\u00A0"}:
part-gap = {" "}
attribution = { $order ->
    [leads] { $speaker }{ $apposed ->
        [yes] ,
       *[no] {""}
    } { $verb }
    [pronoun] { $verb }
   *[other] { $verb } { $speaker }
}

## Names and titles

title-with-org = { $title } { $of }
org-join = de
org-before-title = { $title } { $org }
name-then-title = { $name }, { $title }
title-then-name = { $title } { $name }
role-mention = { INITIAL($title) ->
    [vowel] l’{ $title }
   *[consonant] { $gender ->
        [feminine] la
       *[other] le
    } { $title }
}

## Attribution verbs, by the word a quote names (quote @x said)

verb-said = { $order ->
    [pronoun] a-t-{ $speaker } déclaré
   *[other] a déclaré
}
verb-says = { $order ->
    [pronoun] déclare-t-{ $speaker }
   *[other] déclare
}
verb-added = { $order ->
    [pronoun] a-t-{ $speaker } ajouté
   *[other] a ajouté
}
verb-explained = { $order ->
    [pronoun] a-t-{ $speaker } expliqué
   *[other] a expliqué
}
verb-noted = { $order ->
    [pronoun] a-t-{ $speaker } relevé
   *[other] a relevé
}
verb-stated = { $order ->
    [pronoun] a-t-{ $speaker } affirmé
   *[other] a affirmé
}
verb-stressed = { $order ->
    [pronoun] a-t-{ $speaker } souligné
   *[other] a souligné
}
verb-emphasised = { $order ->
    [pronoun] a-t-{ $speaker } souligné
   *[other] a souligné
}
verb-emphasized = { $order ->
    [pronoun] a-t-{ $speaker } souligné
   *[other] a souligné
}
verb-concluded = { $order ->
    [pronoun] a-t-{ $speaker } conclu
   *[other] a conclu
}
verb-continued = { $order ->
    [pronoun] a-t-{ $speaker } poursuivi
   *[other] a poursuivi
}
verb-announced = { $order ->
    [pronoun] a-t-{ $speaker } annoncé
   *[other] a annoncé
}
verb-warned = { $order ->
    [pronoun] a-t-{ $speaker } averti
   *[other] a averti
}
verb-recalled = { $order ->
    [pronoun] a-t-{ $speaker } rappelé
   *[other] a rappelé
}
verb-welcomed = { $order ->
    [pronoun] s’est-{ $speaker } { $gender ->
        [feminine] félicitée
       *[other] félicité
    }
   *[other] s’est { $gender ->
        [feminine] félicitée
       *[other] félicité
    }
}
