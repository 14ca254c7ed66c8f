//! Sentiment on warm tables, for instruction counts: every text of a JSON-lines file
//! (`{"text": …}` per line) is scored once untimed, so that the piece cache holds its words, and
//! then again inside `timed`, the function to count:
//!
//! `valgrind --tool=callgrind --toggle-collect='sentiment_warm::timed'
//!  target/release/examples/sentiment_warm FILE`
//!
//! It separates the scorer's steady cost (every word met before, as on a long stream's common
//! words) from reading words for the first time, which `sentiment_rate` over a file read once
//! includes.

use earshot::classify::sentiment::SentimentEngine;

#[path = "common/corpus.rs"]
mod corpus;

#[inline(never)]
fn timed(engine: &SentimentEngine, texts: &[String], langs: &[String]) -> f64 {
    texts
        .iter()
        .zip(langs)
        .map(|(text, lang)| engine.score(text, lang, None).score)
        .sum()
}

fn main() {
    let path = std::env::args().nth(1).expect("usage: sentiment_warm FILE");
    let texts = corpus::texts(&path);
    let langs = corpus::langs(&texts, None);
    let engine = SentimentEngine::new();
    let warm: f64 = texts
        .iter()
        .zip(&langs)
        .map(|(text, lang)| engine.score(text, lang, None).score)
        .sum();
    let sum = timed(&engine, &texts, &langs);
    assert_eq!(warm, sum, "scores do not depend on the cache");
    println!("{} texts scored warm", texts.len());
}
