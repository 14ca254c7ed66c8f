//! Classify role: raw mentions in, one enriched mention per matched brand out.
//!
//! At-least-once: a raw message's offset is stored only after every enriched record it produced (or its
//! DLQ record) is acknowledged, in order per partition, with up to `max_in_flight` messages pipelined.
//! Stored offsets are auto-committed every second, and committed synchronously on revoke and shutdown.

use std::collections::HashSet;
use std::sync::Arc;

use futures::StreamExt;
use futures::stream::FuturesOrdered;
use rdkafka::ClientContext;
use rdkafka::Message;
use rdkafka::consumer::{
    BaseConsumer, CommitMode, Consumer, ConsumerContext, Rebalance, StreamConsumer,
};
use rdkafka::producer::FutureProducer;
use tokio_util::sync::CancellationToken;

use crate::classify::Classifier;
use crate::kafka::{self, DlqReason, Kafka};
use crate::model::Mention;
use crate::telemetry;

const STAGE: &str = "classify";

/// Commits what has been stored before partitions are taken away, so the next owner starts right
/// after the last acknowledged message.
pub struct CommitOnRevoke;

impl ClientContext for CommitOnRevoke {}

impl ConsumerContext for CommitOnRevoke {
    fn post_rebalance(&self, _c: &BaseConsumer<Self>, rebalance: &Rebalance<'_>) {
        kafka::log_assignment(STAGE, rebalance);
    }

    fn pre_rebalance(&self, consumer: &BaseConsumer<Self>, rebalance: &Rebalance<'_>) {
        if let Rebalance::Revoke(_) = rebalance
            && let Err(e) = consumer.commit_consumer_state(CommitMode::Sync)
        {
            tracing::debug!(error = %e, "commit on revoke");
        }
    }
}

/// Why a raw payload could not become a Mention.
pub fn decode_mention(payload: Option<&[u8]>) -> Result<Mention, (DlqReason, String)> {
    let bytes = payload.ok_or((DlqReason::Empty, "message has no value".to_string()))?;
    if bytes.is_empty() {
        return Err((DlqReason::Empty, "message value is empty".into()));
    }
    let text = std::str::from_utf8(bytes).map_err(|e| (DlqReason::InvalidUtf8, e.to_string()))?;
    serde_json::from_str::<Mention>(text)
        .map_err(|e| (DlqReason::from_json_error(&e), e.to_string()))
}

struct Done {
    topic: String,
    partition: i32,
    offset: i64,
    acked: bool,
}

async fn process(
    producer: FutureProducer,
    kafka: Arc<Kafka>,
    classifier: Arc<Classifier>,
    msg: (String, i32, i64, Option<Vec<u8>>, Option<Vec<u8>>),
    abort: CancellationToken,
) -> Done {
    let (topic, partition, offset, key, payload) = msg;
    let origin = format!("{topic}/{partition}/{offset}");
    let key = key
        .map(|k| String::from_utf8_lossy(&k).into_owned())
        .unwrap_or_default();
    let acked = match decode_mention(payload.as_deref()) {
        Err((reason, detail)) => {
            telemetry::stage(STAGE, "dlq");
            kafka::to_dlq(
                &producer,
                &kafka.topics,
                STAGE,
                reason,
                &detail,
                &origin,
                &key,
                payload.as_deref().unwrap_or_default(),
                &abort,
            )
            .await
            .is_ok()
        }
        Ok(mention) => {
            let enriched = classifier.enrich(&mention, chrono::Utc::now());
            if enriched.is_empty() {
                telemetry::stage(STAGE, "unmatched");
                true
            } else {
                let sends = enriched.iter().map(|em| {
                    let payload = serde_json::to_vec(em).expect("enriched mention serialises");
                    let producer = &producer;
                    let topic = &kafka.topics.enriched;
                    let abort = &abort;
                    async move {
                        kafka::send_acked(producer, topic, &em.brand, &payload, None, abort).await
                    }
                });
                let ok = futures::future::join_all(sends)
                    .await
                    .iter()
                    .all(Result::is_ok);
                if ok {
                    telemetry::stage(STAGE, "enriched");
                }
                ok
            }
        }
    };
    Done {
        topic,
        partition,
        offset,
        acked,
    }
}

/// Runs until `stop`; then finishes what is in flight (unless `abort`), stores and commits.
pub async fn run(
    kafka: Arc<Kafka>,
    classifier: tokio::sync::watch::Receiver<Arc<Classifier>>,
    max_in_flight: usize,
    stop: CancellationToken,
    abort: CancellationToken,
    ready: impl Fn(bool),
) -> Result<(), kafka::Error> {
    let consumer: StreamConsumer<CommitOnRevoke> = kafka
        .consumer_config("classify", true)
        .create_with_context(CommitOnRevoke)?;
    consumer.subscribe(&[&kafka.topics.raw])?;
    let producer = kafka.producer()?;
    ready(true);

    let mut in_flight = FuturesOrdered::new();
    // Partitions where a message was not acknowledged: nothing later may be stored for them.
    let mut poisoned: HashSet<(String, i32)> = HashSet::new();
    let store = |d: Done, poisoned: &mut HashSet<(String, i32)>| {
        if !d.acked {
            poisoned.insert((d.topic, d.partition));
            return;
        }
        if poisoned.contains(&(d.topic.clone(), d.partition)) {
            return;
        }
        if let Err(e) = consumer.store_offset(&d.topic, d.partition, d.offset) {
            tracing::warn!(error = %e, "store offset (partition revoked?)");
        }
    };
    let mut lag_tick = tokio::time::interval(std::time::Duration::from_secs(5));
    let group = kafka.group("classify");
    // The classifier whose regex-cache evictions were last exported, and how many (a reload
    // brings a classifier with caches of its own, counted from zero).
    let mut exported: (usize, u64) = (0, 0);
    let export_caches = |exported: &mut (usize, u64)| {
        let current = classifier.borrow().clone();
        let id = Arc::as_ptr(&current) as usize;
        let st = current.regex_cache_stats();
        let before = if exported.0 == id { exported.1 } else { 0 };
        telemetry::classifier_caches(st.bytes, st.evictions.saturating_sub(before));
        *exported = (id, st.evictions);
    };
    loop {
        tokio::select! {
            biased;
            Some(done) = in_flight.next(), if !in_flight.is_empty() => store(done, &mut poisoned),
            _ = stop.cancelled() => break,
            _ = lag_tick.tick() => {
                kafka::report_lag(&consumer, &group);
                export_caches(&mut exported);
            }
            msg = consumer.recv(), if in_flight.len() < max_in_flight => match msg {
                Ok(m) => {
                    let owned = (
                        m.topic().to_string(),
                        m.partition(),
                        m.offset(),
                        m.key().map(<[u8]>::to_vec),
                        m.payload().map(<[u8]>::to_vec),
                    );
                    // The current classifier: SIGHUP may have swapped in a rebuilt one.
                    let current = classifier.borrow().clone();
                    in_flight.push_back(process(producer.clone(), kafka.clone(), current, owned, abort.clone()));
                }
                Err(e) => {
                    tracing::warn!(error = %e, "classify consumer error");
                    telemetry::stage(STAGE, "consumer_error");
                    tokio::time::sleep(std::time::Duration::from_millis(200)).await;
                }
            },
        }
    }
    ready(false);
    while let Some(done) = in_flight.next().await {
        store(done, &mut poisoned);
    }
    kafka::flush(&producer, std::time::Duration::from_secs(5)).await;
    match tokio::task::block_in_place(|| consumer.commit_consumer_state(CommitMode::Sync)) {
        Ok(()) => {}
        // Nothing stored since the last auto-commit.
        Err(rdkafka::error::KafkaError::ConsumerCommit(
            rdkafka::types::RDKafkaErrorCode::NoOffset,
        )) => {}
        Err(e) => tracing::warn!(error = %e, "final commit failed"),
    }
    tracing::info!("classify stage stopped");
    Ok(())
}
