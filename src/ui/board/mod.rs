//! The pipeline: the board of stage columns with their cards, and the sortable list.
mod deal_card;
pub mod deal_flags;
pub mod deal_list;
pub mod near_view;
pub mod pipeline;
mod score_badge;
mod stage_column;
