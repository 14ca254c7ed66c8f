//! Bluesky Jetstream: the network's post firehose as JSON over a WebSocket
//! (`wantedCollections=app.bsky.feed.post`), filtered by the brand queries before anything is produced.
//!
//! Cursor: the `time_us` of the last event handled, stored only after the mentions up to it are
//! acknowledged. A reconnect asks for events from a few seconds before it (Jetstream delivers at least
//! once, and clocks differ between its instances) and skips every event at or before it, so each post
//! is produced once. Events carry no handle and no follower count: those come from
//! `app.bsky.actor.getProfiles` in batches of 25, through a bounded cache; a failed lookup leaves them
//! absent and never holds the stream back.

use std::time::Duration;

use futures::StreamExt;
use serde::{Deserialize, Serialize};
use tokio_tungstenite::tungstenite::Message;
use tokio_tungstenite::tungstenite::client::IntoClientRequest;
use tokio_tungstenite::tungstenite::protocol::WebSocketConfig;
use tokio_util::sync::CancellationToken;

use super::bluesky::post_to_mention;
use super::poll::{Backoff, HttpTransport, Transport};
use super::profiles::{ProfileCache, parse_bsky_profiles};
use super::sink::{Sink, SinkError, checkpoint_key};
use super::{BrandFilter, Request, enc, join};
use crate::classify::brands::BrandMatcher;
use crate::config::JetstreamConfig;
use crate::model::{Mention, SourceRef};
use crate::telemetry;

pub const COLLECTION: &str = "app.bsky.feed.post";
/// getProfiles takes at most this many actors.
pub const PROFILE_BATCH: usize = 25;
/// Reconnect when the stream is silent this long (the firehose is never quiet for a minute).
const IDLE: Duration = Duration::from_secs(60);
const FLUSH_EVERY: Duration = Duration::from_secs(1);
const CHECKPOINT_IDLE_EVERY: Duration = Duration::from_secs(5);

#[derive(Debug, Clone, Copy, Default, PartialEq, Serialize, Deserialize)]
pub struct Cursor {
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub time_us: Option<i64>,
}

#[derive(Deserialize)]
struct Event {
    did: String,
    time_us: i64,
    kind: String,
    #[serde(default)]
    commit: Option<Commit>,
}

#[derive(Deserialize)]
struct Commit {
    operation: String,
    collection: String,
    rkey: String,
    #[serde(default)]
    record: Option<serde_json::Value>,
}

/// What one event means for us.
#[derive(Debug, PartialEq)]
pub enum Decoded {
    /// A new post that matches a brand.
    Post(Box<Mention>, i64),
    /// Anything else (other kinds, deletes, non-matching posts, events already handled): its time.
    Skip(i64, SkipReason),
}

#[derive(Debug, Clone, Copy, PartialEq)]
pub enum SkipReason {
    NotAPost,
    NoMatch,
    Replayed,
}

/// Decodes one event (pure): the mention it yields, or why it yields none.
pub fn decode(
    source: &SourceRef,
    brands: &BrandMatcher,
    text: &str,
    after_us: Option<i64>,
) -> Result<Decoded, String> {
    let e: Event = serde_json::from_str(text).map_err(|e| format!("event: {e}"))?;
    if after_us.is_some_and(|c| e.time_us <= c) {
        return Ok(Decoded::Skip(e.time_us, SkipReason::Replayed));
    }
    let Some(c) = e
        .commit
        .filter(|c| e.kind == "commit" && c.collection == COLLECTION && c.operation == "create")
    else {
        return Ok(Decoded::Skip(e.time_us, SkipReason::NotAPost));
    };
    let Some(m) = c
        .record
        .as_ref()
        .and_then(|r| post_to_mention(source, &e.did, &c.rkey, r, None))
    else {
        return Ok(Decoded::Skip(e.time_us, SkipReason::NotAPost));
    };
    if !brands.matches_any(&m.text) {
        return Ok(Decoded::Skip(e.time_us, SkipReason::NoMatch));
    }
    Ok(Decoded::Post(Box::new(m), e.time_us))
}

pub struct Jetstream<S: Sink> {
    pub cfg: JetstreamConfig,
    pub brands: BrandFilter,
    pub sink: S,
    source: SourceRef,
    http: HttpTransport,
    profiles: ProfileCache,
}

#[derive(Debug, thiserror::Error)]
pub enum Error {
    #[error(transparent)]
    Sink(#[from] SinkError),
    #[error("{0}")]
    Setup(String),
}

impl<S: Sink> Jetstream<S> {
    pub fn new(
        cfg: JetstreamConfig,
        brands: impl Into<BrandFilter>,
        sink: S,
    ) -> Result<Self, Error> {
        let http = HttpTransport::new(&cfg.user_agent).map_err(Error::Setup)?;
        Ok(Jetstream {
            source: SourceRef {
                kind: "bluesky_jetstream".into(),
                name: cfg.name.clone(),
            },
            profiles: ProfileCache::new(cfg.profile_cache_size),
            cfg,
            brands: brands.into(),
            sink,
            http,
        })
    }

    /// The subscribe URL for a stored cursor (rewound by `rewind_secs`).
    pub fn url(&self, cursor: Cursor) -> String {
        let mut u = format!("{}?wantedCollections={COLLECTION}", self.cfg.url);
        if let Some(t) = cursor.time_us {
            let rewound = t - (self.cfg.rewind_secs as i64) * 1_000_000;
            u.push_str(&format!("&cursor={}", rewound.max(0)));
        }
        u
    }

    /// Fills handle, name and reach from getProfiles, through the cache. Lookups get 5 s in all, so a
    /// slow AppView never holds the stream (or a shutdown) back; what is not found stays absent.
    async fn enrich(&mut self, batch: &mut [Mention]) {
        let _ = tokio::time::timeout(Duration::from_secs(5), self.lookup(batch)).await;
        self.fill(batch);
    }

    async fn lookup(&mut self, batch: &[Mention]) {
        let mut missing: Vec<String> = batch
            .iter()
            .filter_map(|m| m.author.id.clone())
            .filter(|d| self.profiles.get(d).is_none())
            .collect();
        missing.sort();
        missing.dedup();
        for chunk in missing.chunks(PROFILE_BATCH) {
            let query: Vec<String> = chunk.iter().map(|d| format!("actors={}", enc(d))).collect();
            let req = Request::get(join(
                &self.cfg.profiles_url,
                &format!("xrpc/app.bsky.actor.getProfiles?{}", query.join("&")),
            ));
            match self
                .http
                .fetch(&req, Duration::from_secs(10), 4 * 1024 * 1024)
                .await
            {
                Ok(r) if r.status == 200 => match parse_bsky_profiles(&r.body) {
                    Ok(list) => list
                        .into_iter()
                        .for_each(|(d, p)| self.profiles.insert(d, p)),
                    Err(e) => {
                        tracing::warn!(source = %self.source.name, error = %e, "getProfiles answer unreadable")
                    }
                },
                Ok(r) => {
                    tracing::warn!(source = %self.source.name, status = r.status, "getProfiles refused; reach left absent")
                }
                Err(e) => {
                    tracing::warn!(source = %self.source.name, error = %e, "getProfiles failed; reach left absent")
                }
            }
        }
    }

    /// Reach and names from the cache; with a handle known, the post's web URL uses it.
    fn fill(&self, batch: &mut [Mention]) {
        super::profiles::fill(&self.profiles, batch);
        for m in batch.iter_mut() {
            if let (Some(h), Some(rkey)) = (m.author.handle.as_deref(), m.id.rsplit('/').next()) {
                m.url = Some(format!(
                    "https://bsky.app/profile/{}/post/{rkey}",
                    h.trim_start_matches('@')
                ));
            }
        }
    }

    /// Produces the batch, then stores the cursor.
    async fn flush(&mut self, batch: &mut Vec<Mention>, cursor: Cursor) -> Result<(), Error> {
        let name = self.source.name.clone();
        if !batch.is_empty() {
            self.enrich(batch).await;
            self.sink.produce(batch).await?;
            telemetry::source_items(&name, "produced", batch.len() as u64);
            batch.clear();
        }
        let bytes = serde_json::to_vec(&cursor).expect("cursor serialises");
        self.sink
            .save_cursor(&checkpoint_key(&name), &bytes)
            .await?;
        Ok(())
    }

    /// Streams until `stop` fires, reconnecting with backoff.
    pub async fn run(mut self, stop: CancellationToken) -> Result<(), Error> {
        let name = self.source.name.clone();
        let mut stored: Cursor = super::poll::load_cursor(&self.sink, &name).await?;
        tracing::info!(source = %name, ?stored, "jetstream starting");
        let mut backoff = Backoff::new(
            Duration::from_secs(1),
            Duration::from_secs(self.cfg.backoff_max_secs),
            name.len() as u64 ^ std::process::id() as u64,
        );
        let ws_config = WebSocketConfig::default()
            .max_message_size(Some((self.cfg.max_message_bytes * 4).max(16 << 20)));
        'connect: while !stop.is_cancelled() {
            let url = self.url(stored);
            let mut request = match url.as_str().into_client_request() {
                Ok(r) => r,
                Err(e) => return Err(Error::Setup(format!("jetstream url {url}: {e}"))),
            };
            if let Ok(ua) = self.cfg.user_agent.parse() {
                request.headers_mut().insert("User-Agent", ua);
            }
            let connect =
                tokio_tungstenite::connect_async_with_config(request, Some(ws_config), true);
            let ws = tokio::select! {
                _ = stop.cancelled() => break,
                r = tokio::time::timeout(Duration::from_secs(30), connect) => r,
            };
            let mut ws = match ws {
                Ok(Ok((ws, _))) => ws,
                Ok(Err(e)) => {
                    telemetry::source_poll(&name, "error");
                    let wait = backoff.fail();
                    tracing::warn!(source = %name, error = %e, ?wait, "jetstream connect failed");
                    tokio::select! { _ = stop.cancelled() => break, _ = tokio::time::sleep(wait) => {} }
                    continue;
                }
                Err(_) => {
                    telemetry::source_poll(&name, "timeout");
                    let wait = backoff.fail();
                    tokio::select! { _ = stop.cancelled() => break, _ = tokio::time::sleep(wait) => {} }
                    continue;
                }
            };
            telemetry::source_poll(&name, "connected");
            tracing::info!(source = %name, %url, "jetstream connected");
            let mut batch: Vec<Mention> = Vec::new();
            let mut handled = stored;
            let mut flush_tick = tokio::time::interval(FLUSH_EVERY);
            let mut last_checkpoint = tokio::time::Instant::now();
            let mut received = 0u64;
            let mut brands = self.brands.current();
            loop {
                let msg = tokio::select! {
                    _ = stop.cancelled() => {
                        self.flush(&mut batch, handled).await?;
                        let _ = ws.close(None).await;
                        break 'connect;
                    }
                    _ = flush_tick.tick() => {
                        let due = !batch.is_empty()
                            || (handled != stored && last_checkpoint.elapsed() >= CHECKPOINT_IDLE_EVERY);
                        if due {
                            self.flush(&mut batch, handled).await?;
                            stored = handled;
                            last_checkpoint = tokio::time::Instant::now();
                        }
                        continue;
                    }
                    m = tokio::time::timeout(IDLE, ws.next()) => m,
                };
                let text = match msg {
                    Ok(Some(Ok(Message::Text(t)))) => t,
                    Ok(Some(Ok(Message::Close(_)))) | Ok(None) => {
                        tracing::warn!(source = %name, "jetstream closed the connection");
                        telemetry::source_poll(&name, "disconnected");
                        break;
                    }
                    Ok(Some(Ok(_))) => continue,
                    Ok(Some(Err(e))) => {
                        tracing::warn!(source = %name, error = %e, "jetstream read failed");
                        telemetry::source_poll(&name, "error");
                        break;
                    }
                    Err(_) => {
                        tracing::warn!(source = %name, "jetstream silent for {IDLE:?}; reconnecting");
                        telemetry::source_poll(&name, "timeout");
                        break;
                    }
                };
                received += 1;
                if received % 1024 == 1 {
                    brands = self.brands.current();
                }
                if received == 1 {
                    backoff.reset();
                }
                if text.len() > self.cfg.max_message_bytes {
                    // Too large for the DLQ as well (Kafka's default message limit): counted and logged.
                    telemetry::source_items(&name, "rejected", 1);
                    tracing::warn!(source = %name, bytes = text.len(), "event over max_message_bytes dropped");
                    continue;
                }
                telemetry::source_items(&name, "fetched", 1);
                match decode(&self.source, &brands, text.as_str(), handled.time_us) {
                    Ok(Decoded::Post(m, t)) => {
                        batch.push(*m);
                        handled.time_us = Some(t);
                        if batch.len() >= self.cfg.max_batch {
                            self.flush(&mut batch, handled).await?;
                            stored = handled;
                            last_checkpoint = tokio::time::Instant::now();
                        }
                    }
                    Ok(Decoded::Skip(t, reason)) => {
                        if reason == SkipReason::NoMatch {
                            telemetry::source_items(&name, "filtered", 1);
                        }
                        if reason != SkipReason::Replayed {
                            handled.time_us = Some(t);
                        }
                    }
                    Err(e) => {
                        telemetry::source_items(&name, "rejected", 1);
                        tracing::warn!(source = %name, error = %e, "event unreadable; sent to the DLQ");
                        self.sink.dead_letter(&name, &e, text.as_bytes()).await?;
                    }
                }
            }
            // Connection lost: keep what was handled, then reconnect after a pause.
            self.flush(&mut batch, handled).await?;
            stored = handled;
            let wait = backoff.fail();
            tokio::select! { _ = stop.cancelled() => break, _ = tokio::time::sleep(wait) => {} }
        }
        tracing::info!(source = %name, "jetstream stopped");
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::config::BrandConfig;

    fn brands() -> BrandMatcher {
        BrandMatcher::new(&[BrandConfig {
            name: "Lumora".into(),
            query: "lumora".into(),
            exclude: vec![],
            lexicon: Default::default(),
        }])
        .unwrap()
    }

    fn src() -> SourceRef {
        SourceRef {
            kind: "bluesky_jetstream".into(),
            name: "js".into(),
        }
    }

    #[test]
    fn decodes_matching_creates_only() {
        let b = brands();
        let post = r#"{"did":"did:plc:a","time_us":1725911162329308,"kind":"commit","commit":{"rev":"x","operation":"create","collection":"app.bsky.feed.post","rkey":"3l3","record":{"$type":"app.bsky.feed.post","createdAt":"2024-09-09T19:46:02.102Z","langs":["en"],"text":"my Lumora lamp is great"},"cid":"c"}}"#;
        match decode(&src(), &b, post, None).unwrap() {
            Decoded::Post(m, t) => {
                assert_eq!(m.id, "js:at://did:plc:a/app.bsky.feed.post/3l3");
                assert_eq!(m.lang.as_deref(), Some("en"));
                assert_eq!(t, 1725911162329308);
            }
            other => panic!("{other:?}"),
        }
        assert_eq!(
            decode(&src(), &b, post, Some(1725911162329308)).unwrap(),
            Decoded::Skip(1725911162329308, SkipReason::Replayed)
        );
        let other = post.replace("my Lumora lamp", "nothing here");
        assert_eq!(
            decode(&src(), &b, &other, None).unwrap(),
            Decoded::Skip(1725911162329308, SkipReason::NoMatch)
        );
        let delete = r#"{"did":"did:plc:a","time_us":5,"kind":"commit","commit":{"operation":"delete","collection":"app.bsky.feed.post","rkey":"3l3"}}"#;
        assert_eq!(
            decode(&src(), &b, delete, None).unwrap(),
            Decoded::Skip(5, SkipReason::NotAPost)
        );
        let identity = r#"{"did":"did:plc:a","time_us":6,"kind":"identity","identity":{}}"#;
        assert_eq!(
            decode(&src(), &b, identity, None).unwrap(),
            Decoded::Skip(6, SkipReason::NotAPost)
        );
        assert!(decode(&src(), &b, "{truncated", None).is_err());
    }

    #[test]
    fn profile_cache_is_bounded() {
        use crate::ingest::profiles::Profile;
        let mut c = ProfileCache::new(2);
        let p = Profile {
            handle: None,
            name: None,
            followers: Some(1),
            following: None,
            posts: None,
        };
        c.insert("a".into(), p.clone());
        c.insert("b".into(), p.clone());
        c.insert("c".into(), p);
        assert_eq!(c.len(), 2);
        assert!(c.get("a").is_none());
    }
}
