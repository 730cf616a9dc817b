//! Rule selection: which rules a scan runs (`--rule`, `--skip-rule`, `--provider`, `--area`,
//! `--min-severity`, and the config's `rules { }` block), and severity overrides.

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

/// Compiled severity overrides: the last pattern matching a rule gives its severity.
pub struct Severities(Vec<(Pattern, Severity)>);

impl Severities {
    /// The severity findings of `rule` get, after overrides.
    pub fn of(&self, rule: &Rule) -> Severity {
        self.0
            .iter()
            .rev()
            .find(|(p, _)| p.matches(rule))
            .map(|(_, s)| *s)
            .unwrap_or(rule.severity)
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

    fn matches(&self, rule: &Rule) -> bool {
        match &self.glob {
            Some(g) => g.is_match(&*rule.id),
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

    /// Keeps the selected rules. A pattern that matches no rule is an error (most likely a
    /// typo), as is an unknown provider.
    pub fn apply(&self, rules: &mut RuleSet) -> Result<(), ConfigError> {
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
        for (list, what) in [
            (&enable, "--rule / rules.enable"),
            (&disable, "--skip-rule / rules.disable"),
            (&overrides, "severity_overrides"),
        ] {
            for p in list {
                if !rules.rules().iter().any(|r| p.matches(r)) {
                    errors.push(format!("{what}: no rule matches `{}`", p.text));
                }
            }
        }
        let known: Vec<&str> = rules.rules().iter().map(|r| r.provider.as_str()).collect();
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
            let mapped = |r: &Rule| r.compliance.iter().any(|(f, _)| f == framework);
            if !rules.rules().iter().any(|r| mapped(r)) {
                let mut names: Vec<&str> = rules
                    .rules()
                    .iter()
                    .flat_map(|r| r.compliance.iter().map(|(f, _)| f.as_str()))
                    .collect();
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
        if !errors.is_empty() {
            return Err(ConfigError(errors));
        }
        let severities = self.severities();
        rules.retain(|r| {
            (enable.is_empty() || enable.iter().any(|p| p.matches(r)))
                && !disable.iter().any(|p| p.matches(r))
                && (self.providers.is_empty() || self.providers.contains(&r.provider))
                && !self.disable_providers.contains(&r.provider)
                && (self.areas.is_empty() || self.areas.contains(&r.area))
                && !self.disable_areas.contains(&r.area)
                && self.min_severity.is_none_or(|min| severities.of(r) >= min)
                && (self.compliance.is_empty()
                    || r.compliance
                        .iter()
                        .any(|(f, _)| self.compliance.contains(f)))
        });
        Ok(())
    }
}
