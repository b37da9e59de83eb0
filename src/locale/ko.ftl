# 보도자료의 고정 문구(한국어). The fixed words of a release in Korean.
# Quotation marks are CLDR's “ ”; the quoted words end without a full
# stop, and the attribution follows with 라고, the speaker taking 은 or 는
# by the sound their name ends with (HANGUL_FINAL): “……”라고 김 장관은
# 말했다. A Korean title follows the name: 앨런 볼라드 APEC 사무국
# 사무총장.


## Kinds of release, in sentence case: the status line, and the name in an index

kind-news-release = 보도자료
kind-media-advisory = 취재 안내
kind-media-invitation = 취재 요청
kind-statement = 성명
kind-correction = 정정

## Status lines

status-immediate = 즉시 보도
status-embargoed = 엠바고: { $moment } 이후 보도
moment = { $date } { $time }({ $zone })
subject-embargoed = 엠바고
corrects = 이 보도자료는 { $release } 보도자료를 정정합니다.

## Ranges of dates (see en.ftl for the placeables)

dates-range = { $year ->
    [shown] { $span ->
        [days] { $start-full }~{ $end-day }
        [months] { $start-full }~{ $end }
       *[years] { $start-full }~{ $end-full }
    }
   *[hidden] { $span ->
        [days] { $start }~{ $end-day }
       *[other] { $start }~{ $end }
    }
}
weekday-date = { $date } { $weekday }

## An advisory's labelled block

advisory-what = 행사
advisory-when = 일시
advisory-where = 장소
advisory-who = 참석자
advisory-registration = 취재 신청
advisory-rsvp = 참석 여부 회신

## Meetings and their places

meeting-online = 온라인
meeting-and-online = { $place } 및 온라인
meeting-to-be-announced = 장소 추후 공지
status-under-way = 진행 중
status-held = 종료
status-postponed = 연기
status-cancelled = 취소

## Phones, by what they are for

phone-office = 사무실
phone-mobile = 휴대전화
phone-out-of-hours = 업무 시간 외
phone-fax = 팩스

## Contacts in an address book, by role

role-media = 언론 홍보
role-investor = 투자자 관계
role-analyst = 애널리스트 관계
role-general = 일반 문의
comma = {", "}

## Parts of the page

about = { $org } 소개
heading-contacts = 문의처
heading-meetings = 회의
heading-notes = 편집자 참고 사항
link-download-contact = 연락처 다운로드
link-add-to-calendar = 캘린더에 추가
image-label = 이미지
source-line = 출처: { $org }
end-mark = # # #
masthead-and = 및
languages = 다른 언어
index-empty = 아직 게시된 보도자료가 없습니다.
index-older = 이전 보도자료
index-newer = 최신 보도자료
index-pages = 페이지
index-page = { $count }쪽 중 { $number }쪽
index-embargoed = 엠바고: { $moment } 이후 보도
index-title-page = { $title } ({ $count }쪽 중 { $number }쪽)
index-title = 보도자료
index-title-of = { $orgs } 보도자료

## Quotations and their attribution (see en.ftl for the placeables)

quote-open = “
quote-close = ”
quote-inner-open = ‘
quote-inner-close = ’
quote-to-attribution = {"라고 "}
attribution-continues = ,
attribution-ends = .
attribution-leads = :
part-gap = {" "}
attribution = { $order ->
    [leads] { $speaker }{ HANGUL_FINAL($speaker) ->
        [consonant] 은
       *[vowel] 는
    } 다음과 같이 { $verb }
   *[other] { $speaker }{ HANGUL_FINAL($speaker) ->
        [consonant] 은
       *[vowel] 는
    } { $verb }
}

## Names and titles

title-with-org = { $org } { $title }
org-join = {""}
org-before-title = { $org } { $title }
name-then-title = { $name } { $title }
title-then-name = { $name } { $title }
role-mention = { $title }

## Attribution verbs, by the word a quote names (quote @x said)

verb-said = 말했다
verb-says = 말한다
verb-added = 덧붙였다
verb-explained = 설명했다
verb-noted = 언급했다
verb-stated = 밝혔다
verb-stressed = 강조했다
verb-emphasised = 강조했다
verb-emphasized = 강조했다
verb-concluded = 마무리했다
verb-continued = 말을 이었다
verb-announced = 발표했다
verb-warned = 경고했다
verb-recalled = 회고했다
