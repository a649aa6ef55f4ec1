//! The pure domain core: money, stages, deals, plans, summaries, the sample case and the stored-plan codec.
//! Nothing here touches the browser; everything is tested natively with `cargo test`.
pub mod deal;
pub mod forecast;
pub mod gates;
pub mod import;
pub mod list;
pub mod method;
pub mod money;
pub mod plan;
pub mod sample;
pub mod stage;
pub mod storage;
pub mod summary;
pub mod validate;

pub use deal::{Deal, DealId, DealStatus};
pub use money::{Currency, Money};
pub use plan::Plan;
pub use stage::Stage;
