//! A drag handle between two panes of the wide layout (WAI-ARIA window splitter: a
//! focusable separator with a value). Dragging sets the width directly (a CSS custom
//! property in a stylesheet rule, see [`set_width_var`]) and tells the reducer once, on
//! release; arrow keys, Home, End and Enter go through the reducer.

use std::cell::{Cell, RefCell};
use std::rc::Rc;

use wasm_bindgen::{JsCast, JsValue};
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

thread_local! {
    /// The widths in force and the rule that carries them: `.panes { --w-outline: …;
    /// --w-side: … }` added at the end of the page's own stylesheet (its sheet and index).
    static WIDTHS: Cell<(u32, u32)> = const { Cell::new((0, 0)) };
    static RULE: RefCell<Option<(JsValue, u32)>> = const { RefCell::new(None) };
}

fn call(target: &JsValue, method: &str, args: &[JsValue]) -> Option<JsValue> {
    let f = js_sys::Reflect::get(target, &method.into())
        .ok()?
        .dyn_into::<js_sys::Function>()
        .ok()?;
    f.apply(target, &args.iter().collect::<js_sys::Array>())
        .ok()
}

/// Sets a side pane's width for the grid (`--w-outline` / `--w-side` on `.panes`). Through a
/// rule of the page's own stylesheet, edited with the CSSOM: the page carries no style
/// attribute (the CSP's rule, kept by the tests), and web-sys needs no extra features.
pub fn set_width_var(side: Side, px: u32) {
    let (outline, entities) = WIDTHS.with(|w| {
        let (mut o, mut e) = w.get();
        match side {
            Side::Outline => o = px,
            Side::Entities => e = px,
        }
        w.set((o, e));
        (o, e)
    });
    let mut rule = format!(".panes {{ --w-outline: {outline}px; --w-side: {entities}px; }}");
    if outline == 0 || entities == 0 {
        // Only one width known yet: leave the other to the default in style.css.
        rule = format!(".panes {{ {}: {px}px; }}", var_name(side));
    }
    RULE.with(|r| {
        let mut r = r.borrow_mut();
        if r.is_none() {
            let sheet = web_sys::window()
                .and_then(|w| w.document())
                .and_then(|d| js_sys::Reflect::get(&d, &"styleSheets".into()).ok())
                .and_then(|list| js_sys::Reflect::get(&list, &0.into()).ok())
                .filter(|s| !s.is_undefined() && !s.is_null());
            let len = sheet
                .as_ref()
                .and_then(|s| js_sys::Reflect::get(s, &"cssRules".into()).ok())
                .and_then(|rules| js_sys::Reflect::get(&rules, &"length".into()).ok())
                .and_then(|n| n.as_f64());
            if let (Some(sheet), Some(len)) = (sheet, len) {
                *r = Some((sheet, len as u32));
            } else {
                return;
            }
        } else if let Some((sheet, index)) = r.as_ref() {
            call(sheet, "deleteRule", &[(*index).into()]);
        }
        if let Some((sheet, index)) = r.as_ref() {
            call(sheet, "insertRule", &[rule.into(), (*index).into()]);
        }
    });
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

/// The widest a side pane is shown: [`PaneWidths::MAX`], or 28% of the window (the cap in
/// style.css's `.panes`), so the value a handle reports is the width one sees.
fn widest() -> u32 {
    let window = web_sys::window()
        .and_then(|w| w.inner_width().ok())
        .and_then(|w| w.as_f64())
        .unwrap_or(f64::INFINITY);
    ((window * 0.28) as u32).clamp(PaneWidths::MIN, PaneWidths::MAX)
}

/// The width after moving the handle `dx` px to the right: the outline pane is left of its
/// handle, the entities pane right of its own.
fn moved(side: Side, px0: u32, dx: f64) -> u32 {
    let v = match side {
        Side::Outline => px0 as f64 + dx,
        Side::Entities => px0 as f64 - dx,
    };
    (v.round().max(0.0) as u32).clamp(PaneWidths::MIN, widest())
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
            set_width_var(side, d.px);
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
                "End" => widest(),
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
            aria-valuenow={props.px.min(widest()).to_string()}
            aria-valuemin={PaneWidths::MIN.to_string()} aria-valuemax={widest().to_string()}
            aria-valuetext={format!("{} px", props.px.min(widest()))} data-testid="pane-handle"
            data-side={match side { Side::Outline => "outline", Side::Entities => "entities" }}
            {onpointerdown} {onpointermove} onpointerup={end.clone()} onpointercancel={end}
            {onkeydown} {ondblclick}>
            <span class="grip" aria-hidden="true"></span>
        </div>
    }
}
