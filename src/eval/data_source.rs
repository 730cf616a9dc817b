//! Reading a data source's attributes: the arguments the configuration sets are known, and an
//! attribute the data source computes is unknown but remembers which data source it is read
//! from (`data.google_compute_default_service_account.default`), so a rule can tell a member
//! or an `email` taken from the default service account.

use crate::load::ast::Traverse;
use crate::value::{Kind, Value};
use std::sync::Arc;

/// `data.TYPE.NAME` followed by `ops` (the traversal after `data`: type, name, then the
/// attribute), given the data source's value and its address: the value and how many of
/// `ops` it used.
pub(super) fn read(value: Value, addr: String, ops: &[Traverse]) -> (Value, usize) {
    if let (Kind::Object(map), Some(Traverse::Attr(attr))) = (&value.kind, ops.get(2)) {
        if map.is_open() && map.get(attr).is_none() {
            let why = format!("{addr}.{attr} is read at apply time");
            // Identifiers every data source of a thing sets (a service account's `email`).
            let non_null = matches!(
                &**attr,
                "id" | "arn" | "name" | "email" | "member" | "self_link" | "unique_id"
            );
            return (Value::unknown_ref(why, non_null, vec![Arc::from(addr)]), 3);
        }
    }
    (value, 2)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::value::Map;

    fn attr(name: &str) -> Traverse {
        Traverse::Attr(Arc::from(name))
    }

    #[test]
    fn a_computed_attribute_remembers_its_data_source() {
        let mut map = Map::new();
        map.insert(Arc::from("project"), Value::string("p"));
        let data = Value::object(map.into_open());
        let ops = [attr("t"), attr("d"), attr("email")];
        let (v, used) = read(data.clone(), "module.m.data.t.d".into(), &ops);
        assert_eq!(used, 3);
        assert_eq!(v.plain_reference(), Some("module.m.data.t.d"));
        // An argument the configuration sets is left to the traversal: it reads back as is.
        let ops = [attr("t"), attr("d"), attr("project")];
        let (v, used) = read(data.clone(), "data.t.d".into(), &ops);
        assert_eq!((v, used), (data, 2));
    }
}
