//! Language detection. A feed's own `lang` wins. Otherwise: Arabic script is split into Persian or
//! Arabic by the letters only Persian uses (fast, and more reliable on short texts than n-grams);
//! Latin script goes to function words first, then to whatlang's trigram method restricted to the
//! languages Earshot scores (computed in [`super::trigrams`], whatlang's answer for less); anything
//! else is whatlang's best guess, and a text with no letters is `und`.

use super::lexicon::{PACKED_BYTES as KEY_BYTES, char_at, packed};
use super::trigrams::{Guess, LatinTrigrams};
use whatlang::{Detector, Lang};

use crate::model::LangGuess;

pub struct LangDetector {
    latin: Detector,
    /// The same answers as `latin` on Latin-script text, from the text's side (see
    /// [`super::trigrams`]).
    trigrams: LatinTrigrams,
}

impl Default for LangDetector {
    fn default() -> Self {
        Self::new()
    }
}

/// The Latin-script languages whatlang may choose between (codes from [`iso639_1`]).
const LATIN: [Lang; 7] = [
    Lang::Eng,
    Lang::Spa,
    Lang::Fra,
    Lang::Deu,
    Lang::Por,
    Lang::Ita,
    Lang::Nld,
];

fn is_arabic_script(c: char) -> bool {
    matches!(c, '\u{0600}'..='\u{06FF}' | '\u{0750}'..='\u{077F}' | '\u{FB50}'..='\u{FDFF}' | '\u{FE70}'..='\u{FEFF}')
}

fn is_persian_letter(c: char) -> bool {
    matches!(c, 'پ' | 'چ' | 'ژ' | 'گ' | 'ک' | 'ی' | 'ۀ' | '۰'..='۹')
}

impl LangDetector {
    pub fn new() -> Self {
        LangDetector {
            latin: Detector::with_allowlist(LATIN.to_vec()),
            trigrams: LatinTrigrams::new(),
        }
    }

    /// Normalises a feed-declared tag (`en-US`, `pt_BR`, `FA`) to its primary subtag.
    pub fn from_feed(tag: &str) -> Option<LangGuess> {
        let mut primary = tag.split(['-', '_']).next()?.trim().to_ascii_lowercase();
        if primary.len() < 2
            || primary.len() > 3
            || !primary.chars().all(|c| c.is_ascii_alphabetic())
        {
            return None;
        }
        // "fas" or "per" is Persian as much as "fa" is: scored with the Persian profile, and shown
        // as the same code as detected Persian.
        if primary.len() == 3
            && let Some(two) = two_letter(&primary)
        {
            primary = two.to_string();
        }
        // The scored languages keep a static code (no copy per mention).
        let code = match crate::classify::lexicon::LANGS
            .iter()
            .find(|l| **l == primary)
        {
            Some(l) => std::borrow::Cow::Borrowed(*l),
            None => std::borrow::Cow::Owned(primary),
        };
        Some(LangGuess {
            code,
            confidence: 1.0,
            method: "feed".into(),
        })
    }

    /// whatlang's guess among the Latin-script languages Earshot scores: computed here when the
    /// text is plainly Latin script (the same answer, cheaper), by whatlang otherwise.
    fn latin_guess(&self, text: &str) -> Option<Guess> {
        match self.trigrams.detect(text) {
            Ok(g) => g,
            Err(_) => self.latin.detect(text).map(guess),
        }
    }

    pub fn detect(&self, text: &str, declared: Option<&str>) -> LangGuess {
        if let Some(g) = declared.and_then(Self::from_feed) {
            return g;
        }
        // Letters in their presentation forms are read as the letters they shape: otherwise no
        // function word written in them is found, and their Persian letters are not Persian.
        let expanded = super::lexicon::without_presentation_forms(text);
        let text = &*expanded;
        let original = text;
        // An ASCII text (most posts) is read once: its letters and its function words, over the
        // words outside URLs, @handles and #tags. Any other text loses those first, and is then
        // counted by script.
        let (ascii, cleaned) = if text.is_ascii() {
            (Some(ascii_pass(text.as_bytes())), None)
        } else {
            (None, Some(without_noise(text)))
        };
        let Letters {
            letters,
            arabic,
            persian,
            arabic_only,
            latin,
        } = match &ascii {
            Some((letters, _)) => Letters {
                letters: *letters,
                latin: *letters,
                ..Letters::default()
            },
            None => count_letters(cleaned.as_deref().unwrap_or(text)),
        };
        if letters == 0 {
            // Only tags ("#يا_خراشي", "#fail #epicfail"): their words are all the text there is.
            let tags: String = original
                .split_whitespace()
                .filter_map(|w| w.strip_prefix('#'))
                .map(|t| t.replace('_', " "))
                .collect::<Vec<_>>()
                .join(" ");
            if tags.chars().any(is_alphabetic) {
                let g = self.detect(&tags, None);
                return LangGuess {
                    confidence: round2(g.confidence * 0.8),
                    method: "hashtags".into(),
                    ..g
                };
            }
            return LangGuess {
                code: "und".into(),
                confidence: 0.0,
                method: "script".into(),
            };
        }
        // A third of the letters is enough: brand names and loanwords in Latin letters are common
        // inside Arabic and Persian posts ("Fernway عالي").
        // Persian or Arabic, for a text with Arabic letters (already cleaned: not ASCII).
        let arabic_script = |text: &str| {
            // Letters only one of the two languages uses, plus their most common words: many
            // Persian posts are typed on Arabic keyboards (ي for ی, ك for ک), so letters alone
            // mislead.
            let (fa_words, ar_words) = arabic_script_votes(text);
            let mut fa_score = persian + 2 * fa_words;
            let mut ar_score = arabic_only + 2 * ar_words;
            if fa_score == ar_score {
                // Nothing decisive ("عالي.." typed on an Arabic keyboard): the words only one of the
                // two sentiment lexicons knows.
                let (f, a) = arabic_script_lexicon_votes(text);
                fa_score += f;
                ar_score += a;
            }
            let code = if fa_score > ar_score { "fa" } else { "ar" };
            let conf = (0.6
                + 0.4 * (fa_score.abs_diff(ar_score) as f64 / (arabic as f64).max(1.0)) * 5.0)
                .min(1.0);
            LangGuess {
                code: code.into(),
                confidence: round2(conf),
                method: "script".into(),
            }
        };
        if arabic * 3 > letters {
            return arabic_script(cleaned.as_deref().unwrap_or(text));
        }
        let info = if latin * 2 > letters {
            // Cheap and decisive on most posts: several function words of one language. Decisive
            // when they are a fifth of the words more than the runner-up's, or at least two more:
            // on the 25,000 Latin-script dev and demo texts where the fifth was not reached, a lead
            // of two agreed with the trigram detector on all but 6 of 1,135 texts, and of those 6 it
            // was right on 5 (English with mojibake, which trigrams called Spanish or Portuguese).
            // Trigrams cost about 15,000 instructions a text (whatlang's own walk cost 110,000),
            // as much as the rest of the language detection.
            let tally = match ascii {
                Some((_, tally)) => tally,
                None => by_function_words(cleaned.as_deref().unwrap_or(text)),
            };
            let by_words = tally.decide();
            if let Some((g, lead)) = &by_words
                && (g.confidence >= 0.7 || *lead >= 2)
            {
                return g.clone();
            }
            let by_words = by_words.map(|(g, _)| g);
            let cleaned = cleaned.unwrap_or_else(|| without_noise(text));
            let text = &*cleaned;
            let info = self.latin_guess(text);
            // Trigram statistics are unreliable on short posts; function words are not.
            if !info.as_ref().is_some_and(|i| i.is_reliable()) {
                if let Some(g) = by_words.or_else(|| by_lexicon(text)) {
                    return g;
                }
                // Function words that tie ("de" is Spanish, French and Portuguese) still narrow
                // the field: a trigram guess too weak to stand alone picks among the tied
                // languages ("han originado actos de" is Spanish, not the English default).
                if let Some(i) = &info
                    && tally.ties_for_most(iso639_1(i.lang))
                {
                    // A very weak guess against English, which ties too ("Lumora refunded me
                    // today": "me" is English, Spanish and Portuguese), is no evidence.
                    if i.confidence < EN_TIE_MIN_CONFIDENCE && tally.ties_for_most("en") {
                        return LangGuess {
                            code: "en".into(),
                            confidence: 0.3,
                            method: "function_words".into(),
                        };
                    }
                    return LangGuess {
                        code: iso639_1(i.lang).into(),
                        confidence: round2(i.confidence),
                        method: "detector".into(),
                    };
                }
                if info.as_ref().is_none_or(|i| i.confidence < 0.5) {
                    // Latin words that say nothing of a language in a post with Arabic letters
                    // are names ("Bioshock و MassEffect لذت ببريد"): the script decides.
                    if arabic > 0 {
                        return arabic_script(text);
                    }
                    return LangGuess {
                        code: "en".into(),
                        confidence: 0.3,
                        method: "default".into(),
                    };
                }
            }
            info
        } else {
            whatlang::detect(cleaned.as_deref().unwrap_or(text)).map(guess)
        };
        match info {
            Some(info) => {
                let code = iso639_1(info.lang);
                LangGuess {
                    code: code.into(),
                    confidence: round2(info.confidence),
                    method: "detector".into(),
                }
            }
            None => LangGuess {
                code: "en".into(),
                confidence: 0.0,
                method: "default".into(),
            },
        }
    }
}

/// Below this trigram confidence a guess does not take a tie of function words from English.
const EN_TIE_MIN_CONFIDENCE: f64 = 0.25;

/// A whatlang answer as a [`Guess`].
fn guess(info: whatlang::Info) -> Guess {
    Guess {
        lang: info.lang(),
        confidence: info.confidence(),
    }
}

/// The text without its URLs, @handles and #tags, which say nothing about the language a person
/// writes in: its other whitespace-separated words, joined by single spaces. Most posts have none
/// of them: no copy then.
fn without_noise(text: &str) -> std::borrow::Cow<'_, str> {
    // On bytes: `@` and `#` are ASCII, which never occurs inside a longer character, and a
    // `char` pattern would decode every character of the text.
    let has_noise = text.bytes().any(|b| b == b'@' || b == b'#')
        || text.contains("http")
        || text.contains("www.");
    if !has_noise {
        return text.into();
    }
    let mut kept = String::with_capacity(text.len());
    let bytes = text.as_bytes();
    let class = classes();
    // The words are split as `str::split_whitespace` splits them, on bytes: a character is
    // decoded only where its first byte may start a whitespace character (ASCII, or U+0085 and
    // up) or a word (to find where the word's letters start).
    let mut i = 0;
    while i < bytes.len() {
        let n = whitespace_len(text, i);
        if n > 0 {
            i += n;
            continue;
        }
        let start = i;
        // Where the word's first letter, digit, `@` or `#` is, if anywhere.
        let mut bare = None;
        while i < bytes.len() && whitespace_len(text, i) == 0 {
            if bare.is_none() {
                let (c, _) = char_at(text, i);
                let f = class.of(c);
                if f & ALNUM != 0 || c == '@' || c == '#' {
                    bare = Some(i);
                }
            }
            i += utf8_len(bytes[i]);
        }
        if !bare.is_some_and(|b| is_noise(&bytes[b..i])) {
            if !kept.is_empty() {
                kept.push(' ');
            }
            kept.push_str(&text[start..i]);
        }
    }
    kept.into()
}

/// The length in bytes of the character that starts with byte `b`.
#[inline]
fn utf8_len(b: u8) -> usize {
    match b {
        0..0xC0 => 1,
        0xC0..0xE0 => 2,
        0xE0..0xF0 => 3,
        _ => 4,
    }
}

/// The length of the character at byte `i` of `text` if it is whitespace (`char::is_whitespace`),
/// else 0. Only ASCII and characters led by 0xC2 (U+0085, U+00A0) or 0xE1 to 0xE3 (U+1680 to
/// U+3000) can be: any other is not decoded.
#[inline]
fn whitespace_len(text: &str, i: usize) -> usize {
    match text.as_bytes()[i] {
        b if b < 0x80 => usize::from(ASCII_CLASS[usize::from(b)] & SPACE != 0),
        0xC2 | 0xE1..=0xE3 => {
            let (c, n) = char_at(text, i);
            if c.is_whitespace() { n } else { 0 }
        }
        _ => 0,
    }
}

/// Whether a word, from its first letter, digit, `@` or `#` on, is a URL, an @handle or a #tag.
fn is_noise(bare: &[u8]) -> bool {
    bare.starts_with(b"http://")
        || bare.starts_with(b"https://")
        || bare.starts_with(b"www.")
        || bare.starts_with(b"@")
        || bare.starts_with(b"#")
}

/// A text's letters: all of them, those of the Arabic script (and of those, the letters only
/// Persian or only Arabic uses), and the Latin ones.
#[derive(Default)]
struct Letters {
    letters: usize,
    arabic: usize,
    persian: usize,
    arabic_only: usize,
    latin: usize,
}

fn count_letters(text: &str) -> Letters {
    let mut n = Letters::default();
    // ASCII bytes are counted as bytes (an ASCII character is alphabetic exactly when it is
    // an ASCII letter): most characters of most posts, which spares decoding them.
    // Characters below U+0800 (Latin with its accents, Arabic, Persian) are counted from one
    // table lookup each; the table is fetched once for the text, not once a character.
    let class = classes();
    let bytes = text.as_bytes();
    let mut i = 0;
    while i < bytes.len() {
        let b = bytes[i];
        if b < 0x80 {
            let letter = usize::from(b.is_ascii_alphabetic());
            n.letters += letter;
            n.latin += letter;
            i += 1;
            continue;
        }
        let (c, len) = char_at(text, i);
        i += len;
        let f = class.of(c);
        if f & ALPHA == 0 {
            continue;
        }
        n.letters += 1;
        n.arabic += usize::from(f & ARABIC != 0);
        n.persian += usize::from(f & PERSIAN != 0);
        n.arabic_only += usize::from(f & ARABIC_ONLY != 0);
        n.latin += usize::from(f & LATIN_LETTER != 0);
    }
    n
}

/// An ASCII text read once: its letters and its function words, both over the words
/// [`without_noise`] keeps (whitespace-separated words, none a URL, an @handle or a #tag; in ASCII
/// the whitespace is tab to carriage return and the space). The same words as splitting the
/// cleaned text: the spaces that join them separate words too.
fn ascii_pass(text: &[u8]) -> (usize, Tally) {
    let index = function_word_index();
    let class = |b: u8| ASCII_CLASS[usize::from(b)];
    let mut letters = 0;
    let mut tally = Tally::default();
    // The function-word candidate being read, lowercased (its first bytes), and its length.
    let mut buf = [0u8; KEY_BYTES];
    let mut len = 0;
    let mut i = 0;
    while i < text.len() {
        if class(text[i]) & SPACE != 0 {
            i += 1;
            continue;
        }
        // A whitespace-separated word starts at `i`. From its first letter, digit, `@` or `#`
        // on, is it a URL, an @handle or a #tag? (None of those prefixes holds a space, so they
        // are compared with the text from there, not only with the word.)
        let mut bare = i;
        while bare < text.len() && class(text[bare]) & (BARE | SPACE) == 0 {
            bare += 1;
        }
        let noise = bare < text.len() && class(text[bare]) & BARE != 0 && is_noise(&text[bare..]);
        if noise {
            while i < text.len() && class(text[i]) & SPACE == 0 {
                i += 1;
            }
            continue;
        }
        while i < text.len() {
            let b = text[i];
            let c = class(b);
            if c & SPACE != 0 {
                break;
            }
            i += 1;
            if c & WORD != 0 {
                letters += usize::from(c & LETTER != 0);
                if len < KEY_BYTES {
                    // `LETTER` is the bit that lowercases an ASCII letter.
                    buf[len] = b | (c & LETTER);
                }
                len += 1;
            } else if len > 0 {
                tally.word(index, u128::from_le_bytes(buf), len);
                (buf, len) = ([0; KEY_BYTES], 0);
            }
        }
        if len > 0 {
            tally.word(index, u128::from_le_bytes(buf), len);
            (buf, len) = ([0; KEY_BYTES], 0);
        }
    }
    (letters, tally)
}

/// What [`ascii_pass`] asks of a byte, a bit each: whitespace (as `char::is_whitespace` has it),
/// part of a word (letter, digit, apostrophe), where a URL, @handle or #tag may start (letter,
/// digit, `@`, `#`), and a letter, whose bit is the one that lowercases it.
const SPACE: u8 = 1;
const WORD: u8 = 2;
const BARE: u8 = 4;
const LETTER: u8 = 0x20;
static ASCII_CLASS: [u8; 256] = {
    let mut t = [0u8; 256];
    let mut b = 0;
    while b < 128 {
        let c = b as u8;
        let mut f = 0;
        if matches!(c, b'\t'..=b'\r' | b' ') {
            f |= SPACE;
        }
        if c.is_ascii_alphanumeric() || c == b'\'' {
            f |= WORD;
        }
        if c.is_ascii_alphanumeric() || c == b'@' || c == b'#' {
            f |= BARE;
        }
        if c.is_ascii_alphabetic() {
            f |= LETTER;
        }
        t[b] = f;
        b += 1;
    }
    t
};

const PERSIAN_WORDS: &[&str] = &[
    "در",
    "است",
    "این",
    "را",
    "می",
    "که",
    "از",
    "با",
    "خیلی",
    "داره",
    "دارد",
    "هست",
    "نیست",
    "برای",
    "ها",
    "یک",
    "شده",
    "بود",
    "کرد",
    "اون",
    "رو",
    "بسیار",
    "ولی",
    "نمی",
    "هستند",
    "کنید",
    "میکنم",
    "شود",
    "باشه",
    "چه",
    "چرا",
    "دیگه",
    "خوب",
    "خوبه",
    "گوشی",
    "نظر",
    "اصلا",
    "واقعا",
    "تو",
    "اگر",
    "بهتر",
    // Colloquial forms and verb endings no Arabic word has, common in short reviews typed on an
    // Arabic keyboard ("ازش راضيم", I'm happy with it; "من راضي هستم").
    "ازش",
    "بهش",
    "باهاش",
    "براش",
    "اینو",
    "اونو",
    "میشه",
    "نمیشه",
    "نداره",
    "ندارد",
    "هستم",
    "بودم",
    "باشد",
    "داشته",
    "آنرا",
    "های",
    "کنه",
    "کنم",
    // First-person verbs of intent ("قصد دارم … بخرم", I mean to buy; "دارم میرم", I'm leaving):
    // no letter only Persian uses, and no Arabic word.
    "دارم",
    "داریم",
    "بخرم",
    "بگیرم",
    "میخوام",
    "میرم",
    // "Still", "none", "for (the sake of)" and "has not given": Persian's alone ("Acme هنوز جواب
    // نداده", still no answer, was Arabic by its article-less words).
    "هنوز",
    "هیچ",
    "هیچی",
    "بابت",
    "نداده",
    "ندادن",
];
const ARABIC_WORDS: &[&str] = &[
    "جدا",
    "الى",
    "إلى",
    "حتى",
    "لقد",
    "قد",
    "ليس",
    "عشان",
    "علشان",
    "لسه",
    "اوي",
    "خالص",
    "كمان",
    "برضه",
    "يعني",
    "والله",
    "كيف",
    "ليش",
    "شو",
    "في",
    "على",
    "هذا",
    "هذه",
    "التي",
    "الذي",
    "الله",
    "ان",
    "أن",
    "إن",
    "لا",
    "مش",
    "انا",
    "أنا",
    "يا",
    "كان",
    "عن",
    "مع",
    "ده",
    "دي",
    "اللي",
    "ايه",
    "ليه",
    "بس",
    "لم",
    "لن",
    "هو",
    "هي",
    "كده",
    "كل",
    "الى",
    "إلى",
    "قد",
    "او",
    "أو",
    "ولا",
    "عشان",
    "علشان",
    "احنا",
    "انت",
    "ماشي",
];

/// What the detector asks of a character, a bit each: see [`class_of`].
const ALPHA: u8 = 1;
const ALNUM: u8 = 2;
/// An Arabic-script letter.
const ARABIC: u8 = 4;
/// An Arabic-script letter only Persian uses.
const PERSIAN: u8 = 8;
/// An Arabic-script letter only Arabic uses (ة, ى).
const ARABIC_ONLY: u8 = 16;
/// A Latin letter (ASCII, or U+00C0 to U+024F).
const LATIN_LETTER: u8 = 32;

/// The class bits of one character, from the standard library and the script ranges above. Only
/// the letters' script bits are set: a digit of the Arabic block is no Arabic letter.
fn class_of(c: char) -> u8 {
    let mut f = 0;
    if c.is_alphanumeric() {
        f |= ALNUM;
    }
    if c.is_alphabetic() {
        f |= ALPHA;
        if is_arabic_script(c) {
            f |= ARABIC;
            if is_persian_letter(c) {
                f |= PERSIAN;
            } else if matches!(c, 'ة' | 'ى') {
                f |= ARABIC_ONLY;
            }
        } else if c.is_ascii_alphabetic() || ('\u{00C0}'..='\u{024F}').contains(&c) {
            f |= LATIN_LETTER;
        }
    }
    f
}

/// [`class_of`] for the first 2,048 code points (Latin with its accents, Greek, Cyrillic, Hebrew,
/// Arabic and Persian), built once: the standard library answers every non-ASCII character by a
/// binary search over the Unicode tables, which had been a noticeable share of detecting the
/// language of an Arabic or Persian post, and the script tests are a chain of comparisons.
struct Classes([u8; 2048]);

impl Classes {
    /// [`class_of`] `c`, from the table below U+0800.
    #[inline]
    fn of(&self, c: char) -> u8 {
        match self.0.get(c as usize) {
            Some(&f) => f,
            None => class_of(c),
        }
    }
}

fn classes() -> &'static Classes {
    static TABLE: std::sync::OnceLock<Classes> = std::sync::OnceLock::new();
    TABLE.get_or_init(|| {
        let mut t = [0u8; 2048];
        // Every code point below U+0800 is a scalar value (the surrogates start at U+D800).
        for (i, f) in t.iter_mut().enumerate() {
            *f = class_of(char::from_u32(i as u32).expect("below the surrogates"));
        }
        Classes(t)
    })
}

/// `c.is_alphabetic()`, from [`classes`].
#[inline]
fn is_alphabetic(c: char) -> bool {
    classes().of(c) & ALPHA != 0
}

/// Counts (Persian, Arabic) function words; a word starting with the article "ال" counts as Arabic.
/// Words are compared in one spelling of yeh/kaf (Persian's, into which both lists are put), so
/// Persian typed on an Arabic keyboard and Arabic typed on a Persian one both count: a list entry
/// in the other language's spelling could never match, and is left out of the set.
///
/// A word is a run of letters (and zero-width non-joiners), respelled as it is read. One pass over
/// the bytes keeps each word's first 16 bytes as one number ([`packed`]), its length and its number
/// of characters: every listed word is shorter, so a longer word is in no list and only its start
/// is asked about, and a word of the lists is found by one lookup of that number (no letter is a
/// zero byte, so the padding cannot make two words one key).
fn arabic_script_votes(text: &str) -> (usize, usize) {
    /// Language bits of a listed word: 1 Persian, 2 Arabic.
    type Words = rustc_hash::FxHashMap<u128, u8>;
    static WORDS: std::sync::OnceLock<(Words, usize)> = std::sync::OnceLock::new();
    let (words, longest) = WORDS.get_or_init(|| {
        let mut m = Words::default();
        let mut longest = 0;
        let fa = PERSIAN_WORDS.iter().filter(|w| !w.contains(['ي', 'ك']));
        let ar = ARABIC_WORDS.iter().filter(|w| !w.contains(['ی', 'ک']));
        for (bit, w) in fa.map(|w| (1, w)).chain(ar.map(|w| (2, w))) {
            let w: String = w.chars().map(persian_spelling).collect();
            longest = longest.max(w.len());
            *m.entry(packed(w.as_bytes()).expect("a listed word packs"))
                .or_insert(0) |= bit;
        }
        (m, longest)
    });
    const MI_ZWNJ: &[u8] = "می\u{200C}".as_bytes();
    const AL: &[u8] = "ال".as_bytes();
    let class = classes();
    let (mut fa, mut ar) = (0, 0);
    // The word being read: its first bytes, its length in bytes and in characters.
    let mut buf = [0u8; KEY_BYTES];
    let (mut len, mut chars) = (0usize, 0usize);
    // Whether the word being read has a Persian ی or ک as typed: an Arabic keyboard has neither,
    // so such a word is no vote for Arabic ("در کل راضیم": "کل" is Persian "whole" as much as
    // Arabic "all", and only a Persian writer types it this way).
    let mut persian_typed = false;
    // Whether the word being read has a ژ (zhe): a letter of Persian that Arabic writing never
    // uses (none in the 8,007 Arabic dev tweets; in one Persian dev sentence in twenty), so such a
    // word ("شارژ", charge) is a vote for Persian, as a listed word is. Without it, "سرعت شارژش
    // فوق العادست" was Arabic by the article of "العادست".
    let mut zhe = false;
    let mut vote =
        |buf: &[u8; KEY_BYTES], len: usize, chars: usize, persian_typed: bool, zhe: bool| {
            let start = &buf[..len.min(KEY_BYTES)];
            // Longer words are in neither list: no lookup.
            let bits = if len <= *longest {
                words
                    .get(&packed(start).expect("at most KEY_BYTES"))
                    .copied()
                    .unwrap_or(0)
            } else {
                0
            };
            if bits & 1 != 0 || start.starts_with(MI_ZWNJ) || zhe {
                fa += 1;
            }
            if !persian_typed && (bits & 2 != 0 || (start.starts_with(AL) && chars > 3)) {
                ar += 1;
            }
        };
    let bytes = text.as_bytes();
    let mut i = 0;
    while i < bytes.len() {
        let b = bytes[i];
        // The character at `i` as it is spelt in the word (two bytes at most), or its length in
        // the text when it is kept as written; `None` ends the word.
        let (spelt, n): ([u8; 2], usize) = if b < 0x80 {
            i += 1;
            if !b.is_ascii_alphabetic() {
                if len > 0 {
                    vote(&buf, len, chars, persian_typed, zhe);
                    (len, chars, persian_typed, zhe) = (0, 0, false, false);
                }
                continue;
            }
            ([b, 0], 1)
        } else {
            let (c, n) = char_at(text, i);
            let f = class.of(c);
            if f & ALPHA == 0 && c != '\u{200C}' {
                i += n;
                if len > 0 {
                    vote(&buf, len, chars, persian_typed, zhe);
                    (len, chars, persian_typed, zhe) = (0, 0, false, false);
                }
                continue;
            }
            if n == 2 {
                // `persian_spelling` on the bytes: ي (D9 8A) is written ی (DB 8C), ك (D9 83) ک
                // (DA A9), any other two-byte letter as it is.
                let two = match (b, bytes[i + 1]) {
                    (0xD9, 0x8A) => [0xDB, 0x8C],
                    (0xD9, 0x83) => [0xDA, 0xA9],
                    pair => {
                        persian_typed |= matches!(pair, (0xDB, 0x8C) | (0xDA, 0xA9));
                        zhe |= pair == (0xDA, 0x98);
                        [pair.0, pair.1]
                    }
                };
                i += 2;
                (two, 2)
            } else {
                // Three or four bytes: kept as written (the respelled letters take two).
                for (k, &b) in bytes[i..i + n].iter().enumerate() {
                    if len + k < KEY_BYTES {
                        buf[len + k] = b;
                    }
                }
                i += n;
                len += n;
                chars += 1;
                continue;
            }
        };
        // Only the first KEY_BYTES bytes of a word are kept (a longer word is in neither list).
        if len < KEY_BYTES {
            buf[len] = spelt[0];
        }
        if n == 2 && len + 1 < KEY_BYTES {
            buf[len + 1] = spelt[1];
        }
        len += n;
        chars += 1;
    }
    if len > 0 {
        vote(&buf, len, chars, persian_typed, zhe);
    }
    (fa, ar)
}

/// Arabic yeh and kaf as Persian writes them.
fn persian_spelling(c: char) -> char {
    match c {
        'ي' => 'ی',
        'ك' => 'ک',
        c => c,
    }
}

/// Very common function words per Latin-script language (articles, pronouns, auxiliaries, negation).
const FUNCTION_WORDS: [(&str, &[&str]); 5] = [
    (
        "en",
        &[
            "the", "an", "and", "is", "are", "was", "i", "you", "it", "my", "to", "of", "in",
            "for", "this", "that", "not", "don't", "with", "on", "but", "have", "be", "so", "me",
            "your", "just", "would", "anyone", "from", "they", "what", "why", "how", "any", "can",
            "after", "again", "at", "all", "about", "honestly", "really",
            // Common English words no other language here uses as often, so that short English
            // posts are told by their words ("still no response", "i've had no problems").
            "had", "has", "we", "he", "she", "there", "if", "or", "i'm", "i've", "it's", "very",
            "one", "were", "been", "did", "them", "their", "our", "us", "his", "than", "then",
            "only", "out", "up", "get", "got", "every", "yourself", "could", "should", "does",
            "still", "yes", "nope",
            // Short reviews ("Refunded within a day, no questions asked", "Never again, because
            // the support is useless"): words of English alone.
            "within", "without", "into", "because", "when", "which", "who", "these", "those",
            "some", "never", "too", "by", "can't", "won't", "didn't", "doesn't", "isn't",
            // Shared with Spanish ("no") and Portuguese ("as", "do"): counted for English too, so that
            // alone they tie and the other words decide.
            "no", "as", "do",
        ],
    ),
    (
        "es",
        &[
            "el",
            "la",
            "los",
            "las",
            "un",
            "una",
            "y",
            "es",
            "que",
            "de",
            "en",
            "no",
            "mi",
            "lo",
            "muy",
            "por",
            "para",
            "con",
            "pero",
            "su",
            "del",
            "al",
            "se",
            "me",
            "todavía",
            "ha",
            "qué",
            "compren",
            "yo",
            "estoy",
            "pésimo",
            "también",
            // Demonstratives and common verbs of short posts ("me encanta esta tienda"); "esta"
            // and "este" are Portuguese too, so alone they tie.
            "esta",
            "este",
            "esa",
            "ese",
            "eso",
            "está",
            "hay",
            "nada",
            // Waiting and ordering, as complaints say it ("llevo dos semanas esperando mi
            // pedido"): "pedido" and "dos" are Portuguese too, so alone they tie.
            "llevo",
            "llevamos",
            "sin",
            "desde",
            "hace",
            "mis",
            "ya",
            "ni",
            "hoy",
            "pedido",
            "dos",
            "nadie",
            "ninguno",
            "ninguna",
            "llegó",
            // The pronoun of "les recomiendo", "les cuento": French's article too, so alone it
            // ties.
            "les",
            // Short verdicts with no article ("nunca más compro aquí", "todo bien, gracias").
            "más",
            "aquí",
            "nunca",
            "siempre",
            "mucho",
            "todo",
            "bien",
            "gracias",
            "compro",
            // Spoken to several ("no compréis en…", "¿qué queréis?"). Not "os" (you), which is
            // also "OS" in English posts about software.
            // A recommendation or a purchase in one word, as for Portuguese.
            "recomiendo",
            "compré",
            // Words of short complaints Portuguese spells otherwise ("me cobró dos veces", "cobra
            // demasiado": vezes, demais), and the ones it shares whose absence had let Portuguese
            // win on them alone ("servicio de pena": "vale la pena" is Spanish too). Not "tres"
            // (three), which French typed without accents writes for "très".
            "veces",
            "demasiado",
            "encanta",
            "adoro",
            "vale",
            "pena",
            "recibí",
            "compréis",
            "pidáis",
            "contratéis",
            "queréis",
            "tenéis",
        ],
    ),
    (
        "fr",
        &[
            "le",
            "la",
            "les",
            "un",
            "une",
            "et",
            "est",
            "je",
            "de",
            "des",
            "du",
            "en",
            "ne",
            "pas",
            "mon",
            "ma",
            "très",
            "vraiment",
            "pour",
            "avec",
            "mais",
            "ce",
            "qui",
            "que",
            "c'est",
            "n'est",
            "j'ai",
            "toujours",
            "nul",
            // Demonstratives, pronouns and prepositions of short posts ("j'adore cette boutique").
            "cette",
            "ces",
            "cet",
            "sont",
            "nous",
            "vous",
            "elle",
            "dans",
            "chez",
            "sur",
            "au",
            "aux",
            "mes",
            "trop",
            "j'adore",
            "j'aime",
            "d'un",
            "d'une",
            "l'application",
            // Short verdicts ("m'a remboursé en deux jours, rien à dire").
            "m'a",
            "rien",
            "deux",
            "jours",
            "aussi",
            "déjà",
            "jamais",
        ],
    ),
    (
        "de",
        &[
            "der", "die", "das", "ein", "eine", "und", "ist", "ich", "nicht", "mit", "von", "zu",
            "den", "dem", "sehr", "aber", "auch", "nur", "es", "mein", "meine", "wirklich", "noch",
            "immer", "kein", "keine", "sind", "auf", "für", "wir", "sie",
            // Short verdicts with no article ("gerne wieder", "nie wieder bei denen", "alles
            // bestens").
            "wieder", "gerne", "gern", "bei", "nie", "schon", "alles", "hier", "bin", "habe", "hat",
            "war", "echt",
        ],
    ),
    (
        "pt",
        &[
            "o",
            "os",
            "as",
            "um",
            "uma",
            "e",
            "é",
            "que",
            "de",
            "do",
            "da",
            "em",
            "não",
            "meu",
            "minha",
            "muito",
            "para",
            "com",
            "mas",
            "ainda",
            "pedido",
            "vale",
            "pena",
            // "Without" and "too much", which Spanish spells "sin" and "demasiado" ("continua
            // sem responder", "cobra demais").
            "sem",
            "demais",
            "adoro",
            // "If" and the reflexive, as in Spanish ("alguém sabe se … vale a pena?": with "vale"
            // and "pena" now Spanish too, Spanish's "se" had tied it).
            "se",
            "eu",
            "este",
            "esta",
            "isso",
            "você",
            "estou",
            "tem",
            "foi",
            "são",
            "mais",
            "também",
            "já",
            "comprem",
            // Demonstratives and pronouns of short posts ("adoro essa loja"), and "não" typed
            // without its tilde.
            "essa",
            "esse",
            "nao",
            "ele",
            "ela",
            "pra",
            "seu",
            "sua",
            "nessa",
            "nesse",
            // Words no other language here uses ("até agora", "duas vezes", "pelo", "ao"), and
            // "me" and "nada", shared with Spanish: alone they tie ("me cobrou duas vezes e até
            // agora nada" had been Spanish by "me", "nada", "de" against "e", "de").
            "até",
            "agora",
            "ao",
            "aos",
            "pelo",
            "pela",
            "dos",
            "das",
            "na",
            "nas",
            "duas",
            "vezes",
            "hoje",
            "depois",
            "porque",
            "me",
            "nada",
            // Short verdicts with no article ("atendimento nota dez", "custo benefício ótimo",
            // "tudo certo, obrigado").
            "atendimento",
            "custo",
            "loja",
            "produto",
            "obrigado",
            "obrigada",
            "aqui",
            "bem",
            "tudo",
            "sempre",
            "nunca",
            // Verbs of intent no other language here spells so ("vou trocar de operadora, chega
            // de…" had been French by its trigrams, "de" tying three ways).
            "vou",
            "vai",
            "chega",
            // A recommendation or a purchase in one word ("Recomendo a @LojaBR, entrega super
            // rápida" had no other word of Portuguese alone, and fell to the English default).
            "recomendo",
            "comprei",
            "chegou",
            "recebi",
        ],
    ),
];

/// Function word → the languages (a bit per [`FUNCTION_WORDS`] entry) it is a function word of,
/// keyed by its [`packed`] bytes; and the longest function word, in bytes.
type FunctionWordIndex = (rustc_hash::FxHashMap<u128, u8>, usize);

fn function_word_index() -> &'static FunctionWordIndex {
    static INDEX: std::sync::OnceLock<FunctionWordIndex> = std::sync::OnceLock::new();
    INDEX.get_or_init(|| {
        let mut m = rustc_hash::FxHashMap::default();
        let mut longest = 0;
        for (bit, (_, list)) in FUNCTION_WORDS.iter().enumerate() {
            for w in *list {
                longest = longest.max(w.len());
                *m.entry(packed(w.as_bytes()).expect("a function word packs"))
                    .or_insert(0u8) |= 1 << bit;
            }
        }
        (m, longest)
    })
}

/// How many of a text's words are function words of each Latin-script language, and how many
/// words it has.
#[derive(Default)]
struct Tally {
    counts: [usize; FUNCTION_WORDS.len()],
    words: usize,
}

impl Tally {
    /// Counts a word, given as its [`packed`] bytes and its length: every word counts towards
    /// the total, and a word longer than the longest function word is none.
    #[inline]
    fn word(&mut self, (index, longest): &FunctionWordIndex, key: u128, len: usize) {
        self.words += 1;
        if let Some(lang) = spelling_vote(key, len) {
            self.counts[lang] += 1;
        }
        if len > *longest {
            return;
        }
        if let Some(bits) = index.get(&key) {
            for (bit, c) in self.counts.iter_mut().enumerate() {
                if bits & (1 << bit) != 0 {
                    *c += 1;
                }
            }
        }
    }

    /// Whether `code` is one of several languages that share the most function words of the text
    /// (false when the text has none, or one language leads).
    fn ties_for_most(&self, code: &str) -> bool {
        let best = self.counts.iter().copied().max().unwrap_or(0);
        let at_best = |i: usize| best > 0 && self.counts[i] == best;
        (0..FUNCTION_WORDS.len()).filter(|&i| at_best(i)).count() > 1
            && FUNCTION_WORDS
                .iter()
                .position(|(c, _)| *c == code)
                .is_some_and(at_best)
    }

    /// The language most of whose function words the text uses, with by how many it leads the
    /// runner-up; `None` on a tie (none at all included).
    fn decide(&self) -> Option<(LangGuess, usize)> {
        if self.words == 0 {
            return None;
        }
        let mut scores: [(&'static str, usize); FUNCTION_WORDS.len()] =
            std::array::from_fn(|i| (FUNCTION_WORDS[i].0, self.counts[i]));
        scores.sort_by_key(|s| std::cmp::Reverse(s.1));
        let (best, n) = scores[0];
        if n == 0 || scores[1].1 == n {
            return None;
        }
        let lead = n - scores[1].1;
        Some((
            LangGuess {
                code: best.into(),
                confidence: round2(lead as f64 / self.words as f64 + 0.5).min(0.95),
                method: "function_words".into(),
            },
            lead,
        ))
    }
}

/// [`FUNCTION_WORDS`]' entries for Spanish, French and Portuguese.
const ES: usize = 1;
const FR: usize = 2;
const PT: usize = 4;
const _: () = assert!(
    FUNCTION_WORDS[FR].0.as_bytes()[0] == b'f' && FUNCTION_WORDS[FR].0.as_bytes()[1] == b'r'
);
const _: () = assert!(
    FUNCTION_WORDS[ES].0.as_bytes()[0] == b'e' && FUNCTION_WORDS[ES].0.as_bytes()[1] == b's'
);
const _: () = assert!(
    FUNCTION_WORDS[PT].0.as_bytes()[0] == b'p' && FUNCTION_WORDS[PT].0.as_bytes()[1] == b't'
);

/// The language a word's spelling alone tells, for the short posts whose few words are shared
/// ("Acme me cobró dos veces", "A Acme me enganou", "Acme continua sem responder" had no word of
/// one language alone, and fell to Portuguese or to the English default). `key` is the word
/// lowercased as [`packed`] packs it (its first 16 bytes), `len` its length in bytes.
/// - Spanish: an "ñ"; a last syllable "-ó" or "-ón" (the preterite "cobró", "llegó"; "atención",
///   which Portuguese writes "-ção" and French "-tion"), in a word of four letters or more
///   (Portuguese has "só", "avó").
/// - Portuguese: an "ã" or "õ" ("não", "atenção", "avaliações"); a preterite in "-ou" ("enganou",
///   "cobrou", "chegou"), in a word of six letters or more (French has "bisou", "genou"), not
///   a run-together "…you" ("thankyou").
/// - French: an "è" ("très", "problème", "après"), which neither Spanish nor Portuguese writes;
///   an adverb in "-ément" ("énormément", "forcément"; Spanish and Portuguese write "-mente").
///   "L'appli Acme rame énormément" has no function word, and was read as English.
#[inline]
fn spelling_vote(key: u128, len: usize) -> Option<usize> {
    if !(4..=KEY_BYTES).contains(&len) {
        return None;
    }
    let bytes = key.to_le_bytes();
    let word = &bytes[..len];
    let last = |n: usize| &word[len - n..];
    if word.is_ascii() {
        return (len >= 6 && last(2) == b"ou" && word[len - 3] != b'y').then_some(PT);
    }
    // "ñ" C3 B1, "ó" C3 B3, "ã" C3 A3, "õ" C3 B5 (lowercase: the caller lowercased the word).
    let mut es = len >= 5 && (last(2) == [0xC3, 0xB3] || last(3) == [0xC3, 0xB3, b'n']);
    let mut pt = false;
    // "é" C3 A9, "è" C3 A8.
    let mut fr = len >= 8 && last(6) == [0xC3, 0xA9, b'm', b'e', b'n', b't'];
    // Each letter between letters, as words spell it (after a "ç" too: "atenção"); mojibake
    // puts them between other bytes ("Don_Íñ_t").
    for k in 1..len - 1 {
        let before =
            word[k - 1].is_ascii_alphabetic() || (k >= 3 && word[k - 2..k] == [0xC3, 0xA7]);
        let after = word.get(k + 2).is_none_or(u8::is_ascii_alphabetic);
        if word[k] != 0xC3 || !before || !after {
            continue;
        }
        match word[k + 1] {
            0xB1 => es = true,
            0xA3 | 0xB5 => pt = true,
            0xA8 => fr = true,
            _ => {}
        }
    }
    match (es, pt, fr) {
        (true, false, false) => Some(ES),
        (false, true, false) => Some(PT),
        (false, false, true) => Some(FR),
        _ => None,
    }
}

/// The [`Tally`] of a text that is not all ASCII: lowercased, and split into words of letters,
/// digits and apostrophes (straight or curly). The inverted marks "¿" and "¡", which only
/// Spanish writes, count as a Spanish word each where a word follows ("¿Alguien sabe si Acme es
/// fiable?"; not "tumblr?¿?¿").
fn by_function_words(text: &str) -> Tally {
    let index = function_word_index();
    let mut tally = Tally::default();
    tally.counts[ES] += text
        .match_indices(['¿', '¡'])
        .filter(|&(i, m)| text[i + m.len()..].starts_with(char::is_alphabetic))
        .count();
    let lower = crate::classify::lexicon::lowercase_cow(text);
    for w in lower
        .split(|c: char| !(c.is_alphanumeric() || c == '\'' || c == '’'))
        .filter(|w| !w.is_empty())
    {
        let w = w.as_bytes();
        tally.word(index, packed(w).unwrap_or(0), w.len());
    }
    tally
}

/// Words known to the Persian sentiment lexicon and not the Arabic one, and the reverse (learned
/// entries left out: they reflect what the training texts were about, not the language).
fn arabic_script_lexicon_votes(text: &str) -> (usize, usize) {
    use crate::classify::lexicon::{Lexicons, normalize_arabic_script_into};
    let lex = Lexicons::shared();
    let (fa, ar) = (lex.profile("fa"), lex.profile("ar"));
    let mut buf = String::new();
    let mut knows = |p: &crate::classify::lexicon::Profile, w: &str| {
        buf.clear();
        normalize_arabic_script_into(w, p.lang == "fa", &mut buf);
        p.lexicon.contains_key(buf.as_str()) && !p.learned.contains(buf.as_str())
    };
    let (mut f, mut a) = (0, 0);
    for w in text
        .split(|c: char| !is_alphabetic(c))
        .filter(|w| !w.is_empty())
    {
        match (knows(fa, w), knows(ar, w)) {
            (true, false) => f += 1,
            (false, true) => a += 1,
            _ => {}
        }
    }
    (f, a)
}

/// Which Latin-script language's sentiment lexicon knows most of the words (ties: none).
fn by_lexicon(text: &str) -> Option<LangGuess> {
    let lex = crate::classify::lexicon::Lexicons::shared();
    let words: Vec<String> = text
        .split(|c: char| !c.is_alphanumeric())
        .filter(|w| w.chars().count() > 2)
        .map(str::to_lowercase)
        .collect();
    let mut scores: Vec<(&str, usize)> = ["en", "es", "fr", "de", "pt"]
        .iter()
        .map(|l| {
            let p = lex.profile(l);
            (
                *l,
                words
                    .iter()
                    // A supplement zero keeps a word known and weightless (so that no inflection
                    // reaches into another word); it says nothing of the language ("not", need
                    // in German, is English's "not").
                    .filter(|w| p.lexicon.get(w.as_str()).is_some_and(|v| *v != 0.0))
                    .count(),
            )
        })
        .collect();
    scores.sort_by_key(|s| std::cmp::Reverse(s.1));
    let (best, n) = scores[0];
    (n > 0 && scores[1].1 < n).then(|| LangGuess {
        code: best.into(),
        confidence: 0.5,
        method: "lexicon".into(),
    })
}

fn round2(x: f64) -> f64 {
    (x * 100.0).round() / 100.0
}

/// The ISO 639-1 code of every language whatlang detects. The match has no wildcard, so a whatlang
/// release that adds a language fails to build here instead of letting a three-letter code into
/// `lang.code` (a dashboard grouping by language would see two code systems).
fn iso639_1(l: Lang) -> &'static str {
    use Lang::*;
    match l {
        Epo => "eo",
        Eng => "en",
        Rus => "ru",
        Cmn => "zh",
        Spa => "es",
        Por => "pt",
        Ita => "it",
        Ben => "bn",
        Fra => "fr",
        Deu => "de",
        Ukr => "uk",
        Kat => "ka",
        Ara => "ar",
        Hin => "hi",
        Jpn => "ja",
        Heb => "he",
        Yid => "yi",
        Pol => "pl",
        Amh => "am",
        Jav => "jv",
        Kor => "ko",
        Nob => "nb",
        Dan => "da",
        Swe => "sv",
        Fin => "fi",
        Tur => "tr",
        Nld => "nl",
        Hun => "hu",
        Ces => "cs",
        Ell => "el",
        Bul => "bg",
        Bel => "be",
        Mar => "mr",
        Kan => "kn",
        Ron => "ro",
        Slv => "sl",
        Hrv => "hr",
        Srp => "sr",
        Mkd => "mk",
        Lit => "lt",
        Lav => "lv",
        Est => "et",
        Tam => "ta",
        Vie => "vi",
        Urd => "ur",
        Tha => "th",
        Guj => "gu",
        Uzb => "uz",
        Pan => "pa",
        Aze => "az",
        Ind => "id",
        Tel => "te",
        Pes => "fa",
        Mal => "ml",
        Ori => "or",
        Mya => "my",
        Nep => "ne",
        Sin => "si",
        Khm => "km",
        Tuk => "tk",
        Aka => "ak",
        Zul => "zu",
        Sna => "sn",
        Afr => "af",
        Lat => "la",
        Slk => "sk",
        Cat => "ca",
        Tgl => "tl",
        Hye => "hy",
        Cym => "cy",
    }
}

/// The ISO 639-1 code for a three-letter code a feed may send instead: the ISO 639-3 codes whatlang
/// knows ("fra", "pes", "ara") through whatlang, and here the ISO 639-2 bibliographic codes and the
/// Persian and Arabic codes it does not know. `None` for a language with no two-letter code, which
/// then keeps its own.
fn two_letter(code: &str) -> Option<&'static str> {
    Some(match code {
        "fre" => "fr",
        "ger" => "de",
        // Persian: its bibliographic code, the macrolanguage and Dari.
        "per" | "fas" | "prs" => "fa",
        // Arabic: Standard, Egyptian and Levantine Arabic.
        "arb" | "arz" | "apc" | "ajp" => "ar",
        "chi" | "zho" => "zh",
        "dut" => "nl",
        "gre" => "el",
        "cze" => "cs",
        "rum" => "ro",
        "slo" => "sk",
        "arm" => "hy",
        "geo" => "ka",
        "mac" => "mk",
        "bur" => "my",
        "wel" => "cy",
        other => return Lang::from_code(other).map(iso639_1),
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn weightless_words_cast_no_lexicon_vote() {
        // German "not" (need) is a supplement zero, kept known so that no inflection reaches
        // into another word; it is English's "not" as often, and votes for no language.
        assert_eq!(
            crate::classify::lexicon::Lexicons::shared()
                .profile("de")
                .lexicon
                .get("not"),
            Some(&0.0)
        );
        assert!(by_lexicon("o man, not cool.").is_none_or(|g| g.code != "de"));
    }

    #[test]
    fn the_letter_tables_agree_with_the_standard_library() {
        for c in (0..=0x10FFFFu32).filter_map(char::from_u32) {
            assert_eq!(is_alphabetic(c), c.is_alphabetic(), "U+{:04X}", c as u32);
            let f = classes().of(c);
            assert_eq!(f, class_of(c), "U+{:04X}", c as u32);
            assert_eq!(f & ALNUM != 0, c.is_alphanumeric(), "U+{:04X}", c as u32);
        }
    }

    /// Generated text for the fast paths' tests: words from the function-word and Arabic-script
    /// lists (in either keyboard's spelling, in capitals), URLs, handles and tags behind
    /// punctuation, long words, every kind of whitespace and near-whitespace, apostrophes,
    /// zero-width non-joiners, presentation forms, emoji and mojibake.
    fn generated_texts(ascii_only: bool) -> Vec<String> {
        let mut rng = fastrand::Rng::with_seed(0x1A96);
        let mut pieces: Vec<String> = FUNCTION_WORDS
            .iter()
            .flat_map(|(_, l)| l.iter())
            .flat_map(|w| [w.to_string(), w.to_uppercase()])
            .collect();
        pieces.extend(
            [
                "http://x.co/a",
                "https://t.co/5FFyq",
                "www.fernway.com",
                "@maya",
                "#fail",
                "(@maya",
                "\"#tag\"",
                "...http://a",
                "Http://no",
                "ht",
                "http:/x",
                "@",
                "#",
                "don't",
                "it's",
                "'",
                "''",
                "l'",
                "supercalifragilisticexpialidocious",
                "ABCDEFGHIJKLMNOPQ",
                "abcdefghijklmnop",
                "x",
                "42",
                "a1",
                ".",
                ",",
                "!!",
                "-",
                "\u{0B}",
                "\u{0C}",
                "\r\n",
                "\t",
            ]
            .map(String::from),
        );
        if !ascii_only {
            pieces.extend(PERSIAN_WORDS.iter().chain(ARABIC_WORDS).flat_map(|w| {
                let arabic_keyboard: String = w
                    .chars()
                    .map(|c| match c {
                        'ی' => 'ي',
                        'ک' => 'ك',
                        c => c,
                    })
                    .collect();
                [
                    w.to_string(),
                    arabic_keyboard,
                    format!("ال{w}"),
                    format!("می\u{200C}{w}"),
                ]
            }));
            pieces.extend(
                [
                    "ال",
                    "الب",
                    "الكتاب",
                    // Respelled letters at odd byte offsets, across the 16 bytes a key keeps.
                    "xكيكيكيكيكي",
                    "xyzالكيكيكي",
                    "مي\u{200C}",
                    "\u{200C}",
                    "\u{200D}",
                    "ﻻ",
                    "ﷲ",
                    "😀",
                    "👍🏽",
                    "é",
                    "Ñandú",
                    "’",
                    "don’t",
                    "İstanbul",
                    "ΣΟΦΟΣ",
                    "_Í_Íñ_Í__Í_Íñ",
                    "١٢٣",
                    "۴۵",
                    "\u{85}",
                    "\u{A0}",
                    "\u{1680}",
                    "\u{2000}",
                    "\u{200A}",
                    "\u{2028}",
                    "\u{2029}",
                    "\u{202F}",
                    "\u{205F}",
                    "\u{3000}",
                    "\u{180E}",
                    "\u{200B}",
                    "\u{FEFF}",
                    "\u{1F}",
                    "中文",
                    "ق@ق",
                    "#يا_خراشي",
                    "@علي",
                ]
                .map(String::from),
            );
        }
        if ascii_only {
            pieces.retain(|p| p.is_ascii());
        }
        let seps = [" ", " ", " ", "  ", "\n", "\t", "", ",", ". ", "\u{0B}"];
        (0..4000)
            .map(|_| {
                let mut t = String::new();
                for _ in 0..rng.usize(0..14) {
                    t.push_str(&pieces[rng.usize(..pieces.len())]);
                    t.push_str(seps[rng.usize(..seps.len())]);
                }
                t
            })
            .collect()
    }

    /// The noise filter as first written: `split_whitespace`, then each word from its first
    /// letter, digit, `@` or `#`.
    fn without_noise_by_chars(text: &str) -> String {
        let mut kept = String::new();
        for w in text.split_whitespace() {
            let bare = w.trim_start_matches(|c: char| !c.is_alphanumeric() && c != '@' && c != '#');
            if !(bare.starts_with("http://")
                || bare.starts_with("https://")
                || bare.starts_with("www.")
                || bare.starts_with('@')
                || bare.starts_with('#'))
            {
                if !kept.is_empty() {
                    kept.push(' ');
                }
                kept.push_str(w);
            }
        }
        kept
    }

    #[test]
    fn the_noise_filter_splits_and_keeps_as_split_whitespace_does() {
        for t in generated_texts(false) {
            let has_noise = t.contains(['@', '#']) || t.contains("http") || t.contains("www.");
            let want = if has_noise {
                without_noise_by_chars(&t)
            } else {
                t.clone()
            };
            assert_eq!(without_noise(&t), want, "{t:?}");
        }
    }

    /// The ASCII pass against cleaning the text, then counting its letters and tallying the
    /// function words of its lowercased words, one step after another.
    #[test]
    fn the_ascii_pass_counts_as_the_steps_one_by_one() {
        let index = function_word_index();
        for t in generated_texts(true) {
            assert!(t.is_ascii());
            let cleaned = without_noise(&t);
            let (letters, tally) = ascii_pass(t.as_bytes());
            assert_eq!(
                letters,
                cleaned.bytes().filter(u8::is_ascii_alphabetic).count(),
                "{t:?}"
            );
            let mut want = Tally::default();
            let lower = cleaned.to_ascii_lowercase();
            for w in lower
                .split(|c: char| !(c.is_ascii_alphanumeric() || c == '\''))
                .filter(|w| !w.is_empty())
            {
                want.words += 1;
                for (bit, (_, list)) in FUNCTION_WORDS.iter().enumerate() {
                    want.counts[bit] += usize::from(list.contains(&w));
                }
                if let Some(lang) = packed(w.as_bytes()).and_then(|k| spelling_vote(k, w.len())) {
                    want.counts[lang] += 1;
                }
            }
            assert_eq!(
                (tally.words, tally.counts),
                (want.words, want.counts),
                "{t:?}"
            );
            assert!(index.1 <= KEY_BYTES);
            // And the whole detector agrees with the general path on the same text.
            assert_eq!(
                format!("{:?}", tally.decide()),
                format!("{:?}", by_function_words(&cleaned).decide()),
                "{t:?}"
            );
        }
    }

    /// The Arabic-script vote as first written: words as strings, respelled as they are read,
    /// looked up in sets of strings.
    fn arabic_script_votes_by_strings(text: &str) -> (usize, usize) {
        let fa: Vec<String> = PERSIAN_WORDS
            .iter()
            .filter(|w| !w.contains(['ي', 'ك']))
            .map(|w| w.to_string())
            .collect();
        let ar: Vec<String> = ARABIC_WORDS
            .iter()
            .filter(|w| !w.contains(['ی', 'ک']))
            .map(|w| w.chars().map(persian_spelling).collect())
            .collect();
        let (mut f, mut a) = (0, 0);
        let words = text
            .split(|c: char| !(c.is_alphabetic() || c == '\u{200C}'))
            .filter(|w| !w.is_empty());
        for typed in words {
            let w: String = typed.chars().map(persian_spelling).collect();
            if fa.contains(&w) || w.starts_with("می\u{200C}") || w.contains('ژ') {
                f += 1;
            }
            let persian_typed = typed.contains(['ی', 'ک']);
            if !persian_typed && (ar.contains(&w) || (w.starts_with("ال") && w.chars().count() > 3))
            {
                a += 1;
            }
        }
        (f, a)
    }

    #[test]
    fn the_arabic_script_vote_counts_as_by_strings() {
        for t in generated_texts(false) {
            assert_eq!(
                arabic_script_votes(&t),
                arabic_script_votes_by_strings(&t),
                "{t:?}"
            );
        }
    }

    fn code(t: &str) -> String {
        LangDetector::new().detect(t, None).code.into_owned()
    }

    #[test]
    fn every_detected_language_has_its_own_two_letter_code() {
        let mut seen = std::collections::BTreeMap::new();
        for &l in Lang::all() {
            let c = iso639_1(l);
            assert!(
                c.len() == 2 && c.bytes().all(|b| b.is_ascii_lowercase()),
                "{l:?}: {c}"
            );
            assert_eq!(seen.insert(c, l), None, "{c} twice");
            // A feed sending whatlang's own three-letter code lands on the same code.
            assert_eq!(two_letter(l.code()), Some(c), "{l:?}");
        }
    }

    #[test]
    fn three_letter_feed_tags_become_the_two_letter_code() {
        let code = |tag: &str| LangDetector::from_feed(tag).map(|g| g.code.into_owned());
        for (tag, want) in [
            ("fas", "fa"),
            ("per", "fa"),
            ("pes-IR", "fa"),
            ("ara", "ar"),
            ("arz", "ar"),
            ("fre", "fr"),
            ("fra-CA", "fr"),
            ("ger", "de"),
            ("deu", "de"),
            ("spa", "es"),
            ("por_BR", "pt"),
            ("eng", "en"),
            ("pt-BR", "pt"),
            ("EN", "en"),
            // No two-letter code exists: the feed's code stays.
            ("haw", "haw"),
            ("yue", "yue"),
        ] {
            assert_eq!(code(tag).as_deref(), Some(want), "{tag}");
        }
        assert_eq!(code("e"), None);
        assert_eq!(code("english"), None);
        // A Persian post tagged "fas" is scored with the Persian profile, as one tagged "fa" is.
        let c = crate::classify::Classifier::new(&[], &Default::default()).unwrap();
        let text = "کیفیت این گوشی خیلی خوب نیست";
        let (fas, fa) = (c.analyze(text, Some("fas")), c.analyze(text, Some("fa")));
        assert_eq!(fas.classification.lang.code, "fa");
        assert_eq!(
            format!("{:?}", fas.classification.sentiment),
            format!("{:?}", fa.classification.sentiment)
        );
        assert_eq!(
            fa.classification.sentiment.label,
            crate::model::SentimentLabel::Negative
        );
    }

    #[test]
    fn detects_the_scored_languages() {
        assert_eq!(
            code("I really love this phone, the battery lasts forever"),
            "en"
        );
        assert_eq!(
            code("Me encanta este teléfono, la batería dura muchísimo"),
            "es"
        );
        assert_eq!(
            code("J'adore ce téléphone, la batterie tient très longtemps"),
            "fr"
        );
        assert_eq!(code("Ich liebe dieses Telefon, der Akku hält ewig"), "de");
        assert_eq!(code("Eu adoro este telefone, a bateria dura muito"), "pt");
        assert_eq!(code("این گوشی را خیلی دوست دارم، باتری اش عالی است"), "fa");
        assert_eq!(code("أحب هذا الهاتف كثيرا، البطارية ممتازة"), "ar");
        // Short posts, where trigram statistics are weak.
        assert_eq!(code("I highly recommend Kestrel Mobile!!"), "en");
        assert_eq!(code("No compren @lumora, es una estafa"), "es");
        assert_eq!(code("Je recommande Fernway"), "fr");
        // "me" is English, Spanish and Portuguese: a very weak trigram guess does not take the
        // tie from English; a Portuguese or Spanish verb still decides.
        assert_eq!(code("Update: Lumora refunded me today."), "en");
        assert_eq!(code("o man, not cool."), "en");
        assert_eq!(code("Fernway me cobrou duas vezes"), "pt");
        assert_eq!(code("me devolvieron el dinero"), "es");
    }

    /// Two function words more than any other language's decide, however long the post: trigram
    /// statistics had called these English posts with mojibake Spanish and Portuguese.
    #[test]
    fn a_lead_of_two_function_words_decides() {
        let d = LangDetector::new();
        for t in [
            "Watch on #Periscope: Advice from Nike #quickscope _Í_Íñ_Í__Í_Íñ_Í_ https://t.co/5FFyq",
            "@maya good evening my precious Maya__Í_Í©__Í_Í© wish you a fabulous evening diva__Í_",
        ] {
            let g = d.detect(t, None);
            assert_eq!((&*g.code, &*g.method), ("en", "function_words"), "{t}");
            assert!(
                g.confidence < 0.7,
                "{t}: a fifth of the words was not reached"
            );
        }
        // A lead of one is not enough: the trigrams decide ("as" is Portuguese as well).
        let g = d.detect(
            "both creative and third-party powered speakers work great, as do wireless transmitters",
            None,
        );
        assert_eq!((&*g.code, &*g.method), ("en", "detector"));
    }

    #[test]
    fn arabic_script_ties_and_latin_brand_names() {
        // Typed on an Arabic keyboard, nothing decisive but a Persian lexicon word.
        assert_eq!(code("عالي.."), "fa");
        // A Latin brand name inside an Arabic or Persian post does not make it English.
        assert_eq!(code("Fernway عالي"), "fa");
        assert_eq!(code("احذروا من Acme نصابين"), "ar");
        assert_eq!(code("جهاز Fernway معطل من اول يوم، سيء جدا"), "ar");
        // More Latin letters than Arabic ones, but none of them says which language: names.
        assert_eq!(code("احب Kestrel network signal كثيرا."), "ar");
        assert_eq!(code("Bioshock و MassEffect لذت ببريد."), "fa");
        // Colloquial Persian and its verb endings, typed on an Arabic keyboard.
        assert_eq!(code("ازش راضيم.."), "fa");
        assert_eq!(code("من راضي هستم."), "fa");
        assert_eq!(code("قصد خريد آنرا داشته باشد."), "fa");
        // A word typed with Persian ی or ک is no vote for Arabic, which types ي and ك: "کل" is
        // Persian "whole" here, not Arabic "all"; typed "كل", it is Arabic's.
        assert_eq!(code("در کل راضیم"), "fa");
        assert_eq!(arabic_script_votes("کل"), (0, 0));
        assert_eq!(arabic_script_votes("كل"), (0, 1));
        assert_eq!(arabic_script_votes("الکترونیکی"), (0, 0));
        assert_eq!(code("كل شي تمام"), "ar");
        // A word with ژ, a letter Arabic writing does not use, votes Persian: the article of
        // "العادست" (فوق‌العاده است, run together) had made this Arabic.
        assert_eq!(arabic_script_votes("شارژش"), (1, 0));
        assert_eq!(code("سرعت شارژش فوق العادست."), "fa");
        // Letters in their presentation forms are the letters they shape: Persian ones vote
        // Persian (this text had been called Arabic), and Arabic stays Arabic.
        assert_eq!(code("ﻣﻦ ﺍﺯ ﺍﯾﻦ ﮔﻮﺷﯽ ﺭﺍﺿﯽ ﻫﺴﺘﻢ"), "fa");
        assert_eq!(code("ﺍﯾﻦ ﮔﻮﺷﯽ ﺧﯿﻠﯽ ﺑﺪ ﺍﺳﺖ"), "fa");
        assert_eq!(code("ﻻ ﺍﻧﺼﺢ ﺑﻬﺬﺍ ﺍﻟﻤﻨﺘﺞ"), "ar");
    }

    /// Words English shares with Spanish ("no") and Portuguese ("as", "do") count for English too,
    /// and the common words only English uses count at all: a two-word English review had been
    /// called Spanish with confidence 0.95 for its "no".
    #[test]
    fn short_english_posts_with_shared_words_stay_english() {
        for t in [
            "still no response.",
            "no instructions.",
            "do not recommend.",
            "i've had no problems.",
            "great phone, great service, no voice dialing.",
            "the zen serves as a back-up device as well as a player.",
            "as i travel quite a lot, i'd want something with gsm",
        ] {
            assert_eq!(code(t), "en", "{t}");
        }
        // The shared words still count for the other language.
        assert_eq!(code("No me gusta nada, no lo compren"), "es");
        assert_eq!(code("Não comprem, o produto chegou quebrado"), "pt");
    }

    /// Short verdicts with no article or pronoun, which had fallen to the English default.
    #[test]
    fn short_verdicts_are_told_by_their_words() {
        let d = LangDetector::new();
        for (t, want) in [
            ("Nunca más compro aquí", "es"),
            ("Gerne wieder", "de"),
            ("Atendimento nota dez", "pt"),
            ("Custo benefício excelente", "pt"),
            ("Recomendo a @LojaBR, entrega super rápida", "pt"),
            ("Recomiendo @TiendaYa, envío rapidísimo", "es"),
        ] {
            assert_eq!(&*d.detect(t, None).code, want, "{t}");
        }
    }

    /// Short Spanish and Portuguese posts share most of their few words; the spelling of one of
    /// them, or Spanish's inverted marks, tells them apart (each had been the other language or
    /// the English default).
    #[test]
    fn short_spanish_and_portuguese_posts_are_told_by_their_spelling() {
        let d = LangDetector::new();
        for (t, want) in [
            ("Acme me cobró dos veces", "es"),
            ("¿Alguien sabe si Acme es fiable?", "es"),
            ("Servicio de Acme de pena", "es"),
            ("Acme cobra demasiado", "es"),
            ("la entrega de mañana", "es"),
            ("Qué mala atención", "es"),
            ("A Acme me enganou", "pt"),
            ("Acme continua sem responder", "pt"),
            ("Acme cobra demais", "pt"),
            ("Adoro a Acme", "pt"),
            ("Que porcaria, quebrou no primeiro uso", "pt"),
            ("Alguém sabe se o Acme X2 vale a pena?", "pt"),
            ("L'appli Acme rame énormément", "fr"),
            ("Acme: livraison rapide, problème réglé", "fr"),
            // A French dish in an English post is still English.
            ("The crème brûlée at Acme was great", "en"),
            // Not from mojibake, emoticon punctuation or a run-together "thank you".
            ("Don_Íñ_t Even Think About Starting A Business Now", "en"),
            ("Girl who used tumblr?¿?¿", "en"),
            ("thankyou so much for the help", "en"),
        ] {
            let g = d.detect(t, None);
            assert_eq!(&*g.code, want, "{t}: {g:?}");
        }
        let vote = |w: &str| spelling_vote(packed(w.as_bytes()).unwrap(), w.len());
        assert_eq!(vote("cobró"), Some(ES));
        assert_eq!(vote("atención"), Some(ES));
        assert_eq!(vote("año"), Some(ES));
        assert_eq!(vote("señor"), Some(ES));
        assert_eq!(vote("avó"), None);
        assert_eq!(vote("não"), Some(PT));
        assert_eq!(vote("atenção"), Some(PT));
        assert_eq!(vote("enganou"), Some(PT));
        assert_eq!(vote("bisou"), None);
        assert_eq!(vote("fuckyou"), None);
        assert_eq!(vote("íñ"), None);
        assert_eq!(vote("problème"), Some(FR));
        assert_eq!(vote("énormément"), Some(FR));
        assert_eq!(vote("forcément"), Some(FR));
        assert_eq!(vote("également"), None);
        assert_eq!(vote("statement"), None);
        assert_eq!(vote("finalmente"), None);
    }

    /// Short Persian posts with no letter only Persian writes are told by its own words ("still",
    /// "has not given"), where the article-less words had made them Arabic.
    #[test]
    fn short_persian_posts_without_persian_letters_are_persian() {
        let d = LangDetector::new();
        for t in ["Acme هنوز جواب نداده", "مرسی Acme بابت هیچی"] {
            assert_eq!(&*d.detect(t, None).code, "fa", "{t}");
        }
        assert_eq!(&*d.detect("شكرا Acme على ولا شي", None).code, "ar");
    }

    /// Function words that tie name the candidates; a trigram guess too weak to stand alone picks
    /// among them, instead of the English default.
    #[test]
    fn tied_function_words_narrow_a_weak_trigram_guess() {
        let d = LangDetector::new();
        for (t, want) in [
            ("servicio de la empresa", "es"),
            ("la entrega de la semana", "es"),
            ("embalagem de baixa qualidade", "pt"),
            ("protégés par un régime de", "fr"),
        ] {
            let g = d.detect(t, None);
            assert_eq!(&*g.code, want, "{t}: {g:?}");
            assert_eq!(&*g.method, "detector", "{t}: {g:?}");
        }
    }

    #[test]
    fn a_post_of_only_tags_is_read_from_the_tags() {
        let d = LangDetector::new();
        let g = d.detect("#يا_خراشي", None);
        assert_eq!((&*g.code, &*g.method), ("ar", "hashtags"));
        assert_eq!(d.detect("#worst_service_ever #fail", None).code, "en");
        // Tags beside words are still ignored.
        assert_eq!(d.detect("#fail je recommande Fernway", None).code, "fr");
    }

    #[test]
    fn feed_tag_wins_and_no_letters_is_und() {
        let d = LangDetector::new();
        assert_eq!(d.detect("hola", Some("pt-BR")).code, "pt");
        assert_eq!(d.detect("😀 !!! 123", None).code, "und");
    }
}
