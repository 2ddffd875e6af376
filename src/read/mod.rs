//! Reading the checks' inputs from JSON (the input/output layer; the application's reader
//! and the shared readers are in `crate::input`). Each reader names every error by the
//! JSON Pointer of the value at fault.

mod change;
mod cost;
mod project_class;
