//! Where sources put what they fetch: mentions to the raw topic and cursors to the checkpoints topic,
//! each acknowledged before the call returns. The poll loop writes a cursor only after every mention it
//! covers is acknowledged, so a restart resumes with no gap; mentions produced after the last
//! checkpoint come again with the same ids, and the aggregate stage drops them.
//!
//! [`MemorySink`] keeps both in memory: the feed tests drive the real loop against it.

use std::collections::HashMap;
use std::future::Future;
use std::sync::{Arc, Mutex};
use std::time::Duration;

use futures::future::join_all;
use rdkafka::producer::FutureProducer;
use tokio_util::sync::CancellationToken;

use crate::kafka::{self, Kafka};
use crate::model::Mention;
use crate::telemetry;

#[derive(Debug, thiserror::Error)]
pub enum SinkError {
    #[error(transparent)]
    Kafka(#[from] kafka::Error),
    #[error("sink: {0}")]
    Other(String),
}

pub trait Sink: Send + Sync + 'static {
    /// Produces every mention (keyed by id) and returns once all are acknowledged.
    fn produce(&self, mentions: &[Mention]) -> impl Future<Output = Result<(), SinkError>> + Send;

    /// Puts an item a source could not read on the DLQ (original bytes, reason), acknowledged.
    fn dead_letter(
        &self,
        source: &str,
        detail: &str,
        raw: &[u8],
    ) -> impl Future<Output = Result<(), SinkError>> + Send;

    /// Stores a source's cursor under `key`, acknowledged.
    fn save_cursor(
        &self,
        key: &str,
        cursor: &[u8],
    ) -> impl Future<Output = Result<(), SinkError>> + Send;

    /// The last stored cursor under `key`.
    fn load_cursor(
        &self,
        key: &str,
    ) -> impl Future<Output = Result<Option<Vec<u8>>, SinkError>> + Send;
}

/// The checkpoint key of a source's cursor.
pub fn checkpoint_key(source_name: &str) -> String {
    format!("source/{source_name}")
}

/// Kafka: mentions to `<prefix>mentions.raw`, cursors to the compacted `<prefix>checkpoints`.
#[derive(Clone)]
pub struct KafkaSink {
    kafka: Arc<Kafka>,
    producer: FutureProducer,
    abort: CancellationToken,
}

impl KafkaSink {
    /// `abort` gives up on unacknowledged sends (the shutdown limit passed).
    pub fn new(kafka: Arc<Kafka>, abort: CancellationToken) -> Result<Self, SinkError> {
        Ok(KafkaSink {
            producer: kafka.producer()?,
            kafka,
            abort,
        })
    }

    pub async fn flush(&self) {
        kafka::flush(&self.producer, Duration::from_secs(5)).await;
    }
}

impl Sink for KafkaSink {
    async fn produce(&self, mentions: &[Mention]) -> Result<(), SinkError> {
        let sends = mentions.iter().map(|m| {
            let payload = serde_json::to_vec(m).expect("mention serialises");
            let (producer, topic, abort) = (&self.producer, &self.kafka.topics.raw, &self.abort);
            async move {
                kafka::send_acked(producer, topic, &m.id, &payload, None, abort)
                    .await
                    .map(|_| ())
            }
        });
        for r in join_all(sends).await {
            r?;
        }
        if let Some(m) = mentions.first() {
            telemetry::source_produced(&m.source.name);
        }
        Ok(())
    }

    async fn dead_letter(&self, source: &str, detail: &str, raw: &[u8]) -> Result<(), SinkError> {
        kafka::to_dlq(
            &self.producer,
            &self.kafka.topics,
            "ingest",
            kafka::DlqReason::InvalidMention,
            detail,
            source,
            "",
            raw,
            &self.abort,
        )
        .await?;
        Ok(())
    }

    async fn save_cursor(&self, key: &str, cursor: &[u8]) -> Result<(), SinkError> {
        kafka::send_acked(
            &self.producer,
            &self.kafka.topics.checkpoints,
            key,
            cursor,
            None,
            &self.abort,
        )
        .await?;
        Ok(())
    }

    async fn load_cursor(&self, key: &str) -> Result<Option<Vec<u8>>, SinkError> {
        let mut found = self
            .kafka
            .read_checkpoints(key, Duration::from_secs(10))
            .await?;
        Ok(found.remove(key))
    }
}

/// A stored cursor: (key, value).
pub type Checkpoint = (String, Vec<u8>);

/// A dead letter: (source, detail, original bytes).
pub type DeadLetter = (String, String, Vec<u8>);

/// An in-memory sink: what was produced, in order, and the cursors saved.
#[derive(Clone, Default)]
pub struct MemorySink {
    pub produced: Arc<Mutex<Vec<Mention>>>,
    pub cursors: Arc<Mutex<HashMap<String, Vec<u8>>>>,
    /// Every cursor saved, in order (key, value), to assert cursors after each poll.
    pub history: Arc<Mutex<Vec<Checkpoint>>>,
    pub dead: Arc<Mutex<Vec<DeadLetter>>>,
}

impl MemorySink {
    pub fn ids(&self) -> Vec<String> {
        let g = self.produced.lock().expect("sink");
        g.iter().map(|m| m.id.clone()).collect()
    }

    pub fn cursor_json(&self, key: &str) -> Option<serde_json::Value> {
        let g = self.cursors.lock().expect("sink");
        g.get(key).and_then(|b| serde_json::from_slice(b).ok())
    }
}

impl Sink for MemorySink {
    async fn produce(&self, mentions: &[Mention]) -> Result<(), SinkError> {
        self.produced
            .lock()
            .expect("sink")
            .extend(mentions.iter().cloned());
        Ok(())
    }

    async fn dead_letter(&self, source: &str, detail: &str, raw: &[u8]) -> Result<(), SinkError> {
        self.dead.lock().expect("sink").push((
            source.to_string(),
            detail.to_string(),
            raw.to_vec(),
        ));
        Ok(())
    }

    async fn save_cursor(&self, key: &str, cursor: &[u8]) -> Result<(), SinkError> {
        self.cursors
            .lock()
            .expect("sink")
            .insert(key.to_string(), cursor.to_vec());
        self.history
            .lock()
            .expect("sink")
            .push((key.to_string(), cursor.to_vec()));
        Ok(())
    }

    async fn load_cursor(&self, key: &str) -> Result<Option<Vec<u8>>, SinkError> {
        Ok(self.cursors.lock().expect("sink").get(key).cloned())
    }
}
