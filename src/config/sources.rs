//! `[[sources]]`: one table per feed, `kind` selects the source. Every HTTP source takes an optional
//! `[sources.poll]` table (interval, timeout, body cap, backoff); credentials are never in the file, only
//! the names of the environment variables that hold them.

use std::collections::BTreeMap;
use std::path::PathBuf;

use serde::Deserialize;

/// Default User-Agent: names the software and where to learn about it, as Reddit and Mastodon ask.
pub const USER_AGENT: &str =
    "earshot/0.1 (social listening; +https://github.com/earshot-dev/earshot)";

#[derive(Debug, Clone, Deserialize)]
#[serde(tag = "kind", rename_all = "snake_case", deny_unknown_fields)]
pub enum SourceConfig {
    Replay(ReplaySourceConfig),
    Rss(RssConfig),
    Mastodon(MastodonConfig),
    BlueskyJetstream(JetstreamConfig),
    BlueskySearch(BlueskySearchConfig),
    Reddit(RedditConfig),
    Hackernews(HackerNewsConfig),
    AppStore(AppStoreConfig),
    Youtube(YoutubeConfig),
    Webhook(WebhookConfig),
}

impl SourceConfig {
    pub fn name(&self) -> &str {
        match self {
            SourceConfig::Replay(c) => &c.name,
            SourceConfig::Rss(c) => &c.name,
            SourceConfig::Mastodon(c) => &c.name,
            SourceConfig::BlueskyJetstream(c) => &c.name,
            SourceConfig::BlueskySearch(c) => &c.name,
            SourceConfig::Reddit(c) => &c.name,
            SourceConfig::Hackernews(c) => &c.name,
            SourceConfig::AppStore(c) => &c.name,
            SourceConfig::Youtube(c) => &c.name,
            SourceConfig::Webhook(c) => &c.name,
        }
    }

    pub fn kind(&self) -> &'static str {
        match self {
            SourceConfig::Replay(_) => "replay",
            SourceConfig::Rss(_) => "rss",
            SourceConfig::Mastodon(_) => "mastodon",
            SourceConfig::BlueskyJetstream(_) => "bluesky_jetstream",
            SourceConfig::BlueskySearch(_) => "bluesky_search",
            SourceConfig::Reddit(_) => "reddit",
            SourceConfig::Hackernews(_) => "hackernews",
            SourceConfig::AppStore(_) => "app_store",
            SourceConfig::Youtube(_) => "youtube",
            SourceConfig::Webhook(_) => "webhook",
        }
    }

    /// The poll settings of an HTTP source, with its kind's default interval filled in.
    pub fn poll(&self) -> Option<PollConfig> {
        let (p, default_interval) = match self {
            SourceConfig::Rss(c) => (&c.poll, 300.0),
            SourceConfig::Mastodon(c) => (&c.poll, 60.0),
            SourceConfig::BlueskySearch(c) => (&c.poll, 60.0),
            // Keyless Reddit allows ~10 requests a minute; OAuth ~100.
            SourceConfig::Reddit(c) => (&c.poll, 60.0),
            // Algolia asks for at most one request a second; mentions are not that frequent.
            SourceConfig::Hackernews(c) => (&c.poll, 120.0),
            SourceConfig::AppStore(c) => (&c.poll, 900.0),
            // 10,000 quota units a day: one call every 5 minutes per source uses 288.
            SourceConfig::Youtube(c) => (&c.poll, 300.0),
            _ => return None,
        };
        let mut p = p.clone();
        if p.interval_secs <= 0.0 {
            p.interval_secs = default_interval;
        }
        Some(p)
    }
}

/// Timing and limits of the shared poll loop.
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields, default)]
pub struct PollConfig {
    /// Seconds between polls; 0 = the kind's default (RSS 300, Mastodon 60, Hacker News 120, …).
    pub interval_secs: f64,
    /// Each interval is stretched or shrunk by up to this fraction, so sources do not poll in lockstep.
    pub jitter_ratio: f64,
    pub timeout_secs: u64,
    /// Larger responses are abandoned (counted as `too_large`) without being parsed.
    pub max_body_bytes: usize,
    pub backoff_initial_secs: f64,
    pub backoff_max_secs: u64,
    /// A rate-limit reset further away than this is waited in steps of this length.
    pub max_rate_limit_wait_secs: u64,
    /// Pages fetched back to back in one catch-up before waiting a full interval.
    pub max_pages_per_poll: usize,
    /// Pause between pages of one catch-up.
    pub page_delay_secs: f64,
    pub user_agent: String,
}

impl Default for PollConfig {
    fn default() -> Self {
        PollConfig {
            interval_secs: 0.0,
            jitter_ratio: 0.1,
            timeout_secs: 30,
            max_body_bytes: 10 * 1024 * 1024,
            backoff_initial_secs: 2.0,
            backoff_max_secs: 600,
            max_rate_limit_wait_secs: 3600,
            max_pages_per_poll: 10,
            page_delay_secs: 1.0,
            user_agent: USER_AGENT.into(),
        }
    }
}

#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ReplaySourceConfig {
    pub name: String,
    /// JSON-lines file of Mentions (relative to the config file's directory).
    pub path: PathBuf,
    /// Mentions per second; 0 means as fast as the broker acknowledges.
    #[serde(default = "default_rate")]
    pub rate_per_sec: f64,
    /// Start again at the top with fresh ids and timestamps when the file ends.
    #[serde(default, rename = "loop")]
    pub loop_forever: bool,
    /// Lines longer than this go to the DLQ instead of being parsed.
    #[serde(default = "default_max_line_bytes")]
    pub max_line_bytes: usize,
}

fn default_rate() -> f64 {
    20.0
}

fn default_max_line_bytes() -> usize {
    1024 * 1024
}

/// RSS 2.0 / Atom / RSS 1.0 / JSON Feed: news, blogs, Google Alerts and Google News, Reddit and YouTube
/// feeds.
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RssConfig {
    pub name: String,
    pub url: String,
    /// Item ids remembered to skip items the feed sends again.
    #[serde(default = "default_seen")]
    pub max_seen: usize,
    #[serde(default)]
    pub poll: PollConfig,
}

fn default_seen() -> usize {
    2000
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum MastodonTimeline {
    /// `GET /api/v1/timelines/tag/:hashtag` (keyless on most servers).
    Tag,
    /// `GET /api/v1/timelines/public`.
    Public,
    /// `GET /api/v2/search?type=statuses` (needs a user token).
    Search,
}

#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct MastodonConfig {
    pub name: String,
    /// Server base URL, e.g. `https://mastodon.social`.
    pub instance: String,
    pub timeline: MastodonTimeline,
    /// For `timeline = "tag"`: the tag without `#`.
    #[serde(default)]
    pub hashtag: Option<String>,
    /// For `timeline = "search"`: the search text.
    #[serde(default)]
    pub query: Option<String>,
    /// Public timeline of this server only.
    #[serde(default)]
    pub local: bool,
    /// Environment variable holding an access token (required for search; optional otherwise).
    #[serde(default)]
    pub token_env: Option<String>,
    #[serde(default = "default_seen")]
    pub max_seen: usize,
    #[serde(default)]
    pub poll: PollConfig,
}

#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct JetstreamConfig {
    pub name: String,
    /// Jetstream subscribe URL (without query).
    #[serde(default = "default_jetstream")]
    pub url: String,
    /// AppView for `app.bsky.actor.getProfiles` (reach); keyless.
    #[serde(default = "default_bsky_appview")]
    pub profiles_url: String,
    /// On reconnect, resume this many seconds before the stored cursor (events are de-duplicated).
    #[serde(default = "default_rewind")]
    pub rewind_secs: u64,
    /// Profiles remembered (reach and handle) to save lookups.
    #[serde(default = "default_profile_cache")]
    pub profile_cache_size: usize,
    /// Matching posts produced per batch at most; a batch is also closed every second.
    #[serde(default = "default_batch")]
    pub max_batch: usize,
    /// WebSocket messages larger than this are dropped and counted.
    #[serde(default = "default_ws_message")]
    pub max_message_bytes: usize,
    #[serde(default = "default_backoff_max")]
    pub backoff_max_secs: u64,
    #[serde(default = "default_user_agent")]
    pub user_agent: String,
}

fn default_jetstream() -> String {
    "wss://jetstream2.us-east.bsky.network/subscribe".into()
}
fn default_bsky_appview() -> String {
    "https://public.api.bsky.app".into()
}
fn default_rewind() -> u64 {
    5
}
fn default_profile_cache() -> usize {
    50_000
}
fn default_batch() -> usize {
    200
}
fn default_ws_message() -> usize {
    1024 * 1024
}
fn default_backoff_max() -> u64 {
    300
}
fn default_user_agent() -> String {
    USER_AGENT.into()
}

#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct BlueskySearchConfig {
    pub name: String,
    /// The account's PDS (or `https://bsky.social`), where `createSession` and `searchPosts` are called.
    #[serde(default = "default_bsky_pds")]
    pub endpoint: String,
    /// Lucene-like query, e.g. `lumora`.
    pub query: String,
    /// Environment variables with the account handle and an app password.
    pub identifier_env: String,
    pub password_env: String,
    /// Each poll asks for posts since the newest seen minus this overlap (de-duplicated by uri).
    #[serde(default = "default_overlap")]
    pub overlap_secs: u64,
    #[serde(default = "default_seen")]
    pub max_seen: usize,
    #[serde(default)]
    pub poll: PollConfig,
}

fn default_bsky_pds() -> String {
    "https://bsky.social".into()
}
fn default_overlap() -> u64 {
    120
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Deserialize, Default)]
#[serde(rename_all = "snake_case")]
pub enum RedditListing {
    /// New posts (`/r/{sub}/new`, or search with `sort=new`).
    #[default]
    New,
    /// New comments (`/r/{sub}/comments`).
    Comments,
}

#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RedditConfig {
    pub name: String,
    /// `https://oauth.reddit.com` with a token, `https://www.reddit.com` without (the default follows
    /// `token_env`).
    #[serde(default)]
    pub endpoint: Option<String>,
    /// Subreddit without `r/`; with `query`, the search is restricted to it.
    #[serde(default)]
    pub subreddit: Option<String>,
    /// Search text (`/search?sort=new`).
    #[serde(default)]
    pub query: Option<String>,
    #[serde(default)]
    pub listing: RedditListing,
    /// Environment variable with an OAuth bearer token (app-only or user).
    #[serde(default)]
    pub token_env: Option<String>,
    #[serde(default = "default_seen")]
    pub max_seen: usize,
    #[serde(default)]
    pub poll: PollConfig,
}

#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct HackerNewsConfig {
    pub name: String,
    #[serde(default = "default_algolia")]
    pub endpoint: String,
    /// Algolia query text; every hit is re-checked against the brand queries.
    pub query: String,
    #[serde(default = "default_hn_tags")]
    pub tags: String,
    #[serde(default = "default_overlap")]
    pub overlap_secs: u64,
    #[serde(default = "default_hits")]
    pub hits_per_page: u32,
    #[serde(default = "default_seen")]
    pub max_seen: usize,
    #[serde(default)]
    pub poll: PollConfig,
}

fn default_algolia() -> String {
    "https://hn.algolia.com".into()
}
fn default_hn_tags() -> String {
    "(story,comment)".into()
}
fn default_hits() -> u32 {
    100
}

#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct AppStoreConfig {
    pub name: String,
    #[serde(default = "default_itunes")]
    pub endpoint: String,
    /// Numeric App Store id.
    pub app_id: String,
    /// Two-letter storefront country, e.g. `us`.
    #[serde(default = "default_country")]
    pub country: String,
    /// The brand's language in this storefront, if known (`lang` on each review).
    #[serde(default)]
    pub lang: Option<String>,
    #[serde(default = "default_seen")]
    pub max_seen: usize,
    #[serde(default)]
    pub poll: PollConfig,
}

fn default_itunes() -> String {
    "https://itunes.apple.com".into()
}
fn default_country() -> String {
    "us".into()
}

#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct YoutubeConfig {
    pub name: String,
    #[serde(default = "default_youtube")]
    pub endpoint: String,
    /// Environment variable with a YouTube Data API key.
    pub api_key_env: String,
    /// One of these three selects the threads.
    #[serde(default)]
    pub video_id: Option<String>,
    #[serde(default)]
    pub channel_id: Option<String>,
    /// Only threads containing these words.
    #[serde(default)]
    pub search_terms: Option<String>,
    #[serde(default = "default_seen")]
    pub max_seen: usize,
    #[serde(default)]
    pub poll: PollConfig,
}

fn default_youtube() -> String {
    "https://www.googleapis.com".into()
}

#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct WebhookConfig {
    pub name: String,
    /// Environment variable with the bearer token callers send (`Authorization: Bearer …`).
    #[serde(default)]
    pub token_env: Option<String>,
    /// Environment variable with the HMAC-SHA256 secret: callers send `X-Earshot-Timestamp` (epoch
    /// seconds) and `X-Earshot-Signature: sha256=<hex of HMAC(secret, "<timestamp>.<body>")>`.
    #[serde(default)]
    pub hmac_secret_env: Option<String>,
    #[serde(default = "default_webhook_body")]
    pub max_body_bytes: usize,
    /// Signed requests older or newer than this are refused, and a signature is accepted once.
    #[serde(default = "default_replay_window")]
    pub replay_window_secs: u64,
    /// Requests handled at once; more get 429.
    #[serde(default = "default_webhook_concurrency")]
    pub max_concurrent: usize,
    /// Mentions per request at most (a JSON array is a batch).
    #[serde(default = "default_webhook_batch")]
    pub max_batch: usize,
    /// Field mapping for payloads that are not Mentions: Mention field → JSON pointer into each item,
    /// e.g. `{ id = "/event_id", text = "/message/body", "author.handle" = "/user/name" }`.
    #[serde(default)]
    pub fields: BTreeMap<String, String>,
}

fn default_webhook_body() -> usize {
    1024 * 1024
}
fn default_replay_window() -> u64 {
    300
}
fn default_webhook_concurrency() -> usize {
    64
}
fn default_webhook_batch() -> usize {
    1000
}

/// Mention fields a webhook mapping may fill.
pub const WEBHOOK_FIELDS: &[&str] = &[
    "id",
    "text",
    "url",
    "lang",
    "created_at",
    "in_reply_to",
    "thread_id",
    "author.id",
    "author.handle",
    "author.name",
    "author.followers",
    "author.following",
    "author.posts",
    "author.verified",
    "author.bot",
    "engagement.likes",
    "engagement.reposts",
    "engagement.replies",
    "engagement.views",
];

/// Checks one source; problems are pushed with the `sources[i]` key path. `env` is the process
/// environment (credentials must be present at start-up, not discovered missing at the first poll).
pub fn validate_source(
    i: usize,
    s: &SourceConfig,
    env: &[(String, String)],
    problems: &mut Vec<String>,
) {
    let at = |k: &str| format!("sources[{i}].{k}");
    let mut url = |k: &str, v: &str, schemes: &[&str]| match reqwest::Url::parse(v) {
        Ok(u) if schemes.contains(&u.scheme()) => {}
        Ok(u) => problems.push(format!(
            "{}: scheme {:?} is not one of {schemes:?}",
            at(k),
            u.scheme()
        )),
        Err(e) => problems.push(format!("{}: {v:?} is not a URL ({e})", at(k))),
    };
    const HTTP: &[&str] = &["http", "https"];
    match s {
        SourceConfig::Replay(_) => {}
        SourceConfig::Rss(c) => url("url", &c.url, HTTP),
        SourceConfig::Mastodon(c) => url("instance", &c.instance, HTTP),
        SourceConfig::BlueskyJetstream(c) => {
            url("url", &c.url, &["ws", "wss"]);
            url("profiles_url", &c.profiles_url, HTTP);
        }
        SourceConfig::BlueskySearch(c) => url("endpoint", &c.endpoint, HTTP),
        SourceConfig::Reddit(c) => {
            if let Some(e) = &c.endpoint {
                url("endpoint", e, HTTP)
            }
        }
        SourceConfig::Hackernews(c) => url("endpoint", &c.endpoint, HTTP),
        SourceConfig::AppStore(c) => url("endpoint", &c.endpoint, HTTP),
        SourceConfig::Youtube(c) => url("endpoint", &c.endpoint, HTTP),
        SourceConfig::Webhook(_) => {}
    }
    let env_set = |var: &str| env.iter().any(|(k, v)| k == var && !v.trim().is_empty());
    let mut need_env = |k: &str, var: &Option<String>, required: bool| match var {
        Some(v) if !env_set(v) => {
            problems.push(format!("{}: environment variable {v} is not set", at(k)))
        }
        None if required => problems.push(format!("{}: required", at(k))),
        _ => {}
    };
    match s {
        SourceConfig::Mastodon(c) => {
            need_env(
                "token_env",
                &c.token_env,
                c.timeline == MastodonTimeline::Search,
            );
            match c.timeline {
                MastodonTimeline::Tag
                    if c.hashtag.as_deref().is_none_or(|h| {
                        h.trim().is_empty() || h.starts_with('#') || h.contains('/')
                    }) =>
                {
                    problems.push(format!(
                        "{}: timeline \"tag\" needs a hashtag without '#'",
                        at("hashtag")
                    ))
                }
                MastodonTimeline::Search if c.query.as_deref().is_none_or(str::is_empty) => {
                    problems.push(format!(
                        "{}: timeline \"search\" needs a query",
                        at("query")
                    ))
                }
                _ => {}
            }
        }
        SourceConfig::BlueskySearch(c) => {
            need_env("identifier_env", &Some(c.identifier_env.clone()), true);
            need_env("password_env", &Some(c.password_env.clone()), true);
        }
        SourceConfig::Reddit(c) => {
            need_env("token_env", &c.token_env, false);
            if c.subreddit.is_none() && c.query.is_none() {
                problems.push(format!(
                    "{}: give a subreddit, a query, or both",
                    at("subreddit")
                ));
            }
            if c.query.is_some() && c.listing == RedditListing::Comments {
                problems.push(format!(
                    "{}: search returns posts; listing \"comments\" needs a subreddit and no query",
                    at("listing")
                ));
            }
        }
        SourceConfig::Youtube(c) => {
            need_env("api_key_env", &Some(c.api_key_env.clone()), true);
            let n = [&c.video_id, &c.channel_id]
                .iter()
                .filter(|v| v.is_some())
                .count();
            if n == 0 && c.search_terms.is_none() || n > 1 {
                problems.push(format!(
                    "{}: give exactly one of video_id or channel_id (search_terms narrows either)",
                    at("video_id")
                ));
            }
            if n == 0 && c.search_terms.is_some() {
                problems.push(format!(
                    "{}: the API needs a video_id or channel_id to search within",
                    at("search_terms")
                ));
            }
        }
        SourceConfig::Webhook(c) => {
            need_env("token_env", &c.token_env, false);
            need_env("hmac_secret_env", &c.hmac_secret_env, false);
            if c.token_env.is_none() && c.hmac_secret_env.is_none() {
                problems.push(format!(
                    "{}: a webhook needs token_env or hmac_secret_env (unauthenticated pushes are refused)",
                    at("token_env")
                ));
            }
            if c.max_body_bytes < 1024 {
                problems.push(format!("{}: must be at least 1024", at("max_body_bytes")));
            }
            if c.max_concurrent == 0 || c.max_batch == 0 {
                problems.push(format!("{}: must be at least 1", at("max_concurrent")));
            }
            for (field, ptr) in &c.fields {
                if !WEBHOOK_FIELDS.contains(&field.as_str()) {
                    problems.push(format!(
                        "{}: unknown Mention field (expected one of {})",
                        at(&format!("fields.{field}")),
                        WEBHOOK_FIELDS.join(", ")
                    ));
                }
                if !ptr.is_empty() && !ptr.starts_with('/') {
                    problems.push(format!(
                        "{}: {ptr:?} is not a JSON pointer (starts with '/')",
                        at(&format!("fields.{field}"))
                    ));
                }
            }
            let mapped = !c.fields.is_empty();
            if mapped && !(c.fields.contains_key("id") && c.fields.contains_key("text")) {
                problems.push(format!(
                    "{}: a mapping needs at least id and text",
                    at("fields")
                ));
            }
        }
        SourceConfig::AppStore(c) => {
            if c.app_id.is_empty() || !c.app_id.chars().all(|ch| ch.is_ascii_digit()) {
                problems.push(format!(
                    "{}: must be the numeric App Store id",
                    at("app_id")
                ));
            }
            if c.country.len() != 2 || !c.country.chars().all(|ch| ch.is_ascii_alphabetic()) {
                problems.push(format!(
                    "{}: must be a two-letter country code",
                    at("country")
                ));
            }
        }
        SourceConfig::Hackernews(c) => {
            if c.query.trim().is_empty() {
                problems.push(format!("{}: must not be empty", at("query")));
            }
            if !(1..=1000).contains(&c.hits_per_page) {
                problems.push(format!("{}: must be 1..=1000", at("hits_per_page")));
            }
        }
        _ => {}
    }
    if let Some(p) = s.poll() {
        if !(p.interval_secs.is_finite() && p.interval_secs >= 0.1) {
            problems.push(format!(
                "{}: must be at least 0.1",
                at("poll.interval_secs")
            ));
        }
        if !(0.0..=0.5).contains(&p.jitter_ratio) {
            problems.push(format!(
                "{}: must be within 0..=0.5",
                at("poll.jitter_ratio")
            ));
        }
        if p.timeout_secs == 0 {
            problems.push(format!("{}: must be at least 1", at("poll.timeout_secs")));
        }
        if p.max_body_bytes < 1024 {
            problems.push(format!(
                "{}: must be at least 1024",
                at("poll.max_body_bytes")
            ));
        }
        if !(p.backoff_initial_secs.is_finite() && p.backoff_initial_secs > 0.0) {
            problems.push(format!("{}: must be > 0", at("poll.backoff_initial_secs")));
        }
        if p.max_pages_per_poll == 0 {
            problems.push(format!(
                "{}: must be at least 1",
                at("poll.max_pages_per_poll")
            ));
        }
        if !(p.page_delay_secs.is_finite() && p.page_delay_secs >= 0.0) {
            problems.push(format!("{}: must be >= 0", at("poll.page_delay_secs")));
        }
        if p.user_agent.trim().is_empty() {
            problems.push(format!("{}: must not be empty", at("poll.user_agent")));
        }
    }
}
