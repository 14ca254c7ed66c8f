//! Author profiles for feeds whose items carry no follower counts (Bluesky, YouTube): a bounded cache,
//! the parsers of each API's profile answer, and filling the mentions from it. Reach feeds the influence
//! score; a lookup that fails leaves it absent, never zero, and never holds a source back.

use std::collections::{HashMap, VecDeque};

use crate::model::Mention;

/// What a profile lookup tells about an author. Absent numbers stay absent.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct Profile {
    pub handle: Option<String>,
    pub name: Option<String>,
    pub followers: Option<u64>,
    pub following: Option<u64>,
    pub posts: Option<u64>,
}

/// A bounded map of author id → profile (oldest entries evicted first).
pub struct ProfileCache {
    map: HashMap<String, Profile>,
    order: VecDeque<String>,
    cap: usize,
}

impl ProfileCache {
    pub fn new(cap: usize) -> Self {
        ProfileCache {
            map: HashMap::new(),
            order: VecDeque::new(),
            cap: cap.max(1),
        }
    }

    pub fn get(&self, did: &str) -> Option<&Profile> {
        self.map.get(did)
    }

    pub fn insert(&mut self, did: String, p: Profile) {
        if self.map.insert(did.clone(), p).is_none() {
            self.order.push_back(did);
        }
        while self.order.len() > self.cap {
            if let Some(old) = self.order.pop_front() {
                self.map.remove(&old);
            }
        }
    }

    pub fn len(&self) -> usize {
        self.map.len()
    }

    pub fn is_empty(&self) -> bool {
        self.map.is_empty()
    }
}

/// Parses a Bluesky `app.bsky.actor.getProfiles` answer.
pub fn parse_bsky_profiles(body: &[u8]) -> Result<Vec<(String, Profile)>, String> {
    let v: serde_json::Value = serde_json::from_slice(body).map_err(|e| e.to_string())?;
    let list = v
        .get("profiles")
        .and_then(|p| p.as_array())
        .ok_or("no profiles array")?;
    Ok(list
        .iter()
        .filter_map(|p| {
            let s = |k: &str| p.get(k).and_then(|v| v.as_str()).map(str::to_string);
            let n = |k: &str| p.get(k).and_then(|v| v.as_u64());
            Some((
                s("did")?,
                Profile {
                    handle: s("handle"),
                    name: s("displayName").filter(|n| !n.is_empty()),
                    followers: n("followersCount"),
                    following: n("followsCount"),
                    posts: n("postsCount"),
                },
            ))
        })
        .collect())
}

/// Parses a YouTube `channels.list?part=statistics` answer: subscribers (absent when the channel hides
/// them) and videos.
pub fn parse_youtube_channels(body: &[u8]) -> Result<Vec<(String, Profile)>, String> {
    let v: serde_json::Value = serde_json::from_slice(body).map_err(|e| e.to_string())?;
    let items = v
        .get("items")
        .and_then(|i| i.as_array())
        .ok_or("no items array")?;
    Ok(items
        .iter()
        .filter_map(|c| {
            let id = c.get("id")?.as_str()?.to_string();
            let st = c.get("statistics");
            // Counts come as strings ("123"); some clients send numbers.
            let n = |k: &str| {
                st.and_then(|s| s.get(k)).and_then(|v| {
                    v.as_u64()
                        .or_else(|| v.as_str().and_then(|s| s.parse().ok()))
                })
            };
            let hidden = st
                .and_then(|s| s.get("hiddenSubscriberCount"))
                .and_then(|h| h.as_bool())
                .unwrap_or(false);
            Some((
                id,
                Profile {
                    handle: None,
                    name: c
                        .pointer("/snippet/title")
                        .and_then(|t| t.as_str())
                        .map(str::to_string),
                    followers: if hidden { None } else { n("subscriberCount") },
                    following: None,
                    posts: n("videoCount"),
                },
            ))
        })
        .collect())
}

/// Fills each mention's author from the cache by `author.id`: counts always, handle and name only where
/// the item had none.
pub fn fill(cache: &ProfileCache, mentions: &mut [Mention]) {
    for m in mentions.iter_mut() {
        let Some(p) = m.author.id.as_deref().and_then(|id| cache.get(id)) else {
            continue;
        };
        if m.author.handle.is_none() {
            m.author.handle = p.handle.as_ref().map(|h| format!("@{h}"));
        }
        if m.author.name.is_none() {
            m.author.name = p.name.clone();
        }
        m.author.followers = p.followers.or(m.author.followers);
        m.author.following = p.following.or(m.author.following);
        m.author.posts = p.posts.or(m.author.posts);
    }
}
