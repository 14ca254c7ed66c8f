//! whatlang's combined method (alphabet plus trigram scores) for Latin-script text, restricted to
//! the seven languages Earshot tells apart, computed from the text's side.
//!
//! Why: whatlang scores a text against each language by walking the language's 300 profile
//! trigrams and looking each one up in a hash map of the text's trigrams: 2,100 lookups for seven
//! languages, about 110,000 instructions a text, whatever the text's length. That was a tenth of
//! classifying the dev texts although only one text in 25 needs trigrams. Here each of the text's
//! own trigrams (a few dozen in a post) is looked up once in a table that holds its rank in all
//! seven profiles, and the same sums come out. The result is whatlang's to the bit: same language,
//! same confidence (a test compares the two on thousands of texts), so the detector's decisions
//! and the README's figures stay as measured.
//!
//! The profiles and alphabets are whatlang 0.18.0's (MIT, see `lexicons/LICENSES.md`). Text that
//! is not plainly Latin script (any letter of another script) is left to whatlang itself, whose
//! script detection then decides.

use std::cmp::Reverse;

use rustc_hash::FxHashMap;
use whatlang::Lang;

/// The languages in whatlang's order for Latin script (`Script::Latin.langs()` and the profile
/// list agree on it), which is the order its sorts see ties in.
pub const LANGS: [Lang; 7] = [
    Lang::Spa,
    Lang::Eng,
    Lang::Por,
    Lang::Fra,
    Lang::Deu,
    Lang::Ita,
    Lang::Nld,
];

/// Each language's alphabet, in [`LANGS`] order (whatlang's `alphabets/latin.rs`).
const ALPHABETS: [&str; 7] = [
    "abcdefghijklmnopqrstuvwxyz¡¿áéíñóúü",
    "abcdefghijklmnopqrstuvwxyz",
    "abcdefghijklmnopqrstuvwxyzàáâãçéêíóôõú",
    "abcdefghijklmnopqrstuvwxyzàâçèéêëîïôùûüÿœ",
    "abcdefghijklmnopqrstuvwxyzßäöü",
    "abcdefghijklmnopqrstuvwxyzàèéìòù",
    "abcdefghijklmnopqrstuvwxyzàèéëïĳ",
];

/// A profile's length, and the distance a trigram missing from the text counts.
const MAX_DISTANCE: i64 = 300;
/// How many of the text's trigrams, most frequent first, are compared.
const TEXT_TRIGRAMS: usize = 600;
/// whatlang's `Info::is_reliable` threshold.
const RELIABLE: f64 = 0.9;
/// Rank of a trigram absent from a profile.
const ABSENT: u16 = u16::MAX;
/// Every alphabet's letters are below this code point, so a table indexed by it says which
/// languages' alphabets hold a character.
const ALPHABET_CHARS: usize = 0x250;

/// whatlang's answer for a text: the language and its confidence.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Guess {
    pub lang: Lang,
    pub confidence: f64,
}

impl Guess {
    pub fn is_reliable(&self) -> bool {
        self.confidence > RELIABLE
    }
}

pub struct LatinTrigrams {
    /// A trigram's (three characters packed by [`key`]) rank in each language's profile.
    ranks: FxHashMap<u64, [u16; 7]>,
    /// By code point: which languages' alphabets hold the character (bit i for `LANGS[i]`).
    alphabet: Vec<u8>,
}

impl Default for LatinTrigrams {
    fn default() -> Self {
        Self::new()
    }
}

/// Three characters as one ordered key: compares as whatlang's `Trigram(c1, c2, c3)` does.
fn key(c1: char, c2: char, c3: char) -> u64 {
    ((c1 as u64) << 42) | ((c2 as u64) << 21) | c3 as u64
}

/// whatlang's stop characters: ASCII space, punctuation and digits.
fn is_stop_char(c: char) -> bool {
    matches!(c, '\u{0000}'..='\u{0040}' | '\u{005B}'..='\u{0060}' | '\u{007B}'..='\u{007E}')
}

/// whatlang's Latin script.
fn is_latin(c: char) -> bool {
    matches!(c,
        'a'..='z'
        | 'A'..='Z'
        | '\u{0080}'..='\u{024F}'
        | '\u{0250}'..='\u{02AF}'
        | '\u{1D00}'..='\u{1DBF}'
        | '\u{1E00}'..='\u{1EFF}'
        | '\u{2100}'..='\u{214F}'
        | '\u{2C60}'..='\u{2C7F}'
        | '\u{A720}'..='\u{A7FF}'
        | '\u{AB30}'..='\u{AB6F}'
    )
}

/// Characters of no script whatlang counts: general punctuation, letterlike and other symbols,
/// arrows, emoji, variation selectors, tags. A text of Latin letters and these is Latin script to
/// whatlang. (CJK punctuation and fullwidth forms are left out: whatlang counts some of them as
/// Mandarin or Hangul.)
fn is_scriptless(c: char) -> bool {
    matches!(c,
        '\u{2000}'..='\u{20FF}'
        | '\u{2150}'..='\u{2BFF}'
        | '\u{FE00}'..='\u{FE0F}'
        | '\u{FE30}'..='\u{FE4F}'
        | '\u{1F000}'..='\u{1FAFF}'
        | '\u{E0000}'..='\u{E007F}'
    )
}

impl LatinTrigrams {
    /// Reads the bundled profiles.
    ///
    /// # Panics
    /// If the bundled file is malformed (it is compiled in; a test reads it).
    pub fn new() -> Self {
        let mut ranks: FxHashMap<u64, [u16; 7]> = FxHashMap::default();
        let data = include_str!("lexicons/whatlang_latin_trigrams.tsv");
        let mut seen = 0;
        for line in data
            .lines()
            .filter(|l| !l.starts_with('#') && !l.is_empty())
        {
            let (code, profile) = line.split_once('\t').expect("code<TAB>trigrams|");
            let profile = profile.strip_suffix('|').expect("a profile ends in |");
            let i = LANGS
                .iter()
                .position(|l| l.code() == code)
                .expect("a language of LANGS");
            let chars: Vec<char> = profile.chars().collect();
            assert_eq!(
                chars.len(),
                3 * MAX_DISTANCE as usize,
                "{code}: 300 trigrams"
            );
            for (rank, t) in chars.chunks(3).enumerate() {
                let entry = ranks.entry(key(t[0], t[1], t[2])).or_insert([ABSENT; 7]);
                entry[i] = rank as u16;
            }
            seen |= 1 << i;
        }
        assert_eq!(seen, 0x7f, "a profile for every language");
        let mut alphabet = vec![0u8; ALPHABET_CHARS];
        for (i, letters) in ALPHABETS.iter().enumerate() {
            for c in letters.chars() {
                alphabet[c as usize] |= 1 << i;
            }
        }
        LatinTrigrams { ranks, alphabet }
    }

    /// whatlang's guess among [`LANGS`] for `text`, or `None` when it has no answer; `Err` when
    /// the text holds a letter of another script, which this does not score (ask whatlang).
    pub fn detect(&self, text: &str) -> Result<Option<Guess>, NotLatin> {
        let mut latin = 0;
        for c in text.chars() {
            if is_latin(c) {
                latin += 1;
            } else if !is_stop_char(c) && !is_scriptless(c) {
                return Err(NotLatin);
            }
        }
        if latin == 0 {
            // whatlang finds no script: no answer.
            return Ok(None);
        }
        let lower = text.to_lowercase();

        // Alphabet: letters each language's alphabet holds, and the trigrams, in one pass.
        let mut letters = 0usize;
        let mut in_alphabet = [0usize; 7];
        let mut trigrams: Vec<u64> = Vec::with_capacity(lower.len() + 1);
        let mut chars = lower
            .chars()
            .map(|c| {
                if is_stop_char(c) {
                    return ' ';
                }
                letters += 1;
                let mask = self.alphabet.get(c as usize).copied().unwrap_or(0);
                for (i, n) in in_alphabet.iter_mut().enumerate() {
                    *n += usize::from(mask >> i & 1);
                }
                c
            })
            .chain(Some(' '));
        let (mut c1, mut c2) = (' ', chars.next().unwrap_or(' '));
        for c3 in chars {
            if !(c2 == ' ' && (c1 == ' ' || c3 == ' ')) {
                trigrams.push(key(c1, c2, c3));
            }
            c1 = c2;
            c2 = c3;
        }

        // The text's trigrams by count, most frequent first, ties by trigram, descending.
        trigrams.sort_unstable();
        let mut counted: Vec<(u32, u64)> = Vec::with_capacity(trigrams.len());
        for t in trigrams {
            match counted.last_mut() {
                Some((n, last)) if *last == t => *n += 1,
                _ => counted.push((1, t)),
            }
        }
        counted.sort_unstable_by(|a, b| b.cmp(a));
        counted.truncate(TEXT_TRIGRAMS);
        let count = counted.len();

        // Each profile's out-of-place distance: a profile trigram missing from the text counts
        // MAX_DISTANCE, a present one how far its rank is from the text's.
        let mut distance = [MAX_DISTANCE * MAX_DISTANCE; 7];
        for (position, (_, t)) in counted.iter().enumerate() {
            if let Some(ranks) = self.ranks.get(t) {
                for (d, &rank) in distance.iter_mut().zip(ranks) {
                    if rank != ABSENT {
                        *d += (position as i64 - rank as i64).abs() - MAX_DISTANCE;
                    }
                }
            }
        }
        let mut lang_distances: Vec<(Lang, u32)> = LANGS
            .iter()
            .zip(distance)
            .map(|(&lang, mut d)| {
                if MAX_DISTANCE > count as i64 {
                    d -= (MAX_DISTANCE - count as i64) * MAX_DISTANCE;
                }
                (lang, d.clamp(0, MAX_DISTANCE * MAX_DISTANCE) as u32)
            })
            .collect();
        lang_distances.sort_unstable_by_key(|(_, d)| *d);
        let max_distance = count as u32 * MAX_DISTANCE as u32;
        let trigram_scores: Vec<(Lang, f64)> = lang_distances
            .iter()
            .map(|&(lang, d)| (lang, (max_distance - d) as f64 / max_distance as f64))
            .collect();

        let mut raw: Vec<(Lang, usize)> = LANGS
            .iter()
            .zip(in_alphabet)
            .map(|(&lang, n)| (lang, (2 * n).saturating_sub(letters)))
            .collect();
        raw.sort_unstable_by_key(|(_, score)| Reverse(*score));

        let alphabet_weight = (-(letters as f64 / 300.0) + 2.0 / 3.0).clamp(1.0 / 3.0, 2.0 / 3.0);
        let trigram_weight = 1.0 - alphabet_weight;
        let mut scores: Vec<(Lang, f64)> = raw
            .iter()
            .map(|&(lang, r)| {
                let a = r as f64 / letters as f64;
                let t = trigram_scores
                    .iter()
                    .find(|(l, _)| *l == lang)
                    .map_or(0.0, |x| x.1);
                (lang, a * alphabet_weight + t * trigram_weight)
            })
            .collect();
        scores.sort_unstable_by(|a, b| b.1.partial_cmp(&a.1).unwrap_or(std::cmp::Ordering::Less));
        let (lang, first) = scores[0];
        let confidence = confidence(first, scores[1].1, count);
        Ok(Some(Guess { lang, confidence }))
    }
}

/// The text holds a letter of a script other than Latin.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct NotLatin;

/// whatlang's confidence that the best score's language is right, from its lead over the second.
fn confidence(highest: f64, second: f64, count: usize) -> f64 {
    if highest == 0.0 {
        return 0.0;
    }
    if second == 0.0 {
        return highest;
    }
    let confident_rate = (3.0 / count as f64) + 0.015;
    let rate = (highest - second) / second;
    if rate > confident_rate {
        1.0
    } else {
        rate / confident_rate
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use whatlang::Detector;

    /// Texts to compare on: the golden set and the demo posts (seven languages, emoji, URLs),
    /// and random mixes of words of the seven languages with accents, capitals, emoji,
    /// punctuation and digits, short and long (past the 600 trigrams compared).
    fn texts() -> Vec<String> {
        let mut texts = crate::classify::golden_and_demo_texts();
        let words = [
            "the",
            "and",
            "is",
            "not",
            "bought",
            "delivery",
            "de",
            "la",
            "que",
            "el",
            "envío",
            "no",
            "llegó",
            "pedido",
            "le",
            "et",
            "est",
            "très",
            "déçu",
            "livraison",
            "où",
            "der",
            "die",
            "und",
            "nicht",
            "Lieferung",
            "größe",
            "für",
            "o",
            "não",
            "chegou",
            "atendimento",
            "péssimo",
            "il",
            "che",
            "è",
            "non",
            "perché",
            "het",
            "een",
            "niet",
            "bestelling",
            "ĳs",
            "İstanbul",
            "Ñandú",
            "ÇA",
            "STRAßE",
            "über",
            "x",
            "zz",
            "q",
            "😀",
            "👍🏽",
            "❤️",
            "™",
            "’",
            "—",
            "!!",
            "?",
            "42",
            "3,50€",
            "#tag",
            "@maya",
            "http://x.co/a",
            "\n",
            "a",
            "e",
            "aaaa",
            "ÿ",
            "œuvre",
            "ãõ",
            "¡¿",
        ];
        let mut rng = fastrand::Rng::with_seed(0x7A16);
        for n in 0..3000 {
            let len = match n % 10 {
                0 => rng.usize(200..400),
                1..=3 => rng.usize(1..4),
                _ => rng.usize(4..40),
            };
            let t: Vec<&str> = (0..len).map(|_| words[rng.usize(..words.len())]).collect();
            texts.push(t.join(if n % 7 == 0 { "" } else { " " }));
        }
        texts.extend(["", " ", "x", "123 !!", "😀", "a😀b", "ab ab ab ab"].map(String::from));
        texts
    }

    #[test]
    fn latin_text_gets_whatlangs_answer_to_the_bit() {
        let ours = LatinTrigrams::new();
        let theirs = Detector::with_allowlist(LANGS.to_vec());
        let (mut compared, mut passed_on) = (0, 0);
        for t in texts() {
            match ours.detect(&t) {
                Ok(g) => {
                    let w = theirs.detect(&t).map(|i| Guess {
                        lang: i.lang(),
                        confidence: i.confidence(),
                    });
                    // NaN (no trigrams) compares unequal: compare the bits.
                    let bits = |g: Option<Guess>| g.map(|g| (g.lang, g.confidence.to_bits()));
                    assert_eq!(bits(g), bits(w), "{t:?}");
                    compared += 1;
                }
                Err(NotLatin) => passed_on += 1,
            }
        }
        assert!(compared > 3000, "{compared} compared");
        // The Persian and Arabic demo and golden posts go to whatlang.
        assert!(passed_on > 20, "{passed_on} passed on");
    }

    #[test]
    fn other_scripts_are_passed_on_and_scriptless_text_has_no_answer() {
        let ours = LatinTrigrams::new();
        assert_eq!(ours.detect("привет hello"), Err(NotLatin));
        assert_eq!(ours.detect("خیلی خوبه ok"), Err(NotLatin));
        assert_eq!(ours.detect("東京 ok"), Err(NotLatin));
        assert_eq!(ours.detect("123 !! 😀"), Ok(None));
        let g = ours
            .detect("the delivery was late and nobody answered")
            .unwrap();
        assert_eq!(g.map(|g| g.lang), Some(Lang::Eng));
        let g = ours
            .detect("o pedido não chegou e ninguém responde")
            .unwrap();
        assert_eq!(g.map(|g| g.lang), Some(Lang::Por));
    }
}
