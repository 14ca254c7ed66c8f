//! Peer-recommendation signals and complaint categories, by rules a user can read.
//!
//! Every rule has a name, a kind, a confidence and a pattern; a fired rule reports the span of text it
//! matched as `evidence`. A [`Gate`] per language (one Aho-Corasick pass over the strings each
//! rule's every match must contain) tells which rules could match a text; only those rules' own
//! regexes run, and the same regex finds a fired rule's span.
//!
//! Warnings win over recommendations they overlap ("would not recommend" is a warning, not a
//! recommendation). `praise` and `complaint` also fire from strong sentiment when no phrase rule did,
//! at a lower confidence, and say so in their rule name.

use std::borrow::Cow;
use std::sync::{Arc, OnceLock};

#[cfg(test)]
use regex::RegexSet;
use regex_automata::meta;

use super::gate::{Build, Gate, Precomputed, Required};
use super::lexicon::straight_apostrophes;
use super::regex_caches::{CacheStats, RegexCaches, Searchable};
use super::rule_regex::RuleRegex;

use rustc_hash::FxHashMap;

use crate::learn::{LinearModel, sigmoid};

use crate::model::{ComplaintCategory, Sentiment, Signal, SignalKind};

use SignalKind::*;

/// The name of the sarcasm rule (positive words aimed at a negative situation): its signal cancels
/// overlapping praise here and inverts the positive words of its span in the sentiment
/// ([`crate::classify::sentiment::invert_sarcasm`]).
pub const SARCASM: &str = "sarcasm";

/// The check reading a post that opens "PSA:" or "Heads up," on trouble as a warning to others
/// (see [`heads_up_opener`]).
const HEADS_UP: &str = "heads_up";
/// The rule reading "good luck getting a refund" as sarcasm about service.
const SARCASTIC_WISH: &str = "good_luck_getting";
/// The rule reading a lone "Brilliant." after trouble as sarcasm ("…only to be cut off. Brilliant.").
const SARCASTIC_VERDICT: &str = "sarcastic_verdict";
/// The rule of a verb of recommending whose object is a warning ("I'd recommend avoiding them"):
/// its "recommend" is no praise ([`Detected::advised_against`]). The other languages' forms ("os
/// recomiendo no comprarlo", "توصیه میکنم نخرید") open their main warning rule (each rule of its
/// own would have taken the rules' lazy-DFA caches past the memory bound).
const ADVISE_AGAINST: &str = "advise_against";

struct Rule {
    kind: SignalKind,
    confidence: f64,
    name: &'static str,
    pattern: &'static str,
}

const fn r(kind: SignalKind, confidence: f64, name: &'static str, pattern: &'static str) -> Rule {
    Rule {
        kind,
        confidence,
        name,
        pattern,
    }
}

/// English, in depth.
const EN: &[Rule] = &[
    // recommend: advising others to buy, try, use, go
    r(
        Recommend,
        0.9,
        "i_recommend",
        // "I still recommend", "I can only recommend", "we do recommend": a modal or "still" before it.
        // "I'd advise anyone with small hands to try it first" too ("I'd advise against it" is
        // `advise_against`'s, which overrules it).
        // Reviewers misspell the verb ("I would recomend", "reccomend") and the adverb ("I
        // definately recommend").
        r"\b(?:i|we)(?:'d| would| can| can only| do| will| will always| still| also)? (?:highly |strongly |totally |definitely |definately |definetly |really |100% |still |also |happily |wholeheartedly |absolutely |honestly |genuinely |personally )?(?:re(?:c|cc)(?:om|omm)[ae]nd|suggest|advise)\b|(?:^|[.!?]\s+)seconding (?-i:[A-Z])|(?:^|[.!?]\s+)(?:i second|second(?:ing)? (?:this|that)\b)|\bsecond(?:ing)? the (?:\S+ ){0,2}?rec(?:ommendation)?s?\b|(?:^|\s)\+1 (?:for|on) (?-i:[A-Z])",
    ),
    r(
        Recommend,
        0.9,
        "highly_recommend",
        // Also the passive ("earplugs are recommended", "booking ahead is highly recommended"),
        // "wouldn't hesitate to recommend", and a reader's need answered with praise ("If
        // anyone's looking for a plumber in Leeds, Dave at FixFast is brilliant").
        // "Recommended to anyone looking for a cheap player": the passive's audience named.
        r"\b(?:highly|strongly|totally|definitely|definately|would) re(?:c|cc)(?:om|omm)[ae]nd(?:ed)?\b|\b(?:is|are|'s|'re) (?:highly |strongly |definitely |very |much |totally |really )?re(?:c|cc)(?:om|omm)[ae]nded\b|\bre(?:c|cc)(?:om|omm)[ae]nded (?:to|for) (?:anyone|anybody|everyone|everybody|all|those|people|families|couples|travell?ers|first[- ]timers|beginners|fans)\b|\b(?:wouldn'?t|would not|won'?t|will not|don'?t|do not) hesitate to recommend\b|\bif any(?:one|body)(?:'s| is) (?:looking|searching|shopping|in the market) for [^.!?\n]{1,60}?(?:,|-|:) (?:\S+ ){0,4}?(?:is|are|was|were) (?:brilliant|great|excellent|amazing|fantastic|the best|superb|awesome|fab|top notch|first class|a star|your (?:man|woman|guy|best bet))\b",
    ),
    r(
        Recommend,
        0.9,
        "recommend_enough",
        // "Can't recommend Fernway enough": the strongest recommendation (the warning rules read
        // "can't recommend" and an idiom cancels them).
        r"\b(?:can'?t|can not|cannot|couldn'?t|could not) (?:recommend|praise) (?:\w+ ){0,3}(?:enough|highly enough|more highly)\b",
    ),
    r(
        Recommend,
        0.85,
        "you_should_try",
        r"\b(?:you|u|y'all|everyone|everybody) (?:should|must|gotta|have to|need to|ought to|have got to) (?:definitely |really |totally )?(?:try|get|buy|check out|use|go (?:to|with)|visit|order|grab|download|switch to)\b|\byou'?ve (?:got to|gotta) (?:definitely |really |totally )?(?:try|get|buy|check out|use|go (?:to|with)|visit|order|grab|download|switch to)\b|\b(?:you|u|y'all|everyone|everybody) (?:need|needs) (?:\S+ ){1,5}?in (?:your|their) li(?:fe|ves)\b",
    ),
    r(
        Recommend,
        0.8,
        "go_get",
        // "If you're on the fence, just get it": an imperative opening a sentence or a clause (not
        // "I just get it", I understand). Also "Go with Kestrel Mobile, best coverage I've had": a
        // name chosen for the reader at a sentence's start ("I was going to go with Kestrel" is no
        // advice); "Go for it!" opening a sentence or clause ("I went for it" is not), "get yourself
        // a …", and an emphatic "Do try the …", "do visit …".
        r"\b(?:go|run and) (?:get|buy|try|grab|order) (?:it|one|this|them|yours)\b|(?:^|[.!?,;:]\s*)just (?:get|buy|order|grab) (?:it|one|them|this|these)\b|(?:^|[.!?;:]\s*)(?:just |definitely |honestly |seriously )?(?:go with|go for) (?-i:[A-Z])\w*|(?:^|[.!?,;:]\s*)(?:so |just |honestly |seriously |definitely )?go for it\b|\bget yourself (?:a|an|one|some|the|this|these|that)\b|(?:^|[.!?,;:(]\s*)do (?:try|visit|book|check out|grab|order)\b|(?:^|[.!?]\s+)(?:buy|get|order|grab|try) (?:it|one|this|them|these)(?:[,.!]+\s*|\s+(?:and|&)\s+)you(?:'ll| will| won'?t| will not| wont)\b",
    ),
    r(
        Recommend,
        0.75,
        "worth_it",
        // Also "worth a look", "worth the extra", "it is certainly worthwhile to read the manual".
        r"\b(?:well |totally |definitely |so )?worth (?:every penny|every cent|the money|the price|it|a try|a visit|buying|the hype|a look|a stop|the trip|the detour|the extra|the wait|the effort|visiting|trying|checking out|getting|the upgrade|a shot)\b|\bworthwhile (?:to|visiting|reading|trying|getting|buying|checking)\b",
    ),
    r(
        Recommend,
        0.85,
        "wont_regret",
        // "Grab one while they're on sale, you won't regret it", "You won't regret getting the
        // Lumora": the reader promised no regret is advised to do it.
        r"\b(?:you|u|ya|y'all)(?:'ll| will)? (?:won'?t|wont|will not|will never|'ll never|never) (?:ever )?regret (?:it|this|that|them|getting|buying|ordering|booking|trying|going|staying|choosing|picking|paying|spending|switching|visiting|the|a|an|your)\b",
    ),
    r(
        Recommend,
        0.8,
        "do_yourself_a_favor",
        // "Do yourself a favour and skip …" warns (`avoid`), and the warning cancels this.
        r"\bdo yourself a favou?r\b",
    ),
    r(
        Recommend,
        0.8,
        "cant_go_wrong",
        r"\b(?:you )?can(?:'t|not|no?t) go wrong\b",
    ),
    r(
        Recommend,
        0.8,
        "must_have",
        // The noun ("a must-have", "an absolute must have for runners", "Top Spec Must See"), not
        // the modal ("it must have been a bad batch", "players must have better quality").
        // Also "a card with more memory is a must", "is a must for anyone", "a case is a must with
        // this phone", "an umbrella is an absolute must!" (the noun ending its clause or naming
        // who or what needs it).
        r"\b(?:is|are|'s|'re) (?:an? )?(?:absolute |definite |real |total )?must\s*(?:[.!;)]|$)|\b(?:is|are|'s|'re) (?:an? )?(?:absolute |definite |real |total )?must (?:for|if|when|with|on)\b|\bmust-(?:have|buy|try|see|read)\b|\b(?:a|an|absolute|total|real|definite|is|are) must (?:have|buy|try|see|read)\b|(?-i:\bMust (?:Have|Buy|Try|See|Read)\b)|\bmust (?:have|buy|try|see|read)(?:[.!]|$)",
    ),
    r(
        Recommend,
        0.7,
        "make_sure_to",
        r"\b(?:make sure (?:you|to)|be sure to|don'?t forget to|don'?t miss)\b",
    ),
    r(
        Recommend,
        0.7,
        "my_advice",
        r"\b(?:my advice|my tip|pro tip|tip:)\b",
    ),
    r(
        Recommend,
        0.7,
        "check_out",
        r"\b(?:check|try) (?:it|them|this|these|\w+) out\b",
    ),
    r(
        Recommend,
        0.8,
        "would_buy_again",
        // "Would buy again", "I'd buy it again in a heartbeat", "we'd definitely stay here again":
        // the reviewer's endorsement, strong enough to stand without the advice model.
        r"\b(?:would|i'?d|we'?d) (?:definitely |totally |absolutely |happily |100% )?(?:buy|order|stay|go|come|get)(?: (?:it|one|them|this|these|another|here|there|(?-i:[A-Z])\w*))? (?:again|back)\b",
    ),
    r(
        Praise,
        0.8,
        "buy_again",
        // Loyalty said outright: "I'd buy it again in a heartbeat", "would order again without
        // a second thought" ("wouldn't buy it again" has no "would " before the verb).
        r"\b(?:would|i'?d|we'?d) (?:definitely |totally |absolutely |happily |100% |so )?(?:buy|order|get)(?: (?:it|one|them|this|these|another))? again\b|\b(?:buy|order|get) (?:it|one|them|another) again in a heartbeat\b|\b(?:will|'ll) (?:definitely|certainly|absolutely|happily|100%) (?:be )?(?:order|buy|shop|book|ordering|buying|shopping|booking)(?: (?:from|with) (?:them|you|here|there))? again\b",
    ),
    r(
        Praise,
        0.8,
        "should_have_sooner",
        // Regret at not having switched sooner: "Should have done it years ago", "should've
        // switched ages ago" (a switch to the brand the post praises).
        r"\bshould(?:'?ve| have) (?:done (?:it|this|that)|switched|made the switch|moved|changed|bought (?:it|one|this)) (?:\w+ )?(?:years|months|ages|sooner|earlier|a long time ago|long ago)\b",
    ),
    r(
        Recommend,
        0.8,
        "what_you_need",
        // "If you need a reading lamp, the Halo is exactly what you need"; Spanish "es lo que
        // necesitáis".
        r"\b(?:is|it'?s|are) (?:exactly |just |definitely )?what you(?:'re| are)? (?:need|want|looking for|after)\b",
    ),
    r(
        Praise,
        0.8,
        "no_reason_to_leave",
        // Loyalty: "Been with Kestrel Mobile 8 years and never had a reason to leave".
        r"\bnever (?:had|given (?:me|us)|found) (?:a|any|one) reason to (?:leave|switch|complain|go elsewhere|look elsewhere|shop elsewhere|change)\b",
    ),
    // warn: advising others against
    r(
        Warn,
        0.95,
        "not_recommend",
        r"\b(?:would(?:n'?t| not)|do(?:n'?t| not)|can(?:'t|not)|never|not|wouldn'?t) (?:ever |really )?(?:re(?:c|cc)(?:om|omm)[ae]nd|suggest)\b|\b(?:not|won'?t be|wouldn'?t be|will not be|would not be|never be) recommending\b|\b(?:not|isn'?t|aren'?t|never) (?:really |at all )?recommended\b",
    ),
    r(
        Warn,
        0.9,
        "dont_buy",
        // "I'd think twice before ordering from them again" warns as surely.
        // "Do NOT sign up with Kestrel", "don't make the same mistake I did", "don't even think
        // about Kestrel" (not "…about it", which may end "just buy it").
        r"\b(?:do(?:n'?t| not)|never|please don'?t) (?:ever )?(?:buy|purchase|order|use|bother|waste|trust|pay|go to|shop at|fly with|fly|book with|book|download|install|prepay|pre-pay|renew|sign up (?:with|for|to)|subscribe to|get sucked in|fall for|get (?:it|this|these|that|those|them|one|the|a|an|any|their|his|her)|(?:pick|choose|go with) (?-i:[A-Z])\w*)\b|\bthink twice (?:before|about) (?:buying|ordering|using|booking|shopping|getting|signing up|going|trusting|flying|choosing|renewing)\b|\bdo(?:n'?t| not) make the (?:same )?mistakes? (?:i|we) (?:did|made)\b|\blearn from my mistakes?\b|\bwhatever you do,? (?:do(?:n'?t| not)|never|avoid)\b|\bdo(?:n'?t| not) even (?:think about|consider) (?:buying|getting|ordering|signing|going|using|(?-i:[A-Z])\w*)",
    ),
    r(
        Warn,
        0.9,
        ADVISE_AGAINST,
        // The verb of recommending with a warning for its object: "I recommend that you don't
        // purchase it", "I'd recommend avoiding Lumora", "I recommend not buying it", "I'd advise
        // against it" (not the news' "issues warning against"). The other languages have the form
        // first in their main warning rule; the sentiment discounts the verb that opens any
        // warning.
        r"\b(?:recommend|suggest|advise|urge)(?:s|ed)? (?:that )?(?:you |everyone |people |anyone |others )?(?:do(?:n'?t| not)|never|not to|to never|to not) (?:ever )?(?:buy|purchase|order|use|bother|waste|trust|go|shop|fly|book|download|install|get)\b|\b(?:recommend|suggest|advise|urge)(?:s|ed)? (?:that )?(?:you |everyone |people |anyone |others )?(?:to )?(?:avoid(?:ing)?|stay(?:ing)? away|steer(?:ing)? clear|run(?:ning)? away)\b|\b(?:recommend|advise|suggest)(?:s|ed|ing)? (?:strongly |highly )?against\b|\b(?:recommend|suggest|advise|urge)(?:s|ed)? (?:that )?(?:you |everyone |people |anyone |others )?(?:not|never) (?:ever )?(?:buying|purchasing|ordering|using|bothering|wasting|trusting|going|shopping|flying|booking|downloading|installing|getting)\b",
    ),
    r(
        Warn,
        0.9,
        "avoid",
        r"\b(?:would(?:n'?t| not)|won'?t|don'?t|do not|never) touch (?:it|them|this|that|\S+(?: \S+)?) with a (?:\S+[- ])?(?:foot|ft|feet) pole\b|\b(?:would(?:n'?t| not)|would never|won'?t|never) touch (?-i:[A-Z])\w*|\bgive (?:\S+ ){1,3}?a miss\b|\bhard pass\b|(?:^|[.!?]\s+)skip (?:this|that) (?:one|model|phone|version|product|brand|place|app|laptop|tv|game|series|movie)\b|(?:^|[.!?]\s+)skip (?:it|this|that)\s*(?:[.!,]|$)|\b(?:avoid(?: at all costs)?|(?:stay|keep) (?:well |far |right )?away|(?:steer|stay|keep) (?:well |way |very )?clear|run away|beware|buyer beware|be warned|(?:you'?ve|you have) been warned|be careful|friends don'?t let friends)\b|\b(?:shop|go|look|buy|order|book|fly|bank|stay|eat|take your (?:business|money)|better off (?:going|shopping|looking|buying|ordering|booking|flying|staying)) (?:somewhere )?elsewhere\b|\bthere are (?:much |far |way |so many )?better (?:\w+ ){1,2}?(?:out there|than)\b|(?:^|[.!?]\s+)(?:just |honestly |seriously |definitely )?(?:skip|pass on) (?:the |this |that )?(?-i:[A-Z])\w*|(?:^|[.!?]\s+)(?:just |honestly |seriously |definitely )?skip (?:the|their|its) (?:\S+ )?(?:buffet|breakfast|brunch|dinner|lunch|room service|restaurant|bar|spa|pool|tours?|upgrade|warranty|insurance|add-?ons?|extras|premium|pro|plus|dlc|season pass|sequel|app|desserts?|starters?|appetizers?|wine|cocktails?|coffee|pizza|burgers?|steak|fries|pasta|sushi|menu|hotel|resort|excursions?|cruise|ending|subscription|version|tier|edition|plan|case|charger|accessories|food|drinks|lounge|parking|valet|shuttle|transfer|tasting menu)(?:,? (?:it'?s|they'?re|it was|they were|it is|they are) (?:\w+ )?(?:overpriced|not worth|a rip-?off|bland|awful|terrible|mediocre|meh|nothing special|rubbish|average)|,? and (?:just )?(?:go|eat|get|head|try|order|book|buy|walk|grab)\b)|(?:^|[.!?]\s+)(?:just )?run(?: away)?(?:[.!]+\s|[.!]*$)|(?:^|[.!?,]\s*|\band |\bjust )(?:buy|get|choose|pick|go with|go for|go|shop|order) (?:literally )?any(?:one|thing|where)? (?:other|else|but)\b|(?:^|[.!?,]\s*)(?:just |seriously |honestly )?(?:find|get|choose|pick) (?:another|a different|a better) (?:provider|company|shop|store|supplier|brand|carrier|network|bank|seller|airline)\b|\bdo yourself a favou?r,? (?:and |& )?(?:skip|avoid|pass on|stay away|steer clear|do ?n'?t|never|run|(?:buy|get|choose|pick|go with|go for) (?:literally )?any(?:one|thing|where)? (?:other|else))\b",
    ),
    r(
        Warn,
        0.85,
        "waste_of_money",
        // "Save yourself the hassle" warns where it ends, or goes on to what to shun; "save
        // yourself the hassle and grab a Lumora" recommends (`save_yourself_and_get`).
        r"\b(?:waste of (?:money|time)|save your (?:money|time)|(?:not|isn'?t|aren'?t|wasn'?t|weren'?t) worth (?:it|the money|the price|a penny|the hassle|the headache|the effort|the risk|the wait|your (?:money|time)))\b|\b(?:wouldn'?t|would not|would never|don'?t|do not) waste (?:my|your|any|a|good) (?:money|time|cash|penny|dime)\b|\bsave yourself (?:the |some |a lot of )?(?:headache|trouble|hassle|grief|stress|money|time|disappointment|aggravation|frustration|bother)\b(?:\s*[.!,;:)]|\s*$| (?:by|with|from|if|when|-|—)\b| (?:and|&) (?:just )?(?:avoid|skip|stay|steer|pass|don'?t|do not|never) )",
    ),
    r(
        Warn,
        0.85,
        "wouldnt_bother",
        // "Honestly wouldn't bother with Kestrel Mobile", "I wouldn't bother with their app":
        // the writer's advice in the conditional ("don't bother" is `dont_buy`'s).
        r"\b(?:i )?(?:honestly |really |just |personally )?(?:wouldn'?t|would not|would never) (?:even )?bother (?:with|buying|ordering|getting|going)\b",
    ),
    r(
        Warn,
        0.8,
        "scam",
        // "Fraud" as a verdict ("it's a fraud", "total fraud", "fraudsters"), not a bank's fraud
        // team or alert.
        r"\b(?:scam|scammers|rip[- ]?off|fraudsters?)\b|\b(?:a|is|are|was|were|total|complete|absolute|utter|pure|such a) fraud\b",
    ),
    // ask_recommendation
    r(
        AskRecommendation,
        0.9,
        "any_recommendations",
        // "any advice" asks when its sentence is a question, or when it opens the post's last
        // clause ("thinking of a new lamp, any advice"), not in "is your go-to girl for literally
        // any advice"; "what advice would you
        // give…?" asks, "took your advice" does not (a need for one is `need_advice`).
        r"\bany (?:good )?(?:recommendations?|recs|suggestions?|advice|tips)\b(?:[^.!?\n]*\?|[^.!?\n]{0,20}\b(?:welcome|appreciated|please)\b)|(?:^|[.!?,;:]\s*)any (?:good )?(?:recommendations?|recs|suggestions?|advice|tips)\s*[.!]*\s*$|\b(?:what|which) (?:(?:are|is|would be) )?(?:your |some |the |any )?(?:good |best )?(?:recommendations?|recs|suggestions?|advice|tips)\b[^.!?\n]*\?|(?:^|[.!?]\s+)(?:\s*@\w+\s*)*(?:good )?(?:recommendations?|recs|suggestions?|tips)\s*(?:for|on|please|pls|\?)|\blooking for (?:some |any )?(?:good )?(?:recommendations?|recs|suggestions?|advice|tips)\b|\b(?:recommendations?|recs|suggestions?|advice|tips) (?:welcome|appreciated)\b|\bopen to (?:recommendations|recs|suggestions|ideas)\b",
    ),
    r(
        AskRecommendation,
        0.85,
        "need_advice",
        // The writer needs advice ("I need your advice", "Need some advice mate."); a sentence
        // opening "Need advice" that is a question is an offer ("Need advice on exporting?
        // Register…"), not a need.
        r"\b(?:i|we) (?:really |just |badly |desperately |would |'d |could )?(?:need|want|could use|(?:would|'d) (?:love|like|appreciate)|welcome)(?: some| your| any| a little| a bit of| more| a few| a)?(?: \w+)? (?:advice|tips|recommendations?|suggestions?|recs)\b|(?:^|[.!?]\s+)(?:\s*@\w+\s*)*(?:need|want)(?: some| your| any| a little| a few)?(?: \w+)? (?:advice|tips|recommendations?|suggestions?|recs)\b[^?.!\n]*(?:[.!\n]|$)",
    ),
    r(
        AskRecommendation,
        0.9,
        "can_anyone_recommend",
        // "Would you guys recommend Lumora or something cheaper?": asked, so a question.
        r"\b(?:can|could) (?:anyone|someone|somebody|you(?: guys| all| folks)?|y'all|u)(?: please| pls)? (?:recommend|suggest)\b|\b(?:would|do|will) (?:you|y'all|u|people|folks)(?: guys| all| folks)? (?:recommend|suggest)\b[^.!?\n]*\?",
    ),
    r(
        AskRecommendation,
        0.8,
        "should_i_get",
        // Also the doubt put to readers: "not sure if I should get the X or the Y, thoughts?",
        // "torn between the X and the Y, any advice" (asking: a "?" or a call for opinions after
        // it; "I was trying to decide between them and chose the Y" tells a story).
        r"\bshould i (?:get|buy|go with|go for|choose|pick|try|order|switch to)\b|\b(?:(?:if|whether) (?:i|we) should (?:get|buy|go with|choose|pick|try|order|switch to)|torn between|can'?t decide (?:between|whether|if|which)|trying to decide (?:between|whether|which)|debating (?:between|whether))\b[^.!?\n]*(?:\?|\b(?:thoughts|advice|help|suggestions|opinions|recommendations|ideas)\b)|\b(?:thinking (?:of|about)|considering|looking at|eyeing) (?:getting|buying|ordering|switching to|trying) [^.!?\n]*[,;:-] ?(?:any )?(?:thoughts|opinions|advice|recommendations|suggestions|experiences)\s*\?",
    ),
    r(
        AskRecommendation,
        0.8,
        "would_you_go_for",
        // The reader asked to choose: "Would you go for the Lumora Halo or save up for something
        // fancier?", "what would you get, the X2 or the X3?" (a choice, and a question mark; "did
        // you buy it online or in a store?" asks what happened).
        r"\b(?:would|should) (?:you|y'?all|you guys|u) (?:go (?:for|with)|get|buy|pick|choose|take)\b[^.!?\n]{1,60}\bor\b[^.!?\n]{0,60}\?|\bwhat would (?:you|y'?all|you guys|u) (?:get|buy|pick|choose|go (?:for|with))\b[^.!?\n]{0,60}\?|(?:^|[.!?]\s+)(?-i:[A-Z][A-Za-z0-9&'-]*)(?: (?-i:[A-Z][A-Za-z0-9&'-]*))? (?:or|vs\.?|versus) (?-i:[A-Z][A-Za-z0-9&'-]*)(?: (?-i:[A-Z][A-Za-z0-9&'-]*))?(?: for [^.!?\n]{1,40})?\s*\?",
    ),
    r(
        AskRecommendation,
        0.8,
        "any_good",
        // "Kestrel Mobile any good?", "is their app any good?", "who do you lot use?", "what's
        // everyone's experience with Fernway?".
        r"\bany good\s*\?|\b(?:who|what|which \w+) (?:do|would|did) (?:you|y'?all|you guys|you lot|u|people|everyone|folks) (?:use|recommend|go with|swear by|get|buy)\b[^.!?\n]{0,40}\?|\b(?:what'?s|what is|what are|how'?s|how is|how was) (?:every(?:one|body)'?s|people'?s|y'?all'?s) (?:experience|experiences|thoughts|opinion|opinions|take|verdict)(?: (?:with|on|of|about))?\b",
    ),
    r(
        AskRecommendation,
        0.75,
        "anyone_tried",
        r"\b(?:has |have )?(?:anyone|anybody) (?:tried|used|recommend|had experience)\b|\b(?:anyone|anybody)(?: here| else)? (?:have|has|got|had) (?:any )?(?:experience|luck) (?:with|using|of)\b|\b(?:does |do )?(?:anyone|anybody) (?:have|has|own|owns|got) (?:one|it|this|these|them|the \w+)\b[^.!?\n]*\?|\b(?:anyone|anybody) know (?:of )?(?:where (?:to|i can) (?:get|buy|find) )?(?:a|an|any|some) (?:good|decent|better|cheap|cheaper|reliable|great|alternative|place|shop|store)\b|\b(?:anyone|anybody)(?: here)? know (?:if|whether) [^.!?\n]*\b(?:good|decent|reliable|any good|worth|better)\b[^.!?\n]*\?|\b(?:anyone|anybody)(?: here)? know (?:of )?(?:a|an|any) (?:\S+ ){1,3}?(?:that|which|who|where) [^.!?\n]*\?|\b(?:anyone|anybody)(?: here)? (?:got|have|has|know of) (?:a|an|any|some) [^.!?\n]*\b(?:swear by|love|rate|recommend|trust)\b[^.!?\n]*\?",
    ),
    r(
        AskRecommendation,
        0.7,
        "which_is_better",
        r"\b(?:which|what) (?:one )?(?:is|would be) (?:better|best)\b|\b(?:is|are) (?:\S+ ){1,3}?(?:any |much |really )?(?:better|more reliable|cheaper|faster) than\b[^.!?\n]*\?",
    ),
    r(
        AskRecommendation,
        0.7,
        "is_it_worth",
        // Whether something is worth it, or any good: "is the X2 good?" with a named or
        // pointed-at subject, not "are you good?".
        r"\b(?:is|are) (?:\S+ ){1,4}?(?:(?:really |still |even )?worth (?:it|the money|the price|\w+ing|the hype|a try)|any good|a good (?:buy|choice|idea|option|deal))\b[^.!?\n]*\?|(?:^|[.!?]\s+)(?:really |still |even )?worth (?:it|the money|the price|\w+ing)\b[^.!?\n]*\?|\b(?:is|are) (?:it|they|(?:the|this|that|these|those) \S+(?: \S+){0,2}|(?-i:[A-Z0-9])\S*(?: \S+){0,2}) (?:(?:actually|really|even) )?(?:good|legit|reliable|trustworthy)\s*\?",
    ),
    r(
        AskRecommendation,
        0.7,
        "not_sure_if_worth",
        // Doubt put to readers without a question mark: "can't tell if the X2 is worth the hype",
        // "not sure whether Acme is any good", "on the fence about the X2".
        r"\b(?:not sure|unsure|can'?t (?:tell|decide)|wondering|i wonder|debating|torn on|on the fence about)\b[^.!?\n]*?\b(?:if|whether)\b[^.!?\n]*?\b(?:worth|any good|good enough|legit|reliable|better)\b|\bon the fence about (?:getting|buying|ordering|trying|the)\b",
    ),
    r(
        AskRecommendation,
        0.8,
        "what_is_best",
        // "What's the best lamp brand?", "what do you recommend for a first camera?", "where can
        // I buy a good lamp?": questions for a recommendation, not praise of "the best".
        r"\b(?:what'?s|whats|what is|what are|which is|which are|who has|who makes|who sells) (?:the |a |your |some )?(?:best|top|most reliable|cheapest|better|decent|favou?rite|go-to|must[- ](?:see|have|read|try|buy|watch|visit|own))\b[^.!?\n]*\?|\b(?:what|which|who|where)(?: \w+){0,2} (?:do|would|should|can) (?:you(?: guys| all| folks)?|y'all|u|people|i|we) (?:recommend|suggest|go with|use|get|buy|swear by|prefer)\b[^.!?\n]*\?|\bwhere (?:can|should|do|could) (?:i|we|you|one) (?:buy|get|find|order)\b[^.!?\n]*\?|\bhelp me (?:pick|choose|decide|find)\b",
    ),
    r(
        AskRecommendation,
        0.7,
        "looking_for",
        // One run of characters that are not "?" up to the question mark: with `\w+.{0,40}` the
        // word and the run could split anywhere, and the lazy DFA's states outgrew its cache.
        r"\blooking for \w[^?\n]{0,60}\?",
    ),
    r(
        AskRecommendation,
        0.8,
        "alternative_to",
        r"\b(?:any|good|better|decent|cheaper|cheap|best|other|some) alternatives? (?:to|for)\b[^.!?]{0,60}\?|\b(?:looking for|need|want|suggest|recommend)(?: an?| some| any)?(?: good| better| decent| cheaper)? alternatives? (?:to|for)\b",
    ),
    // purchase_intent
    r(
        PurchaseIntent,
        0.85,
        "going_to_buy",
        r"\b(?:i'?m|i am|we'?re|we are) (?:going to|gonna|about to|planning to|planning on|thinking (?:of|about)|ready to|finally)(?: finally)? (?:buy|order|get|purchase|upgrade|pre-?order|buying|ordering|getting|purchasing|(?:pick|picking) up (?:a|an|the|one|some|my)|grab (?:a|an|the|one|some|my))\b|\b(?:i'?m|i am|we'?re|we are|(?:and|&) i are) (?:buying|ordering) (?:a|an|the|one|some|two|(?-i:[A-Z]))|\b(?:i'?m|i am|we'?re|we are|(?:and|&) i are) getting (?-i:[A-Z])\w*",
    ),
    // The same with the subject left out, as posts do ("Going to buy the X2 this weekend"): only
    // where a sentence starts, so that "you're going to buy" and "are they gonna order" stay out.
    r(
        PurchaseIntent,
        0.75,
        "going_to_buy_no_subject",
        r"(?:^|[.!?]\s+)(?:going to|gonna|about to|planning to|planning on|finally) (?:buy|order|purchase|pre-?order|buying|ordering|purchasing|(?:pick|picking) up (?:a|an|the|one|some)|grab (?:a|an|the|one)|try (?:the|a|an|out|their|some|them|it|this|these|(?-i:[A-Z])))\b|(?:(?:^|[.!?]\s+)(?:will be |definitely |probably )|\b(?:i|we)(?:'ll| will) be )(?:definitely |probably )?(?:picking up|buying|ordering|grabbing) (?:a|an|the|one|some|my|(?-i:[A-Z]))",
    ),
    r(
        PurchaseIntent,
        0.8,
        "will_buy",
        r"\b(?:i|we)(?:'ll| will| want to| wanna| need to| must|'d like to| would like to) (?:buy|order|get|purchase|pre-?order)\b|(?:^|[.!?]\s+)(?:would like to|want to|wanna|need to) (?:buy|order|purchase|pre-?order)\b",
    ),
    r(
        PurchaseIntent,
        0.8,
        "just_ordered",
        r"\bjust (?:ordered|bought|purchased|pre-?ordered|got)\b|\b(?:put|putting|placed|placing) in (?:my|a|an) (?:pre-?)?order (?:for|on)\b|\b(?:put|putting|placed|placing) in (?:my|a|an) pre-?order\b|\bpull(?:ing|ed)? the trigger on\b|\bjust (?:placed|put in) (?:an|my|a) (?:pre-?)?order\b",
    ),
    r(
        PurchaseIntent,
        0.8,
        "cant_wait_to_get",
        r"\bcan'?t wait (?:to (?:get|buy|try|order)|for (?:mine|my order))\b",
    ),
    r(
        PurchaseIntent,
        0.85,
        "take_my_money",
        // "Added the X2 to my cart", "I'll add one to my basket"; not the infinitive of a complaint
        // ("it took me ten minutes to add one thing to my basket", "can't add anything to the cart").
        r"\b(?:shut up and )?take my money\b|\b(?:added|adding|(?:i'?ll|i will|we'?ll|gonna|going to|about to) add) (?:\w+ ){0,4}(?:to|in) (?:my|the) (?:cart|basket)\b",
    ),
    r(
        PurchaseIntent,
        0.75,
        "switching_to",
        // The other side of a switch: "I'll be switching to Kestrel next month", "ported my
        // number to Kestrel". It goes only to a brand the switch goes to (see `attribution`), so
        // "switching from Kestrel to X" is no purchase for Kestrel. What it goes to is a name (or
        // "them"): "switching to dark mode" is no purchase.
        r"\b(?:switch(?:ing|ed|es)?|porting|ported|port (?:my|our)|(?:moving|moved|move) (?:my|our|over)|jump(?:ing|ed)? ship)(?: (?:my|our))?(?: (?:number|numbers|line|account|business|plan|contract|service))? (?:over )?to (?:(?-i:[A-Z0-9@#])[A-Za-z0-9.&'_-]*|them|their (?:[a-z]+ )?(?:plan|network|service|app|store|shop))\b|\b(?:moved|moving|switched|switching|ported|porting) (?:all |both )?(?:of )?(?:my|our)(?: \S+){1,3}? over to (?:(?-i:[A-Z0-9@#])[A-Za-z0-9.&'_-]*|them)\b",
    ),
    r(
        PurchaseIntent,
        0.75,
        "ordering_soon",
        // A purchase dated, with the subject left out ("Ordering the Lumora Halo tonight";
        // not "getting the kids ready tomorrow"), or a try the author will give ("I'm giving them a shot").
        r"(?:^|[.!?,;]\s+|\b(?:i'?m|i am|we'?re|we are) )(?:ordering|buying|grabbing|pre-?ordering|signing up (?:with|for|to)|picking up (?:my|a|an|the|our) (?:new )?(?-i:[A-Z])\S*) (?:\S+ ){0,5}?(?:tonight|today|tomorrow|this (?:weekend|week|month|evening|afternoon|morning)|next (?:week|month|payday)|on (?:black friday|cyber monday|prime day|payday)|(?:on |this |next )?(?:monday|tuesday|wednesday|thursday|friday|saturday|sunday))\b|(?:^|[.!?]\s+)(?:ordering|buying|grabbing) (?:two|three|another|(?:a )?couple more|some more|one more|\d+ more)(?: \S+){0,3} (?:for|from|to go|now|today|tonight)\b|\b(?:caving|caved|giving in|gave in) and (?:buying|ordering|getting|bought|ordered|got)\b|\btreat(?:ing)? (?:myself|ourselves|(?:my|our) (?:\w+ )?(?:wife|husband|partner|mum|mom|dad|kids?|son|daughter|girlfriend|boyfriend|family)) to (?:a|an|the|some|one|new|(?-i:[A-Z]))|\bheading (?:over |down |out )?to (?-i:[A-Z])\S*(?: \S+){0,4}? to (?:buy|get|pick up|grab|order|try on)\b|\b(?:i'?m|i am|we'?re|we are|i'?ll|i will|we'?ll|we will|gonna|going to|finally|decided to) (?:giving|give) (?:it|them|this|these|\S+(?: \S+)?) a (?:shot|try|go|whirl)\b|\b(?:ordering|buying|getting|grabbing|(?:i'?ll|i will|we'?ll|will) (?:order|buy|get|grab)) (?:one |it |them |mine )?(?:once|when|as soon as) (?:it'?s|it is|they'?re|they are) back in stock\b",
    ),
    r(
        PurchaseIntent,
        0.75,
        "thinking_of_buying",
        r"\b(?:thinking|thought) (?:of|about) (?:finally )?(?:buying|getting|ordering|purchasing|upgrading to|switching to)\b|\b(?:about|planning|saving up) to (?:buy|order|get|upgrade to)\b|\bsaving (?:up )?for (?:a|an|the|my|one of)\b",
    ),
    r(
        PurchaseIntent,
        0.7,
        "might_buy",
        // A purchase weighed by the writer: "Might grab a Lumora Halo for my sister's birthday",
        // "I'll probably order one" (not "you might buy a lemon").
        r"(?:^|[.!?]\s+|\b(?:i|we)(?:'ll| will)? )(?:might|may|will probably|probably|could) (?:grab|pick up|buy|order) (?:a|an|the|one|some|myself|another)\b|(?:^|[.!?]\s+|\b(?:i|we)(?:'ve| have)? |\bbeen )eyeing (?:up )?(?:a|an|the|this|that|those|these|(?-i:[A-Z]))|(?:^|[.!?]\s+|\b(?:i'?m|i am|we'?re|we are) )(?:so |seriously |very |really |sorely |pretty )?tempted (?:by (?:a|an|the|this|that|those|these|(?-i:[A-Z]))|to (?:buy|get|order|grab|try|pick up))|\b(?:decided|settled) on (?:getting|buying|ordering|the (?-i:[A-Z]))|\b(?:on|onto) (?:my|our) (?:christmas|xmas|birthday|wish) ?list\b",
    ),
    // churn_intent
    r(
        ChurnIntent,
        0.9,
        "switching",
        r"\b(?:i'?m|im|i am|we'?re|we are|i'?ve|i have|just) (?:finally |officially |seriously |definitely |so |completely |totally |absolutely )?(?:switching|switched|moving|moved|leaving|left|cancell?ing|cancell?ed|done with|going back to|porting)\b",
    ),
    r(
        ChurnIntent,
        0.85,
        "cancel_my",
        // "Cancelled my Kestrel plan today", "cancelling my @Streamly subscription": the brand
        // or plan's name, or its handle, may stand between. "cancelling @Streamly after…": the
        // handle alone, said by the one who cancels (not "@Munchr cancelled my order").
        r"\bcancel(?:l?ed|l?ing)? (?:my|our) (?:order|service|(?:@?\w+ ){0,2}?(?:subscription|account|membership|plan|contract))\b|(?:^|[.!]\s+|\b(?:i'?m|i am|we'?re|we are|just|finally|am) )cancell?(?:ing|ed) @\w+|(?:^|[.!?]\s+)(?:i'?m |we'?re )?cancell?ing (?:today|now|tonight|tomorrow|everything|it all|first thing)\b",
    ),
    r(
        ChurnIntent,
        0.7,
        "considering_switch",
        r"\b(?:thinking (?:about|of)|considering|planning (?:on|to)|ready to|about to|want to|wanna|gonna|going to) (?:switch(?:ing)?|leav(?:e|ing)|cancel(?:l?ing)?|ditch(?:ing)?|port(?:ing)?) (?:from|away from|to|over to|my|our)\b|\b(?:thinking (?:about|of)|considering|planning (?:on|to)|ready to|about to|going to|gonna) (?:leav(?:e|ing)|ditch(?:ing)?|dump(?:ing)?|quit(?:ting)?) (?-i:[A-Z])|\b(?:thinking (?:about|of)|considering|planning (?:on|to)|ready to|(?:i'?m|i am|we'?re|we are|i'?ll|i will|we'?ll) (?:going to |gonna |about to )?) ?drop(?:ping)? (?-i:[A-Z])",
    ),
    r(
        ChurnIntent,
        0.85,
        "never_again",
        r"\b(?:never|not) (?:buying|purchasing|ordering|using|shopping|flying|going|coming|eating|staying)(?: \w+){0,3} again\b|\b(?:won'?t|will not|will never|never)(?: be)? (?:get(?:ting)?|see(?:ing)?) (?:any more of |anymore of |any more |another (?:penny|cent|dime|dollar|pound|euro) (?:of |from )?|a (?:single )?(?:penny|cent|dime) (?:more )?(?:of |from )?)?(?:my|our) (?:money|business|custom)\b|\bnever again\b|\bnever (?:going|coming) back(?: to\b| there\b| again\b|\s*[.!,]|\s*$)|(?:^|[.!?]\s+)done with (?:them|you|you guys|this (?:company|bank|provider|app|service|store|shop|airline|carrier|network)|(?-i:[A-Z])\w*)\b|\bmoving my (?:money|account|savings|business|number)\b|\b(?:won'?t|will not|will never|would not|wouldn'?t|would never) (?:ever )?(?:buy|purchase|order|use|shop|fly|go|come|eat|stay|book)(?: \w+){0,3} (?:again|back)\b|\b(?:won'?t|will not|will never) be (?:back|returning)\b|\b(?:won'?t|will not|will never|'ll never) be (?:buying|purchasing|ordering|using|shopping|flying|booking|staying|eating|renewing)(?: \w+){0,3} (?:again|back|any ?more)\b|\b(?:and |so )?i'?m (?:out|outta here)\s*(?:[.!]+|$)|\b(?:won'?t|will not|will never|'ll never|would never|will probably (?:not|never)|(?:am|'m) (?:not|never) going to) (?:ever )?(?:buy|order|use|shop|fly|book)(?: another\b|(?: \w+){0,3} any ?more\b)",
    ),
    r(
        ChurnIntent,
        0.8,
        "close_account",
        r"\b(?:clos(?:e|ing)|delet(?:e|ing)) my (?:(?-i:[A-Z])\S* ){0,2}account\b|\b(?:gave|given|put in|handed in|giving|putting in|handing in) (?:my|our) notice (?:with|to) (?-i:[A-Z])|\bconsider this (?:my|our) notice\b|\bunsubscrib(?:e|ing|ed)\b|\buninstall(?:ed|ing)\b|\b(?:deleting|deleted|removing|removed) (?:the|this|your) app\b|(?:^|[.!?]\s+)deleting (?:it |this )?(?:until|till|for now)\b|\b(?:not|won'?t be|will not be|am not|i'?m not) renewing\b|\bnot (?:going to|gonna) renew\b",
    ),
    r(
        ChurnIntent,
        0.75,
        "last_time",
        r"\b(?:last time i|that'?s it,? i'?m done|and i'?m (?:gone|out|outta here)|time to switch|looking for (?:an )?alternatives?)\b|\b(?:my|our) last (?:order|purchase|booking|flight|stay|visit)(?: (?:from|with|at) \S+)?[.!,]+\s*ever\b|\b(?:this|that|it) (?:is|was|will be|'s) (?:my|our) (?:very )?last (?:order|purchase|booking|flight|stay|visit) (?:from|with|at)\b|\btime to (?:find|look for|get|start looking for) (?:a |an )?(?:new|another|different) (?:carrier|provider|network|bank|isp|supplier|broadband|insurer|phone company)\b|\b(?:looking|shopping around|searching) (?:into|at|for) (?:other|another|different|new|a new) (?:carriers?|providers?|networks?|banks?|isps?|suppliers?|insurers?|airlines?)\b|\b(?:goodbye|bye bye|bye-bye|so long|farewell),? \S+(?: \S+)?,? hello\b",
    ),
    r(
        ChurnIntent,
        0.8,
        "switching_from",
        // Posts drop the subject: "Switching from Acme to Lumora next month", "Ditching Acme for
        // Lumora" (not "leaving the house for work": only verbs that mean dropping a supplier).
        r"(?:^|[.!?]\s+)(?:finally |officially |just |so )?(?:switching|switched|moving|moved|porting|ported) (?:over )?(?:from|away from)\b|\b(?:ditching|ditched|dumping|dumped) (?:\S+ ){1,3}for\b|\b(?:moving|switching|taking|porting) (?:my|our) (?:\w+ ){0,2}?away from\b|\b(?:moving|switching|porting) (?:my|our) (?:\w+ ){0,2}?off (?-i:[A-Z])|\bjump(?:ing|ed)? ship (?:from|away from)\b|\b(?:ready to|about to|going to|gonna|want to|thinking (?:about|of)) jump(?:ing)? ship\b",
    ),
    r(
        ChurnIntent,
        0.8,
        "moving_to_another",
        r"\b(?:moving|switching|going|changing|porting|taking my business|(?:i'?m|we'?re|i am|we are) off) (?:over )?to (?:another|a different|a new|a better|a real) (?:\w+ )?(?:carrier|provider|network|bank|company|brand|shop|store|service|supplier|airline|app|isp|gym|insurer|supermarket|courier|retailer|platform|salon|dentist|garage|broadband)\b|\b(?:has|have|just) lost (?:me|my business|(?:a|another) (?:loyal |long-?time )?customer)\b|\bport(?:ing|ed)? (?:my number |our numbers? )?out\b|\btak(?:e|ing) (?:my|our) (?:business|money|custom) elsewhere\b|\b(?:going|went|switching|switched|returning|moving) back to (?:my|our|the) (?:old|previous|former|original) (?:\w+ )?(?:brand|one|phone|provider|model|carrier|bank|service|laptop|supplier|network|app|router|shop|store)\b",
    ),
    // praise
    r(
        Praise,
        0.8,
        "love_it",
        r"\b(?:i |we )?(?:love|loving|adore|adoring) (?:it|this|my|the|them|you|your|how|that)\b",
    ),
    r(
        Praise,
        0.75,
        "helpful_staff",
        // "Kestrel support was super helpful today": the people who served the writer, praised
        // (not "was not helpful": no negator fits between).
        r"\b(?:support|service|staff|team|agent|rep|representative|driver|courier|technician|engineer|guy|lady|cashier|waiter|waitress|server|manager|crew|they|she|he)(?: team)? (?:was|were|is|are|has been|have been|'s|'re) (?:(?:so|very|super|really|incredibly|extremely|amazingly|always|truly|genuinely|beyond) )*(?:helpful|friendly|responsive|patient|kind|professional|efficient|quick to (?:help|respond|reply|fix|sort|refund))\b|(?:[.!]\s+)(?:an? |absolute |total |what an? )?(?:legend|hero|lifesaver|life saver|star)s?(?:\s*[.!]+)?\s*$",
    ),
    r(
        Praise,
        0.8,
        "staff_were_great",
        // "Kestrel Mobile support were brilliant", "the delivery driver was fantastic", "the crew
        // on the LIS-LHR flight were lovely": praise words `helpful_staff` leaves to
        // `great_service`'s word order ("brilliant service").
        r"\b(?:support|customer service|customer care|service|staff|team|agent|rep|driver|courier|technician|engineer|crew|cabin crew|flight attendants?|pilot|nurses?|waiter|waitress|host|hosts)(?: team| staff)?(?: (?:on|at|in|from)(?: \S+){1,4}?)? (?:was|were|is|are|has been|have been) (?:(?:so|very|super|really|absolutely|truly|just|always) )*(?:brilliant|amazing|great|fantastic|excellent|superb|outstanding|top notch|top-notch|wonderful|incredible|awesome|fabulous|spot on|first class|first-class|lovely|delightful|a delight|stars|legends)\b",
    ),
    r(
        Praise,
        0.75,
        "keeps_customers",
        // "Refunded within a day. That's how you keep customers."
        r"\bthat'?s how you (?:keep|treat|win|earn|look after|take care of|get) (?:a |your |loyal |repeat )?(?:customers?|clients?|business)\b",
    ),
    r(
        Praise,
        0.8,
        "best_ever",
        r"\b(?:best|greatest|finest) (?:\w+ )?(?:ever|in town|on the market|i'?ve (?:ever )?(?:had|used|seen|tried))\b|(?:^|\s)>{2,} ?(?:literally )?(?:every|any|all) other\b",
    ),
    r(
        Praise,
        0.8,
        "great_service",
        r"\b(?:amazing|awesome|excellent|fantastic|great|perfect|brilliant|outstanding|superb|wonderful|stellar|top[- ]notch) (?:customer )?(?:service|product|quality|experience|support|team|job|staff|food|value)\b",
    ),
    r(
        Praise,
        0.75,
        "thank_you_for",
        r"\b(?:thanks|thank you|thx|kudos|shout ?out|props)\b.{0,40}\b(?:great|amazing|awesome|quick|fast|excellent|help|helping|sorting|fixing|resolving|sorted|fixed|resolved|solved)\b",
    ),
    r(
        Praise,
        0.75,
        "props_to",
        // Credit given by name: "HUGE props to @GEICO", "kudos to the night staff", "hats off to
        // them", "shout out to @Lumora for…".
        r"\b(?:(?:huge|big|massive|major|mad|much) )?(?:props|kudos|hats off|shout ?-?outs?) to\b",
    ),
    r(
        Praise,
        0.75,
        "exceeded",
        // Also "you guys are amazing", "they were brilliant": the brand's people praised whole.
        r"\b(?:(?:they|you|you guys|y'all|he|she|(?-i:[A-Z])\w+) (?:(?:really|absolutely|totally|honestly|seriously) )?(?:nailed|smashed) it|hit it out of the park)\b|\b(?:exceeded (?:my |all )?expectations|blown away|(?:so|really|very|super|truly|thoroughly|beyond|extremely|seriously|pleasantly|hugely|massively|honestly|genuinely|properly|incredibly|utterly|i'?m|i am|we'?re|we are) impressed|five stars|5 stars|10/10)\b|(?:^|[.!?]\s+)impressed\s*(?:[.!]|$)|\b(?:is|are|was|were|'s) (?:(?:so|very|really|honestly|truly|genuinely|seriously|super|pretty|quite|incredibly|seriously) )*impressive\b|\bworth every (?:penny|cent|dollar)\b|\babove and beyond\b|\b(?:you guys|you all|y'all|you|they) (?:are|were|'re) (?:(?:so|truly|absolutely|simply|just|really|honestly|always) )*(?:amazing|awesome|the best|brilliant|fantastic|incredible|legends|superstars|wonderful|stars)\b",
    ),
    r(
        Praise,
        0.75,
        "none_better",
        // A rival found wanting: "No one does a better flat white than Corso", "nobody comes
        // close", "you can't beat their prices".
        r"\b(?:no ?one|no-one|nobody|nothing) (?:else )?(?:(?:does|makes|brews|bakes|cooks|serves|sells|fixes|pours) (?:it |them |a |an )?(?:\w+ ){0,2}?(?:better|tastier|finer|nicer)|comes? (?:even )?close|compares|can (?:beat|touch|match|top))\b|\byou (?:can'?t|cannot|can not) beat\b|\bcan'?t beat (?:the|their|that|this|its) (?:price|prices|quality|value|service|food|coffee|deal|deals|location|view|views|taste|selection|range)\b",
    ),
    r(
        Praise,
        0.75,
        "top_notch",
        // The praise after the noun: "their customer service is top notch".
        r"\b(?:is|are|was|were|'s|'re) (?:absolutely |truly |really |just |simply |always )?(?:top[- ]notch|second to none|a lifesaver|a life saver|a game[- ]?changer|unbeatable|on point)\b|\b(?:is|are|was|were|'s|'re) (?:actually|honestly|genuinely|legitimately|properly) (?:so |really |just |pretty |quite )?(?:brilliant|amazing|excellent|fantastic|superb|outstanding|incredible|awesome|perfect|great|good|lovely|gorgeous|delicious|class|ace|spot on)\b",
    ),
    // complaint: mostly the experience around the product
    r(
        Complaint,
        0.8,
        "money_kept",
        // Short posts about money, answers and goods that no other rule phrases (a probe of 35,
        // 2026-12-07): money kept ("won't give me my money back", "owes me money", "stole my
        // money", "refund still pending"), slow answers ("takes forever to reply", "been on the
        // phone with them for 2 hours"), charging too much, being cheated ("ripped me off",
        // "scammed me"), junk sold, quality gone down ("isn't what it used to be").
        r"\b(?:(?:won'?t|will not|wouldn'?t|refuses? to|refused to|still (?:hasn'?t|haven'?t|didn'?t)|never) (?:give|gave|send|sent|pay|paid) (?:me|us)(?: my| our| the)? money back|owes? (?:me|us) (?:money|[$£€]|\d)|stole (?:my|our) money|(?:my |the |our )?refund (?:is |was |has been |still |now )*(?:pending|processing|in process|not (?:received|processed|issued))|takes? (?:forever|ages|days|weeks|an eternity|hours|months) to (?:reply|respond|answer|get back|refund|ship|deliver|arrive|process)|been on (?:the phone|hold|the line) (?:with \S+(?: \S+)? )?for (?:\d+|an?|two|three|four|over an?|over \d+|almost an?) (?:hours?|hrs?|minutes|mins)|(?:charges?|charging) (?:way |far |much |waaay )?too much|(?:scammed|conned|swindled|robbed) (?:me|us)\b|ripped (?:me|us) off|sells? (?:nothing but )?(?:junk|garbage|crap|trash|rubbish)|quality (?:isn'?t|is not|ain'?t) what it used to be)",
    ),
    r(
        Complaint,
        0.85,
        "still_waiting",
        r"\b(?:still|yet to|been) (?:waiting|no|not|haven'?t|hasn'?t|nothing|can'?t)\b|\bwaiting (?:for|on) (?:my|a|the|your|over|almost|\d)|\bwaiting (?:over |almost |nearly |about )?(?:\d+|two|three|four|five|six|several|a few|a couple of) (?:days|weeks|months|hours) (?:for|on)\b",
    ),
    r(
        Complaint,
        0.85,
        "not_received",
        r"\b(?:haven'?t|hasn'?t|have not|has not|never|didn'?t|did not|not yet) (?:been )?(?:received|arrived|came|got|gotten|heard back|delivered|refunded|shipped|responded|replied|fixed|resolved|showed up|turned up|shown up)\b|\b(?:marked|shows|showing|says|said) (?:as )?delivered but\b|\bnothing (?:ever )?(?:arrived|came|showed up|turned up)\b",
    ),
    r(
        Complaint,
        0.8,
        "lost_item",
        // "Fernway lost my parcel AGAIN", "my luggage was lost".
        r"\b(?:lost|misplaced|mislaid) (?:my|our|the|a|an|his|her|their) (?:\w+ )?(?:parcel|package|order|delivery|luggage|bags?|suitcase|item|shipment|return|reservation|booking)\b|\b(?:parcel|package|order|luggage|bags?|suitcase|shipment|delivery|reservation|booking) (?:has been|have been|was|were|got|is|are) (?:lost|misplaced)\b|\bgave (?:away )?(?:our|my) (?:table|room|seats?|booking|reservation) (?:away|to)\b|\bgave away (?:our|my) (?:table|room|seats?|booking|reservation)\b",
    ),
    r(
        Complaint,
        0.8,
        "where_is_my",
        // "@fernway where is my parcel?", "Where's my refund": asked of the brand, the question
        // is the complaint.
        r"\bwhere(?:'s| is| are|s)? (?:my|our) (?:\w+ )?(?:order|orders|parcel|parcels|package|packages|refund|bill|delivery|money|item|items|food|cashback|replacement|tickets?|luggage|bags?|shipment|pizza|meal)\b",
    ),
    r(
        Complaint,
        0.8,
        "money_back",
        r"\b(?:give me|want|get|need|demand) (?:my|our) money back\b|\b(?:i|we) (?:want|demand|need) (?:a|my|our) (?:full )?refund\b|\b(?:refused|rejected|denied|declined|won'?t honou?r|wouldn'?t honou?r) (?:my|our|the) (?:warranty |insurance |refund |return )?(?:claim|refund|return|exchange|warranty|repair)\b|\b(?:warranty |insurance |refund |return )?(?:claim|refund|return|exchange|appeal) (?:was |got |has been |been )?(?:rejected|denied|refused|declined)\b|\b(?:with|and) no refund\b|\bwithout (?:a |any )?refund\b",
    ),
    r(
        Complaint,
        0.75,
        "regret_buying",
        // "I really regret switching to Kestrel": the purchase itself is the complaint.
        r"\b(?:i|we) (?:really |truly |so |totally |deeply |kinda |kind of )?regret (?:buying|ordering|switching|changing|choosing|signing up|joining|booking|getting|upgrading|using|going with|purchasing|moving)\b",
    ),
    r(
        Complaint,
        0.7,
        "let_down",
        r"\b(?:let(?:ting|s)? (?:me|us) down|(?:has|have|'s|'ve) let (?:me|us) down)\b",
    ),
    r(
        Complaint,
        0.75,
        "error_message",
        // "The checkout page keeps throwing an error", "getting an error when I pay", an app that
        // crashes.
        r"\b(?:keeps?|kept) (?:throwing|giving|showing|returning) (?:me )?(?:an? |the same |this )?(?:\w+ )?errors?\b|\b(?:throws?|throwing|gives?|giving|getting|got|get|shows?|showing) (?:me )?(?:an? |the same |this |that )(?:\w+ )?error\b|\b(?:app|site|website|page|checkout|system|game) (?:is |keeps |has been |was |been |)(?:crashing|freezing)\b|\berror (?:code )?(?:#|no\.? ?)?\d{3,}\b",
    ),
    r(
        Complaint,
        0.8,
        "keeps_failing",
        // Failing in ways "doesn't work" does not phrase: "keeps timing out", "crashes every
        // time", "promo code won't apply", "won't accept my return", "snapped in a week". A rule
        // of its own because the literal gate takes at most 64 strings a rule: inside
        // `doesnt_work` they left it with none, and its regex ran on every text.
        r"\bkeeps? (?:timing out|freezing|erroring|glitching|logging me out|kicking me out|restarting|rebooting)\b|\b(?:another|second|third|fourth|fifth|\d+(?:st|nd|rd|th)) dropped call\b|\bdropped calls? (?:again|all day|every day|constantly|all the time)\b|\b(?:wi-?fi|internet|connection|signal|calls?|line|stream|video|bluetooth|audio) (?:\S+ )?(?:keeps?|kept) (?:dropping|disconnecting|cutting out|buffering)\b|\bcrash(?:es|ed)? (?:every (?:single )?time|constantly|all the time|whenever|on (?:launch|startup|opening))\b|\b(?:promo|discount|coupon|voucher|gift card|gift) (?:code |card )?(?:won'?t|doesn'?t|didn'?t|does not|will not|wouldn'?t|isn'?t|is not) (?:apply|applying|work|working)\b|\b(?:won'?t|wouldn'?t|refuse to|refused to|will not|would not) (?:accept|take|process|honou?r) (?:my|the|our) (?:return|refund|exchange|warranty|claim)\b|\b(?:snapped|cracked|broke|ripped|tore|died) (?:after|in|within) (?:a|an|one|two|three|four|\d+|a few|less than a|less than an) (?:day|days|week|weeks|month|months|use|uses|wash|washes|hour|hours|minutes|charge|charges)\b|\b(?:drains|draining|drained) (?:my |the |your )?(?:phone'?s )?battery\b|\bbattery drain\b|\b(?:started|starts|keeps|kept|began) (?:to )?(?:flicker|overheat|stutter|rattl|crackl)(?:e|s|ing)?\b|\b(?:speakers?|audio|sound|screen|display) (?:\S+ )?(?:crackles?|crackling|flickers|flickering|distorts)\b",
    ),
    r(
        Complaint,
        0.8,
        "drops_out",
        // A connection that drops or dies and a battery that does not last the morning: "the Wi-Fi
        // has dropped during a work call", "internet's been dead for hours", "a £900 phone that
        // needs charging by lunchtime". A rule of its own: `keeps_failing`'s gate is full.
        r"\b(?:wi-?fi|internet|connection|broadband|call|line) (?:has |have |had |just )?(?:dropped|died|cut out|gone down) (?:again|during|mid|in the middle|twice|three times|every)\b|\b(?:internet|wi-?fi|broadband|connection|network|power|phone line)(?:'s| has| have)? been (?:dead|down|out|off) (?:for|since|all|again)\b|\bneeds? (?:charging|recharging|to be (?:re)?charged|plugging in) (?:by (?:lunch(?:time)?|midday|noon|mid-?morning)|twice a day|(?:several|three|four|five) times a day|every (?:few |couple of |\d+ |two |three )?hours?|after (?:an?|one|two|\d+) hours?)\b",
    ),
    r(
        Complaint,
        0.85,
        "cant_cancel",
        // A subscription that will not let go: billed after cancelling, no way to cancel ("keeps
        // charging me after I cancelled", "impossible to cancel online", "won't let me cancel
        // unless I phone", "refuses to stop my direct debit"). Hard to cancel needs its degree
        // ("so hard to cancel"): "not hard to cancel" is praise.
        r"\b(?:keeps?|kept|still|continues? to|continued to) (?:charging|billing|taking (?:money|payments?)|debiting)(?: \S+){0,3}? (?:after|since|even though|despite) (?:i |we |i'?d |we'?d |i have |we have |having )?(?:cancel|unsubscrib|clos|terminat)\S*|\b(?:getting|being|been|was|were|got) (?:billed|charged|debited)(?: \S+){0,4}? (?:after|since) (?:i |we |i'?d |we'?d |having )?(?:cancel|unsubscrib|clos|terminat)\S*|\bcancel(?:l?ed|l?ing)\b[^.!?\n]{0,40}\b(?:took|taken|taking|charged|billed|debited|charging|billing) (?:\S+ ){0,3}?(?:again|anyway|regardless)\b|\bimpossible to (?:cancel|unsubscribe|opt out|close (?:my|the|our) account)\b|\b(?:so|too|really|incredibly|ridiculously|very|impossibly|stupidly|deliberately|unnecessarily|extremely|super|such a (?:pain|faff|nightmare)|made it|make it|makes it) (?:hard|difficult|impossible|complicated)? ?to (?:cancel|unsubscribe|opt out)\b|\bhoops to jump through to (?:cancel|unsubscribe)\b|\bno (?:way|button|option|link) to (?:cancel|unsubscribe)\b|\bcancel\S*[^.!?\n]{0,40}\bno (?:cancel |cancellation |unsubscribe )?(?:button|option|link) (?:anywhere|to be found|in sight)\b|\b(?:won'?t|will not|wouldn'?t|would not|refuses? to|refused to) (?:let (?:me|us) )?(?:cancel|unsubscribe|stop (?:my|the|our) (?:direct debit|subscription|payments?|membership|standing order))\b",
    ),
    r(
        Complaint,
        0.85,
        "renewed_unasked",
        // Renewed, charged or signed up without asking, a free trial that became a charge, a
        // cancel button hidden, unsubscribed and still mailed (a rule of its own: with
        // `cant_cancel`'s alternatives it passed the gate's limit of strings).
        r"\b(?:auto-?renew\S*|renewed|charged|billed|signed (?:me|us) up)(?: \S+){0,4}? without (?:any |a |my |our )?(?:warning|notice|reminder|asking|telling|consent|permission|notification)\b|\bsigned (?:me|us) up (?:for|to)(?: \S+){0,3}? (?:i|we) (?:never|didn'?t|did not) (?:ask|asked|want|wanted|agree|agreed|order|ordered|sign|signed)\b|\bfree trial(?: \S+){0,2}? (?:turned|became|converted|rolled) (?:into )?(?:a |an )?(?:\S+ ){0,2}?(?:charge|payment|subscription|bill|fee)\b|\bhid(?:e|es|den|ing)? the (?:cancel|cancellation|unsubscribe|opt-out) (?:option|button|link|page)\b|\b(?:unsubscribed|opted out)(?: \S+){0,4}? (?:and )?(?:still|yet) (?:get|getting|receive|receiving|keep getting)\b|\b(?:renewed|extended) (?:my|our|the) (?:\S+ )?(?:plan|subscription|membership|contract) (?:\S+ ){0,3}?(?:won'?t|will not|refuse to|refused to|refuses to) refund\b",
    ),
    r(
        Complaint,
        0.8,
        "app_misbehaves",
        // An app or site that throws its user out, hangs or forgets: "the app logged me out
        // again", "checkout kept crashing", "crashed three times today", "stuck on the loading
        // screen", "the page just spins forever", "keeps saying my address is invalid", "my cart
        // keeps emptying itself". Thrown out "of the house" or "of the bar" needs what follows to
        // be a fault's ("again", "mid-order", "of the app"); logged or signed out needs nothing;
        // "keeps crashing" needs the clause to end or go on as a fault's ("I keep crashing my
        // bike" is not the app's). Crashing and failing are faults kept up, not denied: "does
        // not crash anymore" and "stopped crashing" are a fix (`doesnt_work` had read them as
        // complaints).
        r"\b(?:logged|logs|logging|signed|signs|signing) me out\b|\b(?:kicked|kicks|kicking|booted|boots|booting|threw|throws|throwing) me (?:out|off) (?:again|mid|in the middle|halfway|of (?:the |my )?(?:app|game|account|session|checkout|call|meeting|stream|site|website)|every|each|randomly|constantly|for no reason|twice|three times|\d+ times|all the time)|\b(?:kept|keeps|keep|keeping) (?:crashing|freezing|timing out|erroring|glitching|lagging|logging me out|kicking me out|signing me out|asking me to (?:log|sign) ?(?:back )?in|asking for my password|rejecting my (?:card|password|address|payment|code)|emptying|failing|crashes|fails)(?:\s*[.!,;?)]|\s*$|\s+(?:again|on|when|whenever|every|each|at|during|while|after|since|and|so|all|constantly|for|mid|in|now|today|lately|randomly|halfway|before|if|or|but|as|itself|themselves|too|like|non-?stop)\b)|\bcrash(?:ed|es)? (?:twice|(?:two|three|four|five|six|several|multiple|many|\d+) times)\b|\b(?:won'?t|will not|wouldn'?t|doesn'?t|does not|never) stop(?:s)? (?:crashing|freezing|lagging|glitching|buffering)\b|\bstuck (?:on|at|in) (?:the |a |an )?(?:loading|login|log-?in|sign-?in|payment|checkout|splash|spinning|white|black|blank|update|verification) (?:screen|page|wheel)\b|\b(?:spins|spinning|loads|buffers) (?:forever|endlessly|indefinitely)\b|\b(?:says|said|saying|tells me|told me) (?:that )?my (?:address|card|email|e-mail|password|postcode|post code|zip|zip code|zipcode|details|phone number|account) (?:is|are|was|were) (?:invalid|wrong|incorrect|not valid|not recogni[sz]ed|unrecogni[sz]ed|already in use|locked)\b|\b(?:cart|basket) (?:keeps |kept )?(?:emptying|empties|emptied|clearing|clears|cleared)(?: itself)?\b",
    ),
    r(
        Complaint,
        0.8,
        "doesnt_work",
        r"\b(?:does(?:n'?t| not)|did(?:n'?t| not)|wo(?:n'?t| not)|is(?:n'?t| not)|not|stopped|keeps?|still not) (?:work(?:ing|s)?|load(?:ing)?|charg(?:e|ing)|connect(?:ing)?|turn(?:ing)? on|respond(?:ing)?)\b|\bwon'?t let me (?:log ?in|sign ?in|pay|check ?out|order|cancel|access|update|reset)\b|\bnever (?:arrive|arrives|come through|comes through|show up|shows up)\b|\bnot (?:powering|booting|switching) on\b|\b(?:won'?t|will not|doesn'?t|does not) (?:power|boot) (?:on|up)\b|\b(?:none of|no) (?:the |your |my )?(?:\w+ ){0,2}(?:codes?|vouchers?|coupons?|links?|buttons?|cards?) (?:are|is|were|was) working\b|\b(?:buttons?|links?|keys?|remote|switch|settings?|features?|options?|app|update|it) (?:do|does|did) (?:absolutely |literally |just )?nothing\b|\b(?:can|could) barely (?:hear|see|use|load|connect|get)\b|\b(?:won'?t|will not|wouldn'?t|would not|refuses? to|keeps? failing to) (?:print|scan|sync|install|update|download|upload|open|pair|start|boot|save|send)\b|\bnot (?:displaying|syncing|printing|updating|booting|pairing)\b|\b(?:they|these|those|\w+s) (?:do(?:n'?t| not)|did(?:n'?t| not)) (?:work|load|sync|connect|charge)(?:\s*[.!,]|\s*$|\s+(?:at all|anymore|any more|properly|correctly|right|for me|on|with|since|after|either|again|half the time)\b)",
    ),
    r(
        Complaint,
        0.8,
        "no_longer_works",
        // "The remote no longer works", "the video quit working after 10 days", "it quit on me",
        // "no longer holds a charge", "it lasted about 1 1/2 weeks" (months and years can be a
        // fair life: "lasted about 10 years" is praise). Working "at", "for" or "here" is a job
        // ("she no longer works at Lumora", "I quit working there"), so "works" and "quit
        // working" need what follows them to be the end of the clause or words of a fault.
        r"\b(?:no longer|quit|has quit|have quit|ceased to) (?:work(?:s|ed|ing)?|charg(?:es|ed|ing|e)) ?(?:[.!,;:()]|$|(?:after|within|properly|correctly|right|reliably|at all|anymore|any more|with|since|again|completely|altogether|randomly|today|yesterday|last|when|while|and|but|for me|on me|either)\b)|\b(?:no longer|won'?t|doesn'?t) (?:hold|holds) (?:a |any |its )?charge\b|\bno longer (?:connects|turns on|powers on|responds|syncs|pairs|boots|loads|opens|prints)\b|\b(?:it|phone|unit|player|screen|remote|camera|laptop|battery|charger|device|thing) (?:just |then |finally |completely )?(?:quit|gave out|gave up) on (?:me|us)\b|\blasted (?:about|around|roughly|maybe|approximately|like) (?:\S+ ){0,2}?(?:days?|weeks?|hours?|uses?|wash(?:es)?)\b",
    ),
    r(
        Complaint,
        0.75,
        "cant_access",
        // "I can't log in", "can't even see my orders", "couldn't get through to anyone": locked
        // out of what the customer pays for. Seeing, finding or using only with an account's
        // things after it ("can't find a better phone", "can't see why" are not complaints).
        r"\b(?:can'?t|cannot|can not|couldn'?t|unable to|not able to) (?:even )?(?:log ?in|sign ?in|access|get into|get through to|get hold of|contact|cancel|reset|unsubscribe|connect to)\b|\b(?:can'?t|cannot|can not|couldn'?t|unable to|not able to) (?:even )?get past (?:the |this )?(?:log ?in|sign ?in|loading|splash|start|home|first|verification) (?:screen|page)\b|\b(?:can'?t|cannot|can not|couldn'?t|unable to|not able to) (?:even )?(?:see|open|view|find|load|use|update|change|edit|delete|check|track) (?:my|our|the|your) (?:(?:own|new|old|online|latest) )?(?:account|app|orders?|order history|order status|basket|cart|bills?|invoices?|tracking|messages|balance|subscription|plan|profile|password|payment|purchases?|receipts?|settings|website|site|emails?|inbox|booking|reservation|ticket|parcel|package|delivery)\b",
    ),
    r(
        Complaint,
        0.75,
        "update_broke",
        // "The latest update broke everything", "they broke the login"; not "broke the internet"
        // (went viral) nor "broke my heart".
        r"\b(?:update|upgrade|patch|release|version|it|this|that|they|you|you guys) (?:has |have |just |completely |totally )?broke (?:everything|something|it|login|log ?in|sign ?in|(?:my|the|our) (?:\w+ )?(?:app|login|log ?in|sign ?in|account|phone|search|checkout|notifications?|sync|syncing|settings|feed|camera|battery|wi-?fi|bluetooth|widgets?|integrations?|workflow|setup|device|keyboard|playlists?|connection|streaming|audio|sound|display|screen|laptop|tablet|watch|printer|router))\b",
    ),
    r(
        Complaint,
        0.8,
        "ticket_closed",
        // Support that closes the case instead of the problem.
        r"\bclosed (?:my|the|our) (?:support )?(?:ticket|case|complaint|request|chat)\b.{0,40}\b(?:without|never|not|still|unresolved|as (?:resolved|solved|fixed|complete))\b|\bwithout (?:fixing|solving|resolving|answering|addressing|reading|looking at) (?:anything|it|the (?:issue|problem)|my (?:issue|problem|question))\b",
    ),
    r(
        Complaint,
        0.75,
        "repeat_contact",
        // Chasing a company: "had to call them four times", "six emails later and still nothing".
        r"\bhad to (?:call|phone|ring|email|e-mail|message|chat with|contact|chase|visit|go back to) (?:\S+ ){0,4}?(?:\d+|two|three|four|five|six|seven|eight|nine|ten|several|multiple|many|so many|countless|numerous) times\b|\b(?:\d+|three|four|five|six|seven|eight|nine|ten|several|multiple|countless|numerous) (?:calls|phone calls|emails|e-mails|chats|messages|visits) (?:later|and still|to get|just to|before)\b",
    ),
    r(
        Complaint,
        0.8,
        "unclean",
        // Hotel and restaurant hygiene: "found hair in the bathtub", "stains on the sheets",
        // "dirty towels", "a cockroach in the bathroom". Written so that the gate's strings are
        // the hygiene words ("hair", "dirty", "filthy"), not "found" or "room was", which would
        // make the rule a candidate in most reviews.
        r"\b(?:hairs?|cockroach(?:es)?|roach(?:es)?|bed ?bugs?|maggots?|mice|mou?ld) (?:\w+ ){1,2}(?:bath(?:tub)?|shower|sink|bed|sheets?|pillows?|food|soup|salad|plate|pasta|burger|sandwich|room|walls?|carpet|floor|towels?|bathroom|kitchen|ceiling)\b|\bstains? on the (?:sheets|bedding|carpet|towels?|pillows?|duvet|mattress|sofa|couch|curtains)\b|\b(?:dirty|filthy|stained|unclean|grimy|mouldy|moldy|smelly) (?:sheets|bedding|towels?|rooms?|bathrooms?|toilets?|showers?|carpets?|pillows?|plates?|cutlery|glasses)\b|\b(?:was|were|is|are) (?:absolutely |really |so |very |just |completely )?(?:filthy|grimy|mouldy|moldy)\b",
    ),
    r(
        Complaint,
        0.75,
        "not_told",
        // "The pool was closed all week and nobody told us", "no one informed me the flight was
        // moved": what the customer should have been told.
        r"\b(?:nobody|no one|noone|no-one) (?:ever |bothered to |thought to )?(?:told|informed|warned|notified|called|emailed|contacted|let) (?:us|me)\b|\bwithout (?:telling|informing|warning|notifying) (?:us|me|anyone|customers)\b|\b(?:we|i) (?:were|was) never (?:told|informed|warned|notified)\b",
    ),
    r(
        Complaint,
        0.8,
        "broken_item",
        // "Cold", "missing" and "expired" only where said of what came or was served ("the fries
        // came cold", "two items were missing", "sent us expired milk"): alone they had read "a
        // cold beer", "cold brew", "missing you" and "I caught a cold" as complaints.
        r"\b(?:arrived |came )?(?:broken|damaged|defective|faulty|smashed|cracked|stale)\b|\b(?:chargers?|cables?|plugs?|sockets?|adapters?|batter(?:y|ies)|phone|leads?|wires?|ports?|power banks?|controllers?|hair ?dryers?|straighteners?|kettles?|toasters?|heaters?|laptops?)(?:'s)? (?:\S+ ){0,3}?(?:melted|caught fire|burst into flames|scorched)\b|\b(?:melted|scorched) (?:at|by|near|around|inside) the (?:plug|port|socket|connector|cable|charger)\b|\b(?:arrived|came|delivered|served|showed up|turned up|got here|brought (?:it|them|out)|came out) (?:stone |ice |completely |totally |already |still |luke)?cold\b|\b(?:arrived|came|delivered|served|was|were) (?:completely |totally |only )?lukewarm\b|\b(?:food|meal|pizza|fries|chips|soup|burger|coffee|tea|dinner|lunch|breakfast|dish|plate|room|rooms|shower|showers|water|latte|steak|pasta|eggs|toast|rice|noodles|fish|chicken|sandwich|mains?|starters?) (?:was|is|were|are|always|arrived) (?:stone |ice |completely |totally |already |still |luke|always )?cold\b|\b(?:is|was|are|were|went|gone|goes|go|arrived|came) missing\b|\b(?:only|one|main|big|biggest) thing (?:that'?s |that is )?missing\b|\bmissing (?:items?|parts?|pieces?|screws?|accessories|cables?|chargers?|buttons?|from (?:my|the|our) (?:order|box|package|parcel|delivery|bag))\b|\b(?:items?|parts?|pieces?|screws?|cables?|chargers?|half the order|half of (?:my|the|our) order) (?:is |was |are |were )?missing\b|\b(?:already|was|were|arrived|came|sent (?:me|us)|sold (?:me|us)) expired\b|\bexpired (?:food|milk|products?|items?|goods|meds|medicine|yogh?urt|cheese|meat|bread|stock|snacks?)\b|\b(?:overheats|overheating|overheated|keeps overheating)\b|\bthrottl(?:es|ed|ing) (?:my|your|our|the|their) (?:data|speeds?|connection|internet|bandwidth)\b|\bwrong (?:item|order|size|colou?r|product|address)\b|\b(?:they|it|both) (?:leak|leaks|leaked|leaking)\b",
    ),
    r(
        Complaint,
        0.8,
        "served_or_fitted_badly",
        // Food served wrong and a fitting that fails ("my burger was raw in the middle", "the
        // boiler you fitted is leaking already", "seat wouldn't recline", "the screen was dead
        // the whole flight"): a rule of its own, `broken_item` holds as many strings as the gate
        // takes for one rule.
        r"\b(?:food|meal|pizza|burger|steak|chicken|fish|meat|eggs?|rice|pasta|fries|chips|dish|sandwich|wrap)s? (?:was|is|were|are|arrived|came) (?:still |completely |totally |half |basically |practically )?(?:raw|undercooked|burnt|burned|inedible|mou?ldy|rotten|soggy)\b|\b(?:is|are|was|were|started|keeps?|been|now|already) leaking\b|\b(?:wouldn'?t|would not) (?:recline|flush|lock|close|open|turn on|switch on|charge|work)\b|\b(?:screen|display|tv|entertainment system|charger|socket|usb port|outlet|speaker|remote) (?:was|is|were|went) (?:completely |totally )?dead\b",
    ),
    r(
        Complaint,
        0.8,
        "service_slip",
        // A service that failed the customer in a way no fault word says: a room double-booked,
        // a parcel "attempted" while they were in, an agent pasting the same answer, a bag that did
        // not make the flight, being left on read.
        r"\bdouble[- ]?booked\b|\bnowhere to (?:sleep|stay)\b|\b(?:copy[- ]?pasted?|copy and pasted?|pasted) (?:the same|a generic|a scripted|an automated) (?:answer|reply|response|message)\b|\bsame (?:generic |scripted |automated |canned )?(?:answer|reply|response) (?:\w+ )?(?:three|four|five|several|\d+) times\b|\bnobody (?:knocked|rang|buzzed|came)\b|\b(?:i was|we were|i'?ve been|we'?ve been) (?:home|in|at home|in all day|in the whole time) (?:all day|the whole (?:time|day)|all morning|all afternoon)\b|\btried to deliver but\b|\b(?:bag|bags|luggage|suitcase|baggage) (?:didn'?t|did not|never) (?:make it|arrive|turn up|show up|come)\b|\bleft (?:me|us) on read\b|\bpromised (?:by|for|on) (?:\S+ ){1,3}?(?:turned up|arrived|came|showed up|delivered)\b|\b(?:staff|employees?|cashiers?|assistants?|waiters?|waitress|receptionists?|agents?|workers?) (?:just |completely |totally )?ignored (?:me|us)\b",
    ),
    r(
        Complaint,
        0.75,
        "product_let_down",
        // What the product or its policy does to the customer, said without a fault word: "colours
        // washed out compared to the photos", "way too many ads now", "removing my favourite show
        // without any warning" (something done to the customer: not "she comes without a
        // warning"), "what am I supposed to do", "paper-thin walls, could hear the
        // couple next door all night", "not paying £45 for 5G I never get".
        r"\bwashed[- ]out\b|\b(?:nothing like|worse than|not like|compared to) (?:the |in the |on the )?(?:photos?|pictures?|images?|listing|ad)\b|\b(?:way |far |so |too )?too many (?:ads|adverts|advertisements|commercials|pop-?ups|notifications)\b|\b(?:removed|removing|cancell?ed|cancell?ing|charged|charging|changed|changing|raised|raising|closed|closing|cut (?:me |us )?off|disconnected|deleted|deleting|pulled|increased|suspended|blocked|banned|shared|sold|selling) (?:\S+ ){0,4}?without (?:any |prior |a |so much as a )?(?:warning|notice|notification|explanation|consent|permission|asking)\b|\bwhat (?:am i|are we) (?:supposed|meant) to do\b|\bpaper[- ]thin walls\b|\b(?:could|can|cud) hear (?:\S+ ){0,5}?(?:all night|through the walls?|next door)\b|\bnot (?:paying|going to pay|gonna pay) (?:[$£€] ?\d+|\d+ ?(?:dollars|pounds|euros|quid|bucks))",
    ),
    r(
        Complaint,
        0.8,
        "fails_in_use",
        // "Stopped holding a charge after three weeks", "the app constantly disconnects", "pilled
        // after one wash", "started chipping off within a week": a rule of its own, since
        // `keeps_failing` and `poorly_made` hold as many strings as the gate takes for one rule
        // (past it, a rule's strings become " after " and " in ", and it runs on most texts).
        r"\blet(?:s|ting)? (?:the )?(?:water|rain) (?:in|through)\b|\b(?:constantly|randomly|frequently|repeatedly) (?:disconnects|drops|crashes|freezes|restarts|reboots|dies|shuts (?:off|down)|loses (?:connection|signal|pairing))\b|\b(?:constant|non-?stop|endless) (?:buffering|lag|lagging|crashes|crashing|disconnects|disconnections|dropouts|freezing)\b|\b(?:a |has |have |with )(?:a )?dead (?:backlight|pixels?|speakers?|ports?|keys?|buttons?)\b|\b(?:stopped|stops|won'?t|doesn'?t|does not|will not|no longer) (?:holding|hold|holds|taking|take|takes) (?:a )?charge\b|\bbattery (?:went|goes|drops?|dropped|drained?) (?:from \d+ ?%? )?(?:down )?to \d+ ?%? (?:in|within|after)\b|\b(?:pilled|pilling|shrank|shrunk|rusted|chipped|peeled|faded|frayed|started (?:pilling|chipping|peeling|rusting|fading|fraying|cracking|tearing))(?: off| at the (?:corners?|edges?|seams?))? (?:after|within|in|on|by) (?:just |only )?(?:\w+ ){0,2}(?:days?|weeks?|months?|uses?|wash(?:es)?|wears?)\b",
    ),
    r(
        Complaint,
        0.8,
        "not_as_described",
        // "Not as described", "much smaller than in the pictures", "looks nothing like the photos".
        r"\bnot as (?:described|pictured|advertised|shown|listed)\b|\b(?:smaller|bigger|thinner|flimsier|cheaper|lighter|darker|duller|worse) than (?:in |on )?(?:the )?(?:pictures?|photos?|pics|images?|advertised|described|shown|listed|listing|description)\b|\blooks? nothing like (?:the |its |in the )?(?:pictures?|photos?|pics|images?|listing|ad)\b",
    ),
    r(
        Complaint,
        0.75,
        "bad_smell",
        // "Smells like chemicals even after airing it out", "a burning smell when it charges". Not
        // "smells like fresh coffee": the smells named are the ones nobody wants.
        r"\bsmell(?:s|ed)? (?:\w+ )?(?:like|of) (?:chemicals|plastic|smoke|cigarettes|mou?ld|mildew|sewage|burning|burnt|petrol|gas(?:oline)?|rubber|paint|rotten|vinegar|urine|damp|sweat)\b|\b(?:chemical|plastic|burning|burnt|musty|mou?ldy|rotten|sewage|damp|weird|strange|awful|terrible|horrible|foul|nasty) (?:smell|odou?r|stench)\b|\b(?:stinks|stank|reeks|reeked)\b",
    ),
    r(
        Complaint,
        0.7,
        "too_loud_or_hot",
        // "Way too loud, my neighbours complained", "this one runs hot", "gets really hot while
        // charging". Only with a degree before "too" ("far too noisy"), not "it would be too
        // loud": a fear allayed as often as a fault found; and not of size ("she's getting way too
        // big") or heat alone ("way too hot today"), said of people and the weather as often.
        r"\b(?:way|far|much) too (?:loud|noisy|heavy|flimsy|slow|salty|greasy|oily)\b|\b(?:runs?|running|ran) (?:really |very |super |so |too )?hot\b|\b(?:gets?|getting|got) (?:really |very |super |extremely |so |way too |too )?(?:hot|warm) (?:while|when|during) (?:charging|in use|gaming|playing|use|streaming)\b",
    ),
    r(
        Complaint,
        0.75,
        "not_what_ordered",
        // "Ordered a large, got a small", "I ordered the salmon but was served the chicken": what
        // came is set against what was ordered. Not "ordered on Monday, got it Tuesday" (an article
        // or a number opens both sides) nor "ordered a pizza and got a free drink" (a comma or
        // "but" sets them against each other).
        r"\bordered (?:an?|the|one|two|three|\d+) (?:\S+ ){0,2}?\S+, (?:got|received|(?:was|were|got) (?:sent|served|given|brought)|they sent(?: me| us)?|came with) (?:an?|the|one|two|three|\d+|half|only|just|some)\b|\bordered (?:\S+ ){1,4}?but (?:got|received|(?:was|were|got) (?:sent|served|given|brought)|they sent(?: me| us)?) (?:an?|the|one|two|three|\d+|half|only|just|some|something|someone)\b",
    ),
    r(
        Complaint,
        0.8,
        "charged",
        // "Hidden fees" said of a company, not "no hidden fees" (praise).
        r"\b(?:fees?|charges?|surcharges?) even (?:if|though|when|after) (?:you|i|we|they) (?:\S+ )?(?:opted out|opt out|cancell?ed|unsubscribed|said no|declined|paid)\b|\b(?:overcharged|double[- ]charged|charged (?:me )?twice|charged me|billing error|(?:still |been |kept |keep |keeps )?(?:charging|charged|billing|billed) (?:me|us|my card) (?:\S+ ){0,6}?(?:i|we) (?:had |have |already )?cancell?ed|(?:took|taken|debited|billed) (?:the |my |our )?(?:money|payment|me|us)? ?twice)\b|\b(?:charged|billed|hit with) (?:me )?(?:a|an) (?:\w+ )?fee (?:i|we) (?:was|were) never told\b|\b(?:i|we) (?:was|were) never told about\b|(?:^|\b(?:the|their|its|your|with|of|all|these|those|sneaky|so many|more|and|plus|added|extra|full of|lots of|many) )hidden (?:fees?|charges?|costs?)\b",
    ),
    r(
        Complaint,
        0.8,
        "on_hold",
        r"\b(?:on hold|(?:no|zero) (?:response|reply|answer|help|signal|service|wifi|internet|update)|(?:(?:no|zero) one|nobody|noone|no-one) (?:\S+ )?(?:answer|respond|repl|pick|got back|gets back|get back|call(?:ed|s)? (?:me |us |you )?back|help|came (?:out|to|back|round|over)|show(?:ed|s)? up|turn(?:ed|s)? up|contact|follow(?:ed|s)? up|bother(?:ed|s)? to|seems to (?:know|care|help)|available|at the (?:desk|counter|store|shop|reception|front|branch)|on the (?:phone|line)|cares|could help|can help|was able to help|(?:could|can|would|will) (?:even )?tell (?:me|us)|to (?:help|talk to|speak to)|from (?:the |your |their )?(?:store|shop|support|team|company|customer service))\S*|hung up|disconnected|(?:closed|ended|shut|terminated) (?:the |our )?(?:chat|conversation|call|ticket|case) on (?:me|us)|(?:sen[dt](?:ing)?|send|bounc(?:ed|ing)|pass(?:ed|ing)|push(?:ed|ing)|talk(?:ed|ing)) (?:me|us) (?:round |around |back and forth )?in circles|(?:going|went|go|gone|been) (?:round |around )?in circles|(?:the|a|this) run-?around)\b|\bnever (?:answers?|responds?|replies|reply|gets? back to|calls? back|picks? up)\b|\bghost(?:ed|ing|s)? (?:me|us|you|customers|their customers)\b|\b(?:loops?|looped|looping|sends?|sent|keeps? sending|redirects?|redirected) (?:me|us) (?:straight )?(?:back )?to (?:the |a )?(?:faq|help|same|start|home) (?:page|screen|menu)\b|\bchat ?bot\b[^.!?\n]{0,30}\b(?:useless|loops?|no help|can'?t help|doesn'?t understand|goes in circles)\b|\b(?:keeps?|kept) (?:saying|telling (?:me|us)) (?:that )?(?:\S+ ){0,4}?[\x22“']?(?:has been|was|is|have been) (?:processed|sent|shipped|dispatched|resolved|fixed|refunded)\b[^.!?\n]{0,40}\bbut\b|\b(?:is|will|does|can) (?:anyone|anybody|someone|somebody)(?: \S+){0,4}? (?:actually |ever |even |please )?(?:going to |gonna )?(?:answer|reply to|respond to|get back to|call me back|pick up)\b[^.!?\n]*\?",
    ),
    r(
        Complaint,
        0.8,
        "cant_answer",
        // "a company this big can't answer a single email in a fortnight": `on_hold`'s own
        // alternatives already fill its gate.
        r"\b(?:can'?t|cannot|couldn'?t|won'?t) (?:even )?(?:answer|reply to|respond to) (?:a single|one|my|an?|any) (?:\S+ )?(?:e-?mails?|messages?|calls?|questions?|dms?|tickets?|complaints?)\b|\b(?:\d+|an?|one|two|three|four|five|ten|twenty|thirty|forty|fifty|sixty|ninety)[- ]?(?:minutes?|mins?|hours?|hrs?) (?:hold|phone queue)\b|\b(?:kept|keeps?) (?:sending|giving|pasting|linking) (?:me|us) (?:to )?(?:the same|a|an|the) (?:faq|help|link|article|canned|automated|generic)\b",
    ),
    r(
        Complaint,
        0.75,
        "why_is",
        // "so" is a complaint's degree ("why is it so slow"), not a count ("why do so many
        // people like it"): "so" followed by "man…" does not count.
        r"\bwhy (?:is|does|do|did|are|can'?t|won'?t|isn'?t|doesn'?t|hasn'?t|would) .{0,60}\b(?:(?:not|never|still|always|no|again|keep|down)\b|so (?:[^m\s]|m[^a\s]|ma[^n\s])[^\s?!.,]*)|\bwhy (?:won'?t|wont|doesn'?t|does not|can'?t|isn'?t|will not) (?:\S+ ){0,3}?(?:accept|work|load|let me|take my|go through|process|open|connect|show|update|respond|answer|refund|deliver)\b[^.!?\n]*\?|\bwhy (?:does|do|did|is|are) (?:\S+ ){1,3}?(?:charg(?:e|ing)|cost(?:ing)?|rais(?:e|ing)|put(?:ting)? up|increas(?:e|ing)) (?:[$£€]|\d|so|that|more|extra|me|us|my|for|just)[^.!?\n]*\?",
    ),
    r(
        Complaint,
        0.75,
        "fix_it",
        r"\b(?:fix (?:it|this|your|the)|sort (?:it|this) out|get your act together|do better|step up your)\b",
    ),
    r(
        Complaint,
        0.75,
        "time_lapse",
        // "Been 6 weeks." closing a post about a refund or an order: the wait is the complaint.
        // "3 days without internet" is one, "30 days without a cigarette!" a milestone: without
        // what a supplier gives.
        r"\b(?:\d+|two|three|four|five|six|several|many) (?:hours|days|weeks|months) (?:later|now|and still|of waiting|on hold|to get)\b|\b(?:\d+|two|three|four|five|six|several|many) (?:hours|days|weeks|months) without (?:a |any |my |our )?(?:reply|response|answer|refund|update|internet|wi-?fi|power|electricity|heating|heat|hot water|water|gas|service|signal|phone (?:service|line)|landline|tv|broadband|connection|delivery|order|parcel|package|money|word|news|help|contact|a working)\b|\b(?:\d+|two|three|four|five|six|several|many) (?:days|weeks|months) and (?:still )?(?:nothing|no (?:reply|response|answer|refund|order|parcel|package|delivery|update|word|sign|news))\b|(?:^|[.!?]\s+)(?:it'?s |it has )?been (?:over |nearly |almost )?(?:\d+|two|three|four|five|six|seven|eight|nine|ten|several|many) (?:days|weeks|months)(?: now)?\s*(?:[.!?]+|$)|\btook (?:them|you|you guys|y'all|him|her|it) long enough\b|\btook (?:over |nearly |almost |about |more than )?(?:[4-9]\d|\d{3}|two|three|four|five|six|several) (?:minutes|mins|hours|hrs|days|weeks) (?:to|before it) (?:arrive|get here|come|turn up|show up|be delivered|deliver|respond|reply|answer|process|refund|get through)\b|\b(?:it'?s|it has) been (?:over |nearly |almost |more than )?(?:\d+|two|three|four|five|six|seven|eight|nine|ten|several|many) (?:working |business )?(?:days|weeks|months) since (?:you|they|i|we)\b",
    ),
    r(
        Complaint,
        0.8,
        "payment_failed",
        r"\b(?:payment|transaction|checkout) (?:failed|keeps failing|didn'?t go through|was declined|declined|rejected)\b|\b(?:rejected|declined|refused) my (?:card|payment)\b|\b(?:my |the )?(?:card|payment) (?:was |is |keeps |kept |got |gets |being |getting |keeps getting |keeps being )+declined\b|\b(?:promo |discount |voucher |coupon )?(?:code|coupon|voucher)(?: \S+)? (?:isn'?t|is not|won'?t|wont|doesn'?t|does not|didn'?t|did not|not|never) (?:applying|apply|work|working)\b|\bcharged (?:me |my (?:card|account|credit card|debit card|paypal) |us )?(?:twice|two times|double)\b|\bdouble[- ]charged\b|\b(?:won'?t|doesn'?t|didn'?t|wouldn'?t|will not|does not|did not|would not|can'?t|couldn'?t|refuses? to|refused to|keeps? refusing to) (?:accept|take|process) (?:my|the|any) (?:card|cards|payment|credit card|debit card|coupon|code|voucher|promo code|discount code|gift card|paypal|amex|visa|mastercard|apple pay|google pay|klarna|postcode|post code|zip ?code|address)\b|\b(?:order|payment|transaction|booking) (?:never|didn'?t|did not|hasn'?t|has not|won'?t) (?:went|go|gone) through|\b(?:couldn'?t|could not|can'?t|cannot|unable to) (?:place|complete|finish) (?:the|my|an|our) (?:order|booking|purchase)\b",
    ),
    r(
        Complaint,
        0.75,
        "stuck_in_processing",
        r#"\bstuck (?:in|on|at) (?:processing|pending|transit|customs|shipping|the warehouse|preparing|pre-?transit|verification|review)\b|\b(?:pending|processing|in transit)['"’]? for (?:over |more than |almost |nearly )?(?:(?:[5-9]|\d\d+|five|six|seven|eight|nine|ten|eleven|twelve|fifteen|twenty|several) (?:\w+ )?days|(?:\d+|a|one|two|three|four|five|several|a couple of|a few) (?:\w+ )?(?:weeks?|months?))\b|\btracking (?:still )?(?:hasn'?t|has not|hasnt|hadn'?t|not|never|isn'?t|doesn'?t) (?:been )?(?:updated|update|updating|moved|changed)\b|\bno tracking updates?\b|\bstill (?:says|saying|shows|showing|stuck on|on) (?:processing|pending|preparing|being prepared|order placed|awaiting dispatch|label created)\b|\b(?:said|says|shown|showed|shows|been on|sat on|sitting on|stuck on) ['"“]?(?:out for delivery|in transit|processing|pending|dispatched|awaiting dispatch)['"”]? (?:since|for (?:over |more than )?(?:\d+|two|three|four|five|six|several|a few) (?:days|weeks))\b"#,
    ),
    r(
        Complaint,
        0.75,
        "arrived_damaged",
        r"\barrived (?:damaged|broken|crushed|soaked|wet|opened|smashed|dented|late|empty)\b|\barrived (?:with|missing) (?:a |an |the |one |two |some |its |it'?s )?(?:\S+ )?(?:ripped|torn|broken|cracked|dented|smashed|scratched|stained|damaged|bent|chipped|snapped|leaking|scuffed|crushed)\b|\bleft (?:my|the|our) (?:\w+ )?(?:parcel|package|box|delivery|order) (?:outside|in the rain|in the snow|at the wrong|on the street|in the bin|over the fence)\b|\b(?:box|package|parcel) (?:was |is |arrived |came )?(?:soaked|crushed|smashed|ripped open|torn open|wet through|dented)\b|\b(?:threw|thrown|throws|tossed|chucked|dumped|flung|hurled) (?:my|the|our) (?:\w+ )?(?:parcel|package|box|delivery|order)\b|\bmarked (?:it |as |it as )?delivered\b",
    ),
    r(
        Complaint,
        0.75,
        "overpriced",
        // "Prices went up 30% overnight", "another price increase": the price moved against the
        // customer (not "prices went down").
        r"\b(?:too expensive|overpriced|rip[- ]?off|price (?:hike|gouging)|restocking fees?|used to be (?:free|cheaper|included)|\d+ ?(?:%|percent) (?:higher|more|up) (?:than|on|from) (?:last|the last|the previous|previous)|(?:raised|hiked|doubled|upped) (?:the|their|its|our|my) (?:prices?|fees?|rates?|bill|bills|tariff|subscription|premium))\b|\b(?:prices?|fees?|rates?|bill|subscription|premium) (?:just |suddenly |quietly |already )?(?:went|gone|has gone|have gone|keeps? going|kept going|is going|are going|shot|jumped) up\b|\b(?:another|yet another|a second|a new) price (?:increase|rise|hike)\b|(?:^|\s)(?:[$£€] ?\d+(?:[.,]\d+)?|\d+(?:[.,]\d+)? ?(?:dollars|pounds|euros|quid|bucks)) (?:more|extra) (?:a|per|every|each) (?:month|year|week)\b|\b(?:bill|bills|premium|subscription|price|prices|fees?) (?:\w+ )?(?:go|went|gone|going) up (?:by )?(?:[$£€] ?\d|\d+ ?(?:%|percent|dollars|pounds|euros|quid|bucks))|\b(?:bill|prices?|fees?|rates?|premium|subscription) (?:has |have |just |suddenly |nearly |almost )?(?:doubled|tripled|skyrocketed)\b|\b(?:prices?|fees?|rates?|bills?|subscription) (?:are |is |keep |keeps |just |have been |has been )?(?:creeping up|crept up|rising|going up again|increasing|increased again)\b",
    ),
    r(
        Complaint,
        0.75,
        "price_put_up",
        // "Put my bill up by £8 a month", "they've jacked up the prices again": a rise the
        // customer was given (its own rule: `overpriced` has no room left in its gate).
        r"\b(?:put|puts|putting|bumped|bumping|jacked|jacking) (?:my|our|the|their|its) (?:prices?|fees?|rates?|bills?|tariffs?|subscription|premium|monthly (?:bill|payment|price|fee|charge)) up\b|\b(?:jacked|jacking|bumped|bumping|hiked|hiking) up (?:my|our|the|their|its) (?:prices?|fees?|rates?|bills?|tariffs?|subscription|premium)\b",
    ),
    r(
        Complaint,
        0.75,
        "having_issues",
        // "Anyone else having issues with the app?", "I keep having problems with", "keeps
        // logging me out", "is trash"; the writer's own trouble, not "having no issues with" or
        // "some people have had trouble with theirs, mine has run well".
        r"\b(?:i'?m|i am|we'?re|we are|i'?ve been|we'?ve been|i'?ve|we'?ve|i|we|i keep|we keep|still|constantly|anyone else|everyone else) (?:always |constantly |still |now |also |just |really |been )?(?:having|had|have|getting|experiencing|running into|ran into) (?:(?:some|a few|major|serious|big|constant|the same|similar|real|so many|many|lots of|a lot of|endless|nothing but) )?(?:issues|problems|trouble|difficulties) (?:with|logging|signing|connecting|paying|checking|using|getting)\b|\banyone else (?:having|getting|experiencing|seeing|had|get)\b|\bkeeps? (?:logging|signing|kicking|booting|throwing) (?:me )?out\b|\b(?:logs?|signs?|kicks?|boots?) me out (?:every|all the time|constantly|randomly|again|twice|daily)\b|\bkeeps? (?:freezing|dropping|disconnecting|restarting|rebooting|glitching|lagging|buffering)\b|\b(?:is|are|was|were|'s|so) (?:absolute |complete |total |pure |hot |straight )?(?:trash|garbage|junk|rubbish)\b",
    ),
    r(
        Complaint,
        0.75,
        "poorly_made",
        r"\b(?:poorly|cheaply|badly) made\b|\bis (?:it|this|that) normal (?:for|that|when)\b[^.!?\n]*\b(?:leak|break|crack|die|stop(?:s|ped)? working|overheat|smell|peel|rip|tear|fail|flicker|buzz|rattle|fall(?:s|ing)? apart)\w*|\blasted (?:a whole|all of|only|just|barely|less than) (?:\w+ ){0,2}(?:days?|weeks?|months?|hours?|uses?|wash(?:es)?)\b|\bbattery (?:now |only |barely |hardly |doesn'?t even |does not even )+last(?:s|ed)?\b|\b(?:came|coming|comes|fell|falls|falling) apart\b|\b(?:gone|went|going|has gone|have gone) (?:\w+ )?downhill\b|\b(?:broke|breaks|stopped working|stop working|stops working|fell apart|fall apart|died|die|dies|ripped|tore|cracked|peeled|faded|unravell?ed|frayed|snapped|split|came undone|gave out) (?:after|within|in|on|by) (?:just |only )?(?:\w+ ){0,2}(?:days?|weeks?|months?|hours?|uses?|wash(?:es)?|wears?|day (?:\d+|one|two|three|four|five)|the (?:first|second) (?:day|night|use|wash|trip))\b",
    ),
    r(
        Complaint,
        0.75,
        "parts_fail",
        // A part that snaps, a coating that peels, soaked in minutes, a fault that never stops
        // ("the zip on my jacket snapped", "the coating peels off", "it disconnects constantly").
        // Its own rule so that `poorly_made`, a candidate on common words, stays cheap.
        r"\b(?:zip|zipper|strap|handle|buckle|button|heel|lid|hinge|clasp|clip|cable|stitching|seams?)(?: \S+){0,4}? (?:snapped|broke|split|came off|fell off|ripped|tore)\b|\b(?:soaked|drenched|wet through|leaked) (?:in|within|after) (?:just |only )?(?:\S+ ){0,2}(?:minutes?|hours?|days?)\b|\b(?:coating|paint|finish|soles?|print|lettering|logo|leather|plating|veneer|laminate|surface|non-?stick|stitching|seams?) (?:\S+ )?(?:peels?|peeling|peeled|flakes?|flaking|flaked|chips?|chipping|chipped|comes? off|came off|coming off|coming apart|came apart|comes? apart|unravel(?:s|led|ing)?)\b|\b(?:disconnects|drops out|cuts out|crashes|freezes|restarts|reboots|shuts off|turns off|flickers|buzzes|beeps|lags|stutters|buffers|overheats) (?:constantly|all the time|every (?:\S+ )?(?:day|hour|night|time|few minutes)|randomly|non-?stop|repeatedly|at random)\b",
    ),
    r(
        Complaint,
        0.8,
        "outage",
        // "Signal is dead again in my area", "the app is unusable", "crashed again", "been without
        // power since 6am".
        // "Went down" is said of a service ("the site went down"), not of prices.
        r"(?:^|[.!?]\s*|\b(?:is|was|it'?s|are|were|site|app|service|servers?|network|website|wi-?fi|internet|signal|system|phones?|lines?)\s+)down again\b|\bdown for (?:anyone|anybody|everyone|everybody) else\b|\b(?:is|are) (?:the |their |your )?(?:\S+ ){0,2}?(?:site|website|app|servers?|network|service|internet|checkout|wi-?fi) down\s*\?|\b(?:outage|is down|(?:site|app|server|servers|service|network|website|system|platform|api|internet|wi-?fi|it|everything|checkout|payments?|the whole thing) (?:just |completely |totally )?went down|keeps crashing|error message|glitch(?:y|es)?|bug(?:gy)?|not loading)\b|\b(?:has been|have been|'s been|went|is|are) down (?:all (?:day|night|morning|afternoon|evening|week|weekend)|for (?:\w+ ){0,2}(?:hours?|days?)|since (?:this morning|last night|yesterday|\d))|\b(?:signal|reception|wi-?fi|internet|network|service|connection|app|site|website|server|servers) (?:is |was |went |keeps |has been |'s )?(?:(?:completely|totally|still|constantly|basically) )?(?:dead|offline|unusable)\b|\b(?:dead|offline|broken|crashing|crashed|freezing|froze|not working) again\b|\b(?:signal|reception|connection|calls?|wi-?fi|internet|network|data) (?:keeps |keep |is |are |has been |have been |constantly |always )*(?:dropping|cutting out|dropping out)\b|\b(?:we|i) (?:still )?(?:don'?t|do not|can'?t|cannot) (?:have|get) (?:any )?(?:power|electricity|signal|internet|wi-?fi|network|coverage|reception)\b|\b(?:been|still|now|left|are|am|we'?re|i'?m) without (?:any )?(?:power|electricity|internet|wi-?fi|water|heating|heat|hot water|gas|signal|broadband|phone service|service)\b",
    ),
    r(
        Complaint,
        0.75,
        "frozen_or_dead",
        // "The page just froze", "the signal at home is non-existent", "tech support is literally
        // nonexistent": its own rule so that
        // `outage` stays as cheap as it was.
        r"\b(?:page|app|site|website|screen|checkout|cart|payment page) (?:just |completely |then |always |keeps )?(?:froze|freezes|freezing|hung|hangs)\b|\b(?:signal|reception|coverage|wi-?fi|internet|broadband|support|service|help|communication|aftercare)(?: \S+){0,3}? (?:is|was|are|has been) (?:basically |practically |completely |totally |virtually |literally |pretty much )?(?:[-–—] )?(?:non-?existent|non existent|useless|unusable|a joke)\b",
    ),
    r(
        Complaint,
        0.8,
        "bricked",
        // "The new firmware bricked my lamp", "it's now an expensive paperweight".
        r"\b(?:bricked|(?:now|just|basically) an? (?:expensive |£\d+ |\$\d+ )?(?:brick|paperweight))\b",
    ),
    r(
        Complaint,
        0.8,
        "wont_even",
        // "It won't even connect to my lamp", "the app doesn't even open any more".
        r"\b(?:won'?t|wont|doesn'?t|does not|will not|didn'?t|can'?t) (?:even |ever )(?:connect|pair|sync|turn on|switch on|power on|charge|load|open|start|boot|work)\b",
    ),
    r(
        Complaint,
        0.75,
        "app_is_clunky",
        // "I expected more from Lumora", "the app is clunky", "their site is so buggy", "the app
        // is flaky".
        r"\b(?:i|we) (?:honestly |really |definitely )?expected (?:more|better|much more|a lot more) (?:from|of)\b|\b(?:app|site|website|interface|ui|software|firmware|update|checkout|layout|design|navigation|menu|redesign)(?:'s| is| was| has been| feels)(?: (?:so|really|very|super|incredibly|still|just))? (?:clunky|buggy|glitchy|laggy|flaky|unresponsive|sluggish|unusable|confusing|unintuitive|a mess|a nightmare|a disaster)\b|\b(?:full of|riddled with|nothing but|bombarded with|spammed with) (?:\w+ )?(?:ads|adverts|advertisements|pop-?ups)\b|\bads (?:every|after every) (?:\w+ )?(?:taps?|clicks?|seconds?|minutes?|swipes?|songs?|videos?)\b|\b(?:update|upgrade|patch|firmware) (?:has |just )?(?:made|makes|left) (?:\S+ ){1,3}?(?:so |really |very |super )?(?:laggy|sluggish|glitchy|buggy|unusable|blurry|slow)\b",
    ),
    r(
        Complaint,
        0.8,
        "login_loop",
        // "The page just loops back to the login screen", "stuck in a login loop".
        r"\b(?:page|app|site|website|screen|login) (?:just |only |keeps? |then )?(?:loops?|looping|redirects?|redirecting|bounces?) (?:me |us )?(?:straight )?back to\b|\bstuck in an? (?:\S+ )?loop\b",
    ),
    r(
        Complaint,
        0.8,
        "damaged_by_crew",
        // Damage done by the people who brought or fitted it: "the courier dented the fridge
        // door", "the delivery guys scratched our floor", "the installer cracked a tile".
        r"\b(?:couriers?|delivery (?:guys?|man|men|drivers?|crew|team|people)|movers|removal men|fitters?|installers?|engineers?|technicians?|postman|postie)(?: had| have| has)? (?:\S+ )?(?:dented|scratched|damaged|broke|smashed|dropped|cracked|scuffed|gouged|chipped|ripped|tore|bent)\b|\b(?:parcels?|packages?|deliver(?:y|ies)|boxe?s?|orders?|shopping) (?:was |were |got |had been |been |just )?(?:left|dumped|thrown|chucked|dropped) (?:out |outside )?(?:in|on) the (?:rain|snow|street|road|pavement|bins?|hedge|bushes|gutter)\b",
    ),
    r(
        Complaint,
        0.8,
        "price_robbery",
        // "Roaming charges are daylight robbery", "a fake sale, the 'was' prices were never real",
        // "they throttle you after 20GB".
        // "£4.99 delivery fee on a £6 order is taking the mick".
        r"\b(?:daylight|highway) robbery\b|(?:[$£€] ?\d|\b(?:prices?|fees?|charges?|costs?|bills?|tariffs?)\b)[^.!?\n]{0,40} (?:is|are) (?:\S+ )?(?:taking the (?:mick|mickey|michael|piss)|having a laugh)\b|\bfake (?:sale|discounts?|deals?|offers?|reviews?)\b|\bprices? (?:were|was) never real\b|\bthrottl(?:e|es|ed|ing) (?:you|me|us|my|your|our|the speed)\b|\b(?:fees?|charges?|surcharges?) (?:that )?(?:was|were) never (?:mentioned|disclosed)\b|\bhidden (?:fees?|charges?|costs?)\b",
    ),
    r(
        Complaint,
        0.7,
        "explain_why",
        // A rhetorical demand: "Can someone explain why Fernway needs my date of birth to buy a
        // cushion?".
        r"\b(?:can|could) (?:someone|anyone|somebody|anybody|you) (?:please )?explain (?:to me )?why\b",
    ),
    r(
        Complaint,
        0.8,
        "keeps_cancelling",
        // "Fernway keeps cancelling my orders", "they keep losing my parcels", "keeps charging me".
        // What is cancelled is an order, a booking, a card ("she keeps cancelling our plans" is
        // a friend).
        r"\b(?:keeps?|kept) (?:on )?(?:cancell?ing|refusing|rejecting|declining|losing|ignoring|blocking|delaying|messing up|screwing up) (?:my|our|the) (?:\w+ )?(?:orders?|bookings?|flights?|deliver(?:y|ies)|appointments?|reservations?|parcels?|packages?|payments?|cards?|subscriptions?|accounts?|refunds?|claims?|tickets?|e-?mails?|calls?|returns?|requests?|complaints?)\b|\b(?:keeps?|kept) (?:on )?(?:overcharging|charging|double charging) (?:me|us)\b|\b(?:keeps?|kept) (?:on )?sending (?:me |us )?the wrong\b",
    ),
    r(
        Complaint,
        0.8,
        "quality_is_poor",
        // "The build quality is shocking for the price", "the materials feel cheap".
        r"\b(?:build quality|quality|craftsmanship|finish|materials?|construction|workmanship|stitching)(?: \S+){0,2}? (?:is|was|are|were|feels?|felt|seems?) (?:absolutely |just |really |so |pretty |very |quite )?(?:shocking|appalling|atrocious|abysmal|dire|rubbish|poor|terrible|awful|shoddy|cheap|flimsy|crap|horrible|lacking|subpar|sub-par)\b",
    ),
    r(
        Complaint,
        0.75,
        "coverage_is_dire",
        // "Their coverage in Leeds is dire", "the signal here is shocking": `frozen_or_dead`'s
        // judgement of a network in more words, a rule of its own so that the gate looks for the
        // network's words (with them in `frozen_or_dead`, its gate strings became " is ", " are ").
        r"\b(?:signal|reception|coverage|internet|broadband)(?: \S+){0,3}? (?:is|was|are|has been) (?:absolutely |just |really |so )?(?:dire|shocking|appalling|atrocious|horrendous|rubbish|patchy|spotty|abysmal|diabolical)\b",
    ),
    r(
        Complaint,
        0.75,
        "too_slow",
        // "Fernway's website is so slow", "the app has been painfully slow all week", "it's so
        // slow"; a bare "slow" is no complaint ("slow cooker", "a slow, relaxing morning").
        r"\b(?:website|web ?site|site|app|page|checkout|internet|broadband|wi-?fi|connection|network|service|support|delivery|shipping|refund|response|customer service)(?:'s| is| was| are| were| has been| have been| keeps being| gets| got)(?: (?:always|still|now|getting|become|becoming))? (?:so |really |very |painfully |incredibly |unbearably |ridiculously |super |way too |too |extremely |insanely |annoyingly |impossibly )?(?:slow|sluggish|laggy)\b|\b(?:it|this)(?:'s| is| was| has been) (?:so|really|very|painfully|incredibly|unbearably|ridiculously|super|way too|too|extremely|insanely) (?:slow|sluggish|laggy)\b|\b(?:painfully|unbearably|ridiculously|insanely|annoyingly|impossibly) (?:slow|sluggish|laggy)\b",
    ),
    r(
        Complaint,
        0.7,
        SARCASTIC_WISH,
        // Sarcasm about service: "good luck getting a refund out of them", "good luck reaching
        // anyone at support". "Good luck with the move" is a wish.
        r"\bgood luck (?:ever )?(?:getting|trying to|reaching|contacting|talking to|finding (?:anyone|someone|a human)|speaking to)\b",
    ),
    r(
        Complaint,
        0.85,
        SARCASTIC_VERDICT,
        // A post that reports trouble and ends on a lone word of praise ("Spent 45 minutes on hold
        // only to be cut off. Brilliant.", "Parcel lost again. Great job.", "my screen went green
        // after the latest update. great job"): the praise is the
        // verdict on the trouble, said sarcastically. A contrast in between ("arrived late but in
        // perfect condition. Great.") is a real verdict (see `detect_with_requests`).
        r"\b(?:cut off|hung up(?: on)?|on hold|went (?:green|black|blank|dead|white|purple|pink|dark)|bricked|died|froze|frozen|(?:got|was|were|been|is|has been) cancell?ed|cancell?ed (?:my|our|the) (?:flight|order|train|booking|appointment|delivery)|crashed|crashing|(?:'s|is|was|went|goes|are|been) down|broke (?:again|down)|broken again|still (?:waiting|no|not|nothing|broken|down)|no (?:reply|response|refund|signal|service|answer|update|show)s?|never (?:arrived|came|turned up|showed up)|not (?:working|delivered|arrived|fixed|refunded)|lasted (?:a whole|all of|only|just|barely)|delayed|overcharged|charged twice|ignored|calls? dropped|dropped (?:my |the )?calls?|wait (?:another |a further )?(?:\d+|two|three|four|five|six|seven|several) (?:more )?(?:hours|days|weeks|working days|business days))\b[^.!?\n]{0,40}[.!]+\s+(?:oh |just |well |simply |absolutely |how |so )?(?:brilliant|great|fantastic|perfect|lovely|wonderful|terrific|awesome|marvell?ous|superb|amazing|excellent|impressive|legend|nice one|great job|good job|well done)(?: (?:service|stuff|work|customer service|job|one))?(?:,? @?\w+(?: \w+)?)?(?:\s*[.!…]+)?(?:\s*[#@]\S+)*\s*$",
    ),
    r(
        Complaint,
        0.7,
        "negative_experience",
        r"\bhow (?:is|are) (?:\S+ ){1,3}?still (?:allowed|in business|operating|getting away)\b|\b(?:this|that) is how (?:you|they) treat (?:me|us|your|their|loyal|long|paying)\b|\b(?:terrible|horrible|awful|worst|ridiculous|unacceptable|disgusting|pathetic|appalling|useless|misleading|a nightmare|disappointed|disappointing|frustrat(?:ed|ing)|annoying|infuriating|maddening|fed up|sick of|tired of|discriminat(?:e|es|ed|ing) against|(?:is|are|was|were) (?:even |way |much |far |so much )?worse than|(?:^|\s)<{1,3} ?(?:literally )?(?:every|any|all) other\b|shameful|a joke|(?:is|are|was|'s) (?:a |an absolute |a complete |a total )?black hole|hit (?:or|and) miss|absurd|rude|incompetent|poor service|bad service|lousy|unhelpful|not (?:very |at all |remotely )?helpful|(?:is|was|are|were) (?:a )?(?:total |complete |absolute |hot )?mess|for the (?:\d+(?:st|nd|rd|th)|third|fourth|fifth|sixth|seventh|umpteenth|hundredth|millionth) time|(?:gotten|got|getting|gone|become|became) (?:so |way |much |a lot |even |noticeably |really )?worse|(?:gotten|become|became) (?:so |really |pretty |super |very |incredibly |ridiculously )?(?:bad|terrible|awful|slow|unreliable|patchy|spotty|useless))\b",
    ),
    // Sarcasm: positive words aimed at a negative situation (Riloff et al., 2013, "Sarcasm as
    // contrast between a positive sentiment and negative situation"). Kept narrow: the situation
    // must be what the praise is about ("love waiting in line", "thanks for ignoring me"), or
    // follow a sentence-opening "Great," in the same sentence ("Great, it dropped my call again").
    // "Thanks for waiting" is what service accounts say to customers, so it is not a situation
    // after "thanks". When it fires, overlapping praise is cancelled and the positive words in its
    // span are inverted in the sentiment (shown as `+sarcasm`). Its confidence is above every
    // other complaint rule's, so that it wins the one-signal-per-kind merge and stays visible (and
    // the sentiment can be corrected) when "on hold" or "still waiting" fire too.
    r(
        Complaint,
        0.9,
        SARCASM,
        concat!(
            r"\b(?:gotta|got to|(?:i|we|just|don'?t you just|(?:i|we) (?:just|really|absolutely|sure)) )?(?:love|loving|adore|enjoy) (?:",
            r"waiting (?:in|on|at|around|outside|\d|for (?:over|almost|an?|\d)|forever|hours|all)",
            r"|being (?:ignored|put on hold|overcharged|charged twice|lied to|hung up on|stuck|delayed|left)",
            r"|getting (?:ignored|overcharged|charged twice|stuck|delayed|cancell?ed|no\b)",
            r"|sitting (?:on hold|in traffic|here waiting)|paying (?:extra|more) for",
            r"|how (?:the |your |their |my |this |that )?\S+ (?:\S+ ){0,2}?(?:logs? (?:me|you|us) out|crash(?:es)?|freezes|keeps (?:crashing|freezing|dropping|logging)|empties|deletes|loses|cancels|charges (?:me|you|us) twice|never (?:works|arrives|answers))",
            r"|spending (?:\w+ )?(?:hours|an hour|all day|my day)",
            r"|taking (?:\S+ ){0,4}?in for (?:repairs?|recalls?|service)",
            r"|(?:\S+ )?when (?:\S+ ){1,3}(?:breaks|crashes|dies|stops working|goes down|is late|gets cancell?ed|drops|loses|cancels)",
            r")",
            r"|\bwho (?:thought|decided) (?:it was |that was |this was |it'?d be |it would be )?(?:a )?(?:good|great|smart|brilliant|clever) idea\b",
            r"|\bthank(?:s| you)(?: so much| a lot)?(?: again)?(?: @\w+)* for (?:nothing|(?:fixing|doing|solving|resolving|helping(?: with)?) (?:absolutely )?nothing|(?:\w+ )?ignoring|losing|cancell?ing|delaying|(?:over)?charging|ruining|breaking|wasting|the (?:delay|runaround|outage)|(?:never|not) (?:responding|replying|answering|getting back|helping|fixing|delivering|showing))",
            r"|(?:^|[.!?]\s+)(?:oh |just |so )?(?:great|perfect|wonderful|fantastic|brilliant|lovely|terrific|awesome|nice)(?: job)?(?:,|!+|\.{3}|…) [^.!?]{0,80}?\b(?:again|dropped|lost|cancell?ed|delayed|broke|broken|crashed|is down|went down|stuck|outage|another (?:outage|delay|price (?:hike|increase|rise)|fee|charge|error|crash|bug|cancell?ation|breakdown|dropped call|late delivery)|no (?:signal|service|power|internet|wifi|response|reply))\b",
        ),
    ),
    r(
        Complaint,
        0.6,
        "delayed",
        // "My order has been cancelled without explanation": cancelled by the company, in the
        // passive as often as in the active.
        // "Arrived three weeks late", "the train was 40 minutes late".
        r"\bhow (?:many more|much longer)(?: \w+){0,2}? (?:until|till|before|do (?:i|we) (?:have|need) to wait|will (?:it|this|i|we))\b[^.!?\n]*\?|\bmarked (?:\S+ ){0,4}?as delivered\b[^.!?\n]{0,40}\b(?:but|yet|though|and never|never|nowhere|not here)\b|\bnowhere to be (?:found|seen)\b|\b(?:sent|delivered|shipped|posted|went) (?:\S+ ){0,4}?to (?:the |a |an |my )?(?:wrong|old|previous|different) (?:address|house|flat|person|door)\b|\bto an address (?:i|we) (?:moved out of|don'?t live at|no longer live at|left)\b|\b(?:delay(?:ed|s)?|late again|running late|(?:delivered|came|showed up|turned up|got here|departed|landed) late|(?:\d+|a|an|one|two|three|four|five|six|seven|eight|nine|ten|several|few|many|couple of) (?:mins?|minutes|hours?|hrs?|days?|weeks?|months?) late|cancell?ed (?:my|our|the) (?:flight|order|train|booking)|(?:slow|late) (?:shipping|delivery|deliveries|dispatch|refunds?|response|responses|replies|support)|took (?:over |more than |almost |nearly )?(?:\d+|two|three|four|five|six|seven|eight|a couple of|several|a few) (?:weeks|months)|took (?:over |more than |almost |nearly )?a month|paid for (?:express|expedited|next[- ]day|priority|overnight|fast) (?:shipping|delivery)[^.!?]{0,40}\b(?:took|still|days|weeks|never|now (?:says|shows|saying|showing)|pushed back|rescheduled|not until|next week))\b|\b(?:order|flight|booking|reservation|delivery|orders|flights|bookings) (?:has been|have been|was|were|got|keeps? getting) (?:randomly |suddenly |just )?cancell?ed\b|\b(?:delivery|arrival|dispatch|installation|install) dates? (?:has |have |had |keeps? |kept )?(?:been )?(?:moved|changed|pushed back|put back|rescheduled|postponed) (?:again|twice|(?:\d+|three|four|five|six|several|multiple|so many) times)\b",
    ),
    // Advice and suggestions to others that are not phrased as "recommend": imperatives at the start
    // of a sentence, "if you want…", "I suggest", advice and tips, and improvement proposals ("it would
    // be nice if…", "please add…"), which the rule name keeps apart.
    r(
        Recommend,
        0.65,
        "imperative_advice",
        r"(?:^|[.!?]\s+|\(\s*)(?:\s*@\w+\s*)*(?:(?:but|and|so|also|just|definitely|then|otherwise|instead|however),? )?(?:(?:while|when|once|if) (?:you'?re|you are) [^,.!?]{1,40}, )?(?:try|take|bring|ask(?: for)?|book|consider|check(?: out)?|go (?:for|with|to|between|before|after|early|late|there|at)|use|keep|remember|stay|look (?:for|at|into)|visit|pack|request|skip|choose|opt for|note that|get|grab|avoid|beware of|don'?t (?:forget|miss|bother|expect)|stop (?:at|by|in)|head (?:to|for|over|down|up)|walk (?:to|down|up|over|along|across)|be sure|watch out|make sure)\b",
    ),
    r(
        Recommend,
        0.8,
        "imperative_tip",
        // The imperatives of a traveller's or owner's tip that `imperative_advice` leaves to the
        // advice model, strong enough to stand alone: "Bring comfy walking shoes!", "What a great
        // city -- wear comfortable shoes", "Definitely try the fresh crab", "Skip the breakfast",
        // "Do not hesitate in making a reservation", "Try pressing this button without a disc",
        // "Ask for a room on the top floor". Not in a post with a link: there they are
        // promotion ("Try our new menu https://…"), which `UNLINKED_ONLY` leaves to the weak rule.
        r"(?:^|[.!?]\s+|\(\s*|\s--?\s*|,\s*(?:so |but |and |then )?)(?:just |also |definitely |definately |absolutely |really |and |but |so |then )?(?:(?:bring|wear|pack) (?:your own |your |a |an |some |good |comfy |comfortable |plenty of |extra |warm |sturdy |proper |flat |sensible |ear ?plugs|sunscreen|layers|cash|snacks|water|an umbrella|walking)|(?:do not|don'?t) (?:hesitate (?:to|in)|underestimate)|try (?:the|their|to get|and get|and book|asking|pressing|using|holding|turning|resetting|restarting|booking)|skip (?:the|their|breakfast|lunch|dinner|it)\b|ask for (?:a |an |the )?(?:room|table|seat|upgrade|discount|corner|window|view|quiet|late|early|higher|high|top)|(?:definitely|definately|absolutely|really|do) (?:try|visit|go to|eat at|stay at|book|order|check out))\b",
    ),
    r(
        Recommend,
        0.85,
        "save_yourself_and_get",
        // "If you're shopping for a desk lamp, save yourself the hassle and grab a Lumora": the
        // trouble spared is the search (with "buy elsewhere" it is a warning, which wins).
        r"\bsave yourself (?:the |some |a lot of )?(?:headache|trouble|hassle|grief|stress|time|research|searching|aggravation|frustration|bother)(?:,| and| &) (?:just )?(?:get|grab|buy|order|go (?:with|for)|pick up|try|use)\b",
    ),
    r(
        Recommend,
        0.85,
        "trust_me_get",
        // "Trust me, get the Lumora Halo over the cheap knock-offs" (with "don't"/"avoid" after it,
        // the warning rules speak).
        r"\btrust me,? (?:just |and )?(?:get|buy|grab|order|go (?:for|with)|try|pick up|use|stick with|spend the extra)\b",
    ),
    r(
        Recommend,
        0.7,
        "if_you_want",
        r"\bif you(?:'re| are)? (?:want|need|looking|planning|going|plan|like|prefer|love|enjoy|can|have|get the chance|don'?t mind|go|stay|visit|make|just|travel|book|intend|decide|deciding|serious|concerned|expect|care)\b",
    ),
    r(
        Recommend,
        0.75,
        "advice",
        r"\b(?:(?:my|some|good|great|best|free|expert|quick|top|useful) )?(?:advice|tips?)(?: for| on| to|:)|\badvice\b|\b(?:i|we) (?:would |'d )?(?:suggest|advise)\b|\bi suggest\b",
    ),
    r(
        Recommend,
        0.6,
        "suggestion_to_improve",
        // "should have" asks for a thing ("should have a dark mode") or says what a maker should
        // have done ("they should have made it of hard plastic"); the author's own past is regret
        // ("I should have listened to the reviews").
        r"\b(?:it )?(?:would|will|could|'d) be (?:really |very |so |super |much |even |also |extremely |incredibly )?(?:nice|great|good|better|helpful|awesome|cool|useful|ideal|handy|convenient|welcome|appreciated|wonderful|fantastic|beneficial|a godsend|a (?:great|nice|welcome|big|huge|useful) (?:addition|improvement|feature|help|plus|bonus))\b|\b(?:is|are) (?:badly |really |sorely |urgently |definitely )?needed\b|\b(?:badly|sorely|urgently|desperately) needed\b|\bshould exist\b|\b(?:i'?m|i am|we'?re|we are) (?:asking|begging) (?:for|you to)\b|\bmy (?:request|suggestion|wish) (?:is|would be)\b|\bcould (?:really |definitely |seriously |certainly )?(?:use|do with) (?:some |a little |a bit of |a lot of |more |an? )?(?:work|improvement|polish|tweaking|updating|update|love|attention|tlc|refresh|facelift|makeover|revamp|overhaul|upgrade|better|bigger|faster|clearer|brighter|longer|stronger|newer|proper|decent|simpler)\b|\bin (?:desperate |serious |dire |urgent )?need of (?:a |an |some )?(?:renovation|renewal|refurbishment|refresh|update|updating|upgrade|makeover|facelift|repairs?|redecorating|redecoration|tlc|work|maintenance)\b|\b(?:please|pls|plz) (?:add|upgrade|show|extend|expose|restore|increase|unlock|implement|make|allow|provide|include|consider|support|bring back|bring|release|enable|give|let)\b|\b(?:they|it|you|this|that|there|which) (?:should|could) have\b|\b(?:should|could) (?:simply |just |really |definitely |at least |also |seriously )?(?:be|put|have (?:a|an|the|more|better|some|options?|support|one|every|been|included|made|added|put|used|thrown|given|offered|provided|designed|built|kept)|add|allow|provide|include|support|make|offer|let|show|consider|get|give|use|bring)\b|\bwhy not\b|\b(?:needs?|want) (?:a|an|to be able|the ability|an option|support)\b|\bneeds (?:a |some )?(?:better|more|bigger|new|newer|updated|proper|decent)\b",
    ),
    r(
        Recommend,
        0.8,
        "suggesting_question",
        // A suggestion put as a question: "Why not try the X2?", "Have you tried Lumora?", "How
        // about getting the daypack instead?". Its object is a thing (an article, or a name with
        // a capital), not a deed: "have you tried answering your phone?" is a complaint's sarcasm.
        r"\b(?:why not (?:just )?(?:try|get|buy|go with|go for|grab|order|pick up|switch to|use)|have you (?:ever )?(?:tried|considered|looked at|checked out)|(?:how|what) about (?:trying|getting|going with|going for|buying|switching to|checking out|ordering|using)) (?:(?:the|a|an|their|some|one of (?:the|their|these)) \w+|(?-i:[A-Z])\w*)",
    ),
    r(
        Recommend,
        0.7,
        "you_should",
        // "You have to / need to" advises with a verb of choosing or going ("you have to try the
        // pasta", "you need to read this"); with another it says what a product makes you do ("you
        // have to add every song by hand", "you need to restart it after each update"). Readers
        // named by what they are about to do ("anyone thinking about this phone should wait"),
        // and "buy it, you'll love it".
        r"\b(?:you|u|one|people|everyone|travell?ers|guests|users|visitors) (?:should|must|might want to|may want to|ought to|can'?t miss)\b|\b(?:anyone|anybody|people|those|buyers|shoppers) (?:who'?s |who is |who are |who |that |thinking |looking |considering |planning |interested |wanting )(?:\S+ ){0,5}?(?:should|must|ought to|might want to|would do well to)\b|\b(?:you|u)(?:'ll| will) (?:absolutely |definitely |surely |totally |really )?(?:love (?:it|them|this|these|that)|thank me)\b|\b(?:you|u|one|people|everyone|travell?ers|guests|users|visitors) (?:really |just |definitely |absolutely |seriously )?(?:need to|have to|gotta|got to) (?:really |definitely |absolutely )?(?:try|get|buy|check|see|visit|go (?:to|for|with|there|early|late|and|see|check)|order|book|stay|eat|read|watch|listen|download|consider|ask|avoid|bring|pack|experience|know|remember|look|call|use|switch|make sure|be careful|beware|keep|plan|arrive|reserve|request|take|have a look|limit|allow|add an?|let|make it)\b",
    ),
    r(
        Recommend,
        0.6,
        "feature_request",
        // "Support for …", "support dark mode" ask for a feature; "Support replied within the hour"
        // is the help desk.
        r"(?:^|[.!?]\s+)(?:please |pls |plz |kindly )?(?:allow|add|merge|pin|provide|enable|include|expand|integrate|implement|introduce|improve|remove|offer|create|make it|extend|port|expose|bring back|unlock|open up|detect|restore|upgrade|give (?:us|users|developers|devs|the user)|let (?:us|users|developers|devs|the user))\b|\b(?:i|we)(?:'d| would) (?:really |also )?(?:like|love|prefer) (?:to be able to|the (?:ability|option|possibility|chance) to|an? (?:option|way|setting|button|toggle|mode) to)\b|\bcan (?:we|you|you guys) (?:please |pls )?(?:have|get|add) (?:an? |the |some |more )?(?:[a-z]+ ){0,2}(?:option|button|mode|setting|toggle|feature|shortcut|widget|filter|view)s?\b|(?:^|[.!?]\s+)ideally,? [^.!?\n]{0,60}?\b(?:would|should|could)\b|(?:^|[.!?]\s+)(?:please |pls |plz |kindly )?support (?:for|of|more|multiple|other|different|the|a|an|dark|light|\w+ (?:files|formats?|devices|languages|mode|cards?|accounts?))\b|\bthere (?:needs to|should|must) be\b|\b(?:would|'d) (?:like|love) to (?:see|have)\b|\bi wish (?:there|it|they|you|the)\b|\bwould allow\b",
    ),
    r(
        Recommend,
        0.6,
        "practical_tip",
        r"\b(?:double[- ]check|trust me|be prepared|expect to|forget it|don'?t (?:get|be) fooled|the bottom line)\b",
    ),
    r(
        Warn,
        0.65,
        "warning",
        r"\b(?:warning signs?|be aware|heads up|watch out|careful)\b|\b(?:neither|nor) should you\b",
    ),
    // question
    r(
        Question,
        0.8,
        "question_mark",
        r"[^\s?؟/=&]\s*[?؟]+(?:\s|$)",
    ),
    r(
        Question,
        0.6,
        "wh_start",
        // A fronted auxiliary asks only with a subject after it ("Will you…", "Does Kestrel…",
        // "Has anyone…"; "do" only with a person, as "Do a tour" tells): without one it opens a statement with its subject dropped ("Would not
        // buy again.", "Will never go back.", "Should have listened.", "Can confirm."); a word
        // in capitals after it is shouting ("Do NOT order"), not a name. The handles a reply
        // opens with end at a space, so that none ends inside a word ("@Safaricom_Care
        // Alright" is not "are Alright").
        r"^\s*(?:@\w+\s+)*(?:how|what|why|when|where|which|who|is there|are there|anyone|any idea|do (?:you|u|i|we|they|people|anyone|any of you|y'all)|(?:does|did|can|could|should|will|would|has|have) (?:you|u|i|we|they|he|she|it|people|anyone|anybody|someone|somebody|any|this|that|these|those|there|the|my|your|our|their|a|an|y'all|(?-i:[A-Z][a-z]|[@#])\S*))(?:\s|[,?:]|$)",
    ),
];

const ES: &[Rule] = &[
    r(
        Recommend,
        0.9,
        "es_recomiendo",
        r"\b(?:recomendadísim[oa]s?|si (?:buscáis|buscas|buscan|necesitáis|necesitas|necesitan|queréis|quieres|quieren) [^.!?\n]{1,60}?,? (?:pillad|pilla|pillen|comprad|compra|compren|probad|prueba|prueben|coged|coge|pedid|pide|pidan)|(?:se |lo |la |los |las |te |les )?(?:recomiendo|recomendamos)|(?:muy|súper|super|totalmente|altamente|100%) recomendable|recomendable 100%|no (?:te|os|se) (?:arrepentirás|arrepentiréis|arrepentirán|vas a arrepentir|vais a arrepentir|van a arrepentir)|(?:id|ve|vayan) a por (?:el|la|los|las|estos|estas|este|esta|ellos|ellas|ello))\b",
    ),
    r(
        Recommend,
        0.75,
        "es_vale_la_pena",
        r"\b(?:vale (?:mucho )?la pena|tienen que probar(?:lo|la)?|tienes que probar(?:lo|la)?|no se lo pierdan)\b",
    ),
    r(
        Warn,
        0.95,
        "es_no_recomiendo",
        r"\bno (?:lo |la |los |las |se lo |os |te |les |le |os lo |te lo |se la )?(?:recomiendo|recomendamos|recomendaría)\b",
    ),
    r(
        Warn,
        0.9,
        "es_no_compren",
        // First, the verb of recommending with a warning for its object ("os recomiendo no
        // comprarlo", "les aconsejo que no contraten"; see `advise_against`).
        r"\b(?:recomiendo|recomendamos|recomendaría|aconsejo|aconsejamos|sugiero)(?: a todos| a todo el mundo| encarecidamente)?,? (?:que )?(?:no|nunca|jamás) (?:comprar|compren|compres|usar|usen|contratar|contraten|pedir|pidan|ir|vayan|confiar|confíen|perder|pierdan)[a-záéíóúñ]*|\b(?:recomiendo|aconsejo|sugiero) (?:evitar|huir de|alejarse de)\b|\b(?:no (?:compren|compres|compréis|compreis|comprar|pierdan|pierdas)|eviten|evita|evitad|cuidado con|ojo con (?:esta|este|estos|estas|la|el|los|las|esa|ese|@\w+)|aléjense|alejaos|(?:huid|huyan|huye|huyas) de|estafa|timo|ni se (?:os|te|les|le) ocurra|no (?:la |lo |las |los )?(?:descarguéis|descarguen|descargues|instaléis|instalen|instales)|no (?:contratéis|contraten|contrates|pidáis|pidan|pidas|perdáis (?:el|vuestro) (?:tiempo|dinero)|os fiéis|te fíes|se fíen|confiéis|confíes|confíen))\b",
    ),
    r(
        Complaint,
        0.85,
        "es_todavia_no",
        // "Lumora me cancela el pedido", "¿alguien más tiene problemas con la señal?".
        r"\b(?:(?:me|nos) (?:cancela|cancelan|canceló|cancelaron|ha cancelado|han cancelado|volvió a cancelar|volvieron a cancelar) (?:el|mi|los|mis|otra vez el|otra vez mi) pedidos?|(?:alguien más|alguien mas) (?:tiene|ha tenido|está teniendo|con) problemas|(?:todavía|aún|aun) (?:no|espero|sin|nada)|hasta (?:ahora|hoy|la fecha) nada|no (?:ha |han )?(?:llegado|llegó|funciona|responden|responde|contestan|contesta|carga|abre|me devuelven)|(?:nunca (?:llegó|llego|ha llegado|me respondieron|contestan)|nadie (?:responde|contesta|me ayuda|(?:me|nos) (?:dice|dicen|da|dan|explica) nada)|sin respuesta|(?:lleva|llevan) (?:más de )?(?:\d+|dos|tres|cuatro|cinco|seis|siete|ocho|diez|quince|varias|varios|unas|unos) (?:días|semanas|meses|horas) (?:en reparto|en tránsito|en camino|parado|parada|sin (?:llegar|moverse|actualizar))|llegó tarde|llego tarde|llega tarde|con retraso|nunca más)|(?:llevo|llevamos) (?:\S+ ){1,5}?(?:esperando|sin (?:respuesta|señal|internet|servicio|luz|mi pedido|el pedido|reembolso))|(?:dejó|dejaron|ha dejado|han dejado|tiró|tiraron) (?:el|mi|la|nuestro) (?:paquete|pedido|envío|caja)(?: \S+){0,3}? (?:en la calle|fuera|bajo la lluvia|en el suelo|en el portal|tirado)|(?:perdió|perdieron|ha perdido|han perdido|extravió|extraviaron|han extraviado) (?:mi|mis|el|la|nuestro|nuestra) (?:paquete|pedido|maleta|equipaje|envío|encomienda)|(?:paquete|pedido|maleta|equipaje|envío) (?:perdido|extraviado))\b",
    ),
    r(
        Complaint,
        0.8,
        "es_sin_fecha",
        // "lleva 10 días «en preparación» y nadie me da una fecha", "nadie me atiende": a rule of
        // its own, since `es_todavia_no` holds as many strings as the gate takes for one rule.
        r"\b(?:nadie (?:me|nos) (?:dice|dicen|da|dan|explica) una (?:fecha|respuesta|solución|explicación)|nadie (?:me|nos) (?:atiende|atienden|resuelve)|(?:lleva|llevan) (?:más de )?(?:\d+|dos|tres|cuatro|cinco|seis|siete|ocho|diez|quince|varias|varios|unas|unos) (?:días|semanas|meses) [\x22“«]?(?:en preparación|en proceso|pendiente))\b",
    ),
    r(
        Complaint,
        0.75,
        "es_malo",
        r"\b(?:de pena|una chapuza|cutre|pésimo|pesimo|pésima|pesima|horrible|terrible|roto|rota|defectuoso|defectuosa|dañado|dañada|reembolso|devolución|queja|reclamo|vergüenza|indignante|decepcionado|decepcionada|decepción|fatal|demasiado caro|muy caro|carísimo|precios abusivos|subieron los precios|(?:otra|nueva) subida (?:de|del) (?:precio|precios|la cuota|tarifa)|subió los precios|no sirve|no funciona|maleducado|maleducada|grosero|grosera|inútil|un desastre|(?:me |nos )?(?:cobraron|han cobrado|ha cobrado|cobró)(?: \S+){0,3}? (?:dos veces|de más|doble|por duplicado)|llegó (?:abierto|abierta|incompleto|incompleta|equivocado|equivocada|mal)|faltaba(?:n)? (?:una|un|la|el|las|los)|(?:sube|suben|subió|subieron|han subido) (?:la tarifa|el precio|los precios|la cuota|la factura)|(?:qué|que|es un|menudo) robo|sin avisar|(?:nadie|no) me (?:da|dan|dieron|han dado) (?:una |ninguna )?solución|se (?:fundió|estropeó|rompió|despegó|despegaron|descosió|descosieron|rompieron|estropearon|deshizo|deshicieron|quemó|quemaron)|(?:gastos|cargos|costes) ocultos|(?:dejó|ha dejado) de funcionar|se (?:cierra|cuelga|bloquea|reinicia) (?:sol[ao]|cada vez|constantemente|todo el rato|siempre|cada dos por tres))\b",
    ),
    r(
        Recommend,
        0.8,
        "es_lo_que_necesitas",
        r"\bes (?:justo |exactamente )?lo que (?:necesitas|necesitáis|necesitan|buscas|buscáis|buscan)\b",
    ),
    r(
        Complaint,
        0.8,
        "es_equivocado",
        // "Me mandaron el color equivocado", "la talla incorrecta".
        r"\b(?:color|talla|tamaño|modelo|producto|artículo|pedido|paquete|número) (?:equivocad[oa]|incorrect[oa])\b",
    ),
    r(
        AskRecommendation,
        0.85,
        "es_alguien_recomienda",
        // "¿Alguien me recomienda una buena tarifa?", "¿qué me recomiendan?", "¿vale la pena el X2?",
        // "¿cuál es la mejor marca?", "busco recomendaciones".
        r"\b(?:(?:(?:alguien|alguno de ustedes|alguna de ustedes) (?:me |nos |les )?(?:recomienda|recomendaría|puede recomendar|podría recomendar|aconseja|sugiere)|(?:qué|que|cuál|cual|cuáles|cuales) (?:me |nos )?(?:recomiendan|recomiendas|recomendáis|aconsejan|aconsejas|sugieren)|(?:alguna|algunas) (?:recomendación|recomendaciones|sugerencia|sugerencias)|(?:busco|necesito|pido) (?:recomendaciones|consejos?|una recomendación|sugerencias))\b|(?:(?:vale|merece) (?:realmente |de verdad )?la pena|(?:cuál|cual|qué|que) (?:es|son) (?:el|la|los|las) mejor(?:es)?)(?:[^\p{L}\p{N}_.!?\n][^.!?\n]*)?\?|(?:lo|la|los|las) recomiendan\s*\?|(?:qué|que) tal (?:es|son|está|están|funciona|funcionan|va|van) [^.!?\n]*\?|alguien (?:ha|habéis|han) (?:comprado|probado|usado|pedido|contratado)[^.!?\n]*\?|(?:me|nos) (?:recomiendan|recomiendas|recomendáis|aconsejan|aconsejáis|aconsejas|sugieren|sugerís)(?:[^\p{L}\p{N}_.!?\n][^.!?\n]*)?\?|alguien sabe si [^.!?\n]*\b(?:buen[oa]s?|bien|fiable|seri[oa]|vale la pena|merece la pena|recomendable)(?:[^\p{L}\p{N}_.!?\n][^.!?\n]*)?\?|(?:alguien|alguno|alguna) (?:tiene|tenéis|ha tenido|habéis tenido) experiencias? con\b)",
    ),
    r(
        ChurnIntent,
        0.85,
        "es_me_doy_de_baja",
        // "Me doy de baja", "voy a cancelar mi plan", "me cambio a Acme", "no vuelvo a comprar".
        r"\b(?:(?:estoy pensando en|pienso|quiero|voy a|vamos a) (?:dejar|abandonar|irme de) (?-i:[A-Z])[^\s,.!?]*|hasta aquí(?: llegué| llegamos| hemos llegado)?\s*(?:[.!]|$)|(?:acabe|termine|se acabe|se termine|finalice) (?:la|mi) permanencia|me (?:doy|di|voy a dar|he dado) de baja|(?:voy|vamos) a (?:cancelar|dar de baja|darme de baja|cambiar(?:me)? de (?:compañía|operador|operadora|proveedor|banco|tarifa))|(?:cancelé|he cancelado|cancelo) (?:mi|mis|la|el) (?:plan|suscripción|cuenta|contrato|línea|pedido|tarifa)|me (?:cambio|cambié|pasé|he pasado) (?:a|con) (?:la competencia|otr[oa])|me (?:cambio|cambié|he cambiado) de (?:compañía|operador|operadora|proveedor|banco|tarifa)|me (?:cambio|cambié|pasé) a (?-i:[A-Z])\w*|no (?:vuelvo|volveré|vuelvo nunca) a (?:comprar|pedir|contratar)|(?:pienso|voy a|quiero|me voy a|estoy pensando en|estamos pensando en) cambiar(?:me|nos)? (?:de \S+(?: \S+){0,2} )?a otr[ao] (?:compañía|operador|operadora|empresa|marca|tienda|banco|proveedor)|nunca más (?:compro|pido|contrato|vuelvo|volveré|compraré|pediré))\b",
    ),
    r(
        Complaint,
        0.8,
        "es_no_puedo",
        // Being stopped by the app, the site or the till, and waiting: "la app se cuelga",
        // "imposible terminar la compra", "llevo tres semanas esperando".
        r"\b(?:no (?:puedo|consigo|me deja|me dejan) (?:pagar|comprar|terminar|finalizar|completar|entrar|acceder|iniciar sesión|hacer el pedido|contactar|hablar|ver|descargar|cambiar|cancelar)|(?:siempre |todo el rato |cada vez )?(?:da|dan|sale|me sale|me da) (?:un )?error|no (?:quieren|quiere|quisieron) (?:cambiar|devolver|reembolsar)(?:lo|la|los|las|me|melo|mela)?|llegó con (?:una|un) (?:mancha|agujero|golpe|rotura|defecto|tara)|imposible (?:pagar|comprar|terminar|finalizar|completar|entrar|acceder|contactar|hablar)|se (?:cuelga|bloquea|traba|cierra sola)|(?:sigo|seguimos) esperando|(?:llevo|llevamos) (?:\S+ ){1,3}esperando|no me (?:han devuelto|devuelven|reembolsan|han reembolsado)|me (?:colgaron|colgó|cortaron)|error al (?:pagar|finalizar|iniciar sesión|entrar)|(?:lleva|llevan) (?:\S+ ){1,3}sin (?:llegar|respuesta|contestar|responder|solución)|nadie (?:\S+ ){0,4}(?:contesta|responde|atiende|me ayuda|lo soluciona|me ha llamado|me llama|me ha contestado|me ha respondido)|(?:llevo|llevamos) (?:\S+ ){1,3}con (?:la línea|el internet|la luz|el servicio|la fibra|el móvil|la conexión) (?:cortad[ao]|caíd[ao]|sin funcionar)|(?:tardaron|tardó|tardan|tarda) (?:más de )?(?:un|una|dos|tres|cuatro|\d+) (?:mes|meses|semana|semanas|días) en (?:enviar|mandar|llegar|entregar|responder|contestar|devolver|reembolsar)(?:lo|la|los|las|me|nos)?)\b",
    ),
    r(
        Recommend,
        0.8,
        "es_probad",
        // The imperative to readers: "probadlo", "pruébala", "comprad".
        r"\b(?:probad|probadlo|probadla|probadlos|comprad|compradlo|pilladlo|pilladla|pruébalo|pruébala|pruébenlo|pruébenla)\b",
    ),
    r(
        PurchaseIntent,
        0.8,
        "es_voy_a_comprar",
        // "Mañana me compro las botas", "estoy pensando en comprar la X", "voy a pedir otra"; a
        // negator before it denies it ("no voy a comprar", see `denied_before`).
        r"\b(?:(?:voy a|vamos a|pienso|quiero|(?:me )?estoy pensando (?:seriamente |en serio )?(?:en )?|estoy por|me voy a|tengo ganas de|acabo de) ?(?:comprar(?:me|la|lo|las|los)?|pedir(?:me|la|lo)?|encargar|contratar|pillar(?:me)?|reservar)|me (?:compro|pillo|pido) (?:el|la|los|las|un|una|otro|otra|unos|unas)|(?:mañana|hoy|esta semana|este finde|este fin de semana) (?:me )?(?:compro|pido|encargo)|(?:en|al) (?:el |mi )?carrito)\b",
    ),
    r(
        AskRecommendation,
        0.8,
        "es_alternativa",
        r"\balternativas? (?:a|al|para) [^.!?\n]*\?",
    ),
    r(
        Praise,
        0.75,
        "es_muy_contento",
        r"\b(?:muy|súper|super|totalmente|encantad[oa]s?|feliz|felices) (?:content[oa]s?|satisfech[oa]s?|encantad[oa]s?|feliz|felices) (?:con|de)\b|\bmejor compra (?:que (?:he|hice)|de mi vida|del año)\b|\bas[ií] da gusto\b|\bme (?:encanta|encantó|encantan|encantaron) (?:el|la|los|las|mi|mis|su|sus|tu|tus|este|esta|estos|estas)\b|\b(?:se (?:ha|han) lucido|se lucieron|se lució|qué maravilla|chapó|(?:calidad|nota|servicio|atención) de (?:diez|10))\b|\b(?:fue|es|son|ha sido|estuvo|está) de (?:diez|10)(?:\s*[.!,;]|\s*$)",
    ),
    r(
        Complaint,
        0.85,
        SARCASTIC_VERDICT,
        // Trouble, then a lone word of praise to end the post ("Ni una sola respuesta en tres días. Genial."): the
        // praise is the verdict on the trouble, said sarcastically (see the English rule).
        // Thanks for nothing ("Gracias Acme por nada") is the same verdict put first.
        r"(?:^|\b)(?:ni una (?:sola )?respuesta|sin respuesta|nadie (?:contesta|responde)|no (?:funciona|llega|llegó|contestan|responden|me devuelven)|otra vez|de nuevo|cancelad[oa]|se (?:cayó|cae)|caíd[oa]|me colgaron|en espera|todavía no|aún no|perdid[oa]|rot[oa]|retrasad[oa]|sin (?:señal|servicio|cobertura))\b[^.!?\n]{0,40}[.!]+\s+(?:qué |muy |simplemente )?(?:genial|perfecto|estupendo|maravilloso|fantástico|excelente|bravo|olé|de lujo|chapó|qué bien|muy bien|gracias)(?:,? @?\w+(?: \w+)?)?(?:\s*[.!…]+)?(?:\s*[#@]\S+)*\s*$|\b(?:muchas )?gracias\b[^.!?\n]{0,30}? por nada\b",
    ),
    r(
        Complaint,
        0.8,
        "es_sin_devolver",
        // The experience around the product as short posts put it, which no rule above names:
        // money kept ("no me devuelve el dinero", "devolvedme mi dinero"), answers and parcels slow
        // ("tarda mucho en responder", "sigue sin contestar", "tres semanas esperando", "llevo una
        // hora al teléfono"); the rest in `es_mala_atencion`.
        r"\b(?:no (?:me |nos )?(?:devuelve|devuelven|devolvió|devolvieron|ha devuelto|han devuelto|reembolsa|reembolsan|reembolsó|reembolsaron|han reembolsado)|(?:devolvedme|devuélvanme|devuélveme|quiero|exijo) (?:mi|el|mis|nuestro) (?:dinero|reembolso)|(?:tarda|tardan|tardó|tardaron) (?:\S+ ){0,2}?(?:mucho|muchísimo|una eternidad|siglos|días|semanas|meses|horas) en (?:responder|contestar|llegar|devolver|reembolsar|enviar|solucionar|atender)|(?:sigue|siguen) sin (?:contestar|responder|llegar|funcionar|solucionar|devolver|reembolsar)|(?:\d+|una|dos|tres|cuatro|cinco|seis|siete|ocho|diez|quince|varias|varios|unas|unos|media) (?:horas?|días|semanas|meses) (?:esperando|al teléfono|en espera)|(?:llevo|llevamos|estuve|estuvimos) (?:\S+ ){0,3}?(?:al|en el) teléfono|nadie (?:coge|cogió|atiende|atendió|contesta|contestó) (?:el teléfono|las llamadas|el móvil|los correos|los emails))\b",
    ),
    r(
        Complaint,
        0.8,
        "es_mala_atencion",
        // The rest of `es_sin_devolver`'s trouble, a rule of its own for the gate's strings:
        // overcharging ("cobra demasiado"), quality gone down ("la calidad ha bajado mucho"),
        // being cheated ("me ha timado") and a verdict on the service or the goods ("qué mala
        // atención", "vende basura").
        r"\b(?:(?:cobra|cobran|cobró|cobraron) (?:demasiado|un dineral|una barbaridad|una fortuna)|(?:calidad|servicio|atención) (?:(?:de|del|en) (?:la |el |los |las )?\S+ )?(?:ha bajado|bajó|ha empeorado|empeoró|va a peor|deja mucho que desear|es cada vez peor)|(?:me|nos) (?:han|ha) (?:timado|estafado|engañado)|(?:me|nos) (?:timaron|estafaron|engañaron|timó|estafó|engañó)|(?:mala|pésima|pesima|malísima|nefasta|horrible) (?:atención|calidad|experiencia)|mal servicio|(?:es|son|una|pura|vende|venden|menuda) basura|porquería)\b",
    ),
    r(
        Complaint,
        0.8,
        "es_app_falla",
        // An app or web page that throws its user out, hangs, errs or crawls: "me cierra la
        // sesión cada dos por tres", "la web se cae justo al pagar", "se queda colgada en la
        // pantalla de carga", "el carrito se vacía solo", "la app va lentísima". The thing named
        // first, so a person's fall ("se me cae el pelo") is none.
        r"\b(?:me (?:cierra|cierran|cerró) la sesión|me (?:saca|sacó|echa|echó|expulsa|expulsó) de la (?:app|aplicación|cuenta|web|página)|(?:app|aplicación|web|página|sistema|servidor)(?: \S+){0,3} se (?:cae|cayó|ha caído|colgó|congela|congeló|queda (?:colgad[ao]|pillad[ao]|congelad[ao]|en blanco|cargando))|pantalla de carga|(?:carrito|cesta)(?: \S+){0,3} se (?:vacía|vació|vacia|borra|borró)|(?:app|aplicación|web|página)(?: \S+){0,3} (?:va|es|está|funciona|anda) (?:muy |súper |super |demasiado |tan |cada vez más )?(?:lent[ao]|lentísim[ao]|fatal))\b",
    ),
];

const FR: &[Rule] = &[
    r(
        Recommend,
        0.9,
        "fr_recommande",
        r"\b(?:je (?:vous |te |lui |leur )?(?:le |la |les |l')?(?:recommande|conseille|recommanderais|conseillerais)|(?:à recommander|foncez|vaut le coup|vaut vraiment le coup|à essayer absolument))\b",
    ),
    r(
        Warn,
        0.95,
        "fr_ne_recommande_pas",
        // First, the verb of recommending with a warning for its object ("je vous conseille de
        // ne pas acheter", "je recommande d'éviter"; see `advise_against`).
        r"\b(?:conseille|recommande|suggère|conseillons|recommandons)(?: vivement| fortement)?(?: à tout le monde| à tous)? (?:de ne (?:surtout )?(?:pas|jamais)|d'éviter|d’éviter|de fuir)\b|\b(?:déconseille|n'achetez pas|n’achetez pas|fuyez|évitez|arnaque|à éviter|ne perdez pas (?:votre|ton) (?:temps|argent)|passez votre chemin|n'achetez jamais|ne (?:vous |te |lui |leur )?(?:le |la |les |l')?(?:recommande|conseille|recommanderais|conseillerais|recommanderai|conseillerai)s? (?:pas|jamais|à personne)|je ne conseille pas)\b",
    ),
    r(
        Complaint,
        0.85,
        "fr_toujours_pas",
        r"\b(?:ne (?:répond|répondent|rappelle|rappellent|décroche|décrochent) (?:jamais|pas|plus|ni)|(?:les )?prix (?:ont )?(?:encore )?(?:augmenté|grimpé|explosé|flambé)|augmentation (?:des|de|du) (?:prix|tarifs?|abonnement)|toujours pas|toujours en attente|jamais reçu|rien reçu|marqué (?:comme )?livré|indiqué (?:comme )?livré|jamais arrivé|pas reçu|pas encore reçu|pas arrivé|ne (?:marche|fonctionne) (?:pas|plus)|aucune réponse|aucun retour|pas de réponse|sans réponse|sans nouvelles|en retard|(?:jours?|semaines?|mois|heures?) de retard|injoignable|(?:me|nous) baladen?t?|inexistant|inexistante|plus jamais|(?:a|ont) (?:perdu|égaré) (?:mon|ma|mes|le|la|notre) (?:colis|commande|valise|bagage|bagages|paquet)|(?:colis|commande|valise|bagage|paquet) (?:perdue?|égarée?))\b",
    ),
    r(
        Complaint,
        0.75,
        "fr_nul",
        r"\b(?:naze|une cata|à chier|foutage de gueule|remboursement|en panne|cassé|cassée|abîmé|abîmée|endommagé|endommagée|défectueux|défectueuse|inutilisable|nul|nulle|inadmissible|honteux|honteuse|déçu|déçue|décevant|décevante|scandaleux|lamentable|catastrophique|plante|bug|bugue|impossible de (?:commander|passer commande|payer|valider|finaliser|me connecter|joindre|contacter|accéder|me faire rembourser)|ne (?:charge|s'ouvre|se lance) (?:pas|plus)|(?:j'attends|on attend) (?:toujours|encore|depuis)|toujours rien|(?:facturé|prélevé|débité) deux fois|(?:facturé|facturée|prélevé|prélevée|débité|débitée|abonnement|option)[^.!?\n]{0,60}n'ai (?:jamais|pas) (?:demandé|commandé|souscrit)|refusent? de (?:me )?rembourser|raccroché au nez|a grillé|ne s'allume plus|a lâché|tomb(?:e|ent|é|ée|és|ées) en panne|(?:affiche|met|donne|renvoie) (?:une |un message d')?erreur|(?:colis|commande) perdue?|personne ne (?:répond|rappelle|décroche)|augmenté (?:ses|les|leurs|nos|mes) (?:prix|tarifs)|hausse (?:de|des) (?:prix|tarifs)|c'est abusé|du vol|arrivée? (?:ouvert|ouverte|abîmé|abîmée|cassé|cassée|endommagé|endommagée|incomplet|incomplète)|il manquait|manque une pièce|trop cher|hors de prix|pas terrible|impoli|impolie|désagréable|trop de (?:pubs?|publicités?|bugs?|beugs?)|ne (?:peut|peux|pouvons|pouvez|peuvent) même (?:pas|plus))\b",
    ),
    r(
        Complaint,
        0.75,
        "fr_panne",
        // Things failing and parcels mishandled ("la bouilloire fuit", "le chargeur a pris feu",
        // "boîte écrasée", "colis laissé dehors"): a rule of its own, since `fr_nul` holds as many
        // strings as the gate takes for one rule.
        r"\b(?:médiocre|fuit|fuient|clignote|clignotent|(?:s'est|se sont|est|sont) (?:fissurée?s?|cassée?s?|déchirée?s?|décousue?s?)|c'est n'importe quoi|(?:colis|commande|paquet) (?:\S+ ){0,2}?bloquée? (?:en|au|à la|chez|depuis)|(?:a|ont) pris feu|a cramé|coupe (?:tout le temps|sans arrêt|souvent|constamment|toutes les)|écrasée?s?|grillent|ont grillé|qualité (?:médiocre|déplorable|pourrie|nulle|bof)|(?:laissé|déposé|jeté|balancé) (?:mon|le|notre) (?:colis|paquet|carton)(?: \S+){0,3}? (?:dehors|sous la pluie|dans la rue|par terre))\b",
    ),
    r(
        Complaint,
        0.75,
        "fr_livre_ailleurs",
        // A parcel left with a neighbour without a word, signed for by the courier: "livré chez
        // le voisin sans prévenir, et le livreur a signé à ma place".
        r"\b(?:livr[ée]e?s? (?:chez|à) (?:le |la |un |une |mon |ma )?(?:voisin|voisine|gardien|mauvaise adresse)|signé à ma place|sans (?:me |nous )?prévenir)\b",
    ),
    r(
        AskRecommendation,
        0.85,
        "fr_quelquun_conseille",
        // "Quelqu'un peut me conseiller une bonne lampe ?", "vous me conseillez quoi ?", "ça vaut le
        // coup ?", "quel est le meilleur forfait ?", "quelqu'un a testé les lampes Lumora ?".
        r"\b(?:(?:(?:quelqu'un|qqn|vous) (?:peut|pourrait|pouvez|pourriez|sauriez)(?:-vous)? (?:me |nous )?(?:recommander|conseiller|orienter)|(?:me |nous )?(?:conseillez|recommandez)(?:-vous)? (?:quoi|quel|quelle|quels|quelles|lequel|laquelle)|(?:que|qu'est-ce que|quoi) (?:vous )?(?:me |nous )?(?:conseillez|recommandez)|vaut-(?:il|elle) (?:vraiment )?le coup)\b|(?:vous|tu) (?:me |nous )?(?:conseillez|recommandez|conseilles|recommandes)(?:[^\p{L}\p{N}_.!?\n][^.!?\n]*)?\?|(?:(?:des|vos) (?:conseils|recommandations|avis|retours)|(?:ça|ca|cela) (?:vaut|valait)(?: vraiment)? le coup|(?:quel|quelle|quels|quelles) (?:est|sont) (?:le|la|les) meilleure?s?|quelqu'un (?:a|aurait) (?:déjà )?(?:testé|essayé|un avis|commandé|acheté|utilisé)|(?:c'est|est-ce|est-il|est-elle) (?:vraiment )?fiable|(?:quelqu'un|qqn) (?:sait|saurait) si [^.!?\n]*\b(?:fiable|bien|bon|bonne|sérieux|sérieuse|vaut le coup)|je cherche (?:un|une|des) (?:bon|bonne|bons|bonnes)|(?:vous connaissez|tu connais|connaissez-vous|quelqu'un conna[iî]t) (?:un|une|des) (?:bon|bonne|bons|bonnes)|(?:me|nous) (?:conseillez|recommandez|conseilles|recommandes))(?:[^\p{L}\p{N}_.!?\n][^.!?\n]*)?\?|(?:ça|ca) vaut quoi\b)",
    ),
    r(
        ChurnIntent,
        0.85,
        "fr_je_resilie",
        // "Je résilie mon abonnement", "j'ai résilié", "je passe chez la concurrence".
        r"\b(?:je (?:vais |compte |veux |pense )?(?:résilie|résilier)|j'ai résilié|on a résilié|je (?:me )?désabonne|je me suis désabonné|je (?:pars|passe|vais passer) (?:chez|à) (?:la concurrence|un autre|une autre)|je change d'(?:opérateur|fournisseur|assureur|banque)|je vais changer d'(?:opérateur|fournisseur|assureur|banque)|plus jamais chez|je (?:quitte|vais quitter|quitterai) (?:cet opérateur|cette banque|ce fournisseur|cette assurance|(?-i:[A-Z])\S*(?: (?-i:[A-Z])\S*)?[,.!]*\s*(?:plus jamais|adieu|bon débarras|c'est fini))|(?:je vais|on va|je vais aller) (?:voir|aller|acheter|commander) ailleurs|plus jamais (?:je ne |j'|je n'|je )?(?:commande|commanderai|achète|achèterai|rachète|rachèterai|n'achète|ne commande)|je ne (?:commanderai|commande|reviendrai|rachèterai|achèterai|rachète) plus(?: jamais)?)\b",
    ),
    r(
        Recommend,
        0.8,
        "fr_essayez",
        // The imperative to readers with its object ("essayez Kestrel", "testez-le"), not "essayez
        // de me joindre" (try to reach me).
        r"\b(?:essayez|testez|adoptez)(?:-(?:le|la|les))?\s+(?:les?|la|l'|un|une|des|ce|cette|ces|donc|vraiment|absolument|sans hésiter|(?-i:[A-Z]))|\b(?:essayez|testez|adoptez)-(?:le|la|les)\b",
    ),
    r(
        PurchaseIntent,
        0.8,
        "fr_je_vais_acheter",
        // "Je vais commander la Lumora Halo", "je compte m'offrir", "je viens de commander".
        r"\b(?:je (?:vais|compte|pense|veux|voudrais|souhaite|dois|vais bientôt|vais enfin) (?:m'|me |l'|le |la |les )?(?:acheter|commander|offrir|réserver|précommander|craquer pour)|je (?:pense|songe|réfléchis) à (?:m'|l'|le |la |les )?(?:acheter|commander|offrir|craquer pour)|j'(?:ai (?:envie|l'intention) d'|hésite à )(?:acheter|commander|craquer)|je viens de (?:commander|acheter|précommander)|je (?:vais|compte|pense) (?:prendre|souscrire) (?:un|une|le|la) (?:forfait|abonnement|offre|box)|je (?:vais )?craque(?:r)? pour|je (?:me laisse|vais me laisser|me suis laissée?) tenter par|je (?:commande|précommande) (?:la|le|les|un|une|ma|mon|mes|ce|cette|enfin)|dans (?:mon|le) panier|au panier)\b",
    ),
    r(
        PurchaseIntent,
        0.8,
        "fr_passer_chez",
        // The other side of a switch: "je vais passer chez Kestrel Mobile le mois prochain", "je
        // passe chez Lumora" (to a name: "je passe chez ma mère" is a visit).
        r"\b(?:je vais|on va|je compte|j'ai décidé de|je pense) passer chez (?-i:[A-Z])|\b(?:je|on) passe chez (?-i:[A-Z])",
    ),
    r(
        AskRecommendation,
        0.8,
        "fr_alternative",
        r"\b(?:une |des |bonne |autre |meilleure )?alternatives? (?:à|a|au|aux|pour)\b[^.!?\n]*\?",
    ),
    r(
        Praise,
        0.75,
        "fr_tres_satisfait",
        r"\b(?:très|super|trop|vraiment|entièrement|totalement|hyper) (?:satisfaite?s?|ravie?s?|contente?s?|conquise?s?) (?:de|du|des|par|avec)\b|\bj'adore (?:mon|ma|mes|le|la|les|ce|cette)\b|\b(?:je ne (?:le |la |les )?regrette pas|aucun regret|vaut (?:largement |bien )?son prix)\b|\b(?:service(?: client)?|sav|livraison|accueil|équipe) (?:\S+ ){0,2}?(?:au top|impeccable|parfait|parfaite|excellent|excellente|génial|géniale|irréprochable)\b|\b(?:du grand art|bravo (?:à|aux)|(?:tente|lampe|produit|forfait|matériel|qualité|service) impeccable)\b|(?:^|[.!?,;]\s*)chapeau (?:à|bas)\b|\b(?:vraiment|franchement|complètement|totalement|agréablement|été|suis|sommes) bluffée?s?\b",
    ),
    r(
        Complaint,
        0.85,
        SARCASTIC_VERDICT,
        // Trouble, then a lone word of praise to end the post ("Colis perdu, toujours pas de réponse. Génial."): the
        // praise is the verdict on the trouble, said sarcastically (see the English rule).
        // Thanks for nothing ("Merci Acme pour rien") is the same verdict put first.
        r"(?:^|\b)(?:aucune (?:réponse|nouvelle)|sans (?:réponse|nouvelles|réseau)|personne ne (?:répond|rappelle)|ne (?:marche|fonctionne|répond) (?:pas|plus)|toujours pas|encore (?:en panne|une fois)|en panne|annulée?|perdue?|cassée?|en retard|raccroché)\b[^.!?\n]{0,40}[.!]+\s+(?:vraiment |franchement |tout simplement )?(?:génial|parfait|super|bravo|formidable|excellent|magnifique|top|chapeau|merci)(?:,? @?\w+(?: \w+)?)?(?:\s*[.!…]+)?(?:\s*[#@]\S+)*\s*$|\bmerci\b[^.!?\n]{0,30}? pour rien\b",
    ),
    r(
        Complaint,
        0.8,
        "fr_pas_rembourse",
        // As `es_sin_devolver`: "Acme ne me rembourse pas", "met des semaines à répondre", "une
        // heure au téléphone", "trois semaines que j'attends", "la livraison n'est jamais
        // arrivée", "la qualité a baissé", "m'a arnaqué", "vend de la camelote".
        // A "ne … jamais" is matched from its "ne", which a negator before the match would
        // otherwise deny (see `NEGATABLE_COMPLAINTS`).
        r"\b(?:ne (?:me |nous )?(?:rembourse|remboursent|rend|rendent) (?:pas|jamais|toujours pas|rien)|(?:(?:n'est|n'a|ne sont|n'ont|n'ai|n'avons|ne m'a|ne m'ont|ne nous a|ne nous ont) (?:toujours |encore )?)?(?:jamais|pas|pas encore|toujours pas) (?:été )?(?:remboursée?s?|arrivée?s?|livrée?s?|reçue?s?)|(?:rendez|rends)-(?:moi|nous) (?:mon|notre) argent|je veux (?:être remboursée?|mon argent|un remboursement)|(?:met|mettent|a mis|ont mis) (?:\S+ ){0,2}?(?:des semaines|des jours|des mois|des heures|une éternité|un temps fou) (?:à|a|pour) (?:répondre|rembourser|livrer|arriver|traiter|expédier)|(?:\d+|une|deux|trois|quatre|cinq|six|dix|quinze) (?:heures?|jours|semaines|mois) (?:que j'attends|que nous attendons|que j'attend|d'attente|au téléphone|en attente|à attendre)|(?:passé|passée|passer) (?:\S+ ){0,2}?(?:heures?|après-midi|matinée) au téléphone|(?:qualité|service|sav) (?:\S+ ){0,3}?(?:a baissé|a chuté|s'est dégradée?|laisse à désirer|est de pire en pire)|(?:m'a|m'ont|nous a|nous ont) (?:arnaquée?s?|escroquée?s?|volée?s?)|je me suis fait (?:arnaquer|avoir|escroquer|voler)|(?:de la|que de la|c'est de la) (?:camelote|merde)|(?:débité|débitée|prélevé|prélevée|facturé|facturée) (?:deux fois|en double|à tort)|prix (?:\S+ ){0,2}?(?:sont |est )?(?:vraiment |complètement |totalement )?(?:abusés|abusifs|exorbitants|délirants|excessifs|indécents|hallucinants))\b",
    ),
    r(
        Warn,
        0.9,
        "fr_ne_commandez_pas",
        // "Ne commandez pas chez Acme", "ne réservez jamais avec eux", "surtout n'achetez rien".
        r"\b(?:ne (?:commandez|réservez|souscrivez|prenez|passez) (?:surtout |jamais |rien )?(?:pas |jamais |rien )?(?:chez|sur|avec|auprès|par|d'abonnement|de forfait|commande)|surtout (?:ne|n')(?: |')?(?:commandez|achetez|réservez) (?:pas|rien|jamais))\b",
    ),
    r(
        Complaint,
        0.8,
        "fr_appli_plante",
        // An app or site that throws its user out, errs or crawls: "me déconnecte tout le temps",
        // "erreur au paiement", "mon panier se vide tout seul", "l'appli rame énormément".
        r"\b(?:me (?:déconnecte|deconnecte|déconnectent|éjecte|vire) (?:tout le temps|sans arrêt|sans cesse|constamment|toutes les|à chaque|encore|en plein|au moment)|(?:appli|application|app|site)(?: \S+){0,3} me (?:déconnecte|deconnecte|éjecte)|erreur (?:au|lors du|pendant le|de) (?:paiement|moment de payer|connexion|validation)|message d'erreur|panier(?: \S+){0,3} se (?:vide|réinitialise)|(?:appli|application|app|site)(?: \S+){0,3} (?:rame|rament|lague|laggue|freeze|(?:est|reste) (?:très |trop |super |hyper |tellement )?lente?))\b",
    ),
];

const DE: &[Rule] = &[
    r(
        Recommend,
        0.9,
        "de_empfehle",
        r"\b(?:(?:ich |wir )?(?:empfehle|empfehlen)|(?:empfehlenswert|kaufempfehlung|empfehlung|kann ich (?:nur |wirklich )?empfehlen|unbedingt kaufen))\b",
    ),
    r(
        Warn,
        0.95,
        "de_nicht_empfehlen",
        // First, the verb of recommending with a warning for its object ("ich empfehle euch, es
        // nicht zu kaufen", "… bei Acme nicht zu bestellen", "ich empfehle, die Finger davon zu
        // lassen"; see `advise_against`).
        r"\bempfehle(?:n)?(?: euch| ihnen| dir| jedem| allen)?,? (?:\S+ ){0,3}?(?:nicht|keinesfalls|auf keinen fall|niemals) (?:mehr )?zu (?:kaufen|bestellen|nutzen|benutzen|buchen|abschließen|verwenden)\b|\bempfehle(?:n)?(?: euch| ihnen| dir| jedem| allen)?,? die finger davon zu lassen\b|\bempfehle (?:ich )?(?:[^\s.,;:!?]+ ){1,3}?nicht\s*(?:[.!,;:)]|$)|\b(?:nicht (?:zu )?empfehlen|empfehle (?:ich )?nicht|finger weg|hände weg|kauft (?:das |es |euch |bloß |bloss |ja |bitte |lieber |auf keinen fall ){0,2}nichts?|kauft nicht bei|(?:kann|würde|werde) ich (?:\S+ ){0,2}?(?:niemandem|keinem|keinen|keiner) empfehlen|niemandem (?:zu )?empfehlen|nicht kaufen|vorsicht|abzocke|betrug|spart euch (?:das|den|die)|lasst die finger|rate (?:\S+ ){0,3}?(?:von|davon) (?:\S+ ){0,3}?ab|(?:kann|würde|muss) (?:\S+ ){0,2}?(?:nur )?(?:davon )?abraten|abzuraten|(?:bloß|bloss|bitte|auf keinen fall)(?: nicht)? (?:bei|von|zu) (?:\S+ ){0,2}(?:bestellen|kaufen|abschließen|abschliessen|buchen|wechseln|gehen))\b",
    ),
    r(
        Complaint,
        0.85,
        "de_immer_noch",
        r"\b(?:(?:keiner|niemand) (?:hilft|antwortet|meldet sich|reagiert|ruft zurück)|rechnung (?:ist |war )?falsch|immer noch (?:nicht|kein|keine|nichts)|bis (?:heute|jetzt|dato) (?:nichts|nicht (?:angekommen|geliefert|erstattet|da))|noch (?:nicht|nichts) (?:angekommen|geliefert|erhalten|erstattet|bekommen|da)|nie angekommen|nicht (?:angekommen|zugestellt|geliefert)|seit (?:\S+ ){0,2}(?:tag|tagen|woche|wochen|monat|monaten) (?:\S+ ){0,2}?[\x22„“]?(?:unterwegs|in bearbeitung|in zustellung)|nichts kommt an|kommt (?:einfach )?(?:nicht|nie) an|(?:keiner|niemand) (?:\S+ ){0,3}?geht ran|geht (?:keiner|niemand) ran|(?:hänge|hängen|hing|hingen) (?:\S+ ){0,4}?in der warteschleife|(?:warte|warten) (?:\S+ ){0,3}?seit (?:\S+ ){0,2}(?:tagen|wochen|monaten)|keine sendungsverfolgung|(?:kein|keinen|null) (?:empfang|netz)|(?:funktioniert|geht|läuft|lädt|startet|klappt) (?:\S+ ){1,4}?(?:nicht|nie)(?: mehr)?(?: richtig)?(?:\s*[.!?,;:)]|\s*$)|funktioniert (?:immer noch )?nicht(?: mehr)?(?:\s*$|\s*[.!?,;:)]|\s+(?:[^\sn]|n[^\su]|nu[^\sr]|nur\S)\S*)|keine (?:antwort|rückmeldung)|antwortet nicht|antworten nicht|reagiert nicht|reagieren nicht|nicht erreichbar|zu spät|verspätet|verspätung|nie wieder|stürzt (?:\w+ )?ab|(?:paket|sendung|bestellung|koffer|gepäck) (?:ist |wurde |ging )?(?:verloren|verschwunden)|(?:hat|haben) (?:mein|meine|meinen|unser|unsere|das|die|den) (?:paket|sendung|bestellung|koffer|gepäck) (?:verloren|verschlampt))\b",
    ),
    r(
        Complaint,
        0.75,
        "de_kaputt",
        r"\b(?:unterirdisch|grottig|grottenschlecht|saftladen|verarsche|wucher|kaputt|defekt|beschädigt|erstattung|rückerstattung|reklamation|beschwerde|frechheit|unverschämt|enttäuscht|enttäuschend|katastrophe|katastrophal|mangelhaft|miserabel|schrott|unbrauchbar|unfreundlich|inkompetent|zu teuer|so teuer|viel teurer|plötzlich teurer|überteuert|wucher|auseinandergefallen|auseinander gefallen|ein loch|löcher|abgefallen|durchgebrannt|kaputtgegangen|kaputt gegangen|gerissen|undicht)\b",
    ),
    r(
        AskRecommendation,
        0.85,
        "de_kann_jemand_empfehlen",
        // "Kann mir jemand einen guten Vertrag empfehlen?", "was würdet ihr empfehlen?", "habt ihr
        // Tipps?", "lohnt sich der X2?", "welcher ist der beste?", "Erfahrungen mit Kestrel?".
        r"\b(?:(?:(?:kann|könnte) (?:mir |uns )?(?:jemand|einer|wer|ihr)|könnt ihr|(?:was|welche[nrs]?|wen) (?:würdet|könnt|könntet|würden|könnten) (?:ihr|sie))[^.!?\n]*\bempfehlen|(?:habt ihr|hat jemand|hat wer|gibt es) (?:eine |ein paar |irgendwelche )?(?:empfehlungen?|tipps?|erfahrungen|erfahrung))\b|\b(?:lohnt (?:sich|es sich)|(?:welche[nrs]?|was) (?:ist|sind) (?:der |die |das )?(?:beste|besten|bessere)|erfahrungen mit|weiß (?:jemand|wer|einer),? ob [^.!?\n]*\b(?:seriös|gut|zuverlässig|empfehlenswert|vertrauenswürdig|was taugt|taugt))(?:[^\p{L}\p{N}_.!?\n][^.!?\n]*)?\?",
    ),
    r(
        ChurnIntent,
        0.85,
        "de_ich_kuendige",
        // "Ich kündige meinen Vertrag", "hab gekündigt", "ich wechsle zu …", "nie wieder bei …"; not
        // "ich wechsle die Batterie".
        r"\b(?:ich (?:kündige|werde kündigen)|(?:hat|haben) (?:mich|uns) als (?:kunden|kundin|kunde) verloren|(?:kurz davor|überlege|überlegen|plane|planen),?(?: \S+){0,4} zu kündigen|(?:habe|hab|haben) (?:\S+ ){0,2}gekündigt|(?:wechsle|wechsele|wechseln) (?:jetzt |bald |endlich )?(?:zu|den anbieter|den tarif|den vertrag|das netz)|nie wieder bei|nie wieder (?:bestelle|kaufe|buche|bestellen|kaufen|buchen) (?:ich|wir)|(?:(?:ich|wir) (?:bestelle|kaufe|buche|bestellen|kaufen|buchen)|(?:bestelle|kaufe|buche|bestellen|kaufen|buchen) (?:ich|wir)) (?:\S+ ){0,3}?nie wieder)\b",
    ),
    r(
        ChurnIntent,
        0.8,
        "de_bin_raus",
        // "…, ich bin raus" (I'm out).
        r"\b(?:ich bin|bin ich|wir sind) (?:dann |jetzt |hier |da )?raus\b",
    ),
    r(
        Complaint,
        0.8,
        "de_geht_nicht",
        // Waiting and being stopped: "dauert ewig", "seit 10 Tagen unterwegs", "kann nicht bezahlen",
        // "doppelt abgebucht".
        r"\b(?:(?:schon wieder|immer noch|seit tagen|seit gestern|ständig) (?:kein|keinen) (?:netz|empfang|internet|wlan|signal)|(?:kein|keinen) (?:netz|empfang|internet|wlan|signal) (?:mehr|seit)|dauert (?:ewig|ewigkeiten|schon wochen|schon tage)|seit \d+ (?:tagen|wochen|monaten) (?:unterwegs|warte|nichts|kein|keine)|warte (?:seit|immer noch|schon seit)|seit (?:\S+ ){1,2}warte(?:n)? (?:ich|wir)|warte(?:n)? (?:\S+ ){0,3}?auf (?:eine |meine |die |das |den )?(?:antwort|rückmeldung|erstattung|rückerstattung|lieferung|paket|gutschrift)|falsche[nrs]? (?:artikel|größe|farbe|ware|produkt|teil)|lädt nicht|(?:kann|konnte|können) (?:mich |ich |man )?(?:\S+ ){0,6}?(?:nicht|nie|kaum) (?:mehr )?(?:\S+ ){0,4}?(?:bezahlen|zahlen|bestellen|einloggen|anmelden|zugreifen|kündigen|erreichen|öffnen)|(?:bezahlung|zahlung|login|anmeldung) (?:geht|funktioniert|klappt) nicht|lässt (?:mich|uns) (?:\S+ ){0,3}?nicht (?:mehr )?(?:\S+ ){0,2}?(?:einloggen|anmelden|bezahlen|bestellen|zahlen)|(?:hat|hatte|haben) (?:\S+ ){0,2}?(?:wochen|tage|monate|ewig|ewigkeiten) gedauert|(?:doppelt|zweimal) (?:\S+ ){0,2}(?:abgebucht|berechnet|belastet)|meldet sich nicht|melden sich nicht|ruft nicht zurück|ausgefallen|geht nicht mehr an|fehlte|kam (?:beschädigt|kaputt|offen|unvollständig) an|preiserhöhung|preise erhöht|teurer geworden|(?:erstattung|rückerstattung|rücksendung) (?:wird|wurde) (?:verweigert|abgelehnt)|(?:akku|batterie) hält (?:nicht|kaum|keinen|keine)|(?:haben|hat) (?:meine|die) bestellung (?:\S+ ){0,2}storniert)\b",
    ),
    r(
        Recommend,
        0.8,
        "de_probiert",
        // The imperative to readers: "probiert Kestrel unbedingt aus", "holt euch den X2".
        r"\b(?:probiert|testet) (?:\S+ ){0,4}?aus\b|\b(?:probiert|testet|holt euch|kauft euch|gönnt euch|bestellt) (?:\S+ ){0,3}?(?:unbedingt|auf jeden fall|definitiv)\b|\bunbedingt (?:ausprobieren|holen|testen)\b",
    ),
    r(
        PurchaseIntent,
        0.8,
        "de_werde_kaufen",
        // "Ich werde mir nächste Woche die X kaufen", "ich bestelle mir morgen", "überlege, mir
        // die X zu holen"; not when "nicht", "nie" or "kein" stands in it (see `denied_before`).
        r"\b(?:ich (?:werde|will|möchte|wollte|muss) (?:mir |uns )?(?:\S+ ){0,6}?(?:kaufen|bestellen|holen|zulegen|vorbestellen|gönnen)|(?:ich )?(?:kaufe|bestelle|hole|hol|gönne|gönn|kauf|bestell) mir (?:\S+ ){0,3}?(?:morgen|heute|nächste woche|am wochenende|bald|jetzt|endlich|gleich|noch)|(?:im|in den) warenkorb|(?:überlege|überlegen|spiele mit dem gedanken|plane|planen),?(?: \S+){0,2}? zu (?-i:[A-Z])\S*(?: \S+){0,2}? zu wechseln|(?:kaufe|bestelle|hole|gönne) ich mir|(?:überlege|überlegen|am überlegen),? (?:mir |ob ich mir )?(?:\S+ ){0,4}?(?:zu kaufen|zu bestellen|zuzulegen|zu holen|kaufen soll)|(?:gerade|eben|soeben) (?:\S+ ){0,3}?(?:bestellt|gekauft|vorbestellt)|(?:habe|hab) mir (?:\S+ ){0,4}?(?:bestellt|gekauft|gegönnt|geholt|vorbestellt))\b",
    ),
    r(
        AskRecommendation,
        0.8,
        "de_alternative",
        r"\b(?:eine |gute |bessere |günstigere )?alternativen? (?:zu|für)\b[^.!?\n]*\?",
    ),
    r(
        Praise,
        0.75,
        "de_zufrieden",
        r"\b(?:total|sehr|super|voll|echt|rundum|absolut|mega|richtig) (?:zufrieden|begeistert|glücklich) mit\b|\b(?:super|toller|top|klasse|spitzen|erstklassiger|hervorragender|schneller|freundlicher) (?:service|kundenservice|support)\b|\b(?:hut ab|(?:ist|sind|war) (?:einfach |echt |wirklich |absolut )?(?:der hammer|der wahnsinn|spitze|weltklasse|erste sahne))\b",
    ),
    r(
        Complaint,
        0.85,
        SARCASTIC_VERDICT,
        // Trouble, then a lone word of praise to end the post ("Paket verloren, keine Antwort. Super."): the
        // praise is the verdict on the trouble, said sarcastically (see the English rule).
        // Thanks for nothing ("Danke Acme für nichts") is the same verdict put first.
        r"(?:^|\b)(?:keine (?:antwort|rückmeldung)|(?:keiner|niemand) (?:antwortet|meldet sich|ruft zurück)|funktioniert (?:schon wieder |immer noch )?nicht|geht (?:schon wieder )?nicht|immer noch nicht|schon wieder|kaputt|verloren|storniert|verspätet|kein (?:netz|empfang)|aufgelegt)\b[^.!?\n]{0,40}[.!]+\s+(?:echt |wirklich |einfach )?(?:super|toll|klasse|spitze|großartig|grossartig|prima|bravo|herzlichen glückwunsch|danke|vielen dank)(?:,? @?\w+(?: \w+)?)?(?:\s*[.!…]+)?(?:\s*[#@]\S+)*\s*$|\bdanke\b[^.!?\n]{0,30}? für nichts\b",
    ),
    r(
        Complaint,
        0.8,
        "de_kein_geld_zurueck",
        // As `es_sin_devolver`: "Acme erstattet mir das Geld nicht", "braucht Wochen für eine
        // Antwort", "eine Stunde in der Warteschleife", "die Lieferung kam nie an", "die Qualität
        // hat nachgelassen", "hat mich abgezockt", "der Kundenservice ist schlecht".
        r"\b(?:(?:erstattet|erstatten|erstattete|erstatteten) (?:mir |uns )?(?:das |mein |unser |den )?(?:geld |betrag |kaufpreis )?(?:einfach |immer noch |bis heute |trotzdem )?(?:nicht|nie)|(?:gibt|geben|zahlt|zahlen|überweist|überweisen) (?:mir |uns )?(?:das|mein|unser|den) (?:geld|betrag|kaufpreis) (?:\S+ ){0,2}?(?:nicht|nie) zurück|(?:ich will|wir wollen|ich möchte) (?:mein|unser) geld (?:\S+ )?zurück|(?:braucht|brauchen|brauchte|brauchten) (?:(?:immer|jedes mal|schon|echt|mehrere|mehr als|über|zwei|drei|vier|\d+) ){0,2}(?:wochen|tage|monate|ewig|ewigkeiten|stunden) (?:für|bis zur?) (?:eine |die |meine |jede )?(?:antwort|rückmeldung|erstattung|lieferung|rückerstattung)|(?:\d+|eine|zwei|drei|vier|fünf|anderthalb|eineinhalb|halbe) (?:stunden?|minuten|tage|wochen) (?:\S+ ){0,2}?(?:in der warteschleife|am telefon|in der hotline)|(?:kam|kamen) (?:\S+ ){0,2}?(?:nie|niemals|nicht) an(?:\s*[.!,;]|\s*$)|geht (?:keiner|niemand) ans telefon|(?:keiner|niemand) geht (?:\S+ ){0,2}?ans telefon|(?:qualität|service|kundenservice|support) (?:(?:von|bei|der|des|vom) \S+ )?(?:hat (?:(?:stark|sehr|deutlich|extrem|leider|massiv|merklich|spürbar|enorm|total|echt) ){0,2}nachgelassen|lässt (?:(?:stark|sehr|deutlich|extrem|leider|massiv|merklich|spürbar|enorm|total|echt) ){0,2}nach|(?:ist|wird) (?:(?:immer|viel|deutlich|leider|echt|total|stark) ){0,2}schlechter(?: geworden)?)|abgezockt|(?:hat|haben) (?:mich|uns) (?:\S+ ){0,2}?(?:betrogen|verarscht|über den tisch gezogen|belogen)|(?:kundenservice|service|support|kundendienst|beratung|hotline) (?:(?:von|bei|der|des|vom) \S+ )?(?:ist|war|sind|waren) (?:(?:echt|wirklich|total|richtig|so|sehr|einfach|absolut|unglaublich|extrem|leider|mega|unterirdisch) ){0,2}(?:schlecht|mies|furchtbar|grauenhaft|schrecklich|eine frechheit|das letzte|eine zumutung)|(?:schlechter|mieser|miserabler|furchtbarer) (?:service|kundenservice|support|kundendienst))\b",
    ),
    r(
        Warn,
        0.9,
        "de_bestellt_nicht",
        // "Bestellt nicht bei Acme", "bucht bloß nicht über sie".
        r"\b(?:bestellt|kauft|bucht|bestellen sie|kaufen sie|buchen sie) (?:bloß |bloss |ja |auf keinen fall |bitte |lieber )?(?:nicht|nie|niemals|nichts) (?:\S+ )?(?:bei|von|über|auf)\b",
    ),
    r(
        Complaint,
        0.8,
        "de_app_haengt",
        // An app or shop that hangs, throws its user out, errs or crawls: "hängt beim Bezahlen",
        // "loggt mich dauernd aus", "Fehlermeldung beim Bezahlen", "der Warenkorb leert sich von
        // selbst", "die App ist extrem langsam".
        r"\b(?:(?:hängt|hing|hängen|friert|fror|stürzt|crasht|spinnt)(?: \S+){0,2} (?:beim|bei der|während der|während des) (?:bezahlen|zahlen|zahlung|einloggen|anmelden|anmeldung|bestellen|bestellung|checkout|laden)|hängt (?:sich )?(?:ständig|dauernd|andauernd|immer wieder|schon wieder)|(?:loggt|wirft|schmeißt|schmeisst|kickt) mich (?:\S+ ){0,2}?(?:aus|raus)|fehlermeldung|fehler (?:beim|bei der) (?:bezahlen|zahlung|bestellen|bestellung|einloggen|anmelden|anmeldung)|warenkorb(?: \S+){0,3} (?:leert|löscht|leerte|löschte) sich|warenkorb (?:ist|war) (?:plötzlich |schon wieder |wieder |immer )?leer|(?:app|seite|website|webseite|shop|onlineshop)(?: \S+){0,2} (?:ist|wird|läuft)(?: (?:heute|gerade|jetzt|momentan|seit \S+|schon wieder|wieder|mal wieder|echt|einfach))? (?:extrem |total |unglaublich |sehr |so |super |mega |viel zu |zu |echt )?(?:langsam|lahm|träge))\b",
    ),
];

const PT: &[Rule] = &[
    r(
        Recommend,
        0.9,
        "pt_recomendo",
        r"\b(?:(?:eu )?(?:recomendo|recomendamos)|(?:recomendadíssimo|super recomendo|vale (?:muito )?a pena)|(?:vocês|você|vcs|vc) (?:precisam|precisa|têm que|tem que|devem|deve) (?:experimentar|provar|conhecer|comprar|testar)|(?:eu )?indico)\b",
    ),
    r(
        Warn,
        0.95,
        "pt_nao_recomendo",
        // First, the verb of recommending with a warning for its object ("recomendo não
        // comprar", "aconselho a não contratarem"; see `advise_against`).
        r"\b(?:recomendo|recomendamos|aconselho|aconselhamos|sugiro|indico)(?: a todos)?(?: a| que)? (?:não|nunca|jamais) (?:comprar|comprem|compre|usar|usem|contratar|contratem|pedir|peçam|ir|confiar|confiem|assinar|assinem)[a-záéíóúâêôãõç]*|\b(?:recomendo|aconselho|sugiro) (?:a )?(?:evitar|fugir)\b|\b(?:não (?:recomendo|recomendamos|comprem|compre|indico|caiam|caia|assinem|contratem)|(?:fujam|evitem|golpe|cuidado com|não percam (?:seu |o )?tempo|passem longe|fiquem longe|pense(?:m)? (?:duas|2) vezes antes de))\b",
    ),
    r(
        Complaint,
        0.8,
        "pt_cai_toda_hora",
        // "A internet cai toda hora", "o sinal vive caindo".
        r"\b(?:cai|caindo|desconecta|trava) (?:toda hora|o tempo todo|direto|sempre)\b|\bvive (?:caindo|travando|desconectando)\b",
    ),
    r(
        Complaint,
        0.85,
        "pt_ainda_nao",
        r"\b(?:(?:não|nao) resolve(?:m|ram|u)? nada|ainda não|até agora nada|não (?:chegou|recebi|funciona|responderam|respondem)|nunca (?:chegou|recebi|responderam)|ninguém (?:responde|resolve|atende|apareceu|atendeu|respondeu|resolveu|retornou)|(?:me |nos )?(?:deixou|deixaram) esperando|não dura (?:nem|nada|mais de|quase nada)|(?:site|app|aplicativo|sistema) (?:\S+ ){0,3}?(?:caiu|fora do ar|saiu do ar)|sem resposta|nunca mais|atrasou|chegou com (?:\d+|dois|três|quatro|cinco|seis|sete|oito|nove|dez|quinze|vinte) dias de atraso|demorou demais|não devolvem|não devolveram|cobr(?:ou|aram)(?: \S+){0,3}? (?:duas vezes|a mais|em dobro)|(?:deixou|deixaram|jogou|jogaram) (?:o|meu|a|minha) (?:pacote|encomenda|caixa)(?: \S+){0,3}? (?:na rua|na chuva|no chão|do lado de fora|por cima do muro)|(?:perdeu|perderam|extraviou|extraviaram) (?:minha|meu|minhas|meus|a|o|nossa|nosso) (?:encomenda|pacote|pedido|mala|bagagem)|(?:encomenda|pacote|pedido|mala|bagagem) (?:perdida|perdido|extraviada|extraviado))\b",
    ),
    r(
        Complaint,
        0.75,
        "pt_pessimo",
        r"\b(?:(?:uma|que|é) bosta|furada|enrolação|péssimo|péssima|pessimo|pessima|horrível|horrivel|quebrado|quebrada|quebrou|danificado|danificada|estragado|estragada|defeito|reembolso|reclamação|atraso|atrasado|atrasada|decepcionado|decepcionada|vergonha|absurdo|muito cara|muito caro|caro demais|caríssimo|preço absurdo|grosseiro|grosseira|trava|travando|travou|queimaram|estragou|estragaram|quebraram|pifou|pifaram|descolou|descolaram|desfiou|desbotou|rasgou|soltou a sola|veio fria|veio frio|chegou fria|chegou frio|estava cru|estava crua)\b",
    ),
    r(
        AskRecommendation,
        0.85,
        "pt_alguem_recomenda",
        // "Alguém recomenda uma operadora boa?", "vocês indicam?", "alguma dica?", "vale a pena o
        // X2?", "qual é a melhor marca?".
        r"\b(?:(?:(?:alguém|alguem|algum de vocês|alguma de vocês) (?:me |nos )?(?:recomenda|recomendaria|indica|indicaria|sugere)|(?:o que|qual|quais) (?:vocês |vcs )?(?:me |nos )?(?:recomendam|indicam|sugerem)|(?:alguma|algumas) (?:recomendação|recomendações|indicação|indicações|dica|dicas|sugestão|sugestões)|me indiquem|preciso de (?:uma )?(?:indicação|recomendação|dicas?))\b|alguém (?:aqui )?(?:tem|já comprou|já usou|já testou|já pediu|comprou|usou|testou)[^.!?\n]*\?|(?:(?:vocês|vcs|vc|você) (?:me |nos )?(?:recomendam|indicam|recomenda|indica|sugerem)|vale (?:mesmo |muito |realmente )?a pena|(?:qual|quais) (?:é|e|são|sao) (?:o|a|os|as) melhor(?:es)?|qual (?:é |e )?melhor)(?:[^\p{L}\p{N}_.!?\n][^.!?\n]*)?\?|alguém sabe se [^.!?\n]*\b(?:bo[am]|boas|bons|bem|confiável|confiáveis|vale a pena|presta|recomendável)(?:[^\p{L}\p{N}_.!?\n][^.!?\n]*)?\?|(?:tô|to|estou|fiquei) em dúvida)",
    ),
    r(
        ChurnIntent,
        0.85,
        "pt_vou_cancelar",
        // "Vou cancelar meu plano", "cancelei minha assinatura", "vou trocar de operadora"; not "vou
        // trocar de roupa".
        r"\b(?:(?:vou|quero|vamos) (?:cancelar|(?:trocar|mudar) de (?:operadora|plano|banco|loja|empresa|provedor|marca)|migrar para)|cancelei (?:meu|minha|o|a)|nunca mais (?:compro|volto|peço|uso)|(?:vou|quero|vamos) sair d[ao] (?:operadora|banco|plano|\S+(?: \S+)? (?:assim que|quando) (?:acabar|terminar) (?:a fidelidade|o contrato|o plano)))\b|(?:^|[.!?]\s+)nunca mais\s*[.!]*\s*$",
    ),
    r(
        Complaint,
        0.8,
        "pt_nao_consigo",
        // "O site não carrega", "não consigo finalizar a compra", "veio rasgada", "até hoje nada".
        r"\b(?:(?:não|nao) (?:carrega|abre|consigo (?:mais )?(?:finalizar|pagar|comprar|entrar|acessar|logar|fazer o pedido|falar|cancelar))|veio (?:rasgad[oa]|quebrad[oa]|errad[oa]|faltando|amassad[oa]|danificad[oa]|com defeito)|(?:estou|tô|to) esperando (?:há|faz|desde)|até hoje nada|nada de (?:reembolso|resposta|entrega|retorno)|me cobr(?:ou|aram) (?:duas vezes|em dobro|a mais)|queimou|parou de funcionar|não funciona mais|aument(?:ou|aram) (?:o|os) (?:preço|preços|valor)|sem avisar|não (?:quer|querem|quis|quiseram) (?:trocar|devolver|reembolsar)|não recebi|abri (?:uma )?reclamação|veio sem|cancelaram (?:o |meu |a |minha )?(?:pedido|compra|encomenda)|demor(?:ou|aram) (?:demais|muito|mais de|um mês|semanas) (?:para|pra) (?:chegar|entregar|responder|devolver))\b",
    ),
    r(
        Complaint,
        0.8,
        "pt_sem_sinal",
        // Cut off, stuck and charged without a word ("cortaram minha linha sem aviso", "parada
        // nos correios", "não enviaram o pedido", "cobrança indevida"): a rule of its own, since
        // `pt_nao_consigo` holds as many strings as the gate takes for one rule.
        r"\b(?:veio outr[oa]|sem aviso|(?:cortou|cortaram) (?:minha|meu|a|o) (?:linha|internet|sinal|serviço|luz)|(?:parad[oa]|pres[oa]) (?:nos correios|na transportadora|na alfândega|há)|não tem (?:sinal|internet|cobertura|rede)|não (?:enviou|enviaram|mandou|mandaram|entregou|entregaram|despachou|despacharam) (?:o |a |meu |minha |nosso )?(?:pedido|produto|encomenda|compra)|cobrança indevida|(?:cobrad[oa]s?|cobraram|cobrou) (?:duas vezes|2 vezes|em dobro|a mais)|taxa (?:escondida|abusiva|indevida)|(?:que )?ninguém explicou)\b",
    ),
    r(
        Recommend,
        0.8,
        "pt_testem",
        // The imperative to readers with its object ("testem a Kestrel", "experimentem esse").
        r"\b(?:testem|experimentem|provem|conheçam|comprem|assinem)\s+(?:o|a|os|as|um|uma|esse|essa|este|esta|(?-i:[A-Z]))",
    ),
    r(
        PurchaseIntent,
        0.8,
        "pt_vou_comprar",
        // "Vou comprar a X na black friday", "estou pensando em pedir", "acabei de encomendar".
        r"\b(?:(?:vou|vamos|quero|pretendo|estou pensando em|tô pensando em|to pensando em|penso em|tô querendo|to querendo|estou querendo) (?:comprar|pedir|encomendar|assinar|adquirir|pegar (?:o|a|os|as|um|uma)|garantir (?:o|a|os|as|um|uma|o meu|a minha))|(?:acabei de|acabo de) (?:comprar|pedir|encomendar)|(?:separei|juntei|guardei|tô juntando|estou juntando|to juntando) (?:o |um )?dinheiro (?:pra|para) (?:comprar|pegar|pedir)|(?:acho que )?(?:vou|vamos) levar(?:\s*[.!,;]|\s*$| (?:o|a|os|as) (?-i:[A-Z])| (?:dois|duas|mais um|mais uma|outro|outra)\b)|no (?:meu )?carrinho)\b",
    ),
    r(
        AskRecommendation,
        0.8,
        "pt_alternativa",
        r"\balternativas? (?:a|à|ao|para|pra)\b[^.!?\n]*\?",
    ),
    r(
        Praise,
        0.75,
        "pt_amei",
        r"\b(?:amei|adorei|amo) (?:o|a|os|as|meu|minha|meus|minhas|esse|essa|este|esta)\b|\batendimento (?:excelente|ótimo|impecável|maravilhoso|perfeito|nota (?:dez|10|mil))\b|\bmelhor compra (?:que (?:já )?fiz|da minha vida|do ano)\b|\bresolveram (?:meu|o|nosso) problema (?:na hora|rapidinho|rápido|em minutos)\b|\bnota (?:mil|dez|10|1000)\b|\b(?:muito|super|totalmente) (?:satisfeit[oa]s?|feliz|felizes) com\b|\b(?:mand(?:ou|aram) (?:muito )?bem|(?:é|são) outro nível|arras(?:ou|aram))\b",
    ),
    r(
        Complaint,
        0.85,
        SARCASTIC_VERDICT,
        // Trouble, then a lone word of praise to end the post ("Pedido atrasado, ninguém responde. Parabéns."): the
        // praise is the verdict on the trouble, said sarcastically (see the English rule).
        // Thanks for nothing ("Obrigado Acme por nada") is the same verdict put first.
        r"(?:^|\b)(?:nenhuma resposta|sem resposta|ninguém (?:responde|atende)|não (?:funciona|chegou|responde|atende)|de novo|outra vez|cancelad[oa]|caiu|quebrad[oa]|perdid[oa]|atrasad[oa]|ainda não|sem (?:sinal|serviço))\b[^.!?\n]{0,40}[.!]+\s+(?:muito |simplesmente )?(?:ótimo|otimo|perfeito|maravilha|maravilhoso|excelente|parabéns|parabens|show|top|que beleza|obrigad[oa])(?:,? @?\w+(?: \w+)?)?(?:\s*[.!…]+)?(?:\s*[#@]\S+)*\s*$|\b(?:muito )?(?:obrigad[oa]|valeu)\b[^.!?\n]{0,30}? por nada\b",
    ),
    r(
        Complaint,
        0.8,
        "pt_sem_devolver",
        // As `es_sin_devolver`: "a Acme não devolve o dinheiro", "demora muito a responder",
        // "continua sem responder", "uma hora no telefone", "cobra demais", "a qualidade caiu
        // muito", "me enganou", "que atendimento ruim", "vende lixo", "é uma porcaria".
        r"\b(?:(?:não|nao) (?:me |nos )?(?:devolve|devolveu|reembolsa|reembolsam|reembolsou|reembolsaram|estorna|estornam|estornou|estornaram)|(?:não|nao) (?:me |nos )?(?:responde|atende|retorna) (?:os |as |meus |minhas |o |a |meu |minha )?(?:e-?mails?|mensagens?|ligações|ligação|telefone|chamados?|reclamações)|(?:quero|exijo|devolvam|devolve) (?:o )?(?:meu|o|nosso) (?:dinheiro|reembolso|estorno)|(?:demora|demoram|demorou|demoraram|leva|levam|levou|levaram) (?:\S+ ){0,2}?(?:muito|demais|uma eternidade|séculos|dias|semanas|meses|horas) (?:a|para|pra) (?:responder|chegar|devolver|reembolsar|entregar|resolver|atender|estornar)|(?:continua|continuam|segue|seguem) sem (?:responder|chegar|funcionar|resolver|devolver|dar retorno|retorno)|(?:\d+|uma|duas|três|tres|quatro|cinco|seis|sete|oito|dez|quinze|várias|vários|meia) (?:horas?|dias|semanas|meses) (?:esperando|aguardando|no telefone|na linha|em espera)|(?:estou|fiquei|passei|estamos|ficamos) (?:\S+ ){0,3}?(?:no telefone|na linha|em espera)|(?:cobra|cobram|cobrou|cobraram) (?:demais|uma fortuna|um absurdo|absurdos)|(?:qualidade|serviço|atendimento) (?:(?:da|do|de|dos|das|na|no) \S+ )?(?:caiu|piorou|decaiu|deixa (?:muito )?a desejar|está cada vez pior)|(?:me|nos) (?:enganou|enganaram|roubou|roubaram|passou a perna|passaram a perna)|(?:fui|fomos) (?:enganad[oa]s?|roubad[oa]s?|lesad[oa]s?)|(?:atendimento|serviço|suporte|qualidade) (?:(?:da|do|de|dos|das|na|no) \S+ )?(?:(?:é|está|foi|anda|tá|continua|sempre|muito|bem|tão|cada vez mais|simplesmente|totalmente) ){0,2}(?:ruim|péssim[oa]|horrível|inútil|lamentável|uma porcaria|uma merda)|(?:vende|vendem|é|são|uma|um) (?:lixo|porcaria))\b",
    ),
    r(
        Complaint,
        0.8,
        "pt_app_trava",
        // An app or site that hangs, throws its user out, errs or crawls: "fica travando toda
        // hora", "me desloga toda hora", "dá erro no pagamento", "o carrinho esvazia sozinho", "o
        // app é muito lento".
        r"\b(?:fica (?:travando|caindo|fechando|deslogando|reiniciando|carregando)|(?:trava|travou|cai|caiu|fecha|fechou) (?:toda hora|o tempo todo|direto|sozinho|sempre|na hora de pagar|quando vou pagar|ao pagar|no pagamento)|me (?:desloga|deslogou|desconecta|desconectou|expulsa|expulsou)|(?:dá|da|deu|dando|aparece|apareceu|aparecendo) (?:um |uma mensagem de )?erro|carrinho(?: \S+){0,3} (?:esvazia|esvaziou|some|sumiu|apaga|apagou)|(?:app|aplicativo|site|sistema)(?: \S+){0,3} (?:é|está|tá|ta|fica|anda) (?:muito |super |mega |tão |bem )?(?:lent[oa]|lerd[oa]))\b",
    ),
];

// Persian and Arabic rules run on normalised text (see lexicon::normalize), so they are written in
// normalised spelling: Persian ی/ک, Arabic ي/ك/ه for ة, bare alef, ZWNJ as a space.
const FA: &[Rule] = &[
    r(
        Recommend,
        0.9,
        "fa_pishnahad",
        r"(?:پیشنهاد|توصیه)(?:ش|شون)? می ?کنم|حتما (?:بخرید|امتحان کنید|بگیرید)|ارزش خرید",
    ),
    r(
        Warn,
        0.95,
        "fa_nakharid",
        // First, the verb of recommending with a warning for its object ("بهتون توصیه میکنم
        // نخرید", I advise you not to buy; "پیشنهاد میکنم اصلا سمتش نرید"; see `advise_against`).
        // Also "don't throw your money away" ("پولتونو دور نریزید", "پولتان را هدر ندهید").
        r"(?:پیشنهاد|توصیه)(?:ش|شون)? می ?کنم (?:\S+ ){0,3}?(?:نخرید|نخرین|نگیرید|نگیرین|خرید نکنید|استفاده نکنید|نرید)|(?:پیشنهاد|توصیه) نمی ?کنم|نخرید|اصلا نخرید|خرید نکنید|سفارش (?:ندید|ندهید|ندین)|(?:نصب|نصبش|دانلود|دانلودش) (?:نکنید|نکنین)|نگیرید|کلاهبردار(?:ی|ه|ن|ند|ها|ان)?(?:\s|$|[.!،])|دوری کنید|سمت (?:[^ ]+ ){0,2}?نرید|نرید سمت|پول\S* (?:\S+ )?(?:دور نریزید|دور نریزین|هدر ندهید|هدر ندید|حروم نکنید|حروم نکنین)",
    ),
    r(
        Complaint,
        0.85,
        "fa_hanooz",
        r"منتظر (?:سفارشم|سفارش|بسته|بستم|مرسوله|پولم|پول) |(?:جنس|سفارش|کالا)(?:ش|مو|م)? (?:رو |را )?(?:نفرستادن|نفرستادند|نفرستاده اند|ارسال نکردن|ارسال نکردند)|هنوز (?:نرسیده|نیامده|ارسال نشده|جواب)|(?:پشتیبانی|پاسخ|جواب) (?:\S+ ){0,3}(?:نمی ?(?:ده|دهد|دن|دهند|دید)|ندادند|نداد)|نرسیده|نرسید|(?:گرون|گران) (?:شده|کردند|کردن)|بی ?جواب (?:گذاشته|گذاشتن|گذاشتند|مونده|مانده)|دو ?برابر (?:شده|شد|کردند|کردن)|(?:قیمت|قیمتها|قیمت ها)(?: \S+){0,3} بالا رفته|نمی ?صرفه|گم (?:کرده|کردند|کردن|شده|شد)|پاره (?:شد|شده)|هیچ خبری (?:نیست|نشد|نشده)|کیفیت(?:ش)? (?:\S+ ){0,2}(?:پایینه|پایین(?: است| هست| بود)?|بده|بد(?: است| هست| بود)|افتضاح|افتضاحه)(?:\s*[.!،,؛]|\s*$)",
    ),
    r(
        Complaint,
        0.75,
        "fa_kharab",
        // "خیلی کنده" (it's very slow), "سرعتش پایینه" (its speed is low), "صفحه خط افتاد" (the
        // screen got a line), "ترک خورد" (it cracked).
        r"خراب|افتضاح|سوخت|سوخته|مرجوع|بازگشت وجه|ناراضی|شکایت|بدترین|ضعیف|گرون|گرانه|خیلی گران|تاخیر|دیر رسید|شکسته|معیوب|خط (?:افتاد|افتاده|انداخت|انداخته)|ترک (?:خورد|خورده|برداشت|برداشته)|(?:خیلی|خیلی خیلی|واقعا|بشدت|به شدت) (?:کنده|کند است|کند شده)|سرعتش (?:خیلی )?(?:کمه|پایینه|افتضاحه)|(?:پرداخت|خرید|ثبت سفارش|ثبت نام|ورود|لاگین)(?: \S+){0,3}? انجام (?:نمی ?شه|نمی ?شود|نشد|نمی ?شد)",
    ),
    r(
        Complaint,
        0.8,
        "fa_anten_nemide",
        // "آنتن نمیده" (no signal), "ارزشش رو نداره" (not worth it), "قیمتش خیلی بالاست".
        r"[آا]نتن (?:\S+ ){0,5}?(?:اصلا |هیچ )?(?:نمیده|نمی ?دهد|نداره|نداریم|ضعیفه)|ارزشش? (?:رو |را )?نداره|ارزش خرید نداره|قیمتش? (?:خیلی )?بالاست",
    ),
    r(
        AskRecommendation,
        0.85,
        "fa_pishnahad_bedid",
        // "کسی می‌تونه یه اپراتور خوب پیشنهاد بده؟", "چی پیشنهاد می‌کنید؟", "ارزش خرید داره؟",
        // "بهترین گوشی کدومه؟".
        r"(?:پیشنهاد|توصیه|معرفی) (?:بدید|بدین|بده|بدهید|بکنید|بکنین|کنید|کنین|می ?دید|می ?دین|می ?دهید|می ?کنید|می ?کنین)\s*[؟?]|کسی (?:می ?تونه|می ?تواند|می ?شناسه)[^.!?؟\n]*(?:پیشنهاد|معرفی|توصیه)|(?:چی|چه) (?:پیشنهاد|توصیه) می ?(?:کنید|کنین|دید|دین|دهید)|ارزش (?:خریدن? )?(?:داره|دارد)\s*[؟?]|کسی[^.!?؟\n]*(?:امتحان|تست|استفاده|خرید) (?:کرده|کردن|کرده است)\s*[؟?]|بهترین[^.!?؟\n]*(?:کدومه|کدام است|کدامه|چیه)|به نظر(?:تون|ت|شما|تان) [^.!?؟\n]*(?:بخرم|بگیرم|بخریم)[^.!?؟\n]*[؟?]|(?:بخرم|بگیرم) یا [^.!?؟\n]*[؟?]|کسی[^.!?؟\n]*(?:داره|دارد|داشته|خریده)\s*[؟?]|(?:راضیه|راضی هستید|راضی هستین|راضی هستی|راضی هستن|راضی بودید|راضی بودین|راضی بوده|راضی بودن)\s*[؟?]",
    ),
    r(
        AskRecommendation,
        0.8,
        "fa_kodoom_behtare",
        // "کدوم مدلش بهتره؟" (which model is better?).
        r"کدوم (?:\S+ ){0,2}بهتره",
    ),
    r(
        ChurnIntent,
        0.85,
        "fa_laghv",
        // "اشتراکم را لغو می‌کنم", "دیگه ازشون خرید نمی‌کنم", "دیگه هیچوقت از این برند خرید
        // نمیکنم" (I'll never buy from this brand again).
        r"(?:دارم|میخوام|می ?خوام|می ?رم|میرم) (?:\S+ ){0,2}(?:اپراتور|شرکت|برند|فروشگاه|بانک)(?: \S+)? (?:دیگه|دیگر)|(?:اپراتور|شرکت|برند|بانک)(?:مو|م) (?:عوض|تغییر) (?:می ?کنم|کردم)|(?:لغو|کنسل) (?:می ?کنم|کردم)|(?:دیگه|دیگر|هیچوقت|هیچ وقت|هرگز) (?:\S+ ){0,4}?(?:خرید نمی ?کنم|نمی ?خرم|سفارش نمی ?دم)|(?:فکر می ?کنم|میخوام|می ?خوام|دارم فکر می ?کنم) (?:عوضش|ولش|کنسلش|لغوش) (?:کنم|می ?کنم)",
    ),
    r(
        Complaint,
        0.8,
        "fa_kar_nemikone",
        // "سایت موقع پرداخت خطا می‌دهد", "اپ کار نمی‌کنه", "پولم را پس نداده‌اند", "مشکل هنوز
        // حل نشده" (the problem is still not solved).
        r"کار نمی ?(?:کنه|کند)|قطع و وصل|باز نمی ?(?:شه|شود)|(?:همش|مدام|هی|دائم) قطع می ?(?:شه|شود)|(?:هنگ|کرش) می ?(?:کنه|کند)|(?:خطا|ارور) می ?(?:ده|دهد)|پرداخت (?:نمی ?شه|انجام نشد|ناموفق)|(?:پول|وجه|پولم|پولمو|پولمون)(?: من)?(?: (?:را|رو))? پس (?:نداده|ندادن|نمی ?دن|نمی ?دهند|ندادند|نمیدن)|(?:حل|برطرف|رفع) (?:نشد|نمی ?شه|نمی ?شود)|نمی ?(?:تونم|توانم) (?:\S+ ){0,2}?(?:وارد|لاگین|پرداخت|ثبت ?نام|سفارش)|(?:باتری|شارژ)\S* (?:\S+ ){0,3}?زود (?:خالی|تموم) (?:می ?کنه|می ?شه|می ?کند|می ?شود)|(?:پول|پولم|پولمون|مبلغ) (?:\S+ )?(?:کم|کسر) (?:شد|شده)|ثبت (?:نشد|نشده|نمی ?شه)",
    ),
    r(
        PurchaseIntent,
        0.8,
        "fa_mikham_bekharam",
        // "میخوام هفته بعد بخرم" (I want to buy it next week), "قصد دارم سفارش بدم".
        r"(?:می ?خوام|قصد دارم|تصمیم دارم|تصمیم گرفتم|دارم فکر می ?کنم) (?:\S+ ){0,4}?(?:بخرم|بخریم|بگیرم|بگیریم|سفارش بدم|سفارش بدیم|تهیه کنم)|(?:فردا|امروز|امشب|این هفته|آخر هفته|میرم|می رم) (?:\S+ ){0,4}?(?:می ?خرم|می ?خریم|می ?خرمش)(?:\s|$|[.!،])|(?:گذاشتم|گذاشتیم|اضافه کردم|انداختم) (?:تو |توی |در |به )?سبد خرید",
    ),
    r(
        AskRecommendation,
        0.8,
        "fa_jaygozin",
        // "یه جایگزین خوب برای … میشناسه؟" (anyone know a good alternative to …?).
        r"(?:جایگزین|جانشین)[^.!?؟\n]*[؟?]|کسی[^.!?؟\n]*(?:خوب|بهتر|مطمئن)[^.!?؟\n]*(?:می ?شناسه|سراغ داره|می ?شناسید|سراغ دارید|می ?شناسین)\s*[؟?]",
    ),
    r(
        ChurnIntent,
        0.8,
        "fa_avaz_mikonam",
        // "خط … رو میخوام عوض کنم" (I want to change my line), "اشتراکمو لغو کردم".
        r"(?:خط|سیم ?کارت|سیمکارت|اشتراک|اپراتور|حساب)(?:م|مو|مون|مونو)?(?: \S+){0,4}? (?:عوض|لغو|کنسل) (?:کنم|می ?کنم|کردم)",
    ),
    r(
        ChurnIntent,
        0.8,
        "fa_avazesh_mikonam",
        // "دارم عوضش میکنم" (I'm changing it, of a provider the post names).
        r"(?:دارم|میخوام|می ?خوام|باید) (?:\S+ )?عوضش (?:می ?کنم|کنم)",
    ),
    r(
        Praise,
        0.75,
        "fa_razi",
        // "خیلی راضیم" (I'm very happy with it), "عاشقش شدم" (I love it); not "ناراضی".
        r"(?:^|\s)(?:خیلی |واقعا |کاملا |بسیار )?راضی(?:م|یم| هستم| هستیم)(?:\s|$|[.,!،])|عاشقش (?:شدم|هستم)|سنگ تموم گذاشت|(?:^|\s)(?:دمت|دمتون) گرم|دست مریزاد",
    ),
    r(
        Complaint,
        0.8,
        "fa_moattal",
        // The experience around a purchase as short Persian posts put it (in normalised spelling,
        // ZWNJ a space): money not given back ("پولمو پس نمیده", "هنوز پولمو از … پس نگرفتم"),
        // waiting on the line ("یک ساعت پشت خط موندم"), late answers ("خیلی دیر جواب میده"),
        // prices ("قیمت های … خیلی بالاست"), quality gone down ("کیفیت … افت کرده"), being
        // cheated ("سرم کلاه گذاشت"), charged twice ("دو بار از حسابم کم کرد") and an order
        // cancelled by the seller ("سفارشمو بدون دلیل لغو کرد").
        r"(?:پول|وجه|پولم|پولمو|پولمون|مبلغ)(?: \S+){0,3}? پس (?:نمی ?ده|نمی ?دهد|نمیدن|نگرفتم|نگرفتیم|نمی ?گیرم)(?:\s|$|[.!،])|پشت خط (?:\S+ ){0,3}?(?:موندم|ماندم|بودم|منتظر|معطل)|(?:خیلی |خیلی خیلی |همیشه |واقعا )?دیر (?:جواب|پاسخ) (?:می ?ده|می ?دن|می ?دهد|می ?دهند|دادن|دادند|داد)|(?:قیمت|قیمتها|قیمت ها|قیمتهای|قیمت های)(?: \S+){0,3}? (?:خیلی |بشدت |واقعا |خیلی خیلی )?(?:بالاست|بالاس|زیاده|گرونه|نجومیه)|کیفیت(?:ش|شون)?(?: \S+){0,2}? (?:افت کرده|افت کرد|پایین اومده|پایین آمده|بدتر شده|خیلی بد شده)|سر(?:م|مون|ما) کلاه (?:گذاشت|گذاشتن|گذاشتند|گذاشته)|دو ?بار (?:\S+ ){0,3}?(?:کم|کسر|برداشت) (?:کرد|کردن|کردند|شد|شده)|سفارش(?:م|مو|مون|ش)?(?: \S+){0,3}? (?:لغو|کنسل) (?:کرد|کردن|کردند|شد|شده)(?:\s|$|[.!،])",
    ),
    r(
        Complaint,
        0.85,
        SARCASTIC_VERDICT,
        // Thanks for nothing ("مرسی Acme بابت هیچی"), as in the other languages.
        r"(?:مرسی|ممنون|ممنونم|متشکرم|تشکر|دمتون گرم)(?: \S+){0,3}? (?:بابت|برای|به خاطر) هیچی",
    ),
    r(
        Complaint,
        0.8,
        "fa_az_kar_oftad",
        // A site or app that stopped working or crawls: "سایت موقع پرداخت از کار افتاد", "اپ
        // خیلی کنده".
        r"از کار (?:افتاد|افتاده|میفته|می افته|می افتد)|(?:سایت|اپ|اپلیکیشن|برنامه)(?: \S+){0,3} (?:خیلی |خیلی خیلی |بشدت |به شدت )?(?:کنده|کند است|کند شده|لاگ داره|لگ داره)",
    ),
];

const AR: &[Rule] = &[
    r(
        Recommend,
        0.9,
        "ar_ansah",
        r"(?:^|\s)(?:انصح|انصحكم|ننصح|انصحك)(?:\s|$)|يستاهل|يستحق التجربه|جربوه",
    ),
    r(
        Warn,
        0.95,
        "ar_la_ansah",
        // First, the verb of advising with a warning for its object ("انصحكم لا تشتروا", I advise
        // you not to buy; "ننصح بعدم التعامل", we advise against dealing with them; see
        // `advise_against`), not with "don't hesitate" ("انصحكم ما تترددون").
        // "حراميه" (thieves) only as a word of its own: inside a tag it is a slogan's
        // ("#حاميها_حراميها", its protectors are its thieves: 55 of 40,000 stream texts).
        r"(?:^|\s)و?(?:انصح|انصحكم|ننصح|ننصحكم|انصحك)(?: \S+)? (?:(?:لا|ما|مش) (?:تشتر|تتعامل|تطلب|تجرب|تستخدم|تنزل|تحمل|تروح|تدفع)\S*|بعدم (?:الشراء|شراء|التعامل|استخدام|الطلب|طلب|تجربه|تحميل|الاشتراك))|(?:لا|ما|مش) (?:انصح|انصحكم|تشتر|تشترو|تتعاملوا|تتعاملون|تتعاملو|تطلبوا|تطلبو)|نصيح(?:ه|تي):? لا تتعامل|ابتعدوا|ابعدوا عن(?: |$)|احذروا|احذر|نصب|نصابين|(?:^|\s)(?:حراميه|حراميين)(?:\s|$|[.!،])",
    ),
    r(
        Complaint,
        0.85,
        "ar_lam_yasil",
        r"(?:لم|ما|لسه ما|لحد الان ما) (?:يصل|تصل|وصل|وصلت|يتم|يردو|يرد|رد|ردوا|ردو)|(?:لم|ما|لسه ما|لسا ما|لحد الان ما|لحد دلوقتي ما|للحين ما) (?:استرجعت|استرديت|استلمت|رجعولي|رجعوا لي|رجعوا فلوسي)|(?:لا|ما) (?:يرد|ترد|يردون|احد يرد)(?:\s|$|[.,!?؟،])|(?:فاتوره|فواتير)\S* (?:\S+ )?(?:غلط|غلطانه|خطا)|محدش (?:بيرد|رد)|(?:ما ?حد|ما(?: ?في)? ?احد) (?:رد|يرد|بيرد|يردون)|(?:انتظر|استني|منتظر|بستني) (?:الطلب|الطلبيه|طلبي|الشحنه|شحنتي|المبلغ|الاسترجاع|الفلوس|فلوسي)",
    ),
    r(
        Complaint,
        0.75,
        "ar_sayi",
        // "التطبيق بيهنج" (the app hangs), "الشاشه انكسرت" (the screen broke), "السعر مرتفع",
        // "الطلب بايظ" (the order is broken), "زهقت من" (I'm fed up with).
        // "اسوا" (worst) ends its word: "اسواق" (markets, and a chain's name), "اسوان" (Aswan)
        // and the name "الاسواني" hold it.
        r"سيء|سيئه|زفت|خربان|(?:بي|ي)سرقو(?:ا|ن|نا)?(?:\s|$)|سرقونا|سرقوني|معطل|استرجاع|شكوى|تاخير|متاخر|اسوا(?:$|[^\p{L}])|فاشل|تاخر|تاخرت|اتاخر|مكسور|مكسوره|خربت|عطلان|غالي جدا|غالي اوي|غاليه جدا|السعر غالي|الاسعار غاليه|اسعار غاليه|(?:^|\s)(?:يهنج|بيهنج|انكسر|انكسرت|اتكسر|اتكسرت|تعطل|تعطلت|خرب|اتخرب|انخرب)(?:\s|$|[.,،])|(?:السعر|الاسعار|سعره|سعرها|سعر|اسعار) (?:\S+ )?(?:مرتفع|مرتفعه|عالي|غالي)|غالي (?:مره|بزاف|بالمره|كتير|كثير)|بايظ|(?:^|\s)باظت?(?:\s|$|[.,،])|(?:زهقت|زهقنا) من|(?:وقف|وقفت|توقف|توقفت) عن (?:الشغل|العمل)|(?:وصل|وصلت|جا|جات|جاني|جاتني) ناقص|(?:الاكل|الطلب|الطعام|الوجبه|الاكله) (?:\S+ )?بارد(?:$|[^\p{L}])",
    ),
    r(
        Complaint,
        0.8,
        "ar_bati",
        // "النت بطيء جدا" (the net is very slow), "التوصيل بطيء" (delivery is slow).
        r"(?:النت|الانترنت|الشبكه|التطبيق|الموقع|الخدمه|التوصيل|الشحن|الرد)(?: \S+)? (?:بطيء|بطيئ|بطيئه|بطيه|بطي)(?:$|[^\p{L}])",
    ),
    r(
        Complaint,
        0.75,
        "ar_ma_tistahil",
        // "الأسعار نار، ما تستاهل" (prices are fire, not worth it); "ما عاد يستاهل", "لم يعد
        // يستحق" (no longer worth it).
        // Dialect judgements of a price ("لا تستحق" alone is as often a proverb's "does not deserve").
        r"(?:الاسعار|السعر|اسعارهم|سعره|سعرها) نار|(?:ما|مو|مش) ?(?:عاد |عادت )?(?:تستاهل|يستاهل)(?:$|[^\p{L}])|(?:لم|ما) (?:يعد|تعد) (?:\S+ )?(?:يستحق|تستحق|يستاهل|تستاهل)|(?:لا|ما) (?:تستحق|يستحق) (?:الشراء|السعر|فلوسها|فلوسه|المبلغ|سعرها|سعره)",
    ),
    r(
        AskRecommendation,
        0.85,
        "ar_tansahuni",
        // "هل يمكن أن ينصحني أحد بشركة جيدة؟", "ايش تنصحوني؟", "ايه أحسن موبايل؟", "هل يستاهل؟".
        r"ينصحني|تنصحوني|تنصحني|انصحوني|(?:ايش|وش|شو|ماذا|بماذا|بايش|بشو) (?:تنصحون|تنصحوا|تنصحو|بتنصحو)|(?:ايه|ايش|وش|شو|ما هو|ما هي|مين) (?:ال)?(?:احسن|افضل)[^.!?؟\n]*[؟?]|هل (?:يستحق|يستاهل|تستاهل|تستحق)[^.!?؟\n]*[؟?]|(?:يستاهل|يستحق|تستاهل|تستحق)(?: (?:سعره|سعرها|الشراء|التجربه|فلوسه|فلوسها|الفلوس))?\s*[؟?]|(?:ابي|ابغى|عايز|محتاج|اريد) (?:نصيحه|ترشيح|اقتراح)|(?:رشحوا|اقترحوا) (?:لي|علي)|(?:^|\s)(?:هل )?(?:احد|حد|في احد|فيه احد|حدا) (?:جرب|استخدم|اشترى|اشتري|طلب|عنده تجربه|عنده خبره)[^.!?؟\n]*[؟?]",
    ),
    r(
        ChurnIntent,
        0.85,
        "ar_algi",
        // "راح الغي اشتراكي", "لغيت الخط", "لن اتعامل معهم مره ثانيه".
        r"(?:راح|رح|سوف|سا|س|ح|هـ|قررت|ناوي|بفكر) ?(?:الغي|اغير|اترك) (?:الاشتراك|اشتراكي|الخط|خطي|الشركه|حسابي)|(?:الغيت|لغيت|كنسلت) (?:الاشتراك|اشتراكي|الخط|خطي|حسابي)|(?:بطلت|وقفت|تركت) (?:اتعامل|التعامل|اشتري)|(?:رحت|انتقلت|حولت) (?:ل|الى|على) ?(?:شركه|شبكه) (?:ثانيه|تانيه|اخرى|غيرها)|(?:لن|مش ه|ما راح|ما رح) ?(?:اشتري|اتعامل) (?:منهم|معهم)|(?:^|\s)(?:بلغي|بالغي|بكنسل|حلغي|هلغي|حكنسل|هكنسل|ابي الغي|ابغى الغي|عايز الغي|عاوز الغي|ناوي الغي) (?:الاشتراك|اشتراكي|الخط|خطي|حسابي|العضويه|الباقه|باقتي)",
    ),
    r(
        Complaint,
        0.8,
        "ar_la_yamal",
        // "الموقع لا يعمل عند الدفع", "لم أستطع إتمام الطلب", "خصموا المبلغ مرتين".
        // A thing that does not work, not a person ("عاطل لا يعمل", out of work); being unable to
        // pay or order, not any "I can't" ("مش قادر افهم", I can't understand).
        r"(?:موقع|تطبيق|برنامج|ابلكيشن) (?:\S+ ){1,3}(?:لا يعمل|ما يشتغل|مش شغال|مش بيشتغل|عطلان|واقف)|(?:الموقع|التطبيق|البرنامج|الخط|الجهاز|النت|الانترنت|الرابط|الكود|الكرت|البطاقه|الشاحن|الدفع|الشبكه|الخدمه|الراوتر|الجوال|التلفون|الموبايل|الارسال|الابلكيشن|التطبيق) (?:\S+ )?(?:لا يعمل|ما يشتغل|مش شغال|مش بيشتغل|واقف|عطلان|لا يفتح|ما يفتح|مش بيفتح|ما بيفتح|يعلق|بيعلق)|(?:لم (?:استطع|اتمكن)(?: من)?|ما قدرت|ما اقدر|مش قادر|مو قادر) (?:اتمام|اكمال|اكمل|الدفع|ادفع|الشراء|اشتري|الدخول|ادخل|تسجيل|الطلب|اطلب|استرجاع|استرجع|الغي|الغاء|الغيت)|(?:خصموا|سحبوا|خصم|انسحب|اتسحب|اتخصم|اتخصمت|انخصم|انخصمت|خصمت|سحبت) (?:المبلغ |مني )?مرتين|رفعوا (?:الاسعار|السعر)|(?:ما|لم|مش) (?:رضوا|يرضوا|يقبلوا|رضيوا|قبلوا) (?:\S+ )?(?:يرجعوا|يرجعو|ارجاع|استرجاع|يبدلوا|تبديل|يستبدلوا)|ما رجعوا|ولا احد يرد|(?:الفلوس|فلوسي|المبلغ|مبلغي) (?:ما|لم|مش) (?:رجعت|رجع|ترجع|يرجع|وصلت|وصل)",
    ),
    r(
        Complaint,
        0.8,
        "ar_yaalaq",
        // An app that hangs, a card refused, an error every time, a line cut off, nobody solving
        // it ("التطبيق يعلق كل شوي", "ما يقبل الدفع", "كل مرة خطأ", "النت مقطوع", "محد حل مشكلتي"). A
        // rule of its own: `ar_la_yamal` is run on a tenth of Arabic posts, and each alternative
        // added to it made every one of those runs dearer.
        r"(?:التطبيق|تطبيق|الموقع|موقع|البرنامج|برنامج|ابلكيشن)(?: \S+){0,3} (?:يعلق|بيعلق|يهنج|بيهنج|يقفل|بيقفل)(?:\s|$|[.,!?؟،])|(?:ما|لا|مش|مو) ?(?:يقبل|يقبلوا|بيقبل|تقبل|بتقبل|قبل) (?:الدفع|البطاقه|الفيزا|الكرت|بطاقتي|الكود|الكوبون)|(?:كل مره|دايما|دائما|على طول) (?:يطلع |يطلعلي |يعطي |يعطيني )?(?:خطا|ايرور|error)|(?:النت|الانترنت|الخط|الشبكه|الخدمه|الكهرباء|الواي فاي|الراوتر)(?: \S+)? (?:مقطوع|مقطوعه|يقطع|بيقطع|فاصل)|(?:ما|محد|ما حد|ولا حد|لا احد|ولا احد) ?(?:حل|يحل|حلوا|حلو) (?:مشكلتي|المشكله|مشكلتنا)",
    ),
    r(
        PurchaseIntent,
        0.8,
        "ar_nawi_ashtari",
        // "ناوي أشتري" (I intend to buy), "ودي أطلب", "هشتري"; a negator before it denies it
        // ("مش ناوي اشتري", see `denied_before`).
        r"(?:^|\s)(?:ناوي|ناويه|ناويين|بفكر|افكر|حابب|حابه|ودي|بدي|ابي|ابغى|ابغي|عايز|عاوز|عايزه|عاوزه|اريد|سوف|راح|رح) (?:اشتري|اشتريه|اشتريها|اطلب|اطلبه|اطلبها|اجيب|اجيبه|اجيبها|اشترك)(?:\s|$)|(?:^|\s)(?:هشتري|حشتري|هطلب|حطلب|هجيب|حجيب|هشترك|حشترك)(?:\s|$)|(?:حطيت|حطيته|حطيتها|ضفت|اضفت|حطينا) (?:\S+ ){0,4}?(?:في|ف) ?السله",
    ),
    r(
        AskRecommendation,
        0.8,
        "ar_badil",
        // "أحد يعرف بديل كويس لـ …؟" (anyone know a good alternative to …?).
        r"بديل[^.!?؟\n]*[؟?]|(?:^|\s)(?:احد|حد|حدا|في احد|فيه احد) (?:يعرف|بيعرف|يعرفلي|يدلني|يدل)[^.!?؟\n]*(?:مكان|محل|شركه|احسن|افضل|كويس|زين|حلو|ممتاز)[^.!?؟\n]*[؟?]",
    ),
    r(
        Praise,
        0.75,
        "ar_mabsout",
        // "راضي جدا" (very satisfied), "عجبني مره" (I liked it a lot).
        r"(?:^|\s)(?:راضي|راضيه|مبسوط|مبسوطه|مرتاح|مرتاحه|عجبني|عجبتني|حبيته|حبيتها) (?:جدا|مره|كتير|اوي|خالص|كثير)(?:\s|$|[.,!،])|(?:^|\s)(?:ابدعتوا|ابدعتو|ابدعتم|ابدعوا|خرافي)(?:\s|$|[.,!،])|(?:^|\s)(?:الشحن|التوصيل) (?:كان )?(?:سريع|سريعه) (?:جدا|مره|كتير|اوي)(?:\s|$|[.,!،])",
    ),
    r(
        Complaint,
        0.8,
        "ar_nasabou_alay",
        // The experience around a purchase as short Arabic posts put it (in normalised spelling):
        // an hour on the phone ("ساعه علي الهاتف": "على" as normalised), being cheated ("ضحكوا علي"), an order
        // cancelled by the seller ("الغوا طلبي"), asking for the money back ("ابي استرجع فلوسي").
        r"(?:ساعه|ساعتين|ساعات|نص ساعه|نصف ساعه)(?: \S+)? (?:علي|في|عال) ?(?:الهاتف|التلفون|التليفون|الخط|الانتظار|خط|تلفون)|(?:ضحكوا|نصبوا|احتالوا|كذبوا) (?:علي|علينا|عليا)|(?:سرقوني|سرقونا|غشوني|غشونا)|(?:الغوا|لغوا|كنسلوا|الغو) (?:طلبي|الطلب|طلبيتي|الطلبيه|طلبنا)|(?:ابي|ابغى|ابغي|اريد|بدي|عايز) (?:استرجع|ارجع|استرد) (?:فلوسي|المبلغ|مبلغي|فلوسنا)",
    ),
    r(
        Complaint,
        0.85,
        SARCASTIC_VERDICT,
        // Thanks for nothing ("شكرا Acme على ولا شي", its "على" normalised to "علي"), as in the
        // other languages.
        r"(?:شكرا|مشكورين|مشكور)(?: \S+){0,3}? علي (?:ولا شي|ولاشي|لا شي|لاشي|ولا شيء|لا شيء)",
    ),
    r(
        Complaint,
        0.8,
        "ar_yitla_khata",
        // An app or site that stops, will not open, errs or crawls, named without the article
        // ("موقع X وقف وقت الدفع", "تطبيق X ما يفتح بعد التحديث", "يطلع لي خطأ وقت الدفع",
        // "تطبيق X بطيء جدا").
        r"(?:موقع|تطبيق|برنامج|ابلكيشن|الموقع|التطبيق|البرنامج|الابلكيشن)(?: \S+){0,3} (?:وقف|توقف|علق|هنق|لا يفتح|ما يفتح|مش بيفتح|ما بيفتح|ما يفتحش|بطيء|بطي|بطئ|ثقيل|تقيل)(?:\s|$)|(?:يطلع|يطلعلي|يظهر|يظهرلي|طلع|طلعلي|ظهر|ظهرلي)(?: لي| معي| عندي)? (?:\S+ )?(?:خطا|خطأ|ايرور|ارور|error)",
    ),
];

/// Lazy-DFA cache limit of each rule's own regex. The rules used to run as one `RegexSet` a
/// language, whose overlapping scan built states from every new text (on a stream of texts each
/// seen once, more than half of `earshot classify`), so its English cache had to be 32 MB. A rule
/// alone needs few states: on 40,000 stream texts, 512 KB a rule costs 0.4 % more instructions
/// than 1 MB, 256 KB 1.3 %, 128 KB 21 % (the costliest rules' states no longer fit). With 138
/// rules, 512 KB each no longer bounded the process under 100 MB (2026-12-05: 69 MB of caches,
/// 43 MB after start-up, the piece cache's 16 MB), so 256 KB: 0.9 % more instructions than 512 KB
/// on those texts, peak resident memory unchanged (83 MB on 200,000 stream texts, most rules
/// never fill theirs), and a bound of 35 MB for the rules and 4 MB for the categories.
const RULE_DFA_CACHE_BYTES: usize = 256 << 10;
/// The same for the rules of the other languages, which read only their language's posts. With
/// 201 rules (2026-12-05, eighteenth session) 256 KB each made the bound about 109 MB; 79 rules at
/// 128 KB make it about 99 MB, for 4.0 % more instructions on 40,000 stream texts (two in five of
/// them Arabic; 192 KB for every rule cost 4.7 %, the English rules reading every post). 83 rules
/// (twenty-first session: a sarcastic verdict each for es, fr, de and pt) make it about 99.5 MB.
/// (Those sums counted the ten category patterns' caches as 3.5 MB; they are 5 MB, and the sum is
/// about 102.5 MB: see the README's Benchmarks for the measured peaks.)
const OTHER_RULE_DFA_CACHE_BYTES: usize = 128 << 10;
/// Rules whose states do not fit their language's cache ([`RULE_DFA_CACHE_BYTES`],
/// [`OTHER_RULE_DFA_CACHE_BYTES`]), and how many times that they get: a lazy DFA that fills its
/// cache clears it and builds its states again, and one that clears too often gives up for the
/// search and lets a slower engine run it.
///
/// Chosen by timing each rule's regex alone on the texts its gate named it for, at its cache and
/// at twice and four times that (twenty-ninth session: the dev texts five times over, and 40,000
/// stream texts once). Listed where the larger cache saved at least 1 ms on the stream texts;
/// in milliseconds, stream texts then dev texts:
/// - `ar_sayi` 21.2 → 2.8, 3.8 → 0.3; `ar_tansahuni` 2.6 → 0.9; `fa_hanooz` 4.2 → 0.9, 0.8 → 0.1;
///   `fa_pishnahad_bedid` 2.2 → 1.0 (the Persian and Arabic ones at twice 128 KB);
/// - `ar_la_yamal` 6.8 → 3.5, 1.9 → 0.4 at four times (twice since the twenty-second session:
///   its branches are cheap alone, their states multiply together);
/// - `sarcastic_verdict` (English's and the Latin languages') 9.0 → 5.0 and 7.8 → 2.9;
/// - `avoid` 7.4 → 3.4, 1.7 → 0.4; `outage` 5.0 → 2.3; `you_should` 5.5 → 3.6, 1.2 → 0.6;
///   `imperative_advice` 11.8 → 9.7; `any_recommendations` 5.5 → 4.3; `exceeded` 4.0 → 2.9;
/// - `suggestion_to_improve` (twenty-second session: 1,198 µs a text with 256 KB against 193 µs
///   with 512 KB once its requests to a maker were added; four times gains nothing more).
///
/// In the classifier, where the other rules' tables push a rule's out of the processor's caches
/// between its searches, the rules' searches on the dev texts five times over took 610 ms with
/// every cache as its language's, 485 ms with every cache eight times that. The regex caches'
/// budget ([`REGEX_CACHE_BUDGET_BYTES`]) still bounds them all together.
const BIG_CACHE_RULES: &[(&str, usize)] = &[
    ("suggestion_to_improve", 2),
    ("ar_la_yamal", 4),
    ("ar_sayi", 2),
    ("ar_tansahuni", 2),
    ("fa_hanooz", 2),
    ("fa_pishnahad_bedid", 2),
    ("sarcastic_verdict", 2),
    ("avoid", 2),
    ("outage", 2),
    ("you_should", 2),
    ("imperative_advice", 2),
    ("any_recommendations", 2),
    ("exceeded", 2),
];
/// Lazy-DFA cache limit of each complaint category's regex (run on complaints only). 256 KB
/// doubled the categories' instructions on the dev texts × 5 (78 to 148 M).
const CATEGORY_DFA_CACHE_BYTES: usize = 512 << 10;
/// What a detector's regexes' search caches may hold together (see [`RegexCaches`]). Unbounded,
/// they held 8.2 MB on the demo corpus × 30, 20.5 MB on the dev texts × 5, 22.8 MB on 40,000
/// stream texts and 24.7 MB on 200,000 (twenty-sixth session). At 24 MB the 200,000 cost 275
/// evictions and peak resident memory was unchanged (93.5 MB); at 20 MB, 40,000 stream texts took
/// 5.9 % more instructions (whole caches are dropped and their states built again), at 16 MB
/// 200,000 took 17,308 evictions. With the tables and every rule compiled (54.1 MiB resident), the
/// piece cache (14 MiB) and one search's overshoot (at most a cache, 1.5 MiB), 24 MiB bounds the
/// classifier at 93.6 MiB (98.2 MB). The per-rule caps above still hold each cache.
///
/// Twenty-ninth session: English's gate as an NFA took 10.5 MiB off start-up (28.5 MiB; 42.3 MiB
/// with every rule compiled), and the larger caches of [`BIG_CACHE_RULES`] took the 200,000
/// stream texts' evictions at 24 MiB from 3,114 to 4,373. Unbounded, the caches held 28.8 MiB
/// there; at 28 MiB 233 were dropped; at 32 MiB none, and the bound is 89.8 MiB (94.2 MB).
///
/// Thirty-third session: the session's rules took the caches held on 200,000 stream texts from
/// 30.0 to 30.8 MiB and their peak resident memory by 1.4 MiB (97.3–98.0 MB). At 30 MiB they drop
/// 93 caches there (none on 40,000 stream texts or the dev texts × 5, which hold 28.0 and 24.5 MiB)
/// and the peak is back where the session began (92.4 MiB, 96.9 MB).
const REGEX_CACHE_BUDGET_BYTES: usize = 30 << 20;

struct Compiled {
    /// The patterns as compiled.
    patterns: Vec<Arc<str>>,
    /// Each rule's own regex: whether a candidate rule matches, and the span a fired rule
    /// matched. Compiled the first time the rule is a candidate (most rules are not, on a given
    /// stream, and compiling them all was most of the start-up time of `earshot classify`).
    regexes: Vec<OnceLock<RuleRegex>>,
    rules: &'static [Rule],
    /// ASCII `\b` boundaries; otherwise [`class_boundaries`], which consume a character each side.
    ascii: bool,
    /// Each regex's lazy-DFA cache limit.
    dfa_cache_bytes: Vec<usize>,
    /// The detector's search caches, and the slot of the first rule's (the others follow).
    caches: Arc<RegexCaches>,
    first_slot: usize,
}

impl Compiled {
    fn regex(&self, idx: usize) -> &RuleRegex {
        self.regexes[idx]
            .get_or_init(|| gated_regex(Arc::clone(&self.patterns[idx]), self.dfa_cache_bytes[idx]))
    }

    /// Whether rule `idx` matches `text`.
    fn is_match(&self, idx: usize, text: &str) -> bool {
        self.caches
            .is_match(self.first_slot + idx, self.regex(idx), text)
    }

    /// Whether rule `idx` matches each of `texts` (see [`RegexCaches::is_match_each`]).
    fn is_match_each<'t>(
        &self,
        idx: usize,
        texts: impl IntoIterator<Item = &'t str>,
        found: impl FnMut(usize, bool),
    ) {
        self.caches
            .is_match_each(self.first_slot + idx, self.regex(idx), texts, found)
    }

    /// Rule `idx`'s first match in `text`.
    fn find(&self, idx: usize, text: &str) -> Option<(usize, usize)> {
        self.caches
            .find(self.first_slot + idx, self.regex(idx), text)
    }

    /// Rule `idx`'s matches in `text`, left to right.
    fn find_all(&self, idx: usize, text: &str) -> Vec<(usize, usize)> {
        self.caches
            .find_all(self.first_slot + idx, self.regex(idx), text)
    }
}

/// A regex searching with the detector's caches (see [`RegexCaches`]): one that is not a rule's,
/// built as `regex::Regex` builds it, or a category's, built as a rule's.
struct Regex<R: Searchable = meta::Regex> {
    re: R,
    slot: usize,
    caches: Arc<RegexCaches>,
}

impl Regex {
    /// `pattern` built as `regex::Regex::new` builds it, with a slot in `caches`.
    fn new(
        pattern: &str,
        caches: &Arc<RegexCaches>,
    ) -> Result<Self, Box<regex_automata::meta::BuildError>> {
        Ok(Self::of(
            meta::Regex::new(pattern).map_err(Box::new)?,
            caches,
        ))
    }
}

impl<R: Searchable> Regex<R> {
    fn of(re: R, caches: &Arc<RegexCaches>) -> Self {
        Regex {
            re,
            slot: caches.register(1),
            caches: Arc::clone(caches),
        }
    }

    fn is_match(&self, text: &str) -> bool {
        self.caches.is_match(self.slot, &self.re, text)
    }

    /// The matches in `text`, left to right, as byte ranges.
    fn find_all(&self, text: &str) -> Vec<(usize, usize)> {
        self.caches.find_all(self.slot, &self.re, text)
    }
}

/// A regex behind a [`Gate`]: matches as `regex::Regex` finds them, built with less than it
/// builds. No literal prefilter (the gate already found a required string; extracting the
/// literals of a case-insensitive rule was over half of compiling it), no capture groups but the
/// match itself, and no reverse NFA (see [`RuleRegex`]: compiling it was a quarter of compiling a
/// rule).
fn gated_regex(pattern: Arc<str>, dfa_cache_bytes: usize) -> RuleRegex {
    RuleRegex::new(Arc::clone(&pattern), dfa_cache_bytes, 10 << 20)
        .unwrap_or_else(|e| panic!("gated pattern {pattern:?} compiles: {e}"))
}

/// The phrase rules that match one text, found with a batch of texts (see
/// [`SignalDetector::match_batch`]): each as (rule set, rule), the set 0 for English's and `k + 1`
/// for the `k`th language's own, in the order [`SignalDetector::matching`] yields them.
#[derive(Debug, Default, Clone, PartialEq, Eq)]
pub struct RuleMatches(Vec<(u8, u16)>);

/// What [`SignalDetector::detect_with_requests`] finds in a text.
#[derive(Debug, Default)]
pub struct Detected {
    /// One signal per kind, in kind order.
    pub signals: Vec<Signal>,
    /// Where in the text each of `signals` was found: its rule's match, or for a signal read from
    /// the text's sentiment its strongest word; `None` when that is not found as written. The pipeline gives a signal to the brands named
    /// where it was found (see [`super::attribution`]).
    pub spans: Vec<Option<(usize, usize)>>,
    /// The byte ranges of the text that ask for a recommendation (each `ask_recommendation`
    /// match's sentence, see [`request_range`]): the classifier does not count the positive words
    /// of a request as sentiment ("can anyone recommend a *good* lamp?").
    pub requests: Vec<(usize, usize)>,
    /// The evidence of the sarcasm rule when it fired ("thanks for nothing"), whether or not a
    /// more confident complaint rule won the complaint signal ("…, still haven't fixed it"): its
    /// positive words are inverted in the sentiment.
    pub sarcasm: Option<String>,
    /// The warnings a verb of recommending opens ("I'd recommend avoiding them", "os recomiendo
    /// no comprarlo"), in any language and whichever warning rule won the signal: that verb is no
    /// praise.
    pub advised_against: Vec<(usize, usize)>,
}

/// Whether a warning's matched text opens with a verb of recommending ("recommend not buying",
/// "Recomendo não comprar", " وانصحكم ما تشترون", the proclitic "و" read through).
/// Rules that do not apply to a post with a link: their imperatives there are promotion ("Try
/// our new menu https://…", "Bring a friend: tickets at www.…"), not a customer's tip.
const UNLINKED_ONLY: &[&str] = &["imperative_tip"];

/// Whether a text carries a link (`http://`, `https://` or `www.`).
fn has_link(text: &str) -> bool {
    memchr::memmem::find(text.as_bytes(), b"http").is_some()
        || memchr::memmem::find(text.as_bytes(), b"www.").is_some()
}

fn opens_with_advice_verb(span: &str) -> bool {
    let first = span
        .split(|c: char| !(c.is_alphanumeric() || c == '\''))
        .find(|w| !w.is_empty())
        .unwrap_or("")
        .to_lowercase();
    let verbs = super::sentiment::ADVICE_VERBS;
    verbs.contains(&first.as_str())
        || first
            .strip_prefix('و')
            .is_some_and(|rest| verbs.contains(&rest))
}

/// Drops the signals `pick` chooses whose span overlaps a match of `idioms` (an idiom or a
/// statement that says otherwise). Spans are looked for only when both are there.
fn cancel_within(
    fired: &mut Vec<Fired<'_>>,
    text: &str,
    idioms: &Regex,
    pick: impl Fn(&Fired<'_>) -> bool,
) {
    if !fired.iter().any(&pick) || !idioms.is_match(text) {
        return;
    }
    let spans = idioms.find_all(text);
    drop_overlapping(fired, text, &spans, pick);
}

/// Drops the signals `pick` chooses whose span overlaps one of `spans` (byte ranges of `text`).
fn drop_overlapping(
    fired: &mut Vec<Fired<'_>>,
    text: &str,
    spans: &[(usize, usize)],
    pick: impl Fn(&Fired<'_>) -> bool,
) {
    if spans.is_empty() {
        return;
    }
    drop_where(fired, text, pick, |a, b| {
        spans.iter().any(|&(x, y)| a < y && x < b)
    });
}

/// Moves each rule signal `pick` chooses whose match is `bad` to the rule's first match in `text`
/// that is not, and drops it when there is none; a signal whose span is not found stays.
fn relocate_or_drop(
    fired: &mut Vec<Fired<'_>>,
    text: &str,
    pick: impl Fn(&Fired<'_>) -> bool,
    bad: impl Fn(&Fired<'_>, usize, usize) -> bool,
) {
    fired.retain_mut(|f| {
        let Some((c, idx)) = f.rule else {
            return true;
        };
        if !pick(f) {
            return true;
        }
        f.resolve(text);
        let Some((a, b)) = f.span else {
            return true;
        };
        if !bad(f, a, b) {
            return true;
        }
        match c
            .find_all(idx, text)
            .into_iter()
            .find(|&(a, b)| !bad(f, a, b))
        {
            Some((a, b)) => {
                f.place(text, a, b);
                true
            }
            None => false,
        }
    });
}

/// Drops the signals `pick` chooses whose span (`a..b` of `text`, looked for only for them)
/// `drops`; a signal whose span is not found stays.
fn drop_where(
    fired: &mut Vec<Fired<'_>>,
    text: &str,
    pick: impl Fn(&Fired<'_>) -> bool,
    drops: impl Fn(usize, usize) -> bool,
) {
    fired.retain_mut(|f| {
        if !pick(f) {
            return true;
        }
        f.resolve(text);
        !f.span.is_some_and(|(a, b)| drops(a, b))
    });
}

/// Words that, between the trouble and the praise of [`SARCASTIC_VERDICT`], make the praise a real
/// verdict ("arrived late *but* in perfect condition. Great.", "llegó tarde *pero* en perfecto
/// estado. Genial."; German "zum" stands for "zum Glück", luckily).
const TURNING_WORDS: &[&str] = &[
    "but",
    "though",
    "although",
    "however",
    "yet",
    "luckily",
    "thankfully",
    "fortunately",
    "pero",
    "aunque",
    "afortunadamente",
    "mais",
    "pourtant",
    "heureusement",
    "aber",
    "doch",
    "trotzdem",
    "glücklicherweise",
    "zum",
    "mas",
    "porém",
    "felizmente",
    "embora",
];

/// Drops the signals of kind `victim` whose span overlaps a match of a signal `cancels` picks: any
/// match of its rule, not only the first, which may stand elsewhere in the text ("Acme é um golpe,
/// não recomendo": the warning rule's first match is "golpe", and its "não recomendo" is what
/// turns the recommendation round). Spans are searched only when both are present (a second regex
/// search each, a third for the canceller's other matches).
fn cancel_overlapped(
    fired: &mut Vec<Fired<'_>>,
    text: &str,
    cancels: impl Fn(&Fired<'_>) -> bool,
    victim: SignalKind,
) {
    if !fired.iter().any(&cancels) || !fired.iter().any(|f| f.sig.kind == victim) {
        return;
    }
    let mut spans = Vec::new();
    for f in fired.iter_mut() {
        let canceller = cancels(f);
        if canceller || f.sig.kind == victim {
            f.resolve(text);
        }
        if canceller {
            spans.extend(f.span);
            if let Some((c, idx)) = f.rule {
                spans.extend(c.find_all(idx, text));
            }
        }
    }
    fired.retain(|f| {
        let (a, b) = f.span.unwrap_or((0, 0));
        f.sig.kind != victim || !spans.iter().any(|&(sa, sb)| a < sb && sa < b)
    });
}

/// Words that sound like praise and praise nothing: a greeting or a wish ("Merry Christmas and
/// happy holidays", "good luck with the move", "good morning my friend").
const GREETINGS: &str = concat!(
    r"(?i-u)\b(?:merry (?:christmas|xmas)|happy (?:holidays?|new year|birthday|bday|anniversary|",
    r"thanksgiving|easter|hanukkah|diwali|eid|mother'?s day|father'?s day|valentine'?s(?: day)?|",
    r"friday|monday|weekend|holiday season)|(?:good|best of) luck|good (?:morning|night|evening|",
    r"afternoon)|best wishes|season'?s greetings)\b",
);

/// A giveaway's or contest's bait ("I entered a giveaway for a chance to win…", "enter to win a
/// free…"), which brand feeds carry by the thousand: no positive word of the post is praise.
const GIVEAWAY: &str = concat!(
    r"(?i-u)\b(?:give-?aways?|sweepstakes?|(?:chance|enter|entered|entry|entries)(?: \w+){0,3} to win)",
    r"\b|#(?:win|giveaway|contest|competition|sweepstakes)\b",
);

/// Rules whose match is a mark rather than words (a question's "?" with the character before it):
/// their evidence is the sentence the mark ends, so that it explains something ("is this normal?",
/// not "l?"). The match itself, and so the overlap tests, stay as matched.
const SENTENCE_EVIDENCE: &[&str] = &["question_mark"];

/// Whether `c`, at byte `i` of `text`, ends a sentence: `!`, `?` and line breaks do; a full stop
/// only before white space or the end ("t.co", "v2.0" and "3.5" go on).
fn ends_sentence(text: &str, i: usize, c: char) -> bool {
    match c {
        '!' | '?' | '\n' | '؟' | '۔' => true,
        '.' => text[i + 1..].chars().next().is_none_or(char::is_whitespace),
        _ => false,
    }
}

/// Whether a word denies what follows it: "not", "never", "yet" ("yet to be fixed"), a verb with
/// "n't" (curly or straight, or written without the apostrophe).
fn denies(w: &str) -> bool {
    let w = w.to_ascii_lowercase().replace('\u{2019}', "'");
    matches!(
        w.as_str(),
        "not"
            | "never"
            | "no"
            | "yet"
            | "nobody"
            | "didnt"
            | "havent"
            | "hasnt"
            | "wont"
            | "cant"
            | "couldnt"
            | "wasnt"
            | "isnt"
            | "arent"
            | "werent"
            | "dont"
            | "doesnt"
    ) || w.ends_with("n't")
}

/// Whether a recommendation's or praise's evidence is denied right before it ("isn't worth the
/// price", "not a great value"): narrower than [`negated_before`] (English), since "don't" and "no" before
/// advice are advice too ("don't expect to swim", "no, I love it"). A love or a recommendation
/// that "used to" be is over ("Used to love this app but the update ruined it").
fn contradicted_before(before: &str) -> bool {
    const DENIALS: &[&str] = &[
        "not", "never", "isn't", "wasn't", "aren't", "weren't", "ain't", "isnt", "wasnt", "arent",
        "werent",
    ];
    let mut words = before.split_whitespace().rev();
    let last = words.next();
    if last.is_some_and(|w| DENIALS.iter().any(|d| w.eq_ignore_ascii_case(d))) {
        return true;
    }
    last.is_some_and(|w| w.eq_ignore_ascii_case("to"))
        && words
            .next()
            .is_some_and(|w| w.eq_ignore_ascii_case("used") || w.eq_ignore_ascii_case("use"))
}

/// Whether the rest of a "waiting for…" sentence says the writer waits to choose ("Waiting for
/// the S25 before I decide", "waiting for the Pro to come out"), not for what they are owed.
fn waiting_to_choose(after: &str) -> bool {
    let end = after.find(['.', '!', '?', '\n']).unwrap_or(after.len());
    let words: Vec<String> = words_of(&after[..end])
        .map(|w| w.to_ascii_lowercase())
        .collect();
    words.windows(3).any(|w| {
        w[0] == "before"
            && matches!(w[1].as_str(), "i" | "we")
            && matches!(
                w[2].as_str(),
                "decide" | "choose" | "upgrade" | "buy" | "pick" | "commit" | "order" | "switch"
            )
    }) || words.windows(2).any(|w| {
        matches!(w[0].as_str(), "to" | "till" | "until" | "it")
            && matches!(
                w[1].as_str(),
                "drop" | "drops" | "launch" | "launches" | "decide" | "upgrade" | "compare"
            )
    }) || words.windows(3).any(|w| {
        matches!(w[0].as_str(), "to" | "till" | "until" | "it")
            && matches!(w[1].as_str(), "come" | "comes" | "go" | "goes")
            && matches!(w[2].as_str(), "out" | "on")
    })
}

/// Whether the clause before a "wouldn't go back" says "now" ("but now I wouldn't go back",
/// "now I'd never go back"): the author stays where they are; they leave nothing.
fn staying_now(before: &str) -> bool {
    let clause = before
        .rsplit(['.', '!', '?', ',', ';', ':', '\n'])
        .next()
        .unwrap_or("");
    words_of(clause).any(|w| w.eq_ignore_ascii_case("now"))
}

/// Whether a rating is offered on a condition (`before` and `after` are the text around it):
/// "would give 5 stars if it had an offline mode", "I'd give it five stars if the battery
/// lasted". Not "I'd give it 10 stars if I could", which is more than the scale allows.
fn rating_withheld(before: &str, after: &str) -> bool {
    let mut back = words_of(before).rev().map(|w| w.to_ascii_lowercase());
    let mut w = back.next();
    if matches!(w.as_deref(), Some("it" | "this" | "them" | "her" | "him")) {
        w = back.next();
    }
    if w.as_deref() != Some("give") {
        return false;
    }
    let modal = back.next();
    if !modal.is_some_and(|m| {
        matches!(m.as_str(), "would" | "could" | "might") || m.ends_with("'d") || m == "id"
    }) {
        return false;
    }
    let mut ahead = words_of(after).map(|w| w.to_ascii_lowercase());
    if ahead.next().as_deref() != Some("if") {
        return false;
    }
    let (a, b) = (ahead.next(), ahead.next());
    !(matches!(a.as_deref(), Some("i" | "we")) && matches!(b.as_deref(), Some("could" | "can")))
}

/// Whether an Arabic recommendation's or praise's evidence is denied right before it, in its
/// clause: a negator as the last word ("ما يستاهل", "مش حلو"), or a negator before "anymore"
/// ("ما عاد يستاهل", "لم يعد يستحق": no longer worth it).
fn ar_denied_before(before: &str) -> bool {
    const NEGATORS: &[&str] = &["ما", "مش", "مو", "لا", "لم", "مب", "ماهو", "مهو"];
    const ANYMORE: &[&str] = &["عاد", "عادت", "عدت", "يعد", "تعد", "بقى", "بقا"];
    let clause = before
        .rsplit(['.', '!', '?', ',', ';', ':', '\n', '،', '؟', '؛'])
        .next()
        .unwrap_or("");
    let mut words = clause.split_whitespace().rev();
    match words.next() {
        Some(w) if NEGATORS.contains(&w) => true,
        Some(w) if ANYMORE.contains(&w) => words.next().is_some_and(|w| NEGATORS.contains(&w)),
        _ => false,
    }
}

/// Whether the words after a "you should" are a counterfactual ("…have seen the queue", "…'ve told
/// me"): said of what is past, not advice.
fn counterfactual_after(after: &str) -> bool {
    const PARTICIPLES: &[&str] = &[
        "seen",
        "been",
        "known",
        "told",
        "heard",
        "done",
        "gone",
        "got",
        "gotten",
        "bought",
        "thought",
        "taken",
        "given",
        "made",
        "left",
        "kept",
        "brought",
        "had",
        "come",
        "sent",
        "spent",
        "paid",
        "said",
        "read",
        "worn",
        "won",
        "lost",
        "found",
        "felt",
        "chosen",
        "written",
        "driven",
        "eaten",
        "flown",
        "shown",
        "spoken",
        "caught",
        "sold",
        "held",
        "stood",
        "understood",
        "let",
        "put",
        "set",
        "quit",
    ];
    let rest = match after.strip_prefix("'ve ") {
        Some(rest) => rest,
        None => {
            let t = after.trim_start();
            if !starts_with_ignore_case(t, "have ") {
                return false;
            }
            &t[5..]
        }
    };
    let Some(w) = rest.split_whitespace().next() else {
        return false;
    };
    let w = w
        .trim_end_matches(|c: char| !c.is_alphanumeric())
        .to_ascii_lowercase();
    (w.len() > 3 && w.ends_with("ed")) || PARTICIPLES.contains(&w.as_str())
}

/// `s` starts with the ASCII `prefix`, in either case (no copy of `s`).
fn starts_with_ignore_case(s: &str, prefix: &str) -> bool {
    s.as_bytes()
        .get(..prefix.len())
        .is_some_and(|h| h.eq_ignore_ascii_case(prefix.as_bytes()))
}

/// `s` ends with the ASCII `suffix`, in either case (no copy of `s`).
fn ends_with_ignore_case(s: &str, suffix: &str) -> bool {
    s.len() >= suffix.len()
        && s.as_bytes()[s.len() - suffix.len()..].eq_ignore_ascii_case(suffix.as_bytes())
}

/// Whether an "if you need…" is an offer ("I'm here if you need to talk", "let me know if you
/// want one", "call me if you need a hand"), not the condition of advice.
fn offered_before(before: &str) -> bool {
    // A sentence's end between them ("…work for me. If you want a cool player, get…") is none.
    before.split_whitespace().next_back().is_some_and(|w| {
        ["here", "know", "me", "around", "available", "free"]
            .iter()
            .any(|o| w.eq_ignore_ascii_case(o))
    })
}

/// Whether `w` is one of `set`, ignoring ASCII case.
fn one_of(w: Option<&str>, set: &[&str]) -> bool {
    w.is_some_and(|w| set.iter().any(|s| w.eq_ignore_ascii_case(s)))
}

/// The words just before a place in a text, the last first, as far as the first that is not a
/// plain word: punctuation between stops the reading ("Not great, terrible").
fn words_before(before: &str) -> impl Iterator<Item = &str> {
    before
        .trim_end()
        .rsplit(char::is_whitespace)
        .take_while(|w| !w.is_empty() && w.chars().all(|c| c.is_alphanumeric() || c == '\''))
}

/// Whether the words just before a complaint's evidence negate it: a negator as the last word
/// ("not terrible", "wasn't disappointing", "never disappointed"), or before one degree word
/// ("not that bad", "wasn't very helpful" is the rule's own); "it doesn't smell like burning
/// plastic" too (a rule with "doesn't" of its own, "doesn't work", starts there). Punctuation between stops the
/// reading ("Not great, terrible" stays a complaint); "never been so disappointed" is no negation
/// ("been" is neither).
fn negated_before(before: &str) -> bool {
    const NEGATORS: &[&str] = &[
        "not", "never", "isn't", "wasn't", "aren't", "weren't", "ain't", "isnt", "wasnt", "hardly",
        "barely", "without", "nothing", "no", "won't", "wont", "n't", "doesn't", "doesnt",
        "didn't", "didnt", "don't", "dont", "haven't", "havent", "hasn't", "hasnt", "hadn't",
    ];
    const DEGREE: &[&str] = &[
        "very",
        "too",
        "really",
        "that",
        "so",
        "particularly",
        "overly",
        "remotely",
        "even",
        "the",
        "a",
        "an",
    ];
    let mut words = words_before(before);
    // A verb of being, having or becoming may stand between: "you will not be disappointed", "I
    // have never been disappointed", "nothing has broken", "won't get frustrated", "haven't been
    // that disappointed". Not "never been so disappointed" (the most ever: a complaint).
    const BE: &[&str] = &[
        "be", "been", "being", "is", "was", "are", "were", "has", "have", "had", "get", "got",
        "gotten", "feel", "felt",
    ];
    let w1 = words.next();
    if one_of(w1, NEGATORS) {
        return true;
    }
    let w2 = words.next();
    if one_of(w1, DEGREE) && one_of(w2, NEGATORS) {
        return true;
    }
    if one_of(w1, BE) && one_of(w2, NEGATORS) {
        return true;
    }
    let w3 = words.next();
    one_of(w1, DEGREE)
        && one_of(w2, BE)
        && one_of(w3, NEGATORS)
        && !(one_of(w3, &["never"]) && one_of(w1, &["so", "this", "that"]))
}

/// Whether the trouble that follows was put right: a verb of fixing as the last word before it,
/// or before a possessive or an article ("sorted my *broken* screen", "replaced the *damaged*
/// box", "they fixed my *problem*").
fn put_right_before(before: &str) -> bool {
    const FIXED: &[&str] = &[
        "fixed",
        "sorted",
        "replaced",
        "repaired",
        "swapped",
        "exchanged",
        "resolved",
        "solved",
    ];
    const DETERMINERS: &[&str] = &["my", "the", "our", "a", "an", "his", "her", "their", "your"];
    let mut words = words_before(before);
    let w1 = words.next();
    one_of(w1, FIXED) || (one_of(w1, DETERMINERS) && one_of(words.next(), FIXED))
}

/// Whether the words after a "still haven't" or "yet to" are the writer's own inaction: a verb of
/// using or trying ("still haven't *used* it", "yet to *try* the app", "still haven't had a
/// chance"), the first word after it.
fn not_got_round_to(after: &str) -> bool {
    const OWN: &[&str] = &[
        "used",
        "use",
        "tried",
        "try",
        "opened",
        "open",
        "worn",
        "wear",
        "read",
        "watched",
        "watch",
        "played",
        "play",
        "finished",
        "finish",
        "needed",
        "need",
        "decided",
        "decide",
        "unboxed",
        "unbox",
        "installed",
        "install",
        "tested",
        "test",
        "touched",
        "listened",
        "listen",
        "experienced",
        "explored",
        "explore",
    ];
    let mut words = after
        .split(|c: char| !(c.is_alphanumeric() || c == '\''))
        .filter(|w| !w.is_empty());
    match words.next() {
        Some(w) if OWN.iter().any(|o| w.eq_ignore_ascii_case(o)) => true,
        // "still haven't had a chance / the time / the need to"
        Some(w) if w.eq_ignore_ascii_case("had") || w.eq_ignore_ascii_case("got") => {
            let next: Vec<&str> = words.take(2).collect();
            next.iter().any(|w| {
                ["chance", "time", "need", "opportunity", "round", "around"]
                    .iter()
                    .any(|o| w.eq_ignore_ascii_case(o))
            })
        }
        _ => false,
    }
}

/// Whether what follows is the other side of a comparison: "than", "unlike" or "instead of"
/// among the last three words of the clause before it ("cheaper than Apple's *overpriced* iPod").
fn compared_before(before: &str) -> bool {
    let clause = before
        .rsplit(['.', '!', '?', ',', ';', ':', '(', '\n'])
        .next()
        .unwrap_or("");
    let words: Vec<&str> = clause.split_whitespace().rev().take(3).collect();
    words.iter().enumerate().any(|(k, w)| {
        w.eq_ignore_ascii_case("than")
            || w.eq_ignore_ascii_case("unlike")
            || (w.eq_ignore_ascii_case("of")
                && words
                    .get(k + 1)
                    .is_some_and(|v| v.eq_ignore_ascii_case("instead")))
    })
}

/// Whether the words before a duration say how long the writer has had the thing: a verb of
/// having or using among the last five words of its sentence, then "for" ("I've had this for
/// about", "have used this phone for", "been using it for"), with no word of waiting or trouble
/// between ("I have been waiting for", "been without internet for").
fn owned_for_before(before: &str) -> bool {
    const OWNING: &[&str] = &[
        "had", "owned", "used", "using", "worn", "wearing", "driven", "driving", "tested",
        "testing", "played", "enjoyed", "enjoying", "loved", "loving", "run", "running",
    ];
    const TROUBLE: &[&str] = &[
        "waiting", "waited", "without", "down", "broken", "stuck", "trying", "no", "not",
        "nothing", "offline",
    ];
    let sentence = before
        .rsplit(['.', '!', '?', '\n'])
        .next()
        .unwrap_or("")
        .to_ascii_lowercase();
    let words: Vec<&str> = sentence
        .split(|c: char| !(c.is_alphanumeric() || c == '\''))
        .filter(|w| !w.is_empty())
        .collect();
    let mut tail = words.iter().rev();
    // "for", then an optional "about" / "over" / "almost" / "nearly" / "around" / "roughly".
    let mut w = tail.next();
    if w.is_some_and(|w| {
        matches!(
            *w,
            "about" | "over" | "almost" | "nearly" | "around" | "roughly" | "just"
        )
    }) {
        w = tail.next();
    }
    if w != Some(&"for") {
        return false;
    }
    let near: Vec<&&str> = tail.take(5).collect();
    near.iter().any(|w| OWNING.contains(w)) && !near.iter().any(|w| TROUBLE.contains(w))
}

/// Whether a one-word verdict of Spanish, French, German or Portuguese is denied by the words just
/// before it, in its clause: a negator as the last word ("pas déçu", "nicht enttäuscht", "jamais
/// déçu"), or before one verb of being or degree word ("no es malo", "não é ruim", "nicht so
/// schlecht"). "Kein"/"sin"/"sem" are left out: "keine Erstattung", "sin reembolso" (no refund)
/// are the complaint itself; so is French "plus" ("plus nul que jamais", worse than ever).
/// Portuguese "no" is "in the". A defect or a problem is also denied by "without" ("sem nenhum
/// defeito", "sin problemas", "sans aucun souci", "ohne Mängel"); a refund is not ("sans
/// remboursement" is the complaint).
fn verdict_negated_before(before: &str, word: &str, lang: &str) -> bool {
    const NEGATORS: &[&str] = &[
        "no", "nunca", "jamás", "jamas", "ni", "não", "nao", "nem", "pas", "jamais", "nicht",
        "nie", "niemals",
    ];
    const BETWEEN: &[&str] = &[
        "es", "está", "esta", "estaba", "era", "fue", "son", "ha", "sido", "muy", "tan", "nada",
        "est", "était", "etait", "été", "si", "très", "tres", "trop", "ist", "war", "sind", "bin",
        "sehr", "so", "gar", "wirklich", "é", "foi", "muito", "tão", "tao", "estou", "estoy",
        "suis",
    ];
    let clause = before
        .rsplit(['.', '!', '?', ',', ';', ':', '\n'])
        .next()
        .unwrap_or("");
    let mut words = clause.split_whitespace().rev();
    let negator = |w: Option<&str>| {
        one_of(w, NEGATORS) && !(lang == "pt" && w.is_some_and(|w| w.eq_ignore_ascii_case("no")))
    };
    const WITHOUT: &[&str] = &["sem", "sin", "sans", "ohne"];
    const ANY: &[&str] = &[
        "nenhum",
        "nenhuma",
        "ningún",
        "ningun",
        "ninguna",
        "aucun",
        "aucune",
        "jegliche",
        "irgendwelche",
        "el",
        "la",
        "le",
        "o",
        "a",
    ];
    let trouble = word
        .trim_matches(|c: char| !c.is_alphanumeric())
        .to_lowercase();
    let is_trouble = [
        "defeito",
        "defeitos",
        "problema",
        "problemas",
        "defecto",
        "defectos",
        "fallo",
        "fallos",
        "falha",
        "falhas",
        "défaut",
        "défauts",
        "problème",
        "problèmes",
        "souci",
        "soucis",
        "panne",
        "mängel",
        "mangel",
        "probleme",
        "problem",
        "defekt",
        "defekte",
        "erro",
        "erros",
        "error",
        "errores",
        "erreur",
        "erreurs",
    ]
    .contains(&trouble.as_str());
    let w1 = words.next();
    let w2 = words.next();
    negator(w1)
        || (one_of(w1, BETWEEN) && negator(w2))
        || (is_trouble && (one_of(w1, WITHOUT) || (one_of(w1, ANY) && one_of(w2, WITHOUT))))
}

/// Capitalised words before "cancelled my …" that are no seller's name: "I", and the words an
/// elided "I" leaves to open the sentence ("Finally cancelled my plan", "Just cancelled my order").
const CANCEL_OPENERS: &[&str] = &[
    "i",
    "just",
    "finally",
    "officially",
    "today",
    "yesterday",
    "tonight",
    "so",
    "well",
    "and",
    "also",
    "now",
    "then",
    "already",
    "have",
    "has",
    "had",
    "literally",
    "actually",
    "ok",
    "okay",
    "yeah",
    "yes",
    "gonna",
    "will",
    "might",
    "should",
    "must",
    "can",
    "could",
    "would",
    "want",
    "need",
    "time",
    "basically",
    "honestly",
    "seriously",
    "after",
    "before",
    "since",
    "lol",
    "welp",
];

/// Complaint rules whose match a negator before it denies (see [`denied_before`]); their own
/// negated alternatives ("no me devuelve", "não devolve", "ne me rembourse pas") start with the
/// negator, so only a second one before it would.
const NEGATABLE_COMPLAINTS: &[&str] = &[
    "es_sin_devolver",
    "es_mala_atencion",
    "pt_sem_devolver",
    "fr_pas_rembourse",
];

/// Whether a purchase or a verdict of satisfaction matched by a rule of another language than
/// English is denied: a negator among the two words before it ("no voy a comprar", "pas très
/// satisfaite", "مش ناوي اشتري") or inside it ("ich werde mir das nicht kaufen"). Those rules match
/// the intent's or the verdict's words and leave the negation to this check. Portuguese "no" is
/// "in the" ("já está no carrinho"), no negator.
fn denied_before(before: &str, span: &str, lang: &str) -> bool {
    const NEGATORS: &[&str] = &[
        "no", "nunca", "jamás", "jamas", "ni", "tampoco", "não", "nao", "nem", "ne", "n'", "pas",
        "jamais", "nicht", "nie", "kein", "keine", "keinen", "niemals", "لا", "ما", "مش", "مو",
        "لن", "مب", "نه", "هرگز",
    ];
    let is_negator = |w: &str| {
        let w = w.trim_matches(|c: char| !c.is_alphanumeric() && c != '\'');
        (NEGATORS.iter().any(|n| w.eq_ignore_ascii_case(n))
            && !(lang == "pt" && w.eq_ignore_ascii_case("no")))
            || w.starts_with("n'")
            || w.starts_with("N'")
    };
    let before_clause = before
        .rsplit(['.', '!', '?', ',', ';', ':', '\n', '،', '؟'])
        .next()
        .unwrap_or("");
    before_clause
        .split_whitespace()
        .rev()
        .take(2)
        .any(is_negator)
        || span.split_whitespace().any(is_negator)
}

/// Whether the sentence before byte `at` of `text` has the reader for its subject ("if you're on
/// the fence about the X2, just get it"): the reader's doubt, answered, not the writer's.
fn reader_is_subject(text: &str, at: usize) -> bool {
    let from = sentence_start(text, at);
    words_of(&text[from..at]).any(|w| {
        ["you", "u", "you're", "youre", "ur", "y'all"]
            .iter()
            .any(|y| w.eq_ignore_ascii_case(y))
    })
}

/// The words of `s`, apostrophes kept ("what's").
fn words_of(s: &str) -> impl DoubleEndedIterator<Item = &str> {
    s.split(|c: char| !c.is_alphanumeric() && c != '\'')
        .filter(|w| !w.is_empty())
}

/// The span of an opening that is a lone word of praise or thanks ("Fantastic.", "Great,", "Oh
/// brilliant…", "Wow, thanks Brightline,", "Nice one!"), after any handles the post is addressed
/// to: the word, the punctuation that ends it, and nothing else in its clause. Thanks and cheers
/// count only after an exclamation ("wow", "oh", "gee"): "Thanks Acme, my parcel is late" is as
/// often polite as not.
fn sarcastic_opener(text: &str) -> Option<(usize, usize)> {
    const PRAISE: &[&str] = &[
        "great",
        "perfect",
        "wonderful",
        "fantastic",
        "brilliant",
        "lovely",
        "terrific",
        "awesome",
        "nice",
        "amazing",
        "marvellous",
        "marvelous",
        "superb",
        "excellent",
        "splendid",
        "fabulous",
        "thanks",
        "cheers",
    ];
    const LEADS: &[&str] = &["oh", "wow", "gee", "well", "just", "so"];
    const FOLLOWS: &[&str] = &["job", "one", "work", "stuff", "you"];
    let mut pieces = text.split_whitespace().skip_while(|p| p.starts_with('@'));
    // A piece's word without its closing punctuation, and whether it had any (read in place:
    // every English text comes here).
    fn core(p: &str) -> (&str, bool) {
        let c = p.trim_end_matches(['.', ',', '!', '\u{2026}']);
        (c, c.len() < p.len())
    }
    let first = pieces.next()?;
    let start = first.as_ptr() as usize - text.as_ptr() as usize;
    let (mut word, mut ends) = core(first);
    let mut last = first;
    let mut led = false;
    if one_of(Some(word), LEADS) {
        led = true;
        last = pieces.next()?;
        (word, ends) = core(last);
    }
    if !one_of(Some(word), PRAISE) {
        return None;
    }
    let thanks = one_of(Some(word), &["thanks", "cheers"]);
    if thanks && !led {
        return None;
    }
    if !ends {
        // One more word: "nice one!", "great job.", or for thanks the name thanked ("thanks
        // Brightline,").
        let next = pieces.next()?;
        let (w, e) = core(next);
        let named = thanks && next.starts_with(|c: char| c.is_uppercase() || c == '@');
        if !e || !(one_of(Some(w), FOLLOWS) || named) {
            return None;
        }
        last = next;
    }
    let end = last.as_ptr() as usize - text.as_ptr() as usize + last.len();
    (!text[end..].trim().is_empty()).then_some((start, end))
}

/// The span of an opening that announces a warning to other customers ("PSA:", "Heads up,",
/// "FYI -", "Word of warning:"), after any handles the post is addressed to: the words and the
/// punctuation that closes them. Without that punctuation it is not one ("Warning lights came
/// on", "PSAs are…").
fn heads_up_opener(text: &str) -> Option<(usize, usize)> {
    const OPENERS: &[&str] = &[
        "psa",
        "public service announcement",
        "heads up",
        "heads-up",
        "headsup",
        "just a heads up",
        "quick heads up",
        "fyi",
        "warning",
        "word of warning",
        // Not "fair warning", mostly said of the author's own plans ("fair warning: I'll be
        // posting a lot of photos"), once in 200,000 stream texts ahead of a misread complaint.
        "friendly warning",
        "be warned",
        "beware",
    ];
    let mut rest = text.trim_start();
    while rest.starts_with('@') {
        rest = rest[rest.find(char::is_whitespace)?..].trim_start();
    }
    let start = text.len() - rest.len();
    OPENERS.iter().find_map(|o| {
        let head = rest.get(..o.len())?;
        if !head.eq_ignore_ascii_case(o) {
            return None;
        }
        let after = &rest[o.len()..];
        let p = after.trim_start_matches(' ');
        let punct = p.chars().next()?;
        // A dash stands apart ("PSA - …"); the other marks close the words ("PSA:").
        let closes = match punct {
            ':' | ',' | '!' | '.' => p.len() == after.len(),
            '-' | '\u{2013}' | '\u{2014}' => p.len() < after.len(),
            _ => false,
        };
        let end = start + o.len() + (after.len() - p.len()) + punct.len_utf8();
        (closes && !text[end..].trim().is_empty()).then_some((start, end))
    })
}

/// Where the question in `sentence` begins (a byte offset), when it ends with a question mark
/// and `opens` (given its first two words, lower case) takes the first words of the sentence,
/// or those after its last comma when what comes before is a short address or an "if" clause
/// ("Parents of Reddit, what's…?", "If you could change one thing, what would it be?"). Handles,
/// "RT" and a leading tag ("@acme [Serious] What…") are no words of the question.
fn question_start(sentence: &str, opens: impl Fn(&str, &str) -> bool) -> Option<usize> {
    let s = sentence.trim_end();
    if !(s.ends_with('?') || s.ends_with('؟')) {
        return None;
    }
    let mut at = 0;
    for w in s.split_inclusive(char::is_whitespace) {
        let t = w.trim();
        if !(t.starts_with('@') || t.eq_ignore_ascii_case("rt") || t.eq_ignore_ascii_case("rt:")) {
            break;
        }
        at += w.len();
    }
    if let Some(rest) = s[at..].strip_prefix('[')
        && let Some(i) = rest.find(']')
    {
        at += i + 2;
    }
    let first_two = |clause: &str| {
        let mut words = words_of(clause).map(|w| w.to_ascii_lowercase());
        let first = words.next().unwrap_or_default();
        (first, words.next().unwrap_or_default())
    };
    let (w1, w2) = first_two(&s[at..]);
    if opens(&w1, &w2) {
        return Some(at);
    }
    let comma = at + s[at..].rfind(',')?;
    let before = &s[at..comma];
    let (after1, after2) = first_two(&s[comma + 1..]);
    // An "if" clause is part of the question it opens; an address is not.
    if w1 == "if" {
        opens(&after1, &after2).then_some(at)
    } else {
        (words_of(before).count() <= 4 && opens(&after1, &after2)).then_some(comma + 1)
    }
}

/// Where the question in `sentence` that asks its readers for something of theirs begins: one
/// that opens with "what", "which", "who", "where", "when" or "how" (see [`question_start`]).
/// "Why" and "how come" ask after a cause, and customers complain in them ("why is your app the
/// worst?"); "who else" and "anyone else" share the writer's own view ("who else thinks their
/// support is the worst?"); "how about" and "what about" suggest.
fn asks_readers(sentence: &str) -> Option<usize> {
    question_start(sentence, |first, second| {
        matches!(
            first.trim_end_matches("'s"),
            "what" | "whats" | "which" | "who" | "whos" | "whose" | "where" | "when" | "how"
        ) && !matches!(second, "come" | "else" | "about")
    })
}

/// [`asks_readers`] in `lang`. Persian and Arabic put the question word anywhere ("بدترین
/// تجربه‌تون چی بوده؟", what was your worst experience?): a sentence that ends with a question
/// mark and holds a question word other than "why" (چرا، لماذا، ليش) asks from its start; Arabic
/// "ما" is left out, for it negates as often as it asks. Text in normalised spelling.
fn asks_readers_in(lang: &str, sentence: &str) -> Option<usize> {
    const FA: &[&str] = &[
        "چی",
        "چیه",
        "چه",
        "کدوم",
        "کدام",
        "کدومش",
        "کجا",
        "چطور",
        "چطوری",
        "چند",
    ];
    const AR: &[&str] = &[
        "ايش", "ايه", "شو", "وش", "ماهي", "ماهو", "ماذا", "كيف", "وين", "متي", "مين",
    ];
    let words = match lang {
        "en" => return asks_readers(sentence),
        "fa" => FA,
        "ar" => AR,
        _ => return None,
    };
    let s = sentence.trim_end();
    (s.ends_with(['?', '؟']) && words_of(s).any(|w| words.contains(&w))).then_some(0)
}

/// The questions of `text` that ask readers for something of theirs ([`asks_readers_in`]), as
/// byte ranges from where the question begins to its question mark.
fn asking_questions(text: &str, lang: &str) -> Vec<(usize, usize)> {
    if !text.contains(['?', '؟']) {
        return Vec::new();
    }
    sentence_ranges(text)
        .filter_map(|(a, b)| asks_readers_in(lang, &text[a..b]).map(|q| (a + q, b)))
        .collect()
}

/// The sentences of `text` as byte ranges without their surrounding white space: each up to and
/// with its end ([`ends_sentence`]), and the rest of the text.
fn sentence_ranges(text: &str) -> impl Iterator<Item = (usize, usize)> + '_ {
    let mut from = 0;
    text.char_indices()
        .filter(|&(i, c)| ends_sentence(text, i, c))
        .map(|(i, c)| i + c.len_utf8())
        .chain(std::iter::once(text.len()))
        .map(move |to| {
            let s = &text[from..to];
            let start = from + (s.len() - s.trim_start().len());
            from = to;
            (start, start + s.trim().len())
        })
}

/// Whether `span` names a best or a worst ("worst", "best", "favourite", "most", …; Persian
/// "بدترین", "بهترین"; Arabic "أسوأ", "أفضل", "أحسن" in normalised spelling): in a question to
/// readers, what they are asked for.
fn superlative(span: &str) -> bool {
    words_of(span).any(|w| {
        [
            "worst",
            "best",
            "favorite",
            "favourite",
            "greatest",
            "biggest",
            "most",
            "least",
            "بدترین",
            "بهترین",
            "اسوا",
            "افضل",
            "احسن",
        ]
        .iter()
        .any(|s| w.eq_ignore_ascii_case(s))
    })
}

/// The sentences of `text` that say something: those with a word that is not a link, a hashtag
/// or a handle ("Planning a wedding abroad? https://t.co/x" is one question).
fn sentences(text: &str) -> impl Iterator<Item = &str> {
    sentence_ranges(text).map(|(a, b)| &text[a..b]).filter(|s| {
        s.split_whitespace().any(|w| {
            !(w.starts_with("http") || w.starts_with('#') || w.starts_with('@'))
                && w.chars().any(char::is_alphabetic)
        })
    })
}

/// Whether every sentence of `text` is a question that opens as one: with a question word, an
/// auxiliary ("do you…", "is it…"), "if" ("if you could…, what would…?"), "anyone" or "or" (see
/// [`question_start`]). Posts run sentences together ("love my new lamp anyone know where to get
/// bulbs?"): a question mark at the end of one does not make all of it a question. A text with no
/// sentence is none.
fn asks_throughout(text: &str) -> bool {
    const OPENERS: &[&str] = &[
        "what", "what's", "whats", "which", "who", "who's", "whos", "whose", "where", "when",
        "how", "why", "do", "does", "did", "is", "isn't", "are", "aren't", "was", "were", "have",
        "has", "had", "can", "can't", "could", "would", "will", "should", "shall", "may", "if",
        "anyone", "anybody", "or",
    ];
    if !text.contains(['?', '؟']) {
        return false;
    }
    let mut any = false;
    sentences(text).all(|s| {
        any = true;
        question_start(s, |first, _| OPENERS.contains(&first)).is_some()
    }) && any
}

/// Whether a question suggests: "why not try…?", "have you tried…?", "how about…?", "could you
/// add…?", "should we…?". Questions after a cause ("why can't I export to PDF?", asked of
/// developers) are a feature request's usual form, and count too.
fn suggests(question: &str) -> bool {
    const OPENINGS: &[&[&str]] = &[
        &["why"],
        &["how", "about"],
        &["what", "about"],
        &["have", "you", "tried"],
        &["have", "you", "considered"],
        &["have", "you", "thought"],
        &["have", "you", "looked"],
        &["have", "you", "checked"],
        &["did", "you", "try"],
        &["could", "you"],
        &["can", "you"],
        &["could", "we"],
        &["can", "we"],
        &["would", "you", "please"],
        &["would", "you", "mind"],
        &["would", "you", "consider"],
        &["should", "you"],
        &["should", "we"],
        &["shouldn't", "you"],
        &["shouldn't", "we"],
        &["would", "it", "be"],
        &["wouldn't", "it", "be"],
        &["is", "there", "any", "way"],
    ];
    let first: Vec<String> = words_of(question)
        .take(4)
        .map(|w| w.to_ascii_lowercase())
        .collect();
    OPENINGS
        .iter()
        .any(|o| o.len() <= first.len() && o.iter().zip(&first).all(|(a, b)| a == b))
}

/// Whether `text` shares its writer's view as a question: "anyone else…", "who else…", "am I the
/// only one…".
fn shares_view(text: &str) -> bool {
    let mut prev = String::new();
    words_of(text).any(|w| {
        let w = w.to_ascii_lowercase();
        let shared = (w == "else"
            && matches!(prev.as_str(), "anyone" | "anybody" | "who" | "someone"))
            || (w == "only" && prev == "the");
        prev = w;
        shared
    })
}

/// Where the sentence around byte `at` starts: after the last sentence end before it, or about 80
/// bytes back, at a word, for a long one.
fn sentence_start(text: &str, at: usize) -> usize {
    let before = &text[..at];
    let from = before
        .char_indices()
        .rev()
        .find(|&(i, c)| ends_sentence(text, i, c))
        .map_or(0, |(i, c)| i + c.len_utf8());
    if at - from <= 80 {
        return from;
    }
    let mut floor = at - 80;
    while !text.is_char_boundary(floor) {
        floor += 1;
    }
    text[floor..at]
        .find(char::is_whitespace)
        .map_or(floor, |i| floor + i)
}

/// The sentence that asks for a recommendation, for an ask matched at `start..end` of `text`: from
/// [`sentence_start`] to the next sentence end (kept) or the end of the text, at most about 160
/// bytes past the match. Its byte range.
fn request_range(text: &str, start: usize, end: usize) -> (usize, usize) {
    let mut from = sentence_start(text, start);
    from += text[from..start].len() - text[from..start].trim_start().len();
    // A match that takes in its question mark ("looking for a good lamp?") ends the sentence.
    if let Some((i, c)) = text[..end].char_indices().next_back()
        && ends_sentence(text, i, c)
    {
        return (from, with_follow_up_questions(text, end));
    }
    let mut cap = (end + 160).min(text.len());
    while !text.is_char_boundary(cap) {
        cap -= 1;
    }
    let to = text[end..cap]
        .char_indices()
        .find(|&(i, c)| ends_sentence(text, end + i, c))
        .map_or(cap, |(i, c)| end + i + c.len_utf8());
    (from, with_follow_up_questions(text, to))
}

/// `to`, moved past the short questions that follow an asking question and ask the same ("Has
/// anyone tried the Halo Pro? *Is it worth the extra money?*", "Quelqu'un a déjà commandé chez
/// Fernway ? *C'est sérieux ?*"): their wished-for qualities are no praise either.
fn with_follow_up_questions(text: &str, mut to: usize) -> usize {
    while text[..to].trim_end().ends_with(['?', '؟']) {
        let rest = &text[to..];
        let start = to + (rest.len() - rest.trim_start().len());
        if start >= text.len() {
            break;
        }
        let mut cap = (start + 100).min(text.len());
        while !text.is_char_boundary(cap) {
            cap -= 1;
        }
        match text[start..cap]
            .char_indices()
            .find(|&(i, c)| ends_sentence(text, start + i, c))
        {
            Some((i, c)) if c == '?' || c == '؟' => to = start + i + c.len_utf8(),
            _ => break,
        }
    }
    to
}

/// The first place `needle` stands in `hay` as whole words (not inside a longer word: "be" is not
/// found in "because").
fn word_at(hay: &str, needle: &str) -> Option<usize> {
    let is_word = |c: Option<char>| c.is_some_and(|c| c.is_alphanumeric() || c == '\'');
    hay.match_indices(needle).map(|(i, _)| i).find(|&i| {
        !is_word(hay[..i].chars().next_back()) && !is_word(hay[i + needle.len()..].chars().next())
    })
}

/// Where the word or phrase `evidence` (a sentiment hit's token, as written) first stands in
/// `text` as whole words, as a byte range: the place a sentiment-backed signal is about. `None`
/// when it is not found as written (an emoji's description, a Persian or Arabic token in the
/// normalised text).
fn word_span(text: &str, evidence: &str) -> Option<(usize, usize)> {
    if evidence.is_empty() {
        return None;
    }
    word_at(text, evidence).map(|i| (i, i + evidence.len()))
}

/// The sentence around bytes `start..end` of `text`: from [`sentence_start`] to the next sentence
/// end (kept), at most about 60 bytes past `end`, cut at a word.
fn sentence_around(text: &str, start: usize, end: usize) -> &str {
    let from = sentence_start(text, start);
    let rest = &text[end..];
    let mut to = rest
        .char_indices()
        .find(|&(i, c)| ends_sentence(text, end + i, c))
        .map_or(text.len(), |(i, c)| end + i + c.len_utf8());
    if to - end > 60 {
        let mut cap = end + 60;
        while !text.is_char_boundary(cap) {
            cap -= 1;
        }
        to = text[end..cap]
            .rfind(char::is_whitespace)
            .map_or(cap, |i| end + i);
    }
    text[from..to].trim()
}

/// The evidence in a match: without the boundary characters a class boundary consumed, and without
/// the sentence boundary a rule matched to know that its words open a sentence ("… arrived. Great,
/// it broke" shows "Great, it broke", not ". Great, it broke").
fn span(m: &str, class_bounded: bool) -> &str {
    let mut s = m;
    if class_bounded {
        let mut cs = s.chars();
        if cs.next().is_some_and(|c| !c.is_alphanumeric()) {
            s = cs.as_str();
        }
        let mut cs = s.chars();
        if cs.next_back().is_some_and(|c| !c.is_alphanumeric()) {
            s = cs.as_str();
        }
    }
    // Only when words follow: the evidence of a rule about punctuation ("?!") is the punctuation.
    let words = s.trim_start_matches(|c: char| {
        matches!(c, '.' | '!' | '?' | '؟' | '۔') || c.is_whitespace()
    });
    if words.is_empty() {
        s.trim()
    } else {
        words.trim()
    }
}

/// The characters a class boundary ([`class_boundaries`]) accepts beside a word: ASCII's
/// non-word characters, and in the blocks where posts put their non-ASCII punctuation, spaces,
/// symbols and emoji (Latin-1, combining accents, Arabic, general punctuation to miscellaneous
/// symbols, CJK punctuation, Arabic presentation forms, variation selectors, fullwidth forms,
/// emoji, tags) every character that is not a letter, digit or `_`. It was `[^\p{L}\p{N}_]`,
/// the same within those blocks (a test compares the two on every code point of them), and some
/// 750 ranges whose UTF-8 automaton the compiler built anew for every `\b` of a rule, forwards and
/// in reverse: a Spanish, French, German or Portuguese rule took milliseconds to compile, and on
/// the demo corpus (323 posts in seven languages) × 30 `earshot classify` fell from 130.6 k to
/// 108.3 k instructions a text with this class, its output byte-identical. Elsewhere (Thai or
/// Devanagari punctuation, mathematical alphanumerics) a non-letter beside a Latin or Arabic word
/// is now no boundary. The ranges come from Unicode's general categories (letters `L*`, numbers
/// `N*`).
macro_rules! non_word_class {
    () => {
        concat!(
            r"\x00-\x2F\x3A-\x40\x5B-\x5E\x60\x7B-\x7F\x{80}-\x{A9}\x{AB}-\x{B1}",
            r"\x{B4}\x{B6}-\x{B8}\x{BB}\x{BF}\x{D7}\x{F7}\x{300}-\x{36F}",
            r"\x{600}-\x{61F}\x{64B}-\x{65F}\x{66A}-\x{66D}\x{670}\x{6D4}",
            r"\x{6D6}-\x{6E4}\x{6E7}-\x{6ED}\x{6FD}-\x{6FE}\x{2000}-\x{206F}",
            r"\x{2072}-\x{2073}\x{207A}-\x{207E}\x{208A}-\x{208F}\x{209D}-\x{2101}",
            r"\x{2103}-\x{2106}\x{2108}-\x{2109}\x{2114}\x{2116}-\x{2118}",
            r"\x{211E}-\x{2123}\x{2125}\x{2127}\x{2129}\x{212E}\x{213A}-\x{213B}",
            r"\x{2140}-\x{2144}\x{214A}-\x{214D}\x{214F}\x{218A}-\x{245F}",
            r"\x{249C}-\x{24E9}\x{2500}-\x{2775}\x{2794}-\x{2BFF}\x{3000}-\x{3004}",
            r"\x{3008}-\x{3020}\x{302A}-\x{3030}\x{3036}-\x{3037}\x{303D}-\x{303F}",
            r"\x{FBB2}-\x{FBD2}\x{FD3E}-\x{FD4F}\x{FD90}-\x{FD91}\x{FDC8}-\x{FDEF}",
            r"\x{FDFC}-\x{FDFF}\x{FE00}-\x{FE6F}\x{FE75}\x{FEFD}-\x{FEFF}",
            r"\x{FF00}-\x{FF0F}\x{FF1A}-\x{FF20}\x{FF3B}-\x{FF40}\x{FF5B}-\x{FF65}",
            r"\x{1F000}-\x{1F0FF}\x{1F10D}-\x{1FAFF}\x{E0000}-\x{E007F}"
        )
    };
}

/// Rewrites each Unicode `\b` as a character-class boundary: before a word (`\b` followed by a group
/// or a letter) "start or a non-letter", after one "end or a non-letter". A Unicode `\b` makes the
/// regex engine leave its lazy DFA for a much slower one on any non-ASCII text, and these rules'
/// words have accents ("llegó", "aléjense") where an ASCII `\b` would be wrong. The class consumes
/// the character, so spans are trimmed of non-letters where they are reported, and a pattern that
/// goes on after a word says its boundary without `\b` (the class would eat the character the
/// rest needs: "vale a pena?" missed its "?" when the asking rules' tails began with one).
fn class_boundaries(pattern: &str) -> String {
    // `(?-i:…)`: case-folding these huge classes changes nothing and was the costliest part of
    // compiling the rule sets.
    const START: &str = concat!("(?:^|(?-i:[", non_word_class!(), "]))");
    const END: &str = concat!("(?:$|(?-i:[", non_word_class!(), "]))");
    let mut out = String::with_capacity(pattern.len() * 2);
    let mut rest = pattern;
    while let Some(i) = rest.find(r"\b") {
        out.push_str(&rest[..i]);
        let after = &rest[i + 2..];
        let opens = after
            .chars()
            .next()
            .is_some_and(|c| c == '(' || c.is_alphanumeric());
        out.push_str(if opens { START } else { END });
        rest = after;
    }
    out.push_str(rest);
    out
}

/// A word character of the rules: an ASCII letter, digit or `_`, or any non-ASCII character.
/// Unicode's `\w` is some 700 ranges, whose UTF-8 automaton the regex compiler builds anew at each
/// use, forwards and in reverse: "(?:\w+ ){0,3}" made a rule cost milliseconds to compile, most of
/// `earshot classify`'s start on a short corpus. Case folding is off inside (nothing to fold, and
/// folding a million code points is slow).
const WORD_CHAR: &str = r"(?-i:[0-9A-Za-z_\x{80}-\x{10FFFF}])";
/// A digit of the rules: ASCII, Arabic-Indic and Persian (`\d` is every script's, 70 ranges).
const DIGIT: &str = r"(?-i:[0-9\x{660}-\x{669}\x{6F0}-\x{6F9}])";

/// `pattern` with each `\w` as [`WORD_CHAR`] and each `\d` as [`DIGIT`]: the same matches on the
/// words rules name (a non-ASCII symbol now counts as a word character, as an emoji or a curly
/// quote inside a gap of words: those gaps are short and bounded), for a fraction of the compile.
/// The rules use neither inside a bracketed class.
fn cheap_classes(pattern: &str) -> String {
    let mut out = String::with_capacity(pattern.len() + 64);
    let mut chars = pattern.chars();
    while let Some(c) = chars.next() {
        if c != '\\' {
            out.push(c);
            continue;
        }
        match chars.next() {
            Some('w') => out.push_str(WORD_CHAR),
            Some('d') => out.push_str(DIGIT),
            Some(e) => {
                out.push(c);
                out.push(e);
            }
            None => out.push(c),
        }
    }
    out
}

/// `pattern` matching its accented words also as typed without their accents: social posts in
/// Spanish, Portuguese and French often drop them ("nao recomendo", "remboursement refuse") and
/// German ones write umlauts out or drop them ("Rueckerstattung", "enttauscht"). A rule written
/// "não recomendo" matched nothing of "nao recomendo", and its neighbour "recomendo" read it as a
/// recommendation. Each accented letter outside a class becomes a class or group of its spellings
/// ("ã" → "[ãa]", "ü" → "[üu]e?", "ß" → "(?:ß|ss)"); inside a class the plain letter is added.
fn accent_tolerant(pattern: &str) -> String {
    /// How an accented letter may be typed instead.
    enum Plain {
        /// One plain letter: "ã" → "[ãa]".
        Letter(char),
        /// An umlaut, written out or dropped: "ü" → "[üu]e?" ("zurück", "zurueck", "zuruck").
        Umlaut(char),
        /// Several letters: "ß" → "(?:ß|ss)".
        Letters(&'static str),
    }
    fn plain(c: char) -> Option<Plain> {
        Some(match c {
            'á' | 'à' | 'â' | 'ã' => Plain::Letter('a'),
            'é' | 'è' | 'ê' | 'ë' => Plain::Letter('e'),
            'í' | 'ì' | 'î' | 'ï' => Plain::Letter('i'),
            'ó' | 'ò' | 'ô' | 'õ' => Plain::Letter('o'),
            'ú' | 'ù' | 'û' => Plain::Letter('u'),
            'ç' => Plain::Letter('c'),
            'ñ' => Plain::Letter('n'),
            'ÿ' => Plain::Letter('y'),
            'ä' => Plain::Umlaut('a'),
            'ö' => Plain::Umlaut('o'),
            'ü' => Plain::Umlaut('u'),
            'ß' => Plain::Letters("ss"),
            'œ' => Plain::Letters("oe"),
            _ => return None,
        })
    }
    let mut out = String::with_capacity(pattern.len() + 64);
    let mut chars = pattern.chars().peekable();
    // Depth of character classes, and whether the class just opened (where `]` is a literal).
    let (mut depth, mut opened) = (0usize, false);
    while let Some(c) = chars.next() {
        let first = std::mem::take(&mut opened);
        match c {
            '\\' => {
                out.push(c);
                if let Some(e) = chars.next() {
                    out.push(e);
                }
                continue;
            }
            '[' => {
                depth += 1;
                opened = true;
                out.push(c);
                if chars.peek() == Some(&'^') {
                    out.push('^');
                    chars.next();
                }
                continue;
            }
            ']' if depth > 0 && !first => {
                depth -= 1;
                out.push(c);
                continue;
            }
            _ => {}
        }
        let lower = c.to_lowercase().next().unwrap_or(c);
        match plain(lower) {
            // Inside a class, only a one-letter spelling fits.
            Some(Plain::Letter(p) | Plain::Umlaut(p)) if depth > 0 => {
                out.push(c);
                out.push(p);
            }
            Some(Plain::Letter(p)) => {
                out.push('[');
                out.push(c);
                out.push(p);
                out.push(']');
            }
            Some(Plain::Umlaut(p)) => {
                out.push('[');
                out.push(c);
                out.push(p);
                out.push_str("]e?");
            }
            Some(Plain::Letters(p)) if depth == 0 => {
                out.push_str("(?:");
                out.push(c);
                out.push('|');
                out.push_str(p);
                out.push(')');
            }
            _ => out.push(c),
        }
    }
    out
}

/// `ascii_boundaries`: the rules' words are ASCII, so `\b` can be the ASCII word boundary, which keeps
/// the regex engine on its DFA even when the text holds emoji or accented letters (a Unicode `\b`
/// forces a slower engine on non-ASCII text).
/// `latin_accents`: the rules' accented words also match typed without accents
/// ([`accent_tolerant`]).
/// `dfa_cache_bytes`: each rule's lazy-DFA cache limit, a multiple of it for the rules named in
/// `big_cache_rules`. (Passed, not told from the rule list's address: a `const`
/// slice need not have one address, and a build where `ptr::eq(rules, EN)` came out false gave
/// every English rule the other languages' 128 KB, 60 % more time in the rules' searches.)
fn compile(
    rules: &'static [Rule],
    case_insensitive: bool,
    ascii_boundaries: bool,
    latin_accents: bool,
    dfa_cache_bytes: usize,
    big_cache_rules: &[(&str, usize)],
    caches: &Arc<RegexCaches>,
) -> Compiled {
    let flag = if case_insensitive { "(?i)" } else { "" };
    let pats: Vec<String> = rules
        .iter()
        .map(|r| {
            let p = if latin_accents {
                Cow::Owned(accent_tolerant(r.pattern))
            } else {
                Cow::Borrowed(r.pattern)
            };
            let p = if ascii_boundaries {
                p.replace(r"\b", r"(?-u:\b)")
            } else {
                class_boundaries(&p)
            };
            let p = cheap_classes(&p);
            format!("{flag}{p}")
        })
        .collect();
    Compiled {
        regexes: pats.iter().map(|_| OnceLock::new()).collect(),
        patterns: pats.into_iter().map(Arc::from).collect(),
        rules,
        ascii: ascii_boundaries,
        dfa_cache_bytes: rules
            .iter()
            .map(|r| {
                big_cache_rules
                    .iter()
                    .find(|(name, _)| *name == r.name)
                    .map_or(dfa_cache_bytes, |&(_, times)| times * dfa_cache_bytes)
            })
            .collect(),
        first_slot: caches.register(rules.len()),
        caches: Arc::clone(caches),
    }
}

pub struct SignalDetector {
    en: Compiled,
    /// Learned advice-to-others model (English): arbitrates the weak suggestion rules and catches
    /// advice no rule phrases (see [`advice_features`]).
    advice: Option<AdviceModel>,
    /// Negative advice ("don't", "avoid", "stay away", "would not buy again"): a learned suggestion
    /// with one is a warning.
    negative_advice: Regex,
    /// A post that addresses an account (`@brand`), as posts to a brand's service handle do.
    addressed: Regex,
    /// Words that describe a problem (for addressed posts only: alone they are too common).
    problem: Regex,
    /// Idioms built of problem words that say something good or neutral: a problem word inside
    /// one does not make a post to an account a complaint.
    benign: Regex,
    /// Trouble reported put right ("thanks for fixing my internet outage", "the bug is fixed");
    /// see [`FIXED_TROUBLE`].
    fixed: Regex,
    /// What someone does or did, in which a warning rule's words occur ("I don't use it anymore",
    /// "they don't get it", "we left early to avoid the traffic", "it helps avoid scratches"):
    /// a warning overlapping one is not advice to others. "I'd never buy from them" and "I would
    /// avoid this place" still warn.
    not_advice: Regex,
    /// A purchase given up ("going to buy it but the reviews scared me off"): no purchase intent.
    put_off: Regex,
    /// Loyalty the author states ("I'd never leave Kestrel", "we won't switch from Lumora"): the
    /// author's own stance, which the advice model read as a warning by its "never".
    loyal: Regex,
    /// Greetings and wishes ("Merry Christmas", "good luck", "happy birthday"): positive words
    /// that praise nothing.
    greetings: Regex,
    /// Giveaways ("I entered a giveaway for a chance to win…"): their positive words praise nothing.
    giveaway: Regex,
    /// What a delivery costs ("delivery fee", "shipping charges"): a complaint of it is about the
    /// price, not the delivery (see [`SignalDetector::categories`]).
    delivery_price: Regex,
    by_lang: Vec<(&'static str, Compiled)>,
    /// Which rules could match a text (see [`Gate`]): English's, and for each of `by_lang` one over
    /// English's rules then the language's, so that a text is read once.
    en_gate: Gate,
    lang_gates: Vec<Gate>,
    /// Which categories' keywords could occur in a text (see [`Gate`]), one pattern per category
    /// in `CATEGORY_KEYWORDS` order.
    category_gate: Gate,
    /// Each category's own regex, run only when the gate names it. One `RegexSet` over the seven
    /// used to decide them in one overlapping pass, but its lazy DFA built states from every new
    /// complaint to the end of the text: 5.5 % of `earshot classify` on 10,000 stream texts.
    categories: Vec<Regex<RuleRegex>>,
    /// The search caches of every regex above (see [`RegexCaches`]).
    caches: Arc<RegexCaches>,
}

impl Default for SignalDetector {
    fn default() -> Self {
        Self::new()
    }
}

/// How much a category keyword says: a strong one names what went wrong, a weak one only what was
/// bought or how (see the weak entries of [`CATEGORY_KEYWORDS`]).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Evidence {
    Strong,
    Weak,
}

/// Complaint-category keywords in every scored language; matched case-insensitively, with word
/// boundaries for Latin-script words.
const CATEGORY_KEYWORDS: &[(ComplaintCategory, Evidence, &str)] = &[
    (
        ComplaintCategory::Website,
        Evidence::Strong,
        r"\b(?:website|web ?site|site|app|log ?in|password|error|crash(?:es|ed|ing)?|bug(?:gy|s)?|glitch(?:y|es)?|loading|outage|404|server|account locked|página|web|aplicación|appli|webseite|einloggen|anmelden|aplicativo|sistema caiu|cuelga|plante|stürzt|lädt|fora do ar|erreur)\b|سایت|اپلیکیشن|برنامه|(?:^|\s)اپ(?:\s|$)|کرش|هنگ (?:می ?کنه|می ?کند|کرد)|الموقع|التطبيق|تطبيقكم|تطبيقك|تطبيق [a-zA-Z]|خطا|ارور",
    ),
    (
        ComplaintCategory::Checkout,
        Evidence::Strong,
        r"\b(?:checkout|check out|payment|declined|cart|basket|coupon|promo ?code|discount code|billing|transaction|charged (?:me |us |my card |my account )?(?:twice|two times|double)|double[- ]charged|(?:got )?charged (?:me |us |my card |my account )?but|charging (?:me|us|my card|my account)|short ?changed|can'?t pay|cannot pay|unable to pay|(?:try|trying|tried|tries|attempt(?:ing|ed)?) to pay|no puedo pagar|no (?:me |nos )?dejan? pagar|(?:intento|intenté|quiero) pagar|(?:veux|essaie|essaye|tente|essayé de|tenté de) payer|impossible de payer|kann nicht (?:bezahlen|zahlen)|não consigo pagar|pago|paiement|zahlung|bezahlung|pagamento|cobraron|cobrado|cobraram|cobrança|débité|abgebucht|cobró|cobro|cobrou|prélevé|facturé|panier|warenkorb|carrito|carrinho|terminar la compra|finalizar la compra|finalizar a compra|finalizar compra|valider mon panier|abgebucht|doppelt berechnet)\b|پرداخت|الدفع|خصموا|مرتين|السله",
    ),
    (
        ComplaintCategory::Delivery,
        Evidence::Strong,
        r"\b(?:deliver(?:y|ies|ed|ing)?|ship(?:ping|ped|ment)?|packages?|parcels?|couriers?|arrived (?:with|missing) (?:a |an |the |one |two |some |its |it'?s )?(?:\S+ )?(?:ripped|torn|broken|cracked|dented|smashed|scratched|damaged|bent|chipped|crushed)|tracking|dispatch(?:ed)?|postman|ups|fedex|dhl|usps|lost in transit|envío|envio|enviar|envían|entrega|paquete|pacote|entregador|repartidor|livreur|zusteller|paketbote|livraison|colis|lieferung|paket|versand|geliefert|correios|entrepôt|retard|retraso|verspätung|verspätet|atraso|atrasou|chegou|llegó|arrivé|llega|llegado|enviaron|livré|expédié|reçue?s?|angekommen|zugestellt|versendet|entregue|enviado|enviaram|entregaram|recebi|perdu|perdue|verloren|faltaba|manquait|fehlte|in transit|reparto|en tránsito|en preparación|in zustellung|unterwegs|sendungsverfolgung|kam (?:nie|nicht) an|نرسیده|نرسید)\b|ارسال|تحویل|بسته|توصيل|شحن|الشحنه|ما وصل|ماوصل|لم يصل|(?:^|\s)شحنتي(?:\s|$)|(?:الطلب|طلبي|الطلبيه|طلبيتي)(?: \S+){0,2} (?:وصل|وصلت|تاخر|تاخرت|متاخر|متاخره)",
    ),
    (
        ComplaintCategory::ReturnsRefunds,
        Evidence::Strong,
        r"\b(?:refund(?:s|ed)?|return(?:s|ed|ing)?|money back|(?:sent|send|sending|shipped|posted|mailed) (?:it|them|the \w+(?: \w+)?|my \w+(?: \w+)?|\w+) back|(?:waiting|wait) (?:on|for) (?:my|our|the) money|deposits? back|(?:returned|kept|keeping|withh[oe]ld(?:ing)?|refunded) (?:my|our|the) deposit|reimburs\w*|exchange|chargeback|devoluciones|(?:won'?t|wouldn'?t|will not|would not|refused to|refuse to|refuses to) take (?:it|them|this|that|my \w+|the \w+) back|reembolso|devolución|devolucion|warranty|rembours\w*|reembols\w*|estorno|devolveram|devolveu|dinheiro de volta|geld (?:\w+ ){0,6}?zurück|retour|erstattung|rückerstattung|rücksendung|umtausch|devolução|devolucao|devuelven|devolvem|devuelto|devolvió|rembourser|remboursé|erstattet|erstattung|trocar|devolver(?:lo|la|los|las)?|estorn\w*|cambiarlo|cambiarla|cambiármelo)\b|مرجوع|بازگشت وجه|گارانتی|استرجاع|استرداد|الفلوس|فلوسي|يرجعوا|ارجاع|ترجيع|پس (?:نداده|ندادند|ندادن|نمی ?دن|نمی ?دهند)|برگشت پول|برگردوندم|برگرداندم|پس فرستادم",
    ),
    (
        ComplaintCategory::Support,
        Evidence::Strong,
        r"\b(?:support|customer (?:service|care)|chat ?bot|on the phone|agent|get through to|get hold of|on hold|call(?:ed|ing)?|chat|respon(?:d|se|ses|ded|ding)|repl(?:y|ies|ied|ying)|rep|representative|staff|rude|helpline|hotline|ticket|manager|(?:no ?one|nobody) (?:is )?(?:picking up|picks up|picking|answering|answers)|hangs? up on (?:me|us)|hung up on (?:me|us)|phone line|explained (?:my|the|this|our) (?:issue|problem|situation|case)|keeps? ringing|warteschleife|impossible de joindre|joindre quelqu'un|rückruf|zurückrufen|ruft (?:\S+ )?(?:nie|nicht) zurück|no (?:answer|reply|response)|left (?:me|us) on read|copy[- ]?pasted?|atención al cliente|soporte|service client|sav|kundenservice|kundendienst|atendimento|suporte|injoignable|erreichbar|antwortet|respuesta|réponse|resposta|responde|servicio al cliente|atención|colgaron|colgó|raccroché|servicio técnico|au téléphone|conseiller|hotline|atendente|responderam|respondem|contestan?|contestaron|responden|respondieron|répondent|antworten)\b|پشتیبانی|پاسخگو|جواب (?:نمی ?ده|نمی ?دن|نمی ?دهند|نداد|ندادن|ندادند)|خدمه العملاء|الدعم|خدمة العملاء|خدمه عملاء|لا ترد|لا يرد|احد يرد|محد يرد|ماحد يرد",
    ),
    (
        ComplaintCategory::Price,
        Evidence::Strong,
        r"\b(?:charg(?:e|es|ed|ing) (?:me |us |you )?(?:[$£€] ?\d+|\d+ ?(?:dollars|pounds|euros|bucks|quid))|versteckte (?:kosten|gebühren)|gastos ocultos|taxa|taxas|cargos ocultos|costes ocultos|frais cachés|taxas escondidas|price[sd]?|pricing|expensive|overpriced|pricey|cost|costly|costs (?:too|so|way|a lot|an arm|more|me|us|twice|double|extra)|fees?|rip[- ]?off|overcharg\w*|increase[sd]?|hike[sd]?|(?:bill|premium|subscription) (?:has |have |just |suddenly |nearly |almost )?(?:doubled|tripled|skyrocketed)|(?:bill|bills|charges?) (?:is |are |was |were |so |too |way |this high|that )*(?:high|steep)|(?:room|nightly|hourly|exchange|interest) rates?|roaming|restocking|not (?:paying|going to pay|gonna pay) [$£€] ?\d+|(?:[$£€] ?\d+(?:[.,]\d+)?|\d+(?:[.,]\d+)? ?(?:dollars|pounds|euros|quid|bucks)) (?:a|per) (?:night|day|hour) for|high (?:bills?|charges)|precio|precios|(?:me |nos )?cobran (?:más|de más)|tarifa|cuota|caro|cara|carísimo|carísima|caríssimo|caríssima|prix|tarifs|cher|chère|preis|preise|preiserhöhung|teuer|teurer|überteuert|preço|preços|preco|rais(?:ed|es|ing) (?:the |their |its |our |my )?(?:prices?|fees?|rates?|bills?|tariffs?))\b|قیمت|گران|گرون|سعر|غالي|الاسعار|نمی ?صرفه",
    ),
    (
        ComplaintCategory::Quality,
        // A network's signal and a device's battery are the product working as sold: said of
        // as failing (a bare "signal" or "reception" is also a brand's name or a hotel's desk).
        Evidence::Strong,
        r"\b(?:(?:no|bad|weak|poor|terrible|awful|zero|lost|losing|patchy|spotty|crap|shit) (?:signal|reception|coverage)|signal (?:is|was|keeps|drops|dropping|dropped|died|dies)|dropped calls?|dropping calls|(?:another|second|third|fourth|fifth|\d+(?:st|nd|rd|th)) dropped call|dead zones?|battery (?:life )?(?:is |was )?(?:terrible|awful|bad|poor|dead|dies|died|drains|draining|useless|horrible|weak|rubbish|sucks|swelled|swollen)|battery (?:now |only |barely |hardly |doesn'?t even |does not even )+last(?:s|ed)?|(?:terrible|awful|bad|poor|horrible|weak|crap|shit) battery|sin señal|sin cobertura|throttl(?:e|es|ed|ing)|problemas con la (?:señal|cobertura)|(?:la )?batería no dura|pas de réseau|kein empfang|kein netz|sem sinal|broken|broke|defective|faulty|quality|cheap(?:ly)?|fell apart|falling apart|damaged|stopped working|stopped (?:charging|turning on|holding (?:a )?charge|pairing)|(?:won'?t|doesn'?t|does not|will not) (?:charge|turn on|hold (?:a )?charge|power on)|flimsy|stale|cracked|torn|ripped|leak(?:s|ing|ed)?|poorly made|tastes?|calidad|roto|defectuoso|qualité|cassé|défectueux|qualität|kaputt|defekt|qualidade|quebrado|defeito|fissurée?s?|abîmé|abîmée|endommagé|endommagée|beschädigt|dañado|dañada|danificado|danificada|rota|roto|rompió|rasgada|rasgado|rasgou|quebrou|fundió|estropeó|grillé|ausgefallen|queimou|parou de funcionar)\b|کیفیت|خراب|شکسته|خط (?:افتاد|افتاده)|ترک (?:خورد|خورده|برداشت|برداشته)|معیوب|کنده|کند شده|جوده|خربان|معطل|مكسور|مكسوره|تالف|تالفه|(?:وقف|وقفت|توقف|توقفت) عن (?:الشغل|العمل)|قطع (?:شد|شده|میشه|می شه)|انكسر|انكسرت|اتكسر|اتكسرت|مضروب|مقلد",
    ),
    (
        // Failing in use, as customers say it of anything sold: a device, clothes, food, a
        // utility. A second entry because the gate takes at most 64 strings for one pattern.
        ComplaintCategory::Quality,
        Evidence::Strong,
        r"\b(?:c[oa]m(?:e|ing) apart|unravell?(?:ed|ing)|frayed|stitching|seams? (?:split|ripped|came)|fell off|(?:doesn'?t|does not|isn'?t|is not|aren'?t|are not|still not|not|won'?t|wont|didn'?t|never) work(?:ing|s|ed)?|(?:went|goes|gone) out on (?:me|us)|dead on arrival|bricked|paperweight|overheat(?:s|ed|ing)?|(?:heating|overheating|charging|battery|sound|screen|display) (?:issues?|problems?)|keeps? (?:dropping|disconnecting|restarting|rebooting|freezing|shutting (?:down|off)|turning off|dying)|(?:won'?t|wont|doesn'?t|does not|will not) (?:connect|pair|start|boot|load|open|print|sync)|peel(?:s|ed|ing)? off|peeling|flaking|disconnects|snapped|soaked|drenched|clignote|ein loch|خرب|despegaron|despegó|descolou|auseinandergefallen|pris feu|سوخت|bater[ií]a|batterie|akku|flicker(?:s|ing)?|grillent|ont grillé|queimaram|pifou|estragou|soggy|chewy|undercooked|moldy|mouldy|rotten|(?:don'?t|do not|doesn'?t|does not) have (?:any )?(?:power|electricity|internet|wi-?fi|signal|service|hot water)|half empty|no (?:power|electricity|broadband|internet|wi-?fi|network|connection|service|water|gas|hot water)|(?:power|internet|broadband|wi-?fi|network|service|signal|connection) (?:is |was |has been |keeps |went |goes )?(?:down|out|dropping|dead))\b",
    ),
    (
        // Faults reviewers name of what they bought: too loud, hot while charging, a chemical
        // smell, paint chipping, fabric pilling or shrinking, a battery that stopped holding a
        // charge, a thing not as described (a fourth entry, for the gate's 64 strings).
        ComplaintCategory::Quality,
        Evidence::Strong,
        r"\b(?:(?:way|far|much) too (?:loud|noisy)|(?:was|were|is|are|already|arrived|came) out of date|past (?:its|their|the) (?:use[- ]by|best[- ]before|sell[- ]by)|dead (?:backlight|screen|pixels?|speakers?|ports?|keys?|buttons?)|buffering|runs? hot|(?:hot|warm) (?:while|when|during) (?:charging|in use|gaming)|smell(?:s|ed)? (?:\w+ )?(?:like|of) (?:chemicals|plastic|burning|mou?ld|rubber|paint)|(?:chemical|plastic|burning|musty) (?:smell|odou?r)|chipp(?:ed|ing)|filthy|dirty|stain(?:s|ed)|unclean|faded|fading|peeled|tasted|burnt|battery (?:went|goes|drops?|dropped|drained?)|se décollent|se décolle|décollée?s?|washed[- ]out|paper[- ]thin|(?:update|upgrade) (?:\S+ ){0,2}?(?:wiped|erased|deleted|broke)|veio fria|veio frio|estava crua?|raw|(?:wouldn'?t|would not) (?:recline|flush|lock|close|open|turn on|work|charge|start)|(?:screen|display|tv|charger|socket|remote) (?:was|is|went) dead|porquería|en panne|(?:dejó|ha dejado) de (?:calentar|cargar|encender|enfriar|sonar|andar|responder)|burn(?:ed|t) out|junk|laggy|blurry|let(?:s|ting)? (?:the )?(?:water|rain) (?:in|through)|pill(?:ed|ing)|shr[au]nk|rust(?:ed|ing|y)|(?:stopped|stops|won'?t|doesn'?t) (?:holding|hold|taking|take) (?:a )?charge|not as (?:described|pictured|advertised))\b",
    ),
    (
        // A network's coverage, said of in a complaint ("the signal at home is a joke", "la
        // cobertura es pésima", "das Netz ist eine Katastrophe", "o sinal aqui é horrível").
        ComplaintCategory::Quality,
        Evidence::Strong,
        r"\b(?:coverage|cobertura|señal|réseau|netz|netzabdeckung|empfang|sinal|ne (?:s'allume|marche|fonctionne|charge|démarre) plus|no enciende|ya no funciona|dejó de funcionar|geht nicht mehr an|funktioniert nicht mehr|não liga|não funciona mais|signal(?: \S+){0,3}? (?:is|was|are|has been) (?:\w+ )?(?:a joke|dire|terrible|awful|rubbish|shocking|appalling|horrible|pathetic|crap|useless|non-?existent))\b|التغطيه|تغطيه|الشبكه|النت|بطيء|بطيئ|ضعیف|[آا]نتن|(?:internet|sinal) cai|\b(?:riscad[oa]s?|arranhad[oa]s?|trincad[oa]s?|rayad[oa]s?|zerkratzt|melted|caught fire|needs? (?:charging|recharging) (?:by|twice|every|after|several|three|four|five)|(?:wi-?fi|internet|connection|broadband)(?:'s| has| have| is| was)? (?:been |just )?(?:dead|dropped|cut out|cutting out|dropping))\b",
    ),
    (
        ComplaintCategory::Price,
        Evidence::Strong,
        r"\b(?:(?:put|puts|putting|bumped|jacked) (?:my|our|the|their|its) (?:prices?|bills?|tariffs?|subscription|premium|monthly (?:bill|payment|price|fee|charge)) up|(?:jacked|bumped|hiked) up|service (?:fee|charge)s?|(?:daylight|highway) robbery|fake sale|(?:bill|bills|premium|subscription|price|prices|fees?|tariff) (?:\w+ )?(?:go|goes|went|gone|going) up|(?:[$£€] ?\d+(?:[.,]\d+)?|\d+(?:[.,]\d+)? ?(?:dollars|pounds|euros|quid|bucks)) (?:more|extra) (?:a|per|every|each) (?:month|year|week)|used to be (?:free|cheaper|included)|[$£€] ?\d+(?:[.,]\d+)? (?:to|à|a|auf|para) [$£€]? ?\d+|\d+(?:[.,]\d+)? ?[$£€]? (?:à|a|auf|para) \d+(?:[.,]\d+)? ?(?:[$£€]|euros?)|\d+ ?(?:%|percent) (?:higher|more|up) (?:than|on|from)|(?:total|price|bill|cost) (?:\S+ )?(?:jumped|shot up|rocketed|skyrocketed)|[$£€] ?\d+(?:[.,]\d+)?[^.!?\n]{0,40} (?:is|are) (?:\S+ )?(?:taking the (?:mick|mickey|michael|piss)|having a laugh)|extortionate|(?:for|at) [$£€] ?\d+(?:[.,]\d+)? (?:a|per|every) (?:month|year|week))\b",
    ),
    (
        // What goes wrong with an order on its way, said with the words it was bought with
        // ("where is my order", "my order never showed up", "still hasn't arrived", "your driver
        // threw it"): strong, where "order", "arrived" and "driver" alone are weak (a second entry
        // for the gate's 64 strings).
        ComplaintCategory::Delivery,
        Evidence::Strong,
        r"\b(?:(?:never|hasn'?t|has not|haven'?t|have not|not|didn'?t|did not|yet to|won'?t|wont) (?:yet |even )?arriv(?:e|ed|ing)|arriv(?:e|ed|es|al) (?:late|\d+ (?:days?|weeks?|hours?) late|a (?:day|week) late|after|on the wrong|(?:\w+ )?(?:damaged|crushed|smashed|opened|wet|soaked|dented|torn))|arrival (?:date|time)s?|still (?:not |hasn'?t |haven'?t )?arrived|(?:bag|bags|luggage|suitcase|baggage) (?:didn'?t|did not|never) (?:make it|arrive|turn up|show up|come)|lost (?:my |our )?(?:bag|bags|luggage|suitcase|baggage)|nobody (?:knocked|rang)|tried to deliver|(?:delivery|your) drivers?|drivers? (?:was|were|is) (?:rude|late|aggressive)|drivers? (?:threw|dumped|left|dropped|chucked)|orders? (?:\S+ )?(?:never|hasn'?t|has not|didn'?t|did not) (?:showed|show|shown|turned|turn) up|sans nouvelles (?:de|du) (?:ma |mon |la |le |notre )?(?:commande|colis)|sin llegar|atrasad[oa]s?|where(?:'?s| is| are)? my (?:\S+ )?orders?|where my (?:\S+ )?orders? (?:is|are)|orders? (?:is |are |was |has been )?(?:still )?(?:late|missing|delayed|lost))\b",
    ),
    // Weak evidence: words that name the purchase a complaint is about rather than what went
    // wrong with it ("I ordered the earbuds and one stopped charging" is about quality; "paid a
    // premium price for a case that cracked", price and quality; a "password reset email" is the
    // website's). They name a category only when no other entry does: "where is my order",
    // "bestellt … immer noch nichts", "my card won't go through".
    (
        ComplaintCategory::Delivery,
        Evidence::Weak,
        r"\b(?:orders?|ordered|driver|arriv(?:e|ed|es|al)|pedido|pedí|commande|commandé|bestellung|bestellt|encomenda)\b|سفارش|الطلب|(?:^|\s)(?:طلبي|طلبيتي)(?:\s|$)",
    ),
    (
        ComplaintCategory::Checkout,
        Evidence::Weak,
        r"\b(?:pay|paid|card|charged|tarjeta|carte|karte|cartão|pagar|payer|bezahlen|zahlen)\b|(?:^|\s)کارت|البطاقه",
    ),
    (
        ComplaintCategory::Support,
        Evidence::Weak,
        r"\be-?mail(?:ed|s)?\b",
    ),
    (ComplaintCategory::Website, Evidence::Weak, r"\bpages?\b"),
    (
        // A strong entry after the weak ones, so that the others keep the numbers the tests
        // name them by: answered by no one ("every email gets an autoreply", "a canned
        // response").
        ComplaintCategory::Support,
        Evidence::Strong,
        r"\b(?:auto-?(?:repl(?:y|ies)|responses?|responders?)|automated (?:reply|replies|response|responses|emails?|messages?)|canned (?:responses?|repl(?:y|ies))|answer(?:ing)? (?:the |their |a |any |your )?(?:phones?|calls?)|(?:minutes?|mins?|hours?|hrs?) (?:hold|phone queue)|(?:no ?one|nobody|no-one|no staff) (?:around |about |there |available )?to help|(?:had|have|having) to chase|chas(?:e|ed|ing) (?:\S+ ){0,3}?(?:\d+|two|three|four|five|six|several|multiple|many) times)\b",
    ),
    (
        // Left where the weather or anyone could take it: "my parcel was left in the rain".
        ComplaintCategory::Delivery,
        Evidence::Strong,
        r"\b(?:(?:left|dumped|thrown|chucked) (?:out |outside )?(?:in|on) the (?:rain|snow|street|road|pavement|bins?|hedge|bushes|gutter)|livreur|livr[ée]e? chez|entregad[oa] (?:al|a la|na casa d[oa]) vecin[oa])\b",
    ),
    (
        // A product that has stopped working, said another way than the first quality entry:
        // "no longer holds a charge", "the video quit working", "the camera quit on me", "it
        // lasted about two weeks" (that entry is at the gate's 64 strings).
        ComplaintCategory::Quality,
        Evidence::Strong,
        r"\b(?:no longer (?:works?|working|worked|charges|holds (?:a )?charge|turns on)|quit (?:working|charging)|quit on (?:me|us)|lasted (?:about|around|roughly|maybe|approximately|like) (?:\S+ ){0,2}?(?:days?|weeks?|hours?|uses?|wash(?:es)?))\b",
    ),
    (
        // Money kept, as Spanish, Portuguese, French and German posts ask for it back ("no me
        // devuelve el dinero", "devolvedme mi dinero", "não devolve o dinheiro", "ne me rembourse
        // pas", "erstattet mir das Geld nicht"): the verbs' other persons and the money itself.
        ComplaintCategory::ReturnsRefunds,
        Evidence::Strong,
        r"\b(?:devuelve|devuélveme|devuélvanme|devolvedme|devolverme|(?:mi|nuestro) dinero|devolve|devolva|devolvam|(?:meu|nosso) dinheiro|rembourse|remboursent|remboursez|(?:mon|notre) argent|(?:mein|unser) geld|erstatten|erstattete)\b",
    ),
    (
        // Waiting for an answer, on the phone or in writing ("tarda mucho en responder", "sigue
        // sin contestar", "una hora al teléfono", "demora a responder", "uma hora no telefone",
        // "met des semaines à répondre", "braucht Wochen für eine Antwort", "eine Stunde am
        // Telefon").
        ComplaintCategory::Support,
        Evidence::Strong,
        r"\b(?:responder|contestar|al teléfono|en el teléfono|(?:coge|cogen|atiende|atienden) el teléfono|no telefone|na linha|répondre|antwort|am telefon|ans telefon|in der hotline)\b",
    ),
    (
        // Charging too much, said with the verb ("cobra demasiado", "cobra demais", "viel zu
        // viel verlangt", "charges way too much").
        ComplaintCategory::Price,
        Evidence::Strong,
        r"\b(?:(?:cobra|cobran|cobró|cobraron|cobram|cobrou|cobraram) (?:demasiado|un dineral|una barbaridad|una fortuna|demais|um absurdo|absurdos)|hors de prix|(?:viel )?zu viel (?:geld )?(?:verlangt|verlangen|berechnet)|(?:charges?|charging) (?:way |far |much )?too much)\b",
    ),
    (
        // An account one cannot get into, and the app by its other names ("no puedo entrar en
        // mi cuenta", "não consigo entrar na minha conta", "me connecter à mon compte", "die
        // Seite hängt", "ما اقدر ادخل حسابي", "وارد حسابم بشم"). Not French "application": every
        // language's categories are read on every text, and English's "application" is as often
        // a form ("a mortgage application").
        ComplaintCategory::Website,
        Evidence::Strong,
        r"\b(?:(?:entrar|acceder|iniciar sesión) (?:en|a) (?:mi |la |tu )?cuenta|(?:entrar|acessar|logar) (?:na|a|em) (?:minha )?conta|(?:connecter|accéder|connexion) à (?:mon |votre )?compte|seite|pantalla de carga|cierra la sesión|desloga|déconnecte|loggt|(?:online-?|web)?shop (?:\S+ ){0,3}?(?:langsam|lahm|träge))\b|ادخل حسابي|الدخول (?:الي |لـ)?حسابي|وارد حسابم",
    ),
    (
        // A subscription's billing, where nothing else is named: "billed three months after
        // cancelling", "auto-renewed my plan", "refuses to stop my direct debit" (weak: "billed
        // twice the price" is the price's too). Not "subscription" alone: "I'll cancel my
        // subscription if you don't fix this" names no trouble with billing.
        ComplaintCategory::Checkout,
        Evidence::Weak,
        r"\b(?:auto-?renew\w*|renewed|direct debit|standing order|billed|debited|took (?:\S+ ){0,2}?money)\b",
    ),
    (
        // A cart and a payment by their other names ("el carrito se vacía", "o carrinho
        // esvazia", "mon panier se vide", "der Warenkorb leert sich", "erro no pagamento",
        // "erreur au paiement", "beim Bezahlen").
        ComplaintCategory::Checkout,
        Evidence::Strong,
        r"\b(?:carrito|carrinho|panier|warenkorb|pagamento|paiement|pago|zahlung)\b|وقت الدفع|عند الدفع",
    ),
];

/// The categories' patterns as compiled: case-insensitive, and accented keywords with class
/// boundaries, as for the Latin rule sets; `\w` as the rules' cheap word class (the refund
/// category's "rembours\w*" and "geld (?:\w+ ){0,6}?zurück" cost 3.5 ms to compile with Unicode's).
fn category_patterns() -> Vec<String> {
    CATEGORY_KEYWORDS
        .iter()
        .map(|(_, _, p)| {
            format!(
                "(?i){}",
                cheap_classes(&class_boundaries(&accent_tolerant(p)))
            )
        })
        .collect()
}

/// Whether the rest of a sentence ends a wish with "for once" or "for a change" ("… if they
/// answered the phone for once").
fn wished_for_once(rest: &str) -> bool {
    let sentence = &rest[..rest.find(['.', '!', '?', '\n']).unwrap_or(rest.len())];
    let b = sentence.as_bytes();
    [&b" for once"[..], &b" for a change"[..]]
        .iter()
        .any(|w| b.windows(w.len()).any(|x| x.eq_ignore_ascii_case(w)))
}

/// Whether "don't be fooled by …" warns or reassures, read from what follows it: "don't get fooled
/// by the ads, the boxes are tiny" warns; "don't be fooled by the small size, it's really bright"
/// recommends; before words that weigh nothing it is the warning it says. `None` when the
/// phrase is absent.
fn fooled_turn(text: &str, sentiment: &Sentiment) -> Option<SignalKind> {
    // Every English text comes here: a few substring scans (the word's usual cases) before any copy.
    if !text.contains("fooled") && !text.contains("FOOLED") && !text.contains("Fooled") {
        return None;
    }
    let lower = text.to_ascii_lowercase();
    let end = [
        "don't be fooled",
        "don't get fooled",
        "do not be fooled",
        "dont be fooled",
    ]
    .iter()
    .filter_map(|p| lower.find(p).map(|i| i + p.len()))
    .min()?;
    let after: f64 = sentiment
        .hits
        .iter()
        .filter(|h| h.at.is_some_and(|a| a as usize >= end))
        .map(|h| h.valence)
        .sum();
    // Alone, or before words that weigh nothing, it is the warning it says.
    Some(if after > 0.0 { Recommend } else { Warn })
}

/// The shipped advice model (`earshot train --task suggestion`, see the README).
/// English idioms made of words the addressed-problem rule reads as trouble, which mean the
/// opposite: eagerness ("can't wait"), agreement ("couldn't agree more"), delight ("couldn't put it
/// down", "can't stop smiling"), a problem never had ("no problems", "still works"), speed ("within
/// an hour", "in under two days"), a launch looked forward to ("when is the new mascara coming out",
/// "when will it be available to order", "when is the S24 coming to Canada"; "when is the sauce
/// coming back" is a complaint), the search
/// a reader is spared ("don't waste time looking at anything else, just buy this one"), good news
/// hardly believed ("got the job!!! still can't believe it", "still can't believe I won"; not "I
/// still can't believe I heard this", outrage). A problem put
/// right ("problem solved", "thanks for fixing my issue so fast") is [`FIXED_TROUBLE`]'s.
const BENIGN_IDIOMS: &str = r"(?i)(?-u:\b)(?:uninstall(?:ed|ing)? (?:\S+ ){0,3}?and re-?install(?:ed|ing)?|(?:nobody|no one|noone|no-one) (?:ever )?told (?:me|us) (?:how|it (?:would|will|was|is)|that it (?:would|will|was|is)|(?:it|this|they) (?:\S+ )?(?:would|will) be (?:this|so))|still (?:can'?t|cannot) believe (?:it|(?:i|we) (?:won|got|made|passed|did))(?-u:\b)|(?:can'?t|can not|cannot|couldn'?t|could not) (?:wait|agree more|help but|be happier|be better|ask for (?:a )?better|(?:recommend|love|praise|thank) (?:\w+ ){0,3}enough|put (?:it|this) down|stop (?:smiling|laughing|listening|reading|playing|watching)|complain|get enough)|(?:no|not a|without a|never (?:had|have) (?:a|any)) (?:problems?|issues?|complaints?)|(?:still|is|are) (?:going strong|works?|working|running)|still (?:hot|warm|fresh|crispy|sealed|smiling|in one piece|like new)|don'?t worry|don'?t get me wrong|went out of (?:his|her|their|my|our|your|its) way|nothing but (?:love|praise|good)|what'?s not to love|(?:no|not a) (?:wait|delay)|just got (?:back|home|off|in|out|up|told|paid|charged|billed|hit|scammed|robbed|engaged|married|hired|fired|promoted|dumped|called|emailed|texted|notified|informed|denied|rejected|blocked|banned|hacked|ghosted|cut off|disconnected|(?:my |a |an |the |our |this |another )?(?:\w+ )?(?:bill|renewal|statement|invoice|notice|e-?mail|text|letter|call|reply|response|notification|message|refund|quote|results?|diagnosis|news|word|confirmation|update|offer|job)s?)|didn'?t disappoint|doesn'?t disappoint|won'?t disappoint|never disappoints?|won'?t (?:regret|be disappointed)|will not regret|didn'?t mean (?:to|for|it|that)|switch(?:ed|ing) (?:it |them |the \w+ )?(?:on|off)|(?:within|in under|in less than) (?:an?|\d+|one|two|three|a few|few) (?:minutes?|hours?|days?)|(?:refund|refunded|replaced|replacement|fixed|sorted|resolved|delivered|arrived|came|here) (?:\S+ ){0,2}?in (?:an?|\d+|one|two|three|a few|few) (?:minutes?|hours?|days?)|don'?t waste (?:your )?time (?:looking|searching|shopping)(?: around)? (?:at|for) (?:anything|any other|other)|when (?:is|are|will) (?:[\w'&;+-]+ ){0,8}?(?:coming out|coming to (?:the )?(?:uk|us|usa|eu|europe|canada|australia|india|ireland|new zealand|nz|asia|africa|mexico|brazil|japan|germany|france|spain|android|ios|pc|mac|xbox|playstation|ps5|switch|stores?|shops?|theaters?|cinemas?)|be available|available to (?:order|buy)|launch(?:ing)?|released?|see the new))(?-u:\b)";

/// English trouble reported put right: a done fix before the trouble it names, within four words
/// ("fixed my internet outage", "thanks for sorting out the billing error"), or the trouble before
/// its fix ("problem solved", "the outage has been resolved"), or a broken thing replaced ("they
/// replaced my broken kettle within a day"), or a refund come ("refund landed this morning", "got
/// my refund"). A negator in the three words before
/// a match ("still haven't fixed my issue") voids it (see [`SignalDetector::fixed_spans`]); one
/// between the trouble and its fix ("the issue was not resolved") is no match.
const FIXED_TROUBLE: &str = r"(?i)(?-u:\b)(?:(?:thanks|thank you|cheers|grateful) (?:[\w'-]+ ){0,2}?for (?:the|a|your|such a) (?:quick |fast |speedy |prompt |swift )?(?:fix|repair|resolution)|(?:fixed|fixes|solved|solves|resolved|resolves|repaired|sorted(?: out)?|for (?:fixing|solving|resolving|repairing|sorting(?: out)?))\s+(?:[\w'-]+\s+){0,3}?(?:issues?|problems?|outages?|bugs?|errors?|crash(?:es)?|glitch(?:es)?|faults?|(?:battery )?drain)|(?:issues?|problems?|outages?|bugs?|errors?|crash(?:es)?|glitch(?:es)?|faults?)\s+(?:(?:is|was|were|are|has|have|had|been|got|now|finally|all|quickly|already|just)\s+){0,3}(?:fixed|solved|resolved|repaired|sorted)|replaced (?:my|the|our|a|their|his|her) (?:broken|faulty|defective|damaged|cracked|dead|leaking|leaky|missing) [\w'-]+|(?:refunded|replaced|reimbursed|credited|sent (?:me |us )?a (?:new|replacement) [\w'-]+) (?:me |us |it |them |my [\w'-]+ )?(?:in full |straight away |immediately |right away |promptly |within (?:a|an|one|two|\d+) (?:hours?|days?) |the same day |no questions asked )*(?:when|after|as|because|since) [^.!?\n]{1,80}|(?:got|received|had) (?:my|the|a|our) (?:full )?refund|refund (?:has |had |finally |just |now |already )*(?:landed|arrived|came through|come through|went through|gone through|cleared|showed up))(?-u:\b)";

/// See [`SignalDetector::not_advice`]: a subject (and up to two adverbs or modals other than
/// "would") before "don't / never + verb", or before "avoid / stay away / steer clear / be careful",
/// and an infinitive or a helping verb before "avoid" ("to avoid", "helps avoid").
const NOT_ADVICE: &str = r"(?i)(?-u:\b)(?:(?:i|we|they|he|she|you|u|it|people|ppl|who|which|that|one|someone|nobody|everyone|everybody)\s+(?:(?:will|'ll|can|could|might|may|probably|just|still|really|usually|also|even|honestly|literally|actually|generally|normally|often|typically|always|simply|sometimes|rarely|hardly|obviously|clearly|personally)\s+){0,2}(?:do(?:n'?t| not)|does(?:n'?t| not)|never)\s+(?:ever\s+)?(?:buy|purchase|order|use|bother|waste|trust|go|shop|fly|book|download|install|get|prepay|pre-pay|renew)|(?:(?:i|we|they|he|she|it|people|ppl|who|which|that|still|helps?|helped|helping)\s+(?:(?:will|'ll|can|could|might|may|just|still|usually|always|often|generally|normally|also|even|tend to|try to|tried to|trying to|want to|wanted to|had to|managed to)\s+){0,2}|\bto\s+)(?:avoid|stay away|steer clear|run away|be careful))(?-u:\b)";

const ADVICE_TABLE: &str = include_str!("lexicons/learned_advice.tsv");

/// Rules at or above this confidence stand on their own ("I recommend", "must-have"); weaker
/// recommend/warn rules ("tips", "if you want…", "it would be nice if…") need the advice model to
/// agree.
const STRONG_RULE: f64 = 0.8;
/// The advice model's probability at which a text is advice to others.
pub const ADVICE_THRESHOLD: f64 = 0.5;
/// The advice model's probability at which it reports advice no rule found (`learned_advice`).
/// The dev set it is fitted on is a quarter advice; a brand's stream is mostly not, and there the
/// model's weakest calls were mostly people speaking to someone ("you look much better!!",
/// "you ever think about…"). Measured 2026-12-06, on the suggestions dev set cross-validated and
/// on the 482 random tweets of the complaints dev set:
///
/// | threshold | suggestion F1 (P / R) | random tweets with advice (learned) |
/// |---|---|---|
/// | 0.50 | 0.716 (0.690 / 0.745) | 65 (47) |
/// | 0.55 | 0.716 (0.705 / 0.727) | 51 (33) |
/// | 0.60 | 0.713 (0.722 / 0.703) | 42 (24) |
/// | 0.65 | 0.708 (0.736 / 0.682) | 35 (17) |
/// | 0.70 | 0.695 (0.739 / 0.656) | 29 (11) |
///
/// 0.60 halves the learned false alarms on random tweets for 0.003 of F1 on the dev set.
pub const LEARNED_ALONE_THRESHOLD: f64 = 0.6;

/// Calls `f(word, opens_sentence)` for each lowercased word of `text` in order, with one buffer:
/// the one reading of a text that the advice model's training features and its runtime margin share.
fn for_each_advice_word(text: &str, f: impl FnMut(&str, bool)) {
    if text.is_ascii() {
        advice_words_ascii(text, f)
    } else {
        advice_words_by_chars(text, f)
    }
}

/// [`for_each_advice_word`] on an ASCII text (most posts): the same words read from the bytes,
/// through one table (in ASCII a letter or digit is `is_ascii_alphanumeric`, and there is no curly
/// apostrophe).
fn advice_words_ascii(text: &str, mut f: impl FnMut(&str, bool)) {
    let mut cur = String::new();
    let mut sentence_start = true;
    let mut cur_starts = true;
    for &b in text.as_bytes() {
        let class = ADVICE_ASCII[usize::from(b)];
        if class & ADVICE_WORD != 0 || (b == b'\'' && !cur.is_empty()) {
            if cur.is_empty() {
                cur_starts = sentence_start;
            }
            // The class of a capital letter holds the bit that lowercases it.
            cur.push(char::from(b | (class & ADVICE_UPPER)));
            continue;
        }
        if !cur.is_empty() {
            f(&cur, cur_starts);
            cur.clear();
            sentence_start = false;
        }
        if class & ADVICE_STOP != 0 {
            sentence_start = true;
        }
    }
    if !cur.is_empty() {
        f(&cur, cur_starts);
    }
}

/// [`for_each_advice_word`] on any text, character by character.
fn advice_words_by_chars(text: &str, mut f: impl FnMut(&str, bool)) {
    let mut cur = String::new();
    let mut sentence_start = true;
    let mut cur_starts = true;
    for c in text.chars() {
        let c = if c == '\u{2019}' { '\'' } else { c };
        if c.is_alphanumeric() || (c == '\'' && !cur.is_empty()) {
            if cur.is_empty() {
                cur_starts = sentence_start;
            }
            if c.is_ascii() {
                cur.push(c.to_ascii_lowercase());
            } else {
                cur.extend(c.to_lowercase());
            }
        } else {
            if !cur.is_empty() {
                f(&cur, cur_starts);
                cur.clear();
                sentence_start = false;
            }
            if matches!(c, '.' | '!' | '?' | '\n' | ';' | ':') {
                sentence_start = true;
            }
        }
    }
    if !cur.is_empty() {
        f(&cur, cur_starts);
    }
}

/// [`for_each_advice_word`]'s ASCII classes: a letter or digit, a sentence stop, and a capital
/// letter, whose bit is the one that lowercases it.
const ADVICE_WORD: u8 = 1;
const ADVICE_STOP: u8 = 2;
const ADVICE_UPPER: u8 = 0x20;
static ADVICE_ASCII: [u8; 256] = {
    let mut t = [0u8; 256];
    let mut b = 0;
    while b < 128 {
        let c = b as u8;
        if c.is_ascii_alphanumeric() {
            t[b] |= ADVICE_WORD;
        }
        if matches!(c, b'.' | b'!' | b'?' | b'\n' | b';' | b':') {
            t[b] |= ADVICE_STOP;
        }
        if c.is_ascii_uppercase() {
            t[b] |= ADVICE_UPPER;
        }
        b += 1;
    }
    t
};

/// Features of a text for the advice model: lowercased words, word pairs, the first word of each
/// sentence (imperatives open sentences), and the names of the English rules that fired.
pub fn advice_features(text: &str, fired_rules: &[&str]) -> Vec<String> {
    let mut f = Vec::new();
    let mut prev: Option<String> = None;
    for_each_advice_word(text, |w, starts| {
        f.push(w.to_string());
        if starts {
            f.push(format!("^ {w}"));
        }
        if let Some(p) = &prev {
            f.push(format!("{p} {w}"));
        }
        prev = Some(w.to_string());
    });
    for r in fired_rules {
        f.push(format!("rule:{r}"));
    }
    f
}

/// The advice model indexed by word, so that a text's features cost one lookup a word: the
/// model's words get slots, and each slot knows its word's feature and its sentence-opening
/// feature ("^ word"); word pairs are looked up by their two slots, and only when both words are
/// in some feature. Building each feature's string and looking it up (three a word) had been a
/// tenth of classifying an English text.
pub struct AdviceModel {
    bias: f64,
    /// Every feature's key and weight.
    features: Vec<(Box<str>, f64)>,
    /// The slot of every word that occurs in a feature; and of the short ones again, by their
    /// [`packed`](crate::classify::lexicon::packed) bytes.
    words: FxHashMap<Box<str>, u32>,
    short_words: FxHashMap<u128, u32>,
    /// By slot: the word's own feature and its sentence-opening feature.
    unigram: Vec<Option<u32>>,
    opening: Vec<Option<u32>>,
    /// Word pairs by their words' slots.
    bigram: FxHashMap<(u32, u32), u32>,
    /// `rule:NAME` features by rule name.
    rules: FxHashMap<Box<str>, u32>,
}

impl AdviceModel {
    pub fn new(model: &LinearModel) -> AdviceModel {
        let mut m = AdviceModel {
            bias: model.bias,
            features: Vec::with_capacity(model.weights.len()),
            words: FxHashMap::default(),
            short_words: FxHashMap::default(),
            unigram: Vec::new(),
            opening: Vec::new(),
            bigram: FxHashMap::default(),
            rules: FxHashMap::default(),
        };
        for (key, &weight) in &model.weights {
            let f = m.features.len() as u32;
            m.features.push((key.as_str().into(), weight));
            // Keys no text's features can equal (a pair of three words) are kept for nothing.
            if let Some(rule) = key.strip_prefix("rule:") {
                m.rules.insert(rule.into(), f);
            } else if let Some(word) = key.strip_prefix("^ ") {
                if !word.contains(' ') {
                    let s = m.slot(word);
                    m.opening[s] = Some(f);
                }
            } else if let Some((a, b)) = key.split_once(' ') {
                if !b.contains(' ') {
                    let pair = (m.slot(a) as u32, m.slot(b) as u32);
                    m.bigram.insert(pair, f);
                }
            } else {
                let s = m.slot(key);
                m.unigram[s] = Some(f);
            }
        }
        m.short_words = m
            .words
            .iter()
            .filter_map(|(w, &s)| Some((crate::classify::lexicon::packed(w.as_bytes())?, s)))
            .collect();
        m
    }

    fn slot(&mut self, word: &str) -> usize {
        let next = self.unigram.len() as u32;
        let s = *self.words.entry(word.into()).or_insert(next) as usize;
        if s == self.unigram.len() {
            self.unigram.push(None);
            self.opening.push(None);
        }
        s
    }

    /// The model's margin over [`advice_features`] without building them: each known feature
    /// counted once, as in training, and summed in the order the features occur. Also returns the
    /// known word or word pair with the largest positive weight, for evidence.
    pub fn margin(&self, text: &str, fired_rules: &[&str]) -> (f64, Option<&str>) {
        // Which features were counted: most words of a text are features, so a list to search
        // grew long.
        let mut seen = vec![0u64; self.features.len().div_ceil(64)];
        let mut margin = self.bias;
        let mut best: Option<(u32, f64)> = None;
        let mut add = |f: u32, is_rule: bool| {
            let (word, bit) = (f as usize / 64, 1u64 << (f % 64));
            if seen[word] & bit == 0 {
                seen[word] |= bit;
                let w = self.features[f as usize].1;
                margin += w;
                if !is_rule && w > 0.0 && best.is_none_or(|(_, b)| w > b) {
                    best = Some((f, w));
                }
            }
        };
        let mut prev: Option<u32> = None;
        for_each_advice_word(text, |w, starts| {
            let slot = match crate::classify::lexicon::packed(w.as_bytes()) {
                Some(k) => self.short_words.get(&k).copied(),
                None => self.words.get(w).copied(),
            };
            if let Some(s) = slot {
                if let Some(f) = self.unigram[s as usize] {
                    add(f, false);
                }
                if starts && let Some(f) = self.opening[s as usize] {
                    add(f, false);
                }
            }
            if let (Some(p), Some(s)) = (prev, slot)
                && let Some(&f) = self.bigram.get(&(p, s))
            {
                add(f, false);
            }
            prev = slot;
        });
        for r in fired_rules {
            if let Some(&f) = self.rules.get(*r) {
                add(f, true);
            }
        }
        (margin, best.map(|(f, _)| &*self.features[f as usize].0))
    }
}

/// A rule that fired, before its span is known: finding a span costs a second regex search, so
/// it is done only for the signals that are reported (and for recommend/warn pairs, whose overlap
/// decides between them).
struct Fired<'c> {
    sig: Signal,
    /// Byte span of the evidence, once found.
    span: Option<(usize, usize)>,
    /// The rule set and index the signal came from (none for the learned advice signal).
    rule: Option<(&'c Compiled, usize)>,
}

/// The fired signals `pick` takes, each with its evidence and span looked for, that were found.
fn resolved<'f, 'c>(
    fired: &'f mut [Fired<'c>],
    text: &str,
    pick: impl Fn(&Fired<'c>) -> bool,
) -> impl Iterator<Item = &'f Fired<'c>> {
    fired.iter_mut().filter_map(move |f| {
        if !pick(f) {
            return None;
        }
        f.resolve(text);
        f.span.is_some().then_some(&*f)
    })
}

impl Fired<'_> {
    /// A signal a check reads across the text, with no rule of its own: its evidence is
    /// `text[span]`.
    fn read(
        kind: SignalKind,
        confidence: f64,
        rule: &str,
        text: &str,
        span: (usize, usize),
    ) -> Self {
        Fired {
            sig: Signal {
                kind,
                confidence,
                evidence: text[span.0..span.1].to_string(),
                rule: rule.into(),
            },
            span: Some(span),
            rule: None,
        }
    }

    /// Finds the span and evidence of a rule signal (once).
    fn resolve(&mut self, text: &str) {
        if self.span.is_some() {
            return;
        }
        let Some((c, idx)) = self.rule else {
            return;
        };
        if let Some((a, b)) = c.find(idx, text) {
            self.place(text, a, b);
        }
    }

    /// Sets the span and evidence of a rule signal to its rule's match at `start..end`.
    fn place(&mut self, text: &str, start: usize, end: usize) {
        let Some((c, idx)) = self.rule else {
            return;
        };
        self.span = Some((start, end));
        let from = if SENTENCE_EVIDENCE.contains(&c.rules[idx].name) {
            sentence_start(text, start)
        } else {
            start
        };
        self.sig.evidence = span(&text[from..end], !c.ascii).to_string();
    }
}

impl SignalDetector {
    pub fn new() -> Self {
        let advice = LinearModel::parse(ADVICE_TABLE)
            .unwrap_or_else(|e| panic!("lexicons/learned_advice.tsv: {e}"));
        Self::with_advice_model((!advice.weights.is_empty()).then_some(advice))
    }

    /// A detector with another advice model (or none): cross-validation in `earshot train`.
    pub fn with_advice_model(advice: Option<LinearModel>) -> Self {
        let caches = Arc::new(RegexCaches::new(REGEX_CACHE_BUDGET_BYTES));
        let en = compile(
            EN,
            true,
            true,
            false,
            RULE_DFA_CACHE_BYTES,
            BIG_CACHE_RULES,
            &caches,
        );
        // The other languages' rules: Latin-script ones case-insensitive and accent-tolerant.
        let other = |rules: &'static [Rule], latin: bool| {
            compile(
                rules,
                latin,
                false,
                latin,
                OTHER_RULE_DFA_CACHE_BYTES,
                BIG_CACHE_RULES,
                &caches,
            )
        };
        let by_lang = vec![
            ("es", other(ES, true)),
            ("fr", other(FR, true)),
            ("de", other(DE, true)),
            ("pt", other(PT, true)),
            ("fa", other(FA, false)),
            ("ar", other(AR, false)),
        ];
        // English's gate reads every text (English rules run on every language); a language's
        // own gate holds its rules' strings only and reads its texts after English's. Each
        // language's gate held English's strings too, once: one pass a text, but six copies of
        // English's automaton to build, a third of start-up. Persian's and Arabic's are DFAs
        // (0.6 and 1.3 MB with the twenty-fifth session's rules; a table lookup a byte, and
        // timed beside NFAs of the same strings a third faster on their posts); English's,
        // Spanish's, French's, German's, Portuguese's and the categories' are contiguous NFAs
        // (see `Literals` for English's). The Latin languages' had grown to 13 MB as DFAs with
        // the sixteenth session's rules (the accent-tolerant spellings multiply their strings),
        // which with every cache at its cap put the process over 100 MB.
        //
        // Each pattern's required strings, as the build carries them (see `Precomputed`).
        let mut precomputed = Precomputed::load();
        let mut required = |c: &Compiled| -> Vec<Required> {
            c.patterns.iter().map(|p| precomputed.take(p)).collect()
        };
        let en_gate = Gate::from_required(&required(&en), Build::Compact);
        let lang_gates = by_lang
            .iter()
            .map(|(lang, c)| {
                // Persian's and Arabic's gates are small as DFAs (1.6 MB together), and their
                // posts are many: DFAs. The accent-tolerant Latin rule sets' are not.
                let build = if matches!(*lang, "fa" | "ar") {
                    Build::Dense
                } else {
                    Build::Compact
                };
                Gate::from_required(&required(c), build)
            })
            .collect();
        let category_patterns = category_patterns();
        SignalDetector {
            advice: advice.map(|m| AdviceModel::new(&m)),
            negative_advice: Regex::new(
                r"(?i)(?-u:\b)(?:don'?t|do not|never|avoid|stay away|beware|steer clear|not worth|save your money|waste of|no way|(?:neither|nor) should you|learn from my mistake|(?:will|'ll) (?:be sorry|regret)|(?:wouldn'?t|would not|would never|won'?t|will not|will never) (?:be )?(?:buy|order|use|go|shop|touch|trust|fly|stay|eat|return|com)(?-u:\w)*)(?-u:\b)",
                &caches,
            )
            .expect("negative advice regex"),
            addressed: Regex::new(r"(?:^|\s|\.)@\w", &caches).expect("addressed regex"),
            problem: Regex::new(
                r"(?i)(?-u:\b)(?:issues?|problems?|errors?|bugs?|not (?:working|seeing|showing|getting|able|loading|responding)|unable to|can'?t|cannot|couldn'?t|didn'?t|doesn'?t|won'?t|isn'?t|wasn'?t|haven'?t|hasn'?t|invalid|stuck|struggl(?-u:\w)*|slow(?:er|ly)?|throttled|unwatchable|annoying|shocking|unorganized|no respect|what gives|what are you (?:playing|doing)|little help|any help|need help|please (?:fix|help|release|bring|respond|reply|check|update|sort|look)|when (?:is|will|are|do|does)|why (?:is|are|does|do|did|can'?t|won'?t)|nothing|still|waiting|(?:\d+|an?|two|three|four|five|six|several|few|many|for|all|over|took|takes|taking) (?:hours?|days|weeks?)|refund(?-u:\w)*|charged|declined|wiped|erased|deleted|missing|wrong|half empty|recall|losing|lost|damaged|dirty|cancel(?-u:\w)*|delay(?-u:\w)*|late|crash(?-u:\w)*|down|outage|spotty|dropped|no (?:signal|service|internet|wifi|response|reply|one|broadband|email|power|chill)|what'?s (?:up|going on) with|what'?s (?:happened|going on)\?|went out|(?:not|stop(?:ped)?) running|bring(?:ing)? back (?:the|my|our|your)|is (?:this|that|it) normal|disappeared|vanished|keeps? (?:telling|saying|showing|giving) me|should have (?:received|got|gotten|arrived|been)|shouldn'?t have to|barely|drain(?-u:\w)*|out of stock|back in stock|yet\?+|not at all|no excuse|excuse|won'?t even|is this (?:really|what)|what type of)(?-u:\b)|:\(|\?\?",
                &caches,
            )
            .expect("problem regex"),
            benign: Regex::new(BENIGN_IDIOMS, &caches).expect("benign idioms regex"),
            fixed: Regex::new(FIXED_TROUBLE, &caches).expect("fixed trouble regex"),
            not_advice: Regex::new(NOT_ADVICE, &caches).expect("not-advice regex"),
            put_off: Regex::new(r"(?i)(?-u:\b)(?:scared me (?:off|away)|put me off|talked me out of|changed my mind|decided against|regret (?:buying|ordering|switching|changing|choosing|signing up|getting|going with)|(?:having|had) second thoughts|not anymore|not any more)(?-u:\b)", &caches)
                .expect("put-off regex"),
            loyal: Regex::new(r"(?i)(?-u:\b)(?:i|we)(?:'d| would|'ll| will)? (?:never|not) (?:ever )?(?:leave|switch (?:from|away from)|give up)(?-u:\b)|(?-u:\b)(?:i|we) (?:wouldn'?t|won'?t|would not|will not) (?:ever )?(?:leave|switch (?:from|away from)|give up)(?-u:\b)", &caches)
                .expect("loyalty regex"),
            greetings: Regex::new(GREETINGS, &caches).expect("greetings regex"),
            giveaway: Regex::new(GIVEAWAY, &caches).expect("giveaway regex"),
            delivery_price: Regex::new(
                r"(?i)(?-u:\b)(?:delivery|shipping|postage) (?:fees?|charges?|costs?|prices?)(?-u:\b)",
                &caches,
            )
            .expect("delivery price regex"),
            en,
            by_lang,
            en_gate,
            lang_gates,
            category_gate: Gate::from_required(
                &category_patterns
                    .iter()
                    .map(|p| precomputed.take(p))
                    .collect::<Vec<_>>(),
                Build::Compact,
            ),
            categories: category_patterns
                .iter()
                .map(|p| Regex::of(gated_regex(p.as_str().into(), CATEGORY_DFA_CACHE_BYTES), &caches))
                .collect(),
            caches,
        }
    }

    /// What the regexes' search caches hold, against their budget.
    pub fn cache_stats(&self) -> CacheStats {
        self.caches.stats()
    }

    /// Compiles every rule's regex now rather than when a text first names it as a candidate:
    /// the most memory the rules' compiled regexes take (the README's memory bound counts it).
    pub fn compile_all(&self) {
        for c in std::iter::once(&self.en).chain(self.by_lang.iter().map(|(_, c)| c)) {
            for i in 0..c.patterns.len() {
                c.regex(i);
            }
        }
    }

    /// The signal that gives polarity to a text with no sentiment word (see
    /// [`super::sentiment::polarity_from_signal`]): the most confident complaint, warning, churn
    /// intent, praise or strong recommendation. A recommendation counts only from a rule of
    /// confidence 0.8 or more on its own ("I'd recommend", "you have to try"), not a tip's
    /// (`imperative_tip`): weak and learned advice and tips ("pro tip: order it in black", "you
    /// should hold the button", "bring earplugs") say what to do, not
    /// whether it is good, and on the English review dev set it moved as many labels the wrong way
    /// as the right one.
    ///
    /// A switch being considered in a post that asks for a recommendation ("Is Kestrel worth it?
    /// Thinking of switching my phone plan") is shopping: which side it leaves is not said, so it
    /// gives no polarity either; nor does a switch to a brand from one the post does not name.
    pub fn evaluative<'s>(&self, signals: &'s [Signal]) -> Option<&'s Signal> {
        let asking = signals.iter().any(|s| s.kind == AskRecommendation);
        // "Thinking about switching to Lumora": the churn is from a provider the post does not
        // name, the post is about the brand it joins; it gives no polarity.
        let joining = signals
            .iter()
            .any(|s| s.kind == PurchaseIntent && s.rule == "switching_to");
        signals
            .iter()
            .filter(|s| match s.kind {
                ChurnIntent if asking && s.rule == "considering_switch" => false,
                ChurnIntent if joining && !s.evidence.to_ascii_lowercase().contains("from") => {
                    false
                }
                Complaint | Warn | ChurnIntent | Praise => s.rule != "learned_advice",
                // A tip is strong advice that says what to do, not whether it is good ("Pack
                // earplugs, the trams start at five").
                Recommend => {
                    s.rule != "imperative_tip"
                        && self
                            .rule_confidence(&s.rule)
                            .is_some_and(|c| c >= STRONG_RULE)
                }
                AskRecommendation | PurchaseIntent | Question => false,
            })
            .max_by(|a, b| a.confidence.total_cmp(&b.confidence))
    }

    /// Whether a fired rule is one of a language's own (not English's, which run on every text).
    fn own_rule(&self, f: &Fired<'_>) -> bool {
        f.rule.is_some_and(|(c, _)| !std::ptr::eq(c, &self.en))
    }

    /// A phrase rule's own confidence, before agreement with other rules raised the signal's.
    fn rule_confidence(&self, name: &str) -> Option<f64> {
        std::iter::once(&self.en)
            .chain(self.by_lang.iter().map(|(_, c)| c))
            .flat_map(|c| c.rules.iter())
            .find(|r| r.name == name)
            .map(|r| r.confidence)
    }

    /// The advice model's probability that `text` advises others, given the rules that fired (see
    /// [`Self::fired_rules`]); `None` without a model. For looking into one text's verdict (the
    /// `signal_debug` example).
    pub fn advice_probability(&self, text: &str, fired_rules: &[&str]) -> Option<f64> {
        let model = self.advice.as_ref()?;
        Some(sigmoid(model.margin(text, fired_rules).0))
    }

    /// Names of the phrase rules (English and `lang`'s own) that match `text`: the rule features the
    /// advice model is trained on.
    pub fn fired_rules(&self, text: &str, lang: &str) -> Vec<&'static str> {
        self.matching(text, lang)
            .map(|(c, i)| c.rules[i].name)
            .collect()
    }

    /// The rules that match a text in `lang`, as (rule set, index): English's always
    /// (code-switching and English loanwords are common), then the language's own, each in rule
    /// order. One gate pass names the candidates; each candidate's own regex decides.
    fn matching<'s>(
        &'s self,
        text: &'s str,
        lang: &str,
    ) -> impl Iterator<Item = (&'s Compiled, usize)> + 's {
        let own = self.by_lang.iter().position(|(l, _)| *l == lang);
        let en = self.en_gate.candidates(text).map(move |i| (&self.en, i));
        let own = own.into_iter().flat_map(move |k| {
            let c = &self.by_lang[k].1;
            self.lang_gates[k].candidates(text).map(move |i| (c, i))
        });
        en.chain(own).filter(move |&(c, i)| {
            !(UNLINKED_ONLY.contains(&c.rules[i].name) && has_link(text)) && c.is_match(i, text)
        })
    }

    /// The rule sets: English's, then each language's own (the numbering of [`RuleMatches`]).
    fn rule_set(&self, set: u8) -> &Compiled {
        match set {
            0 => &self.en,
            k => &self.by_lang[usize::from(k) - 1].1,
        }
    }

    /// [`Self::matching`] for each of a batch of texts (each with its language), found rule by
    /// rule rather than text by text.
    ///
    /// Why: a rule's search is a walk of its lazy DFA's tables, and within one text the next
    /// rule's tables have pushed the last one's out of the processor's caches: searched in the
    /// classifier, text by text, a rule took many times what it takes over the texts it was a
    /// candidate for, one after another. Here every text's gate runs first, then each rule that
    /// is a candidate anywhere searches all the texts it is a candidate for, its tables warm (and
    /// its search cache taken once). The matches are the same, in the same order.
    pub fn match_batch(&self, texts: &[(&str, &str)]) -> Vec<RuleMatches> {
        let sets = 1 + self.by_lang.len();
        // Where each set's rules start in `wanted`.
        let mut first = Vec::with_capacity(sets + 1);
        first.push(0);
        for set in 0..sets {
            first.push(first[set] + self.rule_set(set as u8).rules.len());
        }
        // For each rule, the texts it is a candidate for, in batch order.
        let mut wanted: Vec<Vec<u32>> = vec![Vec::new(); first[sets]];
        for (k, (text, lang)) in texts.iter().enumerate() {
            let k = k as u32;
            for i in self.en_gate.candidates(text) {
                wanted[i].push(k);
            }
            if let Some(own) = self.by_lang.iter().position(|(l, _)| l == lang) {
                for i in self.lang_gates[own].candidates(text) {
                    wanted[first[own + 1] + i].push(k);
                }
            }
        }
        let mut out = vec![RuleMatches::default(); texts.len()];
        let mut kept: Vec<u32> = Vec::new();
        for set in 0..sets {
            let c = self.rule_set(set as u8);
            for (i, candidates) in wanted[first[set]..first[set + 1]].iter().enumerate() {
                if candidates.is_empty() {
                    continue;
                }
                kept.clear();
                let unlinked_only = UNLINKED_ONLY.contains(&c.rules[i].name);
                kept.extend(
                    candidates
                        .iter()
                        .filter(|&&k| !(unlinked_only && has_link(texts[k as usize].0))),
                );
                let rule = (set as u8, i as u16);
                c.is_match_each(
                    i,
                    kept.iter().map(|&k| texts[k as usize].0),
                    |j, matched| {
                        if matched {
                            out[kept[j] as usize].0.push(rule);
                        }
                    },
                );
            }
        }
        out
    }

    /// The advice model decides whether the text advises others: weak recommend/warn rules stand only
    /// when it agrees, and when no rule fired but the model is confident, a `learned_advice` signal
    /// names the feature that weighed most as its evidence.
    fn arbitrate_advice(&self, model: &AdviceModel, text: &str, fired: &mut Vec<Fired<'_>>) {
        let names: Vec<&str> = fired.iter().map(|f| f.sig.rule.as_str()).collect();
        let (margin, best) = model.margin(text, &names);
        let p = sigmoid(margin);
        let is_advice = |s: &Signal| matches!(s.kind, Recommend | Warn);
        if p < ADVICE_THRESHOLD {
            fired.retain(|f| !is_advice(&f.sig) || f.sig.confidence >= STRONG_RULE);
            return;
        }
        if fired.iter().any(|f| is_advice(&f.sig)) {
            return;
        }
        // A post of questions that suggest nothing ("If you could change one thing about
        // yourself, what would it be?", "Do you consider yourself attractive?") advises no one,
        // whatever words the model weighs.
        if asks_throughout(text) && !sentences(text).any(suggests) {
            return;
        }
        // Alone, the model must be surer than when it backs a rule.
        if p < LEARNED_ALONE_THRESHOLD {
            return;
        }
        // The strongest word or word pair for advice, as evidence.
        let Some(best) = best.map(|f| f.trim_start_matches("^ ").to_string()) else {
            return;
        };
        let lower = text.to_lowercase();
        let (start, end) = match lower.find(&best) {
            Some(i) if lower.len() == text.len() => (i, i + best.len()),
            _ => (0, 0),
        };
        // Shown: the sentence holding the feature as a word ("Be sure to ask for a window seat"),
        // where the feature alone ("be") explains nothing. The span stays the feature's, which
        // the warning-overlap test reads.
        let evidence = match word_at(&lower, &best).filter(|_| lower.len() == text.len()) {
            Some(i) => sentence_around(text, i, i + best.len()).to_string(),
            None if end > start => text[start..end].to_string(),
            None => best,
        };
        // Loyalty stated ("I'd never leave Kestrel, the coverage is unbeatable") advises no one.
        if self.loyal.is_match(text) {
            return;
        }
        let kind = if self.negative_advice.is_match(text) {
            Warn
        } else {
            Recommend
        };
        fired.push(Fired {
            sig: Signal {
                kind,
                confidence: (p * 100.0).round() / 100.0,
                evidence,
                rule: "learned_advice".into(),
            },
            span: Some((start, end)),
            rule: None,
        });
    }

    /// Signals in `text` (already normalised for Persian/Arabic by the caller when `lang` is fa/ar).
    /// English rules always run (code-switching and English loanwords are common); the language's own
    /// rules run too.
    pub fn detect(&self, text: &str, lang: &str, sentiment: &Sentiment) -> Vec<Signal> {
        // The rules spell apostrophes straight.
        self.detect_straight(&straight_apostrophes(text), lang, sentiment)
    }

    /// [`Self::detect`] of a text whose apostrophes are already straight (the classifier
    /// straightens each text once for every stage).
    pub fn detect_straight(&self, text: &str, lang: &str, sentiment: &Sentiment) -> Vec<Signal> {
        self.detect_with_requests(text, lang, sentiment).signals
    }

    /// [`Self::detect_straight`], with where each signal was found and the byte ranges of `text`
    /// that ask for a recommendation (see [`Detected`]).
    pub fn detect_with_requests(&self, text: &str, lang: &str, sentiment: &Sentiment) -> Detected {
        self.detect_matched(text, lang, sentiment, None)
    }

    /// [`Self::detect_with_requests`] with the rules that match `text` already found, when
    /// `matched` is given (see [`Self::match_batch`]; they must be `text`'s in `lang`).
    pub fn detect_matched(
        &self,
        text: &str,
        lang: &str,
        sentiment: &Sentiment,
        matched: Option<&RuleMatches>,
    ) -> Detected {
        let mut fired: Vec<Fired> = Vec::new();
        let given = matched
            .into_iter()
            .flat_map(|m| m.0.iter().map(|&(s, i)| (self.rule_set(s), usize::from(i))));
        let found = matched
            .is_none()
            .then(|| self.matching(text, lang))
            .into_iter()
            .flatten();
        for (c, idx) in given.chain(found) {
            let rule = &c.rules[idx];
            fired.push(Fired {
                sig: Signal {
                    kind: rule.kind,
                    confidence: rule.confidence,
                    evidence: String::new(),
                    rule: rule.name.to_string(),
                },
                span: None,
                rule: Some((c, idx)),
            });
        }
        // "It would be nice if they answered the phone for once": a wish for the least is sarcasm,
        // a complaint. Read from the suggestion rule's match: as an alternative of the sarcasm
        // rule, a pattern spanning the wish's clause made that rule's searches twice as slow.
        // The wish is the post's point: the advice model, which reads its words as a request,
        // does not add advice of its own.
        let mut wished = false;
        if lang == "en" {
            for f in fired
                .iter_mut()
                .filter(|f| f.sig.rule == "suggestion_to_improve")
            {
                f.resolve(text);
                if let Some((a, b)) = f.span
                    && text[a..b].contains(" be ")
                    && wished_for_once(&text[b..])
                {
                    f.sig.kind = Complaint;
                    f.sig.rule = SARCASM.into();
                    f.sig.confidence = 0.9;
                    wished = true;
                }
            }
        }
        if lang == "en"
            && let Some(model) = &self.advice
        {
            self.arbitrate_advice(model, text, &mut fired);
            if wished {
                fired.retain(|f| f.sig.rule != "learned_advice");
            }
        }
        if lang == "en"
            && let Some(kind) = fooled_turn(text, sentiment)
        {
            for f in fired.iter_mut() {
                if matches!(f.sig.kind, Recommend | Warn)
                    && matches!(f.sig.rule.as_str(), "practical_tip" | "learned_advice")
                {
                    f.sig.kind = kind;
                }
            }
        }
        // Doubt put to the reader ("if you're on the fence about the X2, just get it") asks
        // nothing: the writer answers it.
        drop_where(
            &mut fired,
            text,
            |f| f.sig.rule == "not_sure_if_worth",
            |a, _| reader_is_subject(text, a),
        );
        // "Arrived late but in perfect condition. Great." is a real verdict: a contrast between the
        // trouble and the praise turns it.
        drop_where(
            &mut fired,
            text,
            |f| f.sig.rule == SARCASTIC_VERDICT,
            |a, b| {
                words_of(&text[a..b])
                    .any(|w| TURNING_WORDS.iter().any(|c| w.eq_ignore_ascii_case(c)))
            },
        );
        // "Why is Lumora so good?!" wonders at a virtue; it does not ask whether it is any good.
        if lang == "en" {
            drop_where(
                &mut fired,
                text,
                |f| f.sig.rule == "is_it_worth",
                |a, _| {
                    words_of(&text[..a]).next_back().is_some_and(|w| {
                        w.eq_ignore_ascii_case("why") || w.eq_ignore_ascii_case("how")
                    })
                },
            );
        }
        // A post asking for a recommendation gives none: the learned advice model reads its
        // words ("recommend a good lamp") as advice, and a phrase rule inside the asking sentence
        // is part of the question ("is the X2 worth it?", "I need advice on which lamp to buy").
        let mut requests = Vec::new();
        if fired.iter().any(|f| f.sig.kind == AskRecommendation) {
            fired.retain(|f| f.sig.rule != "learned_advice");
            for f in fired.iter_mut() {
                if f.sig.kind == AskRecommendation {
                    f.resolve(text);
                    // Every sentence the rule asks in ("Anyone tried the X2? Is it worth it?"),
                    // not only its first.
                    if let Some((c, idx)) = f.rule {
                        requests.extend(
                            c.find_all(idx, text)
                                .into_iter()
                                .map(|(a, b)| request_range(text, a, b)),
                        );
                    }
                }
            }
            requests.sort_unstable();
            requests.dedup();
            drop_where(
                &mut fired,
                text,
                |f| f.sig.kind == Recommend,
                |a, b| requests.iter().any(|&(x, y)| x <= a && b <= y),
            );
        }
        // "Going to buy the X2 tomorrow": the author's own purchase is no advice to others, whatever
        // words the learned model weighs; a learned recommendation in the purchase's sentence goes
        // ("I'm buying another one. You should too" keeps its rule's recommendation, and "if you
        // thought about getting one, buy it" is the reader's purchase).
        if fired.iter().any(|f| f.sig.kind == PurchaseIntent) {
            let buying: Vec<usize> = resolved(&mut fired, text, |f| f.sig.kind == PurchaseIntent)
                .filter_map(|f| {
                    let (a, _) = f.span?;
                    let from = sentence_start(text, a);
                    // "If you thought about getting this phone, buy it": the reader's purchase.
                    let yours = words_of(&text[from..a])
                        .any(|w| w.eq_ignore_ascii_case("you") || w.eq_ignore_ascii_case("u"));
                    (!yours).then_some(from)
                })
                .collect();
            fired.retain(|f| {
                f.sig.rule != "learned_advice"
                    || f.sig.kind != Recommend
                    || !f
                        .span
                        .is_some_and(|(a, b)| b > a && buying.contains(&sentence_start(text, a)))
            });
        }
        // The other languages' purchase and satisfaction rules match the words of the intent or
        // the verdict; a negator before them or among them denies it ("no voy a comprar").
        if lang != "en"
            && fired
                .iter()
                .any(|f| matches!(f.sig.kind, PurchaseIntent | Praise) && self.own_rule(f))
        {
            drop_where(
                &mut fired,
                text,
                |f| matches!(f.sig.kind, PurchaseIntent | Praise) && self.own_rule(f),
                |a, b| denied_before(&text[..a], &text[a..b], lang),
            );
        }
        // The complaints of the experience around a purchase in Spanish, Portuguese and French
        // name the trouble, and a negator before it denies it ("no tarda mucho en responder",
        // "não demora nada a responder", "ne met pas des semaines à répondre").
        if fired
            .iter()
            .any(|f| NEGATABLE_COMPLAINTS.contains(&f.sig.rule.as_str()))
        {
            drop_where(
                &mut fired,
                text,
                |f| NEGATABLE_COMPLAINTS.contains(&f.sig.rule.as_str()),
                |a, _| denied_before(&text[..a], "", lang),
            );
        }
        // A warning or churn inside an idiom that says otherwise ("can't recommend them enough",
        // "just switched on the lamp") is not one.
        cancel_within(&mut fired, text, &self.benign, |f| {
            matches!(f.sig.kind, Warn | ChurnIntent)
                || (f.sig.kind == PurchaseIntent && f.sig.rule == "just_ordered")
                || (f.sig.kind == Complaint
                    && matches!(f.sig.rule.as_str(), "still_waiting" | "not_told"))
        });
        // "@Munchr cancelled my order", "they just cancelled our booking", "Acme cancelled my
        // order for no reason": the seller cancelled, so the customer leaves no one (the complaint
        // stays). A name just before the verb is the seller's: a capitalised word that is not
        // "I" nor a word a sentence opens with ("Finally cancelled my plan").
        if fired.iter().any(|f| f.sig.rule == "cancel_my") {
            drop_where(
                &mut fired,
                text,
                |f| f.sig.rule == "cancel_my",
                |a, _| {
                    let mut before = text[sentence_start(text, a)..a].split_whitespace().rev();
                    let named = before.clone().next().is_some_and(|w| {
                        w.starts_with(|c: char| c.is_ascii_uppercase())
                            && w.chars().all(|c| c.is_alphanumeric())
                            && !CANCEL_OPENERS.iter().any(|o| w.eq_ignore_ascii_case(o))
                    });
                    named
                        || before.by_ref().take(2).any(|w| {
                            w.starts_with('@')
                                || ["you", "they", "u", "he", "she", "it", "y'all", "seller"]
                                    .iter()
                                    .any(|s| w.eq_ignore_ascii_case(s))
                        })
                },
            );
        }
        // A purchase given up ("the reviews scared me off") is none.
        if fired.iter().any(|f| f.sig.kind == PurchaseIntent) && self.put_off.is_match(text) {
            fired.retain(|f| f.sig.kind != PurchaseIntent);
        }
        // A warning rule's words inside a statement of what someone does ("I don't use it
        // anymore") advise no one.
        // ("I recommend that you don't buy it" is advice: its own rule reads the statement's
        // words as the recommendation's object.)
        cancel_within(&mut fired, text, &self.not_advice, |f| {
            f.sig.kind == Warn && f.rule.is_some() && f.sig.rule != ADVISE_AGAINST
        });
        // A question asking readers for their best or worst ("What was your worst hospital
        // experience?", "What was their best live concert?") or for what they do ("What's
        // something you buy all the time but never use?") tells of no experience of the
        // writer's, and warns no one.
        // A rule that matches again outside the question stands, at that place ("What's the worst
        // thing about the X2? For me it's the awful battery").
        // In Persian and Arabic, only a best or worst asked for ("بدترین تجربه‌تون چی بوده؟",
        // "ايش أسوأ تجربة لكم؟", what was your worst experience?).
        // The asking questions are found once, before any rule's place is looked for: most
        // questions ask nothing of the kind ("why…?", "is it…?").
        let asking = if matches!(lang, "en" | "fa" | "ar")
            && fired
                .iter()
                .any(|f| matches!(f.sig.kind, Complaint | Praise | Warn | Recommend))
        {
            asking_questions(text, lang)
        } else {
            Vec::new()
        };
        if !asking.is_empty() {
            let any_words = |f: &Fired<'_>| lang == "en" && matches!(f.sig.kind, Warn | Recommend);
            relocate_or_drop(
                &mut fired,
                text,
                |f| {
                    (any_words(f) || matches!(f.sig.kind, Complaint | Praise))
                        && f.sig.rule != SARCASM
                },
                // Words before the question ("you have to ask yourself, how much is it worth?")
                // are not asked.
                |f, a, b| {
                    (any_words(f) || superlative(&text[a..b]))
                        && asking.iter().any(|&(q, end)| q <= a && b <= end)
                },
            );
        }
        // A complaint word negated right before it ("not terrible at all", "wasn't that
        // disappointing", "never disappointed") says the opposite; one put right before it
        // ("sorted my broken screen in ten minutes") is the praise of a fix. English rules only: the other
        // languages' rules spell their negations out.
        if lang == "en" && fired.iter().any(|f| f.sig.kind == Complaint) {
            drop_where(
                &mut fired,
                text,
                |f| f.sig.kind == Complaint && f.sig.rule != SARCASM && f.rule.is_some(),
                |a, _| negated_before(&text[..a]) || put_right_before(&text[..a]),
            );
        }
        // "I've had this for about 3 months now", "been using it for two months now": how long
        // the writer has owned it, the opening of a review, not a wait.
        if lang == "en" && fired.iter().any(|f| f.sig.rule == "time_lapse") {
            relocate_or_drop(
                &mut fired,
                text,
                |f| f.sig.rule == "time_lapse",
                |_, a, b| text[a..b].ends_with("now") && owned_for_before(&text[..a]),
            );
        }
        // "I still haven't used the alarm yet, but it should be good", "yet to try the app": what
        // the writer has not got round to, not a wait for a supplier.
        if lang == "en" && fired.iter().any(|f| f.sig.rule == "still_waiting") {
            relocate_or_drop(
                &mut fired,
                text,
                |f| f.sig.rule == "still_waiting",
                |_, _, b| not_got_round_to(&text[b..]),
            );
        }
        // "Cheaper than Apple's overpriced iPod", "unlike the overpriced ones": the price blamed
        // is another product's, the one compared with.
        if lang == "en" && fired.iter().any(|f| f.sig.rule == "overpriced") {
            relocate_or_drop(
                &mut fired,
                text,
                |f| f.sig.rule == "overpriced",
                |_, a, _| compared_before(&text[..a]),
            );
        }
        // In Spanish, French, German and Portuguese the rules spell out the negations that make a
        // complaint ("no funciona", "ne marche plus", "nicht angekommen"), but their one-word
        // verdicts ("déçu", "enttäuscht", "malo", "kaputt") are denied by a negator just before
        // them: "Pas déçu du tout", "ne m'a jamais déçu", "bin echt nicht enttäuscht", "no es
        // malo" praise. A match of the rule elsewhere that no negator denies stands, at that place.
        if matches!(lang, "es" | "fr" | "de" | "pt")
            && fired.iter().any(|f| f.sig.kind == Complaint)
        {
            relocate_or_drop(
                &mut fired,
                text,
                |f| f.sig.kind == Complaint && f.sig.rule != SARCASM,
                // A match may hold the boundary characters around an accented word (" déçu ").
                |_, a, b| {
                    let word = text[a..b].trim();
                    !word.contains(char::is_whitespace)
                        && verdict_negated_before(&text[..a], word, lang)
                },
            );
        }
        // So does a recommendation or praise negated right before it ("isn't worth the price",
        // "not worth it": the warning is `waste_of_money`'s); in Arabic "ما يستاهل", "صراحة ما عاد
        // يستاهل" (it is no longer worth it) are the complaint `ar_ma_tistahil` reads.
        let denied_before: Option<fn(&str) -> bool> = match lang {
            "en" => Some(contradicted_before),
            "ar" => Some(ar_denied_before),
            _ => None,
        };
        if let Some(denied_before) = denied_before
            && fired
                .iter()
                .any(|f| matches!(f.sig.kind, Recommend | Praise))
        {
            drop_where(
                &mut fired,
                text,
                |f| matches!(f.sig.kind, Recommend | Praise) && f.rule.is_some(),
                |a, _| denied_before(&text[..a]),
            );
        }
        // "Waiting for the S25 before I decide": a shopper waiting to choose complains of nothing.
        if lang == "en" && fired.iter().any(|f| f.sig.rule == "still_waiting") {
            drop_where(
                &mut fired,
                text,
                |f| f.sig.rule == "still_waiting" && f.rule.is_some(),
                |_, b| waiting_to_choose(&text[b..]),
            );
        }
        // "Took a while to get used to, but now I wouldn't go back": where the author is now,
        // kept; no churn.
        if lang == "en" && fired.iter().any(|f| f.sig.rule == "never_again") {
            drop_where(
                &mut fired,
                text,
                |f| f.sig.rule == "never_again" && f.rule.is_some(),
                |a, b| text[a..b].ends_with("back") && staying_now(&text[..a]),
            );
        }
        // "Would give 5 stars if it had an offline mode": a rating withheld is no praise.
        if lang == "en" && fired.iter().any(|f| f.sig.kind == Praise) {
            drop_where(
                &mut fired,
                text,
                |f| f.sig.kind == Praise && f.rule.is_some(),
                |a, b| rating_withheld(&text[..a], &text[b..]),
            );
        }
        // "You should have seen the queue" looks back; "I'm here if you need to talk" offers.
        // Neither advises.
        if lang == "en" {
            drop_where(
                &mut fired,
                text,
                |f| f.sig.rule == "you_should" && f.rule.is_some(),
                |_, b| counterfactual_after(&text[b..]),
            );
            drop_where(
                &mut fired,
                text,
                |f| f.sig.rule == "if_you_want" && f.rule.is_some(),
                |a, _| offered_before(&text[..a]),
            );
            // "…should have" asks a maker for what it should have done ("it should have been
            // cheaper"); only the idioms of having been there look back.
            drop_where(
                &mut fired,
                text,
                |f| f.sig.rule == "suggestion_to_improve" && f.rule.is_some(),
                |a, b| {
                    let rest = text[b..].trim_start();
                    ends_with_ignore_case(&text[a..b], "should have")
                        && ["seen ", "heard ", "been there"]
                            .iter()
                            .any(|w| starts_with_ignore_case(rest, w))
                },
            );
        }
        // "If I could give zero stars I would": the author's own "could" or "should" asks
        // nothing of the maker ("I want an option to…" still does).
        if lang == "en" {
            drop_where(
                &mut fired,
                text,
                |f| f.sig.rule == "suggestion_to_improve",
                |a, _| {
                    let modal = text[a..].get(..6).is_some_and(|w| {
                        w.eq_ignore_ascii_case("could ") || w.eq_ignore_ascii_case("should")
                    });
                    modal
                        && text[..a]
                            .split_whitespace()
                            .next_back()
                            .is_some_and(|w| w.eq_ignore_ascii_case("i"))
                },
            );
        }
        // "Why is it so good?" wonders at a virtue: the degree's word weighs positive in the
        // sentiment ("why are Fernway bags so comfy", "why is she so perfect?").
        if lang == "en" {
            drop_where(
                &mut fired,
                text,
                |f| f.sig.rule == "why_is",
                |a, b| {
                    text[a..b]
                        .rfind(" so ")
                        .map(|i| a + i + 4)
                        .filter(|&i| i < b)
                        .is_some_and(|so| {
                            sentiment
                                .hits
                                .iter()
                                .any(|h| h.at == Some(so as u32) && h.valence > 0.0)
                        })
                },
            );
        }
        // Trouble reported put right ("thank you for fixing my internet outage so quickly") is
        // no complaint; sarcasm ("thanks for fixing nothing") keeps its own.
        if lang == "en"
            && fired
                .iter()
                .any(|f| f.sig.kind == Complaint && f.sig.rule != SARCASM)
        {
            let fixed = self.fixed_spans(text);
            drop_overlapping(&mut fired, text, &fixed, |f| {
                f.sig.kind == Complaint && f.sig.rule != SARCASM
            });
        }
        // "Avoid" whose object is trouble ("avoid the problem of a colour cast", "avoid
        // scratches") keeps trouble away (the sentiment's `prevented`); it warns no one off.
        if lang == "en" && fired.iter().any(|f| f.sig.kind == Warn) {
            let kept_away: Vec<(usize, usize)> = sentiment
                .hits
                .iter()
                .filter(|h| h.rule.ends_with("+prevented"))
                .filter_map(|h| h.at.map(|a| (a as usize, a as usize + h.token.len())))
                .collect();
            drop_overlapping(&mut fired, text, &kept_away, |f| f.sig.kind == Warn);
        }
        // A warning overlapping a recommendation ("would not recommend") cancels it.
        cancel_overlapped(&mut fired, text, |f| f.sig.kind == Warn, Recommend);
        // So does a warning in the sentence of a weak recommendation, which prefaces it ("Trust
        // me, avoid Fernway's outlet store").
        let weak_advice = |f: &Fired<'_>| {
            f.sig.kind == Recommend && f.sig.confidence < STRONG_RULE && f.rule.is_some()
        };
        if fired.iter().any(weak_advice) {
            let warned: Vec<usize> = resolved(&mut fired, text, |f| f.sig.kind == Warn)
                .filter_map(|f| f.span)
                .map(|(a, _)| sentence_start(text, a))
                .collect();
            if !warned.is_empty() {
                drop_where(&mut fired, text, weak_advice, |a, _| {
                    warned.contains(&sentence_start(text, a))
                });
            }
        }
        // "Fantastic. Paid for next-day delivery and the tracking now says Friday", "Wow, thanks
        // Brightline, a 40 minute hold just to be told to email instead": a text that opens on
        // a lone word of praise or thanks and goes on to a complaint a rule reads says the
        // praise sarcastically, as `SARCASTIC_VERDICT` reads one at the end, when the complaint
        // begins in the opener's sentence or the next ("Brilliant! I need all the advice I can
        // find…" is no sarcasm about a later sentence's trouble). The sarcasm spans
        // the opener and the complaint, so that the sentiment inverts the opener. A turning word
        // in between ("Great, but the box was dented") leaves the praise real.
        if lang == "en"
            && let Some((open, open_end)) = sarcastic_opener(text)
            && !fired.iter().any(|f| f.sig.rule == SARCASM)
        {
            let end = resolved(&mut fired, text, |f| {
                f.sig.kind == Complaint && f.rule.is_some() && f.sig.confidence >= 0.6
            })
            .filter_map(|f| f.span)
            .filter(|&(a, _)| {
                a >= open_end
                    && !text[open_end..a].contains(['.', '!', '?', '\n'])
                    && !words_of(&text[open_end..a])
                        .any(|w| TURNING_WORDS.iter().any(|c| w.eq_ignore_ascii_case(c)))
            })
            .map(|(_, b)| b)
            .max();
            if let Some(end) = end {
                fired.push(Fired::read(Complaint, 0.9, SARCASM, text, (open, end)));
            }
        }
        // "PSA: Fernway is running a fake sale", "Heads up: Lumora charges a restocking fee on
        // returns": an opening that announces a warning, then trouble a rule reads as a complaint
        // in the sentence after it or the next, warns other customers off. A shop's own "PSA:
        // we're open on Sunday" reads no trouble, and warns no one. The advice in such a post is
        // how to protect oneself ("Check your statements"), not a recommendation.
        if lang == "en"
            && let Some((open, open_end)) = heads_up_opener(text)
        {
            let end = resolved(&mut fired, text, |f| {
                f.sig.kind == Complaint && f.rule.is_some() && f.sig.confidence >= 0.6
            })
            .filter_map(|f| f.span)
            .filter(|&(a, _)| {
                a >= open_end && text[open_end..a].matches(['.', '!', '?', '\n']).count() <= 1
            })
            .map(|(_, b)| b)
            .min();
            if let Some(end) = end {
                fired.retain(|f| !(f.sig.kind == Recommend && f.sig.confidence < STRONG_RULE));
                fired.push(Fired::read(Warn, 0.8, HEADS_UP, text, (open, end)));
            }
        }
        // Sarcasm ("I love waiting on hold") cancels the praise it overlaps: the praise was its
        // opener.
        cancel_overlapped(
            &mut fired,
            text,
            |f| f.sig.rule == SARCASM || f.sig.rule == SARCASTIC_VERDICT,
            Praise,
        );

        // The warnings a verb of recommending opens ("I recommend not buying it", "os recomiendo
        // no comprarlo", "توصیه میکنم نخرید"), in any language's rule: that verb is the warning's
        // own. Not "would not recommend", whose verb its negator already turned.
        let advised_against: Vec<(usize, usize)> =
            resolved(&mut fired, text, |f| f.sig.kind == Warn)
                .filter_map(|f| f.span)
                .filter(|&(a, b)| opens_with_advice_verb(&text[a..b]))
                .collect();
        // "Good luck getting a refund" is sarcasm too: its wish is inverted like the praise of
        // "I love waiting on hold".
        let sarcasm = resolved(&mut fired, text, |f| {
            f.sig.rule == SARCASM || f.sig.rule == SARCASTIC_WISH || f.sig.rule == SARCASTIC_VERDICT
        })
        .next()
        .map(|f| f.sig.evidence.clone());
        // One signal per kind: the most confident rule, and say how many rules agreed. Only the
        // winners' spans are looked for.
        let mut merged: Vec<Fired> = Vec::new();
        for f in fired {
            match merged.iter_mut().find(|m| m.sig.kind == f.sig.kind) {
                Some(existing) => {
                    if f.sig.confidence > existing.sig.confidence {
                        let confidence =
                            ((f.sig.confidence + 0.05).min(0.99) * 100.0).round() / 100.0;
                        *existing = f;
                        existing.sig.confidence = confidence;
                    } else {
                        existing.sig.confidence =
                            ((existing.sig.confidence + 0.05).min(0.99) * 100.0).round() / 100.0;
                    }
                }
                None => merged.push(f),
            }
        }
        let mut out: Vec<Signal> = Vec::with_capacity(merged.len());
        let mut spans: Vec<Option<(usize, usize)>> = Vec::with_capacity(merged.len());
        for mut f in merged {
            f.resolve(text);
            // A set match whose own regex finds nothing cannot happen (same pattern); were it to,
            // the signal is dropped rather than shown without evidence. The learned advice model's
            // feature may not be found as written (then its span is empty): no place.
            if let Some((a, b)) = f.span {
                out.push(f.sig);
                spans.push((b > a).then_some((a, b)));
            }
        }
        let has = |out: &[Signal], k: SignalKind| out.iter().any(|s| s.kind == k);
        // Asked by both rules below, answered at most once.
        let addressed = std::cell::OnceCell::new();
        let is_addressed = || *addressed.get_or_init(|| self.is_addressed(text));
        // A post addressed to an account (a brand's service handle, typically) that describes a
        // problem is a complaint even without strong words.
        if !has(&out, Complaint)
            && is_addressed()
            && let Some((start, end)) = self.problem_outside_idioms(text, &requests)
        {
            out.push(Signal {
                kind: Complaint,
                confidence: 0.65,
                evidence: text[start..end].trim().to_string(),
                rule: "addressed_problem".into(),
            });
            spans.push(Some((start, end)));
        }
        // Sentiment-backed signals, for texts no phrase rule caught. Negativity said to an account
        // (`@brand`) is a complaint; negativity said to no one ("Jealous!", "so dumb") is an opinion
        // (on the dev set, negativity alone was wrong more often than right).
        if sentiment.score <= -0.25
            // Three words or more (counted only this far: the count is every text's cost).
            && text.split_whitespace().nth(2).is_some()
            && is_addressed()
            && !has(&out, Complaint)
            && !has(&out, Praise)
        {
            out.push(Signal {
                kind: Complaint,
                confidence: 0.55,
                evidence: strongest_hit(sentiment, false),
                rule: "negative_to_account".into(),
            });
            spans.push(word_span(text, &out[out.len() - 1].evidence));
        }
        // A post of questions ("Who is a person that really needs a win?", "If you won an award,
        // what would you win it for?", "Is the X2 a good gift for my dad?") praises nothing;
        // "anyone else love theirs?" shares the writer's view.
        let only_asks = || lang == "en" && asks_throughout(text) && !shares_view(text);
        if sentiment.score >= 0.6
            && !has(&out, Praise)
            && !has(&out, Complaint)
            && !has(&out, Warn)
            && !has(&out, AskRecommendation)
            && !only_asks()
            && let Some(evidence) = self.praising_word(text, lang, sentiment)
        {
            out.push(Signal {
                kind: Praise,
                confidence: 0.55,
                evidence,
                rule: "strong_positive_sentiment".into(),
            });
            spans.push(word_span(text, &out[out.len() - 1].evidence));
        }
        let (signals, spans) = if out.is_sorted_by_key(|s| s.kind) {
            (out, spans)
        } else {
            let mut pairs: Vec<(Signal, Option<(usize, usize)>)> =
                out.into_iter().zip(spans).collect();
            pairs.sort_by_key(|p| p.0.kind);
            pairs.into_iter().unzip()
        };
        Detected {
            signals,
            spans,
            requests,
            sarcasm,
            advised_against,
        }
    }

    /// The strongest positive word of a positive text that may be praise: none in a giveaway, and
    /// none inside a greeting or a wish ("Merry Christmas!", "Good luck to you"). The text's words
    /// are found by the sentiment's hits (their places; a hit without one counts). The greetings
    /// and giveaways are English's (and they are a text's whole scan, so they are looked for in
    /// English text only).
    fn praising_word(&self, text: &str, lang: &str, sentiment: &Sentiment) -> Option<String> {
        if lang != "en" {
            return Some(strongest_hit(sentiment, true)).filter(|w| !w.is_empty());
        }
        if self.giveaway.is_match(text) {
            return None;
        }
        let courtesy = self.greetings.find_all(text);
        sentiment
            .hits
            .iter()
            .filter(|h| h.valence > 0.0 && h.rule != "punctuation_emphasis")
            .filter(|h| {
                !h.at.is_some_and(|a| {
                    courtesy
                        .iter()
                        .any(|&(x, y)| x <= a as usize && (a as usize) < y)
                })
            })
            .max_by(|a, b| a.valence.total_cmp(&b.valence))
            .map(|h| h.token.to_string())
    }

    /// The first problem word of `text` that is not part of an idiom that says the opposite
    /// ("can't wait", "couldn't agree more", "problem solved", "still going strong"), nor of a
    /// request for a recommendation (`requests`: "can you help me find a size 13?").
    fn problem_outside_idioms(
        &self,
        text: &str,
        requests: &[(usize, usize)],
    ) -> Option<(usize, usize)> {
        let matches = self.problem.find_all(text);
        if matches.is_empty() {
            return None;
        }
        let mut idioms = self.benign.find_all(text);
        idioms.extend_from_slice(requests);
        idioms.extend(self.fixed_spans(text));
        matches
            .into_iter()
            .find(|&(s, e)| !idioms.iter().any(|&(a, b)| s < b && a < e))
    }

    /// Whether the text speaks to an account: an `@handle` that is not a retweet's or a credit's
    /// source ("RT @cbcnews: …", "via @verge" quote someone, they address no one).
    fn is_addressed(&self, text: &str) -> bool {
        self.addressed.find_all(text).into_iter().any(|(start, _)| {
            let before = text[..start].trim_end();
            let last = before
                .rsplit(|c: char| c.is_whitespace())
                .next()
                .unwrap_or("");
            !(last.eq_ignore_ascii_case("rt") || last.eq_ignore_ascii_case("via"))
        })
    }

    /// The spans of [`FIXED_TROUBLE`] whose fix no negator in the three words before denies
    /// ("they never fixed my problem", "still haven't resolved the outage").
    fn fixed_spans(&self, text: &str) -> Vec<(usize, usize)> {
        let mut spans = self.fixed.find_all(text);
        spans.retain(|&(start, _)| {
            !text[..start]
                .rsplit(|c: char| !(c.is_alphanumeric() || c == '\'' || c == '\u{2019}'))
                .filter(|w| !w.is_empty())
                .take(3)
                .any(denies)
        });
        spans
    }

    /// What a complaint is about. Empty unless a complaint, warning or churn signal fired; `other`
    /// when none of the categories' words occur.
    pub fn categories(&self, text: &str, signals: &[Signal]) -> Vec<ComplaintCategory> {
        if !signals
            .iter()
            .any(|s| matches!(s.kind, Complaint | Warn | ChurnIntent))
        {
            return Vec::new();
        }
        let text = self.delivery_price_blanked(text);
        let found = self
            .category_gate
            .candidates(&text)
            .filter(|&i| self.categories[i].is_match(&text));
        categories_of(found)
    }

    /// `text` as the category keywords read it. "A £4.99 delivery fee on a £6 order is taking the
    /// mick": what the delivery costs is the price's complaint. The first word of such a phrase
    /// is blanked, so the delivery is named only by other words ("… and it never arrived").
    fn delivery_price_blanked<'t>(&self, text: &'t str) -> std::borrow::Cow<'t, str> {
        let spans = self.delivery_price.find_all(text);
        if spans.is_empty() {
            return std::borrow::Cow::Borrowed(text);
        }
        let mut bytes = text.as_bytes().to_vec();
        for (a, b) in spans {
            let word = text[a..b].find(' ').unwrap_or(b - a);
            bytes[a..a + word].fill(b' ');
        }
        std::borrow::Cow::Owned(String::from_utf8(bytes).expect("ASCII words blanked"))
    }
}

/// The categories named by the [`CATEGORY_KEYWORDS`] entries `found` (indices, in order): the
/// strong entries' categories, or failing those the weak ones', each once and in the enum's order;
/// `other` when none.
fn categories_of(found: impl Iterator<Item = usize>) -> Vec<ComplaintCategory> {
    let (mut strong, mut weak) = (Vec::new(), Vec::new());
    for i in found {
        let (category, evidence, _) = CATEGORY_KEYWORDS[i];
        match evidence {
            Evidence::Strong => strong.push(category),
            Evidence::Weak => weak.push(category),
        }
    }
    let mut cats = if strong.is_empty() { weak } else { strong };
    // In the categories' own order, a category with two entries named once.
    cats.sort_unstable();
    cats.dedup();
    if cats.is_empty() {
        cats.push(ComplaintCategory::Other);
    }
    cats
}

fn strongest_hit(s: &Sentiment, positive: bool) -> String {
    s.hits
        .iter()
        .filter(|h| (h.valence > 0.0) == positive && h.rule != "punctuation_emphasis")
        .max_by(|a, b| a.valence.abs().total_cmp(&b.valence.abs()))
        .map(|h| h.token.to_string())
        .unwrap_or_default()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::SentimentLabel;

    use crate::classify::golden_and_demo_texts;

    /// `t` as written, in capitals, and with the two non-ASCII letters that case-fold to ASCII
    /// (the long s, the Kelvin sign), which a gate leaves to its fallback.
    fn case_variants(t: &str) -> [String; 4] {
        [
            t.to_string(),
            t.to_uppercase(),
            t.replace('s', "ſ"),
            t.replace('k', "\u{212A}"),
        ]
    }

    /// The gate and each rule's own regex find exactly the rules one `RegexSet` over the same
    /// patterns finds: on the golden set and the demo corpus (every language and signal), in
    /// capitals, with the long s and the Kelvin sign the gate leaves to its fallback, and on each
    /// rule's own required strings, alone and between words.
    #[test]
    fn gate_finds_exactly_the_rules_a_regex_set_finds() {
        let texts = golden_and_demo_texts();
        let d = SignalDetector::new();
        let en_set = RegexSet::new(&d.en.patterns).unwrap();
        let mut checked = 0;
        let mut fired = 0;
        // "und": English's rules alone.
        let langs =
            std::iter::once(("und", None)).chain(d.by_lang.iter().map(|(l, c)| (*l, Some(c))));
        for (lang, own) in langs {
            let own_set = own.map(|c| RegexSet::new(&c.patterns).unwrap());
            let mut strings: Vec<String> = Vec::new();
            for p in
                d.en.patterns
                    .iter()
                    .chain(own.iter().flat_map(|c| &c.patterns))
            {
                for s in super::super::gate::required_strings(p)
                    .0
                    .unwrap_or_default()
                {
                    let s = String::from_utf8(s).unwrap();
                    strings.push(format!("so {s} it"));
                    strings.push(s);
                }
            }
            for t in texts.iter().chain(&strings) {
                for v in case_variants(t) {
                    let mut want: Vec<(&str, usize)> =
                        en_set.matches(&v).into_iter().map(|i| ("en", i)).collect();
                    if let Some(set) = &own_set {
                        want.extend(set.matches(&v).into_iter().map(|i| (lang, i)));
                    }
                    let got: Vec<(&str, usize)> = d
                        .matching(&v, lang)
                        .map(|(c, i)| (if std::ptr::eq(c, &d.en) { "en" } else { lang }, i))
                        .collect();
                    assert_eq!(got, want, "{lang}: {v:?}");
                    checked += 1;
                    fired += want.len();
                }
            }
        }
        assert!(
            checked > 5_000 && fired > 2_000,
            "{checked} texts, {fired} rules fired"
        );
    }

    /// Every thread searches with the detector's one cache a regex: the service's classify loop
    /// moves between worker threads, and a cache a thread (as the regexes' own pools keep them)
    /// multiplied the caches' memory by the threads that had classified.
    #[test]
    fn threads_share_the_detectors_caches() {
        let d = SignalDetector::new();
        let texts = [
            "@acme my order never arrived and nobody answers. Avoid them!",
            "I'd recommend Lumora to anyone, the support team sorted my refund in a day",
            "Can anyone recommend a good lamp? Thinking of switching from Kestrel",
            "No compren en esa tienda, nunca llegó mi pedido",
        ];
        let run = |d: &SignalDetector| {
            for t in texts {
                let lang = if t.starts_with("No compren") {
                    "es"
                } else {
                    "en"
                };
                let s = d.detect(t, lang, &neutral());
                assert!(!s.is_empty(), "{t}");
            }
        };
        run(&d);
        let first = d.cache_stats();
        assert!(first.caches > 5 && first.bytes > 0, "{first:?}");
        std::thread::scope(|s| {
            for _ in 0..3 {
                s.spawn(|| run(&d));
            }
        });
        let after = d.cache_stats();
        assert_eq!(after.caches, first.caches, "{first:?} {after:?}");
        assert_eq!(after.bytes, first.bytes, "{first:?} {after:?}");
        assert_eq!(after.evictions, 0);
    }

    /// A batch finds, for each text, the rules [`SignalDetector::matching`] finds in it alone, in
    /// the same order: over the golden set, the customer-talk set and the demo corpus in seven
    /// languages, cut into batches of several sizes, and for the rule that a link rules out.
    #[test]
    fn a_batch_finds_the_rules_each_text_finds_alone() {
        let root = std::path::Path::new(env!("CARGO_MANIFEST_DIR"));
        let detector = super::super::lang::LangDetector::new();
        let mut texts: Vec<(String, String)> = Vec::new();
        for f in [
            "tests/fixtures/classify-golden.jsonl",
            "tests/fixtures/customer-talk.jsonl",
            "config/demo-mentions.jsonl",
        ] {
            for line in std::fs::read_to_string(root.join(f)).unwrap().lines() {
                let v: serde_json::Value = serde_json::from_str(line).unwrap();
                let text = crate::classify::readable_text(v["text"].as_str().unwrap());
                let lang = detector.detect(&text, v["lang"].as_str()).code.to_string();
                let text = crate::classify::signal_text(&text, &lang).into_owned();
                texts.push((text, lang));
            }
        }
        for t in [
            "Try our new menu today https://example.com/menu",
            "Try the crab, it is the best in town",
        ] {
            texts.push((t.into(), "en".into()));
        }
        let keys: Vec<(&str, &str)> = texts
            .iter()
            .map(|(t, l)| (t.as_str(), l.as_str()))
            .collect();
        let langs: std::collections::BTreeSet<&str> = keys.iter().map(|k| k.1).collect();
        assert!(langs.len() >= 7, "{langs:?}");
        let d = SignalDetector::new();
        let alone: Vec<Vec<(&str, usize)>> = keys
            .iter()
            .map(|(t, l)| {
                d.matching(t, l)
                    .map(|(c, i)| (c.rules[i].name, i))
                    .collect()
            })
            .collect();
        assert!(alone.iter().map(Vec::len).sum::<usize>() > 1000);
        let tip = |m: &[(&str, usize)]| m.iter().any(|r| r.0 == "imperative_tip");
        assert!(!tip(&alone[alone.len() - 2]) && tip(&alone[alone.len() - 1]));
        for size in [1, 7, 256, keys.len()] {
            let fresh = SignalDetector::new();
            let mut k = 0;
            for chunk in keys.chunks(size) {
                for m in fresh.match_batch(chunk) {
                    let batched: Vec<(&str, usize)> =
                        m.0.iter()
                            .map(|&(set, i)| {
                                (
                                    fresh.rule_set(set).rules[usize::from(i)].name,
                                    usize::from(i),
                                )
                            })
                            .collect();
                    assert_eq!(batched, alone[k], "{:?} in batches of {size}", keys[k]);
                    k += 1;
                }
            }
            assert_eq!(k, keys.len());
        }
    }

    /// `gate_strings.txt` holds every gated pattern's required strings as worked out from its
    /// syntax tree now, and nothing else: the start-up reads them from it (see
    /// [`super::super::gate::Precomputed`]). After a rule changes, rewrite it with
    /// `EARSHOT_WRITE_GATE_STRINGS=1 cargo test --lib gate_strings_file_is_current`.
    #[test]
    fn gate_strings_file_is_current() {
        use super::super::gate::{precomputed_line, required_strings};
        let d = SignalDetector::new();
        let mut want = String::from(
            "# The strings each gated pattern requires (src/classify/gate.rs, `Precomputed`): rule, pattern key,\n\
             # characters left out, then `-` or `+` and the strings. Written by the test\n\
             # `gate_strings_file_is_current`: EARSHOT_WRITE_GATE_STRINGS=1 cargo test --lib gate_strings_file_is_current\n",
        );
        let all = std::iter::once(("en", &d.en)).chain(d.by_lang.iter().map(|(l, c)| (*l, c)));
        for (lang, c) in all {
            for (r, p) in c.rules.iter().zip(&c.patterns) {
                let label = format!("{lang}:{}", r.name);
                want += &precomputed_line(&label, p, &required_strings(p));
                want.push('\n');
            }
        }
        for ((category, _, _), p) in CATEGORY_KEYWORDS.iter().zip(category_patterns()) {
            let label = format!("category:{}", category.as_str());
            want += &precomputed_line(&label, &p, &required_strings(&p));
            want.push('\n');
        }
        let path = concat!(env!("CARGO_MANIFEST_DIR"), "/src/classify/gate_strings.txt");
        if std::env::var_os("EARSHOT_WRITE_GATE_STRINGS").is_some() {
            std::fs::write(path, &want).unwrap();
        }
        let have = std::fs::read_to_string(path).unwrap();
        assert!(
            have == want,
            "{path} is stale: rewrite it with \
             `EARSHOT_WRITE_GATE_STRINGS=1 cargo test --lib gate_strings_file_is_current`"
        );
    }

    /// Every rule has strings the gate can look for: a rule without them is a candidate for every
    /// text and its regex runs on all of them. Growing a rule past the gate's 64 strings for a piece
    /// does that silently (`doesnt_work` did, 2026-12-05: a tenth more instructions a text on Arabic
    /// posts), so split it instead.
    #[test]
    fn every_rule_has_strings_for_the_gate() {
        let d = SignalDetector::new();
        let all = std::iter::once(("en", &d.en)).chain(d.by_lang.iter().map(|(l, c)| (*l, c)));
        for (lang, c) in all {
            for (i, r) in c.rules.iter().enumerate() {
                let (set, _) = super::super::gate::required_strings(&c.patterns[i]);
                assert!(
                    set.is_some(),
                    "{lang} rule {} has no required strings",
                    r.name
                );
            }
        }
    }

    /// The category gate and each category's own regex find exactly the categories one `RegexSet`
    /// over the same patterns finds (what decided them before the gate), on the same texts as the
    /// rules' test: the golden set, the demo corpus, capitals, the letters that fold to ASCII, and
    /// every category's required strings alone and between words.
    #[test]
    fn category_gate_finds_exactly_what_a_regex_set_finds() {
        let d = SignalDetector::new();
        let patterns = category_patterns();
        let set = RegexSet::new(&patterns).unwrap();
        let mut texts = golden_and_demo_texts();
        for p in &patterns {
            let strings = super::super::gate::required_strings(p).0;
            assert!(strings.is_some(), "every category is gated: {p}");
            for s in strings.unwrap_or_default() {
                let s = String::from_utf8(s).unwrap();
                texts.push(format!("so {s} it"));
                texts.push(format!("so{s}it"));
                texts.push(s);
            }
        }
        let complaint = a_complaint();
        let (mut checked, mut found) = (0, 0);
        for t in &texts {
            for v in case_variants(t) {
                let want = categories_of(set.matches(&d.delivery_price_blanked(&v)).into_iter());
                assert_eq!(
                    d.categories(&v, std::slice::from_ref(&complaint)),
                    want,
                    "{v:?}"
                );
                checked += 1;
                found += usize::from(want != [ComplaintCategory::Other]);
            }
        }
        assert!(
            checked > 2_000 && found > 1_000,
            "{checked} texts, {found} with a category"
        );
    }

    /// A complaint signal, for asking a text's categories whichever rule would read it.
    fn a_complaint() -> Signal {
        Signal {
            kind: Complaint,
            confidence: 1.0,
            rule: "test".into(),
            evidence: String::new(),
        }
    }

    fn neutral() -> Sentiment {
        Sentiment {
            score: 0.0,
            label: SentimentLabel::Neutral,
            hits: vec![],
        }
    }

    #[test]
    fn sarcasm_is_a_complaint_that_cancels_the_praise_it_overlaps() {
        let d = SignalDetector::new();
        for (text, evidence) in [
            (
                "Great, Kestrel dropped my call again",
                "Great, Kestrel dropped",
            ),
            ("@acme thanks for ignoring my emails", "thanks for ignoring"),
            ("Thanks @acme for nothing", "Thanks @acme for nothing"),
            ("I love waiting on hold for an hour", "I love waiting on"),
            (
                "Love it when my phone dies mid-call",
                "Love it when my phone dies",
            ),
            (
                "Gotta love taking the car in for repairs twice a month",
                "love taking the car in for repairs",
            ),
        ] {
            let signals = d.detect(text, "en", &neutral());
            let s = signals.iter().find(|s| s.kind == Complaint).expect(text);
            assert_eq!((s.rule.as_str(), s.evidence.as_str()), (SARCASM, evidence));
            // "love it" (praise) is inside the span: the praise was the sarcastic opener.
            assert!(signals.iter().all(|s| s.kind != Praise), "{text}");
        }
        // Praise outside the sarcastic span stays.
        let both = d.detect(
            "Love the new app. Thanks for nothing on the refund though",
            "en",
            &neutral(),
        );
        assert!(both.iter().any(|s| s.rule == SARCASM));
        assert!(both.iter().any(|s| s.kind == Praise));
    }

    #[test]
    fn evidence_starts_at_the_sentence_a_rule_opens() {
        let d = SignalDetector::new();
        for (text, evidence) in [
            (
                "It finally arrived. Great, it broke again",
                "Great, it broke",
            ),
            (
                "Ordered on Monday!  Perfect, cancelled again.",
                "Perfect, cancelled",
            ),
        ] {
            let signals = d.detect(text, "en", &neutral());
            let s = signals.iter().find(|s| s.rule == SARCASM).expect(text);
            assert_eq!(s.evidence, evidence);
        }
        // A question's evidence is its sentence, not the mark and the letter before it.
        for (text, evidence) in [
            (
                "I got my first Fitbit. Is this normal? It has a line",
                "Is this normal?",
            ),
            ("where is my parcel??", "where is my parcel??"),
            ("Lovely. Anyone?", "Anyone?"),
            ("¿Alguien sabe si llega hoy?", "¿Alguien sabe si llega hoy?"),
        ] {
            let signals = d.detect(text, "en", &neutral());
            let q = signals
                .iter()
                .find(|s| s.rule == "question_mark")
                .expect(text);
            assert_eq!(q.evidence, evidence, "{text}");
        }
        let long = format!("{} ok?", "word ".repeat(40));
        let q = d.detect(&long, "en", &neutral());
        let q = q.iter().find(|s| s.rule == "question_mark").unwrap();
        assert!(
            q.evidence.len() <= 84 && q.evidence.ends_with("ok?"),
            "{}",
            q.evidence
        );
        let q = d.detect("Is v2.0 out yet? Thanks", "en", &neutral());
        let q = q.iter().find(|s| s.rule == "question_mark").unwrap();
        assert_eq!(q.evidence, "Is v2.0 out yet?");
        // A rule about punctuation keeps the punctuation as its evidence.
        assert_eq!(span(".???", false), ".???");
        assert_eq!(span(" ?! ", false), "?!");
        assert_eq!(span(". Try the soup", false), "Try the soup");
    }

    #[test]
    fn learned_advice_shows_the_sentence_of_its_strongest_word() {
        // Whole words only ("be" is not in "because"), a full stop inside a link or a number does
        // not end the sentence, and a long sentence is cut at a word about 60 bytes on.
        assert_eq!(word_at("because it can be done", "be"), Some(15));
        assert_eq!(word_at("maybe later", "be"), None);
        let text = "I tried. Be sure to read t.co/x first, it takes 2.5 minutes! Then go.";
        let at = word_at(&text.to_lowercase(), "be").unwrap();
        assert_eq!(
            sentence_around(text, at, at + 2),
            "Be sure to read t.co/x first, it takes 2.5 minutes!"
        );
        let long = format!("Do {} end.", "word ".repeat(30));
        let s = sentence_around(&long, 0, 2);
        assert!(s.starts_with("Do word") && s.len() <= 62, "{s}");
    }

    #[test]
    fn genuine_praise_and_courtesy_are_not_sarcasm() {
        let d = SignalDetector::new();
        for text in [
            "Great, my order arrived early and fits perfectly",
            "Thanks for waiting, your router is fixed",
            "I love it when my kids laugh at the app",
            "I love waiting for the new season to drop",
            "Thanks for fixing my bill so quickly",
        ] {
            let signals = d.detect(text, "en", &neutral());
            assert!(
                signals.iter().all(|s| s.rule != SARCASM),
                "{text}: {signals:?}"
            );
        }
    }

    /// Posts typed without accents, or with German umlauts written out or dropped, find the rules
    /// written with them: "nao recomendo" had read as a recommendation ("recomendo").
    #[test]
    fn rules_match_words_typed_without_accents() {
        for (accented, plain, lang) in [
            ("não recomendo essa loja", "nao recomendo essa loja", "pt"),
            (
                "produto não chegou até hoje",
                "produto nao chegou ate hoje",
                "pt",
            ),
            (
                "je déconseille ce vendeur",
                "je deconseille ce vendeur",
                "fr",
            ),
            (
                "Rückerstattung abgelehnt, enttäuscht",
                "Rueckerstattung abgelehnt, enttaeuscht",
                "de",
            ),
            (
                "Rückerstattung abgelehnt, enttäuscht",
                "Ruckerstattung abgelehnt, enttauscht",
                "de",
            ),
            (
                "el envío tardó un mes, qué vergüenza",
                "el envio tardo un mes, que verguenza",
                "es",
            ),
        ] {
            let want = kinds(accented, lang);
            assert!(!want.is_empty(), "{accented}");
            assert_eq!(kinds(plain, lang), want, "{plain}");
        }
        assert!(!kinds("nao recomendo essa loja", "pt").contains(&Recommend));
        let d = SignalDetector::new();
        let cats = |t: &str, lang: &str| d.categories(t, &d.detect(t, lang, &neutral()));
        assert_eq!(
            cats(
                "Qualite mediocre, ca s'est casse au bout d'une semaine",
                "fr"
            ),
            cats(
                "Qualité médiocre, ça s'est cassé au bout d'une semaine",
                "fr"
            )
        );
        assert!(
            cats("Qualite mediocre, casse en une semaine", "fr")
                .contains(&ComplaintCategory::Quality)
        );
    }

    /// The rule names of the signals `d` finds in an English text.
    fn en_rules(d: &SignalDetector, text: &str) -> Vec<String> {
        d.detect(text, "en", &neutral())
            .into_iter()
            .map(|s| s.rule)
            .collect()
    }

    fn kinds(text: &str, lang: &str) -> Vec<SignalKind> {
        SignalDetector::new()
            .detect(text, lang, &neutral())
            .into_iter()
            .map(|s| s.kind)
            .collect()
    }

    /// Asserts that each English text's signals include `kind` (or, `present` false, do not).
    fn expect_kind(texts: &[&str], kind: SignalKind, present: bool) {
        for t in texts {
            let got = kinds(t, "en");
            assert_eq!(got.contains(&kind), present, "{t}: {got:?}");
        }
    }

    /// A warning is advice to others: an imperative ("Never buy from them", "Avoid at all costs"),
    /// or the author's "I'd avoid" / "I'd never buy". What someone does or did ("I don't use it
    /// anymore", "we left early to avoid the traffic") is not one, nor the modal "must have".
    #[test]
    fn warnings_are_advice_not_habits() {
        expect_kind(
            &[
                "Never buy from them.",
                "PSA: do not order from Fernway",
                "bought it last week dont buy its junk",
                "I'd avoid this place.",
                "I'd never buy from them again",
                "Stay away from this hotel",
                "Don't get this phone.",
                "Please avoid the R44 tonight",
            ],
            Warn,
            true,
        );
        expect_kind(
            &[
                "I don't use it anymore.",
                "We never use the app.",
                "They don't get it.",
                "Don't get me wrong, the battery is fine.",
                "We left early to avoid the traffic.",
                "The case helps avoid scratches.",
                "I stay away from fast food",
                "you could still avoid the glare and get the contours right",
                "I will never buy another Kestrel phone",
            ],
            Warn,
            false,
        );
        // "Will never buy another" is the author leaving.
        expect_kind(
            &["I will never buy another Kestrel phone"],
            ChurnIntent,
            true,
        );
        expect_kind(
            &[
                "This is a must have for any runner.",
                "A must-have.",
                "Must have!",
            ],
            Recommend,
            true,
        );
        expect_kind(
            &[
                "It must have been a bad batch.",
                "I must have missed the email",
            ],
            Recommend,
            false,
        );
    }

    /// A complaint word negated just before it is no complaint; intensified, it still is.
    #[test]
    fn negated_complaint_words_are_not_complaints() {
        expect_kind(
            &[
                "Not terrible at all, it just works",
                "The service wasn't disappointing",
                "Never disappointed by Lumora",
                "Not annoying at all",
                "Not a nightmare at all",
                "This is not the worst phone",
                "You will not be disappointed with Lumora",
                "I have not been disappointed with my purchase",
                "Bought it twice and I've never been disappointed",
                "Two years in and nothing has broken",
                "I haven't been that disappointed by a phone, honestly",
            ],
            Complaint,
            false,
        );
        expect_kind(
            &[
                "I've never been so disappointed",
                "I have never been this disappointed by a phone",
                "Not great, terrible actually",
                "The app is annoying.",
                "It is not working",
            ],
            Complaint,
            true,
        );
    }

    /// How long the writer has had a thing opens a review; a wait is a complaint. The price blamed
    /// in a comparison is the other product's. "No one" is a complaint when no one answers,
    /// helps or turns up, not when no one can beat them.
    #[test]
    fn durations_comparisons_and_no_one_are_read_in_context() {
        let d = SignalDetector::new();
        // (text, rule, whether the rule fires)
        for (t, rule, fires) in [
            (
                "I have had the Lumora kettle for about three weeks now, and I am very happy.",
                "time_lapse",
                false,
            ),
            ("I've been using it for 3 months now.", "time_lapse", false),
            (
                "Have used this phone for two months now.",
                "time_lapse",
                false,
            ),
            (
                "Small, sounds great, and less expensive than Apple's overpriced iPod!",
                "overpriced",
                false,
            ),
            (
                "The new plan is overpriced for what you get",
                "overpriced",
                true,
            ),
            ("No one can beat Kodak processing", "on_hold", false),
            ("Kind of surprised no one knew the answer", "on_hold", false),
            ("A quiet room where no one bothers you", "on_hold", false),
            ("No one comes close to their coverage", "on_hold", false),
            ("Nobody calls it that any more", "on_hold", false),
            (
                "Called the store twice and no one picked up",
                "on_hold",
                true,
            ),
            ("Emailed support last week, no one replied", "on_hold", true),
            ("no one at the desk for 20 minutes", "on_hold", true),
            ("No one bothered to call me back", "on_hold", true),
            (
                "There is an alarm, I still havent used it yet, but it should be good.",
                "still_waiting",
                false,
            ),
            (
                "Still haven't had a chance to try the Lumora app",
                "still_waiting",
                false,
            ),
        ] {
            assert_eq!(en_rules(&d, t).iter().any(|r| r == rule), fires, "{t}");
        }
        // A wait stays a complaint.
        for t in [
            "Still trying to get my refund, three weeks now.",
            "I have been waiting for 3 weeks now",
            "Been without internet for 5 days now",
        ] {
            assert!(kinds(t, "en").contains(&Complaint), "{t}");
        }
        for (t, kind) in [
            ("I still haven't had a reply from Lumora", Complaint),
            ("Still haven't received my refund", Complaint),
            ("Won't be ordering from them again.", ChurnIntent),
            ("The battery died after 40 minutes on day one.", Complaint),
            ("The sofa arrived with a ripped cushion", Complaint),
            ("Nobody has replied to my email", Complaint),
            (
                "@Kestrel wonderful, third dropped call this morning",
                Complaint,
            ),
            (
                "A loyal customer for ten years and this is how you treat me?",
                Complaint,
            ),
            ("Ten years a customer. Cancelling today.", ChurnIntent),
            (
                "Best pizza in town, shame it took 90 minutes to arrive",
                Complaint,
            ),
            ("The pizza came lukewarm", Complaint),
            ("Nobody could tell me why my account was frozen", Complaint),
            (
                "They've been charging me for a subscription I cancelled",
                Complaint,
            ),
            (
                "Love how the website logs you out mid-checkout. Top work.",
                Complaint,
            ),
            (
                "Amazing how a company this big can't answer a single email",
                Complaint,
            ),
        ] {
            assert!(kinds(t, "en").contains(&kind), "{t}: {:?}", kinds(t, "en"));
        }
        // Trouble put right, and look-alikes of the phrasings above.
        for t in [
            "Super helpful advisor, sorted my broken screen in ten minutes",
            "They replaced the damaged box the next day",
            "Never had a dropped call on the whole trip",
            "I love how the app looks now",
            "It took 20 minutes to arrive, right on time",
        ] {
            assert!(!kinds(t, "en").contains(&Complaint), "{t}");
        }
    }

    #[test]
    fn recommend_versus_warn() {
        assert_eq!(
            kinds("I highly recommend the Zeta headphones", "en"),
            vec![Recommend]
        );
        assert_eq!(
            kinds("I would not recommend them to anyone", "en"),
            vec![Warn]
        );
        assert_eq!(kinds("Don't buy this, stay away", "en"), vec![Warn]);
        assert_eq!(kinds("Lo recomiendo muchísimo", "es"), vec![Recommend]);
        assert_eq!(kinds("No lo recomiendo", "es"), vec![Warn]);
        assert_eq!(kinds("Ich kann es nur empfehlen", "de"), vec![Recommend]);
        assert_eq!(kinds("Finger weg von diesem Shop", "de"), vec![Warn]);
    }

    /// A warning cancels the recommendation its rule turns round wherever that match stands: a
    /// warning rule's first match is often another word of the post ("golpe", "Abzocke", "Finger
    /// weg"), and only that one had been tested for overlap, so these were both recommendations
    /// and warnings. Clitic pronouns stand between "ne" and the French verb, and after the German.
    #[test]
    fn a_negated_recommendation_after_a_warning_is_no_recommendation() {
        for (t, lang) in [
            ("Acme é um golpe, não recomendo", "pt"),
            ("Acme ist Abzocke. Kann ich nicht empfehlen", "de"),
            ("Finger weg von Acme, ich empfehle es nicht", "de"),
            ("Ich empfehle Acme nicht.", "de"),
            ("Acme est une arnaque, je ne vous la recommande pas", "fr"),
            ("Je ne la recommanderais pas", "fr"),
        ] {
            assert_eq!(kinds(t, lang), vec![Warn], "{t}");
        }
        for (t, lang) in [
            ("Je vous la recommande", "fr"),
            ("Ich empfehle Acme, nicht Lumora", "de"),
            ("Ich empfehle Acme jedem", "de"),
        ] {
            assert_eq!(kinds(t, lang), vec![Recommend], "{t}");
        }
    }

    /// The verb of recommending with a warning for its object, in every language: a warning, and
    /// not also a recommendation (each was both, or a recommendation alone, before its rule).
    /// "Don't hesitate" after the verb is a recommendation still.
    #[test]
    fn advising_against_in_every_language() {
        for (t, lang, rule) in [
            ("I recommend not buying Acme", "en", "advise_against"),
            ("I'd suggest never using them", "en", "advise_against"),
            ("Os recomiendo no comprarlo", "es", "es_no_compren"),
            ("Recomiendo evitar esta tienda", "es", "es_no_compren"),
            (
                "Je vous conseille de ne pas acheter",
                "fr",
                "fr_ne_recommande_pas",
            ),
            (
                "Je recommande d'éviter ce magasin",
                "fr",
                "fr_ne_recommande_pas",
            ),
            (
                "Ich empfehle euch, es nicht zu kaufen",
                "de",
                "de_nicht_empfehlen",
            ),
            (
                "Ich empfehle, die Finger davon zu lassen",
                "de",
                "de_nicht_empfehlen",
            ),
            ("Recomendo não comprar na Acme", "pt", "pt_nao_recomendo"),
            ("أنصحكم لا تشتروا من Acme", "ar", ""),
            ("ننصح بعدم التعامل مع Acme", "ar", "ar_la_ansah"),
            ("اشتريت منهم وانصحكم ما تشترون", "ar", ""),
            ("بهتون توصیه میکنم نخرید", "fa", ""),
            ("پیشنهاد میکنم اصلا سمتش نرید", "fa", "fa_nakharid"),
        ] {
            let text = crate::classify::lexicon::normalize(lang, t);
            let fired = SignalDetector::new().fired_rules(&text, lang);
            let got = kinds(&text, lang);
            assert_eq!(got, vec![Warn], "{t}: {fired:?}");
            if !rule.is_empty() {
                assert!(fired.contains(&rule), "{t}: {fired:?}");
            }
        }
        for (t, lang) in [
            ("انصحكم ما تترددون", "ar"),
            ("پیشنهاد میکنم حتما بخرید", "fa"),
            ("Os recomiendo que no lo dudéis", "es"),
        ] {
            let text = crate::classify::lexicon::normalize(lang, t);
            assert_eq!(kinds(&text, lang), vec![Recommend], "{t}");
        }
    }

    /// Customer-service tweets written before running them (twenty-fourth session; 27 of 30 right
    /// at first): each of these was wrong.
    #[test]
    fn fresh_customer_service_tweets() {
        let d = SignalDetector::new();
        let rules = |t: &str| en_rules(&d, t);
        // A screen gone green, a phone dead, then a lone "great job": sarcasm.
        for t in [
            "@SamsungMobile my S21 screen went green after the latest update. great job",
            "@Comcast my phone died after the update. Great job",
        ] {
            assert!(rules(t).contains(&SARCASTIC_VERDICT.to_string()), "{t}");
        }
        assert!(
            !rules("@Comcast my phone works great after the update. Great job")
                .iter()
                .any(|r| r == SARCASTIC_VERDICT)
        );
        // Thanks for a fix ("fix this morning" is no "fix this!") and a launch asked about are
        // no complaints; a parcel asked after still is.
        for t in [
            "@Comcast thanks for the quick fix this morning, everything works now",
            "@SamsungMobile when is the S24 coming to Canada?",
        ] {
            assert!(!kinds(t, "en").contains(&Complaint), "{t}: {:?}", rules(t));
        }
        assert!(kinds("@UPS when is my package coming to my house??", "en").contains(&Complaint));
    }

    /// Complaints and advice in Spanish, French, German and Portuguese, written before running
    /// them (twenty-fifth session; 21 of 24 right before).
    #[test]
    fn latin_script_signals_fresh_round() {
        assert_each_in(
            &[
                (
                    "es",
                    "Si buscáis unos auriculares baratos, id a por estos, no os arrepentiréis.",
                ),
                ("es", "Pruébalo, no te vas a arrepentir."),
            ],
            Recommend,
            true,
        );
        assert_each_in(
            &[
                (
                    "fr",
                    "On m'a facturé un abonnement que je n'ai jamais demandé.",
                ),
                ("pt", "Fui cobrado duas vezes pela mesma compra."),
                ("pt", "Cobraram a mais na fatura deste mês."),
            ],
            Complaint,
            true,
        );
        let look_alikes = [
            ("es", "Voy a por pan y vuelvo."),
            (
                "fr",
                "Je n'ai jamais commandé chez eux, mais on m'en dit du bien.",
            ),
        ];
        assert_each_in(&look_alikes, Recommend, false);
        assert_each_in(&look_alikes, Complaint, false);
    }

    /// Hotel and restaurant reviews, written before running them (twenty-sixth session; 17 of 25
    /// signals right before): hygiene, customers not told, a lost reservation, fees never
    /// mentioned and wifi that kept dropping complain.
    #[test]
    fn hotel_and_restaurant_reviews() {
        assert_each(
            &[
                "Found hair in the bathtub and stains on the sheets. Gross.",
                "There was a cockroach in the bathroom",
                "The pool was closed for maintenance the entire week and nobody told us.",
                "They moved our flight without telling us",
                "Our reservation was lost and they gave away our table.",
                "They charged us a resort fee that was never mentioned at booking.",
                "The wifi kept dropping so I couldn't work from the room.",
            ],
            Complaint,
            true,
        );
        assert_each(
            &[
                "Prices kept dropping all week, great time to buy",
                "I found a great little bistro around the corner",
                "Nobody told me it would be this good!",
            ],
            Complaint,
            false,
        );
    }

    /// YouTube comments under product reviews, written before running them (twenty-sixth session;
    /// 24 of 30 signals right before): a brand that "nailed it" is praised, "skip this one"
    /// warns, a screen that started flickering and speakers that crackle complain, and a shopper
    /// waiting for the next model complains of nothing.
    #[test]
    fn product_video_comments() {
        assert_each(
            &[
                "Samsung nailed it this year",
                "They absolutely nailed it with the new camera",
            ],
            Praise,
            true,
        );
        assert_each(
            &[
                "Skip this one, the older model is better and cheaper",
                "Honestly? Skip it.",
            ],
            Warn,
            true,
        );
        assert_each(
            &[
                "Skip the line and order in the app",
                "I skip it when I'm busy",
            ],
            Warn,
            false,
        );
        assert_each(
            &[
                "Screen started flickering after a week",
                "The speakers crackle at high volume, returned it",
            ],
            Complaint,
            true,
        );
        assert_each(
            &[
                "Waiting for the S25 before I decide",
                "Waiting for the Pro to come out",
            ],
            Complaint,
            false,
        );
        assert_each(
            &["Still waiting for the refund they promised"],
            Complaint,
            true,
        );
    }

    /// Persian and Arabic app and shop reviews, written before running them (twenty-sixth
    /// session; 25 of 30 signals right before): "don't install it" warns; a login refused, a
    /// battery drained fast, money taken for an order never placed, and an order that came short
    /// and cold complain.
    #[test]
    fn persian_and_arabic_app_reviews() {
        assert_each_in(&[("fa", "اصلا نصب نکنید، فقط تبلیغ داره")], Warn, true);
        assert_each_in(
            &[
                ("fa", "بعد از آپدیت جدید نمی‌تونم وارد حسابم بشم"),
                ("fa", "پولم کم شد ولی سفارش ثبت نشد"),
                ("fa", "باتری گوشی رو خیلی زود خالی می‌کنه"),
                ("ar", "الطلب وصل ناقص والاكل بارد"),
            ],
            Complaint,
            true,
        );
        assert_each_in(
            &[
                ("fa", "شارژش دیر تموم میشه، خیلی راضیم"),
                ("ar", "القهوه البارده عندهم لذيذه"),
            ],
            Complaint,
            false,
        );
    }

    /// Reddit and Hacker News comments about products, written before running them
    /// (twenty-sixth session; 26 of 30 signals right before): "Seconding X" and "+1 for X"
    /// recommend, a support "black hole" and a sensor "hit or miss" complain, and where the author
    /// stays now ("now I wouldn't go back") is no churn.
    #[test]
    fn forum_comments_about_products() {
        assert_each(
            &[
                "Seconding Bitwarden. Free tier does everything most people need.",
                "+1 for Backblaze, restored my whole drive",
                "I second the Kindle rec, best purchase this year",
            ],
            Recommend,
            true,
        );
        assert_each(&["I'd like a second opinion on this"], Recommend, false);
        assert_each(
            &[
                "Their support is a black hole. Opened a ticket two weeks ago, nothing.",
                "The Pixel's fingerprint sensor is hit or miss at best.",
                "I wanted to like Linear but the pricing for small teams is absurd.",
            ],
            Complaint,
            true,
        );
        assert_each(
            &["Took a while to get used to, but now I wouldn't go back."],
            ChurnIntent,
            false,
        );
        assert_each(
            &[
                "Worst meal of my life. Won't go back.",
                "I'm leaving now, won't come back",
            ],
            ChurnIntent,
            true,
        );
    }

    /// Spanish, French, German and Portuguese app and shop reviews, written before running them
    /// (twenty-sixth session; 28 of 32 signals right before): "don't download it", too many ads,
    /// "can't even", being "bluffé", and "não consigo mais entrar".
    #[test]
    fn latin_script_app_reviews() {
        assert_each_in(
            &[
                (
                    "es",
                    "No la descarguéis, te cobran la suscripción aunque la canceles.",
                ),
                ("es", "No lo instales, es un virus"),
            ],
            Warn,
            true,
        );
        assert_each_in(
            &[
                ("fr", "Trop de pubs, on ne peut même pas finir une partie."),
                ("fr", "On ne peut même plus se connecter"),
                (
                    "pt",
                    "Depois da atualização não consigo mais entrar na minha conta.",
                ),
            ],
            Complaint,
            true,
        );
        assert_each_in(
            &[("fr", "On ne peut pas se plaindre, tout est arrivé à temps")],
            Complaint,
            false,
        );
        assert_each_in(
            &[(
                "fr",
                "Franchement bluffé par la qualité, je ne m'attendais pas à ça.",
            )],
            Praise,
            true,
        );
        assert_each_in(&[("fr", "Pas bluffé du tout par ce casque")], Praise, false);
    }

    /// App-store reviews, written before running them (twenty-sixth session; 23 of 30 signals
    /// right before): uninstalling is churn, a battery drained, "don't work", error codes, a
    /// login screen not got past and a confusing layout are complaints, "Impressed!" praises, and
    /// a love that "used to" be or a rating offered on a condition praises nothing.
    #[test]
    fn app_store_reviews_read_right() {
        assert_each(
            &[
                "Used to love this app but the latest update ruined it. Deleting until they fix the sync.",
                "Uninstalled. Not worth the storage.",
                "Deleted the app after the third crash",
            ],
            ChurnIntent,
            true,
        );
        // Troubleshooting is no leaving.
        assert_each(
            &["finally, i uninstalled and reinstalled the software, the usual last resort"],
            ChurnIntent,
            false,
        );
        assert_each(
            &[
                "App drains my battery like crazy since the update.",
                "Notifications don't work at all on Android 14.",
                "Can't even get past the login screen.",
                "Error 503 every time I open it",
                "The new layout is confusing and I can't find anything",
            ],
            Complaint,
            true,
        );
        assert_each(
            &[
                "I don't work on weekends",
                "Things don't work out sometimes",
                "It fixed the battery drain I had with the old one",
            ],
            Complaint,
            false,
        );
        assert_each(
            &[
                "The support team fixed my billing issue in under an hour. Impressed!",
                "I'm impressed with how fast it syncs",
            ],
            Praise,
            true,
        );
        assert_each(
            &[
                "Used to love this app but the latest update ruined it.",
                "Would give 5 stars if it had an offline mode.",
                "I'm not impressed",
            ],
            Praise,
            false,
        );
    }

    /// A second round of customer-service tweets, written before running them (twenty-fifth
    /// session; 27 of 30 right before): a card declined, settings wiped, hours without power.
    #[test]
    fn second_round_of_customer_service_tweets() {
        assert_each(
            &[
                "@NorthBank why has my card been declined three times today when there's money in the account",
                "@FileBox the latest update wiped all my settings, how do I get them back",
                "@PowerGrid been without electricity since 6am, any update?",
                "We've been without heating for three days now",
                "I still can't believe I heard this from your manager",
                "5 hours without power now",
            ],
            Complaint,
            true,
        );
        // Good news hardly believed is no complaint; nor a milestone "without".
        assert_each(
            &[
                "got the job!!!! still can't believe it",
                "@PowerGrid power's back, thanks to the engineers working in the rain",
                "@NorthBank how do I add my partner to a joint account?",
                "A weekend without internet at the cabin was wonderful",
                "30 days without a cigarette!",
                "Three days without my phone and I feel great",
            ],
            Complaint,
            false,
        );
    }

    #[test]
    fn advice_margin_matches_the_training_features() {
        let m = LinearModel::parse(ADVICE_TABLE).unwrap();
        for text in [
            "Make sure you ask for a room on the top floor. The view is great!",
            "I wish the battery lasted longer",
            "Don't bother with the breakfast; walk to the café next door instead.",
            "It would be nice if the app had a dark mode",
            "",
            "Ünïcödé ‘quotes’ and don’t",
        ] {
            let rules = ["advice", "you_should"];
            let slow = m.margin(advice_features(text, &rules).iter().map(String::as_str));
            let (fast, _) = AdviceModel::new(&m).margin(text, &rules);
            assert!((slow - fast).abs() < 1e-9, "{text}: {slow} vs {fast}");
        }
    }

    /// The ASCII reader finds the same words, sentence openings included, as the reader by
    /// characters; on the golden and demo texts (their ASCII ones, and the others with their
    /// non-ASCII characters dropped) and on each in capitals.
    #[test]
    fn advice_words_of_ascii_text_are_the_words_by_characters() {
        type Reader = fn(&str, &mut dyn FnMut(&str, bool));
        let words = |read: Reader, t: &str| {
            let mut out = Vec::new();
            read(t, &mut |w, starts| out.push((w.to_string(), starts)));
            out
        };
        let ascii: Reader = |t, f| advice_words_ascii(t, f);
        let chars: Reader = |t, f| advice_words_by_chars(t, f);
        let mut seen = 0;
        for t in golden_and_demo_texts() {
            let t: String = t.chars().filter(char::is_ascii).collect();
            for t in [
                t.clone(),
                t.to_uppercase(),
                format!("'{t}' x'y ''. {t}\n;:?!"),
            ] {
                let want = words(chars, &t);
                seen += want.len();
                assert_eq!(words(ascii, &t), want, "{t}");
            }
        }
        assert!(seen > 10_000, "{seen} words");
    }

    /// A model word is found by its packed bytes when short and by its string when long.
    #[test]
    fn advice_model_words_are_found_short_and_long() {
        let m =
            LinearModel::parse("__bias__\t0.5\nshort\t1\nextraordinarilylongword\t2\n").unwrap();
        let a = AdviceModel::new(&m);
        assert_eq!(a.margin("short", &[]).0, 1.5);
        assert_eq!(a.margin("an extraordinarilylongword", &[]).0, 2.5);
        assert_eq!(a.margin("shorter extraordinarilylongwor", &[]).0, 0.5);
    }

    #[test]
    fn learned_advice_explains_itself_and_weak_rules_need_it() {
        let d = SignalDetector::new();
        // Advice without a recommend phrase: the model fires, naming a word or pair as evidence.
        let s = d.detect(
            "Ask for a room facing the garden, the street side is noisy.",
            "en",
            &neutral(),
        );
        let adv = s.iter().find(|s| s.kind == Recommend).expect("advice");
        assert!(!adv.evidence.is_empty());
        assert!(adv.confidence >= LEARNED_ALONE_THRESHOLD);
        // The weak "advice" rule alone on a text that gives none is overruled.
        let s = d.detect(
            "Thanks for the advice yesterday, it was a fun evening",
            "en",
            &neutral(),
        );
        assert!(!s.iter().any(|s| s.kind == Recommend), "{s:?}");
        // Without the model the weak rule stands.
        let plain = SignalDetector::with_advice_model(None);
        let s = plain.detect(
            "Thanks for the advice yesterday, it was a fun evening",
            "en",
            &neutral(),
        );
        assert!(s.iter().any(|s| s.kind == Recommend), "{s:?}");
    }

    #[test]
    fn everyday_complaints_praise_and_their_look_alikes() {
        let rule_of = |t: &str| -> Vec<String> {
            SignalDetector::new()
                .detect(t, "en", &neutral())
                .into_iter()
                .map(|s| s.rule)
                .collect()
        };
        for (t, rule) in [
            ("Signal is dead again in my area", "outage"),
            ("The app crashed again", "outage"),
            ("The site went down during the sale", "outage"),
            ("Checkout won't accept my card", "payment_failed"),
            ("Prices went up 30% overnight", "overpriced"),
            ("Yet another price increase, seriously", "overpriced"),
            ("Cancelled my Kestrel plan today", "cancel_my"),
            ("Support has gotten way worse", "negative_experience"),
            ("Zero help from anyone", "on_hold"),
            ("Their support team was super helpful", "helpful_staff"),
            (
                "Refund in a day. That's how you keep customers",
                "keeps_customers",
            ),
            ("I can't log in to the app since Monday", "cant_access"),
            ("Can't even see my orders now", "cant_access"),
            ("Couldn't get through to anyone for an hour", "cant_access"),
            ("The latest update broke everything", "update_broke"),
            ("They broke the login again", "update_broke"),
            (
                "Support closed my ticket without fixing anything",
                "ticket_closed",
            ),
            (
                "They closed the case as resolved. It is not.",
                "ticket_closed",
            ),
            (
                "Had to call them four times to get my PAC code",
                "repeat_contact",
            ),
            ("Six emails later I got a reply", "repeat_contact"),
            (
                "The driver threw my parcel over the fence",
                "arrived_damaged",
            ),
            ("The order never showed up", "not_received"),
            (
                "Package marked delivered but nothing arrived",
                "not_received",
            ),
            ("Their prices are creeping up every month", "overpriced"),
            ("Their support bot keeps sending me in circles", "on_hold"),
            ("Watch out for their hidden fees", "charged"),
            (
                "Coverage has gotten really bad lately",
                "negative_experience",
            ),
            ("Would not buy from them again", "never_again"),
            ("I will never purchase from Acme again", "never_again"),
            ("I'd recommend avoiding Lumora", "advise_against"),
            ("I recommend that you don't purchase it", "advise_against"),
            ("I would advise against buying the X2", "advise_against"),
            ("Don't purchase from Fernway", "dont_buy"),
            ("You need to read this before you book", "you_should"),
            ("You have to try the pasta here", "you_should_try"),
            ("Three days and nothing from support.", "time_lapse"),
            ("Fernway lost my parcel AGAIN.", "lost_item"),
            ("My luggage was lost on the way to Lisbon", "lost_item"),
            ("The checkout keeps throwing an error", "error_message"),
            (
                "Anyone else's app crashing since the update?",
                "error_message",
            ),
            ("The delivery guy was really friendly", "helpful_staff"),
            ("Their 5G coverage is honestly impressive", "exceeded"),
            ("Wouldn't touch them with a ten foot pole.", "avoid"),
            ("My contract ends in May and I'm out.", "never_again"),
            ("2 stars. Slow shipping.", "delayed"),
            ("My order arrived three weeks late", "delayed"),
            ("the parcel came 2 days late", "delayed"),
            ("The refund took two months to arrive", "delayed"),
            ("Paid for express shipping and it took ten days", "delayed"),
            ("HUGE props to @acme for the refund", "props_to"),
            ("Kudos to the night staff", "props_to"),
            ("The Halo is worth every penny", "exceeded"),
            ("@fernway where is my parcel?", "where_is_my"),
            ("please just give me my money back", "money_back"),
            ("I really regret switching to Kestrel", "regret_buying"),
            ("Fernway is forever letting me down.", "let_down"),
            ("not powering on at all", "doesnt_work"),
            ("none of the discount codes are working", "doesnt_work"),
            (
                "@KestrelCare we don't have signal in the whole area",
                "outage",
            ),
            ("Down again! Thanks Kestrel", "outage"),
            ("My printer will not print 2 sided", "doesnt_work"),
            ("@fernway you guys are amazing", "exceeded"),
            (
                "The new model is way worse than the old one",
                "negative_experience",
            ),
            (
                "They discriminate against people with disabilities",
                "negative_experience",
            ),
            ("Great, another outage. Thanks Kestrel.", SARCASM),
            (
                "Not sure if I should get the X2 or the Z1, thoughts?",
                "should_i_get",
            ),
            (
                "The courier dented the fridge door bringing it up the stairs",
                "damaged_by_crew",
            ),
            (
                "The delivery guys scratched our new floor",
                "damaged_by_crew",
            ),
            (
                "Tried to cancel online and the page just loops back to the login screen",
                "login_loop",
            ),
            ("Stuck in a login loop on the app again", "login_loop"),
            ("Live chat closed the conversation on me twice", "on_hold"),
            (
                "A £4.99 delivery fee on a £6 order is taking the mick",
                "price_robbery",
            ),
            ("They just hiked my bill by £8 a month", "overpriced"),
            ("Their support team went above and beyond", "exceeded"),
            (
                "Anyone know a broadband provider that doesn't lock you in?",
                "anyone_tried",
            ),
            ("My Lumora speaker no longer works.", "no_longer_works"),
            (
                "the video output no longer worked (after about 3 weeks)",
                "no_longer_works",
            ),
            ("The video quit working after 10 days", "no_longer_works"),
            ("My battery no longer holds a charge", "no_longer_works"),
            ("The camera quit on me at the wedding", "no_longer_works"),
            ("The remote no longer works with my TV", "no_longer_works"),
            ("It lasted about 1 1/2 weeks.", "no_longer_works"),
        ] {
            assert!(
                rule_of(t).iter().any(|r| r == rule),
                "{t}: {:?}",
                rule_of(t)
            );
        }
        for (t, rule) in [
            ("Prices went down for Black Friday", "overpriced"),
            // Working at a place is a job, not a product that has failed.
            ("She no longer works at Lumora", "no_longer_works"),
            ("I quit working there last year", "no_longer_works"),
            ("He quit working for Acme in May", "no_longer_works"),
            ("The app no longer crashes, great update", "no_longer_works"),
            ("My manager gave up on me", "no_longer_works"),
            ("My old kettle lasted about ten years", "no_longer_works"),
            ("Prices went down for Black Friday", "outage"),
            ("If you were there when this went down, wow", "outage"),
            ("The staff was not helpful at all", "helpful_staff"),
            ("My brother is taking the mick again", "price_robbery"),
            (
                "The courier was lovely and careful with it",
                "damaged_by_crew",
            ),
            ("The new graphics driver broke my game", "damaged_by_crew"),
            ("Anyone know a guy named Dave Smith?", "anyone_tried"),
            (
                "I know a provider that doesn't lock you in?",
                "anyone_tried",
            ),
            ("Cancelled my dinner plans for tonight", "cancel_my"),
            ("I can't find a better phone anywhere", "cant_access"),
            ("Can't see why anyone would shop elsewhere", "cant_access"),
            ("Their new ad broke the internet", "update_broke"),
            (
                "Closed my ticket within an hour, problem solved",
                "ticket_closed",
            ),
            ("It just works. No drama, no hidden fees.", "charged"),
            (
                "Running your thumb around in circles on the wheel",
                "on_hold",
            ),
            ("You have to add every song by hand", "you_should"),
            ("I lost my card, can you block it?", "lost_item"),
            ("I'm out of coffee.", "never_again"),
            ("UK FCA issues warning against FX firm", "advise_against"),
            ("I recommend it against any other brand", "advise_against"),
            ("Lumora let me down again", "outage"),
            ("Prices went down again", "outage"),
            ("Where are my manners, thanks!", "where_is_my"),
            ("I don't regret buying it at all", "regret_buying"),
            ("I won't play that game again", "doesnt_work"),
            ("They were not amazing", "exceeded"),
            ("It's not worse than the old one", "negative_experience"),
            (
                "Going to buy the Halo but the reviews scared me off.",
                "going_to_buy_no_subject",
            ),
            ("The results are not impressive", "exceeded"),
            (
                "I was trying to decide between them and chose the Z1.",
                "should_i_get",
            ),
            (
                "you have to go through three menus to find it",
                "you_should",
            ),
        ] {
            assert!(
                !rule_of(t).iter().any(|r| r == rule),
                "{t}: {:?}",
                rule_of(t)
            );
        }
    }

    #[test]
    fn thirty_third_round_phrasings_and_their_look_alikes() {
        use ComplaintCategory::*;
        let d = SignalDetector::new();
        let rules = |t: &str, lang: &str| -> Vec<String> {
            d.detect(t, lang, &neutral())
                .into_iter()
                .map(|s| s.rule)
                .collect()
        };
        for (lang, t, rule) in [
            (
                "en",
                "Honestly impressed with how quickly they sorted it",
                "exceeded",
            ),
            ("en", "The new blender is actually brilliant", "top_notch"),
            (
                "en",
                "No one does a better flat white than Corso",
                "none_better",
            ),
            (
                "en",
                "You can't beat Aldi for the weekly shop",
                "none_better",
            ),
            ("en", "Nobody comes close to their coverage", "none_better"),
            (
                "en",
                "Thinking of finally getting the Pulse X",
                "thinking_of_buying",
            ),
            (
                "en",
                "Switching to another gym next month",
                "moving_to_another",
            ),
            (
                "en",
                "They cancelled our transfer with no refund",
                "money_back",
            ),
            (
                "en",
                "A 40 minute hold just to be told to email",
                "cant_answer",
            ),
            ("en", "Shame half the buttons do nothing", "doesnt_work"),
            ("en", "My parcel was left in the rain", "damaged_by_crew"),
            (
                "en",
                "A phone that needs charging by lunchtime",
                "drops_out",
            ),
            ("en", "Internet's been dead for hours", "drops_out"),
            (
                "en",
                "The Wi-Fi has dropped during a work call",
                "drops_out",
            ),
            ("en", "The delivery date has moved four times", "delayed"),
            (
                "en",
                "Fantastic. Paid for next-day delivery and the tracking now says Friday.",
                SARCASM,
            ),
            (
                "en",
                "Wow, thanks Brightline, a 40 minute hold just to be told to email.",
                SARCASM,
            ),
            (
                "es",
                "La app se cierra cada vez que intento pagar",
                "es_malo",
            ),
            (
                "fr",
                "Colis livré chez le voisin sans prévenir",
                "fr_livre_ailleurs",
            ),
            (
                "pt",
                "O pedido chegou com dez dias de atraso. Nunca mais.",
                "pt_vou_cancelar",
            ),
            (
                "pt",
                "O pedido chegou com dez dias de atraso",
                "pt_ainda_nao",
            ),
            ("pt", "Atendimento excelente na loja do shopping", "pt_amei"),
            ("ar", "الشحن كان سريع جدا والمنتج أصلي", "ar_mabsout"),
            (
                "en",
                "Got my refund in 3 days. Will definitely order again.",
                "buy_again",
            ),
            (
                "en",
                "The third charger from them that's melted at the plug",
                "broken_item",
            ),
            ("en", "Now it's full of ads every two taps", "app_is_clunky"),
            ("en", "A £5 paper bill fee even if you opted out", "charged"),
            (
                "en",
                "A bot that kept sending me the same FAQ link",
                "cant_answer",
            ),
            ("pt", "Melhor compra que fiz esse ano", "pt_amei"),
            ("es", "La mejor compra que he hecho", "es_muy_contento"),
        ] {
            assert!(
                rules(t, lang).iter().any(|r| r == rule),
                "{t}: {:?}",
                rules(t, lang)
            );
        }
        for (lang, t, rule) in [
            ("en", "It's not actually great", "top_notch"),
            ("en", "I can't beat this level", "none_better"),
            ("en", "Switching to another tab", "moving_to_another"),
            ("en", "The button does something else now", "doesnt_work"),
            (
                "en",
                "Great, thanks for the quick reply! Parcel arrived this morning.",
                SARCASM,
            ),
            // The trouble is a later sentence's, or turned by "but", or thanked politely.
            (
                "en",
                "Brilliant! I need all the advice I can find. Then the app crashed again.",
                SARCASM,
            ),
            ("en", "Great, but it stopped working after a week", SARCASM),
            (
                "en",
                "Thanks Acme, my parcel stopped working after a week",
                SARCASM,
            ),
            ("pt", "Nunca mais tive problema com eles", "pt_vou_cancelar"),
            ("en", "I will never order again", "buy_again"),
            ("en", "The cheese melted nicely on the pizza", "broken_item"),
            ("en", "The app is full of great features", "app_is_clunky"),
        ] {
            assert!(
                !rules(t, lang).iter().any(|r| r == rule),
                "{t}: {:?}",
                rules(t, lang)
            );
        }
        assert_eq!(sarcastic_opener("Fantastic. Paid for it"), Some((0, 10)));
        assert_eq!(sarcastic_opener("@acme Great job! It broke"), Some((6, 16)));
        assert_eq!(
            sarcastic_opener("Wow, thanks Brightline, a hold"),
            Some((0, 23))
        );
        assert_eq!(sarcastic_opener("Great product, but late"), None);
        assert_eq!(sarcastic_opener("Thanks Acme, late again"), None);
        assert_eq!(sarcastic_opener("Great."), None);
        let cats = |t: &str, lang: &str| d.categories(t, &d.detect(t, lang, &neutral()));
        for (lang, t, cat) in [
            (
                "en",
                "Good luck getting anyone at Velto to answer the phone",
                Support,
            ),
            (
                "en",
                "Love the menu but £7 for a small coffee is taking the mick",
                Price,
            ),
            (
                "en",
                "Nice voucher, but my parcel was left in the rain",
                Delivery,
            ),
            (
                "en",
                "Had to chase Orbit Bank five times to get a letter",
                Support,
            ),
            (
                "en",
                "Oh lovely, the self-checkout ate my note and nobody around to help",
                Support,
            ),
            (
                "en",
                "Cancelled my Streamly subscription, not worth it for £12.99 a month",
                Price,
            ),
            (
                "pt",
                "Veio com a tela riscada e a loja não quer trocar",
                Quality,
            ),
            (
                "fa",
                "بعد از یک هفته خراب شد، گارانتی هم قبول نمی‌کنه",
                ReturnsRefunds,
            ),
            // As the classifier passes Arabic text: normalised (ة read as ه).
            ("ar", "التطبيق يعلق كل ما افتح السله", Checkout),
            ("en", "The charger melted at the plug", Quality),
        ] {
            assert!(cats(t, lang).contains(&cat), "{t}: {:?}", cats(t, lang));
        }
    }

    #[test]
    fn rules_word_and_digit_classes_are_the_cheap_ones() {
        assert_eq!(
            cheap_classes(r"(?:\w+ ){0,3}\d+\b\s"),
            format!(r"(?:{WORD_CHAR}+ ){{0,3}}{DIGIT}+\b\s")
        );
        // Words with accents, and Persian digits, still fill a rule's gaps.
        assert_eq!(
            kinds("Never going to Café Señor again", "en"),
            vec![ChurnIntent]
        );
        let s = SignalDetector::new().detect("In transit for ۱۲ days now", "en", &neutral());
        assert!(s.iter().any(|s| s.rule == "stuck_in_processing"), "{s:?}");
        assert!(!kinds("Never going to do it, again and again", "en").contains(&ChurnIntent));
    }

    #[test]
    fn the_cheap_non_word_class_is_unicodes_in_its_blocks() {
        let unicode = regex::Regex::new(r"^[^\p{L}\p{N}_]$").unwrap();
        let cheap = regex::Regex::new(concat!("^[", non_word_class!(), "]$")).unwrap();
        let blocks = [
            (0x0, 0x7F),
            (0x80, 0xFF),
            (0x300, 0x36F),
            (0x600, 0x6FF),
            (0x2000, 0x2BFF),
            (0x3000, 0x303F),
            (0xFB50, 0xFDFF),
            (0xFE00, 0xFE6F),
            (0xFE70, 0xFEFF),
            (0xFF00, 0xFF65),
            (0x1F000, 0x1FAFF),
            (0xE0000, 0xE007F),
        ];
        let mut n = 0;
        for (a, b) in blocks {
            for c in (a..=b).filter_map(char::from_u32) {
                let s = c.to_string();
                assert_eq!(
                    cheap.is_match(&s),
                    unicode.is_match(&s),
                    "U+{:04X}",
                    c as u32
                );
                n += 1;
            }
        }
        assert!(n > 7_000);
        // Outside them, nothing is a boundary: letters of every script stay word characters.
        for c in ['é', 'ж', 'ق', 'ی', '中', '٣'] {
            assert!(!cheap.is_match(&c.to_string()), "{c}");
        }
    }

    #[test]
    fn class_boundaries_keep_accented_words_whole() {
        let c = non_word_class!();
        let (start, end) = (format!("(?:^|(?-i:[{c}]))"), format!("(?:$|(?-i:[{c}]))"));
        assert_eq!(
            class_boundaries(r"\b(?:llegó|café)\b|\bno\b"),
            format!("{start}(?:llegó|café){end}|{start}no{end}")
        );
        assert_eq!(kinds("Mi pedido no llegó", "es"), vec![Complaint]);
        // The evidence has no boundary characters.
        let s = SignalDetector::new().detect("¡Eviten Acme!", "es", &neutral());
        assert_eq!(s[0].evidence, "Eviten");
    }

    #[test]
    fn intents_and_questions() {
        assert!(
            kinds("Can anyone recommend a good running shoe?", "en").contains(&AskRecommendation)
        );
        assert!(kinds("I'm going to buy the new model tomorrow", "en").contains(&PurchaseIntent));
        assert!(
            kinds("I'm switching to another bank, cancel my account", "en").contains(&ChurnIntent)
        );
        assert!(kinds("when does the store open?", "en").contains(&Question));
    }

    /// A sentence opening with an auxiliary asks only when a subject follows it; a reply's
    /// handles do not lend it one from inside their names.
    #[test]
    fn auxiliary_openings_ask_only_with_a_subject() {
        let asks = |t: &str| kinds(t, "en").contains(&Question);
        assert!(asks("Does Kestrel have 5G in Leeds"));
        assert!(asks("Has anyone tried the Fernway blender"));
        assert!(asks("@KestrelHelp can you check my order"));
        assert!(asks("Do you ship to Ireland"));
        assert!(!asks("Would not buy from Kestrel Mobile again."));
        assert!(!asks("Will never shop at Fernway again."));
        assert!(!asks("Do NOT order from Fernway"));
        assert!(!asks("Do a wine tour, it is good to get out of town"));
        assert!(!asks("@Safaricom_Care Alright thanks"));
        assert!(!asks("@AdobeCare Printing from Adobe Acrobat"));
    }

    /// Warnings as customers word them, from posts written before looking (nineteenth session),
    /// with the look-alikes each form was narrowed against.
    #[test]
    fn warnings_as_customers_word_them() {
        for text in [
            "I wouldn't waste my money on the Lumora Halo",
            "Not worth the hassle. Fernway's returns process is a nightmare.",
            "Lumora isn't worth the price, go for something cheaper.",
            "Do NOT sign up with Kestrel, they lock you in",
            "Don't make the same mistake I did with Kestrel Mobile.",
            "Don't even think about Kestrel Mobile.",
            "Skip Fernway, their boots fall apart in weeks.",
            "Pass on the Lumora Halo.",
            "Kestrel Mobile? Run. Just run.",
            "You'd be better off going elsewhere than Fernway.",
            "Keep well away from Kestrel's broadband.",
            "You have been warned: Lumora bulbs die within weeks.",
            "Friends don't let friends buy Fernway furniture.",
            "There are better options than Kestrel Mobile out there.",
            "Honestly just go with literally anyone other than Kestrel.",
            "Do yourself a favour and buy literally any other lamp.",
            "Not recommending Fernway to anyone after this.",
            // A second round, written after the first's fixes.
            "Honestly wouldn't touch Kestrel's fibre deal.",
            "Save yourself the grief and go anywhere but Fernway.",
            "I'd give Lumora a miss if I were you.",
            "Stay clear of Kestrel's prepaid plans.",
            "Learn from me: never pay Fernway upfront.",
            "Don't get sucked in by Kestrel's cheap first month.",
            "Seriously, find another provider than Kestrel.",
            "Lumora? Hard pass.",
            "Honestly there are way better lamps than Lumora for the price.",
        ] {
            let got = kinds(text, "en");
            assert!(got.contains(&Warn), "{text}: {got:?}");
            assert!(!got.contains(&Recommend), "{text}: {got:?}");
        }
        // A weak recommendation in the warning's sentence prefaces it.
        assert_eq!(
            kinds("Trust me, avoid Fernway's outlet store.", "en"),
            vec![Warn]
        );
        for (text, lang) in [
            ("No os recomiendo Lumora para nada.", "es"),
            ("Ich rate dringend von Lumora ab.", "de"),
            ("Pensem duas vezes antes de comprar na Fernway.", "pt"),
            ("سمت Lumora نرید، پولتون هدر میره", "fa"),
            ("ابعدوا عن Lumora، خدمه سيئه جدا", "ar"),
            ("نصيحه لا تتعامل مع هذا المتجر", "ar"),
        ] {
            let got = kinds(text, lang);
            assert!(got.contains(&Warn), "{text}: {got:?}");
            assert!(!got.contains(&Recommend), "{text}: {got:?}");
        }
        for (text, lang) in [
            // The author's own search, not advice.
            (
                "I am disappointed and looking elsewhere for a sturdier bag.",
                "en",
            ),
            ("There are better options for beginners, like the X2.", "en"),
            ("Skip the queue by booking online.", "en"),
            ("You won't get any other phone this cheap.", "en"),
            ("I would never touch it again, it was that good.", "en"),
            ("The lamp is anything but cheap.", "en"),
            // "أبعد" also means "farther", and "لا تتعامل" may be said of her.
            ("اللهم ابعد عنا ما يحزننا", "ar"),
            ("الدوله لا تتعامل معها الا باعتبارها مؤامره", "ar"),
        ] {
            let got = kinds(text, lang);
            assert!(!got.contains(&Warn), "{text}: {got:?}");
        }
        // "Fall apart" is a complaint said of a thing, in time, not of a person.
        let complains = |t: &str| kinds(t, "en").contains(&Complaint);
        assert!(complains("Their boots fall apart in weeks."));
        assert!(!complains("Never be afraid to fall apart."));
        assert!(!complains(
            "Everything is secure and it wo n't fall apart on you."
        ));
        // The author's own "could" is no suggestion to the maker.
        assert!(
            !kinds("If I could give zero stars I would. Stay away.", "en").contains(&Recommend)
        );
    }

    /// Churn and purchase intent as customers word them, from posts written before looking
    /// (twentieth session), with the look-alikes each form was narrowed against.
    /// Round 14: requests for a recommendation and warnings as customers word them, in every
    /// language, written before running; each of these missed before its fix.
    #[test]
    fn requests_and_warnings_as_customers_word_them() {
        for (text, lang, kind) in [
            (
                "Anyone got a camping stove they swear by? Fernway or something else?",
                "en",
                AskRecommendation,
            ),
            (
                "Go with Kestrel Mobile, best coverage I've had.",
                "en",
                Recommend,
            ),
            (
                "¿Alguien sabe si Kestrel Mobile tiene buena cobertura en Asturias?",
                "es",
                AskRecommendation,
            ),
            (
                "¿Qué tienda de campaña me recomendáis? Estoy mirando Fernway.",
                "es",
                AskRecommendation,
            ),
            ("Huid de Kestrel Mobile, son unos estafadores.", "es", Warn),
            (
                "Vous connaissez une bonne lampe de chevet ? Lumora ça vaut quoi ?",
                "fr",
                AskRecommendation,
            ),
            (
                "Quel opérateur me conseillez-vous ? J'hésite avec Kestrel Mobile.",
                "fr",
                AskRecommendation,
            ),
            ("Bloß nicht bei Kestrel Mobile abschließen!", "de", Warn),
        ] {
            let got = kinds(text, lang);
            assert!(got.contains(&kind), "{text}: {got:?}");
        }
        // Look-alikes: a question about a shop, a plan not carried out, a setting ("Go for it"
        // is advice, to a reader thinking of buying).
        for (text, lang, kind) in [
            (
                "¿Alguien sabe si Kestrel Mobile tiene tienda en Oviedo?",
                "es",
                AskRecommendation,
            ),
            ("Switch to Dark Mode in Settings.", "en", Recommend),
            ("I was going to go with Kestrel Mobile.", "en", Recommend),
        ] {
            let got = kinds(text, lang);
            assert!(!got.contains(&kind), "{text}: {got:?}");
        }
    }

    /// The rules given a larger lazy-DFA cache exist, in some language, and get their multiple
    /// of their language's; the others keep their language's.
    #[test]
    fn big_cache_rules_are_rules_and_get_their_multiple_of_the_cache() {
        let d = SignalDetector::new();
        let all = std::iter::once((&d.en, RULE_DFA_CACHE_BYTES)).chain(
            d.by_lang
                .iter()
                .map(|(_, c)| (c, OTHER_RULE_DFA_CACHE_BYTES)),
        );
        let mut seen = std::collections::BTreeSet::new();
        for (c, base) in all {
            for (r, &bytes) in c.rules.iter().zip(&c.dfa_cache_bytes) {
                match BIG_CACHE_RULES.iter().find(|(name, _)| *name == r.name) {
                    Some(&(name, times)) => {
                        assert!(times > 1, "{name}");
                        assert_eq!(bytes, times * base, "{name}");
                        seen.insert(name);
                    }
                    None => assert_eq!(bytes, base, "{}", r.name),
                }
            }
        }
        assert_eq!(
            seen.len(),
            BIG_CACHE_RULES.len(),
            "every big-cache rule is a rule, named once"
        );
    }

    /// Round 22: requests to a maker and recommendations in the passive, as the suggestion set's
    /// forum posts and hotel reviews word them (5 of 15 right before the round's fixes).
    #[test]
    fn requests_to_a_maker_and_passive_recommendations() {
        for (text, kind) in [
            (
                "Booking ahead is highly recommended, Fernway tables go fast.",
                Recommend,
            ),
            (
                "Would not hesitate to recommend Kestrel Mobile to my family.",
                Recommend,
            ),
            (
                "You've got to try the Lumora Halo, it changed my evenings.",
                Recommend,
            ),
            (
                "Fernway's express box is not recommended if you have allergies.",
                Warn,
            ),
            (
                "It'd be great if the Lumora app let you group lamps by room.",
                Recommend,
            ),
            (
                "A proper offline mode is badly needed in the Kestrel app.",
                Recommend,
            ),
            (
                "I'd like the option to pause my Fernway box for a month.",
                Recommend,
            ),
            (
                "Kestrel should really offer eSIM on the basic plan.",
                Recommend,
            ),
            (
                "My suggestion is to order the Halo in warm white.",
                Recommend,
            ),
        ] {
            let got = kinds(text, "en");
            assert!(got.contains(&kind), "{text}: {got:?}");
        }
        for text in [
            "The Halo was recommended to me by a friend and I regret it.",
            "Help needed, my Kestrel router keeps dropping.",
            "Kestrel Mobile needs to fix their billing, charged twice again.",
            "Update: Lumora refunded me today.",
            "We found an 8.2 p.p. increase in the seat share.",
        ] {
            let got = kinds(text, "en");
            assert!(!got.contains(&Recommend), "{text}: {got:?}");
        }
    }

    /// Advice to other buyers as electronics reviews word it, written before running them
    /// (twenty-fifth session; 27 of 30 right before), and look-alikes.
    #[test]
    fn advice_to_other_buyers_in_device_reviews() {
        assert_each(
            &[
                "I'd advise anyone with small hands to try it in a store first.",
                "Anyone thinking about this phone should wait for the next version.",
                "People who travel a lot should get the bigger battery.",
                "Get one, you'll love it.",
            ],
            Recommend,
            true,
        );
        // Advising against stays a warning, not a recommendation too.
        let got = kinds("I'd advise against buying the Lumora Halo.", "en");
        assert!(got.contains(&Warn) && !got.contains(&Recommend), "{got:?}");
        assert_each(
            &[
                "I bought one for my wife and I think she will love it.",
                "Anyone who knows me knows I hate waiting.",
                "I was advised to restart it by support.",
            ],
            Recommend,
            false,
        );
    }

    /// Round 21: advice to others in English as reviews and forums word it (21 of 32 right before
    /// the round's fixes), found by reading the suggestion set's cross-validated misses, and the
    /// look-alikes the fixes must leave alone.
    #[test]
    fn advice_as_reviewers_word_it() {
        for (text, kind) in [
            (
                "Battery is meh but I still recommend the Lumora Halo.",
                Recommend,
            ),
            (
                "I can only recommend Kestrel Mobile, switched last year and never looked back.",
                Recommend,
            ),
            ("the Halo lamp is great . go for it !", Recommend),
            ("Seriously, get yourself a Lumora Halo.", Recommend),
            (
                "If you're in town, do visit the Lumora store on King Street.",
                Recommend,
            ),
            (
                "Pls add a pause button to Fernway subscriptions.",
                Recommend,
            ),
            ("Can we have an export button in the Lumora app?", Recommend),
            (
                "Ideally Fernway would let you pick the delivery day.",
                Recommend,
            ),
            (
                "Lumora could use a better app, the current one is clunky.",
                Recommend,
            ),
            (
                "Don't get fooled by the Fernway ads, the boxes are tiny.",
                Warn,
            ),
        ] {
            let got = kinds(text, "en");
            assert!(got.contains(&kind), "{text}: {got:?}");
        }
        for (text, kind) in [
            ("I went for it and bought the Halo last week.", Recommend),
            (
                "We still recommended them to my dad before the outage.",
                Recommend,
            ),
            (
                "Could use a hand here, Kestrel support hasn't replied in days.",
                Recommend,
            ),
            (
                "It would be nice if they answered the phone for once.",
                Recommend,
            ),
            ("Do you have the Halo in white?", Recommend),
        ] {
            let got = kinds(text, "en");
            assert!(!got.contains(&kind), "{text}: {got:?}");
        }
        // A wish "for once" is sarcasm, a complaint.
        let got = kinds(
            "It would be nice if they answered the phone for once.",
            "en",
        );
        assert!(got.contains(&Complaint), "{got:?}");
        // "Don't be fooled by …" takes its side from what follows it.
        let e = crate::classify::sentiment::SentimentEngine::new();
        let d = SignalDetector::new();
        for (text, kind) in [
            (
                "Don't be fooled by the small size, the Halo is really bright.",
                Recommend,
            ),
            (
                "Don't be fooled by the glossy photos, the lamp feels cheap and flimsy.",
                Warn,
            ),
        ] {
            let s = e.score(text, "en", None);
            let got: Vec<_> = d
                .detect(text, "en", &s)
                .into_iter()
                .map(|s| s.kind)
                .collect();
            assert!(got.contains(&kind), "{text}: {got:?}");
            let other = if kind == Warn { Recommend } else { Warn };
            assert!(!got.contains(&other), "{text}: {got:?}");
        }
    }

    /// Round 20: English complaints told as a story (4 of 12 right before the round's fixes),
    /// and trouble put right in the same sentence.
    #[test]
    fn complaints_told_as_a_story() {
        let d = SignalDetector::new();
        use ComplaintCategory::*;
        for (text, want) in [
            (
                "Driver marked my Fernway parcel as delivered but it's nowhere to be found.",
                Delivery,
            ),
            (
                "Fernway sent my order to an address I moved out of 2 years ago.",
                Delivery,
            ),
            (
                "Lumora keeps saying the refund \"has been processed\" but my bank says otherwise.",
                ReturnsRefunds,
            ),
            (
                "Kestrel Mobile's chatbot just loops me back to the FAQ page every time.",
                Support,
            ),
            (
                "Stitching on my Fernway backpack unravelled on day 3 of the trip.",
                Quality,
            ),
            (
                "Lumora took the money twice for one order and the basket still shows empty.",
                Checkout,
            ),
        ] {
            let sigs = d.detect(text, "en", &neutral());
            assert!(sigs.iter().any(|s| s.kind == Complaint), "{text}: {sigs:?}");
            let cats = d.categories(text, &sigs);
            assert!(cats.contains(&want), "{text}: {cats:?}");
        }
        let got = kinds(
            "Kestrel Mobile's support guy Dan stayed on the phone for an hour until it was fixed. Legend.",
            "en",
        );
        assert!(got.contains(&Praise), "{got:?}");
        let got = kinds(
            "Lumora refunded me within a day when the bulb arrived cracked. Top service.",
            "en",
        );
        assert!(!got.contains(&Complaint), "{got:?}");
        // The same trouble without the fix stays a complaint.
        let got = kinds(
            "The bulb arrived cracked. Lumora is ignoring my emails.",
            "en",
        );
        assert!(got.contains(&Complaint), "{got:?}");
    }

    /// Round 19: purchase intent and praise outside English as customers word them (6 of 30
    /// found before the round's fixes), and the look-alikes the fixes must leave alone.
    #[test]
    fn purchase_and_praise_idioms_outside_english() {
        for (text, lang, kind) in [
            (
                "Ya tengo en el carrito la tienda de Fernway.",
                "es",
                PurchaseIntent,
            ),
            (
                "Me estoy pensando seriamente comprar la Lumora Halo.",
                "es",
                PurchaseIntent,
            ),
            (
                "Qué maravilla de lámpara, Lumora se ha lucido.",
                "es",
                Praise,
            ),
            (
                "Je craque, je commande la lampe Lumora ce soir.",
                "fr",
                PurchaseIntent,
            ),
            (
                "J'ai mis la tente Fernway dans mon panier.",
                "fr",
                PurchaseIntent,
            ),
            ("Chapeau à Fernway, tente impeccable.", "fr", Praise),
            ("Ich hol mir morgen die Lumora Halo.", "de", PurchaseIntent),
            (
                "Das Fernway Zelt liegt schon im Warenkorb.",
                "de",
                PurchaseIntent,
            ),
            (
                "Ich spiele mit dem Gedanken, zu Kestrel Mobile zu wechseln.",
                "de",
                PurchaseIntent,
            ),
            ("Hut ab, Fernway, das Zelt ist der Hammer.", "de", Praise),
            (
                "Já coloquei a barraca da Fernway no carrinho.",
                "pt",
                PurchaseIntent,
            ),
            ("A Fernway mandou muito bem nessa barraca.", "pt", Praise),
            ("چادر Fernway رو گذاشتم تو سبد خرید", "fa", PurchaseIntent),
            ("Fernway واقعا سنگ تموم گذاشته", "fa", Praise),
            ("حطيت خيمة Fernway في السلة", "ar", PurchaseIntent),
            ("Fernway ابدعتوا والله، الخيمة روعة", "ar", Praise),
        ] {
            let text = match lang {
                "fa" | "ar" => crate::classify::lexicon::normalize(lang, text),
                _ => text.to_string(),
            };
            let got = kinds(&text, lang);
            assert!(got.contains(&kind), "{text}: {got:?}");
        }
        for (text, lang, kind) in [
            (
                "Vou levar minha mãe ao médico amanhã.",
                "pt",
                PurchaseIntent,
            ),
            (
                "J'ai acheté un chapeau à larges bords chez Fernway.",
                "fr",
                Praise,
            ),
            ("سبد خرید سایت Fernway کار نمیکنه", "fa", PurchaseIntent),
            (
                "Chegou no prazo e sem nenhum defeito, a Lumora é ótima.",
                "pt",
                Complaint,
            ),
        ] {
            let text = match lang {
                "fa" | "ar" => crate::classify::lexicon::normalize(lang, text),
                _ => text.to_string(),
            };
            let got = kinds(&text, lang);
            assert!(!got.contains(&kind), "{text}: {got:?}");
        }
        // "Without" denies a defect, not a refund.
        let got = kinds("Devolvi e fiquei sem reembolso, péssimo.", "pt");
        assert!(got.contains(&Complaint), "{got:?}");
    }

    /// Round 18: complaints and requests phrased as questions, written before running; each
    /// missed before its fix. Plain questions stay plain.
    #[test]
    fn complaints_and_requests_phrased_as_questions() {
        for (text, kind) in [
            (
                "Is anyone at Kestrel Mobile actually going to answer my email?",
                Complaint,
            ),
            (
                "How many more weeks until Lumora processes my refund?",
                Complaint,
            ),
            (
                "Why does Kestrel Mobile charge £5 just to get a paper bill?",
                Complaint,
            ),
            ("Is the Fernway website down for anyone else?", Complaint),
            ("Why won't Lumora accept my PayPal at checkout?", Complaint),
            (
                "Is it normal for a brand new Fernway tent to leak on the first night?",
                Complaint,
            ),
            ("How is Kestrel Mobile still allowed to operate?", Complaint),
            (
                "Who thought it was a good idea to make the Lumora app require an account?",
                Complaint,
            ),
            ("Lumora or Philips for a reading lamp?", AskRecommendation),
            (
                "Is Kestrel Mobile better than Vodafone for travel?",
                AskRecommendation,
            ),
            (
                "Thinking of getting a Fernway tent, thoughts?",
                AskRecommendation,
            ),
        ] {
            let got = kinds(text, "en");
            assert!(got.contains(&kind), "{text}: {got:?}");
        }
        for text in [
            "Is the Lumora Halo dimmable?",
            "Can I return a Fernway tent if I've used it once?",
            "How do I set up voicemail on Kestrel Mobile?",
            "How long until the new Halo launches?",
            "Is it normal to feel this excited about a lamp?",
        ] {
            let got = kinds(text, "en");
            assert!(!got.contains(&Complaint), "{text}: {got:?}");
        }
    }

    /// Round 17 (Arabic and Persian, written before running): theft by billing, goods paid for
    /// and never sent.
    #[test]
    fn arabic_theft_and_persian_goods_never_sent() {
        for (text, lang) in [
            ("Kestrel Mobile بيسرقوا الناس بالفواتير", "ar"),
            ("Fernway کلاهبرداره، پول گرفتن و جنس نفرستادن", "fa"),
        ] {
            let text = crate::classify::lexicon::normalize(lang, text);
            let got = kinds(&text, lang);
            assert!(got.contains(&Complaint), "{text}: {got:?}");
        }
        // "يسرقون" inside a longer word is no theft.
        let text = crate::classify::lexicon::normalize("ar", "مسلسل يسرقونهم الليلة");
        assert!(!kinds(&text, "ar").contains(&Complaint));
    }

    /// Round 23 (Arabic): "worth it" denied is no recommendation but the complaint that it is
    /// not worth it, also "no longer"; a broken order and being fed up are complaints.
    #[test]
    fn arabic_worth_it_denied_and_broken_orders() {
        let of = |t: &str| {
            let text = crate::classify::lexicon::normalize("ar", t);
            kinds(&text, "ar")
        };
        for t in [
            "ما يستاهل",
            "صراحة ما عاد يستاهل",
            "لم يعد Kestrel يستحق السعر",
        ] {
            let got = of(t);
            assert!(got.contains(&Complaint), "{t}: {got:?}");
            assert!(!got.contains(&Recommend), "{t}: {got:?}");
        }
        assert!(of("منتج ممتاز يستاهل").contains(&Recommend));
        for t in ["الطلب بايظ", "زهقت من الشركة"] {
            assert!(of(t).contains(&Complaint), "{t}");
        }
        // Persian: a problem still not solved.
        let fa = crate::classify::lexicon::normalize("fa", "مشکل اینترنت هنوز حل نشده");
        assert!(kinds(&fa, "fa").contains(&Complaint));
    }

    /// Round 16: social posts' shorthand, written before running; each missed before its fix.
    #[test]
    fn social_shorthand_signals() {
        for (text, kind) in [
            ("Lumora Halo >>> every other lamp", Praise),
            ("Kestrel Mobile < literally any other network", Complaint),
            ("im so done with Kestrel Mobile fr", ChurnIntent),
            ("not me waiting 3 weeks for my Fernway order 🙃", Complaint),
            (
                "tech support from Kestrel is literally - nonexistent.",
                Complaint,
            ),
            ("Kestrel Mobile has been down all day, again.", Complaint),
        ] {
            let got = kinds(text, "en");
            assert!(got.contains(&kind), "{text}: {got:?}");
        }
        // Quoted replies and arrows compare nothing.
        for text in [
            "> any other ideas?",
            "Settings > Network > any other option",
        ] {
            let got = kinds(text, "en");
            assert!(
                !got.contains(&Praise) && !got.contains(&Complaint),
                "{text}: {got:?}"
            );
        }
    }

    /// Round 15: a one-word verdict negated is praise in Spanish, French, German and Portuguese,
    /// and trouble that ends on a lone word of praise is sarcasm in each of them.
    #[test]
    fn negated_verdicts_and_sarcastic_ones_in_four_languages() {
        for (text, lang) in [
            ("Pas déçu du tout par ma tente Fernway !", "fr"),
            ("Lumora ne m'a jamais déçu.", "fr"),
            ("Bin echt nicht enttäuscht von Fernway, top Zelt.", "de"),
            ("La lámpara no es mala para el precio.", "es"),
        ] {
            let got = kinds(text, lang);
            assert!(!got.contains(&Complaint), "{text}: {got:?}");
        }
        // The complaint itself, negated noun or comparison: still complaints.
        for (text, lang) in [
            ("Immer noch keine Erstattung von Fernway, Frechheit.", "de"),
            ("Kestrel Mobile est plus nul que jamais.", "fr"),
            // A match that no negator denies stands: "nul" after "pas déçu".
            ("Pas déçu par la livraison, mais le produit est nul.", "fr"),
        ] {
            let got = kinds(text, lang);
            assert!(got.contains(&Complaint), "{text}: {got:?}");
        }
        let d = SignalDetector::new();
        // The verdict is inverted in the sentiment whichever complaint rule won the signal.
        let sarcastic = |text: &str, lang: &str| {
            d.detect_with_requests(text, lang, &neutral())
                .sarcasm
                .is_some()
        };
        for (text, lang) in [
            (
                "Ni una sola respuesta de Kestrel Mobile en tres días. Genial.",
                "es",
            ),
            (
                "Colis Fernway perdu, toujours pas de réponse. Génial.",
                "fr",
            ),
            (
                "Kestrel Mobile funktioniert schon wieder nicht. Super.",
                "de",
            ),
            (
                "Pedido da Fernway atrasado, ninguém responde. Parabéns.",
                "pt",
            ),
        ] {
            assert!(sarcastic(text, lang), "{text}");
        }
        for (text, lang) in [
            ("Llegó tarde pero en perfecto estado. Genial.", "es"),
            ("Paket von Fernway kam pünktlich. Super!", "de"),
            ("A Lumora chegou antes do prazo. Parabéns!", "pt"),
        ] {
            assert!(!sarcastic(text, lang), "{text}");
        }
    }

    #[test]
    fn intents_as_customers_word_them() {
        for (text, lang) in [
            (
                "Just put in my notice with Kestrel Mobile, porting my number tomorrow.",
                "en",
            ),
            ("Closing my Fernway account today.", "en"),
            ("My last order from Fernway. Ever.", "en"),
            ("Going to take my business elsewhere, Fernway.", "en"),
            (
                "Time to find a new carrier, Kestrel Mobile has been down three days.",
                "en",
            ),
            (
                "Kestrel Mobile just lost another customer, porting out on Monday.",
                "en",
            ),
            (
                "Looking into other carriers because Kestrel keeps dropping my calls.",
                "en",
            ),
            (
                "Goodbye Lumora, hello cheap bulbs from the supermarket.",
                "en",
            ),
            ("Fernway won't be getting any more of my money.", "en"),
            (
                "Ready to jump ship from Kestrel Mobile the second my contract is up.",
                "en",
            ),
            (
                "Switching my whole family off Kestrel Mobile next month.",
                "en",
            ),
            ("Me cambio de compañía, adiós Kestrel Mobile.", "es"),
            ("Estoy pensando en cambiarme a otra operadora.", "es"),
            ("Je quitte Fernway, plus jamais.", "fr"),
            ("Ich bin kurz davor, Kestrel Mobile zu kündigen.", "de"),
            (
                "Vou sair da Kestrel Mobile assim que acabar a fidelidade.",
                "pt",
            ),
            ("قررت الغي اشتراكي مع Kestrel Mobile.", "ar"),
            // A third round, written after the second's fixes.
            ("Kestrel Mobile, consider this my notice.", "en"),
            (
                "Already shopping around for a new network, Kestrel is hopeless.",
                "en",
            ),
            (
                "En cuanto acabe la permanencia me voy de Kestrel Mobile.",
                "es",
            ),
            ("Kestrel Mobile hat mich als Kunden verloren.", "de"),
        ] {
            let got = kinds(text, lang);
            assert!(got.contains(&ChurnIntent), "{text}: {got:?}");
        }
        for (text, lang) in [
            ("Will be picking up a Kestrel Mobile SIM tomorrow.", "en"),
            (
                "Definitely buying a Fernway sleeping bag before our trip.",
                "en",
            ),
            (
                "My wife and I are getting Lumora lights for the new house.",
                "en",
            ),
            (
                "Been eyeing the Fernway backpack for months, think it's time.",
                "en",
            ),
            ("Signing up with Kestrel Mobile next week.", "en"),
            (
                "Shortlisted the Lumora Halo, ordering once it's back in stock.",
                "en",
            ),
            ("Treating myself to a Lumora Halo this Christmas.", "en"),
            (
                "Heading to Fernway on Saturday to get fitted for hiking boots.",
                "en",
            ),
            ("Just placed an order for two Lumora Halos.", "en"),
            ("Seriously tempted by the Lumora Halo in the sale.", "en"),
            (
                "Would like to buy the Fernway down jacket, is it warm enough?",
                "en",
            ),
            (
                "Decided on the Lumora Halo over the cheaper ones, ordering Friday.",
                "en",
            ),
            ("Nächste Woche bestelle ich mir die Lumora Halo.", "de"),
            ("Lumora Halo is going straight on my Christmas list.", "en"),
            ("Finally caving and buying the Lumora Halo.", "en"),
            ("Ordering two more Lumora bulbs for the hallway.", "en"),
            ("Picking up my Kestrel Mobile phone this afternoon.", "en"),
            ("Je me laisse tenter par la Lumora Halo.", "fr"),
            ("Já separei o dinheiro pra comprar a Lumora Halo.", "pt"),
        ] {
            let got = kinds(text, lang);
            assert!(got.contains(&PurchaseIntent), "{text}: {got:?}");
        }
        for (text, kind) in [
            // A duplicate account deleted, not a provider left.
            ("Can u help me to delete my new account", ChurnIntent),
            // Notice given at work, a place left, a greeting.
            ("Handed in my notice at work today!", ChurnIntent),
            (
                "Leaving for the Alps tomorrow with my Fernway pack!",
                ChurnIntent,
            ),
            ("Goodbye 2025, you were rough.", ChurnIntent),
            ("My last order from Fernway was the best ever.", ChurnIntent),
            ("Taking my shoes off Monday night.", ChurnIntent),
            // Trouble got, a past narrative, a refund on its way.
            ("I'm getting an error every time I log in", PurchaseIntent),
            (
                "Buying a tent was the best decision of the trip.",
                PurchaseIntent,
            ),
            ("I'll be getting a refund, they said.", PurchaseIntent),
            ("The Fernway sale ends tomorrow.", PurchaseIntent),
            ("We decided on the date for the trip.", PurchaseIntent),
            ("Buying another one was a mistake.", PurchaseIntent),
            ("Picking up the kids this afternoon.", PurchaseIntent),
        ] {
            let got = kinds(text, "en");
            assert!(!got.contains(&kind), "{text}: {got:?}");
        }
        // German: considering a switch *to* a brand is no churn from it.
        assert!(
            !kinds("Ich überlege, zu Kestrel Mobile zu wechseln.", "de").contains(&ChurnIntent)
        );
        // Loyalty stated advises no one, for all its "never".
        for text in [
            "I'd never leave Kestrel Mobile, the coverage out here is unbeatable.",
            "We won't switch from Lumora, ever.",
        ] {
            let got = kinds(text, "en");
            assert!(
                !got.contains(&Warn) && !got.contains(&ChurnIntent),
                "{text}: {got:?}"
            );
        }
    }

    /// "You should have seen…" looks back and "I'm here if you need…" offers: neither is the
    /// advice its rule's words begin.
    #[test]
    fn counterfactuals_and_offers_advise_no_one() {
        let d = SignalDetector::new();
        let rules = |t: &str| -> Vec<String> {
            d.detect(t, "en", &neutral())
                .into_iter()
                .map(|s| s.rule)
                .collect()
        };
        for (t, rule) in [
            (
                "You should have seen the queue at Fernway today.",
                "you_should",
            ),
            (
                "You should've told me the Halo was discontinued.",
                "you_should",
            ),
            (
                "You should have been there, Fernway's launch was mad.",
                "suggestion_to_improve",
            ),
            ("I'm here if you need to talk :)", "if_you_want"),
            ("Let me know if you need anything else.", "if_you_want"),
        ] {
            assert!(!rules(t).iter().any(|r| r == rule), "{t}: {:?}", rules(t));
        }
        assert!(counterfactual_after(" have seen the queue"));
        assert!(counterfactual_after("'ve tried harder"));
        assert!(!counterfactual_after(" have a look at the sale"));
        assert!(!counterfactual_after(" try the pasta"));
        assert!(offered_before("I'm here"));
        assert!(offered_before("let me know"));
        // A sentence's end between the two: "…work for me. If you want…" still advises.
        assert!(!offered_before("it didn't work for me."));
        assert!(!offered_before("Honestly,"));
    }

    /// "Should have" asks a maker for something, or regrets the author's own choice. (The rule
    /// is a weak one: whether its signal stands is the advice model's call, so the rule is read.)
    #[test]
    fn should_have_is_a_suggestion_unless_it_is_regret() {
        let d = SignalDetector::new();
        let suggests = |t: &str| d.fired_rules(t, "en").contains(&"suggestion_to_improve");
        assert!(suggests(
            "They should have made the player out of hard plastic."
        ));
        assert!(suggests("The app should have a dark mode."));
        assert!(!suggests("Should have listened to the reviews about Acme."));
        assert!(!suggests("I should have followed my instincts."));
    }

    /// Intents said the everyday way, from posts written before looking (fifteenth session).
    #[test]
    fn everyday_purchase_churn_and_warning() {
        for (text, kind) in [
            (
                "About to pull the trigger on a new Fernway pack",
                PurchaseIntent,
            ),
            ("Just put in my preorder for the new phone!", PurchaseIntent),
            (
                "Planning to upgrade to the pro plan this week",
                PurchaseIntent,
            ),
            ("My contract ends in May and I'm not renewing", ChurnIntent),
            ("Save yourself the headache and skip Acme", Warn),
        ] {
            assert!(kinds(text, "en").contains(&kind), "{text}: {kind:?}");
        }
        assert!(!kinds("Save yourself the headache and skip Acme", "en").contains(&Recommend));
    }

    /// An imperative opening a sentence advises, also after a linking word or a "while you're
    /// there" clause, and with the verbs of getting about. (A weak rule: the advice model decides.)
    #[test]
    fn imperatives_after_a_linking_word_or_clause_advise() {
        let d = SignalDetector::new();
        let advises = |t: &str| d.fired_rules(t, "en").contains(&"imperative_advice");
        for t in [
            "But get a room above the fourth floor!!",
            "While you're there, stop at the bakery and have a pastry.",
            "Go between 6 and 7pm when the crowds have thinned.",
            "Great hotel. Just walk to the old town, it takes ten minutes.",
            "The pool is small. Instead, head to the beach.",
        ] {
            assert!(advises(t), "{t}");
        }
        for t in [
            "We got a room above the fourth floor.",
            "While we were there, we stopped at the bakery.",
            "They go between cities every hour.",
        ] {
            assert!(!advises(t), "{t}");
        }
    }

    /// Leaving said the everyday way, and the complaints around an order and a device that the
    /// spot check of the ninth round found unread.
    #[test]
    fn everyday_churn_and_complaints() {
        let has = |t: &str, k: SignalKind| kinds(t, "en").contains(&k);
        assert!(has(
            "Thinking of leaving Kestrel Mobile when my contract ends",
            ChurnIntent
        ));
        assert!(has(
            "The staff were rude. Never going back to that branch.",
            ChurnIntent
        ));
        assert!(has("Never coming back, ever.", ChurnIntent));
        assert!(!has(
            "They said it was never coming back in stock",
            ChurnIntent
        ));
        assert!(has("Order cancelled again. Done with them.", ChurnIntent));
        assert!(!has("Done with the washing, off to the park", ChurnIntent));
        assert!(!has("Thinking of leaving early today", ChurnIntent));
        for text in [
            "Third time my Lumora order has been cancelled without explanation",
            "Ordered on Monday, still says processing",
            "The Acme X2 battery barely lasts half a day now",
            "Anyone else's signal dropping every evening?",
            "Why does the Acme app log me out every single day?",
        ] {
            assert!(has(text, Complaint), "{text}");
        }
        let d = SignalDetector::new();
        let cats = |text: &str| d.categories(text, &d.detect(text, "en", &neutral()));
        assert!(
            cats("Ordered on Monday, still says processing").contains(&ComplaintCategory::Delivery)
        );
        assert!(
            cats("The Acme X2 battery barely lasts half a day now")
                .contains(&ComplaintCategory::Quality)
        );
    }

    /// A product or service that fails is `quality` (the product working as sold), whatever it is:
    /// a device that stopped, clothes coming apart, food gone wrong, a utility that is off. A
    /// till's error is `checkout`, a phone nobody answers `support`.
    #[test]
    fn failing_products_and_services_are_quality() {
        let d = SignalDetector::new();
        // What the post is about, given that it complains.
        let complaint = a_complaint();
        let cats = |text: &str| d.categories(text, std::slice::from_ref(&complaint));
        for text in [
            "@acme your headphones went out on me after 2 weeks of usage",
            "@acme the stitching on my jacket is coming apart",
            "@acme the stop/answer button doesn't work. Anything we can do?",
            "@acme the fries were soggy and chewy again, so disappointed",
            "@acme we've had no broadband since 9am",
            "@acme we don't have power near the station",
            "@acme experiencing too much heating issue with my phone",
            "@acme my printer will not print 2 sided",
        ] {
            assert!(
                cats(text).contains(&ComplaintCategory::Quality),
                "{text}: {:?}",
                cats(text)
            );
        }
        assert!(
            cats("@acme so angry they short changed me by ten pound")
                .contains(&ComplaintCategory::Checkout)
        );
        assert!(
            cats("@acme your service centre phone keeps ringing, no one picking up")
                .contains(&ComplaintCategory::Support)
        );
        // Working, it is none.
        assert!(!cats("@acme the app is still not loading").contains(&ComplaintCategory::Quality));
    }

    /// "Is it worth it?" asks, in every language, with the question mark right after the words:
    /// a boundary class there ate the "?" the asking rule needs.
    #[test]
    fn worth_it_right_before_the_question_mark_asks() {
        for (text, lang) in [
            ("Alguém sabe se o Acme X2 vale a pena?", "pt"),
            ("¿El Acme X2 vale la pena?", "es"),
            ("Lohnt sich das Acme X2?", "de"),
        ] {
            let k = kinds(text, lang);
            assert!(k.contains(&AskRecommendation), "{text}: {k:?}");
            assert!(!k.contains(&Recommend), "{text}: {k:?}");
        }
        assert!(kinds("O Acme X2 vale a pena, recomendo", "pt").contains(&Recommend));
    }

    /// The third spot check of the ninth round: warnings and complaints in the words of
    /// forum posts.
    #[test]
    fn forum_warnings_and_complaints() {
        let has = |t: &str, k: SignalKind| kinds(t, "en").contains(&k);
        assert!(has(
            "I'd think twice before ordering from Fernway again.",
            Warn
        ));
        assert!(!has(
            "I'd think twice before ordering from Fernway again.",
            Recommend
        ));
        for text in [
            "PSA: Fernway will happily take your money and then ghost you",
            "Acme X2 overheats when gaming. Returned it.",
            "Kestrel Mobile throttles your data after 20GB",
            "My Kestrel Mobile bill doubled with no warning.",
            "Has anyone had luck getting a refund from Lumora? Been 6 weeks.",
            "The app pairing is a nightmare",
        ] {
            assert!(has(text, Complaint), "{text}");
        }
        assert!(!has(
            "Loved it so far. Been 6 weeks and counting",
            Complaint
        ));
        let d = SignalDetector::new();
        let text = "My Kestrel Mobile bill doubled with no warning.";
        let cats = d.categories(text, &d.detect(text, "en", &neutral()));
        assert!(cats.contains(&ComplaintCategory::Price), "{cats:?}");
    }

    /// A switch to a brand from one the post does not name gives the post no polarity; a switch
    /// from a named one does.
    #[test]
    fn a_switch_to_a_brand_is_not_evaluative() {
        let d = SignalDetector::new();
        let polarity = |t: &str| {
            let sigs = d.detect(t, "en", &neutral());
            d.evaluative(&sigs).map(|s| s.kind)
        };
        assert_eq!(polarity("Thinking about switching to Lumora"), None);
        assert_eq!(
            polarity("Thinking about switching from Fernway to Lumora"),
            Some(ChurnIntent)
        );
        assert_eq!(
            polarity("I'm thinking of cancelling my plan"),
            Some(ChurnIntent)
        );
    }

    /// "Why do so many people like it" counts people; "why is it so slow" complains.
    #[test]
    fn why_so_many_is_no_complaint() {
        let complains = |t: &str| kinds(t, "en").contains(&Complaint);
        assert!(!complains(
            "Why do so many people hate the Acme X2? Mine is fine."
        ));
        assert!(complains("Why is the Acme app so slow"));
        assert!(complains("why does it keep crashing"));
    }

    /// How posts say these things without the full sentence: no subject ("Going to buy"), an
    /// adverb in the way ("I'm finally leaving"), a request for an alternative, an order stuck.
    /// And what they must not catch: someone else's plan, or an alternative named in passing.
    #[test]
    fn churn_in_the_future_tense_and_warnings_inside_idioms() {
        let has = |t: &str, k: SignalKind| kinds(t, "en").contains(&k);
        assert!(has("Won't buy from them again", ChurnIntent));
        assert!(has("We won’t be back", ChurnIntent));
        assert!(has("I will never order from Fernway again", ChurnIntent));
        assert!(!has("We will be back", ChurnIntent));
        assert!(has(
            "Thinking about switching from Fernway to Acme",
            ChurnIntent
        ));
        assert!(has("I'm considering cancelling my plan", ChurnIntent));
        assert!(!has(
            "Thinking about moving to Denver next year",
            ChurnIntent
        ));
        assert!(!has("Just switched on the lamp", ChurnIntent));
        assert!(!has("Won't buy it, I will wait for the sale", ChurnIntent));
        // "can't recommend X enough" is the strongest recommendation, not a warning.
        assert!(!has("I can't recommend Fernway enough", Warn));
        assert!(!has("Can’t recommend them enough!", Warn));
        assert!(!has("We can not recommend this hotel highly enough.", Warn));
        assert!(has("I can't recommend Fernway", Warn));
        assert!(has("I can't recommend Fernway, not good enough", Warn));
        // Asking for a recommendation gives none, and praises nothing.
        let asked = kinds(
            "Can someone recommend a good lamp brand? Fernway or Lumora?",
            "en",
        );
        assert!(asked.contains(&AskRecommendation), "{asked:?}");
        assert!(!asked.contains(&Recommend), "{asked:?}");
    }

    #[test]
    fn intents_as_posts_write_them() {
        let has = |t: &str, k: SignalKind| kinds(t, "en").contains(&k);
        assert!(has("Going to buy the X2 this weekend", PurchaseIntent));
        // The author's purchase is no advice; the reader's may be.
        assert!(!has("Going to buy the Acme X2 tomorrow", Recommend));
        assert!(has(
            "if you thought about getting this phone buy it.",
            Recommend
        ));
        assert!(has(
            "Love the reviews. Gonna order one tonight",
            PurchaseIntent
        ));
        assert!(!has("Are you going to buy the X2?", PurchaseIntent));
        assert!(!has("They're going to buy the company", PurchaseIntent));
        assert!(has(
            "Customer for 10 years and I'm finally leaving for Globex",
            ChurnIntent
        ));
        assert!(has("What's a good alternative to Acme?", AskRecommendation));
        assert!(has("Looking for an alternative to Acme", AskRecommendation));
        assert!(!has(
            "It is an alternative to the ipod and a good one",
            AskRecommendation
        ));
        assert!(has(
            "My order has been stuck in processing for 2 weeks",
            Complaint
        ));
        assert!(has("Package in transit for three weeks now", Complaint));
        // "Anyone know" asks for a recommendation only when it asks for a good one.
        assert!(has(
            "Anyone know a good plumber in Leeds?",
            AskRecommendation
        ));
        assert!(has(
            "Anybody know where to buy a decent kettle?",
            AskRecommendation
        ));
        assert!(!has(
            "Does anyone know if Acme ships to Canada?",
            AskRecommendation
        ));
        assert!(!has(
            "Anyone know what this error means?",
            AskRecommendation
        ));
    }

    /// Tweets to brands' service handles, written before running them (twenty-seventh session;
    /// 26 of 30 signals and 20 of 30 categories right before): a parcel marked delivered that is
    /// nowhere, a size other than the one ordered, a plan cancelled with its handle between, a
    /// refund that came (no complaint), dead pixels (quality).
    #[test]
    fn tweets_to_service_handles() {
        assert_each(
            &[
                "Driver marked my parcel as delivered and it's nowhere. @Shipfast",
                "Ordered a large, got a small. Again.",
                "I ordered the salmon but was served the chicken",
            ],
            Complaint,
            true,
        );
        assert_each(
            &[
                "Ordered on Monday, got it Tuesday, brilliant",
                "I ordered a pizza and got a free drink with it",
                "@Northwear refund landed this morning, quicker than expected 👍",
                "@Northwear got my refund today, thanks",
            ],
            Complaint,
            false,
        );
        // A refund still not come is still one.
        assert_each(&["@Northwear still haven't got my refund"], Complaint, true);
        assert_each(
            &["Cancelling my @Streamly subscription, third price rise this year."],
            ChurnIntent,
            true,
        );
        let d = SignalDetector::new();
        let cats = |text: &str| d.categories(text, &d.detect(text, "en", &neutral()));
        assert_eq!(
            cats("Two weeks and the screen already has dead pixels. Not impressed @Visio"),
            vec![ComplaintCategory::Quality]
        );
    }

    /// "Cold", "missing" and "expired" complain only of what came or was served: a cold drink
    /// praised, a cold caught, someone missed are no complaints.
    #[test]
    fn cold_and_missing_complain_only_of_what_came() {
        assert_each(
            &[
                "The fries came cold",
                "My soup was cold",
                "The pizza arrived stone cold",
                "Two items were missing from my order",
                "They sold me expired milk",
            ],
            Complaint,
            true,
        );
        assert_each(
            &[
                "Nothing beats a cold beer after work.",
                "Brewlab cold brew is great",
                "I caught a cold",
                "Missing you guys",
                "It was cold outside but the room was warm",
            ],
            Complaint,
            false,
        );
    }

    /// Advice in hotel and product talk (twenty-seventh session): "skip" what a place or product
    /// sells, said with why or with what to do instead, warns; "skip the line" does not; "buy it,
    /// you'll love it" recommends.
    #[test]
    fn skip_the_extra_warns_and_buy_it_recommends() {
        assert_each(
            &[
                "Skip the buffet and eat in town.",
                "Skip the room service, it's overpriced.",
                "Honestly skip the extended warranty, it's a rip-off",
            ],
            Warn,
            true,
        );
        assert_each(
            &["Skip the line and order in the app", "Skip the buffet"],
            Warn,
            false,
        );
        assert_each(
            &["Buy it, you will love it.", "Get one. You won't regret it"],
            Recommend,
            true,
        );
    }

    /// Delivery, refund and support complaints in Spanish, French and German (twenty-seventh
    /// session; 21 of 24 right before): an order days "en reparto", a parcel "marqué livré", a case
    /// that cracked.
    #[test]
    fn latin_delivery_and_quality_complaints() {
        assert_each_in(
            &[
                (
                    "es",
                    "Mi pedido lleva dos semanas en reparto y nadie me dice nada.",
                ),
                ("fr", "Le colis est marqué livré mais je n'ai rien reçu."),
                ("fr", "La coque s'est fissurée au bout de deux jours."),
            ],
            Complaint,
            true,
        );
        let d = SignalDetector::new();
        let cats = |text: &str, lang: &str| d.categories(text, &d.detect(text, lang, &neutral()));
        assert_eq!(
            cats("Finger weg von diesem Shop, die Ware kam nie an.", "de"),
            vec![ComplaintCategory::Delivery]
        );
        assert_eq!(
            cats("La coque s'est fissurée au bout de deux jours.", "fr"),
            vec![ComplaintCategory::Quality]
        );
    }

    /// Persian and Arabic delivery, refund and support complaints (twenty-seventh session; 15 of
    /// 16 signals and 14 of 16 categories right before): a screen that "got a line" complains of
    /// quality, and "nobody answers" is support's.
    #[test]
    fn persian_screen_lines_and_unanswered_support() {
        assert_each_in(
            &[("fa", "بعد از دو هفته صفحه گوشی خط افتاد")],
            Complaint,
            true,
        );
        let d = SignalDetector::new();
        let cats = |t: &str| {
            let text = crate::classify::lexicon::normalize("fa", t);
            d.categories(&text, &d.detect(&text, "fa", &neutral()))
        };
        assert_eq!(
            cats("بعد از دو هفته صفحه گوشی خط افتاد"),
            vec![ComplaintCategory::Quality]
        );
        assert_eq!(
            cats("سفارشم یک هفته است که ارسال نشده و کسی جواب نمیده"),
            vec![ComplaintCategory::Delivery, ComplaintCategory::Support]
        );
    }

    /// Product reviews, written before running them (twenty-seventh session; 19 of 30 signals
    /// right before): the faults reviewers name (fabric that pilled "after one wash", a battery
    /// that stopped holding a charge, a chemical smell, a fan far too loud, a device hot while
    /// charging, a thing "not as described"), a return to the old brand. Denied or allayed, none
    /// is a complaint.
    #[test]
    fn product_reviews_name_their_faults() {
        assert_each(
            &[
                "Looked great in the photos but the fabric pilled after one wash.",
                "The shirt faded after one wash",
                "Stopped holding a charge after three weeks.",
                "Smells like chemicals even after airing it out for a week.",
                "Way too loud, my neighbours complained.",
                "The app constantly disconnects from the scale.",
                "Not as described, it's much smaller than in the pictures.",
                "Gets really hot while charging, a bit scary.",
                "Save your money, this one runs hot.",
            ],
            Complaint,
            true,
        );
        assert_each(
            &[
                "It doesn't smell like burning plastic when you open the drive.",
                "Smells like fresh coffee in here",
                "She's getting way too big!",
                "I was worried it would be too small but it fits perfectly.",
                "Customer support replaced a missing screw within two days, great service.",
            ],
            Complaint,
            false,
        );
        assert_each(
            &["Returning it and going back to my old brand."],
            ChurnIntent,
            true,
        );
        let d = SignalDetector::new();
        let cats = |text: &str| d.categories(text, &d.detect(text, "en", &neutral()));
        for text in [
            "The paint started chipping off within a week.",
            "Stopped holding a charge after three weeks.",
            "Gets really hot while charging, a bit scary.",
        ] {
            assert_eq!(cats(text), vec![ComplaintCategory::Quality], "{text}");
        }
    }

    /// Asking, buying, leaving and advising, written before running them (twenty-seventh
    /// session; 27 of 30 signals right before): "suggestions welcome" asks; "whatever you do,
    /// don't…" and "learn from my mistake" warn, "don't prepay" and "don't renew" too, but not
    /// said of oneself ("we never prepay for hotels").
    #[test]
    fn asking_and_advising_social_posts() {
        assert_each(
            &["Looking for a decent VPN that works in hotels, suggestions welcome"],
            AskRecommendation,
            true,
        );
        assert_each(
            &[
                "Whatever you do, don't upgrade to the new firmware.",
                "Learn from my mistake and don't prepay for a year with Homely.",
                "Don't renew with them, the price doubles in year two.",
            ],
            Warn,
            true,
        );
        assert_each(
            &[
                "We never prepay for hotels.",
                "I don't renew anything automatically anymore.",
            ],
            Warn,
            false,
        );
    }

    /// Tweets to airlines, telecoms, banks and shops, written before running them (twenty-seventh
    /// session; 24 of 30 signals and 18 of 30 categories right before).
    #[test]
    fn service_tweets_read_right() {
        assert_each(
            &[
                "@Streamly £3 more a month for the same content? Really?",
                "@Streamly constant buffering on every show tonight",
                "@Northwear it's been 14 working days since you received my return",
            ],
            Complaint,
            true,
        );
        assert_each(
            &["@Airlinea crew on the LIS-LHR flight were lovely, made my kid's day"],
            Praise,
            true,
        );
        assert_each(
            &[
                "@Telvo my contract is up next month and after this year I'm off to another provider",
            ],
            ChurnIntent,
            true,
        );
        assert_each(
            &[
                "Friendly reminder that @Airlinea will not refund you if they cancel. Book elsewhere.",
            ],
            Warn,
            true,
        );
        // A bank's fraud team is no scam; a fraud said of a company is a warning.
        assert_each(
            &["@Bankly fraud team caught a dodgy transaction before I even noticed. Impressed."],
            Warn,
            false,
        );
        assert_each(&["This company is a total fraud"], Warn, true);
        let d = SignalDetector::new();
        let cats = |text: &str| d.categories(text, &d.detect(text, "en", &neutral()));
        assert_eq!(
            cats("@Telvo why did my bill go up £6 this month without any notice?"),
            vec![ComplaintCategory::Price]
        );
        assert_eq!(
            cats(
                "@Homely I've explained my issue to four different people and nobody has fixed it"
            ),
            vec![ComplaintCategory::Support]
        );
        assert_eq!(
            cats("@Visio second monitor in a month with a dead backlight"),
            vec![ComplaintCategory::Quality]
        );
    }

    /// Twenty-eighth session's category rounds (60 complaints in seven languages, 31 of them with
    /// exactly the right categories before): a word that names what was bought ("ordered", "paid",
    /// "card", "email") names its category only when nothing else does.
    #[test]
    fn weak_category_words_yield_to_what_went_wrong() {
        use ComplaintCategory::*;
        let d = SignalDetector::new();
        // Categories of a complaint, whichever rule read it (some of these need the sentiment).
        let complaint = a_complaint();
        let cats = |text: &str, lang: &str| {
            let text = crate::classify::lexicon::normalize(lang, text);
            d.categories(&text, std::slice::from_ref(&complaint))
        };
        for (text, lang, want) in [
            (
                "I ordered the wireless earbuds and the left one stopped charging after 2 weeks",
                "en",
                vec![Quality],
            ),
            (
                "Ordered a blender last month and the motor already burned out. Junk.",
                "en",
                vec![Quality],
            ),
            (
                "paid premium price for a phone case that cracked in a week",
                "en",
                vec![Price, Quality],
            ),
            (
                "charged twice for one order and the second charge hasn't dropped off",
                "en",
                vec![Checkout],
            ),
            (
                "password reset email never arrives, so I can't get into my account at all",
                "en",
                vec![Website],
            ),
            // Alone, the weak words still say it.
            (
                "ordered 3 weeks ago and still nothing",
                "en",
                vec![Delivery],
            ),
            // What goes wrong with an order is strong.
            (
                "I have no idea where my order is and customer service is useless",
                "en",
                vec![Delivery, Support],
            ),
            (
                "your driver was rude and threw the bag at me",
                "en",
                vec![Delivery, Support],
            ),
            (
                "Pedí una freidora y a la semana dejó de calentar. Una porquería.",
                "es",
                vec![Quality],
            ),
            (
                "No puedo pagar con mi tarjeta en la web, me da error",
                "es",
                vec![Website, Checkout],
            ),
            (
                "Pedi o reembolso há um mês e até agora nada",
                "pt",
                vec![ReturnsRefunds],
            ),
            (
                "J'ai commandé un aspirateur, il est tombé en panne au bout de deux semaines",
                "fr",
                vec![Quality],
            ),
            ("Fuyez, commande jamais reçue.", "fr", vec![Delivery]),
            (
                "Abonnement passé de 9,99 à 13,99 € par mois, c'est abusé",
                "fr",
                vec![Price],
            ),
            (
                "Niemand bei der Hotline geht ran, ich hänge seit einer Stunde in der Warteschleife",
                "de",
                vec![Support],
            ),
            ("طلبي متأخر أسبوعين والتتبع ما يتحدث", "ar", vec![Delivery]),
            (
                "A £4.99 delivery fee on a £6 order is taking the mick",
                "en",
                vec![Price],
            ),
            (
                "Paid a £7 shipping charge and the parcel never arrived",
                "en",
                vec![Delivery],
            ),
            ("اشتريت سماعة وبعد أسبوع وقفت عن الشغل", "ar", vec![Quality]),
        ] {
            assert_eq!(cats(text, lang), want, "{text}");
        }
        // Each category once, whichever of its entries named it.
        assert_eq!(
            categories_of([6, 9, 10, 6].into_iter()),
            vec![Price, Quality]
        );
        assert_eq!(
            categories_of([12, 13].into_iter()),
            vec![Checkout, Delivery]
        );
        assert_eq!(categories_of(std::iter::empty()), vec![Other]);
    }

    /// The same rounds' complaints that no rule read.
    #[test]
    fn category_round_complaints_are_read() {
        let en = [
            "tried to pay 4 times and your site keeps saying my card was declined",
            "promo code SAVE20 isn't applying at checkout",
            "Tracking has said \"out for delivery\" since Tuesday. It's Friday.",
            "£14.99 a month for an app that used to be free? no thanks",
            "just got my renewal notice, 40% higher than last year for the same cover",
            "these \"waterproof\" boots let water in on the first walk",
            "The new update made the camera app laggy and the photos blurry",
        ];
        assert_each(&en, Complaint, true);
        assert_each_in(
            &[
                (
                    "es",
                    "Mi pedido lleva 10 días \"en preparación\" y nadie me da una fecha",
                ),
                (
                    "fr",
                    "Le service client ne répond ni au téléphone ni aux mails",
                ),
                (
                    "de",
                    "Paket seit einer Woche \"in Zustellung\", aber nichts kommt an",
                ),
                ("de", "Niemand bei der Hotline geht ran"),
                ("fa", "قیمت‌ها رو دو برابر کردن، واقعا بی‌انصافیه"),
                ("ar", "اشتريت سماعة وبعد أسبوع وقفت عن الشغل"),
            ],
            Complaint,
            true,
        );
        // The mixed-service round: food and fittings, slips of service, a handle cancelled.
        assert_each(
            &[
                "@Munchr my burger was raw in the middle. not ok",
                "@Homely the boiler you fitted last month is leaking already",
                "@Airlinea seat wouldn't recline and the entertainment screen was dead the whole flight",
                "@StayInn your booking site double-booked my room and now I'm standing in reception",
                "the agent on chat just copy-pasted the same answer three times",
                "@Northwear the courier says they tried to deliver but nobody knocked, I was home all day",
                "@Airlinea my bag didn't make it to Lisbon, again",
            ],
            Complaint,
            true,
        );
        assert_each(
            &["cancelling @Streamly after their support left me on read for a week"],
            ChurnIntent,
            true,
        );
        assert_each(&["@Munchr cancelled my order again"], ChurnIntent, false);
        // Good news in so many days, food still hot: no problem addressed to the brand.
        assert_each(
            &[
                "@Munchr food came 10 minutes early and still hot, impressed",
                "Returned my shoes and had the refund in 2 days, painless. @Northwear",
            ],
            Complaint,
            false,
        );
        let d = SignalDetector::new();
        use ComplaintCategory::*;
        // The round of complaints about ads, policies, noise and looks.
        assert_each(
            &[
                "@Streamly way too many ads now, 4 in a single episode",
                "@Munchr your live chat closes at 6pm, what am I supposed to do at dinner time",
                "@StayInn paper-thin walls, could hear the couple next door all night",
                "@Visio colours on this screen are washed out compared to the photos",
                "@Streamly removing my favourite show without any warning",
                "@Telvo not paying £45 for 5G I never get",
            ],
            Complaint,
            true,
        );
        assert_each(
            &["\"That girl comes without a warning... So addicting\""],
            Complaint,
            false,
        );
        assert_each(
            &["never fly @Airlinea if you have a connection, they don't wait for anyone"],
            Warn,
            true,
        );
        assert_each(
            &["@Telvo my contract ends in March and I'm gone"],
            ChurnIntent,
            true,
        );
        assert_each(
            &["@QuickShip driver went out of his way to bring it to my door in the rain. legend"],
            Complaint,
            false,
        );
        assert_each_in(
            &[
                (
                    "es",
                    "@Streamly ¿otra subida de precio? ya van tres este año",
                ),
                ("pt", "@Munchr a comida veio fria e o hambúrguer estava cru"),
                ("fa", "پشتیبانی @DigiShop سه روزه تیکت منو بی جواب گذاشته"),
            ],
            Complaint,
            true,
        );
        // A round of review-style complaints written after the fixes above (no handle, so only
        // the rules can read them).
        assert_each(
            &[
                "Ordered on the 2nd, promised by the 5th, turned up on the 14th.",
                "They charged a 15% restocking fee on an unopened return.",
                "Website wouldn't accept my postcode at checkout so I couldn't place the order",
                "Screen protector peeled at the corners within a week",
                "The store staff ignored me for 20 minutes while chatting to each other",
                "Got charged but the order never went through, now it's in limbo",
                "Warranty claim rejected because I \"dropped it\". I didn't.",
                "Battery went from 100 to 20 in two hours of light use",
            ],
            Complaint,
            true,
        );
        // The categories of these rounds' complaints. "Charged" alone is weak for checkout: a fee
        // charged is price, a battery charged nothing.
        for (text, want) in [
            (
                "They charged a 15% restocking fee on an unopened return.",
                vec![ReturnsRefunds, Price],
            ),
            (
                "@Bankly why was I charged a fee for a transfer you said was free",
                vec![Price],
            ),
            (
                "avoid @QuickShip, three parcels lost this year alone",
                vec![Delivery],
            ),
            (
                "@Visio monitor arrived with a dead pixel right in the middle",
                vec![Quality],
            ),
            ("@Visio my order still hasn't arrived", vec![Delivery]),
            (
                "the package arrived crushed and the lid was cracked",
                vec![Delivery, Quality],
            ),
            (
                "@StayInn £25 a night for parking on top of the room rate is a joke",
                vec![Price],
            ),
            (
                "Asked @GadgetBarn about my warranty claim 4 times, no answer",
                vec![ReturnsRefunds, Support],
            ),
            ("charged twice for one order", vec![Checkout]),
            (
                "Fernway charged my card but the order never showed up",
                vec![Checkout, Delivery],
            ),
            (
                "the hotel breakfast was cold and the coffee tasted burnt",
                vec![Quality],
            ),
        ] {
            assert_eq!(
                d.categories(text, std::slice::from_ref(&a_complaint())),
                want,
                "{text}"
            );
        }
        // Warnings of the multilingual round that no rule read.
        assert_each_in(
            &[
                ("es", "Ojo con @TiendaYa, no aceptan devoluciones"),
                ("fa", "از @سریع‌پست سفارش ندید، ارسالشون دو هفته طول میکشه"),
                ("ar", "لا تطلبوا من @توصيل_سريع، الطلب يتأخر كل مرة"),
            ],
            Warn,
            true,
        );
        // "just got" a bill or a reply is no purchase; "es kommt darauf an" no parcel.
        assert_each(
            &[
                "just got my renewal notice",
                "just got off the phone with them",
            ],
            PurchaseIntent,
            false,
        );
        assert_each(&["just got the new X2, so excited"], PurchaseIntent, true);
        assert_each_in(
            &[("de", "Es kommt darauf an, was man braucht")],
            Complaint,
            false,
        );
    }

    /// Whether each English text gives a signal of `kind`, as `want` says.
    fn assert_each(texts: &[&str], kind: SignalKind, want: bool) {
        let texts: Vec<(&str, &str)> = texts.iter().map(|t| ("en", *t)).collect();
        assert_each_in(&texts, kind, want);
    }

    /// [`assert_each`] of (language, text) pairs; Persian and Arabic texts are normalised first,
    /// as the classifier does.
    fn assert_each_in(texts: &[(&str, &str)], kind: SignalKind, want: bool) {
        for (lang, t) in texts {
            let text = match *lang {
                "fa" | "ar" => crate::classify::lexicon::normalize(lang, t),
                _ => t.to_string(),
            };
            let got = kinds(&text, lang);
            assert_eq!(
                got.contains(&kind),
                want,
                "{kind:?} in {lang} {t:?}: {got:?}"
            );
        }
    }

    /// A question asking readers for their best or worst, or what they do, reports no experience
    /// of the writer's and advises no one; the same words outside the question stand, and a
    /// question that suggests a thing is advice (the seventeenth session's posts from Reddit).
    #[test]
    fn questions_to_readers_are_not_reports() {
        expect_kind(
            &[
                "What was your worst customer service experience?",
                "[Serious] What's the worst airline you've flown?",
                "Parents of Reddit, what was your worst purchase?",
            ],
            Complaint,
            false,
        );
        expect_kind(
            &[
                "Who else thinks Kestrel support is the worst?",
                "Why is Kestrel support the worst?",
                "Kestrel support is the worst. What was yours like?",
                "What's the worst thing about the X2? For me it's the awful battery.",
            ],
            Complaint,
            true,
        );
        expect_kind(
            &["What's something you buy all the time but never use?"],
            Warn,
            false,
        );
        expect_kind(
            &[
                "If you could get one bag for free, which would it be?",
                "Do you consider yourself a gadget person?",
                "If you could change one thing about your phone, what would it be?",
                "What is a must see movie for a teenager?",
                "Have you tried turning it off and on again?",
                "@kestrel have you tried answering your phone?",
            ],
            Recommend,
            false,
        );
        expect_kind(
            &[
                "Why not try the Lumora X2?",
                "Have you tried Lumora?",
                "How about getting the daypack instead?",
            ],
            Recommend,
            true,
        );
        expect_kind(
            &["What is a must see movie for a teenager?"],
            AskRecommendation,
            true,
        );
        // Persian and Arabic: a worst asked for, and one said.
        assert_each_in(
            &[
                ("fa", "بدترین تجربه‌تون با یه فروشگاه اینترنتی چی بوده؟"),
                ("ar", "ايش أسوأ تجربة لكم مع شركة اتصالات؟"),
            ],
            Complaint,
            false,
        );
        assert_each_in(
            &[
                ("fa", "بدترین فروشگاه اینترنتی، سفارشم هنوز نرسیده"),
                ("ar", "أسوأ شركة اتصالات، النت مقطوع من يومين"),
                ("ar", "الخدمة الأسوأ!"),
            ],
            Complaint,
            true,
        );
        // "أسوأ" (worst) inside "أسواق" (markets, a chain's name) or "الأسواني" (a name) is none.
        assert_each_in(
            &[
                ("ar", "عروض أسواق العثيم هذا الأسبوع"),
                ("ar", "علاء الأسواني يكتب مقالا جديدا"),
            ],
            Complaint,
            false,
        );
        // The evidence moves to the match outside the question.
        let d = SignalDetector::new();
        let s = d.detect(
            "What's the worst thing about the X2? For me it's the awful battery.",
            "en",
            &neutral(),
        );
        let c = s.iter().find(|s| s.kind == Complaint).expect("a complaint");
        assert_eq!(c.evidence, "awful");
    }

    /// "Why is it so good?" wonders at a virtue: no complaint, and no ask whether it is any good;
    /// "why is it so slow?" complains.
    #[test]
    fn why_so_good_is_no_complaint() {
        let d = SignalDetector::new();
        let e = crate::classify::sentiment::SentimentEngine::new();
        let got = |t: &str| -> Vec<SignalKind> {
            d.detect(t, "en", &e.score(t, "en", None))
                .into_iter()
                .map(|s| s.kind)
                .collect()
        };
        for t in ["Why are Fernway bags so comfy?", "Why is Lumora so good?!"] {
            let k = got(t);
            assert!(
                !k.contains(&Complaint) && !k.contains(&AskRecommendation),
                "{t}: {k:?}"
            );
        }
        for t in [
            "Why is Kestrel so slow today?",
            "Why is it so hard to get a refund?",
        ] {
            assert!(got(t).contains(&Complaint), "{t}");
        }
    }

    /// Greetings, wishes and giveaways are positive and praise nothing; praise beside a greeting
    /// stands. "Good luck getting a refund" is sarcasm about service.
    #[test]
    fn greetings_wishes_and_giveaways_are_no_praise() {
        let d = SignalDetector::new();
        let e = crate::classify::sentiment::SentimentEngine::new();
        let got = |t: &str| -> Vec<(SignalKind, String)> {
            d.detect(t, "en", &e.score(t, "en", None))
                .into_iter()
                .map(|s| (s.kind, s.evidence))
                .collect()
        };
        for t in [
            "Merry Christmas and happy holidays from all of us!",
            "Good luck to you, see you next week",
            "I entered a giveaway for a chance to win a wonderful desk lamp!",
            "Enter to win a free backpack #giveaway",
        ] {
            let k = got(t);
            assert!(k.iter().all(|(k, _)| *k != Praise), "{t}: {k:?}");
        }
        let k = got("Happy holidays! The lamp is wonderful and the staff were amazing.");
        assert!(
            k.iter()
                .any(|(k, ev)| *k == Praise && ev.ends_with("amazing")),
            "{k:?}"
        );
        for t in [
            "Good luck getting a refund out of them",
            "good luck reaching anyone at support",
        ] {
            assert!(got(t).iter().any(|(k, _)| *k == Complaint), "{t}");
        }
        assert!(
            got("Good luck with the move!")
                .iter()
                .all(|(k, _)| *k != Complaint)
        );
    }

    #[test]
    fn where_a_question_begins() {
        assert_eq!(asks_readers("What was your worst purchase?"), Some(0));
        assert_eq!(
            asks_readers("Parents of Reddit, what was your worst purchase?"),
            Some(18)
        );
        assert_eq!(asks_readers("@acme [Serious] What is the best?"), Some(15));
        assert_eq!(asks_readers("If you won, what would you buy?"), Some(0));
        assert_eq!(asks_readers("Why is it the worst?"), None);
        assert_eq!(asks_readers("How about the X2?"), None);
        assert_eq!(asks_readers("Who else thinks so?"), None);
        assert_eq!(asks_readers("What was your worst purchase."), None);
        // A long clause before the comma is no address.
        assert_eq!(
            asks_readers("I bought the phone from Acme last year and the battery, what a joke?"),
            None
        );
        assert!(asks_throughout(
            "If you could change one thing, what would it be?"
        ));
        assert!(asks_throughout("Do you think so? Or have you met them?"));
        assert!(asks_throughout("RT @a: Is it worth it? https://t.co/x"));
        assert!(!asks_throughout(
            "love my new lamp anyone know where to get bulbs?"
        ));
        assert!(!asks_throughout("Great lamp. Where can I get bulbs?"));
        assert!(!asks_throughout("Planning a trip? https://t.co/x"));
        assert!(suggests("Why not try the X2?"));
        assert!(suggests("have you tried the X2?"));
        assert!(!suggests("Do you consider yourself attractive?"));
    }

    /// Outside English: buying, praising, advising and leaving as posts say them, and the same
    /// words denied ("no voy a comprar", "pas très satisfaite") or aimed elsewhere.
    #[test]
    fn purchase_praise_and_advice_in_every_language() {
        let purchases = [
            ("es", "Mañana me compro la mochila de Fernway."),
            ("es", "Estoy pensando en pedir la lámpara Lumora"),
            ("fr", "Je compte commander la lampe la semaine prochaine"),
            ("fr", "Je viens de commander une veste Fernway"),
            ("de", "Ich werde mir am Wochenende die neue Lampe bestellen"),
            ("de", "Ich bestelle mir morgen die Jacke"),
            ("pt", "Vou comprar a mochila na black friday"),
            ("pt", "Estou pensando em assinar o plano da Kestrel"),
            ("fa", "قصد دارم ماه بعد یه گوشی بخرم"),
            ("ar", "ناوي أطلب الجاكيت من Fernway"),
            ("ar", "هشتري واحد بكرة"),
            ("en", "Ordering the new lamp tonight, can't wait"),
            ("en", "My sister loves hers, so I'm giving them a shot."),
        ];
        assert_each_in(&purchases, PurchaseIntent, true);
        let not_purchases = [
            ("es", "No voy a comprar nada más en esa tienda"),
            ("fr", "Je ne vais pas commander chez eux"),
            ("de", "Ich werde mir das sicher nicht kaufen"),
            ("pt", "Não vou comprar de novo"),
            ("ar", "مش ناوي اشتري منهم تاني"),
            ("en", "Getting the kids ready for school tomorrow"),
        ];
        assert_each_in(&not_purchases, PurchaseIntent, false);
        let praise = [
            ("es", "Súper contenta con mi mochila nueva"),
            ("fr", "Très satisfaite de ma commande"),
            ("de", "Bin echt zufrieden mit dem Netz"),
            ("pt", "Amei a minha jaqueta nova"),
            ("fa", "از این گوشی خیلی راضیم."),
            ("ar", "الجهاز عجبني مره"),
        ];
        assert_each_in(&praise, Praise, true);
        let not_praise = [
            ("fr", "Je ne suis pas très satisfaite de ma commande"),
            ("de", "Ich bin nicht zufrieden mit dem Netz"),
            ("es", "No estoy muy contenta con el pedido"),
            ("fa", "از این گوشی ناراضی هستم"),
        ];
        assert_each_in(&not_praise, Praise, false);
        let recommends = [
            ("de", "Probiert Kestrel unbedingt mal aus!"),
            ("fr", "Essayez Lumora, vous verrez."),
            ("pt", "Testem a Fernway, qualidade ótima."),
            ("pt", "Eu indico demais essa loja"),
            ("es", "Pruébalo, no te vas a arrepentir"),
            ("en", "Honestly, just get it."),
            ("en", "If you're on the fence about the X2, just buy it."),
        ];
        assert_each_in(&recommends, Recommend, true);
        // The search a reader is spared is no warning.
        let spared = [(
            "en",
            "Don't waste time looking at anything else, just buy this one.",
        )];
        assert_each_in(&spared, Recommend, true);
        assert_each_in(&spared, Warn, false);
        let not_recommends = [
            ("fr", "Essayez de me rappeler demain"),
            ("en", "I just get it now, thanks for explaining"),
        ];
        assert_each_in(&not_recommends, Recommend, false);
        let warnings = [
            ("de", "Kauft bloß nichts bei denen"),
            ("de", "Kann ich niemandem empfehlen"),
            ("es", "Ni se os ocurra contratar esa compañía"),
            ("fr", "Je ne le recommande à personne"),
            ("pt", "Não indico essa loja"),
        ];
        assert_each_in(&warnings, Warn, true);
        assert_each_in(&warnings[..2], Recommend, false);
        let asks = [
            ("es", "¿Conocéis alguna alternativa a Kestrel?"),
            ("fr", "Une bonne alternative à Fernway ?"),
            ("de", "Gibt es eine gute Alternative zu Kestrel?"),
            ("pt", "Alguma alternativa à Kestrel?"),
            ("fa", "یه جایگزین خوب برای این اپراتور سراغ دارید؟"),
            ("ar", "في بديل أرخص؟"),
            ("en", "Anyone here have experience with Kestrel Mobile?"),
            ("en", "Would you recommend the X2 or something cheaper?"),
        ];
        assert_each_in(&asks, AskRecommendation, true);
        // The reader's doubt, answered, asks nothing.
        assert_each_in(
            &[("en", "If you're on the fence about the X2, just buy it.")],
            AskRecommendation,
            false,
        );
        let churn = [
            ("de", "Nie wieder bestelle ich dort."),
            ("de", "Da kaufe ich nie wieder."),
            ("es", "Nunca más compro en esa tienda"),
            ("fr", "Plus jamais je ne commande chez eux."),
            ("fr", "Je ne rachèterai plus jamais chez eux"),
            ("fa", "سیم کارتمو میخوام عوض کنم"),
            ("ar", "بلغي اشتراكي الشهر الجاي"),
        ];
        assert_each_in(&churn, ChurnIntent, true);
        let complaints = [
            ("en", "They charged my card twice and the page froze"),
            ("en", "The coating peels off after a month"),
            ("en", "It disconnects constantly"),
            ("en", "Refund finally came. Took them long enough."),
            ("es", "El repartidor dejó el paquete en la calle"),
            ("fr", "Colis arrivé avec dix jours de retard"),
            ("fr", "Qualité médiocre, la bouilloire fuit"),
            ("pt", "A loja cobrou duas vezes no cartão"),
            ("fa", "کیفش بعد از یک هفته پاره شد"),
            ("fa", "کیفیتش خیلی پایینه."),
            ("ar", "الموقع ما يقبل الدفع بالبطاقة"),
            ("ar", "التطبيق حقهم يعلق كل شوي"),
        ];
        assert_each_in(&complaints, Complaint, true);
        // "Without its quality going down" is praise of the camera.
        assert_each_in(&[("fa", "بدون اینکه کیفیتش پایین بیاد")], Complaint, false);
        // A broken thing replaced is trouble put right.
        assert_each_in(
            &[("en", "They replaced my broken kettle within a day!")],
            Complaint,
            false,
        );
    }

    /// A second round of posts, written after the first round's fixes and before looking: the
    /// phrasings it found missing.
    #[test]
    fn second_probe_round_phrasings() {
        let complaints = [
            ("en", "Checkout won't accept my Amex"),
            ("en", "They refused my warranty claim"),
            ("en", "The bulb flickers nonstop"),
            ("es", "Me han cobrado el envío dos veces"),
            ("fr", "Le SAV me balade depuis un mois"),
            ("fr", "Le site affiche une erreur quand je paie"),
            ("fr", "Les lampes tombent en panne"),
            ("de", "Die Lieferung hat drei Wochen gedauert"),
            ("de", "Die App lässt mich nicht mehr einloggen"),
            ("pt", "Ninguém apareceu no chat"),
            ("pt", "A bateria não dura nem uma hora"),
            ("pt", "O site caiu na hora da compra"),
            ("pt", "A loja não quer trocar o produto"),
            ("fa", "دو هفته است و هیچ خبری نیست"),
            ("ar", "كلمتهم خمس مرات ومحد حل مشكلتي"),
        ];
        assert_each_in(&complaints, Complaint, true);
        assert_each_in(
            &[("en", "Don't bother with the extended warranty")],
            Warn,
            true,
        );
        assert_each_in(
            &[
                ("es", "No perdáis el tiempo con esa tienda"),
                ("fr", "Ne perdez pas votre argent avec eux"),
            ],
            Warn,
            true,
        );
        let asks = [
            ("es", "¿Qué tal es Fernway?"),
            ("es", "¿Alguien ha comprado allí?"),
            ("fr", "Quelqu'un a déjà commandé chez eux ?"),
            ("fr", "C'est fiable ?"),
            ("pt", "Alguém já usou essa marca?"),
            ("fa", "کسی از این فروشگاه خرید کرده؟"),
            ("ar", "هل أحد طلب منهم قبل؟"),
        ];
        assert_each_in(&asks, AskRecommendation, true);
        assert_each_in(
            &[
                ("es", "Pienso cambiarme a otra compañía"),
                ("fr", "Je vais voir ailleurs."),
            ],
            ChurnIntent,
            true,
        );
        assert_each_in(
            &[("fr", "Je compte prendre un forfait chez eux")],
            PurchaseIntent,
            true,
        );
        assert_each_in(&[("de", "Super Service, danke!")], Praise, true);
    }

    /// A third round of posts, written after the second round's fixes and before looking.
    #[test]
    fn third_probe_round_phrasings() {
        let complaints = [
            ("en", "The courier marked it delivered but nothing came"),
            ("es", "Las zapatillas se despegaron al mes"),
            ("es", "Llevo una semana con la línea cortada"),
            ("es", "Nadie me ha llamado todavía"),
            ("fr", "Le chargeur a pris feu"),
            ("fr", "Le réseau coupe tout le temps"),
            ("de", "Die Schuhe sind nach einem Monat auseinandergefallen"),
            ("de", "Warum ist der Versand so teuer?"),
            ("pt", "Até agora não enviaram o pedido"),
            ("pt", "O tênis descolou a sola"),
            ("pt", "Veio uma cobrança indevida"),
            ("fa", "صفحه گوشی بعد از یک هفته سوخت"),
            ("ar", "النت مقطوع من يومين"),
            ("ar", "الشركة ما ترد على الاتصالات"),
            ("ar", "فواتيرهم كلها غلط"),
        ];
        assert_each_in(&complaints, Complaint, true);
        let warnings = [
            ("es", "No os fiéis de sus ofertas"),
            ("de", "Hände weg von diesen Steckdosen"),
            ("pt", "Não caiam nessa promoção"),
            ("ar", "لا تتعاملون مع هذي الشركة"),
        ];
        assert_each_in(&warnings, Warn, true);
        let asks = [
            (
                "en",
                "Anyone know if they have decent coverage in Cornwall?",
            ),
            ("fa", "به نظرتون این گوشی رو بخرم یا یه برند دیگه؟"),
            ("ar", "يستاهل سعره؟"),
        ];
        assert_each_in(&asks, AskRecommendation, true);
        assert_each_in(
            &[
                ("en", "Going to try the trail runners this spring."),
                ("de", "Habe mir gestern die Lampe bestellt"),
            ],
            PurchaseIntent,
            true,
        );
        // "Going to try to sleep" buys nothing.
        assert_each_in(
            &[("en", "Going to try to sleep now.")],
            PurchaseIntent,
            false,
        );
        assert_each_in(
            &[("en", "Moving my broadband away from them next month")],
            ChurnIntent,
            true,
        );
        assert_each_in(
            &[
                ("es", "Me devolvieron el dinero al momento, así da gusto."),
                ("fr", "Service client au top, merci"),
            ],
            Praise,
            true,
        );
    }

    /// A fourth round of posts, written after the third round's fixes and before looking.
    #[test]
    fn fourth_probe_round_phrasings() {
        let complaints = [
            (
                "en",
                "The zip on my new jacket snapped the first time I wore it",
            ),
            ("en", "My socks were soaked in ten minutes"),
            ("en", "The signal at home is non-existent"),
            ("es", "La app no me deja ver la factura, siempre da error"),
            ("es", "Llegó con una mancha y no quieren cambiarlo"),
            ("fr", "Le colis est bloqué en entrepôt depuis dix jours"),
            ("fr", "La lampe clignote, c'est n'importe quoi"),
            ("de", "Seit Wochen warte ich auf eine Antwort"),
            ("de", "Der Rucksack hat schon ein Loch"),
            ("de", "Sie haben mir den falschen Artikel geschickt"),
            ("pt", "Cortaram minha linha sem aviso"),
            ("pt", "A encomenda está parada nos correios"),
            ("pt", "A operadora não tem sinal na minha rua"),
            ("fa", "نت همش قطع و وصل میشه"),
            ("ar", "الشاحن خرب بعد أسبوع"),
        ];
        assert_each_in(&complaints, Complaint, true);
        let asks = [
            ("pt", "Qual é melhor, Lumora ou Acme?"),
            ("pt", "Tô em dúvida entre as duas"),
            ("ar", "ايش الأفضل هذا ولا ذاك؟"),
        ];
        assert_each_in(&asks, AskRecommendation, true);
        assert_each_in(
            &[
                ("es", "Recomendadísima la tienda"),
                ("fa", "واقعا راضی بودم، پیشنهادش میکنم."),
            ],
            Recommend,
            true,
        );
        assert_each_in(
            &[
                ("fr", "Elle vaut son prix, je ne regrette pas."),
                ("pt", "Atendimento nota mil"),
            ],
            Praise,
            true,
        );
        assert_each_in(
            &[("ar", "بطلت أتعامل معهم، رحت لشركة ثانية")],
            ChurnIntent,
            true,
        );
    }

    /// Outside English: asking for a recommendation (which is not one), leaving, and the
    /// complaints of being stopped at the till or left waiting, with what only looks like them.
    #[test]
    fn asking_leaving_and_stuck_in_other_languages() {
        let asks = [
            ("es", "¿Alguien me recomienda una buena tarifa móvil?"),
            ("es", "¿Qué me recomiendan para acampar?"),
            ("es", "¿Merece la pena la lámpara de Lumora?"),
            ("es", "¿Cuál es la mejor mochila?"),
            ("fr", "Quelqu'un peut me conseiller un bon sac à dos ?"),
            ("fr", "Vous me conseillez quoi ?"),
            ("fr", "Ça vaut le coup ?"),
            ("fr", "Quel est le meilleur forfait ?"),
            ("de", "Kann mir jemand einen guten Handyvertrag empfehlen?"),
            ("de", "Was würdet ihr mir empfehlen?"),
            ("de", "Lohnt sich die Lampe wirklich?"),
            ("de", "Habt ihr Erfahrungen mit Kestrel?"),
            ("pt", "Alguém recomenda uma operadora boa?"),
            ("pt", "Vale a pena a mochila da Fernway?"),
            ("pt", "Qual é a melhor operadora?"),
            ("pt", "Alguma dica de lâmpada?"),
            ("fa", "کسی می‌تونه یه اپراتور خوب پیشنهاد بده؟"),
            ("fa", "چی پیشنهاد می‌کنید؟"),
            ("fa", "ارزش خرید داره؟"),
            ("ar", "هل يمكن أن ينصحني أحد بشركة اتصالات جيدة؟"),
            ("ar", "ايش تنصحون؟"),
            ("ar", "هل يستاهل؟"),
            ("fr", "Vous me conseillez Lumora ou autre chose ?"),
            ("fa", "کسی Kestrel Mobile داره؟ راضیه؟"),
            ("ar", "هل أحد جرب Lumora؟"),
        ];
        assert_each_in(&asks, AskRecommendation, true);
        assert_each_in(&asks, Recommend, false);
        let recommends = [
            ("es", "Os recomiendo Lumora"),
            ("es", "Vale la pena cada centavo"),
            ("fr", "La lampe vaut vraiment le coup."),
            ("de", "Ich kann Fernway nur empfehlen"),
            ("pt", "Vale a pena, recomendo"),
            ("fa", "پیشنهاد می‌کنم"),
            ("ar", "أنصح الجميع بها"),
        ];
        assert_each_in(&recommends, Recommend, true);
        assert_each_in(&recommends, AskRecommendation, false);
        let churn = [
            ("es", "Me doy de baja de Kestrel"),
            ("es", "Voy a cambiarme de compañía"),
            ("es", "Me cambio a Movistar"),
            ("fr", "Je résilie mon forfait"),
            ("fr", "Je change d'opérateur"),
            ("de", "Ich kündige meinen Vertrag"),
            ("de", "Hab den Vertrag gekündigt"),
            ("de", "Ich wechsle jetzt zu Acme"),
            ("pt", "Vou cancelar meu plano"),
            ("pt", "Vou trocar de operadora"),
            ("fa", "اشتراک را لغو کردم"),
            ("ar", "راح الغي اشتراكي"),
            ("ar", "سألغي اشتراكي الشهر القادم"),
            ("fa", "خیلی گرونه، دارم میرم یه اپراتور دیگه"),
        ];
        assert_each_in(&churn, ChurnIntent, true);
        let not_churn = [
            ("es", "Voy a cambiarme de ropa"),
            ("es", "Me paso a recogerlo mañana"),
            ("de", "Ich wechsle die Batterie"),
            ("pt", "Vou trocar de roupa"),
            ("pt", "Vou sair da loja"),
        ];
        assert_each_in(&not_churn, ChurnIntent, false);
        let stuck = [
            ("es", "La app se cuelga cada vez que intento pagar"),
            ("es", "Imposible terminar la compra"),
            ("es", "Llevo tres semanas esperando"),
            ("es", "Tardaron un mes en enviarlo"),
            ("de", "Der Akku hält nicht mal einen Tag"),
            ("de", "Sie haben meine Bestellung einfach storniert"),
            ("pt", "Cancelaram meu pedido sem explicação"),
            ("pt", "Demorou demais para chegar"),
            ("es", "Llevamos dos días sin internet"),
            (
                "de",
                "Ich kann mich seit gestern nicht mehr in die App einloggen",
            ),
            ("ar", "تطبيق Kestrel لا يعمل منذ أمس"),
            ("fr", "Impossible de valider mon panier"),
            ("fr", "Ils m'ont facturé deux fois"),
            ("de", "Die Lieferung dauert ewig"),
            ("de", "Paket seit 10 Tagen unterwegs"),
            ("de", "Ich kann nicht bezahlen"),
            ("pt", "O site não carrega"),
            ("pt", "Não consigo finalizar a compra"),
            ("pt", "A mochila veio rasgada"),
            ("fa", "سایت موقع پرداخت خطا می‌دهد"),
            ("fa", "پولم را پس نداده‌اند"),
            ("fa", "پولم رو پس ندادن"),
            ("fa", "پولمو پس نمیدن"),
            ("ar", "الموقع لا يعمل عند الدفع"),
            ("ar", "لم أستطع إتمام الطلب"),
            ("ar", "خصموا المبلغ مرتين"),
            ("ar", "التطبيق يعلق كل شوية ومش بيفتح"),
            ("ar", "الشاشة انكسرت بعد اسبوع"),
            ("ar", "الفلوس ما رجعت لحد دلوقتي"),
            ("ar", "المنتج جيد لكن السعر مرتفع جدا"),
            ("es", "Me sube la tarifa otra vez sin avisar"),
            ("es", "El paquete llegó abierto y faltaba una pieza"),
            ("es", "Se fundió en una semana"),
            ("fr", "Ils ont augmenté leurs prix de 30%"),
            ("fr", "Colis perdu, et personne ne répond"),
            ("fr", "La lampe a grillé au bout de 3 jours"),
            ("de", "Sie haben mir zweimal Geld abgebucht"),
            ("de", "Der Support meldet sich nicht"),
            ("de", "Die Lampe ist nach einer Woche ausgefallen"),
            ("de", "Meine Bestellung ist nicht angekommen"),
            ("de", "Die App funktioniert seit dem Update nicht mehr"),
            ("de", "Das Login geht seit gestern nicht."),
            ("pt", "Aumentou o preço do plano sem avisar"),
            ("pt", "Até hoje não recebi"),
            ("pt", "Chegou com defeito e não querem trocar"),
            ("fa", "قیمت‌ها خیلی بالا رفته، دیگه نمی‌صرفه"),
            ("fa", "سفارشم دو هفته است که نرسیده"),
            ("fa", "کسی جواب تلفن را نمی‌دهد"),
            ("ar", "رفعوا الأسعار مرة ثانية"),
            ("ar", "ما رضوا يرجعوا الفلوس"),
            ("ar", "ماحد يرد على الرسايل"),
            ("ar", "مافي احد يرد"),
            ("ar", "الموظف ما رد علي"),
            ("ar", "الفلوس اتخصمت مرتين"),
            ("ar", "حاولت ألغي الطلب وما قدرت الغي"),
        ];
        assert_each_in(&stuck, Complaint, true);
        let warnings = [
            ("es", "No compréis nada en Fernway"),
            ("fr", "Ne perdez pas votre temps avec Lumora"),
            ("de", "Spart euch das Geld"),
            ("pt", "Não percam tempo com essa loja"),
        ];
        assert_each_in(&warnings, Warn, true);
        assert_each_in(&warnings, Recommend, false);
        let not_stuck = [
            ("es", "No puedo esperar a estrenarla"),
            ("ar", "أخي عاطل لا يعمل"),
            ("ar", "مش قادر افهم"),
            // "يعلق" hangs only when a thing does; a person comments ("يعلق على", comments on).
            ("ar", "الوزير يعلق على القرار"),
            // "nicht nur" is "not only".
            (
                "de",
                "Die App funktioniert nicht nur gut, sie ist auch schnell",
            ),
        ];
        assert_each_in(&not_stuck, Complaint, false);
    }

    /// Phrasings a fresh probe of customer posts found missed (2026-12-05): each kind in
    /// English, and recommend, warn and complaint in the other languages.
    #[test]
    fn customer_phrasings_found_missing_by_a_fresh_probe() {
        assert_each_in(
            &[
                ("en", "Save yourself the headache and shop elsewhere"),
                ("es", "Ojo con esta empresa, no devuelven el dinero"),
                ("de", "Bloß nicht bei denen bestellen"),
            ],
            Warn,
            true,
        );
        assert_each_in(
            &[("en", "Save yourself the headache and shop elsewhere")],
            Recommend,
            false,
        );
        assert_each_in(
            &[
                ("es", "Si buscáis auriculares, pillad estos"),
                ("es", "si necesitas un portátil, compra este"),
            ],
            Recommend,
            true,
        );
        assert_each_in(
            &[("en", "Which bank do you guys use?")],
            AskRecommendation,
            true,
        );
        assert_each_in(
            &[("en", "Saving up for the Fernway lamp")],
            PurchaseIntent,
            true,
        );
        assert_each_in(
            &[("en", "Done with this bank, moving my money")],
            ChurnIntent,
            true,
        );
        assert_each_in(
            &[
                (
                    "en",
                    "Got charged a cancellation fee I was never told about",
                ),
                ("en", "The checkout page keeps timing out"),
                ("de", "Die Rechnung ist falsch und keiner hilft"),
                ("pt", "O atendimento não resolve nada"),
                ("fa", "دو هفته است منتظر سفارشم هستم"),
                ("ar", "صار لي اسبوعين انتظر الطلب"),
            ],
            Complaint,
            true,
        );
        // Going elsewhere oneself is no warning to others, nor is moving house a churn.
        assert_each_in(&[("en", "We moved elsewhere last year")], Warn, false);
        assert_each_in(
            &[("en", "Moving my desk to the window")],
            ChurnIntent,
            false,
        );
    }

    /// How posts ask for a recommendation, and what only looks like asking; a recommendation
    /// inside the asking sentence is part of the question, one after it is not.
    #[test]
    fn asking_for_a_recommendation() {
        let has = |t: &str, k: SignalKind| kinds(t, "en").contains(&k);
        let asks = [
            "What's the best lamp brand?",
            "Which is better, Fernway or Acme?",
            "Recommendations for a good VPN?",
            "Suggestions for a decent coffee grinder please",
            "Can you guys recommend a good VPN?",
            "What do you recommend for a first camera?",
            "Where can I buy a good lamp?",
            "Is the Fernway X2 worth it?",
            "Is it worth upgrading to the X2?",
            "Has anyone tried the X2? Worth it?",
            "Is Kestrel legit?",
            "Is the new X2 any good?",
            "I need advice on which lamp to buy",
            "Need some advice mate. Worth getting the X2?",
            "I'm looking for recommendations on hiking boots",
            "Help me pick between Fernway and Acme",
            "Thinking of a new lamp, any advice",
            "Honestly can't tell if the Acme lamp is worth the hype",
            "Not sure whether Acme is any good",
            "On the fence about getting the Fernway X2",
        ];
        assert_each(&asks, AskRecommendation, true);
        assert_each(&asks, Recommend, false);
        let not_asking = [
            "Took your advice and bought the X2",
            "She is my go-to for literally any advice",
            "Your child will follow your example, not your advice.",
            "Need advice on exporting? Register for our masterclass",
            "@acme you good? are you good?",
            "Is everything good?",
            "Not sure if I locked the door",
            "Wondering if anyone else got the update",
        ];
        assert_each(&not_asking, AskRecommendation, false);
        // The advice after the question is advice.
        assert!(has(
            "Looking for a good lamp? Try the Fernway X2, it is great.",
            Recommend
        ));
    }

    /// Complaints, churn and praise as posts phrase them, and the look-alikes they must not take.
    #[test]
    fn complaints_churn_and_praise_as_posts_phrase_them() {
        let has = |t: &str, k: SignalKind| kinds(t, "en").contains(&k);
        let complaints = [
            "Anyone else having issues with the Acme app?",
            "I keep having problems with my Acme router",
            "The app keeps logging me out",
            "Lumora's new update is trash",
            "Quality has really gone downhill at Acme",
            "The stitching came apart",
            "The delivery guy left my Fernway package in the rain",
            "Box was soaked when it got here",
            "Ordered 3 weeks ago, tracking hasn't updated since day 2",
            "The app is a mess",
            "Support asked me to reset it for the 5th time. Not helpful.",
            "The website won't let me log in",
            "Password reset emails never arrive",
            "Acme support never answers",
            "Skip their boots, they leak",
        ];
        assert_each(&complaints, Complaint, true);
        let recommends = [
            "Can't recommend Fernway enough",
            "I cannot praise them highly enough",
            "Do yourself a favour and get the Ridge tent",
        ];
        assert_each(&recommends, Recommend, true);
        assert_each(&recommends, Warn, false);
        let warns = [
            "Do yourself a favour and skip Fernway's boots",
            "Do yourself a favor, avoid this shop",
        ];
        assert_each(&warns, Warn, true);
        assert_each(&warns, Recommend, false);
        assert_each(
            &["Thinking about the Halo, anyone have one?"],
            AskRecommendation,
            true,
        );
        assert_each(
            &["Shoutout to the support team, Jenny sorted my issue in 5 minutes!"],
            Praise,
            true,
        );
        // Look-alikes.
        assert_each(
            &[
                "The rain leaked into the tent through the door I left open",
                "Tracking updated this morning, it's out for delivery",
                "That was helpful, thanks",
            ],
            Complaint,
            false,
        );
        assert_each(
            &[
                "I've had no issues with it at all",
                "Some people have had trouble with theirs, mine has run well",
                "Everything is secure and it won't fall apart on you",
                "Take out the trash",
            ],
            Complaint,
            false,
        );
        assert!(has("Switching from Acme to Lumora next month", ChurnIntent));
        assert!(has("Ditching Acme for Lumora", ChurnIntent));
        assert!(!has("Leaving the house for work", ChurnIntent));
        assert!(has("Fernway's customer service is top notch", Praise));
        assert!(has("The sound quality is second to none", Praise));
    }

    #[test]
    fn a_request_is_its_sentence() {
        let t = "Love it. Can anyone recommend a good case? I recommend Fernway's.";
        let (a, b) = request_range(t, 9, 29);
        assert_eq!(&t[a..b], "Can anyone recommend a good case?");
        // Without an end: to the end of the text.
        let t = "any advice on the fernway app";
        assert_eq!(request_range(t, 0, 10), (0, t.len()));
        // A match that takes in its question mark ends there.
        let t = "Worth it? Yes, absolutely";
        assert_eq!(request_range(t, 0, 9), (0, 9));
        let Detected {
            signals, requests, ..
        } = SignalDetector::new().detect_with_requests(
            "Love it. Can anyone recommend a good case? I recommend Fernway's.",
            "en",
            &neutral(),
        );
        assert_eq!(requests, vec![(9, 42)]);
        let kinds: Vec<SignalKind> = signals.iter().map(|s| s.kind).collect();
        assert!(kinds.contains(&Recommend), "{kinds:?}");
        assert!(kinds.contains(&AskRecommendation), "{kinds:?}");
    }

    /// Phrasings a fifth round of fresh posts found unread (2026-12-05, eighteenth session), each
    /// with the look-alikes it must leave alone.
    #[test]
    fn fifth_round_phrasings_and_their_look_alikes() {
        use ComplaintCategory::*;
        // A lone word of praise after trouble is sarcasm, inverted in the sentiment.
        let d = SignalDetector::new();
        for (text, evidence) in [
            (
                "Spent 45 minutes on hold with Kestrel Mobile only to be cut off. Brilliant.",
                "on hold with Kestrel Mobile only to be cut off. Brilliant.",
            ),
            (
                "Flight got cancelled again. Brilliant.",
                "got cancelled again. Brilliant.",
            ),
            (
                "Website's been down since 9. Perfect. #fail",
                "been down since 9. Perfect. #fail",
            ),
            (
                "My parcel never arrived. Great job, Fernway.",
                "never arrived. Great job, Fernway.",
            ),
        ] {
            let found = d.detect_with_requests(text, "en", &neutral());
            assert_eq!(found.sarcasm.as_deref(), Some(evidence), "{text}");
            assert!(found.signals.iter().all(|s| s.kind != Praise), "{text}");
        }
        for text in [
            "The package arrived late but in perfect condition. Great.",
            "Delayed two hours, but the crew were lovely. Great.",
            "Bought it again. Love it.",
            "Dropped it twice, not a scratch. Amazing.",
            "My old lamp broke. Lumora sent a new one the next day. Great.",
        ] {
            let found = d.detect_with_requests(text, "en", &neutral());
            assert!(
                found.signals.iter().all(|s| s.rule != SARCASTIC_VERDICT),
                "{text}: {:?}",
                found.signals
            );
        }
        assert_each(
            &[
                "Kestrel Mobile put my bill up by £8 a month without telling me.",
                "They've jacked up the prices again",
                "My parcel has been 'in transit' for 19 days.",
                "Order stuck in customs for two weeks",
                "Fernway's website is so slow it took me ten minutes to add one thing to my basket.",
                "The app has been painfully slow all week",
                "Their coverage in Leeds is dire.",
            ],
            Complaint,
            true,
        );
        assert_each(
            &[
                "Put the kettle on and put my feet up",
                "It was in transit for 2 days and arrived fine",
                "A slow cooker is the best thing I bought this year",
                "Take it slow on the first ride",
            ],
            Complaint,
            false,
        );
        // Not the writer filling a cart: the infinitive of a complaint.
        assert_each(
            &["It took me ten minutes to add one thing to my basket"],
            PurchaseIntent,
            false,
        );
        assert_each(
            &[
                "Just put in an order for the Lumora Halo, can't wait for it to arrive!",
                "Planning to pick up a Lumora Halo on Black Friday if the price drops.",
                "I'm going to grab a Halo this weekend",
                "I've moved all my family's phones over to Kestrel Mobile",
            ],
            PurchaseIntent,
            true,
        );
        assert_each(
            &[
                "Thinking of dropping Kestrel Mobile once my contract's up",
                "I'm dropping Fernway after this",
            ],
            ChurnIntent,
            true,
        );
        assert_each(
            &["Thinking of dropping by later", "I'm dropping the kids off"],
            ChurnIntent,
            false,
        );
        assert_each(
            &[
                "Would you go for the Lumora Halo or save up for something fancier?",
                "What would you get, the X2 or the X3?",
            ],
            AskRecommendation,
            true,
        );
        assert_each(
            &["Would you go for a walk or stay in? I stayed in."],
            AskRecommendation,
            true,
        );
        assert_each(
            &["Been using the Lumora Halo for six months and I'd buy it again in a heartbeat."],
            Praise,
            true,
        );
        assert_each(
            &["I wouldn't buy it again", "I'd never buy it again"],
            Praise,
            false,
        );
        // Saving the reader a search recommends; saving them the trouble of a seller warns.
        let save =
            "If anyone's shopping for a desk lamp, save yourself the hassle and grab a Lumora.";
        assert_each(&[save], Recommend, true);
        assert_each(&[save], Warn, false);
        assert_each(
            &[
                "Save yourself the hassle and avoid Fernway",
                "Save yourself the headache.",
                "Steer well clear of Fernway's refurbished range",
            ],
            Warn,
            true,
        );
        // Categories: coverage is the product's quality, a bill put up its price, a refund in
        // every language its returns, "nobody replies to emails" its support.
        for (lang, text, want) in [
            (
                "en",
                "Thinking of dropping Kestrel Mobile, the signal at home is a joke",
                Quality,
            ),
            ("es", "La cobertura es pésima", Quality),
            ("de", "Das Netz ist einfach eine Katastrophe", Quality),
            ("pt", "O sinal aqui é horrível", Quality),
            ("en", "Kestrel Mobile put my bill up by £8 a month", Price),
            (
                "fr",
                "Toujours pas remboursée après un mois, c'est honteux",
                ReturnsRefunds,
            ),
            (
                "de",
                "Ware kam kaputt an und das Geld habe ich bis heute nicht zurück",
                ReturnsRefunds,
            ),
            (
                "pt",
                "Veio com defeito e até hoje não me devolveram o dinheiro",
                ReturnsRefunds,
            ),
            (
                "en",
                "Still waiting on my refund, nobody replies to emails",
                Support,
            ),
            ("es", "Mi pedido no llega y no contestan", Support),
            (
                "en",
                "Three late deliveries in a row is enough, I'm cancelling",
                Delivery,
            ),
        ] {
            let sigs = d.detect(text, lang, &neutral());
            let cats = d.categories(text, &sigs);
            assert!(cats.contains(&want), "{text}: {sigs:?} {cats:?}");
        }
    }

    /// Phrasings a sixth round of fresh posts found unread (2026-12-05, eighteenth session), with
    /// their look-alikes.
    #[test]
    fn sixth_round_phrasings_and_their_look_alikes() {
        use ComplaintCategory::*;
        let d = SignalDetector::new();
        assert_each(
            &[
                "Lumora's new firmware bricked my lamp.",
                "It's now an expensive paperweight",
                "Fernway keeps cancelling my orders with no explanation.",
                "They keep losing my parcels",
                "Lumora lamps look nice but the build quality is shocking for the price.",
                "The materials feel cheap",
            ],
            Complaint,
            true,
        );
        assert_each(
            &[
                "The quality is great",
                "She keeps cancelling our plans, lol",
                "Built like a brick, it will outlive me",
            ],
            Complaint,
            false,
        );
        assert_each(
            &["Honestly wouldn't bother with Kestrel Mobile, there are better deals out there."],
            Warn,
            true,
        );
        assert_each(
            &["Trust me, get the Lumora Halo over the cheap knock-offs."],
            Recommend,
            true,
        );
        assert_each(&["Trust me, I tried"], Recommend, false);
        assert_each(
            &[
                "Need a new phone plan, who do you lot use? Kestrel Mobile any good?",
                "Is their app any good?",
                "What's everyone's experience with Fernway?",
            ],
            AskRecommendation,
            true,
        );
        assert_each(&["Not any good at maths, me"], AskRecommendation, false);
        assert_each(
            &[
                "Kestrel Mobile support were brilliant, sorted my roaming issue in five minutes.",
                "Been with Kestrel Mobile 8 years and never had a reason to leave.",
            ],
            Praise,
            true,
        );
        assert_each(&["The support wasn't great"], Praise, false);
        assert_each(
            &["Might grab a Lumora Halo for my sister's birthday, she's always reading in bed."],
            PurchaseIntent,
            true,
        );
        assert_each(
            &["You might buy a lemon if you're not careful"],
            PurchaseIntent,
            false,
        );
        assert_each_in(
            &[("fr", "Je vais passer chez Kestrel Mobile le mois prochain")],
            PurchaseIntent,
            true,
        );
        assert_each_in(
            &[("fr", "Je passe chez ma mère ce soir")],
            PurchaseIntent,
            false,
        );
        assert_each_in(
            &[("fa", "اینترنت Kestrel Mobile خیلی ضعیفه، دارم عوضش میکنم.")],
            ChurnIntent,
            true,
        );
        assert_each_in(
            &[("ar", "ناوي ألغي اشتراكي، النت بطيء جدا.")],
            Complaint,
            true,
        );
        for (lang, text, want) in [
            ("en", "Lumora's new firmware bricked my lamp.", Quality),
            ("fr", "Ma lampe ne s'allume plus, je suis dégoûté", Quality),
            (
                "en",
                "Ten days and still no word on my warranty claim",
                ReturnsRefunds,
            ),
            ("ar", "الشحن متأخر أسبوعين وما أحد يرد علي", Support),
        ] {
            let text = match lang {
                "fa" | "ar" => crate::classify::lexicon::normalize(lang, text),
                _ => text.to_string(),
            };
            let sigs = d.detect(&text, lang, &neutral());
            let cats = d.categories(&text, &sigs);
            assert!(cats.contains(&want), "{text}: {sigs:?} {cats:?}");
        }
    }

    /// "PSA:", "Heads up," and the like open a warning to other customers when trouble follows
    /// in the next sentence or two; a shop's own notice, or the word inside a sentence, does not.
    #[test]
    fn a_heads_up_on_trouble_warns_other_customers() {
        assert_eq!(heads_up_opener("PSA: Fernway is late"), Some((0, 4)));
        assert_eq!(heads_up_opener("@acme Heads up, the fee"), Some((6, 15)));
        assert_eq!(heads_up_opener("FYI - it broke"), Some((0, 5)));
        assert_eq!(heads_up_opener("Word of warning: avoid"), Some((0, 16)));
        assert_eq!(heads_up_opener("Warning lights came on"), None);
        assert_eq!(heads_up_opener("PSAs are annoying, it broke"), None);
        assert_eq!(heads_up_opener("PSA:"), None);
        assert_eq!(heads_up_opener("FYI-it broke"), None);
        let d = SignalDetector::new();
        let signals = |t: &str| d.detect(t, "en", &neutral());
        for t in [
            "PSA: Fernway is running a fake sale, the 'was' prices were never real.",
            "Heads up: Lumora charges a restocking fee on returns.",
            "@fernway_help FYI - my order arrived damaged and support never replied.",
            "Word of warning: I ordered a sofa from Fernway. It never arrived.",
        ] {
            let got = signals(t);
            let warn = got.iter().find(|s| s.kind == Warn);
            assert_eq!(
                warn.map(|s| s.rule.as_str()),
                Some(HEADS_UP),
                "{t}: {got:?}"
            );
            assert!(got.iter().any(|s| s.kind == Complaint), "{t}: {got:?}");
        }
        // The self-protection such a post advises is part of the warning, not a recommendation.
        let got = signals(
            "PSA: Kestrel are charging a £5 'paper bill' fee even if you opted out. Check your statements.",
        );
        assert!(got.iter().any(|s| s.kind == Warn), "{got:?}");
        assert!(!got.iter().any(|s| s.kind == Recommend), "{got:?}");
        for t in [
            "PSA: we're open on Sunday from 10 till 4!",
            "Heads up: the new menu drops on Friday and it looks amazing.",
            "FYI, Fernway delivered in two days. Lovely sofa. Months later the neighbour's parcel was lost.",
            "My parcel is late. Warning: rant ahead.",
        ] {
            let got = signals(t);
            assert!(!got.iter().any(|s| s.rule == HEADS_UP), "{t}: {got:?}");
        }
    }

    /// Phrasings a seventh round of fresh posts found unread (2026-12-05, eighteenth session),
    /// with their look-alikes.
    #[test]
    fn seventh_round_phrasings_and_their_look_alikes() {
        assert_each(
            &[
                "Since the last update it won't even connect to my lamp",
                "Not gonna lie, I expected more from Lumora.",
                "The app is clunky",
                "Kestrel Mobile's roaming charges are daylight robbery.",
                "PSA: Fernway is running a fake sale",
                "They throttle you after 20GB",
                "Can someone explain why Fernway needs my date of birth to buy a cushion?",
            ],
            Complaint,
            true,
        );
        assert_each(
            &[
                "I expected it to arrive on Friday",
                "The app is clean and simple",
            ],
            Complaint,
            false,
        );
        // "Support replied" is the help desk, not a feature asked for.
        assert_each(
            &["My lamp arrived broken. Support replied within the hour."],
            Recommend,
            false,
        );
        assert_each(&["Support for dark mode please"], Recommend, true);
        assert_each(
            &["Switched from Acme to Kestrel Mobile. Should have done it years ago."],
            Praise,
            true,
        );
        assert_each(
            &["If you read at night, the Halo is exactly what you need."],
            Recommend,
            true,
        );
        assert_each_in(
            &[
                ("es", "Fernway me mandó el color equivocado"),
                ("pt", "A internet cai toda hora"),
                ("fa", "از Kestrel Mobile سیمکارت نگیرید، آنتن نمیده."),
                ("fa", "قیمت Lumora خیلی بالاست، ارزشش رو نداره."),
                ("ar", "الأسعار عند Fernway نار، ما تستاهل."),
            ],
            Complaint,
            true,
        );
        // A proverb's "does not deserve" is no verdict on a price.
        assert_each_in(
            &[(
                "ar",
                "كن شريفا لا لأن الناس يستحقون الشرف بل لأنك انت لا تستحق الخيانة",
            )],
            Complaint,
            false,
        );
        assert_each_in(
            &[(
                "es",
                "Si buscáis una lámpara buena, la Lumora Halo es lo que necesitáis.",
            )],
            Recommend,
            true,
        );
        assert_each_in(&[("pt", "Não assinem a Kestrel Mobile")], Warn, true);
        assert_each_in(&[("pt", "Não assinem a Kestrel Mobile")], Recommend, false);
        assert_each_in(
            &[
                ("fr", "Je compte résilier mon forfait Kestrel Mobile"),
                (
                    "de",
                    "Kestrel Mobile hat schon wieder die Preise erhöht, ich bin raus.",
                ),
            ],
            ChurnIntent,
            true,
        );
        assert_each_in(
            &[("fa", "میخوام یه چراغ Lumora بخرم، کدوم مدلش بهتره؟")],
            AskRecommendation,
            true,
        );
    }

    /// Complaints a fresh probe found unread or filed under `other` (2026-12-05), each with
    /// the category a brand team would file it under.
    #[test]
    fn probed_complaints_get_their_categories() {
        use ComplaintCategory::*;
        let d = SignalDetector::new();
        for (lang, text, want) in [
            ("en", "The app crashes every time I open it", Website),
            ("en", "Promo code won't apply at checkout", Checkout),
            ("en", "They won't accept my return", ReturnsRefunds),
            ("en", "Cheap plastic that snapped in a week", Quality),
            ("es", "El pedido lleva diez días sin llegar", Delivery),
            ("es", "Nadie del servicio al cliente contesta", Support),
            ("fr", "Les prix ont encore augmenté", Price),
            ("fr", "Le service client ne répond jamais", Support),
            ("ar", "المنتج انكسر بعد يومين", Quality),
            ("en", "They raised my bill again without telling me", Price),
            ("es", "Carísimo para lo que es", Price),
            (
                "fa",
                "کالا رو برگردوندم و هنوز پولم رو پس ندادن",
                ReturnsRefunds,
            ),
            ("en", "Don't buy it, the coating peels off", Quality),
            ("pt", "Não recomendo, queimaram em um mês", Quality),
            // Round 13, written before running: the three that missed.
            (
                "en",
                "Sent the Lumora lamp back a month ago and I'm still waiting on my money.",
                ReturnsRefunds,
            ),
            (
                "de",
                "Meine Fernway Bestellung ist seit zwei Wochen unterwegs, keine Sendungsverfolgung.",
                Delivery,
            ),
            (
                "ar",
                "رجعت مصباح Lumora ولسه ما استرجعت فلوسي",
                ReturnsRefunds,
            ),
        ] {
            let text = match lang {
                "fa" | "ar" => crate::classify::lexicon::normalize(lang, text),
                _ => text.to_string(),
            };
            let sigs = d.detect(&text, lang, &neutral());
            assert!(sigs.iter().any(|s| s.kind == Complaint), "{text}: {sigs:?}");
            let cats = d.categories(&text, &sigs);
            assert!(cats.contains(&want), "{text}: {cats:?}");
        }
    }

    /// The experience around a purchase as short Spanish, Portuguese, French and German posts put
    /// it (a probe of 108 such posts, 2026-12-07, read 36 of them as no complaint): each with the
    /// rule that reads it and the category a brand team would file it under; and the same
    /// phrasings denied, or the trouble put right, which are none.
    #[test]
    fn experience_complaints_in_four_languages() {
        use ComplaintCategory::*;
        let d = SignalDetector::new();
        for (lang, text, rule, want) in [
            (
                "es",
                "Acme no me devuelve el dinero",
                "es_sin_devolver",
                Some(ReturnsRefunds),
            ),
            (
                "es",
                "Acme, devolvedme mi dinero",
                "es_sin_devolver",
                Some(ReturnsRefunds),
            ),
            (
                "es",
                "Acme tarda mucho en responder",
                "es_sin_devolver",
                Some(Support),
            ),
            (
                "es",
                "Acme sigue sin contestar",
                "es_sin_devolver",
                Some(Support),
            ),
            (
                "es",
                "Llevo una hora al teléfono con Acme",
                "es_sin_devolver",
                Some(Support),
            ),
            (
                "es",
                "Acme cobra demasiado",
                "es_mala_atencion",
                Some(Price),
            ),
            (
                "es",
                "La calidad de Acme ha bajado mucho",
                "es_mala_atencion",
                Some(Quality),
            ),
            ("es", "Acme me ha timado", "es_mala_atencion", None),
            (
                "es",
                "Qué mala atención la de Acme",
                "es_mala_atencion",
                Some(Support),
            ),
            ("es", "Gracias Acme por nada", SARCASTIC_VERDICT, None),
            (
                "pt",
                "A Acme não devolve o dinheiro",
                "pt_sem_devolver",
                Some(ReturnsRefunds),
            ),
            (
                "pt",
                "Acme demora muito a responder",
                "pt_sem_devolver",
                Some(Support),
            ),
            (
                "pt",
                "Uma hora no telefone com a Acme",
                "pt_sem_devolver",
                Some(Support),
            ),
            ("pt", "Acme cobra demais", "pt_sem_devolver", Some(Price)),
            (
                "pt",
                "A qualidade da Acme caiu muito",
                "pt_sem_devolver",
                Some(Quality),
            ),
            (
                "pt",
                "O suporte da Acme é inútil",
                "pt_sem_devolver",
                Some(Support),
            ),
            ("pt", "Obrigado Acme por nada", SARCASTIC_VERDICT, None),
            (
                "fr",
                "Acme ne me rembourse pas",
                "fr_pas_rembourse",
                Some(ReturnsRefunds),
            ),
            (
                "fr",
                "Acme met des semaines à répondre",
                "fr_pas_rembourse",
                Some(Support),
            ),
            (
                "fr",
                "La livraison Acme n'est jamais arrivée",
                "fr_pas_rembourse",
                Some(Delivery),
            ),
            (
                "fr",
                "La qualité d'Acme a baissé",
                "fr_pas_rembourse",
                Some(Quality),
            ),
            ("fr", "Merci Acme pour rien", SARCASTIC_VERDICT, None),
            (
                "de",
                "Acme erstattet mir das Geld nicht",
                "de_kein_geld_zurueck",
                Some(ReturnsRefunds),
            ),
            (
                "de",
                "Acme braucht Wochen für eine Antwort",
                "de_kein_geld_zurueck",
                Some(Support),
            ),
            (
                "de",
                "Die Lieferung von Acme kam nie an",
                "de_kein_geld_zurueck",
                Some(Delivery),
            ),
            (
                "de",
                "Der Kundenservice von Acme ist schlecht",
                "de_kein_geld_zurueck",
                Some(Support),
            ),
            ("de", "Danke Acme für nichts", SARCASTIC_VERDICT, None),
            // A second round, phrased otherwise.
            (
                "es",
                "En Acme nadie coge el teléfono",
                "es_sin_devolver",
                Some(Support),
            ),
            (
                "pt",
                "A Acme não responde os emails",
                "pt_sem_devolver",
                Some(Support),
            ),
            (
                "fr",
                "Les prix d'Acme sont abusés",
                "fr_pas_rembourse",
                Some(Price),
            ),
            (
                "de",
                "Bei Acme geht niemand ans Telefon",
                "de_kein_geld_zurueck",
                Some(Support),
            ),
        ] {
            let sigs = d.detect(text, lang, &neutral());
            let c = sigs.iter().find(|s| s.kind == Complaint);
            assert_eq!(c.map(|s| s.rule.as_str()), Some(rule), "{text}: {sigs:?}");
            if let Some(want) = want {
                let cats = d.categories(text, &sigs);
                assert!(cats.contains(&want), "{text}: {cats:?}");
            }
        }
        for (lang, text) in [
            ("es", "Acme no tarda mucho en responder"),
            ("es", "La calidad de Acme no ha bajado nada"),
            ("es", "No me han timado nunca en Acme"),
            ("es", "Gracias Acme por todo"),
            ("pt", "A Acme não demora muito a responder"),
            ("pt", "O atendimento da Acme não é ruim"),
            ("fr", "Acme ne met pas des semaines à répondre"),
            ("fr", "Merci Acme pour tout"),
            ("de", "Acme hat mir das Geld sofort erstattet"),
            ("de", "Der Service ist nicht schlecht"),
            ("de", "Die Qualität hat nicht nachgelassen"),
            ("de", "Ich kam nicht an die Hotline ran"),
        ] {
            assert!(!kinds(text, lang).contains(&Complaint), "{text}");
        }
        // Warnings put as an imperative to readers.
        assert!(kinds("Ne commandez pas chez Acme", "fr").contains(&Warn));
        assert!(kinds("Bestellt nicht bei Acme", "de").contains(&Warn));
    }

    /// The same experience in short Persian and Arabic posts (a probe of 40, 2026-12-07: 14 of
    /// them read as no complaint, or as praise), read in normalised spelling as the classifier
    /// gives it; and the trouble put right, which is none.
    #[test]
    fn experience_complaints_in_persian_and_arabic() {
        use crate::classify::lexicon::normalize;
        let d = SignalDetector::new();
        for (lang, text, rule) in [
            ("fa", "Acme پولمو پس نمیده", "fa_moattal"),
            ("fa", "هنوز پولمو از Acme پس نگرفتم", "fa_moattal"),
            ("fa", "یک ساعت پشت خط Acme موندم", "fa_moattal"),
            ("fa", "Acme خیلی دیر جواب میده", "fa_moattal"),
            ("fa", "قیمت\u{200C}های Acme خیلی بالاست", "fa_moattal"),
            ("fa", "کیفیت Acme افت کرده", "fa_moattal"),
            ("fa", "Acme سرم کلاه گذاشت", "fa_moattal"),
            ("fa", "Acme دو بار از حسابم کم کرد", "fa_moattal"),
            ("fa", "Acme سفارشمو بدون دلیل لغو کرد", "fa_moattal"),
            ("fa", "مرسی Acme بابت هیچی", SARCASTIC_VERDICT),
            ("ar", "ساعة على الهاتف مع خدمة عملاء Acme", "ar_nasabou_alay"),
            ("ar", "Acme ضحكوا علي", "ar_nasabou_alay"),
            ("ar", "Acme الغوا طلبي بدون سبب", "ar_nasabou_alay"),
            ("ar", "ابي استرجع فلوسي من Acme", "ar_nasabou_alay"),
            ("ar", "شكرا Acme على ولا شي", SARCASTIC_VERDICT),
        ] {
            let text = normalize(lang, text);
            let sigs = d.detect(&text, lang, &neutral());
            let c = sigs.iter().find(|s| s.kind == Complaint);
            assert_eq!(c.map(|s| s.rule.as_str()), Some(rule), "{text}: {sigs:?}");
        }
        for (lang, text) in [
            ("fa", "Acme پولمو پس داد"),
            ("fa", "مرسی Acme بابت همه چی"),
            ("fa", "کیفیت Acme بهتر شده"),
            ("fa", "سفارشمو از Acme لغو کردم"),
            ("ar", "شكرا Acme على كل شي"),
            ("ar", "Acme رجعوا فلوسي بسرعة"),
        ] {
            let text = normalize(lang, text);
            assert!(!kinds(&text, lang).contains(&Complaint), "{text}");
        }
        // A scam and thieves are warnings, as "estafa" and "نصابين" are.
        assert!(kinds(&normalize("fa", "Acme کلاهبرداره"), "fa").contains(&Warn));
        assert!(kinds(&normalize("ar", "Acme حرامية"), "ar").contains(&Warn));
        // Not inside a tag's slogan ("its protectors are its thieves").
        let slogan = normalize("ar", "مسيرة اليوم #حاميها_حراميها");
        assert!(!kinds(&slogan, "ar").contains(&Warn));
    }

    /// Short English posts about money, answers and goods (a probe of 35, 2026-12-07: eleven read
    /// as no complaint), and the seller cancelling an order, which is no churn.
    #[test]
    fn money_kept_and_slow_answers_complain() {
        for text in [
            "Acme won't give me my money back",
            "Acme owes me money",
            "Acme stole my money",
            "Acme refund still pending after a month",
            "Acme takes forever to reply",
            "Been on the phone with Acme for 2 hours",
            "Acme charges way too much",
            "Acme ripped me off",
            "Acme scammed me",
            "Acme sells junk",
            "Acme quality isn't what it used to be",
        ] {
            let rules = SignalDetector::new().fired_rules(text, "en");
            assert!(rules.contains(&"money_kept"), "{text}: {rules:?}");
            assert!(kinds(text, "en").contains(&Complaint), "{text}");
        }
        for text in [
            "Acme refunded me in 2 days, great service",
            "Acme never scammed me",
        ] {
            assert!(!kinds(text, "en").contains(&Complaint), "{text}");
        }
        let d = SignalDetector::new();
        let cats = |t: &str| d.categories(t, &d.detect(t, "en", &neutral()));
        assert!(cats("Acme charges way too much").contains(&ComplaintCategory::Price));
        // The seller cancelled: a complaint, no churn. The author's own cancelling is churn.
        let seller = kinds("Acme cancelled my order for no reason", "en");
        assert!(seller.contains(&Complaint) && !seller.contains(&ChurnIntent));
        for text in [
            "Finally cancelled my Kestrel plan",
            "Cancelled my Acme plan today",
            "I cancelled my Acme subscription today",
        ] {
            assert!(kinds(text, "en").contains(&ChurnIntent), "{text}");
        }
    }

    #[test]
    fn complaints_have_categories_and_evidence() {
        let d = SignalDetector::new();
        let text = "Still waiting for my refund, 3 weeks later and no response from support";
        let sigs = d.detect(text, "en", &neutral());
        let c = sigs.iter().find(|s| s.kind == Complaint).unwrap();
        assert!(!c.evidence.is_empty());
        let cats = d.categories(text, &sigs);
        assert!(cats.contains(&ComplaintCategory::ReturnsRefunds));
        assert!(cats.contains(&ComplaintCategory::Support));
        assert!(d.categories("lovely day", &[]).is_empty());
        // "At all costs" is no price; "costs way too much" is.
        let price = |text: &str| {
            let sigs = d.detect(text, "en", &neutral());
            d.categories(text, &sigs)
                .contains(&ComplaintCategory::Price)
        };
        assert!(!price("Avoid Acme at all costs, they stole my money"));
        assert!(price("Acme costs way too much, total ripoff"));
        // Arabic "تطبيق" is an app before a brand's name, and an application (of a law) elsewhere.
        let website = |text: &str| {
            let text = crate::classify::lexicon::normalize("ar", text);
            let sigs = d.detect(&text, "ar", &neutral());
            d.categories(&text, &sigs)
                .contains(&ComplaintCategory::Website)
        };
        assert!(website("تطبيق Kestrel Mobile لا يعمل منذ أمس"));
        assert!(!website("لماذا تعارض تطبيق شرع الله ؟! هذا سيء"));
    }

    /// A problem word inside an idiom that means the opposite does not make a post to an account a
    /// complaint; the same word outside one still does, even in a post that also holds an idiom.
    #[test]
    fn trouble_put_right_is_no_complaint() {
        let d = SignalDetector::new();
        let complaint = |text: &str| {
            d.detect(text, "en", &neutral())
                .into_iter()
                .find(|s| s.kind == Complaint)
                .map(|s| s.rule)
        };
        for text in [
            "@comcast thank you so much for fixing my internet outage so quickly",
            "@acme the outage is fixed, thanks",
            "resolved the outage within an hour, great work @acme",
            "@acme talked to Sam, problem solved",
            "Shout out to @acme support for fixing my issue so fast",
        ] {
            assert_eq!(complaint(text), None, "{text}");
        }
        // Denied, or only asked for: still trouble.
        for text in [
            "@acme still haven't fixed my outage",
            "@acme the outage was not fixed",
            "@acme you never fixed my problem",
            "@acme can you fix the outage in my street",
            "@acme is yet to resolve my issue",
        ] {
            assert!(complaint(text).is_some(), "{text}");
        }
        // Sarcasm about the fix is a complaint of its own.
        assert_eq!(
            complaint("@acme thanks for fixing nothing").as_deref(),
            Some(SARCASM)
        );
    }

    /// "Avoid" with trouble for its object keeps trouble away: no warning. With a seller or a
    /// product for its object it is one.
    #[test]
    fn avoiding_trouble_warns_no_one() {
        let e = crate::classify::sentiment::SentimentEngine::new();
        let d = SignalDetector::new();
        let warns = |text: &str| {
            d.detect(text, "en", &e.score(text, "en", None))
                .iter()
                .any(|s| s.kind == Warn)
        };
        assert!(!warns(
            "Avoid the problem of a color cast with the white balance preset"
        ));
        assert!(warns("Avoid this seller"));
        assert!(warns("Avoid at all costs, the problem is the battery"));
    }

    #[test]
    fn subscriptions_that_will_not_let_go_are_complaints() {
        let d = SignalDetector::new();
        let rule = |text: &str| en_rules(&d, text);
        for text in [
            "Lumora keeps charging me after I cancelled my subscription",
            "Lumora makes it impossible to cancel online, you have to call",
            "Tried to cancel my Lumora membership and there's no button anywhere",
            "Still getting billed by Lumora three months after cancelling",
            "Lumora auto-renewed my plan without any warning",
            "Lumora won't let me cancel unless I phone them during office hours",
            "Cancelled Lumora in March, they took money again in April",
            "Lumora signed me up for a subscription I never asked for",
            "Lumora refuses to stop my direct debit",
            "I've unsubscribed from Lumora five times and still get their emails",
            "Lumora hid the cancel option behind six screens",
            "Lumora renewed my annual plan and won't refund it",
            "Lumora's free trial turned into a £79 charge without a reminder",
        ] {
            assert!(
                rule(text)
                    .iter()
                    .any(|r| r == "cant_cancel" || r == "renewed_unasked"),
                "{text}: {:?}",
                rule(text)
            );
        }
        for text in [
            "Cancelling Lumora was easy, two clicks and done",
            "Lumora stopped charging me the day I cancelled, fair play",
            "It's not hard to cancel Lumora, just go to settings",
            "Renewed my Lumora plan without thinking twice, love it",
        ] {
            assert!(
                !rule(text)
                    .iter()
                    .any(|r| r == "cant_cancel" || r == "renewed_unasked"),
                "{text}: {:?}",
                rule(text)
            );
        }
    }

    #[test]
    fn apps_and_sites_that_misbehave_are_complaints() {
        let d = SignalDetector::new();
        let rule = |text: &str| en_rules(&d, text);
        for text in [
            "Lumora's app logged me out again",
            "The Lumora checkout kept crashing",
            "Lumora's site kept timing out when I tried to pay",
            "Lumora app crashed three times today",
            "Stuck on the loading screen in the Lumora app",
            "Lumora app keeps asking me to log in",
            "Lumora app kicked me out mid-order",
            "The Lumora website keeps saying my address is invalid",
            "Lumora cart keeps emptying itself",
            "Lumora checkout page just spins forever",
            "The Lumora app keeps failing, third time today",
            "Lumora's app won't stop crashing",
        ] {
            assert!(
                rule(text).iter().any(|r| r == "app_misbehaves"),
                "{text}: {:?}",
                rule(text)
            );
        }
        for text in [
            "The bouncer kicked me out of the bar, fair enough",
            "Logged out and back in, all good now",
            "I keep crashing my bike on that corner",
            "Never stuck on anything with Lumora, the setup is easy",
            "My address is invalid on the old form, so I updated it",
            "The new Lumora app does not crash anymore, great update",
            "Lumora app is not crashing any more since the fix",
            "Lumora app stopped crashing after the update",
        ] {
            let complaint = d
                .detect(text, "en", &neutral())
                .iter()
                .any(|s| s.kind == Complaint);
            assert!(!complaint, "{text}: {:?}", rule(text));
        }
    }

    #[test]
    fn idioms_of_problem_words_are_not_addressed_problems() {
        let d = SignalDetector::new();
        let rule = |text: &str| en_rules(&d, text);
        for text in [
            "@acme can't wait for the new release",
            "@acme I couldn't agree more",
            "@acme couldn't put it down, what a read",
            "@acme tried it again today and no problems. Thanks!",
            "@acme talked to Sam, problem solved",
            "@acme my 10 year old kettle is still going strong",
            "@acme don't worry about it",
            // A problem fixed is praise, not a complaint.
            "Shout out to @acme support for fixing my issue so fast",
            // A week named is a date, not a wait.
            "Thinking about buying @lumora next week, any thoughts?",
            "Another great week partnering with @acme and her class!",
            // A plea for help is a request; a launch awaited is eagerness.
            "@acme can you help me move a seat?",
            "@acme when is the new mascara coming out in the UK?",
            "@acme when will the X2 be available to order?",
        ] {
            assert!(
                !rule(text).iter().any(|r| r == "addressed_problem"),
                "{text}: {:?}",
                rule(text)
            );
        }
        let sigs = d.detect(
            "@acme can't wait for the update, the app is stuck on login",
            "en",
            &neutral(),
        );
        let c = sigs.iter().find(|s| s.rule == "addressed_problem").unwrap();
        assert_eq!(c.evidence, "stuck");
        assert!(
            rule("@acme I can't pay my bill online")
                .iter()
                .any(|r| r == "addressed_problem")
        );
        // A wait counted is one.
        assert!(
            rule("@acme ordered 2 weeks ago, where is it")
                .iter()
                .any(|r| r == "addressed_problem")
        );
        // Trouble as customers word it to an account: a service that stopped, a product
        // withdrawn, something gone, a defect asked about, a wait that should be over.
        for text in [
            "@acme did the 50 bus stop running?",
            "@acme all the fans of the coach not running since yesterday",
            "@acme BRING BACK THE SRIRACHA SAUCE!",
            "@acme are you ever bringing back my pumpkin shake",
            "@acme all of my emails have disappeared",
            "@acme there is a line going through the screen, is this normal",
            "@acme the site keeps telling me the zipcode is out of range",
            "@acme my cashback should have arrived by the 15th",
            "@acme I shouldn't have to wait for a false suspension",
        ] {
            assert!(
                rule(text).iter().any(|r| r == "addressed_problem"),
                "{text}: {:?}",
                rule(text)
            );
        }
    }
}
