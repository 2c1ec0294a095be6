//! The share link: the page's own URL plus the document and view in the fragment, its
//! length against what common channels carry, a copy button, and the `.gangmu` file when
//! the link is too long.

use yew::prelude::*;

use super::link_meter::link_meter;
use super::AppContext;
use crate::browser::{base_url, copy_text, download};
use crate::export::file_stem;
use crate::i18n::{group_digits, link_length};
use crate::recent::title_of;
use crate::state::{Action, Panel};

/// What each channel carries, roughly: a QR code (version 40, binary), a chat message, the
/// address bar of common browsers.
pub const LIMITS: [usize; 3] = [2_900, 4_000, 32_000];

/// Whether the copy worked (None: not tried yet).
#[derive(Clone, Copy, PartialEq)]
enum Copied {
    Yes,
    Selected,
}

#[function_component]
pub fn SharePanel() -> Html {
    let state = use_context::<AppContext>().expect("AppContext");
    let t = state.ui.strings();
    let input_ref = use_node_ref();
    let copied = use_state_eq(|| None::<Copied>);
    // A new link: forget "copied".
    {
        let copied = copied.clone();
        use_effect_with(state.share.clone(), move |_| copied.set(None));
    }
    let Some(fragment) = state.share.clone() else {
        return html! {};
    };
    let url = format!("{}#{}", base_url(), fragment);
    let len = url.len();

    let on_copy = {
        let url = url.clone();
        let copied = copied.clone();
        let input_ref = input_ref.clone();
        Callback::from(move |_: MouseEvent| {
            let (url, copied, input_ref) = (url.clone(), copied.clone(), input_ref.clone());
            wasm_bindgen_futures::spawn_local(async move {
                if copy_text(&url).await {
                    copied.set(Some(Copied::Yes));
                } else {
                    // Last resort: the link selected, for Ctrl+C.
                    if let Some(input) = input_ref.cast::<web_sys::HtmlInputElement>() {
                        let _ = input.focus();
                        input.select();
                    }
                    copied.set(Some(Copied::Selected));
                }
            });
        })
    };
    let on_focus = Callback::from(|e: FocusEvent| {
        let input: web_sys::HtmlInputElement = e.target_unchecked_into();
        input.select();
    });
    let on_file = {
        let state = state.clone();
        Callback::from(move |_: MouseEvent| {
            let name = format!("{}.gangmu", file_stem(&title_of(&state.input)));
            download(&name, "application/json", &state.shared().to_file());
        })
    };
    let close = state
        .dispatcher()
        .to_callback()
        .reform(|_: MouseEvent| Action::TogglePanel(Panel::Share));

    let channels: Html = LIMITS
        .iter()
        .zip(t.channels)
        .map(|(&limit, name)| {
            let fits = len <= limit;
            let verdict = if fits { t.fits } else { t.too_long };
            html! {
                <li class={classes!("channel", if fits { "fits" } else { "over" })}>
                    <span class="channel-name">{ name }</span>
                    <span class="channel-verdict">
                        { format!("≤ {} · {}{}", group_digits(limit), if fits { "✓ " } else { "✗ " }, verdict) }
                    </span>
                </li>
            }
        })
        .collect();

    html! {
        <section id="panel-share" class="panel" aria-labelledby="share-h">
            <div class="panel-head">
                <h2 id="share-h" class="panel-title">{ t.share_heading }</h2>
                <button type="button" class="btn btn-small" onclick={close}
                    aria-label={t.close}>{ "×" }</button>
            </div>
            <label for="share-link" class="panel-label">{ t.share_label }</label>
            <div class="share-row">
                <input id="share-link" ref={input_ref} data-testid="share-link" class="share-link"
                    type="text" readonly=true value={url} onfocus={on_focus} />
                <button type="button" class="btn primary" data-testid="copy-link"
                    onclick={on_copy}>{ t.copy_link }</button>
            </div>
            <p class="copy-status" role="status" aria-live="polite">
                {
                    match *copied {
                        Some(Copied::Yes) => t.copied,
                        Some(Copied::Selected) => t.copy_fallback,
                        None => "",
                    }
                }
            </p>
            <p class="link-length" data-testid="link-length" data-length={len.to_string()}>
                { link_length(state.ui, len) }
            </p>
            { link_meter(len, LIMITS, state.ui) }
            <ul class="channels">{ channels }</ul>
            if len > LIMITS[1] {
                <p class="too-long">
                    { t.too_long_hint }
                    { " " }
                    <button type="button" class="btn" data-testid="share-file"
                        onclick={on_file}>{ t.export_gangmu }</button>
                </p>
            }
        </section>
    }
}
