# プレスリリースの定型語（日本語）。The fixed words of a release in
# Japanese. Quotation marks are CLDR's 「」, with 『』 inside; the quoted
# words end without 。, and the attribution follows with と:
# 「……」と山田大臣は述べました。 An attribution that leads its quotation
# reads 山田大臣は次のように述べました。「……」 The verbs are in the polite
# form (です・ます調) a press release is written in. The release ends
# with 以上.


## Kinds of release, in sentence case: the status line, and the name in an index

kind-news-release = プレスリリース
kind-media-advisory = 報道関係者各位
kind-media-invitation = 取材のご案内
kind-statement = 声明
kind-correction = 訂正

## Status lines

status-immediate = 即日発表
status-embargoed = 報道解禁：{ $moment }
moment = { $date } { $time }（{ $zone }）
subject-embargoed = 解禁前
corrects = 本リリースは{ $release }を訂正するものです。

## Ranges of dates (see en.ftl for the placeables)

dates-range = { $year ->
    [shown] { $span ->
        [days] { $start-full }～{ $end-day }
        [months] { $start-full }～{ $end }
       *[years] { $start-full }～{ $end-full }
    }
   *[hidden] { $span ->
        [days] { $start }～{ $end-day }
       *[other] { $start }～{ $end }
    }
}
weekday-date = { $date }（{ $weekday }）

## An advisory's labelled block

advisory-what = 内容
advisory-when = 日時
advisory-where = 会場
advisory-who = 出席者
advisory-registration = 取材申し込み
advisory-rsvp = 出欠のご連絡

## Meetings and their places

meeting-online = オンライン
meeting-and-online = { $place }およびオンライン
meeting-to-be-announced = 会場未定
status-under-way = 開催中
status-held = 開催済み
status-postponed = 延期
status-cancelled = 中止

## Phones, by what they are for

phone-office = 電話
phone-mobile = 携帯
phone-out-of-hours = 時間外
phone-fax = FAX

## Contacts in an address book, by role

role-media = 広報
role-investor = IR
role-analyst = アナリスト窓口
role-general = 総合窓口
comma = 、

## Parts of the page

about = { $org }について
heading-contacts = お問い合わせ
heading-meetings = 会議
heading-notes = 編集者の皆様へ
link-download-contact = 連絡先をダウンロード
link-add-to-calendar = カレンダーに追加
image-label = 画像
source-line = 出典：{ $org }
end-mark = 以上
masthead-and = と
languages = 他の言語
index-empty = 公開されたプレスリリースはまだありません。
index-older = 以前のリリース
index-newer = 新しいリリース
index-pages = ページ
index-page = { $count }ページ中{ $number }ページ
index-embargoed = 報道解禁：{ $moment }
index-title-page = { $title }（{ $count }ページ中{ $number }ページ）
index-title = プレスリリース
index-title-of = { $orgs }のプレスリリース

## Quotations and their attribution (see en.ftl for the placeables)

quote-open = 「
quote-close = 」
quote-inner-open = 『
quote-inner-close = 』
quote-to-attribution = と
attribution-continues = 、
attribution-ends = 。
attribution-leads = 。
part-gap = {""}
attribution = { $order ->
    [leads] { $speaker }は次のように{ $verb }
   *[other] { $speaker }は{ $verb }
}

## Names and titles

title-with-org = { $org }{ $title }
org-join = {""}
org-before-title = { $org }{ $title }
name-then-title = { $name }{ $title }
title-then-name = { $title }の{ $name }
role-mention = { $title }

## Attribution verbs, by the word a quote names (quote @x said)

verb-said = 述べました
verb-says = 述べています
verb-added = 付け加えました
verb-explained = 説明しました
verb-noted = 指摘しました
verb-stated = 明言しました
verb-stressed = 強調しました
verb-emphasised = 強調しました
verb-emphasized = 強調しました
verb-concluded = 締めくくりました
verb-continued = 続けました
verb-announced = 発表しました
verb-warned = 警告しました
verb-recalled = 振り返りました
