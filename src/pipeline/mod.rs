//! `earshot run`: starts Kafka (embedded or configured), the HTTP listener, and the requested roles, and
//! stops them in order on a signal: sources first, then the stages drain what is in flight, commit and
//! flush. A second signal exits at once.

pub mod aggregate_stage;
pub mod classify_stage;
mod sources;

use std::collections::{BTreeMap, HashSet};
use std::net::SocketAddr;
use std::sync::{Arc, Mutex, RwLock};
use std::time::Duration;

use metrics_exporter_prometheus::PrometheusHandle;
use tokio_util::sync::CancellationToken;
use tokio_util::task::TaskTracker;

use crate::classify::Classifier;
use crate::classify::brands::BrandMatcher;
use crate::config::Config;
use crate::kafka::{self, EmbeddedKafka, Kafka};

#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Role {
    Ingest,
    Classify,
    Aggregate,
}

impl Role {
    pub fn parse_list(s: &str) -> Result<Vec<Role>, String> {
        let mut out = Vec::new();
        for part in s.split(',').map(str::trim).filter(|p| !p.is_empty()) {
            let r = match part {
                "ingest" => Role::Ingest,
                "classify" => Role::Classify,
                "aggregate" => Role::Aggregate,
                other => {
                    return Err(format!(
                        "unknown role {other:?} (expected ingest, classify, aggregate)"
                    ));
                }
            };
            if !out.contains(&r) {
                out.push(r);
            }
        }
        if out.is_empty() {
            return Err("no roles given".into());
        }
        Ok(out)
    }
}

#[derive(Debug, thiserror::Error)]
pub enum RunError {
    /// Configuration that only shows itself at start-up (unreachable brokers): exit code 2.
    #[error("{0}")]
    Config(String),
    #[error("http.bind: cannot listen on {addr}: {err}")]
    Bind {
        addr: SocketAddr,
        err: std::io::Error,
    },
    #[error(transparent)]
    Kafka(#[from] kafka::Error),
    #[error("{0}")]
    Classifier(String),
    #[error(
        "shutdown did not finish within {0}s; in-flight work was abandoned (it will be redone after restart)"
    )]
    ShutdownTimeout(u64),
    #[error("a role failed: {0}")]
    RoleFailed(String),
}

/// What `/readyz` reports: Kafka reachable and every requested role running.
#[derive(Default)]
pub struct Health {
    kafka: std::sync::atomic::AtomicBool,
    roles: Mutex<BTreeMap<&'static str, bool>>,
}

impl Health {
    pub fn set_kafka(&self, ok: bool) {
        self.kafka.store(ok, std::sync::atomic::Ordering::Relaxed);
    }

    pub fn set_role(&self, role: &'static str, running: bool) {
        self.roles.lock().expect("health").insert(role, running);
    }

    pub fn report(&self) -> (bool, serde_json::Value) {
        let kafka = self.kafka.load(std::sync::atomic::Ordering::Relaxed);
        let roles = self.roles.lock().expect("health").clone();
        let ready = kafka && !roles.is_empty() && roles.values().all(|r| *r);
        (
            ready,
            serde_json::json!({ "ready": ready, "kafka": kafka, "roles": roles }),
        )
    }
}

/// Shared with the HTTP layer.
#[derive(Clone)]
pub struct AppState {
    pub prometheus: PrometheusHandle,
    pub health: Arc<Health>,
    pub brands: aggregate_stage::BrandView,
    /// Webhook sources, filled once Kafka is up (pushes before that get 503).
    pub webhooks: crate::ingest::webhook::WebhookSlot,
}

/// Resolves on the first SIGINT/SIGTERM; a second one exits the process at once.
async fn wait_for_signal() {
    use tokio::signal::unix::{SignalKind, signal};
    let mut term = signal(SignalKind::terminate()).expect("install SIGTERM handler");
    let mut int = signal(SignalKind::interrupt()).expect("install SIGINT handler");
    tokio::select! {
        _ = term.recv() => {}
        _ = int.recv() => {}
    }
    tracing::info!("signal received: stopping (send again to exit at once)");
    tokio::spawn(async move {
        tokio::select! {
            _ = term.recv() => {}
            _ = int.recv() => {}
        }
        eprintln!("second signal: exiting now");
        std::process::exit(130);
    });
}

/// Rebuilds the classifier and the sources' brand filter from the config file on every SIGHUP (brand
/// queries, exclusions and lexicon overrides change without a restart). An invalid file is reported and
/// the running ones kept.
async fn reload_on_sighup(
    path: std::path::PathBuf,
    classifier_tx: Option<tokio::sync::watch::Sender<Arc<Classifier>>>,
    brands_tx: Option<tokio::sync::watch::Sender<Arc<BrandMatcher>>>,
    stop: CancellationToken,
) {
    use tokio::signal::unix::{SignalKind, signal};
    let Ok(mut hup) = signal(SignalKind::hangup()) else {
        tracing::warn!("cannot install SIGHUP handler; reload disabled");
        return;
    };
    loop {
        tokio::select! {
            _ = stop.cancelled() => return,
            r = hup.recv() => if r.is_none() { return },
        }
        let rebuilt = Config::load(&path).map(|cfg| {
            let classifier = classifier_tx
                .as_ref()
                .map(|_| Classifier::new(&cfg.brands, &cfg.classify))
                .transpose();
            let brands = brands_tx
                .as_ref()
                .map(|_| BrandMatcher::new(&cfg.brands))
                .transpose();
            (cfg, classifier.and_then(|c| brands.map(|b| (c, b))))
        });
        match rebuilt {
            Ok((cfg, built)) => match built {
                Ok((c, b)) => {
                    if let (Some(tx), Some(c)) = (&classifier_tx, c) {
                        let _ = tx.send(Arc::new(c));
                    }
                    if let (Some(tx), Some(b)) = (&brands_tx, b) {
                        let _ = tx.send(Arc::new(b));
                    }
                    crate::telemetry::reload("ok");
                    tracing::info!(path = %path.display(), brands = cfg.brands.len(), "SIGHUP: brands reloaded (classifier and source filters)");
                }
                Err(e) => {
                    crate::telemetry::reload("error");
                    tracing::error!("SIGHUP: reload failed, keeping the running classifier: {e}");
                }
            },
            Err(e) => {
                crate::telemetry::reload("error");
                tracing::error!(
                    "SIGHUP: {} is invalid, keeping the running classifier:\n{e}",
                    path.display()
                );
            }
        }
    }
}

pub async fn run(
    cfg: Config,
    config_path: std::path::PathBuf,
    roles: Vec<Role>,
    prometheus: PrometheusHandle,
) -> Result<(), RunError> {
    let health = Arc::new(Health::default());
    let brands_view: aggregate_stage::BrandView = Arc::new(RwLock::new(BTreeMap::new()));
    let state = AppState {
        prometheus,
        health: health.clone(),
        brands: brands_view.clone(),
        webhooks: Default::default(),
    };
    let webhooks = state.webhooks.clone();

    // Listen first: a port conflict should fail before anything else starts.
    let addr: SocketAddr = cfg
        .http
        .bind
        .parse()
        .map_err(|e| RunError::Config(format!("http.bind: {e}")))?;
    let listener = tokio::net::TcpListener::bind(addr)
        .await
        .map_err(|err| RunError::Bind { addr, err })?;
    let local = listener
        .local_addr()
        .map_err(|err| RunError::Bind { addr, err })?;
    tracing::info!(
        "HTTP listening on http://{local} (/metrics, /healthz, /readyz, /api/brands, POST /ingest/{{source}})"
    );
    let http_stop = CancellationToken::new();
    let http_task = tokio::spawn(crate::http::serve(listener, state, http_stop.clone()));

    let embedded;
    let bootstrap = if cfg.embedded_kafka() {
        let topics = kafka::Topics::new(&cfg.kafka.topic_prefix);
        embedded = Some(EmbeddedKafka::start(&topics, cfg.kafka.partitions)?);
        let b = embedded
            .as_ref()
            .map(|e| e.bootstrap.clone())
            .unwrap_or_default();
        tracing::warn!(
            "no kafka.brokers configured: running an EMBEDDED in-memory Kafka ({b}). Nothing is durable: \
             all mentions, offsets and counts are lost when the process exits. Set kafka.brokers for production."
        );
        b
    } else {
        embedded = None;
        cfg.kafka.brokers.clone()
    };
    let kafka = Arc::new(Kafka::new(&cfg.kafka, &bootstrap));
    let timeout = Duration::from_secs(cfg.kafka.connect_timeout_secs);
    kafka.probe(timeout).await.map_err(|e| match e {
        kafka::Error::Unreachable { .. } => RunError::Config(e.to_string()),
        other => RunError::Kafka(other),
    })?;
    if embedded.is_none() {
        kafka
            .ensure_topics(cfg.kafka.partitions, cfg.kafka.replication_factor, timeout)
            .await?;
    }
    health.set_kafka(true);

    let sources_stop = CancellationToken::new();
    let stages_stop = CancellationToken::new();
    let abort = CancellationToken::new();
    let failed = CancellationToken::new();
    let failure: Arc<Mutex<Option<String>>> = Arc::new(Mutex::new(None));
    let sources = TaskTracker::new();
    let stages = TaskTracker::new();

    let report_failure = {
        let failed = failed.clone();
        let failure = failure.clone();
        move |what: String| {
            tracing::error!("{what}");
            failure.lock().expect("failure").get_or_insert(what);
            failed.cancel();
        }
    };

    let mut brands_tx = None;
    if roles.contains(&Role::Ingest) {
        let brands = Arc::new(BrandMatcher::new(&cfg.brands).map_err(RunError::Classifier)?);
        let (tx, rx) = tokio::sync::watch::channel(brands);
        brands_tx = Some(tx);
        sources::spawn_all(
            &cfg,
            rx,
            kafka.clone(),
            &webhooks,
            &sources,
            sources::Stop {
                stop: sources_stop.clone(),
                abort: abort.clone(),
            },
            report_failure.clone(),
        )?;
        health.set_role("ingest", true);
    }
    let mut classifier_tx = None;
    if roles.contains(&Role::Classify) {
        let classifier =
            Arc::new(Classifier::new(&cfg.brands, &cfg.classify).map_err(RunError::Classifier)?);
        let (tx, classifier) = tokio::sync::watch::channel(classifier);
        classifier_tx = Some(tx);
        let (k, stop, abort, h) = (
            kafka.clone(),
            stages_stop.clone(),
            abort.clone(),
            health.clone(),
        );
        let max = cfg.pipeline.max_in_flight;
        let report = report_failure.clone();
        stages.spawn(async move {
            let ready = |r: bool| h.set_role("classify", r);
            if let Err(e) = classify_stage::run(k, classifier, max, stop, abort, ready).await {
                report(format!("classify stage failed: {e}"));
            }
        });
    }
    if roles.contains(&Role::Aggregate) {
        let settings = aggregate_stage::Settings {
            dedup_capacity: cfg.pipeline.dedup_capacity,
            snapshot_interval: Duration::from_secs(cfg.pipeline.snapshot_interval_secs),
            sources: cfg
                .sources
                .iter()
                .map(|s| s.name().to_string())
                .collect::<HashSet<_>>(),
            brands: cfg.brands.iter().map(|b| b.name.clone()).collect(),
        };
        let (k, stop, abort, h) = (
            kafka.clone(),
            stages_stop.clone(),
            abort.clone(),
            health.clone(),
        );
        let view = brands_view.clone();
        let report = report_failure.clone();
        stages.spawn(async move {
            let ready = |r: bool| h.set_role("aggregate", r);
            if let Err(e) = aggregate_stage::run(k, settings, view, stop, abort, ready).await {
                report(format!("aggregate stage failed: {e}"));
            }
        });
    }
    if classifier_tx.is_some() || brands_tx.is_some() {
        tokio::spawn(reload_on_sighup(
            config_path.clone(),
            classifier_tx,
            brands_tx,
            stages_stop.clone(),
        ));
    }
    sources.close();
    stages.close();
    let freshness_stop = http_stop.clone();
    tokio::spawn(async move {
        let mut tick = tokio::time::interval(Duration::from_secs(1));
        loop {
            tokio::select! {
                _ = freshness_stop.cancelled() => return,
                _ = tick.tick() => crate::telemetry::export_freshness(),
            }
        }
    });

    tokio::select! {
        _ = wait_for_signal() => {}
        _ = failed.cancelled() => {}
    }
    let limit = Duration::from_secs(cfg.pipeline.shutdown_timeout_secs);
    let graceful = async {
        sources_stop.cancel();
        sources.wait().await;
        stages_stop.cancel();
        stages.wait().await;
    };
    let timed_out = tokio::time::timeout(limit, graceful).await.is_err();
    if timed_out {
        abort.cancel();
        // Give aborted tasks a moment to unwind.
        let _ = tokio::time::timeout(Duration::from_secs(2), async {
            sources.wait().await;
            stages.wait().await;
        })
        .await;
    }
    http_stop.cancel();
    let _ = http_task.await;
    drop(embedded);
    if let Some(f) = failure.lock().expect("failure").take() {
        return Err(RunError::RoleFailed(f));
    }
    if timed_out {
        return Err(RunError::ShutdownTimeout(
            cfg.pipeline.shutdown_timeout_secs,
        ));
    }
    tracing::info!("stopped cleanly");
    Ok(())
}
