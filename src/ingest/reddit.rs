//! Reddit: subreddit `new` posts or `comments`, or search with `sort=new`; OAuth (`oauth.reddit.com`,
//! bearer token from the environment) or keyless (`www.reddit.com/….json`, much lower rate limit).
//! Always `raw_json=1`, so text comes without `&amp;` escaping.
//!
//! `before=<newest fullname>` returns only newer items, but if that item is deleted it returns nothing,
//! forever. So, as PRAW's stream does: `before` is sent only after a poll that found something new; after
//! an empty poll the listing is read without it (with a varying `limit`, which defeats caches), and a
//! bounded seen-set drops what was produced already.

use chrono::{DateTime, Utc};
use serde::{Deserialize, Serialize};

use super::text::{canonical_url, fold_whitespace};
use super::{
    Feed, Page, ParseError, Request, Response, SeenSet, enc, epoch_secs, fresh_oldest_first, join,
    map_items,
};
use crate::config::{RedditConfig, RedditListing};
use crate::model::{Mention, SourceRef};

#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct Cursor {
    /// Fullname of the newest item of the last poll that found something new.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub before: Option<String>,
    /// Polls in a row that found nothing new (varies `limit`).
    #[serde(default)]
    pub empty_polls: u32,
    #[serde(default)]
    pub seen: SeenSet,
}

#[derive(Deserialize)]
struct Listing {
    data: ListingData,
}

#[derive(Deserialize)]
struct ListingData {
    #[serde(default)]
    children: Vec<Thing>,
}

#[derive(Deserialize)]
struct Thing {
    #[serde(default)]
    kind: String,
    #[serde(default)]
    data: serde_json::Value,
}

pub struct Reddit {
    source: SourceRef,
    cfg: RedditConfig,
    token: Option<String>,
}

impl Reddit {
    pub fn new(cfg: RedditConfig, token: Option<String>) -> Self {
        Reddit {
            source: SourceRef {
                kind: "reddit".into(),
                name: cfg.name.clone(),
            },
            cfg,
            token,
        }
    }

    fn base(&self) -> String {
        self.cfg.endpoint.clone().unwrap_or_else(|| {
            if self.token.is_some() {
                "https://oauth.reddit.com".into()
            } else {
                "https://www.reddit.com".into()
            }
        })
    }
}

/// A post (`t3`) or comment (`t1`) as a Mention keyed by its fullname.
pub fn thing_to_mention(
    source: &SourceRef,
    kind: &str,
    d: &serde_json::Value,
) -> Result<Option<Mention>, String> {
    let s = |k: &str| d.get(k).and_then(|v| v.as_str()).map(str::to_string);
    let n = |k: &str| d.get(k).and_then(|v| v.as_u64());
    if kind != "t1" && kind != "t3" {
        return Ok(None);
    }
    let name = s("name")
        .or_else(|| s("id").map(|id| format!("{kind}_{id}")))
        .ok_or("no name or id")?;
    let text = match kind {
        "t3" => {
            let title = s("title").unwrap_or_default();
            match s("selftext").filter(|t| !t.trim().is_empty()) {
                Some(body) => format!("{title}\n{body}"),
                None => title,
            }
        }
        _ => s("body").unwrap_or_default(),
    };
    let text = fold_whitespace(&text);
    if text.is_empty() {
        return Ok(None);
    }
    let mut m = Mention::new(source, &name, text);
    m.url = s("permalink")
        .and_then(|p| canonical_url(&join("https://www.reddit.com", &p)))
        .or_else(|| s("url").and_then(|u| canonical_url(&u)));
    m.created_at = d
        .get("created_utc")
        .and_then(|v| v.as_f64())
        .and_then(epoch_secs);
    if let Some(a) = s("author").filter(|a| a != "[deleted]") {
        m.author.handle = Some(format!("u/{a}"));
        m.author.name = Some(a);
        m.author.id = s("author_fullname");
    }
    m.engagement.likes = n("ups").or_else(|| n("score"));
    m.engagement.replies = n("num_comments");
    if kind == "t1" {
        m.in_reply_to = s("parent_id");
        m.thread_id = s("link_id");
    } else {
        m.thread_id = Some(name);
    }
    Ok(Some(m))
}

impl Feed for Reddit {
    type Cursor = Cursor;

    fn source(&self) -> &SourceRef {
        &self.source
    }

    fn request(&self, cursor: &Cursor) -> Request {
        let json = if self.token.is_some() { "" } else { ".json" };
        let path = match (&self.cfg.subreddit, &self.cfg.query, self.cfg.listing) {
            (Some(sub), None, RedditListing::New) => format!("r/{}/new{json}?", enc(sub)),
            (Some(sub), None, RedditListing::Comments) => {
                format!("r/{}/comments{json}?", enc(sub))
            }
            (Some(sub), Some(q), _) => format!(
                "r/{}/search{json}?q={}&restrict_sr=1&sort=new&t=all&",
                enc(sub),
                enc(q)
            ),
            (None, q, _) => format!(
                "search{json}?q={}&sort=new&t=all&",
                enc(q.as_deref().unwrap_or_default())
            ),
        };
        // After an empty poll, vary the page size (71..=100) so no cache answers for Reddit.
        let limit = if cursor.before.is_some() {
            100
        } else {
            71 + (cursor.empty_polls * 7) % 30
        };
        let mut url = join(&self.base(), &format!("{path}limit={limit}&raw_json=1"));
        if let Some(b) = &cursor.before {
            url.push_str(&format!("&before={}", enc(b)));
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
        let listing: Listing = resp.json()?;
        let children = listing.data.children;
        let mut next = cursor.clone();
        let (listing, rejected) = map_items(children.iter().map(|t| &t.data), {
            let mut kinds = children.iter().map(|t| t.kind.as_str());
            move |d| thing_to_mention(&self.source, kinds.next().unwrap_or_default(), d)
        });
        let mentions = fresh_oldest_first(&mut next.seen, listing, self.cfg.max_seen);
        match mentions.last().map(|m| m.native_id().to_string()) {
            Some(n) => {
                next.before = Some(n);
                next.empty_polls = 0;
            }
            None => {
                next.before = None;
                next.empty_polls = next.empty_polls.wrapping_add(1);
            }
        }
        let mut page = Page::new(mentions, next, children.len());
        page.rejected = rejected;
        Ok(page)
    }
}
