/**
 * @file Tree-sitter grammar for `.rel`, the relc press-release language.
 *
 * It follows `grammar/rel.pest`, which stays the definition of the language:
 * every file pest accepts parses here without an ERROR node, and a test in
 * `tests/tree_sitter.rs` holds the two to that on the examples and the UI
 * suite.
 *
 * Two layers, as in pest:
 *  - the structure (header, declarations, fields, values), where white space
 *    and `//` comments may appear between any two tokens;
 *  - prose (body, quotes, closing parts), which is line-oriented. Which line
 *    ends a paragraph and which line starts a block is decided by the
 *    external scanner in `src/scanner.c`, which can look at the next line.
 */

/// <reference types="tree-sitter-cli/dsl" />
// @ts-check

const IDENT = /[A-Za-z]([-_]*[A-Za-z0-9])*/;
const DATE = /\d{4}-\d{1,2}-\d{1,2}/;
const MONTH = /\d{4}-\d{1,2}/;
const YEAR = /\d{4}/;
const TIME = /\d{1,2}:\d{2}(:\d{2})?/;
const OFFSET = /Z|[+-]\d{2}:?\d{2}/;
const ZONE = /\[[^\]\n]+\]/;

module.exports = grammar({
  name: 'rel',

  externals: $ => [
    $.comment,
    $._soft_break,
    $._block_end,
    $.heading_marker,
    $.list_marker,
    $._quote_keyword,
    $.attribution,
    $._emph_open,
    $._strong_open,
    $.link_destination,
    $._string_content,
    $._figure_keyword,
    $._quote_soft_break,
    $.own_words_marker,
    $._error_sentinel,
  ],

  extras: $ => [/[ \t\r\n\uFEFF]/, $.comment],

  word: $ => $.identifier,

  conflicts: $ => [
    [$.link, $.stray],
    [$.link, $._stray_inside],
  ],

  supertypes: $ => [$._value],

  rules: {
    source_file: $ => repeat($._item),

    _item: $ => choice(
      $.use,
      $.release,
      $.declaration,
      $.body,
      $.contacts,
      $.advisory,
      $.about,
      $.follow,
      $.notes,
      $.disclaimer,
      $.trademarks,
      $.source,
    ),

    // ------------------------------------------------------------ structure

    use: $ => seq('use', field('path', $.string)),

    release: $ => seq('release', $.fields),

    declaration: $ => seq(
      field('kind', $.kind),
      field('name', $.identifier),
      optional(field('label', $.string)),
      optional($.fields),
    ),

    kind: _ => choice('org', 'person', 'place', 'meeting', 'outcome', 'contact', 'image', 'footnote'),

    fields: $ => seq('{', repeat($.field), '}'),

    // After a value, a bare word always starts the next field, so only the
    // values that are not words may follow one without a comma.
    field: $ => prec.right(seq(
      field('key', $.key),
      $._value,
      repeat(choice(seq(',', $._value), $._value_nw)),
    )),

    _value: $ => choice($._value_nw, $.word),
    _value_nw: $ => choice($.string, $.reference, $.url, $.range, $.temporal),

    string: $ => seq(
      '"',
      repeat(choice($._string_content, $.escape_sequence)),
      token.immediate('"'),
    ),

    escape_sequence: _ => token.immediate(/\\(.|\n)/),

    url: _ => token(seq('<', /[^<> \t\n\r]+/, '>')),

    reference: $ => prec.right(seq(
      '@',
      field('id', alias(token.immediate(prec(2, IDENT)), $.identifier)),
      optional(field('field', alias(token.immediate(prec(2, seq('.', IDENT))), $.field_access))),
    )),

    range: $ => seq($.temporal, token.immediate('..'), alias($._temporal_immediate, $.temporal)),

    temporal: _ => token(choice(
      seq(DATE, optional(seq('T', TIME, optional(OFFSET))), optional(ZONE)),
      // Known only to the month (`2017-03`) or the year (`2018`).
      MONTH,
      YEAR,
      TIME,
    )),

    _temporal_immediate: _ => token.immediate(choice(
      seq(DATE, optional(seq('T', TIME, optional(OFFSET))), optional(ZONE)),
      // Known only to the month (`2017-03`) or the year (`2018`).
      MONTH,
      YEAR,
      TIME,
    )),

    word: _ => /[A-Za-z][A-Za-z0-9_-]*/,

    identifier: _ => IDENT,

    // A field's name, and for a text in one language its tag: `title.fr`.
    key: _ => token(seq(IDENT, optional(seq('.', /[A-Za-z]+(-[A-Za-z0-9]+)*/)))),

    // ------------------------------------------------------------ closing parts

    contacts: $ => seq(
      'contacts',
      optional(field('intro', $.string)),
      '{',
      repeat(choice($.declaration, $.reference)),
      '}',
    ),

    about: $ => seq('about', field('org', $.reference), $.prose),
    advisory: $ => seq('advisory', field('meeting', $.reference), optional($.fields)),
    follow: $ => seq('follow', $.prose),
    notes: $ => seq('notes', $.prose),
    disclaimer: $ => seq('disclaimer', $.prose),
    trademarks: $ => seq('trademarks', $.prose),
    source: $ => seq('source', field('org', $.reference)),
    body: $ => seq('body', $.prose),

    // ------------------------------------------------------------ prose

    prose: $ => seq('{', optional($._blocks), '}'),

    _blocks: $ => seq(
      $._block,
      repeat(seq($._block_end, $._block)),
      optional($._block_end),
    ),

    _block: $ => choice($.heading, $.list_item, $.quote, $.figure, $.paragraph),

    // `figure @chart`, a line of its own: an image declared elsewhere.
    figure: $ => seq(alias($._figure_keyword, 'figure'), field('image', $.reference)),

    heading: $ => seq($.heading_marker, field('content', $.inline)),

    // A nested list is an item indented deeper than the one before it. The
    // checker builds the nesting from the indentation; this grammar, like
    // pest's, sees a run of items.
    list_item: $ => seq($.list_marker, field('content', $._lines)),

    paragraph: $ => $._lines,

    _lines: $ => prec.right(seq(
      repeat1($._inline),
      repeat(seq($._soft_break, repeat1($._inline))),
    )),

    inline: $ => prec.right(repeat1($._inline)),

    quote: $ => seq(
      alias($._quote_keyword, 'quote'),
      field('speaker', $.reference),
      // Without a verb, the writer attributes in their own words.
      optional(seq(
        field('verb', $.verb),
        optional(field('style', $.attribution_style)),
      )),
      field('words', $.quote_body),
    ),

    verb: _ => /\p{L}[\p{L}\p{M}]*/,

    // How this quote names its speaker, over the house's: `name-first`.
    attribution_style: _ => /[A-Za-z][A-Za-z-]*/,

    quote_body: $ => seq(
      '{',
      optional(seq(
        $._quote_part,
        repeat(seq($._block_end, $._quote_part)),
        optional($._block_end),
      )),
      '}',
    ),

    _quote_part: $ => choice($.attribution, $.own_words, alias($._quote_paragraph, $.paragraph)),

    // `--- he added.`: the attribution in the writer's own words, one line.
    own_words: $ => seq(alias($.own_words_marker, '---'), field('content', $.inline)),

    // A quoted paragraph, which a line of own words also ends.
    _quote_paragraph: $ => prec.right(seq(
      repeat1($._inline),
      repeat(seq($._quote_soft_break, repeat1($._inline))),
    )),

    _inline: $ => choice(
      $.text,
      $._escape,
      $.reference,
      $.link,
      $.url,
      $.emphasis,
      $.strong,
      $.stray,
    ),

    text: _ => /[^@*\[\]<\\{}\n\r \t][^@*\[\]<\\{}\n\r]*/,

    // The scanner opens emphasis only where it closes; where it does not,
    // the `*` is stray, as in pest.
    // A markup character that starts nothing may stand inside: pest then
    // reads the `*` as stray too, and the checker reports both.
    emphasis: $ => prec.dynamic(1, seq(
      alias($._emph_open, '*'),
      repeat1(choice($._inner, $._soft_break, $._stray_inside)),
      '*',
    )),

    strong: $ => prec.dynamic(1, seq(
      alias($._strong_open, '**'),
      repeat1(choice($._inner, $.emphasis, $._soft_break, $._stray_inside)),
      '**',
    )),

    _inner: $ => choice($.text, $._escape, $.reference, $.link, $.url),

    // In prose an escape may follow white space, and never takes a newline.
    _escape: $ => alias(token(/\\[^\r\n]/), $.escape_sequence),

    // pest tries a link before a stray `[`, and where both read the input,
    // the link wins here too: that is the dynamic precedence.
    link: $ => prec.dynamic(1, seq(
      '[',
      field('text', $.link_text),
      '](',
      field('destination', choice($.reference, $.link_destination)),
      ')',
    )),

    link_text: $ => repeat1(choice(
      $.text,
      $._escape,
      $.emphasis,
      $.strong,
      $._soft_break,
    )),

    // A markup character that starts nothing; the checker decides what it
    // means, as with pest's `stray`.
    stray: $ => choice(
      '@', '*', '[', ']', '<', '{',
    ),

    _stray_inside: $ => alias(choice('@', '[', ']', '<', '{'), $.stray),
  },
});
