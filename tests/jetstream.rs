//! Bluesky Jetstream against a local WebSocket server speaking Jetstream v1 (loopback only): the
//! firehose is filtered by the brand queries, reach comes from a local getProfiles, a dropped
//! connection resumes from the stored cursor (rewound) with no duplicate and no gap, and oversized or
//! unreadable messages are skipped without stopping the stream.

#![allow(clippy::result_large_err)] // tungstenite's handshake callback type

mod common;

use std::collections::BTreeSet;
use std::sync::{Arc, Mutex};
use std::time::Duration;

use common::feedserver::{FeedServer, Reply, eventually};
use earshot::classify::brands::BrandMatcher;
use earshot::config::{BrandConfig, JetstreamConfig};
use earshot::ingest::jetstream::Jetstream;
use earshot::ingest::sink::MemorySink;
use futures::{SinkExt, StreamExt};
use tokio_tungstenite::tungstenite::Message;
use tokio_util::sync::CancellationToken;

const T0: i64 = 1_783_175_888_000_000;

fn event(i: i64) -> String {
    let t = T0 + i * 1000;
    let did = format!("did:plc:user{}", i % 7);
    match i % 6 {
        0 | 3 => serde_json::json!({"did": did, "time_us": t, "kind": "commit", "commit": {"rev": "r", "operation": "create",
            "collection": "app.bsky.feed.post", "rkey": format!("k{i}"), "cid": "c",
            "record": {"$type": "app.bsky.feed.post", "createdAt": "2026-11-20T10:00:00Z", "langs": ["en"], "text": format!("Lumora lamp number {i} is lovely")}}}).to_string(),
        1 => serde_json::json!({"did": did, "time_us": t, "kind": "commit", "commit": {"rev": "r", "operation": "create",
            "collection": "app.bsky.feed.post", "rkey": format!("k{i}"), "cid": "c",
            "record": {"$type": "app.bsky.feed.post", "createdAt": "2026-11-20T10:00:00Z", "text": "nothing about brands"}}}).to_string(),
        2 => serde_json::json!({"did": did, "time_us": t, "kind": "commit", "commit": {"rev": "r", "operation": "delete",
            "collection": "app.bsky.feed.post", "rkey": format!("k{i}")}}).to_string(),
        4 => serde_json::json!({"did": did, "time_us": t, "kind": "identity", "identity": {"did": did, "handle": "x", "seq": 1, "time": "t"}}).to_string(),
        _ => serde_json::json!({"did": did, "time_us": t, "kind": "commit", "commit": {"rev": "r", "operation": "create",
            "collection": "app.bsky.feed.like", "rkey": format!("k{i}"), "record": {"subject": {"uri": "at://x"}}}}).to_string(),
    }
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn jetstream_filters_enriches_and_resumes_after_a_drop() {
    let events: Vec<String> = (0..60).map(event).collect();
    let cursors: Arc<Mutex<Vec<Option<i64>>>> = Arc::default();
    let agents: Arc<Mutex<Vec<String>>> = Arc::default();
    let listener = tokio::net::TcpListener::bind("127.0.0.1:0").await.unwrap();
    let ws_url = format!("ws://{}/subscribe", listener.local_addr().unwrap());
    let (ev, cur, ag) = (events.clone(), cursors.clone(), agents.clone());
    let server = tokio::spawn(async move {
        let mut conn = 0;
        loop {
            let (tcp, _) = listener.accept().await.unwrap();
            conn += 1;
            let (ev, cur, ag) = (ev.clone(), cur.clone(), ag.clone());
            let mut cursor = None;
            let mut ws = tokio_tungstenite::accept_hdr_async(
                tcp,
                |req: &tokio_tungstenite::tungstenite::handshake::server::Request, resp| {
                    let q = req.uri().query().unwrap_or_default().to_string();
                    assert!(q.contains("wantedCollections=app.bsky.feed.post"), "{q}");
                    cursor = q
                        .split('&')
                        .find_map(|kv| kv.strip_prefix("cursor="))
                        .map(|c| c.parse::<i64>().unwrap());
                    ag.lock().unwrap().push(
                        req.headers()
                            .get("user-agent")
                            .map(|v| v.to_str().unwrap().to_string())
                            .unwrap_or_default(),
                    );
                    Ok(resp)
                },
            )
            .await
            .unwrap();
            cur.lock().unwrap().push(cursor);
            // Jetstream replays from the cursor (inclusive).
            let from: Vec<&String> = ev
                .iter()
                .filter(|e| {
                    let t: i64 = serde_json::from_str::<serde_json::Value>(e).unwrap()["time_us"]
                        .as_i64()
                        .unwrap();
                    cursor.is_none_or(|c| t >= c)
                })
                .collect();
            if conn == 1 {
                // First connection: 31 events, an unreadable one and an oversized one, then the connection drops.
                for e in from.iter().take(31) {
                    ws.send(Message::text(e.as_str())).await.unwrap();
                }
                ws.send(Message::text("{\"truncated")).await.unwrap();
                ws.send(Message::text(format!(
                    "{{\"pad\":\"{}\"}}",
                    "x".repeat(300_000)
                )))
                .await
                .unwrap();
                tokio::time::sleep(Duration::from_millis(1500)).await;
                drop(ws);
            } else {
                for e in from {
                    ws.send(Message::text(e.as_str())).await.unwrap();
                }
                // Stay open and quiet.
                tokio::spawn(async move { while let Some(Ok(_)) = ws.next().await {} });
            }
        }
    });
    let profiles = FeedServer::start(|s| {
        let dids: Vec<String> = s
            .path_and_query
            .split(['?', '&'])
            .filter_map(|kv| kv.strip_prefix("actors="))
            .map(|d| d.replace("%3A", ":"))
            .collect();
        assert!(!dids.is_empty() && dids.len() <= 25);
        let list: Vec<serde_json::Value> = dids
            .iter()
            .map(|d| serde_json::json!({"did": d, "handle": format!("{}.bsky.social", d.trim_start_matches("did:plc:")),
                "displayName": "Someone", "followersCount": 42, "followsCount": 7, "postsCount": 300}))
            .collect();
        Reply::json(serde_json::to_vec(&serde_json::json!({"profiles": list})).unwrap())
    })
    .await;

    let brands = Arc::new(
        BrandMatcher::new(&[BrandConfig {
            name: "Lumora".into(),
            query: "lumora".into(),
            exclude: vec![],
            lexicon: Default::default(),
        }])
        .unwrap(),
    );
    let cfg = JetstreamConfig {
        name: "js".into(),
        url: ws_url,
        profiles_url: profiles.base.clone(),
        rewind_secs: 5,
        profile_cache_size: 100,
        max_batch: 200,
        max_message_bytes: 100_000,
        backoff_max_secs: 1,
        user_agent: "earshot-test/1".into(),
    };
    let sink = MemorySink::default();
    let stop = CancellationToken::new();
    let (cfg2, brands2) = (cfg.clone(), brands.clone());
    let js = Jetstream::new(cfg, brands, sink.clone()).unwrap();
    let task = tokio::spawn(js.run(stop.clone()));
    let matching: Vec<i64> = (0..60).filter(|i| i % 6 == 0 || i % 6 == 3).collect();
    eventually(20, "every matching post", || {
        sink.ids().len() >= matching.len()
    })
    .await;
    tokio::time::sleep(Duration::from_millis(1200)).await;
    stop.cancel();
    tokio::time::timeout(Duration::from_secs(10), task)
        .await
        .unwrap()
        .unwrap()
        .unwrap();

    // A restart: a new instance with only the stored cursor resumes there and produces nothing again.
    let stop = CancellationToken::new();
    let js = Jetstream::new(cfg2, brands2, sink.clone()).unwrap();
    let task = tokio::spawn(js.run(stop.clone()));
    eventually(10, "the third connection", || {
        cursors.lock().unwrap().len() == 3
    })
    .await;
    tokio::time::sleep(Duration::from_millis(1500)).await;
    stop.cancel();
    tokio::time::timeout(Duration::from_secs(10), task)
        .await
        .unwrap()
        .unwrap()
        .unwrap();
    server.abort();
    assert_eq!(cursors.lock().unwrap()[2], Some(T0 + 59 * 1000 - 5_000_000));

    let ids = sink.ids();
    let expected: BTreeSet<String> = matching
        .iter()
        .map(|i| format!("js:at://did:plc:user{}/app.bsky.feed.post/k{i}", i % 7))
        .collect();
    assert_eq!(ids.len(), expected.len(), "no duplicates: {ids:?}");
    assert_eq!(ids.iter().cloned().collect::<BTreeSet<_>>(), expected);
    let m = sink.produced.lock().unwrap()[0].clone();
    assert_eq!(m.author.followers, Some(42));
    assert_eq!(m.author.handle.as_deref(), Some("@user0.bsky.social"));
    assert_eq!(
        m.url.as_deref(),
        Some("https://bsky.app/profile/user0.bsky.social/post/k0")
    );
    assert_eq!(m.lang.as_deref(), Some("en"));
    // The reconnect asked for the stored cursor minus the rewind.
    let seen = cursors.lock().unwrap().clone();
    assert_eq!(seen[0], None);
    let stored_after_first = T0 + 30 * 1000;
    assert_eq!(seen[1], Some(stored_after_first - 5_000_000));
    let last: serde_json::Value = sink.cursor_json("source/js").unwrap();
    assert_eq!(last["time_us"], T0 + 59 * 1000);
    assert!(agents.lock().unwrap().iter().all(|a| a == "earshot-test/1"));
    // The unreadable event went to the DLQ with its bytes; the oversized one was only counted.
    let dead = sink.dead.lock().unwrap().clone();
    assert_eq!(dead.len(), 1, "{dead:?}");
    assert_eq!(dead[0].2, b"{\"truncated");
    assert!(dead[0].1.starts_with("event:"), "{}", dead[0].1);
    // Profiles were looked up in batches, each DID once (the cache).
    assert!(profiles.count() <= 2, "{}", profiles.count());
}
