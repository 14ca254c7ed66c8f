//! The ingest role end to end, through the real binary and the real broker (tansu, started by
//! `deploy/test.sh`): a Mastodon catch-up chain is interrupted by SIGKILL and by SIGTERM, and the raw
//! topic must hold every status of the feed (no gap); after SIGTERM not even a duplicate record, after
//! SIGKILL only re-deliveries of the same ids (the aggregate stage drops those). A webhook push lands
//! on the raw topic too, and the per-source metrics are exported.

mod common;

use std::collections::BTreeMap;
use std::process::{Command, Stdio};
use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant};

use common::feedserver::{FeedServer, Reply, Seen};
use common::*;
use rdkafka::config::ClientConfig;
use rdkafka::consumer::{BaseConsumer, Consumer};
use rdkafka::{Message, Offset, TopicPartitionList};

/// Statuses by ascending id; `min_id` paging as Mastodon does.
fn answer(all: &[u64], s: &Seen) -> Reply {
    let limit: usize = s.param("limit").and_then(|l| l.parse().ok()).unwrap_or(20);
    let mut page: Vec<u64> = match s.param("min_id") {
        Some(m) => {
            let m: u64 = m.parse().unwrap();
            all.iter().copied().filter(|i| *i > m).take(limit).collect()
        }
        None => all[all.len().saturating_sub(limit)..].to_vec(),
    };
    page.reverse();
    let body: Vec<serde_json::Value> = page
        .iter()
        .map(|i| {
            serde_json::json!({"id": i.to_string(), "uri": format!("https://social.example/s/{i}"),
            "content": format!("<p>My Lumora lamp, day {i}</p>"), "created_at": "2026-11-20T10:00:00Z",
            "account": {"acct": "ana", "display_name": "Ana", "followers_count": 5}})
        })
        .collect();
    Reply::json(serde_json::to_vec(&body).unwrap())
}

/// Every (key, value) on a topic, read from the beginning to the high watermark.
fn read_topic(brokers: &str, topic: &str) -> Vec<(String, serde_json::Value)> {
    let c: BaseConsumer = ClientConfig::new()
        .set("bootstrap.servers", brokers)
        .set("group.id", unique("reader"))
        .set("enable.auto.commit", "false")
        .create()
        .unwrap();
    let md = c
        .fetch_metadata(Some(topic), Duration::from_secs(10))
        .unwrap();
    let mut tpl = TopicPartitionList::new();
    let mut ends = BTreeMap::new();
    for p in md.topics()[0].partitions() {
        let (lo, hi) = c
            .fetch_watermarks(topic, p.id(), Duration::from_secs(10))
            .unwrap();
        if hi > lo {
            tpl.add_partition_offset(topic, p.id(), Offset::Offset(lo))
                .unwrap();
            ends.insert(p.id(), hi);
        }
    }
    let mut out = Vec::new();
    if ends.is_empty() {
        return out;
    }
    c.assign(&tpl).unwrap();
    let deadline = Instant::now() + Duration::from_secs(30);
    while !ends.is_empty() && Instant::now() < deadline {
        let Some(m) = c.poll(Duration::from_millis(200)) else {
            continue;
        };
        let m = m.unwrap();
        // Records produced after the watermarks were read are not part of this snapshot.
        let Some(&end) = ends.get(&m.partition()) else {
            continue;
        };
        if m.offset() >= end {
            continue;
        }
        out.push((
            String::from_utf8_lossy(m.key().unwrap_or_default()).into_owned(),
            serde_json::from_slice(m.payload().unwrap_or_default()).unwrap_or_default(),
        ));
        if m.offset() + 1 >= end {
            ends.remove(&m.partition());
        }
    }
    assert!(ends.is_empty(), "did not read {topic} to its end");
    out
}

fn start(cfg: &std::path::Path, port: u16, dir: &std::path::Path, n: u32) -> Earshot {
    let log = dir.join(format!("ingest-{n}.log"));
    let child = Command::new(BIN)
        .args(["run", "--roles", "ingest", "--config"])
        .arg(cfg)
        .env("EARSHOT_LOG", "info,rdkafka=warn")
        .env("E2E_HOOK_TOKEN", "hook-token")
        .stdout(Stdio::null())
        .stderr(std::fs::File::create(&log).unwrap())
        .spawn()
        .unwrap();
    let mut e = Earshot { child, port, log };
    e.wait_ready(Duration::from_secs(60));
    e
}

fn interrupted_chain(sig: &str) {
    let brokers = real_brokers();
    let rt = tokio::runtime::Runtime::new().unwrap();
    let feed: Arc<Mutex<Vec<u64>>> = Arc::new(Mutex::new((1..=10).collect()));
    let f2 = feed.clone();
    let srv = rt.block_on(FeedServer::start(move |s| answer(&f2.lock().unwrap(), s)));
    let prefix = unique("ing");
    let dir = tempfile::tempdir().unwrap();
    let port = free_port();
    let brands =
        std::fs::read_to_string(manifest_dir().join("tests/fixtures/brands.toml")).unwrap();
    let cfg = dir.path().join("earshot.toml");
    std::fs::write(
        &cfg,
        format!(
            r#"
[kafka]
brokers = "{brokers}"
topic_prefix = "{prefix}."
group_prefix = "{prefix}-"
partitions = 3

[http]
bind = "127.0.0.1:{port}"

{brands}

[[sources]]
kind = "mastodon"
name = "masto"
instance = "{base}"
timeline = "tag"
hashtag = "lumora"
[sources.poll]
interval_secs = 0.3
jitter_ratio = 0.0
page_delay_secs = 0.4
max_pages_per_poll = 100
backoff_initial_secs = 0.1

[[sources]]
kind = "webhook"
name = "hook"
token_env = "E2E_HOOK_TOKEN"
"#,
            base = srv.base
        ),
    )
    .unwrap();
    let raw = format!("{prefix}.mentions.raw");

    let mut e = start(&cfg, port, dir.path(), 1);
    let deadline = Instant::now() + Duration::from_secs(30);
    while read_topic(&brokers, &raw).len() < 10 {
        assert!(
            Instant::now() < deadline,
            "first page never arrived:\n{}",
            e.log_text()
        );
        std::thread::sleep(Duration::from_millis(200));
    }
    // A burst of 400 statuses: ten pages of 40 forward, 0.4 s apart. Interrupt after three.
    feed.lock().unwrap().extend(11..=410);
    let before = srv.count();
    while srv.count() < before + 3 {
        std::thread::sleep(Duration::from_millis(20));
    }
    e.signal(sig);
    let status = e.wait_exit(Duration::from_secs(30));
    if sig == "TERM" {
        assert!(status.success(), "{}", e.log_text());
    }
    let mid = read_topic(&brokers, &raw).len();
    assert!(mid < 410, "the chain was interrupted: {mid}");

    let mut e = start(&cfg, port, dir.path(), 2);
    // A webhook push on the same process.
    let status = rt.block_on(async {
        reqwest::Client::new()
            .post(format!("http://127.0.0.1:{port}/ingest/hook"))
            .header("content-type", "application/json")
            .header("authorization", "Bearer hook-token")
            .body(r#"{"id":"w1","text":"Fernway boots are great"}"#)
            .send()
            .await
            .unwrap()
            .status()
            .as_u16()
    });
    assert_eq!(status, 202);
    let deadline = Instant::now() + Duration::from_secs(60);
    loop {
        let recs = read_topic(&brokers, &raw);
        let ids: std::collections::BTreeSet<&String> = recs.iter().map(|(k, _)| k).collect();
        if ids.len() >= 411 {
            break;
        }
        assert!(
            Instant::now() < deadline,
            "only {} distinct ids:\n{}",
            ids.len(),
            e.log_text()
        );
        std::thread::sleep(Duration::from_millis(300));
    }
    let m = e.metrics();
    let series = |name: &str, source: &str, outcome: Option<&str>| -> Option<f64> {
        m.0.iter()
            .filter(|(k, _)| k.starts_with(&format!("{name}{{")))
            .filter(|(k, _)| k.contains(&format!("source=\"{source}\"")))
            .filter(|(k, _)| outcome.is_none_or(|o| k.contains(&format!("outcome=\"{o}\""))))
            .map(|(_, v)| *v)
            .reduce(|a, b| a + b)
    };
    assert!(series("earshot_source_polls_total", "masto", Some("ok")).unwrap_or(0.0) > 0.0);
    assert!(series("earshot_source_items_total", "masto", Some("produced")).unwrap_or(0.0) > 0.0);
    assert!(series("earshot_source_items_total", "masto", Some("fetched")).unwrap_or(0.0) > 0.0);
    assert_eq!(
        series("earshot_source_polls_total", "hook", Some("ok")),
        Some(1.0)
    );
    assert!(series("earshot_source_freshness_seconds", "masto", None).is_some());
    e.signal("TERM");
    assert!(e.wait_exit(Duration::from_secs(30)).success());

    let recs = read_topic(&brokers, &raw);
    let mut count: BTreeMap<String, usize> = BTreeMap::new();
    for (k, v) in &recs {
        *count.entry(k.clone()).or_default() += 1;
        assert_eq!(&v["id"].as_str().unwrap(), k);
    }
    let mut want: Vec<String> = (1..=410)
        .map(|i| format!("masto:https://social.example/s/{i}"))
        .collect();
    want.push("hook:w1".into());
    want.sort();
    let got: Vec<String> = count.keys().cloned().collect();
    assert_eq!(got, want, "every status once, no gap");
    let dups: Vec<(&String, &usize)> = count.iter().filter(|(_, n)| **n > 1).collect();
    if sig == "TERM" {
        assert!(
            dups.is_empty(),
            "a graceful stop leaves no duplicate: {dups:?}"
        );
    } else {
        // At most the pages produced but not yet checkpointed come again (same ids).
        assert!(dups.len() <= 80, "{} re-deliveries", dups.len());
    }
}

#[test]
fn ingest_chain_interrupted_by_sigterm_is_complete_without_duplicates() {
    interrupted_chain("TERM");
}

#[test]
fn ingest_chain_interrupted_by_sigkill_is_complete() {
    interrupted_chain("KILL");
}

/// SIGHUP with a new brand in the file: the Hacker News source's brand re-check follows without a
/// restart (hits before the reload were filtered; hits after it are produced).
#[test]
fn sighup_brings_new_brands_to_the_source_filters() {
    let brokers = real_brokers();
    let rt = tokio::runtime::Runtime::new().unwrap();
    let hits: Arc<Mutex<Vec<(i64, &'static str)>>> =
        Arc::new(Mutex::new(vec![(1_700_000_001, "my Zeta phone broke")]));
    let h2 = hits.clone();
    let srv = rt.block_on(FeedServer::start(move |_s: &Seen| {
        let hits: Vec<serde_json::Value> = h2
            .lock()
            .unwrap()
            .iter()
            .rev()
            .map(|(t, text)| serde_json::json!({"objectID": t.to_string(), "created_at_i": t, "comment_text": text, "author": "pg"}))
            .collect();
        let n = hits.len();
        Reply::json(
            serde_json::to_vec(&serde_json::json!({"hits": hits, "nbHits": n, "nbPages": 1, "page": 0}))
                .unwrap(),
        )
    }));
    let prefix = unique("hup");
    let dir = tempfile::tempdir().unwrap();
    let port = free_port();
    let cfg = dir.path().join("earshot.toml");
    let write = |brands: &str| {
        std::fs::write(
            &cfg,
            format!(
                r#"
[kafka]
brokers = "{brokers}"
topic_prefix = "{prefix}."
group_prefix = "{prefix}-"

[http]
bind = "127.0.0.1:{port}"

{brands}

[[sources]]
kind = "hackernews"
name = "hn"
endpoint = "{base}"
query = "zeta"
[sources.poll]
interval_secs = 0.3
jitter_ratio = 0.0
"#,
                base = srv.base
            ),
        )
        .unwrap()
    };
    write("[[brands]]\nname = \"Acme\"\nquery = \"acme\"\n");
    let raw = format!("{prefix}.mentions.raw");
    let mut e = start(&cfg, port, dir.path(), 1);
    let n = srv.count();
    while srv.count() < n + 2 {
        std::thread::sleep(Duration::from_millis(50));
    }
    // Nothing produced yet (the only hit is filtered), but the source's freshness already counts up,
    // so an alert on a source that never works can see it.
    let deadline = Instant::now() + Duration::from_secs(10);
    while !e
        .metrics()
        .0
        .keys()
        .any(|k| k.starts_with("earshot_source_freshness_seconds{") && k.contains("source=\"hn\""))
    {
        assert!(
            Instant::now() < deadline,
            "no freshness series for a source that has not produced"
        );
        std::thread::sleep(Duration::from_millis(200));
    }
    write(
        "[[brands]]\nname = \"Acme\"\nquery = \"acme\"\n[[brands]]\nname = \"Zeta\"\nquery = '\"zeta phone\"'\n",
    );
    e.signal("HUP");
    let deadline = Instant::now() + Duration::from_secs(20);
    while !e.log_text().contains("SIGHUP: brands reloaded") {
        assert!(Instant::now() < deadline, "no reload:\n{}", e.log_text());
        std::thread::sleep(Duration::from_millis(50));
    }
    hits.lock()
        .unwrap()
        .push((1_700_000_002, "the new Zeta phone is great"));
    let deadline = Instant::now() + Duration::from_secs(30);
    let ids = loop {
        let ids: Vec<String> = read_topic(&brokers, &raw)
            .into_iter()
            .map(|(k, _)| k)
            .collect();
        if !ids.is_empty() {
            break ids;
        }
        assert!(
            Instant::now() < deadline,
            "nothing produced:\n{}",
            e.log_text()
        );
        std::thread::sleep(Duration::from_millis(200));
    };
    assert_eq!(ids, ["hn:1700000002"]);
    e.signal("TERM");
    assert!(e.wait_exit(Duration::from_secs(30)).success());
}
