//! `earshot classify`: JSON lines (`{"id","text",…}` or a whole Mention) or plain text lines in, one
//! JSON line out per input line. Every line is classified whether or not a brand matches; a bad line
//! gets an error on stderr with its line number and the run goes on.

use std::io::{BufRead, Write};

use serde::Serialize;

use crate::classify::Classifier;
use crate::model::{
    Author, BrandMatch, ComplaintCategory, Engagement, Influence, LangGuess, Sentiment, Signal,
};

/// Longest input line accepted; the text inside is further cut at `classify.max_text_bytes`.
pub const MAX_LINE_BYTES: usize = 16 * 1024 * 1024;

/// One output line: the classification's fields spelled out rather than `#[serde(flatten)]`, which
/// sends every field through serde's buffered map path (about a tenth of the CLI's time went to
/// serialising). The JSON is the same as flattening a [`crate::model::Classification`].
#[derive(Serialize)]
pub struct Output<'a> {
    pub id: &'a str,
    pub brands: &'a [BrandMatch],
    pub lang: &'a LangGuess,
    pub sentiment: &'a Sentiment,
    pub signals: &'a [Signal],
    pub complaint_categories: &'a [ComplaintCategory],
    #[serde(skip_serializing_if = "std::ops::Not::not")]
    pub truncated: bool,
    pub influence: &'a Influence,
}

#[derive(serde::Deserialize)]
struct Input {
    #[serde(default)]
    id: Option<serde_json::Value>,
    text: String,
    #[serde(default)]
    lang: Option<String>,
    #[serde(default)]
    author: Author,
    #[serde(default)]
    engagement: Engagement,
    /// A review's stars, 1 to 5 (see [`crate::model::Mention::rating`]).
    #[serde(default)]
    rating: Option<crate::model::Rating>,
}

/// Classifies one line, appending its JSON to `out` (one buffer reused across lines). `Err` is the
/// message for stderr.
pub fn classify_line(
    c: &Classifier,
    line: &[u8],
    line_no: u64,
    out: &mut Vec<u8>,
) -> Result<(), String> {
    classify_line_with(c, line, line_no, out, chrono::Utc::now(), |r, out| {
        r.write_json(out)
    })
}

/// [`classify_line`] at the time `now` (influence counts account age), with the record written
/// by `write` (the tests compare writers).
fn classify_line_with(
    c: &Classifier,
    line: &[u8],
    line_no: u64,
    out: &mut Vec<u8>,
    now: chrono::DateTime<chrono::Utc>,
    write: fn(&Output<'_>, &mut Vec<u8>),
) -> Result<(), String> {
    let text =
        std::str::from_utf8(line).map_err(|e| format!("line {line_no}: invalid UTF-8 ({e})"))?;
    let trimmed = text.trim_start();
    let input = if trimmed.starts_with('{') {
        let v: Input = serde_json::from_str(text).map_err(|e| format!("line {line_no}: {e}"))?;
        v
    } else {
        Input {
            id: None,
            text: text.to_string(),
            lang: None,
            author: Author::default(),
            engagement: Engagement::default(),
            rating: None,
        }
    };
    let id = match input.id {
        Some(serde_json::Value::String(s)) => s,
        Some(other) => other.to_string(),
        None => line_no.to_string(),
    };
    let analysis = c.analyze_rated(&input.text, input.lang.as_deref(), input.rating);
    let mention = crate::model::Mention {
        id: id.clone(),
        text: input.text,
        lang: input.lang,
        author: input.author,
        engagement: input.engagement,
        rating: input.rating,
        ..Default::default()
    };
    let influence = crate::influence::score(&mention, &analysis.classification.signals, now);
    let cl = &analysis.classification;
    let record = Output {
        id: &id,
        brands: &analysis.brands,
        lang: &cl.lang,
        sentiment: &cl.sentiment,
        signals: &cl.signals,
        complaint_categories: &cl.complaint_categories,
        truncated: cl.truncated,
        influence: &influence,
    };
    write(&record, out);
    Ok(())
}

impl Output<'_> {
    /// The record as `serde_json::to_writer` writes it, through [`crate::json_out`]: the same bytes
    /// (tested below on the golden and demo records), about half the cost.
    pub fn write_json(&self, out: &mut Vec<u8>) {
        use crate::json_out::{f64, list, string, u64};
        out.extend_from_slice(b"{\"id\":");
        string(out, self.id);
        out.extend_from_slice(b",\"brands\":");
        list(out, self.brands, |out, b| {
            out.extend_from_slice(b"{\"brand\":");
            string(out, &b.brand);
            out.extend_from_slice(b",\"matched\":");
            list(out, &b.matched, |out, m| {
                out.extend_from_slice(b"{\"term\":");
                string(out, &m.term);
                out.extend_from_slice(b",\"start\":");
                u64(out, m.start as u64);
                out.extend_from_slice(b",\"end\":");
                u64(out, m.end as u64);
                out.push(b'}');
            });
            out.push(b'}');
        });
        out.extend_from_slice(b",\"lang\":{\"code\":");
        string(out, &self.lang.code);
        out.extend_from_slice(b",\"confidence\":");
        f64(out, self.lang.confidence);
        out.extend_from_slice(b",\"method\":");
        string(out, &self.lang.method);
        out.extend_from_slice(b"},\"sentiment\":{\"score\":");
        f64(out, self.sentiment.score);
        out.extend_from_slice(b",\"label\":");
        string(out, self.sentiment.label.as_str());
        out.extend_from_slice(b",\"hits\":");
        list(out, &self.sentiment.hits, |out, h| {
            out.extend_from_slice(b"{\"token\":");
            string(out, &h.token);
            out.extend_from_slice(b",\"rule\":");
            string(out, &h.rule);
            out.extend_from_slice(b",\"valence\":");
            f64(out, h.valence);
            out.push(b'}');
        });
        out.extend_from_slice(b"},\"signals\":");
        list(out, self.signals, |out, s| {
            out.extend_from_slice(b"{\"kind\":");
            string(out, s.kind.as_str());
            out.extend_from_slice(b",\"confidence\":");
            f64(out, s.confidence);
            out.extend_from_slice(b",\"evidence\":");
            string(out, &s.evidence);
            out.extend_from_slice(b",\"rule\":");
            string(out, &s.rule);
            out.push(b'}');
        });
        out.extend_from_slice(b",\"complaint_categories\":");
        list(out, self.complaint_categories, |out, c| {
            string(out, c.as_str())
        });
        if self.truncated {
            out.extend_from_slice(b",\"truncated\":true");
        }
        let i = self.influence;
        out.extend_from_slice(b",\"influence\":{\"reach\":");
        f64(out, i.reach);
        out.extend_from_slice(b",\"affinity\":");
        f64(out, i.affinity);
        out.extend_from_slice(b",\"relationship\":");
        f64(out, i.relationship);
        out.extend_from_slice(b",\"authenticity\":");
        f64(out, i.authenticity);
        out.extend_from_slice(b",\"score\":");
        f64(out, i.score);
        out.extend_from_slice(b"}}");
    }
}

/// Runs over every line of `input`; returns the number of failed lines.
pub fn classify_stream(
    c: &Classifier,
    input: &mut dyn BufRead,
    out: &mut dyn Write,
    err: &mut dyn Write,
) -> std::io::Result<u64> {
    let mut failed = 0;
    let mut line_no = 0u64;
    let mut buf = Vec::new();
    let mut json = Vec::new();
    loop {
        buf.clear();
        let n = std::io::Read::take(&mut *input, MAX_LINE_BYTES as u64 + 1)
            .read_until(b'\n', &mut buf)?;
        if n == 0 {
            break;
        }
        line_no += 1;
        if buf.len() > MAX_LINE_BYTES && buf.last() != Some(&b'\n') {
            // Skip the rest of the over-long line.
            let mut sink = Vec::new();
            loop {
                sink.clear();
                let k = std::io::Read::take(&mut *input, 1 << 20).read_until(b'\n', &mut sink)?;
                if k == 0 || sink.last() == Some(&b'\n') {
                    break;
                }
            }
            writeln!(
                err,
                "line {line_no}: longer than {MAX_LINE_BYTES} bytes; skipped"
            )?;
            failed += 1;
            continue;
        }
        while matches!(buf.last(), Some(b'\n' | b'\r')) {
            buf.pop();
        }
        // An empty line is still a line: it is classified (neutral, no brands) so ids stay aligned.
        json.clear();
        match classify_line(c, &buf, line_no, &mut json) {
            Ok(()) => {
                json.push(b'\n');
                out.write_all(&json)?;
            }
            Err(e) => {
                writeln!(err, "{e}")?;
                failed += 1;
            }
        }
    }
    out.flush()?;
    Ok(failed)
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The hand-written writer and serde_json agree byte for byte on every record of the golden
    /// set and the demo corpus (every signal, category and language), and on records whose strings
    /// need escaping, that are truncated, or whose id is not a string.
    #[test]
    fn write_json_is_serde_json_byte_for_byte() {
        let root = std::path::Path::new(env!("CARGO_MANIFEST_DIR"));
        let cfg = crate::config::Config::load(&root.join("config/earshot.toml")).unwrap();
        let c = Classifier::new(
            &cfg.brands,
            &crate::config::ClassifyConfig { max_text_bytes: 60 },
        )
        .unwrap();
        let mut lines: Vec<String> = Vec::new();
        for f in [
            "config/demo-mentions.jsonl",
            "tests/fixtures/classify-golden.jsonl",
        ] {
            lines.extend(
                std::fs::read_to_string(root.join(f))
                    .unwrap()
                    .lines()
                    .map(String::from),
            );
        }
        lines.extend(
            [
                r#"{"id": 7, "text": "Lumora \"quoted\" and a back\\slash, a tab\there\u0001 \u001f"}"#,
                r#"{"id": null, "text": "I love @lumora!!! \n\n Don't buy Fernway, it broke \u2028 😡"}"#,
                "plain text line, not JSON: Kestrel Mobile support never answers",
                "",
            ]
            .map(String::from),
        );
        let serde_writer: fn(&Output<'_>, &mut Vec<u8>) =
            |r, out| serde_json::to_writer(out, r).unwrap();
        let now = chrono::Utc::now();
        let mut truncated = 0;
        for (i, line) in lines.iter().enumerate() {
            let (mut ours, mut theirs) = (Vec::new(), Vec::new());
            classify_line_with(&c, line.as_bytes(), i as u64, &mut ours, now, |r, out| {
                r.write_json(out)
            })
            .unwrap();
            classify_line_with(
                &c,
                line.as_bytes(),
                i as u64,
                &mut theirs,
                now,
                serde_writer,
            )
            .unwrap();
            let (ours, theirs) = (
                String::from_utf8(ours).unwrap(),
                String::from_utf8(theirs).unwrap(),
            );
            assert_eq!(ours, theirs, "line {i}");
            truncated += usize::from(ours.contains(r#""truncated":true"#));
        }
        assert!(truncated > 0, "some record is truncated");
    }
}
