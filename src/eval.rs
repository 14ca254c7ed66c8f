//! `earshot eval`: classifier quality on labelled JSON lines (`id`, `text`, `label`, optional `score`).
//!
//! Label mappings (the same as the dev sets' README):
//! - sentiment: `sentiment.label` against `label`. Gold labels `very_negative`/`very_positive` merge into
//!   their side; the *binary view* keeps only gold positive/negative rows (dropping neutral, mixed,
//!   objective), and a neutral prediction there counts as an error. Pearson r of `sentiment.score`
//!   against `score` where the file has scores.
//! - complaint: predicted `complaint` when `signals` contain `complaint`, else `not_complaint`.
//! - suggestion: predicted `suggestion` when `signals` contain `recommend` or `warn`, else
//!   `non_suggestion`.

use std::collections::{BTreeMap, BTreeSet};
use std::io::BufRead;

use serde::{Deserialize, Serialize};

use crate::classify::Classifier;
use crate::model::SignalKind;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Task {
    Sentiment,
    Complaint,
    Suggestion,
}

impl Task {
    pub fn parse(s: &str) -> Result<Task, String> {
        match s {
            "sentiment" => Ok(Task::Sentiment),
            "complaint" => Ok(Task::Complaint),
            "suggestion" => Ok(Task::Suggestion),
            other => Err(format!(
                "unknown task {other:?} (sentiment, complaint, suggestion)"
            )),
        }
    }
}

#[derive(Deserialize)]
struct Row {
    #[serde(default)]
    text: String,
    label: String,
    #[serde(default)]
    score: Option<f64>,
}

#[derive(Debug, Clone, Serialize, PartialEq)]
pub struct ClassScores {
    pub precision: f64,
    pub recall: f64,
    pub f1: f64,
    pub support: usize,
}

#[derive(Debug, Clone, Serialize)]
pub struct Report {
    pub rows: usize,
    pub accuracy: f64,
    pub macro_f1: f64,
    pub weighted_f1: f64,
    pub per_class: BTreeMap<String, ClassScores>,
    /// gold → predicted → count
    pub confusion: BTreeMap<String, BTreeMap<String, usize>>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub pearson_r: Option<f64>,
}

/// Scores (gold, predicted) pairs. Classes are the gold labels; a predicted label never seen in gold
/// only costs recall (it appears in the confusion matrix).
pub fn score(pairs: &[(String, String)], scores: &[(f64, f64)]) -> Report {
    let gold_classes: BTreeSet<&str> = pairs.iter().map(|(g, _)| g.as_str()).collect();
    let mut confusion: BTreeMap<String, BTreeMap<String, usize>> = BTreeMap::new();
    for (g, p) in pairs {
        *confusion
            .entry(g.clone())
            .or_default()
            .entry(p.clone())
            .or_default() += 1;
    }
    let n = pairs.len();
    let correct = pairs.iter().filter(|(g, p)| g == p).count();
    let mut per_class = BTreeMap::new();
    let (mut macro_sum, mut weighted_sum) = (0.0, 0.0);
    for c in &gold_classes {
        let tp = pairs.iter().filter(|(g, p)| g == c && p == c).count() as f64;
        let pred = pairs.iter().filter(|(_, p)| p == c).count() as f64;
        let support = pairs.iter().filter(|(g, _)| g == c).count();
        let precision = if pred > 0.0 { tp / pred } else { 0.0 };
        let recall = if support > 0 {
            tp / support as f64
        } else {
            0.0
        };
        let f1 = if precision + recall > 0.0 {
            2.0 * precision * recall / (precision + recall)
        } else {
            0.0
        };
        macro_sum += f1;
        weighted_sum += f1 * support as f64;
        per_class.insert(
            c.to_string(),
            ClassScores {
                precision: round4(precision),
                recall: round4(recall),
                f1: round4(f1),
                support,
            },
        );
    }
    Report {
        rows: n,
        accuracy: round4(if n == 0 {
            0.0
        } else {
            correct as f64 / n as f64
        }),
        macro_f1: round4(if gold_classes.is_empty() {
            0.0
        } else {
            macro_sum / gold_classes.len() as f64
        }),
        weighted_f1: round4(if n == 0 { 0.0 } else { weighted_sum / n as f64 }),
        per_class,
        confusion,
        pearson_r: pearson(scores).map(round4),
    }
}

fn round4(x: f64) -> f64 {
    (x * 10_000.0).round() / 10_000.0
}

pub fn pearson(xy: &[(f64, f64)]) -> Option<f64> {
    if xy.len() < 3 {
        return None;
    }
    let n = xy.len() as f64;
    let (mx, my) = (
        xy.iter().map(|p| p.0).sum::<f64>() / n,
        xy.iter().map(|p| p.1).sum::<f64>() / n,
    );
    let (mut sxy, mut sxx, mut syy) = (0.0, 0.0, 0.0);
    for (x, y) in xy {
        sxy += (x - mx) * (y - my);
        sxx += (x - mx).powi(2);
        syy += (y - my).powi(2);
    }
    (sxx > 0.0 && syy > 0.0).then(|| sxy / (sxx * syy).sqrt())
}

pub fn merge_very(label: &str) -> &str {
    match label {
        "very_negative" => "negative",
        "very_positive" => "positive",
        other => other,
    }
}

/// What `eval` prints: the full report and, for sentiment files with gold labels outside
/// positive/neutral/negative (Persian, Arabic), the binary view.
#[derive(Debug, Clone, Serialize)]
pub struct EvalOutput {
    pub task: String,
    pub report: Report,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub binary: Option<Report>,
    /// Lines that could not be read (line number, reason).
    pub errors: Vec<(usize, String)>,
}

/// The predicted label of one text under `task`'s mapping, and the sentiment score.
pub fn predict(c: &Classifier, task: Task, text: &str) -> (&'static str, f64) {
    let a = c.analyze(text, None);
    let cl = &a.classification;
    let has = |k: SignalKind| cl.signals.iter().any(|s| s.kind == k);
    let label = match task {
        Task::Sentiment => cl.sentiment.label.as_str(),
        Task::Complaint if has(SignalKind::Complaint) => "complaint",
        Task::Complaint => "not_complaint",
        Task::Suggestion if has(SignalKind::Recommend) || has(SignalKind::Warn) => "suggestion",
        Task::Suggestion => "non_suggestion",
    };
    (label, cl.sentiment.score)
}

pub fn run(c: &Classifier, task: Task, input: &mut dyn BufRead) -> std::io::Result<EvalOutput> {
    let mut pairs = Vec::new();
    let mut binary = Vec::new();
    let mut scores = Vec::new();
    let mut errors = Vec::new();
    let mut five_class = false;
    for (i, line) in input.split(b'\n').enumerate() {
        let line = line?;
        if line.iter().all(u8::is_ascii_whitespace) {
            continue;
        }
        let row: Row = match serde_json::from_slice(&line) {
            Ok(r) => r,
            Err(e) => {
                errors.push((i + 1, e.to_string()));
                continue;
            }
        };
        let (pred, score_pred) = predict(c, task, &row.text);
        let gold = match task {
            Task::Sentiment => {
                five_class |= !matches!(row.label.as_str(), "positive" | "negative" | "neutral");
                let gold = merge_very(&row.label).to_string();
                if matches!(gold.as_str(), "positive" | "negative") {
                    binary.push((gold.clone(), pred.to_string()));
                }
                if let Some(s) = row.score {
                    scores.push((score_pred, s));
                }
                gold
            }
            Task::Complaint | Task::Suggestion => row.label.clone(),
        };
        let pred = pred.to_string();
        pairs.push((gold, pred));
    }
    Ok(EvalOutput {
        task: format!("{task:?}").to_lowercase(),
        report: score(&pairs, &scores),
        binary: (task == Task::Sentiment && five_class).then(|| score(&binary, &[])),
        errors,
    })
}

/// A human-readable rendering of a report.
pub fn render(r: &Report) -> String {
    let mut s = format!(
        "rows {}  accuracy {:.4}  macro F1 {:.4}  weighted F1 {:.4}",
        r.rows, r.accuracy, r.macro_f1, r.weighted_f1
    );
    if let Some(p) = r.pearson_r {
        s.push_str(&format!("  Pearson r {p:.4}"));
    }
    s.push_str("\n  class            precision  recall  f1      support\n");
    for (c, v) in &r.per_class {
        s.push_str(&format!(
            "  {c:<16} {:<10.4} {:<7.4} {:<7.4} {}\n",
            v.precision, v.recall, v.f1, v.support
        ));
    }
    let preds: BTreeSet<&String> = r.confusion.values().flat_map(|m| m.keys()).collect();
    s.push_str("  confusion (rows gold, columns predicted)\n  ");
    s.push_str(&format!("{:<16}", ""));
    for p in &preds {
        s.push_str(&format!(" {p:>14}"));
    }
    s.push('\n');
    for (g, row) in &r.confusion {
        s.push_str(&format!("  {g:<16}"));
        for p in &preds {
            s.push_str(&format!(" {:>14}", row.get(*p).copied().unwrap_or(0)));
        }
        s.push('\n');
    }
    s
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn f1_by_hand() {
        let pairs: Vec<(String, String)> = [("a", "a"), ("a", "b"), ("b", "b"), ("b", "b")]
            .iter()
            .map(|(g, p)| (g.to_string(), p.to_string()))
            .collect();
        let r = score(&pairs, &[]);
        assert_eq!(r.accuracy, 0.75);
        // a: P=1, R=0.5, F1=0.6667; b: P=0.6667, R=1, F1=0.8
        assert_eq!(r.per_class["a"].f1, 0.6667);
        assert_eq!(r.per_class["b"].f1, 0.8);
        assert_eq!(r.macro_f1, 0.7333);
        assert_eq!(r.confusion["a"]["b"], 1);
        let p = pearson(&[(1.0, 2.0), (2.0, 4.0), (3.0, 6.0)]).unwrap();
        assert!((p - 1.0).abs() < 1e-12);
    }
}
