; Highlights for `.rel`. Capture names follow nvim-treesitter's standard
; set, which Helix and Zed map onto their own themes.

(comment) @comment

; ---------------------------------------------------------------- structure

[
  "use"
  "release"
  "body"
  "contacts"
  "about"
  "advisory"
  "follow"
  "notes"
  "disclaimer"
  "trademarks"
  "source"
] @keyword

(kind) @keyword.type

(declaration
  name: (identifier) @label)

(key) @property

(string) @string

(escape_sequence) @string.escape

(url) @string.special.url

[
  (temporal)
  (range)
] @number

(word) @constant

(attribution_style) @constant

(reference
  "@" @label
  id: (identifier) @label)

(reference
  field: (field_access) @property)

[
  "{"
  "}"
] @punctuation.bracket

"," @punctuation.delimiter

; ---------------------------------------------------------------- prose

(heading) @markup.heading

(heading_marker) @punctuation.special

(list_marker) @markup.list

(quote
  "quote" @keyword
  verb: (verb) @function)

(quote_body) @markup.quote

(figure
  "figure" @keyword)

(attribution) @punctuation.special
(own_words "---" @punctuation.special)

(emphasis) @markup.italic

(strong) @markup.strong

(link_text) @markup.link.label

(link_destination) @markup.link.url

(link
  [
    "["
    "]("
    ")"
  ] @punctuation.bracket)
