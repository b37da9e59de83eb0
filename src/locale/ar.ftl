# الكلمات الثابتة للبيان الصحفي باللغة العربية. The fixed words of a
# release in Arabic, written right to left. Quotation marks are CLDR's
# ” “ (in the order of the text), with ’ ‘ inside; the Arabic comma
# follows the closing mark and the verb comes first, agreeing with its
# speaker ($gender): ”...“، قالت الوزيرة. Each person quoted needs a
# `gender` (E0613). The word between a title and its org is في; an org's
# `preposition` gives another.


## Kinds of release, in sentence case: the status line, and the name in an index

kind-news-release = بيان صحفي
kind-media-advisory = إشعار لوسائل الإعلام
kind-media-invitation = دعوة لوسائل الإعلام
kind-statement = بيان
kind-correction = تصحيح

## Status lines

status-immediate = للنشر الفوري
status-embargoed = يُحظر النشر قبل { $moment }
moment = الساعة { $time } ({ $zone }) يوم { $date }
subject-embargoed = محظور النشر
corrects = يصحّح هذا البيان البيان { $release }.

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
weekday-date = { $weekday }، { $date }

## An advisory's labelled block

advisory-what = الحدث
advisory-when = الموعد
advisory-where = المكان
advisory-who = المشاركون
advisory-registration = التسجيل
advisory-rsvp = تأكيد الحضور

## Meetings and their places

meeting-online = عبر الإنترنت
meeting-and-online = { $place } وعبر الإنترنت
meeting-to-be-announced = يُعلَن عن المكان لاحقًا
status-under-way = جارٍ
status-held = انعقد
status-postponed = أُرجئ
status-cancelled = أُلغي

## Phones, by what they are for

phone-office = المكتب
phone-mobile = الجوال
phone-out-of-hours = خارج أوقات العمل
phone-fax = الفاكس

## Contacts in an address book, by role

role-media = العلاقات الإعلامية
role-investor = علاقات المستثمرين
role-analyst = علاقات المحللين
role-general = الاستفسارات العامة
comma = {"، "}

## Parts of the page

about = نبذة عن { $org }
heading-contacts = للتواصل
heading-meetings = الاجتماعات
heading-notes = ملاحظات للمحررين
link-download-contact = تنزيل بيانات الاتصال
link-add-to-calendar = إضافة إلى التقويم
image-label = صورة
source-line = المصدر: { $org }
end-mark = -انتهى-
masthead-and = و
languages = لغات أخرى
index-empty = لم يُنشر أي بيان صحفي بعد.
index-older = بيانات أقدم
index-newer = بيانات أحدث
index-pages = الصفحات
index-page = الصفحة { $number } من { $count }
index-embargoed = يُحظر النشر قبل { $moment }
index-title-page = { $title } (الصفحة { $number } من { $count })
index-title = البيانات الصحفية
index-title-of = البيانات الصحفية: { $orgs }

## Quotations and their attribution (see en.ftl for the placeables)

quote-open = ”
quote-close = “
quote-inner-open = ’
quote-inner-close = ‘
quote-to-attribution = {"، "}
attribution-continues = ،
attribution-ends = .
attribution-leads = :
part-gap = {" "}
attribution = { $order ->
    [pronoun] { $verb }
   *[other] { $verb } { $speaker }
}

## Names and titles

title-with-org = { $title } { $of }
org-join = في
org-before-title = { $title } { $org }
name-then-title = { $name }، { $title }
title-then-name = { $title } { $name }
role-mention = { $title }

## Attribution verbs, by the word a quote names (quote @x said)

verb-said = { $gender ->
    [feminine] قالت
   *[other] قال
}
verb-says = { $gender ->
    [feminine] تقول
   *[other] يقول
}
verb-added = { $gender ->
    [feminine] أضافت
   *[other] أضاف
}
verb-explained = { $gender ->
    [feminine] أوضحت
   *[other] أوضح
}
verb-noted = { $gender ->
    [feminine] أشارت
   *[other] أشار
}
verb-stated = { $gender ->
    [feminine] صرّحت
   *[other] صرّح
}
verb-stressed = { $gender ->
    [feminine] أكّدت
   *[other] أكّد
}
verb-emphasised = { $gender ->
    [feminine] أكّدت
   *[other] أكّد
}
verb-emphasized = { $gender ->
    [feminine] أكّدت
   *[other] أكّد
}
verb-concluded = { $gender ->
    [feminine] اختتمت
   *[other] اختتم
}
verb-continued = { $gender ->
    [feminine] تابعت
   *[other] تابع
}
verb-announced = { $gender ->
    [feminine] أعلنت
   *[other] أعلن
}
verb-warned = { $gender ->
    [feminine] حذّرت
   *[other] حذّر
}
verb-recalled = { $gender ->
    [feminine] ذكّرت
   *[other] ذكّر
}
