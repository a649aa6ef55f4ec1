//! The slides of the method: the three cycles, a stage, a discussion question of the deck. The
//! markup is written as text (every text escaped) rather than built node by node: it is shown,
//! never edited, and text costs the download far less than nodes.
use yew::prelude::*;

use crate::chart::people_svg::escape;
use crate::domain::method::{content, Method};
use crate::domain::Stage;
use crate::i18n::Lang;
use crate::ui::deal::cycles_diagram::CyclesDiagram;

/// Appends `<tag attrs>text</tag>`, the text escaped.
pub(super) fn el(out: &mut String, tag: &str, attrs: &str, text: &str) {
    out.push('<');
    out.push_str(tag);
    out.push_str(attrs);
    out.push('>');
    out.push_str(&escape(text));
    out.push_str("</");
    out.push_str(tag);
    out.push('>');
}

/// Markup written by [`el`] (one element around it all).
pub(super) fn raw(markup: String) -> Html {
    Html::from_html_unchecked(markup.into())
}

/// The three cycles, large, with the keys that move.
pub fn cycles(lang: Lang) -> Html {
    let t = lang.texts();
    html! {
        <>
            <h1>{ t.cycles_title }</h1>
            <CyclesDiagram {lang} claimed={Stage::P0} verified={Stage::P0} probability={0} bare=true />
            <p class="hint">{ t.projector_keys }</p>
        </>
    }
}

/// A stage: its probability, its acceptance items (the plan's method) and its steps.
pub fn stage(lang: Lang, method: &Method, stage: Stage) -> Html {
    let t = lang.texts();
    let row = content().row(stage);
    let items: Vec<_> = method.active_gate(stage).collect();
    // keyplan's completion of the deck (P5–P7) is marked once, not on every item or step
    let all_ours = !items.is_empty() && items.iter().all(|item| item.ours);
    let mut mark = String::new();
    el(&mut mark, "span", r#" class="mark""#, t.ours);
    let ours = |s: &mut String, ours: bool| {
        if ours {
            s.push_str(&mark)
        }
    };
    let mut s = String::from(r#"<div><header class="slide-head"><h1>"#);
    s.push_str(&escape(&format!(
        "{} · {}",
        stage.code(),
        lang.stage_name(stage)
    )));
    ours(&mut s, lang.stage_name_ours(stage));
    s.push_str("</h1>");
    let probability = format!("{}%", method.probability(stage));
    el(&mut s, "span", r#" class="big""#, &probability);
    s.push_str("</header>");
    s.push_str("<p>");
    s.push_str(&escape(lang.pick(&row.summary)));
    ours(&mut s, row.summary_ours);
    s.push_str("</p>");
    s.push_str(r#"<div class="columns"><section data-testid="projector-gate-items"><h2>"#);
    s.push_str(&escape(t.tab_gates));
    ours(&mut s, all_ours);
    s.push_str("</h2><ol>");
    for item in items {
        s.push_str("<li>");
        s.push_str(&escape(lang.pick(&item.text)));
        ours(&mut s, item.ours && !all_ours);
        s.push_str("</li>");
    }
    s.push_str("</ol></section><section>");
    let steps = &row.sales.steps;
    let all_ours = !steps.is_empty() && steps.iter().all(|step| step.ours);
    s.push_str("<h2>");
    s.push_str(&escape(t.steps));
    ours(&mut s, all_ours);
    s.push_str("</h2><ol>");
    for step in steps {
        s.push_str("<li>");
        s.push_str(&escape(lang.pick(&step.title)));
        ours(&mut s, step.ours && !all_ours);
        s.push_str("</li>");
    }
    s.push_str("</ol></section></div></div>");
    raw(s)
}

/// A discussion question of the deck, with its BTC/BTB comparison beside it.
pub fn question(lang: Lang, n: usize) -> Html {
    let t = lang.texts();
    let questions = lang.workshop_questions();
    let (title, rows) = lang.btc_btb();
    let mut s = String::from(r#"<div class="columns question"><section>"#);
    let of = format!(
        "{} · {} {} / {}",
        t.projector_deck,
        t.projector_question,
        n + 1,
        questions.len()
    );
    el(&mut s, "p", r#" class="mark""#, &of);
    el(
        &mut s,
        "h1",
        r#" data-testid="projector-question""#,
        questions[n],
    );
    s.push_str(r#"</section><table class="btc-btb" data-testid="btc-btb"><caption>"#);
    s.push_str(&escape(title));
    el(&mut s, "span", r#" class="mark""#, t.projector_deck);
    s.push_str("</caption>");
    for (i, row) in rows.iter().enumerate() {
        s.push_str("<tr>");
        for cell in row {
            el(&mut s, if i == 0 { "th" } else { "td" }, "", cell);
        }
        s.push_str("</tr>");
    }
    s.push_str("</table></div>");
    raw(s)
}
