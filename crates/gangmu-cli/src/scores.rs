//! Mention-level scores as the training commands print them.

/// Counts of one kind: [correct, predicted, gold].
pub type Counts = [usize; 3];

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

#[cfg(test)]
mod tests {
    #[test]
    fn scores_read_as_precision_recall_f1() {
        let s = super::per_org([3, 4, 6], [0, 0, 2]);
        assert_eq!(
            s,
            "PER P 0.750 R 0.500 F1 0.600 | ORG P 0.000 R 0.000 F1 0.000 | PER+ORG P 0.750 R 0.375 F1 0.500"
        );
    }
}
