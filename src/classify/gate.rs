//! A literal gate in front of a list of rule regexes: one Aho-Corasick pass over a text tells which
//! rules could match it, so that only those rules' own regexes run.
//!
//! Why: one `RegexSet` over every rule of a language answers in one pass, but its lazy DFA builds
//! its states from the texts it reads, and a stream of texts it has never seen kept it building
//! (more than half of `earshot classify` on new texts, see the README). Each rule's own regex is
//! small, its DFA warm after a few texts, and most rules are not candidates for a given text.
//!
//! How: from each rule's syntax tree, a set of strings of which every match of the rule must
//! contain one (for `\b(?:i|we) (?:recommend|suggest)\b`, {"recommend", "suggest"}), chosen by the
//! longest shortest member (up to 12 bytes). The gate's answer is exact, not a guess: a rule it
//! leaves out cannot match. A rule with no such set (one that can match any letters, `^\w+\?`) is a
//! candidate for every text.

use std::collections::HashMap;
use std::rc::Rc;

use aho_corasick::automaton::Automaton;
use aho_corasick::dfa::DFA;
use aho_corasick::nfa::contiguous::NFA;
use aho_corasick::{Anchored, MatchKind, StartKind};
use regex_syntax::hir::{Class, Hir, HirKind};

/// At most this many strings stand for one piece of a pattern; more, and the piece is not used.
const MAX_STRINGS: usize = 64;
/// Candidate rules are collected in a bit set of this many words.
const MAX_RULES: usize = 256;

/// Which of a list of patterns could match a text.
#[derive(Debug)]
pub struct Gate {
    /// Every rule's required strings, ASCII letters matched in either case.
    literals: Literals,
    /// The rule each of `literals`' patterns stands for.
    owner: Vec<u16>,
    /// Rules with no required strings: candidates for every text.
    always: [u64; MAX_RULES / 64],
    /// Every rule, for texts holding a character of `folded`.
    all: [u64; MAX_RULES / 64],
    /// Non-ASCII characters the required strings leave out because they case-fold to an ASCII
    /// letter (the long s, the Kelvin sign): rare enough that a text holding one is simply given
    /// to every rule.
    folded: Vec<char>,
}

/// A gate's automaton: a DFA (a table lookup a byte) for a gate whose table is small enough to
/// stay in the processor's caches (Persian's, Arabic's), a contiguous NFA (a fifth of the memory or
/// less, more instructions a byte) for the others. English's gate, which reads every text, was a
/// DFA of 11.2 MB: fewer instructions, but on English text its walk goes deep into the table and
/// misses the caches. Timed in one process beside the NFA (each text through both, in either
/// order; twenty-ninth session) it took 16–43 % longer: 2.3–3.1 µs a dev text against 1.9–2.6 µs,
/// 6.6–7.8 µs a stream text against 4.6–6.4 µs. Instruction counts (callgrind), by which it had
/// been chosen, do not see cache misses. As an NFA it holds 10.5 MB less.
#[derive(Debug)]
enum Literals {
    Dense(DFA),
    Compact(NFA),
}

/// How a gate's automaton is built (see [`Literals`]).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Build {
    /// A DFA: for small gates.
    Dense,
    /// A contiguous NFA: for large ones.
    Compact,
}

impl Gate {
    /// Builds the gate for `patterns` (as the regex crate parses them, flags included).
    ///
    /// # Panics
    /// If a pattern does not parse (the rules are compiled constants) or there are more than 256.
    #[cfg(test)]
    pub fn new<S: AsRef<str>>(patterns: &[S], build: Build) -> Gate {
        let required: Vec<Required> = patterns
            .iter()
            .map(|p| required_strings(p.as_ref()))
            .collect();
        Gate::from_required(&required, build)
    }

    /// Builds the gate from each rule's [`required_strings`], each cut to [`AUTOMATON_BYTES`], as
    /// a DFA (a table lookup a byte) or a contiguous NFA (see [`Literals`]).
    ///
    /// # Panics
    /// If there are more than 256 rules.
    pub fn from_required<'r>(
        required: impl IntoIterator<Item = &'r Required>,
        build: Build,
    ) -> Gate {
        let required: Vec<&Required> = required.into_iter().collect();
        assert!(
            required.len() <= MAX_RULES,
            "at most {MAX_RULES} rules a gate"
        );
        let mut strings: Vec<Vec<u8>> = Vec::new();
        let mut owner = Vec::new();
        let mut always = [0u64; MAX_RULES / 64];
        let mut all = [0u64; MAX_RULES / 64];
        let mut folded: Vec<char> = Vec::new();
        for (i, (set, fold)) in required.iter().enumerate() {
            all[i / 64] |= 1 << (i % 64);
            for &c in fold {
                if !folded.contains(&c) {
                    folded.push(c);
                }
            }
            match set {
                Some(set) => {
                    // Cut, a rule's strings may repeat: each is kept once.
                    let mut cut: Vec<Vec<u8>> = set
                        .iter()
                        .map(|s| s[..s.len().min(AUTOMATON_BYTES)].to_vec())
                        .collect();
                    cut.sort();
                    cut.dedup();
                    owner.extend(std::iter::repeat_n(i as u16, cut.len()));
                    strings.extend(cut);
                }
                None => always[i / 64] |= 1 << (i % 64),
            }
        }
        let literals = match build {
            Build::Dense => Literals::Dense(
                DFA::builder()
                    .ascii_case_insensitive(true)
                    .match_kind(MatchKind::Standard)
                    .start_kind(StartKind::Unanchored)
                    .build(&strings)
                    .expect("gate literals build"),
            ),
            Build::Compact => Literals::Compact(
                NFA::builder()
                    .ascii_case_insensitive(true)
                    .match_kind(MatchKind::Standard)
                    .build(&strings)
                    .expect("gate literals build"),
            ),
        };
        Gate {
            literals,
            owner,
            always,
            all,
            folded,
        }
    }

    /// The rules that could match `text`, in ascending order.
    pub fn candidates(&self, text: &str) -> impl Iterator<Item = usize> + use<> {
        let mut bits = self.always;
        if !text.is_ascii() && self.folded.iter().any(|&c| text.contains(c)) {
            bits = self.all;
        } else {
            match &self.literals {
                Literals::Dense(a) => self.walk(a, text, &mut bits),
                Literals::Compact(a) => self.walk(a, text, &mut bits),
            }
        }
        bits.into_iter().enumerate().flat_map(|(w, mut word)| {
            std::iter::from_fn(move || {
                (word != 0).then(|| {
                    let b = word.trailing_zeros() as usize;
                    word &= word - 1;
                    w * 64 + b
                })
            })
        })
    }

    /// Every string of `text` found, overlaps included, by walking the automaton a byte at a time:
    /// a match state lists every string that ends there (its own and its suffixes').
    /// (`find_overlapping_iter` does the same, a call per match, at twice the cost.)
    #[inline]
    fn walk<A: Automaton>(&self, a: &A, text: &str, bits: &mut [u64; MAX_RULES / 64]) {
        let mut sid = a
            .start_state(Anchored::No)
            .expect("an unanchored automaton has an unanchored start");
        for &b in text.as_bytes() {
            sid = a.next_state(Anchored::No, sid, b);
            if a.is_special(sid) && a.is_match(sid) {
                for k in 0..a.match_len(sid) {
                    let r = self.owner[a.match_pattern(sid, k).as_usize()] as usize;
                    bits[r / 64] |= 1 << (r % 64);
                }
            }
        }
    }

    /// How many rules have no required strings (and so run on every text).
    #[cfg(test)]
    pub fn ungated(&self) -> usize {
        self.always.iter().map(|w| w.count_ones() as usize).sum()
    }
}

/// A rule's required strings and the characters they leave out (see [`required_strings`]).
pub type Required = (Option<Vec<Vec<u8>>>, Vec<char>);

/// The set of strings of which every match of `pattern` contains one (ASCII letters in lowercase,
/// standing for both cases), or `None` when there is no such set of few non-empty strings; and the
/// non-ASCII characters that case-fold to an ASCII letter the set leaves out (see
/// [`class_members`]).
pub fn required_strings(pattern: &str) -> Required {
    let hir = regex_syntax::parse(pattern).expect("rule pattern parses");
    let mut finder = Finder::default();
    let set = finder.required(&hir).map(|s| minimal(s.to_vec()));
    (set, finder.folded)
}

/// Required strings worked out ahead of time, one line a pattern: `gate_strings.txt`, beside this
/// file, written by the test `signals::tests::gate_strings_file_is_current` (which fails, saying
/// how to rewrite it, when a rule changes and the file was not rewritten).
///
/// Why: working them out from each rule's syntax tree (a parse with Unicode case folding, then
/// the search below) for the 215 gated patterns took about 100 ms, over half of the start-up of
/// `earshot classify` and of the service. A pattern the file lacks (a rule edited, the file not
/// yet rewritten) is worked out as before, so a stale file costs start-up time, never a match.
pub struct Precomputed {
    by_key: HashMap<PatternKey, Required>,
}

/// A pattern's FNV-1a hash and length: how `gate_strings.txt` names a pattern without spelling
/// it out (the patterns are 277 KB).
type PatternKey = (u64, usize);

fn pattern_key(pattern: &str) -> PatternKey {
    let mut h: u64 = 0xcbf2_9ce4_8422_2325;
    for &b in pattern.as_bytes() {
        h ^= u64::from(b);
        h = h.wrapping_mul(0x0100_0000_01b3);
    }
    (h, pattern.len())
}

/// The file the build carries (see [`Precomputed`]).
const PRECOMPUTED_FILE: &str = include_str!("gate_strings.txt");

impl Precomputed {
    /// The file compiled into the binary. A line that does not read (the file is written by a
    /// test, never by hand) is skipped: its pattern is worked out at start-up instead.
    pub fn load() -> Precomputed {
        Precomputed::parse(PRECOMPUTED_FILE)
    }

    fn parse(file: &str) -> Precomputed {
        let by_key = file
            .lines()
            .filter(|l| !l.is_empty() && !l.starts_with('#'))
            .filter_map(parse_line)
            .collect();
        Precomputed { by_key }
    }

    /// `pattern`'s required strings: the file's, taken out of it, or worked out.
    pub fn take(&mut self, pattern: &str) -> Required {
        self.by_key
            .remove(&pattern_key(pattern))
            .unwrap_or_else(|| required_strings(pattern))
    }
}

/// One line of `gate_strings.txt`: the rule's label (for the reader of a diff), the pattern's
/// key, the characters left out (see [`required_strings`]), then `-` for no set, or `+` and the
/// set's strings; fields apart by tabs, bytes other than printable text written `\xHH`. Only the
/// test that writes the file calls it.
#[cfg(test)]
pub fn precomputed_line(label: &str, pattern: &str, required: &Required) -> String {
    let (hash, len) = pattern_key(pattern);
    let folded: String = required.1.iter().collect();
    let mut line = format!(
        "{label}\t{hash:016x}:{len}\t{}\t",
        escape(folded.as_bytes())
    );
    match &required.0 {
        None => line.push('-'),
        Some(set) => {
            line.push('+');
            for s in set {
                line.push('\t');
                line.push_str(&escape(s));
            }
        }
    }
    line
}

fn parse_line(line: &str) -> Option<(PatternKey, Required)> {
    let mut fields = line.split('\t');
    let _label = fields.next()?;
    let (hash, len) = fields.next()?.split_once(':')?;
    let key = (u64::from_str_radix(hash, 16).ok()?, len.parse().ok()?);
    let folded = String::from_utf8(unescape(fields.next()?)?).ok()?;
    let set = match fields.next()? {
        "-" => None,
        "+" => Some(fields.map(unescape).collect::<Option<Vec<_>>>()?),
        _ => return None,
    };
    Some((key, (set, folded.chars().collect())))
}

/// Text as it is, but for `\`, control characters and bytes that are not UTF-8: `\xHH`.
#[cfg(test)]
fn escape(bytes: &[u8]) -> String {
    let hex = |out: &mut String, b: u8| out.push_str(&format!("\\x{b:02x}"));
    let mut out = String::new();
    match std::str::from_utf8(bytes) {
        Ok(text) => {
            for c in text.chars() {
                if c == '\\' || c.is_control() {
                    let mut buf = [0; 4];
                    c.encode_utf8(&mut buf)
                        .bytes()
                        .for_each(|b| hex(&mut out, b));
                } else {
                    out.push(c);
                }
            }
        }
        Err(_) => {
            for &b in bytes {
                if b.is_ascii_graphic() && b != b'\\' || b == b' ' {
                    out.push(char::from(b));
                } else {
                    hex(&mut out, b);
                }
            }
        }
    }
    out
}

fn unescape(field: &str) -> Option<Vec<u8>> {
    let bytes = field.as_bytes();
    let mut out = Vec::with_capacity(bytes.len());
    let mut i = 0;
    while i < bytes.len() {
        if bytes[i] == b'\\' {
            let hex = std::str::from_utf8(bytes.get(i + 2..i + 4)?).ok()?;
            (bytes.get(i + 1) == Some(&b'x')).then_some(())?;
            out.push(u8::from_str_radix(hex, 16).ok()?);
            i += 4;
        } else {
            out.push(bytes[i]);
            i += 1;
        }
    }
    Some(out)
}

/// A set of strings, shared: [`Finder`] remembers each node's exact strings and hands them out
/// without copying.
type Strings = Rc<[Vec<u8>]>;

/// Works out required strings over one pattern's syntax tree. Each node's exact strings are
/// worked out once: the search asks for them at every level above the node (a concatenation
/// tries each run of its children, an alternation each branch), and doing it again each time was
/// most of the start-up of `earshot classify` (3.7 M instructions a rule).
#[derive(Default)]
struct Finder {
    /// Non-ASCII characters left out of class members (see [`class_members`]).
    folded: Vec<char>,
    /// Each node's [`Finder::exact`], by the node's address (the tree outlives the finder).
    exact: HashMap<*const Hir, Option<Strings>>,
}

/// Required strings this long are as good as longer ones: a text holding 12 given bytes of a
/// rule's words rarely fails the rule. Capping the length search stops a concatenation's runs
/// early (trying every run of a long rule's hundreds of one-letter classes was most of start-up)
/// and keeps the gate's automaton small.
const LONG_ENOUGH: usize = 12;

/// The automaton holds each required string's first this many bytes only. A prefix of a string
/// every match contains is one every match contains, so the gate stays exact; it only names a
/// rule for a few more texts. English's DFA held 15.6 MB with whole strings (4,580 of them, up to
/// 40 bytes), 11.2 MB cut at 14 bytes and 12.8 MB at 16, for 1.7 % and 1.4 % more instructions
/// of `earshot classify` on the dev texts × 5: the 4.4 MB keep the classifier under its memory
/// goal with the rules' search caches full (see the README). The twenty-eighth session's rules
/// took the peak on 200,000 stream texts to 94.3 MiB (98.9 MB) at 14 bytes; 13 bytes take 2.4 MiB
/// off start-up and 2.0 MiB off that peak for 1.2 % more instructions. English's gate has been a
/// contiguous NFA since the twenty-ninth session; whole strings (a cut at 64 bytes) made it 1.4 MiB
/// larger and no faster in time (best of six runs: 1.76 s against 1.71 s on the dev texts × 5,
/// 1.98 s against 1.87 s on 40,000 stream texts), so the cut stays.
const AUTOMATON_BYTES: usize = 13;

/// How good a required set is as a gate: its shortest string as long as can be (short strings
/// occur everywhere) up to [`LONG_ENOUGH`], then as few strings as can be. Lengths are counted in
/// quarter bytes, so that a common word (see [`weight`]) can rank between two lengths.
fn score(set: &[Vec<u8>]) -> (usize, std::cmp::Reverse<usize>) {
    let shortest = set.iter().map(|s| weight(s)).min().unwrap_or(0);
    (shortest.min(4 * LONG_ENOUGH), std::cmp::Reverse(set.len()))
}

/// Words so frequent that a gate on them names a rule for most texts of their language. Chosen
/// (twenty-ninth session) where a rule's set was these: `helpful_staff` was a candidate for
/// 3,705 of the 18,720 dev texts on " is ", " was ", " 's "… and matched 3; its adjectives
/// ("helpful", "friendly", "kind"…) are as long and far rarer.
const COMMON_WORDS: &[&str] = &[
    "a", "an", "the", "is", "was", "are", "were", "be", "been", "'s", "'re", "'m", "has", "have",
    "had", "do", "did", "in", "on", "at", "by", "to", "of", "for", "with", "from", "after", "and",
    "or", "but", "so", "if", "as", "it", "i", "you", "we", "he", "she", "they", "my", "me", "not",
    "no", "this", "that", "de", "la", "le", "el", "en", "et", "y", "e", "o", "que", "un", "une",
    "da", "em", "und", "der", "das", "ist", "auf",
];

/// A string's length in quarter bytes as [`score`] ranks it. One of the [`COMMON_WORDS`] with a
/// space before or after it or both ranks a quarter or a half above the bare word, which is also
/// part of other words (" or " above " or" above "or", as in "more"), and below any word a letter
/// longer (" was " below "kind", " is " below "raw"): the spaces say little of a word in nearly
/// every text.
fn weight(s: &[u8]) -> usize {
    let word = s.trim_ascii();
    if word.len() < s.len() && COMMON_WORDS.iter().any(|c| c.as_bytes() == word) {
        4 * word.len() + (s.len() - word.len()).min(2)
    } else {
        4 * s.len()
    }
}

fn usable(set: &[Vec<u8>]) -> bool {
    !set.is_empty() && set.iter().all(|s| !s.is_empty())
}

/// `b` if it scores better than `a` (the first found wins a tie).
fn better(a: Option<Strings>, b: Option<Strings>) -> Option<Strings> {
    match (a, b) {
        (Some(a), Some(b)) => Some(if score(&b) > score(&a) { b } else { a }),
        (a, b) => a.or(b),
    }
}

impl Finder {
    /// The best set of strings every match of `hir` contains one of.
    fn required(&mut self, hir: &Hir) -> Option<Strings> {
        // A concatenation's own strings are the run over all its children, tried below.
        let mut best = match hir.kind() {
            HirKind::Concat(_) => None,
            _ => self.exact(hir).filter(|s| usable(s)),
        };
        match hir.kind() {
            HirKind::Capture(c) => best = better(best, self.required(&c.sub)),
            HirKind::Repetition(r) if r.min >= 1 => best = better(best, self.required(&r.sub)),
            HirKind::Concat(subs) => {
                // Each child alone, and each run of adjacent children whose matches are few (a
                // case-insensitive word is a run of one-letter classes).
                for s in subs {
                    best = better(best, self.required(s));
                }
                let exacts: Vec<Option<Strings>> = subs.iter().map(|s| self.exact(s)).collect();
                for start in 0..subs.len() {
                    let mut run: Vec<Vec<u8>> = vec![Vec::new()];
                    for e in &exacts[start..] {
                        match e.as_deref() {
                            // One string (a letter, a literal): appended in place, as the
                            // product would (distinct strings stay distinct).
                            Some([one]) => run.iter_mut().for_each(|r| r.extend_from_slice(one)),
                            Some(e) => match product(&run, e) {
                                Some(next) => run = next,
                                None => break,
                            },
                            None => break,
                        }
                        // Kept only when better: `better` keeps the first of equals.
                        if usable(&run) && best.as_deref().is_none_or(|b| score(&run) > score(b)) {
                            best = Some(run.as_slice().into());
                        }
                        // Longer runs hold as many strings or more, none scoring longer.
                        if score(&run).0 == 4 * LONG_ENOUGH {
                            break;
                        }
                    }
                }
            }
            HirKind::Alternation(subs) => {
                // Every branch must bring a set: a match is a match of one branch.
                let mut union: Vec<Vec<u8>> = Vec::new();
                for s in subs {
                    union.extend_from_slice(&self.required(s)?);
                }
                union.sort();
                union.dedup();
                if union.len() <= MAX_STRINGS * 4 {
                    best = better(best, Some(union.into()));
                }
            }
            _ => {}
        }
        best
    }

    /// The strings `hir` matches, when they are at most [`MAX_STRINGS`]; an ASCII letter stands
    /// for both its cases (the gate compares ASCII case-insensitively).
    fn exact(&mut self, hir: &Hir) -> Option<Strings> {
        let key = std::ptr::from_ref(hir);
        if let Some(known) = self.exact.get(&key) {
            return known.clone();
        }
        let found = self.exact_uncached(hir).map(Strings::from);
        self.exact.insert(key, found.clone());
        found
    }

    fn exact_uncached(&mut self, hir: &Hir) -> Option<Vec<Vec<u8>>> {
        match hir.kind() {
            HirKind::Empty | HirKind::Look(_) => Some(vec![Vec::new()]),
            HirKind::Literal(lit) => Some(vec![lit.0.to_ascii_lowercase()]),
            HirKind::Class(class) => class_members(class, &mut self.folded),
            HirKind::Capture(c) => self.exact(&c.sub).map(|s| s.to_vec()),
            HirKind::Repetition(r) if r.min == 0 && r.max == Some(1) => {
                let mut v = self.exact(&r.sub)?.to_vec();
                v.push(Vec::new());
                v.sort();
                v.dedup();
                Some(v)
            }
            HirKind::Repetition(_) => None,
            HirKind::Concat(subs) => {
                let mut acc = vec![Vec::new()];
                for s in subs {
                    acc = product(&acc, &self.exact(s)?)?;
                }
                Some(acc)
            }
            HirKind::Alternation(subs) => {
                let mut out = Vec::new();
                for s in subs {
                    out.extend_from_slice(&self.exact(s)?);
                    if out.len() > MAX_STRINGS {
                        return None;
                    }
                }
                out.sort();
                out.dedup();
                Some(out)
            }
        }
    }
}

/// Every pair of `a` then `b`, if there are at most [`MAX_STRINGS`].
fn product(a: &[Vec<u8>], b: &[Vec<u8>]) -> Option<Vec<Vec<u8>>> {
    if a.len() * b.len() > MAX_STRINGS {
        return None;
    }
    let mut out: Vec<Vec<u8>> = a
        .iter()
        .flat_map(|x| b.iter().map(move |y| [x.as_slice(), y].concat()))
        .collect();
    out.sort();
    out.dedup();
    Some(out)
}

/// A small class's members as UTF-8 strings, an ASCII letter in lowercase for both its cases.
/// A non-ASCII member that case-folds to an ASCII letter (`(?i)s` is `[Ssſ]`, `(?i)k` is `[KkK]`,
/// with the long s and the Kelvin sign) is left out and put in `folded`: a text holding one of
/// those makes every rule a candidate. Other non-ASCII members are strings of their own (the
/// accent-tolerant `(?i)[ãa]` is "a", "ã" and "Ã"): put in `folded`, every text with an accented
/// letter had made every rule of its language a candidate.
fn class_members(class: &Class, folded: &mut Vec<char>) -> Option<Vec<Vec<u8>>> {
    const MAX_CLASS: u32 = 8;
    let mut out: Vec<Vec<u8>> = Vec::new();
    match class {
        Class::Unicode(c) => {
            let size: u32 = c
                .ranges()
                .iter()
                .map(|r| r.end() as u32 - r.start() as u32 + 1)
                .sum();
            if size > MAX_CLASS {
                return None;
            }
            let chars = || c.ranges().iter().flat_map(|r| r.start()..=r.end());
            let has_ascii_letter = chars().any(|ch| ch.is_ascii_alphabetic());
            // Whether `ch` is another case of an ASCII letter.
            let folds_to_ascii = |ch: char| {
                ch.to_lowercase().all(|l| l.is_ascii()) || ch.to_uppercase().all(|u| u.is_ascii())
            };
            for ch in chars() {
                if has_ascii_letter && !ch.is_ascii() && folds_to_ascii(ch) {
                    if !folded.contains(&ch) {
                        folded.push(ch);
                    }
                } else {
                    out.push(ch.to_ascii_lowercase().to_string().into_bytes());
                }
            }
        }
        Class::Bytes(c) => {
            let size: u32 = c
                .ranges()
                .iter()
                .map(|r| u32::from(r.end() - r.start()) + 1)
                .sum();
            if size > MAX_CLASS {
                return None;
            }
            for r in c.ranges() {
                for b in r.start()..=r.end() {
                    out.push(vec![b.to_ascii_lowercase()]);
                }
            }
        }
    }
    out.sort();
    out.dedup();
    Some(out)
}

/// `set` without the strings that contain another of its strings (a text holding the longer one
/// holds the shorter).
fn minimal(mut set: Vec<Vec<u8>>) -> Vec<Vec<u8>> {
    set.sort_by_key(Vec::len);
    let mut out: Vec<Vec<u8>> = Vec::with_capacity(set.len());
    for s in set {
        if !out
            .iter()
            .any(|m| s.windows(m.len()).any(|w| w.eq_ignore_ascii_case(m)))
        {
            out.push(s);
        }
    }
    out.sort();
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use regex::Regex;

    fn strings(p: &str) -> Option<Vec<String>> {
        required_strings(p).0.map(|v| {
            v.into_iter()
                .map(|s| String::from_utf8(s).unwrap())
                .collect()
        })
    }

    #[test]
    fn picks_the_rarest_required_words() {
        assert_eq!(
            strings(
                r"(?i)(?-u:\b)(?:i|we)(?:'d| would)? (?:highly |strongly |totally |definitely |really |100% )?(?:recommend|suggest)(?-u:\b)"
            ),
            Some(vec![" recommend".into(), " suggest".into()])
        );
        // Case-insensitive `s` also matches the long s: that is left to the fallback.
        assert_eq!(strings(r"(?i)\bscam\b"), Some(vec!["scam".into()]));
        assert_eq!(required_strings(r"(?i)\bscam\b").1, ['ſ']);
        assert_eq!(required_strings(r"(?i)kit").1, ['\u{212A}']);
        // Accented capitals are their own strings: only ASCII compares case-insensitively.
        assert_eq!(
            strings(r"(?i)évitez"),
            Some(vec!["Évitez".into(), "évitez".into()])
        );
        // Without a word every branch shares, the branches' union.
        assert_eq!(
            strings(r"(?i)\b(?:buyer beware|be warned)\b"),
            Some(vec!["be warned".into(), "buyer beware".into()])
        );
        // A string holding another is redundant.
        assert_eq!(
            strings(r"(?i)\b(?:scam|scammers|fraud)\b"),
            Some(vec!["fraud".into(), "scam".into()])
        );
        // Any word followed by a question mark: only the mark is required.
        assert_eq!(strings(r"\w+\?"), Some(vec!["?".into()]));
        assert_eq!(strings(r"(?i)^\w+"), None);
        // Twelve bytes are enough: the first run that long, not the whole phrase.
        assert_eq!(
            strings(r"(?i)\bthe customer service is (?:terrible|awful)\b"),
            Some(vec!["the customer".into()])
        );
    }

    /// A set of common words with spaces round them loses to a set of rarer words as long.
    #[test]
    fn common_words_make_a_weak_gate() {
        let set = |v: &[&str]| -> Option<Strings> {
            Some(
                v.iter()
                    .map(|s| s.as_bytes().to_vec())
                    .collect::<Vec<_>>()
                    .into(),
            )
        };
        // As long as "kind", far more frequent: the adjectives gate the rule, in either order.
        let verbs = set(&[" is ", " was ", " 's "]);
        let adjectives = set(&["kind", "helpful", "friendly"]);
        assert_eq!(better(verbs.clone(), adjectives.clone()), adjectives);
        assert_eq!(better(adjectives.clone(), verbs), adjectives);
        // A spaced common word ranks above the bare word and below a word a letter longer.
        assert!(weight(b"or") < weight(b" or ") && weight(b" or ") < weight(b"raw"));
        assert!(weight(b"was") < weight(b" was ") && weight(b" was ") < weight(b"kind"));
        assert!(weight(b" or") < weight(b" or ") && weight(b" a") < weight(b" a "));
        assert_eq!(weight(b" island "), weight(b"island") + 8);
    }

    #[test]
    fn a_left_out_rule_cannot_match() {
        let patterns = [
            r"(?i)(?-u:\b)(?:i|we)(?:'d| would)? (?:highly )?(?:recommend|suggest)(?-u:\b)",
            r"(?i)(?-u:\b)(?:check|try) (?:it|them|\w+) out(?-u:\b)",
            r"(?i)^\w+ please",
            r"(?i)looking for (?:a |an )?\w+.{0,40}\?",
            r"(?i)(?:^|(?-i:[^\p{L}]))(?:à recommander|foncez|évitez)(?:$|(?-i:[^\p{L}]))",
            r"(?:لا|ما|مش) (?:انصح|تشتر)|نصب",
        ];
        // Both automata answer alike.
        for build in [Build::Dense, Build::Compact] {
            gate_matches_its_rules(&patterns, build);
        }
    }

    fn gate_matches_its_rules(patterns: &[&str], build: Build) {
        let gate = Gate::new(patterns, build);
        assert_eq!(gate.ungated(), 0, "even `^\\w+ please` requires \"please\"");
        let regexes: Vec<Regex> = patterns.iter().map(|p| Regex::new(p).unwrap()).collect();
        let texts = [
            "I'd highly RECOMMEND it",
            "we suggest nothing",
            "Try Acme out!",
            "anyone looking for a laptop under 500?",
            "Looking for nothing.",
            "FONCEZ les amis",
            "Évitez ce magasin",
            "ÉVITEZ",
            "لا انصح بهذا المتجر",
            "Yes please",
            "ſcam",
            "",
        ];
        for t in texts {
            let candidates: Vec<usize> = gate.candidates(t).collect();
            for (i, re) in regexes.iter().enumerate() {
                if re.is_match(t) {
                    assert!(
                        candidates.contains(&i),
                        "rule {i} matches {t:?} but was left out"
                    );
                }
            }
        }
        assert_eq!(gate.candidates("nothing here").count(), 0);
        assert_eq!(gate.candidates("I recommend it").collect::<Vec<_>>(), [0]);
    }

    /// A line of `gate_strings.txt` reads back as written: no set, folded characters, strings
    /// with a backslash, a tab, a control character, Arabic letters and a byte that is not UTF-8.
    #[test]
    fn precomputed_lines_read_back_as_written() {
        let cases: [Required; 3] = [
            (None, vec![]),
            (
                Some(vec![
                    b"a\\b".to_vec(),
                    b"tab\there".to_vec(),
                    "\u{1}ctl".as_bytes().to_vec(),
                    "لا انصح".as_bytes().to_vec(),
                    vec![b'x', 0xd9, b' '],
                ]),
                vec!['\u{17F}', '\u{212A}'],
            ),
            (Some(vec![b" recommend".to_vec()]), vec![]),
        ];
        let mut file = String::from("# a comment\n\n");
        for (i, r) in cases.iter().enumerate() {
            file += &precomputed_line(&format!("rule{i}"), &format!("pattern {i}"), r);
            file.push('\n');
        }
        file += "broken\tline\n";
        let mut pre = Precomputed::parse(&file);
        assert_eq!(pre.by_key.len(), cases.len());
        for (i, r) in cases.iter().enumerate() {
            assert_eq!(&pre.take(&format!("pattern {i}")), r);
        }
        // A pattern the file lacks is worked out.
        assert_eq!(pre.take(r"(?i)\bscam\b"), required_strings(r"(?i)\bscam\b"));
    }

    /// A class of an accented letter and its plain letter (rules made accent-tolerant) is a set of
    /// strings, not a reason to make every rule a candidate for each text with an accent.
    #[test]
    fn accented_letters_in_a_class_are_strings() {
        let patterns = [
            r"(?i)n[ãa]o recomendo",
            r"(?i)ainda n[ãa]o chegou",
            r"(?i)\bok\b",
        ];
        for build in [Build::Dense, Build::Compact] {
            accented_gate_answers(&patterns, build);
        }
    }

    fn accented_gate_answers(patterns: &[&str], build: Build) {
        let gate = Gate::new(patterns, build);
        for (t, want) in [
            ("não recomendo", vec![0]),
            ("nao recomendo", vec![0]),
            ("NÃO RECOMENDO", vec![0]),
            ("ainda não chegou", vec![1]),
            ("uma ação, um pão, um coração", vec![]),
        ] {
            assert_eq!(gate.candidates(t).collect::<Vec<_>>(), want, "{t}");
        }
        // A letter that case-folds to an ASCII one still makes every rule a candidate.
        assert_eq!(gate.candidates("o\u{212A}").count(), 3);
    }
}
