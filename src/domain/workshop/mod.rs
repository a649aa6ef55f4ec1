//! The workshop kit's core: the tables' copies of a case ([`copies`]) and the trainer's
//! comparison of the plans the tables hand back ([`compare`]).
pub mod compare;
pub mod copies;
pub mod sheet;
