//! How much an author's voice counts: reach × brand affinity × relationship strength × authenticity.
//!
//! Follower counts alone mislead, so reach is only one factor and is log-scaled with a floor: every
//! customer is an influencer, and a person with 40 followers who recommends a brand still counts.
//! Authenticity discounts bots and the shapes fake-follower accounts leave (follow-farming ratios,
//! brand-new accounts, large audiences that never engage). Unknown inputs stay neutral, never zero.

use chrono::{DateTime, Utc};

use crate::model::{Author, Engagement, Influence, Mention, Signal, SignalKind};

/// Ten million followers is the top of the reach scale.
const REACH_TOP: f64 = 10_000_000.0;

pub fn score(m: &Mention, signals: &[Signal], now: DateTime<Utc>) -> Influence {
    score_of(&m.author, &m.engagement, &m.text, signals, now)
}

/// [`score`] of a mention given by its parts (the CLI's lines are not mentions).
pub fn score_of(
    a: &Author,
    e: &Engagement,
    text: &str,
    signals: &[Signal],
    now: DateTime<Utc>,
) -> Influence {
    let reach = match a.followers {
        Some(f) => ((1.0 + f as f64).ln() / (1.0 + REACH_TOP).ln()).min(1.0),
        None => 0.1,
    };

    let interactions: Option<u64> = [e.likes, e.reposts, e.replies]
        .iter()
        .flatten()
        .copied()
        .reduce(|x, y| x + y);

    // Relationship: how much the audience engages, per follower. Unknown → middle.
    let relationship = match (interactions, a.followers) {
        (Some(i), Some(f)) => 0.3 + 0.7 * ((i as f64 / (f as f64 + 1.0)) * 50.0).min(1.0),
        (Some(i), None) => 0.3 + 0.7 * ((i as f64 + 1.0).ln() / 100f64.ln()).min(1.0),
        _ => 0.5,
    };

    // Affinity: signs of expertise and credibility about the brand.
    let mut affinity: f64 = 0.5;
    if text.chars().count() > 200 {
        affinity += 0.15; // a detailed account of experience
    }
    if a.verified == Some(true) {
        affinity += 0.1;
    }
    if signals
        .iter()
        .any(|s| matches!(s.kind, SignalKind::Recommend | SignalKind::Warn))
    {
        affinity += 0.2; // speaks to others about the brand: word of mouth proper
    }
    let affinity = affinity.min(1.0);

    let mut authenticity: f64 = 1.0;
    if a.bot == Some(true) {
        authenticity *= 0.1;
    }
    if let Some(created) = a.created_at {
        let age_days = (now - created).num_days();
        if age_days < 30 {
            authenticity *= 0.5;
        }
    }
    if let (Some(fo), Some(fg)) = (a.followers, a.following)
        && fg > 1000
        && fg > fo.saturating_mul(20)
    {
        authenticity *= 0.5; // follow-farming
    }
    if let (Some(fo), Some(i)) = (a.followers, interactions)
        && fo > 10_000
        && (i as f64) < fo as f64 * 0.0001
    {
        authenticity *= 0.6; // a big audience that never engages: bought followers
    }
    if a.posts == Some(0) {
        authenticity *= 0.7;
    }

    let score = 100.0 * (0.2 + 0.8 * reach) * affinity * relationship * authenticity;
    Influence {
        reach: round3(reach),
        affinity: round3(affinity),
        relationship: round3(relationship),
        authenticity: round3(authenticity),
        score: round3(score),
    }
}

fn round3(x: f64) -> f64 {
    (x * 1000.0).round() / 1000.0
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::{Author, Engagement};

    fn mention(
        followers: Option<u64>,
        following: Option<u64>,
        likes: Option<u64>,
        bot: Option<bool>,
    ) -> Mention {
        Mention {
            id: "t:1".into(),
            source: Default::default(),
            url: None,
            text: "hello".into(),
            lang: None,
            created_at: None,
            fetched_at: None,
            author: Author {
                followers,
                following,
                bot,
                ..Default::default()
            },
            engagement: Engagement {
                likes,
                ..Default::default()
            },
            in_reply_to: None,
            thread_id: None,
            rating: None,
        }
    }

    #[test]
    fn bots_and_fake_followers_are_discounted() {
        let now = Utc::now();
        let real = score(&mention(Some(50_000), Some(300), Some(900), None), &[], now);
        let bought = score(&mention(Some(50_000), Some(300), Some(1), None), &[], now);
        let bot = score(
            &mention(Some(50_000), Some(300), Some(900), Some(true)),
            &[],
            now,
        );
        assert!(real.score > bought.score * 2.0, "{real:?} {bought:?}");
        assert!(bot.score < real.score / 5.0);
    }

    #[test]
    fn small_accounts_still_count() {
        let s = score(&mention(Some(40), Some(80), Some(5), None), &[], Utc::now());
        assert!(s.score > 5.0, "{s:?}");
        let unknown = score(&mention(None, None, None, None), &[], Utc::now());
        assert!(unknown.score > 0.0);
    }
}
