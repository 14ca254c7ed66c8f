//! The classifier's memory, part by part, for the README's bound: resident memory after the
//! tables are built, after every signal rule's regex is compiled, and after classifying a
//! JSON-lines file (`{"text": …}` per line) as `earshot classify` does, with what the rules'
//! search caches hold against their budget.
//!
//! `cargo run --release --example classifier_memory -- FILE`

use earshot::classify::Classifier;
use earshot::config::Config;

/// This process's resident memory now and at its peak, in MB (Linux `/proc/self/status`).
fn rss() -> (f64, f64) {
    let status = std::fs::read_to_string("/proc/self/status").expect("/proc/self/status");
    let kb = |key: &str| -> f64 {
        status
            .lines()
            .find_map(|l| l.strip_prefix(key))
            .and_then(|v| v.split_whitespace().next()?.parse().ok())
            .unwrap_or(f64::NAN)
    };
    (kb("VmRSS:") / 1024.0, kb("VmHWM:") / 1024.0)
}

fn main() {
    let path = std::env::args()
        .nth(1)
        .expect("usage: classifier_memory FILE");
    let root = env!("CARGO_MANIFEST_DIR");
    let cfg = Config::load_with_env(&std::path::Path::new(root).join("config/earshot.toml"), &[])
        .expect("config/earshot.toml loads");
    let c = Classifier::new(&cfg.brands, &cfg.classify).expect("classifier builds");
    let (now, _) = rss();
    println!("tables built:               {now:6.1} MB resident");
    c.compile_all_rules();
    let (now, _) = rss();
    println!("every rule compiled:        {now:6.1} MB resident");
    let input = std::fs::File::open(&path).expect("open FILE");
    let failed = earshot::cli::classify_stream(
        &c,
        &mut std::io::BufReader::with_capacity(earshot::cli::INPUT_BUFFER_BYTES, input),
        &mut std::io::sink(),
        &mut std::io::sink(),
    )
    .expect("classify");
    let (now, peak) = rss();
    println!(
        "after classifying the file: {now:6.1} MB resident, {peak:.1} MB at the peak ({failed} lines failed)"
    );
    let st = c.regex_cache_stats();
    let mb = |b: usize| b as f64 / f64::from(1 << 20);
    println!(
        "rules' search caches:       {:6.1} MB held, {:.1} MB at the peak, budget {:.1} MB, {} caches held, {} dropped",
        mb(st.bytes),
        mb(st.peak_bytes),
        mb(st.budget_bytes),
        st.caches,
        st.evictions
    );
}
