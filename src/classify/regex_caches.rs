//! The search caches of the signal detector's regexes: one store, one memory budget.
//!
//! A regex's lazy DFA builds its states into a cache as it reads text. `regex` and
//! `regex_automata::meta` keep those caches in a pool inside each regex: one for the first thread
//! that searched, and one more for every other thread that has searched since (the service's
//! classify loop is a tokio task, which runs on whichever worker thread is free). Each cache has a
//! cap of its own, so a detector's ~240 regexes could hold their caps times the worker threads,
//! and nothing bounded the sum: the README's memory figures were measured peaks, not a bound.
//!
//! Here every regex of a detector searches with a cache of this store, whatever the thread, and
//! the store holds the sum under a budget: each cache is charged the most memory it has reported
//! (a lazy DFA that fills its cap clears its tables but keeps the allocation), and when the charges
//! pass the budget the caches used least recently are dropped until they are under
//! [`REFILL_FRACTION`] of it. A dropped cache is made again, empty, at its regex's next search:
//! matches are the same, only the states are built again.
//!
//! One lock for the store: texts are classified one at a time (the classify stage, the CLI, eval,
//! train), so it is uncontended; a second thread waits for a single search, never for a text.

use std::sync::{Mutex, PoisonError};

use regex_automata::util::iter::Searcher;
use regex_automata::{Input, Match, meta};

use super::rule_regex::{RuleCache, RuleRegex};

/// A regex that searches with a cache of the store: a `meta::Regex` (the detector's few regexes
/// that are not rules', built as `regex::Regex` builds them) or a [`RuleRegex`] (each rule's).
pub trait Searchable {
    /// A new, empty cache for this regex.
    fn create(&self) -> SlotCache;
    /// Whether the regex matches somewhere in `text`.
    fn is_match_in(&self, cache: &mut SlotCache, text: &str) -> bool;
    /// The leftmost-first match within `input`'s span.
    fn search_in(&self, cache: &mut SlotCache, input: &Input<'_>) -> Option<Match>;
}

/// A slot's cache, of the kind of regex the slot searches with. Boxed: caches are near a
/// kilobyte each, and most of a detector's slots (rules no text has named) hold none.
#[derive(Debug)]
pub enum SlotCache {
    Meta(Box<meta::Cache>),
    Rule(Box<RuleCache>),
}

impl SlotCache {
    fn memory_usage(&self) -> usize {
        match self {
            SlotCache::Meta(c) => c.memory_usage(),
            SlotCache::Rule(c) => c.memory_usage(),
        }
    }
}

impl Searchable for meta::Regex {
    fn create(&self) -> SlotCache {
        SlotCache::Meta(Box::new(self.create_cache()))
    }

    fn is_match_in(&self, cache: &mut SlotCache, text: &str) -> bool {
        self.is_match_with(meta_cache(self, cache), &Input::new(text))
    }

    fn search_in(&self, cache: &mut SlotCache, input: &Input<'_>) -> Option<Match> {
        self.search_with(meta_cache(self, cache), input)
    }
}

impl Searchable for RuleRegex {
    fn create(&self) -> SlotCache {
        SlotCache::Rule(Box::new(self.create_cache()))
    }

    fn is_match_in(&self, cache: &mut SlotCache, text: &str) -> bool {
        self.is_match(rule_cache(self, cache), text)
    }

    fn search_in(&self, cache: &mut SlotCache, input: &Input<'_>) -> Option<Match> {
        self.search(rule_cache(self, cache), input)
    }
}

/// The slot's cache as a `meta::Regex`'s. A slot is only ever searched with one regex, so the
/// kind always agrees; were it not to, a new cache is made rather than a panic.
fn meta_cache<'c>(re: &meta::Regex, cache: &'c mut SlotCache) -> &'c mut meta::Cache {
    if !matches!(cache, SlotCache::Meta(_)) {
        *cache = re.create();
    }
    match cache {
        SlotCache::Meta(c) => c,
        SlotCache::Rule(_) => unreachable!("made a meta cache above"),
    }
}

/// The slot's cache as a [`RuleRegex`]'s (see [`meta_cache`]).
fn rule_cache<'c>(re: &RuleRegex, cache: &'c mut SlotCache) -> &'c mut RuleCache {
    if !matches!(cache, SlotCache::Rule(_)) {
        *cache = re.create();
    }
    match cache {
        SlotCache::Rule(c) => c,
        SlotCache::Meta(_) => unreachable!("made a rule cache above"),
    }
}

/// After an eviction the charges are at most this fraction of the budget, so that a store at its
/// budget does not evict at every new state.
const REFILL_FRACTION: (usize, usize) = (7, 8);

/// A detector's regex caches and their budget. Each regex searches through a slot of its own
/// (see [`RegexCaches::register`]); a cache is only ever used with the regex that made it.
pub struct RegexCaches {
    slots: Mutex<Slots>,
}

/// The store's counts, for the README's memory figures and the service's metrics.
///
/// Between searches `bytes` is within the budget; `peak_bytes` counts the moment before an
/// eviction, so it may pass the budget by what one search's cache holds.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct CacheStats {
    /// Bytes charged to the caches held now.
    pub bytes: usize,
    /// The most bytes charged at once.
    pub peak_bytes: usize,
    /// The budget.
    pub budget_bytes: usize,
    /// Caches dropped to keep under the budget.
    pub evictions: u64,
    /// Caches held now.
    pub caches: usize,
}

struct Slots {
    caches: Vec<Option<SlotCache>>,
    /// What each held cache is charged: the most its `memory_usage` has reported.
    charged: Vec<usize>,
    /// The clock reading of each slot's last search.
    last_used: Vec<u64>,
    clock: u64,
    total: usize,
    peak: usize,
    budget: usize,
    evictions: u64,
}

impl RegexCaches {
    /// An empty store whose caches may together be charged at most `budget_bytes`.
    pub fn new(budget_bytes: usize) -> Self {
        RegexCaches {
            slots: Mutex::new(Slots {
                caches: Vec::new(),
                charged: Vec::new(),
                last_used: Vec::new(),
                clock: 0,
                total: 0,
                peak: 0,
                budget: budget_bytes,
                evictions: 0,
            }),
        }
    }

    /// `n` new slots; the first one's number is returned, the others follow it.
    pub fn register(&self, n: usize) -> usize {
        let mut s = self.lock();
        let first = s.caches.len();
        s.caches.resize_with(first + n, || None);
        s.charged.resize(first + n, 0);
        s.last_used.resize(first + n, 0);
        first
    }

    /// Whether `re` (the regex of `slot`) matches somewhere in `text`.
    pub fn is_match(&self, slot: usize, re: &impl Searchable, text: &str) -> bool {
        self.with(slot, re, |cache| re.is_match_in(cache, text))
    }

    /// Whether `re` (the regex of `slot`) matches somewhere in each of `texts`: one lock and one
    /// charge for them all. Searching a batch of texts with one rule before the next keeps that
    /// rule's tables in the processor's caches (see [`super::signals::SignalDetector::match_batch`]).
    /// The store's bound is as for one search: the cache's growth over the batch is charged at its
    /// end, and one cache grows at most to its own capacity.
    pub fn is_match_each<'t>(
        &self,
        slot: usize,
        re: &impl Searchable,
        texts: impl IntoIterator<Item = &'t str>,
        mut found: impl FnMut(usize, bool),
    ) {
        self.with(slot, re, |cache| {
            for (i, text) in texts.into_iter().enumerate() {
                found(i, re.is_match_in(cache, text));
            }
        })
    }

    /// The leftmost-first match of `re` (the regex of `slot`) in `text`, as a byte range.
    pub fn find(&self, slot: usize, re: &impl Searchable, text: &str) -> Option<(usize, usize)> {
        self.with(slot, re, |cache| {
            re.search_in(cache, &Input::new(text))
                .map(|m| (m.start(), m.end()))
        })
    }

    /// Every successive non-overlapping match of `re` (the regex of `slot`) in `text`, as
    /// `regex::Regex::find_iter` yields them. At most one match a byte of text, plus one.
    pub fn find_all(&self, slot: usize, re: &impl Searchable, text: &str) -> Vec<(usize, usize)> {
        self.with(slot, re, |cache| {
            let mut it = Searcher::new(Input::new(text));
            let mut out = Vec::new();
            // Neither kind reports an error on a search that is not anchored and has no limits.
            while let Some(m) = it.advance(|input| Ok(re.search_in(cache, input))) {
                out.push((m.start(), m.end()));
            }
            out
        })
    }

    pub fn stats(&self) -> CacheStats {
        let s = self.lock();
        CacheStats {
            bytes: s.total,
            peak_bytes: s.peak,
            budget_bytes: s.budget,
            evictions: s.evictions,
            caches: s.caches.iter().filter(|c| c.is_some()).count(),
        }
    }

    fn lock(&self) -> std::sync::MutexGuard<'_, Slots> {
        // A panic inside a search leaves the caches consistent (a cache is only ever a lazy
        // DFA's tables, which the next search resets if it must): keep using them.
        self.slots.lock().unwrap_or_else(PoisonError::into_inner)
    }

    /// Runs `search` with the cache of `slot` (made for `re` when there is none), then charges
    /// the cache what it holds and keeps the store under its budget.
    fn with<R>(
        &self,
        slot: usize,
        re: &impl Searchable,
        search: impl FnOnce(&mut SlotCache) -> R,
    ) -> R {
        let mut s = self.lock();
        let s = &mut *s;
        s.clock += 1;
        s.last_used[slot] = s.clock;
        let cache = s.caches[slot].get_or_insert_with(|| re.create());
        let out = search(cache);
        let used = cache.memory_usage();
        if used > s.charged[slot] {
            s.total += used - s.charged[slot];
            s.charged[slot] = used;
            s.peak = s.peak.max(s.total);
            if s.total > s.budget {
                s.evict(slot);
            }
        }
        out
    }
}

impl Slots {
    /// Drops the least recently used caches but `keep`'s until the charges are under
    /// [`REFILL_FRACTION`] of the budget; `keep`'s own too when it alone is over it.
    fn evict(&mut self, keep: usize) {
        let target = self.budget / REFILL_FRACTION.1 * REFILL_FRACTION.0;
        while self.total > target {
            let coldest = (0..self.caches.len())
                .filter(|&i| i != keep && self.caches[i].is_some())
                .min_by_key(|&i| self.last_used[i]);
            match coldest {
                Some(i) => self.drop_cache(i),
                None => break,
            }
        }
        if self.total > self.budget {
            self.drop_cache(keep);
        }
    }

    fn drop_cache(&mut self, i: usize) {
        self.caches[i] = None;
        self.total -= self.charged[i];
        self.charged[i] = 0;
        self.evictions += 1;
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn re(p: &str) -> meta::Regex {
        meta::Regex::new(p).expect("test regex")
    }

    #[test]
    fn searches_agree_with_the_regex_crate() {
        let caches = RegexCaches::new(1 << 20);
        let pats = [
            r"(?i)\bnot (?:working|fixed)\b",
            r"a*",
            r"\d+",
            r"(?:^|\s)@\w",
            "é|e",
        ];
        let texts = [
            "Still NOT working, not fixed either",
            "",
            "bab aa",
            "order 123 and 45678",
            "@acme hi @lumora",
            "café e é",
        ];
        let first = caches.register(pats.len());
        for (k, p) in pats.iter().enumerate() {
            let ours = re(p);
            let theirs = regex::Regex::new(p).unwrap();
            for t in texts {
                assert_eq!(
                    caches.is_match(first + k, &ours, t),
                    theirs.is_match(t),
                    "{p} {t:?}"
                );
                assert_eq!(
                    caches.find(first + k, &ours, t),
                    theirs.find(t).map(|m| (m.start(), m.end())),
                    "{p} {t:?}"
                );
                let all: Vec<(usize, usize)> =
                    theirs.find_iter(t).map(|m| (m.start(), m.end())).collect();
                assert_eq!(caches.find_all(first + k, &ours, t), all, "{p} {t:?}");
            }
            let mut each = vec![None; texts.len()];
            caches.is_match_each(first + k, &ours, texts, |i, m| each[i] = Some(m));
            let want: Vec<Option<bool>> = texts.iter().map(|t| Some(theirs.is_match(t))).collect();
            assert_eq!(each, want, "{p}");
        }
        // A rule's regex, searching with the same store.
        let rules = caches.register(pats.len());
        for (k, p) in pats.iter().enumerate() {
            let ours = RuleRegex::new((*p).into(), 1 << 20, 10 << 20).expect("test pattern");
            let theirs = regex::Regex::new(p).unwrap();
            for t in texts {
                assert_eq!(caches.is_match(rules + k, &ours, t), theirs.is_match(t));
                let all: Vec<(usize, usize)> =
                    theirs.find_iter(t).map(|m| (m.start(), m.end())).collect();
                assert_eq!(caches.find_all(rules + k, &ours, t), all, "{p} {t:?}");
            }
        }
        assert!(caches.stats().caches >= 2 * pats.len());
    }

    #[test]
    fn the_budget_holds_and_the_coldest_caches_go_first() {
        // Patterns whose lazy DFAs build many states on varied text.
        let regexes: Vec<meta::Regex> = (0..6)
            .map(|k| {
                re(&format!(
                    r"(?i)\b\w{{{}}}\w*(?:ing|ed|ly)\b|\d{{{}}}",
                    k + 2,
                    k + 3
                ))
            })
            .collect();
        let text: String = (0..400)
            .map(|i| format!("word{i} testing{i} quickly{} ", i * 7919 % 1000))
            .collect();
        let unbounded = RegexCaches::new(usize::MAX);
        let base = unbounded.register(regexes.len());
        for (k, r) in regexes.iter().enumerate() {
            unbounded.find_all(base + k, r, &text);
        }
        let all = unbounded.stats();
        let largest = unbounded.lock().charged.iter().copied().max().unwrap_or(0);
        assert_eq!(all.evictions, 0);
        assert_eq!(all.caches, regexes.len());

        // A budget of half what they use: charges never pass it, and matches do not change.
        let budget = all.bytes / 2;
        let bounded = RegexCaches::new(budget);
        let first = bounded.register(regexes.len());
        for round in 0..3 {
            for (k, r) in regexes.iter().enumerate() {
                let got = bounded.find_all(first + k, r, &text);
                assert_eq!(
                    got,
                    unbounded.find_all(base + k, r, &text),
                    "round {round} regex {k}"
                );
                // Between searches the charges are within the budget; during one they pass it
                // by at most what that search's cache holds (it is made before it is charged).
                let st = bounded.stats();
                assert!(st.bytes <= budget, "{st:?}");
                assert!(st.peak_bytes <= budget + largest, "{st:?} {largest}");
            }
        }
        let st = bounded.stats();
        assert!(st.evictions > 0, "{st:?}");
        assert!(st.caches < regexes.len(), "{st:?}");

        // Least recently used go first: every cache still held was searched after every cache
        // that was dropped.
        let s = bounded.lock();
        let slots = first..first + regexes.len();
        let held = slots.clone().filter(|&i| s.caches[i].is_some());
        let dropped = slots.clone().filter(|&i| s.caches[i].is_none());
        let oldest_held = held.map(|i| s.last_used[i]).min().expect("one held");
        let newest_dropped = dropped.map(|i| s.last_used[i]).max().expect("one dropped");
        assert!(oldest_held > newest_dropped);
        assert!(
            s.caches[first + regexes.len() - 1].is_some(),
            "the last searched is held"
        );
    }

    #[test]
    fn a_cache_alone_over_the_budget_is_dropped_after_its_search() {
        let caches = RegexCaches::new(1);
        let slot = caches.register(1);
        let r = re(r"(?i)\b(?:not|never) \w+ing\b");
        assert_eq!(caches.find(slot, &r, "it is not working"), Some((6, 17)));
        let st = caches.stats();
        assert_eq!((st.bytes, st.caches), (0, 0), "{st:?}");
        assert!(st.evictions >= 1);
        // And the next search makes it again and still finds the match.
        assert!(caches.is_match(slot, &r, "never loading"));
    }
}
