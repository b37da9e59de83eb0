//! Prose: paragraphs, headings, lists and quotes, with every `@id`
//! resolved and rendered from its declaration, and typographic punctuation.

use rustc_hash::{FxHashMap as HashMap, FxHashSet as HashSet};
use std::borrow::Borrow;

use crate::locale::{Gender, Marks, Order};

use super::{Checker, Entities, House};
use crate::check::fields::{Resolve, check_email, check_url};
use crate::diag::{Code, Diagnostic};
use crate::model::{
    AttributionStyle, Block, Content, DateText, FootnoteMark, Inline, ListItem, Mention, Person,
    Quote, QuoteItem, plain_text,
};
use crate::schema::RefField;
use crate::span::{Span, Spanned};
use crate::syntax::ast::{self, DeclKind, LITERAL, LinkTarget, Ref};

/// How deep lists may nest. The checker and the emitters recurse once per
/// level, so a bound keeps any input from exhausting the stack.
pub const MAX_LIST_DEPTH: usize = 16;

/// A list item: numbered, indentation, content, place.
type ListLine<'a> = (bool, usize, &'a [ast::Inline], crate::span::Span);

/// The names of the fields a reference to `kind` may ask for.
fn ref_fields(kind: DeclKind) -> Vec<&'static str> {
    RefField::of(kind).iter().map(|f| f.name()).collect()
}

pub(crate) struct ProseChecker<'c, 'a> {
    pub cx: &'c mut Checker<'a>,
    ents: &'c Entities,
    /// The house style: how quotes attribute (a quote may override it)
    /// and how orgs are named at first mention.
    house: House,
    /// How the release's language sets quotations.
    marks: Marks,
    /// People already named in full.
    introduced: HashSet<String>,
    /// The footnotes referred to, in the order of their first reference.
    pub footnotes: Vec<String>,
    /// People already warned of for having no title.
    untitled: HashSet<String>,
    /// Where a `{` was already explained as the opening of a block that an
    /// unclosed quote swallowed: not reported again as a stray brace.
    explained_braces: HashSet<usize>,
    /// Whether each verb met agrees with its speaker's gender: asking the
    /// catalogue formats the verb six ways, and a release quotes with the
    /// same few verbs.
    agrees: HashMap<String, bool>,
}

impl<'c, 'a> ProseChecker<'c, 'a> {
    pub fn new(cx: &'c mut Checker<'a>, ents: &'c Entities, house: House) -> Self {
        ProseChecker {
            cx,
            ents,
            marks: house.words.marks(),
            house,
            introduced: HashSet::default(),
            footnotes: Vec::new(),
            untitled: HashSet::default(),
            explained_braces: HashSet::default(),
            agrees: HashMap::default(),
        }
    }

    /// The model of `blocks`, given borrowed (`&ast::Block`) or owned: an
    /// owned block's tree is dropped as soon as its model is made (a run
    /// of list items, once its lists are).
    pub fn blocks<B: Borrow<ast::Block>>(
        &mut self,
        blocks: impl IntoIterator<Item = B>,
    ) -> Vec<Block> {
        let mut out = Vec::new();
        // A run of list items: the checker groups them into lists.
        let mut items: Vec<B> = Vec::new();
        for b in blocks {
            if matches!(b.borrow(), ast::Block::ListItem { .. }) {
                items.push(b);
                continue;
            }
            self.list_run(&mut items, &mut out);
            self.block(b.borrow(), &mut out);
        }
        self.list_run(&mut items, &mut out);
        out
    }

    /// The lists of a run of list items, which is then emptied.
    fn list_run<B: Borrow<ast::Block>>(&mut self, items: &mut Vec<B>, out: &mut Vec<Block>) {
        if items.is_empty() {
            return;
        }
        let lines: Vec<ListLine<'_>> = items
            .iter()
            .filter_map(|b| match b.borrow() {
                ast::Block::ListItem {
                    ordered,
                    indent,
                    inlines,
                    span,
                } => Some((*ordered, *indent, inlines.as_slice(), *span)),
                _ => None,
            })
            .collect();
        out.extend(self.lists(&lines, 1));
        drop(lines);
        items.clear();
    }

    /// The model of one block other than a list item, pushed onto `out`.
    fn block(&mut self, block: &ast::Block, out: &mut Vec<Block>) {
        {
            match block {
                ast::Block::Para(p) => {
                    self.running_punctuation(p);
                    out.push(Block::Paragraph {
                        content: self.sentences(&p.inlines).into(),
                    })
                }
                ast::Block::Heading { level, inlines, .. } => out.push(Block::Heading {
                    level: *level,
                    content: self.content(inlines).into(),
                }),
                ast::Block::Quote(q) => {
                    if let Some(q) = self.quote(q) {
                        out.push(Block::Quote(Box::new(q)));
                    }
                }
                ast::Block::Figure { image: r, .. } => {
                    if self.cx.resolve(r, &[DeclKind::Image]).is_some()
                        && let Some(image) = self.ents.image(&r.id.node)
                    {
                        out.push(Block::Figure(Box::new(image.clone())));
                    }
                }
                // Gathered into runs by `blocks`.
                ast::Block::ListItem { .. } => {}
            }
        }
    }

    /// Groups list items into lists; the items after an item that are
    /// indented deeper than it form the lists nested in it. (An item less
    /// indented than the first is still on the outer level.) Lists nest at
    /// most [`MAX_LIST_DEPTH`] levels deep.
    fn lists(&mut self, items: &[ListLine<'_>], depth: usize) -> Vec<Block> {
        let mut out: Vec<Block> = Vec::new();
        let mut i = 0;
        while i < items.len() {
            let (ordered, indent, inlines, _) = items[i];
            let mut j = i + 1;
            while j < items.len() && items[j].1 > indent {
                j += 1;
            }
            let nested = &items[i + 1..j];
            let children = if nested.is_empty() {
                Vec::new()
            } else if depth >= MAX_LIST_DEPTH {
                let span = nested[0].3;
                self.cx.report(
                    Diagnostic::new(
                        Code::TooDeep,
                        span,
                        format!("lists nest more than {MAX_LIST_DEPTH} levels deep here"),
                    )
                    .label(format!("level {}", depth + 1))
                    .help(format!(
                        "a release's lists nest at most {MAX_LIST_DEPTH} levels deep: indent this item less"
                    )),
                );
                Vec::new()
            } else {
                self.lists(nested, depth + 1)
            };
            let item = ListItem {
                content: self.content(inlines).into(),
                children,
            };
            match out.last_mut() {
                Some(Block::List { ordered: o, items }) if *o == ordered => items.push(item),
                _ => out.push(Block::List {
                    ordered,
                    items: vec![item],
                }),
            }
            i = j;
        }
        out
    }

    fn quote(&mut self, q: &ast::Quote) -> Option<Quote> {
        if let Some(verb) = &q.verb {
            self.unusual_verb(verb);
        }
        if q.paras.is_empty() {
            self.cx.report(
                Diagnostic::new(Code::EmptyQuote, q.span, "this quote quotes nothing")
                    .label("empty quote")
                    .help("write the quoted words between the braces, or remove the quote"),
            );
        }
        // relc writes the attribution with the verb: at the `---`, or
        // after the quotation where the writer gave no words of their own.
        let generated = q.verb.is_some() && (q.attribution.is_some() || q.words.is_empty());
        self.attribution_slips(q);
        let mut swallowed = false;
        for p in &q.paras {
            self.doubled_quotes(p);
            self.inner_quotes(p);
            swallowed |= self.block_inside_quote(q, p, swallowed);
        }
        // The words just before the attribution end in a comma, not a full
        // stop: “We are ready,” said Dr Bollard. (Not in a quote that
        // swallowed what follows it: its last words are not its own.)
        let before = q.attribution.map_or(q.paras.len(), |(n, _)| n);
        if generated
            && before > 0
            && !swallowed
            && let Some(p) = q.paras.get(before - 1)
        {
            self.stop_before_attribution(p);
        }
        self.cx.resolve(&q.speaker, &[DeclKind::Person])?;
        let person = self.ents.person(&q.speaker.id.node);
        if generated
            && let Some(p) = person
            && p.title.is_none()
            && self.untitled.insert(p.id.clone())
        {
            self.cx.report(
                    Diagnostic::new(
                        Code::SpeakerWithoutTitle,
                        q.speaker.span,
                        format!("`{}` is quoted but has no title", p.id),
                    )
                    .label("who is this, to the reader?")
                    .help(format!(
                        "add `title \"...\"` to the declaration of `{}`, so the first mention says who is speaking",
                        p.id
                    )),
                );
        }
        // What the quote holds, read in the order written so that a first
        // mention is the first the reader meets. relc's attribution stands
        // at the marker, or after the quotation where there is none.
        let mut parts: Vec<Option<ast::QuotePart<'_>>> = q.parts().into_iter().map(Some).collect();
        if generated && q.attribution.is_none() {
            parts.push(None);
        }
        let mut items = Vec::with_capacity(parts.len());
        // Kept with the release: made with the room it takes.
        let quoted = parts
            .iter()
            .filter(|p| matches!(p, Some(ast::QuotePart::Quoted(_))))
            .count();
        let mut paragraphs: Vec<Content> = Vec::with_capacity(quoted);
        let mut words: Vec<Vec<Inline>> = Vec::new();
        let mut attribution = None;
        for part in parts {
            match part {
                Some(ast::QuotePart::Quoted(p)) => {
                    items.push(QuoteItem::Quoted);
                    paragraphs.push(self.sentences(&p.inlines).into());
                }
                Some(ast::QuotePart::Words(p)) => {
                    items.push(QuoteItem::Words);
                    self.running_punctuation(p);
                    words.push(self.sentences(&p.inlines));
                }
                // A marker with no verb is E0610's, and writes nothing.
                Some(ast::QuotePart::Marker(_)) if !generated => {}
                Some(ast::QuotePart::Marker(_)) | None => {
                    let leads = items.is_empty();
                    items.push(QuoteItem::Attribution);
                    attribution = Some((self.attribution(q, person, leads)?, paragraphs.len()));
                }
            }
        }
        let after = attribution.as_ref().map_or(paragraphs.len(), |(_, n)| *n);
        let (speaker_text, speaker_first, attribution) =
            attribution.map(|(a, _)| a).unwrap_or_default();
        let verb = q.verb.as_ref().map(|v| v.node.clone());
        // The words after the attribution go on with its sentence when
        // the writer starts them in lower case.
        let continues = q
            .paras
            .get(after)
            .is_some_and(|p| starts_in_lower_case(&p.inlines));
        Some(Quote {
            speaker: person.map(|p| p.id.clone()).unwrap_or_default(),
            verb,
            speaker_text,
            speaker_first,
            attribution,
            attribution_after: after,
            speaker_name: person.map(|p| p.name.clone()).unwrap_or_default(),
            layout: Quote::lay_out(&items, continues, &self.marks),
            paragraphs,
            words,
        })
    }

    /// The attribution relc writes, and how it names the speaker: the
    /// speaker as named, whether they come before the verb, and the whole
    /// (`explained Dr Alan Bollard`, `he concluded`). `leads`: it stands
    /// before the quotation, and starts a sentence.
    fn attribution(
        &mut self,
        q: &ast::Quote,
        person: Option<&Person>,
        leads: bool,
    ) -> Option<(String, bool, String)> {
        let verb = q.verb.as_ref().map_or("", |v| v.node.as_str());
        let style = self.quote_style(q);
        let field = q.speaker.field.as_ref();
        // Whether the subject names the speaker with their title after a
        // comma (`Dr Alan Bollard, Executive Director of APEC`), which a
        // verb after it follows after a comma too.
        let mut apposed = false;
        let (subject, pronoun) = match field.map(|f| f.node.as_str()) {
            Some(f) if f == RefField::Pronoun.name() => {
                (self.person_field(&q.speaker, RefField::Pronoun)?, true)
            }
            Some(_) => (self.mention_text(&q.speaker, DeclKind::Person)?, false),
            None => {
                let id = &q.speaker.id.node;
                let first = !self.introduced.contains(id.as_str());
                let mention = self.person_mention(id);
                match person {
                    Some(p) if first && style != AttributionStyle::TitleFirst => {
                        apposed = p.title.is_some();
                        (p.mentions.name_first.clone(), false)
                    }
                    Some(p) if first => {
                        apposed = p.mentions.first_is_apposed();
                        (mention, false)
                    }
                    _ => (mention, false),
                }
            }
        };
        // A leading attribution starts a sentence; a pronoun goes before
        // its verb ("he concluded"); a name goes after it ("noted Dr
        // Bollard") unless the style puts the speaker first ("Tan
        // continued").
        let order = if leads {
            Order::Leads
        } else if pronoun {
            Order::Pronoun
        } else if style == AttributionStyle::SpeakerFirst {
            Order::SpeakerFirst
        } else {
            Order::VerbFirst
        };
        let speaker_first = order != Order::VerbFirst;
        let speaker_text = if leads { capitalise(&subject) } else { subject };
        let gender = person.map(|p| p.gender).unwrap_or_default();
        if gender == Gender::Other
            && self.verb_agrees(verb)
            && let (Some(p), Some(v)) = (person, &q.verb)
        {
            let lang = self.house.words.locale.lang().name();
            self.cx.report(
                Diagnostic::new(
                    Code::GenderNeeded,
                    v.span,
                    format!("in {lang}, `{verb}` agrees with its speaker, and `{}` has no gender", p.id),
                )
                .label("feminine or masculine?")
                .help(format!(
                    "add `gender feminine` or `gender masculine` to the declaration of `{}`, so the verb agrees",
                    p.id
                )),
            );
        }
        let words = &self.house.words;
        let attribution = words.attribution(verb, &speaker_text, order, gender, apposed);
        Some((speaker_text, speaker_first, attribution))
    }

    /// [`crate::locale::Words::verb_agrees`], asked once per verb.
    fn verb_agrees(&mut self, verb: &str) -> bool {
        if let Some(&agrees) = self.agrees.get(verb) {
            return agrees;
        }
        let agrees = self.house.words.verb_agrees(verb);
        self.agrees.insert(verb.to_string(), agrees);
        agrees
    }

    /// An attribution verb relc does not know: most often a slip of the
    /// keyboard, and kept as written if it is not.
    fn unusual_verb(&mut self, verb: &Spanned<String>) {
        let word = verb.node.as_str();
        let known = self.house.words.verbs();
        if known.contains(&word) {
            return;
        }
        let d = Diagnostic::new(
            Code::UnusualVerb,
            verb.span,
            format!("`{word}` is not an attribution verb relc knows"),
        )
        .label("unusual verb");
        let d = match crate::suggest::closest(word, known.iter().copied()) {
            Some(s) => d.help(format!(
                "did you mean `{s}`? If `{word}` is the word you want, keep it: the release is built with it"
            )),
            None => d.help(format!(
                "if `{word}` is the word you want, keep it: the release is built with it. The verbs relc knows: {}",
                known.join(", ")
            )),
        };
        self.cx.report(d);
    }

    /// How a quote's attribution and the writer's own words can disagree:
    /// a marker with no verb to write there, a verb that no marker places
    /// beside the writer's words, and words that name someone other than
    /// the speaker.
    fn attribution_slips(&mut self, q: &ast::Quote) {
        let speaker = q.speaker.id.node.as_str();
        match (&q.verb, q.attribution) {
            (None, Some((_, marker))) => self.cx.report(
                Diagnostic::new(
                    Code::NoVerb,
                    marker,
                    format!("this `---` marks where the attribution goes, but the quote of `@{speaker}` has no verb"),
                )
                .label("no verb to attribute with")
                .help(format!(
                    "write the verb after the speaker, `quote @{speaker} said {{`, or the attribution in your own words after the marker: `--- {} said:`",
                    self.ents.person(speaker).map_or("she", |p| p.pronoun.as_deref().unwrap_or("they"))
                )),
            ),
            (Some(verb), None) if !q.words.is_empty() => self.cx.report(
                Diagnostic::new(
                    Code::UnusedVerb,
                    verb.span,
                    format!("`{}` is printed nowhere: your own words attribute this quote", verb.node),
                )
                .label("unused verb")
                .help(format!(
                    "remove `{}`, or write `---` on a line of its own where relc should write \"{} {}\"",
                    verb.node,
                    verb.node,
                    self.ents.person(speaker).map_or(speaker.to_string(), |p| p.mentions.later.clone())
                )),
            ),
            _ => {}
        }
        // Words that name a person, none of them the speaker: the quote is
        // most likely attributed to the wrong one.
        let mut refs = Vec::new();
        for (_, p) in &q.words {
            ast::refs_in(&p.inlines, &mut refs);
        }
        let people: Vec<&Ref> = refs
            .into_iter()
            .filter(|r| self.ents.person(&r.id.node).is_some())
            .collect();
        if !people.iter().any(|r| r.id.node == speaker)
            && let Some(other) = people.first()
        {
            self.cx.report(
                Diagnostic::new(
                    Code::OtherSpeaker,
                    other.span,
                    format!(
                        "the words attribute this quote to `@{}`, but it is the quote of `@{speaker}`",
                        other.id.node
                    ),
                )
                .label(format!("`@{}` here", other.id.node))
                .also(q.speaker.span, "the speaker, as declared")
                .help(format!(
                    "if `@{}` said it, write `quote @{} {{`; if `@{speaker}` did, name them in the words",
                    other.id.node, other.id.node
                )),
            );
        }
    }

    /// The attribution style of a quote: its own, else the house's.
    fn quote_style(&mut self, q: &ast::Quote) -> AttributionStyle {
        let Some(word) = &q.style else {
            return self.house.attribution;
        };
        if let Some(style) = AttributionStyle::from_word(&word.node) {
            return style;
        }
        let words = AttributionStyle::WORDS;
        let d = Diagnostic::new(
            Code::UnknownValue,
            word.span,
            format!("`{}` is not an attribution style", word.node),
        )
        .label(format!("expected {}", words.join(", ")));
        let d = match crate::suggest::closest(&word.node, words.iter().copied()) {
            Some(s) => d.help(format!("did you mean `{s}`?")),
            None => d.help(format!(
                "after the verb, a quote may name its style: {}; or leave it out for the house's",
                words.join(", ")
            )),
        };
        self.cx.report(d);
        self.house.attribution
    }

    /// A heading, list item or quote inside a quote: the quote's `}` was
    /// lost above it, and the quote swallowed what follows. Reported once
    /// per quote (`reported`: already), at its opening. A line is judged
    /// by its characters, escaped or not: the formatter escapes a line that
    /// would open a block, and formatting must not change what is reported.
    fn block_inside_quote(&mut self, q: &ast::Quote, p: &ast::Para, reported: bool) -> bool {
        let Some(ast::Inline::Text(t)) = p.inlines.first() else {
            return false;
        };
        // Copied only where an escape left its mark: most quoted paragraphs
        // hold none.
        let text: std::borrow::Cow<'_, str> = if t.node.contains(LITERAL) {
            t.node
                .chars()
                .filter(|c| *c != LITERAL)
                .collect::<String>()
                .into()
        } else {
            t.node.as_str().into()
        };
        let text = &*text;
        let hashes = text.len() - text.trim_start_matches('#').len();
        // `quote @other noted {`: the next quote, read as words and a
        // stray brace because this one never closed.
        let next_quote = (text.trim_end() == "quote"
            && matches!(p.inlines.get(1), Some(ast::Inline::Ref(_))))
        .then(|| {
            p.inlines.iter().skip(2).take(3).find_map(|i| match i {
                ast::Inline::Stray(c) if c.node == '{' => Some(c.span.start),
                _ => None,
            })
        })
        .flatten();
        let what = if (1..=3).contains(&hashes) && text[hashes..].starts_with([' ', '\t']) {
            "a heading"
        } else if text.starts_with("- ") {
            "a list item"
        } else if let Some(brace) = next_quote {
            self.explained_braces.insert(brace);
            "another quote"
        } else {
            return false;
        };
        if reported {
            return true;
        }
        self.cx.report(
            Diagnostic::new(
                Code::Unclosed,
                q.head(),
                format!("this quote is never closed: {what} starts inside it"),
            )
            .label("the quote opens here")
            .also(t.span, format!("{what}, inside the quote"))
            .help(format!(
                "close the quote with `}}` after its last quoted words, before {}",
                if what == "another quote" {
                    "the next `quote`"
                } else {
                    "the heading or list"
                }
            )),
        );
        true
    }

    /// A quotation's last words before its attribution, ending in a full
    /// stop: relc writes the attribution after them (`“... now.” said`),
    /// where a comma belongs.
    fn stop_before_attribution(&mut self, p: &ast::Para) {
        let Some(ast::Inline::Text(t)) = p.inlines.last() else {
            return;
        };
        let trimmed = t.node.trim_end();
        if !self.marks.comma_inside {
            // The language sets the comma after the closing mark, and
            // relc writes it there (`prêts », a déclaré`).
            let Some(last) = trimmed.chars().last() else {
                return;
            };
            if !matches!(last, ',' | '.' | '\u{3002}' | '\u{FF0C}' | '\u{060C}')
                || trimmed.ends_with("..")
            {
                return;
            }
            let at = t.span.start + trimmed.len() - last.len_utf8();
            let lang = self.house.words.locale.lang().name();
            self.cx.report(
                Diagnostic::new(
                    Code::Punctuation,
                    Span::new(at, at + last.len_utf8()),
                    format!("in {lang}, the quoted words end without `{last}` before their attribution"),
                )
                .label("not in the quotation")
                .help(format!(
                    "in {lang} the comma goes after the closing mark, where relc writes it ({}…{}{} …): remove this `{last}`",
                    self.marks.open, self.marks.close, self.marks.to_attribution.trim_end()
                ))
                .fix(format!("Remove the `{last}`"), Span::new(at, at + last.len_utf8()), ""),
            );
            return;
        }
        // The language's full stop and comma: `.` and `,`, `。` and `，`.
        let (stop, comma) = (self.marks.ends.as_str(), self.marks.continues.as_str());
        if stop.is_empty() || !trimmed.ends_with(stop) || trimmed.ends_with("..") {
            return;
        }
        let at = t.span.start + trimmed.len() - stop.len();
        let span = Span::new(at, at + stop.len());
        let help = if comma == "," {
            "the attribution continues the sentence: end the quoted words with a comma (`... now,” said ...`)".to_string()
        } else {
            format!("the attribution continues the sentence: end the quoted words with `{comma}`")
        };
        self.cx.report(
            Diagnostic::new(
                Code::Punctuation,
                span,
                "the quotation ends with a full stop, and its attribution follows it",
            )
            .label("a comma here")
            .help(help)
            .fix("End with a comma", span, comma),
        );
    }

    /// A straight quotation mark inside a quote: relc would print it as a
    /// double mark, the same as the quotation's own.
    fn inner_quotes(&mut self, p: &ast::Para) {
        for i in &p.inlines {
            let ast::Inline::Text(t) = i else {
                continue;
            };
            // The marks at either end are E0604's.
            let first = std::ptr::eq(i, &p.inlines[0]);
            let last = std::ptr::eq(i, &p.inlines[p.inlines.len() - 1]);
            let body = t.node.as_str();
            let from = if first { 1 } else { 0 };
            let to = if last {
                body.trim_end().len().saturating_sub(1)
            } else {
                body.len()
            };
            if from >= to || !body.is_char_boundary(from) || !body.is_char_boundary(to) {
                continue;
            }
            if let Some(k) = body[from..to].find('"') {
                let at = t.span.start + from + k;
                self.cx.report(
                    Diagnostic::new(
                        Code::Punctuation,
                        Span::new(at, at + 1),
                        "a quotation mark inside a quotation",
                    )
                    .label("printed as “ ”, the quotation's own marks")
                    .help("a quotation inside a quotation takes single marks: write `'word'`, which relc prints as ‘word’"),
                );
            }
        }
    }

    /// In running text, a quotation that ends with a full stop before the
    /// attribution that follows it (`"... capture." added the minister`),
    /// and two spaces between words.
    fn running_punctuation(&mut self, p: &ast::Para) {
        use memchr::memmem::Finder;
        use std::sync::LazyLock;
        // Prose is searched for these on every run of text: each searcher
        // is built once (memchr's, a vector scan).
        static CLOSES: LazyLock<[(&str, Finder<'static>); 2]> =
            LazyLock::new(|| [".\"", ".\u{201D}"].map(|close| (close, Finder::new(close))));
        static TWO_SPACES: LazyLock<Finder<'static>> = LazyLock::new(|| Finder::new("  "));
        let verbs = self.house.words.verbs();
        for i in &p.inlines {
            let ast::Inline::Text(t) = i else {
                continue;
            };
            let text = t.node.as_str();
            for (close, finder) in CLOSES.iter() {
                let mut from = 0;
                while let Some(k) = finder.find(&text.as_bytes()[from..]) {
                    let at = from + k;
                    let after = text[at + close.len()..].trim_start();
                    let word: String = after.chars().take_while(|c| c.is_alphabetic()).collect();
                    if self.marks.comma_inside && verbs.contains(&word.as_str()) {
                        let span = Span::new(t.span.start + at, t.span.start + at + 1);
                        self.cx.report(
                            Diagnostic::new(
                                Code::Punctuation,
                                span,
                                "a quotation ends with a full stop before its attribution",
                            )
                            .label("a comma here")
                            .help(format!("the attribution continues the sentence: end the quotation with a comma, `...,\" {word} ...`"))
                            .fix("End with a comma", span, ","),
                        );
                    }
                    from = at + close.len();
                }
            }
            let mut from = 0;
            while let Some(k) = TWO_SPACES.find(&text.as_bytes()[from..]) {
                let at = from + k;
                let run = text[at..].len() - text[at..].trim_start_matches(' ').len();
                // Between words on one line, not the indentation of a line.
                let line_start = text[..at].rfind('\n').map_or(0, |n| n + 1);
                let rest = &text[at + run..];
                if !text[line_start..at].trim().is_empty()
                    && !rest.is_empty()
                    && !rest.starts_with(['\n', '\r'])
                {
                    let span = Span::new(t.span.start + at, t.span.start + at + run);
                    self.cx.report(
                        Diagnostic::new(Code::Punctuation, span, "two spaces between words")
                            .label("one space here")
                            .help("one space between words and after a full stop; the outputs print one either way")
                            .fix("Write one space", span, " "),
                    );
                }
                from = at + run;
            }
        }
    }

    /// relc puts the quotation marks around a quote; the writer's own ones
    /// at either end would print twice.
    fn doubled_quotes(&mut self, p: &ast::Para) {
        const MARKS: [char; 4] = ['"', '\u{201C}', '\u{201D}', '\u{201E}'];
        let mut found = Vec::new();
        if let Some(ast::Inline::Text(t)) = p.inlines.first()
            && let Some(c) = t.node.chars().next().filter(|c| MARKS.contains(c))
        {
            found.push(Span::new(t.span.start, t.span.start + c.len_utf8()));
        }
        if let Some(ast::Inline::Text(t)) = p.inlines.last() {
            let trimmed = t.node.trim_end();
            if let Some(c) = trimmed.chars().next_back().filter(|c| MARKS.contains(c)) {
                let end = t.span.start + trimmed.len();
                let span = Span::new(end - c.len_utf8(), end);
                if !found.contains(&span) {
                    found.push(span);
                }
            }
        }
        let Some((&first, rest)) = found.split_first() else {
            return;
        };
        let mut d = Diagnostic::new(
            Code::DoubledQuotes,
            first,
            "this quote has quotation marks of its own",
        )
        .label("relc adds this mark itself")
        .help("remove the quotation marks around the quote's text; relc puts curly ones there in every output");
        for &span in rest {
            d = d.also(span, "and this one");
        }
        self.cx.report(d);
    }

    /// Notes that the reader has met `id`; true the first time. Looked up
    /// before it is added: most mentions are later ones, and the id is
    /// copied only for the first.
    fn introduce(&mut self, id: &str) -> bool {
        if self.introduced.contains(id) {
            return false;
        }
        self.introduced.insert(id.to_string());
        true
    }

    /// The default mention of an org: with its listings the first time,
    /// where it has any.
    fn org_mention(&mut self, id: &str) -> Option<String> {
        let o = self.ents.org(id)?;
        Some(if self.introduce(id) {
            o.first_mention(self.house.org_names)
        } else {
            o.display().to_string()
        })
    }

    /// The default mention of a person: in full the first time, short after.
    fn person_mention(&mut self, id: &str) -> String {
        let Some(p) = self.ents.person(id) else {
            return String::new();
        };
        if self.introduce(id) {
            p.mentions.first.clone()
        } else {
            p.mentions.later.clone()
        }
    }

    fn person_field(&mut self, r: &Ref, field: RefField) -> Option<String> {
        let p = self.ents.person(&r.id.node)?;
        let value = match field {
            RefField::Name => Some(p.name.clone()),
            RefField::Short => Some(p.short.clone().unwrap_or_else(|| p.name.clone())),
            RefField::Title => p.title.clone(),
            // A later mention by role alone: "said the Mayor".
            RefField::Role => p
                .title
                .as_ref()
                .map(|t| self.house.words.role_mention(t, p.gender)),
            RefField::Pronoun => p.pronoun.clone(),
            RefField::Full => {
                let first = p.mentions.first.clone();
                self.introduce(&r.id.node);
                Some(first)
            }
            // Not a person's (see RefField::of).
            _ => None,
        };
        if value.is_none() {
            self.missing_ref_field(r, DeclKind::Person, field.name());
        }
        value
    }

    fn missing_ref_field(&mut self, r: &Ref, kind: DeclKind, field: &str) {
        let span = r.field.as_ref().map_or(r.span, |f| f.span);
        self.cx.report(
            Diagnostic::new(
                Code::UnknownRefField,
                span,
                format!("{} `{}` has no {field}", kind.keyword(), r.id.node),
            )
            .label(format!("`{field}` is not declared"))
            .help(format!(
                "add `{field} \"...\"` to the declaration of `{}`",
                r.id.node
            )),
        );
    }

    /// The text of a reference with an explicit field, or its default.
    fn mention_text(&mut self, r: &Ref, kind: DeclKind) -> Option<String> {
        let id = r.id.node.as_str();
        let Some(field) = &r.field else {
            return Some(match kind {
                DeclKind::Org => self.org_mention(id)?,
                DeclKind::Person => self.person_mention(id),
                DeclKind::Place => self.ents.place(id)?.name.clone(),
                DeclKind::Meeting => self.ents.meeting(id)?.title.clone(),
                DeclKind::Outcome => self.ents.outcome(id)?.text.clone(),
                DeclKind::Contact => self.ents.contact(id)?.name.clone(),
                DeclKind::Footnote => self.ents.footnote(id)?.text.clone(),
                // In running text, an image is named by its caption.
                DeclKind::Image => {
                    let i = self.ents.image(id)?;
                    i.caption.clone().unwrap_or_else(|| i.alt.clone())
                }
            });
        };
        let f = field.node.as_str();
        let Some(asked) = RefField::named(kind, f) else {
            let offered = ref_fields(kind);
            let mut d = Diagnostic::new(
                Code::UnknownRefField,
                field.span,
                format!("{} `{id}` has no field `{f}`", kind.with_article()),
            )
            .label("unknown field");
            d = match crate::suggest::closest(f, offered.iter().copied()) {
                Some(s) => d.help(format!("did you mean `@{id}.{s}`?")),
                None => d.help(format!(
                    "{} offers: {}",
                    kind.with_article(),
                    offered.join(", ")
                )),
            };
            self.cx.report(d);
            return None;
        };
        // Each kind answers the fields RefField::of gives it; the others
        // cannot be asked of it.
        let value = match kind {
            DeclKind::Person => return self.person_field(r, asked),
            DeclKind::Org => {
                let o = self.ents.org(id)?;
                match asked {
                    RefField::Name => Some(o.name.clone()),
                    RefField::Short => Some(o.display().to_string()),
                    RefField::Url => o.url.clone(),
                    _ => None,
                }
            }
            DeclKind::Place => {
                let p = self.ents.place(id)?;
                match asked {
                    RefField::Name => Some(p.name.clone()),
                    RefField::Country => p.country.clone(),
                    RefField::Venue => p.venue.clone(),
                    RefField::Address => p.address.clone(),
                    _ => None,
                }
            }
            DeclKind::Meeting => {
                let m = self.ents.meeting(id)?;
                match asked {
                    RefField::Title => Some(m.title.clone()),
                    RefField::Short => m.short.clone(),
                    RefField::Dates => Some(m.dates_text.clone()),
                    RefField::FullDates => Some(self.full_dates(m)),
                    RefField::Place => m
                        .place
                        .as_deref()
                        .and_then(|p| self.ents.place(p))
                        .map(|p| p.name.clone()),
                    RefField::Time => m.time_text.clone(),
                    _ => None,
                }
            }
            DeclKind::Outcome => match asked {
                RefField::Text => self.ents.outcome(id).map(|o| o.text.clone()),
                _ => None,
            },
            DeclKind::Contact => {
                let c = self.ents.contact(id)?;
                match asked {
                    RefField::Name => Some(c.name.clone()),
                    RefField::Title => c.title.clone(),
                    _ => None,
                }
            }
            DeclKind::Footnote => None,
            DeclKind::Image => match asked {
                RefField::Caption => self.ents.image(id).and_then(|i| i.caption.clone()),
                _ => None,
            },
        };
        if value.is_none() {
            self.missing_ref_field(r, kind, f);
        }
        value
    }

    /// A meeting's dates with their year: `2-3 March 2017`.
    fn full_dates(&self, m: &crate::model::Meeting) -> String {
        // i16::MIN is no year's number: the text always has its year.
        self.house
            .words
            .locale
            .dates_to(m.start, m.end, m.precision, i16::MIN)
    }

    fn mention(&mut self, r: &Ref, custom: Option<Vec<Inline>>) -> Option<Inline> {
        let kind = self.cx.resolve(r, &[])?;
        let id = r.id.node.as_str();
        if kind == DeclKind::Footnote {
            // Numbered in the order the release first refers to each.
            let number = match self.footnotes.iter().position(|f| f == id) {
                Some(i) => i + 1,
                None => {
                    self.footnotes.push(id.to_string());
                    self.footnotes.len()
                }
            };
            return Some(Inline::Footnote {
                mark: Box::new(FootnoteMark {
                    id: id.into(),
                    number,
                }),
            });
        }
        let field = r.field.as_ref().map(|f| f.node.as_str());
        let dates = [RefField::Dates.name(), RefField::FullDates.name()];
        if kind == DeclKind::Meeting
            && let Some(asked) = field.filter(|f| dates.contains(f))
            && custom.is_none()
        {
            let m = self.ents.meeting(id)?;
            return Some(Inline::Date {
                date: Box::new(DateText {
                    id: id.into(),
                    start: m.start,
                    end: (m.end != m.start).then_some(m.end),
                    precision: m.precision,
                    text: if asked == RefField::FullDates.name() {
                        self.full_dates(m)
                    } else {
                        m.dates_text.clone()
                    },
                }),
            });
        }
        let content = match custom {
            Some(c) => {
                // The declaration must still have what the field asks for.
                if r.field.is_some() {
                    self.mention_text(r, kind)?;
                }
                c
            }
            None => vec![Inline::text(self.mention_text(r, kind)?)],
        };
        // The writer named them: in their own words (`[the Minister](@id)`)
        // or by name (`.name`, `.short`). The next bare mention is a later
        // one. (A title or a pronoun alone names no one.)
        let names = match field {
            None => true,
            Some(f) => [RefField::Name, RefField::Short, RefField::Full]
                .iter()
                .any(|n| n.name() == f),
        };
        if names && matches!(kind, DeclKind::Person | DeclKind::Org) {
            self.introduce(id);
        }
        Some(Inline::Mention {
            mention: Box::new(Mention {
                id: id.into(),
                kind: kind.keyword(),
                field: field.map(Into::into),
                content,
            }),
        })
    }

    /// Converts inline syntax, then settles white space and punctuation.
    fn content(&mut self, inlines: &[ast::Inline]) -> Vec<Inline> {
        let raw = self.inlines(inlines);
        let mut out = normalise(raw);
        trim_edges(&mut out);
        let mut prev = None;
        smarten_all(&mut out, &mut prev, &self.marks);
        out
    }

    /// A paragraph's content ([`Self::content`]), its sentences opening
    /// with capitals. A list item or a heading is left as written: an item
    /// often continues its lead-in (`- a pooled fund;`).
    fn sentences(&mut self, inlines: &[ast::Inline]) -> Vec<Inline> {
        let mut out = self.content(inlines);
        capitalise_sentence_starts(&mut out);
        out
    }

    fn inlines(&mut self, inlines: &[ast::Inline]) -> Vec<Inline> {
        let mut out = Vec::with_capacity(inlines.len());
        let mut skip = false;
        for (k, i) in inlines.iter().enumerate() {
            if std::mem::take(&mut skip) {
                continue;
            }
            // `**` left open is one slip, not two; a `*` with a space after
            // it is a Markdown bullet or a lone asterisk, not emphasis.
            if let ast::Inline::Stray(c) = i
                && c.node == '*'
            {
                match inlines.get(k + 1) {
                    Some(ast::Inline::Stray(d)) if d.node == '*' && d.span.start == c.span.end => {
                        self.cx.report(
                            Diagnostic::new(
                                Code::UnbalancedEmphasis,
                                c.span.join(d.span),
                                "this `**` opens bold text that is never closed",
                            )
                            .label("unmatched `**`")
                            .help("close it with `**` in the same paragraph, such as `**words**`, or write `\\*\\*` for literal asterisks"),
                        );
                        skip = true;
                        continue;
                    }
                    Some(ast::Inline::Text(t)) if t.node.starts_with([' ', '\t']) => {
                        self.cx.report(
                            Diagnostic::new(
                                Code::UnbalancedEmphasis,
                                c.span,
                                "a `*` followed by a space starts nothing",
                            )
                            .label("not emphasis, not a list item")
                            .help("a list item starts its line with `- `; emphasis is `*words*`, with no space inside; a literal asterisk is `\\*`"),
                        );
                        continue;
                    }
                    _ => {}
                }
            }
            match i {
                ast::Inline::Text(t) => push_joined(&mut out, &inlines[k..], &t.node),
                // A line break joins its lines with a space, except
                // between two characters of a script written without
                // spaces (Chinese, Japanese), which it simply joins.
                ast::Inline::SoftBreak(_) => {
                    let before = out.last().and_then(|i| match i {
                        Inline::Text { text } => text.chars().last(),
                        _ => None,
                    });
                    let after = match inlines.get(k + 1) {
                        Some(ast::Inline::Text(t)) => t.node.chars().next(),
                        _ => None,
                    };
                    if !(before.is_some_and(unspaced) && after.is_some_and(unspaced)) {
                        push_joined(&mut out, &inlines[k..], " ");
                    }
                }
                ast::Inline::Emph(c, _) => out.push(Inline::Emphasis {
                    content: self.inlines(c),
                }),
                ast::Inline::Strong(c, _) => out.push(Inline::Strong {
                    content: self.inlines(c),
                }),
                ast::Inline::Link { text, target, .. } => {
                    let content = self.inlines(text);
                    match &**target {
                        LinkTarget::Url(u) => {
                            if let Some(url) = check_url(&u.node, u.span, self.cx) {
                                out.push(Inline::link(url, content));
                            }
                        }
                        LinkTarget::Ref(r) => {
                            if let Some(m) = self.mention(r, Some(content)) {
                                out.push(m);
                            }
                        }
                    }
                }
                ast::Inline::Autolink(u) => {
                    if let Some(link) = self.autolink(u) {
                        out.push(link);
                    }
                }
                ast::Inline::Ref(r) => {
                    // `media@apec.org`: an address, not a mention of @apec.
                    if let Some(ast::Inline::Text(t)) =
                        k.checked_sub(1).and_then(|j| inlines.get(j))
                        && t.span.end == r.span.start
                        && t.node.ends_with(|c: char| {
                            (c.is_alphanumeric() && !unspaced(c))
                                || matches!(c, '.' | '_' | '-' | '+')
                        })
                    {
                        let local: String = t
                            .node
                            .chars()
                            .rev()
                            .take_while(|c| {
                                (c.is_alphanumeric() && !unspaced(*c))
                                    || matches!(c, '.' | '_' | '-' | '+')
                            })
                            .collect::<Vec<_>>()
                            .into_iter()
                            .rev()
                            .collect();
                        let domain = match &r.field {
                            Some(f) => format!("{}.{}", r.id.node, f.node),
                            None => r.id.node.clone(),
                        };
                        let address = format!("{local}@{domain}");
                        let span = Span::new(r.span.start - local.len(), r.span.end);
                        self.cx.report(
                            Diagnostic::new(
                                Code::InvalidEmail,
                                span,
                                format!("the e-mail address `{address}` is written without its angle brackets"),
                            )
                            .label("read as a word and a mention of @id")
                            .help(format!("in running text an address goes in angle brackets: `<{address}>`"))
                            .fix("Put it in angle brackets", span, format!("<{address}>")),
                        );
                        continue;
                    }
                    if let Some(m) = self.mention(r, None) {
                        // A first mention with the title after the name is
                        // set off by commas: the second closes it where the
                        // sentence goes on.
                        let apposed = r.field.is_none()
                            && self.ents.person(&r.id.node).is_some_and(|p| {
                                p.mentions.first_is_apposed()
                                    && plain_text(std::slice::from_ref(&m)) == p.mentions.first
                            });
                        out.push(m);
                        let goes_on = match inlines.get(k + 1) {
                            Some(ast::Inline::Text(t)) => !t
                                .node
                                .starts_with(|c: char| ",.;:!?)\u{2019}'\"".contains(c)),
                            Some(ast::Inline::SoftBreak(_)) | Some(ast::Inline::Ref(_)) => true,
                            _ => false,
                        };
                        if apposed && goes_on {
                            out.push(Inline::text(","));
                        }
                    }
                }
                ast::Inline::Stray(c) => self.stray(c, &mut out),
            }
        }
        out
    }

    fn autolink(&mut self, u: &Spanned<String>) -> Option<Inline> {
        let s = u.node.as_str();
        if s.contains('@') && !s.contains(':') {
            let addr = check_email(s, u.span, self.cx)?;
            return Some(Inline::link(
                format!("mailto:{addr}"),
                vec![Inline::text(addr)],
            ));
        }
        let url = check_url(s, u.span, self.cx)?;
        let shown = url.strip_prefix("mailto:").unwrap_or(&url).to_string();
        Some(Inline::link(url, vec![Inline::text(shown)]))
    }

    fn stray(&mut self, c: &Spanned<char>, out: &mut Vec<Inline>) {
        match c.node {
            '@' => self.cx.report(
                Diagnostic::new(Code::StrayAt, c.span, "an `@` with no id after it")
                    .label("expected an id after `@`")
                    .help("write `@id` to refer to a declaration, or `\\@` for a literal @; an e-mail address goes in angle brackets: <media@example.org>"),
            ),
            '*' => self.cx.report(
                Diagnostic::new(Code::UnbalancedEmphasis, c.span, "this `*` opens emphasis that is never closed")
                    .label("unmatched `*`")
                    .help("close the emphasis with another `*` on the same paragraph, such as `*word*`, or write `\\*` for a literal asterisk"),
            ),
            '-' => self.cx.report(
                Diagnostic::new(Code::DuplicateSection, c.span, "a quote has one attribution marker")
                    .label("a second `---`")
                    .help("split the quote into two `quote` blocks, one for each attribution"),
            ),
            '[' | ']' => self.cx.report(
                Diagnostic::new(
                    Code::StrayBracket,
                    c.span,
                    if c.node == '[' {
                        "this `[` opens a link that is never closed"
                    } else {
                        "this `]` closes no link"
                    },
                )
                .label("not part of a link")
                .help("a link is `[its words](https://example.org)` or `[its words](@id)`, on one paragraph; for a literal bracket write `\\[` or `\\]`"),
            ),
            '{' if self.explained_braces.contains(&c.span.start) => {}
            '{' => self.cx.report(
                Diagnostic::new(Code::StrayBrace, c.span, "a `{` inside running text")
                    .label("a block cannot open here")
                    .help("a block such as `quote @id said {` starts a line of its own; if one was meant to start here, the block above it is never closed: add its `}` before this line. For a literal brace write `\\{`"),
            ),
            other => out.push(Inline::text(other.to_string())),
        }
    }
}

/// Adds `text`, what `run[0]` (a text or a line break) reads as, to the
/// inlines being made: to the text they end with, if they do, or as a new
/// text. [`normalise`] would join the two; joined as they are made, a line
/// of a paragraph and the break after it take no string of their own. A
/// new text is made with room for the lines that will be joined to it
/// (the texts and breaks that follow), so that it is not moved as a
/// paragraph's lines are joined.
fn push_joined(out: &mut Vec<Inline>, run: &[ast::Inline], text: &str) {
    if let Some(Inline::Text { text: prev }) = out.last_mut() {
        prev.push_str(text);
        return;
    }
    // Nothing is joined to a text that ends where a reference, a link or
    // emphasis follows: it is as long as it is.
    let len = match run.get(1) {
        Some(ast::Inline::Text(_) | ast::Inline::SoftBreak(_)) => run
            .iter()
            .map_while(|i| match i {
                ast::Inline::Text(t) => Some(t.node.len()),
                ast::Inline::SoftBreak(_) => Some(1),
                _ => None,
            })
            .sum::<usize>()
            .max(text.len()),
        _ => text.len(),
    };
    let mut joined = String::with_capacity(len);
    joined.push_str(text);
    out.push(Inline::Text { text: joined });
}

/// Merges adjacent text and collapses runs of white space to one space.
fn normalise(content: Vec<Inline>) -> Vec<Inline> {
    let mut out: Vec<Inline> = Vec::with_capacity(content.len());
    for i in content {
        let i = match i {
            Inline::Text { text } => Inline::Text {
                // Most runs of text have nothing to collapse: keep them.
                text: if memchr::memchr3(b'\t', b'\n', b'\r', text.as_bytes()).is_some()
                    || text.contains("  ")
                {
                    collapse_ws(&text)
                } else {
                    text
                },
            },
            Inline::Emphasis { content } => Inline::Emphasis {
                content: normalise(content),
            },
            Inline::Strong { content } => Inline::Strong {
                content: normalise(content),
            },
            Inline::Link { mut link } => {
                link.content = normalise(std::mem::take(&mut link.content));
                Inline::Link { link }
            }
            Inline::Mention { mut mention } => {
                mention.content = normalise(std::mem::take(&mut mention.content));
                Inline::Mention { mention }
            }
            d @ Inline::Date { .. } => d,
            f @ Inline::Footnote { .. } => {
                // The mark follows the word: `survey @note` gives survey¹.
                if let Some(Inline::Text { text }) = out.last_mut() {
                    let kept = text.trim_end().len();
                    text.truncate(kept);
                }
                f
            }
        };
        if let (Some(Inline::Text { text: prev }), Inline::Text { text }) = (out.last_mut(), &i) {
            if prev.ends_with(' ') && text.starts_with(' ') {
                prev.push_str(&text[1..]);
            } else {
                prev.push_str(text);
            }
            continue;
        }
        out.push(i);
    }
    out
}

fn collapse_ws(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    let mut in_ws = false;
    for c in s.chars() {
        if matches!(c, ' ' | '\t' | '\n' | '\r') {
            if !in_ws {
                out.push(' ');
            }
            in_ws = true;
        } else {
            out.push(c);
            in_ws = false;
        }
    }
    out
}

fn trim_edges(content: &mut Vec<Inline>) {
    if let Some(Inline::Text { text }) = content.first_mut() {
        let leading = text.len() - text.trim_start().len();
        if leading > 0 {
            text.drain(..leading);
        }
    }
    if let Some(Inline::Text { text }) = content.last_mut() {
        text.truncate(text.trim_end().len());
    }
    content.retain(|i| !matches!(i, Inline::Text { text } if text.is_empty()));
}

/// Whether a paragraph's words begin with a lower-case letter: after a
/// quote's attribution, the quotation goes on with the sentence.
fn starts_in_lower_case(inlines: &[ast::Inline]) -> bool {
    match inlines.first() {
        Some(ast::Inline::Text(t)) => t.node.chars().next().is_some_and(char::is_lowercase),
        Some(ast::Inline::Emph(inner, _) | ast::Inline::Strong(inner, _)) => {
            starts_in_lower_case(inner)
        }
        _ => false,
    }
}

/// A mention that opens a sentence starts with a capital, as a writer
/// would: `@forum met ...` reads "The Forum met ...", though its short
/// name, used mid-sentence, is "the Forum".
fn capitalise_sentence_starts(content: &mut [Inline]) {
    let mut start = true;
    for i in content {
        match i {
            Inline::Text { text } => {
                let t = text.trim_end();
                if !t.is_empty() {
                    start = t.ends_with(['.', '?', '!']) && t.len() < text.len();
                }
            }
            Inline::Mention { mention } => {
                if start && let Some(Inline::Text { text }) = mention.content.first_mut() {
                    *text = capitalise(text);
                }
                start = false;
            }
            _ => start = false,
        }
    }
}

fn smarten_all(content: &mut [Inline], prev: &mut Option<char>, marks: &Marks) {
    for i in content {
        match i {
            Inline::Text { text } => match smarten(text, prev, marks) {
                Some(smart) => *text = smart,
                // Kept until the page is written: what it grew into while
                // it was joined, and did not use, is given back.
                None => text.shrink_to_fit(),
            },
            Inline::Emphasis { content } | Inline::Strong { content } => {
                smarten_all(content, prev, marks)
            }
            Inline::Link { link } => smarten_all(&mut link.content, prev, marks),
            Inline::Mention { mention } => smarten_all(&mut mention.content, prev, marks),
            Inline::Date { date } => *prev = date.text.chars().last(),
            Inline::Footnote { .. } => {}
        }
    }
}

/// Typographic punctuation for a text standing alone, with the
/// quotation marks of its language.
pub fn smarten_str(s: &str, marks: &Marks) -> String {
    smarten(s, &mut None, marks).unwrap_or_else(|| s.to_string())
}

/// Straight quotes become the language's marks (`"` its quotation marks,
/// `'` its inner ones, or an apostrophe between letters), `--` an en dash
/// and `---` an em dash. `prev` is the character before the text, so
/// quotes open and close right across inline markup. None when the text
/// stays as it is.
fn smarten(s: &str, prev: &mut Option<char>, marks: &Marks) -> Option<String> {
    let out = smarten_quotes(s, prev, marks);
    let text = out.as_deref().unwrap_or(s);
    if (marks.spaced_punctuation || marks.spaced_digits) && text.contains(' ') {
        Some(no_break_spaces(text, marks))
    } else {
        out
    }
}

/// The spaces a language keeps on the line with what follows them: before
/// `:` `;` `!` `?` and `%` in French (`davantage :`), and between the groups of a
/// number's digits (`10 000`).
fn no_break_spaces(s: &str, marks: &Marks) -> String {
    let chars: Vec<char> = s.chars().collect();
    let mut out = String::with_capacity(s.len());
    for (i, c) in chars.iter().enumerate() {
        let next = chars.get(i + 1).copied();
        let before_punctuation =
            marks.spaced_punctuation && next.is_some_and(|n| ":;!?%".contains(n));
        // A group of three digits after a digit, and no fourth.
        let in_number = marks.spaced_digits
            && i > 0
            && chars[i - 1].is_ascii_digit()
            && chars
                .get(i + 1..i + 4)
                .is_some_and(|g| g.iter().all(char::is_ascii_digit))
            && !chars.get(i + 4).is_some_and(char::is_ascii_digit);
        if *c == ' ' && (before_punctuation || in_number) {
            out.push('\u{a0}');
        } else {
            out.push(*c);
        }
    }
    out
}

fn smarten_quotes(s: &str, prev: &mut Option<char>, marks: &Marks) -> Option<String> {
    // The bytes that may start a character that changes: the three ASCII
    // ones, and the lead byte of LITERAL (that of U+E000 to U+EFFF; any
    // other of them is copied as it is, below). A test of bytes, not a
    // search of characters.
    let mut lead = [0u8; 4];
    let literal_lead = LITERAL.encode_utf8(&mut lead).as_bytes()[0];
    // Searched with memchr: three bytes at once, and the fourth, the rare
    // one, only where the text holds it.
    let literal = memchr::memchr(literal_lead, s.as_bytes()).is_some();
    let next = |t: &str| {
        if literal {
            t.bytes()
                .position(|b| matches!(b, b'"' | b'\'' | b'-') || b == literal_lead)
        } else {
            memchr::memchr3(b'"', b'\'', b'-', t.as_bytes())
        }
    };
    if next(s).is_none() {
        if let Some(c) = s.chars().last() {
            *prev = Some(c);
        }
        return None;
    }
    let opens = |p: Option<char>| match p {
        None => true,
        Some(c) => {
            c.is_whitespace()
                || "([{\u{2014}\u{2013}/".contains(c)
                || marks.open.starts_with(c)
                || marks.inner_open.starts_with(c)
                || marks.open.ends_with(c)
                || marks.inner_open.ends_with(c)
        }
    };
    let mut out = String::with_capacity(s.len());
    // An inner quotation opened in this text and not yet closed.
    let mut inner = false;
    let put = |text: &str, out: &mut String, prev: &mut Option<char>| {
        out.push_str(text);
        if let Some(c) = text.chars().last() {
            *prev = Some(c);
        }
    };
    // Text between the characters that may change is copied as it is, a
    // run at a time. A run ends at `"`, `'`, `-` or the lead byte of
    // LITERAL: each a character boundary.
    let mut rest = s;
    while !rest.is_empty() {
        let plain = next(rest).unwrap_or(rest.len());
        if plain > 0 {
            put(&rest[..plain], &mut out, prev);
            rest = &rest[plain..];
            continue;
        }
        let mut chars = rest.chars();
        let Some(c) = chars.next() else { break };
        let mut one = [0u8; 4];
        let o: &str = match c {
            // An escaped character, as written.
            LITERAL => match chars.next() {
                Some(c) => c.encode_utf8(&mut one),
                None => {
                    rest = chars.as_str();
                    continue;
                }
            },
            '"' if opens(*prev) => &marks.open,
            '"' => &marks.close,
            '\'' if opens(*prev) => {
                inner = true;
                &marks.inner_open
            }
            // After a letter, an apostrophe (`l'APEC`, `year's`, `de l'`),
            // unless it closes an inner quotation this text opened.
            '\'' if !inner && prev.is_some_and(char::is_alphanumeric) => "\u{2019}",
            '\'' => {
                inner = false;
                &marks.inner_close
            }
            '-' if chars.as_str().starts_with('-') => {
                chars.next();
                if chars.as_str().starts_with('-') {
                    chars.next();
                    "\u{2014}"
                } else {
                    "\u{2013}"
                }
            }
            c => c.encode_utf8(&mut one),
        };
        put(o, &mut out, prev);
        rest = chars.as_str();
    }
    Some(out)
}

/// A character of a script written without spaces between words: Chinese
/// characters, Japanese kana, and their full-width punctuation. A line
/// break between two of them is no space, and a word of them is no part
/// of an e-mail address (`に@yokohama` is a particle and a mention).
pub(super) fn unspaced(c: char) -> bool {
    matches!(c,
        '\u{3000}'..='\u{303F}'   // CJK symbols and punctuation
        | '\u{3040}'..='\u{30FF}' // hiragana and katakana
        | '\u{3400}'..='\u{4DBF}' // CJK ideographs, extension A
        | '\u{4E00}'..='\u{9FFF}' // CJK ideographs
        | '\u{F900}'..='\u{FAFF}' // compatibility ideographs
        | '\u{FF00}'..='\u{FFEF}' // full-width forms
    )
}

fn capitalise(s: &str) -> String {
    let mut c = s.chars();
    match c.next() {
        Some(f) => f.to_uppercase().chain(c).collect(),
        None => String::new(),
    }
}

#[cfg(test)]
mod tests {
    use super::smarten_str as smarten_in;
    fn smarten_str(s: &str) -> String {
        smarten_in(s, &crate::locale::Locale::default().words().marks())
    }

    #[test]
    fn typographic_punctuation() {
        assert_eq!(
            smarten_str("the year's \"first\""),
            "the year\u{2019}s \u{201C}first\u{201D}"
        );
        assert_eq!(smarten_str("'quoted'"), "\u{2018}quoted\u{2019}");
        assert_eq!(smarten_str("a -- b --- c"), "a \u{2013} b \u{2014} c");
        assert_eq!(smarten_str("job-creating"), "job-creating");
    }
}
