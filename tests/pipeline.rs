//! End-to-end tests of `earshot run`: the real binary, against the embedded mock cluster and against
//! the real tansu broker started by `deploy/test.sh`.

mod common;

use std::sync::Mutex;
use std::time::Duration;

use common::*;
use rdkafka::config::ClientConfig;
use rdkafka::consumer::{BaseConsumer, Consumer};
use rdkafka::message::Headers;
use rdkafka::producer::{FutureProducer, FutureRecord};
use rdkafka::{Message, Offset, TopicPartitionList};

/// The pipeline tests each run a whole earshot (and share one broker) on a 2-core machine: one at a
/// time keeps their timing honest.
static SERIAL: Mutex<()> = Mutex::new(());

fn e2e_fixture() -> std::path::PathBuf {
    manifest_dir().join("tests/fixtures/e2e-mentions.jsonl")
}

/// Runs the fixed e2e set through all three stages and checks every count exactly, the DLQ count for
/// the two malformed lines, and a clean exit on SIGTERM.
fn end_to_end(brokers: Option<&str>) {
    let input = e2e_fixture();
    let s = setup(brokers, &unique("e2e"), &input, 0.0);
    let expected = expected_from_fixture(&input, "e2e");
    let want = total(&expected);
    let mut e = Earshot::start(&s, 0);
    e.wait_ready(Duration::from_secs(30));
    let m = e.wait_for(Duration::from_secs(60), "all e2e mentions counted", |m| {
        total(&m.mentions()) >= want && m.sum_where("earshot_dlq_total", "stage", "ingest") >= 2.0
    });
    // A little longer: nothing more may arrive (no double counting).
    std::thread::sleep(Duration::from_secs(2));
    let m2 = e.metrics();
    assert_eq!(m2.mentions(), expected, "per brand/source/sentiment counts");
    assert_eq!(m.mentions(), m2.mentions());
    assert_eq!(
        m2.get(r#"earshot_dlq_total{stage="ingest",reason="invalid_json"}"#),
        1.0,
        "{:?}",
        m2.0
    );
    assert_eq!(
        m2.get(r#"earshot_dlq_total{stage="ingest",reason="invalid_mention"}"#),
        1.0
    );
    // The source's freshness gauge counts up from its last mention.
    assert!(
        m2.get(r#"earshot_source_freshness_seconds{source="e2e"}"#) > 0.0,
        "{:?}",
        m2.0.keys()
            .filter(|k| k.contains("freshness"))
            .collect::<Vec<_>>()
    );
    // Signals and complaints are counted too.
    assert!(m2.sum_where("earshot_signals_total", "signal", "recommend") >= 5.0);
    assert!(m2.sum_where("earshot_signals_total", "signal", "warn") >= 3.0);
    assert!(m2.sum("earshot_complaints_total") >= 3.0);
    assert!(m2.sum("earshot_pipeline_latency_seconds_count") >= want as f64);
    // Consumer lag is reported per group and topic, and drains to zero.
    e.wait_for(
        Duration::from_secs(20),
        "zero consumer lag on the raw topic",
        |m| {
            m.0.iter().any(|(k, v)| {
                k.starts_with("earshot_consumer_lag{") && k.contains("mentions.raw") && *v == 0.0
            })
        },
    );
    // The rules' regex caches are exported with the lag (every 5 s): some held, within budget.
    let m3 = e.wait_for(Duration::from_secs(20), "the regex cache gauge", |m| {
        m.get("earshot_classifier_regex_cache_bytes") > 0.0
    });
    assert!(m3.get("earshot_classifier_regex_cache_bytes") <= f64::from(24u32 << 20));
    assert!(
        m3.0.contains_key("earshot_classifier_regex_cache_evictions_total"),
        "{:?}",
        m3.0.keys()
            .filter(|k| k.contains("classifier"))
            .collect::<Vec<_>>()
    );
    let (code, brands) = http_get(e.port, "/api/brands").unwrap();
    assert_eq!(code, 200);
    assert!(brands.contains("\"brand\":\"Lumora\""), "{brands}");

    e.signal("TERM");
    let st = e.wait_exit(Duration::from_secs(30));
    assert!(st.success(), "exit status {st}:\n{}", e.log_text());
}

#[test]
fn end_to_end_embedded_cluster() {
    let _g = SERIAL.lock().unwrap_or_else(|p| p.into_inner());
    end_to_end(None);
}

#[test]
fn end_to_end_real_broker() {
    let brokers = real_brokers();
    let _g = SERIAL.lock().unwrap_or_else(|p| p.into_inner());
    end_to_end(Some(&brokers));
}

/// Stops the process half way (SIGTERM, or SIGKILL), starts it again, and checks that every mention is
/// counted exactly once.
fn restart(sig: &str) {
    let brokers = real_brokers();
    let _g = SERIAL.lock().unwrap_or_else(|p| p.into_inner());
    let input = manifest_dir().join("config/demo-mentions.jsonl");
    let s = setup(
        Some(&brokers),
        &unique(&format!("rs{}", sig.to_lowercase())),
        &input,
        80.0,
    );
    let expected = expected_from_classifier(&input, "e2e");
    let want = total(&expected);
    assert!(
        want > 250,
        "the demo file should give a few hundred brand mentions"
    );

    let mut first = Earshot::start(&s, 0);
    first.wait_ready(Duration::from_secs(30));
    let before = first.wait_for(Duration::from_secs(60), "some mentions counted", |m| {
        total(&m.mentions()) >= want / 4
    });
    assert!(
        total(&before.mentions()) < want,
        "stopped half way, not at the end"
    );
    first.signal(sig);
    let st = first.wait_exit(Duration::from_secs(30));
    if sig == "TERM" {
        assert!(st.success(), "graceful stop: {st}\n{}", first.log_text());
    }
    drop(first);
    if sig == "KILL" {
        // A killed process sends no LeaveGroup; the broker drops its members after
        // session.timeout.ms (10 s). Restarting before that, tansu 0.6 sometimes hands every
        // partition to the dead members and the new process idles until the rebalance timeout.
        // Real deployments restart later than this (or set kafka.instance_id).
        std::thread::sleep(Duration::from_secs(12));
    }

    let mut second = Earshot::start(&s, 1);
    second.wait_ready(Duration::from_secs(30));
    second.wait_for(
        Duration::from_secs(150),
        "every mention counted after restart",
        |m| total(&m.mentions()) >= want,
    );
    std::thread::sleep(Duration::from_secs(3));
    let m = second.metrics();
    assert_eq!(
        m.mentions(),
        expected,
        "exactly once after {sig}:\n{}",
        second.log_text()
    );
    second.signal("TERM");
    assert!(second.wait_exit(Duration::from_secs(30)).success());
}

#[test]
fn restart_after_sigterm_counts_each_mention_once() {
    restart("TERM");
}

#[test]
fn restart_after_sigkill_counts_each_mention_once() {
    restart("KILL");
}

/// A malformed message on the raw topic lands in the DLQ with its reason and original bytes; the
/// pipeline keeps going.
#[test]
fn malformed_raw_message_goes_to_dlq() {
    let brokers = real_brokers();
    let _g = SERIAL.lock().unwrap_or_else(|p| p.into_inner());
    let empty = tempfile::NamedTempFile::new().unwrap();
    let prefix = unique("dlq");
    let s = setup(Some(&brokers), &prefix, empty.path(), 0.0);
    let mut e = Earshot::start(&s, 0);
    e.wait_ready(Duration::from_secs(30));

    let raw = format!("{prefix}.mentions.raw");
    let bad = b"{\"id\": \"x\", \"text\": \xff\xfe not json".to_vec();
    let good = br#"{"id":"dlq:1","source":{"kind":"replay","name":"e2e"},"text":"I highly recommend Lumora!"}"#;
    produce(
        &brokers,
        &raw,
        &[("dlq:0", bad.clone()), ("dlq:1", good.to_vec())],
    );
    let m = e.wait_for(
        Duration::from_secs(60),
        "the good mention after the bad one",
        |m| total(&m.mentions()) >= 1,
    );
    assert_eq!(
        m.get(r#"earshot_dlq_total{stage="classify",reason="invalid_utf8"}"#),
        1.0,
        "{:?}",
        m.0
    );
    let key = (
        "Lumora".to_string(),
        "e2e".to_string(),
        "positive".to_string(),
    );
    assert_eq!(m.mentions().get(&key), Some(&1));

    // The DLQ record carries the original bytes and says why.
    let consumer: BaseConsumer = ClientConfig::new()
        .set("bootstrap.servers", &brokers)
        .set("group.id", format!("{prefix}-dlq-reader"))
        .set("enable.auto.commit", "false")
        .create()
        .unwrap();
    let dlq = format!("{prefix}.dlq");
    let md = consumer
        .fetch_metadata(Some(&dlq), Duration::from_secs(10))
        .unwrap();
    let mut tpl = TopicPartitionList::new();
    for p in md.topics()[0].partitions() {
        tpl.add_partition_offset(&dlq, p.id(), Offset::Beginning)
            .unwrap();
    }
    consumer.assign(&tpl).unwrap();
    let deadline = std::time::Instant::now() + Duration::from_secs(30);
    let mut found = None;
    while found.is_none() && std::time::Instant::now() < deadline {
        if let Some(Ok(msg)) = consumer.poll(Duration::from_millis(500)) {
            let headers = msg.headers().expect("DLQ record has headers");
            let get = |k: &str| {
                headers
                    .iter()
                    .find(|h| h.key == k)
                    .and_then(|h| h.value)
                    .map(|v| String::from_utf8_lossy(v).into_owned())
            };
            found = Some((
                msg.payload().unwrap().to_vec(),
                get("earshot.stage"),
                get("earshot.reason"),
                get("earshot.detail"),
            ));
        }
    }
    let (payload, stage, reason, detail) = found.expect("a DLQ record");
    assert_eq!(payload, bad);
    assert_eq!(stage.as_deref(), Some("classify"));
    assert_eq!(reason.as_deref(), Some("invalid_utf8"));
    assert!(detail.unwrap().contains("utf-8"));

    e.signal("TERM");
    assert!(e.wait_exit(Duration::from_secs(30)).success());
}

fn produce(brokers: &str, topic: &str, records: &[(&str, Vec<u8>)]) {
    let rt = tokio::runtime::Runtime::new().unwrap();
    let producer: FutureProducer = ClientConfig::new()
        .set("bootstrap.servers", brokers)
        .create()
        .unwrap();
    rt.block_on(async {
        for (key, payload) in records {
            producer
                .send(
                    FutureRecord::to(topic).key(*key).payload(payload),
                    Duration::from_secs(10),
                )
                .await
                .unwrap();
        }
    });
}

/// SIGHUP rebuilds the classifier from the config file: a brand's lexicon override takes effect
/// without a restart, and an invalid file is reported while the running classifier is kept.
#[test]
fn sighup_reloads_brand_lexicon_overrides() {
    let brokers = real_brokers();
    let _g = SERIAL.lock().unwrap_or_else(|p| p.into_inner());
    let empty = tempfile::NamedTempFile::new().unwrap();
    let prefix = unique("hup");
    let s = setup(Some(&brokers), &prefix, empty.path(), 0.0);
    let with_override = std::fs::read_to_string(&s.config).unwrap();
    assert!(with_override.contains("lexicon = { sick = 2.5 }"));
    std::fs::write(
        &s.config,
        with_override.replace("lexicon = { sick = 2.5 }", ""),
    )
    .unwrap();

    let mut e = Earshot::start(&s, 0);
    e.wait_ready(Duration::from_secs(30));
    let raw = format!("{prefix}.mentions.raw");
    let mention = |id: &str| {
        format!(
            r#"{{"id":"{id}","source":{{"kind":"replay","name":"e2e"}},"text":"That new #fernway board is sick"}}"#
        )
        .into_bytes()
    };
    let series = |label: &str| {
        format!(r#"earshot_mentions_total{{brand="Fernway",source="e2e",sentiment="{label}"}}"#)
    };

    produce(&brokers, &raw, &[("h:1", mention("h:1"))]);
    e.wait_for(Duration::from_secs(60), "'sick' counted negative", |m| {
        m.get(&series("negative")) == 1.0
    });

    std::fs::write(&s.config, &with_override).unwrap();
    e.signal("HUP");
    e.wait_for(Duration::from_secs(20), "reload ok", |m| {
        m.get(r#"earshot_config_reloads_total{outcome="ok"}"#) == 1.0
    });
    produce(&brokers, &raw, &[("h:2", mention("h:2"))]);
    e.wait_for(
        Duration::from_secs(60),
        "'sick' counted positive after reload",
        |m| m.get(&series("positive")) == 1.0,
    );

    std::fs::write(&s.config, "this is = not valid").unwrap();
    e.signal("HUP");
    e.wait_for(Duration::from_secs(20), "reload error reported", |m| {
        m.get(r#"earshot_config_reloads_total{outcome="error"}"#) == 1.0
    });
    produce(&brokers, &raw, &[("h:3", mention("h:3"))]);
    let m = e.wait_for(
        Duration::from_secs(60),
        "the running classifier kept",
        |m| m.get(&series("positive")) == 2.0,
    );
    assert_eq!(m.get(&series("negative")), 1.0);
    assert!(e.log_text().contains("keeping the running classifier"));
    e.signal("TERM");
    assert!(e.wait_exit(Duration::from_secs(30)).success());
}
