//! Every metric name and label set, in one place. Labels only ever take values from fixed sets:
//! brand and source names come from config, stages/outcomes/reasons/signals/categories are enums.
//! No author, id, URL or text ever becomes a label.

use metrics::{counter, describe_counter, describe_gauge, describe_histogram, gauge, histogram};
use metrics_exporter_prometheus::{Matcher, PrometheusBuilder, PrometheusHandle};

pub const MENTIONS: &str = "earshot_mentions_total";
pub const SIGNALS: &str = "earshot_signals_total";
pub const COMPLAINTS: &str = "earshot_complaints_total";
pub const NET_SENTIMENT: &str = "earshot_brand_net_sentiment";
pub const NET_RECOMMENDATION: &str = "earshot_brand_net_recommendation";
pub const SHARE_OF_VOICE: &str = "earshot_brand_share_of_voice";
pub const STAGE_MESSAGES: &str = "earshot_stage_messages_total";
pub const DLQ: &str = "earshot_dlq_total";
pub const LATENCY: &str = "earshot_pipeline_latency_seconds";
pub const DUPLICATES: &str = "earshot_duplicates_total";
pub const PRODUCE_RETRIES: &str = "earshot_produce_retries_total";
pub const SOURCE_ITEMS: &str = "earshot_source_items_total";
pub const SOURCE_POLLS: &str = "earshot_source_polls_total";
pub const SOURCE_FRESHNESS: &str = "earshot_source_freshness_seconds";
pub const CONSUMER_LAG: &str = "earshot_consumer_lag";
pub const RELOADS: &str = "earshot_config_reloads_total";
pub const CLASSIFIER_CACHE_BYTES: &str = "earshot_classifier_regex_cache_bytes";
pub const CLASSIFIER_CACHE_EVICTIONS: &str = "earshot_classifier_regex_cache_evictions_total";

/// Installs the global Prometheus recorder and describes every metric.
pub fn install() -> Result<PrometheusHandle, String> {
    let handle = PrometheusBuilder::new()
        .set_buckets_for_metric(
            Matcher::Full(LATENCY.into()),
            &[
                0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1.0, 2.5, 5.0, 10.0, 30.0, 60.0,
            ],
        )
        .map_err(|e| e.to_string())?
        .install_recorder()
        .map_err(|e| e.to_string())?;
    describe_counter!(
        MENTIONS,
        "Mentions counted per brand, source and sentiment label (de-duplicated)."
    );
    describe_counter!(SIGNALS, "Peer-recommendation signals per brand and kind.");
    describe_counter!(COMPLAINTS, "Complaints per brand and category.");
    describe_gauge!(
        NET_SENTIMENT,
        "(positive - negative) / mentions, per brand and window."
    );
    describe_gauge!(
        NET_RECOMMENDATION,
        "(recommend - warn) / mentions, per brand and window."
    );
    describe_gauge!(
        SHARE_OF_VOICE,
        "A brand's share of all brand mentions, per window."
    );
    describe_counter!(STAGE_MESSAGES, "Messages handled per stage and outcome.");
    describe_counter!(
        DLQ,
        "Messages sent to the dead-letter queue per stage and reason."
    );
    describe_histogram!(LATENCY, "Seconds from fetch to aggregation.");
    describe_counter!(
        DUPLICATES,
        "Enriched mentions dropped as duplicates by the aggregate stage."
    );
    describe_counter!(
        PRODUCE_RETRIES,
        "Produce attempts that failed and were retried, per topic."
    );
    describe_counter!(
        SOURCE_ITEMS,
        "Items per source and outcome (fetched, produced, rejected)."
    );
    describe_counter!(SOURCE_POLLS, "Polls per source and outcome.");
    describe_gauge!(
        SOURCE_FRESHNESS,
        "Seconds since a source last produced a mention (since start-up when it has not yet)."
    );
    describe_gauge!(
        CLASSIFIER_CACHE_BYTES,
        "Bytes the signal rules' regex search caches hold (bounded by their budget)."
    );
    describe_counter!(
        CLASSIFIER_CACHE_EVICTIONS,
        "Regex search caches dropped to keep the classifier under its memory budget."
    );
    Ok(handle)
}

pub fn stage(stage: &'static str, outcome: &'static str) {
    counter!(STAGE_MESSAGES, "stage" => stage, "outcome" => outcome).increment(1);
}

pub fn dlq(stage: &'static str, reason: &'static str) {
    counter!(DLQ, "stage" => stage, "reason" => reason).increment(1);
}

pub fn produce_retry(topic: &str) {
    counter!(PRODUCE_RETRIES, "topic" => topic.to_string()).increment(1);
}

pub fn source_items(source: &str, outcome: &'static str, n: u64) {
    counter!(SOURCE_ITEMS, "source" => source.to_string(), "outcome" => outcome).increment(n);
}

pub fn source_poll(source: &str, outcome: &'static str) {
    counter!(SOURCE_POLLS, "source" => source.to_string(), "outcome" => outcome).increment(1);
}

/// When each source last produced a mention; `export_freshness` turns it into the gauge.
static LAST_PRODUCED: std::sync::Mutex<
    Option<std::collections::HashMap<String, std::time::Instant>>,
> = std::sync::Mutex::new(None);

/// Records that `source` just produced a mention.
pub fn source_produced(source: &str) {
    let mut g = LAST_PRODUCED.lock().expect("freshness map");
    g.get_or_insert_with(Default::default)
        .insert(source.to_string(), std::time::Instant::now());
}

/// Starts a source's freshness clock at start-up, so a source that never produces still shows, counting
/// up, instead of being missing from the metrics.
pub fn source_started(source: &str) {
    let mut g = LAST_PRODUCED.lock().expect("freshness map");
    g.get_or_insert_with(Default::default)
        .entry(source.to_string())
        .or_insert_with(std::time::Instant::now);
}

/// Sets `earshot_source_freshness_seconds` for every source (called every second).
pub fn export_freshness() {
    let g = LAST_PRODUCED.lock().expect("freshness map");
    for (source, at) in g.iter().flatten() {
        gauge!(SOURCE_FRESHNESS, "source" => source.clone()).set(at.elapsed().as_secs_f64());
    }
}

pub fn reload(outcome: &'static str) {
    counter!(RELOADS, "outcome" => outcome).increment(1);
}

pub fn consumer_lag(group: &str, topic: &str, lag: f64) {
    gauge!(CONSUMER_LAG, "group" => group.to_string(), "topic" => topic.to_string()).set(lag);
}

/// The classifier's regex caches: what they hold, and `dropped` more evictions since last told.
pub fn classifier_caches(bytes: usize, dropped: u64) {
    gauge!(CLASSIFIER_CACHE_BYTES).set(bytes as f64);
    counter!(CLASSIFIER_CACHE_EVICTIONS).increment(dropped);
}

pub fn latency(secs: f64) {
    histogram!(LATENCY).record(secs);
}

pub fn duplicate() {
    counter!(DUPLICATES).increment(1);
}

/// Sets a business counter to the aggregate state's value (counts survive restarts through the
/// aggregate snapshot, so the exported counter is set, not incremented).
pub fn set_mentions(brand: &str, source: &str, sentiment: &'static str, value: u64) {
    counter!(MENTIONS, "brand" => brand.to_string(), "source" => source.to_string(), "sentiment" => sentiment)
        .absolute(value);
}

pub fn set_signals(brand: &str, signal: &'static str, value: u64) {
    counter!(SIGNALS, "brand" => brand.to_string(), "signal" => signal).absolute(value);
}

pub fn set_complaints(brand: &str, category: &'static str, value: u64) {
    counter!(COMPLAINTS, "brand" => brand.to_string(), "category" => category).absolute(value);
}

pub fn set_brand_gauges(
    brand: &str,
    window: &'static str,
    net_sentiment: f64,
    net_recommendation: f64,
    share: f64,
) {
    gauge!(NET_SENTIMENT, "brand" => brand.to_string(), "window" => window).set(net_sentiment);
    gauge!(NET_RECOMMENDATION, "brand" => brand.to_string(), "window" => window)
        .set(net_recommendation);
    gauge!(SHARE_OF_VOICE, "brand" => brand.to_string(), "window" => window).set(share);
}
