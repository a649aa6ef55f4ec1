//! A labelled form field with its hint and its error, wired for screen readers.
use yew::prelude::*;

use crate::domain::deal::Field;
use crate::i18n::Lang;

/// The element id of a deal field's input: `deal-name`, `deal-close`, …
pub fn input_id(field: Field) -> &'static str {
    match field {
        Field::Name => "deal-name",
        Field::Customer => "deal-customer",
        Field::Amount => "deal-amount",
        Field::Stage => "deal-stage",
        Field::Status => "deal-status",
        Field::ExpectedClose => "deal-close",
        Field::ClosedOn => "deal-closed-on",
        Field::Owner => "deal-owner",
        Field::Product => "deal-product",
        Field::Region => "deal-region",
        Field::Segment => "deal-segment",
        Field::NextStep => "deal-next-step",
        Field::Notes => "deal-notes",
        Field::Probability => "deal-probability",
        Field::Category => "deal-category",
        Field::Gates => "deal-gates",
        Field::History => "deal-history",
        Field::SelfCheck => "deal-self-check",
        Field::Strategies => "strategies-text",
        Field::People => "deal-people",
        Field::Bonus => "bonus-total",
        Field::Created => "deal-created",
        Field::Updated => "deal-updated",
        Field::Extra => "deal-extra",
    }
}

/// The ids an input should name in `aria-describedby`.
pub fn described_by(field: Field, has_hint: bool, has_error: bool) -> Option<String> {
    let id = input_id(field);
    let parts: Vec<String> = [(has_hint, "hint"), (has_error, "error")]
        .into_iter()
        .filter(|(on, _)| *on)
        .map(|(_, what)| format!("{id}-{what}"))
        .collect();
    (!parts.is_empty()).then(|| parts.join(" "))
}

#[derive(Properties, PartialEq)]
pub struct FormFieldProps {
    pub field: Field,
    pub lang: Lang,
    #[prop_or_default]
    pub required: bool,
    #[prop_or_default]
    pub wide: bool,
    #[prop_or_default]
    pub hint: Option<AttrValue>,
    #[prop_or_default]
    pub error: Option<String>,
    /// A label in place of the field's own.
    #[prop_or_default]
    pub label: Option<&'static str>,
    pub children: Html,
}

#[component]
pub fn FormField(props: &FormFieldProps) -> Html {
    let id = input_id(props.field);
    html! {
        <div class={classes!("form-field", props.wide.then_some("wide"), props.error.is_some().then_some("invalid"))}>
            <label for={id}>
                { props.label.unwrap_or_else(|| props.lang.field_label(props.field)) }
                if props.required { <span class="required" aria-hidden="true">{ " *" }</span> }
            </label>
            { props.children.clone() }
            if let Some(hint) = &props.hint {
                <p class="hint" id={format!("{id}-hint")}>{ hint.clone() }</p>
            }
            if let Some(error) = &props.error {
                <p class="field-error" data-testid="field-error" data-field={props.field.key()} id={format!("{id}-error")}>{ error.clone() }</p>
            }
        </div>
    }
}
