//! Apple App Store customer reviews (the public JSON feed, per app id and storefront country).
//!
//! Page 1 sorted by `mostrecent` is polled; when every review on a page is new (a burst since the last
//! poll) the next page is read too, up to the feed's own last page (10 at most, about 500 reviews), so a
//! busy day is not cut at 50. Reviews carry no reliable date; the review id is the key. An answer with no
//! `entry` at all (what the feed sends when it throttles, or for an app without reviews) keeps the cursor.

use chrono::{DateTime, Utc};
use serde::{Deserialize, Serialize};

use super::text::{canonical_url, fold_whitespace};
use super::{
    Feed, Page, ParseError, Request, Response, SeenSet, fresh_oldest_first, join, map_items,
    parse_time,
};
use crate::config::AppStoreConfig;
use crate::model::{Mention, SourceRef};

/// Apple serves at most ten pages.
pub const MAX_PAGE: u32 = 10;

#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct Cursor {
    /// The page to read next; 0 or 1 = the first page.
    #[serde(default)]
    pub page: u32,
    /// False until the first answer: the first poll reads one page only.
    #[serde(default)]
    pub started: bool,
    #[serde(default)]
    pub seen: SeenSet,
}

fn label(v: &serde_json::Value, path: &[&str]) -> Option<String> {
    let mut cur = v;
    for p in path {
        cur = cur.get(p)?;
    }
    cur.get("label")
        .and_then(|l| l.as_str())
        .map(str::to_string)
}

pub struct AppStore {
    source: SourceRef,
    cfg: AppStoreConfig,
}

impl AppStore {
    pub fn new(cfg: AppStoreConfig) -> Self {
        AppStore {
            source: SourceRef {
                kind: "app_store".into(),
                name: cfg.name.clone(),
            },
            cfg,
        }
    }
}

/// One review entry as a Mention; `None` for entries that are not reviews (the app's own entry) or
/// have no text.
pub fn entry_to_mention(
    source: &SourceRef,
    e: &serde_json::Value,
    lang: Option<&str>,
) -> Result<Option<Mention>, String> {
    let Some(stars) = label(e, &["im:rating"]) else {
        return Ok(None);
    };
    // Apple's are 1 to 5; a review whose rating is anything else keeps its text, without one.
    let rating = stars
        .trim()
        .parse::<u8>()
        .ok()
        .and_then(|s| crate::model::Rating::try_from(s).ok());
    let id = label(e, &["id"]).ok_or("review without id.label")?;
    let title = label(e, &["title"]).unwrap_or_default();
    let content = label(e, &["content"]).unwrap_or_default();
    let text = fold_whitespace(&format!("{title}\n{content}"));
    if text.is_empty() {
        return Ok(None);
    }
    let mut m = Mention::new(source, &id, text);
    m.author.name = label(e, &["author", "name"]);
    m.author.handle = m.author.name.clone();
    m.author.id = label(e, &["author", "uri"]);
    m.created_at = label(e, &["updated"]).as_deref().and_then(parse_time);
    m.url = e
        .get("link")
        .and_then(|l| l.get("attributes"))
        .and_then(|a| a.get("href"))
        .and_then(|h| h.as_str())
        .and_then(canonical_url);
    m.engagement.likes = label(e, &["im:voteSum"]).and_then(|v| v.parse().ok());
    m.lang = lang.map(str::to_string);
    m.rating = rating;
    Ok(Some(m))
}

impl Feed for AppStore {
    type Cursor = Cursor;

    fn source(&self) -> &SourceRef {
        &self.source
    }

    fn request(&self, cursor: &Cursor) -> Request {
        let page = cursor.page.clamp(1, MAX_PAGE);
        Request::get(join(
            &self.cfg.endpoint,
            &format!(
                "{}/rss/customerreviews/page={page}/id={}/sortby=mostrecent/json",
                self.cfg.country.to_ascii_lowercase(),
                self.cfg.app_id
            ),
        ))
        .header("Accept", "application/json")
    }

    fn parse(
        &self,
        cursor: &Cursor,
        resp: &Response,
        _now: DateTime<Utc>,
    ) -> Result<Page<Cursor>, ParseError> {
        let doc: serde_json::Value = resp.json()?;
        let feed = doc
            .get("feed")
            .ok_or_else(|| ParseError("no \"feed\" object".into()))?;
        let entries: Vec<&serde_json::Value> = match feed.get("entry") {
            Some(serde_json::Value::Array(a)) => a.iter().collect(),
            Some(one @ serde_json::Value::Object(_)) => vec![one],
            _ => Vec::new(),
        };
        let mut next = cursor.clone();
        if entries.is_empty() {
            next.page = 1;
            return Ok(Page::new(Vec::new(), next, 0));
        }
        let (reviews, rejected) = map_items(entries.iter().copied(), |e| {
            entry_to_mention(&self.source, e, self.cfg.lang.as_deref())
        });
        let all_new = reviews.iter().all(|m| !cursor.seen.contains(m.native_id()));
        let mentions = fresh_oldest_first(&mut next.seen, reviews, self.cfg.max_seen);
        let page_no = cursor.page.clamp(1, MAX_PAGE);
        let last = feed
            .get("link")
            .and_then(|l| l.as_array())
            .and_then(|links| {
                links.iter().find_map(|l| {
                    let a = l.get("attributes")?;
                    (a.get("rel")?.as_str()? == "last").then(|| a.get("href")?.as_str())?
                })
            })
            .and_then(|href| {
                let i = href.find("page=")? + 5;
                href[i..]
                    .split(|c: char| !c.is_ascii_digit())
                    .next()?
                    .parse::<u32>()
                    .ok()
            })
            .unwrap_or(1)
            .min(MAX_PAGE);
        let more = cursor.started && all_new && page_no < last;
        next.page = if more { page_no + 1 } else { 1 };
        next.started = true;
        let mut page = Page::new(mentions, next, entries.len());
        page.more = more;
        page.rejected = rejected;
        Ok(page)
    }
}
