//! The project configuration file, `.onus.hcl`: found by walking up from the first scanned path
//! (up to a directory holding `.git`, or the filesystem root) or named with `--config`. Every
//! setting has a command-line counterpart that overrides it.
//!
//! ```hcl
//! fail_on = "high"
//! format  = "compact"
//! rules {
//!   disable = ["aws-s3-bucket-access-logging", "aws-s3-*-versioning"]
//! }
//! severity_overrides = { "aws-ebs-volume-encryption" = "medium" }
//! ```

use crate::diag::ConfigError;
use crate::load::ast::{Attribute, Body};
use crate::load::hcl;
use crate::report::Format;
use crate::rules::RuleSelection;
use crate::scan::ScanOptions;
use crate::source::{FileId, SourceFile};
use crate::suppress::ReasonPolicy;
use crate::taxonomy::{Area, Severity};
use crate::value::{Kind, Value};
use std::path::{Path, PathBuf};

/// Name of the configuration file.
pub const FILE_NAME: &str = ".onus.hcl";

/// Settings read from a configuration file; `None`/empty where the file says nothing.
#[derive(Debug, Clone, Default)]
pub struct Config {
    /// The file read, if any.
    pub path: Option<PathBuf>,
    pub fail_on: Option<Threshold>,
    pub format: Option<Format>,
    /// Path globs not to scan (added to `--exclude`).
    pub exclude: Vec<String>,
    /// Rule directories, relative to the configuration file's directory (added to `--rules`).
    pub rule_dirs: Vec<PathBuf>,
    /// Variable files, relative to the configuration file's directory (read before `--var-file`).
    pub var_files: Vec<PathBuf>,
    pub require_reason: Option<ReasonPolicy>,
    pub report_unused_ignores: Option<bool>,
    /// Baseline file, relative to the configuration file's directory.
    pub baseline: Option<PathBuf>,
    /// `rules { }` and `severity_overrides`.
    pub select: RuleSelection,
}

impl Config {
    /// The scan options these settings give, on top of `opts` (what the command line or the
    /// editor set): the file's excludes, variable files and rule directories come before the
    /// command line's; its rule selection and suppression settings replace the defaults.
    /// Callers apply their own overriding flags afterwards. The one mapping from `.onus.hcl`
    /// to [`ScanOptions`], shared by the command line and the language server.
    pub fn apply_to(&self, mut opts: ScanOptions) -> ScanOptions {
        opts.exclude = self.exclude.iter().cloned().chain(opts.exclude).collect();
        opts.var_files = self
            .var_files
            .iter()
            .cloned()
            .chain(opts.var_files)
            .collect();
        opts.rule_dirs = self
            .rule_dirs
            .iter()
            .cloned()
            .chain(opts.rule_dirs)
            .collect();
        opts.select = self.select.clone();
        opts.suppress.require_reason = self.require_reason.unwrap_or_default();
        opts.suppress.report_unused_ignores = self.report_unused_ignores.unwrap_or(false);
        opts.suppress.baseline = self.baseline.clone();
        opts
    }
}

/// The configuration file that applies to a scan of `start`: `.onus.hcl` in its directory or
/// the nearest ancestor, stopping after a directory that holds `.git` (the repository root).
pub fn discover(start: &Path) -> Option<PathBuf> {
    let abs = if start.is_absolute() {
        start.to_path_buf()
    } else {
        std::env::current_dir().ok()?.join(start)
    };
    let abs = abs.canonicalize().unwrap_or(abs);
    let mut dir = if abs.is_dir() {
        abs.as_path()
    } else {
        abs.parent()?
    };
    loop {
        let candidate = dir.join(FILE_NAME);
        if candidate.is_file() {
            return Some(candidate);
        }
        if dir.join(".git").exists() {
            return None;
        }
        dir = dir.parent()?;
    }
}

/// Reads and checks a configuration file.
pub fn load(path: &Path) -> Result<Config, ConfigError> {
    // Shown relative to the working directory when it is below it.
    let shown = std::env::current_dir()
        .ok()
        .and_then(|cwd| path.strip_prefix(cwd).ok().map(Path::to_path_buf))
        .unwrap_or_else(|| path.to_path_buf());
    let origin = crate::source::display_file_path(&shown);
    let text = std::fs::read_to_string(path)
        .map_err(|e| ConfigError(vec![format!("cannot read {origin}: {e}")]))?;
    let base = path.parent().unwrap_or(Path::new("."));
    let mut config = parse(&text, &origin, base)?;
    config.path = Some(path.to_path_buf());
    Ok(config)
}

/// Parses configuration text; `origin` names it in errors (`origin:line:col: message`) and
/// relative paths are resolved against `base`.
pub fn parse(text: &str, origin: &str, base: &Path) -> Result<Config, ConfigError> {
    let source = SourceFile::new(origin.to_string(), origin.into(), text);
    let at = |offset: u32, msg: String| -> String {
        let lc = source.line_col(offset);
        format!("{origin}:{}:{}: {msg}", lc.line, lc.column)
    };
    let body = hcl::parse(FileId(0), text)
        .map_err(|d| ConfigError(vec![at(d.span.map(|s| s.start).unwrap_or(0), d.message)]))?;
    let mut errors = Vec::new();
    let mut config = Config::default();
    let resolve = |p: String| -> PathBuf {
        let p = PathBuf::from(p);
        if p.is_absolute() || base.as_os_str().is_empty() {
            p
        } else {
            base.join(p)
        }
    };
    for a in &body.attributes {
        let r = Reader { a, at: &at };
        let res: Result<(), String> = (|| {
            match &*a.name {
                "fail_on" => {
                    let s = r.string()?;
                    config.fail_on = Some(parse_threshold(&s).map_err(|e| r.err(e))?);
                }
                "format" => {
                    let s = r.string()?;
                    config.format = Some(s.parse::<Format>().map_err(|_| {
                        r.err(format!(
                            "unknown format `{s}` (expected {})",
                            format_names()
                        ))
                    })?);
                }
                "exclude" => config.exclude = r.strings()?,
                "rule_dirs" => config.rule_dirs = r.strings()?.into_iter().map(resolve).collect(),
                "var_files" => config.var_files = r.strings()?.into_iter().map(resolve).collect(),
                "baseline" => config.baseline = Some(resolve(r.string()?)),
                "require_reason" => config.require_reason = Some(r.reason_policy()?),
                "report_unused_ignores" => config.report_unused_ignores = Some(r.bool()?),
                "severity_overrides" => {
                    let v = r.value()?;
                    let Some(map) = v.as_object() else {
                        return Err(r.err(
                            "`severity_overrides` must be an object: { \"rule-id\" = \"low\" }"
                                .into(),
                        ));
                    };
                    for (k, v) in map.iter() {
                        // Located at the entry's value when the literal carries its place.
                        let at_value = |msg: String| match v.span {
                            Some(span) => at(span.start, msg),
                            None => r.err(msg),
                        };
                        let sev = v
                            .as_str()
                            .ok_or_else(|| format!("the severity of `{k}` must be a string"))
                            .and_then(|s| s.parse::<Severity>())
                            .map_err(|e| at_value(format!("severity_overrides: {e}")))?;
                        config.select.severity_overrides.push((k.to_string(), sev));
                    }
                }
                other => {
                    return Err(r.err_name(format!(
                        "unknown setting `{other}` (expected one of: {})",
                        SETTINGS.join(", ")
                    )))
                }
            }
            Ok(())
        })();
        if let Err(e) = res {
            errors.push(e);
        }
    }
    let mut seen_rules = false;
    for b in &body.blocks {
        if &*b.kind != "rules" {
            errors.push(at(
                b.header.start,
                format!(
                    "unknown block `{}` (the only block is `rules {{ }}`)",
                    b.kind
                ),
            ));
            continue;
        }
        if seen_rules {
            errors.push(at(
                b.header.start,
                "only one `rules` block is allowed".into(),
            ));
            continue;
        }
        seen_rules = true;
        if !b.labels.is_empty() {
            errors.push(at(
                b.header.start,
                "the `rules` block takes no label".into(),
            ));
        }
        rules_block(&b.body, &mut config.select, &at, &mut errors);
    }
    if errors.is_empty() {
        Ok(config)
    } else {
        Err(ConfigError(errors))
    }
}

const SETTINGS: [&str; 10] = [
    "fail_on",
    "format",
    "exclude",
    "rule_dirs",
    "var_files",
    "baseline",
    "require_reason",
    "report_unused_ignores",
    "severity_overrides",
    "rules { }",
];

const RULES_SETTINGS: [&str; 8] = [
    "enable",
    "disable",
    "providers",
    "disable_providers",
    "areas",
    "disable_areas",
    "min_severity",
    "compliance",
];

fn format_names() -> String {
    Format::ALL
        .iter()
        .map(|f| f.name())
        .collect::<Vec<_>>()
        .join(", ")
}

fn rules_block(
    body: &Body,
    select: &mut RuleSelection,
    at: &dyn Fn(u32, String) -> String,
    errors: &mut Vec<String>,
) {
    for b in &body.blocks {
        errors.push(at(
            b.header.start,
            format!("unexpected block `{}` inside `rules`", b.kind),
        ));
    }
    for a in &body.attributes {
        let r = Reader { a, at };
        let areas = |r: &Reader<'_>| -> Result<Vec<Area>, String> {
            r.strings()?
                .iter()
                .map(|s| s.parse::<Area>().map_err(|e| r.err(e)))
                .collect()
        };
        let res: Result<(), String> = match &*a.name {
            "enable" => r.strings().map(|v| select.enable = v),
            "disable" => r.strings().map(|v| select.disable = v),
            "providers" => r.strings().map(|v| select.providers = v),
            "disable_providers" => r.strings().map(|v| select.disable_providers = v),
            "areas" => areas(&r).map(|v| select.areas = v),
            "disable_areas" => areas(&r).map(|v| select.disable_areas = v),
            "compliance" => r.strings().map(|v| select.compliance = v),
            "min_severity" => r.string().and_then(|s| {
                s.parse::<Severity>()
                    .map(|v| select.min_severity = Some(v))
                    .map_err(|e| r.err(e))
            }),
            other => Err(r.err_name(format!(
                "unknown setting `{other}` in `rules` (expected one of: {})",
                RULES_SETTINGS.join(", ")
            ))),
        };
        if let Err(e) = res {
            errors.push(e);
        }
    }
}

/// Reads one attribute's literal value, with errors located at it.
struct Reader<'a> {
    a: &'a Attribute,
    at: &'a dyn Fn(u32, String) -> String,
}

impl Reader<'_> {
    /// An error about the value: located at the value, where the fix goes.
    fn err(&self, msg: String) -> String {
        (self.at)(self.a.expr.span.start, msg)
    }

    /// An error about the setting itself (its name): located at the name.
    fn err_name(&self, msg: String) -> String {
        (self.at)(self.a.span.start, msg)
    }

    fn value(&self) -> Result<Value, String> {
        match crate::eval::constant_value(&self.a.expr) {
            Some(v) if v.is_wholly_known() => Ok(v),
            _ => Err(self.err(format!(
                "`{}` must be a literal value (no variables or references)",
                self.a.name
            ))),
        }
    }

    fn string(&self) -> Result<String, String> {
        let v = self.value()?;
        v.as_str()
            .map(str::to_string)
            .ok_or_else(|| self.err(format!("`{}` must be a string", self.a.name)))
    }

    fn bool(&self) -> Result<bool, String> {
        match self.value()?.kind {
            Kind::Bool(b) => Ok(b),
            _ => Err(self.err(format!("`{}` must be true or false", self.a.name))),
        }
    }

    /// `true`, `false` or `"all"`.
    fn reason_policy(&self) -> Result<ReasonPolicy, String> {
        match self.value()?.kind {
            Kind::Bool(true) => Ok(ReasonPolicy::OwnSyntax),
            Kind::Bool(false) => Ok(ReasonPolicy::Never),
            Kind::String(ref s) if &**s == "all" => Ok(ReasonPolicy::All),
            _ => Err(self.err(format!("`{}` must be true, false or \"all\"", self.a.name))),
        }
    }

    fn strings(&self) -> Result<Vec<String>, String> {
        let v = self.value()?;
        v.as_list()
            .and_then(|l| {
                l.iter()
                    .map(|x| x.as_str().map(str::to_string))
                    .collect::<Option<Vec<_>>>()
            })
            .ok_or_else(|| self.err(format!("`{}` must be a list of strings", self.a.name)))
    }
}

/// The file `onus init` writes: every setting, commented out, with what it does.
pub const TEMPLATE: &str = r#"# onus configuration. onus reads the nearest .onus.hcl at or above the scanned path (up to
# the repository root); command-line flags override these settings.
# Reference: docs/suppressions.md

# Exit with status 1 when an unsuppressed finding is at or above this severity
# (critical, high, medium, low; "never" to exit 0 whatever is found).
# fail_on = "low"

# Output format when --format is not given.
# format = "human"

# Paths not to scan (globs, added to --exclude).
# exclude = ["examples/**", "test/fixtures"]

# Extra rule directories and variable files, relative to this file.
# rule_dirs = ["policy/onus"]
# var_files = ["env/prod.tfvars"]

# Findings recorded in this baseline are suppressed (write it with `onus baseline write`).
# baseline = ".onus-baseline.json"

# Ignore comments (# onus:ignore:RULE-ID reason) must give a reason to take effect.
# Other tools' comments (tfsec:ignore, trivy:ignore, checkov:skip) are honoured as written
# and counted as ignores without a reason; "all" makes them need a reason too, false lets
# every ignore go without one.
# require_reason = true

# Report ignore comments that suppress nothing.
# report_unused_ignores = false

# Which rules run. Ids and globs; a peer's alias (CKV_AWS_20) also names a rule.
rules {
  # enable            = ["aws-*"]             # only these (empty: all)
  # disable           = ["aws-s3-bucket-access-logging"]
  # providers         = ["aws"]               # only these providers
  # disable_providers = ["google"]
  # areas             = ["data-protection", "identity-access"]
  # disable_areas     = ["application-workload"]
  # min_severity      = "medium"
}

# Change the severity findings of a rule get.
# severity_overrides = {
#   "aws-s3-bucket-versioning" = "low"
# }
"#;

/// The least severity that makes a scan fail (`fail_on`, `--fail-on`), or never.
#[derive(Debug, Clone, Copy)]
pub enum Threshold {
    At(Severity),
    Never,
}

/// Reads a threshold: a severity, `any` (the lowest) or `never`/`none`.
pub fn parse_threshold(s: &str) -> Result<Threshold, String> {
    match s {
        "never" | "none" => Ok(Threshold::Never),
        "any" => Ok(Threshold::At(Severity::Low)),
        other => other.parse().map(Threshold::At).map_err(|_| {
            format!(
                "unknown threshold `{other}` (expected critical, high, medium, low, any or never)"
            )
        }),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn template_parses() {
        let c = parse(TEMPLATE, FILE_NAME, Path::new(""));
        assert!(c.is_ok(), "{:?}", c.err());
    }

    #[test]
    fn reads_every_setting() {
        let text = r#"
fail_on = "high"
format = "json"
exclude = ["a/**"]
rule_dirs = ["r"]
var_files = ["v.tfvars"]
require_reason = false
report_unused_ignores = true
baseline = "b.json"
rules {
  enable = ["aws-*"]
  disable = ["aws-s3-bucket-versioning"]
  providers = ["aws"]
  areas = ["data-protection"]
  min_severity = "medium"
}
severity_overrides = { "aws-ebs-volume-encryption" = "low" }
"#;
        let c = match parse(text, "x/.onus.hcl", Path::new("x")) {
            Ok(c) => c,
            Err(e) => panic!("{e}"),
        };
        assert!(matches!(c.fail_on, Some(Threshold::At(Severity::High))));
        assert_eq!(c.format, Some(Format::Json));
        assert_eq!(c.rule_dirs, vec![PathBuf::from("x/r")]);
        assert_eq!(c.baseline, Some(PathBuf::from("x/b.json")));
        assert_eq!(c.require_reason, Some(ReasonPolicy::Never));
        assert_eq!(c.select.enable, vec!["aws-*"]);
        assert_eq!(c.select.areas, vec![Area::DataProtection]);
        assert_eq!(c.select.min_severity, Some(Severity::Medium));
        assert_eq!(
            c.select.severity_overrides,
            vec![("aws-ebs-volume-encryption".to_string(), Severity::Low)]
        );
    }

    #[test]
    fn settings_come_before_the_command_line_in_scan_options() {
        let text = "exclude = [\"a/**\"]\nvar_files = [\"v.tfvars\"]\nreport_unused_ignores = true\nbaseline = \"b.json\"\nrules {\n  disable = [\"aws-x\"]\n}\n";
        let c = match parse(text, ".onus.hcl", Path::new("x")) {
            Ok(c) => c,
            Err(e) => panic!("{e}"),
        };
        let from_cli = ScanOptions {
            exclude: vec!["b/**".to_string()],
            var_files: vec![PathBuf::from("cli.tfvars")],
            ..ScanOptions::default()
        };
        let opts = c.apply_to(from_cli);
        assert_eq!(opts.exclude, ["a/**", "b/**"]);
        assert_eq!(
            opts.var_files,
            [PathBuf::from("x/v.tfvars"), PathBuf::from("cli.tfvars")]
        );
        assert_eq!(opts.select.disable, ["aws-x"]);
        assert!(opts.suppress.report_unused_ignores);
        assert_eq!(opts.suppress.baseline, Some(PathBuf::from("x/b.json")));
    }

    #[test]
    fn a_bad_severity_override_points_at_its_value() {
        let text = "severity_overrides = {\n  \"aws-s3-x\" = \"urgent\"\n}\n";
        let e = parse(text, ".onus.hcl", Path::new("")).err().map(|e| e.0);
        let e = e.expect("an error");
        assert_eq!(e.len(), 1, "{e:?}");
        assert!(
            e[0].starts_with(".onus.hcl:2:16: severity_overrides: "),
            "{e:?}"
        );
    }

    #[test]
    fn errors_name_file_and_line() {
        let text = "fail_on = \"high\"\n\nrequire_reason = \"yes\"\nrules {\n  typo = []\n}\n";
        let e = parse(text, ".onus.hcl", Path::new("")).err().map(|e| e.0);
        assert_eq!(
            e,
            Some(vec![
                ".onus.hcl:3:18: `require_reason` must be true, false or \"all\"".to_string(),
                ".onus.hcl:5:3: unknown setting `typo` in `rules` (expected one of: enable, disable, providers, disable_providers, areas, disable_areas, min_severity, compliance)".to_string(),
            ])
        );
        let e = parse("fail_on = \n", ".onus.hcl", Path::new(""));
        assert!(e.is_err_and(|e| e.0[0].starts_with(".onus.hcl:")));
    }
}
