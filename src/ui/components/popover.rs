//! A button that opens a panel below it (or, `modal`, in the middle of the page); a click outside,
//! Escape, or a click on anything inside marked `closes` closes it.

use wasm_bindgen::JsCast;
use yew::prelude::*;

#[derive(Properties, PartialEq)]
pub struct PopoverProps {
    /// The button's words.
    pub label: AttrValue,
    /// The button's class, which names the popover (`share`, `export`, …).
    pub class: AttrValue,
    pub title: AttrValue,
    #[prop_or_default]
    pub modal: bool,
    pub children: Html,
}

#[function_component]
pub fn Popover(props: &PopoverProps) -> Html {
    let open = use_state(|| false);
    let toggle = { let open = open.clone(); Callback::from(move |_: MouseEvent| open.set(!*open)) };
    let close = { let open = open.clone(); Callback::from(move |_: MouseEvent| open.set(false)) };
    let on_click = {
        let open = open.clone();
        Callback::from(move |e: MouseEvent| {
            let target = e.target().and_then(|t| t.dyn_into::<web_sys::Element>().ok());
            if target.and_then(|t| t.closest(".closes").ok().flatten()).is_some() {
                open.set(false);
            }
        })
    };
    let on_key = {
        let open = open.clone();
        Callback::from(move |e: KeyboardEvent| if e.key() == "Escape" { open.set(false) })
    };
    html! {
        <div class={classes!("popover", format!("popover-{}", props.class))} onkeydown={on_key}>
            <button class={classes!("menu-button", props.class.to_string())} onclick={toggle} title={props.title.clone()}
                    aria-expanded={open.to_string()}>{ props.label.clone() }</button>
            if *open {
                <div class={classes!("backdrop", props.modal.then_some("dim"))} onclick={close} />
                <div class={classes!("panel", props.modal.then_some("modal"))} role="dialog" onclick={on_click}>
                    { props.children.clone() }
                </div>
            }
        </div>
    }
}
