//! Why a text got its signals: for each line of a JSON-lines file (`{"text": …}`) or of plain
//! text, the phrase rules that match it before any check drops one, the advice model's
//! probability, and the signals reported.
//!
//! `cargo run --release --example signal_debug -- FILE` (or `-` for stdin); with `--json` after the
//! file, one JSON line per input line instead (`fired`, `advice_p`, `signals`), for counting.

use std::io::BufRead;

use earshot::classify::sentiment::SentimentEngine;
use earshot::classify::signals::SignalDetector;

fn main() {
    let path = std::env::args().nth(1).expect("usage: signal_debug FILE|-");
    let input: Box<dyn BufRead> = if path == "-" {
        Box::new(std::io::stdin().lock())
    } else {
        Box::new(std::io::BufReader::new(
            std::fs::File::open(&path).expect("open input"),
        ))
    };
    let json = std::env::args().nth(2).as_deref() == Some("--json");
    let detector = SignalDetector::new();
    let engine = SentimentEngine::new();
    for line in input.lines() {
        let line = line.expect("read input");
        let text = match serde_json::from_str::<serde_json::Value>(&line) {
            Ok(v) => match v.get("text").and_then(|t| t.as_str()) {
                Some(t) => t.to_string(),
                None => continue,
            },
            Err(_) => line.clone(),
        };
        let text = earshot::classify::readable_text(&text).into_owned();
        let fired = detector.fired_rules(&text, "en");
        let p = detector.advice_probability(&text, &fired);
        let sentiment = engine.score(&text, "en", None);
        let signals = detector.detect(&text, "en", &sentiment);
        let reported: Vec<String> = signals
            .iter()
            .map(|s| format!("{:?}:{}:{}", s.kind, s.rule, s.evidence))
            .collect();
        if json {
            let signals: Vec<serde_json::Value> = signals
                .iter()
                .map(|s| serde_json::json!({"kind": format!("{:?}", s.kind), "rule": s.rule}))
                .collect();
            println!(
                "{}",
                serde_json::json!({"fired": fired, "advice_p": p, "signals": signals})
            );
            continue;
        }
        println!("{text}");
        println!(
            "  rules {fired:?}  advice p {}  signals {reported:?}",
            p.map_or("-".to_string(), |p| format!("{p:.3}"))
        );
    }
}
