//! Helpers for tests that drive the real `earshot` binary: configs in temp dirs, free ports, a tiny
//! HTTP client for `/metrics`, signals, and expected counts.
#![allow(dead_code)]

pub mod feedserver;

use std::collections::BTreeMap;
use std::io::{Read, Write};
use std::net::TcpStream;
use std::path::{Path, PathBuf};
use std::process::{Child, Command, ExitStatus, Stdio};
use std::sync::atomic::{AtomicU32, Ordering};
use std::time::{Duration, Instant};

pub const BIN: &str = env!("CARGO_BIN_EXE_earshot");

pub fn manifest_dir() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
}

/// The real broker started by `deploy/test.sh`. Tests that need it fail loudly without it rather
/// than pass vacuously.
pub fn real_brokers() -> String {
    std::env::var("KAFKA_TEST_BROKERS").unwrap_or_else(|_| {
        panic!(
            "KAFKA_TEST_BROKERS is not set: run the suite with ./deploy/test.sh, which installs and \
             starts the tansu broker"
        )
    })
}

pub fn free_port() -> u16 {
    std::net::TcpListener::bind("127.0.0.1:0")
        .unwrap()
        .local_addr()
        .unwrap()
        .port()
}

/// A unique name per test run, for topic and group prefixes on the shared broker.
pub fn unique(tag: &str) -> String {
    static N: AtomicU32 = AtomicU32::new(0);
    let nanos = std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .unwrap()
        .subsec_nanos();
    format!(
        "{tag}{}x{}x{}",
        std::process::id(),
        N.fetch_add(1, Ordering::SeqCst),
        nanos % 100_000
    )
}

pub struct Setup {
    pub dir: tempfile::TempDir,
    pub config: PathBuf,
    pub port: u16,
}

/// Writes a config with the test brands, one replay source over `input`, and the given Kafka.
pub fn setup(brokers: Option<&str>, prefix: &str, input: &Path, rate_per_sec: f64) -> Setup {
    let dir = tempfile::tempdir().unwrap();
    let port = free_port();
    let brands =
        std::fs::read_to_string(manifest_dir().join("tests/fixtures/brands.toml")).unwrap();
    let text = format!(
        r#"
[kafka]
brokers = "{brokers}"
topic_prefix = "{prefix}."
group_prefix = "{prefix}-"
partitions = 3
connect_timeout_secs = 10

[http]
bind = "127.0.0.1:{port}"

[pipeline]
snapshot_interval_secs = 1
shutdown_timeout_secs = 30

{brands}

[[sources]]
kind = "replay"
name = "e2e"
path = "{input}"
rate_per_sec = {rate_per_sec}
loop = false
"#,
        brokers = brokers.unwrap_or(""),
        input = input.display(),
    );
    let config = dir.path().join("earshot.toml");
    std::fs::write(&config, text).unwrap();
    Setup { dir, config, port }
}

pub struct Earshot {
    pub child: Child,
    pub port: u16,
    pub log: PathBuf,
}

impl Earshot {
    pub fn start(s: &Setup, run_no: u32) -> Earshot {
        let log = s.dir.path().join(format!("earshot-{run_no}.log"));
        let child = Command::new(BIN)
            .args(["run", "--config"])
            .arg(&s.config)
            .env("EARSHOT_LOG", "info,rdkafka=warn")
            .stdout(Stdio::null())
            .stderr(std::fs::File::create(&log).unwrap())
            .spawn()
            .unwrap();
        Earshot {
            child,
            port: s.port,
            log,
        }
    }

    pub fn log_text(&self) -> String {
        std::fs::read_to_string(&self.log).unwrap_or_default()
    }

    pub fn wait_ready(&mut self, timeout: Duration) {
        let deadline = Instant::now() + timeout;
        while Instant::now() < deadline {
            if let Some(status) = self.child.try_wait().unwrap() {
                panic!("earshot exited early ({status}):\n{}", self.log_text());
            }
            if let Some((200, _)) = http_get(self.port, "/readyz") {
                return;
            }
            std::thread::sleep(Duration::from_millis(100));
        }
        panic!("earshot not ready within {timeout:?}:\n{}", self.log_text());
    }

    pub fn signal(&self, sig: &str) {
        let st = Command::new("kill")
            .args([&format!("-{sig}"), &self.child.id().to_string()])
            .status()
            .unwrap();
        assert!(st.success());
    }

    pub fn wait_exit(&mut self, timeout: Duration) -> ExitStatus {
        let deadline = Instant::now() + timeout;
        loop {
            if let Some(st) = self.child.try_wait().unwrap() {
                return st;
            }
            if Instant::now() > deadline {
                let _ = self.child.kill();
                panic!(
                    "earshot did not exit within {timeout:?}:\n{}",
                    self.log_text()
                );
            }
            std::thread::sleep(Duration::from_millis(50));
        }
    }

    pub fn metrics(&self) -> Metrics {
        let (code, body) = http_get(self.port, "/metrics").expect("metrics reachable");
        assert_eq!(code, 200);
        Metrics::parse(&body)
    }

    /// Polls `/metrics` until `done` holds; returns the last scrape.
    pub fn wait_for(
        &mut self,
        timeout: Duration,
        what: &str,
        done: impl Fn(&Metrics) -> bool,
    ) -> Metrics {
        let deadline = Instant::now() + timeout;
        loop {
            if let Some(status) = self.child.try_wait().unwrap() {
                panic!(
                    "earshot exited ({status}) while waiting for {what}:\n{}",
                    self.log_text()
                );
            }
            let m = self.metrics();
            if done(&m) {
                return m;
            }
            if Instant::now() > deadline {
                panic!(
                    "timed out waiting for {what}; last mentions: {:?}\nlog:\n{}",
                    m.mentions(),
                    self.log_text()
                );
            }
            std::thread::sleep(Duration::from_millis(200));
        }
    }
}

impl Drop for Earshot {
    fn drop(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}

/// Minimal HTTP/1.0 GET on loopback.
pub fn http_get(port: u16, path: &str) -> Option<(u16, String)> {
    let mut s = TcpStream::connect(("127.0.0.1", port)).ok()?;
    s.set_read_timeout(Some(Duration::from_secs(5))).ok()?;
    write!(s, "GET {path} HTTP/1.0\r\nHost: 127.0.0.1\r\n\r\n").ok()?;
    let mut buf = String::new();
    s.read_to_string(&mut buf).ok()?;
    let code = buf.split_whitespace().nth(1)?.parse().ok()?;
    let body = buf
        .split_once("\r\n\r\n")
        .map(|(_, b)| b.to_string())
        .unwrap_or_default();
    Some((code, body))
}

/// Parsed Prometheus text: series (name + sorted labels) → value.
#[derive(Debug, Clone, Default)]
pub struct Metrics(pub BTreeMap<String, f64>);

impl Metrics {
    pub fn parse(text: &str) -> Self {
        let mut m = BTreeMap::new();
        for line in text.lines() {
            if line.starts_with('#') || line.trim().is_empty() {
                continue;
            }
            if let Some((series, value)) = line.rsplit_once(' ')
                && let Ok(v) = value.parse::<f64>()
            {
                m.insert(series.to_string(), v);
            }
        }
        Metrics(m)
    }

    pub fn get(&self, series: &str) -> f64 {
        self.0.get(series).copied().unwrap_or(0.0)
    }

    fn labels(series: &str) -> BTreeMap<String, String> {
        let inner = series
            .split_once('{')
            .map(|(_, r)| r.trim_end_matches('}'))
            .unwrap_or("");
        inner
            .split("\",")
            .filter(|p| !p.is_empty())
            .filter_map(|p| {
                let (k, v) = p.split_once("=\"")?;
                Some((k.to_string(), v.trim_end_matches('"').to_string()))
            })
            .collect()
    }

    /// `earshot_mentions_total` as (brand, source, sentiment) → count, zero series left out.
    pub fn mentions(&self) -> BTreeMap<(String, String, String), u64> {
        self.0
            .iter()
            .filter(|(k, v)| k.starts_with("earshot_mentions_total{") && **v > 0.0)
            .map(|(k, v)| {
                let l = Self::labels(k);
                (
                    (
                        l["brand"].clone(),
                        l["source"].clone(),
                        l["sentiment"].clone(),
                    ),
                    *v as u64,
                )
            })
            .collect()
    }

    pub fn sum(&self, name: &str) -> f64 {
        self.0
            .iter()
            .filter(|(k, _)| k.as_str() == name || k.starts_with(&format!("{name}{{")))
            .map(|(_, v)| v)
            .sum()
    }

    pub fn sum_where(&self, name: &str, label: &str, value: &str) -> f64 {
        self.0
            .iter()
            .filter(|(k, _)| k.starts_with(&format!("{name}{{")))
            .filter(|(k, _)| Self::labels(k).get(label).map(String::as_str) == Some(value))
            .map(|(_, v)| v)
            .sum()
    }
}

/// Expected counts from the `expect` field of each fixture line ({brand: label}).
pub fn expected_from_fixture(path: &Path, source: &str) -> BTreeMap<(String, String, String), u64> {
    let mut out = BTreeMap::new();
    for line in std::fs::read_to_string(path).unwrap().lines() {
        let Ok(v) = serde_json::from_str::<serde_json::Value>(line) else {
            continue;
        };
        let Some(exp) = v.get("expect").and_then(|e| e.as_object()) else {
            continue;
        };
        for (brand, label) in exp {
            *out.entry((
                brand.clone(),
                source.to_string(),
                label.as_str().unwrap().to_string(),
            ))
            .or_default() += 1;
        }
    }
    out
}

/// Expected counts computed with the library's classifier over a replay file, for tests that check
/// the pipeline's exactness rather than the classifier's labels.
pub fn expected_from_classifier(
    path: &Path,
    source: &str,
) -> BTreeMap<(String, String, String), u64> {
    let text = std::fs::read_to_string(manifest_dir().join("tests/fixtures/brands.toml")).unwrap();
    let cfg = earshot::config::Config::from_toml_str(&text, &[], PathBuf::from(".")).unwrap();
    let c = earshot::classify::Classifier::new(&cfg.brands, &cfg.classify).unwrap();
    let mut out = BTreeMap::new();
    for line in std::fs::read_to_string(path).unwrap().lines() {
        let Ok(m) = serde_json::from_str::<earshot::model::Mention>(line) else {
            continue;
        };
        for em in c.enrich(&m, chrono::Utc::now()) {
            *out.entry((
                em.brand,
                source.to_string(),
                em.classification.sentiment.label.as_str().to_string(),
            ))
            .or_default() += 1;
        }
    }
    out
}

pub fn total(m: &BTreeMap<(String, String, String), u64>) -> u64 {
    m.values().sum()
}
