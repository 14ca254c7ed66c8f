//! `POST /ingest/{source}` on the real HTTP router (loopback, port 0): every refusal the issue names,
//! the JSON error body, HMAC with timestamp and replay window, field mappings, and that nothing partial
//! is ever produced.

use std::collections::BTreeMap;
use std::sync::Arc;
use std::time::Duration;

use earshot::config::WebhookConfig;
use earshot::ingest::sink::{MemorySink, Sink, SinkError};
use earshot::ingest::webhook::{self, DynSink, Webhook, WebhookSlot, Webhooks};
use earshot::model::Mention;
use earshot::pipeline::{AppState, Health};

fn cfg(name: &str) -> WebhookConfig {
    WebhookConfig {
        name: name.into(),
        token_env: None,
        hmac_secret_env: None,
        max_body_bytes: 4096,
        replay_window_secs: 300,
        max_concurrent: 4,
        max_batch: 10,
        fields: BTreeMap::new(),
    }
}

/// Serves the full router with the given webhooks (or none: ingest not running).
async fn serve(hooks: Option<Webhooks>) -> String {
    let slot: WebhookSlot = Default::default();
    if let Some(h) = hooks {
        let _ = slot.set(Arc::new(h));
    }
    let state = AppState {
        prometheus: metrics_exporter_prometheus::PrometheusBuilder::new()
            .build_recorder()
            .handle(),
        health: Arc::new(Health::default()),
        brands: Default::default(),
        webhooks: slot,
    };
    let listener = tokio::net::TcpListener::bind("127.0.0.1:0").await.unwrap();
    let base = format!("http://{}", listener.local_addr().unwrap());
    tokio::spawn(async move {
        axum::serve(listener, earshot::http::router(state))
            .await
            .unwrap();
    });
    base
}

fn hooks(list: Vec<Webhook>, sink: Arc<dyn DynSink>) -> Webhooks {
    Webhooks {
        by_name: list.into_iter().map(|w| (w.cfg.name.clone(), w)).collect(),
        sink,
    }
}

async fn post(
    url: &str,
    ctype: &str,
    headers: &[(&str, String)],
    body: impl Into<reqwest::Body>,
) -> (u16, serde_json::Value) {
    let mut rb = reqwest::Client::new()
        .post(url)
        .header("content-type", ctype)
        .body(body);
    for (k, v) in headers {
        rb = rb.header(*k, v);
    }
    let r = rb.send().await.unwrap();
    let status = r.status().as_u16();
    let json = r.json().await.unwrap_or(serde_json::Value::Null);
    (status, json)
}

const ONE: &str = r#"{"id":"evt-1","text":"Kestrel mobile support was great","author":{"handle":"@sam","followers":12}}"#;

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn bearer_token_push_and_every_refusal() {
    let sink = MemorySink::default();
    let base = serve(Some(hooks(
        vec![Webhook::new(cfg("crm"), Some("s3cret-token".into()), None)],
        Arc::new(sink.clone()),
    )))
    .await;
    let url = format!("{base}/ingest/crm");
    let json = "application/json";
    let auth = || vec![("authorization", "Bearer s3cret-token".to_string())];

    let (s, b) = post(&url, json, &[], ONE).await;
    assert_eq!((s, b["error"].as_str()), (401, Some("unauthorized")));
    let (s, _) = post(&url, json, &[("authorization", "Bearer nope".into())], ONE).await;
    assert_eq!(s, 401);
    let (s, b) = post(&url, "text/plain", &auth(), ONE).await;
    assert_eq!(
        (s, b["error"].as_str()),
        (415, Some("unsupported_media_type"))
    );
    let (s, b) = post(&url, json, &auth(), "x".repeat(5000)).await;
    assert_eq!((s, b["error"].as_str()), (413, Some("too_large")));
    // Oversize without a Content-Length (streamed).
    let stream = futures::stream::iter(
        (0..10).map(|_| Ok::<_, std::io::Error>(bytes::Bytes::from(vec![b' '; 1000]))),
    );
    let (s, _) = post(&url, json, &auth(), reqwest::Body::wrap_stream(stream)).await;
    assert_eq!(s, 413);
    let (s, b) = post(&url, json, &auth(), "{not json").await;
    assert_eq!((s, b["error"].as_str()), (400, Some("malformed")));
    assert!(b["detail"].as_str().unwrap().contains("invalid JSON"));
    let (s, _) = post(&url, json, &auth(), vec![0xffu8, 0xfe]).await;
    assert_eq!(s, 400);
    // One bad item refuses the whole batch: nothing partial.
    let batch = format!(r#"[{ONE}, {{"id":"evt-2","text":"   "}}]"#);
    let (s, b) = post(&url, json, &auth(), batch).await;
    assert_eq!(s, 400);
    assert!(
        b["detail"]
            .as_str()
            .unwrap()
            .starts_with("item 1: empty text"),
        "{b}"
    );
    let too_many = format!("[{}]", [ONE; 11].join(","));
    let (s, _) = post(&url, json, &auth(), too_many).await;
    assert_eq!(s, 413);
    assert!(
        sink.ids().is_empty(),
        "nothing produced by refused requests"
    );

    let (s, b) = post(&format!("{base}/ingest/other"), json, &auth(), ONE).await;
    assert_eq!((s, b["error"].as_str()), (404, Some("unknown_source")));

    let (s, b) = post(
        &url,
        "application/json; charset=utf-8",
        &auth(),
        format!("[{ONE}]"),
    )
    .await;
    assert_eq!(s, 202, "{b}");
    assert_eq!(b["accepted"], 1);
    assert_eq!(b["ids"][0], "crm:evt-1");
    let m = sink.produced.lock().unwrap()[0].clone();
    assert_eq!(m.source.kind, "webhook");
    assert_eq!(m.source.name, "crm");
    assert_eq!(m.author.followers, Some(12));
    assert!(m.fetched_at.is_some());
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn hmac_signature_timestamp_and_replay() {
    let sink = MemorySink::default();
    let mut c = cfg("signed");
    c.hmac_secret_env = Some("X".into());
    let secret = b"whsec-123";
    let base = serve(Some(hooks(
        vec![Webhook::new(c, None, Some("whsec-123".into()))],
        Arc::new(sink.clone()),
    )))
    .await;
    let url = format!("{base}/ingest/signed");
    let now = chrono::Utc::now().timestamp();
    let signed = |ts: i64, body: &str, key: &[u8]| {
        vec![
            ("x-earshot-timestamp", ts.to_string()),
            (
                "x-earshot-signature",
                webhook::sign(key, ts, body.as_bytes()),
            ),
        ]
    };
    let json = "application/json";
    let (s, b) = post(&url, json, &[], ONE).await;
    assert_eq!(s, 401);
    assert!(
        b["detail"]
            .as_str()
            .unwrap()
            .contains("X-Earshot-Signature")
    );
    let (s, b) = post(&url, json, &signed(now, ONE, b"wrong"), ONE).await;
    assert_eq!(s, 401);
    assert!(b["detail"].as_str().unwrap().contains("does not match"));
    // The signature covers the body: a changed body fails.
    let (s, _) = post(
        &url,
        json,
        &signed(now, ONE, secret),
        ONE.replace("great", "awful"),
    )
    .await;
    assert_eq!(s, 401);
    let (s, b) = post(&url, json, &signed(now - 301, ONE, secret), ONE).await;
    assert_eq!(s, 401);
    assert!(b["detail"].as_str().unwrap().contains("replay window"));
    let (s, _) = post(&url, json, &signed(now + 400, ONE, secret), ONE).await;
    assert_eq!(s, 401);
    let good = signed(now, ONE, secret);
    let (s, b) = post(&url, json, &good, ONE).await;
    assert_eq!(s, 202, "{b}");
    // The same signed request again is a replay.
    let (s, b) = post(&url, json, &good, ONE).await;
    assert_eq!(s, 401);
    assert!(b["detail"].as_str().unwrap().contains("replay"));
    assert_eq!(sink.ids(), ["signed:evt-1"]);
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn field_mapping_for_foreign_payloads() {
    let sink = MemorySink::default();
    let mut c = cfg("forms");
    c.fields = [
        ("id", "/event_id"),
        ("text", "/message/body"),
        ("author.handle", "/user/name"),
        ("author.followers", "/user/fans"),
        ("created_at", "/at"),
        ("lang", "/message/lang"),
    ]
    .into_iter()
    .map(|(a, b)| (a.to_string(), b.to_string()))
    .collect();
    let base = serve(Some(hooks(
        vec![Webhook::new(c, Some("t".into()), None)],
        Arc::new(sink.clone()),
    )))
    .await;
    let url = format!("{base}/ingest/forms");
    let auth = vec![("authorization", "Bearer t".to_string())];
    let body = r#"[{"event_id": 991, "message": {"body": "Lumora  lamp\nflickers", "lang": "en"}, "user": {"name": "lee", "fans": 3}, "at": "2026-11-20T10:00:00Z"},
                  {"event_id": "a2", "message": {"body": "second"}}]"#;
    let (s, b) = post(&url, "application/json", &auth, body).await;
    assert_eq!(s, 202, "{b}");
    let got = sink.produced.lock().unwrap().clone();
    assert_eq!(got[0].id, "forms:991");
    assert_eq!(got[0].text, "Lumora lamp\nflickers");
    assert_eq!(got[0].author.handle.as_deref(), Some("lee"));
    assert_eq!(got[0].author.followers, Some(3));
    assert_eq!(got[0].lang.as_deref(), Some("en"));
    assert!(got[0].created_at.is_some());
    assert_eq!(got[1].author.followers, None, "absent, not zero");
    // A mapped item missing its text: refused whole.
    let (s, b) = post(&url, "application/json", &auth, r#"{"event_id": 5}"#).await;
    assert_eq!(s, 400);
    assert!(b["detail"].as_str().unwrap().contains("text"), "{b}");
    assert_eq!(sink.ids().len(), 2);
}

/// A sink that holds every produce until released: requests pile up in flight.
#[derive(Clone, Default)]
struct Gate {
    open: Arc<tokio::sync::Notify>,
    inner: MemorySink,
}

impl Sink for Gate {
    async fn produce(&self, m: &[Mention]) -> Result<(), SinkError> {
        self.open.notified().await;
        self.inner.produce(m).await
    }
    async fn dead_letter(&self, s: &str, d: &str, r: &[u8]) -> Result<(), SinkError> {
        self.inner.dead_letter(s, d, r).await
    }
    async fn save_cursor(&self, k: &str, c: &[u8]) -> Result<(), SinkError> {
        self.inner.save_cursor(k, c).await
    }
    async fn load_cursor(&self, k: &str) -> Result<Option<Vec<u8>>, SinkError> {
        self.inner.load_cursor(k).await
    }
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn too_many_in_flight_is_429_and_no_ingest_is_503() {
    let gate = Gate::default();
    let mut c = cfg("busy");
    c.max_concurrent = 1;
    let base = serve(Some(hooks(
        vec![Webhook::new(c, Some("t".into()), None)],
        Arc::new(gate.clone()),
    )))
    .await;
    let url = format!("{base}/ingest/busy");
    let auth = vec![("authorization", "Bearer t".to_string())];
    let (u2, a2) = (url.clone(), auth.clone());
    let first = tokio::spawn(async move { post(&u2, "application/json", &a2, ONE).await });
    tokio::time::sleep(Duration::from_millis(300)).await;
    let r = reqwest::Client::new()
        .post(&url)
        .header("content-type", "application/json")
        .header("authorization", "Bearer t")
        .body(ONE)
        .send()
        .await
        .unwrap();
    assert_eq!(r.status().as_u16(), 429);
    assert_eq!(r.headers()["retry-after"], "1");
    gate.open.notify_one();
    assert_eq!(first.await.unwrap().0, 202);
    assert_eq!(gate.inner.ids(), ["busy:evt-1"]);

    let none = serve(None).await;
    let (s, b) = post(
        &format!("{none}/ingest/busy"),
        "application/json",
        &auth,
        ONE,
    )
    .await;
    assert_eq!((s, b["error"].as_str()), (503, Some("unavailable")));
}
