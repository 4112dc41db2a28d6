//! The hash maps of the crate, by who chooses their keys.

use std::collections::{HashMap, HashSet};

/// A hash map keyed by the lexicons (words, patterns): rustc's Fx hash,
/// fast on a few bytes and good enough for keys no page chooses (looking
/// a page's words up in such a table is fine: the table's layout is
/// fixed by the lexicons).
pub(crate) type FastMap<K, V> = HashMap<K, V, rustc_hash::FxBuildHasher>;
/// A hash set with the same hasher as [`FastMap`].
pub(crate) type FastSet<K> = HashSet<K, rustc_hash::FxBuildHasher>;

/// A hash map keyed by what the document says (names, lines, class
/// names): foldhash, about as fast as Fx on short keys, but seeded at
/// random per process, so that no page can be written to make its keys
/// collide, as one could against a fixed hash, and turn each look-up into
/// a walk of the table. Nothing depends on the maps' order.
pub(crate) type InputMap<K, V> = HashMap<K, V, foldhash::fast::RandomState>;
/// A hash set with the same hasher as [`InputMap`].
pub(crate) type InputSet<K> = HashSet<K, foldhash::fast::RandomState>;
