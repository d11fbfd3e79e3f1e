//! Small helpers for reading lopdf objects: references followed (with a
//! bound, so a reference cycle ends), numbers and rectangles read whatever
//! their type.

use lopdf::{Dictionary, Document, Object, Stream};

static NULL: Object = Object::Null;

/// The object a reference chain ends at (`null` for a broken one).
pub fn deref<'d>(doc: &'d Document, mut object: &'d Object) -> &'d Object {
    for _ in 0..32 {
        match object {
            Object::Reference(id) => match doc.objects.get(id) {
                Some(target) => object = target,
                None => return &NULL,
            },
            _ => return object,
        }
    }
    &NULL
}

/// `dict[key]`, references followed.
pub fn get<'d>(doc: &'d Document, dict: &'d Dictionary, key: &[u8]) -> Option<&'d Object> {
    match dict.get(key).ok().map(|o| deref(doc, o)) {
        None | Some(Object::Null) => None,
        found => found,
    }
}

/// `dict[key]` as a dictionary (a stream's dictionary counts).
pub fn dict<'d>(doc: &'d Document, dict: &'d Dictionary, key: &[u8]) -> Option<&'d Dictionary> {
    as_dict(get(doc, dict, key)?)
}

pub fn as_dict(object: &Object) -> Option<&Dictionary> {
    match object {
        Object::Dictionary(d) => Some(d),
        Object::Stream(s) => Some(&s.dict),
        _ => None,
    }
}

/// `dict[key]` as a stream.
pub fn stream<'d>(doc: &'d Document, dict: &'d Dictionary, key: &[u8]) -> Option<&'d Stream> {
    match get(doc, dict, key)? {
        Object::Stream(s) => Some(s),
        _ => None,
    }
}

/// `dict[key]` as a name.
pub fn name<'d>(doc: &'d Document, dict: &'d Dictionary, key: &[u8]) -> Option<&'d [u8]> {
    match get(doc, dict, key)? {
        Object::Name(n) => Some(n),
        _ => None,
    }
}

/// A number, integer or real.
pub fn number(object: &Object) -> Option<f32> {
    match object {
        Object::Integer(i) => Some(*i as f32),
        Object::Real(r) if r.is_finite() => Some(*r),
        _ => None,
    }
}

/// `dict[key]` as a number.
pub fn number_at(doc: &Document, dict: &Dictionary, key: &[u8]) -> Option<f32> {
    number(get(doc, dict, key)?)
}

/// `dict[key]` as an array of numbers (references followed).
pub fn numbers(doc: &Document, dict: &Dictionary, key: &[u8]) -> Option<Vec<f32>> {
    match get(doc, dict, key)? {
        Object::Array(items) => items.iter().map(|o| number(deref(doc, o))).collect(),
        _ => None,
    }
}

/// The name of a type (`/Type` or `/Subtype`), if any.
pub fn is_name(dict: &Dictionary, key: &[u8], value: &[u8]) -> bool {
    dict.get(key)
        .ok()
        .and_then(|o| o.as_name().ok())
        .is_some_and(|n| n == value)
}
