//! One sort for the analysis' lists.
//!
//! Each `sort_by_key` on another element type or key is another copy of the standard
//! library's sort in the wasm the page downloads (several kilobytes each). The lists the
//! analysis orders (people, organisations, headings, spans) all sort through here instead:
//! their keys go into one vector of plain integers, sorted once, by one copy of the sort.

/// Sorts `items` by `key`, ascending; equal keys keep their order (a stable sort).
pub(crate) fn sort_by_key<T>(items: &mut Vec<T>, key: impl Fn(&T) -> (usize, usize)) {
    let mut order: Vec<(usize, usize, usize)> = items
        .iter()
        .enumerate()
        .map(|(i, item)| {
            let (a, b) = key(item);
            (a, b, i)
        })
        .collect();
    if order.windows(2).all(|w| w[0] <= w[1]) {
        return;
    }
    order.sort_unstable();
    let mut slots: Vec<Option<T>> = items.drain(..).map(Some).collect();
    items.extend(
        order
            .into_iter()
            .filter_map(|(_, _, i)| slots.get_mut(i).and_then(Option::take)),
    );
}

/// A key component that sorts descending.
pub(crate) fn descending(n: usize) -> usize {
    usize::MAX - n
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn sorts_by_key_and_keeps_ties_in_order() {
        let mut v = vec![("c", 2), ("a", 1), ("b", 2), ("d", 0)];
        sort_by_key(&mut v, |&(_, k)| (k, 0));
        assert_eq!(v, [("d", 0), ("a", 1), ("c", 2), ("b", 2)]);
        sort_by_key(&mut v, |&(_, k)| (descending(k), 0));
        assert_eq!(v, [("c", 2), ("b", 2), ("a", 1), ("d", 0)]);
        let mut empty: Vec<u8> = Vec::new();
        sort_by_key(&mut empty, |_| (0, 0));
        assert!(empty.is_empty());
    }
}
