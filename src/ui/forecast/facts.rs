//! The forecast's facts kept across renders (see `domain::forecast::facts`): when the plan
//! changes, only the deals that changed are derived again, so a change of basis, window, filter
//! or grouping, or an edit to one deal, recomputes from them in one sweep.
use std::rc::Rc;

use yew::prelude::*;

use crate::domain::facts::Facts;
use crate::domain::Plan;

#[hook]
pub fn use_facts(plan: &Rc<Plan>) -> Rc<Facts> {
    let kept = use_mut_ref(|| Rc::new(Facts::default()));
    let mut kept = kept.borrow_mut();
    if !kept.is_of(plan) {
        Rc::make_mut(&mut kept).refresh(plan);
    }
    Rc::clone(&kept)
}
