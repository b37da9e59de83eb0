//! A value serialized through its own `Serialize`, with some of its fields
//! given in another form.
//!
//! Templates see the release as the JSON output has it, except that its
//! parts made of blocks are lent to the template rather than copied (see
//! `html::Blocks`). Writing a view struct that lists every field of the
//! release again would be a second home for the model's shape: a field added
//! to the model would have to be added there too. Here the model serializes
//! itself, and only the named fields are swapped as they pass.

use serde::Serialize;
use serde::ser::{Error, Impossible, SerializeStruct, Serializer};

/// `value` serialized as it serializes itself, except that each field named
/// in `swaps` is serialized as the value given with it.
pub(crate) struct Swapped<'a, T, V> {
    pub value: &'a T,
    pub swaps: Vec<(&'static str, V)>,
}

impl<T: Serialize, V: Serialize> Serialize for Swapped<'_, T, V> {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        self.value.serialize(Outer {
            inner: s,
            swaps: &self.swaps,
        })
    }
}

/// The serializer the value is given: it expects a struct.
struct Outer<'a, S, V> {
    inner: S,
    swaps: &'a [(&'static str, V)],
}

/// The struct's fields, passed on or swapped.
struct Fields<'a, S, V> {
    inner: S,
    swaps: &'a [(&'static str, V)],
    swapped: usize,
}

impl<S: SerializeStruct, V: Serialize> SerializeStruct for Fields<'_, S, V> {
    type Ok = S::Ok;
    type Error = S::Error;

    fn serialize_field<T: ?Sized + Serialize>(
        &mut self,
        key: &'static str,
        value: &T,
    ) -> Result<(), S::Error> {
        match self.swaps.iter().find(|(name, _)| *name == key) {
            Some((_, swap)) => {
                self.swapped += 1;
                self.inner.serialize_field(key, swap)
            }
            None => self.inner.serialize_field(key, value),
        }
    }

    fn skip_field(&mut self, key: &'static str) -> Result<(), S::Error> {
        if self.swaps.iter().any(|(name, _)| *name == key) {
            self.swapped += 1;
        }
        self.inner.skip_field(key)
    }

    fn end(self) -> Result<S::Ok, S::Error> {
        // A field renamed in the model would otherwise pass unswapped, as
        // its copy: the same output, the old cost.
        if self.swapped != self.swaps.len() {
            return Err(S::Error::custom(format!(
                "{} of the fields to swap were not in the struct",
                self.swaps.len() - self.swapped
            )));
        }
        self.inner.end()
    }
}

/// Every form but a struct is refused: only a struct has named fields.
macro_rules! refuse {
    ($($method:ident($($arg:ty),*) -> $out:ty;)*) => {
        $(
            fn $method(self, $(_: $arg),*) -> Result<$out, S::Error> {
                Err(S::Error::custom("only a struct's fields can be swapped"))
            }
        )*
    };
}

impl<'a, S: Serializer, V: Serialize> Serializer for Outer<'a, S, V> {
    type Ok = S::Ok;
    type Error = S::Error;
    type SerializeSeq = Impossible<S::Ok, S::Error>;
    type SerializeTuple = Impossible<S::Ok, S::Error>;
    type SerializeTupleStruct = Impossible<S::Ok, S::Error>;
    type SerializeTupleVariant = Impossible<S::Ok, S::Error>;
    type SerializeMap = Impossible<S::Ok, S::Error>;
    type SerializeStruct = Fields<'a, S::SerializeStruct, V>;
    type SerializeStructVariant = Impossible<S::Ok, S::Error>;

    fn serialize_struct(
        self,
        name: &'static str,
        len: usize,
    ) -> Result<Self::SerializeStruct, S::Error> {
        Ok(Fields {
            inner: self.inner.serialize_struct(name, len)?,
            swaps: self.swaps,
            swapped: 0,
        })
    }

    refuse! {
        serialize_bool(bool) -> S::Ok;
        serialize_i8(i8) -> S::Ok;
        serialize_i16(i16) -> S::Ok;
        serialize_i32(i32) -> S::Ok;
        serialize_i64(i64) -> S::Ok;
        serialize_u8(u8) -> S::Ok;
        serialize_u16(u16) -> S::Ok;
        serialize_u32(u32) -> S::Ok;
        serialize_u64(u64) -> S::Ok;
        serialize_f32(f32) -> S::Ok;
        serialize_f64(f64) -> S::Ok;
        serialize_char(char) -> S::Ok;
        serialize_str(&str) -> S::Ok;
        serialize_bytes(&[u8]) -> S::Ok;
        serialize_none() -> S::Ok;
        serialize_unit() -> S::Ok;
        serialize_unit_struct(&'static str) -> S::Ok;
        serialize_unit_variant(&'static str, u32, &'static str) -> S::Ok;
        serialize_seq(Option<usize>) -> Self::SerializeSeq;
        serialize_tuple(usize) -> Self::SerializeTuple;
        serialize_tuple_struct(&'static str, usize) -> Self::SerializeTupleStruct;
        serialize_tuple_variant(&'static str, u32, &'static str, usize) -> Self::SerializeTupleVariant;
        serialize_map(Option<usize>) -> Self::SerializeMap;
        serialize_struct_variant(&'static str, u32, &'static str, usize) -> Self::SerializeStructVariant;
    }

    fn serialize_some<T: ?Sized + Serialize>(self, _: &T) -> Result<S::Ok, S::Error> {
        Err(S::Error::custom("only a struct's fields can be swapped"))
    }

    fn serialize_newtype_struct<T: ?Sized + Serialize>(
        self,
        _: &'static str,
        _: &T,
    ) -> Result<S::Ok, S::Error> {
        Err(S::Error::custom("only a struct's fields can be swapped"))
    }

    fn serialize_newtype_variant<T: ?Sized + Serialize>(
        self,
        _: &'static str,
        _: u32,
        _: &'static str,
        _: &T,
    ) -> Result<S::Ok, S::Error> {
        Err(S::Error::custom("only a struct's fields can be swapped"))
    }
}

#[cfg(test)]
mod tests {
    use super::Swapped;
    use serde::Serialize;

    #[derive(Serialize)]
    struct Pair {
        a: u32,
        #[serde(skip_serializing_if = "Option::is_none")]
        b: Option<u32>,
        c: &'static str,
    }

    #[test]
    fn only_the_named_fields_change_and_the_order_stays() {
        let p = Pair {
            a: 1,
            b: None,
            c: "x",
        };
        let swapped = Swapped {
            value: &p,
            swaps: vec![("c", "y")],
        };
        assert_eq!(
            serde_json::to_string(&swapped).expect("serializes"),
            r#"{"a":1,"c":"y"}"#
        );
    }

    #[test]
    fn a_field_that_is_not_there_is_an_error_not_a_silent_copy() {
        let p = Pair {
            a: 1,
            b: Some(2),
            c: "x",
        };
        let swapped = Swapped {
            value: &p,
            swaps: vec![("d", "y")],
        };
        assert!(serde_json::to_string(&swapped).is_err());
    }
}
