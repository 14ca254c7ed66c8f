//! Brand query language.
//!
//! ```text
//! query   := or
//! or      := and ("OR" and)*
//! and     := unary (["AND"] unary)*          adjacent terms are ANDed
//! unary   := ("NOT" | "-") unary | near
//! near    := primary ("NEAR/" n primary)*     both sides within n words of each other
//! primary := "(" query ")" | term
//! term    := ["="] ( '"' words '"' | #tag | @handle | word | prefix* )   "=" makes the term case-sensitive
//! ```
//!
//! Exclusions (`exclude = ["apple pie"]` in a brand) are not boolean: they mask the words they cover, so
//! "apple pie" never counts as a mention of Apple, while "apple pie and my Apple watch" still does.
//!
//! Matching works on a token list made once per text ([`Tokens`]), so every brand shares the tokenising
//! cost; an Aho-Corasick prefilter over every brand's literals (see [`super::brands`]) skips brands whose
//! words do not occur at all.

use std::fmt;

use super::lexicon::char_at;

/// A parse error with the 1-based column (in characters) where it was found.
#[derive(Debug, Clone, PartialEq, thiserror::Error)]
#[error("column {column}: {message}")]
pub struct QueryError {
    pub column: usize,
    pub message: String,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum TermKind {
    /// Matches a word, or the body of a #tag or @handle.
    Word,
    /// Matches words starting with the given prefix.
    Prefix,
    Phrase,
    Tag,
    Handle,
}

#[derive(Debug, Clone, PartialEq)]
pub struct Term {
    pub kind: TermKind,
    /// Words of the term, lowercased unless `case_sensitive`.
    pub words: Vec<String>,
    pub case_sensitive: bool,
    /// The term as written in the query, for explanations.
    pub source: String,
}

#[derive(Debug, Clone, PartialEq)]
pub enum Query {
    Term(Term),
    And(Vec<Query>),
    Or(Vec<Query>),
    Not(Box<Query>),
    Near(Box<Query>, Box<Query>, usize),
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum TokenKind {
    Word,
    Tag,
    Handle,
}

/// A word as terms that are not case-sensitive compare it: lowercased, and without the accents of
/// its Latin letters ([`super::lexicon::without_accents`]).
fn folded_lower(word: &str) -> std::borrow::Cow<'_, str> {
    use std::borrow::Cow;
    let lower = super::lexicon::lowercase_cow(word);
    if word.is_ascii() {
        return lower;
    }
    match lower {
        Cow::Borrowed(l) => super::lexicon::without_accents(l),
        Cow::Owned(l) => match super::lexicon::without_accents(&l) {
            Cow::Borrowed(_) => Cow::Owned(l),
            Cow::Owned(f) => Cow::Owned(f),
        },
    }
}

/// A token of the mention text: byte span into the original text, original and lowercased body (without
/// the `#`/`@` sigil).
#[derive(Debug, Clone)]
pub struct Token<'a> {
    pub kind: TokenKind,
    pub text: &'a str,
    /// Lowercased and without accents ([`folded_lower`]); borrowed from the text when already so
    /// (most words: no copy).
    pub lower: std::borrow::Cow<'a, str>,
    pub start: usize,
    pub end: usize,
}

/// The tokens of one text, made once and shared by every brand's query.
#[derive(Debug, Clone)]
pub struct Tokens<'a> {
    pub text: &'a str,
    pub tokens: Vec<Token<'a>>,
}

#[inline]
fn is_word_char(c: char) -> bool {
    if c.is_ascii() {
        return c.is_ascii_alphanumeric() || c == '_';
    }
    c.is_alphanumeric()
        || c == '_'
        // Arabic diacritics, superscript alef, zero-width non-joiner: inside words in Arabic and Persian.
        || ('\u{064B}'..='\u{065F}').contains(&c)
        || c == '\u{0670}'
        || c == '\u{200C}'
}

/// The span of a word without an English possessive ("Acme's", "Acme’s") or a French/Italian
/// elision ("l'Acme", "d’Acme", "qu'Acme"): the brand is the word inside. Other inner apostrophes
/// ("don't", "o'clock") stay.
fn strip_clitics(text: &str, mut start: usize, mut end: usize) -> (usize, usize) {
    let w = &text[start..end];
    if !w.contains(['\'', '’']) {
        return (start, end);
    }
    for suffix in ["'s", "’s", "'S", "’S"] {
        if w.len() > suffix.len() + 1 && w.ends_with(suffix) {
            end -= suffix.len();
            break;
        }
    }
    let w = &text[start..end];
    let lower = w.to_lowercase();
    for prefix in [
        "qu'", "qu’", "l'", "l’", "d'", "d’", "j'", "j’", "n'", "n’", "s'", "s’", "c'", "c’", "m'",
        "m’", "t'", "t’",
    ] {
        if lower.starts_with(prefix)
            && lower.len() > prefix.len() + 1
            && w.is_char_boundary(prefix.len())
        {
            start += prefix.len();
            break;
        }
    }
    (start, end)
}

impl<'a> Tokens<'a> {
    pub fn new(text: &'a str) -> Self {
        let bytes = text.as_bytes();
        // About one token for every six bytes of a post: one allocation for most texts.
        let mut tokens = Vec::with_capacity(bytes.len() / 6 + 1);
        let mut i = 0;
        while i < bytes.len() {
            let (c, clen) = char_at(text, i);
            let (kind, body_start) = match c {
                '#' => (TokenKind::Tag, i + 1),
                '@' => (TokenKind::Handle, i + 1),
                c if is_word_char(c) => (TokenKind::Word, i),
                _ => {
                    i += clen;
                    continue;
                }
            };
            let mut end = if kind == TokenKind::Word {
                i + clen
            } else {
                body_start
            };
            // Whether an apostrophe was kept inside the word: only then can it carry a clitic.
            let mut apostrophe = false;
            let mut j = end;
            while j < bytes.len() {
                let (d, dlen) = char_at(text, j);
                let inner_punct = match kind {
                    // don't, l'avion, e-mail: keep inner apostrophes and hyphens.
                    // Hyphens split ("Acme-branded" mentions Acme); phrases tokenise the same way.
                    TokenKind::Word | TokenKind::Tag => matches!(d, '\'' | '’'),
                    // @user@mastodon.social, @first.last
                    TokenKind::Handle => matches!(d, '.' | '@' | '-'),
                };
                if is_word_char(d) {
                    end = j + dlen;
                    j = end;
                } else if inner_punct
                    && end > body_start
                    // Only keep the punctuation if a word character follows it.
                    && j + dlen < bytes.len()
                    && is_word_char(char_at(text, j + dlen).0)
                {
                    apostrophe |= kind != TokenKind::Handle;
                    end = j + dlen;
                    j = end;
                } else {
                    break;
                }
            }
            // The character that ended the token (if any) is read again as a possible start.
            i = j;
            if end == body_start {
                continue; // a lone '#' or '@'
            }
            let (body_start, end) = if kind == TokenKind::Word && apostrophe {
                strip_clitics(text, body_start, end)
            } else {
                (body_start, end)
            };
            let body = &text[body_start..end];
            tokens.push(Token {
                kind,
                text: body,
                lower: folded_lower(body),
                // A tag or handle's span includes its sigil; a word's starts after any elision.
                start: if kind == TokenKind::Word {
                    body_start
                } else {
                    body_start - 1
                },
                end,
            });
        }
        Tokens { text, tokens }
    }
}

/// A match of one term: token index range [first, last] and byte span.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Hit {
    pub first: usize,
    pub last: usize,
    pub start: usize,
    pub end: usize,
    /// Index of the term in [`Query::terms`] order, for reporting.
    pub term: usize,
}

impl Query {
    pub fn parse(input: &str) -> Result<Query, QueryError> {
        let toks = lex(input)?;
        if toks.is_empty() {
            return Err(QueryError {
                column: 1,
                message: "empty query".into(),
            });
        }
        let mut p = Parser {
            toks,
            pos: 0,
            end_column: input.chars().count() + 1,
        };
        let q = p.or()?;
        if let Some(t) = p.toks.get(p.pos) {
            return Err(QueryError {
                column: t.column,
                message: match t.tok {
                    Lex::RParen => "unmatched ')'".into(),
                    _ => format!("unexpected {}", t.tok),
                },
            });
        }
        if !q.has_positive() {
            return Err(QueryError {
                column: 1,
                message: "query has no positive term (a query made only of NOT matches everything)"
                    .into(),
            });
        }
        Ok(q)
    }

    /// Whether some term can make the query true on its own (not under an odd number of NOTs).
    fn has_positive(&self) -> bool {
        match self {
            Query::Term(_) => true,
            Query::And(v) | Query::Or(v) => v.iter().any(Query::has_positive),
            Query::Not(_) => false,
            Query::Near(..) => true,
        }
    }

    /// All terms in depth-first order; [`Hit::term`] indexes this list.
    pub fn terms(&self) -> Vec<&Term> {
        let mut out = Vec::new();
        self.collect_terms(&mut out);
        out
    }

    fn collect_terms<'q>(&'q self, out: &mut Vec<&'q Term>) {
        match self {
            Query::Term(t) => out.push(t),
            Query::And(v) | Query::Or(v) => v.iter().for_each(|q| q.collect_terms(out)),
            Query::Not(q) => q.collect_terms(out),
            Query::Near(a, b, _) => {
                a.collect_terms(out);
                b.collect_terms(out);
            }
        }
    }

    /// Lowercased literals of which a text the query is true of holds one (a term's first word, as
    /// [`Term::literal`]): for `a OR (b NEAR/3 (c OR d))`, {a, b}. `None` when there is no such
    /// set, as under a `NOT`, which is true of texts without its words. The brand prefilter
    /// wants the fewest and rarest: "kestrel NEAR/3 (network OR plan OR sim)" need not look at
    /// every text holding "plan".
    pub fn required_literals(&self) -> Option<Vec<String>> {
        match self {
            Query::Term(t) => {
                let literal = t.literal();
                (!literal.is_empty()).then(|| vec![literal])
            }
            Query::Or(v) => v.iter().try_fold(Vec::new(), |mut all, q| {
                all.extend(q.required_literals()?);
                Some(all)
            }),
            // Every child holds: any child's set will do.
            Query::And(v) => fewest(v.iter().map(Query::required_literals)),
            Query::Near(a, b, _) => {
                fewest([a.required_literals(), b.required_literals()].into_iter())
            }
            Query::Not(_) => None,
        }
    }

    /// Evaluates the query. `masked[i]` hides token i (it is inside an exclusion). Returns the hits that
    /// made the query true, or `None` when it is false.
    pub fn eval(&self, tokens: &Tokens<'_>, masked: &[bool]) -> Option<Vec<Hit>> {
        let mut counter = 0;
        self.eval_inner(tokens, masked, &mut counter)
    }

    fn eval_inner(
        &self,
        tokens: &Tokens<'_>,
        masked: &[bool],
        counter: &mut usize,
    ) -> Option<Vec<Hit>> {
        match self {
            Query::Term(t) => {
                let idx = *counter;
                *counter += 1;
                let hits = t.find(tokens, masked, idx);
                (!hits.is_empty()).then_some(hits)
            }
            Query::Or(v) => {
                let mut all = Vec::new();
                let mut any = false;
                for q in v {
                    if let Some(h) = q.eval_inner(tokens, masked, counter) {
                        any = true;
                        all.extend(h);
                    }
                }
                any.then_some(all)
            }
            Query::And(v) => {
                let mut all = Vec::new();
                let mut ok = true;
                for q in v {
                    // Evaluate every child so the term counter stays aligned with `terms()`.
                    match q.eval_inner(tokens, masked, counter) {
                        Some(h) => all.extend(h),
                        None => ok = false,
                    }
                }
                ok.then_some(all)
            }
            Query::Not(q) => match q.eval_inner(tokens, masked, counter) {
                Some(_) => None,
                None => Some(Vec::new()),
            },
            Query::Near(a, b, n) => {
                let ha = a.eval_inner(tokens, masked, counter);
                let hb = b.eval_inner(tokens, masked, counter);
                let (ha, hb) = (ha?, hb?);
                let mut out = Vec::new();
                for x in ha.iter().filter(|h| h.end > h.start) {
                    for y in hb.iter().filter(|h| h.end > h.start) {
                        let gap = if x.last < y.first {
                            y.first - x.last - 1
                        } else if y.last < x.first {
                            x.first - y.last - 1
                        } else {
                            0
                        };
                        if gap <= *n {
                            out.push(*x);
                            out.push(*y);
                        }
                    }
                }
                out.sort_by_key(|h| (h.start, h.term));
                out.dedup();
                (!out.is_empty()).then_some(out)
            }
        }
    }
}

/// Of the sets given, the one with the fewest literals, then the longest shortest literal.
fn fewest(sets: impl Iterator<Item = Option<Vec<String>>>) -> Option<Vec<String>> {
    sets.flatten().min_by_key(|set| {
        let shortest = set.iter().map(String::len).min().unwrap_or(0);
        (set.len(), std::cmp::Reverse(shortest))
    })
}

impl Term {
    fn token_eq(&self, tok: &Token<'_>, word: &str) -> bool {
        if self.case_sensitive {
            tok.text == word
        } else {
            tok.lower == word
        }
    }

    /// Literal strings (lowercased, without accents) any match must contain; used by the brand
    /// prefilter, which reads texts so.
    pub fn literal(&self) -> String {
        self.words
            .first()
            .map(|w| folded_lower(w).into_owned())
            .unwrap_or_default()
    }

    pub fn find(&self, tokens: &Tokens<'_>, masked: &[bool], term_idx: usize) -> Vec<Hit> {
        let toks = &tokens.tokens;
        let mut hits = Vec::new();
        let mk = |first: usize, last: usize| Hit {
            first,
            last,
            start: toks[first].start,
            end: toks[last].end,
            term: term_idx,
        };
        for (i, tok) in toks.iter().enumerate() {
            if masked.get(i).copied().unwrap_or(false) {
                continue;
            }
            let ok = match self.kind {
                TermKind::Word => self.token_eq(tok, &self.words[0]),
                TermKind::Prefix => {
                    tok.kind == TokenKind::Word
                        && if self.case_sensitive {
                            tok.text.starts_with(&self.words[0])
                        } else {
                            tok.lower.starts_with(&self.words[0])
                        }
                }
                TermKind::Tag => tok.kind == TokenKind::Tag && self.token_eq(tok, &self.words[0]),
                TermKind::Handle => {
                    tok.kind == TokenKind::Handle
                        && (self.token_eq(tok, &self.words[0]) || {
                            // @brand@instance.social matches @brand
                            let body = if self.case_sensitive {
                                tok.text
                            } else {
                                &*tok.lower
                            };
                            body.split('@').next() == Some(self.words[0].as_str())
                        })
                }
                TermKind::Phrase => {
                    let n = self.words.len();
                    i + n <= toks.len()
                        && (0..n).all(|k| {
                            let t = &toks[i + k];
                            t.kind == TokenKind::Word
                                && !masked.get(i + k).copied().unwrap_or(false)
                                && self.token_eq(t, &self.words[k])
                        })
                }
            };
            if ok {
                let last = if self.kind == TermKind::Phrase {
                    i + self.words.len() - 1
                } else {
                    i
                };
                hits.push(mk(i, last));
            }
        }
        hits
    }
}

// ---------------------------------------------------------------------------------------------------
// Lexer and parser

#[derive(Debug, Clone, PartialEq)]
enum Lex {
    LParen,
    RParen,
    And,
    Or,
    Not,
    Near(usize),
    Term(Term),
}

impl fmt::Display for Lex {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Lex::LParen => write!(f, "'('"),
            Lex::RParen => write!(f, "')'"),
            Lex::And => write!(f, "AND"),
            Lex::Or => write!(f, "OR"),
            Lex::Not => write!(f, "NOT"),
            Lex::Near(n) => write!(f, "NEAR/{n}"),
            Lex::Term(t) => write!(f, "term {}", t.source),
        }
    }
}

struct Spanned {
    tok: Lex,
    column: usize,
}

fn lex(input: &str) -> Result<Vec<Spanned>, QueryError> {
    let chars: Vec<char> = input.chars().collect();
    let mut out = Vec::new();
    let mut i = 0;
    while i < chars.len() {
        let c = chars[i];
        let column = i + 1;
        if c.is_whitespace() {
            i += 1;
            continue;
        }
        match c {
            '(' => {
                out.push(Spanned {
                    tok: Lex::LParen,
                    column,
                });
                i += 1;
                continue;
            }
            ')' => {
                out.push(Spanned {
                    tok: Lex::RParen,
                    column,
                });
                i += 1;
                continue;
            }
            '-' => {
                out.push(Spanned {
                    tok: Lex::Not,
                    column,
                });
                i += 1;
                continue;
            }
            _ => {}
        }
        let case_sensitive = c == '=';
        let start = i;
        if case_sensitive {
            i += 1;
            if i >= chars.len() || chars[i].is_whitespace() {
                return Err(QueryError {
                    column,
                    message: "'=' must be followed by a term".into(),
                });
            }
        }
        if chars[i] == '"' {
            let open = i;
            i += 1;
            let body_start = i;
            while i < chars.len() && chars[i] != '"' {
                i += 1;
            }
            if i >= chars.len() {
                return Err(QueryError {
                    column: open + 1,
                    message: "unclosed quote".into(),
                });
            }
            let body: String = chars[body_start..i].iter().collect();
            i += 1;
            let words: Vec<String> = Tokens::new(&body)
                .tokens
                .iter()
                .map(|t| {
                    if case_sensitive {
                        t.text.to_string()
                    } else {
                        t.lower.to_string()
                    }
                })
                .collect();
            if words.is_empty() {
                return Err(QueryError {
                    column: open + 1,
                    message: "empty phrase".into(),
                });
            }
            let source: String = chars[start..i].iter().collect();
            let kind = if words.len() == 1 {
                TermKind::Word
            } else {
                TermKind::Phrase
            };
            out.push(Spanned {
                tok: Lex::Term(Term {
                    kind,
                    words,
                    case_sensitive,
                    source,
                }),
                column,
            });
            continue;
        }
        // bare token up to whitespace or parenthesis
        while i < chars.len() && !chars[i].is_whitespace() && chars[i] != '(' && chars[i] != ')' {
            if chars[i] == '"' {
                return Err(QueryError {
                    column: i + 1,
                    message: "quote inside a word; put a space before the phrase".into(),
                });
            }
            i += 1;
        }
        let raw: String = chars[start..i].iter().collect();
        if !case_sensitive {
            match raw.as_str() {
                "AND" => {
                    out.push(Spanned {
                        tok: Lex::And,
                        column,
                    });
                    continue;
                }
                "OR" => {
                    out.push(Spanned {
                        tok: Lex::Or,
                        column,
                    });
                    continue;
                }
                "NOT" => {
                    out.push(Spanned {
                        tok: Lex::Not,
                        column,
                    });
                    continue;
                }
                _ => {}
            }
            if let Some(n) = raw.strip_prefix("NEAR/") {
                let n: usize = n.parse().map_err(|_| QueryError {
                    column,
                    message: format!("NEAR/ needs a word count, as in NEAR/5 (found {raw:?})"),
                })?;
                out.push(Spanned {
                    tok: Lex::Near(n),
                    column,
                });
                continue;
            }
            if raw == "NEAR" {
                return Err(QueryError {
                    column,
                    message: "NEAR needs a distance, as in NEAR/5".into(),
                });
            }
        }
        let body = if case_sensitive {
            &raw[1..]
        } else {
            raw.as_str()
        };
        let (kind, body) = if let Some(b) = body.strip_prefix('#') {
            (TermKind::Tag, b)
        } else if let Some(b) = body.strip_prefix('@') {
            (TermKind::Handle, b)
        } else if let Some(b) = body.strip_suffix('*') {
            (TermKind::Prefix, b)
        } else {
            (TermKind::Word, body)
        };
        let norm = if case_sensitive {
            body.to_string()
        } else {
            folded_lower(body).into_owned()
        };
        let valid = !norm.is_empty()
            && match kind {
                TermKind::Handle => norm
                    .chars()
                    .all(|c| is_word_char(c) || matches!(c, '.' | '@' | '-')),
                _ => {
                    Tokens::new(&norm).tokens.len() == 1
                        && Tokens::new(&norm).tokens[0].text == norm
                }
            };
        if !valid {
            return Err(QueryError {
                column,
                message: format!("{raw:?} is not a word, #tag, @handle or prefix*; quote phrases"),
            });
        }
        out.push(Spanned {
            tok: Lex::Term(Term {
                kind,
                words: vec![norm],
                case_sensitive,
                source: raw.clone(),
            }),
            column,
        });
    }
    Ok(out)
}

struct Parser {
    toks: Vec<Spanned>,
    pos: usize,
    end_column: usize,
}

impl Parser {
    fn peek(&self) -> Option<&Lex> {
        self.toks.get(self.pos).map(|t| &t.tok)
    }

    fn column(&self) -> usize {
        self.toks
            .get(self.pos)
            .map(|t| t.column)
            .unwrap_or(self.end_column)
    }

    fn or(&mut self) -> Result<Query, QueryError> {
        let mut items = vec![self.and()?];
        while self.peek() == Some(&Lex::Or) {
            self.pos += 1;
            items.push(self.and()?);
        }
        Ok(if items.len() == 1 {
            items.pop().unwrap()
        } else {
            Query::Or(items)
        })
    }

    fn and(&mut self) -> Result<Query, QueryError> {
        let mut items = vec![self.unary()?];
        loop {
            match self.peek() {
                Some(Lex::And) => {
                    self.pos += 1;
                    items.push(self.unary()?);
                }
                Some(Lex::Term(_)) | Some(Lex::LParen) | Some(Lex::Not) => {
                    items.push(self.unary()?)
                }
                _ => break,
            }
        }
        Ok(if items.len() == 1 {
            items.pop().unwrap()
        } else {
            Query::And(items)
        })
    }

    fn unary(&mut self) -> Result<Query, QueryError> {
        if self.peek() == Some(&Lex::Not) {
            self.pos += 1;
            return Ok(Query::Not(Box::new(self.unary()?)));
        }
        self.near()
    }

    fn near(&mut self) -> Result<Query, QueryError> {
        let mut left = self.primary()?;
        while let Some(Lex::Near(n)) = self.peek() {
            let n = *n;
            self.pos += 1;
            let right = self.primary()?;
            left = Query::Near(Box::new(left), Box::new(right), n);
        }
        Ok(left)
    }

    fn primary(&mut self) -> Result<Query, QueryError> {
        let column = self.column();
        match self.toks.get(self.pos).map(|t| t.tok.clone()) {
            Some(Lex::LParen) => {
                self.pos += 1;
                let q = self.or()?;
                if self.peek() != Some(&Lex::RParen) {
                    return Err(QueryError {
                        column,
                        message: "'(' is never closed".into(),
                    });
                }
                self.pos += 1;
                Ok(q)
            }
            Some(Lex::Term(t)) => {
                self.pos += 1;
                Ok(Query::Term(t))
            }
            Some(other) => Err(QueryError {
                column,
                message: format!("expected a term or '(', found {other}"),
            }),
            None => Err(QueryError {
                column,
                message: "query ends where a term was expected".into(),
            }),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The tokeniser as first written, one character at a time through a peekable iterator: the
    /// reference the byte-reading one is held to.
    fn reference_tokens(text: &str) -> Vec<(TokenKind, String, String, usize, usize)> {
        let mut tokens = Vec::new();
        let mut iter = text.char_indices().peekable();
        while let Some((i, c)) = iter.next() {
            let (kind, body_start) = match c {
                '#' => (TokenKind::Tag, i + 1),
                '@' => (TokenKind::Handle, i + 1),
                c if is_word_char(c) => (TokenKind::Word, i),
                _ => continue,
            };
            let mut end = if kind == TokenKind::Word {
                i + c.len_utf8()
            } else {
                body_start
            };
            while let Some(&(j, d)) = iter.peek() {
                let inner_punct = match kind {
                    TokenKind::Word | TokenKind::Tag => matches!(d, '\'' | '’'),
                    TokenKind::Handle => matches!(d, '.' | '@' | '-'),
                };
                if is_word_char(d) {
                    end = j + d.len_utf8();
                    iter.next();
                } else if inner_punct && end > body_start {
                    let next = text[j + d.len_utf8()..].chars().next();
                    if next.is_some_and(is_word_char) {
                        iter.next();
                        end = j + d.len_utf8();
                    } else {
                        break;
                    }
                } else {
                    break;
                }
            }
            if end == body_start {
                continue;
            }
            let (body_start, end) = if kind == TokenKind::Word {
                strip_clitics(text, body_start, end)
            } else {
                (body_start, end)
            };
            let body = &text[body_start..end];
            let start = if kind == TokenKind::Word {
                body_start
            } else {
                i
            };
            let folded =
                crate::classify::lexicon::without_accents(&body.to_lowercase()).into_owned();
            tokens.push((kind, body.to_string(), folded, start, end));
        }
        tokens
    }

    #[test]
    fn byte_tokeniser_equals_the_reference() {
        let pool: Vec<char> = "aZé_9 #@'’.-!,Lلa\u{200C}\u{064E}😀ÉqudSs\n"
            .chars()
            .collect();
        let mut rng = fastrand::Rng::with_seed(11);
        for _ in 0..20_000 {
            let text: String = (0..rng.usize(0..20))
                .map(|_| pool[rng.usize(..pool.len())])
                .collect();
            let ours: Vec<_> = Tokens::new(&text)
                .tokens
                .iter()
                .map(|t| {
                    (
                        t.kind,
                        t.text.to_string(),
                        t.lower.to_string(),
                        t.start,
                        t.end,
                    )
                })
                .collect();
            assert_eq!(ours, reference_tokens(&text), "{text:?}");
        }
    }

    fn matches(q: &str, text: &str) -> bool {
        let q = Query::parse(q).unwrap();
        let t = Tokens::new(text);
        q.eval(&t, &vec![false; t.tokens.len()]).is_some()
    }

    #[test]
    fn required_literals_are_held_by_every_text_a_query_is_true_of() {
        let req = |q: &str| Query::parse(q).unwrap().required_literals();
        assert_eq!(
            req(r#""kestrel mobile" OR (kestrel NEAR/3 (network OR plan OR sim))"#),
            Some(vec!["kestrel".to_string(), "kestrel".to_string()])
        );
        assert_eq!(req("acme AND NOT pie"), Some(vec!["acme".to_string()]));
        assert_eq!(
            req("(shoes OR boots) AND acme"),
            Some(vec!["acme".to_string()])
        );
        assert_eq!(req("acme OR NOT pie"), None);
        let queries = [
            r#""kestrel mobile" OR (kestrel NEAR/3 (network OR plan OR sim))"#,
            "acme AND NOT pie",
            "(shoes OR boots) AND =Acme",
            "#acme OR @acme OR acme*",
            "lumora halo OR fernway",
        ];
        let texts = [
            "Kestrel Mobile dropped my call",
            "kestrel's plan is a joke",
            "my sim from KESTREL died",
            "Acme boots, no pie",
            "acme pie",
            "#AcmeFan with @acme@mastodon.social",
            "Acmeware shoes",
            "LUMORA HALO is bright; Fernway too",
            "just a plan and a sim",
        ];
        let mut true_of = 0;
        for q in queries {
            let set = req(q).unwrap();
            for t in texts {
                if matches(q, t) {
                    true_of += 1;
                    let lower = t.to_lowercase();
                    assert!(set.iter().any(|l| lower.contains(l.as_str())), "{q} / {t}");
                }
            }
        }
        assert!(true_of >= 8, "{true_of}");
    }

    #[test]
    fn words_phrases_tags_handles() {
        assert!(matches("acme", "I love ACME shoes"));
        assert!(matches("acme", "#acme rocks"));
        assert!(!matches("acme", "acmeville is nice"));
        assert!(matches("\"acme shoes\"", "my Acme   shoes!"));
        assert!(!matches("\"acme shoes\"", "acme red shoes"));
        assert!(matches("#acme", "so #Acme"));
        assert!(!matches("#acme", "acme"));
        assert!(matches("@acme", "hey @acme@mastodon.social"));
        assert!(matches("@acme", "hey @ACME."));
        assert!(matches("acme*", "acmewear is here"));
    }

    #[test]
    fn possessives_and_elisions_expose_the_brand() {
        assert!(matches("acme", "Acme's new mug"));
        assert!(matches("acme", "Acme’s new mug"));
        assert!(matches("acme", "J'adore l'Acme"));
        assert!(matches("acme", "le service d’Acme"));
        assert!(matches("\"acme mug\"", "Acme's mug? no: the Acme mug"));
        // Other apostrophes stay inside the word.
        assert!(!matches("don", "I don't know"));
        let t = Tokens::new("J'adore l'Acme");
        let w = t.tokens.iter().find(|w| w.lower == "acme").unwrap();
        assert_eq!(&t.text[w.start..w.end], "Acme");
    }

    #[test]
    fn boolean_and_near() {
        assert!(matches("acme AND shoes", "shoes from acme"));
        assert!(matches("acme shoes", "shoes from acme"));
        assert!(!matches("acme AND shoes", "acme hats"));
        assert!(matches("acme OR zeta", "zeta"));
        assert!(matches("acme NOT hats", "acme shoes"));
        assert!(!matches("acme -hats", "acme hats"));
        assert!(matches("(acme OR zeta) AND (shoe OR boot)", "zeta boot"));
        assert!(matches("acme NEAR/3 refund", "acme never sent my refund"));
        assert!(!matches("acme NEAR/2 refund", "acme never sent my refund"));
        assert!(matches("refund NEAR/3 acme", "acme never sent my refund"));
    }

    #[test]
    fn case_sensitive_terms() {
        assert!(matches("=Apple", "my Apple watch"));
        assert!(!matches("=Apple", "an apple a day"));
        assert!(matches("=\"Dove Soap\"", "Dove Soap is mild"));
        assert!(!matches("=\"Dove Soap\"", "dove soap"));
    }

    #[test]
    fn multilingual_tokens() {
        assert!(matches("لومورا", "من لومورا را دوست دارم"));
        assert!(matches("\"l'oréal\"", "J'adore L'Oréal."));
        assert!(matches("müller", "Müller-Milch ist gut"));
    }

    #[test]
    fn errors_point_at_the_column() {
        let e = Query::parse("acme AND \"unclosed").unwrap_err();
        assert_eq!(e.column, 10);
        let e = Query::parse("acme AND").unwrap_err();
        assert_eq!(e.column, 9);
        let e = Query::parse("(acme OR zeta").unwrap_err();
        assert_eq!(e.column, 1);
        let e = Query::parse("acme )").unwrap_err();
        assert_eq!(e.column, 6);
        let e = Query::parse("acme NEAR/x zeta").unwrap_err();
        assert_eq!(e.column, 6);
        assert!(Query::parse("NOT acme").is_err());
        assert!(Query::parse("").is_err());
    }

    #[test]
    fn hits_report_byte_offsets() {
        let q = Query::parse("\"acme shoes\" OR #acme").unwrap();
        let text = "Nice #acme and Acme shoes";
        let t = Tokens::new(text);
        let hits = q.eval(&t, &vec![false; t.tokens.len()]).unwrap();
        let spans: Vec<&str> = hits.iter().map(|h| &text[h.start..h.end]).collect();
        assert_eq!(spans, vec!["Acme shoes", "#acme"]);
    }
}
