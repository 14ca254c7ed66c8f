//! Sources: each turns a feed into Mentions on the raw topic, keeping its cursor in the checkpoints
//! topic.
//!
//! Every HTTP source is a pure [`Feed`]: it builds the next request from its cursor and turns a response
//! into Mentions and the next cursor. It never sleeps, retries or talks to Kafka: one shared loop
//! ([`poll::run`]) does the timing (interval with jitter, timeouts, backoff, rate-limit headers), the
//! body cap, producing, and checkpointing. That keeps each feed small and testable on recorded payloads,
//! and gives every feed the same good manners.
//!
//! The WebSocket source (Bluesky Jetstream) and the push source (webhook) do not poll; they share the
//! [`sink::Sink`] and the checkpoint format.

pub mod appstore;
pub mod bluesky;
pub mod build;
pub mod hackernews;
pub mod jetstream;
pub mod mastodon;
pub mod poll;
pub mod profiles;
pub mod reddit;
pub mod replay;
pub mod rss;
pub mod sink;
pub mod text;
pub mod webhook;
pub mod youtube;

use std::time::Duration;

use chrono::{DateTime, Utc};
use reqwest::header::HeaderMap;
use serde::de::DeserializeOwned;
use serde::{Deserialize, Serialize};

use crate::classify::brands::BrandMatcher;
use crate::model::SourceRef;

/// One HTTP request a feed wants made. `GET` unless `body` is set (then `POST` with a JSON body).
#[derive(Debug, Clone, PartialEq)]
pub struct Request {
    pub url: String,
    pub headers: Vec<(String, String)>,
    pub json_body: Option<serde_json::Value>,
}

impl Request {
    pub fn get(url: impl Into<String>) -> Self {
        Request {
            url: url.into(),
            headers: Vec::new(),
            json_body: None,
        }
    }

    pub fn header(mut self, name: &str, value: impl Into<String>) -> Self {
        self.headers.push((name.to_string(), value.into()));
        self
    }

    /// `Authorization: Bearer <token>` when there is a token.
    pub fn bearer(self, token: Option<&str>) -> Self {
        match token {
            Some(t) => self.header("Authorization", format!("Bearer {t}")),
            None => self,
        }
    }
}

/// A response with its body read in full (up to the configured cap).
#[derive(Debug, Clone)]
pub struct Response {
    pub status: u16,
    pub headers: HeaderMap,
    pub body: Vec<u8>,
}

impl Response {
    pub fn header(&self, name: &str) -> Option<&str> {
        self.headers.get(name).and_then(|v| v.to_str().ok())
    }

    /// The body as JSON of type `T`, with the parser's message on failure.
    pub fn json<T: DeserializeOwned>(&self) -> Result<T, ParseError> {
        serde_json::from_slice(&self.body).map_err(|e| ParseError(format!("JSON: {e}")))
    }
}

/// What a feed could not make sense of. The poll loop counts it (`outcome="malformed"`), logs it, keeps
/// the cursor and backs off: nothing is produced from a page it cannot read in full.
#[derive(Debug, Clone, PartialEq, thiserror::Error)]
#[error("{0}")]
pub struct ParseError(pub String);

/// An item of a page that could not be read (a status without a `uri`, a listing entry without an
/// id): its original JSON goes to the DLQ with the reason, and the feed moves on. One bad item never
/// holds a source back; an unreadable page (not JSON at all) does keep the cursor and is retried.
#[derive(Debug, Clone, PartialEq)]
pub struct Rejected {
    pub detail: String,
    pub raw: Vec<u8>,
}

/// Maps a page's items: `Ok(Some)` a mention, `Ok(None)` not a mention (empty text, another kind of
/// item), `Err` a malformed item.
pub fn map_items<'a>(
    items: impl IntoIterator<Item = &'a serde_json::Value>,
    mut f: impl FnMut(&serde_json::Value) -> Result<Option<crate::model::Mention>, String>,
) -> (Vec<crate::model::Mention>, Vec<Rejected>) {
    let (mut ok, mut bad) = (Vec::new(), Vec::new());
    for (i, v) in items.into_iter().enumerate() {
        match f(v) {
            Ok(Some(m)) => ok.push(m),
            Ok(None) => {}
            Err(detail) => bad.push(Rejected {
                detail: format!("item {i}: {detail}"),
                raw: serde_json::to_vec(v).unwrap_or_default(),
            }),
        }
    }
    (ok, bad)
}

/// What one response gave: the mentions to produce (oldest first), the cursor to store once they are
/// acknowledged, and whether the next page should be fetched at once (a catch-up chain).
#[derive(Debug, Clone)]
pub struct Page<C> {
    pub mentions: Vec<crate::model::Mention>,
    pub cursor: C,
    pub more: bool,
    /// Items in the response before de-duplication and filtering (`earshot_source_items_total{outcome="fetched"}`).
    pub fetched: usize,
    /// Items dropped because the brand re-check did not match (Hacker News, Jetstream).
    pub filtered: usize,
    /// The feed asks not to be polled more often than this (RSS `<ttl>`).
    pub min_interval: Option<Duration>,
    /// Malformed items, for the DLQ.
    pub rejected: Vec<Rejected>,
}

impl<C> Page<C> {
    pub fn new(mentions: Vec<crate::model::Mention>, cursor: C, fetched: usize) -> Self {
        Page {
            mentions,
            cursor,
            more: false,
            fetched,
            filtered: 0,
            min_interval: None,
            rejected: Vec::new(),
        }
    }
}

/// The pure half of an HTTP source.
pub trait Feed: Send + Sync + 'static {
    type Cursor: Serialize + DeserializeOwned + Default + Clone + std::fmt::Debug + Send + Sync;

    fn source(&self) -> &SourceRef;

    /// The next request, given the last stored cursor.
    fn request(&self, cursor: &Self::Cursor) -> Request;

    /// Turns a 2xx response to `request(cursor)` into mentions and the next cursor.
    fn parse(
        &self,
        cursor: &Self::Cursor,
        resp: &Response,
        now: DateTime<Utc>,
    ) -> Result<Page<Self::Cursor>, ParseError>;

    /// A login request whose response yields a bearer token (Bluesky `createSession`); `None` when the
    /// feed needs none or takes a fixed token from the environment.
    fn login(&self) -> Option<Request> {
        None
    }

    /// The bearer token from a 2xx response to [`Feed::login`].
    fn parse_login(&self, _resp: &Response) -> Result<String, ParseError> {
        Err(ParseError("this source has no login".into()))
    }

    /// A reach lookup for these author ids (at most [`Feed::profile_batch`]), for feeds whose items
    /// carry no follower counts (Bluesky search, YouTube); `None` when the feed has no such lookup.
    fn profiles_request(&self, _author_ids: &[String]) -> Option<Request> {
        None
    }

    /// The profiles in a 2xx answer to [`Feed::profiles_request`], by author id.
    fn parse_profiles(
        &self,
        _resp: &Response,
    ) -> Result<Vec<(String, profiles::Profile)>, ParseError> {
        Ok(Vec::new())
    }

    fn profile_batch(&self) -> usize {
        25
    }

    /// Whether an answer means the login token expired (log in again before the next request).
    fn auth_expired(&self, resp: &Response) -> bool {
        resp.status == 401
    }

    /// Whether a 4xx other than 429 is really a quota or rate limit (YouTube answers 403
    /// `quotaExceeded`).
    fn is_rate_limited(&self, _resp: &Response) -> bool {
        false
    }
}

/// The brand queries a source filters with (Jetstream, Hacker News): the latest of a watch channel, so
/// a SIGHUP reload that adds or changes a brand reaches the sources without a restart.
#[derive(Clone)]
pub struct BrandFilter(tokio::sync::watch::Receiver<std::sync::Arc<BrandMatcher>>);

impl BrandFilter {
    pub fn current(&self) -> std::sync::Arc<BrandMatcher> {
        self.0.borrow().clone()
    }
}

impl From<std::sync::Arc<BrandMatcher>> for BrandFilter {
    /// A fixed filter (tests, tools).
    fn from(m: std::sync::Arc<BrandMatcher>) -> Self {
        BrandFilter(tokio::sync::watch::channel(m).1)
    }
}

impl From<tokio::sync::watch::Receiver<std::sync::Arc<BrandMatcher>>> for BrandFilter {
    fn from(rx: tokio::sync::watch::Receiver<std::sync::Arc<BrandMatcher>>) -> Self {
        BrandFilter(rx)
    }
}

/// Native ids already produced, kept in the cursor so that feeds that send items again (RSS returns
/// the whole feed each time, overlapping windows, boosts) produce each item once, also across restarts.
pub type SeenSet = crate::bounded::BoundedSet<String>;

/// From a page listed newest first: the mentions not produced before, oldest first, now remembered.
pub fn fresh_oldest_first(
    seen: &mut SeenSet,
    newest_first: Vec<crate::model::Mention>,
    cap: usize,
) -> Vec<crate::model::Mention> {
    newest_first
        .into_iter()
        .rev()
        .filter(|m| seen.insert(m.native_id().to_string(), cap))
        .collect()
}

/// The cursor of a watermark-chained feed (Bluesky search, YouTube): the chain and the ids produced.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct ChainCursor {
    #[serde(flatten)]
    pub chain: WatermarkChain,
    #[serde(default)]
    pub seen: SeenSet,
}

impl ChainCursor {
    /// The page after this cursor: new mentions oldest first, whether to follow `next_page` now, and
    /// the cursor to store.
    pub fn page(
        &self,
        items: Vec<crate::model::Mention>,
        rejected: Vec<Rejected>,
        fetched: usize,
        next_page: Option<String>,
        max_seen: usize,
    ) -> Page<ChainCursor> {
        let mut next = self.clone();
        let times: Vec<DateTime<Utc>> = items.iter().filter_map(|m| m.created_at).collect();
        let mentions = fresh_oldest_first(&mut next.seen, items, max_seen);
        let more = next.chain.advance(times, next_page);
        let mut page = Page::new(mentions, next, fetched);
        page.more = more;
        page.rejected = rejected;
        page
    }
}

/// Paging back through a newest-first listing that has no `since` (YouTube) or whose `since` is coarse
/// (Bluesky search): follow the page token while a page is entirely newer than the watermark (more new
/// items may be behind it); when the chain ends, the watermark becomes the newest item the chain saw.
/// The first poll (no watermark) reads one page.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct WatermarkChain {
    /// Every item published up to this time has been read.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub watermark: Option<DateTime<Utc>>,
    /// The next page of a chain in progress.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub page: Option<String>,
    /// The newest item seen in the chain in progress.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub chain_newest: Option<DateTime<Utc>>,
}

impl WatermarkChain {
    /// Records one page (its item times and the server's next-page token); true when the next page
    /// should be fetched now.
    pub fn advance(
        &mut self,
        times: impl IntoIterator<Item = DateTime<Utc>>,
        next_page: Option<String>,
    ) -> bool {
        let (mut newest, mut oldest) = (None, None);
        for t in times {
            newest = newest.max(Some(t));
            oldest = Some(oldest.map_or(t, |o: DateTime<Utc>| o.min(t)));
        }
        self.chain_newest = self.chain_newest.max(newest);
        let more =
            matches!((self.watermark, oldest, &next_page), (Some(w), Some(o), Some(_)) if o > w);
        if more {
            self.page = next_page;
        } else {
            self.page = None;
            self.watermark = self.watermark.max(self.chain_newest.take());
        }
        more
    }
}

/// Parses an RFC 3339 time leniently (feeds also send RFC 2822 dates).
pub fn parse_time(s: &str) -> Option<DateTime<Utc>> {
    let s = s.trim();
    DateTime::parse_from_rfc3339(s)
        .or_else(|_| DateTime::parse_from_rfc2822(s))
        .ok()
        .map(|t| t.with_timezone(&Utc))
}

/// Epoch seconds (integer or float) to a time.
pub fn epoch_secs(v: f64) -> Option<DateTime<Utc>> {
    if !v.is_finite() || v < 0.0 {
        return None;
    }
    DateTime::from_timestamp(v.trunc() as i64, (v.fract() * 1e9) as u32)
}

/// Reads a secret from the environment variable named in config; the error names both.
pub fn secret_from_env(var: &str, what: &str) -> Result<String, String> {
    match std::env::var(var) {
        Ok(v) if !v.trim().is_empty() => Ok(v.trim().to_string()),
        _ => Err(format!(
            "{what}: environment variable {var} is not set (or empty)"
        )),
    }
}

/// Percent-encodes a query value.
pub fn enc(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for b in s.bytes() {
        match b {
            b'A'..=b'Z' | b'a'..=b'z' | b'0'..=b'9' | b'-' | b'_' | b'.' | b'~' => {
                out.push(b as char)
            }
            _ => out.push_str(&format!("%{b:02X}")),
        }
    }
    out
}

/// Joins a configured base URL and a path without doubling or losing the slash.
pub fn join(base: &str, path: &str) -> String {
    format!(
        "{}/{}",
        base.trim_end_matches('/'),
        path.trim_start_matches('/')
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn watermark_chain_pages_until_it_reaches_the_watermark() {
        let t = |s: i64| DateTime::from_timestamp(1_700_000_000 + s, 0).unwrap();
        let mut c = WatermarkChain::default();
        // First poll: one page, the watermark is its newest item.
        assert!(!c.advance([t(5), t(3)], Some("p2".into())));
        assert_eq!((c.watermark, c.page.clone()), (Some(t(5)), None));
        // A page wholly newer than the watermark: follow the token.
        assert!(c.advance([t(20), t(10)], Some("p2".into())));
        assert_eq!(c.page.as_deref(), Some("p2"));
        assert_eq!(c.watermark, Some(t(5)), "moved only when the chain ends");
        // Reaching the watermark ends the chain; the watermark jumps to the chain's newest.
        assert!(!c.advance([t(9), t(4)], Some("p3".into())));
        assert_eq!(
            (c.watermark, c.page.clone(), c.chain_newest),
            (Some(t(20)), None, None)
        );
        // An empty page keeps everything.
        assert!(!c.advance([], None));
        assert_eq!(c.watermark, Some(t(20)));
    }

    #[test]
    fn times_and_encoding() {
        assert!(parse_time("2019-07-16T22:00:37Z").is_some());
        assert!(parse_time("Tue, 10 Jun 2003 04:00:00 GMT").is_some());
        assert!(parse_time("Sat, Dec 16 2023 02:02:33 PM").is_none());
        assert_eq!(
            epoch_secs(1_400_000_000.5).unwrap().timestamp_millis(),
            1_400_000_000_500
        );
        assert_eq!(enc("a b&c/ü"), "a%20b%26c%2F%C3%BC");
        assert_eq!(join("http://h/", "/x"), "http://h/x");
    }
}
