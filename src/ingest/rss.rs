//! RSS 2.0, RSS 1.0, Atom and JSON Feed (through feed-rs): news and blogs, Google Alerts and Google News
//! queries, Reddit and YouTube feeds.
//!
//! A feed returns its whole window every time, so the cursor keeps the ids already produced (bounded)
//! together with the `ETag` / `Last-Modified` validators for conditional GETs (`304` costs the server
//! nothing). Items are identified by `<guid>` / Atom `<id>`, else by their canonical link, else by a hash
//! of their title and text, so an item without a guid is still produced exactly once.

use chrono::{DateTime, Utc};
use serde::{Deserialize, Serialize};
use sha2::{Digest, Sha256};

use super::text::{canonical_url, fold_whitespace, html_to_text};
use super::{Feed, Page, ParseError, Request, Response, SeenSet, fresh_oldest_first};
use crate::config::RssConfig;
use crate::model::{Mention, SourceRef};

#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct Cursor {
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub etag: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub last_modified: Option<String>,
    #[serde(default)]
    pub seen: SeenSet,
}

pub struct Rss {
    source: SourceRef,
    cfg: RssConfig,
}

impl Rss {
    pub fn new(cfg: RssConfig) -> Self {
        Rss {
            source: SourceRef {
                kind: "rss".into(),
                name: cfg.name.clone(),
            },
            cfg,
        }
    }
}

/// Parses a feed document. Leading white space (some real feeds start with a blank line before the XML
/// declaration) is skipped; feed-rs is told to leave missing ids empty so that ours are stable.
pub fn parse_feed(body: &[u8]) -> Result<feed_rs::model::Feed, ParseError> {
    let start = body
        .iter()
        .position(|b| !b.is_ascii_whitespace())
        .unwrap_or(body.len());
    let start = if body[start..].starts_with(b"\xEF\xBB\xBF") {
        start + 3
    } else {
        start
    };
    feed_rs::parser::Builder::new()
        .id_generator(|_, _, _| String::new())
        .build()
        .parse(&body[start..])
        .map_err(|e| ParseError(format!("feed: {e}")))
}

/// The mentions of a parsed feed, in document order.
pub fn entries_to_mentions(source: &SourceRef, feed: &feed_rs::model::Feed) -> Vec<Mention> {
    let mut out = Vec::with_capacity(feed.entries.len());
    for e in &feed.entries {
        let title = e
            .title
            .as_ref()
            .map(|t| html_to_text(&t.content))
            .unwrap_or_default();
        let body = e
            .content
            .as_ref()
            .and_then(|c| c.body.as_deref())
            .map(html_to_text)
            .or_else(|| e.summary.as_ref().map(|s| html_to_text(&s.content)))
            .or_else(|| {
                e.media
                    .iter()
                    .find_map(|m| m.description.as_ref().map(|d| html_to_text(&d.content)))
            })
            .unwrap_or_default();
        let text = match (title.is_empty(), body.is_empty() || body == title) {
            (true, _) => body,
            (false, true) => title,
            (false, false) => format!("{title}\n{body}"),
        };
        let text = fold_whitespace(&text);
        let link = e
            .links
            .iter()
            .find(|l| l.rel.as_deref().is_none_or(|r| r == "alternate"))
            .or(e.links.first())
            .and_then(|l| canonical_url(&l.href));
        let native = if !e.id.trim().is_empty() {
            e.id.trim().to_string()
        } else if let Some(l) = &link {
            l.clone()
        } else {
            let mut h = Sha256::new();
            h.update(text.as_bytes());
            format!("sha256:{}", &hex::encode(h.finalize())[..32])
        };
        if text.is_empty() {
            continue;
        }
        let mut m = Mention::new(source, &native, text);
        m.url = link;
        m.lang = e
            .language
            .clone()
            .or_else(|| feed.language.clone())
            .map(|l| l.to_ascii_lowercase());
        m.created_at = e.published.or(e.updated);
        if let Some(a) = e.authors.first() {
            let name = a.name.as_deref().map(str::trim).unwrap_or_default();
            if !name.is_empty() {
                m.author.name = Some(name.to_string());
                m.author.handle = Some(name.to_string());
            }
            m.author.id = a.uri.clone().filter(|u| !u.is_empty());
        }
        if let Some(c) = e.media.iter().find_map(|m| m.community.as_ref()) {
            m.engagement.views = c.stats_views;
            m.engagement.likes = c.stats_favorites.or(c.stars_count);
        }
        out.push(m);
    }
    out
}

impl Feed for Rss {
    type Cursor = Cursor;

    fn source(&self) -> &SourceRef {
        &self.source
    }

    fn request(&self, cursor: &Cursor) -> Request {
        let mut r = Request::get(&self.cfg.url).header(
            "Accept",
            "application/atom+xml, application/rss+xml, application/xml;q=0.9, text/xml;q=0.9, application/feed+json;q=0.8, */*;q=0.5",
        );
        if let Some(e) = &cursor.etag {
            r = r.header("If-None-Match", e);
        }
        if let Some(lm) = &cursor.last_modified {
            r = r.header("If-Modified-Since", lm);
        }
        r
    }

    fn parse(
        &self,
        cursor: &Cursor,
        resp: &Response,
        _now: DateTime<Utc>,
    ) -> Result<Page<Cursor>, ParseError> {
        let feed = parse_feed(&resp.body)?;
        let items = entries_to_mentions(&self.source, &feed);
        let fetched = feed.entries.len();
        let mut next = cursor.clone();
        next.etag = resp.header("etag").map(str::to_string);
        next.last_modified = resp.header("last-modified").map(str::to_string);
        // Feeds list newest first: produce oldest first.
        let mentions = fresh_oldest_first(&mut next.seen, items, self.cfg.max_seen);
        let mut page = Page::new(mentions, next, fetched);
        page.min_interval = feed
            .ttl
            .map(|minutes| std::time::Duration::from_secs(u64::from(minutes.min(24 * 60)) * 60));
        Ok(page)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const ATOM: &str = r#"
<?xml version="1.0" encoding="utf-8"?>
<feed xmlns="http://www.w3.org/2005/Atom" xml:lang="en">
  <title>Google Alert - lumora</title>
  <entry>
    <id>tag:google.com,2013:googlealerts/feed:1</id>
    <title type="html">&lt;b&gt;Lumora&lt;/b&gt; lamps recalled</title>
    <link href="https://www.google.com/url?rct=j&amp;sa=t&amp;url=https://news.example/lumora%3Futm_source%3Dx&amp;ct=ga"/>
    <published>2026-11-20T10:00:00Z</published>
    <content type="html">The &lt;b&gt;Lumora&lt;/b&gt; Halo &amp;amp; more</content>
    <author><name></name></author>
  </entry>
</feed>"#;

    const RSS_NO_GUID: &str = r#"<rss version="2.0"><channel><title>t</title><ttl>30</ttl>
      <item><title>Second</title><description>&lt;p&gt;b&lt;/p&gt;</description></item>
      <item><title>First</title><link>https://blog.example/1#c</link><pubDate>Tue, 10 Jun 2003 04:00:00 GMT</pubDate></item>
    </channel></rss>"#;

    fn resp(body: &str, headers: &[(&'static str, &str)]) -> Response {
        let mut h = reqwest::header::HeaderMap::new();
        for (k, v) in headers {
            h.insert(*k, v.parse().unwrap());
        }
        Response {
            status: 200,
            headers: h,
            body: body.as_bytes().to_vec(),
        }
    }

    fn rss() -> Rss {
        Rss::new(RssConfig {
            name: "alerts".into(),
            url: "http://127.0.0.1:1/feed".into(),
            max_seen: 10,
            poll: Default::default(),
        })
    }

    #[test]
    fn google_alert_entry() {
        let page = rss()
            .parse(
                &Cursor::default(),
                &resp(ATOM, &[("ETag", "\"v1\"")]),
                Utc::now(),
            )
            .unwrap();
        let m = &page.mentions[0];
        assert_eq!(m.id, "alerts:tag:google.com,2013:googlealerts/feed:1");
        assert_eq!(m.text, "Lumora lamps recalled\nThe Lumora Halo & more");
        assert_eq!(m.url.as_deref(), Some("https://news.example/lumora"));
        assert_eq!(m.lang.as_deref(), Some("en"));
        assert_eq!(m.author.name, None);
        assert_eq!(page.cursor.etag.as_deref(), Some("\"v1\""));
    }

    #[test]
    fn items_without_guid_get_stable_keys_and_are_produced_once() {
        let f = rss();
        let p1 = f
            .parse(&Cursor::default(), &resp(RSS_NO_GUID, &[]), Utc::now())
            .unwrap();
        let ids: Vec<&str> = p1.mentions.iter().map(|m| m.id.as_str()).collect();
        assert_eq!(ids[0], "alerts:https://blog.example/1");
        assert!(ids[1].starts_with("alerts:sha256:"), "{ids:?}");
        assert_eq!(p1.min_interval, Some(std::time::Duration::from_secs(1800)));
        let p2 = f
            .parse(&p1.cursor, &resp(RSS_NO_GUID, &[]), Utc::now())
            .unwrap();
        assert!(p2.mentions.is_empty());
        assert_eq!(p2.fetched, 2);
    }

    #[test]
    fn conditional_get_headers_and_garbage() {
        let f = rss();
        let c = Cursor {
            etag: Some("W/\"x\"".into()),
            last_modified: Some("Tue, 10 Jun 2003 04:00:00 GMT".into()),
            seen: SeenSet::default(),
        };
        let r = f.request(&c);
        assert!(
            r.headers
                .contains(&("If-None-Match".into(), "W/\"x\"".into()))
        );
        assert!(r.headers.iter().any(|(k, _)| k == "If-Modified-Since"));
        assert!(
            f.parse(&c, &resp("<rss><channel><item>", &[]), Utc::now())
                .is_err()
        );
        assert!(
            f.parse(&c, &resp("{\"not\":\"a feed\"", &[]), Utc::now())
                .is_err()
        );
        let mut bad = resp("", &[]);
        bad.body = vec![0xff, 0xfe, b'<', 0x80];
        assert!(f.parse(&c, &bad, Utc::now()).is_err());
    }
}
