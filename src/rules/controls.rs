//! Control catalogues of compliance frameworks (`rules/compliance/<framework>.tsv`, compiled in):
//! every control of a benchmark, and whether a scan of Terraform code can decide it. Rules name
//! the controls they implement (`compliance` in a rule file); a catalogue adds the controls no
//! rule maps, so a compliance report can say which controls a static scan cannot verify and
//! why, instead of silently leaving them out.

use std::fmt;

/// What a scan of Terraform code can say about a control.
#[derive(Debug, Clone, Copy, PartialEq, Eq, serde::Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum ControlScope {
    /// About settings of resources Terraform declares: a rule can check it.
    Resource,
    /// Asks that something exist somewhere in the account or organisation: one configuration
    /// cannot show that it is missing everywhere else.
    Estate,
    /// About state Terraform does not manage (root user, credential age and use, process).
    Outside,
}

impl ControlScope {
    fn parse(s: &str) -> Option<Self> {
        match s {
            "resource" => Some(Self::Resource),
            "estate" => Some(Self::Estate),
            "outside" => Some(Self::Outside),
            _ => None,
        }
    }
}

/// One control of a framework.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Control {
    pub id: String,
    pub scope: ControlScope,
    pub title: String,
    /// Why a static scan cannot decide it (for scopes other than `Resource`).
    pub reason: Option<String>,
}

/// The controls of one framework, in benchmark order.
#[derive(Debug, Clone)]
pub struct ControlCatalog {
    pub framework: String,
    pub controls: Vec<Control>,
}

/// A malformed catalogue line.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct CatalogError {
    pub origin: String,
    pub line: usize,
    pub message: String,
}

impl fmt::Display for CatalogError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}:{}: {}", self.origin, self.line, self.message)
    }
}

impl ControlCatalog {
    /// The built-in catalogue of `framework` (`cis-aws-1.4`), when there is one.
    pub fn builtin(framework: &str) -> Option<Result<Self, CatalogError>> {
        let path = format!("compliance/{framework}.tsv");
        super::builtin_files(".tsv")
            .find(|(p, _)| *p == path)
            .map(|(p, text)| Self::parse(framework, &format!("rules/{p}"), text))
    }

    /// Frameworks with a built-in catalogue.
    pub fn builtin_frameworks() -> Vec<&'static str> {
        super::builtin_files(".tsv")
            .filter_map(|(p, _)| p.strip_prefix("compliance/")?.strip_suffix(".tsv"))
            .collect()
    }

    /// Parses a catalogue: `control<TAB>scope<TAB>title[<TAB>reason]`, `#` comments.
    pub fn parse(framework: &str, origin: &str, text: &str) -> Result<Self, CatalogError> {
        let mut controls: Vec<Control> = Vec::new();
        for (i, line) in text.lines().enumerate() {
            let err = |message: String| CatalogError {
                origin: origin.to_string(),
                line: i + 1,
                message,
            };
            if line.trim().is_empty() || line.starts_with('#') {
                continue;
            }
            let cols: Vec<&str> = line.split('\t').collect();
            if !(3..=4).contains(&cols.len()) {
                return Err(err(format!(
                    "expected 3 or 4 tab-separated columns (control, scope, title, reason), found {}",
                    cols.len()
                )));
            }
            let id = cols[0].trim();
            if id.is_empty() || !id.split('.').all(|p| p.parse::<u32>().is_ok()) {
                return Err(err(format!(
                    "control `{id}` is not a dotted number such as 2.1.1"
                )));
            }
            let scope = ControlScope::parse(cols[1].trim()).ok_or_else(|| {
                err(format!(
                    "scope `{}` is not one of resource, estate, outside",
                    cols[1].trim()
                ))
            })?;
            let reason = cols.get(3).map(|r| r.trim().to_string());
            match (scope, &reason) {
                (ControlScope::Resource, Some(_)) => {
                    return Err(err(format!(
                        "control {id} is checkable per resource: it takes no reason"
                    )))
                }
                (ControlScope::Estate | ControlScope::Outside, None) => {
                    return Err(err(format!(
                        "control {id} cannot be decided statically: say why in a fourth column"
                    )))
                }
                _ => {}
            }
            if controls.iter().any(|c| c.id == id) {
                return Err(err(format!("control {id} is listed twice")));
            }
            controls.push(Control {
                id: id.to_string(),
                scope,
                title: cols[2].trim().to_string(),
                reason,
            });
        }
        controls.sort_by(|a, b| control_order(&a.id, &b.id));
        Ok(Self {
            framework: framework.to_string(),
            controls,
        })
    }

    pub fn get(&self, id: &str) -> Option<&Control> {
        self.controls.iter().find(|c| c.id == id)
    }
}

/// Orders control ids numerically by their dotted parts (`1.2` < `1.10` < `2.1.1`); ids that
/// are not dotted numbers sort after, as text.
pub fn control_order(a: &str, b: &str) -> std::cmp::Ordering {
    let key = |s: &str| -> Option<Vec<u32>> { s.split('.').map(|p| p.parse().ok()).collect() };
    match (key(a), key(b)) {
        (Some(x), Some(y)) => x.cmp(&y),
        (Some(_), None) => std::cmp::Ordering::Less,
        (None, Some(_)) => std::cmp::Ordering::Greater,
        (None, None) => a.cmp(b),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_builtin_catalogue_parses() {
        let frameworks = ControlCatalog::builtin_frameworks();
        assert!(frameworks.contains(&"cis-aws-1.4"), "{frameworks:?}");
        for fw in frameworks {
            let cat = ControlCatalog::builtin(fw)
                .expect("listed")
                .unwrap_or_else(|e| panic!("{e}"));
            assert!(!cat.controls.is_empty(), "{fw}");
        }
    }

    #[test]
    fn controls_sort_numerically() {
        let mut ids = vec!["1.10", "2.1.1", "1.2", "1.1", "10.1", "2.1"];
        ids.sort_by(|a, b| control_order(a, b));
        assert_eq!(ids, ["1.1", "1.2", "1.10", "2.1", "2.1.1", "10.1"]);
    }

    #[test]
    fn malformed_lines_are_located() {
        let e = ControlCatalog::parse("x", "x.tsv", "# c\n1.1\tresource\tok\n1.2\tmaybe\tt\n")
            .expect_err("bad scope");
        assert_eq!(e.line, 3);
        assert!(e.message.contains("maybe"), "{e}");
        let e =
            ControlCatalog::parse("x", "x.tsv", "1.1\toutside\tno reason\n").expect_err("reason");
        assert!(e.message.contains("say why"), "{e}");
        let e = ControlCatalog::parse("x", "x.tsv", "1.1\tresource\ta\n1.1\tresource\tb\n")
            .expect_err("twice");
        assert_eq!(e.line, 2);
        let e = ControlCatalog::parse("x", "x.tsv", "one\tresource\ta\n").expect_err("id");
        assert!(e.message.contains("dotted"), "{e}");
    }

    /// A rule may only name a control the framework's catalogue lists, and only one a rule can
    /// check: a typo, or a control no resource setting can satisfy, is a data error.
    #[test]
    fn rules_map_only_catalogued_checkable_controls() {
        let rules = crate::rules::RuleSet::builtin().expect("built-in rules");
        let mut problems = Vec::new();
        for fw in ControlCatalog::builtin_frameworks() {
            let cat = ControlCatalog::builtin(fw)
                .expect("listed")
                .expect("parses");
            for rule in rules.rules() {
                for (f, ids) in &rule.compliance {
                    if f != fw {
                        continue;
                    }
                    for id in ids {
                        match cat.get(id) {
                            None => problems.push(format!("{}: {fw} has no control {id}", rule.id)),
                            Some(c) if c.scope != ControlScope::Resource => problems.push(format!(
                                "{}: {fw} {id} is marked {:?} in the catalogue",
                                rule.id, c.scope
                            )),
                            Some(_) => {}
                        }
                    }
                }
            }
        }
        assert!(problems.is_empty(), "{}", problems.join("\n"));
    }
}
