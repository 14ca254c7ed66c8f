//! Aggregate role: enriched mentions in; de-duplicated counts out as metrics, as `/api` data, and as
//! per-brand records on the aggregates topic.
//!
//! The thin async loop around [`crate::aggregate::PartitionState`]: restore a partition's snapshot the
//! first time a message of it arrives, record, snapshot every `snapshot_interval_secs` (and on stop), and
//! commit each partition's offset only after its snapshot is acknowledged.

use std::collections::{BTreeMap, HashMap, HashSet};
use std::sync::{Arc, Mutex, RwLock};
use std::time::Duration;

use rdkafka::consumer::{
    BaseConsumer, CommitMode, Consumer, ConsumerContext, Rebalance, StreamConsumer,
};
use rdkafka::producer::FutureProducer;
use rdkafka::{ClientContext, Message, Offset, TopicPartitionList};
use tokio_util::sync::CancellationToken;

use crate::aggregate::{BrandTotals, PartitionState, Recorded, totals};
use crate::kafka::{self, DlqReason, Kafka};
use crate::model::EnrichedMention;
use crate::telemetry;

const STAGE: &str = "aggregate";
/// Fingerprints kept in a snapshot: bounds the snapshot record (~20 bytes each) well under 1 MB.
const SNAPSHOT_DEDUP_IDS: usize = 25_000;

/// Shared with the HTTP API.
pub type BrandView = Arc<RwLock<BTreeMap<String, BrandTotals>>>;

/// Records revoked partitions so the loop drops their state (the next owner restores the snapshot).
pub struct TrackRevokes(Arc<Mutex<Vec<i32>>>);

impl ClientContext for TrackRevokes {}

impl ConsumerContext for TrackRevokes {
    fn post_rebalance(&self, _c: &BaseConsumer<Self>, rebalance: &Rebalance<'_>) {
        kafka::log_assignment(STAGE, rebalance);
    }

    fn pre_rebalance(&self, _c: &BaseConsumer<Self>, rebalance: &Rebalance<'_>) {
        if let Rebalance::Revoke(tpl) = rebalance {
            let mut r = self.0.lock().expect("revoke list");
            r.extend(tpl.elements().iter().map(|e| e.partition()));
        }
    }
}

pub struct Settings {
    pub dedup_capacity: usize,
    pub snapshot_interval: Duration,
    /// Configured source names: anything else is counted as `other` (labels stay a fixed set).
    pub sources: HashSet<String>,
    /// Configured brand names, so every brand has series from the start.
    pub brands: Vec<String>,
}

fn checkpoint_key(group: &str, topic: &str, partition: i32) -> String {
    format!("aggregate/{group}/{topic}/{partition}")
}

struct Stage {
    kafka: Arc<Kafka>,
    producer: FutureProducer,
    settings: Settings,
    states: HashMap<i32, PartitionState>,
    view: BrandView,
}

impl Stage {
    async fn state_for(&mut self, partition: i32) -> Result<&mut PartitionState, kafka::Error> {
        if !self.states.contains_key(&partition) {
            self.restore(&[partition]).await?;
        }
        Ok(self.states.get_mut(&partition).expect("just restored"))
    }

    /// Restores the given partitions' snapshots with one read of the checkpoints topic (a partition
    /// without a snapshot starts from zero).
    async fn restore(&mut self, partitions: &[i32]) -> Result<(), kafka::Error> {
        let group = self.kafka.group("aggregate");
        let topic = &self.kafka.topics.enriched;
        let prefix = format!("aggregate/{group}/{topic}/");
        let found = self
            .kafka
            .read_checkpoints(&prefix, Duration::from_secs(10))
            .await?;
        for &partition in partitions {
            let key = checkpoint_key(&group, topic, partition);
            let st = match found.get(&key) {
                Some(bytes) => match PartitionState::restore(bytes, self.settings.dedup_capacity) {
                    Ok(st) => {
                        tracing::info!(
                            partition,
                            next_offset = st.next_offset,
                            "restored aggregate snapshot"
                        );
                        st
                    }
                    Err(e) => {
                        tracing::error!(partition, error = %e, "ignoring unreadable snapshot; counting afresh");
                        PartitionState::new(self.settings.dedup_capacity)
                    }
                },
                None => PartitionState::new(self.settings.dedup_capacity),
            };
            self.states.insert(partition, st);
        }
        self.export_all();
        Ok(())
    }

    /// Forgets partitions taken away by a rebalance: their next owner restores them from the snapshot.
    fn drop_revoked(&mut self, revoked: &Mutex<Vec<i32>>) {
        let gone: Vec<i32> = std::mem::take(&mut *revoked.lock().expect("revoke list"));
        for p in gone {
            self.states.remove(&p);
        }
    }

    /// Restores the snapshot of every newly assigned partition, so restored counts show at once after
    /// a restart or rebalance rather than with the partition's next message.
    async fn restore_assigned(
        &mut self,
        consumer: &StreamConsumer<TrackRevokes>,
    ) -> Result<(), kafka::Error> {
        let Ok(assignment) = consumer.assignment() else {
            return Ok(());
        };
        let topic = self.kafka.topics.enriched.clone();
        let new: Vec<i32> = assignment
            .elements()
            .iter()
            .filter(|e| e.topic() == topic && !self.states.contains_key(&e.partition()))
            .map(|e| e.partition())
            .collect();
        if new.is_empty() {
            return Ok(());
        }
        self.restore(&new).await
    }

    fn source_label<'a>(&self, name: &'a str) -> &'a str {
        if self.settings.sources.contains(name) {
            name
        } else {
            "other"
        }
    }

    /// Exports every counter of every owned partition (after a restore).
    fn export_all(&self) {
        for st in self.states.values() {
            for ((b, s, l), n) in &st.mentions {
                telemetry::set_mentions(b, s, l.as_str(), *n);
            }
            for ((b, k), n) in &st.signals {
                telemetry::set_signals(b, k.as_str(), *n);
            }
            for ((b, c), n) in &st.complaints {
                telemetry::set_complaints(b, c.as_str(), *n);
            }
        }
    }

    async fn handle(
        &mut self,
        partition: i32,
        offset: i64,
        payload: Option<Vec<u8>>,
        abort: &CancellationToken,
    ) -> Result<(), kafka::Error> {
        let st = self.state_for(partition).await?;
        if offset < st.next_offset {
            return Ok(()); // already in the restored snapshot
        }
        let decoded = payload
            .as_deref()
            .ok_or_else(|| (DlqReason::Empty, "message has no value".to_string()))
            .and_then(|p| {
                serde_json::from_slice::<EnrichedMention>(p)
                    .map_err(|e| (DlqReason::from_json_error(&e), e.to_string()))
            });
        let em = match decoded {
            Ok(em) => em,
            Err((reason, detail)) => {
                let origin = format!("{}/{partition}/{offset}", self.kafka.topics.enriched);
                kafka::to_dlq(
                    &self.producer,
                    &self.kafka.topics,
                    STAGE,
                    reason,
                    &detail,
                    &origin,
                    "",
                    payload.as_deref().unwrap_or_default(),
                    abort,
                )
                .await?;
                telemetry::stage(STAGE, "dlq");
                self.states
                    .get_mut(&partition)
                    .expect("loaded")
                    .skip(offset);
                return Ok(());
            }
        };
        let source = self.source_label(&em.mention.source.name).to_string();
        let st = self.states.get_mut(&partition).expect("loaded");
        match st.record(&em, &source, offset) {
            Recorded::Duplicate => {
                telemetry::duplicate();
                telemetry::stage(STAGE, "duplicate");
            }
            Recorded::Counted => {
                telemetry::stage(STAGE, "counted");
                let label = em.classification.sentiment.label;
                let n = st.mentions[&(em.brand.clone(), source.clone(), label)];
                telemetry::set_mentions(&em.brand, &source, label.as_str(), n);
                for s in &em.classification.signals {
                    telemetry::set_signals(
                        &em.brand,
                        s.kind.as_str(),
                        st.signals[&(em.brand.clone(), s.kind)],
                    );
                }
                for c in &em.classification.complaint_categories {
                    if let Some(n) = st.complaints.get(&(em.brand.clone(), *c)) {
                        telemetry::set_complaints(&em.brand, c.as_str(), *n);
                    }
                }
                if let Some(f) = em.mention.fetched_at {
                    let secs = (chrono::Utc::now() - f).num_milliseconds() as f64 / 1000.0;
                    telemetry::latency(secs.max(0.0));
                }
            }
        }
        Ok(())
    }

    /// Recomputes the per-brand view and gauges.
    fn publish_view(&self) {
        let mut t = totals(self.states.values());
        for b in &self.settings.brands {
            t.entry(b.clone()).or_default();
        }
        let all: u64 = t.values().map(|b| b.mentions).sum();
        for (brand, bt) in &t {
            let share = if all == 0 {
                0.0
            } else {
                bt.mentions as f64 / all as f64
            };
            telemetry::set_brand_gauges(
                brand,
                "total",
                bt.net_sentiment(),
                bt.net_recommendation(),
                share,
            );
        }
        *self.view.write().expect("brand view") = t;
    }

    /// Snapshots every changed partition, then commits its offset. Also publishes per-brand totals to
    /// the aggregates topic.
    async fn snapshot(
        &mut self,
        consumer: &StreamConsumer<TrackRevokes>,
        abort: &CancellationToken,
    ) -> Result<(), kafka::Error> {
        let topic = self.kafka.topics.enriched.clone();
        let mut tpl = TopicPartitionList::new();
        let mut changed = false;
        for (p, st) in self.states.iter_mut() {
            if st.dirty == 0 {
                continue;
            }
            let bytes = st.snapshot(SNAPSHOT_DEDUP_IDS);
            kafka::send_acked(
                &self.producer,
                &self.kafka.topics.checkpoints,
                &checkpoint_key(&self.kafka.group("aggregate"), &topic, *p),
                &bytes,
                None,
                abort,
            )
            .await?;
            st.dirty = 0;
            changed = true;
            tpl.add_partition_offset(&topic, *p, Offset::Offset(st.next_offset))?;
        }
        // The snapshot holds the offset; a failed commit only means some re-reads, which the offset
        // check in `handle` skips.
        if tpl.count() > 0
            && let Err(e) = tokio::task::block_in_place(|| consumer.commit(&tpl, CommitMode::Sync))
        {
            tracing::warn!(error = %e, "aggregate commit failed");
        }
        if changed {
            let t = totals(self.states.values());
            for (brand, bt) in t {
                let mut v = serde_json::to_value(&bt).expect("totals serialise");
                v["brand"] = brand.clone().into();
                v["window"] = "total".into();
                v["net_sentiment"] = bt.net_sentiment().into();
                v["net_recommendation"] = bt.net_recommendation().into();
                v["at"] = chrono::Utc::now().to_rfc3339().into();
                let bytes = serde_json::to_vec(&v).expect("json");
                kafka::send_acked(
                    &self.producer,
                    &self.kafka.topics.aggregates,
                    &brand,
                    &bytes,
                    None,
                    abort,
                )
                .await?;
            }
        }
        Ok(())
    }
}

pub async fn run(
    kafka: Arc<Kafka>,
    settings: Settings,
    view: BrandView,
    stop: CancellationToken,
    abort: CancellationToken,
    ready: impl Fn(bool),
) -> Result<(), kafka::Error> {
    let revoked = Arc::new(Mutex::new(Vec::new()));
    let consumer: StreamConsumer<TrackRevokes> = kafka
        .consumer_config("aggregate", false)
        .create_with_context(TrackRevokes(revoked.clone()))?;
    consumer.subscribe(&[&kafka.topics.enriched])?;
    let producer = kafka.producer()?;
    let mut stage = Stage {
        kafka: kafka.clone(),
        producer,
        states: HashMap::new(),
        view,
        settings,
    };
    // Gauges for every configured brand from the start, before its first mention.
    stage.publish_view();
    ready(true);
    let mut snap = tokio::time::interval(stage.settings.snapshot_interval);
    snap.set_missed_tick_behavior(tokio::time::MissedTickBehavior::Delay);
    let mut view_tick = tokio::time::interval(Duration::from_secs(1));
    let mut lag_tick = tokio::time::interval(Duration::from_secs(5));
    let group = kafka.group("aggregate");
    loop {
        tokio::select! {
            biased;
            _ = stop.cancelled() => break,
            _ = snap.tick() => stage.snapshot(&consumer, &abort).await?,
            _ = view_tick.tick() => {
                stage.drop_revoked(&revoked);
                stage.restore_assigned(&consumer).await?;
                stage.publish_view();
            }
            _ = lag_tick.tick() => kafka::report_lag(&consumer, &group),
            msg = consumer.recv() => {
                stage.drop_revoked(&revoked);
                match msg {
                    Ok(m) => {
                        let payload = m.payload().map(<[u8]>::to_vec);
                        let (p, o) = (m.partition(), m.offset());
                        drop(m);
                        stage.handle(p, o, payload, &abort).await?;
                    }
                    Err(e) => {
                        tracing::warn!(error = %e, "aggregate consumer error");
                        telemetry::stage(STAGE, "consumer_error");
                        tokio::time::sleep(Duration::from_millis(200)).await;
                    }
                }
            }
        }
    }
    ready(false);
    stage.snapshot(&consumer, &abort).await?;
    stage.publish_view();
    kafka::flush(&stage.producer, Duration::from_secs(5)).await;
    tracing::info!("aggregate stage stopped");
    Ok(())
}
