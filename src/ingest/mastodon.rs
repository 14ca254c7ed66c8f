//! Mastodon: a hashtag timeline or the public timeline (keyless on most servers), or v2 status search
//! (user token from the environment).
//!
//! Catch-up pages forward with `min_id` (the page immediately newer than the cursor), following the
//! `Link: rel="prev"` URL's `min_id`, until a page comes back short. Never `since_id`: it returns the
//! newest page above the id, so a burst larger than a page would leave a gap. An empty page (no Link
//! header) keeps the cursor. A boost is the booster's copy of someone else's status: it is counted once,
//! as the inner status, keyed by that status's global `uri`.

use chrono::{DateTime, Utc};
use serde::{Deserialize, Deserializer, Serialize};

use super::text::{canonical_url, html_to_text};
use super::{
    Feed, Page, ParseError, Request, Response, SeenSet, enc, fresh_oldest_first, join, map_items,
    parse_time,
};
use crate::config::{MastodonConfig, MastodonTimeline};
use crate::model::{Mention, SourceRef};

/// Mastodon's page size maximum.
pub const LIMIT: usize = 40;

#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct Cursor {
    /// The newest status id read; the next request asks for what is newer.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub min_id: Option<String>,
    /// Inner-status uris produced lately (boosts of an old status arrive with new outer ids).
    #[serde(default)]
    pub seen: SeenSet,
}

/// Ids are strings, "not guaranteed to be a number"; some servers send numbers anyway.
fn id_string<'de, D: Deserializer<'de>>(d: D) -> Result<String, D::Error> {
    Ok(match serde_json::Value::deserialize(d)? {
        serde_json::Value::String(s) => s,
        serde_json::Value::Number(n) => n.to_string(),
        other => return Err(serde::de::Error::custom(format!("id is {other}"))),
    })
}

fn opt_id<'de, D: Deserializer<'de>>(d: D) -> Result<Option<String>, D::Error> {
    Ok(match Option::<serde_json::Value>::deserialize(d)? {
        Some(serde_json::Value::String(s)) => Some(s),
        Some(serde_json::Value::Number(n)) => Some(n.to_string()),
        _ => None,
    })
}

#[derive(Debug, Deserialize)]
pub struct Account {
    #[serde(default)]
    pub acct: String,
    #[serde(default)]
    pub display_name: String,
    #[serde(default)]
    pub url: Option<String>,
    #[serde(default)]
    pub bot: Option<bool>,
    #[serde(default)]
    pub followers_count: Option<u64>,
    #[serde(default)]
    pub following_count: Option<u64>,
    #[serde(default)]
    pub statuses_count: Option<u64>,
    #[serde(default)]
    pub created_at: Option<String>,
}

#[derive(Debug, Deserialize)]
pub struct Status {
    #[serde(deserialize_with = "id_string")]
    pub id: String,
    pub uri: String,
    #[serde(default)]
    pub url: Option<String>,
    #[serde(default)]
    pub content: String,
    #[serde(default)]
    pub spoiler_text: Option<String>,
    #[serde(default)]
    pub language: Option<String>,
    #[serde(default)]
    pub created_at: Option<String>,
    pub account: Account,
    #[serde(default)]
    pub replies_count: Option<u64>,
    #[serde(default)]
    pub reblogs_count: Option<u64>,
    #[serde(default)]
    pub favourites_count: Option<u64>,
    #[serde(default, deserialize_with = "opt_id")]
    pub in_reply_to_id: Option<String>,
    #[serde(default)]
    pub reblog: Option<Box<Status>>,
}

#[derive(Deserialize)]
struct SearchResult {
    #[serde(default)]
    statuses: Vec<serde_json::Value>,
}

/// Orders Mastodon ids: numerically when both are numbers (by length, then digits), else lexically.
pub fn id_cmp(a: &str, b: &str) -> std::cmp::Ordering {
    a.len().cmp(&b.len()).then_with(|| a.cmp(b))
}

/// A parameter of the URL with the given `rel` in a `Link` header.
pub fn link_param(link: &str, rel: &str, param: &str) -> Option<String> {
    for part in link.split(',') {
        let (url, attrs) = part.split_once(';')?;
        let is_rel = attrs
            .split(';')
            .any(|a| a.trim().trim_start_matches("rel=").trim_matches('"') == rel);
        if !is_rel {
            continue;
        }
        let url = url.trim().trim_start_matches('<').trim_end_matches('>');
        let u = reqwest::Url::parse(url).ok()?;
        return u
            .query_pairs()
            .find(|(k, _)| k == param)
            .map(|(_, v)| v.into_owned());
    }
    None
}

/// A status (the inner one of a boost) as a Mention keyed by its global uri.
pub fn status_to_mention(source: &SourceRef, s: &Status) -> Mention {
    let s = s.reblog.as_deref().unwrap_or(s);
    let body = html_to_text(&s.content);
    let text = match s.spoiler_text.as_deref().map(str::trim) {
        Some(cw) if !cw.is_empty() => format!("{cw}\n{body}"),
        _ => body,
    };
    let mut m = Mention::new(source, &s.uri, text);
    m.url = s
        .url
        .as_deref()
        .and_then(canonical_url)
        .or_else(|| canonical_url(&s.uri));
    m.lang = s.language.clone().filter(|l| !l.is_empty());
    m.created_at = s.created_at.as_deref().and_then(parse_time);
    let a = &s.account;
    m.author.id = a.url.clone().or_else(|| Some(a.acct.clone()));
    m.author.handle = (!a.acct.is_empty()).then(|| format!("@{}", a.acct));
    m.author.name = (!a.display_name.is_empty()).then(|| a.display_name.clone());
    m.author.followers = a.followers_count;
    m.author.following = a.following_count;
    m.author.posts = a.statuses_count;
    m.author.bot = a.bot;
    m.author.created_at = a.created_at.as_deref().and_then(parse_time);
    m.engagement.likes = s.favourites_count;
    m.engagement.reposts = s.reblogs_count;
    m.engagement.replies = s.replies_count;
    m.in_reply_to = s.in_reply_to_id.clone();
    m
}

pub struct Mastodon {
    source: SourceRef,
    cfg: MastodonConfig,
    token: Option<String>,
}

impl Mastodon {
    /// `token`: the access token read from `token_env`, if configured.
    pub fn new(cfg: MastodonConfig, token: Option<String>) -> Self {
        Mastodon {
            source: SourceRef {
                kind: "mastodon".into(),
                name: cfg.name.clone(),
            },
            cfg,
            token,
        }
    }
}

impl Feed for Mastodon {
    type Cursor = Cursor;

    fn source(&self) -> &SourceRef {
        &self.source
    }

    fn request(&self, cursor: &Cursor) -> Request {
        let base = &self.cfg.instance;
        let mut url = match self.cfg.timeline {
            MastodonTimeline::Tag => join(
                base,
                &format!(
                    "api/v1/timelines/tag/{}?limit={LIMIT}",
                    enc(self.cfg.hashtag.as_deref().unwrap_or_default())
                ),
            ),
            MastodonTimeline::Public => {
                let local = if self.cfg.local { "&local=true" } else { "" };
                join(
                    base,
                    &format!("api/v1/timelines/public?limit={LIMIT}{local}"),
                )
            }
            MastodonTimeline::Search => join(
                base,
                &format!(
                    "api/v2/search?type=statuses&limit={LIMIT}&q={}",
                    enc(self.cfg.query.as_deref().unwrap_or_default())
                ),
            ),
        };
        if let Some(id) = &cursor.min_id {
            url.push_str(&format!("&min_id={}", enc(id)));
        }
        Request::get(url)
            .header("Accept", "application/json")
            .bearer(self.token.as_deref())
    }

    fn parse(
        &self,
        cursor: &Cursor,
        resp: &Response,
        _now: DateTime<Utc>,
    ) -> Result<Page<Cursor>, ParseError> {
        let statuses: Vec<serde_json::Value> = match self.cfg.timeline {
            MastodonTimeline::Search => resp.json::<SearchResult>()?.statuses,
            _ => resp.json()?,
        };
        let mut next = cursor.clone();
        if statuses.is_empty() {
            // No Link header on an empty page: keep the cursor.
            return Ok(Page::new(Vec::new(), next, 0));
        }
        // Every item's id moves the cursor, also one whose status cannot be read (it goes to the DLQ).
        let newest = statuses
            .iter()
            .filter_map(|s| match s.get("id")? {
                serde_json::Value::String(id) => Some(id.clone()),
                serde_json::Value::Number(n) => Some(n.to_string()),
                _ => None,
            })
            .max_by(|a, b| id_cmp(a, b));
        let from_link = resp
            .header("link")
            .and_then(|l| link_param(l, "prev", "min_id"));
        // The cursor only moves forward: an older page (a backfill, a reordered answer) never drags
        // it back, or the next poll would produce what it already did.
        next.min_id = [cursor.min_id.clone(), from_link, newest]
            .into_iter()
            .flatten()
            .max_by(|a, b| id_cmp(a, b));
        let (page, rejected) = map_items(&statuses, |v| {
            let s = Status::deserialize(v).map_err(|e| format!("status: {e}"))?;
            Ok(Some(status_to_mention(&self.source, &s)))
        });
        // Keyed by the inner status's uri: a boost of a status produced before is not new.
        let mentions = fresh_oldest_first(&mut next.seen, page, self.cfg.max_seen);
        let mut page = Page::new(mentions, next, statuses.len());
        page.rejected = rejected;
        // A full page forward of a known cursor means more may be waiting right behind it.
        page.more = cursor.min_id.is_some() && statuses.len() >= LIMIT;
        Ok(page)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn link_header_prev_min_id() {
        let l = r#"<http://localhost:3000/api/v1/accounts/1/statuses?max_id=109>; rel="next", <http://localhost:3000/api/v1/accounts/1/statuses?min_id=113>; rel="prev""#;
        assert_eq!(link_param(l, "prev", "min_id").as_deref(), Some("113"));
        assert_eq!(link_param(l, "next", "max_id").as_deref(), Some("109"));
        assert_eq!(link_param("garbage", "prev", "min_id"), None);
    }

    #[test]
    fn ids_compare_as_numbers() {
        assert!(id_cmp("109", "1000").is_lt());
        assert!(id_cmp("110", "109").is_gt());
    }
}
