//! What every component may reach without props: the dispatcher of the app's reducer.
use yew::prelude::*;

use crate::session::Session;

/// Sends actions to the app's reducer; compares equal to itself, so it spares re-renders.
pub type Dispatch = UseReducerDispatcher<Session>;

/// The dispatcher, from any component under the app.
#[hook]
pub fn use_dispatch() -> Dispatch {
    use_context::<Dispatch>().expect("components are rendered inside App")
}
