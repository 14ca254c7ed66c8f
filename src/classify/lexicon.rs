//! Per-language sentiment resources: valence lexicon, negators, boosters/dampeners, contrastive
//! conjunctions, and text normalisation. Tables are built once at start-up (see [`Lexicons::shared`]).
//!
//! English is VADER's own lexicon (valence −4…+4), with AFINN-165's words that VADER lacks filled in.
//! The other languages use AFINN lists (−5…+5). AFINN is scaled by 0.8 onto VADER's range so the same
//! rules and the same ±0.05 label band apply to every language.

// FxHash: lookups of short words are the scorer's inner loop, and the keys are not attacker-chosen
// (the tables are ours), so SipHash's DoS resistance buys nothing here.
use rustc_hash::{FxHashMap as HashMap, FxHashSet as HashSet};
use std::sync::OnceLock;

use unicode_normalization::UnicodeNormalization;

use crate::learn::LinearModel;

/// VADER's empirically derived booster increment.
pub const B_INCR: f64 = 0.293;
pub const B_DECR: f64 = -0.293;

/// Languages with a sentiment profile of their own; anything else is scored with English rules.
pub const LANGS: [&str; 7] = ["en", "es", "fr", "de", "pt", "fa", "ar"];

/// The position of `lang` in [`LANGS`].
fn lang_index(lang: &str) -> Option<usize> {
    Some(match lang {
        "en" => 0,
        "es" => 1,
        "fr" => 2,
        "de" => 3,
        "pt" => 4,
        "fa" => 5,
        "ar" => 6,
        _ => return None,
    })
}

pub struct Profile {
    pub lang: &'static str,
    pub lexicon: HashMap<String, f64>,
    /// Multi-word lexicon entries (joined by one space), and the longest such entry in words.
    pub phrases: HashMap<String, f64>,
    pub max_phrase_words: usize,
    /// First words of the phrases: most tokens start none, and skip the phrase lookup.
    pub phrase_starts: HashSet<String>,
    /// First two words of the phrases (every phrase has two at least): a phrase start followed by
    /// a word that continues no phrase needs no longer lookups.
    pub phrase_pairs: HashSet<String>,
    /// The number of each word of the phrases (from 1), which a token's template keeps: a
    /// separate map, not a field of [`WordInfo`], which every word of the lexicons carries.
    pub phrase_word_ids: HashMap<String, u32>,
    /// The same pairs as numbers ([`phrase_pair_key`] of the two words' numbers): a token knows
    /// its word's number from its template, so the pair test hashes one integer instead of
    /// building and hashing the two words' text (most phrase starts fail it).
    pub phrase_pair_ids: HashSet<u64>,
    /// `phrases` keyed by their words' numbers, for the lookups of a profile without suffixes
    /// (where a phrase's last word is always written in full); empty in one with suffixes.
    pub phrase_ids: HashMap<Box<[u32]>, f64>,
    pub negators: HashSet<String>,
    pub boosters: HashMap<String, f64>,
    pub contrast: HashSet<String>,
    /// Elided prefixes split off before lookup (French `l'`, `n'`, …), and which of them negate.
    pub elisions: &'static [&'static str],
    pub negating_elisions: &'static [&'static str],
    /// Verb prefix that negates the rest of the word (Persian `ن`/`نمی`).
    pub negating_prefixes: &'static [&'static str],
    /// Clitics stripped from the front of a word when the whole word is not in the lexicon (Arabic).
    pub proclitics: &'static [&'static str],
    /// Enclitic and inflection suffixes stripped from the end of a word the lexicon does not know
    /// (Persian "راضیم" I am satisfied → "راضی", "مشکلش" its problem → "مشکل"; Arabic pronoun
    /// suffixes), longest first, and the shortest stem they may leave.
    pub suffixes: &'static [&'static str],
    pub min_stem_chars: usize,
    /// Words whose valence in `lexicon` was learned from labelled data (reported as rule `learned`).
    pub learned: HashSet<String>,
    /// Words known only as typed without their accents ("pessimo", "decu", "enttaeuscht"): the
    /// entry is the accented word's (reported as rule `unaccented`). See [`add_unaccented`].
    pub unaccented: HashSet<String>,
    /// Everything the tables above say about one word, behind one lookup: the scorer reads a
    /// token's roles once instead of asking five tables, several times per scored word.
    pub words: HashMap<String, WordInfo>,
}

/// A word's roles in one language (see [`Profile::words`]).
#[derive(Debug, Clone, Copy, Default, PartialEq)]
pub struct WordInfo {
    /// Lexicon valence (imported, supplement or learned).
    pub valence: Option<f64>,
    pub learned: bool,
    /// Found under its accented spelling ([`Profile::unaccented`]).
    pub unaccented: bool,
    pub booster: Option<f64>,
    pub negator: bool,
    pub contrast: bool,
    pub phrase_start: bool,
    /// English only: a word of VADER's special-case idioms or multi-word boosters. An idiom check
    /// needs two such words near the scored word, so most scored words skip building n-grams.
    pub idiom: bool,
}

/// The key of a pair of phrase words in [`Profile::phrase_pair_ids`].
#[inline]
pub fn phrase_pair_key(first: u32, second: u32) -> u64 {
    u64::from(first) << 32 | u64::from(second)
}

impl Profile {
    /// The word's roles (all empty for a word the profile does not know).
    pub fn info(&self, word: &str) -> WordInfo {
        self.words.get(word).copied().unwrap_or_default()
    }

    fn build_words(&mut self) {
        let mut words: HashMap<String, WordInfo> = HashMap::default();
        for (w, v) in &self.lexicon {
            let e = words.entry(w.clone()).or_default();
            e.valence = Some(*v);
            e.learned = self.learned.contains(w);
            e.unaccented = self.unaccented.contains(w);
        }
        for (w, b) in &self.boosters {
            words.entry(w.clone()).or_default().booster = Some(*b);
        }
        for w in &self.negators {
            words.entry(w.clone()).or_default().negator = true;
        }
        for w in &self.contrast {
            words.entry(w.clone()).or_default().contrast = true;
        }
        for w in &self.phrase_starts {
            words.entry(w.clone()).or_default().phrase_start = true;
        }
        let mut ids: HashMap<&str, u32> = HashMap::default();
        let mut pair_ids = HashSet::default();
        let mut phrase_ids = HashMap::default();
        for (key, &v) in &self.phrases {
            let numbers: Box<[u32]> = key
                .split(' ')
                .map(|w| {
                    let next = ids.len() as u32 + 1;
                    *ids.entry(w).or_insert(next)
                })
                .collect();
            if let [a, b, ..] = *numbers {
                pair_ids.insert(phrase_pair_key(a, b));
            }
            // A profile with suffixes looks its phrases up by text (a phrase's last word may
            // carry one), so it keeps no numbered copy.
            if self.suffixes.is_empty() {
                phrase_ids.insert(numbers, v);
            }
        }
        self.phrase_word_ids = ids.into_iter().map(|(w, id)| (w.to_string(), id)).collect();
        self.phrase_pair_ids = pair_ids;
        self.phrase_ids = phrase_ids;
        if self.lang == "en" {
            let multi_word_boosters = self.boosters.keys().filter(|k| k.contains(' '));
            let idioms = EN_SPECIAL_CASES.iter().map(|(k, _)| *k);
            for w in idioms
                .chain(multi_word_boosters.map(String::as_str))
                .flat_map(|k| k.split(' '))
            {
                words.entry(w.to_string()).or_default().idiom = true;
            }
        }
        self.words = words;
    }
}

pub struct Lexicons {
    /// One profile per language, in [`LANGS`] order.
    pub profiles: Vec<Profile>,
    /// Emoji scored directly (Earshot's supplement), before falling back to their descriptions.
    pub emoji_valence: HashMap<char, f64>,
    /// Emoji → English description (VADER's emoji lexicon): descriptions are scored with English words.
    pub emoji: HashMap<char, &'static str>,
    /// Which of U+0080–U+00FF are keys of either emoji table (bit `c - 0x80`), and the smallest key
    /// above them: every letter of the accented Latin and Arabic-script words is below that key, so
    /// asking whether a letter is an emoji costs a comparison instead of two hash lookups (which
    /// had been a quarter of tokenising an Arabic post).
    emoji_latin1: u128,
    emoji_floor: char,
}

static SHARED: OnceLock<Lexicons> = OnceLock::new();

/// Learned sentiment tables shipped with the binary (`earshot train --task sentiment`, see the README):
/// language, table, and whether it only fills words the lexicons lack (`true`) or also replaces
/// their valences (`false`).
/// (Persian has none: on its 354 sided dev rows a table bought binary F1 only by calling neutral
/// sentences positive or negative; see the README.)
const LEARNED_TABLES: &[(&str, &str, bool)] =
    &[("ar", include_str!("lexicons/learned_ar.tsv"), true)];

/// A learned sentiment table for one language.
#[derive(Debug, Clone)]
pub struct LearnedTable {
    pub lang: &'static str,
    /// Valence per normalised word.
    pub model: LinearModel,
    /// Only add words the lexicons lack; keep the lexicons' valences where both have a word.
    pub fill_only: bool,
}

/// Learned valences are capped like the strongest lexicon words.
pub const LEARNED_MAX: f64 = 3.5;

impl Lexicons {
    /// Built on first use and shared by every classifier in the process.
    pub fn shared() -> &'static Lexicons {
        SHARED.get_or_init(Lexicons::build)
    }

    pub fn profile(&self, lang: &str) -> &Profile {
        // A match rather than a map: this runs several times per scored word.
        &self.profiles[lang_index(lang).unwrap_or(0)]
    }

    fn build() -> Lexicons {
        let learned = LEARNED_TABLES
            .iter()
            .map(|(lang, tsv, fill_only)| LearnedTable {
                lang,
                model: LinearModel::parse(tsv)
                    .unwrap_or_else(|e| panic!("lexicons/learned_{lang}.tsv: {e}")),
                fill_only: *fill_only,
            })
            .collect::<Vec<_>>();
        Self::build_with(&learned)
    }

    /// Builds the tables with the given learned sentiment tables (valence per normalised word, on
    /// VADER's scale) in place of the shipped ones: `earshot train` uses this to cross-validate a table
    /// through the real scorer. Leaked on purpose: tables live for the process.
    pub fn build_with_learned(learned: &[LearnedTable]) -> &'static Lexicons {
        Box::leak(Box::new(Self::build_with(learned)))
    }

    fn build_with(learned: &[LearnedTable]) -> Lexicons {
        let mut profiles: Vec<Profile> = LANGS.iter().map(|l| build_profile(l)).collect();
        let emoji: HashMap<char, &'static str> = include_str!("lexicons/vader_emoji.tsv")
            .lines()
            .filter_map(|l| {
                let (e, d) = l.split_once('\t')?;
                let mut cs = e.chars();
                let c = cs.next()?;
                // VADER looks emoji up one character at a time; multi-character sequences never match.
                cs.next().is_none().then_some((c, d))
            })
            .collect();
        let mut emoji_valence = HashMap::default();
        // Per profile, the words a supplement zero made known and weightless (see below).
        let mut zeroed: Vec<HashSet<String>> = vec![HashSet::default(); profiles.len()];
        for (lang, word, v) in supplement() {
            if lang == "emoji" {
                if let Some(c) = word.chars().next() {
                    emoji_valence.insert(c, v);
                }
            } else if let Some(i) = lang_index(lang) {
                let p = &mut profiles[i];
                let key = normalize(lang, word);
                if v.is_nan() {
                    // `neutral`: a phrase whose words carry no sentiment together (Persian
                    // "سخت افزار", hardware, is not "hard"); it consumes its words and scores 0.
                    p.max_phrase_words = p.max_phrase_words.max(key.split(' ').count());
                    p.lexicon.remove(&key);
                    p.phrases.insert(key, 0.0);
                } else if v == 0.0 {
                    // A zero removes a word the imported list scores but that carries no sentiment.
                    p.lexicon.remove(&key);
                    p.phrases.remove(&key);
                    // Where words are looked up again without a clitic or suffix, the word is
                    // also made known as it is, weighing nothing, so that no lookup reaches into
                    // another word: Arabic "لجنة" (committee) is not "ل" + "جنة" (paradise),
                    // "فكرة" (idea) not "ف" + "كره" (hatred), "المصري" not "مصري" scored.
                    // Spanish, Portuguese, French and German adjectives are looked up again
                    // in another form (`inflected`): French "fois" (times) is not "foi" (faith).
                    let stems = !(p.proclitics.is_empty() && p.suffixes.is_empty())
                        || matches!(lang, "es" | "pt" | "fr" | "de");
                    if stems && !key.contains(' ') {
                        p.lexicon.insert(key.clone(), 0.0);
                    }
                    // Nor is a zeroed spelling taken by an accented word typed without its
                    // accents: French "sur" (on) is not "sûr" (sure).
                    zeroed[i].insert(key);
                } else if key.contains(' ') {
                    p.max_phrase_words = p.max_phrase_words.max(key.split(' ').count());
                    p.phrases.insert(key, v);
                } else {
                    p.lexicon.insert(key, v);
                }
            }
        }
        // Learned weights were fitted on real text of the language, where the imported lists are
        // machine translations; a table either replaces the lists' entries for its words or only
        // fills the words they lack (for small training sets). A supplement zero stops a filling
        // weight where it leaves the word known (Persian, Arabic: see above); elsewhere it removes
        // the word, and a table may weigh it.
        for t in learned {
            let Some(i) = lang_index(t.lang) else {
                continue;
            };
            let (p, zeroed) = (&mut profiles[i], &zeroed[i]);
            // The curated lists' words under a clitic or suffix, as the scorer derives them
            // ("مرعبة" is "مرعب" + "ة"): a filling weight would shadow that derivation with
            // whatever the word's few training rows happened to say.
            let derivable: Vec<bool> = t
                .model
                .weights
                .keys()
                .map(|w| t.fill_only && derives_from_lexicon(p, w))
                .collect();
            for ((w, coef), derivable) in t.model.weights.iter().zip(derivable) {
                if derivable {
                    continue;
                }
                if p.negators.contains(w) || p.boosters.contains_key(w) || p.contrast.contains(w) {
                    continue;
                }
                if t.fill_only && p.lexicon.contains_key(w) {
                    continue;
                }
                // Nor with a proclitic: the table weighs "الرد" (the reply) apart from "رد".
                let behind_clitic = |pre: &&str| {
                    w.strip_prefix(*pre)
                        .is_some_and(|rest| rest.chars().count() >= 2 && zeroed.contains(rest))
                };
                if t.fill_only && p.proclitics.iter().any(behind_clitic) {
                    continue;
                }
                let v = coef.clamp(-LEARNED_MAX, LEARNED_MAX);
                p.lexicon.insert(w.clone(), v);
                p.learned.insert(w.clone());
            }
        }
        for (p, zeroed) in profiles.iter_mut().zip(&zeroed) {
            add_unaccented(p, zeroed);
            p.phrase_starts = p
                .phrases
                .keys()
                .filter_map(|k| k.split(' ').next())
                .map(str::to_string)
                .collect();
            p.phrase_pairs = p
                .phrases
                .keys()
                .map(|k| k.splitn(3, ' ').take(2).collect::<Vec<_>>().join(" "))
                .collect();
            p.build_words();
        }
        let keys = || emoji.keys().chain(emoji_valence.keys()).copied();
        let emoji_latin1 = keys()
            .filter(|c| ('\u{80}'..='\u{FF}').contains(c))
            .fold(0u128, |m, c| m | 1 << (c as u32 - 0x80));
        let emoji_floor = keys().filter(|c| *c > '\u{FF}').min().unwrap_or(char::MAX);
        Lexicons {
            profiles,
            emoji_valence,
            emoji,
            emoji_latin1,
            emoji_floor,
        }
    }

    /// Whether `c` is a key of either emoji table.
    #[inline]
    pub fn is_emoji(&self, c: char) -> bool {
        if c.is_ascii() {
            // No emoji table holds an ASCII character (checked in the tests).
            return false;
        }
        if c <= '\u{FF}' {
            return self.emoji_latin1 >> (c as u32 - 0x80) & 1 == 1;
        }
        c >= self.emoji_floor
            && (self.emoji.contains_key(&c) || self.emoji_valence.contains_key(&c))
    }
}

/// Earshot's own lexicon additions: (lang, word, valence). A valence of `0` removes an imported
/// entry; `neutral` (returned as NaN) makes a phrase that consumes its words and scores nothing.
fn supplement() -> impl Iterator<Item = (&'static str, &'static str, f64)> {
    include_str!("lexicons/supplement.tsv")
        .lines()
        .filter_map(|l| {
            if l.starts_with('#') || l.trim().is_empty() {
                return None;
            }
            let mut parts = l.split('\t');
            let (lang, word, v) = (parts.next()?, parts.next()?, parts.next()?.trim());
            let v = if v == "neutral" {
                f64::NAN
            } else {
                v.parse().ok()?
            };
            Some((lang, word, v))
        })
}

/// Apostrophes as the lexicons and rules spell them: `’` (what phones and word processors type
/// for `'`), `‘`, `ʼ` and `＇` become `'`. Without this "I don’t like it" read as liking it:
/// the negators ("don't", "isn't"), the contractions of the rules ("won't buy again") and the
/// idioms are all written with `'`. The invisible characters of [`INVISIBLE`] are dropped too, and
/// styled letters and digits ([`styled_ascii`]: "𝐭𝐞𝐫𝐫𝐢𝐛𝐥𝐞", "ｔｅｒｒｉｂｌｅ") are written plain.
/// Borrowed when there is nothing to change.
pub fn straight_apostrophes(s: &str) -> std::borrow::Cow<'_, str> {
    let b = s.as_bytes();
    // Found from their lead bytes (E2 for ’, ‘, most invisible characters and the circled
    // letters, CA for ʼ, EF for ＇, U+FEFF and the fullwidth forms, C2 for the soft hyphen and ´,
    // F0 for the mathematical letters, and the backtick itself) with memchr, and decoded only
    // there: `str::contains` with a set of characters decodes every character, and was 6 % of
    // classifying a text. [`readable_char`] decides, for the search as for the copy.
    let changed = |i: usize| !matches!(readable_char(b, i, char_at(s, i).0), Readable::Kept);
    let first = memchr::memchr3_iter(0xE2, 0xCA, 0xEF, b).find(|&i| changed(i));
    // C2 also leads Latin-1 signs (°, £, the no-break space) and F0 every emoji: the soft hyphen,
    // ´ and the mathematical letters are looked for only up to the first other change, as is the
    // backtick.
    let other = memchr::memchr3_iter(0xC2, b'`', 0xF0, &b[..first.unwrap_or(b.len())])
        .find(|&i| changed(i));
    let Some(first) = other.or(first) else {
        return s.into();
    };
    let mut out = String::with_capacity(s.len());
    out.push_str(&s[..first]);
    for (i, c) in s[first..].char_indices() {
        match readable_char(b, first + i, c) {
            Readable::Ascii(a) => out.push(char::from(a)),
            Readable::Gone => {}
            Readable::Kept => out.push(c),
        }
    }
    out.into()
}

/// What [`straight_apostrophes`] makes of one character.
enum Readable {
    /// Written as this ASCII character: an apostrophe, or a styled letter or digit.
    Ascii(u8),
    Gone,
    Kept,
}

/// [`straight_apostrophes`]'s answer for `c`, at byte `i` of the text whose bytes are `b`.
fn readable_char(b: &[u8], i: usize, c: char) -> Readable {
    if c.is_ascii() && c != '`' {
        Readable::Kept
    } else if CURLY_APOSTROPHES.contains(&c)
        || (matches!(c, '´' | '`') && between_letters(b, i, c.len_utf8()))
    {
        Readable::Ascii(b'\'')
    } else if INVISIBLE.contains(&c) {
        Readable::Gone
    } else if let Some(a) = styled_ascii(c) {
        Readable::Ascii(a)
    } else {
        Readable::Kept
    }
}

/// The plain ASCII letter or digit that `c` is a styled form of, by its NFKC form: the fullwidth
/// forms ("ＡＣＭＥ", typed on East Asian keyboards and used for emphasis), the mathematical
/// alphanumerics (bold, italic, script, fraktur, double-struck, sans-serif, monospace: "𝐀𝐜𝐦𝐞",
/// "𝓐𝓬𝓶𝓮", what "fancy text" generators produce for social posts and profiles), and the circled
/// and squared letters ("Ⓐⓒⓜⓔ", "🄰🄲🄼🄴"). Each shows a word every reader reads, yet is other code
/// points than it: a brand's name written so matched no query, and a word no lexicon entry.
/// Greek mathematical letters, and forms of more than one character (⑩), are left as they are.
/// Not the regional indicators (flags) nor the negative squared letters (🅰, an emoji).
pub fn styled_ascii(c: char) -> Option<u8> {
    match c {
        '\u{FF10}'..='\u{FF19}' | '\u{FF21}'..='\u{FF3A}' | '\u{FF41}'..='\u{FF5A}' => {
            u8::try_from(u32::from(c) - 0xFEE0).ok()
        }
        '\u{1D400}'..='\u{1D7FF}' | '\u{24B6}'..='\u{24E9}' | '\u{1F130}'..='\u{1F149}' => {
            let mut plain = std::iter::once(c).nfkc();
            match (plain.next(), plain.next()) {
                (Some(a), None) if a.is_ascii_alphanumeric() => u8::try_from(a).ok(),
                _ => None,
            }
        }
        _ => None,
    }
}

/// Whether the character of `len` bytes at byte `i` of `b` stands between two ASCII letters: where
/// `´` and the backtick are apostrophes typed on keyboards that lack one ("don´t", "it`s"). Not
/// elsewhere: `´` is more often a piece of mojibake ("I_Í´Í©ve"), the backtick markdown's.
fn between_letters(b: &[u8], i: usize, len: usize) -> bool {
    i > 0 && b[i - 1].is_ascii_alphabetic() && b.get(i + len).is_some_and(u8::is_ascii_alphabetic)
}

/// Where byte `at` of `original` (a character boundary) lands in
/// [`straight_apostrophes`]`(original)`: each straightened apostrophe and styled letter before it
/// is shorter by all but one of its bytes, and each invisible character gone.
pub fn straight_offset(original: &str, at: usize) -> usize {
    let b = original.as_bytes();
    at - original[..at]
        .char_indices()
        .map(|(i, c)| match readable_char(b, i, c) {
            Readable::Ascii(_) => c.len_utf8() - 1,
            Readable::Gone => c.len_utf8(),
            Readable::Kept => 0,
        })
        .sum::<usize>()
}

/// `s` (already lowercased) with the accents and other diacritics of Latin letters taken off, for
/// brand queries: "nestlé" and "nestle", "citroën" and "citroen", "müller" and "muller" are one
/// name, as posts spell it with or without them. Each letter of U+00C0–U+024F whose canonical
/// decomposition is an ASCII letter and marks becomes that letter; "ñ" is kept ("peña" is not
/// "pena", a word of its own), and so are letters with no such decomposition ("ß", "ø", "æ",
/// "ł"). Borrowed when there is nothing to take off (every ASCII text).
pub fn without_accents(s: &str) -> std::borrow::Cow<'_, str> {
    if s.is_ascii() {
        return s.into();
    }
    // Every such letter is two bytes led by C3 to C9: three vectorised searches for them (a loop
    // over the bytes was 660 instructions a text on the dev texts, most of them Arabic and
    // Persian, whose letters lead with D8 to DB).
    let b = s.as_bytes();
    let first = [
        memchr::memchr3(0xC3, 0xC4, 0xC5, b),
        memchr::memchr3(0xC6, 0xC7, 0xC8, b),
        memchr::memchr(0xC9, b),
    ]
    .into_iter()
    .flatten()
    .min();
    let Some(first) = first.filter(|&i| s[i..].chars().any(|c| accentless(c).is_some())) else {
        return s.into();
    };
    let mut out = String::with_capacity(s.len());
    out.push_str(&s[..first]);
    out.extend(
        s[first..]
            .chars()
            .map(|c| accentless(c).map_or(c, char::from)),
    );
    out.into()
}

/// The ASCII letter `c` is with its diacritics taken off (see [`without_accents`]).
fn accentless(c: char) -> Option<u8> {
    const FIRST: u32 = 0xC0;
    const LAST: u32 = 0x24F;
    static TABLE: OnceLock<[u8; (LAST - FIRST + 1) as usize]> = OnceLock::new();
    let at = u32::from(c)
        .checked_sub(FIRST)
        .filter(|&i| i <= LAST - FIRST)?;
    let table = TABLE.get_or_init(|| {
        let mut t = [0u8; (LAST - FIRST + 1) as usize];
        for (i, slot) in t.iter_mut().enumerate() {
            let c = char::from_u32(FIRST + i as u32).expect("Latin letters are scalar values");
            if matches!(c, 'ñ' | 'Ñ') {
                continue;
            }
            let mut parts = std::iter::once(c).nfd();
            if let Some(base) = parts.next().filter(char::is_ascii_alphabetic)
                && parts.all(unicode_normalization::char::is_combining_mark)
                && base != c
            {
                *slot = base as u8;
            }
        }
        t
    });
    Some(table[at as usize]).filter(|&b| b != 0)
}

/// A text as brand queries read it (see [`match_view`]), with the way back to the text as written.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct MatchView {
    pub text: String,
    /// For each byte of `text`, where the written character it comes from starts and ends.
    from: Vec<(u32, u32)>,
}

impl MatchView {
    /// The span of the written text that bytes `start..end` of the view (character boundaries,
    /// `start < end`) come from: from the start of the first character to the end of the last, so
    /// an invisible character inside a name is in its span and one beside it is not.
    pub fn written_span(&self, start: usize, end: usize) -> (usize, usize) {
        (self.from[start].0 as usize, self.from[end - 1].1 as usize)
    }
}

/// `text` as brand queries are matched on it, or `None` when that is `text` itself (nearly every
/// post): the invisible characters of [`INVISIBLE`] and the zero-width joiner dropped
/// ("Lu\u{200B}mora", "Lu\u{AD}mora", "L\u{200D}umora" are "Lumora", as every reader sees them:
/// pasted from a web page, or typed to dodge a moderator's filter) and styled letters and digits
/// written plain ([`styled_ascii`]: "Ｌｕｍｏｒａ", "𝐋𝐮𝐦𝐨𝐫𝐚"). Apostrophes are left as they are:
/// the query tokeniser reads `’` as `'` already. Only these lead bytes can begin a change (C2 the
/// soft hyphen, E2 the spaces, marks and circled letters, EF U+FEFF and the fullwidth forms, F0
/// the mathematical and squared letters), so a text without one is not decoded.
pub fn match_view(text: &str) -> Option<MatchView> {
    // Every character it changes is outside ASCII: most posts are told so in one quick pass.
    if text.is_ascii() || u32::try_from(text.len()).is_err() {
        return None;
    }
    let b = text.as_bytes();
    let fold = |c: char| -> Option<Option<u8>> {
        if INVISIBLE.contains(&c) || c == '\u{200D}' {
            Some(None)
        } else {
            styled_ascii(c).map(Some)
        }
    };
    let changes = |i: usize| fold(char_at(text, i).0).is_some();
    let first = memchr::memchr3_iter(0xC2, 0xE2, 0xEF, b).find(|&i| changes(i));
    let other = memchr::memchr_iter(0xF0, &b[..first.unwrap_or(b.len())]).find(|&i| changes(i));
    let first = other.or(first)?;
    let mut out = String::with_capacity(text.len());
    let mut from = Vec::with_capacity(text.len());
    out.push_str(&text[..first]);
    // Before the first change every byte is its own: each maps to its character's span.
    for (i, c) in text[..first].char_indices() {
        let span = (i as u32, (i + c.len_utf8()) as u32);
        from.extend(std::iter::repeat_n(span, c.len_utf8()));
    }
    for (i, c) in text[first..].char_indices() {
        let at = first + i;
        let span = (at as u32, (at + c.len_utf8()) as u32);
        match fold(c) {
            Some(None) => {}
            Some(Some(a)) => {
                out.push(char::from(a));
                from.push(span);
            }
            None => {
                out.push(c);
                from.extend(std::iter::repeat_n(span, c.len_utf8()));
            }
        }
    }
    Some(MatchView { text: out, from })
}

/// English contractions as word tokenizers split them, joined again: "do n't" → "don't", "ca n't" →
/// "can't", "it 's" → "it's", "i 've" → "i've", and "can 't" → "can't". Product reviews in
/// research collections and some exports come tokenized this way, and the signal rules and the
/// advice model read contractions whole ("don't waste your money", "you won't regret it"). The
/// space goes only between a letter or digit and the clitic (`n't`, `'s`, `'ve`, `'m`, `'d`, `'ll`,
/// `'re`, `'t`), when a non-word character or the end follows it; nothing else moves. Borrowed when
/// there is nothing to join (one `memchr` pass for the apostrophes).
pub fn joined_contractions(s: &str) -> std::borrow::Cow<'_, str> {
    let mut spaces = contraction_spaces(s);
    let Some(first) = spaces.next() else {
        return s.into();
    };
    let mut out = String::with_capacity(s.len());
    out.push_str(&s[..first]);
    let mut from = first + 1;
    for i in spaces {
        out.push_str(&s[from..i]);
        from = i + 1;
    }
    out.push_str(&s[from..]);
    out.into()
}

/// Where byte `at` of `s` (a character boundary) lands in [`joined_contractions`]`(s)`.
pub fn joined_offset(s: &str, at: usize) -> usize {
    at - contraction_spaces(s).take_while(|&i| i < at).count()
}

/// The spaces [`joined_contractions`] removes, in order. Found from the apostrophes (one `memchr`
/// pass, and most texts have none): a space right before one (`'s`), or before the `n` before one
/// (`n't`).
fn contraction_spaces(s: &str) -> impl Iterator<Item = usize> + '_ {
    let b = s.as_bytes();
    let word = |c: u8| c.is_ascii_alphanumeric();
    // Whether a clitic starts at `i` (just after a space) and ends before a non-word character.
    let clitic = move |i: usize| -> bool {
        let rest = &b[i..];
        let len = if rest.first() == Some(&b'\'') {
            let tail = &rest[1..];
            match [&b"ve"[..], b"ll", b"re", b"s", b"m", b"d", b"t"]
                .iter()
                .find(|c| tail.len() >= c.len() && tail[..c.len()].eq_ignore_ascii_case(c))
            {
                Some(c) => c.len() + 1,
                None => return false,
            }
        } else if rest.len() >= 3 && rest[..3].eq_ignore_ascii_case(b"n't") {
            3
        } else {
            return false;
        };
        rest.get(len).is_none_or(|&c| !word(c) && c != b'\'')
    };
    memchr::memchr_iter(b'\'', b).filter_map(move |i| {
        let space = if i >= 1 && b[i - 1] == b' ' {
            i - 1
        } else if i >= 2 && b[i - 1] | 0x20 == b'n' && b[i - 2] == b' ' {
            i - 2
        } else {
            return None;
        };
        (space > 0 && word(b[space - 1]) && clitic(space + 1)).then_some(space)
    })
}

/// What [`straight_apostrophes`] straightens wherever it stands (`´` and the backtick only between
/// letters, see [`between_letters`]).
const CURLY_APOSTROPHES: [char; 4] = ['\u{2019}', '\u{2018}', '\u{02BC}', '\u{FF07}'];

/// Characters that show nothing and only split the words they stand in, dropped from a text
/// before it is read: the soft hyphen (web pages put it inside long words, "Kunden\u{AD}service"),
/// the zero-width space ("@\u{200B}Acme", "not\u{200B}good" as pasted), the word joiner, U+FEFF
/// (a byte-order mark pasted mid-text) and the bidirectional marks and embeddings that right-to-left
/// text copied from apps carries. Not the zero-width non-joiner (Persian writes with it) nor the
/// joiner (emoji sequences are built with it).
const INVISIBLE: [char; 15] = [
    '\u{00AD}', '\u{200B}', '\u{200E}', '\u{200F}', '\u{202A}', '\u{202B}', '\u{202C}', '\u{202D}',
    '\u{202E}', '\u{2060}', '\u{2066}', '\u{2067}', '\u{2068}', '\u{2069}', '\u{FEFF}',
];

/// Lowercases and folds the script-specific variants that make the same word look different.
/// Arabic and Persian: diacritics and tatweel dropped, alef/yeh/kaf variants unified, ZWNJ becomes a space.
/// `s.to_lowercase()`, borrowed when that would change nothing (ASCII is checked byte-wise).
pub fn lowercase_cow(s: &str) -> std::borrow::Cow<'_, str> {
    use std::borrow::Cow;
    if s.is_ascii() {
        return if s.bytes().any(|b| b.is_ascii_uppercase()) {
            Cow::Owned(s.to_ascii_lowercase())
        } else {
            Cow::Borrowed(s)
        };
    }
    let unchanged = s.chars().all(lowercases_to_itself);
    if unchanged {
        Cow::Borrowed(s)
    } else {
        Cow::Owned(s.to_lowercase())
    }
}

/// Whether `c.to_lowercase()` is `c` itself. The Hebrew-to-NKo blocks (Arabic among them) have no
/// case, which spares the case tables for every letter of an Arabic or Persian post.
#[inline]
pub fn lowercases_to_itself(c: char) -> bool {
    if c.is_ascii() {
        return !c.is_ascii_uppercase();
    }
    if is_caseless_rtl(c) {
        return true;
    }
    let mut l = c.to_lowercase();
    l.next() == Some(c) && l.next().is_none()
}

/// U+0590–U+07FF (Hebrew, Arabic, Syriac, Arabic Supplement, Thaana, NKo): letters without case.
#[inline]
pub fn is_caseless_rtl(c: char) -> bool {
    ('\u{0590}'..='\u{07FF}').contains(&c)
}

/// A word of at most [`PACKED_BYTES`] bytes as one number: its bytes, little-endian, zero-padded;
/// `None` for a longer word. No letter, digit or apostrophe is a zero byte, so two words of the
/// tokenisers never pack to the same number, and a table keyed by it is looked up without hashing
/// and comparing strings (most words of most posts are short).
#[inline]
pub fn packed(word: &[u8]) -> Option<u128> {
    let mut b = [0u8; PACKED_BYTES];
    b.get_mut(..word.len())?.copy_from_slice(word);
    Some(u128::from_le_bytes(b))
}

/// The longest word [`packed`] packs, in bytes.
pub const PACKED_BYTES: usize = 16;

/// The character starting at byte `i` of `text` (a char boundary) and its length in bytes, for
/// the scanners that read text byte by byte (language, brand tokens, Arabic-script folding).
/// ASCII and two-byte characters (Arabic, Persian, accented Latin: most non-ASCII letters of the
/// posts) are decoded from their bytes without the general decoder.
#[inline(always)]
pub fn char_at(text: &str, i: usize) -> (char, usize) {
    let bytes = text.as_bytes();
    let b = bytes[i];
    if b < 0x80 {
        return (char::from(b), 1);
    }
    if (0xC0..0xE0).contains(&b) {
        // Valid UTF-8: `b` leads a two-byte sequence and the next byte continues it.
        let cp = u32::from(b & 0x1F) << 6 | u32::from(bytes[i + 1] & 0x3F);
        return (
            char::from_u32(cp).expect("a two-byte UTF-8 sequence is a scalar value"),
            2,
        );
    }
    let c = text[i..].chars().next().expect("i is a char boundary");
    (c, c.len_utf8())
}

pub fn normalize(lang: &str, s: &str) -> String {
    match lang {
        "fa" | "ar" => normalize_arabic_script(s, lang == "fa"),
        _ => s.to_lowercase(),
    }
}

pub fn normalize_arabic_script(s: &str, persian: bool) -> String {
    let mut out = String::with_capacity(s.len());
    normalize_arabic_script_into(s, persian, &mut out);
    out
}

/// [`normalize_arabic_script`] appended to `out`: for callers that normalise word after word into
/// one buffer.
pub fn normalize_arabic_script_into(s: &str, persian: bool, out: &mut String) {
    // One pass: text made of characters NFC leaves alone whatever surrounds them (nearly all) is
    // copied run by run, and only the characters the fold changes are handled one by one. A
    // character that might not be NFC (a combining mark) is composed with its neighbours only:
    // the segment from the starter before it to the next stable starter (see [`next_segment`]).
    //
    // Read byte by byte: ASCII and the Arabic block (two bytes, lead 0xD8–0xDB) are nearly every
    // character of such a post, and are answered from their bytes without decoding them.
    let fold_bit = if persian { FOLDS_FA } else { FOLDS_AR };
    let bytes = s.as_bytes();
    let mut run = 0;
    let mut i = 0;
    // Where the previous character starts, and when the fold wrote it, the length of `out`
    // before it: a segment to compose starts at that character, which is then written again.
    let mut prev = 0;
    let mut prev_out: Option<usize> = None;
    while i < bytes.len() {
        let b = bytes[i];
        let (c, len, changed) = if b < 0x80 {
            // Plain starters all; only the capitals change.
            if !b.is_ascii_uppercase() {
                prev = i;
                prev_out = None;
                i += 1;
                continue;
            }
            (char::from(b), 1, Some(true))
        } else if (0xD8..=0xDB).contains(&b) {
            let idx = usize::from(b & 0x03) << 6 | usize::from(bytes[i + 1] & 0x3F);
            let f = ARABIC_BLOCK[idx];
            let c = char::from_u32(0x600 + idx as u32).expect("the Arabic block is scalar values");
            if f & PLAIN == 0 && !is_stable_starter(c) {
                (c, 2, None)
            } else {
                (c, 2, Some(f & fold_bit != 0))
            }
        } else {
            let (c, len) = char_at(s, i);
            if !(is_plain_starter(c) || is_stable_starter(c)) {
                (c, len, None)
            } else {
                (c, len, Some(changes_by_rules(c, persian)))
            }
        };
        // `None`: `c` may not be NFC where it stands.
        match changed {
            Some(false) => {
                prev = i;
                prev_out = None;
            }
            Some(true) => {
                out.push_str(&s[run..i]);
                prev = i;
                prev_out = Some(out.len());
                fold_arabic_script(std::iter::once(c), persian, out);
                run = i + len;
            }
            None => {
                // Compose from the character before (a starter: every character before `i` is
                // one; `prev` is 0 at the start) to the next stable starter, then fold. The fold
                // already wrote that character when it changed it: unwritten first.
                let from = prev;
                match prev_out {
                    Some(len) => out.truncate(len),
                    None => out.push_str(&s[run..from]),
                }
                let to = next_segment(s, i + len);
                fold_arabic_script(s[from..to].nfc(), persian, out);
                run = to;
                prev = to;
                prev_out = None;
                i = to;
                continue;
            }
        }
        i += len;
    }
    out.push_str(&s[run..]);
}

/// The first position at or after `from` where a stable starter (see [`is_plain_starter`] and
/// [`is_stable_starter`]) begins, or the end of `s`. NFC never reaches across such a character: it
/// is not the second half of any composition and no mark reorders past it, so the text before it
/// and the text from it compose separately.
fn next_segment(s: &str, from: usize) -> usize {
    let mut i = from;
    while i < s.len() {
        let (c, len) = char_at(s, i);
        if is_plain_starter(c) || is_stable_starter(c) {
            return i;
        }
        i += len;
    }
    s.len()
}

fn fold_arabic_script(chars: impl Iterator<Item = char>, persian: bool, out: &mut String) {
    for c in chars {
        match c {
            // The letter (or letters) a presentation form shapes, composed as NFKC composes them
            // ("ﺋ" is "ئ", not "ي" and a loose hamza), then folded as written letters are.
            c if is_presentation_form(c) => {
                let mut letters = std::iter::once(c).nfkc().peekable();
                if letters.peek() == Some(&c) {
                    // A noncharacter of the block (U+FDD0–U+FDEF): no letters to give.
                    out.push(c);
                } else {
                    fold_arabic_script(letters, persian, out);
                }
            }
            '\u{064B}'..='\u{065F}' | '\u{0670}' | '\u{0640}' => {} // harakat, superscript alef, tatweel
            'أ' | 'إ' | 'آ' | 'ٱ' => out.push('ا'),
            'ى' => out.push('ي'),
            'ي' if persian => out.push('ی'),
            'ك' if persian => out.push('ک'),
            'ی' if !persian => out.push('ي'),
            'ک' if !persian => out.push('ك'),
            'ة' if !persian => out.push('ه'),
            '\u{200C}' => out.push(' '),
            '\u{200D}' | '\u{200E}' | '\u{200F}' => {}
            c if c.is_ascii() => out.push(c.to_ascii_lowercase()),
            c => out.extend(c.to_lowercase()),
        }
    }
}

/// Whether [`normalize_arabic_script`] would return `s` unchanged: no letter it folds, no mark it
/// drops, no ZWNJ, nothing to lowercase, and already NFC. Most words of most posts are; the
/// scorer then borrows the word instead of copying it.
pub fn is_normal_arabic_script(s: &str, persian: bool) -> bool {
    // One pass for both questions: the NFC tables are asked only when a character is not a plain
    // starter (see [`is_nfc`]).
    let mut plain = true;
    for c in s.chars() {
        if changes(c, persian) {
            return false;
        }
        plain &= is_plain_starter(c);
    }
    plain || is_nfc(s)
}

/// Whether [`fold_arabic_script`] writes anything but `c` itself for `c`.
#[inline]
fn changes(c: char, persian: bool) -> bool {
    if let Some(f) = arabic_block(c) {
        return f & if persian { FOLDS_FA } else { FOLDS_AR } != 0;
    }
    changes_by_rules(c, persian)
}

/// [`changes`] by its rules.
fn changes_by_rules(c: char, persian: bool) -> bool {
    folds(c, persian) || !lowercases_to_itself(c)
}

/// Whether the fold maps `c` to another letter or drops it (case aside).
const fn folds(c: char, persian: bool) -> bool {
    match c {
        '\u{064B}'..='\u{065F}' | '\u{0670}' | '\u{0640}' => true,
        'أ' | 'إ' | 'آ' | 'ٱ' | 'ى' => true,
        'ي' | 'ك' => persian,
        'ی' | 'ک' | 'ة' => !persian,
        '\u{200C}'..='\u{200F}' => true,
        c => is_presentation_form(c),
    }
}

/// Whether `c` is one of Unicode's Arabic presentation forms (A: U+FB50–U+FDFF, B:
/// U+FE70–U+FEFC): the contextual shapes and ligatures of Arabic and Persian letters ("ﺍﻟﺨﺪﻣﺔ"
/// for "الخدمة", "ﻻ" for "لا"), which text copied from PDFs and older systems, and decorated
/// posts, carry. They are other code points than the letters they shape, so a word written in
/// them matched no lexicon entry, negator or rule ("ﺍﻟﺨﺪﻣﺔ ﺳﻴﺌﺔ ﺟﺪﺍ", the service is very bad,
/// read as nothing); normalisation writes them as their letters (their NFKC form). U+FEFF, the
/// byte-order mark, is in neither range.
pub const fn is_presentation_form(c: char) -> bool {
    matches!(c, '\u{FB50}'..='\u{FDFF}' | '\u{FE70}'..='\u{FEFC}')
}

/// `text` with its Arabic presentation forms ([`is_presentation_form`]) written as the letters
/// they shape, and nothing else changed; borrowed when it has none (every form is a three-byte
/// character led by 0xEF, so texts without that byte are not decoded).
pub fn without_presentation_forms(text: &str) -> std::borrow::Cow<'_, str> {
    let first = memchr::memchr_iter(0xEF, text.as_bytes())
        .find(|&i| text[i..].chars().next().is_some_and(is_presentation_form));
    let Some(first) = first else {
        return text.into();
    };
    let mut out = String::with_capacity(text.len() + 8);
    out.push_str(&text[..first]);
    for c in text[first..].chars() {
        if is_presentation_form(c) {
            out.extend(std::iter::once(c).nfkc());
        } else {
            out.push(c);
        }
    }
    out.into()
}

const PLAIN: u8 = 1;
const FOLDS_FA: u8 = 2;
const FOLDS_AR: u8 = 4;

/// The Arabic block's (U+0600–U+06FF) answers to [`is_plain_starter`] and [`changes`], one byte a
/// character: nearly every character of an Arabic or Persian post is asked both, and the chains
/// of ranges had been most of normalising one.
static ARABIC_BLOCK: [u8; 256] = {
    let mut t = [0u8; 256];
    let mut i = 0;
    while i < 256 {
        let c = char::from_u32(0x600 + i as u32).expect("the Arabic block is scalar values");
        // The block has no case: a character changes when it folds.
        let mut f = 0;
        if is_plain_starter_by_rules(c) {
            f |= PLAIN;
        }
        if folds(c, true) {
            f |= FOLDS_FA;
        }
        if folds(c, false) {
            f |= FOLDS_AR;
        }
        t[i] = f;
        i += 1;
    }
    t
};

#[inline]
fn arabic_block(c: char) -> Option<u8> {
    let i = (c as u32).wrapping_sub(0x600);
    (i < 256).then(|| ARABIC_BLOCK[i as usize])
}

/// Whether `s` is in NFC. Below U+0300 and among the Arabic block's letters every character is
/// a starter that nothing composes with, so text made only of those (nearly every word of an
/// Arabic or Persian post) is NFC without asking the normalisation tables. The block's combining
/// marks that compose or reorder (U+0610–U+061A, harakat U+064B–U+065F, U+0670, Quranic marks U+06D6–U+06ED)
/// go to the full check.
///
/// Any other character that is a starter (combining class 0) and NFC-stable on its own (an emoji,
/// a CJK ideograph) cannot make the text not NFC either; it is asked the tables alone, so that an
/// emoji in an Arabic post does not send every letter of the post to them.
fn is_nfc(s: &str) -> bool {
    s.chars()
        .all(|c| is_plain_starter(c) || is_stable_starter(c))
        || is_nfc_quick(s)
}

/// The normalisation tables' quick check on the whole of `s`.
fn is_nfc_quick(s: &str) -> bool {
    use unicode_normalization::{IsNormalized, is_nfc_quick};
    is_nfc_quick(s.chars()) == IsNormalized::Yes
}

/// A starter (combining class 0) that is NFC on its own: nothing before or after it changes it,
/// and it changes nothing around it (an emoji, a CJK ideograph, ZWNJ).
fn is_stable_starter(c: char) -> bool {
    use unicode_normalization::{IsNormalized, char::canonical_combining_class, is_nfc_quick};
    canonical_combining_class(c) == 0 && is_nfc_quick(std::iter::once(c)) == IsNormalized::Yes
}

/// A character NFC leaves alone whatever surrounds it (see [`is_nfc`]).
#[inline]
fn is_plain_starter(c: char) -> bool {
    if let Some(f) = arabic_block(c) {
        return f & PLAIN != 0;
    }
    c < '\u{0300}'
}

/// [`is_plain_starter`] by its rules (the Arabic block's answers are tabled from it).
const fn is_plain_starter_by_rules(c: char) -> bool {
    c < '\u{0300}'
        || matches!(
            c,
            '\u{0600}'..='\u{060F}'
                | '\u{061B}'..='\u{064A}'
                | '\u{0660}'..='\u{066F}'
                | '\u{0671}'..='\u{06D5}'
                | '\u{06EE}'..='\u{06FF}'
        )
}

/// How a word of `lang` is typed without its accents, when that differs: social posts in Spanish,
/// Portuguese and French often drop them ("pessimo", "decepcao", "tres decu"), and German ones write
/// umlauts out ("enttaeuscht", "schoen"). German umlauts are never simply dropped: "schön" would
/// become "schon" (already), "für" stays a different word from "fur".
fn unaccented(lang: &str, word: &str) -> Option<String> {
    if word.is_ascii() {
        return None;
    }
    let mut out = String::with_capacity(word.len() + 2);
    for c in word.chars() {
        let plain: &str = match (lang, c) {
            ("de", 'ä') => "ae",
            ("de", 'ö') => "oe",
            ("de", 'ü') => "ue",
            ("de", 'ß') => "ss",
            ("de", _) if !c.is_ascii() => return None,
            ("es" | "pt" | "fr", _) => match c {
                'à' | 'á' | 'â' | 'ã' | 'ä' => "a",
                'ç' => "c",
                'è' | 'é' | 'ê' | 'ë' => "e",
                'ì' | 'í' | 'î' | 'ï' => "i",
                'ñ' => "n",
                'ò' | 'ó' | 'ô' | 'õ' | 'ö' => "o",
                'ù' | 'ú' | 'û' | 'ü' => "u",
                'ÿ' => "y",
                'œ' => "oe",
                'æ' => "ae",
                c if c.is_ascii() => {
                    out.push(c);
                    continue;
                }
                _ => return None,
            },
            (_, c) if c.is_ascii() => {
                out.push(c);
                continue;
            }
            _ => return None,
        };
        out.push_str(plain);
    }
    Some(out)
}

/// Makes each accented entry of the profile known as typed without its accents too (see
/// [`unaccented`]), where that spelling is not a word of the tables already. Two accented words
/// that lose their accents to one spelling with valences of opposite signs leave it unknown. The
/// new keys are marked in [`Profile::unaccented`], so a hit says how it was found.
fn add_unaccented(p: &mut Profile, zeroed: &HashSet<String>) {
    if !matches!(p.lang, "es" | "pt" | "fr" | "de") {
        return;
    }
    let lang = p.lang;
    // Whether a spelling is a word of the tables already, or kept unknown by a supplement zero.
    let taken = |p: &Profile, u: &str| {
        zeroed.contains(u)
            || p.lexicon.contains_key(u)
            || p.phrases.contains_key(u)
            || p.negators.contains(u)
            || p.boosters.contains_key(u)
            || p.contrast.contains(u)
    };
    let plain_of = |k: &str| -> Option<String> {
        let words: Option<Vec<String>> = k
            .split(' ')
            .map(|w| unaccented(lang, w).or_else(|| w.is_ascii().then(|| w.to_string())))
            .collect();
        words.map(|ws| ws.join(" ")).filter(|u| u != k)
    };
    // Valences: words and phrases. Sorted, so that which accented word a spelling takes does not
    // depend on hash order.
    for phrases in [false, true] {
        let table = if phrases { &p.phrases } else { &p.lexicon };
        let mut keys: Vec<&String> = table.keys().filter(|k| !k.is_ascii()).collect();
        keys.sort();
        let mut found: HashMap<String, f64> = HashMap::default();
        let mut clash: HashSet<String> = HashSet::default();
        for k in keys {
            let Some(u) = plain_of(k) else { continue };
            if taken(p, &u) {
                continue;
            }
            let v = table[k];
            match found.get(&u) {
                Some(old) if old.signum() != v.signum() => {
                    clash.insert(u);
                }
                Some(_) => {}
                None => {
                    found.insert(u, v);
                }
            }
        }
        for (u, v) in found.into_iter().filter(|(u, _)| !clash.contains(u)) {
            if phrases {
                p.max_phrase_words = p.max_phrase_words.max(u.split(' ').count());
                p.phrases.insert(u, v);
            } else {
                p.unaccented.insert(u.clone());
                p.lexicon.insert(u, v);
            }
        }
    }
    // Roles: negators, boosters, contrast words ("nao", "tres", "tambien").
    let negators: Vec<String> = p.negators.iter().filter_map(|k| plain_of(k)).collect();
    for u in negators {
        if !taken(p, &u) {
            p.negators.insert(u);
        }
    }
    let boosters: Vec<(String, f64)> = p
        .boosters
        .iter()
        .filter_map(|(k, b)| Some((plain_of(k)?, *b)))
        .collect();
    for (u, b) in boosters {
        if !taken(p, &u) {
            p.boosters.insert(u, b);
        }
    }
    let contrast: Vec<String> = p.contrast.iter().filter_map(|k| plain_of(k)).collect();
    for u in contrast {
        if !taken(p, &u) {
            p.contrast.insert(u);
        }
    }
}

fn set(words: &[&str], lang: &str) -> HashSet<String> {
    words.iter().map(|w| normalize(lang, w)).collect()
}

fn boosters(up: &[&str], down: &[&str], lang: &str) -> HashMap<String, f64> {
    up.iter()
        .map(|w| (normalize(lang, w), B_INCR))
        .chain(down.iter().map(|w| (normalize(lang, w), B_DECR)))
        .collect()
}

/// AFINN's −5…+5 onto VADER's −4…+4.
const AFINN_SCALE: f64 = 0.8;

/// The `word <TAB> valence` lines of a shipped list; a line that is not one is skipped (comments, the
/// header).
fn tsv_entries(raw: &'static str) -> impl Iterator<Item = (&'static str, f64)> {
    raw.lines().filter_map(|line| {
        let (w, v) = line.split_once('\t')?;
        Some((w, v.trim().parse::<f64>().ok()?))
    })
}

/// VADER's emoticons (":)", ":(", "<3", ":'(", and "(:" as typed in right-to-left text), which
/// belong to no language and score in every one: its entries with punctuation and at most two
/// letters, so that neither its English hyphenated words ("self-confident") nor its numbers ("143",
/// "182", which are prices elsewhere) come along. Read from the lexicon once for all profiles.
fn emoticons() -> &'static [(&'static str, f64)] {
    static EMOTICONS: OnceLock<Vec<(&'static str, f64)>> = OnceLock::new();
    EMOTICONS.get_or_init(|| {
        tsv_entries(include_str!("lexicons/vader_lexicon.tsv"))
            .filter(|(w, _)| {
                w.bytes().any(|b| b.is_ascii_punctuation())
                    && w.bytes().filter(u8::is_ascii_alphabetic).count() <= 2
                    && !w.contains(' ')
            })
            .collect()
    })
}

fn build_profile(lang: &'static str) -> Profile {
    let (raw, scale): (&str, f64) = match lang {
        "en" => (include_str!("lexicons/vader_lexicon.tsv"), 1.0),
        "es" => (include_str!("lexicons/afinn_es.tsv"), AFINN_SCALE),
        "fr" => (include_str!("lexicons/afinn_fr.tsv"), AFINN_SCALE),
        "de" => (include_str!("lexicons/afinn_de.tsv"), AFINN_SCALE),
        "pt" => (include_str!("lexicons/afinn_pt.tsv"), AFINN_SCALE),
        "fa" => (include_str!("lexicons/afinn_fa.tsv"), AFINN_SCALE),
        "ar" => (include_str!("lexicons/afinn_ar.tsv"), AFINN_SCALE),
        other => unreachable!("no lexicon for {other}"),
    };
    let mut lexicon = HashMap::default();
    let mut phrases = HashMap::default();
    let mut max_phrase_words = 1;
    // Keys some entry reached in its standard spelling (see below).
    let mut spelled: HashSet<String> = HashSet::default();
    for (w, v) in tsv_entries(raw) {
        // VADER's own entries keep their case-folding as written (emoticons like ":D" are case-sensitive
        // in shape but VADER lowercases tokens before lookup, so we do too).
        let key = if lang == "en" {
            w.to_lowercase()
        } else {
            normalize(lang, w)
        };
        // Two spellings of one word meet under normalisation (Arabic "أحب" and "احب" are both
        // "احب"). The translated lists carry the hamza-less or ta-marbuta-less spelling as separate
        // entries, often with another meaning and sign ("احب" −1 beside "أحب" +2, "حريه" −1 beside
        // "حرية" +2, "خطا" +3 beside "خطأ" −2): the entry in the standard spelling, the one
        // normalisation changes, is kept.
        if lang != "en" {
            if w.trim() != key {
                spelled.insert(key.clone());
            } else if spelled.contains(&key) {
                continue;
            }
        }
        let n = key.split_whitespace().count();
        if n > 1 {
            max_phrase_words = max_phrase_words.max(n);
            phrases.insert(
                key.split_whitespace().collect::<Vec<_>>().join(" "),
                v * scale,
            );
        } else {
            lexicon.insert(key, v * scale);
        }
    }
    if lang != "en" {
        for &(w, v) in emoticons() {
            lexicon
                .entry(normalize(lang, &w.to_lowercase()))
                .or_insert(v);
        }
    }
    if lang == "en" {
        // AFINN-165's English words that VADER lacks ("flaw", "poorly", "unreliable", "outage"),
        // scaled like the other AFINN lists; VADER's own entry wins wherever both have a word.
        for (w, v) in tsv_entries(include_str!("lexicons/afinn_en.tsv")) {
            let key = w.split_whitespace().collect::<Vec<_>>().join(" ");
            if key.contains(' ') {
                max_phrase_words = max_phrase_words.max(key.split(' ').count());
                phrases.entry(key).or_insert(v * AFINN_SCALE);
            } else {
                lexicon.entry(key).or_insert(v * AFINN_SCALE);
            }
        }
    }
    let mut p = Profile {
        lang,
        lexicon,
        phrases,
        max_phrase_words,
        phrase_starts: HashSet::default(),
        phrase_pairs: HashSet::default(),
        phrase_pair_ids: HashSet::default(),
        phrase_ids: HashMap::default(),
        phrase_word_ids: HashMap::default(),
        negators: HashSet::default(),
        boosters: HashMap::default(),
        contrast: HashSet::default(),
        elisions: &[],
        negating_elisions: &[],
        negating_prefixes: &[],
        proclitics: &[],
        suffixes: &[],
        min_stem_chars: 3,
        learned: HashSet::default(),
        unaccented: HashSet::default(),
        words: HashMap::default(),
    };
    match lang {
        "en" => {
            p.negators = set(EN_NEGATE, lang);
            p.boosters = boosters(EN_BOOST_UP, EN_BOOST_DOWN, lang);
            p.contrast = set(&["but"], lang);
        }
        "es" => {
            p.negators = set(
                &[
                    "no", "nunca", "jamás", "jamas", "ni", "nada", "nadie", "ningún", "ningun",
                    "ninguna", "ninguno", "tampoco", "sin",
                ],
                lang,
            );
            p.boosters = boosters(
                &[
                    "muy",
                    "mucho",
                    "muchísimo",
                    "muchisimo",
                    "bastante",
                    "demasiado",
                    "súper",
                    "super",
                    "tan",
                    "totalmente",
                    "realmente",
                    "increíblemente",
                    "extremadamente",
                    "sumamente",
                    "re",
                    "más",
                    "mas",
                ],
                &["poco", "algo", "apenas", "casi", "medio", "ligeramente"],
                lang,
            );
            p.contrast = set(&["pero", "sino", "aunque"], lang);
        }
        "fr" => {
            p.negators = set(
                &[
                    "ne", "pas", "jamais", "rien", "aucun", "aucune", "sans", "ni", "guère",
                    "personne",
                ],
                lang,
            );
            p.boosters = boosters(
                &[
                    "très",
                    "tres",
                    "vraiment",
                    "trop",
                    "super",
                    "tellement",
                    "extrêmement",
                    "complètement",
                    "totalement",
                    "hyper",
                    "si",
                    "absolument",
                    "carrément",
                    "grave",
                ],
                &["peu", "plutôt", "moyennement", "presque", "légèrement"],
                lang,
            );
            p.contrast = set(&["mais", "cependant", "pourtant", "toutefois"], lang);
            p.elisions = &[
                "l'", "d'", "j'", "n'", "qu'", "c'", "s'", "m'", "t'", "l’", "d’", "j’", "n’",
                "qu’", "c’", "s’", "m’", "t’",
            ];
            p.negating_elisions = &["n'", "n’"];
        }
        "de" => {
            p.negators = set(
                &[
                    "nicht", "kein", "keine", "keinen", "keinem", "keiner", "keines", "nie",
                    "niemals", "nichts", "ohne", "weder", "nirgends",
                ],
                lang,
            );
            p.boosters = boosters(
                &[
                    "sehr",
                    "wirklich",
                    "total",
                    "extrem",
                    "echt",
                    "super",
                    "so",
                    "absolut",
                    "besonders",
                    "richtig",
                    "voll",
                    "mega",
                    "äußerst",
                    "unglaublich",
                    "höchst",
                    "ziemlich",
                    "zu",
                ],
                &["etwas", "wenig", "kaum", "bisschen", "einigermaßen", "fast"],
                lang,
            );
            p.contrast = set(
                &["aber", "jedoch", "sondern", "trotzdem", "allerdings"],
                lang,
            );
        }
        "pt" => {
            p.negators = set(
                &[
                    "não", "nao", "nunca", "jamais", "nem", "nada", "ninguém", "ninguem", "nenhum",
                    "nenhuma", "sem",
                ],
                lang,
            );
            p.boosters = boosters(
                &[
                    "muito",
                    "muita",
                    "muitos",
                    "super",
                    "bastante",
                    "demais",
                    "totalmente",
                    "realmente",
                    "extremamente",
                    "tão",
                    "tao",
                    "bem",
                    "mais",
                    "mega",
                ],
                &["pouco", "meio", "quase", "levemente"],
                lang,
            );
            p.contrast = set(
                &["mas", "porém", "porem", "contudo", "entretanto", "todavia"],
                lang,
            );
        }
        "fa" => {
            p.negators = set(
                &[
                    "نه",
                    "نمی",
                    "هیچ",
                    "بدون",
                    "نیست",
                    "نبود",
                    "نیستم",
                    "نیستند",
                    "ندارد",
                    "نداره",
                    "ندارم",
                    "نکنید",
                    "نخرید",
                    "نباید",
                    "نشد",
                    "نمیشه",
                    "نمی‌شود",
                    "نمیکنم",
                    "اصلا",
                ],
                lang,
            );
            p.boosters = boosters(
                &[
                    "خیلی",
                    "بسیار",
                    "واقعا",
                    "واقعاً",
                    "کاملا",
                    "کاملاً",
                    "زیاد",
                    "بی‌نهایت",
                    "فوق",
                    "خیلیی",
                    "بشدت",
                    "به‌شدت",
                    "شدیدا",
                    "کلی",
                ],
                &["کمی", "یکم", "نسبتا", "نسبتاً", "تقریبا"],
                lang,
            );
            p.contrast = set(&["اما", "ولی", "ولیکن", "لیکن"], lang);
            p.negating_prefixes = &["نمی", "ن"];
            p.suffixes = &[
                "هایش",
                "هاشون",
                "هاش",
                "هایی",
                "های",
                "ها",
                "اش",
                "ام",
                "ات",
                "یش",
                "یم",
                "ست",
                "مون",
                "تون",
                "شون",
                "یه",
                "ش",
                "م",
                "ت",
                "ه",
                "ی",
            ];
            // Three letters at least: two-letter stems were mostly misreadings ("کسی", someone,
            // read as a profanity; "سمت", side, as "poison"; "رده", class, as "reject").
            p.min_stem_chars = 3;
        }
        "ar" => {
            p.negators = set(
                &[
                    "لا",
                    "لم",
                    "لن",
                    "ما",
                    "ليس",
                    "ليست",
                    "لست",
                    "مش",
                    "مو",
                    "غير",
                    "بدون",
                    "مافي",
                    "ماهو",
                    "مفيش",
                    "ولا",
                    // Behind "و" (and), written as one word: "ومش طازج" (and not fresh).
                    "ولم",
                    "ولن",
                    "وما",
                    "وليس",
                    "ومش",
                    "ومو",
                    "ومافي",
                    "ومفيش",
                    "مافيه",
                    "ومافيه",
                    // "Absence of", "lack of": "عدم الرد" (no reply), "بقلة احترام" (with a lack
                    // of respect), "عدم وجود مشاكل" (no problems).
                    "عدم",
                    "بعدم",
                    "وعدم",
                    "قلة",
                    "بقلة",
                    "وقلة",
                    // "Nobody": "محد رد علي" (nobody answered me), Egyptian "محدش".
                    "محد",
                    "ماحد",
                    "ومحد",
                    "محدش",
                    "ومحدش",
                ],
                lang,
            );
            p.boosters = boosters(
                &[
                    "جدا",
                    "جداً",
                    "كثير",
                    "كثيرا",
                    "للغاية",
                    "تماما",
                    "اوي",
                    "أوي",
                    "قوي",
                    "خالص",
                    "جامد",
                    "بشدة",
                    "اكثر",
                    "أكثر",
                ],
                &["قليلا", "شوية", "شويه", "نوعا"],
                lang,
            );
            p.contrast = set(&["لكن", "ولكن", "بس", "لاكن"], lang);
            p.proclitics = &["وال", "بال", "فال", "كال", "لل", "ال", "و", "ف", "ب", "ل"];
            // After normalisation (ة → ه, ى → ي).
            p.suffixes = &[
                "هما", "كما", "هم", "هن", "كم", "كن", "نا", "ها", "ين", "ون", "ات", "ه", "ك", "ي",
            ];
        }
        _ => {}
    }
    if lang != "en" {
        // AFINN lists score some function words ("no" −1); as in VADER, a negator or booster must
        // modify its neighbour rather than count as a word of its own.
        let Profile {
            lexicon,
            negators,
            boosters,
            contrast,
            ..
        } = &mut p;
        lexicon.retain(|w, _| {
            !negators.contains(w) && !boosters.contains_key(w) && !contrast.contains(w)
        });
    }
    p
}

pub const EN_NEGATE: &[&str] = &[
    "aint",
    "arent",
    "cannot",
    "cant",
    "couldnt",
    "darent",
    "didnt",
    "doesnt",
    "ain't",
    "aren't",
    "can't",
    "couldn't",
    "daren't",
    "didn't",
    "doesn't",
    "dont",
    "hadnt",
    "hasnt",
    "havent",
    "isnt",
    "mightnt",
    "mustnt",
    "neither",
    "don't",
    "hadn't",
    "hasn't",
    "haven't",
    "isn't",
    "mightn't",
    "mustn't",
    "neednt",
    "needn't",
    "never",
    "none",
    "nope",
    "nor",
    "not",
    "nothing",
    "nowhere",
    "oughtnt",
    "shant",
    "shouldnt",
    "uhuh",
    "wasnt",
    "werent",
    "oughtn't",
    "shan't",
    "shouldn't",
    "uh-uh",
    "wasn't",
    "weren't",
    "without",
    "wont",
    "wouldnt",
    "won't",
    "wouldn't",
    "rarely",
    "seldom",
    "despite",
];

const EN_BOOST_UP: &[&str] = &[
    "absolutely",
    "amazingly",
    "awfully",
    "completely",
    "considerable",
    "considerably",
    "decidedly",
    "deeply",
    "effing",
    "enormous",
    "enormously",
    "entirely",
    "especially",
    "exceptional",
    "exceptionally",
    "extreme",
    "extremely",
    "fabulously",
    "flipping",
    "flippin",
    "frackin",
    "fracking",
    "fricking",
    "frickin",
    "frigging",
    "friggin",
    "fully",
    "fuckin",
    "fucking",
    "fuggin",
    "fugging",
    "greatly",
    "hella",
    "highly",
    "hugely",
    "incredible",
    "incredibly",
    "intensely",
    "major",
    "majorly",
    "more",
    "most",
    "particularly",
    "purely",
    "quite",
    "really",
    "remarkably",
    "so",
    "substantially",
    "thoroughly",
    "total",
    "totally",
    "tremendous",
    "tremendously",
    "uber",
    "unbelievably",
    "unusually",
    "utter",
    "utterly",
    "very",
];

const EN_BOOST_DOWN: &[&str] = &[
    "almost",
    "barely",
    "hardly",
    "just enough",
    "kind of",
    "kinda",
    "kindof",
    "kind-of",
    "less",
    "little",
    "marginal",
    "marginally",
    "occasional",
    "occasionally",
    "partly",
    "scarce",
    "scarcely",
    "slight",
    "slightly",
    "somewhat",
    "sort of",
    "sorta",
    "sortof",
    "sort-of",
];

/// VADER's special-case idioms containing lexicon words.
pub const EN_SPECIAL_CASES: &[(&str, f64)] = &[
    ("the shit", 3.0),
    ("the bomb", 3.0),
    ("bad ass", 1.5),
    ("badass", 1.5),
    ("bus stop", 0.0),
    ("yeah right", -2.0),
    ("kiss of death", -1.5),
    ("to die for", 3.0),
    ("beating heart", 3.5),
];

/// Whether `w`, unknown as written, is a curated word of `p` behind a proclitic, a suffix, or
/// both, with a valence: a form the scorer derives, looked up as it looks it up.
fn derives_from_lexicon(p: &Profile, w: &str) -> bool {
    use super::sentiment::{strip_proclitic, strip_suffix};
    !p.lexicon.contains_key(w)
        && strip_proclitic(p, w)
            .or_else(|| strip_suffix(p, w))
            .is_some_and(|v| v != 0.0)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn unaccented_spellings() {
        assert_eq!(unaccented("fr", "déçue").as_deref(), Some("decue"));
        assert_eq!(unaccented("fr", "cœur").as_deref(), Some("coeur"));
        assert_eq!(unaccented("pt", "decepção").as_deref(), Some("decepcao"));
        assert_eq!(unaccented("es", "pésimo").as_deref(), Some("pesimo"));
        assert_eq!(
            unaccented("de", "enttäuscht").as_deref(),
            Some("enttaeuscht")
        );
        assert_eq!(unaccented("de", "groß").as_deref(), Some("gross"));
        // Already plain, or a letter with no plain spelling.
        assert_eq!(unaccented("es", "bueno"), None);
        assert_eq!(unaccented("de", "café"), None);
        assert_eq!(unaccented("fr", "naïve😀"), None);
    }

    #[test]
    fn joined_contractions_joins_split_clitics_only() {
        let cases = [
            (
                "i repeat - do n't waste your money .",
                "i repeat - don't waste your money .",
            ),
            ("you wo n't regret it", "you won't regret it"),
            ("i ca n't recommend it", "i can't recommend it"),
            (
                "i can 't recommend this product",
                "i can't recommend this product",
            ),
            ("it 's great , i 've had it", "it's great , i've had it"),
            ("IT 'S GREAT", "IT'S GREAT"),
            ("the ipod 's battery", "the ipod's battery"),
            (
                "you 're golden , you 'll see , i 'd buy , i 'm sure",
                "you're golden , you'll see , i'd buy , i'm sure",
            ),
            ("end with a clitic 's", "end with a clitic's"),
        ];
        for (split, joined) in cases {
            assert_eq!(joined_contractions(split), joined, "{split}");
        }
        // Left alone: a quote after a space, a word that starts with the clitic's letters, a space
        // after punctuation, a second space, elisions, and text with nothing to join (borrowed).
        for same in [
            "he said 'so what'",
            "lil ' gadgets",
            "rock 'n' roll",
            "i need n'thing",
            "that was it , 's fine",
            "do  n't",
            "the 'sound' of it",
            "no contractions at all",
            "don't and it's already whole",
            "a nation n'tastic",
        ] {
            assert_eq!(joined_contractions(same), same, "{same}");
        }
        // Offsets move left by the spaces removed before them.
        let split = "i do n't , it 's";
        let joined = joined_contractions(split);
        assert_eq!(joined, "i don't , it's");
        for (at, want) in [
            (0, 0),
            (2, 2),
            (4, 4),
            (5, 4),
            (8, 7),
            (11, 10),
            (13, 12),
            (16, 14),
        ] {
            assert_eq!(joined_offset(split, at), want, "{at}");
        }
        assert!(matches!(
            joined_contractions("nothing to join here"),
            std::borrow::Cow::Borrowed(_)
        ));
    }

    #[test]
    fn straight_apostrophes_replaces_exactly_the_curly_ones() {
        // Pieces whose bytes share the lead bytes of the curly apostrophes (E2, CA, EF) without
        // being one: ZWNJ, dashes, quotes, ʻ, ﻻ, fullwidth letters.
        let pieces = [
            "don’t",
            "‘q’",
            "ʼ",
            "＇",
            "\u{200C}",
            "—",
            "“",
            "”",
            "ʻ",
            "ﻻ",
            "Ａ",
            "a",
            " ",
            "خوب",
            "é",
            "´",
            "'",
            "\u{2019}\u{2019}",
            // Styled letters and digits, and characters sharing their lead bytes that are not
            // (F0: emoji, Greek mathematical letters, negative squared letters; E2: ①, ⑩).
            "𝐀",
            "𝔟",
            "𝟗",
            "ⓑ",
            "Ⓩ",
            "🄰",
            "１ｚ",
            "𝚨",
            "🅰",
            "👩",
            "①⑩",
            "ｰ",
            // The invisible characters, and characters sharing their lead bytes (C2: the
            // no-break space, °, £; E2 80/81: the dashes, the ellipsis; EF BB: presentation forms).
            "\u{00AD}",
            "\u{200B}",
            "\u{200E}\u{202B}",
            "\u{2060}",
            "\u{2066}\u{2069}",
            "\u{FEFF}",
            "\u{00A0}",
            "°£",
            "…",
            "\u{2061}",
            "\u{FEFB}",
            "\u{200D}",
            // ´ and the backtick: apostrophes between letters only.
            "n´t",
            "it`s",
            "`",
            "´",
            "a",
            "Í",
        ];
        // Character by character: the text it becomes, and where each character's bytes start.
        let expected = |t: &str| -> (String, Vec<(usize, usize)>) {
            let cs: Vec<(usize, char)> = t.char_indices().collect();
            let mut out = String::new();
            let mut starts = Vec::new();
            for (k, &(at, c)) in cs.iter().enumerate() {
                starts.push((at, out.len()));
                let letters = k > 0
                    && cs[k - 1].1.is_ascii_alphabetic()
                    && cs.get(k + 1).is_some_and(|n| n.1.is_ascii_alphabetic());
                if CURLY_APOSTROPHES.contains(&c) || (matches!(c, '´' | '`') && letters) {
                    out.push('\'');
                } else if let Some(a) = styled_ascii(c) {
                    out.push(char::from(a));
                } else if !INVISIBLE.contains(&c) {
                    out.push(c);
                }
            }
            (out, starts)
        };
        let mut rng = fastrand::Rng::with_seed(0xA905);
        for _ in 0..5000 {
            let t: String = (0..rng.usize(0..8))
                .map(|_| pieces[rng.usize(..pieces.len())])
                .collect();
            let (want, starts) = expected(&t);
            assert_eq!(straight_apostrophes(&t), want, "{t:?}");
            // Every character boundary lands where the text before it went.
            for (at, lands) in starts {
                assert_eq!(straight_offset(&t, at), lands, "{t:?} {at}");
            }
        }
        assert_eq!(
            straight_apostrophes("I don´t like it, it`s `code` and I_Í´Í©ve"),
            "I don't like it, it's `code` and I_Í´Í©ve"
        );
        assert_eq!(
            straight_apostrophes("Kunden\u{AD}service @\u{200B}Acme don\u{2019}t"),
            "Kundenservice @Acme don't"
        );
        assert!(matches!(
            straight_apostrophes("پیام\u{200C}ها — “ok” 20\u{00B0} \u{00A0}👩\u{200D}💻 ① 🅰"),
            std::borrow::Cow::Borrowed(_)
        ));
        assert_eq!(
            straight_apostrophes("𝐓𝐞𝐫𝐫𝐢𝐛𝐥𝐞 service, ｎｅｖｅｒ again ⓐⓖⓐⓘⓝ 𝟏𝟎/𝟏𝟎"),
            "Terrible service, never again again 10/10"
        );
    }

    #[test]
    fn styled_letters_and_digits_are_their_nfkc_ascii_form() {
        let planes = ('\u{2400}'..='\u{27FF}')
            .chain('\u{FF00}'..='\u{FFEF}')
            .chain('\u{1D400}'..='\u{1D7FF}')
            .chain('\u{1F100}'..='\u{1F1FF}');
        let mut folded = 0;
        for c in planes {
            let nfkc: String = std::iter::once(c).nfkc().collect();
            let single_alnum = nfkc.len() == 1 && nfkc.as_bytes()[0].is_ascii_alphanumeric();
            match styled_ascii(c) {
                Some(a) => {
                    assert_eq!(nfkc, char::from(a).to_string(), "U+{:04X}", c as u32);
                    folded += 1;
                }
                // Left: not a single ASCII letter or digit, or outside the styled ranges (the
                // circled digits, the parenthesised letters, the negative squared letters).
                None => assert!(
                    !single_alnum
                        || matches!(c, '\u{2460}'..='\u{24B5}' | '\u{24EA}'..='\u{27FF}' | '\u{1F100}'..='\u{1F12F}' | '\u{1F14A}'..='\u{1F1FF}'),
                    "U+{:04X}",
                    c as u32
                ),
            }
        }
        // 62 fullwidth, 52 circled and 26 squared; 13 mathematical styles of the 52 Latin
        // letters (less the holes of letters encoded earlier, such as ℎ) and 5 of the digits.
        assert_eq!(folded, 842);
        assert_eq!(styled_ascii('a'), None);
        assert_eq!(styled_ascii('é'), None);
    }

    #[test]
    fn accents_come_off_latin_letters_but_not_off_n_tilde() {
        assert_eq!(
            without_accents("nestlé citroën müller ção àéîõü"),
            "nestle citroen muller cao aeiou"
        );
        assert_eq!(without_accents("ǎ ș ț ő ű ŷ"), "a s t o u y");
        // "ñ", and letters no decomposition makes ASCII, stay; other scripts are untouched.
        for kept in ["peña", "straße", "øre", "æble", "ﻻ", "خوب", "пре"] {
            assert_eq!(without_accents(kept), kept);
        }
        assert_eq!(without_accents("łódź naïve"), "łodz naive");
        assert!(matches!(
            without_accents("plain ascii"),
            std::borrow::Cow::Borrowed(_)
        ));
        assert!(matches!(
            without_accents("peña ß"),
            std::borrow::Cow::Borrowed(_)
        ));
        // Every letter folded is what NFD makes of it, less its marks.
        for c in ('\u{C0}'..='\u{24F}').filter(|c| accentless(*c).is_some()) {
            let nfd: String = std::iter::once(c).nfd().collect();
            assert_eq!(nfd.chars().next(), accentless(c).map(char::from), "{c}");
        }
    }

    #[test]
    fn the_match_view_drops_and_folds_and_maps_back() {
        let pieces = [
            "Lumora", " ", "é", "’", "\u{200B}", "\u{AD}", "\u{200D}", "\u{FEFF}", "\u{200E}",
            "\u{200C}", "𝐋", "ｕ", "Ⓜ", "🄾", "👩", "—", "\u{00A0}", "①", "ﻻ", "د",
        ];
        let mut rng = fastrand::Rng::with_seed(0x7a11);
        for _ in 0..5000 {
            let t: String = (0..rng.usize(0..8))
                .map(|_| pieces[rng.usize(..pieces.len())])
                .collect();
            // Character by character: what the view holds and the written span it comes from.
            let mut want = String::new();
            let mut spans = Vec::new();
            for (i, c) in t.char_indices() {
                let span = (i, i + c.len_utf8());
                if INVISIBLE.contains(&c) || c == '\u{200D}' {
                    continue;
                }
                let plain = styled_ascii(c).map_or(c, char::from);
                want.push(plain);
                spans.push((want.len() - plain.len_utf8(), want.len(), span));
            }
            match match_view(&t) {
                None => assert_eq!(want, t, "{t:?}"),
                Some(v) => {
                    assert_ne!(want, t, "{t:?}");
                    assert_eq!(v.text, want, "{t:?}");
                    for (a, b, span) in &spans {
                        assert_eq!(v.written_span(*a, *b), *span, "{t:?}");
                    }
                    if let (Some(first), Some(last)) = (spans.first(), spans.last()) {
                        assert_eq!(v.written_span(first.0, last.1), (first.2.0, last.2.1));
                    }
                }
            }
        }
    }

    #[test]
    fn plain_starters_need_no_normalisation_tables() {
        // The shortcut in `is_nfc` holds only if each such character is a starter that NFC keeps.
        for c in ('\0'..='\u{06FF}').filter(|c| is_plain_starter(*c)) {
            assert_eq!(
                unicode_normalization::char::canonical_combining_class(c),
                0,
                "U+{:04X}",
                c as u32
            );
            assert_eq!(
                unicode_normalization::is_nfc_quick(std::iter::once(c)),
                unicode_normalization::IsNormalized::Yes,
                "U+{:04X}",
                c as u32
            );
        }
    }

    #[test]
    fn the_caseless_blocks_have_no_case() {
        for c in ('\u{0590}'..='\u{07FF}').filter(|c| is_caseless_rtl(*c)) {
            assert!(!c.is_uppercase() && !c.is_lowercase(), "U+{:04X}", c as u32);
            assert_eq!(c.to_lowercase().collect::<String>(), c.to_string());
        }
    }

    #[test]
    fn normal_words_are_recognised_without_copying() {
        let words = [
            "خوب",
            "عالی",
            "كتاب",
            "کتاب",
            "مدرسة",
            "مدرسه",
            "أحمد",
            "احمد",
            "ي",
            "ی",
            "می\u{200C}خواهم",
            "آب",
            "ا\u{0653}ب",
            "جميـــل",
            "حَسَن",
            "Fernway",
            "fernway",
            "ۀ",
            "ه\u{0654}",
            "٣",
            "",
        ];
        for persian in [true, false] {
            for w in words {
                let normal = normalize_arabic_script(w, persian) == w;
                assert_eq!(
                    is_normal_arabic_script(w, persian),
                    normal,
                    "{w:?} persian={persian}"
                );
            }
        }
        // And on generated words, composed or not (the one-pass check asks the NFC tables only
        // past a character that is not a plain starter). A word the quick NFC check cannot settle
        // ("ك" and a combining acute) is copied though normal: only the other way would be wrong.
        let pool = "aZéİ٣أاآىيكیکةهـ\u{064E}\u{0653}\u{0654}\u{0670}\u{0301}\u{200C}ب";
        for w in generated(pool, 11, 8) {
            for persian in [true, false] {
                let normal = normalize_arabic_script(&w, persian) == w;
                if is_normal_arabic_script(&w, persian) {
                    assert!(normal, "{w:?} persian={persian}");
                } else if is_nfc(&w) {
                    assert!(!normal, "{w:?} persian={persian}");
                }
            }
        }
    }

    /// 5,000 strings of fewer than `max_chars` characters drawn from `pool`, seeded.
    fn generated(pool: &str, seed: u64, max_chars: usize) -> Vec<String> {
        let pool: Vec<char> = pool.chars().collect();
        let mut rng = fastrand::Rng::with_seed(seed);
        (0..5000)
            .map(|_| {
                (0..rng.usize(0..max_chars))
                    .map(|_| pool[rng.usize(..pool.len())])
                    .collect()
            })
            .collect()
    }

    /// The Arabic block's table answers as the rules do, and outside it nothing changed.
    #[test]
    fn the_arabic_block_table_agrees_with_the_rules() {
        for c in (0..=0x10FFFFu32).filter_map(char::from_u32) {
            assert_eq!(is_plain_starter(c), is_plain_starter_by_rules(c), "{c:?}");
            for persian in [true, false] {
                assert_eq!(changes(c, persian), changes_by_rules(c, persian), "{c:?}");
            }
        }
    }

    /// The shortcuts in `is_nfc` (plain starters, then stable starters one by one) answer as the
    /// normalisation tables do on the whole text: with emoji, CJK, Hangul jamo that compose,
    /// combining marks in and out of order, and marks that compose with alef.
    #[test]
    fn nfc_check_agrees_with_the_tables() {
        let pool = "aé ا\u{0653}\u{0654}ب\u{064E}\u{0650}\u{0301}\u{0316}😀👍🏽中\u{1100}\u{1161}가\u{FB1D}\u{0958}\u{212B}";
        let mut not_nfc = 0;
        for text in generated(pool, 11, 8) {
            let tables = unicode_normalization::is_nfc_quick(text.chars())
                == unicode_normalization::IsNormalized::Yes;
            assert_eq!(is_nfc(&text), tables, "{text:?}");
            not_nfc += usize::from(!tables);
        }
        assert!(
            not_nfc > 1000,
            "the pool makes texts of both kinds ({not_nfc})"
        );
    }

    /// The run-by-run copy writes what composing the text (NFC) and then folding every character
    /// one by one does, for NFC text and for text that is not (marks that compose with alef, out
    /// of order, after a space), also when the first non-NFC character comes after a folded one.
    /// The second pool holds what composes only segment by segment: hamza above and below after
    /// waw, yeh and heh (ؤ ئ ۀ), harakat that reorder before them, a capital that composes with
    /// an accent, Hangul jamo and Oriya vowel signs that compose starter with starter.
    #[test]
    fn normalising_by_runs_equals_folding_each_character() {
        use unicode_normalization::UnicodeNormalization;
        let pools = [
            "aZ ÉéİΣ٣۳أإآٱىيكیکةهـ\u{064E}\u{0670}\u{200C}\u{200D}\u{200F}😀بت.!ا\u{0653}\u{0301}\u{0316}",
            "Eeويىۀەهای \u{0654}\u{0655}\u{0653}\u{064E}\u{0650}\u{0651}\u{0301}\u{0323}\u{1100}\u{1161}\u{11A8}\u{0B47}\u{0B3E}😀",
            // Presentation forms: letters, lam-alef with hamza, a ligature of words, a
            // ligature of marks after a space, a noncharacter of the block, the byte-order mark.
            "ﺍﻟﺨﺪﻣﺔﺋﻻﻷﷲﯽﮔ\u{FC60}\u{FDD0}\u{FEFF}ب \u{0651}",
        ];
        let mut not_nfc = 0;
        for text in pools
            .iter()
            .enumerate()
            .flat_map(|(k, pool)| generated(pool, 7 + k as u64, 24))
        {
            not_nfc += usize::from(!is_nfc(&text));
            for persian in [true, false] {
                let mut each = String::from("kept ");
                fold_arabic_script(text.nfc(), persian, &mut each);
                let mut ours = String::from("kept ");
                normalize_arabic_script_into(&text, persian, &mut ours);
                assert_eq!(ours, each, "{text:?}");
            }
        }
        assert!(
            not_nfc > 2_000,
            "the pools make texts of both kinds ({not_nfc})"
        );
        // Every character of the Arabic block (read from its two bytes) and up to U+0800, alone
        // and between an Arabic letter and a capital.
        for cp in 0x80..0x800u32 {
            let Some(c) = char::from_u32(cp) else {
                continue;
            };
            for text in [c.to_string(), format!("ب{c}Z{c}")] {
                for persian in [true, false] {
                    let mut each = String::new();
                    fold_arabic_script(text.nfc(), persian, &mut each);
                    let mut ours = String::new();
                    normalize_arabic_script_into(&text, persian, &mut ours);
                    assert_eq!(ours, each, "U+{cp:04X}");
                }
            }
        }
    }

    /// A word in presentation forms normalises as the same word in letters (NFKC's letters,
    /// composed: "ﺳﻴﺌﺔ" is "سيئه", hamza kept on its seat), for every code point of both blocks,
    /// and [`is_normal_arabic_script`] never calls one normal.
    #[test]
    fn presentation_forms_normalise_as_their_letters() {
        use unicode_normalization::UnicodeNormalization;
        for c in (0xFB50..=0xFEFFu32).filter_map(char::from_u32) {
            let letters: String = std::iter::once(c).nfkc().collect();
            for persian in [true, false] {
                let ours = normalize_arabic_script(&format!("ب{c}ب"), persian);
                if is_presentation_form(c) && letters != c.to_string() {
                    let theirs = normalize_arabic_script(&format!("ب{letters}ب"), persian);
                    assert_eq!(ours, theirs, "U+{:04X}", c as u32);
                    assert!(!is_normal_arabic_script(&c.to_string(), persian));
                } else {
                    // Noncharacters, the byte-order mark and the blocks between the two ranges
                    // stay as they are.
                    assert_eq!(ours, format!("ب{c}ب"), "U+{:04X}", c as u32);
                }
            }
        }
        assert_eq!(
            normalize("ar", "ﺍﻟﺨﺪﻣﺔ ﺳﻴﺌﺔ ﺟﺪﺍ"),
            normalize("ar", "الخدمة سيئة جدا")
        );
        assert_eq!(normalize("ar", "ﻷ"), "لا");
        assert_eq!(normalize("fa", "ﮔﻮﺷﯽ ﺧﻮﺑﯽ"), normalize("fa", "گوشی خوبی"));
        assert_eq!(
            without_presentation_forms("Acme: ﺍﻟﺨﺪﻣﺔ ﺳﻴﺌﺔ 😀\u{FE0F}"),
            "Acme: الخدمة سيئة 😀\u{FE0F}"
        );
        assert!(matches!(
            without_presentation_forms("الخدمة 😀\u{FE0F} \u{FEFF}"),
            std::borrow::Cow::Borrowed(_)
        ));
    }

    #[test]
    fn char_at_decodes_as_chars_does() {
        for c in (0..=0x10FFFFu32).filter_map(char::from_u32) {
            let text = format!("a{c}b");
            assert_eq!(char_at(&text, 1), (c, c.len_utf8()), "U+{:04X}", c as u32);
        }
    }

    /// `supplement()` skips what it cannot read; every line of the shipped file must be readable.
    #[test]
    fn every_supplement_line_is_read() {
        let lines = include_str!("lexicons/supplement.tsv")
            .lines()
            .filter(|l| !l.starts_with('#') && !l.trim().is_empty())
            .count();
        assert_eq!(supplement().count(), lines);
    }

    /// `tsv_entries` skips what it cannot read; every entry line of the shipped lists must be
    /// readable, and the English fill must hold no word VADER's list already scores.
    #[test]
    fn every_shipped_list_line_is_read() {
        for raw in [
            include_str!("lexicons/vader_lexicon.tsv"),
            include_str!("lexicons/afinn_en.tsv"),
            include_str!("lexicons/afinn_es.tsv"),
            include_str!("lexicons/afinn_fr.tsv"),
            include_str!("lexicons/afinn_de.tsv"),
            include_str!("lexicons/afinn_pt.tsv"),
            include_str!("lexicons/afinn_fa.tsv"),
            include_str!("lexicons/afinn_ar.tsv"),
        ] {
            let lines = raw
                .lines()
                .filter(|l| !l.starts_with('#') && !l.trim().is_empty())
                .count();
            assert_eq!(tsv_entries(raw).count(), lines);
        }
        let vader: HashSet<String> = tsv_entries(include_str!("lexicons/vader_lexicon.tsv"))
            .map(|(w, _)| w.to_lowercase())
            .collect();
        for (w, _) in tsv_entries(include_str!("lexicons/afinn_en.tsv")) {
            assert!(!vader.contains(w), "{w} is VADER's");
            // A booster or negator with a valence would stop being read as one.
            assert!(
                ![EN_BOOST_UP, EN_BOOST_DOWN, EN_NEGATE]
                    .iter()
                    .any(|l| l.contains(&w)),
                "{w} is a rule word"
            );
        }
    }

    #[test]
    fn a_learned_weight_does_not_shadow_a_curated_word_behind_a_suffix() {
        let lex = Lexicons::shared();
        let ar = lex.profile("ar");
        // "مرعب" (terrifying) is curated; its feminine "مرعبة" is derived from it, whatever a
        // few tweets gave the feminine form.
        assert!(ar.lexicon.get("مرعب").is_some_and(|v| *v < 0.0));
        assert!(derives_from_lexicon(ar, "مرعبه"));
        assert!(!ar.learned.contains("مرعبه"));
        // A word the curated lists cannot reach is still filled.
        assert!(ar.learned.contains("ربنا"));
        assert!(!derives_from_lexicon(ar, "ربنا"));
    }

    #[test]
    fn lang_index_follows_langs() {
        for (i, l) in LANGS.iter().enumerate() {
            assert_eq!(lang_index(l), Some(i));
            assert_eq!(Lexicons::shared().profile(l).lang, *l);
        }
        assert_eq!(Lexicons::shared().profile("xx").lang, "en");
    }

    #[test]
    fn neutral_phrases_are_kept_with_no_valence() {
        let fa = Lexicons::shared().profile("fa");
        assert_eq!(fa.phrases.get("سخت افزار"), Some(&0.0));
        assert!(fa.phrase_starts.contains("سخت"));
    }

    #[test]
    fn a_zero_leaves_a_stemmed_word_known_and_weightless() {
        let lex = Lexicons::shared();
        // Where words are looked up again without clitics or suffixes, a zero keeps the word
        // known: the lookups do not reach into another word.
        assert_eq!(lex.profile("fa").lexicon.get("فرد"), Some(&0.0));
        // No learned table fills it either: the supplement has the last word.
        let ar = lex.profile("ar");
        for w in ["لجنة", "فكرة", "بكرة", "كبير", "خدمة"] {
            let k = normalize("ar", w);
            assert_eq!(ar.lexicon.get(&k), Some(&0.0), "{w}");
            assert!(!ar.learned.contains(&k), "{w}");
        }
        // Nor its forms behind a proclitic, which the table weighs apart: "الرد" (the reply), "رد".
        assert!(!ar.learned.contains("الرد"));
        assert!(!ar.lexicon.contains_key("الرد"));
        // English has no such lookups: a zero removes the word ("hope" is not a lexicon word, so
        // "no hope" keeps the "no").
        assert!(!lex.profile("en").lexicon.contains_key("hope"));
    }

    #[test]
    fn the_standard_spelling_wins_when_spellings_meet() {
        // The imported Arabic list has "خطأ" (mistake) −2 and "خطا" +3, "حرية" (freedom) +2 and
        // "حريه" −1: one word once normalised, weighed as its standard spelling.
        let ar = Lexicons::shared().profile("ar");
        assert!(ar.lexicon[&normalize("ar", "خطأ")] < 0.0);
        assert!(ar.lexicon[&normalize("ar", "حرية")] > 0.0);
        assert!(ar.lexicon[&normalize("ar", "متعة")] > 0.0);
        assert!(ar.lexicon[&normalize("ar", "وفاة")] < 0.0);
        // Persian "تأیید" (approval): the list's standard spelling is wrong, the supplement says.
        assert!(Lexicons::shared().profile("fa").lexicon[&normalize("fa", "تایید")] > 0.0);
    }
}
