//! Language detection. A feed's own `lang` wins. Otherwise: Arabic script is split into Persian or
//! Arabic by the letters only Persian uses (fast, and more reliable on short texts than n-grams);
//! Latin script goes to whatlang restricted to the languages Earshot scores; anything else is
//! whatlang's best guess, and a text with no letters is `und`.

use super::lexicon::char_at;
use whatlang::{Detector, Lang};

use crate::model::LangGuess;

pub struct LangDetector {
    latin: Detector,
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

    pub fn detect(&self, text: &str, declared: Option<&str>) -> LangGuess {
        if let Some(g) = declared.and_then(Self::from_feed) {
            return g;
        }
        let original = text;
        // URLs, @handles and #tags say nothing about the language a person writes in.
        // Most posts have none of them: no copy then.
        // On bytes: `@` and `#` are ASCII, which never occurs inside a longer character, and a
        // `char` pattern would decode every character of the text.
        let has_noise = text.bytes().any(|b| b == b'@' || b == b'#')
            || text.contains("http")
            || text.contains("www.");
        let cleaned: std::borrow::Cow<str> = if has_noise {
            let mut kept = String::with_capacity(text.len());
            for w in text.split_whitespace() {
                let bare =
                    w.trim_start_matches(|c: char| !is_alphanumeric(c) && c != '@' && c != '#');
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
            kept.into()
        } else {
            text.into()
        };
        let text = &*cleaned;
        let (mut letters, mut arabic, mut persian, mut latin) = (0usize, 0usize, 0usize, 0usize);
        // Letters only Arabic uses.
        let mut arabic_only = 0usize;
        // ASCII bytes are counted as bytes (an ASCII character is alphabetic exactly when it is
        // an ASCII letter): most characters of most posts, which spares decoding them.
        let bytes = text.as_bytes();
        let mut i = 0;
        while i < bytes.len() {
            let b = bytes[i];
            if b < 0x80 {
                let letter = usize::from(b.is_ascii_alphabetic());
                letters += letter;
                latin += letter;
                i += 1;
                continue;
            }
            let (c, len) = char_at(text, i);
            i += len;
            if !is_alphabetic(c) {
                continue;
            }
            letters += 1;
            if is_arabic_script(c) {
                arabic += 1;
                if is_persian_letter(c) {
                    persian += 1;
                } else if matches!(c, 'ة' | 'ى') {
                    arabic_only += 1;
                }
            } else if c.is_ascii_alphabetic() || ('\u{00C0}'..='\u{024F}').contains(&c) {
                latin += 1;
            }
        }
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
        if arabic * 3 > letters {
            // Letters only one of the two languages uses, plus their most common words: many Persian
            // posts are typed on Arabic keyboards (ي for ی, ك for ک), so letters alone mislead.
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
            let (persian, arabic_only) = (fa_score, ar_score);
            let conf = (0.6
                + 0.4 * (persian.abs_diff(arabic_only) as f64 / (arabic as f64).max(1.0)) * 5.0)
                .min(1.0);
            return LangGuess {
                code: code.into(),
                confidence: round2(conf),
                method: "script".into(),
            };
        }
        let info = if latin * 2 > letters {
            // Cheap and decisive on most posts: several function words of one language. Decisive
            // when they are a fifth of the words more than the runner-up's, or at least two more:
            // on the 25,000 Latin-script dev and demo texts where the fifth was not reached, a lead
            // of two agreed with the trigram detector on all but 6 of 1,135 texts, and of those 6 it
            // was right on 5 (English with mojibake, which trigrams called Spanish or Portuguese).
            // Trigrams cost 20-30 us a text, more than the rest of the classification.
            let by_words = by_function_words(text);
            if let Some((g, lead)) = &by_words
                && (g.confidence >= 0.7 || *lead >= 2)
            {
                return g.clone();
            }
            let by_words = by_words.map(|(g, _)| g);
            let info = self.latin.detect(text);
            // Trigram statistics are unreliable on short posts; function words are not.
            if !info.as_ref().is_some_and(|i| i.is_reliable()) {
                if let Some(g) = by_words.or_else(|| by_lexicon(text)) {
                    return g;
                }
                if info.as_ref().is_none_or(|i| i.confidence() < 0.5) {
                    return LangGuess {
                        code: "en".into(),
                        confidence: 0.3,
                        method: "default".into(),
                    };
                }
            }
            info
        } else {
            whatlang::detect(text)
        };
        match info {
            Some(info) => {
                let code = iso639_1(info.lang());
                LangGuess {
                    code: code.into(),
                    confidence: round2(info.confidence()),
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

const PERSIAN_WORDS: &[&str] = &[
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

/// `c.is_alphabetic()`, from a table for the first 2,048 code points (Latin with its accents, Greek,
/// Cyrillic, Hebrew, Arabic and Persian): the standard library answers every non-ASCII character by
/// a binary search over the Unicode tables, which had been a noticeable share of detecting the
/// language of an Arabic or Persian post. The table is built from `char::is_alphabetic` itself.
#[inline]
fn is_alphabetic(c: char) -> bool {
    match tables(c) {
        Some((letters, _)) => letters,
        None => c.is_alphabetic(),
    }
}

/// `c.is_alphanumeric()`, from the same kind of table as [`is_alphabetic`].
#[inline]
fn is_alphanumeric(c: char) -> bool {
    match tables(c) {
        Some((_, alphanumeric)) => alphanumeric,
        None => c.is_alphanumeric(),
    }
}

/// `(is_alphabetic, is_alphanumeric)` of a code point below U+0800, from bit tables built from the
/// standard library's answers; `None` above.
#[inline]
fn tables(c: char) -> Option<(bool, bool)> {
    const N: usize = 2048;
    static TABLES: std::sync::OnceLock<[[u64; N / 64]; 2]> = std::sync::OnceLock::new();
    let n = c as usize;
    if n >= N {
        return None;
    }
    let t = TABLES.get_or_init(|| {
        let mut t = [[0u64; N / 64]; 2];
        for (i, c) in (0..N as u32).filter_map(|i| Some((i as usize, char::from_u32(i)?))) {
            t[0][i / 64] |= u64::from(c.is_alphabetic()) << (i % 64);
            t[1][i / 64] |= u64::from(c.is_alphanumeric()) << (i % 64);
        }
        t
    });
    let bit = |t: &[u64; N / 64]| t[n / 64] >> (n % 64) & 1 == 1;
    Some((bit(&t[0]), bit(&t[1])))
}

/// Counts (Persian, Arabic) function words; a word starting with the article "ال" counts as Arabic.
/// Words are compared in one spelling of yeh/kaf (Persian's, into which both lists are put), so
/// Persian typed on an Arabic keyboard and Arabic typed on a Persian one both count: a list entry
/// in the other language's spelling could never match, and is left out of the set. One pass reads
/// the words into one buffer, respelled as they are read.
fn arabic_script_votes(text: &str) -> (usize, usize) {
    type Set = rustc_hash::FxHashSet<String>;
    static SETS: std::sync::OnceLock<(Set, Set, usize)> = std::sync::OnceLock::new();
    let (persian_words, arabic_words, longest) = SETS.get_or_init(|| {
        let fa: Set = PERSIAN_WORDS
            .iter()
            .filter(|w| !w.contains(['ي', 'ك']))
            .map(|w| w.to_string())
            .collect();
        let ar: Set = ARABIC_WORDS
            .iter()
            .filter(|w| !w.contains(['ی', 'ک']))
            .map(|w| w.chars().map(persian_spelling).collect())
            .collect();
        let longest = fa.iter().chain(&ar).map(String::len).max().unwrap_or(0);
        (fa, ar, longest)
    });
    let (mut fa, mut ar) = (0, 0);
    let mut word = String::new();
    let mut vote = |w: &str| {
        // Longer words are in neither set: no hashing.
        let short = w.len() <= *longest;
        if (short && persian_words.contains(w)) || w.starts_with("می\u{200C}") {
            fa += 1;
        }
        if (short && arabic_words.contains(w)) || (w.starts_with("ال") && w.chars().count() > 3) {
            ar += 1;
        }
    };
    for c in text.chars() {
        if is_alphabetic(c) || c == '\u{200C}' {
            word.push(persian_spelling(c));
        } else if !word.is_empty() {
            vote(&word);
            word.clear();
        }
    }
    if !word.is_empty() {
        vote(&word);
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
        ],
    ),
    (
        "es",
        &[
            "el", "la", "los", "las", "un", "una", "y", "es", "que", "de", "en", "no", "mi", "lo",
            "muy", "por", "para", "con", "pero", "su", "del", "al", "se", "me", "todavía", "ha",
            "qué", "compren", "yo", "estoy", "pésimo", "también",
        ],
    ),
    (
        "fr",
        &[
            "le", "la", "les", "un", "une", "et", "est", "je", "de", "des", "du", "en", "ne",
            "pas", "mon", "ma", "très", "vraiment", "pour", "avec", "mais", "ce", "qui", "que",
            "c'est", "n'est", "j'ai", "toujours", "nul",
        ],
    ),
    (
        "de",
        &[
            "der", "die", "das", "ein", "eine", "und", "ist", "ich", "nicht", "mit", "von", "zu",
            "den", "dem", "sehr", "aber", "auch", "nur", "es", "mein", "meine", "wirklich", "noch",
            "immer", "kein", "keine", "sind", "auf", "für", "wir", "sie",
        ],
    ),
    (
        "pt",
        &[
            "o", "os", "as", "um", "uma", "e", "é", "que", "de", "do", "da", "em", "não", "meu",
            "minha", "muito", "para", "com", "mas", "ainda", "pedido", "vale", "pena", "eu",
            "este", "esta", "isso", "você", "estou", "tem", "foi", "são", "mais", "também", "já",
            "comprem",
        ],
    ),
];

/// The Latin-script language most of whose function words the text uses, with by how many it leads
/// the runner-up; `None` on a tie (none at all included).
fn by_function_words(text: &str) -> Option<(LangGuess, usize)> {
    // Word → the languages (bit per FUNCTION_WORDS entry) it is a function word of; and the longest
    // function word, in bytes.
    // Keyed by bytes: the ASCII path's words are lowercased into a byte buffer, which need not be
    // checked as UTF-8 again to be looked up.
    type Index = (rustc_hash::FxHashMap<&'static [u8], u8>, usize);
    static INDEX: std::sync::OnceLock<Index> = std::sync::OnceLock::new();
    let (index, longest) = INDEX.get_or_init(|| {
        let mut m = rustc_hash::FxHashMap::default();
        for (bit, (_, list)) in FUNCTION_WORDS.iter().enumerate() {
            for w in *list {
                *m.entry(w.as_bytes()).or_insert(0u8) |= 1 << bit;
            }
        }
        let longest = m.keys().map(|w| w.len()).max().unwrap_or(0);
        (m, longest)
    });
    let mut counts = [0usize; FUNCTION_WORDS.len()];
    let mut n_words = 0usize;
    // Every word counts towards the total; `None` is a word too long to be a function word.
    let mut count = |w: Option<&[u8]>| {
        n_words += 1;
        if let Some(bits) = w.and_then(|w| index.get(w)) {
            for (bit, c) in counts.iter_mut().enumerate() {
                if bits & (1 << bit) != 0 {
                    *c += 1;
                }
            }
        }
    };
    if text.is_ascii() {
        // Most posts: words split from the text's bytes as it is and lowercased one by one into a
        // stack buffer, and only those short enough to be a function word (the same words as
        // splitting the lowercased text: ASCII lowercasing changes no character's class).
        let mut buf = [0u8; 16];
        for w in text
            .as_bytes()
            .split(|&b| !(b.is_ascii_alphanumeric() || b == b'\''))
            .filter(|w| !w.is_empty())
        {
            if w.len() > *longest || w.len() > buf.len() {
                count(None);
                continue;
            }
            let lower = &mut buf[..w.len()];
            lower.copy_from_slice(w);
            lower.make_ascii_lowercase();
            count(Some(lower));
        }
    } else {
        let lower = crate::classify::lexicon::lowercase_cow(text);
        for w in lower
            .split(|c: char| !(c.is_alphanumeric() || c == '\'' || c == '’'))
            .filter(|w| !w.is_empty())
        {
            count(Some(w.as_bytes()));
        }
    }
    if n_words == 0 {
        return None;
    }
    let mut scores: [(&'static str, usize); FUNCTION_WORDS.len()] =
        std::array::from_fn(|i| (FUNCTION_WORDS[i].0, counts[i]));
    scores.sort_by_key(|s| std::cmp::Reverse(s.1));
    let (best, n) = scores[0];
    if n == 0 || scores[1].1 == n {
        return None;
    }
    let lead = n - scores[1].1;
    Some((
        LangGuess {
            code: best.into(),
            confidence: round2(lead as f64 / n_words as f64 + 0.5).min(0.95),
            method: "function_words".into(),
        },
        lead,
    ))
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
                    .filter(|w| p.lexicon.contains_key(w.as_str()))
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
    fn the_letter_tables_agree_with_the_standard_library() {
        for c in (0..=0x10FFFFu32).filter_map(char::from_u32) {
            assert_eq!(is_alphabetic(c), c.is_alphabetic(), "U+{:04X}", c as u32);
            assert_eq!(
                is_alphanumeric(c),
                c.is_alphanumeric(),
                "U+{:04X}",
                c as u32
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
