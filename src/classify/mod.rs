//! The classifier: brand matching, language, sentiment, signals, complaint categories and influence.
//! Built once from config; `classify` is pure and cheap, so the classify stage and the `classify` CLI
//! share it.

pub mod attribution;
pub mod brands;
pub mod gate;
pub mod lang;
pub mod lexicon;
pub mod query;
pub mod regex_caches;
pub mod rule_regex;
pub mod sentiment;
pub mod signals;
pub mod trigrams;

use std::collections::{BTreeMap, HashMap};

use chrono::{DateTime, Utc};

use crate::config::{BrandConfig, ClassifyConfig};
use crate::model::{
    BrandMatch, Classification, ComplaintCategory, EnrichedMention, LangGuess, Mention, Rating,
    Signal, SignalKind,
};
use attribution::{BrandPlaces, SignalPlace};
use brands::BrandMatcher;
use lang::LangDetector;
use sentiment::SentimentEngine;
use signals::SignalDetector;

/// A review its author gave one or two stars complains, whatever its words: "Notifications don't
/// work on Android 14" or "The ads are out of control" say what is wrong without a complaint
/// rule's phrasing. Added (in kind order, with no span in the text) when no rule found a
/// complaint; its evidence is the rating. Higher ratings add nothing: a five-star review may
/// still complain ("5 stars, but please fix the sync"), and its words say so.
fn rated_complaint(signals: &mut Vec<Signal>, spans: &mut Vec<Option<(usize, usize)>>, r: Rating) {
    if r.stars() > 2 || signals.iter().any(|s| s.kind == SignalKind::Complaint) {
        return;
    }
    let at = signals
        .iter()
        .position(|s| s.kind > SignalKind::Complaint)
        .unwrap_or(signals.len());
    signals.insert(
        at,
        Signal {
            kind: SignalKind::Complaint,
            confidence: if r.stars() == 1 { 0.85 } else { 0.7 },
            evidence: format!("{} of 5 stars", r.stars()),
            rule: "low_rating".into(),
        },
    );
    spans.insert(at, None);
}

pub struct Classifier {
    brands: BrandMatcher,
    lang: LangDetector,
    sentiment: SentimentEngine,
    signals: SignalDetector,
    overrides: HashMap<String, BTreeMap<String, f64>>,
    max_text_bytes: usize,
}

/// What the caller knows of a text besides its words: the byte ranges of the brand names its
/// sentiment leaves out, whether it was cut, and its author's rating.
#[derive(Clone, Copy)]
struct Given<'a> {
    masked: &'a [(usize, usize)],
    truncated: bool,
    rating: Option<Rating>,
    /// The text's [`signal_text`], when it is already made and not the text itself.
    normalized: Option<&'a str>,
    /// The signal rules that match the signal text, when a batch found them (see
    /// [`Classifier::analyze_batch_each`]).
    matched: Option<&'a signals::RuleMatches>,
}

/// Which signals' places [`Classifier::classify_in`] works out (see [`attribution`]).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Places {
    /// None (one classification a text: the CLI).
    Unwanted,
    /// Churn's and purchase intent's only: a post naming one brand, which may be where the
    /// customer goes (or not).
    Churn,
    /// Every signal's: a post naming several brands.
    All,
}

/// One text of a batch for [`Classifier::analyze_batch_each`]: the text, its feed's language tag and
/// its author's rating, as [`Classifier::analyze_rated`] takes them.
#[derive(Debug, Clone, Copy)]
pub struct BatchItem<'a> {
    pub text: &'a str,
    pub lang: Option<&'a str>,
    pub rating: Option<Rating>,
}

/// A text read up to its language: what [`Classifier::analyze_rated`] and
/// [`Classifier::analyze_batch_each`] share.
struct Prepared<'t> {
    brands: Vec<BrandMatch>,
    /// Which of `brands` lends its lexicon overrides to the sentiment.
    overrides: Option<usize>,
    /// The [`readable_text`], and the byte ranges in it of the brands' names.
    text: std::borrow::Cow<'t, str>,
    /// The [`signal_text`] when it is not `text` (Persian and Arabic normalised).
    normalized: Option<String>,
    masked: Vec<(usize, usize)>,
    lang: LangGuess,
    truncated: bool,
}

impl Prepared<'_> {
    fn signal_text(&self) -> &str {
        self.normalized.as_deref().unwrap_or(&self.text)
    }

    /// The rest of the classification; `matched` is the signal rules that match the text, when
    /// they were found with a batch.
    fn analyze(
        self,
        c: &Classifier,
        rating: Option<Rating>,
        matched: Option<&signals::RuleMatches>,
    ) -> Analysis {
        let overrides = self
            .overrides
            .and_then(|i| c.overrides.get(&self.brands[i].brand));
        let (classification, _) = c.classify_in(
            &self.text,
            self.lang,
            overrides,
            Given {
                masked: &self.masked,
                truncated: self.truncated,
                rating,
                normalized: self.normalized.as_deref(),
                matched,
            },
            Places::Unwanted,
        );
        Analysis {
            brands: self.brands,
            classification,
        }
    }
}

/// Everything about one text: the brand matches and the brand-independent classification.
#[derive(Debug, Clone)]
pub struct Analysis {
    pub brands: Vec<BrandMatch>,
    pub classification: Classification,
}

/// Cuts `s` to at most `max` bytes at a char boundary.
pub fn truncate_utf8(s: &str, max: usize) -> &str {
    if s.len() <= max {
        return s;
    }
    let mut end = max;
    while !s.is_char_boundary(end) {
        end -= 1;
    }
    &s[..end]
}

/// The text as every stage after brand matching reads it: `original` with straight apostrophes
/// (see [`lexicon::straight_apostrophes`]) and split contractions joined (see
/// [`lexicon::joined_contractions`]).
pub fn readable_text(original: &str) -> std::borrow::Cow<'_, str> {
    match lexicon::straight_apostrophes(original) {
        std::borrow::Cow::Borrowed(s) => lexicon::joined_contractions(s),
        std::borrow::Cow::Owned(s) => match lexicon::joined_contractions(&s) {
            std::borrow::Cow::Borrowed(_) => std::borrow::Cow::Owned(s),
            std::borrow::Cow::Owned(j) => std::borrow::Cow::Owned(j),
        },
    }
}

/// The [`readable_text`] of `original`, and the byte ranges of it that the matched brands' terms
/// cover (brands are matched on the text as written, so their offsets point into `original`).
/// Sentiment leaves those unscored: a brand's name is not what its author feels about it ("Flew
/// United" is not praise for +1.8 "united"; "Spirit", "Champion", "Best Buy", "Kia" carry valence
/// in the lexicons too). All matched brands' names are masked, so each brand's record has the same
/// sentiment.
fn readable<'t>(
    original: &'t str,
    brands: &[BrandMatch],
) -> (std::borrow::Cow<'t, str>, Vec<(usize, usize)>) {
    let text = readable_text(original);
    let shift = |at: usize| readable_offset(original, &text, at);
    let masked = brands
        .iter()
        .flat_map(|b| &b.matched)
        .map(|m| (shift(m.start), shift(m.end)))
        .collect();
    (text, masked)
}

/// Byte `at` of `original` (a character boundary) in its [`readable`] form `text`.
fn readable_offset(original: &str, text: &str, at: usize) -> usize {
    if text.len() == original.len() {
        return at;
    }
    let straight = lexicon::straight_apostrophes(original);
    let at = if straight.len() == original.len() {
        at
    } else {
        lexicon::straight_offset(original, at)
    };
    lexicon::joined_offset(&straight, at)
}

/// `signal_text` with its clauses of praise blanked out (each byte a space), for the complaint
/// categories; `None` when there is none to blank. A post that praises one thing and complains of
/// another ("Delivery was super fast but the blender broke after a week", "Love the website, easy
/// checkout, but the jacket fell apart") complains of quality, not of delivery, the website or
/// checkout: counted over time, those categories would gather every happy customer's aside. A
/// clause (see [`attribution::places`]: sentence ends, `,` `;` `:` and "but"-like words) is praise
/// when a positive sentiment word or a praise signal stands in it, and no negative word, no
/// complaint, warning or churn signal. Not when the post is sarcastic (its praise is the
/// complaint). The caller asks only for a post whose whole text names several categories (from
/// one, leaving out a praised clause could only trade a named category for a weaker guess), and
/// keeps those when what is left names none.
fn praise_blanked(
    text: &str,
    signal_text: &str,
    sentiment: &crate::model::Sentiment,
    signals: &[crate::model::Signal],
    spans: &[Option<(usize, usize)>],
) -> Option<String> {
    use SignalKind::{ChurnIntent, Complaint, Praise, Warn};
    let complains = |k: SignalKind| matches!(k, Complaint | Warn | ChurnIntent);
    if !signals.iter().any(|s| complains(s.kind))
        || signals
            .iter()
            .any(|s| s.rule == "sarcasm" || s.rule == "sarcastic_verdict")
    {
        return None;
    }
    // Where the words stand in the scored text, and the signals in the signal text (the same
    // punctuation and words, see `attribution`: their clause numbers agree).
    let hits: Vec<(usize, f64)> = sentiment
        .hits
        .iter()
        .filter_map(|h| h.at.map(|a| (a as usize, h.valence)))
        .collect();
    if !hits.iter().any(|&(_, v)| v > 0.0) && !signals.iter().any(|s| s.kind == Praise) {
        return None;
    }
    // One walk over the signal text finds its clauses; the hits' places are looked up in it
    // unless the hits were found in another text (Persian and Arabic normalise).
    let starts = attribution::clause_starts(signal_text);
    let clause_of = |at: usize| starts.partition_point(|&s| s <= at).saturating_sub(1);
    let hit_clauses: Vec<usize> = if text == signal_text {
        hits.iter().map(|&(at, _)| clause_of(at)).collect()
    } else {
        let ats: Vec<usize> = hits.iter().map(|h| h.0).collect();
        attribution::places(text, &ats)
            .into_iter()
            .map(|p| p.1)
            .collect()
    };
    let located: Vec<(usize, SignalKind)> = signals
        .iter()
        .zip(spans)
        .filter_map(|(s, span)| span.map(|(a, _)| (a, s.kind)))
        .collect();
    // The clauses of positive words and praise, and of negative words and complaints.
    let clauses_where =
        |word: fn(f64) -> bool, signal: &dyn Fn(SignalKind) -> bool| -> Vec<usize> {
            hits.iter()
                .zip(&hit_clauses)
                .filter(|((_, v), _)| word(*v))
                .map(|(_, &clause)| clause)
                .chain(
                    located
                        .iter()
                        .filter(|(_, k)| signal(*k))
                        .map(|&(at, _)| clause_of(at)),
                )
                .collect()
        };
    let mut praised = clauses_where(|v| v > 0.0, &|k| k == Praise);
    let blamed = clauses_where(|v| v < 0.0, &complains);
    praised.retain(|c| !blamed.contains(c));
    if praised.is_empty() {
        return None;
    }
    let mut out = signal_text.as_bytes().to_vec();
    for &clause in &praised {
        if let Some(&from) = starts.get(clause) {
            let to = starts.get(clause + 1).copied().unwrap_or(out.len());
            out[from..to].fill(b' ');
        }
    }
    Some(String::from_utf8(out).expect("spaces in place of whole characters"))
}

/// Returns the heap's free pages to the system (glibc's `malloc_trim`). Building the tables
/// (the gates' automata above all) allocates and frees far more than they keep, and glibc holds
/// freed memory for reuse: after start-up `earshot classify` was resident at 30.2–30.5 MiB, 28.6
/// before the thirty-third session's rules, and 29.0 MiB once trimmed. Peaks fall with it (200,000
/// stream texts: 95.0–95.2 → 92.8 MiB, 40,000: 89.1 → 88.1). Trimming after every batch of the CLI
/// took 200,000 stream texts' peak to 88.4 MiB but cost about 4 % of the time on 40,000 (best of
/// five, one core), and every sixteenth batch gave 92.4 MiB: start-up only. A no-op elsewhere.
pub fn release_freed_memory() {
    #[cfg(all(target_os = "linux", target_env = "gnu"))]
    // SAFETY: malloc_trim only returns free memory of the allocator's arenas to the system; it
    // touches no live allocation.
    unsafe {
        libc::malloc_trim(0);
    }
}

/// Serves every allocation of 256 KiB or more from pages of its own (glibc's `M_MMAP_THRESHOLD`),
/// which go back to the system when freed. By default glibc raises that threshold to the size of
/// each large block freed, so the gates' and rules' building buffers, freed at start-up, come back
/// from the heap, where what they leave between long-lived tables cannot be returned; so do the
/// rules' lazy-DFA caches (256 KiB to 1 MiB) that the cache budget drops. Thirty-third session:
/// 200,000 stream texts peaked at 93.5–94.6 MiB (98.0–99.2 MB) with the session's last rules, and
/// at 89.8–90.1 MiB (94.1–94.5 MB) with this; at 512 KiB or 1 MiB it gave nothing. User time on
/// 40,000 stream texts was within noise (best of four, one core), system time 0.10 → 0.15 s.
/// Called first thing by the binary; a no-op elsewhere.
pub fn map_large_allocations() {
    #[cfg(all(target_os = "linux", target_env = "gnu"))]
    // SAFETY: mallopt only sets a tuning parameter of the allocator, before any thread runs.
    unsafe {
        libc::mallopt(libc::M_MMAP_THRESHOLD, 256 << 10);
    }
}

/// The text the signal rules, the advice model and the categories read: the [`readable_text`],
/// for Persian and Arabic normalised (see [`lexicon::normalize`]). Signals' evidence is quoted
/// from it.
pub fn signal_text<'t>(text: &'t str, lang: &str) -> std::borrow::Cow<'t, str> {
    match lang {
        "fa" | "ar" => std::borrow::Cow::Owned(lexicon::normalize(lang, text)),
        _ => std::borrow::Cow::Borrowed(text),
    }
}

impl Classifier {
    /// Builds every table, then hands the memory their building used and freed back to the
    /// system (see [`release_freed_memory`]).
    pub fn new(brands: &[BrandConfig], cfg: &ClassifyConfig) -> Result<Self, String> {
        let c = Self::with_engines(brands, cfg, SentimentEngine::new(), SignalDetector::new());
        release_freed_memory();
        c
    }

    /// A classifier over given sentiment and signal engines (cross-validating learned tables).
    pub fn with_engines(
        brands: &[BrandConfig],
        cfg: &ClassifyConfig,
        sentiment: SentimentEngine,
        signals: SignalDetector,
    ) -> Result<Self, String> {
        Ok(Classifier {
            brands: BrandMatcher::new(brands)?,
            lang: LangDetector::new(),
            sentiment,
            signals,
            overrides: brands
                .iter()
                .filter(|b| !b.lexicon.is_empty())
                .map(|b| {
                    let lex = b
                        .lexicon
                        .iter()
                        .map(|(k, v)| (k.to_lowercase(), *v))
                        .collect();
                    (b.name.clone(), lex)
                })
                .collect(),
            max_text_bytes: cfg.max_text_bytes,
        })
    }

    /// What the signal rules' search caches hold, against their budget (see
    /// [`regex_caches::RegexCaches`]).
    pub fn regex_cache_stats(&self) -> regex_caches::CacheStats {
        self.signals.cache_stats()
    }

    /// Compiles every signal rule's regex now (see [`SignalDetector::compile_all`]).
    pub fn compile_all_rules(&self) {
        self.signals.compile_all();
    }

    /// Classifies a text. `declared_lang` is the feed's own language tag, if any.
    pub fn analyze(&self, text: &str, declared_lang: Option<&str>) -> Analysis {
        self.analyze_rated(text, declared_lang, None)
    }

    /// [`Classifier::analyze`] for a text its author rated (a review's stars).
    pub fn analyze_rated(
        &self,
        text: &str,
        declared_lang: Option<&str>,
        rating: Option<Rating>,
    ) -> Analysis {
        self.prepare(text, declared_lang)
            .analyze(self, rating, None)
    }

    /// [`Classifier::analyze_rated`] for each of a batch of texts, with the same results, each
    /// analysis handed to `each` (with the text's index) as soon as it is made, in order: only one
    /// is held at a time. The signal rules search the batch rule by rule (see
    /// [`SignalDetector::match_batch`]), which keeps each rule's tables in the processor's caches:
    /// the CLI classifies its input this way. The batch's texts are all held at once; the caller
    /// bounds it.
    pub fn analyze_batch_each(
        &self,
        items: &[BatchItem<'_>],
        mut each: impl FnMut(usize, Analysis),
    ) {
        let prepared: Vec<Prepared<'_>> = items
            .iter()
            .map(|item| self.prepare(item.text, item.lang))
            .collect();
        let keys: Vec<(&str, &str)> = prepared
            .iter()
            .map(|p| (p.signal_text(), p.lang.code.as_ref()))
            .collect();
        let matched = self.signals.match_batch(&keys);
        drop(keys);
        for (i, ((p, item), m)) in prepared.into_iter().zip(items).zip(&matched).enumerate() {
            each(i, p.analyze(self, item.rating, Some(m)));
        }
    }

    /// What every stage after brand matching starts from (see [`Prepared`]).
    fn prepare<'t>(&self, text: &'t str, declared_lang: Option<&str>) -> Prepared<'t> {
        let cut = truncate_utf8(text, self.max_text_bytes);
        let truncated = cut.len() < text.len();
        let lower = lexicon::lowercase_cow(cut);
        let brands = self.brands.find(cut, &lower);
        // One classification per text here: with the lexicon overrides of the first matched brand
        // that has one naming a word of the text ("sick" for a skate brand), as `enrich` does per brand.
        let overrides = brands.iter().position(|b| {
            self.overrides
                .get(&b.brand)
                .is_some_and(|o| o.keys().any(|k| lower.contains(k.as_str())))
        });
        let (text, masked) = readable(cut, &brands);
        let lang = self.lang.detect(&text, declared_lang);
        let normalized = match signal_text(&text, &lang.code) {
            std::borrow::Cow::Owned(s) => Some(s),
            std::borrow::Cow::Borrowed(_) => None,
        };
        Prepared {
            brands,
            overrides,
            text,
            normalized,
            masked,
            lang,
            truncated,
        }
    }

    /// Sentiment, signals and categories for a text whose language is known; and where the signals
    /// `places` asks for were found (see [`attribution`]).
    fn classify_in(
        &self,
        text: &str,
        lang: LangGuess,
        overrides: Option<&BTreeMap<String, f64>>,
        given: Given<'_>,
        places: Places,
    ) -> (Classification, Vec<Option<SignalPlace>>) {
        let sentiment = self
            .sentiment
            .score_masked(text, &lang.code, overrides, given.masked);
        let Given {
            truncated,
            rating,
            normalized,
            matched,
            ..
        } = given;
        let signal_text = match normalized {
            Some(t) => std::borrow::Cow::Borrowed(t),
            None => signal_text(text, &lang.code),
        };
        let signals::Detected {
            mut signals,
            mut spans,
            requests,
            sarcasm,
            advised_against,
        } = self
            .signals
            .detect_matched(&signal_text, &lang.code, &sentiment, matched);
        if let Some(r) = rating {
            rated_complaint(&mut signals, &mut spans, r);
        }
        let places = match places {
            Places::Unwanted => Vec::new(),
            Places::Churn | Places::All => {
                let wanted: Vec<Option<(usize, usize)>> = signals
                    .iter()
                    .zip(&spans)
                    .map(|(s, span)| {
                        span.filter(|_| {
                            matches!(s.kind, SignalKind::ChurnIntent | SignalKind::PurchaseIntent)
                                || places == Places::All
                        })
                    })
                    .collect();
                // One pass over the text for every wanted signal's place.
                let starts: Vec<usize> = wanted.iter().flatten().map(|&(a, _)| a).collect();
                let mut found = attribution::places(&signal_text, &starts).into_iter();
                signals
                    .iter()
                    .zip(wanted)
                    .map(|(s, span)| {
                        let (a, b) = span?;
                        let (sentence, clause) = found.next()?;
                        let switch = attribution::is_switch(&signal_text[a..b]);
                        Some(SignalPlace {
                            sentence,
                            clause,
                            churn: s.kind == SignalKind::ChurnIntent && switch,
                            joins: s.kind == SignalKind::PurchaseIntent && switch,
                        })
                    })
                    .collect()
            }
        };
        let mut sentiment = sentiment;
        if let Some(evidence) = &sarcasm {
            sentiment::invert_sarcasm(&mut sentiment, evidence);
        }
        if !requests.is_empty() {
            let requests: Vec<&str> = requests.iter().map(|&(a, b)| &signal_text[a..b]).collect();
            sentiment::discount_requests(&mut sentiment, &requests, &lang.code);
        }
        if !advised_against.is_empty() {
            let spans: Vec<&str> = advised_against
                .iter()
                .map(|&(a, b)| &signal_text[a..b])
                .collect();
            sentiment::discount_advice_verbs(&mut sentiment, &spans, &lang.code);
        }
        if signals.iter().any(|s| s.kind == SignalKind::Complaint)
            && !signals.iter().any(|s| s.kind == SignalKind::Praise)
        {
            sentiment::discount_courtesy(&mut sentiment, text, &lang.code);
        }
        if let Some(signal) = self.signals.evaluative(&signals) {
            sentiment::polarity_from_signal(&mut sentiment, signal, &lang.code);
        }
        // A post's categories, and when it names several, those of what it does not praise
        // (see `praise_blanked`; from one, leaving out a praised clause could only trade a named
        // category for a weaker guess).
        let mut complaint_categories = self.signals.categories(&signal_text, &signals);
        if complaint_categories.len() > 1
            && let Some(rest) = praise_blanked(text, &signal_text, &sentiment, &signals, &spans)
        {
            let left = self.signals.categories(&rest, &signals);
            if left != [ComplaintCategory::Other] {
                complaint_categories = left;
            }
        }
        let c = Classification {
            lang,
            sentiment,
            signals,
            complaint_categories,
            truncated,
        };
        (c, places)
    }

    /// One EnrichedMention per brand the mention matches (none when no brand matches, and then nothing
    /// else is computed). A brand whose lexicon overrides name a word of the text gets its own
    /// sentiment pass; the language is detected once. Each brand's record carries the signals about
    /// it (see [`attribution`]): in "Don't buy Acme, get Lumora instead" the warning is Acme's
    /// alone, and in "Switching from Acme to Lumora" the churn is Acme's. Its complaint categories
    /// go with its complaint, warning or churn signals, and its sentiment leaves out the words of
    /// clauses about other brands only.
    pub fn enrich(&self, m: &Mention, now: DateTime<Utc>) -> Vec<EnrichedMention> {
        let cut = truncate_utf8(&m.text, self.max_text_bytes);
        let truncated = cut.len() < m.text.len();
        let lower = lexicon::lowercase_cow(cut);
        let brands = self.brands.find(cut, &lower);
        if brands.is_empty() {
            return Vec::new();
        }
        let (text, masked) = readable(cut, &brands);
        let brand_places: Vec<BrandPlaces> = brands
            .iter()
            .map(|b| {
                let starts = b
                    .matched
                    .iter()
                    .map(|t| readable_offset(cut, &text, t.start));
                BrandPlaces::new(&text, starts)
            })
            .collect();
        let cut = &*text;
        let lang = self.lang.detect(cut, m.lang.as_deref());
        let places = if brands.len() > 1 {
            Places::All
        } else {
            Places::Churn
        };
        let base = self.classify_in(
            cut,
            lang.clone(),
            None,
            Given {
                masked: &masked,
                truncated,
                rating: m.rating,
                normalized: None,
                matched: None,
            },
            places,
        );
        // Where the word hits stand, for a post naming several brands (each brand's sentiment
        // leaves out the clauses about the others): found once for the brands that share the
        // base classification, and again only for a brand with overrides of its own.
        let several = brand_places.len() > 1;
        let base_at = if several {
            attribution::hit_places(&base.0.sentiment, cut)
        } else {
            Vec::new()
        };
        brands
            .into_iter()
            .enumerate()
            .map(|(i, b)| {
                let own = match self.overrides.get(&b.brand) {
                    Some(o) if o.keys().any(|k| lower.contains(k.as_str())) => {
                        Some(self.classify_in(
                            cut,
                            lang.clone(),
                            Some(o),
                            Given {
                                masked: &masked,
                                truncated,
                                rating: m.rating,
                                normalized: None,
                                matched: None,
                            },
                            places,
                        ))
                    }
                    _ => None,
                };
                let own_at = match &own {
                    Some((c, _)) if several => attribution::hit_places(&c.sentiment, cut),
                    _ => Vec::new(),
                };
                let at = if own.is_some() { &own_at } else { &base_at };
                let (mut classification, places) = own.unwrap_or_else(|| base.clone());
                if several {
                    classification.sentiment =
                        attribution::sentiment_for(&classification.sentiment, at, &brand_places, i);
                }
                let keep = attribution::signals_for(&places, &brand_places, i);
                let mut keep = keep.into_iter();
                classification
                    .signals
                    .retain(|_| keep.next().unwrap_or(true));
                if !classification.signals.iter().any(|s| {
                    matches!(
                        s.kind,
                        SignalKind::Complaint | SignalKind::Warn | SignalKind::ChurnIntent
                    )
                }) {
                    classification.complaint_categories.clear();
                }
                let influence = crate::influence::score(m, &classification.signals, now);
                EnrichedMention {
                    mention: m.clone(),
                    brand: b.brand,
                    matched: b.matched,
                    classification,
                    influence,
                }
            })
            .collect()
    }
}

/// The texts of the golden set and the demo corpus: every language, signal and category (for the
/// tests that hold a fast path to the plain code it replaced).
#[cfg(test)]
pub(crate) fn golden_and_demo_texts() -> Vec<String> {
    [
        include_str!("../../tests/fixtures/classify-golden.jsonl"),
        include_str!("../../config/demo-mentions.jsonl"),
    ]
    .iter()
    .flat_map(|f| f.lines())
    .map(|l| {
        let v: serde_json::Value = serde_json::from_str(l).unwrap();
        v["text"].as_str().unwrap().to_string()
    })
    .collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::{ComplaintCategory, SentimentLabel};

    fn analyze(text: &str) -> Classification {
        Classifier::new(&[], &ClassifyConfig::default())
            .unwrap()
            .analyze(text, None)
            .classification
    }

    /// The categories of a complaint leave out what its post praises (a praise signal or positive
    /// words, and nothing negative, in the clause): "fast delivery" in a post about a broken
    /// kettle is no delivery complaint. What is left decides, when the whole post names several
    /// categories; a post naming one keeps it; sarcastic praise is the complaint.
    #[test]
    fn complaint_categories_leave_out_praised_clauses() {
        use ComplaintCategory::*;
        let cases: &[(&str, &[ComplaintCategory])] = &[
            (
                "Delivery was super fast but the blender broke after a week.",
                &[Quality],
            ),
            (
                "Love the website, easy checkout, but the jacket fell apart after two washes.",
                &[Quality],
            ),
            (
                "Great price and quick delivery, but the app logs me out every single day.",
                &[Website],
            ),
            (
                "Quality is excellent, however the parcel turned up four days late.",
                &[Delivery],
            ),
            (
                "The staff in store were lovely. Three weeks on and my refund still hasn't come through.",
                &[ReturnsRefunds],
            ),
            (
                "Customer service was fantastic when I called. The product, though, stopped charging after a week.",
                &[Quality],
            ),
            // Nothing praised: every category stays.
            (
                "My order never arrived and customer service won't answer my emails.",
                &[Delivery, Support],
            ),
            // Sarcasm: the praise is the complaint.
            ("Great, my parcel is lost again", &[Delivery]),
        ];
        for (text, want) in cases {
            let cl = analyze(text);
            assert!(
                cl.signals.iter().any(|s| s.kind == SignalKind::Complaint),
                "{text}: {:?}",
                cl.signals
            );
            assert_eq!(&cl.complaint_categories, want, "{text}");
        }
        // A post naming one category keeps it, praised or not.
        let cl = analyze("The delivery was great but I'm really disappointed with it.");
        assert_eq!(cl.complaint_categories, [Delivery], "{:?}", cl.signals);
    }

    /// Generated hostile text through every profile: whatever a feed sends, the classifier returns
    /// a sane result (the issue's "never a panic"), and the numbers a dashboard sums stay finite.
    #[test]
    fn generated_hostile_text_never_panics_and_stays_sane() {
        const PIECES: &[&str] = &[
            "good",
            "GREAT",
            "not",
            "no",
            "never",
            "but",
            "kind of",
            "least",
            "very",
            "sooooo",
            "don't",
            "isn't",
            "n't",
            "l'",
            "n'",
            "d’",
            "qu'",
            "#",
            "#_",
            "#-",
            "#WorstDayEver",
            "#no_signal",
            "@",
            "@acme",
            "@acme@example.social",
            "http://",
            "https://x.y/z?q=1",
            "www.",
            "acme",
            "Acme's",
            "=Apple",
            "apple pie",
            ":)",
            ":(",
            "<3",
            "!!!",
            "???",
            "?!",
            "¿",
            "¡",
            "…",
            "—",
            "“",
            "”",
            "’",
            "'",
            "\"",
            ",",
            ".",
            ";",
            "(",
            ")",
            "-",
            "_",
            "😀",
            "😡",
            "👍🏽",
            "👨‍👩‍👧",
            "❤️",
            "🇫🇷",
            "\u{FE0F}",
            "\u{200D}",
            "\u{200C}",
            "\u{200E}",
            "\u{200F}",
            "\u{202E}",
            "\u{0640}",
            "\u{064B}",
            "\u{0651}",
            "\u{0670}",
            "خیلی",
            "خوب",
            "نیست",
            "ولی",
            "نمی‌خرم",
            "راضیم",
            "بی نقصیه",
            "ممتاز",
            "لكن",
            "مش",
            "حلووووو",
            "الخدمة",
            "وبالمنتج",
            "؟",
            "،",
            "؛",
            "pero",
            "mais",
            "aber",
            "nicht",
            "não",
            "muy",
            "très",
            "gefällt",
            "İ",
            "Σ",
            "ΣΣ",
            "ß",
            "ﬃ",
            "\u{0301}",
            "e\u{0301}",
            "\u{0000}",
            "\u{0007}",
            "\u{FFFD}",
            "\u{10FFFF}",
            "１２３",
            "！",
            "？",
            "ｇｏｏｄ",
            "0",
            "3.5",
            "-2",
            "100%",
            "\t",
            "\n",
            "\r\n",
            "\u{00A0}",
            "\u{3000}",
            "\u{2028}",
            " ",
        ];
        let brands = vec![
            BrandConfig {
                name: "Acme".into(),
                query: "acme OR #acme OR @acme OR (=Apple NEAR/2 watch)".into(),
                exclude: vec!["apple pie".into()],
                lexicon: [("sick".to_string(), 2.5)].into_iter().collect(),
            },
            BrandConfig {
                name: "Lumora".into(),
                query: "\"lumora halo\" OR lumora*".into(),
                exclude: vec![],
                lexicon: Default::default(),
            },
        ];
        // A small limit, so cuts land inside multi-byte characters too.
        let c = Classifier::new(&brands, &ClassifyConfig { max_text_bytes: 97 }).unwrap();
        let mut rng = fastrand::Rng::with_seed(0xEA5_5407);
        let langs = [
            None,
            Some("en"),
            Some("es"),
            Some("fr"),
            Some("de"),
            Some("pt"),
            Some("fa"),
            Some("ar"),
            Some("xx"),
            Some(""),
        ];
        // How often the interesting paths were reached: a generator that never reached them would
        // make this test pass for nothing.
        let (mut matched, mut cut_off, mut signalled, mut positive, mut negative) = (0, 0, 0, 0, 0);
        let mut detected = std::collections::BTreeSet::new();
        for n in 0..20_000 {
            let mut text = String::new();
            for _ in 0..rng.usize(0..40) {
                text.push_str(PIECES[rng.usize(..PIECES.len())]);
                if rng.u8(..4) != 0 {
                    text.push(' ');
                }
            }
            let lang = langs[n % langs.len()];
            let a = c.analyze(&text, lang);
            let s = &a.classification.sentiment;
            assert!(
                s.score.is_finite() && (-1.0..=1.0).contains(&s.score),
                "{text:?}"
            );
            assert_eq!(s.label, sentiment::label_for(s.score), "{text:?}");
            // ISO 639-1, or `und` for a text with no letters: one code system in every record.
            let code = &*a.classification.lang.code;
            assert!(
                code == "und" || (code.len() == 2 && code.bytes().all(|b| b.is_ascii_lowercase())),
                "{text:?}: {code}"
            );
            assert!(s.hits.iter().all(|h| h.valence.is_finite()), "{text:?}");
            for sig in &a.classification.signals {
                assert!(!sig.evidence.is_empty(), "{text:?}: {sig:?}");
                assert!((0.0..=1.0).contains(&sig.confidence), "{text:?}: {sig:?}");
            }
            let cut = truncate_utf8(&text, 97);
            assert_eq!(a.classification.truncated, cut.len() < text.len());
            for b in &a.brands {
                for m in &b.matched {
                    assert!(cut.get(m.start..m.end).is_some(), "{text:?}: {m:?}");
                }
            }
            // The workers' path: a Mention through `enrich`, each record serialising.
            let m = Mention {
                id: format!("fuzz:{n}"),
                text: text.clone(),
                lang: lang.map(str::to_string),
                ..Default::default()
            };
            for em in c.enrich(&m, chrono::Utc::now()) {
                serde_json::to_vec(&em).unwrap();
            }
            matched += usize::from(!a.brands.is_empty());
            cut_off += usize::from(a.classification.truncated);
            signalled += usize::from(!a.classification.signals.is_empty());
            positive += usize::from(s.label == SentimentLabel::Positive);
            negative += usize::from(s.label == SentimentLabel::Negative);
            if lang.is_none() {
                detected.insert(a.classification.lang.code.to_string());
            }
        }
        for (what, count) in [
            ("brand matches", matched),
            ("cut texts", cut_off),
            ("texts with signals", signalled),
            ("positive texts", positive),
            ("negative texts", negative),
        ] {
            assert!(count >= 500, "only {count} {what} in 20,000 texts");
        }
        assert!(detected.len() >= 4, "languages detected: {detected:?}");
    }

    #[test]
    fn a_text_without_sentiment_words_takes_its_evaluative_signal_polarity() {
        let c = analyze("Ordered three weeks ago and it still has not arrived");
        assert_eq!(c.sentiment.label, SentimentLabel::Negative);
        let hit = &c.sentiment.hits[0];
        assert_eq!(
            (hit.rule.as_ref(), hit.token.as_str()),
            ("signal_complaint", "has not arrived")
        );
        assert!(hit.valence < 0.0);

        let c = analyze("Ich empfehle es jedem, der viel reist");
        assert_eq!(c.sentiment.label, SentimentLabel::Positive);
        assert_eq!(c.sentiment.hits[0].rule, "signal_recommend");
    }

    #[test]
    fn sarcasm_turns_its_praise_word_negative_and_says_so() {
        let c = analyze("Great, the app crashed again during checkout");
        assert_eq!(c.sentiment.label, SentimentLabel::Negative);
        let hit = c
            .sentiment
            .hits
            .iter()
            .find(|h| h.token == "Great")
            .unwrap();
        assert_eq!(hit.rule, "lexicon+sarcasm");
        assert!(hit.valence < 0.0);
        let complaint = c
            .signals
            .iter()
            .find(|s| s.kind == crate::model::SignalKind::Complaint)
            .unwrap();
        assert_eq!(complaint.rule, signals::SARCASM);
        assert!(
            c.signals
                .iter()
                .all(|s| s.kind != crate::model::SignalKind::Praise)
        );
    }

    /// A retweet's or a credit's source ("RT @jo: …", "… via @jo") is quoted, not spoken to: the
    /// post's negativity or trouble is no complaint to an account. Said to the account, it is.
    #[test]
    fn a_retweet_source_is_not_addressed() {
        let complaint = |text: &str| {
            analyze(text)
                .signals
                .into_iter()
                .find(|s| s.kind == crate::model::SignalKind::Complaint)
                .map(|s| s.rule)
        };
        for (quoted, addressed, rule) in [
            (
                "RT @jo: so sad and angry about the news today",
                "@jo so sad and angry about the news today",
                "negative_to_account",
            ),
            (
                "so sad and angry about the news today via @jo",
                "@jo so sad and angry about the news today",
                "negative_to_account",
            ),
            (
                "RT @jo: everyone has problems, nobody listens",
                "@jo everyone has problems, nobody listens",
                "addressed_problem",
            ),
        ] {
            assert_eq!(complaint(quoted), None, "{quoted}");
            assert_eq!(complaint(addressed).as_deref(), Some(rule), "{addressed}");
        }
        // A retweet that speaks to an account itself still does.
        assert!(complaint("RT @jo: @acme everyone has problems, nobody listens").is_some());
    }

    /// Sarcasm that another complaint rule outranks ("still haven't" beats "thanks for nothing"
    /// for the complaint signal) still turns its praise word round.
    #[test]
    fn sarcasm_outranked_by_another_complaint_rule_still_inverts() {
        let c = analyze("@lumora thanks for nothing, still haven't fixed my issue");
        assert_eq!(c.sentiment.label, SentimentLabel::Negative, "{c:?}");
        let hit = c
            .sentiment
            .hits
            .iter()
            .find(|h| h.token == "thanks")
            .unwrap();
        assert_eq!(hit.rule, "lexicon+sarcasm");
    }

    /// The courtesy of a complaint ("please help", "thanks", "gracias", "ممنون") and its wishes
    /// ("I want a refund") weigh nothing and say so; with nothing else left the complaint gives
    /// the polarity. Thanks for something done, and courtesy without a complaint, keep their
    /// weight.
    #[test]
    fn courtesy_in_a_complaint_is_not_positive() {
        // Each text: its label, and whether courtesy or a wish was discounted in it.
        let check = |text: &str, label: SentimentLabel, discounted: bool| {
            let c = analyze(text);
            assert_eq!(c.sentiment.label, label, "{text}: {c:?}");
            let shown = c
                .sentiment
                .hits
                .iter()
                .any(|h| h.rule.ends_with("+courtesy") || h.rule.ends_with("+wish"));
            assert_eq!(shown, discounted, "{text}: {:?}", c.sentiment.hits);
        };
        for text in [
            "@acme I keep getting an error when I log in, can you please help",
            "@acme please just give me my money back.",
            "@acme hi, my order still hasn't arrived. Thanks",
            "@acme Yes I've done all of these steps and still not working!! #Help",
            "@acme hola, el pedido no llegó, ayuda por favor, gracias",
            "@acme obrigado, o pedido não chegou, ajuda por favor",
            "@acme سلام لطفا کمک کنید سفارش من نرسید ممنون",
            "@acme I want a refund, the blender broke after a week",
            "@acme Still the same after the update! Wish I knew why it's not working",
            "@acme wow. 2.5 hours since we ordered our pizza",
        ] {
            check(text, SentimentLabel::Negative, true);
        }
        // Gratitude for a fix, and a thank-you with no complaint.
        for text in [
            "@comcast thank you so much for fixing my internet outage so quickly",
            "Thanks @acme, love the new app",
        ] {
            check(text, SentimentLabel::Positive, false);
        }
    }

    /// Asking for a recommendation is not praise: the request's own positive words ("recommend",
    /// "good", "best", "worth") weigh nothing and say so; the rest of the text, and the words of
    /// the request that say what the writer has, keep their valence.
    #[test]
    fn a_request_for_a_recommendation_is_not_positive() {
        for ask in [
            "Can someone recommend a good lamp brand?",
            "What's the best lamp brand right now?",
            "Is the Fernway X2 worth it?",
        ] {
            let c = analyze(ask);
            assert_eq!(c.sentiment.label, SentimentLabel::Neutral, "{ask}");
            assert_eq!(c.sentiment.score, 0.0, "{ask}");
            assert!(
                !c.sentiment.hits.is_empty()
                    && c.sentiment
                        .hits
                        .iter()
                        .all(|h| h.valence == 0.0 && h.rule.ends_with("+request")),
                "{ask}: {:?}",
                c.sentiment.hits
            );
        }
        let c = analyze("Can anyone recommend a replacement for my awful charger?");
        assert_eq!(c.sentiment.label, SentimentLabel::Negative);
        let c = analyze("Love my Fernway lamp! Can anyone recommend a good shade for it?");
        assert_eq!(c.sentiment.label, SentimentLabel::Positive);
        let love = c.sentiment.hits.iter().find(|h| h.token == "Love").unwrap();
        assert_eq!(love.rule, "lexicon");
        // Outside a request the same words count.
        let c = analyze("I recommend a good lamp brand: Fernway.");
        assert_eq!(c.sentiment.label, SentimentLabel::Positive);
        // A request whose only sentiment word was its wish ("good") takes the polarity of the
        // complaint beside it, as a text with no sentiment word does.
        let c = analyze("Any good recommendations? my order never arrived");
        assert_eq!(
            c.sentiment.label,
            SentimentLabel::Negative,
            "{:?}",
            c.sentiment
        );
        // Shopping: a switch considered while asking about options says not which side it leaves.
        let c = analyze("Is Kestrel Mobile worth it? Thinking of switching my phone plan.");
        assert_eq!(
            c.sentiment.label,
            SentimentLabel::Neutral,
            "{:?}",
            c.sentiment
        );
        let c = analyze("Thinking about switching from Fernway to Acme");
        assert_eq!(
            c.sentiment.label,
            SentimentLabel::Negative,
            "{:?}",
            c.sentiment
        );
    }

    #[test]
    fn signals_that_do_not_evaluate_leave_the_text_neutral() {
        // Weak advice (a rule under 0.8 on its own), questions and purchase intent say nothing
        // about whether the thing is good.
        for text in [
            "Pro tip: ask them for the window seat",
            "Is the shop open on Sundays?",
            "Thinking of buying the duffel",
        ] {
            let c = analyze(text);
            assert!(!c.signals.is_empty(), "{text}: a signal fires");
            assert_eq!(c.sentiment.label, SentimentLabel::Neutral, "{text}");
            assert!(c.sentiment.hits.is_empty(), "{text}");
        }
    }

    /// One or two stars complain when no rule did; the rating is the evidence, and it gives a
    /// text with no sentiment words its polarity. Three stars and up add nothing.
    #[test]
    fn a_low_rating_is_a_complaint() {
        let c = Classifier::new(&[], &ClassifyConfig::default()).unwrap();
        let rated = |text: &str, stars: u8| {
            c.analyze_rated(text, None, Some(Rating::try_from(stars).unwrap()))
                .classification
        };
        let kinds = |cl: &Classification| cl.signals.iter().map(|s| s.kind).collect::<Vec<_>>();
        let text = "A 30 second video after every level. Is there a version without them?";
        let plain = analyze(text);
        assert!(!kinds(&plain).contains(&SignalKind::Complaint), "{plain:?}");
        for stars in [1, 2] {
            let cl = rated(text, stars);
            let complaint = cl
                .signals
                .iter()
                .find(|s| s.kind == SignalKind::Complaint)
                .expect("a complaint");
            assert_eq!(complaint.rule, "low_rating");
            assert_eq!(complaint.evidence, format!("{stars} of 5 stars"));
            // In kind order: the question after it.
            assert_eq!(
                kinds(&cl),
                [SignalKind::Complaint, SignalKind::Question],
                "{cl:?}"
            );
            assert_eq!(cl.sentiment.label, SentimentLabel::Negative, "{cl:?}");
            // Something to say what it is about.
            assert_eq!(cl.complaint_categories, [ComplaintCategory::Other]);
        }
        for stars in [3, 4, 5] {
            assert_eq!(kinds(&rated(text, stars)), kinds(&plain), "{stars} stars");
        }
        // A complaint a rule found stands alone, with its words for evidence.
        let cl = rated("Crashes every single time I open it", 1);
        let complaints: Vec<&str> = cl
            .signals
            .iter()
            .filter(|s| s.kind == SignalKind::Complaint)
            .map(|s| s.rule.as_str())
            .collect();
        assert_eq!(complaints, ["keeps_failing"]);
        // Ratings outside 1..=5 are refused, in JSON too.
        assert!(Rating::try_from(0).is_err() && Rating::try_from(6).is_err());
        let bad = serde_json::from_str::<Mention>(r#"{"id":"a:1","text":"ok","rating":9}"#);
        assert!(
            bad.unwrap_err()
                .to_string()
                .contains("rating must be 1 to 5")
        );
    }

    #[test]
    fn a_confident_signal_counts_with_the_words_but_praise_after_but_stands() {
        let signal_hits = |text: &str| {
            let c = analyze(text);
            assert!(
                c.signals
                    .iter()
                    .any(|s| s.kind == crate::model::SignalKind::Complaint),
                "{text}"
            );
            let rules: Vec<String> = c
                .sentiment
                .hits
                .iter()
                .filter(|h| h.rule.starts_with("signal_"))
                .map(|h| h.rule.to_string())
                .collect();
            (c.sentiment.label, rules)
        };
        // A confident complaint among words that read positive counts as one more word: the
        // broken kettle outweighs the praise of the support.
        assert_eq!(
            signal_hits("The support is great and my kettle stopped working after two days"),
            (
                SentimentLabel::Negative,
                vec!["signal_complaint+outweighs".to_string()]
            )
        );
        // Praise after "but" is the writer's last word: the words stand.
        assert_eq!(
            signal_hits("My kettle stopped working after two days, but the support is great"),
            (SentimentLabel::Positive, vec![])
        );
        // Every word against the complaint before a "but", the complaint after it: the signal
        // speaks for that clause.
        let c =
            analyze("Honestly the support is great, but my kettle stopped working after two days");
        assert_eq!(
            c.sentiment.label,
            SentimentLabel::Negative,
            "{:?}",
            c.sentiment
        );
        assert!(
            c.sentiment
                .hits
                .iter()
                .any(|h| h.rule == "signal_complaint+after_but")
        );
        // So in the other Latin-script languages, whose complaint rules the customer posts check:
        // a bank's name that is a word ("Sol", sun) does not outweigh an app that crashes at
        // every transfer, nor does a negated word a parcel left with the neighbours.
        for text in [
            "La app de Banco Sol se cierra cada vez que intento hacer una transferencia.",
            "Colis livré chez le voisin sans prévenir, et le livreur a signé à ma place.",
        ] {
            let c = analyze(text);
            assert_eq!(
                c.sentiment.label,
                SentimentLabel::Negative,
                "{text}: {:?}",
                c.sentiment
            );
            assert!(
                c.sentiment
                    .hits
                    .iter()
                    .any(|h| h.rule == "signal_complaint+outweighs"),
                "{text}: {:?}",
                c.sentiment
            );
        }
    }

    #[test]
    fn a_brands_own_name_is_not_sentiment_in_its_mentions() {
        let brand = |name: &str, query: &str| BrandConfig {
            name: name.into(),
            query: query.into(),
            exclude: vec![],
            lexicon: Default::default(),
        };
        let c = Classifier::new(
            &[
                brand("United", "united OR @united OR #unitedairlines"),
                brand("Best Buy", "\"best buy\" OR #bestbuy"),
            ],
            &ClassifyConfig::default(),
        )
        .unwrap();
        let tokens = |a: &Analysis| -> Vec<String> {
            a.classification
                .sentiment
                .hits
                .iter()
                .map(|h| h.token.to_string())
                .collect()
        };
        // Alone, the name scored +1.8 ("united"); now the post says nothing.
        let a = c.analyze("Flew United to Denver", None);
        assert_eq!(a.brands.len(), 1);
        assert!(tokens(&a).is_empty(), "{:?}", a.classification.sentiment);
        assert_eq!(a.classification.sentiment.label, SentimentLabel::Neutral);
        // Only the name is masked: the same word elsewhere in the post still counts.
        let a = c.analyze("Best Buy has the best prices", None);
        assert_eq!(tokens(&a), ["best"]);
        // Curly apostrophes before the name shift its offsets in the straightened text.
        let a = c.analyze("Couldn’t agree more: United’s crew was friendly", None);
        assert_eq!(tokens(&a), ["Couldn't agree more", "friendly"]);
        // A tag naming the brand is masked whole, not read as its words.
        let a = c.analyze("#UnitedAirlines lost my bag", None);
        assert!(!tokens(&a).iter().any(|t| t.eq_ignore_ascii_case("united")));
        // Without the brand configured, the lexicon word scores as before.
        let plain = Classifier::new(&[], &ClassifyConfig::default()).unwrap();
        let a = plain.analyze("Flew United to Denver", None);
        assert_eq!(tokens(&a), ["United"]);
        // The workers' path masks the same way.
        let m = Mention {
            id: "m".into(),
            text: "Flew United to Denver".into(),
            ..Default::default()
        };
        let em = c.enrich(&m, chrono::Utc::now());
        assert_eq!(em.len(), 1);
        assert!(em[0].classification.sentiment.hits.is_empty());
    }

    /// In a post that names several brands, each brand's record carries the signals about it.
    /// An app or site that misbehaves, in each language: the language detected, the rule that
    /// finds the complaint, and the category it names.
    #[test]
    fn apps_that_misbehave_are_complaints_in_every_language() {
        let c = Classifier::new(&[], &ClassifyConfig::default()).unwrap();
        for (text, lang, rule, category) in [
            (
                "Acme's app logged me out again",
                "en",
                "app_misbehaves",
                ComplaintCategory::Website,
            ),
            (
                "La app de Acme me cierra la sesión cada dos por tres",
                "es",
                "es_app_falla",
                ComplaintCategory::Website,
            ),
            (
                "El carrito de Acme se vacía solo",
                "es",
                "es_app_falla",
                ComplaintCategory::Checkout,
            ),
            (
                "O aplicativo da Acme me desloga toda hora",
                "pt",
                "pt_app_trava",
                ComplaintCategory::Website,
            ),
            (
                "Dá erro no pagamento da Acme",
                "pt",
                "pt_app_trava",
                ComplaintCategory::Checkout,
            ),
            (
                "L'application Acme me déconnecte tout le temps",
                "fr",
                "fr_appli_plante",
                ComplaintCategory::Website,
            ),
            (
                "L'appli Acme rame énormément",
                "fr",
                "fr_appli_plante",
                ComplaintCategory::Website,
            ),
            (
                "Mein Warenkorb bei Acme leert sich von selbst",
                "de",
                "de_app_haengt",
                ComplaintCategory::Checkout,
            ),
            (
                "Die Acme App loggt mich dauernd aus",
                "de",
                "de_app_haengt",
                ComplaintCategory::Website,
            ),
            (
                "Der Acme Shop ist heute total langsam",
                "de",
                "de_app_haengt",
                ComplaintCategory::Website,
            ),
            (
                "سایت Acme موقع پرداخت از کار افتاد",
                "fa",
                "fa_az_kar_oftad",
                ComplaintCategory::Website,
            ),
            (
                "تطبيق Acme ما يفتح بعد التحديث",
                "ar",
                "ar_yitla_khata",
                ComplaintCategory::Website,
            ),
            (
                "يطلع لي خطأ وقت الدفع في Acme",
                "ar",
                "ar_yitla_khata",
                ComplaintCategory::Checkout,
            ),
        ] {
            let cl = c.analyze(text, None).classification;
            let rules: Vec<&str> = cl.signals.iter().map(|s| s.rule.as_str()).collect();
            assert_eq!(&*cl.lang.code, lang, "{text}");
            assert!(rules.contains(&rule), "{text}: {rules:?}");
            assert!(
                cl.complaint_categories.contains(&category),
                "{text}: {:?}",
                cl.complaint_categories
            );
            assert_eq!(cl.sentiment.label, SentimentLabel::Negative, "{text}");
        }
        // A person's fall, a slow walk, a cart in a shop aisle: no app, no complaint.
        for (text, lang) in [
            (
                "Se me cae el pelo desde que uso el champú de Acme y estoy encantada",
                "es",
            ),
            (
                "Caminamos muy lentos por el parque con la bici de Acme, qué gusto",
                "es",
            ),
            ("O carrinho de bebê da Acme é ótimo", "pt"),
            ("J'ai rempli mon panier chez Acme, trop contente", "fr"),
        ] {
            let cl = c.analyze(text, None).classification;
            assert_eq!(&*cl.lang.code, lang, "{text}");
            assert!(
                !cl.signals.iter().any(|s| s.kind == SignalKind::Complaint),
                "{text}: {:?}",
                cl.signals
            );
        }
    }

    #[test]
    fn each_brands_record_carries_the_signals_about_it() {
        let brand = |name: &str| BrandConfig {
            name: name.into(),
            query: name.to_lowercase(),
            exclude: vec![],
            lexicon: Default::default(),
        };
        let c = Classifier::new(
            &[brand("Acme"), brand("Lumora"), brand("Zeta")],
            &ClassifyConfig::default(),
        )
        .unwrap();
        // The workers' records of a post, one a brand.
        let records = |text: &str| -> Vec<EnrichedMention> {
            let m = Mention {
                id: "m".into(),
                text: text.into(),
                ..Default::default()
            };
            c.enrich(&m, chrono::Utc::now())
        };
        let per_brand = |text: &str| -> Vec<(String, Vec<SignalKind>, Vec<String>)> {
            records(text)
                .into_iter()
                .map(|em| {
                    let kinds = em.classification.signals.iter().map(|s| s.kind).collect();
                    let cats = em
                        .classification
                        .complaint_categories
                        .iter()
                        .map(|c| c.as_str().to_string())
                        .collect();
                    (em.brand, kinds, cats)
                })
                .collect()
        };
        use SignalKind::*;
        let has = |r: &[(String, Vec<SignalKind>, Vec<String>)], b: &str, k: SignalKind| {
            r.iter().find(|x| x.0 == b).unwrap().1.contains(&k)
        };
        // The same with the names hidden or styled: each record still carries its own signal.
        for text in [
            "Don't buy Acme, I recommend Lumora instead",
            "Don't buy 𝐀𝐜𝐦𝐞, I recommend Lu\u{200B}mora instead",
        ] {
            let r = per_brand(text);
            assert!(
                has(&r, "Acme", Warn) && !has(&r, "Acme", Recommend),
                "{r:?}"
            );
            assert!(
                has(&r, "Lumora", Recommend) && !has(&r, "Lumora", Warn),
                "{r:?}"
            );
        }
        let r = per_brand("Switching from Acme to Lumora next month");
        assert!(has(&r, "Acme", ChurnIntent), "{r:?}");
        assert!(!has(&r, "Lumora", ChurnIntent), "{r:?}");
        // The switch is a purchase for where the customer goes, and for it alone.
        let r = per_brand("Leaving Acme. Switching to Lumora next month");
        assert!(has(&r, "Lumora", PurchaseIntent), "{r:?}");
        assert!(!has(&r, "Acme", PurchaseIntent), "{r:?}");
        let r = per_brand("Acme app: switching to Zeta tomorrow");
        assert!(!has(&r, "Acme", PurchaseIntent), "{r:?}");
        let r = per_brand("I'll be switching to Acme when my contract ends");
        assert!(has(&r, "Acme", PurchaseIntent), "{r:?}");
        // The complaint's categories go with it.
        let r = per_brand("Lumora support is great, Acme support never answers");
        assert!(has(&r, "Acme", Complaint), "{r:?}");
        assert!(!has(&r, "Lumora", Complaint), "{r:?}");
        let lumora = r.iter().find(|x| x.0 == "Lumora").unwrap();
        assert!(lumora.2.is_empty(), "{r:?}");
        let acme = r.iter().find(|x| x.0 == "Acme").unwrap();
        assert!(acme.2.contains(&"support".to_string()), "{r:?}");
        // Named in another sentence only: every brand, as before.
        let r = per_brand("Acme and Zeta. Never buying again!");
        assert!(
            has(&r, "Acme", ChurnIntent) && has(&r, "Zeta", ChurnIntent),
            "{r:?}"
        );
        // One brand, where the customer goes: not its churn; the other signals stay.
        let r = per_brand("I'm switching to Lumora, my old lamp broke");
        assert!(!has(&r, "Lumora", ChurnIntent), "{r:?}");
        // Only a switch has a destination: leaving "to" or "with" a brand is its churn.
        for t in ["Never going to Acme again", "I'm done with Acme"] {
            let r = per_brand(t);
            assert!(has(&r, "Acme", ChurnIntent), "{t}: {r:?}");
        }
        // Each brand's sentiment leaves out the clauses about the other.
        let sentiments = |text: &str| -> Vec<(String, SentimentLabel, f64)> {
            records(text)
                .into_iter()
                .map(|em| {
                    let s = em.classification.sentiment;
                    (em.brand, s.label, s.score)
                })
                .collect()
        };
        let r = sentiments("Lumora is great, Acme is useless!");
        assert_eq!(r[0].0, "Acme");
        assert_eq!(r[0].1, SentimentLabel::Negative, "{r:?}");
        assert_eq!(r[1].1, SentimentLabel::Positive, "{r:?}");
        let r = sentiments("I love Lumora. Acme broke after a week, awful.");
        assert_eq!(
            (r[0].1, r[1].1),
            (SentimentLabel::Negative, SentimentLabel::Positive)
        );
        // Words about both, or about neither, count for both.
        let whole = analyze("Acme and Lumora are both great");
        for (_, label, score) in sentiments("Acme and Lumora are both great") {
            assert_eq!(
                (label, score),
                (whole.sentiment.label, whole.sentiment.score)
            );
        }
        // One brand: the post's sentiment, whatever its clauses.
        let whole = analyze("Lumora is great, the courier was awful");
        let r = sentiments("Lumora is great, the courier was awful");
        assert_eq!(r[0].2, whole.sentiment.score);
        // The CLI's one classification a text keeps every signal.
        let a = c.analyze("Don't buy Acme, I recommend Lumora instead", None);
        let kinds: Vec<SignalKind> = a.classification.signals.iter().map(|s| s.kind).collect();
        assert!(
            kinds.contains(&Warn) && kinds.contains(&Recommend),
            "{kinds:?}"
        );
    }
}
