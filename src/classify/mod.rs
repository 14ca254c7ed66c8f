//! The classifier: brand matching, language, sentiment, signals, complaint categories and influence.
//! Built once from config; `classify` is pure and cheap, so the classify stage and the `classify` CLI
//! share it.

pub mod brands;
pub mod lang;
pub mod lexicon;
pub mod query;
pub mod sentiment;
pub mod signals;

use std::collections::{BTreeMap, HashMap};

use chrono::{DateTime, Utc};

use crate::config::{BrandConfig, ClassifyConfig};
use crate::model::{BrandMatch, Classification, EnrichedMention, LangGuess, Mention};
use brands::BrandMatcher;
use lang::LangDetector;
use sentiment::SentimentEngine;
use signals::SignalDetector;

pub struct Classifier {
    brands: BrandMatcher,
    lang: LangDetector,
    sentiment: SentimentEngine,
    signals: SignalDetector,
    overrides: HashMap<String, BTreeMap<String, f64>>,
    max_text_bytes: usize,
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

impl Classifier {
    pub fn new(brands: &[BrandConfig], cfg: &ClassifyConfig) -> Result<Self, String> {
        Self::with_engines(brands, cfg, SentimentEngine::new(), SignalDetector::new())
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

    /// Classifies a text. `declared_lang` is the feed's own language tag, if any.
    pub fn analyze(&self, text: &str, declared_lang: Option<&str>) -> Analysis {
        let cut = truncate_utf8(text, self.max_text_bytes);
        let truncated = cut.len() < text.len();
        let lower = lexicon::lowercase_cow(cut);
        let brands = self.brands.find(cut, &lower);
        // One classification per text here: with the lexicon overrides of the first matched brand
        // that has one naming a word of the text ("sick" for a skate brand), as `enrich` does per brand.
        let overrides = brands.iter().find_map(|b| {
            self.overrides
                .get(&b.brand)
                .filter(|o| o.keys().any(|k| lower.contains(k.as_str())))
        });
        let classification = self.classify_text(cut, declared_lang, overrides, truncated);
        Analysis {
            brands,
            classification,
        }
    }

    fn classify_text(
        &self,
        text: &str,
        declared_lang: Option<&str>,
        overrides: Option<&BTreeMap<String, f64>>,
        truncated: bool,
    ) -> Classification {
        let lang = self.lang.detect(text, declared_lang);
        self.classify_in(text, lang, overrides, truncated)
    }

    /// Sentiment, signals and categories for a text whose language is known.
    fn classify_in(
        &self,
        text: &str,
        lang: LangGuess,
        overrides: Option<&BTreeMap<String, f64>>,
        truncated: bool,
    ) -> Classification {
        let sentiment = self.sentiment.score(text, &lang.code, overrides);
        let signal_text = match &*lang.code {
            "fa" | "ar" => std::borrow::Cow::Owned(lexicon::normalize(&lang.code, text)),
            _ => std::borrow::Cow::Borrowed(text),
        };
        let signals = self.signals.detect(&signal_text, &lang.code, &sentiment);
        let mut sentiment = sentiment;
        if let Some(s) = signals.iter().find(|s| s.rule == signals::SARCASM) {
            sentiment::invert_sarcasm(&mut sentiment, &s.evidence);
        }
        if sentiment.hits.is_empty()
            && let Some(signal) = self.signals.evaluative(&signals)
        {
            sentiment::polarity_from_signal(&mut sentiment, signal);
        }
        let complaint_categories = self.signals.categories(&signal_text, &signals);
        Classification {
            lang,
            sentiment,
            signals,
            complaint_categories,
            truncated,
        }
    }

    /// One EnrichedMention per brand the mention matches (none when no brand matches, and then nothing
    /// else is computed). A brand whose lexicon overrides name a word of the text gets its own
    /// sentiment pass; the language is detected once.
    pub fn enrich(&self, m: &Mention, now: DateTime<Utc>) -> Vec<EnrichedMention> {
        let cut = truncate_utf8(&m.text, self.max_text_bytes);
        let truncated = cut.len() < m.text.len();
        let lower = lexicon::lowercase_cow(cut);
        let brands = self.brands.find(cut, &lower);
        if brands.is_empty() {
            return Vec::new();
        }
        let lang = self.lang.detect(cut, m.lang.as_deref());
        let base = self.classify_in(cut, lang.clone(), None, truncated);
        brands
            .into_iter()
            .map(|b| {
                let classification = match self.overrides.get(&b.brand) {
                    Some(o) if o.keys().any(|k| lower.contains(k.as_str())) => {
                        self.classify_in(cut, lang.clone(), Some(o), truncated)
                    }
                    _ => base.clone(),
                };
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

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::SentimentLabel;

    fn analyze(text: &str) -> Classification {
        Classifier::new(&[], &ClassifyConfig::default())
            .unwrap()
            .analyze(text, None)
            .classification
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

    #[test]
    fn sentiment_words_are_not_overruled_by_a_signal() {
        // The lexicon found words: the signal adds no hit, even when it disagrees.
        let c =
            analyze("Honestly the support is great, but my kettle stopped working after two days");
        assert!(
            c.signals
                .iter()
                .any(|s| s.kind == crate::model::SignalKind::Complaint)
        );
        assert!(
            c.sentiment
                .hits
                .iter()
                .all(|h| !h.rule.starts_with("signal_"))
        );
    }
}
