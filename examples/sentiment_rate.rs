//! Sentiment alone, in process, over the texts of a JSON-lines file (`{"text": …}` per line): the
//! Earshot side of `benches/vader_ratio.sh`, timed the way the script times Python's
//! `polarity_scores` loop (texts already in memory, language given, no JSON out).
//!
//! `cargo run --release --example sentiment_rate -- FILE [LANG]` prints texts per second.

use std::time::Instant;

use earshot::classify::sentiment::SentimentEngine;

#[path = "common/corpus.rs"]
mod corpus;

fn main() {
    let mut args = std::env::args().skip(1);
    let path = args.next().expect("usage: sentiment_rate FILE [LANG]");
    let fixed_lang = args.next();
    let texts = corpus::texts(&path);
    // Languages decided before timing (VADER has none to decide); the full CLI run includes them.
    let langs = corpus::langs(&texts, fixed_lang.as_deref());
    let engine = SentimentEngine::new();
    // Warm the shared tables before timing (VADER's analyzer is also built before its loop).
    let _ = engine.score("warm up", "en", None);
    let t = Instant::now();
    let mut sum = 0.0;
    for (text, lang) in texts.iter().zip(&langs) {
        sum += engine.score(text, lang, None).score;
    }
    let secs = t.elapsed().as_secs_f64();
    std::hint::black_box(sum);
    println!("{}", texts.len() as f64 / secs);
}
