//! Suggestions for a name that is no row's: the rows whose code, label or a synonym is
//! close to it (containment either way, edit distance with transpositions, shared
//! character pairs), best first.

use super::{key, MAX_SUGGESTIONS};

/// Longest input (in characters) compared character by character for suggestions;
/// longer inputs are only searched for the names they contain.
const SUGGEST_FULL_CHARS: usize = 40;
// A given name compared in full fits the bit-parallel distance's word.
const _: () = assert!(SUGGEST_FULL_CHARS <= 64);
/// Suggestions are at least this similar (in thousandths).
const SUGGEST_MIN: u32 = 500;

/// A name of a row, prepared for comparison.
#[derive(Debug)]
pub(super) struct Candidate {
    item: usize,
    key: String,
    chars: Vec<char>,
    sorted: Vec<char>,
    pairs: Vec<(char, char)>,
    /// For the bit-parallel edit distance (names of at most 64 characters): each
    /// character with the positions where it stands, sorted by character.
    peq: Vec<(char, u64)>,
}

/// Each character of `chars` (at most 64) with the bit mask of its positions.
fn positions(chars: &[char]) -> Vec<(char, u64)> {
    let mut peq: Vec<(char, u64)> = Vec::new();
    for (i, &c) in chars.iter().enumerate().take(64) {
        match peq.binary_search_by_key(&c, |&(x, _)| x) {
            Ok(k) => {
                if let Some(e) = peq.get_mut(k) {
                    e.1 |= 1 << i;
                }
            }
            Err(k) => peq.insert(k, (c, 1 << i)),
        }
    }
    peq
}

/// The optimal string alignment distance between `text` and a name of at most 64
/// characters given by its `positions` and length `m`, computed a column of the
/// dynamic-programming table at a time in one machine word (Myers 1999, with Hyyrö's
/// 2003 transposition term): O(|text|) word operations instead of |text| × m cells.
fn osa_bits(text: &[char], peq: &[(char, u64)], m: usize) -> usize {
    if m == 0 {
        return text.len();
    }
    let mask = u64::MAX >> (64 - m);
    let msb = 1u64 << (m - 1);
    let eq = |c: char| {
        peq.binary_search_by_key(&c, |&(x, _)| x)
            .ok()
            .and_then(|k| peq.get(k))
            .map_or(0, |&(_, bits)| bits)
    };
    let (mut vp, mut vn, mut d0, mut prev) = (mask, 0u64, 0u64, 0u64);
    let mut score = m;
    for &c in text {
        let pm = eq(c);
        let tr = (((!d0) & pm) << 1) & prev;
        d0 = ((((pm & vp).wrapping_add(vp)) ^ vp) | pm | vn | tr) & mask;
        let hp = (vn | !(d0 | vp)) & mask;
        let hn = vp & d0;
        if hp & msb != 0 {
            score += 1;
        } else if hn & msb != 0 {
            score -= 1;
        }
        let hp = ((hp << 1) | 1) & mask;
        let hn = (hn << 1) & mask;
        vp = (hn | !(d0 | hp)) & mask;
        vn = hp & d0;
        prev = pm;
    }
    score
}

fn sorted(chars: &[char]) -> Vec<char> {
    let mut v = chars.to_vec();
    v.sort_unstable();
    v
}

/// How many elements two sorted lists share (as multisets): characters, or pairs of
/// them.
fn common<T: Ord>(a: &[T], b: &[T]) -> usize {
    let (mut i, mut j, mut n) = (0, 0, 0);
    while let (Some(x), Some(y)) = (a.get(i), b.get(j)) {
        match x.cmp(y) {
            std::cmp::Ordering::Less => i += 1,
            std::cmp::Ordering::Greater => j += 1,
            std::cmp::Ordering::Equal => {
                n += 1;
                i += 1;
                j += 1;
            }
        }
    }
    n
}

/// The pairs of adjacent characters (at most 64), sorted: the Dice coefficient counts
/// the pairs two names share as multisets, which a merge of sorted lists finds.
fn pairs(chars: &[char]) -> Vec<(char, char)> {
    // Sorted by insertion (at most 64): no more sort code in the package.
    let mut p: Vec<(char, char)> = Vec::with_capacity(chars.len());
    for w in chars.windows(2).take(64) {
        if let (Some(&a), Some(&b)) = (w.first(), w.get(1)) {
            let at = p.partition_point(|&x| x < (a, b));
            p.insert(at, (a, b));
        }
    }
    p
}

/// The names of each row (by its index), prepared for comparison.
pub(super) fn candidates<'a>(rows: impl Iterator<Item = Vec<&'a str>>) -> Vec<Candidate> {
    let mut out = Vec::new();
    for (i, names) in rows.enumerate() {
        for n in names {
            let key = key(n);
            let chars: Vec<char> = key.chars().collect();
            if !chars.is_empty() {
                out.push(Candidate {
                    item: i,
                    pairs: pairs(&chars),
                    sorted: sorted(&chars),
                    peq: positions(&chars),
                    chars,
                    key,
                });
            }
        }
    }
    out
}

/// The rows (their indexes) closest to an unknown item, best first (at most
/// [`MAX_SUGGESTIONS`]; empty when nothing is close).
pub(super) fn suggest(candidates: &[Candidate], given: &str) -> Vec<usize> {
    let gs = key(given);
    let g: Vec<char> = gs.chars().collect();
    if g.is_empty() {
        return Vec::new();
    }
    let full = g.len() <= SUGGEST_FULL_CHARS;
    let gp = if full { pairs(&g) } else { Vec::new() };
    let gsorted = if full { sorted(&g) } else { Vec::new() };
    // The given name as the pattern of the bit-parallel distance, for a table name
    // longer than a word (the distance is symmetric; in full mode `g` fits one).
    let gpeq = if full { positions(&g) } else { Vec::new() };
    let rows = candidates.iter().map(|c| c.item + 1).max().unwrap_or(0);
    let mut best = vec![0u32; rows];
    for c in candidates {
        let mut s = 0;
        let (short, long) = (g.len().min(c.chars.len()), g.len().max(c.chars.len()));
        if short >= 2 && (gs.contains(&c.key) || c.key.contains(&gs)) {
            s = 600 + thousandths(short * 400, long * 1000).min(400);
        }
        // Neither similarity can reach the bar when one name is much longer than the
        // other: the edit distance is at least `long - short`, and the shared pairs at
        // most the shorter name's. Skipping them changes no suggestion (a score under the
        // bar never counts) and bounds the search for a long unknown item to the
        // substring test.
        // Two characters are too few to call one of them a typo (`专家` is not `专网`).
        if full && short >= 3 && reachable(short, long) {
            // The edit distance is at least `long - common`, and the shared pairs at most
            // `common` (each pair starts at a character both names have): when too few
            // characters are shared, neither can reach the bar.
            let shared = common(&gsorted, &c.sorted);
            if shared * 2 >= long {
                let d = if c.chars.len() <= 64 {
                    osa_bits(&g, &c.peq, c.chars.len())
                } else {
                    osa_bits(&c.chars, &gpeq, g.len())
                };
                s = s.max(1000u32.saturating_sub(thousandths(d, long)));
            }
            if thousandths(2 * shared, (short + long).saturating_sub(2)) >= SUGGEST_MIN {
                s = s.max(dice(&gp, &c.pairs));
            }
        }
        if let Some(b) = best.get_mut(c.item) {
            *b = (*b).max(s);
        }
    }
    let mut scored: Vec<(u32, usize)> = best
        .iter()
        .enumerate()
        .filter(|(_, &s)| s >= SUGGEST_MIN)
        .map(|(i, &s)| (s, i))
        .collect();
    // Best first; ties in the annex's order.
    // (score, row) pairs are unique: an unstable sort gives the one order.
    scored.sort_unstable_by(|a, b| b.0.cmp(&a.0).then(a.1.cmp(&b.1)));
    scored
        .iter()
        .take(MAX_SUGGESTIONS)
        .map(|&(_, i)| i)
        .collect()
}

/// Whether a name of `short` characters and one of `long` can score [`SUGGEST_MIN`] by
/// edit distance (at least `long - short` edits) or by shared pairs (at most
/// `short - 1` of them).
fn reachable(short: usize, long: usize) -> bool {
    1000u32.saturating_sub(thousandths(long - short, long)) >= SUGGEST_MIN
        || thousandths(
            2 * short.saturating_sub(1),
            (short + long).saturating_sub(2),
        ) >= SUGGEST_MIN
}

fn thousandths(num: usize, den: usize) -> u32 {
    u32::try_from(num.saturating_mul(1000) / den.max(1)).unwrap_or(u32::MAX)
}

/// Reusable rows for the optimal string alignment distance (edits and adjacent
/// transpositions), cell by cell: the reference `osa_bits` is tested against.
#[cfg(test)]
#[derive(Default)]
struct OsaRows {
    two_up: Vec<usize>,
    up: Vec<usize>,
    cur: Vec<usize>,
}

#[cfg(test)]
impl OsaRows {
    fn distance(&mut self, a: &[char], b: &[char]) -> usize {
        let w = b.len() + 1;
        self.two_up.clear();
        self.two_up.resize(w, 0);
        self.up.clear();
        self.up.extend(0..w);
        self.cur.clear();
        self.cur.resize(w, 0);
        for (i, ca) in a.iter().enumerate() {
            if let Some(x) = self.cur.first_mut() {
                *x = i + 1;
            }
            for (j, cb) in b.iter().enumerate() {
                let at = |row: &[usize], k: usize| row.get(k).copied().unwrap_or(usize::MAX / 2);
                let cost = usize::from(ca != cb);
                let mut v = (at(&self.up, j + 1) + 1)
                    .min(at(&self.cur, j) + 1)
                    .min(at(&self.up, j) + cost);
                if i > 0
                    && j > 0
                    && ca != cb
                    && a.get(i - 1) == Some(cb)
                    && b.get(j - 1) == Some(ca)
                {
                    v = v.min(at(&self.two_up, j - 1) + 1);
                }
                if let Some(x) = self.cur.get_mut(j + 1) {
                    *x = v;
                }
            }
            std::mem::swap(&mut self.two_up, &mut self.up);
            std::mem::swap(&mut self.up, &mut self.cur);
        }
        self.up.get(b.len()).copied().unwrap_or(usize::MAX / 2)
    }
}

/// Dice coefficient of two sorted lists of character pairs, in thousandths.
fn dice(a: &[(char, char)], b: &[(char, char)]) -> u32 {
    if a.is_empty() || b.is_empty() {
        return 0;
    }
    thousandths(common(a, b) * 2, a.len() + b.len())
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The bit-parallel edit distance is the table's, on every length up to 64 and on
    /// strings with transpositions, repeats and shared characters.
    #[test]
    fn bit_parallel_distance_is_the_tables() {
        let mut x: u64 = 0x2545_F491_4F6C_DD1D;
        let mut next = |n: u64| {
            x ^= x << 13;
            x ^= x >> 7;
            x ^= x << 17;
            x % n
        };
        let alphabet: Vec<char> = "abc政务云".chars().collect();
        let mut rows = OsaRows::default();
        for round in 0..20_000 {
            let m = (round % 65) as usize;
            let pattern: Vec<char> = (0..m).map(|_| alphabet[next(6) as usize]).collect();
            let mut text: Vec<char> = if next(2) == 0 {
                pattern.clone()
            } else {
                (0..next(50)).map(|_| alphabet[next(6) as usize]).collect()
            };
            // A few edits and swaps of a copy: the distances that matter for suggestions.
            for _ in 0..next(4) {
                if text.len() > 1 {
                    let i = next(text.len() as u64 - 1) as usize;
                    match next(3) {
                        0 => text.swap(i, i + 1),
                        1 => {
                            text.remove(i);
                        }
                        _ => text.insert(i, alphabet[next(6) as usize]),
                    }
                }
            }
            let d = rows.distance(&text, &pattern);
            assert_eq!(
                osa_bits(&text, &positions(&pattern), m),
                d,
                "{text:?} {pattern:?}"
            );
            // Either name can be the pattern: the distance is symmetric.
            if text.len() <= 64 {
                assert_eq!(osa_bits(&pattern, &positions(&text), text.len()), d);
            }
        }
    }
}
