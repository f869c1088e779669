//! Pages, one module per route, grouped by entry. `phone` is the employee's app.

pub mod phone;
