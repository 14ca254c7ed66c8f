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
pub mod hackernews;
pub mod jetstream;
pub mod mastodon;
pub mod poll;
pub mod reddit;
pub mod replay;
pub mod rss;
pub mod sink;
pub mod text;
pub mod webhook;
pub mod youtube;

use std::collections::{HashSet, VecDeque};
use std::time::Duration;

use chrono::{DateTime, Utc};
use reqwest::header::HeaderMap;
use serde::de::DeserializeOwned;
use serde::{Deserialize, Serialize};

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

    /// Whether a 4xx other than 429 is really a quota or rate limit (YouTube answers 403
    /// `quotaExceeded`).
    fn is_rate_limited(&self, _resp: &Response) -> bool {
        false
    }
}

/// A bounded, insertion-ordered set of native ids already produced, kept in the cursor so that feeds
/// that re-send items (RSS returns the whole feed each time, overlapping windows) produce each item once,
/// also across restarts. The oldest ids are forgotten first.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(from = "VecDeque<String>", into = "VecDeque<String>")]
pub struct SeenSet {
    order: VecDeque<String>,
    set: HashSet<String>,
}

impl From<VecDeque<String>> for SeenSet {
    fn from(order: VecDeque<String>) -> Self {
        let set = order.iter().cloned().collect();
        SeenSet { order, set }
    }
}

impl From<SeenSet> for VecDeque<String> {
    fn from(s: SeenSet) -> Self {
        s.order
    }
}

impl SeenSet {
    pub fn contains(&self, id: &str) -> bool {
        self.set.contains(id)
    }

    /// Remembers `id`; true when it was new. Keeps at most `cap` ids.
    pub fn insert(&mut self, id: &str, cap: usize) -> bool {
        if self.set.contains(id) {
            return false;
        }
        self.set.insert(id.to_string());
        self.order.push_back(id.to_string());
        while self.order.len() > cap.max(1) {
            if let Some(old) = self.order.pop_front() {
                self.set.remove(&old);
            }
        }
        true
    }

    pub fn len(&self) -> usize {
        self.order.len()
    }

    pub fn is_empty(&self) -> bool {
        self.order.is_empty()
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
    fn seen_set_is_bounded_and_round_trips() {
        let mut s = SeenSet::default();
        assert!(s.insert("a", 2));
        assert!(!s.insert("a", 2));
        assert!(s.insert("b", 2));
        assert!(s.insert("c", 2));
        assert!(!s.contains("a"));
        let json = serde_json::to_string(&s).unwrap();
        assert_eq!(json, r#"["b","c"]"#);
        let back: SeenSet = serde_json::from_str(&json).unwrap();
        assert!(back.contains("b") && back.contains("c") && back.len() == 2);
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
