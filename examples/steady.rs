use earshot::classify::lang::LangDetector;
use earshot::classify::sentiment::SentimentEngine;
use std::io::BufRead;

#[inline(never)]
fn timed(engine: &SentimentEngine, texts: &[String], langs: &[String]) -> f64 {
    let mut sum = 0.0;
    for (text, lang) in texts.iter().zip(langs) {
        sum += engine.score(text, lang, None).score;
    }
    sum
}

fn main() {
    let path = std::env::args().nth(1).unwrap();
    let f = std::fs::File::open(&path).unwrap();
    let texts: Vec<String> = std::io::BufReader::new(f)
        .lines()
        .map(|l| {
            let v: serde_json::Value = serde_json::from_str(&l.unwrap()).unwrap();
            v["text"].as_str().unwrap_or_default().to_string()
        })
        .collect();
    let detector = LangDetector::new();
    let langs: Vec<String> = texts
        .iter()
        .map(|t| detector.detect(t, None).code.into_owned())
        .collect();
    let engine = SentimentEngine::new();
    let mut sum = 0.0;
    for t in texts.iter().zip(&langs) {
        sum += engine.score(t.0, t.1, None).score;
    }
    sum += timed(&engine, &texts, &langs);
    println!("{sum}");
}
