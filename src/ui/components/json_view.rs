//! A JSON value as the inspector shows it: indented, objects and arrays collapsible, with a button
//! that copies it.

use yew::prelude::*;

use crate::asl::json::Value;
use crate::bridge::outcome::pretty;
use crate::ui::components::download::copy;

/// Values whose JSON text is at most this long are shown on one line.
const INLINE: usize = 60;

#[derive(Properties, PartialEq)]
pub struct JsonViewProps {
    pub value: Value,
}

#[function_component]
pub fn JsonView(props: &JsonViewProps) -> Html {
    let copied = use_state(|| false);
    let on_copy = {
        let (value, copied) = (props.value.clone(), copied.clone());
        Callback::from(move |_| {
            copy(&pretty(&value));
            copied.set(true);
        })
    };
    html! {
        <div class="json" data-json={props.value.to_json()}>
            <button class="copy" title="Copy this JSON" onclick={on_copy}>{ if *copied { "Copied" } else { "Copy" } }</button>
            { node(&props.value, 0) }
        </div>
    }
}

fn node(value: &Value, depth: usize) -> Html {
    let text = value.to_json();
    if text.len() <= INLINE {
        return html! { <code class={classes!("json-value", value.type_name())}>{ text }</code> };
    }
    let (open, close, members): (&str, &str, Vec<(Option<String>, &Value)>) = match value {
        Value::Array(items) => ("[", "]", items.iter().map(|v| (None, v)).collect()),
        Value::Object(map) => ("{", "}", map.iter().map(|(k, v)| (Some(Value::str(k).to_json()), v)).collect()),
        _ => return html! { <code class={classes!("json-value", value.type_name())}>{ text }</code> },
    };
    let noun = match (open, members.len()) {
        ("[", 1) => "item",
        ("[", _) => "items",
        (_, 1) => "key",
        _ => "keys",
    };
    let count = format!("{open} {} {noun} {close}", members.len());
    html! {
        <details class="json-node" open={depth < 3}>
            <summary>{ count }</summary>
            <ul>
                { for members.into_iter().map(|(key, v)| html! {
                    <li>
                        if let Some(key) = key { <span class="json-key">{ key }{ ": " }</span> }
                        { node(v, depth + 1) }
                    </li>
                }) }
            </ul>
        </details>
    }
}
