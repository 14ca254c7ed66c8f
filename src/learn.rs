//! Weights learned from labelled examples: a sparse, L2-regularised logistic regression over binary
//! features (words, word pairs, rule names), small enough to ship as a readable table.
//!
//! Why a linear model and not something bigger: every weight belongs to one word or rule, so a score
//! stays explainable ("learned: `refund` −1.3"), the table is a few thousand lines a person can audit
//! and edit, and inference is one hash lookup per feature. `earshot train` fits these tables from
//! JSON-lines files and reports k-fold cross-validated figures, which are the honest estimate of how a
//! table does on text it was not fitted to (the in-sample figure on the same file is optimistic).
//!
//! Training is deterministic: the same file and options give the same table byte for byte.

use std::collections::HashMap;

use rustc_hash::FxHashMap;

use thiserror::Error;

#[derive(Debug, Error)]
pub enum LearnError {
    #[error("line {line}: {reason}")]
    Table { line: usize, reason: String },
}

/// The fitted table: a bias and one weight per feature (features not in the table weigh nothing).
#[derive(Debug, Clone, Default, PartialEq)]
pub struct LinearModel {
    pub bias: f64,
    pub weights: FxHashMap<String, f64>,
}

/// The key under which the bias is stored in a table file.
const BIAS_KEY: &str = "__bias__";

impl LinearModel {
    /// Reads a table: `feature<TAB>weight` lines; `# ` comment lines and blank lines ignored (a
    /// feature may start with `#`: hashtags are words too).
    pub fn parse(tsv: &str) -> Result<Self, LearnError> {
        let mut m = LinearModel::default();
        for (i, line) in tsv.lines().enumerate() {
            if line.starts_with("# ") || line == "#" || line.trim().is_empty() {
                continue;
            }
            let err = |reason: &str| LearnError::Table {
                line: i + 1,
                reason: reason.to_string(),
            };
            let (k, v) = line
                .rsplit_once('\t')
                .ok_or_else(|| err("expected feature<TAB>weight"))?;
            let v: f64 = v
                .trim()
                .parse()
                .map_err(|_| err("weight is not a number"))?;
            if !v.is_finite() {
                return Err(err("weight is not finite"));
            }
            if k == BIAS_KEY {
                m.bias = v;
            } else {
                m.weights.insert(k.to_string(), v);
            }
        }
        Ok(m)
    }

    /// Writes the table sorted by feature, so a retrained table diffs line by line.
    pub fn to_tsv(&self, header: &str) -> String {
        let mut out = String::new();
        for l in header.lines() {
            out.push_str("# ");
            out.push_str(l);
            out.push('\n');
        }
        out.push_str(&format!("{BIAS_KEY}\t{:.4}\n", self.bias));
        let mut keys: Vec<&String> = self.weights.keys().collect();
        keys.sort();
        for k in keys {
            out.push_str(&format!("{k}\t{:.4}\n", self.weights[k]));
        }
        out
    }

    /// Bias plus the weights of the features present (each feature counted once).
    pub fn margin<'a>(&self, feats: impl IntoIterator<Item = &'a str>) -> f64 {
        let mut seen: Vec<&str> = Vec::new();
        let mut m = self.bias;
        for f in feats {
            if seen.contains(&f) {
                continue;
            }
            seen.push(f);
            if let Some(w) = self.weights.get(f) {
                m += w;
            }
        }
        m
    }
}

pub fn sigmoid(x: f64) -> f64 {
    1.0 / (1.0 + (-x).exp())
}

/// How a table is fitted.
#[derive(Debug, Clone)]
pub struct FitOptions {
    /// A feature enters the table only if at least this many training rows contain it: rarer features
    /// would memorise rows rather than learn language.
    pub min_count: usize,
    /// L2 penalty per example (λ in loss/n + λ/2·|w|²); larger shrinks weights towards zero.
    pub l2: f64,
    pub epochs: usize,
    /// Weigh the classes inversely to their frequency (optimises balanced error rather than accuracy).
    pub balanced: bool,
    /// Weights smaller than this in magnitude are left out of the table.
    pub prune_below: f64,
}

impl Default for FitOptions {
    fn default() -> Self {
        FitOptions {
            min_count: 3,
            l2: 1e-3,
            epochs: 60,
            balanced: false,
            prune_below: 0.05,
        }
    }
}

/// One training row: its features (duplicates allowed, counted once) and its target: 1 positive,
/// 0 negative, or in between (0.5 for a neutral row: its words are pulled towards weighing nothing).
pub struct Example {
    pub features: Vec<String>,
    pub target: f64,
}

/// Fits the model by stochastic gradient descent with AdaGrad step sizes, visiting rows in an order
/// fixed by a seeded shuffle (deterministic output).
pub fn fit(rows: &[Example], o: &FitOptions) -> LinearModel {
    // Vocabulary: features in at least `min_count` rows.
    let mut df: HashMap<&str, usize> = HashMap::new();
    let encoded_rows: Vec<Vec<&str>> = rows
        .iter()
        .map(|r| {
            let mut f: Vec<&str> = r.features.iter().map(String::as_str).collect();
            f.sort_unstable();
            f.dedup();
            f
        })
        .collect();
    for r in &encoded_rows {
        for f in r {
            *df.entry(f).or_default() += 1;
        }
    }
    let mut vocab: Vec<&str> = df
        .iter()
        .filter(|(_, n)| **n >= o.min_count)
        .map(|(f, _)| *f)
        .collect();
    vocab.sort_unstable();
    let index: HashMap<&str, usize> = vocab.iter().enumerate().map(|(i, f)| (*f, i)).collect();
    let data: Vec<(Vec<usize>, f64)> = encoded_rows
        .iter()
        .zip(rows)
        .map(|(fs, r)| {
            (
                fs.iter().filter_map(|f| index.get(f).copied()).collect(),
                r.target.clamp(0.0, 1.0),
            )
        })
        .collect();
    let n = data.len().max(1) as f64;
    // Balanced: each distinct target value weighs as much in total as any other.
    let mut per_target: Vec<(f64, usize)> = Vec::new();
    for (_, y) in &data {
        match per_target.iter_mut().find(|(t, _)| t == y) {
            Some((_, c)) => *c += 1,
            None => per_target.push((*y, 1)),
        }
    }
    let class_weight = |y: f64| -> f64 {
        if !o.balanced {
            return 1.0;
        }
        let c = per_target.iter().find(|(t, _)| *t == y).map_or(1, |x| x.1);
        n / (per_target.len() as f64 * c as f64)
    };

    let mut w = vec![0.0f64; vocab.len()];
    let mut g2 = vec![1e-8f64; vocab.len()];
    let mut b = 0.0f64;
    let mut gb2 = 1e-8f64;
    let eta = 0.5;
    let mut order: Vec<usize> = (0..data.len()).collect();
    let mut seed = 0x9E37_79B9_7F4A_7C15u64;
    for _ in 0..o.epochs {
        // Fisher–Yates with a xorshift generator.
        for i in (1..order.len()).rev() {
            seed ^= seed << 13;
            seed ^= seed >> 7;
            seed ^= seed << 17;
            order.swap(i, (seed % (i as u64 + 1)) as usize);
        }
        for &ri in &order {
            let (fs, y) = &data[ri];
            let z = b + fs.iter().map(|&j| w[j]).sum::<f64>();
            let g = class_weight(*y) * (sigmoid(z) - y);
            gb2 += g * g;
            b -= eta * g / gb2.sqrt();
            for &j in fs {
                // The penalty is spread over the rows, applied where the feature is seen.
                let gj = g + o.l2 * n * w[j] / df[vocab[j]] as f64;
                g2[j] += gj * gj;
                w[j] -= eta * gj / g2[j].sqrt();
            }
        }
    }
    LinearModel {
        bias: b,
        weights: vocab
            .iter()
            .zip(&w)
            .filter(|(_, w)| w.abs() >= o.prune_below)
            .map(|(f, w)| (f.to_string(), *w))
            .collect(),
    }
}

/// A deterministic k-fold split: the fold of each row (rows shuffled by a fixed seed first, so files
/// sorted by label or source still give mixed folds).
pub fn fold_of_rows(n: usize, k: usize) -> Vec<usize> {
    let k = k.max(2);
    let mut order: Vec<usize> = (0..n).collect();
    let mut seed = 0x2545_F491_4F6C_DD1Du64;
    for i in (1..n).rev() {
        seed ^= seed << 13;
        seed ^= seed >> 7;
        seed ^= seed << 17;
        order.swap(i, (seed % (i as u64 + 1)) as usize);
    }
    let mut fold = vec![0; n];
    for (pos, &row) in order.iter().enumerate() {
        fold[row] = pos % k;
    }
    fold
}

#[cfg(test)]
mod tests {
    use super::*;

    fn ex(words: &str, positive: bool) -> Example {
        Example {
            features: words.split(' ').map(str::to_string).collect(),
            target: if positive { 1.0 } else { 0.0 },
        }
    }

    #[test]
    fn learns_the_separating_words_and_ignores_rare_ones() {
        let mut rows = Vec::new();
        for i in 0..40 {
            rows.push(ex(&format!("great item{i} the"), true));
            rows.push(ex(&format!("awful item{i} the"), false));
        }
        let m = fit(&rows, &FitOptions::default());
        assert!(m.weights["great"] > 1.0, "{:?}", m.weights.get("great"));
        assert!(m.weights["awful"] < -1.0);
        // "the" is in every row of both classes; "item7" in two rows only (below min_count).
        assert!(m.weights.get("the").is_none_or(|w| w.abs() < 0.3));
        assert!(!m.weights.contains_key("item7"));
        assert!(sigmoid(m.margin(["great", "the"])) > 0.8);
        assert!(sigmoid(m.margin(["awful", "the"])) < 0.2);
        // Deterministic.
        assert_eq!(m, fit(&rows, &FitOptions::default()));
    }

    #[test]
    fn tables_round_trip_and_bad_lines_name_their_line() {
        let m = LinearModel {
            bias: -0.25,
            weights: [
                ("good".to_string(), 1.5),
                ("a b".to_string(), -0.5),
                ("#fail".to_string(), -1.0),
            ]
            .into_iter()
            .collect(),
        };
        let tsv = m.to_tsv("trained on x\nsecond line");
        assert!(tsv.starts_with("# trained on x\n# second line\n"));
        assert_eq!(LinearModel::parse(&tsv).unwrap(), m);
        let e = LinearModel::parse("# c\ngood\t1\nbad\tx\n").unwrap_err();
        assert_eq!(e.to_string(), "line 3: weight is not a number");
        assert!(LinearModel::parse("nofield\n").is_err());
        assert!(LinearModel::parse("w\tNaN\n").is_err());
    }

    #[test]
    fn folds_are_balanced_and_stable() {
        let f = fold_of_rows(103, 5);
        for k in 0..5 {
            let c = f.iter().filter(|x| **x == k).count();
            assert!((20..=21).contains(&c), "{c}");
        }
        assert_eq!(f, fold_of_rows(103, 5));
    }
}
