// The external scanner of the `.rel` tree-sitter grammar.
//
// Prose in `.rel` is line-oriented, and where a paragraph ends depends on
// the line after it: a blank line, a closing brace, or a line that starts a
// block (a comment, a heading, a list item, a quote or an attribution) ends
// it; any other line continues it. A regular lexer cannot look that far, so
// this scanner decides it, mirroring pest's `soft_break` and `block_start`
// in grammar/rel.pest. It also finds the tokens whose meaning depends on what
// follows them: block markers, the openers of emphasis, and comments, which
// in prose only stand on a line of their own.
//
// It keeps no state between calls.

#include "tree_sitter/parser.h"

#include <stdbool.h>
#include <stdint.h>

enum TokenType {
  COMMENT,
  SOFT_BREAK,
  BLOCK_END,
  HEADING_MARKER,
  LIST_MARKER,
  QUOTE_KEYWORD,
  ATTRIBUTION,
  EMPH_OPEN,
  STRONG_OPEN,
  LINK_DESTINATION,
  STRING_CONTENT,
  FIGURE_KEYWORD,
  QUOTE_SOFT_BREAK,
  OWN_WORDS_MARKER,
  ERROR_SENTINEL,
};

void *tree_sitter_rel_external_scanner_create(void) { return NULL; }

void tree_sitter_rel_external_scanner_destroy(void *payload) { (void)payload; }

unsigned tree_sitter_rel_external_scanner_serialize(void *payload, char *buffer) {
  (void)payload;
  (void)buffer;
  return 0;
}

void tree_sitter_rel_external_scanner_deserialize(void *payload, const char *buffer,
                                                  unsigned length) {
  (void)payload;
  (void)buffer;
  (void)length;
}

static inline void advance(TSLexer *lexer) { lexer->advance(lexer, false); }

static inline void skip(TSLexer *lexer) { lexer->advance(lexer, true); }

static inline bool is_hs(int32_t c) { return c == ' ' || c == '\t'; }

static inline bool is_nl(int32_t c) { return c == '\n' || c == '\r'; }

static inline bool is_space(int32_t c) { return is_hs(c) || is_nl(c) || c == 0xFEFF; }

static inline bool is_alpha(int32_t c) { return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z'); }

static inline bool is_digit(int32_t c) { return c >= '0' && c <= '9'; }

// Consumes `word` if the input continues with it.
static bool consume(TSLexer *lexer, const char *word) {
  for (; *word; word++) {
    if (lexer->lookahead != *word) return false;
    advance(lexer);
  }
  return true;
}

// pest's `block_start`, at the first non-blank character of a line; in a
// quote (`in_quote`), also a line of the writer's own words, `--- words`.
// It advances the lexer, so call it only after `mark_end`.
static bool at_block_start(TSLexer *lexer, bool in_quote) {
  int32_t c = lexer->lookahead;
  if (c == '/') {
    advance(lexer);
    return lexer->lookahead == '/';
  }
  if (c == '#') {
    for (int n = 0; n < 3 && lexer->lookahead == '#'; n++) advance(lexer);
    return is_hs(lexer->lookahead);
  }
  if (c == '-') {
    advance(lexer);
    if (is_hs(lexer->lookahead)) return true;
    if (!consume(lexer, "--")) return false;
    bool spaced = is_hs(lexer->lookahead);
    while (is_hs(lexer->lookahead)) advance(lexer);
    if (is_nl(lexer->lookahead) || lexer->lookahead == '}') return true;
    return in_quote && spaced && !lexer->eof(lexer);
  }
  if (is_digit(c)) {
    for (int n = 0; n < 3 && is_digit(lexer->lookahead); n++) advance(lexer);
    if (lexer->lookahead != '.') return false;
    advance(lexer);
    return is_hs(lexer->lookahead);
  }
  if (c == 'q') {
    if (!consume(lexer, "quote") || !is_hs(lexer->lookahead)) return false;
    while (is_hs(lexer->lookahead)) advance(lexer);
    return lexer->lookahead == '@';
  }
  if (c == 'f') {
    if (!consume(lexer, "figure") || !is_hs(lexer->lookahead)) return false;
    while (is_hs(lexer->lookahead)) advance(lexer);
    return lexer->lookahead == '@';
  }
  return false;
}

// A `//` comment up to the end of its line.
static bool scan_comment(TSLexer *lexer) {
  if (lexer->lookahead != '/') return false;
  advance(lexer);
  if (lexer->lookahead != '/') return false;
  advance(lexer);
  lexer->result_symbol = COMMENT;
  // To the line's end, `\n` or `\r\n`; a lone `\r` is part of the comment,
  // as in pest.
  while (!lexer->eof(lexer) && lexer->lookahead != '\n') {
    if (lexer->lookahead == '\r') {
      lexer->mark_end(lexer);
      advance(lexer);
      if (lexer->lookahead == '\n') return true;
      continue;
    }
    advance(lexer);
  }
  lexer->mark_end(lexer);
  return true;
}

// At a newline inside a paragraph, list item or heading: a soft break when
// the next line continues the text, the end of the block otherwise.
static bool scan_line_end(TSLexer *lexer, const bool *valid) {
  if (lexer->lookahead == '\r') advance(lexer);
  if (lexer->lookahead != '\n') return false;
  advance(lexer);
  lexer->mark_end(lexer);
  while (is_hs(lexer->lookahead)) advance(lexer);
  bool in_quote = valid[QUOTE_SOFT_BREAK] && !valid[SOFT_BREAK];
  bool ends = lexer->eof(lexer) || is_nl(lexer->lookahead) || lexer->lookahead == '}' ||
              at_block_start(lexer, in_quote);
  if (!ends && (valid[SOFT_BREAK] || valid[QUOTE_SOFT_BREAK])) {
    lexer->result_symbol = valid[SOFT_BREAK] ? SOFT_BREAK : QUOTE_SOFT_BREAK;
    return true;
  }
  if (!valid[BLOCK_END]) return false;
  lexer->result_symbol = BLOCK_END;
  return true;
}

// After a heading or list marker: its spaces, then something for the
// block to hold. pest's `heading` and `list_item` need an inline after the
// marker; without one, the line is a paragraph that starts with the marker.
static bool content_follows(TSLexer *lexer) {
  if (!is_hs(lexer->lookahead)) return false;
  while (is_hs(lexer->lookahead)) advance(lexer);
  return !lexer->eof(lexer) && !is_nl(lexer->lookahead) && lexer->lookahead != '}';
}

// After a block's keyword: its spaces and a reference, `@id` or
// `@id.field`.
static bool skip_reference(TSLexer *lexer) {
  while (is_hs(lexer->lookahead)) advance(lexer);
  if (lexer->lookahead != '@') return false;
  advance(lexer);
  if (!is_alpha(lexer->lookahead)) return false;
  while (is_alpha(lexer->lookahead) || is_digit(lexer->lookahead) || lexer->lookahead == '-' ||
         lexer->lookahead == '_' || lexer->lookahead == '.') {
    advance(lexer);
  }
  return true;
}

// The marker that opens a block, at the start of one.
static bool scan_block_marker(TSLexer *lexer, const bool *valid) {
  int32_t c = lexer->lookahead;
  if (c == '#' && valid[HEADING_MARKER]) {
    for (int n = 0; n < 3 && lexer->lookahead == '#'; n++) advance(lexer);
    lexer->mark_end(lexer);
    lexer->result_symbol = HEADING_MARKER;
    return content_follows(lexer);
  }
  if (c == '-' && (valid[LIST_MARKER] || valid[ATTRIBUTION] || valid[OWN_WORDS_MARKER])) {
    advance(lexer);
    if (is_hs(lexer->lookahead)) {
      if (!valid[LIST_MARKER]) return false;
      lexer->mark_end(lexer);
      lexer->result_symbol = LIST_MARKER;
      return content_follows(lexer);
    }
    if (!consume(lexer, "--")) return false;
    lexer->mark_end(lexer);
    bool spaced = is_hs(lexer->lookahead);
    while (is_hs(lexer->lookahead)) advance(lexer);
    if (is_nl(lexer->lookahead) || lexer->lookahead == '}' || lexer->eof(lexer)) {
      if (!valid[ATTRIBUTION]) return false;
      lexer->result_symbol = ATTRIBUTION;
      return true;
    }
    // `--- he added.`: the writer's own words follow the marker.
    if (!spaced || !valid[OWN_WORDS_MARKER]) return false;
    lexer->result_symbol = OWN_WORDS_MARKER;
    return true;
  }
  if (is_digit(c) && valid[LIST_MARKER]) {
    for (int n = 0; n < 3 && is_digit(lexer->lookahead); n++) advance(lexer);
    if (lexer->lookahead != '.') return false;
    advance(lexer);
    lexer->mark_end(lexer);
    lexer->result_symbol = LIST_MARKER;
    return content_follows(lexer);
  }
  if (c == 'f' && valid[FIGURE_KEYWORD]) {
    // pest's `figure`: "figure" and a reference, alone on the line. A line
    // that starts so and is not all of that is a paragraph.
    if (!consume(lexer, "figure") || !is_hs(lexer->lookahead)) return false;
    lexer->mark_end(lexer);
    if (!skip_reference(lexer)) return false;
    while (is_hs(lexer->lookahead)) advance(lexer);
    if (!(lexer->eof(lexer) || is_nl(lexer->lookahead) || lexer->lookahead == '}')) return false;
    lexer->result_symbol = FIGURE_KEYWORD;
    return true;
  }
  if (c == 'q' && valid[QUOTE_KEYWORD]) {
    // pest's `quote`: "quote", the speaker, perhaps the verb and a style, and
    // `{`, all on the line. A line that starts so and is not all of that
    // is a paragraph.
    if (!consume(lexer, "quote") || !is_hs(lexer->lookahead)) return false;
    lexer->mark_end(lexer);
    if (!skip_reference(lexer)) return false;
    while (is_hs(lexer->lookahead)) advance(lexer);
    // The verb, which the writer may leave out.
    while (is_alpha(lexer->lookahead)) advance(lexer);
    while (is_hs(lexer->lookahead)) advance(lexer);
    // An attribution style after the verb: `name-first`.
    if (is_alpha(lexer->lookahead)) {
      while (is_alpha(lexer->lookahead) || lexer->lookahead == '-') advance(lexer);
      while (is_hs(lexer->lookahead)) advance(lexer);
    }
    if (lexer->lookahead != '{') return false;
    lexer->result_symbol = QUOTE_KEYWORD;
    return true;
  }
  return false;
}

// Whether the emphasis just opened is closed before its paragraph ends:
// by `*`, or by `**` when it is strong. pest tries emphasis and, where it
// does not close, reads its `*` as a stray character; looking ahead here
// makes the same choice without a second parse of the line.
//
// Inside strong emphasis, pest reads a single `*` as the start of an
// emphasis, which takes the next `*` to close it; a `**` closes the strong
// emphasis only outside one. A `*` that can open nothing (before white
// space) is a stray character, which strong emphasis cannot hold.
static bool closes(TSLexer *lexer, bool strong) {
  bool in_emph = false;
  while (!lexer->eof(lexer)) {
    int32_t c = lexer->lookahead;
    if (c == '*') {
      advance(lexer);
      if (!strong) return true;
      if (in_emph) {
        in_emph = false;
        continue;
      }
      if (lexer->lookahead == '*') return true;
      if (is_space(lexer->lookahead) || lexer->eof(lexer)) return false;
      in_emph = true;
      continue;
    }
    if (c == '\\') {
      advance(lexer);
      if (lexer->eof(lexer) || is_nl(lexer->lookahead)) return false;
    } else if (c == '{' || c == '}') {
      return false;
    } else if (c == '@') {
      // A reference needs an id, which starts with a letter; an `@` that
      // starts none is a stray character, which emphasis cannot hold.
      advance(lexer);
      int32_t n = lexer->lookahead;
      if (!((n >= 'a' && n <= 'z') || (n >= 'A' && n <= 'Z'))) return false;
      continue;
    } else if (is_nl(c)) {
      if (c == '\r') advance(lexer);
      if (lexer->lookahead != '\n') return false;
      advance(lexer);
      while (is_hs(lexer->lookahead)) advance(lexer);
      if (lexer->eof(lexer) || is_nl(lexer->lookahead) || lexer->lookahead == '}' ||
          at_block_start(lexer, false)) {
        return false;
      }
      continue;
    }
    advance(lexer);
  }
  return false;
}

// Strong emphasis whose content begins with an emphasis: that emphasis
// closes at the next `*`, and the strong emphasis after it.
static bool closes_after_emph(TSLexer *lexer) {
  while (!lexer->eof(lexer) && lexer->lookahead != '*') {
    int32_t c = lexer->lookahead;
    if (c == '{' || c == '}' || is_nl(c)) return false;
    if (c == '\\') advance(lexer);
    advance(lexer);
  }
  if (lexer->eof(lexer)) return false;
  advance(lexer);
  return closes(lexer, true);
}

// `*` or `**` that opens emphasis: not followed by white space (and, for
// `*`, not by another `*`), as pest's `emph` and `strong` require, and
// closed later in the paragraph.
static bool scan_emphasis_open(TSLexer *lexer, const bool *valid) {
  if (lexer->lookahead != '*') return false;
  advance(lexer);
  if (lexer->lookahead == '*') {
    advance(lexer);
    if (!valid[STRONG_OPEN] || is_space(lexer->lookahead) || lexer->eof(lexer)) return false;
    lexer->mark_end(lexer);
    lexer->result_symbol = STRONG_OPEN;
    // pest's `strong` cannot begin with `**`: its content would be empty.
    if (lexer->lookahead == '*') {
      advance(lexer);
      if (lexer->lookahead == '*') return false;
      if (is_space(lexer->lookahead) || lexer->eof(lexer)) return false;
      return closes_after_emph(lexer);
    }
    return closes(lexer, true);
  }
  if (!valid[EMPH_OPEN] || is_space(lexer->lookahead) || lexer->eof(lexer)) return false;
  lexer->mark_end(lexer);
  lexer->result_symbol = EMPH_OPEN;
  return closes(lexer, false);
}

bool tree_sitter_rel_external_scanner_scan(void *payload, TSLexer *lexer, const bool *valid) {
  (void)payload;

  // Error recovery asks for every token at once; only comments are safe
  // to find then.
  if (valid[ERROR_SENTINEL]) {
    while (is_space(lexer->lookahead)) skip(lexer);
    return scan_comment(lexer);
  }

  // Inside a string everything up to a quote, a backslash or the end of
  // the line is its text: a string is one line, as in pest.
  if (valid[STRING_CONTENT]) {
    bool any = false;
    while (!lexer->eof(lexer) && lexer->lookahead != '"' && lexer->lookahead != '\\' &&
           lexer->lookahead != '\n' && lexer->lookahead != '\r') {
      advance(lexer);
      any = true;
    }
    lexer->mark_end(lexer);
    lexer->result_symbol = STRING_CONTENT;
    return any;
  }

  // A link's target, right after `](`, unless it is a reference.
  if (valid[LINK_DESTINATION]) {
    bool any = false;
    if (lexer->lookahead == '@') {
      advance(lexer);
      if (is_alpha(lexer->lookahead)) return false;
      any = true;
    }
    while (!lexer->eof(lexer) && lexer->lookahead != ')' && lexer->lookahead != '[' &&
           !is_space(lexer->lookahead)) {
      advance(lexer);
      any = true;
    }
    lexer->mark_end(lexer);
    lexer->result_symbol = LINK_DESTINATION;
    return any;
  }

  bool in_prose = valid[EMPH_OPEN] || valid[STRONG_OPEN];
  bool block_start = valid[HEADING_MARKER] || valid[ATTRIBUTION] || valid[QUOTE_KEYWORD] ||
                     valid[FIGURE_KEYWORD] || valid[OWN_WORDS_MARKER];

  if (!block_start && (valid[SOFT_BREAK] || valid[QUOTE_SOFT_BREAK] || valid[BLOCK_END])) {
    while (is_hs(lexer->lookahead)) skip(lexer);
    if (is_nl(lexer->lookahead)) return scan_line_end(lexer, valid);
    // After a quote's closing brace the next block may start on the same
    // line; the block boundary there is empty.
    if (valid[BLOCK_END] && !in_prose && lexer->lookahead != '}' && !lexer->eof(lexer)) {
      lexer->mark_end(lexer);
      lexer->result_symbol = BLOCK_END;
      return true;
    }
  }

  if (block_start) {
    while (is_space(lexer->lookahead)) skip(lexer);
    if (lexer->lookahead == '/') return scan_comment(lexer);
    if (lexer->lookahead != '*') return scan_block_marker(lexer, valid);
  }

  if (in_prose) {
    while (is_hs(lexer->lookahead)) skip(lexer);
    return scan_emphasis_open(lexer, valid);
  }

  // Between the tokens of the structure, a comment may stand anywhere.
  if (valid[COMMENT]) {
    while (is_space(lexer->lookahead)) skip(lexer);
    return scan_comment(lexer);
  }
  return false;
}
