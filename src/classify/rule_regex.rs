//! A regex built for what the signal rules ask of it, and no more: whether it matches a text,
//! and where. One forward NFA and a lazy DFA over it; the PikeVM on the same NFA answers the
//! searches the lazy DFA gives up on.
//!
//! `regex_automata::meta` builds every regex a second NFA, reversed, for a reverse lazy DFA that
//! finds where a match starts once the forward one has found where it ends. Compiling that NFA
//! was a quarter of compiling a rule, and rules compile the first time a text names them: on the
//! dev texts read once, compiling them was a quarter of `earshot classify`'s instructions; and
//! every rule compiled took 15.2 MiB as `meta` builds them, 6.5 MiB as built here.
//!
//! Most rules are asked where they matched a few times in a run, so their starts are found
//! forward: the start is the first place, from where the search began, at which an anchored
//! search of the same lazy DFA matches (the leftmost-first match starts at the leftmost place
//! any match starts, and an anchored leftmost-first search from there ends where the unanchored
//! one did); most places die on their first byte. A rule asked often pays more for that than the
//! reversed NFA would have cost, so once its forward searches for starts have tried about as
//! many places as compiling the reversed NFA costs ([`REVERSE_AFTER_PLACES`]), the reversed NFA
//! is built and finds the starts from then on, as `meta` does: rent until the rent paid would
//! have bought it.
//!
//! Matches are the same as `regex::Regex`'s, empty matches included: those that would split a
//! character are skipped, as the regex crate skips them (by the PikeVM, which does that itself,
//! for a pattern that can match the empty string at all).

use std::sync::atomic::{AtomicUsize, Ordering};
use std::sync::{Arc, OnceLock};

use regex_automata::nfa::thompson::{self, NFA, WhichCaptures, pikevm};
use regex_automata::util::syntax;
use regex_automata::{Anchored, Input, Match, MatchKind, hybrid};

/// Places tried by forward searches for starts, over a regex's life, after which it builds its
/// reversed NFA. Parsing a rule again and compiling it reversed costs 2.6 M instructions on
/// average (112 rules); a place about 40 (the start state and one transition, for the most
/// that die on their first byte). Measured with callgrind, the CLI's instructions on the dev
/// texts × 5 were 5.990 G building every reversed NFA at a rule's first search for a start,
/// 5.884 G at 2,000 places, 5.806 G at 10,000, 5.754 G at 50,000, 5.765 G at 200,000 and
/// 5.800 G never (the `meta` regexes: 5.833 G).
const REVERSE_AFTER_PLACES: usize = 50_000;

/// Why a rule's pattern did not compile (boxed: the builders' errors are large).
#[derive(Debug, thiserror::Error)]
pub enum BuildError {
    #[error("the pattern does not parse: {0}")]
    Syntax(Box<regex_syntax::Error>),
    #[error("the pattern does not compile to an NFA: {0}")]
    Nfa(Box<thompson::BuildError>),
    #[error("the lazy DFA cannot be built: {0}")]
    Dfa(Box<hybrid::BuildError>),
}

impl From<regex_syntax::Error> for BuildError {
    fn from(e: regex_syntax::Error) -> Self {
        BuildError::Syntax(Box::new(e))
    }
}

impl From<thompson::BuildError> for BuildError {
    fn from(e: thompson::BuildError) -> Self {
        BuildError::Nfa(Box::new(e))
    }
}

impl From<hybrid::BuildError> for BuildError {
    fn from(e: hybrid::BuildError) -> Self {
        BuildError::Dfa(Box::new(e))
    }
}

/// A compiled rule pattern (see the module's comment).
#[derive(Debug)]
pub struct RuleRegex {
    /// Kept to build the reversed NFA from (shared with the caller's copy, if it keeps one).
    pattern: Arc<str>,
    dfa_cache_bytes: usize,
    nfa_size_limit: usize,
    dfa: hybrid::dfa::DFA,
    pikevm: pikevm::PikeVM,
    /// Whether the pattern can match the empty string: then every search goes through the
    /// PikeVM, which skips empty matches inside a character.
    can_be_empty: bool,
    /// The fewest and the most bytes a match spans (`None`: no limit): a match ending at `e`
    /// starts within `e - max_len..=e - min_len`, the only places its start is looked for.
    min_len: usize,
    max_len: Option<usize>,
    /// Places tried forward for starts so far (see [`REVERSE_AFTER_PLACES`]).
    places: AtomicUsize,
    /// The reverse lazy DFA, once built (`None` inside: it could not be, and never will).
    reverse: OnceLock<Option<hybrid::dfa::DFA>>,
}

/// The mutable state of one [`RuleRegex`]'s searches: the lazy DFA's states, and those of the
/// other engines once a search has needed them.
#[derive(Debug, Clone)]
pub struct RuleCache {
    dfa: hybrid::dfa::Cache,
    /// The lazy DFA's states for the anchored searches that find where a match starts: kept
    /// apart, so that they do not crowd out the states `is_match` reads on every text.
    starts: Option<hybrid::dfa::Cache>,
    reverse: Option<hybrid::dfa::Cache>,
    pikevm: Option<pikevm::Cache>,
}

impl RuleCache {
    /// Heap bytes held (the lazy DFAs' tables, the PikeVM's scratch).
    pub fn memory_usage(&self) -> usize {
        self.dfa.memory_usage()
            + self.starts.as_ref().map_or(0, |c| c.memory_usage())
            + self.reverse.as_ref().map_or(0, |c| c.memory_usage())
            + self.pikevm.as_ref().map_or(0, |c| c.memory_usage())
    }
}

/// A lazy DFA as `meta` configures one for a regex without a prefilter: `match_kind`
/// leftmost-first forward, all matches reversed.
fn lazy_dfa(
    nfa: NFA,
    match_kind: MatchKind,
    cache_bytes: usize,
) -> Result<hybrid::dfa::DFA, BuildError> {
    Ok(hybrid::dfa::Builder::new()
        .configure(
            hybrid::dfa::Config::new()
                .match_kind(match_kind)
                .starts_for_each_pattern(false)
                .unicode_word_boundary(true)
                .specialize_start_states(false)
                .cache_capacity(cache_bytes)
                .skip_cache_capacity_check(false)
                .minimum_cache_clear_count(Some(3))
                .minimum_bytes_per_state(Some(10)),
        )
        .build_from_nfa(nfa)?)
}

/// The Thompson NFA configuration `meta` uses, forward or reversed.
fn nfa_config(nfa_size_limit: usize, reverse: bool) -> thompson::Config {
    thompson::Config::new()
        .utf8(true)
        .shrink(false)
        .nfa_size_limit(Some(nfa_size_limit))
        .reverse(reverse)
        // The PikeVM reports a match's span from the implicit group's slots; nothing reads
        // groups in reverse.
        .which_captures(if reverse {
            WhichCaptures::None
        } else {
            WhichCaptures::Implicit
        })
}

fn parse(pattern: &str) -> Result<regex_syntax::hir::Hir, BuildError> {
    Ok(syntax::parse_with(
        pattern,
        &syntax::Config::new().utf8(true),
    )?)
}

impl RuleRegex {
    /// `pattern` with UTF-8 syntax, leftmost-first, lazy DFA caches of at most
    /// `dfa_cache_bytes` and an NFA of at most `nfa_size_limit` bytes: as `meta::Regex` builds
    /// it with those options, no literal prefilter and no capture groups but the match's.
    pub fn new(
        pattern: Arc<str>,
        dfa_cache_bytes: usize,
        nfa_size_limit: usize,
    ) -> Result<Self, BuildError> {
        let hir = parse(&pattern)?;
        let props = hir.properties();
        let (min_len, max_len) = (props.minimum_len().unwrap_or(0), props.maximum_len());
        let nfa = thompson::Compiler::new()
            .configure(nfa_config(nfa_size_limit, false))
            .build_from_hir(&hir)?;
        drop(hir);
        let dfa = lazy_dfa(nfa.clone(), MatchKind::LeftmostFirst, dfa_cache_bytes)?;
        let pikevm = pikevm::PikeVM::new_from_nfa(nfa.clone())?;
        Ok(RuleRegex {
            pattern,
            dfa_cache_bytes,
            nfa_size_limit,
            dfa,
            pikevm,
            can_be_empty: nfa.has_empty(),
            min_len,
            max_len,
            places: AtomicUsize::new(0),
            reverse: OnceLock::new(),
        })
    }

    pub fn create_cache(&self) -> RuleCache {
        RuleCache {
            dfa: self.dfa.create_cache(),
            starts: None,
            reverse: None,
            pikevm: None,
        }
    }

    /// Whether the reversed NFA has been built (see [`REVERSE_AFTER_PLACES`]).
    pub fn has_reverse(&self) -> bool {
        self.reverse.get().is_some_and(Option::is_some)
    }

    /// Whether the regex matches somewhere in `text`.
    pub fn is_match(&self, cache: &mut RuleCache, text: &str) -> bool {
        if self.can_be_empty {
            return self.search(cache, &Input::new(text)).is_some();
        }
        let input = Input::new(text).earliest(true);
        match self.dfa.try_search_fwd(&mut cache.dfa, &input) {
            Ok(m) => m.is_some(),
            Err(_) => self.pikevm_search(cache, &input).is_some(),
        }
    }

    /// The leftmost-first match within `input`'s span, as `meta::Regex::search` finds it.
    pub fn search(&self, cache: &mut RuleCache, input: &Input<'_>) -> Option<Match> {
        if self.can_be_empty || input.get_anchored() != Anchored::No {
            return self.pikevm_search(cache, input);
        }
        let end = match self.dfa.try_search_fwd(&mut cache.dfa, input) {
            Ok(None) => return None,
            Ok(Some(m)) => m.offset(),
            Err(_) => return self.pikevm_search(cache, input),
        };
        let first = self
            .max_len
            .map_or(input.start(), |m| end.saturating_sub(m).max(input.start()));
        let last = end.saturating_sub(self.min_len);
        let reverse = match self.reverse.get() {
            Some(r) => r.as_ref(),
            None => {
                let places = last.saturating_sub(first) + 1;
                if self.places.fetch_add(places, Ordering::Relaxed) + places > REVERSE_AFTER_PLACES
                {
                    self.reverse.get_or_init(|| self.build_reverse()).as_ref()
                } else {
                    None
                }
            }
        };
        let start = match reverse {
            Some(rev) => self.start_reversed(rev, cache, input, end),
            None => self.start_forward(cache, input, first, last),
        };
        match start {
            Some(start) => Some(Match::must(0, start..end)),
            // Not reached for a match found forward, but a lazy DFA may give up on the way:
            // the PikeVM answers.
            None => self.pikevm_search(cache, input),
        }
    }

    /// The first place in `first..=last` at which an anchored search matches.
    fn start_forward(
        &self,
        cache: &mut RuleCache,
        input: &Input<'_>,
        first: usize,
        last: usize,
    ) -> Option<usize> {
        let hay = input.haystack();
        let starts = cache.starts.get_or_insert_with(|| self.dfa.create_cache());
        for start in first..=last {
            // A match that is not empty cannot start inside a character (the syntax is UTF-8).
            if hay.get(start).is_some_and(|&b| (0x80..0xC0).contains(&b)) {
                continue;
            }
            let anchored = input
                .clone()
                .span(start..input.end())
                .anchored(Anchored::Yes);
            // Most places die on their first byte: ask that of the start state's transition
            // before setting up a whole search.
            if let Some(&b) = hay.get(start)
                && let Ok(sid) = self.dfa.start_state_forward(starts, &anchored)
                && let Ok(next) = self.dfa.next_state(starts, sid, b)
                && next.is_dead()
            {
                continue;
            }
            match self.dfa.try_search_fwd(starts, &anchored) {
                Ok(None) => {}
                Ok(Some(_)) => return Some(start),
                Err(_) => return None,
            }
        }
        None
    }

    /// Where the match ending at `end` starts, read backwards from `end` as `meta` reads it.
    fn start_reversed(
        &self,
        rev: &hybrid::dfa::DFA,
        cache: &mut RuleCache,
        input: &Input<'_>,
        end: usize,
    ) -> Option<usize> {
        let c = cache.reverse.get_or_insert_with(|| rev.create_cache());
        let back = input
            .clone()
            .span(input.start()..end)
            .anchored(Anchored::Yes)
            .earliest(false);
        rev.try_search_rev(c, &back)
            .ok()
            .flatten()
            .map(|m| m.offset())
    }

    /// The reverse lazy DFA, from the pattern parsed again and compiled reversed; `None` when it
    /// cannot be built (the forward searches for starts go on).
    fn build_reverse(&self) -> Option<hybrid::dfa::DFA> {
        let hir = parse(&self.pattern).ok()?;
        let nfa = thompson::Compiler::new()
            .configure(nfa_config(self.nfa_size_limit, true))
            .build_from_hir(&hir)
            .ok()?;
        drop(hir);
        lazy_dfa(nfa, MatchKind::All, self.dfa_cache_bytes).ok()
    }

    fn pikevm_search(&self, cache: &mut RuleCache, input: &Input<'_>) -> Option<Match> {
        let c = cache
            .pikevm
            .get_or_insert_with(|| self.pikevm.create_cache());
        // The implicit group's two slots: where the match starts and ends. The PikeVM skips
        // empty matches that split a character itself (the NFA is UTF-8).
        let mut slots = [None, None];
        let pid = self
            .pikevm
            .search_slots(c, &input.clone().earliest(false), &mut slots)?;
        let (start, end) = (slots[0]?.get(), slots[1]?.get());
        Some(Match::new(pid, start..end))
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use regex_automata::util::iter::Searcher;

    fn all(re: &RuleRegex, cache: &mut RuleCache, text: &str) -> Vec<(usize, usize)> {
        let mut it = Searcher::new(Input::new(text));
        let mut out = Vec::new();
        while let Some(m) = it.advance(|input| Ok(re.search(cache, input))) {
            out.push((m.start(), m.end()));
        }
        out
    }

    #[test]
    fn matches_agree_with_the_regex_crate() {
        let pats = [
            r"(?i)\bnot (?:working|fixed)\b",
            r"(?i)(?-u:\b)(?:never|not) (?:ever )?(?:again|more)(?-u:\b)",
            r"a*",
            r"\d+",
            r"(?:^|\s)@\w",
            "é|e",
            r"(?:^|[^a-z])(?:no|not) [^.!?]{0,20}(?:good|great)",
            r"b|abc|ab",
            r"x*y?",
            r"\b\w+\b",
            r"(?m)^\w+$",
        ];
        let texts = [
            "Still NOT working, not fixed either",
            "",
            "bab aa abc",
            "order 123 and 45678",
            "@acme hi @lumora",
            "café e é",
            "not really that good. no, not great",
            "I will never ever again, not more",
            "é\u{0301}x ñ yy",
            "line one\nword\nélan",
        ];
        for p in pats {
            let ours = RuleRegex::new(p.into(), 1 << 20, 10 << 20).unwrap();
            let theirs = regex::Regex::new(p).unwrap();
            let mut cache = ours.create_cache();
            for t in texts {
                assert_eq!(
                    ours.is_match(&mut cache, t),
                    theirs.is_match(t),
                    "{p} {t:?}"
                );
                let want: Vec<(usize, usize)> =
                    theirs.find_iter(t).map(|m| (m.start(), m.end())).collect();
                assert_eq!(all(&ours, &mut cache, t), want, "{p} {t:?}");
            }
        }
    }

    #[test]
    fn a_rule_asked_often_reads_its_starts_backwards_and_finds_the_same() {
        let p = r"(?i)(?-u:\b)(?:would|will) (?:not|never) (?:buy|order)(?: from)? (?:\w+ )?again";
        let theirs = regex::Regex::new(p).unwrap();
        let ours = RuleRegex::new(p.into(), 1 << 20, 10 << 20).unwrap();
        let mut cache = ours.create_cache();
        let filler = "the parcel came late and the box was crushed, ".repeat(8);
        let texts = [
            format!("{filler}I will never order from Acme again. Would not buy again!"),
            format!("{filler}would not buy again"),
            format!("{filler}nothing to see here"),
            "WILL NOT ORDER AGAIN".to_string(),
        ];
        let want: Vec<Vec<(usize, usize)>> = texts
            .iter()
            .map(|t| theirs.find_iter(t).map(|m| (m.start(), m.end())).collect())
            .collect();
        let mut rounds = 0;
        while !ours.has_reverse() {
            for (t, w) in texts.iter().zip(&want) {
                assert_eq!(&all(&ours, &mut cache, t), w, "forward, {t:?}");
            }
            rounds += 1;
            assert!(rounds < 1000, "the reversed NFA is never built");
        }
        assert!(rounds > 1, "built after {rounds} rounds");
        for (t, w) in texts.iter().zip(&want) {
            assert_eq!(&all(&ours, &mut cache, t), w, "reversed, {t:?}");
        }
        assert!(cache.reverse.is_some(), "the reverse lazy DFA searched");
    }

    #[test]
    fn a_search_the_lazy_dfa_gives_up_on_is_answered_by_the_pikevm() {
        // A Unicode word boundary makes the lazy DFA quit on a non-ASCII byte.
        let p = r"\bcafé\b";
        let ours = RuleRegex::new(p.into(), 1 << 20, 10 << 20).unwrap();
        let mut cache = ours.create_cache();
        let text = "un café noir, cafés";
        assert!(ours.is_match(&mut cache, text));
        assert_eq!(
            ours.search(&mut cache, &Input::new(text)),
            Some(Match::must(0, 3..8))
        );
        assert!(cache.pikevm.is_some(), "the PikeVM searched");
        assert!(!ours.is_match(&mut cache, "cafés"));
    }

    #[test]
    fn a_pattern_too_big_is_an_error() {
        let err = RuleRegex::new(r"\w{1000}".into(), 1 << 20, 1 << 10).unwrap_err();
        assert!(err.to_string().contains("NFA"), "{err}");
    }
}
