//! Kafka plumbing: client configuration, topic names and creation, the embedded mock cluster, the
//! dead-letter queue, and the compacted checkpoints topic.
//!
//! Everything that talks to a broker goes through here so that the embedded mode (librdkafka's mock
//! cluster) and a real broker share one code path.

use std::collections::HashMap;
use std::sync::mpsc;
use std::thread::JoinHandle;
use std::time::{Duration, Instant};

use rdkafka::admin::{AdminClient, AdminOptions, NewTopic, TopicReplication};
use rdkafka::client::DefaultClientContext;
use rdkafka::config::ClientConfig;
use rdkafka::consumer::{BaseConsumer, Consumer};
use rdkafka::error::{KafkaError, RDKafkaErrorCode};
use rdkafka::message::{Header, OwnedHeaders};
use rdkafka::producer::{FutureProducer, FutureRecord, Producer};
use rdkafka::{Message, Offset, TopicPartitionList};
use tokio_util::sync::CancellationToken;

use crate::config::KafkaConfig;
use crate::telemetry;

#[derive(Debug, thiserror::Error)]
pub enum Error {
    #[error("kafka.brokers: cannot reach {brokers} within {secs}s ({source})")]
    Unreachable {
        brokers: String,
        secs: u64,
        source: KafkaError,
    },
    #[error("cannot create topic {topic}: {reason}")]
    CreateTopic { topic: String, reason: String },
    #[error("embedded Kafka failed to start: {0}")]
    Embedded(String),
    #[error("kafka client: {0}")]
    Client(#[from] KafkaError),
    #[error("shutting down")]
    Cancelled,
}

/// The six topic names, from the configured prefix.
#[derive(Debug, Clone)]
pub struct Topics {
    pub raw: String,
    pub enriched: String,
    pub aggregates: String,
    pub alerts: String,
    pub dlq: String,
    pub checkpoints: String,
}

impl Topics {
    pub fn new(prefix: &str) -> Self {
        Topics {
            raw: format!("{prefix}mentions.raw"),
            enriched: format!("{prefix}mentions.enriched"),
            aggregates: format!("{prefix}aggregates"),
            alerts: format!("{prefix}alerts"),
            dlq: format!("{prefix}dlq"),
            checkpoints: format!("{prefix}checkpoints"),
        }
    }

    /// (name, compacted)
    pub fn all(&self) -> [(&str, bool); 6] {
        [
            (&self.raw, false),
            (&self.enriched, false),
            (&self.aggregates, true),
            (&self.alerts, false),
            (&self.dlq, false),
            (&self.checkpoints, true),
        ]
    }
}

/// librdkafka's in-process mock cluster, kept on a thread of its own (its handle is not `Send`).
/// Dropping this stops it. Nothing in it survives the process.
pub struct EmbeddedKafka {
    pub bootstrap: String,
    stop: Option<mpsc::Sender<()>>,
    thread: Option<JoinHandle<()>>,
}

impl EmbeddedKafka {
    pub fn start(topics: &Topics, partitions: i32) -> Result<Self, Error> {
        let (ready_tx, ready_rx) = mpsc::channel::<Result<String, String>>();
        let (stop_tx, stop_rx) = mpsc::channel::<()>();
        let names: Vec<String> = topics.all().iter().map(|(n, _)| n.to_string()).collect();
        let thread = std::thread::Builder::new()
            .name("embedded-kafka".into())
            .spawn(move || {
                let cluster = match rdkafka::mocking::MockCluster::new(1) {
                    Ok(c) => c,
                    Err(e) => {
                        let _ = ready_tx.send(Err(e.to_string()));
                        return;
                    }
                };
                // The mock cluster does not answer CreateTopics: create them through its own API.
                for name in &names {
                    if let Err(e) = cluster.create_topic(name, partitions, 1) {
                        let _ = ready_tx.send(Err(format!("create {name}: {e}")));
                        return;
                    }
                }
                let _ = ready_tx.send(Ok(cluster.bootstrap_servers()));
                let _ = stop_rx.recv();
                drop(cluster);
            })
            .map_err(|e| Error::Embedded(e.to_string()))?;
        let bootstrap = ready_rx
            .recv()
            .map_err(|_| Error::Embedded("mock cluster thread exited".into()))?
            .map_err(Error::Embedded)?;
        Ok(EmbeddedKafka {
            bootstrap,
            stop: Some(stop_tx),
            thread: Some(thread),
        })
    }
}

impl Drop for EmbeddedKafka {
    fn drop(&mut self) {
        self.stop.take();
        if let Some(t) = self.thread.take() {
            let _ = t.join();
        }
    }
}

/// Client settings shared by every producer and consumer.
#[derive(Clone)]
pub struct Kafka {
    pub base: ClientConfig,
    pub topics: Topics,
    pub bootstrap: String,
    pub group_prefix: String,
    pub instance_id: String,
}

impl Kafka {
    pub fn new(cfg: &KafkaConfig, bootstrap: &str) -> Self {
        let mut base = ClientConfig::new();
        base.set("bootstrap.servers", bootstrap)
            .set("client.id", "earshot")
            .set("socket.keepalive.enable", "true");
        for (k, v) in &cfg.client {
            base.set(k, v);
        }
        Kafka {
            base,
            topics: Topics::new(&cfg.topic_prefix),
            bootstrap: bootstrap.to_string(),
            group_prefix: cfg.group_prefix.clone(),
            instance_id: cfg.instance_id.clone(),
        }
    }

    /// Idempotent producer: retries never duplicate or reorder within a partition.
    pub fn producer(&self) -> Result<FutureProducer, Error> {
        let mut c = self.base.clone();
        c.set("enable.idempotence", "true")
            .set("acks", "all")
            .set("linger.ms", "5")
            .set("message.timeout.ms", "60000");
        Ok(c.create()?)
    }

    /// A group consumer whose offsets are stored by the application only after its output is
    /// acknowledged. `auto_commit` commits stored offsets periodically; without it the caller commits.
    pub fn consumer_config(&self, role: &str, auto_commit: bool) -> ClientConfig {
        let mut c = self.base.clone();
        if !self.instance_id.is_empty() {
            c.set("group.instance.id", format!("{}-{role}", self.instance_id));
        }
        c.set("group.id", self.group(role))
            .set(
                "enable.auto.commit",
                if auto_commit { "true" } else { "false" },
            )
            .set("auto.commit.interval.ms", "1000")
            .set("enable.auto.offset.store", "false")
            .set("auto.offset.reset", "earliest")
            .set("session.timeout.ms", "10000")
            .set("heartbeat.interval.ms", "1000");
        c
    }

    /// The consumer group of a role: `<group_prefix><role>`.
    pub fn group(&self, role: &str) -> String {
        format!("{}{role}", self.group_prefix)
    }

    /// Fails with [`Error::Unreachable`] when no broker answers a metadata request in time.
    pub async fn probe(&self, timeout: Duration) -> Result<(), Error> {
        let base = self.base.clone();
        let brokers = self.bootstrap.clone();
        tokio::task::spawn_blocking(move || {
            let c: BaseConsumer = base.create()?;
            c.fetch_metadata(None, timeout)
                .map(|_| ())
                .map_err(|e| Error::Unreachable {
                    brokers,
                    secs: timeout.as_secs(),
                    source: e,
                })
        })
        .await
        .map_err(|e| Error::Embedded(e.to_string()))?
    }

    /// Creates missing topics (checkpoints and aggregates compacted). Existing topics are left as
    /// they are.
    pub async fn ensure_topics(
        &self,
        partitions: i32,
        replication: i32,
        timeout: Duration,
    ) -> Result<(), Error> {
        let admin: AdminClient<DefaultClientContext> = self.base.create()?;
        let new: Vec<NewTopic<'_>> = self
            .topics
            .all()
            .iter()
            .map(|(name, compacted)| {
                let t = NewTopic::new(name, partitions, TopicReplication::Fixed(replication));
                if *compacted {
                    t.set("cleanup.policy", "compact")
                } else {
                    t
                }
            })
            .collect();
        let opts = AdminOptions::new()
            .operation_timeout(Some(timeout))
            .request_timeout(Some(timeout));
        let results = admin.create_topics(new.iter(), &opts).await?;
        for r in results {
            if let Err((topic, code)) = r
                && code != RDKafkaErrorCode::TopicAlreadyExists
            {
                return Err(Error::CreateTopic {
                    topic,
                    reason: code.to_string(),
                });
            }
        }
        Ok(())
    }

    /// Reads the compacted checkpoints topic to its end: the latest value per key with `prefix`.
    pub async fn read_checkpoints(
        &self,
        prefix: &str,
        timeout: Duration,
    ) -> Result<HashMap<String, Vec<u8>>, Error> {
        let mut cfg = self.base.clone();
        cfg.set("group.id", self.group("checkpoint-reader"))
            .set("enable.auto.commit", "false")
            .set("enable.partition.eof", "false");
        let topic = self.topics.checkpoints.clone();
        let prefix = prefix.to_string();
        tokio::task::spawn_blocking(move || -> Result<HashMap<String, Vec<u8>>, Error> {
            let c: BaseConsumer = cfg.create()?;
            let md = c.fetch_metadata(Some(&topic), timeout)?;
            let partitions: Vec<i32> = md
                .topics()
                .iter()
                .flat_map(|t| t.partitions().iter().map(|p| p.id()))
                .collect();
            let mut tpl = TopicPartitionList::new();
            let mut ends = HashMap::new();
            for p in &partitions {
                let (low, high) = c.fetch_watermarks(&topic, *p, timeout)?;
                if high > low {
                    tpl.add_partition_offset(&topic, *p, Offset::Offset(low))?;
                    ends.insert(*p, high);
                }
            }
            let mut out = HashMap::new();
            if ends.is_empty() {
                return Ok(out);
            }
            c.assign(&tpl)?;
            let deadline = Instant::now() + timeout * 3;
            while !ends.is_empty() {
                if Instant::now() > deadline {
                    return Err(Error::Client(KafkaError::MessageConsumption(
                        RDKafkaErrorCode::OperationTimedOut,
                    )));
                }
                let Some(msg) = c.poll(Duration::from_millis(200)) else {
                    continue;
                };
                let msg = msg?;
                if let (Some(k), Some(v)) = (msg.key(), msg.payload())
                    && let Ok(k) = std::str::from_utf8(k)
                    && k.starts_with(&prefix)
                {
                    out.insert(k.to_string(), v.to_vec());
                }
                if let Some(end) = ends.get(&msg.partition())
                    && msg.offset() + 1 >= *end
                {
                    ends.remove(&msg.partition());
                }
            }
            Ok(out)
        })
        .await
        .map_err(|e| Error::Embedded(e.to_string()))?
    }
}

/// Sends one record and waits for the broker's acknowledgement, retrying (with backoff) on failure until
/// it succeeds or `shutdown` fires. The idempotent producer already retries transient errors inside
/// `message.timeout.ms`; this outer loop covers longer outages without dropping anything.
pub async fn send_acked(
    producer: &FutureProducer,
    topic: &str,
    key: &str,
    payload: &[u8],
    headers: Option<OwnedHeaders>,
    shutdown: &CancellationToken,
) -> Result<(i32, i64), Error> {
    let mut backoff = Duration::from_millis(100);
    loop {
        let mut rec = FutureRecord::to(topic).key(key).payload(payload);
        if let Some(h) = headers.clone() {
            rec = rec.headers(h);
        }
        let fut = producer.send(rec, Duration::from_secs(5));
        let res = tokio::select! {
            r = fut => r,
            _ = shutdown.cancelled() => return Err(Error::Cancelled),
        };
        match res {
            Ok(d) => return Ok((d.partition, d.offset)),
            Err((e, _)) => {
                tracing::warn!(topic, error = %e, "produce failed; retrying in {:?}", backoff);
                telemetry::produce_retry(topic);
                tokio::select! {
                    _ = tokio::time::sleep(backoff) => {}
                    _ = shutdown.cancelled() => return Err(Error::Cancelled),
                }
                backoff = (backoff * 2).min(Duration::from_secs(10));
            }
        }
    }
}

/// Why a message went to the dead-letter queue. A fixed set: it is a metric label.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum DlqReason {
    InvalidUtf8,
    InvalidJson,
    InvalidMention,
    TooLarge,
    Empty,
}

impl DlqReason {
    /// A JSON error's reason: bad syntax, or well-formed JSON that is not the expected record.
    pub fn from_json_error(e: &serde_json::Error) -> Self {
        if e.is_data() {
            DlqReason::InvalidMention
        } else {
            DlqReason::InvalidJson
        }
    }

    pub fn as_str(self) -> &'static str {
        match self {
            DlqReason::InvalidUtf8 => "invalid_utf8",
            DlqReason::InvalidJson => "invalid_json",
            DlqReason::InvalidMention => "invalid_mention",
            DlqReason::TooLarge => "too_large",
            DlqReason::Empty => "empty",
        }
    }
}

/// Puts the original bytes on the DLQ with headers saying which stage rejected them, why (a fixed
/// reason and the parser's detail), and where they came from. Waits for the acknowledgement.
#[allow(clippy::too_many_arguments)]
pub async fn to_dlq(
    producer: &FutureProducer,
    topics: &Topics,
    stage: &'static str,
    reason: DlqReason,
    detail: &str,
    origin: &str,
    key: &str,
    payload: &[u8],
    shutdown: &CancellationToken,
) -> Result<(), Error> {
    let headers = OwnedHeaders::new()
        .insert(Header {
            key: "earshot.stage",
            value: Some(stage),
        })
        .insert(Header {
            key: "earshot.reason",
            value: Some(reason.as_str()),
        })
        .insert(Header {
            key: "earshot.detail",
            value: Some(detail),
        })
        .insert(Header {
            key: "earshot.origin",
            value: Some(origin),
        });
    send_acked(producer, &topics.dlq, key, payload, Some(headers), shutdown).await?;
    telemetry::dlq(stage, reason.as_str());
    tracing::warn!(
        stage,
        reason = reason.as_str(),
        origin,
        detail,
        "message sent to DLQ"
    );
    Ok(())
}

/// Sets `earshot_consumer_lag{group,topic}`: messages between the consumer's position and the high
/// watermark, summed over its assigned partitions. Blocks briefly on watermark requests, so it runs in
/// `block_in_place` on the multi-threaded runtime.
pub fn report_lag<C: rdkafka::consumer::ConsumerContext>(
    consumer: &rdkafka::consumer::StreamConsumer<C>,
    group: &str,
) {
    tokio::task::block_in_place(|| {
        let Ok(positions) = consumer.position() else {
            return;
        };
        let mut per_topic: HashMap<String, i64> = HashMap::new();
        for e in positions.elements() {
            let Ok((_low, high)) =
                consumer.fetch_watermarks(e.topic(), e.partition(), Duration::from_secs(2))
            else {
                continue;
            };
            let lag = match e.offset() {
                Offset::Offset(pos) => (high - pos).max(0),
                // Nothing consumed yet on this partition: everything up to the high watermark waits.
                _ => high.max(0),
            };
            *per_topic.entry(e.topic().to_string()).or_default() += lag;
        }
        for (topic, lag) in per_topic {
            telemetry::consumer_lag(group, &topic, lag as f64);
        }
    });
}

/// Logs the partitions a rebalance assigned to a stage's consumer.
pub fn log_assignment(stage: &str, rebalance: &rdkafka::consumer::Rebalance<'_>) {
    if let rdkafka::consumer::Rebalance::Assign(tpl) = rebalance {
        let partitions: Vec<i32> = tpl.elements().iter().map(|e| e.partition()).collect();
        tracing::info!(stage, ?partitions, "partitions assigned");
    }
}

/// Flushes a producer on a blocking thread (librdkafka's flush blocks).
pub async fn flush(producer: &FutureProducer, timeout: Duration) {
    let p = producer.clone();
    let _ = tokio::task::spawn_blocking(move || p.flush(timeout)).await;
}
