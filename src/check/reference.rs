//! The `refers_to` test: whether a value is read from a resource or data source of a type, or
//! from one attribute of it (`email = data.google_compute_default_service_account.default.email`,
//! `member = "serviceAccount:${google_service_account.sa.email}"`).

use crate::rules::ReadFrom;
use crate::value::{address_type, Kind, Tri, Value};

/// Whether `address`'s `attribute` is one of `names`.
fn named(names: &[ReadFrom], address: &str, attribute: Option<&str>) -> bool {
    let ty = address_type(address);
    names.iter().any(|n| {
        ty == Some(&*n.resource_type) && n.attribute.as_deref().is_none_or(|a| attribute == Some(a))
    })
}

/// Whether `v` is read from one of `names`: true for a plain reference to (an attribute of)
/// one, or a string template that interpolates one; false for a value written in the
/// configuration, a plain reference to something else, or a template whose every unknown part
/// plainly reads something else; unknown otherwise (a variable without a value, a value a
/// function or condition computed).
pub(super) fn refers_to(v: &Value, names: &[ReadFrom]) -> Tri {
    match &v.kind {
        Kind::Unknown(u) => {
            if let Some(r) = v.plain_reference() {
                return Tri::from_bool(named(names, r, v.plain_reference_attribute()));
            }
            match &u.gaps {
                Some(gaps)
                    if gaps
                        .iter()
                        .flatten()
                        .any(|(r, a)| named(names, r, a.as_deref())) =>
                {
                    Tri::True
                }
                Some(gaps) if gaps.iter().all(Option::is_some) => Tri::False,
                _ => Tri::Unknown,
            }
        }
        // A collection with unknown parts may hold such a reference; `each`/`none` over its
        // elements tells which.
        Kind::List(_) | Kind::Object(_) if !v.is_wholly_known() => Tri::Unknown,
        // Known when the configuration is read: written in it, not read from a resource.
        _ => Tri::False,
    }
}

/// The address `v` is read from, when it is one of `names`, for a finding's message.
pub(super) fn referenced<'v>(v: &'v Value, names: &[ReadFrom]) -> Option<&'v str> {
    if let Some(r) = v.plain_reference() {
        return named(names, r, v.plain_reference_attribute()).then_some(r);
    }
    v.as_unknown()?
        .gaps
        .as_ref()?
        .iter()
        .flatten()
        .find(|(r, a)| named(names, r, a.as_deref()))
        .map(|(r, _)| &**r)
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::sync::Arc;

    fn names(list: &[(&str, Option<&str>)]) -> Vec<ReadFrom> {
        list.iter()
            .map(|(t, a)| ReadFrom {
                resource_type: Arc::from(*t),
                attribute: a.map(Arc::from),
            })
            .collect()
    }

    fn sa() -> Vec<ReadFrom> {
        names(&[("data.google_compute_default_service_account", None)])
    }

    fn plain(addr: &str, attr: &str) -> Value {
        Value::unknown_ref(
            format!("{addr}.{attr} is read at apply time"),
            false,
            vec![Arc::from(addr)],
        )
    }

    fn template(parts: &[&str], gaps: Vec<Option<(&str, &str)>>) -> Value {
        let refs = gaps.iter().flatten().map(|(r, _)| Arc::from(*r)).collect();
        let mut v = Value::unknown_ref("string known only after apply", true, refs);
        if let Kind::Unknown(u) = &mut v.kind {
            let u = Arc::make_mut(u);
            u.literal_parts = Some(parts.iter().map(|p| Arc::from(*p)).collect());
            u.gaps = Some(
                gaps.into_iter()
                    .map(|g| g.map(|(r, a)| (Arc::from(r), Some(Arc::from(a)))))
                    .collect(),
            );
        }
        v
    }

    #[test]
    fn a_plain_reference_is_decided_by_its_type_and_attribute() {
        let d = plain(
            "data.google_compute_default_service_account.default",
            "email",
        );
        assert_eq!(refers_to(&d, &sa()), Tri::True);
        assert_eq!(
            referenced(&d, &sa()),
            Some("data.google_compute_default_service_account.default")
        );
        let in_module = plain(
            "module.m.data.google_compute_default_service_account.d",
            "id",
        );
        assert_eq!(refers_to(&in_module, &sa()), Tri::True);
        let email_only = names(&[("data.google_compute_default_service_account", Some("email"))]);
        assert_eq!(refers_to(&in_module, &email_only), Tri::False);
        let managed = plain("google_service_account.sa", "email");
        assert_eq!(refers_to(&managed, &sa()), Tri::False);
        assert_eq!(
            refers_to(&managed, &names(&[("google_service_account", None)])),
            Tri::True
        );
        // The managed type is not the data source type of the same name.
        assert_eq!(
            refers_to(&managed, &names(&[("data.google_service_account", None)])),
            Tri::False
        );
    }

    #[test]
    fn a_template_is_decided_by_what_it_interpolates() {
        let sa_addr = "data.google_compute_default_service_account.default";
        let member = template(&["serviceAccount:", ""], vec![Some((sa_addr, "email"))]);
        assert_eq!(refers_to(&member, &sa()), Tri::True);
        assert_eq!(referenced(&member, &sa()), Some(sa_addr));
        let email = names(&[("data.google_compute_default_service_account", Some("email"))]);
        let project = template(&["user:", "@example.com"], vec![Some((sa_addr, "project"))]);
        assert_eq!(refers_to(&project, &email), Tri::False);
        let own = template(
            &["serviceAccount:", ""],
            vec![Some(("google_service_account.a", "email"))],
        );
        assert_eq!(refers_to(&own, &sa()), Tri::False);
        // A part computed by a function or from a variable without a value may be anything.
        let computed = template(&["serviceAccount:", ""], vec![None]);
        assert_eq!(refers_to(&computed, &sa()), Tri::Unknown);
        let mixed = template(&["", ":", ""], vec![None, Some((sa_addr, "email"))]);
        assert_eq!(refers_to(&mixed, &sa()), Tri::True);
    }

    #[test]
    fn known_values_are_no_reference_and_unknown_ones_are_unknown() {
        assert_eq!(
            refers_to(&Value::string("serviceAccount:a@b.c"), &sa()),
            Tri::False
        );
        assert_eq!(
            refers_to(&Value::unknown("variable `m` has no value"), &sa()),
            Tri::Unknown
        );
        let computed = Value::unknown_ref(
            "result of lower() known only after apply",
            false,
            vec![Arc::from("data.google_compute_default_service_account.d")],
        );
        assert_eq!(refers_to(&computed, &sa()), Tri::Unknown);
        let list = Value::list(vec![Value::unknown("x")]);
        assert_eq!(refers_to(&list, &sa()), Tri::Unknown);
    }
}
