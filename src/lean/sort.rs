//! One stable sort for the whole crate, compiled once.
//!
//! `slice::sort_by` is generic over the element and the comparator, so each call site with a new closure gets its
//! own copy of the standard library's sort (driftsort plus its small-sort networks, a few KB of wasm each); so does
//! every `collect()` into a `BTreeMap`, which sorts before it builds the tree. Here the sort itself
//! is a bottom-up merge sort over positions with a `&mut dyn FnMut` comparator: one copy in the binary.
//! What stays generic per call site is the comparator's closure and a short loop that moves the elements into
//! their sorted places. The lists sorted in this crate are small (shards, tags, table columns, completions).

use std::cmp::Ordering;
use std::collections::BTreeMap;

/// Sorts `v` in place, stably (equal elements keep their order), by `compare`.
pub fn sort_by<T>(v: &mut [T], mut compare: impl FnMut(&T, &T) -> Ordering) {
    if v.len() < 2 {
        return;
    }
    let mut order: Vec<usize> = (0..v.len()).collect();
    merge_sort(&mut order, &mut |a, b| compare(&v[a], &v[b]));
    permute(v, &mut order);
}

/// Sorts `v` in place, stably, by the key `key` gives each element.
pub fn sort_by_key<T, K: Ord>(v: &mut [T], mut key: impl FnMut(&T) -> K) {
    sort_by(v, |a, b| key(a).cmp(&key(b)));
}

/// Sorts `v` in place, stably, in its natural order.
pub fn sort<T: Ord>(v: &mut [T]) {
    sort_by(v, T::cmp);
}

/// Collects into a `BTreeMap` by inserting one entry at a time (`collect()` sorts first); a later entry with an
/// equal key replaces the value of an earlier one, as with `collect()`.
pub fn btree_map<K: Ord, V>(entries: impl IntoIterator<Item = (K, V)>) -> BTreeMap<K, V> {
    let mut map = BTreeMap::new();
    for (k, v) in entries {
        map.insert(k, v);
    }
    map
}

/// Sorts positions stably by `compare` (bottom-up merge sort: runs of 1, 2, 4, ... merged through one buffer).
fn merge_sort(order: &mut [usize], compare: &mut dyn FnMut(usize, usize) -> Ordering) {
    let n = order.len();
    let mut buffer = vec![0; n];
    let mut width = 1;
    // `from` holds runs of `width`; they are merged into `to` as runs of `2 * width`; then the two swap roles.
    let mut in_order = true;
    while width < n {
        let (from, to): (&[usize], &mut [usize]) =
            if in_order { (&*order, &mut buffer) } else { (&buffer, &mut *order) };
        let mut start = 0;
        while start < n {
            let mid = (start + width).min(n);
            let end = (start + 2 * width).min(n);
            let (mut i, mut j, mut k) = (start, mid, start);
            while i < mid && j < end {
                // Take from the right run only when it is strictly smaller: that keeps the sort stable.
                if compare(from[j], from[i]) == Ordering::Less {
                    to[k] = from[j];
                    j += 1;
                } else {
                    to[k] = from[i];
                    i += 1;
                }
                k += 1;
            }
            to[k..k + (mid - i)].copy_from_slice(&from[i..mid]);
            k += mid - i;
            to[k..k + (end - j)].copy_from_slice(&from[j..end]);
            start = end;
        }
        in_order = !in_order;
        width *= 2;
    }
    if !in_order {
        order.copy_from_slice(&buffer);
    }
}

/// Rearranges `v` so that `v[i]` becomes the old `v[order[i]]`, following each cycle of the permutation with swaps.
/// `order` is used up (every entry ends as its own index).
fn permute<T>(v: &mut [T], order: &mut [usize]) {
    for start in 0..v.len() {
        let mut at = start;
        loop {
            let from = order[at];
            order[at] = at;
            if from == start {
                break;
            }
            v.swap(at, from);
            at = from;
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// A small deterministic generator (no OS randomness).
    fn numbers(seed: u64, n: usize, modulo: u64) -> Vec<u64> {
        let mut state = seed | 1;
        (0..n)
            .map(|_| {
                state ^= state << 13;
                state ^= state >> 7;
                state ^= state << 17;
                state % modulo
            })
            .collect()
    }

    #[test]
    fn sorts_like_the_standard_stable_sort() {
        for (seed, n) in [(1, 0), (2, 1), (3, 2), (4, 3), (5, 7), (6, 16), (7, 33), (8, 100), (9, 1000), (10, 4097)] {
            for modulo in [2, 10, 1_000_000] {
                // Pairs (key, original position): equal keys must keep their positions' order.
                let items: Vec<(u64, usize)> =
                    numbers(seed, n, modulo).into_iter().enumerate().map(|(i, k)| (k, i)).collect();
                let mut ours = items.clone();
                sort_by(&mut ours, |a, b| a.0.cmp(&b.0));
                let mut theirs = items.clone();
                theirs.sort_by_key(|a| a.0);
                assert_eq!(ours, theirs, "n = {n}, modulo = {modulo}");
            }
        }
    }

    #[test]
    fn sort_by_key_and_sort_and_descending_orders() {
        let mut words = vec!["pear", "fig", "apple", "kiwi", "date", "banana"];
        sort_by_key(&mut words, |w| w.len());
        assert_eq!(words, ["fig", "pear", "kiwi", "date", "apple", "banana"]);
        sort(&mut words);
        assert_eq!(words, ["apple", "banana", "date", "fig", "kiwi", "pear"]);
        sort_by(&mut words, |a, b| b.cmp(a));
        assert_eq!(words, ["pear", "kiwi", "fig", "date", "banana", "apple"]);
        let mut owned: Vec<String> = words.iter().map(|w| w.to_string()).collect();
        sort(&mut owned);
        assert_eq!(owned[0], "apple");
    }

    #[test]
    fn collects_without_sorting_keep_the_last_value() {
        let map = btree_map([("b", 1), ("a", 2), ("b", 3)]);
        assert_eq!(map.into_iter().collect::<Vec<_>>(), [("a", 2), ("b", 3)]);
    }
}
