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
}

/// Classifies one line, appending its JSON to `out` (one buffer reused across lines). `Err` is the
/// message for stderr.
pub fn classify_line(
    c: &Classifier,
    line: &[u8],
    line_no: u64,
    out: &mut Vec<u8>,
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
        }
    };
    let id = match input.id {
        Some(serde_json::Value::String(s)) => s,
        Some(other) => other.to_string(),
        None => line_no.to_string(),
    };
    let analysis = c.analyze(&input.text, input.lang.as_deref());
    let mention = crate::model::Mention {
        id: id.clone(),
        text: input.text,
        lang: input.lang,
        author: input.author,
        engagement: input.engagement,
        ..Default::default()
    };
    let influence = crate::influence::score(
        &mention,
        &analysis.classification.signals,
        chrono::Utc::now(),
    );
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
    serde_json::to_writer(&mut *out, &record).expect("output serialises");
    Ok(())
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
