//! The one poll loop every HTTP source runs: wait (interval with jitter, or backoff, or what the rate-limit
//! headers say), ask the feed for a request, fetch it with a timeout and a body cap, hand a 2xx to the
//! feed, produce its mentions, and store the cursor once they are acknowledged. Shutdown-aware at every
//! wait; a stop never interrupts a produce-then-checkpoint step half way.

use std::time::Duration;

use chrono::{DateTime, Utc};
use reqwest::header::HeaderMap;
use tokio::time::Instant;
use tokio_util::sync::CancellationToken;

use super::profiles::ProfileCache;
use super::sink::{Sink, SinkError, checkpoint_key};
use super::{Feed, Page, Request, Response};
use crate::config::PollConfig;
use crate::telemetry;

/// Why a fetch produced no response.
#[derive(Debug, Clone, PartialEq, thiserror::Error)]
pub enum FetchError {
    #[error("timed out after {0:?}")]
    Timeout(Duration),
    #[error("response body larger than {0} bytes")]
    TooLarge(usize),
    #[error("{0}")]
    Transport(String),
}

impl FetchError {
    fn outcome(&self) -> &'static str {
        match self {
            FetchError::Timeout(_) => "timeout",
            FetchError::TooLarge(_) => "too_large",
            FetchError::Transport(_) => "error",
        }
    }
}

/// Makes HTTP requests. [`HttpTransport`] in production; tests script responses to run the loop under
/// paused time.
pub trait Transport: Send + Sync + 'static {
    fn fetch(
        &self,
        req: &Request,
        timeout: Duration,
        max_body: usize,
    ) -> impl std::future::Future<Output = Result<Response, FetchError>> + Send;
}

/// reqwest with the source's User-Agent, gzip, and no automatic retries.
#[derive(Clone)]
pub struct HttpTransport {
    client: reqwest::Client,
}

impl HttpTransport {
    pub fn new(user_agent: &str) -> Result<Self, String> {
        let client = reqwest::Client::builder()
            .user_agent(user_agent)
            .connect_timeout(Duration::from_secs(10))
            .redirect(reqwest::redirect::Policy::limited(5))
            .build()
            .map_err(|e| format!("cannot build HTTP client: {e}"))?;
        Ok(HttpTransport { client })
    }
}

impl Transport for HttpTransport {
    async fn fetch(
        &self,
        req: &Request,
        timeout: Duration,
        max_body: usize,
    ) -> Result<Response, FetchError> {
        let work = async {
            let mut rb = match &req.json_body {
                Some(body) => self.client.post(&req.url).json(body),
                None => self.client.get(&req.url),
            };
            for (k, v) in &req.headers {
                rb = rb.header(k, v);
            }
            let mut resp = rb
                .send()
                .await
                .map_err(|e| FetchError::Transport(error_chain(&e)))?;
            if resp.content_length().is_some_and(|n| n > max_body as u64) {
                return Err(FetchError::TooLarge(max_body));
            }
            let status = resp.status().as_u16();
            let headers = resp.headers().clone();
            let mut body = Vec::new();
            while let Some(chunk) = resp
                .chunk()
                .await
                .map_err(|e| FetchError::Transport(error_chain(&e)))?
            {
                if body.len() + chunk.len() > max_body {
                    return Err(FetchError::TooLarge(max_body));
                }
                body.extend_from_slice(&chunk);
            }
            Ok(Response {
                status,
                headers,
                body,
            })
        };
        tokio::time::timeout(timeout, work)
            .await
            .map_err(|_| FetchError::Timeout(timeout))?
    }
}

fn error_chain(e: &dyn std::error::Error) -> String {
    let mut s = e.to_string();
    let mut src = e.source();
    while let Some(inner) = src {
        s.push_str(": ");
        s.push_str(&inner.to_string());
        src = inner.source();
    }
    s
}

/// What a response's headers say about the rate limit. Every form the sources use:
/// `Retry-After` (seconds or an HTTP date); `X-RateLimit-Reset` as an ISO-8601 time (Mastodon), as
/// seconds until the window ends (Reddit's `x-ratelimit-reset`) or as epoch seconds; `RateLimit-Reset`
/// (IETF draft; Bluesky sends epoch seconds); and the matching `…-Remaining` counts.
#[derive(Debug, Clone, Copy, Default, PartialEq)]
pub struct RateLimit {
    pub retry_after: Option<Duration>,
    pub reset_after: Option<Duration>,
    pub remaining: Option<f64>,
}

impl RateLimit {
    pub fn from_headers(h: &HeaderMap, now: DateTime<Utc>) -> Self {
        let get = |n: &str| h.get(n).and_then(|v| v.to_str().ok()).map(str::trim);
        let retry_after = get("retry-after").and_then(|v| {
            v.parse::<f64>()
                .ok()
                .filter(|s| s.is_finite() && *s >= 0.0)
                .map(Duration::from_secs_f64)
                .or_else(|| until(super::parse_time(v)?, now))
        });
        let reset_after = ["x-ratelimit-reset", "ratelimit-reset"]
            .iter()
            .find_map(|n| get(n).and_then(|v| reset_value(v, now)));
        let remaining = ["x-ratelimit-remaining", "ratelimit-remaining"]
            .iter()
            .find_map(|n| get(n).and_then(|v| v.parse::<f64>().ok()));
        RateLimit {
            retry_after,
            reset_after,
            remaining,
        }
    }

    /// How long to wait before the next request when throttled: `Retry-After`, else the reset time.
    pub fn throttled_wait(&self) -> Option<Duration> {
        self.retry_after.or(self.reset_after)
    }

    /// The quota is spent: wait for the reset before asking again.
    pub fn exhausted(&self) -> bool {
        self.remaining.is_some_and(|r| r < 1.0)
    }
}

fn until(t: DateTime<Utc>, now: DateTime<Utc>) -> Option<Duration> {
    Some((t - now).to_std().unwrap_or(Duration::ZERO))
}

/// A reset header value: an ISO time, epoch seconds (≥ 1e9), or seconds from now.
fn reset_value(v: &str, now: DateTime<Utc>) -> Option<Duration> {
    if let Some(t) = super::parse_time(v) {
        return until(t, now);
    }
    let n: f64 = v
        .parse()
        .ok()
        .filter(|n: &f64| n.is_finite() && *n >= 0.0)?;
    if n >= 1e9 {
        until(super::epoch_secs(n)?, now)
    } else {
        Some(Duration::from_secs_f64(n))
    }
}

/// Exponential backoff with jitter: the n-th consecutive failure waits a random time in
/// `[d/2, d]` where `d = initial · 2^(n-1)`, capped at `max`. Jitter keeps many Earshot processes that
/// failed together from retrying together.
#[derive(Debug, Clone)]
pub struct Backoff {
    initial: Duration,
    max: Duration,
    failures: u32,
    rng: fastrand::Rng,
}

impl Backoff {
    pub fn new(initial: Duration, max: Duration, seed: u64) -> Self {
        Backoff {
            initial,
            max,
            failures: 0,
            rng: fastrand::Rng::with_seed(seed),
        }
    }

    /// The wait after one more failure.
    pub fn fail(&mut self) -> Duration {
        self.failures = self.failures.saturating_add(1);
        let exp = self.failures.saturating_sub(1).min(30);
        let d = self.initial.saturating_mul(1u32 << exp).min(self.max);
        let half = d / 2;
        half + half.mul_f64(self.rng.f64())
    }

    pub fn reset(&mut self) {
        self.failures = 0;
    }

    pub fn failures(&self) -> u32 {
        self.failures
    }
}

/// The interval with `± ratio` jitter.
fn jittered(interval: Duration, ratio: f64, rng: &mut fastrand::Rng) -> Duration {
    if ratio <= 0.0 {
        return interval;
    }
    let f = 1.0 + ratio * (rng.f64() * 2.0 - 1.0);
    interval.mul_f64(f.max(0.0))
}

/// What ended the loop.
#[derive(Debug, thiserror::Error)]
pub enum PollError {
    #[error(transparent)]
    Sink(#[from] SinkError),
}

/// Loads the stored cursor; a cursor that no longer parses (an older format) is reported and the source
/// starts fresh rather than not at all.
pub async fn load_cursor<C: serde::de::DeserializeOwned + Default, S: Sink>(
    sink: &S,
    source: &str,
) -> Result<C, SinkError> {
    let key = checkpoint_key(source);
    Ok(match sink.load_cursor(&key).await? {
        Some(bytes) => serde_json::from_slice(&bytes).unwrap_or_else(|e| {
            tracing::error!(source, error = %e, "stored cursor is unreadable; starting from the feed's head");
            C::default()
        }),
        None => C::default(),
    })
}

/// What one request came to, before any timing decision.
pub enum Answer<C> {
    /// A 2xx the feed could read.
    Page(Page<C>),
    /// 304: nothing new since the validators in the cursor.
    NotModified,
    /// 429, a 503 with `Retry-After`, or the feed's own quota answer; the wait the server asked for.
    RateLimited(Option<Duration>),
    /// The login token expired; it has been dropped, the next request logs in again.
    AuthExpired,
    /// The login was refused (or its answer unreadable).
    LoginFailed(String),
    /// Anything else: `outcome` is the metric label (timeout, too_large, error, server_error,
    /// client_error, malformed); `client` marks a 4xx, which will not fix itself quickly.
    Failed {
        outcome: &'static str,
        detail: String,
        client: bool,
    },
}

/// Logs in when the feed needs it and has no token, then asks for the page after `cursor` and
/// classifies the answer. Safe to drop at any await: nothing is produced or stored here.
pub async fn ask<F: Feed, T: Transport>(
    feed: &F,
    transport: &T,
    cfg: &PollConfig,
    cursor: &F::Cursor,
    token: &mut Option<String>,
) -> (Answer<F::Cursor>, RateLimit) {
    let timeout = Duration::from_secs(cfg.timeout_secs);
    let failed = |e: FetchError, what: &str| Answer::Failed {
        outcome: e.outcome(),
        detail: format!("{what}: {e}"),
        client: false,
    };
    if token.is_none()
        && let Some(login) = feed.login()
    {
        match transport.fetch(&login, timeout, cfg.max_body_bytes).await {
            Ok(r) if (200..300).contains(&r.status) => match feed.parse_login(&r) {
                Ok(t) => *token = Some(t),
                Err(e) => return (Answer::LoginFailed(e.to_string()), RateLimit::default()),
            },
            Ok(r) => {
                let detail = format!("login answered {}: {}", r.status, snippet(&r.body));
                return (Answer::LoginFailed(detail), RateLimit::default());
            }
            Err(e) => return (failed(e, "login"), RateLimit::default()),
        }
    }
    let req = feed.request(cursor).bearer(token.as_deref());
    let resp = match transport.fetch(&req, timeout, cfg.max_body_bytes).await {
        Ok(r) => r,
        Err(e) => return (failed(e, &req.url), RateLimit::default()),
    };
    let now = Utc::now();
    let limits = RateLimit::from_headers(&resp.headers, now);
    let status = resp.status;
    let answer = if status == 304 {
        Answer::NotModified
    } else if status == 429
        || (status == 503 && limits.retry_after.is_some())
        || feed.is_rate_limited(&resp)
    {
        Answer::RateLimited(limits.throttled_wait())
    } else if token.is_some() && feed.auth_expired(&resp) {
        *token = None;
        Answer::AuthExpired
    } else if !(200..300).contains(&status) {
        Answer::Failed {
            outcome: if status >= 500 {
                "server_error"
            } else {
                "client_error"
            },
            detail: format!("{} answered {status}: {}", req.url, snippet(&resp.body)),
            client: status < 500,
        }
    } else {
        match feed.parse(cursor, &resp, now) {
            Ok(p) => Answer::Page(p),
            Err(e) => Answer::Failed {
                outcome: "malformed",
                detail: format!("{}: {e}", req.url),
                client: false,
            },
        }
    };
    (answer, limits)
}

/// Authors remembered per source for reach lookups.
const PROFILE_CACHE: usize = 10_000;
/// Time all reach lookups of one page may take; what is not found by then stays absent.
const PROFILE_BUDGET: Duration = Duration::from_secs(5);

/// Fills reach (and names) for the page's authors the cache does not know, through the feed's
/// profile lookup in batches. Failures are logged and leave the fields absent.
pub async fn fill_reach<F: Feed, T: Transport>(
    feed: &F,
    transport: &T,
    cfg: &PollConfig,
    token: Option<&str>,
    cache: &mut ProfileCache,
    mentions: &mut [crate::model::Mention],
) {
    let mut missing: Vec<String> = mentions
        .iter()
        .filter_map(|m| m.author.id.clone())
        .filter(|id| cache.get(id).is_none())
        .collect();
    missing.sort();
    missing.dedup();
    let name = &feed.source().name;
    let lookups = async {
        for ids in missing.chunks(feed.profile_batch().max(1)) {
            let Some(req) = feed.profiles_request(ids) else {
                return;
            };
            let req = req.bearer(token);
            let timeout = Duration::from_secs(cfg.timeout_secs);
            match transport.fetch(&req, timeout, cfg.max_body_bytes).await {
                Ok(r) if (200..300).contains(&r.status) => match feed.parse_profiles(&r) {
                    Ok(found) => found.into_iter().for_each(|(id, p)| cache.insert(id, p)),
                    Err(e) => {
                        tracing::warn!(source = %name, error = %e, "profile answer unreadable; reach left absent")
                    }
                },
                Ok(r) => {
                    tracing::warn!(source = %name, status = r.status, body = %snippet(&r.body), "profile lookup refused; reach left absent");
                    return;
                }
                Err(e) => {
                    tracing::warn!(source = %name, error = %e, "profile lookup failed; reach left absent");
                    return;
                }
            }
        }
    };
    let _ = tokio::time::timeout(PROFILE_BUDGET, lookups).await;
    super::profiles::fill(cache, mentions);
}

/// Runs one HTTP source until `stop` fires. Returns an error only when the sink fails (Kafka gone past
/// the shutdown limit); every feed-side fault is counted, logged and retried.
pub async fn run<F: Feed, T: Transport, S: Sink>(
    feed: F,
    transport: T,
    sink: S,
    cfg: PollConfig,
    stop: CancellationToken,
) -> Result<(), PollError> {
    let name = feed.source().name.clone();
    let key = checkpoint_key(&name);
    let mut cursor: F::Cursor = load_cursor(&sink, &name).await?;
    let mut stored = serde_json::to_vec(&cursor).expect("cursor serialises");
    tracing::info!(source = %name, kind = %feed.source().kind, "source starting");
    tracing::debug!(source = %name, ?cursor, "stored cursor");
    let seed = name.bytes().fold(0xcbf2_9ce4_8422_2325u64, |h, b| {
        (h ^ b as u64).wrapping_mul(0x100_0000_01b3)
    }) ^ std::process::id() as u64;
    let mut backoff = Backoff::new(
        Duration::from_secs_f64(cfg.backoff_initial_secs),
        Duration::from_secs(cfg.backoff_max_secs),
        seed,
    );
    let mut rng = fastrand::Rng::with_seed(seed.rotate_left(17));
    let interval = Duration::from_secs_f64(cfg.interval_secs);
    let max_wait = Duration::from_secs(cfg.max_rate_limit_wait_secs);
    let mut token: Option<String> = None;
    let mut profiles = ProfileCache::new(PROFILE_CACHE);
    let mut chain = 0usize;
    let mut wait = Duration::ZERO;
    loop {
        if !wait.is_zero() {
            tokio::select! {
                _ = tokio::time::sleep(wait) => {}
                _ = stop.cancelled() => break,
            }
        }
        if stop.is_cancelled() {
            break;
        }
        let started = Instant::now();
        // A request in flight is abandoned on stop: nothing was produced from it yet.
        let (answer, limits) = tokio::select! {
            r = ask(&feed, &transport, &cfg, &cursor, &mut token) => r,
            _ = stop.cancelled() => break,
        };
        let mut page = match answer {
            Answer::Page(p) => p,
            Answer::NotModified => {
                telemetry::source_poll(&name, "not_modified");
                backoff.reset();
                chain = 0;
                wait = jittered(interval, cfg.jitter_ratio, &mut rng);
                continue;
            }
            Answer::RateLimited(asked) => {
                telemetry::source_poll(&name, "rate_limited");
                let fallback = backoff.fail();
                wait = asked.unwrap_or(fallback).min(max_wait);
                chain = 0;
                tracing::warn!(source = %name, ?wait, "rate limited; waiting as the server asks");
                continue;
            }
            Answer::AuthExpired => {
                telemetry::source_poll(&name, "unauthorized");
                wait = backoff.fail();
                tracing::info!(source = %name, "session expired; logging in again");
                continue;
            }
            Answer::LoginFailed(detail) => {
                telemetry::source_poll(&name, "auth_failed");
                wait = backoff.fail().max(Duration::from_secs(60));
                tracing::warn!(source = %name, %detail, ?wait, "login failed");
                continue;
            }
            Answer::Failed {
                outcome,
                detail,
                client,
            } => {
                telemetry::source_poll(&name, outcome);
                wait = backoff.fail();
                if client {
                    // A 4xx will not fix itself quickly (bad token, unknown tag): do not hammer.
                    wait = wait.max(interval);
                }
                chain = 0;
                tracing::warn!(source = %name, outcome, %detail, ?wait, "poll failed; cursor kept");
                continue;
            }
        };
        fill_reach(
            &feed,
            &transport,
            &cfg,
            token.as_deref(),
            &mut profiles,
            &mut page.mentions,
        )
        .await;
        telemetry::source_items(&name, "fetched", page.fetched as u64);
        if page.filtered > 0 {
            telemetry::source_items(&name, "filtered", page.filtered as u64);
        }
        if !page.mentions.is_empty() {
            sink.produce(&page.mentions).await?;
            telemetry::source_items(&name, "produced", page.mentions.len() as u64);
        }
        for r in &page.rejected {
            tracing::warn!(source = %name, detail = %r.detail, "item unreadable; sent to the DLQ");
            sink.dead_letter(&name, &r.detail, &r.raw).await?;
            telemetry::source_items(&name, "rejected", 1);
        }
        let bytes = serde_json::to_vec(&page.cursor).expect("cursor serialises");
        if bytes != stored {
            sink.save_cursor(&key, &bytes).await?;
            stored = bytes;
        }
        cursor = page.cursor;
        telemetry::source_poll(&name, "ok");
        tracing::debug!(source = %name, produced = page.mentions.len(), took = ?started.elapsed(), more = page.more, "polled");
        backoff.reset();
        chain += 1;
        wait = if page.more && chain < cfg.max_pages_per_poll {
            Duration::from_secs_f64(cfg.page_delay_secs)
        } else {
            chain = 0;
            let w = jittered(interval, cfg.jitter_ratio, &mut rng);
            page.min_interval.map_or(w, |m| w.max(m))
        };
        if limits.exhausted()
            && let Some(reset) = limits.reset_after
        {
            wait = wait.max(reset.min(max_wait));
            tracing::info!(source = %name, ?wait, "rate-limit quota spent; waiting for its reset");
        }
    }
    tracing::info!(source = %name, "source stopped");
    Ok(())
}

/// One catch-up from the feed's head, for `earshot fetch`: the pages read (at most `max_pages`,
/// `page_delay_secs` apart), or what stopped it. Nothing is produced or stored.
pub async fn fetch_pages<F: Feed, T: Transport>(
    feed: &F,
    transport: &T,
    cfg: &PollConfig,
    max_pages: usize,
) -> Result<Vec<Page<F::Cursor>>, String> {
    let mut cursor = F::Cursor::default();
    let mut token = None;
    let mut profiles = ProfileCache::new(PROFILE_CACHE);
    let mut pages = Vec::new();
    while pages.len() < max_pages {
        if !pages.is_empty() {
            tokio::time::sleep(Duration::from_secs_f64(cfg.page_delay_secs)).await;
        }
        match ask(feed, transport, cfg, &cursor, &mut token).await.0 {
            Answer::Page(mut p) => {
                let t = token.as_deref();
                fill_reach(feed, transport, cfg, t, &mut profiles, &mut p.mentions).await;
                let more = p.more;
                cursor = p.cursor.clone();
                pages.push(p);
                if !more {
                    break;
                }
            }
            Answer::NotModified => break,
            Answer::RateLimited(w) => {
                return Err(format!("rate limited (the server asks to wait {w:?})"));
            }
            Answer::AuthExpired => return Err("the login token was refused as expired".into()),
            Answer::LoginFailed(detail) => return Err(format!("login failed: {detail}")),
            Answer::Failed {
                outcome, detail, ..
            } => return Err(format!("{outcome}: {detail}")),
        }
    }
    Ok(pages)
}

/// The start of a body for a log line.
fn snippet(body: &[u8]) -> String {
    let s = String::from_utf8_lossy(&body[..body.len().min(200)]);
    s.replace(['\n', '\r'], " ")
}

#[cfg(test)]
mod tests {
    use super::*;
    use reqwest::header::HeaderValue;

    fn headers(pairs: &[(&'static str, &str)]) -> HeaderMap {
        let mut h = HeaderMap::new();
        for (k, v) in pairs {
            h.insert(*k, HeaderValue::from_str(v).unwrap());
        }
        h
    }

    #[test]
    fn every_reset_header_form() {
        let now = DateTime::parse_from_rfc3339("2026-08-01T13:59:00Z")
            .unwrap()
            .with_timezone(&Utc);
        // Mastodon: ISO time.
        let r = RateLimit::from_headers(
            &headers(&[
                ("X-RateLimit-Reset", "2026-08-01T14:00:00.070144Z"),
                ("X-RateLimit-Remaining", "0"),
            ]),
            now,
        );
        assert_eq!(r.reset_after, Some(Duration::from_micros(60_070_144)));
        assert!(r.exhausted());
        // Bluesky: epoch seconds.
        let epoch = now.timestamp() + 120;
        let r = RateLimit::from_headers(
            &headers(&[
                ("RateLimit-Reset", &epoch.to_string()),
                ("RateLimit-Remaining", "2999"),
            ]),
            now,
        );
        assert_eq!(r.reset_after, Some(Duration::from_secs(120)));
        assert!(!r.exhausted());
        // Reddit: seconds until reset, float remaining.
        let r = RateLimit::from_headers(
            &headers(&[
                ("x-ratelimit-reset", "287"),
                ("x-ratelimit-remaining", "0.0"),
            ]),
            now,
        );
        assert_eq!(r.reset_after, Some(Duration::from_secs(287)));
        assert!(r.exhausted());
        // Retry-After: seconds and HTTP date; it wins over the reset.
        let r = RateLimit::from_headers(
            &headers(&[("Retry-After", "7"), ("X-RateLimit-Reset", "100")]),
            now,
        );
        assert_eq!(r.throttled_wait(), Some(Duration::from_secs(7)));
        let r = RateLimit::from_headers(
            &headers(&[("Retry-After", "Sat, 01 Aug 2026 14:00:30 GMT")]),
            now,
        );
        assert_eq!(r.retry_after, Some(Duration::from_secs(90)));
        // A reset in the past means: now.
        let r = RateLimit::from_headers(
            &headers(&[("X-RateLimit-Reset", "2020-01-01T00:00:00Z")]),
            now,
        );
        assert_eq!(r.reset_after, Some(Duration::ZERO));
        // Garbage is ignored.
        let r = RateLimit::from_headers(
            &headers(&[("Retry-After", "soon"), ("RateLimit-Remaining", "x")]),
            now,
        );
        assert_eq!(r, RateLimit::default());
    }

    #[test]
    fn backoff_doubles_with_jitter_and_caps() {
        let mut b = Backoff::new(Duration::from_secs(1), Duration::from_secs(10), 7);
        let waits: Vec<Duration> = (0..6).map(|_| b.fail()).collect();
        let bounds = [1u64, 2, 4, 8, 10, 10];
        for (w, d) in waits.iter().zip(bounds) {
            let d = Duration::from_secs(d);
            assert!(*w >= d / 2 && *w <= d, "{w:?} not in [{:?}, {d:?}]", d / 2);
        }
        b.reset();
        assert!(b.fail() <= Duration::from_secs(1));
    }
}
