//! Records on the wire. Field names are part of the contract between stages (see README, "Records"),
//! so they are spelled out here once and never renamed casually.
//!
//! Unknown numbers are `None` (absent in JSON), never zero: a feed that does not report followers must
//! not look like an account with no followers.

use chrono::{DateTime, Utc};
use serde::{Deserialize, Serialize};

/// Where a mention came from: the source kind (`replay`, `rss`, …) and the configured source name.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, Default)]
pub struct SourceRef {
    pub kind: String,
    pub name: String,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, Default)]
pub struct Author {
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub id: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub handle: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub name: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub followers: Option<u64>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub following: Option<u64>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub posts: Option<u64>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub created_at: Option<DateTime<Utc>>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub verified: Option<bool>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub bot: Option<bool>,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, Default)]
pub struct Engagement {
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub likes: Option<u64>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub reposts: Option<u64>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub replies: Option<u64>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub views: Option<u64>,
}

/// One post, comment, review or article that may mention a brand, as an ingestor produced it.
/// `Default` is the empty mention (every optional field absent), for callers that only have a text.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, Default)]
pub struct Mention {
    /// Stable across re-fetches: `<source name>:<native id>`. The aggregate stage de-duplicates on it.
    pub id: String,
    #[serde(default)]
    pub source: SourceRef,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub url: Option<String>,
    pub text: String,
    /// Language as the feed declared it (BCP-47-ish code), if it did.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub lang: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub created_at: Option<DateTime<Utc>>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub fetched_at: Option<DateTime<Utc>>,
    #[serde(default)]
    pub author: Author,
    #[serde(default)]
    pub engagement: Engagement,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub in_reply_to: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub thread_id: Option<String>,
    /// The author's own star rating, where the source asks for one (app-store reviews): the
    /// classifier reads 1 or 2 stars as a complaint when no rule found one.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub rating: Option<Rating>,
}

/// A star rating, 1 (worst) to 5. Anything else is refused where it is read (a record with
/// `"rating": 7` is an invalid mention, not a guess).
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(try_from = "u8", into = "u8")]
pub struct Rating(u8);

impl Rating {
    pub fn stars(self) -> u8 {
        self.0
    }
}

impl TryFrom<u8> for Rating {
    type Error = String;

    fn try_from(stars: u8) -> Result<Self, String> {
        if (1..=5).contains(&stars) {
            Ok(Rating(stars))
        } else {
            Err(format!("rating must be 1 to 5 stars, not {stars}"))
        }
    }
}

impl From<Rating> for u8 {
    fn from(r: Rating) -> u8 {
        r.0
    }
}

impl Mention {
    /// A mention with only the required fields set: id `<source name>:<native id>`, no author or
    /// engagement numbers (absent, not zero), fetched now.
    pub fn new(source: &SourceRef, native_id: &str, text: String) -> Mention {
        Mention {
            id: format!("{}:{native_id}", source.name),
            source: source.clone(),
            url: None,
            text,
            lang: None,
            created_at: None,
            fetched_at: Some(Utc::now()),
            author: Author::default(),
            engagement: Engagement::default(),
            in_reply_to: None,
            thread_id: None,
            rating: None,
        }
    }
}

impl Mention {
    /// The id without its `<source name>:` prefix: the feed's own id.
    pub fn native_id(&self) -> &str {
        self.id
            .strip_prefix(self.source.name.as_str())
            .and_then(|r| r.strip_prefix(':'))
            .unwrap_or(&self.id)
    }
}

/// A query term that matched, with its byte span in the mention text.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct MatchedTerm {
    pub term: String,
    pub start: usize,
    pub end: usize,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct BrandMatch {
    pub brand: String,
    pub matched: Vec<MatchedTerm>,
}

/// Detected language: ISO 639-1 code (or `und`) and the detector's confidence in [0, 1].
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct LangGuess {
    /// Static for the codes the detector produces (no copy per mention); owned when read back.
    pub code: std::borrow::Cow<'static, str>,
    pub confidence: f64,
    /// How the code was decided: `feed`, `script`, `detector`, `function_words`, `lexicon`,
    /// `hashtags` or `default`.
    pub method: std::borrow::Cow<'static, str>,
}

/// One word or rule that moved the sentiment score, with its signed contribution (valence units, before
/// normalisation to [-1, 1]).
#[derive(Debug, Clone, Serialize, Deserialize)]
pub struct Hit {
    /// The word or phrase as written: inline up to 24 bytes (nearly every word), so a hit costs
    /// no allocation of its own.
    pub token: compact_str::CompactString,
    /// Rule names joined by `+`; a single rule is a static name (no copy per hit).
    pub rule: std::borrow::Cow<'static, str>,
    pub valence: f64,
    /// Where the word stands in the scored text (byte offset), for the classifier's own use: a post
    /// naming several brands gives each the sentiment of its own clauses. Not part of the record,
    /// nor of a hit's equality; `None` for rule hits (punctuation, a signal's polarity).
    #[serde(skip)]
    pub at: Option<u32>,
}

impl PartialEq for Hit {
    fn eq(&self, other: &Self) -> bool {
        self.token == other.token && self.rule == other.rule && self.valence == other.valence
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize, PartialOrd, Ord)]
#[serde(rename_all = "snake_case")]
pub enum SentimentLabel {
    Positive,
    Neutral,
    Negative,
}

impl SentimentLabel {
    pub const ALL: [SentimentLabel; 3] = [Self::Positive, Self::Neutral, Self::Negative];

    pub fn as_str(self) -> &'static str {
        match self {
            Self::Positive => "positive",
            Self::Neutral => "neutral",
            Self::Negative => "negative",
        }
    }
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Sentiment {
    pub score: f64,
    pub label: SentimentLabel,
    pub hits: Vec<Hit>,
}

/// Peer-recommendation signal kinds. A fixed set: they are metric label values.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize, PartialOrd, Ord)]
#[serde(rename_all = "snake_case")]
pub enum SignalKind {
    Recommend,
    Warn,
    AskRecommendation,
    PurchaseIntent,
    ChurnIntent,
    Praise,
    Complaint,
    Question,
}

impl SignalKind {
    pub const ALL: [SignalKind; 8] = [
        Self::Recommend,
        Self::Warn,
        Self::AskRecommendation,
        Self::PurchaseIntent,
        Self::ChurnIntent,
        Self::Praise,
        Self::Complaint,
        Self::Question,
    ];

    pub fn as_str(self) -> &'static str {
        match self {
            Self::Recommend => "recommend",
            Self::Warn => "warn",
            Self::AskRecommendation => "ask_recommendation",
            Self::PurchaseIntent => "purchase_intent",
            Self::ChurnIntent => "churn_intent",
            Self::Praise => "praise",
            Self::Complaint => "complaint",
            Self::Question => "question",
        }
    }
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Signal {
    pub kind: SignalKind,
    pub confidence: f64,
    /// The span of text (or emoji) that fired the rule.
    pub evidence: String,
    /// Name of the rule, so a user can see why.
    pub rule: String,
}

/// Complaint categories: what the complaint is about. Fixed set; metric label values.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize, PartialOrd, Ord)]
#[serde(rename_all = "snake_case")]
pub enum ComplaintCategory {
    Website,
    Checkout,
    Delivery,
    ReturnsRefunds,
    Support,
    Price,
    Quality,
    Other,
}

impl ComplaintCategory {
    pub fn as_str(self) -> &'static str {
        match self {
            Self::Website => "website",
            Self::Checkout => "checkout",
            Self::Delivery => "delivery",
            Self::ReturnsRefunds => "returns_refunds",
            Self::Support => "support",
            Self::Price => "price",
            Self::Quality => "quality",
            Self::Other => "other",
        }
    }
}

/// How much the author's voice counts (see `influence` module for the formula).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Influence {
    pub reach: f64,
    pub affinity: f64,
    pub relationship: f64,
    pub authenticity: f64,
    pub score: f64,
}

/// Everything the classifier says about one text, independent of which brand it is about.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Classification {
    pub lang: LangGuess,
    pub sentiment: Sentiment,
    pub signals: Vec<Signal>,
    pub complaint_categories: Vec<ComplaintCategory>,
    /// True when the text was cut at `classify.max_text_bytes` before classification.
    #[serde(default, skip_serializing_if = "std::ops::Not::not")]
    pub truncated: bool,
}

/// A mention as seen for one brand: one is produced per brand the mention matched.
///
/// On the wire the classification's fields sit beside `brand` and `matched` (as `#[serde(flatten)]`
/// would put them), but both directions go through plain structs: serde's flatten buffers every
/// field through a generic map, and this record is written by every worker and read by every
/// aggregator.
#[derive(Debug, Clone, PartialEq, Deserialize)]
#[serde(from = "EnrichedWire")]
pub struct EnrichedMention {
    pub mention: Mention,
    pub brand: String,
    pub matched: Vec<MatchedTerm>,
    pub classification: Classification,
    pub influence: Influence,
}

impl Serialize for EnrichedMention {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        use serde::ser::SerializeStruct;
        let c = &self.classification;
        let mut m = s.serialize_struct("EnrichedMention", 8 + usize::from(c.truncated))?;
        m.serialize_field("mention", &self.mention)?;
        m.serialize_field("brand", &self.brand)?;
        m.serialize_field("matched", &self.matched)?;
        m.serialize_field("lang", &c.lang)?;
        m.serialize_field("sentiment", &c.sentiment)?;
        m.serialize_field("signals", &c.signals)?;
        m.serialize_field("complaint_categories", &c.complaint_categories)?;
        if c.truncated {
            m.serialize_field("truncated", &true)?;
        } else {
            m.skip_field("truncated")?;
        }
        m.serialize_field("influence", &self.influence)?;
        m.end()
    }
}

/// [`EnrichedMention`] as it is written: every field at the top level.
#[derive(Deserialize)]
struct EnrichedWire {
    mention: Mention,
    brand: String,
    matched: Vec<MatchedTerm>,
    lang: LangGuess,
    sentiment: Sentiment,
    signals: Vec<Signal>,
    complaint_categories: Vec<ComplaintCategory>,
    #[serde(default)]
    truncated: bool,
    influence: Influence,
}

impl From<EnrichedWire> for EnrichedMention {
    fn from(w: EnrichedWire) -> Self {
        EnrichedMention {
            mention: w.mention,
            brand: w.brand,
            matched: w.matched,
            classification: Classification {
                lang: w.lang,
                sentiment: w.sentiment,
                signals: w.signals,
                complaint_categories: w.complaint_categories,
                truncated: w.truncated,
            },
            influence: w.influence,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The record as `#[serde(flatten)]` writes and reads it: the hand-written forms must agree.
    #[derive(Debug, PartialEq, Serialize, Deserialize)]
    struct Flattened {
        mention: Mention,
        brand: String,
        matched: Vec<MatchedTerm>,
        #[serde(flatten)]
        classification: Classification,
        influence: Influence,
    }

    fn sample(truncated: bool) -> EnrichedMention {
        let mention: Mention = serde_json::from_str(
            r#"{"id":"demo:1","text":"Acme is great","url":"https://example.com/1",
                "author":{"handle":"@ana","followers":10},"engagement":{"likes":2}}"#,
        )
        .unwrap();
        EnrichedMention {
            mention,
            brand: "Acme".into(),
            matched: vec![MatchedTerm {
                term: "acme".into(),
                start: 0,
                end: 4,
            }],
            classification: Classification {
                lang: LangGuess {
                    code: "en".into(),
                    confidence: 0.9,
                    method: "function_words".into(),
                },
                sentiment: Sentiment {
                    score: 0.6249,
                    label: SentimentLabel::Positive,
                    hits: vec![Hit {
                        token: "great".into(),
                        rule: "lexicon".into(),
                        valence: 3.1,
                        at: None,
                    }],
                },
                signals: vec![Signal {
                    kind: SignalKind::Praise,
                    confidence: 0.7,
                    evidence: "great".into(),
                    rule: "praise".into(),
                }],
                complaint_categories: vec![],
                truncated,
            },
            influence: Influence {
                reach: 0.1,
                affinity: 0.5,
                relationship: 0.5,
                authenticity: 1.0,
                score: 7.0,
            },
        }
    }

    #[test]
    fn enriched_mention_wire_form_is_the_flattened_one() {
        for truncated in [false, true] {
            let em = sample(truncated);
            let flat = Flattened {
                mention: em.mention.clone(),
                brand: em.brand.clone(),
                matched: em.matched.clone(),
                classification: em.classification.clone(),
                influence: em.influence.clone(),
            };
            let ours = serde_json::to_string(&em).unwrap();
            assert_eq!(ours, serde_json::to_string(&flat).unwrap());
            assert_eq!(ours.contains("\"truncated\""), truncated);
            let back: EnrichedMention = serde_json::from_str(&ours).unwrap();
            assert_eq!(back, em);
            let flat_back: Flattened = serde_json::from_str(&ours).unwrap();
            assert_eq!(flat_back, flat);
        }
        // Fields written by a newer version are ignored, as with flatten.
        let mut v: serde_json::Value = serde_json::to_value(sample(false)).unwrap();
        v["added_later"] = serde_json::json!(1);
        let back: EnrichedMention = serde_json::from_value(v).unwrap();
        assert_eq!(back, sample(false));
    }
}
