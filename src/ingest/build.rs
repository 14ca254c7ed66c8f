//! Builds a configured HTTP source's [`Feed`] (reading its credentials from the environment), for the
//! ingest role and for `earshot fetch`. `Feed` has an associated cursor type, so it cannot be a trait
//! object: callers pass a [`FeedVisitor`] that is generic over the feed instead.

use super::poll::{self, HttpTransport};
use super::{
    BrandFilter, Feed, appstore, bluesky, hackernews, mastodon, reddit, rss, secret_from_env,
    youtube,
};
use crate::config::{PollConfig, SourceConfig};
use crate::model::Mention;

/// Something done with a feed, whatever its type.
pub trait FeedVisitor {
    type Out;
    fn visit<F: Feed>(self, feed: F, poll: PollConfig) -> Self::Out;
}

/// Builds the feed of source `i` and hands it to `v`. `Ok(None)` for sources that are not polled over
/// HTTP (replay, Jetstream, webhook); `Err` names the missing credential.
pub fn with_http_feed<V: FeedVisitor>(
    i: usize,
    s: &SourceConfig,
    brands: BrandFilter,
    v: V,
) -> Result<Option<V::Out>, String> {
    let what = |k: &str| format!("sources[{i}].{k}");
    let opt = |var: &Option<String>, k: &str| {
        var.as_deref()
            .map(|v| secret_from_env(v, &what(k)))
            .transpose()
    };
    let Some(poll) = s.poll() else {
        return Ok(None);
    };
    Ok(Some(match s {
        SourceConfig::Rss(c) => v.visit(rss::Rss::new(c.clone()), poll),
        SourceConfig::Mastodon(c) => {
            let token = opt(&c.token_env, "token_env")?;
            v.visit(mastodon::Mastodon::new(c.clone(), token), poll)
        }
        SourceConfig::BlueskySearch(c) => {
            let id = secret_from_env(&c.identifier_env, &what("identifier_env"))?;
            let pw = secret_from_env(&c.password_env, &what("password_env"))?;
            v.visit(bluesky::BlueskySearch::new(c.clone(), id, pw), poll)
        }
        SourceConfig::Reddit(c) => {
            let token = opt(&c.token_env, "token_env")?;
            v.visit(reddit::Reddit::new(c.clone(), token), poll)
        }
        SourceConfig::Hackernews(c) => {
            v.visit(hackernews::HackerNews::new(c.clone(), brands), poll)
        }
        SourceConfig::AppStore(c) => v.visit(appstore::AppStore::new(c.clone()), poll),
        SourceConfig::Youtube(c) => {
            let key = secret_from_env(&c.api_key_env, &what("api_key_env"))?;
            v.visit(youtube::Youtube::new(c.clone(), key), poll)
        }
        SourceConfig::Replay(_) | SourceConfig::BlueskyJetstream(_) | SourceConfig::Webhook(_) => {
            return Ok(None);
        }
    }))
}

/// What one page of a dry run gave.
#[derive(Debug)]
pub struct PageSummary {
    pub mentions: Vec<Mention>,
    pub fetched: usize,
    pub filtered: usize,
    pub rejected: Vec<String>,
    pub cursor: serde_json::Value,
}

/// A dry run: one catch-up of the feed from its head, nothing produced or stored.
pub struct DryRun {
    pub pages: usize,
}

impl FeedVisitor for DryRun {
    type Out = std::pin::Pin<Box<dyn Future<Output = Result<Vec<PageSummary>, String>>>>;

    fn visit<F: Feed>(self, feed: F, poll: PollConfig) -> Self::Out {
        Box::pin(async move {
            let transport = HttpTransport::new(&poll.user_agent)?;
            let pages = poll::fetch_pages(&feed, &transport, &poll, self.pages).await?;
            Ok(pages
                .into_iter()
                .map(|p| PageSummary {
                    cursor: serde_json::to_value(&p.cursor).unwrap_or_default(),
                    fetched: p.fetched,
                    filtered: p.filtered,
                    rejected: p.rejected.into_iter().map(|r| r.detail).collect(),
                    mentions: p.mentions,
                })
                .collect())
        })
    }
}
