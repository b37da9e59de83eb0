# Những từ cố định của một thông cáo báo chí bằng tiếng Việt. The fixed
# words of a release in Vietnamese. Quotation marks are CLDR's “ ”; the
# speaker comes before the verb, after a comma that follows the closing
# mark: “...”, Bộ trưởng Nguyễn Văn An cho biết. A title follows its
# org's name without a preposition (Bộ trưởng Bộ Tài chính).


## Kinds of release, in sentence case: the status line, and the name in an index

kind-news-release = Thông cáo báo chí
kind-media-advisory = Thông tin cho báo chí
kind-media-invitation = Giấy mời báo chí
kind-statement = Tuyên bố
kind-correction = Đính chính

## Status lines

status-immediate = Phát hành ngay
status-embargoed = Không đăng trước { $moment }
moment = { $time } { $zone } ngày { $date }
subject-embargoed = KHÔNG ĐĂNG TRƯỚC
corrects = Thông cáo này đính chính thông cáo { $release }.

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

advisory-what = Sự kiện
advisory-when = Thời gian
advisory-where = Địa điểm
advisory-who = Thành phần
advisory-registration = Đăng ký
advisory-rsvp = Xác nhận tham dự

## Meetings and their places

meeting-online = Trực tuyến
meeting-and-online = { $place } và trực tuyến
meeting-to-be-announced = Địa điểm sẽ được thông báo sau
status-under-way = đang diễn ra
status-held = đã diễn ra
status-postponed = đã hoãn
status-cancelled = đã hủy

## Phones, by what they are for

phone-office = Văn phòng
phone-mobile = Di động
phone-out-of-hours = Ngoài giờ hành chính
phone-fax = Fax

## Contacts in an address book, by role

role-media = Quan hệ báo chí
role-investor = Quan hệ nhà đầu tư
role-analyst = Quan hệ với giới phân tích
role-general = Thông tin chung
comma = {", "}

## Parts of the page

about = Giới thiệu về { $org }
heading-contacts = Liên hệ
heading-meetings = Các cuộc họp
heading-notes = Ghi chú cho biên tập viên
link-download-contact = Tải thông tin liên hệ
link-add-to-calendar = Thêm vào lịch
image-label = Hình ảnh
source-line = Nguồn: { $org }
end-mark = # # #
masthead-and = và
languages = Ngôn ngữ khác
index-empty = Chưa có thông cáo nào được công bố.
index-older = Thông cáo cũ hơn
index-newer = Thông cáo mới hơn
index-pages = Các trang
index-page = Trang { $number }/{ $count }
index-embargoed = không đăng trước { $moment }
index-title-page = { $title } (trang { $number }/{ $count })
index-title = Thông cáo báo chí
index-title-of = Thông cáo báo chí của { $orgs }

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
attribution = { $speaker }{ $apposed ->
    [yes] ,
   *[no] {""}
} { $verb }

## Names and titles

title-with-org = { $title } { $org }
org-join = {""}
org-before-title = { $title } { $org }
name-then-title = { $name }, { $title }
title-then-name = { $title } { $name }
role-mention = { $title }

## Attribution verbs, by the word a quote names (quote @x said)

verb-said = cho biết
verb-says = cho biết
verb-added = nói thêm
verb-explained = giải thích
verb-noted = lưu ý
verb-stated = khẳng định
verb-stressed = nhấn mạnh
verb-emphasised = nhấn mạnh
verb-emphasized = nhấn mạnh
verb-concluded = kết luận
verb-continued = nói tiếp
verb-announced = thông báo
verb-warned = cảnh báo
verb-recalled = nhắc lại
