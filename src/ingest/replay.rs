//! Replay source: streams a JSON-lines file of Mentions at a configured rate, optionally looping with
//! fresh ids and timestamps (the demo's source, and the tests' deterministic input).
//!
//! Cursor: `{loop_n, line}`, written to the checkpoints topic only after every mention before `line` is
//! acknowledged, so a restart resumes there: no gap, and the few mentions produced after the last
//! checkpoint come again with the same ids, which the aggregate stage drops.

use std::path::PathBuf;
use std::sync::Arc;
use std::time::Duration;

use chrono::Utc;
use futures::stream::{FuturesOrdered, StreamExt};
use serde::{Deserialize, Serialize};
use tokio::io::{AsyncBufRead, AsyncBufReadExt, BufReader};
use tokio_util::sync::CancellationToken;

use super::sink::checkpoint_key;
use crate::config::ReplaySourceConfig;
use crate::kafka::{self, DlqReason, Kafka};
use crate::model::{Mention, SourceRef};
use crate::telemetry;

const STAGE: &str = "ingest";
/// Mentions produced between checkpoints at most.
const BATCH: usize = 200;
const CHECKPOINT_EVERY: Duration = Duration::from_secs(1);

#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Cursor {
    pub loop_n: u64,
    pub line: u64,
}

#[derive(Debug, thiserror::Error)]
pub enum Error {
    #[error("source {source_name}: cannot read {path}: {err}")]
    Io {
        source_name: String,
        path: PathBuf,
        err: std::io::Error,
    },
    #[error(transparent)]
    Kafka(#[from] kafka::Error),
}

/// Reads one line of at most `cap` bytes (the rest of a longer line is consumed and dropped).
/// Returns `None` at end of file, else the bytes (without the newline) and whether it was cut.
pub async fn read_line_capped<R: AsyncBufRead + Unpin>(
    r: &mut R,
    cap: usize,
) -> std::io::Result<Option<(Vec<u8>, bool)>> {
    let mut out = Vec::new();
    let mut cut = false;
    let mut any = false;
    loop {
        let buf = r.fill_buf().await?;
        if buf.is_empty() {
            return Ok(any.then_some((out, cut)));
        }
        any = true;
        let (chunk, done) = match buf.iter().position(|&b| b == b'\n') {
            Some(i) => (&buf[..i], Some(i + 1)),
            None => (buf, None),
        };
        let room = cap.saturating_sub(out.len());
        if chunk.len() > room {
            cut = true;
        }
        out.extend_from_slice(&chunk[..chunk.len().min(room)]);
        let used = done.unwrap_or(buf.len());
        r.consume(used);
        if done.is_some() {
            if out.last() == Some(&b'\r') {
                out.pop();
            }
            return Ok(Some((out, cut)));
        }
    }
}

/// Turns one file line into a Mention for this source and pass.
pub fn to_mention(
    cfg: &ReplaySourceConfig,
    line: &[u8],
    loop_n: u64,
) -> Result<Mention, (DlqReason, String)> {
    let text = std::str::from_utf8(line).map_err(|e| (DlqReason::InvalidUtf8, e.to_string()))?;
    let mut m: Mention =
        serde_json::from_str(text).map_err(|e| (DlqReason::from_json_error(&e), e.to_string()))?;
    if m.id.trim().is_empty() {
        return Err((DlqReason::InvalidMention, "mention has an empty id".into()));
    }
    let native = m.id.clone();
    m.id = if loop_n == 0 {
        format!("{}:{native}", cfg.name)
    } else {
        format!("{}:{native}~{loop_n}", cfg.name)
    };
    m.source = SourceRef {
        kind: "replay".into(),
        name: cfg.name.clone(),
    };
    let now = Utc::now();
    if loop_n > 0 || m.created_at.is_none() {
        m.created_at = Some(now);
    }
    m.fetched_at = Some(now);
    Ok(m)
}

pub struct Replay {
    pub cfg: ReplaySourceConfig,
    pub path: PathBuf,
    pub kafka: Arc<Kafka>,
}

impl Replay {
    async fn open(&self, skip: u64) -> Result<BufReader<tokio::fs::File>, Error> {
        let io = |err| Error::Io {
            source_name: self.cfg.name.clone(),
            path: self.path.clone(),
            err,
        };
        let f = tokio::fs::File::open(&self.path).await.map_err(io)?;
        let mut r = BufReader::new(f);
        for _ in 0..skip {
            if read_line_capped(&mut r, 0).await.map_err(io)?.is_none() {
                break;
            }
        }
        Ok(r)
    }

    async fn load_cursor(&self) -> Result<Cursor, Error> {
        let key = checkpoint_key(&self.cfg.name);
        let found = self
            .kafka
            .read_checkpoints(&key, Duration::from_secs(10))
            .await?;
        Ok(found
            .get(&key)
            .and_then(|b| serde_json::from_slice(b).ok())
            .unwrap_or_default())
    }

    /// Produces until the file ends (or forever when looping) or `stop` fires; in-flight mentions are
    /// acknowledged and checkpointed before returning unless `abort` fires.
    pub async fn run(self, stop: CancellationToken, abort: CancellationToken) -> Result<(), Error> {
        let producer = self.kafka.producer()?;
        let name = self.cfg.name.clone();
        let mut cursor = self.load_cursor().await?;
        tracing::info!(source = %name, loop_n = cursor.loop_n, line = cursor.line, "replay starting");
        let mut reader = self.open(cursor.line).await?;
        let mut pacer = (self.cfg.rate_per_sec > 0.0).then(|| {
            let mut i = tokio::time::interval(Duration::from_secs_f64(1.0 / self.cfg.rate_per_sec));
            i.set_missed_tick_behavior(tokio::time::MissedTickBehavior::Delay);
            i
        });
        let mut pending = FuturesOrdered::new();
        let mut next = cursor; // cursor after the last line read
        let mut last_checkpoint = tokio::time::Instant::now();
        let mut finished = false;
        loop {
            if stop.is_cancelled()
                || finished
                || pending.len() >= BATCH
                || last_checkpoint.elapsed() >= CHECKPOINT_EVERY
            {
                // Wait for every pending ack, then checkpoint.
                let mut all_ok = true;
                while let Some(ok) = pending.next().await {
                    all_ok &= ok;
                }
                if !all_ok {
                    return Err(kafka::Error::Cancelled.into());
                }
                if next != cursor {
                    let bytes = serde_json::to_vec(&next).expect("cursor json");
                    kafka::send_acked(
                        &producer,
                        &self.kafka.topics.checkpoints,
                        &checkpoint_key(&name),
                        &bytes,
                        None,
                        &abort,
                    )
                    .await?;
                    cursor = next;
                }
                last_checkpoint = tokio::time::Instant::now();
                if stop.is_cancelled() || finished {
                    break;
                }
            }
            if let Some(p) = pacer.as_mut() {
                tokio::select! {
                    _ = p.tick() => {}
                    _ = stop.cancelled() => continue,
                }
            }
            let line = read_line_capped(&mut reader, self.cfg.max_line_bytes)
                .await
                .map_err(|err| Error::Io {
                    source_name: name.clone(),
                    path: self.path.clone(),
                    err,
                })?;
            let Some((bytes, cut)) = line else {
                if self.cfg.loop_forever && next.line > 0 {
                    next = Cursor {
                        loop_n: next.loop_n + 1,
                        line: 0,
                    };
                    reader = self.open(0).await?;
                    telemetry::source_poll(&name, "looped");
                } else {
                    tracing::info!(source = %name, "replay file finished");
                    finished = true;
                }
                continue;
            };
            next.line += 1;
            if bytes.iter().all(u8::is_ascii_whitespace) {
                continue;
            }
            let origin = format!("{}:{}", self.path.display(), next.line);
            let producer = producer.clone();
            let kafka = self.kafka.clone();
            let abort = abort.clone();
            let name = name.clone();
            let decoded = if cut {
                Err((
                    DlqReason::TooLarge,
                    format!("line longer than {} bytes", self.cfg.max_line_bytes),
                ))
            } else {
                to_mention(&self.cfg, &bytes, next.loop_n)
            };
            pending.push_back(async move {
                match decoded {
                    Ok(m) => {
                        let payload = serde_json::to_vec(&m).expect("mention json");
                        let ok = kafka::send_acked(
                            &producer,
                            &kafka.topics.raw,
                            &m.id,
                            &payload,
                            None,
                            &abort,
                        )
                        .await
                        .is_ok();
                        if ok {
                            telemetry::source_items(&name, "produced", 1);
                            telemetry::source_produced(&name);
                        }
                        ok
                    }
                    Err((reason, detail)) => {
                        telemetry::source_items(&name, "rejected", 1);
                        kafka::to_dlq(
                            &producer,
                            &kafka.topics,
                            STAGE,
                            reason,
                            &detail,
                            &origin,
                            "",
                            &bytes,
                            &abort,
                        )
                        .await
                        .is_ok()
                    }
                }
            });
        }
        kafka::flush(&producer, Duration::from_secs(5)).await;
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[tokio::test]
    async fn capped_lines() {
        let data = b"short\nthis line is too long\r\nlast".to_vec();
        let mut r = BufReader::new(&data[..]);
        assert_eq!(
            read_line_capped(&mut r, 8).await.unwrap(),
            Some((b"short".to_vec(), false))
        );
        assert_eq!(
            read_line_capped(&mut r, 8).await.unwrap(),
            Some((b"this lin".to_vec(), true))
        );
        assert_eq!(
            read_line_capped(&mut r, 8).await.unwrap(),
            Some((b"last".to_vec(), false))
        );
        assert_eq!(read_line_capped(&mut r, 8).await.unwrap(), None);
    }

    #[test]
    fn ids_are_stable_per_pass() {
        let cfg = ReplaySourceConfig {
            name: "demo".into(),
            path: "x".into(),
            rate_per_sec: 0.0,
            loop_forever: true,
            max_line_bytes: 1024,
        };
        let line = br#"{"id":"m1","text":"hello"}"#;
        assert_eq!(to_mention(&cfg, line, 0).unwrap().id, "demo:m1");
        assert_eq!(to_mention(&cfg, line, 2).unwrap().id, "demo:m1~2");
        assert_eq!(
            to_mention(&cfg, b"{not json", 0).unwrap_err().0,
            DlqReason::InvalidJson
        );
        assert_eq!(
            to_mention(&cfg, br#"{"id":"x"}"#, 0).unwrap_err().0,
            DlqReason::InvalidMention
        );
    }
}
