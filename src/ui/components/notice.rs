//! A message over the page: what was just opened (with Undo), or why a link did not open.

use yew::prelude::*;

/// How long news shows: long enough to reach Undo, short enough not to hide the events table for long.
const NEWS_MS: u32 = 8_000;

/// What the notice says.
#[derive(Clone, Debug, PartialEq)]
pub struct Notice {
    pub message: String,
    /// A problem rather than news.
    pub error: bool,
    /// Offers Undo (bringing back the workspace that was replaced).
    pub undo: bool,
}

#[derive(Properties, PartialEq)]
pub struct NoticeProps {
    pub notice: Notice,
    pub on_undo: Callback<()>,
    pub on_close: Callback<()>,
}

#[function_component]
pub fn NoticeBar(props: &NoticeProps) -> Html {
    let notice = &props.notice;
    // News goes after a while (what it offers to undo stays under Recent); a problem stays until dismissed.
    use_effect_with(notice.clone(), {
        let close = props.on_close.clone();
        move |notice| {
            let timer = (!notice.error).then(|| gloo_timers::callback::Timeout::new(NEWS_MS, move || close.emit(())));
            move || drop(timer)
        }
    });
    html! {
        <div class={classes!("notice", notice.error.then_some("error"))} role={if notice.error { "alert" } else { "status" }}>
            <span class="message">{ &notice.message }</span>
            if notice.undo {
                <button class="undo" onclick={props.on_undo.reform(|_| ())}>{ "Undo" }</button>
            }
            <button class="dismiss" onclick={props.on_close.reform(|_| ())} aria-label="Dismiss">{ "×" }</button>
        </div>
    }
}
