//! The sequence labeller both languages' taggers share: hashed features scored by an averaged
//! perceptron, decoded by Viterbi under BIO constraints, weights kept as 8-bit codes on a
//! logarithmic scale. `zh::tagger` (characters) and `en::tagger` (words) each bring their own
//! features, tag set and asset magic; everything here is the same for both.
//!
//! **Tags.** 0 is `O`; odd tags open a span (`B-X`), the even tag after each continues it
//! (`I-X`). An `I-X` tag may only follow `B-X` or `I-X`: the decoder never produces anything
//! else, so every span it returns is well formed.
//!
//! **Asset format**, little-endian: an 8-byte magic, `u32` bits, 127 `f32` levels, `(T + 1) × T`
//! `f32` transition weights (start row, then one row per previous tag), then the weight table:
//! 2^bits × T `i8` codes (code ±k stands for ±level k; 0 for 0). Levels are logarithmically
//! spaced, so frequent features with large weights and rare ones with small weights keep the
//! same relative precision; near-zero weights are pruned to 0, which is what makes an asset
//! compress. [`Weights::from_bytes`] checks the header and length and then reads the table in
//! place (no copy, no allocation).

use std::fmt;

/// Quantisation levels (magnitudes) of the weight codes.
pub const LEVELS: usize = 127;

/// Bytes before the weight table of a `T`-tag model.
pub const fn header_len(tags: usize) -> usize {
    8 + 4 + LEVELS * 4 + (tags + 1) * tags * 4
}

/// May tag `cur` follow tag `prev` (`None` = start of the sequence)? BIO: an `I-X` (even,
/// non-zero) only after its `B-X` or another `I-X`.
pub fn allowed(prev: Option<u8>, cur: u8) -> bool {
    if cur == 0 || cur % 2 == 1 {
        return true;
    }
    matches!(prev, Some(p) if p == cur - 1 || p == cur)
}

/// Why bytes are not a model.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum ModelError {
    /// Shorter than the header.
    Truncated,
    /// Not a Gangmu tagger of this kind (or another version).
    BadMagic,
    /// Table size out of range.
    BadBits(u32),
    /// The length does not match the table size in the header.
    BadLength { expected: usize, found: usize },
    /// A scale or transition weight that is not a finite number.
    BadNumber,
}

impl fmt::Display for ModelError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            ModelError::Truncated => write!(f, "model shorter than its header"),
            ModelError::BadMagic => write!(f, "not a Gangmu NER model of this kind (magic)"),
            ModelError::BadBits(b) => write!(f, "table of 2^{b} buckets is out of range"),
            ModelError::BadLength { expected, found } => {
                write!(f, "model of {found} bytes, header says {expected}")
            }
            ModelError::BadNumber => write!(f, "scale or transition weight not finite"),
        }
    }
}

impl std::error::Error for ModelError {}

/// Which of 2^bits buckets a feature hash falls in: each tagger keeps the function it was
/// trained with.
pub type Bucket = fn(u32, u32) -> usize;

/// A trained `T`-tag model, reading its weight table in place from the bytes it was parsed from.
pub struct Weights<'a, const T: usize> {
    bits: u32,
    bucket: Bucket,
    /// Weight of each `i8` code: `values[code as u8 as usize]` (two's complement index).
    values: [f32; 256],
    /// `trans[0]`: start → tag; `trans[p + 1]`: tag p → tag.
    trans: Vec<[f32; T]>,
    table: &'a [u8],
}

impl<'a, const T: usize> Weights<'a, T> {
    /// Parses a model with the given magic. Never panics: anything that is not a whole model is
    /// an error.
    pub fn from_bytes(
        bytes: &'a [u8],
        magic: &[u8; 8],
        max_bits: u32,
        bucket: Bucket,
    ) -> Result<Weights<'a, T>, ModelError> {
        let header = header_len(T);
        if bytes.len() < header {
            return Err(if bytes.len() >= 8 && &bytes[..8] != magic {
                ModelError::BadMagic
            } else {
                ModelError::Truncated
            });
        }
        if &bytes[..8] != magic {
            return Err(ModelError::BadMagic);
        }
        let word = |at: usize| [bytes[at], bytes[at + 1], bytes[at + 2], bytes[at + 3]];
        let bits = u32::from_le_bytes(word(8));
        if !(1..=max_bits).contains(&bits) {
            return Err(ModelError::BadBits(bits));
        }
        let expected = header + (1usize << bits) * T;
        if bytes.len() != expected {
            return Err(ModelError::BadLength {
                expected,
                found: bytes.len(),
            });
        }
        let mut values = [0f32; 256];
        for k in 1..=LEVELS {
            let level = f32::from_le_bytes(word(12 + (k - 1) * 4));
            values[k] = level;
            values[256 - k] = -level;
        }
        let mut trans = vec![[0f32; T]; T + 1];
        for (r, row) in trans.iter_mut().enumerate() {
            for (c, w) in row.iter_mut().enumerate() {
                *w = f32::from_le_bytes(word(12 + LEVELS * 4 + (r * T + c) * 4));
            }
        }
        if values
            .iter()
            .chain(trans.iter().flatten())
            .any(|w| !w.is_finite())
        {
            return Err(ModelError::BadNumber);
        }
        Ok(Weights {
            bits,
            bucket,
            values,
            trans,
            table: &bytes[header..],
        })
    }

    /// The score of each tag at each of `n` positions, from the feature hashes of each.
    pub fn emissions_into<'f>(
        &self,
        n: usize,
        features: impl Fn(usize) -> &'f [u32],
        out: &mut Vec<[f32; T]>,
    ) {
        out.clear();
        out.extend((0..n).map(|i| {
            let mut sum = [0f32; T];
            for &h in features(i) {
                let at = (self.bucket)(h, self.bits) * T;
                // One bounds check a feature; a u8 code always indexes the 256 values.
                let codes: &[u8; T] = self.table[at..at + T]
                    .try_into()
                    .expect("a bucket holds T codes");
                for (s, &code) in sum.iter_mut().zip(codes) {
                    *s += self.values[code as usize];
                }
            }
            sum
        }));
    }

    /// The best tag sequence for `emissions` into `out` (`back`: a reusable buffer).
    pub fn decode(&self, emissions: &[[f32; T]], out: &mut [u8], back: &mut Vec<[u8; T]>) {
        viterbi(emissions, &self.trans, out, back);
    }
}

/// Best tag sequence under the BIO constraints: linear in the length, T × T per position.
/// `trans[0]` is the start row, `trans[p + 1]` the row after tag p.
pub fn viterbi<const T: usize>(
    emissions: &[[f32; T]],
    trans: &[[f32; T]],
    out: &mut [u8],
    back: &mut Vec<[u8; T]>,
) {
    let n = emissions.len();
    if n == 0 {
        return;
    }
    // Transitions with the forbidden ones at −∞, so the inner loop needs no test.
    let mut step = [[f32::NEG_INFINITY; T]; T];
    for (p, row) in step.iter_mut().enumerate() {
        for (t, w) in row.iter_mut().enumerate() {
            if allowed(Some(p as u8), t as u8) {
                *w = trans[p + 1][t];
            }
        }
    }
    back.clear();
    back.resize(n, [0u8; T]);
    let mut score = [f32::NEG_INFINITY; T];
    for t in 0..T {
        if allowed(None, t as u8) {
            score[t] = trans[0][t] + emissions[0][t];
        }
    }
    for i in 1..n {
        let mut next = [f32::NEG_INFINITY; T];
        for t in 0..T {
            let mut best = f32::NEG_INFINITY;
            let mut from = 0u8;
            for p in 0..T {
                let s = score[p] + step[p][t];
                if s > best {
                    best = s;
                    from = p as u8;
                }
            }
            back[i][t] = from;
            next[t] = best + emissions[i][t];
        }
        score = next;
    }
    let mut best = 0;
    for t in 1..T {
        if score[t] > score[best] {
            best = t;
        }
    }
    out[n - 1] = best as u8;
    for i in (1..n).rev() {
        out[i - 1] = back[i][out[i] as usize];
    }
}

/// Training: an averaged perceptron over precomputed feature buckets, written to the asset
/// format. Behind the `train` feature: the app does not carry it.
#[cfg(feature = "train")]
pub mod train {
    use super::*;

    /// One labelled sequence as the trainer sees it: the feature buckets of each position
    /// (`buckets[starts[i]..starts[i + 1]]`) and one gold tag each.
    pub struct Example {
        pub buckets: Vec<u32>,
        pub starts: Vec<u32>,
        pub gold: Vec<u8>,
    }

    impl Example {
        /// From the feature hashes of each of `n` positions and their gold tags.
        pub fn new<'f>(
            n: usize,
            rows: impl Fn(usize) -> &'f [u32],
            gold: Vec<u8>,
            bucket: Bucket,
            bits: u32,
        ) -> Example {
            let mut buckets = Vec::new();
            let mut starts = vec![0u32];
            for i in 0..n {
                buckets.extend(rows(i).iter().map(|&h| bucket(h, bits) as u32));
                starts.push(buckets.len() as u32);
            }
            Example {
                buckets,
                starts,
                gold,
            }
        }

        fn len(&self) -> usize {
            self.starts.len() - 1
        }

        fn at(&self, i: usize) -> &[u32] {
            &self.buckets[self.starts[i] as usize..self.starts[i + 1] as usize]
        }
    }

    pub struct Config {
        /// log2 of the number of feature buckets.
        pub bits: u32,
        pub epochs: usize,
        /// Seed of the order the sentences are visited in, each epoch.
        pub seed: u64,
        /// Weights below this many quantisation steps are pruned to 0.
        pub prune: f32,
    }

    /// Deterministic shuffling (xorshift64*).
    struct Rng(u64);
    impl Rng {
        fn next(&mut self) -> u64 {
            self.0 ^= self.0 >> 12;
            self.0 ^= self.0 << 25;
            self.0 ^= self.0 >> 27;
            self.0.wrapping_mul(0x2545_f491_4f6c_dd1d)
        }
    }

    /// Trains on `examples` and returns the model bytes with `magic`. `progress` hears of each
    /// epoch (its number and how many sequences were tagged wrong).
    pub fn train<const T: usize>(
        examples: &[Example],
        magic: &[u8; 8],
        config: &Config,
        mut progress: impl FnMut(usize, usize),
    ) -> Vec<u8> {
        let size = 1usize << config.bits;
        // w: current weights; u: their time-weighted sum, for averaging (avg = w - u / c).
        let mut w = vec![0f32; size * T];
        let mut u = vec![0f32; size * T];
        let mut tw = vec![[0f32; T]; T + 1];
        let mut tu = vec![[0f32; T]; T + 1];
        let mut c = 1f32;
        let mut order: Vec<usize> = (0..examples.len()).collect();
        let mut rng = Rng(config.seed | 1);
        let (mut pred, mut back) = (Vec::new(), Vec::new());
        for epoch in 0..config.epochs {
            for k in (1..order.len()).rev() {
                let j = (rng.next() % (k as u64 + 1)) as usize;
                order.swap(k, j);
            }
            let mut errors = 0;
            for &s in &order {
                let ex = &examples[s];
                let emissions: Vec<[f32; T]> = (0..ex.len())
                    .map(|i| {
                        let mut e = [0f32; T];
                        for &b in ex.at(i) {
                            let at = b as usize * T;
                            for (t, x) in e.iter_mut().enumerate() {
                                *x += w[at + t];
                            }
                        }
                        e
                    })
                    .collect();
                pred.clear();
                pred.resize(ex.len(), 0u8);
                viterbi(&emissions, &tw, &mut pred, &mut back);
                let gold = &ex.gold;
                if pred == *gold {
                    c += 1.0;
                    continue;
                }
                errors += 1;
                for i in 0..ex.len() {
                    let (g, p) = (gold[i] as usize, pred[i] as usize);
                    if g != p {
                        for &b in ex.at(i) {
                            let at = b as usize * T;
                            w[at + g] += 1.0;
                            u[at + g] += c;
                            w[at + p] -= 1.0;
                            u[at + p] -= c;
                        }
                    }
                    let gp = if i == 0 { 0 } else { gold[i - 1] as usize + 1 };
                    let pp = if i == 0 { 0 } else { pred[i - 1] as usize + 1 };
                    if (gp, g) != (pp, p) {
                        tw[gp][g] += 1.0;
                        tu[gp][g] += c;
                        tw[pp][p] -= 1.0;
                        tu[pp][p] -= c;
                    }
                }
                c += 1.0;
            }
            progress(epoch + 1, errors);
        }
        let avg: Vec<f32> = w.iter().zip(&u).map(|(w, u)| w - u / c).collect();
        let trans: Vec<[f32; T]> = tw
            .iter()
            .zip(&tu)
            .map(|(w, u)| std::array::from_fn(|t| w[t] - u[t] / c))
            .collect();
        encode(magic, config.bits, &avg, &trans, config.prune)
    }

    /// Quantises weights to `i8` codes on a logarithmic scale (127 magnitudes from `prune` to
    /// the largest weight, each ≈ the same ratio above the last, so large and small weights keep
    /// the same relative precision), prunes smaller ones to 0, and writes the asset format.
    pub fn encode<const T: usize>(
        magic: &[u8; 8],
        bits: u32,
        weights: &[f32],
        trans: &[[f32; T]],
        prune: f32,
    ) -> Vec<u8> {
        let prune = prune.max(1e-6);
        let top = weights.iter().fold(prune * 2.0, |m, w| m.max(w.abs()));
        let ratio = (top / prune).powf(1.0 / (LEVELS - 1) as f32);
        let levels: Vec<f32> = (0..LEVELS).map(|k| prune * ratio.powi(k as i32)).collect();
        let mut out = Vec::with_capacity(header_len(T) + weights.len());
        out.extend_from_slice(magic);
        out.extend_from_slice(&bits.to_le_bytes());
        for l in &levels {
            out.extend_from_slice(&l.to_le_bytes());
        }
        for row in trans {
            for w in row {
                out.extend_from_slice(&w.to_le_bytes());
            }
        }
        let ln_ratio = ratio.ln();
        for &w in weights {
            let m = w.abs();
            let code = if m < prune * ratio.sqrt().recip() {
                0
            } else {
                // Nearest level in log space.
                let k = ((m / prune).ln() / ln_ratio)
                    .round()
                    .clamp(0.0, (LEVELS - 1) as f32);
                k as i32 + 1
            };
            let code = if w < 0.0 { -code } else { code };
            out.push(code as i8 as u8);
        }
        out
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn bio_constraints() {
        // O, B-X (odd) anywhere; I-X (even) only after its B-X or I-X.
        assert!(allowed(None, 0) && allowed(None, 1) && allowed(None, 3));
        assert!(!allowed(None, 2) && !allowed(Some(0), 2) && !allowed(Some(3), 2));
        assert!(allowed(Some(1), 2) && allowed(Some(2), 2) && allowed(Some(7), 8));
    }

    #[test]
    fn viterbi_never_opens_with_inside_tags() {
        // Emissions that favour I-X everywhere still decode to B-X I-X ….
        let emissions = vec![[0.0, 0.0, 5.0]; 3];
        let trans = vec![[0.0f32; 3]; 4];
        let mut out = vec![0u8; 3];
        viterbi(&emissions, &trans, &mut out, &mut Vec::new());
        assert_eq!(out, [1, 2, 2]);
    }
}
