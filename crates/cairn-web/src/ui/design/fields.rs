//! The state both console forms (designer, settings) share: values and errors by input id,
//! and what the templates' `input`/`area`/`error` macros read from them.

use std::collections::BTreeMap;

/// Values and errors by input id.
#[derive(Default)]
pub struct Fields {
    /// Text values by input id.
    pub v: BTreeMap<&'static str, String>,
    /// Errors by input id.
    pub errors: BTreeMap<String, String>,
}

impl Fields {
    /// The value of input `id`.
    pub fn val(&self, id: &str) -> &str {
        self.v.get(id).map_or("", String::as_str)
    }

    /// The error shown next to input `id`.
    pub fn err(&self, id: &str) -> Option<&String> {
        self.errors.get(id)
    }

    /// ` aria-invalid="true" aria-describedby="<id>-error"` when `id` has an error (ids are
    /// the form's own, never user input).
    pub fn aria(&self, id: &str) -> String {
        if self.errors.contains_key(id) {
            format!(" aria-invalid=\"true\" aria-describedby=\"{id}-error\"")
        } else {
            String::new()
        }
    }
}
