//! Small replacements for standard-library code that costs the browser build more than it is worth.
//!
//! The page has a budget (400 KB gzip for everything it loads before first interaction), and some of std's generic
//! code is large once compiled to wasm: core's `f64` parser (`str::parse::<f64>`, about 15 KB), its `f64` formatting
//! (`{}` and `{:.N}`, about 16 KB) and one copy of the standard sorts per element type and comparator (about 15 KB
//! over the crate). These do the same job in a fraction
//! of the code, and `scripts/test.sh` fails when the originals sneak back into the page (`scripts/wasm_sizes.py
//! --forbid`).
//!
//! | file | what it is |
//! |---|---|
//! | `float.rs` | [`Shortest`], [`Fixed`], [`Exp`]: `{}`, `{:.N}` and `{:e}` of an `f64`, without core's `flt2dec` (about 16 KB). |
//! | `decimal.rs` | [`parse_f64`]: `str::parse::<f64>`'s grammar, exact on the common inputs, serde_json's parser for the rest. |
//! | `sort.rs` | [`sort_by`], [`sort_by_key`], [`sort`]: one stable merge sort whose core is compiled once, and [`btree_map`], a collect that does not sort. |

mod decimal;
mod float;
mod sort;

pub use decimal::parse_f64;
pub use float::{Exp, Fixed, Shortest};
pub use sort::{btree_map, sort, sort_by, sort_by_key};
