//! HTTP sources driven by the real poll loop against local servers that speak each API's format
//! (loopback only): multi-page chains, empty pages, rate limits, 5xx bursts, timeouts, truncated and
//! malformed bodies, oversized bodies, restarts mid-chain. Each test asserts the exact set of mentions
//! produced (no gap, no duplicate) and the cursors stored.

mod common;

use std::collections::BTreeSet;
use std::sync::{Arc, Mutex};
use std::time::Duration;

use common::feedserver::{FeedServer, Reply, Seen, eventually};
use earshot::classify::brands::BrandMatcher;
use earshot::config::*;
use earshot::ingest::poll::{self, HttpTransport};
use earshot::ingest::sink::MemorySink;
use earshot::ingest::{Feed, appstore, bluesky, hackernews, mastodon, reddit, rss, youtube};
use tokio_util::sync::CancellationToken;

fn fast() -> PollConfig {
    PollConfig {
        interval_secs: 0.2,
        jitter_ratio: 0.0,
        timeout_secs: 1,
        max_body_bytes: 1 << 20,
        backoff_initial_secs: 0.05,
        backoff_max_secs: 1,
        max_rate_limit_wait_secs: 5,
        max_pages_per_poll: 100,
        page_delay_secs: 0.0,
        user_agent: "earshot-test/1 (+loopback)".into(),
    }
}

/// A running poll loop over a MemorySink.
struct Running {
    stop: CancellationToken,
    task: tokio::task::JoinHandle<()>,
}

fn start<F: Feed>(feed: F, sink: &MemorySink, cfg: PollConfig) -> Running {
    let stop = CancellationToken::new();
    let transport = HttpTransport::new(&cfg.user_agent).unwrap();
    let (s, st) = (sink.clone(), stop.clone());
    let task = tokio::spawn(async move {
        poll::run(feed, transport, s, cfg, st).await.unwrap();
    });
    Running { stop, task }
}

impl Running {
    async fn stop(self) {
        self.stop.cancel();
        tokio::time::timeout(Duration::from_secs(10), self.task)
            .await
            .expect("loop stops promptly")
            .unwrap();
    }
}

/// Stops the loop in the middle of a catch-up (after `pages` more requests) and starts a fresh one over
/// the same sink: the stored cursor is all that carries over, as after a process restart.
async fn restart_mid_chain<F: Feed>(
    run: Running,
    srv: &FeedServer,
    pages: usize,
    feed: F,
    sink: &MemorySink,
    cfg: PollConfig,
) -> Running {
    let n = srv.count();
    eventually(15, "mid-chain", || srv.count() >= n + pages).await;
    run.stop().await;
    start(feed, sink, cfg)
}

fn chain() -> PollConfig {
    PollConfig {
        page_delay_secs: 0.25,
        ..fast()
    }
}

fn assert_once(ids: &[String], expected: &[String]) {
    let set: BTreeSet<&String> = ids.iter().collect();
    assert_eq!(set.len(), ids.len(), "duplicates produced: {ids:?}");
    let want: BTreeSet<&String> = expected.iter().collect();
    let missing: Vec<_> = want.difference(&set).collect();
    let extra: Vec<_> = set.difference(&want).collect();
    assert!(
        missing.is_empty() && extra.is_empty(),
        "missing {missing:?}, extra {extra:?}"
    );
}

fn cursors(sink: &MemorySink, key: &str) -> Vec<serde_json::Value> {
    sink.history
        .lock()
        .unwrap()
        .iter()
        .filter(|(k, _)| k == key)
        .map(|(_, v)| serde_json::from_slice(v).unwrap())
        .collect()
}

// ---------------------------------------------------------------- Mastodon

fn status(id: u64, reblog_of: Option<u64>) -> serde_json::Value {
    let inner = |id: u64| {
        serde_json::json!({
            "id": id.to_string(),
            "uri": format!("https://social.example/users/ana/statuses/{id}"),
            "url": format!("https://social.example/@ana/{id}"),
            "content": format!("<p>Lumora lamp post {id} &amp; more</p>"),
            "spoiler_text": "",
            "language": "en",
            "created_at": "2026-11-20T10:00:00.000Z",
            "account": {"id": "7", "acct": "ana", "display_name": "Ana", "url": "https://social.example/@ana",
                        "bot": false, "followers_count": 120, "following_count": 80, "statuses_count": 900},
            "replies_count": 1, "reblogs_count": 2, "favourites_count": 3, "in_reply_to_id": null, "reblog": null
        })
    };
    let mut s = inner(id);
    if let Some(orig) = reblog_of {
        s["reblog"] = inner(orig);
        s["content"] = "".into();
    }
    s
}

/// A Mastodon timeline: statuses by ascending id, answering `min_id` / `max_id` / `limit` and sending
/// Link headers the way Mastodon does (none on an empty page).
#[derive(Clone, Default)]
struct Timeline(Arc<Mutex<Vec<serde_json::Value>>>);

impl Timeline {
    fn push(&self, items: impl IntoIterator<Item = serde_json::Value>) {
        self.0.lock().unwrap().extend(items);
    }

    fn answer(&self, s: &Seen, base: &str) -> Reply {
        assert!(s.param("since_id").is_none(), "since_id must never be used");
        let all = self.0.lock().unwrap().clone();
        let id = |v: &serde_json::Value| v["id"].as_str().unwrap().parse::<u64>().unwrap();
        let limit: usize = s.param("limit").and_then(|l| l.parse().ok()).unwrap_or(20);
        let mut page: Vec<serde_json::Value> = if let Some(min) = s.param("min_id") {
            let min: u64 = min.parse().unwrap();
            all.iter()
                .filter(|v| id(v) > min)
                .take(limit)
                .cloned()
                .collect()
        } else if let Some(max) = s.param("max_id") {
            let max: u64 = max.parse().unwrap();
            let older: Vec<_> = all.iter().filter(|v| id(v) < max).cloned().collect();
            older[older.len().saturating_sub(limit)..].to_vec()
        } else {
            all[all.len().saturating_sub(limit)..].to_vec()
        };
        page.reverse(); // newest first
        let mut r = Reply::json(serde_json::to_vec(&page).unwrap());
        if let (Some(newest), Some(oldest)) = (page.first(), page.last()) {
            let path = s.path_and_query.split('?').next().unwrap();
            r = r.header(
                "link",
                format!(
                    "<{base}{path}?max_id={}>; rel=\"next\", <{base}{path}?min_id={}>; rel=\"prev\"",
                    id(oldest),
                    id(newest)
                ),
            );
        }
        r
    }
}

fn mastodon_cfg(base: &str) -> MastodonConfig {
    MastodonConfig {
        name: "masto".into(),
        instance: base.into(),
        timeline: MastodonTimeline::Tag,
        hashtag: Some("lumora".into()),
        query: None,
        local: false,
        token_env: None,
        max_seen: 2000,
        poll: PollConfig::default(),
    }
}

async fn timeline_server(t: &Timeline) -> FeedServer {
    let base = Arc::new(Mutex::new(String::new()));
    let (t2, b2) = (t.clone(), base.clone());
    let srv = FeedServer::start(move |s| t2.answer(s, &b2.lock().unwrap())).await;
    *base.lock().unwrap() = srv.base.clone();
    srv
}

fn uri_ids(range: std::ops::RangeInclusive<u64>) -> Vec<String> {
    range
        .map(|i| format!("masto:https://social.example/users/ana/statuses/{i}"))
        .collect()
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn mastodon_catches_up_forward_with_min_id_and_counts_boosts_once() {
    let t = Timeline::default();
    t.push((1001..=1030).map(|i| status(i, None)));
    let srv = timeline_server(&t).await;
    let sink = MemorySink::default();
    let run = start(
        mastodon::Mastodon::new(mastodon_cfg(&srv.base), None),
        &sink,
        fast(),
    );
    eventually(10, "first page", || sink.ids().len() == 30).await;
    // A burst larger than a page, plus a boost of an old status (new outer id, old inner uri).
    t.push(
        (1031..=1125)
            .map(|i| status(i, None))
            .chain([status(1126, Some(1005))]),
    );
    eventually(10, "catch-up", || sink.ids().len() == 125).await;
    let n = srv.count();
    eventually(10, "two more empty polls", || srv.count() >= n + 2).await;
    run.stop().await;

    assert_once(&sink.ids(), &uri_ids(1001..=1125));
    // Produced oldest first.
    assert_eq!(sink.ids()[0], uri_ids(1001..=1001)[0]);
    let m = &sink.produced.lock().unwrap()[0];
    assert_eq!(m.text, "Lumora lamp post 1001 & more");
    assert_eq!(m.author.followers, Some(120));
    assert_eq!(m.engagement.likes, Some(3));
    // Cursor after each poll that moved it: the first page, then pages of 40 forward, then the rest.
    let mins: Vec<String> = cursors(&sink, "source/masto")
        .iter()
        .map(|c| c["min_id"].as_str().unwrap().to_string())
        .collect();
    assert_eq!(mins, ["1030", "1070", "1110", "1126"]);
    // Empty polls keep the cursor and are not checkpointed; every request after the first pages forward.
    let reqs = srv.requests();
    assert!(reqs[0].param("min_id").is_none());
    assert!(
        reqs[1..]
            .iter()
            .all(|r| r.param("min_id").is_some() && r.param("limit").as_deref() == Some("40"))
    );
    assert!(
        reqs.iter()
            .all(|r| r.header("user-agent").as_deref() == Some("earshot-test/1 (+loopback)"))
    );
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn mastodon_restart_mid_chain_resumes_without_gap_or_duplicate() {
    let t = Timeline::default();
    t.push((2001..=2200).map(|i| status(i, None)));
    let srv = timeline_server(&t).await;
    let sink = MemorySink::default();
    // A stored cursor from an earlier run: everything after 2000 is new.
    sink.cursors.lock().unwrap().insert(
        "source/masto".into(),
        serde_json::to_vec(&serde_json::json!({"min_id": "2000"})).unwrap(),
    );
    let mut cfg = fast();
    cfg.page_delay_secs = 0.3;
    let first = start(
        mastodon::Mastodon::new(mastodon_cfg(&srv.base), None),
        &sink,
        cfg.clone(),
    );
    eventually(10, "two pages", || srv.count() >= 2).await;
    first.stop().await;
    let after_first = sink.ids().len();
    assert!(
        after_first > 0 && after_first < 200,
        "stopped mid-chain: {after_first}"
    );
    let stored = sink.cursor_json("source/masto").unwrap();

    let second = start(
        mastodon::Mastodon::new(mastodon_cfg(&srv.base), None),
        &sink,
        cfg,
    );
    eventually(15, "rest of the chain", || sink.ids().len() >= 200).await;
    second.stop().await;
    assert_once(&sink.ids(), &uri_ids(2001..=2200));
    // The second run started exactly at the stored cursor.
    let resumed = srv
        .requests()
        .into_iter()
        .find(|r| r.param("min_id").as_deref() == stored["min_id"].as_str())
        .expect("a request from the stored cursor");
    assert_eq!(resumed.param("limit").as_deref(), Some("40"));
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn faults_are_survived_and_never_move_the_cursor() {
    let t = Timeline::default();
    t.push((3001..=3010).map(|i| status(i, None)));
    let served = Arc::new(Mutex::new(0usize));
    let big = vec![b' '; 50 << 20];
    let (t2, s2) = (t.clone(), served.clone());
    let srv = FeedServer::start(move |s| {
        let n = {
            let mut g = s2.lock().unwrap();
            *g += 1;
            *g
        };
        let good = t2.answer(s, "http://unused");
        let soon = (chrono::Utc::now() + chrono::Duration::milliseconds(300))
            .to_rfc3339_opts(chrono::SecondsFormat::Micros, true);
        match n {
            1 => Reply::status(503, "<html>upstream down</html>"),
            2 => Reply::status(500, "oops"),
            3 => Reply {
                delay: Duration::from_secs(3),
                ..good
            },
            4 => Reply {
                cut_after: Some(good.body.len() / 2),
                ..good
            },
            5 => Reply::json(&good.body[..good.body.len() / 2]),
            6 => Reply::json(vec![0xff, 0xfe, b'[', 0x80, b']']),
            7 => Reply {
                chunked: true,
                ..Reply::json(big.clone())
            },
            8 => Reply::json(big.clone()),
            9 => Reply::status(200, "<html>maintenance</html>"),
            10 => Reply::status(429, r#"{"error":"Too many requests"}"#)
                .header("x-ratelimit-remaining", "0")
                .header("x-ratelimit-reset", soon),
            11 => Reply::status(404, r#"{"error":"Record not found"}"#),
            _ => good,
        }
    })
    .await;
    let sink = MemorySink::default();
    let mut cfg = fast();
    cfg.interval_secs = 0.05;
    let run = start(
        mastodon::Mastodon::new(mastodon_cfg(&srv.base), None),
        &sink,
        cfg,
    );
    eventually(30, "recovery after every fault", || sink.ids().len() == 10).await;
    run.stop().await;
    assert_once(&sink.ids(), &uri_ids(3001..=3010));
    // Nothing was checkpointed until the one good answer.
    assert_eq!(cursors(&sink, "source/masto").len(), 1);
    assert!(srv.count() >= 12);
}

// ---------------------------------------------------------------- Hacker News

/// Algolia `search_by_date`: numericFilters, page, hitsPerPage, newest first, paging capped at 1,000 hits.
fn algolia(hits: &[(i64, String)], s: &Seen) -> Reply {
    let filters = s.param("numericFilters").unwrap_or_default();
    let (mut lo, mut hi) = (i64::MIN, i64::MAX);
    for f in filters.split(',').filter(|f| !f.is_empty()) {
        if let Some(v) = f.strip_prefix("created_at_i>") {
            lo = v.parse().unwrap();
        } else if let Some(v) = f.strip_prefix("created_at_i<=") {
            hi = v.parse().unwrap();
        } else {
            panic!("unexpected filter {f}");
        }
    }
    let hpp: usize = s.param("hitsPerPage").unwrap().parse().unwrap();
    let page: usize = s.param("page").unwrap().parse().unwrap();
    let mut matching: Vec<&(i64, String)> =
        hits.iter().filter(|(t, _)| *t > lo && *t <= hi).collect();
    matching.sort_by_key(|(t, _)| std::cmp::Reverse(*t));
    let nb_pages = matching.len().div_ceil(hpp).min(1000 / hpp);
    let slice: Vec<serde_json::Value> = if page < nb_pages {
        matching
            .iter()
            .skip(page * hpp)
            .take(hpp)
            .map(|(t, text)| {
                serde_json::json!({"objectID": t.to_string(), "created_at_i": t, "author": "pg",
                    "comment_text": text, "points": null, "story_id": 1, "parent_id": 1, "_tags": ["comment"]})
            })
            .collect()
    } else {
        Vec::new()
    };
    Reply::json(
        serde_json::to_vec(&serde_json::json!({
            "hits": slice, "nbHits": matching.len(), "page": page, "nbPages": nb_pages, "hitsPerPage": hpp
        }))
        .unwrap(),
    )
}

fn hn_cfg(base: &str) -> HackerNewsConfig {
    HackerNewsConfig {
        name: "hn".into(),
        endpoint: base.into(),
        query: "apple".into(),
        tags: "(story,comment)".into(),
        overlap_secs: 60,
        hits_per_page: 100,
        max_seen: 5000,
        poll: PollConfig::default(),
    }
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn hacker_news_narrows_windows_past_the_1000_hit_cap_and_rechecks_matches() {
    const T0: i64 = 1_700_000_000;
    let hits: Vec<(i64, String)> = (0..2500)
        .map(|i| {
            let text = if i % 10 == 0 {
                format!("The crowd applauded &amp; cheered {i}")
            } else {
                format!("My <i>Apple</i> laptop {i}")
            };
            (T0 + i, text)
        })
        .collect();
    let h2 = hits.clone();
    let srv = FeedServer::start(move |s| algolia(&h2, s)).await;
    let sink = MemorySink::default();
    sink.cursors.lock().unwrap().insert(
        "source/hn".into(),
        serde_json::to_vec(&serde_json::json!({"high_water": T0 - 1 + 60})).unwrap(),
    );
    let brands = Arc::new(
        BrandMatcher::new(&[BrandConfig {
            name: "Apple".into(),
            query: "apple".into(),
            exclude: vec![],
            lexicon: Default::default(),
        }])
        .unwrap(),
    );
    let feed = hackernews::HackerNews::new(hn_cfg(&srv.base), brands.clone());
    let run = start(feed, &sink, chain());
    let again = hackernews::HackerNews::new(hn_cfg(&srv.base), brands.clone());
    let run = restart_mid_chain(run, &srv, 6, again, &sink, chain()).await;
    eventually(30, "all 2,250 matching hits", || sink.ids().len() >= 2250).await;
    let n = srv.count();
    eventually(10, "a poll after catch-up", || srv.count() > n + 1).await;
    run.stop().await;
    let expected: Vec<String> = (0..2500)
        .filter(|i| i % 10 != 0)
        .map(|i| format!("hn:{}", T0 + i))
        .collect();
    assert_once(&sink.ids(), &expected);
    let m = &sink.produced.lock().unwrap()[0];
    assert!(m.text.starts_with("My Apple laptop"), "{}", m.text);
    // Never asked for a page past the cap.
    assert!(
        srv.requests()
            .iter()
            .all(|r| r.param("page").unwrap().parse::<usize>().unwrap() < 10)
    );
    assert!(
        srv.requests()
            .iter()
            .any(|r| r.param("numericFilters").unwrap_or_default().contains("<="))
    );
    let last = sink.cursor_json("source/hn").unwrap();
    assert_eq!(last["high_water"], T0 + 2499);
    assert!(last.get("window").is_none());
}

// ---------------------------------------------------------------- Reddit

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn reddit_survives_a_deleted_before_anchor() {
    // Listing of posts, newest first; `before` of a deleted item answers nothing, like Reddit.
    let posts: Arc<Mutex<Vec<u32>>> = Arc::new(Mutex::new((1..=5).collect()));
    let p2 = posts.clone();
    let srv = FeedServer::start(move |s| {
        let all = p2.lock().unwrap().clone();
        let mut page: Vec<u32> = match s.param("before") {
            Some(b) => {
                let b: u32 = b.trim_start_matches("t3_p").parse().unwrap();
                if all.contains(&b) {
                    all.iter().copied().filter(|p| *p > b).collect()
                } else {
                    Vec::new()
                }
            }
            None => all.clone(),
        };
        page.reverse();
        let children: Vec<serde_json::Value> = page
            .iter()
            .map(|p| serde_json::json!({"kind": "t3", "data": {"name": format!("t3_p{p}"), "title": format!("Fernway tent {p}"),
                "selftext": "", "author": "hiker", "created_utc": 1_700_000_000.0 + *p as f64, "ups": 5, "num_comments": 1,
                "permalink": format!("/r/camping/comments/p{p}/x/")}}))
            .collect();
        Reply::json(serde_json::to_vec(&serde_json::json!({"kind": "Listing", "data": {"after": null, "before": null, "children": children}})).unwrap())
            .header("x-ratelimit-remaining", "99.0")
            .header("x-ratelimit-reset", "300")
    })
    .await;
    let sink = MemorySink::default();
    let feed = || {
        reddit::Reddit::new(
            RedditConfig {
                name: "rd".into(),
                endpoint: Some(srv.base.clone()),
                subreddit: Some("camping".into()),
                query: None,
                listing: RedditListing::New,
                token_env: None,
                max_seen: 301,
                poll: PollConfig::default(),
            },
            None,
        )
    };
    let run = start(feed(), &sink, fast());
    eventually(10, "first listing", || sink.ids().len() == 5).await;
    let run = restart_mid_chain(run, &srv, 1, feed(), &sink, fast()).await;
    // The anchor (p5) is deleted, new posts arrive.
    {
        let mut g = posts.lock().unwrap();
        g.retain(|p| *p != 5);
        g.extend([6, 7]);
    }
    eventually(10, "new posts despite the deleted anchor", || {
        sink.ids().len() == 7
    })
    .await;
    run.stop().await;
    let expected: Vec<String> = (1..=7).map(|p| format!("rd:t3_p{p}")).collect();
    assert_once(&sink.ids(), &expected);
    let reqs = srv.requests();
    assert!(
        reqs.iter()
            .any(|r| r.param("before").as_deref() == Some("t3_p5"))
    );
    let i = reqs
        .iter()
        .position(|r| r.param("before").as_deref() == Some("t3_p5"))
        .unwrap();
    assert!(
        reqs[i + 1].param("before").is_none(),
        "after an empty poll, no anchor"
    );
    assert!(
        reqs.iter()
            .all(|r| r.path_and_query.starts_with("/r/camping/new.json?")
                && r.param("raw_json").as_deref() == Some("1"))
    );
    let limits: BTreeSet<String> = reqs.iter().filter_map(|r| r.param("limit")).collect();
    assert!(
        limits.len() > 1,
        "limit varies after empty polls: {limits:?}"
    );
}

// ---------------------------------------------------------------- RSS

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn rss_uses_conditional_gets_and_produces_each_item_once() {
    let feed_v1 = r#"<?xml version="1.0"?><rss version="2.0"><channel><title>Lumora news</title>
      <item><title>Lumora Halo review</title><link>https://news.example/halo?utm_source=rss</link><guid>n-1</guid><description>&lt;p&gt;Bright &amp;amp; warm&lt;/p&gt;</description><pubDate>Tue, 17 Nov 2026 10:00:00 GMT</pubDate></item>
      <item><title>No guid, no link</title><description>Lumora shipping delays</description></item>
      <item><title>Older</title><guid>n-0</guid></item>
    </channel></rss>"#;
    let feed_v2 = feed_v1.replace(
        "<title>Lumora news</title>",
        "<title>Lumora news</title><item><title>New one</title><guid>n-2</guid></item><item><title>Another</title><guid>n-3</guid></item>",
    );
    let version = Arc::new(Mutex::new(1));
    let v2 = version.clone();
    let served = Arc::new(Mutex::new(0));
    let srv = FeedServer::start(move |s| {
        let v = *v2.lock().unwrap();
        let n = {
            let mut g = served.lock().unwrap();
            *g += 1;
            *g
        };
        let etag = format!("\"v{v}\"");
        if s.header("if-none-match").as_deref() == Some(etag.as_str()) {
            return Reply::status(304, "");
        }
        let body = if v == 1 {
            feed_v1.to_string()
        } else {
            feed_v2.clone()
        };
        Reply {
            status: 200,
            headers: vec![
                ("content-type".into(), "application/rss+xml".into()),
                ("etag".into(), etag),
                (
                    "last-modified".into(),
                    "Tue, 17 Nov 2026 10:00:00 GMT".into(),
                ),
            ],
            // First a transfer cut half way, then a complete answer whose XML stops half way: both
            // are retried with the cursor untouched.
            cut_after: (n == 1).then_some(body.len() / 2),
            body: if n == 2 {
                body.as_bytes()[..body.len() / 2].to_vec()
            } else {
                body.into_bytes()
            },
            ..Reply::default()
        }
    })
    .await;
    let sink = MemorySink::default();
    let feed = || {
        rss::Rss::new(RssConfig {
            name: "news".into(),
            url: format!("{}/feed.xml", srv.base),
            max_seen: 100,
            poll: PollConfig::default(),
        })
    };
    let run = start(feed(), &sink, fast());
    eventually(10, "first fetch", || sink.ids().len() == 3).await;
    // A restart re-reads the whole feed: the stored seen-set keeps it from producing anything again.
    let run = restart_mid_chain(run, &srv, 1, feed(), &sink, fast()).await;
    eventually(10, "a 304", || {
        srv.requests()
            .iter()
            .any(|r| r.header("if-none-match").as_deref() == Some("\"v1\""))
    })
    .await;
    *version.lock().unwrap() = 2;
    eventually(10, "new items", || sink.ids().len() == 5).await;
    let n = srv.count();
    eventually(10, "more polls", || srv.count() > n + 2).await;
    run.stop().await;
    let ids = sink.ids();
    assert_eq!(ids.len(), 5, "{ids:?}");
    assert_eq!(ids.iter().collect::<BTreeSet<_>>().len(), 5);
    assert!(ids.contains(&"news:n-2".to_string()) && ids.contains(&"news:n-3".to_string()));
    let halo = sink
        .produced
        .lock()
        .unwrap()
        .iter()
        .find(|m| m.id == "news:n-1")
        .cloned()
        .unwrap();
    assert_eq!(halo.text, "Lumora Halo review\nBright & warm");
    assert_eq!(halo.url.as_deref(), Some("https://news.example/halo"));
    let reqs = srv.requests();
    assert!(reqs.iter().any(|r| r.header("if-modified-since").is_some()));
    // Nothing came from the truncated answers: the first stored cursor already covers the whole feed.
    let first = &cursors(&sink, "source/news")[0];
    assert_eq!(first["seen"].as_array().unwrap().len(), 3, "{first}");
}

// ---------------------------------------------------------------- Bluesky search

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn bluesky_search_logs_in_pages_and_logs_in_again_on_expiry() {
    let posts: Arc<Mutex<Vec<u32>>> = Arc::new(Mutex::new((1..=30).collect()));
    let logins = Arc::new(Mutex::new(0u32));
    let (p2, l2) = (posts.clone(), logins.clone());
    let srv = FeedServer::start(move |s| {
        if s.path_and_query.starts_with("/xrpc/com.atproto.server.createSession") {
            assert_eq!(s.method, "POST");
            let body: serde_json::Value = serde_json::from_slice(&s.body).unwrap();
            assert_eq!(body["identifier"], "earshot.test");
            let mut n = l2.lock().unwrap();
            *n += 1;
            return Reply::json(format!(r#"{{"accessJwt":"tok{n}","refreshJwt":"r","handle":"earshot.test","did":"did:plc:me"}}"#));
        }
        let current = format!("Bearer tok{}", l2.lock().unwrap());
        if s.header("authorization").as_deref() != Some(current.as_str()) {
            return Reply::status(400, r#"{"error":"ExpiredToken","message":"Token has expired"}"#);
        }
        if s.path_and_query.starts_with("/xrpc/app.bsky.actor.getProfiles?") {
            let actors: Vec<String> = s
                .path_and_query
                .split(['?', '&'])
                .filter_map(|kv| kv.strip_prefix("actors="))
                .map(|d| d.replace("%3A", ":"))
                .collect();
            assert!(actors.len() <= 25);
            let profiles: Vec<serde_json::Value> = actors
                .iter()
                .map(|d| serde_json::json!({"did": d, "handle": "x.bsky.social", "followersCount": 77, "followsCount": 5, "postsCount": 9}))
                .collect();
            return Reply::json(serde_json::to_vec(&serde_json::json!({"profiles": profiles})).unwrap());
        }
        let all = p2.lock().unwrap().clone();
        let since = s.param("since").map(|t| chrono::DateTime::parse_from_rfc3339(&t).unwrap().timestamp());
        let offset: usize = s.param("cursor").map(|c| c.parse().unwrap()).unwrap_or(0);
        let mut matching: Vec<u32> = all.into_iter().filter(|p| since.is_none_or(|t| 1_700_000_000 + *p as i64 >= t)).collect();
        matching.reverse();
        let page: Vec<serde_json::Value> = matching
            .iter()
            .skip(offset)
            .take(10)
            .map(|p| {
                let at = chrono::DateTime::from_timestamp(1_700_000_000 + *p as i64, 0).unwrap().to_rfc3339();
                serde_json::json!({"uri": format!("at://did:plc:u{p}/app.bsky.feed.post/r{p}"), "cid": "c",
                  "author": {"did": format!("did:plc:u{p}"), "handle": format!("u{p}.bsky.social"), "displayName": "U"},
                  "record": {"$type": "app.bsky.feed.post", "text": format!("Kestrel mobile signal {p}"), "createdAt": at, "langs": ["en"]},
                  "likeCount": 1, "repostCount": 0, "replyCount": 0, "quoteCount": 0, "indexedAt": at})
            })
            .collect();
        let next = (offset + 10 < matching.len()).then(|| (offset + 10).to_string());
        Reply::json(serde_json::to_vec(&serde_json::json!({"posts": page, "cursor": next})).unwrap())
            .header("RateLimit-Remaining", "2999")
            .header("RateLimit-Reset", (chrono::Utc::now().timestamp() + 300).to_string())
    })
    .await;
    let sink = MemorySink::default();
    let bsky = |base: &str| BlueskySearchConfig {
        name: "bsky".into(),
        endpoint: base.into(),
        query: "kestrel".into(),
        identifier_env: "X".into(),
        password_env: "Y".into(),
        overlap_secs: 5,
        max_seen: 1000,
        poll: PollConfig::default(),
    };
    let feed =
        || bluesky::BlueskySearch::new(bsky(&srv.base), "earshot.test".into(), "app-pw".into());
    let run = start(feed(), &sink, chain());
    eventually(10, "first page", || sink.ids().len() == 10).await;
    // 25 new posts (more than a page), read across a restart.
    posts.lock().unwrap().extend(31..=55);
    let run = restart_mid_chain(run, &srv, 2, feed(), &sink, chain()).await;
    eventually(15, "catch-up", || sink.ids().len() == 35).await;
    // The session expires (the server now wants a token it has not issued yet); new posts arrive.
    let issued = {
        let mut n = logins.lock().unwrap();
        *n += 10;
        *n
    };
    posts.lock().unwrap().extend(56..=60);
    eventually(15, "new posts after logging in again", || {
        sink.ids().len() == 40
    })
    .await;
    run.stop().await;
    let expected: Vec<String> = (21..=60)
        .map(|p| format!("bsky:at://did:plc:u{p}/app.bsky.feed.post/r{p}"))
        .collect();
    assert_once(&sink.ids(), &expected);
    assert!(
        *logins.lock().unwrap() > issued,
        "logged in again after 400 ExpiredToken"
    );
    assert!(
        srv.requests().iter().any(|r| r.param("cursor").is_some()),
        "paged with cursor"
    );
    // Reach from getProfiles (authenticated); the post's own handle is kept.
    let first = sink.produced.lock().unwrap()[0].clone();
    assert_eq!(first.author.followers, Some(77));
    assert_eq!(first.author.handle.as_deref(), Some("@u21.bsky.social"));
    assert!(
        srv.requests()
            .iter()
            .filter(|r| r.path_and_query.contains("searchPosts"))
            .all(|r| r.param("sort").as_deref() == Some("latest"))
    );
}

// ---------------------------------------------------------------- YouTube

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn youtube_pages_back_to_the_watermark_and_backs_off_on_quota() {
    let comments: Arc<Mutex<Vec<u32>>> = Arc::new(Mutex::new((1..=20).collect()));
    let quota_once = Arc::new(Mutex::new(false));
    let (c2, q2) = (comments.clone(), quota_once.clone());
    let srv = FeedServer::start(move |s| {
        assert_eq!(s.param("key").as_deref(), Some("secret-key"));
        if s.path_and_query.starts_with("/youtube/v3/channels?") {
            // Subscriber counts come as strings; one channel hides them.
            let ids = s.param("id").unwrap();
            let items: Vec<serde_json::Value> = ids
                .split(',')
                .map(|id| serde_json::json!({"id": id, "snippet": {"title": "Hiker Channel"},
                    "statistics": {"subscriberCount": "1234", "hiddenSubscriberCount": id == "UC-hidden", "videoCount": "17"}}))
                .collect();
            return Reply::json(serde_json::to_vec(&serde_json::json!({"items": items})).unwrap());
        }
        assert_eq!(s.param("order").as_deref(), Some("time"));
        let all = c2.lock().unwrap().clone();
        if all.len() > 20 && !*q2.lock().unwrap() {
            *q2.lock().unwrap() = true;
            return Reply::status(403, r#"{"error":{"code":403,"errors":[{"reason":"quotaExceeded","domain":"youtube.quota"}]}}"#);
        }
        let mut newest_first = all.clone();
        newest_first.reverse();
        let offset: usize = s.param("pageToken").map(|t| t.trim_start_matches("p").parse().unwrap()).unwrap_or(0);
        let items: Vec<serde_json::Value> = newest_first
            .iter()
            .skip(offset)
            .take(15)
            .map(|c| {
                let at = chrono::DateTime::from_timestamp(1_700_000_000 + *c as i64 * 60, 0).unwrap().to_rfc3339();
                serde_json::json!({"kind": "youtube#commentThread", "id": format!("c{c}"), "snippet": {"videoId": "vid",
                  "topLevelComment": {"id": format!("c{c}"), "snippet": {"textOriginal": format!("Fernway boots {c}"), "textDisplay": "x",
                    "authorDisplayName": "Hiker", "authorChannelId": {"value": if c % 2 == 0 { "UC1" } else { "UC-hidden" }}, "likeCount": 2, "publishedAt": at, "videoId": "vid"}},
                  "totalReplyCount": 0}})
            })
            .collect();
        let next = (offset + 15 < newest_first.len()).then(|| format!("p{}", offset + 15));
        Reply::json(serde_json::to_vec(&serde_json::json!({"items": items, "nextPageToken": next})).unwrap())
    })
    .await;
    let sink = MemorySink::default();
    let feed = || {
        youtube::Youtube::new(
            YoutubeConfig {
                name: "yt".into(),
                endpoint: srv.base.clone(),
                api_key_env: "K".into(),
                video_id: Some("vid".into()),
                channel_id: None,
                search_terms: Some("fernway".into()),
                max_seen: 1000,
                poll: PollConfig::default(),
            },
            "secret-key".into(),
        )
    };
    let run = start(feed(), &sink, chain());
    eventually(10, "first page only", || sink.ids().len() == 15).await;
    comments.lock().unwrap().extend(21..=60);
    let run = restart_mid_chain(run, &srv, 3, feed(), &sink, chain()).await;
    eventually(15, "new comments back to the watermark", || {
        sink.ids().len() == 55
    })
    .await;
    run.stop().await;
    let expected: Vec<String> = (6..=60).map(|c| format!("yt:c{c}")).collect();
    assert_once(&sink.ids(), &expected);
    assert!(*quota_once.lock().unwrap());
    // Reach from channels.list, in one lookup per batch of new channels; a hidden count stays absent.
    let got = sink.produced.lock().unwrap().clone();
    let by_id = |id: &str| got.iter().find(|m| m.id == id).unwrap().author.clone();
    assert_eq!(by_id("yt:c6").followers, Some(1234));
    assert_eq!(by_id("yt:c6").posts, Some(17));
    assert_eq!(by_id("yt:c7").followers, None);
    assert_eq!(
        by_id("yt:c6").name.as_deref(),
        Some("Hiker"),
        "the comment's own name is kept"
    );
    let lookups = srv
        .requests()
        .iter()
        .filter(|r| r.path_and_query.starts_with("/youtube/v3/channels?"))
        .count();
    assert!(
        lookups <= 3,
        "each channel looked up once per run: {lookups}"
    );
    let wm = sink.cursor_json("source/yt").unwrap();
    assert!(wm["watermark"].as_str().is_some() && wm.get("page").is_none());
}

// ---------------------------------------------------------------- App Store

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn app_store_reads_further_pages_after_a_burst() {
    let reviews: Arc<Mutex<Vec<u32>>> = Arc::new(Mutex::new((1..=50).collect()));
    let r2 = reviews.clone();
    let srv = FeedServer::start(move |s| {
        let path = s.path_and_query.clone();
        assert!(path.starts_with("/us/rss/customerreviews/page="), "{path}");
        let page: usize = path["/us/rss/customerreviews/page=".len()..].split('/').next().unwrap().parse().unwrap();
        let mut all = r2.lock().unwrap().clone();
        all.reverse();
        let entries: Vec<serde_json::Value> = all
            .iter()
            .skip((page - 1) * 50)
            .take(50)
            .map(|r| serde_json::json!({"id": {"label": r.to_string()}, "author": {"name": {"label": "Kim"}, "uri": {"label": "https://x/u"}},
                "im:rating": {"label": "2"}, "title": {"label": "Lumora app"}, "content": {"label": format!("Crashes on login {r}"), "attributes": {"type": "text"}},
                "im:voteSum": {"label": "1"}, "im:voteCount": {"label": "3"}}))
            .collect();
        let last = all.len().div_ceil(50);
        Reply::json(serde_json::to_vec(&serde_json::json!({"feed": {"entry": entries, "link": [
            {"attributes": {"rel": "last", "href": format!("https://itunes.apple.com/us/rss/customerreviews/page={last}/id=1/sortby=mostrecent/xml")}}]}})).unwrap())
    })
    .await;
    let sink = MemorySink::default();
    let feed = || {
        appstore::AppStore::new(AppStoreConfig {
            name: "ios".into(),
            endpoint: srv.base.clone(),
            app_id: "1".into(),
            country: "US".into(),
            lang: None,
            max_seen: 1000,
            poll: PollConfig::default(),
        })
    };
    let run = start(feed(), &sink, chain());
    eventually(10, "page 1", || sink.ids().len() == 50).await;
    reviews.lock().unwrap().extend(51..=120);
    let run = restart_mid_chain(run, &srv, 1, feed(), &sink, chain()).await;
    eventually(10, "burst over two pages", || sink.ids().len() == 120).await;
    run.stop().await;
    let expected: Vec<String> = (1..=120).map(|r| format!("ios:{r}")).collect();
    assert_once(&sink.ids(), &expected);
    assert!(
        srv.requests()
            .iter()
            .any(|r| r.path_and_query.contains("/page=2/"))
    );
}

// ---------------------------------------------------------------- timing, under paused time

type Step = Box<dyn Fn() -> earshot::ingest::Response + Send>;

/// Answers from a script and records the (paused) instant of every request.
#[derive(Clone)]
struct Scripted {
    script: Arc<Mutex<std::collections::VecDeque<Step>>>,
    at: Arc<Mutex<Vec<tokio::time::Instant>>>,
}

impl earshot::ingest::poll::Transport for Scripted {
    async fn fetch(
        &self,
        _req: &earshot::ingest::Request,
        _timeout: Duration,
        _max_body: usize,
    ) -> Result<earshot::ingest::Response, earshot::ingest::poll::FetchError> {
        self.at.lock().unwrap().push(tokio::time::Instant::now());
        let next = self.script.lock().unwrap().pop_front();
        Ok(match next {
            Some(f) => f(),
            None => resp(200, &[], b"[]"),
        })
    }
}

fn resp(status: u16, headers: &[(&str, String)], body: &[u8]) -> earshot::ingest::Response {
    let mut h = reqwest::header::HeaderMap::new();
    for (k, v) in headers {
        h.insert(
            reqwest::header::HeaderName::from_bytes(k.as_bytes()).unwrap(),
            v.parse().unwrap(),
        );
    }
    earshot::ingest::Response {
        status,
        headers: h,
        body: body.to_vec(),
    }
}

#[tokio::test(start_paused = true)]
async fn backoff_and_every_rate_limit_form_are_timed_as_the_server_asks() {
    let one = serde_json::to_vec(&[status(5001, None)]).unwrap();
    let steps: Vec<Step> = vec![
        // 0: Retry-After seconds.
        Box::new(|| resp(429, &[("retry-after", "30".into())], b"")),
        // 1, 2, 3: a 5xx burst: exponential backoff with jitter (1 s initial: waits in [1,2], [2,4], [4,8]).
        Box::new(|| resp(503, &[], b"")),
        Box::new(|| resp(502, &[], b"")),
        Box::new(|| resp(500, &[], b"")),
        // 4: Mastodon's 429: no Retry-After, X-RateLimit-Reset as an ISO time 100 s ahead.
        Box::new(|| {
            let t = (chrono::Utc::now() + chrono::Duration::seconds(100)).to_rfc3339();
            resp(
                429,
                &[
                    ("x-ratelimit-remaining", "0".into()),
                    ("x-ratelimit-reset", t),
                ],
                b"{}",
            )
        }),
        // 5: Bluesky's 429: RateLimit-Reset in epoch seconds, 200 s ahead.
        Box::new(|| {
            let t = (chrono::Utc::now().timestamp() + 200).to_string();
            resp(
                429,
                &[("ratelimit-remaining", "0".into()), ("ratelimit-reset", t)],
                b"{}",
            )
        }),
        // 6: success with Reddit's headers saying the quota is spent: wait out the reset (400 s), not
        // the interval (60 s).
        Box::new(move || {
            resp(
                200,
                &[
                    ("x-ratelimit-remaining", "0.0".into()),
                    ("x-ratelimit-reset", "400".into()),
                ],
                &one,
            )
        }),
        // 7: success: the next poll comes one interval later.
        Box::new(|| resp(200, &[], b"[]")),
        // 8: a reset far beyond the cap is waited in steps of max_rate_limit_wait_secs (900).
        Box::new(|| resp(429, &[("retry-after", "86400".into())], b"")),
    ];
    let t = Scripted {
        script: Arc::new(Mutex::new(steps.into_iter().collect())),
        at: Arc::default(),
    };
    let sink = MemorySink::default();
    let cfg = PollConfig {
        interval_secs: 60.0,
        jitter_ratio: 0.0,
        backoff_initial_secs: 1.0,
        backoff_max_secs: 600,
        max_rate_limit_wait_secs: 900,
        ..PollConfig::default()
    };
    let stop = CancellationToken::new();
    let feed = mastodon::Mastodon::new(mastodon_cfg("http://127.0.0.1:1"), None);
    let task = tokio::spawn(poll::run(feed, t.clone(), sink.clone(), cfg, stop.clone()));
    while t.at.lock().unwrap().len() < 10 {
        tokio::time::sleep(Duration::from_millis(100)).await;
    }
    stop.cancel();
    task.await.unwrap().unwrap();
    let at = t.at.lock().unwrap().clone();
    let gaps: Vec<f64> = at.windows(2).map(|w| (w[1] - w[0]).as_secs_f64()).collect();
    let within = |g: f64, lo: f64, hi: f64| g >= lo - 0.01 && g <= hi + 0.01;
    assert!(within(gaps[0], 30.0, 30.0), "Retry-After: {gaps:?}");
    assert!(within(gaps[1], 1.0, 2.0), "backoff 1: {gaps:?}");
    assert!(within(gaps[2], 2.0, 4.0), "backoff 2: {gaps:?}");
    assert!(within(gaps[3], 4.0, 8.0), "backoff 3: {gaps:?}");
    assert!(within(gaps[4], 99.0, 100.0), "ISO reset: {gaps:?}");
    assert!(within(gaps[5], 199.0, 200.0), "epoch reset: {gaps:?}");
    assert!(within(gaps[6], 400.0, 400.0), "quota spent: {gaps:?}");
    assert!(within(gaps[7], 60.0, 60.0), "interval: {gaps:?}");
    assert!(within(gaps[8], 900.0, 900.0), "capped wait: {gaps:?}");
    assert_eq!(sink.ids().len(), 1);
}

// ---------------------------------------------------------------- bad items

/// One malformed item in an otherwise good page goes to the DLQ with its original JSON; the good items
/// are produced and the cursor moves past both, so the source never stalls on it.
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_bad_item_goes_to_the_dlq_and_the_feed_moves_on() {
    let t = Timeline::default();
    let mut broken = status(4002, None);
    broken.as_object_mut().unwrap().remove("uri");
    broken.as_object_mut().unwrap().remove("account");
    t.push([status(4001, None), broken, status(4003, None)]);
    let srv = timeline_server(&t).await;
    let sink = MemorySink::default();
    let run = start(
        mastodon::Mastodon::new(mastodon_cfg(&srv.base), None),
        &sink,
        fast(),
    );
    eventually(10, "the good statuses", || sink.ids().len() == 2).await;
    let n = srv.count();
    eventually(10, "two more polls", || srv.count() >= n + 2).await;
    run.stop().await;
    assert_eq!(
        sink.ids(),
        [
            uri_ids(4001..=4001)[0].clone(),
            uri_ids(4003..=4003)[0].clone()
        ]
    );
    let dead = sink.dead.lock().unwrap().clone();
    assert_eq!(dead.len(), 1, "the bad item once, not once per poll");
    assert_eq!(dead[0].0, "masto");
    assert!(dead[0].1.contains("missing field"), "{}", dead[0].1);
    let raw: serde_json::Value = serde_json::from_slice(&dead[0].2).unwrap();
    assert_eq!(raw["id"], "4002");
    assert_eq!(sink.cursor_json("source/masto").unwrap()["min_id"], "4003");
}

#[test]
fn every_feed_rejects_malformed_items_but_keeps_the_rest() {
    use earshot::ingest::Response;
    let now = chrono::Utc::now();
    let resp = |v: serde_json::Value| Response {
        status: 200,
        headers: Default::default(),
        body: serde_json::to_vec(&v).unwrap(),
    };
    // Reddit: a child without name or id; a "more" child is not an item at all.
    let reddit = reddit::Reddit::new(
        RedditConfig {
            name: "rd".into(),
            endpoint: Some("http://127.0.0.1:1".into()),
            subreddit: Some("x".into()),
            query: None,
            listing: RedditListing::New,
            token_env: None,
            max_seen: 10,
            poll: PollConfig::default(),
        },
        None,
    );
    let p = reddit
        .parse(
            &Default::default(),
            &resp(serde_json::json!({"kind": "Listing", "data": {"children": [
                {"kind": "t3", "data": {"name": "t3_a", "title": "Fernway tent"}},
                {"kind": "t3", "data": {"title": "no id"}},
                {"kind": "more", "data": {"count": 3}}]}})),
            now,
        )
        .unwrap();
    assert_eq!((p.mentions.len(), p.rejected.len()), (1, 1));
    assert!(p.rejected[0].detail.contains("no name or id"));
    // YouTube: a thread without its comment.
    let yt = youtube::Youtube::new(
        YoutubeConfig {
            name: "yt".into(),
            endpoint: "http://127.0.0.1:1".into(),
            api_key_env: "K".into(),
            video_id: Some("v".into()),
            channel_id: None,
            search_terms: None,
            max_seen: 10,
            poll: PollConfig::default(),
        },
        "k".into(),
    );
    let p = yt
        .parse(
            &Default::default(),
            &resp(serde_json::json!({"items": [
                {"id": "c1", "snippet": {"topLevelComment": {"snippet": {"textOriginal": "Fernway boots", "publishedAt": "2026-11-20T10:00:00Z"}}}},
                {"id": "c2", "snippet": {}}]})),
            now,
        )
        .unwrap();
    assert_eq!((p.mentions.len(), p.rejected.len()), (1, 1));
    // Bluesky search: a post whose uri is not an at:// uri.
    let bs = bluesky::BlueskySearch::new(
        BlueskySearchConfig {
            name: "bs".into(),
            endpoint: "http://127.0.0.1:1".into(),
            query: "q".into(),
            identifier_env: "X".into(),
            password_env: "Y".into(),
            overlap_secs: 5,
            max_seen: 10,
            poll: PollConfig::default(),
        },
        "i".into(),
        "p".into(),
    );
    let p = bs
        .parse(
            &Default::default(),
            &resp(serde_json::json!({"posts": [
                {"uri": "at://did:plc:a/app.bsky.feed.post/k", "record": {"text": "Kestrel mobile", "createdAt": "2026-11-20T10:00:00Z"}},
                {"uri": "https://nope", "record": {"text": "x"}}]})),
            now,
        )
        .unwrap();
    assert_eq!((p.mentions.len(), p.rejected.len()), (1, 1));
    // App Store: a review without an id; the app's own entry (no rating) is not a review.
    let ios = appstore::AppStore::new(AppStoreConfig {
        name: "ios".into(),
        endpoint: "http://127.0.0.1:1".into(),
        app_id: "1".into(),
        country: "us".into(),
        lang: None,
        max_seen: 10,
        poll: PollConfig::default(),
    });
    let p = ios
        .parse(
            &Default::default(),
            &resp(serde_json::json!({"feed": {"entry": [
                {"im:name": {"label": "Lumora"}},
                {"id": {"label": "9"}, "im:rating": {"label": "1"}, "title": {"label": "Lumora"}, "content": {"label": "crashes"}},
                {"im:rating": {"label": "1"}, "title": {"label": "no id"}}]}})),
            now,
        )
        .unwrap();
    assert_eq!((p.mentions.len(), p.rejected.len()), (1, 1));
}

/// A stop does not wait for a request that hangs (the server answers after 30 s, the request timeout
/// is 60 s): the fetch is abandoned, nothing was produced from it, and the loop ends at once.
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn stop_abandons_a_hanging_request() {
    let srv = FeedServer::start(|_| Reply {
        delay: Duration::from_secs(30),
        ..Reply::json("[]")
    })
    .await;
    let sink = MemorySink::default();
    let mut cfg = fast();
    cfg.timeout_secs = 60;
    let run = start(
        mastodon::Mastodon::new(mastodon_cfg(&srv.base), None),
        &sink,
        cfg,
    );
    eventually(5, "a request in flight", || srv.count() == 1).await;
    // Running::stop fails the test if the loop takes more than 10 s to end.
    run.stop().await;
    assert!(sink.ids().is_empty() && sink.history.lock().unwrap().is_empty());
}
