//! The ingest role: one task per configured source, each stopped by `stop` and tracked by `tracker`.
//! Credentials are read from the environment here, once; a missing one is a configuration error
//! (exit code 2) rather than a source that fails quietly later.

use std::collections::HashMap;
use std::sync::Arc;

use tokio_util::sync::CancellationToken;
use tokio_util::task::TaskTracker;

use super::RunError;
use crate::classify::brands::BrandMatcher;
use crate::config::{Config, SourceConfig};
use crate::ingest::build::{FeedVisitor, with_http_feed};
use crate::ingest::poll::{self, HttpTransport, PollError};
use crate::ingest::replay::Replay;
use crate::ingest::sink::{KafkaSink, SinkError};
use crate::ingest::webhook::{Webhook, WebhookSlot, Webhooks};
use crate::ingest::{Feed, jetstream, secret_from_env};
use crate::kafka::{self, Kafka};

fn env_opt(var: &Option<String>, what: &str) -> Result<Option<String>, RunError> {
    var.as_deref()
        .map(|v| secret_from_env(v, what))
        .transpose()
        .map_err(RunError::Config)
}

/// Whether an error only says that the process is stopping.
fn cancelled(e: &SinkError) -> bool {
    matches!(e, SinkError::Kafka(kafka::Error::Cancelled))
}

/// How sources are told to stop: `stop` asks them to finish (checkpointing), `abort` gives up on
/// sends still waiting for Kafka (the shutdown limit passed).
pub(super) struct Stop {
    pub stop: CancellationToken,
    pub abort: CancellationToken,
}

pub(super) fn spawn_all(
    cfg: &Config,
    brands: tokio::sync::watch::Receiver<Arc<BrandMatcher>>,
    kafka: Arc<Kafka>,
    webhooks: &WebhookSlot,
    tracker: &TaskTracker,
    Stop { stop, abort }: Stop,
    report: impl Fn(String) + Clone + Send + Sync + 'static,
) -> Result<(), RunError> {
    let sink = KafkaSink::new(kafka.clone(), abort.clone())
        .map_err(|e| RunError::Config(format!("cannot create the ingest producer: {e}")))?;
    let mut hooks = HashMap::new();

    for (i, s) in cfg.sources.iter().enumerate() {
        let what = |k: &str| format!("sources[{i}].{k}");
        crate::telemetry::source_started(s.name());
        match s {
            SourceConfig::Replay(r) => {
                let replay = Replay {
                    cfg: r.clone(),
                    path: cfg.resolve(&r.path),
                    kafka: kafka.clone(),
                };
                let (stop, abort, report) = (stop.clone(), abort.clone(), report.clone());
                tracker.spawn(async move {
                    if let Err(e) = replay.run(stop, abort).await
                        && !matches!(
                            e,
                            crate::ingest::replay::Error::Kafka(kafka::Error::Cancelled)
                        )
                    {
                        report(format!("source failed: {e}"));
                    }
                });
            }
            SourceConfig::BlueskyJetstream(c) => {
                let js = jetstream::Jetstream::new(c.clone(), brands.clone(), sink.clone())
                    .map_err(|e| RunError::Config(format!("{}: {e}", what("url"))))?;
                let (stop, report, name) = (stop.clone(), report.clone(), c.name.clone());
                tracker.spawn(async move {
                    if let Err(jetstream::Error::Sink(e)) = js.run(stop).await
                        && !cancelled(&e)
                    {
                        report(format!("source {name} failed: {e}"));
                    }
                });
            }
            SourceConfig::Webhook(c) => {
                let token = env_opt(&c.token_env, &what("token_env"))?;
                let secret = env_opt(&c.hmac_secret_env, &what("hmac_secret_env"))?;
                hooks.insert(c.name.clone(), Webhook::new(c.clone(), token, secret));
            }
            http => {
                let spawn = SpawnPoller {
                    sink: sink.clone(),
                    tracker,
                    stop: stop.clone(),
                    report: report.clone(),
                };
                with_http_feed(i, http, brands.clone().into(), spawn)
                    .map_err(RunError::Config)?
                    .transpose()
                    .map_err(RunError::Config)?;
            }
        }
    }
    let _ = webhooks.set(Arc::new(Webhooks {
        by_name: hooks,
        sink: Arc::new(sink),
    }));
    Ok(())
}

/// Spawns the shared poll loop over a feed.
struct SpawnPoller<'a, R> {
    sink: KafkaSink,
    tracker: &'a TaskTracker,
    stop: CancellationToken,
    report: R,
}

impl<R: Fn(String) + Send + 'static> FeedVisitor for SpawnPoller<'_, R> {
    type Out = Result<(), String>;

    fn visit<F: Feed>(self, feed: F, poll_cfg: crate::config::PollConfig) -> Self::Out {
        let transport = HttpTransport::new(&poll_cfg.user_agent)?;
        let name = feed.source().name.clone();
        let (sink, stop, report) = (self.sink, self.stop, self.report);
        self.tracker.spawn(async move {
            match poll::run(feed, transport, sink, poll_cfg, stop).await {
                Err(PollError::Sink(e)) if !cancelled(&e) => {
                    report(format!("source {name} failed: {e}"))
                }
                _ => {}
            }
        });
        Ok(())
    }
}
