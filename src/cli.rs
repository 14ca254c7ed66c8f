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

/// Lines classified together (see [`Classifier::analyze_batch_each`]): enough that each signal rule
/// searches many texts in a row, its tables warm. Measured on the dev texts × 5 and 40,000 stream
/// texts (best of five runs each, one hour): a line at a time 1.99 s and 2.53 s; batches of 256
/// lines 1.81 s and 2.04 s; 1,024 lines 1.68 s and 1.60 s; 4,096 lines 1.46 s and 1.54 s, but
/// with 8–10 MiB more resident memory, beyond the classifier's bound. A batch also ends when the
/// input has nothing more buffered (a pipe that is waiting), so a live stream is answered as it
/// comes.
pub const BATCH_LINES: usize = 1024;
/// A batch also ends when its lines hold this many bytes: every line of a batch is held, with its
/// classification, until the batch is written.
pub const BATCH_BYTES: usize = 256 << 10;
/// The input's buffer. A batch ends when the buffer runs dry, so it must hold many lines.
pub const INPUT_BUFFER_BYTES: usize = 256 << 10;

/// Classifies one line on its own at the time `now` (influence counts account age), appending its
/// JSON as `write` writes it to `out`; `Err` is the message for stderr. The tests compare writers
/// with it, and the batches of [`classify_stream`] with a line at a time.
#[cfg(test)]
fn classify_line_with(
    c: &Classifier,
    line: &[u8],
    line_no: u64,
    out: &mut Vec<u8>,
    now: chrono::DateTime<chrono::Utc>,
    write: fn(&Output<'_>, &mut Vec<u8>),
) -> Result<(), String> {
    let (id, input) = parse_line(line, line_no)?;
    let analysis = c.analyze_rated(&input.text, input.lang.as_deref(), input.rating);
    write_record(&id, &input, &analysis, now, write, out);
    Ok(())
}

/// A line's id (its own, or its line number) and what it holds: a JSON object or plain text.
fn parse_line(line: &[u8], line_no: u64) -> Result<(String, Input), String> {
    let text =
        std::str::from_utf8(line).map_err(|e| format!("line {line_no}: invalid UTF-8 ({e})"))?;
    let trimmed = text.trim_start();
    let mut input = if trimmed.starts_with('{') {
        serde_json::from_str::<Input>(text).map_err(|e| format!("line {line_no}: {e}"))?
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
    let id = match input.id.take() {
        Some(serde_json::Value::String(s)) => s,
        Some(other) => other.to_string(),
        None => line_no.to_string(),
    };
    Ok((id, input))
}

/// Appends the output record of a classified line to `out`.
fn write_record(
    id: &str,
    input: &Input,
    analysis: &crate::classify::Analysis,
    now: chrono::DateTime<chrono::Utc>,
    write: fn(&Output<'_>, &mut Vec<u8>),
    out: &mut Vec<u8>,
) {
    let cl = &analysis.classification;
    let influence = crate::influence::score_of(
        &input.author,
        &input.engagement,
        &input.text,
        &cl.signals,
        now,
    );
    let record = Output {
        id,
        brands: &analysis.brands,
        lang: &cl.lang,
        sentiment: &cl.sentiment,
        signals: &cl.signals,
        complaint_categories: &cl.complaint_categories,
        truncated: cl.truncated,
        influence: &influence,
    };
    write(&record, out);
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

/// One line read for a batch: its bytes (line end removed), or the note that it was too long.
enum ReadLine {
    Line(Vec<u8>),
    TooLong,
}

/// Runs over every line of `input`; returns the number of failed lines. Lines are classified in
/// batches (see [`BATCH_LINES`]); the records and errors come out in the input's order.
pub fn classify_stream<R: std::io::Read>(
    c: &Classifier,
    input: &mut std::io::BufReader<R>,
    out: &mut dyn Write,
    err: &mut dyn Write,
) -> std::io::Result<u64> {
    classify_stream_at(c, input, out, err, chrono::Utc::now)
}

/// [`classify_stream`] with each batch's time from `clock` (the tests fix it).
fn classify_stream_at<R: std::io::Read>(
    c: &Classifier,
    input: &mut std::io::BufReader<R>,
    out: &mut dyn Write,
    err: &mut dyn Write,
    clock: fn() -> chrono::DateTime<chrono::Utc>,
) -> std::io::Result<u64> {
    let mut failed = 0;
    let mut line_no = 0u64;
    let mut batch: Vec<ReadLine> = Vec::new();
    let mut batch_bytes = 0;
    let mut json = Vec::new();
    loop {
        let mut buf = Vec::new();
        let n = std::io::Read::take(&mut *input, MAX_LINE_BYTES as u64 + 1)
            .read_until(b'\n', &mut buf)?;
        if n == 0 {
            break;
        }
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
            batch.push(ReadLine::TooLong);
        } else {
            while matches!(buf.last(), Some(b'\n' | b'\r')) {
                buf.pop();
            }
            batch_bytes += buf.len();
            // An empty line is still a line: it is classified (neutral, no brands) so ids stay
            // aligned.
            batch.push(ReadLine::Line(buf));
        }
        // Nothing buffered: the next read may wait for the writer, so what was read is answered
        // now.
        let waiting = input.buffer().is_empty();
        if waiting || batch.len() >= BATCH_LINES || batch_bytes >= BATCH_BYTES {
            failed += classify_batch(c, &mut batch, &mut line_no, clock(), &mut json, out, err)?;
            batch_bytes = 0;
            if waiting {
                out.flush()?;
            }
        }
    }
    failed += classify_batch(c, &mut batch, &mut line_no, clock(), &mut json, out, err)?;
    out.flush()?;
    Ok(failed)
}

/// Classifies a batch of lines, numbered from `line_no + 1` on, writing each line's record or
/// error in order; returns the number of failed lines.
fn classify_batch(
    c: &Classifier,
    batch: &mut Vec<ReadLine>,
    line_no: &mut u64,
    now: chrono::DateTime<chrono::Utc>,
    json: &mut Vec<u8>,
    out: &mut dyn Write,
    err: &mut dyn Write,
) -> std::io::Result<u64> {
    // Each line's bytes are let go once it is parsed.
    let parsed: Vec<Result<(String, Input), String>> = batch
        .drain(..)
        .map(|read| {
            *line_no += 1;
            match read {
                ReadLine::Line(line) => parse_line(&line, *line_no),
                ReadLine::TooLong => Err(format!(
                    "line {line_no}: longer than {MAX_LINE_BYTES} bytes; skipped"
                )),
            }
        })
        .collect();
    let items: Vec<crate::classify::BatchItem<'_>> = parsed
        .iter()
        .flatten()
        .map(|(_, input)| crate::classify::BatchItem {
            text: &input.text,
            lang: input.lang.as_deref(),
            rating: input.rating,
        })
        .collect();
    // Each record is written as soon as its analysis is made, after the errors of the lines
    // before it. The `k`th analysis is of the `k`th parsed line.
    let parsed_at: Vec<usize> = (0..parsed.len()).filter(|&i| parsed[i].is_ok()).collect();
    let mut next = 0;
    let mut failed = 0;
    let mut written: std::io::Result<()> = Ok(());
    c.analyze_batch_each(&items, |k, analysis| {
        if written.is_err() {
            return;
        }
        let at = parsed_at[k];
        written = write_errors(&parsed[next..at], err, &mut failed).and_then(|()| {
            let Ok((id, input)) = &parsed[at] else {
                unreachable!("a parsed line")
            };
            json.clear();
            write_record(id, input, &analysis, now, |r, out| r.write_json(out), json);
            json.push(b'\n');
            out.write_all(json)
        });
        next = at + 1;
    });
    written?;
    write_errors(&parsed[next..], err, &mut failed)?;
    Ok(failed)
}

/// Writes the errors among `lines`, counting them in `failed`.
fn write_errors(
    lines: &[Result<(String, Input), String>],
    err: &mut dyn Write,
    failed: &mut u64,
) -> std::io::Result<()> {
    for e in lines.iter().filter_map(|l| l.as_ref().err()) {
        writeln!(err, "{e}")?;
        *failed += 1;
    }
    Ok(())
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

    /// A file classified in batches comes out as its lines classified one at a time, byte for
    /// byte, with the bad lines' errors in order and numbered as before: whatever the batches'
    /// sizes (the reader's buffer ends a batch when it runs dry, as a waiting pipe does).
    #[test]
    fn a_stream_in_batches_is_its_lines_one_at_a_time() {
        let root = std::path::Path::new(env!("CARGO_MANIFEST_DIR"));
        let cfg = crate::config::Config::load(&root.join("config/earshot.toml")).unwrap();
        let c = Classifier::new(&cfg.brands, &cfg.classify).unwrap();
        let mut input: Vec<u8> = Vec::new();
        for f in [
            "config/demo-mentions.jsonl",
            "tests/fixtures/classify-golden.jsonl",
            "tests/fixtures/customer-talk.jsonl",
        ] {
            input.extend(std::fs::read(root.join(f)).unwrap());
        }
        input.extend_from_slice(b"{\"text\": \"no closing brace\"\n\xff\xfe not UTF-8\n\n");
        input.extend_from_slice(b"plain text: Kestrel Mobile support never answers\r\n");
        input.extend_from_slice(b"{\"id\": 5, \"text\": \"last line, no line end\"}");
        let lines = input.split(|&b| b == b'\n').count();
        assert!(lines > 1000, "{lines}");
        let clock = || chrono::DateTime::from_timestamp(1_800_000_000, 0).unwrap();
        let (mut want, mut want_err) = (Vec::new(), String::new());
        for (i, line) in input.split(|&b| b == b'\n').enumerate() {
            let line = line.strip_suffix(b"\r").unwrap_or(line);
            match classify_line_with(&c, line, i as u64 + 1, &mut want, clock(), |r, out| {
                r.write_json(out)
            }) {
                Ok(()) => want.push(b'\n'),
                Err(e) => want_err.push_str(&format!("{e}\n")),
            }
        }
        assert_eq!(want_err.lines().count(), 2, "{want_err}");
        for capacity in [64, 4096, 1 << 20] {
            let mut reader = std::io::BufReader::with_capacity(capacity, &input[..]);
            let (mut got, mut got_err) = (Vec::new(), Vec::new());
            let failed =
                classify_stream_at(&c, &mut reader, &mut got, &mut got_err, clock).unwrap();
            assert_eq!(failed, 2);
            assert_eq!(String::from_utf8(got_err).unwrap(), want_err, "{capacity}");
            assert!(got == want, "records differ with a {capacity}-byte buffer");
        }
    }
}
