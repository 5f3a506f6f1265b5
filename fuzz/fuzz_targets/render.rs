//! One renderer (chosen by the first byte) on a small report of the default story's with the input's text put into
//! every eighth field: ids changed in some places and not in others make a report whose
//! parts do not all refer to each other, which the renderers must take as well.
#![no_main]

#[path = "common/mod.rs"]
mod common;

use claimgraph::Report;
use libfuzzer_sys::fuzz_target;
use serde_json::Value;

/// Fields whose values are words from a fixed set or dates.
const KEEP: [&str; 15] = [
    "schema",
    "kind",
    "stance",
    "what",
    "anchor",
    "rule",
    "reliability",
    "op",
    "published",
    "start",
    "end",
    "grade",
    "credibility_label",
    "source_kind",
    "date",
];

/// Puts `with` into every eighth free-text field, counting from `seen` (so that each
/// execution renders a page of bounded size, and inputs differ in where they land).
fn poison(v: &mut Value, key: Option<&str>, with: &str, seen: &mut usize) {
    match v {
        Value::String(s) if !key.is_some_and(|k| KEEP.contains(&k)) => {
            *seen += 1;
            if *seen % 8 != 0 {
                return;
            }
            let mid = (0..=with.len() / 2)
                .rev()
                .find(|&i| with.is_char_boundary(i))
                .unwrap_or(0);
            let (head, tail) = with.split_at(mid);
            *s = format!("{head}{s}{tail}");
        }
        Value::Array(a) => a.iter_mut().for_each(|x| poison(x, key, with, seen)),
        Value::Object(o) => o
            .iter_mut()
            .for_each(|(k, x)| poison(x, Some(k), with, seen)),
        _ => {}
    }
}

fuzz_target!(|data: &[u8]| {
    let Some((&start, rest)) = data.split_first() else {
        return;
    };
    let format = start / 8 % common::FORMATS;
    let Ok(with) = std::str::from_utf8(rest) else {
        return;
    };
    let mut v = serde_json::to_value(common::small_report()).unwrap();
    poison(&mut v, None, with, &mut (start as usize % 8));
    let r: Report = serde_json::from_value(v).expect("the report reads back");
    common::check_format(&r, format);
});
