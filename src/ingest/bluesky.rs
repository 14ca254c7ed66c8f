//! Bluesky `app.bsky.feed.searchPosts` (authenticated: Bluesky refuses anonymous search since 2025),
//! and the post-record mapping the Jetstream source shares.
//!
//! Login is `com.atproto.server.createSession` with a handle and an app password from the environment;
//! the poll loop logs in again when a token expires (401). Each poll asks for `sort=latest` posts
//! `since` the watermark minus an overlap, pages with `cursor` while pages stay newer than the
//! watermark, and de-duplicates on the post `uri`.

use chrono::{DateTime, Utc};
use serde::Deserialize;

use super::profiles::{Profile, parse_bsky_profiles};
use super::text::fold_whitespace;
use super::{
    ChainCursor, Feed, Page, ParseError, Request, Response, enc, join, map_items, parse_time,
};
use crate::config::BlueskySearchConfig;
use crate::model::{Mention, SourceRef};

/// A post record (`app.bsky.feed.post`) as a Mention keyed by its `at://` uri.
pub fn post_to_mention(
    source: &SourceRef,
    did: &str,
    rkey: &str,
    record: &serde_json::Value,
    handle: Option<&str>,
) -> Option<Mention> {
    let text = fold_whitespace(record.get("text")?.as_str()?);
    if text.is_empty() {
        return None;
    }
    let uri = format!("at://{did}/app.bsky.feed.post/{rkey}");
    let mut m = Mention::new(source, &uri, text);
    m.url = Some(format!(
        "https://bsky.app/profile/{}/post/{rkey}",
        handle.unwrap_or(did)
    ));
    m.lang = record
        .get("langs")
        .and_then(|l| l.as_array())
        .and_then(|l| l.first())
        .and_then(|l| l.as_str())
        .map(str::to_string);
    m.created_at = record
        .get("createdAt")
        .and_then(|t| t.as_str())
        .and_then(parse_time);
    m.author.id = Some(did.to_string());
    m.author.handle = handle.map(|h| format!("@{h}"));
    m.in_reply_to = record
        .pointer("/reply/parent/uri")
        .and_then(|v| v.as_str())
        .map(str::to_string);
    m.thread_id = record
        .pointer("/reply/root/uri")
        .and_then(|v| v.as_str())
        .map(str::to_string);
    Some(m)
}

/// `did` and `rkey` of an `at://did/collection/rkey` uri.
pub fn split_uri(uri: &str) -> Option<(&str, &str)> {
    let rest = uri.strip_prefix("at://")?;
    let mut parts = rest.split('/');
    let did = parts.next()?;
    let _collection = parts.next()?;
    let rkey = parts.next()?;
    Some((did, rkey))
}

/// A `postView` (search results) as a Mention; `None` without text.
pub fn post_view_to_mention(
    source: &SourceRef,
    p: &serde_json::Value,
) -> Result<Option<Mention>, String> {
    let uri = p
        .get("uri")
        .and_then(|u| u.as_str())
        .ok_or("post without uri")?;
    let (did, rkey) =
        split_uri(uri).ok_or_else(|| format!("uri {uri:?} is not at://did/collection/rkey"))?;
    let author = p.get("author");
    let handle = author
        .and_then(|a| a.get("handle"))
        .and_then(|h| h.as_str());
    let record = p.get("record").ok_or("post without record")?;
    let Some(mut m) = post_to_mention(source, did, rkey, record, handle) else {
        return Ok(None);
    };
    m.author.name = author
        .and_then(|a| a.get("displayName"))
        .and_then(|n| n.as_str())
        .filter(|n| !n.is_empty())
        .map(str::to_string);
    m.author.followers = author
        .and_then(|a| a.get("followersCount"))
        .and_then(|n| n.as_u64());
    let n = |k: &str| p.get(k).and_then(|v| v.as_u64());
    m.engagement.likes = n("likeCount");
    m.engagement.reposts = n("repostCount").map(|r| r + n("quoteCount").unwrap_or(0));
    m.engagement.replies = n("replyCount");
    if m.created_at.is_none() {
        m.created_at = p
            .get("indexedAt")
            .and_then(|t| t.as_str())
            .and_then(parse_time);
    }
    Ok(Some(m))
}

/// See [`ChainCursor`].
pub type Cursor = ChainCursor;

#[derive(Deserialize)]
struct SearchResponse {
    #[serde(default)]
    posts: Vec<serde_json::Value>,
    #[serde(default)]
    cursor: Option<String>,
}

pub struct BlueskySearch {
    source: SourceRef,
    cfg: BlueskySearchConfig,
    identifier: String,
    password: String,
}

impl BlueskySearch {
    pub fn new(cfg: BlueskySearchConfig, identifier: String, password: String) -> Self {
        BlueskySearch {
            source: SourceRef {
                kind: "bluesky_search".into(),
                name: cfg.name.clone(),
            },
            cfg,
            identifier,
            password,
        }
    }
}

impl Feed for BlueskySearch {
    type Cursor = Cursor;

    fn source(&self) -> &SourceRef {
        &self.source
    }

    fn request(&self, cursor: &Cursor) -> Request {
        let mut url = join(
            &self.cfg.endpoint,
            &format!(
                "xrpc/app.bsky.feed.searchPosts?q={}&sort=latest&limit=100",
                enc(&self.cfg.query)
            ),
        );
        if let Some(w) = cursor.chain.watermark {
            let since = w - chrono::Duration::seconds(self.cfg.overlap_secs as i64);
            url.push_str(&format!(
                "&since={}",
                enc(&since.to_rfc3339_opts(chrono::SecondsFormat::Millis, true))
            ));
        }
        if let Some(c) = &cursor.chain.page {
            url.push_str(&format!("&cursor={}", enc(c)));
        }
        Request::get(url).header("Accept", "application/json")
    }

    fn parse(
        &self,
        cursor: &Cursor,
        resp: &Response,
        _now: DateTime<Utc>,
    ) -> Result<Page<Cursor>, ParseError> {
        let r: SearchResponse = resp.json()?;
        let (posts, rejected) = map_items(&r.posts, |p| post_view_to_mention(&self.source, p));
        Ok(cursor.page(posts, rejected, r.posts.len(), r.cursor, self.cfg.max_seen))
    }

    /// Follower counts are not in search results: `getProfiles`, 25 actors a call, with the session.
    fn profiles_request(&self, author_ids: &[String]) -> Option<Request> {
        let actors: Vec<String> = author_ids
            .iter()
            .map(|d| format!("actors={}", enc(d)))
            .collect();
        Some(
            Request::get(join(
                &self.cfg.endpoint,
                &format!("xrpc/app.bsky.actor.getProfiles?{}", actors.join("&")),
            ))
            .header("Accept", "application/json"),
        )
    }

    fn parse_profiles(&self, resp: &Response) -> Result<Vec<(String, Profile)>, ParseError> {
        parse_bsky_profiles(&resp.body).map_err(ParseError)
    }

    fn login(&self) -> Option<Request> {
        Some(Request {
            url: join(&self.cfg.endpoint, "xrpc/com.atproto.server.createSession"),
            headers: vec![("Accept".into(), "application/json".into())],
            json_body: Some(serde_json::json!({
                "identifier": self.identifier,
                "password": self.password,
            })),
        })
    }

    /// An expired or revoked session is a 400 `ExpiredToken` (or `InvalidToken`), not a 401.
    fn auth_expired(&self, resp: &Response) -> bool {
        if resp.status == 401 {
            return true;
        }
        resp.status == 400
            && serde_json::from_slice::<serde_json::Value>(&resp.body).is_ok_and(|v| {
                matches!(
                    v.get("error").and_then(|e| e.as_str()),
                    Some("ExpiredToken" | "InvalidToken")
                )
            })
    }

    fn parse_login(&self, resp: &Response) -> Result<String, ParseError> {
        let v: serde_json::Value = resp.json()?;
        v.get("accessJwt")
            .and_then(|t| t.as_str())
            .map(str::to_string)
            .ok_or_else(|| ParseError("createSession answer has no accessJwt".into()))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn uri_parts() {
        assert_eq!(
            split_uri("at://did:plc:abc/app.bsky.feed.post/3k2"),
            Some(("did:plc:abc", "3k2"))
        );
        assert_eq!(split_uri("https://x"), None);
    }
}
