//! Every input limit in one place. Over a limit, a check answers `too_large` with the
//! pointer of the value at fault (`""` for the whole input) and the limit in its message;
//! it never truncates, never guesses and never panics.
//!
//! | limit | value | applies to | why this size |
//! |-------|-------|------------|---------------|
//! | [`MAX_INPUT_BYTES`] | 1 MiB (1,048,576 bytes) | the JSON text of one input, request or batch line (the CLI reads no more than this per input or line) | a full application is ~3 KB; a budget of [`MAX_ITEMS`] lines fits with room to spare |
//! | [`MAX_DEPTH`] | 32 levels | nesting of arrays and objects | the contract's deepest path is 5 levels (request → input → items → item → conditions); forms may nest extra fields a little |
//! | [`MAX_STRING_BYTES`] | 64 KiB (65,536 bytes, UTF-8) | any one string, including keys and the values of unknown keys | unknown keys are ignored, and forms send extra fields such as a pasted project description (~21,000 Chinese characters fit); known text fields are held to [`MAX_TEXT_CHARS`] |
//! | [`MAX_TEXT_CHARS`] | 500 characters | free text the checks read: project `name`, a cost `item`, a change item's `name` | a 项目名称 is rarely over 60 characters |
//! | [`MAX_ARRAY_LEN`] | 10,000 elements | any one array while reading | the bound on what the reader builds; checks set tighter limits below |
//! | [`MAX_ITEMS`] | 1,000 | `items` of `costs` (budget lines, [`crate::MAX_COST_LINES`]) and of `change` (changed items, [`crate::MAX_ITEMS`]) | a 概算 has tens to a few hundred lines |
//! | `funding` | 28 entries (4 × the 7 sources) | `project.funding` | a repeated source is harmless; 4× leaves room for a form that appends twice |
//! | `design_chapters` | 20 entries (4 × the 5 chapters) | `facts.design_chapters` | as for `funding` |
//! | [`MAX_OBJECT_KEYS`] | 1,000 keys | any one object | `facts` has ~40 keys; the rest is room for extra form fields |
//!
//! Numbers are not limited by length but by value: money above 1e12 万元 or with more
//! than six decimal places, and numbers beyond the double range (`1e400`), are
//! `invalid_value` (see [`crate::Money`]).

/// Input text longer than this many bytes is refused (`too_large` at `""`).
pub const MAX_INPUT_BYTES: usize = 1 << 20;
/// Arrays and objects nested deeper than this are refused.
pub const MAX_DEPTH: usize = 32;
/// A string longer than this many bytes (UTF-8) is refused while reading.
pub const MAX_STRING_BYTES: usize = 64 * 1024;
/// The longest free text a check reads, in characters (Unicode scalar values).
pub const MAX_TEXT_CHARS: usize = 500;
/// An array longer than this is refused while reading (checks set tighter limits).
pub const MAX_ARRAY_LEN: usize = 10_000;
/// At most this many budget lines (`costs`) or changed items (`change`).
pub const MAX_ITEMS: usize = 1_000;
/// An object with more keys than this is refused.
pub const MAX_OBJECT_KEYS: usize = 1_000;
/// `project.funding` holds at most this many entries (4 × the sources).
pub const MAX_FUNDING_ENTRIES: usize = 28;
/// `facts.design_chapters` holds at most this many entries (4 × the chapters).
pub const MAX_CHAPTER_ENTRIES: usize = 20;
