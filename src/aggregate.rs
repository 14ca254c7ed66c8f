//! Aggregate state: plain synchronous data (`record`, `snapshot`, `restore`), wrapped by the thin async
//! loop in `pipeline::aggregate`.
//!
//! State is kept per input partition, because a partition is the unit Kafka moves between consumers.
//! Enriched mentions are keyed by brand, so a brand's counts live in exactly one partition. Each
//! partition's state is snapshotted together with the offset it covers and the recent mention ids it
//! has seen; offsets are committed only after the snapshot is acknowledged. A restart (or a new owner
//! after a rebalance) restores the snapshot and resumes at that offset, and the id window drops what
//! the upstream at-least-once stages delivered twice: counts are effectively exactly-once.

use std::collections::BTreeMap;

use serde::{Deserialize, Serialize};

use crate::bounded::BoundedSet;
use crate::model::{ComplaintCategory, EnrichedMention, SentimentLabel, SignalKind};

/// FNV-1a 64: a stable hash (unlike `RandomState`) so snapshots written by one process are valid in
/// the next.
pub fn fingerprint(brand: &str, id: &str) -> u64 {
    let mut h: u64 = 0xcbf2_9ce4_8422_2325;
    for b in brand.bytes().chain(std::iter::once(0)).chain(id.bytes()) {
        h ^= b as u64;
        h = h.wrapping_mul(0x0000_0100_0000_01b3);
    }
    h
}

/// The window of recently seen fingerprints (oldest evicted first), with its capacity.
#[derive(Debug, Clone, Default)]
pub struct Dedup {
    seen: BoundedSet<u64>,
    capacity: usize,
}

impl Dedup {
    pub fn new(capacity: usize) -> Self {
        Dedup {
            seen: BoundedSet::default(),
            capacity,
        }
    }

    /// True when `fp` is new (and now remembered).
    pub fn insert(&mut self, fp: u64) -> bool {
        self.seen.insert(fp, self.capacity)
    }

    pub fn len(&self) -> usize {
        self.seen.len()
    }

    pub fn is_empty(&self) -> bool {
        self.seen.is_empty()
    }

    /// The newest `n` fingerprints, oldest first.
    pub fn newest(&self, n: usize) -> Vec<u64> {
        self.seen.newest(n)
    }
}

#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct BrandTotals {
    pub mentions: u64,
    pub positive: u64,
    pub neutral: u64,
    pub negative: u64,
    pub signals: BTreeMap<String, u64>,
    pub complaints: BTreeMap<String, u64>,
}

impl BrandTotals {
    pub fn net_sentiment(&self) -> f64 {
        if self.mentions == 0 {
            0.0
        } else {
            (self.positive as f64 - self.negative as f64) / self.mentions as f64
        }
    }

    pub fn net_recommendation(&self) -> f64 {
        if self.mentions == 0 {
            return 0.0;
        }
        let rec = self.signals.get("recommend").copied().unwrap_or(0) as f64;
        let warn = self.signals.get("warn").copied().unwrap_or(0) as f64;
        (rec - warn) / self.mentions as f64
    }
}

/// The counts one partition owns.
#[derive(Debug, Clone)]
pub struct PartitionState {
    /// The next offset to consume: everything before it is in the counts.
    pub next_offset: i64,
    pub mentions: BTreeMap<(String, String, SentimentLabel), u64>,
    pub signals: BTreeMap<(String, SignalKind), u64>,
    pub complaints: BTreeMap<(String, ComplaintCategory), u64>,
    pub dedup: Dedup,
    /// Records since the last snapshot.
    pub dirty: u64,
}

/// What `record` did with a mention.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Recorded {
    Counted,
    Duplicate,
}

#[derive(Debug, Serialize, Deserialize)]
struct Snapshot {
    v: u32,
    next_offset: i64,
    mentions: Vec<(String, String, SentimentLabel, u64)>,
    signals: Vec<(String, SignalKind, u64)>,
    complaints: Vec<(String, ComplaintCategory, u64)>,
    dedup: Vec<u64>,
}

#[derive(Debug, thiserror::Error)]
#[error("aggregate snapshot is unreadable: {0}")]
pub struct SnapshotError(#[from] serde_json::Error);

impl PartitionState {
    pub fn new(dedup_capacity: usize) -> Self {
        PartitionState {
            next_offset: 0,
            mentions: BTreeMap::new(),
            signals: BTreeMap::new(),
            complaints: BTreeMap::new(),
            dedup: Dedup::new(dedup_capacity),
            dirty: 0,
        }
    }

    /// Counts `em` (unless its brand+id was seen) and advances past `offset`. `source` is the bounded
    /// label value for the mention's source.
    pub fn record(&mut self, em: &EnrichedMention, source: &str, offset: i64) -> Recorded {
        self.next_offset = self.next_offset.max(offset + 1);
        self.dirty += 1;
        if !self.dedup.insert(fingerprint(&em.brand, &em.mention.id)) {
            return Recorded::Duplicate;
        }
        let c = &em.classification;
        *self
            .mentions
            .entry((em.brand.clone(), source.to_string(), c.sentiment.label))
            .or_default() += 1;
        for s in &c.signals {
            *self.signals.entry((em.brand.clone(), s.kind)).or_default() += 1;
        }
        if c.signals.iter().any(|s| s.kind == SignalKind::Complaint) {
            for cat in &c.complaint_categories {
                *self.complaints.entry((em.brand.clone(), *cat)).or_default() += 1;
            }
        }
        Recorded::Counted
    }

    /// Advances past an offset that carried nothing countable (an undecodable message sent to the DLQ).
    pub fn skip(&mut self, offset: i64) {
        self.next_offset = self.next_offset.max(offset + 1);
        self.dirty += 1;
    }

    pub fn snapshot(&self, dedup_keep: usize) -> Vec<u8> {
        let s = Snapshot {
            v: 1,
            next_offset: self.next_offset,
            mentions: self
                .mentions
                .iter()
                .map(|((b, s, l), n)| (b.clone(), s.clone(), *l, *n))
                .collect(),
            signals: self
                .signals
                .iter()
                .map(|((b, k), n)| (b.clone(), *k, *n))
                .collect(),
            complaints: self
                .complaints
                .iter()
                .map(|((b, c), n)| (b.clone(), *c, *n))
                .collect(),
            dedup: self.dedup.newest(dedup_keep),
        };
        serde_json::to_vec(&s).expect("snapshot serialises")
    }

    pub fn restore(bytes: &[u8], dedup_capacity: usize) -> Result<Self, SnapshotError> {
        let s: Snapshot = serde_json::from_slice(bytes)?;
        let mut st = PartitionState::new(dedup_capacity);
        st.next_offset = s.next_offset;
        st.mentions = s
            .mentions
            .into_iter()
            .map(|(b, src, l, n)| ((b, src, l), n))
            .collect();
        st.signals = s.signals.into_iter().map(|(b, k, n)| ((b, k), n)).collect();
        st.complaints = s
            .complaints
            .into_iter()
            .map(|(b, c, n)| ((b, c), n))
            .collect();
        for fp in s.dedup {
            st.dedup.insert(fp);
        }
        Ok(st)
    }
}

/// Per-brand totals over a set of partition states (for gauges and the API).
pub fn totals<'a>(
    states: impl Iterator<Item = &'a PartitionState>,
) -> BTreeMap<String, BrandTotals> {
    let mut out: BTreeMap<String, BrandTotals> = BTreeMap::new();
    for st in states {
        for ((brand, _src, label), n) in &st.mentions {
            let t = out.entry(brand.clone()).or_default();
            t.mentions += n;
            match label {
                SentimentLabel::Positive => t.positive += n,
                SentimentLabel::Neutral => t.neutral += n,
                SentimentLabel::Negative => t.negative += n,
            }
        }
        for ((brand, kind), n) in &st.signals {
            *out.entry(brand.clone())
                .or_default()
                .signals
                .entry(kind.as_str().to_string())
                .or_default() += n;
        }
        for ((brand, cat), n) in &st.complaints {
            *out.entry(brand.clone())
                .or_default()
                .complaints
                .entry(cat.as_str().to_string())
                .or_default() += n;
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::*;

    fn em(brand: &str, id: &str, label: SentimentLabel, signals: &[SignalKind]) -> EnrichedMention {
        EnrichedMention {
            mention: Mention {
                id: id.into(),
                source: SourceRef {
                    kind: "replay".into(),
                    name: "demo".into(),
                },
                url: None,
                text: "x".into(),
                lang: None,
                created_at: None,
                fetched_at: None,
                author: Default::default(),
                engagement: Default::default(),
                in_reply_to: None,
                thread_id: None,
                rating: None,
            },
            brand: brand.into(),
            matched: vec![],
            classification: Classification {
                lang: LangGuess {
                    code: "en".into(),
                    confidence: 1.0,
                    method: "feed".into(),
                },
                sentiment: Sentiment {
                    score: 0.0,
                    label,
                    hits: vec![],
                },
                signals: signals
                    .iter()
                    .map(|k| Signal {
                        kind: *k,
                        confidence: 0.9,
                        evidence: "e".into(),
                        rule: "r".into(),
                    })
                    .collect(),
                complaint_categories: if signals.contains(&SignalKind::Complaint) {
                    vec![ComplaintCategory::Delivery]
                } else {
                    vec![]
                },
                truncated: false,
            },
            influence: Influence {
                reach: 0.0,
                affinity: 0.0,
                relationship: 0.0,
                authenticity: 1.0,
                score: 0.0,
            },
        }
    }

    #[test]
    fn duplicates_are_counted_once_and_snapshot_round_trips() {
        let mut st = PartitionState::new(1000);
        assert_eq!(
            st.record(
                &em(
                    "A",
                    "s:1",
                    SentimentLabel::Positive,
                    &[SignalKind::Recommend]
                ),
                "demo",
                0
            ),
            Recorded::Counted
        );
        assert_eq!(
            st.record(
                &em(
                    "A",
                    "s:1",
                    SentimentLabel::Positive,
                    &[SignalKind::Recommend]
                ),
                "demo",
                1
            ),
            Recorded::Duplicate
        );
        // Same id, other brand: a separate mention of that brand.
        assert_eq!(
            st.record(
                &em(
                    "B",
                    "s:1",
                    SentimentLabel::Negative,
                    &[SignalKind::Complaint]
                ),
                "demo",
                2
            ),
            Recorded::Counted
        );
        assert_eq!(st.next_offset, 3);

        let restored = PartitionState::restore(&st.snapshot(1000), 1000).unwrap();
        let mut restored = restored;
        assert_eq!(restored.next_offset, 3);
        assert_eq!(
            restored.record(&em("A", "s:1", SentimentLabel::Positive, &[]), "demo", 3),
            Recorded::Duplicate
        );
        let t = totals([&restored].into_iter());
        assert_eq!(t["A"].mentions, 1);
        assert_eq!(t["A"].positive, 1);
        assert_eq!(t["A"].signals["recommend"], 1);
        assert_eq!(t["B"].complaints["delivery"], 1);
        assert_eq!(t["A"].net_recommendation(), 1.0);
    }

    #[test]
    fn dedup_is_bounded() {
        let mut d = Dedup::new(3);
        for i in 0..10 {
            assert!(d.insert(i));
        }
        assert_eq!(d.len(), 3);
        assert!(d.insert(0), "evicted ids are forgotten");
        assert!(!d.insert(9));
    }
}
