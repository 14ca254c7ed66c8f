//! What the sentiment examples share: a JSON-lines corpus's texts and their languages.

use std::io::BufRead;

use earshot::classify::lang::LangDetector;

/// The `text` of every line of the JSON-lines file at `path` (an empty string where a line has
/// none).
pub fn texts(path: &str) -> Vec<String> {
    let f = std::fs::File::open(path).expect("open the corpus");
    std::io::BufReader::new(f)
        .lines()
        .map(|l| {
            let v: serde_json::Value = serde_json::from_str(&l.expect("read")).expect("json");
            v["text"].as_str().unwrap_or_default().to_string()
        })
        .collect()
}

/// Each text's language: `fixed` for all when given, else the detector's guess.
pub fn langs(texts: &[String], fixed: Option<&str>) -> Vec<String> {
    let detector = LangDetector::new();
    texts
        .iter()
        .map(|t| match fixed {
            Some(l) => l.to_string(),
            None => detector.detect(t, None).code.into_owned(),
        })
        .collect()
}
