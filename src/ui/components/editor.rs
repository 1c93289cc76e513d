//! A CodeMirror editor as a Yew component. CodeMirror owns the text while the user types; the
//! component hands it a new text only when `revision` changes (a sample was loaded).

use std::cell::RefCell;
use std::rc::Rc;

use wasm_bindgen::closure::Closure;
use wasm_bindgen::JsCast;
use yew::prelude::*;

use crate::bridge::js::{create_editor, EditorHandle};

#[derive(Properties, PartialEq)]
pub struct EditorProps {
    /// `json`, `json-live`, `javascript`, `jsonata` or `json-plain` (see www/js/editor.js).
    pub language: &'static str,
    pub text: Rc<str>,
    pub revision: u32,
    /// Diagnostics as the glue takes them (JSON).
    pub diagnostics: Rc<str>,
    /// A UTF-16 offset to show, with a nonce so the same place can be asked for twice.
    pub reveal: Option<(usize, u32)>,
    pub hidden: bool,
    pub label: &'static str,
    pub on_change: Callback<String>,
    pub on_run: Callback<()>,
}

/// What lives as long as the editor: the handle and the closures JavaScript calls.
struct Mounted {
    handle: EditorHandle,
    _on_change: Closure<dyn FnMut(String)>,
    _on_run: Closure<dyn FnMut()>,
}

#[function_component]
pub fn Editor(props: &EditorProps) -> Html {
    let node = use_node_ref();
    let mounted: Rc<RefCell<Option<Mounted>>> = use_mut_ref(|| None);
    // The closures are made once; they call whichever callbacks the latest render passed.
    let callbacks = use_mut_ref(|| (props.on_change.clone(), props.on_run.clone()));
    *callbacks.borrow_mut() = (props.on_change.clone(), props.on_run.clone());

    {
        let (node, mounted, callbacks) = (node.clone(), mounted.clone(), callbacks.clone());
        let (language, text) = (props.language, props.text.clone());
        use_effect_with((), move |_| {
            if let Some(parent) = node.cast::<web_sys::Element>() {
                let changed = callbacks.clone();
                let on_change = Closure::<dyn FnMut(String)>::new(move |text: String| changed.borrow().0.emit(text));
                let on_run = Closure::<dyn FnMut()>::new(move || callbacks.borrow().1.emit(()));
                let handle = create_editor(
                    &parent,
                    language,
                    &text,
                    on_change.as_ref().unchecked_ref(),
                    on_run.as_ref().unchecked_ref(),
                );
                *mounted.borrow_mut() = Some(Mounted { handle, _on_change: on_change, _on_run: on_run });
            }
            move || {
                if let Some(m) = mounted.borrow_mut().take() {
                    m.handle.destroy();
                }
            }
        });
    }
    {
        let (mounted, text) = (mounted.clone(), props.text.clone());
        use_effect_with(props.revision, move |revision| {
            if *revision > 0 {
                if let Some(m) = &*mounted.borrow() {
                    m.handle.set_text(&text);
                }
            }
        });
    }
    {
        let mounted = mounted.clone();
        use_effect_with(props.diagnostics.clone(), move |diagnostics| {
            if let Some(m) = &*mounted.borrow() {
                m.handle.set_diagnostics(diagnostics);
            }
        });
    }
    {
        use_effect_with(props.reveal, move |reveal| {
            if let (Some((offset, _)), Some(m)) = (reveal, &*mounted.borrow()) {
                m.handle.reveal(u32::try_from(*offset).unwrap_or(u32::MAX));
            }
        });
    }
    html! { <div class="editor" ref={node} hidden={props.hidden} aria-label={props.label} data-pane={props.label} /> }
}
