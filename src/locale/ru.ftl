# Неизменяемые слова пресс-релиза на русском языке. The fixed words of a
# release in Russian. Quotation marks are CLDR's « », with „ “ inside;
# the attribution follows a comma and a dash after the closing mark, the
# verb first: «...», — заявила Мария Иванова. A verb in the past agrees
# with its speaker ($gender): each person quoted with one needs a
# `gender` (E0613). A title is written with its org in the genitive, as
# the title names it (директор Департамента ...).


## Kinds of release, in sentence case: the status line, and the name in an index

kind-news-release = Пресс-релиз
kind-media-advisory = Анонс для СМИ
kind-media-invitation = Приглашение для СМИ
kind-statement = Заявление
kind-correction = Исправление

## Status lines

status-immediate = Для немедленной публикации
status-embargoed = Эмбарго до { $moment }
moment = { $time } { $zone } { $date }
subject-embargoed = ЭМБАРГО
corrects = Этот пресс-релиз исправляет пресс-релиз { $release }.

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

advisory-what = Что
advisory-when = Когда
advisory-where = Где
advisory-who = Кто
advisory-registration = Аккредитация
advisory-rsvp = Подтверждение участия

## Meetings and their places

meeting-online = Онлайн
meeting-and-online = { $place } и онлайн
meeting-to-be-announced = Место будет объявлено дополнительно
status-under-way = проходит
status-held = состоялось
status-postponed = перенесено
status-cancelled = отменено

## Phones, by what they are for

phone-office = Рабочий
phone-mobile = Мобильный
phone-out-of-hours = В нерабочее время
phone-fax = Факс

## Contacts in an address book, by role

role-media = Связи со СМИ
role-investor = Связи с инвесторами
role-analyst = Связи с аналитиками
role-general = Общие вопросы
comma = {", "}

## Parts of the page

about = Справка: { $org }
heading-contacts = Контакты
heading-meetings = Мероприятия
heading-notes = Примечания для редакторов
link-download-contact = Скачать контакт
link-add-to-calendar = Добавить в календарь
image-label = Изображение
source-line = Источник: { $org }
end-mark = # # #
masthead-and = и
languages = Другие языки
index-empty = Пресс-релизы ещё не опубликованы.
index-older = Более ранние пресс-релизы
index-newer = Более новые пресс-релизы
index-pages = Страницы
index-page = Страница { $number } из { $count }
index-embargoed = эмбарго до { $moment }
index-title-page = { $title } (страница { $number } из { $count })
index-title = Пресс-релизы
index-title-of = Пресс-релизы: { $orgs }

## Quotations and their attribution (see en.ftl for the placeables)

quote-open = «
quote-close = »
quote-inner-open = „
quote-inner-close = “
quote-to-attribution = {", — "}
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

title-with-org = { $title } { $org }
org-join = {""}
org-before-title = { $title } { $org }
name-then-title = { $name }, { $title }
title-then-name = { $title } { $name }
role-mention = { $title }

## Attribution verbs, by the word a quote names (quote @x said)

verb-said = { $gender ->
    [feminine] сказала
   *[other] сказал
}
verb-says = говорит
verb-added = { $gender ->
    [feminine] добавила
   *[other] добавил
}
verb-explained = { $gender ->
    [feminine] пояснила
   *[other] пояснил
}
verb-noted = { $gender ->
    [feminine] отметила
   *[other] отметил
}
verb-stated = { $gender ->
    [feminine] заявила
   *[other] заявил
}
verb-stressed = { $gender ->
    [feminine] подчеркнула
   *[other] подчеркнул
}
verb-emphasised = { $gender ->
    [feminine] подчеркнула
   *[other] подчеркнул
}
verb-emphasized = { $gender ->
    [feminine] подчеркнула
   *[other] подчеркнул
}
verb-concluded = { $gender ->
    [feminine] заключила
   *[other] заключил
}
verb-continued = { $gender ->
    [feminine] продолжила
   *[other] продолжил
}
verb-announced = { $gender ->
    [feminine] объявила
   *[other] объявил
}
verb-warned = { $gender ->
    [feminine] предупредила
   *[other] предупредил
}
verb-recalled = { $gender ->
    [feminine] напомнила
   *[other] напомнил
}
