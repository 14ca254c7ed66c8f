//! A set that remembers only its newest items: the aggregate stage's window of mention fingerprints and
//! each source's ids already produced. Bounded, so a process that runs for months keeps a fixed size;
//! insertion-ordered, so the oldest are forgotten first; serialised as the list of items (oldest first),
//! so it can live inside a snapshot or a cursor.

use std::collections::{HashSet, VecDeque};
use std::hash::Hash;

use serde::{Deserialize, Serialize};

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(
    from = "VecDeque<T>",
    into = "VecDeque<T>",
    bound(
        serialize = "T: Serialize + Clone",
        deserialize = "T: Deserialize<'de> + Hash + Eq + Clone"
    )
)]
pub struct BoundedSet<T: Hash + Eq + Clone> {
    order: VecDeque<T>,
    set: HashSet<T>,
}

impl<T: Hash + Eq + Clone> Default for BoundedSet<T> {
    fn default() -> Self {
        BoundedSet {
            order: VecDeque::new(),
            set: HashSet::new(),
        }
    }
}

impl<T: Hash + Eq + Clone> From<VecDeque<T>> for BoundedSet<T> {
    fn from(order: VecDeque<T>) -> Self {
        let set = order.iter().cloned().collect();
        BoundedSet { order, set }
    }
}

impl<T: Hash + Eq + Clone> From<BoundedSet<T>> for VecDeque<T> {
    fn from(s: BoundedSet<T>) -> Self {
        s.order
    }
}

impl<T: Hash + Eq + Clone> BoundedSet<T> {
    /// Remembers `item`; true when it was new. Keeps at most `cap` items (the newest).
    pub fn insert(&mut self, item: T, cap: usize) -> bool {
        if self.set.contains(&item) {
            return false;
        }
        self.set.insert(item.clone());
        self.order.push_back(item);
        while self.order.len() > cap.max(1) {
            if let Some(old) = self.order.pop_front() {
                self.set.remove(&old);
            }
        }
        true
    }

    pub fn contains<Q>(&self, item: &Q) -> bool
    where
        T: std::borrow::Borrow<Q>,
        Q: Hash + Eq + ?Sized,
    {
        self.set.contains(item)
    }

    pub fn len(&self) -> usize {
        self.order.len()
    }

    pub fn is_empty(&self) -> bool {
        self.order.is_empty()
    }

    /// The newest `n` items, oldest first.
    pub fn newest(&self, n: usize) -> Vec<T> {
        let skip = self.order.len().saturating_sub(n);
        self.order.iter().skip(skip).cloned().collect()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn bounded_ordered_and_round_trips() {
        let mut s: BoundedSet<String> = BoundedSet::default();
        assert!(s.insert("a".into(), 2));
        assert!(!s.insert("a".into(), 2));
        assert!(s.insert("b".into(), 2));
        assert!(s.insert("c".into(), 2));
        assert!(!s.contains("a"));
        assert_eq!(s.newest(1), ["c"]);
        let json = serde_json::to_string(&s).unwrap();
        assert_eq!(json, r#"["b","c"]"#);
        let back: BoundedSet<String> = serde_json::from_str(&json).unwrap();
        assert!(back.contains("b") && back.contains("c") && back.len() == 2);
    }
}
