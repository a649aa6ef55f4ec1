//! What every component may reach without props: the dispatcher and the current language.
use yew::prelude::*;

use super::state::State;

/// Sends actions to the app's reducer; compares equal to itself, so it spares re-renders.
pub type Dispatch = UseReducerDispatcher<State>;

/// The dispatcher, from any component under [`super::app::App`].
#[hook]
pub fn use_dispatch() -> Dispatch {
    use_context::<Dispatch>().expect("components are rendered inside App")
}
