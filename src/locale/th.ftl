# ถ้อยคำคงที่ของข่าวประชาสัมพันธ์ภาษาไทย. The fixed words of a release in
# Thai. Quotation marks are CLDR's “ ”; Thai sets no full stop and no
# comma: a space separates the quotation from its attribution, the
# speaker before the verb (“...” นายสมชาย ใจดี กล่าว), and a leading
# attribution ends in ว่า. Thai dates are in the Buddhist era, as CLDR
# writes them for th.


## Kinds of release, in sentence case: the status line, and the name in an index

kind-news-release = ข่าวประชาสัมพันธ์
kind-media-advisory = ข่าวแจ้งสื่อมวลชน
kind-media-invitation = ขอเชิญสื่อมวลชน
kind-statement = แถลงการณ์
kind-correction = แก้ไขข่าว

## Status lines

status-immediate = เผยแพร่ทันที
status-embargoed = ห้ามเผยแพร่ก่อน { $moment }
moment = { $date } เวลา { $time } น. ({ $zone })
subject-embargoed = ห้ามเผยแพร่ก่อนกำหนด
corrects = ข่าวนี้แก้ไขข่าว { $release }

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

advisory-what = กิจกรรม
advisory-when = วันและเวลา
advisory-where = สถานที่
advisory-who = ผู้ร่วมงาน
advisory-registration = ลงทะเบียน
advisory-rsvp = ตอบรับการเข้าร่วม

## Meetings and their places

meeting-online = ออนไลน์
meeting-and-online = { $place } และออนไลน์
meeting-to-be-announced = จะแจ้งสถานที่ภายหลัง
status-under-way = กำลังดำเนินการ
status-held = จัดขึ้นแล้ว
status-postponed = เลื่อนออกไป
status-cancelled = ยกเลิก

## Phones, by what they are for

phone-office = สำนักงาน
phone-mobile = มือถือ
phone-out-of-hours = นอกเวลาทำการ
phone-fax = โทรสาร

## Contacts in an address book, by role

role-media = ประชาสัมพันธ์
role-investor = นักลงทุนสัมพันธ์
role-analyst = ฝ่ายนักวิเคราะห์สัมพันธ์
role-general = สอบถามทั่วไป
comma = {" "}

## Parts of the page

about = เกี่ยวกับ { $org }
heading-contacts = ติดต่อ
heading-meetings = การประชุม
heading-notes = หมายเหตุถึงบรรณาธิการ
link-download-contact = ดาวน์โหลดข้อมูลติดต่อ
link-add-to-calendar = เพิ่มในปฏิทิน
image-label = ภาพ
source-line = ที่มา: { $org }
end-mark = # # #
masthead-and = และ
languages = ภาษาอื่น
index-empty = ยังไม่มีข่าวประชาสัมพันธ์ที่เผยแพร่
index-older = ข่าวก่อนหน้า
index-newer = ข่าวล่าสุด
index-pages = หน้า
index-page = หน้า { $number } จาก { $count }
index-embargoed = ห้ามเผยแพร่ก่อน { $moment }
index-title-page = { $title } (หน้า { $number } จาก { $count })
index-title = ข่าวประชาสัมพันธ์
index-title-of = ข่าวประชาสัมพันธ์ของ { $orgs }

## Quotations and their attribution (see en.ftl for the placeables)

quote-open = “
quote-close = ”
quote-inner-open = ‘
quote-inner-close = ’
quote-to-attribution = {" "}
attribution-continues = {""}
attribution-ends = {""}
attribution-leads = {""}
part-gap = {" "}
attribution = { $order ->
    [leads] { $speaker } { $verb }ว่า
   *[other] { $speaker } { $verb }
}

## Names and titles

title-with-org = { $title }{ $org }
org-join = {""}
org-before-title = { $title }{ $org }
name-then-title = { $name } { $title }
title-then-name = { $title } { $name }
role-mention = { $title }

## Attribution verbs, by the word a quote names (quote @x said)

verb-said = กล่าว
verb-says = กล่าว
verb-added = กล่าวเพิ่มเติม
verb-explained = อธิบาย
verb-noted = ระบุ
verb-stated = ยืนยัน
verb-stressed = เน้นย้ำ
verb-emphasised = เน้นย้ำ
verb-emphasized = เน้นย้ำ
verb-concluded = กล่าวสรุป
verb-continued = กล่าวต่อ
verb-announced = ประกาศ
verb-warned = เตือน
