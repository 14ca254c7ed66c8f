//! Configuration: `config/earshot.toml` (or `--config` / `EARSHOT_CONFIG`), then `EARSHOT_…` environment
//! overrides, then validation.
//!
//! Every section and every array element is deserialised on its own, so one run of `check-config`
//! reports every problem at once, each with the key path that caused it (`brands[1].query: …`).

use std::collections::BTreeMap;
use std::net::SocketAddr;
use std::path::{Path, PathBuf};

use serde::Deserialize;
use serde::de::DeserializeOwned;

use crate::classify::query::Query;

mod sources;
pub use sources::*;

pub const DEFAULT_PATH: &str = "config/earshot.toml";
const ENV_PREFIX: &str = "EARSHOT_";

/// All the problems found in a configuration, each naming its key.
#[derive(Debug, thiserror::Error)]
#[error("{}", .problems.join("\n"))]
pub struct ConfigErrors {
    pub problems: Vec<String>,
}

#[derive(Debug, Clone, Default)]
pub struct Config {
    pub kafka: KafkaConfig,
    pub http: HttpConfig,
    pub pipeline: PipelineConfig,
    pub classify: ClassifyConfig,
    pub brands: Vec<BrandConfig>,
    pub sources: Vec<SourceConfig>,
    /// Position in the file of each entry of `brands` / `sources`: an entry that failed to parse is
    /// left out, and the ones after it must still be named by their own index.
    brand_pos: Vec<usize>,
    source_pos: Vec<usize>,
    /// Directory of the config file: relative paths in sources resolve against it.
    pub base_dir: PathBuf,
}

#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields, default)]
pub struct KafkaConfig {
    /// `bootstrap.servers`; empty means: start the in-process mock cluster (nothing durable).
    pub brokers: String,
    pub topic_prefix: String,
    /// Consumer groups are `<group_prefix>classify` and `<group_prefix>aggregate`.
    pub group_prefix: String,
    /// Static group membership: a stable name for this process (a pod name, a host name). When set, a
    /// restarted process takes over its own partitions at once instead of waiting for the group to
    /// notice that the old process is gone. Must be unique per process.
    pub instance_id: String,
    pub partitions: i32,
    pub replication_factor: i32,
    /// How long start-up waits for the brokers before giving up with exit code 2.
    pub connect_timeout_secs: u64,
    /// librdkafka properties passed through as they are (SASL, TLS, …).
    pub client: BTreeMap<String, String>,
}

impl Default for KafkaConfig {
    fn default() -> Self {
        Self {
            brokers: String::new(),
            topic_prefix: "earshot.".into(),
            group_prefix: "earshot-".into(),
            instance_id: String::new(),
            partitions: 3,
            replication_factor: 1,
            connect_timeout_secs: 10,
            client: BTreeMap::new(),
        }
    }
}

#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields, default)]
pub struct HttpConfig {
    pub bind: String,
}

impl Default for HttpConfig {
    fn default() -> Self {
        Self {
            bind: "127.0.0.1:9464".into(),
        }
    }
}

#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields, default)]
pub struct PipelineConfig {
    /// Limit for a graceful stop (drain, commit, flush) after SIGINT/SIGTERM.
    pub shutdown_timeout_secs: u64,
    /// Messages a stage may have in flight (produced, not yet acknowledged) per consumer.
    pub max_in_flight: usize,
    /// Mention ids remembered per aggregate partition for de-duplication.
    pub dedup_capacity: usize,
    /// How often the aggregate stage snapshots its state and commits offsets.
    pub snapshot_interval_secs: u64,
}

impl Default for PipelineConfig {
    fn default() -> Self {
        Self {
            shutdown_timeout_secs: 30,
            max_in_flight: 1024,
            dedup_capacity: 100_000,
            snapshot_interval_secs: 5,
        }
    }
}

#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields, default)]
pub struct ClassifyConfig {
    /// Texts longer than this are cut (at a char boundary) and marked `truncated`.
    pub max_text_bytes: usize,
}

impl Default for ClassifyConfig {
    fn default() -> Self {
        Self {
            max_text_bytes: 64 * 1024,
        }
    }
}

#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct BrandConfig {
    pub name: String,
    /// Brand query: phrases, words, #tags, @handles, AND/OR/NOT, parentheses, NEAR/n.
    pub query: String,
    /// Phrases that never count as this brand ("apple pie" for Apple): the words they cover are masked.
    #[serde(default)]
    pub exclude: Vec<String>,
    /// Per-brand valence overrides (word → valence on VADER's −4…+4 scale).
    #[serde(default)]
    pub lexicon: BTreeMap<String, f64>,
}

impl Config {
    /// Reads, overrides from the process environment, and validates.
    pub fn load(path: &Path) -> Result<Config, ConfigErrors> {
        let env: Vec<(String, String)> = std::env::vars().collect();
        Self::load_with_env(path, &env)
    }

    pub fn load_with_env(path: &Path, env: &[(String, String)]) -> Result<Config, ConfigErrors> {
        let text = std::fs::read_to_string(path).map_err(|e| ConfigErrors {
            problems: vec![format!("{}: cannot read config file: {e}", path.display())],
        })?;
        let base_dir = path
            .parent()
            .map(Path::to_path_buf)
            .unwrap_or_else(|| PathBuf::from("."));
        Self::from_toml_str(&text, env, base_dir)
    }

    pub fn from_toml_str(
        text: &str,
        env: &[(String, String)],
        base_dir: PathBuf,
    ) -> Result<Config, ConfigErrors> {
        let mut table: toml::Table = toml::from_str(text).map_err(|e| ConfigErrors {
            problems: vec![format!("syntax: {}", e.to_string().trim_end())],
        })?;
        let mut problems = Vec::new();
        apply_env_overrides(&mut table, env, &mut problems);

        let mut cfg = Config {
            base_dir,
            ..Config::default()
        };
        for (key, value) in &table {
            match key.as_str() {
                "kafka" => section(value, "kafka", &mut problems).map(|v| cfg.kafka = v),
                "http" => section(value, "http", &mut problems).map(|v| cfg.http = v),
                "pipeline" => section(value, "pipeline", &mut problems).map(|v| cfg.pipeline = v),
                "classify" => section(value, "classify", &mut problems).map(|v| cfg.classify = v),
                "brands" => {
                    (cfg.brand_pos, cfg.brands) = array(value, "brands", &mut problems, section)
                        .into_iter()
                        .unzip();
                    Some(())
                }
                "sources" => {
                    (cfg.source_pos, cfg.sources) = array(value, "sources", &mut problems, source)
                        .into_iter()
                        .unzip();
                    Some(())
                }
                other => {
                    problems.push(format!(
                        "{other}: unknown key (expected one of kafka, http, pipeline, classify, brands, sources)"
                    ));
                    None
                }
            };
        }
        cfg.validate(env, &mut problems);
        if problems.is_empty() {
            Ok(cfg)
        } else {
            Err(ConfigErrors { problems })
        }
    }

    fn validate(&self, env: &[(String, String)], problems: &mut Vec<String>) {
        let k = &self.kafka;
        if k.partitions < 1 {
            problems.push("kafka.partitions: must be at least 1".into());
        }
        if k.replication_factor < 1 {
            problems.push("kafka.replication_factor: must be at least 1".into());
        }
        if k.connect_timeout_secs == 0 {
            problems.push("kafka.connect_timeout_secs: must be at least 1".into());
        }
        if !k
            .topic_prefix
            .chars()
            .all(|c| c.is_ascii_alphanumeric() || matches!(c, '.' | '_' | '-'))
        {
            problems.push(format!(
                "kafka.topic_prefix: {:?} may only contain ASCII letters, digits, '.', '_' and '-'",
                k.topic_prefix
            ));
        }
        for broker in k
            .brokers
            .split(',')
            .map(str::trim)
            .filter(|b| !b.is_empty())
        {
            let ok = broker
                .rsplit_once(':')
                .is_some_and(|(host, port)| !host.is_empty() && port.parse::<u16>().is_ok());
            if !ok {
                problems.push(format!("kafka.brokers: {broker:?} is not host:port"));
            }
        }
        if self.http.bind.parse::<SocketAddr>().is_err() {
            problems.push(format!(
                "http.bind: {:?} is not an address like 127.0.0.1:9464",
                self.http.bind
            ));
        }
        let p = &self.pipeline;
        if p.shutdown_timeout_secs == 0 {
            problems.push("pipeline.shutdown_timeout_secs: must be at least 1".into());
        }
        if p.max_in_flight == 0 {
            problems.push("pipeline.max_in_flight: must be at least 1".into());
        }
        if p.dedup_capacity < 1000 {
            problems.push("pipeline.dedup_capacity: must be at least 1000".into());
        }
        if p.snapshot_interval_secs == 0 {
            problems.push("pipeline.snapshot_interval_secs: must be at least 1".into());
        }
        if self.classify.max_text_bytes < 256 {
            problems.push("classify.max_text_bytes: must be at least 256".into());
        }

        if self.brands.is_empty() && problems.iter().all(|p| !p.starts_with("brands")) {
            problems.push("brands: at least one [[brands]] entry is required".into());
        }
        let mut seen = std::collections::HashSet::new();
        for (&i, b) in self.brand_pos.iter().zip(&self.brands) {
            if !valid_label(&b.name) {
                problems.push(format!(
                    "brands[{i}].name: {:?} must be 1-64 characters of letters, digits, space, '.', '_', '-' or '&'",
                    b.name
                ));
            }
            if !seen.insert(b.name.to_lowercase()) {
                problems.push(format!("brands[{i}].name: duplicate brand {:?}", b.name));
            }
            if let Err(e) = Query::parse(&b.query) {
                problems.push(format!("brands[{i}].query: {e}"));
            }
            for (j, ex) in b.exclude.iter().enumerate() {
                if let Err(e) = crate::classify::brands::parse_exclusion(ex) {
                    problems.push(format!("brands[{i}].exclude[{j}]: {e}"));
                }
            }
            for (word, v) in &b.lexicon {
                if !v.is_finite() || v.abs() > 4.0 {
                    problems.push(format!(
                        "brands[{i}].lexicon.{word}: valence {v} is outside -4..4"
                    ));
                }
            }
        }

        let mut seen = std::collections::HashSet::new();
        for (&i, s) in self.source_pos.iter().zip(&self.sources) {
            if !valid_label(s.name()) {
                problems.push(format!(
                    "sources[{i}].name: {:?} must be 1-64 characters of letters, digits, space, '.', '_', '-' or '&'",
                    s.name()
                ));
            }
            if !seen.insert(s.name().to_string()) {
                problems.push(format!(
                    "sources[{i}].name: duplicate source {:?}",
                    s.name()
                ));
            }
            if let SourceConfig::Replay(r) = s {
                if !(r.rate_per_sec.is_finite() && r.rate_per_sec >= 0.0) {
                    problems.push(format!(
                        "sources[{i}].rate_per_sec: must be a number >= 0 (0 = unthrottled)"
                    ));
                }
                let path = self.resolve(&r.path);
                if !path.is_file() {
                    problems.push(format!(
                        "sources[{i}].path: {} is not a readable file",
                        path.display()
                    ));
                }
                if r.max_line_bytes < 1024 {
                    problems.push(format!(
                        "sources[{i}].max_line_bytes: must be at least 1024"
                    ));
                }
            }
            validate_source(i, s, env, problems);
        }
    }

    /// Resolves a path from the config against the config file's directory.
    pub fn resolve(&self, p: &Path) -> PathBuf {
        if p.is_absolute() {
            p.to_path_buf()
        } else {
            self.base_dir.join(p)
        }
    }

    pub fn embedded_kafka(&self) -> bool {
        self.kafka.brokers.trim().is_empty()
    }
}

/// Brand and source names become metric label values and Kafka keys: keep them a small, printable set.
fn valid_label(s: &str) -> bool {
    !s.is_empty()
        && s.len() <= 64
        && s.chars()
            .all(|c| c.is_alphanumeric() || matches!(c, ' ' | '.' | '_' | '-' | '&'))
}

fn section<T: DeserializeOwned>(
    value: &toml::Value,
    key: &str,
    problems: &mut Vec<String>,
) -> Option<T> {
    match serde_path_to_error::deserialize::<_, T>(value.clone()) {
        Ok(v) => Some(v),
        Err(e) => {
            let path = e.path().to_string();
            let at = if path == "." || path.is_empty() {
                key.to_string()
            } else {
                format!("{key}.{path}")
            };
            let msg = e.into_inner().to_string();
            let msg = msg.lines().next().unwrap_or_default().trim().to_string();
            problems.push(format!("{at}: {msg}"));
            None
        }
    }
}

/// The entries of an array of tables that parse, each with its position.
fn array<T>(
    value: &toml::Value,
    key: &str,
    problems: &mut Vec<String>,
    parse: impl Fn(&toml::Value, &str, &mut Vec<String>) -> Option<T>,
) -> Vec<(usize, T)> {
    let Some(items) = value.as_array() else {
        problems.push(format!(
            "{key}: expected an array of tables ([[{key}]]), found {}",
            value.type_str()
        ));
        return Vec::new();
    };
    items
        .iter()
        .enumerate()
        .filter_map(|(i, item)| parse(item, &format!("{key}[{i}]"), problems).map(|t| (i, t)))
        .collect()
}

/// One `[[sources]]` table: `kind` picks the struct, which is then read on its own so that errors
/// inside it keep their full key path (`sources[2].poll.timeout_secs`).
fn source(item: &toml::Value, at: &str, problems: &mut Vec<String>) -> Option<SourceConfig> {
    let Some(table) = item.as_table() else {
        problems.push(format!("{at}: expected a table, found {}", item.type_str()));
        return None;
    };
    let kinds = "replay, rss, mastodon, bluesky_jetstream, bluesky_search, reddit, hackernews, app_store, youtube, webhook";
    let Some(kind) = table.get("kind").and_then(|k| k.as_str()) else {
        problems.push(format!("{at}.kind: missing (expected one of {kinds})"));
        return None;
    };
    let mut rest = table.clone();
    rest.remove("kind");
    let v = toml::Value::Table(rest);
    Some(match kind {
        "replay" => SourceConfig::Replay(section(&v, at, problems)?),
        "rss" => SourceConfig::Rss(section(&v, at, problems)?),
        "mastodon" => SourceConfig::Mastodon(section(&v, at, problems)?),
        "bluesky_jetstream" => SourceConfig::BlueskyJetstream(section(&v, at, problems)?),
        "bluesky_search" => SourceConfig::BlueskySearch(section(&v, at, problems)?),
        "reddit" => SourceConfig::Reddit(section(&v, at, problems)?),
        "hackernews" => SourceConfig::Hackernews(section(&v, at, problems)?),
        "app_store" => SourceConfig::AppStore(section(&v, at, problems)?),
        "youtube" => SourceConfig::Youtube(section(&v, at, problems)?),
        "webhook" => SourceConfig::Webhook(section(&v, at, problems)?),
        other => {
            problems.push(format!(
                "{at}.kind: unknown variant `{other}`, expected one of {kinds}"
            ));
            return None;
        }
    })
}

/// `EARSHOT_KAFKA__BROKERS=host:9092` sets `kafka.brokers`; `EARSHOT_BRANDS__0__QUERY=…` sets the first
/// brand's query. Values are read as TOML when they parse (numbers, booleans, arrays), else as strings.
/// Under `kafka.client`, `_` stands for `.` (`EARSHOT_KAFKA__CLIENT__SASL_PASSWORD` → `sasl.password`),
/// since shells cannot export names with dots.
fn apply_env_overrides(
    table: &mut toml::Table,
    env: &[(String, String)],
    problems: &mut Vec<String>,
) {
    let mut vars: Vec<&(String, String)> = env
        .iter()
        .filter(|(k, _)| k.starts_with(ENV_PREFIX) && k != "EARSHOT_CONFIG" && k != "EARSHOT_LOG")
        .collect();
    vars.sort();
    for (name, raw) in vars {
        let rest = &name[ENV_PREFIX.len()..];
        // A config key always has a section: `EARSHOT_MASTODON_TOKEN` (no `__`) is not an override, so
        // secrets may carry the prefix too.
        if !rest.contains("__") {
            continue;
        }
        let mut segs: Vec<String> = rest.split("__").map(|s| s.to_ascii_lowercase()).collect();
        if segs.len() == 3 && segs[0] == "kafka" && segs[1] == "client" {
            segs[2] = segs[2].replace('_', ".");
        }
        if segs.iter().any(String::is_empty) {
            problems.push(format!("{name}: malformed override name"));
            continue;
        }
        let value = parse_env_value(raw);
        if let Err(msg) = set_path(table, &segs, value) {
            problems.push(format!("{name}: {msg}"));
        }
    }
}

fn parse_env_value(raw: &str) -> toml::Value {
    let doc = format!("v = {raw}");
    match toml::from_str::<toml::Table>(&doc) {
        Ok(mut t) => t
            .remove("v")
            .unwrap_or_else(|| toml::Value::String(raw.into())),
        Err(_) => toml::Value::String(raw.to_string()),
    }
}

fn set_path(table: &mut toml::Table, segs: &[String], value: toml::Value) -> Result<(), String> {
    let (first, rest) = segs.split_first().ok_or("empty key")?;
    if rest.is_empty() {
        table.insert(first.clone(), value);
        return Ok(());
    }
    let entry = table
        .entry(first.clone())
        .or_insert_with(|| toml::Value::Table(toml::Table::new()));
    set_in_value(entry, rest, value)
}

fn set_in_value(
    target: &mut toml::Value,
    segs: &[String],
    value: toml::Value,
) -> Result<(), String> {
    match target {
        toml::Value::Table(t) => set_path(t, segs, value),
        toml::Value::Array(items) => {
            let (first, rest) = segs.split_first().ok_or("empty key")?;
            let idx: usize = first
                .parse()
                .map_err(|_| format!("{first:?} is not an array index"))?;
            let len = items.len();
            let item = items
                .get_mut(idx)
                .ok_or_else(|| format!("index {idx} is past the end of the array ({len} items)"))?;
            if rest.is_empty() {
                *item = value;
                Ok(())
            } else {
                set_in_value(item, rest, value)
            }
        }
        other => Err(format!("cannot set a key inside a {}", other.type_str())),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const GOOD: &str = r#"
        [kafka]
        partitions = 2
        [[brands]]
        name = "Acme"
        query = '"acme" OR #acme'
    "#;

    fn load(text: &str, env: &[(&str, &str)]) -> Result<Config, ConfigErrors> {
        let env: Vec<(String, String)> = env
            .iter()
            .map(|(a, b)| (a.to_string(), b.to_string()))
            .collect();
        Config::from_toml_str(text, &env, PathBuf::from("."))
    }

    #[test]
    fn good_config_loads_with_defaults() {
        let c = load(GOOD, &[]).unwrap();
        assert_eq!(c.kafka.partitions, 2);
        assert_eq!(c.http.bind, "127.0.0.1:9464");
        assert!(c.embedded_kafka());
    }

    #[test]
    fn every_problem_is_reported_with_its_key() {
        let text = r#"
            colour = 1
            [kafka]
            partitions = "three"
            [http]
            bind = "nowhere"
            [[brands]]
            name = "A"
            query = '"unclosed'
            [[brands]]
            name = "B"
            quer = "b"
        "#;
        let err = load(text, &[]).unwrap_err();
        let all = err.to_string();
        assert!(all.contains("colour: unknown key"), "{all}");
        assert!(all.contains("kafka.partitions: invalid type"), "{all}");
        assert!(all.contains("http.bind"), "{all}");
        assert!(all.contains("brands[0].query"), "{all}");
        assert!(
            all.contains("brands[1].quer: unknown field `quer`"),
            "{all}"
        );
        assert_eq!(err.problems.len(), 5, "{all}");
    }

    #[test]
    fn env_overrides_nested_keys_and_arrays() {
        let c = load(
            GOOD,
            &[
                ("EARSHOT_KAFKA__BROKERS", "127.0.0.1:9092"),
                ("EARSHOT_KAFKA__PARTITIONS", "6"),
                ("EARSHOT_BRANDS__0__QUERY", "acme OR acmecorp"),
                ("EARSHOT_KAFKA__CLIENT__SASL_MECHANISM", "PLAIN"),
            ],
        )
        .unwrap();
        assert_eq!(c.kafka.brokers, "127.0.0.1:9092");
        assert_eq!(c.kafka.partitions, 6);
        assert_eq!(c.brands[0].query, "acme OR acmecorp");
        assert_eq!(c.kafka.client["sasl.mechanism"], "PLAIN");
    }

    #[test]
    fn env_override_with_bad_index_is_reported() {
        let err = load(GOOD, &[("EARSHOT_BRANDS__5__QUERY", "x")]).unwrap_err();
        assert!(err.to_string().contains("EARSHOT_BRANDS__5__QUERY"));
    }

    #[test]
    fn secrets_with_the_prefix_are_not_overrides() {
        let c = load(GOOD, &[("EARSHOT_MASTODON_TOKEN", "t0k3n")]).unwrap();
        assert_eq!(c.brands.len(), 1);
    }

    #[test]
    fn a_broken_entry_does_not_shift_the_names_of_later_ones() {
        let text = r#"
            [[brands]]
            name = "A"
            [[brands]]
            name = "A"
            query = "a"
            [[brands]]
            name = "A"
            query = "a"
        "#;
        let err = load(text, &[]).unwrap_err().to_string();
        assert!(err.contains("brands[0]: missing field `query`"), "{err}");
        assert!(err.contains("brands[2].name: duplicate brand"), "{err}");
    }

    #[test]
    fn missing_query_is_named() {
        let err = load("[[brands]]\nname = \"A\"\n", &[]).unwrap_err();
        assert!(
            err.to_string().contains("brands[0]: missing field `query`"),
            "{err}"
        );
    }
}
