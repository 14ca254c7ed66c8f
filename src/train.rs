//! `earshot train`: fits a learned table from labelled JSON lines (`text`, `label`) and reports, next
//! to the figures without it, the table's k-fold cross-validated figures through the real classifier
//! — each fold's table is fitted without that fold's rows and scored on them — and the in-sample
//! figures of the table fitted on every row (the one written out, optimistic by construction).
//!
//! Two tables exist:
//! - `sentiment` for one language (`--lang fa|ar|…`): a weight per normalised word, fitted on the
//!   rows labelled positive or negative (`very_*` merged), used by the sentiment scorer as word
//!   valences under every VADER rule (negation, boosters, "but");
//! - `suggestion`: English advice to others, over words, word pairs, sentence-initial words and the
//!   phrase rules that fired; it arbitrates the weak recommend/warn rules and catches advice no rule
//!   phrases.

use std::io::BufRead;

use serde::Deserialize;
use thiserror::Error;

use crate::classify::Classifier;
use crate::classify::lexicon::{LANGS, LearnedTable, Lexicons};
use crate::classify::sentiment::SentimentEngine;
use crate::classify::signals::{SignalDetector, advice_features};
use crate::config::ClassifyConfig;
use crate::eval::{self, Report, Task};
use crate::learn::{self, Example, FitOptions, LinearModel};

#[derive(Debug, Error)]
pub enum TrainError {
    #[error("reading the input: {0}")]
    Io(#[from] std::io::Error),
    #[error("{count} unreadable line(s), first: line {line}: {reason}")]
    BadLines {
        count: usize,
        line: usize,
        reason: String,
    },
    #[error("--task {0} has no learned table (sentiment, suggestion)")]
    Task(String),
    #[error("--lang {0:?} has no sentiment profile ({langs})", langs = LANGS.join(", "))]
    Lang(String),
    #[error("{0}")]
    Data(String),
}

#[derive(Deserialize)]
struct Row {
    /// The row's own id, when the file has one (shown with its cross-validated prediction).
    #[serde(default)]
    id: Option<serde_json::Value>,
    /// The row's line in the input, from 1.
    #[serde(skip)]
    line: usize,
    text: String,
    label: String,
    /// Where the row was collected (hotel reviews, a software forum…), when the file says.
    #[serde(default)]
    domain: Option<String>,
}

/// One figure set: the report on every row and, for sentiment, the positive/negative view.
#[derive(Debug, Clone)]
pub struct Figures {
    pub report: Report,
    pub binary: Option<Report>,
}

pub struct Outcome {
    pub task: Task,
    pub lang: Option<String>,
    pub rows: usize,
    pub training_rows: usize,
    pub folds: usize,
    pub without: Figures,
    pub cross_validated: Figures,
    pub in_sample: Figures,
    pub model: LinearModel,
    /// Each row's cross-validated prediction, in input order.
    pub cv_predictions: Vec<CvPrediction>,
}

/// One row's prediction by the model fitted without its fold.
#[derive(Debug, Clone, serde::Serialize)]
pub struct CvPrediction {
    /// The row's line in the input, from 1.
    pub line: usize,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub id: Option<serde_json::Value>,
    pub fold: usize,
    pub label: String,
    pub predicted: String,
}

/// Sorts `(row, predicted)` pairs into input order with each row's line, id, fold and gold label.
fn cv_predictions(
    rows: &[Row],
    fold: &[usize],
    gold: impl Fn(usize) -> String,
    mut cv: Vec<(usize, &str)>,
) -> Vec<CvPrediction> {
    cv.sort_unstable_by_key(|(i, _)| *i);
    cv.into_iter()
        .map(|(i, p)| CvPrediction {
            line: rows[i].line,
            id: rows[i].id.clone(),
            fold: fold[i],
            label: gold(i),
            predicted: p.to_string(),
        })
        .collect()
}

/// The cross-validated predictions as JSON lines (`line` is the row's line in the input, from 1).
pub fn cv_lines(o: &Outcome) -> String {
    let mut out = String::new();
    for p in &o.cv_predictions {
        out.push_str(&serde_json::to_string(p).expect("a prediction serialises"));
        out.push('\n');
    }
    out
}

/// Reads labelled rows; any unreadable line fails the run (a table fitted on part of a file would
/// silently differ from the one the user asked for).
fn read_rows(input: &mut dyn BufRead) -> Result<Vec<Row>, TrainError> {
    let mut rows = Vec::new();
    let mut bad: Vec<(usize, String)> = Vec::new();
    for (i, line) in input.split(b'\n').enumerate() {
        let line = line?;
        if line.iter().all(u8::is_ascii_whitespace) {
            continue;
        }
        match serde_json::from_slice::<Row>(&line) {
            Ok(r) => rows.push(Row { line: i + 1, ..r }),
            Err(e) => bad.push((i + 1, e.to_string())),
        }
    }
    if let Some((line, reason)) = bad.first().cloned() {
        return Err(TrainError::BadLines {
            count: bad.len(),
            line,
            reason,
        });
    }
    Ok(rows)
}

/// Fits on a subset of the examples (a fold's complement, or all of them).
fn fit_subset<'a>(rows: impl Iterator<Item = &'a Example>, opts: &FitOptions) -> LinearModel {
    let train: Vec<Example> = rows
        .map(|e| Example {
            features: e.features.clone(),
            target: e.target,
        })
        .collect();
    learn::fit(&train, opts)
}

/// Words never given a learned sentiment weight in `lang` (`lexicons/learned_stopwords.tsv`).
pub fn stopwords(lang: &str) -> std::collections::HashSet<String> {
    include_str!("classify/lexicons/learned_stopwords.tsv")
        .lines()
        .filter(|l| !l.starts_with('#'))
        .filter_map(|l| l.split_once('\t'))
        .filter(|(l, _)| *l == lang)
        .map(|(_, w)| crate::classify::lexicon::normalize(lang, w.trim()))
        .collect()
}

/// Only words get learned weights: at least two letters and no digits. Hashtags stay: they are the
/// author's own framing ("#fail", a campaign slogan) and often carry the sentiment.
fn learnable(w: &str) -> bool {
    w.chars().filter(|c| c.is_alphabetic()).count() >= 2 && !w.chars().any(|c| c.is_ascii_digit())
}

/// How a fitted sentiment table's log-odds become valences (VADER's ±0.05 label band sits at a raw
/// valence sum of about ±0.2).
pub fn to_valences(mut m: LinearModel, valence_per_logit: f64) -> LinearModel {
    for w in m.weights.values_mut() {
        *w *= valence_per_logit;
    }
    m.bias *= valence_per_logit;
    m
}

/// How a sentiment table is made from a fitted model and used by the scorer.
#[derive(Debug, Clone, Copy)]
pub struct TableOptions {
    /// Valence per unit of log-odds.
    pub valence_per_logit: f64,
    /// The table only adds words the lexicons lack (see `LEARNED_TABLES` in `classify::lexicon`).
    pub fill_only: bool,
    /// Also fit on rows with neither side (target 0.5), pulling neutral text's words to zero.
    pub with_neutral: bool,
}

impl Default for TableOptions {
    fn default() -> Self {
        TableOptions {
            valence_per_logit: 1.0,
            fill_only: false,
            with_neutral: false,
        }
    }
}

pub fn train(
    task: Task,
    lang: Option<&str>,
    input: &mut dyn BufRead,
    folds: usize,
    opts: &FitOptions,
    table: TableOptions,
) -> Result<Outcome, TrainError> {
    let rows = read_rows(input)?;
    match task {
        Task::Sentiment => {
            let lang = lang.unwrap_or("en");
            let lang: &'static str = LANGS
                .iter()
                .find(|l| **l == lang)
                .ok_or_else(|| TrainError::Lang(lang.to_string()))?;
            train_sentiment(lang, rows, folds, opts, table)
        }
        Task::Suggestion => train_suggestion(rows, folds, opts),
        Task::Complaint => Err(TrainError::Task("complaint".into())),
    }
}

fn train_sentiment(
    lang: &'static str,
    rows: Vec<Row>,
    folds: usize,
    opts: &FitOptions,
    t: TableOptions,
) -> Result<Outcome, TrainError> {
    let TableOptions {
        valence_per_logit,
        fill_only,
        with_neutral,
    } = t;
    let tokenizer = SentimentEngine::new();
    let gold: Vec<&str> = rows.iter().map(|r| eval::merge_very(&r.label)).collect();
    let words: Vec<Vec<String>> = rows
        .iter()
        .map(|r| tokenizer.words(&crate::classify::readable_text(&r.text), lang))
        .collect();
    // A word too rare to get a weight of its own is counted under its form without a proclitic
    // (Arabic "والجميل" → "جميل"), which is where the scorer looks when the whole word is unknown.
    // Document frequencies come from the text alone, not the labels.
    let mut df: std::collections::HashMap<&str, usize> = std::collections::HashMap::new();
    for ws in &words {
        let mut seen: Vec<&str> = ws.iter().map(String::as_str).collect();
        seen.sort_unstable();
        seen.dedup();
        for w in seen {
            *df.entry(w).or_default() += 1;
        }
    }
    let profile = Lexicons::shared().profile(lang);
    let stop = stopwords(lang);
    let key = |w: &str| -> String {
        if df.get(w).copied().unwrap_or(0) >= opts.min_count {
            return w.to_string();
        }
        let known = |x: &str| df.get(x).copied().unwrap_or(0) >= opts.min_count;
        let strip_pre = |x: &str| -> Option<String> {
            profile.proclitics.iter().find_map(|pre| {
                x.strip_prefix(pre)
                    .filter(|rest| rest.chars().count() >= 3)
                    .map(str::to_string)
            })
        };
        // As the scorer falls back: without a proclitic, else without a suffix (and then maybe a
        // proclitic), preferring a form frequent enough to get a weight.
        let mut candidates: Vec<String> = strip_pre(w).into_iter().collect();
        for suf in profile.suffixes {
            if let Some(rest) = w.strip_suffix(suf)
                && rest.chars().count() >= profile.min_stem_chars
            {
                candidates.push(rest.to_string());
                candidates.extend(strip_pre(rest));
            }
        }
        candidates
            .iter()
            .find(|c| known(c))
            .or(candidates.first())
            .cloned()
            .unwrap_or_else(|| w.to_string())
    };
    // Training rows: the ones with a side. Neutral/mixed/objective rows are still scored.
    let examples: Vec<Option<Example>> = words
        .iter()
        .zip(&gold)
        .map(|(ws, g)| {
            let target = match *g {
                "positive" => 1.0,
                "negative" => 0.0,
                _ if with_neutral => 0.5,
                _ => return None,
            };
            Some(Example {
                features: ws
                    .iter()
                    .filter(|w| learnable(w))
                    .map(|w| key(w))
                    .filter(|k| !stop.contains(k))
                    .collect(),
                target,
            })
        })
        .collect();
    let training_rows = examples.iter().flatten().count();
    let sided = examples
        .iter()
        .flatten()
        .filter(|e| e.target != 0.5)
        .count();
    if sided < 10 {
        return Err(TrainError::Data(format!(
            "{sided} positive/negative rows; at least 10 are needed"
        )));
    }
    let fold = learn::fold_of_rows(rows.len(), folds);
    let score_with = |lex: &'static Lexicons, pick: &dyn Fn(usize) -> bool| {
        let engine = SentimentEngine::with_lexicons(lex);
        rows.iter()
            .enumerate()
            .filter(|(i, _)| pick(*i))
            .map(|(i, r)| {
                let s = engine.score(&r.text, lang, None);
                (i, s.label.as_str())
            })
            .collect::<Vec<_>>()
    };
    let fit_on = |pick: &dyn Fn(usize) -> bool| {
        let rows = examples.iter().enumerate().filter(|(i, _)| pick(*i));
        to_valences(
            fit_subset(rows.filter_map(|(_, e)| e.as_ref()), opts),
            valence_per_logit,
        )
    };

    let table = |model: LinearModel| LearnedTable {
        lang,
        model,
        fill_only,
    };
    let without = score_with(Lexicons::build_with_learned(&[]), &|_| true);
    let mut cv = Vec::with_capacity(rows.len());
    for k in 0..folds {
        let m = fit_on(&|i| fold[i] != k);
        cv.extend(score_with(
            Lexicons::build_with_learned(&[table(m)]),
            &|i| fold[i] == k,
        ));
    }
    let model = fit_on(&|_| true);
    let in_sample = score_with(
        Lexicons::build_with_learned(&[table(model.clone())]),
        &|_| true,
    );
    let figures = |preds: Vec<(usize, &'static str)>| {
        let pairs: Vec<(String, String)> = preds
            .iter()
            .map(|(i, p)| (gold[*i].to_string(), p.to_string()))
            .collect();
        let binary: Vec<(String, String)> = pairs
            .iter()
            .filter(|(g, _)| matches!(g.as_str(), "positive" | "negative"))
            .cloned()
            .collect();
        Figures {
            report: eval::score(&pairs, &[]),
            binary: Some(eval::score(&binary, &[])),
        }
    };
    let per_row = cv_predictions(&rows, &fold, |i| gold[i].to_string(), cv.clone());
    Ok(Outcome {
        task: Task::Sentiment,
        lang: Some(lang.to_string()),
        rows: rows.len(),
        training_rows,
        folds,
        without: figures(without),
        cross_validated: figures(cv),
        in_sample: figures(in_sample),
        model,
        cv_predictions: per_row,
    })
}

fn train_suggestion(
    rows: Vec<Row>,
    folds: usize,
    opts: &FitOptions,
) -> Result<Outcome, TrainError> {
    for (i, r) in rows.iter().enumerate() {
        if !matches!(r.label.as_str(), "suggestion" | "non_suggestion") {
            return Err(TrainError::Data(format!(
                "row {}: label {:?} (suggestion, non_suggestion)",
                i + 1,
                r.label
            )));
        }
    }
    let rules_only = SignalDetector::with_advice_model(None);
    // A row's domain is a feature while fitting, so each source's base rate of advice is learned
    // there and not by the nouns typical of the source ("hotel", "battery"); the domain features are
    // dropped from the table, which is used on text from anywhere.
    let examples: Vec<Example> = rows
        .iter()
        .map(|r| {
            // The text as the classifier's signal stage reads it (see `readable_text`).
            let text = crate::classify::readable_text(&r.text);
            let mut features = advice_features(&text, &rules_only.fired_rules(&text, "en"));
            if let Some(d) = &r.domain {
                features.push(format!("{DOMAIN_PREFIX}{d}"));
            }
            Example {
                features,
                target: if r.label == "suggestion" { 1.0 } else { 0.0 },
            }
        })
        .collect();
    let cfg = ClassifyConfig::default();
    let predict_with = |model: Option<LinearModel>, pick: &dyn Fn(usize) -> bool| {
        let c = Classifier::with_engines(
            &[],
            &cfg,
            SentimentEngine::new(),
            SignalDetector::with_advice_model(model),
        )
        .expect("a classifier without brands builds");
        rows.iter()
            .enumerate()
            .filter(|(i, _)| pick(*i))
            .map(|(i, r)| (i, eval::predict(&c, Task::Suggestion, &r.text).0))
            .collect::<Vec<_>>()
    };
    let fit_on = |pick: &dyn Fn(usize) -> bool| {
        let rows = examples.iter().enumerate().filter(|(i, _)| pick(*i));
        without_domains(fit_subset(rows.map(|(_, e)| e), opts), &examples)
    };
    let fold = learn::fold_of_rows(rows.len(), folds);
    let without = predict_with(None, &|_| true);
    let mut cv = Vec::with_capacity(rows.len());
    for k in 0..folds {
        let m = fit_on(&|i| fold[i] != k);
        cv.extend(predict_with(Some(m), &|i| fold[i] == k));
    }
    let model = fit_on(&|_| true);
    let in_sample = predict_with(Some(model.clone()), &|_| true);
    let figures = |preds: Vec<(usize, &'static str)>| {
        let pairs: Vec<(String, String)> = preds
            .iter()
            .map(|(i, p)| (rows[*i].label.clone(), p.to_string()))
            .collect();
        Figures {
            report: eval::score(&pairs, &[]),
            binary: None,
        }
    };
    let per_row = cv_predictions(&rows, &fold, |i| rows[i].label.clone(), cv.clone());
    Ok(Outcome {
        task: Task::Suggestion,
        lang: Some("en".into()),
        rows: rows.len(),
        training_rows: rows.len(),
        folds,
        without: figures(without),
        cross_validated: figures(cv),
        in_sample: figures(in_sample),
        model,
        cv_predictions: per_row,
    })
}

const DOMAIN_PREFIX: &str = "domain:";

/// Drops the domain features, folding their row-weighted mean into the bias.
fn without_domains(mut m: LinearModel, examples: &[Example]) -> LinearModel {
    let (mut sum, mut n) = (0.0, 0usize);
    for e in examples {
        if let Some(d) = e.features.iter().find(|f| f.starts_with(DOMAIN_PREFIX)) {
            sum += m.weights.get(d).copied().unwrap_or(0.0);
            n += 1;
        }
    }
    if n > 0 {
        m.bias += sum / n as f64;
    }
    m.weights.retain(|k, _| !k.starts_with(DOMAIN_PREFIX));
    m
}

/// The header written above a table: where it came from and how well it does, so the file explains
/// itself.
pub fn table_header(o: &Outcome, input: &str, opts: &FitOptions, t: TableOptions) -> String {
    let mut cmd = format!(
        "earshot train --task {} ",
        format!("{:?}", o.task).to_lowercase()
    );
    if o.task == Task::Sentiment
        && let Some(l) = &o.lang
    {
        cmd.push_str(&format!("--lang {l} "));
    }
    cmd.push_str(&format!(
        "--input {input} --folds {} --min-count {} --l2 {} --epochs {} --prune-below {}",
        o.folds, opts.min_count, opts.l2, opts.epochs, opts.prune_below
    ));
    if opts.balanced {
        cmd.push_str(" --balanced");
    }
    let unit = if o.task == Task::Sentiment {
        cmd.push_str(&format!(" --valence-per-logit {}", t.valence_per_logit));
        if t.fill_only {
            cmd.push_str(" --fill-only");
        }
        if t.with_neutral {
            cmd.push_str(" --with-neutral");
        }
        "Valence (VADER scale) per word"
    } else {
        "Logistic-regression log-odds per feature"
    };
    let mut h = format!("Learned by `{cmd}`.\n");
    h.push_str(&format!(
        "{} rows ({} used for fitting); {} weights. {unit}; edit by hand if needed.\n",
        o.rows,
        o.training_rows,
        o.model.weights.len()
    ));
    h.push_str(&format!(
        "{}-fold cross-validated {}; without the table {}.\n",
        o.folds,
        headline(o.task, &o.cross_validated),
        headline(o.task, &o.without)
    ));
    h
}

/// The figure each task is judged by.
pub fn headline(task: Task, f: &Figures) -> String {
    match (task, &f.binary) {
        (Task::Sentiment, Some(b)) => format!(
            "binary accuracy {:.3}, binary macro F1 {:.3}",
            b.accuracy, b.macro_f1
        ),
        _ => {
            let pos = f
                .report
                .per_class
                .get("suggestion")
                .map(|c| c.f1)
                .unwrap_or(0.0);
            format!(
                "suggestion F1 {:.3}, macro F1 {:.3}, accuracy {:.3}",
                pos, f.report.macro_f1, f.report.accuracy
            )
        }
    }
}

/// The summary `earshot train` prints.
pub fn render(o: &Outcome) -> String {
    let mut s = String::new();
    let table = [
        ("without the table".to_string(), &o.without),
        (
            format!("{}-fold cross-validated", o.folds),
            &o.cross_validated,
        ),
        ("in-sample (optimistic)".to_string(), &o.in_sample),
    ];
    s.push_str(&format!(
        "rows {}  fitted on {}  weights {}\n",
        o.rows,
        o.training_rows,
        o.model.weights.len()
    ));
    for (name, f) in table {
        s.push_str(&format!(
            "{name:<28} {}  (all rows: accuracy {:.3}, macro F1 {:.3})\n",
            headline(o.task, f),
            f.report.accuracy,
            f.report.macro_f1
        ));
    }
    let cv = &o.cross_validated;
    s.push_str("cross-validated, in detail:\n");
    s.push_str(&eval::render(cv.binary.as_ref().unwrap_or(&cv.report)));
    s
}

/// How each shipped table was made: the input file (in `../shared/eval/`) and the options. The
/// quality tests refit each one, check that the shipped file holds the same weights (a table nobody
/// can reproduce is not explainable) and hold its cross-validated figure to the floor.
#[derive(Debug, Clone)]
pub struct Recipe {
    pub table: &'static str,
    pub task: Task,
    pub lang: Option<&'static str>,
    pub input: &'static str,
    pub opts: FitOptions,
    pub table_opts: TableOptions,
}

pub fn shipped_recipes() -> Vec<Recipe> {
    vec![
        Recipe {
            table: "src/classify/lexicons/learned_ar.tsv",
            task: Task::Sentiment,
            lang: Some("ar"),
            input: "sentiment_ar_dev.jsonl",
            opts: FitOptions {
                l2: 1e-3,
                balanced: true,
                ..FitOptions::default()
            },
            table_opts: TableOptions {
                valence_per_logit: 4.0,
                fill_only: true,
                with_neutral: true,
            },
        },
        Recipe {
            table: "src/classify/lexicons/learned_advice.tsv",
            task: Task::Suggestion,
            lang: None,
            input: "suggestions_dev.jsonl",
            opts: FitOptions {
                l2: 1e-3,
                balanced: true,
                min_count: 10,
                ..FitOptions::default()
            },
            table_opts: TableOptions::default(),
        },
    ]
}

impl Recipe {
    /// Fits the recipe on `input` (the file it names, opened by the caller).
    pub fn run(&self, input: &mut dyn BufRead, folds: usize) -> Result<Outcome, TrainError> {
        train(
            self.task,
            self.lang,
            input,
            folds,
            &self.opts,
            self.table_opts,
        )
    }
}
