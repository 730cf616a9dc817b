//! Rule selection: which rules a scan runs (`--rule`, `--skip-rule`, `--provider`, `--area`,
//! `--min-severity`, and the config's `rules { }` block), and severity overrides. Single-resource
//! rules and exposure-path rules are selected alike, as [`Selectable`]s.

use crate::diag::ConfigError;
use crate::rules::{Rule, RuleSet};
use crate::taxonomy::{Area, Severity};
use globset::{Glob, GlobMatcher};

#[derive(Debug, Clone, Default)]
pub struct RuleSelection {
    /// Id globs (or aliases): when non-empty, only matching rules run.
    pub enable: Vec<String>,
    /// Id globs (or aliases) of rules that do not run.
    pub disable: Vec<String>,
    /// When non-empty, only rules of these providers (`aws`, `azure`, `google`) run.
    pub providers: Vec<String>,
    /// Providers whose rules do not run.
    pub disable_providers: Vec<String>,
    /// When non-empty, only rules of these areas run.
    pub areas: Vec<Area>,
    /// Areas whose rules do not run.
    pub disable_areas: Vec<Area>,
    /// Rules below this (effective) severity do not run.
    pub min_severity: Option<Severity>,
    /// Rule id glob (or alias) → severity its findings get instead of the rule's.
    pub severity_overrides: Vec<(String, Severity)>,
    /// When non-empty, only rules mapped to a control of one of these compliance frameworks
    /// (`cis-aws-1.4`) run.
    pub compliance: Vec<String>,
}

/// What a selection looks at in a rule: the same for single-resource rules and path rules, so
/// `--rule`, `--skip-rule`, providers, areas, severities and frameworks treat both alike.
pub trait Selectable {
    fn id(&self) -> &str;
    /// Whether `name` is the rule's id or one of its aliases.
    fn is_named(&self, name: &str) -> bool;
    fn provider(&self) -> &str;
    fn area(&self) -> Area;
    /// The rule's own severity, before overrides.
    fn severity(&self) -> Severity;
    /// Whether the rule maps to a control of `framework`.
    fn maps_to(&self, framework: &str) -> bool;
    /// The frameworks the rule maps to.
    fn frameworks(&self) -> Vec<&str>;
}

/// A rule kind whose severity is fixed when it is selected (path rules: their findings are
/// made with it), rather than looked up for each finding.
pub trait Reseverable: Selectable {
    fn set_severity(&mut self, severity: Severity);
}

impl Selectable for Rule {
    fn id(&self) -> &str {
        &self.id
    }
    fn is_named(&self, name: &str) -> bool {
        Rule::is_named(self, name)
    }
    fn provider(&self) -> &str {
        &self.provider
    }
    fn area(&self) -> Area {
        self.area
    }
    fn severity(&self) -> Severity {
        self.severity
    }
    fn maps_to(&self, framework: &str) -> bool {
        self.compliance.iter().any(|(f, _)| f == framework)
    }
    fn frameworks(&self) -> Vec<&str> {
        self.compliance.iter().map(|(f, _)| f.as_str()).collect()
    }
}

/// Compiled severity overrides: the last pattern matching a rule gives its severity.
pub struct Severities(Vec<(Pattern, Severity)>);

impl Severities {
    /// The severity findings of `rule` get, after overrides.
    pub fn of(&self, rule: &(impl Selectable + ?Sized)) -> Severity {
        self.0
            .iter()
            .rev()
            .find(|(p, _)| p.matches(rule))
            .map(|(_, s)| *s)
            .unwrap_or(rule.severity())
    }
}

struct Pattern {
    text: String,
    glob: Option<GlobMatcher>,
}

impl Pattern {
    fn new(text: &str, what: &str) -> Result<Pattern, String> {
        let glob = if text.contains(['*', '?', '[', '{']) {
            Some(
                Glob::new(text)
                    .map_err(|e| format!("invalid {what} pattern `{text}`: {e}"))?
                    .compile_matcher(),
            )
        } else {
            None
        };
        Ok(Pattern {
            text: text.to_string(),
            glob,
        })
    }

    fn matches(&self, rule: &(impl Selectable + ?Sized)) -> bool {
        match &self.glob {
            Some(g) => g.is_match(rule.id()),
            None => rule.is_named(&self.text),
        }
    }
}

fn patterns(list: &[String], what: &str, errors: &mut Vec<String>) -> Vec<Pattern> {
    list.iter()
        .filter_map(|p| Pattern::new(p, what).map_err(|e| errors.push(e)).ok())
        .collect()
}

impl RuleSelection {
    pub fn is_empty(&self) -> bool {
        self.enable.is_empty()
            && self.disable.is_empty()
            && self.providers.is_empty()
            && self.disable_providers.is_empty()
            && self.areas.is_empty()
            && self.disable_areas.is_empty()
            && self.min_severity.is_none()
            && self.severity_overrides.is_empty()
            && self.compliance.is_empty()
    }

    /// The severity overrides, compiled once (a pattern that does not compile overrides
    /// nothing; `apply` reports it).
    pub fn severities(&self) -> Severities {
        Severities(
            self.severity_overrides
                .iter()
                .filter_map(|(p, s)| Pattern::new(p, "").ok().map(|p| (p, *s)))
                .collect(),
        )
    }

    /// Keeps the selected rules, single-resource and path rules alike, and gives the path
    /// rules their overridden severity (their findings are made with it). A pattern that
    /// matches no rule of either kind is an error (most likely a typo), as is an unknown
    /// provider.
    pub fn apply<P: Reseverable>(
        &self,
        rules: &mut RuleSet,
        path_rules: &mut Vec<P>,
    ) -> Result<(), ConfigError> {
        if self.is_empty() {
            return Ok(());
        }
        let mut errors = Vec::new();
        let enable = patterns(&self.enable, "--rule / rules.enable", &mut errors);
        let disable = patterns(&self.disable, "--skip-rule / rules.disable", &mut errors);
        let overrides = patterns(
            &self
                .severity_overrides
                .iter()
                .map(|(p, _)| p.clone())
                .collect::<Vec<_>>(),
            "severity_overrides",
            &mut errors,
        );
        let all: Vec<&dyn Selectable> = rules
            .rules()
            .iter()
            .map(|r| &**r as &dyn Selectable)
            .chain(path_rules.iter().map(|r| r as &dyn Selectable))
            .collect();
        for (list, what) in [
            (&enable, "--rule / rules.enable"),
            (&disable, "--skip-rule / rules.disable"),
            (&overrides, "severity_overrides"),
        ] {
            for p in list {
                if !all.iter().any(|r| p.matches(*r)) {
                    errors.push(format!("{what}: no rule matches `{}`", p.text));
                }
            }
        }
        let known: Vec<&str> = all.iter().map(|r| r.provider()).collect();
        for p in self.providers.iter().chain(&self.disable_providers) {
            if !known.contains(&p.as_str()) {
                let mut names: Vec<&str> = known.clone();
                names.sort();
                names.dedup();
                errors.push(format!(
                    "unknown provider `{p}` (rules exist for: {})",
                    names.join(", ")
                ));
            }
        }
        for framework in &self.compliance {
            if !all.iter().any(|r| r.maps_to(framework)) {
                let mut names: Vec<&str> = all.iter().flat_map(|r| r.frameworks()).collect();
                names.sort();
                names.dedup();
                errors.push(format!(
                    "--compliance: no rule maps to `{framework}` (frameworks mapped: {})",
                    if names.is_empty() {
                        "none".to_string()
                    } else {
                        names.join(", ")
                    }
                ));
            }
        }
        drop(all);
        if !errors.is_empty() {
            return Err(ConfigError(errors));
        }
        let severities = self.severities();
        let selected = |r: &dyn Selectable| {
            (enable.is_empty() || enable.iter().any(|p| p.matches(r)))
                && !disable.iter().any(|p| p.matches(r))
                && (self.providers.is_empty() || self.providers.iter().any(|p| p == r.provider()))
                && !self.disable_providers.iter().any(|p| p == r.provider())
                && (self.areas.is_empty() || self.areas.contains(&r.area()))
                && !self.disable_areas.contains(&r.area())
                && self.min_severity.is_none_or(|min| severities.of(r) >= min)
                && (self.compliance.is_empty() || self.compliance.iter().any(|f| r.maps_to(f)))
        };
        rules.retain(|r| selected(r));
        path_rules.retain(|r| selected(r));
        for r in path_rules.iter_mut() {
            let severity = severities.of(&*r);
            r.set_severity(severity);
        }
        Ok(())
    }
}
