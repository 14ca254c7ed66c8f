//! Brand matching: every configured brand's query, compiled once, run over one shared token list.
//!
//! An Aho-Corasick automaton over the lowercased literals of all brands finds, in one pass over the text,
//! which brands can possibly match; only those brands' queries are evaluated. A brand's literals are
//! those one of which every text its query is true of holds ([`Query::required_literals`]): for
//! `"kestrel mobile" OR (kestrel NEAR/3 (plan OR sim))` only "kestrel", so a post about a phone plan
//! is not tokenised for it.

use aho_corasick::{AhoCorasick, MatchKind};

use super::lexicon;
use super::query::{Query, QueryError, Term, Tokens};
use crate::config::BrandConfig;
use crate::model::{BrandMatch, MatchedTerm};

struct CompiledBrand {
    name: String,
    query: Query,
    exclusions: Vec<Term>,
}

pub struct BrandMatcher {
    brands: Vec<CompiledBrand>,
    prefilter: Option<AhoCorasick>,
    /// For each automaton pattern, the brands it is a literal of.
    pattern_brands: Vec<Vec<usize>>,
}

/// An exclusion is a single word or quoted phrase.
pub fn parse_exclusion(s: &str) -> Result<Term, QueryError> {
    let quoted = if s.trim_start().starts_with('"') || s.trim_start().starts_with('=') {
        s.to_string()
    } else {
        format!("\"{}\"", s.replace('"', ""))
    };
    match Query::parse(&quoted)? {
        Query::Term(t) => Ok(t),
        _ => Err(QueryError {
            column: 1,
            message: "an exclusion is one word or phrase".into(),
        }),
    }
}

impl BrandMatcher {
    /// Compiles every brand. Config validation has already parsed each query, so errors here name the
    /// brand for callers that skip validation (tests, library users).
    pub fn new(brands: &[BrandConfig]) -> Result<Self, String> {
        let mut compiled = Vec::with_capacity(brands.len());
        let mut literals: Vec<String> = Vec::new();
        let mut pattern_brands: Vec<Vec<usize>> = Vec::new();
        for (bi, b) in brands.iter().enumerate() {
            let query =
                Query::parse(&b.query).map_err(|e| format!("brand {}: query {e}", b.name))?;
            let exclusions = b
                .exclude
                .iter()
                .map(|e| {
                    parse_exclusion(e).map_err(|err| format!("brand {}: exclude {err}", b.name))
                })
                .collect::<Result<Vec<_>, _>>()?;
            // The literals one of which every text the query is true of holds; failing that
            // (a query under NOT), every term's.
            let required = query
                .required_literals()
                .unwrap_or_else(|| query.terms().iter().map(|t| t.literal()).collect());
            for lit in required {
                if lit.is_empty() {
                    continue;
                }
                match literals.iter().position(|l| *l == lit) {
                    Some(p) => {
                        if !pattern_brands[p].contains(&bi) {
                            pattern_brands[p].push(bi);
                        }
                    }
                    None => {
                        literals.push(lit);
                        pattern_brands.push(vec![bi]);
                    }
                }
            }
            compiled.push(CompiledBrand {
                name: b.name.clone(),
                query,
                exclusions,
            });
        }
        let prefilter = if literals.is_empty() {
            None
        } else {
            Some(
                AhoCorasick::builder()
                    .match_kind(MatchKind::Standard)
                    .build(&literals)
                    .map_err(|e| format!("cannot build brand prefilter: {e}"))?,
            )
        };
        Ok(BrandMatcher {
            brands: compiled,
            prefilter,
            pattern_brands,
        })
    }

    /// Whether any brand matches `text`: the filter sources apply before producing (the Jetstream
    /// firehose, Algolia's typo-tolerant hits).
    pub fn matches_any(&self, text: &str) -> bool {
        self.prefilter.is_some() && !self.find(text, &text.to_lowercase()).is_empty()
    }

    /// Every brand the text mentions, with the terms that matched and their byte offsets in
    /// `text`. `lower_text` is `text` lowercased (callers have it already). Queries are matched on
    /// the text as a reader sees it ([`lexicon::match_view`]): a name with an invisible character
    /// inside, or written in styled letters, is the name; its offsets are those of the written
    /// characters.
    pub fn find(&self, text: &str, lower_text: &str) -> Vec<BrandMatch> {
        let Some(view) = lexicon::match_view(text) else {
            return self.find_in(text, lower_text);
        };
        let mut found = self.find_in(&view.text, &view.text.to_lowercase());
        for m in found.iter_mut().flat_map(|b| &mut b.matched) {
            (m.start, m.end) = view.written_span(m.start, m.end);
        }
        found
    }

    /// [`Self::find`] on a text read as it is. The text is tokenised only when the literal
    /// prefilter finds a candidate brand: most posts on a firehose mention none.
    fn find_in(&self, text: &str, lower_text: &str) -> Vec<BrandMatch> {
        let Some(ac) = &self.prefilter else {
            return Vec::new();
        };
        let mut candidate = vec![false; self.brands.len()];
        let mut any = false;
        // The literals are without accents, as the query's words are compared.
        let lower_text = lexicon::without_accents(lower_text);
        for m in ac.find_overlapping_iter(&*lower_text) {
            for &b in &self.pattern_brands[m.pattern().as_usize()] {
                candidate[b] = true;
                any = true;
            }
        }
        if !any {
            return Vec::new();
        }
        let tokens = &Tokens::new(text);
        let mut out = Vec::new();
        for (bi, brand) in self.brands.iter().enumerate() {
            if !candidate[bi] {
                continue;
            }
            let mut masked = vec![false; tokens.tokens.len()];
            for ex in &brand.exclusions {
                for h in ex.find(tokens, &[], 0) {
                    masked[h.first..=h.last].iter_mut().for_each(|m| *m = true);
                }
            }
            if let Some(mut hits) = brand.query.eval(tokens, &masked) {
                hits.sort_by_key(|h| (h.start, h.end));
                hits.dedup_by_key(|h| (h.start, h.end));
                let terms = brand.query.terms();
                out.push(BrandMatch {
                    brand: brand.name.clone(),
                    matched: hits
                        .iter()
                        .map(|h| MatchedTerm {
                            term: terms[h.term].source.clone(),
                            start: h.start,
                            end: h.end,
                        })
                        .collect(),
                });
            }
        }
        out
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn brand(name: &str, query: &str, exclude: &[&str]) -> BrandConfig {
        BrandConfig {
            name: name.into(),
            query: query.into(),
            exclude: exclude.iter().map(|s| s.to_string()).collect(),
            lexicon: Default::default(),
        }
    }

    fn find(m: &BrandMatcher, text: &str) -> Vec<String> {
        m.find(text, &text.to_lowercase())
            .into_iter()
            .map(|b| b.brand)
            .collect()
    }

    #[test]
    fn exclusions_mask_only_the_words_they_cover() {
        let m = BrandMatcher::new(&[brand("Apple", "apple OR @apple", &["apple pie"])]).unwrap();
        assert!(find(&m, "I baked an apple pie").is_empty());
        assert_eq!(
            find(&m, "apple pie, then my Apple watch died"),
            vec!["Apple"]
        );
        assert_eq!(find(&m, "@apple help"), vec!["Apple"]);
    }

    /// Each brand found with the written text its terms cover.
    fn spans(m: &BrandMatcher, text: &str) -> Vec<(String, Vec<String>)> {
        m.find(text, &text.to_lowercase())
            .into_iter()
            .map(|b| {
                let covered = b.matched.iter().map(|t| text[t.start..t.end].to_string());
                (b.brand, covered.collect())
            })
            .collect()
    }

    #[test]
    fn names_with_invisible_characters_or_styled_letters_are_the_names() {
        let m = BrandMatcher::new(&[
            brand("Lumora", "lumora OR #lumora OR @lumora", &["lumora bay"]),
            brand("Kestrel", "\"kestrel mobile\"", &[]),
        ])
        .unwrap();
        let named = |text: &str, covered: &str| {
            assert_eq!(
                spans(&m, text),
                vec![("Lumora".to_string(), vec![covered.to_string()])],
                "{text:?}"
            );
            assert!(m.matches_any(text), "{text:?}");
        };
        // Inside the name: part of its span. Beside it: not.
        named("Lu\u{200B}mora ruined my weekend", "Lu\u{200B}mora");
        named("Lu\u{AD}mora is the worst", "Lu\u{AD}mora");
        named("L\u{200D}umora support is awful", "L\u{200D}umora");
        named("\u{200E}Lumora\u{200F} \u{FEFF}again", "Lumora");
        named("so done with @\u{200B}Lumora", "@\u{200B}Lumora");
        named("Ｌｕｍｏｒａ is great", "Ｌｕｍｏｒａ");
        named("never buying from 𝐋𝐮𝐦𝐨𝐫𝐚 again", "𝐋𝐮𝐦𝐨𝐫𝐚");
        named("𝓛𝓾𝓶𝓸𝓻𝓪’s lamps", "𝓛𝓾𝓶𝓸𝓻𝓪");
        named("Ⓛⓤⓜⓞⓡⓐ 👩\u{200D}💻 works", "Ⓛⓤⓜⓞⓡⓐ");
        named("#𝗟𝘂𝗺𝗼𝗿𝗮 day", "#𝗟𝘂𝗺𝗼𝗿𝗮");
        // A phrase across a styled word, and an exclusion through an invisible character.
        assert_eq!(
            spans(&m, "𝐤𝐞𝐬𝐭𝐫𝐞𝐥 mobile dropped calls"),
            vec![("Kestrel".to_string(), vec!["𝐤𝐞𝐬𝐭𝐫𝐞𝐥 mobile".to_string()])]
        );
        assert!(spans(&m, "a swim at Lu\u{200B}mora Bay").is_empty());
        assert!(!m.matches_any("a swim at Lu\u{200B}mora Bay"));
        // Other letters stay other letters: Greek, Cyrillic look-alikes, the negative squared
        // letters (emoji), and a name split by a visible character.
        for text in ["𝚲umora", "Lumorа", "🅻🆄🅼🅾🆁🅰", "Lu-mora", "Lu mora"] {
            assert!(spans(&m, text).is_empty(), "{text:?}");
        }
    }

    #[test]
    fn names_match_with_or_without_their_accents() {
        let m = BrandMatcher::new(&[
            brand("Nestlé", "nestlé OR #nestlé", &[]),
            brand("Citroen", "citroen", &[]),
            brand("Peña", "peña", &[]),
            brand("Müller", "=Müller", &[]),
            brand("Ökostrom", "\"ökostrom plus\"", &[]),
        ])
        .unwrap();
        let found = |text: &str| -> Vec<(String, Vec<String>)> { spans(&m, text) };
        let one = |brand: &str, covered: &str| vec![(brand.to_string(), vec![covered.to_string()])];
        assert_eq!(found("Nestle recalled it"), one("Nestlé", "Nestle"));
        assert_eq!(found("NESTLÉ again"), one("Nestlé", "NESTLÉ"));
        assert_eq!(found("#Nestle boycott"), one("Nestlé", "#Nestle"));
        assert_eq!(found("ma Citroën est en panne"), one("Citroen", "Citroën"));
        assert_eq!(found("la CITROËN de mon père"), one("Citroen", "CITROËN"));
        assert_eq!(
            found("Ökostrom Plus ist teuer"),
            one("Ökostrom", "Ökostrom Plus")
        );
        assert_eq!(
            found("Okostrom plus ist teuer"),
            one("Ökostrom", "Okostrom plus")
        );
        assert!(m.matches_any("Nestle recalled it"));
        // "ñ" is a letter of its own: "pena" is a word, not Peña.
        assert_eq!(found("la Peña de Bilbao"), one("Peña", "Peña"));
        assert!(found("vale la pena").is_empty());
        // A case-sensitive term is accent-sensitive too.
        assert_eq!(found("Müller hat geliefert"), one("Müller", "Müller"));
        assert!(found("Muller hat geliefert").is_empty());
        assert!(found("müller hat geliefert").is_empty());
    }

    #[test]
    fn several_brands_in_one_text() {
        let m = BrandMatcher::new(&[
            brand("Acme", "acme OR #acme", &[]),
            brand("Zeta", "\"zeta phone\"", &[]),
            brand("Omni", "omni", &[]),
        ])
        .unwrap();
        assert_eq!(find(&m, "#Acme beats the Zeta phone"), vec!["Acme", "Zeta"]);
        assert!(find(&m, "zeta alone").is_empty());
        assert!(find(&m, "omnibus").is_empty());
    }
}
