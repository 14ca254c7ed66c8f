//! Which brand each signal is about, in a post that names several.
//!
//! Why: word of mouth compares. "Don't buy Acme, get Lumora instead", "Switching from Acme to
//! Lumora", "Lumora support is great, Acme's is useless": each brand's record used to carry every
//! signal of the text, so Lumora was warned against, Acme praised, and a switch counted as churn
//! for the brand that won the customer. A brand's net recommendation and complaints over time are
//! only as true as this.
//!
//! How: a signal found at a place in the text (its rule's match) goes to the brands named in the
//! same clause; failing that, in the same sentence; failing that, to every brand (the post is
//! about them all, or says too little to tell). Clauses end at sentence ends, `,` `;` `:` (and
//! their Arabic forms) and contrastive conjunctions ("but", "pero", "mais", "aber", "mas", "اما",
//! "لكن", "بس"). A switch (a churn signal whose words say switching, moving, porting…) does not
//! go to a brand that is where the customer goes ("to
//! Lumora", "for Lumora", "zu", "chez", "para", "به", "الى"). A signal read from the text's
//! sentiment (`strong_positive_sentiment`, `negative_to_account`) is placed at its strongest word;
//! where that is not found as written, it goes to every brand.
//!
//! Places are compared as clause and sentence numbers, not bytes: the signals of Persian and Arabic
//! posts are found in the normalised text, whose bytes differ from the text the brands were found
//! in, but whose punctuation and words are the same.

/// Words that open a new clause when they stand alone (lowercase).
const CONTRASTS: &[&str] = &[
    "but",
    "however",
    "whereas",
    "while",
    "although",
    "pero",
    "aunque",
    "mientras",
    "mais",
    "alors",
    "tandis",
    "aber",
    "doch",
    "während",
    "mas",
    "porém",
    "enquanto",
    "اما",
    "ولی",
    "لکن",
    "لكن",
    "بس",
    "بينما",
];

/// Words before a brand that make it the destination of a switch ("switching from Acme *to*
/// Lumora", "ditching Acme *for* Lumora", "me cambio *a* Lumora", "je passe *chez* Lumora").
const DESTINATIONS: &[&str] = &[
    "to", "for", "a", "al", "por", "chez", "pour", "vers", "zu", "auf", "para", "pra", "pro", "به",
    "الى", "إلى", "لـ",
];

/// Word starts that make a churn a switch (lowercase): only a switch has a destination. "Never
/// going *to* Acme again" and "done with Acme" leave Acme.
const SWITCHES: &[&str] = &[
    "switch",
    "jump",
    "moving",
    "moved",
    "port",
    "going back",
    "ditch",
    "leaving",
    "cambi",
    "pasé",
    "paso",
    "pasar",
    "passe",
    "change",
    "wechsl",
    "wechsel",
    "troc",
    "mud",
    "migr",
    "تغيير",
    "اغير",
];

/// Whether a churn signal's matched text `span` is a switch (see [`SWITCHES`]).
pub fn is_switch(span: &str) -> bool {
    let lower = span.to_lowercase();
    SWITCHES.iter().any(|w| {
        lower.match_indices(w).any(|(i, _)| {
            i == 0
                || !lower[..i]
                    .chars()
                    .next_back()
                    .is_some_and(char::is_alphanumeric)
        })
    })
}

/// The (sentence, clause) numbers of byte `at` of `text`: how many sentence ends and clause ends
/// come before it.
pub fn place(text: &str, at: usize) -> (usize, usize) {
    places(text, &[at])[0]
}

/// [`place`] of each of `ats`, in one pass over `text`.
pub fn places(text: &str, ats: &[usize]) -> Vec<(usize, usize)> {
    let mut order: Vec<usize> = (0..ats.len()).collect();
    order.sort_by_key(|&k| ats[k]);
    let mut out = vec![(0, 0); ats.len()];
    let mut next = 0;
    let last = walk(text, |i, place| {
        while next < order.len() && ats[order[next]] <= i {
            out[order[next]] = place;
            next += 1;
        }
        next < order.len()
    });
    for &k in &order[next..] {
        out[k] = last;
    }
    out
}

/// The byte offset where each clause of `text` starts ([`place`]'s clause numbers): clause `k`
/// is `starts[k]..starts[k + 1]` (the last one to the end). A clause that ends where it starts
/// (at the text's end) is not listed.
pub fn clause_starts(text: &str) -> Vec<usize> {
    let mut starts = vec![0];
    walk(text, |i, (_, clause)| {
        if clause == starts.len() {
            starts.push(i);
        }
        true
    });
    starts
}

/// Walks `text` a character at a time, telling `visit` each character's byte offset and its
/// (sentence, clause) place, until `visit` says stop; returns the place after the last character.
fn walk(text: &str, mut visit: impl FnMut(usize, (usize, usize)) -> bool) -> (usize, usize) {
    let (mut sentence, mut clause) = (0, 0);
    let mut in_word = false;
    let mut prev_end = false;
    for (i, c) in text.char_indices() {
        if !visit(i, (sentence, clause)) {
            return (sentence, clause);
        }
        if is_word_char(c) {
            // A contrastive conjunction opens its clause: counted where it starts, so that it
            // belongs to the clause it opens.
            if !in_word {
                in_word = true;
                prev_end = false;
                let end = text[i..]
                    .find(|d: char| !is_word_char(d))
                    .map_or(text.len(), |e| i + e);
                if is_contrast(&text[i..end]) {
                    clause += 1;
                }
            }
            continue;
        }
        in_word = false;
        let sentence_end = match c {
            '!' | '?' | '\n' | '؟' | '۔' => true,
            '.' => text[i + 1..].chars().next().is_none_or(char::is_whitespace),
            _ => false,
        };
        // A run of ends ("?!", "...") is one end.
        if sentence_end || matches!(c, ',' | ';' | ':' | '،' | '؛') {
            if !prev_end {
                clause += 1;
                if sentence_end {
                    sentence += 1;
                }
            }
            prev_end = true;
        } else if !c.is_whitespace() {
            prev_end = false;
        }
    }
    (sentence, clause)
}

fn is_word_char(c: char) -> bool {
    c.is_alphanumeric() || c == '\'' || c == '\u{0640}' || ('\u{064B}'..='\u{065F}').contains(&c)
}

/// Whether `word` is one of [`CONTRASTS`], in either case, and for Arabic script with its hamza
/// forms, tatweel and diacritics folded as the normalised text has them (the places of a signal
/// found in that text and of a brand found in the text as written must agree).
fn is_contrast(word: &str) -> bool {
    if word.len() > 24 {
        return false;
    }
    // Hamza forms, Arabic-keyboard yeh and kaf, as the normalised text spells them.
    let fold = |c: char| match c {
        'أ' | 'إ' | 'آ' => 'ا',
        'ي' => 'ی',
        'ك' => 'ک',
        c => c,
    };
    let folded: String = word
        .chars()
        .filter(|&c| c != '\u{0640}' && !('\u{064B}'..='\u{065F}').contains(&c))
        .map(fold)
        .flat_map(char::to_lowercase)
        .collect();
    CONTRASTS
        .iter()
        .any(|w| w.chars().map(fold).eq(folded.chars()))
}

/// Whether the mention at byte `start` of `text` follows a destination word ("to Lumora").
fn is_destination(text: &str, start: usize) -> bool {
    let before = text[..start].trim_end();
    let word = before
        .rsplit(|c: char| !(c.is_alphanumeric() || c == '\''))
        .next()
        .unwrap_or("");
    DESTINATIONS.contains(&word.to_lowercase().as_str())
}

/// Where a signal was found: its (sentence, clause) [`place`] in the text it was detected in
/// (signals without one are `None` where these are listed).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct SignalPlace {
    pub sentence: usize,
    pub clause: usize,
    /// A churn signal that is a switch ([`is_switch`]): it does not go to its destinations.
    pub churn: bool,
    /// A purchase intent that is a switch ("switching to"): it goes to its destinations only.
    pub joins: bool,
}

#[cfg(test)]
impl SignalPlace {
    /// The place of a span of `signal_text`; `churn` for a churn signal that is a switch (see
    /// [`is_switch`]), whose destinations it does not go to.
    pub fn new(signal_text: &str, span: (usize, usize), churn: bool) -> Self {
        let (sentence, clause) = place(signal_text, span.0);
        SignalPlace {
            sentence,
            clause,
            churn,
            joins: false,
        }
    }
}

/// A brand's mentions in the text the brands were found in: each mention's place and whether it
/// is a destination.
#[derive(Debug, Clone, Default)]
pub struct BrandPlaces {
    mentions: Vec<((usize, usize), bool)>,
}

impl BrandPlaces {
    /// The places of the mentions at byte offsets `starts` of `text`.
    pub fn new(text: &str, starts: impl IntoIterator<Item = usize>) -> Self {
        let starts: Vec<usize> = starts.into_iter().collect();
        BrandPlaces {
            mentions: places(text, &starts)
                .into_iter()
                .zip(&starts)
                .map(|(p, &s)| (p, is_destination(text, s)))
                .collect(),
        }
    }
}

/// For each signal (by its place, `None` for whole-text signals), whether it goes to brand `b` of
/// `brands`.
pub fn signals_for(places: &[Option<SignalPlace>], brands: &[BrandPlaces], b: usize) -> Vec<bool> {
    places
        .iter()
        .map(|p| p.is_none_or(|p| goes_to(p, brands, b)))
        .collect()
}

/// Whether what was found at `p` is about brand `b` of `brands`: the brands named in its clause;
/// failing that, in its sentence; failing that, every brand but, for churn, the one the customer
/// goes to. A purchase that is a switch goes to the brands the customer goes to, and no other.
fn goes_to(p: SignalPlace, brands: &[BrandPlaces], b: usize) -> bool {
    // A switch is a purchase for where the customer goes, and for no brand it leaves.
    if p.joins {
        return brands[b].mentions.iter().any(|m| m.1);
    }
    // A churn signal's destinations are not where the customer leaves.
    let counts = |m: &((usize, usize), bool)| !(p.churn && m.1);
    let named_in = |brand: &BrandPlaces, same: &dyn Fn(&(usize, usize)) -> bool| {
        brand.mentions.iter().any(|m| same(&m.0) && counts(m))
    };
    let in_clause = |at: &(usize, usize)| at.1 == p.clause;
    let in_sentence = |at: &(usize, usize)| at.0 == p.sentence;
    if brands.iter().any(|x| named_in(x, &in_clause)) {
        return named_in(&brands[b], &in_clause);
    }
    if brands.iter().any(|x| named_in(x, &in_sentence)) {
        return named_in(&brands[b], &in_sentence);
    }
    // Named nowhere near: every brand, but not the one the customer goes to.
    !(p.churn && !brands[b].mentions.is_empty() && brands[b].mentions.iter().all(|m| m.1))
}

/// The place of each of a sentiment's hits in the text it was scored on (`None` for rule hits).
pub fn hit_places(s: &crate::model::Sentiment, text: &str) -> Vec<Option<(usize, usize)>> {
    let ats: Vec<usize> = s
        .hits
        .iter()
        .filter_map(|h| h.at)
        .map(|a| a as usize)
        .collect();
    let mut found = places(text, &ats).into_iter();
    s.hits
        .iter()
        .map(|h| h.at.and_then(|_| found.next()))
        .collect()
}

/// The sentiment of a post for brand `b` of `brands`, given its hits' places ([`hit_places`]): the
/// words of clauses or sentences that name only other brands left out ("Lumora is great, Acme is
/// useless" is positive for Lumora and negative for Acme). A post naming one brand keeps its
/// sentiment.
pub fn sentiment_for(
    s: &crate::model::Sentiment,
    hit_places: &[Option<(usize, usize)>],
    brands: &[BrandPlaces],
    b: usize,
) -> crate::model::Sentiment {
    if brands.len() < 2 {
        return s.clone();
    }
    let drop: Vec<bool> = hit_places
        .iter()
        .map(|p| {
            p.is_some_and(|(sentence, clause)| {
                let p = SignalPlace {
                    sentence,
                    clause,
                    churn: false,
                    joins: false,
                };
                !goes_to(p, brands, b)
            })
        })
        .collect();
    super::sentiment::without_hits(s, &drop)
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Clause starts agree with the clause numbers of [`places`] at every character.
    #[test]
    fn clause_starts_agree_with_places() {
        for text in [
            "Delivery was super fast but the blender broke after a week.",
            "Love the website, easy checkout, but the jacket fell apart... Shame!? Yes",
            "Great, my parcel is lost again",
            "الخدمة ممتازة لكن التوصيل متأخر، للأسف",
            "",
            "but",
            "ends with a comma,",
        ] {
            let chars: Vec<usize> = text.char_indices().map(|(i, _)| i).collect();
            let at = places(text, &chars);
            let starts = clause_starts(text);
            for (k, &i) in chars.iter().enumerate() {
                let clause = starts.iter().rposition(|&s| s <= i).unwrap();
                assert_eq!(clause, at[k].1, "{text:?} at {i}");
            }
        }
    }

    fn at(text: &str, needle: &str) -> usize {
        text.find(needle).unwrap()
    }

    /// Which of `brands` (names found in `text`) a signal found at `needle` goes to.
    fn goes_to(text: &str, brands: &[&str], needle: &str, churn: bool) -> Vec<String> {
        let a = at(text, needle);
        receivers(
            text,
            brands,
            SignalPlace::new(text, (a, a + needle.len()), churn),
        )
    }

    /// Which of `brands` (names found in `text`) a signal placed at `p` goes to.
    fn receivers(text: &str, brands: &[&str], p: SignalPlace) -> Vec<String> {
        let places: Vec<BrandPlaces> = brands
            .iter()
            .map(|b| BrandPlaces::new(text, text.match_indices(b).map(|(i, _)| i)))
            .collect();
        (0..brands.len())
            .filter(|&b| signals_for(&[Some(p)], &places, b)[0])
            .map(|b| brands[b].to_string())
            .collect()
    }

    #[test]
    fn places_count_sentences_and_clauses() {
        let t = "Love it, really. But Acme? No!! Lumora";
        assert_eq!(place(t, 0), (0, 0));
        assert_eq!(place(t, at(t, "really")), (0, 1));
        assert_eq!(place(t, at(t, "Acme")), (1, 3));
        assert_eq!(place(t, at(t, "No")), (2, 4));
        assert_eq!(place(t, at(t, "Lumora")), (3, 5));
        let t = "خیلی خوبه، اما Acme بده";
        assert_eq!(place(t, at(t, "Acme")), (0, 2));
    }

    #[test]
    fn a_signal_goes_to_the_brands_of_its_clause() {
        let t = "Don't buy Acme, get Lumora instead";
        assert_eq!(
            goes_to(t, &["Acme", "Lumora"], "Don't buy", false),
            ["Acme"]
        );
        assert_eq!(goes_to(t, &["Acme", "Lumora"], "get", false), ["Lumora"]);
        let t = "I love Lumora but Acme is awful";
        assert_eq!(goes_to(t, &["Lumora", "Acme"], "love", false), ["Lumora"]);
        assert_eq!(goes_to(t, &["Lumora", "Acme"], "awful", false), ["Acme"]);
        // The sentence, when the clause names none; every brand when the sentence names none.
        let t = "Acme and Lumora. Both broke, terrible.";
        assert_eq!(
            goes_to(t, &["Acme", "Lumora"], "terrible", false),
            ["Acme", "Lumora"]
        );
        let t = "Acme or Lumora, which is better? Never buying Zeta again";
        assert_eq!(
            goes_to(t, &["Acme", "Lumora", "Zeta"], "Never buying", true),
            ["Zeta"]
        );
    }

    #[test]
    fn churn_does_not_go_to_where_the_customer_goes() {
        // Only a switch has a destination.
        assert!(is_switch("Switching from"));
        assert!(is_switch("me cambio a"));
        assert!(is_switch("ich wechsle zu"));
        assert!(!is_switch("never going to"));
        assert!(!is_switch("done with"));
        assert!(!is_switch("plus jamais chez"));
        let t = "Never going to Acme again";
        assert_eq!(goes_to(t, &["Acme"], "Never going", false), ["Acme"]);
        let t = "Switching from Acme to Lumora next month";
        assert_eq!(goes_to(t, &["Acme", "Lumora"], "Switching", true), ["Acme"]);
        // Not churn, a signal of another kind: both.
        assert_eq!(
            goes_to(t, &["Acme", "Lumora"], "Switching", false),
            ["Acme", "Lumora"]
        );
        let t = "Me cambio a Lumora, adiós Acme";
        assert_eq!(goes_to(t, &["Lumora", "Acme"], "Me cambio", true), ["Acme"]);
        // One brand, the destination: not its churn.
        let t = "I'm switching to Lumora";
        assert!(goes_to(t, &["Lumora"], "switching", true).is_empty());
        let t = "I'm leaving Acme";
        assert_eq!(goes_to(t, &["Acme"], "leaving", true), ["Acme"]);
    }

    #[test]
    fn a_switch_is_a_purchase_only_where_the_customer_goes() {
        let joins = |text: &str, brands: &[&str], needle: &str| -> Vec<String> {
            let a = at(text, needle);
            let p = SignalPlace {
                joins: true,
                ..SignalPlace::new(text, (a, a + needle.len()), false)
            };
            receivers(text, brands, p)
        };
        let t = "Switching from Acme to Lumora next month";
        assert_eq!(joins(t, &["Acme", "Lumora"], "Switching"), ["Lumora"]);
        assert!(joins(t, &["Acme"], "Switching").is_empty());
        let t = "I'll be switching to Lumora when my contract ends";
        assert_eq!(joins(t, &["Lumora"], "switching"), ["Lumora"]);
        // No brand is where it goes ("switching to dark mode"): none.
        let t = "Lumora app: switching to dark mode fixed the glare";
        assert!(joins(t, &["Lumora"], "switching").is_empty());
    }
}
