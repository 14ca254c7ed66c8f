//! Conformance: every feed parser over the real recorded payloads in `../shared/fixtures/feeds/`
//! (response bodies and headers as the APIs sent them). The folder is present in CI; in a clone without
//! it these tests say so on stderr and check nothing else (the project's own fixtures in
//! `tests/sources.rs` always run).

use std::path::PathBuf;
use std::sync::Arc;

use chrono::Utc;
use earshot::classify::brands::BrandMatcher;
use earshot::config::*;
use earshot::ingest::jetstream::{Decoded, SkipReason, decode};
use earshot::ingest::poll::RateLimit;
use earshot::ingest::profiles::parse_bsky_profiles as parse_profiles;
use earshot::ingest::{
    Feed, Response, appstore, bluesky, hackernews, mastodon, reddit, rss, youtube,
};
use earshot::model::SourceRef;
use reqwest::header::{HeaderMap, HeaderName, HeaderValue};

fn dir() -> Option<PathBuf> {
    let d = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../shared/fixtures/feeds");
    if d.is_dir() {
        Some(d)
    } else {
        eprintln!(
            "SKIPPED: {} is missing; the real-payload conformance checks did not run",
            d.display()
        );
        None
    }
}

/// A recorded response: body plus, when recorded, status and headers from `X.headers.txt`.
fn recorded(rel: &str) -> Option<Response> {
    let d = dir()?;
    let body = std::fs::read(d.join(rel)).unwrap();
    let stem = rel.rsplit_once('.').map(|(s, _)| s).unwrap_or(rel);
    let mut status = 200;
    let mut headers = HeaderMap::new();
    if let Ok(h) = std::fs::read_to_string(d.join(format!("{stem}.headers.txt"))) {
        for line in h
            .lines()
            .filter(|l| !l.starts_with("# ") && !l.trim().is_empty())
        {
            if let Some(rest) = line.strip_prefix("HTTP/1.1 ") {
                status = rest[..3].parse().unwrap();
            } else if let Some((k, v)) = line.split_once(':')
                && let (Ok(k), Ok(v)) = (
                    HeaderName::from_bytes(k.trim().as_bytes()),
                    HeaderValue::from_str(v.trim()),
                )
            {
                headers.append(k, v);
            }
        }
    }
    Some(Response {
        status,
        headers,
        body,
    })
}

fn brand(query: &str) -> Arc<BrandMatcher> {
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

fn mastodon_feed(timeline: MastodonTimeline) -> mastodon::Mastodon {
    mastodon::Mastodon::new(
        MastodonConfig {
            name: "m".into(),
            instance: "http://localhost:3000".into(),
            timeline,
            hashtag: Some("hoot".into()),
            query: Some("x".into()),
            local: false,
            token_env: None,
            max_seen: 100,
            poll: PollConfig::default(),
        },
        None,
    )
}

#[test]
fn mastodon_timelines_and_link_paging() {
    let Some(r) = recorded("mastodon/tag_timeline.json") else {
        return;
    };
    let f = mastodon_feed(MastodonTimeline::Tag);
    let p = f.parse(&Default::default(), &r, Utc::now()).unwrap();
    assert_eq!(p.mentions.len(), 1);
    let m = &p.mentions[0];
    assert_eq!(m.text, "#hoot (hashtag toot)");
    assert_eq!(
        m.id,
        "m:http://localhost:3000/ap/users/117020566092212359/statuses/117020593741189701"
    );
    assert_eq!(m.author.handle.as_deref(), Some("@mastodonpy_test_2"));
    assert_eq!(m.author.followers, Some(0));
    assert!(m.author.bot.is_some() && m.created_at.is_some());
    assert_eq!(p.cursor.min_id.as_deref(), Some("117020593741189701"));
    // X-RateLimit-Reset is an ISO time here.
    let now = chrono::DateTime::parse_from_rfc3339("2026-08-01T13:59:00Z")
        .unwrap()
        .with_timezone(&Utc);
    let rl = RateLimit::from_headers(&r.headers, now);
    assert_eq!(rl.remaining, Some(299.0));
    assert!(rl.reset_after.unwrap().as_secs() == 60);

    // Public timeline: 8 statuses, oldest first, cursor from the Link header's prev min_id.
    let r = recorded("mastodon/public_timeline.json").unwrap();
    let p = mastodon_feed(MastodonTimeline::Public)
        .parse(&Default::default(), &r, Utc::now())
        .unwrap();
    assert_eq!(p.mentions.len(), 8);
    assert!(p.mentions[0].id.ends_with("/117020574694606796"));
    assert!(p.mentions[7].id.ends_with("/117020593378945190"));
    assert_eq!(p.cursor.min_id.as_deref(), Some("117020593378945190"));
    assert!(p.mentions.iter().all(|m| !m.text.contains('<')));

    // The recorded three-request chain: page 1, older page (max_id), back (min_id) — the same
    // statuses come again and are produced once.
    let f = mastodon_feed(MastodonTimeline::Public);
    let p1 = f
        .parse(
            &Default::default(),
            &recorded("mastodon/account_statuses_page1.json").unwrap(),
            Utc::now(),
        )
        .unwrap();
    assert_eq!(p1.cursor.min_id.as_deref(), Some("117020580518794573"));
    let p2 = f
        .parse(
            &p1.cursor,
            &recorded("mastodon/account_statuses_page2_max_id.json").unwrap(),
            Utc::now(),
        )
        .unwrap();
    // An older page never moves the cursor back.
    assert_eq!(p2.cursor.min_id.as_deref(), Some("117020580518794573"));
    let p3 = f
        .parse(
            &p2.cursor,
            &recorded("mastodon/account_statuses_prev_min_id.json").unwrap(),
            Utc::now(),
        )
        .unwrap();
    assert_eq!(p1.mentions.len() + p2.mentions.len(), 10);
    assert!(
        p3.mentions.is_empty(),
        "statuses seen before are not produced again"
    );

    // The empty window: no Link header, cursor kept.
    let p = f
        .parse(
            &p1.cursor,
            &recorded("mastodon/home_timeline_empty_window.json").unwrap(),
            Utc::now(),
        )
        .unwrap();
    assert!(p.mentions.is_empty());
    assert_eq!(p.cursor, p1.cursor);

    // v2 search: the statuses member (empty in both recordings).
    let s = mastodon_feed(MastodonTimeline::Search);
    for file in [
        "mastodon/search_v2_all_types.json",
        "mastodon/search_v2_type_statuses_empty.json",
    ] {
        let p = s
            .parse(&Default::default(), &recorded(file).unwrap(), Utc::now())
            .unwrap();
        assert!(p.mentions.is_empty());
        assert_eq!(p.cursor, Default::default());
    }
}

#[test]
fn mastodon_status_entity_from_the_docs() {
    let Some(r) = recorded("mastodon/status_entity_docs.json") else {
        return;
    };
    let s: mastodon::Status = r.json().unwrap();
    let m = mastodon::status_to_mention(
        &SourceRef {
            kind: "mastodon".into(),
            name: "m".into(),
        },
        &s,
    );
    assert!(!m.text.is_empty() && !m.text.contains("<p>"));
    assert!(m.url.is_some());
    assert!(
        m.author.followers.is_some() && m.author.following.is_some() && m.author.posts.is_some()
    );
    assert!(m.engagement.likes.is_some() && m.engagement.reposts.is_some());
}

#[test]
fn bluesky_search_profiles_and_rate_headers() {
    let Some(r) = recorded("bluesky/searchPosts.json") else {
        return;
    };
    let f = bluesky::BlueskySearch::new(
        BlueskySearchConfig {
            name: "bs".into(),
            endpoint: "https://bsky.social".into(),
            query: "redistricting".into(),
            identifier_env: "X".into(),
            password_env: "Y".into(),
            overlap_secs: 60,
            max_seen: 100,
            poll: PollConfig::default(),
        },
        "id".into(),
        "pw".into(),
    );
    let p = f.parse(&Default::default(), &r, Utc::now()).unwrap();
    assert_eq!(p.mentions.len(), 25);
    let m = p
        .mentions
        .iter()
        .find(|m| {
            m.id == "bs:at://did:plc:kkergqgbhb56ptpwj2wenkje/app.bsky.feed.post/3lpk2u6qo222m"
        })
        .unwrap();
    assert!(
        m.text
            .starts_with("Ends Versus Means: Public Opinion on Congressional Redistricting")
    );
    assert_eq!(m.author.handle.as_deref(), Some("@socpaperbot.bsky.social"));
    assert_eq!(
        m.url.as_deref(),
        Some("https://bsky.app/profile/socpaperbot.bsky.social/post/3lpk2u6qo222m")
    );
    assert_eq!(m.engagement.likes, Some(0));
    assert_eq!(
        m.author.followers, None,
        "reach is not in a postView author"
    );
    // First poll: one page, watermark = newest post.
    assert!(!p.more && p.cursor.chain.watermark.is_some());
    // RateLimit-Reset in epoch seconds.
    let rl = RateLimit::from_headers(&r.headers, Utc::now());
    assert!(rl.remaining.is_some() && rl.reset_after.is_some());

    let r = recorded("bluesky/getProfiles.json").unwrap();
    let profiles = parse_profiles(&r.body).unwrap();
    assert_eq!(profiles.len(), 1);
    assert_eq!(profiles[0].0, "did:plc:wpe35pganb6d4pg4ekmfy6u5");
    assert_eq!(profiles[0].1.followers, Some(554));
    assert_eq!(
        profiles[0].1.handle.as_deref(),
        Some("chriskenny.bsky.social")
    );

    let err = recorded("bluesky/xrpc_error_400.json").unwrap();
    assert_eq!(err.status, 400);
}

#[test]
fn jetstream_real_events() {
    let Some(d) = dir() else {
        return;
    };
    let src = SourceRef {
        kind: "bluesky_jetstream".into(),
        name: "js".into(),
    };
    let brands = brand("maga OR rushmore OR rsv");
    let window =
        std::fs::read_to_string(d.join("bluesky/jetstream_v1_stream_window.jsonl")).unwrap();
    let mut posts = Vec::new();
    let mut no_match = 0;
    for line in window.lines() {
        match decode(&src, &brands, line, None).unwrap() {
            Decoded::Post(m, t) => posts.push((m, t)),
            Decoded::Skip(_, SkipReason::NoMatch) => no_match += 1,
            Decoded::Skip(..) => {}
        }
    }
    // 17 post creates in the window: 2 match, 1 has empty text, 14 do not match.
    assert_eq!(posts.len(), 2);
    assert_eq!(no_match, 14);
    assert_eq!(
        posts[0].0.id,
        "js:at://did:plc:zcxfgub447re7p3vuvlw37wy/app.bsky.feed.post/3mptbypjm6224"
    );
    assert_eq!(posts[0].1, 1783175888303926);
    assert_eq!(posts[0].0.lang.as_deref(), Some("en"));
    assert_eq!(
        posts[0].0.author.id.as_deref(),
        Some("did:plc:zcxfgub447re7p3vuvlw37wy")
    );
    // Replayed events (at or before the cursor) are skipped.
    assert!(matches!(
        decode(
            &src,
            &brands,
            window.lines().next().unwrap(),
            Some(1783175888390226)
        )
        .unwrap(),
        Decoded::Skip(_, SkipReason::Replayed)
    ));

    // The hand-picked events: like, post, repost, follow, profile, delete, other collections,
    // identity, account, block. Only the post is a post.
    let events = std::fs::read_to_string(d.join("bluesky/jetstream_v1_events.jsonl")).unwrap();
    let decoded: Vec<Decoded> = events
        .lines()
        .map(|l| decode(&src, &brands, l, None).unwrap())
        .collect();
    assert_eq!(decoded.len(), 10);
    let posts: Vec<&Decoded> = decoded
        .iter()
        .filter(|d| matches!(d, Decoded::Post(..)))
        .collect();
    assert_eq!(posts.len(), 1);
    let others = decoded
        .iter()
        .filter(|d| matches!(d, Decoded::Skip(_, SkipReason::NotAPost)))
        .count();
    assert_eq!(others, 9);
}

fn reddit_feed(listing: RedditListing) -> reddit::Reddit {
    reddit::Reddit::new(
        RedditConfig {
            name: "r".into(),
            endpoint: None,
            subreddit: Some("rust".into()),
            query: None,
            listing,
            token_env: None,
            max_seen: 500,
            poll: PollConfig::default(),
        },
        None,
    )
}

#[test]
fn reddit_listings() {
    let Some(r) = recorded("reddit/subreddit_new_2016.json") else {
        return;
    };
    let f = reddit_feed(RedditListing::New);
    let p = f.parse(&Default::default(), &r, Utc::now()).unwrap();
    assert_eq!(p.fetched, 100);
    assert_eq!(p.mentions.len(), 100);
    // Newest is last (produced oldest first) and becomes `before`.
    assert_eq!(p.mentions.last().unwrap().id, "r:t3_48fbm9");
    assert_eq!(p.cursor.before.as_deref(), Some("t3_48fbm9"));
    assert!(p.mentions.iter().all(|m| {
        m.url
            .as_deref()
            .is_some_and(|u| u.starts_with("https://www.reddit.com/r/"))
    }));
    assert!(p.mentions.iter().all(|m| m.created_at.is_some()));

    let c = reddit_feed(RedditListing::Comments);
    let r = recorded("reddit/subreddit_comments_2017.json").unwrap();
    let p = c.parse(&Default::default(), &r, Utc::now()).unwrap();
    assert_eq!(p.mentions.len(), 16);
    let newest = p.mentions.last().unwrap();
    assert_eq!(newest.id, "r:t1_dgauydy");
    assert!(newest.thread_id.as_deref().unwrap().starts_with("t3_"));
    assert!(newest.in_reply_to.is_some());
    // The recorded empty answer to `before=`: nothing new, so the next poll drops `before`.
    let empty = recorded("reddit/subreddit_comments_before_empty_2017.json").unwrap();
    let p2 = c.parse(&p.cursor, &empty, Utc::now()).unwrap();
    assert!(p2.mentions.is_empty());
    assert_eq!(p2.cursor.before, None);
    assert!(!c.request(&p2.cursor).url.contains("before="));
    // Polling the same listing again produces nothing twice.
    let p3 = c.parse(&p2.cursor, &r, Utc::now()).unwrap();
    assert!(p3.mentions.is_empty());

    // Search and the modern field set; Reddit's seconds-until-reset header.
    let s = recorded("reddit/search_all_2016.json").unwrap();
    assert_eq!(
        f.parse(&Default::default(), &s, Utc::now())
            .unwrap()
            .mentions
            .len(),
        6
    );
    let u = recorded("reddit/user_submissions_new_2021.json").unwrap();
    let p = f.parse(&Default::default(), &u, Utc::now()).unwrap();
    assert_eq!(p.mentions.len(), 4);
    let rl = RateLimit::from_headers(&u.headers, Utc::now());
    assert!(rl.remaining.is_some() && rl.reset_after.is_some(), "{rl:?}");
}

#[test]
fn hacker_news_hits_rechecked_locally() {
    let Some(r) = recorded("hn_algolia/search_by_date_comment_query_apple_2014.json") else {
        return;
    };
    let f = hackernews::HackerNews::new(
        HackerNewsConfig {
            name: "hn".into(),
            endpoint: "http://127.0.0.1:1".into(),
            query: "apple".into(),
            tags: "(story,comment)".into(),
            overlap_secs: 60,
            hits_per_page: 100,
            max_seen: 100,
            poll: PollConfig::default(),
        },
        brand("apple"),
    );
    // Algolia matched "applauded" for "apple": the local re-check drops it.
    let p = f.parse(&Default::default(), &r, Utc::now()).unwrap();
    assert_eq!(p.fetched, 1);
    assert!(p.mentions.is_empty());
    assert_eq!(p.filtered, 1);

    let r = recorded("hn_algolia/search_by_date_story_query_apple_2014.json").unwrap();
    let p = f.parse(&Default::default(), &r, Utc::now()).unwrap();
    assert_eq!(p.mentions.len(), 1, "{:?}", p.mentions);
    let m = &p.mentions[0];
    assert_eq!(m.id, "hn:7919424");
    assert_eq!(
        m.url.as_deref(),
        Some("https://news.ycombinator.com/item?id=7919424")
    );
    assert!(m.text.to_lowercase().contains("apple"));
    assert!(m.created_at.is_some() && m.author.handle.is_some() && m.engagement.likes.is_some());
    assert_eq!(p.cursor.high_water, Some(m.created_at.unwrap().timestamp()));

    // nbHits over the 1,000 cap inside a window: the window is halved instead of paging deeper.
    let cursor = hackernews::Cursor {
        high_water: Some(1_403_000_000),
        ..Default::default()
    };
    let p = f.parse(&cursor, &r, Utc::now()).unwrap();
    assert!(p.more && p.mentions.is_empty());
    let w = p.cursor.window.clone().unwrap();
    assert!(
        w.hi.unwrap() < 1_403_132_000 && w.hi.unwrap() > 1_403_000_000,
        "{w:?}"
    );
    assert!(f.request(&p.cursor).url.contains("created_at_i%3C%3D"));

    for file in [
        "hn_algolia/search_by_date_ask_hn_page2_query_apple_2014.json",
        "hn_algolia/search_docs_example.json",
    ] {
        let r = recorded(file).unwrap();
        let p = f.parse(&Default::default(), &r, Utc::now()).unwrap();
        assert_eq!(p.fetched, 1);
    }
}

#[test]
fn rss_and_atom_feeds() {
    let Some(d) = dir() else {
        return;
    };
    let f = rss::Rss::new(RssConfig {
        name: "feed".into(),
        url: "http://127.0.0.1:1/".into(),
        max_seen: 1000,
        poll: PollConfig::default(),
    });
    for entry in std::fs::read_dir(d.join("rss_atom")).unwrap() {
        let path = entry.unwrap().path();
        let body = std::fs::read(&path).unwrap();
        let text = String::from_utf8_lossy(&body);
        let items = text.matches("<item>").count()
            + text.matches("<item ").count()
            + text.matches("<entry>").count()
            + text.matches("<entry ").count();
        let resp = Response {
            status: 200,
            headers: HeaderMap::new(),
            body: body.clone(),
        };
        let p = f
            .parse(&Default::default(), &resp, Utc::now())
            .unwrap_or_else(|e| panic!("{}: {e}", path.display()));
        assert_eq!(p.mentions.len(), items, "{}", path.display());
        let mut ids: Vec<&str> = p.mentions.iter().map(|m| m.id.as_str()).collect();
        ids.sort();
        ids.dedup();
        assert_eq!(ids.len(), items, "{}: ids must be unique", path.display());
        for m in &p.mentions {
            assert!(!m.text.trim().is_empty(), "{}", path.display());
            assert!(!m.text.contains("</"), "{}: {}", path.display(), m.text);
            if let Some(u) = &m.url {
                assert!(!u.contains("utm_") && !u.contains("google.com/url"), "{u}");
            }
        }
        // Parsing the same document again yields nothing new.
        let again = f.parse(&p.cursor, &resp, Utc::now()).unwrap();
        assert!(again.mentions.is_empty(), "{}", path.display());
    }

    let alerts = std::fs::read(d.join("rss_atom/feedjira_google_alerts_atom.xml")).unwrap();
    let p = f
        .parse(
            &Default::default(),
            &Response {
                status: 200,
                headers: HeaderMap::new(),
                body: alerts,
            },
            Utc::now(),
        )
        .unwrap();
    let first = p
        .mentions
        .iter()
        .find(|m| m.id == "feed:tag:google.com,2013:googlealerts/feed:8974135267215335962")
        .unwrap();
    assert!(first.text.starts_with(
        "Report offers Prediction of Automotive Slack Market by Top key players like Haldex"
    ));
    assert!(first.url.as_deref().unwrap().starts_with(
        "https://www.aglobalmarketresearch.com/report-offers-prediction-of-automotive-slack-market"
    ));
    assert_eq!(first.author.name, None, "Google Alerts authors are empty");
    assert!(first.created_at.is_some());

    let yt = std::fs::read(d.join("rss_atom/feedjira_youtube_atom.xml")).unwrap();
    let p = f
        .parse(
            &Default::default(),
            &Response {
                status: 200,
                headers: HeaderMap::new(),
                body: yt,
            },
            Utc::now(),
        )
        .unwrap();
    assert!(p.mentions.iter().all(|m| m.engagement.views.is_some()));
}

#[test]
fn app_store_reviews() {
    let Some(r) = recorded("app_store/customerreviews_jp_mostRecent_page1_EXCERPT.json") else {
        return;
    };
    let f = appstore::AppStore::new(AppStoreConfig {
        name: "ios".into(),
        endpoint: "http://127.0.0.1:1".into(),
        app_id: "1404176564".into(),
        country: "jp".into(),
        lang: Some("ja".into()),
        max_seen: 1000,
        poll: PollConfig::default(),
    });
    let p = f.parse(&Default::default(), &r, Utc::now()).unwrap();
    assert_eq!(p.mentions.len(), 4);
    let m = p
        .mentions
        .iter()
        .find(|m| m.id == "ios:6290024630")
        .unwrap();
    assert!(
        m.text
            .starts_with("神アプリ\nとにかく周りの人皆んなが暖かく")
    );
    assert_eq!(m.author.name.as_deref(), Some("ヤミ。"));
    assert_eq!(m.engagement.likes, Some(0));
    assert_eq!(m.lang.as_deref(), Some("ja"));
    // Each review keeps its author's stars (oldest first).
    let stars: Vec<(&str, Option<u8>)> = p
        .mentions
        .iter()
        .map(|m| (m.id.as_str(), m.rating.map(|r| r.stars())))
        .collect();
    assert_eq!(
        stars,
        [
            ("ios:6195421274", Some(2)),
            ("ios:6202406878", Some(4)),
            ("ios:6285559638", Some(2)),
            ("ios:6290024630", Some(4)),
        ]
    );
    // First poll reads one page; a later poll where all of page 1 is new goes on to page 2 (of 8).
    assert!(!p.more);
    let later = appstore::Cursor {
        started: true,
        ..Default::default()
    };
    let p2 = f.parse(&later, &r, Utc::now()).unwrap();
    assert!(p2.more);
    assert!(f.request(&p2.cursor).url.contains("/page=2/"));
}

#[test]
fn youtube_comment_threads() {
    let Some(r) = recorded("youtube/commentThreads_list_videoId_page.json") else {
        return;
    };
    let f = youtube::Youtube::new(
        YoutubeConfig {
            name: "yt".into(),
            endpoint: "http://127.0.0.1:1".into(),
            api_key_env: "K".into(),
            video_id: Some("v".into()),
            channel_id: None,
            search_terms: None,
            max_seen: 1000,
            poll: PollConfig::default(),
        },
        "key".into(),
    );
    let p = f.parse(&Default::default(), &r, Utc::now()).unwrap();
    assert_eq!(p.mentions.len(), 5);
    assert!(
        p.mentions
            .iter()
            .any(|m| m.id == "yt:UgyZ1jqkHKYvi1-ruOZ4AaABAg")
    );
    assert!(
        p.mentions.iter().all(|m| m.created_at.is_some()
            && m.author.id.is_some()
            && m.engagement.likes.is_some())
    );
    assert!(p.mentions.iter().all(|m| {
        m.url
            .as_deref()
            .is_some_and(|u| u.starts_with("https://www.youtube.com/watch?v="))
    }));
    assert!(p.cursor.chain.watermark.is_some() && p.cursor.chain.page.is_none());

    let r = recorded("youtube/commentThreads_list_searchTerms.json").unwrap();
    let p = f.parse(&Default::default(), &r, Utc::now()).unwrap();
    assert_eq!(p.mentions.len(), 1);
    assert_eq!(p.mentions[0].text, "Hello");
    assert_eq!(p.mentions[0].author.name.as_deref(), Some("DevRagz"));
}
