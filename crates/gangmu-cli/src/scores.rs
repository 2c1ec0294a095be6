//! What the training commands share: their score line and their numeric options.

/// Counts of one kind: [correct, predicted, gold].
pub type Counts = [usize; 3];

/// Adds one sequence's mentions to the counts of `kinds` (people, organisations): exact spans.
pub fn tally<K: PartialEq + Copy>(
    counts: &mut [Counts; 2],
    kinds: [K; 2],
    gold: &[(K, gangmu_core::Span)],
    pred: &[(K, gangmu_core::Span)],
) {
    for (slot, kind) in kinds.into_iter().enumerate() {
        let g: Vec<_> = gold.iter().filter(|x| x.0 == kind).map(|x| x.1).collect();
        let mut p: Vec<_> = pred.iter().filter(|x| x.0 == kind).map(|x| x.1).collect();
        p.sort();
        p.dedup();
        counts[slot][0] += p.iter().filter(|x| g.contains(x)).count();
        counts[slot][1] += p.len();
        counts[slot][2] += g.len();
    }
}

/// "PER P … R … F1 … | ORG … | PER+ORG …" from the counts of people and organisations.
pub fn per_org(people: Counts, organizations: Counts) -> String {
    let f = |c: Counts| {
        let p = c[0] as f64 / c[1].max(1) as f64;
        let r = c[0] as f64 / c[2].max(1) as f64;
        let f1 = if p + r > 0.0 {
            2.0 * p * r / (p + r)
        } else {
            0.0
        };
        format!("P {p:.3} R {r:.3} F1 {f1:.3}")
    };
    let all = [0, 1, 2].map(|k| people[k] + organizations[k]);
    format!(
        "PER {} | ORG {} | PER+ORG {}",
        f(people),
        f(organizations),
        f(all)
    )
}

/// "model: 2^B buckets, N bytes, M non-zero weights" for a model of `tags` codes a bucket (the
/// header is whatever precedes the table).
pub fn model_line(bits: u32, bytes: &[u8], tags: usize) -> String {
    let table = (1usize << bits) * tags;
    let nonzero = bytes[bytes.len().saturating_sub(table)..]
        .iter()
        .filter(|&&b| b != 0)
        .count();
    format!(
        "model: 2^{bits} buckets, {} bytes, {nonzero} non-zero weights",
        bytes.len()
    )
}

/// The number after a flag, within `range` (the message names the flag and the range).
pub fn number_in<'a>(
    args: &mut impl Iterator<Item = &'a String>,
    flag: &str,
    range: std::ops::RangeInclusive<usize>,
) -> Result<usize, String> {
    args.next()
        .and_then(|n| n.parse().ok())
        .filter(|n| range.contains(n))
        .ok_or_else(|| {
            format!(
                "{flag} needs a number in {}..={}",
                range.start(),
                range.end()
            )
        })
}

#[cfg(test)]
mod tests {
    #[test]
    fn numeric_options_in_range() {
        let args = ["7".to_string(), "99".to_string(), "x".to_string()];
        let mut it = args.iter();
        assert_eq!(super::number_in(&mut it, "--epochs", 1..=50), Ok(7));
        assert!(super::number_in(&mut it, "--bits", 10..=22)
            .unwrap_err()
            .contains("--bits needs a number in 10..=22"));
        assert!(super::number_in(&mut it, "--epochs", 1..=50).is_err());
        assert!(
            super::number_in(&mut it, "--epochs", 1..=50).is_err(),
            "nothing left"
        );
    }

    #[test]
    fn scores_read_as_precision_recall_f1() {
        let s = super::per_org([3, 4, 6], [0, 0, 2]);
        assert_eq!(
            s,
            "PER P 0.750 R 0.500 F1 0.600 | ORG P 0.000 R 0.000 F1 0.000 | PER+ORG P 0.750 R 0.375 F1 0.500"
        );
    }
}
