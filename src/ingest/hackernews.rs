//! Hacker News through Algolia's `search_by_date` (newest first).
//!
//! Algolia stops paging at 1,000 hits, so a catch-up never pages deep: it reads the time window
//! `created_at_i > high-water − overlap` page by page, and when the window holds more than 1,000 hits
//! it halves the window (`created_at_i <= hi`) until it fits, reads it, then moves on to the rest. New
//! hits arriving during a chain push older ones to later pages, which can only repeat a hit, never skip
//! one; the seen-set drops the repeats. Algolia's typo tolerance matches too much ("apple" finds
//! "applauded"), so every hit is re-checked against the brand queries before it is produced.

use chrono::{DateTime, Utc};
use serde::{Deserialize, Serialize};

use super::text::{fold_whitespace, html_to_text};
use super::{
    BrandFilter, Feed, Page, ParseError, Request, Response, SeenSet, enc, epoch_secs,
    fresh_oldest_first, join, map_items,
};
use crate::config::HackerNewsConfig;
use crate::model::{Mention, SourceRef};

/// Algolia's paging cap: hits beyond it cannot be reached by page number.
pub const HIT_CAP: u64 = 1000;

#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct Cursor {
    /// Every hit up to this `created_at_i` has been read.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub high_water: Option<i64>,
    /// A window being read page by page.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub window: Option<Window>,
    #[serde(default)]
    pub seen: SeenSet,
}

#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct Window {
    /// Exclusive lower bound (`created_at_i > lo`); `None` on the very first poll (newest page only).
    pub lo: Option<i64>,
    /// Inclusive upper bound, set when the window had to be narrowed.
    pub hi: Option<i64>,
    pub page: u32,
    /// Newest `created_at_i` read in this window.
    pub newest: Option<i64>,
}

#[derive(Deserialize)]
#[serde(rename_all = "camelCase")]
struct SearchResponse {
    #[serde(default)]
    hits: Vec<serde_json::Value>,
    #[serde(default)]
    nb_hits: u64,
    #[serde(default)]
    nb_pages: u32,
}

#[derive(Debug, Deserialize)]
pub struct Hit {
    #[serde(rename = "objectID")]
    pub object_id: String,
    #[serde(default)]
    pub title: Option<String>,
    #[serde(default)]
    pub url: Option<String>,
    #[serde(default)]
    pub story_text: Option<String>,
    #[serde(default)]
    pub comment_text: Option<String>,
    #[serde(default)]
    pub author: Option<String>,
    #[serde(default)]
    pub created_at_i: Option<i64>,
    #[serde(default)]
    pub points: Option<i64>,
    #[serde(default)]
    pub num_comments: Option<i64>,
    #[serde(default)]
    pub story_id: Option<i64>,
    #[serde(default)]
    pub parent_id: Option<i64>,
}

/// A hit as a Mention (stories: title and text; comments: the comment).
pub fn hit_to_mention(source: &SourceRef, h: &Hit) -> Option<Mention> {
    let title = h.title.as_deref().map(html_to_text).unwrap_or_default();
    let body = h
        .comment_text
        .as_deref()
        .or(h.story_text.as_deref())
        .map(html_to_text)
        .unwrap_or_default();
    let text = fold_whitespace(&match (title.is_empty(), body.is_empty()) {
        (false, false) => format!("{title}\n{body}"),
        (false, true) => title,
        _ => body,
    });
    if text.is_empty() || h.object_id.is_empty() {
        return None;
    }
    let mut m = Mention::new(source, &h.object_id, text);
    m.url = Some(format!(
        "https://news.ycombinator.com/item?id={}",
        h.object_id
    ));
    m.created_at = h.created_at_i.and_then(|t| epoch_secs(t as f64));
    if let Some(a) = h.author.as_deref().filter(|a| !a.is_empty()) {
        m.author.handle = Some(a.to_string());
        m.author.name = Some(a.to_string());
        m.author.id = Some(format!("https://news.ycombinator.com/user?id={a}"));
    }
    m.engagement.likes = h.points.and_then(|p| u64::try_from(p).ok());
    m.engagement.replies = h.num_comments.and_then(|p| u64::try_from(p).ok());
    m.in_reply_to = h.parent_id.map(|p| p.to_string());
    m.thread_id = h.story_id.map(|p| p.to_string());
    Some(m)
}

pub struct HackerNews {
    source: SourceRef,
    cfg: HackerNewsConfig,
    brands: BrandFilter,
}

impl HackerNews {
    pub fn new(cfg: HackerNewsConfig, brands: impl Into<BrandFilter>) -> Self {
        HackerNews {
            source: SourceRef {
                kind: "hackernews".into(),
                name: cfg.name.clone(),
            },
            cfg,
            brands: brands.into(),
        }
    }

    /// The window the next request reads: the one in progress, or a new one from the high-water mark.
    fn window(&self, cursor: &Cursor) -> Window {
        cursor.window.clone().unwrap_or_else(|| Window {
            lo: cursor
                .high_water
                .map(|hw| hw - self.cfg.overlap_secs as i64),
            ..Window::default()
        })
    }
}

impl Feed for HackerNews {
    type Cursor = Cursor;

    fn source(&self) -> &SourceRef {
        &self.source
    }

    fn request(&self, cursor: &Cursor) -> Request {
        let w = self.window(cursor);
        let mut filters = Vec::new();
        if let Some(lo) = w.lo {
            filters.push(format!("created_at_i>{lo}"));
        }
        if let Some(hi) = w.hi {
            filters.push(format!("created_at_i<={hi}"));
        }
        let mut url = join(
            &self.cfg.endpoint,
            &format!(
                "api/v1/search_by_date?query={}&tags={}&hitsPerPage={}&page={}",
                enc(&self.cfg.query),
                enc(&self.cfg.tags),
                self.cfg.hits_per_page,
                w.page
            ),
        );
        if !filters.is_empty() {
            url.push_str(&format!("&numericFilters={}", enc(&filters.join(","))));
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
        let mut w = self.window(cursor);
        let mut next = cursor.clone();
        let newest_hit = r
            .hits
            .iter()
            .filter_map(|h| h.get("created_at_i")?.as_i64())
            .max();
        // Too many hits to page through: halve the window and start it again.
        if w.page == 0 && r.nb_hits > HIT_CAP && w.lo.is_some() {
            let lo = w.lo.unwrap_or_default();
            let top = w.hi.or(newest_hit).unwrap_or(lo);
            if top - lo > 1 {
                w.hi = Some(lo + (top - lo) / 2);
                next.window = Some(w);
                let mut page = Page::new(Vec::new(), next, r.hits.len());
                page.more = true;
                return Ok(page);
            }
        }
        let (hits, rejected) = map_items(&r.hits, |v| {
            let h = Hit::deserialize(v).map_err(|e| format!("hit: {e}"))?;
            Ok(hit_to_mention(&self.source, &h))
        });
        let fresh = fresh_oldest_first(&mut next.seen, hits, self.cfg.max_seen);
        let brands = self.brands.current();
        let (mentions, dropped): (Vec<Mention>, Vec<Mention>) =
            fresh.into_iter().partition(|m| brands.matches_any(&m.text));
        let filtered = dropped.len();
        w.newest = w.newest.max(newest_hit);
        let last_page = r.hits.is_empty() || w.page + 1 >= r.nb_pages;
        let more = if !last_page && w.lo.is_some() {
            w.page += 1;
            next.window = Some(w);
            true
        } else {
            // Window read in full: everything up to its top is in.
            let top = w.hi.or(w.newest);
            next.high_water = next.high_water.max(top);
            next.window = None;
            // A narrowed window leaves the part above it to read now.
            w.hi.is_some()
        };
        let mut page = Page::new(mentions, next, r.hits.len());
        page.more = more;
        page.filtered = filtered;
        page.rejected = rejected;
        Ok(page)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::classify::brands::BrandMatcher;
    use crate::config::{BrandConfig, PollConfig};
    use std::sync::Arc;

    fn matcher(query: &str) -> Arc<BrandMatcher> {
        Arc::new(
            BrandMatcher::new(&[BrandConfig {
                name: "B".into(),
                query: query.into(),
                exclude: vec![],
                lexicon: Default::default(),
            }])
            .unwrap(),
        )
    }

    #[test]
    fn a_reloaded_brand_list_reaches_the_filter() {
        let (tx, rx) = tokio::sync::watch::channel(matcher("acme"));
        let hn = HackerNews::new(
            HackerNewsConfig {
                name: "hn".into(),
                endpoint: "http://127.0.0.1:1".into(),
                query: "zeta".into(),
                tags: "(story,comment)".into(),
                overlap_secs: 60,
                hits_per_page: 100,
                max_seen: 100,
                poll: PollConfig::default(),
            },
            rx,
        );
        let body = br#"{"hits":[{"objectID":"1","comment_text":"my Zeta phone","created_at_i":1700000000}],"nbHits":1,"nbPages":1}"#;
        let resp = Response {
            status: 200,
            headers: Default::default(),
            body: body.to_vec(),
        };
        let p = hn.parse(&Cursor::default(), &resp, Utc::now()).unwrap();
        assert_eq!((p.mentions.len(), p.filtered), (0, 1));
        tx.send(matcher("acme OR zeta")).unwrap();
        let p = hn.parse(&Cursor::default(), &resp, Utc::now()).unwrap();
        assert_eq!((p.mentions.len(), p.filtered), (1, 0));
    }
}
