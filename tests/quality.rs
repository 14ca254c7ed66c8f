//! Classifier quality on the labelled dev sets in `../shared/eval/` (present in CI; a user's clone may
//! not have them, in which case this says so on stderr and checks nothing else).
//!
//! Two kinds of floor: the classifier issue's targets where they are met, and regression guards at
//! today's measured level (a little below it) where they are not yet met — the README's eval table
//! gives both. The project's own golden set (`tests/cli.rs`) always runs.

use std::io::Write;
use std::path::PathBuf;

use earshot::classify::Classifier;
use earshot::config::Config;
use earshot::eval::{self, EvalOutput, Task};

fn eval_dir() -> Option<PathBuf> {
    let dir = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../shared/eval");
    if dir.is_dir() {
        Some(dir)
    } else {
        // Written straight to stderr so it shows even when libtest captures output.
        let _ = writeln!(
            std::io::stderr(),
            "quality tests: {} is missing; the dev-set floors were NOT checked",
            dir.display()
        );
        None
    }
}

fn run(task: Task, file: &str) -> Option<EvalOutput> {
    let dir = eval_dir()?;
    let cfg = Config::default();
    let c = Classifier::new(&cfg.brands, &cfg.classify).unwrap();
    let f = std::fs::File::open(dir.join(file)).unwrap();
    let out = eval::run(&c, task, &mut std::io::BufReader::new(f)).unwrap();
    assert!(
        out.errors.is_empty(),
        "unreadable rows: {:?}",
        &out.errors[..out.errors.len().min(3)]
    );
    eprintln!("{file}:\n{}", eval::render(&out.report));
    Some(out)
}

/// vaderSentiment 3.3.2 on the same file (3-class weighted F1), measured once with Python:
/// see README "Classifier quality".
const VADER_EN_WEIGHTED_F1: f64 = 0.6256;

#[test]
fn english_reviews_at_least_vader() {
    let Some(out) = run(Task::Sentiment, "sentiment_en_reviews.jsonl") else {
        return;
    };
    assert!(
        out.report.weighted_f1 >= VADER_EN_WEIGHTED_F1,
        "weighted F1 {} < VADER's {VADER_EN_WEIGHTED_F1}",
        out.report.weighted_f1
    );
    assert!(out.report.pearson_r.unwrap() >= 0.55);
}

#[test]
fn complaints_macro_f1_floor() {
    let Some(out) = run(Task::Complaint, "complaints_dev.jsonl") else {
        return;
    };
    // Target 0.78 (not yet met); measured 0.724.
    assert!(
        out.report.macro_f1 >= 0.70,
        "macro F1 {}",
        out.report.macro_f1
    );
}

#[test]
fn suggestions_regression_floor() {
    let Some(out) = run(Task::Suggestion, "suggestions_dev.jsonl") else {
        return;
    };
    // Target F1 0.70 for the suggestion class (not yet met); measured 0.614.
    let f1 = out.report.per_class["suggestion"].f1;
    assert!(f1 >= 0.59, "suggestion F1 {f1}");
}

#[test]
fn persian_regression_floor() {
    let Some(out) = run(Task::Sentiment, "sentiment_fa_dev.jsonl") else {
        return;
    };
    let b = out.binary.expect("binary view");
    // Target binary macro F1 0.78 (not yet met); measured 0.703.
    assert!(b.macro_f1 >= 0.68, "binary macro F1 {}", b.macro_f1);
}

#[test]
fn arabic_regression_floor() {
    let Some(out) = run(Task::Sentiment, "sentiment_ar_dev.jsonl") else {
        return;
    };
    let b = out.binary.expect("binary view");
    // Target positive/negative accuracy 0.72 (not yet met); measured 0.569.
    assert!(b.accuracy >= 0.55, "binary accuracy {}", b.accuracy);
}
