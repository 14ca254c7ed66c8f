//! Text and URL clean-up shared by every source: feeds hand us HTML with entities, tracking
//! parameters and redirect wrappers; mentions carry plain text and canonical URLs.

use reqwest::Url;

/// Turns an HTML fragment into plain text: tags removed (`<script>` and `<style>` with their content),
/// block elements and `<br>` become line breaks, entities decoded, runs of white space folded.
pub fn html_to_text(html: &str) -> String {
    let mut out = String::with_capacity(html.len());
    let mut rest = html;
    while let Some(lt) = rest.find('<') {
        out.push_str(&decode_entities(&rest[..lt]));
        let after = &rest[lt + 1..];
        // A '<' that does not open a tag ("a < b") is text.
        let opens_tag = after
            .chars()
            .next()
            .is_some_and(|c| c.is_ascii_alphabetic() || c == '/' || c == '!' || c == '?');
        if !opens_tag {
            out.push('<');
            rest = after;
            continue;
        }
        if let Some(comment) = after.strip_prefix("!--") {
            rest = comment.find("-->").map_or("", |e| &comment[e + 3..]);
            continue;
        }
        let Some(gt) = after.find('>') else {
            // An unterminated tag at the end: drop it.
            rest = "";
            break;
        };
        let tag = &after[..gt];
        let name: String = tag
            .trim_start_matches('/')
            .chars()
            .take_while(|c| c.is_ascii_alphanumeric())
            .collect::<String>()
            .to_ascii_lowercase();
        rest = &after[gt + 1..];
        if (name == "script" || name == "style") && !tag.starts_with('/') {
            let close = format!("</{name}");
            let lower = rest.to_ascii_lowercase();
            rest = match lower.find(&close) {
                Some(i) => rest[i..].find('>').map_or("", |g| &rest[i + g + 1..]),
                None => "",
            };
            continue;
        }
        if matches!(
            name.as_str(),
            "br" | "p"
                | "div"
                | "li"
                | "ul"
                | "ol"
                | "tr"
                | "h1"
                | "h2"
                | "h3"
                | "h4"
                | "h5"
                | "h6"
                | "blockquote"
                | "pre"
                | "hr"
                | "table"
        ) {
            out.push('\n');
        } else if matches!(name.as_str(), "td" | "th") {
            out.push(' ');
        }
    }
    out.push_str(&decode_entities(rest));
    fold_whitespace(&out)
}

/// Folds runs of spaces and tabs into one space and runs of line breaks into one line break, and trims.
pub fn fold_whitespace(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    let mut pending: Option<char> = None;
    for c in s.chars() {
        if c.is_whitespace() {
            let brk = c == '\n' || c == '\r';
            pending = match pending {
                Some('\n') => Some('\n'),
                _ if brk => Some('\n'),
                _ => Some(' '),
            };
        } else {
            if let Some(p) = pending.take()
                && !out.is_empty()
            {
                out.push(p);
            }
            out.push(c);
        }
    }
    out
}

/// Decodes `&amp;`, `&#39;`, `&#x27;` and the named entities social text actually uses. An unknown or
/// malformed entity is kept as written.
pub fn decode_entities(s: &str) -> String {
    if !s.contains('&') {
        return s.to_string();
    }
    let mut out = String::with_capacity(s.len());
    let mut rest = s;
    while let Some(amp) = rest.find('&') {
        out.push_str(&rest[..amp]);
        let after = &rest[amp + 1..];
        let end = after
            .char_indices()
            .take(12)
            .find(|(_, c)| *c == ';')
            .map(|(i, _)| i);
        let decoded = end.and_then(|e| decode_entity(&after[..e]).map(|c| (c, e)));
        match decoded {
            Some((c, e)) => {
                out.push(c);
                rest = &after[e + 1..];
            }
            None => {
                out.push('&');
                rest = after;
            }
        }
    }
    out.push_str(rest);
    out
}

fn decode_entity(name: &str) -> Option<char> {
    if let Some(num) = name.strip_prefix('#') {
        let code = match num.strip_prefix(['x', 'X']) {
            Some(hex) => u32::from_str_radix(hex, 16).ok()?,
            None => num.parse().ok()?,
        };
        return char::from_u32(code).filter(|c| *c != '\0');
    }
    Some(match name {
        "amp" => '&',
        "lt" => '<',
        "gt" => '>',
        "quot" => '"',
        "apos" => '\'',
        "nbsp" => ' ',
        "hellip" => '…',
        "mdash" => '—',
        "ndash" => '–',
        "lsquo" => '‘',
        "rsquo" => '’',
        "ldquo" => '“',
        "rdquo" => '”',
        "laquo" => '«',
        "raquo" => '»',
        "bull" => '•',
        "middot" => '·',
        "copy" => '©',
        "reg" => '®',
        "trade" => '™',
        "euro" => '€',
        "pound" => '£',
        "yen" => '¥',
        "cent" => '¢',
        "deg" => '°',
        "times" => '×',
        "iexcl" => '¡',
        "iquest" => '¿',
        "aacute" => 'á',
        "eacute" => 'é',
        "iacute" => 'í',
        "oacute" => 'ó',
        "uacute" => 'ú',
        "ntilde" => 'ñ',
        "agrave" => 'à',
        "egrave" => 'è',
        "ecirc" => 'ê',
        "ccedil" => 'ç',
        "atilde" => 'ã',
        "otilde" => 'õ',
        "auml" => 'ä',
        "ouml" => 'ö',
        "uuml" => 'ü',
        "szlig" => 'ß',
        "Aacute" => 'Á',
        "Eacute" => 'É',
        "Auml" => 'Ä',
        "Ouml" => 'Ö',
        "Uuml" => 'Ü',
        "zwnj" => '\u{200c}',
        "zwj" => '\u{200d}',
        _ => return None,
    })
}

/// Query parameters that only track clicks: dropped so that one article has one URL.
const TRACKING: &[&str] = &[
    "fbclid", "gclid", "dclid", "msclkid", "mc_cid", "mc_eid", "igshid", "ref_src", "yclid",
];

/// A canonical form of a link: Google redirect wrappers (`google.com/url?url=…`, as in Google Alerts)
/// unwrapped, tracking parameters (`utm_*`, `fbclid`, …) and the fragment removed, scheme and host
/// lowercased, default ports dropped. Anything that is not an absolute http(s) URL gives `None`.
pub fn canonical_url(raw: &str) -> Option<String> {
    let mut url = Url::parse(raw.trim()).ok()?;
    for _ in 0..3 {
        let host = url.host_str().unwrap_or_default();
        let google = host == "google.com" || host.ends_with(".google.com");
        if !(google && url.path() == "/url") {
            break;
        }
        let inner = url
            .query_pairs()
            .find(|(k, _)| k == "url" || k == "q")
            .and_then(|(_, v)| Url::parse(&v).ok());
        match inner {
            Some(u) => url = u,
            None => break,
        }
    }
    if !matches!(url.scheme(), "http" | "https") {
        return None;
    }
    url.set_fragment(None);
    let kept: Vec<(String, String)> = url
        .query_pairs()
        .filter(|(k, _)| !k.starts_with("utm_") && !TRACKING.contains(&k.as_ref()))
        .map(|(k, v)| (k.into_owned(), v.into_owned()))
        .collect();
    if kept.is_empty() {
        url.set_query(None);
    } else if url.query().is_some() {
        url.query_pairs_mut().clear().extend_pairs(kept);
    }
    Some(url.to_string())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn strips_tags_and_decodes_entities() {
        let html = r#"<p>Love my <b>Lumora</b> lamp &amp; the app!</p><p>Second&nbsp;para &#39;ok&#x27; &hellip;</p><script>alert(1)</script>"#;
        assert_eq!(
            html_to_text(html),
            "Love my Lumora lamp & the app!\nSecond para 'ok' …"
        );
        assert_eq!(html_to_text("a < b &unknown; &amp"), "a < b &unknown; &amp");
        assert_eq!(html_to_text("x<!-- hidden -->y<br/>z"), "xy\nz");
        assert_eq!(html_to_text("cut <a href"), "cut");
        assert_eq!(html_to_text("&#0; &#xD800; &#128512;"), "&#0; &#xD800; 😀");
        assert_eq!(html_to_text(""), "");
    }

    #[test]
    fn canonical_urls() {
        assert_eq!(
            canonical_url("https://www.google.com/url?rct=j&sa=t&url=https://example.com/a%3Fx%3D1%26utm_source%3Dz&ct=ga").as_deref(),
            Some("https://example.com/a?x=1")
        );
        assert_eq!(
            canonical_url("HTTPS://Example.COM:443/p?utm_medium=x&fbclid=1#frag").as_deref(),
            Some("https://example.com/p")
        );
        assert_eq!(canonical_url("mailto:a@b.c"), None);
        assert_eq!(canonical_url("not a url"), None);
    }
}
