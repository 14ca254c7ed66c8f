//! YouTube Data API v3 `commentThreads.list` for one video or one channel, optionally narrowed by
//! `searchTerms` (API key from the environment).
//!
//! There is no `since` parameter: with `order=time` a poll pages with `nextPageToken` until it reaches
//! comments older than the watermark (the newest comment of the previous complete poll), then moves the
//! watermark. A quota answer (`403 quotaExceeded`) is treated as a rate limit: the loop backs off
//! instead of spending more quota on errors.

use chrono::{DateTime, Utc};
use serde::Deserialize;

use super::profiles::{Profile, parse_youtube_channels};
use super::text::{canonical_url, fold_whitespace, html_to_text};
use super::{
    ChainCursor, Feed, Page, ParseError, Request, Response, enc, join, map_items, parse_time,
};
use crate::config::YoutubeConfig;
use crate::model::{Mention, SourceRef};

/// See [`ChainCursor`].
pub type Cursor = ChainCursor;

#[derive(Deserialize)]
#[serde(rename_all = "camelCase")]
struct ListResponse {
    #[serde(default)]
    items: Vec<serde_json::Value>,
    #[serde(default)]
    next_page_token: Option<String>,
}

pub struct Youtube {
    source: SourceRef,
    cfg: YoutubeConfig,
    key: String,
}

impl Youtube {
    pub fn new(cfg: YoutubeConfig, key: String) -> Self {
        Youtube {
            source: SourceRef {
                kind: "youtube".into(),
                name: cfg.name.clone(),
            },
            cfg,
            key,
        }
    }
}

/// A comment thread's top-level comment as a Mention (with its publish time); `None` without text.
pub fn thread_to_mention(
    source: &SourceRef,
    item: &serde_json::Value,
) -> Result<Option<Mention>, String> {
    let id = item
        .get("id")
        .and_then(|v| v.as_str())
        .ok_or("thread without id")?;
    let thread = item.get("snippet").ok_or("thread without snippet")?;
    let c = thread
        .pointer("/topLevelComment/snippet")
        .ok_or("thread without topLevelComment.snippet")?;
    let s = |k: &str| c.get(k).and_then(|v| v.as_str());
    let text = s("textOriginal")
        .map(fold_whitespace)
        .or_else(|| s("textDisplay").map(html_to_text))
        .unwrap_or_default();
    if text.is_empty() {
        return Ok(None);
    }
    let mut m = Mention::new(source, id, text);
    m.created_at = s("publishedAt").and_then(parse_time);
    m.author.name = s("authorDisplayName").map(str::to_string);
    m.author.handle = m.author.name.clone();
    m.author.id = c
        .get("authorChannelId")
        .and_then(|v| v.get("value"))
        .and_then(|v| v.as_str())
        .map(str::to_string);
    m.engagement.likes = c.get("likeCount").and_then(|v| v.as_u64());
    m.engagement.replies = thread.get("totalReplyCount").and_then(|v| v.as_u64());
    let video = s("videoId").or_else(|| thread.get("videoId").and_then(|v| v.as_str()));
    m.url =
        video.and_then(|v| canonical_url(&format!("https://www.youtube.com/watch?v={v}&lc={id}")));
    m.thread_id = video.map(str::to_string);
    Ok(Some(m))
}

impl Feed for Youtube {
    type Cursor = Cursor;

    fn source(&self) -> &SourceRef {
        &self.source
    }

    fn request(&self, cursor: &Cursor) -> Request {
        let mut q = String::from(
            "youtube/v3/commentThreads?part=snippet&order=time&maxResults=100&textFormat=plainText",
        );
        if let Some(v) = &self.cfg.video_id {
            q.push_str(&format!("&videoId={}", enc(v)));
        }
        if let Some(ch) = &self.cfg.channel_id {
            q.push_str(&format!("&allThreadsRelatedToChannelId={}", enc(ch)));
        }
        if let Some(t) = &self.cfg.search_terms {
            q.push_str(&format!("&searchTerms={}", enc(t)));
        }
        if let Some(p) = &cursor.chain.page {
            q.push_str(&format!("&pageToken={}", enc(p)));
        }
        q.push_str(&format!("&key={}", enc(&self.key)));
        Request::get(join(&self.cfg.endpoint, &q)).header("Accept", "application/json")
    }

    fn parse(
        &self,
        cursor: &Cursor,
        resp: &Response,
        _now: DateTime<Utc>,
    ) -> Result<Page<Cursor>, ParseError> {
        let r: ListResponse = resp.json()?;
        let (comments, rejected) = map_items(&r.items, |i| thread_to_mention(&self.source, i));
        Ok(cursor.page(
            comments,
            rejected,
            r.items.len(),
            r.next_page_token,
            self.cfg.max_seen,
        ))
    }

    /// Subscriber counts from `channels.list` (one quota unit per 50 channels).
    fn profiles_request(&self, author_ids: &[String]) -> Option<Request> {
        Some(
            Request::get(join(
                &self.cfg.endpoint,
                &format!(
                    "youtube/v3/channels?part=statistics,snippet&maxResults=50&id={}&key={}",
                    enc(&author_ids.join(",")),
                    enc(&self.key)
                ),
            ))
            .header("Accept", "application/json"),
        )
    }

    fn parse_profiles(&self, resp: &Response) -> Result<Vec<(String, Profile)>, ParseError> {
        parse_youtube_channels(&resp.body).map_err(ParseError)
    }

    fn profile_batch(&self) -> usize {
        50
    }

    fn is_rate_limited(&self, resp: &Response) -> bool {
        if resp.status != 403 {
            return false;
        }
        let Ok(v) = serde_json::from_slice::<serde_json::Value>(&resp.body) else {
            return false;
        };
        v.pointer("/error/errors")
            .and_then(|e| e.as_array())
            .is_some_and(|errs| {
                errs.iter().any(|e| {
                    matches!(
                        e.get("reason").and_then(|r| r.as_str()),
                        Some("quotaExceeded" | "rateLimitExceeded" | "dailyLimitExceeded")
                    )
                })
            })
    }
}
