//! Classifier throughput on a corpus the project writes (config/demo-mentions.jsonl: seven languages,
//! brand mentions, emoji, signals). Run: `cargo bench --bench classify`.

use std::hint::black_box;

use criterion::{Criterion, Throughput, criterion_group, criterion_main};
use earshot::classify::Classifier;
use earshot::classify::sentiment::SentimentEngine;
use earshot::config::Config;
use earshot::model::Mention;

fn corpus() -> (Config, Vec<Mention>) {
    let root = env!("CARGO_MANIFEST_DIR");
    let cfg = Config::load_with_env(&std::path::Path::new(root).join("config/earshot.toml"), &[])
        .unwrap();
    let text =
        std::fs::read_to_string(std::path::Path::new(root).join("config/demo-mentions.jsonl"))
            .unwrap();
    let mentions = text
        .lines()
        .map(|l| serde_json::from_str(l).unwrap())
        .collect();
    (cfg, mentions)
}

fn bench(c: &mut Criterion) {
    let (cfg, mentions) = corpus();
    let classifier = Classifier::new(&cfg.brands, &cfg.classify).unwrap();
    let engine = SentimentEngine::new();
    let now = chrono::Utc::now();

    let mut g = c.benchmark_group("classify");
    g.throughput(Throughput::Elements(mentions.len() as u64));
    g.bench_function("sentiment_only", |b| {
        b.iter(|| {
            for m in &mentions {
                black_box(engine.score(&m.text, "en", None));
            }
        })
    });
    g.bench_function("full_enrich", |b| {
        b.iter(|| {
            for m in &mentions {
                black_box(classifier.enrich(m, now));
            }
        })
    });
    g.bench_function("full_enrich_json_in_out", |b| {
        let lines: Vec<String> = mentions
            .iter()
            .map(|m| serde_json::to_string(m).unwrap())
            .collect();
        b.iter(|| {
            for l in &lines {
                let m: Mention = serde_json::from_str(l).unwrap();
                for em in classifier.enrich(&m, now) {
                    black_box(serde_json::to_vec(&em).unwrap());
                }
            }
        })
    });
    g.finish();
}

criterion_group!(benches, bench);
criterion_main!(benches);
