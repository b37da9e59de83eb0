# Las palabras fijas de un comunicado en español. The fixed words of a
# release in Spanish, for every locale of Spanish (es-ES, es-MX, es-419,
# ...). Quotation marks are CLDR's “ ” (a house that sets «» words
# `quote-open` and `quote-close` its own way); the comma before an
# attribution follows the closing mark, and the verb comes first: “...”,
# dijo María García. Spanish drops a pronoun subject: “...”, añadió.
#
# An org's `preposition` gives `del` where the name takes `el`.


## Kinds of release, in sentence case: the status line, and the name in an index

kind-news-release = Comunicado de prensa
kind-media-advisory = Aviso a los medios
kind-media-invitation = Convocatoria de prensa
kind-statement = Declaración
kind-correction = Rectificación

## Status lines

status-immediate = Para publicación inmediata
status-embargoed = Embargado hasta { $moment }
moment = las { $time } { $zone } del { $date }
subject-embargoed = EMBARGO
corrects = Este comunicado rectifica el comunicado { $release }.

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
weekday-date = { $weekday }, { $date }

## An advisory's labelled block

advisory-what = Qué
advisory-when = Cuándo
advisory-where = Dónde
advisory-who = Quién
advisory-registration = Acreditación
advisory-rsvp = Confirmación de asistencia

## Meetings and their places

meeting-online = En línea
meeting-and-online = { $place } y en línea
meeting-to-be-announced = Lugar por confirmar
status-under-way = en curso
status-held = finalizado
status-postponed = aplazado
status-cancelled = cancelado

## Phones, by what they are for

phone-office = Oficina
phone-mobile = Móvil
phone-out-of-hours = Fuera de horario
phone-fax = Fax

## Contacts in an address book, by role

role-media = Relaciones con los medios
role-investor = Relaciones con inversores
role-analyst = Relaciones con analistas
role-general = Información general
comma = {", "}

## Parts of the page

about = Acerca { $of }
heading-contacts = Contactos
heading-meetings = Reuniones
heading-notes = Notas para los editores
link-download-contact = Descargar contacto
link-add-to-calendar = Añadir al calendario
image-label = Imagen
source-line = Fuente: { $org }
end-mark = # # #
masthead-and = y
languages = Otros idiomas
index-empty = Todavía no se ha publicado ningún comunicado.
index-older = Comunicados anteriores
index-newer = Comunicados más recientes
index-pages = Páginas
index-page = Página { $number } de { $count }
index-embargoed = embargado hasta { $moment }
index-title-page = { $title } (página { $number } de { $count })
index-title = Comunicados
index-title-of = Comunicados: { $orgs }

## Quotations and their attribution (see en.ftl for the placeables)

quote-open = “
quote-close = ”
quote-inner-open = ‘
quote-inner-close = ’
quote-to-attribution = {", "}
attribution-continues = ,
attribution-ends = .
attribution-leads = :
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
role-mention = { $gender ->
    [feminine] la
   *[other] el
} { $title }

## Attribution verbs, by the word a quote names (quote @x said)

verb-said = dijo
verb-says = dice
verb-added = añadió
verb-explained = explicó
verb-noted = señaló
verb-stated = afirmó
verb-stressed = subrayó
verb-emphasised = destacó
verb-emphasized = destacó
verb-concluded = concluyó
verb-continued = prosiguió
verb-announced = anunció
verb-warned = advirtió
verb-recalled = recordó
