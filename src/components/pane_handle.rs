//! A drag handle between two panes of the wide layout (WAI-ARIA window splitter: a
//! focusable separator with a value). Dragging sets the width directly on the grid (a CSS
//! custom property, through the CSSOM: the CSP forbids style attributes, not this) and
//! tells the reducer once, on release; arrow keys, Home and End go through the reducer.

use std::cell::RefCell;
use std::rc::Rc;

use wasm_bindgen::JsCast;
use yew::prelude::*;

use crate::i18n::UiLang;
use crate::state::{Action, AppState, PaneWidths, Side};

/// Arrow keys move a handle this far (with Shift, four times as far).
const STEP_PX: u32 = 16;

/// The grid's custom property for a side pane's width.
pub fn var_name(side: Side) -> &'static str {
    match side {
        Side::Outline => "--w-outline",
        Side::Entities => "--w-side",
    }
}

/// Sets `--w-…: {px}px` on `el` through `el.style.setProperty` (web-sys's
/// CssStyleDeclaration is not among the app's features; this needs none).
pub fn set_width_var(el: &web_sys::Element, side: Side, px: u32) {
    let Ok(style) = js_sys::Reflect::get(el, &"style".into()) else {
        return;
    };
    let Ok(set) = js_sys::Reflect::get(&style, &"setProperty".into())
        .and_then(|f| f.dyn_into::<js_sys::Function>())
    else {
        return;
    };
    let _ = set.call2(&style, &var_name(side).into(), &format!("{px}px").into());
}

#[derive(Properties, PartialEq)]
pub struct PaneHandleProps {
    pub side: Side,
    /// The pane's width now.
    pub px: u32,
    pub ui: UiLang,
    pub dispatch: UseReducerDispatcher<AppState>,
}

/// A drag in progress: where it started and the width it has reached.
#[derive(Clone, Copy)]
struct Drag {
    x0: f64,
    px0: u32,
    px: u32,
}

/// The width after moving the handle `dx` px to the right: the outline pane is left of its
/// handle, the entities pane right of its own.
fn moved(side: Side, px0: u32, dx: f64) -> u32 {
    let v = match side {
        Side::Outline => px0 as f64 + dx,
        Side::Entities => px0 as f64 - dx,
    };
    (v.round().max(0.0) as u32).clamp(PaneWidths::MIN, PaneWidths::MAX)
}

#[function_component]
pub fn PaneHandle(props: &PaneHandleProps) -> Html {
    let t = props.ui.strings();
    let side = props.side;
    let drag: Rc<RefCell<Option<Drag>>> = use_mut_ref(|| None);
    let onpointerdown = {
        let (drag, px0) = (drag.clone(), props.px);
        Callback::from(move |e: PointerEvent| {
            if e.button() != 0 {
                return;
            }
            e.prevent_default();
            if let Some(el) = e
                .target()
                .and_then(|t| t.dyn_into::<web_sys::Element>().ok())
            {
                let _ = el.set_pointer_capture(e.pointer_id());
                let _ = el.set_attribute("data-dragging", "true");
            }
            *drag.borrow_mut() = Some(Drag {
                x0: e.client_x() as f64,
                px0,
                px: px0,
            });
        })
    };
    let onpointermove = {
        let drag = drag.clone();
        Callback::from(move |e: PointerEvent| {
            let mut d = drag.borrow_mut();
            let Some(d) = d.as_mut() else { return };
            d.px = moved(side, d.px0, e.client_x() as f64 - d.x0);
            if let Some(grid) = e
                .target()
                .and_then(|t| t.dyn_into::<web_sys::Element>().ok())
                .and_then(|el| el.closest(".panes").ok().flatten())
            {
                set_width_var(&grid, side, d.px);
            }
        })
    };
    let end = {
        let (drag, dispatch) = (drag.clone(), props.dispatch.clone());
        Callback::from(move |e: PointerEvent| {
            if let Some(el) = e
                .target()
                .and_then(|t| t.dyn_into::<web_sys::Element>().ok())
            {
                let _ = el.remove_attribute("data-dragging");
            }
            if let Some(d) = drag.borrow_mut().take() {
                dispatch.dispatch(Action::SetPaneWidth { side, px: d.px });
            }
        })
    };
    let onkeydown = {
        let (dispatch, px) = (props.dispatch.clone(), props.px);
        Callback::from(move |e: KeyboardEvent| {
            let step = if e.shift_key() { STEP_PX * 4 } else { STEP_PX } as f64;
            let px = match e.key().as_str() {
                "ArrowLeft" => moved(side, px, -step),
                "ArrowRight" => moved(side, px, step),
                "Home" => PaneWidths::MIN,
                "End" => PaneWidths::MAX,
                "Enter" => PaneWidths::default().get(side),
                _ => return,
            };
            e.prevent_default();
            dispatch.dispatch(Action::SetPaneWidth { side, px });
        })
    };
    let ondblclick = {
        let dispatch = props.dispatch.clone();
        Callback::from(move |_: MouseEvent| {
            dispatch.dispatch(Action::SetPaneWidth {
                side,
                px: PaneWidths::default().get(side),
            })
        })
    };
    let (label, controls, class) = match side {
        Side::Outline => (t.resize_outline, "pane-outline", "handle-outline"),
        Side::Entities => (t.resize_entities, "pane-entities", "handle-side"),
    };
    html! {
        <div class={classes!("pane-handle", class)} role="separator" tabindex="0"
            aria-orientation="vertical" aria-label={label} aria-controls={controls}
            aria-valuenow={props.px.to_string()} aria-valuemin={PaneWidths::MIN.to_string()}
            aria-valuemax={PaneWidths::MAX.to_string()}
            aria-valuetext={format!("{} px", props.px)} data-testid="pane-handle"
            data-side={match side { Side::Outline => "outline", Side::Entities => "entities" }}
            {onpointerdown} {onpointermove} onpointerup={end.clone()} onpointercancel={end}
            {onkeydown} {ondblclick}>
            <span class="grip" aria-hidden="true"></span>
        </div>
    }
}
