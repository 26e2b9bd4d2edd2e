//! Multi-valued JSON-LD properties: read one value or an array, write the form Cairn chooses.

use serde::de::{DeserializeOwned, Error as _};
use serde::{Deserialize, Deserializer, Serialize, Serializer};
use serde_json::Value;

/// A multi-valued property that accepts a single value or an array and is always written as
/// an array (OB `serialization.md`: `type`, `proof`, `credentialSchema`, `termsOfUse`,
/// `evidence`, `endorsement`, `alignment`, `identifier`, `result`, ...).
///
/// Fields of this type use `#[serde(default, skip_serializing_if = "OneOrMany::is_empty")]`
/// when optional, so an absent or empty property is omitted.
#[derive(Debug, Clone, PartialEq)]
pub struct OneOrMany<T>(pub Vec<T>);

impl<T> OneOrMany<T> {
    /// One value.
    pub fn one(value: T) -> Self {
        Self(vec![value])
    }

    /// True when there are no values.
    pub fn is_empty(&self) -> bool {
        self.0.is_empty()
    }

    /// Number of values.
    pub fn len(&self) -> usize {
        self.0.len()
    }

    /// Iterate over the values.
    pub fn iter(&self) -> std::slice::Iter<'_, T> {
        self.0.iter()
    }

    /// The first value, if any.
    pub fn first(&self) -> Option<&T> {
        self.0.first()
    }

    /// Append a value.
    pub fn push(&mut self, value: T) {
        self.0.push(value);
    }
}

impl OneOrMany<String> {
    /// True when one of the values equals `name` (used for `type`).
    pub fn contains_str(&self, name: &str) -> bool {
        self.0.iter().any(|t| t == name)
    }

    /// Build a `type` list from string slices.
    pub fn of(names: &[&str]) -> Self {
        Self(names.iter().map(|n| (*n).to_owned()).collect())
    }
}

impl<T> Default for OneOrMany<T> {
    fn default() -> Self {
        Self(Vec::new())
    }
}

impl<T> From<Vec<T>> for OneOrMany<T> {
    fn from(values: Vec<T>) -> Self {
        Self(values)
    }
}

impl<T> FromIterator<T> for OneOrMany<T> {
    fn from_iter<I: IntoIterator<Item = T>>(iter: I) -> Self {
        Self(iter.into_iter().collect())
    }
}

impl<'a, T> IntoIterator for &'a OneOrMany<T> {
    type Item = &'a T;
    type IntoIter = std::slice::Iter<'a, T>;
    fn into_iter(self) -> Self::IntoIter {
        self.0.iter()
    }
}

impl<T: Serialize> Serialize for OneOrMany<T> {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        self.0.serialize(serializer)
    }
}

impl<'de, T: DeserializeOwned> Deserialize<'de> for OneOrMany<T> {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        // Buffer through `Value` so that an invalid item reports serde_json's message (with
        // the field it failed on) instead of untagged's "did not match any variant".
        match Value::deserialize(deserializer)? {
            Value::Array(items) => {
                items.into_iter().map(T::deserialize).collect::<Result<Vec<T>, _>>().map(Self).map_err(D::Error::custom)
            }
            single => T::deserialize(single).map(Self::one).map_err(D::Error::custom),
        }
    }
}

/// A property that is one value or an array and keeps the shape it was given.
///
/// Used where OB writes a single object but VCDM 2.0 allows several: `credentialStatus`
/// (Cairn's suspension option writes two entries, §7.1), `refreshService`, `previousProof`.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[serde(untagged)]
pub enum SingleOrArray<T> {
    /// Written as a bare value.
    Single(T),
    /// Written as an array.
    Array(Vec<T>),
}

impl<T> SingleOrArray<T> {
    /// Iterate over the values in either shape.
    pub fn iter(&self) -> std::slice::Iter<'_, T> {
        match self {
            Self::Single(value) => std::slice::from_ref(value).iter(),
            Self::Array(values) => values.iter(),
        }
    }

    /// Number of values.
    pub fn len(&self) -> usize {
        match self {
            Self::Single(_) => 1,
            Self::Array(values) => values.len(),
        }
    }

    /// True when this is an empty array.
    pub fn is_empty(&self) -> bool {
        self.len() == 0
    }
}

impl<'de, T: DeserializeOwned> Deserialize<'de> for SingleOrArray<T> {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        match Value::deserialize(deserializer)? {
            Value::Array(items) => items
                .into_iter()
                .map(T::deserialize)
                .collect::<Result<Vec<T>, _>>()
                .map(Self::Array)
                .map_err(D::Error::custom),
            single => T::deserialize(single).map(Self::Single).map_err(D::Error::custom),
        }
    }
}

/// Serde helpers for `f64` properties (`creditsAvailable`, `latitude`, ...): a whole number is
/// written without a fraction (`3`, not `3.0`), the form JSON-LD toRdf and the fixtures use.
pub mod float {
    use serde::Serializer;

    /// Largest integer below which every whole `f64` is exact.
    const EXACT: f64 = 9_007_199_254_740_992.0;

    /// Serialize an `f64`, whole numbers as integers.
    pub fn serialize<S: Serializer>(value: &f64, serializer: S) -> Result<S::Ok, S::Error> {
        let v = *value;
        if v.fract() == 0.0 && v.abs() < EXACT {
            // Exact: |v| < 2^53 and whole, so the cast loses nothing.
            #[allow(clippy::cast_possible_truncation)]
            let whole = v as i64;
            serializer.serialize_i64(whole)
        } else {
            serializer.serialize_f64(v)
        }
    }

    /// Serialize an `Option<f64>` (use with `skip_serializing_if = "Option::is_none"`).
    pub fn serialize_option<S: Serializer>(value: &Option<f64>, serializer: S) -> Result<S::Ok, S::Error> {
        match value {
            Some(v) => serialize(v, serializer),
            None => serializer.serialize_none(),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    #[derive(Debug, Serialize, Deserialize)]
    struct Doc {
        #[serde(rename = "type")]
        type_: OneOrMany<String>,
        #[serde(default, skip_serializing_if = "OneOrMany::is_empty")]
        tag: OneOrMany<String>,
        #[serde(default, skip_serializing_if = "Option::is_none")]
        status: Option<SingleOrArray<u32>>,
        #[serde(serialize_with = "float::serialize")]
        credits: f64,
    }

    #[test]
    fn single_values_are_read_and_written_as_arrays() {
        let doc: Doc = serde_json::from_value(json!({"type": "Profile", "credits": 3})).unwrap();
        assert_eq!(doc.type_, OneOrMany::of(&["Profile"]));
        assert_eq!(serde_json::to_value(&doc).unwrap(), json!({"type": ["Profile"], "credits": 3}));
    }

    #[test]
    fn single_or_array_keeps_its_shape_and_floats_stay_exact() {
        for input in [
            json!({"type": [], "status": 1, "credits": 3.5}),
            json!({"type": ["A", "B"], "status": [1, 2], "credits": -0.25}),
        ] {
            let doc: Doc = serde_json::from_value(input.clone()).unwrap();
            assert_eq!(serde_json::to_value(&doc).unwrap(), input);
        }
    }

    #[test]
    fn item_errors_name_the_problem() {
        let err = serde_json::from_value::<Doc>(json!({"type": [1], "credits": 1})).unwrap_err();
        assert!(err.to_string().contains("invalid type: integer `1`"), "{err}");
    }
}
