# As palavras fixas de um comunicado em português. The fixed words of a
# release in Portuguese, in Brazil's usage (`Celular`, `Contatos`); a
# house in Portugal words `phone-mobile` (Telemóvel) and the headings its
# own way. Quotation marks are CLDR's “ ”; the comma before an
# attribution follows the closing mark: “...”, disse Ana Souza.


## Kinds of release, in sentence case: the status line, and the name in an index

kind-news-release = Comunicado à imprensa
kind-media-advisory = Aviso de pauta
kind-media-invitation = Convite à imprensa
kind-statement = Declaração
kind-correction = Correção

## Status lines

status-immediate = Para divulgação imediata
status-embargoed = Sob embargo até { $moment }
moment = { $time } { $zone } de { $date }
subject-embargoed = EMBARGO
corrects = Este comunicado corrige o comunicado { $release }.

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

advisory-what = O quê
advisory-when = Quando
advisory-where = Onde
advisory-who = Quem
advisory-registration = Credenciamento
advisory-rsvp = Confirmação de presença

## Meetings and their places

meeting-online = On-line
meeting-and-online = { $place } e on-line
meeting-to-be-announced = Local a confirmar
status-under-way = em andamento
status-held = realizado
status-postponed = adiado
status-cancelled = cancelado

## Phones, by what they are for

phone-office = Escritório
phone-mobile = Celular
phone-out-of-hours = Fora do horário comercial
phone-fax = Fax

## Contacts in an address book, by role

role-media = Relações com a imprensa
role-investor = Relações com investidores
role-analyst = Relações com analistas
role-general = Informações gerais
comma = {", "}

## Parts of the page

about = Sobre { $org }
heading-contacts = Contatos
heading-meetings = Reuniões
heading-notes = Notas aos editores
link-download-contact = Baixar contato
link-add-to-calendar = Adicionar à agenda
image-label = Imagem
source-line = Fonte: { $org }
end-mark = # # #
masthead-and = e
languages = Outros idiomas
index-empty = Nenhum comunicado foi publicado ainda.
index-older = Comunicados anteriores
index-newer = Comunicados mais recentes
index-pages = Páginas
index-page = Página { $number } de { $count }
index-embargoed = sob embargo até { $moment }
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
   *[other] { $verb } { $speaker }
}

## Names and titles

title-with-org = { $title } { $of }
org-join = de
org-before-title = { $title } { $org }
name-then-title = { $name }, { $title }
title-then-name = { $title } { $name }
role-mention = { $gender ->
    [feminine] a
   *[other] o
} { $title }

## Attribution verbs, by the word a quote names (quote @x said)

verb-said = disse
verb-says = diz
verb-added = acrescentou
verb-explained = explicou
verb-noted = observou
verb-stated = afirmou
verb-stressed = ressaltou
verb-emphasised = destacou
verb-emphasized = destacou
verb-concluded = concluiu
verb-continued = prosseguiu
verb-announced = anunciou
verb-warned = alertou
verb-recalled = lembrou
