//! The HTTP listener: `/metrics`, `/healthz`, `/readyz`, `/api/brands`, and `POST /ingest/{source}` for
//! webhook sources.

use axum::Router;
use axum::extract::FromRef;
use axum::extract::State;
use axum::http::{StatusCode, header};
use axum::response::{IntoResponse, Json};
use axum::routing::{get, post};
use tokio_util::sync::CancellationToken;

use crate::pipeline::AppState;

pub fn router(state: AppState) -> Router {
    Router::new()
        .route("/metrics", get(metrics))
        .route("/healthz", get(|| async { "ok\n" }))
        .route("/readyz", get(readyz))
        .route("/api/brands", get(brands))
        .route("/ingest/{source}", post(crate::ingest::webhook::handle))
        .with_state(state)
}

impl FromRef<AppState> for crate::ingest::webhook::WebhookSlot {
    fn from_ref(s: &AppState) -> Self {
        s.webhooks.clone()
    }
}

pub async fn serve(listener: tokio::net::TcpListener, state: AppState, stop: CancellationToken) {
    let app = router(state);
    if let Err(e) = axum::serve(listener, app)
        .with_graceful_shutdown(async move { stop.cancelled().await })
        .await
    {
        tracing::error!(error = %e, "HTTP server failed");
    }
}

async fn metrics(State(s): State<AppState>) -> impl IntoResponse {
    (
        [(header::CONTENT_TYPE, "text/plain; version=0.0.4")],
        s.prometheus.render(),
    )
}

async fn readyz(State(s): State<AppState>) -> impl IntoResponse {
    let (ready, body) = s.health.report();
    let code = if ready {
        StatusCode::OK
    } else {
        StatusCode::SERVICE_UNAVAILABLE
    };
    (code, Json(body))
}

/// Per-brand totals with net sentiment, net recommendation and share of voice.
async fn brands(State(s): State<AppState>) -> impl IntoResponse {
    let view = s.brands.read().expect("brand view").clone();
    let all: u64 = view.values().map(|b| b.mentions).sum();
    let out: Vec<serde_json::Value> = view
        .into_iter()
        .map(|(name, t)| {
            let share = if all == 0 {
                0.0
            } else {
                t.mentions as f64 / all as f64
            };
            let mut v = serde_json::to_value(&t).expect("totals serialise");
            v["brand"] = name.into();
            v["net_sentiment"] = t.net_sentiment().into();
            v["net_recommendation"] = t.net_recommendation().into();
            v["share_of_voice"] = share.into();
            v
        })
        .collect();
    Json(out)
}
