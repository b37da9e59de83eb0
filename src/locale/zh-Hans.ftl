# 新闻稿中的固定用语（简体中文）。The fixed words of a release in Chinese
# in simplified characters. Quotation marks are CLDR's “ ”, with ‘ ’
# inside; the writer ends the quoted words with their own punctuation
# inside the marks (GB/T 15834), and the speaker follows with no space:
# “……，”王部长表示。 A title stands after its org and before the name,
# with no space: 亚太经合组织秘书处执行主任艾伦·博拉德.


## Kinds of release, in sentence case: the status line, and the name in an index

kind-news-release = 新闻稿
kind-media-advisory = 媒体通告
kind-media-invitation = 媒体采访邀请
kind-statement = 声明
kind-correction = 更正

## Status lines

status-immediate = 即时发布
status-embargoed = { $moment }前不得发布
moment = { $date }{ $time }（{ $zone }）
subject-embargoed = 禁发
corrects = 本稿更正此前发布的{ $release }。

## Ranges of dates (see en.ftl for the placeables)

dates-range = { $year ->
    [shown] { $span ->
        [days] { $start-full }至{ $end-day }
        [months] { $start-full }至{ $end }
       *[years] { $start-full }至{ $end-full }
    }
   *[hidden] { $span ->
        [days] { $start }至{ $end-day }
       *[other] { $start }至{ $end }
    }
}
weekday-date = { $date }（{ $weekday }）

## An advisory's labelled block

advisory-what = 活动
advisory-when = 时间
advisory-where = 地点
advisory-who = 出席人员
advisory-registration = 报名
advisory-rsvp = 回执

## Meetings and their places

meeting-online = 线上
meeting-and-online = { $place }及线上
meeting-to-be-announced = 地点待定
status-under-way = 进行中
status-held = 已举行
status-postponed = 已推迟
status-cancelled = 已取消

## Phones, by what they are for

phone-office = 办公电话
phone-mobile = 手机
phone-out-of-hours = 非工作时间
phone-fax = 传真

## Contacts in an address book, by role

role-media = 媒体联络
role-investor = 投资者关系
role-analyst = 分析师关系
role-general = 一般咨询
comma = ，

## Parts of the page

about = 关于{ $org }
heading-contacts = 联系方式
heading-meetings = 会议
heading-notes = 编者注
link-download-contact = 下载联系人
link-add-to-calendar = 添加到日历
image-label = 图片
source-line = 来源：{ $org }
end-mark = （完）
masthead-and = 和
languages = 其他语言
index-empty = 尚未发布任何新闻稿。
index-older = 较早的新闻稿
index-newer = 较新的新闻稿
index-pages = 页码
index-page = 第{ $number }页，共{ $count }页
index-embargoed = { $moment }前不得发布
index-title-page = { $title }（第{ $number }页，共{ $count }页）
index-title = 新闻稿
index-title-of = { $orgs }新闻稿

## Quotations and their attribution (see en.ftl for the placeables)

quote-open = “
quote-close = ”
quote-inner-open = ‘
quote-inner-close = ’
quote-to-attribution = {""}
attribution-continues = ，
attribution-ends = 。
attribution-leads = ：
part-gap = {""}
attribution = { $speaker }{ $verb }

## Names and titles

title-with-org = { $org }{ $title }
org-join = {""}
org-before-title = { $org }{ $title }
name-then-title = { $title }{ $name }
title-then-name = { $title }{ $name }
role-mention = { $title }

## Attribution verbs, by the word a quote names (quote @x said)

verb-said = 表示
verb-says = 表示
verb-added = 补充说
verb-explained = 解释说
verb-noted = 指出
verb-stated = 称
verb-stressed = 强调
verb-emphasised = 强调
verb-emphasized = 强调
verb-concluded = 总结说
verb-continued = 接着说
verb-announced = 宣布
verb-warned = 警告说
verb-recalled = 回忆说
