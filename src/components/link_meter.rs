//! The share link's length as a meter against what each channel carries (QR code, chat
//! app, address bar), on a log scale so 2,900 and 32,000 both have room. Drawn in SVG with
//! percentage attributes: it scales with the panel and needs no style attribute (CSP).

use yew::prelude::*;

use crate::i18n::{group_digits, UiLang};

/// The scale: 1,000 to 100,000 characters, logarithmic.
const LO: f64 = 1_000.0;
const HI: f64 = 100_000.0;

/// Where `len` sits on the scale, in percent (clamped to the ends).
pub fn position(len: usize) -> f64 {
    let x = ((len.max(1) as f64).log10() - LO.log10()) / (HI.log10() - LO.log10());
    (x * 100.0).clamp(0.0, 100.0)
}

/// A plain function, like [`super::tab_bar::tab_bar`] (rendered by the share panel).
pub fn link_meter(len: usize, limits: [usize; 3], ui: UiLang) -> Html {
    let t = ui.strings();
    let pct = |v: f64| format!("{v:.2}%");
    let fits = limits.iter().filter(|&&l| len <= l).count();
    // All fit, some fit, none fit.
    let class = match fits {
        3 => "fits-all",
        0 => "fits-none",
        _ => "fits-some",
    };
    let summary = limits
        .iter()
        .zip(t.channels)
        .map(|(&l, name)| {
            format!(
                "{name} ≤ {} {}",
                group_digits(l),
                if len <= l { t.fits } else { t.too_long }
            )
        })
        .collect::<Vec<_>>()
        .join("；");
    let label = format!("{}：{} · {summary}", t.link_meter, group_digits(len));
    let ticks: Html = limits
        .iter()
        .zip(t.channels)
        .enumerate()
        .map(|(i, (&l, name))| {
            let x = pct(position(l));
            // Labels alternate below and above the bar so neighbours do not collide.
            let y = if i % 2 == 0 { "48" } else { "10" };
            let over = len > l;
            html! {
                <g class={classes!("tick", over.then_some("over"))}>
                    <line x1={x.clone()} x2={x.clone()} y1="14" y2="34" />
                    <text x={x} y={y} text-anchor="middle">{ name }</text>
                </g>
            }
        })
        .collect();
    let at = pct(position(len));
    html! {
        <div class={classes!("link-meter", class)} data-testid="link-meter"
            data-length={len.to_string()} data-fits={fits.to_string()}>
            <svg width="100%" height="54" role="img" aria-label={label} focusable="false">
                <rect class="track" x="0" y="19" width="100%" height="10" rx="5" />
                <rect class="fill" x="0" y="19" width={at.clone()} height="10" rx="5" />
                { ticks }
                <line class="now" x1={at.clone()} x2={at} y1="15" y2="33" />
            </svg>
        </div>
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn log_scale_positions() {
        assert_eq!(position(1_000), 0.0);
        assert_eq!(position(100_000), 100.0);
        assert!((position(10_000) - 50.0).abs() < 1e-9);
        assert_eq!(position(10), 0.0);
        assert_eq!(position(10_000_000), 100.0);
        assert!(position(2_900) < position(4_000) && position(4_000) < position(32_000));
    }
}
