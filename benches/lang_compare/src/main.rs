//! See Cargo.toml and run.sh beside this file.

use std::io::BufRead;
use std::time::Instant;

fn main() {
    let path = std::env::args().nth(1).unwrap();
    let rows: Vec<(String, String)> = std::io::BufReader::new(std::fs::File::open(path).unwrap())
        .lines()
        .map(|l| {
            let v: serde_json::Value = serde_json::from_str(&l.unwrap()).unwrap();
            (v["text"].as_str().unwrap().to_string(), v["lang"].as_str().unwrap().to_string())
        })
        .collect();
    use whatlang::Lang as W;
    let wl = whatlang::Detector::with_allowlist(vec![W::Eng, W::Spa, W::Fra, W::Deu, W::Por, W::Pes, W::Ara]);
    let wcode = |l: W| match l { W::Eng => "en", W::Spa => "es", W::Fra => "fr", W::Deu => "de", W::Por => "pt", W::Pes => "fa", W::Ara => "ar", _ => "?" };
    use lingua::Language as L;
    let t0 = Instant::now();
    let li = lingua::LanguageDetectorBuilder::from_languages(&[L::English, L::Spanish, L::French, L::German, L::Portuguese, L::Persian, L::Arabic]).with_preloaded_language_models().build();
    let lingua_load = t0.elapsed();
    let lcode = |l: L| match l { L::English => "en", L::Spanish => "es", L::French => "fr", L::German => "de", L::Portuguese => "pt", L::Persian => "fa", L::Arabic => "ar" };
    let es = earshot::classify::lang::LangDetector::new();
    let _ = es.detect("warm up text", None);
    type F<'a> = Box<dyn Fn(&str) -> String + 'a>;
    let dets: Vec<(&str, F)> = vec![
        ("whatlang (7 langs)", Box::new(|t: &str| wl.detect_lang(t).map(wcode).unwrap_or("und").to_string())),
        ("lingua (7 langs, preloaded)", Box::new(|t: &str| li.detect_language_of(t).map(lcode).unwrap_or("und").to_string())),
        ("earshot LangDetector", Box::new(|t: &str| es.detect(t, None).code.into_owned())),
    ];
    println!("rows {}  lingua model load {:?}", rows.len(), lingua_load);
    for (name, d) in &dets {
        let t = Instant::now();
        let preds: Vec<String> = rows.iter().map(|(x, _)| d(x)).collect();
        let us = t.elapsed().as_secs_f64() * 1e6 / rows.len() as f64;
        let mut buckets = [(0usize, 0usize); 3];
        let mut per_lang: std::collections::BTreeMap<&str, (usize, usize)> = Default::default();
        for ((x, g), p) in rows.iter().zip(&preds) {
            let n = x.chars().count();
            let b = if n <= 40 { 0 } else if n <= 100 { 1 } else { 2 };
            buckets[b].1 += 1;
            let e = per_lang.entry(g.as_str()).or_default();
            e.1 += 1;
            if p == g { buckets[b].0 += 1; e.0 += 1; }
        }
        let acc = |(a, n): (usize, usize)| if n == 0 { 0.0 } else { a as f64 / n as f64 };
        let all = buckets.iter().fold((0, 0), |s, b| (s.0 + b.0, s.1 + b.1));
        print!("{name:<30} acc {:.3}  ≤40 chars {:.3} (n {})  41-100 {:.3} (n {})  >100 {:.3} (n {})  {:.1} µs/text  per lang:", acc(all), acc(buckets[0]), buckets[0].1, acc(buckets[1]), buckets[1].1, acc(buckets[2]), buckets[2].1, us);
        for (l, v) in &per_lang { print!(" {l} {:.3}", acc(*v)); }
        println!();
    }
}
