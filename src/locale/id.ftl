# Kata-kata tetap siaran pers dalam bahasa Indonesia. The fixed words of a
# release in Indonesian. Quotation marks are CLDR's “ ”; as in English,
# the writer ends the quoted words with a comma inside the mark, and the
# verb comes before the speaker: “...,” kata Menteri Keuangan Sri Astuti.
# A title follows its org's name without a preposition (Menteri
# Keuangan).


## Kinds of release, in sentence case: the status line, and the name in an index

kind-news-release = Siaran pers
kind-media-advisory = Pemberitahuan untuk media
kind-media-invitation = Undangan peliputan
kind-statement = Pernyataan
kind-correction = Ralat

## Status lines

status-immediate = Untuk segera dipublikasikan
status-embargoed = Embargo hingga { $moment }
moment = pukul { $time } { $zone } tanggal { $date }
subject-embargoed = EMBARGO
corrects = Siaran ini meralat siaran { $release }.

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

advisory-what = Acara
advisory-when = Waktu
advisory-where = Tempat
advisory-who = Peserta
advisory-registration = Pendaftaran
advisory-rsvp = Konfirmasi kehadiran

## Meetings and their places

meeting-online = Daring
meeting-and-online = { $place } dan daring
meeting-to-be-announced = Tempat akan diumumkan
status-under-way = sedang berlangsung
status-held = telah berlangsung
status-postponed = ditunda
status-cancelled = dibatalkan

## Phones, by what they are for

phone-office = Kantor
phone-mobile = Seluler
phone-out-of-hours = Di luar jam kerja
phone-fax = Faks

## Contacts in an address book, by role

role-media = Hubungan media
role-investor = Hubungan investor
role-analyst = Hubungan analis
role-general = Informasi umum
comma = {", "}

## Parts of the page

about = Tentang { $org }
heading-contacts = Kontak
heading-meetings = Pertemuan
heading-notes = Catatan untuk redaksi
link-download-contact = Unduh kontak
link-add-to-calendar = Tambahkan ke kalender
image-label = Gambar
source-line = Sumber: { $org }
end-mark = # # #
masthead-and = dan
languages = Bahasa lain
index-empty = Belum ada siaran pers yang diterbitkan.
index-older = Siaran pers sebelumnya
index-newer = Siaran pers terbaru
index-pages = Halaman
index-page = Halaman { $number } dari { $count }
index-embargoed = embargo hingga { $moment }
index-title-page = { $title } (halaman { $number } dari { $count })
index-title = Siaran pers
index-title-of = Siaran pers { $orgs }

## Quotations and their attribution (see en.ftl for the placeables)

quote-open = “
quote-close = ”
quote-inner-open = ‘
quote-inner-close = ’
quote-to-attribution = {" "}
attribution-continues = ,
attribution-ends = .
attribution-leads = :
part-gap = {" "}
attribution = { $order ->
    [verb-first] { $verb } { $speaker }
    [pronoun] { $verb } { $speaker }
   *[other] { $speaker }{ $apposed ->
        [yes] ,
       *[no] {""}
    } { $verb }
}

## Names and titles

title-with-org = { $title } { $org }
org-join = {""}
org-before-title = { $title } { $org }
name-then-title = { $name }, { $title }
title-then-name = { $title } { $name }
role-mention = { $title }

## Attribution verbs, by the word a quote names (quote @x said)

verb-said = kata
verb-says = kata
verb-added = tambah
verb-explained = jelas
verb-noted = ungkap
verb-stated = ujar
verb-stressed = tegas
verb-emphasised = tegas
verb-emphasized = tegas
verb-concluded = pungkas
verb-continued = lanjut
verb-recalled = kenang
