//! Collection functions over lists (and sets and tuples, which onus holds as lists) and maps
//! (and objects). A list that is known keeps its known length even when elements are unknown;
//! a function whose result depends on an unknown element's value returns an unknown.

use super::encoding::canonical_key;
use super::sets::{dedupe, set_order};
use super::types::unify;
use super::{
    check_elements, deep, equal, shallow, to_bool, to_num, to_str, type_error, Call, Entry,
    MAX_DEPTH, MAX_STRING, R,
};
use crate::value::{Kind, Map, Tri, Value};
use std::collections::{BTreeMap, HashSet};
use std::sync::Arc;

pub(crate) const FUNCTIONS: &[Entry] = &[
    deep("length", length),
    shallow("keys", keys),
    shallow("values", values),
    shallow("lookup", lookup),
    shallow("element", element),
    deep("contains", contains),
    deep("index", index),
    shallow("concat", concat),
    shallow("flatten", flatten),
    shallow("distinct", distinct),
    shallow("coalesce", coalesce),
    shallow("coalescelist", coalescelist),
    shallow("compact", compact),
    shallow("merge", merge),
    shallow("zipmap", zipmap),
    shallow("setunion", setunion),
    shallow("setintersection", setintersection),
    shallow("setsubtract", setsubtract),
    shallow("setproduct", setproduct),
    shallow("slice", slice),
    shallow("reverse", reverse),
    deep("sort", sort),
    deep("range", range),
    shallow("chunklist", chunklist),
    deep("transpose", transpose),
    deep("matchkeys", matchkeys),
    shallow("one", one),
    deep("sum", sum),
    deep("alltrue", alltrue),
    deep("anytrue", anytrue),
];

fn number(n: usize) -> Value {
    Value::number(n as f64)
}

fn length(c: &Call) -> R {
    c.arity(1, 1)?;
    let v = c.arg(0);
    Ok(match &v.kind {
        Kind::Unknown(_) => c.unknown(true),
        Kind::String(s) => number(s.chars().count()),
        Kind::List(items) => number(items.len()),
        Kind::Object(map) => number(map.len()),
        _ => return Err(type_error("string, list or map", v)),
    })
}

fn keys(c: &Call) -> R {
    c.arity(1, 1)?;
    if let Some(u) = c.unknown_if_any(true) {
        return Ok(u);
    }
    let map = c.obj(0)?;
    Ok(Value::list(
        map.keys().map(|k| Value::string(k.clone())).collect(),
    ))
}

fn values(c: &Call) -> R {
    c.arity(1, 1)?;
    if let Some(u) = c.unknown_if_any(true) {
        return Ok(u);
    }
    let map = c.obj(0)?;
    Ok(Value::list(map.values().cloned().collect()))
}

fn lookup(c: &Call) -> R {
    c.arity(2, 3)?;
    if !c.arg(0).is_known() || !c.arg(1).is_known() {
        return Ok(c.unknown(false));
    }
    let map = c.obj(0)?;
    let key = c.str(1)?;
    match map.get(&*key) {
        Some(v) => Ok(v.clone()),
        None if c.args.len() == 3 => Ok(c.arg(2).clone()),
        None => Err(format!("the given key {key:?} does not exist in the map")),
    }
}

fn element(c: &Call) -> R {
    c.arity(2, 2)?;
    if let Some(u) = c.unknown_if_any(false) {
        return Ok(u);
    }
    let items = c.list(0)?;
    let i = c.int(1)?;
    if items.is_empty() {
        return Err("cannot use element function with an empty list".to_string());
    }
    let idx = i.rem_euclid(items.len() as i64) as usize;
    Ok(items[idx].clone())
}

fn contains(c: &Call) -> R {
    c.arity(2, 2)?;
    if !c.arg(0).is_known() {
        return Ok(c.unknown(true));
    }
    let items = c.list(0)?;
    let mut unknown = false;
    for item in items {
        match equal(item, c.arg(1)) {
            Tri::True => return Ok(Value::bool(true)),
            Tri::Unknown => unknown = true,
            Tri::False => {}
        }
    }
    Ok(if unknown {
        c.unknown(true)
    } else {
        Value::bool(false)
    })
}

fn index(c: &Call) -> R {
    c.arity(2, 2)?;
    if !c.arg(0).is_known() {
        return Ok(c.unknown(true));
    }
    let items = c.list(0)?;
    let mut unknown = false;
    for (i, item) in items.iter().enumerate() {
        match equal(item, c.arg(1)) {
            Tri::True if unknown => return Ok(c.unknown(true)),
            Tri::True => return Ok(number(i)),
            Tri::Unknown => unknown = true,
            Tri::False => {}
        }
    }
    if unknown {
        return Ok(c.unknown(true));
    }
    Err("item not found".to_string())
}

fn concat(c: &Call) -> R {
    if let Some(u) = c.unknown_if_any(true) {
        return Ok(u);
    }
    let mut total = 0usize;
    for i in 0..c.args.len() {
        total = total.saturating_add(c.list(i)?.len());
    }
    check_elements(total)?;
    let mut out = Vec::with_capacity(total);
    for i in 0..c.args.len() {
        out.extend(c.list(i)?.iter().cloned());
    }
    Ok(Value::list(out))
}

/// Appends the leaves of nested lists; elements of a sensitive list become sensitive.
/// Unknown elements are kept as leaves (onus does not know whether they are lists).
fn flatten_into(
    items: &[Value],
    sensitive: bool,
    out: &mut Vec<Value>,
    depth: usize,
) -> Result<(), String> {
    if depth > MAX_DEPTH {
        return Err(format!(
            "lists are nested more than {MAX_DEPTH} levels deep"
        ));
    }
    for item in items {
        match &item.kind {
            Kind::List(inner) => flatten_into(inner, sensitive || item.sensitive, out, depth + 1)?,
            _ => {
                check_elements(out.len() + 1)?;
                out.push(item.clone().mark_sensitive(sensitive));
            }
        }
    }
    Ok(())
}

fn flatten(c: &Call) -> R {
    c.arity(1, 1)?;
    if let Some(u) = c.unknown_if_any(true) {
        return Ok(u);
    }
    let items = c.list(0)?;
    let mut out = Vec::new();
    flatten_into(items, false, &mut out, 0)?;
    Ok(Value::list(out))
}

/// Canonical keys of wholly known values, within a total size budget; None when any is not
/// wholly known.
fn keys_of(items: &[Value]) -> Result<Option<Vec<String>>, String> {
    let mut total = 0usize;
    let mut out = Vec::with_capacity(items.len());
    for item in items {
        let Some(k) = canonical_key(item)? else {
            return Ok(None);
        };
        total += k.len();
        if total > 4 * MAX_STRING {
            return Err("elements are too large to compare".to_string());
        }
        out.push(k);
    }
    Ok(Some(out))
}

fn distinct(c: &Call) -> R {
    c.arity(1, 1)?;
    if let Some(u) = c.unknown_if_any(true) {
        return Ok(u);
    }
    let items = c.list(0)?;
    if !items.iter().all(Value::is_wholly_known) {
        return Ok(c.unknown(true));
    }
    Ok(Value::list(dedupe(items.to_vec())?))
}

fn coalesce(c: &Call) -> R {
    c.arity(1, None)?;
    let any_string = c.args.iter().any(|a| matches!(a.kind, Kind::String(_)));
    for a in c.args {
        match &a.kind {
            Kind::Unknown(_) => return Ok(c.unknown(true)),
            Kind::Null => continue,
            Kind::String(s) if s.is_empty() => continue,
            Kind::Number(_) | Kind::Bool(_) if any_string => {
                let s = to_str(a)?;
                let mut v = Value::string(s).mark_sensitive(a.sensitive);
                v.span = a.span;
                return Ok(v);
            }
            _ => return Ok(a.clone()),
        }
    }
    Err("no non-null, non-empty-string arguments".to_string())
}

fn coalescelist(c: &Call) -> R {
    c.arity(1, None)?;
    for (i, a) in c.args.iter().enumerate() {
        match &a.kind {
            Kind::Unknown(_) => return Ok(c.unknown(true)),
            Kind::Null => continue,
            Kind::List(items) if items.is_empty() => continue,
            Kind::List(_) => return Ok(a.clone()),
            _ => return Err(format!("argument {}: {}", i + 1, type_error("list", a))),
        }
    }
    Err("no non-empty list arguments".to_string())
}

fn compact(c: &Call) -> R {
    c.arity(1, 1)?;
    if let Some(u) = c.unknown_if_any(true) {
        return Ok(u);
    }
    let mut out = Vec::new();
    for item in c.list(0)? {
        match &item.kind {
            Kind::Unknown(_) => return Ok(c.unknown(true)),
            Kind::Null => {}
            Kind::String(s) if s.is_empty() => {}
            Kind::String(_) => out.push(item.clone()),
            Kind::Number(_) | Kind::Bool(_) => {
                out.push(Value::string(to_str(item)?).mark_sensitive(item.sensitive))
            }
            _ => return Err(type_error("list of strings", c.arg(0))),
        }
    }
    Ok(Value::list(out))
}

fn merge(c: &Call) -> R {
    if let Some(u) = c.unknown_if_any(true) {
        return Ok(u);
    }
    let mut out = Map::new();
    for (i, a) in c.args.iter().enumerate() {
        match &a.kind {
            Kind::Null => {}
            Kind::Object(map) => {
                for (k, v) in map.iter() {
                    out.insert(k.clone(), v.clone());
                }
            }
            _ => {
                return Err(format!(
                    "argument {}: {}",
                    i + 1,
                    type_error("map or object", a)
                ))
            }
        }
    }
    Ok(Value::object(out))
}

fn zipmap(c: &Call) -> R {
    c.arity(2, 2)?;
    if let Some(u) = c.unknown_if_any(true) {
        return Ok(u);
    }
    let keys = c.list(0)?;
    let vals = c.list(1)?;
    if keys.len() != vals.len() {
        return Err(format!(
            "number of keys ({}) does not match number of values ({})",
            keys.len(),
            vals.len()
        ));
    }
    let mut out = Map::new();
    for (k, v) in keys.iter().zip(vals.iter()) {
        if !k.is_known() {
            return Ok(c.unknown(true));
        }
        let key = to_str(k).map_err(|e| format!("key: {e}"))?;
        out.insert(key, v.clone());
    }
    Ok(Value::object(out).mark_sensitive(keys.iter().any(Value::contains_sensitive)))
}

/// The list arguments of a set function; None when one is unknown.
fn set_args<'a>(c: &'a Call) -> Result<Option<Vec<&'a [Value]>>, String> {
    if c.args.iter().any(|a| !a.is_known()) {
        return Ok(None);
    }
    (0..c.args.len())
        .map(|i| c.list(i))
        .collect::<Result<Vec<_>, _>>()
        .map(Some)
}

fn setunion(c: &Call) -> R {
    c.arity(1, None)?;
    let Some(sets) = set_args(c)? else {
        return Ok(c.unknown(true));
    };
    let total = sets
        .iter()
        .map(|s| s.len())
        .fold(0usize, usize::saturating_add);
    check_elements(total)?;
    let all: Vec<Value> = sets.iter().flat_map(|s| s.iter().cloned()).collect();
    Ok(Value::list(set_order(dedupe(unify(all)?)?)))
}

/// The distinct elements of a first set, each with whether each other set holds it.
type Membership = (Vec<Value>, Vec<Vec<bool>>);

/// For intersection and subtraction: the elements of the first set (once each) with a flag
/// per other set telling whether it holds them; None when any element is not wholly known.
fn membership(c: &Call) -> Result<Option<Membership>, String> {
    let Some(sets) = set_args(c)? else {
        return Ok(None);
    };
    let mut all_keys = Vec::with_capacity(sets.len());
    for s in &sets {
        let Some(keys) = keys_of(s)? else {
            return Ok(None);
        };
        all_keys.push(keys);
    }
    let first = dedupe(sets[0].to_vec())?;
    let first_keys = match keys_of(&first)? {
        Some(k) => k,
        None => return Ok(None),
    };
    let others: Vec<HashSet<&String>> = all_keys[1..].iter().map(|k| k.iter().collect()).collect();
    let flags = first_keys
        .iter()
        .map(|k| others.iter().map(|o| o.contains(k)).collect())
        .collect();
    Ok(Some((first, flags)))
}

fn setintersection(c: &Call) -> R {
    c.arity(1, None)?;
    let Some((first, flags)) = membership(c)? else {
        return Ok(c.unknown(true));
    };
    let out = first
        .into_iter()
        .zip(flags)
        .filter(|(_, f)| f.iter().all(|x| *x))
        .map(|(v, _)| v)
        .collect();
    Ok(Value::list(set_order(unify(out)?)))
}

fn setsubtract(c: &Call) -> R {
    c.arity(2, 2)?;
    let Some((first, flags)) = membership(c)? else {
        return Ok(c.unknown(true));
    };
    let out = first
        .into_iter()
        .zip(flags)
        .filter(|(_, f)| !f.iter().any(|x| *x))
        .map(|(v, _)| v)
        .collect();
    Ok(Value::list(set_order(unify(out)?)))
}

fn setproduct(c: &Call) -> R {
    c.arity(1, None)?;
    let Some(sets) = set_args(c)? else {
        return Ok(c.unknown(true));
    };
    let mut total: usize = 1;
    for s in &sets {
        total = total.saturating_mul(s.len());
    }
    check_elements(total)?;
    check_elements(total.saturating_mul(sets.len()))?;
    let mut out = Vec::with_capacity(total);
    let mut idx = vec![0usize; sets.len()];
    for _ in 0..total {
        out.push(Value::list(
            idx.iter()
                .zip(sets.iter())
                .map(|(&i, s)| s[i].clone())
                .collect(),
        ));
        for pos in (0..idx.len()).rev() {
            idx[pos] += 1;
            if idx[pos] < sets[pos].len() {
                break;
            }
            idx[pos] = 0;
        }
    }
    Ok(Value::list(out))
}

fn slice(c: &Call) -> R {
    c.arity(3, 3)?;
    if let Some(u) = c.unknown_if_any(true) {
        return Ok(u);
    }
    let items = c.list(0)?;
    let start = c.int(1)?;
    let end = c.int(2)?;
    if start < 0 {
        return Err("start index must not be negative".to_string());
    }
    if end > items.len() as i64 {
        return Err("end index must not be greater than the length of the list".to_string());
    }
    if start > end {
        return Err("start index must not be greater than end index".to_string());
    }
    Ok(Value::list(items[start as usize..end as usize].to_vec()))
}

fn reverse(c: &Call) -> R {
    c.arity(1, 1)?;
    if let Some(u) = c.unknown_if_any(true) {
        return Ok(u);
    }
    Ok(Value::list(c.list(0)?.iter().rev().cloned().collect()))
}

fn sort(c: &Call) -> R {
    c.arity(1, 1)?;
    if let Some(u) = c.unknown_if_any(true) {
        return Ok(u);
    }
    let mut strings = Vec::new();
    for (i, item) in c.list(0)?.iter().enumerate() {
        if !item.is_known() {
            return Ok(c.unknown(true));
        }
        strings.push(to_str(item).map_err(|e| format!("element {i}: {e}"))?);
    }
    strings.sort();
    Ok(Value::list(
        strings.into_iter().map(Value::string).collect(),
    ))
}

fn range(c: &Call) -> R {
    c.arity(1, 3)?;
    if let Some(u) = c.unknown_if_any(true) {
        return Ok(u);
    }
    let (start, limit, step) = match c.args.len() {
        1 => (0.0, c.num(0)?, 1.0),
        2 => {
            let (s, l) = (c.num(0)?, c.num(1)?);
            (s, l, if l < s { -1.0 } else { 1.0 })
        }
        _ => (c.num(0)?, c.num(1)?, c.num(2)?),
    };
    if step == 0.0 {
        return Err("step must not be zero".to_string());
    }
    let estimate = ((limit - start) / step).ceil();
    if estimate > super::MAX_ELEMENTS as f64 {
        return Err(format!(
            "range of {estimate} elements exceeds the limit of {} elements",
            super::MAX_ELEMENTS
        ));
    }
    let mut out = Vec::new();
    let mut num = start;
    while (step > 0.0 && num < limit) || (step < 0.0 && num > limit) {
        if out.len() >= super::MAX_ELEMENTS {
            return Err(format!(
                "range exceeds the limit of {} elements",
                super::MAX_ELEMENTS
            ));
        }
        out.push(Value::number(num));
        num += step;
    }
    Ok(Value::list(out))
}

fn chunklist(c: &Call) -> R {
    c.arity(2, 2)?;
    if let Some(u) = c.unknown_if_any(true) {
        return Ok(u);
    }
    let items = c.list(0)?;
    let size = c.int(1)?;
    if size <= 0 {
        return Err("the chunk size must be positive".to_string());
    }
    let size = usize::try_from(size).unwrap_or(usize::MAX);
    Ok(Value::list(
        items
            .chunks(size)
            .map(|ch| Value::list(ch.to_vec()))
            .collect(),
    ))
}

fn transpose(c: &Call) -> R {
    c.arity(1, 1)?;
    if let Some(u) = c.unknown_if_any(true) {
        return Ok(u);
    }
    let map = c.obj(0)?;
    let mut out: BTreeMap<Arc<str>, Vec<Value>> = BTreeMap::new();
    let mut count = 0usize;
    for (k, v) in map.iter() {
        let items = match &v.kind {
            Kind::Unknown(_) => return Ok(c.unknown(true)),
            Kind::List(items) => items,
            _ => {
                return Err(format!(
                    "value for {k:?}: {}",
                    type_error("list of strings", v)
                ))
            }
        };
        for item in items.iter() {
            if !item.is_known() {
                return Ok(c.unknown(true));
            }
            count += 1;
            check_elements(count)?;
            let s = to_str(item).map_err(|e| format!("value for {k:?}: {e}"))?;
            out.entry(s).or_default().push(Value::string(k.clone()));
        }
    }
    Ok(Value::object(
        out.into_iter().map(|(k, v)| (k, Value::list(v))).collect(),
    ))
}

fn matchkeys(c: &Call) -> R {
    c.arity(3, 3)?;
    if let Some(u) = c.unknown_if_any(true) {
        return Ok(u);
    }
    let vals = c.list(0)?;
    let keys = c.list(1)?;
    let search = c.list(2)?;
    if vals.len() != keys.len() {
        return Err("length of keys and values should be equal".to_string());
    }
    let (Some(key_texts), Some(search_texts)) = (keys_of(keys)?, keys_of(search)?) else {
        return Ok(c.unknown(true));
    };
    let wanted: HashSet<&String> = search_texts.iter().collect();
    Ok(Value::list(
        vals.iter()
            .zip(key_texts.iter())
            .filter(|(_, k)| wanted.contains(k))
            .map(|(v, _)| v.clone())
            .collect(),
    ))
}

fn one(c: &Call) -> R {
    c.arity(1, 1)?;
    if let Some(u) = c.unknown_if_any(false) {
        return Ok(u);
    }
    let items = c.list(0)?;
    match items {
        [] => Ok(Value::null()),
        [x] => Ok(x.clone()),
        _ => Err(format!(
            "must be a list, set, or tuple value with either zero or one elements, not {}",
            items.len()
        )),
    }
}

fn sum(c: &Call) -> R {
    c.arity(1, 1)?;
    if let Some(u) = c.unknown_if_any(true) {
        return Ok(u);
    }
    let items = c.list(0)?;
    if items.is_empty() {
        return Err("cannot sum an empty list".to_string());
    }
    let mut total = 0.0;
    for (i, item) in items.iter().enumerate() {
        if !item.is_known() {
            return Ok(c.unknown(true));
        }
        total += to_num(item).map_err(|e| format!("element {i}: {e}"))?;
    }
    if !total.is_finite() {
        return Err("the sum is out of range".to_string());
    }
    Ok(Value::number(total))
}

fn truth(c: &Call, all: bool) -> R {
    c.arity(1, 1)?;
    if let Some(u) = c.unknown_if_any(true) {
        return Ok(u);
    }
    let mut acc = if all { Tri::True } else { Tri::False };
    for (i, item) in c.list(0)?.iter().enumerate() {
        let t = if item.is_known() {
            Tri::from_bool(to_bool(item).map_err(|e| format!("element {i}: {e}"))?)
        } else {
            Tri::Unknown
        };
        acc = if all { acc.and(t) } else { acc.or(t) };
    }
    Ok(match acc {
        Tri::True => Value::bool(true),
        Tri::False => Value::bool(false),
        Tri::Unknown => c.unknown(true),
    })
}

fn alltrue(c: &Call) -> R {
    truth(c, true)
}

fn anytrue(c: &Call) -> R {
    truth(c, false)
}

#[cfg(test)]
mod tests {
    use super::super::testing::*;

    #[test]
    fn length_keys_values() {
        assert_eq!(ok("length", vec![l(vec![])]), n(0.0));
        assert_eq!(ok("length", vec![sl(&["a", "b"])]), n(2.0));
        assert_eq!(ok("length", vec![o(vec![("a", s("b"))])]), n(1.0));
        assert_eq!(ok("length", vec![s("hello")]), n(5.0));
        assert_eq!(ok("length", vec![s("🤔🤷")]), n(2.0));
        assert_eq!(ok("length", vec![l(vec![unk(), unk()])]), n(2.0));
        assert!(is_unknown_set(&ok("length", vec![unk()])));
        err("length", vec![null()]);
        err("length", vec![n(1.0)]);
        let m = o(vec![("c", n(3.0)), ("a", n(1.0)), ("b", unk())]);
        assert_eq!(ok("keys", vec![m.clone()]), sl(&["a", "b", "c"]));
        let vals = ok("values", vec![m]);
        assert_eq!(vals.as_list().map(|v| v.len()), Some(3));
        err("keys", vec![sl(&["a"])]);
        assert!(is_unknown_set(&ok("keys", vec![unk()])));
    }

    #[test]
    fn lookup_element_index_contains() {
        let m = o(vec![("a", s("ay")), ("b", s("bee"))]);
        assert_eq!(ok("lookup", vec![m.clone(), s("a"), s("what?")]), s("ay"));
        assert_eq!(
            ok("lookup", vec![m.clone(), s("c"), s("what?")]),
            s("what?")
        );
        err("lookup", vec![m.clone(), s("c")]);
        assert!(is_unknown(&ok("lookup", vec![unk(), s("a"), s("x")])));
        assert!(is_unknown(&ok("lookup", vec![m, unk(), s("x")])));
        let abc = sl(&["a", "b", "c"]);
        assert_eq!(ok("element", vec![abc.clone(), n(1.0)]), s("b"));
        assert_eq!(ok("element", vec![abc.clone(), n(3.0)]), s("a"));
        assert_eq!(ok("element", vec![abc.clone(), n(-1.0)]), s("c"));
        err("element", vec![l(vec![]), n(0.0)]);
        assert_eq!(ok("index", vec![abc.clone(), s("b")]), n(1.0));
        err("index", vec![abc.clone(), s("z")]);
        assert!(is_unknown(&ok(
            "index",
            vec![l(vec![unk(), s("b")]), s("b")]
        )));
        assert_eq!(ok("index", vec![l(vec![s("b"), unk()]), s("b")]), n(0.0));
        assert_eq!(ok("contains", vec![abc.clone(), s("a")]), b(true));
        assert_eq!(ok("contains", vec![abc.clone(), s("d")]), b(false));
        assert_eq!(
            ok("contains", vec![l(vec![unk(), s("a")]), s("a")]),
            b(true)
        );
        assert!(is_unknown_set(&ok(
            "contains",
            vec![l(vec![unk(), s("a")]), s("z")]
        )));
        assert!(is_unknown_set(&ok("contains", vec![abc, unk()])));
        assert_eq!(ok("contains", vec![l(vec![]), unk()]), b(false));
    }

    #[test]
    fn concat_flatten_distinct() {
        assert_eq!(
            ok("concat", vec![sl(&["a", ""]), sl(&["b", "c"])]),
            sl(&["a", "", "b", "c"])
        );
        let v = ok("concat", vec![l(vec![unk()]), sl(&["b"])]);
        assert_eq!(v.as_list().map(|x| x.len()), Some(2));
        assert!(is_unknown_set(&ok("concat", vec![unk(), sl(&["b"])])));
        err("concat", vec![s("a")]);
        assert_eq!(
            ok(
                "flatten",
                vec![l(vec![sl(&["a", "b"]), l(vec![]), sl(&["c"])])]
            ),
            sl(&["a", "b", "c"])
        );
        assert_eq!(
            ok(
                "flatten",
                vec![l(vec![
                    l(vec![s("a"), s("b")]),
                    l(vec![]),
                    l(vec![s("c"), l(vec![s("d")])])
                ])]
            ),
            sl(&["a", "b", "c", "d"])
        );
        let flat = ok("flatten", vec![l(vec![secret(sl(&["a"])), sl(&["b"])])]);
        let items = flat.as_list().unwrap_or_default();
        assert!(items[0].sensitive && !items[1].sensitive && !flat.sensitive);
        assert_eq!(
            ok("distinct", vec![sl(&["a", "b", "a", "c", "d", "b"])]),
            sl(&["a", "b", "c", "d"])
        );
        assert!(is_unknown_set(&ok(
            "distinct",
            vec![l(vec![s("a"), unk()])]
        )));
    }

    #[test]
    fn coalescing_and_compact() {
        assert_eq!(ok("coalesce", vec![s("a"), s("b")]), s("a"));
        assert_eq!(ok("coalesce", vec![s(""), s("b")]), s("b"));
        assert_eq!(ok("coalesce", vec![n(1.0), n(2.0)]), n(1.0));
        assert_eq!(ok("coalesce", vec![null(), s("x")]), s("x"));
        assert_eq!(ok("coalesce", vec![n(1.0), s("x")]), s("1"));
        assert_eq!(ok("coalesce", vec![s("a"), unk()]), s("a"));
        let u = ok("coalesce", vec![null(), unk(), s("a")]);
        assert!(is_unknown_set(&u) && has_test_ref(&u));
        err("coalesce", vec![null(), s("")]);
        assert_eq!(
            ok("coalescelist", vec![sl(&["a", "b"]), sl(&["c", "d"])]),
            sl(&["a", "b"])
        );
        assert_eq!(
            ok("coalescelist", vec![l(vec![]), sl(&["c", "d"])]),
            sl(&["c", "d"])
        );
        err("coalescelist", vec![l(vec![])]);
        err("coalescelist", vec![s("a")]);
        assert_eq!(
            ok(
                "compact",
                vec![l(vec![s("a"), s(""), s("b"), null(), s("c")])]
            ),
            sl(&["a", "b", "c"])
        );
        assert!(is_unknown_set(&ok("compact", vec![l(vec![s("a"), unk()])])));
    }

    #[test]
    fn merge_and_zipmap() {
        assert_eq!(
            ok(
                "merge",
                vec![
                    o(vec![("a", s("b")), ("c", s("d"))]),
                    o(vec![("e", s("f")), ("c", s("z"))])
                ]
            ),
            o(vec![("a", s("b")), ("c", s("z")), ("e", s("f"))])
        );
        assert_eq!(
            ok("merge", vec![o(vec![("a", n(1.0))]), null()]),
            o(vec![("a", n(1.0))])
        );
        assert_eq!(ok("merge", vec![]), o(vec![]));
        let u = ok("merge", vec![o(vec![("a", n(1.0))]), unk()]);
        assert!(is_unknown_set(&u) && has_test_ref(&u));
        let partly = ok("merge", vec![o(vec![("a", unk())]), o(vec![("b", n(1.0))])]);
        assert!(partly.is_known() && partly.get("a").is_some_and(|v| !v.is_known()));
        err("merge", vec![sl(&["a"])]);
        // A sensitive element stays marked itself; the merged map is not marked as a whole.
        let m = ok(
            "merge",
            vec![o(vec![("a", secret(s("x")))]), o(vec![("b", s("y"))])],
        );
        assert!(!m.sensitive && m.get("a").is_some_and(|v| v.sensitive));
        assert!(ok("merge", vec![secret(o(vec![("a", s("x"))]))]).sensitive);
        assert_eq!(
            ok("zipmap", vec![sl(&["a", "b"]), nl(&[1.0, 2.0])]),
            o(vec![("a", n(1.0)), ("b", n(2.0))])
        );
        err("zipmap", vec![sl(&["a"]), nl(&[1.0, 2.0])]);
        assert!(is_unknown_set(&ok(
            "zipmap",
            vec![l(vec![unk()]), nl(&[1.0])]
        )));
    }

    #[test]
    fn set_functions() {
        assert_eq!(
            ok(
                "setunion",
                vec![sl(&["a", "b"]), sl(&["b", "c"]), sl(&["d"])]
            ),
            sl(&["a", "b", "c", "d"])
        );
        assert_eq!(
            ok(
                "setintersection",
                vec![sl(&["a", "b"]), sl(&["b", "c"]), sl(&["b", "d"])]
            ),
            sl(&["b"])
        );
        assert_eq!(
            ok("setsubtract", vec![sl(&["a", "b", "c"]), sl(&["a", "c"])]),
            sl(&["b"])
        );
        assert_eq!(
            ok("setunion", vec![nl(&[3.0, 1.0]), nl(&[2.0])]),
            nl(&[1.0, 2.0, 3.0])
        );
        let u = ok("setunion", vec![l(vec![unk()]), sl(&["a"])]);
        assert_eq!(u.as_list().map(|x| x.len()), Some(2));
        assert!(is_unknown_set(&ok(
            "setintersection",
            vec![l(vec![unk()]), sl(&["a"])]
        )));
        assert!(is_unknown_set(&ok("setsubtract", vec![unk(), sl(&["a"])])));
        assert_eq!(
            ok(
                "setproduct",
                vec![sl(&["development", "staging"]), sl(&["app1", "app2"])]
            ),
            l(vec![
                sl(&["development", "app1"]),
                sl(&["development", "app2"]),
                sl(&["staging", "app1"]),
                sl(&["staging", "app2"]),
            ])
        );
        assert_eq!(ok("setproduct", vec![sl(&["a"]), l(vec![])]), l(vec![]));
        let big = l((0..2_000).map(|i| n(i as f64)).collect());
        assert!(err("setproduct", vec![big.clone(), big]).contains("limit"));
    }

    #[test]
    fn slicing_and_ordering() {
        assert_eq!(
            ok("slice", vec![sl(&["a", "b", "c", "d"]), n(1.0), n(3.0)]),
            sl(&["b", "c"])
        );
        err("slice", vec![sl(&["a"]), n(0.0), n(2.0)]);
        err("slice", vec![sl(&["a", "b"]), n(2.0), n(1.0)]);
        err("slice", vec![sl(&["a"]), n(-1.0), n(1.0)]);
        assert_eq!(
            ok("reverse", vec![nl(&[1.0, 2.0, 3.0])]),
            nl(&[3.0, 2.0, 1.0])
        );
        assert_eq!(
            ok("sort", vec![sl(&["e", "d", "a", "x"])]),
            sl(&["a", "d", "e", "x"])
        );
        assert_eq!(
            ok("sort", vec![nl(&[3.0, 1.0, 20.0])]),
            sl(&["1", "20", "3"])
        );
        assert!(is_unknown_set(&ok("sort", vec![l(vec![s("a"), unk()])])));
        assert_eq!(
            ok("chunklist", vec![sl(&["a", "b", "c", "d", "e"]), n(2.0)]),
            l(vec![sl(&["a", "b"]), sl(&["c", "d"]), sl(&["e"])])
        );
        assert_eq!(ok("chunklist", vec![l(vec![]), n(2.0)]), l(vec![]));
        err("chunklist", vec![sl(&["a"]), n(0.0)]);
        err("chunklist", vec![sl(&["a"]), n(-1.0)]);
    }

    #[test]
    fn ranges() {
        assert_eq!(ok("range", vec![n(3.0)]), nl(&[0.0, 1.0, 2.0]));
        assert_eq!(ok("range", vec![n(1.0), n(4.0)]), nl(&[1.0, 2.0, 3.0]));
        assert_eq!(
            ok("range", vec![n(1.0), n(8.0), n(2.0)]),
            nl(&[1.0, 3.0, 5.0, 7.0])
        );
        assert_eq!(
            ok("range", vec![n(1.0), n(4.0), n(0.5)]),
            nl(&[1.0, 1.5, 2.0, 2.5, 3.0, 3.5])
        );
        assert_eq!(ok("range", vec![n(4.0), n(1.0)]), nl(&[4.0, 3.0, 2.0]));
        assert_eq!(
            ok("range", vec![n(10.0), n(5.0), n(-2.0)]),
            nl(&[10.0, 8.0, 6.0])
        );
        assert_eq!(ok("range", vec![n(0.0)]), l(vec![]));
        assert_eq!(ok("range", vec![n(1.0), n(4.0), n(-1.0)]), l(vec![]));
        err("range", vec![n(1.0), n(4.0), n(0.0)]);
        assert!(err("range", vec![n(2e6)]).contains("exceeds the limit of 1000000 elements"));
        // A step too small to move the number on must not loop forever.
        assert!(err("range", vec![n(1e20), n(1e20 + 1e6), n(1.0)]).contains("limit"));
        assert_eq!(
            ok("range", vec![n(1e6)]).as_list().map(|x| x.len()),
            Some(1_000_000)
        );
    }

    #[test]
    fn transpose_matchkeys_one() {
        assert_eq!(
            ok(
                "transpose",
                vec![o(vec![("a", sl(&["1", "2"])), ("b", sl(&["2", "3"]))])]
            ),
            o(vec![
                ("1", sl(&["a"])),
                ("2", sl(&["a", "b"])),
                ("3", sl(&["b"]))
            ])
        );
        err("transpose", vec![o(vec![("a", s("1"))])]);
        assert_eq!(
            ok(
                "matchkeys",
                vec![
                    sl(&["i-123", "i-abc", "i-def"]),
                    sl(&["us-west", "us-east", "us-east"]),
                    sl(&["us-east"])
                ]
            ),
            sl(&["i-abc", "i-def"])
        );
        err("matchkeys", vec![sl(&["a"]), sl(&[]), sl(&[])]);
        assert!(is_unknown_set(&ok(
            "matchkeys",
            vec![sl(&["a"]), l(vec![unk()]), sl(&["x"])]
        )));
        assert_eq!(ok("one", vec![l(vec![])]), null());
        assert_eq!(ok("one", vec![sl(&["hello"])]), s("hello"));
        err("one", vec![sl(&["hello", "goodbye"])]);
        assert!(is_unknown(&ok("one", vec![unk()])));
    }

    #[test]
    fn sums_and_truth() {
        assert_eq!(ok("sum", vec![nl(&[10.0, 13.0, 6.0, 4.5])]), n(33.5));
        err("sum", vec![l(vec![])]);
        err("sum", vec![sl(&["x"])]);
        assert!(is_unknown_set(&ok("sum", vec![l(vec![n(1.0), unk()])])));
        assert_eq!(ok("alltrue", vec![l(vec![s("true"), b(true)])]), b(true));
        assert_eq!(ok("alltrue", vec![l(vec![b(true), b(false)])]), b(false));
        assert_eq!(ok("alltrue", vec![l(vec![])]), b(true));
        assert_eq!(ok("alltrue", vec![l(vec![unk(), b(false)])]), b(false));
        assert!(is_unknown_set(&ok(
            "alltrue",
            vec![l(vec![unk(), b(true)])]
        )));
        assert_eq!(ok("anytrue", vec![l(vec![s("true"), b(false)])]), b(true));
        assert_eq!(ok("anytrue", vec![l(vec![])]), b(false));
        assert_eq!(ok("anytrue", vec![l(vec![unk(), b(true)])]), b(true));
        assert!(is_unknown_set(&ok(
            "anytrue",
            vec![l(vec![unk(), b(false)])]
        )));
        err("alltrue", vec![l(vec![s("maybe")])]);
        assert!(ok("sum", vec![l(vec![secret(n(1.0))])]).sensitive);
        assert!(ok("length", vec![l(vec![secret(n(1.0))])]).sensitive);
    }

    #[test]
    fn element_limits() {
        let big = l((0..600_000).map(|i| n(i as f64)).collect());
        assert!(err("concat", vec![big.clone(), big.clone()]).contains("limit"));
        assert!(err("flatten", vec![l(vec![big.clone(), big.clone()])]).contains("limit"));
        let shared = o((0..3)
            .map(|i| (["a", "b", "c"][i], l(vec![s("k"); 400_000])))
            .collect());
        assert!(err("transpose", vec![shared]).contains("limit"));
        let mut deep = l(vec![]);
        for _ in 0..1_100 {
            deep = l(vec![deep]);
        }
        assert!(err("flatten", vec![deep]).contains("nested"));
    }
}
