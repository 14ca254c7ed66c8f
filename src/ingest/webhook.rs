//! Webhook push: `POST /ingest/{source}` on the HTTP listener.
//!
//! The body is a JSON Mention or an array of them (or, with a `fields` mapping, any JSON object or
//! array of objects, mapped by JSON pointers). Callers authenticate with a bearer token, or with an
//! HMAC-SHA256 signature of `"<timestamp>.<body>"` and a timestamp inside the replay window (each
//! signature is accepted once). The whole request is validated before anything is produced, and the
//! answer (202) comes only after every mention is acknowledged by Kafka: a 202 means durable, any error
//! means nothing was produced and the caller may retry safely (ids make a retry idempotent downstream).
//!
//! Errors are JSON `{"error": "...", "detail": "..."}`: 401 (auth), 404 (unknown source), 413 (body over
//! `max_body_bytes`), 415 (not `application/json`), 429 (too many requests in flight), 400 (bad JSON
//! or an invalid mention, naming the item), 503 (Kafka did not acknowledge).

use std::collections::HashMap;
use std::future::Future;
use std::pin::Pin;
use std::sync::{Arc, Mutex};

use axum::body::Body;
use axum::extract::{Path, State};
use axum::http::{HeaderMap, StatusCode, header};
use axum::response::{IntoResponse, Json, Response};
use chrono::{DateTime, Utc};
use hmac::{Hmac, Mac};
use sha2::Sha256;
use tokio::sync::Semaphore;

use super::SeenSet;
use super::sink::{Sink, SinkError};
use crate::config::WebhookConfig;
use crate::model::{Mention, SourceRef};
use crate::telemetry;

pub const SIGNATURE_HEADER: &str = "x-earshot-signature";
pub const TIMESTAMP_HEADER: &str = "x-earshot-timestamp";

/// A sink the HTTP layer can hold without knowing its type.
pub trait DynSink: Send + Sync {
    fn produce_dyn<'a>(
        &'a self,
        mentions: &'a [Mention],
    ) -> Pin<Box<dyn Future<Output = Result<(), SinkError>> + Send + 'a>>;
}

impl<S: Sink> DynSink for S {
    fn produce_dyn<'a>(
        &'a self,
        mentions: &'a [Mention],
    ) -> Pin<Box<dyn Future<Output = Result<(), SinkError>> + Send + 'a>> {
        Box::pin(self.produce(mentions))
    }
}

/// A refusal: status, a fixed metric outcome, and the message for the caller.
#[derive(Debug, Clone, PartialEq)]
pub struct Refusal {
    pub status: StatusCode,
    pub outcome: &'static str,
    pub error: String,
}

impl Refusal {
    fn new(status: StatusCode, outcome: &'static str, error: impl Into<String>) -> Self {
        Refusal {
            status,
            outcome,
            error: error.into(),
        }
    }
}

impl IntoResponse for Refusal {
    fn into_response(self) -> Response {
        let mut r = (
            self.status,
            Json(serde_json::json!({ "error": self.outcome, "detail": self.error })),
        )
            .into_response();
        if self.status == StatusCode::TOO_MANY_REQUESTS {
            r.headers_mut()
                .insert(header::RETRY_AFTER, "1".parse().expect("header"));
        }
        r
    }
}

/// One configured webhook source.
pub struct Webhook {
    pub cfg: WebhookConfig,
    source: SourceRef,
    token: Option<String>,
    secret: Option<Vec<u8>>,
    in_flight: Semaphore,
    signatures: Mutex<SeenSet>,
}

impl Webhook {
    /// `token` and `secret` are the values of `token_env` and `hmac_secret_env`.
    pub fn new(cfg: WebhookConfig, token: Option<String>, secret: Option<String>) -> Self {
        Webhook {
            source: SourceRef {
                kind: "webhook".into(),
                name: cfg.name.clone(),
            },
            in_flight: Semaphore::new(cfg.max_concurrent),
            token,
            secret: secret.map(String::into_bytes),
            signatures: Mutex::new(SeenSet::default()),
            cfg,
        }
    }

    /// Checks the caller: a matching bearer token, or a fresh, valid, unused signature.
    pub fn authenticate(
        &self,
        headers: &HeaderMap,
        body: &[u8],
        now: DateTime<Utc>,
    ) -> Result<(), Refusal> {
        let unauthorized = |msg: &str| Refusal::new(StatusCode::UNAUTHORIZED, "unauthorized", msg);
        let h = |n: &str| headers.get(n).and_then(|v| v.to_str().ok()).map(str::trim);
        if let (Some(expected), Some(auth)) = (&self.token, h("authorization"))
            && let Some(given) = auth.strip_prefix("Bearer ")
            && constant_time_eq(given.trim().as_bytes(), expected.as_bytes())
        {
            return Ok(());
        }
        let Some(secret) = &self.secret else {
            return Err(unauthorized("missing or wrong bearer token"));
        };
        let (Some(ts), Some(sig)) = (h(TIMESTAMP_HEADER), h(SIGNATURE_HEADER)) else {
            return Err(unauthorized(if self.token.is_some() {
                "missing or wrong bearer token, and no signature headers"
            } else {
                "missing X-Earshot-Timestamp or X-Earshot-Signature"
            }));
        };
        let ts_n: i64 = ts
            .parse()
            .map_err(|_| unauthorized("X-Earshot-Timestamp is not epoch seconds"))?;
        if (now.timestamp() - ts_n).unsigned_abs() > self.cfg.replay_window_secs {
            return Err(unauthorized(
                "timestamp outside the replay window (check the sender's clock)",
            ));
        }
        let hex_sig = sig.strip_prefix("sha256=").unwrap_or(sig);
        let given =
            hex::decode(hex_sig).map_err(|_| unauthorized("signature is not sha256=<hex>"))?;
        let mut mac = Hmac::<Sha256>::new_from_slice(secret).expect("HMAC takes any key length");
        mac.update(ts.as_bytes());
        mac.update(b".");
        mac.update(body);
        if mac.verify_slice(&given).is_err() {
            return Err(unauthorized("signature does not match the body"));
        }
        let mut seen = self.signatures.lock().expect("signatures");
        if !seen.insert(hex_sig.to_string(), 100_000) {
            return Err(unauthorized("this signature was already used (replay)"));
        }
        Ok(())
    }

    /// Parses the body into mentions; any invalid item refuses the whole request.
    pub fn mentions(&self, body: &[u8], now: DateTime<Utc>) -> Result<Vec<Mention>, Refusal> {
        let bad = |msg: String| Refusal::new(StatusCode::BAD_REQUEST, "malformed", msg);
        let text = std::str::from_utf8(body).map_err(|e| bad(format!("body is not UTF-8: {e}")))?;
        let v: serde_json::Value =
            serde_json::from_str(text).map_err(|e| bad(format!("invalid JSON: {e}")))?;
        let items = match v {
            serde_json::Value::Array(a) => a,
            obj @ serde_json::Value::Object(_) => vec![obj],
            _ => {
                return Err(bad(
                    "body must be a JSON object or an array of objects".into()
                ));
            }
        };
        if items.is_empty() {
            return Err(bad("empty array".into()));
        }
        if items.len() > self.cfg.max_batch {
            return Err(Refusal::new(
                StatusCode::PAYLOAD_TOO_LARGE,
                "too_large",
                format!(
                    "{} items; at most {} per request",
                    items.len(),
                    self.cfg.max_batch
                ),
            ));
        }
        items
            .into_iter()
            .enumerate()
            .map(|(i, item)| {
                let m = if self.cfg.fields.is_empty() {
                    serde_json::from_value::<Mention>(item)
                        .map_err(|e| format!("item {i}: not a Mention: {e}"))?
                } else {
                    map_fields(&self.cfg.fields, &item).map_err(|e| format!("item {i}: {e}"))?
                };
                if m.id.trim().is_empty() {
                    return Err(format!("item {i}: empty id"));
                }
                if m.text.trim().is_empty() {
                    return Err(format!("item {i}: empty text"));
                }
                let mut out = Mention::new(&self.source, m.id.trim(), m.text.clone());
                out.fetched_at = Some(now);
                Ok(Mention {
                    id: out.id,
                    source: out.source,
                    fetched_at: out.fetched_at,
                    text: super::text::fold_whitespace(&m.text),
                    ..m
                })
            })
            .collect::<Result<Vec<_>, String>>()
            .map_err(bad)
    }
}

/// Builds a Mention's JSON from a field mapping (Mention field → JSON pointer), then reads it as a
/// Mention so that types are checked the same way as for native payloads.
fn map_fields(
    fields: &std::collections::BTreeMap<String, String>,
    item: &serde_json::Value,
) -> Result<Mention, String> {
    let mut out = serde_json::json!({});
    for (field, ptr) in fields {
        let Some(v) = item.pointer(ptr).filter(|v| !v.is_null()) else {
            continue;
        };
        let v = match (field.as_str(), v) {
            // Ids are strings in a Mention; senders often use numbers.
            ("id" | "in_reply_to" | "thread_id" | "author.id", serde_json::Value::Number(n)) => {
                serde_json::Value::String(n.to_string())
            }
            _ => v.clone(),
        };
        match field.split_once('.') {
            Some((outer, inner)) => {
                out[outer][inner] = v;
            }
            None => out[field.as_str()] = v,
        }
    }
    for required in ["id", "text"] {
        if out.get(required).is_none() {
            return Err(format!(
                "field {required} not found at {}",
                fields.get(required).map(String::as_str).unwrap_or("?")
            ));
        }
    }
    serde_json::from_value(out).map_err(|e| format!("mapped fields: {e}"))
}

fn constant_time_eq(a: &[u8], b: &[u8]) -> bool {
    a.len() == b.len() && a.iter().zip(b).fold(0u8, |acc, (x, y)| acc | (x ^ y)) == 0
}

/// Every webhook source and the sink they produce to.
pub struct Webhooks {
    pub by_name: HashMap<String, Webhook>,
    pub sink: Arc<dyn DynSink>,
}

/// The HTTP state slot: filled once Kafka is up; until then pushes get 503.
pub type WebhookSlot = Arc<std::sync::OnceLock<Arc<Webhooks>>>;

/// `POST /ingest/{source}`.
pub async fn handle(
    State(slot): State<WebhookSlot>,
    Path(source): Path<String>,
    headers: HeaderMap,
    body: Body,
) -> Response {
    let Some(hooks) = slot.get().cloned() else {
        return Refusal::new(
            StatusCode::SERVICE_UNAVAILABLE,
            "unavailable",
            "ingest is not running in this process (role not enabled, or still starting)",
        )
        .into_response();
    };
    let Some(hook) = hooks.by_name.get(&source) else {
        return Refusal::new(
            StatusCode::NOT_FOUND,
            "unknown_source",
            format!("no webhook source named {source:?}"),
        )
        .into_response();
    };
    match accept(hook, hooks.sink.as_ref(), &headers, body).await {
        Ok(ids) => {
            telemetry::source_poll(&source, "ok");
            telemetry::source_items(&source, "produced", ids.len() as u64);
            (
                StatusCode::ACCEPTED,
                Json(serde_json::json!({ "accepted": ids.len(), "ids": ids })),
            )
                .into_response()
        }
        Err(r) => {
            telemetry::source_poll(&source, r.outcome);
            tracing::info!(source = %source, status = r.status.as_u16(), error = %r.error, "webhook push refused");
            r.into_response()
        }
    }
}

async fn accept(
    hook: &Webhook,
    sink: &dyn DynSink,
    headers: &HeaderMap,
    body: Body,
) -> Result<Vec<String>, Refusal> {
    let ctype = headers
        .get(header::CONTENT_TYPE)
        .and_then(|v| v.to_str().ok())
        .unwrap_or_default();
    let essence = ctype.split(';').next().unwrap_or_default().trim();
    if !essence.eq_ignore_ascii_case("application/json") {
        return Err(Refusal::new(
            StatusCode::UNSUPPORTED_MEDIA_TYPE,
            "unsupported_media_type",
            format!("Content-Type must be application/json, not {ctype:?}"),
        ));
    }
    let _permit = hook.in_flight.try_acquire().map_err(|_| {
        Refusal::new(
            StatusCode::TOO_MANY_REQUESTS,
            "rate_limited",
            format!("more than {} requests in flight", hook.cfg.max_concurrent),
        )
    })?;
    let too_large = || {
        Refusal::new(
            StatusCode::PAYLOAD_TOO_LARGE,
            "too_large",
            format!("body larger than {} bytes", hook.cfg.max_body_bytes),
        )
    };
    if headers
        .get(header::CONTENT_LENGTH)
        .and_then(|v| v.to_str().ok())
        .and_then(|v| v.parse::<usize>().ok())
        .is_some_and(|n| n > hook.cfg.max_body_bytes)
    {
        return Err(too_large());
    }
    let bytes = axum::body::to_bytes(body, hook.cfg.max_body_bytes)
        .await
        .map_err(|_| too_large())?;
    let now = Utc::now();
    hook.authenticate(headers, &bytes, now)?;
    let mentions = hook.mentions(&bytes, now)?;
    telemetry::source_items(&hook.cfg.name, "fetched", mentions.len() as u64);
    sink.produce_dyn(&mentions).await.map_err(|e| {
        Refusal::new(
            StatusCode::SERVICE_UNAVAILABLE,
            "unavailable",
            format!("not acknowledged by Kafka: {e}"),
        )
    })?;
    Ok(mentions.into_iter().map(|m| m.id).collect())
}

/// The signature header value a sender computes (for clients and tests).
pub fn sign(secret: &[u8], timestamp: i64, body: &[u8]) -> String {
    let mut mac = Hmac::<Sha256>::new_from_slice(secret).expect("HMAC takes any key length");
    mac.update(timestamp.to_string().as_bytes());
    mac.update(b".");
    mac.update(body);
    format!("sha256={}", hex::encode(mac.finalize().into_bytes()))
}
