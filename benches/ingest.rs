//! Ingest hot paths: decoding and brand-filtering the Bluesky Jetstream firehose (every post on the
//! network passes through it), and parsing a full Mastodon page and a 50-item RSS feed.
//! Run: `cargo bench --bench ingest`.

use std::hint::black_box;

use chrono::Utc;
use criterion::{Criterion, Throughput, criterion_group, criterion_main};
use earshot::classify::brands::BrandMatcher;
use earshot::config::{Config, MastodonConfig, MastodonTimeline, PollConfig, RssConfig};
use earshot::ingest::jetstream::decode;
use earshot::ingest::{Feed, Response, mastodon, rss};
use earshot::model::{Mention, SourceRef};

fn demo() -> (Config, Vec<Mention>) {
    let root = std::path::Path::new(env!("CARGO_MANIFEST_DIR"));
    let cfg = Config::load_with_env(&root.join("config/earshot.toml"), &[]).unwrap();
    let text = std::fs::read_to_string(root.join("config/demo-mentions.jsonl")).unwrap();
    (
        cfg,
        text.lines()
            .map(|l| serde_json::from_str(l).unwrap())
            .collect(),
    )
}

/// Jetstream post events: each demo text once as is (a brand mention) and three times with the brand
/// names replaced (what most of the firehose is: posts about something else).
fn firehose(mentions: &[Mention]) -> Vec<String> {
    let mut out = Vec::new();
    for (i, m) in mentions.iter().enumerate() {
        let other = [
            "Lumora", "lumora", "Fernway", "fernway", "Kestrel", "kestrel",
        ]
        .iter()
        .fold(m.text.clone(), |t, b| t.replace(b, "Acme"));
        for (j, text) in [m.text.as_str(), &other, &other, &other].iter().enumerate() {
            out.push(
                serde_json::json!({"did": format!("did:plc:u{i}"), "time_us": 1_783_175_888_000_000i64 + (i * 4 + j) as i64,
                    "kind": "commit", "commit": {"rev": "r", "operation": "create", "collection": "app.bsky.feed.post",
                    "rkey": format!("k{i}x{j}"), "cid": "c", "record": {"$type": "app.bsky.feed.post",
                    "createdAt": "2026-11-20T10:00:00Z", "langs": ["en"], "text": text}}})
                .to_string(),
            );
        }
    }
    out
}

fn bench(c: &mut Criterion) {
    let (cfg, mentions) = demo();
    let brands = BrandMatcher::new(&cfg.brands).unwrap();
    let src = SourceRef {
        kind: "bluesky_jetstream".into(),
        name: "bluesky".into(),
    };
    let events = firehose(&mentions);
    let mut g = c.benchmark_group("ingest");
    g.throughput(Throughput::Elements(events.len() as u64));
    g.bench_function("jetstream_decode_and_filter", |b| {
        b.iter(|| {
            for e in &events {
                black_box(decode(&src, &brands, e, None).unwrap());
            }
        })
    });

    let page: Vec<serde_json::Value> = mentions
        .iter()
        .take(40)
        .enumerate()
        .map(|(i, m)| {
            serde_json::json!({"id": (1000 + i).to_string(), "uri": format!("https://social.example/s/{i}"),
                "content": format!("<p>{}</p>", m.text.replace('&', "&amp;").replace('<', "&lt;")),
                "created_at": "2026-11-20T10:00:00Z", "language": "en",
                "account": {"acct": "ana", "display_name": "Ana", "followers_count": 5, "following_count": 3, "statuses_count": 9},
                "replies_count": 0, "reblogs_count": 1, "favourites_count": 2})
        })
        .collect();
    let resp = Response {
        status: 200,
        headers: Default::default(),
        body: serde_json::to_vec(&page).unwrap(),
    };
    let feed = mastodon::Mastodon::new(
        MastodonConfig {
            name: "m".into(),
            instance: "http://127.0.0.1:1".into(),
            timeline: MastodonTimeline::Tag,
            hashtag: Some("x".into()),
            query: None,
            local: false,
            token_env: None,
            max_seen: 2000,
            poll: PollConfig::default(),
        },
        None,
    );
    g.throughput(Throughput::Elements(40));
    g.bench_function("mastodon_page_40", |b| {
        b.iter(|| black_box(feed.parse(&Default::default(), &resp, Utc::now()).unwrap()))
    });

    let items: String = mentions
        .iter()
        .take(50)
        .enumerate()
        .map(|(i, m)| {
            format!(
                "<item><title>Post {i}</title><guid>g{i}</guid><link>https://blog.example/{i}?utm_source=x</link><description>&lt;p&gt;{}&lt;/p&gt;</description><pubDate>Tue, 17 Nov 2026 10:00:00 GMT</pubDate></item>",
                m.text.replace('&', "&amp;amp;").replace('<', "&amp;lt;")
            )
        })
        .collect();
    let xml = format!(
        r#"<?xml version="1.0"?><rss version="2.0"><channel><title>t</title>{items}</channel></rss>"#
    );
    let resp = Response {
        status: 200,
        headers: Default::default(),
        body: xml.into_bytes(),
    };
    let feed = rss::Rss::new(RssConfig {
        name: "r".into(),
        url: "http://127.0.0.1:1/".into(),
        max_seen: 2000,
        poll: PollConfig::default(),
    });
    g.throughput(Throughput::Elements(50));
    g.bench_function("rss_feed_50", |b| {
        b.iter(|| black_box(feed.parse(&Default::default(), &resp, Utc::now()).unwrap()))
    });
    g.finish();
}

criterion_group!(benches, bench);
criterion_main!(benches);
